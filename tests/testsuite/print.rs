//! The print shop's PDF: a TrimBox at the finished size, a BleedBox 3 mm past it, crop marks in
//! 100 % K beyond the bleed, codes in 100 % K that still scan; and text and codes that keep 5 mm
//! inside the trim, however long a relic's name. Imposed sheets hold every poster once, with
//! shared marks that cross no poster.

use crate::posters::{SAMPLE_IDS, decode_all, gray, poppler, poster_fonts, sample_output};
use crate::project::Project;

const BASE: &str = "https://LONGTHANH.YENTHANH.NGHEAN.GOV.VN/du-lich/";
const POINTS_PER_MM: f32 = 72.0 / 25.4;
/// The default bleed.
const BLEED_MM: f32 = 3.0;
/// How far inside the trim text and codes keep.
const SAFE_MM: f32 = 5.0;

/// The posters' finished size in millimetres, by the name of their print file: `DT01-a4.pdf`,
/// `all-a4.pdf`, or the imposed sheet `sheet-a4-sra3.pdf`.
fn finished(name: &str) -> (f32, f32) {
    let stem = name.trim_end_matches(".pdf");
    let size = match stem.strip_prefix("sheet-") {
        Some(sheet) => sheet.rsplit_once('-').unwrap().0,
        None => stem.split_once('-').unwrap().1,
    };
    match size {
        "a4" => (210.0, 297.0),
        "a5" => (148.0, 210.0),
        "plaque" | "plaque-mono" => (120.0, 80.0),
        other => panic!("no size {other}"),
    }
}

/// The sample's print PDFs, by their path in the output.
fn sample_pdfs() -> impl Iterator<Item = (&'static String, &'static Vec<u8>)> {
    sample_output()
        .iter()
        .filter(|(p, _)| p.starts_with("posters/") && p.ends_with(".pdf"))
}

/// What the codes on the first page of `pdf` hold, rendered at 150 dpi beside it.
fn decoded(pdf: &std::path::Path) -> Vec<String> {
    let png = pdf.with_extension("");
    poppler(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            "-singlefile",
            &pdf.to_string_lossy(),
            &png.to_string_lossy(),
        ],
    );
    decode_all(gray(&std::fs::read(png.with_extension("png")).unwrap()))
}

/// `[left, bottom, right, top]` of each page's `box` (`MediaBox`, `BleedBox`, `TrimBox`).
fn boxes(info: &str, name: &str) -> Vec<[f32; 4]> {
    info.lines()
        .filter(|l| l.starts_with("Page") && l.contains(&format!(" {name}:")))
        .map(|l| {
            let numbers: Vec<f32> = l
                .split_once(&format!("{name}:"))
                .unwrap()
                .1
                .split_whitespace()
                .map(|n| n.parse().unwrap())
                .collect();
            numbers.try_into().unwrap()
        })
        .collect()
}

fn print_files(dir: &std::path::Path) -> Vec<(String, std::path::PathBuf)> {
    sample_pdfs()
        .map(|(p, bytes)| {
            let path = dir.join(p.replace('/', "_"));
            std::fs::write(&path, bytes).unwrap();
            (p["posters/".len()..].to_owned(), path)
        })
        .collect()
}

#[test]
fn every_print_pdf_has_its_trim_its_bleed_and_room_for_marks() {
    let test = "every_print_pdf_has_its_trim_its_bleed_and_room_for_marks";
    if !crate::tools::available(test, "pdfinfo", "poppler-utils") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let files = print_files(dir.path());
    assert_eq!(
        files.len(),
        24 + 4,
        "7 relics and a book, at 3 sizes; and 4 imposed sheets"
    );
    // An imposed sheet's page is the paper; its boxes are checked with its layout below.
    for (name, path) in files.into_iter().filter(|(n, _)| !n.starts_with("sheet-")) {
        let info = poppler(
            "pdfinfo",
            &["-box", "-f", "1", "-l", "99", &path.to_string_lossy()],
        );
        let (width, height) = finished(&name);
        let (trims, bleeds, medias) = (
            boxes(&info, "TrimBox"),
            boxes(&info, "BleedBox"),
            boxes(&info, "MediaBox"),
        );
        assert!(!trims.is_empty(), "{name} has no TrimBox:\n{info}");
        assert_eq!(trims.len(), bleeds.len(), "{name}:\n{info}");
        for ((trim, bleed), media) in trims.iter().zip(&bleeds).zip(&medias) {
            let close = |a: f32, b: f32| (a - b).abs() < 0.02;
            assert!(
                close(trim[2] - trim[0], width * POINTS_PER_MM)
                    && close(trim[3] - trim[1], height * POINTS_PER_MM),
                "{name}: the TrimBox {trim:?} is not {width} × {height} mm"
            );
            let out = BLEED_MM * POINTS_PER_MM;
            for (side, (b, t)) in bleed.iter().zip(trim).enumerate() {
                let past = if side < 2 { t - b } else { b - t };
                assert!(
                    close(past, out),
                    "{name}: the bleed {bleed:?} is not 3 mm past {trim:?}"
                );
            }
            // Crop marks need a few millimetres beyond the bleed on every side.
            for (side, (m, b)) in media.iter().zip(bleed).enumerate() {
                let room = if side < 2 { b - m } else { m - b };
                assert!(
                    room >= 5.0 * POINTS_PER_MM,
                    "{name}: the MediaBox {media:?} leaves no room for marks around {bleed:?}"
                );
            }
        }
    }
}

/// Every page's description in `pdf`, inflated.
fn content_streams(pdf: &[u8]) -> Vec<String> {
    let document = lopdf::Document::load_mem(pdf).unwrap();
    document
        .get_pages()
        .values()
        .map(|&page| String::from_utf8_lossy(&document.get_page_content(page)).into_owned())
        .collect()
}

/// The operators that set a colour, with their operands, in the order each page draws.
fn colour_operations(pdf: &[u8]) -> Vec<(String, Vec<f32>)> {
    let document = lopdf::Document::load_mem(pdf).unwrap();
    let mut found = Vec::new();
    for &page in document.get_pages().values() {
        let content = document.get_and_decode_page_content(page).unwrap();
        for operation in content.operations {
            if matches!(
                operation.operator.as_str(),
                "rg" | "RG" | "g" | "G" | "k" | "K" | "cs" | "CS" | "sc" | "SC" | "scn" | "SCN"
            ) {
                let operands = operation
                    .operands
                    .iter()
                    .filter_map(|o| o.as_float().ok())
                    .collect();
                found.push((operation.operator, operands));
            }
        }
        // Drawings kept apart from the page (forms, patterns) would hide their colours here.
        let resources = document.get_page_resources(page).unwrap();
        let xobjects = resources
            .0
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| x.as_dict().ok())
            .map_or(0, |x| x.len());
        assert_eq!(xobjects, 0, "a page draws through XObjects");
    }
    found
}

#[test]
fn print_pdfs_are_drawn_in_cmyk_alone() {
    for (name, bytes) in sample_pdfs() {
        let colours = colour_operations(bytes);
        assert!(!colours.is_empty(), "{name}: no colour at all");
        for (operator, operands) in &colours {
            assert!(
                matches!(operator.as_str(), "k" | "K") && operands.len() == 4,
                "{name}: {operator} {operands:?} is not a CMYK colour"
            );
        }
    }
}

#[test]
fn black_text_is_black_ink_alone() {
    let document = lopdf::Document::load_mem(&sample_output()["posters/DT01-plaque.pdf"]).unwrap();
    let page = *document.get_pages().values().next().unwrap();
    let content = document.get_and_decode_page_content(page).unwrap();
    let mut fill = Vec::new();
    let mut shown = Vec::new();
    for operation in content.operations {
        match operation.operator.as_str() {
            "k" => {
                fill = operation
                    .operands
                    .iter()
                    .map(|o| o.as_float().unwrap())
                    .collect()
            }
            "Tj" | "TJ" => shown.push(fill.clone()),
            _ => {}
        }
    }
    let black = shown.iter().filter(|f| **f == [0.0, 0.0, 0.0, 1.0]).count();
    // The relic's name, the scan line and the typed address, at least, are body text.
    assert!(
        black >= 10,
        "only {black} of {} glyphs in 0 0 0 1 k",
        shown.len()
    );
    assert!(
        shown.iter().all(|f| f.len() == 4),
        "text filled in something else than CMYK"
    );
}

#[test]
fn crop_marks_are_hairlines_in_black_ink_only() {
    for (name, bytes) in sample_pdfs() {
        let streams = content_streams(bytes);
        assert!(
            streams
                .iter()
                .any(|s| s.contains("0.25 w") && s.contains("0 0 0 1 K")),
            "{name}: no 0.25 pt marks stroked in 0 0 0 1 K"
        );
    }
}

#[test]
fn codes_are_printed_in_black_ink_alone() {
    for (name, bytes) in sample_pdfs() {
        // Every code's top left finder pattern starts at module 4, past the quiet zone.
        let codes: usize = content_streams(bytes)
            .iter()
            .map(|s| s.matches("0 0 0 1 k 4 4 m").count())
            .sum();
        let expected = match name.as_str() {
            "posters/all-plaque.pdf" => 7 + 1,
            n if n.starts_with("posters/sheet-plaque-") => 7 + 1,
            "posters/DT04-plaque.pdf" => 2,
            n if n.starts_with("posters/all-") || n.starts_with("posters/sheet-") => 7,
            _ => 1,
        };
        assert_eq!(
            codes, expected,
            "{name}: {codes} codes filled with 0 0 0 1 k"
        );
    }
}

#[test]
fn the_print_pdfs_still_scan() {
    let test = "the_print_pdfs_still_scan";
    if !crate::tools::available(test, "pdftoppm", "poppler-utils") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (id, size) in [
        ("DT01", "plaque"),
        ("DT04", "plaque"),
        ("DT02", "a4"),
        ("DT03", "a5"),
    ] {
        let pdf = dir.path().join(format!("{id}-{size}.pdf"));
        std::fs::write(&pdf, &sample_output()[&format!("posters/{id}-{size}.pdf")]).unwrap();
        let texts = decoded(&pdf);
        assert!(
            texts.contains(&format!("{BASE}Q/{id}/")),
            "{id}-{size}: the print PDF decodes to {texts:?}"
        );
    }
}

/// The ink of every text and the dark modules of every code, in the canvas's units (the
/// `width` and `height` of the SVG, in CSS pixels), and the canvas's width.
fn inked(svg: &str) -> (Vec<usvg::Rect>, f32) {
    let options = usvg::Options {
        fontdb: poster_fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).unwrap();
    let mut rects = Vec::new();
    ink(tree.root(), &mut rects);
    (rects, tree.size().width())
}

fn ink(group: &usvg::Group, out: &mut Vec<usvg::Rect>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => ink(g, out),
            // A flattened text's box is in the text's own units: it is placed by its transform.
            usvg::Node::Text(text) => out.push(
                text.flattened()
                    .bounding_box()
                    .transform(text.abs_transform())
                    .unwrap(),
            ),
            usvg::Node::Path(p) if p.id() == "qr" || p.id() == "wifi-qr" => {
                out.push(p.abs_bounding_box());
            }
            _ => {}
        }
    }
}

#[test]
fn text_and_codes_keep_five_millimetres_inside_the_trim() {
    let long = "Khu di tích lưu niệm các bậc tiền bối cách mạng và nhà thờ họ Nguyễn Đình ở xóm Giáp Ngói, xã Long Thành";
    let summary = "Nơi thờ các vị tổ có công khai hoang lập làng, đồng thời là nơi hội họp bí mật và cất giấu vũ khí trong những năm kháng chiến, được nhân dân gìn giữ.";
    let project = Project::fixture("two-relics");
    project.edit(
        "sites/den-a/index.md",
        "name = \"Đền A\"",
        &format!("name = \"{long}\""),
    );
    project.edit(
        "sites/den-a/index.md",
        "summary = \"Một ngôi đền để thử.\"",
        &format!("summary = \"{summary}\""),
    );
    project.build().success();
    let mut checked = 0;
    for (size, (width_mm, height_mm)) in [
        ("a4", (210.0, 297.0)),
        ("a5", (148.0, 210.0)),
        ("plaque", (120.0, 80.0)),
    ] {
        let (rects, width) = inked(&project.read(&format!("output/posters/DT01-{size}.svg")));
        let mm = width_mm / width;
        for r in rects {
            let (left, top) = (r.left() * mm, r.top() * mm);
            let (right, bottom) = (width_mm - r.right() * mm, height_mm - r.bottom() * mm);
            assert!(
                [left, top, right, bottom].iter().all(|&m| m >= SAFE_MM),
                "{size}: ink at {left:.1}, {top:.1} mm from the left and top, {right:.1}, {bottom:.1} mm from the right and bottom"
            );
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} texts and codes");
}

/// `[posters]` settings for a fixture's print PDF of the plaque alone.
const PLAQUE_PDF_ONLY: &str = "formats = [\"pdf\"]\nsizes = [\"plaque\"]";

/// The default theme's plaque template, for a project to change.
fn default_plaque() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/posters/plaque.svg"),
    )
    .unwrap()
}

#[test]
fn a_template_colour_without_an_ink_stops_the_build_by_name() {
    let project = Project::fixture("two-relics");
    project.edit("site.toml", "formats = [\"svg\"]", PLAQUE_PDF_ONLY);
    project.build().success();
    let before = crate::project::files(&project.output());
    project.write(
        "posters/plaque.svg",
        default_plaque().replacen("#8a1c12", "#123456", 1),
    );
    project.build().failure().stderr_has(&[
        "error: poster DT01-plaque: the template uses the colour #123456, which \
         (built-in theme)/posters/inks.toml gives no CMYK ink",
        "add the line \"#123456\" = [C, M, Y, K]",
    ]);
    assert_eq!(crate::project::files(&project.output()), before);
}

#[test]
fn a_project_inks_file_replaces_the_theme_s_and_is_checked() {
    let project = Project::fixture("two-relics");
    project.edit("site.toml", "formats = [\"svg\"]", PLAQUE_PDF_ONLY);
    project.build().success();
    let before = crate::project::files(&project.output());
    let inks = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/posters/inks.toml"),
    )
    .unwrap();

    project.write("posters/inks.toml", inks.replace("\"#8a1c12\"", "\"red\""));
    project.build().failure().stderr_has(&[
        "error: posters/inks.toml: `red` is not a colour written #rrggbb",
        "for example \"#8a1c12\" = [0, 80, 87, 46]",
    ]);
    assert_eq!(crate::project::files(&project.output()), before);

    project.write(
        "posters/inks.toml",
        inks.replace("[0, 80, 87, 46]", "[0, 80, 87, 146]"),
    );
    project
        .build()
        .failure()
        .stderr_has(&["posters/inks.toml:", "each ink is a percentage, 0 to 100"]);
    assert_eq!(crate::project::files(&project.output()), before);

    // A red of the project's own press goes into the print file as given.
    project.write(
        "posters/inks.toml",
        inks.replace("[0, 80, 87, 46]", "[10, 100, 100, 20]"),
    );
    project.build().success();
    let colours = colour_operations(
        &std::fs::read(project.output().join("posters/DT01-plaque.pdf")).unwrap(),
    );
    assert!(
        colours.iter().any(|(op, v)| op == "k"
            && *v == [0.1, 1.0, 1.0, 0.2].map(|p: f32| (p * 255.0).floor() / 255.0)),
        "{colours:?}"
    );
}

/// An imposed sheet's paper in millimetres, portrait, by its file name: `sheet-a4-sra3.pdf`.
fn paper(name: &str) -> (f32, f32) {
    match name.trim_end_matches(".pdf").rsplit('-').next().unwrap() {
        "a3" => (297.0, 420.0),
        "sra3" => (320.0, 450.0),
        other => panic!("no paper {other}"),
    }
}

/// A crop mark's ends, `[x0, y0, x1, y1]` in millimetres from the page's top left corner.
type Segment = [f32; 4];

/// The hairlines stroked in 0 0 0 1 K at 0.25 pt on a page `height_pt` high.
fn hairlines(stream: &str, height_pt: f32) -> Vec<Segment> {
    let start = stream
        .find("0 0 0 1 K 0.25 w")
        .expect("no hairlines in black ink");
    // krilla draws from the top left corner: the marks follow a flip of the page.
    let flip = stream[..start]
        .trim_end()
        .strip_suffix("cm")
        .unwrap()
        .trim_end();
    let (matrix, shift) = flip.rsplit_once(' ').unwrap();
    assert!(
        matrix.ends_with("1 0 0 -1 0") && (shift.parse::<f32>().unwrap() - height_pt).abs() < 0.01,
        "the marks are not drawn from the top of a page {height_pt} pt high, but after {shift} cm"
    );
    let mm = |token: &str| token.parse::<f32>().unwrap() / POINTS_PER_MM;
    let tokens: Vec<&str> = stream[start + "0 0 0 1 K 0.25 w".len()..]
        .split_whitespace()
        .take_while(|&op| op != "S")
        .collect();
    let mut segments = Vec::new();
    let mut from = (0.0, 0.0);
    for op in tokens.chunks(3) {
        match op {
            [x, y, "m"] => from = (mm(x), mm(y)),
            [x, y, "l"] => segments.push([from.0, from.1, mm(x), mm(y)]),
            other => panic!("a mark is not a line: {other:?}"),
        }
    }
    segments
}

/// The trim lines the marks stand on, across one direction: each distinct position once.
fn cuts(positions: impl Iterator<Item = f32>) -> Vec<f32> {
    let mut cuts: Vec<f32> = positions.collect();
    cuts.sort_by(f32::total_cmp);
    cuts.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    cuts
}

/// Each poster's trim edges across one direction, from the cuts: pairs `size` apart, two
/// bleeds between a poster and the next.
fn trims(cuts: &[f32], size: f32, name: &str) -> Vec<(f32, f32)> {
    assert_eq!(cuts.len() % 2, 0, "{name}: cuts {cuts:?} do not pair up");
    let trims: Vec<(f32, f32)> = cuts.chunks(2).map(|c| (c[0], c[1])).collect();
    for (i, (start, end)) in trims.iter().enumerate() {
        assert!(
            (end - start - size).abs() < 0.01,
            "{name}: cuts {start} and {end} are not {size} mm apart"
        );
        if let Some((next, _)) = trims.get(i + 1) {
            assert!(
                (next - end - 2.0 * BLEED_MM).abs() < 0.01,
                "{name}: the posters' bleeds do not abut between {end} and {next}"
            );
        }
    }
    trims
}

#[test]
fn imposed_sheets_hold_every_poster_once_between_shared_marks() {
    let test = "imposed_sheets_hold_every_poster_once_between_shared_marks";
    if !crate::tools::available(test, "pdftoppm", "poppler-utils") {
        return;
    }
    let sheets: Vec<&str> = sample_output()
        .keys()
        .filter(|p| p.starts_with("posters/sheet-"))
        .map(String::as_str)
        .collect();
    // An A4 poster with its bleed fits once on either paper: it gets no sheet.
    assert_eq!(
        sheets,
        [
            "posters/sheet-a5-a3.pdf",
            "posters/sheet-a5-sra3.pdf",
            "posters/sheet-plaque-a3.pdf",
            "posters/sheet-plaque-sra3.pdf"
        ]
    );
    let dir = tempfile::tempdir().unwrap();
    // Nine plaques, 3 × 3 on the sheet turned; two A5 side by side, the sample's 7 on 4 sheets.
    for (name, up, pages) in [
        ("sheet-plaque-a3.pdf", 9, 1),
        ("sheet-plaque-sra3.pdf", 9, 1),
        ("sheet-a5-a3.pdf", 2, 4),
        ("sheet-a5-sra3.pdf", 2, 4),
    ] {
        let bytes = &sample_output()[&format!("posters/{name}")];
        let pdf = dir.path().join(name);
        std::fs::write(&pdf, bytes).unwrap();
        let pdf = pdf.to_string_lossy().into_owned();
        let info = poppler("pdfinfo", &["-box", "-f", "1", "-l", "99", &pdf]);
        assert!(
            info.lines()
                .any(|l| l.starts_with("Pages:") && l.ends_with(&format!(" {pages}"))),
            "{name}: not {pages} pages:\n{info}"
        );
        let (short, long) = paper(name);
        let (medias, trims_boxes) = (boxes(&info, "MediaBox"), boxes(&info, "TrimBox"));
        assert_eq!(medias.len(), pages, "{name}:\n{info}");
        for (media, trim) in medias.iter().zip(&trims_boxes) {
            let size = [media[2] - media[0], media[3] - media[1]].map(|pt| pt / POINTS_PER_MM);
            let turned = [long, short];
            assert!(
                size.iter().zip(turned).all(|(a, b)| (a - b).abs() < 0.02),
                "{name}: the MediaBox {media:?} is not the paper turned, {long} × {short} mm"
            );
            assert_eq!(media, trim, "{name}: the TrimBox is not the paper");
        }

        let (width, height) = finished(name);
        let streams = content_streams(bytes);
        assert_eq!(streams.len(), pages, "{name}: a page description per sheet");
        let marks = hairlines(&streams[0], short * POINTS_PER_MM);
        let vertical = marks.iter().filter(|m| (m[0] - m[2]).abs() < 0.01);
        let horizontal = marks.iter().filter(|m| (m[1] - m[3]).abs() < 0.01);
        let columns = trims(&cuts(vertical.clone().map(|m| m[0])), width, name);
        let rows = trims(&cuts(horizontal.clone().map(|m| m[1])), height, name);
        assert_eq!(
            columns.len() * rows.len(),
            up,
            "{name}: {columns:?} by {rows:?}"
        );
        // One mark at each end of every cut.
        assert_eq!(vertical.count(), 2 * 2 * columns.len(), "{name}");
        assert_eq!(horizontal.count(), 2 * 2 * rows.len(), "{name}");
        for mark in &marks {
            let [x0, y0, x1, y1] = *mark;
            let (left, right, top, bottom) = (x0.min(x1), x0.max(x1), y0.min(y1), y0.max(y1));
            assert!(
                left >= 10.0 && top >= 10.0 && right <= long - 10.0 && bottom <= short - 10.0,
                "{name}: the mark {mark:?} is in the gripper's 10 mm"
            );
            for (x, y) in columns
                .iter()
                .flat_map(|&x| rows.iter().map(move |&y| (x, y)))
            {
                let crosses = left < x.1 + BLEED_MM
                    && right > x.0 - BLEED_MM
                    && top < y.1 + BLEED_MM
                    && bottom > y.0 - BLEED_MM;
                assert!(
                    !crosses,
                    "{name}: the mark {mark:?} runs over the bleed of the poster at {x:?}, {y:?}"
                );
            }
        }

        // Every relic's code once, each inside the trim the marks give its place.
        let dpi = 150.0;
        let render = dir.path().join(name.trim_end_matches(".pdf"));
        poppler(
            "pdftoppm",
            &["-r", "150", "-png", &pdf, &render.to_string_lossy()],
        );
        let mut found = Vec::new();
        for page in 1..=pages {
            let png = format!("{}-{page}.png", render.to_string_lossy());
            let image = gray(&std::fs::read(&png).unwrap());
            let px = |mm: f32| (mm / 25.4 * dpi).round() as u32;
            for y in &rows {
                for x in &columns {
                    let cell = image::imageops::crop_imm(
                        &image,
                        px(x.0),
                        px(y.0),
                        px(x.1 - x.0),
                        px(y.1 - y.0),
                    );
                    found.extend(decode_all(cell.to_image()));
                }
            }
        }
        for id in SAMPLE_IDS {
            let url = format!("{BASE}Q/{id}/");
            assert_eq!(
                found.iter().filter(|t| **t == url).count(),
                1,
                "{name}: {url} among {found:?}"
            );
        }
        let wifi = usize::from(name.starts_with("sheet-plaque-"));
        assert_eq!(found.len(), SAMPLE_IDS.len() + wifi, "{name}: {found:?}");
    }
}

#[test]
fn the_posters_page_says_what_each_sheet_holds() {
    let page = String::from_utf8(sample_output()["posters/index.html"].clone()).unwrap();
    for line in [
        "<a href=\"sheet-plaque-a3.pdf\">sheet-plaque-a3.pdf</a>: 9 biển trên một tờ A3, cả bộ 1 tờ A3",
        "<a href=\"sheet-a5-sra3.pdf\">sheet-a5-sra3.pdf</a>: 2 áp phích A5 trên một tờ SRA3, cả bộ 4 tờ SRA3",
    ] {
        assert!(
            page.contains(line),
            "the posters page lacks {line:?}:\n{page}"
        );
    }
    assert!(!page.contains("sheet-a4-"), "{page}");
}

#[test]
fn the_one_colour_plate_is_black_ink_on_paper_and_scans() {
    let test = "the_one_colour_plate_is_black_ink_on_paper_and_scans";
    if !crate::tools::available(test, "pdftoppm", "poppler-utils") {
        return;
    }
    let project = Project::fixture("two-relics");
    project.edit(
        "site.toml",
        "formats = [\"svg\"]",
        "formats = [\"pdf\", \"svg\"]\nsizes = [\"plaque-mono\"]",
    );
    project.build().success();
    let pdf = project.output().join("posters/DT01-plaque-mono.pdf");
    let colours = colour_operations(&std::fs::read(&pdf).unwrap());
    for (operator, value) in &colours {
        assert!(
            matches!(operator.as_str(), "k" | "K")
                && (*value == [0.0, 0.0, 0.0, 1.0] || *value == [0.0, 0.0, 0.0, 0.0]),
            "{operator} {value:?} is not black ink or paper"
        );
    }
    let svg = project.read("output/posters/DT01-plaque-mono.svg");
    assert!(!svg.contains("<image"), "the plate holds a photo");

    let texts = decoded(&pdf);
    assert!(
        texts.iter().any(|t| t.ends_with("/Q/DT01/")),
        "the plate decodes to {texts:?}"
    );
}

#[test]
fn a_tint_on_the_one_colour_plate_is_refused_by_name() {
    let project = Project::fixture("two-relics");
    project.edit(
        "site.toml",
        "formats = [\"svg\"]",
        "formats = [\"pdf\"]\nsizes = [\"plaque-mono\"]",
    );
    project.build().success();
    let before = crate::project::files(&project.output());
    project.write(
        "posters/plaque.svg",
        default_plaque().replacen(
            "<title>",
            "<rect width=\"5\" height=\"5\" fill=\"#5c534c\"/><title>",
            1,
        ),
    );
    project.build().failure().stderr_has(&[
        "error: poster DT01-plaque-mono: the colour #5c534c is neither pure black ink nor paper white",
    ]);
    assert_eq!(crate::project::files(&project.output()), before);
}
