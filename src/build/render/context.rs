//! The template context of every page kind, and each brief's list entries (its card, its row,
//! its budget rows) rendered once for every list that shows it. docs/templates.md documents
//! what is built here.

use super::{paginate, template_error, Item, Prerendered, Renderer};
use crate::brief::dates::DateView;
use crate::brief::money::{Amount, AmountView};
use crate::build::config::TermSource;
use crate::build::markdown::{self, Links};
use crate::build::model::{LineRef, Total};
use crate::diagnostics::Diagnostic;
use serde_json::{json, Map, Value};
use tera::Context;

/// The most URLs one sitemap file may list (sitemaps.org protocol).
pub(super) const SITEMAP_URLS: usize = 50_000;

impl Renderer<'_> {
    pub(super) fn site_value(&self) -> Value {
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
            "search_url": if c.search { Value::String(self.base.url("search/")) } else { Value::Null },
            "feed_url": if c.feed.enabled { Value::String(self.base.url("atom.xml")) } else { Value::Null },
            "unsafe_html": c.markdown.unsafe_html,
        })
    }

    pub(super) fn amount(&self, a: Amount) -> Value {
        serde_json::to_value(AmountView::new(a, &self.archive.config.currency)).unwrap_or(Value::Null)
    }

    pub(super) fn total(&self, t: &Total) -> Value {
        if t.count == 0 {
            Value::Null
        } else {
            self.amount(t.amount())
        }
    }

    pub(super) fn date(d: &crate::brief::dates::Moment) -> Value {
        serde_json::to_value::<DateView>(d.view()).unwrap_or(Value::Null)
    }

    pub(super) fn term_ref(&self, x: usize, t: usize) -> Value {
        json!({"name": self.archive.taxonomies[x].terms[t].name, "url": self.term_urls[x][t]})
    }

    /// A term named in a brief, linked when the site has pages for it.
    pub(super) fn named_ref(&self, source: &TermSource, name: &str) -> Value {
        let a = self.archive;
        match a.taxonomy_index(source).and_then(|x| a.taxonomies[x].term(name).map(|t| (x, t))) {
            Some((x, t)) => self.term_ref(x, t),
            None => json!({"name": name, "url": Value::Null}),
        }
    }

    pub(super) fn terms_for(&self, i: usize, source: &TermSource, names: &[String]) -> Value {
        let a = self.archive;
        match a.taxonomy_index(source) {
            Some(x) => Value::Array(a.brief_terms[i][x].iter().map(|&t| self.term_ref(x, t)).collect()),
            None => Value::Array(names.iter().map(|n| json!({"name": n, "url": Value::Null})).collect()),
        }
    }

    pub(super) fn summary(&self, i: usize) -> Value {
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
            // A brief's own total is part of the site's, whose overflow already failed the build.
            let _ = total.add(l.amount);
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
    pub(super) fn prerender(&self, i: usize) -> Prerendered {
        let a = self.archive;
        let b = &a.briefs[i];
        let currency = Value::String(a.config.currency.clone());
        let context =
            Context::from_serialize(&obj! { "b" => self.summary(i), "currency" => currency.clone() })
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
            let context = Context::from_serialize(&obj! { "line" => line, "currency" => currency.clone() })
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
    pub(super) fn items_of(&self, ids: impl IntoIterator<Item = usize>, rows: bool) -> Value {
        Value::Array(ids.into_iter().map(|i| self.item(i, rows)).collect())
    }

    pub(super) fn item(&self, i: usize, row: bool) -> Value {
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
    pub(super) fn lines_of(&self, refs: &[LineRef]) -> Value {
        let list = refs
            .iter()
            .map(|r| {
                let l = &self.archive.briefs[r.brief].meta.budget[r.line];
                // Whether the line names a region or sector: tables drop a column no line fills.
                let named = |v: &Option<String>| if v.is_some() { Value::Bool(true) } else { Value::Null };
                obj! {
                    "item" => l.item.clone(), "html" => self.line_rows[r.brief][r.line].clone(),
                    "region" => named(&l.region), "sector" => named(&l.sector),
                }
            })
            .collect();
        Value::Array(list)
    }

    pub(super) fn brief_page(
        &self,
        i: usize,
        body: Option<(&str, usize)>,
    ) -> Result<Map<String, Value>, Vec<Diagnostic>> {
        let a = self.archive;
        let b = &a.briefs[i];
        let (body, body_line) = body.unwrap_or((&b.body, b.body_line));
        let links = Links {
            briefs: &a.link_map,
            base: &self.base,
            files: &b.files,
            unsafe_html: a.config.markdown.unsafe_html,
        };
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
        brief.insert("budget_chart".into(), self.brief_chart(i));
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

    pub(super) fn home(&self) -> Map<String, Value> {
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
            .map(|y| json!({"year": y.year, "count": y.count, "url": self.base.url(&format!("timeline/{}/", y.year))}))
            .collect();
        vars.insert("years".into(), Value::Array(years));
        vars
    }

    /// `/timeline/`: every year with its months and counts, linking to the year's pages.
    pub(super) fn timeline(&self) -> Map<String, Value> {
        let a = self.archive;
        let years: Vec<Value> = a
            .timeline
            .iter()
            .map(|y| {
                let months: Vec<Value> = y
                    .months
                    .iter()
                    .map(|m| obj! { "month" => m.month, "label" => format!("{}월", m.month), "count" => m.briefs.len() })
                    .collect();
                let url = self.base.url(&format!("timeline/{}/", y.year));
                obj! { "year" => y.year, "count" => y.count, "url" => url, "months" => months }
            })
            .collect();
        let mut vars = Map::new();
        vars.insert("timeline".into(), obj! { "count" => a.briefs.len(), "years" => years });
        vars
    }

    /// Page `n` of year `y` of the timeline: its briefs, grouped by month.
    pub(super) fn timeline_year(&self, y: usize, n: usize) -> Map<String, Value> {
        let a = self.archive;
        let year = &a.timeline[y];
        let per = a.config.paginate_by;
        let all: Vec<(u32, usize)> =
            year.months.iter().flat_map(|m| m.briefs.iter().map(move |&b| (m.month, b))).collect();
        let mut months: Vec<Value> = Vec::new();
        for chunk in paginate::slice(&all, per, n).chunk_by(|p, q| p.0 == q.0) {
            let month = chunk[0].0;
            months.push(obj! {
                "month" => month, "label" => format!("{month}월"),
                "anchor" => format!("y{}-{:02}", year.year, month), "count" => chunk.len(),
                "briefs" => self.items_of(chunk.iter().map(|p| p.1), true),
            });
        }
        let first = format!("timeline/{}/", year.year);
        let mut vars = Map::new();
        vars.insert(
            "year".into(),
            obj! {
                "year" => year.year, "count" => year.count, "url" => self.base.url(&first),
                "timeline_url" => self.base.url("timeline/"), "months" => months,
            },
        );
        vars.insert("paginator".into(), self.paginator(&first, year.count, n));
        vars
    }

    /// The `paginator` value of page `n` of a list of `items` whose first page is at `first`.
    pub(super) fn paginator(&self, first: &str, items: usize, n: usize) -> Value {
        let p = paginate::Paginator::new(&self.base, first, items, self.archive.config.paginate_by, n);
        serde_json::to_value(p).unwrap_or_default()
    }

    pub(super) fn term_feed_url(&self, x: usize, t: usize) -> Value {
        let c = &self.archive.config;
        if c.feed.enabled && c.feed.per_term {
            Value::String(self.base.url(&format!("{}atom.xml", self.archive.taxonomies[x].terms[t].path)))
        } else {
            Value::Null
        }
    }

    pub(super) fn taxonomy_list(&self, x: usize) -> Map<String, Value> {
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

    pub(super) fn line(&self, r: LineRef) -> Value {
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

    /// Page `n` of a term: its briefs on that page; the budget table and the briefs of its
    /// children on the first page only.
    pub(super) fn term(&self, x: usize, t: usize, n: usize) -> Map<String, Value> {
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
        let per = a.config.paginate_by;
        let briefs = self.items_of(paginate::slice(&term.briefs, per, n).iter().copied(), true);
        vars.insert("paginator".into(), self.paginator(&term.path, term.briefs.len(), n));
        let first = n == 1;
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
                    "budget_lines" => if first { self.lines_of(paginate::slice(&group.lines, per, 1)) } else { Value::Array(Vec::new()) },
                    "budget_line_count" => group.lines.len(),
                    "english" => term.info.english.clone(), "description" => term.info.description.clone(),
                    "link" => term.info.link.clone(),
                    "parent" => term.parent.map(|p| self.term_ref(x, p)).unwrap_or_default(),
                    "children" => Value::Array(term.children.iter().map(|&c| self.term_ref(x, c)).collect()),
                    "descendant_briefs" => if first { self.descendant_items(x, t) } else { Value::Array(Vec::new()) },
                    "descendant_count" => term.descendant_briefs.len(),
                    "budget_trend" => if first { self.term_trend(&term.name, group) } else { Value::Null },
                },
            );
        }
        vars
    }

    /// The newest `paginate_by` briefs of a term's descendants, each with `via`: the descendant
    /// terms it carries.
    pub(super) fn descendant_items(&self, x: usize, t: usize) -> Value {
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
        // The newest only: 영남권's page would otherwise list every brief of every 시·도 in it.
        // Each child's own (paginated) page lists the rest.
        let list = tax.terms[t]
            .descendant_briefs
            .iter()
            .take(a.config.paginate_by)
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

    pub(super) fn budget(&self) -> Map<String, Value> {
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
        if let Some(b) = vars.get_mut("budget") {
            self.budget_extras(b);
        }
        vars
    }

    pub(super) fn feed(
        &self,
        title: &str,
        feed_path: &str,
        page_path: &str,
        ids: &[usize],
        full: bool,
    ) -> Result<Map<String, Value>, Vec<Diagnostic>> {
        let a = self.archive;
        let links = Links {
            briefs: &a.link_map,
            base: &self.base,
            files: &[],
            unsafe_html: a.config.markdown.unsafe_html,
        };
        let entries: Vec<Value> = ids
            .iter()
            .map(|&i| {
                let b = &a.briefs[i];
                let content = if full {
                    let links = Links { files: &b.files, ..links };
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

    /// The search page: where the index is, and the filters it offers.
    pub(super) fn search(&self) -> Map<String, Value> {
        let mut vars = Map::new();
        vars.insert(
            "search".into(),
            json!({
                "index_url": self.base.url(crate::build::search::DIR),
                "script_url": self.base.url("search.js"),
                "filters": crate::build::search::filters(self.archive),
            }),
        );
        vars
    }

    /// How many URLs the sitemap lists (the order and count of [`Renderer::sitemap_entries`]).
    pub(super) fn sitemap_len(&self) -> usize {
        let a = self.archive;
        let terms: usize = a.taxonomies.iter().map(|t| 1 + t.terms.len()).sum();
        3 + a.budget.by_year.len() + a.timeline.len() + a.briefs.len() + terms
    }

    /// Every URL of the sitemap, with its last change when one is known. Paginated pages after
    /// the first are left out: each is reached from the first.
    fn sitemap_entries(&self) -> Vec<Value> {
        let a = self.archive;
        let newest =
            |ids: &[usize]| ids.first().map(|&i| a.briefs[i].meta.date.view().iso).unwrap_or_default();
        let all: Vec<usize> = (0..a.briefs.len().min(1)).collect();
        let mut entries = vec![
            json!({"loc": self.base.absolute(""), "lastmod": newest(&all)}),
            json!({"loc": self.base.absolute("timeline/"), "lastmod": newest(&all)}),
            json!({"loc": self.base.absolute("budget/"), "lastmod": ""}),
        ];
        for y in &a.timeline {
            let first: Vec<usize> =
                y.months.first().and_then(|m| m.briefs.first().copied()).into_iter().collect();
            entries.push(json!({"loc": self.base.absolute(&format!("timeline/{}/", y.year)), "lastmod": newest(&first)}));
        }
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
        debug_assert_eq!(entries.len(), self.sitemap_len());
        entries
    }

    /// `sitemap.xml` (`part: None`), or part `n` of a sitemap split into files of at most
    /// [`SITEMAP_URLS`].
    pub(super) fn sitemap(&self, part: Option<usize>) -> Map<String, Value> {
        let entries = self.sitemap_entries();
        let entries = match part {
            Some(n) => paginate::slice(&entries, SITEMAP_URLS, n).to_vec(),
            None => entries,
        };
        let mut vars = Map::new();
        vars.insert("entries".into(), Value::Array(entries));
        vars
    }

    /// `sitemap.xml` as an index of the parts, for a site with more than [`SITEMAP_URLS`] URLs.
    pub(super) fn sitemap_index(&self) -> Map<String, Value> {
        let parts = paginate::page_count(self.sitemap_len(), SITEMAP_URLS);
        let newest = self.archive.briefs.first().map(|b| b.meta.date.view().iso).unwrap_or_default();
        let sitemaps: Vec<Value> = (1..=parts)
            .map(|n| json!({"loc": self.base.absolute(&format!("sitemap-{n}.xml")), "lastmod": newest}))
            .collect();
        let mut vars = Map::new();
        vars.insert("sitemaps".into(), Value::Array(sitemaps));
        vars
    }
}
