//! `--help` in the officer's language. The derive's doc comments are the English texts; the
//! catalogue holds them again, in both languages, under ids made from each command's and
//! option's name (`cli-build-about`, `cli-build-out`), and they are put in place at start.
//! A test checks that the English catalogue says what the doc comments say.

use clap::{Arg, Command, CommandFactory as _};
use ditich::i18n::{Language, language, lookup};

/// The command line, its texts in the process's language.
pub fn command() -> Command {
    let mut command = localized(super::Cli::command(), "cli");
    // Building makes clap's own `--help`, `--version` and `help`, which only then can be
    // given words.
    command.build();
    if language() == Language::Vi {
        command = generated(command);
    }
    command
}

/// One of the catalogue's words for what clap writes itself.
fn word(id: &str) -> String {
    lookup(id).unwrap_or_else(|| id.to_owned())
}

/// The id a command's or option's text has in the catalogue.
fn id(prefix: &str, name: &str) -> String {
    format!("{prefix}-{}", name.replace('_', "-"))
}

/// An option's text: its command's own, or the one every command shares (`cli-root`).
fn arg_text(prefix: &str, name: &str) -> Option<String> {
    lookup(&id(prefix, name)).or_else(|| lookup(&id("cli", name)))
}

/// Puts the catalogue's texts on `command`, whose ids begin with `prefix`, and on everything
/// under it.
fn localized(mut command: Command, prefix: &str) -> Command {
    if let Some(about) = lookup(&id(prefix, "about")) {
        command = command.about(about);
    }
    if let Some(about) = lookup(&id(prefix, "long-about")) {
        command = command.long_about(about);
    }
    if let Some(after) = lookup(&id(prefix, "after-help")) {
        command = command.after_help(after);
    }
    let vietnamese = language() == Language::Vi;
    let args: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for name in args {
        let help = arg_text(prefix, &name);
        let long = arg_text(prefix, &format!("{name}-long"));
        command = command.mut_arg(&name, |mut arg| {
            if let Some(help) = help {
                arg = arg.help(help);
            }
            if let Some(long) = long {
                arg = arg.long_help(long);
            }
            if vietnamese {
                headed(valued(arg, prefix))
            } else {
                arg
            }
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in subcommands {
        let prefix = id(prefix, &name);
        command = command.mut_subcommand(&name, |c| localized(c, &prefix));
    }
    if vietnamese { framed(command) } else { command }
}

/// The headings clap writes itself, in Vietnamese.
fn framed(command: Command) -> Command {
    let usage = word("cli-usage");
    command
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(word("cli-commands"))
        .subcommand_value_name(word("cli-command"))
}

/// `[default: …]` and the list of possible values, which clap writes in English, written in
/// Vietnamese into the option's own help instead.
fn valued(arg: Arg, prefix: &str) -> Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let name = arg.get_id().to_string();
    let values: Vec<(String, String)> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| {
                let help = lookup(&id(prefix, &format!("{name}-{}", v.get_name())))
                    .or_else(|| v.get_help().map(ToString::to_string))
                    .unwrap_or_default();
                (v.get_name().to_owned(), help)
            })
            .collect()
    };
    let defaults: Vec<String> = if arg.is_hide_default_value_set() {
        Vec::new()
    } else {
        arg.get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect()
    };
    if values.is_empty() && defaults.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let mut short = help.clone();
    let mut long = arg.get_long_help().map(ToString::to_string).unwrap_or(help);
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|(name, _)| name.as_str()).collect();
        short += &format!(" [{} {}]", word("cli-values"), names.join(", "));
        long += &format!("\n\n{}", word("cli-values-heading"));
        for (name, help) in &values {
            long += &format!("\n- {name}: {help}");
        }
    }
    if !defaults.is_empty() {
        let default = format!(" [{} {}]", word("cli-default"), defaults.join(", "));
        short += &default;
        long += &format!("\n\n{}", default.trim_start());
    }
    arg.help(short)
        .long_help(long)
        .hide_default_value(true)
        .hide_possible_values(true)
}

fn headed(arg: Arg) -> Arg {
    if arg.get_help_heading().is_some() {
        return arg;
    }
    let heading = if arg.is_positional() {
        "cli-arguments"
    } else {
        "cli-options"
    };
    arg.help_heading(word(heading))
}

/// Words for what clap made: `--help`, `--version` and the `help` command, everywhere.
fn generated(mut command: Command) -> Command {
    let has = |command: &Command, name: &str| command.get_arguments().any(|a| a.get_id() == name);
    if has(&command, "help") {
        command = command.mut_arg("help", |arg| {
            // clap gives `--help` a long text only where the command has a long help.
            let arg = if arg.get_long_help().is_some() {
                arg.help(word("cli-help-more"))
                    .long_help(word("cli-help-summary"))
            } else {
                arg.help(word("cli-help-plain"))
            };
            headed(arg)
        });
    }
    if has(&command, "version") {
        command = command.mut_arg("version", |arg| headed(arg.help(word("cli-version"))));
    }
    if command.get_name() == "help" {
        command = framed(command.about(word("cli-help-command")));
        if has(&command, "subcommand") {
            command = command.mut_arg("subcommand", |arg| {
                headed(arg.help(word("cli-help-subcommand")))
            });
        }
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in subcommands {
        command = command.mut_subcommand(&name, generated);
    }
    command
}

/// Parses the process's arguments with the texts of [`command`]: what `Cli::parse` does.
pub fn parse() -> super::Cli {
    use clap::FromArgMatches as _;
    let matches = command().get_matches();
    super::Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.exit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add_arg(
        id: String,
        text: Option<&clap::builder::StyledStr>,
        out: &mut Vec<(String, String)>,
    ) {
        if let Some(text) = text {
            out.push((id, text.to_string()));
        }
    }

    /// Every text of the derive, with the id the catalogue keeps it under.
    fn texts(command: &Command, prefix: &str, out: &mut Vec<(String, String)>) {
        add_arg(id(prefix, "about"), command.get_about(), out);
        add_arg(id(prefix, "long-about"), command.get_long_about(), out);
        add_arg(id(prefix, "after-help"), command.get_after_help(), out);
        for arg in command.get_arguments() {
            let name = arg.get_id().to_string();
            for value in arg.get_possible_values() {
                let value_id = id(prefix, &format!("{name}-{}", value.get_name()));
                add_arg(value_id, value.get_help(), out);
            }
            for (name, text) in [
                (name.clone(), arg.get_help()),
                (format!("{name}-long"), arg.get_long_help()),
            ] {
                let shared = id("cli", &name);
                let own = id(prefix, &name);
                // The shared text serves unless the command has its own.
                let (_, errors) = ditich::i18n::format(Language::En, &own, &[]);
                add_arg(if errors.is_empty() { own } else { shared }, text, out);
            }
        }
        for sub in command.get_subcommands() {
            texts(sub, &id(prefix, sub.get_name()), out);
        }
    }

    #[test]
    fn the_english_catalogue_says_what_the_doc_comments_say() {
        let mut all = Vec::new();
        texts(&super::super::Cli::command(), "cli", &mut all);
        assert!(all.len() > 20, "{all:?}");
        let mut wrong = Vec::new();
        for (id, text) in &all {
            let (catalogue, errors) = ditich::i18n::format(Language::En, id, &[]);
            if !errors.is_empty() || catalogue != *text {
                wrong.push(format!("{id} = {}", text.replace('\n', "\n    ")));
            }
        }
        assert!(
            wrong.is_empty(),
            "put these in locales/en/ditich.ftl:\n{}",
            wrong.join("\n")
        );
    }
}
