//! Properties that must hold for any input, checked on random ones (proptest).

use ditich::config::ErrorCorrection;
use ditich::qr::{Matrix, QUIET_ZONE};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

proptest! {
    #[test]
    fn slugs_are_always_valid_and_stable(name in "\\PC{0,60}") {
        let slug = ditich::slug::slugify(&name);
        prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
        prop_assert_eq!(ditich::slug::slugify(&slug), slug.clone());
        let decomposed: String = name.nfd().collect();
        prop_assert_eq!(ditich::slug::slugify(&decomposed), slug);
    }

    #[test]
    fn plaque_codes_are_exactly_two_to_twelve_capitals_or_digits(id in "\\PC{0,14}") {
        let expected = (2..=12).contains(&id.len()) && id.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        prop_assert_eq!(ditich::model::is_plaque_code(&id), expected);
    }

    #[test]
    fn valid_codes_are_accepted(id in "[A-Z0-9]{2,12}") {
        prop_assert!(ditich::model::is_plaque_code(&id));
    }

    #[test]
    fn decoded_text_is_nfc_whatever_the_form_it_was_saved_in(text in "\\PC{0,80}") {
        let nfd: String = text.nfd().collect();
        let decoded = ditich::read::text::decode(std::path::Path::new("a.md"), nfd.as_bytes()).unwrap();
        prop_assert!(unicode_normalization::is_nfc(&decoded));
        prop_assert_eq!(decoded, text.replace("\r\n", "\n").nfc().collect::<String>());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_landing_url_round_trips_through_a_printed_code(
        host in "[A-Z]{1,12}(\\.[A-Z]{2,8}){1,3}",
        path in "(/[a-z0-9-]{1,10}){0,2}",
        id in "[A-Z0-9]{2,12}",
        high in any::<bool>(),
    ) {
        let url = format!("https://{host}{path}/Q/{id}/");
        let level = if high { ErrorCorrection::H } else { ErrorCorrection::Q };
        let matrix = Matrix::encode(&url, level).unwrap();
        // Drawn as the posters draw it: 6 pixels a module, with the quiet zone.
        let side = (matrix.width + 2 * QUIET_ZONE) * 6;
        let image = image::GrayImage::from_fn(side as u32, side as u32, |x, y| {
            let (mx, my) = ((x as usize / 6).wrapping_sub(QUIET_ZONE), (y as usize / 6).wrapping_sub(QUIET_ZONE));
            image::Luma([if mx < matrix.width && my < matrix.width && matrix.is_dark(mx, my) { 0 } else { 255 }])
        });
        let mut prepared = rqrr::PreparedImage::prepare(image);
        let grids = prepared.detect_grids();
        prop_assert_eq!(grids.len(), 1);
        prop_assert_eq!(grids[0].decode().unwrap().1, url);
    }
}
