//! Renaming and retiring relics: the two changes to `sites/` that printed plaques must
//! survive. Each checks everything first and changes nothing on a refusal; then, holding the
//! project's lock, it moves the relic's folder in one rename (atomic on one file system) and
//! brings `plaques.toml` and the other relics' links `[…](@/folder)` along, so that the next
//! build passes and every printed QR code still opens a page.
//!
//! Messages are in Vietnamese, then English, as `Tiếng Việt / English`: officers read the
//! first, and the second is for whoever helps them.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostic::{Diagnostic, display_path};
use crate::load::{SITES_DIR, draft, ledger::FILE_NAME as LEDGER};
use crate::lock::ProjectLock;
use crate::slug::slugify;

/// Where retired relics' folders are kept, in the project folder beside `sites/`. The build
/// reads only `sites/`, so nothing here is published; but unlike the build cache, which may
/// be deleted at any time, this is the officers' own folder: it is committed and backed up
/// with `sites/`, and a retired relic's texts and photos are there to be read or brought
/// back (move the folder back into `sites/` and remove `retired` and `redirect` from its
/// plaque).
pub const RETIRED_DIR: &str = "retired";

/// Why a relic could not be renamed or retired. Nothing was changed.
#[derive(Debug)]
pub enum ChangeError {
    /// The folder has no `site.toml`.
    NotAProject { root: PathBuf },
    /// `site.toml` has errors, so addresses cannot be worked out.
    Settings(Vec<Diagnostic>),
    /// `plaques.toml` cannot be read or is not a list of `[[plaque]]` entries.
    Ledger(String),
    /// No folder `sites/<folder>`.
    UnknownFolder {
        folder: String,
        /// A folder of a similar name.
        suggestion: Option<String>,
        /// Every relic's folder name.
        known: Vec<String>,
    },
    /// The new name is not a slug: small ASCII letters, digits and inner hyphens.
    BadName {
        typed: String,
        /// The slug of what was typed, when it has letters or digits.
        suggestion: Option<String>,
    },
    /// The new name is the folder's own.
    SameName { folder: String },
    /// The site itself uses the address `/<name>/`.
    ReservedName { name: String },
    /// Another folder has the new name, or would give the same address.
    Exists { folder: String },
    /// The relic's plaque is printed (or a retired plaque opens it), so retiring it needs
    /// the relic its code opens from now on.
    NeedsRedirect {
        folder: String,
        plaques: Vec<String>,
        /// A relic it could redirect to.
        example: Option<String>,
    },
    /// No published relic has the id to redirect to.
    UnknownRedirect { id: String, known: Vec<String> },
    /// The redirect names the relic being retired.
    RedirectToItself { id: String },
    /// The redirect names a draft, which has no page.
    RedirectToDraft { id: String, file: String },
    /// Other relics' stories link to the relic retired without a redirect.
    Linked { folder: String, files: Vec<String> },
    /// `[kiosk] relics` in `site.toml` lists the relic to retire.
    InKiosk { id: String },
    /// The lock could not be taken.
    Lock(anyhow::Error),
    /// A file could not be read, written or moved.
    Io {
        /// What was being done, in both languages: `("đổi tên", "rename")`.
        action: (&'static str, &'static str),
        path: String,
        source: std::io::Error,
    },
}

impl ChangeError {
    /// The message in Vietnamese.
    pub fn vietnamese(&self) -> String {
        self.texts().0
    }

    /// The message in English.
    pub fn english(&self) -> String {
        self.texts().1
    }

    fn texts(&self) -> (String, String) {
        use ChangeError::*;
        match self {
            NotAProject { root } => {
                let root = display_path(root);
                (
                    format!(
                        "{root} không có tệp site.toml nên không phải thư mục dự án ditich; hãy chạy ditich trong thư mục dự án, hoặc chỉ ra bằng --root"
                    ),
                    format!(
                        "{root} has no site.toml, so it is not a ditich project; run ditich in the project folder, or give it with --root"
                    ),
                )
            }
            Settings(problems) => {
                let errors = problems.iter().filter(|d| d.is_error()).count();
                (
                    format!("site.toml có {errors} lỗi; chạy ditich check để xem, rồi sửa trước"),
                    format!(
                        "site.toml has {errors} {}; run ditich check to see them, and fix them first",
                        if errors == 1 { "error" } else { "errors" }
                    ),
                )
            }
            Ledger(why) => (
                format!("không đọc được {LEDGER}: {why}"),
                format!("cannot read {LEDGER}: {why}"),
            ),
            UnknownFolder {
                folder,
                suggestion,
                known,
            } => {
                let (vi_guess, en_guess) = match suggestion {
                    Some(s) => (format!(" Có phải là {s}?"), format!(" Did you mean {s}?")),
                    None => (String::new(), String::new()),
                };
                let known = known.join(", ");
                (
                    format!(
                        "không có di tích nào ở thư mục {SITES_DIR}/{folder}.{vi_guess} Các thư mục di tích: {known}"
                    ),
                    format!(
                        "there is no relic in the folder {SITES_DIR}/{folder}.{en_guess} The relics' folders are: {known}"
                    ),
                )
            }
            BadName { typed, suggestion } => {
                let example = suggestion.as_deref().unwrap_or("den-ca");
                (
                    format!(
                        "“{typed}” không dùng được làm tên thư mục: chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ {example}"
                    ),
                    format!(
                        "\"{typed}\" cannot be a folder name: use small letters without accents, digits and hyphens, e.g. {example}"
                    ),
                )
            }
            SameName { folder } => (
                format!("di tích đã ở thư mục {SITES_DIR}/{folder}; hãy gõ tên mới"),
                format!("the relic is already in {SITES_DIR}/{folder}; type the new name"),
            ),
            ReservedName { name } => (
                format!(
                    "trang web dùng sẵn địa chỉ /{name}/, nên thư mục di tích không đặt tên {name} được; hãy chọn tên khác"
                ),
                format!(
                    "the site itself uses the address /{name}/, so a relic's folder cannot be called {name}; choose another name"
                ),
            ),
            Exists { folder } => (
                format!("đã có thư mục {SITES_DIR}/{folder}; hãy chọn tên khác"),
                format!("the folder {SITES_DIR}/{folder} already exists; choose another name"),
            ),
            NeedsRedirect {
                folder,
                plaques,
                example,
            } => {
                let plaques = plaques.join(", ");
                let example = example.as_deref().unwrap_or("DT01");
                (
                    format!(
                        "biển {plaques} của di tích này đã in, nên mã QR trên biển phải mở một di tích khác: chạy ditich retire {folder} --to <mã di tích đó>, ví dụ --to {example}"
                    ),
                    format!(
                        "plaque {plaques} of this relic is printed, so its QR code must open another relic: run ditich retire {folder} --to <that relic's ID>, e.g. --to {example}"
                    ),
                )
            }
            UnknownRedirect { id, known } => {
                let known = known.join(", ");
                (
                    format!("không có di tích nào (đã xuất bản) mang mã {id}; các mã là {known}"),
                    format!("no published relic has the ID {id}; the IDs are {known}"),
                )
            }
            RedirectToItself { id } => (
                format!(
                    "biển {id} không thể chuyển tới chính di tích đang thôi dùng; hãy chọn mã của một di tích khác"
                ),
                format!(
                    "plaque {id} cannot redirect to the relic being retired; give the ID of another relic"
                ),
            ),
            RedirectToDraft { id, file } => (
                format!(
                    "di tích {id} ({file}) là bản nháp, chưa có trang để biển mở; hãy chọn một di tích đã xuất bản, hoặc xuất bản nó trước (xoá dòng draft = true)"
                ),
                format!(
                    "relic {id} ({file}) is a draft, with no page for the plaque to open; choose a published relic, or publish it first (remove the line draft = true)"
                ),
            ),
            Linked { folder, files } => {
                let files = files.join(", ");
                (
                    format!(
                        "bài trong {files} dẫn sang {SITES_DIR}/{folder}; hãy bỏ các liên kết ấy, hoặc thêm --to <mã di tích> để chúng dẫn sang di tích đó"
                    ),
                    format!(
                        "{files} link to {SITES_DIR}/{folder}; remove those links, or add --to <ID> to send them to that relic"
                    ),
                )
            }
            InKiosk { id } => (
                format!(
                    "site.toml liệt kê {id} trong [kiosk] relics; hãy xoá {id} khỏi danh sách ấy trước"
                ),
                format!("site.toml lists {id} in [kiosk] relics; remove {id} from that list first"),
            ),
            Lock(err) => (
                format!("không giữ được khoá của dự án: {err:#}"),
                format!("cannot take the project's lock: {err:#}"),
            ),
            Io {
                action: (vi, en),
                path,
                source,
            } => (
                format!("không {vi} được {path}: {source}"),
                format!("cannot {en} {path}: {source}"),
            ),
        }
    }
}

impl fmt::Display for ChangeError {
    /// `Tiếng Việt / English`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (vi, en) = self.texts();
        write!(f, "{vi} / {en}")
    }
}

impl std::error::Error for ChangeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ChangeError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// What [`rename_relic`] did.
#[derive(Debug, Clone)]
pub struct Renamed {
    /// `sites/den-ca`.
    pub from: String,
    /// `sites/den-ca-moi`.
    pub to: String,
    /// The relic's id, when its file or the ledger says it.
    pub id: Option<String>,
    /// The page's address before and after, in the site's first language.
    pub page_before: String,
    pub page_after: String,
    /// What its QR code holds, which does not change.
    pub plaque: Option<String>,
    /// Whether `plaques.toml` was changed to record the new folder.
    pub ledger: bool,
    /// The texts whose links to the relic were changed, as `sites/…/index.md`.
    pub links: Vec<String>,
}

impl Renamed {
    pub fn vietnamese(&self) -> String {
        let mut text = format!(
            "Đã đổi tên thư mục {} thành {}. Địa chỉ trang của di tích đổi từ {} thành {}; ",
            self.from, self.to, self.page_before, self.page_after
        );
        text += &match &self.plaque {
            Some(plaque) => format!("địa chỉ trên biển QR, {plaque}, không đổi."),
            None => "địa chỉ trên biển QR không đổi.".to_owned(),
        };
        if self.ledger {
            text += &format!(" {LEDGER} đã ghi thư mục mới.");
        }
        if !self.links.is_empty() {
            text += &format!(" Đã sửa liên kết trong {}.", self.links.join(", "));
        }
        text
    }

    pub fn english(&self) -> String {
        let mut text = format!(
            "Renamed {} to {}. The relic's page address changes from {} to {}; ",
            self.from, self.to, self.page_before, self.page_after
        );
        text += &match &self.plaque {
            Some(plaque) => format!("its plaque address, {plaque}, does not change."),
            None => "its plaque address does not change.".to_owned(),
        };
        if self.ledger {
            text += &format!(" {LEDGER} records the new folder.");
        }
        if !self.links.is_empty() {
            text += &format!(" Updated the links in {}.", self.links.join(", "));
        }
        text
    }
}

impl fmt::Display for Renamed {
    /// The Vietnamese message, then on the next line the English one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n{}", self.vietnamese(), self.english())
    }
}

/// What [`retire_relic`] did.
#[derive(Debug, Clone)]
pub struct RetiredRelic {
    /// `sites/den-ca`.
    pub folder: String,
    /// Where its files are now: `retired/den-ca`.
    pub kept_in: String,
    pub id: Option<String>,
    /// The relic that its plaques and the links to it now open: id and folder.
    pub redirect: Option<(String, String)>,
    /// The printed codes that now open the redirect, recorded in `plaques.toml`.
    pub plaques: Vec<String>,
    /// The texts whose links were sent to the redirect.
    pub links: Vec<String>,
}

impl RetiredRelic {
    pub fn vietnamese(&self) -> String {
        let mut text = format!(
            "Đã chuyển {} sang {}: di tích không còn trên trang web; bài viết và ảnh vẫn giữ nguyên ở đó.",
            self.folder, self.kept_in
        );
        match (&self.redirect, self.plaques.is_empty()) {
            (Some((id, folder)), false) => {
                text += &format!(
                    " Biển {} đã in nay mở trang của {id} ({folder}); {LEDGER} đã ghi retired = true và redirect = \"{id}\".",
                    self.plaques.join(", ")
                );
            }
            _ => {
                if let Some(id) = &self.id {
                    text += &format!(" Mã {id} chưa in trên biển nào.");
                }
            }
        }
        if let (Some((_, folder)), false) = (&self.redirect, self.links.is_empty()) {
            text += &format!(
                " Đã sửa liên kết trong {} để dẫn sang {folder}.",
                self.links.join(", ")
            );
        }
        text
    }

    pub fn english(&self) -> String {
        let mut text = format!(
            "Moved {} to {}: the relic is no longer on the site; its texts and photos are kept there.",
            self.folder, self.kept_in
        );
        match (&self.redirect, self.plaques.is_empty()) {
            (Some((id, folder)), false) => {
                text += &format!(
                    " Printed plaque {} now opens {id} ({folder}); {LEDGER} records retired = true and redirect = \"{id}\".",
                    self.plaques.join(", ")
                );
            }
            _ => {
                if let Some(id) = &self.id {
                    text += &format!(" Its code {id} was never printed on a plaque.");
                }
            }
        }
        if let (Some((_, folder)), false) = (&self.redirect, self.links.is_empty()) {
            text += &format!(
                " Updated the links in {} to lead to {folder}.",
                self.links.join(", ")
            );
        }
        text
    }
}

impl fmt::Display for RetiredRelic {
    /// The Vietnamese message, then on the next line the English one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n{}", self.vietnamese(), self.english())
    }
}

/// Renames the folder of a relic, `sites/<folder>`, to `sites/<new_folder>`, waiting for the
/// project's lock. The relic's page address changes; its id and its plaque's address do not.
/// `plaques.toml` entries that record the old folder and the links of every relic text
/// (`[…](@/<folder>)`) are changed to the new name, keeping the rest of each file as it was.
///
/// A caller that holds the lock already, as the studio does during a request, calls
/// [`rename_relic_locked`]: the lock is the operating system's, and a second one taken by
/// the same process would wait for ever.
pub fn rename_relic(root: &Path, folder: &str, new_folder: &str) -> Result<Renamed, ChangeError> {
    let lock = ProjectLock::acquire(root, || {}).map_err(ChangeError::Lock)?;
    rename_relic_locked(&lock, root, folder, new_folder)
}

/// [`rename_relic`], for a caller that holds the project's lock.
pub fn rename_relic_locked(
    _lock: &ProjectLock,
    root: &Path,
    folder: &str,
    new_folder: &str,
) -> Result<Renamed, ChangeError> {
    let config = settings(root)?;
    let relics = relics(root)?;
    let relic = find(&relics, folder)?;
    let new = new_name(&config, &relics, relic, new_folder)?;
    let sites = root.join(SITES_DIR);
    let (from, to) = (
        format!("{SITES_DIR}/{}", relic.name),
        format!("{SITES_DIR}/{new}"),
    );

    let mut ledger = Ledger::read(root)?;
    let recorded = ledger.move_folder(&from, &to);
    let old_slug = slugify(&relic.name);
    let relinked = relinked_texts(&relics, None, &old_slug, &new);

    let (old_dir, new_dir) = (sites.join(&relic.name), sites.join(&new));
    std::fs::rename(&old_dir, &new_dir).map_err(|e| io(("đổi tên", "rename"), &old_dir, e))?;
    if !recorded.is_empty()
        && let Err(err) = ledger.write()
    {
        // The folder goes back, so that the ledger and the folders still agree.
        let _ = std::fs::rename(&new_dir, &old_dir);
        return Err(err);
    }
    // The relic's own texts moved with its folder.
    let moved = |path: &Path| match path.strip_prefix(&old_dir) {
        Ok(inside) => new_dir.join(inside),
        Err(_) => path.to_path_buf(),
    };
    let links = write_texts(root, relinked, moved)?;

    let lang = config.default_language();
    let page = |slug: &str| {
        format!(
            "{}{}",
            config.base_url,
            crate::urls::relic_page(&config, lang, slug)
        )
    };
    let id = recorded.first().cloned().or_else(|| relic.id.clone());
    Ok(Renamed {
        from,
        to,
        plaque: id.as_deref().map(|id| crate::urls::qr_payload(&config, id)),
        id,
        page_before: page(&old_slug),
        page_after: page(&new),
        ledger: !recorded.is_empty(),
        links,
    })
}

/// Retires the relic in `sites/<folder>`, waiting for the project's lock: its folder moves to
/// `retired/<folder>` (never deleted: photos and texts stay there), and it leaves the site. A
/// relic whose plaque is printed needs `redirect`, the id of the published relic its code
/// opens from now on: its `plaques.toml` entry gets `retired = true` and `redirect`, and so
/// does every retired plaque that opened it. Links of other relics to it are sent to the
/// redirect; without one there must be none.
///
/// A caller that holds the lock already calls [`retire_relic_locked`].
pub fn retire_relic(
    root: &Path,
    folder: &str,
    redirect: Option<&str>,
) -> Result<RetiredRelic, ChangeError> {
    let lock = ProjectLock::acquire(root, || {}).map_err(ChangeError::Lock)?;
    retire_relic_locked(&lock, root, folder, redirect)
}

/// [`retire_relic`], for a caller that holds the project's lock.
pub fn retire_relic_locked(
    _lock: &ProjectLock,
    root: &Path,
    folder: &str,
    redirect: Option<&str>,
) -> Result<RetiredRelic, ChangeError> {
    let config = settings(root)?;
    let relics = relics(root)?;
    let relic = find(&relics, folder)?;
    let from = format!("{SITES_DIR}/{}", relic.name);
    let mut ledger = Ledger::read(root)?;
    let id = relic.id.clone().or_else(|| ledger.id_printed_for(&from));

    let target = match redirect {
        Some(wanted) => Some(redirect_target(&relics, relic, id.as_deref(), wanted)?),
        None => None,
    };
    // Every plaque whose code would open nothing once the relic is gone.
    let printed = ledger.opening(id.as_deref(), &from);
    if target.is_none() {
        nothing_opens(root, &relics, relic, &printed)?;
    }
    if let Some(id) = &id
        && config
            .kiosk
            .relics
            .iter()
            .flatten()
            .any(|(listed, _)| listed == id)
    {
        return Err(ChangeError::InKiosk { id: id.clone() });
    }
    let redirect = target.map(|t| (t.id.clone().unwrap_or_default(), t.name.clone()));
    let relinked = match &redirect {
        Some((_, to)) => relinked_texts(&relics, Some(&relic.name), &slugify(&relic.name), to),
        None => Vec::new(),
    };
    if let Some((to, _)) = &redirect {
        ledger.redirect(&printed, to);
    }

    let kept = free_folder(&root.join(RETIRED_DIR), &relic.name);
    let old_dir = root.join(SITES_DIR).join(&relic.name);
    std::fs::create_dir_all(root.join(RETIRED_DIR))
        .map_err(|e| io(("tạo", "create"), &root.join(RETIRED_DIR), e))?;
    std::fs::rename(&old_dir, &kept).map_err(|e| io(("chuyển", "move"), &old_dir, e))?;
    if !printed.is_empty()
        && let Err(err) = ledger.write()
    {
        // The folder goes back, so that the ledger and the folders still agree.
        let _ = std::fs::rename(&kept, &old_dir);
        return Err(err);
    }
    let links = write_texts(root, relinked, Path::to_path_buf)?;
    Ok(RetiredRelic {
        folder: from,
        kept_in: display_path(kept.strip_prefix(root).unwrap_or(&kept)),
        id,
        redirect: redirect.map(|(id, name)| (id, format!("{SITES_DIR}/{name}"))),
        plaques: printed.into_iter().map(|(id, _)| id).collect(),
        links,
    })
}

/// Refuses to retire `relic` without a redirect while a printed plaque or another relic's
/// link would open it.
fn nothing_opens(
    root: &Path,
    relics: &[Found],
    relic: &Found,
    printed: &[(String, bool)],
) -> Result<(), ChangeError> {
    if !printed.is_empty() {
        let example = relics
            .iter()
            .filter(|r| r.name != relic.name && !r.draft)
            .find_map(|r| r.id.clone());
        return Err(ChangeError::NeedsRedirect {
            folder: relic.name.clone(),
            plaques: printed.iter().map(|(id, _)| id.clone()).collect(),
            example,
        });
    }
    let linking = linking_texts(root, relics, relic);
    if !linking.is_empty() {
        return Err(ChangeError::Linked {
            folder: relic.name.clone(),
            files: linking,
        });
    }
    Ok(())
}

/// The published relic that `wanted` names, other than `relic`.
fn redirect_target<'r>(
    relics: &'r [Found],
    relic: &Found,
    id: Option<&str>,
    wanted: &str,
) -> Result<&'r Found, ChangeError> {
    let wanted = wanted.trim().to_ascii_uppercase();
    if id == Some(wanted.as_str()) {
        return Err(ChangeError::RedirectToItself { id: wanted });
    }
    let found = relics
        .iter()
        .find(|r| r.name != relic.name && r.id.as_deref() == Some(wanted.as_str()));
    match found {
        None => {
            let mut known: Vec<String> = relics
                .iter()
                .filter(|r| r.name != relic.name && !r.draft)
                .filter_map(|r| r.id.clone())
                .collect();
            known.sort();
            Err(ChangeError::UnknownRedirect { id: wanted, known })
        }
        Some(draft) if draft.draft => Err(ChangeError::RedirectToDraft {
            id: wanted,
            file: format!("{SITES_DIR}/{}/index.md", draft.name),
        }),
        Some(target) => Ok(target),
    }
}

/// The new folder name, checked: a slug no other folder gives, that the site does not use.
fn new_name(
    config: &Config,
    relics: &[Found],
    relic: &Found,
    typed: &str,
) -> Result<String, ChangeError> {
    let typed = typed.trim();
    let new = typed
        .strip_prefix(&format!("{SITES_DIR}/"))
        .unwrap_or(typed)
        .trim_end_matches('/');
    let slug = slugify(new);
    if slug.is_empty() || slug != new {
        return Err(ChangeError::BadName {
            typed: typed.to_owned(),
            suggestion: (!slug.is_empty()).then_some(slug),
        });
    }
    if new == relic.name {
        return Err(ChangeError::SameName {
            folder: relic.name.clone(),
        });
    }
    if crate::urls::RESERVED.contains(&new) || config.languages.iter().any(|l| l == new) {
        return Err(ChangeError::ReservedName {
            name: new.to_owned(),
        });
    }
    if let Some(other) = relics
        .iter()
        .find(|r| r.name != relic.name && slugify(&r.name) == new)
    {
        return Err(ChangeError::Exists {
            folder: other.name.clone(),
        });
    }
    // A file of that name; on a disk that ignores case, the relic's own folder is found under
    // a new name that differs only in case, and that is a rename worth making.
    let in_sites = relic.dir.parent().map(|sites| sites.join(new));
    if slugify(&relic.name) != new && in_sites.is_some_and(|path| path.exists()) {
        return Err(ChangeError::Exists {
            folder: new.to_owned(),
        });
    }
    Ok(new.to_owned())
}

/// A relic's folder as found under `sites/`, read only as far as renaming and retiring need:
/// its id and whether it is a draft, read even from front matter that does not parse.
struct Found {
    /// The folder's name: `den-ca`.
    name: String,
    dir: PathBuf,
    id: Option<String>,
    draft: bool,
    /// Its texts, `index.md` and `index.<lang>.md`.
    texts: Vec<PathBuf>,
}

/// Every folder under `sites/`, by name.
fn relics(root: &Path) -> Result<Vec<Found>, ChangeError> {
    let sites = root.join(SITES_DIR);
    let entries = std::fs::read_dir(&sites).map_err(|e| io(("đọc", "read"), &sites, e))?;
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io(("đọc", "read"), &sites, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !entry.path().is_dir() {
            continue;
        }
        let dir = entry.path();
        let mut texts: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| io(("đọc", "read"), &dir, e))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                let file = p.file_name().unwrap_or_default().to_string_lossy();
                p.is_file() && file.starts_with("index") && file.ends_with(".md")
            })
            .collect();
        texts.sort();
        let source = std::fs::read(dir.join("index.md"))
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default();
        found.push(Found {
            name,
            id: draft::id(&source),
            draft: draft::draft_line(&source).is_some(),
            dir,
            texts,
        });
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(found)
}

/// The relic in `sites/<folder>`; `folder` may be written `sites/den-ca` or `den-ca/`.
fn find<'r>(relics: &'r [Found], folder: &str) -> Result<&'r Found, ChangeError> {
    let folder = folder.trim();
    let name = folder
        .strip_prefix(&format!("{SITES_DIR}/"))
        .unwrap_or(folder)
        .trim_end_matches(['/', '\\']);
    if let Some(found) = relics.iter().find(|r| r.name == name) {
        return Ok(found);
    }
    let known: Vec<&str> = relics.iter().map(|r| r.name.as_str()).collect();
    let suggestion = crate::read::toml_error::closest(name, &known)
        .or_else(|| known.iter().copied().find(|k| slugify(k) == slugify(name)))
        .map(str::to_owned);
    Err(ChangeError::UnknownFolder {
        folder: name.to_owned(),
        suggestion,
        known: known.into_iter().map(str::to_owned).collect(),
    })
}

fn settings(root: &Path) -> Result<Config, ChangeError> {
    if !root.join(crate::config::FILE_NAME).is_file() {
        return Err(ChangeError::NotAProject {
            root: root.to_path_buf(),
        });
    }
    crate::config::load(root).map_err(ChangeError::Settings)
}

/// `plaques.toml` for editing, comments and all; empty when nothing was printed.
struct Ledger {
    path: PathBuf,
    document: Option<toml_edit::DocumentMut>,
}

impl Ledger {
    fn read(root: &Path) -> Result<Ledger, ChangeError> {
        let path = root.join(LEDGER);
        let document = match std::fs::read_to_string(&path) {
            Ok(text) => Some(
                text.parse::<toml_edit::DocumentMut>()
                    .map_err(|e| ChangeError::Ledger(e.to_string()))?,
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io(("đọc", "read"), &path, e)),
        };
        let ledger = Ledger { path, document };
        if let Some(document) = &ledger.document
            && document.get("plaque").is_some()
            && document
                .get("plaque")
                .and_then(|p| p.as_array_of_tables())
                .is_none()
        {
            return Err(ChangeError::Ledger(
                "`plaque` must be a list of [[plaque]] entries".to_owned(),
            ));
        }
        Ok(ledger)
    }

    fn plaques(&mut self) -> Option<&mut toml_edit::ArrayOfTables> {
        self.document
            .as_mut()?
            .get_mut("plaque")?
            .as_array_of_tables_mut()
    }

    fn entries(&self) -> impl Iterator<Item = &toml_edit::Table> {
        self.document
            .iter()
            .filter_map(|d| d.get("plaque")?.as_array_of_tables())
            .flat_map(|p| p.iter())
    }

    /// The code of the plaque printed for `folder` (`sites/den-ca`), while not retired.
    fn id_printed_for(&self, folder: &str) -> Option<String> {
        self.entries()
            .filter(|p| !retired(p))
            .find(|p| p.get("folder").and_then(|f| f.as_str()) == Some(folder))
            .and_then(|p| Some(code(p.get("id")?.as_str()?)))
    }

    /// The plaques that open the relic with `id` in `folder`: its own, printed (`false`), and
    /// retired ones that redirect to it (`true`).
    fn opening(&self, id: Option<&str>, folder: &str) -> Vec<(String, bool)> {
        let mut found = Vec::new();
        for plaque in self.entries() {
            let Some(code) = plaque.get("id").and_then(|i| i.as_str()).map(code) else {
                continue;
            };
            if retired(plaque) {
                let redirect = plaque
                    .get("redirect")
                    .and_then(|r| r.as_str())
                    .map(self::code);
                if redirect.is_some() && redirect.as_deref() == id {
                    found.push((code, true));
                }
            } else if Some(code.as_str()) == id
                || plaque.get("folder").and_then(|f| f.as_str()) == Some(folder)
            {
                found.push((code, false));
            }
        }
        found
    }

    /// Records that the plaques printed for `from` (`sites/den-ca`) are in `to` now. Returns
    /// their codes.
    fn move_folder(&mut self, from: &str, to: &str) -> Vec<String> {
        let mut moved = Vec::new();
        for plaque in self.plaques().into_iter().flat_map(|p| p.iter_mut()) {
            if plaque.get("folder").and_then(|f| f.as_str()) == Some(from) {
                set(plaque, "folder", to.into());
                moved.extend(plaque.get("id").and_then(|i| i.as_str()).map(code));
            }
        }
        moved
    }

    /// Sends the plaques `printed` (as [`Ledger::opening`] finds them) to the relic `to`:
    /// its own are retired, the retired ones that opened it get the new redirect.
    fn redirect(&mut self, printed: &[(String, bool)], to: &str) {
        for plaque in self.plaques().into_iter().flat_map(|p| p.iter_mut()) {
            let id = plaque.get("id").and_then(|i| i.as_str()).map(code);
            match printed.iter().find(|(code, _)| Some(code) == id.as_ref()) {
                Some((_, false)) => {
                    set(plaque, "retired", true.into());
                    set(plaque, "redirect", to.into());
                }
                Some((_, true)) => set(plaque, "redirect", to.into()),
                None => {}
            }
        }
    }

    fn write(&self) -> Result<(), ChangeError> {
        let Some(document) = &self.document else {
            return Ok(());
        };
        crate::cache::store(&self.path, document.to_string().as_bytes())
            .map_err(|e| io(("ghi", "write"), &self.path, e))
    }
}

fn retired(plaque: &toml_edit::Table) -> bool {
    plaque.get("retired").and_then(|r| r.as_bool()) == Some(true)
}

fn code(id: &str) -> String {
    id.trim().to_ascii_uppercase()
}

/// Sets `key` of a ledger entry to `value`, keeping the comment written after the old value.
fn set(plaque: &mut toml_edit::Table, key: &str, value: toml_edit::Value) {
    let mut value = value;
    if let Some(old) = plaque.get(key).and_then(|i| i.as_value()) {
        *value.decor_mut() = old.decor().clone();
    }
    plaque[key] = toml_edit::Item::Value(value);
}

/// The texts of `relics` (but those of the folder `except`) whose links to `@/from` change to
/// `@/to`, with their new text.
fn relinked_texts(
    relics: &[Found],
    except: Option<&str>,
    from: &str,
    to: &str,
) -> Vec<(PathBuf, String)> {
    relics
        .iter()
        .filter(|r| Some(r.name.as_str()) != except)
        .flat_map(|r| &r.texts)
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).ok()?;
            Some((path.clone(), relink(&text, from, to)?))
        })
        .collect()
}

/// The texts of other relics that link to `relic`.
fn linking_texts(root: &Path, relics: &[Found], relic: &Found) -> Vec<String> {
    relinked_texts(relics, Some(&relic.name), &slugify(&relic.name), "")
        .into_iter()
        .map(|(path, _)| display_path(path.strip_prefix(root).unwrap_or(&path)))
        .collect()
}

/// Writes each text to the path `place` gives for it, whole or not at all. Returns the
/// files written, as messages show them.
fn write_texts(
    root: &Path,
    texts: Vec<(PathBuf, String)>,
    place: impl Fn(&Path) -> PathBuf,
) -> Result<Vec<String>, ChangeError> {
    let mut written = Vec::new();
    for (path, text) in texts {
        let path = place(&path);
        crate::cache::store(&path, text.as_bytes()).map_err(|e| io(("ghi", "write"), &path, e))?;
        written.push(display_path(path.strip_prefix(root).unwrap_or(&path)));
    }
    Ok(written)
}

/// `text` with its links to the relic `@/from` (as `(@/from)`, `(@/from/)`, `<@/from>` or a
/// reference `[x]: @/from`) pointing at `@/to`; `None` when it has none.
fn relink(text: &str, from: &str, to: &str) -> Option<String> {
    let needle = format!("@/{from}");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find(&needle) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + needle.len()..].chars().next();
        let opens = matches!(before, Some('(' | '<' | ' ' | '\t'));
        let closes = match after {
            None => true,
            Some(c) => !(c.is_ascii_alphanumeric() || c == '-' || c == '_'),
        };
        out.push_str(&rest[..at]);
        if opens && closes {
            out.push_str("@/");
            out.push_str(to);
            changed = true;
        } else {
            out.push_str(&needle);
        }
        rest = &rest[at + needle.len()..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// `dir/name`, or `dir/name-2`, `dir/name-3`… when that is taken.
fn free_folder(dir: &Path, name: &str) -> PathBuf {
    (1..)
        .map(|n| match n {
            1 => dir.join(name),
            n => dir.join(format!("{name}-{n}")),
        })
        .find(|folder| !folder.exists())
        .expect("some suffix is free")
}

fn io(action: (&'static str, &'static str), path: &Path, source: std::io::Error) -> ChangeError {
    ChangeError::Io {
        action,
        path: display_path(path),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caller_holding_the_lock_renames_and_retires_without_waiting_for_itself() {
        let dir = crate::tests::two_relics();
        let root = dir.path();
        let lock = ProjectLock::acquire(root, || panic!("nobody else holds it")).unwrap();
        let renamed = rename_relic_locked(&lock, root, "chua-b", "chua-moi").unwrap();
        assert_eq!(
            (renamed.from.as_str(), renamed.to.as_str()),
            ("sites/chua-b", "sites/chua-moi")
        );
        assert_eq!(
            renamed.plaque.as_deref(),
            Some("https://EXAMPLE.GOV.VN/du-lich/Q/DT02/")
        );
        assert!(!renamed.ledger, "nothing was printed");
        let err = retire_relic_locked(&lock, root, "chua-moi", None).unwrap_err();
        assert!(matches!(err, ChangeError::Linked { .. }), "{err}");
        let retired = retire_relic_locked(&lock, root, "chua-moi", Some("DT01")).unwrap();
        assert_eq!(retired.kept_in, "retired/chua-moi");
        assert!(root.join("retired/chua-moi/index.md").is_file());
    }

    #[test]
    fn a_folder_without_site_toml_is_not_a_project() {
        let dir = tempfile::tempdir().unwrap();
        let err = rename_relic(dir.path(), "den-a", "den-b").unwrap_err();
        assert!(matches!(err, ChangeError::NotAProject { .. }));
        assert!(err.vietnamese().contains("không có tệp site.toml"), "{err}");
        assert!(err.english().contains("has no site.toml"), "{err}");
    }

    #[test]
    fn links_to_the_folder_change_and_nothing_else() {
        let text = "Xem [Chùa B](@/chua-b), [x](@/chua-b/) và <@/chua-b>.\n[r]: @/chua-b\n[y](@/chua-b-2) email@/chua-b";
        assert_eq!(
            relink(text, "chua-b", "chua-moi").as_deref(),
            Some(
                "Xem [Chùa B](@/chua-moi), [x](@/chua-moi/) và <@/chua-moi>.\n[r]: @/chua-moi\n[y](@/chua-b-2) email@/chua-b"
            )
        );
        assert_eq!(relink("[y](@/chua-b-2)", "chua-b", "x"), None);
    }
}
