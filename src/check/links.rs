//! Checking outside links (`annals check --external`): every `http(s)` link in brief bodies and
//! every `source.url`, asked HEAD then GET, a few at a time, with a time limit per request. A
//! result is kept for a day in `.annals-cache/external-links.tsv`, so a second check the same day
//! asks nothing again (link checkers that hammer sites get blocked, zola#1056).

use crate::build::content::Brief;
use crate::diagnostics::Diagnostic;
use pulldown_cmark::{Event, Parser, Tag};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The cache file, relative to the site folder.
pub const CACHE_FILE: &str = ".annals-cache/external-links.tsv";
const CACHE_SECONDS: u64 = 24 * 60 * 60;

/// How the check runs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Requests at once.
    pub concurrency: usize,
    /// Time limit per request.
    pub timeout: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { concurrency: 8, timeout: Duration::from_secs(10) }
    }
}

/// Where a link was written: file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The brief's file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
}

/// Every outside link of the briefs (of the site folder `root`), with the places that use it;
/// a body that cannot be read again goes to `problems`.
pub fn collect(
    root: &Path,
    briefs: &[Brief],
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Vec<Place>> {
    let mut out: BTreeMap<String, Vec<Place>> = BTreeMap::new();
    for b in briefs {
        if let Some(url) = b.meta.source.as_ref().map(|s| &s.url).filter(|u| is_external(u)) {
            let line = b.body_line.saturating_sub(1).max(1);
            out.entry(url.clone()).or_default().push(Place { path: b.path.clone(), line });
        }
        let body = match b.body(root) {
            Ok(body) => body,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        let starts: Vec<usize> =
            std::iter::once(0).chain(body.match_indices('\n').map(|(i, _)| i + 1)).collect();
        for (event, range) in Parser::new(&body).into_offset_iter() {
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
                if is_external(&dest_url) {
                    let line = starts.partition_point(|&s| s <= range.start) - 1 + b.body_line;
                    out.entry(dest_url.to_string()).or_default().push(Place { path: b.path.clone(), line });
                }
            }
        }
    }
    out
}

fn is_external(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

/// The outcome for one URL: `Ok(status)` or `Err(why)`.
type Outcome = Result<u16, String>;

/// Asks one URL: HEAD, then GET when HEAD is refused or fails (many servers do not answer HEAD).
fn probe(agent: &ureq::Agent, url: &str) -> Outcome {
    let ask = |method: &str| match agent.request(method, url).call() {
        Ok(r) => Ok(r.status()),
        Err(ureq::Error::Status(code, _)) => Ok(code),
        Err(e) => Err(e.to_string()),
    };
    match ask("HEAD") {
        Ok(code) if code < 400 => Ok(code),
        _ => ask("GET"),
    }
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

fn read_cache(path: &Path) -> BTreeMap<String, (u16, u64)> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let mut parts = l.split('\t');
            let (url, code, at) = (parts.next()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
            Some((url.to_string(), (code, at)))
        })
        .filter(|(_, (_, at))| now().saturating_sub(*at) < CACHE_SECONDS)
        .collect()
}

/// Checks every outside link; returns one error per dead link and place.
pub fn check(root: &Path, briefs: &[Brief], settings: &Settings) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let links = collect(root, briefs, &mut problems);
    let cache_path = root.join(CACHE_FILE);
    let cache = read_cache(&cache_path);
    let todo: Vec<&String> = links.keys().filter(|u| !cache.contains_key(*u)).collect();
    let agent = ureq::AgentBuilder::new()
        .timeout(settings.timeout)
        .redirects(5)
        .user_agent(concat!("Mozilla/5.0 (compatible; annals-link-check/", env!("CARGO_PKG_VERSION"), ")"))
        .build();
    let results: Mutex<BTreeMap<String, Outcome>> = Mutex::new(BTreeMap::new());
    let next = Mutex::new(todo.into_iter());
    std::thread::scope(|scope| {
        for _ in 0..settings.concurrency.max(1) {
            scope.spawn(|| loop {
                let Some(url) = next.lock().unwrap_or_else(|e| e.into_inner()).next() else { break };
                let outcome = probe(&agent, url);
                results.lock().unwrap_or_else(|e| e.into_inner()).insert(url.clone(), outcome);
            });
        }
    });
    let results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    // Only answers are cached: a timeout or refused connection is asked again next time.
    let mut fresh = cache.clone();
    for (url, outcome) in &results {
        if let Ok(code) = outcome {
            fresh.insert(url.clone(), (*code, now()));
        }
    }
    if let Some(dir) = cache_path.parent() {
        let text: String = fresh.iter().map(|(u, (c, at))| format!("{u}\t{c}\t{at}\n")).collect();
        // The cache is a convenience: failing to write it must not fail the check.
        let _ = std::fs::create_dir_all(dir).and_then(|_| std::fs::write(&cache_path, text));
    }
    for (url, places) in &links {
        let outcome = match results.get(url) {
            Some(o) => o.clone(),
            None => Ok(cache.get(url).map(|c| c.0).unwrap_or(200)),
        };
        let why = match outcome {
            Ok(code) if code < 400 => continue,
            Ok(code) => format!("answers HTTP {code}"),
            Err(e) => format!("cannot be reached ({e})"),
        };
        for p in places {
            problems.push(
                Diagnostic::error(&p.path, p.line, 0, format!("dead outside link: {url} {why}")).with_hint(
                    "update or remove the link; a web archive copy (web.archive.org) can stand in",
                ),
            );
        }
    }
    crate::diagnostics::sort(&mut problems);
    problems
}
