//! The search index `annals build` writes for the briefs, read by the theme's `search.js`:
//!
//! - `search/index/meta.json`: counts, and the build's version (search.js adds it to every
//!   file's URL, so a browser never mixes files of two builds);
//! - `search/index/t<k>.bin`: token chunks; a token lives in chunk `hash % chunks`;
//! - `search/index/d<k>.bin`: what a result shows, [`DOCS_PER_CHUNK`] briefs per file in the
//!   model's order (newest first).
//!
//! Both kinds of file start with a directory, so that a browser can ask for the few bytes it
//! needs with HTTP `Range` requests (what GitHub Pages, Cloudflare Pages and Netlify serve): the
//! directory, then one token's entry or one brief's record. A server without ranges sends the
//! whole file, which search.js uses as well.
//!
//! A token chunk: the directory's length in bytes (u32 LE); the directory, one line per token
//! sorted by key: the upper 32 bits of the token's hash (u32 LE) and the length of its entry
//! (varint), entries following each other after the directory in that order; the entries: five
//! brief sets each (see `sets`): any field, title, summary, terms, body often. Filters are
//! tokens too: `=region:<name>`, `=sector:<name>` (with descendant terms) and `=year:<year>`.
//!
//! A result file: the number of briefs `c` (u32 LE), `c + 1` offsets (u32 LE) of their records
//! counted from the end of the offsets, then the records: each a JSON array [site path, title,
//! date, regions, sectors, summary].

mod index;
mod sets;
pub mod tokenize;

use crate::build::config::TermSource;
use crate::build::model::Archive;
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use serde_json::{json, Value};

/// Where the index goes, under the output folder.
pub const DIR: &str = "search/index/";

/// Briefs per result file.
pub const DOCS_PER_CHUNK: usize = 40;

/// Tokens a chunk aims at: its directory (about 6 bytes a token) is what a query downloads
/// besides the entries themselves.
const CHUNK_TOKENS: usize = 64;

/// At most this many token chunks, whatever the size (the site's file count matters to hosts).
const MAX_CHUNKS: usize = 600;

/// The index's files, as (site path, bytes); or the problem of a body that could not be read
/// again.
pub fn build(archive: &Archive) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let mut postings = index::build(archive)?;
    for (token, briefs) in facets(archive) {
        let mut p = index::Postings::default();
        for b in briefs {
            p.push(b, 0);
        }
        postings.insert(tokenize::hash(&token), p);
    }
    let n = archive.briefs.len() as u32;
    let maps = postings.into_maps();
    let tokens: usize = maps.iter().map(|m| m.len()).sum();
    let chunks = tokens.div_ceil(CHUNK_TOKENS).clamp(1, MAX_CHUNKS) as u64;
    // Each token goes to its chunk with its sort key there (key in the chunk, then the whole
    // hash: two tokens alike in the key keep one order whatever order the shards gave them in).
    // The postings are moved, not copied, and each chunk's are dropped once its file is
    // written: the postings and the finished files are never all held at once (at 100,000
    // briefs the difference was 55 MB of peak memory).
    let mut buckets: Vec<Vec<((u64, u64), index::Postings)>> = (0..chunks).map(|_| Vec::new()).collect();
    for map in maps {
        for (h, p) in map {
            buckets[(h % chunks) as usize].push(((h >> 32, h), p));
        }
    }
    let chunk_files: Vec<Vec<u8>> = buckets
        .into_par_iter()
        .map_init(EntryScratch::default, |scratch, mut tokens| {
            tokens.sort_unstable_by_key(|e| e.0);
            chunk_file(&tokens, n, scratch)
        })
        .collect();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut version = tokenize::hash("");
    for (k, file) in chunk_files.into_iter().enumerate() {
        version = mix(version, &file);
        files.push((format!("{DIR}t{k}.bin"), file));
    }
    for (k, start) in (0..archive.briefs.len()).step_by(DOCS_PER_CHUNK).enumerate() {
        let file = results(archive, start..(start + DOCS_PER_CHUNK).min(archive.briefs.len()));
        version = mix(version, &file);
        files.push((format!("{DIR}d{k}.bin"), file));
    }
    let meta = json!({
        "format": 2,
        "version": format!("{version:016x}"),
        "briefs": archive.briefs.len(),
        "chunks": chunks,
        "docs_per_chunk": DOCS_PER_CHUNK,
    });
    files.push((format!("{DIR}meta.json"), serde_json::to_vec(&meta).expect("JSON values serialise")));
    Ok(files)
}

/// One result file: count, offsets, records.
fn results(archive: &Archive, briefs: std::ops::Range<usize>) -> Vec<u8> {
    let mut records = Vec::new();
    let mut offsets = vec![0u32];
    for i in briefs {
        serde_json::to_writer(&mut records, &doc(archive, i)).expect("JSON values serialise");
        offsets.push(records.len() as u32);
    }
    let mut file = Vec::with_capacity(4 + 4 * offsets.len() + records.len());
    file.extend_from_slice(&(offsets.len() as u32 - 1).to_le_bytes());
    for o in offsets {
        file.extend_from_slice(&o.to_le_bytes());
    }
    file.extend_from_slice(&records);
    file
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
                term.briefs.iter().chain(&term.descendant_briefs).map(|b| b.0 as u32).collect();
            briefs.sort_unstable();
            briefs.dedup();
            out.push((format!("={name}:{}", term.name), briefs));
        }
    }
    for y in &archive.timeline {
        let briefs = y.months.iter().flat_map(|m| m.briefs.iter().map(|b| b.0 as u32));
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
        b.meta.date.iso_date().get(..10).unwrap_or_default(),
        b.meta.region,
        b.meta.sector,
        archive.summary(i),
    ])
}

/// The brief lists [`entry`] fills, kept from one token to the next.
#[derive(Default)]
struct EntryScratch {
    any: Vec<u32>,
    by_flag: [Vec<u32>; 4],
}

/// One token chunk: its directory's length, the directory, the entries, for `tokens` sorted by
/// key.
fn chunk_file(tokens: &[((u64, u64), index::Postings)], n: u32, scratch: &mut EntryScratch) -> Vec<u8> {
    let mut dir = Vec::with_capacity(tokens.len() * 6);
    let mut body = Vec::new();
    for ((key, _), p) in tokens {
        let start = body.len();
        entry(p, n, scratch, &mut body);
        dir.extend_from_slice(&(*key as u32).to_le_bytes());
        sets::varint((body.len() - start) as u64, &mut dir);
    }
    let mut file = Vec::with_capacity(4 + dir.len() + body.len());
    file.extend_from_slice(&(dir.len() as u32).to_le_bytes());
    file.extend_from_slice(&dir);
    file.extend_from_slice(&body);
    file
}

/// Appends one token's entry in its chunk to `out`.
fn entry(p: &index::Postings, n: u32, scratch: &mut EntryScratch, out: &mut Vec<u8>) {
    let EntryScratch { any, by_flag } = scratch;
    any.clear();
    by_flag.iter_mut().for_each(Vec::clear);
    for (doc, flags) in p.iter() {
        any.push(doc);
        for (bit, list) in by_flag.iter_mut().enumerate() {
            if flags & (1 << bit) != 0 {
                list.push(doc);
            }
        }
    }
    sets::write(any, n, out);
    for list in by_flag.iter() {
        sets::write(list, n, out);
    }
}
