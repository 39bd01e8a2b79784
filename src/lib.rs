//! annals: a static site generator for policy-briefing archives.
//!
//! Data flows one way: files on disk → parsed briefs (`content`) → an immutable site model
//! (`model`) → rendered pages (`render`) → written output (`output`).

pub mod config;
pub mod content;
pub mod dates;
pub mod diagnostics;
pub mod frontmatter;
pub mod import;
pub mod init;
pub mod korean;
pub mod links;
pub mod lint;
pub mod markdown;
pub mod model;
pub mod money;
pub mod new;
pub mod opendata;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod registry;
pub mod render;
pub mod sanitize;
pub mod search;
pub mod serve;
pub mod slug;
pub mod taxonomy;
pub mod theme;
pub mod url;
pub mod yaml_scan;
