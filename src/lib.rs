//! annals: a static site generator for policy-briefing archives.
//!
//! Data flows one way: files on disk → parsed briefs (`brief`, `build::content`) → an immutable
//! site model (`build::model`) → rendered pages (`build::render`) → written output
//! (`build::output`). The commands around the build (`check`, `import`, `serve`, `new`, `init`)
//! use its stages; the build uses none of them.

pub mod brief;
pub mod build;
pub mod check;
pub mod diagnostics;
pub mod import;
pub mod init;
pub mod korean;
pub mod new;
pub mod serve;
