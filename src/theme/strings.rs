//! The theme's interface strings (`i18n/<lang>.toml`), checked once so that rendering can look
//! labels up without failing.

use std::collections::BTreeMap;

use std::path::Path;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::load::theme::Theme;
use crate::model::{Category, Date, Rank, RelicType};

pub struct Strings {
    by_language: BTreeMap<String, toml::Table>,
}

#[derive(Clone, Copy)]
pub struct LanguageStrings<'a>(&'a toml::Table);

/// The strings the code itself reads; templates may read any other. Lookups go through this
/// list, so a string the code reads is always one a theme is checked for.
#[derive(Debug, Clone, Copy)]
pub enum Key {
    LanguageName,
    HomeDescription,
    NotTranslated,
    MapTitle,
    MapDescription,
    CodesTitle,
    KioskTitle,
    PostersTitle,
    PosterRank,
    PosterTypesJoin,
    PosterScan,
    PosterWifi,
}

impl Key {
    const ALL: [Key; 12] = [
        Key::LanguageName,
        Key::HomeDescription,
        Key::NotTranslated,
        Key::MapTitle,
        Key::MapDescription,
        Key::CodesTitle,
        Key::KioskTitle,
        Key::PostersTitle,
        Key::PosterRank,
        Key::PosterTypesJoin,
        Key::PosterScan,
        Key::PosterWifi,
    ];

    /// Its name in `i18n/<lang>.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Key::LanguageName => "language_name",
            Key::HomeDescription => "home_description",
            Key::NotTranslated => "not_translated",
            Key::MapTitle => "map_title",
            Key::MapDescription => "map_description",
            Key::CodesTitle => "codes_title",
            Key::KioskTitle => "kiosk_title",
            Key::PostersTitle => "posters_title",
            Key::PosterRank => "poster_rank",
            Key::PosterTypesJoin => "poster_types_join",
            Key::PosterScan => "poster_scan",
            Key::PosterWifi => "poster_wifi",
        }
    }
}

impl Strings {
    /// Every language's strings, as JSON: what page keys hash.
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(&self.by_language).expect("TOML tables serialize as JSON")
    }

    pub fn new(theme: &Theme, config: &Config) -> Result<Strings, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut by_language = BTreeMap::new();
        for lang in &config.languages {
            let file = format!("i18n/{lang}.toml");
            let Some(table) = theme.strings.get(lang) else {
                problems.push(
                    Diagnostic::error(crate::text!("theme-strings-missing", code = lang))
                        .help(crate::text!("theme-strings-missing-help", file = file)),
                );
                continue;
            };
            let mut missing: Vec<String> = Key::ALL
                .iter()
                .map(|k| k.name())
                .filter(|k| table.get(*k).and_then(toml::Value::as_str).is_none())
                .map(str::to_owned)
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
                let origin = theme
                    .strings_origin
                    .get(lang)
                    .map_or(file.as_str(), String::as_str);
                problems.push(
                    Diagnostic::error(crate::text!(
                        "theme-strings-lack",
                        code = lang,
                        keys = missing.join(", ")
                    ))
                    .in_file(Path::new(origin))
                    .help(crate::text!(
                        "theme-strings-lack-help",
                        file = origin,
                        code = lang
                    )),
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

    /// A string `new` checked to exist.
    pub fn text(self, key: Key) -> &'a str {
        self.0
            .get(key.name())
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
