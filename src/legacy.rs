//! Vietnamese text from before Unicode: files saved in Windows-1258, and text typed in the
//! TCVN3 (ABC) or VNI fonts that reaches us as mojibake, e.g. `Céng hoµ x· héi` or
//! `Coäng hoøa xaõ hoäi` for `Cộng hoà xã hội`.
//!
//! Culture officers paste from old documents, so the detection must never touch correct text:
//! a run is reported only when its words are not Vietnamese as they stand but become
//! Vietnamese syllables once converted.

use std::fmt;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

/// A legacy way of writing Vietnamese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Microsoft's code page: base letters plus combining tone marks.
    Windows1258,
    /// TCVN 5712:1993 VN3, the `.VnTime` fonts: one byte for each lowercase letter.
    Tcvn3,
    /// The VNI-Windows fonts: a base letter followed by a mark byte.
    Vni,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Windows1258 => "Windows-1258",
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Vni => "VNI",
        })
    }
}

/// A run of mojibake found in UTF-8 text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mojibake {
    /// Where the run is in the text, in bytes: from its first affected word to its last.
    pub range: Range<usize>,
    pub encoding: Encoding,
    /// The run in Unicode (NFC); words without legacy characters are kept as they are.
    pub fixed: String,
}

// ---------------------------------------------------------------------------------------------
// Tables. A legacy font's byte shows up in pasted text as the Windows-1252 character of that
// byte (or as the C1 control of the same number, when the text went through Latin-1).

/// TCVN 5712:1993, table VN3 (the "ABC" code of the `.VnTime` fonts): precomposed lowercase
/// letters in 0xA1..=0xFE. Uppercase toned letters have no code of their own: the uppercase
/// fonts (`.VnTimeH`) draw the same codes as capitals. Only Ă Â Ê Ô Ơ Ư Đ have uppercase codes.
/// Per vowel the tones come in the order huyền, hỏi, ngã, sắc, nặng.
#[rustfmt::skip]
const TCVN3: [(u8, char); 74] = [
    (0xA1, 'Ă'), (0xA2, 'Â'), (0xA3, 'Ê'), (0xA4, 'Ô'), (0xA5, 'Ơ'), (0xA6, 'Ư'), (0xA7, 'Đ'),
    (0xA8, 'ă'), (0xA9, 'â'), (0xAA, 'ê'), (0xAB, 'ô'), (0xAC, 'ơ'), (0xAD, 'ư'), (0xAE, 'đ'),
    (0xB5, 'à'), (0xB6, 'ả'), (0xB7, 'ã'), (0xB8, 'á'), (0xB9, 'ạ'),
    (0xBB, 'ằ'), (0xBC, 'ẳ'), (0xBD, 'ẵ'), (0xBE, 'ắ'), (0xC6, 'ặ'),
    (0xC7, 'ầ'), (0xC8, 'ẩ'), (0xC9, 'ẫ'), (0xCA, 'ấ'), (0xCB, 'ậ'),
    (0xCC, 'è'), (0xCE, 'ẻ'), (0xCF, 'ẽ'), (0xD0, 'é'), (0xD1, 'ẹ'),
    (0xD2, 'ề'), (0xD3, 'ể'), (0xD4, 'ễ'), (0xD5, 'ế'), (0xD6, 'ệ'),
    (0xD7, 'ì'), (0xD8, 'ỉ'), (0xDC, 'ĩ'), (0xDD, 'í'), (0xDE, 'ị'),
    (0xDF, 'ò'), (0xE1, 'ỏ'), (0xE2, 'õ'), (0xE3, 'ó'), (0xE4, 'ọ'),
    (0xE5, 'ồ'), (0xE6, 'ổ'), (0xE7, 'ỗ'), (0xE8, 'ố'), (0xE9, 'ộ'),
    (0xEA, 'ờ'), (0xEB, 'ở'), (0xEC, 'ỡ'), (0xED, 'ớ'), (0xEE, 'ợ'),
    (0xEF, 'ù'), (0xF1, 'ủ'), (0xF2, 'ũ'), (0xF3, 'ú'), (0xF4, 'ụ'),
    (0xF5, 'ừ'), (0xF6, 'ử'), (0xF7, 'ữ'), (0xF8, 'ứ'), (0xF9, 'ự'),
    (0xFA, 'ỳ'), (0xFB, 'ỷ'), (0xFC, 'ỹ'), (0xFD, 'ý'), (0xFE, 'ỵ'),
];

/// VNI-Windows: letters that have a byte of their own, lowercase. The uppercase letter's byte
/// is 0x20 lower, as in Latin-1 (ơ 0xF4, Ơ 0xD4).
#[rustfmt::skip]
const VNI_LETTERS: [(u8, char); 9] = [
    (0xF4, 'ơ'), (0xF6, 'ư'), (0xF1, 'đ'),
    (0xEC, 'ì'), (0xE6, 'ỉ'), (0xF3, 'ĩ'), (0xED, 'í'), (0xF2, 'ị'), (0xEE, 'ỵ'),
];

/// VNI-Windows: mark bytes typed after the vowel they modify, as combining characters, in their
/// lowercase form; the uppercase form (used after capitals) is the byte minus 0x20.
#[rustfmt::skip]
const VNI_MARKS: [(u8, &str); 17] = [
    (0xF8, "\u{300}"), (0xFB, "\u{309}"), (0xF5, "\u{303}"), (0xF9, "\u{301}"), (0xEF, "\u{323}"),
    (0xE2, "\u{302}"), (0xE0, "\u{302}\u{300}"), (0xE5, "\u{302}\u{309}"),
    (0xE3, "\u{302}\u{303}"), (0xE1, "\u{302}\u{301}"), (0xE4, "\u{302}\u{323}"),
    (0xEA, "\u{306}"), (0xE8, "\u{306}\u{300}"), (0xFA, "\u{306}\u{309}"),
    (0xFC, "\u{306}\u{303}"), (0xE9, "\u{306}\u{301}"), (0xEB, "\u{306}\u{323}"),
];

/// Windows-1252 at 0x80..=0x9F; its five unassigned bytes keep their C1 code points.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The five tones other than ngang, as combining marks: huyền, sắc, ngã, hỏi, nặng.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';
const HORN: char = '\u{31B}';
const VOWELS: &str = "aăâeêioôơuưy";

/// Some of the commonest syllables of written Vietnamese, to choose between two readings of a
/// short line that convert equally well.
const COMMON: [&str; 121] = [
    "của", "và", "là", "có", "các", "những", "được", "trong", "một", "cho", "không", "người",
    "với", "đã", "này", "để", "năm", "đến", "từ", "khi", "thì", "ra", "như", "nhà", "về", "nhiều",
    "cũng", "theo", "lại", "đó", "sau", "làm", "đi", "ở", "tại", "trên", "hơn", "vì", "nên", "còn",
    "nhưng", "mà", "bị", "sẽ", "rất", "phải", "nước", "việc", "công", "hội", "chính", "thể",
    "hiện", "học", "thành", "quốc", "dân", "tỉnh", "huyện", "xã", "làng", "văn", "hoá", "hóa",
    "lịch", "sử", "di", "tích", "đền", "chùa", "đình", "thờ", "họ", "ông", "bà", "vua", "thần",
    "lễ", "tháng", "ngày", "mới", "cả", "chỉ", "đều", "vẫn", "đang", "nơi", "nào", "gì", "tôi",
    "chúng", "ta", "con", "cháu", "đời", "thời", "xưa", "nay", "trước", "dưới", "giữa", "bên",
    "đất", "núi", "sông", "xây", "dựng", "tu", "bổ", "tạo", "gỗ", "đá", "tượng", "phật", "sắc",
    "phong", "cấp", "gia", "vật", "nghệ", "thuật",
];

// ---------------------------------------------------------------------------------------------
// Windows-1258

/// Decodes bytes that are not UTF-8 when they look like Windows-1258; `None` otherwise (valid
/// UTF-8, or text in some other encoding). The result is NFC: Windows-1258 writes most tones as
/// combining marks, which the rest of the builder must not see.
pub fn decode_windows_1258(bytes: &[u8]) -> Option<String> {
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let (decoded, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    looks_windows_1258(&decoded).then(|| decoded.nfc().collect())
}

/// Every byte decodes to something in Windows-1258, so it is judged by what it gives: tone marks
/// on vowels, words that are Vietnamese syllables, and next to no control characters. Latin-1
/// text in French or German gives no marks or no ă ơ ư đ; Portuguese gets ă and ơ in words that
/// are not syllables; other encodings give marks on consonants and controls.
fn looks_windows_1258(decoded: &str) -> bool {
    let (mut controls, mut marks, mut stray) = (0, 0, 0);
    let mut previous = None;
    for c in decoded.chars() {
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            controls += 1;
        }
        if TONES.contains(&c) {
            match previous.and_then(parts) {
                Some((base, _, None)) if VOWELS.contains(base.to_ascii_lowercase()) => marks += 1,
                _ => stray += 1,
            }
        }
        previous = Some(c);
    }
    let text: String = decoded.nfc().collect();
    let (mut good, mut bad) = (0, 0);
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_ascii())
    {
        if is_syllable(word) {
            good += 1;
        } else {
            bad += 1;
        }
    }
    let own_letters = text.chars().any(|c| "ăơưđĂƠƯĐ".contains(c));
    (marks > 0 || own_letters)
        && stray * 10 <= marks
        && controls * 100 <= decoded.chars().count()
        && good > 0
        && bad * 3 <= good
}

// ---------------------------------------------------------------------------------------------
// Finding and fixing mojibake

/// Finds the runs of TCVN3 or VNI mojibake in `text`: per line, the longest stretches of words
/// that convert to Vietnamese syllables, with the encoding that converts more of the line's words.
///
/// TCVN3 has no capital toned vowels, so their case is guessed: capital at the start of a
/// sentence and in all-capital runs, lowercase elsewhere (`Ên §é` → `Ấn Độ`, but mid-sentence
/// `ấn Độ`).
pub fn find_mojibake(text: &str) -> Vec<Mojibake> {
    // Nearly every file is clean, and reading each word both ways is the costly part: text
    // whose words are all ASCII or Vietnamese as written is passed over after one look.
    if !may_hold_mojibake(text) {
        return Vec::new();
    }
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let range = start..start + line.len();
        start = range.end;
        lines.push((
            line_runs(text, range.clone(), Encoding::Tcvn3),
            line_runs(text, range, Encoding::Vni),
        ));
    }
    // A short line can read as either (`sö` is VNI's sư and TCVN3's sử). Then the rest of the
    // text decides, or else the reading with commoner words, or else the one with fewer tones.
    let total = |vni: bool| -> usize {
        lines
            .iter()
            .map(|(t, v)| if vni { v.evidence } else { t.evidence })
            .sum()
    };
    let text_order = total(true).cmp(&total(false));
    let mut found = Vec::new();
    for (tcvn3, vni) in lines {
        // More converted words wins; then fewer words with legacy characters left over.
        let line_order = (vni.evidence, tcvn3.failed).cmp(&(tcvn3.evidence, vni.failed));
        let order = line_order
            .then(text_order)
            .then(vni.common.cmp(&tcvn3.common))
            .then(tcvn3.tones.cmp(&vni.tones));
        found.extend(if order.is_gt() { vni.runs } else { tcvn3.runs });
    }
    found
}

/// The text with every run found by [`find_mojibake`] replaced by its Unicode (NFC) form.
pub fn fix_mojibake(text: &str) -> String {
    let mut fixed = String::with_capacity(text.len());
    let mut cursor = 0;
    for run in find_mojibake(text) {
        fixed.push_str(&text[cursor..run.range.start]);
        fixed.push_str(&run.fixed);
        cursor = run.range.end;
    }
    fixed.push_str(&text[cursor..]);
    fixed
}

/// The inverse: Unicode Vietnamese as it looks when pasted from a TCVN3 or VNI font. TCVN3
/// loses the case of capital toned vowels (`Ấ` comes out as `ấ`'s code). Windows-1258 is a byte
/// encoding, not a font, so that text comes back unchanged. For the tests, which make such
/// text from known Vietnamese.
#[cfg(any(test, feature = "test-support"))]
pub fn to_mojibake(text: &str, encoding: Encoding) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.nfc() {
        match encoding {
            Encoding::Windows1258 => out.push(c),
            Encoding::Tcvn3 => out.push(tcvn3_encode(c).map_or(c, byte_char)),
            Encoding::Vni => match vni_encode(c) {
                Some(typed) => out.push_str(&typed),
                None => out.push(c),
            },
        }
    }
    out
}

/// What one word tells about a line, read in one encoding.
enum Word {
    /// Not Vietnamese as it stands, a syllable once converted: the evidence for a run.
    Mojibake { fixed: String, strong: bool },
    /// A syllable both as it stands and converted: converted only inside a run.
    Ambiguous(String),
    /// Needs no conversion (ASCII syllables like `Nam`, numbers, a lone symbol): a run goes on.
    Neutral,
    /// Anything else ends a run.
    Breaker,
}

impl Word {
    /// The word in Unicode, when it is one to convert.
    fn converted(&self) -> Option<&str> {
        match self {
            Word::Mojibake { fixed, .. } | Word::Ambiguous(fixed) => Some(fixed),
            Word::Neutral | Word::Breaker => None,
        }
    }
}

struct Token {
    span: Range<usize>,
    /// The word in NFC: decomposed input (macOS) must read like composed input.
    nfc: String,
    word: Word,
}

/// One line read in one encoding.
struct LineRuns {
    runs: Vec<Mojibake>,
    /// Mojibake words, reported or not.
    evidence: usize,
    /// Words with characters of this encoding that do not convert.
    failed: usize,
    /// Converted words that are among the commonest syllables.
    common: usize,
    /// Tone marks in the converted words: VNI's ơ and ư (`ô`, `ö`) are TCVN3's ụ and ử.
    tones: usize,
}

fn line_runs(text: &str, line: Range<usize>, encoding: Encoding) -> LineRuns {
    let mut tokens = Vec::new();
    let mut word_start = None;
    for (i, c) in text[line.clone()].char_indices().chain([(line.len(), ' ')]) {
        let at = line.start + i;
        match (word_start, is_word_char(c)) {
            (None, true) => word_start = Some(at),
            (Some(start), false) => {
                let nfc: String = text[start..at].nfc().collect();
                let word = classify(&nfc, encoding);
                tokens.push(Token {
                    span: start..at,
                    nfc,
                    word,
                });
                word_start = None;
            }
            _ => {}
        }
    }
    let converted = || tokens.iter().filter_map(|t| t.word.converted());
    let mut result = LineRuns {
        runs: Vec::new(),
        evidence: tokens
            .iter()
            .filter(|t| matches!(t.word, Word::Mojibake { .. }))
            .count(),
        failed: tokens
            .iter()
            .filter(|t| matches!(t.word, Word::Breaker))
            .filter(|t| t.nfc.chars().any(|c| is_legacy(c, encoding)))
            .count(),
        common: converted()
            .filter(|w| COMMON.contains(&w.to_lowercase().as_str()))
            .count(),
        tones: converted()
            .map(|w| w.nfd().filter(|c| TONES.contains(c)).count())
            .sum(),
    };
    for group in tokens.split(|t| matches!(t.word, Word::Breaker)) {
        let changed = |t: &Token| t.word.converted().is_some();
        let (Some(first), Some(last)) = (
            group.iter().position(changed),
            group.iter().rposition(changed),
        ) else {
            continue;
        };
        let run = &group[first..=last];
        let mojibake = run
            .iter()
            .filter(|t| matches!(t.word, Word::Mojibake { .. }))
            .count();
        let strong = run
            .iter()
            .any(|t| matches!(t.word, Word::Mojibake { strong: true, .. }));
        // One short word is too little: `µm` reads as `àm` and French `thé` as TCVN3 `thộ`.
        if mojibake >= 2 || strong {
            result.runs.push(assemble(text, line.start, run, encoding));
        }
    }
    result
}

/// Writes a run in Unicode: converted words replaced, everything between them kept.
fn assemble(text: &str, line_start: usize, run: &[Token], encoding: Encoding) -> Mojibake {
    let range = run[0].span.start..run[run.len() - 1].span.end;
    let all_caps = encoding == Encoding::Tcvn3 && tcvn3_all_caps(run);
    let mut fixed = String::new();
    let mut cursor = range.start;
    for token in run {
        fixed.push_str(&text[cursor..token.span.start]);
        match token.word.converted() {
            Some(word) if encoding == Encoding::Tcvn3 => {
                let capital = all_caps || sentence_start(&text[line_start..token.span.start]);
                fixed.push_str(&tcvn3_case(&token.nfc, word, all_caps, capital));
            }
            Some(word) => fixed.push_str(word),
            None => fixed.push_str(&text[token.span.clone()]),
        }
        cursor = token.span.end;
    }
    let fixed = fixed.nfc().collect();
    Mojibake {
        range,
        encoding,
        fixed,
    }
}

fn classify(word: &str, encoding: Encoding) -> Word {
    if !word.chars().any(|c| is_legacy(c, encoding)) {
        let plain =
            word.chars().all(|c| c.is_ascii_digit()) || (word.is_ascii() && is_syllable(word));
        return if plain { Word::Neutral } else { Word::Breaker };
    }
    // `«`, `½` or `·` alone says nothing by itself; inside a run it is a word like `ô`.
    let lone_symbol = word.chars().count() == 1 && !word.chars().all(char::is_alphanumeric);
    let converted = match encoding {
        // Only ASCII letters and the codes of Ă…Đ and ă…đ tell case in TCVN3.
        Encoding::Tcvn3 if well_cased(word.chars().filter(|&c| tcvn3_cased(c).is_some())) => {
            word.chars().map(tcvn3_decode).collect()
        }
        Encoding::Tcvn3 => None,
        _ => vni_decode(word),
    };
    match converted {
        Some(fixed) if is_syllable(&fixed) => {
            if fixed == word && encoding == Encoding::Vni {
                Word::Neutral // VNI writes ì and í as Latin-1 does (TCVN3's ý may need a capital)
            } else if lone_symbol || (is_syllable(word) && well_cased(word.chars())) {
                Word::Ambiguous(fixed)
            } else {
                // Long words with a consonant, symbols glued to letters (`hoµ`, `x·`) and
                // capitals inside a word (`vÉn`) are not what other languages write.
                let initial = fixed
                    .chars()
                    .next()
                    .and_then(parts)
                    .is_some_and(|(base, ..)| !VOWELS.contains(base.to_ascii_lowercase()));
                let symbol = word.chars().any(|c| !c.is_alphanumeric());
                let strong =
                    (initial && fixed.chars().count() >= 4) || symbol || !well_cased(word.chars());
                Word::Mojibake { fixed, strong }
            }
        }
        _ if lone_symbol => Word::Neutral,
        _ => Word::Breaker,
    }
}

fn is_word_char(c: char) -> bool {
    // Vietnamese letters first: they are most of the non-ASCII text, and Unicode's general
    // table is slow to search.
    c.is_ascii_alphanumeric()
        || ('\u{C0}'..='\u{24F}').contains(&c) && c != '×' && c != '÷'
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        || !c.is_ascii()
            && (c.is_alphanumeric()
                || ('\u{300}'..='\u{36F}').contains(&c)
                || is_legacy(c, Encoding::Tcvn3))
}

fn is_legacy(c: char, encoding: Encoding) -> bool {
    match encoding {
        Encoding::Tcvn3 => !c.is_ascii() && tcvn3_decode(c).is_some(),
        Encoding::Vni => vni_letter(c).is_some() || vni_mark(c).is_some(),
        Encoding::Windows1258 => false,
    }
}

/// Whether any word could be mojibake: it holds a character of a legacy font and is not a
/// Vietnamese syllable as written. Only such words start a run, so text without them has none.
fn may_hold_mojibake(text: &str) -> bool {
    // One pass over the characters: a story is mostly words, each looked at once.
    let mut start = 0;
    let mut legacy = false;
    for (at, c) in text.char_indices() {
        if !is_word_char(c) {
            if legacy && !is_known_syllable(&text[start..at]) {
                return true;
            }
            start = at + c.len_utf8();
            legacy = false;
        } else if !legacy && !c.is_ascii() && is_legacy_in_either(c) {
            legacy = true;
        }
    }
    legacy && !is_known_syllable(&text[start..])
}

/// `is_legacy(c, Tcvn3) || is_legacy(c, Vni)`, by the byte `c` stands for: a story has
/// thousands of words to look at, and the fonts' tables are searched one entry at a time.
fn is_legacy_in_either(c: char) -> bool {
    static BY_BYTE: std::sync::LazyLock<[bool; 128]> = std::sync::LazyLock::new(|| {
        std::array::from_fn(|i| {
            let byte = 0x80 + i as u8;
            let c = match byte {
                0x80..=0x9F => CP1252_HIGH[usize::from(byte - 0x80)],
                _ => char::from(byte),
            };
            is_legacy(c, Encoding::Tcvn3) || is_legacy(c, Encoding::Vni)
        })
    });
    char_byte(c).is_some_and(|byte| BY_BYTE[usize::from(byte - 0x80)])
}

/// [`is_syllable`], remembered: a story repeats a few hundred syllables thousands of times, and
/// a province's stories share them, so each thread judges every spelling once.
fn is_known_syllable(word: &str) -> bool {
    // Bounds the memory that a file of endless distinct words could take.
    const MAX_REMEMBERED: usize = 1 << 16;
    thread_local! {
        static SYLLABLES: std::cell::RefCell<foldhash::HashSet<String>> =
            std::cell::RefCell::default();
    }
    SYLLABLES.with_borrow_mut(|known| {
        if known.contains(word) {
            return true;
        }
        let syllable = is_syllable(word);
        if syllable && known.len() < MAX_REMEMBERED {
            known.insert(word.to_owned());
        }
        syllable
    })
}

/// A sentence starts here when the line before it holds only opening punctuation, or ends one.
fn sentence_start(before: &str) -> bool {
    let before =
        before.trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘«([*_#>+-".contains(c));
    before.is_empty() || before.ends_with(['.', '!', '?', '='])
}

// ---------------------------------------------------------------------------------------------
// TCVN3

fn tcvn3_decode(c: char) -> Option<char> {
    if c.is_ascii_alphabetic() {
        return Some(c);
    }
    let byte = char_byte(c)?;
    TCVN3
        .iter()
        .find(|(b, _)| *b == byte)
        .map(|(_, letter)| *letter)
}

#[cfg(any(test, feature = "test-support"))]
fn tcvn3_encode(c: char) -> Option<u8> {
    let code = |c: char| TCVN3.iter().find(|(_, l)| *l == c).map(|(b, _)| *b);
    // A capital toned vowel takes the lowercase code; an uppercase font would draw it as a capital.
    code(c).or_else(|| code(c.to_lowercase().next()?).filter(|b| *b >= 0xB5))
}

/// A run is in capitals when it has at least two capitals, no lowercase letter, and a capital
/// inside a word (`VIÖT`, `§ÒN`); `§æ §Ò` alone could be either.
fn tcvn3_all_caps(run: &[Token]) -> bool {
    let (mut upper, mut lower, mut inner) = (0, 0, false);
    for token in run {
        for (i, c) in token.nfc.chars().enumerate() {
            match tcvn3_cased(c) {
                Some(true) => {
                    upper += 1;
                    inner |= i > 0;
                }
                Some(false) => lower += 1,
                None => {}
            }
        }
    }
    upper >= 2 && lower == 0 && inner
}

/// Whether a character of TCVN3 text is a capital (`Some(true)`), lowercase, or has no case.
fn tcvn3_cased(c: char) -> Option<bool> {
    match char_byte(c).map_or(u32::from(c), u32::from) {
        0x41..=0x5A | 0xA1..=0xA7 => Some(true),
        0x61..=0x7A | 0xA8..=0xAE => Some(false),
        _ => None,
    }
}

/// Applies the case that TCVN3 lost: `word` is the run's text, `fixed` its conversion, one
/// char for one char.
fn tcvn3_case(word: &str, fixed: &str, all_caps: bool, capital: bool) -> String {
    let mut out = String::with_capacity(fixed.len());
    for (i, (original, letter)) in word.chars().zip(fixed.chars()).enumerate() {
        let caseless = char_byte(original).is_some_and(|b| b >= 0xB5);
        if all_caps || (capital && i == 0 && caseless) {
            out.extend(letter.to_uppercase());
        } else {
            out.push(letter);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// VNI

fn vni_letter(c: char) -> Option<char> {
    let byte = char_byte(c)?;
    VNI_LETTERS.iter().find_map(|&(b, letter)| match byte {
        _ if byte == b => Some(letter),
        _ if byte == b - 0x20 => letter.to_uppercase().next(),
        _ => None,
    })
}

fn vni_mark(c: char) -> Option<&'static str> {
    let byte = char_byte(c)?;
    VNI_MARKS
        .iter()
        .find(|(b, _)| *b == byte || *b - 0x20 == byte)
        .map(|(_, m)| *m)
}

fn vni_decode(word: &str) -> Option<String> {
    let mut out: Vec<char> = Vec::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii_alphabetic() {
            out.push(c);
        } else if let Some(letter) = vni_letter(c) {
            out.push(letter);
        } else {
            // The fonts have a lowercase and a capital form of each mark, typed to match.
            let vowel = out.pop().filter(|v| v.is_uppercase() == c.is_uppercase())?;
            out.push(add_marks(vowel, vni_mark(c)?)?);
        }
    }
    well_cased(out.iter().copied()).then(|| out.into_iter().collect())
}

/// Lowercase, Capitalised or CAPITALS: what people type, unlike the `NghỊ` that VNI reads in
/// TCVN3's `NghÒ` (Nghề).
fn well_cased(letters: impl Iterator<Item = char>) -> bool {
    let mut lower = false;
    for c in letters {
        if c.is_lowercase() {
            lower = true;
        } else if c.is_uppercase() && lower {
            return false;
        }
    }
    true
}

/// Puts VNI's marks on the vowel typed before them: a circumflex on a, e or o, a breve on a,
/// and one tone at most.
fn add_marks(vowel: char, marks: &str) -> Option<char> {
    let (base, mut quality, mut tone) = parts(vowel)?;
    if !"aeiouy".contains(base.to_ascii_lowercase()) {
        return None;
    }
    for mark in marks.chars() {
        if TONES.contains(&mark) {
            if tone.replace(mark).is_some() {
                return None;
            }
        } else {
            let bases = if mark == CIRCUMFLEX { "aeo" } else { "a" };
            if quality.replace(mark).is_some() || !bases.contains(base.to_ascii_lowercase()) {
                return None;
            }
        }
    }
    compose(base, quality, tone)
}

/// `c` as typed in a VNI font; `None` for characters it writes as they are.
#[cfg(any(test, feature = "test-support"))]
fn vni_encode(c: char) -> Option<String> {
    let upper = c.is_uppercase();
    let byte = |b: u8| byte_char(if upper { b - 0x20 } else { b });
    let letter = |l: char| {
        VNI_LETTERS
            .iter()
            .find(|(_, x)| *x == l)
            .map(|(b, _)| byte(*b))
    };
    let lower = c.to_lowercase().next()?;
    if let Some(l) = letter(lower) {
        return Some(l.to_string());
    }
    let (base, quality, tone) = parts(lower)?;
    let (head, quality) = match quality {
        // ơ and ư are letters of their own in VNI; only the tone follows them.
        Some(HORN) => (letter(compose(base, quality, None)?)?, None),
        _ if upper => (base.to_ascii_uppercase(), quality),
        _ => (base, quality),
    };
    let marks: String = quality.into_iter().chain(tone).collect();
    let (b, _) = VNI_MARKS.iter().find(|(_, m)| *m == marks)?;
    Some([head, byte(*b)].into_iter().collect())
}

// ---------------------------------------------------------------------------------------------
// Letters and syllables

/// A letter's ASCII base (or đ), its circumflex, breve or horn, and its tone mark; `None` for
/// characters with other marks.
fn parts(c: char) -> Option<(char, Option<char>, Option<char>)> {
    let mut chars = std::iter::once(c).nfd();
    let base = chars.next()?;
    let (mut quality, mut tone) = (None, None);
    for mark in chars {
        match mark {
            _ if TONES.contains(&mark) => tone = Some(mark),
            CIRCUMFLEX | BREVE | HORN => quality = Some(mark),
            _ => return None,
        }
    }
    Some((base, quality, tone))
}

fn compose(base: char, quality: Option<char>, tone: Option<char>) -> Option<char> {
    let mut composed = [Some(base), quality, tone].into_iter().flatten().nfc();
    let c = composed.next()?;
    composed.next().is_none().then_some(c)
}

const INITIALS: [&str; 28] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];
const FINALS: [&str; 8] = ["ng", "nh", "ch", "c", "m", "n", "p", "t"];
/// Vowel groups that end the syllable: their last letter is a glide, or they are long.
const OPEN: [&str; 31] = [
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa",
    "ưi", "ưu", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu",
    "uơ",
];
/// Vowel groups that need a final consonant.
const CLOSED: [&str; 10] = ["ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo"];
/// Vowel groups with or without one.
const EITHER: [&str; 14] = [
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy",
];

/// Whether `word` can be one Vietnamese syllable: initial consonants, a vowel group, a final
/// consonant and at most one tone, on the vowel that carries it (old or new style: `hòa` and
/// `hoà`). Loose enough for every real syllable; it only has to tell Vietnamese from mojibake
/// and from other languages.
fn is_syllable(word: &str) -> bool {
    let mut letters = String::new();
    // The tone and the letter (counted in chars) that carries it.
    let mut tone = None;
    for (i, c) in word.nfc().enumerate() {
        let Some((base, quality, mark)) = parts(c) else {
            return false;
        };
        let Some(letter) = compose(base.to_lowercase().next().unwrap_or(base), quality, None)
        else {
            return false;
        };
        if let Some(mark) = mark
            && (tone.replace((mark, i)).is_some() || !VOWELS.contains(letter))
        {
            return false;
        }
        if !"abcdđghklmnpqrstvx".contains(letter) && !VOWELS.contains(letter) {
            return false;
        }
        letters.push(letter);
    }
    INITIALS.iter().any(|initial| {
        letters.strip_prefix(initial).is_some_and(|rime| {
            let first = rime.chars().next().unwrap_or(' ');
            let fits = match *initial {
                "k" => "ieêy".contains(first),
                "gh" | "ngh" => "ieê".contains(first),
                "c" => !"ieêy".contains(first),
                "ng" => !"ieê".contains(first),
                "g" => !"eê".contains(first),
                "qu" => !"uưo".contains(first),
                _ => true,
            };
            let skipped = initial.chars().count();
            let tone = tone.map(|(mark, at)| (mark, at.checked_sub(skipped)));
            // Rare groups after the few initials they follow: khuya; lý, kỷ, quý, tỷ.
            let rare = match rime.strip_prefix('y') {
                Some(rest) if !rest.starts_with('ê') => {
                    ["", "h", "k", "l", "m", "n", "qu", "s", "t", "v", "x"].contains(initial)
                }
                _ => !rime.starts_with("uya") || *initial == "kh",
            };
            fits && rare && is_rime(rime, tone)
        })
    })
}

/// `tone` is the mark and the index of the vowel carrying it, within the rime.
fn is_rime(rime: &str, tone: Option<(char, Option<usize>)>) -> bool {
    let coda = FINALS
        .into_iter()
        .find(|f| rime.len() > f.len() && rime.ends_with(f))
        .unwrap_or("");
    let nucleus = &rime[..rime.len() - coda.len()];
    let vowels: Vec<char> = nucleus.chars().collect();
    if vowels.is_empty() || !vowels.iter().all(|c| VOWELS.contains(*c)) {
        return false;
    }
    // The tone sits on the vowel with a circumflex, breve or horn (người, chuyện, mưa), else on
    // the last vowel before a final (hoàng), else old or new style on oa, oe, uy (hòa, hoà),
    // else on the middle of three (ngoài, khuỷu) or the first of two (chùa, mái).
    let tone_at_home = match tone {
        None => true,
        Some((_, None)) => false, // on the u of qu or the i of gi
        Some((_, Some(at))) => match vowels.iter().rposition(|c| "ăâêôơư".contains(*c)) {
            Some(marked) => at == marked,
            None if !coda.is_empty() || vowels.len() == 1 => at == vowels.len() - 1,
            None if matches!(nucleus, "oa" | "oe" | "uy") => at < 2,
            None => at == (vowels.len() - 1) / 2,
        },
    };
    if !tone_at_home {
        return false;
    }
    if coda.is_empty() {
        return OPEN.contains(&nucleus) || EITHER.contains(&nucleus);
    }
    let last = vowels[vowels.len() - 1];
    let tone = tone.map(|(mark, _)| mark);
    // xoong, goòng, soóc: a rare loanword rime, and the one that VNI's `oâng` (ông) would
    // otherwise give when read as TCVN3 (`oõng`).
    let oo = match coda {
        "ng" => matches!(tone, None | Some('\u{300}')),
        "c" => tone == Some('\u{301}'),
        _ => false,
    };
    (CLOSED.contains(&nucleus) || EITHER.contains(&nucleus))
        && (!matches!(coda, "ch" | "nh") || "aêiy".contains(last))
        && (!matches!(coda, "ng" | "c") || !matches!(nucleus, "i" | "y" | "uy"))
        && (nucleus != "oo" || oo)
        // A syllable closed by p, t, c or ch takes sắc or nặng.
        && (!matches!(coda, "p" | "t" | "c" | "ch") || matches!(tone, Some('\u{301}' | '\u{323}')))
}

// ---------------------------------------------------------------------------------------------
// Bytes as Windows-1252 shows them

fn char_byte(c: char) -> Option<u8> {
    match u8::try_from(u32::from(c)) {
        Ok(b) if b >= 0x80 => Some(b), // Latin-1, and C1 controls from a Latin-1 round trip
        // Most Vietnamese letters (ơ, ư, ạ … ỹ) lie between Windows-1252's letters and its
        // punctuation: told apart without searching.
        _ if ('\u{193}'..'\u{2013}').contains(&c) && c != 'ˆ' && c != '˜' => None,
        _ => CP1252_HIGH
            .iter()
            .position(|&h| h == c)
            .map(|i| 0x80 + i as u8),
    }
}

#[cfg(any(test, feature = "test-support"))]
fn byte_char(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Real sentences from heritage guides. Capital toned vowels only start sentences, where
    /// TCVN3's lost case can be restored.
    const SENTENCES: [&str; 22] = [
        "Đền Cuông là di tích lịch sử văn hoá cấp Quốc gia ở huyện Diễn Châu, tỉnh Nghệ An.",
        "Đình làng Quỳnh Đôi được xây dựng vào thế kỷ thứ mười chín.",
        "Chùa Cổ Am nằm bên dòng sông Lam, xã Nghi Thạch.",
        "Nhà thờ họ Nguyễn Sỹ ở Yên Thành còn giữ nhiều sắc phong quý giá.",
        "Di tích lịch sử văn hoá cấp tỉnh gồm có đình, đền, chùa và nhà thờ họ.",
        "Hằng năm, lễ hội đền Quả Sơn diễn ra vào tháng Giêng âm lịch.",
        "Người dân trong làng góp công góp của để trùng tu ngôi đình.",
        "Bia đá ghi lại công đức của các vị tiền nhân đã khai khẩn đất đai.",
        "Kiến trúc gỗ lim với những mảng chạm khắc rồng, phượng rất tinh xảo.",
        "Đền thờ Vua Mai Hắc Đế được công nhận là di tích Quốc gia đặc biệt.",
        "Huyện Yên Thành có hơn một trăm di tích đã được xếp hạng.",
        "Ủy ban nhân dân tỉnh Nghệ An ban hành quyết định bảo vệ di tích.",
        "Ông Trần Văn Thành là người trông coi đền từ năm 1990.",
        "Độc lập - Tự do - Hạnh phúc",
        "Cộng hoà xã hội chủ nghĩa Việt Nam",
        "Sở Văn hoá và Thể thao tỉnh Nghệ An đã kiểm kê các hiện vật.",
        "Giếng cổ trước sân đình nước trong quanh năm, chưa bao giờ cạn.",
        "Tượng Phật bằng đồng được đúc dưới triều Lê Trung Hưng.",
        "Trong kháng chiến, ngôi chùa là nơi cất giấu lương thực cho bộ đội.",
        "Ai về xứ Nghệ nhớ ghé thăm đền Cả, nơi thờ Đức Thánh Cả.",
        "Khuôn viên rộng khoảng hai nghìn mét vuông, có cây đa cổ thụ hơn ba trăm tuổi.",
        "Ở xã Hậu Thành, nhà thờ họ Phan được dựng lại sau năm 1954.",
    ];

    /// Real syllables for random sentences, with a spread of initials, vowel groups and tones.
    const SYLLABLES: &str = "việt nam đền chùa đình nhà thờ họ di tích lịch sử văn hoá hòa cấp \
        tỉnh nghệ an yên thành \
        quốc gia làng xã huyện người được công nhận năm thế kỷ thứ mười bảy kiến trúc gỗ lim mái \
        ngói cổ kính tượng phật bia đá sắc phong vua lễ hội tháng giêng rước kiệu thần hoàng đức \
        thánh trần hưng đạo lợi khởi nghĩa sơn quý trùng tu ngôi hậu cung tiền đường giếng khuyên \
        quyết tuổi rượu khuya ngoằn ngoèo thuở xoong oản ấy ở ý ông gìn giữ khoẻ huế ếch";

    fn nfd(text: &str) -> String {
        text.nfd().collect()
    }

    fn capitalise(word: &str) -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
    }

    /// What a TCVN3 round trip gives: capital toned vowels lose their case except where a
    /// sentence starts.
    fn tcvn3_expected(sentence: &str) -> String {
        let lost = |c: char| {
            !c.is_ascii()
                && c.is_uppercase()
                && to_mojibake(&c.to_string(), Encoding::Tcvn3)
                    == to_mojibake(&c.to_lowercase().to_string(), Encoding::Tcvn3)
        };
        let words: Vec<String> = sentence
            .split(' ')
            .enumerate()
            .map(|(i, word)| match word.chars().next() {
                Some(c) if i > 0 && lost(c) => {
                    c.to_lowercase().chain(word.chars().skip(1)).collect()
                }
                _ => word.to_string(),
            })
            .collect();
        words.join(" ")
    }

    #[test]
    fn encodings_have_their_usual_names() {
        assert_eq!(Encoding::Windows1258.to_string(), "Windows-1258");
        assert_eq!(Encoding::Tcvn3.to_string(), "TCVN3 (ABC)");
        assert_eq!(Encoding::Vni.to_string(), "VNI");
    }

    #[test]
    fn tables_cover_every_letter_once() {
        // Every lowercase Vietnamese letter with every tone, and the base capitals.
        let mut letters = Vec::new();
        for base in VOWELS.chars() {
            letters.push(base);
            letters.extend(
                TONES
                    .iter()
                    .map(|t| format!("{base}{t}").nfc().next().unwrap()),
            );
        }
        letters.push('đ');
        let tcvn3: Vec<char> = TCVN3.iter().map(|(_, c)| *c).collect();
        let mut bytes: Vec<u8> = TCVN3.iter().map(|(b, _)| *b).collect();
        for letter in letters.iter().filter(|c| !"aeiouy".contains(**c)) {
            assert_eq!(tcvn3.iter().filter(|c| *c == letter).count(), 1, "{letter}");
        }
        assert!(bytes.iter().all(|b| (0xA1..=0xFE).contains(b)));
        bytes.dedup();
        assert_eq!(bytes.len(), TCVN3.len());
        for c in "ĂÂÊÔƠƯĐ".chars() {
            assert!(tcvn3.contains(&c));
        }
        // Font bytes read as Windows-1252, or as Latin-1 (C1 controls).
        for b in 0x80..=0xFF {
            assert_eq!(char_byte(byte_char(b)), Some(b));
        }
        assert_eq!(
            (char_byte('™'), char_byte('\u{99}')),
            (Some(0x99), Some(0x99))
        );
        // Both fonts give back every letter, lowercase and capital, with every tone.
        for letter in letters {
            for c in [letter, letter.to_uppercase().next().unwrap()] {
                let vni = to_mojibake(&c.to_string(), Encoding::Vni);
                assert_eq!(vni_decode(&vni), Some(c.to_string()), "VNI {c} as {vni}");
                let tcvn3 = to_mojibake(&c.to_string(), Encoding::Tcvn3);
                let back: Option<String> = tcvn3.chars().map(tcvn3_decode).collect();
                let lower = c.to_lowercase().next().unwrap();
                assert!(
                    back == Some(c.to_string()) || back == Some(lower.to_string()),
                    "{c}"
                );
            }
        }
    }

    #[test]
    fn known_tcvn3_mojibake() {
        let cases = [
            (
                "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
                "Cộng hoà xã hội chủ nghĩa Việt Nam",
            ),
            ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
            ("ViÖt Nam", "Việt Nam"),
            ("NghÖ An", "Nghệ An"),
            ("§Òn Cu«ng", "Đền Cuông"),
            ("®×nh lµng, chïa cæ", "đình làng, chùa cổ"),
            (
                "di tÝch lÞch sö v¨n ho¸ cÊp tØnh",
                "di tích lịch sử văn hoá cấp tỉnh",
            ),
            ("ng\u{AD}êi d©n ®\u{AD}îc", "người dân được"),
            ("Së V¨n ho¸ vµ ThÓ thao", "Sở Văn hoá và Thể thao"),
        ];
        for (mojibake, unicode) in cases {
            assert_eq!(fix_mojibake(mojibake), unicode, "{mojibake}");
            assert_eq!(to_mojibake(unicode, Encoding::Tcvn3), mojibake);
            assert!(
                find_mojibake(mojibake)
                    .iter()
                    .all(|m| m.encoding == Encoding::Tcvn3)
            );
        }
    }

    #[test]
    fn known_vni_mojibake() {
        let cases = [
            (
                "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
                "Cộng hòa xã hội chủ nghĩa Việt Nam",
            ),
            (
                "Ñoäc laäp - Töï do - Haïnh phuùc",
                "Độc lập - Tự do - Hạnh phúc",
            ),
            ("Vieät Nam", "Việt Nam"),
            ("Ngheä An", "Nghệ An"),
            ("ñình laøng, chuøa coå", "đình làng, chùa cổ"),
            (
                "di tích lòch söû vaên hoùa caáp tænh",
                "di tích lịch sử văn hóa cấp tỉnh",
            ),
            ("ngöôøi daân ñöôïc", "người dân được"),
            ("VIEÄT NAM", "VIỆT NAM"),
        ];
        for (mojibake, unicode) in cases {
            assert_eq!(fix_mojibake(mojibake), unicode, "{mojibake}");
            assert_eq!(to_mojibake(unicode, Encoding::Vni), mojibake);
            assert!(
                find_mojibake(mojibake)
                    .iter()
                    .all(|m| m.encoding == Encoding::Vni)
            );
        }
    }

    #[test]
    fn tcvn3_case_is_restored_where_it_can_be() {
        assert_eq!(fix_mojibake("VIÖT NAM"), "VIỆT NAM");
        let title = to_mojibake("ĐỀN CUÔNG", Encoding::Tcvn3);
        assert_eq!(title, "§ÒN CU¤NG");
        assert_eq!(fix_mojibake(&title), "ĐỀN CUÔNG");
        // Capital toned vowels have no code: they come back capital only where a sentence starts.
        let text = to_mojibake("Ấn Độ xa. Ở đó có đền thờ Ấn Độ giáo", Encoding::Tcvn3);
        assert_eq!(text, "Ên §é xa. ë ®ã cã ®Òn thê Ên §é gi¸o");
        assert_eq!(fix_mojibake(&text), "Ấn Độ xa. Ở đó có đền thờ ấn Độ giáo");
    }

    #[test]
    fn runs_point_at_the_affected_bytes() {
        let text = "+++\ntitle = \"Céng hoµ\"\nrank = \"national\"\n+++\n\
                    UBND tØnh NghÖ An, see ViÖt Nam.\n";
        let found = find_mojibake(text);
        let spans: Vec<&str> = found.iter().map(|m| &text[m.range.clone()]).collect();
        assert_eq!(spans, ["Céng hoµ", "tØnh NghÖ", "ViÖt"]);
        let fixed: Vec<&str> = found.iter().map(|m| m.fixed.as_str()).collect();
        assert_eq!(fixed, ["Cộng hoà", "tỉnh Nghệ", "Việt"]);
        assert_eq!(
            fix_mojibake(text),
            "+++\ntitle = \"Cộng hoà\"\nrank = \"national\"\n+++\n\
             UBND tỉnh Nghệ An, see Việt Nam.\n"
        );
        // One run per line, the encoding chosen per line.
        let mixed = "Céng hoµ x· héi\nCoäng hoøa xaõ hoäi\n";
        let found = find_mojibake(mixed);
        assert_eq!(found.len(), 2);
        assert_eq!(
            (found[0].encoding, found[1].encoding),
            (Encoding::Tcvn3, Encoding::Vni)
        );
        assert_eq!(fix_mojibake(mixed), "Cộng hoà xã hội\nCộng hòa xã hội\n");
    }

    #[test]
    fn short_lines_read_like_the_rest_of_the_text() {
        // `Nhöng thuû` converts as well from VNI (nhưng thủ) as from TCVN3 (nhửng thuỷ).
        let vni = "Coäng hoøa xaõ hoäi chuû nghóa\nNhöng thuû\n";
        assert_eq!(fix_mojibake(vni), "Cộng hòa xã hội chủ nghĩa\nNhưng thủ\n");
        let tcvn3 = "Céng hoµ x· héi chñ nghÜa\nNhöng thuû\n";
        assert_eq!(
            fix_mojibake(tcvn3),
            "Cộng hoà xã hội chủ nghĩa\nNhửng thuỷ\n"
        );
        // Alone, the reading with the commoner words wins.
        assert_eq!(fix_mojibake("Nhöng thuû"), "Nhưng thủ");
    }

    #[test]
    fn decomposed_mojibake_is_found_too() {
        let text = nfd("Coäng hoøa xaõ hoäi");
        assert_eq!(fix_mojibake(&text), "Cộng hòa xã hội");
    }

    #[test]
    fn real_sentences_round_trip() {
        for sentence in SENTENCES {
            for encoding in [Encoding::Tcvn3, Encoding::Vni] {
                let mojibake = to_mojibake(sentence, encoding);
                assert_ne!(mojibake, sentence);
                let found = find_mojibake(&mojibake);
                assert!(!found.is_empty(), "{encoding}: {mojibake}");
                assert!(
                    found.iter().all(|m| m.encoding == encoding),
                    "{encoding}: {mojibake}"
                );
                assert_eq!(fix_mojibake(&mojibake), sentence, "{encoding}: {mojibake}");
            }
        }
        let page = SENTENCES.join("\n");
        assert_eq!(fix_mojibake(&to_mojibake(&page, Encoding::Tcvn3)), page);
        assert_eq!(fix_mojibake(&to_mojibake(&page, Encoding::Vni)), page);
    }

    #[test]
    fn correct_text_is_left_alone() {
        let texts = [
            SENTENCES.join(" "),
            nfd(&SENTENCES.join("\n")),
            "The café on the corner has a naïve façade; the Mädchen ordered ½ a croissant. \
             It is 35 °C, particles are 2 µm wide. © 2024 “Heritage” — all rights reserved."
                .to_string(),
            "Le thé est servi à côté de l'église où nous étions. Noël, garçon, élève, déjà, \
             être, forêt, naïf, maïs, août, goût, sûr, qu'il a dû partir, çà et là. « Bonjour »"
                .to_string(),
            "Das Mädchen, Größe, Öl, Müller, Käse, schön, über, Füße, Straße, Zürich, Köln, Bär."
                .to_string(),
            "El niño comió en la montaña. ¿Qué pasó? ¡Sí, señor! Año, mañana, José, también."
                .to_string(),
            "+++\ntitle = \"Đình làng Quỳnh Đôi\"\nrank = \"Quốc gia\"\nyear = 1990\n+++\n\n\
             # Lịch sử\n\n> Trích **sắc phong** năm *1924*.\n\n| a | b |\n|---|---|\n\
             | 1 · 2 | ½ |\n\nSee [Đền Cuông](https://vi.wikipedia.org/wiki/\
             %C4%90%E1%BB%81n_Cu%C3%B4ng) \
             and `fn main() {}` or https://example.com/café?q=naïve&x=µm.\n"
                .to_string(),
        ];
        for text in texts {
            assert_eq!(find_mojibake(&text), [], "{text}");
            assert_eq!(fix_mojibake(&text), text);
        }
    }

    #[test]
    fn the_quick_letter_ranges_agree_with_unicode() {
        for c in ('\0'..='\u{2FFF}').filter(|c| !c.is_ascii()) {
            let slow = c.is_alphanumeric()
                || ('\u{300}'..='\u{36F}').contains(&c)
                || is_legacy(c, Encoding::Tcvn3);
            assert_eq!(is_word_char(c), slow, "{c:?}");
        }
    }

    #[test]
    fn syllables() {
        let more = "Gì nghiêng khuỷu oà ạ ừ QUỐC ngoao goòng soóc quỳnh huỵch Nguyễn";
        for word in SYLLABLES.split_whitespace().chain(more.split(' ')) {
            assert!(is_syllable(word), "{word}");
            assert!(is_syllable(&nfd(word)), "{word} decomposed");
        }
        // Wrong letters, initials before the wrong vowel, tones in the wrong place or after a
        // stop, groups that need a final or take none, and mojibake as it stands.
        let not = "ka ci gha cafe Mädchen qua\u{308} ngh ngheọ chuà ngươì hoàì quá\u{301} hoáá \
                   ă ăch anhh ing trườngg at ảt oõng đy cuỷa ñoäc hoµ x·";
        for word in not.split(' ').chain([""]) {
            assert!(!is_syllable(word), "{word}");
        }
    }

    /// "Đền" and friends by hand from the Windows-1258 table: letters with circumflex, breve
    /// or horn as one byte, tones as combining marks after them.
    fn windows_1258(text: &str) -> Vec<u8> {
        #[rustfmt::skip]
        let table = [
            ('â', 0xE2), ('Â', 0xC2), ('ê', 0xEA), ('Ê', 0xCA), ('ô', 0xF4), ('Ô', 0xD4),
            ('ă', 0xE3), ('Ă', 0xC3), ('ơ', 0xF5), ('Ơ', 0xD5), ('ư', 0xFD), ('Ư', 0xDD),
            ('đ', 0xF0), ('Đ', 0xD0),
            ('\u{300}', 0xCC), ('\u{301}', 0xEC), ('\u{303}', 0xDE), ('\u{309}', 0xD2),
            ('\u{323}', 0xF2),
        ];
        let byte = |c: char| match u8::try_from(c) {
            Ok(b) if b.is_ascii() => b,
            _ => table.iter().find(|(t, _)| *t == c).unwrap().1,
        };
        let mut bytes = Vec::new();
        for c in text.chars() {
            let (base, quality, tone) = parts(c).unwrap();
            bytes.push(byte(compose(base, quality, None).unwrap()));
            bytes.extend(tone.map(byte));
        }
        bytes
    }

    #[test]
    fn windows_1258_decodes_exactly() {
        assert_eq!(windows_1258("Đền"), [0xD0, 0xEA, 0xCC, 0x6E]);
        assert_eq!(
            decode_windows_1258(&[0xD0, 0xEA, 0xCC, 0x6E]).as_deref(),
            Some("Đền")
        );
        for sentence in SENTENCES.iter().take(8) {
            assert_eq!(
                decode_windows_1258(&windows_1258(sentence)).as_deref(),
                Some(*sentence)
            );
        }
        let page = SENTENCES.join("\r\n");
        assert_eq!(decode_windows_1258(&windows_1258(&page)), Some(page));
    }

    #[test]
    fn other_bytes_are_not_windows_1258() {
        let (latin1, _, _) =
            encoding_rs::WINDOWS_1252.encode("Le thé à côté de l'église; Mädchen, Größe.");
        let (portuguese, _, _) =
            encoding_rs::WINDOWS_1252.encode("Não há informações sobre a região.");
        let (italian, _, _) =
            encoding_rs::WINDOWS_1252.encode("Così è, perché la città è più bella.");
        let (japanese, _, _) = encoding_rs::SHIFT_JIS.encode("文化遺産の案内です。");
        let binary: Vec<u8> = (0..=255).collect();
        for bytes in [&latin1[..], &portuguese, &italian, &japanese, &binary] {
            assert_eq!(decode_windows_1258(bytes), None, "{bytes:?}");
        }
        // UTF-8 needs no guessing.
        assert_eq!(decode_windows_1258("Đền".as_bytes()), None);
        assert_eq!(decode_windows_1258(b"plain ASCII"), None);
    }

    fn sentence() -> impl Strategy<Value = String> {
        prop::collection::vec(
            (
                prop::sample::select(SYLLABLES.split_whitespace().collect::<Vec<_>>()),
                prop::bool::weighted(0.2),
            ),
            3..10,
        )
        .prop_map(|words| {
            let words: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(i, (w, cap))| {
                    if i == 0 || *cap {
                        capitalise(w)
                    } else {
                        w.to_string()
                    }
                })
                .collect();
            words.join(" ")
        })
    }

    proptest! {
        #[test]
        fn random_sentences_round_trip(sentence in sentence(), vni in any::<bool>()) {
            let encoding = if vni { Encoding::Vni } else { Encoding::Tcvn3 };
            // A sentence is found by words whose mojibake is not Vietnamese itself.
            let evident = sentence
                .split(' ')
                .filter(|w| !is_syllable(&to_mojibake(w, encoding)))
                .count();
            prop_assume!(evident >= 2);
            let mojibake = to_mojibake(&sentence, encoding);
            let found = find_mojibake(&mojibake);
            prop_assert_eq!(found.len(), 1, "{}", mojibake);
            prop_assert_eq!(found[0].encoding, encoding);
            let expected = if vni { sentence.clone() } else { tcvn3_expected(&sentence) };
            prop_assert_eq!(fix_mojibake(&mojibake), expected);
        }

        #[test]
        fn random_sentences_are_left_alone(sentence in sentence()) {
            prop_assert_eq!(find_mojibake(&sentence), []);
            prop_assert_eq!(find_mojibake(&nfd(&sentence)), []);
        }
    }
}
