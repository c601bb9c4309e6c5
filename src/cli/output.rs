//! What the commands print, and how: colour only where a terminal shows it (never with
//! `NO_COLOR`), a progress bar on a terminal, plain lines in logs and CI.

use std::io::IsTerminal as _;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use clap::Args;
use ditich::diagnostic::Diagnostic;
use ditich::progress::Progress;
use ditich::text;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Options every command takes.
#[derive(Debug, Clone, Copy, Args)]
pub struct Verbosity {
    /// Print only errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print each stage of the build with its time
    #[arg(short, long, global = true)]
    verbose: bool,
}

impl Verbosity {
    /// Prints warnings, unless quiet; errors always.
    pub fn diagnostics(self, diagnostics: &[Diagnostic]) {
        for d in diagnostics.iter().filter(|d| d.is_error() || !self.quiet) {
            anstream::eprintln!("{d:#}\n");
        }
    }

    /// A line saying what a command did, unless quiet.
    pub fn status(self, line: std::fmt::Arguments) {
        if !self.quiet {
            anstream::eprintln!("{line}");
        }
    }

    /// Whether a progress bar is shown: on a terminal, unless quiet.
    pub fn shows_bar(self) -> bool {
        !self.quiet && std::io::stderr().is_terminal()
    }

    /// What follows a build: a bar on a terminal, lines elsewhere.
    pub fn progress(self) -> Stages {
        let bar = self.shows_bar().then(|| {
            let bar = ProgressBar::hidden();
            bar.set_style(
                ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len} {elapsed}")
                    .expect("the template is valid")
                    .progress_chars("=> "),
            );
            bar
        });
        Stages {
            bar,
            quiet: self.quiet,
            verbose: self.verbose,
            current: Mutex::new(None),
        }
    }
}

/// A stage's name as the officer reads it: `pages` is `trang` in Vietnamese.
fn stage_name(name: &str) -> String {
    let id = format!("cli-stage-{}", name.replace(' ', "-"));
    ditich::i18n::lookup(&id).unwrap_or_else(|| name.to_owned())
}

/// Stages shorter than this many steps get no bar and no line: they are over at once.
const LONG_STAGE: usize = 500;

pub struct Stages {
    bar: Option<ProgressBar>,
    quiet: bool,
    verbose: bool,
    /// The running stage, to print its time when the next begins.
    current: Mutex<Option<Running>>,
}

struct Running {
    name: &'static str,
    total: usize,
    started: Instant,
    cpu: Option<CpuTime>,
}

impl Stages {
    fn end_stage(&self) {
        let Some(stage) = self.current.lock().expect("not poisoned").take() else {
            return;
        };
        if !self.verbose {
            return;
        }
        let seconds = format!("{:.2}", stage.started.elapsed().as_secs_f64());
        let name = stage_name(stage.name);
        let line = if stage.total > 1 {
            text!(
                "stage-done",
                stage = name,
                total = stage.total,
                seconds = seconds
            )
        } else {
            text!("stage-took", stage = name, seconds = seconds)
        };
        // Where most of a stage's time goes, the program or the system (the disk): what
        // docs/performance.md compares.
        let line = match (stage.cpu, CpuTime::now()) {
            (Some(before), Some(after)) => {
                let spent = |a: Duration, b: Duration| format!("{:.2}", (a - b).as_secs_f64());
                text!(
                    "stage-cpu",
                    line = line.to_string(),
                    user = spent(after.user, before.user),
                    system = spent(after.system, before.system)
                )
            }
            _ => line,
        };
        self.line(line.to_string());
    }

    fn line(&self, line: String) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => anstream::eprintln!("{line}"),
        }
    }

    /// Clears the bar; the command's summary line follows.
    pub fn finish(&self) {
        self.end_stage();
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Stages {
    fn stage(&self, name: &'static str, total: usize) {
        self.end_stage();
        *self.current.lock().expect("not poisoned") = Some(Running {
            name,
            total,
            started: Instant::now(),
            cpu: CpuTime::now(),
        });
        match &self.bar {
            Some(bar) if total >= LONG_STAGE => {
                bar.set_message(stage_name(name));
                bar.set_length(total as u64);
                bar.set_position(0);
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
            Some(bar) => bar.set_draw_target(ProgressDrawTarget::hidden()),
            None if !self.quiet && (total >= LONG_STAGE || self.verbose) => {
                let name = stage_name(name);
                if total > 1 {
                    anstream::eprintln!("{name}: {total}…");
                } else {
                    anstream::eprintln!("{name}…");
                }
            }
            None => {}
        }
    }

    fn step(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }
}

/// The CPU time this process has used so far, where the system tells it.
#[derive(Clone, Copy)]
struct CpuTime {
    user: Duration,
    system: Duration,
}

impl CpuTime {
    #[cfg(target_os = "linux")]
    fn now() -> Option<CpuTime> {
        use nix::sys::resource::{UsageWho, getrusage};
        use nix::sys::time::TimeValLike as _;
        let usage = getrusage(UsageWho::RUSAGE_SELF).ok()?;
        let time = |t: nix::sys::time::TimeVal| {
            Duration::from_micros(u64::try_from(t.num_microseconds()).unwrap_or(0))
        };
        Some(CpuTime {
            user: time(usage.user_time()),
            system: time(usage.system_time()),
        })
    }

    #[cfg(not(target_os = "linux"))]
    fn now() -> Option<CpuTime> {
        None
    }
}
