//! Warnings that do not stop a build but should reach the author before readers notice: terms
//! that are probably one term spelled two ways (`호남` and `호남권`, `과기정통부` and
//! `과학기술정보통신부`, `AI` and `인공지능`), and people whose role or organisation differs
//! between briefs.

use crate::build::model::taxonomy::{Role, Taxonomy};
use crate::build::model::Archive;
use crate::diagnostics::Diagnostic;

/// Words that name the same thing in Korean policy writing.
const SYNONYMS: &[(&str, &str)] = &[
    ("AI", "인공지능"),
    ("R&D", "연구개발"),
    ("SW", "소프트웨어"),
    ("ICT", "정보통신"),
    ("빅데이터", "데이터"),
    ("디지털 전환", "DX"),
];

/// Endings that make a wider or more formal name of the same place or body (`호남` → `호남권`).
const SUFFIXES: &[&str] =
    &["권", "시", "도", "군", "구", "부", "청", "처", "원", "위원회", "특별시", "광역시", "특별자치도"];

/// A spelling prepared once for comparison: comparing pairs must not allocate, since a large
/// archive has tens of thousands of names.
struct Spelling<'a> {
    name: &'a str,
    /// Lowercase, without spaces, dashes and middle dots.
    fold: String,
    chars: usize,
    hangul: bool,
}

impl<'a> Spelling<'a> {
    fn new(name: &'a str) -> Spelling<'a> {
        Spelling { name, fold: fold(name), chars: name.chars().count(), hangul: is_hangul(name) }
    }
}

fn fold(s: &str) -> String {
    s.to_lowercase().replace([' ', '-', '·'], "")
}

/// [`SYNONYMS`], folded.
fn folded_synonyms() -> &'static [(String, String)] {
    static FOLDED: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    FOLDED.get_or_init(|| SYNONYMS.iter().map(|(x, y)| (fold(x), fold(y))).collect())
}

/// Why two spellings look like one term, or `None`.
pub fn near_duplicate(a: &str, b: &str) -> Option<&'static str> {
    reason(&Spelling::new(a), &Spelling::new(b))
}

fn reason(a: &Spelling<'_>, b: &Spelling<'_>) -> Option<&'static str> {
    if a.name == b.name {
        return None;
    }
    let (short, long) = if a.chars <= b.chars { (a, b) } else { (b, a) };
    if short.fold == long.fold {
        return Some("they differ only in case, spaces or dashes");
    }
    for (x, y) in folded_synonyms() {
        if (*x == a.fold && *y == b.fold) || (*x == b.fold && *y == a.fold) {
            return Some("they are synonyms");
        }
    }
    if let Some(rest) = long.name.strip_prefix(short.name) {
        if SUFFIXES.contains(&rest) {
            return Some("one is the other with a common ending");
        }
    }
    // Korean abbreviations keep syllables of the full name in order, with the same first and
    // last syllable: 과기정통부 ⊂ 과학기술정보통신부.
    if short.chars >= 3 && long.chars >= short.chars + 2 && short.hangul && abbreviates(short.name, long.name)
    {
        return Some("one looks like an abbreviation of the other");
    }
    None
}

/// Whether `short` has the first and last syllable of `long` and the rest in order.
fn abbreviates(short: &str, long: &str) -> bool {
    if short.chars().next() != long.chars().next() || short.chars().last() != long.chars().last() {
        return false;
    }
    let mut it = long.chars();
    short.chars().all(|c| it.any(|x| x == c))
}

/// The pairs (i < j) of `names` that [`reason`] could accept, found through indexes by each
/// rule's key instead of by comparing every pair (which took minutes on 10,000 attendees).
fn candidates(names: &[Spelling<'_>]) -> Vec<(usize, usize)> {
    use std::collections::HashMap;
    let mut pairs = Vec::new();
    let mut push = |i: usize, j: usize| {
        if i != j {
            pairs.push((i.min(j), i.max(j)));
        }
    };
    let mut by_fold: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    // Abbreviation candidates share their first and last syllable.
    let mut by_ends: HashMap<(char, char), Vec<usize>> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        by_fold.entry(n.fold.as_str()).or_default().push(i);
        by_name.insert(n.name, i);
        if n.hangul && n.chars >= 3 {
            if let (Some(f), Some(l)) = (n.name.chars().next(), n.name.chars().last()) {
                by_ends.entry((f, l)).or_default().push(i);
            }
        }
    }
    for group in by_fold.values() {
        for (k, &i) in group.iter().enumerate() {
            group[k + 1..].iter().for_each(|&j| push(i, j));
        }
    }
    for (x, y) in folded_synonyms() {
        if let (Some(xs), Some(ys)) = (by_fold.get(x.as_str()), by_fold.get(y.as_str())) {
            for &i in xs {
                ys.iter().for_each(|&j| push(i, j));
            }
        }
    }
    for (i, n) in names.iter().enumerate() {
        for suffix in SUFFIXES {
            if let Some(&j) = n.name.strip_suffix(suffix).and_then(|stem| by_name.get(stem)) {
                push(i, j);
            }
        }
    }
    for group in by_ends.values_mut() {
        // Shortest first: each name is compared only with names at least two syllables longer.
        group.sort_by_key(|&i| names[i].chars);
        for (k, &i) in group.iter().enumerate() {
            let from = group[k..].partition_point(|&j| names[j].chars < names[i].chars + 2) + k;
            group[from..].iter().for_each(|&j| push(i, j));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

fn is_hangul(s: &str) -> bool {
    s.chars().all(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// Every warning for the archive, in file order.
pub fn warnings(archive: &Archive) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for tax in &archive.taxonomies {
        out.extend(term_spellings(archive, tax));
    }
    out.extend(organisation_spellings(archive));
    for tax in archive.taxonomies.iter().filter(|t| !t.roles.is_empty()) {
        out.extend(role_changes(archive, tax));
    }
    if !archive.config.markdown.unsafe_html {
        out.extend(dropped_html(archive));
    }
    crate::diagnostics::sort(&mut out);
    out
}

/// Terms of one taxonomy that are probably one term spelled two ways.
fn term_spellings(archive: &Archive, tax: &Taxonomy) -> Vec<Diagnostic> {
    let terms = &tax.terms;
    let spellings: Vec<Spelling<'_>> = terms.iter().map(|t| Spelling::new(&t.name)).collect();
    let mut out = Vec::new();
    for (i, j) in candidates(&spellings) {
        let (a, b) = (&terms[i], &terms[j]);
        // A parent and its child are related on purpose (registry hierarchy).
        if a.parent == Some(j) || b.parent == Some(i) {
            continue;
        }
        if let Some(why) = reason(&spellings[i], &spellings[j]) {
            let file = &archive.briefs[a.briefs.first().or(b.briefs.first()).map_or(0, |b| b.0)].path;
            out.push(
                Diagnostic::warning(
                    file,
                    0,
                    0,
                    format!("the {} `{}` and `{}` may be one term: {why}", tax.config.name, a.name, b.name),
                )
                .with_hint(format!(
                    "spell it one way, or make one an alias of the other in {} ",
                    crate::build::registry::REGISTRY_FILE
                )),
            );
        }
    }
    out
}

/// Organisations are not a taxonomy, but variant spellings split a person's record.
fn organisation_spellings(archive: &Archive) -> Vec<Diagnostic> {
    let mut first_brief: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (i, b) in archive.briefs.iter().enumerate() {
        for a in b.meta.attendees.iter().filter(|a| !a.org.is_empty()) {
            first_brief.entry(a.org.as_str()).or_insert(i);
        }
    }
    let orgs: Vec<(&str, usize)> = first_brief.into_iter().collect();
    let spellings: Vec<Spelling<'_>> = orgs.iter().map(|(o, _)| Spelling::new(o)).collect();
    let mut out = Vec::new();
    for (i, j) in candidates(&spellings) {
        if let Some(why) = reason(&spellings[i], &spellings[j]) {
            out.push(
                Diagnostic::warning(
                    &archive.briefs[orgs[i].1].path,
                    0,
                    0,
                    format!("the organisations `{}` and `{}` may be one: {why}", orgs[i].0, orgs[j].0),
                )
                .with_hint(format!(
                    "add one as an alias of the other under `organizations:` in {}",
                    crate::build::registry::REGISTRY_FILE
                )),
            );
        }
    }
    out
}

/// People of the people taxonomy who appear with more than one role or organisation.
fn role_changes(archive: &Archive, tax: &Taxonomy) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (t, roles) in tax.roles.iter().enumerate() {
        if roles.len() < 2 {
            continue;
        }
        let term = &tax.terms[t];
        let listed: Vec<String> = roles.iter().map(describe_role).collect();
        out.push(
            Diagnostic::warning(
                &archive.briefs[term.briefs[0].0].path,
                0,
                0,
                format!("{} appears with different roles or organisations: {}", term.name, listed.join("; ")),
            )
            .with_hint(
                "if this is one role, spell it the same way in every brief; a real change of post can stay",
            ),
        );
    }
    out
}

/// `과학기술정보통신부 장관 (2024-01-19, 3)`: the post, when it was first held, and how often.
fn describe_role(r: &Role) -> String {
    let what = [r.org.as_str(), r.role.as_str()].join(" ").trim().to_string();
    format!("{} ({}, {})", if what.is_empty() { "없음" } else { &what }, r.first.view().iso, r.count)
}

/// Where the default HTML policy dropped raw HTML or a dangerous URL from a brief's body.
fn dropped_html(archive: &Archive) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let per_brief: Vec<Vec<Diagnostic>> = (0..archive.briefs.len())
        .into_par_iter()
        .map(|i| {
            let b = &archive.briefs[i];
            let body = match archive.body(i) {
                Ok(body) => body,
                Err(d) => return vec![d],
            };
            crate::build::markdown::dropped(&body)
                .into_iter()
                .map(|d| {
                    Diagnostic::warning(&b.path, b.body_line + d.body_line, d.column, d.what).with_hint(
                        "raw HTML and script URLs are not published; write it in Markdown, or set \
                         `unsafe_html = true` under [markdown] in site.toml if every author is trusted",
                    )
                })
                .collect()
        })
        .collect();
    per_brief.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_pairs_authors_write_two_ways() {
        assert!(near_duplicate("호남", "호남권").is_some());
        assert!(near_duplicate("과기정통부", "과학기술정보통신부").is_some());
        assert!(near_duplicate("AI", "인공지능").is_some());
        assert!(near_duplicate("온디바이스 AI", "온디바이스AI").is_some());
        assert!(near_duplicate("부산", "부산광역시").is_some());
    }

    #[test]
    fn leaves_different_terms_alone() {
        assert_eq!(near_duplicate("호남권", "영남권"), None);
        assert_eq!(near_duplicate("서울", "울산"), None);
        assert_eq!(near_duplicate("AI", "AI 반도체"), None);
        assert_eq!(near_duplicate("광주", "광주"), None);
        assert_eq!(near_duplicate("전남", "전라남도"), None, "a two-syllable name is too short to call");
    }

    /// Every pair the old all-pairs comparison found is still found through the indexes.
    #[test]
    fn the_indexes_miss_no_pair_that_all_pairs_would_find() {
        let words = [
            "호남",
            "호남권",
            "과기정통부",
            "과학기술정보통신부",
            "AI",
            "ai",
            "인공지능",
            "온디바이스 AI",
            "온디바이스AI",
            "부산",
            "부산광역시",
            "R&D",
            "연구개발",
            "DX",
            "디지털 전환",
            "디지털-전환",
            "서울",
            "울산",
            "김영섭",
            "김영섭씨",
            "과학기술부",
            "과기부",
            "산업통상자원부",
            "산자부",
        ];
        let spellings: Vec<Spelling<'_>> = words.iter().map(|w| Spelling::new(w)).collect();
        let mut all_pairs = Vec::new();
        for i in 0..words.len() {
            for j in i + 1..words.len() {
                if near_duplicate(words[i], words[j]).is_some() {
                    all_pairs.push((i, j));
                }
            }
        }
        let found: Vec<(usize, usize)> = candidates(&spellings)
            .into_iter()
            .filter(|&(i, j)| reason(&spellings[i], &spellings[j]).is_some())
            .collect();
        assert_eq!(found, all_pairs);
        assert!(all_pairs.len() >= 10, "{all_pairs:?}");
    }

    #[test]
    fn fifty_thousand_names_are_compared_in_well_under_a_second() {
        // 50,000 distinct three- and four-syllable names: all pairs would be 1.25 billion.
        let syl: Vec<char> = ('가'..='힣').step_by(97).take(60).collect();
        let names: Vec<String> = (0..50_000)
            .map(|k| {
                let (a, b, c, d) = (k % 60, k / 60 % 60, k / 3600 % 60, k / 216_000);
                let mut s: String = [syl[a], syl[b], syl[c]].iter().collect();
                if d > 0 || k % 7 == 0 {
                    s.push(syl[(a + b) % 60]);
                }
                s
            })
            .collect();
        let spellings: Vec<Spelling<'_>> = names.iter().map(|n| Spelling::new(n)).collect();
        let start = std::time::Instant::now();
        let pairs = candidates(&spellings);
        assert!(start.elapsed() < std::time::Duration::from_secs(5), "{:?}", start.elapsed());
        assert!(pairs.len() < 1_000_000, "{} candidate pairs", pairs.len());
    }
}
