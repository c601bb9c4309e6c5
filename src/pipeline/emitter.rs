//! The hand-off between the stages and the write stage: files from many workers go to the
//! sink one at a time, and what the last stage needs to know of them is kept.

use std::sync::Mutex;

use crate::diagnostic::Diagnostic;
use crate::lock;
use crate::output::{FileKey, Keeper, OutputFile, Sink};
use crate::render::{self, Stored};

/// Hands files to the sink from many workers, and keeps what the last files need to know of
/// them: the problems found, and what the service worker stores.
pub struct Emitter<'s> {
    sink: &'s dyn Sink,
    problems: Mutex<Vec<Diagnostic>>,
    stored: Mutex<Vec<Stored>>,
    failure: Mutex<Option<anyhow::Error>>,
}

impl<'s> Emitter<'s> {
    pub fn new(sink: &'s dyn Sink) -> Emitter<'s> {
        Emitter {
            sink,
            problems: Mutex::default(),
            stored: Mutex::default(),
            failure: Mutex::default(),
        }
    }

    /// Puts the file made, if any (a kept page is already in place), or records the problem.
    pub fn emit(&self, file: Result<impl Into<Option<OutputFile>>, Diagnostic>) {
        match file.map(Into::into) {
            Ok(Some(file)) => self.put(file),
            Ok(None) => {}
            Err(problem) => self.problem(problem),
        }
    }

    fn problem(&self, problem: Diagnostic) {
        lock(&self.problems).push(problem);
    }

    pub fn put(&self, file: OutputFile) {
        if lock(&self.failure).is_some() {
            return;
        }
        // A file made from bytes is stored by the hash the sink takes of them; a copied one
        // by its source, looked at before the sink takes the file.
        let copied = render::stored_copy(&file);
        let path = file.path.clone();
        match self.sink.put(file) {
            Ok(listing) => {
                let stored = listing
                    .and_then(|listing| render::stored_bytes(&path, &listing.digest, listing.len))
                    .or(copied);
                if let Some(stored) = stored {
                    lock(&self.stored).push(stored);
                }
            }
            Err(err) => {
                lock(&self.failure).get_or_insert(err);
            }
        }
    }

    /// Moves the problems found so far into `diagnostics`; an error from the sink ends the
    /// build. `Ok(false)` when a problem is an error.
    pub fn settle(&self, diagnostics: &mut Vec<Diagnostic>) -> anyhow::Result<bool> {
        if let Some(err) = lock(&self.failure).take() {
            return Err(err);
        }
        let problems = std::mem::take(&mut *lock(&self.problems));
        let failed = problems.iter().any(Diagnostic::is_error);
        diagnostics.extend(problems);
        Ok(!failed)
    }

    /// What the service worker may store of the files handed on so far.
    pub fn take_stored(&self) -> Vec<Stored> {
        std::mem::take(&mut *lock(&self.stored))
    }
}

impl Keeper for Emitter<'_> {
    /// Whether the sink kept the file an earlier build made from `key`. After a failure every
    /// file counts as kept: the build is over and making it would be wasted.
    fn kept(&self, path: &str, key: &FileKey) -> bool {
        if lock(&self.failure).is_some() {
            return true;
        }
        match self.sink.keep(path, key) {
            Ok(Some(kept)) => {
                if let Some(stored) = render::stored_bytes(path, &kept.digest, kept.len) {
                    lock(&self.stored).push(stored);
                }
                true
            }
            Ok(None) => false,
            Err(err) => {
                lock(&self.failure).get_or_insert(err);
                true
            }
        }
    }
}
