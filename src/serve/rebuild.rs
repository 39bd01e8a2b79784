//! Watching the site's files and rebuilding. A full build goes into a fresh map that replaces
//! the served one only when it succeeded. While the site builds, edits that only touch the
//! Markdown body of existing briefs take a fast path: those briefs are read again and only
//! their pages re-rendered, with the archive and the compiled templates of the last full build.
//! Other edits to briefs (front matter, new or removed briefs) re-make the model from the briefs
//! kept in memory plus the changed files (or keep it, with the brief put in its place, when the
//! edit leaves everything the model is made of as it was: a title, a summary), publish the pages
//! that show those briefs first (home, their pages, neighbours, term pages), then render the
//! whole site into a fresh map. Anything
//! else (templates, static files, the term registry in data/, site.toml, a brief that does not
//! read) is a full build.

use super::log;
use super::{ServeError, Shared};
use crate::build::content::{self, Brief};
use crate::build::model::Archive;
use crate::build::output::Memory;
use crate::build::pipeline::{self, BuildError, Options};
use crate::build::registry::Registry;
use crate::build::render::{BriefId, ListCache, Page, Renderer, TermId};
use crate::build::theme::Theme;
use crate::build::url::{percent_decode, BaseUrl};
use crate::diagnostics::Diagnostic;
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::sync::Arc;
use std::time::{Duration, Instant};
use unicode_normalization::UnicodeNormalization;

/// The folders a site is built from (beside `site.toml`).
const WATCHED: [&str; 5] = [content::CONTENT_DIR, "data", "templates", "themes", "static"];

/// Longest a burst of changes may delay its rebuild (a long copy into content/, say).
const MAX_SETTLE: Duration = Duration::from_millis(500);

/// How often a waiting rebuild thread checks whether the server is stopping.
const STOP_POLL: Duration = Duration::from_millis(100);

/// The file watcher and its events.
pub(super) struct Watch {
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    /// Folders watched recursively; a folder created later is added on the next full build.
    watched: HashSet<PathBuf>,
}

impl Watch {
    /// Watches the site folder itself (for site.toml and folders created later).
    pub(super) fn new(root: &Path) -> Result<Watch, ServeError> {
        let (tx, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(tx)
            .map_err(|source| ServeError::Watch { path: root.to_path_buf(), source })?;
        watcher
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|source| ServeError::Watch { path: root.to_path_buf(), source })?;
        let mut watch = Watch { watcher, events, watched: HashSet::new() };
        match watch.watch_folders(root).into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(watch),
        }
    }

    /// Watches the site's folders that exist and are not watched yet.
    fn watch_folders(&mut self, root: &Path) -> Vec<ServeError> {
        let mut problems = Vec::new();
        for dir in WATCHED {
            let path = root.join(dir);
            if path.is_dir() && !self.watched.contains(&path) {
                match self.watcher.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(path);
                    }
                    Err(source) => problems.push(ServeError::Watch { path, source }),
                }
            }
        }
        problems
    }
}

/// What the rebuild loop does next.
enum Flow {
    /// A full build from the files.
    Rebuild,
    /// A build from a model already made with the briefs kept in memory.
    Refresh(Box<Refresh>),
    /// Briefs changed beyond their bodies: make a new model from the last build's briefs and
    /// these changed files, once the last build's pages are done with its model, whose briefs
    /// are then moved into the new one rather than copied (bodies and all).
    Remake(BTreeSet<PathBuf>, ListCache),
    Stop,
}

/// A new model made from the last build's briefs and the few files that changed, which spares
/// reading and parsing every brief again.
struct Refresh {
    archive: Archive,
    theme: Theme,
    registry: Registry,
    /// The changed briefs: their pages, their neighbours, their term pages and the home page
    /// are rendered and published first, before the rest of the site.
    first: Vec<PathBuf>,
    /// The last renderer's list entries: unchanged briefs keep theirs.
    cache: ListCache,
}

/// The rebuild thread's state.
pub(super) struct Site {
    pub(super) root: PathBuf,
    pub(super) drafts: bool,
    /// `http://127.0.0.1:1111`: replaces the origin of `base_url`.
    pub(super) origin: String,
    pub(super) settle: Duration,
    pub(super) shared: Arc<Shared>,
    pub(super) watch: Watch,
}

impl Site {
    /// Builds, serves edits, rebuilds, until the server stops. `ready` is told once the first
    /// build is over, whatever its outcome.
    pub(super) fn run(mut self, ready: SyncSender<()>) {
        let mut ready = Some(ready);
        let mut refresh = None;
        loop {
            for problem in self.watch.watch_folders(&self.root) {
                log!(self.shared, "warning: {problem}");
            }
            match self.build_and_serve(refresh.take(), &mut ready) {
                Flow::Rebuild | Flow::Remake(..) => {}
                Flow::Refresh(r) => refresh = Some(r),
                Flow::Stop => return,
            }
        }
    }

    /// One build of every page (from the files, or from `refresh`); on success, then serves
    /// body edits until something else changes.
    fn build_and_serve(&mut self, refresh: Option<Box<Refresh>>, ready: &mut Option<SyncSender<()>>) -> Flow {
        let started = Instant::now();
        let (archive, theme, registry, first, cache) = match refresh {
            Some(r) => (r.archive, r.theme, r.registry, r.first, Some(r.cache)),
            None => match self.load() {
                Ok(loaded) => {
                    for w in &loaded.warnings {
                        log!(self.shared, "{w}");
                    }
                    if let Some(text) = pipeline::review_summary(&loaded.under_review) {
                        log!(self.shared, "{text}");
                    }
                    (loaded.archive, loaded.theme, loaded.registry, Vec::new(), None)
                }
                Err(problems) => return self.failed(problems, ready),
            },
        };
        let renderer = match Renderer::with_cache(&archive, &theme, cache.as_ref()) {
            Ok(r) => r,
            Err(problems) => return self.failed(lines(&problems), ready),
        };
        if !first.is_empty() {
            self.publish_first(&archive, &renderer, &first, started);
        }
        let store = Memory::preparing(with_reload_script);
        if let Err(problems) = renderer.render_all(&store) {
            return self.failed(lines(&problems), ready);
        }
        let files = store.into_files();
        let count = files.len();
        self.shared.replace_all(files, decoded_base_path(&archive.config.base_url));
        self.shared.succeeded();
        log!(
            self.shared,
            "built {} briefs, {count} files in {:.0} ms",
            archive.briefs.len(),
            started.elapsed().as_secs_f64() * 1000.0
        );
        if let Some(r) = ready.take() {
            let _ = r.send(());
        }
        let flow = self.serve_edits(&archive, &registry, &renderer);
        drop(renderer);
        let Flow::Remake(batch, cache) = flow else { return flow };
        let started = Instant::now();
        match remake(&self.root, archive, theme, registry, cache, &batch, self.drafts) {
            Some((r, remade)) => {
                let ms = started.elapsed().as_secs_f64() * 1000.0;
                if remade {
                    log!(self.shared, "re-made the site model in {ms:.0} ms");
                } else {
                    log!(
                        self.shared,
                        "kept the site model (the edit changed only what pages show): {ms:.0} ms"
                    );
                }
                Flow::Refresh(Box::new(r))
            }
            None => Flow::Rebuild,
        }
    }

    /// Renders and publishes the pages that show the changed briefs most directly, so that
    /// they are visible before the rest of the site has been rendered.
    fn publish_first(&self, archive: &Archive, renderer: &Renderer<'_>, first: &[PathBuf], started: Instant) {
        let mut pages = vec![Page::Home];
        for path in first {
            let Some(i) = archive.briefs.iter().position(|b| &b.path == path) else { continue };
            pages.push(Page::Brief(BriefId(i)));
            // Neighbours link to it by title.
            pages.extend(i.checked_sub(1).map(|j| Page::Brief(BriefId(j))));
            pages.extend((i + 1 < archive.briefs.len()).then_some(Page::Brief(BriefId(i + 1))));
            for (x, terms) in archive.brief_terms[i].iter().enumerate() {
                pages.extend(terms.iter().map(|&t| Page::Term(TermId { taxonomy: x, term: t })));
            }
        }
        let mut seen = HashSet::new();
        pages.retain(|p| seen.insert(*p));
        let rendered: Vec<Result<Published, Vec<Diagnostic>>> = pages
            .par_iter()
            .map(|&page| {
                let file = renderer.file_of(page);
                renderer.render(page).map(|bytes| {
                    let bytes = stored(&file, bytes);
                    (file, bytes)
                })
            })
            .collect();
        // On any problem, publish nothing early: the full render reports it.
        let Ok(rendered) = rendered.into_iter().collect::<Result<Vec<_>, _>>() else { return };
        let count = rendered.len();
        self.shared.replace_some(rendered);
        self.shared.succeeded();
        log!(
            self.shared,
            "updated the home page and {} other pages in {:.0} ms; rendering the rest",
            count - 1,
            started.elapsed().as_secs_f64() * 1000.0
        );
    }

    fn load(&self) -> Result<pipeline::Loaded, Vec<String>> {
        let options = Options { root: self.root.clone(), drafts: self.drafts, ..Options::default() };
        let mut config = pipeline::load_config(&options).map_err(build_lines)?;
        // The local origin with the configured path, so that sub-path links work as deployed.
        let local = format!("{}{}", self.origin, config.base_url.path());
        config.base_url = BaseUrl::parse(&local).map_err(|m| vec![format!("base_url: {m}")])?;
        pipeline::load(config, self.drafts).map_err(build_lines)
    }

    fn failed(&mut self, problems: Vec<String>, ready: &mut Option<SyncSender<()>>) -> Flow {
        self.shared.failed(problems);
        if let Some(r) = ready.take() {
            let _ = r.send(());
        }
        match self.next_batch() {
            Some(_) => Flow::Rebuild,
            None => Flow::Stop,
        }
    }

    /// Serves edits to brief bodies with the last full build's archive and renderer; returns
    /// when a change needs a full rebuild, or when the server stops.
    fn serve_edits(&mut self, archive: &Archive, registry: &Registry, renderer: &Renderer<'_>) -> Flow {
        let index: HashMap<&Path, usize> =
            archive.briefs.iter().enumerate().map(|(i, b)| (b.path.as_path(), i)).collect();
        let root = self.root.clone();
        let fast = FastPath {
            root: &root,
            archive,
            renderer,
            index,
            // The one the last full build read; a change to it is a full rebuild.
            registry,
            // Made now, while the server waits for the next save, not after it.
            cache: std::cell::RefCell::new(Some(renderer.list_cache())),
        };
        // Briefs whose last edit broke them, with their problems; the rest of the site is fine.
        let mut broken: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
        loop {
            let Some(batch) = self.next_batch() else {
                return Flow::Stop;
            };
            let started = Instant::now();
            let Some(edits) = fast.edits(&batch) else {
                // A brief still broken on disk is only read again by a full build.
                if !broken.is_empty() {
                    return Flow::Rebuild;
                }
                let cache = fast.cache.borrow_mut().take().unwrap_or_else(|| renderer.list_cache());
                return Flow::Remake(batch, cache);
            };
            let before = broken.clone();
            let mut pages = Vec::new();
            for (path, outcome) in edits {
                match outcome {
                    Ok(page) => {
                        broken.remove(&path);
                        pages.push(page);
                    }
                    Err(problems) => {
                        broken.insert(path, problems);
                    }
                }
            }
            if pages.is_empty() && broken == before {
                continue;
            }
            let updated: Vec<String> = pages.iter().map(|(p, _)| p.clone()).collect();
            self.shared.replace_some(pages);
            if broken.is_empty() {
                self.shared.succeeded();
            } else {
                self.shared.failed(broken.values().flatten().cloned().collect());
            }
            if !updated.is_empty() {
                log!(
                    self.shared,
                    "updated {} in {:.1} ms",
                    updated.join(", "),
                    started.elapsed().as_secs_f64() * 1000.0
                );
            }
        }
    }

    /// Waits for the next burst of relevant changes and returns the changed paths (relative to
    /// the site folder) once the files have been quiet for `settle`; `None` when stopping.
    fn next_batch(&mut self) -> Option<BTreeSet<PathBuf>> {
        let mut batch = BTreeSet::new();
        while batch.is_empty() {
            match self.watch.events.recv_timeout(STOP_POLL) {
                Ok(event) => self.collect(event, &mut batch),
                Err(RecvTimeoutError::Timeout) if self.shared.stopping() => return None,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        let deadline = Instant::now() + MAX_SETTLE;
        loop {
            match self.watch.events.recv_timeout(self.settle) {
                Ok(event) => self.collect(event, &mut batch),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
            if Instant::now() >= deadline {
                break;
            }
        }
        if self.shared.stopping() {
            return None;
        }
        Some(batch)
    }

    fn collect(&mut self, event: notify::Result<Event>, batch: &mut BTreeSet<PathBuf>) {
        let event = match event {
            Ok(e) => e,
            Err(e) => {
                // Lost events (an overflowing queue): rebuild everything to be safe.
                log!(self.shared, "warning: file watching: {e}");
                batch.insert(PathBuf::from(crate::build::config::CONFIG_FILE));
                return;
            }
        };
        // Reads (our own builds read every file) and metadata changes (atime) change nothing.
        if matches!(
            event.kind,
            EventKind::Access(_) | EventKind::Modify(notify::event::ModifyKind::Metadata(_))
        ) {
            return;
        }
        for path in event.paths {
            let Ok(rel) = path.strip_prefix(&self.root) else { continue };
            if !relevant(rel) {
                continue;
            }
            if rel.components().count() == 1 && self.watch.watched.remove(&path) {
                // A watched folder itself was replaced: watch it again on the next full build.
                let _ = self.watch.watcher.unwatch(&path);
            }
            batch.insert(rel.to_path_buf());
        }
    }
}

/// Whether a changed path (relative to the site folder) can change the site.
fn relevant(rel: &Path) -> bool {
    let mut parts = rel.components();
    let first = match parts.next() {
        Some(Component::Normal(first)) => first.to_string_lossy(),
        _ => return false,
    };
    let top = first == crate::build::config::CONFIG_FILE && rel.components().count() == 1;
    if !top && !WATCHED.contains(&first.as_ref()) {
        return false;
    }
    !rel.components().any(|c| content::is_ignored(&c.as_os_str().to_string_lossy()))
}

/// A page to publish: site path and bytes.
type Published = (String, Arc<[u8]>);

/// Per changed brief: its re-rendered page, or its problems.
type Edits = Vec<(PathBuf, Result<Published, Vec<String>>)>;

/// The body-only fast path, with the state of the last full build.
struct FastPath<'a> {
    root: &'a Path,
    archive: &'a Archive,
    renderer: &'a Renderer<'a>,
    index: HashMap<&'a Path, usize>,
    /// Term aliases, applied to re-read briefs as the full build applies them.
    registry: &'a Registry,
    /// The renderer's list entries, handed to the next renderer by a refresh.
    cache: std::cell::RefCell<Option<ListCache>>,
}

impl FastPath<'_> {
    /// Reads one brief as the full build does (the build's own stage).
    fn read(&self, rel: &Path) -> Result<Brief, Vec<Diagnostic>> {
        let mut brief = pipeline::read_brief(&self.archive.config, self.registry, rel)?;
        // Only the body changed on this path, so the bundle's files are the ones already known.
        if let Some(&i) = self.index.get(rel) {
            brief.files.clone_from(&self.archive.briefs[i].files);
        }
        Ok(brief)
    }

    /// Per changed brief, its re-rendered page or its problems; `None` when the change is more
    /// than the bodies of existing briefs and needs a full rebuild.
    fn edits(&self, batch: &BTreeSet<PathBuf>) -> Option<Edits> {
        let mut out = Vec::with_capacity(batch.len());
        for rel in batch {
            let full = self.root.join(rel);
            if !rel.starts_with(content::CONTENT_DIR) {
                return None;
            }
            if rel.extension().is_none_or(|x| x != "md") {
                // Not a brief: `sed -i`'s and other tools' temporary files, notes, images. A
                // folder may hold briefs, though, and so may one that went away.
                let held_briefs = self.index.keys().any(|b| b.starts_with(rel));
                // A file of a page bundle is published with its brief: the full path copies it.
                let in_bundle = self.index.keys().any(|b| {
                    crate::brief::bundle::is_bundle(b) && b.parent().is_some_and(|d| rel.starts_with(d))
                });
                if full.is_dir() || in_bundle || (!full.exists() && held_briefs) {
                    return None;
                }
                continue;
            }
            let &i = self.index.get(rel.as_path())?;
            if !full.is_file() {
                return None;
            }
            let brief = match self.read(rel) {
                Ok(b) => b,
                Err(problems) => {
                    out.push((rel.clone(), Err(lines(&problems))));
                    continue;
                }
            };
            // Read as held (`read_brief` keeps bodies); without one, a full build reads it.
            let body = brief.body.as_deref().filter(|_| self.body_only(i, &brief))?;
            let page = self
                .renderer
                .render_brief_body(i, body, brief.body_line)
                .map(|bytes| {
                    (
                        self.renderer.file_of(Page::Brief(BriefId(i))),
                        stored(&self.renderer.file_of(Page::Brief(BriefId(i))), bytes),
                    )
                })
                .map_err(|p| lines(&p));
            out.push((rel.clone(), page));
        }
        Some(out)
    }

    /// Whether `new` differs from brief `i` of the archive only in what its own page shows.
    fn body_only(&self, i: usize, new: &Brief) -> bool {
        let old = &self.archive.briefs[i];
        let feed = &self.archive.config.feed;
        // The site feed with full content carries the newest bodies.
        let in_feed = feed.enabled && feed.full_content && i < feed.limit;
        new.meta == old.meta
            && new.slug == old.slug
            && !in_feed
            && new.list_summary() == self.archive.summary(i)
    }
}

/// The sub-path pages are served under, as requests are compared with it: decoded and NFC.
/// A new model from the last build's briefs (moved out of its model) with the changed files
/// read again, when the change is only briefs written, added or removed, and they all read
/// without problems. An edit that leaves everything the model is made of as it was (a title, a
/// summary) keeps the model, with the brief put in its place; the flag says whether the model
/// was made again.
fn remake(
    root: &Path,
    mut archive: Archive,
    theme: Theme,
    registry: Registry,
    cache: ListCache,
    batch: &BTreeSet<PathBuf>,
    drafts: bool,
) -> Option<(Refresh, bool)> {
    // Each changed brief with its new version, or `None` when it went away.
    let mut changes: Vec<(PathBuf, Option<Brief>)> = Vec::new();
    for rel in batch {
        let full = root.join(rel);
        if !rel.starts_with(content::CONTENT_DIR) {
            return None;
        }
        if rel.extension().is_none_or(|x| x != "md") {
            let held = archive.briefs.iter().any(|b| b.path.starts_with(rel));
            if full.is_dir() || (!full.exists() && held) {
                return None;
            }
            continue;
        }
        if !full.exists() {
            changes.push((rel.clone(), None));
            continue;
        }
        let mut brief = pipeline::read_brief(&archive.config, &registry, rel).ok()?;
        if let Some(old) = archive.briefs.iter().find(|b| &b.path == rel) {
            // The bundle's files are the ones already known (as on the fast path).
            brief.files.clone_from(&old.files);
        }
        changes.push((rel.clone(), Some(brief)));
    }
    let keep = |b: &Brief| drafts || !b.meta.draft;
    let first: Vec<PathBuf> =
        changes.iter().filter(|(_, b)| b.as_ref().is_some_and(keep)).map(|(rel, _)| rel.clone()).collect();
    let mut pending = Vec::new();
    for (rel, brief) in changes {
        let at = archive.briefs.iter().position(|b| b.path == rel);
        match (brief, at) {
            (Some(b), Some(i)) if keep(&b) => {
                if let Err(b) = archive.replace_brief(i, b) {
                    pending.push((rel, Some(*b)));
                }
            }
            (b, _) => pending.push((rel, b)),
        }
    }
    if pending.is_empty() {
        return Some((Refresh { archive, theme, registry, first, cache }, false));
    }
    let mut briefs = std::mem::take(&mut archive.briefs);
    let config = archive.config.clone();
    drop(archive);
    for (rel, brief) in pending {
        let position = briefs.iter().position(|b| b.path == rel);
        match (brief, position) {
            (Some(b), Some(p)) if keep(&b) => briefs[p] = b,
            (Some(b), None) if keep(&b) => briefs.push(b),
            (_, Some(p)) => {
                briefs.remove(p);
            }
            (_, None) => {}
        }
    }
    let (archive, problems) = Archive::build(config, &registry, briefs, &[]);
    // Problems across briefs (two with one URL) are reported by a full build.
    problems.is_empty().then_some((Refresh { archive, theme, registry, first, cache }, true))
}

fn decoded_base_path(base: &BaseUrl) -> String {
    percent_decode(base.path()).unwrap_or_else(|| base.path().to_string()).nfc().collect()
}

fn lines(problems: &[Diagnostic]) -> Vec<String> {
    let mut problems = problems.to_vec();
    crate::diagnostics::sort(&mut problems);
    problems.iter().map(ToString::to_string).collect()
}

fn build_lines(e: BuildError) -> Vec<String> {
    match e {
        BuildError::Problems(p) => lines(&p),
        BuildError::Output(e) => vec![format!("error: {e}")],
    }
}

/// A file as it is served: HTML pages get the live-reload script.
fn with_reload_script(path: &str, bytes: Vec<u8>) -> Vec<u8> {
    if path.ends_with(".html") {
        super::http::inject_reload_script(bytes)
    } else {
        bytes
    }
}

fn stored(path: &str, bytes: Vec<u8>) -> Arc<[u8]> {
    with_reload_script(path, bytes).into()
}
