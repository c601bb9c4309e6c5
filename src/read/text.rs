//! Bytes on disk to the text every later stage sees: UTF-8, NFC, `\n` line ends, no BOM.

use std::path::Path;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::diagnostic::{Diagnostic, Location};
use crate::legacy;

/// Decodes a text file. Vietnamese typed on macOS arrives decomposed (NFD) and text from
/// Windows tools carries a BOM and CRLF; all of them become the same NFC text, so ids,
/// names and slugs compare equal however the file was saved.
pub fn decode(file: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    utf8(file, bytes).map(normalize)
}

/// The text of a UTF-8 file, without its BOM.
fn utf8<'b>(file: &Path, bytes: &'b [u8]) -> Result<&'b str, Diagnostic> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        // Notepad's "Unicode" is UTF-16: the text is fine, only its encoding is not.
        return Err(Diagnostic::error(crate::text!("utf16"))
            .in_file(file)
            .help(crate::text!("utf16-help")));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|err| not_utf8(file, bytes, err))
}

/// Decodes a relic's text as [`decode`] does, and warns about what `ditich check --fix`
/// would change in the file: a file saved in Windows-1258, which is read as such; decomposed
/// letters, which some search tools and older phones show apart; text typed in the TCVN3 or
/// VNI fonts, which reads as gibberish anywhere but on the old computer it came from.
pub fn decode_document(
    file: &Path,
    bytes: &[u8],
    warnings: &mut Vec<Diagnostic>,
) -> Result<String, Diagnostic> {
    let raw = match utf8(file, bytes) {
        Ok(raw) => raw,
        Err(not_utf8) => {
            let text = legacy::decode_windows_1258(bytes).ok_or_else(|| not_utf8.clone())?;
            let mut warning = Diagnostic::warning(crate::text!("windows-1258"))
                .in_file(file)
                .help(crate::text!("windows-1258-help"));
            warning.location = not_utf8.location.map(|mut at| {
                // Show the line as it reads in Windows-1258, not as the bytes' replacement marks.
                at.text = text.lines().nth(at.line - 1).unwrap_or_default().to_owned();
                at
            });
            warnings.push(warning);
            return Ok(normalize(&text));
        }
    };
    // Nearly every file is NFC already; then only its line ends may need changing.
    let not_nfc = first_not_nfc(raw);
    let text = match not_nfc {
        None => lf(raw).into_owned(),
        Some(_) => normalize(raw),
    };
    if let Some(warning) = mojibake_warning(file, &text) {
        warnings.push(warning);
    }
    if let Some(at) = not_nfc {
        warnings.push(
            Diagnostic::warning(crate::text!("not-nfc"))
                .in_file(file)
                .at(at)
                .help(crate::text!("not-nfc-help")),
        );
    }
    Ok(text)
}

/// One warning for a file's text typed in a legacy font: the first passage, and how many more.
fn mojibake_warning(file: &Path, text: &str) -> Option<Diagnostic> {
    let runs = legacy::find_mojibake(text);
    let first = runs.first()?;
    Some(
        Diagnostic::warning(crate::text!(
            "legacy-font",
            encoding = first.encoding.to_string(),
            meaning = first.fixed.as_str(),
            more = runs.len() - 1
        ))
        .in_file(file)
        .at(Location::of_span(text, first.range.clone()))
        .help(crate::text!("legacy-font-help")),
    )
}

fn normalize(text: &str) -> String {
    let text = lf(text);
    if quick_nfc(&text) == unicode_normalization::IsNormalized::Yes
        || unicode_normalization::is_nfc(&text)
    {
        text.into_owned()
    } else {
        text.nfc().collect()
    }
}

/// Whether `text` is NFC, as Unicode's quick check tells, but looking up Unicode's tables
/// only from the first character that is not ASCII, a Latin letter Vietnamese is written with,
/// a Hán character, or one of its quotes and dashes. Nearly every story is made of those
/// alone, and the tables cost a search for each letter.
fn quick_nfc(text: &str) -> unicode_normalization::IsNormalized {
    // Before that character comes a starter, so the check may begin there.
    match text.find(|c| !is_plain_starter(c)) {
        None => unicode_normalization::IsNormalized::Yes,
        Some(at) => unicode_normalization::is_nfc_quick(text[at..].chars()),
    }
}

/// A character that NFC keeps as it is and that combines with nothing before it.
fn is_plain_starter(c: char) -> bool {
    // Combining marks begin at U+0300; U+1E00–U+1EFF are precomposed letters (Vietnamese's
    // toned vowels among them); U+2010–U+2027 are dashes, quotes and the ellipsis, none of
    // which NFC replaces (unlike U+2000 and U+2001); then the CJK ideographs, without the
    // compatibility ones, which NFC does replace.
    c < '\u{300}'
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{3400}'..='\u{4DBF}').contains(&c)
        || ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// `\r\n` line ends as `\n`.
fn lf(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").into()
    } else {
        text.into()
    }
}

/// The first letter whose marks are stored apart, underlined with its marks.
fn first_not_nfc(text: &str) -> Option<Location> {
    if quick_nfc(text) == unicode_normalization::IsNormalized::Yes {
        return None;
    }
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if !unicode_normalization::is_nfc(line) {
            // The mark follows its letter: underline from the letter to the last mark.
            let mut chars = line.char_indices().peekable();
            let mut base = 0;
            while let Some((i, c)) = chars.next() {
                if !is_combining_mark(c) {
                    base = i;
                    continue;
                }
                let mut end = i + c.len_utf8();
                while let Some(&(j, next)) = chars.peek() {
                    if !is_combining_mark(next) {
                        break;
                    }
                    end = j + next.len_utf8();
                    chars.next();
                }
                let word = &line[base..end];
                if word.nfc().collect::<String>() != word {
                    return Some(Location::of_span(text, offset + base..offset + end));
                }
            }
            return Some(Location::of_line(
                text,
                text[..offset].matches('\n').count() + 1,
            ));
        }
        offset += line.len();
    }
    None
}

fn not_utf8(file: &Path, bytes: &[u8], err: std::str::Utf8Error) -> Diagnostic {
    let valid = err.valid_up_to();
    // The prefix is valid UTF-8 by definition, so it locates the bad byte exactly.
    let before = String::from_utf8_lossy(&bytes[..valid]);
    let mut at = Location::of_span(&before, before.len()..before.len());
    at.text = String::from_utf8_lossy(line_around(bytes, valid)).into_owned();
    Diagnostic::error(crate::text!(
        "not-utf8",
        byte = format!("0x{:02X}", bytes[valid])
    ))
    .in_file(file)
    .at(at)
    .help(crate::text!("not-utf8-help"))
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
    fn decomposed_letters_are_pointed_at() {
        let source = format!("+++\nname = \"{}\"\n", "Đền Cả".nfd().collect::<String>());
        let mut warnings = Vec::new();
        let text = decode_document(Path::new("a.md"), source.as_bytes(), &mut warnings).unwrap();
        assert_eq!(text, "+++\nname = \"Đền Cả\"\n");
        let at = warnings[0].location.as_deref().unwrap();
        // "ề" is e, circumflex, grave: three characters from column 10.
        assert_eq!((at.line, at.column, at.width), (2, 10, 3));
    }

    #[test]
    fn plain_starters_are_what_unicode_says() {
        use unicode_normalization::char::canonical_combining_class;
        let plain = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_plain_starter(c));
        for c in plain {
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", u32::from(c));
            assert_eq!(
                unicode_normalization::is_nfc_quick(std::iter::once(c)),
                unicode_normalization::IsNormalized::Yes,
                "U+{:04X}",
                u32::from(c)
            );
        }
        use unicode_normalization::IsNormalized::{No, Yes};
        assert_eq!(quick_nfc("Đền Cả – “Trạng nguyên” 丁二…"), Yes);
        assert_ne!(quick_nfc(&"Đền Cả".nfd().collect::<String>()), Yes);
        assert_eq!(quick_nfc("Đền\u{2000}"), No);
        assert_eq!(quick_nfc("Đền \u{F900}"), No);
    }

    #[test]
    fn bom_and_crlf_are_dropped() {
        let text = decode(Path::new("a.md"), b"\xEF\xBB\xBF+++\r\nid = 1\r\n").unwrap();
        assert_eq!(text, "+++\nid = 1\n");
    }

    #[test]
    fn utf_16_is_named() {
        let err = decode(Path::new("a.md"), b"\xFF\xFE+\0+\0+\0").unwrap_err();
        assert!(err.message.contains("UTF-16"), "{}", err.message);
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
