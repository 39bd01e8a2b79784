//! The module graph: data flows one way (files → briefs → model → pages → output), so no two
//! top-level modules of the library may use each other. Read from the sources, as text: a
//! reference is `crate::name`, also inside `use crate::{a, b::c}` groups.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Top-level module → the top-level modules its files refer to.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap();
        let first = rel.components().next().unwrap().as_os_str().to_string_lossy().to_string();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "main" || module == "lib" {
            continue;
        }
        let text = fs::read_to_string(path).unwrap();
        let uses = out.entry(module.clone()).or_default();
        for name in referenced(&text) {
            if name != module {
                uses.insert(name);
            }
        }
    }
    out
}

/// The top-level module names a file refers to with `crate::`.
fn referenced(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a, b::{c, d}, e}`: the names at depth 0 of the group.
            let mut depth = 0;
            let mut start = 0;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        names.insert(ident(&group[start..j]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.insert(ident(&group[start..j]));
                        start = j + 1;
                    }
                    _ => {}
                }
            }
        } else {
            names.insert(ident(rest));
        }
    }
    names.remove("");
    names
}

fn ident(s: &str) -> String {
    s.trim_start().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
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
fn the_reader_finds_grouped_and_nested_uses() {
    let found = referenced(
        "use crate::{config::Config, money::{self, Amount}, url};\nlet x = crate::slug::slugify(s);",
    );
    assert_eq!(found, ["config", "money", "slug", "url"].iter().map(|s| s.to_string()).collect());
}
