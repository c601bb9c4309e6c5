//! The theme's interface strings (`i18n/<lang>.toml`), checked once so that rendering can look
//! labels up without failing.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::{Category, Date, Rank, RelicType};

pub struct Strings {
    by_language: BTreeMap<String, toml::Table>,
}

#[derive(Clone, Copy)]
pub struct LanguageStrings<'a>(&'a toml::Table);

/// Keys the code itself reads; templates may read any other.
const REQUIRED: &[&str] = &[
    "language_name",
    "posters_title",
    "poster_rank",
    "poster_types_join",
    "poster_scan",
    "poster_wifi",
];

impl Strings {
    /// Every language's strings, as JSON: what page keys hash.
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(&self.by_language).expect("TOML tables serialize as JSON")
    }

    pub fn new(
        theme: &BTreeMap<String, toml::Table>,
        config: &Config,
    ) -> Result<Strings, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut by_language = BTreeMap::new();
        for lang in &config.languages {
            let file = format!("i18n/{lang}.toml");
            let Some(table) = theme.get(lang) else {
                problems.push(
                    Diagnostic::error(format!(
                        "the theme has no strings for the language `{lang}`"
                    ))
                    .help(format!(
                        "add themes/default/{file}, translated from i18n/en.toml"
                    )),
                );
                continue;
            };
            let mut missing: Vec<String> = REQUIRED
                .iter()
                .filter(|k| !table.contains_key(**k))
                .map(|k| (*k).to_owned())
                .collect();
            let groups: [(&str, Vec<&str>); 5] = [
                (Rank::GROUP, Rank::keys()),
                ("rank_level", Rank::keys()),
                (Category::GROUP, Category::keys()),
                (RelicType::GROUP, RelicType::keys()),
                ("type_phrase", RelicType::keys()),
            ];
            for (group, keys) in groups {
                let labels = table.get(group).and_then(toml::Value::as_table);
                for key in keys {
                    if labels
                        .and_then(|l| l.get(key))
                        .and_then(toml::Value::as_str)
                        .is_none()
                    {
                        missing.push(format!("{group}.{key}"));
                    }
                }
            }
            if !missing.is_empty() {
                problems.push(
                    Diagnostic::error(format!(
                        "the theme's strings for `{lang}` lack {}",
                        missing.join(", ")
                    ))
                    .help(format!("add them to {file} in the theme")),
                );
            }
            by_language.insert(lang.clone(), table.clone());
        }
        if problems.is_empty() {
            Ok(Strings { by_language })
        } else {
            Err(problems)
        }
    }

    /// The strings of one of the site's languages.
    pub fn get(&self, lang: &str) -> LanguageStrings<'_> {
        LanguageStrings(&self.by_language[lang])
    }
}

impl<'a> LanguageStrings<'a> {
    pub fn table(self) -> &'a toml::Table {
        self.0
    }

    pub fn text(self, key: &str) -> &'a str {
        self.0
            .get(key)
            .and_then(toml::Value::as_str)
            .unwrap_or_default()
    }

    /// The label of a vocabulary key; `new` checked that every one exists.
    pub fn label(self, group: &str, key: &str) -> &'a str {
        self.0
            .get(group)
            .and_then(|g| g.get(key))
            .and_then(toml::Value::as_str)
            .unwrap_or_default()
    }

    /// `7 December 2016` where the language lists `months`, `07/12/2016` otherwise.
    pub fn date(self, date: Date) -> String {
        let month = self
            .0
            .get("months")
            .and_then(toml::Value::as_array)
            .and_then(|months| months.get(usize::from(date.month).checked_sub(1)?))
            .and_then(toml::Value::as_str);
        match month {
            Some(month) => format!("{} {month} {}", date.day, date.year),
            None => format!("{:02}/{:02}/{}", date.day, date.month, date.year),
        }
    }
}
