//! The model against the plain definitions of what it holds (each person's roles walked brief
//! by brief, each brief's terms sorted by where its author wrote them, each term's budget lines
//! gathered over its subtree, each brief's related briefs counted term by term), on a generated
//! site with the awkward cases: one person in several roles, budget lines naming their own
//! region or part of another line, a parent region named directly and through its children.

use super::*;
use crate::build::content::{self, Bodies};
use crate::build::registry::{self, Registry};
use std::fmt::Write as _;

const REGIONS: [&str; 6] = ["서울", "부산", "울산", "경기", "영남권", "제주"];
const PEOPLE: [&str; 5] = ["김민수", "이서연", "박지훈", "최유진", "정하늘"];
const ROLES: [&str; 3] = ["장관", "차관", "국장"];

/// A small deterministic generator (the test must not depend on a crate's random numbers).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn generated_site(briefs: usize) -> (tempfile::TempDir, Archive) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let root = tmp.path();
    std::fs::create_dir_all(root.join("content/briefs")).expect("content folder");
    // The four built-in taxonomies and one of the site's, which no registry list deduplicates.
    let mut toml = String::from("title = \"시험\"\nbase_url = \"https://example.org/\"\n");
    for name in ["region", "sector", "agenda", "people", "ministry"] {
        writeln!(toml, "[[taxonomies]]\nname = \"{name}\"").unwrap();
    }
    std::fs::write(root.join("site.toml"), toml).expect("site.toml");
    let mut rng = Lcg(7);
    for i in 0..briefs {
        let mut text = format!("---\ntitle: \"브리핑 {i}\"\n");
        // Several briefs on one day, so that ties are broken by slug.
        writeln!(text, "date: 2024-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(3)).unwrap();
        let regions: Vec<&str> = (0..1 + rng.below(4)).map(|_| REGIONS[rng.below(REGIONS.len())]).collect();
        writeln!(text, "region: [{}]", regions.join(", ")).unwrap();
        writeln!(text, "agenda: [\"안건 {}\", \"안건 {}\"]", rng.below(4), rng.below(4)).unwrap();
        let ministries: Vec<String> =
            (0..1 + rng.below(4)).map(|_| format!("부처{}", rng.below(3))).collect();
        writeln!(text, "ministry: [{}]", ministries.join(", ")).unwrap();
        text.push_str("attendees:\n");
        for _ in 0..1 + rng.below(5) {
            let (name, role) = (PEOPLE[rng.below(PEOPLE.len())], ROLES[rng.below(ROLES.len())]);
            writeln!(text, "  - {{name: {name}, role: {role}, org: 부처{}}}", rng.below(2)).unwrap();
        }
        text.push_str("budget:\n");
        for l in 0..rng.below(4) {
            writeln!(text, "  - item: \"사업 {l}\"\n    amount: \"{}억원\"", 1 + rng.below(90)).unwrap();
            if rng.below(3) == 0 {
                writeln!(text, "    region: {}", REGIONS[rng.below(REGIONS.len())]).unwrap();
            }
            if l > 0 && rng.below(2) == 0 {
                text.push_str("    part_of: \"사업 0\"\n");
            }
        }
        text.push_str("---\n본문.\n");
        std::fs::write(root.join(format!("content/briefs/b{:03}.md", rng.below(1000) * 1000 + i)), text)
            .expect("brief");
    }
    let archive = reload(root);
    (tmp, archive)
}

#[test]
fn briefs_are_newest_first_and_ties_go_by_slug() {
    let (_tmp, a) = generated_site(120);
    for w in a.briefs.windows(2) {
        let key = |b: &Brief| (std::cmp::Reverse(b.meta.date.timestamp()), b.slug.clone());
        assert!(key(&w[0]) < key(&w[1]), "{} before {}", w[0].slug, w[1].slug);
    }
}

#[test]
fn each_brief_s_terms_are_in_the_order_written() {
    let (_tmp, a) = generated_site(120);
    let mut unsorted = 0;
    for (x, tax) in a.taxonomies.iter().enumerate() {
        for (b, brief) in a.briefs.iter().enumerate() {
            // The definition: every term listing the brief, once per listing, sorted by the
            // first place its name is written.
            let mut expected: Vec<usize> = Vec::new();
            for (t, term) in tax.terms.iter().enumerate() {
                expected.extend(term.briefs.iter().filter(|&&id| id == BriefId(b)).map(|_| t));
            }
            let written = taxonomy::terms_of(brief, &tax.config.source);
            expected.sort_by_key(|&t| written.iter().position(|w| *w == tax.terms[t].name));
            unsorted += usize::from(expected.windows(2).any(|w| w[0] > w[1]));
            assert_eq!(a.brief_terms[b][x], expected, "{} in {}", brief.slug, tax.config.name);
        }
    }
    assert!(unsorted > 0, "some brief writes its terms out of name order");
}

#[test]
fn each_person_s_roles_are_the_ones_met_walking_their_briefs_oldest_first() {
    let (_tmp, a) = generated_site(120);
    let x = a.taxonomy_index(&TermSource::Attendees).expect("a people taxonomy");
    let people = &a.taxonomies[x];
    assert_eq!(people.roles.len(), people.terms.len());
    for (term, roles) in people.terms.iter().zip(&people.roles) {
        let mut expected: Vec<(String, String, usize)> = Vec::new();
        let (mut first, mut last) = (Vec::new(), Vec::new());
        for id in term.briefs.iter().rev() {
            let b = &a.briefs[id.0];
            let at = b.meta.attendees.iter().find(|p| p.name == term.name).expect("listed");
            match expected.iter().position(|(r, o, _)| *r == at.role && *o == at.org) {
                Some(k) => {
                    expected[k].2 += 1;
                    last[k] = b.meta.date.timestamp();
                }
                None => {
                    expected.push((at.role.clone(), at.org.clone(), 1));
                    first.push(b.meta.date.timestamp());
                    last.push(b.meta.date.timestamp());
                }
            }
        }
        let got: Vec<(String, String, usize)> =
            roles.iter().map(|r| (r.role.clone(), r.org.clone(), r.count)).collect();
        assert_eq!(got, expected, "{}", term.name);
        let dates: Vec<(i64, i64)> =
            roles.iter().map(|r| (r.first.timestamp(), r.last.timestamp())).collect();
        assert_eq!(dates, first.into_iter().zip(last).collect::<Vec<_>>(), "{}", term.name);
    }
    assert!(people.roles.iter().any(|r| r.len() > 1), "someone held several roles");
}

#[test]
fn each_term_s_budget_lines_are_its_subtree_s_lines_once_each_in_order() {
    let (_tmp, a) = generated_site(120);
    let x = a.taxonomy_index(&TermSource::Region).expect("a region taxonomy");
    let tax = &a.taxonomies[x];
    let lookup: HashMap<&str, usize> =
        tax.terms.iter().enumerate().map(|(i, t)| (t.name.as_str(), i)).collect();
    let in_subtree = |mut t: usize, root: usize| loop {
        if t == root {
            return true;
        }
        match tax.terms[t].parent {
            Some(p) => t = p,
            None => return false,
        }
    };
    let parent = lookup["영남권"];
    assert!(!tax.terms[parent].children.is_empty(), "영남권 has 부산 and 울산 below it");
    for (t, group) in a.budget.by_term[x].iter().enumerate() {
        let mut expected = Vec::new();
        for (b, brief) in a.briefs.iter().enumerate() {
            for (l, line) in brief.meta.budget.iter().enumerate() {
                let terms = line_terms(tax, &lookup, line, &a.brief_terms[b][x]);
                if terms.iter().any(|&u| in_subtree(u, t)) {
                    expected.push(LineRef::new(BriefId(b), l));
                }
            }
        }
        assert_eq!(group.lines, expected, "{}", tax.terms[t].name);
        assert_eq!(group.total, plain_total(&expected, &a.briefs), "{}", tax.terms[t].name);
        let mut years: Vec<(i32, Total)> = Vec::new();
        for r in &expected {
            let year = a.briefs[r.brief().0].meta.date.date().year();
            if years.last().map(|y| y.0) != Some(year) {
                let of_year: Vec<LineRef> = expected
                    .iter()
                    .copied()
                    .filter(|o| a.briefs[o.brief().0].meta.date.date().year() == year)
                    .collect();
                years.push((year, plain_total(&of_year, &a.briefs)));
            }
        }
        assert_eq!(group.years, years, "{}", tax.terms[t].name);
    }
    let parts =
        a.budget.all.lines.iter().filter(|r| a.briefs[r.brief().0].meta.budget[r.line()].part_of.is_some());
    assert!(parts.count() > 0, "the site has lines that are parts of others");
    assert!(!a.budget.by_term[x][parent].lines.is_empty(), "the parent gathers its children's lines");
}

/// A group's total by the definition: a part adds nothing when a line of its brief named as its
/// whole is in the group too.
fn plain_total(lines: &[LineRef], briefs: &[Brief]) -> Total {
    let line = |r: &LineRef| &briefs[r.brief().0].meta.budget[r.line()];
    let mut total = Total::default();
    for r in lines {
        let l = line(r);
        let whole_here = l
            .part_of
            .as_ref()
            .is_some_and(|whole| lines.iter().any(|o| o.brief() == r.brief() && line(o).item == *whole));
        total.add(if whole_here { Amount::exact(0) } else { l.amount }).expect("small amounts");
    }
    total
}

#[test]
fn related_briefs_are_the_best_by_shared_terms_then_nearness() {
    let (_tmp, a) = generated_site(120);
    let window = 40;
    for (b, related) in a.related.iter().enumerate() {
        // The definition: count, for every other brief, the terms whose lists have both within
        // `window / 2` places of each other; rank by count, then distance, then index.
        let mut counts: HashMap<usize, u32> = HashMap::new();
        for tax in &a.taxonomies {
            for term in &tax.terms {
                for (p, other) in term.briefs.iter().enumerate() {
                    // Each of the brief's own listings of the term counts (a term written twice).
                    for own in term.briefs.iter().enumerate().filter(|(_, &id)| id == BriefId(b)) {
                        if other.0 != b && own.0.abs_diff(p) <= window / 2 {
                            *counts.entry(other.0).or_default() += 1;
                        }
                    }
                }
            }
        }
        let mut ranked: Vec<(usize, u32)> = counts.into_iter().collect();
        ranked.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.abs_diff(b).cmp(&y.0.abs_diff(b))).then(x.0.cmp(&y.0)));
        let expected: Vec<BriefId> = ranked.iter().take(RELATED).map(|&(o, _)| BriefId(o)).collect();
        assert_eq!(related, &expected, "{}", a.briefs[b].slug);
    }
}

/// Loads the site in `root` as a build does (its stages, which live in the pipeline above
/// this module: briefs read, the registry applied, the model made), with no problem allowed.
fn reload(root: &std::path::Path) -> Archive {
    let config = Config::load(root).expect("config");
    let registry = Registry::load(root).expect("registry");
    let mut loaded = content::load(&config, false, Bodies::Held);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let applied = registry::apply(&registry, &config, &mut loaded.briefs);
    assert!(applied.iter().all(|d| !d.is_error()), "{applied:?}");
    let (archive, problems) = Archive::build(config, &registry, loaded.briefs, &loaded.failed);
    assert!(problems.is_empty(), "{problems:?}");
    archive
}

/// Reads one brief again as the development server does after an edit.
fn read_again(archive: &Archive, registry: &Registry, rel: &std::path::Path) -> Brief {
    let mut one = vec![content::read_one(&archive.config, rel).expect("reads")];
    let applied = registry::apply(registry, &archive.config, &mut one);
    assert!(applied.iter().all(|d| !d.is_error()), "{applied:?}");
    one.pop().expect("one brief")
}

/// Everything the model holds, as text to compare (the link map sorted: a hash map's order is
/// its own).
fn model_text(a: &Archive) -> String {
    let mut links: Vec<_> = a.link_map.iter().collect();
    links.sort();
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{links:?}",
        a.briefs, a.timeline, a.taxonomies, a.brief_terms, a.budget, a.related
    )
}

#[test]
fn a_brief_put_in_place_after_an_edit_pages_alone_show_gives_the_model_made_afresh() {
    let (tmp, mut a) = generated_site(60);
    let registry = Registry::load(tmp.path()).expect("registry");
    let edit = |rel: &std::path::Path, from: &str, to: &str| {
        let path = tmp.path().join(rel);
        let text = std::fs::read_to_string(&path).expect("brief");
        assert!(text.contains(from), "{from}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("brief");
    };
    edit(&a.briefs[7].path, "title: \"브리핑", "title: \"고친 브리핑");
    let retitled = read_again(&a, &registry, &a.briefs[7].path.clone());
    a.replace_brief(7, retitled).expect("only the title changed");
    assert_eq!(model_text(&a), model_text(&reload(tmp.path())));
    assert!(a.briefs[7].meta.title.starts_with("고친"));

    edit(&a.briefs[9].path, "region: [", "region: [대전, ");
    let moved = read_again(&a, &registry, &a.briefs[9].path.clone());
    assert!(a.replace_brief(9, moved).is_err(), "a new region changes the model");
}
