//! `annals import` over the test corpus (`tests/import/`): each article has an `*.expect.yaml`
//! with the fields a careful editor would extract, compared field by field. The seed article is
//! read from `../shared/seeds/` beside the repository. Also: bad input (empty, binary, EUC-KR, no
//! date), the written file, and the command line.

use annals::brief::frontmatter::{self, Rules, Source};
use annals::brief::money::parse_amount;
use annals::import::{Brief, ImportError, ImportOptions, ImportRules, Importer, Outcome};
use annals::korean::Roles;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

// Not every helper of the shared test module is used here.
#[allow(dead_code)]
mod common;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    input: String,
    title: String,
    /// `None`: the article has no date (a placeholder is written and flagged).
    date: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    url: Option<String>,
    summary: Option<String>,
    #[serde(default)]
    region: Vec<String>,
    #[serde(default)]
    sector: Vec<String>,
    #[serde(default)]
    agenda: Vec<String>,
    #[serde(default)]
    budget: Vec<ExpectBudget>,
    #[serde(default)]
    attendees: Vec<ExpectPerson>,
    /// The field names the importer should flag for review.
    #[serde(default)]
    review: Vec<String>,
    #[serde(default)]
    body_has: Vec<String>,
    #[serde(default)]
    body_lacks: Vec<String>,
    /// Fields the importer is known to get wrong on this article (counted as misses).
    #[serde(default)]
    known_misses: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectBudget {
    item: String,
    amount: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectPerson {
    name: String,
    role: Option<String>,
    org: Option<String>,
}

const PLACEHOLDER: (i32, u32, u32) = (2000, 1, 1);

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn importer(out: &Path) -> Importer {
    Importer::new(
        &ImportRules::default(),
        ImportOptions {
            out_dir: out.to_path_buf(),
            placeholder_date: NaiveDate::from_ymd_opt(PLACEHOLDER.0, PLACEHOLDER.1, PLACEHOLDER.2),
            ..ImportOptions::default()
        },
    )
    .unwrap()
}

fn input_path(expect: &Expect) -> PathBuf {
    if expect.input.starts_with("../") {
        manifest().join(&expect.input)
    } else {
        manifest().join("tests/import").join(&expect.input)
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// An empty text field of the model as `None`, as the expectations write it.
fn opt(s: &str) -> Option<String> {
    Some(s.to_string()).filter(|s| !s.is_empty())
}

/// The brief's source, or an empty one.
fn src(b: &Brief) -> Source {
    b.front.source.clone().unwrap_or_default()
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

/// Compares every field; returns (field, ok, detail) in a fixed order.
fn compare(e: &Expect, b: &Brief) -> Vec<(&'static str, bool, String)> {
    let mut out = Vec::new();
    let mut check = |field: &'static str, ok: bool, detail: String| out.push((field, ok, detail));

    check("title", b.front.title == e.title, format!("{:?}", b.front.title));

    let date_ok = match &e.date {
        Some(d) => b.date_found && b.front.date.iso_date() == *d,
        None => {
            !b.date_found
                && b.front.date.date()
                    == NaiveDate::from_ymd_opt(PLACEHOLDER.0, PLACEHOLDER.1, PLACEHOLDER.2).unwrap()
        }
    } && src(b).published.map(|p| p.rfc3339()) == e.published;
    check(
        "date",
        date_ok,
        format!("{} found={} published={:?}", b.front.date.iso_date(), b.date_found, src(b).published),
    );

    check("publisher", opt(&src(b).publisher) == e.publisher, format!("{:?}", src(b).publisher));
    check("author", opt(&src(b).author) == e.author, format!("{:?}", src(b).author));
    check("url", opt(&src(b).url) == e.url, format!("{:?}", src(b).url));
    check("summary", opt(&b.front.summary) == e.summary, format!("{:?}", b.front.summary));
    check(
        "region",
        sorted(b.front.region.clone()) == sorted(e.region.clone()),
        format!("{:?}", b.front.region),
    );
    check(
        "sector",
        sorted(b.front.sector.clone()) == sorted(e.sector.clone()),
        format!("{:?}", b.front.sector),
    );
    check("agenda", b.front.agenda == e.agenda, format!("{:?}", b.front.agenda));

    let got_budget =
        sorted(b.front.budget.iter().map(|l| (l.item.clone(), l.amount.min, l.amount.max)).collect());
    let want_budget = sorted(
        e.budget
            .iter()
            .map(|l| {
                let a = parse_amount(&l.amount).expect("expected amounts are readable");
                (l.item.clone(), a.min, a.max)
            })
            .collect(),
    );
    check("budget", got_budget == want_budget, format!("{got_budget:?}"));

    // Organisations compare without spaces: Korean spacing of compounds varies
    // (`영상디스플레이사업부` / `영상디스플레이 사업부`).
    let got_people = sorted(
        b.front
            .attendees
            .iter()
            .map(|p| (p.name.clone(), opt(&p.role), opt(&p.org).as_deref().map(squash)))
            .collect(),
    );
    let want_people = sorted(
        e.attendees.iter().map(|p| (p.name.clone(), p.role.clone(), p.org.as_deref().map(squash))).collect(),
    );
    check("attendees", got_people == want_people, format!("{got_people:?}"));

    let got_review = sorted(
        b.front
            .review
            .iter()
            .map(|r| r.split(':').next().unwrap_or("").to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect(),
    );
    check("review", got_review == sorted(e.review.clone()), format!("{:?}", b.front.review));

    let missing: Vec<&String> = e.body_has.iter().filter(|s| !b.body.contains(s.as_str())).collect();
    let present: Vec<&String> = e.body_lacks.iter().filter(|s| b.body.contains(s.as_str())).collect();
    // Nothing from the input is written as raw HTML.
    let raw_html = b.body.match_indices('<').any(|(i, _)| !b.body[..i].ends_with('\\'));
    check(
        "body",
        missing.is_empty() && present.is_empty() && !raw_html,
        format!("missing {missing:?}, present {present:?}, raw html {raw_html}"),
    );
    out
}

fn load_expectations() -> Vec<(String, Expect)> {
    let dir = manifest().join("tests/import");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if let Some(stem) = name.strip_suffix(".expect.yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let e: Expect =
                serde_yaml::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
            out.push((stem.to_string(), e));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn corpus_field_by_field() {
    let expectations = load_expectations();
    assert!(expectations.len() >= 13, "the corpus has the seed and at least 12 articles");
    let tmp = tempfile::tempdir().unwrap();
    let imp = importer(tmp.path());
    let mut table: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for (stem, e) in &expectations {
        if e.input.starts_with("../shared/") && common::shared("seeds").is_none() {
            continue;
        }
        let path = input_path(e);
        let bytes = std::fs::read(&path).unwrap_or_else(|err| {
            panic!(
                "{stem}: cannot read {} ({err}); the seed article is expected in ../shared/seeds beside the repository",
                path.display()
            )
        });
        let brief =
            imp.extract(&bytes, &path.display().to_string()).unwrap_or_else(|err| panic!("{stem}: {err}"));
        for (field, ok, detail) in compare(e, &brief) {
            let entry = table.entry(field).or_default();
            entry.1 += 1;
            if ok {
                entry.0 += 1;
            }
            let known = e.known_misses.iter().any(|k| k == field);
            if ok && known {
                failures.push(format!("{stem}: {field} now matches; remove it from known_misses"));
            } else if !ok && !known {
                failures.push(format!("{stem}: {field} differs: got {detail}"));
            }
        }
    }
    println!("field       correct/total");
    for (field, (ok, total)) in &table {
        println!("{field:<11} {ok}/{total}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_article_yields_the_listed_facts() {
    let Some(seeds) = common::shared("seeds") else { return };
    let path = seeds.join("000_3e87861e510b99f2.txt");
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("the seed article must be at {} ({e})", path.display()));
    let tmp = tempfile::tempdir().unwrap();
    let b = importer(tmp.path()).extract(&bytes, "seed.txt").unwrap();
    assert_eq!(b.front.date.date(), NaiveDate::from_ymd_opt(2024, 1, 19).unwrap());
    assert_eq!(opt(&src(&b).publisher).as_deref(), Some("인더스트리뉴스"));
    assert_eq!(opt(&src(&b).author).as_deref(), Some("조창현"));
    let amounts = sorted(b.front.budget.iter().map(|l| l.amount.min).collect());
    assert_eq!(amounts, vec![3_300_000_000, 9_400_000_000, 10_000_000_000, 10_000_000_000, 577_000_000_000]);
    let local = b.front.budget.iter().find(|l| l.amount.min == 577_000_000_000).unwrap();
    assert_eq!(local.item, "지방 디지털 혁신");
    assert_eq!(b.front.region, vec!["영남권", "호남권", "강원권"]);
    let people: Vec<(&str, &str, String)> =
        b.front.attendees.iter().map(|p| (p.name.as_str(), p.role.as_str(), squash(&p.org))).collect();
    for (name, role, org) in [
        ("이종호", "장관", "과학기술정보통신부"),
        ("류정훈", "대표", "두산로보틱스"),
        ("용석우", "사장", "삼성전자영상디스플레이사업부"),
        ("김영섭", "대표", "KT"),
        ("강성훈", "대표", "스튜디오랩"),
        ("김녹원", "대표", "딥엑스"),
    ] {
        assert!(people.contains(&(name, role, org.to_string())), "{name} missing in {people:?}");
    }
    assert_eq!(people.len(), 6);
    assert_eq!(b.front.agenda.len(), 4);
    for widget in ["댓글", "삭제한 댓글은", "그래도 삭제하시겠습니까", "로그인·계정인증"]
    {
        assert!(!b.body.contains(widget), "comment widget text `{widget}` in the body");
    }
}

#[test]
fn written_brief_is_valid_front_matter() {
    let tmp = tempfile::tempdir().unwrap();
    let imp = importer(tmp.path());
    let summary = imp.run(&[manifest().join("tests/import/02_press_release.txt")]);
    assert_eq!(summary.counts(), (1, 0, 0), "{summary}");
    let written = tmp.path().join("2024-05-14-중소기업-ai-도입-돕는-ai-바우처-올해-1000곳-지원.md");
    let text =
        std::fs::read_to_string(&written).unwrap_or_else(|e| panic!("{}: {e}; {summary}", written.display()));
    let rest = text.strip_prefix("---\n").expect("front matter opens the file");
    let (yaml, body) = rest.split_once("\n---\n").expect("front matter closes");
    let fm: serde_yaml::Mapping = serde_yaml::from_str(yaml).unwrap();
    let keys: Vec<&str> = fm.keys().filter_map(|k| k.as_str()).collect();
    // The importer writes only fields the builder knows.
    let allowed = annals::brief::frontmatter::FIELDS;
    assert!(keys.iter().all(|k| allowed.contains(k)), "{keys:?}");
    assert_eq!(fm["title"].as_str(), Some("중소기업 AI 도입 돕는 'AI 바우처' 올해 1,000곳 지원"));
    assert_eq!(fm["date"].as_str(), Some("2024-05-14"));
    let budget = fm["budget"].as_sequence().unwrap();
    for line in budget {
        let amount = line["amount"].as_str().unwrap();
        assert!(parse_amount(amount).is_ok(), "{amount}");
        assert!(!line["item"].as_str().unwrap().is_empty());
    }
    assert_eq!(fm["source"]["published"].as_str(), Some("2024-05-14T12:00:00+09:00"));
    assert!(body.contains("[^1]:"));

    // A second import leaves the file alone; --force replaces it.
    let again = imp.run(&[manifest().join("tests/import/02_press_release.txt")]);
    assert_eq!(again.counts(), (0, 1, 0), "{again}");
    std::fs::write(&written, "edited by the author").unwrap();
    let forced = Importer::new(
        &ImportRules::default(),
        ImportOptions { out_dir: tmp.path().to_path_buf(), force: true, ..ImportOptions::default() },
    )
    .unwrap()
    .run(&[manifest().join("tests/import/02_press_release.txt")]);
    assert_eq!(forced.counts(), (1, 0, 0));
    assert!(std::fs::read_to_string(&written).unwrap().starts_with("---\ntitle:"));
    // No temporary files left behind.
    let names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

/// What the importer writes, `brief::frontmatter` (the builder's reader) reads back as the very
/// model the importer made: over every article we wrote (tests/import, tests/import-variants)
/// and the seed.
#[test]
fn written_front_matter_reads_back_to_the_imported_model() {
    let mut inputs: Vec<PathBuf> = Vec::new();
    for dir in ["tests/import", "tests/import-variants"] {
        for entry in walkdir::WalkDir::new(manifest().join(dir)).sort_by_file_name() {
            let path = entry.unwrap().into_path();
            let ext = path.extension().and_then(|x| x.to_str()).unwrap_or("");
            if ext == "html" || (ext == "txt" && !path.to_string_lossy().ends_with(".expect.txt")) {
                inputs.push(path);
            }
        }
    }
    assert!(inputs.len() >= 28, "the articles we wrote are found: {inputs:?}");
    if let Some(seeds) = common::shared("seeds") {
        inputs.push(seeds.join("000_3e87861e510b99f2.txt"));
    }
    let tmp = tempfile::tempdir().unwrap();
    let imp = importer(tmp.path());
    let roles = Roles::builtin();
    let rules = Rules { timezone: chrono_tz::Asia::Seoul, custom_fields: &[], roles: &roles };
    for path in &inputs {
        let name = path.display().to_string();
        let b = imp.extract(&std::fs::read(path).unwrap(), &name).unwrap();
        let text = annals::import::writer::render(&b);
        let split = frontmatter::split(path, &text).unwrap();
        let mut back = frontmatter::parse(path, &split, rules)
            .unwrap_or_else(|d| panic!("{name}: the written brief does not read:\n{d:?}\n{text}"));
        // Warnings are the reader's remarks on the values (open review notes), not values.
        back.warnings.clear();
        assert_eq!(back, b.front, "{name}: read back differs from what was imported\n{text}");
        assert_eq!(split.body, b.body, "{name}");
    }
}

#[test]
fn yaml_special_characters_are_quoted() {
    let tmp = tempfile::tempdir().unwrap();
    let article = "속보: \"AI 기본법\" 국회 통과 #AI - 시행은 2026년\n\n입력 2024.12.26 10:00\n\n국회는 26일 본회의를 열고 인공지능 기본법을 통과시켰다고 밝혔다. 법은 2026년 1월부터 시행된다.\n";
    let b = importer(tmp.path()).extract(article.as_bytes(), "x.txt").unwrap();
    let text = annals::import::writer::render(&b);
    let yaml = text.strip_prefix("---\n").unwrap().split_once("\n---\n").unwrap().0;
    let fm: serde_yaml::Mapping = serde_yaml::from_str(yaml).unwrap();
    assert_eq!(fm["title"].as_str(), Some(b.front.title.as_str()));
    assert!(b.front.title.starts_with("속보: \"AI 기본법\""));
}

#[test]
fn empty_file_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let err = importer(tmp.path()).extract(b" \n\t\n", "empty.txt").unwrap_err();
    assert!(matches!(err, ImportError::Empty { .. }));
    let msg = err.to_string();
    assert!(msg.contains("empty.txt") && msg.contains("empty") && msg.contains("hint"), "{msg}");
}

#[test]
fn binary_file_is_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let input = tmp.path().join("scan.txt");
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend([0u8; 64]);
    std::fs::write(&input, &png).unwrap();
    let summary = importer(&out).run(&[input]);
    assert_eq!(summary.counts(), (0, 0, 1));
    assert!(summary.has_failures());
    let report = summary.to_string();
    assert!(report.contains("scan.txt") && report.contains("binary"), "{report}");
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().next().is_none());
}

#[test]
fn euc_kr_is_detected_and_converted() {
    let path = manifest().join("tests/import/05_euckr.txt");
    let bytes = std::fs::read(&path).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture really is EUC-KR");
    let tmp = tempfile::tempdir().unwrap();
    let b = importer(tmp.path()).extract(&bytes, "05_euckr.txt").unwrap();
    assert_eq!(b.front.title, "대구시, 로봇 산업 육성에 500억원 투입");
    // Latin-1 text is not mistaken for Korean.
    let err = importer(tmp.path())
        .extract(b"Caf\xe9 cr\xe8me, br\xfbl\xe9e \xe0 la fran\xe7aise.", "latin1.txt")
        .unwrap_err();
    assert!(matches!(err, ImportError::Encoding { .. }), "{err}");
    assert!(err.to_string().contains("iconv"));
}

#[test]
fn article_without_a_date_is_written_with_a_placeholder_under_review() {
    let tmp = tempfile::tempdir().unwrap();
    let imp = importer(tmp.path());
    let summary = imp.run(&[manifest().join("tests/import/06_no_date.txt")]);
    assert_eq!(summary.counts(), (1, 0, 0), "{summary}");
    let path = tmp.path().join("2000-01-01-농식품부-스마트팜-청년-창업-지원-확대.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("date: 2000-01-01"), "{text}");
    assert!(text.contains("review:\n- 'date: no publication date"), "{text}");
}

#[test]
fn a_folder_imports_file_by_file_and_one_bad_file_does_not_stop_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(manifest().join("tests/import/03_wire_short.txt"), dir.join("a.txt")).unwrap();
    std::fs::copy(manifest().join("tests/import/12_portal.txt"), dir.join("b.txt")).unwrap();
    std::fs::write(dir.join("c.txt"), "").unwrap();
    std::fs::write(dir.join("notes.pdf"), b"%PDF-1.4").unwrap();
    let summary = importer(&tmp.path().join("out")).run(&[dir]);
    assert_eq!(summary.counts(), (2, 1, 1), "{summary}");
    let report = summary.to_string();
    assert!(report.contains("2 imported, 1 skipped, 1 failed"), "{report}");
    assert!(report.contains("c.txt") && report.contains("notes.pdf"), "{report}");
    assert!(summary.results.iter().any(|(n, o)| n.ends_with("a.txt") && matches!(o, Outcome::Imported(_))));
}

#[test]
fn command_line_dry_run_prints_and_exit_status_reports_failures() {
    let bin = env!("CARGO_BIN_EXE_annals");
    let tmp = tempfile::tempdir().unwrap();
    let ok = std::process::Command::new(bin)
        .args(["import", "--dry-run", "--out"])
        .arg(tmp.path())
        .arg(manifest().join("tests/import/03_wire_short.txt"))
        .output()
        .unwrap();
    assert!(ok.status.success());
    let stdout = String::from_utf8(ok.stdout).unwrap();
    assert!(
        stdout.starts_with("---\ntitle: \"행안부, 지자체 민원 창구에 생성형 AI 상담 시범 도입\"\n"),
        "{stdout}"
    );
    assert!(std::fs::read_dir(tmp.path()).unwrap().next().is_none(), "a dry run writes nothing");

    let empty = tmp.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let bad = std::process::Command::new(bin)
        .args(["import", "--out"])
        .arg(tmp.path().join("out"))
        .arg(&empty)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("empty"));

    let mut child = std::process::Command::new(bin)
        .args(["import", "--dry-run", "--format", "text", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(std::fs::read(manifest().join("tests/import/08_people.txt")).unwrap().as_slice())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("name: 배경훈"));
}

/// An article with the given headline line, a date line and a lead that opens with a byline.
fn with_headline(headline: &str) -> String {
    format!(
        "{headline}\n입력 2024.01.19 14:00\n\n[인더스트리뉴스 조창현 기자] 정부가 인공지능 사업에 100억원을 지원한다고 19일 밝혔다. 이 사업은 올해 시작된다.\n"
    )
}

#[test]
fn short_or_odd_headlines_are_kept_and_written_quoted() {
    let tmp = tempfile::tempdir().unwrap();
    let imp = importer(tmp.path());
    for headline in [
        "yes",
        "2024",
        "\"따옴표\" 제목",
        "🚀 누리호 발사 성공",
        "--- 속보",
        "- 목록 같은 제목",
        "* 별표 제목",
        "AI > 반도체",
    ] {
        let b = imp.extract(with_headline(headline).as_bytes(), "x.txt").unwrap();
        assert_eq!(b.front.title, headline);
        assert_eq!(opt(&src(&b).publisher).as_deref(), Some("인더스트리뉴스"), "{headline}");
        assert_eq!(opt(&src(&b).author).as_deref(), Some("조창현"), "{headline}");
        assert!(!b.front.review.iter().any(|r| r.starts_with("title")), "{headline}: {:?}", b.front.review);
        let text = annals::import::writer::render(&b);
        let yaml = text.strip_prefix("---\n").unwrap().split_once("\n---\n").unwrap().0;
        let fm: serde_yaml::Mapping = serde_yaml::from_str(yaml).unwrap();
        // A string for every YAML reader: `yes` is not a boolean, `2024` not a number.
        assert_eq!(fm["title"].as_str(), Some(headline), "{yaml}");
        assert!(yaml.starts_with("title: \""), "{yaml}");
    }
}

#[test]
fn a_text_without_a_headline_gets_a_stand_in_title_under_review() {
    let tmp = tempfile::tempdir().unwrap();
    let article = "(서울=연합뉴스) 홍길동 기자 = 과학기술정보통신부는 30일 연구센터 12개를 새로 선정했다고 밝혔다.\n이들 센터는 연 15억~20억원 규모 연구비를 7년간 지원받는다.\n";
    let b = importer(tmp.path()).extract(article.as_bytes(), "x.txt").unwrap();
    assert!(b.front.review.iter().any(|r| r.starts_with("title:")), "{:?}", b.front.review);
    assert!(!b.front.title.contains("연합뉴스"), "{}", b.front.title);
    assert_eq!(opt(&src(&b).publisher).as_deref(), Some("연합뉴스"));
    assert_eq!(opt(&src(&b).author).as_deref(), Some("홍길동"));
    // `30일` has no month or year: no date is invented, the brief is a draft.
    assert!(!b.date_found);
    let text = annals::import::writer::render(&b);
    assert!(text.contains("\ndraft: true\n"), "{text}");
    assert!(text.contains("date: no publication date"), "{text}");
}

#[test]
fn photographers_and_contacts_are_not_authors_or_attendees() {
    let tmp = tempfile::tempdir().unwrap();
    let article = "교육부, 지역혁신사업에 1080억 지원\n\n(서울=뉴스1) 박서준 기자\n교육부 세종청사 (뉴스1DB) © News1 이사진\n정부가 지역과 대학을 살리는 사업을 시작한다고 26일 밝혔다. 올해 3개 지역에 국고 1080억원을 지원한다.\n담당자 김담당 사무관(044-203-6000)\n";
    let b = importer(tmp.path()).extract(article.as_bytes(), "x.txt").unwrap();
    assert_eq!(opt(&src(&b).author).as_deref(), Some("박서준"));
    assert!(b.front.attendees.is_empty(), "{:?}", b.front.attendees);
    assert!(
        !b.front.region.contains(&"세종".to_string()),
        "a caption's place is not a region: {:?}",
        b.front.region
    );
    assert!(!b.body.contains("이사진") && !b.body.contains("김담당"), "{}", b.body);
}

#[test]
fn deeply_nested_html_imports_quickly_without_a_crash() {
    let depth = 100_000;
    let mut page = String::from("<html><head><title>정부, 인공지능 사업에 100억원 지원</title></head><body>");
    page.push_str(&"<div>".repeat(depth));
    page.push_str("<p>정부가 인공지능 사업에 100억원을 지원한다고 밝혔다. 이 사업은 올해 시작된다.</p>");
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</body></html>");
    let tmp = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let b = importer(tmp.path()).extract(page.as_bytes(), "deep.html").unwrap();
    let took = started.elapsed();
    assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    assert_eq!(b.front.budget.len(), 1);
    assert!(b.body.contains("100억원을 지원"), "{}", b.body);
}

#[test]
fn a_reader_that_closes_the_pipe_early_does_not_make_import_panic() {
    let bin = env!("CARGO_BIN_EXE_annals");
    let mut child = std::process::Command::new(bin)
        .args(["import", "--dry-run"])
        .arg(manifest().join("tests/import/02_press_release.txt"))
        .arg(manifest().join("tests/import/03_wire_short.txt"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(out.status.code(), Some(101), "{stderr}");
}

/// Serves one page per connection on 127.0.0.1 with the given content type, for `count` requests.
fn serve(body: Vec<u8>, content_type: &'static str, count: usize) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(count) {
            let mut stream = stream.unwrap();
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{addr}/news/articleView.html?idxno=1")
}

const PAGE: &str = "<html><head><meta charset=\"{charset}\"><title>대구시, 로봇 산업에 500억원 투입</title></head><body><article><h1>대구시, 로봇 산업에 500억원 투입</h1><p>입력 2024.03.05 10:00</p><p>대구시는 로봇 산업 육성에 올해 500억원을 투입한다고 5일 밝혔다. 시는 로봇 기업 100곳을 지원한다.</p><p>홍길동 기자 hong@yna.co.kr</p></article></body></html>";

#[test]
fn a_url_is_fetched_decoded_and_recorded() {
    let tmp = tempfile::tempdir().unwrap();
    let imp = importer(tmp.path());
    // UTF-8, the charset named by the server.
    let url = serve(PAGE.replace("{charset}", "utf-8").into_bytes(), "text/html; charset=utf-8", 1);
    let b = imp.extract_url(&url).unwrap();
    assert_eq!(b.front.title, "대구시, 로봇 산업에 500억원 투입");
    assert_eq!(opt(&src(&b).url).as_deref(), Some(url.as_str()));
    assert_eq!(b.front.date.iso_date(), "2024-03-05");
    assert_eq!(b.front.budget.len(), 1);
    // EUC-KR, named only by the page's <meta>.
    let euc_kr_page = PAGE.replace("{charset}", "euc-kr");
    let euc_kr = encoding_rs::EUC_KR.encode(&euc_kr_page).0.into_owned();
    assert!(std::str::from_utf8(&euc_kr).is_err(), "the page really is EUC-KR");
    let url = serve(euc_kr.clone(), "text/html", 1);
    let b = imp.extract_url(&url).unwrap();
    assert_eq!(b.front.title, "대구시, 로봇 산업에 500억원 투입");
    assert_eq!(opt(&src(&b).author).as_deref(), Some("홍길동"));
    // The reporter's e-mail domain names the outlet.
    assert_eq!(opt(&src(&b).publisher).as_deref(), Some("연합뉴스"));
    // Through the command line, as `annals import URL`.
    let url = serve(euc_kr, "text/html; charset=EUC-KR", 1);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["import", "--dry-run", &url])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(&format!("url: {url}")), "{stdout}");
}

#[test]
fn an_unreachable_url_is_a_clear_failure() {
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let tmp = tempfile::tempdir().unwrap();
    let err = importer(tmp.path()).extract_url(&format!("http://127.0.0.1:{port}/a")).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("cannot fetch") && msg.contains("hint"), "{msg}");
}
