//! How a long build tells its caller how far it has got. The library prints nothing; the
//! command line turns these calls into a progress bar or plain lines.

/// Receives the stages of a build as they run. Steps are reported from worker threads.
pub trait Progress: Sync {
    /// A stage of `total` steps begins, e.g. `("pages", 20_000)`.
    fn stage(&self, name: &'static str, total: usize);
    /// One step of the current stage is done.
    fn step(&self);
}

/// For builds nobody watches.
pub struct Silent;

impl Progress for Silent {
    fn stage(&self, _: &'static str, _: usize) {}
    fn step(&self) {}
}
