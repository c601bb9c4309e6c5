//! Bytes on disk to the text every later stage sees: UTF-8, NFC, `\n` line ends, no BOM.

use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use crate::diagnostic::{Diagnostic, Location};

/// Decodes a text file. Vietnamese typed on macOS arrives decomposed (NFD) and text from
/// Windows tools carries a BOM and CRLF; all of them become the same NFC text, so ids,
/// names and slugs compare equal however the file was saved.
pub fn decode(file: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|err| not_utf8(file, bytes, err))?;
    let text = text.replace("\r\n", "\n");
    Ok(if unicode_normalization::is_nfc(&text) {
        text
    } else {
        text.nfc().collect()
    })
}

fn not_utf8(file: &Path, bytes: &[u8], err: std::str::Utf8Error) -> Diagnostic {
    let valid = err.valid_up_to();
    // The prefix is valid UTF-8 by definition, so it locates the bad byte exactly.
    let before = String::from_utf8_lossy(&bytes[..valid]);
    let mut at = Location::of_span(&before, before.len()..before.len());
    at.text = String::from_utf8_lossy(line_around(bytes, valid)).into_owned();
    Diagnostic::error(format!(
        "the file is not UTF-8 text (byte 0x{:02X} cannot start a character)",
        bytes[valid]
    ))
    .in_file(file)
    .at(at)
    .help(
        "it was probably saved in an old Vietnamese encoding (Windows-1258, TCVN3 or VNI); \
         open it in a text editor and save it again as UTF-8 \
         (Notepad: File > Save as > Encoding: UTF-8)",
    )
}

fn line_around(bytes: &[u8], index: usize) -> &[u8] {
    let start = bytes[..index]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let end = bytes[index..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| index + i);
    &bytes[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_becomes_nfc() {
        let nfd: String = "Đền Cả".nfd().collect();
        assert_ne!(nfd, "Đền Cả");
        assert_eq!(decode(Path::new("a.md"), nfd.as_bytes()).unwrap(), "Đền Cả");
    }

    #[test]
    fn bom_and_crlf_are_dropped() {
        let text = decode(Path::new("a.md"), b"\xEF\xBB\xBF+++\r\nid = 1\r\n").unwrap();
        assert_eq!(text, "+++\nid = 1\n");
    }

    #[test]
    fn windows_1258_is_located() {
        // "Đền" in Windows-1258: Đ, ê, combining grave.
        let err = decode(Path::new("a.md"), b"+++\nname = \"\xD0\xEA\xCC\"\n").unwrap_err();
        let at = err.location.unwrap();
        assert_eq!((at.line, at.column), (2, 9));
        assert!(err.message.contains("0xD0"), "{}", err.message);
    }
}
