//! `data/changes.atom`: an Atom feed (RFC 4287) of the relics' records, newest first, so that a
//! district can subscribe and see which relics changed. Each entry is dated by the relic's own
//! `updated` field and the feed by the latest of them, never by the build's clock: the same
//! sources give the same bytes.

use std::fmt::Write as _;

use super::data::{self, LICENSE, Record};
use crate::html::escape;
use crate::model::Site;

pub(super) const PATH: &str = "data/changes.atom";

/// The feed's date when no relic says when it was checked: a feed must have one, and any
/// clock would change the bytes of every build.
const NEVER: &str = "1970-01-01";

/// A relic without an `updated` date is left out: the feed would have to invent when it
/// changed. Entries are identified by the QR landing address, which is printed on the plaque
/// and so never changes, where a page's address follows a renamed folder.
pub fn feed(site: &Site) -> Vec<u8> {
    let config = &site.config;
    let lang = config.default_language();
    let records = data::records(site);
    let mut dated: Vec<(&str, &Record<'_>)> = records
        .iter()
        .filter_map(|r| Some((r.updated.as_deref()?, r)))
        .collect();
    // Stable: relics checked the same day keep the order of their codes.
    dated.sort_by(|a, b| b.0.cmp(a.0));
    let updated = dated.first().map_or(NEVER, |(date, _)| date);
    let author = config
        .contact
        .office
        .as_deref()
        .unwrap_or(&config.commune.name);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         \x20 <id>{feed}</id>\n\
         \x20 <title>{title}</title>\n\
         \x20 <updated>{updated}</updated>\n\
         \x20 <author>\n\
         \x20   <name>{author}</name>\n",
        lang = text(lang),
        feed = text(&config.absolute(PATH)),
        title = text(&config.title[lang]),
        updated = instant(updated),
        author = text(author),
    );
    if let Some(email) = &config.contact.email {
        let _ = writeln!(xml, "    <email>{}</email>", text(email));
    }
    let _ = write!(
        xml,
        "  </author>\n\
         \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"{feed}\"/>\n\
         \x20 <link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>\n\
         \x20 <rights>{LICENSE}</rights>\n",
        feed = text(&config.absolute(PATH)),
        home = text(&config.base_url),
    );
    for (date, record) in dated {
        entry(&mut xml, lang, date, record);
    }
    xml.push_str("</feed>\n");
    xml.into_bytes()
}

/// One relic, with a link to its page in each language it has.
fn entry(xml: &mut String, lang: &str, date: &str, record: &Record<'_>) {
    let _ = write!(
        xml,
        "  <entry>\n\
         \x20   <id>{id}</id>\n\
         \x20   <title>{title}</title>\n\
         \x20   <updated>{updated}</updated>\n\
         \x20   <link rel=\"alternate\" type=\"text/html\" hreflang=\"{lang}\" href=\"{url}\"/>\n",
        id = text(&record.qr_url),
        title = text(record.name),
        updated = instant(date),
        lang = text(lang),
        url = text(&record.url),
    );
    for (other, translation) in &record.translations {
        let _ = writeln!(
            xml,
            "    <link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>",
            text(other),
            text(&translation.url)
        );
    }
    let _ = write!(
        xml,
        "    <summary>{}</summary>\n  </entry>\n",
        text(record.summary)
    );
}

/// A date as Atom's instants need it: the start of that day in Vietnam, where the commune's
/// officers wrote it.
fn instant(date: &str) -> String {
    format!("{date}T00:00:00+07:00")
}

/// Text for an element or attribute. XML 1.0 allows no control characters but tab and line
/// breaks, not even as references: one stray in a summary would make the whole feed unreadable.
fn text(value: &str) -> String {
    let allowed: String = value
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    escape(&allowed)
}
