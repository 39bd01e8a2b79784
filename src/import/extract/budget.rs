//! Budget lines: every amount that funds something, with the programme it pays for, taken from
//! the same clause. Valuations, market sizes, economic-effect estimates and prices are left out.

use regex::Regex;
use std::sync::LazyLock;

use super::super::rules::Compiled;
use super::super::text::squash;
use crate::brief::frontmatter::BudgetLine;
use crate::brief::money::{parse_amount, Amount};

/// An amount in won: `5,770억원`, `1천787억원`, `2억 5백66만4천원`, `3억 5800만 원`, `82.5억원`,
/// `천 8백여만 원` (read as its stated figure, 1,800만원),
/// `100억원씩`; without `원` when it ends in 조/억/만 (`252억`, `국비 60억`); `399〃` (a ditto mark
/// repeating the unit before it).
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    let num = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?";
    // `천 8백만`: a space may follow 천/백/십; `8백여만`, `50여억`: 여 (some) before the unit.
    let group = format!(r"(?:(?:(?:{num})?[천백십]\s?)+(?:{num})?|{num})");
    let core = format!(r"(?:{group}여?\s?[조억만]\s?)+(?:{group})?");
    let bare = format!(r"(?:{group}여?\s?[조억만]\s?)*{group}여?\s?[조억만]");
    Regex::new(&format!(r"(?P<amount>{core}\s?원|{group}여?\s?원|{bare}|(?P<ditto>{num})\s?〃)(?P<each>씩)?"))
        .unwrap()
});
/// What may not follow an amount written without `원`: a counter, a foreign currency, more digits.
static NOT_WON_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s?(?:\d|달러|유로|엔|위안|파운드|시간|명|개|곳|건|대|톤|가구|세대|㎡|평|호|배|년|주|회|km|kW|MW|%|여\s?명|여\s?개|분의|장|권|마리|의\s?\d)").unwrap()
});
/// A bare number before `~` that borrows the unit of the amount after it: `30~50억원`.
static RANGE_LOW: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d.,])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s?~\s?$").unwrap());
/// Words that open a breakdown of the amount before: its lines are parts of it.
static BREAKDOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:구체적으로|세부적으로|이\s?중|그\s?중|이\s?가운데|세부\s?내역)").unwrap()
});
/// The words for the year before the article's, as regex alternatives (`전년` covers `전년도`
/// where the pattern allows more letters after it).
const LAST_YEAR: &str = "지난해|작년|전년";

/// A comparison with an earlier figure: `올해(310억원)`, `기존 국비지원 규모(540억원)`.
static EARLIER_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:올해|금년)[^\s(]*\s*\(\s*$|(?:{LAST_YEAR}|전년도|기존|종전|당초|예년)(?:\s*[^\s(]+){{0,2}}\s*\(\s*$"
    ))
    .unwrap()
});
/// The figure a budget started from, named right before it: `당초 436억 원의 규모로`, `기정예산
/// 6,600억원에서`, or in brackets beside the change (`146억원(본예산 264억원) 증액`).
static BASE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:^|[^\p{Hangul}])(?:당초|기정|종전)(?:\s*예산(?:액)?)?|\(\s*(?:본예산|당초|기정|전년도?|지난해|작년|기존|종전)(?:\s*예산(?:액)?)?)\s*$").unwrap()
});
/// A change against something: `작년보다 210억원 많은`, `전년 대비 30억원 늘어난`, `전년 대비
/// 172억 원(3.86%) 늘고`, `… 389억원으로 증액됐으며`.
static DELTA_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\(\s*[↑↓▲▼△]?\s*[\d.]+\s*%\s*[↑↓▲▼]?\s*\))?\s*(?:이|가|을|를|으로)?\s*(?:많|늘|증가|증액|감소|줄|적|확대된|축소된|삭감된|깎)").unwrap()
});

/// One amount found in a sentence.
#[derive(Debug, Clone)]
struct Found {
    /// Where it starts and ends in the sentence (a range from its lower end).
    start: usize,
    end: usize,
    text: String,
    amount: Amount,
    each: bool,
}

/// Every amount in a sentence, with ranges joined (`15억~20억원`, `30~50억원`,
/// `2억 원에서 최대 8억 원`) and ditto marks read.
fn amounts_in(sentence: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut last_unit: Option<&str> = None;
    for c in AMOUNT.captures_iter(sentence) {
        let m = c.name("amount").unwrap();
        let (mut start, mut end) = (m.start(), m.end());
        let whole = c.get(0).unwrap();
        // The 천 of `인천 8억원` ends a word: the amount starts at its first digit.
        if m.as_str().starts_with(['천', '백', '십'])
            && sentence[..m.start()].chars().next_back().is_some_and(|p| ('가'..='힣').contains(&p))
        {
            let Some(d) = m.as_str().find(|ch: char| ch.is_ascii_digit()) else { continue };
            let Some(rest) = AMOUNT.find(&m.as_str()[d..]) else { continue };
            start = m.start() + d;
            end = start + rest.end();
        }
        let raw = squash(&sentence[start..end]);
        let text = if let Some(d) = c.name("ditto") {
            let Some(unit) = last_unit else { continue };
            format!("{}{unit}", d.as_str())
        } else {
            raw.clone()
        };
        if !raw.ends_with('원') && c.name("ditto").is_none() && NOT_WON_AFTER.is_match(&sentence[end..]) {
            continue;
        }
        // Without `원`, tens of thousands are a count (`인구 10만 도시`, `5만 관중`): money that
        // small is written with its unit.
        if !raw.ends_with('원') && c.name("ditto").is_none() && !raw.contains(['억', '조']) {
            continue;
        }
        // `제2조` (an article of a law, as `제3차` is a round) is an ordinal, never money.
        if sentence[..start].ends_with('제') {
            continue;
        }
        last_unit = ["조원", "억원", "만원"].into_iter().find(|u| {
            let unit = u.chars().next().unwrap();
            text.trim_end_matches('원').trim_end().ends_with(unit)
        });
        let Ok(amount) = parse_amount(&text.replace('여', "")) else { continue };
        let mut found = Found { start, end: whole.end(), text, amount, each: c.name("each").is_some() };
        // A range: `A~B`, `A에서 (최대) B`, or a bare number before `~` (`8~9억 원`), also
        // after an earlier amount (`5억에서 8~9억 원으로`).
        let from = out.last().map_or(0, |prev| prev.end);
        let joined = out.last().is_some_and(|prev| {
            let between = sentence[prev.end..found.start].trim();
            matches!(between, "~" | "에서" | "에서 최대" | "부터" | "부터 최대" | "~최대")
                && prev.amount.max < found.amount.min
        });
        if joined {
            let prev = out.pop().unwrap();
            found.amount = Amount { min: prev.amount.min, max: found.amount.max };
            found.text = format!("{}~{}", won(&prev.text), won(&found.text));
            found.start = prev.start;
        } else if let Some(low) = RANGE_LOW.captures(&sentence[from..found.start]) {
            let l = low.get(1).unwrap();
            let l_start = from + l.start();
            if let Ok(a) = parse_amount(&format!("{}~{}", l.as_str(), found.text)) {
                found.amount = a;
                found.text = format!("{}~{}", l.as_str(), found.text);
                found.start = l_start;
            }
        }
        out.push(found);
    }
    out
}

/// An amount's text with `원` (for ranges written from two amounts).
fn won(text: &str) -> String {
    if text.ends_with('원') {
        text.to_string()
    } else {
        format!("{text}원")
    }
}

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
    unpaired_brackets(item.trim_matches(|c: char| c == ',' || c.is_whitespace()))
}

/// An item without the brackets the clause split left unpaired: `2곳(` is `2곳`, `)가 △성장 지원(`
/// is `성장 지원`, `(국비` is `국비`. A pair (`사업(마이데이터)`) stays.
fn unpaired_brackets(item: &str) -> String {
    // One scan: where the last `)` without its `(` ends, and where the first `(` never closed is.
    let (mut open, mut after_close, mut first_open) = (Vec::new(), 0, None);
    for (i, c) in item.char_indices() {
        match c {
            '(' => open.push(i),
            ')' if open.pop().is_none() => after_close = i + 1,
            _ => {}
        }
    }
    if let Some(&i) = open.iter().find(|&&i| i >= after_close) {
        first_open = Some(i);
    }
    let end = match first_open {
        // `(국비`: the bracket opens the item itself, and what follows it is the item.
        Some(i) if item[after_close..i].trim().is_empty() => {
            after_close = i + 1;
            open.iter().find(|&&j| j > i).copied().unwrap_or(item.len())
        }
        Some(i) => i,
        None => item.len(),
    };
    let whole = item;
    let mut item = item[after_close..end].trim();
    // `활용지원(MyData)`, cut to nothing after its `)`: the name in the brackets is the item.
    if item.is_empty() && after_close > 0 {
        let inside = &whole[..after_close - 1];
        item = inside.rsplit_once('(').map_or(inside, |(_, name)| name).trim();
    } else if after_close > 0 {
        item = ["가 ", "이 ", "는 ", "은 ", "와 ", "과 ", "로 ", "으로 "]
            .iter()
            .find_map(|p| item.strip_prefix(p))
            .unwrap_or(item);
    }
    // A list mark of a part (`△성장 지원`) and a leading `등` (`등 총`, after the parts) go too.
    let item = item.trim().trim_start_matches(['△', '▲', '▷', '○', '-', '·']).trim();
    // So do a particle or `및` left from the part before (`과 도비`), and a lone `총`/`모두`.
    let item = ["등 ", "과 ", "와 ", "및 "].iter().find_map(|p| item.strip_prefix(p)).map_or(item, str::trim);
    let item = match item {
        "총" | "모두" | "약" | "등" => "",
        _ => item.strip_suffix(" 총").unwrap_or(item),
    };
    item.trim_matches(|c: char| c == ',' || c.is_whitespace()).to_string()
}

/// Whether the amount at `prefix`/`suffix` (its clause before and after it) is not funding: an
/// effect estimate, a market size, a revenue or price, an earlier year's figure, a change against
/// something, a cumulative total, a private investment target, a penalty.
fn not_budget(clause: &str, prefix: &str, suffix: &str, rules: &Compiled) -> bool {
    // What money is spent on (`34억원이 플랫폼 이용료와 교사 연수에 쓰인다`) says what it pays
    // for, not what the amount is: the words are read in the rest of the clause only.
    let words_in = match spent_on(suffix) {
        Some(purpose) => &clause[..clause.len() - suffix.len() + purpose],
        None => clause,
    };
    // Words that hold a not-budget word by chance (`자유발언` holds `유발`) are read as one word.
    let clause = HOLDS_NOT_BUDGET_WORD.iter().fold(words_in.to_string(), |c, w| c.replace(w, " "));
    // The revenue side of a budget (`주요 세입재원은 지방교부세가 2,219억원, …`) is where money comes
    // from, not what it pays for.
    let revenue = prefix.contains("세입") && !prefix.contains("세출");
    revenue
        || rules.not_budget.iter().any(|w| clause.contains(w.as_str()))
        || left_out(suffix)
        || own_investment(prefix)
        || EARLIER_FIGURE.is_match(prefix)
        || BASE_BEFORE.is_match(prefix)
        || ((prefix.contains("보다") || prefix.contains("대비")) && DELTA_AFTER.is_match(suffix))
        || change_beside_rate(prefix, suffix)
        || changed_by(suffix)
        || compared_with(suffix)
        || DELTA_AFTER.is_match(suffix)
            && suffix.trim_start().starts_with(['늘', '많', '증'])
            && (prefix.contains("보다") || prefix.contains("대비") || prefix.contains("비해"))
        || prefix.contains("누적")
        || (prefix.contains("년부터") && prefix.contains('총') && !plan_over_years(prefix, suffix))
        || (clause.contains("목표") && (clause.contains("유치") || clause.contains("민간")))
        || private_sought(prefix, &clause)
        || last_years(prefix, suffix)
        || cut(suffix)
        || limit(suffix)
        || saving(suffix)
        || firms_pledge(prefix, suffix)
        || firm_plans(prefix, suffix)
        || change_or_base(suffix)
        || agreements_size(suffix)
        || unspent(suffix)
        || last_years_budget(prefix)
}

/// Where the purpose starts in a suffix that spends the amount on something (`이 … 연수에
/// 쓰인다`, `을 … 구축에 투입한다`): the offset of the purpose's first word, or `None`.
fn spent_on(suffix: &str) -> Option<usize> {
    static SPENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:이|가|은|는|을|를)\s+(?P<purpose>(?:\S+\s+){0,6}?\S+에\s*(?:쓰인|쓰이|쓴다|쓸|사용|투입|배정|지원|들어가|들인))")
            .unwrap()
    });
    SPENT.captures(suffix).and_then(|c| c.name("purpose")).map(|m| m.start())
}

/// An amount left unspent (`1,300억원이 불용됐다`) or carried over (`이월됐다`): not money the
/// programme has.
fn unspent(suffix: &str) -> bool {
    static UNSPENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:이|가|은|는)?\s*(?:\S+\s+){0,2}?(?:불용|이월|미집행)").unwrap());
    UNSPENT.is_match(suffix)
}

/// An amount named as an earlier year's budget (`지난해 AI 인프라 예산 8,900억원`): the year
/// word opens the noun phrase the amount closes. `지난해보다 늘어난 1조원` is this year's, and
/// so is money got then and spent now (`지난해 확보한 예산 40억원을 올해`: a verb's form between).
fn last_years_budget(prefix: &str) -> bool {
    static EARLIER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:^|[^\p{{Hangul}}])(?:{LAST_YEAR}|전년도|첫해)(?:의)?\s+(?:[^\s,]*[^\s,한된던는은]\s+){{0,3}}?(?:예산|사업비|총사업비)(?:은|는|이|가)?\s*$"
        ))
        .unwrap()
    });
    EARLIER.is_match(prefix)
}

/// An amount told as a change (`예산을 120억원 늘렸다`, `120억 증액`: by how much, no particle
/// between; `비용이 90억원가량 줄어들 것`, about how much) or as the base of a comparison
/// (`12조9,800억원보다`, `첫해 45억원의 두 배`). `120억원으로 늘렸다` is the new figure, and budget.
fn change_or_base(suffix: &str) -> bool {
    static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?:\s*(?:가량|정도|안팎|쯤))?\s+(?:더\s*)?(?:늘|증액|증가|확대|줄|감소|감액)|\s*(?:보다|대비|에\s*비해)|\s*의\s*(?:두|세|네|다섯|\d+(?:\.\d+)?)\s*배)")
            .unwrap()
    });
    CHANGE.is_match(suffix)
}

/// An investment agreement: firms pledging their own money (`투자 협약`, `투자양해각서`, `투자 MOU`).
const INVESTMENT_AGREEMENT: &str = r"투자\s*(?:협약|양해각서|MOU)";

/// The size of an investment agreement (`6200억원 규모의 투자협약`): the firms' money.
fn agreements_size(suffix: &str) -> bool {
    static SIZE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"^\s*(?:규모의?\s*)?{INVESTMENT_AGREEMENT}")).unwrap());
    SIZE.is_match(suffix)
}

/// A token without the particle that marks it as a sentence's subject or topic (`한빛소재가`).
fn subject_stem(token: &str) -> Option<&str> {
    ["은", "는", "이", "가"].iter().find_map(|p| token.strip_suffix(p))
}

/// A sentence whose firms invest their own money (`에코배터리가 4000억원, 한빛소재가
/// 2200억원을 투자한다`): it closes on investing, and no public body is its subject.
fn firms_invest(sentence: &str) -> bool {
    static INVEST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:을|를)\s+(?:\S+\s+)?투자(?:한다|했다|하기로 했다|할 계획이다|하기로 했다)\.?$")
            .unwrap()
    });
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let stem = |t: &str| subject_stem(t).map(str::to_string);
    // Who invests how much: a subject right before its amount (`한빛소재가 2200억원을`), a name
    // of two letters or more (`… 구축하는 데는 270억원을` has none).
    let payers: Vec<String> = tokens
        .windows(2)
        .filter(|w| w[1].starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|w| stem(w[0]))
        .filter(|s| s.chars().count() >= 2 && !s.ends_with("에") && !s.ends_with("에서"))
        .collect();
    let any_public = tokens.iter().filter_map(|t| stem(t)).any(|s| public_body(&s));
    INVEST.is_match(sentence.trim()) && !payers.is_empty() && !any_public
}

/// An amount a firm invests (`… 155억원을 투자해`), told in a story of an investment agreement
/// (`투자 협약을 체결했다`) or with a company as its subject (`㈜한빛은`, `(주)나래가`): the
/// firms' money, even where the province and county sign beside them.
fn firms_pledged_investment(sentence: &str, suffix: &str) -> bool {
    static INVESTS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(?:을|를)\s+투자").unwrap());
    static AGREEMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"{INVESTMENT_AGREEMENT}|협약을 체결한 [^\s]+(?:은|는|이|가)\s")).unwrap()
    });
    let company = sentence
        .split_whitespace()
        .any(|t| (t.starts_with('㈜') || t.starts_with("(주)")) && subject_stem(t).is_some());
    INVESTS.is_match(suffix) && (company || AGREEMENT.is_match(sentence))
}

/// Whether a subject's stem names a public body (`군`, `경기도`, `행정안전부`, `진흥원`).
fn public_body(stem: &str) -> bool {
    ["시", "도", "군", "구", "부", "청", "처", "원", "정부", "국가", "공사", "공단", "위원회", "재단", "의회"]
        .iter()
        .any(|e| stem.ends_with(e))
}

/// A company's own investment plan told with the firm or its facility as subject (`한빛전자
/// 제3공장은 … 2,000억원을 투자할 계획이며`), with no word of public money before it: private money.
/// A public body's plan (`군은 … 투자할 계획이다`) is budget, and so is a plan whose subject is
/// not written.
fn firm_plans(prefix: &str, suffix: &str) -> bool {
    static PLAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\s*(?:을|를)\s+(?:\S+\s+)?(?:투자할\s*계획|투자할\s*예정|투자하겠|투자하기로|투자한다는)",
        )
        .unwrap()
    });
    if !PLAN.is_match(suffix) || PUBLIC_MONEY.iter().any(|w| prefix.contains(w)) {
        return false;
    }
    // The subject opens the sentence (after an adverb or a name): a noun with its particle, not
    // a verb's form (`구축하는 데는`, `장비를 갖추는 데는`: after an object).
    let subject =
        prefix.split_whitespace().take(4).take_while(|t| !t.ends_with('을') && !t.ends_with('를')).find_map(
            |t| {
                let t = t.trim_end_matches(',');
                subject_stem(t).filter(|s| !s.is_empty())
            },
        );
    let not_noun = ["에", "서", "로", "해", "에게", "하", "되", "데", "것", "있", "없", "한", "된"];
    subject.is_some_and(|s| {
        !public_body(s) && !TIME_WORD.is_match(s) && !not_noun.iter().any(|e| s.ends_with(e))
    })
}

/// Money a measure is said to save (`전기요금 40억원을 아낄 수 있을 것`): an estimate, not budget.
fn saving(suffix: &str) -> bool {
    static SAVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:을|를|이|가|씩)?\s*(?:\S+\s+)?(?:아낄|아끼|아꼈|절감|절약)").unwrap()
    });
    SAVE.is_match(suffix)
}

/// Firms pledging their own money (`통신 3사는 … 5조원을 투자하겠다는 계획`, `기업도 5조원 규모의
/// 투자를 약속했다`): not a public budget.
/// A government's pledge (`정부는 … 투자하겠다`) is.
fn firms_pledge(prefix: &str, suffix: &str) -> bool {
    static PLEDGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:(?:을|를)\s+(?:\S+\s+)?(?:투자하겠|투자할 계획|투자하기로|투자한다는)|\s*규모의?\s+투자(?:를|을)?\s*(?:약속|계획|결정|발표))").unwrap()
    });
    static FIRMS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\d\s*사|기업(?:들)?|업계|그룹|업체(?:들)?)(?:은|는|이|가|도)\s").unwrap()
    });
    PLEDGE.is_match(suffix) && FIRMS.is_match(prefix)
}

/// An amount cut from a budget (`45억원을 삭감하고`, `10억원이 감액됐다`): a change, not money
/// the programme has.
fn cut(suffix: &str) -> bool {
    static CUT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:을|를|이|가)?\s*(?:삭감|감액|깎)").unwrap());
    CUT.is_match(suffix)
}

/// The change beside its rate: `기정 예산보다 4.8%(344억원) 늘어난` (the amount in brackets after
/// a percentage, the change's verb after them).
fn change_beside_rate(prefix: &str, suffix: &str) -> bool {
    let rate = prefix.trim_end().strip_suffix('(').is_some_and(|p| p.trim_end().ends_with('%'));
    rate && suffix.trim_start().strip_prefix(')').is_some_and(|rest| DELTA_AFTER.is_match(rest))
}

/// The verbs of a change, after its amount: `… 증액된`, `… 늘었다`, `… 줄어든`.
const CHANGE_VERB: &str = r"(?:더\s*)?(?:늘|증가|증액|감소|감액|줄|삭감)";

/// A rate in brackets after an amount: `(2.4%)`, `(121%↑)`, `(▲3.1%)`.
const RATE: &str = r"\(\s*[↑↓▲▼△▽+\-]?\s*[\d.]+\s*%\s*[↑↓▲▼]?\s*\)";

/// An amount told as what grew or shrank (`789억원이 증액된 7,389억원`, `1700만원(0.03%)이
/// 증가했다`): the amount is the subject of the change, so it is the change. `120억원으로
/// 증액` names the new figure and is not this.
fn changed_by(suffix: &str) -> bool {
    static CHANGED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^\s*(?:{RATE}\s*(?:이|가)?|(?:이|가))\s*{CHANGE_VERB}")).unwrap()
    });
    CHANGED.is_match(suffix)
}

/// Amounts listed each with its rate and closed by one change verb (`일반회계가 99억원(2.4%),
/// 특별회계는 1700만원(0.03%)이 증가했다`): every amount of the list is a change, as its last is.
fn changes_listed_with_rates(sentence: &str, found: &[Found]) -> Vec<bool> {
    static LAST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"^\s*{RATE}\s*(?:이|가)?\s*{CHANGE_VERB}")).unwrap());
    // Between two amounts of the list: the first's rate, a comma and the next one's label.
    static BETWEEN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"^\s*{RATE}\s*,\s*(?:\S+\s+){{0,3}}$")).unwrap());
    let mut out = vec![false; found.len()];
    for k in (0..found.len()).rev() {
        let listed = found
            .get(k + 1)
            .is_some_and(|next| out[k + 1] && BETWEEN.is_match(&sentence[found[k].end..next.start]));
        out[k] = listed || LAST.is_match(&sentence[found[k].end..]);
    }
    out
}

/// A limit set on support (`현재 500억원으로 제한돼 있는 … 지원 한도`): how much a programme may
/// give, not money it has.
fn limit(suffix: &str) -> bool {
    static LIMIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:으로|로)\s*(?:제한|묶여|묶인|상한)").unwrap());
    LIMIT.is_match(suffix)
}

/// A row of a comparison table, flattened (`디지털 인프라 380억원 520억원 +140억원`): two
/// figures side by side and their difference. The earlier figure and the change are not budget;
/// which is which the arithmetic tells (the third is the second minus the first), whatever the
/// layout. A change written with a sign (`+140억원`, `△30억원`) is never budget either.
fn earlier_and_change(sentence: &str, found: &[Found]) -> Vec<bool> {
    let mut out: Vec<bool> = found
        .iter()
        .map(|f| {
            let before = sentence[..f.start].trim_end();
            before.ends_with(['+', '＋', '△', '▲', '▽', '▼']) && !before.ends_with(char::is_alphanumeric)
        })
        .collect();
    // Cells side by side: nothing but spaces (or a `|`) and a sign between the amounts. Prose
    // names each amount (`국비 90억원, 시비 60억원`), and a total with its parts decreases.
    let adjacent = |x: &Found, y: &Found| {
        sentence[x.end..y.start].chars().all(|c| c.is_whitespace() || "|+＋-−△▲▽▼".contains(c))
    };
    // `사업비 120억원 가운데 45억원을 삭감하고`: what was asked before the cut, the cut a change.
    static CUT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:을|를)?\s*(?:\S+\s+)?(?:삭감|감액|깎)").unwrap());
    for k in 1..found.len() {
        let (a, b) = (&found[k - 1], &found[k]);
        let among = ["가운데", "중", "중에서"].contains(&sentence[a.end..b.start].trim());
        if among && CUT.is_match(&sentence[b.end..]) {
            out[k - 1] = true;
        }
    }
    for k in 2..found.len() {
        let (a, b, c) = (&found[k - 2], &found[k - 1], &found[k]);
        let single = |x: &Found| x.amount.min == x.amount.max;
        let signed = out[k];
        let rise = b.amount.min > a.amount.min && c.amount.min == b.amount.min - a.amount.min;
        let change = signed && c.amount.min == b.amount.min.abs_diff(a.amount.min);
        if single(a) && single(b) && single(c) && adjacent(a, b) && adjacent(b, c) && (rise || change) {
            out[k - 2] = true;
            out[k] = true;
        }
    }
    out
}

/// A programme that started in a past year and runs on, told as a plan (`2020년부터 4년간 총
/// 80억원을 들여 … 만들 계획이다`): its whole budget, unlike a running total to date (`2019년부터
/// 총 30억원을 지원했다`).
fn plan_over_years(prefix: &str, suffix: &str) -> bool {
    static SPAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"년부터\s*(?:\d+\s*년간|\d+\s*년\s*동안|(?:19|20)\d{2}년까지)").unwrap()
    });
    static PLAN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:계획|예정|방침)(?:이다|이며|이고|이라고|)\.?\s*$|할\s*것").unwrap());
    SPAN.is_match(prefix) && PLAN.is_match(suffix.trim_end())
}

/// A history of earlier years' sizes told in the past (`2019년 3곳(30억원)에서 2020년 5곳(50억원),
/// 지난해 8곳(90억원)을 뽑았다`): every year-tagged amount is that year's figure, not budget. It
/// takes two tagged amounts or more, told as a growth (`에서`), reaching last year or running over
/// three years; with the article's year known, every year named is earlier. A plan by year
/// (`… 투입할 계획이다`) is not past, and stays budget.
fn earlier_series(sentence: &str, found: &[Found], year: Option<i32>) -> Vec<bool> {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:(?P<year>(?:19|20)\d{{2}})년(?:도)?|{LAST_YEAR})(?:에는|에|엔|는|은)?\s+(?:\d+\s*(?:곳|개|건|명|개소|개사)\s*)?\(?\s*$"
        ))
        .unwrap()
    });
    static PAST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:았|었|였|했|됐|왔)(?:다|으며|고)\.?\s*$").unwrap());
    let mut tagged = vec![false; found.len()];
    let (mut years, mut last_year, mut growth) = (Vec::new(), false, false);
    for (k, f) in found.iter().enumerate() {
        let from = if k > 0 { found[k - 1].end } else { 0 };
        let Some(c) = TAG.captures(&sentence[from..f.start]) else { continue };
        match c.name("year") {
            Some(y) => years.extend(y.as_str().parse::<i32>().ok()),
            None => last_year = true,
        }
        growth |= k > 0
            && tagged[k - 1]
            && sentence[from..f.start].trim_start_matches([')', ' ']).starts_with("에서");
        tagged[k] = true;
    }
    let count = tagged.iter().filter(|&&t| t).count();
    let earlier = year.is_none_or(|y| years.iter().all(|&t| t < y));
    let series = count >= 2 && (growth || last_year || count >= 3) && earlier;
    if series && PAST.is_match(sentence.trim_end()) && !names_a_later_time(sentence) {
        tagged
    } else {
        vec![false; found.len()]
    }
}

/// The figure a comparison is made with (`전년도 4,059억 원과 비교하면 19.3% 늘어`, `2011년도
/// 확보액(3조1,115억 원) 보다 96억 원이 증액된`): a base, not this year's money.
fn compared_with(suffix: &str) -> bool {
    static COMPARED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\)?\s*(?:(?:과|와)\s*(?:비교하면|비교해|비교하여|비교할|견주면|견줘)|보다\s)")
            .unwrap()
    });
    COMPARED.is_match(suffix)
}

/// The names of public money (`국비`, `사업비`), and of the government that spends it.
const PUBLIC_MONEY: &[&str] =
    &["예산", "국비", "도비", "시비", "군비", "구비", "지방비", "사업비", "재정", "기금", "정부"];

/// Words that contain a not-budget word (`유발`, `가치`) but mean something else.
const HOLDS_NOT_BUDGET_WORD: &[&str] = &["자유발언", "가치관"];

/// An amount the article says is not part of what it reports: `…은 이번 발표에 포함되지 않았다`.
fn left_out(suffix: &str) -> bool {
    static LEFT_OUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:은|는|이|가)?\s*(?:\S+\s+){0,3}?(?:포함되지\s*않|포함돼\s*있지\s*않|제외됐|빠졌)")
            .unwrap()
    });
    LEFT_OUT.is_match(suffix)
}

/// A company's own investment plan (`대기업의 자체 투자 계획 1조2천억원`): private money.
/// Money the programme gives to companies for investing (`중소기업 투자 지원 300억원`) is not.
fn own_investment(prefix: &str) -> bool {
    static OWN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:자체\s*투자|기업(?:들)?(?:의|이|은|는)\s*(?:\S+\s+){0,2}?투자)(?:\s*계획|\s*목표)?\s*$",
        )
        .unwrap()
    });
    OWN.is_match(prefix.trim_end())
}

/// Private money an article hopes a programme attracts: `민간 투자 1조원을 끌어낼 것으로 기대`.
fn private_sought(prefix: &str, clause: &str) -> bool {
    let tail: String = prefix.chars().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect();
    (tail.contains("민간") || tail.contains("민자"))
        && ["유치", "기대", "끌어", "이끌", "견인", "유도", "목표"].iter().any(|w| clause.contains(w))
}

/// Last year's figure, told in the past: `지난해 … 쓴 예산은 85억원이었다`, `지난해 1단계 사업에
/// 150억원을 투입했으며` (money spent then, not what this programme brings).
fn last_years(prefix: &str, suffix: &str) -> bool {
    static PAST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\s*(?:이었|였|이던|에 그쳤|에 불과했|(?:을|를)\s+(?:투입했|투입하였|썼|집행했|들였|지원했|배정했|배정한 바|편성했|편성한 바|투입한 바|지원한 바))",
        )
        .unwrap()
    });
    let last = LAST_YEAR.split('|').filter_map(|w| prefix.rfind(w)).max();
    last.is_some_and(|at| !names_a_later_time(&prefix[at..])) && PAST.is_match(suffix)
}

/// Whether `text` (after an earlier year's word) names a later time: `지난해는 …, 올해는 50억원`
/// is this year's money.
fn names_a_later_time(text: &str) -> bool {
    ["올해", "금년", "내년", "이번", "앞으로"].iter().any(|w| text.contains(w))
}

/// A budget of a year before the article's (`2025년 AI 돌봄 사업 예산은 132억원으로` in a 2026
/// release, `2025년 사업(총 45억원)`, `('25년 80억원)`): that year's figure, as `지난해 예산` is.
/// A span that runs on (`2025년부터`, `2025년까지`) is not one year's.
fn earlier_years_budget(prefix: &str, year: i32) -> bool {
    static YEAR_BUDGET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:19|20)\d{2})년(?:도)?\s+(?:\S+\s+){0,4}?\S*예산(?:은|이|액은)\s*$").unwrap()
    });
    // The year's figure in brackets: after the year's programme, or the year opening them.
    static YEAR_BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:(?:^|[^\d])((?:19|20)\d{2})년(?:도)?\s*[^\s()]{0,10}?(?:사업|예산|사업비)\(\s*(?:총\s*)?|\(\s*(?:['‘’](\d{2})|((?:19|20)\d{2}))년(?:도)?\s+)$")
            .unwrap()
    });
    let full = |y: &str| y.parse::<i32>().ok().map(|n| if n < 100 { 2000 + n } else { n });
    let bracketed = YEAR_BRACKETED
        .captures(prefix)
        .and_then(|c| c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)))
        .and_then(|m| full(m.as_str()));
    YEAR_BUDGET
        .captures(prefix)
        .and_then(|c| c[1].parse::<i32>().ok())
        .or(bracketed)
        .is_some_and(|y| y < year && !prefix.contains("부터") && !prefix.contains("까지"))
}

/// The programme an amount pays for, from its clause, and a review note when it is a guess.
fn item_of(prefix: &str, suffix: &str, amount_text: &str) -> (Vec<String>, Option<String>) {
    let after = ITEM_AFTER
        .captures(suffix)
        .or_else(|| ITEM_SCALE.captures(suffix))
        .map(|c| clean_item(&c["item"]))
        .filter(|s| !s.is_empty());
    let before = ITEM_BUDGET
        .captures(prefix)
        .map(|c| clean_item(&c["item"]))
        .filter(|s| !s.is_empty())
        .or_else(|| money_named_after_at(prefix))
        .or_else(|| ITEM_AT.captures(prefix).map(|c| clean_item(&c["item"])).filter(|s| !s.is_empty()));
    let each = each_of(prefix);
    match (before, after) {
        // `진주시와 김해시가 선정돼 각 7000만원의 국비를`, `영주시와 봉화군이 각각 30억원을`: one
        // line for each of the payers or recipients, under the programme's name when there is one.
        (named, _) if each.len() >= 2 => {
            let lines = each.iter().map(|n| clean_item(n)).filter(|n| !n.is_empty());
            (
                lines.map(|n| named.as_ref().map_or_else(|| n.clone(), |b| format!("{b} ({n})"))).collect(),
                None,
            )
        }
        (Some(b), _) if prefix.contains("각각") || prefix.contains("각 ") => {
            (b.split(" 및 ").map(|s| s.trim().to_string()).collect(), None)
        }
        (Some(b), _) => (vec![b], None),
        (None, Some(a)) => (vec![a], None),
        (None, None) => {
            let guess = clean_item(prefix);
            // A clause of figures and signs (`28개소×4억=`) names nothing: `=` or `×` is no item.
            let guess = if guess.chars().any(char::is_alphabetic) { guess } else { "예산".to_string() };
            let note = format!("budget: no programme found for {amount_text}; `{guess}` is a guess");
            (vec![guess], Some(note))
        }
    }
}

/// The items of the amount `found[k]` (its clause from `clause_start` to `clause_end`; the text
/// since the amount before starts at `floor`), and a review note when they are a guess.
/// `국비·지방비 각 7억원` is one line per source. `A 및 B에 각각 5억원과 15억원을` pairs the names
/// with the amounts in order: the names of the later amounts go into `respective`.
fn items_here(
    sentence: &str,
    found: &[Found],
    k: usize,
    (floor, clause_start, clause_end): (usize, usize, usize),
    respective: &mut std::collections::HashMap<usize, String>,
) -> (Vec<String>, Option<String>) {
    static PAIR_EACH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?P<names>[\p{Hangul}A-Za-z]+(?:[·ㆍ‧][\p{Hangul}A-Za-z]+)+)\s*(?:이|가|은|는|에)?\s*(?:각각|각)\s*$")
            .unwrap()
    });
    static JOINED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:여\s*)?원?\s*(?:가량|정도|안팎|씩)?\s*(?:과|와|,|및)\s*$").unwrap()
    });
    let f = &found[k];
    if let Some(c) = PAIR_EACH.captures(&sentence[floor..f.start]) {
        return (c["names"].split(['·', 'ㆍ', '‧']).map(str::to_string).collect(), None);
    }
    let (items, note) = item_of(&sentence[clause_start..f.start], &sentence[f.end..clause_end], &f.text);
    let chain = 1 + found[k + 1..]
        .iter()
        .zip(found[k..].iter())
        .take_while(|(next, prev)| JOINED.is_match(&sentence[prev.end..next.start]))
        .count();
    if chain >= 2 && items.len() == chain && sentence[floor..f.start].contains("각각") {
        for (j, name) in items.iter().enumerate().skip(1) {
            respective.insert(k + j, name.clone());
        }
        return (vec![items[0].clone()], note);
    }
    (items, note)
}

/// The money named between `X에` and the amount (`제주에 자율주행 서비스 운영비 총 26억원`): what it
/// is, where `X` is only who gets it. Two words or more ending in a money noun.
fn money_named_after_at(prefix: &str) -> Option<String> {
    static AT_MONEY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\S(?:에는|에도|에)\s+(?P<money>[^\s,]+(?:\s+[^\s,]+)*?\S(?:비|예산|기금))(?:\s+(?:총|약|모두|각각|각))*\s*$")
            .unwrap()
    });
    let money = clean_item(&AT_MONEY.captures(prefix)?["money"]);
    (money.split_whitespace().count() >= 2).then_some(money)
}

/// The words before the `각각` or `각` that closes `prefix`, if one does.
/// `각각` may stand further back (`각각 국비 30억원을`); the one-syllable `각` only as the last
/// word, or before the money's name (`각 국비 7억원`), so that `각 지자체` is not read as one.
fn before_each(prefix: &str) -> Option<&str> {
    if let Some((before, _)) = prefix.rsplit_once("각각") {
        return Some(before.trim());
    }
    let p = prefix.trim_end();
    let p = PUBLIC_MONEY.iter().find_map(|m| p.strip_suffix(m)).map_or(p, str::trim_end);
    let before = p.strip_suffix('각')?;
    (before.is_empty() || before.ends_with(char::is_whitespace)).then(|| before.trim())
}

/// The names joined before `각각` (`영주시와 봉화군이 각각`, `A, B 및 C에 각각`), each without
/// its particle; fewer than two when the words before it are no list.
fn each_of(prefix: &str) -> Vec<String> {
    let Some(before) = before_each(prefix) else { return Vec::new() };
    let mut words: Vec<&str> = before.split_whitespace().collect();
    // `A와 B가 (최종) 선정돼 각 …`: the choice told between the names and `각`.
    const CHOSEN: &[&str] =
        &["선정돼", "선정되어", "지정돼", "지정되어", "뽑혀", "최종", "나란히", "함께", "모두"];
    while words.last().is_some_and(|w| CHOSEN.contains(w)) {
        words.pop();
    }
    if let Some(last) = words.last_mut() {
        *last = ["에게", "에는", "이", "가", "은", "는", "에"]
            .iter()
            .find_map(|p| last.strip_suffix(p))
            .unwrap_or(last);
    }
    let mut out: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for w in words {
        let w = w.trim_end_matches(',');
        if w == "및" {
            continue;
        }
        match w.strip_suffix('와').or_else(|| w.strip_suffix('과')).filter(|s| s.chars().count() >= 2) {
            Some(stem) => {
                // The clause before the first name (`…사업에도 김해시와`) is not part of it.
                let opens = current
                    .iter()
                    .rposition(|w| ["에도", "에는", "에서", "에선"].iter().any(|p| w.ends_with(p)));
                current.drain(..opens.map_or(0, |k| k + 1));
                current.push(stem);
                out.push(current.join(" "));
                current.clear();
            }
            None => current.push(w),
        }
    }
    // Only the last name before `각각` closes the list: its first words belong to the clause.
    if let Some(last) = current.last() {
        out.push((*last).to_string());
    }
    if out.iter().any(|o| o.chars().count() < 2) {
        return Vec::new();
    }
    out
}

/// A budget line while it is being read: the line and the sentence it came from.
struct Row {
    line: BudgetLine,
    sentence: usize,
    /// Told as approximate (`500억원 이상`, `약 95억원`, `5억여원`).
    approx: bool,
}

/// Budget lines of the body's sentences (and amounts that only the headline or a subtitle
/// states), with review notes. An amount repeated in a later sentence is the same line; lines
/// that add up to an earlier amount, or that a breakdown (`구체적으로 …`) lists under it, are
/// written `part_of` it, so totals count each won once. `year` is the article's, when its date
/// is known: a budget of an earlier year it names is that year's figure.
pub(crate) fn budget(
    sentences: &[&str],
    heads: &[&str],
    rules: &Compiled,
    year: Option<i32>,
) -> (Vec<BudgetLine>, Vec<String>) {
    let mut rows: Vec<Row> = Vec::new();
    let mut review = Vec::new();
    let body_len = sentences.len();
    let all: Vec<&str> = sentences.iter().chain(heads).copied().collect();
    let others = super::region::other_place_asides(&all, rules);
    for (si, sentence) in all.iter().enumerate() {
        // Another place's money told in an aside (`한편 부산시의회는 … 17조원 규모의 예산을`),
        // and firms' own investment, are not this programme's budget.
        if others[si] || firms_invest(sentence) {
            continue;
        }
        let found = amounts_in(sentence);
        // Names given to the later amounts of a `각각 A와 B` list, by their index.
        let mut respective = std::collections::HashMap::new();
        let mut compared = earlier_and_change(sentence, &found);
        for (c, s) in compared.iter_mut().zip(earlier_series(sentence, &found, year)) {
            *c |= s;
        }
        for (c, s) in compared.iter_mut().zip(changes_listed_with_rates(sentence, &found)) {
            *c |= s;
        }
        for (k, f) in found.iter().enumerate() {
            if compared[k] {
                continue;
            }
            let floor = if k > 0 { found[k - 1].end } else { 0 };
            let ceil = found.get(k + 1).map(|n| n.start).unwrap_or(sentence.len());
            // A list mark (`▲A 52억원 ▲B 21억원`) opens an item's clause as a comma does.
            let clause_start = sentence[floor..f.start]
                .rfind([',', ';', '，', '·', '▲', '△', '□', '○', '▷'])
                .map(|i| floor + i + sentence[floor + i..].chars().next().map_or(1, char::len_utf8))
                .unwrap_or(floor);
            let clause_end = sentence[f.end..ceil]
                .find([',', ';', '，', '▲', '△', '□', '○', '▷'])
                .map(|i| f.end + i)
                .unwrap_or(ceil);
            let prefix = &sentence[clause_start..f.start];
            let suffix = &sentence[f.end..clause_end];
            let earlier_year =
                year.is_some_and(|y| earlier_years_budget(&sentence[clause_start..f.start], y));
            if earlier_year
                || not_budget(&sentence[clause_start..clause_end], &sentence[..f.start], suffix, rules)
                || changed_from(&sentence[f.end..])
                || cut_later(&sentence[f.end..])
                || firms_pledged_investment(sentence, suffix)
                || earlier_years_topic(&sentence[..f.start], suffix)
            {
                continue;
            }
            // Rows of one table with different labels are different lines, equal amounts or not.
            let other_row = |r: &Row| matches!((table_label(all[r.sentence]), table_label(sentence)), (Some(a), Some(b)) if a != b);
            let earlier = |r: &Row| r.sentence < si && r.line.amount == f.amount && !other_row(r);
            if rows.iter().any(earlier) {
                continue;
            }
            // A headline's rounded figure (`6700억` for 6,693억원, `1천억원` for 1천39억원) is the
            // body's line; so is its `최대 300만원` for the body's range up to it (`최소 100만원에서
            // 최대 300만원`).
            let near =
                |r: &Row| rounds(f.amount.min, r.line.amount.min) || rounds(f.amount.min, r.line.amount.max);
            if si >= body_len && rows.iter().any(near) {
                continue;
            }
            let (items, note) = match respective.remove(&k) {
                Some(name) => (vec![name], None),
                None => items_here(sentence, &found, k, (floor, clause_start, clause_end), &mut respective),
            };
            review.extend(note);
            if f.each {
                review.push(format!(
                    "budget: {}씩 is an amount for each recipient; the total is not stated",
                    f.text
                ));
            }
            let approx = is_approximate(prefix, &sentence[f.end..]);
            for item in items {
                rows.push(Row {
                    line: BudgetLine { item, amount: f.amount, region: None, sector: None, part_of: None },
                    sentence: si,
                    approx,
                });
            }
        }
    }
    drop_restatements(&mut rows);
    unique_items(&mut rows);
    mark_parts(&mut rows, sentences);
    (rows.into_iter().map(|r| r.line).collect(), review)
}

/// Whether `round` is `exact` told in fewer digits: within 2% (`6700억` for 6,693억원), or within
/// 5% with fewer significant digits (`1천억원` for 1천39억원).
fn rounds(round: u64, exact: u64) -> bool {
    let diff = round.abs_diff(exact);
    diff * 50 <= exact || (diff * 20 <= exact && significant_digits(round) < significant_digits(exact))
}

/// How many digits a figure has before its trailing zeros (534억 → 3, 500억 → 1).
fn significant_digits(mut v: u64) -> usize {
    while v > 0 && v % 10 == 0 {
        v /= 10;
    }
    v.to_string().len()
}

/// Drops an approximate figure (`총 500억원 이상`) that restates, in fewer digits and within 10%,
/// an other figure of the text (`총 534억원`): the lead's summary of a total the body gives; and
/// a figure another sentence gives in full (`182억원` beside `182억 3,800만원`).
fn drop_restatements(rows: &mut Vec<Row>) {
    let figures: Vec<u64> = rows.iter().map(|r| r.line.amount.min).collect();
    let exact: Vec<(u64, usize)> = rows.iter().map(|r| (r.line.amount.min, r.sentence)).collect();
    let restates = |r: &Row| {
        let v = r.line.amount.min;
        let fewer = |e: u64| e != v && significant_digits(v) < significant_digits(e);
        !r.line.amount.is_range()
            && (r.approx && figures.iter().any(|&e| fewer(e) && v.abs_diff(e) * 10 <= e)
                || exact.iter().any(|&(e, s)| s != r.sentence && fewer(e) && cut_short(v, e)))
    };
    let mut keep = rows.iter().map(|r| !restates(r)).collect::<Vec<_>>().into_iter();
    rows.retain(|_| keep.next().unwrap_or(true));
}

/// Whether `round` is `exact` cut to `round`'s last digit (`182억원` for 182억 3,800만원), within 2%:
/// the lead's or headline's short form of the body's exact figure.
fn cut_short(round: u64, exact: u64) -> bool {
    let mut unit = 1u64;
    while round % (unit * 10) == 0 && unit < round {
        unit *= 10;
    }
    let down = exact / unit * unit;
    let near = if exact - down >= unit / 2 { down + unit } else { down };
    (round == down || round == near) && round.abs_diff(exact) * 50 <= exact
}

/// Whether an amount is told as approximate: `약 95억원`, `500억원 이상`, `5억여원`, `15억원가량`.
fn is_approximate(prefix: &str, after: &str) -> bool {
    static BEFORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|\s)(?:약|대략|총\s?약)\s*$").unwrap());
    static AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:이상|여|가량|안팎|정도|남짓|넘는|넘게|규모\s*이상)").unwrap());
    BEFORE.is_match(prefix) || AFTER.is_match(after)
}

/// An amount in a list the sentence then cuts (`A 소관 54억원, B 소관 38억원 등이 삭감되고`, `A
/// 설계비 5,000만원과 B 출연금 6억원에 대해서는 … 삭감했다`): no clause ends between it and the cut.
fn cut_later(after: &str) -> bool {
    static CUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:삭감|감액)(?:됐|되었|되어|되고|되며|돼|했|하였|하여|하고|하며|해|조정)").unwrap()
    });
    static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:했|됐|였|되었|하였)\S*\s|(?:하며|되며|하고|되고|이며|으며|이고|지만|으나|는데)\s|다\.",
        )
        .unwrap()
    });
    CUT.find(after).is_some_and(|c| !CLAUSE_END.is_match(&after[..c.start()]))
}

/// The figure a change starts from: `지난해 632억원에서 큰 폭으로 증액됐다`, `5억에서 8~9억 원으로
/// 증액했다`. (`2억 원에서 최대 8억 원` is a range, read as one amount before this.)
fn changed_from(after: &str) -> bool {
    static FROM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*에서\s+(?:[^.,]*?\s)?(?:증액|늘|확대|증가|상향|감액|줄|축소|삭감|하향)").unwrap()
    });
    FROM.is_match(after)
}

/// An amount in a clause about an earlier year, told in the past: `지난해는 30억 원 규모로 6개
/// 지자체를 선정한 바 있다`. A later time word (`지난해는 …, 올해는 50억원`) makes it that year's.
fn earlier_years_topic(before: &str, suffix: &str) -> bool {
    static TOPIC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?:{LAST_YEAR})(?:에)?(?:는|엔)\s")).unwrap());
    static PAST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:했다|였다|됐다|었다|바\s?있다|한바\s?있다)\.?\s*$").unwrap());
    let Some(topic) = TOPIC.find_iter(before).last() else { return false };
    !names_a_later_time(&before[topic.end()..]) && PAST.is_match(suffix.trim_end())
}

/// The first cell of a table row flattened with `|` or tabs (`권선구 | 170대 | 5억1천만원`).
fn table_label(line: &str) -> Option<&str> {
    let (label, _) = line.split_once(['|', '\t'])?;
    let label = label.trim();
    (!label.is_empty()).then_some(label)
}

/// Marks the lines that are parts of another: a sentence's lines that add up to an earlier
/// amount, or the lines of a breakdown sentence under the largest amount before it.
fn mark_parts(rows: &mut [Row], sentences: &[&str]) {
    let n = rows.len();
    for w in 0..n {
        let whole = rows[w].line.amount.min;
        let ws = rows[w].sentence;
        let mut sentence_ids: Vec<usize> = rows.iter().map(|r| r.sentence).filter(|&s| s >= ws).collect();
        sentence_ids.dedup();
        for s in sentence_ids {
            let parts: Vec<usize> = (0..n)
                .filter(|&p| p != w && rows[p].sentence == s && rows[p].line.amount.min < whole)
                .filter(|&p| rows[p].line.part_of.is_none() && !rows[p].line.amount.is_range())
                .collect();
            let sum: u64 = parts.iter().map(|&p| rows[p].line.amount.min).sum();
            if parts.len() >= 2 && sum.abs_diff(whole) * 100 <= whole {
                let item = rows[w].line.item.clone();
                for p in parts {
                    rows[p].line.part_of = Some(item.clone());
                }
            }
        }
    }
    for p in 0..n {
        let s = rows[p].sentence;
        let Some(text) = sentences.get(s) else { continue };
        if rows[p].line.part_of.is_some() || s == 0 || !BREAKDOWN.is_match(text) {
            continue;
        }
        let whole = (0..n)
            .filter(|&w| rows[w].sentence < s && rows[w].line.part_of.is_none())
            .max_by_key(|&w| (rows[w].line.amount.min, std::cmp::Reverse(w)));
        if let Some(w) = whole.filter(|&w| rows[w].line.amount.min > rows[p].line.amount.min) {
            rows[p].line.part_of = Some(rows[w].line.item.clone());
        }
    }
}

/// Makes item names unique, since `part_of` names its whole by item: `사업 (2)`.
/// Sets, not scans: a pasted page can repeat one sentence a thousand times, and comparing every
/// row with every other for every candidate name took a minute (found by the fuzzer).
fn unique_items(rows: &mut [Row]) {
    let written: std::collections::HashSet<String> = rows.iter().map(|r| r.line.item.clone()).collect();
    let mut seen = std::collections::HashSet::new();
    let mut next: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for row in rows.iter_mut() {
        if seen.insert(row.line.item.clone()) {
            continue;
        }
        let base = row.line.item.clone();
        let k = next.entry(base.clone()).or_insert(2);
        let name = loop {
            let name = format!("{base} ({k})");
            *k += 1;
            if !written.contains(&name) && !seen.contains(&name) {
                break name;
            }
        };
        seen.insert(name.clone());
        row.line.item = name;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_items_get_numbered_names_that_no_row_already_has() {
        let row = |item: &str| Row {
            line: BudgetLine {
                item: item.into(),
                amount: Amount::exact(100_000_000),
                region: None,
                sector: None,
                part_of: None,
            },
            sentence: 0,
            approx: false,
        };
        let mut rows: Vec<Row> = ["사업", "사업", "사업 (2)", "사업", "기타"].into_iter().map(row).collect();
        // A page that repeats one sentence a thousand times names a thousand rows.
        rows.extend((0..1000).map(|_| row("사업")));
        unique_items(&mut rows);
        let names: Vec<&str> = rows.iter().take(5).map(|r| r.line.item.as_str()).collect();
        assert_eq!(names, ["사업", "사업 (3)", "사업 (2)", "사업 (4)", "기타"]);
        let all: std::collections::HashSet<&str> = rows.iter().map(|r| r.line.item.as_str()).collect();
        assert_eq!(all.len(), rows.len(), "every name is unique");
        assert_eq!(rows.last().unwrap().line.item, "사업 (1004)");
    }
    use crate::import::rules::ImportRules;

    fn run(s: &str) -> Vec<(String, u64, u64)> {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        budget(&[s], &[], &rules, None).0.into_iter().map(|l| (l.item, l.amount.min, l.amount.max)).collect()
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

    fn amounts(s: &str) -> Vec<u64> {
        run(s).into_iter().map(|(_, min, _)| min).collect()
    }

    #[test]
    fn reads_every_way_of_writing_an_amount() {
        assert_eq!(amounts("정부는 데이터 사업에 총 1천787억원을 투입한다."), vec![178_700_000_000]);
        assert_eq!(amounts("바우처로 기업당 최고 8천500만원을 지급한다."), vec![85_000_000]);
        assert_eq!(amounts("총 예산은 2억 5백66만4천원이다."), vec![205_664_000]);
        // A space after 천, and 여 (some) before the unit: the stated figure.
        assert_eq!(amounts("지난달 천 8백여만 원의 예산을 들였다."), vec![18_000_000]);
        assert_eq!(amounts("구는 50여억원을 들인다."), vec![5_000_000_000]);
        // The 천 ending a place's name is not a numeral.
        assert_eq!(amounts("인천 8억원, 부천 3억원을 지원한다."), vec![800_000_000, 300_000_000]);
        assert_eq!(amounts("설립 예산으로 3억 5800만 원을 확보했다."), vec![358_000_000]);
        assert_eq!(amounts("이종집적기술개발(82.5억원)을 반영했다."), vec![8_250_000_000]);
        assert_eq!(
            amounts("국비 60억과 지방비 40억 등 총 100억 원이 지원된다."),
            vec![6_000_000_000, 4_000_000_000, 10_000_000_000]
        );
        assert_eq!(
            amounts("총사업비는 1176억원(국비 581억원·지방비 399〃)이다."),
            vec![117_600_000_000, 58_100_000_000, 39_900_000_000]
        );
        assert_eq!(
            run("과제당 연 30~50억원을 지원한다.")[0].1..=run("과제당 연 30~50억원을 지원한다.")[0].2,
            3_000_000_000..=5_000_000_000
        );
        let r = run("과제당 2억 원에서 최대 8억 원까지 지원한다.");
        assert_eq!((r.len(), r[0].1, r[0].2), (1, 200_000_000, 800_000_000));
        let r = run("센터당 연 15억~20억원 규모 연구비를 지원받는다.");
        assert_eq!((r[0].1, r[0].2), (1_500_000_000, 2_000_000_000));
    }

    #[test]
    fn counts_sizes_and_dates_are_not_amounts() {
        assert!(amounts("기업 1천곳과 640곳, 센터 100곳을 지원한다.").is_empty());
        assert!(amounts("가구 1만5000호에 계량기를 달고 24만3000㎡ 부지에 1259kW 설비를 짓는다.").is_empty());
        assert!(amounts("취업 유발 6,555명, 8~10인 연구그룹을 지원한다.").is_empty());
        assert!(amounts("해외 펀드는 10억 달러를 지원한다.").is_empty());
    }

    #[test]
    fn hours_left_out_amounts_and_companies_own_investment_are_not_budget() {
        assert!(run("상담 시간을 연간 40만 시간 줄인다").is_empty());
        assert!(run("참여 대기업의 자체 투자 계획 1조2천억원은 이번 발표에 포함되지 않았다.").is_empty());
        assert!(run("민간 사업비 300억원은 이번 계획에서 제외됐다.").is_empty());
        assert!(run("입주 기업의 투자 500억원을 더하면 규모가 커진다.").is_empty());
        // A council member's speech (`자유발언`) is not an effect (`유발`): the amount in it counts.
        let rows = run("자유발언에 나선 의원은 트램 추경 850억원은 많다고 말했다.");
        assert_eq!(rows.iter().map(|r| r.1).collect::<Vec<_>>(), vec![85_000_000_000]);
        // The programme's own money beside them still counts, money for companies' investing too.
        assert_eq!(run("센터에는 국비 20억원을 투입한다.").len(), 1);
        assert_eq!(run("중소기업 투자 지원 예산 300억원을 편성했다.").len(), 1);
    }

    #[test]
    fn what_is_not_budget_is_left_out() {
        // An economic-effect estimate.
        assert!(amounts("이 사업은 생산 유발효과 3조 2,000억원을 낼 것으로 기대된다.").is_empty());
        assert!(amounts("연간 50억 원의 부가가치를 창출할 것으로 추정된다.").is_empty());
        assert!(
            amounts("예비타당성 조사에 따르면 센터 사업의 경제적 편익은 9210억원으로 예상된다.").is_empty()
        );
        // A market size.
        assert!(amounts("세계 로봇 시장 규모는 2030년 200조원에 이른다.").is_empty());
        // A prior-year figure in parentheses.
        assert_eq!(amounts("내년 예산은 700억원으로 올해(350억원)보다 늘었다."), vec![70_000_000_000]);
        assert_eq!(amounts("기존 지원 규모(300억원)를 올해 800억원으로 늘렸다."), vec![80_000_000_000]);
        // An increase over an earlier figure.
        assert_eq!(amounts("정부는 작년보다 150억원 많은 4,000억원을 투자한다."), vec![400_000_000_000]);
        assert_eq!(
            amounts("이중 일반회계는 4,612억 원으로 전년 대비 172억 원(3.86%) 늘었다."),
            vec![461_200_000_000]
        );
        assert_eq!(
            amounts("예산을 2023년 4,192억원 대비 5,070억원(121%↑) 늘어난 9,262억원으로 편성했다."),
            vec![926_200_000_000]
        );
        // Revenue: where the money comes from.
        assert!(
            amounts("주요 세입재원은 지방교부세가 2,219억 원, 지방세 등 자체수입 551억 원이다.").is_empty()
        );
        assert_eq!(amounts("세입은 500억원, 세출은 복지에 200억원이다.").len(), 1);
        assert_eq!(
            amounts("추경예산안 총규모는 기정 예산 700억원보다 5%(35억 원) 늘어난 735억 원으로 편성됐다."),
            vec![73_500_000_000]
        );
        // Revenue and prices.
        assert!(amounts("이 회사의 지난해 매출은 1,200억원이었다.").is_empty());
        assert!(amounts("한 대표는 \"인력이 없어 놓친 수주만 20억원\"이라고 했다.").is_empty());
        assert!(amounts("장비 가격은 대당 3억원이다.").is_empty());
        // A list of cuts.
        assert!(
            amounts("심의 결과 A위 소관(18건) 54억 원, B위 소관(2건) 1,897만 원 등이 삭감됐다.").is_empty()
        );
        assert!(amounts("A 설계비 5,000만 원과 B 출연금 6억 원에 대해서는 절차 부적합 사유로 삭감했다.")
            .is_empty());
        assert_eq!(amounts("국비 50억원을 확보했지만 일부 사업비는 삭감됐다.").len(), 1);
        // A limit on support.
        assert!(amounts("현재 500억 원으로 제한돼 있는 특화단지 지원 한도를 올린다.").is_empty());
        assert!(amounts("요금은 시내버스와 같은 1,500원이다.").is_empty());
        assert!(amounts("입장료는 5,000원으로 정했다.").is_empty());
        assert_eq!(amounts("버스 요금 지원에 18억원을 쓴다.").len(), 1, "money for fares is budget");
        // A cumulative figure since an earlier year.
        assert!(amounts("이 사업으로 2019년부터 총 500억원이 지원됐다.").is_empty());
        // A private investment target.
        assert!(amounts("민간투자 1조원 유치를 목표로 한다.").is_empty());
        assert!(amounts("구는 기금이 민간 투자 3천억원을 끌어낼 것으로 기대했다.").is_empty());
        assert!(amounts("군이 지난해 같은 사업에 쓴 예산은 12억원이었다.").is_empty());
        // This year's money beside them still counts.
        assert_eq!(amounts("군은 올해 국비 30억원을 들여 민간 투자를 끌어낼 계획이다.").len(), 1);
        assert_eq!(amounts("군은 지난해 확보한 국비 30억원을 올해 집행한다.").len(), 1);
        // A penalty.
        assert!(amounts("시는 사업 부진으로 5억 원의 페널티를 받았다.").is_empty());
    }

    #[test]
    fn savings_private_money_firms_pledges_and_last_years_allocation_are_not_budget() {
        // A saving estimate.
        assert!(amounts("군은 태양광 지붕으로 해마다 난방비 12억원을 아낄 것으로 본다.").is_empty());
        assert!(amounts("새 시스템은 연간 운영비 8억원을 절감할 수 있다.").is_empty());
        // Firms pledging their own money; a government's pledge counts.
        assert!(amounts("반도체 5사는 2030년까지 설비에 모두 8조원을 투자하겠다는 계획을 밝혔다.").is_empty());
        assert_eq!(amounts("정부는 2030년까지 설비에 모두 8조원을 투자하겠다고 밝혔다.").len(), 1);
        // Another body's allocation last year.
        assert!(amounts("앞서 인천시는 지난해 같은 사업에 90억원을 배정한 바 있다.").is_empty());
        assert_eq!(amounts("시는 올해 같은 사업에 90억원을 배정했다.").len(), 1);
    }

    #[test]
    fn table_rows_with_equal_amounts_are_each_a_line() {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let (lines, _) = budget(
            &[
                "군은 올해 12억원을 들인다.",
                "가 | 2곳 | 3억원",
                "나 | 2곳 | 3억원",
                "다 | 4곳 | 6억원",
                "합계 | 8곳 | 12억원",
            ],
            &[],
            &rules,
            None,
        );
        let amounts: Vec<u64> = lines.iter().map(|l| l.amount.min).collect();
        assert_eq!(amounts, vec![1_200_000_000, 300_000_000, 300_000_000, 600_000_000]);
        // Prose repeating an amount is still one line.
        let (lines, _) = budget(&["구는 3억원을 쓴다.", "3억원은 모두 구비다."], &[], &rules, None);
        assert_eq!(lines.len(), 1);
    }

    #[test]
    fn repeats_are_one_line_and_breakdowns_are_parts() {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let (lines, _) = budget(
            &[
                "정부는 올해 AI 사업에 46억원을 지원한다.",
                "46억원은 A 연구에 30억원, B 연구에 16억원이 투입된다.",
            ],
            &["AI 사업에 46억 지원"],
            &rules,
            None,
        );
        let got: Vec<(u64, Option<&str>)> =
            lines.iter().map(|l| (l.amount.min, l.part_of.as_deref())).collect();
        assert_eq!(
            got,
            vec![(4_600_000_000, None), (3_000_000_000, Some("AI 사업")), (1_600_000_000, Some("AI 사업"))]
        );
        // Two different projects of the same amount in one list are two lines.
        assert_eq!(
            amounts("△A 플라자 조성사업 3억 △B 과학관 리뉴얼 사업 3억을 반영했다."),
            vec![300_000_000, 300_000_000]
        );
    }

    #[test]
    fn money_spent_last_year_is_not_this_years_budget() {
        assert_eq!(
            amounts("군은 지난해 1차 사업에 40억원을 투입했으며 올해 60억원을 더 쓴다."),
            vec![6_000_000_000]
        );
        // Last year's money spent this year is this year's.
        assert_eq!(amounts("지난해 확보한 국비 40억원을 올해 투입한다."), vec![4_000_000_000]);
    }

    #[test]
    fn a_changes_starting_figure_and_an_earlier_years_clause_are_not_budget() {
        assert_eq!(amounts("사업 예산은 지난해 632억원에서 큰 폭으로 증액됐다."), Vec::<u64>::new());
        // The starting figure goes; the range it rose to is one amount.
        let range = |s: &str| run(s).into_iter().map(|(_, min, max)| (min, max)).collect::<Vec<_>>();
        assert_eq!(
            range("과제당 국비도 지난해 5억에서 8~9억 원으로 증액했다."),
            vec![(800_000_000, 900_000_000)]
        );
        assert_eq!(range("기업당 8~9억 원을 지원한다."), vec![(800_000_000, 900_000_000)]);
        assert!(amounts("지난해는 30억 원 규모로 6개 지자체를 선정한 바 있다.").is_empty());
        assert_eq!(amounts("지난해는 시범 사업만 했고, 올해는 50억원을 편성했다."), vec![5_000_000_000]);
        // `A에서 최대 B` is still a range.
        assert_eq!(run("기업당 2억 원에서 최대 8억 원을 지원한다.").len(), 1);
    }

    #[test]
    fn rounder_restatements_of_a_figure_are_one_line() {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let lines = |body: &[&str], heads: &[&str]| -> Vec<u64> {
            budget(body, heads, &rules, None).0.iter().map(|l| l.amount.min).collect()
        };
        // A headline's `1천억원` for the body's 1천39억원.
        assert_eq!(
            lines(&["사업 예산이 1천39억원으로 확정됐다."], &["스마트빌리지 사업에 1천억원"]),
            vec![103_900_000_000]
        );
        // A lead's `500억원 이상` for the body's 534억원.
        assert_eq!(
            lines(
                &[
                    "지자체 예산만 총 500억원 이상을 투입한다.",
                    "17개 시·도는 내년에 총 534억원을 투입할 계획이다."
                ],
                &[]
            ),
            vec![53_400_000_000]
        );
        // Two figures told exactly stay two lines, close as they are.
        assert_eq!(
            lines(&["국비 100억원을 투입한다.", "시비 95억원을 더한다."], &[]),
            vec![10_000_000_000, 9_500_000_000]
        );
    }

    #[test]
    fn articles_of_laws_are_not_amounts() {
        assert!(amounts("「중소기업기본법」 제2조에 따른 중소기업이 신청할 수 있다.").is_empty());
        assert!(amounts("같은 법 2조의2에 따라 지원한다.").is_empty());
        // A bare 조 that is money still is.
        assert_eq!(amounts("정부는 반도체에 2조를 투입한다."), vec![2_000_000_000_000]);
    }

    #[test]
    fn last_years_budget_its_unspent_part_and_a_multiples_base_are_not_budget() {
        assert!(amounts("지난해 AI 인프라 예산 8,900억원 가운데 1,300억원이 불용됐다.").is_empty());
        assert!(amounts("의원은 \"지난해 예산 8,900억원도 다 못 썼다\"고 말했다.").is_empty());
        assert_eq!(
            amounts("올해 AI 인프라 예산 1조원 가운데 300억원이 남았다."),
            vec![1_000_000_000_000, 30_000_000_000]
        );
        assert_eq!(amounts("지난해 확보한 예산 40억원을 올해 집행한다."), vec![4_000_000_000]);
        assert!(amounts("사업비 20억원은 다음 해로 이월됐다.").is_empty());
        assert_eq!(amounts("올해 예산은 96억원으로 첫해 예산 45억원의 두 배가 넘는다."), vec![9_600_000_000]);
        // Compared with last year, the new figure is this year's.
        assert_eq!(amounts("예산은 지난해보다 늘어난 1조원이다."), vec![1_000_000_000_000]);
        // Firms' pledge of an investment's size.
        assert_eq!(
            amounts("정부가 2조원을 투입하고 민간 기업도 5조원 규모의 투자를 약속했다."),
            vec![2_000_000_000_000]
        );
    }

    #[test]
    fn what_money_is_spent_on_does_not_make_it_a_price() {
        // `이용료` in what the money pays for: budget. As the amount's own subject: a price.
        assert_eq!(
            amounts("이 가운데 62억원이 태블릿 교체에, 34억원이 플랫폼 이용료와 교사 연수에 쓰인다."),
            vec![6_200_000_000, 3_400_000_000]
        );
        assert!(amounts("플랫폼 이용료는 한 달 1만원이다.").is_empty());
    }

    #[test]
    fn a_comparison_rows_earlier_figure_and_change_are_not_budget() {
        // Last year, this year, the change: only this year's figure is budget.
        assert_eq!(amounts("교통 분야 120억원 150억원 +30억원"), vec![15_000_000_000]);
        assert_eq!(amounts("복지 80억원 70억원 △10억원"), vec![7_000_000_000]);
        // Unsigned and falling, it may be a total and its parts: all kept.
        assert_eq!(amounts("복지 80억원 70억원 10억원"), vec![8_000_000_000, 7_000_000_000, 1_000_000_000]);
        assert_eq!(
            amounts("총 46억원 가운데 30억원 16억원"),
            vec![4_600_000_000, 3_000_000_000, 1_600_000_000]
        );
        // A signed change alone is not budget; three amounts that do not compare are kept.
        assert_eq!(amounts("올해 예산은 50억원으로 △5억원 줄었다"), vec![5_000_000_000]);
        assert_eq!(
            amounts("도로 10억원, 교량 20억원, 하천 40억원을 쓴다"),
            vec![1_000_000_000, 2_000_000_000, 4_000_000_000]
        );
    }

    #[test]
    fn a_rise_a_comparisons_base_firms_investment_penalties_and_asides_are_not_budget() {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let found = |s: &[&str], heads: &[&str]| -> Vec<u64> {
            budget(s, heads, &rules, None).0.into_iter().map(|l| l.amount.min).collect()
        };
        // By how much it rose, and what it is compared with; the new figure stays.
        assert_eq!(
            found(&["도의회는 예산안 8조원을 의결했다. 올해 7조6천억원보다 4천억원 늘어난 규모다."], &[]),
            vec![8_000_000_000_000]
        );
        assert!(found(&["도의회는 드론 예산을 30억원 늘렸다."], &["드론 예산 30억 증액"]).is_empty());
        assert_eq!(found(&["도의회는 드론 예산을 30억원으로 늘렸다."], &[]), vec![3_000_000_000]);
        // The firms' own money, by the agreement's size or told as theirs; the city's stays.
        assert!(
            found(&["시는 두 기업과 3200억원 규모의 투자협약을 맺었다."], &["3200억 투자협약"]).is_empty()
        );
        assert!(found(&["한결전지가 2000억원, 누리소재가 1200억원을 투자한다."], &[]).is_empty());
        assert_eq!(found(&["시는 보조금으로 50억원을 투자한다."], &[]), vec![5_000_000_000]);
        // A penalty and a price.
        assert!(found(&["위반하면 최대 300만원의 과태료를 물린다."], &[]).is_empty());
        assert!(found(&["버스 한 대 값이 5억원가량이다."], &[]).is_empty());
        // Another place's money in an aside; the story's own place in one keeps its money.
        assert_eq!(
            found(
                &[
                    "경남도의회가 예산 9조원을 의결했다.",
                    "한편 부산시의회는 지난 12일 15조원 규모의 예산을 처리했다."
                ],
                &[]
            ),
            vec![9_000_000_000_000]
        );
        assert_eq!(
            found(&["부산시가 센터에 20억원을 들인다.", "한편 부산시는 내년 10억원을 더 편성한다."], &[]),
            vec![2_000_000_000, 1_000_000_000]
        );
        // An earlier year's budget, in an article of a later year; this year's stays.
        let s = ["올해 국비는 200억원이다.", "2025년 돌봄 사업 예산은 150억원으로, 30곳에서 쓰였다."];
        let rules2 = &rules;
        let in_year =
            |y| -> Vec<u64> { budget(&s, &[], rules2, y).0.into_iter().map(|l| l.amount.min).collect() };
        assert_eq!(in_year(Some(2026)), vec![20_000_000_000]);
        assert_eq!(in_year(Some(2025)), vec![20_000_000_000, 15_000_000_000]);
        assert_eq!(in_year(None), vec![20_000_000_000, 15_000_000_000]);
        // What was asked before a cut, and the cut: the figure after it stays.
        assert_eq!(
            found(
                &["위원회는 '드론 실증' 사업비 80억원 가운데 30억원을 삭감했다. 사업비는 50억원으로 줄었다."],
                &[]
            ),
            vec![5_000_000_000]
        );
        // A headline's figure for the top of the body's range is that range's line.
        assert_eq!(
            found(
                &["구는 점포당 최소 50만원에서 최대 200만원까지 지원한다."],
                &["구, 점포 키오스크 지원…점포당 최대 200만원"]
            ),
            vec![500_000]
        );
        // A neighbour's money, quoted in a comparison.
        assert_eq!(
            found(
                &[
                    "영동군은 챗봇에 3억원을 들였다.",
                    "한 의원은 \"이웃 보은군은 같은 기능을 5천만원에 도입했다\"고 했다."
                ],
                &[]
            ),
            vec![300_000_000]
        );
    }

    #[test]
    fn about_how_much_a_cost_falls_or_rises_is_not_budget() {
        assert!(
            amounts("새 장비가 들어오면 정비 비용이 해마다 30억원가량 줄어들 것으로 보고 있다.").is_empty()
        );
        assert!(amounts("도는 관련 예산을 20억원 정도 늘렸다.").is_empty());
        // About how much a programme spends is budget.
        assert_eq!(amounts("시는 센터 건립에 30억원 정도를 들인다."), vec![3_000_000_000]);
    }

    #[test]
    fn an_amount_cut_is_not_budget() {
        assert_eq!(
            amounts("의회는 추경 300억원을 의결하고 도로 예산 5억원을 삭감했다."),
            vec![30_000_000_000]
        );
        assert_eq!(amounts("홍보비 2억원이 감액됐다."), Vec::<u64>::new());
    }

    #[test]
    fn each_of_two_payers_is_a_line() {
        assert_eq!(
            amounts("도가 20억원을 내고 안동시와 예천군이 각각 5억원을 부담한다."),
            vec![2_000_000_000, 500_000_000, 500_000_000]
        );
        assert_eq!(each_of("안동시와 예천군이 각각"), vec!["안동시", "예천군"]);
        // One payer is no list.
        assert!(each_of("시가 각각").len() < 2);
        // `각` after the choice told, the names under the programme's name.
        let s = "간판개선사업에도 진주시와 김해시가 최종 선정돼 각 7000만원의 국비를 확보했다.";
        assert_eq!(amounts(s), vec![70_000_000, 70_000_000]);
        let items: Vec<String> = run(s).into_iter().map(|(item, _, _)| item).collect();
        assert_eq!(items, vec!["간판개선사업 (진주시)", "간판개선사업 (김해시)"]);
        // `각 지자체`: every local body, not a list of two.
        assert_eq!(amounts("행안부는 각 지자체에 10억원을 지원한다.").len(), 1);
    }

    #[test]
    fn an_inline_marked_lists_items_are_read_each_on_its_own() {
        // An evaluation (`평가 우수 사업`) is no valuation, and one item's words are not another's.
        assert_eq!(
            amounts("도는 예산을 ▲현안사업 52억 원 ▲평가 우수 사업 21억 원 ▲부족분 111억 원으로 배분한다."),
            vec![5_200_000_000, 2_100_000_000, 11_100_000_000]
        );
        // A valuation is not budget.
        assert!(amounts("시유지의 평가액은 300억원이다.").is_empty());
        assert!(amounts("이 부지는 500억원으로 평가된다.").is_empty());
        // Nor is the figure a comparison is made with.
        assert!(amounts("이는 전년도 4,059억 원과 비교하면 19.3% 늘어난 것이다.").is_empty());
        assert_eq!(
            amounts("이는 지난해 확보액(3조1,115억 원) 보다 96억 원(0.3%)이 증액된 것이다."),
            Vec::<u64>::new()
        );
        // A cut or a rise told as its share (`감액분`, `증액분`) is a change, not money for something.
        assert!(amounts("지출한도액 감액분(497억 원)을 제외하면 사상 최대다.").is_empty());
    }

    fn run_in(s: &str, year: Option<i32>) -> Vec<u64> {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        budget(&[s], &[], &rules, year).0.into_iter().map(|l| l.amount.min).collect()
    }

    #[test]
    fn a_past_history_of_earlier_years_sizes_is_not_budget() {
        let history = "공모는 2018년 3곳(30억원)에서 2019년 5곳(55억원), 2020년 8곳(90억원)으로 늘었다.";
        assert!(amounts(history).is_empty());
        assert!(run_in(history, Some(2021)).is_empty());
        assert!(amounts("2020년 2곳(15억원)에서 지난해 6곳(70억원)을 뽑았다.").is_empty());
        // One that reaches the article's own year is not all earlier.
        assert_eq!(run_in(history, Some(2020)).len(), 3);
        // A plan by year is budget, and so is one year's figure alone.
        assert_eq!(amounts("시는 2025년 30억원, 2026년 40억원, 2027년 50억원을 투입할 계획이다.").len(), 3);
        assert_eq!(amounts("군은 2024년 12억원을 들여 센터를 지었다.").len(), 1);
        // An earlier year's figure in brackets beside this year's.
        assert!(run_in("※ 2025년 사업(총 45억원)과 달리 올해 선도형을 신설함", Some(2026)).is_empty());
        assert!(run_in("폐지된 사업은 'A 서비스'('24년 80억 원)다.", Some(2025)).is_empty());
        assert_eq!(run_in("'B 사업'('25년 신규, 총 308.7억 원)에 포함해 추진한다.", Some(2025)).len(), 1);
    }

    #[test]
    fn a_programme_planned_over_years_from_a_past_start_is_budget() {
        assert_eq!(
            amounts("전남도는 2021년부터 4년간 총 120억원의 예산을 투입해 양식장 40곳을 바꿔 나갈 계획이다."),
            vec![12_000_000_000]
        );
        assert_eq!(amounts("도는 2022년부터 2026년까지 총 80억원을 들여 단지를 만들 예정이다.").len(), 1);
        // A running total to date is not.
        assert!(amounts("도는 2019년부터 총 45억원을 지원했다.").is_empty());
        assert!(amounts("도는 2019년부터 3년간 총 45억원을 지원했다.").is_empty());
    }

    #[test]
    fn each_over_a_pair_of_sources_and_respective_amounts() {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let (lines, _) =
            budget(&["선정된 5개 시는 20억원(국비·시비 각 10억원)을 받는다."], &[], &rules, None);
        let got: Vec<(&str, u64, Option<&str>)> =
            lines.iter().map(|l| (l.item.as_str(), l.amount.min, l.part_of.as_deref())).collect();
        assert_eq!(got.len(), 3);
        assert_eq!(got[1].0, "국비");
        assert_eq!(got[2].0, "시비");
        assert!(got[1..].iter().all(|g| g.1 == 1_000_000_000 && g.2 == Some(got[0].0)));
        // `각각` before amounts joined by 과/와: one amount per name, in order.
        assert_eq!(
            run("두 구는 돌봄센터 확충 및 스마트 쉼터 조성 등에 각각 7억여원과 12억원가량을 쓴다."),
            vec![
                ("돌봄센터 확충".to_string(), 700_000_000, 700_000_000),
                ("스마트 쉼터 조성 등".to_string(), 1_200_000_000, 1_200_000_000),
            ]
        );
    }

    #[test]
    fn a_leads_short_form_of_the_bodys_exact_figure_is_one_line() {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let body =
            ["내년 지역 문화 예산이 245억원으로 정해졌다.", "문화 사업 총 예산은 245억 1,200만원이다."];
        let got: Vec<u64> = budget(&body, &[], &rules, None).0.iter().map(|l| l.amount.min).collect();
        assert_eq!(got, vec![24_512_000_000]);
        // Two figures that differ past the short one's last digit are two lines.
        let body =
            ["내년 지역 문화 예산이 240억원으로 정해졌다.", "문화 사업 총 예산은 245억 1,200만원이다."];
        assert_eq!(budget(&body, &[], &rules, None).0.len(), 2);
        assert!(cut_short(18_200_000_000, 18_238_000_000));
        assert!(cut_short(18_300_000_000, 18_260_000_000));
        assert!(!cut_short(17_800_000_000, 18_238_000_000));
    }

    #[test]
    fn a_firms_own_investment_plan_is_not_budget() {
        assert!(amounts(
            "특히, 한빛전자 제3공장은 기존 공장의 두 배 규모인 3,200억원을 투자할 계획이며, 고용도 늘린다."
        )
        .is_empty());
        assert!(amounts("가온소재는 새 설비에 900억원을 투자하기로 했다.").is_empty());
        // A public body's plan, a plan with public money, and a plan with no subject are budget.
        assert_eq!(amounts("군은 새 설비에 90억원을 투자할 계획이다.").len(), 1);
        assert_eq!(amounts("연구원은 실증 설비에 30억원을 투자할 계획이다.").len(), 1);
        assert_eq!(amounts("센터는 국비 등 40억원을 투자할 계획이다.").len(), 1);
        assert_eq!(amounts("장비를 갖추는 데는 25억원을 투자할 계획이다.").len(), 1);
    }

    #[test]
    fn items_lose_unpaired_brackets_list_marks_and_leftover_particles() {
        assert_eq!(unpaired_brackets("3곳("), "3곳");
        assert_eq!(unpaired_brackets(")가 △교육 지원("), "교육 지원");
        assert_eq!(unpaired_brackets("(시비"), "시비");
        assert_eq!(unpaired_brackets("돌봄 사업(케어온)"), "돌봄 사업(케어온)");
        assert_eq!(unpaired_brackets("케어온)"), "케어온");
        assert_eq!(unpaired_brackets("과 군비"), "군비");
        assert_eq!(unpaired_brackets("등 총"), "");
        assert_eq!(unpaired_brackets("문화 사업 지원 총"), "문화 사업 지원");
    }

    #[test]
    fn money_named_after_its_recipient_is_the_item() {
        assert_eq!(
            run("부처는 부산, 울산, 광주에 스마트 쉼터 운영비 총 18억원을 지원한다."),
            vec![("스마트 쉼터 운영비".to_string(), 1_800_000_000, 1_800_000_000)]
        );
        // A purpose before `에` stays the item.
        assert_eq!(run("센터 구축에 추경 45억원을 쓴다.")[0].0, "센터 구축");
    }

    #[test]
    fn an_amount_that_grew_or_shrank_and_cuts_listed_before_their_verb_are_not_budget() {
        // The amount as the subject of the change, before the new figure.
        assert_eq!(
            amounts("기존 5,200억원에서 410억원이 증액된 5,610억원의 추경안을 심사한다."),
            vec![561_000_000_000]
        );
        assert!(amounts("올해 예산은 전체의 1.8%인 52억원이 증가한 규모다.").is_empty());
        // Each amount of a list with its rate, closed by one change verb.
        assert_eq!(
            amounts("예산안은 3,120억원으로 일반회계가 61억원(2.2%), 특별회계는 3,400만원(0.1%)이 증가했다."),
            vec![312_000_000_000]
        );
        // A share beside its rate is still money the programme has.
        assert_eq!(
            amounts("국비 40억원(50%), 도비 40억원(50%)을 들여 센터를 짓는다."),
            vec![4_000_000_000, 4_000_000_000]
        );
        // The new figure after `으로` stays.
        assert_eq!(amounts("사업비는 90억원으로 증액됐다."), vec![9_000_000_000]);
        // Items of a cut, listed before `삭감하여`.
        assert!(amounts(
            "이 중 축제 지원 4억 원, 청사 도색 2억 원 등 예산 9건 8억 원 삭감하여 예비비로 돌렸다."
        )
        .is_empty());
    }

    #[test]
    fn firms_money_in_an_investment_agreement_and_bare_counts_are_not_budget() {
        assert!(amounts(
            "한빛도와 나래군은 5일 기업 3곳과 총 320억원을 투자해 150명을 고용하는 투자 협약을 체결했다."
        )
        .is_empty());
        assert!(amounts("㈜한빛은 나래군 일원에 85억원을 투자해 2027년까지 공장을 짓는다.").is_empty());
        // A county's own money for the same site stays.
        assert_eq!(
            amounts("나래군은 진입도로에 군비 12억원을 투자해 2027년까지 개설한다."),
            vec![1_200_000_000]
        );
        // Tens of thousands without 원 are a count.
        assert!(amounts("군수는 “인구 10만 관광도시를 만들겠다”고 말했다.").is_empty());
        assert_eq!(amounts("국비 151억, 군비 12억을 들였다."), vec![15_100_000_000, 1_200_000_000]);
    }

    #[test]
    fn the_figure_a_budget_started_from_is_not_budget() {
        assert_eq!(
            amounts("사업은 당초 436억 원의 규모로 승인을 받았으나 566억 원으로 늘었다."),
            vec![56_600_000_000]
        );
        // A supplementary budget's own money beside the main budget's figure.
        assert_eq!(
            amounts("추경으로 교육 사업에 146억원(본예산 264억원)을 더 편성했다."),
            vec![14_600_000_000]
        );
        assert_eq!(amounts("컨설팅에 108억원(전년 90억원)을 편성했다."), vec![10_800_000_000]);
    }
}
