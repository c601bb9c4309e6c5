//! Opening an access log, plain or gzip-compressed as logrotate leaves it, and reading it one
//! line at a time, so that a year of logs never has to fit in memory.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

/// The first bytes of every gzip file.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Lines longer than this are malformed: no server writes them, and a compressed or binary
/// file read as text could otherwise be one "line" as long as the file.
pub const MAX_LINE: usize = 64 * 1024;

/// Opens a log, decompressing it when it starts as gzip does, whatever its name: `access.log.1`
/// may be compressed and `access.log.gz` may not.
pub fn open(path: &Path) -> io::Result<Box<dyn BufRead>> {
    let mut file = BufReader::new(File::open(path)?);
    let compressed = file.fill_buf()?.starts_with(&GZIP_MAGIC);
    Ok(if compressed {
        // Multi-member: `cat a.gz b.gz > c.gz`, and logs compressed in several runs, are one
        // stream of several gzip members.
        Box::new(BufReader::new(MultiGzDecoder::new(file)))
    } else {
        Box::new(file)
    })
}

/// One line of a log as read.
#[derive(Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// Without its `\n` or `\r\n`.
    Text(&'a [u8]),
    /// Longer than [`MAX_LINE`]; skipped up to its end.
    TooLong,
}

/// Reads lines from `reader` into a buffer it reuses.
pub struct Lines<R> {
    reader: R,
    buffer: Vec<u8>,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R) -> Lines<R> {
        Lines {
            reader,
            buffer: Vec::new(),
        }
    }

    /// The next line, or `None` at the end. A last line without a line break still counts.
    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.buffer.clear();
        let mut too_long = false;
        let mut read_any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(bytes) => bytes,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if available.is_empty() {
                if !read_any {
                    return Ok(None);
                }
                break;
            }
            read_any = true;
            let newline = available.iter().position(|&b| b == b'\n');
            let part = &available[..newline.unwrap_or(available.len())];
            if !too_long {
                if self.buffer.len() + part.len() > MAX_LINE {
                    too_long = true;
                    self.buffer = Vec::new();
                } else {
                    self.buffer.extend_from_slice(part);
                }
            }
            let used = newline.map_or(available.len(), |i| i + 1);
            self.reader.consume(used);
            if newline.is_some() {
                break;
            }
        }
        if too_long {
            return Ok(Some(Line::TooLong));
        }
        let text = self.buffer.strip_suffix(b"\r").unwrap_or(&self.buffer);
        Ok(Some(Line::Text(text)))
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    fn all(bytes: &[u8]) -> Vec<Result<Vec<u8>, ()>> {
        let mut lines = Lines::new(bytes);
        let mut out = Vec::new();
        while let Some(line) = lines.next_line().unwrap() {
            out.push(match line {
                Line::Text(text) => Ok(text.to_vec()),
                Line::TooLong => Err(()),
            });
        }
        out
    }

    #[test]
    fn splits_lines_and_drops_their_breaks() {
        assert_eq!(
            all(b"a\r\nb\n\nc"),
            vec![
                Ok(b"a".to_vec()),
                Ok(b"b".to_vec()),
                Ok(vec![]),
                Ok(b"c".to_vec())
            ]
        );
        assert!(all(b"").is_empty());
    }

    #[test]
    fn an_overlong_line_is_skipped_whole() {
        let mut bytes = vec![b'x'; MAX_LINE + 1];
        bytes.extend_from_slice(b"\nnext\n");
        let reader = BufReader::with_capacity(1000, bytes.as_slice());
        let mut lines = Lines::new(reader);
        assert_eq!(lines.next_line().unwrap(), Some(Line::TooLong));
        assert_eq!(lines.next_line().unwrap(), Some(Line::Text(b"next")));
        assert_eq!(lines.next_line().unwrap(), None);
    }

    #[test]
    fn gzip_is_recognised_by_its_first_bytes_not_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"one\ntwo\n").unwrap();
        let mut member = gz.finish().unwrap();
        // Two members, as `cat`ing compressed logs together makes.
        member.extend_from_within(..);
        std::fs::write(dir.path().join("access.log.1"), &member).unwrap();
        std::fs::write(dir.path().join("plain.gz"), b"one\n").unwrap();

        let mut lines = Lines::new(open(&dir.path().join("access.log.1")).unwrap());
        let mut count = 0;
        while let Some(line) = lines.next_line().unwrap() {
            assert!(matches!(line, Line::Text(b"one" | b"two")));
            count += 1;
        }
        assert_eq!(count, 4);
        let mut plain = Lines::new(open(&dir.path().join("plain.gz")).unwrap());
        assert_eq!(plain.next_line().unwrap(), Some(Line::Text(b"one")));
    }
}
