//! A mutation fuzzer for the whole `check` pipeline and the importer, through their public APIs.
//!
//!     cargo run --example fuzz                       # 30 s
//!     ANNALS_FUZZ_SECONDS=3600 cargo run --release --example fuzz
//!     ANNALS_FUZZ_SEED=7 cargo run --example fuzz    # another sequence of inputs
//!
//! Seeds are the example archive's briefs (content/), the importer's test articles
//! (tests/import/) and the kept regression inputs (tests/fuzz/). Each case mutates one seed
//! (byte flips, cuts, repeats, splices, and tokens that have broken parsers before: YAML and
//! Markdown syntax, control characters, deep nesting, huge numbers, impossible dates, raw HTML)
//! and runs `annals check` on a one-brief site made of it, or the importer on it. A panic, or a
//! case taking more than 20 s, is a failure: the input is saved under tests/fuzz/ (add a test
//! that reads it, see tests/harden.rs) and the run ends with exit 1. The input of the case
//! running is always in target/fuzz/current, so that even an abort leaves it behind.

use annals::brief::frontmatter::Rules;
use annals::brief::slug::SlugStyle;
use annals::build::content;
use annals::build::markdown::{self, Highlighter, Links};
use annals::build::pipeline::Options;
use annals::build::url::BaseUrl;
use annals::import::{ImportOptions, ImportRules, Importer};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Tokens that have broken parsers: inserted whole at random places.
const TOKENS: &[&str] = &[
    "---\n",
    "\n---\n",
    ": ",
    "- ",
    "* ",
    " > ",
    "{",
    "}",
    "[",
    "]",
    "{{",
    "}}",
    "{%",
    "%}",
    "\"",
    "'",
    "\\",
    "\0",
    "\u{1}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{feff}",
    "\u{fffe}",
    "\r",
    "\r\n",
    "\t",
    "&#0;",
    "&amp;",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[a](javascript:alert(1))",
    "<javascript:x>",
    "![i](data:image/svg+xml,x)",
    "```",
    "~~~",
    "|",
    "|---|",
    "[^1]",
    "[^1]: x",
    "## ",
    "#",
    "{#id onclick=x}",
    "&a ",
    "*a",
    "!!binary ",
    "? ",
    "|-\n",
    ">-\n",
    "null",
    "~",
    "true",
    "0x",
    "1e400",
    "-0",
    "18446744073709551615",
    "99999999999999999999",
    "억",
    "조",
    "만",
    "~",
    "약 ",
    "0000-01-01",
    "10000-01-01",
    "2024-02-30",
    "12:34:60+09:00",
    "T25:00",
    "+14:00",
    "영남권",
    "과학기술정보통신부",
    "😀",
    "\u{301}",
    "\u{1100}\u{1161}",
    "part_of: ",
    "amount: ",
    "date: ",
    "slug: ",
    "title: ",
    "region: [a, b]",
];

/// A small deterministic generator (xorshift): the same seed gives the same cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// One input: its bytes and whether it goes to the importer (else it is a brief).
struct Seed {
    bytes: Vec<u8>,
    import: bool,
}

fn seeds(repo: &Path) -> Vec<Seed> {
    let mut out = Vec::new();
    for (dir, import) in [("content", false), ("tests/fuzz", false), ("tests/import", true)] {
        for e in walkdir::WalkDir::new(repo.join(dir)).into_iter().filter_map(Result::ok) {
            let p = e.path();
            let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
            let wanted = if import { matches!(ext, "txt" | "html" | "htm") } else { ext == "md" };
            if e.file_type().is_file() && wanted {
                if let Ok(bytes) = std::fs::read(p) {
                    out.push(Seed { bytes, import });
                }
            }
        }
    }
    out
}

fn mutate(rng: &mut Rng, seeds: &[Seed], base: &[u8]) -> Vec<u8> {
    let mut b = base.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(b.len() + 1);
        match rng.below(7) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 if !b.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(b.len());
                b.drain(at.min(end)..end);
            }
            2 => {
                let end = (at + 1 + rng.below(64)).min(b.len());
                let piece = b[at.min(end)..end].to_vec();
                let most = if rng.below(10) == 0 { 2000 } else { 4 };
                for _ in 0..1 + rng.below(most) {
                    b.splice(at..at, piece.iter().copied());
                }
            }
            3 => {
                let other = &seeds[rng.below(seeds.len())].bytes;
                let from = rng.below(other.len());
                let end = (from + rng.below(256)).min(other.len());
                b.splice(at..at, other[from..end].iter().copied());
            }
            4 => {
                // A token many times over: deep nesting, long runs.
                let t = TOKENS[rng.below(TOKENS.len())];
                let n = if rng.below(8) == 0 { 1 + rng.below(5000) } else { 1 };
                b.splice(at..at, t.repeat(n).into_bytes());
            }
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())];
                b.splice(at..at, t.bytes());
            }
        }
    }
    b
}

/// What a case runs on.
enum Target {
    /// The importer.
    Import,
    /// Reading the brief and rendering its body: front matter, dates, amounts, slugs, Markdown.
    Brief,
    /// `annals check` on a site of that one brief: also the site model, lint and every template.
    Check,
}

/// What stays the same between cases.
struct Bench {
    site: PathBuf,
    importer: Importer,
    highlighter: Highlighter,
    roles: annals::korean::Roles,
}

/// Runs one case; `Err` with the panic message when annals panicked.
fn run_case(input: &[u8], target: &Target, bench: &Bench) -> Result<(), String> {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match target {
        Target::Import => {
            let _ = bench.importer.extract(input, "fuzz.txt");
        }
        Target::Brief => {
            let _ = std::fs::write(bench.site.join("content/briefs/fuzz.md"), input);
            let rules = Rules { timezone: chrono_tz::Asia::Seoul, custom_fields: &[], roles: &bench.roles };
            let path = Path::new("content/briefs/fuzz.md");
            let read =
                content::read_brief(&bench.site, path, rules, SlugStyle::Unicode, content::Bodies::Dropped);
            // The body read again from the file, as a build reads it for the page.
            let body = read.as_ref().ok().map(|b| (b, b.body(&bench.site)));
            if let Some((brief, Ok(body))) = body {
                let (briefs, base) =
                    (HashMap::new(), BaseUrl::parse("https://fuzz.example/sub/").expect("a URL"));
                for unsafe_html in [false, true] {
                    let links = Links { briefs: &briefs, base: &base, files: &[], unsafe_html };
                    let _ = markdown::render(
                        &body,
                        &brief.content_path,
                        &links,
                        &bench.highlighter,
                        &mut Vec::new(),
                    );
                }
                let _ = markdown::dropped(&body);
                let _ = markdown::excerpt(&body, 160);
            }
        }
        Target::Check => {
            let _ = std::fs::write(bench.site.join("content/briefs/fuzz.md"), input);
            let _ = annals::check::check(&Options { root: bench.site.clone(), ..Options::default() }, false);
        }
    }));
    result.map_err(|p| {
        p.downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

fn save(repo: &Path, input: &[u8], import: bool, why: &str) -> PathBuf {
    let hash = input.iter().fold(0xcbf29ce484222325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    let ext = if import { "txt" } else { "md" };
    let sub = if import { "tests/fuzz/import" } else { "tests/fuzz" };
    let path = repo.join(sub).join(format!("{why}-{hash:016x}.{ext}"));
    let _ = std::fs::create_dir_all(path.parent().unwrap_or(repo));
    let _ = std::fs::write(&path, input);
    path
}

fn main() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seconds: u64 = std::env::var("ANNALS_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(30);
    let seed: u64 = std::env::var("ANNALS_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let seeds = seeds(&repo);
    assert!(!seeds.is_empty(), "no seed inputs under content/ or tests/import/");
    let work = repo.join("target/fuzz");
    let site = work.join("site");
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(site.join("content/briefs")).expect("target/fuzz/site");
    std::fs::write(site.join("site.toml"), "title = \"fuzz\"\nbase_url = \"https://fuzz.example/sub/\"\n")
        .expect("site.toml");
    let importer =
        Importer::new(&ImportRules::default(), ImportOptions { dry_run: true, ..ImportOptions::default() })
            .expect("the default import rules compile");
    let bench = Bench {
        site: site.clone(),
        importer,
        highlighter: Highlighter::default(),
        roles: annals::korean::Roles::builtin(),
    };
    // A watchdog for cases that never end: the input is already in target/fuzz/current.
    let started_case = Arc::new(AtomicU64::new(u64::MAX));
    let begin = Instant::now();
    {
        let (started_case, repo, work) = (started_case.clone(), repo.clone(), work.clone());
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(500));
            let at = started_case.load(Ordering::Relaxed);
            if at != u64::MAX && begin.elapsed().as_millis() as u64 > at + 20_000 {
                let input = std::fs::read(work.join("current")).unwrap_or_default();
                let import =
                    std::fs::read(work.join("current.kind")).map(|k| k == b"import").unwrap_or(false);
                eprintln!(
                    "fuzz: a case took over 20 s; saved as {}",
                    save(&repo, &input, import, "hang").display()
                );
                std::process::exit(1);
            }
        });
    }
    // Panics are caught and counted; their default message is noise between cases.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1);
    let (mut cases, mut crashes) = (0u64, Vec::new());
    while begin.elapsed() < Duration::from_secs(seconds) {
        let s = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, &seeds, &s.bytes);
        let _ = std::fs::write(work.join("current"), &input);
        let _ = std::fs::write(work.join("current.kind"), if s.import { "import" } else { "brief" });
        started_case.store(begin.elapsed().as_millis() as u64, Ordering::Relaxed);
        // One brief in eight goes through the whole of `check`, which costs a hundred times more.
        let target = match (s.import, rng.below(8)) {
            (true, _) => Target::Import,
            (false, 0) => Target::Check,
            _ => Target::Brief,
        };
        if let Err(message) = run_case(&input, &target, &bench) {
            let path = save(&repo, &input, s.import, "crash");
            eprintln!("fuzz: panic ({message}); input saved as {}", path.display());
            crashes.push(path);
        }
        started_case.store(u64::MAX, Ordering::Relaxed);
        cases += 1;
    }
    eprintln!(
        "fuzz: {cases} cases in {:.0} s (seed {seed}, {} seed inputs), {} crashes",
        begin.elapsed().as_secs_f64(),
        seeds.len(),
        crashes.len()
    );
    if !crashes.is_empty() {
        std::process::exit(1);
    }
}
