//! The relics' map: their lat/lon projected onto an SVG drawn by the theme, with no tile
//! server, so it loads at once and works offline.

use serde::Serialize;

use crate::model::Site;

/// Width of the drawing in SVG units; the height follows the relics' spread.
const WIDTH: f64 = 1000.0;
/// Room around the points, on the right for the code labels.
const MARGIN: f64 = 50.0;
const LABEL_ROOM: f64 = 110.0;
const KM_PER_DEGREE_LAT: f64 = 110.57;
const KM_PER_DEGREE_LON_AT_EQUATOR: f64 = 111.32;

#[derive(Serialize)]
pub struct MapView {
    pub width: f64,
    pub height: f64,
    pub points: Vec<MapPoint>,
    /// A scale bar: its length in SVG units and the kilometres it stands for.
    pub scale_km: f64,
    pub scale_length: f64,
}

#[derive(Serialize)]
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
    pub id: String,
    pub name: String,
    pub rank: String,
    pub href: String,
}

/// Projects the located relics with an equirectangular projection around their centre: at a
/// commune's or a province's size the distortion is far below a marker's width.
pub fn view(site: &Site, lang: &str, href: impl Fn(&crate::model::Relic) -> String) -> MapView {
    project(
        site.relics
            .iter()
            .filter_map(|relic| {
                let place = relic.location?;
                Some((
                    place.lat,
                    place.lon,
                    Marker {
                        id: relic.id.clone(),
                        name: relic.text_or_default(lang).name.clone(),
                        rank: relic.rank.key().to_owned(),
                        href: href(relic),
                    },
                ))
            })
            .collect(),
    )
}

/// What a point on the map stands for.
pub struct Marker {
    pub id: String,
    pub name: String,
    pub rank: String,
    pub href: String,
}

/// The map of `located` markers, each at its latitude and longitude.
pub fn project(located: Vec<(f64, f64, Marker)>) -> MapView {
    if located.is_empty() {
        return MapView {
            width: WIDTH,
            height: 0.0,
            points: Vec::new(),
            scale_km: 0.0,
            scale_length: 0.0,
        };
    }
    let (min_lat, max_lat) = bounds(located.iter().map(|(lat, ..)| *lat));
    let (min_lon, max_lon) = bounds(located.iter().map(|(_, lon, _)| *lon));
    let km_per_lon = KM_PER_DEGREE_LON_AT_EQUATOR * ((min_lat + max_lat) / 2.0).to_radians().cos();
    // Half a kilometre at least, so one relic or a tight cluster is not blown up to the edges.
    let span_x = ((max_lon - min_lon) * km_per_lon).max(0.5);
    let span_y = ((max_lat - min_lat) * KM_PER_DEGREE_LAT).max(0.5);
    let scale = (WIDTH - 2.0 * MARGIN - LABEL_ROOM) / span_x.max(span_y);
    let height = (span_y * scale + 2.0 * MARGIN).max(320.0);
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let points = located
        .into_iter()
        .map(|(lat, lon, marker)| MapPoint {
            x: round(MARGIN + (lon - min_lon) * km_per_lon * scale),
            y: round(MARGIN + (max_lat - lat) * KM_PER_DEGREE_LAT * scale),
            id: marker.id,
            name: marker.name,
            rank: marker.rank,
            href: marker.href,
        })
        .collect();
    let scale_km = nice_length(span_x.max(span_y) / 4.0);
    MapView {
        width: WIDTH,
        height: round(height),
        points,
        scale_km,
        scale_length: round(scale_km * scale),
    }
}

fn bounds(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

/// The largest of 1, 2 and 5 times a power of ten that does not exceed `km`.
fn nice_length(km: f64) -> f64 {
    let power = 10f64.powf(km.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * power)
        .find(|v| *v <= km)
        .unwrap_or(power)
}

#[cfg(test)]
mod tests {
    use super::nice_length;

    #[test]
    fn scale_bars_have_round_lengths() {
        assert_eq!(nice_length(0.37), 0.2);
        assert_eq!(nice_length(3.0), 2.0);
        assert_eq!(nice_length(7.5), 5.0);
        assert_eq!(nice_length(10.0), 10.0);
    }
}
