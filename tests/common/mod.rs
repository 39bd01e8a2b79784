//! Helpers shared by the integration tests.

pub mod site;

use std::fs;
use std::path::Path;

/// Copies a fixture folder, so tests never change the repository's files.
#[allow(dead_code)] // not every test binary that includes this module copies fixtures
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The folder `../shared/<what>` beside the repository, when it is there.
///
/// A clone of the repository alone does not have `../shared` (the corpora belong to their
/// authors and stay outside the repo), so a test that needs it is skipped there, saying so.
/// Under `CI=true` a missing `../shared` is a failure instead: CI always has it beside the
/// clone, and a skip there would hide a broken setup.
#[allow(dead_code)] // not every test binary that includes this module reads ../shared
pub fn shared(what: &str) -> Option<std::path::PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("shared").join(what);
    if path.exists() {
        return Some(path);
    }
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(!in_ci, "CI=true but {} is missing: CI runs with ../shared beside the clone", path.display());
    // Straight to the process's stderr: the test harness captures `eprintln!` of passing tests,
    // and a skip that nobody sees reads as a pass.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {} is not beside the repository (a bare clone); this test needs it",
        path.display()
    );
    None
}
