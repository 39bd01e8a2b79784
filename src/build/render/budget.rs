//! The budget parts of page contexts: the charts (drawn by [`super::chart`]), the tables they
//! are drawn from, the nested region and sector totals, and the links to the open data files.
//! docs/templates.md documents what is built here.

use super::chart::{self, Bar, Column};
use super::views::TermRef;
use super::{Renderer, TermId};
use crate::brief::money::{Amount, AmountView};
use crate::build::config::TermSource;
use crate::build::model::breakdown::{Row, RowKind};
use crate::build::model::{BudgetGroup, Total};
use serde::Serialize;
use std::collections::BTreeMap;

/// A budget per year as a chart and as table rows, newest first: `budget.overview` (stacked by
/// sector) and `term.budget_trend` (one series). One shape, so one component draws both.
#[derive(Serialize)]
pub(super) struct YearTable<'a> {
    /// The chart's SVG, null when charts are off.
    chart: Option<String>,
    /// The stacked series with their colour classes; empty for a single series.
    names: Vec<Series<'a>>,
    years: Vec<YearRow>,
}

/// One series (sector) of a stacked chart, with its colour class.
#[derive(Serialize)]
struct Series<'a> {
    name: &'a str,
    class: String,
}

/// One year of a year table.
#[derive(Serialize)]
struct YearRow {
    year: i32,
    total: Option<AmountView>,
    count: usize,
    /// The year's budget page, when the table links to it (the budget page's does).
    url: Option<String>,
    /// Per series, its amount (null when it has none that year); empty for a single series.
    parts: Vec<Option<AmountView>>,
}

/// One row of a nested totals table (`budget.nested_region`, `budget.nested_sector`).
#[derive(Serialize)]
pub(super) struct NestedRow<'a> {
    depth: usize,
    /// `term`, `direct`, `shared` or `unassigned`.
    kind: &'static str,
    name: String,
    url: Option<&'a str>,
    /// For a shared row: the terms sharing its lines.
    members: Vec<Member<'a>>,
    parent: &'a str,
    count: usize,
    parts: usize,
    total: Option<AmountView>,
    /// The term's whole total, when lines counted under another row make it differ.
    full_total: Option<AmountView>,
}

/// A term sharing a row, or the parent itself (`영남권 전체 대상`).
#[derive(Serialize)]
#[serde(untagged)]
enum Member<'a> {
    Term(TermRef<'a>),
    Whole { name: String, url: &'a str },
}

/// What the budget page adds to `budget`.
#[derive(Serialize)]
pub(super) struct BudgetExtras<'a> {
    overview: YearTable<'a>,
    nested_region: Vec<NestedRow<'a>>,
    nested_sector: Vec<NestedRow<'a>>,
    /// The open data files' URLs by key, or null when `[data]` is off.
    data: Option<BTreeMap<&'static str, String>>,
}

impl Renderer<'_> {
    fn charts_on(&self) -> bool {
        self.archive.config.charts.enabled
    }

    /// Brief `i`'s lines as horizontal bars (two lines or more), or null.
    pub(super) fn brief_chart(&self, i: usize) -> Option<String> {
        let b = &self.archive.briefs[i];
        if !self.charts_on() || b.meta.budget.len() < 2 {
            return None;
        }
        let lines = &b.meta.budget;
        let bars: Vec<Bar> = lines
            .iter()
            .map(|l| Bar {
                label: &l.item,
                amount: l.amount,
                part_of: l.part_of.as_ref().and_then(|w| lines.iter().position(|o| &o.item == w)),
            })
            .collect();
        let title = format!("이 브리핑의 예산 항목 {}건", lines.len());
        chart::bars("brief-budget-chart", &title, &bars, &self.archive.config.currency)
    }

    /// A term's budget per year, or null when the term has no lines.
    pub(super) fn term_trend(&self, name: &str, group: &BudgetGroup) -> Option<YearTable<'_>> {
        if group.lines.is_empty() {
            return None;
        }
        let years = group.years.iter().map(|(y, t)| (*y, t, &[][..]));
        Some(self.year_table("term-budget-chart", &format!("{name} 연도별 예산"), &[], years, false))
    }

    /// The budget page's overview: per year by sector, each year linked to its page.
    fn overview(&self) -> YearTable<'_> {
        let stacks = &self.archive.budget.year_sectors;
        let years = stacks.years.iter().map(|(y, total, parts)| (*y, total, parts.as_slice()));
        self.year_table("budget-chart", "연도별 예산 합계", &stacks.names, years, true)
    }

    /// A year table from `years` (newest first: year, total, parts in the order of `names`).
    fn year_table<'s, 'y>(
        &'s self,
        chart_id: &str,
        title: &str,
        names: &'s [String],
        years: impl Iterator<Item = (i32, &'y Total, &'y [Total])> + Clone,
        link: bool,
    ) -> YearTable<'s> {
        let series = names.len().max(1);
        let stacked: Vec<(i32, Vec<Amount>)> = years
            .clone()
            .map(|(y, total, parts)| {
                let amounts = if parts.is_empty() {
                    vec![total.amount()]
                } else {
                    parts.iter().map(Total::amount).collect()
                };
                (y, amounts)
            })
            .collect();
        let cols: Vec<Column> = chart::by_year(&stacked, series);
        let legend = if names.is_empty() { vec!["합계".to_string()] } else { names.to_vec() };
        let chart = self
            .charts_on()
            .then(|| chart::columns(chart_id, title, &legend, &cols, &self.archive.config.currency))
            .flatten();
        let years = years
            .map(|(y, total, parts)| YearRow {
                year: y,
                total: self.total_view(total),
                count: total.count,
                url: link.then(|| self.base.url(&format!("budget/{y}/"))),
                parts: parts.iter().map(|p| (p.max != 0).then(|| self.amount_view(p.amount()))).collect(),
            })
            .collect();
        let names = names
            .iter()
            .enumerate()
            .map(|(k, n)| Series { name: n, class: format!("c-{}", k % 6) })
            .collect();
        YearTable { chart, names, years }
    }

    /// The nested totals of the taxonomy reading `source`, as table rows (empty without it).
    fn nested_rows(&self, source: TermSource) -> Vec<NestedRow<'_>> {
        let a = self.archive;
        let Some(x) = a.taxonomy_index(&source) else {
            return Vec::new();
        };
        let tax = &a.taxonomies[x];
        a.budget.nested[x].iter().map(|row| self.nested_row(x, row, &tax.config.title)).collect()
    }

    fn nested_row(&self, x: usize, row: &Row, title: &str) -> NestedRow<'_> {
        let a = self.archive;
        let terms = &a.taxonomies[x].terms;
        let url = |t: usize| self.term_urls[x][t].as_str();
        let member = |t: usize| {
            if Some(t) == row.parent {
                Member::Whole { name: format!("{} 전체 대상", terms[t].name), url: url(t) }
            } else {
                Member::Term(self.term_link(TermId { taxonomy: x, term: t }))
            }
        };
        let (kind, name, url, members, full_total) = match &row.kind {
            RowKind::Term(t) => {
                let full = &a.budget.by_term[x][*t].total;
                let differs = full.amount() != row.total.amount();
                (
                    "term",
                    terms[*t].name.clone(),
                    Some(url(*t)),
                    Vec::new(),
                    differs.then(|| self.total_view(full)).flatten(),
                )
            }
            RowKind::Direct(t) => {
                ("direct", format!("{} 전체 대상", terms[*t].name), Some(url(*t)), Vec::new(), None)
            }
            RowKind::Shared(ms) => {
                let names: Vec<&str> = ms.iter().map(|&t| terms[t].name.as_str()).collect();
                (
                    "shared",
                    format!("{} 공동", names.join("·")),
                    None,
                    ms.iter().map(|&t| member(t)).collect(),
                    None,
                )
            }
            RowKind::SharedRest(n) => ("shared", format!("그 밖의 조합 {n}개"), None, Vec::new(), None),
            RowKind::Unassigned => ("unassigned", format!("{title} 미지정"), None, Vec::new(), None),
        };
        NestedRow {
            depth: row.depth,
            kind,
            name,
            url,
            members,
            parent: row.parent.map(|p| terms[p].name.as_str()).unwrap_or_default(),
            count: row.lines,
            parts: row.parts,
            total: (row.total.max != 0).then(|| self.amount_view(row.total.amount())),
            full_total,
        }
    }

    /// The links to the open data files, or none when `[data]` is off.
    fn data_links(&self) -> Option<BTreeMap<&'static str, String>> {
        self.archive.config.data.enabled.then(|| {
            crate::build::render::opendata::FILES
                .iter()
                .map(|(key, file)| (*key, self.base.url(file)))
                .collect()
        })
    }

    /// What the budget page adds to `budget`: `overview`, `nested_region`, `nested_sector`, `data`.
    pub(super) fn budget_extras(&self) -> BudgetExtras<'_> {
        BudgetExtras {
            overview: self.overview(),
            nested_region: self.nested_rows(TermSource::Region),
            nested_sector: self.nested_rows(TermSource::Sector),
            data: self.data_links(),
        }
    }
}
