//! Escaping text for HTML and SVG, shared by the Markdown renderer and the templates.

/// Escapes what HTML and SVG require and no more: escaping `/` too, as Tera does by default,
/// makes every URL in a page longer and harder to read.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_but_not_slashes() {
        assert_eq!(
            super::escape("<a href=\"x\">Đền & 'Chùa'</a>/"),
            "&lt;a href=&quot;x&quot;&gt;Đền &amp; &#39;Chùa&#39;&lt;/a&gt;/"
        );
    }
}
