//! A poster's drawing in the inks of a press: every colour of the template printed as the
//! CMYK the theme's `posters/inks.toml` gives it, so that the print shop's PDF holds no RGB.
//!
//! Templates stay in RGB, which is what screens show and what the PNG and SVG keep; a press
//! converting RGB itself turns black into four inks that never register on a 1 mm module, and
//! the shop's own conversion shifts the theme's red. Only what a poster needs is drawn: groups,
//! plain-coloured paths, text and photos. A gradient, a tint by opacity, a mask or a filter is
//! refused, since it has no one CMYK.

use std::collections::HashMap;

use krilla::color::cmyk;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use serde::Deserialize;
use usvg::tiny_skia_path::PathSegment;

use crate::diagnostic::Diagnostic;
use crate::i18n::Text;
use crate::load::theme::Theme;

/// Where the theme keeps its inks.
pub const INKS_FILE: &str = "inks.toml";

/// The thinnest line a laser or a one-colour screen holds, in points.
const MONO_MIN_STROKE_PT: f32 = 0.25;

/// The CMYK of every RGB colour the poster templates use.
#[derive(Debug, Default)]
pub struct Inks {
    by_colour: HashMap<[u8; 3], Ink>,
    /// Where they came from, for messages.
    origin: String,
}

/// Percentages of cyan, magenta, yellow and black, as a press is told.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(try_from = "[u8; 4]")]
struct Ink([u8; 4]);

impl TryFrom<[u8; 4]> for Ink {
    type Error = String;
    fn try_from(percent: [u8; 4]) -> Result<Ink, String> {
        if percent.iter().any(|&p| p > 100) {
            return Err(format!("{percent:?}: each ink is a percentage, 0 to 100"));
        }
        Ok(Ink(percent))
    }
}

impl Ink {
    const PAPER: Ink = Ink([0, 0, 0, 0]);
    const BLACK: Ink = Ink([0, 0, 0, 100]);

    fn colour(self) -> cmyk::Color {
        let [c, m, y, k] = self.0.map(|p| (u16::from(p) * 255 / 100) as u8);
        cmyk::Color::new(c, m, y, k)
    }
}

impl Inks {
    /// The theme's inks. A theme without `posters/inks.toml` has none, and so can print only
    /// templates without colour, which [`Drawer`] says by name.
    pub fn load(theme: &Theme) -> Result<Inks, Diagnostic> {
        let Some(file) = theme.posters.get(INKS_FILE) else {
            return Ok(Inks::default());
        };
        let path = std::path::Path::new(&file.origin);
        let raw: HashMap<String, Ink> =
            crate::read::toml_error::parse(path, &file.source, 0, &file.source)?;
        let mut by_colour = HashMap::with_capacity(raw.len());
        for (key, ink) in raw {
            let Some(rgb) = parse_hex(&key) else {
                return Err(Diagnostic::error(crate::text!(
                    "poster-ink-key",
                    file = file.origin.clone(),
                    key = key
                ))
                .help(crate::text!("poster-ink-key-help")));
            };
            by_colour.insert(rgb, ink);
        }
        Ok(Inks {
            by_colour,
            origin: file.origin.clone(),
        })
    }

    fn ink(&self, colour: usvg::Color, mono: bool) -> Result<Ink, Text> {
        let rgb = [colour.red, colour.green, colour.blue];
        let hex = format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
        let Some(&ink) = self.by_colour.get(&rgb) else {
            return Err(crate::text!(
                "poster-ink-missing",
                colour = hex,
                file = self.origin_or_default()
            ));
        };
        if mono && ink != Ink::PAPER && ink != Ink::BLACK {
            return Err(crate::text!("poster-ink-not-mono", colour = hex));
        }
        Ok(ink)
    }

    fn origin_or_default(&self) -> String {
        if self.origin.is_empty() {
            format!("posters/{INKS_FILE}")
        } else {
            self.origin.clone()
        }
    }
}

/// `#rrggbb`, as CSS and SVG write a colour.
fn parse_hex(key: &str) -> Option<[u8; 3]> {
    let hex = key.strip_prefix('#').filter(|h| h.len() == 6)?;
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// Draws trees in inks, with the theme's fonts as krilla embeds them.
pub struct Drawer {
    inks: Inks,
    fonts: HashMap<usvg::fontdb::ID, Font>,
}

/// One tree being drawn: whether in black alone, and its scale to points for line widths.
struct Pass<'a> {
    drawer: &'a Drawer,
    mono: bool,
    points_per_unit: f32,
}

impl Drawer {
    pub fn new(inks: Inks, database: &usvg::fontdb::Database) -> Drawer {
        let fonts = database
            .faces()
            .filter_map(|face| {
                let font = database.with_face_data(face.id, |data, index| {
                    Font::new(data.to_vec().into(), index)
                })??;
                Some((face.id, font))
            })
            .collect();
        Drawer { inks, fonts }
    }

    /// Draws `tree` scaled to `size` points. `mono` keeps to black ink on paper, with no photo
    /// and no line too thin to etch.
    pub fn draw(
        &self,
        surface: &mut Surface<'_>,
        tree: &usvg::Tree,
        size: Size,
        mono: bool,
    ) -> Result<(), String> {
        let scale = size.width() / tree.size().width();
        let pass = Pass {
            drawer: self,
            mono,
            points_per_unit: scale,
        };
        surface.push_transform(&Transform::from_scale(scale, scale));
        let drawn = pass.group(surface, tree.root());
        surface.pop();
        drawn.map_err(|text| text.to_string())
    }
}

impl Pass<'_> {
    fn group(&self, surface: &mut Surface<'_>, group: &usvg::Group) -> Result<(), Text> {
        let effect = if group.clip_path().is_some() {
            Some("clip-path")
        } else if group.mask().is_some() {
            Some("mask")
        } else if !group.filters().is_empty() {
            Some("filter")
        } else if group.opacity() != usvg::Opacity::ONE {
            Some("opacity")
        } else if group.blend_mode() != usvg::BlendMode::Normal {
            Some("mix-blend-mode")
        } else {
            None
        };
        if let Some(effect) = effect {
            return Err(crate::text!("poster-ink-effect", effect = effect));
        }
        surface.push_transform(&krilla_transform(group.transform()));
        let drawn = group.children().iter().try_for_each(|node| match node {
            usvg::Node::Group(g) => self.group(surface, g),
            usvg::Node::Path(p) => self.path(surface, p),
            usvg::Node::Text(t) => self.text(surface, t),
            usvg::Node::Image(i) => self.image(surface, i),
        });
        surface.pop();
        drawn
    }

    fn path(&self, surface: &mut Surface<'_>, path: &usvg::Path) -> Result<(), Text> {
        if !path.is_visible() {
            return Ok(());
        }
        let fill = path.fill().map(|f| self.fill(f)).transpose()?;
        let stroke = path
            .stroke()
            .map(|s| self.stroke(s, path.abs_transform()))
            .transpose()?;
        let Some(shape) = krilla_path(path.data()) else {
            return Ok(());
        };
        // Drawn one after the other, so that `paint-order` is kept as the template asks.
        let order = match path.paint_order() {
            usvg::PaintOrder::FillAndStroke => [fill.map(Ok), stroke.map(Err)],
            usvg::PaintOrder::StrokeAndFill => [stroke.map(Err), fill.map(Ok)],
        };
        for paint in order.into_iter().flatten() {
            match paint {
                Ok(fill) => {
                    surface.set_stroke(None);
                    surface.set_fill(Some(fill));
                }
                Err(stroke) => {
                    surface.set_fill(None);
                    surface.set_stroke(Some(stroke));
                }
            }
            surface.draw_path(&shape);
        }
        surface.set_stroke(None);
        Ok(())
    }

    fn text(&self, surface: &mut Surface<'_>, text: &usvg::Text) -> Result<(), Text> {
        for span in text.layouted().iter().filter(|span| span.visible) {
            for line in [&span.overline, &span.underline].into_iter().flatten() {
                self.path(surface, line)?;
            }
            let fill = span.fill.as_ref().map(|f| self.fill(f)).transpose()?;
            let stroke = span
                .stroke
                .as_ref()
                .map(|s| self.stroke(s, text.abs_transform()))
                .transpose()?;
            // krilla fills glyphs black when told neither: text the template leaves unpainted
            // is not printed.
            let painted = fill.is_some() || stroke.is_some();
            for glyph in span.positioned_glyphs.iter().filter(|_| painted) {
                let Some(font) = self.drawer.fonts.get(&glyph.font) else {
                    continue;
                };
                // The glyph's transform includes the scale from font units to the font size,
                // which krilla applies itself.
                let upem = font.units_per_em();
                let size = span.font_size.get();
                let transform = glyph
                    .transform()
                    .pre_concat(usvg::Transform::from_scale(upem / size, upem / size));
                surface.push_transform(&krilla_transform(transform));
                surface.set_fill(fill.clone());
                surface.set_stroke(stroke.clone());
                surface.draw_glyphs(
                    Point::from_xy(0.0, 0.0),
                    &[KrillaGlyph::new(
                        GlyphId::new(u32::from(glyph.id.0)),
                        0.0,
                        0.0,
                        0.0,
                        0.0,
                        0..glyph.text.len(),
                        None,
                    )],
                    font.clone(),
                    &glyph.text,
                    size,
                    false,
                );
                surface.pop();
            }
            if let Some(line) = &span.line_through {
                self.path(surface, line)?;
            }
        }
        surface.set_stroke(None);
        Ok(())
    }

    /// Photos keep their own colours: a press separates an image itself, and it has no
    /// registration problem the way a thin black line has.
    fn image(&self, surface: &mut Surface<'_>, image: &usvg::Image) -> Result<(), Text> {
        if !image.is_visible() {
            return Ok(());
        }
        if self.mono {
            return Err(crate::text!("poster-ink-mono-photo"));
        }
        let data = match image.kind() {
            usvg::ImageKind::JPEG(data) => {
                krilla::image::Image::from_jpeg(data.clone().into(), true)
            }
            usvg::ImageKind::PNG(data) => krilla::image::Image::from_png(data.clone().into(), true),
            _ => Err("not a JPEG or PNG photo".to_owned()),
        };
        let picture = data.map_err(|reason| crate::text!("poster-ink-photo", reason = reason))?;
        if let Some(size) = Size::from_wh(image.size().width(), image.size().height()) {
            surface.draw_image(picture, size);
        }
        Ok(())
    }

    fn paint(&self, paint: &usvg::Paint) -> Result<cmyk::Color, Text> {
        let usvg::Paint::Color(colour) = paint else {
            return Err(crate::text!("poster-ink-effect", effect = "gradient"));
        };
        Ok(self.drawer.inks.ink(*colour, self.mono)?.colour())
    }

    fn fill(&self, fill: &usvg::Fill) -> Result<Fill, Text> {
        if fill.opacity() != usvg::Opacity::ONE {
            return Err(crate::text!("poster-ink-effect", effect = "fill-opacity"));
        }
        Ok(Fill {
            paint: self.paint(fill.paint())?.into(),
            rule: match fill.rule() {
                usvg::FillRule::NonZero => FillRule::NonZero,
                usvg::FillRule::EvenOdd => FillRule::EvenOdd,
            },
            ..Fill::default()
        })
    }

    /// `at` is the transform the stroke is drawn under, for its width on paper.
    fn stroke(&self, stroke: &usvg::Stroke, at: usvg::Transform) -> Result<Stroke, Text> {
        if stroke.opacity() != usvg::Opacity::ONE {
            return Err(crate::text!("poster-ink-effect", effect = "stroke-opacity"));
        }
        let (sx, sy) = at.get_scale();
        let points = stroke.width().get() * sx.min(sy) * self.points_per_unit;
        if self.mono && points < MONO_MIN_STROKE_PT {
            return Err(crate::text!(
                "poster-ink-thin",
                width = format!("{points:.2}"),
                least = MONO_MIN_STROKE_PT.to_string()
            ));
        }
        Ok(Stroke {
            paint: self.paint(stroke.paint())?.into(),
            width: stroke.width().get(),
            miter_limit: stroke.miterlimit().get(),
            line_cap: match stroke.linecap() {
                usvg::LineCap::Butt => LineCap::Butt,
                usvg::LineCap::Round => LineCap::Round,
                usvg::LineCap::Square => LineCap::Square,
            },
            line_join: match stroke.linejoin() {
                usvg::LineJoin::Miter | usvg::LineJoin::MiterClip => LineJoin::Miter,
                usvg::LineJoin::Round => LineJoin::Round,
                usvg::LineJoin::Bevel => LineJoin::Bevel,
            },
            dash: stroke.dasharray().map(|array| StrokeDash {
                offset: stroke.dashoffset(),
                array: array.to_vec(),
            }),
            ..Stroke::default()
        })
    }
}

fn krilla_transform(t: usvg::Transform) -> Transform {
    Transform::from_row(t.sx, t.ky, t.kx, t.sy, t.tx, t.ty)
}

fn krilla_path(data: &usvg::tiny_skia_path::Path) -> Option<krilla::geom::Path> {
    let mut builder = PathBuilder::new();
    for segment in data.segments() {
        match segment {
            PathSegment::MoveTo(p) => builder.move_to(p.x, p.y),
            PathSegment::LineTo(p) => builder.line_to(p.x, p.y),
            PathSegment::QuadTo(a, p) => builder.quad_to(a.x, a.y, p.x, p.y),
            PathSegment::CubicTo(a, b, p) => builder.cubic_to(a.x, a.y, b.x, b.y, p.x, p.y),
            PathSegment::Close => builder.close(),
        }
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_read_as_css_writes_them() {
        assert_eq!(parse_hex("#8a1c12"), Some([0x8a, 0x1c, 0x12]));
        assert_eq!(parse_hex("#8A1C12"), Some([0x8a, 0x1c, 0x12]));
        assert_eq!(parse_hex("8a1c12"), None);
        assert_eq!(parse_hex("#fff"), None);
        assert_eq!(parse_hex("#gggggg"), None);
    }

    #[test]
    fn an_ink_is_a_percentage() {
        assert!(Ink::try_from([0, 80, 87, 46]).is_ok());
        assert!(Ink::try_from([0, 0, 0, 101]).is_err());
        assert_eq!(Ink::BLACK.colour(), cmyk::Color::new(0, 0, 0, 255));
    }

    #[test]
    fn the_default_theme_gives_every_poster_colour_an_ink() {
        let mut diagnostics = Vec::new();
        let theme =
            crate::load::theme::load(std::path::Path::new("/nonexistent"), &mut diagnostics);
        let inks = Inks::load(&theme).unwrap();
        let hex = written_colours(&theme);
        assert!(!hex.is_empty());
        for colour in hex {
            let [red, green, blue] = parse_hex(&colour).unwrap();
            let colour = usvg::Color::new_rgb(red, green, blue);
            assert!(inks.ink(colour, false).is_ok(), "{colour:?} has no ink");
        }
    }

    /// Every `#rrggbb` written in the default theme's poster templates.
    fn written_colours(theme: &Theme) -> Vec<String> {
        let mut found = Vec::new();
        for template in theme.posters.values() {
            let source = &template.source;
            for (at, _) in source.match_indices("\"#") {
                if let Some(hex) = source
                    .get(at + 1..at + 8)
                    .filter(|h| parse_hex(h).is_some())
                {
                    found.push(hex.to_owned());
                }
            }
        }
        found.sort();
        found.dedup();
        found
    }
}
