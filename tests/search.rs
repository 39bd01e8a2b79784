//! Search: the tokenizer in Rust and in search.js agree on one table of cases; the build writes
//! the page, the header box and the index (and nothing with `search = false`); search.js finds
//! the right briefs in what the build wrote; relevance on ../shared/search meets its targets.
//! The node parts are skipped, saying so, where node is not installed (and fail under CI=true).

mod common;

use annals::build::pipeline::{self, Options};
use annals::build::search::tokenize::{hash, tokens};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn table() -> Vec<(String, Vec<String>)> {
    let text = fs::read_to_string(repo("tests/search/tokens.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let want =
                c["tokens"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_string()).collect();
            (c["text"].as_str().unwrap().to_string(), want)
        })
        .collect()
}

fn rust_tokens(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .map(|(t, k, x)| format!("{}:{t}{}", k.code(), if x { "^" } else { "" }))
        .collect()
}

/// `node`, or None (skipped, saying so) when it is not installed; under CI=true it must be.
fn node() -> Option<&'static str> {
    if Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success()) {
        return Some("node");
    }
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(!in_ci, "CI=true but node is not installed: the JavaScript side of search must be tested");
    eprintln!("skipped: node is not installed, so search.js is not run");
    None
}

fn run_node(args: &[&Path]) -> String {
    let out = Command::new("node").args(args).output().unwrap();
    assert!(out.status.success(), "node {:?} failed:\n{}", args, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn rust_tokenizer_gives_the_tables_tokens() {
    for (text, want) in table() {
        assert_eq!(rust_tokens(&text), want, "tokens of {text:?}");
    }
}

#[test]
fn javascript_tokenizer_gives_the_same_tokens_and_hashes() {
    if node().is_none() {
        return;
    }
    let out = run_node(&[
        &repo("tests/search/tokens.mjs"),
        &repo("themes/default/static/search.js"),
        &repo("tests/search/tokens.json"),
    ]);
    let cases = table();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), cases.len(), "{out}");
    for ((text, want), line) in cases.iter().zip(lines) {
        let v: Value = serde_json::from_str(line).unwrap();
        let js: Vec<String> =
            v["tokens"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().into()).collect();
        assert_eq!(&js, want, "search.js tokens of {text:?}");
        let rust_hashes: Vec<String> = tokens(text).iter().map(|t| format!("{:016x}", hash(&t.0))).collect();
        let js_hashes: Vec<String> =
            v["hashes"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().into()).collect();
        assert_eq!(js_hashes, rust_hashes, "hashes of the tokens of {text:?}");
    }
}

/// A small site: three briefs that share words in different forms.
fn site(search: Option<bool>) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    fs::create_dir_all(root.join("content/briefs")).unwrap();
    let flag = search.map(|s| format!("search = {s}\n")).unwrap_or_default();
    fs::write(
        root.join("site.toml"),
        format!("title = \"검색 시험\"\nbase_url = \"https://user.github.io/archive/\"\n{flag}"),
    )
    .unwrap();
    let briefs = [
        (
            "a",
            "2024-01-17",
            "지방 디지털 혁신에 5,770억원",
            "[영남권]",
            "[AI]",
            "권역별 특화 산업에 인공지능을 접목한다.",
        ),
        (
            "b",
            "2023-05-02",
            "국가인공지능위원회 출범",
            "[전국]",
            "[AI]",
            "위원회는 지역에서 의견을 듣는다. 예산은 5770억 원이다.",
        ),
        ("c", "2022-09-28", "반도체 인재 양성", "[호남권]", "[반도체]", "디지털 인재 1만 명을 기른다."),
    ];
    for (slug, date, title, region, sector, body) in briefs {
        fs::write(
            root.join(format!("content/briefs/{slug}.md")),
            format!(
                "---\ntitle: \"{title}\"\ndate: {date}\nregion: {region}\nsector: {sector}\n---\n{body}\n"
            ),
        )
        .unwrap();
    }
    (tmp, root)
}

fn build(root: &Path) -> PathBuf {
    pipeline::build(&Options { root: root.to_path_buf(), ..Options::default() }).unwrap();
    root.join("public")
}

#[test]
fn the_build_writes_the_page_the_header_box_and_the_index() {
    let (_tmp, root) = site(None);
    let out = build(&root);
    let page = fs::read_to_string(out.join("search/index.html")).unwrap();
    assert!(page.contains("<ol class=\"search-results\">"), "{page}");
    assert!(page.contains("data-search-index=\"/archive/search/index/\""), "sub-path index URL: {page}");
    assert!(page.contains("<script src=\"/archive/search.js\" defer>"), "an external script, no inline one");
    assert!(page.contains("aria-live=\"polite\"") && page.contains("<label for=\"search-q\">"));
    let noscript = &page[page.find("<noscript>").unwrap()..page.find("</noscript>").unwrap()];
    assert!(
        noscript.contains("href=\"/archive/timeline/\"") && noscript.contains("href=\"/archive/regions/\"")
    );
    assert!(
        page.contains("<option>영남권</option>") && page.contains("<option>2024</option>"),
        "filters from the model"
    );
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home
        .contains("<form class=\"site-search\" role=\"search\" action=\"/archive/search/\" method=\"get\">"));
    assert!(out.join("search.js").is_file());
    let meta: Value = serde_json::from_slice(&fs::read(out.join("search/index/meta.json")).unwrap()).unwrap();
    assert_eq!(meta["briefs"], 3);
    let chunks = meta["chunks"].as_u64().unwrap();
    for k in 0..chunks {
        assert!(out.join(format!("search/index/t{k}.bin")).is_file(), "chunk {k}");
    }
    // The result file: count, count + 1 offsets, then the records (see src/search/mod.rs).
    let file = fs::read(out.join("search/index/d0.bin")).unwrap();
    let u32_at = |p: usize| u32::from_le_bytes(file[p..p + 4].try_into().unwrap()) as usize;
    assert_eq!(u32_at(0), 3);
    let data = 4 + 4 * 4;
    let first: Value = serde_json::from_slice(&file[data + u32_at(4)..data + u32_at(8)]).unwrap();
    assert_eq!(first[0], "briefs/a/", "newest first, site paths relative to the base");
    assert_eq!(first[3][0], "영남권");
    assert_eq!(data + u32_at(16), file.len(), "the last offset ends the file");
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("search/"), "the search page is not content");
}

#[test]
fn search_false_writes_no_page_no_script_no_index_and_no_box() {
    let (_tmp, root) = site(Some(false));
    let out = build(&root);
    assert!(!out.join("search").exists());
    assert!(!out.join("search.js").exists());
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!home.contains("site-search"), "{home}");
}

#[test]
fn search_js_finds_the_briefs_the_build_indexed() {
    if node().is_none() {
        return;
    }
    let (_tmp, root) = site(None);
    let out = build(&root);
    let queries = serde_json::json!([
        {"query": "인공지능"},
        {"query": "인공지능을"},
        {"query": "디지털혁신"},
        {"query": "5,770억원"},
        {"query": "5770억"},
        {"query": "인공지능", "filters": {"region": "영남권"}},
        {"query": "", "filters": {"year": "2022"}},
        {"query": "인공지눙"},
        {"query": "양자컴퓨터"},
    ]);
    let stdout = run_node(&[&repo("tests/search/query.mjs"), &out, Path::new(&queries.to_string())]);
    let r: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let slugs = |i: usize| -> Vec<&str> {
        r[i]["slugs"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect()
    };
    assert_eq!(slugs(0), ["b", "a"], "title match first, then the body's 인공지능을");
    assert_eq!(slugs(1), slugs(0), "a particle changes nothing");
    assert_eq!(slugs(2), ["a"], "디지털혁신 = 디지털 혁신; c has 디지털 but not 디지털 혁신");
    assert_eq!(slugs(3), ["a", "b"], "5,770억원 and 5770억 원 are one amount");
    assert_eq!(slugs(4), slugs(3));
    assert_eq!(slugs(5), ["a"], "filtered to 영남권");
    assert_eq!(slugs(6), ["c"], "a filter alone lists its briefs");
    assert_eq!((r[7]["tier"].as_str(), slugs(7)), (Some("typo"), slugs(0)), "one wrong syllable");
    assert_eq!(r[8]["total"], 0);
    assert_eq!(r[0]["marks"], serde_json::json!([[2, 6]]), "국가[인공지능]위원회 is highlighted");
}

#[test]
fn relevance_on_the_shared_archive_meets_the_targets() {
    let Some(dir) = common::shared("search") else { return };
    if node().is_none() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    pipeline::build(&Options { root: dir.join("site"), output: Some(out.clone()), ..Options::default() })
        .unwrap();
    let yaml: serde_yaml::Value =
        serde_yaml::from_str(&fs::read_to_string(dir.join("queries.yaml")).unwrap()).unwrap();
    let queries = tmp.path().join("queries.json");
    fs::write(&queries, serde_json::to_string(&yaml["queries"]).unwrap()).unwrap();
    let report = tmp.path().join("eval.json");
    run_node(&[&repo("bench/search-eval.mjs"), &out, &queries, Path::new("--json"), &report]);
    let v: Value = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
    let s = &v["summary"];
    let num = |k: &str| s[k].as_f64().unwrap_or_else(|| panic!("{k} missing: {s}"));
    assert!(num("recall") >= 0.95, "recall@10 {s}");
    assert!(num("precision") >= 0.90, "precision@10 {s}");
    assert!(num("primary_first") >= 0.85, "primary first {s}");
    assert_eq!(num("no_results"), 0.0, "{s}");
    for (kind, recall) in s["recall_by_kind"].as_object().unwrap() {
        assert!(recall.as_f64().unwrap() >= 0.90, "recall@10 of {kind}: {s}");
    }
}
