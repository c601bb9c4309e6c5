//! From what officers wrote to the validated `Site`: every value checked, every problem
//! reported with its position and a fix, relics that fail left out so that all problems of a
//! build are found in one run.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use rayon::prelude::*;
use toml::Spanned;
use toml::value::Datetime;

use super::cache::{self, Entry, Link, RelicCache, Slugs};
use super::{
    Body, Category, Date, Draft, GalleryPhoto, GeoPoint, Rank, Recognition, Relic, RelicType, Site,
    Text,
};
use crate::diagnostic::{Diagnostic, Location, Words};
use crate::load::front_matter::{RawLocation, RawRecognition, RawRelic, RawTranslation};
use crate::load::{Document, Project, RelicFiles, RelicSources};
use crate::markdown;
use crate::photos::{self, Photo};
use crate::read::toml_error::closest;
use crate::slug::slugify;
use crate::urls;

use crate::load::fields::SUMMARY_MAX_CHARS;

/// Vietnam's extent, with a margin: a point outside is almost surely a typo or swapped lat/lon.
const VIETNAM_LAT: std::ops::RangeInclusive<f64> = 8.0..=23.5;
const VIETNAM_LON: std::ops::RangeInclusive<f64> = 102.0..=117.5;

/// Validates what `load` read. Relics whose files `cache` has seen are taken from it.
pub fn resolve(project: Project, cache: &RelicCache, diagnostics: &mut Vec<Diagnostic>) -> Site {
    let Project {
        root,
        config,
        theme,
        relics: files,
        ledger,
        scans,
    } = project;
    let results: Vec<_> = files
        .par_iter()
        .map(|f| checked(f, cache, &config.digest))
        .collect();

    let mut relics = Vec::with_capacity(results.len());
    let mut drafts = Vec::new();
    for result in results {
        match result {
            Outcome::Relic(relic, problems) => {
                diagnostics.extend(problems);
                relics.push(*relic);
            }
            Outcome::Draft(draft) => {
                diagnostics.push(draft_warning(&draft));
                drafts.push(draft);
            }
            Outcome::Failed(problems) => diagnostics.extend(problems),
        }
    }
    drafts.sort_by(|a: &Draft, b| a.file.cmp(&b.file));
    relics.sort_by(|a, b| {
        let (a, b) = (&a.entry.relic, &b.entry.relic);
        a.id.cmp(&b.id).then_with(|| a.slug.cmp(&b.slug))
    });
    unique(&relics, &config, ledger.as_ref(), diagnostics);
    drafts_taking_ids(&mut drafts, &relics);

    // Links between relics need every slug, so stories are rendered once all are known.
    let slugs: Slugs = relics
        .iter()
        .map(|c| {
            let relic = &c.entry.relic;
            (
                relic.slug.clone(),
                relic.texts.iter().map(|t| t.lang.clone()).collect(),
            )
        })
        .collect();
    let sanitizer = markdown::Sanitizer::new(&config.content);
    let draft_slugs: Vec<String> = drafts
        .iter()
        .map(|d| slugify(d.folder.rsplit('/').next().unwrap_or_default()))
        .collect();
    let draft_slugs: HashSet<&str> = draft_slugs.iter().map(String::as_str).collect();
    let told: Vec<_> = relics
        .par_iter_mut()
        .map(|relic| tell(relic, &slugs, &draft_slugs, &config, &sanitizer))
        .collect();
    diagnostics.extend(told.into_iter().flatten());
    cache.save(
        relics
            .iter()
            .filter(|c| c.sound)
            .map(|c| (c.key.as_str(), &c.entry, c.fresh_story)),
    );
    if let Some(ledger) = &ledger {
        let published: Vec<&str> = relics.iter().map(|c| c.entry.relic.id.as_str()).collect();
        diagnostics.extend(super::plaques::drafts(ledger, &drafts, &published));
    }
    // A relic file with errors may be the one a plaque needs; its own errors say enough, so
    // the ledger is checked once the relics are sound.
    let retired = match &ledger {
        Some(ledger) if !diagnostics.iter().any(Diagnostic::is_error) => {
            let folders: Vec<String> = relics.iter().map(|c| c.entry.relic.folder()).collect();
            let holders: Vec<super::plaques::Holder<'_>> = relics
                .iter()
                .zip(&folders)
                .map(|(c, folder)| super::plaques::Holder {
                    id: &c.entry.relic.id,
                    folder,
                    name: &c.entry.relic.texts[0].name,
                    file: &c.files.main.file,
                    id_at: &c.entry.id_at,
                })
                .collect();
            let (retired, problems) = super::plaques::check(
                ledger,
                &holders,
                &taken_codes(&relics, Some(ledger)),
                &config,
            );
            diagnostics.extend(problems);
            retired
        }
        _ => Vec::new(),
    };
    let done: Vec<Relic> = relics.into_iter().map(|c| c.entry.relic).collect();
    // Like the ledger, once the relics are sound: a relic file with errors did not load.
    let kiosk = if diagnostics.iter().any(Diagnostic::is_error) {
        Vec::new()
    } else {
        kiosk(&done, &drafts, &config, diagnostics)
    };
    Site {
        root,
        config,
        theme,
        relics: done,
        retired,
        kiosk,
        drafts,
        scans,
    }
}

/// The one warning a build gives for a draft.
fn draft_warning(draft: &Draft) -> Diagnostic {
    Diagnostic::warning(crate::text!("draft-not-published"))
        .in_file(&draft.file)
        .at(draft.at.clone())
        .help(crate::text!("draft-not-published-help"))
}

/// Checks a draft as if it were published, without keeping it: what is wrong with it, as
/// warnings, since a draft may be unfinished.
fn drafted(
    files: &RelicFiles,
    mark: crate::load::draft::Mark,
    photos: BTreeMap<String, Photo>,
    mut problems: Vec<Diagnostic>,
) -> Draft {
    let (source, warnings) = crate::load::parse(files);
    problems.extend(warnings);
    if let Some(source) = &source {
        match fields(source, photos) {
            Ok((_, more)) | Err(more) => problems.extend(more),
        }
    }
    for problem in &mut problems {
        problem.severity = crate::diagnostic::Severity::Warning;
    }
    let id = source
        .as_ref()
        .map(|s| s.main.front_matter.id.get_ref().trim().to_ascii_uppercase())
        .or(mark.id);
    Draft {
        file: files.main.file.clone(),
        folder: crate::diagnostic::display_path(&files.folder),
        at: mark.at,
        id,
        problems,
    }
}

/// A draft with a published relic's id could not be published as it is; it says so among
/// its problems.
fn drafts_taking_ids(drafts: &mut [Draft], relics: &[CheckedRelic<'_>]) {
    for draft in drafts {
        let Some(id) = &draft.id else { continue };
        if let Some(other) = relics.iter().find(|c| &c.entry.relic.id == id) {
            draft.problems.push(
                Diagnostic::warning(crate::text!(
                    "draft-id-taken",
                    id = id.as_str(),
                    file = crate::diagnostic::display_path(&other.files.main.file)
                ))
                .in_file(&draft.file)
                .help(crate::text!("draft-id-taken-help")),
            );
        }
    }
}

/// The relics of the kiosk's slideshow, as indices into `relics` (sorted by id): the ones
/// `[kiosk]` lists, or else the highest-ranked.
fn kiosk(
    relics: &[Relic],
    drafts: &[Draft],
    config: &crate::config::Config,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let Some(ids) = &config.kiosk.relics else {
        let mut chosen: Vec<usize> = (0..relics.len()).collect();
        chosen.sort_by_key(|&i| relics[i].rank);
        chosen.truncate(crate::config::KIOSK_SLIDES);
        return chosen;
    };
    ids.iter()
        .filter_map(|(id, location)| {
            let found = relics.binary_search_by(|r| r.id.as_str().cmp(id)).ok();
            let draft = drafts.iter().find(|d| d.id.as_deref() == Some(id.as_str()));
            if let (None, Some(draft)) = (found, draft) {
                diagnostics.push(
                    Diagnostic::warning(format!("the kiosk lists {id}, a draft ({}); it shows it once the draft is published", draft.file.display()))
                        .in_file(Path::new(crate::config::FILE_NAME))
                        .at(location.clone()),
                );
            } else if found.is_none() {
                diagnostics.push(
                    Diagnostic::error(crate::text!("kiosk-unknown-id", code = id))
                        .in_file(Path::new(crate::config::FILE_NAME))
                        .at(location.clone())
                        .help(crate::text!("kiosk-unknown-id-help")),
                );
            }
            found
        })
        .collect()
}

/// How to read one vocabulary: by its key, by a Vietnamese word, and back to the key.
type Vocabulary<T> = (
    fn(&str) -> Option<T>,
    fn(&str) -> Option<T>,
    fn(T) -> &'static str,
);

type Checked = Result<(Relic, Vec<Diagnostic>), Vec<Diagnostic>>;

/// A relic checked, or found in the cache, on its way to the site.
struct CheckedRelic<'f> {
    entry: Entry,
    /// The name of its cache entry.
    key: String,
    /// Its files, parsed, when it was checked now; its story is rendered from them.
    fresh: Option<RelicSources>,
    files: &'f RelicFiles,
    /// Whether its story was rendered in this build.
    fresh_story: bool,
    /// Whether it has no errors, and so may be kept in the cache.
    sound: bool,
}

/// What checking one relic's folder gave.
enum Outcome<'f> {
    /// The relic, with the problems to report now.
    Relic(Box<CheckedRelic<'f>>, Vec<Diagnostic>),
    Draft(Draft),
    /// Its errors, which keep it out of the site.
    Failed(Vec<Diagnostic>),
}

/// Finds a relic in the cache or checks it now. Returns it with the problems to report now;
/// those of its story come when it is told.
fn checked<'f>(files: &'f RelicFiles, cache: &RelicCache, settings: &blake3::Hash) -> Outcome<'f> {
    // Photos are probed every time: their sizes are part of the key.
    let mut problems = Vec::new();
    let photos = probe_photos(files, &mut problems);
    let key = cache.key(files, &photos, settings);
    if let Some(key) = key
        && let Some(mut entry) = cache.take(&key)
    {
        entry.relic.assets = files.assets.clone();
        problems.extend(entry.warnings.iter().cloned());
        let relic = CheckedRelic {
            entry,
            key,
            fresh: None,
            files,
            fresh_story: false,
            sound: true,
        };
        return Outcome::Relic(Box::new(relic), problems);
    }
    // Only sound relics are cached, never a draft, so a relic found there is not one; a
    // draft is told before its front matter is parsed, which may fail.
    if let Some(mark) = crate::load::draft::of(&files.main) {
        return Outcome::Draft(drafted(files, mark, photos, problems));
    }
    let (source, mut warnings) = crate::load::parse(files);
    let Some(source) = source else {
        problems.extend(warnings);
        return Outcome::Failed(problems);
    };
    let checked = fields(&source, photos.clone());
    let (relic, more) = match checked {
        // A photo that cannot be read keeps the relic out, as a field in error does.
        Ok(checked) if !problems.iter().any(Diagnostic::is_error) => checked,
        Ok((_, more)) | Err(more) => {
            problems.extend(warnings.into_iter().chain(more));
            return Outcome::Failed(problems);
        }
    };
    warnings.extend(more);
    // Keyed by the bytes parsed, which a text edited since its hash was taken may not have.
    // (A translation that did not parse leaves a digest out; its error keeps the relic out
    // of the cache.)
    let digests: Vec<blake3::Hash> = std::iter::once(source.main.digest)
        .chain(source.translations.iter().map(|t| t.digest))
        .collect();
    let key = cache.key_of(files, &digests, &photos, settings);
    let id_at = id_location(&source.main);
    problems.extend(warnings.iter().cloned());
    let entry = Entry {
        relic,
        id_at,
        warnings,
        story: Vec::new(),
        links: Vec::new(),
    };
    let relic = CheckedRelic {
        entry,
        key,
        fresh: Some(source),
        files,
        fresh_story: false,
        sound: false,
    };
    Outcome::Relic(Box::new(relic), problems)
}

/// Renders the relic's stories, unless the cache had them and every link in them still finds
/// what it found. Returns the stories' problems.
fn tell(
    relic: &mut CheckedRelic<'_>,
    slugs: &Slugs,
    drafts: &HashSet<&str>,
    config: &crate::config::Config,
    sanitizer: &markdown::Sanitizer,
) -> Vec<Diagnostic> {
    let entry = &mut relic.entry;
    if relic.fresh.is_none() && entry.links_hold(slugs) {
        return entry.story.clone();
    }
    // A relic from the cache whose links changed is parsed again.
    let source = match relic.fresh.take() {
        Some(source) => source,
        None => match crate::load::parse(relic.files) {
            (Some(source), _) => source,
            (None, problems) => {
                relic.sound = false;
                return problems;
            }
        },
    };
    let (bodies, problems, links) =
        stories(&entry.relic, &source, slugs, drafts, config, sanitizer);
    for (text, body) in entry.relic.texts.iter_mut().zip(bodies) {
        text.body = Body::new(body);
    }
    entry.story = problems.clone();
    entry.links = links;
    relic.fresh_story = true;
    relic.sound = !entry
        .warnings
        .iter()
        .chain(&entry.story)
        .any(Diagnostic::is_error);
    problems
}

/// Where `index.md` writes the id.
fn id_location(doc: &Document<RawRelic>) -> Location {
    let span = doc.front_matter.id.span();
    let offset = doc.source.find('\n').map_or(0, |i| i + 1);
    Location::of_span(&doc.source, span.start + offset..span.end + offset)
}

/// Checks the front matter of one relic's files, with its photos as probed.
fn fields(source: &RelicSources, photos: BTreeMap<String, Photo>) -> Checked {
    let mut job = FieldsJob::new(source);
    let raw = job.raw;
    let slug = job.slug();
    let id = job.check.id(&raw.id);
    let main = job.main_text();
    let (rank, category, types) = job.classes();
    let location = raw.location.as_ref().and_then(|l| job.check.location(l));
    let recognition = raw
        .recognition
        .as_ref()
        .and_then(|r| job.check.recognition(r));
    let updated = raw
        .updated
        .as_ref()
        .and_then(|d| job.check.date(d, "updated"));
    let Media {
        cover,
        audio,
        gallery,
    } = job.media();
    if raw
        .extra
        .get(crate::load::draft::KEY)
        .and_then(toml::Value::as_bool)
        == Some(true)
    {
        // Below `[extra]`, the line that was to hold the relic back is a template's value, and
        // the relic would be published.
        job.check.problems.push(
            Diagnostic::error(crate::text!("draft-in-extra"))
                .in_file(&source.main.file)
                .help(crate::text!("draft-in-extra-help")),
        );
    }
    let (texts, problems) = job.translations(main, &id);

    let (errors, warnings): (Vec<_>, Vec<_>) = problems.into_iter().partition(Diagnostic::is_error);
    let (Some(rank), Some(category), true) = (rank, category, errors.is_empty()) else {
        return Err(errors.into_iter().chain(warnings).collect());
    };
    let relic = Relic {
        id,
        slug,
        rank,
        category,
        types,
        hamlet: raw
            .hamlet
            .as_ref()
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty()),
        location,
        recognition,
        cover,
        audio,
        wifi: raw.wifi.clone(),
        updated,
        photos,
        gallery,
        texts,
        assets: source.assets.clone(),
        extra: raw.extra.clone(),
    };
    Ok((relic, warnings))
}

/// One relic's files as `fields` reads them, with the problems found in them so far.
struct FieldsJob<'a> {
    source: &'a RelicSources,
    raw: &'a RawRelic,
    check: Checker<'a>,
}

/// The files a relic's front matter names, each found in its folder.
struct Media {
    cover: Option<String>,
    audio: Option<String>,
    gallery: Vec<GalleryPhoto>,
}

impl<'a> FieldsJob<'a> {
    fn new(source: &'a RelicSources) -> FieldsJob<'a> {
        let doc = &source.main;
        FieldsJob {
            source,
            raw: &doc.front_matter,
            check: Checker {
                doc_file: &doc.file,
                source: &doc.source,
                problems: Vec::new(),
            },
        }
    }

    /// The relic's web address, made from its folder's name.
    fn slug(&mut self) -> String {
        let slug = slugify(&self.source.folder_name);
        if slug.is_empty() {
            self.check.problems.push(
                Diagnostic::error(crate::text!("folder-no-letters"))
                    .in_file(&self.source.folder)
                    .help(crate::text!("folder-rename-help")),
            );
        }
        slug
    }

    /// The text in `index.md`'s language, without its story.
    fn main_text(&mut self) -> Text {
        let (doc, raw) = (&self.source.main, self.raw);
        Text {
            lang: doc.lang.clone(),
            file: doc.file.clone(),
            name: self.check.text("name", &raw.name),
            summary: self.check.summary(&raw.summary),
            body: Body::default(),
            machine_translated: false,
            cover_alt: clean(&raw.cover_alt),
            transcript: clean(&raw.transcript),
            opening_hours: clean(&raw.opening_hours),
            etiquette: clean(&raw.etiquette),
        }
    }

    /// The rank, category and types, each read as a word of its vocabulary.
    fn classes(&mut self) -> (Option<Rank>, Option<Category>, Vec<RelicType>) {
        let raw = self.raw;
        let rank = self.check.keyword(
            &raw.rank,
            "rank",
            (Rank::from_key, Rank::from_vietnamese, Rank::key),
            &Rank::keys(),
        );
        let category = self.check.keyword(
            &raw.category,
            "category",
            (Category::from_key, Category::from_vietnamese, Category::key),
            &Category::keys(),
        );
        let types = self
            .check
            .keywords(
                &raw.types,
                "type",
                (
                    RelicType::from_key,
                    RelicType::from_vietnamese,
                    RelicType::key,
                ),
                &RelicType::keys(),
            )
            .into_iter()
            .flatten()
            .collect();
        (rank, category, types)
    }

    /// The cover, the audio guide and the gallery, each a file of the relic's folder.
    fn media(&mut self) -> Media {
        let (raw, check) = (self.raw, &mut self.check);
        let assets: HashSet<&str> = self.source.assets.iter().map(|a| a.name.as_str()).collect();
        let cover = raw
            .cover
            .as_ref()
            .and_then(|c| check.file(c, "cover", &assets, PHOTO));
        let audio = raw
            .audio
            .as_ref()
            .and_then(|a| check.file(a, "audio", &assets, AUDIO));
        if let (Some(_), Some(file)) = (&cover, &raw.cover) {
            check.described(
                raw.cover_alt.as_ref(),
                file,
                crate::text!("cover-no-alt"),
                crate::text!("cover-no-alt-help"),
            );
        }
        let gallery = raw
            .photos
            .iter()
            .filter_map(|photo| {
                let file = check.file(&photo.file, "file", &assets, PHOTO)?;
                check.described(
                    photo.alt.as_ref(),
                    &photo.file,
                    crate::text!("photo-no-alt", file = &file),
                    crate::text!("photo-no-alt-help"),
                );
                Some(GalleryPhoto {
                    file,
                    alt: clean(&photo.alt),
                    caption: clean(&photo.caption),
                })
            })
            .collect();
        Media {
            cover,
            audio,
            gallery,
        }
    }

    /// Every text of the relic, `main` first, with every problem found in its files.
    fn translations(self, main: Text, id: &str) -> (Vec<Text>, Vec<Diagnostic>) {
        let mut texts = vec![main];
        let mut problems = self.check.problems;
        for translation in &self.source.translations {
            match translated(translation, id) {
                Ok(text) => texts.push(text),
                Err(more) => problems.extend(more),
            }
        }
        (texts, problems)
    }
}

fn translated(doc: &Document<RawTranslation>, main_id: &str) -> Result<Text, Vec<Diagnostic>> {
    let RawTranslation {
        id,
        name,
        summary,
        cover_alt,
        transcript,
        opening_hours,
        etiquette,
        machine_translated,
        draft,
    } = &doc.front_matter;
    let mut check = Checker {
        doc_file: &doc.file,
        source: &doc.source,
        problems: Vec::new(),
    };
    if let Some(draft) = draft.as_ref().filter(|d| *d.get_ref()) {
        let main = doc.file.with_file_name("index.md");
        check.problems.push(
            check
                .error(draft.span(), crate::text!("draft-in-translation"))
                .help(crate::text!(
                    "draft-in-translation-help",
                    main = crate::diagnostic::display_path(&main)
                )),
        );
    }
    if id.get_ref().trim() != main_id {
        check.problems.push(
            check
                .error(
                    id.span(),
                    crate::text!(
                        "translation-id-differs",
                        value = id.get_ref(),
                        main = main_id
                    ),
                )
                .help(crate::text!(
                    "translation-id-help",
                    line = check.locate(id.span()).replaced(&format!("\"{main_id}\""))
                )),
        );
    }
    let name = check.text("name", name);
    let summary = check.summary(summary);
    if check.problems.iter().any(Diagnostic::is_error) {
        return Err(check.problems);
    }
    Ok(Text {
        lang: doc.lang.clone(),
        file: doc.file.clone(),
        name,
        summary,
        body: Body::default(),
        machine_translated: *machine_translated,
        cover_alt: clean(cover_alt),
        transcript: clean(transcript),
        opening_hours: clean(opening_hours),
        etiquette: clean(etiquette),
    })
}

/// A free-text value, trimmed; `None` when empty.
fn clean(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Reads the size and orientation of every photo in the relic's folder.
fn probe_photos(source: &RelicFiles, problems: &mut Vec<Diagnostic>) -> BTreeMap<String, Photo> {
    let mut photos = BTreeMap::new();
    for asset in source.assets.iter().filter(|a| photos::is_photo(&a.name)) {
        match Photo::probe(&asset.name, &asset.path) {
            Ok(photo) => {
                let file = source.folder.join(&asset.name);
                problems.extend(photo_size_warning(&photo, &asset.path, &file));
                photos.insert(asset.name.clone(), photo);
            }
            Err(err) => problems.push(
                Diagnostic::error(crate::text!("photo-unreadable", reason = err.to_string()))
                    .in_file(&source.folder.join(&asset.name))
                    .help(crate::text!("photo-unreadable-help")),
            ),
        }
    }
    problems.extend(same_variants(source, &photos));
    photos
}

/// Photos are published as `<stem>-<width>.jpg`, so `cong.jpg` and `cong.png` (or `Cong.jpg`,
/// which a Windows disk takes for the same name) would be published as one file.
fn same_variants<'p>(
    source: &'p RelicFiles,
    photos: &'p BTreeMap<String, Photo>,
) -> impl Iterator<Item = Diagnostic> + 'p {
    let mut by_variant: BTreeMap<String, &str> = BTreeMap::new();
    photos.values().filter_map(move |photo| {
        let variant = photo.variant(photo.widths[0]).to_lowercase();
        let first = by_variant.insert(variant.clone(), &photo.name)?;
        let (stem, extension) = photo.name.rsplit_once('.').unwrap_or((&photo.name, "jpg"));
        Some(
            Diagnostic::error(crate::text!(
                "photos-one-file",
                first = first,
                second = &photo.name,
                published = &variant
            ))
            .in_file(&source.folder.join(&photo.name))
            .help(crate::text!(
                "photos-one-file-help",
                file = &photo.name,
                renamed = format!("{stem}-2.{extension}")
            )),
        )
    })
}

/// Photos larger than this are slow to copy to the site and usually straight from a camera.
const PHOTO_MAX_BYTES: u64 = 5 * 1024 * 1024;
/// Narrower photos look blurred on a phone held upright, whose screens are 1080 px wide.
const PHOTO_MIN_WIDTH: u32 = 800;

fn photo_size_warning(photo: &Photo, path: &Path, file: &Path) -> Option<Diagnostic> {
    let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
    let warning = if bytes > PHOTO_MAX_BYTES {
        Diagnostic::warning(crate::text!(
            "photo-large",
            megabytes = format!("{:.1}", bytes as f64 / 1_048_576.0)
        ))
        .help(crate::text!("photo-large-help"))
    } else if photo.width < PHOTO_MIN_WIDTH {
        Diagnostic::warning(crate::text!(
            "photo-narrow",
            width = photo.width,
            least = PHOTO_MIN_WIDTH
        ))
        .help(crate::text!("photo-narrow-help"))
    } else {
        return None;
    };
    Some(warning.in_file(file))
}

/// What a file must be, as the catalogue's `file-wrong-kind` names it, and its extensions.
const PHOTO: (&str, &[&str]) = ("photo", &photos::EXTENSIONS);
const AUDIO: (&str, &[&str]) = ("audio", &["mp3", "m4a", "ogg", "oga", "opus"]);

struct Checker<'a> {
    doc_file: &'a Path,
    source: &'a str,
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    /// An error at a span of the front matter. toml's spans index the front matter, which
    /// starts after the opening `+++` line.
    fn error(&self, span: std::ops::Range<usize>, message: impl Into<Words>) -> Diagnostic {
        self.at(Diagnostic::error(message), span)
    }

    fn at(&self, diagnostic: Diagnostic, span: std::ops::Range<usize>) -> Diagnostic {
        diagnostic.in_file(self.doc_file).at(self.locate(span))
    }

    fn locate(&self, span: std::ops::Range<usize>) -> Location {
        let offset = self.source.find('\n').map_or(0, |i| i + 1);
        Location::of_span(self.source, span.start + offset..span.end + offset)
    }

    fn id(&mut self, id: &Spanned<String>) -> String {
        let value = id.get_ref().trim();
        if !super::is_plaque_code(value) {
            let fixed: String = deunicode::deunicode(value)
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_uppercase())
                .take(12)
                .collect();
            let help = if fixed.len() >= 2 {
                let line = self.locate(id.span()).replaced(&format!("\"{fixed}\""));
                crate::text!("write-line", line = line)
            } else {
                crate::text!("id-not-code-help")
            };
            let d = self.error(id.span(), crate::text!("id-not-code", value = value));
            self.problems.push(d.help(help));
        }
        value.to_owned()
    }

    /// Warns when a photo has no description for visitors who cannot see it.
    fn described(
        &mut self,
        alt: Option<&String>,
        file: &Spanned<String>,
        message: crate::i18n::Text,
        fix: crate::i18n::Text,
    ) {
        if alt.is_none_or(|a| a.trim().is_empty()) {
            let d = self.at(Diagnostic::warning(message), file.span());
            self.problems.push(d.help(fix));
        }
    }

    fn text(&mut self, key: &str, value: &Spanned<String>) -> String {
        let text = value.get_ref().trim();
        if text.is_empty() {
            let d = self.error(value.span(), crate::text!("key-empty", key = key));
            self.problems
                .push(d.help(crate::text!("key-empty-help", key = key)));
        }
        text.to_owned()
    }

    fn summary(&mut self, value: &Spanned<String>) -> String {
        let summary = self.text("summary", value);
        let length = summary.chars().count();
        if length > SUMMARY_MAX_CHARS {
            let d = Diagnostic::warning(crate::text!(
                "summary-long",
                length = length,
                most = SUMMARY_MAX_CHARS
            ));
            let d = self.at(d, value.span());
            self.problems
                .push(d.help(crate::text!("summary-long-help")));
        }
        if summary == crate::scaffold::PLACEHOLDER_SUMMARY {
            let d = self.at(
                Diagnostic::warning(crate::text!("summary-placeholder")),
                value.span(),
            );
            self.problems
                .push(d.help(crate::text!("summary-placeholder-help")));
        }
        summary
    }

    fn keyword<T: Copy>(
        &mut self,
        value: &Spanned<String>,
        what: &str,
        parse: Vocabulary<T>,
        keys: &[&str],
    ) -> Option<T> {
        let found = self.keywords(std::slice::from_ref(value), what, parse, keys);
        found.into_iter().next().flatten()
    }

    /// Reads each of `values`, words of one vocabulary. The help of a word not in it writes
    /// its line with every wrong word of the line fixed, so that following one help never
    /// undoes another (`types = ["lịch sử", "khảo cổ"]` has two).
    fn keywords<T: Copy>(
        &mut self,
        values: &[Spanned<String>],
        what: &str,
        (from_key, from_vietnamese, key_of): Vocabulary<T>,
        keys: &[&str],
    ) -> Vec<Option<T>> {
        let found: Vec<Option<T>> = values
            .iter()
            .map(|v| from_key(v.get_ref().trim()))
            .collect();
        // For each wrong word: where it is, the key meant, and why that one.
        let wrong: Vec<(&Spanned<String>, Location, &str, crate::i18n::Text)> = values
            .iter()
            .zip(&found)
            .filter(|(_, found)| found.is_none())
            .map(|(value, _)| {
                let written = value.get_ref();
                let folded = slugify(written);
                let (meant, why) = match (from_vietnamese(&folded), closest(&folded, keys)) {
                    (Some(meant), _) => (
                        key_of(meant),
                        crate::text!("word-is-vietnamese", written = written, key = key_of(meant)),
                    ),
                    (None, Some(best)) => (best, crate::text!("word-did-you-mean", key = best)),
                    (None, None) => (keys[0], crate::text!("word-use-one")),
                };
                (value, self.locate(value.span()), meant, why)
            })
            .collect();
        let quoted: Vec<String> = wrong
            .iter()
            .map(|(.., meant, _)| format!("\"{meant}\""))
            .collect();
        let fixes: Vec<(&Location, &str)> = wrong
            .iter()
            .zip(&quoted)
            .map(|((_, at, ..), q)| (at, q.as_str()))
            .collect();
        for (value, at, _, why) in &wrong {
            let d = self.error(
                value.span(),
                crate::text!(
                    "word-unknown",
                    what = what,
                    value = value.get_ref(),
                    keys = keys.join(", ")
                ),
            );
            let help = crate::text!("word-help", why = why.clone(), line = at.rewritten(&fixes));
            self.problems.push(d.help(help));
        }
        found
    }

    fn location(&mut self, value: &Spanned<RawLocation>) -> Option<GeoPoint> {
        let raw = value.get_ref();
        let point = GeoPoint {
            lat: raw.lat,
            lon: raw.lon,
        };
        let on_earth = (-90.0..=90.0).contains(&point.lat) && (-180.0..=180.0).contains(&point.lon);
        let in_vietnam = VIETNAM_LAT.contains(&point.lat) && VIETNAM_LON.contains(&point.lon);
        if in_vietnam {
            return Some(point);
        }
        let swapped = VIETNAM_LAT.contains(&point.lon) && VIETNAM_LON.contains(&point.lat);
        let help = if swapped {
            crate::text!("place-swapped-help")
        } else {
            crate::text!("place-copy-help")
        };
        let place = format!("lat = {}, lon = {}", point.lat, point.lon);
        let d = if on_earth {
            Diagnostic::warning(crate::text!("place-outside-vietnam", place = place))
        } else {
            Diagnostic::error(crate::text!("place-not-on-earth", place = place))
        };
        let d = self.at(d, value.span());
        self.problems.push(d.help(help));
        on_earth.then_some(point)
    }

    fn recognition(&mut self, raw: &RawRecognition) -> Option<Recognition> {
        let date = self.date(&raw.date, "date")?;
        Some(Recognition {
            decision: raw.decision.trim().to_owned(),
            date,
            authority: raw.authority.trim().to_owned(),
        })
    }

    fn date(&mut self, value: &Spanned<Datetime>, key: &str) -> Option<Date> {
        match (value.get_ref().date, value.get_ref().time) {
            (Some(d), None) => Some(Date {
                year: d.year,
                month: d.month,
                day: d.day,
            }),
            _ => {
                let date = value
                    .get_ref()
                    .date
                    .map_or("2016-12-07".to_owned(), |d| d.to_string());
                let line = self.locate(value.span()).replaced(&date);
                let d = self.error(value.span(), crate::text!("date-alone", key = key));
                self.problems
                    .push(d.help(crate::text!("date-alone-help", line = line)));
                None
            }
        }
    }

    fn file(
        &mut self,
        value: &Spanned<String>,
        key: &str,
        assets: &HashSet<&str>,
        (kind, extensions): (&str, &[&str]),
    ) -> Option<String> {
        let name = value.get_ref().trim();
        let escapes =
            name.starts_with('/') || name.contains('\\') || name.split('/').any(|p| p == "..");
        let extension = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let (message, help) = if escapes {
            (
                crate::text!("file-outside", key = key, name = name),
                crate::text!("file-outside-help"),
            )
        } else if !extensions.contains(&extension.as_str()) {
            (
                crate::text!("file-wrong-kind", key = key, name = name, kind = kind),
                crate::text!("file-wrong-kind-help", extensions = extensions.join(", .")),
            )
        } else if !assets.contains(name) {
            let write = |file: &str| self.locate(value.span()).replaced(&format!("\"{file}\""));
            // Windows and macOS open `cover.jpg` when the file is `COVER.JPG`; the web server
            // does not, so the officer's own computer never shows the slip.
            let folded = without_case_or_accents(name);
            let mut same = assets
                .iter()
                .filter(|a| without_case_or_accents(a) == folded);
            let help = match (same.next(), same.next()) {
                (Some(file), None) => {
                    crate::text!("file-other-case-help", file = *file, line = write(file))
                }
                _ => match closest(name, &assets.iter().copied().collect::<Vec<_>>()) {
                    Some(near) => {
                        crate::text!("file-did-you-mean", file = near, line = write(near))
                    }
                    None => crate::text!("file-missing-help"),
                },
            };
            (crate::text!("file-missing", key = key, name = name), help)
        } else {
            return Some(name.to_owned());
        };
        let d = self.error(value.span(), message);
        self.problems.push(d.help(help));
        None
    }
}

/// A file name in small letters without accents, for telling names that differ in nothing
/// else: `ảnh-đền.JPG` → `anh-den.jpg`.
fn without_case_or_accents(name: &str) -> String {
    // Names reach us composed (Windows) or decomposed (macOS); fold one form only.
    let composed: String = unicode_normalization::UnicodeNormalization::nfc(name).collect();
    deunicode::deunicode(&composed).to_lowercase()
}

/// Every code that relics have or plaques were printed with, to suggest one that is free.
fn taken_codes(
    relics: &[CheckedRelic<'_>],
    ledger: Option<&crate::load::ledger::LedgerFile>,
) -> Vec<String> {
    relics
        .iter()
        .map(|c| c.entry.relic.id.clone())
        .chain(ledger.into_iter().flat_map(|l| l.ids()))
        .collect()
}

/// Ids and slugs name pages and plaques, so two relics may not share one; nor may a slug take
/// a name the site itself uses. Of two relics with one id, the one whose plaque is printed
/// with it keeps it.
fn unique(
    relics: &[CheckedRelic<'_>],
    config: &crate::config::Config,
    ledger: Option<&crate::load::ledger::LedgerFile>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut ids: BTreeMap<&str, &CheckedRelic<'_>> = BTreeMap::new();
    let mut slugs: BTreeMap<&str, &RelicFiles> = BTreeMap::new();
    for checked in relics {
        let CheckedRelic { entry, files, .. } = checked;
        let relic = &entry.relic;
        if let Some(first) = ids.insert(&relic.id, checked) {
            let printed_for = ledger.and_then(|l| l.printed_for(&relic.id));
            let (keeper, other) = if printed_for == Some(relic.folder().as_str()) {
                (checked, first)
            } else {
                (first, checked)
            };
            let fresh = super::next_free_code(&taken_codes(relics, ledger));
            let line = other.entry.id_at.replaced(&format!("\"{fresh}\""));
            let keeper_file = keeper.files.main.file.display().to_string();
            let (message, help) = if printed_for == Some(keeper.entry.relic.folder().as_str()) {
                (
                    crate::text!(
                        "id-printed-for-other",
                        code = &relic.id,
                        name = &keeper.entry.relic.texts[0].name,
                        file = keeper_file
                    ),
                    crate::text!("id-printed-for-other-help", code = fresh),
                )
            } else {
                (
                    crate::text!("id-taken", code = &relic.id, file = keeper_file),
                    crate::text!("id-taken-help", line = line),
                )
            };
            diagnostics.push(
                Diagnostic::error(message)
                    .in_file(&other.files.main.file)
                    .at(other.entry.id_at.clone())
                    .help(help),
            );
            ids.insert(&relic.id, keeper);
        }
        if let Some(first) = slugs.insert(&relic.slug, files) {
            diagnostics.push(
                Diagnostic::error(crate::text!(
                    "folders-one-address",
                    first = first.folder.display().to_string(),
                    second = files.folder.display().to_string(),
                    slug = &relic.slug
                ))
                .in_file(&files.folder)
                .help(crate::text!("folders-one-address-help")),
            );
        }
        let reserved =
            urls::RESERVED.contains(&relic.slug.as_str()) || config.languages.contains(&relic.slug);
        if reserved {
            diagnostics.push(
                Diagnostic::error(crate::text!("folder-reserved", slug = &relic.slug))
                    .in_file(&files.folder)
                    .help(crate::text!("folder-rename-help")),
            );
        }
    }
}

/// Renders one relic's stories, one per language, with links fitted to each page. Returns
/// them with their problems and the links to other relics they hold.
fn stories(
    relic: &Relic,
    source: &RelicSources,
    slugs: &Slugs,
    drafts: &HashSet<&str>,
    config: &crate::config::Config,
    sanitizer: &markdown::Sanitizer,
) -> (Vec<String>, Vec<Diagnostic>, Vec<Link>) {
    let links_found = std::cell::RefCell::new(Vec::new());
    let assets: HashSet<&str> = relic.assets.iter().map(|a| a.name.as_str()).collect();
    let documents: Vec<_> = std::iter::once((
        &source.main.file,
        &source.main.source,
        source.main.body_offset,
    ))
    .chain(
        source
            .translations
            .iter()
            .map(|t| (&t.file, &t.source, t.body_offset)),
    )
    .collect();
    let mut bodies = Vec::new();
    let mut problems = Vec::new();
    for text in &relic.texts {
        let Some(&(file, body_source, body_offset)) =
            documents.iter().find(|(file, ..)| **file == text.file)
        else {
            bodies.push(String::new());
            continue;
        };
        let page = urls::relic_page(config, &text.lang, &relic.slug);
        let asset_href = |name: &str| urls::relative(&page, &urls::relic_asset(&relic.slug, name));
        let relic_href = |slug: &str| {
            links_found
                .borrow_mut()
                .push((slug.to_owned(), cache::found(slugs, slug)));
            let langs = slugs.get(slug)?;
            let lang = if langs.contains(&text.lang) {
                &text.lang
            } else {
                config.default_language()
            };
            Some(urls::relative(&page, &urls::relic_page(config, lang, slug)))
        };
        let links = markdown::Links {
            assets: &assets,
            photos: &relic.photos,
            asset_href: &asset_href,
            relic_href: &relic_href,
            drafts,
        };
        let rendered = markdown::render(
            &markdown::Source {
                file,
                text: body_source,
                body_offset,
            },
            &links,
            sanitizer,
        );
        bodies.push(rendered.html);
        problems.extend(rendered.diagnostics);
    }
    let mut links = links_found.into_inner();
    links.sort_unstable();
    links.dedup();
    (bodies, problems, links)
}
