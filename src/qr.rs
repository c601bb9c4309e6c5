//! QR codes as plaques, posters and the kiosk draw them: the Wifi code's text, the matrix, its paths.

use std::fmt::Write as _;

use qrcode::{EcLevel, QrCode};

use crate::config::ErrorCorrection;
use crate::load::front_matter::Wifi;

/// Modules of white around a code that nothing may enter; the standard's minimum.
pub const QUIET_ZONE: usize = 4;

/// The text that joins a phone to a network (the format Android and iOS cameras read).
pub fn wifi_payload(wifi: &Wifi) -> String {
    let escape = |text: &str| {
        text.chars().fold(String::new(), |mut out, c| {
            if matches!(c, '\\' | ';' | ',' | ':' | '"') {
                out.push('\\');
            }
            out.push(c);
            out
        })
    };
    match &wifi.password {
        Some(password) => format!(
            "WIFI:T:WPA;S:{};P:{};;",
            escape(&wifi.ssid),
            escape(password)
        ),
        None => format!("WIFI:T:nopass;S:{};;", escape(&wifi.ssid)),
    }
}

/// An encoded code: which modules are dark.
#[derive(Debug, Clone)]
pub struct Matrix {
    /// Modules per side, without the quiet zone.
    pub width: usize,
    pub version: i16,
    dark: Vec<bool>,
}

impl Matrix {
    pub fn encode(data: &str, level: ErrorCorrection) -> Result<Matrix, qrcode::types::QrError> {
        let level = match level {
            ErrorCorrection::L => EcLevel::L,
            ErrorCorrection::M => EcLevel::M,
            ErrorCorrection::Q => EcLevel::Q,
            ErrorCorrection::H => EcLevel::H,
        };
        let code = QrCode::with_error_correction_level(data, level)?;
        let version = match code.version() {
            qrcode::Version::Normal(v) | qrcode::Version::Micro(v) => v,
        };
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        Ok(Matrix {
            width: code.width(),
            version,
            dark,
        })
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }

    /// Modules per side with the quiet zone on both sides.
    pub fn size_with_quiet_zone(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    /// The dark modules as one SVG path in module units, offset by the quiet zone. Each row's
    /// runs of dark modules are single rectangles and all of them are one path, so a rasteriser
    /// fills them as one shape: no hairline seams between neighbouring modules.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.is_dark(x, y) {
                    x += 1;
                }
                let _ = write!(
                    d,
                    "M{} {}h{}v1h-{}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    x - start,
                    x - start
                );
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wifi_special_characters_are_escaped() {
        let wifi = Wifi {
            ssid: "Đền; \"Cả\"".to_owned(),
            password: Some("a:b\\c,d".to_owned()),
        };
        assert_eq!(
            wifi_payload(&wifi),
            r#"WIFI:T:WPA;S:Đền\; \"Cả\";P:a\:b\\c\,d;;"#
        );
        let open = Wifi {
            ssid: "Chùa".to_owned(),
            password: None,
        };
        assert_eq!(wifi_payload(&open), "WIFI:T:nopass;S:Chùa;;");
    }

    #[test]
    fn uppercase_urls_take_fewer_bits_than_lowercase_ones() {
        let bits = |url: &str| {
            let mut bits = qrcode::bits::Bits::new(qrcode::Version::Normal(10));
            bits.push_optimal_data(url.as_bytes()).unwrap();
            bits.len()
        };
        let upper = bits("https://LONGTHANH.YENTHANH.NGHEAN.GOV.VN/du-lich/Q/DT01/");
        let lower = bits("https://longthanh.yenthanh.nghean.gov.vn/du-lich/q/dt01/");
        assert!(upper < lower, "{upper} bits against {lower}");
        // Without a lowercase base path nearly all of it is alphanumeric.
        let upper = bits("https://LONGTHANH.YENTHANH.NGHEAN.GOV.VN/Q/DT01/");
        let lower = bits("https://longthanh.yenthanh.nghean.gov.vn/q/dt01/");
        assert!(upper * 10 < lower * 8, "{upper} bits against {lower}");
    }

    #[test]
    fn the_path_covers_exactly_the_dark_modules() {
        let matrix = Matrix::encode("HELLO", ErrorCorrection::L).unwrap();
        let dark = (0..matrix.width)
            .flat_map(|y| (0..matrix.width).map(move |x| (x, y)))
            .filter(|&(x, y)| matrix.is_dark(x, y))
            .count();
        let area: usize = matrix
            .svg_path()
            .split('M')
            .skip(1)
            .map(|run| {
                run.split('h')
                    .nth(1)
                    .unwrap()
                    .split('v')
                    .next()
                    .unwrap()
                    .parse::<usize>()
                    .unwrap()
            })
            .sum();
        assert_eq!(area, dark);
        assert!(
            matrix.svg_path().starts_with("M4 4h7v1h-7z"),
            "the finder pattern starts the first row"
        );
    }
}
