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
use serde::{Deserialize, Serialize};

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

/// One brief in `briefs.json`.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct BriefRecord {
    /// URL name.
    pub slug: String,
    /// Absolute address of its page.
    pub url: String,
    /// Title.
    pub title: String,
    /// RFC 3339 date-time with the site zone's offset.
    pub date: String,
    /// Plain-text summary (the `summary` field or an excerpt).
    pub summary: String,
    /// Regions, as written (canonical spelling).
    pub regions: Vec<String>,
    /// Sectors.
    pub sectors: Vec<String>,
    /// Agenda items.
    pub agenda: Vec<String>,
    /// Who attended.
    pub attendees: Vec<PersonRecord>,
    /// Where it comes from, if known.
    pub source: Option<SourceRecord>,
    /// Budget lines, in the brief's order.
    pub budget: Vec<LineRecord>,
}

/// An attendee in `briefs.json`.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct PersonRecord {
    /// Name.
    pub name: String,
    /// Role, may be empty.
    pub role: String,
    /// Organisation, may be empty.
    pub org: String,
}

/// A brief's source in `briefs.json`.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct SourceRecord {
    /// Publisher.
    pub publisher: String,
    /// Author.
    pub author: String,
    /// Address of the original.
    pub url: String,
    /// RFC 3339, if known.
    pub published: Option<String>,
}

/// A budget line in `briefs.json`.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct LineRecord {
    /// What the money pays for.
    pub item: String,
    /// Lower end (the only figure when not a range), in the smallest unit.
    pub amount_min: u64,
    /// Upper end.
    pub amount_max: u64,
    /// ISO 4217 code.
    pub currency: String,
    /// The line's own region, if it names one.
    pub region: Option<String>,
    /// The line's own sector, if it names one.
    pub sector: Option<String>,
    /// The item of the line of the same brief this one is a part of.
    pub part_of: Option<String>,
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

/// Every brief as a record, newest first.
pub fn records(a: &Archive) -> Vec<BriefRecord> {
    let currency = &a.config.currency;
    (0..a.briefs.len())
        .map(|i| {
            let b = &a.briefs[i];
            let m = &b.meta;
            BriefRecord {
                slug: b.slug.clone(),
                url: a.config.base_url.absolute(&a.brief_path(i)),
                title: m.title.clone(),
                date: m.date.view().datetime,
                summary: a.summaries[i].clone(),
                regions: m.region.clone(),
                sectors: m.sector.clone(),
                agenda: m.agenda.clone(),
                attendees: m
                    .attendees
                    .iter()
                    .map(|p| PersonRecord { name: p.name.clone(), role: p.role.clone(), org: p.org.clone() })
                    .collect(),
                source: m.source.as_ref().map(|s| SourceRecord {
                    publisher: s.publisher.clone(),
                    author: s.author.clone(),
                    url: s.url.clone(),
                    published: s.published.as_ref().map(|d| d.view().datetime),
                }),
                budget: m
                    .budget
                    .iter()
                    .map(|l| LineRecord {
                        item: l.item.clone(),
                        amount_min: l.amount.min,
                        amount_max: l.amount.max,
                        currency: currency.clone(),
                        region: l.region.clone(),
                        sector: l.sector.clone(),
                        part_of: l.part_of.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// `briefs.json`: an array with one brief per line, so that diffs between builds stay readable.
pub fn briefs_json(a: &Archive) -> Result<Vec<u8>, DataError> {
    let mut out = Vec::with_capacity(a.briefs.len() * 1024);
    out.extend_from_slice(b"[");
    for (i, r) in records(a).iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        serde_json::to_writer(&mut out, r)
            .map_err(|e| DataError::Encode { file: "data/briefs.json", message: e.to_string() })?;
    }
    out.extend_from_slice(b"\n]\n");
    Ok(out)
}

fn csv_error(file: &'static str) -> impl Fn(csv::Error) -> DataError {
    move |e| DataError::Encode { file, message: e.to_string() }
}

/// `budget.csv`: one row per line, newest brief first. `regions` and `sector` are the terms
/// the line counts for: its own, or its brief's when it names none (then possibly several).
pub fn budget_csv(a: &Archive) -> Result<Vec<u8>, DataError> {
    const FILE: &str = "data/budget.csv";
    let mut w = csv::Writer::from_writer(BOM.to_vec());
    w.write_record(BUDGET_COLUMNS).map_err(csv_error(FILE))?;
    for (i, b) in a.briefs.iter().enumerate() {
        let (regions, sectors) = (terms_of(b, &TermSource::Region), terms_of(b, &TermSource::Sector));
        let (url, date) = (a.config.base_url.absolute(&a.brief_path(i)), b.meta.date.view());
        for l in &b.meta.budget {
            let (min, max) = (l.amount.min.to_string(), l.amount.max.to_string());
            let year = date.year.to_string();
            let region = line_names(l.region.as_deref(), &regions).join(LIST_SEPARATOR);
            let sector = line_names(l.sector.as_deref(), &sectors).join(LIST_SEPARATOR);
            let row: [&str; 11] = [
                &b.slug,
                &url,
                &date.iso,
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
pub fn people_csv(a: &Archive) -> Result<Vec<u8>, DataError> {
    const FILE: &str = "data/people.csv";
    let mut w = csv::Writer::from_writer(BOM.to_vec());
    w.write_record(PEOPLE_COLUMNS).map_err(csv_error(FILE))?;
    for b in &a.briefs {
        let date = b.meta.date.view().iso;
        for p in &b.meta.attendees {
            w.write_record([&p.name, &p.role, &p.org, &b.slug, &date]).map_err(csv_error(FILE))?;
        }
    }
    w.into_inner().map_err(|e| DataError::Encode { file: FILE, message: e.to_string() })
}

/// Writes every data file into `sink` (nothing when `[data]` is off). Returns how many.
pub fn write(a: &Archive, sink: &dyn Sink) -> Result<usize, DataError> {
    if !a.config.data.enabled {
        return Ok(0);
    }
    let files: [(&'static str, Vec<u8>); 4] = [
        (FILES[0].1, briefs_json(a)?),
        (FILES[1].1, budget_csv(a)?),
        (FILES[2].1, people_csv(a)?),
        (FILES[3].1, SCHEMA.as_bytes().to_vec()),
    ];
    for (file, bytes) in &files {
        sink.write(file, bytes).map_err(|source| DataError::Write { file, source })?;
    }
    Ok(files.len())
}
