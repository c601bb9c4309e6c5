//! SVG to print files: one `usvg` tree per poster, drawn to PDF by krilla (vector, fonts
//! subset and embedded, text selectable) and to PNG by resvg.

use krilla::Document;
use krilla::geom::Size;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::tiny_skia;

use crate::config::PosterSize;
use crate::posters::fonts::Fonts;

/// The resolution of PNG files: what print shops ask for.
pub const PNG_DPI: f32 = 300.0;

const MM_PER_INCH: f32 = 25.4;
const POINTS_PER_INCH: f32 = 72.0;

pub struct Printer {
    options: usvg::Options<'static>,
}

/// A parsed poster, ready to print.
pub struct Sheet {
    pub tree: usvg::Tree,
    pub size: PosterSize,
    pub title: String,
}

impl Printer {
    pub fn new(fonts: &Fonts) -> Printer {
        let options = usvg::Options {
            fontdb: fonts.database.clone(),
            font_family: fonts.family.clone(),
            // Posters are self-contained: no file is read from outside the SVG.
            resources_dir: None,
            ..usvg::Options::default()
        };
        Printer { options }
    }

    pub fn parse(&self, svg: &str) -> Result<usvg::Tree, usvg::Error> {
        usvg::Tree::from_str(svg, &self.options)
    }
}

/// One PDF with a page per sheet, each page the sheet's paper size. Sheets are taken one at
/// a time, so they may be parsed as they are drawn.
pub fn pdf<S: std::borrow::Borrow<Sheet>>(
    sheets: impl IntoIterator<Item = Result<S, String>>,
    title: &str,
    lang: &str,
) -> Result<Vec<u8>, String> {
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language(lang.to_owned()),
    );
    for sheet in sheets {
        let sheet = sheet?;
        let sheet = sheet.borrow();
        let to_points = POINTS_PER_INCH / MM_PER_INCH;
        let size = Size::from_wh(
            sheet.size.width_mm * to_points,
            sheet.size.height_mm * to_points,
        )
        .ok_or("a poster size is zero")?;
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        surface
            .draw_svg(&sheet.tree, size, SvgSettings::default())
            .ok_or("krilla could not draw the poster")?;
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|err| format!("{err:?}"))
}

/// A PNG at [`PNG_DPI`], with the resolution recorded in the file for the print shop.
pub fn png(sheet: &Sheet) -> Result<Vec<u8>, String> {
    let pixels = |mm: f32| (mm / MM_PER_INCH * PNG_DPI).round() as u32;
    let (width, height) = (pixels(sheet.size.width_mm), pixels(sheet.size.height_mm));
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or("a poster size is zero")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let scale = width as f32 / sheet.tree.size().width();
    resvg::render(
        &sheet.tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );

    // The background is opaque white, so RGB suffices; it is a quarter smaller than RGBA.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // fdeflate's fast mode halves the cost of a poster for files about twice as large
    // (0.4 MB for A4): the PNG is the slowest print file, and its size hardly matters.
    encoder.set_compression(png::Compression::Fast);
    let per_metre = (PNG_DPI / MM_PER_INCH * 1000.0).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: per_metre,
        yppu: per_metre,
        unit: png::Unit::Meter,
    }));
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&rgb).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(bytes)
}
