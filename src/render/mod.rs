//! Rendering: Tera set up with the theme, one template context per page kind (documented in
//! docs/templates.md), and every page of the site rendered in parallel into a [`Sink`].
//! List pages get each brief's pre-rendered entry, never whole bodies or whole summaries (the
//! context size that makes big Zola sites slow, zola#2508); every URL comes from the one [`BaseUrl`].

use crate::config::TermSource;
use crate::diagnostics::Diagnostic;
use crate::markdown::Highlighter;
use crate::model::Archive;
use crate::output::{file_for, Sink};
use crate::theme::Theme;
use crate::url::BaseUrl;
use rayon::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tera::{Context, Tera};

/// Pages rendered between two progress reports.
const PROGRESS_EVERY: usize = 500;

/// The generator string templates can print.
pub const GENERATOR: &str = concat!("annals ", env!("CARGO_PKG_VERSION"));

/// One page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// `/`.
    Home,
    /// `/briefs/<slug>/`.
    Brief(usize),
    /// `/timeline/`: the years, each linking to its own pages.
    Timeline,
    /// `/timeline/<year>/` and `/timeline/<year>/page/<n>/`: one year's briefs (index into the
    /// timeline's years, page number from 1).
    TimelineYear(usize, usize),
    /// `/<taxonomy>/`.
    TaxonomyList(usize),
    /// `/<taxonomy>/<term>/`: the first page of a term.
    Term(usize, usize),
    /// `/<taxonomy>/<term>/page/<n>/`: page `n` (from 2) of a term's briefs.
    TermPage(usize, usize, usize),
    /// `/budget/`.
    Budget,
    /// `/budget/<year>/` and `/budget/<year>/page/<n>/`: that year's lines (index into the
    /// budget's years, page number from 1).
    BudgetYear(usize, usize),
    /// `/404.html`.
    NotFound,
    /// `/atom.xml`.
    SiteFeed,
    /// `/<taxonomy>/<term>/atom.xml`.
    TermFeed(usize, usize),
    /// `/sitemap.xml`: every URL, or, past the protocol's 50,000, an index of the parts.
    Sitemap,
    /// `/sitemap-<n>.xml` (from 1): part `n` of a sitemap too large for one file.
    SitemapPart(usize),
    /// `/robots.txt`.
    Robots,
    /// `/search/`, when search is on.
    Search,
}

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
    site: Value,
    /// Per brief: its list entry, rendered once and cloned into every list that shows it.
    items: Vec<Item>,
    /// Per brief, per budget line: the rendered table row.
    line_rows: Vec<Vec<String>>,
    term_urls: Vec<Vec<String>>,
}

/// A brief as list pages get it: a few plain fields and the theme's pre-rendered HTML.
#[derive(Clone)]
struct Item {
    title: String,
    url: String,
    iso: String,
    display: String,
    /// `partials/brief_item.html`.
    card: String,
    /// `partials/brief_row.html`.
    row: String,
}

/// The list entries of one renderer, by brief file, for the next renderer of the same site.
#[derive(Default)]
pub struct ListCache {
    entries: HashMap<PathBuf, CachedEntry>,
}

struct CachedEntry {
    meta: crate::frontmatter::FrontMatter,
    slug: String,
    summary: String,
    item: Item,
    rows: Vec<String>,
}

impl ListCache {
    /// Brief `i`'s entry, if it was rendered from the same front matter, slug and summary.
    fn reuse(&self, archive: &Archive, i: usize) -> Option<(Item, Vec<String>)> {
        let b = &archive.briefs[i];
        let e = self.entries.get(&b.path)?;
        (e.meta == b.meta && e.slug == b.slug && e.summary == archive.summaries[i])
            .then(|| (e.item.clone(), e.rows.clone()))
    }
}

/// A brief's list entry and budget rows, or what went wrong rendering them.
type Prerendered = Result<(Item, Vec<String>), Vec<Diagnostic>>;

/// One file of the search index: its site path and bytes.
type IndexFile = (String, Vec<u8>);

/// One page's template, render time and outcome.
type Timed = (&'static str, Duration, Result<(), Vec<Diagnostic>>);

/// Builds a JSON object from owned values without re-serialising them (`json!` would deep-copy
/// every nested value, which is what made list pages slow).
macro_rules! obj {
    ($($k:literal => $v:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut m = Map::new();
        $( m.insert($k.to_string(), Value::from($v)); )*
        Value::Object(m)
    }};
}

// After `obj!`: a macro is visible in the modules declared below it.
mod budget;
mod chart;
mod context;
mod errors;
mod limits;
pub mod paginate;

use errors::{merge_repeats, merge_write_errors, template_error, CANNOT_WRITE};

struct UrlFunction(BaseUrl);

impl tera::Function for UrlFunction {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let path = args
            .get("path")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("url() needs a `path` argument, e.g. url(path=\"style.css\")"))?;
        let absolute = args.get("absolute").and_then(Value::as_bool).unwrap_or(false);
        Ok(Value::String(if absolute { self.0.absolute(path) } else { self.0.url(path) }))
    }

    fn is_safe(&self) -> bool {
        // Percent-encoded: nothing in it needs HTML escaping.
        true
    }
}

/// Tera's default escaping also turns `/` into `&#x2F;`, which makes every URL unreadable in the
/// page source; `/` is harmless in text and attribute values.
fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 16);
    escape_html_into(&mut out, input);
    out
}

/// [`escape_html`] appended to `out` (the charts write their text straight into the SVG).
fn escape_html_into(out: &mut String, input: &str) {
    let mut start = 0;
    // Copy runs of safe bytes at once; only the five special ASCII bytes need work.
    for (i, b) in input.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            _ => continue,
        };
        out.push_str(&input[start..i]);
        out.push_str(rep);
        start = i + 1;
    }
    out.push_str(&input[start..]);
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
        tera.autoescape_on(vec![".html", ".htm", ".xml"]);
        tera.set_escape_fn(escape_html);
        tera.register_function("url", UrlFunction(base.clone()));
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
        if let Err(e) = tera.add_raw_templates(sources) {
            return Err(vec![template_error(theme, &e, None)]);
        }
        tera.register_function("range", limits::Range);
        let endless = limits::check(&tera, theme);
        if !endless.is_empty() {
            return Err(endless);
        }
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
            site: Value::Null,
            items: Vec::new(),
            line_rows: Vec::new(),
            term_urls,
            base,
        };
        r.site = r.site_value();
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
                    summary: a.summaries[i].clone(),
                    item: self.items[i].clone(),
                    rows: self.line_rows[i].clone(),
                };
                (b.path.clone(), entry)
            })
            .collect();
        ListCache { entries }
    }

    /// Every page of the site, in a stable order.
    pub fn pages(&self) -> Vec<Page> {
        let a = self.archive;
        let mut pages =
            vec![Page::Home, Page::Timeline, Page::Budget, Page::NotFound, Page::Sitemap, Page::Robots];
        if a.config.feed.enabled {
            pages.push(Page::SiteFeed);
        }
        if a.config.search {
            pages.push(Page::Search);
        }
        let per = a.config.paginate_by;
        for (y, year) in a.timeline.iter().enumerate() {
            pages.extend((1..=paginate::page_count(year.count, per)).map(|n| Page::TimelineYear(y, n)));
        }
        let parts = paginate::page_count(self.sitemap_len(), context::SITEMAP_URLS);
        if parts > 1 {
            pages.extend((1..=parts).map(Page::SitemapPart));
        }
        for (y, (_, group)) in a.budget.by_year.iter().enumerate() {
            pages.extend((1..=paginate::page_count(group.lines.len(), per)).map(|n| Page::BudgetYear(y, n)));
        }
        pages.extend((0..a.briefs.len()).map(Page::Brief));
        for (x, tax) in a.taxonomies.iter().enumerate() {
            pages.push(Page::TaxonomyList(x));
            for t in 0..tax.terms.len() {
                pages.push(Page::Term(x, t));
                let count = paginate::page_count(tax.terms[t].briefs.len(), per);
                pages.extend((2..=count).map(|n| Page::TermPage(x, t, n)));
                if a.config.feed.enabled && a.config.feed.per_term {
                    pages.push(Page::TermFeed(x, t));
                }
            }
        }
        pages
    }

    /// The template a page is rendered with.
    pub fn template_of(&self, page: Page) -> &'static str {
        let people = |x: usize| self.archive.taxonomies[x].config.source == TermSource::Attendees;
        match page {
            Page::Home => "index.html",
            Page::Brief(_) => "brief.html",
            Page::Timeline => "timeline.html",
            Page::TimelineYear(..) => "timeline_year.html",
            Page::TaxonomyList(x) if people(x) => "people.html",
            Page::TaxonomyList(_) => "taxonomy_list.html",
            Page::Term(x, _) | Page::TermPage(x, _, _) if people(x) => "person.html",
            Page::Term(..) | Page::TermPage(..) => "taxonomy_term.html",
            Page::Budget => "budget.html",
            Page::BudgetYear(..) => "budget_year.html",
            Page::NotFound => "404.html",
            Page::SiteFeed | Page::TermFeed(..) => "atom.xml",
            Page::Sitemap if self.sitemap_len() > context::SITEMAP_URLS => "sitemap_index.xml",
            Page::Sitemap | Page::SitemapPart(_) => "sitemap.xml",
            Page::Robots => "robots.txt",
            Page::Search => "search.html",
        }
    }

    /// The site path a page is written to (`briefs/a/index.html`).
    pub fn file_of(&self, page: Page) -> String {
        file_for(&self.site_path(page))
    }

    fn site_path(&self, page: Page) -> String {
        let a = self.archive;
        match page {
            Page::Home => String::new(),
            Page::Brief(i) => a.brief_path(i),
            Page::Timeline => "timeline/".into(),
            Page::TaxonomyList(x) => format!("{}/", a.taxonomies[x].config.path),
            Page::TimelineYear(y, n) => paginate::page_path(&format!("timeline/{}/", a.timeline[y].year), n),
            Page::Term(x, t) => a.taxonomies[x].terms[t].path.clone(),
            Page::TermPage(x, t, n) => paginate::page_path(&a.taxonomies[x].terms[t].path, n),
            Page::Budget => "budget/".into(),
            Page::BudgetYear(y, n) => paginate::page_path(&format!("budget/{}/", a.budget.by_year[y].0), n),
            Page::NotFound => "404.html".into(),
            Page::SiteFeed => "atom.xml".into(),
            Page::TermFeed(x, t) => format!("{}atom.xml", a.taxonomies[x].terms[t].path),
            Page::Sitemap => "sitemap.xml".into(),
            Page::SitemapPart(n) => format!("sitemap-{n}.xml"),
            Page::Robots => "robots.txt".into(),
            Page::Search => "search/".into(),
        }
    }

    /// Renders every page in parallel into `sink`, plus the theme's static files and the
    /// highlighting stylesheet. Returns the number of files written, or every problem found.
    pub fn render_all(&self, sink: &dyn Sink) -> Result<RenderStats, Vec<Diagnostic>> {
        self.render_all_reporting(sink, &crate::progress::Progress::default())
    }

    /// [`Renderer::render_all`], reporting the pages done to `progress` as it goes.
    pub fn render_all_reporting(
        &self,
        sink: &dyn Sink,
        progress: &crate::progress::Progress,
    ) -> Result<RenderStats, Vec<Diagnostic>> {
        let pages = self.pages();
        let done = std::sync::atomic::AtomicUsize::new(0);
        // The search index and the open data files are made beside the pages: they read the
        // same model, and together they keep both cores busy.
        let (timed, (index, data)): (Vec<Timed>, (Vec<IndexFile>, _)) = rayon::join(
            || {
                pages
                    .par_iter()
                    .map(|&page| {
                        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                        if n % PROGRESS_EVERY == 0 || n == pages.len() {
                            progress.report("rendering pages", n, pages.len());
                        }
                        let start = Instant::now();
                        let result = self.render(page).and_then(|html| {
                            sink.write(&self.file_of(page), &html).map_err(|e| {
                                vec![Diagnostic::error(
                                    self.file_of(page),
                                    0,
                                    0,
                                    format!("{CANNOT_WRITE}{e}"),
                                )]
                            })
                        });
                        (self.template_of(page), start.elapsed(), result)
                    })
                    .collect()
            },
            || {
                rayon::join(
                    || {
                        if self.archive.config.search {
                            crate::search::build(self.archive)
                        } else {
                            Vec::new()
                        }
                    },
                    || crate::opendata::write(self.archive, sink),
                )
            },
        );
        let mut per_template: Vec<(&'static str, usize, Duration)> = Vec::new();
        for (name, took, _) in &timed {
            match per_template.iter_mut().find(|t| t.0 == *name) {
                Some(t) => {
                    t.1 += 1;
                    t.2 += *took;
                }
                None => per_template.push((name, 1, *took)),
            }
        }
        per_template.sort_by_key(|t| std::cmp::Reverse(t.2));
        let results: Vec<Result<(), Vec<Diagnostic>>> = timed.into_iter().map(|(_, _, r)| r).collect();
        let mut problems: Vec<Diagnostic> = results.into_iter().filter_map(Result::err).flatten().collect();
        let mut written = pages.len();
        for f in &self.theme.statics {
            if let Err(e) = sink.write(&f.name, &f.bytes) {
                problems.push(Diagnostic::error(&f.name, 0, 0, format!("{CANNOT_WRITE}{e}")));
            }
            written += 1;
        }
        written += self.write_bundle_files(sink, &mut problems);
        for (name, bytes) in &index {
            if let Err(e) = sink.write(name, bytes) {
                problems.push(Diagnostic::error(name, 0, 0, format!("{CANNOT_WRITE}{e}")));
            }
            written += 1;
        }
        if let Err(e) = sink.write("syntax.css", Highlighter::stylesheet().as_bytes()) {
            problems.push(Diagnostic::error("syntax.css", 0, 0, format!("{CANNOT_WRITE}{e}")));
        }
        written += 1;
        match data {
            Ok(n) => written += n,
            // Written like every other file that could not be written, so that a full disk is
            // still one line for all of them.
            Err(crate::opendata::DataError::Write { file, source }) => {
                problems.push(Diagnostic::error(file, 0, 0, format!("{CANNOT_WRITE}{source}")))
            }
            Err(e) => problems.push(Diagnostic::error("data/", 0, 0, e.to_string())),
        }
        if problems.is_empty() {
            Ok(RenderStats { files: written, per_template })
        } else {
            Err(merge_write_errors(merge_repeats(problems)))
        }
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
        self.render_page(Page::Brief(i), Some((body, body_line)))
    }

    fn render_page(&self, page: Page, body: Option<(&str, usize)>) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let a = self.archive;
        let site_path = self.site_path(page);
        let (template, kind, title, mut vars): (&str, &str, String, Map<String, Value>) = match page {
            Page::Home => ("index.html", "home", a.config.title.clone(), self.home()),
            Page::Brief(i) => {
                let vars = self.brief_page(i, body)?;
                ("brief.html", "brief", a.briefs[i].meta.title.clone(), vars)
            }
            Page::Timeline => ("timeline.html", "timeline", "타임라인".into(), self.timeline()),
            Page::TaxonomyList(x) => {
                let people = a.taxonomies[x].config.source == TermSource::Attendees;
                let template = if people { "people.html" } else { "taxonomy_list.html" };
                let kind = if people { "people" } else { "taxonomy_list" };
                (template, kind, a.taxonomies[x].config.title.clone(), self.taxonomy_list(x))
            }
            Page::TimelineYear(y, n) => {
                let year = a.timeline[y].year;
                (
                    "timeline_year.html",
                    "timeline_year",
                    format!("{year}년 타임라인"),
                    self.timeline_year(y, n),
                )
            }
            Page::Term(x, t) | Page::TermPage(x, t, _) => {
                let n = if let Page::TermPage(_, _, n) = page { n } else { 1 };
                let people = a.taxonomies[x].config.source == TermSource::Attendees;
                let template = if people { "person.html" } else { "taxonomy_term.html" };
                let kind = if people { "person" } else { "taxonomy_term" };
                (template, kind, a.taxonomies[x].terms[t].name.clone(), self.term(x, t, n))
            }
            Page::Budget => ("budget.html", "budget", "예산".into(), self.budget()),
            Page::BudgetYear(y, n) => {
                let (year, group) = &a.budget.by_year[y];
                let first = format!("budget/{year}/");
                let mut vars = Map::new();
                vars.insert(
                    "year".into(),
                    obj! {
                        "year" => *year, "total" => self.total(&group.total), "count" => group.total.count,
                        "lines" => self.lines_of(paginate::slice(&group.lines, a.config.paginate_by, n)),
                    },
                );
                vars.insert("paginator".into(), self.paginator(&first, group.lines.len(), n));
                ("budget_year.html", "budget_year", format!("{year}년 예산"), vars)
            }
            Page::NotFound => ("404.html", "404", "페이지를 찾을 수 없습니다".into(), Map::new()),
            Page::Search => ("search.html", "search", "검색".into(), self.search()),
            Page::SiteFeed => {
                let ids: Vec<usize> = (0..a.briefs.len().min(a.config.feed.limit)).collect();
                (
                    "atom.xml",
                    "feed",
                    a.config.title.clone(),
                    self.feed(&a.config.title, "atom.xml", "", &ids, a.config.feed.full_content)?,
                )
            }
            Page::TermFeed(x, t) => {
                let term = &a.taxonomies[x].terms[t];
                let ids: Vec<usize> = term.briefs.iter().copied().take(a.config.feed.limit).collect();
                let title = format!("{} — {}: {}", a.config.title, a.taxonomies[x].config.title, term.name);
                ("atom.xml", "feed", title.clone(), self.feed(&title, &site_path, &term.path, &ids, false)?)
            }
            Page::Sitemap if self.sitemap_len() > context::SITEMAP_URLS => {
                ("sitemap_index.xml", "sitemap_index", "sitemap".into(), self.sitemap_index())
            }
            Page::Sitemap => ("sitemap.xml", "sitemap", "sitemap".into(), self.sitemap(None)),
            Page::SitemapPart(n) => ("sitemap.xml", "sitemap", "sitemap".into(), self.sitemap(Some(n))),
            Page::Robots => {
                let mut m = Map::new();
                m.insert("sitemap_url".into(), Value::String(self.base.absolute("sitemap.xml")));
                ("robots.txt", "robots", "robots".into(), m)
            }
        };
        vars.insert("site".into(), self.site.clone());
        vars.insert(
            "page".into(),
            json!({"kind": kind, "title": title, "url": self.base.url(&site_path), "permalink": self.base.absolute(&site_path)}),
        );
        vars.insert("generator".into(), Value::String(GENERATOR.into()));
        let context = Context::from_value(Value::Object(vars)).expect("an object is a valid context");
        // Rendered into bytes and written as they are: Tera's `render` would validate the whole
        // page as UTF-8 once more just to hand back a String.
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, &context, &mut out)
            .map_err(|e| vec![template_error(self.theme, &e, Some(&self.base.url(&site_path)))])?;
        crate::sanitize::strip_forbidden(&mut out);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_slashes_and_hangul() {
        assert_eq!(escape_html("/regions/영남권/"), "/regions/영남권/");
        assert_eq!(escape_html("a<b>&\"'c"), "a&lt;b&gt;&amp;&quot;&#x27;c");
    }
}
