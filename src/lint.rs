//! Warnings that do not stop a build but should reach the author before readers notice: terms
//! that are probably one term spelled two ways (`호남` and `호남권`, `과기정통부` and
//! `과학기술정보통신부`, `AI` and `인공지능`), and people whose role or organisation differs
//! between briefs.

use crate::diagnostics::Diagnostic;
use crate::model::Archive;

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

/// Why two spellings look like one term, or `None`.
pub fn near_duplicate(a: &str, b: &str) -> Option<&'static str> {
    if a == b {
        return None;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() { (a, b) } else { (b, a) };
    let fold = |s: &str| s.to_lowercase().replace([' ', '-', '·'], "");
    if fold(short) == fold(long) {
        return Some("they differ only in case, spaces or dashes");
    }
    for (x, y) in SYNONYMS {
        if (fold(x) == fold(a) && fold(y) == fold(b)) || (fold(x) == fold(b) && fold(y) == fold(a)) {
            return Some("they are synonyms");
        }
    }
    if let Some(rest) = long.strip_prefix(short) {
        if SUFFIXES.contains(&rest) {
            return Some("one is the other with a common ending");
        }
    }
    // Korean abbreviations keep syllables of the full name in order, with the same first and
    // last syllable: 과기정통부 ⊂ 과학기술정보통신부.
    let s: Vec<char> = short.chars().collect();
    let l: Vec<char> = long.chars().collect();
    if s.len() >= 3 && l.len() >= s.len() + 2 && s[0] == l[0] && s.last() == l.last() && is_hangul(short) {
        let mut it = l.iter();
        if s.iter().all(|c| it.any(|x| x == c)) {
            return Some("one looks like an abbreviation of the other");
        }
    }
    None
}

fn is_hangul(s: &str) -> bool {
    s.chars().all(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// Every warning for the archive, in file order.
pub fn warnings(archive: &Archive) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for tax in &archive.taxonomies {
        let terms = &tax.terms;
        for i in 0..terms.len() {
            for j in i + 1..terms.len() {
                let (a, b) = (&terms[i], &terms[j]);
                // A parent and its child are related on purpose (registry hierarchy).
                if a.parent == Some(j) || b.parent == Some(i) {
                    continue;
                }
                if let Some(why) = near_duplicate(&a.name, &b.name) {
                    let file =
                        &archive.briefs[a.briefs.first().or(b.briefs.first()).copied().unwrap_or(0)].path;
                    out.push(
                        Diagnostic::warning(
                            file,
                            0,
                            0,
                            format!(
                                "the {} `{}` and `{}` may be one term: {why}",
                                tax.config.name, a.name, b.name
                            ),
                        )
                        .with_hint(format!(
                            "spell it one way, or make one an alias of the other in {} ",
                            crate::registry::REGISTRY_FILE
                        )),
                    );
                }
            }
        }
    }
    // Organisations are not a taxonomy, but variant spellings split a person's record.
    let mut orgs: Vec<(&str, usize)> = Vec::new();
    for (i, b) in archive.briefs.iter().enumerate() {
        for a in &b.meta.attendees {
            if !a.org.is_empty() && !orgs.iter().any(|(o, _)| *o == a.org) {
                orgs.push((&a.org, i));
            }
        }
    }
    orgs.sort();
    for i in 0..orgs.len() {
        for j in i + 1..orgs.len() {
            if let Some(why) = near_duplicate(orgs[i].0, orgs[j].0) {
                out.push(
                    Diagnostic::warning(
                        &archive.briefs[orgs[i].1].path,
                        0,
                        0,
                        format!("the organisations `{}` and `{}` may be one: {why}", orgs[i].0, orgs[j].0),
                    )
                    .with_hint(format!(
                        "add one as an alias of the other under `organizations:` in {}",
                        crate::registry::REGISTRY_FILE
                    )),
                );
            }
        }
    }
    // People: the role or organisation an attendee has in each brief.
    for tax in archive.taxonomies.iter().filter(|t| !t.roles.is_empty()) {
        for (t, roles) in tax.roles.iter().enumerate() {
            if roles.len() < 2 {
                continue;
            }
            let term = &tax.terms[t];
            let listed: Vec<String> = roles
                .iter()
                .map(|r| {
                    let what = [r.org.as_str(), r.role.as_str()].join(" ").trim().to_string();
                    format!(
                        "{} ({}, {})",
                        if what.is_empty() { "없음" } else { &what },
                        r.first.view().iso,
                        r.count
                    )
                })
                .collect();
            out.push(
                Diagnostic::warning(
                    &archive.briefs[term.briefs[0]].path,
                    0,
                    0,
                    format!("{} appears with different roles or organisations: {}", term.name, listed.join("; ")),
                )
                .with_hint("if this is one role, spell it the same way in every brief; a real change of post can stay"),
            );
        }
    }
    if !archive.config.markdown.unsafe_html {
        out.extend(dropped_html(archive));
    }
    crate::diagnostics::sort(&mut out);
    out
}

/// Where the default HTML policy dropped raw HTML or a dangerous URL from a brief's body.
fn dropped_html(archive: &Archive) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let per_brief: Vec<Vec<Diagnostic>> = archive
        .briefs
        .par_iter()
        .map(|b| {
            crate::markdown::dropped(&b.body)
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
}
