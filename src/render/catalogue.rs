//! `data/catalog.ttl` and `data/catalog.jsonld`: the open data described in DCAT-AP 3.0, so
//! that a portal harvests it (CKAN's ckanext-dcat reads either file) and a district finds what
//! the commune publishes, under which licence, covering which area and how recently checked.
//!
//! The catalogue is one list of statements, written out twice, so the two files can only
//! differ in syntax. Every node has an address under the catalogue's own (`…/catalog.ttl#…`),
//! never a blank node: the same sources give the same bytes, and a harvester that saw the
//! catalogue before recognises each dataset and distribution again. Dates come from the
//! relics' own `updated` fields, never from the build's clock.
//!
//! Terms from the EU's controlled vocabularies (languages, file types, licences, themes) are
//! given their class and label here, as DCAT-AP asks of them: a harvester need not fetch them.

use oxrdf::vocab::{rdf, xsd};
use oxrdf::{Literal, NamedNode, NamedNodeRef, Term, Triple};
use sha2::Digest as _;

use super::data_schema;
use std::collections::BTreeMap;

use crate::config::Contact;
use crate::model::Site;

pub const TURTLE: &str = "data/catalog.ttl";
pub const JSON_LD: &str = "data/catalog.jsonld";

/// The datasets the catalogue can list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Dataset {
    Relics,
    Scans,
}

/// A file the catalogue lists as a distribution of a dataset.
pub struct Format {
    pub path: &'static str,
    dataset: Dataset,
    /// The fragment that names its distribution in the catalogue.
    name: &'static str,
    media_type: &'static str,
    /// Its term in the EU's file-type vocabulary.
    file_type: &'static str,
    /// Whether `data/relics.schema.json` describes its fields.
    schema: bool,
    /// The standard of the format itself, when there is one to name.
    standard: Option<&'static str>,
    vi: &'static str,
    en: &'static str,
}

/// Every file the catalogue lists, in its order; the scans' only when there are counts.
pub const FORMATS: [Format; 6] = [
    Format {
        path: "data/relics.json",
        dataset: Dataset::Relics,
        name: "relics-json",
        media_type: "application/json",
        file_type: "JSON",
        schema: true,
        standard: None,
        vi: "Các di tích (JSON)",
        en: "The relics (JSON)",
    },
    Format {
        path: "data/relics.geojson",
        dataset: Dataset::Relics,
        name: "relics-geojson",
        media_type: "application/geo+json",
        file_type: "GEOJSON",
        schema: true,
        standard: Some("https://www.rfc-editor.org/rfc/rfc7946"),
        vi: "Vị trí các di tích (GeoJSON)",
        en: "Where the relics are (GeoJSON)",
    },
    Format {
        path: "data/relics.csv",
        dataset: Dataset::Relics,
        name: "relics-csv",
        media_type: "text/csv",
        file_type: "CSV",
        schema: false,
        standard: Some("https://www.rfc-editor.org/rfc/rfc4180"),
        vi: "Các di tích (bảng CSV)",
        en: "The relics (CSV table)",
    },
    Format {
        path: "data/changes.atom",
        dataset: Dataset::Relics,
        name: "changes-atom",
        media_type: "application/atom+xml",
        file_type: "ATOM",
        schema: false,
        standard: Some("https://www.rfc-editor.org/rfc/rfc4287"),
        vi: "Các thay đổi của hồ sơ di tích (Atom)",
        en: "Changes to the relics' records (Atom)",
    },
    Format {
        path: "data/scans.csv",
        dataset: Dataset::Scans,
        name: "scans-csv",
        media_type: "text/csv",
        file_type: "CSV",
        schema: false,
        standard: Some("https://www.rfc-editor.org/rfc/rfc4180"),
        vi: "Lượt quét theo tháng (bảng CSV)",
        en: "Scans by month (CSV table)",
    },
    Format {
        path: "data/scans.json",
        dataset: Dataset::Scans,
        name: "scans-json",
        media_type: "application/json",
        file_type: "JSON",
        schema: false,
        standard: None,
        vi: "Lượt quét theo tháng (JSON)",
        en: "Scans by month (JSON)",
    },
];

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const FOAF: &str = "http://xmlns.com/foaf/0.1/";
const VCARD: &str = "http://www.w3.org/2006/vcard/ns#";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const SPDX: &str = "http://spdx.org/rdf/terms#";
const GEOSPARQL: &str = "http://www.opengis.net/ont/geosparql#";
const EU: &str = "http://publications.europa.eu/resource/authority/";

/// Prefixes for the Turtle file, which a person reads too.
const PREFIXES: [(&str, &str); 8] = [
    ("dcat", DCAT),
    ("dct", DCT),
    ("foaf", FOAF),
    ("vcard", VCARD),
    ("skos", SKOS),
    ("spdx", SPDX),
    ("gsp", GEOSPARQL),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// The EU licence term of [`super::data::LICENSE`].
const LICENCE: &str = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0";
/// Relics are culture: the EU data theme "Education, culture and sport".
const THEME: &str = "http://publications.europa.eu/resource/authority/data-theme/EDUC";
const THEMES: &str = "http://publications.europa.eu/resource/authority/data-theme";
/// A commune's people's committee is a local authority, in ADMS's publisher types.
const LOCAL_AUTHORITY: &str = "http://purl.org/adms/publishertype/LocalAuthority";
/// The relics are checked when there is reason to, not on a schedule.
const IRREGULAR: &str = "http://publications.europa.eu/resource/authority/frequency/IRREG";
const SHA256: &str = "http://spdx.org/rdf/terms#checksumAlgorithm_sha256";

/// The catalogue in Turtle.
pub fn turtle(publisher: &Publisher<'_>, files: &[(&Format, &[u8])]) -> Vec<u8> {
    serialize(oxrdfio::RdfFormat::Turtle, publisher, files)
}

/// The catalogue in JSON-LD.
pub fn json_ld(publisher: &Publisher<'_>, files: &[(&Format, &[u8])]) -> Vec<u8> {
    let mut bytes = serialize(
        oxrdfio::RdfFormat::JsonLd {
            profile: oxrdfio::JsonLdProfileSet::empty(),
        },
        publisher,
        files,
    );
    bytes.push(b'\n');
    bytes
}

fn serialize(
    format: oxrdfio::RdfFormat,
    publisher: &Publisher<'_>,
    files: &[(&Format, &[u8])],
) -> Vec<u8> {
    let mut serializer = oxrdfio::RdfSerializer::from_format(format);
    for (name, iri) in PREFIXES {
        serializer = serializer
            .with_prefix(name, iri)
            .expect("the prefixes are IRIs");
    }
    let mut writer = serializer.for_writer(Vec::new());
    for triple in statements(publisher, files) {
        writer
            .serialize_triple(&triple)
            .expect("writing to memory cannot fail");
    }
    writer.finish().expect("writing to memory cannot fail")
}

/// The catalogue's statements, in the order they are written; a subject's statements are mostly
/// together, and both serializers group the runs they find.
struct Statements(Vec<Triple>);

impl Statements {
    fn add(&mut self, subject: &NamedNode, predicate: &str, object: impl Into<Term>) {
        self.0.push(Triple::new(
            subject.clone(),
            NamedNodeRef::new_unchecked(predicate),
            object,
        ));
    }

    fn a(&mut self, subject: &NamedNode, class: &str) {
        self.add(subject, rdf::TYPE.as_str(), iri(class));
    }

    /// A term of a vocabulary, typed and labelled: `labels` are (label, language) pairs.
    fn concept(&mut self, term: &str, class: &str, labels: &[(&str, &str)]) -> NamedNode {
        let node = iri(term);
        self.a(&node, class);
        for (label, lang) in labels {
            self.add(&node, &format!("{SKOS}prefLabel"), text(label, lang));
        }
        node
    }
}

/// The nodes every part of the catalogue refers to.
struct Nodes {
    /// The base of every node's address: the Turtle file's own.
    base: String,
    catalogue: NamedNode,
    publisher: NamedNode,
    contact: NamedNode,
    area: NamedNode,
    home: NamedNode,
    languages: Vec<NamedNode>,
    schema: NamedNode,
}

impl Nodes {
    fn here(&self, fragment: &str) -> NamedNode {
        iri(&format!("{}#{fragment}", self.base))
    }
}

fn statements(publisher: &Publisher<'_>, files: &[(&Format, &[u8])]) -> Vec<Triple> {
    let absolute = |path: &str| format!("{}{path}", publisher.base_url);
    let base = absolute(TURTLE);
    let nodes = Nodes {
        catalogue: iri(&format!("{base}#catalog")),
        publisher: iri(&format!("{base}#publisher")),
        contact: iri(&format!("{base}#contact")),
        area: iri(&format!("{base}#area")),
        base,
        home: iri(publisher.base_url),
        languages: languages(publisher.languages),
        schema: iri(&format!(
            "{}?version={}",
            absolute(data_schema::PATH),
            data_schema::VERSION
        )),
    };
    let relics = Period::of(publisher.checked.clone());
    let scans = Period::of(publisher.months.clone());
    let mut s = Statements(Vec::new());
    catalogue(&mut s, publisher, &nodes, relics.last.as_deref(), files);
    for dataset in [Dataset::Relics, Dataset::Scans] {
        let files: Vec<_> = files.iter().filter(|(f, _)| f.dataset == dataset).collect();
        if files.is_empty() {
            continue;
        }
        let period = match dataset {
            Dataset::Relics => &relics,
            Dataset::Scans => &scans,
        };
        let node = described(&mut s, publisher, &nodes, dataset, period);
        if dataset == Dataset::Relics {
            // A member's address is its own commune's text: one that is no IRI is left out.
            for part in publisher.parts.iter().filter_map(|p| checked(p)) {
                s.add(&node, &format!("{DCT}hasPart"), part);
            }
        }
        for (format, bytes) in files {
            let distribution = nodes.here(format.name);
            s.add(&node, &format!("{DCAT}distribution"), distribution.clone());
            let download = iri(&absolute(format.path));
            let schema = format.schema && publisher.schema;
            self::distribution(
                &mut s,
                &nodes,
                &distribution,
                download,
                (format, schema),
                bytes,
                period,
            );
        }
    }
    agents(&mut s, publisher, &nodes);
    area(&mut s, publisher, &nodes);
    vocabulary(&mut s, &nodes, files, publisher.schema);
    s.0
}

/// Who publishes the catalogue, and what its datasets cover: a commune, or a province's
/// guide over its communes.
pub struct Publisher<'a> {
    pub base_url: &'a str,
    pub title: &'a BTreeMap<String, String>,
    pub languages: &'a [String],
    /// `Long Thành, Nghệ An`; `Nghệ An` for a province's guide.
    pub place: String,
    /// Who publishes: the office `site.toml` names, or the commune or province itself.
    pub office: String,
    pub contact: &'a Contact,
    /// Every relic's place, latitude then longitude, for the area's box.
    pub points: Vec<(f64, f64)>,
    /// The days the relics were last checked on.
    pub checked: Vec<String>,
    /// The months the published scans count.
    pub months: Vec<String>,
    /// Whose data the relics' dataset joins, in their own words ("do xã công bố", "published
    /// by the commune").
    pub source: [&'static str; 2],
    /// The datasets the relics' dataset is made of: each member commune's own.
    pub parts: Vec<String>,
    /// Whether the files follow `data/relics.schema.json`, which a commune publishes and a
    /// province's joined data does not.
    pub schema: bool,
}

impl<'a> Publisher<'a> {
    pub fn of_site(site: &'a Site) -> Publisher<'a> {
        let config = &site.config;
        let commune = &config.commune;
        Publisher {
            base_url: &config.base_url,
            title: &config.title,
            languages: &config.languages,
            place: format!("{}, {}", commune.name, commune.province),
            office: config
                .contact
                .office
                .clone()
                .unwrap_or_else(|| format!("Xã {}", commune.name)),
            contact: &config.contact,
            points: site
                .relics
                .iter()
                .filter_map(|r| r.location.map(|p| (p.lat, p.lon)))
                .collect(),
            checked: site
                .relics
                .iter()
                .filter_map(|r| r.updated.map(|d| d.to_string()))
                .collect(),
            months: site.scans.iter().map(|row| row.month.to_string()).collect(),
            source: ["do xã công bố", "published by the commune"],
            parts: Vec::new(),
            schema: true,
        }
    }
}

/// The first and last date a dataset's records carry: days for the relics, months for the
/// scans. Both `None` when no record says.
struct Period {
    first: Option<String>,
    last: Option<String>,
}

impl Period {
    fn of(dates: Vec<String>) -> Period {
        Period {
            first: dates.iter().min().cloned(),
            last: dates.into_iter().max(),
        }
    }
}

fn catalogue(
    s: &mut Statements,
    publisher: &Publisher<'_>,
    nodes: &Nodes,
    modified: Option<&str>,
    files: &[(&Format, &[u8])],
) {
    let place = &publisher.place;
    let [by_vi, by_en] = publisher.source;
    let catalogue = &nodes.catalogue;
    s.a(catalogue, &format!("{DCAT}Catalog"));
    for (lang, title) in publisher.title {
        s.add(catalogue, &format!("{DCT}title"), text(title, lang));
    }
    s.add(
        catalogue,
        &format!("{DCT}description"),
        text(
            &format!("Dữ liệu mở về các di tích của {place}, {by_vi}."),
            "vi",
        ),
    );
    s.add(
        catalogue,
        &format!("{DCT}description"),
        text(
            &format!("Open data on the relics of {place}, {by_en}."),
            "en",
        ),
    );
    s.add(
        catalogue,
        &format!("{DCT}publisher"),
        nodes.publisher.clone(),
    );
    s.add(catalogue, &format!("{FOAF}homepage"), nodes.home.clone());
    for language in &nodes.languages {
        s.add(catalogue, &format!("{DCT}language"), language.clone());
    }
    s.add(catalogue, &format!("{DCT}license"), iri(LICENCE));
    if let Some(modified) = modified {
        s.add(catalogue, &format!("{DCT}modified"), when(modified));
    }
    s.add(catalogue, &format!("{DCT}spatial"), nodes.area.clone());
    s.add(catalogue, &format!("{DCAT}themeTaxonomy"), iri(THEMES));
    for dataset in [Dataset::Relics, Dataset::Scans] {
        if files.iter().any(|(f, _)| f.dataset == dataset) {
            s.add(
                catalogue,
                &format!("{DCAT}dataset"),
                dataset_node(nodes, dataset),
            );
        }
    }
}

fn dataset_node(nodes: &Nodes, dataset: Dataset) -> NamedNode {
    nodes.here(fragment(dataset))
}

fn fragment(dataset: Dataset) -> &'static str {
    match dataset {
        Dataset::Relics => "relics",
        Dataset::Scans => "scans",
    }
}

/// A dataset's own statements, and its node.
fn described(
    s: &mut Statements,
    publisher: &Publisher<'_>,
    nodes: &Nodes,
    dataset: Dataset,
    period: &Period,
) -> NamedNode {
    let place = &publisher.place;
    let node = dataset_node(nodes, dataset);
    let (titles, descriptions, keywords): ([String; 2], [String; 2], &[(&str, &str)]) =
        match dataset {
            Dataset::Relics => (
                [format!("Di tích {place}"), format!("Relics of {place}")],
                [
                    format!(
                        "Mỗi di tích đã xếp hạng của {place}: tên, cấp xếp hạng, loại hình, quyết định công nhận, vị trí, và địa chỉ trang thuyết minh và mã QR của nó, bằng tiếng Việt và các ngôn ngữ của trang."
                    ),
                    format!(
                        "Every listed relic of {place}: its name, rank, kind, recognition decision, location, and the addresses of its guide page and QR code, in Vietnamese and the guide's other languages."
                    ),
                ],
                &[
                    ("di tích", "vi"),
                    ("di sản văn hóa", "vi"),
                    ("du lịch", "vi"),
                    ("relics", "en"),
                    ("cultural heritage", "en"),
                    ("tourism", "en"),
                ],
            ),
            Dataset::Scans => (
                [
                    format!("Lượt quét mã QR tại các di tích {place}"),
                    format!("QR code scans at the relics of {place}"),
                ],
                [
                    format!(
                        "Số lượt quét mã QR trên biển của mỗi di tích {place} theo từng tháng, và số khách ước tính, đếm từ nhật ký máy chủ; không giữ địa chỉ hay trình duyệt của ai."
                    ),
                    format!(
                        "How often the QR code on each relic's plaque in {place} was scanned each month, and the estimated visitors, counted from the web server's logs; no one's address or browser is kept."
                    ),
                ],
                &[
                    ("lượt quét", "vi"),
                    ("du lịch", "vi"),
                    ("QR code scans", "en"),
                    ("tourism", "en"),
                ],
            ),
        };
    s.a(&node, &format!("{DCAT}Dataset"));
    for (value, lang) in titles.iter().zip(["vi", "en"]) {
        s.add(&node, &format!("{DCT}title"), text(value, lang));
    }
    for (value, lang) in descriptions.iter().zip(["vi", "en"]) {
        s.add(&node, &format!("{DCT}description"), text(value, lang));
    }
    s.add(
        &node,
        &format!("{DCT}identifier"),
        Literal::new_simple_literal(node.as_str()),
    );
    let names: Vec<(&str, &str)> = place.split(", ").map(|name| (name, "vi")).collect();
    for (keyword, lang) in keywords.iter().chain(&names) {
        s.add(&node, &format!("{DCAT}keyword"), text(keyword, lang));
    }
    s.add(&node, &format!("{DCAT}theme"), iri(THEME));
    for language in &nodes.languages {
        s.add(&node, &format!("{DCT}language"), language.clone());
    }
    s.add(&node, &format!("{DCT}publisher"), nodes.publisher.clone());
    s.add(&node, &format!("{DCAT}contactPoint"), nodes.contact.clone());
    s.add(&node, &format!("{DCAT}landingPage"), nodes.home.clone());
    s.add(&node, &format!("{DCT}spatial"), nodes.area.clone());
    s.add(&node, &format!("{DCT}accrualPeriodicity"), iri(IRREGULAR));
    if let (Some(first), Some(last)) = (&period.first, &period.last) {
        let temporal = nodes.here(&format!("{}-period", fragment(dataset)));
        s.add(&node, &format!("{DCT}temporal"), temporal.clone());
        s.add(&node, &format!("{DCT}modified"), when(last));
        s.a(&temporal, &format!("{DCT}PeriodOfTime"));
        s.add(&temporal, &format!("{DCAT}startDate"), when(first));
        s.add(&temporal, &format!("{DCAT}endDate"), when(last));
    }
    node
}

fn distribution(
    s: &mut Statements,
    nodes: &Nodes,
    node: &NamedNode,
    download: NamedNode,
    (format, schema): (&Format, bool),
    bytes: &[u8],
    period: &Period,
) {
    s.a(node, &format!("{DCAT}Distribution"));
    s.add(node, &format!("{DCT}title"), text(format.vi, "vi"));
    s.add(node, &format!("{DCT}title"), text(format.en, "en"));
    s.add(node, &format!("{DCAT}accessURL"), download.clone());
    s.add(node, &format!("{DCAT}downloadURL"), download);
    s.add(node, &format!("{DCAT}mediaType"), media_type(format));
    s.add(node, &format!("{DCT}format"), file_type(format));
    s.add(
        node,
        &format!("{DCAT}byteSize"),
        Literal::new_typed_literal(bytes.len().to_string(), xsd::NON_NEGATIVE_INTEGER),
    );
    if schema {
        s.add(node, &format!("{DCT}conformsTo"), nodes.schema.clone());
    }
    if let Some(standard) = format.standard {
        s.add(node, &format!("{DCT}conformsTo"), iri(standard));
    }
    s.add(node, &format!("{DCT}license"), iri(LICENCE));
    if let Some(last) = &period.last {
        s.add(node, &format!("{DCT}modified"), when(last));
    }
    let checksum = nodes.here(&format!("{}-sha256", format.name));
    s.add(node, &format!("{SPDX}checksum"), checksum.clone());
    s.a(&checksum, &format!("{SPDX}Checksum"));
    s.add(&checksum, &format!("{SPDX}algorithm"), iri(SHA256));
    s.add(
        &checksum,
        &format!("{SPDX}checksumValue"),
        Literal::new_typed_literal(hex(&sha2::Sha256::digest(bytes)), xsd::HEX_BINARY),
    );
}

/// The office that publishes, as publisher and as the contact point.
fn agents(s: &mut Statements, publisher: &Publisher<'_>, nodes: &Nodes) {
    let office = &publisher.office;
    let agent = &nodes.publisher;
    s.a(agent, &format!("{FOAF}Agent"));
    s.add(agent, &format!("{FOAF}name"), text(office, "vi"));
    s.add(agent, &format!("{DCT}type"), iri(LOCAL_AUTHORITY));

    let contact = &nodes.contact;
    // Typed as the class DCAT-AP checks too: a harvester does not read vCard's ontology.
    s.a(contact, &format!("{VCARD}Kind"));
    s.a(contact, &format!("{VCARD}Organization"));
    s.add(contact, &format!("{VCARD}fn"), text(office, "vi"));
    let email = publisher.contact.email.as_deref();
    if let Some(email) = email.and_then(|e| checked(&format!("mailto:{e}"))) {
        s.add(contact, &format!("{VCARD}hasEmail"), email);
    }
    let phone = publisher
        .contact
        .phone
        .as_deref()
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect::<String>());
    if let Some(phone) = phone.and_then(|p| checked(&format!("tel:{p}"))) {
        s.add(contact, &format!("{VCARD}hasTelephone"), phone);
    }
    s.add(contact, &format!("{VCARD}hasURL"), nodes.home.clone());
}

fn area(s: &mut Statements, publisher: &Publisher<'_>, nodes: &Nodes) {
    let area = &nodes.area;
    s.a(area, &format!("{DCT}Location"));
    s.add(
        area,
        &format!("{SKOS}prefLabel"),
        text(&publisher.place, "vi"),
    );
    if let Some(bbox) = bounding_box(&publisher.points) {
        s.add(
            area,
            &format!("{DCAT}bbox"),
            Literal::new_typed_literal(bbox, iri(&format!("{GEOSPARQL}wktLiteral"))),
        );
    }
}

/// The vocabularies' terms, typed as DCAT-AP expects them.
fn vocabulary(s: &mut Statements, nodes: &Nodes, files: &[(&Format, &[u8])], schema: bool) {
    if schema && files.iter().any(|(f, _)| f.schema) {
        s.a(&nodes.schema, &format!("{DCT}Standard"));
        s.add(
            &nodes.schema,
            &format!("{DCT}title"),
            text("Lược đồ dữ liệu mở về di tích", "vi"),
        );
        s.add(
            &nodes.schema,
            &format!("{DCT}title"),
            text("Schema of the relics' open data", "en"),
        );
    }
    let mut typed = std::collections::BTreeSet::new();
    for (format, _) in files {
        for (term, class) in [
            (media_type(format), "MediaType"),
            (file_type(format), "MediaTypeOrExtent"),
        ]
        .into_iter()
        .chain(format.standard.map(|st| (iri(st), "Standard")))
        {
            if typed.insert(term.clone()) {
                s.a(&term, &format!("{DCT}{class}"));
            }
        }
    }
    for language in &nodes.languages {
        s.a(language, &format!("{DCT}LinguisticSystem"));
    }
    s.a(&iri(LICENCE), &format!("{DCT}LicenseDocument"));
    s.a(&nodes.home, &format!("{FOAF}Document"));
    s.a(&iri(IRREGULAR), &format!("{DCT}Frequency"));
    s.a(&iri(SHA256), &format!("{SPDX}ChecksumAlgorithm"));
    s.concept(
        THEME,
        &format!("{SKOS}Concept"),
        &[
            ("Giáo dục, văn hóa và thể thao", "vi"),
            ("Education, culture and sport", "en"),
        ],
    );
    let themes = iri(THEMES);
    s.a(&themes, &format!("{SKOS}ConceptScheme"));
    s.add(&themes, &format!("{DCT}title"), text("Data theme", "en"));
    s.concept(
        LOCAL_AUTHORITY,
        &format!("{SKOS}Concept"),
        &[
            ("Cơ quan chính quyền địa phương", "vi"),
            ("Local authority", "en"),
        ],
    );
}

fn media_type(format: &Format) -> NamedNode {
    iri(&format!(
        "http://www.iana.org/assignments/media-types/{}",
        format.media_type
    ))
}

fn file_type(format: &Format) -> NamedNode {
    iri(&format!("{EU}file-type/{}", format.file_type))
}

/// An address the code builds from a checked `base_url` or a constant.
fn iri(address: &str) -> NamedNode {
    NamedNode::new(address).expect("built from a checked base_url or a constant")
}

/// An address from the officer's own text, left out when it is not one.
fn checked(address: &str) -> Option<NamedNode> {
    NamedNode::new(address).ok()
}

fn text(value: &str, lang: &str) -> Literal {
    Literal::new_language_tagged_literal(value, lang)
        .unwrap_or_else(|_| Literal::new_simple_literal(value))
}

/// A day (`2026-03-15`) or a month (`2026-03`), typed as what it is.
fn when(value: &str) -> Literal {
    let datatype = if value.len() == 7 {
        xsd::G_YEAR_MONTH
    } else {
        xsd::DATE
    };
    Literal::new_typed_literal(value, datatype)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The guide's languages as terms of the EU's language vocabulary, which names languages by
/// their three-letter ISO 639 codes; a language it has no term for here is named by the
/// Library of Congress's ISO 639-1 vocabulary, which takes the two-letter codes as they are.
fn languages(languages: &[String]) -> Vec<NamedNode> {
    const EU_TERMS: [(&str, &str); 12] = [
        ("vi", "VIE"),
        ("en", "ENG"),
        ("fr", "FRA"),
        ("zh", "ZHO"),
        ("ko", "KOR"),
        ("ja", "JPN"),
        ("lo", "LAO"),
        ("km", "KHM"),
        ("th", "THA"),
        ("ru", "RUS"),
        ("de", "DEU"),
        ("es", "SPA"),
    ];
    languages
        .iter()
        .map(|lang| {
            let primary = lang.split('-').next().unwrap_or(lang);
            match EU_TERMS.iter().find(|(code, _)| *code == primary) {
                Some((_, term)) => iri(&format!("{EU}language/{term}")),
                None => iri(&format!("http://id.loc.gov/vocabulary/iso639-1/{primary}")),
            }
        })
        .collect()
}

/// The smallest box around the relics that have a place on the map, as a WKT polygon in
/// longitude-latitude order (GeoSPARQL's default CRS, CRS84).
fn bounding_box(points: &[(f64, f64)]) -> Option<String> {
    let &(lat, lon) = points.first()?;
    let (mut west, mut east, mut south, mut north) = (lon, lon, lat, lat);
    for &(lat, lon) in points {
        west = west.min(lon);
        east = east.max(lon);
        south = south.min(lat);
        north = north.max(lat);
    }
    Some(format!(
        "POLYGON(({west} {south}, {east} {south}, {east} {north}, {west} {north}, {west} {south}))"
    ))
}
