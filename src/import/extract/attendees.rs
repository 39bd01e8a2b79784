//! Attendees: people who attended, hosted or spoke, with role and organisation, from the patterns
//! Korean writing uses: `두산로보틱스 류정훈 대표`, `이종호 장관`, `이종호 과기정통부 장관`,
//! `과학기술정보통신부(장관 이종호)`, `대표 류정훈`, `배경훈 부총리 겸 과학기술정보통신부 장관`.
//! The reporter and people quoted only from elsewhere (an interview, a past statement) are not
//! attendees.

use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::super::rules::{Compiled, PUNCT_END};
use crate::brief::frontmatter::Attendee;

const SURNAMES: &str = "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예봉복태목형계피두감빈온호범좌팽승상";
const DOUBLE_SURNAMES: &[&str] = &["남궁", "황보", "제갈", "선우", "독고", "동방", "사공", "서문"];

/// Words that look like names but are not (a surname syllable followed by one or two more).
const NOT_NAMES: &[&str] = &[
    // Parties that start with a surname's syllable: a member's party, never his name.
    "국민의힘",
    "국민의당",
    "민주당",
    "정의당",
    "진보당",
    "한나라당",
    "정부",
    "국회",
    "기업",
    "이날",
    // Nouns in -화 that start with a surname's syllable (`정보화 촉진협의회 위원`): what a
    // body is for, never who sits on it.
    "정보화",
    "정상화",
    "고도화",
    "표준화",
    "현대화",
    "공동화",
    "지능화",
    "선진화",
    "전문화",
    "전산화",
    "차별화",
    "구체화",
    "최적화",
    "안정화",
    // `민선 8기`: a term of elected heads.
    "민선",
    // `같은 당 소속 홍길동 의원`: affiliation, before the name.
    "소속",
    // `최하람 장관 주재로`: the chairing, after the title.
    "주재",
    "이번",
    "이어",
    "한편",
    "전국",
    "지역",
    "지방",
    "정책",
    "한국",
    "국내",
    "주요",
    "공동",
    "현직",
    "신임",
    "초대",
    "전임",
    "전직",
    "민간",
    "산업",
    "최근",
    "현재",
    "이사",
    "고문",
    "우리",
    "조직",
    "연구",
    "기관",
    "대학",
    "지원",
    "관계자",
    "위원",
    "부처",
    "도내",
    "시내",
    "이후",
    "향후",
    "오늘",
    "내일",
    "당시",
    "이상",
    "이하",
    "기존",
    "각계",
    "인사",
    "대상",
    "참석자",
    "발표자",
    "진행",
    "강연",
    "전문",
    "부문",
    "사업",
    "업계",
    "유관",
    "소관",
    "조합",
    "노조",
    "관련",
    "임원",
    "직원",
    "전략",
    "이어서",
    // Common words led by a surname's letter: a firm, an adjective, a kind of partnership.
    "현대",
    "국제",
    "국가",
    "공공",
    "민관",
    "구글",
    "백악관",
    "구성",
    // Words led by 상, a rare surname's letter.
    "상임",
    "상근",
    "상반기",
    "상호",
    "상생",
    "상황",
    "상대",
    "상당",
    "상위",
    "상설",
    "상시",
    "상담",
    "상인",
    "상가",
    "상품",
    "상공인",
    "상의",
    "상장",
    // Items of a ceremony's programme: `▲김하람 의장 기념사`.
    "기념사",
    "축사",
    "환영사",
    "개회사",
    "폐회사",
    "격려사",
    "대회사",
    "치사",
    "인사말",
    "경과보고",
];

/// Words that are not part of an organisation name.
const NOT_ORG: &[&str] = &[
    // `총출동한 가운데 한빛 도지사가`: the clause's end, not a body.
    "가운데",
    "비롯",
    "비롯해",
    "올해",
    "이날",
    "지난",
    "당시",
    "또",
    "또한",
    "특히",
    "이어",
    "한편",
    "그리고",
    "및",
    "등",
    "현재",
    "최근",
    "前",
    "전",
    "현",
    "신임",
    "새",
    "초대",
    "각",
    "이번",
    "해당",
    "같은",
    "관련",
    "대표",
    "기업",
    "회사",
    "업체",
    "정부",
    "민간",
    "국내",
    "해외",
    "글로벌",
    "주요",
    "현직",
    "공동",
    "직무대행",
    "측",
    "겸",
    "중",
    "관계자",
    "이",
    "그",
    "저",
    "이후",
    "앞서",
    "또한",
    "아울러",
    "먼저",
    "우선",
    "다음",
    "마지막으로",
    "한",
    "첫",
    "두",
    "세",
    "여러",
    "다양한",
    "분야",
    "분야별",
    "업계",
    "대해",
    "위해",
    "통해",
    "함께",
    "모두",
];

/// Endings that make a word a verb form or a noun with a particle: the organisation ends there.
const NOT_ORG_ENDINGS: &[&str] = &[
    "은", "는", "을", "를", "의", "에", "와", "과", "도", "로", "서", "며", "고", "한", "된", "던", "할",
    "해", "게", "다", "면", "인", "가", "이", "등", "들", "이신", "되신", "하신",
];

/// Sentences that report a statement made elsewhere.
const ELSEWHERE: &[&str] = &[
    "인터뷰",
    "외신",
    "보도에 따르면",
    "SNS",
    "페이스북",
    "저서",
    "기고",
    "칼럼",
    "앞서",
    "지난해",
    "지난달",
    "과거",
    "성명을 통해",
    "보도자료를 통해",
];

static PAREN_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([가-힣A-Za-z0-9]+)\s*\(\s*([가-힣A-Z]+(?:\s+[가-힣]+)?)\s+([가-힣]{2,4})\s*(?:[,)])")
        .unwrap()
});
/// Words that say the people of a sentence are at the event: they attend, chair, open, sign,
/// speak (a video message counts; so does a keynote), brief, or visit and meet (`…를 찾아`,
/// `면담`, `접견`, opening remarks: the host of a meeting told by verbs), or share the place
/// (`함께 했다`, `자리를 빛냈다`). `참여했` alone is also taking
/// part in a programme (`이 사업에는 … 참여했다`): only with an event it is presence. The
/// people an event is said to have (`회의에는 A 장관, B 장관 …`) are there even where the page
/// cuts the sentence before its verb.
static PRESENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)[가-힣]*(?:회의|행사|간담회|협약식|토론회|포럼|세미나|설명회|기념식|출범식|개소식|착공식|준공식|기공식|보고회)에는\s|참석|출석|참여한 가운데|(?:토론|패널|행사|회의|포럼|세미나|좌담회|간담회|설명회|시상식)에는.*참여했|키노트|공동 주최했|주최했|주최한|좌장|사회를 맡|발제|주제발표|토론자로|자리를 함께|함께\s?했|함께\s?자리|자리를 빛냈|자리를 빛내|자리했|한자리에|모여|방문해|방문했|찾았|만났|만나\s|주재|개최|열린|열어|열고|열었|체결|서명했|협약식|출범식|간담회|축사|인사말|환영사|개회사|기념사|출범사|기조\s?연설|토론했|현판|수여|브리핑|자유발언|발언에 나선|(?:대해|대한)\s?발언|발언했|발언하며|질의에 나선|질의했|질의하며|답변은|답변을|답변했|안녕하십니까|입니다\s*$|모두\s?발언|찾아\s|찾아가|찾아갔|면담|접견|예방했|회동|둘러보|둘러봤|시찰|참관|동행|배석|환담|기념\s?촬영|사회로|사회를 보|서명하고|(?:기념식|개소식|개막식|준공식|착공식|발대식|선포식|토론회|공청회|워크숍|포럼|세미나|설명회|총회|협약식|행사|차담회|기자회견|보고회|발표회)(?:장)?에서").unwrap()
});
/// Words that say they are not: a written message, an interview (`한빛 군수를 집무실에서 만났다`:
/// the reporter met him), a nomination, a future event,
/// an earlier one (`올해 2월`, `6월에는`, `그간`; a month with its day, `5월 20일`, is the date of
/// the event told).
static ABSENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"서면|인터뷰|전화|추천|다음\s?달|내달|예정|참석한다|참석할|참석하게|일정이\s?잡혀|그간|역임|^[가-힣]{2,4}\s+\S+(?:을|를)\s(?:\S+\s){0,3}만났|\d{1,2}월(?:에는|에|\s+[^\d\s])|못해|못했|못한|불참",
    )
    .unwrap()
});
static ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"([가-힣A-Za-z0-9]+)\s*\([^()]*?이하\s*['‘"“]?([가-힣A-Za-z0-9][가-힣A-Za-z0-9-]*)['’"”]?\s*\)"#,
    )
    .unwrap()
});

/// Whether a word reads as a Korean personal name: two or three syllables led by a surname (four
/// with a double surname: `남궁하람`), and not a common word that starts like one. Four syllables
/// after a one-syllable surname are far more often a compound word (`용역수행 연구원`).
pub(crate) fn is_person_name(token: &str) -> bool {
    let n = token.chars().count();
    if !(2..=4).contains(&n) || !token.chars().all(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c)) {
        return false;
    }
    let first = token.chars().next().unwrap_or(' ');
    let double = DOUBLE_SURNAMES.iter().any(|d| token.starts_with(d) && n >= 3);
    // `국가적 대사`, `역사적 순간`: a word made with -적 is an adjective, not a name.
    let adjective = n == 3 && token.ends_with('적');
    // `위원위촉식`: a ceremony's word after a title is the event, not a person.
    let event = super::context::CEREMONIES.contains(&token);
    (double || SURNAMES.contains(first) && n <= 3) && !NOT_NAMES.contains(&token) && !adjective && !event
}

fn clean_token(t: &str) -> &str {
    t.trim_matches(|c: char| PUNCT_END.contains(&c) || matches!(c, '(' | '‘' | '“' | '[' | '「'))
}

/// A place, alone or with its ending (`전남`, `전남도`, `충주시`): an organisation, never a name.
fn is_place_word(token: &str, rules: &Compiled) -> bool {
    rules.regions.iter().any(|r| {
        token
            .strip_prefix(r.spelling.as_str())
            // `전북대`, `경북대`: a place's university.
            .is_some_and(|rest| ["", "도", "시", "군", "구", "대"].contains(&rest))
    })
}

fn name_like(token: &str, rules: &Compiled) -> bool {
    if token.ends_with(PUNCT_END) || token.starts_with(['(', '‘', '“', '"', '[']) {
        return false;
    }
    let n = token.chars().count();
    if !(2..=4).contains(&n) || !token.chars().all(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c)) {
        return false;
    }
    // `지원은`: a common word with a particle, not a name.
    let stem = ["은", "는", "이", "가", "을", "를", "의", "도", "와", "과"]
        .iter()
        .find_map(|p| token.strip_suffix(p))
        .unwrap_or(token);
    let surname = is_person_name(token) || is_person_name(stem);
    // `호텔에서`: a word with a particle of place; `제조기업`: a kind of organisation.
    let place_particle = ["에서", "에게", "으로"].iter().any(|p| token.ends_with(p));
    let org_noun = ["기업", "업체", "기관", "단체"].iter().any(|e| stem.ends_with(e));
    surname
        && !place_particle
        && !org_noun
        && !NOT_NAMES.contains(&token)
        && !NOT_NAMES.contains(&stem)
        && !is_place_word(token, rules)
        && !rules.ministries.iter().any(|m| m == token)
        && !rules.org_aliases.contains_key(token)
        // `위원회`: the generic name of a kind of body.
        && !rules.org_suffixes.iter().any(|s| s == token || s == stem)
        && rules.role_of_token(token).is_none()
        && !is_modifier(token)
}

/// Whether a word can be part of an organisation name. `adjacent` words (right next to the name)
/// may be any noun; words further out need an organisation ending or to be a known name.
fn org_like(token: &str, adjacent: bool, rules: &Compiled, aliases: &BTreeMap<String, String>) -> bool {
    if token.is_empty() || token.ends_with([',', '.', '·', ')', '”', '’', '"', ':']) {
        return false;
    }
    // `기획예산과장 탁서윤 기획예산과장`: a title in one word is no organisation either.
    if NOT_ORG.contains(&token)
        || rules.role_of_token(token).is_some()
        || compound_title(token, rules).is_some()
    {
        return false;
    }
    // `20일 류도윤 차관`: a date before the name is not its organisation.
    let date_word = token.starts_with(|c: char| c.is_ascii_digit())
        && token
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .chars()
            .next()
            .is_some_and(|c| "년월일".contains(c));
    if date_word {
        return false;
    }
    let known = aliases.contains_key(token)
        || rules.org_aliases.contains_key(token)
        || is_place_word(token, rules)
        || rules.ministries.iter().any(|m| m == token);
    if known {
        return true;
    }
    let ascii_led = token.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    if ascii_led {
        return true;
    }
    if !token.chars().all(|c| c.is_alphanumeric() || c == '&') {
        return false;
    }
    // A university's department (`로봇공학과`, `경영학과`) ends in `과` as a conjunction does.
    let department = token.ends_with("학과") && token.chars().count() >= 3;
    if NOT_ORG_ENDINGS.iter().any(|e| token.ends_with(e)) && !department && !vowel_led_i(token) {
        return false;
    }
    adjacent || rules.org_suffixes.iter().any(|s| token.ends_with(s.as_str()))
}

/// `코오롱엘에스아이`: a word ending in `이` after a syllable with no final consonant; the
/// subject particle `이` follows only a final consonant (else `가`), so this `이` is the name's.
fn vowel_led_i(token: &str) -> bool {
    let mut rev = token.chars().rev();
    let (Some('이'), Some(before)) = (rev.next(), rev.next()) else { return false };
    ('가'..='힣').contains(&before) && (before as u32 - 0xAC00) % 28 == 0 && token.chars().count() >= 4
}

/// The organisation written just before `end` (exclusive), up to three words.
fn org_before(
    tokens: &[&str],
    end: usize,
    rules: &Compiled,
    aliases: &BTreeMap<String, String>,
) -> Option<String> {
    let start = org_start(tokens, end, rules, aliases);
    (start < end).then(|| canonical(&tokens[start..end].join(" "), rules, aliases))
}

/// Where the organisation written just before `end` starts: up to three organisation-like
/// words, stopping at a name (`end` itself when there is none).
fn org_start(tokens: &[&str], end: usize, rules: &Compiled, aliases: &BTreeMap<String, String>) -> usize {
    let mut start = end;
    while start > 0
        && end - start < 3
        && !(start < end && name_like(tokens[start - 1], rules))
        && org_like(tokens[start - 1], start == end, rules, aliases)
    {
        start -= 1;
    }
    start
}

fn canonical(org: &str, rules: &Compiled, aliases: &BTreeMap<String, String>) -> String {
    let org = clean_token(org);
    aliases.get(org).cloned().unwrap_or_else(|| rules.canonical_org(org))
}

/// The ministry named earliest in the sentence before `end`.
fn ministry_before(
    tokens: &[&str],
    end: usize,
    rules: &Compiled,
    aliases: &BTreeMap<String, String>,
) -> Option<String> {
    tokens[..end].iter().find_map(|t| {
        let full = canonical(strip_particles(t), rules, aliases);
        rules.ministries.iter().find(|m| **m == full).cloned()
    })
}

fn strip_particles(t: &str) -> &str {
    super::super::rules::without_particle(clean_token(t))
}

/// `울산시장` → (`시장`, `울산시`); `경상남도지사` → (`도지사`, `경상남도`). `시장` alone is left
/// out of the job titles: it is far more often "the market".
fn local_head(token: &str, rules: &Compiled) -> Option<(String, String)> {
    let token = clean_token(token);
    for spelling in rules.regions.iter().map(|r| &r.spelling) {
        let Some(rest) = token.strip_prefix(spelling.as_str()) else {
            continue;
        };
        for (head, suffix) in [
            ("부시장", "시"),
            // A special city (`창원특례시장`) is a city.
            ("특례시장", "시"),
            ("시장", "시"),
            ("도지사", "도"),
            ("지사", "도"),
            ("군수", "군"),
            ("구청장", "구"),
            ("교육감", "교육청"),
        ] {
            // `경주시장` where the gazetteer spells only `경주시`: the suffix is the head's first letter.
            let glued = head.strip_prefix(suffix).filter(|_| spelling.ends_with(suffix));
            let Some(particle) = rest.strip_prefix(head).or_else(|| glued.and_then(|h| rest.strip_prefix(h)))
            else {
                continue;
            };
            if particle.is_empty() || super::super::rules::is_particle(particle) {
                let org =
                    if spelling.ends_with(suffix) { spelling.clone() } else { format!("{spelling}{suffix}") };
                return Some((head.to_string(), org));
            }
        }
    }
    None
}

/// `위원회` alone: the full name the article gave earlier (`디지털플랫폼정부위원회`).
fn resolve_generic(org: String, sentences: &[&str], rules: &Compiled) -> String {
    if org.contains(' ') || !rules.org_suffixes.contains(&org) {
        return org;
    }
    sentences
        .iter()
        .flat_map(|s| s.split_whitespace())
        .map(strip_particles)
        .find(|t| t.ends_with(org.as_str()) && t.chars().count() > org.chars().count())
        .map(str::to_string)
        .unwrap_or(org)
}

/// Words that may stand between a name and its title.
const MODIFIERS: &[&str] = &["초대", "신임", "현", "전", "전반기", "후반기"];

/// Whether a word says which holder of a title someone is: `초대`, `현`, a term (`제3대`,
/// `2기`) or its half (`전반기`).
fn is_modifier(token: &str) -> bool {
    static TERM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^제?\d{1,2}(?:대|기)$").unwrap());
    MODIFIERS.contains(&token) || TERM.is_match(token)
}

/// Whether a sentence places its people at the event described. One that opens on `이날` (the
/// event's day) and has someone speak (`이날 한빛 차관은 "…"고 말했다`) tells what was said there.
fn is_present(s: &str) -> bool {
    // `지난달 30일`: a day of last month is the date of the event told, as `5월 20일` is.
    static LAST_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"지난달\s?\d{1,2}일").unwrap());
    static SAID: LazyLock<Regex> = LazyLock::new(|| {
        // `"…"이라면서`, `"…"라며`: a quotation closed as speech, where the page may cut the verb;
        // `이날 한빛 시장은 "…`: a quotation the page cut before it closed.
        Regex::new(
            r#"(?:말했|밝혔|덧붙였|전했|(?:강조|당부|설명)\s?(?:했|하였))(?:다|으며|고)|["”’]\s?(?:이)?라\s?(?:며|면서)|[은는]\s?["“][^"”]{10,}$"#,
        )
        .unwrap()
    });
    let s = LAST_MONTH_DAY.replace_all(s, "");
    let said_that_day = s.starts_with("이날 ") && SAID.is_match(&s);
    // What is quoted is what was said (`"지난해까지 …"`, `"… 예정"`), not where the speaker is.
    let outside = outside_quotations(&s);
    (PRESENT.is_match(&s) || HEARING.is_match(&s) || said_that_day)
        && !ABSENT.is_match(&outside)
        && !ELSEWHERE.iter().any(|w| outside.contains(w))
}

/// A sentence with its quotations left out.
fn outside_quotations(s: &str) -> String {
    let quoted = super::context::quotations(s);
    s.char_indices().filter(|(i, _)| !quoted.iter().any(|q| *i >= q.0 && *i <= q.1)).map(|(_, c)| c).collect()
}

/// A sitting where members question the executive, told as held: an audit (`행정사무감사를
/// 벌였다`), a hearing, questions put to the executive, a report heard, a council's sitting
/// (`제1차 본회의를 열고`, a committee's `임시회 제1차 회의를 열어`), or told as where things
/// were said (`국정감사에서 … 공방을 벌였다`).
static HEARING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:감사|청문회|업무보고|[시도군구]정\s?질문|대정부\s?질문|질의|본회의|임시회|정례회)|(?:임시회|정례회)\s+제?\d{1,2}차\s+[가-힣]*회의)(?:를|을|가|이)?\s*(?:벌였|벌이고|벌여|열었|열고|열어|열렸|개최했|개최하고|개회했|진행했|진행하고|진행됐|실시했|실시됐|가졌|받았|마쳤|마치며|끝으로)|본회의에서[^.]*(?:의결|가결|처리|통과시|채택|선출|선임|구성)(?:했|하였|하고|됐)|(?:국정감사|행정사무감사|국감|행감|청문회|대정부\s?질문)에서\s")
        .unwrap()
});

/// A meeting or a ceremony told as held (`협의회를 개최했다`, `간담회를 열고`): who speaks in the
/// story is read as at it, as at a sitting.
static EVENT_HELD: LazyLock<Regex> = LazyLock::new(|| {
    let events =
        super::context::MEETINGS.iter().chain(super::context::CEREMONIES).copied().collect::<Vec<_>>();
    Regex::new(&format!(
        r"(?:{})(?:(?:를|을)\s+(?:[^\s.]+\s+){{0,6}}?|(?:를|을)?\s*)(?:개최했|개최하고|열었|열고|열어|가졌|갖고|진행했)",
        events.join("|")
    ))
    .unwrap()
});

/// What a member or an official does at such a sitting: asks, presses, points out, demands,
/// answers, explains, says.
static AT_HEARING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"["”’]\s?(?:이)?라\s?(?:며|면서)|선출했|선출하고|선출됐|선임했|선임하고|선임됐|따졌|물었|짚었|짚고|꼬집었|캐물었|질타|추궁|지적했|지적하|당부했|요구했|촉구했|주문했|질의|맞섰|반박했|주장했|제안했|답했|답변|해명했|설명했|밝혔|말했|강조했"#,
    )
    .unwrap()
});

/// Whether a sentence tells a member's question or an official's answer at the sitting the story
/// holds (`hearing`): they are at it. What is quoted is what was said, not where they are, so
/// only the words outside the quotations are read for an interview or an earlier day; a month
/// there is what the question is about (`지난 7월 집중호우 때 … 지적했다`), not another sitting.
fn speaks_at_hearing(s: &str, hearing: bool) -> bool {
    static AWAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"서면|인터뷰|전화|예정|못해|못했|못한|불참|보도자료|성명").unwrap());
    if !hearing || !AT_HEARING.is_match(s) {
        return false;
    }
    let outside = outside_quotations(s);
    !AWAY.is_match(&outside) && !ELSEWHERE.iter().any(|w| outside.contains(w))
}

/// Titles held in a council: with no organisation written, they are of the council the article
/// names (when it names only one).
const COUNCIL_ROLES: &[&str] = &["의장", "부의장", "의원"];

/// The one council (`대전시의회`, `충북도의회`) the sentences name, if they name exactly one.
/// A council in an aside (`한편 인근 홍성군의회는 …`) is another place's, and a council's chair
/// in parentheses (`예산군의회(의장 …)는`) does not hide its name.
fn only_council<'s>(sentences: &[&'s str]) -> Option<&'s str> {
    let mut councils: Vec<&str> = sentences
        .iter()
        .filter(|s| !super::context::opens_aside(s))
        .flat_map(|s| s.split_whitespace())
        .map(|t| t.split('(').next().unwrap_or(t))
        .map(|t| strip_particles(t.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|t| t.ends_with("의회") && t.chars().count() > 3 && t != &"국회의회")
        .collect();
    councils.sort_unstable();
    councils.dedup();
    (councils.len() == 1).then(|| councils[0])
}

/// `의원(유성구2)은`: a member's constituency in parentheses is dropped, so the title reads; so is
/// an organisation's Latin short name (`한국지능정보사회진흥원(NIA) 본부장`), which parts the
/// organisation from its title.
fn without_constituency(s: &str) -> String {
    static SEAT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(의원|위원)\s?\([^()]{1,15}\)").unwrap());
    // The English name may have words of its own: `블루하버벤처스(Blue Harbor Ventures) 파트너`.
    static SHORT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([가-힣])\([A-Z][A-Za-z0-9&·-]{1,11}(?: [A-Z][A-Za-z0-9&·-]{0,11}){0,3}\)(\s)").unwrap()
    });
    let s = SEAT.replace_all(s, "$1");
    SHORT.replace_all(&s, "$1$2").into_owned()
}

/// `김하람(한빛당, 수원5) 부위원장`, `김하람(한빛대 교수) 위원`: what a person is besides the title
/// that follows, in parentheses after the name (a party and a seat, or a post elsewhere), is
/// dropped, so that the name stands next to its title. An organisation's head in parentheses
/// (`행정안전부(장관 반서하)`) opens with a title and is kept for [`parenthesised`].
fn without_affiliation(s: &str, rules: &Compiled) -> String {
    static AFTER_NAME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"([가-힣]{2,4})\(([^()]{2,30})\)(\s)").unwrap());
    AFTER_NAME
        .replace_all(s, |c: &regex::Captures<'_>| {
            let inside = c[2].trim();
            let first = inside.split_whitespace().next().unwrap_or("");
            let last = inside.split_whitespace().last().unwrap_or("");
            let opens_with_title = rules.role_of_token(first).is_some();
            let affiliation = inside.contains(',') || rules.roles.iter().any(|r| last.ends_with(r.as_str()));
            if is_person_name(&c[1]) && affiliation && !opens_with_title {
                format!("{}{}", &c[1], &c[3])
            } else {
                c[0].to_string()
            }
        })
        .into_owned()
}

/// `김하람 한빛대(사업 총괄계획가) 교수`: what the person also is, in parentheses between the body
/// and the title, is dropped, so the body stands next to its title.
fn without_post_note(s: &str, rules: &Compiled) -> String {
    static NOTE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"([가-힣A-Za-z]{2,20})\([^()]{2,40}\)(\s+)(\S+)").unwrap());
    NOTE.replace_all(s, |c: &regex::Captures<'_>| {
        if rules.role_of_token(&c[3]).is_some() {
            format!("{}{}{}", &c[1], &c[2], &c[3])
        } else {
            c[0].to_string()
        }
    })
    .into_owned()
}

/// A sentence as the readers below expect it: a comma always followed by a space, list marks
/// as spaces, a member's seat, a photo position (`(왼쪽 세번째)`), an age and a title's honorific
/// (`의원님`) dropped.
fn normalised(s: &str, rules: &Compiled) -> String {
    // `김하람(왼쪽 두번째) 한빛구청장`: where someone stands in the photo, not a title.
    static POSITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\(\s*(?:사진\s*)?(?:(?:왼쪽|오른쪽|좌측|우측|앞줄|뒷줄|윗줄|아랫줄|가운데|중앙)(?:\s*(?:부터|에서))?\s*)+(?:(?:첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열|\d{1,2})\s*(?:번째|째)?)?\s*\)")
            .unwrap()
    });
    // `김하람(55) 대표`, `김하람(사진) 대표`: an age or a portrait note after the name.
    static AGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"([가-힣])\((?:\d{2}|사진)(?:\s*·\s*[^()]{1,8})?\)").unwrap());
    // Middle dots from other scripts (`김영식‧양금희 위원`) list names as the Korean one does.
    let s = s.replace(['\u{2027}', '\u{2e31}', '\u{30fb}', '\u{ff65}'], "·");
    let s = without_affiliation(&without_constituency(&space_after_commas(&s)), rules);
    let s = without_post_note(&s, rules);
    let s = POSITION.replace_all(&s, "");
    let s = AGE.replace_all(&s, "$1");
    // `제2 차관`: a numbered post written with a space is one title.
    let s = NUMBERED_POST.replace_all(&s, "제$1$2");
    without_honorific(&s, rules)
}

/// A numbered post with a space after its number: `제1 차관`, `제2 부시장`.
static NUMBERED_POST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"제(\d)\s+(차관|부시장|부지사|부군수|부구청장|부위원장|부의장)").unwrap());

/// `전경숙 의원님의 사회로`: `님` after a title is courtesy; the title reads without it.
fn without_honorific(s: &str, rules: &Compiled) -> String {
    static HONORIFIC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([가-힣]{2,8})님").unwrap());
    HONORIFIC
        .replace_all(s, |c: &regex::Captures| {
            let title = &c[1];
            let known = rules.role_of_token(title).is_some_and(|(_, rest)| rest.is_empty())
                || rules.known_roles.local_heads().any(|h| h == title);
            if known {
                title.to_string()
            } else {
                c[0].to_string()
            }
        })
        .into_owned()
}

/// What the page marks apart from its prose that tells who was there.
#[derive(Debug, Default)]
pub(crate) struct Marked<'a> {
    /// The sentences of photo captions.
    pub captions: Vec<&'a str>,
    /// A transcript's speaker lines (`○의장 이름 …`), when the page is a transcript.
    pub speakers: Vec<&'a str>,
}

impl<'a> Marked<'a> {
    /// The captions and, on a sitting's minutes, the speaker lines of a cleaned page.
    pub fn of(cleaned: &'a super::super::text::Cleaned, title: &str) -> Self {
        use super::super::text::{sentences, Block};
        // A sitting's minutes: opened and closed (`개의`, `산회`), or so titled.
        static MINUTES: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"회의록|속기록|\d분\s*(?:개의|산회|정회|속개)").unwrap());
        let minutes = MINUTES.is_match(title) || cleaned.blocks.iter().any(|b| MINUTES.is_match(b.text()));
        let speakers = cleaned
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Item { marker: '○', text, .. } if minutes => Some(text.as_str()),
                // A broadcast script's sound bite recorded at the event (`◀SYN▶ 이름 위원장`);
                // an interview (`◀INT▶`) may be taken anywhere.
                _ => b.text().trim_start().strip_prefix("◀SYN▶").map(str::trim_start),
            })
            .collect();
        Marked { captions: cleaned.captions.iter().flat_map(|c| sentences(c)).collect(), speakers }
    }
}

/// The speaker a transcript's line opens with: `의장 이름`, `기획예산과장 이름`, `이름 의원`,
/// `의사팀 이름 주무관`. Whoever speaks at the sitting is at it.
fn speaker(line: &str, rules: &Compiled) -> Option<Attendee> {
    let tokens: Vec<&str> = line.split_whitespace().take(3).collect();
    let title = |t: &str| -> Option<(String, String)> {
        if let Some((role, rest)) = rules.role_of_token(t) {
            return rest.is_empty().then(|| (role.to_string(), String::new()));
        }
        local_head(t, rules).or_else(|| compound_title(t, rules).map(|(r, o)| (r, o.unwrap_or_default())))
    };
    let person = |name: &str, (role, org): (String, String)| Attendee { name: name.to_string(), role, org };
    match tokens.as_slice() {
        [t, n, ..] if name_like(n, rules) && title(t).is_some() => title(t).map(|r| person(n, r)),
        [n, t, ..] if name_like(n, rules) && title(t).is_some() => title(t).map(|r| person(n, r)),
        [o, n, t] if name_like(n, rules) && title(t).is_some() => {
            title(t).map(|(role, _)| person(n, (role, o.to_string())))
        }
        _ => None,
    }
}

/// People in the captions of photos that show the event: taken in the act (`…하고 있다`,
/// `기념촬영`) or with a word of presence, never a file photo or a written message.
/// The day of the month a text first names (`27일`), not a day of last month.
fn day_of(s: &str) -> Option<u32> {
    let s = s.split("지난달").next().unwrap_or(s);
    super::date::day_told(s).map(|(_, day)| day)
}

fn in_captions(
    captions: &[&str],
    lead_day: Option<u32>,
    rules: &Compiled,
    aliases: &BTreeMap<String, String>,
) -> Vec<Attendee> {
    static AT_EVENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"고\s?있다|기념\s?촬영|기념\s?사진").unwrap());
    static AWAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"자료\s?사진|서면|인터뷰|예정|불참|지난해|과거").unwrap());
    let mut people = Vec::new();
    for s in captions.iter().map(|s| normalised(s, rules)) {
        if !(AT_EVENT.is_match(&s) || PRESENT.is_match(&s)) || AWAY.is_match(&s) {
            continue;
        }
        // A photo of another day than the lead's event (`7일 … 회의에 참석하고 있다` over a
        // story of the 27th) is a file photo: its people were at that other event.
        if matches!((lead_day, day_of(&s)), (Some(lead), Some(day)) if lead != day) {
            continue;
        }
        let tokens: Vec<&str> = s.split_whitespace().collect();
        people.extend((0..tokens.len()).filter_map(|i| person_at(&tokens, i, rules, aliases)));
    }
    people
}

/// A sentence that places someone away (`서면축사를 보냈고, 답변은 … 부시장이 맡았다`) is judged
/// clause by clause: the other clause may place someone else at the event.
fn clauses(s: &str) -> Vec<&str> {
    // `…보냈고, `, `…나오지 못해 `, `…못했지만 `: where one person's part ends and another's begins.
    static JOINT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:(?:고|며),|못해|못하고|못했지만|지만,?)\s").unwrap());
    if !ABSENT.is_match(s) {
        return vec![s];
    }
    let mut out = Vec::new();
    let mut from = 0;
    for m in JOINT.find_iter(s) {
        out.push(&s[from..m.end()]);
        from = m.end();
    }
    out.push(&s[from..]);
    out
}

/// `김두관 경남도지사,안홍준 국회의원`: a comma without its space still parts two people; so does
/// a list marker (`△변지호 대구시 실장 △은채린 원장`), which is read as a space.
fn space_after_commas(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if super::agenda::INLINE_MARKS.contains(&c) {
            out.push(' ');
            continue;
        }
        out.push(c);
        if c == ',' && chars.peek().is_some_and(|n| ('가'..='힣').contains(n)) {
            out.push(' ');
        }
    }
    out
}

/// People in the sentences, with review notes for the unsure ones.
pub(crate) fn attendees(
    sentences: &[&str],
    marked: &Marked,
    rules: &Compiled,
    author: Option<&str>,
) -> (Vec<Attendee>, Vec<String>) {
    let aliases = aliases(sentences, rules);
    // (person, found in a sentence that does not place them at the event)
    let mut found: Vec<(Attendee, bool)> = Vec::new();
    let spaced: Vec<String> = sentences.iter().map(|s| normalised(s, rules)).collect();
    // The day of the event told: the first the lead gives (a wire's lead may open with its
    // byline and no day).
    let lead_day = sentences.iter().take(3).find_map(|s| day_of(s));
    found.extend(in_captions(&marked.captions, lead_day, rules, &aliases).into_iter().map(|p| (p, false)));
    found.extend(marked.speakers.iter().filter_map(|s| speaker(s, rules)).map(|p| (p, false)));
    // Heads named beside their body as it speaks: there, unless someone else chairs the event
    // and they are named nowhere else.
    let mut identified: Vec<(Attendee, bool)> = Vec::new();
    let hearing = sentences
        .iter()
        .any(|s| !super::context::opens_aside(s) && (HEARING.is_match(s) || EVENT_HELD.is_match(s)));
    for s in spaced.iter().flat_map(|s| clauses(s)) {
        let elsewhere = !is_present(s) && !speaks_at_hearing(s, hearing);
        for (p, subject) in parenthesised(s, rules, &aliases) {
            if subject {
                identified.push((p, elsewhere));
            } else {
                found.push((p, elsewhere));
            }
        }
        found.extend(people_in(s, rules, &aliases).into_iter().map(|p| (p, elsewhere)));
    }
    found.extend(spaced.iter().filter_map(|s| self_introduction(s, rules)).map(|p| (p, false)));
    short_forms(&spaced, rules, &mut found);
    // Someone else chairs (`윤세라 차관 주재로`): the head named beside the body is not there.
    let chaired_by = |name: &str| {
        spaced.iter().filter(|s| s.contains("주재")).any(|s| {
            found.iter().any(|(q, _)| q.name != name && s.contains(q.name.as_str())) && !s.contains(name)
        })
    };
    // Someone else of the same body is there for it (`석하진 K-water 수자원본부장이 참석했다`
    // under `한국수자원공사(사장 도서윤, 이하 K-water)는`): the head is only its name.
    let represented = |p: &Attendee| {
        found
            .iter()
            .any(|(q, elsewhere)| !elsewhere && q.name != p.name && !q.org.is_empty() && q.org == p.org)
    };
    let named: Vec<String> = found.iter().map(|(p, _)| p.name.clone()).collect();
    let kept: Vec<(Attendee, bool)> = identified
        .into_iter()
        .filter(|(p, _)| named.contains(&p.name) || !(chaired_by(&p.name) || represented(p)))
        .collect();
    found.extend(kept);
    let council = only_council(sentences);
    for (p, _) in found.iter_mut() {
        // A member's party (`국민의힘 탁민규 의원`) is not the body he sits in.
        let party = p.org.ends_with('당') || p.org == "국민의힘";
        let keep_org = !p.org.is_empty() && (!party || council.is_none());
        if keep_org {
            p.org = resolve_generic(std::mem::take(&mut p.org), sentences, rules);
        } else if let Some(c) = council.filter(|_| COUNCIL_ROLES.contains(&p.role.as_str())) {
            p.org = c.to_string();
        }
    }
    let out = merge(&found, author);
    let review = out
        .iter()
        .filter(|p| p.org.is_empty())
        .map(|p| format!("attendees: {} has no organisation", p.name))
        .collect();
    (out, review)
}

/// The people a sentence names by their titles, in the order written: each title with the
/// name beside it, the list mates who share its title, and members named bare before a group
/// (`A, B, C 등 … 의원들`).
fn people_in(s: &str, rules: &Compiled, aliases: &BTreeMap<String, String>) -> Vec<Attendee> {
    let tokens: Vec<&str> = s.split_whitespace().collect();
    let mut people = Vec::new();
    for i in 0..tokens.len() {
        people.extend(dotted_names(&tokens, i, rules));
        if let Some(p) = person_at(&tokens, i, rules, aliases).filter(|_| !names_a_place(tokens.get(i + 1))) {
            let mates = sharing_the_title(&tokens, i, &p, rules, aliases);
            people.extend(mates.into_iter().rev());
            people.push(p);
        }
    }
    people.extend(named_before_a_group(&tokens, rules, aliases));
    people
}

/// Whether the word after a title makes the person a place's name: `이한결 회장 생가에서` is
/// a birthplace, `… 선생 동상` a statue, not someone there.
fn names_a_place(next: Option<&&str>) -> bool {
    const PLACES: &[&str] =
        &["생가", "고택", "동상", "흉상", "기념관", "묘소", "묘역", "유적", "기념비", "추모비"];
    next.is_some_and(|t| PLACES.iter().any(|p| t.starts_with(p)))
}

/// `김하람·이도윤·박서진 위원`: names joined by `·` before the title at `i`, which each of them
/// holds. Every member must read as a name, so that `산업·통상 위원` is no one.
fn dotted_names(tokens: &[&str], i: usize, rules: &Compiled) -> Vec<Attendee> {
    let Some(before) = i.checked_sub(1).map(|k| tokens[k]) else { return Vec::new() };
    let Some((role, _)) = rules.role_of_token(clean_token(tokens[i])) else { return Vec::new() };
    let names: Vec<&str> = before.split('·').collect();
    if names.len() < 2 || !names.iter().all(|n| name_like(n, rules)) {
        return Vec::new();
    }
    names
        .iter()
        .map(|n| Attendee { name: (*n).to_string(), role: role.to_string(), org: String::new() })
        .collect()
}

/// `A 부처, B 부처, C 부처 장관`: one title closes a list of names, each with its body, and
/// every name holds it. `person` was read at the title `i` as NAME ORG TITLE; the pairs before
/// it, each `NAME ORG,`, are read back to front.
fn sharing_the_title(
    tokens: &[&str],
    i: usize,
    person: &Attendee,
    rules: &Compiled,
    aliases: &BTreeMap<String, String>,
) -> Vec<Attendee> {
    let Some(n) = tokens[..i].iter().rposition(|t| clean_token(t) == person.name) else {
        return Vec::new();
    };
    // Only a one-word body between the last name and the title: the pairs before match it.
    if person.org.is_empty() || n + 2 != i {
        return Vec::new();
    }
    let mut mates = Vec::new();
    let mut j = n;
    while j >= 2 {
        let Some(org) = tokens[j - 1].strip_suffix(',') else { break };
        let name = tokens[j - 2];
        let body = org_like(org, true, rules, aliases)
            && (rules.ministries.iter().any(|m| m == org)
                || aliases.contains_key(org)
                || rules.org_aliases.contains_key(org)
                || rules.org_suffixes.iter().any(|s| org.ends_with(s.as_str())));
        if !body || !name_like(name, rules) {
            break;
        }
        mates.push(Attendee {
            name: name.to_string(),
            role: person.role.clone(),
            org: canonical(org, rules, aliases),
        });
        j -= 2;
    }
    mates
}

/// `김하람, 이도윤, 박서진 등 한빛당 소속 의원들이 참석했다`: names with no title of their
/// own, listed before `등` and a group whose plural noun is a title (`의원들`, `대표들`): each
/// holds that title, of the body written between. Two names at least, so that one word that
/// merely looks like a name does not make a person.
fn named_before_a_group(
    tokens: &[&str],
    rules: &Compiled,
    aliases: &BTreeMap<String, String>,
) -> Vec<Attendee> {
    let mut people = Vec::new();
    for g in 0..tokens.len() {
        let Some((title, _)) = strip_particles(tokens[g])
            .strip_suffix('들')
            .and_then(|t| rules.role_of_token(t).filter(|(r, rest)| rest.is_empty() && *r == t))
        else {
            continue;
        };
        let Some(e) = (g.saturating_sub(5)..g).rev().find(|&k| tokens[k] == "등") else { continue };
        let mut names = Vec::new();
        let mut k = e;
        while k > 0 {
            let t = tokens[k - 1];
            let last = k == e;
            let bare = if last { Some(t).filter(|t| !t.ends_with(',')) } else { t.strip_suffix(',') };
            match bare.filter(|b| name_like(b, rules)) {
                Some(b) => names.push(b),
                None => break,
            }
            k -= 1;
        }
        if names.len() < 2 {
            continue;
        }
        let body: Vec<&str> = tokens[e + 1..g].iter().copied().filter(|t| *t != "소속").collect();
        let org = if body.is_empty() { String::new() } else { canonical(&body.join(" "), rules, aliases) };
        people.extend(names.into_iter().rev().map(|n| Attendee {
            name: n.to_string(),
            role: title.to_string(),
            org: org.clone(),
        }));
    }
    people
}

/// `강원특별자치도지사 남궁현입니다`: a speaker who introduces himself is at the event he
/// speaks to.
pub(crate) fn self_introduction(sentence: &str, rules: &Compiled) -> Option<Attendee> {
    static INTRO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\s)(\S+)\s+([가-힣]{2,4})(?:입니다|이라고 합니다|라고 합니다)").unwrap()
    });
    let c = INTRO.captures(sentence)?;
    if !name_like(&c[2], rules) {
        return None;
    }
    let (role, org) = match local_head(&c[1], rules) {
        Some(head) => head,
        None => (rules.role_of_token(&c[1])?.0.to_string(), String::new()),
    };
    Some(Attendee { name: c[2].to_string(), role, org })
}

/// Short names the article introduces: `과학기술정보통신부(…, 이하 과기정통부)`.
fn aliases(sentences: &[&str], rules: &Compiled) -> BTreeMap<String, String> {
    let mut aliases: BTreeMap<String, String> = BTreeMap::new();
    for s in sentences {
        for c in ALIAS.captures_iter(s) {
            aliases.insert(c[2].to_string(), rules.canonical_org(&c[1]));
        }
    }
    aliases
}

/// People written `ORG(ROLE NAME)` in a sentence.
/// People named as an organisation's head in parentheses (`행정안전부(장관 반서하)는`), each with
/// whether the organisation is the sentence's subject: then the parentheses may only say who
/// heads the body that speaks.
fn parenthesised(s: &str, rules: &Compiled, aliases: &BTreeMap<String, String>) -> Vec<(Attendee, bool)> {
    let mut people = Vec::new();
    for c in PAREN_PERSON.captures_iter(s) {
        let whole = c.get(0).expect("the whole match");
        // The match ends at the `)` or at a comma inside it (`장관 이종호, 이하 과기정통부`).
        let close = s[whole.end() - 1..].find(')').map(|k| whole.end() - 1 + k);
        let subject = close.is_some_and(|k| s[k + 1..].starts_with(['는', '은', '와', '과', '이', '가']));
        let first = c[2].split_whitespace().next().unwrap_or("");
        if rules.role_of_token(first).is_some_and(|(_, rest)| rest.is_empty())
            || rules.known_roles.local_heads().any(|h| h == first)
        {
            let role = &c[2];
            if name_like(&c[3], rules) {
                let person = Attendee {
                    name: c[3].to_string(),
                    role: role.to_string(),
                    org: canonical(&c[1], rules, aliases),
                };
                people.push((person, subject));
            }
        }
    }
    people
}

/// Organisations whose head is written by gluing `장` to the name (`한국로봇산업진흥원장`), with
/// the title that makes.
const GLUED_HEADS: &[(&str, &str)] =
    &[("연구소", "소장"), ("센터", "센터장"), ("협회", "회장"), ("원", "원장"), ("청", "청장")];

/// A title written as one word ending in a known title: a post (`인공지능정책실장`,
/// `수소연구본부장`), or an organisation's head glued to its name (`한국로봇산업진흥원장` → 원장
/// of 한국로봇산업진흥원). Returns the title and the organisation the word holds, if any.
fn compound_title(token: &str, rules: &Compiled) -> Option<(String, Option<String>)> {
    let t = strip_particles(token);
    // `박람회장에서`: a place, not a person's title.
    let locative =
        ["에서", "에", "으로", "로"].iter().any(|p| token.trim_end_matches(PUNCT_END).ends_with(p));
    if locative || t.chars().count() < 4 || !t.chars().all(|c| ('가'..='힣').contains(&c)) {
        return None;
    }
    let known = rules
        .known_roles
        .iter()
        .filter(|r| !r.everyday_word && r.title.chars().count() >= 2)
        .filter(|r| r.ends(t) && t.len() > r.title.len())
        .map(|r| r.title.chars().count())
        .max()?;
    // `분과위원장`: a longer title (`위원장`) than the glued head (`원장`) ends the word, so it is
    // a post, not the head of a body named `…위원`.
    let glued = t.strip_suffix('장').filter(|o| o.chars().count() >= 4).and_then(|org| {
        GLUED_HEADS
            .iter()
            .find(|(e, head)| org.ends_with(e) && head.chars().count() >= known)
            .map(|(_, head)| (head.to_string(), Some(org.to_string())))
    });
    Some(glued.or_else(|| place_and_title(t, rules)).unwrap_or_else(|| (t.to_string(), None)))
}

/// `충북도경제부지사` → (`경제부지사`, `충북도`): a place and its level, then a whole title.
fn place_and_title(t: &str, rules: &Compiled) -> Option<(String, Option<String>)> {
    rules.regions.iter().find_map(|r| {
        let rest = t.strip_prefix(r.spelling.as_str())?;
        ["도", "시", "군", "구", ""].iter().find_map(|level| {
            let title = rest.strip_prefix(level)?;
            let whole =
                rules.role_of_token(title).is_some_and(|(role, after)| role == title && after.is_empty());
            (whole && title.chars().count() >= 2)
                .then(|| (title.to_string(), Some(format!("{}{level}", r.spelling))))
        })
    })
}

/// NAME TITLE or NAME ORG TITLE where the title is one compound word (see [`compound_title`]).
fn compound_person(
    tokens: &[&str],
    i: usize,
    rules: &Compiled,
    aliases: &BTreeMap<String, String>,
) -> Option<Attendee> {
    let (role, inner) = compound_title(tokens[i], rules)?;
    if i >= 1 && name_like(tokens[i - 1], rules) && !org_between(tokens, i, rules) {
        let org = inner.or_else(|| org_before(tokens, i - 1, rules, aliases)).unwrap_or_default();
        return Some(Attendee { name: tokens[i - 1].to_string(), role, org });
    }
    let k = org_start(tokens, i, rules, aliases);
    (k < i && k >= 1 && name_like(tokens[k - 1], rules)).then(|| Attendee {
        name: tokens[k - 1].to_string(),
        role,
        org: canonical(&tokens[k..i].join(" "), rules, aliases),
    })
}

/// A name in Latin letters before an organisation and a title: `Marcus Hale 엔비디아 부사장`.
fn latin_name_org_role(tokens: &[&str], i: usize, role: &str) -> Option<Attendee> {
    let latin = |t: &str| {
        let mut c = t.chars();
        c.next().is_some_and(|f| f.is_ascii_uppercase())
            && t.chars().count() >= 2
            && c.all(|c| c.is_ascii_lowercase() || c == '-')
    };
    let hangul = |t: &&str| t.chars().all(|c| ('가'..='힣').contains(&c) || c.is_ascii_alphanumeric());
    (2..=(i.min(5))).find_map(|back| {
        let j = i - back;
        (j >= 1 && latin(tokens[j - 1]) && latin(tokens[j]) && tokens[j + 1..i].iter().all(hangul)).then(
            || Attendee {
                name: format!("{} {}", tokens[j - 1], tokens[j]),
                role: role.to_string(),
                org: tokens[j + 1..i].join(" "),
            },
        )
    })
}

/// Whether the word before the title at `i` is the body and the word before that the name:
/// `국다온 한빛소재 대표` (a word of four letters, no double surname, after a name of two or
/// three; Korean names are rarely four letters long) or `변도경 한빛대 총장` (a word of three
/// ending as bodies do, 대, 청, 원, 시, after a name that does not).
fn org_between(tokens: &[&str], i: usize, rules: &Compiled) -> bool {
    if i < 2 {
        return false;
    }
    let (before, word) = (tokens[i - 2], tokens[i - 1]);
    let body_end = |w: &str| w.ends_with(['대', '청', '처', '원', '부', '사', '회', '시', '군']);
    let n = word.chars().count();
    (n == 4 || n == 3 && body_end(word) && !body_end(before))
        && !DOUBLE_SURNAMES.iter().any(|d| word.starts_with(d))
        && (2..=3).contains(&before.chars().count())
        && name_like(before, rules)
}

/// `문재호 광주 북구청장`: a district whose name several cities share (북구, 중구, 남구) is
/// named by the city before it; the title is 구청장 and the body the city's district.
fn district_head(tokens: &[&str], i: usize, rules: &Compiled) -> Option<Attendee> {
    let district = strip_particles(tokens[i]).strip_suffix("청장")?;
    let n = district.chars().count();
    let hangul = district.chars().all(|c| ('가'..='힣').contains(&c));
    if !district.ends_with('구') || !(2..=3).contains(&n) || !hangul || i < 2 {
        return None;
    }
    let city = clean_token(tokens[i - 1]);
    (is_place_word(city, rules) && name_like(tokens[i - 2], rules)).then(|| Attendee {
        name: tokens[i - 2].to_string(),
        role: "구청장".to_string(),
        org: format!("{city} {district}"),
    })
}

/// The person whose title is the token at `i`, if the tokens around it name one.
fn person_at(
    tokens: &[&str],
    i: usize,
    rules: &Compiled,
    aliases: &BTreeMap<String, String>,
) -> Option<Attendee> {
    if let Some(p) = district_head(tokens, i, rules) {
        return Some(p);
    }
    if rules.role_of_token(tokens[i]).is_none() && local_head(tokens[i], rules).is_none() {
        if let Some(p) = compound_person(tokens, i, rules, aliases) {
            return Some(p);
        }
    }
    // `울산시장`, `경기도지사`: the place is the organisation.
    if i >= 1 && name_like(tokens[i - 1], rules) {
        if let Some((role, org)) = local_head(tokens[i], rules) {
            return Some(Attendee { name: tokens[i - 1].to_string(), role, org });
        }
    }
    // `최하람 대전 대덕구청장`: the province or city stands before the local head.
    if i >= 2 && is_place_word(tokens[i - 1], rules) && name_like(tokens[i - 2], rules) {
        if let Some((role, org)) = local_head(tokens[i], rules) {
            let org = format!("{} {org}", tokens[i - 1]);
            return Some(Attendee { name: tokens[i - 2].to_string(), role, org });
        }
    }
    // `박완수 초대 시장`, `고다온 제3대 전반기 의장`: words like 초대 may stand between the name
    // and the title.
    let modifiers = (1..=3.min(i)).take_while(|&k| is_modifier(tokens[i - k])).count();
    let skip = if modifiers > 0 && i > modifiers && name_like(tokens[i - 1 - modifiers], rules) {
        modifiers
    } else {
        0
    };
    let org_between = skip == 0 && org_between(tokens, i, rules);
    let after_name = i > skip && name_like(tokens[i - 1 - skip], rules) && !org_between;
    let (role, particle) = rules.role_of_token(tokens[i]).or_else(|| {
        let t = tokens[i].trim_end_matches(PUNCT_END);
        rules.known_roles.local_heads().find_map(|h| {
            let rest = t.strip_prefix(h)?;
            (after_name && (rest.is_empty() || super::super::rules::is_particle(rest))).then_some((h, rest))
        })
    })?;
    let bare_role = particle.is_empty() && !tokens[i].ends_with(PUNCT_END);
    // A Latin name before the organisation outranks a Korean word that looks like a name.
    let mut person = if i >= 2 { latin_name_org_role(tokens, i, role) } else { None };
    if person.is_none() && after_name {
        person = Some(name_role(tokens, i, i - 1 - skip, role, bare_role, rules, aliases));
    } else if person.is_none() && i >= 2 {
        person = name_org_role(tokens, i, role, rules, aliases);
    }
    if person.is_none() && bare_role && i + 1 < tokens.len() {
        person = org_role_name(tokens, i, role, rules, aliases);
    }
    // In a list of people, each member opens with the name: a body of several words between it
    // and the title (`김하람 한빛대 전자공학부 교수,`) is the body, even where one of its words
    // looks like a name.
    if let Some((start, item)) = list_member(tokens, i, role, rules, aliases) {
        let inside = |p: &Attendee| tokens[start + 1..i].iter().any(|t| clean_token(t) == p.name);
        if person.as_ref().is_none_or(inside) {
            person = Some(item);
        }
    }
    person
}

/// Whether a word that could be a name ends as a body's name does (`한빛대`, `나래원`): a
/// university's short name ends in 대.
fn is_body_name(token: &str, rules: &Compiled) -> bool {
    token.chars().count() >= 3 && token.ends_with('대')
        || rules.org_suffixes.iter().any(|s| token.ends_with(s.as_str()))
}

/// A member of a list of people, `NAME BODY BODY TITLE` with the title at `i`: the words after a
/// comma (or after the word that opens the list, `참석자는`, `인사인`) up to the title, the first a
/// name, two or three others between it and the title. Returns where the member starts, and
/// the person; none when the member has no such start.
fn list_member(
    tokens: &[&str],
    i: usize,
    role: &str,
    rules: &Compiled,
    aliases: &BTreeMap<String, String>,
) -> Option<(usize, Attendee)> {
    (3..=4).find_map(|len| {
        let start = i.checked_sub(len)?;
        let opens = start == 0
            || tokens[start - 1].ends_with(',')
            || tokens[start - 1].ends_with(['는', '은', '인', '과', '와', '로']);
        let body = &tokens[start + 1..i];
        // The body's words name a body: no figures, no quotes, no phrase closed by a particle
        // (`정부세종청사에서`), no title.
        let plain = body.iter().all(|t| {
            !t.ends_with([',', '.'])
                && !t.contains(|c: char| c.is_ascii_digit() || "()\"“”‘’'".contains(c))
                && !t.ends_with(['은', '는', '을', '를', '에'])
                && !["에서", "에게", "으로", "부터", "까지"].iter().any(|p| t.ends_with(p))
                && rules.role_of_token(t).is_none()
        });
        // Another person inside: the member ends before him.
        let alone = body[1..].iter().all(|t| !is_person_name(t) || is_body_name(t, rules));
        let named = is_person_name(tokens[start]) && !NOT_NAMES.contains(&tokens[start]);
        (opens && plain && alone && named && (!name_like(body[0], rules) || is_body_name(body[0], rules)))
            .then(|| {
                let org = canonical(&body.join(" "), rules, aliases);
                (start, Attendee { name: tokens[start].to_string(), role: role.to_string(), org })
            })
    })
}

/// NAME ROLE, with the organisation before the name; also NAME ROLE 겸 ORG ROLE2.
fn name_role(
    tokens: &[&str],
    i: usize,
    name_at: usize,
    role: &str,
    bare_role: bool,
    rules: &Compiled,
    aliases: &BTreeMap<String, String>,
) -> Attendee {
    let mut org = org_before(tokens, name_at, rules, aliases);
    let mut role = role.to_string();
    if bare_role && tokens.get(i + 1) == Some(&"겸") {
        let mut j = i + 2;
        while j < tokens.len() && j < i + 5 && rules.role_of_token(tokens[j]).is_none() {
            j += 1;
        }
        if let Some((role2, _)) = tokens.get(j).and_then(|t| rules.role_of_token(t)) {
            if j > i + 2 {
                org = Some(canonical(&tokens[i + 2..j].join(" "), rules, aliases));
            }
            role = format!("{role} 겸 {role2}");
        }
    }
    if org.is_none() && rules.known_roles.is_ministry(&role) {
        org = ministry_before(tokens, name_at, rules, aliases);
    }
    Attendee { name: tokens[name_at].to_string(), role, org: org.unwrap_or_default() }
}

/// NAME ORG ROLE, the title at `i`.
fn name_org_role(
    tokens: &[&str],
    i: usize,
    role: &str,
    rules: &Compiled,
    aliases: &BTreeMap<String, String>,
) -> Option<Attendee> {
    let k = org_start(tokens, i, rules, aliases);
    // `상하진 현 한빛시의회 의장`: which holder he is stands before the organisation.
    let m = k - (1..=2.min(k)).take_while(|&d| is_modifier(tokens[k - d])).count();
    (k < i && m >= 1 && name_like(tokens[m - 1], rules)).then(|| Attendee {
        name: tokens[m - 1].to_string(),
        role: role.to_string(),
        org: canonical(&tokens[k..i].join(" "), rules, aliases),
    })
}

/// ORG ROLE NAME, the title at `i`.
fn org_role_name(
    tokens: &[&str],
    i: usize,
    role: &str,
    rules: &Compiled,
    aliases: &BTreeMap<String, String>,
) -> Option<Attendee> {
    let candidate = strip_particles(tokens[i + 1]);
    if !name_like(candidate, rules) {
        return None;
    }
    let org = org_before(tokens, i, rules, aliases)?;
    Some(Attendee { name: candidate.to_string(), role: role.to_string(), org })
}

/// `문 대통령은` at the event: the 문재인 대통령 named elsewhere in the article.
fn short_forms(spaced: &[String], rules: &Compiled, found: &mut Vec<(Attendee, bool)>) {
    for s in spaced.iter().map(String::as_str).filter(|s| is_present(s)) {
        let tokens: Vec<&str> = s.split_whitespace().collect();
        for pair in tokens.windows(2) {
            let surname = pair[0];
            let Some((role, _)) = rules.role_of_token(pair[1]) else { continue };
            if surname.chars().count() != 1 || !SURNAMES.contains(surname) {
                continue;
            }
            let known = found
                .iter()
                // `홍 부총리` for `홍남기 부총리 겸 기획재정부 장관`: one of the titles held.
                .find(|(p, _)| p.name.starts_with(surname) && p.role.split(" 겸 ").any(|r| r == role))
                .map(|(p, _)| p.clone());
            if let Some(p) = known {
                found.push((p, false));
            }
        }
    }
}

/// One entry per person, leaving out the author and people only mentioned away from the event;
/// the first mention with an organisation gives the role and organisation.
fn merge(found: &[(Attendee, bool)], author: Option<&str>) -> Vec<Attendee> {
    let mut out: Vec<Attendee> = Vec::new();
    for (p, elsewhere) in found {
        if Some(p.name.as_str()) == author {
            continue;
        }
        let here_too = found.iter().any(|(q, e)| q.name == p.name && !e);
        if *elsewhere && !here_too {
            continue;
        }
        match out.iter_mut().find(|q| q.name == p.name) {
            Some(q) => {
                if q.org.is_empty() && !p.org.is_empty() {
                    q.org = p.org.clone();
                    q.role = p.role.clone();
                }
            }
            None => out.push(p.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rules::ImportRules;

    fn run(s: &[&str]) -> Vec<(String, Option<String>, Option<String>)> {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let some = |t: String| Some(t).filter(|t| !t.is_empty());
        attendees(s, &Marked::default(), &rules, Some("조창현"))
            .0
            .into_iter()
            .map(|a| (a.name, some(a.role), some(a.org)))
            .collect()
    }

    fn p(n: &str, r: &str, o: &str) -> (String, Option<String>, Option<String>) {
        (n.into(), Some(r.into()), Some(o.into()))
    }

    #[test]
    fn members_of_a_list_open_with_their_names() {
        // A body of two words, one of which looks like a name (`공과대학`), between name and title.
        assert_eq!(
            run(&["간담회에는 도하람 한빛대 공과대학 교수, 변지후 법무법인 나래 변호사, 엄서윤 한빛소재 이사가 참석했다."]),
            vec![
                p("도하람", "교수", "한빛대 공과대학"),
                p("변지후", "변호사", "법무법인 나래"),
                p("엄서윤", "이사", "한빛소재")
            ]
        );
        // A place and a date before the name open no member: `23일 세종청사에서 차하진 차관`.
        let names: Vec<String> =
            run(&["기획재정부는 23일 정부세종청사에서 차하진 제1차관 주재로 회의를 열었다."])
                .into_iter()
                .map(|a| a.0)
                .collect();
        assert_eq!(names, vec!["차하진"]);
    }

    #[test]
    fn names_joined_by_dots_share_the_title_after_them() {
        let names = |s: &str| -> Vec<String> { run(&[s]).into_iter().map(|a| a.0).collect() };
        // The hyphenation point some pages print for the middle dot joins names as well.
        assert_eq!(
            names("이날 오찬에는 민하율 위원장과 석도윤‧엄지후·변서진 위원이 참석했다."),
            vec!["민하율", "석도윤", "엄지후", "변서진"]
        );
        // So does the word separator middle dot (U+2E31).
        assert_eq!(names("회의에는 석도윤⸱엄지후 위원이 참석했다."), vec!["석도윤", "엄지후"]);
        // Words that are no names make no one of a dotted pair.
        assert_eq!(names("이날 회의에는 산업·통상 위원이 참석했다."), Vec::<String>::new());
    }

    #[test]
    fn a_party_and_seat_or_a_post_in_parentheses_leave_the_title_to_the_name() {
        assert_eq!(
            run(&["이날 회의에는 도하람(한빛당, 수원5) 위원장, 변지후(한빛대 교수) 위원 등 7명이 참석했다."]),
            vec![
                ("도하람".into(), Some("위원장".into()), None),
                ("변지후".into(), Some("위원".into()), None)
            ]
        );
    }

    #[test]
    fn people_in_a_marked_list_are_read_one_by_one() {
        assert_eq!(
            run(&["설명회에는 △민하율 충남도 과장 △석도윤 천안시 팀장 △엄지후 한빛드론 대표 등 20명이 참석했다."]),
            vec![p("민하율", "과장", "충남도"), p("석도윤", "팀장", "천안시"), p("엄지후", "대표", "한빛드론")]
        );
    }

    #[test]
    fn reads_the_common_patterns() {
        assert_eq!(
            run(&[
                "과학기술정보통신부(장관 이종호, 이하 과기정통부)는 간담회를 열었다.",
                "과기정통부 이종호 장관은 말했다."
            ]),
            vec![p("이종호", "장관", "과학기술정보통신부")]
        );
        assert_eq!(
            run(&["참석한 삼성전자 영상디스플레이사업부 용석우 사장 및 KT 김영섭 대표는 제언했다."]),
            vec![p("용석우", "사장", "삼성전자 영상디스플레이사업부"), p("김영섭", "대표", "KT")]
        );
        assert_eq!(
            run(&["배경훈 부총리 겸 과학기술정보통신부 장관이 주재했다."]),
            vec![p("배경훈", "부총리 겸 장관", "과학기술정보통신부")]
        );
        assert_eq!(
            run(&["회의는 김민수 한국전자통신연구원 원장이 열었다."]),
            vec![p("김민수", "원장", "한국전자통신연구원")]
        );
        // A head named only beside the body that announces is not at a meeting someone else
        // chairs; at the body's own meeting with no other chair, he is.
        assert_eq!(
            run(&[
                "행정안전부(장관 반서하)는 1월 14일 정부세종청사에서 위원회를 열었다.",
                "이날 회의는 윤세라 행정안전부 차관 주재로 열렸다."
            ]),
            vec![p("윤세라", "차관", "행정안전부")]
        );
        assert_eq!(
            run(&["대덕특구기관장협의회(회장 조영화)는 26일 유성호텔에서 정기총회를 개최했다."]),
            vec![p("조영화", "회장", "대덕특구기관장협의회")]
        );
        // Beside a body that is not the subject, the parentheses name who came for it.
        assert_eq!(
            run(&["협약식에는 한국전자통신연구원(원장 김민수) 등 5개 기관이 참석했다."]),
            vec![p("김민수", "원장", "한국전자통신연구원")]
        );
        // The event's date (`5월 20일`) does not make it an earlier one, nor an organisation.
        assert_eq!(
            run(&["과학기술정보통신부는 5월 20일 서울 중구에서 류도윤 제1차관 주재로 간담회를 열었다."]),
            vec![p("류도윤", "제1차관", "과학기술정보통신부")]
        );
        assert_eq!(run(&["올해 2월 출범식에는 김민수 한국전자통신연구원 원장이 참석했다."]), vec![]);
        // Which holder of a title (a term, its half) stands between the name and the title.
        assert_eq!(
            run(&["기념식에는 고다온 제3대 전반기 의장과 김하람 초대 의장이 참석했다."]),
            vec![("고다온".into(), Some("의장".into()), None), ("김하람".into(), Some("의장".into()), None)]
        );
        // An agency of three syllables led by a surname's letter is the organisation, not a name.
        assert_eq!(
            run(&["토론회에는 위하람 조달청 혁신조달기획과장과 고은솔 통계청 과장이 참석했다."]),
            vec![p("위하람", "혁신조달기획과장", "조달청"), p("고은솔", "과장", "통계청")]
        );
        assert_eq!(
            run(&["조창현 기자가 썼다.", "그는 지난해 인터뷰에서 박철수 대표가 말했다고 전했다."]),
            vec![]
        );
        assert_eq!(
            run(&["출범식에는 박완수 초대 시장을 비롯 김두관 경남도지사,안홍준 국회의원등이 참석했다."]),
            vec![
                ("박완수".to_string(), Some("시장".to_string()), None),
                p("김두관", "도지사", "경남도"),
                ("안홍준".to_string(), Some("국회의원".to_string()), None)
            ]
        );
    }

    #[test]
    fn a_place_with_its_particle_or_a_kind_of_firm_is_no_name() {
        let got = run(&[
            "도는 8일 부산 해운대구 한 호텔에서 해운 3사 CEO 간담회를 열었다.",
            "간담회에는 조하율 해양수산국장이 참석했다.",
        ]);
        let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(names, vec!["조하율"]);
        let got = run(&["현장 간담회에는 석지안 경남도 경제국장과 중소 제조기업 대표 10여 명이 참석했다."]);
        assert!(got.iter().all(|(n, _, _)| n != "제조기업"), "{got:?}");
        assert!(got.iter().any(|(n, _, _)| n == "석지안"), "{got:?}");
    }

    #[test]
    fn hosting_chairing_and_presenting_at_a_seminar_is_presence() {
        let got = run(&[
            "탁연우 더불어민주당 의원(광주 북구갑)과 하예준 국민의힘 의원은 2일 국회에서 '데이터 댐 점검' 토론회를 공동 주최했다.",
            "좌장은 편가온 UNIST 교수가 맡았다.",
            "남궁소리 전남대 교수가 '지역 데이터 활용'을 발제했다.",
            "토론회에는 어채원 한국데이터산업진흥원(K-DATA) 본부장이 참석했다.",
            "봉태주 국회의장은 서면 축사를 보냈다.",
        ]);
        let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(names, vec!["탁연우", "하예준", "편가온", "남궁소리", "어채원"], "{got:?}");
        assert!(got.contains(&p("어채원", "본부장", "한국데이터산업진흥원")), "{got:?}");
    }

    #[test]
    fn a_four_letter_word_between_a_name_and_a_title_is_the_organisation() {
        let got = run(&["협약식에는 국다온 한빛소재 대표와 남궁하람 KT 대표가 참석했다."]);
        assert!(got.contains(&p("국다온", "대표", "한빛소재")), "{got:?}");
        assert!(got.contains(&p("남궁하람", "대표", "KT")), "{got:?}");
        // A name after its organisation stays the name.
        let got = run(&["협약식에는 두산로보틱스 류정훈 대표가 참석했다."]);
        assert!(got.contains(&p("류정훈", "대표", "두산로보틱스")), "{got:?}");
        // Attending a sitting to explain a bill is presence.
        let got = run(&["본회의에는 모재하 행정부지사가 출석해 제안 설명을 했다."]);
        assert!(got.iter().any(|(n, _, _)| n == "모재하"), "{got:?}");
    }

    #[test]
    fn asking_and_answering_at_the_meeting_is_presence() {
        let got = run(&[
            "위원회는 이날 회의를 열었다.",
            "회의에서 변하람 의원은 노선 연장을 질의했고, 옥다현 교통국장은 \"연내 확정하겠다\"고 답변했다.",
        ]);
        let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(names, vec!["변하람", "옥다현"]);
    }

    #[test]
    fn a_head_named_beside_his_body_is_not_there_when_another_of_it_is() {
        let got = run(&[
            "한국도로공사(사장 윤태오, 이하 K-road)는 2일 군청에서 협약을 체결했다고 밝혔다.",
            "협약식에는 함서진 K-road 본부장과 변유나 군수가 참석했다.",
        ]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["함서진", "변유나"]);
        // With no one else of the body there, the head who signs for it is.
        let got = run(&["한국도로공사(사장 윤태오)는 2일 군청에서 협약을 체결했다."]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["윤태오"]);
    }

    #[test]
    fn members_who_question_and_officials_who_answer_at_an_audit_are_present() {
        let got = run(&[
            "영동군의회 산업위원회(위원장 편하린)는 19일 농정과를 상대로 행정사무감사를 벌였다.",
            "길도원 의원(다선거구)은 \"지난해부터 들인 돈이 얼마냐\"고 따졌다.",
            "봉세린 의원은 지난 8월 폭우 때 멈춘 양수장 문제를 지적했다.",
            "탁유진 농정과장은 \"연말까지 고치겠다\"고 밝혔다.",
        ]);
        let names: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, vec!["길도원", "봉세린", "탁유진", "편하린"], "{got:?}");
        // A council's sitting: the chair who speaks at it is there.
        let got = run(&[
            "도의회는 10일 제2차 본회의를 열고 예산안을 의결했다.",
            "표다인 의장은 \"꼼꼼히 살피겠다\"고 말했다.",
        ]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["표다인"]);
        let got =
            run(&["구의회는 3일 제40회 임시회를 열었다.", "옥서린 의원은 \"보상부터 해야 한다\"고 맞섰다."]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["옥서린"]);
        // A sitting told as what closed the session (`본회의를 끝으로`) was held too.
        let got = run(&[
            "구의회가 1일 제256회 임시회 제2차 본회의를 끝으로 의사일정을 마무리했다.",
            "표다인 의장은 \"신속히 집행해 달라\"고 당부했다.",
        ]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["표다인"]);
        // A meeting held: who speaks in the story spoke at it.
        let got = run(&[
            "시는 3일 스마트도시 협의회를 개최했다.",
            "표다인 스마트도시과장은 \"신규 사업을 함께 발굴하자\"고 제안했다.",
        ]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["표다인"]);
        // With no sitting held in the story, a statement is no presence.
        assert_eq!(run(&["탁유진 농정과장은 \"연말까지 고치겠다\"고 밝혔다."]), vec![]);
        // An interview at the sitting's side is still an interview.
        let got = run(&[
            "군의회는 19일 농정과를 상대로 감사를 벌였다.",
            "탁유진 농정과장은 인터뷰에서 \"고치겠다\"고 말했다.",
        ]);
        assert_eq!(got, vec![]);
    }

    #[test]
    fn who_speaks_on_the_events_day_or_at_a_meeting_with_the_press_is_present() {
        let got = run(&["이날 표다인 차관은 \"현장의 목소리를 듣겠다\"고 말했다."]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["표다인"]);
        let got = run(&["옥서린 시장은 9일 기자들과의 차담회에서 \"예산이 반영되기를 희망한다\"고 밝혔다."]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["옥서린"]);
        // The same words on another day are a statement, not presence.
        assert_eq!(run(&["표다인 차관은 \"현장의 목소리를 듣겠다\"고 말했다."]), vec![]);
        // Members who spoke on their topics at the sitting.
        let got = run(&[
            "표다인 의원(한빛당·중구3)이 ‘오페라단 창단 방안’, 권다온 의원이 ‘정류소 위치’에 대해 발언했다.",
        ]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["표다인", "권다온"]);
        // A note on the post between the body and the title.
        let got = run(&["협약식에는 김하람 한빛대(사업 총괄계획가) 교수 등이 참석했다."]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["김하람"]);
        // A speech on the programme of a sitting still to come.
        assert_eq!(run(&["13일 제2차 본회의에서는 표다인 의원의 5분 자유발언 일정이 잡혀 있다."]), vec![]);
        // The surname and one of two titles held, at the event: the person named in full before.
        let got = run(&[
            "표다인 부총리 겸 기획재정부 장관이 29일 \"대책을 마련하고 있다\"고 말했다.",
            "표 부총리는 이날 오전 정부서울청사에서 경제관계장관회의를 열고 이렇게 밝혔다.",
        ]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["표다인"]);
        // A clause ending before the name is no organisation; a four-letter compound is no name.
        let got = run(&["예산 확보를 위해 총출동한 가운데 표다인 도지사가 참석했다."]);
        assert_eq!(got, vec![("표다인".to_string(), Some("도지사".to_string()), None)]);
        assert!(!is_person_name("용역수행") && is_person_name("남궁하람") && is_person_name("표다인"));
        // Council members by their council's level, and a ministry's deliberation officer.
        let got = run(&["이날 간담회에는 빈하람·장서윤 도의원과 한다온 경제예산심의관이 참석했다."]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["빈하람", "장서윤", "한다온"]);
        // Visiting and meeting are presence.
        let got = run(&["표다인 광주시장과 권다온 대구시장이 함께 국회를 찾았다."]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["표다인", "권다온"]);
        // The reporter meeting someone is an interview.
        assert_eq!(run(&["편하람 횡성군수를 군청 집무실에서 만났다."]), vec![]);
        // A numbered deputy's title is a title.
        let got = run(&["협약식에는 권다온 하늘시 제2부시장과 서하준 도시정책실장이 참석했다."]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["권다온", "서하준"]);
    }

    #[test]
    fn a_list_of_people_present_each_with_organisation_and_title() {
        assert_eq!(
            run(&["시는 3일 서하준 고흥군수와 오세린 전남도 행정부지사, 권다온 한국농어촌공사 전남본부장 등 100여 명이 참석한 가운데 준공식을 열었다."]),
            vec![
                p("서하준", "군수", "고흥군"),
                p("오세린", "행정부지사", "전남도"),
                // The office's place is part of the organisation, not kept in the title.
                p("권다온", "본부장", "한국농어촌공사"),
            ]
        );
    }

    #[test]
    fn a_speaker_who_introduces_himself_is_present() {
        assert_eq!(
            run(&["안녕하십니까.", "전라남도지사 선우진입니다.", "올해 도정 방향을 말씀드리겠습니다."]),
            vec![p("선우진", "도지사", "전라남도")]
        );
        assert_eq!(
            run(&["한빛연구원 원장 고은비입니다."]),
            vec![("고은비".to_string(), Some("원장".into()), None)]
        );
        // Not a name, not a title: `시작입니다`, `목표는 두 가지입니다`.
        assert_eq!(run(&["이제 새로운 시작입니다.", "목표는 두 가지입니다."]), vec![]);
    }

    #[test]
    fn a_council_sitting_its_speakers_and_a_written_message() {
        let got = run(&[
            "한빛구의회가 3일 제40회 임시회를 열었다.",
            "진하람 의장은 개회사에서 \"예산을 살피겠다\"고 말했다.",
            "자유발언에 나선 국민의힘 표서준 의원(가선거구)은 \"보상이 먼저\"라고 지적했다.",
            "류민국 구청장은 출장 중이어서 서면축사를 보냈고, 답변은 남서율 부구청장이 맡았다.",
        ]);
        let names: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, vec!["진하람", "표서준", "남서율"]);
        assert_eq!(got[0], p("진하람", "의장", "한빛구의회"));
        assert_eq!(got[1], p("표서준", "의원", "한빛구의회"));
        // Two councils named: which one a bare 의장 heads is not guessed.
        let got =
            run(&["한빛시의회와 새벽도의회가 3일 간담회를 열었다.", "오가람 의장은 개회사에서 인사했다."]);
        assert_eq!(got[0].2, None);
    }

    #[test]
    fn people_not_at_the_event_are_not_attendees() {
        // A written message is not attendance.
        assert_eq!(run(&["김철수 행정안전부 장관은 서면축사를 통해 개소식을 축하했다."]), vec![]);
        // Quoted from a statement, with no event in the sentence.
        assert_eq!(run(&["박영희 과기정통부 정책관은 “연구를 지원하겠다”고 말했다."]), vec![]);
        // Recommended for a post, not present at anything.
        assert_eq!(run(&["위원회는 총괄책임자로 최민수 카이스트 교수를 추천했다고 밝혔다."]), vec![]);
        // A meeting to be held next month.
        assert_eq!(run(&["다음 달 정우성 부총리 주재로 열리는 간담회에서 논의할 예정이다."]), vec![]);
        // An earlier event the article recalls.
        assert_eq!(run(&["그는 올해 2월 윤나라 대통령 주재의 회의를 성사시켰다."]), vec![]);
        // Present: a video message counts, as does chairing.
        assert_eq!(
            run(&["이도현 경제부지사 주재로 회의를 열고 토론했다."]),
            vec![(String::from("이도현"), Some("경제부지사".into()), None)]
        );
    }

    #[test]
    fn a_title_in_one_word_with_its_post_or_its_organisation() {
        assert_eq!(
            run(&["행사에는 문가을 국토교통부 도시정책실장과 도하린 한국교통연구원장이 참석했다."]),
            vec![p("문가을", "도시정책실장", "국토교통부"), p("도하린", "원장", "한국교통연구원")]
        );
        // A venue written like a title is no person's.
        assert_eq!(run(&["참석자들은 박람회장에서 만났다."]), vec![]);
    }

    #[test]
    fn a_university_by_its_places_short_name_is_an_organisation() {
        assert_eq!(run(&["협약식에는 송하람 경북대 총장이 참석했다."]), vec![p("송하람", "총장", "경북대")]);
        // Its department too, though it ends in `과` as a conjunction does.
        assert_eq!(
            run(&["간담회에는 변시우 전북대 기계공학과 교수가 참석했다."]),
            vec![p("변시우", "교수", "전북대 기계공학과")]
        );
    }

    #[test]
    fn a_head_whose_place_the_gazetteer_spells_with_its_suffix() {
        // 경주 alone is a common word; `경주시` is the place, and `경주시장` its mayor.
        assert_eq!(run(&["협약식에는 남궁별 경주시장이 참석했다."]), vec![p("남궁별", "시장", "경주시")]);
    }

    #[test]
    fn one_who_could_not_come_is_absent_and_the_deputy_who_signed_present() {
        let got = run(&["군은 윤도경 군수가 태풍으로 오지 못해 변가온 부군수가 대신 서명했다."]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["변가온"]);
        let got = run(&["하은솔 시장은 참석하지 못했지만 구태린 부시장이 참석했다."]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["구태린"]);
    }

    #[test]
    fn a_name_in_latin_letters_before_an_organisation_and_a_title() {
        assert_eq!(
            run(&["기조연설에 나선 Anna Berg 지멘스 부사장은 협력을 강조했다."]),
            vec![p("Anna Berg", "부사장", "지멘스")]
        );
    }

    #[test]
    fn a_keynote_speaker_and_panellists_who_took_part_are_present() {
        assert_eq!(
            run(&["키노트는 Nora Vale 그린포트캐피털(Green Port Capital) 파트너가 맡았다."]),
            vec![p("Nora Vale", "파트너", "그린포트캐피털")]
        );
        assert_eq!(
            run(&["패널 토론에는 봉하람 KOTRA 본부장과 길서윤 뉴로모아(NeuroMoa) CEO, Ian Price 브릿지웍스 CTO가 참여했다."]),
            vec![p("봉하람", "본부장", "KOTRA"), p("길서윤", "CEO", "뉴로모아"), p("Ian Price", "CTO", "브릿지웍스")]
        );
        assert_eq!(run(&["토론에는 봉하람 KOTRA 본부장이 참여했다."]), vec![p("봉하람", "본부장", "KOTRA")]);
        // Taking part in a programme, not an event: no one is placed anywhere.
        assert_eq!(run(&["이 사업에는 봉하람 모아랩 대표가 참여했다."]), vec![]);
    }

    #[test]
    fn a_member_belongs_to_the_council_the_story_is_about_not_one_in_an_aside() {
        let got = run(&[
            "충남 옥천군의회(의장 변하율)는 20일 본회의를 열었다.",
            "최다온 의원은 5분 자유발언을 했다.",
            "한편 인근 보은군의회는 23일 임시회를 연다.",
        ]);
        assert_eq!(got, vec![p("최다온", "의원", "옥천군의회"), p("변하율", "의장", "옥천군의회")]);
    }

    fn names_with_captions(body: &[&str], captions: &[&str]) -> Vec<String> {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let marked = Marked { captions: captions.to_vec(), speakers: Vec::new() };
        attendees(body, &marked, &rules, None).0.into_iter().map(|a| a.name).collect()
    }

    #[test]
    fn signatories_named_only_in_the_caption_of_the_signing_are_present() {
        let got = names_with_captions(
            &["한빛구는 지역 기업들과 물류센터 건립 협약을 맺었다고 2일 밝혔다."],
            &["[광주=한빛통신] 탁서윤(오른쪽 세번째) 한빛구청장과 변하진(오른쪽 두번째) 누리물류 대표, 옥가람(왼쪽) 새솔건설 상무 등이 지난달 29일 협약을 체결하고 있다. (사진=한빛구 제공)"],
        );
        assert_eq!(got, vec!["탁서윤", "변하진", "옥가람"]);
        // A file photo, or one of a written message, shows no one at the event.
        let got = names_with_captions(
            &["한빛구는 협약을 맺었다."],
            &["탁서윤 한빛구청장이 인사말을 하고 있다. (자료사진)"],
        );
        assert!(got.is_empty(), "{got:?}");
        // A photo of another day's meeting over the story of this one is a file photo.
        let got = names_with_captions(
            &["정부는 27일 한빛 회의를 열고 지원 방안을 발표했다."],
            &["탁서윤 외교부 장관이 7일 오전 정부서울청사에서 열린 회의에 참석하고 있다."],
        );
        assert!(got.is_empty(), "{got:?}");
        // The lead's day may come in its second sentence, after a byline with none.
        let got = names_with_captions(
            &[
                "[서울=한빛통신]엄서윤 기자 = 기업 지원이 필요하다는 목소리가 나왔다.",
                "위원회는 23일 기업간담회를 개최했다고 밝혔다.",
            ],
            &["탁서윤 위원회 부위원장이 지난 15일 열린 기자간담회에서 발언하고 있다."],
        );
        assert!(got.is_empty(), "{got:?}");
        // A portrait with no act and no event in it places no one.
        let got = names_with_captions(&["한빛구는 협약을 맺었다."], &["변하진 누리물류 대표"]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn programme_items_and_courtesy_titles_are_read_as_such() {
        // `기념사` after a title is an item of the programme, not a person's name.
        let got = run(&["기념식은 ▲축하공연 ▲하지온 의장 기념사 ▲유공자 포상 순으로 진행됐다."]);
        assert!(got.iter().all(|(n, _, _)| n != "기념사"), "{got:?}");
        // `의원님의 사회로`: the member who chairs, with the courtesy dropped from the title.
        let got = run(&[
            "한빛시의회는 2일 본회의를 열었다.",
            "출석의원 중 최다선 의원이신 모하린 의원님의 사회로 의장선거를 실시했다.",
        ]);
        assert_eq!(got, vec![p("모하린", "의원", "한빛시의회")]);
    }

    #[test]
    fn a_place_or_a_modifier_between_the_name_and_the_title() {
        assert_eq!(
            run(&["협약식에는 탁서윤 대전 유성구청장이 참석했다."]),
            vec![p("탁서윤", "구청장", "대전 유성구")]
        );
        // `상` leads a rare surname; `현` says which holder of the title he is.
        let got = run(&["기념식에는 상하진 현 한빛시의회 의장과 상임 위원 등이 참석했다."]);
        assert_eq!(got, vec![p("상하진", "의장", "한빛시의회")]);
    }

    #[test]
    fn the_last_of_a_list_and_an_office_glued_to_its_body() {
        let got =
            run(&["협약식에는 편도윤 전남도경제부지사, 하다솜 누리에스아이 대표 등 10여명이 참석했다."]);
        assert_eq!(got, vec![p("편도윤", "경제부지사", "전남도"), p("하다솜", "대표", "누리에스아이")]);
        // A subject particle `이` after a final consonant still ends the organisation.
        assert!(!vowel_led_i("한빛산업이"));
        assert!(vowel_led_i("누리에스아이"));
    }

    #[test]
    fn the_host_of_a_meeting_told_by_verbs_is_present() {
        let got = run(&[
            "해양수산부는 현장 소통을 늘린다고 밝혔다.",
            "하도윤 해양수산부 제1차관은 첫 행보로 3일 부산항만공사를 찾아 물류기업 대표들과 스마트항만 전환 방안을 논의했다.",
            "하 차관은 모두발언에서 \"현장의 목소리를 듣겠다\"고 말했다.",
        ]);
        assert_eq!(got, vec![p("하도윤", "제1차관", "해양수산부")]);
        // A member who raises a point at the sitting (`짚었다`) is at it.
        let got = run(&[
            "위원회는 2일 전체회의를 열고 현안질의를 벌였다.",
            "모세린 의원(한빛당)은 전력 문제를 짚었다.",
        ]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["모세린"]);
        // Someone met only in a quotation of plans is not placed anywhere.
        assert_eq!(run(&["하도윤 차관은 \"기업인들을 자주 만나겠다\"고 말했다."]), vec![]);
    }

    #[test]
    fn a_ceremonys_word_after_a_title_is_the_event_and_a_cut_or_spaced_speech_is_still_speech() {
        let held = "수원시는 지난 2월 29일 시청 상황실에서 제5기 정보화 협의회 위원 위촉식을 개최했다.";
        // `위원위촉식`: the title `위원` glued to the ceremony, not a member called 위촉식.
        assert_eq!(run(&["지역 정보화 촉진협의회 위원위촉식", held]), vec![]);
        // `당부 하였다`, spaced and in its long form, is what was said that day.
        assert_eq!(
            run(&[held, "이날 차민성 수원시장은 \"위원들의 자문을 부탁드린다\"고 당부 하였다."]),
            vec![p("차민성", "시장", "수원시")]
        );
        // So is a quotation the page cut before it closed.
        assert_eq!(
            run(&[
                held,
                "이날 차민성 수원시장은 \"우리 수원시가 언제 어디서나 정보화 서비스가 제공되는 도시로"
            ]),
            vec![p("차민성", "시장", "수원시")]
        );
    }

    #[test]
    fn officials_visited_in_person_are_present() {
        let names = |s: &[&str]| -> Vec<String> { run(s).into_iter().map(|a| a.0).collect() };
        assert_eq!(
            names(&[
                "국회에 나와 있는 도하람 기재부 제2차관, 변지후 예산실장 등을 일일이 찾아가 협조를 구했다."
            ]),
            vec!["도하람", "변지후"]
        );
    }

    #[test]
    fn who_will_attend_a_meeting_still_to_come_is_not_present() {
        let names = |s: &[&str]| -> Vec<String> { run(s).into_iter().map(|a| a.0).collect() };
        let coming = "당정협의회가 오늘 오전 11시 국회 회의실에서 열린다.";
        assert_eq!(
            names(&[coming, "한빛당에서는 김나래 경남도당 위원장, 도하람 국회의원 등이 참석한다."]),
            Vec::<String>::new()
        );
        // Told as done, they were there.
        assert_eq!(
            names(&[
                "당정협의회가 25일 국회 회의실에서 열렸다.",
                "이날 회의에는 김나래 경남도당 위원장이 참석했다."
            ]),
            vec!["김나래"]
        );
    }

    #[test]
    fn an_audit_told_as_under_way_is_a_sitting_and_a_members_seat_does_not_end_the_sentence() {
        let names = |s: &[&str]| -> Vec<String> { run(s).into_iter().map(|a| a.0).collect() };
        let audit = "이날 오전 10시부터 정보기획관에 대한 행정사무감사가 진행됐으나 답변이 부실했다.";
        // The district and party in parentheses (`양천1. 한빛당`) hold a stop that ends nothing.
        let said = "김나래 의원(양천1. 한빛당)은 용역을 특정업체와 계약했다고 지적했다.";
        assert_eq!(names(&[audit, said]), vec!["김나래"]);
        // Without the sitting, a member's criticism places him nowhere.
        assert_eq!(names(&[said]), Vec::<String>::new());
    }

    fn names_on_page(page: &str) -> Vec<String> {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let cleaned = crate::import::text::clean(page, None, &rules);
        let marked = Marked::of(&cleaned, cleaned.title.as_deref().unwrap_or(""));
        let prose: Vec<&str> = cleaned
            .blocks
            .iter()
            .filter(|b| {
                matches!(b, crate::import::text::Block::Para(_) | crate::import::text::Block::Item { .. })
            })
            .flat_map(|b| crate::import::text::sentences(b.text()))
            .collect();
        attendees(&prose, &marked, &rules, None).0.into_iter().map(|a| a.name).collect()
    }

    #[test]
    fn the_speakers_of_a_sittings_minutes_are_present() {
        let page = "새벽군의회 본회의 회의록\n\n(10시00분 개의)\n\n\
            ○의장 모하린 성원이 되었으므로 본회의를 개의하겠습니다.\n\
            ○기획예산과장 탁서윤 기획예산과장 탁서윤입니다. 보고드리겠습니다.\n\
            ○하다솜 의원 질문드리겠습니다.\n\
            ○의사팀 변도경 주무관 보고드리겠습니다.\n\n(10시30분 산회)\n";
        assert_eq!(names_on_page(page), vec!["모하린", "탁서윤", "하다솜", "변도경"]);
        // A press release's ○ bullets are no speakers.
        let page = "새벽군, 스마트 경로당 확대\n\n\
            ○ 모하린 군수는 경로당 20곳에 돌봄 로봇을 보급한다고 밝혔다.\n\
            ○ 사업비는 군비로 충당한다.\n";
        assert!(names_on_page(page).is_empty());
    }

    #[test]
    fn a_broadcast_scripts_sound_bite_is_presence_and_an_interview_is_not() {
        let page = "새벽군의회 행정감사\n\n◀ANC▶\n새벽군의회가 행정사무감사를 하고 있습니다.\n◀END▶\n\
            감사장에는 빈 자리가 눈에 띕니다.\n◀SYN▶ 모하린 위원장\n자료가 많습니다.//\n\
            ◀INT▶ 탁서윤 주민\n아쉽습니다.//\n";
        assert_eq!(names_on_page(page), vec!["모하린"]);
    }

    #[test]
    fn a_day_of_last_month_dates_the_event_and_a_speech_at_it_is_presence() {
        let got = run(&[
            "협약식은 지난달 30일 시청에서 열렸으며 모하린 제천시장과 탁서윤 새솔전자 대표가 참석했다.",
        ]);
        assert_eq!(got, vec![p("모하린", "시장", "제천시"), p("탁서윤", "대표", "새솔전자")]);
        // Last month with no day is an earlier event the article recalls.
        assert_eq!(run(&["지난달 열린 협약식에는 모하린 제천시장이 참석했다."]), vec![]);
        // Speaking at the ceremony (`기념식에서`) is being at it.
        let got = run(&["이날 기념식에서 하다솜 제천시의회 의장은 \"함께하겠다\"고 강조했다."]);
        assert_eq!(got, vec![p("하다솜", "의장", "제천시의회")]);
    }

    #[test]
    fn a_short_body_name_between_a_name_and_a_title_and_a_photo_of_the_signing() {
        let got = run(&["개소식에는 변도경 한빛대 총장, 남궁별 새솔시 국장 등 50여 명이 자리했다."]);
        assert_eq!(got, vec![p("변도경", "총장", "한빛대"), p("남궁별", "국장", "새솔시")]);
        let got =
            run(&["(사진 왼쪽부터) 편하진 새솔전자 상무, 옥가람 누리물산 이사장이 협약서에 서명하고 있다."]);
        assert_eq!(got, vec![p("편하진", "상무", "새솔전자"), p("옥가람", "이사장", "누리물산")]);
        let got = run(&["협약식에는 편하진(52) 새솔전자 상무와 옥가람(61·사진) 누리물산 이사장이 참석했다."]);
        assert_eq!(got, vec![p("편하진", "상무", "새솔전자"), p("옥가람", "이사장", "누리물산")]);
        let got = run(&[
            "편하진(앞줄 왼쪽 3번째) 새솔전자 상무와 옥가람(우측) 누리물산 이사장이 협약서에 서명하고 있다.",
        ]);
        assert_eq!(got, vec![p("편하진", "상무", "새솔전자"), p("옥가람", "이사장", "누리물산")]);
    }

    #[test]
    fn a_list_ending_in_a_verb_of_sharing_the_place_keeps_its_last_name() {
        let got = run(&[
            "포럼에는 노하린 원주시장을 비롯해 탁은결 미래데이터재단 이사장, 석지안 한빛대 총장, 변다솜 한빛테크 대표 등 관계자들이 함께 자리를 빛냈다.",
        ]);
        assert_eq!(
            got,
            vec![
                p("노하린", "시장", "원주시"),
                p("탁은결", "이사장", "미래데이터재단"),
                p("석지안", "총장", "한빛대"),
                p("변다솜", "대표", "한빛테크"),
            ]
        );
        let got = run(&["이어 마도윤 한빛상공회의소 회장, 편서율 한빛연구원 원장 등도 함께 했다."]);
        assert_eq!(got, vec![p("마도윤", "회장", "한빛상공회의소"), p("편서율", "원장", "한빛연구원")]);
        // Cooperation promised for later is not presence.
        assert!(run(&["변다솜 한빛테크 대표는 앞으로 함께 할 예정이다."]).is_empty());
    }

    #[test]
    fn a_person_with_an_office_of_several_words_is_read() {
        let got = run(&[
            "협약식에는 탁은결 미래데이터재단 이사장, 석지안 원주시 스마트도시 총괄계획가, 변다솜 한빛테크 기술전략본부장 등이 자리했다.",
        ]);
        assert_eq!(
            got,
            vec![
                p("탁은결", "이사장", "미래데이터재단"),
                p("석지안", "총괄계획가", "원주시 스마트도시"),
                // The four-letter word between the name and a compound title is the body.
                p("변다솜", "기술전략본부장", "한빛테크"),
            ]
        );
        let got = run(&["행사에는 마도윤 원주시 디지털정책 자문관이 함께했다."]);
        assert_eq!(got, vec![p("마도윤", "자문관", "원주시 디지털정책")]);
    }

    #[test]
    fn a_district_many_cities_share_is_named_by_its_city() {
        let got = run(&[
            "포럼에는 노하린 광주 북구청장, 탁은결 부산 남구청장, 석지안 대구 중구청장 등이 참석했다.",
        ]);
        assert_eq!(
            got,
            vec![
                p("노하린", "구청장", "광주 북구"),
                p("탁은결", "구청장", "부산 남구"),
                p("석지안", "구청장", "대구 중구")
            ]
        );
        // With no city before it, the district head is read as before.
        let got = run(&["간담회에는 변다솜 북구청장이 참석했다."]);
        assert_eq!(got.iter().map(|a| a.0.as_str()).collect::<Vec<_>>(), vec!["변다솜"]);
    }

    #[test]
    fn a_title_shared_by_a_list_and_members_named_bare_before_their_group() {
        let got = run(&[
            "보고회에는 한지호 산업부, 오태민 과기부, 노윤서 고용노동부 장관과 문가람 청와대 정책실장이 참석했다.",
        ]);
        let names: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, vec!["한지호", "오태민", "노윤서", "문가람"], "{got:?}");
        assert!(got.contains(&p("오태민", "장관", "과학기술정보통신부")), "{got:?}");
        let got = run(&[
            "간담회에는 강하늘 분과위원장을 비롯해 김도윤, 박서연, 이준호 등 한빛당 미래위원회 소속 의원들이 참석했다.",
        ]);
        let names: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, vec!["강하늘", "김도윤", "박서연", "이준호"], "{got:?}");
        assert!(got.contains(&p("박서연", "의원", "한빛당 미래위원회")), "{got:?}");
        assert!(got.contains(&("강하늘".into(), Some("분과위원장".into()), None)), "{got:?}");
        // One word that looks like a name before the group is not enough to make a person.
        let got = run(&["설명회에는 삼진, 현대 등 지역 기업 대표들이 참석했다."]);
        assert!(got.is_empty(), "{got:?}");
        // A list of titled people keeps its own titles.
        let got = run(&["협약식에는 한지호 대표, 오태민 한빛대 총장이 참석했다."]);
        assert_eq!(got, vec![("한지호".into(), Some("대표".into()), None), p("오태민", "총장", "한빛대")]);
    }

    #[test]
    fn members_who_speak_at_a_committee_sitting_and_speakers_of_a_session_are_present() {
        let got = run(&[
            "한빛시의회 도시위원회(위원장 오세린)는 12일 제88회 임시회 제2차 회의를 열어 조례안을 심사했다.",
            "차민재 의원 (동구2, 한빛당)은 조례안 심사 중 준비가 부족하다고 지적하면서, 철저한 준비를 당부했다.",
        ]);
        let names: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, vec!["차민재", "오세린"], "{got:?}");
        assert!(got.contains(&p("차민재", "의원", "한빛시의회")), "{got:?}");
        let got = run(&[
            "두 번째 세션에서는 하도윤 한빛연구원 원장이 기조 연설했고, 모세린 새솔대 교수 등이 토론했다.",
        ]);
        assert_eq!(got, vec![p("하도윤", "원장", "한빛연구원"), p("모세린", "교수", "새솔대")]);
        // The generic name of a body before a title is no person (`위원회 위원 구성`).
        let got = run(&[
            "한빛시의회 도시위원회(위원장 오세린)는 12일 제88회 임시회 제2차 회의를 열어 조례안을 심사했다.",
            "차민재 의원 (동구2)은 위원회 위원 구성 조항이 모호하다고 지적했다.",
        ]);
        assert_eq!(got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), vec!["차민재", "오세린"], "{got:?}");
        // A member's remark quoted from a statement is no presence at the sitting.
        assert!(run(&["차민재 의원 (동구2)은 보도자료를 통해 준비 부족을 지적했다."]).is_empty());
    }

    #[test]
    fn members_elected_at_a_sitting_are_there_and_a_birthplace_is_no_one() {
        let names = |s: &[&str]| run(s).into_iter().map(|a| a.0).collect::<Vec<_>>();
        // A sitting told by what it passed; the chair who speaks in it is there.
        assert_eq!(
            names(&[
                "한빛군의회(의장 도하람)는 지난 12일 제2차 본회의에서 제1회 추경 예산안을 의결했다.",
                "도하람 의장은 “협조해 주신 의원님께 감사드린다”고 말했다.",
            ]),
            vec!["도하람"]
        );
        // Members elected at it are there too.
        assert_eq!(
            names(&[
                "한빛구의회는 3일 제201회 정례회 제1차 본회의를 열었다.",
                "이어진 특위 회의에서는 변지후 의원을 위원장으로, 엄서윤 의원을 부위원장으로 각각 선출했다.",
            ]),
            vec!["변지후", "엄서윤"]
        );
        // The man a birthplace is named for, and an adjective in -적 before a title, are no one.
        let got = names(&[
            "협의회는 지난 5일 한빛군 나래면 차하진 회장 생가에서 정기회의를 개최했다.",
            "도하람 의장은 개회사에서 “역사적 순간을 함께해 기쁘다”며 “국가적 대사를 치렀다”고 말했다.",
        ]);
        assert!(!got.contains(&"차하진".to_string()), "{got:?}");
        assert!(!got.iter().any(|n| n.ends_with('적')), "{got:?}");
    }

    #[test]
    fn a_meeting_held_with_its_time_and_place_between_and_the_people_it_is_said_to_have_are_there() {
        let names = |s: &[&str]| run(s).into_iter().map(|a| a.0).collect::<Vec<_>>();
        // The day and the room between the meeting and its verb.
        assert_eq!(
            names(&[
                "한빛시(시장 도하람)는 사업발굴 보고회를 20일 오전 9시 시청 중회의실에서 개최했다.",
                "도하람 시장은 실·국장으로부터 보고를 받고 협조 체계 구축을 주문했다.",
            ]),
            vec!["도하람"]
        );
        // A list the page cut before its verb.
        assert_eq!(
            names(&["회의에는 엄서윤 교육부 장관, 변지후 국방부 장관, 차하진 기후"]),
            vec!["엄서윤", "변지후"]
        );
        // `제2 차관` is one title; a quotation closed by `이라면서` is speech that day, and a
        // year inside the quotation is what was said, not when.
        assert_eq!(
            names(&["이날 엄서윤 한빛부 제2 차관은 \"핵심 사업은 데이터 구축\"이라 면서 \"지난해까지 소"]),
            vec!["엄서윤"]
        );
    }

    #[test]
    fn members_who_speak_at_an_audit_told_by_its_place_are_there() {
        let names = |s: &[&str]| run(s).into_iter().map(|a| a.0).collect::<Vec<_>>();
        assert_eq!(
            names(&[
                "여야가 11일 국회 한빛위원회의 한빛부 국정감사에서 예산 삭감 문제를 두고 공방을 벌였다.",
                "한빛당 도하람 의원은 \"왜 근거도 없이 줄이나\"라고 지적했다.",
            ]),
            vec!["도하람"]
        );
        // Quoted alone, with no sitting told, a member is not placed anywhere.
        assert!(names(&["한빛당 도하람 의원은 \"왜 근거도 없이 줄이나\"라고 지적했다."]).is_empty());
    }

    #[test]
    fn a_special_citys_mayor_and_a_member_after_his_affiliation_are_read() {
        assert_eq!(
            run(&["도하람 창원특례시장은 11일 시청에서 협약식을 열고 협약서에 서명했다."]),
            vec![p("도하람", "특례시장", "창원시")]
        );
        let names: Vec<String> = run(&[
            "한빛위원회는 11일 국정감사에서 공방을 벌였다.",
            "같은 당 소속 엄서윤 의원도 \"예산을 살펴야 한다\"고 말했다.",
        ])
        .into_iter()
        .map(|a| a.0)
        .collect();
        assert_eq!(names, vec!["엄서윤"]);
    }
}
