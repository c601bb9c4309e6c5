//! Printed codes against the relics: every code in `plaques.toml` must open the relic it was
//! printed for, directly or, for a retired code, through its `redirect`. Once a plaque is
//! screwed to a gate its QR code must open the same relic's page for years.

use std::path::Path;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Location, display_path};
use crate::load::ledger::{FILE_NAME, LedgerFile, RawPlaque};

/// A printed code that no relic has any more, and the relic its landing page opens instead.
#[derive(Debug, Clone)]
pub struct Retired {
    pub id: String,
    pub redirect: String,
}

/// A relic as the ledger sees it: the code it has now and the folder it lives in.
pub struct Holder<'a> {
    pub id: &'a str,
    /// As messages show it: `sites/den-ca`.
    pub folder: &'a str,
    /// Its name in the default language.
    pub name: &'a str,
    /// Its `index.md` and where that writes the id, for messages aimed at the relic.
    pub file: &'a Path,
    pub id_at: &'a Location,
}

/// Checks that every printed code still opens the relic it was printed for, or the one its
/// entry redirects to. `holders` are the project's relics; `taken` every code in use or
/// printed, to suggest a free one.
pub fn check(
    ledger: &LedgerFile,
    holders: &[Holder<'_>],
    taken: &[String],
    config: &Config,
) -> (Vec<Retired>, Vec<Diagnostic>) {
    let file = Path::new(FILE_NAME);
    let at = |span: std::ops::Range<usize>| Location::of_span(&ledger.source, span);
    let holder_of = |id: &str| holders.iter().find(|h| h.id == id);
    let mut retired = Vec::new();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for plaque in &ledger.raw.plaque {
        let id = plaque.id.get_ref().as_str();
        let error = |message: String| {
            Diagnostic::error(message)
                .in_file(file)
                .at(at(plaque.id.span()))
        };
        if !seen.insert(id) {
            problems.push(
                error(format!("plaque {id} is listed twice"))
                    .help("keep the entry with the earliest first_printed date"),
            );
            continue;
        }
        let printed_for = plaque
            .folder
            .as_deref()
            .and_then(|folder| holders.iter().find(|h| h.folder == folder));
        match (holder_of(id), plaque.retired, &plaque.redirect) {
            (Some(holder), false, _) => {
                let now = crate::urls::qr_payload(config, id);
                if now != plaque.url {
                    problems.push(
                        Diagnostic::warning(format!("plaque {id} was printed with {} but this build's code holds {now}", plaque.url))
                            .in_file(file)
                            .at(at(plaque.id.span()))
                            .help("printed plaques reach this site only if the old address forwards to the new one; keep base_url as it was printed"),
                    );
                }
                problems.extend(holds(plaque, holder, printed_for, taken, &at));
            }
            (Some(_), true, _) => problems.push(
                error(format!(
                    "plaque {id} is marked retired, but relic {id} exists"
                ))
                .help(
                    "remove `retired` and `redirect` from this plaque, or give the relic a new id",
                ),
            ),
            (None, false, _) => {
                let help = match printed_for {
                    Some(holder) => format!(
                        "the relic it was printed for, {}, now has the id {}: change that line back to id = \"{id}\" in {}",
                        holder.folder,
                        holder.id,
                        display_path(holder.file)
                    ),
                    None => format!(
                        "if the relic's id was changed, change it back to \"{id}\" in its index.md; if the relic was removed or merged, add `retired = true` and `redirect = \"<the id of the relic to show instead>\"` under this plaque"
                    ),
                };
                problems.push(
                    error(format!("plaque {id}, printed on {}, has no relic any more: its QR code would open nothing", plaque.first_printed))
                        .help(help),
                );
            }
            (None, true, None) => problems.push(
                error(format!(
                    "retired plaque {id} does not say which relic it opens now"
                ))
                .help(
                    "add `redirect = \"<id>\"` under it, naming the relic its visitors should see",
                ),
            ),
            (None, true, Some(target)) if holder_of(target.get_ref()).is_none() => problems.push(
                Diagnostic::error(format!(
                    "retired plaque {id} redirects to {}, which is not a relic",
                    target.get_ref()
                ))
                .in_file(file)
                .at(at(target.span()))
                .help("name the id of an existing relic"),
            ),
            (None, true, Some(target)) => retired.push(Retired {
                id: id.to_owned(),
                redirect: target.get_ref().clone(),
            }),
        }
    }
    (retired, problems)
}

/// Printed codes whose relic is a draft, which the build leaves out: a plaque's code must keep
/// opening a page, so a printed relic cannot be a draft. `published` are the ids of the
/// relics that are not drafts.
pub fn drafts(ledger: &LedgerFile, drafts: &[super::Draft], published: &[&str]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for plaque in &ledger.raw.plaque {
        let id = plaque.id.get_ref().trim().to_ascii_uppercase();
        if published.contains(&id.as_str()) {
            continue;
        }
        let of_draft = |wanted: &str| drafts.iter().find(|d| d.id.as_deref() == Some(wanted));
        if plaque.retired {
            let Some(target) = &plaque.redirect else {
                continue;
            };
            let wanted = target.get_ref().trim().to_ascii_uppercase();
            if published.contains(&wanted.as_str()) {
                continue;
            }
            if let Some(draft) = of_draft(&wanted) {
                problems.push(
                    Diagnostic::error(format!(
                        "biển {id} đã thôi dùng chuyển tới {wanted}, một bản nháp ({}) / retired plaque {id} redirects to {wanted}, which is a draft ({})",
                        display_path(&draft.file),
                        display_path(&draft.file)
                    ))
                    .in_file(Path::new(FILE_NAME))
                    .at(Location::of_span(&ledger.source, target.span()))
                    .help(format!(
                        "xoá dòng draft = true trong {file}, hoặc cho biển chuyển tới một di tích đã xuất bản / remove the line draft = true in {file}, or redirect the plaque to a published relic",
                        file = display_path(&draft.file)
                    )),
                );
            }
            continue;
        }
        let draft = of_draft(&id).or_else(|| {
            let folder = plaque.folder.as_deref()?;
            drafts.iter().find(|d| d.folder == folder)
        });
        if let Some(draft) = draft {
            let folder_name = draft.folder.rsplit('/').next().unwrap_or(&draft.folder);
            problems.push(
                Diagnostic::error(format!(
                    "biển {id} đã in, nên di tích này không thể là bản nháp: mã QR trên biển sẽ không mở được trang nào / plaque {id} is printed, so this relic cannot be a draft: its QR code would open nothing"
                ))
                .in_file(&draft.file)
                .at(draft.at.clone())
                .help(format!(
                    "xoá dòng draft = true để trang của di tích vẫn được xuất bản; nếu di tích không còn, chạy ditich retire {folder_name} --to <mã di tích mà biển sẽ mở> / remove the line draft = true so the relic's page stays published; if the relic is gone, run ditich retire {folder_name} --to <the ID of the relic its plaque should open>"
                )),
            );
        }
    }
    problems
}

/// Whether the relic that has a printed code now is the one it was printed for. A folder
/// may be renamed, so a relic in another folder under the printed name is taken for the
/// same one, with a warning to bring the ledger up to date; under another name it is not.
fn holds(
    plaque: &RawPlaque,
    holder: &Holder<'_>,
    printed_for: Option<&Holder<'_>>,
    taken: &[String],
    at: &dyn Fn(std::ops::Range<usize>) -> Location,
) -> Option<Diagnostic> {
    let id = plaque.id.get_ref();
    let file = Path::new(FILE_NAME);
    let Some(folder) = plaque.folder.as_deref() else {
        return Some(
            Diagnostic::warning(format!("plaque {id} does not record which relic it was printed for, so a build cannot tell if its code was given to another relic"))
                .in_file(file)
                .at(at(plaque.id.span()))
                .help(format!("if its plaque stands at {}, add these lines under it: folder = {} and name = {}", holder.name, toml_string(holder.folder), toml_string(holder.name))),
        );
    };
    if folder == holder.folder {
        return None;
    }
    let printed_name = plaque.name.as_deref().unwrap_or(folder);
    let fresh = super::next_free_code(taken);
    let to_relic = |message: String| {
        Diagnostic::error(message)
            .in_file(holder.file)
            .at(holder.id_at.clone())
    };
    Some(match printed_for {
        Some(original) => to_relic(format!(
            "code {id} is printed on the plaque of {printed_name} ({folder}); given to this relic, it would send that plaque's visitors here"
        ))
        .help(format!(
            "give this relic a code of its own, id = \"{fresh}\", and give {} back id = \"{id}\"",
            display_path(original.file)
        )),
        None if plaque.name.as_deref() == Some(holder.name) => Diagnostic::warning(format!(
            "plaque {id} was printed for the folder {folder}, which is now {}",
            holder.folder
        ))
        .in_file(file)
        .at(at(plaque.id.span()))
        .help(format!(
            "write folder = {} under this plaque",
            toml_string(holder.folder)
        )),
        None => to_relic(format!(
            "code {id} is printed on the plaque of {printed_name} ({folder}, a folder that is gone); it would now open {}",
            holder.name
        ))
        .help(format!(
            "if this is the same relic, moved and renamed, write folder = {} and name = {} under plaque {id} in plaques.toml; if it is another relic, give it a code of its own, id = \"{fresh}\"",
            toml_string(holder.folder),
            toml_string(holder.name)
        )),
    })
}

fn toml_string(value: &str) -> String {
    toml::Value::String(value.to_owned()).to_string()
}
