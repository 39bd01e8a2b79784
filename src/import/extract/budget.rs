//! Budget lines: every amount that funds something, with the programme it pays for, taken from
//! the same clause. Valuations, market sizes, economic-effect estimates and prices are left out.

use regex::Regex;
use std::sync::LazyLock;

use super::super::rules::Compiled;
use super::super::text::squash;
use super::super::BudgetLine;
use crate::money::parse_amount;

/// An amount in won: `5,770억원`, `13조5000억원`, `7천억 원`, `1조 2,345억 6,789만원`,
/// `30억~100억원`, `30~100억원`, `100억원씩`.
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    let num = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?";
    let part = format!(r"(?:{num}\s?(?:[천백십]\s?)?[조억만]|[천백]\s?[조억만])");
    let single = format!(r"{part}(?:\s?{part})*(?:\s?{num})?\s?원|{num}\s?원");
    let low = format!(r"(?:{part}(?:\s?{part})*(?:\s?원)?|{num})");
    Regex::new(&format!(r"(?P<amount>{low}\s?~\s?(?:{single})|{single})(?P<each>씩)?")).unwrap()
});

/// The item before the amount, ending in `에`: `… 구축에 94억원`, `… 구축에 추경 45억원`,
/// `… 조성에는 2026년까지 국비와 도비를 합쳐 총 1,100억원` (up to four words in between).
static ITEM_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<item>.*\S)(?:에는|에도|에만|에)(?:\s+[^\s,]+){0,6}\s*$").unwrap());
/// The item before the amount, naming a budget: `… 양성 예산은 2,881억 원`.
static ITEM_BUDGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<item>.*?)\s+(?:예산은|예산으로|예산이|예산을|예산|사업비는|사업비로|사업비|재원은|으로|로)\s*(?:(?:총|각각|각|약|모두|올해|연간|매년|최대|최소)\s*)*$").unwrap()
});
/// The item after the amount: `5,770억원을 투자해 지방 디지털 혁신을 지원`.
static ITEM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:을|를|이|가|은|는)?\s*(?:투자|투입|들여|지원|편성|배정|집행|출연)(?:해|하여|해서|하고|,|돼|되어)?\s+(?P<item>[^,]+?)(?:을|를|에|의)\s").unwrap()
});
/// `13조5000억원 규모의 반도체 지원 프로그램을`.
static ITEM_SCALE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:규모의|규모로|의)\s*(?P<item>[^,]+?)(?:을|를|이|가|에)\s").unwrap());
static ASCII_PAREN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\([A-Za-z0-9 .,&/\-]+\)").unwrap());
static TIME_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:올해|내년|금년|작년|지난해|내년도|올해부터|이번|이번에|지난|향후|앞으로|매년|연간|총|약|각각|각|모두|구체적으로|특히|또|또한|아울러|우선|먼저|이와|함께|한편|이어|이에|이를|위해|통해|정부는|정부가|\d+일|\d+월|\d{4}년(?:도)?(?:까지|부터|에)?|\d+년간|\d+년|최대|최소|\S+당|이|가운데|중|그중|이중)$").unwrap()
});

/// Endings of words that end a clause's subject or adverbial: the item starts after them.
fn ends_clause(token: &str) -> bool {
    let t = token.trim_end_matches(',');
    if ["위해", "위한", "통해", "따라", "대해", "비롯해", "에서", "에서는", "으로는", "며", "면서"]
        .iter()
        .any(|e| t.ends_with(e))
    {
        return true;
    }
    // `열고`, `지정하고`: a verb joining two clauses.
    if t.ends_with('고')
        && t.chars().count() >= 2
        && !["광고", "재고", "최고", "창고", "사고", "참고", "신고", "경고", "보고", "공고"]
            .iter()
            .any(|n| t.ends_with(n))
    {
        return true;
    }
    (t.ends_with('는') || t.ends_with('은'))
        && ![
            "하는", "되는", "있는", "없는", "받는", "오는", "가는", "이는", "주는", "나는", "높은", "낮은",
            "작은", "많은", "같은",
        ]
        .iter()
        .any(|e| t.ends_with(e))
}

fn clean_item(raw: &str) -> String {
    let raw = ASCII_PAREN.replace_all(raw, "");
    let raw: String =
        raw.chars().filter(|c| !matches!(c, '\'' | '‘' | '’' | '"' | '“' | '”' | '*')).collect();
    let tokens: Vec<&str> = raw.split_whitespace().collect();
    // The item starts after the last clause boundary, or after `X에` that is not `X에 대한`.
    let start = tokens
        .iter()
        .enumerate()
        .rposition(|(k, t)| {
            ends_clause(t)
                || (t.ends_with('에')
                    && k + 1 < tokens.len()
                    && !["대한", "관한", "대해", "관해", "따른", "있는"].contains(&tokens[k + 1]))
        })
        .map(|i| i + 1)
        .unwrap_or(0);
    let mut rest: &[&str] = &tokens[start..];
    while let Some(first) = rest.first() {
        if TIME_WORD.is_match(first.trim_end_matches(',')) {
            rest = &rest[1..];
        } else {
            break;
        }
    }
    let mut item = rest.join(" ");
    for suffix in [" 관련 사업", " 관련"] {
        if let Some(s) = item.strip_suffix(suffix) {
            item = s.to_string();
        }
    }
    item.trim_matches(|c: char| c == ',' || c.is_whitespace()).to_string()
}

/// Budget lines of a sentence list, with review notes.
pub(crate) fn budget(sentences: &[&str], rules: &Compiled) -> (Vec<BudgetLine>, Vec<String>) {
    let mut lines: Vec<BudgetLine> = Vec::new();
    let mut review = Vec::new();
    for sentence in sentences {
        if !rules.budget_words.iter().any(|w| sentence.contains(w.as_str())) {
            continue;
        }
        let matches: Vec<_> = AMOUNT.captures_iter(sentence).collect();
        for (k, c) in matches.iter().enumerate() {
            let m = c.name("amount").unwrap();
            let whole = c.get(0).unwrap();
            // The clause: from the previous comma or amount to the next.
            let floor = if k > 0 { matches[k - 1].get(0).unwrap().end() } else { 0 };
            let ceil = matches.get(k + 1).map(|n| n.get(0).unwrap().start()).unwrap_or(sentence.len());
            let clause_start =
                sentence[floor..m.start()].rfind([',', ';', '，']).map(|i| floor + i + 1).unwrap_or(floor);
            let clause_end =
                sentence[whole.end()..ceil].find([',', ';', '，']).map(|i| whole.end() + i).unwrap_or(ceil);
            let prefix = &sentence[clause_start..m.start()];
            let suffix = &sentence[whole.end()..clause_end];
            let clause = &sentence[clause_start..clause_end];
            if rules.not_budget.iter().any(|w| clause.contains(w.as_str())) {
                continue;
            }
            let amount_text = squash(m.as_str());
            let Ok(amount) = parse_amount(&amount_text) else {
                review.push(format!("budget: cannot read the amount `{amount_text}`"));
                continue;
            };
            // A suffix naming what the money does wins; otherwise the item written before.
            let mut items: Vec<String> = Vec::new();
            let after = ITEM_AFTER
                .captures(suffix)
                .or_else(|| ITEM_SCALE.captures(suffix))
                .map(|c| clean_item(&c["item"]))
                .filter(|s| !s.is_empty());
            let before = ITEM_BUDGET
                .captures(prefix)
                .map(|c| clean_item(&c["item"]))
                .filter(|s| !s.is_empty())
                .or_else(|| {
                    ITEM_AT.captures(prefix).map(|c| clean_item(&c["item"])).filter(|s| !s.is_empty())
                });
            match (before, after) {
                (Some(b), _) => {
                    if prefix.contains("각각") || prefix.contains("각 ") {
                        items.extend(b.split(" 및 ").map(|s| s.trim().to_string()));
                    } else {
                        items.push(b);
                    }
                }
                (None, Some(a)) => items.push(a),
                (None, None) => {
                    let guess = clean_item(prefix);
                    review.push(format!(
                        "budget: no programme found for {amount_text}; `{}` is a guess",
                        if guess.is_empty() { "예산" } else { &guess }
                    ));
                    items.push(if guess.is_empty() { "예산".to_string() } else { guess });
                }
            }
            if c.name("each").is_some() {
                review.push(format!(
                    "budget: {amount_text}씩 is an amount for each recipient; the total is not stated"
                ));
            }
            for item in items {
                let duplicate = lines.iter().any(|l| {
                    l.amount == amount && (l.item == item || l.item.contains(&item) || item.contains(&l.item))
                });
                if !duplicate {
                    lines.push(BudgetLine { item, amount_text: amount_text.clone(), amount });
                }
            }
        }
    }
    (lines, review)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rules::ImportRules;

    fn run(s: &str) -> Vec<(String, u64, u64)> {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        budget(&[s], &rules).0.into_iter().map(|l| (l.item, l.amount.min, l.amount.max)).collect()
    }

    #[test]
    fn finds_items_before_and_after() {
        assert_eq!(
            run("구체적으로 올해 정부는 A 조성 및 B 강화에 각각 100억원, C 구축에 94억원을 지원할 방침이다."),
            vec![
                ("A 조성".to_string(), 10_000_000_000, 10_000_000_000),
                ("B 강화".to_string(), 10_000_000_000, 10_000_000_000),
                ("C 구축".to_string(), 9_400_000_000, 9_400_000_000),
            ]
        );
        assert_eq!(
            run("과기정통부는 지난 17일 올해 예산 5,770억원을 투자해 지방 디지털 혁신을 지원할 계획이다."),
            vec![("지방 디지털 혁신".to_string(), 577_000_000_000, 577_000_000_000)]
        );
    }

    #[test]
    fn reads_ranges_and_skips_effects() {
        assert_eq!(
            run("기업당 30억~100억원을 투입해 실증 과제를 지원한다."),
            vec![("실증 과제".to_string(), 3_000_000_000, 10_000_000_000)]
        );
        assert!(run("이번 투자로 310조 원의 경제 효과가 기대된다.").is_empty());
        assert!(run("국내 AI 시장 규모는 5조원으로 지원이 필요하다.").is_empty());
    }
}
