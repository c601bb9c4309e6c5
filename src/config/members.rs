//! A province's guide: a `site.toml` with `[province]` and `[[members]]` instead of
//! `[commune]`. It has no relics of its own; it is built from its member communes' data, and
//! every relic keeps its commune's pages as the canonical source.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::{FILE_NAME, RawConfig, Shared, WebAddress, read, resolve_shared};
use crate::diagnostic::{Diagnostic, Location};

/// `[province]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProvince {
    /// The province's name without the word "tỉnh": `Nghệ An`.
    name: String,
    /// The province's code from the official list of administrative units, two digits in
    /// quotes: `code = "40"`.
    code: Option<Spanned<String>>,
}

/// One `[[members]]` entry as written: a member is either a ditich project folder, or a
/// commune's published `relics.json` saved in this project.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMember {
    /// A commune's ditich project, relative to this project: `project = "../long-thanh"`. It
    /// is loaded from its sources as its own build would.
    project: Option<Spanned<String>>,
    /// A commune's published `data/relics.json`, saved in this project:
    /// `data = "members/dien-chau.json"`.
    data: Option<Spanned<String>>,
    /// Where the commune publishes that file, for `ditich fetch` to refresh `data` from:
    /// `url = "https://dienchau.example.gov.vn/du-lich/data/relics.json"`. Only with `data`.
    url: Option<Spanned<String>>,
    /// The member's page in this guide, `/<slug>/`. Default: made from the commune's name,
    /// `long-thanh`.
    slug: Option<Spanned<String>>,
}

/// A province's guide settings, checked.
#[derive(Debug, Clone)]
pub struct Guide {
    pub site: Shared,
    pub province: Province,
    /// In the order `site.toml` lists them.
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Province {
    pub name: String,
    /// Two digits.
    pub code: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Member {
    pub source: Source,
    /// As written; checked once the member's commune is known.
    pub slug: Option<String>,
    /// Where `site.toml` lists it, for the member's problems.
    pub at: Location,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A ditich project folder, joined to the guide's root.
    Project(PathBuf),
    /// A saved `relics.json`, joined to the guide's root, and where `fetch` refreshes it from.
    Saved { file: PathBuf, url: Option<String> },
}

/// Reads and validates `root/site.toml` as a province's guide.
pub fn load(root: &Path) -> Result<Guide, Vec<Diagnostic>> {
    let written = read(root)?;
    let (shared, mut problems) = resolve_shared(&written);
    let file = Path::new(FILE_NAME);
    let at = |span: std::ops::Range<usize>| Location::of_span(&written.source, span);
    let RawConfig {
        commune,
        province,
        members,
        ..
    } = written.raw;
    if let Some(commune) = commune {
        problems.push(
            Diagnostic::error(crate::text!("commune-and-members"))
                .in_file(file)
                .at(at(commune.span()))
                .help(crate::text!("commune-and-members-help")),
        );
    }
    let province = match province {
        Some(province) => {
            let RawProvince { name, code } = province.into_inner();
            let code = code.and_then(|code| {
                let text = code.get_ref().trim();
                if text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()) {
                    return Some(text.to_owned());
                }
                problems.push(
                    Diagnostic::error(crate::text!(
                        "unit-code-digits",
                        key = "code",
                        value = code.get_ref(),
                        count = 2
                    ))
                    .in_file(file)
                    .at(at(code.span()))
                    .help(crate::text!(
                        "unit-code-digits-help",
                        unit = "province",
                        count = 2
                    )),
                );
                None
            });
            Some(Province { name, code })
        }
        None => {
            problems.push(
                Diagnostic::error(crate::text!("province-missing"))
                    .in_file(file)
                    .help(crate::text!("province-missing-help")),
            );
            None
        }
    };
    let members: Vec<Member> = members
        .into_iter()
        .filter_map(|member| {
            let place = at(member.span());
            let RawMember {
                project,
                data,
                url,
                slug,
            } = member.into_inner();
            let mut wrong = |message, help| {
                problems.push(
                    Diagnostic::error(message)
                        .in_file(file)
                        .at(place.clone())
                        .help(help),
                );
            };
            let source = match (project, data, url) {
                (Some(project), None, None) => Source::Project(root.join(project.get_ref())),
                (None, Some(data), url) => {
                    let url = url.and_then(|url| match WebAddress::parse(url.get_ref()) {
                        Some((parsed, _)) => Some(parsed.to_string()),
                        None => {
                            wrong(
                                crate::text!("member-url-wrong", value = url.get_ref()),
                                crate::text!("member-url-wrong-help"),
                            );
                            None
                        }
                    });
                    Source::Saved {
                        file: root.join(data.get_ref()),
                        url,
                    }
                }
                (Some(_), None, Some(_)) => {
                    wrong(
                        crate::text!("member-url-without-data"),
                        crate::text!("member-url-without-data-help"),
                    );
                    return None;
                }
                (Some(_), Some(_), _) => {
                    wrong(
                        crate::text!("member-project-and-data"),
                        crate::text!("member-source-help"),
                    );
                    return None;
                }
                (None, None, _) => {
                    wrong(
                        crate::text!("member-source-missing"),
                        crate::text!("member-source-help"),
                    );
                    return None;
                }
            };
            let slug = slug.and_then(|slug| {
                let text = slug.get_ref().trim();
                if !text.is_empty() && crate::slug::slugify(text) == text {
                    return Some(text.to_owned());
                }
                problems.push(
                    Diagnostic::error(crate::text!("member-slug-wrong", value = slug.get_ref()))
                        .in_file(file)
                        .at(at(slug.span()))
                        .help(crate::text!(
                            "member-slug-wrong-help",
                            suggestion = crate::slug::slugify(text)
                        )),
                );
                None
            });
            Some(Member {
                source,
                slug,
                at: place,
            })
        })
        .collect();
    if members.is_empty() && problems.is_empty() {
        problems.push(
            Diagnostic::error(crate::text!("members-empty"))
                .in_file(file)
                .help(crate::text!("member-source-help")),
        );
    }
    match (shared, province) {
        (Some(site), Some(province)) if problems.is_empty() => Ok(Guide {
            site,
            province,
            members,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guide(members: &str) -> Result<Guide, Vec<Diagnostic>> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            format!(
                "base_url = \"https://dulich.example.gov.vn/di-tich/\"\n\
                 languages = [\"vi\", \"en\"]\n\
                 title = {{ vi = \"Di tích Nghệ An\", en = \"Heritage of Nghệ An\" }}\n\
                 [province]\nname = \"Nghệ An\"\ncode = \"40\"\n{members}"
            ),
        )
        .unwrap();
        let loaded = load(dir.path());
        // The paths are joined to the root: make them comparable once it is gone.
        loaded.map(|mut guide| {
            for member in &mut guide.members {
                match &mut member.source {
                    Source::Project(path) | Source::Saved { file: path, .. } => {
                        *path = path.strip_prefix(dir.path()).unwrap().to_path_buf();
                    }
                }
            }
            guide
        })
    }

    fn messages(result: Result<Guide, Vec<Diagnostic>>) -> Vec<String> {
        result
            .unwrap_err()
            .iter()
            .map(|d| {
                let line = d.location.as_ref().map_or(0, |l| l.line);
                format!("{} :{line}", d.message)
            })
            .collect()
    }

    #[test]
    fn members_are_projects_or_saved_data() {
        let guide = guide(
            "[[members]]\nproject = \"../long-thanh\"\n\
             [[members]]\ndata = \"members/dien-chau.json\"\n\
             url = \"https://dienchau.example.gov.vn/du-lich/data/relics.json\"\nslug = \"dien-chau\"\n",
        )
        .unwrap();
        assert_eq!(guide.province.code.as_deref(), Some("40"));
        assert_eq!(
            guide
                .members
                .iter()
                .map(|m| (m.source.clone(), m.slug.clone()))
                .collect::<Vec<_>>(),
            [
                (Source::Project("../long-thanh".into()), None),
                (
                    Source::Saved {
                        file: "members/dien-chau.json".into(),
                        url: Some(
                            "https://dienchau.example.gov.vn/du-lich/data/relics.json".into()
                        )
                    },
                    Some("dien-chau".into())
                ),
            ]
        );
    }

    #[test]
    fn a_wrong_member_is_reported_where_it_is_listed() {
        let found = messages(guide(
            "[[members]]\nproject = \"a\"\ndata = \"b.json\"\n\
             [[members]]\nslug = \"x\"\n\
             [[members]]\ndata = \"c.json\"\nurl = \"ftp://x/relics.json\"\n\
             [[members]]\ndata = \"d.json\"\nslug = \"Điễn Châu\"\n",
        ));
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(
            found[0].contains("both") && found[0].ends_with(":7"),
            "{found:?}"
        );
        assert!(
            found[1].contains("neither") && found[1].ends_with(":10"),
            "{found:?}"
        );
        assert!(found[2].contains("ftp://x"), "{found:?}");
        assert!(found[3].contains("Điễn Châu"), "{found:?}");
    }

    #[test]
    fn a_commune_command_on_a_guide_says_it_is_a_guide() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "base_url = \"https://dulich.example.gov.vn/\"\nlanguages = [\"vi\"]\n\
             title = { vi = \"Di tích Nghệ An\" }\n[province]\nname = \"Nghệ An\"\n\
             [[members]]\nproject = \"../long-thanh\"\n",
        )
        .unwrap();
        let problems = super::super::load(dir.path()).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("province"), "{problems:?}");
        assert_eq!(problems[0].location.as_ref().map(|l| l.line), Some(4));
    }

    #[test]
    fn a_guide_needs_a_province_and_members() {
        let found = messages(guide(""));
        assert!(found[0].contains("[[members]]"), "{found:?}");
    }
}
