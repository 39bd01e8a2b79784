//! Writing output safely. Pages go into a staging folder next to the output folder, which is
//! swapped in only after the whole build succeeded: a failed build leaves the last good site
//! untouched. annals marks the folders it writes and refuses to replace a folder it did not
//! write (the accident that wiped a user's project in zola#1378).

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The marker file in every output folder annals writes.
pub const MARKER: &str = ".annals-output";
const MARKER_TEXT: &str = "This folder is written by `annals build` and replaced on every build.\n";

/// Fills one file piece by piece (see [`Sink::write_with`]).
pub type Fill<'a> = &'a mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>;

/// Where rendered files go.
pub trait Sink: Sync {
    /// Writes one file at a site path (`briefs/a/index.html`).
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()>;

    /// Writes one file at a site path as `fill` makes it, piece by piece, so that a large file
    /// (the open data of 100,000 briefs) is never held whole. A sink that keeps files in
    /// memory gathers the pieces and [`Sink::write`]s them, which is what this default does.
    fn write_with(&self, path: &str, fill: Fill<'_>) -> io::Result<()> {
        let mut bytes = Vec::new();
        fill(&mut bytes)?;
        self.write(path, &bytes)
    }
}

/// Discards everything (`annals check`).
pub struct Discard;

impl Sink for Discard {
    fn write(&self, _path: &str, _bytes: &[u8]) -> io::Result<()> {
        Ok(())
    }

    fn write_with(&self, _path: &str, fill: Fill<'_>) -> io::Result<()> {
        // Still made, so that a file that cannot be made fails `check` as it fails a build.
        fill(&mut io::sink())
    }
}

/// Files as kept in memory: site path → bytes.
pub type Files = HashMap<String, Arc<[u8]>>;

/// Keeps files in memory (the development server, tests), each passed through `prepare` on
/// the way in (the server adds its live-reload script to pages).
pub struct Memory {
    files: Mutex<Files>,
    prepare: fn(&str, Vec<u8>) -> Vec<u8>,
}

impl Default for Memory {
    fn default() -> Self {
        Memory::preparing(|_, bytes| bytes)
    }
}

impl Memory {
    /// A sink that keeps `prepare(path, bytes)` for each file.
    pub fn preparing(prepare: fn(&str, Vec<u8>) -> Vec<u8>) -> Self {
        Memory { files: Mutex::new(Files::new()), prepare }
    }

    /// Takes the files out.
    pub fn into_files(self) -> Files {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Memory {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let kept: Arc<[u8]> = (self.prepare)(path, bytes.to_vec()).into();
        self.files.lock().unwrap_or_else(|e| e.into_inner()).insert(path.to_string(), kept);
        Ok(())
    }
}

/// Why output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output folder holds files annals did not write.
    #[error("{0} is not empty and was not written by annals; refusing to replace it")]
    Foreign(PathBuf),
    /// The output path is a file.
    #[error("{0} is a file, not a folder")]
    NotAFolder(PathBuf),
    /// A file system operation failed.
    #[error("{what} {path}: {source}")]
    Io {
        /// What we were doing.
        what: &'static str,
        /// On which path.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

impl OutputError {
    /// A hint for the author.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            OutputError::Foreign(_) => {
                Some("choose another folder with --output or `output_dir`, or empty this one yourself")
            }
            OutputError::NotAFolder(_) => Some("choose another --output or `output_dir`"),
            OutputError::Io { .. } => None,
        }
    }
}

fn io_err(what: &'static str, path: &Path) -> impl FnOnce(io::Error) -> OutputError {
    let path = path.to_path_buf();
    move |source| OutputError::Io { what, path, source }
}

/// Checks that `dir` may be replaced: missing, empty, or marked as ours.
pub fn check_replaceable(dir: &Path) -> Result<(), OutputError> {
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(OutputError::Io { what: "cannot inspect", path: dir.to_path_buf(), source: e }),
        Ok(m) if !m.is_dir() => Err(OutputError::NotAFolder(dir.to_path_buf())),
        Ok(_) => {
            if dir.join(MARKER).is_file() {
                return Ok(());
            }
            let mut entries = std::fs::read_dir(dir).map_err(io_err("cannot list", dir))?;
            if entries.next().is_none() {
                Ok(())
            } else {
                Err(OutputError::Foreign(dir.to_path_buf()))
            }
        }
    }
}

/// A staging folder that becomes the output folder on [`Staging::commit`], and is removed if
/// dropped without committing.
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates a fresh staging folder beside `target` (same file system, so the swap is a rename).
    pub fn new(target: &Path) -> Result<Staging, OutputError> {
        check_replaceable(target)?;
        let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(io_err("cannot create", parent))?;
        let name =
            target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
        remove_leftovers(parent, &name);
        let dir = parent.join(format!(".{name}.annals-staging-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(io_err("cannot clear", &dir))?;
        }
        std::fs::create_dir_all(&dir).map_err(io_err("cannot create", &dir))?;
        std::fs::write(dir.join(MARKER), MARKER_TEXT).map_err(io_err("cannot write", &dir))?;
        Ok(Staging { target: target.to_path_buf(), dir, committed: false })
    }

    /// The staging folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Swaps the staging folder in place of the output folder.
    pub fn commit(mut self) -> Result<(), OutputError> {
        // Checked again: someone may have filled the folder while we built.
        check_replaceable(&self.target)?;
        let old = self.dir.with_file_name(format!(
            ".{}.annals-old-{}",
            self.target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            std::process::id()
        ));
        let had_old = self.target.exists();
        if had_old {
            std::fs::rename(&self.target, &old).map_err(io_err("cannot move aside", &self.target))?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_old {
                // Put the last good site back before reporting.
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(OutputError::Io {
                what: "cannot move into place",
                path: self.target.clone(),
                source: e,
            });
        }
        self.committed = true;
        if had_old {
            std::fs::remove_dir_all(&old).map_err(io_err("cannot remove the previous output", &old))?;
        }
        Ok(())
    }
}

/// The process id in a staging or old-output folder's name (`.public.annals-staging-4242`), if
/// `file_name` is one of ours for the output folder `name`.
fn leftover_pid(file_name: &str, name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?.strip_prefix(name)?;
    let pid = rest.strip_prefix(".annals-staging-").or_else(|| rest.strip_prefix(".annals-old-"))?;
    pid.parse().ok()
}

/// Removes the staging and old-output folders of builds that were killed before they could
/// clean up (a build stopped mid-way leaves hundreds of megabytes beside the output). Only
/// folders carrying our marker, named for `name` and left by a process that is no longer
/// running are removed: a build running now in the same folder keeps its own.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = leftover_pid(&file_name, name) else { continue };
        if pid == std::process::id() || process_alive(pid) || !entry.path().join(MARKER).is_file() {
            continue;
        }
        // Best effort: a folder that cannot be removed now is tried again by the next build.
        let _ = std::fs::remove_dir_all(entry.path());
    }
}

/// Whether a process with this id is running (on systems where that cannot be asked, every
/// process is taken to be running, so nothing is removed).
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else { return true };
        // SAFETY: kill with signal 0 sends nothing; it only asks whether the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl Staging {
    /// The staging path of site path `path`, its folders made.
    fn place(&self, path: &str) -> io::Result<PathBuf> {
        let full = self.dir.join(path);
        if let Some(parent) = full.parent() {
            // Most pages are alone in a new folder whose parent exists (`briefs/<slug>/`): one
            // mkdir, where `create_dir_all` asks first whether the folder exists.
            match std::fs::create_dir(parent) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && parent.is_dir() => {}
                Err(_) => std::fs::create_dir_all(parent)?,
            }
        }
        Ok(full)
    }
}

/// The write buffer of a streamed file: large enough that a file of hundreds of megabytes
/// takes few system calls, small beside the pages being rendered at the same time.
const STREAM_BUFFER: usize = 256 * 1024;

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        std::fs::write(self.place(path)?, bytes)
    }

    /// Straight into the staging folder: a build that fails half-way through a file leaves
    /// the part in the staging folder, which is removed, never in the output folder.
    fn write_with(&self, path: &str, fill: Fill<'_>) -> io::Result<()> {
        let file = std::fs::File::create(self.place(path)?)?;
        let mut out = io::BufWriter::with_capacity(STREAM_BUFFER, file);
        fill(&mut out)?;
        out.into_inner().map_err(io::IntoInnerError::into_error)?;
        Ok(())
    }
}

/// The file a site path is written to: `briefs/a/` → `briefs/a/index.html`.
pub fn file_for(site_path: &str) -> String {
    if site_path.is_empty() || site_path.ends_with('/') {
        format!("{site_path}index.html")
    } else {
        site_path.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_replace_a_folder_it_did_not_write() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("thesis.docx"), "precious").unwrap();
        assert!(matches!(Staging::new(&out), Err(OutputError::Foreign(_))));
        assert_eq!(std::fs::read_to_string(out.join("thesis.docx")).unwrap(), "precious");
    }

    #[test]
    fn commit_swaps_and_drop_cleans_up() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let s = Staging::new(&out).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(std::fs::read_to_string(out.join("a/index.html")).unwrap(), "one");
        // A second build that fails (dropped without commit) leaves the first output whole.
        let s = Staging::new(&out).unwrap();
        s.write("a/index.html", b"two").unwrap();
        let staging = s.dir().to_path_buf();
        drop(s);
        assert!(!staging.exists());
        assert_eq!(std::fs::read_to_string(out.join("a/index.html")).unwrap(), "one");
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn leftovers_of_killed_builds_are_removed_and_live_ones_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        // A pid that is not running: a child that has exited and been waited for.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let parent_pid = std::os::unix::process::parent_id();
        let make = |name: String, marked: bool| {
            let d = tmp.path().join(name);
            std::fs::create_dir_all(d.join("a")).unwrap();
            std::fs::write(d.join("a/index.html"), "x").unwrap();
            if marked {
                std::fs::write(d.join(MARKER), MARKER_TEXT).unwrap();
            }
            d
        };
        let staging = make(format!(".public.annals-staging-{dead}"), true);
        let old = make(format!(".public.annals-old-{dead}"), true);
        let running = make(format!(".public.annals-old-{parent_pid}"), true);
        let unmarked = make(format!(".public.annals-staging-{dead}0"), false);
        let other_site = make(format!(".docs.annals-staging-{dead}"), true);
        let s = Staging::new(&out).unwrap();
        s.commit().unwrap();
        assert!(!staging.exists() && !old.exists(), "leftovers of a dead build stay");
        assert!(running.exists(), "a running build's folder was removed");
        assert!(unmarked.exists(), "a folder without our marker was removed");
        assert!(other_site.exists(), "another output folder's staging was removed");
        assert_eq!(leftover_pid(".public.annals-old-42", "public"), Some(42));
        assert_eq!(leftover_pid(".public.annals-old-x", "public"), None);
    }

    /// Fills `rows` lines of `row`, failing after `fail_after` of them when given.
    fn lines(rows: usize, fail_after: Option<usize>) -> impl FnMut(&mut dyn io::Write) -> io::Result<()> {
        move |w| {
            for n in 0..rows {
                if Some(n) == fail_after {
                    return Err(io::Error::other("the data ran out"));
                }
                writeln!(w, "row {n}")?;
            }
            Ok(())
        }
    }

    #[test]
    fn a_streamed_file_goes_into_staging_and_a_failed_one_leaves_the_output_whole() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let s = Staging::new(&out).unwrap();
        // More than the write buffer, so that part of it is on disk before the end.
        let rows = 3 * STREAM_BUFFER / 8;
        s.write_with("data/big.csv", &mut lines(rows, None)).unwrap();
        let staged = s.dir().join("data/big.csv");
        assert!(!out.exists(), "written outside the staging folder");
        let expected: String = (0..rows).map(|n| format!("row {n}\n")).collect();
        assert_eq!(std::fs::read_to_string(&staged).unwrap(), expected);
        s.commit().unwrap();
        assert_eq!(std::fs::read_to_string(out.join("data/big.csv")).unwrap(), expected);

        // The next build fails half-way through the file: the error comes back, the part
        // written is in the staging folder only, and the output keeps the last good file.
        let s = Staging::new(&out).unwrap();
        let e = s.write_with("data/big.csv", &mut lines(rows, Some(rows / 2))).unwrap_err();
        assert_eq!(e.to_string(), "the data ran out");
        let part = std::fs::metadata(s.dir().join("data/big.csv")).unwrap().len();
        assert!(part > 0 && part < expected.len() as u64, "{part}");
        drop(s);
        assert_eq!(std::fs::read_to_string(out.join("data/big.csv")).unwrap(), expected);
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1, "the staging folder stayed");
    }

    #[test]
    fn memory_and_discard_sinks_take_streamed_files() {
        let m = Memory::preparing(|path, mut bytes| {
            bytes.extend_from_slice(path.as_bytes());
            bytes
        });
        m.write_with("a.csv", &mut lines(3, None)).unwrap();
        let files = m.into_files();
        assert_eq!(&*files["a.csv"], b"row 0\nrow 1\nrow 2\na.csv");
        // Discard makes the file too, so a file that cannot be made fails there as well.
        assert!(Discard.write_with("a.csv", &mut lines(3, Some(1))).is_err());
        assert!(Discard.write_with("a.csv", &mut lines(3, None)).is_ok());
    }

    #[test]
    fn site_paths_map_to_files() {
        assert_eq!(file_for(""), "index.html");
        assert_eq!(file_for("briefs/a/"), "briefs/a/index.html");
        assert_eq!(file_for("atom.xml"), "atom.xml");
    }
}
