//! Photos and audio brought into a relic's folder from the studio. Phones and cameras give
//! 12-megapixel photos saved sideways with the place they were taken in them; what is kept in
//! the folder is upright, at most [`MAX_SIDE`] pixels on its longer side, and carries no
//! metadata, under a plain ASCII name that every disk and web host takes.

use std::path::Path;

use crate::slug::slugify;

/// The largest upload: a photo straight from a phone, or a few minutes of audio.
pub const MAX_UPLOAD: usize = 40 * 1024 * 1024;

/// The longer side of a photo as kept: more than the widest variant the guide publishes,
/// far less than a phone's camera makes.
pub const MAX_SIDE: u32 = 4000;

/// What an upload becomes in the relic's folder.
pub enum Kept {
    Photo { name: String, bytes: Vec<u8> },
    Audio { name: String, bytes: Vec<u8> },
}

/// The upload `original` (the name it had on the officer's computer) with its `bytes`, made
/// ready for the folder `folder`; the refusal says, in Vietnamese and English, what to do.
pub fn prepare(folder: &Path, original: &str, bytes: &[u8]) -> Result<Kept, String> {
    let extension = original
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "jpg" | "jpeg" | "png" | "webp" => Ok(Kept::Photo {
            name: free_name(folder, original, "jpg"),
            bytes: photo(bytes)?,
        }),
        "mp3" | "ogg" | "m4a" | "opus" => Ok(Kept::Audio {
            name: free_name(folder, original, &extension),
            bytes: bytes.to_vec(),
        }),
        "heic" | "heif" => Err(
            "Ảnh HEIC của iPhone chưa đọc được. Trên iPhone, vào Cài đặt > Camera > Định dạng, chọn \"Tương thích nhất\" rồi chụp lại, hoặc gửi ảnh qua Zalo rồi tải ảnh đã nhận về: ảnh đó là JPEG. / iPhone HEIC photos cannot be read: choose Settings > Camera > Formats > Most Compatible, or send the photo through Zalo and save the JPEG it gives.".to_owned(),
        ),
        _ => Err(format!(
            "Tệp \"{original}\" không phải ảnh JPEG, PNG, WebP hay âm thanh MP3, OGG, M4A. Hãy lưu lại ảnh dạng JPEG (trong Paint: Tệp > Lưu thành > JPEG). / \"{original}\" is not a JPEG, PNG or WebP photo nor MP3, OGG or M4A audio: save it as JPEG first."
        )),
    }
}

/// The photo upright, scaled down to [`MAX_SIDE`], encoded afresh as JPEG: the new file
/// holds pixels only, so the camera's GPS position and make are gone.
fn photo(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let image = crate::photos::decode_upright(bytes).map_err(|e| {
        format!("Không đọc được ảnh: tệp hỏng hoặc không phải ảnh. / The photo cannot be read: {e}")
    })?;
    let image = if image.width().max(image.height()) > MAX_SIDE {
        image.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Lanczos3)
    } else {
        image
    };
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 88)
        .encode_image(&image.to_rgb8())
        .map_err(|e| format!("Không lưu được ảnh. / The photo cannot be encoded: {e}"))?;
    Ok(jpeg)
}

/// `ảnh Đền Cả.JPG` → `anh-den-ca.jpg`, or `anh-den-ca-2.jpg` when the folder has that one.
/// The name is made from letters and digits alone, so `../x`, `C:\x`, `CON` or a NUL byte can
/// only ever name a file inside the folder.
fn free_name(folder: &Path, original: &str, extension: &str) -> String {
    let stem = original
        .rsplit(['/', '\\'])
        .next()
        .and_then(|n| n.rsplit_once('.').map(|(s, _)| s))
        .unwrap_or(original);
    let mut stem = slugify(stem);
    // Windows keeps these names for devices, in any case and with any extension.
    let reserved = ["con", "prn", "aux", "nul"];
    let device = |s: &str| {
        reserved.contains(&s) || (s.len() == 4 && (s.starts_with("com") || s.starts_with("lpt")))
    };
    if stem.is_empty() || device(&stem) {
        stem = format!("tep-{stem}").trim_end_matches('-').to_owned();
    }
    (1..)
        .map(|n| match n {
            1 => format!("{stem}.{extension}"),
            n => format!("{stem}-{n}.{extension}"),
        })
        .find(|name| !folder.join(name).exists())
        .expect("some suffix is free")
}

/// What an upload says of itself in its headers, percent-encoded since they are ASCII.
pub struct Sent {
    /// The file's name on the officer's computer.
    pub name: String,
    /// What the photo shows, asked for as it is added.
    pub alt: String,
    /// The version of the relic file the form was opened from.
    pub version: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain_ascii_inside_the_folder() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(folder.path().join("anh-den-ca.jpg"), b"").unwrap();
        let name = |original| free_name(folder.path(), original, "jpg");
        assert_eq!(name("Ảnh Đền Cả.JPG"), "anh-den-ca-2.jpg");
        assert_eq!(name("../../site.toml.jpg"), "site-toml.jpg");
        assert_eq!(name("C:\\Users\\x\\cong.jpg"), "cong.jpg");
        assert_eq!(name("CON.jpg"), "tep-con.jpg");
        assert_eq!(name("com1.jpg"), "tep-com1.jpg");
        assert_eq!(name("\0.jpg"), "tep.jpg");
    }

    #[test]
    fn heic_and_unknown_files_are_refused_with_what_to_do() {
        let folder = tempfile::tempdir().unwrap();
        let refused = |name| match prepare(folder.path(), name, b"x") {
            Err(why) => why,
            Ok(_) => panic!("{name} was taken"),
        };
        assert!(refused("IMG_0001.HEIC").contains("Tương thích nhất"));
        assert!(refused("bai-viet.docx").contains("JPEG"));
    }
}
