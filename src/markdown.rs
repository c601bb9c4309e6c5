//! A relic's story, Markdown to HTML: tables, footnotes, heading anchors, links to the relic's
//! own files checked and rewritten for the page that shows them, raw HTML sanitized.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::config::ContentSettings;
use crate::diagnostic::{Diagnostic, Location};
use crate::photos::Photo;
use crate::slug::slugify;

/// How links in one text resolve; differs between a relic's language versions because their
/// pages sit at different depths.
pub struct Links<'a> {
    /// Names of the files in the relic's folder.
    pub assets: &'a HashSet<&'a str>,
    /// The photos among them.
    pub photos: &'a BTreeMap<String, Photo>,
    /// Turns a file name of the relic's folder into the link the page uses.
    pub asset_href: &'a dyn Fn(&str) -> String,
    /// Turns the slug of `@/slug` into the link to that relic's page, `None` if there is none.
    pub relic_href: &'a dyn Fn(&str) -> Option<String>,
    /// The slugs of the drafts, which have no page yet.
    pub drafts: &'a HashSet<&'a str>,
}

/// The source file, for positions in messages: the whole text and where the body starts in it.
pub struct Source<'a> {
    pub file: &'a Path,
    pub text: &'a str,
    pub body_offset: usize,
}

struct PendingImage<'p> {
    photo: Option<&'p Photo>,
    title: String,
    alt: String,
    range: std::ops::Range<usize>,
}

fn range_location(source: &Source<'_>, range: &std::ops::Range<usize>) -> Location {
    Location::of_span(
        source.text,
        range.start + source.body_offset..range.end + source.body_offset,
    )
}

pub struct Rendered {
    pub html: String,
    pub diagnostics: Vec<Diagnostic>,
}

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_HEADING_ATTRIBUTES)
    .union(Options::ENABLE_SMART_PUNCTUATION);

/// URL schemes a link may use. Everything else (`javascript:`, `data:` …) is refused.
const SCHEMES: &[&str] = &["http", "https", "mailto", "tel", "geo"];

/// What raw HTML in a story may keep: formatting only, and iframes from the hosts `site.toml`
/// allows; or nothing at all when `raw_html = false`.
pub struct Sanitizer {
    builder: ammonia::Builder<'static>,
    raw_html: bool,
    iframe_hosts: Vec<String>,
}

impl Sanitizer {
    pub fn new(settings: &ContentSettings) -> Sanitizer {
        let mut builder = ammonia::Builder::default();
        // Keep what the Markdown renderer itself writes: heading ids, footnote classes and
        // responsive photos.
        builder.add_generic_attributes(["id", "class"]);
        builder.add_tag_attributes(
            "img",
            ["srcset", "sizes", "width", "height", "loading", "decoding"],
        );
        builder.link_rel(None);
        let hosts = settings.iframe_hosts.clone();
        if !hosts.is_empty() {
            builder.add_tags(["iframe"]);
            builder.add_tag_attributes(
                "iframe",
                [
                    "src",
                    "width",
                    "height",
                    "title",
                    "allowfullscreen",
                    "loading",
                ],
            );
            builder.attribute_filter(move |element, attribute, value| {
                if element == "iframe" && attribute == "src" && !allowed_frame(&hosts, value) {
                    return None;
                }
                Some(value.into())
            });
        }
        Sanitizer {
            builder,
            raw_html: settings.raw_html,
            iframe_hosts: settings.iframe_hosts.clone(),
        }
    }

    fn clean(&self, html: &str) -> String {
        self.builder.clean(html).to_string()
    }

    /// The tags, event-handler attributes and frame sources in a piece of raw HTML that
    /// cleaning removes, to name them in warnings.
    fn removed(&self, html: &str) -> Vec<String> {
        let allowed = self.builder.clone_tags();
        let mut found = Vec::new();
        let mut rest = html;
        while let Some(start) = rest.find('<') {
            let after = &rest[start + 1..];
            let closing = after.starts_with('/');
            let after = after.strip_prefix('/').unwrap_or(after);
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect::<String>()
                .to_ascii_lowercase();
            let tag_end = after.find('>').unwrap_or(after.len());
            let attributes = after[name.len()..tag_end].to_ascii_lowercase();
            if !name.is_empty() && !closing {
                if !allowed.contains(name.as_str()) {
                    found.push(format!("<{name}>"));
                } else if let Some(handler) = attributes
                    .split(|c: char| c.is_whitespace())
                    .find(|a| a.starts_with("on") && a.contains('='))
                {
                    found.push(format!("{}=", handler.split('=').next().unwrap_or(handler)));
                } else if attributes.contains("javascript:") {
                    found.push("javascript:".to_owned());
                } else if name == "iframe" {
                    let src = attributes.split("src=").nth(1).unwrap_or_default();
                    let src = src
                        .trim_start_matches(['"', '\''])
                        .split(['"', '\'', ' '])
                        .next()
                        .unwrap_or_default();
                    if !allowed_frame(&self.iframe_hosts, src) {
                        found.push(format!("<iframe src=\"{src}\">"));
                    }
                }
            }
            rest = &rest[start + 1..];
        }
        found
    }
}

/// Whether `src` is an https page of one of `hosts`.
fn allowed_frame(hosts: &[String], src: &str) -> bool {
    url::Url::parse(src).is_ok_and(|url| {
        url.scheme() == "https"
            && url
                .host_str()
                .is_some_and(|h| hosts.iter().any(|allowed| allowed.eq_ignore_ascii_case(h)))
    })
}

pub fn render(source: &Source<'_>, links: &Links<'_>, sanitizer: &Sanitizer) -> Rendered {
    let body = &source.text[source.body_offset..];
    let mut diagnostics = Vec::new();
    let mut has_raw_html = false;
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut heading_start = None;
    // An image's alt text arrives as the events between its start and end.
    let mut image: Option<PendingImage<'_>> = None;
    let mut used_ids = HashSet::new();

    for (event, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        let at = || {
            Location::of_span(
                source.text,
                range.start + source.body_offset..range.end + source.body_offset,
            )
        };
        let problem = |message: crate::i18n::Text, help: crate::i18n::Text| {
            Diagnostic::error(message)
                .in_file(source.file)
                .at(at())
                .help(help)
        };
        let event = match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                heading_start = Some(events.len());
                // The page's title is the only <h1>; the story's headings sit below it.
                let level = level.max(HeadingLevel::H2);
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = heading_start.take() {
                    name_heading(&mut events[start..], &mut used_ids);
                }
                Event::End(TagEnd::Heading(level.max(HeadingLevel::H2)))
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = resolve(&dest_url, links).unwrap_or_else(|(message, help)| {
                    diagnostics.push(problem(message, help));
                    CowStr::from("#")
                });
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let photo = resolve_image(&dest_url, links)
                    .map_err(|(message, help)| diagnostics.push(problem(message, help)))
                    .ok();
                image = Some(PendingImage {
                    photo,
                    title: title.to_string(),
                    alt: String::new(),
                    range: range.clone(),
                });
                continue;
            }
            Event::End(TagEnd::Image) => {
                let Some(done) = image.take() else { continue };
                if done.alt.trim().is_empty() {
                    let at = range_location(source, &done.range);
                    diagnostics.push(
                        Diagnostic::warning(crate::text!("story-photo-no-alt"))
                            .in_file(source.file)
                            .at(at)
                            .help(crate::text!("story-photo-no-alt-help")),
                    );
                }
                let Some(photo) = done.photo else { continue };
                Event::InlineHtml(CowStr::from(photo_tag(
                    photo,
                    &done.alt,
                    &done.title,
                    links,
                )))
            }
            Event::Text(text) | Event::Code(text) if image.is_some() => {
                if let Some(pending) = image.as_mut() {
                    pending.alt.push_str(&text);
                }
                continue;
            }
            _ if image.is_some() => continue,
            Event::Html(html) | Event::InlineHtml(html) => {
                if !sanitizer.raw_html {
                    diagnostics.push(
                        Diagnostic::warning(crate::text!("html-off"))
                            .in_file(source.file)
                            .at(at())
                            .help(crate::text!("html-off-help")),
                    );
                    continue;
                }
                has_raw_html = true;
                for tag in sanitizer.removed(&html) {
                    diagnostics.push(
                        Diagnostic::warning(crate::text!("html-removed", tag = tag))
                            .in_file(source.file)
                            .at(at())
                            .help(crate::text!("html-removed-help")),
                    );
                }
                Event::Html(html)
            }
            other => other,
        };
        events.push(event);
    }

    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if has_raw_html {
        html = sanitizer.clean(&html);
    }
    Rendered { html, diagnostics }
}

/// Gives a heading without `{#id}` an id made from its text, unique within the page, so that
/// every section can be linked to.
fn name_heading(events: &mut [Event<'_>], used: &mut HashSet<String>) {
    let text: String = events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let Some(Event::Start(Tag::Heading { id, .. })) = events.first_mut() else {
        return;
    };
    let base = match id {
        Some(given) => given.to_string(),
        None => match slugify(&text) {
            s if s.is_empty() => "section".to_owned(),
            s => s,
        },
    };
    let mut unique = base.clone();
    let mut n = 1;
    while !used.insert(unique.clone()) {
        n += 1;
        unique = format!("{base}-{n}");
    }
    *id = Some(CowStr::from(unique));
}

type Refusal = (crate::i18n::Text, crate::i18n::Text);

/// Checks a link target and returns the href the page uses.
fn resolve<'a>(dest: &CowStr<'a>, links: &Links<'_>) -> Result<CowStr<'a>, Refusal> {
    if dest.starts_with('#') {
        return Ok(dest.clone());
    }
    if let Some(slug) = dest.strip_prefix("@/") {
        let slug = slug.trim_end_matches('/');
        return (links.relic_href)(slug).map(CowStr::from).ok_or_else(|| {
            if links.drafts.contains(slug) {
                return (
                    crate::text!("link-to-draft", folder = slug),
                    crate::text!("link-to-draft-help"),
                );
            }
            (
                crate::text!("link-no-relic", folder = slug),
                crate::text!("link-no-relic-help"),
            )
        });
    }
    if let Some((scheme, _)) = dest.split_once(':')
        && !scheme.contains('/')
    {
        return if SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) {
            Ok(dest.clone())
        } else {
            Err((
                crate::text!("link-scheme", scheme = scheme),
                crate::text!("link-scheme-help"),
            ))
        };
    }
    let name = local_file(dest, links)?;
    Ok(CowStr::from((links.asset_href)(&name)))
}

/// The name of the relic's own file that `dest` names, refusing paths that leave its folder.
fn local_file(dest: &str, links: &Links<'_>) -> Result<String, Refusal> {
    let path = dest.split(['#', '?']).next().unwrap_or_default();
    let name = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let escapes =
        name.starts_with('/') || name.contains('\\') || name.split('/').any(|part| part == "..");
    if escapes {
        return Err((
            crate::text!("link-outside", target = dest),
            crate::text!("link-outside-help"),
        ));
    }
    if !links.assets.contains(&*name) {
        return Err((
            crate::text!("link-file-missing", file = &*name),
            crate::text!("link-file-missing-help"),
        ));
    }
    Ok(name.into_owned())
}

/// Checks an image: a photo of the relic's own folder. Pages load nothing from other hosts.
fn resolve_image<'p>(dest: &str, links: &Links<'p>) -> Result<&'p Photo, Refusal> {
    let has_scheme = dest
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.contains('/'));
    let not_a_photo = (
        crate::text!("image-not-photo", target = dest),
        crate::text!("image-not-photo-help"),
    );
    if has_scheme || dest.starts_with("@/") || dest.starts_with('#') {
        return Err(not_a_photo);
    }
    let name = local_file(dest, links)?;
    // A photo that could not be read is missing here; its own error says why.
    links.photos.get(&name).ok_or(not_a_photo)
}

/// A responsive `<img>`: the phone picks the variant its screen needs, and the width and
/// height reserve its place so the text does not jump while it loads.
fn photo_tag(photo: &Photo, alt: &str, title: &str, links: &Links<'_>) -> String {
    let srcset: Vec<String> = photo
        .widths
        .iter()
        .map(|w| format!("{} {w}w", (links.asset_href)(&photo.variant(*w))))
        .collect();
    let width = photo.fallback_width(900);
    let mut tag = format!(
        "<img src=\"{}\" srcset=\"{}\" sizes=\"{SIZES}\" width=\"{width}\" height=\"{}\" alt=\"{}\" loading=\"lazy\" decoding=\"async\"",
        (links.asset_href)(&photo.variant(width)),
        srcset.join(", "),
        photo.height_at(width),
        crate::html::escape(alt),
    );
    if !title.is_empty() {
        tag.push_str(&format!(" title=\"{}\"", crate::html::escape(title)));
    }
    tag.push('>');
    tag
}

/// How wide photos are shown: the text column, at most 40rem.
pub const SIZES: &str = "(min-width: 44rem) 40rem, calc(100vw - 2rem)";

#[cfg(test)]
mod tests {
    use super::*;

    fn render_body(body: &str) -> Rendered {
        render_with(body, &ContentSettings::default())
    }

    fn render_with(body: &str, settings: &ContentSettings) -> Rendered {
        let text = format!("+++\n+++\n{body}");
        let assets: HashSet<&str> = ["cong.jpg", "ảnh cổng.jpg"].into_iter().collect();
        let asset_href = |name: &str| format!("../../den-ca/{name}");
        let relic_href = |slug: &str| (slug == "chua-a").then(|| "../chua-a/".to_owned());
        let photos: BTreeMap<String, Photo> = assets
            .iter()
            .map(|name| {
                let photo = Photo {
                    name: (*name).to_owned(),
                    width: 1200,
                    height: 800,
                    widths: vec![400, 600, 900, 1200],
                };
                ((*name).to_owned(), photo)
            })
            .collect();
        let links = Links {
            assets: &assets,
            photos: &photos,
            asset_href: &asset_href,
            relic_href: &relic_href,
            drafts: &HashSet::new(),
        };
        render(
            &Source {
                file: Path::new("sites/den-ca/index.md"),
                text: &text,
                body_offset: 8,
            },
            &links,
            &Sanitizer::new(settings),
        )
    }

    #[test]
    fn iframes_come_only_from_allowed_hosts() {
        let settings = ContentSettings {
            raw_html: true,
            iframe_hosts: vec!["www.youtube-nocookie.com".to_owned()],
        };
        let out = render_with(
            "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"Lễ hội\"></iframe>\n\n<iframe src=\"https://evil.example/x\"></iframe>\n",
            &settings,
        );
        assert!(out.html.contains("<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"Lễ hội\"></iframe>"), "{}", out.html);
        assert!(!out.html.contains("evil.example"), "{}", out.html);
        let messages: Vec<_> = out.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["raw HTML `<iframe src=\"https://evil.example/x\">` is removed from the page"]
        );
        // Without an allowed host, no iframe at all.
        let out =
            render_body("<iframe src=\"https://www.youtube-nocookie.com/embed/x\"></iframe>\n");
        assert!(!out.html.contains("iframe"), "{}", out.html);
    }

    #[test]
    fn raw_html_can_be_switched_off() {
        let settings = ContentSettings {
            raw_html: false,
            iframe_hosts: Vec::new(),
        };
        let out = render_with("Đền <b>Cả</b>\n\n<div>khối</div>\n", &settings);
        assert_eq!(out.html, "<p>Đền Cả</p>\n");
        assert_eq!(out.diagnostics.len(), 3);
        assert!(
            out.diagnostics
                .iter()
                .all(|d| d.message == "raw HTML is left out: site.toml switches it off")
        );
    }

    #[test]
    fn headings_get_anchors_and_sit_below_the_title() {
        let out = render_body("# Lịch sử\n\n## Lịch sử\n\n## Kiến trúc {#kt}\n");
        assert_eq!(
            out.html,
            "<h2 id=\"lich-su\">Lịch sử</h2>\n<h2 id=\"lich-su-2\">Lịch sử</h2>\n<h2 id=\"kt\">Kiến trúc</h2>\n"
        );
    }

    #[test]
    fn tables_and_footnotes_render() {
        let out = render_body("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Note.\n");
        assert!(out.html.contains("<table>"), "{}", out.html);
        assert!(
            out.html.contains("class=\"footnote-reference\""),
            "{}",
            out.html
        );
        assert!(out.diagnostics.is_empty());
    }

    #[test]
    fn local_files_are_rewritten_for_the_page() {
        let out = render_body("![Cổng](cong.jpg) ![Ảnh](<ảnh cổng.jpg>) [Chùa](@/chua-a)");
        assert!(out.html.contains("<img src=\"../../den-ca/cong-900.jpg\" srcset=\"../../den-ca/cong-400.jpg 400w, ../../den-ca/cong-600.jpg 600w, ../../den-ca/cong-900.jpg 900w, ../../den-ca/cong-1200.jpg 1200w\" sizes=\"(min-width: 44rem) 40rem, calc(100vw - 2rem)\" width=\"900\" height=\"600\" alt=\"Cổng\" loading=\"lazy\" decoding=\"async\">"), "{}", out.html);
        assert!(out.html.contains("alt=\"Ảnh\""), "{}", out.html);
        assert!(out.html.contains("href=\"../chua-a/\""), "{}", out.html);
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    }

    #[test]
    fn a_photo_without_description_is_a_warning() {
        let out = render_body("Text\n\n![](cong.jpg)\n");
        assert!(out.html.contains("alt=\"\""), "{}", out.html);
        let d = &out.diagnostics[0];
        assert!(!d.is_error());
        assert_eq!(
            d.message,
            "this photo has no description for visitors who cannot see it"
        );
        assert_eq!(d.location.as_ref().unwrap().line, 5);
    }

    #[test]
    fn missing_and_escaping_files_are_errors_at_their_line() {
        let out = render_body(
            "Text\n\n![x](mat.jpg)\n\n![y](../../secret.jpg) [z](/etc/passwd) [w](@/nowhere)\n",
        );
        let messages: Vec<_> = out
            .diagnostics
            .iter()
            .map(|d| (d.location.as_ref().unwrap().line, d.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (5, "file `mat.jpg` is not in the relic's folder"),
                (7, "`../../secret.jpg` points outside the relic's folder"),
                (7, "`/etc/passwd` points outside the relic's folder"),
                (7, "there is no relic with the folder `nowhere`"),
            ]
        );
    }

    #[test]
    fn scripts_are_refused_and_removed() {
        let out = render_body(
            "Hi <script>alert(1)</script> [x](javascript:alert(1)) <b onclick=\"x()\">b</b> ![t](https://tracker.example/p.gif)\n",
        );
        assert!(!out.html.contains("<script"), "{}", out.html);
        assert!(!out.html.contains("onclick"), "{}", out.html);
        assert!(!out.html.contains("javascript:"), "{}", out.html);
        let messages: Vec<_> = out.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "raw HTML `<script>` is removed from the page",
                "links starting with `javascript:` are not allowed",
                "raw HTML `onclick=` is removed from the page",
                "`https://tracker.example/p.gif` is not a photo in the relic's folder",
            ]
        );
    }
}
