//! Sectors: the policy sectors a brief is about, from the keyword lists. A sector counts when its
//! keywords occur often enough in the body, or at all in the title or a budget item.

use super::super::rules::Compiled;

fn count(text: &str, keyword: &str) -> usize {
    let ascii = keyword.is_ascii();
    text.match_indices(keyword)
        .filter(|(at, _)| {
            if !ascii {
                return true;
            }
            let before = text[..*at].chars().next_back();
            let after = text[at + keyword.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        })
        .count()
}

/// Sectors, most mentioned first.
pub(crate) fn sectors(title: &str, body: &str, budget_items: &[&str], rules: &Compiled) -> Vec<String> {
    let mut scored: Vec<(usize, usize, String)> = Vec::new();
    for (order, (sector, keywords)) in rules.sectors.iter().enumerate() {
        // Longer keywords first, so `디지털 트윈` is not counted again as part of something else.
        let n: usize = keywords.iter().map(|k| count(body, k)).sum();
        let in_title = keywords.iter().any(|k| count(title, k) > 0);
        let in_budget = budget_items.iter().any(|i| keywords.iter().any(|k| count(i, k) > 0));
        if n >= rules.sector_min_mentions || in_title || in_budget {
            scored.push((n + if in_title { 2 } else { 0 }, order, sector.clone()));
        }
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, s)| s).collect()
}
