//! Agenda: the enumerated priorities or agenda items of a meeting or plan, written inline
//! (`△A △B △C 등을 추진`, `①A ②B`) or as a `△`/`①`/numbered list under an introducing line.

use regex::Regex;
use std::sync::LazyLock;

use super::super::text::{sentences, Block};
use super::context::{CEREMONIES, MEETINGS};
use crate::brief::frontmatter::Attendee;

static ETC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*등(?:이다|을|의|이|에|과|도|으로|을 통해)?(?:\s|$|\)|\.)").unwrap());

/// The endings of the word that says where a list was taken up (`보고회에서는`, `협의회에서`): the
/// list follows it.
const TAKEN_UP_AT: &[&str] = &["에서는", "에서", "에선", "에는"];

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
    // What a programme or an agreement provides, introducing its points (`주요 사업 내용은
    // 다음과 같다`).
    "사업 내용",
    "협약 내용",
    "분야",
    "발표",
    "핵심",
    "정책",
    // A sitting's order of business and an event's running order.
    "의사일정",
    "식순",
    "진행 순서",
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
    if last {
        // `…플랫폼 운영에 협력한다`: the closing verb and the particle before it are not the item.
        let tokens: Vec<&str> = s.split_whitespace().collect();
        if tokens.len() >= 2 && tokens[tokens.len() - 1].trim_end_matches('.').ends_with('다') {
            let before = tokens[tokens.len() - 2];
            if let Some(stem) = ["에", "으로", "로"].iter().find_map(|p| before.strip_suffix(p)) {
                let mut kept: Vec<&str> = tokens[..tokens.len() - 2].to_vec();
                kept.push(stem);
                s = kept.join(" ");
            }
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
/// What closes a list of the people who were there (`△A 실장 △B 대표 등 12명이 참석했다`): its
/// items are attendees, not agenda.
static ATTENDANCE_CLOSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"참석했|참석한 가운데|참석해|자리했|자리를 함께|함께했").unwrap());
/// An intro that states directions or goals rather than items to act on.
static NOT_AGENDA_INTRO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:방향|목표|비전|원칙)은").unwrap());

/// The marks that open each item of a list written inline (`△A △B 등`, `▷A ▷B`), besides `①`–`⑳`.
pub(super) const INLINE_MARKS: [char; 4] = ['△', '▲', 'Δ', '▷'];

fn inline_items(text: &str) -> Vec<String> {
    let markers = |c: char| INLINE_MARKS.contains(&c) || ('①'..='⑳').contains(&c);
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
        // `주요 내용은 ▲A ▲B 등이다`: the copula closes a list of contents or tasks too.
        let contents = ["내용은", "과제는"].iter().any(|w| intro.contains(w))
            && NOT_AGENDA_CLOSE.find_iter(closing).all(|m| m.as_str() == "등이다");
        if with_amounts * 2 >= parts.len()
            || NOT_AGENDA_CLOSE.is_match(closing) && !contents
            || ATTENDANCE_CLOSE.is_match(closing)
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
        || t == "가운데"
        || t.ends_with("에서는")
        || adnominal && ["위한", "통한"].iter().any(|w| t.ends_with(w))
        || ["위해", "통해", "대해", "주재로", "열어", "열고", "개최", "만나"].iter().any(|w| t.ends_with(w))
        || ["해", "어", "고", "며", "서", "여", "도록"].iter().any(|e| t.ends_with(e))
            && t.chars().count() >= 2
}

/// The words of `before` after the last token that opens an object (`…를 열어 A 등을 논의`).
fn object_phrase(before: &str, adnominal: bool) -> String {
    let tokens: Vec<&str> = before.split_whitespace().collect();
    let start = tokens.iter().rposition(|t| opens_object(t, adnominal)).map(|i| i + 1).unwrap_or(0);
    tokens[start..].join(" ")
}

/// Words for a meeting: held, it is an event whose programme is what it discussed or decided.
/// Right after a meeting's name: it was held (`를 열고`, `을 개최해`).
static HELD_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:를|을)\s+(?:열고|열어|열었|개최하고|개최해|개최했)").unwrap());

/// What a meeting held in the sentence decided: `위원회를 열고 「계획」을 확정했다` → `「계획」 확정`.
fn decided(sentence: &str) -> Option<String> {
    static DECIDED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:을|를)\s+(확정|의결|채택|승인|심의|심사)(?:했|하였|한다|하고|해)").unwrap()
    });
    if let Some(item) = decided_at(sentence) {
        return Some(item);
    }
    let held = HELD.find(sentence).map(|h| h.end()).or_else(|| {
        quoted(sentence)
            .into_iter()
            .find(|(_, end, n)| {
                MEETINGS.iter().any(|w| n.ends_with(w)) && HELD_AFTER.is_match(&sentence[*end..])
            })
            .map(|(_, end, _)| end)
    })?;
    let c = DECIDED.captures_at(sentence, held)?;
    let m = c.get(0)?;
    let object = object_phrase(&sentence[held..m.start()], true);
    // `전라남도가 제출한 추경안`: the object after the clause that tells who brought it.
    let words: Vec<&str> = object.split_whitespace().collect();
    let start = words.iter().rposition(|w| w.ends_with("제출한") || w.ends_with("올린")).map_or(0, |i| i + 1);
    let object = words[start..].join(" ");
    // `'A 조례안' 등 4건을 심사했다`: the bills are read one by one (see [`sitting_and_bills`]).
    if quoted(&object).iter().any(|(_, _, name)| name.ends_with('안')) && object.contains(" 등") {
        return None;
    }
    let object = without_amounts(&object);
    let n = object.split_whitespace().count();
    (1..=6).contains(&n).then(|| format!("{object} {}", &c[1]))
}

/// An object without the amounts in it (`예산안 13조4,200억원` → `예산안`): the money is a budget
/// line, not the name of what was decided.
fn without_amounts(object: &str) -> String {
    static MONEY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d[\d,.]*\s?(?:조|억|만|천)[\d,.조억만천]*\s?원?(?:을|를|의)?$").unwrap()
    });
    object.split_whitespace().filter(|w| !MONEY.is_match(w)).collect::<Vec<_>>().join(" ")
}

/// What a meeting passed, told in the passive where it was held: `국무회의에서 「…시행령」
/// 제정안이 의결됐다` → `「…시행령」 제정안 의결`. Quoted bills are read one by one elsewhere.
fn decided_at(sentence: &str) -> Option<String> {
    static PASSED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[가-힣]*(?:회의|위원회|협의회|총회)에서(?:는)?\s+(.{2,80}?)(?:이|가)\s+(?:함께\s+)?(의결|확정|채택|승인|가결)(?:됐|되었|돼)")
            .unwrap()
    });
    let c = PASSED.captures(sentence)?;
    let object = without_amounts(c[1].trim());
    let n = object.split_whitespace().count();
    let bills = quoted(&object).iter().any(|(_, _, name)| name.ends_with('안'));
    ((1..=8).contains(&n) && !bills).then(|| format!("{object} {}", &c[2]))
}

/// What a meeting held changed in a budget or bill, told the same day (`이날 A 사업비 45억원을
/// 삭감하고, B 예산 12억원을 새로 반영했다`): each change as an item.
fn changes_made(sentence: &str) -> Vec<String> {
    static CHANGED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:을|를)\s+(?:새로\s+|신규로\s+|추가로\s+)?(삭감|증액|감액|반영|신설|가결|부결)(?:했|하였|하고|해)").unwrap()
    });
    if !sentence.contains("이날") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = 0;
    for c in CHANGED.captures_iter(sentence) {
        let m = c.get(0).unwrap();
        let object = object_phrase(&sentence[from..m.start()], false);
        let all: Vec<&str> = object.split_whitespace().collect();
        // After the subject and `이날`: `위원회는 이날 A를 삭감` → `A 삭감`.
        let start = all
            .iter()
            .rposition(|w| *w == "이날" || w.ends_with('는') || w.ends_with('은'))
            .map_or(0, |i| i + 1);
        let words = &all[start..];
        if (1..=8).contains(&words.len()) {
            out.push(format!("{} {}", words.join(" "), &c[1]));
        }
        from = m.end();
    }
    out
}

/// A meeting held: `협의회를 열고`, `간담회를 개최해`.
static HELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:회의|협의회|간담회|총회|위원회|토론회)(?:를|을)\s+(?:열고|열어|개최하고|개최해)").unwrap()
});

/// What a meeting discussed: `A와 B에 대해 논의했다`, `A 등을 논의했다`, `A 사업에 대한 토론을 진행`.
fn discussed(sentence: &str, meeting_held: bool) -> Vec<String> {
    static DISCUSS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\s*(?:등에\s*대해|에\s*대해|에\s*대한|등을|을|를)\s+(?:논의|토론|협의)(?:했|하|를|을|한)",
        )
        .unwrap()
    });
    // At a meeting held (`협의회를 열고`), what was proposed or requested: `사업 10개를 정부에 건의했다`.
    static PROPOSED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*(?:등을|을|를)\s+(?:\S+\s+){0,2}?(?:건의|요청|제안|보고)(?:했|하였|한다)").unwrap()
    });
    // … or, once the meeting is told, what was proposed `이 자리에서`.
    static AT_MEETING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:이|그)\s*자리에서|(?:회의|간담회|협의회|총회)에서").unwrap());
    // `이날 보고회에서는 A와 B, C가 논의됐다`: the subject is what was discussed, commas included.
    static DISCUSSED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\s*(?:등이|이|가)\s+(?:주로\s+)?(?:(?:논의|협의|검토)(?:됐|되었|된다|돼)|다뤄졌|다루어졌)",
        )
        .unwrap()
    });
    if let Some(m) = DISCUSSED.find(sentence) {
        let tokens: Vec<&str> = sentence[..m.start()].split_whitespace().collect();
        // The subject follows where it was discussed (`보고회에서는`); a verb-like word inside it
        // (`참여`) opens nothing.
        let start =
            tokens.iter().rposition(|t| TAKEN_UP_AT.iter().any(|e| t.ends_with(e))).map_or(0, |i| i + 1);
        return split_items(&tokens[start..].join(" ").replace(", ", "과 "));
    }
    if let Some(items) = programme_run(sentence) {
        return items;
    }
    let m = DISCUSS.find(sentence).or_else(|| {
        let from = HELD
            .find(sentence)
            .map(|h| h.end())
            .or_else(|| (meeting_held && AT_MEETING.is_match(sentence)).then_some(0))?;
        PROPOSED.find_at(sentence, from)
    });
    let Some(m) = m else { return Vec::new() };
    split_items(&object_phrase(&sentence[..m.start()], true))
}

/// What a meeting took up, told as a comma list closed by `등` (`협의회에서는 A 건설, B 구축, C 연장 등
/// 3개 현안에 대한 공동건의문을 채택했다`, `아울러 A, B 등 현안 과제도 논의하게 된다`): the items
/// before `등`. Each item is a phrase of two words or more, as a project or an action is; a list
/// of one-word names (bodies, places) is who or where, not what.
fn listed_before_etc(sentence: &str) -> Vec<String> {
    static TAKEN_UP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:을|를|도|에\s?대해|에\s?관해)\s+(?:\S+\s+)?(?:논의|모색|협의|건의|점검|심의|토론|요청|채택|의결|공유)\s?(?:했|하였|한다|하게|하고|하며|할|키로|하기로)").unwrap()
    });
    let Some(m) = TAKEN_UP.find(sentence) else { return Vec::new() };
    let before = &sentence[..m.start()];
    let Some(etc) = before.rfind(" 등 ") else { return Vec::new() };
    // What stands between `등` and the verb sums the list up (`경남 핵심 현안 관련 대정부 건의 방안`).
    let summary = &before[etc + " 등 ".len()..];
    if summary.contains(',') || summary.split_whitespace().count() > 10 {
        return Vec::new();
    }
    let list = &before[..etc];
    if !list.contains(", ") {
        return Vec::new();
    }
    // The list follows where it was taken up (`협의회에서는`) and an opening adverb.
    let tokens: Vec<&str> = list.split_whitespace().collect();
    let first_item_end = tokens.iter().position(|t| t.ends_with(',')).unwrap_or(tokens.len());
    let start = tokens[..first_item_end]
        .iter()
        .rposition(|t| TAKEN_UP_AT.iter().any(|e| t.ends_with(e)))
        .map_or(0, |i| i + 1);
    let list = tokens[start..].join(" ");
    let list = ["아울러 ", "또한 ", "또 ", "특히 ", "이와 함께 "]
        .iter()
        .fold(list.as_str(), |l, a| l.strip_prefix(a).unwrap_or(l));
    let items: Vec<String> = list.split(", ").map(|i| i.trim().to_string()).collect();
    let phrases = items
        .iter()
        .all(|i| i.split_whitespace().count() >= 2 && i.chars().count() <= 60 && !i.ends_with('다'));
    if items.len() >= 2 && phrases {
        items
    } else {
        Vec::new()
    }
}

/// An event's programme told as what followed at it: `이날 출범식에서는 A와 B가 이어졌다`,
/// `행사는 A와 B, C 순으로 진행됐다`. Only after the event is named as where or what (an
/// `…에서는` or the event as topic): `비판이 이어졌다` alone is no programme.
fn programme_run(sentence: &str) -> Option<Vec<String>> {
    static FOLLOWED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*(?:등이|이|가|등\s+순으로|등의\s+순으로|\s순으로)\s+(?:차례로\s+)?(?:이어졌|이어졌다|진행됐|진행되었|펼쳐졌|이어진다|이어질|진행된다|진행될)")
            .unwrap()
    });
    let m = FOLLOWED.find(sentence)?;
    let tokens: Vec<&str> = sentence[..m.start()].split_whitespace().collect();
    // `오후에는 A 발표와 B 토론이 이어졌다`: a part of the day, when what followed are sessions.
    let sessions = ["발표", "토론", "세션", "강연", "시연", "특강", "공연", "설명"];
    let start = tokens.iter().rposition(|t| {
        let topic = t.strip_suffix('는').or_else(|| t.strip_suffix('은')).unwrap_or("");
        ["에서는", "에선"].iter().any(|e| t.ends_with(e))
            || topic.ends_with("행사")
            || MEETINGS.iter().any(|w| topic.ends_with(w))
            || is_ceremony(topic)
            || ["오전에는", "오후에는", "저녁에는", "이후에는"].contains(t)
                && sessions.iter().any(|w| sentence[..m.start()].contains(w))
            // `…을 발제했고, 이어 종합토론이 진행됐다`: what came next in a programme told.
            || ["이어", "이어서", "끝으로"].contains(t) && (!talks(sentence).is_empty() || is_event_told(sentence))
    })?;
    // A clause closed before the run (`안건이 상정됐고, 자유발언이 이어졌다`) is not in it.
    // So is who was there (`100여명이 참석한 가운데`).
    let clause =
        |t: &&str| ["고,", "며,", "됐고", "했고", "으며", "였고", "가운데"].iter().any(|e| t.ends_with(e));
    let start = tokens.iter().rposition(clause).filter(|&k| k > start).unwrap_or(start);
    // A programme's parts may be short words (`기념사`, `시삽`): kept from two letters. `A에
    // 이어 B` lists two parts, as `A와 B` does.
    let run = tokens[start + 1..].join(" ").replace(", ", "과 ").replace("에 이어 ", "과 ");
    let items: Vec<String> = split_items_min(&run, 2).iter().map(|i| without_speaker(i)).collect();
    (!items.is_empty()).then_some(items)
}

/// `도하람 한빛시 총괄계획가의 추진본부에 대한 설명` → `추진본부에 대한 설명`: who gives a part of
/// the programme is an attendee; the part is what is given.
fn without_speaker(item: &str) -> String {
    let tokens: Vec<&str> = item.split_whitespace().collect();
    let by = tokens.iter().take(5).position(|t| t.ends_with('의') && t.chars().count() >= 3);
    match by {
        Some(k) if k + 1 < tokens.len() && super::attendees::is_person_name(tokens[0]) => {
            tokens[k + 1..].join(" ")
        }
        _ => item.to_string(),
    }
}

/// The talks a sentence tells given, by their quoted topics: `A 본부장이 'X'을, B 교수가 'Y'를
/// 각각 발제했고` or `A 본부장이 'X', B 교수가 'Y'를 주제로 발제를 맡았다` → X, Y (a
/// presentation's topic is an item of its seminar's programme).
fn talks(sentence: &str) -> Vec<String> {
    static GIVEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:발제|주제\s?발표)(?:했|하였|를\s+했|을\s+했|를\s+맡|하고|해)").unwrap()
    });
    let Some(verb) = GIVEN.find(sentence) else { return Vec::new() };
    quoted(sentence)
        .into_iter()
        .filter(|(_, end, _)| {
            *end < verb.start()
                && ["을", "를", "이라는", "라는", "을 주제로", "를 주제로", ","]
                    .iter()
                    .any(|p| sentence[*end..].starts_with(p))
        })
        .map(|(_, _, name)| name.to_string())
        .collect()
}

/// Whether the sentence names an event (a ceremony word) at all.
fn is_event_told(sentence: &str) -> bool {
    sentence.split_whitespace().any(|t| ceremony_stem(t).is_some())
}

/// Whether the event's programme is told in this sentence (see [`programme_run`]).
fn tells_programme(sentence: &str) -> bool {
    programme_run(sentence).is_some()
}

/// `올해 사업보고와 내년 계획`: two items.
fn split_items(object: &str) -> Vec<String> {
    split_items_min(object, 4)
}

/// [`split_items`], keeping items of at least `min` letters.
fn split_items_min(object: &str, min: usize) -> Vec<String> {
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
    items.into_iter().filter(|i| i.chars().count() >= min).collect()
}

/// The ceremony a sentence names: a quoted event (`'2017 대한민국 균형발전 박람회'`) or the words
/// up to a ceremony word (`통합 창원시 출범식이 … 열렸다`).
fn ceremony(sentence: &str) -> Option<String> {
    if let Some((_, _, name)) = quoted(sentence).into_iter().find(|(_, _, n)| is_ceremony(n)) {
        return Some(name.to_string());
    }
    // `'전북 AI 허브' 출범식을 열었다`: the quoted name and the ceremony word after it.
    for (_, end, name) in quoted(sentence) {
        if let Some(stem) = sentence[end..].split_whitespace().next().and_then(ceremony_stem) {
            if sentence[end..].starts_with(' ') || sentence[end..].starts_with(stem) {
                return Some(format!("{name} {stem}"));
            }
        }
    }
    // `'제1차 추진위원회'를 열고`: a meeting held, named in quotes.
    quoted(sentence)
        .into_iter()
        .find(|(_, end, n)| MEETINGS.iter().any(|w| n.ends_with(w)) && HELD_AFTER.is_match(&sentence[*end..]))
        .map(|(_, _, name)| name.to_string())
        .or_else(|| bare_ceremony(sentence))
}

/// The words up to a ceremony word (`통합 창원시 출범식이 … 열렸다`).
fn bare_ceremony(sentence: &str) -> Option<String> {
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let k = tokens.iter().position(|t| ceremony_stem(t).is_some())?;
    // Its partners (`한빛소재, 경북도와 함께`) are not its name.
    let partner = |t: &&str| opens_object(t, true) || t.ends_with('와') || t.ends_with('과') || *t == "함께";
    let start = tokens[..k].iter().rposition(partner).map_or(0, |i| i + 1).max(k.saturating_sub(3));
    let stem = ceremony_stem(tokens[k])?;
    // `이날 토론회에서는`: a word of time names no event.
    let time = ["이날", "이번", "오늘", "당일", "이튿날", "앞서"];
    // `이 날` is `이날` spaced.
    let time_at =
        |i: usize| time.contains(&tokens[i]) || tokens[i] == "이" && tokens.get(i + 1) == Some(&"날");
    let start = (start..k)
        .find(|&i| !(time_at(i) || tokens[i] == "날" && i > 0 && tokens[i - 1] == "이"))
        .unwrap_or(k);
    let words: Vec<&str> = tokens[start..k].iter().copied().chain(std::iter::once(stem)).collect();
    // A bare `협약식에는` names no ceremony; `통합 창원시 출범식` does.
    (words.len() >= 2).then(|| words.join(" "))
}

fn is_ceremony(word: &str) -> bool {
    CEREMONIES.iter().any(|c| word.ends_with(c))
}

/// The ceremony word a token is, without its particles (`착공식을` → `착공식`).
fn ceremony_stem(token: &str) -> Option<&str> {
    let stem = token.trim_end_matches(|c: char| "이가은는을를에서".contains(c));
    (is_ceremony(stem) && stem.chars().count() >= 3).then_some(stem)
}

/// A ceremony the text names only bare (`착공식을 열었다`), named as the headline names its
/// occasion: `수소 트램 실증노선 착공…` → `수소 트램 실증노선 착공식`.
fn named_in_title(word: &str, title: &str) -> Option<String> {
    let occasion = word.strip_suffix('식').unwrap_or(word);
    title.split([',', '…', '|', '·']).find_map(|clause| {
        let tokens: Vec<&str> = clause.split_whitespace().collect();
        let k = tokens.iter().position(|t| t.starts_with(occasion))?;
        // After the subject or the partners (`2개사와`), without amounts (`6200억`).
        let start = tokens[..k]
            .iter()
            .rposition(|t| {
                t.ends_with(['은', '는', '이', '가', '에', '와', '과'])
                    || t.starts_with(['"', '“', '\'', '‘'])
            })
            .map_or(0, |i| i + 1);
        let words = without_amounts(&tokens[start..k].join(" "));
        (k - start <= 5).then(|| format!("{words} {word}").trim().to_string())
    })
}

/// How the article first writes a person present, from the name to the title (`박완수 초대
/// 시장`): a later `박 시장` is named so in the programme.
fn full_mention(text: &str, person: &Attendee) -> String {
    let role = person.role.as_str();
    // The title may close a word of its own (`임재훈 청주시장`).
    let pattern = format!(
        r"{}\s+(?:[가-힣A-Za-z]+\s+){{0,2}}?[가-힣]*{}",
        regex::escape(&person.name),
        regex::escape(role)
    );
    match Regex::new(&pattern).ok().and_then(|re| re.find(text)) {
        Some(m) if !role.is_empty() => m.as_str().to_string(),
        _ => format!("{} {role}", person.name).trim().to_string(),
    }
}

/// The speaker of a speech, a surname and title (`박 시장`) resolved to a person present.
fn speaker(said: &str, text: &str, people: &[Attendee]) -> String {
    let Some((surname, title)) = said.split_once(' ') else { return said.to_string() };
    if surname.chars().count() > 1 {
        return said.to_string();
    }
    people
        .iter()
        .find(|p| p.name.starts_with(surname) && p.role.ends_with(title))
        .map_or_else(|| said.to_string(), |p| full_mention(text, p))
}

/// The programme of an event: a speech given there (`김두관 경남지사는 축사를 통해` → `김두관
/// 경남지사 축사`) or an agreement signed (`에너지밸리 투자유치 협약을 체결했다` → `… 협약 체결`).
/// What is said inside quotation marks is not the programme.
fn event_items(sentence: &str, text: &str, people: &[Attendee]) -> Vec<String> {
    static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([가-힣]{1,4}\s+[가-힣]{2,8})(?:은|는)\s+(축사|출범사|기념사|환영사|개회사|격려사|인사말)(?:(?:을|를)\s+통해|에서)").unwrap()
    });
    static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:[가-힣A-Za-z]+\s+){0,3}[가-힣]*(?:협약|MOU))(?:을|를)\s+(체결|맺)(?:했|하였|하고|하며|한다|해|었|어|는다)")
            .unwrap()
    });
    static SAID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"["“][^"“”]*["”]"#).unwrap());
    // `문가온 카이로스랩 대표가 'A'를 주제로 기조연설을 했고`: a keynote or a talk given.
    static TALK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([가-힣]{2,4}(?:\s+[가-힣A-Za-z]{2,12}){1,2})(?:이|가|은|는)\s+(?:['‘][^'’]{2,40}['’](?:을|를)\s+주제로\s+)?(기조연설|기조강연|주제발표|특강)(?:을|를)\s+(?:했|하였|맡|진행)").unwrap()
    });
    let talks: Vec<String> = TALK.captures_iter(sentence).map(|c| format!("{} {}", &c[1], &c[2])).collect();
    let sentence = SAID.replace_all(sentence, " ");
    let mut out: Vec<String> = SPEECH
        .captures_iter(&sentence)
        .map(|c| format!("{} {}", speaker(&c[1], text, people), &c[2]))
        .chain(talks)
        .collect();
    // `'스마트 물관리 시범도시 조성 업무협약'을 체결했다`: the agreement named in quotes.
    let named = quoted(&sentence).into_iter().find_map(|(_, end, name)| {
        let signed = ["을 체결", "를 체결", "을 맺", "를 맺"].iter().any(|v| sentence[end..].starts_with(v));
        (signed && (name.ends_with("협약") || name.ends_with("MOU"))).then(|| format!("{name} 체결"))
    });
    if let Some(n) = named {
        out.push(n);
    } else if let Some(c) = SIGNED.captures(&sentence) {
        // The agreement's own words: after its partner (`42개 기업과`) or its venue (`시민홀에서`).
        let words: Vec<&str> = c[1].split_whitespace().collect();
        let start = words
            .iter()
            .rposition(|w| {
                w.ends_with("에서")
                    || w.ends_with('와')
                    || w.ends_with('과')
                    || w.ends_with('에')
                    || *w == "앞서"
            })
            .map_or(0, |i| i + 1);
        // `체결했다` names the act; `맺었다` is said of the agreement itself.
        // `6200억원 규모의 투자협약`: the size is money, not the agreement's name.
        let start = words[start..].iter().position(|w| *w == "규모의").map_or(start, |i| start + i + 1);
        // `내용을 뼈대로 하는 업무협약`, `조성을 위한 투자협약`: words cut from a clause
        // (their first ends in an object particle) are no name of the agreement.
        // So are the words that point back to what the story said (`이같은 내용을 담은`).
        let cut = words.get(start).is_some_and(|w| {
            w.ends_with(['을', '를']) || ["이같은", "이러한", "이런", "이와", "같은"].contains(w)
        });
        if words.len() - start >= 2 && !cut {
            let agreement = words[start..].join(" ");
            out.push(if &c[2] == "체결" { format!("{agreement} 체결") } else { agreement });
        }
    }
    out
}

/// What an agreement provides, told in prose (`두 기관은 협약에 따라 A 양성과 B 지원, C 공동
/// 운영에 협력한다`): the joint tasks before the closing verb, parted by commas and `과`/`와`.
/// A sentence that gives each party its own task (`A는 …을 맡고, B는 …`) or a figure is not one.
fn agreement_tasks(sentence: &str) -> Vec<String> {
    static TASKS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"협약(?:에 따라|을 통해|으로)\s+(?:(?:두|세|네|양|[0-9]+개)\s*기관은\s+)?(.+?)(?:\s*등)?(?:에|을|를)\s+(?:함께\s+|공동으로\s+)?(?:협력한다|협력하기로|추진한다|추진하기로|나선다|나서기로)")
            .unwrap()
    });
    let Some(c) = TASKS.captures(sentence) else { return Vec::new() };
    let object = &c[1];
    let parts_own_task = object.split_whitespace().any(|t| t.ends_with("은") || t.ends_with("는"));
    if parts_own_task || HAS_AMOUNT.is_match(object) || object.contains(INLINE_MARKS) {
        return Vec::new();
    }
    let items: Vec<String> = object.split(", ").flat_map(split_items).collect();
    if items.len() < 2 {
        return Vec::new();
    }
    items
}

/// The verb closing a party's task in an agreement (`…을 지원한다`, `…를 위해 노력한다`, `…에
/// 나설 방침이다`, `…을 각각 담당한다`).
static TASK_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:을|를|에|을\s+위해|를\s+위해)\s+(?:각각\s+|적극\s+|함께\s+)?(?:지원|협력|노력|추진|제공|담당|맡|나서|나설|나선|힘쓰|협조)[^\s.]*(?:\s+(?:방침|계획|예정)이다)?\.?$")
        .unwrap()
});

/// What each party to an agreement will do, as the story divides the roles: `협약에 따라 A는
/// X와 Y를 지원한다`, `B는 Z를 위해 노력한다`, `A는 X를, B는 Y를 각각 담당한다` → `A: X`, `A: Y`,
/// `B: Z`. `chained`: the sentence before gave parties their tasks, so this one may go on
/// without `협약에 따라`. Joint tasks (`두 기관은 …에 협력한다`) are [`agreement_tasks`]'.
fn party_tasks(sentence: &str, chained: bool) -> Vec<String> {
    let opened = ["협약에 따라", "협약으로", "협약을 통해"].iter().any(|w| sentence.starts_with(w))
        || sentence.starts_with("이 협약에 따라");
    let each = sentence.contains("각각 담당") || sentence.contains("각각 맡");
    if !(opened || each || chained) || !TASK_VERB.is_match(sentence.trim()) || HAS_AMOUNT.is_match(sentence) {
        return Vec::new();
    }
    let verb = TASK_VERB.find(sentence.trim()).map_or(sentence.len(), |m| m.start());
    let body = &sentence.trim()[..verb];
    // `A는 X를, B는 Y를`: each party's clause; otherwise one party and its tasks. Two parties
    // in one sentence with no `각각` (`A는 X를 맡고, B는 …`) are left alone: their clauses'
    // verbs are not read.
    let has_party = |c: &str| c.split_whitespace().take(3).any(|t| t.ends_with('은') || t.ends_with('는'));
    if !each && body.split(", ").skip(1).any(has_party) {
        return Vec::new();
    }
    let clauses: Vec<&str> = if each { body.split(", ").collect() } else { vec![body] };
    let mut out = Vec::new();
    for clause in clauses {
        let tokens: Vec<&str> = clause.split_whitespace().collect();
        let Some(k) = tokens.iter().take(6).position(|t| t.ends_with('은') || t.ends_with('는')) else {
            continue;
        };
        let party: Vec<&str> = tokens[..=k]
            .iter()
            .filter(|t| !["협약에", "따라", "이", "협약으로", "협약을", "통해"].contains(t))
            .map(|t| t.strip_suffix(['와', '과']).filter(|s| s.chars().count() >= 2).unwrap_or(t))
            .collect();
        let party = party.join("·");
        let party = party.strip_suffix(['은', '는']).unwrap_or(&party).replace("·등", " 등");
        // Joint tasks (`두 기관은`, `양측은`) belong to no one party.
        let joint = ["두 기관", "양 기관", "세 기관", "양측", "양 기관은"].iter().any(|j| party.contains(j))
            || party.ends_with("기관");
        if party.is_empty() || joint {
            return Vec::new();
        }
        let rest = tokens[k + 1..].join(" ");
        let rest = rest.trim_end_matches(['을', '를']);
        for task in rest.split(", ") {
            // After a clause of purpose (`…추진될 수 있도록 적극적인 지원`).
            let words: Vec<&str> = task.split_whitespace().collect();
            let start =
                words.iter().rposition(|w| w.ends_with("도록") || w.ends_with("위해")).map_or(0, |i| i + 1);
            let task = words[start..].join(" ");
            let task = task.trim().trim_end_matches(['을', '를', '에']).trim();
            if task.chars().count() >= 2 {
                out.push(format!("{party}: {task}"));
            }
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

/// Quoted names in a sentence (`'…'`, `‘…’`, `"…"`, `“…”`): (start, end, the name inside).
fn quoted(sentence: &str) -> Vec<(usize, usize, &str)> {
    static QUOTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"['‘"“]([^'‘’"“”]{2,60})['’"”]"#).unwrap());
    QUOTED
        .captures_iter(sentence)
        .filter_map(|c| {
            let (all, inner) = (c.get(0)?, c.get(1)?);
            Some((all.start(), all.end(), inner.as_str().trim()))
        })
        .collect()
}

/// Programmes named in quotes (`'데이터 바우처 지원 사업'`, `'특구 오픈 하우스' 사업`): the main
/// projects, once a sentence has introduced them (`주요 사업으로는`).
fn project_names(sentence: &str) -> Vec<String> {
    quoted(sentence)
        .into_iter()
        .filter_map(|(_, end, name)| {
            if name.ends_with("사업") {
                Some(name.to_string())
            } else {
                sentence[end..].trim_start().starts_with("사업").then(|| format!("{name} 사업"))
            }
        })
        .collect()
}

/// A council's sitting (`제289회 임시회 제1차 본회의를 열고`) and the bills it took up, quoted
/// names of a `…안` in a sentence that tables or passes them (`'A 조례안'과 'B 예산안' 등 안건
/// 12건이 상정됐다`).
/// A sitting told in an aside (`한편 인근 홍성군의회는 … 제298회 임시회를 열어`) is another
/// council's: none of it is this story's agenda. The sitting may also come before its session
/// (`제2차 본회의를 열고 … 제312회 임시회 일정을 마쳤다`): it is written session first.
fn sitting_and_bills(sentence: &str) -> Vec<String> {
    static SITTING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(제\s?\d+\s?회\s+[가-힣]*(?:임시회|정례회|정기회)(?:\s+제\s?\d+\s?차\s+[가-힣]*회의)?)(?:를|을)\s+(?:열|개회|개최|갖)")
            .unwrap()
    });
    static MEETING_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(제\s?\d+\s?차\s+[가-힣]*회의)(?:를|을)\s+(?:열|개최|갖)\S*\s+(?:\S+\s+){0,3}?(제\s?\d+\s?회\s+[가-힣]*(?:임시회|정례회|정기회))")
            .unwrap()
    });
    if super::context::opens_aside(sentence) {
        return Vec::new();
    }
    if let Some(c) = MEETING_FIRST.captures(sentence) {
        let mut out = vec![format!("{} {}", &c[2], &c[1])];
        out.extend(bills_decided(sentence));
        return out;
    }
    static TABLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"상정(?:됐|되었|되어|돼|했|하였)|심의(?:했|하였|됐)|심사(?:했|하였|됐)|의결(?:했|됐|하였)|처리(?:했|됐)|가결(?:됐|되었|했)|통과(?:됐|되었|했)")
            .unwrap()
    });
    let mut out: Vec<String> = SITTING.captures(sentence).map(|c| c[1].to_string()).into_iter().collect();
    out.extend(audit_held(sentence));
    let mut decided = bills_decided(sentence);
    if decided.is_empty() {
        decided = unquoted_bills(sentence);
    }
    if !decided.is_empty() {
        out.extend(decided);
    } else if TABLED.is_match(sentence) {
        out.extend(
            quoted(sentence)
                .into_iter()
                .map(|(_, _, name)| name)
                .filter(|name| name.ends_with('안') && name.chars().count() >= 4)
                .map(str::to_string),
        );
    }
    out
}

/// An audit or a hearing a council held (`기획감사실과 행정과를 상대로 2026년도 행정사무감사를
/// 벌였다`): the sitting, with whom it examined (`기획감사실·행정과 대상 2026년도 행정사무감사`).
/// One still to come (`감사를 이어간다`, `벌일 예정`) is not held.
fn audit_held(sentence: &str) -> Option<String> {
    static AUDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:(\S+(?:과|와)\s+)?(\S+)(?:을|를)\s+상대로\s+)?((?:\d{4}년도?\s*)?(?:행정사무감사|국정감사|[시도군구]정\s?질문|업무보고))(?:를|을)\s*(?:벌였|벌이고|벌여|열었|열고|열어|실시했|진행했|가졌|받았)")
            .unwrap()
    });
    let c = AUDIT.captures(sentence)?;
    // `농정과와 건설과를`: the first without its `와`/`과`.
    let first = c.get(1).map(|m| m.as_str().trim_end()).map(|w| &w[..w.len() - '과'.len_utf8()]);
    let whom: Vec<&str> = first.into_iter().chain(c.get(2).map(|m| m.as_str())).collect();
    Some(if whom.is_empty() { c[3].to_string() } else { format!("{} 대상 {}", whom.join("·"), &c[3]) })
}

/// What a sitting decided on each quoted bill, the verb right after it (`'A 조례안'을 원안
/// 가결하고, 'B 조례안'은 보류했다` → `A 조례안 원안 가결`, `B 조례안 보류`).
fn bills_decided(sentence: &str) -> Vec<String> {
    static DECISION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:을|를|은|는|이|가)?\s*((?:원안|수정)\s*)?(가결|부결|보류|채택|통과|의결)(?:했|하였|하고|하며|됐|되었|돼|시켰|해)")
            .unwrap()
    });
    quoted(sentence)
        .into_iter()
        .filter(|(_, _, name)| name.ends_with('안') && name.chars().count() >= 4)
        .filter_map(|(_, end, name)| {
            let c = DECISION.captures(&sentence[end..])?;
            let how = c.get(1).map_or(String::new(), |m| format!("{} ", m.as_str().trim()));
            Some(format!("{name} {how}{}", &c[2]))
        })
        .collect()
}

/// Bills a sitting passed, named without quotes: `긴급 편성된 제1회 추경예산안과 기금운용계획
/// 변경안을 … 원안대로 의결했다` → `제1회 추경예산안`, `기금운용계획 변경안`. A bill's name runs
/// back over the words before it up to one that ends a clause or a modifier (`편성된`).
fn unquoted_bills(sentence: &str) -> Vec<String> {
    static BILL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:[가-힣A-Za-z0-9·]+\s){0,3}[가-힣A-Za-z0-9·]*(?:예산안|추경안|조례안|동의안|변경안|계획안|개정안|승인안|결산안|결의안|건의안))(?:과|와|및|,|을|를|\s)")
            .unwrap()
    });
    static PASSED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:의결|가결|처리|확정|통과)(?:했|하였|됐|되었|시켰)").unwrap());
    // Quoted bills are named by their quotes (`'A 조례안' 등 조례안 6건`); the words after are a count.
    let quoted_bills = quoted(sentence).iter().any(|(_, _, name)| name.ends_with('안'));
    let Some(passed) = PASSED.find(sentence).filter(|_| !quoted_bills) else { return Vec::new() };
    BILL.captures_iter(&sentence[..passed.start()])
        .map(|c| {
            let words: Vec<&str> = c[1].split_whitespace().collect();
            let ends_clause = |w: &&str| {
                w.ends_with([
                    '된', '한', '는', '은', '을', '를', '이', '가', '에', '의', '로', '고', '며', '서', '와',
                    '과',
                ])
            };
            let start = words[..words.len() - 1]
                .iter()
                .rposition(|w| ends_clause(w) || *w == "등")
                .map_or(0, |i| i + 1);
            words[start..].join(" ")
        })
        .filter(|b| b.chars().count() >= 4)
        .collect()
}

/// Three or more quoted items in a row that the sentence then carries out: `‘A’, ‘B’, ‘C 등
/// 4가지 사업’을 진행한다`.
fn quoted_list(sentence: &str) -> Vec<String> {
    static ACTED_ON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:을|를|이|가|등을|등이)?\s*(?:\S+\s+){0,2}?(?:진행|추진|실시|시행|운영)").unwrap()
    });
    let q = quoted(sentence);
    let mut run: Vec<&str> = Vec::new();
    for (k, (_, end, name)) in q.iter().enumerate() {
        run.push(name);
        let joined = q.get(k + 1).is_some_and(|(next, _, _)| {
            sentence[*end..*next].chars().all(|c| c.is_whitespace() || c == ',' || c == '·')
        });
        if joined {
            continue;
        }
        if run.len() >= 3 && ACTED_ON.is_match(&sentence[*end..]) {
            return run.iter().filter_map(|t| clean_item(t, false)).collect();
        }
        run.clear();
    }
    Vec::new()
}

/// The action a press-release point (`□ …`, `ㅇ …`) states in its closing clause, as a noun phrase:
/// `… 감안해 9개 지원과제를 선정했다` → `9개 지원과제 선정`. Points with amounts are budget
/// lines, and closing verbs that are not `…하다` verbs of a noun (`돕는다`) give nothing.
fn main_action(point: &str) -> Option<String> {
    static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:을|를)\s+(?:(?:우선|별도로|적극|본격|새로)\s+)?([가-힣]{2,4}?)(?:했다|하였다|한다|했습니다|하였습니다|합니다|하기로 했다|할 계획이다|할 예정이다)\.?$",
        )
        .unwrap()
    });
    let first = sentences(point).into_iter().next()?;
    // `다음 과제를 추진한다` only introduces the points that follow.
    if HAS_AMOUNT.is_match(first) || first.contains("다음 ") || first.contains("아래 ") {
        return None;
    }
    let c = CLOSING.captures(first.trim())?;
    let object_end = c.get(0)?.start();
    let before = &first[..object_end];
    // The object starts after the clause before it or after the subject (`행안부는`).
    let tokens: Vec<&str> = before.split_whitespace().collect();
    let start = tokens
        .iter()
        .rposition(|t| opens_object(t, false) || t.ends_with('은') || t.ends_with('는'))
        .map_or(0, |i| i + 1);
    let object = &tokens[start..];
    (1..=5).contains(&object.len()).then(|| format!("{} {}", object.join(" "), &c[1]))
}

/// The point a paragraph opening with an ordinal (`먼저`, `첫째`, `두 번째,`) makes, as spoken
/// briefings and speeches enumerate: the copula's subject (`먼저 고용증대와 지역경제
/// 활성화입니다` → `고용증대와 지역경제 활성화`) or the aim (`… 서민경제 활성화를 위해서는`).
fn ordinal_point(paragraph: &str) -> Option<String> {
    static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:먼저|우선|다음으로|마지막으로|첫째|둘째|셋째|넷째|다섯째|(?:첫|두|세|네|다섯|여섯)\s*번째)(?:\s*과제는|\s*로)?,?\s+").unwrap()
    });
    static COPULA: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([^.,]{4,40}?)(?:입니다|이다|입니다만)\.?$").unwrap());
    static AIM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\s)([^\s,.?!][^,.?!]{2,40}?)(?:을|를)\s+위해(?:서)?(?:는)?\s").unwrap()
    });
    let m = ORDINAL.find(paragraph)?;
    let rest = &paragraph[m.end()..];
    let first = sentences(rest).into_iter().next().unwrap_or("");
    // `자료 3쪽입니다` points the listener to the handout; the point follows.
    static PAGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+\s*(?:쪽|페이지|면)").unwrap());
    if let Some(c) = COPULA.captures(first.trim()).filter(|c| !PAGE.is_match(&c[1])) {
        return Some(c[1].trim().to_string());
    }
    let aim = AIM.captures(rest)?;
    let words: Vec<&str> = aim[1].split_whitespace().collect();
    // The aim's own words: after the clause before it (`… 개선하고, A를 위해`).
    let start = words.iter().rposition(|t| opens_object(t, true)).map_or(0, |i| i + 1);
    let aim = words[start..].join(" ");
    (aim.chars().count() >= 4).then_some(aim)
}

/// Items read from the prose: what stands in when the text has no agenda list.
#[derive(Default)]
struct Prose {
    items: Vec<String>,
    /// A sentence has introduced the main projects (`주요 사업으로는`).
    main_projects: bool,
    /// The first ceremony named, and whether its programme (speeches, signings, what was
    /// discussed at it) was read.
    ceremony: Option<String>,
    /// The first ceremony the text names only by its word (`착공식을 열었다`).
    bare_ceremony: Option<String>,
    programme: bool,
    /// Actions stated by press-release points.
    actions: Vec<String>,
    /// A sentence has told of a meeting held (`간담회를 열고`).
    meeting_held: bool,
    /// A sentence has named a meeting, held or to be held.
    meeting_named: bool,
    /// Points made by paragraphs that open with an ordinal.
    points: Vec<String>,
    /// Agreements signed (`… 협약 체결`), for a list of what the agreement provides.
    agreements: Vec<String>,
    /// Sentences read so far, and the one item the lead's sentence said was discussed (its
    /// place in `items`): a summary of what the story details later.
    read: usize,
    lead_summary: Option<usize>,
    /// Items later sentences say were discussed.
    discussed_later: usize,
    /// What a meeting held decided (`… 시행령 제정안 의결`): it heads a list of what it provides.
    decisions: Vec<String>,
    /// The story tells of an agreement (`협약`, `MOU`): its parties' tasks are its agenda.
    agreement_told: bool,
    /// The sentence before gave parties their tasks.
    tasks_before: bool,
}

impl Prose {
    fn read(&mut self, sentence: &str, text: &str, people: &[Attendee]) {
        self.main_projects |= sentence.contains("주요 사업") || sentence.contains("주요사업");
        if self.main_projects {
            self.items.extend(project_names(sentence));
        }
        self.items.extend(quoted_list(sentence));
        self.items.extend(sitting_and_bills(sentence));
        // Signing the agreement at its ceremony (`협약서에 서명했다`) is the ceremony's programme.
        // So is the agreement made (`투자협약을 맺었다`), whatever its name, unless before another
        // event or earlier (`개막식에 앞서`, `이미`).
        static MADE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"협약(?:을|를)\s*(?:맺었|체결했)").unwrap());
        self.programme |= sentence.contains("협약서에 서명")
            || sentence.contains("협약서에 공동 서명")
            || MADE.is_match(sentence) && !["앞서", "이미"].iter().any(|w| sentence.contains(w));
        self.meeting_held |= HELD.is_match(sentence);
        // Speeches and signings first: within a sentence they come before what followed them.
        let given = talks(sentence);
        self.programme |= !given.is_empty();
        self.items.extend(given);
        let programme = event_items(sentence, text, people);
        self.programme |= !programme.is_empty();
        self.agreements
            .extend(programme.iter().filter(|p| p.ends_with("체결") || p.ends_with("협약")).cloned());
        self.items.extend(programme);
        self.meeting_named |= MEETINGS.iter().any(|w| sentence.contains(w));
        let mut talked = discussed(sentence, self.meeting_held);
        if talked.is_empty() && self.meeting_named {
            talked = listed_before_etc(sentence);
        }
        let at_event = sentence.split_whitespace().any(|t| ceremony_stem(t).is_some());
        self.programme |= (at_event || tells_programme(sentence)) && !talked.is_empty();
        if self.read == 0 && talked.len() == 1 {
            self.lead_summary = Some(self.items.len());
        } else if ["논의", "협의", "다뤄", "다루어"].iter().any(|w| sentence.contains(w)) {
            self.discussed_later += talked.len();
        }
        self.read += 1;
        self.items.extend(talked);
        // A meeting held and what it decided (`위원회를 열고 「계획」을 확정했다`), and what it
        // changed the same day.
        if let Some(d) = decided(sentence) {
            self.programme = true;
            self.decisions.push(d.clone());
            self.items.push(d);
        }
        if self.meeting_held {
            self.items.extend(changes_made(sentence));
        }
        self.items.extend(listed_actions(sentence));
        self.items.extend(agreement_tasks(sentence));
        let tasks = if self.agreement_told { party_tasks(sentence, self.tasks_before) } else { Vec::new() };
        self.tasks_before = !tasks.is_empty();
        self.items.extend(tasks);
        if self.ceremony.is_none() {
            self.ceremony = ceremony(sentence);
        }
        if self.bare_ceremony.is_none() {
            self.bare_ceremony = sentence.split_whitespace().find_map(ceremony_stem).map(str::to_string);
        }
    }

    /// The items, the ceremony first when its programme was read; the points of ordinal
    /// paragraphs and the actions of press-release points when there are two or more.
    fn finish(mut self, title: &str) -> Vec<String> {
        // `장관이 CEO들과 만나 전력 확보 방안을 논의했다` opening a story that then lists what was
        // discussed (`이날 간담회에서는 A, B, C가 논의됐다`) only sums those up.
        // What was requested or decided there (`… 증차를 건의했다`) is no detail of the discussion.
        if let Some(k) = self.lead_summary.filter(|_| self.discussed_later >= 2) {
            self.items.remove(k);
        }
        let bare = self.bare_ceremony.and_then(|w| named_in_title(&w, title));
        let ceremony = self.ceremony.or(bare).filter(|_| self.programme);
        let two_or_more = |v: Vec<String>| if v.len() >= 2 { v } else { Vec::new() };
        let (actions, points) = (two_or_more(self.actions), two_or_more(self.points));
        ceremony.into_iter().chain(points).chain(self.items).chain(actions).collect()
    }
}

/// A run of `△`/`①`/numbered items from `blocks[i]`: its agenda items and where the run ends.
fn marked_list(blocks: &[Block], i: usize, marker: char) -> (Vec<String>, usize) {
    let kind_numbered = marker == '1';
    let mut j = i;
    let mut group = Vec::new();
    while let Some(Block::Item { marker: m, text, .. }) = blocks.get(j) {
        if *m != marker && !(('①'..='⑳').contains(m) && ('①'..='⑳').contains(&marker)) {
            break;
        }
        group.push(text.as_str());
        j += 1;
    }
    let intro = if i > 0 { blocks[i - 1].text() } else { "" };
    let relevant = !kind_numbered || AGENDA_WORDS.iter().any(|w| intro.contains(w));
    let mut out = Vec::new();
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
    (out, j.max(i + 1))
}

/// A run of sub-points (`ㅇ`, `○`, `-`) from `blocks[i]` that are noun phrases, not sentences
/// (`ㅇ (디지털 인프라) 마을 와이파이 2,000곳 확충`), under an intro that names tasks or plans:
/// the items, each without its category label in parentheses, and where the run ends.
fn nominal_points(blocks: &[Block], i: usize) -> (Vec<String>, usize) {
    static LABEL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[(（\[][^)）\]]{1,20}[)）\]]\s*").unwrap());
    let Some(Block::Item { marker, .. }) = blocks.get(i) else { return (Vec::new(), i + 1) };
    let mut j = i;
    let mut items = Vec::new();
    while let Some(Block::Item { marker: m, text, .. }) = blocks.get(j) {
        let t = text.trim().trim_end_matches('.');
        if m != marker || t.ends_with('다') || t.ends_with("다.") || HAS_AMOUNT.is_match(t) {
            break;
        }
        items.extend(clean_item(&LABEL.replace(t, ""), false));
        j += 1;
    }
    let intro = if i > 0 { blocks[i - 1].text() } else { "" };
    if items.len() < 2 || !AGENDA_WORDS.iter().any(|w| intro.contains(w)) {
        return (Vec::new(), i + 1);
    }
    (items, j)
}

/// Agenda items in order, each once. `people` are those present, for naming speakers.
pub(crate) fn agenda(title: &str, blocks: &[Block], people: &[Attendee]) -> Vec<String> {
    let text: String = blocks.iter().map(|b| b.text()).collect::<Vec<_>>().join("\n");
    let mut out: Vec<String> = Vec::new();
    let mut prose =
        Prose { agreement_told: text.contains("협약") || text.contains("MOU"), ..Prose::default() };
    // An inline list of what an agreement provides (`협약에 따라 ▲A ▲B`): the signing heads it.
    let mut agreement_list = false;
    let mut i = 0;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Para(t) | Block::Item { text: t, .. } if inline_items(t).len() >= 2 => {
                out.extend(inline_items(t));
                let intro = t.split(INLINE_MARKS).next().unwrap_or("");
                agreement_list |=
                    ["협약에 따라", "협약을 통해", "협약으로", "협약에서"].iter().any(|w| intro.contains(w));
                i += 1;
            }
            Block::Para(t) => {
                // A paragraph's chain of parties' tasks ends with it.
                prose.tasks_before = false;
                prose.points.extend(ordinal_point(t));
                for s in sentences(t) {
                    prose.read(s, &text, people);
                }
                i += 1;
            }
            Block::Item { marker, .. }
                if *marker == '△' || *marker == '1' || ('①'..='⑳').contains(marker) =>
            {
                let (items, next) = marked_list(blocks, i, *marker);
                out.extend(items);
                i = next;
            }
            // Points that are noun phrases, two or more under an intro naming tasks: the actions.
            Block::Item { marker: 'ㅇ' | '○' | '◦' | '-', .. } if nominal_points(blocks, i).0.len() >= 2 =>
            {
                let (items, next) = nominal_points(blocks, i);
                prose.actions.extend(items);
                i = next;
            }
            // A press-release point is a paragraph too: what a meeting discussed is told in one.
            Block::Item { marker: '□' | '■' | '○' | 'ㅇ' | '◦', text: t, .. } => {
                prose.actions.extend(main_action(t));
                for s in sentences(t) {
                    prose.read(s, &text, people);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    // What a meeting discussed, or actions listed in prose, stand in only for a missing list.
    if out.is_empty() {
        out = prose.finish(title);
    } else if agreement_list {
        out = std::mem::take(&mut prose.agreements).into_iter().chain(out).collect();
    } else {
        // `국무회의에서 「…시행령」이 의결됐다` and then its `주요 내용은 ▲A ▲B`: the decision of a
        // named instrument heads the list. `추진 과제를 확정했다` before the tasks is the list
        // itself.
        let named = |d: &String| d.contains(['「', '『', '\'', '‘', '"', '“']);
        out = std::mem::take(&mut prose.decisions).into_iter().filter(named).chain(out).collect();
    }
    let mut seen = Vec::new();
    out.retain(|x| {
        let new = !seen.contains(x);
        seen.push(x.clone());
        new
    });
    // A bill named alone beside what was done with it (`제1회 추경안`, `제1회 추경안 심사`) says less.
    let all = out.clone();
    out.retain(|x| !all.iter().any(|y| y.strip_prefix(x.as_str()).is_some_and(|rest| rest.starts_with(' '))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comma_list_closed_by_etc_that_a_meeting_takes_up_is_its_agenda() {
        let b = para("한빛도와 나래당 간 당정협의회가 오늘 국회에서 열린다. / 이날 당정협의회에서는 국가산업단지 조성, 항공 정비 사업 유치, 남부내륙철도 조기 착공 등 핵심 현안 관련 건의 방안을 함께 모색한다. / 아울러 함양~울산 간 고속도로 건설, 국도 5호선 건설 등 주요 현안 과제와 내년에 필요한 국비 확보 방안도 논의하게 된다.");
        assert_eq!(
            agenda("", &b, &[]),
            vec![
                "국가산업단지 조성",
                "항공 정비 사업 유치",
                "남부내륙철도 조기 착공",
                "함양~울산 간 고속도로 건설",
                "국도 5호선 건설"
            ]
        );
        let b = para("협의회는 16일 정례회의를 개최했다. / 협의회에서는 보령~대전 고속국도 건설, 차세대 방사광가속기 구축 등 2개 현안에 대한 공동건의문을 채택했다.");
        assert_eq!(agenda("", &b, &[]), vec!["보령~대전 고속국도 건설", "차세대 방사광가속기 구축"]);
        // Names of one word each are who took part, not what was taken up; no meeting, no agenda.
        let b = para("간담회에서는 한빛대, 나래연구원, 한빛소재 등 참여 기관의 의견을 공유했다.");
        assert!(agenda("", &b, &[]).is_empty());
        let b = para("시는 도로 확장 사업, 공원 조성 사업 등 현안을 점검했다.");
        assert!(agenda("", &b, &[]).is_empty());
    }

    #[test]
    fn a_meetings_running_order_told_ahead_is_its_programme() {
        let b = para("이번 회의는 추진본부 구성원 100여명이 참석한 가운데 도하람 한빛시 총괄계획가의 추진본부에 대한 설명과 변지후 스마트도시과장의 시범도시에 대한 설명에 이어 핵심 서비스 선호도 조사 투표 등의 순으로 진행된다.");
        assert_eq!(
            agenda("", &b, &[]),
            vec!["추진본부에 대한 설명", "시범도시에 대한 설명", "핵심 서비스 선호도 조사 투표"]
        );
    }

    #[test]
    fn a_sittings_order_of_business_and_talks_listed_by_comma_are_agenda() {
        let b = vec![
            Block::Heading("의사일정".into()),
            Block::Item {
                level: 2,
                number: Some(1),
                marker: '1',
                text: "2024년도 디지털정책관 소관 예산안".into(),
            },
            Block::Item {
                level: 2,
                number: Some(2),
                marker: '1',
                text: "2024년도 주택정책실 소관 예산안".into(),
            },
        ];
        assert_eq!(
            agenda("", &b, &[]),
            vec!["2024년도 디지털정책관 소관 예산안", "2024년도 주택정책실 소관 예산안"]
        );
        let b = para("포럼에서는 민하율 본부장이 ‘AI 확산의 사회적 영향’, 석도윤 변호사가 ‘AI 법제화의 방향’을 주제로 발제를 맡았다.");
        assert_eq!(agenda("", &b, &[]), vec!["AI 확산의 사회적 영향", "AI 법제화의 방향"]);
    }

    #[test]
    fn a_marked_list_of_the_people_there_is_not_agenda_but_the_topics_after_it_are() {
        let b = para("설명회에는 △민하율 충남도 과장 △석도윤 천안시 팀장 등 20명이 참석했다. / 이들은 △드론 배송 실증 △충전소 설치 기준 등을 논의했다.");
        assert_eq!(agenda("", &b, &[]), vec!["드론 배송 실증", "충전소 설치 기준"]);
        let b = para("회의에는 △윤가람 원장 △채서진 대표가 자리했다.");
        assert!(agenda("", &b, &[]).is_empty());
    }

    #[test]
    fn an_inline_list_marked_with_open_triangles_is_agenda() {
        let b = para("시는 ▷AI 로봇 수도 건설 ▷바이오 클러스터 조성 등 핵심 사업을 예산에 반영하기 위한 전략을 점검했다.");
        assert_eq!(agenda("", &b, &[]), vec!["AI 로봇 수도 건설", "바이오 클러스터 조성"]);
    }

    #[test]
    fn bills_a_sitting_passed_without_quotes_are_its_agenda() {
        let b = para("구의회는 긴급 편성된 제1회 추경예산안과 기금운용계획 변경안을 상임위원회 심의를 거쳐 원안대로 의결했다.");
        assert_eq!(agenda("", &b, &[]), vec!["제1회 추경예산안", "기금운용계획 변경안"]);
        // Bills only spoken of are no decision.
        let b = para("구는 내년 예산안을 다음 달 제출할 계획이다.");
        assert!(agenda("", &b, &[]).is_empty());
    }

    #[test]
    fn a_sitting_before_its_session_and_another_councils_in_an_aside() {
        let b = para("군의회는 9일 제2차 본회의를 열고 7일간의 제88회 임시회를 마쳤다. / 의원들은 '군 공공와이파이 설치 조례안'을 원안 가결했다. / 한편 인근 옥천군의회는 12일부터 제301회 임시회를 연다.");
        assert_eq!(
            agenda("", &b, &[]),
            vec!["제88회 임시회 제2차 본회의", "군 공공와이파이 설치 조례안 원안 가결"]
        );
    }

    #[test]
    fn a_councils_sitting_its_bills_and_a_passive_of_dealt_with() {
        let b = para("구의회는 2일 제31회 임시회 제1차 본회의를 열었다. / 이날 '주차장 설치 조례안'과 '구 추가경정예산안' 등 안건 7건이 상정됐다. / 구청장은 'AI 민원 도우미'를 소개했다.");
        assert_eq!(
            agenda("", &b, &[]),
            vec!["제31회 임시회 제1차 본회의", "주차장 설치 조례안", "구 추가경정예산안"]
        );
        let b = para("이날 토론회에서는 전력 공동 구매 방식과 요금 감면 일정이 다뤄졌다.");
        assert_eq!(agenda("", &b, &[]), vec!["전력 공동 구매 방식", "요금 감면 일정"]);
        // Bills named where nothing tables them are not the sitting's agenda.
        assert!(agenda("", &para("'주차장 설치 조례안'은 지난해 부결됐다."), &[]).is_empty());
    }

    #[test]
    fn a_signing_at_a_named_agreement_ceremony_makes_it_the_programme() {
        let b = para("군은 5일 군청에서 '섬 돌봄 사업 협약식'을 가졌다. / 협약식에는 군수와 병원장이 참석해 협약서에 서명했다.");
        assert_eq!(agenda("", &b, &[]), vec!["섬 돌봄 사업 협약식"]);
    }

    #[test]
    fn an_audit_a_council_held_is_its_sitting() {
        let b = para("영동군의회 산업위원회는 19일 농정과와 건설과를 상대로 2026년도 행정사무감사를 벌였다. / 위원회는 24일 다른 부서를 상대로 감사를 이어간다.");
        assert_eq!(agenda("", &b, &[]), vec!["농정과·건설과 대상 2026년도 행정사무감사"]);
        assert_eq!(audit_held("위원회는 이날 군정질문을 열었다.").as_deref(), Some("군정질문"));
        assert!(audit_held("위원회는 내달 행정사무감사를 벌일 예정이다.").is_none());
    }

    #[test]
    fn what_an_agreement_provides_told_in_prose_is_its_agenda() {
        let b = para("시는 3일 한빛대와 '드론 산업 육성 업무협약'을 맺었다. / 두 기관은 협약에 따라 드론 조종 인력 양성과 관내 기업의 시험비행 지원, '드론 실증센터' 공동 운영에 협력한다.");
        assert_eq!(
            agenda("", &b, &[]),
            vec![
                "드론 산업 육성 업무협약 체결",
                "드론 조종 인력 양성",
                "관내 기업의 시험비행 지원",
                "'드론 실증센터' 공동 운영"
            ]
        );
        // Each party its own task, or money: not a list of joint tasks.
        assert!(
            agreement_tasks("협약에 따라 대학은 인력을 맡고, 시는 부지를 지원하는 데 협력한다.").is_empty()
        );
        assert!(agreement_tasks("협약에 따라 시는 부지 조성과 도로 개설에 120억원을 추진한다.").is_empty());
        assert!(agreement_tasks("협약에 따라 센터 구축에 협력한다.").is_empty());
    }

    #[test]
    fn each_partys_task_in_an_agreement_is_an_item_and_the_signing_sentence_is_not() {
        let b = para("군은 한빛물산, 가람건설 등과 이같은 내용을 담은 업무협약을 체결했다고 2일 밝혔다. / 협약에 따라 군은 물류센터 건립을 위한 인허가와 민원 처리, 지역 인력 채용 홍보를 지원한다. 한빛물산 등은 진입도로 개설 후 기부채납, 지역 업체 참여를 위해 노력한다.");
        assert_eq!(
            agenda("", &b, &[]),
            vec![
                "군: 물류센터 건립을 위한 인허가와 민원 처리",
                "군: 지역 인력 채용 홍보",
                "한빛물산 등: 진입도로 개설 후 기부채납",
                "한빛물산 등: 지역 업체 참여"
            ]
        );
        let b = para("강원도와 홍천군은 5일 '수소 충전소' 조성을 위한 투자협약을 체결했다. / 이를 위해 세 회사가 투자를 결정했다. 가온에너지는 자금 조달을, 나래건설(주)는 설계 및 시공을, 다솜가스는 충전소 운영을 각각 담당한다. 강원도와 홍천군은 충전소가 제때 문을 열 수 있도록 인허가 지원에 나설 방침이다.");
        assert_eq!(
            agenda("", &b, &[]),
            vec![
                "가온에너지: 자금 조달",
                "나래건설(주): 설계 및 시공",
                "다솜가스: 충전소 운영",
                "강원도·홍천군: 인허가 지원"
            ]
        );
        // Without an agreement in the story, a body's support is no agenda.
        assert!(agenda("", &para("군은 지역 업체 참여를 지원한다. / 가온에너지는 자금 조달을, 다솜가스는 운영을 각각 담당한다."), &[]).is_empty());
    }

    #[test]
    fn splits_inline_enumerations() {
        let b = vec![Block::Para(
            "위한 △AI플랫폼 확산 및 생태계 조성 △온디바이스 AI 확산 △AI 기업 양성 및 해외진출 지원 확대 등을 중점 추진해 나갈 계획이다."
                .to_string(),
        )];
        assert_eq!(
            agenda("", &b, &[]),
            vec!["AI플랫폼 확산 및 생태계 조성", "온디바이스 AI 확산", "AI 기업 양성 및 해외진출 지원 확대"]
        );
        let b = vec![Block::Para("①데이터 개방과 ②인재 양성을 추진한다.".to_string())];
        assert_eq!(agenda("", &b, &[]), vec!["데이터 개방", "인재 양성"]);
    }

    #[test]
    fn lists_that_are_not_agenda_are_left_out() {
        // Budget lines.
        let b =
            vec![Block::Para("△A 센터 구축 21억 △B 단지 조성 50억 △C 랩 운영 8억을 반영했다.".to_string())];
        assert!(agenda("", &b, &[]).is_empty());
        // Categories, new programmes, directions.
        let b = vec![Block::Para("△에너지 △자동차 △헬스케어 등 3개 분야를 중점으로 연구한다.".to_string())];
        assert!(agenda("", &b, &[]).is_empty());
        let b = vec![Block::Para("△AI 바우처 지원 △AI 생태계 기반 마련 사업이 신설됐다.".to_string())];
        assert!(agenda("", &b, &[]).is_empty());
        let b = vec![Block::Para("협의회의 기본방향은 ▲정책 제안 ▲기관 간 교류 등이다.".to_string())];
        assert!(agenda("", &b, &[]).is_empty());
        let b = vec![Block::Para("선정된 곳은 ▲한빛소재 ▲에코배터리 등이다.".to_string())];
        assert!(agenda("", &b, &[]).is_empty());
        // The contents of a plan or decree closed by the copula are its items.
        let b = vec![Block::Para("주요 내용은 ▲권한 이양 절차 마련 ▲평가위원회 구성 등이다.".to_string())];
        assert_eq!(agenda("", &b, &[]), vec!["권한 이양 절차 마련", "평가위원회 구성"]);
    }

    #[test]
    fn speeches_and_signings_are_the_programme() {
        let b = vec![Block::Para("이도현 경남지사는 축사를 통해 발전을 당부했다.".to_string())];
        assert_eq!(agenda("", &b, &[]), vec!["이도현 경남지사 축사"]);
        let b = vec![Block::Para("한전은 42개 기업과 에너지밸리 투자유치 협약을 체결했다.".to_string())];
        assert_eq!(agenda("", &b, &[]), vec!["에너지밸리 투자유치 협약 체결"]);
    }

    #[test]
    fn what_a_meeting_discussed_and_listed_actions_are_agenda() {
        let b =
            vec![Block::Para("차관이 간담회를 열어 대학 연구의 경쟁력 강화 방안 등을 논의했다.".to_string())];
        assert_eq!(agenda("", &b, &[]), vec!["대학 연구의 경쟁력 강화 방안"]);
        let b = vec![Block::Para(
            "정부는 2개 입지를 선정해 기업 성장 인프라 구축, 산학연 협력체계 형성, 인재 네트워크 활성화 등을 3년간 지원한다."
                .to_string(),
        )];
        assert_eq!(
            agenda("", &b, &[]),
            vec!["기업 성장 인프라 구축", "산학연 협력체계 형성", "인재 네트워크 활성화"]
        );
    }

    fn para(s: &str) -> Vec<Block> {
        s.split(" / ").map(|p| Block::Para(p.to_string())).collect()
    }

    #[test]
    fn what_was_discussed_at_a_named_event_is_its_programme() {
        // Passive: the subject, commas and all, is what was discussed; the event comes first.
        let b = para("군은 3일 '둘레길 조성 사업 중간보고회'를 열었다. / 이날 보고회에서는 노선 조정안과 안내판 설치 계획, 주민 참여 방식이 논의됐다.");
        assert_eq!(
            agenda("", &b, &[]),
            vec!["둘레길 조성 사업 중간보고회", "노선 조정안", "안내판 설치 계획", "주민 참여 방식"]
        );
        // Discussed at a meeting that is not a ceremony: the items alone.
        let b = para("위원회는 이날 회의에서 예산 집행 점검 결과가 검토됐다고 밝혔다.");
        assert_eq!(agenda("", &b, &[]), vec!["예산 집행 점검 결과"]);
    }

    #[test]
    fn a_ceremony_named_bare_takes_its_name_from_the_headline() {
        let people = [Attendee { name: "서하준".into(), role: "군수".into(), org: "고흥군".into() }];
        let b = para("군은 8일 서하준 고흥군수 등 100여 명이 참석한 가운데 준공식을 열었다. / 서 군수는 기념사에서 감사를 전했다.");
        assert_eq!(
            agenda("고흥군, 우주항공 교육관 준공…내년 개관", &b, &people),
            vec!["우주항공 교육관 준공식", "서하준 고흥군수 기념사"]
        );
        // Without a programme (no speech, nothing discussed) a ceremony is no agenda.
        let b = para("군은 8일 100여 명이 참석한 가운데 준공식을 열었다.");
        assert!(agenda("고흥군, 우주항공 교육관 준공…내년 개관", &b, &[]).is_empty());
    }

    #[test]
    fn quoted_main_projects_and_quoted_lists_are_agenda() {
        let b = para("올해 주요 사업은 '청년 창업 공간 조성 사업'이다. / 또 '스마트 경로당' 사업에 12억원을 쓴다. / '주민 소통' 행사도 연다.");
        assert_eq!(agenda("", &b, &[]), vec!["청년 창업 공간 조성 사업", "스마트 경로당 사업"]);
        // Without an intro naming them main projects, quoted programmes are just mentioned.
        assert!(agenda("", &para("시는 '청년 창업 공간 조성 사업'에 12억원을 쓴다."), &[]).is_empty());
        let b =
            para("특구에서는 ‘무인 배송 실증’, ‘원격 진료 시범’, ‘수소 버스 운행 등 3개 사업’을 진행한다.");
        assert_eq!(agenda("", &b, &[]), vec!["무인 배송 실증", "원격 진료 시범", "수소 버스 운행"]);
    }

    #[test]
    fn a_ceremony_programme_names_its_speakers_and_leaves_out_quotes() {
        let people = [Attendee { name: "최민호".into(), role: "시장".into(), org: String::new() }];
        let b = para(
            "세종 스마트시티 개소식이 3일 열려 최민호 신임 시장 등이 참석했다. / 최 시장은 기념사를 통해 \"시민과 함께 협약을 체결하고 싶다\"고 말했다.",
        );
        assert_eq!(agenda("", &b, &people), vec!["세종 스마트시티 개소식", "최민호 신임 시장 기념사"]);
        // A forum is a ceremony too; the name as first written, Latin words included.
        let people = [Attendee { name: "고은비".into(), role: "원장".into(), org: String::new() }];
        let b = para("'제2회 서해 수산 포럼'이 3일 열렸다. 고은비 KMI 원장이 참석했다. 고 원장은 개회사를 통해 환영했다.");
        assert_eq!(agenda("", &b, &people), vec!["제2회 서해 수산 포럼", "고은비 KMI 원장 개회사"]);
        // The agreement without its venue or partner; the title closing a word (`세종시장`).
        let people = [Attendee { name: "최민호".into(), role: "시장".into(), org: String::new() }];
        let b = para("시는 시청 대회의실에서 한빛전자와 스마트 물류 협약을 체결했다. / 최민호 세종시장 등이 참석했다. 최 시장은 축사를 통해 환영했다.");
        assert_eq!(agenda("", &b, &people), vec!["스마트 물류 협약 체결", "최민호 세종시장 축사"]);
        // An agreement signed earlier, mentioned in passing, is not on the programme.
        assert!(agenda("", &para("이미 협약을 체결한 12개 기업이 입주했다."), &[]).is_empty());
    }

    fn point(text: &str) -> Block {
        Block::Item { level: 0, number: None, marker: '□', text: text.to_string() }
    }

    #[test]
    fn press_release_points_give_their_closing_actions() {
        let b = vec![
            point("도는 올해 도시재생 사업에 국비 30억원을 투입한다고 밝혔다."),
            point("이를 위해 도는 주민 의견을 반영해 5개 거점 지구를 선정했다."),
            point("또한 주민 참여를 높이기 위해 공모 절차를 간소화하였다."),
            point("특히 청년 창업가의 입주를 돕는다."),
        ];
        assert_eq!(agenda("", &b, &[]), vec!["5개 거점 지구 선정", "공모 절차 간소화"]);
        // A point that tells of a meeting gives what it discussed.
        // One action alone is not a list of them.
        assert!(agenda("", &b[..2], &[]).is_empty());
        let met = [point("부는 18일 점검 회의를 열어 폭염 대비 현장 점검과 취약계층 보호 대책을 논의했다.")];
        assert_eq!(agenda("", &met, &[]), vec!["폭염 대비 현장 점검", "취약계층 보호 대책"]);
    }

    #[test]
    fn what_a_meeting_held_proposed_is_agenda_and_a_bare_request_is_not() {
        let b = para("군은 2일 주민협의회를 열고 마을버스 노선 증설 방안을 군에 건의했다.");
        assert_eq!(agenda("", &b, &[]), vec!["마을버스 노선 증설 방안"]);
        assert!(agenda("", &para("주민들은 마을버스 노선 증설 방안을 군에 건의했다."), &[]).is_empty());
        // Told after the meeting: `이 자리에서`.
        let b = para("군의회는 간담회를 열고 의견을 들었다. / 주민들은 이 자리에서 노선 증설과 정류장 이전을 건의했다.");
        assert_eq!(agenda("", &b, &[]), vec!["노선 증설", "정류장 이전"]);
    }

    #[test]
    fn paragraphs_opening_with_ordinals_are_the_points_of_a_briefing() {
        let b = para(
            "올해 업무계획을 말씀드리겠습니다. / 먼저 농촌 의료 접근성 개선입니다. / 두 번째, 자료 3쪽입니다. 청년 귀농 확대를 위해서는 정착 자금을 늘리겠습니다.",
        );
        assert_eq!(agenda("", &b, &[]), vec!["농촌 의료 접근성 개선", "청년 귀농 확대"]);
        // One paragraph opening with `먼저` is not an enumeration.
        assert!(agenda("", &para("먼저 시는 청년 창업을 위해 공간을 연다."), &[]).is_empty());
    }

    #[test]
    fn what_followed_at_a_named_event_is_its_programme() {
        let b = para("구는 7일 '스마트 돌봄센터' 개소식을 열었다. / 이날 개소식에서는 현판 제막과 시설 견학이 이어졌다.");
        assert_eq!(agenda("", &b, &[]), vec!["스마트 돌봄센터 개소식", "현판 제막", "시설 견학"]);
        let b = para("군은 2일 '청년 마을 발대식'을 가졌다. / 행사는 경과 보고와 감사패 전달, 기념 촬영 순으로 진행됐다.");
        assert_eq!(agenda("", &b, &[]), vec!["청년 마을 발대식", "경과 보고", "감사패 전달", "기념 촬영"]);
        // A clause closed before the run is not in it; what follows without an event is nothing.
        let b = para("이날 본회의에서는 '주차 조례안'이 상정됐고, 시정 질문이 이어졌다.");
        assert_eq!(agenda("", &b, &[]), vec!["주차 조례안", "시정 질문"]);
        assert!(agenda("", &para("설명회 뒤 주민들의 문의가 이어졌다."), &[]).is_empty());
    }

    #[test]
    fn a_quoted_meeting_held_and_what_it_decided() {
        let b = para("도는 10일 '제2차 물관리 위원회'를 열고 「하천 정비 5개년 계획」을 의결했다.");
        assert_eq!(agenda("", &b, &[]), vec!["제2차 물관리 위원회", "「하천 정비 5개년 계획」 의결"]);
        // A committee named without being held decides nothing here.
        assert!(agenda("", &para("'물관리 위원회'는 지난해 계획을 의결했다."), &[]).is_empty());
    }

    #[test]
    fn short_parts_of_a_programme_run_are_kept() {
        let b = para("개소식은 경과보고와 축사, 테이프 커팅 순으로 진행됐다.");
        assert_eq!(agenda("", &b, &[]), vec!["경과보고", "축사", "테이프 커팅"]);
        // Outside a programme a two-letter word is still too short to be an item.
        let b = para("이날 간담회에서는 예산과 인력 충원 방안이 논의됐다.");
        assert_eq!(agenda("", &b, &[]), vec!["인력 충원 방안"]);
    }

    #[test]
    fn what_was_discussed_after_meeting_someone_starts_after_the_meeting() {
        let b = para("도지사가 항만업계 대표들과 만나 물동량 회복 대책을 논의했다.");
        assert_eq!(agenda("", &b, &[]), vec!["물동량 회복 대책"]);
    }

    #[test]
    fn what_a_sitting_decided_on_each_quoted_bill() {
        let b = para("위원회는 이날 '청년 주거 지원 조례안'을 원안 가결하고, '옥외광고물 관리 조례 일부개정조례안'은 보류했다.");
        assert_eq!(
            agenda("", &b, &[]),
            vec!["청년 주거 지원 조례안 원안 가결", "옥외광고물 관리 조례 일부개정조례안 보류"]
        );
        // Reviewed at a sitting: the bill itself.
        let b =
            para("복지위원회는 3일 제88회 정례회 제1차 회의를 열고 '노인 일자리 조례안' 등 4건을 심사했다.");
        assert_eq!(agenda("", &b, &[]), vec!["제88회 정례회 제1차 회의", "노인 일자리 조례안"]);
        // A bill that passed long ago, not quoted as decided here, is none.
        assert!(agenda("", &para("'주차 조례안'의 가결 이후 민원이 줄었다."), &[]).is_empty());
    }

    #[test]
    fn a_point_that_introduces_the_list_is_no_action() {
        let b = vec![
            point("구는 올해 다음 과제를 추진한다."),
            point("구는 상반기 중 주민 협의체를 구성한다."),
            point("또한 골목 상권 지도를 제작한다."),
        ];
        let got = agenda("", &b, &[]);
        assert!(!got.iter().any(|x| x.contains("과제")), "{got:?}");
        assert!(got.iter().any(|x| x.contains("주민 협의체")), "{got:?}");
    }

    fn sub(text: &str) -> Block {
        Block::Item { level: 1, number: None, marker: 'ㅇ', text: text.to_string() }
    }

    #[test]
    fn sub_points_that_are_noun_phrases_under_a_tasks_intro_are_actions() {
        let b = vec![
            point("시의 올해 중점 과제는 다음과 같다."),
            sub("(교통) 마을버스 노선 개편"),
            sub("(복지) 경로당 냉방비 지원"),
            sub("(안전) 통학로 CCTV 확충"),
        ];
        assert_eq!(agenda("", &b, &[]), vec!["마을버스 노선 개편", "경로당 냉방비 지원", "통학로 CCTV 확충"]);
        // Under an intro that names no tasks, or with amounts, they are not agenda.
        let b =
            vec![point("시는 지난해 성과를 소개했다."), sub("마을버스 노선 개편"), sub("경로당 냉방비 지원")];
        assert!(agenda("", &b, &[]).is_empty());
        let b = vec![point("과제별 예산은 다음과 같다."), sub("교통 20억원"), sub("복지 15억원")];
        assert!(agenda("", &b, &[]).is_empty());
    }

    #[test]
    fn sub_points_under_an_intro_naming_the_programmes_contents_are_actions() {
        let b = vec![
            point("주요 사업 내용은 다음과 같다."),
            sub("경로당 300곳에 원격 측정기기 보급"),
            sub("홀몸 어르신 말벗 서비스 운영"),
        ];
        assert_eq!(
            agenda("", &b, &[]),
            vec!["경로당 300곳에 원격 측정기기 보급", "홀몸 어르신 말벗 서비스 운영"]
        );
        let b = vec![point("협약 내용은 아래와 같다."), sub("방문 진료 연계"), sub("응급 이송 지원")];
        assert_eq!(agenda("", &b, &[]), vec!["방문 진료 연계", "응급 이송 지원"]);
    }

    #[test]
    fn what_a_meeting_passed_told_in_the_passive_or_with_its_amount() {
        let b = para("부는 2일 국무회의에서 「섬 지원 특별법 시행령」 제정안이 의결됐다고 밝혔다.");
        assert_eq!(agenda("", &b, &[]), vec!["「섬 지원 특별법 시행령」 제정안 의결"]);
        let b = para("도의회는 제41회 정례회 제3차 본회의를 열고 2027년도 예산안 8조1,000억원을 의결했다. / 이날 본회의에서는 '드론 산업 조례안'과 '섬 발전 조례안'도 함께 가결됐다.");
        assert_eq!(
            agenda("", &b, &[]),
            vec!["제41회 정례회 제3차 본회의", "2027년도 예산안 의결", "드론 산업 조례안", "섬 발전 조례안"]
        );
        // The decision heads the list of what the decree provides.
        let b = para("부는 국무회의에서 「섬 지원법 시행령」 제정안이 의결됐다고 밝혔다. / 주요 내용은 ▲권한 이양 ▲평가단 구성 등이다.");
        assert_eq!(agenda("", &b, &[]), vec!["「섬 지원법 시행령」 제정안 의결", "권한 이양", "평가단 구성"]);
        // A decision whose object is the list's kind (`추진 과제를 확정했다`) is the list itself.
        let b = vec![
            Block::Para("위원회는 5일 전체회의를 열어 추진 과제를 확정했다.".to_string()),
            Block::Para("과제는 다음과 같다.".to_string()),
            Block::Item { level: 0, number: Some(1), marker: '1', text: "서류 없는 민원".to_string() },
            Block::Item { level: 0, number: Some(2), marker: '1', text: "공공 상담 도입".to_string() },
        ];
        assert_eq!(agenda("", &b, &[]), vec!["서류 없는 민원", "공공 상담 도입"]);
        // Passed elsewhere, told with no meeting: nothing read.
        assert!(agenda("", &para("이 법안은 지난달 의결됐다."), &[]).is_empty());
    }

    #[test]
    fn an_agreements_partners_and_size_are_not_its_name() {
        let b = para("시는 소재 기업 2곳과 3200억원 규모의 투자협약을 맺었다. / 시는 누리소재, 경북도와 함께 투자협약식을 가졌다.");
        assert_eq!(agenda("포항시, 소재 2개사와 3200억 투자협약", &b, &[]), vec!["투자협약식"]);
        let b = para("시는 소재 기업 2곳과 3200억원 규모의 투자협약을 체결했다.");
        assert!(agenda("", &b, &[]).is_empty(), "{:?}", agenda("", &b, &[]));
    }

    #[test]
    fn a_lead_summing_up_what_the_story_lists_as_discussed_adds_no_item() {
        let b = para("차관이 해운 3사 대표들과 만나 항만 물류 대응 방안을 논의했다. / 이날 간담회에서는 운임 안정 방안, 선복 확보, 항만 자동화 투자가 논의됐다.");
        assert_eq!(agenda("", &b, &[]), vec!["운임 안정 방안", "선복 확보", "항만 자동화 투자"]);
        // Requests made there are no detail of the discussion: the lead's item stays.
        let b = para("위원회는 간담회를 열고 주차난 해소 방안을 논의했다. / 주민들은 이 자리에서 주차장 확충과 단속 강화를 건의했다.");
        assert_eq!(agenda("", &b, &[]), vec!["주차난 해소 방안", "주차장 확충", "단속 강화"]);
    }

    #[test]
    fn a_seminars_talks_and_what_came_next_are_its_programme() {
        let b = para("두 의원은 국회에서 '데이터 댐 점검' 토론회를 공동 주최했다. / 하 본부장이 '공공 데이터 개방'을, 편 교수가 '지역 활용 사례'를 각각 발제했고, 이어 종합토론이 진행됐다.");
        assert_eq!(
            agenda("", &b, &[]),
            vec!["데이터 댐 점검 토론회", "공공 데이터 개방", "지역 활용 사례", "종합토론"]
        );
        // A topic quoted where no talk is given is not a programme; nor is `이어` in passing.
        assert!(agenda("", &para("시는 '공공 데이터 개방'을 추진한다."), &[]).is_empty());
        assert!(agenda("", &para("이어 비판이 이어졌다."), &[]).is_empty());
    }

    #[test]
    fn an_agreement_made_with_matda_is_the_programme() {
        let b = para("군은 지역 농협과 로컬푸드 공급 협약을 맺었다.");
        assert_eq!(agenda("", &b, &[]), vec!["로컬푸드 공급 협약"]);
        // Made before another event (`개막식에 앞서`): the agreement has no words of its own.
        assert!(agenda("", &para("두 군은 개막식에 앞서 업무협약을 맺었다."), &[]).is_empty());
    }

    #[test]
    fn an_agreements_list_follows_its_signing_and_a_closing_verb_is_cut() {
        let b = para("군은 '섬 돌봄 업무협약'을 체결했다. / 두 기관은 협약에 따라 ▲방문 진료 ▲약 배달 서비스 운영에 협력한다.");
        assert_eq!(agenda("", &b, &[]), vec!["섬 돌봄 업무협약 체결", "방문 진료", "약 배달 서비스 운영"]);
        // A list that is no agreement's stands alone.
        let b =
            para("군은 '섬 돌봄 업무협약'을 체결했다. / 올해 중점 과제로 ▲방문 진료 ▲약 배달 등을 추진한다.");
        assert_eq!(agenda("", &b, &[]), vec!["방문 진료", "약 배달"]);
    }

    #[test]
    fn what_a_meeting_changed_the_same_day_is_agenda() {
        let b = para("위원회는 2일 제5차 회의를 열고 구가 제출한 제1회 추경안을 심사해 원안대로 의결했다. / 위원회는 이날 도로 정비 예산 3억원을 삭감하고, 경로당 냉방비 2억원을 새로 반영했다.");
        assert_eq!(
            agenda("", &b, &[]),
            vec!["제1회 추경안 심사", "도로 정비 예산 3억원 삭감", "경로당 냉방비 2억원 반영"]
        );
        // Changes told without a meeting held are not its agenda.
        assert!(agenda("", &para("구는 이날 도로 정비 예산 3억원을 삭감했다."), &[]).is_empty());
    }

    #[test]
    fn a_keynote_and_the_afternoons_sessions_are_the_programme() {
        let b = para("'제2회 동해 해양 포럼'이 3일 열렸다. / 이어 반다온 해양연구소 소장이 '바다 데이터의 미래'를 주제로 기조연설을 했고, 오후에는 어장 지도 발표와 항만 안전 토론이 이어졌다.");
        assert_eq!(
            agenda("", &b, &[]),
            vec![
                "제2회 동해 해양 포럼",
                "반다온 해양연구소 소장 기조연설",
                "어장 지도 발표",
                "항만 안전 토론"
            ]
        );
        // Without sessions, what went on in the afternoon is no programme.
        assert!(agenda("", &para("오후에는 시민들의 항의가 이어졌다."), &[]).is_empty());
    }
}
