// The default theme is embedded with include_dir!, which cargo cannot see: rebuild when it changes.
// The commit annals is built from is recorded so that `annals init` can pin a new site's deploy
// workflow to the same annals.
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs/heads");
    let rev = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| s.len() == 40 && s.chars().all(|c| c.is_ascii_hexdigit()))
        .unwrap_or_default();
    println!("cargo:rustc-env=ANNALS_GIT_REV={rev}");
}
