//! Every key of a relic file, described once: the studio builds its form from this table,
//! `ditich new` writes its template from it, the guides' field tables are made from it, and
//! the helps that suggest a missing key take their values from it. `front_matter.rs` holds
//! the same keys as serde structs; a test keeps the two in step.

use std::sync::LazyLock;

use serde::Serialize;

/// Words in the two languages every officer-facing text is written in.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Words {
    pub vi: &'static str,
    pub en: &'static str,
}

const fn words(vi: &'static str, en: &'static str) -> Words {
    Words { vi, en }
}

/// The closed vocabularies a choice draws from (`model::kinds`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Vocabulary {
    Rank,
    Category,
}

/// What kind of value a key holds, which decides its control in the form and how a help
/// writes it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Kind {
    /// A plaque code.
    Code,
    /// One line of text.
    Line,
    /// Text of several lines.
    Paragraph,
    /// Text shown on cards and posters, which cut it at `limit` characters.
    Summary { limit: usize },
    /// One of a vocabulary's keys; `fallback` is always valid, so a help can suggest it.
    Choice {
        of: Vocabulary,
        fallback: &'static str,
    },
    /// Any of the law's relic types.
    Types,
    /// A TOML date, written without quotes.
    Date,
    /// A point as `{ lat, lon }`.
    Location,
    /// The name of a file in the relic's folder.
    File { accept: &'static str },
    /// `true` or `false`.
    Switch,
    /// An inline table of the fields that follow it with this key as their prefix.
    Group,
    /// The gallery, `[[photos]]` blocks: the studio's uploads fill it.
    Photos,
    /// Free values for custom templates, which the form leaves alone.
    Extra,
}

/// Which file of a relic holds a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Place {
    /// `index.md` only.
    Main,
    /// `index.md`, and each translation in its own language.
    Translated,
    /// Translations only.
    Translation,
}

/// How `ditich new` writes a key into a new relic's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum New {
    /// As a line with a value the scaffold fills in.
    Filled,
    /// As a comment holding the example, to uncomment.
    Commented,
    /// Not at all: translations only, or in a group's line.
    Left,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Field {
    /// The key's path in the front matter: `recognition.date` lives in `recognition`.
    pub key: &'static str,
    #[serde(flatten)]
    pub kind: Kind,
    pub required: bool,
    pub place: Place,
    pub label: Words,
    pub help: Words,
    /// A value as written in the file, for the guides and `ditich new`.
    pub example: &'static str,
    #[serde(skip)]
    pub new: New,
}

impl Field {
    /// The last part of the key: `date` of `recognition.date`.
    pub fn name(&self) -> &'static str {
        self.key.rsplit('.').next().unwrap_or(self.key)
    }

    /// The group this field is part of, for `recognition.date`: `recognition`.
    pub fn group(&self) -> Option<&'static str> {
        self.key.rsplit_once('.').map(|(group, _)| group)
    }

    /// The fields of the group `self`, in order.
    pub fn members(&self) -> impl Iterator<Item = &'static Field> + use<> {
        let group = self.key;
        FIELDS.iter().filter(move |f| f.group() == Some(group))
    }

    /// What a help suggests typing for this key: the field's example where any value of its
    /// kind would do, and for text an ellipsis the officer replaces, never someone else's
    /// words.
    pub fn suggestion(&self) -> String {
        match self.kind {
            Kind::Code => "\"DT01\"".to_owned(),
            Kind::Line | Kind::Paragraph | Kind::Summary { .. } | Kind::File { .. } => {
                "\"…\"".to_owned()
            }
            Kind::Choice { fallback, .. } => format!("\"{fallback}\""),
            Kind::Group => {
                let members: Vec<String> = self
                    .members()
                    .filter(|m| m.required)
                    .map(|m| format!("{} = {}", m.name(), m.suggestion()))
                    .collect();
                format!("{{ {} }}", members.join(", "))
            }
            Kind::Types
            | Kind::Date
            | Kind::Location
            | Kind::Switch
            | Kind::Photos
            | Kind::Extra => self.example.to_owned(),
        }
    }
}

/// Looks up the field of `key`.
pub fn field(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

/// Suggestions for a missing or mistyped key, by its name, for `read::toml_error`: every
/// field's, and the point's `lat` and `lon`.
pub fn suggestions() -> &'static [(&'static str, &'static str)] {
    static MADE: LazyLock<Vec<(&str, String)>> = LazyLock::new(|| {
        FIELDS
            .iter()
            .map(|f| (f.name(), f.suggestion()))
            .chain([("lat", "19.05".into()), ("lon", "105.45".into())])
            .collect()
    });
    static TABLE: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
        MADE.iter()
            .map(|(key, value)| (*key, value.as_str()))
            .collect()
    });
    &TABLE
}

/// A summary longer than this does not fit the poster and the listing.
pub const SUMMARY_MAX_CHARS: usize = 160;

const PHOTO: &str = "image/jpeg,image/png,image/webp";

/// The keys in the order `ditich new` writes them and the form shows them.
pub static FIELDS: &[Field] = &[
    Field {
        key: "id",
        kind: Kind::Code,
        required: true,
        place: Place::Main,
        label: words("Mã biển", "Plaque code"),
        help: words(
            "Mã in trên biển QR: 2–12 chữ in hoa hoặc chữ số. Đã in biển thì không bao giờ đổi.",
            "The code printed on the QR plaque: 2–12 capital letters or digits. Never changes once printed.",
        ),
        example: "\"DT08\"",
        new: New::Filled,
    },
    Field {
        key: "name",
        kind: Kind::Line,
        required: true,
        place: Place::Translated,
        label: words("Tên di tích", "Name"),
        help: words(
            "Tên chính thức, như trong quyết định xếp hạng.",
            "The official name, as in the ranking decision.",
        ),
        example: "\"Đền Cả\"",
        new: New::Filled,
    },
    Field {
        key: "rank",
        kind: Kind::Choice {
            of: Vocabulary::Rank,
            fallback: "unranked",
        },
        required: true,
        place: Place::Main,
        label: words("Cấp xếp hạng", "Rank"),
        help: words("Cấp di tích được xếp hạng.", "The rank it was listed at."),
        example: "\"provincial\"",
        new: New::Filled,
    },
    Field {
        key: "category",
        kind: Kind::Choice {
            of: Vocabulary::Category,
            fallback: "other",
        },
        required: true,
        place: Place::Main,
        label: words("Loại công trình", "Kind of building"),
        help: words(
            "Loại công trình: đền, chùa, đình…",
            "The kind of place: temple, pagoda, communal house…",
        ),
        example: "\"temple\"",
        new: New::Filled,
    },
    Field {
        key: "types",
        kind: Kind::Types,
        required: false,
        place: Place::Main,
        label: words("Loại hình di tích", "Types"),
        help: words(
            "Loại hình ghi trong quyết định xếp hạng, một hoặc nhiều.",
            "The types named in the ranking decision, one or more.",
        ),
        example: "[\"historical\"]",
        new: New::Filled,
    },
    Field {
        key: "summary",
        kind: Kind::Summary {
            limit: SUMMARY_MAX_CHARS,
        },
        required: true,
        place: Place::Translated,
        label: words("Tóm tắt", "Summary"),
        help: words(
            "Một hai câu giới thiệu, tối đa 160 ký tự; hiện ở trang chủ và trên áp phích.",
            "One or two sentences, at most 160 characters; shown on the home page and the poster.",
        ),
        example: "\"Đền thờ thần làng, dựng thời Nguyễn bên bờ sông.\"",
        new: New::Filled,
    },
    Field {
        key: "hamlet",
        kind: Kind::Line,
        required: false,
        place: Place::Main,
        label: words("Xóm", "Hamlet"),
        help: words(
            "Xóm, thôn nơi có di tích.",
            "The hamlet (xóm, thôn) it stands in.",
        ),
        example: "\"Xóm Giáp Ngói\"",
        new: New::Commented,
    },
    Field {
        key: "location",
        kind: Kind::Location,
        required: false,
        place: Place::Main,
        label: words("Toạ độ", "Location"),
        help: words(
            "Toạ độ để vẽ bản đồ và chỉ đường: chạm giữ vào di tích trên bản đồ điện thoại, chép hai số hiện ra.",
            "Coordinates, for the map and directions: touch and hold the relic on a phone's map and copy the two numbers it shows.",
        ),
        example: "{ lat = 19.0232, lon = 105.4471 }",
        new: New::Commented,
    },
    Field {
        key: "recognition",
        kind: Kind::Group,
        required: false,
        place: Place::Main,
        label: words("Quyết định xếp hạng", "Ranking decision"),
        help: words(
            "Quyết định xếp hạng: số, ngày (viết không có dấu ngoặc kép), cơ quan ký.",
            "The ranking decision: number, date (written without quotes), who signed it.",
        ),
        example: "{ decision = \"6181/QĐ-UBND\", date = 2016-12-07, authority = \"UBND tỉnh Nghệ An\" }",
        new: New::Commented,
    },
    Field {
        key: "recognition.decision",
        kind: Kind::Line,
        required: true,
        place: Place::Main,
        label: words("Số quyết định", "Decision number"),
        help: words("Ví dụ 6181/QĐ-UBND.", "For example 6181/QĐ-UBND."),
        example: "\"6181/QĐ-UBND\"",
        new: New::Left,
    },
    Field {
        key: "recognition.date",
        kind: Kind::Date,
        required: true,
        place: Place::Main,
        label: words("Ngày quyết định", "Date of the decision"),
        help: words("Ngày ký quyết định.", "The day the decision was signed."),
        example: "2016-12-07",
        new: New::Left,
    },
    Field {
        key: "recognition.authority",
        kind: Kind::Line,
        required: true,
        place: Place::Main,
        label: words("Cơ quan ra quyết định", "Signed by"),
        help: words("Ví dụ UBND tỉnh Nghệ An.", "For example UBND tỉnh Nghệ An."),
        example: "\"UBND tỉnh Nghệ An\"",
        new: New::Left,
    },
    Field {
        key: "cover",
        kind: Kind::File { accept: PHOTO },
        required: false,
        place: Place::Main,
        label: words("Ảnh bìa", "Cover photo"),
        help: words(
            "Ảnh chính, nằm trong thư mục di tích.",
            "The main photo, in the relic's folder.",
        ),
        example: "\"cong-den.jpg\"",
        new: New::Commented,
    },
    Field {
        key: "cover_alt",
        kind: Kind::Line,
        required: false,
        place: Place::Translated,
        label: words("Mô tả ảnh bìa", "What the cover shows"),
        help: words(
            "Mô tả ảnh chính cho người không nhìn thấy; có ảnh bìa mà thiếu mô tả thì `check` cảnh báo.",
            "What the main photo shows, for visitors who cannot see it; `check` warns when a cover has none.",
        ),
        example: "\"Cổng đền nhìn từ đường làng\"",
        new: New::Commented,
    },
    Field {
        key: "audio",
        kind: Kind::File {
            accept: "audio/mpeg,audio/mp4,audio/ogg",
        },
        required: false,
        place: Place::Main,
        label: words("Thuyết minh âm thanh", "Audio guide"),
        help: words(
            "Tệp thuyết minh âm thanh, nằm trong thư mục di tích.",
            "The audio guide, in the relic's folder.",
        ),
        example: "\"thuyet-minh.mp3\"",
        new: New::Commented,
    },
    Field {
        key: "transcript",
        kind: Kind::Paragraph,
        required: false,
        place: Place::Translated,
        label: words("Lời thuyết minh", "Transcript"),
        help: words(
            "Lời thuyết minh viết ra, cho người không nghe được; có `audio` thì nên viết.",
            "The audio guide's words, for visitors who cannot hear it; write it with every `audio`.",
        ),
        example: "\"\"\"Lời thuyết minh.\"\"\"",
        new: New::Commented,
    },
    Field {
        key: "opening_hours",
        kind: Kind::Line,
        required: false,
        place: Place::Translated,
        label: words("Giờ mở cửa", "Opening hours"),
        help: words("Giờ mở cửa.", "When it is open."),
        example: "\"7:00–17:00 hằng ngày\"",
        new: New::Commented,
    },
    Field {
        key: "etiquette",
        kind: Kind::Line,
        required: false,
        place: Place::Translated,
        label: words("Lưu ý khi tham quan", "Etiquette"),
        help: words("Điều cần lưu ý khi tham quan.", "How to behave there."),
        example: "\"Ăn mặc lịch sự, giữ trật tự.\"",
        new: New::Commented,
    },
    Field {
        key: "wifi",
        kind: Kind::Group,
        required: false,
        place: Place::Main,
        label: words("Wifi", "Wi-Fi"),
        help: words(
            "Wifi miễn phí của di tích: in thành mã QR thứ hai trên biển; không đưa vào dữ liệu mở.",
            "Free Wi-Fi: printed as a second QR code on the plaque; left out of the open data.",
        ),
        example: "{ ssid = \"DenCa\", password = \"matkhau\" }",
        new: New::Commented,
    },
    Field {
        key: "wifi.ssid",
        kind: Kind::Line,
        required: true,
        place: Place::Main,
        label: words("Tên mạng", "Network name"),
        help: words(
            "Tên mạng như điện thoại hiện.",
            "The network's name, as a phone shows it.",
        ),
        example: "\"DenCa\"",
        new: New::Left,
    },
    Field {
        key: "wifi.password",
        kind: Kind::Line,
        required: false,
        place: Place::Main,
        label: words("Mật khẩu", "Password"),
        help: words(
            "Để trống nếu mạng không có mật khẩu.",
            "Leave it empty for an open network.",
        ),
        example: "\"matkhau\"",
        new: New::Left,
    },
    Field {
        key: "updated",
        kind: Kind::Date,
        required: false,
        place: Place::Main,
        label: words("Ngày đối chiếu hồ sơ", "Last checked"),
        help: words(
            "Ngày đối chiếu nội dung với hồ sơ di tích gần nhất, viết không có dấu ngoặc kép.",
            "When the text was last checked against the relic's dossier, written without quotes.",
        ),
        example: "2026-11-29",
        new: New::Filled,
    },
    Field {
        key: "draft",
        kind: Kind::Switch,
        required: false,
        place: Place::Main,
        label: words("Bản nháp, chưa xuất bản", "Draft, not published"),
        help: words(
            "Bản nháp chưa được đưa lên trang web, và lỗi của nó chỉ được báo là cảnh báo. Muốn xuất bản thì xoá dòng `draft = true` hoặc viết `draft = false`. Di tích đã in biển không là bản nháp được.",
            "A draft is left out of the site, and its problems are only warnings. To publish it, remove `draft = true` or write `draft = false`. A relic whose plaque is printed cannot be a draft.",
        ),
        example: "true",
        new: New::Commented,
    },
    Field {
        key: "machine_translated",
        kind: Kind::Switch,
        required: false,
        place: Place::Translation,
        label: words(
            "Dịch máy, chưa có người đọc lại",
            "Machine translated, not yet checked",
        ),
        help: words(
            "Chỉ trong bản dịch (`index.en.md`): bản dịch do máy làm, chưa có người kiểm tra; trang sẽ ghi rõ điều đó.",
            "In a translation only (`index.en.md`): a machine translation nobody has checked yet; the page then says so.",
        ),
        example: "true",
        new: New::Left,
    },
    Field {
        key: "photos",
        kind: Kind::Photos,
        required: false,
        place: Place::Main,
        label: words("Bộ ảnh", "Gallery"),
        help: words(
            "Mỗi ảnh một khối `[[photos]]` với `file`, `alt` (mô tả ảnh) và `caption` (chú thích, nếu muốn), hiện thành bộ ảnh dưới bài; ảnh thiếu `alt` thì `check` cảnh báo.",
            "One `[[photos]]` block per photo, with `file`, `alt` (what it shows) and an optional `caption`, shown as a gallery below the story; `check` warns when one has no `alt`.",
        ),
        example: "[[photos]]\nfile = \"hau-cung.jpg\"\nalt = \"Hậu cung với ban thờ\"\ncaption = \"Hậu cung\"",
        new: New::Commented,
    },
    Field {
        key: "extra",
        kind: Kind::Extra,
        required: false,
        place: Place::Main,
        label: words("Giá trị riêng cho giao diện", "Values for custom templates"),
        help: words(
            "Bảng `[extra]` ở cuối phần đầu tệp, cho giao diện tự làm: mẫu đọc là `relic.extra.<khoá>`.",
            "An `[extra]` table at the end of the front matter, for custom templates: they read `relic.extra.<key>`.",
        ),
        example: "[extra]\nfounded = \"thế kỷ XVII\"",
        new: New::Left,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys serde names as "expected one of …" for an unknown key of `T`.
    fn serde_keys<T: serde::de::DeserializeOwned + std::fmt::Debug>(required: &str) -> Vec<String> {
        let err = toml::from_str::<T>(&format!("{required}\nnot_a_key = 1")).unwrap_err();
        let message = err.message().to_owned();
        let (_, list) = message
            .split_once("expected one of")
            .unwrap_or_else(|| panic!("no key list in {message:?}"));
        list.split(',')
            .map(|k| k.trim().trim_matches('`').to_owned())
            .collect()
    }

    fn top_keys(places: &[Place]) -> Vec<String> {
        let mut keys: Vec<String> = FIELDS
            .iter()
            .filter(|f| f.group().is_none() && places.contains(&f.place))
            .map(|f| f.key.to_owned())
            .collect();
        keys.sort();
        keys
    }

    #[test]
    fn the_table_holds_exactly_the_keys_of_a_relic_file() {
        let mut relic = serde_keys::<crate::load::front_matter::RawRelic>("");
        relic.sort();
        assert_eq!(relic, top_keys(&[Place::Main, Place::Translated]));
    }

    #[test]
    fn the_table_holds_exactly_the_keys_of_a_translation() {
        let mut translation = serde_keys::<crate::load::front_matter::RawTranslation>("");
        translation.sort();
        let mut expected = top_keys(&[Place::Translated, Place::Translation]);
        // A translation repeats the code of the relic it translates, and reads `draft` only to
        // say that it belongs in `index.md`.
        expected.extend(["id".to_owned(), "draft".to_owned()]);
        expected.sort();
        assert_eq!(translation, expected);
    }

    #[test]
    fn every_example_is_a_value_of_its_key() {
        let mut lines: Vec<String> = Vec::new();
        let mut tables: Vec<&str> = Vec::new();
        for field in FIELDS.iter().filter(|f| f.group().is_none()) {
            match field.kind {
                Kind::Photos | Kind::Extra => tables.push(field.example),
                _ if field.place == Place::Translation => {}
                _ => lines.push(format!("{} = {}", field.key, field.example)),
            }
        }
        let text = format!("{}\n{}", lines.join("\n"), tables.join("\n"));
        let relic: crate::load::front_matter::RawRelic = toml::from_str(&text).unwrap();
        assert_eq!(relic.photos.len(), 1);
    }

    #[test]
    fn a_suggestion_is_a_value_of_its_key() {
        for field in FIELDS
            .iter()
            .filter(|f| f.group().is_none() && !matches!(f.kind, Kind::Photos | Kind::Extra))
        {
            let line = format!("{} = {}", field.key, field.suggestion());
            let value: toml::Table =
                toml::from_str(&line).unwrap_or_else(|e| panic!("{line:?} is not TOML: {e}"));
            assert!(value.contains_key(field.key), "{line}");
        }
        assert_eq!(
            field("recognition").unwrap().suggestion(),
            "{ decision = \"…\", date = 2016-12-07, authority = \"…\" }"
        );
        assert_eq!(field("wifi").unwrap().suggestion(), "{ ssid = \"…\" }");
    }

    /// The field table of a guide, as the table makes it.
    fn guide_table(language: &str) -> String {
        let (head, yes, no, table) = match language {
            "vi" => (
                "| Trường | Bắt buộc? | Ví dụ | Ý nghĩa |",
                "có",
                "không",
                "bảng 3.4",
            ),
            _ => (
                "| Field | Required? | Example | Meaning |",
                "yes",
                "no",
                "table 3.4",
            ),
        };
        let mut text = format!("{head}\n|---|---|---|---|\n");
        for field in FIELDS.iter().filter(|f| f.group().is_none()) {
            let help = match language {
                "vi" => field.help.vi,
                _ => field.help.en,
            };
            let (key, example) = match field.kind {
                Kind::Photos => (
                    "[[photos]]".to_owned(),
                    "`file`, `alt`, `caption`".to_owned(),
                ),
                Kind::Extra => (
                    "[extra]".to_owned(),
                    format!("`{}`", field.example.lines().last().unwrap_or_default()),
                ),
                _ => (field.key.to_owned(), format!("`{}`", field.example)),
            };
            let help = match field.kind {
                Kind::Choice { .. } | Kind::Types => {
                    format!("{} ({table}).", help.trim_end_matches('.'))
                }
                _ => help.to_owned(),
            };
            let required = if field.required { yes } else { no };
            text.push_str(&format!("| `{key}` | {required} | {example} | {help} |\n"));
        }
        text
    }

    /// The guides' field tables are made from the table: `DITICH_BLESS=1 cargo test fields`
    /// writes them after a change.
    #[test]
    fn the_guides_list_every_field() {
        const START: &str = "<!-- fields: made from src/load/fields.rs -->\n";
        const END: &str = "<!-- end of fields -->";
        for (guide, language) in [("docs/guide.md", "en"), ("docs/huong-dan.md", "vi")] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(guide);
            let text = std::fs::read_to_string(&path).unwrap();
            let start = text
                .find(START)
                .unwrap_or_else(|| panic!("{guide} has no {START:?}"))
                + START.len();
            let end = start + text[start..].find(END).unwrap();
            let wanted = guide_table(language);
            if std::env::var_os("DITICH_BLESS").is_some() {
                std::fs::write(&path, format!("{}{wanted}{}", &text[..start], &text[end..]))
                    .unwrap();
            } else {
                assert_eq!(
                    text[start..end],
                    wanted,
                    "{guide} is stale: run DITICH_BLESS=1 cargo test fields"
                );
            }
        }
    }
}
