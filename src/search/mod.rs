//! The search index `annals build` writes for the briefs, read by the theme's `search.js`:
//!
//! - `search/index/meta.json`: counts, and the build's version (search.js adds it to every
//!   chunk's URL, so a browser never mixes chunks of two builds);
//! - `search/index/t<k>.bin`: token chunks; a token lives in chunk `hash % chunks`;
//! - `search/index/d<k>.json`: what a result shows (path, title, date, regions, sectors, summary),
//!   [`DOCS_PER_CHUNK`] briefs per file in the model's order (newest first).
//!
//! A token chunk is a sequence of entries: the upper 32 bits of the token's hash (LE), the
//! entry's length in bytes (varint), then five brief sets (see `sets`): any field, title,
//! summary, terms, body often. Filters are tokens too: `=region:<name>`, `=sector:<name>` (with descendant terms) and `=year:<year>`.

mod index;
mod sets;
pub mod tokenize;

use crate::config::TermSource;
use crate::model::Archive;
use serde_json::{json, Value};

/// Where the index goes, under the output folder.
pub const DIR: &str = "search/index/";

/// Briefs per result file.
pub const DOCS_PER_CHUNK: usize = 20;

/// Bytes a token chunk aims at; the number of chunks follows from the index's size.
const CHUNK_BYTES: usize = 6 * 1024;

/// At most this many token chunks, whatever the size (the site's file count matters to hosts).
const MAX_CHUNKS: usize = 480;

/// The index's files, as (site path, bytes).
pub fn build(archive: &Archive) -> Vec<(String, Vec<u8>)> {
    let mut postings = index::build(archive);
    for (token, briefs) in facets(archive) {
        let p = postings.entry(tokenize::hash(&token)).or_default();
        p.any = briefs;
    }
    let n = archive.briefs.len() as u32;
    let mut entries: Vec<(u64, Vec<u8>)> = postings.into_iter().map(|(h, p)| (h, entry(h, &p, n))).collect();
    let total: usize = entries.iter().map(|e| e.1.len()).sum();
    let chunks = total.div_ceil(CHUNK_BYTES).clamp(1, MAX_CHUNKS) as u64;
    entries.sort_unstable_by_key(|(h, _)| (h % chunks, h >> 32));
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut bodies: Vec<Vec<u8>> = vec![Vec::new(); chunks as usize];
    for (h, bytes) in entries {
        bodies[(h % chunks) as usize].extend_from_slice(&bytes);
    }
    let mut version = tokenize::hash("");
    for (k, body) in bodies.into_iter().enumerate() {
        version = mix(version, &body);
        files.push((format!("{DIR}t{k}.bin"), body));
    }
    for (k, start) in (0..archive.briefs.len()).step_by(DOCS_PER_CHUNK).enumerate() {
        let docs: Vec<Value> =
            (start..(start + DOCS_PER_CHUNK).min(archive.briefs.len())).map(|i| doc(archive, i)).collect();
        let body = serde_json::to_vec(&docs).expect("JSON values serialise");
        version = mix(version, &body);
        files.push((format!("{DIR}d{k}.json"), body));
    }
    let meta = json!({
        "format": 1,
        "version": format!("{version:016x}"),
        "briefs": archive.briefs.len(),
        "chunks": chunks,
        "docs_per_chunk": DOCS_PER_CHUNK,
    });
    files.push((format!("{DIR}meta.json"), serde_json::to_vec(&meta).expect("JSON values serialise")));
    files
}

fn mix(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// The filter tokens and their briefs.
fn facets(archive: &Archive) -> Vec<(String, Vec<u32>)> {
    let mut out = Vec::new();
    for (source, name) in [(TermSource::Region, "region"), (TermSource::Sector, "sector")] {
        let Some(x) = archive.taxonomy_index(&source) else { continue };
        for term in &archive.taxonomies[x].terms {
            let mut briefs: Vec<u32> =
                term.briefs.iter().chain(&term.descendant_briefs).map(|&b| b as u32).collect();
            briefs.sort_unstable();
            briefs.dedup();
            out.push((format!("={name}:{}", term.name), briefs));
        }
    }
    for y in &archive.timeline {
        let briefs = y.months.iter().flat_map(|m| m.briefs.iter().map(|&b| b as u32));
        let mut briefs: Vec<u32> = briefs.collect();
        briefs.sort_unstable();
        out.push((format!("=year:{}", y.year), briefs));
    }
    out
}

/// The years, regions and sectors the search page offers as filters.
pub fn filters(archive: &Archive) -> Value {
    let names = |source: TermSource| -> Vec<String> {
        archive
            .taxonomy_index(&source)
            .map(|x| archive.taxonomies[x].terms.iter().map(|t| t.name.clone()).collect())
            .unwrap_or_default()
    };
    json!({
        "regions": names(TermSource::Region),
        "sectors": names(TermSource::Sector),
        "years": archive.timeline.iter().map(|y| y.year).collect::<Vec<_>>(),
    })
}

/// One result's data: [site path, title, date, regions, sectors, summary].
fn doc(archive: &Archive, i: usize) -> Value {
    let b = &archive.briefs[i];
    json!([
        archive.brief_path(i),
        b.meta.title,
        b.meta.date.view().iso.get(..10).unwrap_or_default(),
        b.meta.region,
        b.meta.sector,
        archive.summaries[i],
    ])
}

/// One token's entry in its chunk.
fn entry(h: u64, p: &index::Postings, n: u32) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(p.any.len() + 16);
    sets::write(&p.any, n, &mut bytes);
    for list in &p.by_flag {
        sets::write(list, n, &mut bytes);
    }
    let mut out = Vec::with_capacity(bytes.len() + 8);
    out.extend_from_slice(&((h >> 32) as u32).to_le_bytes());
    sets::varint(bytes.len() as u64, &mut out);
    out.extend_from_slice(&bytes);
    out
}
