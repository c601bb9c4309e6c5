//! schema.org JSON-LD for a relic page, so search engines and other localities' portals can
//! read what the page describes.

use serde_json::json;

use crate::config::Config;
use crate::model::{Relic, Text};
use crate::urls;

pub fn relic(config: &Config, relic: &Relic, text: &Text) -> String {
    let page = urls::relic_page(config, &text.lang, &relic.slug);
    let commune = &config.commune;
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": ["LandmarksOrHistoricalBuildings", "TouristAttraction"],
        "@id": config.absolute(&page),
        "url": config.absolute(&page),
        "identifier": relic.id,
        "name": text.name,
        "description": text.summary,
        "inLanguage": text.lang,
        "isAccessibleForFree": true,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": relic.hamlet,
            "addressLocality": commune.name,
            "addressRegion": commune.province,
            "addressCountry": "VN",
        },
        "containedInPlace": {
            "@type": "AdministrativeArea",
            "name": commune.levels().join(", "),
        },
    });
    if let Some(code) = &commune.code {
        ld["containedInPlace"]["identifier"] = json!(code);
    }
    if let Some(point) = relic.location {
        ld["geo"] =
            json!({ "@type": "GeoCoordinates", "latitude": point.lat, "longitude": point.lon });
    }
    if let Some((name, width, height)) = relic.cover_variant() {
        ld["image"] = json!({
            "@type": "ImageObject",
            "url": config.absolute(&urls::relic_asset(&relic.slug, &name)),
            "width": width,
            "height": height,
        });
    }
    // In a <script> element only `</` can end the element early; JSON allows `<\/`.
    serde_json::to_string(&ld)
        .unwrap_or_default()
        .replace("</", "<\\/")
}
