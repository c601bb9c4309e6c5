//! `data/scans.csv` and `data/scans.json`: the monthly QR scans per code that `ditich stats
//! --publish` kept in `stats/scans.csv`, published so that the commune reports its scans to
//! the district with a link. Written only when there are counts to publish.

use serde::Serialize;

use super::data::LICENSE;
use crate::model::Site;
use crate::stats::published;

pub(super) const CSV: &str = "data/scans.csv";
pub(super) const JSON: &str = "data/scans.json";

/// The kept file as it is: `period,id,scans,visitors`.
pub fn csv(site: &Site) -> Vec<u8> {
    published::csv(&site.scans)
}

pub fn json(site: &Site) -> Vec<u8> {
    #[derive(Serialize)]
    struct Document<'a> {
        title: &'a std::collections::BTreeMap<String, String>,
        base_url: &'a str,
        license: &'static str,
        /// What a row counts, for a reader who meets the file alone.
        period: &'static str,
        visitors: &'static str,
        scans: Vec<Row<'a>>,
    }
    #[derive(Serialize)]
    struct Row<'a> {
        period: String,
        id: &'a str,
        scans: u64,
        visitors: u64,
    }
    let config = &site.config;
    let mut bytes = serde_json::to_vec_pretty(&Document {
        title: &config.title,
        base_url: &config.base_url,
        license: LICENSE,
        period: "month",
        visitors: "estimated distinct visitors: one address with one browser, counted without keeping either",
        scans: site
            .scans
            .iter()
            .map(|row| Row {
                period: row.month.to_string(),
                id: &row.id,
                scans: row.scans,
                visitors: row.visitors,
            })
            .collect(),
    })
    .unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
