//! Long lists split into pages: term pages, people and timeline years, with `rel="prev/next"`,
//! a numbered list that keeps counting across pages, and first pages that carry what only they
//! need (the budget table, the children's briefs).

use std::fs;
use std::path::Path;

use annals::build::pipeline::{self, Options};

/// A site of `n` briefs in 서울 (and 부산 for every third), one a month from January 2023, with
/// `paginate_by = 3`, built under a sub-path.
fn build(n: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    fs::write(
        root.join("site.toml"),
        "title = \"쪽 나누기\"\nbase_url = \"https://user.github.io/archive/\"\npaginate_by = 3\n",
    )
    .unwrap();
    fs::create_dir_all(root.join("content")).unwrap();
    for i in 0..n {
        let (year, month) = (2023 + i / 12, i % 12 + 1);
        let region = if i % 3 == 0 { "[서울, 부산]" } else { "서울" };
        fs::write(
            root.join(format!("content/b{i:02}.md")),
            format!(
                "---\ntitle: 브리프 {i:02}\ndate: {year}-{month:02}-10\nregion: {region}\nattendees:\n  - name: 홍길동\n    role: 장관\nbudget:\n  - item: 사업 {i:02}\n    amount: \"{}억원\"\n---\n본문\n",
                i + 1
            ),
        )
        .unwrap();
    }
    pipeline::build(&Options { root: root.to_path_buf(), ..Options::default() }).unwrap();
    tmp
}

fn read(tmp: &tempfile::TempDir, rel: &str) -> String {
    fs::read_to_string(tmp.path().join("public").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The briefs linked from a page's brief list (`<main>` up to the budget table, if any).
fn briefs_on(page: &str) -> Vec<String> {
    let main = &page[page.find("<main").unwrap_or(0)..];
    let list = &main[..main.find("id=\"term-budget\"").unwrap_or(main.len())];
    let mut out: Vec<String> = Vec::new();
    for part in list.split("/archive/briefs/b").skip(1) {
        let slug = format!("b{}", &part[..2]);
        if !out.contains(&slug) {
            out.push(slug);
        }
    }
    out
}

#[test]
fn a_term_is_split_into_pages_linked_both_ways() {
    let tmp = build(7);
    let first = read(&tmp, "regions/서울/index.html");
    assert_eq!(briefs_on(&first), ["b06", "b05", "b04"], "newest first, three a page");
    assert!(first.contains("<link rel=\"next\" href=\"/archive/regions/서울/page/2/\">"), "{first}");
    assert!(!first.contains("rel=\"prev\""));
    assert!(first.contains("7건, 3쪽 중 1쪽"), "the count is the whole term's");
    let second = read(&tmp, "regions/서울/page/2/index.html");
    assert_eq!(briefs_on(&second), ["b03", "b02", "b01"]);
    assert!(second.contains("<link rel=\"prev\" href=\"/archive/regions/서울/\">"), "{second}");
    assert!(second.contains("<link rel=\"next\" href=\"/archive/regions/서울/page/3/\">"));
    assert!(second.contains("<ol class=\"brief-list\" start=\"4\">"), "numbering goes on");
    assert!(second.contains("aria-current=\"page\">2<"), "{second}");
    let third = read(&tmp, "regions/서울/page/3/index.html");
    assert_eq!(briefs_on(&third), ["b00"]);
    assert!(!third.contains("rel=\"next\""));
    assert!(!tmp.path().join("public/regions/서울/page/4").exists());
    assert!(!tmp.path().join("public/regions/서울/page/1").exists(), "page 1 is the term's own address");
    // The budget table is on the first page only.
    assert!(first.contains("term-budget") && !second.contains("term-budget"));
    // A term that fits on one page has no page list.
    let busan = read(&tmp, "regions/부산/index.html");
    assert!(!busan.contains("class=\"pagination\"") && !tmp.path().join("public/regions/부산/page").exists());
}

#[test]
fn people_and_timeline_years_are_paginated_and_the_timeline_indexes_years() {
    let tmp = build(14);
    let person = read(&tmp, "people/홍길동/page/5/index.html");
    assert_eq!(briefs_on(&person).len(), 2, "14 briefs: 3+3+3+3+2");
    let index = read(&tmp, "timeline/index.html");
    assert!(
        index.contains("href=\"/archive/timeline/2024/\"")
            && index.contains("href=\"/archive/timeline/2023/\"")
    );
    assert!(briefs_on(&index).is_empty(), "the index lists years, not briefs");
    let y2023 = read(&tmp, "timeline/2023/index.html");
    assert_eq!(briefs_on(&y2023), ["b11", "b10", "b09"]);
    let last = read(&tmp, "timeline/2023/page/4/index.html");
    assert_eq!(briefs_on(&last), ["b02", "b01", "b00"]);
    assert!(last.contains("2023년 3월") && last.contains("2023년 1월"), "months within the page");
    assert_eq!(briefs_on(&read(&tmp, "timeline/2024/index.html")), ["b13", "b12"]);
    // The sitemap lists each year's first page, not the later pages.
    let sitemap = read(&tmp, "sitemap.xml");
    assert!(sitemap.contains("https://user.github.io/archive/timeline/2023/</loc>"));
    assert!(!sitemap.contains("/page/"));
}

#[test]
fn paginate_by_must_be_a_positive_number() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("site.toml"),
        "title = \"t\"\nbase_url = \"https://x.example/\"\npaginate_by = 0\n",
    )
    .unwrap();
    let err = annals::build::config::Config::load(Path::new(tmp.path())).unwrap_err();
    assert_eq!(err[0].line, 3);
    assert!(err[0].message.contains("`paginate_by = 0` is not a number of briefs per page"), "{}", err[0]);
}

#[test]
fn a_build_reports_its_stages_and_counts_its_pages() {
    use std::sync::{Arc, Mutex};
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("site.toml"), "title = \"t\"\nbase_url = \"https://x.example/\"\n").unwrap();
    fs::create_dir_all(tmp.path().join("content")).unwrap();
    fs::write(tmp.path().join("content/a.md"), "---\ntitle: 하나\ndate: 2024-01-01\n---\n본문\n").unwrap();
    let steps = Arc::new(Mutex::new(Vec::new()));
    let seen = steps.clone();
    let progress = pipeline::Progress::new(move |s| seen.lock().unwrap().push(s));
    let report =
        pipeline::build(&Options { root: tmp.path().to_path_buf(), progress, ..Options::default() }).unwrap();
    let steps = steps.lock().unwrap();
    let stages: Vec<&str> = steps.iter().filter(|s| s.total == 0).map(|s| s.stage).collect();
    assert_eq!(
        stages,
        [
            "config",
            "read briefs",
            "registry + theme",
            "site model",
            "search index",
            "templates + list entries",
            "render + write",
            "swap into place"
        ]
    );
    let last = steps.iter().rev().find(|s| s.total > 0).expect("pages are counted");
    assert_eq!((last.stage, last.done), ("rendering pages", last.total));
    assert!(last.total > 0 && last.total <= report.files);
}

#[test]
fn budget_years_are_paginated_and_a_term_shows_its_newest_lines() {
    let tmp = build(7);
    // Each line's item is `사업 NN`, printed once per row.
    let lines = |page: &str| page.matches(">사업 0").count();
    let first = read(&tmp, "budget/2023/index.html");
    let last = read(&tmp, "budget/2023/page/3/index.html");
    assert_eq!(lines(&first), 3, "{first}");
    assert_eq!(lines(&last), 1);
    assert!(first.contains("<link rel=\"next\" href=\"/archive/budget/2023/page/2/\">"));
    // The year's total counts every line on every page: 1+2+…+7 = 28억.
    assert!(
        first.contains("data-digits=\"2,800,000,000\"") && last.contains("data-digits=\"2,800,000,000\"")
    );
    let seoul = read(&tmp, "regions/서울/index.html");
    assert!(seoul.contains("최신 3건입니다 (모두 7건"), "{seoul}");
}
