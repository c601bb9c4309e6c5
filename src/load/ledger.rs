//! `plaques.toml` as read: the ledger of codes already printed, kept like a lock file. The
//! model checks it against the relics (`model::plaques`); `ditich posters` adds to it
//! (the ledger module at the crate root).

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::diagnostic::Diagnostic;
use crate::read::toml_error;

pub const FILE_NAME: &str = "plaques.toml";

/// The ledger as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLedger {
    #[serde(default)]
    pub(crate) plaque: Vec<RawPlaque>,
}

/// One printed code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlaque {
    /// The printed code.
    pub(crate) id: Spanned<String>,
    /// What the QR code holds.
    pub(crate) url: String,
    /// When `ditich posters` first printed it.
    pub(crate) first_printed: Datetime,
    /// `true` once no relic has this id; then `redirect` names the relic it opens.
    #[serde(default)]
    pub(crate) retired: bool,
    pub(crate) redirect: Option<Spanned<String>>,
    /// The folder of the relic it was printed for (`sites/den-ca`): a code that would open
    /// another relic than this one fails the build.
    pub(crate) folder: Option<String>,
    /// That relic's name when it was printed, to tell a moved folder from another relic.
    pub(crate) name: Option<String>,
}

/// The ledger file as read, kept with its text for messages.
pub struct LedgerFile {
    pub(crate) source: String,
    pub(crate) raw: RawLedger,
}

impl LedgerFile {
    /// Every code ever printed, retired or not.
    pub fn ids(&self) -> impl Iterator<Item = String> + '_ {
        self.raw
            .plaque
            .iter()
            .map(|p| p.id.get_ref().trim().to_ascii_uppercase())
    }

    /// The folder that the plaque with code `id` was printed for, while it is not retired.
    pub fn printed_for(&self, id: &str) -> Option<&str> {
        self.raw
            .plaque
            .iter()
            .find(|p| p.id.get_ref() == id && !p.retired)
            .and_then(|p| p.folder.as_deref())
    }
}

/// Reads `root/plaques.toml`; `None` when nothing has been printed yet.
pub fn read(root: &Path) -> Result<Option<LedgerFile>, Diagnostic> {
    let file = Path::new(FILE_NAME);
    let bytes = match std::fs::read(root.join(file)) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => {
            return Err(Diagnostic::error(crate::text!(
                "file-unreadable",
                reason = err.to_string()
            ))
            .in_file(file));
        }
    };
    let source = crate::read::text::decode(file, &bytes)?;
    let raw = toml_error::parse(file, &source, 0, &source)?;
    Ok(Some(LedgerFile { source, raw }))
}
