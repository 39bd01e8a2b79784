//! Where in a story a place is named for something other than the programme told: inside a
//! quotation, as where a quoted speaker comes from, as an applicant not chosen, in an aside about
//! last year, in an extension still undecided, or as the label of a table row. A place named only
//! there is not a region (the region reader keeps it when the story also names it plainly).
//! Also the words for meetings and ceremonies that the agenda and attendee readers share.

use regex::Regex;
use std::sync::LazyLock;

/// Words for a meeting.
pub(crate) const MEETINGS: &[&str] = &["회의", "협의회", "간담회", "총회", "위원회", "토론회", "워크숍"];

/// Words for a ceremony, the event whose programme is its speeches and signings.
pub(crate) const CEREMONIES: &[&str] = &[
    "출범식",
    "기념식",
    "협약식",
    "체결식",
    "서명식",
    "개소식",
    "개원식",
    "개관식",
    "착공식",
    "개통식",
    "개장식",
    "착수식",
    "기공식",
    "준공식",
    "발대식",
    "개막식",
    "선포식",
    "출정식",
    "현판식",
    "제막식",
    "위촉식",
    "임명식",
    "수여식",
    "시상식",
    "취임식",
    "박람회",
    "엑스포",
    "포럼",
    "심포지엄",
    "세미나",
    "토론회",
    "공청회",
    "보고회",
    "설명회",
];

/// Places told as not chosen: `경산시와 칠곡군은 … 선정되지 않았다`, `탈락한 도시 가운데`.
static NOT_CHOSEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"선정되지\s*(?:않|못)|탈락|고배를|선정에서\s*(?:빠|제외)").unwrap());

/// Last year told: `지난해`, `작년`, `지난 2024년`.
static LAST_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"지난해|작년|지난\s*\d{4}년").unwrap());

/// What follows a place that names where a speaker comes from: `경주시의 한 시의원은`,
/// `울주군 관계자도`, `부산 지역 업계는`.
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:시|군|구|도)?(?:의\s+(?:한\s+)?[가-힣]{1,8}(?:은|는|도|이|가)\s|\s*(?:지역\s+)?(?:관계자|주민|시민|상인|업계|의원)(?:들)?(?:은|는|도|이|가)\s)")
        .unwrap()
});

/// Whether a sentence opens an aside (`한편 …`, `앞서 …`), after any list marker.
pub(crate) fn opens_aside(sentence: &str) -> bool {
    let s = sentence.trim_start_matches(['□', 'ㅇ', '○', '-', ' ']);
    s.starts_with("한편 ") || s.starts_with("앞서 ")
}

/// Whether the syllable ends in ㄹ (`힐`, `할`): the ending of `넓힐지`, `할지`.
fn ends_in_rieul(c: char) -> bool {
    let code = c as u32;
    (0xAC00..=0xD7A3).contains(&code) && (code - 0xAC00) % 28 == 8
}

/// An extension or a choice still undecided: `…으로 넓힐지 검토할 계획`, `도입할지 여부를 논의`.
fn undecided(sentence: &str) -> bool {
    sentence.match_indices('지').any(|(at, _)| {
        let before = sentence[..at].chars().next_back();
        let rest = sentence[at + '지'.len_utf8()..].trim_start_matches(['를', '도']);
        let rest =
            rest.trim_start().strip_prefix("여부").map_or(rest, |r| r.trim_start_matches(['를', '도']));
        before.is_some_and(ends_in_rieul)
            && ["검토", "논의", "고민", "저울질", "결정", "판단", "살펴"]
                .iter()
                .any(|w| rest.trim_start().starts_with(w))
    })
}

/// Whether every place in the sentence is named for something other than the programme: an
/// applicant not chosen, an aside about last year (`한편 도는 지난해 의성군에서 시범 운영을 했으며`),
/// an undecided extension, or a row of a flattened table (a label, told for itself elsewhere).
pub(crate) fn names_other_places(sentence: &str) -> bool {
    NOT_CHOSEN.is_match(sentence)
        || (opens_aside(sentence) && LAST_YEAR.is_match(sentence))
        || undecided(sentence)
        || sentence.matches('|').count() >= 2
}

/// Byte ranges of the quotations in a sentence (`"…"`, `“…”`). A sentence cut out of a quotation
/// of several sentences may hold only its end (a closing mark right after a letter, `…했다"고`):
/// the quotation then runs from the sentence's start; one left open runs to its end.
pub(crate) fn quotations(sentence: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in sentence.char_indices() {
        match (c, open) {
            ('“', _) => open = Some(i),
            ('”', Some(s)) | ('"', Some(s)) => {
                out.push((s, i));
                open = None;
            }
            ('”', None) => out.push((0, i)),
            ('"', None) => {
                let after_letter = sentence[..i].chars().next_back().is_some_and(|p| !p.is_whitespace());
                let closes = after_letter && out.is_empty() && sentence[..i].matches('"').count() == 0;
                if closes && sentence[i + 1..].matches('"').count() % 2 == 0 {
                    out.push((0, i));
                } else {
                    open = Some(i);
                }
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push((s, sentence.len()));
    }
    out
}

/// Whether the place ending at `end` names where a quoted speaker comes from (`경북 경주시의 한
/// 시의원은 "…"`, `울산 울주군 관계자도 "…" 지적했다`): only in a sentence that quotes.
pub(crate) fn speakers_place(sentence: &str, end: usize) -> bool {
    sentence.contains(['"', '“', '”']) && SPEAKER.is_match(&sentence[end..])
}

/// Whether the place ending at `end` is named as what came before or what differs: an earlier
/// year's (`2023년 강원·충청권에 이어 2024년 영남·호남권`), an earlier thing's (`대전센터('05년)와
/// 광주센터('07년) 개청에 이어`), or a contrast (`대전·광주 센터와 달리`). A place right before `에
/// 이어` with nothing between may be the last stop of a tour (`부산에 이어 대구에서 열린다`) and
/// stays. Only within the place's own phrase: a subject or an object (`부산시는 …`) closes it.
pub(crate) fn before_or_unlike(sentence: &str, end: usize) -> bool {
    static AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\S*?)(?:(?P<after>에\s?이어)|(?:와|과)\s?달리)").unwrap());
    static YEARS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(?:19|20)\d{2}년").unwrap());
    static YEAR_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:19|20)\d{2}년\s*$").unwrap());
    let closes = |w: &str| w.ends_with(['는', '은', '이', '가', '을', '를', '도', ',', '.']);
    let rest = &sentence[end..];
    let mut taken = 0;
    for word in rest.split_inclusive(' ').take(5) {
        if let Some(c) = AFTER.captures(&rest[taken..]) {
            let Some(after) = c.name("after") else { return !closes(&c[1]) };
            if closes(&c[1]) {
                return false;
            }
            let thing_between = taken > 0 || !c[1].is_empty() && !c[1].starts_with(['·', '와', '과']);
            let start = sentence[..end].rfind(' ').map_or(0, |i| i + 1);
            let years =
                YEAR_BEFORE.is_match(&sentence[..start]) && YEARS.is_match(&rest[taken + after.end()..]);
            return thing_between || years;
        }
        let w = word.trim_end();
        // Brackets hold a year or a note (`('05년)`), not a clause.
        let bare =
            w.trim_end_matches(|c: char| matches!(c, ')' | '(' | '\'' | '’' | '년') || c.is_ascii_digit());
        if closes(if taken == 0 { w } else { bare }) {
            return false;
        }
        taken += word.len();
    }
    false
}

/// Where in a sentence a list of places ends that visitors come from (`평창군과 홍천군에서도
/// 견학을 옵니다`, `…에서 벤치마킹하러 찾아온다`): the byte offset of `에서`.
pub(crate) fn visitors_from(sentence: &str) -> Option<usize> {
    static VISIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"에서(?:도|는)?\s+(?:\S+\s+){0,2}?(?:견학|벤치마킹|찾아오|찾아온|찾아와|방문하러|배우러)")
            .unwrap()
    });
    VISIT.find(sentence).map(|m| m.start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_about_other_places() {
        assert!(names_other_places(
            "이번 공모에는 14개 시·군이 신청했으며, 경산시와 칠곡군은 선정되지 않았다."
        ));
        assert!(names_other_places("탈락한 도시 가운데 청주시와 김해시는 내년에 다시 낼 수 있다."));
        assert!(names_other_places("한편 도는 지난해 의성군 경로당 20곳에서 시범 운영을 했다."));
        assert!(names_other_places(
            "시는 내년에는 청원구 북이면과 서원구 남이면으로 넓힐지 검토할 계획이다."
        ));
        assert!(names_other_places("버스를 도입할지 여부를 논의한다."));
        assert!(names_other_places("충북 | 2 | 60억원"));
        // The programme's own places: chosen, planned, or an aside about this year's plan.
        assert!(!names_other_places("도는 안동시와 영주시를 대상지로 선정했다."));
        assert!(!names_other_places("시는 2028년까지 주문진읍과 옥계면까지 노선을 늘릴 계획이다."));
        assert!(!names_other_places("한편 시는 달서구에 충전소를 검토한다."));
        assert!(!names_other_places("시는 지난해 대비 예산을 늘렸다."), "지난해 outside an aside");
        assert!(
            !names_other_places("얼마나 지원할지 정하지 않았다 그리고 검토한다."),
            "지 not before the verb"
        );
    }

    #[test]
    fn places_named_as_what_came_before_or_what_differs() {
        let at = |s: &str, p: &str| before_or_unlike(s, s.find(p).unwrap() + p.len());
        let s = "2023년 강원·충청권에 이어 2024년 영남·호남권 신규 사업을 추진한다.";
        assert!(at(s, "강원"));
        assert!(at(s, "충청권"));
        assert!(!at(s, "호남권"));
        let s = "대구센터는 대전센터('05년)와 광주센터('07년) 개청에 이어 세 번째로 출범했다.";
        assert!(at(s, "대전"));
        assert!(at(s, "광주"));
        assert!(!at(s, "대구"));
        assert!(at("대전·광주 센터와 달리 공공기관도 맡는다.", "대전"));
        // The stops of a tour, with nothing between place and `에 이어`, both stay.
        assert!(!at("박람회는 부산에 이어 대구에서 열린다.", "부산"));
        // The place is the subject: what it follows is another.
        assert!(!at("부산시는 지난해 광주에 이어 센터를 열었다.", "부산시"));
    }

    #[test]
    fn where_visitors_come_from() {
        let s = "평창군과 홍천군에서도 견학을 자주 옵니다.";
        assert_eq!(visitors_from(s), s.find("에서"));
        assert_eq!(visitors_from("성남시에서 벤치마킹하러 찾아온다."), Some("성남시".len()));
        assert!(visitors_from("횡성군에서 충전소를 짓는다.").is_none());
    }

    #[test]
    fn quotations_in_a_sentence() {
        let s = "장관은 \"비수도권에는 특례를 두겠다\"고 말했다.";
        let q = quotations(s);
        assert_eq!(q.len(), 1);
        assert!(s[q[0].0..q[0].1].contains("비수도권"));
        let s = "그는 “부울경을 잇는 방안이 빠졌다”고 지적했다.";
        assert!(s[quotations(s)[0].0..quotations(s)[0].1].contains("부울경"));
        // The end of a quotation of several sentences, and one left open.
        let s = "광주에도 짓겠다\"고 말했다.";
        assert_eq!(quotations(s), vec![(0, s.find('"').unwrap())]);
        let s = "그는 \"광주에도 짓겠다.";
        assert_eq!(quotations(s), vec![(s.find('"').unwrap(), s.len())]);
        assert!(quotations("시는 광주에 짓는다.").is_empty());
    }

    #[test]
    fn the_place_a_quoted_speaker_comes_from() {
        let s = "경북 경주시의 한 시의원은 \"기준이 쏠렸다\"고 말했다.";
        assert!(speakers_place(s, s.find("경주").unwrap() + "경주".len()));
        let s = "울산 울주군 관계자도 \"빠졌다\"고 지적했다.";
        assert!(speakers_place(s, s.find("울주군").unwrap() + "울주군".len()));
        // No quotation, or the place is where something is done.
        let s = "경주시의 한 시의원은 반대했다.";
        assert!(!speakers_place(s, s.find("경주").unwrap() + "경주".len()));
        let s = "시는 \"좋다\"며 경주시에 짓는다고 했다.";
        assert!(!speakers_place(s, s.find("경주").unwrap() + "경주".len()));
    }
}
