//! URL slugs from Vietnamese names: `Đền Cả` → `den-ca`.

/// Folds diacritics and `đ`, lowercases, and joins the words with single hyphens. The result
/// holds only `a-z`, `0-9` and inner hyphens; it is empty when the name has no letter or digit.
pub fn slugify(name: &str) -> String {
    // Folder names reach us composed (Windows) or decomposed (macOS); fold one form only.
    let composed: String = unicode_normalization::UnicodeNormalization::nfc(name).collect();
    let ascii = deunicode::deunicode(&composed);
    let mut slug = String::with_capacity(ascii.len());
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(slugify("Đền Cả"), "den-ca");
        assert_eq!(slugify("Nhà thờ họ Doãn"), "nha-tho-ho-doan");
        assert_eq!(slugify("  Chùa   Ân Hậu (mẫu) "), "chua-an-hau-mau");
    }

    #[test]
    fn decomposed_input_gives_the_same_slug() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Đình Lạng Sơn".nfd().collect();
        assert_eq!(slugify(&nfd), slugify("Đình Lạng Sơn"));
    }

    #[test]
    fn a_slug_is_its_own_slug() {
        assert_eq!(slugify("den-ca-2"), "den-ca-2");
        assert_eq!(slugify("!!!"), "");
    }
}
