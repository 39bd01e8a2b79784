//! A site in a temporary folder, built and read back by a test: a copy of a fixture under
//! tests/fixtures/, or an empty site that the test writes briefs into.
#![allow(dead_code)] // each test binary uses the part it needs

use annals::build::model::Archive;
use annals::build::pipeline::{self, BuildError, Options};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The site.toml of an empty site: a sub-path base URL, so every test checks links under one.
pub const SITE_TOML: &str = "title = \"시험\"\nbase_url = \"https://user.github.io/archive/\"\n";

/// A site in a temporary folder, removed when the value is dropped.
pub struct Site {
    _tmp: tempfile::TempDir,
    /// The site's folder (site.toml, content/, and public/ once built).
    pub root: PathBuf,
}

impl Site {
    /// A copy of `tests/fixtures/<name>`, so builds never touch the repository.
    pub fn fixture(name: &str) -> Site {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        super::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name), &root);
        Site { _tmp: tmp, root }
    }

    /// A site with no briefs yet: [`SITE_TOML`] followed by `toml_extra`.
    pub fn empty(toml_extra: &str) -> Site {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        fs::create_dir_all(root.join("content/briefs")).unwrap();
        fs::write(root.join("site.toml"), format!("{SITE_TOML}{toml_extra}")).unwrap();
        Site { _tmp: tmp, root }
    }

    /// Adds `extra` at the end of site.toml.
    pub fn with_toml(self, extra: &str) -> Site {
        let path = self.root.join("site.toml");
        let text = fs::read_to_string(&path).unwrap() + extra;
        fs::write(path, text).unwrap();
        self
    }

    /// Writes `content/briefs/<name>` from its front matter and body.
    pub fn brief(&self, name: &str, front: &str, body: &str) -> &Site {
        self.file(&format!("content/briefs/{name}"), &format!("---\n{front}\n---\n{body}"))
    }

    /// Writes a file of the site (made with its folders).
    pub fn file(&self, rel: &str, text: &str) -> &Site {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    /// Build options for this site, everything else default.
    pub fn options(&self) -> Options {
        Options { root: self.root.clone(), ..Options::default() }
    }

    /// Builds the site into public/.
    pub fn build(&self) -> Result<pipeline::Report, BuildError> {
        pipeline::build(&self.options())
    }

    /// The site model, as a build would make it.
    pub fn archive(&self) -> Archive {
        let config = pipeline::load_config(&self.options()).unwrap();
        pipeline::load(config, false).unwrap().archive
    }

    /// Where `rel` is in the output.
    pub fn out(&self, rel: &str) -> PathBuf {
        self.root.join("public").join(rel)
    }

    /// An output file as text.
    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.out(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// An output file as bytes.
    pub fn bytes(&self, rel: &str) -> Vec<u8> {
        fs::read(self.out(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Runs the annals binary with `args` and `--root` this site.
    pub fn annals(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_annals")).args(args).arg("--root").arg(&self.root).output().unwrap()
    }
}

/// The problems a failed run reported, each as the user reads it; panics if the run succeeded.
pub fn problems(result: Result<pipeline::Report, BuildError>) -> Vec<String> {
    match result {
        Err(BuildError::Problems(p)) => p.iter().map(|d| d.to_string()).collect(),
        Err(e) => panic!("expected problems, got {e}"),
        Ok(_) => panic!("expected the run to fail"),
    }
}
