//! The page table: every page of a site goes to a file of its own, rendered with a template the
//! theme has, and rendering one page gives the bytes the whole build writes for it.

mod common;

use annals::build::output::{file_for, Memory};
use annals::build::pipeline::{self, Options};
use annals::build::render::{Page, Renderer};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

#[test]
fn every_page_has_a_file_of_its_own_and_a_template_of_the_theme() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/budget"), &root);
    // One brief a page, so that every paginated kind has a second page.
    let toml = fs::read_to_string(root.join("site.toml")).unwrap();
    fs::write(root.join("site.toml"), format!("paginate_by = 1\n{toml}")).unwrap();
    let config = pipeline::load_config(&Options { root, ..Options::default() }).unwrap();
    let loaded = pipeline::load(config, false).unwrap();
    let renderer = Renderer::new(&loaded.archive, &loaded.theme).unwrap();
    let sink = Memory::default();
    renderer.render_all(&sink).unwrap();
    let written = sink.into_files();

    let pages = renderer.pages();
    let templates: BTreeSet<&str> = loaded.theme.templates.iter().map(|t| t.name.as_str()).collect();
    let mut files = BTreeSet::new();
    for &page in &pages {
        let route = renderer.route(page);
        let file = file_for(&route.path);
        assert_eq!(renderer.file_of(page), file);
        assert_eq!(renderer.template_of(page), route.template);
        assert!(files.insert(file.clone()), "{page:?} is written to {file}, like another page");
        assert!(templates.contains(route.template), "{page:?}: the theme has no {}", route.template);
        assert_eq!(
            written.get(&file).map(|b| b.to_vec()),
            Some(renderer.render(page).unwrap()),
            "{page:?} ({file})"
        );
    }
    for kind in ["TermPage", "TimelineYear", "BudgetYear", "TermFeed", "Search"] {
        assert!(pages.iter().any(|p| format!("{p:?}").starts_with(kind)), "no {kind} page: {pages:?}");
    }
    assert!(pages.iter().any(|p| matches!(p, Page::BudgetYear { page: 2, .. })), "{pages:?}");
    assert!(
        files.contains("regions/index.html") && files.contains("budget/2024/page/2/index.html"),
        "{files:?}"
    );
}
