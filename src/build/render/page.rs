//! The pages of a site: what they are ([`Page`]), which exist ([`Renderer::pages`]), and the one
//! table ([`Renderer::route`]) that gives each its template, kind, title and path.

use super::{context::SITEMAP_URLS, paginate, Renderer};
use crate::build::config::TermSource;

pub use crate::build::model::{BriefId, TaxonomyId, TermId};

/// One page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// `/`.
    Home,
    /// `/briefs/<slug>/`.
    Brief(BriefId),
    /// `/timeline/`: the years, each linking to its own pages.
    Timeline,
    /// `/timeline/<year>/` and `/timeline/<year>/page/<n>/`.
    TimelineYear {
        /// Index into the timeline's years.
        year: usize,
        /// Page number, from 1.
        page: usize,
    },
    /// `/<taxonomy>/`.
    TaxonomyList(TaxonomyId),
    /// `/<taxonomy>/<term>/`: the first page of a term.
    Term(TermId),
    /// `/<taxonomy>/<term>/page/<n>/`: a later page of a term's briefs.
    TermPage {
        /// The term.
        term: TermId,
        /// Page number, from 2.
        page: usize,
    },
    /// `/budget/`.
    Budget,
    /// `/budget/<year>/` and `/budget/<year>/page/<n>/`: that year's lines.
    BudgetYear {
        /// Index into the budget's years.
        year: usize,
        /// Page number, from 1.
        page: usize,
    },
    /// `/404.html`.
    NotFound,
    /// `/atom.xml`.
    SiteFeed,
    /// `/<taxonomy>/<term>/atom.xml`.
    TermFeed(TermId),
    /// `/sitemap.xml`: every URL, or, past the protocol's 50,000, an index of the parts.
    Sitemap,
    /// `/sitemap-<n>.xml` (from 1): part `n` of a sitemap too large for one file.
    SitemapPart(usize),
    /// `/robots.txt`.
    Robots,
    /// `/search/`, when search is on.
    Search,
}

/// Where a page goes and what renders it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The template (`taxonomy_term.html`).
    pub template: &'static str,
    /// `page.kind` (`taxonomy_term`).
    pub kind: &'static str,
    /// `page.title`: what the page is about, without the site title.
    pub title: String,
    /// The site path (`regions/서울/page/2/`; empty for the home page).
    pub path: String,
}

impl Renderer<'_> {
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
        for (year, y) in a.timeline.iter().enumerate() {
            pages.extend(
                (1..=paginate::page_count(y.count, per)).map(|page| Page::TimelineYear { year, page }),
            );
        }
        let parts = paginate::page_count(self.sitemap_len(), SITEMAP_URLS);
        if parts > 1 {
            pages.extend((1..=parts).map(Page::SitemapPart));
        }
        for (year, (_, group)) in a.budget.by_year.iter().enumerate() {
            let count = paginate::page_count(group.lines.len(), per);
            pages.extend((1..=count).map(|page| Page::BudgetYear { year, page }));
        }
        pages.extend((0..a.briefs.len()).map(|i| Page::Brief(BriefId(i))));
        for (x, tax) in a.taxonomies.iter().enumerate() {
            pages.push(Page::TaxonomyList(TaxonomyId(x)));
            for t in 0..tax.terms.len() {
                let term = TermId { taxonomy: x, term: t };
                pages.push(Page::Term(term));
                let count = paginate::page_count(tax.terms[t].briefs.len(), per);
                pages.extend((2..=count).map(|page| Page::TermPage { term, page }));
                if a.config.feed.enabled && a.config.feed.per_term {
                    pages.push(Page::TermFeed(term));
                }
            }
        }
        pages
    }

    /// The one table of pages: template, kind, title and site path of `page`.
    pub fn route(&self, page: Page) -> Route {
        let a = self.archive;
        let people = |x: usize| a.taxonomies[x].config.source == TermSource::Attendees;
        let term = |id: TermId| &a.taxonomies[id.taxonomy].terms[id.term];
        let r =
            |template, kind, title: &str, path: String| Route { template, kind, title: title.into(), path };
        match page {
            Page::Home => r("index.html", "home", &a.config.title, String::new()),
            Page::Brief(BriefId(i)) => r("brief.html", "brief", &a.briefs[i].meta.title, a.brief_path(i)),
            Page::Timeline => r("timeline.html", "timeline", "타임라인", "timeline/".into()),
            Page::TimelineYear { year, page } => {
                let y = a.timeline[year].year;
                let path = paginate::page_path(&format!("timeline/{y}/"), page);
                r("timeline_year.html", "timeline_year", &format!("{y}년 타임라인"), path)
            }
            Page::TaxonomyList(TaxonomyId(x)) => {
                let tax = &a.taxonomies[x].config;
                let (template, kind) = if people(x) {
                    ("people.html", "people")
                } else {
                    ("taxonomy_list.html", "taxonomy_list")
                };
                r(template, kind, &tax.title, format!("{}/", tax.path))
            }
            Page::Term(id) | Page::TermPage { term: id, .. } => {
                let n = if let Page::TermPage { page, .. } = page { page } else { 1 };
                let (template, kind) = if people(id.taxonomy) {
                    ("person.html", "person")
                } else {
                    ("taxonomy_term.html", "taxonomy_term")
                };
                r(template, kind, &term(id).name, paginate::page_path(&term(id).path, n))
            }
            Page::Budget => r("budget.html", "budget", "예산", "budget/".into()),
            Page::BudgetYear { year, page } => {
                let y = a.budget.by_year[year].0;
                let path = paginate::page_path(&format!("budget/{y}/"), page);
                r("budget_year.html", "budget_year", &format!("{y}년 예산"), path)
            }
            Page::NotFound => r("404.html", "404", "페이지를 찾을 수 없습니다", "404.html".into()),
            Page::SiteFeed => r("atom.xml", "feed", &a.config.title, "atom.xml".into()),
            Page::TermFeed(id) => {
                let title = format!(
                    "{} — {}: {}",
                    a.config.title,
                    a.taxonomies[id.taxonomy].config.title,
                    term(id).name
                );
                r("atom.xml", "feed", &title, format!("{}atom.xml", term(id).path))
            }
            Page::Sitemap if self.sitemap_len() > SITEMAP_URLS => {
                r("sitemap_index.xml", "sitemap_index", "sitemap", "sitemap.xml".into())
            }
            Page::Sitemap => r("sitemap.xml", "sitemap", "sitemap", "sitemap.xml".into()),
            Page::SitemapPart(n) => r("sitemap.xml", "sitemap", "sitemap", format!("sitemap-{n}.xml")),
            Page::Robots => r("robots.txt", "robots", "robots", "robots.txt".into()),
            Page::Search => r("search.html", "search", "검색", "search/".into()),
        }
    }

    /// The template a page is rendered with.
    pub fn template_of(&self, page: Page) -> &'static str {
        self.route(page).template
    }

    /// The file a page is written to (`briefs/a/index.html`).
    pub fn file_of(&self, page: Page) -> String {
        crate::build::output::file_for(&self.route(page).path)
    }
}
