//! Regions: the 17 시·도, 권역, major cities and `전국`, where a programme applies or an event
//! happens. A place name inside another word or an organisation name (`부산물`, `서울대학교`) is
//! not a region: the name must stand alone, or be followed by an administrative suffix or a
//! particle and then a word boundary.

use super::super::rules::{Compiled, PARTICLES};

/// What may follow a place name inside the same word.
const SUFFIXES: &[&str] =
    &["특별자치시", "특별자치도", "특별시", "광역시", "지역", "지방", "일대", "권", "시", "도", "군", "내"];

fn is_boundary(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => !(c.is_alphanumeric()),
    }
}

/// Whether `rest` (the text right after a place name) ends the word, allowing a suffix and/or a
/// particle in between.
fn word_ends(rest: &str) -> bool {
    if is_boundary(rest.chars().next()) {
        return true;
    }
    let ends_with_particle = |r: &str| {
        is_boundary(r.chars().next())
            || PARTICLES.iter().any(|p| r.strip_prefix(p).is_some_and(|x| is_boundary(x.chars().next())))
    };
    if ends_with_particle(rest) {
        return true;
    }
    SUFFIXES.iter().any(|s| rest.strip_prefix(s).is_some_and(ends_with_particle))
}

/// Regions in order of first mention, each once.
pub(crate) fn regions(text: &str, rules: &Compiled) -> Vec<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (spelling, name) in &rules.regions {
        for (at, _) in text.match_indices(spelling.as_str()) {
            let end = at + spelling.len();
            if taken.iter().any(|&(s, e)| at < e && end > s) {
                continue;
            }
            let before = text[..at].chars().next_back();
            if !is_boundary(before) {
                continue;
            }
            if !word_ends(&text[end..]) {
                continue;
            }
            taken.push((at, end));
            found.push((at, name.clone()));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    let mut out: Vec<String> = Vec::new();
    for (_, name) in found {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rules::ImportRules;

    fn run(s: &str) -> Vec<String> {
        regions(s, &Compiled::new(&ImportRules::default()).unwrap())
    }

    #[test]
    fn finds_places_and_skips_words_containing_them() {
        assert_eq!(run("영남권에서는 제조, 호남권은 농업"), vec!["영남권", "호남권"]);
        assert_eq!(run("부산물 재활용과 서울대학교 연구진"), Vec::<String>::new());
        assert_eq!(run("부산시와 경상남도, 세종에서"), vec!["부산", "경남", "세종"]);
        assert_eq!(run("경기 침체 속에 전국 17개 시도"), vec!["전국"]);
        assert_eq!(run("전국민 대상"), Vec::<String>::new());
    }
}
