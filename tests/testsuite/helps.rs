//! The mistakes officers make first, each made in a copy of the fixture: ditich must print the
//! message the guides quote for it, and where its `= help:` line says what to type, typing just
//! that must fix it, in English and in Vietnamese. The guides' tables of errors (§11 of
//! `docs/guide.md`, and of `docs/huong-dan.md` in the words of [`VIETNAMESE_QUOTES`]) quote
//! exactly the messages of [`MISTAKES`], so neither can drift; the rarer mistakes of
//! [`UNQUOTED_MISTAKES`] are only followed.

use crate::project::{Project, Run, files};

/// How a mistake is made in the two-relic fixture.
enum Edit {
    /// Replaces the first `from` in `file` by `to`.
    Replace(&'static str, &'static str, &'static str),
    /// Writes `file` whole.
    Write(&'static str, fn() -> Vec<u8>),
}

struct Mistake {
    edits: &'static [Edit],
    /// The part of the message the guides quote; ditich must print it.
    quote: &'static str,
    /// Whether the help names the text to type (`write …`, `add this line …`).
    literal: bool,
}

use Edit::{Replace, Write};

const DEN_A: &str = "sites/den-a/index.md";
const CHUA_B: &str = "sites/chua-b/index.md";
const EN: &str = "sites/den-a/index.en.md";

/// The mistakes the guides' tables of errors quote.
const MISTAKES: &[Mistake] = &[
    Mistake {
        edits: &[Replace(CHUA_B, "\"provincial\"", "\"cấp tỉnh\"")],
        quote: "unknown rank \"cấp tỉnh\"",
        literal: true,
    },
    Mistake {
        edits: &[Replace(DEN_A, "\"temple\"", "\"đền\"")],
        quote: "unknown category \"đền\"",
        literal: true,
    },
    Mistake {
        edits: &[Replace(DEN_A, "[\"historical\"]", "[\"lịch sử\"]")],
        quote: "unknown type \"lịch sử\"",
        literal: true,
    },
    Mistake {
        edits: &[Replace(DEN_A, "[\"historical\"]", "\"historical\"")],
        quote: "must be a list in square brackets",
        literal: true,
    },
    Mistake {
        edits: &[Replace(CHUA_B, "rank =", "rnak =")],
        quote: "unknown key",
        literal: true,
    },
    Mistake {
        edits: &[Replace(CHUA_B, "\"DT02\"", "\"đt-2\"")],
        quote: "is not a plaque code",
        literal: true,
    },
    Mistake {
        edits: &[Replace(CHUA_B, "\"DT02\"", "\"DT01\"")],
        quote: "is already used by",
        literal: true,
    },
    Mistake {
        edits: &[Replace(CHUA_B, "summary = \"Một ngôi chùa để thử.\"\n", "")],
        quote: "required key `summary` is missing",
        literal: true,
    },
    Mistake {
        edits: &[Replace(CHUA_B, "name = \"Chùa B\"", "name: \"Chùa B\"")],
        quote: "a key and its value are joined by `=`, not `:`",
        literal: true,
    },
    Mistake {
        edits: &[Replace(CHUA_B, "\"Chùa B\"", "“Chùa B”")],
        quote: "text values must be quoted",
        literal: true,
    },
    Mistake {
        edits: &[Replace(DEN_A, "lat = 19.02", "lat = 19,02")],
        quote: "a decimal number is written with a point, not a comma",
        literal: true,
    },
    Mistake {
        edits: &[Replace(DEN_A, "1994-01-01", "\"1994-01-01\"")],
        quote: "must be a date without quotes",
        literal: true,
    },
    Mistake {
        edits: &[Replace(DEN_A, "1994-01-01", "1994-01-1")],
        quote: "a date is written year-month-day",
        literal: true,
    },
    Mistake {
        edits: &[Replace(DEN_A, ", authority = \"Bộ Văn hoá\"", "")],
        quote: "required key `authority` is missing",
        literal: true,
    },
    Mistake {
        edits: &[Replace(DEN_A, "\"cover.jpg\"", "\"cover.jpeg\"")],
        quote: "is not in the relic's folder",
        literal: true,
    },
    // The fixture's cover has no description already.
    Mistake {
        edits: &[],
        quote: "has no description for visitors who cannot see it",
        literal: true,
    },
    Mistake {
        edits: &[Replace(
            "site.toml",
            "[commune]\nname = \"Long Thành\"\ndistrict = \"Yên Thành\"\nprovince = \"Nghệ An\"\n",
            "",
        )],
        quote: "required key `commune` is missing",
        literal: true,
    },
    Mistake {
        edits: &[Replace("site.toml", "province = \"Nghệ An\"\n", "")],
        quote: "required key `province` is missing",
        literal: true,
    },
    Mistake {
        edits: &[Replace("site.toml", "en = \"Test heritage\"\n", "")],
        quote: "the guide has no title in",
        literal: true,
    },
    Mistake {
        edits: &[
            Replace(
                "site.toml",
                "[commune]\nname = \"Long Thành\"\ndistrict = \"Yên Thành\"\nprovince = \"Nghệ An\"\n",
                "",
            ),
            Replace(
                "site.toml",
                "\n[title]",
                "commune = \"Long Thành\"\n\n[title]",
            ),
        ],
        quote: "must be a table in braces",
        literal: true,
    },
    Mistake {
        edits: &[Replace(
            "site.toml",
            "\"https://example.gov.vn/du-lich/\"",
            "\"example.gov.vn\"",
        )],
        quote: "is not a web address",
        literal: true,
    },
    Mistake {
        edits: &[Replace(CHUA_B, "+++\n\n", "\n")],
        quote: "the front matter opened on line 1 is never closed",
        literal: false,
    },
    Mistake {
        edits: &[Replace(CHUA_B, "+++\n", "")],
        quote: "the file does not start with front matter",
        literal: false,
    },
    Mistake {
        edits: &[Replace(
            CHUA_B,
            "\"Một ngôi chùa để thử.\"",
            "\"Viết một hai câu giới thiệu di tích ở đây.\"",
        )],
        quote: "the summary is still the example `ditich new` wrote",
        literal: false,
    },
    Mistake {
        edits: &[Replace(
            CHUA_B,
            "\"Một ngôi chùa để thử.\"",
            "\"Một ngôi chùa để thử, với một câu giới thiệu rất dài, dài hơn một trăm sáu mươi ký tự, vì cán bộ đã chép cả đoạn mở đầu của hồ sơ di tích vào đây thay vì viết một hai câu ngắn.\"",
        )],
        quote: "characters; listings and posters show at most 160",
        literal: false,
    },
    Mistake {
        edits: &[
            Replace(CHUA_B, "+++\n\n", "audio = \"thuyet-minh.wav\"\n+++\n\n"),
            Write("sites/chua-b/thuyet-minh.wav", || b"RIFF".to_vec()),
        ],
        quote: "is not an audio file",
        literal: false,
    },
    Mistake {
        edits: &[Replace(DEN_A, "(@/chua-b)", "(@/chua-c)")],
        quote: "there is no relic with the folder",
        literal: false,
    },
    Mistake {
        edits: &[Write("sites/chua-b/anh.png", small_png)],
        quote: "this photo is only 200 px wide",
        literal: false,
    },
    Mistake {
        edits: &[Write("sites/chua-b/anh.jpg", heavy_jpeg)],
        quote: "photos over 5 MB slow down every build",
        literal: false,
    },
    Mistake {
        edits: &[Write(CHUA_B, shift_jis)],
        quote: "the file is not UTF-8 text",
        literal: false,
    },
    Mistake {
        edits: &[Write(CHUA_B, utf16)],
        quote: "the file is saved as UTF-16",
        literal: false,
    },
    Mistake {
        edits: &[Replace(CHUA_B, "Chùa.", "Chu\u{300}a.")],
        quote: "the text is not in Unicode NFC form",
        literal: false,
    },
    Mistake {
        edits: &[
            Write("plaques.toml", printed_ledger),
            Replace(CHUA_B, "\"DT02\"", "\"DT01\""),
        ],
        quote: "is printed on the plaque of",
        literal: false,
    },
];

/// Mistakes whose helps give text to type, too rare for the guides' tables.
const UNQUOTED_MISTAKES: &[Mistake] = &[
    Mistake {
        edits: &[Replace(DEN_A, "\"temple\"", "\"temples\"")],
        quote: "unknown category \"temples\"",
        literal: true,
    },
    Mistake {
        edits: &[Replace(CHUA_B, "\"provincial\"", "\"xyz\"")],
        quote: "unknown rank \"xyz\"",
        literal: true,
    },
    Mistake {
        edits: &[Replace(EN, "\"DT01\"", "\"DT09\"")],
        quote: "differs from index.md's",
        literal: true,
    },
    Mistake {
        edits: &[Replace(
            EN,
            "+++\n\n",
            "machine_translated = \"có\"\n+++\n\n",
        )],
        quote: "must be true or false",
        literal: true,
    },
    Mistake {
        edits: &[Replace(EN, "name = \"Temple A\"\n", "")],
        quote: "required key `name` is missing",
        literal: true,
    },
    Mistake {
        edits: &[Replace(DEN_A, "\"1/QĐ-BVHTTDL\"", "6181")],
        quote: "must be text in quotes",
        literal: true,
    },
    Mistake {
        edits: &[Replace(
            DEN_A,
            "{ lat = 19.02, lon = 105.44 }",
            "\"19.02, 105.44\"",
        )],
        quote: "`location` must be a table in braces",
        literal: true,
    },
    Mistake {
        edits: &[Replace(
            CHUA_B,
            "+++\n\n",
            "updated = 2026-11-29T10:00:00\n+++\n\n",
        )],
        quote: "must be a date alone",
        literal: true,
    },
    Mistake {
        edits: &[
            Write("sites/chua-b/cong.jpg", cover_jpeg),
            Replace(
                CHUA_B,
                "+++\n\n",
                "[[photos]]\nfile = \"cong.jpg\"\n+++\n\n",
            ),
        ],
        quote: "photo \"cong.jpg\" has no description",
        literal: true,
    },
    Mistake {
        edits: &[Replace("site.toml", "[\"vi\", \"en\"]", "[]")],
        quote: "`languages` is empty",
        literal: true,
    },
    Mistake {
        edits: &[Replace(
            "site.toml",
            "formats = [\"svg\"]",
            "formats = \"svg\"",
        )],
        quote: "`formats` must be a list in square brackets",
        literal: true,
    },
];

fn cover_jpeg() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/two-relics/sites/den-a/cover.jpg"
    ))
    .unwrap()
}

fn small_png() -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, 200, 150);
    encoder.set_color(png::ColorType::Grayscale);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&[128; 200 * 150]).unwrap();
    writer.finish().unwrap();
    bytes
}

/// The fixture's photo with 6 MB after its end, as a camera's photo weighs; readers stop at
/// the end marker.
fn heavy_jpeg() -> Vec<u8> {
    let mut bytes = cover_jpeg();
    bytes.resize(bytes.len() + 6 * 1024 * 1024, 0);
    bytes
}

/// "日本" in Shift_JIS: no Vietnamese encoding reads it.
fn shift_jis() -> Vec<u8> {
    let mut bytes = b"+++\nid = \"DT02\"\nname = \"".to_vec();
    bytes.extend_from_slice(b"\x93\xFA\x96\x7B\"\n");
    bytes
}

/// What Notepad's "Unicode" writes.
fn utf16() -> Vec<u8> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/two-relics/sites/chua-b/index.md"
    ))
    .unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

/// DT01 printed on Đền A's plaque.
fn printed_ledger() -> Vec<u8> {
    b"[[plaque]]\nid = \"DT01\"\nurl = \"https://EXAMPLE.GOV.VN/du-lich/Q/DT01/\"\nfirst_printed = 2026-11-29\nfolder = \"sites/den-a\"\nname = \"\xC4\x90\xE1\xBB\x81n A\"\n".to_vec()
}

fn made(mistake: &Mistake) -> Project {
    let project = Project::fixture("two-relics");
    make(&project, mistake.edits);
    project
}

fn make(project: &Project, edits: &[Edit]) {
    for edit in edits {
        match edit {
            Replace(file, from, to) => project.edit(file, from, to),
            Write(file, bytes) => project.write(file, bytes()),
        }
    }
}

/// The words of ditich's frame and of its helps' instructions, in one language.
struct Speech {
    locale: &'static str,
    error: &'static str,
    warning: &'static str,
    help: &'static str,
    write: &'static str,
    below: &'static str,
    above: &'static str,
}

const ENGLISH: Speech = Speech {
    locale: "C",
    error: ": error: ",
    warning: ": warning: ",
    help: "= help: ",
    write: "write ",
    below: "add this line below it: ",
    above: "add this line above it: ",
};

const VIETNAMESE: Speech = Speech {
    locale: "vi_VN.UTF-8",
    error: ": lỗi: ",
    warning: ": cảnh báo: ",
    help: "= gợi ý: ",
    write: "viết ",
    below: "thêm dòng này ngay dưới: ",
    above: "thêm dòng này ngay trên: ",
};

impl Speech {
    fn build(&self, project: &Project) -> Run {
        Run::from(
            project
                .command(&["build"])
                .env("LC_ALL", self.locale)
                .output()
                .unwrap(),
        )
    }
}

/// The first diagnostic whose first line holds `quote`: its file, line and help.
fn diagnostic<'r>(run: &'r Run, quote: &str) -> Result<(&'r str, Option<usize>, &'r str), String> {
    diagnostic_in(run, quote, &ENGLISH)
}

/// [`diagnostic`] of a run in the language of `speech`.
fn diagnostic_in<'r>(
    run: &'r Run,
    quote: &str,
    speech: &Speech,
) -> Result<(&'r str, Option<usize>, &'r str), String> {
    let lines: Vec<&str> = run.stderr.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.contains(quote) && (l.contains(speech.error) || l.contains(speech.warning)))
        .ok_or_else(|| format!("no message quotes {quote:?}:\n{}", run.stderr))?;
    let mut place = lines[start].split(':');
    let file = place.next().unwrap_or_default();
    let line = place.next().and_then(|n| n.parse().ok());
    let help = lines[start + 1..]
        .iter()
        .map(|l| l.trim_start())
        .take_while(|l| !l.is_empty())
        .find_map(|l| l.strip_prefix(speech.help))
        .ok_or_else(|| format!("{:?} has no help", lines[start]))?;
    Ok((file, line, help))
}

/// Does what `help` says to line `line` of `file`, word for word.
fn follow(
    project: &Project,
    (file, line, help): (&str, Option<usize>, &str),
    speech: &Speech,
) -> Result<(), String> {
    let line = line.ok_or_else(|| format!("{file}: the help has no line to apply to: {help}"))?;
    let text = project.read(file);
    let mut lines: Vec<&str> = text.lines().collect();
    if let Some((_, added)) = help.split_once(speech.below) {
        lines.insert(line, added);
    } else if let Some((_, added)) = help.split_once(speech.above) {
        lines.insert(line - 1, added);
    } else if let Some((_, written)) = help.rsplit_once(speech.write) {
        lines[line - 1] = written;
    } else {
        return Err(format!(
            "{file}:{line}: the help names no text to type: {help}"
        ));
    }
    project.write(file, lines.join("\n") + "\n");
    Ok(())
}

/// Makes `mistake`, checks that ditich prints its message and, if its help gives text to type,
/// that typing it clears the message and, with the helps that follow, the build.
fn tried(mistake: &Mistake) -> Result<(), String> {
    let project = made(mistake);
    let run = project.build();
    let (file, line, help) = diagnostic(&run, mistake.quote)?;
    if !mistake.literal {
        return Ok(());
    }
    fixed_by(&project, mistake.quote, (file, line, help), &ENGLISH)
}

/// Types `help`, that of the message quoting `quote` at `line` of `file`, and checks that it
/// clears the message and, with the helps that follow, the build.
fn fixed_by(
    project: &Project,
    quote: &str,
    found: (&str, Option<usize>, &str),
    speech: &Speech,
) -> Result<(), String> {
    let help = found.2;
    follow(project, found, speech)?;
    let mut again = speech.build(project);
    if again.stderr.contains(quote) {
        return Err(format!(
            "after following `{help}`, ditich still says it:\n{}",
            again.stderr
        ));
    }
    // A fix may bring the next error to light (a new id must be repeated in the
    // translation): the officer follows that help too, and it too must be literal.
    for _ in 0..3 {
        if again.code == Some(0) {
            return Ok(());
        }
        let next = diagnostic_in(&again, speech.error, speech)?;
        follow(project, next, speech)?;
        again = speech.build(project);
    }
    match again.code {
        Some(0) => Ok(()),
        _ => Err(format!(
            "following the helps did not fix the build:\n{}",
            again.stderr
        )),
    }
}

/// Mistakes made on a computer that speaks Vietnamese, each with the Vietnamese words its
/// message must hold.
const VIETNAMESE_MISTAKES: &[(&[Edit], &str)] = &[
    (
        &[Replace(CHUA_B, "\"provincial\"", "\"cấp tỉnh\"")],
        "cấp xếp hạng \"cấp tỉnh\" không có trong danh sách",
    ),
    (
        &[Replace(DEN_A, "\"temple\"", "\"đền\"")],
        "loại công trình \"đền\"",
    ),
    (
        &[Replace(DEN_A, "[\"historical\"]", "[\"lịch sử\"]")],
        "loại hình di tích \"lịch sử\"",
    ),
    (
        &[Replace(CHUA_B, "\"Chùa B\"", "“Chùa B”")],
        "dấu ngoặc kép thẳng",
    ),
    (
        &[Replace(CHUA_B, "summary = \"Một ngôi chùa để thử.\"\n", "")],
        "còn thiếu khóa bắt buộc `summary`",
    ),
    (&[Replace(CHUA_B, "rank =", "rnak =")], "khóa lạ `rnak`"),
    (
        &[Replace(CHUA_B, "\"DT02\"", "\"đt-2\"")],
        "không phải mã biển",
    ),
    (
        &[Replace(DEN_A, "1994-01-01", "\"1994-01-01\"")],
        "phải là một ngày, không có dấu ngoặc kép",
    ),
    (
        &[Replace(DEN_A, "\"cover.jpg\"", "\"cover.jpeg\"")],
        "không có trong thư mục của di tích",
    ),
];

#[test]
fn in_vietnamese_the_messages_are_vietnamese_and_the_helps_still_fix_the_file() {
    let failures: Vec<String> = VIETNAMESE_MISTAKES
        .iter()
        .filter_map(|(edits, quote)| {
            let project = Project::fixture("two-relics");
            make(&project, edits);
            let run = VIETNAMESE.build(&project);
            let tried = diagnostic_in(&run, quote, &VIETNAMESE)
                .and_then(|found| fixed_by(&project, quote, found, &VIETNAMESE));
            tried.err().map(|e| format!("{quote:?}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The words of each message of [`MISTAKES`] on a Vietnamese computer, as the Vietnamese
/// guide's table of errors quotes them.
const VIETNAMESE_QUOTES: &[(&str, &str)] = &[
    (
        "unknown rank \"cấp tỉnh\"",
        "cấp xếp hạng \"cấp tỉnh\" không có trong danh sách",
    ),
    (
        "unknown category \"đền\"",
        "loại công trình \"đền\" không có trong danh sách",
    ),
    (
        "unknown type \"lịch sử\"",
        "loại hình di tích \"lịch sử\" không có trong danh sách",
    ),
    (
        "must be a list in square brackets",
        "phải là một danh sách trong ngoặc vuông",
    ),
    ("unknown key", "khóa lạ"),
    ("is not a plaque code", "không phải mã biển"),
    ("is already used by", "đã được dùng cho"),
    (
        "required key `summary` is missing",
        "còn thiếu khóa bắt buộc `summary`",
    ),
    (
        "a key and its value are joined by `=`, not `:`",
        "khóa và giá trị nối với nhau bằng `=`, không phải `:`",
    ),
    (
        "text values must be quoted",
        "chữ phải đặt trong dấu ngoặc kép",
    ),
    (
        "a decimal number is written with a point, not a comma",
        "số thập phân viết bằng dấu chấm, không phải dấu phẩy",
    ),
    (
        "must be a date without quotes",
        "phải là một ngày, không có dấu ngoặc kép",
    ),
    (
        "a date is written year-month-day",
        "ngày viết theo dạng năm-tháng-ngày",
    ),
    (
        "required key `authority` is missing",
        "còn thiếu khóa bắt buộc `authority`",
    ),
    (
        "is not in the relic's folder",
        "không có trong thư mục của di tích",
    ),
    (
        "has no description for visitors who cannot see it",
        "chưa có lời mô tả cho người khiếm thị",
    ),
    (
        "required key `commune` is missing",
        "còn thiếu khóa bắt buộc `commune`",
    ),
    (
        "required key `province` is missing",
        "còn thiếu khóa bắt buộc `province`",
    ),
    ("the guide has no title in", "trang chưa có tiêu đề bằng"),
    (
        "must be a table in braces",
        "phải là một bảng trong ngoặc nhọn",
    ),
    ("is not a web address", "không phải một địa chỉ web"),
    (
        "the front matter opened on line 1 is never closed",
        "phần thông tin đầu tệp mở ở dòng 1 nhưng không được đóng lại",
    ),
    (
        "the file does not start with front matter",
        "tệp không bắt đầu bằng phần thông tin đầu tệp",
    ),
    (
        "the summary is still the example `ditich new` wrote",
        "phần tóm tắt vẫn là câu mẫu do `ditich new` viết",
    ),
    (
        "characters; listings and posters show at most 160",
        "ký tự; danh sách và áp phích chỉ hiện tối đa 160",
    ),
    ("is not an audio file", "không phải tệp âm thanh"),
    (
        "there is no relic with the folder",
        "không có di tích nào ở thư mục",
    ),
    ("this photo is only 200 px wide", "ảnh này chỉ rộng 200 px"),
    (
        "photos over 5 MB slow down every build",
        "ảnh quá 5 MB làm chậm mỗi lần tạo trang",
    ),
    ("the file is not UTF-8 text", "tệp không phải văn bản UTF-8"),
    ("the file is saved as UTF-16", "tệp được lưu bằng UTF-16"),
    (
        "the text is not in Unicode NFC form",
        "văn bản không ở dạng Unicode NFC",
    ),
    ("is printed on the plaque of", "đã in trên biển của"),
];

/// The Vietnamese words of `quote`, one of [`MISTAKES`]'.
fn in_vietnamese(quote: &str) -> Option<&'static str> {
    VIETNAMESE_QUOTES
        .iter()
        .find(|(english, _)| *english == quote)
        .map(|(_, vietnamese)| *vietnamese)
}

/// Makes `mistake` on a computer that speaks Vietnamese: the diagnostic at the place the
/// English one names must read in Vietnamese, and where its help gives text to type, typing
/// it must fix the file as the English help does.
fn tried_in_vietnamese(mistake: &Mistake) -> Result<(), String> {
    let project = made(mistake);
    let english = project.build();
    let first = english
        .stderr
        .lines()
        .find(|l| {
            l.contains(mistake.quote) && (l.contains(ENGLISH.error) || l.contains(ENGLISH.warning))
        })
        .ok_or_else(|| format!("no message quotes it:\n{}", english.stderr))?;
    let place = first
        .find(ENGLISH.error)
        .or_else(|| first.find(ENGLISH.warning))
        .map_or(first, |end| &first[..end]);
    let run = VIETNAMESE.build(&project);
    let vietnamese = run
        .stderr
        .lines()
        .find(|l| {
            l.strip_prefix(place).is_some_and(|rest| {
                rest.starts_with(VIETNAMESE.error) || rest.starts_with(VIETNAMESE.warning)
            })
        })
        .ok_or_else(|| format!("nothing in Vietnamese at {place}:\n{}", run.stderr))?;
    if vietnamese.contains(mistake.quote) {
        return Err(format!("still in English: {vietnamese}"));
    }
    if let Some(words) = in_vietnamese(mistake.quote)
        && !vietnamese.contains(words)
    {
        return Err(format!(
            "the guide quotes {words:?}, but ditich says: {vietnamese}"
        ));
    }
    if !mistake.literal {
        return Ok(());
    }
    let found = diagnostic_in(&run, vietnamese, &VIETNAMESE)?;
    fixed_by(&project, vietnamese, found, &VIETNAMESE)
}

#[test]
fn every_mistake_reads_in_vietnamese_and_its_vietnamese_help_fixes_it_too() {
    let failures: Vec<String> = MISTAKES
        .iter()
        .chain(UNQUOTED_MISTAKES)
        .filter_map(|m| {
            tried_in_vietnamese(m)
                .err()
                .map(|e| format!("{:?}: {e}", m.quote))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_mistake_prints_its_message_and_every_suggested_text_fixes_it() {
    let failures: Vec<String> = MISTAKES
        .iter()
        .chain(UNQUOTED_MISTAKES)
        .filter_map(|m| tried(m).err().map(|e| format!("{:?}: {e}", m.quote)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Makes the mistake of `edits` in a built copy of the fixture and checks that the help of the
/// message quoting `quote` reads `help` word for word, that the failed build leaves the output
/// as it was, and that typing the help fixes the build.
#[track_caller]
fn helped(edits: &[Edit], quote: &str, help: &str) {
    let project = Project::fixture("two-relics");
    project.build().success();
    let built = files(&project.output());
    make(&project, edits);
    let run = project.build();
    let found = diagnostic(&run, quote).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(found.2, help, "{}", run.stderr);
    assert!(
        files(&project.output()) == built,
        "a failed build changed the output"
    );
    fixed_by(&project, quote, found, &ENGLISH).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn curly_quotes_pasted_from_word_are_made_straight() {
    for name in ["“Chùa B”", "‘Chùa B’", "„Chùa B“", "“Chùa B\""] {
        helped(
            &[Replace(CHUA_B, "\"Chùa B\"", name)],
            "text values must be quoted with straight quotes",
            "write name = \"Chùa B\"",
        );
    }
}

#[test]
fn a_date_written_day_first_is_turned_around() {
    for date in ["07/12/2016", "7/12/2016", "07-12-2016", "07.12.2016"] {
        helped(
            &[Replace(DEN_A, "1994-01-01", date)],
            "a date is written year-month-day",
            "write recognition = { decision = \"1/QĐ-BVHTTDL\", date = 2016-12-07, authority = \"Bộ Văn hoá\" }",
        );
    }
    helped(
        &[Replace(CHUA_B, "+++\n\n", "updated = 29/11/2026\n+++\n\n")],
        "a date is written year-month-day",
        "write updated = 2026-11-29",
    );
    helped(
        &[Replace(DEN_A, "1994-01-01", "\"07/12/2016\"")],
        "must be a date without quotes",
        "write recognition = { decision = \"1/QĐ-BVHTTDL\", date = 2016-12-07, authority = \"Bộ Văn hoá\" }",
    );
}

#[test]
fn a_missing_closing_quote_is_added() {
    for name in ["\"Chùa B", "\"Chùa B”"] {
        helped(
            &[Replace(CHUA_B, "\"Chùa B\"", name)],
            "the text's closing quote `\"` is missing",
            "write name = \"Chùa B\"",
        );
    }
}

#[test]
fn a_colon_for_equals_is_replaced() {
    helped(
        &[Replace(CHUA_B, "name = \"Chùa B\"", "name: \"Chùa B\"")],
        "a key and its value are joined by `=`, not `:`",
        "write name = \"Chùa B\"",
    );
}

#[test]
fn odd_spaces_are_made_plain() {
    for line in [
        "name\u{3000}= \"Chùa B\"",
        "name =\u{a0}\"Chùa B\"",
        "\u{a0}name = \"Chùa B\"",
        "\u{3000}name = \"Chùa B\"",
    ] {
        helped(
            &[Replace(CHUA_B, "name = \"Chùa B\"", line)],
            "non-breaking or full-width space",
            "write name = \"Chùa B\"",
        );
    }
}

#[test]
fn a_file_named_with_other_capitals_or_accents_gets_the_real_name() {
    helped(
        &[
            Write("sites/chua-b/COVER.JPG", cover_jpeg),
            Replace(CHUA_B, "+++\n\n", "cover = \"cover.jpg\"\n+++\n\n"),
        ],
        "`cover` file \"cover.jpg\" is not in the relic's folder",
        "the file is named \"COVER.JPG\", with other capitals or accents: write cover = \"COVER.JPG\"",
    );
    helped(
        &[
            Write("sites/chua-b/ảnh-đền.jpg", cover_jpeg),
            Replace(
                CHUA_B,
                "+++\n\n",
                "[[photos]]\nfile = \"anh-den.jpg\"\nalt = \"Cổng\"\n+++\n\n",
            ),
        ],
        "`file` file \"anh-den.jpg\" is not in the relic's folder",
        "the file is named \"ảnh-đền.jpg\", with other capitals or accents: write file = \"ảnh-đền.jpg\"",
    );
    helped(
        &[
            Write("sites/chua-b/Thuyết-minh.mp3", || b"ID3".to_vec()),
            Replace(CHUA_B, "+++\n\n", "audio = \"thuyet-minh.mp3\"\n+++\n\n"),
        ],
        "`audio` file \"thuyet-minh.mp3\" is not in the relic's folder",
        "the file is named \"Thuyết-minh.mp3\", with other capitals or accents: write audio = \"Thuyết-minh.mp3\"",
    );
}

/// The backticked texts of the first column of the guide's table of errors, in §11.
fn quoted_in(guide: &str) -> Vec<String> {
    let path = format!("{}/docs/{guide}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let section = text
        .split("\n## ")
        .find(|s| s.starts_with("11. "))
        .unwrap_or_else(|| panic!("{guide} has no section 11"));
    let mut quotes = Vec::new();
    for row in section.lines().filter(|l| l.starts_with("| `")) {
        let first = row.split(" | ").next().unwrap().trim_start_matches("| ");
        let mut rest = first;
        while let Some(open) = rest.find('`') {
            let fence = rest[open..].len() - rest[open..].trim_start_matches('`').len();
            let delimiter = &rest[open..open + fence];
            let after = &rest[open + fence..];
            let close = after.find(delimiter).unwrap_or_else(|| panic!("{row}"));
            quotes.push(after[..close].trim().to_owned());
            rest = &after[close + fence..];
        }
    }
    quotes
}

#[test]
fn the_guides_quote_the_messages_ditich_prints_for_these_mistakes() {
    let english: Vec<&str> = MISTAKES.iter().map(|m| m.quote).collect();
    let vietnamese: Vec<&str> = english
        .iter()
        .map(|q| in_vietnamese(q).unwrap_or_else(|| panic!("no Vietnamese words for {q:?}")))
        .collect();
    // The Vietnamese guide quotes what a Vietnamese computer prints, the English one English.
    for (guide, printed) in [("huong-dan.md", vietnamese), ("guide.md", english)] {
        let quoted = quoted_in(guide);
        let unknown: Vec<&String> = quoted
            .iter()
            .filter(|q| !printed.contains(&q.as_str()))
            .collect();
        let missing: Vec<&&str> = printed
            .iter()
            .filter(|p| !quoted.iter().any(|q| q == *p))
            .collect();
        assert!(
            unknown.is_empty() && missing.is_empty(),
            "docs/{guide} §11 quotes messages no mistake here prints: {unknown:?}; and misses: {missing:?}"
        );
    }
}
