//! `ditich publish`: build, then send what changed to the web host `[publish]` names.

use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::process::ExitCode;

use clap::Args;
use ditich::diagnostic::{Diagnostic, Problems};
use ditich::publish::{self, Plan, Watch};
use ditich::text;
use indicatif::{ProgressBar, ProgressStyle};

use super::Project;
use super::output::Verbosity;

#[derive(Debug, Args)]
pub struct PublishArgs {
    #[command(flatten)]
    project: Project,
    /// List what would be sent and deleted, changing nothing on the host
    #[arg(long)]
    dry_run: bool,
    /// Trust the host's SSH key on a first connection if its fingerprint is this one
    /// (SHA256:…), as the host's provider gave it
    #[arg(long, value_name = "FINGERPRINT")]
    accept_host_key: Option<String>,
}

impl PublishArgs {
    pub fn run(self, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
        let root = &self.project.root;
        let _lock = self.project.lock(verbosity)?;
        let target = ditich::config::publish_target(root)
            .map_err(Problems)?
            .ok_or_else(|| {
                Problems(vec![
                    Diagnostic::error(text!("publish-no-target"))
                        .in_file(std::path::Path::new(ditich::config::FILE_NAME))
                        .help(text!("publish-no-target-help")),
                ])
            })?;
        let out = root.join("output");
        let stages = verbosity.progress();
        let options = ditich::Options {
            progress: &stages,
            ..ditich::Options::default()
        };
        let report = ditich::build(root, &out, &options);
        stages.finish();
        let report = report?;
        verbosity.diagnostics(&report.warnings);
        verbosity.status(format_args!(
            "{}",
            text!("publish-built", summary = super::build::summary(&report))
        ));
        let printed = publish::printed_codes(root)?;
        verbosity.status(format_args!(
            "{}",
            text!("publish-connecting", target = target.url.as_str())
        ));
        let mut remote = publish::connect(&target, &Terminal, self.accept_host_key.as_deref())?;
        let plan = Plan::make(root, &target, &out, remote.as_mut(), &printed)?;
        for path in &plan.kept {
            let warning = Diagnostic::warning(text!("publish-kept-landing", file = path.as_str()))
                .help(text!("publish-kept-landing-help"));
            verbosity.diagnostics(&[warning]);
        }
        if self.dry_run {
            list(&plan);
            remote.close()?;
            return Ok(ExitCode::SUCCESS);
        }
        if plan.is_empty() {
            remote.close()?;
            verbosity.status(format_args!(
                "{}",
                text!("publish-up-to-date", target = target.url.as_str())
            ));
            return Ok(ExitCode::SUCCESS);
        }
        if plan.resumed {
            verbosity.status(format_args!("{}", text!("publish-resuming")));
        }
        let bar = Bar::new(verbosity, &plan);
        let sent = plan.run(root, &target, &out, remote.as_mut(), &bar);
        bar.finish();
        let sent = sent?;
        remote.close()?;
        verbosity.status(format_args!(
            "{}",
            text!(
                "publish-done",
                files = sent.files,
                kilobytes = usize::try_from(sent.bytes.div_ceil(1024)).unwrap_or(usize::MAX),
                deleted = sent.deleted,
                target = target.url.as_str()
            )
        ));
        Ok(ExitCode::SUCCESS)
    }
}

/// The plan, one file a line, on standard output for a script to read.
fn list(plan: &Plan) {
    let mut out = std::io::stdout().lock();
    for file in &plan.send {
        let mark = if file.new { '+' } else { '~' };
        let _ = writeln!(out, "{mark} {} ({} B)", file.path, file.len);
    }
    for path in &plan.delete {
        let _ = writeln!(out, "- {path}");
    }
    let _ = writeln!(
        out,
        "{}",
        text!(
            "publish-would",
            files = plan.send.len(),
            kilobytes = usize::try_from(plan.bytes().div_ceil(1024)).unwrap_or(usize::MAX),
            deleted = plan.delete.len()
        )
    );
}

/// The bar of bytes and files sent, on a terminal only.
struct Bar {
    bar: Option<ProgressBar>,
    files: usize,
    done: std::cell::Cell<usize>,
}

impl Bar {
    fn new(verbosity: Verbosity, plan: &Plan) -> Bar {
        let bar = verbosity.shows_bar().then(|| {
            let bar = ProgressBar::new(plan.bytes());
            bar.set_style(
                ProgressStyle::with_template(
                    "{msg:>12} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} {eta}",
                )
                .expect("the template is valid")
                .progress_chars("=> "),
            );
            bar.set_message(format!("0/{}", plan.send.len()));
            bar
        });
        Bar {
            bar,
            files: plan.send.len(),
            done: std::cell::Cell::new(0),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Watch for Bar {
    fn sent(&self, _path: &str, bytes: u64) {
        self.done.set(self.done.get() + 1);
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            bar.set_message(format!("{}/{}", self.done.get(), self.files));
        }
    }
}

/// Questions asked on the terminal; none when there is no one there to answer.
struct Terminal;

impl publish::Ask for Terminal {
    fn secret(&self, whose: &str) -> Option<String> {
        if !std::io::stdin().is_terminal() {
            return None;
        }
        let prompt = text!("publish-ask-password", whose = whose).to_string();
        rpassword::prompt_password(prompt).ok()
    }

    fn trust(&self, host: &str, fingerprint: &str) -> bool {
        if !std::io::stdin().is_terminal() {
            return false;
        }
        eprint!(
            "{} ",
            text!("publish-ask-trust", host = host, fingerprint = fingerprint)
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        if std::io::stdin().lock().read_line(&mut answer).is_err() {
            return false;
        }
        matches!(
            answer.trim().to_lowercase().as_str(),
            "y" | "yes" | "c" | "có" | "co"
        )
    }
}
