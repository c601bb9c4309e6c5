//! The guide's search, which works offline and ignores diacritics: `den ca` and `đền cả` both
//! find Đền Cả. The index is cut into small files by the first letters of each word, so a
//! query loads the few files of its rarest word whatever the guide's size.
//!
//! The theme's `search.js` folds a query exactly as [`fold`] folds the names: decomposed,
//! without combining marks, `đ` as `d`, in lower case, split at anything but letters and
//! digits.

use std::collections::BTreeMap;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization as _;

use super::members::Commune;

/// The most relics one file of the index holds: about 60 KB, 15 KB as servers send it.
const LIMIT: usize = 300;

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

/// One relic as a search result: `[name, English name or "", its commune's number in the
/// index's list, relic page, English page or "", QR landing, code]`. An array, not an object:
/// the keys would be most of each file. The words it is found by are folded again by the page.
#[derive(Serialize)]
struct Entry<'a>(&'a str, &'a str, usize, &'a str, &'a str, &'a str, &'a str);

/// The index's table of contents, `search/index.json`: the communes' names, and for every
/// group of words the files that hold the relics with such a word. A group is the words that
/// begin with `key` (`[key, 0, relics, files]`), or the word `key` itself (`[key, 1, …]`) when
/// so many relics have it that no longer prefix can split them.
#[derive(Serialize)]
struct Contents<'a> {
    communes: Vec<&'a str>,
    groups: Vec<(String, u8, usize, Vec<usize>)>,
}

/// A group of words, and the relics that have one of them.
struct Group {
    key: String,
    exact: bool,
    relics: Vec<usize>,
}

/// Every file of the index: `search/index.json`, and the numbered files of relics
/// (`search/0.json` …). Each word of a relic's names, code and commune is in one group, and
/// the groups are cut at letters where they would pass [`LIMIT`], so a query loads the few
/// files of its rarest word whatever the guide's size.
pub fn files(communes: &[Commune]) -> Vec<(String, Vec<u8>)> {
    let relics: Vec<(usize, &super::members::Relic)> = communes
        .iter()
        .enumerate()
        .flat_map(|(c, commune)| commune.relics.iter().map(move |r| (c, r)))
        .collect();
    let mut words: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (c, relic)) in relics.iter().enumerate() {
        let mut own: Vec<String> = words_of(&communes[*c], relic)
            .split(' ')
            .map(str::to_owned)
            .collect();
        own.sort();
        own.dedup();
        for word in own {
            words.entry(word).or_default().push(i);
        }
    }
    let words: Vec<(&str, &[usize])> = words
        .iter()
        .map(|(w, r)| (w.as_str(), r.as_slice()))
        .collect();
    let mut groups = Vec::new();
    split("", &words, &mut groups);

    let mut files = Vec::new();
    let mut contents = Contents {
        communes: communes.iter().map(|c| c.name.as_str()).collect(),
        groups: Vec::new(),
    };
    for group in groups {
        let mut numbers = Vec::new();
        for page in group.relics.chunks(LIMIT) {
            let entries: Vec<Entry<'_>> = page
                .iter()
                .map(|&i| {
                    let (c, relic) = relics[i];
                    let english = relic.translations.get("en");
                    Entry(
                        &relic.name,
                        english.map_or("", |t| t.name.as_str()),
                        c,
                        &relic.url,
                        english.map_or("", |t| t.url.as_str()),
                        &relic.qr_url,
                        &relic.id,
                    )
                })
                .collect();
            numbers.push(files.len());
            let bytes = serde_json::to_vec(&entries).expect("entries serialize");
            files.push((format!("search/{}.json", files.len()), bytes));
        }
        contents.groups.push((
            group.key,
            u8::from(group.exact),
            group.relics.len(),
            numbers,
        ));
    }
    files.push((
        "search/index.json".to_owned(),
        serde_json::to_vec(&contents).expect("the index serializes"),
    ));
    files
}

/// Cuts the sorted `words` that begin with `prefix` into groups of at most [`LIMIT`] relics,
/// by one more letter each time; a word shared by more relics is a group of its own.
fn split(prefix: &str, words: &[(&str, &[usize])], groups: &mut Vec<Group>) {
    let union = |words: &[(&str, &[usize])]| {
        let mut relics: Vec<usize> = words.iter().flat_map(|(_, r)| r.iter().copied()).collect();
        relics.sort_unstable();
        relics.dedup();
        relics
    };
    let relics = union(words);
    let length = prefix.chars().count();
    if relics.len() <= LIMIT || words.iter().all(|(w, _)| w.chars().count() <= length) {
        let exact = !prefix.is_empty() && words.iter().all(|(w, _)| *w == prefix);
        groups.push(Group {
            key: prefix.to_owned(),
            exact,
            relics,
        });
        return;
    }
    let (exact, longer): (Vec<_>, Vec<_>) = words.iter().partition(|(w, _)| *w == prefix);
    if !exact.is_empty() {
        groups.push(Group {
            key: prefix.to_owned(),
            exact: true,
            relics: union(&exact),
        });
    }
    let next = |word: &str| word.chars().take(length + 1).collect::<String>();
    for group in longer.chunk_by(|a, b| next(a.0) == next(b.0)) {
        split(&next(group[0].0), group, groups);
    }
}

/// The words a relic is found by: its names, its code and its commune's name, folded. The
/// page folds the same four from each entry.
fn words_of(commune: &Commune, relic: &super::members::Relic) -> String {
    let english = relic.translations.get("en").map_or("", |t| t.name.as_str());
    fold(&format!(
        "{} {} {} {}",
        relic.name, english, relic.id, commune.name
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_cut_where_they_would_pass_the_limit() {
        let many: Vec<usize> = (0..LIMIT + 1).collect();
        let few: Vec<usize> = vec![0, 1];
        // `den` on more relics than a file holds, `dinh` and `doan` on a few.
        let words = [
            ("den", many.as_slice()),
            ("dinh", few.as_slice()),
            ("doan", few.as_slice()),
        ];
        let mut groups = Vec::new();
        split("", &words, &mut groups);
        let keys: Vec<(&str, bool, usize)> = groups
            .iter()
            .map(|g| (g.key.as_str(), g.exact, g.relics.len()))
            .collect();
        assert_eq!(
            keys,
            [("den", true, LIMIT + 1), ("di", false, 2), ("do", false, 2)]
        );
        // A guide small enough is one group, which every word begins with.
        let mut groups = Vec::new();
        split("", &words[1..], &mut groups);
        assert_eq!(groups.len(), 1);
        assert_eq!((groups[0].key.as_str(), groups[0].exact), ("", false));
    }

    #[test]
    fn diacritics_and_case_fold_away() {
        assert_eq!(fold("Đền Cả"), "den ca");
        assert_eq!(fold("den ca"), "den ca");
        assert_eq!(fold("ĐÌNH  Long-Thành (xóm 3)"), "dinh long thanh xom 3");
        // Decomposed input, as macOS writes file names.
        assert_eq!(fold("Chu\u{300}a Bu\u{300}i"), "chua bui");
    }
}
