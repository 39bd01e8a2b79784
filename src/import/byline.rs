//! Bylines: who wrote an article and for which outlet, in the forms Korean pages print them —
//! a line of its own (`홍길동 기자 | hong@x.kr | 2024.01.19`, `매체 | 홍길동 기자 | 2024.01.19`, `(서울=뉴스1) 홍길동 기자`,
//! `홍길동 | 기사입력 …`), the opening of the lead (`[매체 홍길동 기자]`, `[매체=홍길동 기자]`,
//! `(매체 홍길동 기자)`, `(세종=매체) 홍길동 기자 =`, `[매체]`) or the end of the last paragraph
//! (`… 밝혔다. /홍길동 기자 hong@x.kr`, `… 예상된다. 홍길동`).

use regex::Regex;
use std::sync::LazyLock;

use super::gazetteer;

/// An outlet and/or a reporter's name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Byline {
    /// The outlet as written.
    pub outlet: Option<String>,
    /// The reporter.
    pub name: Option<String>,
    /// An e-mail address next to the name.
    pub email: Option<String>,
}

const RANKS: &str = r"(?:선임|수석|객원|인턴|전문)?\s*";
/// A wire's dateline naming the outlet: `(서울=연합뉴스)`, `【청주=코리아프러스】`.
/// A story another outlet gives says so: `(서울=연합뉴스 제공)`.
const WIRE_DATELINE: &str =
    r"[(【\[]\s*[가-힣A-Za-z]{1,10}\s*=\s*(?P<outlet>[^)】\]\s]{2,20})(?:\s*제공)?\s*[)】\]]";

static WIRE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{WIRE_DATELINE}\s*(?:(?P<name>[가-힣]{{2,4}})\s*{RANKS}(?:기자|특파원))?\s*=?\s*(?:[|·/].*|[\w.+-]+@[\w.-]+\s*)?$"
    ))
    .unwrap()
});
/// `머니투데이 창원=노수윤 기자 | 2022.06.20`: the outlet may come before the reporter's town
/// (`town`), and is then the outlet whatever its name.
static NAMED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:기자명\s*|글\s*[·ㆍ]?\s*사진\s*[=:]?\s*|출처\s*[:：]?\s*|By\s+|by\s+|/\s*)?(?:{DATELINE})?(?:(?P<outlet>[^\s\d|/=ㅣ]{{2,15}})(?:\s*{SEPARATOR}\s*|\s+))?(?P<town>{DATELINE})?(?P<name>[가-힣]{{2,4}})\s*{RANKS}(?:기자|특파원)(?P<rest>$|[\s|/·,(<\[].*)$"
    ))
    .unwrap()
});
/// Bars set between an outlet and its reporter: ASCII, full-width, box-drawing, and the Hangul
/// vowel ㅣ that many sites type for one (`[더팩트ㅣ천안=이름 기자]`).
const SEPARATOR: &str = r"[|·ㅣ｜│]";
/// `예산=원하람 기자`: a regional reporter's town before the name.
const DATELINE: &str = r"[가-힣]{1,8}\s*=\s*";
/// A columnist signs with a newsroom rank, not `기자`: `손태윤 경제부장`, `하도윤 논설위원`.
/// Only the ranks of a newsroom (its desks' heads, editorial writers), so that an official's
/// title on a line of its own is not read as a byline.
static NEWSROOM_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<name>[가-힣]{2,4})\s+(?:(?:객원)?논설위원|논설실장|논설주간|주필|편집국장|편집부국장|부국장|대기자|칼럼니스트|(?:경제|사회|정치|문화|국제|산업|체육|스포츠|편집|사진|지역|디지털|기획|금융|과학|경제산업|정치행정|사회문화)부\s?(?:장|차장|데스크))(?:$|\s*[|·/,]\s*.*|\s+[\w.+-]+@[\w.-]+\s*$)",
    )
    .unwrap()
});
static BARE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<name>[가-힣]{2,4})\s*[|·]\s*(?:기사\s*)?(?:입력|등록|승인|송고|작성|발행)").unwrap()
});
/// `안기자 2010. 7. 2. 15:54`: a blog's reporter handle before the post time.
static HANDLE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<name>[가-힣]기자)\s+(?:19|20)\d{2}").unwrap());
static EMAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").unwrap());

/// The forms of a byline opening the lead, each with whether its shape alone says that the
/// word in the outlet's place is an outlet (a wire's `(도시=매체)`, an outlet set apart by a bar
/// or before a town: `[매체ㅣ도시=이름 기자]`, `[매체 도시=이름 기자]`, `[도시=매체 이름 기자]`). The
/// bare `[매체]` is last.
static LEAD_FORMS: LazyLock<Vec<(Regex, bool)>> = LazyLock::new(|| {
    [
        (format!(r"^\[\s*(?P<outlet>[^\]\s=ㅣ|]{{2,20}})\s*{SEPARATOR}\s*(?:[가-힣]{{1,8}}\s*=\s*)?(?P<name>[가-힣]{{2,4}})\s*{RANKS}(?:기자|특파원)\s*\]\s*"), true),
        (format!(r"^\[\s*[가-힣]{{1,8}}\s*=\s*(?P<outlet>[^\]\s=]{{2,20}})\s+(?P<name>[가-힣]{{2,4}})\s*{RANKS}(?:기자|특파원)\s*\]\s*"), true),
        (format!(r"^\[\s*(?P<outlet>[^\]\s=ㅣ|]{{2,20}})\s+[가-힣]{{1,8}}\s*=\s*(?P<name>[가-힣]{{2,4}})\s*{RANKS}(?:기자|특파원)\s*\]\s*"), true),
        (format!(r"^\[\s*(?P<outlet>[^\]\s=]{{2,20}})\s+(?P<name>[가-힣]{{2,4}})\s*{RANKS}(?:기자|특파원)\s*\]\s*"), false),
        (format!(r"^\[\s*(?P<outlet>[^\]\s=]{{2,20}})\s*=\s*(?P<name>[가-힣]{{2,4}})\s*{RANKS}(?:기자|특파원)\s*\]\s*"), false),
        (format!(r"^\(\s*(?P<outlet>[^)\s=]{{2,20}})\s+(?P<name>[가-힣]{{2,4}})\s*{RANKS}(?:기자|특파원)\s*\)\s*"), false),
        (format!(r"^\(\s*(?P<outlet>[^)\s=]{{2,20}})\s*=\s*(?P<name>[가-힣]{{2,4}})\s*{RANKS}(?:기자|특파원)\s*\)\s*"), false),
        (format!(r"^{WIRE_DATELINE}\s*(?:(?P<name>[가-힣]{{2,4}})\s*{RANKS}(?:기자|특파원)\s*=?\s*)?"), true),
        (r"^[\[【]\s*(?P<outlet>[^\]】\s=]{2,20})\s*[\]】]\s*".to_string(), false),
    ]
    .into_iter()
    .map(|(p, trusted)| (Regex::new(&p).unwrap(), trusted))
    .collect()
});
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?:^|[.!?]["'”’)]*)\s*/?\s*(?P<wire>{WIRE_DATELINE}\s*)?(?P<name>[가-힣]{{2,4}})\s*{RANKS}기자\s*(?P<email>[\w.+-]+@[\w.-]*)?\s*$"#
    ))
    .unwrap()
});
static TRAILING_BARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?]["'”’)]*\s+(?P<name>[가-힣]{2,3})$"#).unwrap());

/// Bracketed tags that open a lead but name no outlet.
const NOT_OUTLETS: &[&str] = &[
    "단독",
    "속보",
    "종합",
    "포토",
    "영상",
    "인터뷰",
    "기획",
    "사설",
    "칼럼",
    "기고",
    "특집",
    "해설",
    "사진",
    // A broadcast's transcript tags (`[앵커]`, `[리포트]`).
    "앵커",
    "리포트",
    "녹취",
];

/// A tag's word that is a kind of story (`단독`, `포토`), never an outlet.
fn not_outlet(s: &str) -> bool {
    NOT_OUTLETS.iter().any(|n| s.starts_with(n))
}

/// Whether a bracketed word or a byline's first word can be an outlet's name.
pub(crate) fn plausible_outlet(s: &str) -> bool {
    if not_outlet(s) {
        return false;
    }
    gazetteer::outlet_named(s).is_some()
        || [
            "뉴스",
            "일보",
            "신문",
            "신보",
            "경제",
            "방송",
            "타임스",
            "미디어",
            "저널",
            "데일리",
            "투데이",
            "통신",
        ]
        .iter()
        .any(|e| s.ends_with(e))
}

fn byline_of(c: &regex::Captures<'_>, line: &str) -> Byline {
    let outlet = c.name("outlet").map(|m| m.as_str().to_string()).filter(|o| plausible_outlet(o));
    Byline {
        outlet,
        name: c.name("name").map(|m| m.as_str().to_string()),
        email: EMAIL.find(line).map(|m| m.as_str().to_string()),
    }
}

/// A whole line that is a byline. Bullets and bars around it are ignored, and so is a date
/// before it (`2025-07-09     최태우 기자`, the layout of many mobile pages).
pub(crate) fn parse_line(line: &str) -> Option<Byline> {
    static LEADING_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:19|20)\d{2}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\.?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[|·]?\s+")
            .unwrap()
    });
    // `<홍길동 기자 / 저작권자ⓒ매체 …>`: a byline in angle brackets with the rights notice.
    let bare = line.trim_start_matches(['•', '·', '|', '-', ' ', '<', '〈']).trim();
    let bare = LEADING_DATE.find(bare).map_or(bare, |m| &bare[m.end()..]);
    if bare.chars().count() > 100 {
        return None;
    }
    if let Some(c) = WIRE_LINE.captures(bare) {
        let mut b = byline_of(&c, bare);
        // A story the wire gave (`(서울=연합뉴스 제공)`) is published by the page that took it.
        let given = bare.split_once(['）', ')', ']', '】']).is_some_and(|(head, _)| head.contains("제공"));
        b.outlet = c.name("outlet").map(|m| m.as_str().to_string()).filter(|_| !given);
        return Some(b);
    }
    // `홍길동 경인본부 기자`, `홍길동 SW/콘텐츠 전문기자`: a regional bureau or a beat between the
    // name and `기자`.
    static BUREAU_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?P<name>[가-힣]{{2,4}})\s+(?:[가-힣]{{1,8}}(?:취재본부|본부|지사|주재)|(?P<desk>[가-힣A-Za-z/·]{{2,12}})\s*전문)\s*{RANKS}기자(?:$|[\s|/·,].*$)"
        ))
        .unwrap()
    });
    if let Some(c) = BUREAU_LINE.captures(bare) {
        return Some(byline_of(&c, bare));
    }
    if let Some(c) = NAMED_LINE.captures(bare) {
        let rest = c.name("rest").map(|m| m.as_str()).unwrap_or("");
        if !rest.contains("다.") && !rest.trim_end().ends_with('다') {
            let mut b = byline_of(&c, bare);
            if c.name("town").is_some() && !c.name("outlet").is_some_and(|o| not_outlet(o.as_str())) {
                b.outlet = c.name("outlet").map(|m| m.as_str().to_string());
            }
            return Some(b);
        }
    }
    // `작성일 : 2015-11-12 16:58 기자 : 홍길동 (name@mail.net)`, `… 작성자 :   홍길동`: a board's
    // labelled reporter field. A desk or a department in it (`작성자 : 총무과`) is not a person.
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\s)(?:기자명?|작성자)\s*[:：]\s*(?P<name>[가-힣]{2,4})(?:$|[\s(<|/·,])").unwrap()
    });
    let desk =
        |name: &str| name.ends_with(['부', '국', '팀', '과', '실', '청', '시', '군', '구', '처', '원']);
    if let Some(c) = LABELLED.captures(bare).filter(|c| !desk(&c["name"])) {
        return Some(byline_of(&c, bare));
    }
    // `홍길동기자@매체, name@`: the reporter at the outlet, as an address is written.
    static AT_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<name>[가-힣]{2,4})\s?기자\s?@\s?(?P<outlet>[^\s,@.]{2,15})(?:$|[\s,])").unwrap()
    });
    if let Some(c) = AT_OUTLET.captures(bare) {
        return Some(byline_of(&c, bare));
    }
    BARE_LINE
        .captures(bare)
        .or_else(|| HANDLE_LINE.captures(bare))
        .or_else(|| NEWSROOM_LINE.captures(bare))
        .map(|c| byline_of(&c, bare))
}

/// A byline opening a paragraph: the byline and the length of text it takes.
pub(crate) fn parse_lead(text: &str) -> Option<(Byline, usize)> {
    for (k, (re, trusted)) in LEAD_FORMS.iter().enumerate() {
        if let Some(c) = re.captures(text) {
            let mut b = byline_of(&c, "");
            // A bare `[…]` tag counts only when it names an outlet.
            if k == LEAD_FORMS.len() - 1 && b.outlet.is_none() {
                continue;
            }
            if *trusted && !c.name("outlet").is_some_and(|o| not_outlet(o.as_str())) {
                b.outlet = c.name("outlet").map(|m| m.as_str().to_string());
            }
            return Some((b, c.get(0).unwrap().end()));
        }
    }
    None
}

/// A byline closing the last paragraph: the byline and where it starts. `bare` also accepts a
/// name alone after the last sentence (`… 예상된다. 홍길동`), for which `is_name` must agree.
pub(crate) fn parse_trailing(text: &str, is_name: impl Fn(&str) -> bool) -> Option<(Byline, usize)> {
    if let Some(c) = TRAILING.captures(text) {
        let name = c.name("name").unwrap();
        // `… 밝혔다. (서울=연합뉴스) 홍길동기자 hong@yna.co.kr`: a wire's dateline before the name.
        let b = Byline {
            outlet: c.name("outlet").map(|m| m.as_str().to_string()),
            name: Some(name.as_str().to_string()),
            email: c.name("email").map(|m| m.as_str().to_string()),
        };
        let first = c.name("wire").unwrap_or(name);
        let start = text[..first.start()].trim_end_matches(['/', ' ']).len();
        return Some((b, start));
    }
    let c = TRAILING_BARE.captures(text)?;
    let name = c.name("name").unwrap();
    is_name(name.as_str())
        .then(|| (Byline { name: Some(name.as_str().to_string()), ..Byline::default() }, name.start()))
}

/// A broadcast report's sign-off closing its transcript (`KBS 뉴스 홍길동입니다.`, `YTN
/// 홍길동입니다.`): the reporter, and the outlet, which must be one the gazetteer knows (a
/// speaker's `안녕하세요 홍길동입니다` names none).
pub(crate) fn parse_signoff(sentence: &str) -> Option<Byline> {
    static SIGNOFF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<outlet>\S.{0,18}?)\s*(?P<name>[가-힣]{2,4})입니다[.!]?$").unwrap()
    });
    // A broadcast script closes its parts with `//` (`MBC뉴스 홍길동입니다.//`).
    let c = SIGNOFF.captures(sentence.trim().trim_end_matches('/').trim_end())?;
    let written = c.name("outlet")?.as_str().trim();
    let bare = written.strip_suffix("뉴스").map(str::trim_end).filter(|s| !s.is_empty()).unwrap_or(written);
    let outlet = gazetteer::outlet_named(written).or_else(|| gazetteer::outlet_named(bare))?;
    Some(Byline { outlet: Some(outlet.name.clone()), name: Some(c["name"].to_string()), email: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> (Option<String>, Option<String>) {
        let b = parse_line(s).unwrap_or_else(|| panic!("no byline in {s}"));
        (b.outlet, b.name)
    }

    fn some(a: &str, b: &str) -> (Option<String>, Option<String>) {
        (Some(a.to_string()), Some(b.to_string()))
    }

    #[test]
    fn reads_byline_lines() {
        // In angle brackets with the rights notice after a slash.
        let b = parse_line("<도하람 기자 / 저작권자ⓒ한빛일보. 무단전재_재배포 금지>").unwrap();
        assert_eq!(b.name.as_deref(), Some("도하람"));
        assert_eq!(line("(서울=뉴스1) 최소망 기자 | 2018-01-03 10:26 송고"), some("뉴스1", "최소망"));
        assert_eq!(
            line("장철호 기자 | jch2580@gmail.com | 2017.11.22 15:10:50"),
            (None, Some("장철호".into()))
        );
        assert_eq!(line("이호진 기자 jiny@busan.com 2025-09-03 17:53:29"), (None, Some("이호진".into())));
        assert_eq!(line("임현규 | 기사입력 2013-11-12 15:04:30"), (None, Some("임현규".into())));
        assert_eq!(line("안기자 2010. 7. 2. 15:54"), (None, Some("안기자".into())));
        assert_eq!(line("해오름뉴스 전소율 기자"), some("해오름뉴스", "전소율"));
        assert_eq!(line("동해신보 | 김나래 기자 | 2021-04-02 11:00"), some("동해신보", "김나래"));
        assert_eq!(line("담당 | 김나래 기자"), (None, Some("김나래".into())), "not an outlet's name");
        assert!(parse_line("홍길동 기자가 현장을 취재했다.").is_none());
        // The date first, then the byline.
        assert_eq!(line("2025-07-09     최태우 기자"), (None, Some("최태우".into())));
        assert_eq!(line("도하람 SW/콘텐츠 전문기자 haram@example.com"), (None, Some("도하람".into())));
        // The reporter at the outlet, written as an address; a wire's story given to another.
        assert_eq!(line("도하람기자@한빛신문, haram@"), some("한빛신문", "도하람"));
        assert_eq!(line("- (서울=연합뉴스 제공) 변지후 기자"), (None, Some("변지후".into())));
        // A board's labelled reporter field, after its date field; a department in it is no one.
        assert_eq!(
            line("작성일 : 2015-11-12 16:58 기자 : 도하람 (haram@mail.net)"),
            (None, Some("도하람".into()))
        );
        assert_eq!(line("2008-03-03 08:49:06 작성자 :   변지후"), (None, Some("변지후".into())));
        assert!(parse_line("작성일 2025-03-07 작성자 : 총무과").is_none());
        assert_eq!(line("2024.01.19 14:00 | 고다은 기자"), (None, Some("고다은".into())));
        assert!(parse_line("2025-07-09 과기정통부는 홍길동 기자가 말한 사업을 시작했다.").is_none());
    }

    #[test]
    fn a_broadcast_reports_sign_off_names_outlet_and_reporter() {
        let off = |s: &str| parse_signoff(s).map(|b| (b.outlet, b.name));
        assert_eq!(off("KBS 뉴스 모하람입니다."), Some(some("KBS", "모하람")));
        assert_eq!(off("MBC뉴스 모하람입니다."), Some(some("MBC", "모하람")));
        assert_eq!(off("연합뉴스TV 남궁하윤입니다."), Some(some("연합뉴스TV", "남궁하윤")));
        assert_eq!(off("TJB 모하람입니다."), Some(some("TJB", "모하람")));
        assert_eq!(off("mbc뉴스 모하람입니다.//"), Some(some("MBC", "모하람")));
        assert_eq!(off("안녕하세요 모하람입니다."), None);
        assert_eq!(off("저는 시민기자 모하람입니다."), None);
    }

    #[test]
    fn an_outlet_before_the_reporters_town_is_the_outlet_whatever_its_name() {
        assert_eq!(line("한빛경제 여수=도하람 기자 | 2023.04.11 09:12"), some("한빛경제", "도하람"));
        assert_eq!(line("머니투데이 창원=남하윤 기자"), some("머니투데이", "남하윤"));
        // Without the town, an unknown word before the name is an outlet only by its ending.
        assert_eq!(line("한빛경제 도하람 기자"), some("한빛경제", "도하람"));
        assert_eq!(line("한빛나래 도하람 기자"), (None, Some("도하람".into())));
    }

    #[test]
    fn a_reporters_town_and_a_columnists_rank_sign_a_line() {
        assert_eq!(line("홍성=배다온 기자 bdo@example.kr"), (None, Some("배다온".into())));
        assert_eq!(line("여도하 사회부장"), (None, Some("여도하".into())));
        assert_eq!(line("여도하 논설위원 ydh@example.kr"), (None, Some("여도하".into())));
        assert_eq!(line("여도하 경제부 차장 | 2026.03.02"), (None, Some("여도하".into())));
        // An official's title on a line of its own is no byline; nor is a sentence.
        assert!(parse_line("여도하 행정부지사").is_none());
        assert!(parse_line("여도하 경제부장은 말했다").is_none());
    }

    #[test]
    fn reads_lead_and_trailing_bylines() {
        let lead = |s: &str| parse_lead(s).map(|(b, n)| (b.outlet, b.name, s[n..].to_string()));
        assert_eq!(
            lead("[강릉타임뉴스=임현규 기자] 강릉시가"),
            Some((Some("강릉타임뉴스".into()), Some("임현규".into()), "강릉시가".into()))
        );
        assert_eq!(lead("(아주경제 이미호 기자)정부가").unwrap().1.as_deref(), Some("이미호"));
        assert_eq!(
            lead("(한빛농업신문=도하람 기자) 정부가"),
            Some((Some("한빛농업신문".into()), Some("도하람".into()), "정부가".into()))
        );
        assert_eq!(lead("[ 시티저널 안희대 기자 ]국회").unwrap().0.as_deref(), Some("시티저널"));
        assert_eq!(lead("[프라임경제] 한국전력은").unwrap().0.as_deref(), Some("프라임경제"));
        assert!(lead("[단독] 정부가").is_none());
        assert_eq!(lead("【 한빛일보 】 국무총리는").unwrap().0.as_deref(), Some("한빛일보"));
        assert!(lead("【단독】 정부가").is_none());
        // An outlet set apart by a bar (ASCII, full-width or the vowel ㅣ), or after the town.
        assert_eq!(
            lead("[하늘팩트ㅣ논산=강다온 기자] 논산시는"),
            Some((Some("하늘팩트".into()), Some("강다온".into()), "논산시는".into()))
        );
        assert_eq!(lead("[하늘팩트 | 강다온 기자] 시는").unwrap().0.as_deref(), Some("하늘팩트"));
        assert_eq!(lead("[세종=하늘팩트 강다온 기자] 정부는").unwrap().0.as_deref(), Some("하늘팩트"));
        assert_eq!(
            lead("[하늘헤럴드 대전=강다온 기자] 서구의회가"),
            Some((Some("하늘헤럴드".into()), Some("강다온".into()), "서구의회가".into()))
        );
        assert_eq!(lead("[포토ㅣ강다온 기자] 시는").unwrap().0, None, "a kind of story, not an outlet");
        assert!(lead("[앵커] 정부가").is_none());
        assert_eq!(lead("(서울=연합뉴스) 신선미 기자 = 정부가").unwrap().1.as_deref(), Some("신선미"));
        let yes = |_: &str| true;
        let (b, at) = parse_trailing("말했다. /김지을 기자 dok2000@kwangju.co.kr", yes).unwrap();
        assert_eq!((b.name.as_deref(), b.email.as_deref()), (Some("김지을"), Some("dok2000@kwangju.co.kr")));
        assert_eq!(at, "말했다.".len());
        // A page cut inside the e-mail keeps the name.
        let (b, _) = parse_trailing("확인할 수 있다. 도하람 기자 haram@", yes).unwrap();
        assert_eq!(b.name.as_deref(), Some("도하람"));
        assert_eq!(
            parse_line("도하람 경인본부 기자 haram@example.kr").and_then(|b| b.name).as_deref(),
            Some("도하람")
        );
        let (b, _) = parse_trailing("경쟁이 예상된다. 박지은", yes).unwrap();
        assert_eq!(b.name.as_deref(), Some("박지은"));
        assert!(parse_trailing("경쟁이 예상된다. 박지은", |_| false).is_none());
        // An old wire story's byline after its last sentence, its dateline first.
        let text = "것\"이라고 밝혔다. (서울=연합뉴스) 모하람기자 haram@yna.co.kr";
        let (b, at) = parse_trailing(text, yes).unwrap();
        assert_eq!((b.outlet.as_deref(), b.name.as_deref()), (Some("연합뉴스"), Some("모하람")));
        assert_eq!(&text[..at], "것\"이라고 밝혔다.");
        assert_eq!(
            parse_line("(서울=연합뉴스) 모하람기자 haram@yna.co.kr").and_then(|b| b.name),
            Some("모하람".to_string())
        );
    }
}
