//! `annals init`: a new archive folder that builds, passes `check` and deploys on its first
//! push: a commented `site.toml`, one complete sample brief, a term registry stub, `.gitignore`
//! and a GitHub Pages workflow pinned to the annals that made it. It never overwrites a file.

use std::path::{Path, PathBuf};

/// Where the deploy workflow installs annals from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnalsSource {
    /// A git address cargo can install from.
    pub git: String,
    /// A commit (or tag) of that repository.
    pub rev: String,
}

impl AnnalsSource {
    /// The source this binary was built from: the package's repository at the commit recorded
    /// at build time, when there was one.
    pub fn of_this_build() -> Option<AnnalsSource> {
        let rev = env!("ANNALS_GIT_REV");
        (!rev.is_empty()).then(|| AnnalsSource {
            git: format!("{}.git", env!("CARGO_PKG_REPOSITORY")),
            rev: rev.to_string(),
        })
    }
}

/// What to make.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The folder (made if missing).
    pub dir: PathBuf,
    /// Allow a folder that already has files (existing files are still never replaced).
    pub force: bool,
    /// Where the deploy workflow gets annals; `None` writes a workflow that stops with a message
    /// until `ANNALS_REV` is set.
    pub source: Option<AnnalsSource>,
}

/// What was made.
#[derive(Debug, Clone, Default)]
pub struct Created {
    /// Files written, relative to the folder.
    pub written: Vec<PathBuf>,
    /// Files that were there already and were left alone (only with `force`).
    pub kept: Vec<PathBuf>,
}

/// Why a folder could not be made into a site.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The folder has files and `force` was not given.
    #[error("{} is not empty; pass --force to add the missing files (existing files are kept)", .0.display())]
    NotEmpty(PathBuf),
    /// A path is in the way (a file where a folder goes).
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// The revision written when this build of annals does not know its own commit.
const UNKNOWN_REV: &str = "SET-ME-to-an-annals-commit";

/// The files of a new site: path and contents.
fn files(source: Option<&AnnalsSource>) -> Vec<(&'static str, String)> {
    let (git, rev) = match source {
        Some(s) => (s.git.clone(), s.rev.clone()),
        None => (format!("{}.git", env!("CARGO_PKG_REPOSITORY")), UNKNOWN_REV.to_string()),
    };
    let workflow = include_str!("deploy.yml").replace("@ANNALS_GIT@", &git).replace("@ANNALS_REV@", &rev);
    vec![
        ("site.toml", include_str!("site.toml").to_string()),
        (
            "content/briefs/2024-01-17-local-digital-innovation.md",
            include_str!("briefs/brief.md").to_string(),
        ),
        ("data/terms.yaml", include_str!("terms.yaml").to_string()),
        (".gitignore", include_str!("gitignore").to_string()),
        (".github/workflows/deploy.yml", workflow),
    ]
}

/// Makes the site folder. Refuses a folder with files unless `force`; never replaces a file.
pub fn create(options: &InitOptions) -> Result<Created, InitError> {
    let dir = &options.dir;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| InitError::Io { path, source }
    };
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(io(dir))?;
        if entries.next().is_some() && !options.force {
            return Err(InitError::NotEmpty(dir.clone()));
        }
    }
    let mut created = Created::default();
    for (rel, text) in files(options.source.as_ref()) {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        // create_new: a file that appeared meanwhile, or was there with --force, is kept.
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut f) => {
                std::io::Write::write_all(&mut f, text.as_bytes()).map_err(io(&path))?;
                created.written.push(PathBuf::from(rel));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => created.kept.push(PathBuf::from(rel)),
            Err(e) => return Err(io(&path)(e)),
        }
    }
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workflow_is_pinned_to_the_given_source() {
        let source = AnnalsSource { git: "https://example.org/annals.git".into(), rev: "abc123".into() };
        let all = files(Some(&source));
        let (_, workflow) = all.iter().find(|(p, _)| p.ends_with("deploy.yml")).unwrap();
        assert!(workflow.contains("ANNALS_GIT: https://example.org/annals.git"));
        assert!(workflow.contains("ANNALS_REV: abc123"));
        assert!(!workflow.contains("@ANNALS"), "every marker replaced");
        let (_, unknown) = files(None).into_iter().find(|(p, _)| p.ends_with("deploy.yml")).unwrap();
        assert!(unknown.contains(UNKNOWN_REV));
    }
}
