//! Rendering: Tera set up with the theme, one template context per page kind (documented in
//! docs/templates.md), and every page of the site rendered in parallel into a [`Sink`].
//! List pages get each brief's pre-rendered entry, never whole bodies or whole summaries (the
//! context size that makes big Zola sites slow, zola#2508); every URL comes from the one [`BaseUrl`].

use crate::config::TermSource;
use crate::dates::DateView;
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, Highlighter, Links};
use crate::model::{Archive, LineRef, Total};
use crate::money::{Amount, AmountView};
use crate::output::{file_for, Sink};
use crate::theme::Theme;
use crate::url::BaseUrl;
use rayon::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::error::Error as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tera::{Context, Tera};

/// The generator string templates can print.
pub const GENERATOR: &str = concat!("annals ", env!("CARGO_PKG_VERSION"));

/// One page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// `/`.
    Home,
    /// `/briefs/<slug>/`.
    Brief(usize),
    /// `/timeline/`.
    Timeline,
    /// `/<taxonomy>/`.
    TaxonomyList(usize),
    /// `/<taxonomy>/<term>/`.
    Term(usize, usize),
    /// `/budget/`.
    Budget,
    /// `/budget/<year>/`: that year's lines (index into the budget's years).
    BudgetYear(usize),
    /// `/404.html`.
    NotFound,
    /// `/atom.xml`.
    SiteFeed,
    /// `/<taxonomy>/<term>/atom.xml`.
    TermFeed(usize, usize),
    /// `/sitemap.xml`.
    Sitemap,
    /// `/robots.txt`.
    Robots,
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
    out
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
        pages.extend((0..a.budget.by_year.len()).map(Page::BudgetYear));
        pages.extend((0..a.briefs.len()).map(Page::Brief));
        for (x, tax) in a.taxonomies.iter().enumerate() {
            pages.push(Page::TaxonomyList(x));
            for t in 0..tax.terms.len() {
                pages.push(Page::Term(x, t));
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
            Page::TaxonomyList(x) if people(x) => "people.html",
            Page::TaxonomyList(_) => "taxonomy_list.html",
            Page::Term(x, _) if people(x) => "person.html",
            Page::Term(..) => "taxonomy_term.html",
            Page::Budget => "budget.html",
            Page::BudgetYear(_) => "budget_year.html",
            Page::NotFound => "404.html",
            Page::SiteFeed | Page::TermFeed(..) => "atom.xml",
            Page::Sitemap => "sitemap.xml",
            Page::Robots => "robots.txt",
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
            Page::Term(x, t) => a.taxonomies[x].terms[t].path.clone(),
            Page::Budget => "budget/".into(),
            Page::BudgetYear(y) => format!("budget/{}/", a.budget.by_year[y].0),
            Page::NotFound => "404.html".into(),
            Page::SiteFeed => "atom.xml".into(),
            Page::TermFeed(x, t) => format!("{}atom.xml", a.taxonomies[x].terms[t].path),
            Page::Sitemap => "sitemap.xml".into(),
            Page::Robots => "robots.txt".into(),
        }
    }

    /// Renders every page in parallel into `sink`, plus the theme's static files and the
    /// highlighting stylesheet. Returns the number of files written, or every problem found.
    pub fn render_all(&self, sink: &dyn Sink) -> Result<RenderStats, Vec<Diagnostic>> {
        let pages = self.pages();
        let timed: Vec<Timed> = pages
            .par_iter()
            .map(|&page| {
                let start = Instant::now();
                let result = self.render(page).and_then(|html| {
                    sink.write(&self.file_of(page), &html).map_err(|e| {
                        vec![Diagnostic::error(self.file_of(page), 0, 0, format!("cannot write: {e}"))]
                    })
                });
                (self.template_of(page), start.elapsed(), result)
            })
            .collect();
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
                problems.push(Diagnostic::error(&f.origin, 0, 0, format!("cannot copy: {e}")));
            }
            written += 1;
        }
        if let Err(e) = sink.write("syntax.css", Highlighter::stylesheet().as_bytes()) {
            problems.push(Diagnostic::error("syntax.css", 0, 0, format!("cannot write: {e}")));
        }
        written += 1;
        if problems.is_empty() {
            Ok(RenderStats { files: written, per_template })
        } else {
            Err(merge_repeats(problems))
        }
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
            Page::Term(x, t) => {
                let people = a.taxonomies[x].config.source == TermSource::Attendees;
                let template = if people { "person.html" } else { "taxonomy_term.html" };
                let kind = if people { "person" } else { "taxonomy_term" };
                (template, kind, a.taxonomies[x].terms[t].name.clone(), self.term(x, t))
            }
            Page::Budget => ("budget.html", "budget", "예산".into(), self.budget()),
            Page::BudgetYear(y) => {
                let (year, group) = &a.budget.by_year[y];
                let mut vars = Map::new();
                vars.insert(
                    "year".into(),
                    obj! {
                        "year" => *year, "total" => self.total(&group.total), "count" => group.total.count,
                        "lines" => self.lines_of(&group.lines),
                    },
                );
                ("budget_year.html", "budget_year", format!("{year}년 예산"), vars)
            }
            Page::NotFound => ("404.html", "404", "페이지를 찾을 수 없습니다".into(), Map::new()),
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
            Page::Sitemap => ("sitemap.xml", "sitemap", "sitemap".into(), self.sitemap()),
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
        Ok(out)
    }

    fn site_value(&self) -> Value {
        let c = &self.archive.config;
        let nav: Vec<Value> = c
            .taxonomies
            .iter()
            .map(|t| json!({"name": t.name, "title": t.title, "url": self.base.url(&format!("{}/", t.path))}))
            .collect();
        json!({
            "title": c.title,
            "description": c.description,
            "language": c.language,
            "base_url": c.base_url.full(),
            "base_path": c.base_url.path(),
            "timezone": c.timezone.name(),
            "currency": c.currency,
            "extra": c.extra,
            "nav": nav,
            "home_url": self.base.url(""),
            "timeline_url": self.base.url("timeline/"),
            "budget_url": self.base.url("budget/"),
            "feed_url": if c.feed.enabled { Value::String(self.base.url("atom.xml")) } else { Value::Null },
        })
    }

    fn amount(&self, a: Amount) -> Value {
        serde_json::to_value(AmountView::new(a, &self.archive.config.currency)).unwrap_or(Value::Null)
    }

    fn total(&self, t: &Total) -> Value {
        if t.count == 0 {
            Value::Null
        } else {
            self.amount(t.amount())
        }
    }

    fn date(d: &crate::dates::Moment) -> Value {
        serde_json::to_value::<DateView>(d.view()).unwrap_or(Value::Null)
    }

    fn term_ref(&self, x: usize, t: usize) -> Value {
        json!({"name": self.archive.taxonomies[x].terms[t].name, "url": self.term_urls[x][t]})
    }

    /// A term named in a brief, linked when the site has pages for it.
    fn named_ref(&self, source: &TermSource, name: &str) -> Value {
        let a = self.archive;
        match a.taxonomy_index(source).and_then(|x| a.taxonomies[x].term(name).map(|t| (x, t))) {
            Some((x, t)) => self.term_ref(x, t),
            None => json!({"name": name, "url": Value::Null}),
        }
    }

    fn terms_for(&self, i: usize, source: &TermSource, names: &[String]) -> Value {
        let a = self.archive;
        match a.taxonomy_index(source) {
            Some(x) => Value::Array(a.brief_terms[i][x].iter().map(|&t| self.term_ref(x, t)).collect()),
            None => Value::Array(names.iter().map(|n| json!({"name": n, "url": Value::Null})).collect()),
        }
    }

    fn summary(&self, i: usize) -> Value {
        let a = self.archive;
        let b = &a.briefs[i];
        let path = a.brief_path(i);
        let mut terms = Map::new();
        for (x, tax) in a.taxonomies.iter().enumerate() {
            if tax.config.source != TermSource::Attendees {
                let refs: Vec<Value> = a.brief_terms[i][x].iter().map(|&t| self.term_ref(x, t)).collect();
                terms.insert(tax.config.name.clone(), Value::Array(refs));
            }
        }
        let mut total = Total::default();
        for l in b.meta.budget.iter().filter(|l| l.counts()) {
            total.add(l.amount);
        }
        obj! {
            "title" => b.meta.title.clone(),
            "slug" => b.slug.clone(),
            "url" => self.base.url(&path),
            "permalink" => self.base.absolute(&path),
            "date" => Self::date(&b.meta.date),
            "summary" => a.summaries[i].clone(),
            "draft" => b.meta.draft,
            "region" => self.terms_for(i, &TermSource::Region, &b.meta.region),
            "sector" => self.terms_for(i, &TermSource::Sector, &b.meta.sector),
            "agenda" => self.terms_for(i, &TermSource::Agenda, &b.meta.agenda),
            "terms" => terms,
            "budget_total" => self.total(&total),
            "attendee_count" => b.meta.attendees.len(),
        }
    }

    /// Renders what lists show of brief `i` (its card, its timeline row, its budget rows) once.
    fn prerender(&self, i: usize) -> Prerendered {
        let a = self.archive;
        let b = &a.briefs[i];
        let currency = Value::String(a.config.currency.clone());
        let context = Context::from_value(obj! { "b" => self.summary(i), "currency" => currency.clone() })
            .expect("an object is a valid context");
        let render = |name: &str, context: &Context| {
            // Kept for the whole render, so trimmed: Tera's output buffer starts much larger than
            // a card or a row, and ten thousand of them kept that slack.
            self.tera
                .render(name, context)
                .map(|mut html| {
                    html.shrink_to_fit();
                    html
                })
                .map_err(|e| vec![template_error(self.theme, &e, None)])
        };
        let card = render("partials/brief_item.html", &context)?;
        let row = render("partials/brief_row.html", &context)?;
        let mut rows = Vec::with_capacity(b.meta.budget.len());
        for l in 0..b.meta.budget.len() {
            let line = self.line(LineRef { brief: i, line: l });
            let context = Context::from_value(obj! { "line" => line, "currency" => currency.clone() })
                .expect("an object is a valid context");
            rows.push(render("partials/budget_row.html", &context)?);
        }
        let date = b.meta.date.view();
        let item = Item {
            title: b.meta.title.clone(),
            url: self.base.url(&a.brief_path(i)),
            iso: date.iso,
            display: date.display,
            card,
            row,
        };
        Ok((item, rows))
    }

    /// List entries for briefs: title, url, iso, display, and `html` (the card, or the compact
    /// row when `rows`).
    fn items_of(&self, ids: impl IntoIterator<Item = usize>, rows: bool) -> Value {
        Value::Array(ids.into_iter().map(|i| self.item(i, rows)).collect())
    }

    fn item(&self, i: usize, row: bool) -> Value {
        let it = &self.items[i];
        obj! {
            "title" => it.title.clone(),
            "url" => it.url.clone(),
            "iso" => it.iso.clone(),
            "display" => it.display.clone(),
            "html" => if row { it.row.clone() } else { it.card.clone() },
        }
    }

    /// Budget line entries: `item` and `html` (the rendered table row).
    fn lines_of(&self, refs: &[LineRef]) -> Value {
        let list = refs
            .iter()
            .map(|r| {
                let l = &self.archive.briefs[r.brief].meta.budget[r.line];
                obj! { "item" => l.item.clone(), "html" => self.line_rows[r.brief][r.line].clone() }
            })
            .collect();
        Value::Array(list)
    }

    fn brief_page(
        &self,
        i: usize,
        body: Option<(&str, usize)>,
    ) -> Result<Map<String, Value>, Vec<Diagnostic>> {
        let a = self.archive;
        let b = &a.briefs[i];
        let (body, body_line) = body.unwrap_or((&b.body, b.body_line));
        let links = Links { briefs: &a.link_map, base: &self.base };
        let mut problems = Vec::new();
        let rendered = markdown::render(body, &b.content_path, &links, &self.highlighter, &mut problems);
        if !problems.is_empty() {
            return Err(problems
                .into_iter()
                .map(|p| {
                    let d = Diagnostic::error(&b.path, body_line + p.body_line, p.column, p.message);
                    match p.hint {
                        Some(h) => d.with_hint(h),
                        None => d,
                    }
                })
                .collect());
        }
        // Built again rather than kept from the list pass: holding 10,000 summaries as JSON
        // values costs more memory than rebuilding one per page costs time.
        let mut brief = match self.summary(i) {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        brief.insert("content".into(), Value::String(rendered.html));
        brief.insert("toc".into(), serde_json::to_value(&rendered.toc).unwrap_or_default());
        brief.insert("has_code".into(), Value::Bool(rendered.has_code));
        let budget: Vec<Value> = b
            .meta
            .budget
            .iter()
            .map(|l| {
                json!({
                    "item": l.item,
                    "amount": self.amount(l.amount),
                    "region": l.region.as_deref().map(|r| self.named_ref(&TermSource::Region, r)),
                    "sector": l.sector.as_deref().map(|s| self.named_ref(&TermSource::Sector, s)),
                    "part_of": l.part_of,
                })
            })
            .collect();
        brief.insert("budget".into(), Value::Array(budget));
        let attendees: Vec<Value> = b
            .meta
            .attendees
            .iter()
            .map(|p| {
                let url = self.named_ref(&TermSource::Attendees, &p.name)["url"].clone();
                json!({"name": p.name, "role": p.role, "org": p.org, "url": url})
            })
            .collect();
        brief.insert("attendees".into(), Value::Array(attendees));
        brief.insert(
            "source".into(),
            match &b.meta.source {
                Some(s) => json!({
                    "publisher": s.publisher, "author": s.author, "url": s.url,
                    "published": s.published.as_ref().map(Self::date),
                }),
                None => Value::Null,
            },
        );
        // The brief's terms grouped by taxonomy, in menu order, empty lists left out: the page
        // template loops over this once instead of looking every taxonomy up by name.
        let facets: Vec<Value> = a
            .taxonomies
            .iter()
            .enumerate()
            .filter(|(x, tax)| tax.config.source != TermSource::Attendees && !a.brief_terms[i][*x].is_empty())
            .map(|(x, tax)| {
                obj! {
                    "name" => tax.config.name.clone(),
                    "title" => tax.config.title.clone(),
                    "url" => self.base.url(&format!("{}/", tax.config.path)),
                    "terms" => Value::Array(a.brief_terms[i][x].iter().map(|&t| self.term_ref(x, t)).collect()),
                }
            })
            .collect();
        brief.insert("facets".into(), Value::Array(facets));
        brief.insert("extra".into(), b.meta.extra.clone());
        brief.insert("review".into(), json!(b.meta.review));
        let mut vars = Map::new();
        vars.insert("brief".into(), Value::Object(brief));
        let neighbour = |j: Option<usize>| j.filter(|&j| j < a.briefs.len()).map(|j| self.item(j, false));
        vars.insert("previous".into(), neighbour(i.checked_add(1)).unwrap_or_default());
        vars.insert("next".into(), neighbour(i.checked_sub(1)).unwrap_or_default());
        vars.insert("related".into(), self.items_of(a.related[i].iter().copied(), false));
        Ok(vars)
    }

    fn home(&self) -> Map<String, Value> {
        let a = self.archive;
        let mut vars = Map::new();
        vars.insert("latest".into(), self.items_of(0..a.briefs.len().min(a.config.home.latest), false));
        let people =
            a.taxonomy_index(&TermSource::Attendees).map(|x| a.taxonomies[x].terms.len()).unwrap_or(0);
        vars.insert(
            "counts".into(),
            json!({"briefs": a.briefs.len(), "people": people, "budget_lines": a.budget.all.lines.len()}),
        );
        let overview: Vec<Value> = a
            .taxonomies
            .iter()
            .enumerate()
            .filter(|(_, t)| t.config.source != TermSource::Attendees)
            .map(|(x, tax)| {
                let mut top: Vec<usize> = (0..tax.terms.len()).collect();
                top.sort_by(|&p, &q| tax.terms[q].briefs.len().cmp(&tax.terms[p].briefs.len()).then(p.cmp(&q)));
                let terms: Vec<Value> = top
                    .into_iter()
                    .take(12)
                    .map(|t| json!({"name": tax.terms[t].name, "url": self.term_urls[x][t], "count": tax.terms[t].briefs.len()}))
                    .collect();
                json!({"name": tax.config.name, "title": tax.config.title, "url": self.base.url(&format!("{}/", tax.config.path)),
                       "count": tax.terms.len(), "terms": terms})
            })
            .collect();
        vars.insert("overview".into(), Value::Array(overview));
        vars.insert("budget_total".into(), self.total(&a.budget.all.total));
        let years: Vec<Value> = a
            .timeline
            .iter()
            .map(|y| json!({"year": y.year, "count": y.count, "url": format!("{}#y{}", self.base.url("timeline/"), y.year)}))
            .collect();
        vars.insert("years".into(), Value::Array(years));
        vars
    }

    fn timeline(&self) -> Map<String, Value> {
        let a = self.archive;
        let years: Vec<Value> = a
            .timeline
            .iter()
            .map(|y| {
                let months: Vec<Value> = y
                    .months
                    .iter()
                    .map(|m| {
                        obj! {
                            "month" => m.month, "label" => format!("{}월", m.month),
                            "anchor" => format!("y{}-{:02}", y.year, m.month), "count" => m.briefs.len(),
                            "briefs" => self.items_of(m.briefs.iter().copied(), true),
                        }
                    })
                    .collect();
                obj! { "year" => y.year, "count" => y.count, "anchor" => format!("y{}", y.year), "months" => months }
            })
            .collect();
        let mut vars = Map::new();
        vars.insert("timeline".into(), obj! { "count" => a.briefs.len(), "years" => years });
        vars
    }

    fn term_feed_url(&self, x: usize, t: usize) -> Value {
        let c = &self.archive.config;
        if c.feed.enabled && c.feed.per_term {
            Value::String(self.base.url(&format!("{}atom.xml", self.archive.taxonomies[x].terms[t].path)))
        } else {
            Value::Null
        }
    }

    fn taxonomy_list(&self, x: usize) -> Map<String, Value> {
        let a = self.archive;
        let tax = &a.taxonomies[x];
        let mut vars = Map::new();
        if tax.config.source == TermSource::Attendees {
            let people: Vec<Value> = tax
                .terms
                .iter()
                .enumerate()
                .map(|(t, term)| {
                    let roles: Vec<Value> = tax.roles[t].iter().map(|r| json!({"role": r.role, "org": r.org})).collect();
                    json!({"name": term.name, "url": self.term_urls[x][t], "count": term.briefs.len(), "roles": roles})
                })
                .collect();
            vars.insert("people".into(), Value::Array(people));
        }
        let terms: Vec<Value> = tax
            .terms
            .iter()
            .enumerate()
            .map(|(t, term)| {
                let parent = term.parent.map(|p| tax.terms[p].name.clone());
                let children: Vec<Value> = term.children.iter().map(|&c| Value::from(tax.terms[c].name.clone())).collect();
                json!({"name": term.name, "slug": term.slug, "url": self.term_urls[x][t], "count": term.briefs.len(),
                       "total_count": term.briefs.len() + term.descendant_briefs.len(),
                       "english": term.info.english, "parent": parent, "children": children,
                       "budget_total": self.total(&a.budget.by_term[x][t].total), "feed_url": self.term_feed_url(x, t)})
            })
            .collect();
        vars.insert(
            "taxonomy".into(),
            json!({"name": tax.config.name, "title": tax.config.title, "url": self.base.url(&format!("{}/", tax.config.path)), "terms": terms}),
        );
        vars
    }

    fn line(&self, r: LineRef) -> Value {
        let b = &self.archive.briefs[r.brief];
        let l = &b.meta.budget[r.line];
        json!({
            "item": l.item,
            "amount": self.amount(l.amount),
            "region": l.region.as_deref().map(|n| self.named_ref(&TermSource::Region, n)),
            "sector": l.sector.as_deref().map(|n| self.named_ref(&TermSource::Sector, n)),
            "part_of": l.part_of,
            "brief": {"title": b.meta.title, "url": self.base.url(&self.archive.brief_path(r.brief)), "date": Self::date(&b.meta.date)},
        })
    }

    fn term(&self, x: usize, t: usize) -> Map<String, Value> {
        let a = self.archive;
        let tax = &a.taxonomies[x];
        let term = &tax.terms[t];
        let group = &a.budget.by_term[x][t];
        let mut vars = Map::new();
        let tax_url = self.base.url(&format!("{}/", tax.config.path));
        vars.insert(
            "taxonomy".into(),
            json!({"name": tax.config.name, "title": tax.config.title, "url": tax_url}),
        );
        let briefs = self.items_of(term.briefs.iter().copied(), true);
        if tax.config.source == TermSource::Attendees {
            let roles: Vec<Value> = tax.roles[t]
                .iter()
                .map(|r| json!({"role": r.role, "org": r.org, "first": Self::date(&r.first), "last": Self::date(&r.last), "count": r.count}))
                .collect();
            vars.insert(
                "person".into(),
                obj! {
                    "name" => term.name.clone(), "url" => self.term_urls[x][t].clone(),
                    "count" => term.briefs.len(), "roles" => roles, "briefs" => briefs,
                },
            );
        } else {
            vars.insert(
                "term".into(),
                obj! {
                    "name" => term.name.clone(), "url" => self.term_urls[x][t].clone(),
                    "count" => term.briefs.len(), "feed_url" => self.term_feed_url(x, t),
                    "budget_total" => self.total(&group.total), "briefs" => briefs,
                    "budget_lines" => self.lines_of(&group.lines),
                    "english" => term.info.english.clone(), "description" => term.info.description.clone(),
                    "link" => term.info.link.clone(),
                    "parent" => term.parent.map(|p| self.term_ref(x, p)).unwrap_or_default(),
                    "children" => Value::Array(term.children.iter().map(|&c| self.term_ref(x, c)).collect()),
                    "descendant_briefs" => self.descendant_items(x, t),
                },
            );
        }
        vars
    }

    /// Briefs of a term's descendants, each with `via`: the descendant terms it carries.
    fn descendant_items(&self, x: usize, t: usize) -> Value {
        let a = self.archive;
        let tax = &a.taxonomies[x];
        let under = |mut c: usize| {
            while let Some(p) = tax.terms[c].parent {
                if p == t {
                    return true;
                }
                c = p;
            }
            false
        };
        let list = tax.terms[t]
            .descendant_briefs
            .iter()
            .map(|&b| {
                let mut item = self.item(b, true);
                let via: Vec<Value> =
                    a.brief_terms[b][x].iter().filter(|&&c| under(c)).map(|&c| self.term_ref(x, c)).collect();
                if let Value::Object(m) = &mut item {
                    m.insert("via".into(), Value::Array(via));
                }
                item
            })
            .collect();
        Value::Array(list)
    }

    fn budget(&self) -> Map<String, Value> {
        let a = self.archive;
        let by_year: Vec<Value> = a
            .budget
            .by_year
            .iter()
            .map(|(y, g)| {
                obj! {
                    "year" => *y, "total" => self.total(&g.total), "count" => g.total.count,
                    "url" => self.base.url(&format!("budget/{y}/")),
                }
            })
            .collect();
        let by_source = |source: TermSource| -> Vec<Value> {
            let Some(x) = a.taxonomy_index(&source) else {
                return Vec::new();
            };
            a.taxonomies[x]
                .terms
                .iter()
                .enumerate()
                .filter(|(t, _)| a.budget.by_term[x][*t].total.count > 0)
                .map(|(t, term)| {
                    let total = &a.budget.by_term[x][t].total;
                    json!({"name": term.name, "url": self.term_urls[x][t], "total": self.total(total), "count": total.count})
                })
                .collect()
        };
        let mut vars = Map::new();
        vars.insert(
            "budget".into(),
            obj! {
                "total" => self.total(&a.budget.all.total), "line_count" => a.budget.all.lines.len(),
                "by_year" => by_year, "by_region" => by_source(TermSource::Region),
                "by_sector" => by_source(TermSource::Sector),
            },
        );
        vars
    }

    fn feed(
        &self,
        title: &str,
        feed_path: &str,
        page_path: &str,
        ids: &[usize],
        full: bool,
    ) -> Result<Map<String, Value>, Vec<Diagnostic>> {
        let a = self.archive;
        let links = Links { briefs: &a.link_map, base: &self.base };
        let entries: Vec<Value> = ids
            .iter()
            .map(|&i| {
                let b = &a.briefs[i];
                let content = if full {
                    let mut ignored = Vec::new();
                    markdown::render(&b.body, &b.content_path, &links, &self.highlighter, &mut ignored).html
                } else {
                    String::new()
                };
                json!({"title": b.meta.title, "permalink": self.base.absolute(&a.brief_path(i)), "updated": b.meta.date.view().datetime,
                       "summary": a.summaries[i], "content": content})
            })
            .collect();
        let updated = ids
            .first()
            .map(|&i| a.briefs[i].meta.date.view().datetime)
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
        let mut vars = Map::new();
        vars.insert(
            "feed".into(),
            json!({"title": title, "id": self.base.absolute(feed_path), "url": self.base.absolute(feed_path),
                   "alternate": self.base.absolute(page_path), "updated": updated, "entries": entries}),
        );
        Ok(vars)
    }

    fn sitemap(&self) -> Map<String, Value> {
        let a = self.archive;
        let newest =
            |ids: &[usize]| ids.first().map(|&i| a.briefs[i].meta.date.view().iso).unwrap_or_default();
        let all: Vec<usize> = (0..a.briefs.len().min(1)).collect();
        let mut entries = vec![
            json!({"loc": self.base.absolute(""), "lastmod": newest(&all)}),
            json!({"loc": self.base.absolute("timeline/"), "lastmod": newest(&all)}),
            json!({"loc": self.base.absolute("budget/"), "lastmod": ""}),
        ];
        for (year, group) in &a.budget.by_year {
            let lastmod =
                group.lines.first().map(|l| a.briefs[l.brief].meta.date.view().iso).unwrap_or_default();
            entries.push(json!({"loc": self.base.absolute(&format!("budget/{year}/")), "lastmod": lastmod}));
        }
        for i in 0..a.briefs.len() {
            entries.push(json!({"loc": self.base.absolute(&a.brief_path(i)), "lastmod": a.briefs[i].meta.date.view().iso}));
        }
        for tax in &a.taxonomies {
            entries.push(json!({"loc": self.base.absolute(&format!("{}/", tax.config.path)), "lastmod": ""}));
            for term in &tax.terms {
                entries.push(json!({"loc": self.base.absolute(&term.path), "lastmod": newest(&term.briefs)}));
            }
        }
        let mut vars = Map::new();
        vars.insert("entries".into(), Value::Array(entries));
        vars
    }
}

/// One template mistake fails every page that uses the template: report it once, with a count.
fn merge_repeats(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    const MARK: &str = " (while rendering ";
    crate::diagnostics::sort(&mut problems);
    let mut out: Vec<(Diagnostic, usize)> = Vec::new();
    for d in problems {
        let base = |m: &str| m.split(MARK).next().unwrap_or("").to_string();
        match out.last_mut() {
            Some((last, n))
                if last.path == d.path && last.line == d.line && base(&last.message) == base(&d.message) =>
            {
                *n += 1
            }
            _ => out.push((d, 1)),
        }
    }
    out.into_iter()
        .map(|(mut d, n)| {
            if n > 1 {
                d.message = d.message.replacen(MARK, &format!(" (on {n} pages, first while rendering "), 1);
            }
            d
        })
        .collect()
}

/// Tera reports no position for errors found while rendering ("Variable `brief.x` not found",
/// "Filter 'y' not found"). The name it quotes is looked up in the template's text instead:
/// the first line that mentions it is almost always the culprit.
fn locate_runtime_error(theme: &Theme, template: &str, text: &str) -> (usize, usize) {
    let quoted = text
        .split(['`', '\''])
        .skip(1)
        .step_by(2)
        .find(|q| !q.is_empty() && !q.contains(".html") && !q.contains(".xml") && !q.contains(".txt"));
    let (Some(needle), Some(file)) = (quoted, theme.templates.iter().find(|t| t.name == template)) else {
        return (0, 0);
    };
    let source = String::from_utf8_lossy(&file.bytes);
    for (i, line) in source.lines().enumerate() {
        if let Some(pos) = line.find(needle) {
            return (i + 1, line[..pos].chars().count() + 1);
        }
    }
    (0, 0)
}

/// A Tera error as a diagnostic naming the template file and, when Tera knows it, the line.
fn template_error(theme: &Theme, e: &tera::Error, page: Option<&str>) -> Diagnostic {
    let mut chain = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let text = chain.join(": ");
    // Tera names templates in quotes: "Failed to render 'brief.html'" / "Failed to parse \"x.html\"".
    let name = chain
        .iter()
        .find_map(|m| m.split(['\'', '"']).nth(1).filter(|n| n.contains('.')))
        .unwrap_or("")
        .to_string();
    let (line, col) = text
        .find("--> ")
        .and_then(|i| {
            let rest = &text[i + 4..];
            let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ':')).unwrap_or(rest.len());
            let (l, c) = rest[..end].split_once(':')?;
            Some((l.parse().ok()?, c.parse().ok()?))
        })
        .unwrap_or((0, 0));
    let (line, col) = if line == 0 { locate_runtime_error(theme, &name, &text) } else { (line, col) };
    let path: PathBuf = if name.is_empty() { PathBuf::from("templates") } else { theme.origin(&name) };
    let mut message = format!("template error: {}", chain.last().map(|s| s.trim()).unwrap_or(""));
    if chain.len() > 1 {
        message = format!(
            "template error: {}",
            chain[1..].join(": ").lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join(" ")
        );
    }
    if let Some(p) = page {
        message.push_str(&format!(" (while rendering {p})"));
    }
    Diagnostic::error(path, line, col, message)
        .with_hint("docs/templates.md lists the variables each template gets")
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
