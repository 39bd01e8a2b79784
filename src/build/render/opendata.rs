//! Open data files written with every build (unless `[data] enabled = false`): `data/briefs.json`
//! (one object per brief), `data/budget.csv` (one row per budget line), `data/people.csv` (one
//! row per attendance) and `data/briefs.schema.json` (the JSON Schema of briefs.json, the same
//! file as docs/briefs.schema.json). Amounts are integers in the smallest currency unit; a
//! range keeps both ends. URLs follow `base_url`.
//!
//! The CSV files start with a UTF-8 byte order mark: without it, spreadsheet programs on
//! Korean Windows read a CSV file as CP949 and turn every Hangul letter into mojibake. Python
//! (`encoding="utf-8-sig"`), R and the `csv` crate all read past the mark.

use crate::build::config::TermSource;
use crate::build::model::taxonomy::terms_of;
use crate::build::model::{line_names, Archive};
use crate::build::output::Sink;
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// Template keys and site paths of the files, for links (the budget page).
pub const FILES: [(&str, &str); 4] = [
    ("briefs_json", "data/briefs.json"),
    ("budget_csv", "data/budget.csv"),
    ("people_csv", "data/people.csv"),
    ("schema", "data/briefs.schema.json"),
];

/// The JSON Schema of `briefs.json`.
pub const SCHEMA: &str = include_str!("../../../docs/briefs.schema.json");

/// The UTF-8 byte order mark the CSV files start with.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Columns of `budget.csv`.
pub const BUDGET_COLUMNS: [&str; 11] = [
    "brief",
    "url",
    "date",
    "year",
    "item",
    "amount_min",
    "amount_max",
    "currency",
    "regions",
    "sector",
    "part_of",
];

/// Columns of `people.csv`.
pub const PEOPLE_COLUMNS: [&str; 5] = ["name", "role", "org", "brief", "date"];

/// Separator of several terms in one CSV cell.
pub const LIST_SEPARATOR: &str = "; ";

/// One brief in `briefs.json`. `S` is how its text is held: `String` when read back, `&str`
/// when written (the build serialises borrowed text instead of copying the whole archive).
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct BriefRecord<S = String> {
    /// URL name.
    pub slug: S,
    /// Absolute address of its page.
    pub url: S,
    /// Title.
    pub title: S,
    /// RFC 3339 date-time with the site zone's offset.
    pub date: S,
    /// Plain-text summary (the `summary` field or an excerpt).
    pub summary: S,
    /// Regions, as written (canonical spelling).
    pub regions: Vec<S>,
    /// Sectors.
    pub sectors: Vec<S>,
    /// Agenda items.
    pub agenda: Vec<S>,
    /// Who attended.
    pub attendees: Vec<PersonRecord<S>>,
    /// Where it comes from, if known.
    pub source: Option<SourceRecord<S>>,
    /// Budget lines, in the brief's order.
    pub budget: Vec<LineRecord<S>>,
}

/// An attendee in `briefs.json`.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct PersonRecord<S = String> {
    /// Name.
    pub name: S,
    /// Role, may be empty.
    pub role: S,
    /// Organisation, may be empty.
    pub org: S,
}

/// A brief's source in `briefs.json`.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct SourceRecord<S = String> {
    /// Publisher.
    pub publisher: S,
    /// Author.
    pub author: S,
    /// Address of the original.
    pub url: S,
    /// RFC 3339, if known.
    pub published: Option<S>,
}

/// A budget line in `briefs.json`.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct LineRecord<S = String> {
    /// What the money pays for.
    pub item: S,
    /// Lower end (the only figure when not a range), in the smallest unit.
    pub amount_min: u64,
    /// Upper end.
    pub amount_max: u64,
    /// ISO 4217 code.
    pub currency: S,
    /// The line's own region, if it names one.
    pub region: Option<S>,
    /// The line's own sector, if it names one.
    pub sector: Option<S>,
    /// The item of the line of the same brief this one is a part of.
    pub part_of: Option<S>,
}

/// Why a data file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// Serialising failed (not expected with these types).
    #[error("{file}: {message}")]
    Encode {
        /// The file.
        file: &'static str,
        /// What went wrong.
        message: String,
    },
    /// The sink refused the file.
    #[error("cannot write {file}: {source}")]
    Write {
        /// The file.
        file: &'static str,
        /// The cause.
        source: std::io::Error,
    },
}

/// What the files say alike about one brief, worked out once for all three.
struct Keys {
    /// Absolute address of its page.
    url: String,
    /// RFC 3339 date-time.
    datetime: String,
    /// The calendar date, `2024-01-19`.
    iso: String,
    /// Its source's date, RFC 3339.
    published: Option<String>,
}

fn keys(a: &Archive) -> Vec<Keys> {
    (0..a.briefs.len())
        .map(|i| {
            let m = &a.briefs[i].meta;
            Keys {
                url: a.config.base_url.absolute(&a.brief_path(i)),
                datetime: m.date.rfc3339(),
                iso: m.date.iso_date(),
                published: m.source.as_ref().and_then(|s| s.published.as_ref()).map(|d| d.rfc3339()),
            }
        })
        .collect()
}

/// Brief `i` as a record of borrowed text.
fn record<'a>(a: &'a Archive, i: usize, k: &'a Keys) -> BriefRecord<&'a str> {
    let b = &a.briefs[i];
    let m = &b.meta;
    let strs = |v: &'a [String]| v.iter().map(String::as_str).collect();
    BriefRecord {
        slug: &b.slug,
        url: &k.url,
        title: &m.title,
        date: &k.datetime,
        summary: &a.summaries[i],
        regions: strs(&m.region),
        sectors: strs(&m.sector),
        agenda: strs(&m.agenda),
        attendees: m
            .attendees
            .iter()
            .map(|p| PersonRecord::<&str> { name: &p.name, role: &p.role, org: &p.org })
            .collect(),
        source: m.source.as_ref().map(|s| SourceRecord::<&str> {
            publisher: &s.publisher,
            author: &s.author,
            url: &s.url,
            published: k.published.as_deref(),
        }),
        budget: m
            .budget
            .iter()
            .map(|l| LineRecord::<&str> {
                item: &l.item,
                amount_min: l.amount.min,
                amount_max: l.amount.max,
                currency: &a.config.currency,
                region: l.region.as_deref(),
                sector: l.sector.as_deref(),
                part_of: l.part_of.as_deref(),
            })
            .collect(),
    }
}

/// `briefs.json`: an array with one brief per line (newest first), so that diffs between
/// builds stay readable.
fn briefs_json(a: &Archive, keys: &[Keys]) -> Result<Vec<u8>, DataError> {
    let mut out = Vec::with_capacity(a.briefs.len() * 1024);
    out.extend_from_slice(b"[");
    for (i, k) in keys.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        serde_json::to_writer(&mut out, &record(a, i, k))
            .map_err(|e| DataError::Encode { file: "data/briefs.json", message: e.to_string() })?;
    }
    out.extend_from_slice(b"\n]\n");
    Ok(out)
}

/// An output buffer for about `size` bytes of CSV, starting with the byte order mark.
fn with_bom(size: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(BOM.len() + size);
    out.extend_from_slice(BOM);
    out
}

fn csv_error(file: &'static str) -> impl Fn(csv::Error) -> DataError {
    move |e| DataError::Encode { file, message: e.to_string() }
}

/// `budget.csv`: one row per line, newest brief first. `regions` and `sector` are the terms
/// the line counts for: its own, or its brief's when it names none (then possibly several).
fn budget_csv(a: &Archive, keys: &[Keys]) -> Result<Vec<u8>, DataError> {
    const FILE: &str = "data/budget.csv";
    let lines: usize = a.briefs.iter().map(|b| b.meta.budget.len()).sum();
    let mut w = csv::Writer::from_writer(with_bom(lines * 256));
    w.write_record(BUDGET_COLUMNS).map_err(csv_error(FILE))?;
    let (mut min, mut max) = (String::new(), String::new());
    for (b, k) in a.briefs.iter().zip(keys) {
        if b.meta.budget.is_empty() {
            continue;
        }
        let (regions, sectors) = (terms_of(b, &TermSource::Region), terms_of(b, &TermSource::Sector));
        let year = b.meta.date.date().year().to_string();
        for l in &b.meta.budget {
            // Into the same two buffers for every line: writing to a String cannot fail.
            min.clear();
            max.clear();
            let _ = (write!(min, "{}", l.amount.min), write!(max, "{}", l.amount.max));
            let region = line_names(l.region.as_deref(), &regions).join(LIST_SEPARATOR);
            let sector = line_names(l.sector.as_deref(), &sectors).join(LIST_SEPARATOR);
            let row: [&str; 11] = [
                &b.slug,
                &k.url,
                &k.iso,
                &year,
                &l.item,
                &min,
                &max,
                &a.config.currency,
                &region,
                &sector,
                l.part_of.as_deref().unwrap_or(""),
            ];
            w.write_record(row).map_err(csv_error(FILE))?;
        }
    }
    w.into_inner().map_err(|e| DataError::Encode { file: FILE, message: e.to_string() })
}

/// `people.csv`: one row per attendance, newest brief first.
fn people_csv(a: &Archive, keys: &[Keys]) -> Result<Vec<u8>, DataError> {
    const FILE: &str = "data/people.csv";
    let rows: usize = a.briefs.iter().map(|b| b.meta.attendees.len()).sum();
    let mut w = csv::Writer::from_writer(with_bom(rows * 128));
    w.write_record(PEOPLE_COLUMNS).map_err(csv_error(FILE))?;
    for (b, k) in a.briefs.iter().zip(keys) {
        for p in &b.meta.attendees {
            w.write_record([&p.name, &p.role, &p.org, &b.slug, &k.iso]).map_err(csv_error(FILE))?;
        }
    }
    w.into_inner().map_err(|e| DataError::Encode { file: FILE, message: e.to_string() })
}

/// Writes every data file into `sink` (nothing when `[data]` is off). Returns how many.
pub fn write(a: &Archive, sink: &dyn Sink) -> Result<usize, DataError> {
    if !a.config.data.enabled {
        return Ok(0);
    }
    let keys = keys(a);
    let files: [(&'static str, Vec<u8>); 4] = [
        (FILES[0].1, briefs_json(a, &keys)?),
        (FILES[1].1, budget_csv(a, &keys)?),
        (FILES[2].1, people_csv(a, &keys)?),
        (FILES[3].1, SCHEMA.as_bytes().to_vec()),
    ];
    for (file, bytes) in &files {
        sink.write(file, bytes).map_err(|source| DataError::Write { file, source })?;
    }
    Ok(files.len())
}
