//! Agenda: the enumerated priorities or agenda items of a meeting or plan, written inline
//! (`△A △B △C 등을 추진`, `①A ②B`) or as a `△`/`①`/numbered list under an introducing line.

use regex::Regex;
use std::sync::LazyLock;

use super::super::text::Block;

static ETC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*등(?:을|의|이|에|과|도|으로|을 통해)?(?:\s|$)").unwrap());

/// Words that say an enumeration is an agenda or a set of priorities.
const AGENDA_WORDS: &[&str] = &[
    "추진",
    "과제",
    "안건",
    "논의",
    "전략",
    "방향",
    "중점",
    "의제",
    "목표",
    "계획",
    "주요 내용",
    "분야",
    "발표",
    "핵심",
    "정책",
];

fn clean_item(raw: &str, last: bool) -> Option<String> {
    let mut s = raw.trim().trim_end_matches([',', '，', ';', '、']).trim().to_string();
    if let Some(m) = ETC.find(&s) {
        s.truncate(m.start());
    } else if last {
        // `△C를 추진한다`: the item ends at the object particle.
        let tokens: Vec<&str> = s.split_whitespace().collect();
        if let Some(k) = tokens
            .iter()
            .position(|t| t.ends_with('을') || t.ends_with('를'))
            .filter(|&k| k + 1 < tokens.len())
        {
            let mut kept: Vec<&str> = tokens[..=k].to_vec();
            let w = kept[k];
            kept[k] = &w[..w.len() - '을'.len_utf8()];
            s = kept.join(" ");
        }
    }
    if !last {
        for p in ["와", "과"] {
            if let Some(t) = s.strip_suffix(p) {
                let last_word = t.split_whitespace().last().unwrap_or("");
                if last_word.chars().count() >= 2 {
                    s = t.to_string();
                }
            }
        }
    }
    let s = s.trim().trim_end_matches([',', '.', '·']).trim().to_string();
    let n = s.chars().count();
    (2..=100).contains(&n).then_some(s)
}

fn inline_items(text: &str) -> Vec<String> {
    let markers = |c: char| c == '△' || ('①'..='⑳').contains(&c);
    if text.chars().filter(|c| markers(*c)).count() < 2 {
        return Vec::new();
    }
    let parts: Vec<&str> = text.split(markers).skip(1).collect();
    let n = parts.len();
    parts.iter().enumerate().filter_map(|(i, p)| clean_item(p, i + 1 == n)).collect()
}

/// Agenda items in order, each once.
pub(crate) fn agenda(blocks: &[Block]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Para(t) | Block::Item { text: t, .. } if inline_items(t).len() >= 2 => {
                out.extend(inline_items(t));
                i += 1;
            }
            Block::Item { marker, .. }
                if *marker == '△' || *marker == '1' || ('①'..='⑳').contains(marker) =>
            {
                let kind_numbered = *marker == '1';
                let mut j = i;
                let mut group = Vec::new();
                while let Some(Block::Item { marker: m, text, .. }) = blocks.get(j) {
                    if m != marker && !(('①'..='⑳').contains(m) && ('①'..='⑳').contains(marker)) {
                        break;
                    }
                    group.push(text.as_str());
                    j += 1;
                }
                let intro = if i > 0 { blocks[i - 1].text() } else { "" };
                let relevant = !kind_numbered || AGENDA_WORDS.iter().any(|w| intro.contains(w));
                if group.len() >= 2 && relevant {
                    let n = group.len();
                    out.extend(
                        group
                            .iter()
                            .enumerate()
                            .filter_map(|(k, t)| clean_item(t, k + 1 == n && !t.contains("다.")))
                            .filter(|t| !t.ends_with('다')),
                    );
                }
                i = j.max(i + 1);
            }
            _ => i += 1,
        }
    }
    let mut seen = Vec::new();
    out.retain(|x| {
        let new = !seen.contains(x);
        seen.push(x.clone());
        new
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_inline_enumerations() {
        let b = vec![Block::Para(
            "위한 △AI플랫폼 확산 및 생태계 조성 △온디바이스 AI 확산 △AI 기업 양성 및 해외진출 지원 확대 등을 중점 추진해 나갈 계획이다."
                .to_string(),
        )];
        assert_eq!(
            agenda(&b),
            vec!["AI플랫폼 확산 및 생태계 조성", "온디바이스 AI 확산", "AI 기업 양성 및 해외진출 지원 확대"]
        );
        let b = vec![Block::Para("①데이터 개방과 ②인재 양성을 추진한다.".to_string())];
        assert_eq!(agenda(&b), vec!["데이터 개방", "인재 양성"]);
    }
}
