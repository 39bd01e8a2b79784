//! Page bundles: a brief written as `<name>/index.md` is published together with the other
//! files of its folder (images, PDFs), beside its page.

use std::path::Path;

/// The file name that makes a folder a page bundle: the brief and its files together.
pub const BUNDLE_INDEX: &str = "index.md";

/// Whether a brief file is the index of a page bundle.
pub fn is_bundle(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == BUNDLE_INDEX)
}
