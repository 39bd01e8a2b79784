//! Rendering: Tera set up with the theme, one template context per page kind (documented in
//! docs/templates.md), and every page of the site rendered in parallel into a [`Sink`].
//! List pages get each brief's pre-rendered entry, never whole bodies or whole summaries (the
//! context size that makes big Zola sites slow, zola#2508); every URL comes from the one [`BaseUrl`].

use crate::build::markdown::Highlighter;
use crate::build::model::Archive;
use crate::build::output::{file_for, Sink};
use crate::build::sanitize::escape_html_to;
use crate::build::theme::Theme;
use crate::build::url::BaseUrl;
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tera::Tera;

/// Pages rendered between two progress reports.
const PROGRESS_EVERY: usize = 500;

/// The generator string templates can print.
pub const GENERATOR: &str = concat!("annals ", env!("CARGO_PKG_VERSION"));

/// What rendering did.
#[derive(Debug, Clone, Default)]
pub struct RenderStats {
    /// Files written.
    pub files: usize,
    /// Per template: pages rendered and the time spent on them (summed over threads), slowest first.
    pub per_template: Vec<(&'static str, usize, Duration)>,
}

/// Renders the pages of one archive.
pub struct Renderer<'a> {
    archive: &'a Archive,
    theme: &'a Theme,
    tera: Tera,
    highlighter: Highlighter,
    base: BaseUrl,
    /// Per brief: its list entry, rendered once and cloned into every list that shows it.
    items: Vec<Item>,
    /// Per brief, per budget line: the rendered table row.
    line_rows: Vec<Vec<tera::Value>>,
    term_urls: Vec<Vec<String>>,
    /// Per taxonomy, per term: its TermRef (`{name, url}`), made once.
    term_refs: Vec<Vec<tera::Value>>,
}

/// A brief as list pages get it: its BriefItem (title, url, dates and the theme's pre-rendered
/// HTML) as one Tera map per form, made once. Every list that shows the brief shares the map,
/// where serialising its fields into each page's context again was 2.6% of a build's
/// instructions at 10,000 briefs; both maps share their strings.
#[derive(Clone)]
struct Item {
    /// With `partials/brief_item.html` as `html`.
    card: tera::Value,
    /// With `partials/brief_row.html` as `html`.
    row: tera::Value,
}

/// The list entries of one renderer, by brief file, for the next renderer of the same site.
#[derive(Default)]
pub struct ListCache {
    entries: HashMap<PathBuf, CachedEntry>,
}

struct CachedEntry {
    meta: crate::brief::frontmatter::FrontMatter,
    slug: String,
    summary: String,
    item: Item,
    rows: Vec<tera::Value>,
}

impl ListCache {
    /// Brief `i`'s entry, if it was rendered from the same front matter, slug and summary.
    fn reuse(&self, archive: &Archive, i: usize) -> Option<(Item, Vec<tera::Value>)> {
        let b = &archive.briefs[i];
        let e = self.entries.get(&b.path)?;
        (e.meta == b.meta && e.slug == b.slug && e.summary == archive.summary(i))
            .then(|| (e.item.clone(), e.rows.clone()))
    }
}

/// A brief's list entry and budget rows, or what went wrong rendering them.
type Prerendered = Result<(Item, Vec<tera::Value>), Vec<Diagnostic>>;

/// The search index's files written (and the problems writing them), or the problem of a
/// body that could not be read again: what [`write_search_index`] gives
/// [`Renderer::render_all_reporting`] to report with the pages.
pub type Index = Result<(usize, Vec<Diagnostic>), Diagnostic>;

/// Builds the search index of `archive` (when the site has search) and writes its files into
/// `sink`. A build runs it before the list entries are made: at 100,000 briefs the index's
/// postings and the entries held at the same time passed the 1 GiB bound.
pub fn write_search_index(archive: &Archive, sink: &dyn Sink) -> Index {
    if archive.config.search {
        crate::build::search::build(archive).map(|files| write_all(sink, files))
    } else {
        Ok((0, Vec::new()))
    }
}

/// One page's template, render time and outcome.
type Timed = (&'static str, Duration, Result<(), Vec<Diagnostic>>);

mod budget;
mod chart;
mod context;
mod errors;
mod limits;
pub mod opendata;
mod page;
pub(crate) mod paginate;
mod tags;
mod tera1;
mod views;

pub use page::{BriefId, Page, Route, TaxonomyId, TermId};

use errors::{merge_repeats, merge_write_errors, template_error, CANNOT_WRITE};

/// Tera's `safe` without its copy: a string comes back as the same shared string, marked
/// safe. Lists print every pre-rendered entry through it (`{{ b.html | safe }}`).
fn safe(value: &tera::Value, _: tera::Kwargs, _: &tera::State) -> tera::Value {
    if value.is_string() {
        value.clone().mark_safe()
    } else {
        tera::Value::safe_string(&value.to_string())
    }
}

struct UrlFunction(BaseUrl);

impl tera::Function<tera::TeraResult<String>> for UrlFunction {
    fn call(&self, kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
        let path = kwargs.get::<&str>("path")?.ok_or_else(|| {
            tera::Error::message("url() needs a `path` argument, e.g. url(path=\"style.css\")")
        })?;
        let absolute = kwargs.get::<bool>("absolute")?.unwrap_or(false);
        Ok(if absolute { self.0.absolute(path) } else { self.0.url(path) })
    }

    fn is_safe(&self) -> bool {
        // Percent-encoded: nothing in it needs HTML escaping.
        true
    }
}

impl<'a> Renderer<'a> {
    /// Compiles the theme's templates for this archive.
    pub fn new(archive: &'a Archive, theme: &'a Theme) -> Result<Renderer<'a>, Vec<Diagnostic>> {
        Renderer::with_cache(archive, theme, None)
    }

    /// Like [`Renderer::new`], reusing the list entries of `cache` for briefs whose front matter,
    /// slug and list summary have not changed (the development server's rebuilds, where one
    /// edit should not re-render ten thousand cards). Only valid with the same configuration and
    /// theme as the renderer the cache came from.
    pub fn with_cache(
        archive: &'a Archive,
        theme: &'a Theme,
        cache: Option<&ListCache>,
    ) -> Result<Renderer<'a>, Vec<Diagnostic>> {
        let base = archive.config.base_url.clone();
        let mut tera = Tera::default();
        tera.autoescape_on([".html", ".htm", ".xml"]);
        // annals' escaping, not Tera's: `'` stays `&#x27;` (Tera 2 writes `&#39;`), so pages
        // are byte-identical across the move.
        tera.set_escape_fn(escape_html_to);
        // Tera 2 checks at compile time that every function a template calls exists: register first.
        tera.register_function("url", UrlFunction(base.clone()));
        tera.register_filter("safe", safe);
        let mut sources = Vec::new();
        let mut problems = Vec::new();
        for t in &theme.templates {
            match String::from_utf8(t.bytes.clone()) {
                Ok(s) => sources.push((t.name.clone(), s)),
                Err(_) => problems.push(Diagnostic::error(&t.origin, 0, 0, "the template is not UTF-8 text")),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, s)| (n, s))) {
            return Err(limits::compile_errors(theme, &e));
        }
        let endless = limits::check(theme);
        if !endless.is_empty() {
            return Err(endless);
        }
        // The same on every page: looked up there by reference, not copied into each context.
        tera.global_context().insert("site", &context::site_view(archive, &base));
        tera.global_context().insert("generator", GENERATOR);
        let term_urls: Vec<Vec<String>> = archive
            .taxonomies
            .iter()
            .map(|t| t.terms.iter().map(|term| base.url(&term.path)).collect())
            .collect();
        let mut r = Renderer {
            archive,
            theme,
            tera,
            highlighter: Highlighter::default(),
            items: Vec::new(),
            line_rows: Vec::new(),
            term_refs: term_refs(archive, &term_urls),
            term_urls,
            base,
        };
        let done: Vec<Prerendered> = (0..archive.briefs.len())
            .into_par_iter()
            .map(|i| match cache.and_then(|c| c.reuse(archive, i)) {
                Some(hit) => Ok(hit),
                None => r.prerender(i),
            })
            .collect();
        let mut problems = Vec::new();
        for d in done {
            match d {
                Ok((item, rows)) => {
                    r.items.push(item);
                    r.line_rows.push(rows);
                }
                Err(mut e) => problems.append(&mut e),
            }
        }
        if !problems.is_empty() {
            problems.sort_by(|a, b| a.message.cmp(&b.message));
            problems.dedup();
            return Err(problems);
        }
        Ok(r)
    }

    /// This renderer's list entries, for [`Renderer::with_cache`].
    pub fn list_cache(&self) -> ListCache {
        let a = self.archive;
        let entries = (0..a.briefs.len())
            .map(|i| {
                let b = &a.briefs[i];
                let entry = CachedEntry {
                    meta: b.meta.clone(),
                    slug: b.slug.clone(),
                    summary: a.summary(i).to_string(),
                    item: self.items[i].clone(),
                    rows: self.line_rows[i].clone(),
                };
                (b.path.clone(), entry)
            })
            .collect();
        ListCache { entries }
    }

    /// Renders every page in parallel into `sink`, plus the theme's static files and the
    /// highlighting stylesheet. Returns the number of files written, or every problem found.
    pub fn render_all(&self, sink: &dyn Sink) -> Result<RenderStats, Vec<Diagnostic>> {
        let index = write_search_index(self.archive, sink);
        self.render_all_reporting(sink, &crate::build::progress::Progress::default(), index)
    }

    /// [`Renderer::render_all`] with the search index already written (`index`), reporting the
    /// pages done to `progress` as it goes.
    pub fn render_all_reporting(
        &self,
        sink: &dyn Sink,
        progress: &crate::build::progress::Progress,
        index: Index,
    ) -> Result<RenderStats, Vec<Diagnostic>> {
        let pages = self.pages();
        let done = std::sync::atomic::AtomicUsize::new(0);
        // The open data files are made beside the pages: they read the same model, and keep a
        // core busy while the last pages finish.
        let (timed, data): (Vec<Timed>, _) = rayon::join(
            || {
                pages
                    .par_iter()
                    .map(|&page| {
                        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                        if n % PROGRESS_EVERY == 0 || n == pages.len() {
                            progress.report("rendering pages", n, pages.len());
                        }
                        self.render_into(page, sink)
                    })
                    .collect()
            },
            || crate::build::render::opendata::write(self.archive, sink),
        );
        let per_template = per_template(&timed);
        let mut problems: Vec<Diagnostic> =
            timed.into_iter().filter_map(|(_, _, r)| r.err()).flatten().collect();
        let mut written = pages.len() + self.write_files(sink, &mut problems);
        match index {
            Ok((n, mut failed)) => {
                written += n;
                problems.append(&mut failed);
            }
            Err(d) => problems.push(d),
        }
        match data {
            Ok(n) => written += n,
            // Written like every other file that could not be written, so that a full disk is
            // still one line for all of them.
            Err(crate::build::render::opendata::DataError::Write { file, source }) => {
                problems.push(Diagnostic::error(file, 0, 0, format!("{CANNOT_WRITE}{source}")))
            }
        }
        if problems.is_empty() {
            Ok(RenderStats { files: written, per_template })
        } else {
            Err(merge_write_errors(merge_repeats(problems)))
        }
    }

    /// Renders `page` and writes it into `sink`, timed.
    fn render_into(&self, page: Page, sink: &dyn Sink) -> Timed {
        let start = Instant::now();
        let route = self.route(page);
        let file = file_for(&route.path);
        let result = self.render_route(page, &route, None).and_then(|html| {
            sink.write(&file, &html)
                .map_err(|e| vec![Diagnostic::error(&file, 0, 0, format!("{CANNOT_WRITE}{e}"))])
        });
        (route.template, start.elapsed(), result)
    }

    /// Writes the theme's static files, the bundles' files and the highlighting stylesheet;
    /// returns how many.
    fn write_files(&self, sink: &dyn Sink, problems: &mut Vec<Diagnostic>) -> usize {
        let mut written = 0;
        let mut write = |name: &str, bytes: &[u8]| {
            if let Err(e) = sink.write(name, bytes) {
                problems.push(Diagnostic::error(name, 0, 0, format!("{CANNOT_WRITE}{e}")));
            }
            written += 1;
        };
        for f in &self.theme.statics {
            write(&f.name, &f.bytes);
        }
        write("syntax.css", Highlighter::stylesheet().as_bytes());
        written + self.write_bundle_files(sink, problems)
    }

    /// Copies every bundle's files beside its brief's page; returns how many were written.
    fn write_bundle_files(&self, sink: &dyn Sink, problems: &mut Vec<Diagnostic>) -> usize {
        let a = self.archive;
        let copies: Vec<(usize, &String)> =
            a.briefs.iter().enumerate().flat_map(|(i, b)| b.files.iter().map(move |f| (i, f))).collect();
        let failed: Vec<Diagnostic> = copies
            .par_iter()
            .filter_map(|&(i, rel)| {
                let b = &a.briefs[i];
                let from = b.path.parent().unwrap_or(&b.path).join(rel);
                let result = std::fs::read(a.config.root.join(&from))
                    .and_then(|bytes| sink.write(&format!("{}{rel}", a.brief_path(i)), &bytes));
                result.err().map(|e| Diagnostic::error(&from, 0, 0, format!("cannot copy: {e}")))
            })
            .collect();
        problems.extend(failed);
        copies.len()
    }

    /// Renders one page.
    pub fn render(&self, page: Page) -> Result<Vec<u8>, Vec<Diagnostic>> {
        self.render_page(page, None)
    }

    /// Renders brief `i`'s page with `body` (starting on file line `body_line`) in place of the
    /// body the archive holds: the development server's fast path when only a brief's Markdown
    /// changed, which spares rebuilding the archive and every list page.
    pub fn render_brief_body(
        &self,
        i: usize,
        body: &str,
        body_line: usize,
    ) -> Result<Vec<u8>, Vec<Diagnostic>> {
        self.render_page(Page::Brief(BriefId(i)), Some((body, body_line)))
    }

    fn render_page(&self, page: Page, body: Option<(&str, usize)>) -> Result<Vec<u8>, Vec<Diagnostic>> {
        self.render_route(page, &self.route(page), body)
    }

    /// Renders `page`, whose route is `route`, with the view of its kind.
    fn render_route(
        &self,
        page: Page,
        route: &Route,
        body: Option<(&str, usize)>,
    ) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let a = self.archive;
        let feed = &a.config.feed;
        match page {
            Page::Home => self.fill(route, self.home()),
            Page::Brief(BriefId(i)) => self.fill(route, self.brief_page(i, body)?),
            Page::Timeline => self.fill(route, self.timeline()),
            Page::TimelineYear { year, page } => self.fill(route, self.timeline_year(year, page)),
            Page::TaxonomyList(TaxonomyId(x)) => self.fill(route, self.taxonomy_list(x)),
            Page::Term(term) => self.fill(route, self.term(term, 1)),
            Page::TermPage { term, page } => self.fill(route, self.term(term, page)),
            Page::Budget => self.fill(route, self.budget()),
            Page::BudgetYear { year, page } => self.fill(route, self.budget_year(year, page)),
            Page::NotFound => self.fill(route, views::NotFoundPage {}),
            Page::Search => self.fill(route, self.search()),
            Page::SiteFeed => {
                let ids: Vec<BriefId> = (0..a.briefs.len().min(feed.limit)).map(BriefId).collect();
                self.fill(route, self.feed(&route.title, &route.path, "", &ids, feed.full_content)?)
            }
            Page::TermFeed(id) => {
                let term = &a.taxonomies[id.taxonomy].terms[id.term];
                let ids: Vec<BriefId> = term.briefs.iter().copied().take(feed.limit).collect();
                self.fill(route, self.feed(&route.title, &route.path, &term.path, &ids, false)?)
            }
            Page::Sitemap if route.kind == "sitemap_index" => self.fill(route, self.sitemap_index()),
            Page::Sitemap => self.fill(route, self.sitemap(None)),
            Page::SitemapPart(n) => self.fill(route, self.sitemap(Some(n))),
            Page::Robots => self.fill(route, self.robots()),
        }
    }

    /// Renders `route`'s template with `vars` and `page` (`site` and `generator` are global).
    fn fill(&self, route: &Route, vars: impl serde::Serialize) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let page = views::PageView {
            kind: route.kind,
            title: &route.title,
            url: self.base.url(&route.path),
            permalink: self.base.absolute(&route.path),
        };
        let context = context::context_of(&views::PageContext { vars, page });
        // Rendered into bytes and written as they are: Tera's `render` would validate the whole
        // page as UTF-8 once more just to hand back a String. Room for a whole brief page (about
        // 23 KB in the generated archive): from 16 KB, nearly every page grew its buffer once,
        // copying what it held (1% of a build's CPU samples).
        let mut out = Vec::with_capacity(32 * 1024);
        self.tera
            .render_to(route.template, &context, &mut out)
            .map_err(|e| vec![template_error(self.theme, &e, Some(&self.base.url(&route.path)))])?;
        crate::build::sanitize::strip_forbidden(&mut out);
        Ok(out)
    }
}

/// Every term's TermRef, by taxonomy and term, from its page `urls`.
fn term_refs(archive: &Archive, urls: &[Vec<String>]) -> Vec<Vec<tera::Value>> {
    let link =
        |name: &str, url: &str| tera::Value::from_serializable(&views::NamedLink { name, url: Some(url) });
    archive
        .taxonomies
        .iter()
        .zip(urls)
        .map(|(t, urls)| t.terms.iter().zip(urls).map(|(term, url)| link(&term.name, url)).collect())
        .collect()
}

/// Writes `files` (site path, bytes) into `sink`, each freed once written; returns how many,
/// and a problem for each that could not be written.
fn write_all(sink: &dyn Sink, files: Vec<(String, Vec<u8>)>) -> (usize, Vec<Diagnostic>) {
    let count = files.len();
    let problems = files
        .into_iter()
        .filter_map(|(name, bytes)| {
            let e = sink.write(&name, &bytes).err()?;
            Some(Diagnostic::error(&name, 0, 0, format!("{CANNOT_WRITE}{e}")))
        })
        .collect();
    (count, problems)
}

/// Pages rendered and time spent per template, slowest first.
fn per_template(timed: &[Timed]) -> Vec<(&'static str, usize, Duration)> {
    let mut per_template: Vec<(&'static str, usize, Duration)> = Vec::new();
    for (name, took, _) in timed {
        match per_template.iter_mut().find(|t| t.0 == *name) {
            Some(t) => {
                t.1 += 1;
                t.2 += *took;
            }
            None => per_template.push((name, 1, *took)),
        }
    }
    per_template.sort_by_key(|t| std::cmp::Reverse(t.2));
    per_template
}
