//! The module graph, read from the sources as text. Data flows one way (files → briefs → model
//! → pages → output), so:
//! - no two modules use each other (a module is a top-level one, or a child of `brief/`,
//!   `build/` or `check/`);
//! - nothing under `src/build/` uses the commands around the build (`check`, `import`, `serve`,
//!   `new`, `init`), and `src/brief/` (the format) uses nothing but `diagnostics` and `korean`.
//!
//! A reference is `crate::a::b`, also inside `use crate::{a, b::{c, d}}` groups.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Folders whose children count as modules of their own.
const GROUPS: &[&str] = &["brief", "build", "check"];

/// The module a path (`build::render::chart`, or a file's segments) belongs to.
fn module_of(segments: &[String]) -> String {
    match segments {
        [group, child, ..] if GROUPS.contains(&group.as_str()) && !child.is_empty() => {
            format!("{group}::{child}")
        }
        [first, ..] => first.clone(),
        [] => String::new(),
    }
}

/// Module → the modules its files refer to.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap().with_extension("");
        let segments: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().to_string())
            .filter(|s| s != "mod")
            .collect();
        let module = module_of(&segments);
        if module == "main" || module == "lib" || GROUPS.contains(&module.as_str()) {
            continue;
        }
        let text = fs::read_to_string(path).unwrap();
        let uses = out.entry(module.clone()).or_default();
        for used in referenced(&text) {
            let name = module_of(&used);
            if name != module && !GROUPS.contains(&name.as_str()) {
                uses.insert(name);
            }
        }
    }
    out
}

/// Every path a file names after `crate::`, groups expanded, as segments.
fn referenced(text: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        expand(&text[i + "crate::".len()..], Vec::new(), &mut paths);
    }
    paths
}

/// Reads one path at the start of `rest` (after a `::`), following `{…}` groups.
fn expand(rest: &str, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = prefix;
    let mut rest = rest;
    loop {
        if let Some(group) = rest.strip_prefix('{') {
            for item in top_level_items(group) {
                expand(item.trim_start(), path.clone(), out);
            }
            return;
        }
        let name = ident(rest);
        if name.is_empty() {
            break;
        }
        rest = &rest[name.len()..];
        path.push(name);
        match rest.strip_prefix("::") {
            Some(r) => rest = r,
            None => break,
        }
    }
    if !path.is_empty() {
        out.push(path);
    }
}

/// The comma-separated items of a `{…}` group (given without its `{`), up to its `}`.
fn top_level_items(group: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (j, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..j]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..j]);
                start = j + 1;
            }
            _ => {}
        }
    }
    items
}

fn ident(s: &str) -> String {
    s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
}

#[test]
fn no_two_modules_use_each_other() {
    let g = graph();
    let mut both = Vec::new();
    for (a, uses) in &g {
        for b in uses {
            if a < b && g.get(b).is_some_and(|u| u.contains(a)) {
                both.push(format!("{a} ↔ {b}"));
            }
        }
    }
    assert!(both.is_empty(), "modules that use each other: {}", both.join(", "));
}

#[test]
fn the_build_uses_none_of_the_commands_around_it() {
    let commands = ["check", "import", "serve", "new", "init"];
    let mut wrong = Vec::new();
    for (module, uses) in graph() {
        if module.starts_with("build::") {
            for u in
                uses.iter().filter(|u| commands.iter().any(|c| u == c || u.starts_with(&format!("{c}::"))))
            {
                wrong.push(format!("{module} uses {u}"));
            }
        }
    }
    assert!(wrong.is_empty(), "the build reaches into a command: {}", wrong.join(", "));
}

#[test]
fn the_brief_format_stands_on_its_own() {
    let allowed = ["diagnostics", "korean"];
    let mut wrong = Vec::new();
    for (module, uses) in graph() {
        if module.starts_with("brief::") {
            for u in uses.iter().filter(|u| !u.starts_with("brief::") && !allowed.contains(&u.as_str())) {
                wrong.push(format!("{module} uses {u}"));
            }
        }
    }
    assert!(wrong.is_empty(), "the brief format depends on a stage: {}", wrong.join(", "));
}

#[test]
fn the_reader_finds_grouped_and_nested_uses() {
    let found: BTreeSet<String> = referenced(
        "use crate::{build::{config::Config, url}, brief::money::{self, Amount}};\nlet x = crate::brief::slug::slugify(s);",
    )
    .iter()
    .map(|p| module_of(p))
    .collect();
    let want: BTreeSet<String> = ["build::config", "build::url", "brief::money", "brief::slug"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(found, want);
}

#[test]
fn a_use_of_a_command_under_build_is_caught() {
    let uses = referenced("use crate::import::Importer;");
    assert_eq!(module_of(&uses[0]), "import");
}
