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
use std::fmt::Write as _;
use std::io::{self, Write};

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
    /// The sink refused the file (or, not expected with these types, it could not be encoded).
    #[error("cannot write {file}: {source}")]
    Write {
        /// The file.
        file: &'static str,
        /// The cause.
        source: io::Error,
    },
}

/// What the files say alike about one brief.
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

/// Brief `i`'s keys, made as each file is written rather than held for the whole archive.
fn keys(a: &Archive, i: usize) -> Keys {
    let m = &a.briefs[i].meta;
    Keys {
        url: a.config.base_url.absolute(&a.brief_path(i)),
        datetime: m.date.rfc3339(),
        iso: m.date.iso_date(),
        published: m.source.as_ref().and_then(|s| s.published.as_ref()).map(|d| d.rfc3339()),
    }
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
        summary: a.summary(i),
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
fn briefs_json(a: &Archive, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"[")?;
    // Each record into one reused buffer, written at once: serde_json writes many small pieces,
    // and each was a call through `dyn Write` into the file's buffer.
    let mut line = Vec::with_capacity(1024);
    for i in 0..a.briefs.len() {
        line.clear();
        line.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        serde_json::to_writer(&mut line, &record(a, i, &keys(a, i)))?;
        out.write_all(&line)?;
    }
    out.write_all(b"\n]\n")
}

/// A CSV writer into `out`, after the byte order mark.
fn csv_with_bom(out: &mut dyn Write) -> io::Result<csv::Writer<&mut dyn Write>> {
    out.write_all(BOM)?;
    Ok(csv::Writer::from_writer(out))
}

/// `budget.csv`: one row per line, newest brief first. `regions` and `sector` are the terms
/// the line counts for: its own, or its brief's when it names none (then possibly several).
fn budget_csv(a: &Archive, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv_with_bom(out)?;
    w.write_record(BUDGET_COLUMNS)?;
    let (mut min, mut max) = (String::new(), String::new());
    for (i, b) in a.briefs.iter().enumerate() {
        if b.meta.budget.is_empty() {
            continue;
        }
        let k = keys(a, i);
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
            w.write_record(row)?;
        }
    }
    w.flush()
}

/// `people.csv`: one row per attendance, newest brief first.
fn people_csv(a: &Archive, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv_with_bom(out)?;
    w.write_record(PEOPLE_COLUMNS)?;
    for b in &a.briefs {
        if b.meta.attendees.is_empty() {
            continue;
        }
        let iso = b.meta.date.iso_date();
        for p in &b.meta.attendees {
            w.write_record([&p.name, &p.role, &p.org, &b.slug, &iso])?;
        }
    }
    w.flush()
}

/// Makes one data file into the writer given.
type Maker<'a> = dyn Fn(&mut dyn Write) -> io::Result<()> + 'a;

/// Writes every data file into `sink` (nothing when `[data]` is off), each streamed as it is
/// made: at 100,000 briefs `briefs.json` alone is hundreds of megabytes. Returns how many.
pub fn write(a: &Archive, sink: &dyn Sink) -> Result<usize, DataError> {
    if !a.config.data.enabled {
        return Ok(0);
    }
    let schema = |out: &mut dyn Write| out.write_all(SCHEMA.as_bytes());
    let files: [(&'static str, &Maker<'_>); 4] = [
        (FILES[0].1, &|out| briefs_json(a, out)),
        (FILES[1].1, &|out| budget_csv(a, out)),
        (FILES[2].1, &|out| people_csv(a, out)),
        (FILES[3].1, &schema),
    ];
    for (file, fill) in files {
        sink.write_with(file, &mut |out| fill(out)).map_err(|source| DataError::Write { file, source })?;
    }
    Ok(files.len())
}
