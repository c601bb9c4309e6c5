//! SVG to print files: one `usvg` tree per poster, drawn to PDF by krilla (vector, fonts
//! subset and embedded, text selectable) and to PNG by resvg.

use krilla::Document;
use krilla::color::cmyk;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use resvg::tiny_skia;

use crate::config::PosterSize;
use crate::posters::fonts::Fonts;
use crate::posters::impose::Layout;
use crate::posters::ink::{Drawer, Inks};

/// The resolution of PNG files: what print shops ask for.
pub const PNG_DPI: f32 = 300.0;

const MM_PER_INCH: f32 = 25.4;
const POINTS_PER_INCH: f32 = 72.0;

pub struct Printer {
    options: usvg::Options<'static>,
    drawer: Drawer,
}

/// A parsed poster, ready to print.
pub struct Sheet {
    /// The poster at its finished size plus `bleed_mm` on every side.
    pub tree: usvg::Tree,
    pub size: PosterSize,
    pub title: String,
    /// How far the drawing runs past the trim on every side; 0 for the files for screens.
    pub bleed_mm: f32,
    /// Codes the PDF draws itself in 100 % K, each into the quiet zone the tree leaves empty.
    pub codes: Vec<BlackCode>,
    /// Black ink on paper alone, for etching or a one-colour print.
    pub mono: bool,
}

/// A QR code to print in black ink alone: its modules, and the `id` of the template's quiet
/// zone rectangle, whose units are modules and whose corner is the code's.
pub struct BlackCode {
    pub matrix: crate::qr::Matrix,
    pub quiet_zone: &'static str,
    /// Whether every template must draw it; a template may leave out one that is not.
    pub required: bool,
}

/// Black ink alone, as a press prints it: `0 0 0 1`, never the four inks an RGB black becomes.
fn black() -> cmyk::Color {
    cmyk::Color::new(0, 0, 0, 255)
}

/// How far crop marks stand off the bleed, so that a cut along the bleed's edge misses them.
pub(super) const MARK_GAP_MM: f32 = 2.0;
/// How long a crop mark is.
pub(super) const MARK_LENGTH_MM: f32 = 5.0;
/// Paper left beyond the marks' outer ends.
const MARK_MARGIN_MM: f32 = 1.0;
/// Crop marks' width: the hairline print shops expect.
const MARK_WIDTH_PT: f32 = 0.25;

impl Printer {
    pub fn new(fonts: &Fonts, inks: Inks) -> Printer {
        let options = usvg::Options {
            fontdb: fonts.database.clone(),
            font_family: fonts.family.clone(),
            // Posters are self-contained: no file is read from outside the SVG.
            resources_dir: None,
            ..usvg::Options::default()
        };
        let drawer = Drawer::new(inks, &fonts.database);
        Printer { options, drawer }
    }

    pub fn parse(&self, svg: &str) -> Result<usvg::Tree, usvg::Error> {
        usvg::Tree::from_str(svg, &self.options)
    }
}

/// One PDF with a page per sheet, for the print shop: each page's TrimBox is the sheet's
/// finished size, its BleedBox runs the sheet's bleed past it on every side, and the
/// MediaBox holds crop marks in 100 % K beyond the bleed. Sheets are taken one at a time, so
/// they may be parsed as they are drawn.
pub fn pdf<S: std::borrow::Borrow<Sheet>>(
    printer: &Printer,
    sheets: impl IntoIterator<Item = Result<S, String>>,
    title: &str,
    lang: &str,
) -> Result<Vec<u8>, String> {
    let mut document = document(title, lang);
    for sheet in sheets {
        let sheet = sheet?;
        let sheet = sheet.borrow();
        let (width, height) = (points(sheet.size.width_mm), points(sheet.size.height_mm));
        let bleed = points(sheet.bleed_mm);
        // The trim's corner, from the media's: the bleed, the gap and the marks around it.
        let trim_at = bleed + points(MARK_GAP_MM + MARK_LENGTH_MM + MARK_MARGIN_MM);
        let rect = |inset: f32| {
            Rect::from_xywh(
                trim_at - inset,
                trim_at - inset,
                width + 2.0 * inset,
                height + 2.0 * inset,
            )
        };
        let media = Size::from_wh(width + 2.0 * trim_at, height + 2.0 * trim_at)
            .ok_or("a poster size is zero")?;
        let settings = PageSettings::new(media)
            .with_trim_box(rect(0.0))
            .with_bleed_box(rect(bleed));
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let drawn = draw_poster(
            printer,
            &mut surface,
            sheet,
            Point::from_xy(trim_at - bleed, trim_at - bleed),
        );
        let marks = Marks {
            trim_at,
            width,
            height,
            gap: bleed + points(MARK_GAP_MM),
            margin: points(MARK_MARGIN_MM),
        };
        marks.draw(&mut surface);
        surface.finish();
        page.finish();
        drawn?;
    }
    document.finish().map_err(|err| format!("{err:?}"))
}

/// One PDF for the print shop with a page per press sheet: `layout`'s posters side by side,
/// each drawn as on its own page, and the crop marks they share on the margin; the last sheet
/// holds what is left. The posters are taken a sheet at a time.
///
/// The page is the paper, and so is its TrimBox: what leaves the press is the whole sheet,
/// and preflights want a TrimBox on every page. The posters' own trims are the marks; no
/// BleedBox, as nothing is meant to run off the sheet.
pub fn imposed_pdf<S: std::borrow::Borrow<Sheet>>(
    printer: &Printer,
    posters: impl IntoIterator<Item = Result<S, String>>,
    layout: &Layout,
    title: &str,
    lang: &str,
) -> Result<Vec<u8>, String> {
    let mut document = document(title, lang);
    let (width, height) = (points(layout.width_mm), points(layout.height_mm));
    let paper = Size::from_wh(width, height).ok_or("a paper size is zero")?;
    let settings = PageSettings::new(paper).with_trim_box(Rect::from_xywh(0.0, 0.0, width, height));
    let mut marks = PathBuilder::new();
    for mark in layout.marks() {
        marks.move_to(points(mark.from.0), points(mark.from.1));
        marks.line_to(points(mark.to.0), points(mark.to.1));
    }
    let marks = marks.finish();
    let mut posters = posters.into_iter().peekable();
    while posters.peek().is_some() {
        let on_sheet = posters
            .by_ref()
            .take(layout.per_sheet())
            .collect::<Result<Vec<S>, String>>()?;
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        let drawn = on_sheet.iter().enumerate().try_for_each(|(i, poster)| {
            let (x, y) = layout.bleed_at(i);
            draw_poster(
                printer,
                &mut surface,
                poster.borrow(),
                Point::from_xy(points(x), points(y)),
            )
        });
        if let Some(marks) = &marks {
            stroke_marks(&mut surface, marks);
        }
        surface.finish();
        page.finish();
        drawn?;
    }
    document.finish().map_err(|err| format!("{err:?}"))
}

fn document(title: &str, lang: &str) -> Document {
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language(lang.to_owned()),
    );
    document
}

fn points(mm: f32) -> f32 {
    mm * POINTS_PER_INCH / MM_PER_INCH
}

/// Draws `sheet`, its bleed included, with its codes, the bleed's top left corner at
/// `origin` points: the one drawing of a poster, on its own page or imposed.
fn draw_poster(
    printer: &Printer,
    surface: &mut krilla::surface::Surface<'_>,
    sheet: &Sheet,
    origin: Point,
) -> Result<(), String> {
    let bleed = points(sheet.bleed_mm);
    let drawn = Size::from_wh(
        points(sheet.size.width_mm) + 2.0 * bleed,
        points(sheet.size.height_mm) + 2.0 * bleed,
    )
    .ok_or("a poster size is zero")?;
    surface.push_transform(&Transform::from_translate(origin.x, origin.y));
    let result = printer
        .drawer
        .draw(surface, &sheet.tree, drawn, sheet.mono)
        .and_then(|()| {
            sheet
                .codes
                .iter()
                .try_for_each(|code| draw_code(surface, &sheet.tree, code, drawn))
        });
    surface.pop();
    result
}

/// Draws `code`'s dark modules in 100 % K where the tree's quiet zone is, the tree drawn at
/// `drawn` points.
fn draw_code(
    surface: &mut krilla::surface::Surface<'_>,
    tree: &usvg::Tree,
    code: &BlackCode,
    drawn: Size,
) -> Result<(), String> {
    let Some(quiet) = tree.node_by_id(code.quiet_zone) else {
        if !code.required {
            return Ok(());
        }
        return Err(format!(
            "the template has no id=\"{}\" quiet zone to print the code in",
            code.quiet_zone
        ));
    };
    let scale = drawn.width() / tree.size().width();
    let at = quiet.abs_transform();
    let mut modules = PathBuilder::new();
    let offset = crate::qr::QUIET_ZONE as f32;
    let width = code.matrix.width;
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if !code.matrix.is_dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && code.matrix.is_dark(x, y) {
                x += 1;
            }
            if let Some(run) = Rect::from_xywh(
                start as f32 + offset,
                y as f32 + offset,
                (x - start) as f32,
                1.0,
            ) {
                modules.push_rect(run);
            }
        }
    }
    let Some(modules) = modules.finish() else {
        return Ok(());
    };
    surface.push_transform(&Transform::from_scale(scale, scale));
    surface.push_transform(&Transform::from_row(
        at.sx, at.ky, at.kx, at.sy, at.tx, at.ty,
    ));
    surface.set_stroke(None);
    surface.set_fill(Some(krilla::paint::Fill {
        paint: black().into(),
        ..krilla::paint::Fill::default()
    }));
    surface.draw_path(&modules);
    surface.pop();
    surface.pop();
    Ok(())
}

/// Where crop marks go, in points from the media's corner.
struct Marks {
    /// The trim's distance from the media's edge, on every side.
    trim_at: f32,
    width: f32,
    height: f32,
    /// How far past the trim a mark starts.
    gap: f32,
    /// Paper left beyond a mark's outer end.
    margin: f32,
}

impl Marks {
    /// A pair of hairlines at each corner of the trim, each along a trim line, outside the
    /// bleed.
    fn draw(&self, surface: &mut krilla::surface::Surface<'_>) {
        let Marks {
            trim_at,
            width,
            height,
            gap,
            margin,
        } = *self;
        let mut marks = PathBuilder::new();
        let (media_width, media_height) = (width + 2.0 * trim_at, height + 2.0 * trim_at);
        let inner = trim_at - gap;
        for y in [trim_at, trim_at + height] {
            marks.move_to(margin, y);
            marks.line_to(inner, y);
            marks.move_to(media_width - inner, y);
            marks.line_to(media_width - margin, y);
        }
        for x in [trim_at, trim_at + width] {
            marks.move_to(x, margin);
            marks.line_to(x, inner);
            marks.move_to(x, media_height - inner);
            marks.line_to(x, media_height - margin);
        }
        let Some(marks) = marks.finish() else {
            return;
        };
        stroke_marks(surface, &marks);
    }
}

/// Strokes `marks` as crop marks: hairlines in black ink alone.
fn stroke_marks(surface: &mut krilla::surface::Surface<'_>, marks: &krilla::geom::Path) {
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: black().into(),
        width: MARK_WIDTH_PT,
        ..Stroke::default()
    }));
    surface.draw_path(marks);
    surface.set_stroke(None);
}

/// A PNG at [`PNG_DPI`], with the resolution recorded in the file for the print shop.
pub fn png(sheet: &Sheet) -> Result<Vec<u8>, String> {
    let pixels = |mm: f32| (mm / MM_PER_INCH * PNG_DPI).round() as u32;
    let (width, height) = (pixels(sheet.size.width_mm), pixels(sheet.size.height_mm));
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or("a poster size is zero")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    // Pixels per unit of the tree, which spans the bleed too; the bleed falls off the pixmap.
    let scale = width as f32 / sheet.tree.size().width()
        * (sheet.size.width_mm + 2.0 * sheet.bleed_mm)
        / sheet.size.width_mm;
    let bleed = sheet.bleed_mm / MM_PER_INCH * PNG_DPI;
    resvg::render(
        &sheet.tree,
        tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, -bleed, -bleed),
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
