//! The site model: everything pages need, computed once from the briefs and then read-only while
//! pages render. The timeline, term indexes, budget totals, neighbours and related briefs are all
//! here, so no page ever scans all briefs again.

pub(crate) mod breakdown;
pub(crate) mod taxonomy;

use crate::brief::money::Amount;
use crate::build::config::{Config, TermSource};
use crate::build::content::Brief;
use crate::build::registry::Registry;
use crate::diagnostics::Diagnostic;
use chrono::Datelike;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use taxonomy::Taxonomy;

/// A brief: its index in `Archive::briefs` (newest first), so that an index into another list
/// cannot be taken for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BriefId(pub usize);

/// A taxonomy: its index in the archive's taxonomies (site.toml order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TaxonomyId(pub usize);

/// A term: its taxonomy and its index among that taxonomy's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TermId {
    /// Index into the archive's taxonomies.
    pub taxonomy: usize,
    /// Index into that taxonomy's terms.
    pub term: usize,
}

/// A sum of amounts; ranges add up end by end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Total {
    /// Sum of lower ends.
    pub min: u64,
    /// Sum of upper ends.
    pub max: u64,
    /// How many lines.
    pub count: usize,
}

impl Total {
    /// Adds one amount; `Err` (and the total unchanged) when the sum would pass
    /// 18,446,744,073,709,551,615, which no real budget reaches but a typo can.
    pub fn add(&mut self, a: Amount) -> Result<(), Overflow> {
        let (min, max) = (self.min.checked_add(a.min), self.max.checked_add(a.max));
        let (Some(min), Some(max)) = (min, max) else { return Err(Overflow) };
        (self.min, self.max) = (min, max);
        self.count += 1;
        Ok(())
    }

    /// The total as an amount.
    pub fn amount(&self) -> Amount {
        Amount { min: self.min, max: self.max }
    }
}

/// A sum of amounts would not fit in 64 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

/// A budget line, by position: brief index and line index within it, ordered by brief, then
/// line. Two `u32`s: every term's budget group holds one per line it counts (a brief's lines
/// count for each of its people, regions, sectors and agenda items), tens of millions of
/// bytes at 100,000 briefs, so half the size of two `usize`s matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineRef {
    brief: u32,
    line: u32,
}

impl LineRef {
    /// Line `line` of brief `brief`. An archive has fewer than 2^32 briefs, and a brief fewer
    /// than 2^32 budget lines (a brief file is at most a few MiB).
    pub fn new(brief: BriefId, line: usize) -> LineRef {
        LineRef { brief: brief.0 as u32, line: line as u32 }
    }

    /// The brief.
    pub fn brief(&self) -> BriefId {
        BriefId(self.brief as usize)
    }

    /// Index into that brief's `budget`.
    pub fn line(&self) -> usize {
        self.line as usize
    }
}

/// One month of the timeline.
#[derive(Debug, Clone)]
pub struct Month {
    /// 1–12.
    pub month: u32,
    /// Briefs, newest first.
    pub briefs: Vec<BriefId>,
}

/// One year of the timeline.
#[derive(Debug, Clone)]
pub struct Year {
    /// The year.
    pub year: i32,
    /// Months, newest first.
    pub months: Vec<Month>,
    /// Number of briefs.
    pub count: usize,
}

/// Budget lines of a set of briefs, with their total.
#[derive(Debug, Clone, Default)]
pub struct BudgetGroup {
    /// Lines, newest brief first.
    pub lines: Vec<LineRef>,
    /// Their total.
    pub total: Total,
    /// The total per year of the briefs' dates (site time zone), newest first: the trend
    /// charts read it. A year's total counts parts the same way as the whole group's.
    pub years: Vec<(i32, Total)>,
}

/// Budget lines grouped for the budget page and term pages.
#[derive(Debug, Clone, Default)]
pub struct Budget {
    /// Every line, newest first.
    pub all: BudgetGroup,
    /// Lines and totals per year, newest first.
    pub by_year: Vec<(i32, BudgetGroup)>,
    /// Per taxonomy (same order as `Archive::taxonomies`), per term: its lines.
    pub by_term: Vec<Vec<BudgetGroup>>,
    /// Per taxonomy: its lines' totals nested by the term hierarchy, each line once per level
    /// (built for the region and sector taxonomies only; empty for others).
    pub nested: Vec<Vec<breakdown::Row>>,
    /// Each year's total split by sector, for the overview chart.
    pub year_sectors: breakdown::Stacks,
}

/// The immutable site model. Its fields are the build's to read; outside the library the
/// accessors below give the parts a test checks.
#[derive(Debug)]
pub struct Archive {
    /// The site configuration.
    pub(crate) config: Config,
    /// Briefs, newest first (ties by slug).
    pub(crate) briefs: Vec<Brief>,
    /// Year → month → briefs.
    pub(crate) timeline: Vec<Year>,
    /// Term indexes, in site.toml order.
    pub(crate) taxonomies: Vec<Taxonomy>,
    /// Per brief, per taxonomy: indexes of its terms in that taxonomy.
    pub(crate) brief_terms: Vec<Vec<Vec<usize>>>,
    /// Budget lines and totals.
    pub(crate) budget: Budget,
    /// Per brief: related briefs, best first.
    pub(crate) related: Vec<Vec<BriefId>>,
    /// `content/`-relative paths of briefs → their site paths, for Markdown links.
    pub(crate) link_map: HashMap<String, String>,
}

/// How many related briefs each brief page shows.
pub const RELATED: usize = 5;

impl Archive {
    /// Builds the model. Problems that only show across briefs (two briefs or terms with one
    /// URL) are returned beside it; the model then leaves out the second of each pair, so that
    /// the rest of the site can still be checked in the same run.
    ///
    /// `unreadable` are the `content/` paths of briefs that could not be read: links to them are
    /// not reported as broken as well (their own errors are).
    pub fn build(
        config: Config,
        registry: &Registry,
        mut briefs: Vec<Brief>,
        unreadable: &[String],
    ) -> (Archive, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        sort_newest_first(&mut briefs);

        let mut by_slug: HashMap<&str, usize> = HashMap::with_capacity(briefs.len());
        let mut duplicates = Vec::new();
        for (i, b) in briefs.iter().enumerate() {
            if let Some(&j) = by_slug.get(b.slug.as_str()) {
                duplicates.push(if briefs[j].path < b.path { i } else { j });
                let first = &briefs[j];
                let (earlier, later) = if first.path < b.path { (first, b) } else { (b, first) };
                problems.push(
                    Diagnostic::error(
                        &later.path,
                        0,
                        0,
                        format!(
                            "the brief would have the same URL /briefs/{}/ as {}",
                            b.slug,
                            earlier.path.display()
                        ),
                    )
                    .with_hint("give one of them another file name, or a `slug:` of its own"),
                );
            } else {
                by_slug.insert(&b.slug, i);
            }
        }
        drop(by_slug);
        if !duplicates.is_empty() {
            let dropped: HashSet<usize> = duplicates.into_iter().collect();
            let mut i = 0;
            briefs.retain(|_| {
                i += 1;
                !dropped.contains(&(i - 1))
            });
        }

        // Taxonomies are independent of each other: one thread each (the people taxonomy,
        // with a term per person, is the largest).
        let built: Vec<(taxonomy::Built, Vec<Diagnostic>)> = config
            .taxonomies
            .par_iter()
            .map(|t| {
                let mut found = Vec::new();
                let built = taxonomy::build(t, &briefs, config.slugify, registry.list(&t.name), &mut found);
                (built, found)
            })
            .collect();
        let mut taxonomies = Vec::with_capacity(built.len());
        let mut brief_terms: Vec<Vec<Vec<usize>>> =
            (0..briefs.len()).map(|_| Vec::with_capacity(built.len())).collect();
        for (b, found) in built {
            problems.extend(found);
            for (per_tax, list) in brief_terms.iter_mut().zip(b.brief_terms) {
                per_tax.push(list);
            }
            taxonomies.push(b.taxonomy);
        }

        let timeline = timeline(&briefs);
        let ((budget, overflows), (related, link_map)) = rayon::join(
            || budget(&briefs, &taxonomies, &brief_terms),
            || {
                rayon::join(
                    || taxonomy::related(&briefs, &taxonomies, RELATED, 40),
                    || {
                        briefs
                            .iter()
                            .map(|b| (b.content_path.clone(), format!("briefs/{}/", b.slug)))
                            .chain(unreadable.iter().map(|p| (p.clone(), String::new())))
                            .collect::<HashMap<String, String>>()
                    },
                )
            },
        );
        problems.extend(overflows.into_iter().map(|r| overflow_error(&briefs[r.brief().0], r)));
        // The front matter text was kept only to place the problems found above.
        for b in &mut briefs {
            b.front = String::new();
        }
        let archive =
            Archive { config, briefs, timeline, taxonomies, brief_terms, budget, related, link_map };
        (archive, problems)
    }

    /// Puts `new` in the place of brief `i` when nothing the model is made of changed (an
    /// edit to the title, the summary, the source, the body: what only pages show), so that
    /// the model stays what [`Archive::build`] would make of the briefs; otherwise gives `new`
    /// back (boxed: a brief is large), and the model must be made again.
    pub fn replace_brief(&mut self, i: usize, mut new: Brief) -> Result<(), Box<Brief>> {
        if !same_model_inputs(&self.briefs[i], &new) {
            return Err(Box::new(new));
        }
        new.front = String::new();
        self.briefs[i] = new;
        Ok(())
    }

    /// Briefs, newest first (ties by slug); a [`BriefId`] indexes them.
    pub fn briefs(&self) -> &[Brief] {
        &self.briefs
    }

    /// Per brief: its related briefs, best first.
    pub fn related(&self) -> &[Vec<BriefId>] {
        &self.related
    }

    /// Budget lines and totals.
    pub fn budget(&self) -> &Budget {
        &self.budget
    }

    /// The site path of a brief (`briefs/<slug>/`).
    pub fn brief_path(&self, i: usize) -> String {
        format!("briefs/{}/", self.briefs[i].slug)
    }

    /// Brief `i`'s plain-text summary for lists (the `summary` field, or an excerpt).
    pub fn summary(&self, i: usize) -> &str {
        self.briefs[i].list_summary()
    }

    /// Brief `i`'s Markdown body: the one held, or read again from its file, which must not
    /// have changed since the brief was read (see [`Brief::body`]).
    pub fn body(&self, i: usize) -> Result<std::borrow::Cow<'_, str>, Diagnostic> {
        self.briefs[i].body(&self.config.root)
    }

    /// The index of the taxonomy reading `source`, if the site has one.
    pub fn taxonomy_index(&self, source: &TermSource) -> Option<usize> {
        self.taxonomies.iter().position(|t| &t.config.source == source)
    }
}

/// Whether two versions of a brief give the same model: the same values in every field that
/// [`Archive::build`] reads (place in the order, URL, terms, people with their roles, budget
/// lines). A field the model starts to read must be added here.
fn same_model_inputs(a: &Brief, b: &Brief) -> bool {
    let (m, n) = (&a.meta, &b.meta);
    a.path == b.path
        && a.content_path == b.content_path
        && a.slug == b.slug
        && m.date == n.date
        && m.region == n.region
        && m.sector == n.sector
        && m.agenda == n.agenda
        && m.attendees == n.attendees
        && m.custom == n.custom
        && m.budget == n.budget
}

/// Sorts briefs newest first, ties by slug, then by their order as given (as a stable sort
/// would). The keys are sorted, in parallel, and the briefs moved once: sorting the briefs
/// themselves moved each (about 600 bytes) at every step of the sort.
fn sort_newest_first(briefs: &mut Vec<Brief>) {
    let mut order: Vec<usize> = (0..briefs.len()).collect();
    order.par_sort_unstable_by(|&a, &b| {
        let (x, y) = (&briefs[a], &briefs[b]);
        y.meta
            .date
            .timestamp()
            .cmp(&x.meta.date.timestamp())
            .then_with(|| x.slug.cmp(&y.slug))
            .then(a.cmp(&b))
    });
    let mut slots: Vec<Option<Brief>> = std::mem::take(briefs).into_iter().map(Some).collect();
    briefs.extend(order.iter().map(|&i| slots[i].take().expect("each brief once")));
}

fn timeline(briefs: &[Brief]) -> Vec<Year> {
    let mut years: Vec<Year> = Vec::new();
    for (i, b) in briefs.iter().enumerate() {
        let d = b.meta.date.date();
        if years.last().map(|y| y.year) != Some(d.year()) {
            years.push(Year { year: d.year(), months: Vec::new(), count: 0 });
        }
        let year = years.last_mut().expect("pushed above");
        if year.months.last().map(|m| m.month) != Some(d.month()) {
            year.months.push(Month { month: d.month(), briefs: Vec::new() });
        }
        year.months.last_mut().expect("pushed above").briefs.push(BriefId(i));
        year.count += 1;
    }
    years
}

/// Groups budget lines. A line tied to a region or sector counts for that term only; a line
/// without one counts for every region (or sector) of its brief. Other taxonomies (agenda,
/// people, custom) count every line of the briefs that carry the term.
fn budget(
    briefs: &[Brief],
    taxonomies: &[Taxonomy],
    brief_terms: &[Vec<Vec<usize>>],
) -> (Budget, Vec<LineRef>) {
    let facts = Facts::new(briefs);
    let mut all = BudgetGroup::default();
    let mut by_year: Vec<(i32, BudgetGroup)> = Vec::new();
    let mut by_term: Vec<Vec<BudgetGroup>> =
        taxonomies.iter().map(|t| vec![BudgetGroup::default(); t.terms.len()]).collect();
    let lookup: Vec<HashMap<&str, usize>> = taxonomies
        .iter()
        .map(|t| t.terms.iter().enumerate().map(|(i, term)| (term.name.as_str(), i)).collect())
        .collect();
    for (b, brief) in briefs.iter().enumerate() {
        let year = facts.year(BriefId(b));
        for (l, line) in brief.meta.budget.iter().enumerate() {
            let r = LineRef::new(BriefId(b), l);
            all.lines.push(r);
            if by_year.last().map(|y| y.0) != Some(year) {
                by_year.push((year, BudgetGroup::default()));
            }
            by_year.last_mut().expect("pushed above").1.lines.push(r);
            for (x, tax) in taxonomies.iter().enumerate() {
                for &t in line_terms(tax, &lookup[x], line, &brief_terms[b][x]) {
                    by_term[x][t].lines.push(r);
                }
            }
        }
    }
    // A parent term's lines include its descendants' lines, each line once even when it is
    // tied to several of them. Worked out from the terms' own lines, then put in place.
    for (x, tax) in taxonomies.iter().enumerate() {
        let own = &by_term[x];
        let merged: Vec<(usize, Vec<LineRef>)> = (0..tax.terms.len())
            .into_par_iter()
            .filter(|&t| !tax.terms[t].children.is_empty())
            .map(|t| {
                let mut lines: Vec<LineRef> = own[t].lines.clone();
                let mut stack = tax.terms[t].children.clone();
                while let Some(c) = stack.pop() {
                    stack.extend(tax.terms[c].children.iter().copied());
                    lines.extend(own[c].lines.iter().copied());
                }
                lines.sort_unstable();
                lines.dedup();
                (t, lines)
            })
            .collect();
        for (t, lines) in merged {
            by_term[x][t].lines = lines;
        }
    }
    // Grown by pushing, the lists held up to twice their length for the rest of the build.
    for g in by_term.iter_mut().flatten() {
        g.lines.shrink_to_fit();
    }
    let mut overflows = Vec::new();
    all.total = total_of(&all.lines, &facts, &mut overflows);
    for (_, g) in &mut by_year {
        g.total = total_of(&g.lines, &facts, &mut overflows);
    }
    let term_overflows: Vec<LineRef> = by_term
        .par_iter_mut()
        .flatten()
        .flat_map_iter(|g| {
            let mut found = Vec::new();
            g.total = total_of(&g.lines, &facts, &mut found);
            g.years = years_of(&g.lines, &facts);
            found
        })
        .collect();
    overflows.extend(term_overflows);
    let nested = taxonomies
        .par_iter()
        .enumerate()
        .map(|(x, tax)| match tax.config.source {
            TermSource::Region | TermSource::Sector => {
                breakdown::nest(tax, &lookup[x], briefs, &all.lines, |b| &brief_terms[b][x])
            }
            _ => Vec::new(),
        })
        .collect();
    let sector = taxonomies.iter().position(|t| t.config.source == TermSource::Sector);
    let year_sectors = breakdown::year_stacks(&by_year, briefs, sector.map(|x| &taxonomies[x]));
    overflows.sort_unstable();
    overflows.dedup();
    (Budget { all, by_year, by_term, nested, year_sectors }, overflows)
}

/// An error for a budget line that made a total overflow, at the line of its `item`.
fn overflow_error(brief: &Brief, r: LineRef) -> Diagnostic {
    let item = &brief.meta.budget[r.line()].item;
    let (line, col) = brief.locate(|l| l.find("item:").filter(|_| l.contains(item.as_str())));
    Diagnostic::error(
        &brief.path,
        line,
        col,
        format!(
            "the budget line `{item}` makes a total too large to add up (over {} units)",
            crate::brief::money::group_thousands(u64::MAX)
        ),
    )
    .with_hint("check the amount for extra digits; amounts are in units of the currency, e.g. \"30억원\"")
}

/// The terms of taxonomy `tax` a budget line counts for directly (before the hierarchy): the
/// line's own region or sector when it names one, otherwise every term of its brief
/// (`brief_terms`). `lookup` maps term names to indexes.
pub fn line_terms<'a>(
    tax: &Taxonomy,
    lookup: &'a HashMap<&str, usize>,
    line: &crate::brief::frontmatter::BudgetLine,
    brief_terms: &'a [usize],
) -> &'a [usize] {
    let own = match tax.config.source {
        TermSource::Region => line.region.as_deref(),
        TermSource::Sector => line.sector.as_deref(),
        _ => None,
    };
    match own {
        // The term's index as the lookup holds it: no list made per line.
        Some(name) => lookup.get(name).map(std::slice::from_ref).unwrap_or_default(),
        None => brief_terms,
    }
}

/// [`line_terms`] by name, for readers without the taxonomy (the open data files): the line's
/// own term when it names one, otherwise every term of its brief (`brief_list`, from
/// [`taxonomy::terms_of`], which includes the terms its lines name).
pub fn line_names<'a>(own: Option<&'a str>, brief_list: &[&'a str]) -> Vec<&'a str> {
    match own {
        Some(name) => vec![name],
        None => brief_list.to_vec(),
    }
}

/// What totals read of every budget line of the archive, in flat arrays: the amount and whether
/// it is a part of another line, by line, and the year by brief. A term's group holds lines from
/// across the whole archive, and reading each through its brief (some 600 bytes, its budget in
/// a vector of its own) missed the cache at every line once the archive outgrew it: at 100,000
/// briefs the totals took longer per line than at 10,000.
pub(crate) struct Facts<'a> {
    briefs: &'a [Brief],
    /// Per brief: the index of its first line in `amount` and `part`.
    first: Vec<usize>,
    amount: Vec<Amount>,
    part: Vec<bool>,
    /// Per brief: the year of its date (site time zone).
    year: Vec<i32>,
}

impl<'a> Facts<'a> {
    /// The facts of every line of `briefs`.
    pub(crate) fn new(briefs: &'a [Brief]) -> Facts<'a> {
        let lines: usize = briefs.iter().map(|b| b.meta.budget.len()).sum();
        let mut f = Facts {
            briefs,
            first: Vec::with_capacity(briefs.len()),
            amount: Vec::with_capacity(lines),
            part: Vec::with_capacity(lines),
            year: briefs.iter().map(|b| b.meta.date.date().year()).collect(),
        };
        for b in briefs {
            f.first.push(f.amount.len());
            f.amount.extend(b.meta.budget.iter().map(|l| l.amount));
            f.part.extend(b.meta.budget.iter().map(|l| l.part_of.is_some()));
        }
        f
    }

    /// The year of brief `b`'s date.
    pub(crate) fn year(&self, b: BriefId) -> i32 {
        self.year[b.0]
    }

    fn at(&self, r: &LineRef) -> usize {
        self.first[r.brief().0] + r.line()
    }
}

/// Totals per year of a group's lines (which are in date order, newest first, so each year is
/// one run of them).
fn years_of(lines: &[LineRef], facts: &Facts) -> Vec<(i32, Total)> {
    let year = |r: &LineRef| facts.year(r.brief());
    // A year's lines are part of the group, whose total was checked: it cannot overflow here.
    lines
        .chunk_by(|a, b| year(a) == year(b))
        .map(|run| (year(&run[0]), total_of(run, facts, &mut Vec::new())))
        .collect()
}

/// The total of a group of lines (in brief order), each amount counted once: a line that is
/// `part_of` another line of its brief adds nothing when that whole is in the same group (a
/// programme's total and its breakdown), and adds itself when it is not (a sector page that
/// only has the part). A brief's lines are next to each other in the group, so the whole is
/// looked for among them only.
fn total_of(lines: &[LineRef], facts: &Facts, overflows: &mut Vec<LineRef>) -> Total {
    debug_assert!(lines.is_sorted(), "groups hold their lines in brief order");
    let mut total = Total::default();
    for run in lines.chunk_by(|a, b| a.brief() == b.brief()) {
        for r in run {
            let at = facts.at(r);
            let whole_here = facts.part[at] && {
                let budget = &facts.briefs[r.brief().0].meta.budget;
                let whole = budget[r.line()].part_of.as_deref();
                run.iter().any(|o| Some(budget[o.line()].item.as_str()) == whole)
            };
            if total.add(if whole_here { Amount::exact(0) } else { facts.amount[at] }).is_err() {
                overflows.push(*r);
            }
        }
    }
    total
}

#[cfg(test)]
mod tests;
