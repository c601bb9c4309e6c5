//! The guide's search, which works offline and ignores diacritics: `den ca` and `đền cả` both
//! find Đền Cả. The index is cut into small files by the first letters of each word, so a
//! query loads one file (a few for a one- or two-letter word) whatever the guide's size.
//!
//! The theme's `search.js` folds a query exactly as [`fold`] folds the names: decomposed,
//! without combining marks, `đ` as `d`, in lower case, split at anything but letters and
//! digits.

use std::collections::BTreeMap;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization as _;

use super::members::Commune;

/// How many first letters of a word name its index file.
const KEY_LENGTH: usize = 3;

/// `Đền Cả (Khu 3)` → `den ca khu 3`.
pub fn fold(text: &str) -> String {
    let plain: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One relic as a search result: `[name, English name or "", commune's page, relic page,
/// English page or "", QR landing, folded words]`. An array, not an object: the keys would
/// be most of each file.
#[derive(Serialize)]
struct Entry<'a>(&'a str, &'a str, &'a str, &'a str, &'a str, &'a str, String);

/// Every file of the index: `search/index.json`, which lists the keys, and one file per key,
/// `search/<key>.json`, holding each relic that has a word beginning with that key, with the
/// commune names it refers to.
pub fn files(communes: &[Commune]) -> Vec<(String, Vec<u8>)> {
    let mut shards: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (c, commune) in communes.iter().enumerate() {
        for (r, relic) in commune.relics.iter().enumerate() {
            let mut keys: Vec<String> = words(commune, relic).split(' ').filter_map(key).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                shards.entry(key).or_default().push((c, r));
            }
        }
    }
    let mut files = vec![(
        "search/index.json".to_owned(),
        serde_json::to_vec(&shards.keys().collect::<Vec<_>>()).expect("keys serialize"),
    )];
    for (key, relics) in &shards {
        let entries: Vec<Entry<'_>> = relics
            .iter()
            .map(|&(c, r)| {
                let commune = &communes[c];
                let relic = &commune.relics[r];
                let english = relic.translations.get("en");
                Entry(
                    &relic.name,
                    english.map_or("", |t| t.name.as_str()),
                    &commune.name,
                    &relic.url,
                    english.map_or("", |t| t.url.as_str()),
                    &relic.qr_url,
                    words(commune, relic),
                )
            })
            .collect();
        let bytes = serde_json::to_vec(&entries).expect("entries serialize");
        files.push((format!("search/{key}.json"), bytes));
    }
    files
}

/// The words a relic is found by: its names, its code and its commune's name, folded.
fn words(commune: &Commune, relic: &super::members::Relic) -> String {
    let english = relic.translations.get("en").map_or("", |t| t.name.as_str());
    fold(&format!(
        "{} {} {} {}",
        relic.name, english, relic.id, commune.name
    ))
}

/// The index file a word is in: its first letters, when they are ASCII letters or digits
/// (every Vietnamese word, folded); other scripts are not indexed.
fn key(word: &str) -> Option<String> {
    let key: String = word.chars().take(KEY_LENGTH).collect();
    (!key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diacritics_and_case_fold_away() {
        assert_eq!(fold("Đền Cả"), "den ca");
        assert_eq!(fold("den ca"), "den ca");
        assert_eq!(fold("ĐÌNH  Long-Thành (xóm 3)"), "dinh long thanh xom 3");
        // Decomposed input, as macOS writes file names.
        assert_eq!(fold("Chu\u{300}a Bu\u{300}i"), "chua bui");
    }
}
