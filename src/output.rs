//! What the stages hand on: the files of a build, from the renderers (pages, print files,
//! data) to the sink that places them (the staging folder, or nothing for `check`).

use std::path::PathBuf;

/// A file of the built site.
pub struct OutputFile {
    /// Relative to the output folder, with `/`.
    pub path: String,
    pub content: Content,
}

pub enum Content {
    Bytes(Vec<u8>),
    /// A page or listing, with the key of everything it was made from: a later build whose
    /// file has the same key keeps this one instead of making it again.
    Rendered {
        bytes: Vec<u8>,
        key: FileKey,
    },
    /// A page with the bytes of the one this build put at `of` just before (a QR landing's
    /// typed form): a sink may link the two rather than write the bytes again.
    Twin {
        of: String,
        bytes: Vec<u8>,
        key: FileKey,
    },
    /// Copied unchanged from the project (audio, documents).
    Copy(PathBuf),
    /// A file of the build cache, which is never rewritten: linked rather than copied.
    Cached(PathBuf),
}

/// A hash of everything a page or listing is made from ([`crate::cache::Kept`] says what):
/// two files with one key have the same bytes.
pub type FileKey = blake3::Hash;

/// Where rendered files go, as soon as each is made.
pub trait Sink: Sync {
    /// Takes one file of the site, and gives its listing when it is made from bytes. An error
    /// stops the build.
    fn put(&self, file: OutputFile) -> anyhow::Result<Option<ListedFile>>;

    /// Keeps the file at `path` that an earlier build made from `key`, when the sink still
    /// has it; `None` when the file must be made. An error stops the build.
    fn keep(&self, path: &str, key: &FileKey) -> anyhow::Result<Option<ListedFile>>;

    /// Whether two paths that differ only in case name one file here, as on Windows disks.
    fn case_blind(&self) -> bool {
        false
    }
}

/// Answers a stage that can tell a file's key before it makes the file: whether the file an
/// earlier build made from `key` is kept at `path`, so the stage need not make it again.
pub trait Keeper: Sync {
    fn kept(&self, path: &str, key: &FileKey) -> bool;
}

/// What a stage makes of one file: the file, nothing when an earlier build's is kept, or the
/// problem that stopped it.
pub type Made = Result<Option<OutputFile>, crate::diagnostic::Diagnostic>;

/// For `check`, which renders everything to find every problem and keeps nothing.
pub struct Discard;

impl Sink for Discard {
    fn put(&self, file: OutputFile) -> anyhow::Result<Option<ListedFile>> {
        Ok(file.listing())
    }

    fn keep(&self, _: &str, _: &FileKey) -> anyhow::Result<Option<ListedFile>> {
        Ok(None)
    }
}

impl OutputFile {
    pub fn bytes(path: impl Into<String>, bytes: Vec<u8>) -> OutputFile {
        OutputFile {
            path: path.into(),
            content: Content::Bytes(bytes),
        }
    }

    /// Its key, the hash of its bytes and their length, when it is made from bytes; a copied
    /// file is known by its source instead.
    pub fn listing(&self) -> Option<ListedFile> {
        let (bytes, key) = match &self.content {
            Content::Rendered { bytes, key } | Content::Twin { bytes, key, .. } => {
                (bytes, Some(key))
            }
            Content::Bytes(bytes) => (bytes, None),
            Content::Copy(_) | Content::Cached(_) => return None,
        };
        let digest = blake3::hash(bytes);
        Some(ListedFile {
            key: key.copied().unwrap_or(digest),
            digest,
            len: bytes.len() as u64,
        })
    }

    /// The same rendered page at `path`, to be put after this one.
    pub fn twin(&self, path: &str) -> OutputFile {
        let Content::Rendered { bytes, key } = &self.content else {
            unreachable!("only a rendered page has a twin");
        };
        OutputFile {
            path: path.to_owned(),
            content: Content::Twin {
                of: self.path.clone(),
                bytes: bytes.clone(),
                key: *key,
            },
        }
    }
}

/// A file listed in a folder, or kept from one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ListedFile {
    pub key: FileKey,
    /// The hash of its bytes.
    pub digest: blake3::Hash,
    pub len: u64,
}
