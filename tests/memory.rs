//! A build's memory is bounded by design. It holds summaries, not bodies: each brief's body is
//! read again from its file when its page, its search entry or the full-content feed needs it.
//! These tests check that the pages are the same as from bodies held in memory, that a file
//! changed between reading and rendering is a located error (not a page that disagrees with the
//! rest of the site), and that what the model keeps per brief has no spare room.

mod common;
use common::copy_dir;

use std::fs;
use std::path::{Path, PathBuf};

use annals::build::content::Bodies;
use annals::build::output::Memory;
use annals::build::pipeline::{self, Options};
use annals::build::render::{BriefId, Page, Renderer};

/// The example site (the repository's own), copied, with whole bodies in the site feed so
/// that the feed reads bodies too.
fn example_site() -> (tempfile::TempDir, PathBuf) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&repo.join("content"), &root.join("content"));
    copy_dir(&repo.join("themes"), &root.join("themes"));
    let toml = fs::read_to_string(repo.join("site.toml")).unwrap();
    assert!(toml.contains("[feed]\n"), "the example's site.toml has no [feed] section");
    fs::write(root.join("site.toml"), toml.replace("[feed]\n", "[feed]\nfull_content = true\n")).unwrap();
    (tmp, root)
}

fn render(root: &Path, bodies: Bodies) -> Result<annals::build::output::Files, Vec<String>> {
    let config = pipeline::load_config(&Options { root: root.to_path_buf(), ..Options::default() }).unwrap();
    let loaded = pipeline::load_with(config, false, bodies).unwrap();
    if bodies == Bodies::Dropped {
        assert!(loaded.archive.briefs().iter().all(|b| b.body.is_none()), "a body was kept");
    }
    let renderer = Renderer::new(&loaded.archive, &loaded.theme).unwrap();
    let sink = Memory::default();
    renderer.render_all(&sink).map_err(|p| p.iter().map(|d| d.to_string()).collect::<Vec<_>>())?;
    Ok(sink.into_files())
}

#[test]
fn pages_from_bodies_read_again_are_the_pages_from_bodies_held() {
    let (_tmp, root) = example_site();
    let held = render(&root, Bodies::Held).unwrap();
    let dropped = render(&root, Bodies::Dropped).unwrap();
    assert_eq!(held.len(), dropped.len());
    let mut paths: Vec<&String> = held.keys().collect();
    paths.sort();
    for path in paths {
        assert!(held[path] == dropped[path], "{path} differs");
    }
    // The bodies are in the output: a brief's page, the full-content feed and the search index.
    let page = String::from_utf8_lossy(&held["briefs/ai-seoul-summit/index.html"]).into_owned();
    assert!(page.contains("<h2"), "{page}");
    assert!(String::from_utf8_lossy(&held["atom.xml"]).contains("&lt;p&gt;"));

    // `annals build` (which drops bodies) writes the same files.
    let out = root.parent().unwrap().join("public");
    let options = Options { root: root.clone(), output: Some(out.clone()), ..Options::default() };
    pipeline::build(&options).unwrap();
    for (path, bytes) in &held {
        assert!(fs::read(out.join(path)).unwrap() == bytes[..], "{path} differs from the build's");
    }
}

#[test]
fn a_brief_changed_after_it_was_read_is_a_located_error() {
    let (_tmp, root) = example_site();
    let config = pipeline::load_config(&Options { root: root.clone(), ..Options::default() }).unwrap();
    let loaded = pipeline::load_with(config, false, Bodies::Dropped).unwrap();
    let archive = &loaded.archive;
    let renderer = Renderer::new(archive, &loaded.theme).unwrap();
    let i = archive.briefs().iter().position(|b| b.slug == "ai-seoul-summit").unwrap();
    let file = root.join(&archive.briefs()[i].path);
    let page = renderer.render(Page::Brief(BriefId(i))).unwrap();

    // Edited in its body only, the same length: still caught.
    let text = fs::read_to_string(&file).unwrap();
    let edited = text.replacen("서울", "부산", 1);
    assert_eq!(edited.len(), text.len());
    fs::write(&file, &edited).unwrap();
    let expected =
        "content/briefs/2024/2024-05-21-ai-seoul-summit.md: error: the file changed while the site \
                    was being built";
    let problems: Vec<String> =
        renderer.render(Page::Brief(BriefId(i))).unwrap_err().iter().map(|d| d.to_string()).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with(expected), "{problems:?}");
    assert!(problems[0].contains("build again"), "{problems:?}");
    // The whole render says it once, for the page and the search index alike, and fails.
    let problems = {
        let sink = Memory::default();
        renderer.render_all(&sink).unwrap_err()
    };
    let changed: Vec<String> =
        problems.iter().map(|d| d.to_string()).filter(|m| m.contains("changed while")).collect();
    assert_eq!(changed.len(), 1, "{problems:#?}");
    assert!(changed[0].starts_with(expected));

    // Put back as it was, the page is what it was; deleted, it is a located error too.
    fs::write(&file, &text).unwrap();
    assert!(renderer.render(Page::Brief(BriefId(i))).unwrap() == page);
    fs::remove_file(&file).unwrap();
    let problems = renderer.render(Page::Brief(BriefId(i))).unwrap_err();
    assert!(problems[0]
        .to_string()
        .starts_with("content/briefs/2024/2024-05-21-ai-seoul-summit.md: error: cannot read"));
}

#[test]
fn a_body_that_had_to_be_normalised_reads_again_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    fs::create_dir_all(root.join("content/briefs")).unwrap();
    fs::write(root.join("site.toml"), "title = \"시험\"\nbase_url = \"https://example.org/\"\n").unwrap();
    // NFD Hangul (as macOS writes it): read and normalised, its body starts elsewhere in the
    // normalised text than in the file.
    let nfd = |s: &str| unicode_normalization::UnicodeNormalization::nfd(s).collect::<String>();
    let text = format!(
        "---\ntitle: {}\ndate: 2024-01-19\n---\n{}\n",
        nfd("영남권 회의"),
        nfd("## 영남권\n\n본문 한 줄.")
    );
    fs::write(root.join("content/briefs/a.md"), text).unwrap();
    let held = render(&root, Bodies::Held).unwrap();
    let dropped = render(&root, Bodies::Dropped).unwrap();
    let page = |files: &annals::build::output::Files| {
        String::from_utf8_lossy(&files["briefs/a/index.html"]).into_owned()
    };
    assert_eq!(page(&held), page(&dropped));
    assert!(page(&dropped).contains("본문 한 줄."), "{}", page(&dropped));
}

#[test]
fn what_the_model_keeps_per_brief_has_no_spare_room() {
    let (_tmp, root) = example_site();
    let config = pipeline::load_config(&Options { root, ..Options::default() }).unwrap();
    let archive = pipeline::load_with(config, false, Bodies::Dropped).unwrap().archive;
    assert!(archive.related().iter().any(|r| r.len() == annals::build::model::RELATED));
    for (i, r) in archive.related().iter().enumerate() {
        // Chosen from hundreds of candidates: the list must not keep their room.
        assert_eq!(r.capacity(), r.len(), "related briefs of {}", archive.briefs()[i].path.display());
    }
    assert!(archive.briefs().iter().any(|b| b.meta.budget.len() > 1));
    for b in archive.briefs() {
        assert_eq!(b.meta.budget.capacity(), b.meta.budget.len(), "budget lines of {}", b.path.display());
    }
}
