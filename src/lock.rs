//! One ditich at a time in a project. Two builds at once would share the staging folder and
//! the cache and fail halfway, so every command that writes takes the project's lock first:
//! a second one waits for the first, as cargo does.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use anyhow::Context as _;

/// Held while a command writes; the lock is the operating system's, released when the file
/// closes, so a process that is killed releases it too.
#[derive(Debug)]
pub struct ProjectLock {
    _file: File,
}

impl ProjectLock {
    /// Takes the lock of the project at `root`, first calling `waiting` if another process
    /// holds it.
    pub fn acquire(root: &Path, waiting: impl FnOnce()) -> anyhow::Result<ProjectLock> {
        let dir = root.join(crate::cache::DIR);
        std::fs::create_dir_all(&dir)
            .with_context(|| crate::text!("cannot-create", file = dir.display().to_string()))?;
        let path = dir.join("lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| crate::text!("cannot-open", file = path.display().to_string()))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                waiting();
                file.lock().with_context(|| {
                    crate::text!("cannot-lock", file = path.display().to_string())
                })?;
            }
            // Some network drives cannot lock; a build there runs as it always did.
            Err(TryLockError::Error(err)) if err.kind() == std::io::ErrorKind::Unsupported => {}
            Err(TryLockError::Error(err)) => {
                return Err(err).with_context(|| {
                    crate::text!("cannot-lock", file = path.display().to_string())
                });
            }
        }
        Ok(ProjectLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let first = ProjectLock::acquire(dir.path(), || panic!("nobody holds it yet")).unwrap();
        let (sender, waited) = std::sync::mpsc::channel();
        let root = dir.path().to_path_buf();
        let second = std::thread::spawn(move || {
            ProjectLock::acquire(&root, || sender.send(()).unwrap()).unwrap();
        });
        waited.recv().unwrap();
        assert!(!second.is_finished(), "it waits while the first is held");
        drop(first);
        second.join().unwrap();
    }
}
