//! The budget parts of page contexts: the charts (drawn by [`super::chart`]), the tables they
//! are drawn from, the nested region and sector totals, and the links to the open data files.
//! docs/templates.md documents what is built here.

use super::chart::{self, Bar, Column};
use super::Renderer;
use crate::brief::money::Amount;
use crate::build::config::TermSource;
use crate::build::model::breakdown::{Row, RowKind};
use crate::build::model::BudgetGroup;
use serde_json::{json, Map, Value};

impl Renderer<'_> {
    fn charts_on(&self) -> bool {
        self.archive.config.charts.enabled
    }

    /// Brief `i`'s lines as horizontal bars (two lines or more), or null.
    pub(super) fn brief_chart(&self, i: usize) -> Value {
        let b = &self.archive.briefs[i];
        if !self.charts_on() || b.meta.budget.len() < 2 {
            return Value::Null;
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
            .map(Value::String)
            .unwrap_or_default()
    }

    /// A term's budget per year: `{chart, years: [{year, total, count}]}` (oldest first), or
    /// null when the term has no lines.
    pub(super) fn term_trend(&self, name: &str, group: &BudgetGroup) -> Value {
        if group.lines.is_empty() {
            return Value::Null;
        }
        let years: Vec<(i32, Vec<Amount>)> =
            group.years.iter().map(|(y, t)| (*y, vec![t.amount()])).collect();
        let cols = chart::by_year(&years, 1);
        let svg = self
            .charts_on()
            .then(|| {
                chart::columns(
                    "term-budget-chart",
                    &format!("{name} 연도별 예산"),
                    &["합계".to_string()],
                    &cols,
                    &self.archive.config.currency,
                )
            })
            .flatten();
        let rows: Vec<Value> = group
            .years
            .iter()
            .rev()
            .map(|(y, t)| json!({"year": y, "total": self.total(t), "count": t.count}))
            .collect();
        json!({"chart": svg, "years": rows})
    }

    /// The budget page's overview: per year by sector, as a chart and as a table.
    fn overview(&self) -> Value {
        let stacks = &self.archive.budget.year_sectors;
        let n = stacks.names.len().max(1);
        let years: Vec<(i32, Vec<Amount>)> = stacks
            .years
            .iter()
            .map(|(y, _, parts)| {
                let parts = if parts.is_empty() {
                    vec![Amount::exact(0)]
                } else {
                    parts.iter().map(|p| p.amount()).collect()
                };
                (*y, parts)
            })
            .collect();
        let cols: Vec<Column> = chart::by_year(&years, n);
        let names = if stacks.names.is_empty() { vec!["합계".to_string()] } else { stacks.names.clone() };
        let svg = self
            .charts_on()
            .then(|| {
                chart::columns(
                    "budget-chart",
                    "연도별 예산 합계",
                    &names,
                    &cols,
                    &self.archive.config.currency,
                )
            })
            .flatten();
        let rows: Vec<Value> = stacks
            .years
            .iter()
            .map(|(y, total, parts)| {
                let parts: Vec<Value> = parts
                    .iter()
                    .map(|p| if p.max == 0 { Value::Null } else { self.amount(p.amount()) })
                    .collect();
                obj! {
                    "year" => *y, "total" => self.total(total), "count" => total.count,
                    "url" => self.base.url(&format!("budget/{y}/")), "parts" => parts,
                }
            })
            .collect();
        let names: Vec<Value> = stacks
            .names
            .iter()
            .enumerate()
            .map(|(k, n)| json!({"name": n, "class": format!("c-{}", k % 6)}))
            .collect();
        obj! { "chart" => svg.map(Value::String).unwrap_or_default(), "names" => names, "years" => rows }
    }

    /// The nested totals of the taxonomy reading `source`, as table rows (empty without it).
    fn nested_rows(&self, source: TermSource) -> Value {
        let a = self.archive;
        let Some(x) = a.taxonomy_index(&source) else {
            return Value::Array(Vec::new());
        };
        let tax = &a.taxonomies[x];
        let rows = a.budget.nested[x].iter().map(|row| self.nested_row(x, row, &tax.config.title)).collect();
        Value::Array(rows)
    }

    fn nested_row(&self, x: usize, row: &Row, title: &str) -> Value {
        let a = self.archive;
        let terms = &a.taxonomies[x].terms;
        let member = |t: usize| {
            if Some(t) == row.parent {
                json!({"name": format!("{} 전체 대상", terms[t].name), "url": self.term_urls[x][t]})
            } else {
                self.term_ref(x, t)
            }
        };
        let (kind, name, url, members, full) = match &row.kind {
            RowKind::Term(t) => {
                let full = &a.budget.by_term[x][*t].total;
                let differs = full.amount() != row.total.amount();
                (
                    "term",
                    terms[*t].name.clone(),
                    Value::from(self.term_urls[x][*t].clone()),
                    Vec::new(),
                    differs.then(|| self.total(full)),
                )
            }
            RowKind::Direct(t) => (
                "direct",
                format!("{} 전체 대상", terms[*t].name),
                Value::from(self.term_urls[x][*t].clone()),
                Vec::new(),
                None,
            ),
            RowKind::Shared(ms) => {
                let names: Vec<&str> = ms.iter().map(|&t| terms[t].name.as_str()).collect();
                (
                    "shared",
                    format!("{} 공동", names.join("·")),
                    Value::Null,
                    ms.iter().map(|&t| member(t)).collect(),
                    None,
                )
            }
            RowKind::SharedRest(n) => {
                ("shared", format!("그 밖의 조합 {n}개"), Value::Null, Vec::new(), None)
            }
            RowKind::Unassigned => ("unassigned", format!("{title} 미지정"), Value::Null, Vec::new(), None),
        };
        obj! {
            "depth" => row.depth, "kind" => kind, "name" => name, "url" => url, "members" => members,
            "parent" => row.parent.map(|p| terms[p].name.clone()).unwrap_or_default(),
            "count" => row.lines, "parts" => row.parts,
            "total" => if row.total.max == 0 { Value::Null } else { self.amount(row.total.amount()) },
            "full_total" => full.unwrap_or_default(),
        }
    }

    /// The links to the open data files, or null when `[data]` is off.
    fn data_links(&self) -> Value {
        if !self.archive.config.data.enabled {
            return Value::Null;
        }
        let mut m = Map::new();
        for (key, file) in crate::build::render::opendata::FILES {
            m.insert(key.to_string(), Value::String(self.base.url(file)));
        }
        Value::Object(m)
    }

    /// What the budget page adds to `budget`: `overview`, `nested_region`, `nested_sector`, `data`.
    pub(super) fn budget_extras(&self, budget: &mut Value) {
        if let Value::Object(m) = budget {
            m.insert("overview".into(), self.overview());
            m.insert("nested_region".into(), self.nested_rows(TermSource::Region));
            m.insert("nested_sector".into(), self.nested_rows(TermSource::Sector));
            m.insert("data".into(), self.data_links());
        }
    }
}
