//! `ditich new`: a relic's folder with an `index.md` that holds every key, explained in
//! Vietnamese, ready to fill in. The keys and their explanations come from `load::fields`.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::diagnostic::{Diagnostic, display_path};
use crate::load::SITES_DIR;
use crate::load::fields::{FIELDS, Field, Kind, New, Vocabulary};
use crate::model::{self, Date, RelicType, kinds::Category, kinds::Rank};
use crate::slug::slugify;

/// The story a new relic starts with: the sections a dossier usually has.
const STORY: &str = include_str!("scaffold/story.md");
/// The summary of a new relic, which `check` warns about until it is replaced.
pub const PLACEHOLDER_SUMMARY: &str = "Viết một hai câu giới thiệu di tích ở đây.";

/// What `new` made.
#[derive(Debug)]
pub struct Created {
    /// The new file, relative to the project folder: `sites/den-ca/index.md`.
    pub file: String,
    pub id: String,
}

/// Makes `sites/<slug>/index.md` for a relic called `name`. The id is `id` or the next free
/// one after the project's ids and the codes already printed; the folder gets a suffix
/// (`den-ca-2`) if its name is taken.
pub fn relic(root: &Path, name: &str, id: Option<&str>, today: Date) -> anyhow::Result<Created> {
    let name = name.trim();
    let slug = slugify(name);
    if slug.is_empty() {
        bail!("the name {name:?} has no letter or digit to make a folder name from");
    }
    if !root.join("site.toml").is_file() {
        bail!(
            "{} has no site.toml, so it is not a ditich project\n  = help: run ditich in the project folder, or give it with --root",
            display_path(root)
        );
    }
    let (taken, labels) = project_facts(root);
    let id = match id {
        Some(id) => {
            let id = id.trim().to_ascii_uppercase();
            if !model::is_plaque_code(&id) {
                bail!(
                    "{id:?} cannot be a plaque code: use 2 to 12 capital letters or digits, e.g. DT08"
                );
            }
            if taken.contains(&id) {
                bail!("the id {id} is already used by a relic or a printed plaque");
            }
            id
        }
        None => model::next_free_code(&taken),
    };
    let folder = free_folder(&root.join(SITES_DIR), &slug);
    let filled = |key: &str| match key {
        "id" => toml_string(&id),
        "name" => toml_string(name),
        "summary" => toml_string(PLACEHOLDER_SUMMARY),
        "category" => toml_string(guess_category(&slug).key()),
        "types" => "[]".to_owned(),
        "updated" => today.to_string(),
        _ => field_suggestion(key),
    };
    let text = format!("+++\n{}+++\n{STORY}", front_matter(&filled, &labels));
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    let file = folder.join("index.md");
    std::fs::write(&file, text).with_context(|| format!("cannot write {}", file.display()))?;
    Ok(Created {
        file: display_path(file.strip_prefix(root).unwrap_or(&file)),
        id,
    })
}

/// The code a new relic of the project at `root` gets: the next one no relic or printed
/// plaque has.
pub fn next_code(root: &Path) -> String {
    model::next_free_code(&project_facts(root).0)
}

/// The Vietnamese names of a vocabulary's keys, by group and key, as the theme words them.
type Labels = Vec<(&'static str, &'static str, String)>;

/// Ids of the relics that load and of every plaque ever printed (a retired code must not
/// come back on another relic), and the theme's Vietnamese names of the vocabularies.
fn project_facts(root: &Path) -> (Vec<String>, Labels) {
    let mut ignored: Vec<Diagnostic> = Vec::new();
    let Some(project) = crate::load::project(root, &mut ignored) else {
        return (Vec::new(), Vec::new());
    };
    let printed = project.ledger.iter().flat_map(|ledger| ledger.ids());
    let mut ids: Vec<String> = project
        .parsed()
        .iter()
        .map(|r| r.main.front_matter.id.get_ref().trim().to_ascii_uppercase())
        .chain(printed)
        .collect();
    ids.sort();
    ids.dedup();
    let labels = crate::theme::strings::Strings::new(&project.theme, &project.config)
        .map(|strings| {
            let vi = strings.get("vi");
            let groups = [
                (Rank::GROUP, Rank::keys()),
                (Category::GROUP, Category::keys()),
                (RelicType::GROUP, RelicType::keys()),
            ];
            groups
                .into_iter()
                .flat_map(|(group, keys)| {
                    keys.into_iter()
                        .map(move |key| (group, key, vi.label(group, key).to_owned()))
                })
                .collect()
        })
        .unwrap_or_default();
    (ids, labels)
}

/// The front matter of a new relic: every key of [`FIELDS`] under its Vietnamese help, with
/// the value `filled` gives it or, for a key to fill in later, commented out as an example.
fn front_matter(filled: &dyn Fn(&str) -> String, labels: &Labels) -> String {
    let mut text = String::new();
    for field in FIELDS.iter().filter(|f| f.new != New::Left) {
        if field.kind == Kind::Photos {
            text.push('\n');
        }
        comment(&mut text, &explanation(field, labels));
        match (field.new, field.kind) {
            (New::Filled, _) => text.push_str(&format!("{} = {}\n", field.key, filled(field.key))),
            (_, Kind::Photos) => {
                for line in field.example.lines() {
                    text.push_str(&format!("# {line}\n"));
                }
            }
            _ => text.push_str(&format!("# {} = {}\n", field.key, field.example)),
        }
    }
    text
}

/// A field's help, and for a choice the words it takes with their Vietnamese names.
fn explanation(field: &Field, labels: &Labels) -> String {
    let group = match field.kind {
        Kind::Choice {
            of: Vocabulary::Rank,
            ..
        } => Rank::GROUP,
        Kind::Choice {
            of: Vocabulary::Category,
            ..
        } => Category::GROUP,
        Kind::Types => RelicType::GROUP,
        _ => return field.help.vi.to_owned(),
    };
    let words: Vec<String> = labels
        .iter()
        .filter(|(g, _, _)| *g == group)
        .map(|(_, key, label)| format!("\"{key}\" ({label})"))
        .collect();
    match words.is_empty() {
        true => field.help.vi.to_owned(),
        false => format!("{} Các giá trị: {}.", field.help.vi, words.join(", ")),
    }
}

/// `words` as `#` comment lines of at most 95 characters.
fn comment(text: &mut String, words: &str) {
    let mut line = String::from("#");
    for word in words.split(' ') {
        if line.chars().count() + 1 + word.chars().count() > 95 && line != "#" {
            text.push_str(&line);
            text.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    text.push_str(&line);
    text.push('\n');
}

fn field_suggestion(key: &str) -> String {
    crate::load::fields::field(key).map_or_else(String::new, Field::suggestion)
}

/// `den-ca`, or `den-ca-2`, `den-ca-3`… when that folder exists.
fn free_folder(sites: &Path, slug: &str) -> PathBuf {
    (1..)
        .map(|n| match n {
            1 => sites.join(slug),
            n => sites.join(format!("{slug}-{n}")),
        })
        .find(|folder| !folder.exists())
        .expect("some suffix is free")
}

/// The category a name begins with: "Đền Cả" is a temple, "Nhà thờ họ Doãn" an ancestral hall.
fn guess_category(slug: &str) -> Category {
    let words: Vec<&str> = slug.split('-').collect();
    (1..=words.len().min(4))
        .rev()
        .find_map(|n| Category::from_vietnamese(&words[..n].join("-")))
        .unwrap_or(Category::Other)
}

fn toml_string(value: &str) -> String {
    toml::Value::String(value.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_category_comes_from_the_name() {
        assert_eq!(guess_category(&slugify("Đền Cả")), Category::Temple);
        assert_eq!(
            guess_category(&slugify("Nhà thờ họ Doãn")),
            Category::AncestralHall
        );
        assert_eq!(
            guess_category(&slugify("Đình làng Lạc Thổ")),
            Category::CommunalHouse
        );
        assert_eq!(guess_category(&slugify("Cây đa cổ thụ")), Category::Other);
    }
}
