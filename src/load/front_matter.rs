//! The front matter as serde reads it. `fields` describes the same keys for officers (the
//! form, the template of `ditich new`, the guides); a test there keeps the two in step.
//!
//! These structs only mirror the TOML; `model::resolve` checks the values and turns them into
//! the validated `Relic`. Values that can be wrong in ways worth pointing at are `Spanned`, so
//! an error can underline the exact value.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

/// The front matter of `index.md`, the relic's main file, written in the site's first language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelic {
    /// The plaque code, e.g. `"DT01"`: 2 to 12 capital letters or digits. It is printed on the
    /// plaque and inside its QR code, so it never changes once printed, even if the relic's
    /// name or folder does.
    pub id: Spanned<String>,
    /// The relic's official name, e.g. `"Nhà thờ họ Doãn"`.
    pub name: Spanned<String>,
    /// The rank it was listed at: `special-national` (quốc gia đặc biệt), `national`
    /// (cấp quốc gia), `provincial` (cấp tỉnh) or `unranked` (chưa xếp hạng).
    pub rank: Spanned<String>,
    /// What kind of place it is: `temple` (đền), `pagoda` (chùa), `communal-house` (đình),
    /// `ancestral-hall` (nhà thờ họ), `shrine` (miếu, phủ), `church`, `memorial` (khu lưu
    /// niệm), `tomb` (lăng, mộ), `event-site` (địa điểm sự kiện), `archaeological`,
    /// `landscape` (danh lam thắng cảnh) or `other`.
    pub category: Spanned<String>,
    /// The types of relic the law names, as written in the ranking decision: any of
    /// `historical`, `architectural-artistic`, `archaeological`, `landscape`, `mixed`.
    #[serde(default)]
    pub types: Vec<Spanned<String>>,
    /// One or two sentences, at most 160 characters, for the home page and the poster.
    pub summary: Spanned<String>,
    /// The hamlet (xóm, thôn) the relic stands in, e.g. `"Xóm Giáp Ngói"`.
    pub hamlet: Option<String>,
    /// Where it is, in decimal degrees (WGS84, as a phone's map shows):
    /// `{ lat = 19.05, lon = 105.45 }`.
    pub location: Option<Spanned<RawLocation>>,
    /// The ranking decision: `{ decision = "6181/QĐ-UBND", date = 2016-12-07,
    /// authority = "UBND tỉnh Nghệ An" }`. The date is written without quotes.
    pub recognition: Option<RawRecognition>,
    /// The main photo, a file in the relic's folder: `"cover.jpg"`.
    pub cover: Option<Spanned<String>>,
    /// What the cover photo shows, for visitors who cannot see it: `"Cổng tam quan nhìn từ sân"`.
    pub cover_alt: Option<String>,
    /// More photos, each `[[photos]]` with `file`, `alt` (what it shows) and an optional
    /// `caption`, shown as a gallery below the story.
    #[serde(default)]
    pub photos: Vec<RawPhoto>,
    /// The audio guide, a file in the relic's folder: `"thuyet-minh.mp3"`.
    pub audio: Option<Spanned<String>>,
    /// The audio guide's words, for visitors who cannot hear it (a multi-line string `"""…"""`).
    pub transcript: Option<String>,
    /// When the relic is open, e.g. `"7:00–17:00 hằng ngày; lễ hội ngày 15 tháng Giêng"`.
    pub opening_hours: Option<String>,
    /// How to behave there, e.g. `"Ăn mặc kín đáo; không chụp ảnh trong hậu cung"`.
    pub etiquette: Option<String>,
    /// The relic's free Wifi, for the plaque's second QR code: `{ ssid = "…", password = "…" }`.
    /// It is printed on the plaque but left out of the open data.
    pub wifi: Option<Wifi>,
    /// When the page was last checked against the relic's dossier, without quotes:
    /// `updated = 2026-11-29`.
    pub updated: Option<Spanned<Datetime>>,
    /// `true` while the relic is a draft (bản nháp): `ditich build`, `serve` and `posters`
    /// leave the whole relic out of the site (no page, no QR landing, not in the listings,
    /// the map, the open data or the sitemap) and say so in one warning, and `ditich check`
    /// shows its mistakes as warnings instead of failing. To publish it, remove the line or
    /// write `draft = false`. A relic whose plaque is printed cannot be a draft: its QR code
    /// must keep opening a page.
    #[serde(default)]
    pub draft: bool,
    /// Free-form values for custom templates, under `[extra]` at the end of the front matter;
    /// templates read them as `relic.extra.<key>` on relic pages and on every card.
    #[serde(default)]
    pub extra: toml::Table,
}

/// The front matter of a translation, `index.<language>.md`, e.g. `index.en.md`. Only what is
/// written in words is translated; every other field comes from `index.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTranslation {
    /// The same plaque code as in `index.md`.
    pub id: Spanned<String>,
    /// The name in this language.
    pub name: Spanned<String>,
    /// The summary in this language, at most 160 characters.
    pub summary: Spanned<String>,
    /// The cover photo's description in this language.
    pub cover_alt: Option<String>,
    /// The audio guide's words in this language.
    pub transcript: Option<String>,
    /// The opening hours in this language.
    pub opening_hours: Option<String>,
    /// The visitor etiquette in this language.
    pub etiquette: Option<String>,
    /// `true` when the text was machine translated and not yet checked by a person; the page
    /// then says so.
    #[serde(default)]
    pub machine_translated: bool,
    /// Not a key of translations: `draft = true` goes in `index.md` and holds back the whole
    /// relic. It is read here only to say so.
    pub draft: Option<Spanned<bool>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPhoto {
    /// A photo in the relic's folder.
    pub file: Spanned<String>,
    /// What it shows, for visitors who cannot see it.
    pub alt: Option<String>,
    /// A caption shown under it.
    pub caption: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLocation {
    /// Latitude, north positive: about 8.5 to 23.4 in Vietnam.
    pub lat: f64,
    /// Longitude, east positive: about 102.1 to 109.5 in Vietnam.
    pub lon: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecognition {
    /// The decision's number, e.g. `"6181/QĐ-UBND"`.
    pub decision: String,
    /// The decision's date, without quotes: `2016-12-07`.
    pub date: Spanned<Datetime>,
    /// Who signed it, e.g. `"UBND tỉnh Nghệ An"` or `"Bộ Văn hoá, Thể thao và Du lịch"`.
    pub authority: String,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Wifi {
    /// The network's name.
    pub ssid: String,
    /// Its password; leave it out for an open network.
    pub password: Option<String>,
}
