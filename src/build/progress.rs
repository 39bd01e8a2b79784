//! Progress of a long run, reported by the stages that know how far they are and drawn by
//! whoever started the run (the command line draws one line on a terminal). The library itself
//! never prints.

/// How far a run has got: the stage, and for stages that count, how many of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The stage (`render + write`).
    pub stage: &'static str,
    /// Items done (0 for a stage that does not count).
    pub done: usize,
    /// Items in all (0 for a stage that does not count).
    pub total: usize,
}

/// Where a run reports its steps: the command line draws a progress line from them. Called
/// from worker threads; the default reports nowhere.
#[derive(Clone, Default)]
pub struct Progress(Option<std::sync::Arc<dyn Fn(Step) + Send + Sync>>);

impl Progress {
    /// Reports every step to `f`.
    pub fn new(f: impl Fn(Step) + Send + Sync + 'static) -> Progress {
        Progress(Some(std::sync::Arc::new(f)))
    }

    /// Reports one step.
    pub fn report(&self, stage: &'static str, done: usize, total: usize) {
        if let Some(f) = &self.0 {
            f(Step { stage, done, total });
        }
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() { "Progress(reported)" } else { "Progress(none)" })
    }
}
