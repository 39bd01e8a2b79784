//! annals: a static site generator for policy-briefing archives.
//!
//! Data flows one way: files on disk → parsed briefs (`content`) → an immutable site model
//! (`model`) → rendered pages (`render`) → written output (`output`).

pub mod import;
pub mod money;
