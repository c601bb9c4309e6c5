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
        let error = |message: crate::i18n::Text| {
            Diagnostic::error(message)
                .in_file(file)
                .at(at(plaque.id.span()))
        };
        if !seen.insert(id) {
            problems.push(
                error(crate::text!("plaque-twice", code = id))
                    .help(crate::text!("plaque-twice-help")),
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
                        Diagnostic::warning(crate::text!(
                            "plaque-url-changed",
                            code = id,
                            printed = &plaque.url,
                            now = now
                        ))
                        .in_file(file)
                        .at(at(plaque.id.span()))
                        .help(crate::text!("plaque-url-changed-help")),
                    );
                }
                problems.extend(holds(plaque, holder, printed_for, taken, &at));
            }
            (Some(_), true, _) => problems.push(
                error(crate::text!("plaque-retired-exists", code = id))
                    .help(crate::text!("plaque-retired-exists-help")),
            ),
            (None, false, _) => {
                let help = match printed_for {
                    Some(holder) => crate::text!(
                        "plaque-orphan-moved-help",
                        folder = holder.folder,
                        now = holder.id,
                        code = id,
                        file = display_path(holder.file)
                    ),
                    None => crate::text!("plaque-orphan-help", code = id),
                };
                problems.push(
                    error(crate::text!(
                        "plaque-orphan",
                        code = id,
                        printed = plaque.first_printed.to_string()
                    ))
                    .help(help),
                );
            }
            (None, true, None) => problems.push(
                error(crate::text!("plaque-retired-nowhere", code = id))
                    .help(crate::text!("plaque-retired-nowhere-help")),
            ),
            (None, true, Some(target)) if holder_of(target.get_ref()).is_none() => problems.push(
                Diagnostic::error(crate::text!(
                    "plaque-redirect-unknown",
                    code = id,
                    target = target.get_ref()
                ))
                .in_file(file)
                .at(at(target.span()))
                .help(crate::text!("plaque-redirect-unknown-help")),
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
                    Diagnostic::error(crate::text!(
                        "draft-redirect",
                        id = id,
                        wanted = wanted.as_str(),
                        file = display_path(&draft.file)
                    ))
                    .in_file(Path::new(FILE_NAME))
                    .at(Location::of_span(&ledger.source, target.span()))
                    .help(crate::text!(
                        "draft-redirect-help",
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
                Diagnostic::error(crate::text!("draft-printed", id = id))
                    .in_file(&draft.file)
                    .at(draft.at.clone())
                    .help(crate::text!("draft-printed-help", folder = folder_name)),
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
            Diagnostic::warning(crate::text!("plaque-no-folder", code = id))
                .in_file(file)
                .at(at(plaque.id.span()))
                .help(crate::text!(
                    "plaque-no-folder-help",
                    name = holder.name,
                    folder = toml_string(holder.folder),
                    quoted = toml_string(holder.name)
                )),
        );
    };
    if folder == holder.folder {
        return None;
    }
    let printed_name = plaque.name.as_deref().unwrap_or(folder);
    let fresh = super::next_free_code(taken);
    let to_relic = |message: crate::i18n::Text| {
        Diagnostic::error(message)
            .in_file(holder.file)
            .at(holder.id_at.clone())
    };
    Some(match printed_for {
        Some(original) => to_relic(crate::text!(
            "code-printed-for-other",
            code = id,
            name = printed_name,
            folder = folder
        ))
        .help(crate::text!(
            "code-printed-for-other-help",
            fresh = &fresh,
            file = display_path(original.file),
            code = id
        )),
        None if plaque.name.as_deref() == Some(holder.name) => Diagnostic::warning(crate::text!(
            "plaque-folder-renamed",
            code = id,
            folder = folder,
            now = holder.folder
        ))
        .in_file(file)
        .at(at(plaque.id.span()))
        .help(crate::text!(
            "plaque-folder-renamed-help",
            folder = toml_string(holder.folder)
        )),
        None => to_relic(crate::text!(
            "code-printed-for-gone",
            code = id,
            name = printed_name,
            folder = folder,
            now = holder.name
        ))
        .help(crate::text!(
            "code-printed-for-gone-help",
            folder = toml_string(holder.folder),
            quoted = toml_string(holder.name),
            code = id,
            fresh = &fresh
        )),
    })
}

fn toml_string(value: &str) -> String {
    toml::Value::String(value.to_owned()).to_string()
}
