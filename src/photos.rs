//! Photos for slow phones: each photo is published only as JPEG variants a few widths wide,
//! upright (EXIF orientation applied) and stripped of its metadata (GPS, camera), which
//! re-encoding drops. The original is never published.
//!
//! Variants are cached in `.ditich-cache/photos/`, keyed by a hash of the original's bytes and
//! of the encoding settings, so a photo that did not change is never encoded again.

use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageDecoder, ImageReader};
use serde::{Deserialize, Serialize};

use crate::cache::{Kept, Key};
use crate::diagnostic::Diagnostic;

/// Widths a photo is published at, in pixels; a phone picks the one its screen needs.
pub const WIDTHS: [u32; 4] = [400, 600, 900, 1400];
/// JPEG quality: photos of weathered wood and stone look the same at 72, at half the bytes of 90.
const QUALITY: u8 = 72;
/// Changes whenever the encoding does, so that cached variants of older settings are not reused.
const SETTINGS: &str = "jpeg-q72-catmullrom-v1";
/// File endings treated as photos.
pub const EXTENSIONS: [&str; 4] = ["jpg", "jpeg", "png", "webp"];

pub fn is_photo(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// What pages need to know of a photo before it is encoded: its upright size and variants.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Photo {
    /// The name in the relic's folder.
    pub name: String,
    pub width: u32,
    pub height: u32,
    /// The widths it is published at, ascending; never wider than the original.
    pub widths: Vec<u32>,
}

impl Photo {
    /// Reads the photo's header and orientation, not its pixels.
    pub fn probe(name: &str, path: &Path) -> Result<Photo, String> {
        let mut decoder = ImageReader::open(path)
            .and_then(ImageReader::with_guessed_format)
            .map_err(|e| e.to_string())?
            .into_decoder()
            .map_err(|e| e.to_string())?;
        let (mut width, mut height) = decoder.dimensions();
        let orientation = decoder
            .orientation()
            .unwrap_or(image::metadata::Orientation::NoTransforms);
        if matches!(
            orientation,
            image::metadata::Orientation::Rotate90
                | image::metadata::Orientation::Rotate270
                | image::metadata::Orientation::Rotate90FlipH
                | image::metadata::Orientation::Rotate270FlipH
        ) {
            std::mem::swap(&mut width, &mut height);
        }
        if width == 0 || height == 0 {
            return Err("the image is empty".to_owned());
        }
        Ok(Photo {
            name: name.to_owned(),
            width,
            height,
            widths: widths_for(width),
        })
    }

    /// The height of the variant `width` wide.
    pub fn height_at(&self, width: u32) -> u32 {
        ((u64::from(self.height) * u64::from(width) + u64::from(self.width) / 2)
            / u64::from(self.width)) as u32
    }

    /// The published name of the variant `width` wide: `anh/cong.jpg` → `anh/cong-900.jpg`.
    pub fn variant(&self, width: u32) -> String {
        let stem = self
            .name
            .rsplit_once('.')
            .map_or(self.name.as_str(), |(stem, _)| stem);
        format!("{stem}-{width}.jpg")
    }

    /// The widest variant not over `max`, for `src` where `srcset` is not read.
    pub fn fallback_width(&self, max: u32) -> u32 {
        self.widths
            .iter()
            .copied()
            .filter(|w| *w <= max)
            .max()
            .unwrap_or(self.widths[0])
    }
}

/// The widths of [`WIDTHS`] narrower than `width`, then `width` itself if it is narrower than
/// the widest: a photo is never enlarged.
fn widths_for(width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < width).collect();
    if widths.len() < WIDTHS.len() {
        widths.push(width);
    }
    widths
}

/// Encodes the variants of `photo` from `source`, or finds them in `cache`. Returns each
/// variant's published name and the cached file holding it.
pub fn variants(
    photo: &Photo,
    source: &Path,
    cache: &Path,
) -> Result<Vec<(String, PathBuf)>, Diagnostic> {
    let failed =
        |e: String| Diagnostic::error(crate::text!("photo-failed", reason = e)).in_file(source);
    let bytes = fs::read(source).map_err(|e| failed(e.to_string()))?;
    let key = Key::new(Kept::Photo).part(SETTINGS).part(&bytes).name();
    let dir = cache.join("photos");
    let cached: Vec<(String, PathBuf)> = photo
        .widths
        .iter()
        .map(|w| (photo.variant(*w), dir.join(format!("{key}-{w}.jpg"))))
        .collect();
    if cached.iter().all(|(_, path)| path.is_file()) {
        return Ok(cached);
    }
    let image = decode_upright(&bytes).map_err(failed)?;
    fs::create_dir_all(&dir)
        .map_err(|e| failed(format!("cannot create {}: {e}", dir.display())))?;
    for ((_, path), width) in cached.iter().zip(&photo.widths) {
        let resized = image
            .resize(
                *width,
                photo.height_at(*width),
                image::imageops::FilterType::CatmullRom,
            )
            .into_rgb8();
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, QUALITY)
            .encode_image(&resized)
            .map_err(|e| failed(e.to_string()))?;
        crate::cache::store(path, &jpeg).map_err(|e| failed(e.to_string()))?;
    }
    Ok(cached)
}

pub(crate) fn decode_upright(bytes: &[u8]) -> Result<DynamicImage, String> {
    let mut decoder = ImageReader::new(BufReader::new(std::io::Cursor::new(bytes)))
        .with_guessed_format()
        .map_err(|e| e.to_string())?
        .into_decoder()
        .map_err(|e| e.to_string())?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    image.apply_orientation(orientation);
    Ok(image)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(width: u32, height: u32) -> Photo {
        Photo {
            name: "anh/cong.jpg".to_owned(),
            width,
            height,
            widths: widths_for(width),
        }
    }

    #[test]
    fn small_photos_are_never_enlarged() {
        assert_eq!(photo(500, 300).widths, [400, 500]);
        assert_eq!(photo(4000, 3000).widths, [400, 600, 900, 1400]);
    }

    #[test]
    fn variants_keep_the_aspect_ratio_and_folder() {
        let p = photo(1200, 800);
        assert_eq!(p.height_at(600), 400);
        assert_eq!(p.variant(600), "anh/cong-600.jpg");
        assert_eq!(p.fallback_width(900), 900);
    }
}
