//! Agenda: the enumerated priorities or agenda items of a meeting or plan, written inline
//! (`△A △B △C 등을 추진`, `①A ②B`) or as a `△`/`①`/numbered list under an introducing line.

use regex::Regex;
use std::sync::LazyLock;

use super::super::text::{sentences, Block};

static ETC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*등(?:을|의|이|에|과|도|으로|을 통해)?(?:\s|$|\))").unwrap());

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

/// An amount in a list item: the list is a budget breakdown, not an agenda.
static HAS_AMOUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d[\d,.]*\s?[조억만]").unwrap());
/// What closes a list of categories or of programmes and operators, not of agenda items.
static NOT_AGENDA_CLOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"등\s*\d+\s*개\s*(?:분야|산업|업종|부문|기업|기관)|신설|선정됐|선정되었|등이다").unwrap()
});
/// An intro that states directions or goals rather than items to act on.
static NOT_AGENDA_INTRO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:방향|목표|비전|원칙)은").unwrap());

fn inline_items(text: &str) -> Vec<String> {
    let markers = |c: char| c == '△' || c == '▲' || c == 'Δ' || ('①'..='⑳').contains(&c);
    let mut out = Vec::new();
    for sentence in sentences(text) {
        if sentence.chars().filter(|c| markers(*c)).count() < 2 {
            continue;
        }
        let mut parts = sentence.split(markers);
        let intro = parts.next().unwrap_or("");
        let parts: Vec<&str> = parts.collect();
        let closing = parts.last().copied().unwrap_or("");
        let with_amounts = parts.iter().filter(|p| HAS_AMOUNT.is_match(p)).count();
        if with_amounts * 2 >= parts.len()
            || NOT_AGENDA_CLOSE.is_match(closing)
            || NOT_AGENDA_INTRO.is_match(intro)
        {
            continue;
        }
        let n = parts.len();
        out.extend(parts.iter().enumerate().filter_map(|(i, p)| clean_item(p, i + 1 == n)));
    }
    out
}

/// Tokens after which the object of a discussion or a list of actions begins. `위한`-forms
/// (adnominal) open a discussion's object but sit inside the items of a list.
fn opens_object(token: &str, adnominal: bool) -> bool {
    let t = token.trim_end_matches([',', '’', '\'']);
    if ["올해", "지난해", "해", "이해", "피해"].contains(&t) {
        return false;
    }
    token.ends_with(',')
        || adnominal && ["위한", "통한"].iter().any(|w| t.ends_with(w))
        || ["위해", "통해", "대해", "주재로", "열어", "열고", "개최"].iter().any(|w| t.ends_with(w))
        || ["해", "어", "고", "며", "서", "여"].iter().any(|e| t.ends_with(e)) && t.chars().count() >= 2
}

/// The words of `before` after the last token that opens an object (`…를 열어 A 등을 논의`).
fn object_phrase(before: &str, adnominal: bool) -> String {
    let tokens: Vec<&str> = before.split_whitespace().collect();
    let start = tokens.iter().rposition(|t| opens_object(t, adnominal)).map(|i| i + 1).unwrap_or(0);
    tokens[start..].join(" ")
}

/// What a meeting discussed: `A와 B에 대해 논의했다`, `A 등을 논의했다`, `A 사업에 대한 토론을 진행`.
fn discussed(sentence: &str) -> Vec<String> {
    static DISCUSS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\s*(?:등에\s*대해|에\s*대해|에\s*대한|등을|을|를)\s+(?:논의|토론|협의)(?:했|하|를|을|한)",
        )
        .unwrap()
    });
    let Some(m) = DISCUSS.find(sentence) else { return Vec::new() };
    let object = object_phrase(&sentence[..m.start()], true);
    // `올해 사업보고와 내년 계획`: two items.
    let mut items = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for token in object.split_whitespace() {
        match token.strip_suffix('와').or_else(|| token.strip_suffix('과')).filter(|s| s.chars().count() >= 2)
        {
            Some(stem) => {
                current.push(stem);
                items.push(current.join(" "));
                current.clear();
            }
            None => current.push(token),
        }
    }
    if !current.is_empty() {
        items.push(current.join(" "));
    }
    items.into_iter().filter(|i| i.chars().count() >= 4).collect()
}

/// The programme of an event: a speech given there (`김두관 경남지사는 축사를 통해` → `김두관
/// 경남지사 축사`) or an agreement signed (`에너지밸리 투자유치 협약을 체결했다` → `… 협약 체결`).
fn event_items(sentence: &str) -> Vec<String> {
    static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([가-힣]{2,4}\s+[가-힣]{2,8})(?:은|는)\s+(축사|출범사|기념사|환영사|개회사|격려사|인사말)(?:을|를)\s+통해").unwrap()
    });
    static SIGNED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"((?:[가-힣A-Za-z]+\s+){0,3}[가-힣]*협약)(?:을|를)\s+체결").unwrap());
    let mut out: Vec<String> =
        SPEECH.captures_iter(sentence).map(|c| format!("{} {}", &c[1], &c[2])).collect();
    if let Some(c) = SIGNED.captures(sentence) {
        let object = c[1].trim();
        let object = object.rsplit_once("기업과 ").map(|(_, o)| o).unwrap_or(object);
        if object.split_whitespace().count() >= 2 {
            out.push(format!("{object} 체결"));
        }
    }
    out
}

/// Actions listed with commas before `등을 … 지원/추진` or `등에 대해 … 협력`.
fn listed_actions(sentence: &str) -> Vec<String> {
    static LISTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*등(?:을|에\s*대해)\s+(?:\S+\s+){0,3}?(?:지원|추진|협력|논의|진행|검토)").unwrap()
    });
    let Some(m) = LISTED.find(sentence) else { return Vec::new() };
    let before = &sentence[..m.start()];
    let parts: Vec<&str> = before.split(", ").collect();
    // The run of phrases before `등`, back to the clause that introduces them.
    let mut items: Vec<String> = Vec::new();
    for part in parts.iter().rev() {
        let opener = part.split_whitespace().any(|t| opens_object(t, false));
        let item = if opener { object_phrase(part, false) } else { part.trim().to_string() };
        if item.split_whitespace().count() < 2 {
            break;
        }
        items.push(item);
        if opener {
            break;
        }
    }
    items.reverse();
    if items.len() < 3 {
        return Vec::new();
    }
    items
}

/// Agenda items in order, each once.
pub(crate) fn agenda(blocks: &[Block]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut prose: Vec<String> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Para(t) | Block::Item { text: t, .. } if inline_items(t).len() >= 2 => {
                out.extend(inline_items(t));
                i += 1;
            }
            Block::Para(t) => {
                for s in sentences(t) {
                    prose.extend(discussed(s));
                    prose.extend(listed_actions(s));
                    prose.extend(event_items(s));
                }
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
    // What a meeting discussed, or actions listed in prose, stand in only for a missing list.
    if out.is_empty() {
        out = prose;
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

    #[test]
    fn lists_that_are_not_agenda_are_left_out() {
        // Budget lines.
        let b =
            vec![Block::Para("△A 센터 구축 21억 △B 단지 조성 50억 △C 랩 운영 8억을 반영했다.".to_string())];
        assert!(agenda(&b).is_empty());
        // Categories, new programmes, directions.
        let b = vec![Block::Para("△에너지 △자동차 △헬스케어 등 3개 분야를 중점으로 연구한다.".to_string())];
        assert!(agenda(&b).is_empty());
        let b = vec![Block::Para("△AI 바우처 지원 △AI 생태계 기반 마련 사업이 신설됐다.".to_string())];
        assert!(agenda(&b).is_empty());
        let b = vec![Block::Para("협의회의 기본방향은 ▲정책 제안 ▲기관 간 교류 등이다.".to_string())];
        assert!(agenda(&b).is_empty());
    }

    #[test]
    fn speeches_and_signings_are_the_programme() {
        let b = vec![Block::Para("이도현 경남지사는 축사를 통해 발전을 당부했다.".to_string())];
        assert_eq!(agenda(&b), vec!["이도현 경남지사 축사"]);
        let b = vec![Block::Para("한전은 42개 기업과 에너지밸리 투자유치 협약을 체결했다.".to_string())];
        assert_eq!(agenda(&b), vec!["에너지밸리 투자유치 협약 체결"]);
    }

    #[test]
    fn what_a_meeting_discussed_and_listed_actions_are_agenda() {
        let b =
            vec![Block::Para("차관이 간담회를 열어 대학 연구의 경쟁력 강화 방안 등을 논의했다.".to_string())];
        assert_eq!(agenda(&b), vec!["대학 연구의 경쟁력 강화 방안"]);
        let b = vec![Block::Para(
            "정부는 2개 입지를 선정해 기업 성장 인프라 구축, 산학연 협력체계 형성, 인재 네트워크 활성화 등을 3년간 지원한다."
                .to_string(),
        )];
        assert_eq!(agenda(&b), vec!["기업 성장 인프라 구축", "산학연 협력체계 형성", "인재 네트워크 활성화"]);
    }
}
