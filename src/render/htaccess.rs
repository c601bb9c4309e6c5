//! `.htaccess`: what Apache and LiteSpeed hosts (most Vietnamese shared hosting) need to serve
//! the guide right: the types of files their stock configuration does not know, how long
//! browsers may keep each kind of file, the 404 page, and the plaque codes in any case.
//! docs/guide.md gives nginx the same rules.

use std::fmt::Write as _;

use super::OutputFile;
use crate::model::Site;

/// Types that stock `mime.types` lacks or gets wrong, for files the build writes. A manifest
/// served as text/plain is not installable, and open-data clients go by the type.
const TYPES: &[(&str, &str)] = &[
    ("application/manifest+json", "webmanifest"),
    ("application/geo+json", "geojson"),
    ("application/ld+json", "jsonld"),
    ("application/atom+xml", "atom"),
    ("text/turtle", "ttl"),
    ("text/csv", "csv"),
    ("text/javascript", "js"),
    ("image/svg+xml", "svg"),
    ("image/webp", "webp"),
];

/// Files that a rebuild may change at the same address: pages, data, styles and scripts. Five
/// minutes, so a correction reaches visitors soon; the service worker keeps them offline.
const SHORT: &[&str] = &[
    "html",
    "webmanifest",
    "json",
    "geojson",
    "jsonld",
    "atom",
    "ttl",
    "csv",
    "xml",
    "txt",
    "css",
    "js",
];

/// Photos, audio and print files: big, and replaced only when an officer replaces the source.
/// No file name carries a hash of its bytes, so a week rather than a year.
const LONG: &[&str] = &[
    "jpg", "jpeg", "png", "webp", "gif", "svg", "ogg", "oga", "mp3", "m4a", "opus", "mp4", "webm",
    "pdf",
];

/// Text types served as UTF-8, which is what ditich writes.
const UTF8: &[&str] = &[
    "html",
    "css",
    "js",
    "json",
    "webmanifest",
    "geojson",
    "jsonld",
    "atom",
    "ttl",
    "csv",
    "xml",
    "txt",
    "svg",
];

const SHORT_AGE: &str = "max-age=300";
const LONG_AGE: &str = "max-age=604800";
/// The browser must ask for a new service worker each time: it decides what the guide shows
/// offline.
const WORKER_AGE: &str = "no-cache";

fn extension(path: &str) -> String {
    path.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The `Content-Type` a host should send `path` with, by the rules this file gives Apache:
/// for a bucket, which is told each file's type as it is sent.
pub fn media_type(path: &str) -> String {
    let extension = extension(path);
    let essence = TYPES.iter().find(|(_, e)| **e == extension).map_or_else(
        || {
            mime_guess::from_ext(&extension)
                .first_or_octet_stream()
                .essence_str()
                .to_owned()
        },
        |(mime, _)| (*mime).to_owned(),
    );
    if UTF8.contains(&extension.as_str()) {
        format!("{essence}; charset=utf-8")
    } else {
        essence
    }
}

/// The `Cache-Control` of `path`, by the same rules; `None` leaves it to the host.
pub fn cache_control(path: &str) -> Option<&'static str> {
    let extension = extension(path);
    if path == "sw.js" {
        Some(WORKER_AGE)
    } else if SHORT.contains(&extension.as_str()) {
        Some(SHORT_AGE)
    } else if LONG.contains(&extension.as_str()) {
        Some(LONG_AGE)
    } else {
        None
    }
}

pub fn htaccess(site: &Site) -> OutputFile {
    let config = &site.config;
    let base = &config.base_path;
    let mut text = format!(
        "# Written by `ditich build` for Apache and LiteSpeed; nginx: see docs/guide.md.\n\
         # Every block but ErrorDocument needs a module: without it the host ignores the block\n\
         # instead of failing every request.\n\n\
         # Served for any address the guide does not have, at any depth: its links start at the\n\
         # base path of base_url.\n\
         ErrorDocument 404 {base}404.html\n\
         AddDefaultCharset utf-8\n\n\
         <IfModule mod_mime.c>\n"
    );
    for (mime, extension) in TYPES {
        let _ = writeln!(text, "AddType {mime} .{extension}");
    }
    let utf8: Vec<String> = UTF8.iter().map(|e| format!(".{e}")).collect();
    let (short, long) = (SHORT.join("|"), LONG.join("|"));
    let _ = write!(
        text,
        "AddCharset utf-8 {}\n\
         </IfModule>\n\n\
         <IfModule mod_headers.c>\n\
         <FilesMatch \"\\.({short})$\">\n\
         Header set Cache-Control \"{SHORT_AGE}\"\n\
         </FilesMatch>\n\
         <FilesMatch \"\\.({long})$\">\n\
         Header set Cache-Control \"{LONG_AGE}\"\n\
         </FilesMatch>\n\
         # The browser must ask for a new service worker each time: it decides what the guide\n\
         # shows offline.\n\
         <Files \"sw.js\">\n\
         Header set Cache-Control \"{WORKER_AGE}\"\n\
         </Files>\n\
         </IfModule>\n\n",
        utf8.join(" ")
    );
    let codes = super::codes::codes(site);
    let _ = write!(
        text,
        "# A plaque's code opens its landing page however it is typed: `q/dt01/` is printed under\n\
         # the code and `Q/DT01/` is inside it. A build on a case-insensitive disk (Windows) can\n\
         # publish only `Q/DT01/`, so these rules are what answers `q/dt01/` after upload.\n\
         <IfModule mod_rewrite.c>\n\
         RewriteEngine On\n\
         RewriteBase {base}\n\
         RewriteRule !^q/ - [NC,S={}]\n",
        codes.len()
    );
    for (_, id) in codes {
        let _ = writeln!(
            text,
            "RewriteRule ^q/{}/$ Q/{}/index.html [NC,L]",
            id.to_ascii_lowercase(),
            id.to_ascii_uppercase()
        );
    }
    text.push_str("</IfModule>\n");
    OutputFile::bytes(".htaccess", text.into_bytes())
}
