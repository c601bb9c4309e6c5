//! The Tera engine, loaded from the theme's layered templates.

use std::error::Error as _;

use tera::Tera;

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::load::theme::Template;

/// A Tera engine holding `templates`. The output of `.html` and `.svg` templates is escaped.
pub fn engine(templates: &BTreeMap<String, Template>) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    tera.set_escape_fn(crate::html::escape);
    tera.autoescape_on(vec![".html", ".svg", ".xml"]);
    let sources = templates
        .iter()
        .map(|(name, t)| (name.as_str(), t.source.as_str()));
    tera.add_raw_templates(sources).map_err(|err| {
        vec![
            Diagnostic::error(crate::text!("template-broken", reason = chain(&err)))
                .help(crate::text!("template-broken-help")),
        ]
    })?;
    Ok(tera)
}

pub fn render(
    tera: &Tera,
    templates: &BTreeMap<String, Template>,
    name: &str,
    context: &tera::Context,
) -> Result<Vec<u8>, Diagnostic> {
    // Into bytes, which is what the files need: `Tera::render` checks its own output as UTF-8
    // again, which cost a twentieth of a province's build.
    let mut bytes = Vec::new();
    tera.render_to(name, context, &mut bytes)
        .map(|()| bytes)
        .map_err(|err| {
            let origin = templates.get(name).map_or(name, |t| t.origin.as_str());
            Diagnostic::error(crate::text!(
                "template-failed",
                template = origin,
                reason = chain(&err)
            ))
        })
}

/// Tera puts the useful part ("variable `x` not found") in the error's sources.
fn chain(err: &tera::Error) -> String {
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}
