//! `data/relics.schema.json`: the JSON Schema (2020-12) of `relics.json`, of the properties of
//! each `relics.geojson` feature, and of the GeoJSON collection, so that a district or province
//! system can check a commune's data before it joins it to others'.
//!
//! Every field is described in Vietnamese and English in one `description`, Vietnamese first
//! (the guide's default language), the two joined by ` / `. JSON Schema has no language tags for
//! its annotations and allows one `description`; made-up keywords such as `x-description-en`
//! are refused by strict validators (Ajv's default strict mode) and dropped by documentation
//! generators, while one bilingual string reaches every reader of the schema.
//!
//! The closed vocabularies are enumerated from the code's own enums, so the schema cannot
//! drift from what `check` accepts. The objects admit no other property and require every
//! one (a missing value is `null`, never an absent key), so data and schema must agree
//! exactly: any change of fields is a new [`VERSION`].

use serde_json::{Map, Value, json};

use super::data::LICENSE;
use crate::model::{Category, Rank, RelicType, Site};

/// The version of the open data's fields. Raise it with any change of a field of
/// `relics.json` or of a GeoJSON feature's properties: consumers compare it before they read.
pub const VERSION: u32 = 1;

pub(super) const PATH: &str = "data/relics.schema.json";

/// The schema of the site's open data. Its `$id` is where the site publishes it, with the
/// version as a query that static servers ignore: the address still answers, and two versions
/// never share an identifier in a consumer's cache of schemas.
pub fn schema(site: &Site) -> Vec<u8> {
    let id = format!("{}?version={VERSION}", site.config.absolute(PATH));
    let mut bytes = serde_json::to_vec_pretty(&document(&id)).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// The schema, with `id` as its `$id`: what a province's guide checks a commune's data with.
pub fn document(id: &str) -> Value {
    let mut document = object(vec![
        (
            "schema_version",
            described(
                json!({ "const": VERSION }),
                "Phiên bản của lược đồ này mà tệp tuân theo; tăng mỗi khi các trường thay đổi",
                "The version of this schema that the file follows; raised whenever the fields change",
            ),
        ),
        (
            "title",
            described(
                language_map(json!({ "type": "string" })),
                "Tên của trang thuyết minh theo từng ngôn ngữ (mã ngôn ngữ → tên)",
                "The guide's title in each language (language code → title)",
            ),
        ),
        (
            "base_url",
            described(
                uri(),
                "Địa chỉ gốc của trang thuyết minh; mọi địa chỉ khác trong dữ liệu bắt đầu bằng nó",
                "The guide's base address; every other address in the data starts with it",
            ),
        ),
        (
            "commune",
            described(
                reference("commune"),
                "Đơn vị hành chính của các di tích",
                "The administrative unit the relics are in",
            ),
        ),
        (
            "license",
            described(
                json!({ "const": LICENSE }),
                "Giấy phép của dữ liệu (mã SPDX)",
                "The data's licence (SPDX identifier)",
            ),
        ),
        (
            "relics",
            described(
                json!({ "type": "array", "items": reference("relic") }),
                "Các di tích, xếp theo mã",
                "The relics, in the order of their codes",
            ),
        ),
    ]);
    document["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    document["$id"] = json!(id);
    document["$comment"] = json!(
        "Mỗi description ghi tiếng Việt trước, tiếng Anh sau, cách nhau bởi ' / '. / Each description gives Vietnamese first, then English, separated by ' / '."
    );
    document["title"] =
        json!("relics.json: dữ liệu mở về các di tích / relics.json: open data on the relics");
    document["description"] = json!(format!(
        "Phiên bản {VERSION}. $defs/relic mô tả properties của mỗi feature trong relics.geojson, $defs/feature_collection mô tả cả tệp đó. Đổi tên, thêm hay bớt trường nào cũng là một phiên bản mới. / Version {VERSION}. $defs/relic describes the properties of each feature of relics.geojson, $defs/feature_collection that whole file. Renaming, adding or removing any field makes a new version."
    ));
    document["$defs"] = json!({
        "commune": commune(),
        "relic": relic(),
        "translation": translation(),
        "feature_collection": feature_collection(),
    });
    document
}

fn commune() -> Value {
    object(vec![
        (
            "name",
            described(
                string(),
                "Tên xã (đơn vị hành chính cấp xã)",
                "The commune's name (the commune-level unit)",
            ),
        ),
        (
            "province",
            described(string(), "Tên tỉnh", "The province's name"),
        ),
        ("code", commune_code()),
        ("province_code", province_code()),
        ("district", district()),
        ("former", former_units()),
        (
            "levels",
            described(
                json!({ "type": "array", "items": string() }),
                "Địa danh từ xã lên tỉnh, như khi viết địa chỉ",
                "The place from the commune up, as addresses write it",
            ),
        ),
    ])
}

fn relic() -> Value {
    let mut relic = object(vec![
        (
            "id",
            described(
                json!({ "type": "string", "pattern": "^[A-Z0-9]{2,12}$" }),
                "Mã di tích, in trên biển mã QR (ví dụ DT01); không bao giờ đổi",
                "The relic's code, printed on its QR plaque (e.g. DT01); it never changes",
            ),
        ),
        (
            "slug",
            described(
                string(),
                "Tên thư mục của di tích, phần cuối địa chỉ trang của nó",
                "The relic's folder name, the last part of its page's address",
            ),
        ),
        (
            "name",
            described(
                string(),
                "Tên di tích, bằng ngôn ngữ chính của trang (tiếng Việt)",
                "The relic's name, in the guide's main language (Vietnamese)",
            ),
        ),
        (
            "summary",
            described(
                string(),
                "Tóm tắt một đoạn về di tích, bằng ngôn ngữ chính",
                "A one-paragraph summary of the relic, in the main language",
            ),
        ),
        (
            "rank",
            described(
                vocabulary(&Rank::keys()),
                "Cấp xếp hạng di tích theo Luật Di sản văn hoá",
                "The level the relic was ranked at under the Law on Cultural Heritage",
            ),
        ),
        (
            "category",
            described(
                vocabulary(&Category::keys()),
                "Loại công trình hay địa điểm",
                "What kind of place the relic is",
            ),
        ),
        (
            "types",
            described(
                json!({ "type": "array", "items": vocabulary(&RelicType::keys()) }),
                "Các loại hình di tích theo luật; có thể trống",
                "The types of relic the law distinguishes; may be empty",
            ),
        ),
        (
            "hamlet",
            described(
                nullable(string()),
                "Xóm, thôn hay bản của di tích",
                "The hamlet or village the relic is in",
            ),
        ),
        (
            "commune",
            described(string(), "Tên xã", "The commune's name"),
        ),
        ("district", district()),
        (
            "province",
            described(string(), "Tên tỉnh", "The province's name"),
        ),
        ("commune_code", commune_code()),
        ("province_code", province_code()),
        ("former_units", former_units()),
        (
            "lat",
            described(
                coordinate(90),
                "Vĩ độ WGS84, độ thập phân",
                "WGS84 latitude, in decimal degrees",
            ),
        ),
        (
            "lon",
            described(
                coordinate(180),
                "Kinh độ WGS84, độ thập phân",
                "WGS84 longitude, in decimal degrees",
            ),
        ),
        (
            "recognition_decision",
            described(
                nullable(string()),
                "Số quyết định xếp hạng di tích",
                "The number of the decision that ranked the relic",
            ),
        ),
        (
            "recognition_date",
            described(
                nullable(date()),
                "Ngày ký quyết định xếp hạng",
                "The date the ranking decision was signed",
            ),
        ),
        (
            "recognition_authority",
            described(
                nullable(string()),
                "Cơ quan ra quyết định xếp hạng",
                "The authority that issued the ranking decision",
            ),
        ),
        (
            "url",
            described(
                uri(),
                "Địa chỉ trang thuyết minh của di tích, bằng ngôn ngữ chính",
                "The address of the relic's page, in the main language",
            ),
        ),
        (
            "qr_url",
            described(
                uri(),
                "Địa chỉ in trong mã QR trên biển; không bao giờ đổi",
                "The address printed in the plaque's QR code; it never changes",
            ),
        ),
        (
            "cover_url",
            described(
                nullable(uri()),
                "Ảnh bìa, ở cỡ lớn nhất được đăng",
                "The cover photo, at its widest published size",
            ),
        ),
        (
            "cover_width",
            described(
                pixels(),
                "Chiều rộng của ảnh bìa đó, tính bằng điểm ảnh",
                "That cover's width, in pixels",
            ),
        ),
        (
            "cover_height",
            described(
                pixels(),
                "Chiều cao của ảnh bìa đó, tính bằng điểm ảnh",
                "That cover's height, in pixels",
            ),
        ),
        (
            "audio_url",
            described(
                nullable(uri()),
                "Tệp thuyết minh bằng giọng nói",
                "The audio guide",
            ),
        ),
        (
            "updated",
            described(
                nullable(date()),
                "Ngày đối chiếu nội dung với hồ sơ di tích gần nhất",
                "When the text was last checked against the relic's dossier",
            ),
        ),
        (
            "translations",
            described(
                language_map(reference("translation")),
                "Bản dịch sang các ngôn ngữ khác (mã ngôn ngữ → bản dịch)",
                "The translations into the other languages (language code → translation)",
            ),
        ),
    ]);
    relic["description"] = json!(
        "Một di tích: một phần tử của relics trong relics.json, và properties của một feature trong relics.geojson. Mật khẩu Wi-Fi không bao giờ có ở đây. / One relic: an item of relics in relics.json, and the properties of a feature of relics.geojson. Wi-Fi passwords are never here."
    );
    relic
}

fn translation() -> Value {
    object(vec![
        (
            "name",
            described(string(), "Tên di tích", "The relic's name"),
        ),
        (
            "summary",
            described(string(), "Tóm tắt một đoạn", "A one-paragraph summary"),
        ),
        (
            "url",
            described(
                uri(),
                "Địa chỉ trang của di tích bằng ngôn ngữ này",
                "The address of the relic's page in this language",
            ),
        ),
    ])
}

/// RFC 7946, narrowed to what the build writes: a point or no geometry at all.
fn feature_collection() -> Value {
    let point = object(vec![
        ("type", geojson_type("Point")),
        (
            "coordinates",
            described(
                json!({
                    "type": "array",
                    "prefixItems": [coordinate_value(180), coordinate_value(90)],
                    "items": false,
                    "minItems": 2,
                }),
                "[kinh độ, vĩ độ] WGS84",
                "[longitude, latitude] in WGS84",
            ),
        ),
    ]);
    let feature = object(vec![
        ("type", geojson_type("Feature")),
        (
            "id",
            described(
                string(),
                "Mã di tích, như id của properties",
                "The relic's code, as the properties' id",
            ),
        ),
        (
            "geometry",
            described(
                json!({ "anyOf": [point, { "type": "null" }] }),
                "Vị trí của di tích; null khi chưa có toạ độ",
                "The relic's location; null when it has no coordinates",
            ),
        ),
        (
            "properties",
            described(
                reference("relic"),
                "Bản ghi của di tích, như trong relics.json",
                "The relic's record, as in relics.json",
            ),
        ),
    ]);
    let mut collection = object(vec![
        ("type", geojson_type("FeatureCollection")),
        (
            "schema_version",
            described(
                json!({ "const": VERSION }),
                "Phiên bản của lược đồ mà properties tuân theo",
                "The version of the schema the properties follow",
            ),
        ),
        (
            "features",
            described(
                json!({ "type": "array", "items": feature }),
                "Một feature cho mỗi di tích, xếp theo mã",
                "One feature per relic, in the order of their codes",
            ),
        ),
    ]);
    collection["description"] = json!(
        "Toàn bộ relics.geojson (RFC 7946), một feature cho mỗi di tích / The whole of relics.geojson (RFC 7946), one feature per relic"
    );
    collection
}

fn geojson_type(name: &str) -> Value {
    described(
        json!({ "const": name }),
        "Kiểu đối tượng GeoJSON",
        "The GeoJSON object's type",
    )
}

fn district() -> Value {
    described(
        nullable(string()),
        "Tên huyện; chỉ có ở dự án lập trước khi bỏ cấp huyện năm 2025",
        "The district; only in projects made before districts were abolished in 2025",
    )
}

/// The codes are the national list's, as `site.toml`'s check accepts them: digits only.
fn commune_code() -> Value {
    described(
        nullable(json!({ "type": "string", "pattern": "^[0-9]{5}$" })),
        "Mã đơn vị hành chính cấp xã theo danh mục quốc gia (5 chữ số)",
        "The commune-level unit's code in the national list (five digits)",
    )
}

fn province_code() -> Value {
    described(
        nullable(json!({ "type": "string", "pattern": "^[0-9]{2}$" })),
        "Mã tỉnh theo danh mục quốc gia (2 chữ số)",
        "The province's code in the national list (two digits)",
    )
}

fn former_units() -> Value {
    described(
        json!({ "type": "array", "items": string() }),
        "Tên gọi của nơi này trước các lần sáp nhập",
        "The names the place went by before the mergers",
    )
}

/// A field's schema with its description in both languages.
fn described(mut shape: Value, vietnamese: &str, english: &str) -> Value {
    shape["description"] = Value::String(format!("{vietnamese} / {english}"));
    shape
}

/// An object with exactly `fields`, each always present.
fn object(fields: Vec<(&str, Value)>) -> Value {
    let required: Vec<&str> = fields.iter().map(|(name, _)| *name).collect();
    let properties: Map<String, Value> = fields
        .into_iter()
        .map(|(name, shape)| (name.to_owned(), shape))
        .collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// An object whose keys are language codes.
fn language_map(value: Value) -> Value {
    json!({ "type": "object", "additionalProperties": value })
}

fn reference(definition: &str) -> Value {
    json!({ "$ref": format!("#/$defs/{definition}") })
}

fn vocabulary(keys: &[&str]) -> Value {
    json!({ "type": "string", "enum": keys })
}

fn string() -> Value {
    json!({ "type": "string" })
}

fn uri() -> Value {
    json!({ "type": "string", "format": "uri" })
}

fn date() -> Value {
    json!({ "type": "string", "format": "date" })
}

fn pixels() -> Value {
    nullable(json!({ "type": "integer", "minimum": 1 }))
}

fn coordinate(limit: i32) -> Value {
    nullable(coordinate_value(limit))
}

fn coordinate_value(limit: i32) -> Value {
    json!({ "type": "number", "minimum": -limit, "maximum": limit })
}

/// `shape`, or `null` for a value the relic does not have.
fn nullable(mut shape: Value) -> Value {
    let kind = shape["type"].take();
    shape["type"] = json!([kind, "null"]);
    shape
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value;

    /// Every version's fields of `relics.json`, oldest first, as paths: `relics[].name`, with
    /// `*` for a language code. Published versions are never edited: a change of fields is a
    /// new line here with the next number, and [`super::VERSION`] raised to it.
    const PUBLISHED: &[(u32, &str)] = &[(
        1,
        "base_url commune commune.code commune.district commune.former commune.levels \
         commune.name commune.province commune.province_code license relics relics[].audio_url \
         relics[].category relics[].commune relics[].commune_code relics[].cover_height \
         relics[].cover_url relics[].cover_width relics[].district relics[].former_units \
         relics[].hamlet relics[].id relics[].lat relics[].lon relics[].name \
         relics[].province relics[].province_code relics[].qr_url relics[].rank \
         relics[].recognition_authority relics[].recognition_date \
         relics[].recognition_decision relics[].slug relics[].summary relics[].translations \
         relics[].translations.* relics[].translations.*.name relics[].translations.*.summary \
         relics[].translations.*.url relics[].types relics[].updated relics[].url \
         schema_version title title.*",
    )];

    fn fields(value: &Value, path: &str, languages: &[String], found: &mut BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                for (key, value) in map {
                    let key = if languages.contains(key) { "*" } else { key };
                    let path = if path.is_empty() {
                        key.to_owned()
                    } else {
                        format!("{path}.{key}")
                    };
                    fields(value, &path, languages, found);
                    found.insert(path);
                }
            }
            Value::Array(items) => {
                for item in items {
                    fields(item, &format!("{path}[]"), languages, found);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn the_fields_of_relics_json_change_only_with_the_schema_version() {
        let dir = crate::tests::two_relics();
        let (site, problems) = crate::load_site(dir.path());
        let site = site.unwrap_or_else(|| panic!("{problems:?}"));
        let data: Value = serde_json::from_slice(&super::super::data::json(&site)).unwrap();
        let mut found = BTreeSet::new();
        fields(&data, "", &site.config.languages, &mut found);
        let found: Vec<&str> = found.iter().map(String::as_str).collect();

        let versions: Vec<u32> = PUBLISHED.iter().map(|(version, _)| *version).collect();
        assert_eq!(versions, (1..=super::VERSION).collect::<Vec<_>>());
        let (_, current) = PUBLISHED[PUBLISHED.len() - 1];
        assert_eq!(
            found,
            current.split_whitespace().collect::<Vec<_>>(),
            "the fields of relics.json changed: raise VERSION and add a line to PUBLISHED \
             with the new fields, and describe them in the schema"
        );
    }
}
