//! Where the article comes from: the publisher (outlet or issuing ministry), the author (reporter
//! or responsible department) and the URL.

use regex::Regex;
use std::sync::LazyLock;

use super::super::html::Hints;
use super::super::rules::Compiled;
use super::super::text::{Cleaned, BYLINE};

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:저작권자|Copyright|COPYRIGHT|copyright)?\s*(?:ⓒ|©|\([cC]\))\s*(?:\d{4}\s*)?([^\s,.|·]+(?:\s(?:뉴스|일보|신문|경제|통신|타임스|데일리|미디어))?)|(?:저작권자|Copyright|COPYRIGHT)\s+(?:\d{4}\s*)?([^\s,.|·ⓒ©]+)")
        .unwrap()
});
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s<>"'()\[\]]+[^\s<>"'()\[\].,]"#).unwrap());
static DEPARTMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"담당\s*부서\s*[:：]?\s*(?:[가-힣]+(?:부|청|처|원|위원회)\s+)?([가-힣A-Za-z0-9]+(?:과|팀|국|관|실|단|센터))").unwrap()
});

/// (publisher, author, url).
pub(crate) fn source(
    cleaned: &Cleaned,
    hints: &Hints,
    rules: &Compiled,
) -> (Option<String>, Option<String>, Option<String>) {
    let lead = cleaned.lead_byline.as_ref();
    let publisher = lead
        .map(|(p, _)| p.clone())
        .or_else(|| hints.site_name.clone())
        .or_else(|| {
            cleaned.meta.iter().chain(&cleaned.tail).find_map(|l| {
                COPYRIGHT.captures(l).and_then(|c| {
                    c.get(1)
                        .or(c.get(2))
                        .map(|m| m.as_str().trim().to_string())
                        .filter(|s| !s.is_empty() && !s.starts_with("무단"))
                })
            })
        })
        .or_else(|| {
            // `해오름뉴스 전소율 기자`.
            cleaned.meta.iter().find_map(|l| {
                let bare = l.trim_start_matches(['•', '·', '|', '-', ' ']).trim();
                BYLINE.captures(bare).and_then(|c| c.name("outlet").map(|m| m.as_str().to_string()))
            })
        })
        .or_else(|| {
            // A press release names its ministry on a line of its own.
            cleaned.meta.iter().find_map(|l| {
                let l = l.trim();
                rules.ministries.iter().find(|m| l == m.as_str() || l.starts_with(&format!("{m} "))).cloned()
            })
        });
    let author = lead
        .and_then(|(_, a)| a.clone())
        .or_else(|| {
            cleaned.meta.iter().find_map(|l| {
                let bare = l.trim_start_matches(['•', '·', '|', '-', ' ']).trim();
                BYLINE.captures(bare).map(|c| c["name"].to_string())
            })
        })
        .or_else(|| hints.author.clone())
        .or_else(|| cleaned.meta.iter().find_map(|l| DEPARTMENT.captures(l).map(|c| c[1].to_string())));
    let url = hints.url.clone().or_else(|| {
        cleaned.meta.iter().chain(&cleaned.tail).find_map(|l| URL.find(l).map(|m| m.as_str().to_string()))
    });
    (publisher, author, url)
}
