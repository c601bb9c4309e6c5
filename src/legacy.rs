//! Vietnamese text from before Unicode: files saved in Windows-1258 by old office software.

use std::fmt;

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

/// The five tones other than ngang, as combining marks: huyền, sắc, ngã, hỏi, nặng.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';
const HORN: char = '\u{31B}';
const VOWELS: &str = "aăâeêioôơuưy";

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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn encodings_have_their_usual_names() {
        assert_eq!(Encoding::Windows1258.to_string(), "Windows-1258");
        assert_eq!(Encoding::Tcvn3.to_string(), "TCVN3 (ABC)");
        assert_eq!(Encoding::Vni.to_string(), "VNI");
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
}
