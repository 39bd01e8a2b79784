//! What templates get, as types: one struct per page kind and per shape that appears in many
//! places (the names of docs/templates.md: Summary, BriefItem, BudgetLine, BudgetRow, TermRef).
//! Every view borrows from the model and the renderer; the field names are the template keys,
//! so renaming a field here renames a variable of every theme. [`super::context`] builds them.

use super::paginate::Paginator;
use crate::brief::dates::DateView;
use crate::brief::money::AmountView;
use crate::build::markdown::TocEntry;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// What every page template gets around its own variables (`site` and `generator`, the same
/// on every page, are in the renderer's global context instead of copied into each page's).
#[derive(Serialize)]
pub(super) struct PageContext<'a, V: Serialize> {
    /// The page kind's own variables, at the top level.
    #[serde(flatten)]
    pub vars: V,
    pub page: PageView<'a>,
}

/// `page`: what the current page is.
#[derive(Serialize)]
pub(super) struct PageView<'a> {
    pub kind: &'static str,
    pub title: &'a str,
    pub url: String,
    pub permalink: String,
}

/// `site`: the same on every page, built once per renderer.
#[derive(Serialize)]
pub(super) struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub language: &'a str,
    pub base_url: String,
    pub base_path: &'a str,
    pub timezone: &'a str,
    pub currency: &'a str,
    pub extra: &'a Value,
    pub nav: Vec<NavLink<'a>>,
    pub home_url: String,
    pub timeline_url: String,
    pub budget_url: String,
    pub search_url: Option<String>,
    pub feed_url: Option<String>,
    pub unsafe_html: bool,
}

/// One taxonomy in `site.nav`, `brief.facets` and the taxonomy of term pages.
#[derive(Serialize)]
pub(super) struct NavLink<'a> {
    pub name: &'a str,
    pub title: &'a str,
    pub url: String,
}

/// TermRef: a link to a term, `{name, url}`; `url` is null when the site has no page for it.
#[derive(Serialize, Clone, Copy)]
#[serde(untagged)]
pub(super) enum TermRef<'a> {
    /// A term with a page, as the renderer made it once: every page naming the term shares it.
    Linked(&'a tera::Value),
    /// A name with no page.
    Plain(NamedLink<'a>),
}

/// A name and the page it links to, if any: how a TermRef prints.
#[derive(Serialize, Clone, Copy)]
pub(super) struct NamedLink<'a> {
    pub name: &'a str,
    pub url: Option<&'a str>,
}

/// Summary: everything about a brief but its body (`b` in the list partials).
#[derive(Serialize)]
pub(super) struct Summary<'a> {
    pub title: &'a str,
    pub slug: &'a str,
    pub url: String,
    pub permalink: String,
    pub date: DateView,
    pub summary: &'a str,
    pub draft: bool,
    pub region: Vec<TermRef<'a>>,
    pub sector: Vec<TermRef<'a>>,
    pub agenda: Vec<TermRef<'a>>,
    pub terms: BTreeMap<&'a str, Vec<TermRef<'a>>>,
    pub budget_total: Option<AmountView>,
    pub attendee_count: usize,
}

/// `brief` on `brief.html`: a Summary with the body and the rest of the front matter.
#[derive(Serialize)]
pub(super) struct BriefView<'a> {
    #[serde(flatten)]
    pub summary: Summary<'a>,
    pub content: String,
    pub toc: Vec<TocEntry>,
    pub has_code: bool,
    pub budget: Vec<BudgetLine<'a>>,
    /// The chart's SVG, or null (built in `budget.rs`).
    pub budget_chart: Option<String>,
    pub attendees: Vec<AttendeeView<'a>>,
    pub source: Option<SourceView<'a>>,
    pub facets: Vec<Facet<'a>>,
    pub extra: &'a Value,
    pub review: &'a [String],
}

/// The variables of `brief.html`.
#[derive(Serialize)]
pub(super) struct BriefPage<'a> {
    pub brief: BriefView<'a>,
    pub previous: Option<&'a tera::Value>,
    pub next: Option<&'a tera::Value>,
    pub related: Vec<&'a tera::Value>,
}

/// An attendee of a brief, linked to their person page when there is one.
#[derive(Serialize)]
pub(super) struct AttendeeView<'a> {
    pub name: &'a str,
    pub role: &'a str,
    pub org: &'a str,
    pub url: Option<&'a str>,
}

/// Where a brief comes from.
#[derive(Serialize)]
pub(super) struct SourceView<'a> {
    pub publisher: &'a str,
    pub author: &'a str,
    pub url: &'a str,
    pub published: Option<DateView>,
}

/// A brief's terms of one taxonomy.
#[derive(Serialize)]
pub(super) struct Facet<'a> {
    #[serde(flatten)]
    pub taxonomy: NavLink<'a>,
    pub terms: Vec<TermRef<'a>>,
}

/// BudgetLine: one budget line; `brief` only where the line is shown away from its brief
/// (`partials/budget_row.html`), left out on its own brief's page.
#[derive(Serialize)]
pub(super) struct BudgetLine<'a> {
    pub item: &'a str,
    pub amount: AmountView,
    pub region: Option<TermRef<'a>>,
    pub sector: Option<TermRef<'a>>,
    pub part_of: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brief: Option<LineBrief<'a>>,
}

/// The brief a budget line comes from.
#[derive(Serialize)]
pub(super) struct LineBrief<'a> {
    pub title: &'a str,
    pub url: String,
    pub date: DateView,
}

/// What `partials/brief_item.html` and `partials/brief_row.html` get.
#[derive(Serialize)]
pub(super) struct CardContext<'a> {
    pub b: Summary<'a>,
    pub currency: &'a str,
}

/// What `partials/budget_row.html` gets.
#[derive(Serialize)]
pub(super) struct RowContext<'a> {
    pub line: BudgetLine<'a>,
    pub currency: &'a str,
}

/// BriefItem: a brief as list pages get it, its entry already rendered. Made once per brief
/// and form (the renderer's `Item`); pages hold the made value.
#[derive(Serialize, Clone, Copy)]
pub(super) struct BriefItem<'a> {
    pub title: &'a tera::Value,
    pub url: &'a tera::Value,
    pub iso: &'a tera::Value,
    pub display: &'a tera::Value,
    pub html: &'a tera::Value,
}

/// A BriefItem of `descendant_briefs`, with the terms below the page's term it carries.
#[derive(Serialize)]
pub(super) struct ViaItem<'a> {
    #[serde(flatten)]
    pub item: &'a tera::Value,
    pub via: Vec<TermRef<'a>>,
}

/// BudgetRow: a budget line as list pages get it, its table row already rendered.
#[derive(Serialize)]
pub(super) struct BudgetRow<'a> {
    pub item: &'a str,
    pub html: &'a tera::Value,
    /// `true` when the line names its own region (null otherwise): a table drops a column that
    /// no line fills.
    pub region: Option<bool>,
    /// The same for the sector.
    pub sector: Option<bool>,
}

/// A term or year with its address and how many briefs it has.
#[derive(Serialize)]
pub(super) struct CountedLink<'a> {
    pub name: &'a str,
    pub url: &'a str,
    pub count: usize,
}

/// The variables of `index.html`.
#[derive(Serialize)]
pub(super) struct HomePage<'a> {
    pub latest: Vec<&'a tera::Value>,
    pub counts: Counts,
    pub overview: Vec<Overview<'a>>,
    pub budget_total: Option<AmountView>,
    pub years: Vec<YearLink>,
}

/// The home page's `counts`.
#[derive(Serialize)]
pub(super) struct Counts {
    pub briefs: usize,
    pub people: usize,
    pub budget_lines: usize,
}

/// One taxonomy on the home page, with its most used terms.
#[derive(Serialize)]
pub(super) struct Overview<'a> {
    #[serde(flatten)]
    pub taxonomy: NavLink<'a>,
    pub count: usize,
    pub terms: Vec<CountedLink<'a>>,
}

/// A timeline year: `{year, count, url}`.
#[derive(Serialize)]
pub(super) struct YearLink {
    pub year: i32,
    pub count: usize,
    pub url: String,
}

/// The variables of `timeline.html`.
#[derive(Serialize)]
pub(super) struct TimelinePage {
    pub timeline: TimelineView,
}

/// `timeline`: every year with its months.
#[derive(Serialize)]
pub(super) struct TimelineView {
    pub count: usize,
    pub years: Vec<TimelineYear>,
}

/// A year of `timeline.years`.
#[derive(Serialize)]
pub(super) struct TimelineYear {
    #[serde(flatten)]
    pub year: YearLink,
    pub months: Vec<MonthCount>,
}

/// A month of a timeline year, with its count.
#[derive(Serialize)]
pub(super) struct MonthCount {
    pub month: u32,
    pub label: String,
    pub count: usize,
}

/// The variables of `timeline_year.html`.
#[derive(Serialize)]
pub(super) struct TimelineYearPage<'a> {
    pub year: YearView<'a>,
    pub paginator: Paginator,
}

/// `year` on `timeline_year.html`: this page's months and their briefs.
#[derive(Serialize)]
pub(super) struct YearView<'a> {
    #[serde(flatten)]
    pub year: YearLink,
    pub timeline_url: String,
    pub months: Vec<MonthView<'a>>,
}

/// A month on a timeline year page.
#[derive(Serialize)]
pub(super) struct MonthView<'a> {
    #[serde(flatten)]
    pub month: MonthCount,
    pub anchor: String,
    pub briefs: Vec<&'a tera::Value>,
}

/// The variables of `taxonomy_list.html` and `people.html`.
#[derive(Serialize)]
pub(super) struct TaxonomyListPage<'a> {
    /// People pages only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<PersonEntry<'a>>>,
    pub taxonomy: TaxonomyView<'a>,
}

/// `taxonomy` on a taxonomy list page: every term.
#[derive(Serialize)]
pub(super) struct TaxonomyView<'a> {
    #[serde(flatten)]
    pub taxonomy: NavLink<'a>,
    pub terms: Vec<TermEntry<'a>>,
}

/// A term on its taxonomy's list page.
#[derive(Serialize)]
pub(super) struct TermEntry<'a> {
    #[serde(flatten)]
    pub counted: CountedLink<'a>,
    pub slug: &'a str,
    pub total_count: usize,
    pub english: &'a str,
    pub parent: Option<&'a str>,
    pub children: Vec<&'a str>,
    pub budget_total: Option<AmountView>,
    pub feed_url: Option<String>,
}

/// A person on `people.html`.
#[derive(Serialize)]
pub(super) struct PersonEntry<'a> {
    #[serde(flatten)]
    pub counted: CountedLink<'a>,
    pub roles: Vec<RoleName<'a>>,
}

/// A role a person held: `{role, org}`.
#[derive(Serialize)]
pub(super) struct RoleName<'a> {
    pub role: &'a str,
    pub org: &'a str,
}

/// A role on `person.html`, with when and how often.
#[derive(Serialize)]
pub(super) struct RoleSpan<'a> {
    #[serde(flatten)]
    pub name: RoleName<'a>,
    pub first: DateView,
    pub last: DateView,
    pub count: usize,
}

/// The variables of `taxonomy_term.html` (`term`) and `person.html` (`person`).
#[derive(Serialize)]
pub(super) struct TermPage<'a> {
    pub taxonomy: NavLink<'a>,
    pub paginator: Paginator,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<TermView<'a>>,
}

/// `person` on `person.html`.
#[derive(Serialize)]
pub(super) struct PersonView<'a> {
    #[serde(flatten)]
    pub counted: CountedLink<'a>,
    pub roles: Vec<RoleSpan<'a>>,
    pub briefs: Vec<&'a tera::Value>,
}

/// `term` on `taxonomy_term.html`. The budget lines, the descendants' briefs and the trend are
/// on the first page only (empty or null on the others).
#[derive(Serialize)]
pub(super) struct TermView<'a> {
    #[serde(flatten)]
    pub counted: CountedLink<'a>,
    pub feed_url: Option<String>,
    pub budget_total: Option<AmountView>,
    pub briefs: Vec<&'a tera::Value>,
    pub budget_lines: Vec<BudgetRow<'a>>,
    pub budget_line_count: usize,
    pub english: &'a str,
    pub description: &'a str,
    pub link: &'a str,
    pub parent: Option<TermRef<'a>>,
    pub children: Vec<TermRef<'a>>,
    pub descendant_briefs: Vec<ViaItem<'a>>,
    pub descendant_count: usize,
    /// `{chart, years}` or null (built in `budget.rs`).
    pub budget_trend: Option<super::budget::YearTable<'a>>,
}

/// The variables of `budget.html`.
#[derive(Serialize)]
pub(super) struct BudgetPage<'a> {
    pub budget: BudgetView<'a>,
}

/// `budget` on `budget.html`.
#[derive(Serialize)]
pub(super) struct BudgetView<'a> {
    pub total: Option<AmountView>,
    pub line_count: usize,
    pub by_year: Vec<BudgetYearLink>,
    pub by_region: Vec<BudgetTerm<'a>>,
    pub by_sector: Vec<BudgetTerm<'a>>,
    /// `overview`, `nested_region`, `nested_sector` and `data` (built in `budget.rs`).
    #[serde(flatten)]
    pub extras: super::budget::BudgetExtras<'a>,
}

/// A year of the budget with its total.
#[derive(Serialize)]
pub(super) struct BudgetYearLink {
    pub year: i32,
    pub total: Option<AmountView>,
    pub count: usize,
    pub url: String,
}

/// A term's budget total.
#[derive(Serialize)]
pub(super) struct BudgetTerm<'a> {
    pub name: &'a str,
    pub url: &'a str,
    pub total: Option<AmountView>,
    pub count: usize,
}

/// The variables of `budget_year.html`.
#[derive(Serialize)]
pub(super) struct BudgetYearPage<'a> {
    pub year: BudgetYearView<'a>,
    pub paginator: Paginator,
}

/// `year` on `budget_year.html`: this page's lines.
#[derive(Serialize)]
pub(super) struct BudgetYearView<'a> {
    pub year: i32,
    pub total: Option<AmountView>,
    pub count: usize,
    pub lines: Vec<BudgetRow<'a>>,
}

/// The variables of `404.html`: none of its own.
#[derive(Serialize)]
pub(super) struct NotFoundPage {}

/// The variables of `search.html`.
#[derive(Serialize)]
pub(super) struct SearchPage {
    pub search: SearchView,
}

/// `search`: where the index is and the filters it offers.
#[derive(Serialize)]
pub(super) struct SearchView {
    pub index_url: String,
    pub script_url: String,
    pub filters: Value,
}

/// The variables of `atom.xml`.
#[derive(Serialize)]
pub(super) struct FeedPage<'a> {
    pub feed: FeedView<'a>,
}

/// `feed`: the feed and its entries.
#[derive(Serialize)]
pub(super) struct FeedView<'a> {
    pub title: &'a str,
    pub id: String,
    pub url: String,
    pub alternate: String,
    pub updated: String,
    pub entries: Vec<FeedEntry<'a>>,
}

/// One brief in a feed; `content` is empty unless the feed carries whole bodies.
#[derive(Serialize)]
pub(super) struct FeedEntry<'a> {
    pub title: &'a str,
    pub permalink: String,
    pub updated: String,
    pub summary: &'a str,
    pub content: String,
}

/// The variables of `sitemap.xml`.
#[derive(Serialize)]
pub(super) struct SitemapPage {
    pub entries: Vec<SitemapEntry>,
}

/// The variables of `sitemap_index.xml`.
#[derive(Serialize)]
pub(super) struct SitemapIndexPage {
    pub sitemaps: Vec<SitemapEntry>,
}

/// One URL of a sitemap (or one part of a sitemap index); `lastmod` may be empty.
#[derive(Serialize, Clone)]
pub(super) struct SitemapEntry {
    pub loc: String,
    pub lastmod: String,
}

/// The variables of `robots.txt`.
#[derive(Serialize)]
pub(super) struct RobotsPage {
    pub sitemap_url: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::money::Amount;

    fn line(brief: Option<LineBrief<'_>>) -> Value {
        let amount = AmountView::new(Amount::exact(577_000_000_000), "KRW");
        let sector = Some(TermRef::Plain(NamedLink { name: "AI", url: Some("/sectors/ai/") }));
        let view = BudgetLine { item: "AI 바우처", amount, region: None, sector, part_of: None, brief };
        serde_json::to_value(view).unwrap()
    }

    #[test]
    fn a_budget_line_names_its_brief_only_away_from_the_brief_page() {
        let on_page = line(None);
        assert!(on_page.get("brief").is_none(), "{on_page}");
        assert_eq!(on_page["region"], Value::Null);
        assert_eq!(on_page["sector"]["url"], "/sectors/ai/");
        assert_eq!(on_page["amount"]["display"], "5,770억 원");
        let date = DateView {
            iso: "2024-01-19".into(),
            datetime: "2024-01-19T00:00:00+09:00".into(),
            display: "2024년 1월 19일".into(),
            year: 2024,
            month: 1,
            day: 19,
            has_time: false,
            time: String::new(),
            machine: "2024-01-19".into(),
        };
        let away = line(Some(LineBrief { title: "브리핑", url: "/briefs/a/".into(), date }));
        assert_eq!(away["brief"]["url"], "/briefs/a/");
        assert_eq!(away["brief"]["date"]["iso"], "2024-01-19");
    }

    #[test]
    fn a_page_kind_s_variables_sit_beside_page_and_site_serialises_whole() {
        let extra = serde_json::json!({"author": "x"});
        let site = SiteView {
            title: "아카이브",
            description: "",
            language: "ko",
            base_url: "https://example.org/".into(),
            base_path: "/",
            timezone: "Asia/Seoul",
            currency: "KRW",
            extra: &extra,
            nav: Vec::new(),
            home_url: "/".into(),
            timeline_url: "/timeline/".into(),
            budget_url: "/budget/".into(),
            search_url: None,
            feed_url: None,
            unsafe_html: false,
        };
        let page =
            PageView { kind: "robots", title: "robots", url: "/robots.txt".into(), permalink: String::new() };
        let vars = RobotsPage { sitemap_url: "https://example.org/sitemap.xml".into() };
        let v = serde_json::to_value(PageContext { vars, page }).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["page", "sitemap_url"]);
        let site = serde_json::to_value(&site).unwrap();
        assert_eq!(site["extra"]["author"], "x");
        assert_eq!(site["search_url"], Value::Null);
    }
}
