//! Budget totals that read right: the lines of a taxonomy nested by its term hierarchy
//! (권역 → 시·도 → 시·군·구), and each year's total split by sector for the overview chart.
//!
//! The nested table is a partition at every level: under one parent, each line goes to exactly
//! one row — the one child whose subtree it belongs to, or a *shared* row when it belongs to
//! several children (a line of a brief about 부산 and 울산 both), or the parent's own row when
//! it names the parent itself. The rows under a parent therefore add up to the parent's row,
//! and no line is summed twice into it. A line that is `part_of` another line adds nothing,
//! since its whole is always somewhere in the same table.

use super::{line_terms, BudgetGroup, LineRef, Total};
use crate::brief::money::Amount;
use crate::build::content::Brief;
use crate::build::model::taxonomy::Taxonomy;
use std::collections::{BTreeMap, HashMap};

/// What one row of a nested table stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    /// A term: the lines under it and under none of its siblings.
    Term(usize),
    /// The lines that name the parent term itself (`영남권` as such, not one of its 시·도),
    /// shown when the parent also has rows below it.
    Direct(usize),
    /// Lines under several siblings at once, counted here once. A member equal to the parent
    /// term stands for the parent itself.
    Shared(Vec<usize>),
    /// The shared lines of the combinations past the largest [`SHARED_ROWS`], together: how
    /// many combinations they are.
    SharedRest(usize),
    /// Lines tied to no term of the taxonomy (top level only).
    Unassigned,
}

/// How many combinations of terms get a shared row of their own under one parent (the largest
/// by amount); the rest share one row, so that an archive whose briefs name many regions in
/// many combinations still has a table a person can read.
pub const SHARED_ROWS: usize = 5;

/// One row of a nested budget table, in display order (a term's rows follow it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 0 for the top level.
    pub depth: usize,
    /// What the row stands for.
    pub kind: RowKind,
    /// Its parent term (`None` at the top level).
    pub parent: Option<usize>,
    /// Lines in the row.
    pub lines: usize,
    /// Of those, lines that are parts of another line (they add nothing).
    pub parts: usize,
    /// The row's amount: with its siblings' it adds up to the parent row.
    pub total: Total,
}

/// One line with the paths (root first) of the terms it counts for.
struct Entry<'a> {
    line: LineRef,
    paths: Vec<&'a [usize]>,
}

/// Nests `lines` (all of the archive's) by the hierarchy of `tax`. `brief_terms(b)` gives the
/// terms brief `b` carries in this taxonomy.
pub fn nest<'a>(
    tax: &Taxonomy,
    lookup: &HashMap<&str, usize>,
    briefs: &[Brief],
    lines: &[LineRef],
    brief_terms: impl Fn(usize) -> &'a [usize],
) -> Vec<Row> {
    let path_of = |mut t: usize| {
        let mut path = vec![t];
        while let Some(p) = tax.terms[t].parent {
            if path.contains(&p) {
                break; // the registry rejects circles; this is only a guard
            }
            path.push(p);
            t = p;
        }
        path.reverse();
        path
    };
    // Once per term, not once per line.
    let paths: Vec<Vec<usize>> = (0..tax.terms.len()).map(path_of).collect();
    let entries: Vec<Entry> = lines
        .iter()
        .map(|&r| {
            let line = &briefs[r.brief().0].meta.budget[r.line()];
            let terms = line_terms(tax, lookup, line, brief_terms(r.brief().0));
            Entry { line: r, paths: terms.iter().map(|&t| paths[t].as_slice()).collect() }
        })
        .collect();
    let all: Vec<&Entry> = entries.iter().collect();
    let mut rows = Vec::new();
    split(None, 0, &all, briefs, &mut rows);
    rows
}

/// Which row under `parent` (at `depth`) an entry goes to: the sorted set of children (or the
/// parent itself) its paths pass through, written into `m`.
fn members(entry: &Entry, parent: Option<usize>, depth: usize, m: &mut Vec<usize>) {
    m.clear();
    m.extend(entry.paths.iter().filter_map(|p| p.get(depth).copied().or(parent)));
    m.sort_unstable();
    m.dedup();
}

fn split(parent: Option<usize>, depth: usize, entries: &[&Entry], briefs: &[Brief], rows: &mut Vec<Row>) {
    let mut groups: BTreeMap<Vec<usize>, Vec<&Entry>> = BTreeMap::new();
    let mut m = Vec::new();
    for &e in entries {
        members(e, parent, depth, &mut m);
        // A key is made only for a group not seen yet.
        match groups.get_mut(m.as_slice()) {
            Some(group) => group.push(e),
            None => {
                groups.insert(m.clone(), vec![e]);
            }
        }
    }
    let direct = parent.map(|p| vec![p]);
    // A parent whose lines all name it directly needs no rows below it.
    if groups.len() == 1 && groups.keys().next() == direct.as_ref() {
        return;
    }
    let row = |kind: RowKind, group: &[&Entry]| {
        let mut total = Total::default();
        let mut parts = 0;
        for e in group {
            let line = &briefs[e.line.brief().0].meta.budget[e.line.line()];
            // These lines are a subset of the grand total, whose sum model::budget checked (an
            // overflow there fails the build), so no sum here can overflow.
            if line.counts() {
                let _ = total.add(line.amount);
            } else {
                parts += 1;
                let _ = total.add(Amount::exact(0));
            }
        }
        Row { depth, kind, parent, lines: group.len(), parts, total }
    };
    if let Some(d) = direct.as_ref().and_then(|d| groups.get(d)) {
        rows.push(row(RowKind::Direct(parent.expect("direct rows have a parent")), d));
    }
    for (key, group) in groups.iter().filter(|(k, _)| k.len() == 1 && Some(*k) != direct.as_ref()) {
        rows.push(row(RowKind::Term(key[0]), group));
        split(Some(key[0]), depth + 1, group, briefs, rows);
    }
    let mut shared: Vec<Row> =
        groups.iter().filter(|(k, _)| k.len() > 1).map(|(k, g)| row(RowKind::Shared(k.clone()), g)).collect();
    // Largest first (upper ends, then lower ends); ties keep the order of the terms.
    shared.sort_by_key(|r| std::cmp::Reverse((r.total.max, r.total.min)));
    if shared.len() > SHARED_ROWS {
        let rest = shared.split_off(SHARED_ROWS);
        let mut merged = Row {
            depth,
            kind: RowKind::SharedRest(rest.len()),
            parent,
            lines: 0,
            parts: 0,
            total: Total::default(),
        };
        for r in &rest {
            merged.lines += r.lines;
            merged.parts += r.parts;
            merged.total.min = merged.total.min.saturating_add(r.total.min);
            merged.total.max = merged.total.max.saturating_add(r.total.max);
            merged.total.count += r.total.count;
        }
        shared.push(merged);
    }
    rows.extend(shared);
    if let Some(group) = groups.get(&Vec::new()) {
        rows.push(row(RowKind::Unassigned, group));
    }
}

/// How many sectors the overview chart names; the rest are drawn together.
pub const NAMED_SECTORS: usize = 5;

/// Each year's total split by sector: the named sectors (largest all-time totals first) and
/// one last part for everything else (other sectors, lines of several sectors, none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stacks {
    /// Names of the parts; the last is `기타` when anything falls outside the named sectors.
    pub names: Vec<String>,
    /// Per year, newest first: the year, its total, and its parts in the order of `names`.
    pub years: Vec<(i32, Total, Vec<Total>)>,
}

/// The name of the overview's last part.
pub const OTHER: &str = "기타";

/// Splits each year's lines by sector. A line's sector is its own, or its brief's when the brief
/// has exactly one; parts add nothing (their whole is in the same year).
pub fn year_stacks(by_year: &[(i32, BudgetGroup)], briefs: &[Brief], sectors: Option<&Taxonomy>) -> Stacks {
    let sector_of = |r: &LineRef| -> Option<&str> {
        let b = &briefs[r.brief().0].meta;
        let line = &b.budget[r.line()];
        line.sector.as_deref().or(match b.sector.as_slice() {
            [one] => Some(one.as_str()),
            _ => None,
        })
    };
    let amount = |r: &LineRef| {
        let line = &briefs[r.brief().0].meta.budget[r.line()];
        if line.counts() {
            line.amount
        } else {
            Amount::exact(0)
        }
    };
    let mut overall: BTreeMap<&str, u64> = BTreeMap::new();
    for (_, g) in by_year {
        for r in &g.lines {
            if let Some(s) = sector_of(r).filter(|_| sectors.is_some()) {
                *overall.entry(s).or_default() += amount(r).max;
            }
        }
    }
    let mut ranked: Vec<(&str, u64)> = overall.into_iter().filter(|(_, v)| *v > 0).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut names: Vec<String> = ranked.iter().take(NAMED_SECTORS).map(|(n, _)| n.to_string()).collect();
    let mut years = Vec::with_capacity(by_year.len());
    let mut other_used = false;
    for (year, g) in by_year {
        let mut parts = vec![Total::default(); names.len() + 1];
        for r in &g.lines {
            let at = sector_of(r)
                .filter(|_| sectors.is_some())
                .and_then(|s| names.iter().position(|n| n == s))
                .unwrap_or(names.len());
            other_used |= at == names.len() && amount(r).max > 0;
            // A year's lines, whose sum model::budget checked: the parts cannot overflow.
            let _ = parts[at].add(amount(r));
        }
        years.push((*year, g.total, parts));
    }
    if other_used {
        names.push(OTHER.to_string());
    } else {
        for (_, _, parts) in &mut years {
            parts.pop();
        }
    }
    Stacks { names, years }
}
