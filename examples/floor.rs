//! The floor of a build, for `bench/build.sh`: the least work any generator of this archive
//! does. Every brief under `<root>/content` is read, its front matter split off and parsed with
//! serde_yaml, its Markdown rendered with pulldown-cmark, and one file written per brief
//! (`<output>/<stem>/index.html`) — nothing else: no templates, lists, feeds or search. Issue
//! 12's CPU target is a multiple of this program's CPU time on the same corpus.
//!
//!     cargo run --release --example floor -- <root> <output>
//!
//! It uses only serde_yaml, pulldown-cmark, walkdir and std (threads, one per core, as annals
//! uses every core), so that the floor does not move when annals' own code does.

use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, root, output] = args.as_slice() else {
        eprintln!("usage: floor <site root> <output folder>");
        std::process::exit(2);
    };
    let files: Vec<PathBuf> = walkdir::WalkDir::new(Path::new(root).join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let output = Path::new(output);
    let per_thread = files.len().div_ceil(threads).max(1);
    let failed: usize = std::thread::scope(|s| {
        let workers: Vec<_> = files
            .chunks(per_thread)
            .map(|chunk| s.spawn(move || chunk.iter().filter(|f| !one(f, output)).count()))
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or(usize::MAX)).sum()
    });
    if failed > 0 {
        eprintln!("floor: {failed} of {} briefs failed", files.len());
        std::process::exit(1);
    }
    println!("floor: {} briefs → {}", files.len(), output.display());
}

/// Reads, parses, renders and writes one brief; false (with a message) when it cannot.
fn one(file: &Path, output: &Path) -> bool {
    let result = (|| -> Result<(), String> {
        let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
        let (yaml, body) = split(&text).ok_or("no front matter between --- lines")?;
        let meta: serde_yaml::Value = serde_yaml::from_str(yaml).map_err(|e| e.to_string())?;
        // Touch the parsed value, so that the parse cannot be left out.
        let mut html = String::with_capacity(body.len() * 2);
        if meta.get("title").is_none() {
            return Err("no title".into());
        }
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(body));
        let stem = file.file_stem().ok_or("no file name")?;
        let dir = output.join(stem);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        std::fs::write(dir.join("index.html"), html).map_err(|e| e.to_string())
    })();
    if let Err(e) = &result {
        eprintln!("{}: {e}", file.display());
    }
    result.is_ok()
}

/// The front matter and the body of a brief that starts with a `---` line.
fn split(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---\n")?;
    Some((&rest[..end + 1], &rest[end + 5..]))
}
