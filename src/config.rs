//! `site.toml`: the commune's settings, read once and shared by every stage.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Location};
use crate::load::toml_error;

/// The file name that marks a project folder.
pub const FILE_NAME: &str = "site.toml";

/// `site.toml` as written. Every key is documented here: this is its reference.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    /// The public address the guide is served from, e.g. `https://longthanh.example.gov.vn/du-lich/`.
    /// It is printed inside every QR code, so it must not change once plaques are printed.
    base_url: Spanned<String>,
    /// Language codes, the first one the default: `["vi", "en"]`. The default language's pages
    /// sit at the top of the site, the others under `/<code>/`.
    languages: Spanned<Vec<String>>,
    /// The guide's name in each language: `[title]` with `vi = "…"`, `en = "…"`.
    title: Spanned<BTreeMap<String, String>>,
    /// Where the relics are: `[commune]` with `name`, `district`, `province`.
    commune: Commune,
    /// Who answers visitors' questions; shown in every page's footer.
    #[serde(default)]
    contact: Contact,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Commune {
    /// The commune's name without the word "xã": `Long Thành`.
    pub name: String,
    /// `Yên Thành`.
    pub district: String,
    /// `Nghệ An`.
    pub province: String,
}

#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The office responsible for the relics, e.g. the commune's culture office.
    pub office: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The validated settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Always ends with `/`.
    pub base_url: String,
    /// The host as printed for people to check: `longthanh.example.gov.vn`.
    pub host: String,
    /// The path part of `base_url`, starting and ending with `/`.
    pub base_path: String,
    pub languages: Vec<String>,
    pub title: BTreeMap<String, String>,
    pub commune: Commune,
    pub contact: Contact,
}

impl Config {
    pub fn default_language(&self) -> &str {
        &self.languages[0]
    }

    /// The absolute URL of a path inside the site (`den-ca/` → `https://…/den-ca/`).
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

/// Reads and validates `root/site.toml`.
pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
    let file = Path::new(FILE_NAME);
    let bytes = std::fs::read(root.join(file)).map_err(|err| {
        vec![
            Diagnostic::error(format!("cannot read {FILE_NAME}: {err}"))
                .in_file(file)
                .help(
                    "run ditich in the project folder (the one with site.toml), or pass --root DIR",
                ),
        ]
    })?;
    let source = crate::load::text::decode(file, &bytes).map_err(|d| vec![d])?;
    let raw: RawConfig = toml_error::parse(file, &source, 0, &source).map_err(|d| vec![d])?;
    resolve(file, &source, raw)
}

fn resolve(file: &Path, source: &str, raw: RawConfig) -> Result<Config, Vec<Diagnostic>> {
    let RawConfig {
        base_url,
        languages,
        title,
        commune,
        contact,
    } = raw;
    let mut problems = Vec::new();
    let at = |span: std::ops::Range<usize>| Location::of_span(source, span);

    let parsed = url::Url::parse(base_url.get_ref()).ok().filter(|u| {
        matches!(u.scheme(), "http" | "https") && u.host_str().is_some() && u.query().is_none()
    });
    let (host, base_path) = match &parsed {
        Some(url) => (
            url.host_str().unwrap_or_default().to_owned(),
            format!("{}/", url.path().trim_end_matches('/')),
        ),
        None => {
            problems.push(
                Diagnostic::error(format!("`base_url` \"{}\" is not a web address", base_url.get_ref()))
                    .in_file(file)
                    .at(at(base_url.span()))
                    .help("write the full address the guide is published at, e.g. base_url = \"https://longthanh.example.gov.vn/du-lich/\""),
            );
            (String::new(), "/".to_owned())
        }
    };

    let codes = languages.get_ref();
    if codes.is_empty() {
        problems.push(
            Diagnostic::error("`languages` is empty")
                .in_file(file)
                .at(at(languages.span()))
                .help("write languages = [\"vi\", \"en\"]"),
        );
    }
    for code in codes {
        if code.len() < 2 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            problems.push(
                Diagnostic::error(format!("`{code}` is not a language code"))
                    .in_file(file)
                    .at(at(languages.span()))
                    .help("use two-letter codes such as \"vi\" and \"en\""),
            );
        }
    }
    for code in codes {
        if !title.get_ref().contains_key(code) {
            problems.push(
                Diagnostic::error(format!("the guide has no title in `{code}`"))
                    .in_file(file)
                    .at(at(title.span()))
                    .help(format!("add `{code} = \"…\"` under [title]")),
            );
        }
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    let base_url = parsed.map(|u| u.to_string()).unwrap_or_default();
    Ok(Config {
        base_url: format!("{}/", base_url.trim_end_matches('/')),
        host,
        base_path,
        languages: languages.into_inner(),
        title: title.into_inner(),
        commune,
        contact,
    })
}
