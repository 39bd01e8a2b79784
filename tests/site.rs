//! Whole builds of the fixture sites under tests/fixtures/, asserting on the files produced and
//! on the errors reported.

mod common;
use common::site::{problems, Site};

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use annals::build::pipeline::{self, Options};
use unicode_normalization::UnicodeNormalization;

/// Every file under `dir`, relative, with `/` separators.
fn files(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"))
        .collect()
}

/// `href="..."` and `src="..."` values of an HTML page.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for part in html.split(attr).skip(1) {
            out.push(part[..part.find('"').unwrap()].replace("&amp;", "&"));
        }
    }
    out
}

#[test]
fn every_page_of_the_format_is_built_with_the_right_briefs() {
    let site = Site::fixture("forms");
    let report = site.build().unwrap();
    assert_eq!(report.briefs, 4, "the draft is left out, the hidden and backup files ignored");
    let all = files(&site.root.join("public"));
    for page in [
        "index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "atom.xml",
        "style.css",
        "syntax.css",
        "timeline/index.html",
        "budget/index.html",
        "budget/2024/index.html",
        "regions/index.html",
        "regions/영남권/index.html",
        "regions/영남권/atom.xml",
        "sectors/ai/index.html",
        "agenda/온디바이스-ai-확산/index.html",
        "people/index.html",
        "people/이종호/index.html",
        "ministries/농림축산식품부/index.html",
        "briefs/2024-01-19-dialogue/index.html",
        "briefs/2024-03-02-budget/index.html",
        "briefs/deep-note/index.html",
        "briefs/2030-01-01-future/index.html",
    ] {
        assert!(all.contains(page), "missing {page}; built: {all:#?}");
    }
    assert!(!all.iter().any(|f| f.contains("draft")), "a draft was built: {all:#?}");

    // Term pages list exactly the briefs carrying the term (a budget line's own region counts).
    let yeongnam = site.read("regions/영남권/index.html");
    assert!(yeongnam.contains("/archive/briefs/2024-01-19-dialogue/"));
    assert!(yeongnam.contains("/archive/briefs/deep-note/"));
    assert!(!yeongnam.contains("/archive/briefs/2024-03-02-budget/"));
    let honam = site.read("regions/호남권/index.html");
    assert!(
        honam.contains("/archive/briefs/2024-03-02-budget/")
            && honam.contains("/archive/briefs/2024-01-19-dialogue/")
    );
    assert!(site.read("sectors/블록체인/index.html").contains("/archive/briefs/2024-01-19-dialogue/"));

    // A person page carries their role and both meetings.
    let lee = site.read("people/이종호/index.html");
    assert!(lee.contains("장관") && lee.contains("과학기술정보통신부"));
    assert!(
        lee.contains("/archive/briefs/2024-01-19-dialogue/")
            && lee.contains("/archive/briefs/2024-03-02-budget/")
    );

    // The timeline is a page per year, newest first, in the site time zone: 23:30 UTC on 1 March
    // is 2 March in Seoul.
    let timeline = site.read("timeline/index.html");
    let pos = |s: &str| timeline.find(s).unwrap_or_else(|| panic!("{s} not on the timeline"));
    assert!(pos("/archive/timeline/2030/") < pos("/archive/timeline/2024/"));
    assert!(pos("/archive/timeline/2024/") < pos("/archive/timeline/2023/"));
    let year = site.read("timeline/2024/index.html");
    let pos = |s: &str| year.find(s).unwrap_or_else(|| panic!("{s} not on the 2024 page"));
    assert!(pos("2024년 3월") < pos("2024-03-02-budget"));
    assert!(pos("2024-03-02-budget") < pos("2024-01-19-dialogue"));
    assert!(site.read("timeline/2023/index.html").contains("deep-note"));
    assert!(site.read("timeline/2030/index.html").contains("2030-01-01-future"));
    assert!(site.read("briefs/2024-03-02-budget/index.html").contains("2024년 3월 2일"));
}

#[test]
fn front_matter_forms_render_as_written() {
    let site = Site::fixture("forms");
    site.build().unwrap();
    let dialogue = site.read("briefs/2024-01-19-dialogue/index.html");
    // Its terms, grouped under each taxonomy's title, link to their pages (a custom one too).
    assert!(dialogue.contains("<a href=\"/archive/ministries/\">부처</a>"), "{dialogue}");
    assert!(
        dialogue.contains("href=\"/archive/regions/영남권/\"")
            && dialogue.contains("href=\"/archive/sectors/ai/\"")
    );
    // Both attendee forms, with their person pages.
    assert!(dialogue.contains("/archive/people/류정훈/") && dialogue.contains("두산로보틱스"));
    // Exact amounts, shown in Korean units with every digit kept.
    assert!(dialogue.contains("5,770억 원") && dialogue.contains("577,000,000,000"));
    assert!(dialogue.contains("33억 원") && dialogue.contains("3,300,000,000"));
    // The link to another brief's .md file points at its page (fragment kept), under the sub-path.
    assert!(
        dialogue.contains("href=\"/archive/briefs/2024-03-02-budget/#%EC%84%B8%EB%B6%80\""),
        "{dialogue}"
    );
    // Repeated headings get unique Hangul ids; known code is highlighted with classes, unknown stays plain.
    assert!(dialogue.contains("id=\"회의-개요\"") && dialogue.contains("id=\"회의-개요-1\""));
    assert!(dialogue.contains("class=\"hl-"));
    assert!(dialogue.contains("plain &lt;text&gt;"));
    assert!(dialogue.contains("/archive/syntax.css"));

    let budget = site.read("briefs/2024-03-02-budget/index.html");
    assert!(budget.contains("30억~100억 원"), "a range keeps both ends");
    assert!(budget.contains("1조 2,000억 원") && budget.contains("7,000억 원"));
    assert!(budget.contains("<table>") && budget.contains("<del>취소</del>") && budget.contains("footnote"));
    // The total of a brief with a range is a range: 30억+1.2조+7천억 … 100억+1.2조+7천억.
    assert!(budget.contains("1조 9,030억~1조 9,100억 원"), "{budget}");

    let note = site.read("briefs/deep-note/index.html");
    assert!(note.contains("첫 문단이 요약이 된다."));
    // A brief without a summary is listed with the start of its first paragraph.
    assert!(site.read("index.html").contains("첫 문단이 요약이 된다. 두 번째 문장도 있다."));
}

#[test]
fn drafts_are_built_only_when_asked() {
    let site = Site::fixture("forms");
    let report = pipeline::build(&Options { drafts: true, ..site.options() }).unwrap();
    assert_eq!(report.briefs, 5);
    assert!(site.out("briefs/2024-02-01-draft/index.html").is_file());
    assert!(site.out("regions/강원권/index.html").is_file());
}

#[test]
fn every_internal_link_resolves_under_a_sub_path() {
    let site = Site::fixture("forms");
    site.build().unwrap();
    let public = site.root.join("public");
    let mut checked = 0;
    for file in files(&public) {
        if !file.ends_with(".html") {
            continue;
        }
        let html = fs::read_to_string(public.join(&file)).unwrap();
        for link in links(&html) {
            if link.starts_with("http") || link.starts_with('#') || link.starts_with("mailto:") {
                continue;
            }
            assert!(link.starts_with("/archive/"), "{file}: link {link} escapes the sub-path");
            let path = link.trim_start_matches("/archive/").split('#').next().unwrap();
            let path = annals::build::url::percent_decode(path).unwrap();
            let target =
                if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path };
            assert!(public.join(&target).is_file(), "{file}: link {link} points at a missing file");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
    // Feeds and the sitemap carry absolute URLs under the sub-path.
    assert!(site.read("sitemap.xml").contains("<loc>https://user.github.io/archive/briefs/deep-note/</loc>"));
    assert!(site.read("atom.xml").contains("https://user.github.io/archive/briefs/2030-01-01-future/"));
}

#[test]
fn a_root_base_url_from_the_command_line_replaces_the_sub_path() {
    let site = Site::fixture("forms");
    pipeline::build(&Options { base_url: Some("http://127.0.0.1:8080/".into()), ..site.options() }).unwrap();
    let home = site.read("index.html");
    assert!(home.contains("href=\"/timeline/\"") && !home.contains("/archive/"));
}

#[test]
fn output_is_byte_identical_across_builds() {
    let site = Site::fixture("forms");
    site.build().unwrap();
    let first: Vec<(String, Vec<u8>)> = files(&site.root.join("public"))
        .into_iter()
        .map(|f| (f.clone(), fs::read(site.out(&f)).unwrap()))
        .collect();
    site.build().unwrap();
    let second: Vec<(String, Vec<u8>)> = files(&site.root.join("public"))
        .into_iter()
        .map(|f| (f.clone(), fs::read(site.out(&f)).unwrap()))
        .collect();
    assert_eq!(first.len(), second.len());
    for ((name, a), (_, b)) in first.iter().zip(&second) {
        assert!(a == b, "{name} differs between two builds");
    }
}

#[test]
fn nfd_and_nfc_spellings_are_one_term() {
    let site = Site::fixture("forms");
    // macOS writes NFD Hangul: the same region spelled in NFD must join the NFC term page.
    let nfd_region: String = "영남권".nfd().collect();
    let text = format!("---\ntitle: NFD 브리프\ndate: 2024-05-01\nregion: {nfd_region}\n---\n본문\n");
    fs::write(site.root.join("content/briefs/nfd.md"), text).unwrap();
    site.build().unwrap();
    let regions: Vec<String> = fs::read_dir(site.out("regions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.nfc().collect::<String>() == "영남권")
        .collect();
    assert_eq!(regions, ["영남권"], "one NFC folder for the term");
    assert!(site.read("regions/영남권/index.html").contains("/archive/briefs/nfd/"));
}

#[test]
fn a_broken_site_reports_every_problem_with_its_place_and_keeps_the_last_good_output() {
    let site = Site::fixture("broken");
    // A previous good build: only the good brief.
    let bad: Vec<PathBuf> = ["yaml.md", "unknown.md", "amount.md", "date.md", "b/same.md"]
        .iter()
        .map(|f| site.root.join("content").join(f))
        .collect();
    let stash = site.root.join("stash");
    fs::create_dir_all(stash.join("b")).unwrap();
    for f in &bad {
        fs::rename(f, stash.join(f.strip_prefix(site.root.join("content")).unwrap())).unwrap();
    }
    fs::write(
        site.root.join("content/good.md"),
        "---\ntitle: 멀쩡한 브리프\ndate: 2024-01-01\nregion: 서울\n---\n본문\n",
    )
    .unwrap();
    site.build().unwrap();
    let before = files(&site.root.join("public"));
    let home_before = site.read("index.html");

    // Now the broken files come back, and the good brief links to a brief that does not exist.
    for f in &bad {
        fs::rename(stash.join(f.strip_prefix(site.root.join("content")).unwrap()), f).unwrap();
    }
    fs::write(
        site.root.join("content/good.md"),
        "---\ntitle: 멀쩡한 브리프\ndate: 2024-01-01\nregion: 서울\n---\n[없는 브리프](missing.md)로 가는 링크.\n",
    )
    .unwrap();
    let found = problems(site.build());
    let expect = [
        ("content/amount.md:6:13:", "cannot read the amount `오십억원쯤`"),
        ("content/b/same.md:", "same URL /briefs/same/ as content/a/same.md"),
        ("content/date.md:3:7:", "month 13 is out of range"),
        ("content/good.md:6:1:", "broken link: `missing.md`"),
        ("content/unknown.md:4:1:", "unknown field `regoin`"),
        ("content/yaml.md:5:", "not valid YAML"),
    ];
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    for ((place, what), got) in expect.iter().zip(&found) {
        assert!(got.starts_with(place) && got.contains(what), "expected {place} {what}, got {got}");
        assert!(got.contains("hint:"), "no hint in {got}");
    }
    assert!(found[4].contains("did you mean `region`?"));

    // The last good site is still whole, and no staging folder is left behind.
    assert_eq!(files(&site.root.join("public")), before);
    assert_eq!(site.read("index.html"), home_before);
    let leftovers: Vec<_> = fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("annals"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // The command line says the same and exits non-zero.
    let out = site.annals(&["build"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("content/date.md:3:7: error:") && stderr.contains("previous output is unchanged")
    );
    let check = site.annals(&["check"]);
    assert!(!check.status.success());
}

#[test]
fn a_folder_annals_did_not_write_is_never_replaced() {
    let site = Site::fixture("forms");
    fs::create_dir_all(site.out("")).unwrap();
    fs::write(site.out("thesis.docx"), "my work").unwrap();
    let out = site.annals(&["build"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("was not written by annals"), "{stderr}");
    assert_eq!(fs::read_to_string(site.out("thesis.docx")).unwrap(), "my work");
    assert_eq!(files(&site.root.join("public")).len(), 1);
}

#[test]
fn a_missing_template_is_named() {
    let site = Site::fixture("forms");
    let theme = site.root.join("themes/plain/templates");
    fs::create_dir_all(&theme).unwrap();
    fs::write(theme.join("index.html"), "<!doctype html><title>x</title>").unwrap();
    let config = fs::read_to_string(site.root.join("site.toml")).unwrap();
    fs::write(site.root.join("site.toml"), format!("theme = \"plain\"\n{config}")).unwrap();
    let found = problems(site.build());
    assert!(
        found.iter().any(|p| p
            .starts_with("themes/plain/templates/brief.html: error: the template `brief.html` is missing")),
        "{found:#?}"
    );
}

#[test]
fn a_template_error_names_the_template_and_line() {
    let site = Site::fixture("forms");
    let templates = site.root.join("templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(
        templates.join("404.html"),
        "<!doctype html>\n<title>x</title>\n{{ page.title | nosuchfilter }}\n",
    )
    .unwrap();
    let found = problems(site.build());
    assert!(found[0].starts_with("templates/404.html:3:"), "{found:#?}");
    assert!(found[0].contains("nosuchfilter"), "{found:#?}");
}

#[test]
fn a_tera_1_override_names_each_construct_with_its_tera_2_form() {
    let site = Site::fixture("tera1");
    let found = problems(site.build());
    let at = |place: &str, says: &str| {
        assert!(found.iter().any(|p| p.starts_with(place) && p.contains(says)), "{place} {says}: {found:#?}")
    };
    at(
        "templates/macros.html:2:4: error: template error: `{% macro amount(…) %}`",
        "{% component amount(a, currency=\"KRW\") %}",
    );
    at("templates/macros.html:7:27: error:", "renamed `linebreaksbr` to `newlines_to_br`");
    at("templates/brief.html:2:4: error: template error: `{% import %}`", "need no import");
    at("templates/brief.html:6:34: error:", "[x for x in list if x.attr]");
    at(
        "templates/brief.html:7:7: error:",
        "`{{ <amount a={brief.budget_total} currency={site.currency} /> }}`",
    );
    at("templates/brief.html:8:20: error:", "`is starting_with(pat=");
    assert_eq!(found.len(), 8, "{found:#?}");
    assert!(
        found.iter().all(|p| p.contains("(Tera 1 syntax)") && p.contains("docs/templates.md")),
        "{found:#?}"
    );
    assert!(!site.out("index.html").exists(), "a site with Tera 1 templates was written");

    // Written the Tera 2 way, the same overrides build, and the site's templates call the
    // default theme's components (`<none />`) as well as their own.
    let templates = site.root.join("templates");
    fs::write(
        templates.join("macros.html"),
        "{% component note(text) -%}\n<p class=\"note\">{{ text | newlines_to_br | safe }}</p>\n{%- endcomponent note %}\n",
    )
    .unwrap();
    fs::write(
        templates.join("brief.html"),
        "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ brief.title }}</h1>\n\
         {%- set regions = [l for l in brief.budget if l.region] | length %}\n\
         <p>{{ <amount a={brief.budget_total} currency={site.currency} /> }}</p>\n\
         {%- if page.url is starting_with(pat=\"/archive/briefs/\") %}{{ <note text={\"예산\\n\" ~ regions} /> }}{% endif %}\n\
         {% endblock main %}\n",
    )
    .unwrap();
    site.build().unwrap();
    let brief = site.read("briefs/2024-03-02-budget/index.html");
    assert!(brief.contains("<p class=\"note\">예산<br>0</p>"), "{brief}");
    assert!(brief.contains("title=\"3,000,000,000 KRW\">30억 원</span>"), "{brief}");
    assert!(site.read("404.html").contains("<p>없는 쪽</p><span aria-hidden=\"true\">–</span>"));
}

#[test]
fn a_missing_field_says_how_tera_2_wants_it_tested() {
    let site = Site::fixture("forms");
    let templates = site.root.join("templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(templates.join("404.html"), "<!doctype html>\n<title>{{ page.nosuchfield }}</title>\n")
        .unwrap();
    let found = problems(site.build());
    assert!(found[0].starts_with("templates/404.html:2:"), "{found:#?}");
    assert!(found[0].contains("nosuchfield") && found[0].contains("is defined"), "{found:#?}");
}

#[test]
fn a_site_overrides_one_template_and_keeps_the_rest() {
    let site = Site::fixture("forms");
    let templates = site.root.join("templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(templates.join("404.html"), "<!doctype html><title>{{ page.title }}</title><p>여기 없음</p>")
        .unwrap();
    site.build().unwrap();
    assert!(site.read("404.html").contains("여기 없음"));
    assert!(site.read("index.html").contains("시험용 아카이브"));
}

#[test]
fn the_registry_merges_aliases_and_rolls_children_up_into_parents() {
    let site = Site::fixture("registry");
    site.build().unwrap();
    let regions: BTreeSet<String> = fs::read_dir(site.out("regions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // 호남 → 호남권, 광주광역시 → 광주, 전라남도 → 전남: no page for the variant spellings.
    assert_eq!(regions, ["index.html", "광주", "전남", "호남권"].map(String::from).into_iter().collect());
    let honam = site.read("regions/호남권/index.html");
    assert!(honam.contains("Honam region") && honam.contains("광주·전북·전남을 묶은 권역."));
    // Its own brief, and its children's briefs marked with the child they come through.
    let own = honam.find("id=\"term-briefs\"").unwrap();
    let children = honam.find("id=\"term-descendant-briefs\"").unwrap();
    let a = honam.find("/briefs/a/").unwrap();
    assert!(own < a && a < children, "a.md is 호남권's own brief");
    let rest = &honam[children..];
    assert!(rest.contains("/briefs/b/") && rest.contains("/briefs/c/") && rest.contains("(광주)"));
    // Totals count each line once: 100억 (광주) + 50억 (전남) + 30억 (tied to both 전남 and 광주).
    assert!(honam.contains("data-digits=\"18,000,000,000\""), "{honam}");
    assert!(site.read("regions/광주/index.html").contains("data-digits=\"13,000,000,000\""));
    // Sector aliases and organisation aliases: one person, one role.
    assert!(site.out("sectors/ai/index.html").is_file() && !site.out("sectors/인공지능").exists());
    let person = site.read("people/홍길동/index.html");
    assert_eq!(person.matches("과학기술정보통신부").count(), 1, "{person}");
    assert!(!person.contains("과기정통부"));
}

#[test]
fn a_strict_list_rejects_unknown_terms_and_a_broken_registry_is_located() {
    let site = Site::fixture("registry");
    fs::write(
        site.root.join("content/d.md"),
        "---\ntitle: 로봇\ndate: 2024-04-01\nsector: [AI, 농엽]\n---\n본문\n",
    )
    .unwrap();
    let found = problems(site.build());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("content/d.md:4:14: error: the sector `농엽` is not in the term registry"),
        "{found:#?}"
    );
    assert!(found[0].contains("did you mean `농업`?"));

    fs::remove_file(site.root.join("content/d.md")).unwrap();
    let registry = fs::read_to_string(site.root.join("data/terms.yaml")).unwrap();
    fs::write(site.root.join("data/terms.yaml"), registry.replace("aliases: [인공지능]", "aliases: [AI]"))
        .unwrap();
    let found = problems(site.build());
    assert!(
        found[0].starts_with("data/terms.yaml:") && found[0].contains("`AI` lists itself as an alias"),
        "{found:#?}"
    );
}

#[test]
fn annals_new_writes_a_draft_that_checks_and_never_overwrites() {
    let site = Site::fixture("forms");
    let out = site.annals(&[
        "new",
        "새 브리핑: 시험",
        "--date",
        "2024-06-01",
        "--region",
        "영남권",
        "--sector",
        "AI",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert_eq!(path, "content/briefs/2024-06-01-새-브리핑-시험.md");
    let text = fs::read_to_string(site.root.join(&path)).unwrap();
    assert!(text.contains("title: \"새 브리핑: 시험\"") && text.contains("draft: true"));
    let check = site.annals(&["check", "--drafts"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let again = site.annals(&["new", "새 브리핑: 시험", "--date", "2024-06-01"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let bad = site.annals(&["new", "x", "--date", "2024-02-30"]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("2024-02 has 29 days"));
}

#[test]
fn check_warns_about_near_duplicate_terms_and_changing_roles_without_failing() {
    let site = Site::fixture("forms");
    // Without the built-in registry, nothing merges 호남 into 호남권.
    fs::create_dir_all(site.root.join("data")).unwrap();
    fs::write(site.root.join("data/terms.yaml"), "defaults: false\n").unwrap();
    fs::write(
        site.root.join("content/briefs/variant.md"),
        "---\ntitle: 변형 표기\ndate: 2024-07-01\nregion: 호남\nsector: 인공지능\nattendees:\n  - \"이종호 (과기정통부 장관)\"\n---\n본문\n",
    )
    .unwrap();
    let out = site.annals(&["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "warnings do not fail the check: {stderr}");
    assert!(stderr.contains("the region `호남` and `호남권` may be one term"), "{stderr}");
    assert!(stderr.contains("the sector `AI` and `인공지능` may be one term: they are synonyms"), "{stderr}");
    assert!(
        stderr.contains("the organisations `과기정통부` and `과학기술정보통신부` may be one"),
        "{stderr}"
    );
    assert!(stderr.contains("이종호 appears with different roles or organisations"), "{stderr}");
    assert!(stderr.contains("3 warning(s)") || stderr.contains("4 warning(s)"), "{stderr}");
}

/// A tiny web server on a loopback port: `/ok` answers 200, `/nohead` refuses HEAD (405) but
/// answers GET, anything else 404. Returns the base URL and a request counter.
fn link_server() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            let mut first = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            reader.read_line(&mut first).unwrap();
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap() == 0 || header == "\r\n" {
                    break;
                }
            }
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let mut parts = first.split_whitespace();
            let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let status = match (method, path) {
                (_, "/ok") => "200 OK",
                ("HEAD", "/nohead") => "405 Method Not Allowed",
                ("GET", "/nohead") => "200 OK",
                _ => "404 Not Found",
            };
            let _ = write!(stream, "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    (base, count)
}

#[test]
fn check_external_reports_dead_outside_links_and_caches_answers() {
    let site = Site::fixture("forms");
    let (base, requests) = link_server();
    fs::write(
        site.root.join("content/briefs/links.md"),
        format!(
            "---\ntitle: 바깥 링크\ndate: 2024-08-01\nsource:\n  publisher: 시험\n  url: {base}/ok\n---\n[살아 있음]({base}/ok)\n\n[HEAD 거절]({base}/nohead)\n\n[사라짐]({base}/gone)\n"
        ),
    )
    .unwrap();
    // The fixture's own outside links point at example.org: keep this test on loopback.
    let dialogue = site.root.join("content/briefs/2024/2024-01-19-dialogue.md");
    let text =
        fs::read_to_string(&dialogue).unwrap().replace("https://example.org/news/1", &format!("{base}/ok"));
    fs::write(&dialogue, text).unwrap();
    let out = site.annals(&["check", "--external"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "content/briefs/links.md:12: error: dead outside link: {base}/gone answers HTTP 404"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("/nohead "), "GET after a refused HEAD counts: {stderr}");
    assert!(!stderr.contains(&format!("{base}/ok ")), "{stderr}");
    let asked = requests.load(std::sync::atomic::Ordering::SeqCst);
    // A second check the same day asks again only the dead link (answers are cached).
    let again = site.annals(&["check", "--external"]);
    assert!(!again.status.success());
    assert_eq!(
        requests.load(std::sync::atomic::Ordering::SeqCst),
        asked,
        "cached answers are not asked again"
    );
    assert!(site.root.join(annals::check::links::CACHE_FILE).is_file());
    // Without --external nothing is asked.
    let plain = site.annals(&["check"]);
    assert!(plain.status.success(), "{}", String::from_utf8_lossy(&plain.stderr));
}

#[test]
fn the_imported_seed_article_passes_check_and_builds_unchanged() {
    let Some(seeds) = common::shared("seeds") else { return };
    let seed = seeds.join("000_3e87861e510b99f2.txt");
    assert!(
        seed.is_file(),
        "the seed article is expected at {} (../shared beside the repository)",
        seed.display()
    );
    let site = Site::fixture("registry");
    fs::remove_dir_all(site.root.join("data")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["import", "--root"])
        .arg(&site.root)
        .arg(&seed)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written: Vec<PathBuf> =
        fs::read_dir(site.root.join("content/briefs")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let brief = fs::read_to_string(&written[0]).unwrap();
    assert!(brief.contains("date: 2024-01-19") && brief.contains("인더스트리뉴스"), "{brief}");
    let check = site.annals(&["check"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    site.build().unwrap();
    let yeongnam = site.read("regions/영남권/index.html");
    assert!(yeongnam.contains("AI"), "the imported brief is on its region page");
    let budget = site.read("budget/index.html");
    assert!(budget.contains("2024"), "{budget}");
}

#[test]
fn a_breakdown_line_is_listed_but_counted_once() {
    let site = Site::fixture("forms");
    fs::write(
        site.root.join("content/briefs/parts.md"),
        "---\ntitle: 총액과 세부\ndate: 2025-02-01\nsector: AI\nbudget:\n  - item: 사업 총액\n    amount: \"100억원\"\n    sector: AI\n  - item: 세부 사업\n    amount: \"30억원\"\n    sector: 로봇\n    part_of: 사업 총액\n---\n본문\n",
    )
    .unwrap();
    site.build().unwrap();
    let brief = site.read("briefs/parts/index.html");
    assert!(brief.contains("세부 사업") && brief.contains("사업 총액의 일부"), "the part is listed");
    // The brief's total and the 2025 budget count 100억 once, not 130억.
    assert!(brief.contains("data-digits=\"10,000,000,000\""));
    assert!(!brief.contains("13,000,000,000"));
    assert!(site.read("budget/2025/index.html").contains("data-digits=\"10,000,000,000\""));
    // A page that has only the part counts the part.
    assert!(site.read("sectors/로봇/index.html").contains("data-digits=\"3,000,000,000\""));
}
