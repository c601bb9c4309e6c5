//! What ditich says to the officer, in Vietnamese or English, from one message catalogue:
//! `locales/vi/ditich.ftl` and `locales/en/ditich.ftl`, in the [Fluent] syntax, built into the
//! binary so that it stays one file.
//!
//! A message is written as `text!("id", name = value, …)`: a [`Text`] that keeps its id and
//! arguments and is put into words only when shown, in whichever [`Language`] is asked for.
//! Unit tests check that both files have the same ids with the same variables, and that every
//! `text!` in the source names an id of the catalogue with exactly its variables.
//!
//! The library speaks English until the binary chooses ([`set_language`]), so that its tests
//! read the same on every machine.
//!
//! [Fluent]: https://projectfluent.org/

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The catalogues, by language.
const VI: &str = include_str!("../locales/vi/ditich.ftl");
const EN: &str = include_str!("../locales/en/ditich.ftl");

/// A language ditich speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    Vi,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Vi, Language::En];

    /// The language a locale name stands for: `vi`, `vi_VN.UTF-8` or `vi-VN` are Vietnamese,
    /// anything else (`C`, `POSIX`, `en_US.UTF-8`) English.
    pub fn of_locale(locale: &str) -> Language {
        let language = locale.split(['_', '-', '.', '@']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("vi") {
            Language::Vi
        } else {
            Language::En
        }
    }

    /// The language `site.toml`'s `messages` names: `"vi"` or `"en"`.
    pub fn of_code(code: &str) -> Option<Language> {
        match code.trim() {
            "vi" => Some(Language::Vi),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// The language the environment asks for, as POSIX ranks its variables: the first of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty decides. `None` when none
    /// is, as on most Windows computers.
    pub fn of_environment(var: impl Fn(&str) -> Option<String>) -> Option<Language> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty())
            .map(|value| Language::of_locale(&value))
    }

    /// The language of the system's own menus, where there is no locale variable to say:
    /// Windows keeps it in the user's settings.
    pub fn of_system() -> Option<Language> {
        #[cfg(windows)]
        {
            sys_locale::get_locale().map(|locale| Language::of_locale(&locale))
        }
        #[cfg(not(windows))]
        {
            None
        }
    }

    /// The language to speak: `site.toml`'s `messages` when the project sets it, else the
    /// environment's, else the system's, else English.
    pub fn choose(setting: Option<Language>) -> Language {
        setting
            .or_else(|| Language::of_environment(|name| std::env::var(name).ok()))
            .or_else(Language::of_system)
            .unwrap_or(Language::En)
    }

    /// The code the catalogue's folder is named by.
    pub fn code(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::En => "en",
        }
    }

    fn catalogue(self) -> &'static str {
        match self {
            Language::Vi => VI,
            Language::En => EN,
        }
    }
}

static VIETNAMESE: AtomicBool = AtomicBool::new(false);

/// Makes `language` the one every message is shown in from now on. The binary calls it once,
/// before it parses its arguments.
pub fn set_language(language: Language) {
    VIETNAMESE.store(language == Language::Vi, Ordering::Relaxed);
}

/// The language messages are shown in: English unless [`set_language`] chose another.
pub fn language() -> Language {
    if VIETNAMESE.load(Ordering::Relaxed) {
        Language::Vi
    } else {
        Language::En
    }
}

/// A value put into a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// Another message, put into words in the same language as the one it is part of.
    Message(Box<Text>),
}

impl From<Text> for Arg {
    fn from(value: Text) -> Arg {
        Arg::Message(Box::new(value))
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Arg {
        Arg::Text(value.to_owned())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Arg {
        Arg::Text(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Arg {
        Arg::Text(value.clone())
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(value: Cow<'_, str>) -> Arg {
        Arg::Text(value.into_owned())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(value: $t) -> Arg {
                Arg::Number(i64::try_from(value).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(usize, u64, u32, u16, u8, i64, i32);

/// A message of the catalogue with its arguments, not yet put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// `text!("id", name = value, …)`: the catalogue's message `id` with its arguments, as a
/// [`Text`](crate::i18n::Text). Each value is anything an [`Arg`](crate::i18n::Arg) is made
/// from: text, a whole number, or another `text!`.
#[macro_export]
macro_rules! text {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text {
            id: $id,
            args: vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        }
    };
}

impl Text {
    /// The message in `language`. A message missing from the catalogue shows its id, and one
    /// that names a variable it was not given shows the variable's name; tests keep both from
    /// happening, and debug builds stop at them.
    pub fn render(&self, language: Language) -> String {
        let (text, errors) = format(language, self.id, &self.args);
        debug_assert!(
            errors.is_empty(),
            "message `{}` in {}: {errors:?}",
            self.id,
            language.code()
        );
        text
    }
}

/// `{}` shows the message in the process's [`language`].
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(language()))
    }
}

/// Looks `id` up in `language`'s catalogue and formats it, with the problems met.
pub fn format(language: Language, id: &str, args: &[(&str, Arg)]) -> (String, Vec<String>) {
    let bundle = bundle(language);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return (id.to_owned(), vec![format!("no message `{id}`")]);
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            Arg::Message(text) => fluent_args.set(*name, FluentValue::from(text.render(language))),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    let errors = errors.iter().map(ToString::to_string).collect();
    (text.into_owned(), errors)
}

/// The message `id` with no arguments, in the process's language; for the few texts, such as
/// `--help`'s, whose ids are made from a name rather than written out.
pub fn lookup(id: &str) -> Option<String> {
    let bundle = bundle(language());
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, None, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

fn bundle(language: Language) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| Language::ALL.map(new_bundle));
    &bundles[Language::ALL
        .iter()
        .position(|l| *l == language)
        .unwrap_or(0)]
}

fn new_bundle(language: Language) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(language.catalogue().to_owned())
        .unwrap_or_else(|(resource, _)| resource);
    let locale = language.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // The marks Fluent puts around each value for right-to-left scripts show on a terminal
    // as stray characters.
    bundle.set_use_isolating(false);
    // Duplicate ids are caught by the tests; the first one wins meanwhile.
    let _ = bundle.add_resource(resource);
    bundle
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use fluent_syntax::ast;

    use super::*;

    type Ids = BTreeMap<String, BTreeSet<String>>;

    /// Every message of a catalogue with the variables it uses.
    fn messages(language: Language) -> Ids {
        let resource =
            fluent_syntax::parser::parse(language.catalogue()).unwrap_or_else(|(_, errors)| {
                panic!(
                    "locales/{}/ditich.ftl does not parse: {errors:?}",
                    language.code()
                )
            });
        let mut ids = Ids::new();
        for entry in resource.body {
            match entry {
                ast::Entry::Message(message) => {
                    let mut variables = BTreeSet::new();
                    if let Some(pattern) = &message.value {
                        pattern_variables(pattern, &mut variables);
                    }
                    let id = message.id.name.to_owned();
                    assert!(
                        message.attributes.is_empty(),
                        "`{id}`: no attributes, please"
                    );
                    assert!(
                        ids.insert(id.clone(), variables).is_none(),
                        "`{id}` twice in {}",
                        language.code()
                    );
                }
                ast::Entry::Junk { content } => {
                    panic!("{}: not Fluent: {content}", language.code())
                }
                _ => {}
            }
        }
        ids
    }

    fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for variant in variants {
                    pattern_variables(&variant.value, out);
                }
            }
            ast::Expression::Inline(inline) => inline_variables(inline, out),
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, out);
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for argument in &arguments.positional {
                    inline_variables(argument, out);
                }
                for argument in &arguments.named {
                    inline_variables(&argument.value, out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_message_is_in_both_languages_with_the_same_variables() {
        let vi = messages(Language::Vi);
        let en = messages(Language::En);
        let only_vi: Vec<_> = vi.keys().filter(|id| !en.contains_key(*id)).collect();
        let only_en: Vec<_> = en.keys().filter(|id| !vi.contains_key(*id)).collect();
        assert!(only_vi.is_empty(), "only in Vietnamese: {only_vi:?}");
        assert!(only_en.is_empty(), "only in English: {only_en:?}");
        for (id, variables) in &vi {
            assert_eq!(
                variables, &en[id],
                "`{id}` has other variables in vi than in en"
            );
        }
    }

    /// Each `text!(…)` of the source: its id and the names of its arguments, with where it is.
    fn uses_in(source: &str, file: &str, out: &mut Vec<(String, String, BTreeSet<String>)>) {
        let mut rest = source;
        while let Some(at) = rest.find("text!(") {
            let line = source.len() - rest.len();
            let line = source[..line + at].matches('\n').count() + 1;
            rest = &rest[at + "text!(".len()..];
            let call = balanced(rest);
            let call = call.trim_start();
            let Some(id) = call.strip_prefix('"').and_then(|s| s.split('"').next()) else {
                // The macro's own definition and its documentation.
                continue;
            };
            let names = top_level_names(&call[id.len() + 2..]);
            out.push((format!("{file}:{line}"), id.to_owned(), names));
        }
    }

    /// Where `s` stops, outside strings: at a closing bracket with none open (the end of the
    /// macro call just opened), or also at a comma with none open when `at_comma`.
    fn stop(s: &str, at_comma: bool) -> usize {
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        for (i, c) in s.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                _ if in_string => {}
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => return i,
                ')' | ']' | '}' => depth -= 1,
                ',' if at_comma && depth == 0 => return i,
                _ => {}
            }
        }
        s.len()
    }

    /// The text up to the parenthesis that closes the one just opened.
    fn balanced(s: &str) -> &str {
        &s[..stop(s, false)]
    }

    /// The `name` of each `, name = value` at the top level of a macro's arguments.
    fn top_level_names(args: &str) -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        let mut rest = args;
        while !rest.is_empty() {
            let end = value_end(rest);
            if let Some((name, _)) = rest[..end].split_once('=') {
                let name = name.trim();
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    names.insert(name.to_owned());
                }
            }
            rest = rest.get(end + 1..).unwrap_or("");
        }
        names
    }

    /// Where a macro argument's value ends: the first comma outside brackets and strings.
    fn value_end(s: &str) -> usize {
        stop(s, true)
    }

    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_message_the_source_names_is_in_the_catalogue_with_its_variables() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        rust_files(&root.join("src"), &mut files);
        let mut uses = Vec::new();
        for file in &files {
            let name = file.strip_prefix(root).unwrap().display().to_string();
            // The macro's home, whose documentation and tests show it with made-up ids.
            if name.ends_with("i18n.rs") {
                continue;
            }
            let source = std::fs::read_to_string(file).unwrap();
            uses_in(&source, &name, &mut uses);
        }
        assert!(uses.len() > 3, "the scan found only {} uses", uses.len());
        let catalogue = messages(Language::En);
        let mut wrong = Vec::new();
        for (at, id, names) in &uses {
            match catalogue.get(id) {
                None => wrong.push(format!("{at}: `{id}` is not in the catalogue")),
                Some(variables) if variables != names => wrong.push(format!(
                    "{at}: `{id}` is given {names:?}; the catalogue uses {variables:?}"
                )),
                Some(_) => {}
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        // And none of the catalogue is left over, but for the ids made from names.
        let used: BTreeSet<_> = uses.iter().map(|(_, id, _)| id.as_str()).collect();
        let unused: Vec<_> = catalogue
            .keys()
            .filter(|id| !id.starts_with("cli-") && !used.contains(id.as_str()))
            .collect();
        assert!(unused.is_empty(), "never used: {unused:?}");
    }

    #[test]
    fn the_scan_reads_names_past_commas_inside_values() {
        let mut uses = Vec::new();
        uses_in(
            "x(text!(\"a-b\", one = f(x, y), two = \"p,q\".to_owned(),\n three = [1, 2].len()))",
            "f.rs",
            &mut uses,
        );
        let names: Vec<_> = uses[0].2.iter().map(String::as_str).collect();
        assert_eq!(
            (uses[0].1.as_str(), names),
            ("a-b", vec!["one", "three", "two"])
        );
    }

    #[test]
    fn a_message_missing_an_argument_is_caught() {
        let (_, errors) = format(Language::Vi, "problems-count", &[]);
        assert!(!errors.is_empty());
        let (text, errors) = format(Language::Vi, "problems-count", &[("count", Arg::Number(2))]);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(text.contains('2'), "{text}");
    }

    #[test]
    fn an_unknown_message_is_caught() {
        let (text, errors) = format(Language::En, "no-such-message", &[]);
        assert_eq!((text.as_str(), errors.len()), ("no-such-message", 1));
    }

    #[test]
    fn locales_choose_the_language() {
        assert_eq!(Language::of_locale("vi_VN.UTF-8"), Language::Vi);
        assert_eq!(Language::of_locale("vi"), Language::Vi);
        assert_eq!(Language::of_locale("vi-VN"), Language::Vi);
        assert_eq!(Language::of_locale("C"), Language::En);
        assert_eq!(Language::of_locale("en_US.UTF-8"), Language::En);
        assert_eq!(Language::of_locale("vietnamese"), Language::En);
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang_decide() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let of = |vars| Language::of_environment(env(vars));
        assert_eq!(of(&[("LANG", "vi_VN.UTF-8")]), Some(Language::Vi));
        assert_eq!(
            of(&[("LANG", "vi_VN.UTF-8"), ("LC_ALL", "C")]),
            Some(Language::En)
        );
        assert_eq!(
            of(&[("LANG", "C"), ("LC_MESSAGES", "vi_VN")]),
            Some(Language::Vi)
        );
        assert_eq!(of(&[("LANG", "vi"), ("LC_ALL", "")]), Some(Language::Vi));
        assert_eq!(of(&[]), None);
        assert_eq!(Language::choose(Some(Language::Vi)), Language::Vi);
    }

    #[test]
    fn vietnamese_numbers_take_no_plural() {
        let text = Text {
            id: "problems-count",
            args: vec![("count", Arg::Number(1))],
        };
        assert_eq!(text.render(Language::En), "the project has 1 error");
        assert_eq!(text.render(Language::Vi), "dự án có 1 lỗi");
    }
}
