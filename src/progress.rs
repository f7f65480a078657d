//! Progress of a build, reported to whoever runs it. The library never
//! prints: the command line shows a progress bar on a terminal and a
//! one-line summary otherwise; tests and `serve` pass their own observer or
//! [`Silent`].

/// Receives the progress of a build. Every method has an empty default, so
/// an observer implements only what it shows. Calls may come from several
/// threads at once.
pub trait Progress: Sync {
    /// A stage begins (`load`, `render`). `total` is the number of steps when
    /// it is known in advance (files to write, for `render`).
    fn stage(&self, _name: &'static str, _total: Option<u64>) {}

    /// One more step of the current stage is done: `path` was written.
    fn step(&self, _path: &str) {}
}

/// Shows nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct Silent;

impl Progress for Silent {}
