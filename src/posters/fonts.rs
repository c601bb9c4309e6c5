//! The theme's fonts: loaded once per build, used both to draw posters and to measure their
//! text, so that what is measured is what is printed.

use std::sync::Arc;

use usvg::fontdb;

use crate::diagnostic::Diagnostic;
use crate::load::theme::Theme;

pub struct Fonts {
    /// For usvg: only the theme's fonts, never the system's, so every machine prints alike.
    pub database: Arc<fontdb::Database>,
    /// The family posters are set in, for text that names none.
    pub family: String,
    regular: Vec<u8>,
    bold: Vec<u8>,
}

/// Text set to fit a box: the size it got and its lines.
#[derive(Debug, serde::Serialize, PartialEq)]
pub struct Fitted {
    pub size: f64,
    pub lines: Vec<String>,
}

impl Fonts {
    pub fn load(theme: &Theme) -> Result<Fonts, Diagnostic> {
        let mut database = fontdb::Database::new();
        let mut faces: Vec<(u16, String, &[u8])> = Vec::new();
        for data in theme.fonts.values() {
            let Ok(face) = ttf_parser::Face::parse(data, 0) else {
                continue;
            };
            let family = face
                .names()
                .into_iter()
                .find(|n| {
                    n.name_id == ttf_parser::name_id::TYPOGRAPHIC_FAMILY
                        || n.name_id == ttf_parser::name_id::FAMILY
                })
                .and_then(|n| n.to_string())
                .unwrap_or_default();
            faces.push((face.weight().to_number(), family, data));
            database.load_font_data(data.to_vec());
        }
        let nearest = |weight: u16| {
            faces
                .iter()
                .min_by_key(|(w, ..)| w.abs_diff(weight))
                .map(|(_, family, data)| (family.clone(), data.to_vec()))
        };
        let (Some((family, regular)), Some((_, bold))) = (nearest(400), nearest(700)) else {
            return Err(Diagnostic::error(crate::text!("poster-no-font"))
                .help(crate::text!("poster-no-font-help")));
        };
        Ok(Fonts {
            database: Arc::new(database),
            family,
            regular,
            bold,
        })
    }

    /// The width of `text` set at `size` (any unit; the result is in the same unit), from the
    /// font's advance widths.
    pub fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let data = if bold { &self.bold } else { &self.regular };
        let Ok(face) = ttf_parser::Face::parse(data, 0) else {
            return 0.0;
        };
        let units: u32 = text
            .chars()
            .map(|c| {
                let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                u32::from(face.glyph_hor_advance(glyph).unwrap_or(0))
            })
            .sum();
        f64::from(units) * size / f64::from(face.units_per_em())
    }

    /// Sets `text` in at most `max_lines` lines of `width`, starting at `size` and shrinking
    /// in steps down to `min_size`. What still does not fit at `min_size` is cut with an
    /// ellipsis, so text never leaves its box.
    pub fn fit(
        &self,
        text: &str,
        width: f64,
        size: f64,
        min_size: f64,
        max_lines: usize,
        bold: bool,
    ) -> Fitted {
        let max_lines = max_lines.max(1);
        let mut current = size;
        loop {
            let lines = self.wrap(text, width, current, bold);
            if lines.len() <= max_lines {
                return Fitted {
                    size: current,
                    lines,
                };
            }
            if current <= min_size {
                let mut lines = lines;
                lines.truncate(max_lines);
                let last = lines.pop().unwrap_or_default();
                lines.push(self.ellipsize(&last, width, current, bold));
                return Fitted {
                    size: current,
                    lines,
                };
            }
            // Sizes stay at hundredths so the SVG reads 3.52, not 3.5199999.
            current = ((current * 92.0).round() / 100.0).max(min_size);
        }
    }

    /// Greedy word wrap; a word wider than the line is broken between letters.
    fn wrap(&self, text: &str, width: f64, size: f64, bold: bool) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size, bold) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                line.push(c);
                if self.width(&line, size, bold) > width && line.chars().count() > 1 {
                    // Break a web address after a dot or slash where one fits, else anywhere.
                    let at = line[..line.len() - c.len_utf8()]
                        .rfind(['/', '.'])
                        .map_or(line.len() - c.len_utf8(), |i| i + 1);
                    let rest = line.split_off(at);
                    lines.push(std::mem::replace(&mut line, rest));
                }
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    fn ellipsize(&self, line: &str, width: f64, size: f64, bold: bool) -> String {
        let mut kept: String = line.to_owned();
        while !kept.is_empty() && self.width(&format!("{kept}…"), size, bold) > width {
            kept.pop();
        }
        format!("{}…", kept.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        let mut theme = Theme::default();
        for name in ["BeVietnamPro-Regular.ttf", "BeVietnamPro-Bold.ttf"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("themes/default/fonts")
                .join(name);
            theme
                .fonts
                .insert(name.to_owned(), std::fs::read(path).unwrap());
        }
        Fonts::load(&theme).unwrap()
    }

    #[test]
    fn bold_text_is_wider_and_width_scales_with_size() {
        let fonts = fonts();
        let regular = fonts.width("Nhà thờ họ Doãn", 10.0, false);
        assert!(fonts.width("Nhà thờ họ Doãn", 10.0, true) > regular);
        assert!((fonts.width("Nhà thờ họ Doãn", 20.0, false) - 2.0 * regular).abs() < 1e-3);
    }

    #[test]
    fn short_text_keeps_its_size() {
        let fitted = fonts().fit("Đền Cả", 100.0, 10.0, 6.0, 2, true);
        assert_eq!(
            fitted,
            Fitted {
                size: 10.0,
                lines: vec!["Đền Cả".to_owned()]
            }
        );
    }

    #[test]
    fn long_text_wraps_then_shrinks_and_never_overflows() {
        let fonts = fonts();
        let name = "Khu di tích lưu niệm Chủ tịch Hồ Chí Minh và các đồng chí lãnh đạo tiền bối tại quê nhà";
        let fitted = fonts.fit(name, 100.0, 14.0, 8.0, 2, true);
        assert!(fitted.lines.len() <= 2);
        assert!(fitted.size < 14.0 && fitted.size >= 8.0);
        for line in &fitted.lines {
            assert!(
                fonts.width(line, fitted.size, true) <= 100.0,
                "{line:?} overflows"
            );
        }
    }

    #[test]
    fn text_that_cannot_fit_is_cut_with_an_ellipsis() {
        let fonts = fonts();
        let fitted = fonts.fit(&"Đình làng ".repeat(40), 50.0, 6.0, 5.0, 2, false);
        assert_eq!(fitted.lines.len(), 2);
        assert!(fitted.lines[1].ends_with('…'));
        assert!(fonts.width(&fitted.lines[1], 5.0, false) <= 50.0);
    }

    #[test]
    fn web_addresses_break_after_dots_and_slashes() {
        let fitted = fonts().fit(
            "longthanh.yenthanh.nghean.gov.vn/du-lich/q/dt04/",
            27.0,
            2.4,
            1.9,
            3,
            false,
        );
        assert_eq!(
            fitted.lines.concat(),
            "longthanh.yenthanh.nghean.gov.vn/du-lich/q/dt04/"
        );
        for line in &fitted.lines[..fitted.lines.len() - 1] {
            assert!(line.ends_with(['.', '/']), "{:?}", fitted.lines);
        }
    }
}
