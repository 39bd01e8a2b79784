//! Times the site-model stage alone (`Archive::build`), the step `annals serve` runs again after
//! a front-matter edit, on a site already read once:
//!
//!     cargo run --release --example model -- <site root> [runs]
//!
//! The briefs are read as the development server reads them (bodies held), then the model is
//! made `runs` times (default 5) from a copy of them; each run's time and the median are printed.

use annals::build::config::Config;
use annals::build::model::Archive;
use annals::build::pipeline;
use std::time::Instant;

/// The allocator `annals` itself uses, so that the times are the build's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (root, runs) = match args.as_slice() {
        [_, root] => (root.clone(), 5),
        [_, root, runs] => (root.clone(), runs.parse().unwrap_or(5)),
        _ => {
            eprintln!("usage: model <site root> [runs]");
            std::process::exit(2);
        }
    };
    let config = Config::load(std::path::Path::new(&root)).unwrap_or_else(|problems| {
        problems.iter().for_each(|p| eprintln!("{p}"));
        std::process::exit(1);
    });
    let loaded = pipeline::load(config.clone(), false).unwrap_or_else(|e| {
        eprintln!("model: {e}");
        std::process::exit(1);
    });
    let briefs = loaded.archive.briefs().to_vec();
    let mut times = Vec::new();
    for _ in 0..runs {
        let copy = briefs.clone();
        let start = Instant::now();
        let (archive, _) = Archive::build(config.clone(), &loaded.registry, copy, &[]);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        drop(archive);
        times.push(ms);
    }
    let line: Vec<String> = times.iter().map(|t| format!("{t:.1}")).collect();
    times.sort_by(f64::total_cmp);
    println!(
        "{} briefs: model median {:.1} ms; runs: {}",
        briefs.len(),
        times[times.len() / 2],
        line.join(" ")
    );
}
