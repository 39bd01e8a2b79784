//! Regions: the 시·도, 권역 and 시·군·구 where a programme applies or an event happens. A place
//! name inside another word or an organisation name (`부산물`, `서울대학교`, `부산지방국토관리청`) is
//! not a region: the name must stand alone, or be followed by an administrative suffix or a
//! particle and then a word boundary. Not regions either: places named as excluded
//! (`서울·경기·인천을 제외한`), a lawmaker's constituency in parentheses, a wire dateline
//! (`(서울=연합뉴스)`), 수도권 named only as the other side of a gap, and places that only appear
//! in a list of applicants or other sites (`경남 밀양, 경기 파주 등 6개 지역이 신청`), places the
//! story compares with (`○○ 데이터센터에 이은`, `○○ 사례처럼`, `앞서 ○○에 구축한`), and the country
//! (`전국`) where the story names the places its programme goes to, or where the country is only
//! the pool of a call or who may apply.

use regex::Regex;
use std::sync::LazyLock;

use super::super::rules::{Compiled, PlaceLevel, RegionSpelling, PARTICLES};
use super::context;

/// What may follow a place name inside the same word.
const SUFFIXES: &[&str] = &[
    "특별자치시",
    "특별자치도",
    "특별시",
    "광역시",
    "지역",
    "지방",
    "일대",
    // A sea area off the place: `통영해역`, `거제 앞바다`'s glued form.
    "해역",
    "앞바다",
    "권",
    "시",
    "도",
    "군",
    "구",
    "내",
    // The head of the place: `강원특별자치도지사`, `부산시장`, `고흥군수` name the place they govern.
    "도지사",
    "지사",
    "시장",
    "군수",
    "구청장",
    // Its education office and superintendent run the schools of the place: `경남교육청`'s own
    // programme applies across the province, `○○교육지원청`'s across its 시·군.
    "교육청",
    "교육감",
    "교육지원청",
    // Its council: `옥천군의회는` is the county's own body, sitting on the county's matters.
    "의회",
    "시의회",
    "군의회",
    "구의회",
    "도의회",
];

/// A sentence that lists competing or other places: `6개 지역이 신청`, `7곳이 지원했다`, `지난해 2개
/// 지역 선정`.
static LIST_OF_PLACES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d+\s*개\s*(?:지역|시·?군|시도|시·도|지자체|광역자치단체)|\d+\s*곳이\s*(?:지원|신청|응모|도전)|신청했|응모")
        .unwrap()
});

/// Kinds of area listed as such: `DMZ지역, 미군반환지역, 도서·해안지역 등 소외지역`.
static AREA_TYPES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:[A-Za-z가-힣·ㆍ]+지역\s*,\s*)+[A-Za-z가-힣·ㆍ]+지역)\s*등").unwrap());

/// The kinds of area a sentence lists (two or more `…지역` closed by `등`), leaving out those that
/// are a named place (`서울지역`), which the gazetteer reads.
fn area_types(text: &str, rules: &Compiled) -> Vec<String> {
    let Some(c) = AREA_TYPES.captures(text) else { return Vec::new() };
    c[1].split(',')
        .map(str::trim)
        .filter(|a| {
            let stem = a.trim_end_matches("지역");
            stem.chars().count() >= 2 && !rules.regions.iter().any(|r| r.spelling == stem)
        })
        .map(str::to_string)
        .collect()
}

/// Two or more 읍·면·동 listed together where something is done: `장유동과 내외동, 진영읍 등`.
static NEIGHBOURHOODS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[가-힣]{1,4}(?:동|읍|면)(?:과|와|,|·)\s*)+[가-힣]{1,4}(?:동|읍|면))\s*(?:등|일대|일원|지역|주민|(?:을|를)\s*대상|(?:을|를)\s*(?:잇|연결하|오가)|까지|에서|에|으로|로)")
        .unwrap()
});

/// Common nouns ending like a 동 or 면, which a list of actions or aspects may hold.
const NOT_NEIGHBOURHOODS: &[&str] = &[
    "활동",
    "운동",
    "이동",
    "행동",
    "공동",
    "자동",
    "노동",
    "가동",
    "작동",
    "연동",
    "변동",
    "협동",
    "감동",
    "출동",
    "진동",
    "파동",
    "측면",
    "전면",
    "방면",
    "반면",
    "이면",
    "국면",
    "장면",
    "표면",
    "대면",
    "비대면",
    "정면",
    "단면",
    "수면",
    "지면",
    "화면",
    "내면",
    "외면",
    "체면",
    "일면",
    "수동",
    "전동",
    "구동",
    "기동",
    "발동",
    "유동",
    "평면",
    "곡면",
    "양면",
    "후면",
    "하면",
];

/// The 읍·면·동 a sentence lists (no gazetteer holds them, so only a list of two or more of
/// them, closed by `등`, `일대` or `을 대상(지)으로`, is read, and never one of the common nouns alike).
/// Three or more listed together need nothing after them (`창동, 방학동, 쌍문동 전통시장 3곳에`):
/// common nouns are seldom listed three alike.
static THREE_NEIGHBOURHOODS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[가-힣]{1,4}(?:동|읍|면)(?:과|와|,|·)\s*){2,}[가-힣]{1,4}(?:동|읍|면))(?:\s|$|[^가-힣])")
        .unwrap()
});

fn neighbourhoods(text: &str) -> Vec<String> {
    let Some(c) = NEIGHBOURHOODS.captures(text).or_else(|| THREE_NEIGHBOURHOODS.captures(text)) else {
        return Vec::new();
    };
    let at = c.get(1).map_or(0, |m| m.start());
    if !is_boundary(text[..at].chars().next_back()) {
        return Vec::new();
    }
    // A building's wings after its floor area (`연면적 1만㎡(본관동, 연구동 등)`) are not places.
    let near = text[..at].char_indices().rev().nth(19).map_or(0, |(i, _)| i);
    if text[near..at].contains('㎡') || text[near..at].contains("연면적") {
        return Vec::new();
    }
    let members: Vec<&str> = c[1]
        .split([',', '·'])
        .flat_map(|part| part.split_whitespace())
        .map(|w| w.strip_suffix('과').or_else(|| w.strip_suffix('와')).unwrap_or(w))
        .filter(|w| w.ends_with(['동', '읍', '면']))
        .collect();
    if members.len() < 2 || members.iter().any(|m| NOT_NEIGHBOURHOODS.contains(m) || m.chars().count() < 2) {
        return Vec::new();
    }
    members.into_iter().map(str::to_string).collect()
}

/// An industrial complex named after its place: `구미 국가산업1~5단지`, `창원국가산업단지`.
static COMPLEX: LazyLock<Regex> = LazyLock::new(|| {
    // Numbered as a town numbers its complexes: `제천 제4산업단지`.
    Regex::new(r"(?P<place>[가-힣]{2,6}?)\s?(?:(?:국가|일반|도시첨단|첨단)\s?)?(?:제\d+\s?)?(?:산업\s?(?:\d+(?:~\d+)?)?\s?단지|산단)").unwrap()
});

/// The industrial complexes a sentence names after a known place: where a programme is sited.
/// A short name the gazetteer does not take alone, being a common word too (`제천`), is the
/// town's when a complex is named after it (`제천 제4산업단지`): the 시·군 is given as well.
fn complexes(text: &str, rules: &Compiled) -> Vec<String> {
    let mut out = Vec::new();
    for c in COMPLEX.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        if !is_boundary(text[..whole.start()].chars().next_back()) {
            continue;
        }
        let place = &c["place"];
        let known = rules.regions.iter().any(|r| r.spelling == place && r.level != PlaceLevel::Site);
        let towns: Vec<&RegionSpelling> = rules
            .regions
            .iter()
            .filter(|r| r.level == PlaceLevel::Local && r.spelling == r.name)
            .filter(|r| ["시", "군"].iter().any(|e| r.name.strip_suffix(e) == Some(place)))
            .collect();
        if known {
            out.push(whole.as_str().to_string());
        } else if let [town] = towns.as_slice() {
            out.push(town.name.clone());
            out.push(whole.as_str().to_string());
        }
    }
    out.extend(named_complexes(text, rules));
    out
}

/// A national industrial complex with a name of its own: glued to it (`반월·시화국가산업단지`), or
/// a word between its place and it (`포항 블루밸리 국가산업단지`, `덕진구 탄소소재 국가산업단지`).
/// A national complex is a designated zone, as a 특구 is; a word alone before it may only say
/// what it makes (`반도체 국가산업단지`), and a word that says which (`인근`, `노후`) is no name.
static NAMED_COMPLEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?P<place>[가-힣]{2,6})\s)?(?P<name>[가-힣A-Za-z][가-힣A-Za-z·ㆍ]{1,9}?)(?P<gap>\s?)국가\s?산업단지")
        .unwrap()
});

/// Words that describe a complex without naming it.
const NOT_COMPLEX_NAMES: &[&str] = &[
    "인근",
    "관내",
    "도내",
    "시내",
    "지역",
    "전국",
    "국내",
    "기존",
    "신규",
    "노후",
    "주요",
    "해당",
    "스마트",
    "첨단",
    "인접",
    "주변",
    "대규모",
    "전체",
    "모든",
    "각",
    "이",
    "새",
];

fn named_complexes(text: &str, rules: &Compiled) -> Vec<String> {
    let is_place = |w: &str| {
        let stem = w.trim_end_matches(['시', '군', '구']);
        // `양산` is spelled after its province (`경남 양산`) where it is ambiguous alone.
        rules
            .regions
            .iter()
            .any(|r| [w, stem].iter().any(|x| r.spelling == *x || r.spelling.rsplit(' ').next() == Some(x)))
    };
    NAMED_COMPLEX
        .captures_iter(text)
        .filter_map(|c| {
            let name = c.name("name")?;
            let glued = c["gap"].is_empty();
            let placed = c.name("place").is_some_and(|p| is_place(p.as_str()));
            let named = !NOT_COMPLEX_NAMES.contains(&name.as_str()) && !is_place(name.as_str());
            let end = c.get(0)?.end();
            // The place before a name is read as a place of its own.
            (named && (glued || placed) && is_boundary(text[..name.start()].chars().next_back()))
                .then(|| text[name.start()..end].to_string())
        })
        .collect()
}

fn is_boundary(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => !(c.is_alphanumeric()),
    }
}

/// Whether `rest` (the text right after a place name) ends the word, allowing a suffix and/or a
/// particle in between.
fn word_ends(rest: &str) -> bool {
    // A change of script ends the Korean word: `군위JC`, `부산BIFF`.
    if is_boundary(rest.chars().next()) || rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        return true;
    }
    let ends_with_particle = |r: &str| {
        is_boundary(r.chars().next())
            || PARTICLES.iter().any(|p| r.strip_prefix(p).is_some_and(|x| is_boundary(x.chars().next())))
    };
    if ends_with_particle(rest) {
        return true;
    }
    // The copula closes a list's last place: `…, 제주 서귀포시다`, `…, 합천군이다`.
    let copula = |r: &str| {
        ["이다", "다"].iter().any(|c| r.strip_prefix(c).is_some_and(|x| is_boundary(x.chars().next())))
    };
    SUFFIXES.iter().any(|s| rest.strip_prefix(s).is_some_and(|r| ends_with_particle(r) || copula(r)))
}

/// One place named in one sentence.
#[derive(Debug, Clone)]
struct Mention<'r> {
    unit: usize,
    start: usize,
    end: usize,
    place: &'r RegionSpelling,
}

fn mentions<'r>(unit: usize, text: &str, rules: &'r Compiled) -> Vec<Mention<'r>> {
    let mut found: Vec<Mention<'r>> = Vec::new();
    for place in &rules.regions {
        for (at, _) in text.match_indices(place.spelling.as_str()) {
            let end = at + place.spelling.len();
            if found.iter().any(|m| at < m.end && end > m.start) {
                continue;
            }
            if !is_boundary(text[..at].chars().next_back()) || !word_ends(&text[end..]) {
                continue;
            }
            found.push(Mention { unit, start: at, end, place });
        }
    }
    found.sort_by_key(|m| m.start);
    found
}

/// Ambiguous short names (`경주`, `태안`, which are also common words) inside a `·` list of places
/// of one province (`포항·경주·영덕·울진·울릉`, `용인·평택`): the list makes them places too, spelled as the
/// gazetteer spells them after their province (`경북 경주`).
fn listed_short_names<'r>(
    unit: usize,
    text: &str,
    found: &[Mention<'r>],
    rules: &'r Compiled,
) -> Vec<Mention<'r>> {
    static DOT_LIST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[가-힣]{2,6}(?:[·ㆍ][가-힣]{2,6})+").unwrap());
    let mut out = Vec::new();
    for run in DOT_LIST.find_iter(text) {
        if !is_boundary(text[..run.start()].chars().next_back()) {
            continue;
        }
        let mut members: Vec<(usize, &str)> = Vec::new();
        let mut at = run.start();
        for part in run.as_str().split(['·', 'ㆍ']) {
            members.push((at, part));
            at += part.len() + '·'.len_utf8();
        }
        let known: Vec<&Mention<'r>> =
            members.iter().filter_map(|(at, _)| found.iter().find(|m| m.start == *at)).collect();
        let provinces: Vec<&str> = known.iter().filter_map(|m| m.place.parent.as_deref()).collect();
        if known.is_empty() || known.len() * 2 < members.len() || provinces.len() < known.len() {
            continue;
        }
        for (at, word) in &members {
            if found.iter().any(|m| m.start == *at) {
                continue;
            }
            // The last member may carry a particle (`…·태안에`).
            let stem = PARTICLES.iter().find_map(|p| word.strip_suffix(p)).filter(|s| s.chars().count() >= 2);
            let stem = stem.unwrap_or(word);
            let place = rules.regions.iter().find(|r| {
                r.parent.as_deref().is_some_and(|p| provinces.contains(&p)) && r.short() == Some(stem)
            });
            if let Some(place) = place {
                out.push(Mention { unit, start: *at, end: at + stem.len(), place });
            }
        }
    }
    out
}

/// Ambiguous short names (`용인`, a common word too) in brackets after an institution, among other
/// institutions placed the same way (`경희대(용인) 외 경일대(경산), 을지대(성남)`): where each one is.
/// Two or more such brackets, one of them a plain place, make the others places too.
fn bracketed_short_names<'r>(
    unit: usize,
    text: &str,
    found: &[Mention<'r>],
    rules: &'r Compiled,
) -> Vec<Mention<'r>> {
    static PLACED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[가-힣A-Za-z]{2,}\((?P<place>[가-힣]{2,4})\)").unwrap());
    let brackets: Vec<regex::Match<'_>> =
        PLACED.captures_iter(text).filter_map(|c| c.name("place")).collect();
    let plain = brackets.iter().any(|b| found.iter().any(|m| m.start == b.start()));
    if brackets.len() < 2 || !plain {
        return Vec::new();
    }
    let mut out = Vec::new();
    for b in brackets.iter().filter(|b| !found.iter().any(|m| m.start == b.start())) {
        let mut same =
            rules.regions.iter().filter(|r| r.level == PlaceLevel::Local && r.short() == Some(b.as_str()));
        // A short name two provinces share (`광주`) stays unread.
        if let (Some(place), None) = (same.next(), same.next()) {
            out.push(Mention { unit, start: b.start(), end: b.end(), place });
        }
    }
    out
}

/// Ambiguous short names (`남해`, `안양`) opening one member of a comma list whose other members
/// open with places (`통영해역 5개, 남해해역 2개, 하동해역 3개`, `경기도 노선버스, 안양 노선버스,
/// 세종시 …`): the list makes them places too, when a sibling of the same province opens another
/// member or the province itself is named in the sentence.
fn comma_listed_short_names<'r>(
    unit: usize,
    text: &str,
    found: &[Mention<'r>],
    rules: &'r Compiled,
) -> Vec<Mention<'r>> {
    let mut starts: Vec<usize> = vec![0];
    starts.extend(text.match_indices(',').map(|(i, _)| i + 1));
    let starts: Vec<usize> =
        starts.into_iter().map(|s| s + (text[s..].len() - text[s..].trim_start().len())).collect();
    let opening: Vec<Option<&Mention<'r>>> =
        starts.iter().map(|s| found.iter().find(|m| m.start == *s)).collect();
    if starts.len() < 3 || opening.iter().flatten().next().is_none() || found.len() < 2 {
        return Vec::new();
    }
    // A sibling anywhere in the sentence: the list's first member may open with other words.
    let named = |p: &str| {
        found.iter().any(|m| {
            m.place.parent.as_deref() == Some(p)
                || (m.place.level == PlaceLevel::Province && m.place.name == p)
        })
    };
    let mut out = Vec::new();
    for (k, &at) in starts.iter().enumerate() {
        if opening[k].is_some() {
            continue;
        }
        let word = text[at..].split_whitespace().next().unwrap_or("");
        let place = rules.regions.iter().find(|r| {
            let (Some(short), Some(province)) = (r.short(), r.parent.as_deref()) else {
                return false;
            };
            r.level == PlaceLevel::Local && word.strip_prefix(short).is_some_and(word_ends) && named(province)
        });
        if let Some((place, short)) = place.and_then(|p| Some((p, p.short()?))) {
            out.push(Mention { unit, start: at, end: at + short.len(), place });
        }
    }
    out
}

/// A 읍·면·동 written right after its 시·군·구 (`청원구 오창읍`, `춘천시 동면`): the place named
/// down to the neighbourhood, where a list of them is not needed to tell it from a common noun.
fn neighbourhood_after<'r>(text: &str, found: &[Mention<'r>]) -> Vec<String> {
    found
        .iter()
        .filter(|m| m.place.level == PlaceLevel::Local && text[m.end..].starts_with(['시', '군', '구', ' ']))
        .filter_map(|m| {
            let rest = text[m.end..].trim_start_matches(['시', '군', '구']);
            let word = rest.strip_prefix(' ')?.split_whitespace().next()?;
            let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            let stem = ["읍", "면", "동"]
                .iter()
                .find_map(|e| word.find(e).map(|i| &word[..i + e.len()]))
                .filter(|s| word_ends(&word[s.len()..]))?;
            let n = stem.chars().count();
            let first = ((2..=4).contains(&n) && !NOT_NEIGHBOURHOODS.contains(&stem)).then_some(stem)?;
            // Others joined to it by `·` (`완산구 풍남동·교동 일원`) are of the same 구.
            let joined = word[stem.len()..].split('·').skip(1).map_while(|w| {
                let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                let n = w.chars().count();
                (w.ends_with(['읍', '면', '동']) && (2..=4).contains(&n) && !NOT_NEIGHBOURHOODS.contains(&w))
                    .then_some(w)
            });
            Some(std::iter::once(first).chain(joined).map(str::to_string).collect::<Vec<_>>())
        })
        .flatten()
        .collect()
}

/// A single 읍·면·동 where the thing told is built or opened: `평촌동에 데이터센터 건립을 추진한다`,
/// `진영읍에 문을 연다`. A common noun alike (`화면에 설치한`) never is.
static BUILT_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^가-힣])(?P<n>[가-힣]{1,4}(?:동|읍|면))(?:에|일대에|일원에)\s[^.]{0,30}?(?:건립|구축|조성|설치|건설|짓는|짓기|들어서|들어선|개소|개관|문을\s?열|문을\s?연|착공|유치)")
        .unwrap()
});

fn built_at(text: &str) -> Vec<String> {
    BUILT_AT
        .captures_iter(text)
        .filter_map(|c| c.name("n").map(|m| m.as_str()))
        .filter(|n| n.chars().count() >= 2 && !NOT_NEIGHBOURHOODS.contains(n) && !OTHER_NOUNS.contains(n))
        .map(str::to_string)
        .collect()
}

/// A 읍 or 면 with one of its villages (`진천읍 상신리`, `가창면 주리`): an address of a site, so a
/// place. A 리 alone is too often a common noun (`관리`, `거리`) to be read without its 읍·면.
static VILLAGE_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^가-힣])(?P<town>[가-힣]{1,4}(?:읍|면))\s(?P<village>[가-힣]{1,4}리)(?:[^가-힣]|$|일원|일대|에|에서|의|와|과|로)")
        .unwrap()
});

/// Common nouns ending in 리, which may follow a word like a 면 (`전면 수리`).
const NOT_VILLAGES: &[&str] = &[
    "관리", "처리", "거리", "자리", "우리", "머리", "소리", "요리", "유리", "논리", "원리", "수리", "분리",
    "정리", "무리", "진리", "다리", "권리", "이리", "저리", "그리", "도리", "보리", "고리", "마리", "가리",
];

fn village_addresses(text: &str) -> Vec<String> {
    VILLAGE_ADDRESS
        .captures_iter(text)
        .filter_map(|c| Some((c.name("town")?.as_str(), c.name("village")?.as_str())))
        .filter(|(t, v)| {
            // `가동되면 일자리`, `선정하면 거리`: a verb's `-면` (if) before a word in 리.
            let verb = t.ends_with('면')
                && t.chars().rev().nth(1).is_some_and(|c| "되하으다라려지나오보니우르해져".contains(c));
            t.chars().count() >= 2
                && !verb
                && !NOT_NEIGHBOURHOODS.contains(t)
                && !OTHER_NOUNS.contains(t)
                && v.chars().count() >= 2
                && !NOT_VILLAGES.contains(v)
        })
        .map(|(t, v)| format!("{t} {v}"))
        .collect()
}

/// More common nouns ending like a 동 or 면 that may stand before `에`.
const OTHER_NOUNS: &[&str] =
    &["아동", "냉동", "소동", "충동", "라면", "가면", "당면", "직면", "사면", "면면", "분야별 면"];

/// Mentions the sentence itself rules out: excluded, a constituency, a dateline, a contrast.
fn ruled_out(text: &str, all: &[Mention<'_>]) -> Vec<bool> {
    let mut out = vec![false; all.len()];
    // `서울·경기·인천을 제외한`: walk back from `제외` over places joined by separators.
    for (p, _) in text.match_indices("제외") {
        let mut edge = p;
        for (k, m) in all.iter().enumerate().rev() {
            if m.end > edge {
                continue;
            }
            let between = &text[m.end..edge];
            let joiners = |c: char| c.is_whitespace() || "·ㆍ,、및과와을를도특별광역자치시".contains(c);
            // One short name the gazetteer does not take alone (`경기`) may stand in the list.
            let words: Vec<&str> = between.split(|c: char| joiners(c)).filter(|w| !w.is_empty()).collect();
            if words.len() <= 1 && words.iter().all(|w| w.chars().count() <= 3) {
                out[k] = true;
                edge = m.start;
            } else {
                break;
            }
        }
    }
    // A lawmaker's constituency: `의원(경북 구미을, …)`, `조승환(부산 중영도)의원실`.
    let mut depth_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth_start = Some(i),
            ')' => {
                if let Some(s) = depth_start.take() {
                    let before = text[..s].trim_end();
                    let after = text[i + 1..].trim_start();
                    // `원혜영(부천 오정) 국회의원과`: the title may follow as a word of its own.
                    let next_word = after.split_whitespace().next().unwrap_or("");
                    if before.ends_with("의원") || next_word.contains("의원") {
                        for (k, m) in all.iter().enumerate() {
                            out[k] |= m.start > s && m.end <= i;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    for (k, m) in all.iter().enumerate() {
        // `(서울=연합뉴스)`: a dateline.
        if text[m.end..].starts_with('=') {
            out[k] = true;
        }
        // `옛 청원군 시절`: a name from the past, not where anything happens now.
        let before = text[..m.start].trim_end();
        if before.strip_suffix('옛').is_some_and(|b| is_boundary(b.chars().next_back())) {
            out[k] = true;
        }
        // The country as the pool a few places are chosen from (`전국 6곳 중`, `전국 지자체 80곳이
        // 도전한`), as who may apply (`전국 어디서나`, `소재지 제한 없음`), or in a nationwide
        // election's name: no place the programme goes to.
        if m.place.name == "전국" && !after_exclusion(&text[..m.start]) && nationwide_aside(text, m.end) {
            out[k] = true;
        }
        if compared(text, m) || OWNER.is_match(&text[m.end..]) || names_a_branch(&text[m.end..]) {
            out[k] = true;
        }
        // `수도권과 지역 간 격차`, `수도권 집중`: the other side of the policy.
        if m.place.name == "수도권" && ["격차", "집중", "지역 간", "쏠림"].iter().any(|w| text.contains(w))
        {
            out[k] = true;
        }
    }
    out
}

/// Whether the words after a place (or after the list it opens: `대구·경북`) name a body's
/// branch for that area (`KT 대구·경북 법인고객본부와`, `한국전력 충북 지사`): the branch's
/// territory, not where the story happens.
fn names_a_branch(after: &str) -> bool {
    const BRANCHES: &[&str] = &["본부", "지사", "지점", "지부", "사무소", "지원단"];
    let rest = after.trim_start_matches(|c: char| !c.is_whitespace());
    let Some(word) = rest.split_whitespace().next() else { return false };
    let word = word.trim_end_matches(super::super::rules::PUNCT_END);
    let stem = super::super::rules::PARTICLES.iter().find_map(|p| word.strip_suffix(p)).unwrap_or(word);
    // Only a list or the bare place before the branch: `경북도청 본부` is not one.
    let joined = after.split(' ').next().unwrap_or("");
    joined.chars().all(|c| matches!(c, '·' | 'ㆍ') || ('가'..='힣').contains(&c))
        && (joined.is_empty() || joined.starts_with(['·', 'ㆍ']))
        && BRANCHES.iter().any(|b| stem.ends_with(b))
}

/// What follows a place named as the owner of a body (`서울시 출자출연기관인 ○○재단`, `경기도
/// 산하 ○○원`): the body is described, not where the story happens.
static OWNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:특별시|광역시|특별자치도|특별자치시|시|도|군|구)?\s(?:산하|출자|출연|투자)(?:출연)?(?:기관|\s|$)").unwrap()
});

/// What follows `전국` when it is the pool of a selection: `전국 6곳 중`, `전국 12개 지역 가운데`.
static POOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\d+\s*(?:곳|개\s*\S*)\s*(?:중|가운데)").unwrap());

/// A sentence telling who may apply from anywhere, a call's entrants, or a nationwide election.
static NATIONWIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"전국\s?(?:어디서나|어디에서나|누구나|어디든)|제한\s?(?:없음|없이|없다)|전국\s?동시\s?지방\s?선거|도전한|응모한|신청한|공모\s?(?:후보|결과|에\s?(?:도전|신청|응모))|전국\s?공모").unwrap()
});

/// Whether `전국`, ending at `end`, is the pool of a selection, the reach of a call, or an
/// election's name.
fn nationwide_aside(text: &str, end: usize) -> bool {
    POOL.is_match(&text[end..]) || NATIONWIDE.is_match(text)
}

/// Whether the text before a mention ends with an exclusion (`서울을 제외한`, `수도권을 제외하고`).
fn after_exclusion(before: &str) -> bool {
    let b = before.trim_end();
    ["제외한", "제외하고", "제외한,", "뺀", "빼고"].iter().any(|e| b.ends_with(e))
}

/// What follows a place named as the forerunner of the programme: a project of its own, then
/// `에 이은`/`에 이어` (`강원 춘천 데이터센터에 이은 두 번째 센터`). A place right before `에 이어`
/// may be where a tour goes next, so a project's name must stand between.
static FORERUNNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:시|군|구|도)?(?P<between>(?:\s[가-힣A-Za-z0-9·]+){0,2}\s[가-힣A-Za-z0-9·]+?)에\s?(?:이은|이어)\s").unwrap()
});

/// What follows a place named as the model the programme follows: `처럼` (`판교처럼`, `세종 사례처럼`)
/// or `… 사례를 본떠`.
static MODEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:시|군|구|도)?(?:(?:\s?사례|\s?모델)?처럼(?:\s|$)|의?(?P<between>(?:\s[가-힣A-Za-z0-9]+){0,2}?)\s?(?:사례|모델)(?:를|을)\s?(?:본떠|본뜬|본받아|벤치마킹))")
        .unwrap()
});

/// An earlier project built elsewhere, told after `앞서`: `앞서 춘천에 구축한 데이터센터`.
static BUILT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:시|군|구|도)?(?:에|에서)\s(?:[가-힣]+\s)?(?:구축|건립|조성|설립|개소|개관|준공|건설|설치)(?:한|했던|된|됐던)\s").unwrap()
});

/// Whether a mention names a place the story compares with: the model it follows, or the site of
/// an earlier project (`앞서 ○○에 구축한`, `○○ 데이터센터에 이은`, `○○ 사례처럼`). The words
/// between the place and the comparison must be bare nouns, no particle: in `부산시는 대구 사례처럼`
/// 부산 is the subject, not the model.
fn compared(text: &str, m: &Mention<'_>) -> bool {
    let rest = &text[m.end..];
    let bare = |c: &regex::Captures<'_>| {
        c.name("between").is_none_or(|b| {
            b.as_str().split_whitespace().all(|w| {
                !["은", "는", "을", "를", "의", "에서", "으로", "에게", "고", "며"]
                    .iter()
                    .any(|p| w.ends_with(p))
            })
        })
    };
    if FORERUNNER.captures(rest).or_else(|| MODEL.captures(rest)).is_some_and(|c| bare(&c)) {
        return true;
    }
    let before = text[..m.start].trim_end();
    let recent = before.rsplit(' ').take(2).any(|w| w == "앞서" || w == "이미");
    recent && BUILT_BEFORE.is_match(rest)
}

/// Whether mention `k` is a province written right before one of its own 시 or 군 (`충북 괴산군`,
/// `경북 포항의`), which it only locates. A 구 after its city (`대전 유성구`) names both.
fn locates_next(kept: &[(Mention<'_>, bool)], k: usize, text: &str) -> bool {
    let m = &kept[k].0;
    let Some((next, _)) = kept.get(k + 1) else { return false };
    m.place.level == PlaceLevel::Province
        && next.unit == m.unit
        && next.start > m.end
        && text[m.end..next.start].trim().is_empty()
        && next.place.level == PlaceLevel::Local
        && next.place.parent.as_deref() == Some(m.place.name.as_str())
        // A 구 of a metropolitan city names both; a 구 written with its city (`창원시 성산구`)
        // is in a province, which only locates it.
        && (!next.place.name.ends_with('구') || next.place.name.contains(' '))
}

/// Whether a province is written right before a building or office of one of its own cities or
/// counties (`경북 영주시청에서`, `전남 해남군청`), which it only locates: the building's word
/// holds no place mention of its own.
fn locates_building(m: &Mention<'_>, text: &str, rules: &Compiled) -> bool {
    let Some(word) = text[m.end..].strip_prefix(' ').and_then(|r| r.split_whitespace().next()) else {
        return false;
    };
    m.place.level == PlaceLevel::Province
        && rules.regions.iter().any(|r| {
            r.level == PlaceLevel::Local
                && r.parent.as_deref() == Some(m.place.name.as_str())
                && word.strip_prefix(r.spelling.as_str()).is_some_and(|rest| {
                    // Its council too: `충남 예산군의회는` locates the county's council.
                    ["청", "시청", "군청", "구청", "청사", "의회", "시의회", "군의회", "구의회"]
                        .iter()
                        .any(|b| rest.starts_with(b))
                })
        })
}

/// The byte ranges of the words that may be an aside's subject: those with a subject particle
/// among the eight after `한편` or `앞서` opening the sentence (`한편 같은 방식을 추진 중인
/// 울산시는`), up to a bare body (`한편 시는`: the story's own body).
/// `이웃 경북 포항은`, `인근 홍성군은` open an aside as `한편` does; so does a sentence right after
/// one that names rivals as a group (`경쟁 도시들은 이미 앞서 달린다. 경남 창원은 …`), when it opens
/// on a place: `after_rivals` says so, and only its first three words may be the subject.
fn aside_subjects(sentence: &str, after_rivals: bool) -> Vec<(usize, usize)> {
    let s = sentence.trim_start_matches(['□', 'ㅇ', '○', '-', ' ']);
    let offset = sentence.len() - s.len();
    let opened = ["한편 ", "앞서 ", "이웃 ", "인근 "].iter().find_map(|o| s.strip_prefix(o));
    let (rest, reach) = match opened {
        Some(rest) => (rest, 8),
        None if after_rivals => (s, 3),
        None => return Vec::new(),
    };
    let mut at = offset + (s.len() - rest.len());
    let mut out = Vec::new();
    for word in rest.split(' ').take(reach) {
        if ["시는", "도는", "군은", "구는", "시가", "도가", "군이", "구가", "정부는"].contains(&word)
        {
            break;
        }
        // `한편 울산시도 …`: another place doing the same.
        if ["은", "는", "이", "가", "도"].iter().any(|p| word.ends_with(p)) {
            out.push((at, at + word.len()));
        }
        at += word.len() + 1;
    }
    out
}

/// A neighbour compared inside a sentence (`가 의원은 "이웃 보은군은 5천만원에 도입했다"고 했다`,
/// `…했지만, 인근 홍성군은 …`): the word with a subject particle among the two after `이웃` or
/// `인근` where a clause or a quotation opens, each with whether it opens a quotation (then what
/// is quoted is told of the neighbour).
fn neighbour_subjects(sentence: &str) -> Vec<((usize, usize), bool)> {
    static NEIGHBOUR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(?:^|["“‘'(]|,\s|\s)(?:이웃|인근)\s"#).unwrap());
    let mut out = Vec::new();
    for m in NEIGHBOUR.find_iter(sentence) {
        let quoted = m.as_str().starts_with(['"', '“', '‘', '\'']);
        let mut at = m.end();
        for word in sentence[at..].split(' ').take(2) {
            if ["은", "는", "이", "가", "도"].iter().any(|p| word.ends_with(p)) {
                out.push(((at, at + word.len()), quoted));
                break;
            }
            at += word.len() + 1;
        }
    }
    out
}

/// For each unit, whether one of the two before it names rivals as a group (`경쟁 도시들은`,
/// `다른 지자체들도`): what follows compares the story's place with others.
fn after_rivals(units: &[&str]) -> Vec<bool> {
    static RIVALS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:경쟁|다른|타|이웃|인근)\s*(?:도시|지역|지자체|시·도|시도|지방자치단체)(?:들)?(?:은|는|도|이|가)\s")
            .unwrap()
    });
    let rivals: Vec<bool> = units.iter().map(|u| RIVALS.is_match(u)).collect();
    (0..units.len()).map(|k| (k.saturating_sub(2)..k).any(|j| rivals[j])).collect()
}

/// Whether a sentence is an aside (`한편 …`, `앞서 …`) whose subject is another place
/// (`한편 부산시의회는`, `한편 울산시도`), as the region reader has it.
/// For each sentence, whether it is an aside (`한편 …`, `앞서 …`) whose subject is a place the
/// story does not name outside its asides (`한편 부산시의회는` in a story on 경남, `한편
/// 울산시도`): what it tells is another place's.
pub(crate) fn other_place_asides(sentences: &[&str], rules: &Compiled) -> Vec<bool> {
    // The subject may be a body of the place (`부산시의회는`), which names no region itself.
    let rivals = after_rivals(sentences);
    let subject_places = |s: &str, after: bool| -> Vec<&str> {
        let quoted_neighbours = neighbour_subjects(s).into_iter().filter(|(_, q)| *q).map(|(r, _)| r);
        aside_subjects(s, after)
            .into_iter()
            .chain(quoted_neighbours)
            .collect::<Vec<_>>()
            .iter()
            .flat_map(|r| {
                let word = &s[r.0..r.1];
                rules
                    .regions
                    .iter()
                    .filter(move |p| p.spelling.chars().count() >= 2 && word.starts_with(p.spelling.as_str()))
                    .map(|p| p.name.as_str())
            })
            .collect()
    };
    let places: Vec<Vec<&str>> = sentences.iter().zip(&rivals).map(|(s, &a)| subject_places(s, a)).collect();
    let rest: Vec<&str> =
        sentences.iter().zip(&places).filter(|(_, p)| p.is_empty()).map(|(s, _)| *s).collect();
    let named = regions(&rest, rules);
    places.iter().map(|p| !p.is_empty() && p.iter().all(|name| !named.iter().any(|n| n == name))).collect()
}

/// A 구 written bare whose name many cities share (`북구 첨단과학산업단지에서`): the 구 of the one
/// 시·도 the story names that has it (광주's, in a story about 광주). Never guessed when the story
/// names two such 시·도 or none.
fn bare_districts<'r>(units: &[&str], kept: &[(Mention<'r>, bool)], rules: &'r Compiled) -> Vec<Mention<'r>> {
    let provinces: std::collections::BTreeSet<&str> = kept
        .iter()
        .filter(|(m, _)| m.place.level == PlaceLevel::Province)
        .map(|(m, _)| m.place.name.as_str())
        .collect();
    let mut out = Vec::new();
    for (u, text) in units.iter().enumerate() {
        for place in &rules.regions {
            let Some((first, short)) = place.spelling.split_once(' ') else { continue };
            let in_story = place.parent.as_deref().is_some_and(|p| provinces.contains(p));
            if !short.ends_with('구') || !in_story || !provinces.contains(first) {
                continue;
            }
            // One place of that name among the story's 시·도 (each has several spellings), and one
            // spelling of it read here.
            let same: std::collections::BTreeSet<&str> = rules
                .regions
                .iter()
                .filter(|r| {
                    r.short() == Some(short) && r.parent.as_deref().is_some_and(|p| provinces.contains(p))
                })
                .map(|r| r.name.as_str())
                .collect();
            if same.len() != 1 || out.iter().any(|m: &Mention<'r>| m.place.name == place.name) {
                continue;
            }
            for (at, _) in text.match_indices(short) {
                let end = at + short.len();
                let taken = kept
                    .iter()
                    .map(|(m, _)| m)
                    .chain(out.iter())
                    .any(|m| m.unit == u && at < m.end && end > m.start);
                if taken || !is_boundary(text[..at].chars().next_back()) || !word_ends(&text[end..]) {
                    continue;
                }
                out.push(Mention { unit: u, start: at, end, place });
            }
        }
    }
    out
}

/// Whether a sentence that names several places with a count (`8개 시·군`) chooses them
/// (`… 등 8개 시·군을 대상지로 선정했다`) rather than listing applicants or last year's picks.
/// `places` are where the sentence's place mentions start.
fn chooses_them(text: &str, places: &[usize]) -> bool {
    static CHOSEN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"선정(?:했|됐|되었|하였|한다|된)|대상지로|골랐|뽑았").unwrap());
    // `52개 대학이 신청했고, … A, B 등이 선정됐다`: the choice told after the clause of who
    // applied, naming the places chosen there (`이 중 2곳만 선정된다` names none).
    let from = ["신청했고", "신청했으며", "응모했고", "응모했으며", "접수했고"]
        .iter()
        .filter_map(|w| text.rfind(w).map(|i| i + w.len()))
        .max();
    let after_applied = from.map_or(text, |i| &text[i..]);
    let named_after = from.is_none_or(|i| places.iter().filter(|&&p| p >= i).count() >= 2);
    named_after
        && CHOSEN.is_match(after_applied)
        && !["신청", "응모", "지난해"].iter().any(|w| after_applied.contains(w))
}

/// Every place mention of the story, each with whether it is named for something other than the
/// programme (a list of applicants, a quotation, a quoted speaker's home, an aside about another
/// place, a table's row label, …), and the 읍·면·동 written after their 시·군·구 outside those.
fn mentions_in<'r>(units: &[&str], rules: &'r Compiled) -> (Vec<(Mention<'r>, bool)>, Vec<String>) {
    let mut kept: Vec<(Mention<'r>, bool)> = Vec::new();
    let mut streets: Vec<String> = Vec::new();
    let rivals = after_rivals(units);
    for (u, text) in units.iter().enumerate() {
        let mut all = mentions(u, text, rules);
        all.extend(listed_short_names(u, text, &all, rules));
        let listed = comma_listed_short_names(u, text, &all, rules);
        all.extend(listed);
        let bracketed = bracketed_short_names(u, text, &all, rules);
        all.extend(bracketed);
        all.sort_by_key(|m| m.start);
        let out = ruled_out(text, &all);
        let distinct: std::collections::BTreeSet<&str> =
            all.iter().zip(&out).filter(|(_, r)| !**r).map(|(m, _)| m.place.name.as_str()).collect();
        let listing = distinct.len() >= 3
            && LIST_OF_PLACES.is_match(text)
            && !chooses_them(text, &all.iter().map(|m| m.start).collect::<Vec<_>>());
        let whole = listing || context::names_other_places(text);
        // A quotation's places are the programme's (a release quoting its own body, a speech
        // naming the merged cities) unless it promises something later (`…에는 특례를
        // 검토하겠다`, `…으로 넓히겠다`) or its speaker comes from another place.
        let from_elsewhere = all.iter().any(|m| context::speakers_place(text, m.end));
        let quoted: Vec<(usize, usize)> = context::quotations(text)
            .into_iter()
            .filter(|q| from_elsewhere || text[q.0..q.1].contains('겠'))
            .collect();
        let asides = aside_subjects(text, rivals[u]);
        let aside = all.iter().any(|o| asides.iter().any(|r| o.start < r.1 && o.end > r.0));
        let visitors = visitors_list(text, &all);
        let neighbours = neighbour_subjects(text);
        let other = |m: &Mention<'_>| {
            whole
                || visitors.contains(&m.start)
                || neighbours.iter().any(|((a, b), _)| m.start < *b && m.end > *a)
                || aside
                || quoted.iter().any(|q| m.start > q.0 && m.end <= q.1)
                || context::speakers_place(text, m.end)
                || context::before_or_unlike(text, m.end)
        };
        let plain: Vec<Mention<'r>> = all.iter().filter(|m| !other(m)).cloned().collect();
        if !whole && !aside {
            streets.extend(neighbourhood_after(text, &plain));
        }
        for (m, ruled) in all.into_iter().zip(out) {
            if !ruled {
                let o = other(&m);
                kept.push((m, o));
            }
        }
    }
    (kept, streets)
}

/// The starts of the mentions listed right before where visitors come from (`평창군과
/// 홍천군에서도 견학을 옵니다`): places joined by `과`, `와`, `·`, `,` up to the `에서`.
fn visitors_list(text: &str, all: &[Mention<'_>]) -> Vec<usize> {
    let Some(mut edge) = context::visitors_from(text) else { return Vec::new() };
    let mut out = Vec::new();
    for m in all.iter().rev() {
        if m.end > edge {
            continue;
        }
        let between = text[m.end..edge].trim_start_matches(['시', '군', '구']);
        if !between.chars().all(|c| c.is_whitespace() || "과와·ㆍ,및".contains(c)) {
            break;
        }
        out.push(m.start);
        edge = m.start;
    }
    out
}

/// A sentence's text outside its quotations (those become spaces), for the readers of kinds of
/// area and neighbourhoods; nothing when the whole sentence names other places.
fn outside_quotes(text: &str) -> String {
    if context::names_other_places(text) {
        return String::new();
    }
    let quoted: Vec<(usize, usize)> =
        context::quotations(text).into_iter().filter(|q| text[q.0..q.1].contains('겠')).collect();
    text.char_indices()
        .map(|(i, c)| if quoted.iter().any(|q| i > q.0 && i < q.1) { ' ' } else { c })
        .collect()
}

/// Regions in order of first mention, each once. `units` are the title and the body's sentences.
pub(crate) fn regions(units: &[&str], rules: &Compiled) -> Vec<String> {
    // (mention, named for something other than the programme)
    let (mut kept, streets) = mentions_in(units, rules);
    kept.extend(bare_districts(units, &kept, rules).into_iter().map(|m| (m, false)));
    kept.sort_by_key(|(m, _)| (m.unit, m.start));
    let locating: Vec<bool> = kept
        .iter()
        .enumerate()
        .map(|(k, (m, _))| locates_next(&kept, k, units[m.unit]) || locates_building(m, units[m.unit], rules))
        .collect();
    // A mention stands for its place when it is neither named for something else (`한편 인근
    // 홍천군은 …`, a quotation, …) nor a province that only locates the next place (`강원
    // 원주시`). A place is a region where some mention of it stands.
    let mut standing: Vec<bool> =
        kept.iter().zip(&locating).map(|((_, other), loc)| !other && !loc).collect();
    // A nationwide programme that names where its money goes (`전국 78개 지자체 … 관악구는 …`) is
    // told by those places: editors list them and leave out the country; the country but some
    // (`서울을 제외한 전국`) is a set of places of its own.
    let country = |m: &Mention<'_>| m.place.name == "전국";
    let places_named = kept.iter().zip(&standing).any(|((m, _), s)| *s && !country(m));
    for (k, (m, _)) in kept.iter().enumerate() {
        if country(m) && places_named && !after_exclusion(&units[m.unit][..m.start]) {
            standing[k] = false;
        }
    }
    let mut names: Vec<String> = Vec::new();
    let add = |name: &String, names: &mut Vec<String>| {
        if !names.contains(name) {
            names.push(name.clone());
        }
    };
    // Written after its province (`경북 칠곡군`, `대구 달성군`), the one 시·군 a story is about is
    // the province's too, as editors list it; in a list of such places (`강원 원주시와 경남
    // 진주시`) the province only locates each.
    let after_province = |m: &Mention<'_>| {
        m.place.parent.as_ref().is_some_and(|p| {
            m.place
                .spelling
                .split_once(' ')
                .is_some_and(|(first, _)| rules.regions.iter().any(|r| r.spelling == first && &r.name == p))
        })
    };
    let locals: std::collections::BTreeSet<&str> = kept
        .iter()
        .zip(&standing)
        .filter(|((m, _), s)| **s && m.place.level == PlaceLevel::Local)
        .map(|((m, _), _)| m.place.name.as_str())
        .collect();
    let one_place = locals.len() == 1;
    for (k, (m, _)) in kept.iter().enumerate() {
        if !standing[k] {
            continue;
        }
        // `대전 유성구`: the city is named too (but `창원시 성산구` names a city, not 경남).
        let parent = m
            .place
            .parent
            .as_ref()
            .filter(|_| (m.place.name.ends_with('구') || one_place) && after_province(m));
        for name in parent.into_iter().chain(std::iter::once(&m.place.name)) {
            add(name, &mut names);
        }
    }
    let plain: Vec<String> = units.iter().map(|u| outside_quotes(u)).collect();
    // A complex in an aside (`한편 울산시도 … 온산국가산업단지에`) is another place's.
    let sited = |u: &String| if context::opens_aside(u) { Vec::new() } else { complexes(u, rules) };
    // A single 읍·면·동 where something is built, once the story names a 시·군·구 it may be in.
    let local =
        names.iter().any(|n| rules.regions.iter().any(|r| r.name == *n && r.level == PlaceLevel::Local));
    let built = |u: &String| {
        if local && !context::opens_aside(u) {
            built_at(u).into_iter().chain(village_addresses(u)).collect()
        } else {
            Vec::new()
        }
    };
    for area in plain
        .iter()
        .flat_map(|u| {
            area_types(u, rules).into_iter().chain(sited(u)).chain(neighbourhoods(u)).chain(built(u))
        })
        .chain(streets)
    {
        add(&area, &mut names);
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rules::ImportRules;

    fn run(s: &str) -> Vec<String> {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let units: Vec<&str> = s.split(" / ").collect();
        regions(&units, &rules)
    }

    #[test]
    fn a_branch_named_for_its_area_is_no_region() {
        assert_eq!(
            run("영주시는 KT 대구·경북 법인고객본부와 스마트시티 협약을 맺었다."),
            vec!["영주시".to_string()]
        );
        assert_eq!(run("괴산군은 한빛전력 충북 지사와 협약을 맺었다."), vec!["괴산군".to_string()]);
        // A place before other words is the story's.
        assert_eq!(
            run("정부는 대구·경북 신공항 사업비를 늘렸다."),
            vec!["대구".to_string(), "경북".to_string()]
        );
    }

    #[test]
    fn rivals_compared_with_the_story_place_are_not_regions() {
        let story = "부산시가 해운대구에 드론 실증센터를 열었다. / 경쟁 도시들은 이미 앞서 있다. / 경기 평택은 드론 기업 30곳을 모았고, 대전은 연구단지와 묶었다. / 이웃 경남 김해는 지난해 드론 특구가 됐다.";
        assert_eq!(run(story), vec!["부산".to_string(), "해운대구".to_string()]);
        // Without the sentence on rivals, a place opening a sentence is the story's.
        assert_eq!(
            run("부산시가 해운대구에 드론 실증센터를 열었다. / 해운대구는 드론 기업 30곳을 모았다."),
            run(story)
        );
    }

    #[test]
    fn an_aside_about_another_place_names_no_region() {
        assert_eq!(
            run("원주시가 수소버스 20대를 들인다. / 한편 인근 횡성군은 내년 충전소를 짓는다."),
            vec!["원주시"]
        );
        assert_eq!(
            run("대구시가 로봇 거리를 만든다. / 앞서 부산시는 지난해 같은 거리를 열었다."),
            vec!["대구"]
        );
        assert_eq!(
            run("원주시가 버스를 들인다. / 한편 같은 버스를 시험 중인 춘천시는 내년에 들인다."),
            vec!["원주시"]
        );
        // The same body's own plan told after `한편`: its places count.
        assert_eq!(
            run("대구시가 버스를 들인다. / 한편 시는 달서구에 충전소를 검토한다."),
            vec!["대구", "달서구"]
        );
        // A 구 before `에도` (`달서구에도`: also there) is read like any place before a particle.
        assert_eq!(
            run("대구시가 버스를 들인다. / 한편 시는 달서구에도 충전소를 짓는다."),
            vec!["대구", "달서구"]
        );
        // Named for itself too, the place stays.
        assert_eq!(
            run("원주시와 횡성군이 버스를 들인다. / 한편 횡성군은 충전소도 짓는다."),
            vec!["원주시", "횡성군"]
        );
    }

    #[test]
    fn places_named_for_something_else_are_not_regions() {
        // Chosen with a count, the places are the programme's; applicants not chosen are not.
        assert_eq!(
            run("도는 안동시·영주시와 예천군·봉화군 등 4개 시·군을 대상지로 선정했다. / 신청한 경산시와 칠곡군은 선정되지 않았다."),
            vec!["안동시", "영주시", "예천군", "봉화군"]
        );
        // Last year's pilot in an aside, an extension still undecided.
        assert_eq!(
            run("도는 상주시에 보급한다. / 한편 도는 지난해 의성군에서 시범 운영을 했다."),
            vec!["상주시"]
        );
        assert_eq!(
            run("시는 상당구 미원면과 낭성면에 버스를 들인다. / 내년에는 청원구 북이면과 서원구 남이면으로 넓힐지 검토한다."),
            vec!["청주시 상당구", "미원면", "낭성면"]
        );
        // A quoted critic's home and what he says; a promise to look at something later.
        assert_eq!(
            run("정부가 창원시에 짓는다. / 경북 경주시의 한 시의원은 \"기준이 쏠렸다\"고 말했다. / 울산 울주군 관계자도 \"부울경 연계가 빠졌다\"고 지적했다."),
            vec!["창원시"]
        );
        assert_eq!(run("장관은 \"비수도권에는 특례를 검토하겠다\"고 말했다."), Vec::<String>::new());
        // A body quoting its own plan, a speech on the cities merged: their places count.
        assert_eq!(
            run("시는 \"장안구와 권선구에 로봇을 나눠준다\"고 밝혔다."),
            vec!["수원시 장안구", "수원시 권선구"]
        );
        // Provinces that only label table rows, beside the counties the body names.
        assert_eq!(run("대상은 충북 음성군·진천군이다. / 충북 | 2 | 60억원"), vec!["음성군", "진천군"]);
        assert_eq!(run("광주, 대구를 선정했다. / 광주 | 120억원 | 계속"), vec!["광주", "대구"]);
    }

    #[test]
    fn the_country_as_a_whole_is_no_region_but_the_country_save_some_is() {
        assert_eq!(
            run("올해 사업은 전국 64개 지방자치단체의 80개 과제로 나뉜다. / 마포구는 스마트 쉼터를 만든다."),
            vec!["마포구"]
        );
        // Told alone, a nationwide programme keeps the country.
        assert_eq!(run("정부는 전국 초등학교에 AI 교과서를 보급한다."), vec!["전국"]);
        assert!(run("접수는 다음 달까지이며 전국 어디서나 신청할 수 있다.").is_empty());
        assert!(run("참여 기업의 소재지는 제한 없음, 전국 대상이다.").is_empty());
        assert!(run("지난 6월 치러진 제8회 전국 동시 지방선거에서 의원 9명이 뽑혔다.").is_empty());
        assert!(run("전국 지자체와 기업 80곳이 도전한 공모에서 후보 5곳이 발표됐다.").is_empty());
        assert_eq!(run("부산을 제외한 전국 광역시·도가 대상이다."), vec!["전국"]);
    }

    #[test]
    fn a_place_the_story_compares_with_is_not_a_region() {
        // The site of an earlier project the new one follows.
        assert_eq!(
            run("충남도는 천안시에 제2연구소를 유치한다. / 제2연구소는 경기 판교 연구소에 이은 두 번째 연구소다."),
            vec!["충남", "천안시"]
        );
        assert_eq!(
            run("회사는 앞서 광양에 구축한 물류센터의 경험을 살려 목포시에 새 센터를 짓는다."),
            vec!["목포시"]
        );
        // The model it follows.
        assert_eq!(run("시는 세종 사례처럼 원주시에 자율주행 버스를 들인다."), vec!["원주시"]);
        assert_eq!(run("군은 판교처럼 홍천군에 창업 거리를 만든다."), vec!["홍천군"]);
        // The subject that follows a model is the story's place; a place before `에 이어` with no
        // project between may be the next stop of a tour: both stay.
        assert_eq!(run("원주시는 세종 사례처럼 버스를 들인다."), vec!["원주시"]);
        assert_eq!(run("박람회는 부산에 이어 대구에서 열린다."), vec!["부산", "대구"]);
    }

    #[test]
    fn institutions_placed_in_brackets_and_chosen_after_who_applied_are_regions() {
        let s = "전국 52개 대학이 56개 과제를 신청했고, 심의를 거쳐 한빛대(용인) 외 나래대(경산), 가람대(천안) 등이 선정됐다.";
        assert_eq!(run(s), vec!["용인시", "경산시", "천안시"]);
        // Alone, the word is what it also means.
        assert!(run("위원회는 변경을 용인했다.").is_empty());
    }

    #[test]
    fn a_bare_district_many_cities_share_is_the_one_the_story_names() {
        let got = run("울산시가 로봇 실증을 돕는다. / 시는 2일 북구 매곡산업단지에서 간담회를 열었다.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].contains("북구"), "{got:?}");
        // No city named, or two that both have one: not guessed.
        assert!(run("시는 2일 북구 매곡산업단지에서 간담회를 열었다.").is_empty());
        assert_eq!(run("울산시와 대구시가 만났다. / 북구에서 열렸다.").len(), 2);
    }

    #[test]
    fn where_visitors_come_from_is_not_a_region() {
        assert_eq!(
            run("횡성군이 충전소를 짓는다. / 평창군과 홍천군에서도 견학을 자주 온다."),
            vec!["횡성군"]
        );
    }

    #[test]
    fn a_province_before_its_citys_office_only_locates_it() {
        assert_eq!(run("공사는 경북 영주시청에서 영주시, 봉화군과 협약을 맺었다."), vec!["영주시", "봉화군"]);
        assert_eq!(run("도는 전남 해남군청에서 설명회를 열었다."), Vec::<String>::new());
        // Named for itself elsewhere, the province stays.
        assert_eq!(run("경북도는 경북 영주시청에서 설명회를 열었다."), vec!["경북"]);
        assert_eq!(
            run("충남 예산군의회는 20일 본회의를 열고 예산군 빈집 조례안을 가결했다."),
            vec!["충남", "예산군"]
        );
    }

    #[test]
    fn a_province_before_a_city_and_its_district_only_locates_them() {
        assert_eq!(run("경남 창원시 성산구에서 간담회가 열렸다."), vec!["창원시 성산구"]);
    }

    #[test]
    fn neighbourhoods_chosen_as_the_programmes_sites() {
        assert_eq!(run("군은 안계면과 다인면을 대상지로 정했다."), vec!["안계면", "다인면"]);
        assert_eq!(run("버스는 대흥동과 은행동을 잇는다."), vec!["대흥동", "은행동"]);
        assert_eq!(run("북면과 남면을 대상으로 운영한다."), vec!["북면", "남면"]);
        // Aspects are not places, whatever follows them.
        assert!(run("측면과 정면을 대상으로 촬영한다.").is_empty());
    }

    #[test]
    fn a_province_before_its_cities_or_counties_in_a_list_only_locates_them() {
        assert_eq!(
            run("대상은 강원 원주시와 경남 진주시, 전남 곡성이다"),
            vec!["원주시", "진주시", "곡성군"]
        );
        assert_eq!(run("선정된 곳은 충북 괴산군, 제주 서귀포시다."), vec!["괴산군", "서귀포시"]);
        // Named for itself as well, the province stays; a 구 after its city names both.
        assert_eq!(run("전남도가 전남 여수에 짓는다"), vec!["전남", "여수시"]);
        assert_eq!(run("대전 유성구에 연다"), vec!["대전", "유성구"]);
        // Before the one 시·군 a story is about, the province is that place's too.
        assert_eq!(
            run("경북 칠곡군이 안전망 구축 사업에 선정됐다. / 군은 내년까지 구축한다."),
            vec!["경북", "칠곡군"]
        );
    }

    #[test]
    fn finds_places_and_skips_words_containing_them() {
        assert_eq!(run("영남권에서는 제조, 호남권은 농업"), vec!["영남권", "호남권"]);
        assert_eq!(run("부산물 재활용과 서울대학교 연구진"), Vec::<String>::new());
        assert_eq!(run("부산시와 경상남도, 세종에서"), vec!["부산", "경남", "세종"]);
        assert_eq!(run("경기 침체 속에 전국 17개 시도"), vec!["전국"]);
        assert_eq!(run("전국민 대상"), Vec::<String>::new());
        assert_eq!(run("부산지방국토관리청이 발표했다"), Vec::<String>::new());
    }

    #[test]
    fn reads_cities_counties_and_districts() {
        assert_eq!(run("강릉시가 선정됐다. 고성군은 새로 포함됐다"), vec!["강릉시", "고성군"]);
        assert_eq!(run("대전 유성구에 짓는다"), vec!["대전", "유성구"]);
        assert_eq!(run("서울 중구 호텔에서 열었다"), vec!["서울", "서울 중구"]);
        assert_eq!(run("올해 예산은 늘었다"), Vec::<String>::new(), "예산 is the budget, not 예산군");
    }

    #[test]
    fn leaves_out_excluded_places_constituencies_datelines_and_contrasts() {
        assert_eq!(run("서울·경기도·인천을 제외한 비수도권 14개 시·도"), vec!["비수도권"]);
        assert_eq!(run("김영식 국회의원(경북 구미을)은 구미시가 선정됐다고 밝혔다"), vec!["구미시"]);
        assert!(
            run("원하람(부천 오정·사진) 국회의원과 김다온(부산 금정) 국회의원은 토론회를 연다.").is_empty()
        );
        assert_eq!(run("(서울=연합뉴스) 정부는 광주에 짓는다"), vec!["광주"]);
        assert_eq!(run("수도권과 지역 간 격차를 줄인다"), Vec::<String>::new());
    }

    #[test]
    fn reads_districts_of_large_cities_and_former_cities() {
        assert_eq!(run("창원시 성산구에 센터를 짓는다"), vec!["창원시 성산구"]);
        assert_eq!(run("분당구와 수원 영통구에서 시범 운영한다"), vec!["성남시 분당구", "수원시 영통구"]);
        assert_eq!(run("포항 남구 일대"), vec!["포항시 남구"]);
        assert_eq!(run("마산과 진해의 옛 도심을 잇는다"), vec!["마산시", "진해시"]);
        assert_eq!(run("충무로 영화관에서 상영했다"), Vec::<String>::new(), "a street is not 충무시");
        assert_eq!(run("옛 청원군 시절부터 키운 청주시 오송의 꿈"), vec!["청주시"]);
        assert_eq!(run("강원특별자치도지사와 고흥군수가 만났다"), vec!["강원", "고흥군"]);
    }

    #[test]
    fn neighbourhoods_listed_together_are_regions_and_common_nouns_are_not() {
        assert_eq!(
            neighbourhoods("시는 장유동과 내외동, 진영읍 등 수요가 많은 곳부터 설치한다."),
            vec!["장유동", "내외동", "진영읍"]
        );
        assert_eq!(neighbourhoods("구는 문화동·부사동 일대 골목을 정비한다."), vec!["문화동", "부사동"]);
        // Three need nothing after them; two do, and common nouns never count.
        assert_eq!(
            neighbourhoods("구는 대흥동, 은행동, 선화동 전통시장 3곳에 앱을 만든다."),
            vec!["대흥동", "은행동", "선화동"]
        );
        assert!(neighbourhoods("구는 대흥동, 은행동 전통시장에 앱을 만든다.").is_empty());
        assert!(neighbourhoods("주민 활동, 운동, 이동 기록을 모은다.").is_empty());
        // A 읍·면 with its village is a site's address; a verb's `-면` before a word in 리 is not.
        assert_eq!(village_addresses("기공식은 한빛읍 나래리 일원에서 열렸다."), vec!["한빛읍 나래리"]);
        assert_eq!(village_addresses("도로는 가창면 주리에서 시작한다."), vec!["가창면 주리"]);
        assert!(village_addresses("공장이 가동되면 일자리 300개가 생긴다.").is_empty());
        assert!(village_addresses("청사를 전면 수리한다.").is_empty());
        // A building's wings after its floor area.
        assert!(neighbourhoods("연면적 9,500㎡(본관동, 연구동 등) 규모로 짓는다.").is_empty());
        assert!(neighbourhoods("봉사 활동과 체육 운동 등을 지원한다.").is_empty());
        assert!(neighbourhoods("안전 측면과 비용 측면 등을 따졌다.").is_empty());
        // Two as where a line or a service reaches (`…까지`, `…에`).
        assert_eq!(neighbourhoods("노선을 주문진읍과 옥계면까지 늘린다."), vec!["주문진읍", "옥계면"]);
        assert!(neighbourhoods("자동과 수동으로 전환한다.").is_empty());
        // One alone is not read: `신동` may be a surname, `정면` a direction.
        assert!(neighbourhoods("시는 진영읍 일대에 짓는다.").is_empty());
    }

    #[test]
    fn a_neighbour_compared_inside_a_sentence_is_not_a_region() {
        assert_eq!(
            run("영동군은 챗봇을 들였다. / 한 의원은 \"이웃 보은군은 같은 기능을 싸게 도입했다\"고 했다."),
            vec!["영동군"]
        );
        assert_eq!(run("영동군은 챗봇을 들였지만, 인근 충북 옥천군은 아직이다."), vec!["영동군"]);
        // Where something is done, not a subject compared: still a region.
        assert_eq!(run("시는 인근 옥천군에 센터를 짓는다."), vec!["옥천군"]);
    }

    #[test]
    fn a_councils_place_is_where_it_sits() {
        assert_eq!(run("영동군의회 산업위원회는 19일 농정과를 상대로 감사를 벌였다."), vec!["영동군"]);
        assert_eq!(run("충북 영동군의회는 19일 본회의를 열었다."), vec!["충북", "영동군"]);
        // Another place's council in an aside is not.
        assert_eq!(
            run("영동군의회는 19일 본회의를 열었다. / 한편 인근 보은군의회는 23일 임시회를 연다."),
            vec!["영동군"]
        );
    }

    #[test]
    fn kinds_of_area_listed_are_regions_and_a_pool_is_not() {
        assert_eq!(
            run("접경지역, 폐광지역, 농어촌지역 등 낙후지역을 지원한다"),
            vec!["접경지역", "폐광지역", "농어촌지역"]
        );
        assert_eq!(run("서울지역, 부산지역 등에서 모집한다"), vec!["서울", "부산"]);
        assert_eq!(run("전국 8곳 중 강릉시가 선정됐다"), vec!["강릉시"]);
        assert_eq!(run("전국 17개 시도에 보급한다"), vec!["전국"]);
        assert_eq!(run("전국 17개 시도에 보급한다 / 첫해에는 부산과 광주가 착수한다"), vec!["부산", "광주"]);
        assert_eq!(run("구미 국가산업1~5단지에 입주한다"), vec!["구미시", "구미 국가산업1~5단지"]);
        assert_eq!(run("창원국가산업단지에 짓는다"), vec!["창원국가산업단지"]);
        assert_eq!(run("인근 산업단지에 짓는다"), Vec::<String>::new());
    }

    #[test]
    fn an_industrial_complex_with_a_name_of_its_own_is_a_region() {
        assert_eq!(run("두 기관은 남촌·도화국가산업단지 입주기업을 돕는다."), vec!["남촌·도화국가산업단지"]);
        assert_eq!(
            run("공장은 경남 양산 새솔 국가산업단지에 들어선다."),
            vec!["경남", "양산시", "새솔 국가산업단지"]
        );
        // A word alone before it says what it makes; a general complex is the town's own.
        assert!(run("정부는 반도체 국가산업단지의 전력망을 짓는다.").is_empty());
        assert!(run("센터는 새솔일반산업단지에 들어선다.").is_empty());
        // What kind or which, not a name; a short form (`산단`) without a place; a place's own
        // complex is read once.
        assert_eq!(run("시는 노후 국가산업단지를 고친다."), Vec::<String>::new());
        assert_eq!(run("인근 국가산업단지와 연계한다."), Vec::<String>::new());
        assert_eq!(run("탄소 국가산단에 짓는다."), Vec::<String>::new());
        assert_eq!(run("창원국가산업단지에 짓는다"), vec!["창원국가산업단지"]);
        assert_eq!(run("한편 울산시도 지난달 온산국가산업단지에 기업을 유치했다."), Vec::<String>::new());
    }

    #[test]
    fn applicants_listed_once_are_not_regions() {
        assert_eq!(
            run("강원도는 신청했다 / 강원도 춘천을 비롯해 경남 밀양, 충북 제천, 전남 고흥 등 4개 지역이 신청했다 / 춘천시 동면에 짓는다"),
            vec!["강원", "춘천시", "동면"]
        );
        // `N곳이 지원했다`: the places that applied, counted.
        assert_eq!(
            run("충북은 SW융합클러스터 공모에 청주시와 함께 신청했다 / 이번 공모에는 충북, 대전, 광주, 전북 등 4곳이 지원했다"),
            vec!["충북", "청주시"]
        );
    }

    #[test]
    fn an_education_offices_programme_applies_in_its_place() {
        assert_eq!(run("충북교육청은 올해 모든 중학교에 코딩 수업을 연다"), vec!["충북"]);
        assert_eq!(run("전북교육감은 디지털 교과서를 도입한다고 밝혔다"), vec!["전북"]);
        // Inside a longer name it is still no place of its own.
        assert!(run("한국교육개발원은 교육청 평가를 맡았다").is_empty());
    }

    #[test]
    fn the_owner_of_a_body_is_not_a_region() {
        assert_eq!(run("포항시는 부산시 출자출연기관인 부산정보산업진흥원과 협약을 맺었다"), vec!["포항시"]);
        assert_eq!(run("경기도 산하 연구원이 원주시와 손잡았다"), vec!["원주시"]);
        // The place itself doing something is still its region.
        assert_eq!(run("부산시 산업을 키운다"), vec!["부산"]);
    }

    #[test]
    fn a_sea_area_off_a_place_is_the_place() {
        assert_eq!(run("전남도는 여수해역에 해상풍력 단지를 짓는다"), vec!["전남", "여수시"]);
    }

    #[test]
    fn an_ambiguous_short_name_opening_a_comma_list_member_is_a_place() {
        // 남해 is also the South Sea; among 경남's sea areas it is the county.
        assert_eq!(
            run("양식장을 거제해역 4곳, 남해해역 2곳, 통영해역 1곳으로 늘린다"),
            vec!["거제시", "남해군", "통영시"]
        );
        // 안양 among services of 시·도, its province named in the sentence.
        assert_eq!(
            run("지원 대상은 부산시 심야버스, 경기도 순환버스, 안양 새벽버스다"),
            vec!["부산", "경기", "안양시"]
        );
        // No sibling and no province: the common word stays a word.
        assert_eq!(run("부산시 심야버스, 대구시 셔틀, 남해 바다 체험이 있다"), vec!["부산", "대구"]);
    }

    #[test]
    fn an_ambiguous_short_name_in_a_list_of_places_of_its_province_is_a_place() {
        assert_eq!(run("김천·경주·칠곡이 함께 관광벨트를 만든다"), vec!["김천시", "경주시", "칠곡군"]);
        assert_eq!(run("서산·당진·태안에 보급한다"), vec!["서산시", "당진시", "태안군"]);
        // One sibling of its province is enough: `용인·평택 반도체 클러스터`.
        assert_eq!(run("용인·평택 반도체 클러스터에 송전망을 깐다"), vec!["용인시", "평택시"]);
        // Nor with a place of another province.
        assert_eq!(run("평택·예산 협력을 논의했다"), vec!["평택시"]);
        // Not in a list of places, the common word stays a word.
        assert!(run("자동차 경주·공연 일정을 짰다").is_empty());
    }

    #[test]
    fn the_neighbourhood_where_the_thing_is_built_is_a_place() {
        assert_eq!(run("경북 구미시가 송정동에 물류센터 건립을 추진한다."), vec!["경북", "구미시", "송정동"]);
        assert_eq!(run("홍천군은 내년 서석면에 체험관을 짓는다."), vec!["홍천군", "서석면"]);
        // With no 시·군·구 named it may be in, or a common noun alike, it is not read.
        assert!(run("송정동에 물류센터 건립을 추진한다.").is_empty());
        assert_eq!(run("구미시는 화면에 안내판을 설치한다."), vec!["구미시"]);
        assert_eq!(run("구미시는 아동에 맞춘 놀이터를 조성한다."), vec!["구미시"]);
        // Joined by `·` after its 구, each is read.
        assert_eq!(run("사업 위치는 완산구 풍남동·교동 일원이다."), vec!["전주시 완산구", "풍남동", "교동"]);
    }

    #[test]
    fn a_numbered_complex_after_a_towns_short_name_is_the_towns() {
        assert_eq!(
            run("도와 군은 보은 제2산업단지에 공장을 짓기로 했다."),
            vec!["보은군", "보은 제2산업단지"]
        );
        // A common word before a complex names no town.
        assert!(run("회사는 첨단 제2산업단지에 입주한다.").is_empty());
    }

    #[test]
    fn a_neighbourhood_right_after_its_city_or_district_is_a_place() {
        assert_eq!(run("청주시 흥덕구 오송읍에 짓는다"), vec!["청주시 흥덕구", "오송읍"]);
        assert_eq!(run("춘천시 동면 일대에 조성한다"), vec!["춘천시", "동면"]);
        // A common noun after a city is not a neighbourhood.
        assert_eq!(run("춘천시 활동 지원"), vec!["춘천시"]);
    }
}
