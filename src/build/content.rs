//! Content: finding every brief under `content/`, reading them in parallel (NFC-normalised, so
//! NFD Hangul from macOS and NFC Hangul are one term), and turning each into a [`Brief`].

use crate::brief::frontmatter::{self, FrontMatter, Rules};
use crate::brief::slug::{slugify, SlugStyle};
use crate::build::config::{Config, TermSource};
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::korean::is_plainly_nfc_text;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use walkdir::WalkDir;

pub use crate::build::config::CONTENT_DIR;

/// One brief, read and checked, body not yet rendered.
#[derive(Debug, Clone)]
pub struct Brief {
    /// The file, relative to the site folder (`content/briefs/a.md`), for messages.
    pub path: PathBuf,
    /// The file relative to `content/`, with `/` separators (`briefs/a.md`), for links.
    pub content_path: String,
    /// URL name (`/briefs/<slug>/`).
    pub slug: String,
    /// Front matter.
    pub meta: FrontMatter,
    /// Markdown body while it is held: always by the development server, which renders pages
    /// again after edits from the briefs it keeps; never by a build, which drops it as soon
    /// as it is read and renders each page from the file again ([`Brief::body`]).
    pub body: Option<String>,
    /// What the file held when it was read, to know that a body read again is that text.
    pub stamp: Stamp,
    /// The excerpt of the body that lists show when the front matter has no `summary` (and
    /// empty when it has one, which is then shown instead: [`Brief::list_summary`]).
    pub excerpt: String,
    /// 1-based file line where the body starts.
    pub body_line: usize,
    /// The front matter as written (between the `---` lines), kept so that the registry and the
    /// model can name the line of a value they find wrong without reading the file again; the
    /// model empties it once built.
    pub front: String,
    /// 1-based file line of the first front-matter line.
    pub front_line: usize,
    /// For a page bundle (`…/name/index.md`): the other files of its folder, relative to it
    /// (`chart.png`, `data/table.pdf`), published beside the brief's page.
    pub files: Vec<String>,
}

/// Whether briefs keep their Markdown bodies once read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bodies {
    /// Kept (the development server, tests).
    Held,
    /// Dropped as soon as the summary is taken from them: the model holds summaries, not
    /// bodies, so a build's memory does not grow with the archive's text.
    Dropped,
}

/// What a brief's file held when it was read: enough to read its body again when its page is
/// rendered and to know it is the text the rest of the site was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    /// The file's length in bytes.
    len: usize,
    /// A hash of the file's bytes.
    digest: u64,
    /// Where the body starts in the file's text (after normalisation).
    body_start: usize,
    /// Whether the text had to be NFC-normalised.
    normalised: bool,
}

/// A hash of a brief file's bytes. One build compares only its own hashes, to notice a file
/// edited while it runs, so a fast non-cryptographic 64-bit hash does (rustc-hash's, a few
/// times faster than std's SipHash on whole files).
fn digest(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.finish()
}

/// `bytes` as a String if they are UTF-8, checked with SIMD: std's byte-at-a-time check was
/// 5 % of a build's CPU, spent on Hangul's three-byte characters.
fn utf8_string(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just checked that the bytes are valid UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        // Invalid: std's check says where, for the message.
        String::from_utf8(bytes)
    }
}

impl Brief {
    /// The Markdown body: as held, or read again from the file under the site folder `root`.
    /// A file that no longer holds the text the brief was read from is an error: the site's
    /// lists, search and data were made from that text, and a page from another would not
    /// match them (the next build reads the new text everywhere).
    pub fn body(&self, root: &Path) -> Result<std::borrow::Cow<'_, str>, Diagnostic> {
        if let Some(body) = &self.body {
            return Ok(body.into());
        }
        let changed = || {
            Diagnostic::error(&self.path, 0, 0, "the file changed while the site was being built")
                .with_hint("build again once the edit is saved; the next build reads the new text throughout")
        };
        let s = &self.stamp;
        let bytes = read_limited(root, &self.path)?;
        if bytes.len() != s.len || digest(&bytes) != s.digest {
            return Err(changed());
        }
        // The same bytes as before, so valid UTF-8 and normalised the same way.
        let mut text = utf8_string(bytes).map_err(|_| changed())?;
        if s.normalised {
            text = nfc(text);
        }
        if !text.is_char_boundary(s.body_start) {
            return Err(changed());
        }
        text.drain(..s.body_start);
        Ok(text.into())
    }
}

impl Brief {
    /// The plain-text summary lists show: the `summary` field, or an excerpt of the body.
    pub fn list_summary(&self) -> &str {
        if self.meta.summary.is_empty() {
            &self.excerpt
        } else {
            &self.meta.summary
        }
    }
}

/// The excerpt lists show for a brief whose front matter has no `summary`, or nothing.
fn excerpt_of(meta: &FrontMatter, body: &str) -> String {
    if meta.summary.is_empty() {
        crate::build::markdown::excerpt(body, 160)
    } else {
        String::new()
    }
}

use crate::brief::bundle::{is_bundle, BUNDLE_INDEX};

/// Every brief of a site, and every problem found reading them.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Briefs, in path order (drafts left out unless asked for).
    pub briefs: Vec<Brief>,
    /// Problems, in path order.
    pub diagnostics: Vec<Diagnostic>,
    /// `content/`-relative paths of briefs that could not be read, so that links to them are
    /// not reported as broken on top of their own errors.
    pub failed: Vec<String>,
    /// Briefs (drafts included) that still carry `review` notes, with how many.
    pub under_review: Vec<(PathBuf, usize)>,
}

/// Whether a file name is an editor's swap, backup or lock file, or hidden.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.ends_with(".bak")
        || name.ends_with(".orig")
        || name.ends_with(".tmp")
}

/// The largest brief file annals reads, in bytes (8 MiB): a brief is an article, and past this
/// a file is almost certainly something else (a dump, a log) that would take memory many times
/// its size to render.
pub const MAX_BRIEF_BYTES: u64 = 8 * 1024 * 1024;

/// The files under `content/`, sorted, relative to the site root.
#[derive(Debug, Default)]
pub struct Found {
    /// Brief files (`.md`).
    pub briefs: Vec<PathBuf>,
    /// Every other file: images, PDFs, data.
    pub other: Vec<PathBuf>,
    /// A problem for each folder that could not be read (a symbolic link loop, a folder without
    /// permission): those are skipped and the rest is still read, so that every other error is
    /// reported too.
    pub problems: Vec<Diagnostic>,
}

impl Found {
    /// The files of the bundle whose index is `brief`, relative to its folder; none for a brief
    /// that is not a bundle. A file in a sub-folder that is a bundle of its own is not included.
    pub fn bundle_files(&self, brief: &Path) -> Vec<String> {
        let Some(dir) = brief.parent().filter(|_| is_bundle(brief)) else { return Vec::new() };
        // `other` is sorted, so the folder's files are one run of it: found by binary search
        // rather than by a pass over every file for every bundle (quadratic on a site of
        // thousands of bundles).
        let start = self.other.partition_point(|f| f.as_path() < dir);
        self.other[start..]
            .iter()
            .take_while(|f| f.starts_with(dir))
            .filter(|f| self.bundle_of(f) == Some(dir))
            .filter_map(|f| f.strip_prefix(dir).ok())
            .map(|rel| {
                nfc(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"))
            })
            .collect()
    }

    /// The nearest folder above `file` that holds a bundle index.
    fn bundle_of<'a>(&self, file: &'a Path) -> Option<&'a Path> {
        file.ancestors().skip(1).find(|d| self.briefs.binary_search(&d.join(BUNDLE_INDEX)).is_ok())
    }
}

/// Lists the brief files under `content/`, sorted, relative to the site root.
pub fn find_briefs(root: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    find(root).map(|f| f.briefs)
}

/// Lists every file under `content/` (hidden and editor files left out).
pub fn find(root: &Path) -> Result<Found, Diagnostic> {
    let dir = root.join(CONTENT_DIR);
    if !dir.is_dir() {
        return Err(Diagnostic::error(CONTENT_DIR, 0, 0, "the site has no content folder")
            .with_hint("put briefs (Markdown files with front matter) in content/"));
    }
    let mut found = Found::default();
    let walker = WalkDir::new(&dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                found.problems.push(walk_error(root, &dir, &e));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        if entry.path().extension().is_some_and(|x| x == "md") {
            found.briefs.push(rel(root, entry.path()));
        } else {
            found.other.push(rel(root, entry.path()));
        }
    }
    // The walk is sorted per folder; bundle lookups need one sorted list of each.
    found.briefs.sort();
    found.other.sort();
    Ok(found)
}

fn walk_error(root: &Path, dir: &Path, e: &walkdir::Error) -> Diagnostic {
    let path = rel(root, e.path().unwrap_or(dir));
    match e.loop_ancestor() {
        Some(ancestor) => Diagnostic::error(
            &path,
            0,
            0,
            format!("this symbolic link loops back to {}; it is skipped", rel(root, ancestor).display()),
        )
        .with_hint("remove the link, or point it at a folder outside its own parents"),
        None => Diagnostic::error(&path, 0, 0, format!("cannot read: {e}")),
    }
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Reads and checks every brief. Drafts are kept only when `drafts` is true; bodies only
/// when `bodies` says so.
pub fn load(config: &Config, drafts: bool, bodies: Bodies) -> Loaded {
    let mut found = match find(&config.root) {
        Ok(f) => f,
        Err(d) => return Loaded { diagnostics: vec![d], ..Loaded::default() },
    };
    let files = &found.briefs;
    let custom = custom_fields(config);
    let roles = crate::korean::Roles::builtin();
    let rules = Rules { timezone: config.timezone, custom_fields: &custom, roles: &roles };
    let results: Vec<Result<Brief, Vec<Diagnostic>>> =
        files.par_iter().map(|path| read_brief(&config.root, path, rules, config.slugify, bodies)).collect();
    let mut loaded = Loaded {
        diagnostics: std::mem::take(&mut found.problems),
        // Exactly: a brief is several hundred bytes, and doubling left a quarter unused.
        briefs: Vec::with_capacity(results.iter().filter(|r| r.is_ok()).count()),
        ..Loaded::default()
    };
    for (r, path) in results.into_iter().zip(&found.briefs) {
        match r {
            Ok(mut b) => {
                b.files = found.bundle_files(path);
                // A draft's warnings are reported too: an imported brief stays a draft until
                // its review notes are cleared, and those notes are what the author must see.
                loaded.diagnostics.append(&mut b.meta.warnings);
                if !b.meta.review.is_empty() {
                    loaded.under_review.push((b.path.clone(), b.meta.review.len()));
                }
                if drafts || !b.meta.draft {
                    loaded.briefs.push(b);
                }
            }
            Err(mut d) => {
                loaded.diagnostics.append(&mut d);
                loaded.failed.push(content_path(path));
            }
        }
    }
    loaded
}

fn custom_fields(config: &Config) -> Vec<String> {
    config.custom_fields().map(str::to_string).collect()
}

/// Reads one brief file (a path relative to the site folder) with the site's rules, as
/// [`load`] reads each (the development server reads edited briefs with it).
pub fn read_one(config: &Config, path: &Path) -> Result<Brief, Vec<Diagnostic>> {
    let custom = custom_fields(config);
    let roles = crate::korean::Roles::builtin();
    read_brief(
        &config.root,
        path,
        Rules { timezone: config.timezone, custom_fields: &custom, roles: &roles },
        config.slugify,
        Bodies::Held,
    )
}

/// Reads one brief file, keeping its body or not as `bodies` says.
pub fn read_brief(
    root: &Path,
    path: &Path,
    rules: Rules<'_>,
    style: SlugStyle,
    bodies: Bodies,
) -> Result<Brief, Vec<Diagnostic>> {
    let bytes = read_limited(root, path).map_err(|d| vec![d])?;
    let (len, digest) = (bytes.len(), digest(&bytes));
    let text = utf8_string(bytes).map_err(|e| {
        let (line, col) = crate::diagnostics::line_col(
            &String::from_utf8_lossy(e.as_bytes()),
            e.utf8_error().valid_up_to(),
        );
        vec![Diagnostic::error(path, line, col, "the file is not UTF-8 text").with_hint(
            "save the file as UTF-8 (EUC-KR files can be converted with `iconv -f euc-kr -t utf-8`)",
        )]
    })?;
    let (text, normalised) = normalise(text);
    let split = frontmatter::split(path, &text).map_err(|d| vec![d])?;
    if let Some((line, col)) = too_deep(split.yaml, split.yaml_line) {
        return Err(vec![Diagnostic::error(
            path,
            line,
            col,
            format!("the front matter nests `[` and `{{` more than {MAX_FLOW_DEPTH} levels deep"),
        )
        .with_hint("write the list or mapping flat; no field of a brief nests that deep")]);
    }
    let meta = frontmatter::parse(path, &split, rules)?;
    let slug = slug_of(path, &split, &meta, style)?;
    let stamp = Stamp { len, digest, body_start: text.len() - split.body.len(), normalised };
    Ok(Brief {
        path: path.to_path_buf(),
        content_path: content_path(path),
        slug,
        excerpt: excerpt_of(&meta, split.body),
        meta,
        body: (bodies == Bodies::Held).then(|| split.body.to_string()),
        stamp,
        body_line: split.body_line,
        front: split.yaml.to_string(),
        front_line: split.yaml_line,
        files: Vec::new(),
    })
}

/// The brief's URL name: its `slug:`, which must be URL-safe, or its file's (or bundle
/// folder's) name made into one.
fn slug_of(
    path: &Path,
    split: &frontmatter::Split<'_>,
    meta: &FrontMatter,
    style: SlugStyle,
) -> Result<String, Vec<Diagnostic>> {
    // A bundle is named by its folder: `briefs/ai-summit/index.md` is `ai-summit`.
    let named = if is_bundle(path) { path.parent().unwrap_or(path) } else { path };
    let stem = named.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = nfc(stem);
    let slug = match &meta.slug {
        Some(s) => {
            let clean = slugify(s, style);
            if &clean != s {
                let line = slug_line(split).unwrap_or(1);
                return Err(vec![Diagnostic::error(
                    path,
                    line,
                    7,
                    format!("the slug `{s}` is not URL-safe"),
                )
                .with_hint(format!("use `{clean}` (lowercase, `-` between words, no punctuation)"))]);
            }
            clean
        }
        None => slugify(&stem, style),
    };
    if let Some(why) = crate::brief::slug::too_long(&slug) {
        let line = meta.slug.as_ref().and_then(|_| slug_line(split));
        let hint = match line {
            Some(_) => "shorten the `slug:`",
            None => "shorten the file name, or give the brief a shorter `slug:`",
        };
        return Err(vec![Diagnostic::error(
            path,
            line.unwrap_or(1),
            if line.is_some() { 7 } else { 1 },
            why,
        )
        .with_hint(hint)]);
    }
    if slug.is_empty() {
        return Err(vec![Diagnostic::error(path, 1, 1, "cannot make a URL name (slug) from the file name")
            .with_hint(
                "rename the file with letters or digits, or add `slug: some-name` to the front matter",
            )]);
    }
    Ok(slug)
}

impl Brief {
    /// File line and column of the first front-matter line for which `find` gives an offset in
    /// the line; `(0, 0)` (the file itself) when none does.
    pub fn locate(&self, find: impl Fn(&str) -> Option<usize>) -> (usize, usize) {
        LineIndex::starting_at(&self.front, self.front_line).find_line(find).unwrap_or((0, 0))
    }
}

/// The terms a brief carries for a taxonomy.
pub fn terms_of<'a>(brief: &'a Brief, source: &TermSource) -> Vec<&'a str> {
    let m = &brief.meta;
    match source {
        // A budget line tied to a region or sector puts the brief under that term too.
        TermSource::Region => with_line_terms(&m.region, m.budget.iter().filter_map(|l| l.region.as_deref())),
        TermSource::Sector => with_line_terms(&m.sector, m.budget.iter().filter_map(|l| l.sector.as_deref())),
        TermSource::Agenda => m.agenda.iter().map(String::as_str).collect(),
        TermSource::Attendees => m.attendees.iter().map(|a| a.name.as_str()).collect(),
        TermSource::Custom(field) => m
            .custom
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, t)| t.iter().map(String::as_str).collect())
            .unwrap_or_default(),
    }
}

fn with_line_terms<'a>(listed: &'a [String], from_lines: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = listed.iter().map(String::as_str).collect();
    for t in from_lines {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Reads a brief of at most [`MAX_BRIEF_BYTES`], without reading more than that of a larger
/// one (`path` is relative to `root`, for messages).
fn read_limited(root: &Path, path: &Path) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    let cannot = |e: std::io::Error| Diagnostic::error(path, 0, 0, format!("cannot read the file: {e}"));
    let file = std::fs::File::open(root.join(path)).map_err(cannot)?;
    // Sized from the file's length: through `take`, `read_to_end` no longer knows it, and
    // grows the buffer by doubling with a read call per step.
    let expected = file.metadata().map(|m| m.len().min(MAX_BRIEF_BYTES + 1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected as usize + 1);
    file.take(MAX_BRIEF_BYTES + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > MAX_BRIEF_BYTES {
        let size = std::fs::metadata(root.join(path)).map(|m| m.len()).unwrap_or(bytes.len() as u64);
        let mib = |n: u64| n as f64 / (1024.0 * 1024.0);
        return Err(Diagnostic::error(
            path,
            0,
            0,
            format!(
                "the file is {:.1} MiB, over the limit of {:.0} MiB for a brief",
                mib(size),
                mib(MAX_BRIEF_BYTES)
            ),
        )
        .with_hint("split a longer text into several briefs, or move data files out of content/"));
    }
    Ok(bytes)
}

/// How deep `[…]` and `{…}` may nest in front matter. The YAML parser takes time quadratic in
/// that depth (100,000 levels: over a minute), though no field of a brief nests beyond three.
pub const MAX_FLOW_DEPTH: usize = 64;

/// The file line and column where the front matter's `[`/`{` nesting passes [`MAX_FLOW_DEPTH`],
/// if it does. Quoted text on a line is skipped; a bracket in a plain value may be counted, which
/// only matters past 64 unclosed ones.
fn too_deep(yaml: &str, first_line: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (i, line) in yaml.lines().enumerate() {
        let mut quote: Option<char> = None;
        for (col, c) in line.chars().enumerate() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') => break,
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Some((i + first_line, col + 1));
                    }
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    None
}

/// The file line of the `slug:` key, if the front matter has one.
fn slug_line(split: &frontmatter::Split<'_>) -> Option<usize> {
    split.yaml.lines().position(|l| l.starts_with("slug:")).map(|i| i + split.yaml_line)
}

/// `content/briefs/a.md` → `briefs/a.md`, NFC, with `/` separators.
fn content_path(path: &Path) -> String {
    let joined = path
        .strip_prefix(CONTENT_DIR)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    nfc(joined)
}

/// NFC-normalises text, without copying when it already is (the common case).
pub fn nfc(text: String) -> String {
    normalise(text).0
}

/// [`nfc`], and whether the text had to change.
fn normalise(text: String) -> (String, bool) {
    if is_plainly_nfc_text(&text) {
        return (text, false);
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => (text, false),
        _ => (text.nfc().collect(), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_gets_its_own_files_and_not_a_neighbour_s_or_a_nested_bundle_s() {
        let p = |s: &str| PathBuf::from(s);
        let mut found = Found {
            briefs: vec![p("content/a/index.md"), p("content/a/sub/index.md"), p("content/ab/index.md")],
            other: vec![
                p("content/a b/x.png"),
                p("content/a/chart.png"),
                p("content/a/data/t.csv"),
                p("content/a/sub/inner.png"),
                p("content/ab/other.png"),
                p("content/a.png"),
            ],
            problems: Vec::new(),
        };
        found.briefs.sort();
        found.other.sort();
        assert_eq!(found.bundle_files(Path::new("content/a/index.md")), ["chart.png", "data/t.csv"]);
        assert_eq!(found.bundle_files(Path::new("content/a/sub/index.md")), ["inner.png"]);
        assert_eq!(found.bundle_files(Path::new("content/ab/index.md")), ["other.png"]);
        assert!(found.bundle_files(Path::new("content/b.md")).is_empty());
    }

    #[test]
    fn ignores_hidden_swap_and_backup_files() {
        for name in [".a.md", "a.md~", "a.md.swp", "#a.md#", "a.md.bak"] {
            assert!(is_ignored(name), "{name}");
        }
        assert!(!is_ignored("2024-01-19-a.md"));
    }

    #[test]
    fn nfd_hangul_becomes_nfc() {
        let nfd: String = "영남권".nfd().collect();
        assert_eq!(nfc(nfd), "영남권");
        // A precomposed syllable followed by a conjoining final jamo composes further.
        assert_eq!(nfc("가\u{11A8}".to_string()), "각");
        assert_eq!(nfc("e\u{301}".to_string()), "é");
    }
}
