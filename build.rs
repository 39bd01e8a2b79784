// The default theme is embedded with include_dir!, which cargo cannot see: rebuild when it changes.
// The commit annals is built from is recorded so that `annals init` can pin a new site's deploy
// workflow to the same annals.
use std::path::PathBuf;
use std::process::Command;

/// The output of `git <args>`, trimmed, when git runs and succeeds here.
fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok().filter(|o| o.status.success())?;
    String::from_utf8(out.stdout).ok().map(|s| s.trim().to_string())
}

fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    // Watch the files that move when the commit changes. They are asked of git rather than taken
    // as `.git/HEAD`: in a worktree `.git` is a file, and a watched path that does not exist makes
    // cargo run this script, and relink, on every build.
    let dirs = git(&["rev-parse", "--absolute-git-dir"]).zip(git(&["rev-parse", "--git-common-dir"]));
    if let Some((git_dir, common)) = dirs {
        // `--git-common-dir` may be relative, to this folder (the package root, as cargo reads it).
        let common = PathBuf::from(common);
        let watched =
            [PathBuf::from(&git_dir).join("HEAD"), common.join("refs/heads"), common.join("packed-refs")];
        for path in watched.iter().filter(|p| p.exists()) {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    let rev = git(&["rev-parse", "HEAD"])
        .filter(|s| s.len() == 40 && s.chars().all(|c| c.is_ascii_hexdigit()))
        .unwrap_or_default();
    println!("cargo:rustc-env=ANNALS_GIT_REV={rev}");
}
