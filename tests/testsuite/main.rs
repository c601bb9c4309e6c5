//! End-to-end tests: each copies a project into a temporary folder, runs the real `ditich`
//! binary on it and inspects what it printed and wrote. See `project.rs` for the harness.

mod administration;
mod browser;
mod build;
mod catalogue;
mod deploy;
mod drafts;
mod errors;
mod folders;
mod fuzz_corpus;
mod helps;
mod hostile;
mod language;
mod lock;
mod officer;
mod open_data;
mod open_schema;
mod output_folder;
mod plaques;
mod posters;
mod print;
mod project;
mod properties;
mod province;
mod publish;
mod running;
mod serve;
mod servers;
mod stats;
mod studio;
mod tools;
