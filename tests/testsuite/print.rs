//! The print shop's PDF: a TrimBox at the finished size, a BleedBox 3 mm past it, crop marks in
//! 100 % K beyond the bleed, codes in 100 % K that still scan; and text and codes that keep 5 mm
//! inside the trim, however long a relic's name.

use std::io::Read as _;

use crate::posters::{decode_all, gray, poppler, poster_fonts, sample_output};
use crate::project::Project;

const BASE: &str = "https://LONGTHANH.YENTHANH.NGHEAN.GOV.VN/du-lich/";
const POINTS_PER_MM: f32 = 72.0 / 25.4;
/// The default bleed.
const BLEED_MM: f32 = 3.0;
/// How far inside the trim text and codes keep.
const SAFE_MM: f32 = 5.0;

/// Finished sizes in millimetres, by the name a print file ends in.
fn finished(name: &str) -> (f32, f32) {
    match name.rsplit('-').next().unwrap().trim_end_matches(".pdf") {
        "a4" => (210.0, 297.0),
        "a5" => (148.0, 210.0),
        "plaque" => (120.0, 80.0),
        other => panic!("no size {other}"),
    }
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
    sample_output()
        .iter()
        .filter(|(p, _)| p.starts_with("posters/") && p.ends_with(".pdf"))
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
    assert_eq!(files.len(), 24, "7 relics and a book, at 3 sizes");
    for (name, path) in files {
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

/// Every page description in `pdf`, inflated.
fn content_streams(pdf: &[u8]) -> Vec<String> {
    let mut streams = Vec::new();
    let mut rest = pdf;
    while let Some(start) = find(rest, b"stream\n") {
        let body = &rest[start + b"stream\n".len()..];
        let end = find(body, b"endstream").unwrap();
        let mut text = Vec::new();
        if flate2::read::ZlibDecoder::new(&body[..end])
            .read_to_end(&mut text)
            .is_ok()
        {
            // Fonts and images inflate too; page descriptions draw paths.
            let text = String::from_utf8_lossy(&text).into_owned();
            if text.contains(" m ") || text.contains(" m\n") || text.contains(" re") {
                streams.push(text);
            }
        }
        rest = &body[end + b"endstream".len()..];
    }
    streams
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn crop_marks_are_hairlines_in_black_ink_only() {
    for (name, bytes) in sample_output()
        .iter()
        .filter(|(p, _)| p.starts_with("posters/") && p.ends_with(".pdf"))
    {
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
    for (name, bytes) in sample_output()
        .iter()
        .filter(|(p, _)| p.starts_with("posters/") && p.ends_with(".pdf"))
    {
        // Every code's top left finder pattern starts at module 4, past the quiet zone.
        let codes: usize = content_streams(bytes)
            .iter()
            .map(|s| s.matches("0 0 0 1 k 4 4 m").count())
            .sum();
        let expected = match name.as_str() {
            "posters/all-plaque.pdf" => 7 + 1,
            "posters/DT04-plaque.pdf" => 2,
            n if n.starts_with("posters/all-") => 7,
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
        let png = dir.path().join(format!("{id}-{size}"));
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
        let image = gray(&std::fs::read(png.with_extension("png")).unwrap());
        let texts = decode_all(image);
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
