//! The template context of every page kind, as the typed views of [`super::views`], and each
//! brief's list entries (its card, its row, its budget rows) rendered once for every list that
//! shows it. docs/templates.md documents what is built here.

use super::views::*;
use super::{paginate, template_error, BriefId, Item, Prerendered, Renderer, TermId};
use crate::brief::dates::{DateView, Moment};
use crate::brief::frontmatter::BudgetLine as Line;
use crate::brief::money::{Amount, AmountView};
use crate::build::config::TermSource;
use crate::build::markdown::{self, Links, Rendered};
use crate::build::model::taxonomy::Term;
use crate::build::model::{Archive, LineRef, Total};
use crate::build::url::BaseUrl;
use crate::diagnostics::Diagnostic;
use tera::Context;

/// The most URLs one sitemap file may list (sitemaps.org protocol).
pub(super) const SITEMAP_URLS: usize = 50_000;

/// `site`: the same on every page of one renderer.
pub(super) fn site_view<'a>(archive: &'a Archive, base: &BaseUrl) -> SiteView<'a> {
    let c = &archive.config;
    SiteView {
        title: &c.title,
        description: &c.description,
        language: &c.language,
        base_url: c.base_url.full(),
        base_path: c.base_url.path(),
        timezone: c.timezone.name(),
        currency: &c.currency,
        extra: &c.extra,
        nav: c.taxonomies.iter().map(|t| nav_link(base, &t.name, &t.title, &t.path)).collect(),
        home_url: base.url(""),
        timeline_url: base.url("timeline/"),
        budget_url: base.url("budget/"),
        search_url: c.search.then(|| base.url("search/")),
        feed_url: c.feed.enabled.then(|| base.url("atom.xml")),
        unsafe_html: c.markdown.unsafe_html,
    }
}

/// A taxonomy's name, title and page.
fn nav_link<'a>(base: &BaseUrl, name: &'a str, title: &'a str, path: &str) -> NavLink<'a> {
    NavLink { name, title, url: base.url(&format!("{path}/")) }
}

/// A rendering context from a view (a struct always serialises to an object).
pub(super) fn context_of(view: &impl serde::Serialize) -> Context {
    Context::from_serialize(view).expect("a view is an object")
}

impl Renderer<'_> {
    fn taxonomy_link(&self, x: usize) -> NavLink<'_> {
        let c = &self.archive.taxonomies[x].config;
        nav_link(&self.base, &c.name, &c.title, &c.path)
    }

    pub(super) fn amount_view(&self, a: Amount) -> AmountView {
        AmountView::new(a, &self.archive.config.currency)
    }

    /// A total, or none when nothing was added to it.
    pub(super) fn total_view(&self, t: &Total) -> Option<AmountView> {
        (t.count > 0).then(|| self.amount_view(t.amount()))
    }

    fn date(d: &Moment) -> DateView {
        d.view()
    }

    /// The term of `id` and its page.
    fn term_of(&self, id: TermId) -> (&Term, &str) {
        (&self.archive.taxonomies[id.taxonomy].terms[id.term], &self.term_urls[id.taxonomy][id.term])
    }

    pub(super) fn term_link(&self, id: TermId) -> TermRef<'_> {
        TermRef::Linked(&self.term_refs[id.taxonomy][id.term])
    }

    /// The term `name` of the taxonomy fed by `source`, if the site has pages for it.
    fn term_named(&self, source: &TermSource, name: &str) -> Option<TermId> {
        let a = self.archive;
        let taxonomy = a.taxonomy_index(source)?;
        Some(TermId { taxonomy, term: a.taxonomies[taxonomy].term(name)? })
    }

    /// The page of the term `name` of the taxonomy fed by `source`, if the site has one.
    fn page_of(&self, source: &TermSource, name: &str) -> Option<&str> {
        self.term_named(source, name).map(|id| self.term_of(id).1)
    }

    /// A term named in a brief, linked when the site has pages for it.
    fn named_ref<'s>(&'s self, source: &TermSource, name: &'s str) -> TermRef<'s> {
        match self.term_named(source, name) {
            Some(id) => self.term_link(id),
            None => TermRef::Plain(NamedLink { name, url: None }),
        }
    }

    /// Brief `i`'s terms of taxonomy `x`.
    fn brief_terms(&self, i: usize, x: usize) -> Vec<TermRef<'_>> {
        self.archive.brief_terms[i][x]
            .iter()
            .map(|&term| self.term_link(TermId { taxonomy: x, term }))
            .collect()
    }

    fn terms_for<'s>(&'s self, i: usize, source: &TermSource, names: &'s [String]) -> Vec<TermRef<'s>> {
        match self.archive.taxonomy_index(source) {
            Some(x) => self.brief_terms(i, x),
            None => names.iter().map(|n| TermRef::Plain(NamedLink { name: n, url: None })).collect(),
        }
    }

    pub(super) fn summary(&self, i: usize) -> Summary<'_> {
        let a = self.archive;
        let b = &a.briefs[i];
        let path = a.brief_path(i);
        let terms = a
            .taxonomies
            .iter()
            .enumerate()
            .filter(|(_, tax)| tax.config.source != TermSource::Attendees)
            .map(|(x, tax)| (tax.config.name.as_str(), self.brief_terms(i, x)))
            .collect();
        let mut total = Total::default();
        for l in b.meta.budget.iter().filter(|l| l.counts()) {
            // A brief's own total is part of the site's, whose overflow already failed the build.
            let _ = total.add(l.amount);
        }
        Summary {
            title: &b.meta.title,
            slug: &b.slug,
            url: self.base.url(&path),
            permalink: self.base.absolute(&path),
            date: Self::date(&b.meta.date),
            summary: a.summary(i),
            draft: b.meta.draft,
            region: self.terms_for(i, &TermSource::Region, &b.meta.region),
            sector: self.terms_for(i, &TermSource::Sector, &b.meta.sector),
            agenda: self.terms_for(i, &TermSource::Agenda, &b.meta.agenda),
            terms,
            budget_total: self.total_view(&total),
            attendee_count: b.meta.attendees.len(),
        }
    }

    /// Line `l` of brief `i`; with the brief it comes from when shown away from its page.
    fn budget_line<'s>(&'s self, i: usize, l: &'s Line, with_brief: bool) -> BudgetLine<'s> {
        let b = &self.archive.briefs[i];
        BudgetLine {
            item: &l.item,
            amount: self.amount_view(l.amount),
            region: l.region.as_deref().map(|n| self.named_ref(&TermSource::Region, n)),
            sector: l.sector.as_deref().map(|n| self.named_ref(&TermSource::Sector, n)),
            part_of: l.part_of.as_deref(),
            brief: with_brief.then(|| LineBrief {
                title: &b.meta.title,
                url: self.base.url(&self.archive.brief_path(i)),
                date: Self::date(&b.meta.date),
            }),
        }
    }

    /// Renders what lists show of brief `i` (its card, its timeline row, its budget rows) once.
    pub(super) fn prerender(&self, i: usize) -> Prerendered {
        let a = self.archive;
        let b = &a.briefs[i];
        let currency = a.config.currency.as_str();
        let context = context_of(&CardContext { b: self.summary(i), currency });
        let render = |name: &str, context: &Context| {
            // Kept for the whole render, so copied out of Tera's output buffer, which starts
            // much larger than a card or a row.
            self.tera
                .render(name, context)
                // Held as a shared string of exactly its length.
                .map(|html| tera::Value::safe_string(&html))
                .map_err(|e| vec![template_error(self.theme, &e, None)])
        };
        let card = render("partials/brief_item.html", &context)?;
        let row = render("partials/brief_row.html", &context)?;
        let mut rows = Vec::with_capacity(b.meta.budget.len());
        for l in &b.meta.budget {
            let context = context_of(&RowContext { line: self.budget_line(i, l, true), currency });
            rows.push(render("partials/budget_row.html", &context)?);
        }
        let date = b.meta.date.view();
        let (title, url) =
            (tera::Value::from(b.meta.title.as_str()), tera::Value::from(self.base.url(&a.brief_path(i))));
        let (iso, display) = (tera::Value::from(date.iso), tera::Value::from(date.display));
        let entry = |html: &tera::Value| {
            tera::Value::from_serializable(&BriefItem {
                title: &title,
                url: &url,
                iso: &iso,
                display: &display,
                html,
            })
        };
        let item = Item { card: entry(&card), row: entry(&row) };
        Ok((item, rows))
    }

    /// List entries for briefs: the card, or the compact row when `rows`.
    fn items_of(&self, ids: impl IntoIterator<Item = BriefId>, rows: bool) -> Vec<&tera::Value> {
        ids.into_iter().map(|BriefId(i)| self.item(i, rows)).collect()
    }

    /// Brief `i`'s BriefItem, as a card or as a row.
    fn item(&self, i: usize, row: bool) -> &tera::Value {
        let it = &self.items[i];
        if row {
            &it.row
        } else {
            &it.card
        }
    }

    /// Budget line entries with their rendered table rows.
    fn lines_of(&self, refs: &[LineRef]) -> Vec<BudgetRow<'_>> {
        refs.iter()
            .map(|r| {
                let l = &self.archive.briefs[r.brief().0].meta.budget[r.line()];
                BudgetRow {
                    item: &l.item,
                    html: &self.line_rows[r.brief().0][r.line()],
                    region: l.region.is_some().then_some(true),
                    sector: l.sector.is_some().then_some(true),
                }
            })
            .collect()
    }

    /// Brief `i`'s body (or `body`, starting on file line `body_line`) as HTML; a broken link
    /// is an error located in the brief's file.
    fn body_html(&self, i: usize, body: Option<(&str, usize)>) -> Result<Rendered, Vec<Diagnostic>> {
        let a = self.archive;
        let b = &a.briefs[i];
        let held;
        let (body, body_line) = match body {
            Some(given) => given,
            None => {
                held = a.body(i).map_err(|d| vec![d])?;
                (&*held, b.body_line)
            }
        };
        let links = Links {
            briefs: &a.link_map,
            base: &self.base,
            files: &b.files,
            unsafe_html: a.config.markdown.unsafe_html,
        };
        let mut problems = Vec::new();
        let rendered = markdown::render(body, &b.content_path, &links, &self.highlighter, &mut problems);
        if problems.is_empty() {
            return Ok(rendered);
        }
        Err(problems
            .into_iter()
            .map(|p| {
                let d = Diagnostic::error(&b.path, body_line + p.body_line, p.column, p.message);
                match p.hint {
                    Some(h) => d.with_hint(h),
                    None => d,
                }
            })
            .collect())
    }

    pub(super) fn brief_page(
        &self,
        i: usize,
        body: Option<(&str, usize)>,
    ) -> Result<BriefPage<'_>, Vec<Diagnostic>> {
        let a = self.archive;
        let neighbour = |j: Option<usize>| j.filter(|&j| j < a.briefs.len()).map(|j| self.item(j, false));
        Ok(BriefPage {
            brief: self.brief_view(i, self.body_html(i, body)?),
            previous: neighbour(i.checked_add(1)),
            next: neighbour(i.checked_sub(1)),
            related: self.items_of(a.related[i].iter().copied(), false),
        })
    }

    /// `brief`: built again rather than kept from the list pass, since holding 10,000
    /// summaries costs more memory than rebuilding one per page costs time.
    fn brief_view(&self, i: usize, rendered: Rendered) -> BriefView<'_> {
        let a = self.archive;
        let b = &a.briefs[i];
        let attendees = b.meta.attendees.iter().map(|p| AttendeeView {
            name: &p.name,
            role: &p.role,
            org: &p.org,
            url: self.page_of(&TermSource::Attendees, &p.name),
        });
        let source = b.meta.source.as_ref().map(|s| SourceView {
            publisher: &s.publisher,
            author: &s.author,
            url: &s.url,
            published: s.published.as_ref().map(Self::date),
        });
        // The brief's terms grouped by taxonomy, in menu order, empty lists left out: the page
        // template loops over this once instead of looking every taxonomy up by name.
        let facets = a
            .taxonomies
            .iter()
            .enumerate()
            .filter(|(x, tax)| tax.config.source != TermSource::Attendees && !a.brief_terms[i][*x].is_empty())
            .map(|(x, _)| Facet { taxonomy: self.taxonomy_link(x), terms: self.brief_terms(i, x) });
        BriefView {
            summary: self.summary(i),
            content: rendered.html,
            toc: rendered.toc,
            has_code: rendered.has_code,
            budget: b.meta.budget.iter().map(|l| self.budget_line(i, l, false)).collect(),
            budget_chart: self.brief_chart(i),
            attendees: attendees.collect(),
            source,
            facets: facets.collect(),
            extra: &b.meta.extra,
            review: &b.meta.review,
        }
    }

    fn year_link(&self, year: i32, count: usize) -> YearLink {
        YearLink { year, count, url: self.base.url(&format!("timeline/{year}/")) }
    }

    pub(super) fn home(&self) -> HomePage<'_> {
        let a = self.archive;
        let people =
            a.taxonomy_index(&TermSource::Attendees).map(|x| a.taxonomies[x].terms.len()).unwrap_or(0);
        let overview = a
            .taxonomies
            .iter()
            .enumerate()
            .filter(|(_, t)| t.config.source != TermSource::Attendees)
            .map(|(x, tax)| {
                let mut top: Vec<usize> = (0..tax.terms.len()).collect();
                top.sort_by(|&p, &q| {
                    tax.terms[q].briefs.len().cmp(&tax.terms[p].briefs.len()).then(p.cmp(&q))
                });
                let terms =
                    top.into_iter().take(12).map(|term| self.counted(TermId { taxonomy: x, term })).collect();
                Overview { taxonomy: self.taxonomy_link(x), count: tax.terms.len(), terms }
            })
            .collect();
        HomePage {
            latest: self.items_of((0..a.briefs.len().min(a.config.home.latest)).map(BriefId), false),
            counts: Counts { briefs: a.briefs.len(), people, budget_lines: a.budget.all.lines.len() },
            overview,
            budget_total: self.total_view(&a.budget.all.total),
            years: a.timeline.iter().map(|y| self.year_link(y.year, y.count)).collect(),
        }
    }

    /// A term with its page and its number of briefs.
    fn counted(&self, id: TermId) -> CountedLink<'_> {
        let (term, url) = self.term_of(id);
        CountedLink { name: &term.name, url, count: term.briefs.len() }
    }

    /// `/timeline/`: every year with its months and counts, linking to the year's pages.
    pub(super) fn timeline(&self) -> TimelinePage {
        let a = self.archive;
        let years = a
            .timeline
            .iter()
            .map(|y| TimelineYear {
                year: self.year_link(y.year, y.count),
                months: y
                    .months
                    .iter()
                    .map(|m| MonthCount {
                        month: m.month,
                        label: format!("{}월", m.month),
                        count: m.briefs.len(),
                    })
                    .collect(),
            })
            .collect();
        TimelinePage { timeline: TimelineView { count: a.briefs.len(), years } }
    }

    /// Page `n` of year `y` of the timeline: its briefs, grouped by month.
    pub(super) fn timeline_year(&self, y: usize, n: usize) -> TimelineYearPage<'_> {
        let a = self.archive;
        let year = &a.timeline[y];
        let all: Vec<(u32, BriefId)> =
            year.months.iter().flat_map(|m| m.briefs.iter().map(move |&b| (m.month, b))).collect();
        let months = paginate::slice(&all, a.config.paginate_by, n)
            .chunk_by(|p, q| p.0 == q.0)
            .map(|chunk| {
                let month = chunk[0].0;
                MonthView {
                    month: MonthCount { month, label: format!("{month}월"), count: chunk.len() },
                    anchor: format!("y{}-{:02}", year.year, month),
                    briefs: self.items_of(chunk.iter().map(|p| p.1), true),
                }
            })
            .collect();
        let first = format!("timeline/{}/", year.year);
        TimelineYearPage {
            year: YearView {
                year: self.year_link(year.year, year.count),
                timeline_url: self.base.url("timeline/"),
                months,
            },
            paginator: self.paginator(&first, year.count, n),
        }
    }

    /// The `paginator` of page `n` of a list of `items` whose first page is at `first`.
    fn paginator(&self, first: &str, items: usize, n: usize) -> paginate::Paginator {
        paginate::Paginator::new(&self.base, first, items, self.archive.config.paginate_by, n)
    }

    fn term_feed_url(&self, id: TermId) -> Option<String> {
        let c = &self.archive.config;
        (c.feed.enabled && c.feed.per_term)
            .then(|| self.base.url(&format!("{}atom.xml", self.term_of(id).0.path)))
    }

    pub(super) fn taxonomy_list(&self, x: usize) -> TaxonomyListPage<'_> {
        let a = self.archive;
        let tax = &a.taxonomies[x];
        let people = (tax.config.source == TermSource::Attendees).then(|| {
            (0..tax.terms.len())
                .map(|t| PersonEntry {
                    counted: self.counted(TermId { taxonomy: x, term: t }),
                    roles: tax.roles[t].iter().map(|r| RoleName { role: &r.role, org: &r.org }).collect(),
                })
                .collect()
        });
        let terms = tax
            .terms
            .iter()
            .enumerate()
            .map(|(t, term)| TermEntry {
                counted: self.counted(TermId { taxonomy: x, term: t }),
                slug: &term.slug,
                total_count: term.briefs.len() + term.descendant_briefs.len(),
                english: &term.info.english,
                parent: term.parent.map(|p| tax.terms[p].name.as_str()),
                children: term.children.iter().map(|&c| tax.terms[c].name.as_str()).collect(),
                budget_total: self.total_view(&a.budget.by_term[x][t].total),
                feed_url: self.term_feed_url(TermId { taxonomy: x, term: t }),
            })
            .collect();
        TaxonomyListPage { people, taxonomy: TaxonomyView { taxonomy: self.taxonomy_link(x), terms } }
    }

    /// Page `n` of a term: its briefs on that page; the budget table and the briefs of its
    /// children on the first page only.
    pub(super) fn term(&self, id: TermId, n: usize) -> TermPage<'_> {
        let a = self.archive;
        let tax = &a.taxonomies[id.taxonomy];
        let term = self.term_of(id).0;
        let briefs =
            self.items_of(paginate::slice(&term.briefs, a.config.paginate_by, n).iter().copied(), true);
        let (person, term_view) = if tax.config.source == TermSource::Attendees {
            (Some(self.person_view(id, briefs)), None)
        } else {
            (None, Some(self.term_view(id, n, briefs)))
        };
        TermPage {
            taxonomy: self.taxonomy_link(id.taxonomy),
            paginator: self.paginator(&term.path, term.briefs.len(), n),
            person,
            term: term_view,
        }
    }

    fn person_view<'s>(&'s self, id: TermId, briefs: Vec<&'s tera::Value>) -> PersonView<'s> {
        let roles = self.archive.taxonomies[id.taxonomy].roles[id.term].iter().map(|r| RoleSpan {
            name: RoleName { role: &r.role, org: &r.org },
            first: Self::date(&r.first),
            last: Self::date(&r.last),
            count: r.count,
        });
        PersonView { counted: self.counted(id), roles: roles.collect(), briefs }
    }

    fn term_view<'s>(&'s self, id: TermId, n: usize, briefs: Vec<&'s tera::Value>) -> TermView<'s> {
        let a = self.archive;
        let term = self.term_of(id).0;
        let group = &a.budget.by_term[id.taxonomy][id.term];
        let first = n == 1;
        TermView {
            counted: self.counted(id),
            feed_url: self.term_feed_url(id),
            budget_total: self.total_view(&group.total),
            briefs,
            budget_lines: if first {
                self.lines_of(paginate::slice(&group.lines, a.config.paginate_by, 1))
            } else {
                Vec::new()
            },
            budget_line_count: group.lines.len(),
            english: &term.info.english,
            description: &term.info.description,
            link: &term.info.link,
            parent: term.parent.map(|p| self.term_link(TermId { term: p, ..id })),
            children: term.children.iter().map(|&c| self.term_link(TermId { term: c, ..id })).collect(),
            descendant_briefs: if first { self.descendant_items(id) } else { Vec::new() },
            descendant_count: term.descendant_briefs.len(),
            budget_trend: if first { self.term_trend(&term.name, group) } else { None },
        }
    }

    /// The newest `paginate_by` briefs of a term's descendants, each with `via`: the descendant
    /// terms it carries.
    fn descendant_items(&self, id: TermId) -> Vec<ViaItem<'_>> {
        let (a, x, t) = (self.archive, id.taxonomy, id.term);
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
        // The newest only: 영남권's page would otherwise list every brief of every 시·도 in it.
        // Each child's own (paginated) page lists the rest.
        tax.terms[t]
            .descendant_briefs
            .iter()
            .take(a.config.paginate_by)
            .map(|&BriefId(b)| ViaItem {
                item: self.item(b, true),
                via: a.brief_terms[b][x]
                    .iter()
                    .filter(|&&c| under(c))
                    .map(|&c| self.term_link(TermId { term: c, ..id }))
                    .collect(),
            })
            .collect()
    }

    pub(super) fn budget(&self) -> BudgetPage<'_> {
        let a = self.archive;
        let by_year = a
            .budget
            .by_year
            .iter()
            .map(|(y, g)| BudgetYearLink {
                year: *y,
                total: self.total_view(&g.total),
                count: g.total.count,
                url: self.base.url(&format!("budget/{y}/")),
            })
            .collect();
        let by_source = |source: TermSource| -> Vec<BudgetTerm<'_>> {
            let Some(x) = a.taxonomy_index(&source) else {
                return Vec::new();
            };
            (0..a.taxonomies[x].terms.len())
                .filter(|&t| a.budget.by_term[x][t].total.count > 0)
                .map(|t| {
                    let total = &a.budget.by_term[x][t].total;
                    let link = self.counted(TermId { taxonomy: x, term: t });
                    BudgetTerm {
                        name: link.name,
                        url: link.url,
                        total: self.total_view(total),
                        count: total.count,
                    }
                })
                .collect()
        };
        let extras = self.budget_extras();
        BudgetPage {
            budget: BudgetView {
                total: self.total_view(&a.budget.all.total),
                line_count: a.budget.all.lines.len(),
                by_year,
                by_region: by_source(TermSource::Region),
                by_sector: by_source(TermSource::Sector),
                extras,
            },
        }
    }

    /// Page `n` of the budget lines of year `y`.
    pub(super) fn budget_year(&self, y: usize, n: usize) -> BudgetYearPage<'_> {
        let a = self.archive;
        let (year, group) = &a.budget.by_year[y];
        BudgetYearPage {
            year: BudgetYearView {
                year: *year,
                total: self.total_view(&group.total),
                count: group.total.count,
                lines: self.lines_of(paginate::slice(&group.lines, a.config.paginate_by, n)),
            },
            paginator: self.paginator(&format!("budget/{year}/"), group.lines.len(), n),
        }
    }

    /// A feed of briefs `ids` at `feed_path`, for the page at `page_path`; with whole bodies
    /// when `full` (an error if one cannot be read again).
    pub(super) fn feed<'s>(
        &'s self,
        title: &'s str,
        feed_path: &str,
        page_path: &str,
        ids: &[BriefId],
        full: bool,
    ) -> Result<FeedPage<'s>, Vec<Diagnostic>> {
        let a = self.archive;
        let links = Links {
            briefs: &a.link_map,
            base: &self.base,
            files: &[],
            unsafe_html: a.config.markdown.unsafe_html,
        };
        let entries = ids
            .iter()
            .map(|&BriefId(i)| {
                let b = &a.briefs[i];
                let content = if full {
                    let links = Links { files: &b.files, ..links };
                    let mut ignored = Vec::new();
                    let body = a.body(i).map_err(|d| vec![d])?;
                    markdown::render(&body, &b.content_path, &links, &self.highlighter, &mut ignored).html
                } else {
                    String::new()
                };
                Ok(FeedEntry {
                    title: &b.meta.title,
                    permalink: self.base.absolute(&a.brief_path(i)),
                    updated: b.meta.date.rfc3339(),
                    summary: a.summary(i),
                    content,
                })
            })
            .collect::<Result<_, Vec<Diagnostic>>>()?;
        let updated = ids
            .first()
            .map(|b| a.briefs[b.0].meta.date.rfc3339())
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
        let feed = FeedView {
            title,
            id: self.base.absolute(feed_path),
            url: self.base.absolute(feed_path),
            alternate: self.base.absolute(page_path),
            updated,
            entries,
        };
        Ok(FeedPage { feed })
    }

    /// The search page: where the index is, and the filters it offers.
    pub(super) fn search(&self) -> SearchPage {
        SearchPage {
            search: SearchView {
                index_url: self.base.url(crate::build::search::DIR),
                script_url: self.base.url("search.js"),
                filters: crate::build::search::filters(self.archive),
            },
        }
    }

    pub(super) fn robots(&self) -> RobotsPage {
        RobotsPage { sitemap_url: self.base.absolute("sitemap.xml") }
    }

    /// How many URLs the sitemap lists (the order and count of [`Renderer::sitemap_entries`]).
    pub(super) fn sitemap_len(&self) -> usize {
        let a = self.archive;
        let terms: usize = a.taxonomies.iter().map(|t| 1 + t.terms.len()).sum();
        3 + a.budget.by_year.len() + a.timeline.len() + a.briefs.len() + terms
    }

    /// Every URL of the sitemap, with its last change when one is known. Paginated pages after
    /// the first are left out: each is reached from the first.
    fn sitemap_entries(&self) -> Vec<SitemapEntry> {
        let a = self.archive;
        let newest =
            |ids: &[BriefId]| ids.first().map(|&b| a.briefs[b.0].meta.date.iso_date()).unwrap_or_default();
        let entry = |path: &str, lastmod: String| SitemapEntry { loc: self.base.absolute(path), lastmod };
        let all: Vec<BriefId> = (0..a.briefs.len().min(1)).map(BriefId).collect();
        let mut entries =
            vec![entry("", newest(&all)), entry("timeline/", newest(&all)), entry("budget/", String::new())];
        for y in &a.timeline {
            let first: Vec<BriefId> =
                y.months.first().and_then(|m| m.briefs.first().copied()).into_iter().collect();
            entries.push(entry(&format!("timeline/{}/", y.year), newest(&first)));
        }
        for (year, group) in &a.budget.by_year {
            let lastmod =
                group.lines.first().map(|l| a.briefs[l.brief().0].meta.date.iso_date()).unwrap_or_default();
            entries.push(entry(&format!("budget/{year}/"), lastmod));
        }
        for i in 0..a.briefs.len() {
            entries.push(entry(&a.brief_path(i), a.briefs[i].meta.date.iso_date()));
        }
        for tax in &a.taxonomies {
            entries.push(entry(&format!("{}/", tax.config.path), String::new()));
            for term in &tax.terms {
                entries.push(entry(&term.path, newest(&term.briefs)));
            }
        }
        debug_assert_eq!(entries.len(), self.sitemap_len());
        entries
    }

    /// `sitemap.xml` (`part: None`), or part `n` of a sitemap split into files of at most
    /// [`SITEMAP_URLS`].
    pub(super) fn sitemap(&self, part: Option<usize>) -> SitemapPage {
        let entries = self.sitemap_entries();
        let entries = match part {
            Some(n) => paginate::slice(&entries, SITEMAP_URLS, n).to_vec(),
            None => entries,
        };
        SitemapPage { entries }
    }

    /// `sitemap.xml` as an index of the parts, for a site with more than [`SITEMAP_URLS`] URLs.
    pub(super) fn sitemap_index(&self) -> SitemapIndexPage {
        let parts = paginate::page_count(self.sitemap_len(), SITEMAP_URLS);
        let newest = self.archive.briefs.first().map(|b| b.meta.date.iso_date()).unwrap_or_default();
        let sitemaps = (1..=parts)
            .map(|n| SitemapEntry {
                loc: self.base.absolute(&format!("sitemap-{n}.xml")),
                lastmod: newest.clone(),
            })
            .collect();
        SitemapIndexPage { sitemaps }
    }
}
