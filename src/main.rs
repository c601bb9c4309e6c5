//! The `ditich` command: parses arguments, runs the library, prints what happened.

mod cli;

use std::process::ExitCode;

// Pages are rendered on every core at once, and the system allocator's locks showed up as a
// tenth of a province-sized build.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    ditich::i18n::set_language(cli::language());
    let cli = cli::help::parse();
    match cli.run() {
        Ok(code) => code,
        Err(err) => {
            cli::print_error(&err);
            ExitCode::FAILURE
        }
    }
}
