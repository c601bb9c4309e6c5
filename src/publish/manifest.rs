//! The manifest a publish leaves on the host: every file it sent, with its hash and length,
//! so that the next publish knows what the host holds without listing or reading it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use std::io::{Read as _, Write as _};

use anyhow::Context as _;
use rayon::prelude::*;

/// The manifest's name at the top of the host's folder. It is read by every publish over the
/// officer's line, so it is kept small: gzipped, with half of each hash.
pub const NAME: &str = ".ditich-published.gz";

const HEADER: &str =
    "# ditich publish 1: <blake3, first 128 bits> <bytes> <path>, one line per file on this host";
/// The line that lists the printed codes.
const PRINTED: &str = "# printed:";

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    /// The first half of the blake3 hash of its bytes: enough to tell two versions apart.
    pub hash: [u8; 16],
    pub len: u64,
}

/// Files by path, relative, with `/`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Manifest {
    pub files: BTreeMap<String, Entry>,
    /// Every code a `plaques.toml` listed when a publish was made to this host: the host
    /// keeps their landing pages even for a publish from a copy of the project that lost them.
    pub printed: BTreeSet<String>,
}

impl Manifest {
    /// Every file of a built output folder, hashed, but ditich's own lists and marker, which
    /// only a build reads.
    pub fn of_folder(output: &Path) -> anyhow::Result<Manifest> {
        let own = [crate::write::MARKER, crate::write::FILES, NAME];
        let paths: Vec<String> = walkdir::WalkDir::new(output)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !own.contains(&&*e.file_name().to_string_lossy()))
            .map(|entry| {
                let entry = entry.with_context(|| {
                    crate::text!("cannot-read", file = output.display().to_string())
                })?;
                Ok(entry
                    .file_type()
                    .is_file()
                    .then(|| relative(output, entry.path())))
            })
            .filter_map(Result::transpose)
            .collect::<anyhow::Result<_>>()?;
        let files = paths
            .into_par_iter()
            .map(|path| {
                let file = output.join(&path);
                let bytes = std::fs::read(&file).with_context(|| {
                    crate::text!("cannot-read", file = file.display().to_string())
                })?;
                let entry = Entry::of(&bytes);
                Ok((path, entry))
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Manifest {
            files,
            printed: BTreeSet::new(),
        })
    }

    /// Reads a manifest a publish wrote.
    pub fn parse(bytes: &[u8]) -> anyhow::Result<Manifest> {
        let wrong = |line: usize| {
            anyhow::anyhow!(
                "{}",
                crate::text!("publish-manifest-wrong", file = NAME, line = line)
            )
        };
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(|_| wrong(1))?;
        let mut lines = text.lines().enumerate();
        if !lines
            .next()
            .is_some_and(|(_, l)| l.starts_with("# ditich publish 1"))
        {
            return Err(wrong(1));
        }
        let mut manifest = Manifest::default();
        for (number, line) in lines {
            if let Some(codes) = line.strip_prefix(PRINTED) {
                manifest
                    .printed
                    .extend(codes.split_whitespace().map(str::to_owned));
                continue;
            }
            let (path, entry) = Entry::parse(line).ok_or_else(|| wrong(number + 1))?;
            manifest.files.insert(path, entry);
        }
        Ok(manifest)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut text = format!("{HEADER}\n");
        if !self.printed.is_empty() {
            let codes: Vec<&str> = self.printed.iter().map(String::as_str).collect();
            text += &format!("{PRINTED} {}\n", codes.join(" "));
        }
        for (path, entry) in &self.files {
            text += &entry.line(path);
            text.push('\n');
        }
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(text.as_bytes())
            .and_then(|()| gzip.finish())
            .expect("writing to memory does not fail")
    }
}

impl Entry {
    pub fn of(bytes: &[u8]) -> Entry {
        let mut hash = [0; 16];
        hash.copy_from_slice(&blake3::hash(bytes).as_bytes()[..16]);
        Entry {
            hash,
            len: bytes.len() as u64,
        }
    }

    /// `<hash> <bytes> <path>`: the path last, as it may hold spaces.
    pub fn line(&self, path: &str) -> String {
        let hash: String = self.hash.iter().map(|b| format!("{b:02x}")).collect();
        format!("{hash} {} {path}", self.len)
    }

    /// Reads back a [`Entry::line`].
    pub fn parse(line: &str) -> Option<(String, Entry)> {
        let (hash, rest) = line.split_once(' ')?;
        let (len, path) = rest.split_once(' ')?;
        if hash.len() != 32 || !hash.is_ascii() {
            return None;
        }
        let mut bytes = [0; 16];
        for (byte, pair) in bytes.iter_mut().zip(hash.as_bytes().chunks(2)) {
            *byte = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
        }
        let entry = Entry {
            hash: bytes,
            len: len.parse().ok()?,
        };
        Some((path.to_owned(), entry))
    }
}

fn relative(output: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(output).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_writes_and_refuses_a_wrong_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("den ca")).unwrap();
        std::fs::write(dir.path().join("den ca/index.html"), "<p>Đền</p>").unwrap();
        std::fs::write(dir.path().join(crate::write::FILES), "x").unwrap();
        let mut manifest = Manifest::of_folder(dir.path()).unwrap();
        manifest.printed.insert("DT01".to_owned());
        assert_eq!(
            manifest.files.keys().collect::<Vec<_>>(),
            ["den ca/index.html"]
        );
        assert_eq!(Manifest::parse(&manifest.to_bytes()).unwrap(), manifest);
        let mut text = String::new();
        flate2::read::GzDecoder::new(&manifest.to_bytes()[..])
            .read_to_string(&mut text)
            .unwrap();
        text += "nonsense\n";
        let mut broken = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        broken.write_all(text.as_bytes()).unwrap();
        let error = Manifest::parse(&broken.finish().unwrap())
            .unwrap_err()
            .to_string();
        assert!(error.contains("line 4"), "{error}");
        assert!(Manifest::parse(b"<html>").is_err());
    }
}
