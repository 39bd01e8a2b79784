//! The brief format (`../shared/docs/brief-format.md`), shared by the build and the importer:
//! front matter and its fields, dates, money amounts and slugs, and where a brief's files sit.

pub mod dates;
pub mod frontmatter;
pub mod money;
pub mod slug;
pub(crate) mod yaml_scan;

use std::path::Path;

/// The file name that makes a folder a page bundle: the brief and its files together.
pub const BUNDLE_INDEX: &str = "index.md";

/// Whether a brief file is the index of a page bundle.
pub fn is_bundle(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == BUNDLE_INDEX)
}
