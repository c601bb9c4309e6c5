//! `ditich new`: a relic's folder with an `index.md` that holds every key, explained in
//! Vietnamese, ready to fill in.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::diagnostic::{Diagnostic, display_path};
use crate::load::SITES_DIR;
use crate::model::{self, Date, kinds::Category};
use crate::slug::slugify;

const TEMPLATE: &str = include_str!("scaffold/index.md");
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
    let taken = taken_ids(root);
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
    let text = TEMPLATE
        .replace("{id}", &toml_string(&id))
        .replace("{name}", &toml_string(name))
        .replace("{summary}", &toml_string(PLACEHOLDER_SUMMARY))
        .replace("{category}", &toml_string(guess_category(&slug).key()))
        .replace("{today}", &today.to_string());
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
    model::next_free_code(&taken_ids(root))
}

/// Ids of the relics that load and of every plaque ever printed: a retired code must not
/// come back on another relic.
fn taken_ids(root: &Path) -> Vec<String> {
    let mut ignored: Vec<Diagnostic> = Vec::new();
    let mut ids: Vec<String> = crate::load::project(root, &mut ignored)
        .map(|project| {
            let printed = project
                .ledger
                .iter()
                .flat_map(|ledger| ledger.ids())
                .collect::<Vec<_>>();
            project
                .parsed()
                .iter()
                .map(|r| r.main.front_matter.id.get_ref().trim().to_ascii_uppercase())
                .chain(printed)
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids.dedup();
    ids
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
