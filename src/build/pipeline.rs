//! The build pipeline, stage by stage: configuration → briefs → site model → rendered pages →
//! output. `check` (in `crate::check`) is the same run rendering into nothing, with its own
//! checks added after the model is built.

use crate::build::config::Config;
use crate::build::content;
use crate::build::content::{Bodies, Brief};
use crate::build::model::Archive;
use crate::build::output::{self, Discard, OutputError, Sink, Staging};
pub use crate::build::progress::{Progress, Step};
use crate::build::registry::{self, Registry};
use crate::build::render::Renderer;
use crate::build::theme::Theme;
use crate::build::url::BaseUrl;
use crate::diagnostics::{self, Diagnostic};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What to build and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The site folder.
    pub root: PathBuf,
    /// Replaces `output_dir` (relative paths are relative to the current folder, like any
    /// command-line path).
    pub output: Option<PathBuf>,
    /// Replaces `base_url`.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// Where to report how far the run has got.
    pub progress: Progress,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Briefs built.
    pub briefs: usize,
    /// Files written (or that would be written).
    pub files: usize,
    /// Where the site went (none for `check`).
    pub output: Option<PathBuf>,
    /// Time per stage, in order.
    pub timings: Vec<(&'static str, Duration)>,
    /// Per template: pages and time spent (summed over threads), slowest first.
    pub templates: Vec<(&'static str, usize, Duration)>,
    /// Problems that do not fail the run: likely typos and briefs still under review, and for
    /// `check` also near-duplicate terms and people whose role differs between briefs.
    pub warnings: Vec<Diagnostic>,
    /// Briefs, drafts included, that still carry `review` notes, with how many.
    pub under_review: Vec<(PathBuf, usize)>,
}

/// Why a run failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Problems in the site's files, sorted by file and line.
    #[error("{} problem(s) found", .0.len())]
    Problems(Vec<Diagnostic>),
    /// The output folder could not be written.
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl From<Vec<Diagnostic>> for BuildError {
    fn from(mut d: Vec<Diagnostic>) -> Self {
        diagnostics::sort(&mut d);
        BuildError::Problems(d)
    }
}

/// Times each stage of a run and reports it as progress.
pub struct Clock {
    start: Instant,
    timings: Vec<(&'static str, Duration)>,
    progress: Progress,
}

impl Clock {
    fn new(progress: Progress) -> Self {
        Clock { start: Instant::now(), timings: Vec::new(), progress }
    }
    /// Ends the current stage, named `stage`, and starts the next.
    pub fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.timings.push((stage, now - self.start));
        self.start = now;
        self.progress.report(stage, 0, 0);
    }
}

/// A count of the briefs that still carry `review` notes, then one line per brief.
pub fn review_summary(briefs: &[(PathBuf, usize)]) -> Option<String> {
    if briefs.is_empty() {
        return None;
    }
    let notes: usize = briefs.iter().map(|(_, n)| n).sum();
    let mut text = format!("{} brief(s) still have review notes ({notes} in all):", briefs.len());
    for (path, n) in briefs {
        text.push_str(&format!("\n  {} ({n})", path.display()));
    }
    Some(text)
}

/// Loads the configuration with command-line overrides applied.
pub fn load_config(options: &Options) -> Result<Config, BuildError> {
    let mut config = Config::load(&options.root)?;
    if let Some(u) = &options.base_url {
        config.base_url = BaseUrl::parse(u).map_err(|m| {
            vec![Diagnostic::error("--base-url", 0, 0, format!("--base-url {m}"))
                .with_hint("pass a full address, e.g. --base-url https://user.github.io/archive/")]
        })?;
    }
    if let Some(o) = &options.output {
        if let Some(why) = crate::build::config::output_dir_problem(&config.root, o) {
            return Err(vec![Diagnostic::error("--output", 0, 0, format!("--output {} {why}", o.display()))
                .with_hint("write the site to a folder outside content/, such as public/")]
            .into());
        }
        config.output_dir = o.clone();
    }
    Ok(config)
}

/// A site loaded, checked and modelled, ready to render.
#[derive(Debug)]
pub struct Loaded {
    /// The site model.
    pub archive: Archive,
    /// The theme's templates.
    pub theme: Theme,
    /// The term registry the briefs were read with.
    pub registry: Registry,
    /// Problems that do not stop the build (likely typos, briefs still under review).
    pub warnings: Vec<Diagnostic>,
    /// Briefs, drafts included, that still carry `review` notes, with how many.
    pub under_review: Vec<(PathBuf, usize)>,
}

/// Reads one brief as [`load`] reads each: the file, then the registry's aliases and checks.
pub fn read_brief(config: &Config, registry: &Registry, path: &Path) -> Result<Brief, Vec<Diagnostic>> {
    let mut one = vec![content::read_one(config, path)?];
    let problems = registry::apply(registry, config, &mut one);
    // Warnings (a likely typo) do not stop a brief; a full build reports them.
    match (problems.iter().any(Diagnostic::is_error), one.pop()) {
        (false, Some(b)) => Ok(b),
        (_, _) => Err(problems),
    }
}

/// Loads, checks and models the site: everything before rendering. The briefs keep their
/// bodies (the development server renders again from them after edits).
pub fn load(config: Config, drafts: bool) -> Result<Loaded, BuildError> {
    load_with(config, drafts, Bodies::Held)
}

/// [`load`], keeping the briefs' bodies or not as `bodies` says (a build keeps none).
pub fn load_with(config: Config, drafts: bool, bodies: Bodies) -> Result<Loaded, BuildError> {
    load_timed(config, drafts, bodies, &mut Clock::new(Progress::default()))
}

fn load_timed(config: Config, drafts: bool, bodies: Bodies, clock: &mut Clock) -> Result<Loaded, BuildError> {
    let mut loaded = content::load(&config, drafts, bodies);
    clock.lap("read briefs");
    let mut problems = loaded.diagnostics;
    let registry = match Registry::load(&config.root) {
        Ok(r) => r,
        Err(mut d) => {
            problems.append(&mut d);
            Registry::default()
        }
    };
    problems.extend(registry.check_names(config.taxonomies.iter().map(|t| t.name.as_str())));
    problems.extend(registry::apply(&registry, &config, &mut loaded.briefs));
    let theme = Theme::load(&config).map_err(|mut d| {
        d.append(&mut problems);
        BuildError::from(d)
    })?;
    clock.lap("registry + theme");
    let (archive, mut model_problems) = Archive::build(config, &registry, loaded.briefs, &loaded.failed);
    problems.append(&mut model_problems);
    clock.lap("site model");
    let (errors, mut warnings): (Vec<Diagnostic>, Vec<Diagnostic>) =
        problems.into_iter().partition(Diagnostic::is_error);
    let mut problems = errors;
    if !problems.is_empty() {
        // Render anyway, into nothing, to report broken links and template errors in the same
        // run; links to briefs that failed to load are not counted as broken.
        if let Ok(renderer) = Renderer::new(&archive, &theme) {
            if let Err(mut d) = renderer.render_all(&Discard) {
                problems.append(&mut d);
            }
        }
        problems.extend(warnings);
        return Err(problems.into());
    }
    diagnostics::sort(&mut warnings);
    Ok(Loaded { archive, theme, registry, warnings, under_review: loaded.under_review })
}

/// Builds the site into its output folder. On any problem, the previous output stays as it was.
pub fn build(options: &Options) -> Result<Report, BuildError> {
    run(options, true, |_, _| Ok(Vec::new()))
}

/// Runs every stage; `write` swaps the result into the output folder, otherwise pages are
/// rendered into nothing (which still finds every template and link problem). `checks` runs on
/// the model before rendering and returns more warnings, or the problems that stop the run.
/// The model holds no bodies: each is read again from its file where it is needed
/// ([`Archive::body`]), so memory does not grow with the archive's text.
pub fn run(
    options: &Options,
    write: bool,
    checks: impl FnOnce(&Archive, &mut Clock) -> Result<Vec<Diagnostic>, Vec<Diagnostic>>,
) -> Result<Report, BuildError> {
    let mut clock = Clock::new(options.progress.clone());
    let config = load_config(options)?;
    if write {
        // Fail before any work if the output folder is not ours to replace.
        output::check_replaceable(&config.output_dir)?;
    }
    let output_dir = config.output_dir.clone();
    clock.lap("config");
    let Loaded { archive, theme, mut warnings, under_review, .. } =
        load_timed(config, options.drafts, Bodies::Dropped, &mut clock)?;
    warnings.extend(checks(&archive, &mut clock)?);
    let staging = if write { Some(Staging::new(&output_dir)?) } else { None };
    let sink: &dyn Sink = match &staging {
        Some(s) => s,
        None => &Discard,
    };
    // Before the renderer, whose list entries would otherwise be held beside the index's
    // postings; its problems are reported with the pages'.
    let index = crate::build::render::write_search_index(&archive, sink);
    clock.lap("search index");
    let renderer = Renderer::new(&archive, &theme)?;
    clock.lap("templates + list entries");
    let stats = renderer.render_all_reporting(sink, &options.progress, index)?;
    clock.lap(if write { "render + write" } else { "render" });
    if let Some(s) = staging {
        s.commit()?;
        clock.lap("swap into place");
    }
    Ok(Report {
        briefs: archive.briefs.len(),
        files: stats.files,
        output: write.then_some(output_dir),
        timings: clock.timings,
        templates: stats.per_template,
        warnings,
        under_review,
    })
}
