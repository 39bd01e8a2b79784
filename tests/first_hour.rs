//! What a new user meets in the first hour: `annals init` on an empty folder, the messages for
//! the mistakes people really make in front matter, briefs still under review, and page bundles
//! (a brief with its images and PDFs beside it).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn annals(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals")).args(args).arg("--root").arg(root).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A site made by `annals init` in a fresh temporary folder.
fn init_site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    let out = Command::new(env!("CARGO_BIN_EXE_annals")).arg("init").arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    (tmp, dir)
}

#[test]
fn init_makes_a_site_that_checks_and_builds_at_once() {
    let (_tmp, dir) = init_site();
    for file in ["site.toml", "data/terms.yaml", ".gitignore", ".github/workflows/deploy.yml"] {
        assert!(dir.join(file).is_file(), "{file} is written");
    }
    let check = annals(&["check"], &dir);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(stderr(&check).contains("no problems"), "{}", stderr(&check));
    let build = annals(&["build", "--base-url", "https://user.github.io/archive/"], &dir);
    assert!(build.status.success(), "{}", stderr(&build));
    let page =
        fs::read_to_string(dir.join("public/briefs/local-digital-innovation-2024/index.html")).unwrap();
    assert!(page.contains("5,770억"), "the sample brief's budget is on its page");
    assert!(page.contains("이종호"), "and its attendee");
    // The sample's parts are counted once: the 2024 total is 5,770억, not 5,964억.
    let budget = fs::read_to_string(dir.join("public/budget/index.html")).unwrap();
    assert!(budget.contains("577,000,000,000") && !budget.contains("596,400,000,000"), "{budget}");
    let workflow = fs::read_to_string(dir.join(".github/workflows/deploy.yml")).unwrap();
    assert!(workflow.contains("cargo install --locked --git \"$ANNALS_GIT\" --rev \"$ANNALS_REV\" annals"));
    assert!(!workflow.contains("@ANNALS"), "every marker is filled in");
}

#[test]
fn init_refuses_a_folder_with_files_and_never_overwrites() {
    let (_tmp, dir) = init_site();
    fs::write(dir.join("site.toml"), "title = \"mine\"\nbase_url = \"https://x.example/\"\n").unwrap();
    let again = Command::new(env!("CARGO_BIN_EXE_annals")).arg("init").arg(&dir).output().unwrap();
    assert!(!again.status.success());
    assert!(stderr(&again).contains("is not empty; pass --force"), "{}", stderr(&again));
    fs::remove_file(dir.join("data/terms.yaml")).unwrap();
    let forced =
        Command::new(env!("CARGO_BIN_EXE_annals")).arg("init").arg("--force").arg(&dir).output().unwrap();
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert_eq!(
        fs::read_to_string(dir.join("site.toml")).unwrap(),
        "title = \"mine\"\nbase_url = \"https://x.example/\"\n"
    );
    assert!(dir.join("data/terms.yaml").is_file(), "the missing file is added");
    assert!(stderr(&forced).contains("kept"), "{}", stderr(&forced));
}

#[test]
fn an_empty_folder_is_told_about_init() {
    let tmp = tempfile::tempdir().unwrap();
    let out = annals(&["build"], tmp.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("annals init"), "{}", stderr(&out));
}

/// A site with one brief whose front matter is `yaml`; returns the output of `annals check`.
fn check_brief(yaml: &str) -> (String, bool) {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("content")).unwrap();
    fs::write(tmp.path().join("site.toml"), "title = \"t\"\nbase_url = \"https://x.example/\"\n").unwrap();
    fs::write(tmp.path().join("content/a.md"), format!("---\n{yaml}---\n본문\n")).unwrap();
    let out = annals(&["check"], tmp.path());
    (stderr(&out), out.status.success())
}

#[test]
fn a_region_one_jamo_off_is_a_warning_with_did_you_mean() {
    let (out, ok) = check_brief("title: t\ndate: 2024-01-01\nregion: 부싼\n");
    assert!(ok, "a warning does not fail: {out}");
    assert!(
        out.contains(
            "content/a.md:4:9: warning: the region `부싼` is not a known region; did you mean `부산`?"
        ),
        "{out}"
    );
}

#[test]
fn two_regions_written_as_one_are_a_warning_suggesting_a_list() {
    let (out, ok) = check_brief("title: t\ndate: 2024-01-01\nregion: 부산, 울산\n");
    assert!(ok, "{out}");
    assert!(
        out.contains("content/a.md:4:9: warning: the region `부산, 울산` is one term made of 2 known ones"),
        "{out}"
    );
    assert!(out.contains("hint: for several, write a list: region: [부산, 울산]"), "{out}");
}

#[test]
fn a_small_bare_amount_is_a_warning() {
    let (out, ok) = check_brief("title: t\ndate: 2024-01-01\nbudget:\n  - item: 사업\n    amount: 5000\n");
    assert!(ok, "{out}");
    assert!(
        out.contains("content/a.md:6:13: warning: the amount 5000 is 5,000원 (a bare number is in won)"),
        "{out}"
    );
    assert!(out.contains("did you mean \"5,000억원\"?"), "{out}");
}

#[test]
fn an_unclosed_quote_is_reported_on_its_own_line() {
    let (out, ok) = check_brief("title: \"열린 따옴표\ndate: 2024-01-01\nregion: 서울\n");
    assert!(!ok);
    assert!(out.contains("content/a.md:2:8: error: the quote \" opened here is never closed"), "{out}");
}

#[test]
fn a_tab_in_a_list_is_named_as_a_tab() {
    let (out, ok) = check_brief("title: t\ndate: 2024-01-01\nregion:\n\t- 서울\n");
    assert!(!ok);
    assert!(
        out.contains("content/a.md:5:1: error: a tab indents this line; YAML indents with spaces only"),
        "{out}"
    );
}

#[test]
fn a_repeated_key_is_reported_at_the_repeat() {
    let (out, ok) = check_brief("title: 하나\ndate: 2024-01-01\ntitle: 둘\n");
    assert!(!ok);
    assert!(out.contains("content/a.md:4:1: error: `title` is given twice (first on line 2)"), "{out}");
}

#[test]
fn an_approximate_amount_names_the_word() {
    let (out, ok) =
        check_brief("title: t\ndate: 2024-01-01\nbudget:\n  - item: 사업\n    amount: \"5천억원 내외\"\n");
    assert!(!ok);
    assert!(
        out.contains("content/a.md:6:13: error: cannot read the amount `5천억원 내외`: `내외` makes the amount approximate"),
        "{out}"
    );
}

#[test]
fn check_counts_and_lists_briefs_under_review_drafts_included() {
    let (out, ok) = check_brief(
        "title: t\ndate: 2024-01-01\ndraft: true\nreview:\n  - 날짜를 확인하세요\n  - 기관명을 확인하세요\n",
    );
    assert!(ok, "{out}");
    assert!(out.contains("content/a.md:5:1: warning: the brief still has 2 review note(s)"), "{out}");
    assert!(out.contains("1 brief(s) still have review notes (2 in all):\n  content/a.md (2)"), "{out}");
    assert!(!out.contains("no problems"), "{out}");
}

fn bundle_site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundle"), &root);
    (tmp, root)
}

#[test]
fn a_bundle_publishes_its_files_beside_the_brief_under_a_sub_path() {
    let (_tmp, root) = bundle_site();
    let out = annals(&["build"], &root);
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = root.join("public/briefs/ai-summit");
    let page = fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(page.contains("src=\"/archive/briefs/ai-summit/chart.png\""), "{page}");
    assert!(page.contains("href=\"/archive/briefs/ai-summit/docs/plan.pdf\""), "{page}");
    let source = root.join("content/briefs/2024/ai-summit");
    assert_eq!(fs::read(dir.join("chart.png")).unwrap(), fs::read(source.join("chart.png")).unwrap());
    assert_eq!(fs::read(dir.join("docs/plan.pdf")).unwrap(), fs::read(source.join("docs/plan.pdf")).unwrap());
    assert!(!root.join("public/briefs/index").exists(), "a bundle is named by its folder, not `index`");
}

#[test]
fn a_missing_bundle_file_is_an_error_at_its_link() {
    let (_tmp, root) = bundle_site();
    fs::remove_file(root.join("content/briefs/2024/ai-summit/chart.png")).unwrap();
    let out = annals(&["build"], &root);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(
            "content/briefs/2024/ai-summit/index.md:10:1: error: `chart.png` is not a file of this brief"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_image_beside_a_plain_brief_is_reported_with_how_to_publish_it() {
    let (_tmp, root) = bundle_site();
    let plain = root.join("content/briefs/2024/plain.md");
    let text = fs::read_to_string(&plain).unwrap();
    fs::write(&plain, format!("{text}\n![차트](chart.png)\n")).unwrap();
    fs::write(root.join("content/briefs/2024/chart.png"), b"not really a png").unwrap();
    let out = annals(&["check"], &root);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("plain.md:8:1: error: `chart.png` is not a file of this brief"), "{err}");
    assert!(err.contains("bundle"), "{err}");
}

#[test]
fn a_typo_in_the_import_section_is_named_by_check_and_import_not_by_build() {
    let (_tmp, dir) = init_site();
    let toml = fs::read_to_string(dir.join("site.toml")).unwrap();
    let line = toml.lines().count() + 2;
    fs::write(dir.join("site.toml"), format!("{toml}\n[import]\nrole = [\"최고기술책임자\"]\n")).unwrap();
    let check = annals(&["check"], &dir);
    assert!(!check.status.success(), "check fails on the [import] typo");
    let err = stderr(&check);
    assert!(err.contains(&format!("site.toml:{}:", line + 1)) && err.contains("role"), "{err}");
    let article = dir.join("article.txt");
    fs::write(&article, "제목\n\n본문입니다.\n").unwrap();
    let import = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["import", "--dry-run", "--root"])
        .arg(&dir)
        .arg(&article)
        .output()
        .unwrap();
    assert!(!import.status.success(), "import refuses rules it cannot read");
    assert!(stderr(&import).contains("role"), "{}", stderr(&import));
    // The build does not read the importer's rules, so it goes on.
    let build = annals(&["build"], &dir);
    assert!(build.status.success(), "{}", stderr(&build));
}
