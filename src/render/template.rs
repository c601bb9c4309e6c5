//! Pages from templates: what every page is given, and the key that spares rendering a page
//! whose inputs did not change.

use serde::Serialize;
use tera::Context;

use super::view::Page;
use super::{Renderer, template_data};
use crate::diagnostic::Diagnostic;
use crate::output::{Content, FileKey, OutputFile};
use crate::theme::strings::Key;
use crate::theme::templates;

impl Renderer<'_> {
    pub(super) fn page<'a>(
        &'a self,
        lang: &'a str,
        path_in: &dyn Fn(&str) -> String,
        languages: &[&str],
    ) -> Page<'a> {
        let mut page = Page::new(self.site, &self.strings, lang, path_in, languages);
        page.csp = &self.csp;
        page
    }

    pub(super) fn all_languages(&self) -> Vec<&str> {
        self.site
            .config
            .languages
            .iter()
            .map(String::as_str)
            .collect()
    }

    /// Renders `template` to the file at `path`, unless the sink kept the page an earlier
    /// build rendered from the same key. The template sees the fields of `page` and of
    /// `data`, the theme's strings in the page's language as `t`, and the `inline` values.
    pub(super) fn render(
        &self,
        template: &str,
        path: String,
        page: &Page<'_>,
        data: &impl Serialize,
        inline: &[(&str, &str)],
    ) -> Result<Option<OutputFile>, Diagnostic> {
        let key = self.key(template, &path, page, &(data, inline))?;
        if self.keeper.kept(&path, &key) {
            return Ok(None);
        }
        self.make(template, path, page, data, inline, key)
    }

    /// Renders `template` to the file at `path`, whose key is `key`.
    pub(super) fn make(
        &self,
        template: &str,
        path: String,
        page: &Page<'_>,
        data: &impl Serialize,
        inline: &[(&str, &str)],
        key: FileKey,
    ) -> Result<Option<OutputFile>, Diagnostic> {
        let mut context = Context::from_serialize(page).map_err(template_data)?;
        context.extend(Context::from_serialize(data).map_err(template_data)?);
        context.extend(self.strings_context[page.lang].clone());
        for (name, value) in inline {
            context.insert(*name, value);
        }
        let bytes = templates::render(&self.tera, &self.site.theme.templates, template, &context)?;
        Ok(Some(OutputFile {
            path,
            content: Content::Rendered { bytes, key },
        }))
    }

    /// The page's [`FileKey`]: the data goes into it as JSON, the form the template receives
    /// it in; the theme is in the fingerprint.
    pub(super) fn key(
        &self,
        template: &str,
        path: &str,
        page: &Page<'_>,
        data: &impl Serialize,
    ) -> Result<FileKey, Diagnostic> {
        let mut key = self.fingerprint.clone();
        key.part(template).part(path);
        key.json(page)
            .and_then(|key| key.json(data))
            .map_err(template_data)?;
        Ok(key.hash())
    }

    /// A page that exists in the default language only, titled by the theme string `title_key`.
    pub(super) fn single_page<'a>(&'a self, path: &str, title_key: Key) -> Page<'a> {
        let config = &self.site.config;
        let lang = config.default_language();
        let mut page = self.page(lang, &|_| path.to_owned(), &[]);
        page.title = format!(
            "{} – {}",
            self.strings.get(lang).text(title_key),
            config.title[lang]
        );
        page
    }
}
