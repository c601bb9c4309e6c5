//! Posters and plaques: every code decodes to its landing page, survives weathering, keeps its
//! quiet zone clear; PDFs carry their font and text; printed codes never break.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use ditich::config::ErrorCorrection;
use ditich::qr::{Matrix, QUIET_ZONE};
use image::GrayImage;

use crate::project::{Project, Run, files};

const BASE: &str = "https://LONGTHANH.YENTHANH.NGHEAN.GOV.VN/du-lich/";
pub(crate) const SAMPLE_IDS: [&str; 7] = ["DT01", "DT02", "DT03", "DT04", "DT05", "DT06", "DT07"];

/// The sample is built once for all tests here: printing posters is the slow part.
pub(crate) fn sample_output() -> &'static BTreeMap<String, Vec<u8>> {
    static OUTPUT: OnceLock<(Project, BTreeMap<String, Vec<u8>>)> = OnceLock::new();
    &OUTPUT
        .get_or_init(|| {
            let project = Project::sample();
            project.build().success();
            let out = files(&project.output());
            (project, out)
        })
        .1
}

pub(crate) fn gray(png: &[u8]) -> GrayImage {
    image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .unwrap()
        .into_luma8()
}

/// Every code rqrr finds in an image, decoded; panics if one of them does not decode.
///
/// The image is first brought to at most 1200 pixels a side, about what a phone's camera sees of
/// a poster: rqrr, a port of quirc, misreads the grid of codes drawn over 30 pixels per module,
/// as 300 dpi posters are (rxing reads those at full size).
pub(crate) fn decode_all(image: GrayImage) -> Vec<String> {
    let scale = (1200.0 / image.width().max(image.height()) as f32).min(1.0);
    let (width, height) = (
        (image.width() as f32 * scale) as u32,
        (image.height() as f32 * scale) as u32,
    );
    let image =
        image::imageops::resize(&image, width, height, image::imageops::FilterType::Triangle);
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let grids = prepared.detect_grids();
    let decoded: Vec<_> = grids
        .iter()
        .map(|grid| grid.decode().map(|(_, text)| text))
        .collect();
    decoded
        .into_iter()
        .map(|r| {
            r.unwrap_or_else(|e| {
                panic!(
                    "a code in the image does not decode: {e:?} (of {} found)",
                    grids.len()
                )
            })
        })
        .collect()
}

fn decode_degraded(image: &GrayImage) -> Option<String> {
    let (width, height) = image.dimensions();
    rxing::helpers::detect_in_luma(
        image.as_raw().clone(),
        width,
        height,
        Some(rxing::BarcodeFormat::QR_CODE),
    )
    .ok()
    .map(|result| result.getText().to_owned())
}

#[test]
fn every_png_decodes_to_the_landing_page_of_its_relic() {
    let out = sample_output();
    let mut decoded = 0;
    for id in SAMPLE_IDS {
        for size in ["a4", "a5", "plaque"] {
            let texts = decode_all(gray(&out[&format!("posters/{id}-{size}.png")]));
            let url = format!("{BASE}Q/{id}/");
            assert!(
                texts.contains(&url),
                "{id}-{size}.png holds {texts:?}, not {url}"
            );
            decoded += 1;
        }
        assert!(
            out.contains_key(&format!("Q/{id}/index.html")),
            "the code of {id} leads nowhere"
        );
    }
    assert_eq!(decoded, 21);
}

#[test]
fn a_plaque_with_wifi_carries_a_second_code_that_joins_the_network() {
    let texts = decode_all(gray(&sample_output()["posters/DT04-plaque.png"]));
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(
        texts.contains(&"WIFI:T:WPA;S:LongThanh-DiTich;P:[mật khẩu];;".to_owned()),
        "{texts:?}"
    );
    let svg = String::from_utf8(sample_output()["posters/DT04-plaque.svg"].clone()).unwrap();
    assert!(svg.contains("Kết nối Wifi miễn phí"));
    // Posters hang indoors beside the relic's own plaque: only the plaque offers Wifi.
    assert_eq!(
        decode_all(gray(&sample_output()["posters/DT04-a4.png"])).len(),
        1
    );
}

/// Modules per side, with the quiet zone, of the plaque's code for `id`.
fn plaque_modules(id: &str) -> usize {
    Matrix::encode(&format!("{BASE}Q/{id}/"), ErrorCorrection::H)
        .unwrap()
        .size_with_quiet_zone()
}

#[test]
fn a_plaque_scans_at_three_pixels_per_module_with_blur() {
    for id in SAMPLE_IDS {
        let plaque = gray(&sample_output()[&format!("posters/{id}-plaque.png")]);
        // The plaque template draws the code 79 mm wide, quiet zone included, at 300 dpi.
        let pixels_per_module = 79.0 / plaque_modules(id) as f32 / 25.4 * 300.0;
        let scale = 3.0 / pixels_per_module;
        let small = image::imageops::resize(
            &plaque,
            (plaque.width() as f32 * scale).round() as u32,
            (plaque.height() as f32 * scale).round() as u32,
            image::imageops::FilterType::Triangle,
        );
        let blurred = image::imageops::blur(&small, 0.6);
        assert_eq!(
            decode_degraded(&blurred).as_deref(),
            Some(format!("{BASE}Q/{id}/").as_str()),
            "{id}"
        );
    }
}

/// A small, seeded generator, so that the weathering trials are the same on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// The code for `data` at 4 pixels per module with 3 × 3-module blots over 8 % of its modules,
/// away from the finder patterns, each dark (dirt) or light (faded paint) at random.
fn weathered(matrix: &Matrix, rng: &mut Lcg) -> GrayImage {
    const PX: usize = 4;
    let width = matrix.width;
    let mut modules: Vec<bool> = (0..width * width)
        .map(|i| matrix.is_dark(i % width, i / width))
        .collect();
    let in_finder =
        |x: usize, y: usize| (y < 9 && (x < 9 || x + 9 > width)) || (x < 9 && y + 9 > width);
    let blots = (width * width * 8).div_ceil(100 * 9);
    let mut placed = 0;
    while placed < blots {
        let (x, y) = (rng.below(width - 2), rng.below(width - 2));
        if (0..3).any(|d| in_finder(x + d, y) || in_finder(x, y + d) || in_finder(x + 2, y + 2)) {
            continue;
        }
        let dark = rng.below(2) == 0;
        for (dx, dy) in (0..3).flat_map(|dx| (0..3).map(move |dy| (dx, dy))) {
            modules[(y + dy) * width + x + dx] = dark;
        }
        placed += 1;
    }
    let side = (width + 2 * QUIET_ZONE) * PX;
    GrayImage::from_fn(side as u32, side as u32, |px, py| {
        let (mx, my) = (
            (px as usize / PX).wrapping_sub(QUIET_ZONE),
            (py as usize / PX).wrapping_sub(QUIET_ZONE),
        );
        let dark = mx < width && my < width && modules[my * width + mx];
        image::Luma([if dark { 0 } else { 255 }])
    })
}

#[test]
// The rates of both levels are worth reading in the log (`--nocapture`), not only H's bound.
#[allow(clippy::print_stderr)]
fn level_h_survives_eight_percent_of_weathering() {
    let url = format!("{BASE}Q/DT01/");
    let mut rates = Vec::new();
    for level in [ErrorCorrection::Q, ErrorCorrection::H] {
        let matrix = Matrix::encode(&url, level).unwrap();
        let mut rng = Lcg(2026);
        let decoded = (0..100)
            .filter(|_| {
                decode_degraded(&weathered(&matrix, &mut rng)).as_deref() == Some(url.as_str())
            })
            .count();
        rates.push((level, matrix.version, decoded));
    }
    eprintln!("decoded of 100 weathered codes: {rates:?}");
    let (_, _, h) = rates[1];
    assert!(h >= 80, "level H decoded {h} of 100");
}

/// Leaf nodes of a usvg tree in paint order, with their ids and bounding boxes in page units.
fn painted(group: &usvg::Group, out: &mut Vec<(String, usvg::Rect)>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => painted(g, out),
            other => {
                let b = other.abs_bounding_box();
                out.push((other.id().to_owned(), b));
            }
        }
    }
}

pub(crate) fn poster_fonts() -> std::sync::Arc<usvg::fontdb::Database> {
    let mut db = usvg::fontdb::Database::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/fonts");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ttf") {
            db.load_font_data(std::fs::read(path).unwrap());
        }
    }
    std::sync::Arc::new(db)
}

#[test]
fn nothing_is_drawn_inside_the_quiet_zone() {
    let options = usvg::Options {
        fontdb: poster_fonts(),
        ..usvg::Options::default()
    };
    let mut checked = 0;
    for (path, bytes) in sample_output()
        .iter()
        .filter(|(p, _)| p.starts_with("posters/") && p.ends_with(".svg"))
    {
        let tree = usvg::Tree::from_data(bytes, &options).unwrap();
        let mut nodes = Vec::new();
        painted(tree.root(), &mut nodes);
        let quiet_at = nodes
            .iter()
            .position(|(id, _)| id == "qr-quiet")
            .unwrap_or_else(|| panic!("{path} has no qr-quiet"));
        let quiet = nodes[quiet_at].1;
        let code = nodes.iter().find(|(id, _)| id == "qr").unwrap().1;
        // The quiet zone is at least four modules wide on every side.
        let id = &path["posters/".len()..path.find('-').unwrap()];
        let size = if path.contains("plaque") {
            ErrorCorrection::H
        } else {
            ErrorCorrection::Q
        };
        let matrix = Matrix::encode(&format!("{BASE}Q/{id}/"), size).unwrap();
        let module = code.width() / matrix.width as f32;
        for margin in [
            code.left() - quiet.left(),
            quiet.right() - code.right(),
            code.top() - quiet.top(),
            quiet.bottom() - code.bottom(),
        ] {
            assert!(
                margin >= 4.0 * module - 0.01,
                "{path}: quiet zone of {:.2} modules",
                margin / module
            );
        }
        for (id, bbox) in &nodes[quiet_at + 1..] {
            if id == "qr" {
                continue;
            }
            let overlaps = bbox.left() < quiet.right()
                && bbox.right() > quiet.left()
                && bbox.top() < quiet.bottom()
                && bbox.bottom() > quiet.top();
            assert!(
                !overlaps,
                "{path}: {id:?} at {bbox:?} is drawn over the quiet zone {quiet:?}"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 21);
}

pub(crate) fn poppler(tool: &str, args: &[&str]) -> String {
    let output = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (Debian package poppler-utils) is needed: {e}"));
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn pdfs_embed_the_font_and_keep_the_text_selectable() {
    if !crate::tools::available(
        "pdfs_embed_the_font_and_keep_the_text_selectable",
        "pdffonts",
        "poppler-utils",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in sample_output().iter().filter(|(p, _)| p.ends_with(".pdf")) {
        std::fs::write(dir.path().join(name.replace('/', "_")), bytes).unwrap();
    }
    let pdf = |name: &str| {
        dir.path()
            .join(format!("posters_{name}"))
            .to_string_lossy()
            .into_owned()
    };

    let fonts = poppler("pdffonts", &[&pdf("DT01-a4.pdf")]);
    let embedded: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| l.contains("BeVietnamPro"))
        .collect();
    assert!(
        embedded.len() >= 2,
        "regular and bold should be embedded:\n{fonts}"
    );
    assert!(
        embedded
            .iter()
            .all(|l| l.split_whitespace().rev().nth(4) == Some("yes")),
        "{fonts}"
    );

    let text = poppler("pdftotext", &[&pdf("DT01-a4.pdf"), "-"]);
    for expected in [
        "Nhà thờ họ Doãn",
        "DT01",
        "Quét mã để xem thuyết minh",
        "DI TÍCH KIẾN TRÚC NGHỆ THUẬT CẤP TỈNH",
    ] {
        assert!(
            text.contains(expected),
            "the PDF's text lacks {expected:?}:\n{text}"
        );
    }
    let info = poppler("pdfinfo", &[&pdf("all-plaque.pdf")]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.ends_with(" 7")),
        "{info}"
    );
}

#[test]
fn pngs_are_300_dpi_at_the_paper_size() {
    let out = sample_output();
    for (size, width, height) in [
        ("a4", 2480, 3508),
        ("a5", 1748, 2480),
        ("plaque", 1417, 945),
    ] {
        let png = &out[&format!("posters/DT01-{size}.png")];
        let decoder = png::Decoder::new(std::io::Cursor::new(png.as_slice()));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), (width, height), "{size}");
        let dims = info.pixel_dims.unwrap();
        assert_eq!(
            (dims.xppu, dims.unit),
            (11811, png::Unit::Meter),
            "300 dpi is 11811 pixels per metre"
        );
    }
}

#[test]
fn the_plaque_svg_matches_its_snapshot() {
    let project = Project::fixture("two-relics");
    project.build().success();
    insta::assert_snapshot!(
        "plaque_den_a",
        project.read("output/posters/DT01-plaque.svg")
    );
}

#[test]
fn the_font_covers_all_178_vietnamese_letters() {
    use unicode_normalization::UnicodeNormalization;
    let plain = "aăâbcdđeêghiklmnoôơpqrstuưvxy";
    let vowels = "aăâeêioôơuưy";
    let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut letters: Vec<char> = plain.chars().collect();
    for vowel in vowels.chars() {
        for tone in tones {
            letters.push(format!("{vowel}{tone}").nfc().next().unwrap());
        }
    }
    let upper: Vec<char> = letters.iter().flat_map(|c| c.to_uppercase()).collect();
    letters.extend(upper);
    letters.sort_unstable();
    letters.dedup();
    assert_eq!(letters.len(), 178);
    for font in ["BeVietnamPro-Regular.ttf", "BeVietnamPro-Bold.ttf"] {
        let data = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("themes/default/fonts")
                .join(font),
        )
        .unwrap();
        let face = ttf_parser::Face::parse(&data, 0).unwrap();
        let missing: String = letters
            .iter()
            .filter(|c| face.glyph_index(**c).is_none())
            .collect();
        assert!(missing.is_empty(), "{font} lacks {missing}");
    }
}

pub fn printed(project: &Project, args: &[&str]) -> Run {
    let mut command = project.command(&[&["posters"], args].concat());
    // 2026-11-29, so the ledger's dates are the same on every run.
    command.env("SOURCE_DATE_EPOCH", "1795910400");
    Run::from(command.output().unwrap())
}

#[test]
fn printing_records_each_code_once_in_the_ledger() {
    let project = Project::fixture("two-relics");
    printed(&project, &["dt01"])
        .success()
        .stderr_has(&["recorded DT01 in plaques.toml"]);
    let ledger = project.read("plaques.toml");
    assert!(ledger.contains("[[plaque]]\nid = \"DT01\"\nurl = \"https://EXAMPLE.GOV.VN/du-lich/Q/DT01/\"\nfirst_printed = 2026-11-29\n"), "{ledger}");
    assert!(!ledger.contains("id = \"DT02\""));

    printed(&project, &[])
        .success()
        .stderr_has(&["recorded DT02 in plaques.toml"]);
    printed(&project, &[])
        .success()
        .stderr_has(&["every code was already in plaques.toml"]);
    assert_eq!(
        project.read("plaques.toml").matches("[[plaque]]").count(),
        2
    );
}

#[test]
fn a_project_template_that_gives_broken_svg_fails_the_build_every_time() {
    let project = Project::fixture("two-relics");
    project.edit("site.toml", "[posters]", "[posters]\nsizes = [\"plaque\"]");
    project.build().success();
    let before = files(&project.output());
    project.write(
        "posters/plaque.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><g>{{ relic.name }}</svg>",
    );
    // Twice: a poster that failed leaves nothing in the cache for the next build to trust.
    for _ in 0..2 {
        project.build().failure().stderr_has(&[
            "error: poster DT01-plaque: the template plaque.svg does not give valid SVG",
            "error: poster DT02-plaque: the template plaque.svg does not give valid SVG",
        ]);
        assert_eq!(files(&project.output()), before);
    }
}

#[test]
fn printing_an_unknown_code_is_refused() {
    let project = Project::fixture("two-relics");
    printed(&project, &["DT09"])
        .failure()
        .stderr_has(&["no relic has the id DT09; the ids are DT01, DT02"]);
    assert!(!project.path("plaques.toml").exists());
}

#[test]
fn a_printed_code_whose_relic_is_gone_fails_the_build() {
    let project = Project::fixture("two-relics");
    printed(&project, &[]).success();
    let before = files(&project.output());
    std::fs::remove_dir_all(project.path("sites/chua-b")).unwrap();
    project.edit("sites/den-a/index.md", "Xem [Chùa B](@/chua-b).", "");
    project.edit("sites/den-a/index.en.md", "See [Pagoda B](@/chua-b).", "");
    project.build().failure().stderr_has(&[
        "plaques.toml:",
        "error: plaque DT02, printed on 2026-11-29, has no relic any more",
        "add `retired = true`",
    ]);
    assert_eq!(
        files(&project.output()),
        before,
        "the published site stays as it was"
    );
}

#[test]
fn a_retired_code_keeps_opening_the_relic_that_replaced_it() {
    let project = Project::fixture("two-relics");
    printed(&project, &[]).success();
    std::fs::remove_dir_all(project.path("sites/chua-b")).unwrap();
    project.edit("sites/den-a/index.md", "Xem [Chùa B](@/chua-b).", "");
    project.edit("sites/den-a/index.en.md", "See [Pagoda B](@/chua-b).", "");
    let ledger = project.read("plaques.toml") + "retired = true\nredirect = \"DT09\"\n";
    project.write("plaques.toml", &ledger);
    project
        .build()
        .failure()
        .stderr_has(&["error: retired plaque DT02 redirects to DT09, which is not a relic"]);

    project.write("plaques.toml", ledger.replace("DT09", "DT01"));
    project.build().success();
    for landing in ["Q/DT02/index.html", "q/dt02/index.html"] {
        let html = project.read(&format!("output/{landing}"));
        assert!(html.contains("url=../../den-a/"), "{landing}: {html}");
    }
}

#[test]
fn long_names_and_summaries_stay_inside_their_boxes() {
    let summary = "Nơi thờ các vị tổ có công khai hoang lập làng, đồng thời là nơi hội họp bí mật và cất giấu vũ khí trong những năm kháng chiến, được nhân dân gìn giữ.";
    // A name that must shrink; and one that just takes two lines under a two-line ranking.
    let cases = [
        (
            "Khu di tích lưu niệm các bậc tiền bối cách mạng và nhà thờ họ Nguyễn Đình ở xóm Giáp Ngói, xã Long Thành",
            "national",
            "[\"historical\"]",
        ),
        (
            "Đền thờ Đức Thánh Cả Long Thành",
            "special-national",
            "[\"historical\", \"architectural-artistic\"]",
        ),
    ];
    for (name, rank, types) in cases {
        let project = Project::fixture("two-relics");
        project.edit(
            "sites/den-a/index.md",
            "name = \"Đền A\"",
            &format!("name = \"{name}\""),
        );
        project.edit(
            "sites/den-a/index.md",
            "summary = \"Một ngôi đền để thử.\"",
            &format!("summary = \"{summary}\""),
        );
        project.edit(
            "sites/den-a/index.md",
            "rank = \"national\"",
            &format!("rank = \"{rank}\""),
        );
        project.edit(
            "sites/den-a/index.md",
            "types = [\"historical\"]",
            &format!("types = {types}"),
        );
        project.build().success();
        texts_stay_apart(&project);
    }
}

fn texts_stay_apart(project: &Project) {
    let options = usvg::Options {
        fontdb: poster_fonts(),
        ..usvg::Options::default()
    };
    for size in ["a4", "a5", "plaque"] {
        let svg = project.read(&format!("output/posters/DT01-{size}.svg"));
        let tree = usvg::Tree::from_str(&svg, &options).unwrap();
        let page = tree.size();
        let mut texts = Vec::new();
        collect_texts(tree.root(), &mut texts);
        assert!(texts.len() > 8, "{size}: only {} texts", texts.len());
        for (i, a) in texts.iter().enumerate() {
            assert!(
                a.left() >= 0.0
                    && a.top() >= 0.0
                    && a.right() <= page.width()
                    && a.bottom() <= page.height(),
                "{size}: text at {a:?} leaves the page"
            );
            for b in &texts[i + 1..] {
                let overlap = a.left() < b.right()
                    && b.left() < a.right()
                    && a.top() < b.bottom()
                    && b.top() < a.bottom();
                assert!(!overlap, "{size}: texts at {a:?} and {b:?} overlap");
            }
        }
    }
}

fn collect_texts(group: &usvg::Group, out: &mut Vec<usvg::Rect>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect_texts(g, out),
            // The glyphs' ink, not the line box: lines may share leading, never ink.
            usvg::Node::Text(text) => out.push(text.flattened().abs_bounding_box()),
            _ => {}
        }
    }
}

#[test]
fn a_size_named_twice_is_made_once() {
    let project = Project::fixture("two-relics");
    project.edit(
        "site.toml",
        "[posters]",
        "[posters]\nsizes = [\"a4\", \"plaque\", \"a4\"]",
    );
    // Two relics, two sizes, SVG only.
    project
        .build()
        .success()
        .stderr_has(&["built 2 relics: 15 pages and 4 print files"]);
}

#[test]
fn two_fresh_copies_print_the_same_bytes() {
    // Each copy builds with its own empty cache: nothing is shared or linked between them.
    let build = || {
        let project = Project::fixture("two-relics");
        project.edit(
            "site.toml",
            "formats = [\"svg\"]",
            "formats = [\"pdf\", \"png\", \"svg\"]\nsizes = [\"plaque\", \"a5\"]",
        );
        project.build().success();
        files(&project.output().join("posters"))
    };
    let (first, second) = (build(), build());
    assert!(first.keys().any(|p| p.ends_with(".pdf")) && first.keys().any(|p| p.ends_with(".png")));
    for (path, bytes) in &first {
        assert!(
            second.get(path) == Some(bytes),
            "{path} differs between two builds"
        );
    }
    assert_eq!(first.len(), second.len());
}

/// The width of the code a poster's SVG draws, from finder pattern to finder pattern, and the
/// side of its modules, in millimetres on a poster `width_mm` wide; the code holds `payload`.
fn printed_code(svg: &[u8], width_mm: f32, payload: &str, level: ErrorCorrection) -> (f32, f32) {
    let options = usvg::Options {
        fontdb: poster_fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(svg, &options).unwrap();
    let code = tree.node_by_id("qr").expect("no id=\"qr\" path");
    let width = code.abs_bounding_box().width() * width_mm / tree.size().width();
    let modules = Matrix::encode(payload, level).unwrap().width;
    (width, width / modules as f32)
}

#[test]
fn the_plaque_gives_its_code_65_mm_in_modules_of_1_6_mm() {
    for id in SAMPLE_IDS {
        let svg = &sample_output()[&format!("posters/{id}-plaque.svg")];
        let payload = format!("{BASE}Q/{id}/");
        let (code, module) = printed_code(svg, 120.0, &payload, ErrorCorrection::H);
        assert!(
            code >= 65.0 && module >= 1.6,
            "{id}: a code of {code:.1} mm in modules of {module:.2} mm"
        );
    }
}

/// The print files' table of the posters page: for each relic and size, what its QR column
/// says.
fn qr_column(page: &str) -> BTreeMap<(String, String), String> {
    let html = scraper::Html::parse_document(page);
    let rows = scraper::Selector::parse("table tbody tr").unwrap();
    let cells = scraper::Selector::parse("td").unwrap();
    let code = scraper::Selector::parse("span.code").unwrap();
    html.select(&rows)
        .filter_map(|row| {
            let id = row.select(&code).next()?.text().collect::<String>();
            let texts: Vec<String> = row.select(&cells).map(|c| c.text().collect()).collect();
            Some(((id, texts[1].to_lowercase()), texts[2].clone()))
        })
        .collect()
}

/// `value` with `places` decimals at most, and a decimal comma, as Vietnamese writes it.
fn vietnamese(value: f32, places: i32) -> String {
    let scale = 10f64.powi(places);
    let rounded = (f64::from(value) * scale).round() / scale;
    rounded.to_string().replace('.', ",")
}

#[test]
fn the_posters_page_says_how_big_each_code_prints_and_how_far_it_scans() {
    let out = sample_output();
    let page = String::from_utf8(out["posters/index.html"].clone()).unwrap();
    let column = qr_column(&page);
    assert_eq!(column.len(), 21, "{column:?}");
    for id in SAMPLE_IDS {
        for (size, width_mm, level) in [
            ("a4", 210.0, ErrorCorrection::Q),
            ("a5", 148.0, ErrorCorrection::Q),
            ("plaque", 120.0, ErrorCorrection::H),
        ] {
            let svg = &out[&format!("posters/{id}-{size}.svg")];
            let (code, module) = printed_code(svg, width_mm, &format!("{BASE}Q/{id}/"), level);
            // A phone reads a code from about ten times its width.
            let expected = format!(
                "mã {} mm, ô {} mm, quét được từ khoảng {} m",
                code.round(),
                vietnamese(module, 2),
                vietnamese(code * 10.0 / 1000.0, 1)
            );
            let said = &column[&(id.to_owned(), size.to_owned())];
            assert!(
                said.contains(&expected),
                "{id}-{size}: {said:?}, not {expected:?}"
            );
        }
    }
    // What to tell the print shop, and the test print before ordering the seven plaques.
    for expected in [
        "120 × 80 mm",
        "Tràn lề 3 mm mỗi cạnh",
        "dấu cắt",
        "khắc laser trên inox",
        "bề mặt mờ",
        "mức sửa lỗi H",
        "Quét mã từ khoảng 1 m",
        "cả 7 biển",
    ] {
        assert!(
            page.contains(expected),
            "the posters page lacks {expected:?}"
        );
    }
}

/// The QR version the posters page gives DT01's plaque.
fn plaque_version(page: &[u8]) -> u32 {
    let column = qr_column(std::str::from_utf8(page).unwrap());
    let said = &column[&("DT01".to_owned(), "plaque".to_owned())];
    said.trim_start_matches('v')
        .split(',')
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no version in {said:?}"))
}

/// The words of a poster's SVG, each text element as written.
fn words(svg: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(svg)
        .lines()
        .filter(|l| l.starts_with("<text"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_short_qr_base_url_goes_into_the_codes_and_nowhere_else() {
    let project = Project::sample();
    project.edit(
        "site.toml",
        "sizes = [\"a4\", \"a5\", \"plaque\"]",
        "sizes = [\"plaque\"]\nqr_base_url = \"https://lt.vn/\"",
    );
    project.build().success();
    let short = files(&project.output());
    let long = sample_output();

    assert_eq!(
        decode_all(gray(&short["posters/DT01-plaque.png"])),
        ["https://LT.VN/Q/DT01/"]
    );
    let (short_version, long_version) = (
        plaque_version(&short["posters/index.html"]),
        plaque_version(&long["posters/index.html"]),
    );
    assert!(
        short_version < long_version,
        "version {short_version} with the short address, {long_version} without"
    );
    let page = String::from_utf8_lossy(&short["posters/index.html"]);
    assert!(
        page.contains("https://LT.VN/Q/DT01/"),
        "the posters page does not say what the codes hold"
    );
    // The address typed from under the code, like every word of the plaque, stays on base_url.
    assert_eq!(
        words(&short["posters/DT01-plaque.svg"]),
        words(&long["posters/DT01-plaque.svg"])
    );
    // So do the pages: only the print files and the kiosk's codes change (and the build's list
    // of what it wrote, keyed by site.toml's bytes).
    for (path, bytes) in &short {
        if !["posters/", "kiosk/", ".ditich-files"]
            .iter()
            .any(|changes| path.starts_with(changes))
        {
            assert!(long.get(path) == Some(bytes), "{path} changed");
        }
    }
}

#[test]
fn a_qr_base_url_that_is_not_a_web_address_stops_the_build_in_both_languages() {
    let project = Project::fixture("two-relics");
    project.build().success();
    let before = files(&project.output());
    for value in ["lt.vn", "ftp://lt.vn/"] {
        let site = project.read("site.toml");
        project.edit(
            "site.toml",
            "formats = [\"svg\"]",
            &format!("formats = [\"svg\"]\nqr_base_url = \"{value}\""),
        );
        project.build().failure().stderr_has(&[
            &format!("site.toml:17:15: error: `qr_base_url` \"{value}\" is not a web address"),
            "= help: give the full short address that forwards to the guide, e.g. write qr_base_url = \"https://lt.vn/\"",
        ]);
        let run = project
            .command(&["build"])
            .env("LC_ALL", "vi_VN.UTF-8")
            .output()
            .unwrap();
        Run::from(run).failure().stderr_has(&[
            &format!("`qr_base_url` \"{value}\" không phải một địa chỉ web"),
            "ví dụ viết qr_base_url = \"https://lt.vn/\"",
        ]);
        assert_eq!(
            files(&project.output()),
            before,
            "the published site stays as it was"
        );
        project.write("site.toml", site);
    }
}
