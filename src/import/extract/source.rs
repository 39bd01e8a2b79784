//! Where the article comes from: the publisher (outlet or issuing body), the author (reporter)
//! and the URL. The outlet is looked up in the gazetteer ([`crate::import::gazetteer`]): a byline,
//! a portal's `출처` field, a copyright line (`ⓒ 이데일리`, `저작권자 © 강원도민일보 무단전재…`), a
//! masthead line, a reporter's e-mail domain or the page's address name it. A press release names
//! no outlet: its issuer is the body that `… 밝혔다` or that the headline line ends with. A photo
//! credit names the photo's owner, not the publisher; a photographer or a `담당자` is not the author.

use regex::Regex;
use std::sync::LazyLock;

use super::super::byline::{self, Byline};
use super::super::gazetteer;
use super::super::html::Hints;
use super::super::rules::{Compiled, PlaceLevel};
use super::super::text::{self, Block, Cleaned};
use super::attendees::is_person_name;

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:저작권자|Copyrights?|COPYRIGHT|copyright)?\s*(?:ⓒ|©|\([cC]\))\s*(?:\d{4}(?:[.\-/]\d{1,2}){0,2}\.?\s*)?(?P<a>[^\s,.|·\]>&(]+(?:\.(?:com|co\.kr|kr|net))?(?:\s(?:뉴스|일보|신문|경제|통신|타임스|데일리|미디어))?)|(?:저작권자|Copyright|COPYRIGHT)\s+(?:\d{4}(?:[.\-/]\d{1,2}){0,2}\.?\s*)?(?P<b>[^\s\d,.|·ⓒ©\-][^\s,.|·ⓒ©]*)")
        .unwrap()
});
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s<>"'()\[\]]+[^\s<>"'()\[\].,]"#).unwrap());
/// `여행자 솔바람 2023. 4. 9. 21:10`: a blog's or board's poster, one or two words before the
/// post time on a header line.
static HANDLE_BY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[^\d\s]{1,12}\s+)?(?P<handle>[^\d\s]{2,12})\s+(?:19|20)\d{2}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$").unwrap()
});
static PAREN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\([^()]*\)").unwrap());
static ANNOUNCES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"밝혔다|밝혔습니다|발표했다|설명입니다|전했다|알렸다|추진합니다|공고").unwrap()
});

/// Where the publisher was found, strongest first: a review note is written for the weaker ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Evidence {
    /// Named by the page as its outlet.
    Outlet,
    /// The body the release or article comes from (`… 밝혔다`): a guess for a news article.
    Issuer,
}

/// The publisher, the author, the URL and how sure the publisher is.
#[derive(Debug, Clone, Default)]
pub(crate) struct Found {
    pub publisher: Option<(String, Evidence)>,
    pub author: Option<String>,
    pub url: Option<String>,
}

fn outlet_name(written: &str) -> String {
    gazetteer::outlet_named(written).map(|o| o.name.clone()).unwrap_or_else(|| written.to_string())
}

/// The holder a copyright line names, past any date (`저작권자 2008-06-11 ⓒ 매체`). An outlet the gazetteer knows anywhere after the mark
/// wins, since a slogan may come first (`ⓒ '돈이 보이는 리얼타임 뉴스' 머니투데이`, `ⓒ 공감언론
/// 뉴시스통신사`); then the site's address (`Copyright@더팩트(tf.co.kr)`); then the first word.
fn copyright_holder(line: &str) -> Option<String> {
    static AT_MARK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:Copyrights?|COPYRIGHTS?|copyrights?)\s*@\s*(?P<c>[^\s,.|(@]{2,})").unwrap()
    });
    static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|co\.kr|kr|net|org)\b").unwrap()
    });
    let (start, written) = match COPYRIGHT.captures(line) {
        Some(c) => (c.get(0)?.start(), c.name("a").or(c.name("b"))?.as_str().trim()),
        None => {
            let c = AT_MARK.captures(line)?;
            (c.get(0)?.start(), c.name("c")?.as_str())
        }
    };
    let after = &line[start..];
    if let Some(o) = gazetteer::outlet_in(after) {
        return Some(o.name.clone());
    }
    if let Some(o) = DOMAIN.find_iter(after).find_map(|d| gazetteer::outlet_for_domain(d.as_str())) {
        return Some(o.name.clone());
    }
    let holder = written;
    let holder = holder.trim_end_matches(['-', ')', '>', ']']);
    let ok = holder.chars().count() >= 2
        && !holder.starts_with("무단")
        && !holder.eq_ignore_ascii_case("all")
        && !holder.starts_with(|c: char| c.is_ascii_digit());
    ok.then(|| outlet_name(holder))
}

/// A rights notice with no copyright mark (`중도일보(www.joongdo.co.kr), 무단전재 및 수집, 재배포
/// 금지`): the outlet the gazetteer finds in it, by name or by its address.
fn rights_line(lines: &[&str]) -> Option<String> {
    static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|co\.kr|kr|net|org)\b").unwrap()
    });
    let notice =
        |l: &&&str| ["무단전재", "무단 전재", "재배포 금지", "재배포금지"].iter().any(|w| l.contains(w));
    lines.iter().filter(notice).find_map(|l| {
        gazetteer::outlet_in(l)
            .or_else(|| DOMAIN.find_iter(l).find_map(|d| gazetteer::outlet_for_domain(d.as_str())))
            .map(|o| o.name.clone())
    })
}

/// An outlet's name in brackets closing the story's last paragraph (`… 전망된다. <헤드라인제주>`).
fn closing_tag(cleaned: &Cleaned) -> Option<String> {
    let last = cleaned.blocks.iter().rev().find(|b| matches!(b, Block::Para(_)))?;
    let written = text::CLOSING_TAG.captures(last.text().trim())?.get(1)?.as_str();
    byline::plausible_outlet(written).then(|| outlet_name(written))
}

/// A line of its own that is only an outlet's credit (`/연합뉴스`, `<제주일보>`), as the story's
/// last line: the outlet the gazetteer knows by that name.
fn credit_line(lines: &[&str]) -> Option<String> {
    lines.iter().find_map(|l| {
        let bare = l
            .trim()
            .trim_start_matches(['/', '<', '[', '(', '〈'])
            .trim_end_matches(['>', ']', ')', '〉'])
            .trim();
        (bare.len() < l.trim().len()).then(|| gazetteer::outlet_named(bare)).flatten().map(|o| o.name.clone())
    })
}

/// Bylines on lines of their own, header first.
fn line_bylines(cleaned: &Cleaned) -> Vec<Byline> {
    cleaned.meta.iter().chain(&cleaned.tail).filter_map(|l| byline::parse_line(l)).collect()
}

fn outlet_from_lines(cleaned: &Cleaned, hints: &Hints) -> Option<String> {
    // Short blocks at the top of the body are often a portal's fields (`출처`, `작성일`).
    let fields = cleaned.blocks.iter().take(10).map(|b| b.text()).filter(|t| t.chars().count() <= 20);
    let lines: Vec<&str> = cleaned
        .meta
        .iter()
        .map(String::as_str)
        .chain(fields)
        .chain(cleaned.tail.iter().map(String::as_str))
        .collect();
    // `머니투데이 뉴스1 제공 | 2020.03.26`: a story one outlet gives another is the host's.
    // The outlet right before `제공` is the giver (`(서울=연합뉴스 제공) 홍길동 기자` names no host).
    let syndicated = lines.iter().find(|l| l.contains("제공") && text::is_meta_line(l)).and_then(|l| {
        let before = &l[..l.find("제공")?];
        let host = before.trim_end().rsplit_once([' ', '=', '(']).map_or("", |(h, _)| h);
        gazetteer::outlet_in(host)
    });
    // A portal's `출처` field, on its line or the next.
    let portal = lines.iter().enumerate().find_map(|(k, l)| {
        let rest = l.strip_prefix("출처")?.trim_start_matches([' ', ':', '：']);
        let value = if rest.is_empty() { *lines.get(k + 1)? } else { rest };
        gazetteer::outlet_in(value).map(|o| o.name.clone())
    });
    let lead = cleaned.lead_byline.as_ref().and_then(|b| b.outlet.clone()).map(|o| outlet_name(&o));
    let byline = line_bylines(cleaned).into_iter().find_map(|b| b.outlet).map(|o| outlet_name(&o));
    let signoff = signoff(cleaned).and_then(|b| b.outlet);
    let copyright = lines.iter().find_map(|l| copyright_holder(l)).or_else(|| rights_line(&lines));
    let closing_tag = closing_tag(cleaned).or_else(|| credit_line(&lines));
    // A masthead: a short chrome line that is an outlet's name (`세계일보`, `광주일보 PC버전`).
    let masthead = lines.iter().find_map(|l| {
        let o = gazetteer::outlet_in(l)?;
        (l.starts_with(o.name.as_str()) && l.chars().count() <= 20).then(|| o.name.clone())
    });
    // `2013-12-14     음성뉴스`: an outlet's name where a reporter's would stand after the date.
    static DATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:19|20)\d{2}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(?P<outlet>[^\s\d]{2,15})$").unwrap()
    });
    let dated = cleaned.meta.iter().find_map(|l| {
        let o = DATED.captures(l.trim())?.name("outlet")?.as_str();
        byline::plausible_outlet(o).then(|| outlet_name(o))
    });
    let emails = line_bylines(cleaned)
        .into_iter()
        .chain(cleaned.trailing_byline.clone())
        .filter_map(|b| b.email)
        .chain(bare_emails(cleaned))
        .chain(hints.url.clone());
    let domain = emails.filter_map(|e| gazetteer::outlet_for_domain(&e)).map(|o| o.name.clone()).next();
    syndicated
        .map(|o| o.name.clone())
        .or(portal)
        .or(lead)
        .or(byline)
        .or(signoff)
        .or(closing_tag)
        .or(copyright)
        .or(masthead)
        .or(dated)
        .or(domain)
        .or_else(|| hints.site_name.clone())
}

/// E-mail addresses standing alone on a line of the header, or anywhere in the tail: the reporter's, whose
/// domain is the outlet's. A civil servant's address (`…@korea.kr`, `…go.kr`) is a contact, and
/// names no outlet.
fn bare_emails(cleaned: &Cleaned) -> impl Iterator<Item = String> + '_ {
    static ALONE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[<(\[]?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)[>)\]]?$").unwrap());
    // In the tail, an address anywhere on a line (`◎공감언론 매체 name@outlet.com`) is the
    // outlet's sign-off.
    static ANY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([\w.+-]+@[\w-]+(?:\.[\w-]+)+)").unwrap());
    let header =
        cleaned.meta.iter().filter_map(|l| ALONE.captures(l.trim()).map(|c| c[1].to_ascii_lowercase()));
    let tail = cleaned
        .tail
        .iter()
        .flat_map(|l| ANY.captures_iter(l).map(|c| c[1].to_ascii_lowercase()).collect::<Vec<_>>());
    header.chain(tail).filter(|e| !e.ends_with("@korea.kr") && !e.ends_with(".go.kr"))
}

/// A broadcast report's sign-off (`KBS 뉴스 홍길동입니다.`) closing a paragraph or on a line of
/// the tail.
fn signoff(cleaned: &Cleaned) -> Option<Byline> {
    let closing = cleaned.blocks.iter().filter_map(|b| text::sentences(b.text()).last().copied());
    closing.chain(cleaned.tail.iter().map(String::as_str)).find_map(byline::parse_signoff)
}

/// `플래텀 Platum` at the top of a page whose copyright line says `ⓒ Platum`: an outlet found
/// only in Latin letters is named as its masthead spells it in Hangul, the form Korean readers
/// cite. Only for an outlet the gazetteer does not know (it has the outlet's own form).
pub(crate) fn hangul_masthead(publisher: &str, article: &str) -> Option<String> {
    let latin = |w: &str| w.chars().all(|c| c.is_ascii_alphanumeric() || ".-&".contains(c));
    if !latin(publisher) || gazetteer::outlet_named(publisher).is_some() {
        return None;
    }
    let hangul = |w: &str| w.chars().all(|c| ('가'..='힣').contains(&c));
    article.lines().map(str::trim).filter(|l| !l.is_empty()).take(3).find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let has_latin = words.iter().any(|w| w.eq_ignore_ascii_case(publisher));
        let korean: Vec<&str> = words.iter().copied().filter(|w| hangul(w)).collect();
        let rest_latin = words.iter().all(|w| hangul(w) || latin(w));
        (has_latin && rest_latin && words.len() <= 3 && korean.len() == 1 && korean[0].chars().count() >= 2)
            .then(|| korean[0].to_string())
    })
}

/// What kind of public body a name is: two spellings of one kind and place (`충북도`, `충청북도`,
/// `충북도청`) are one publisher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyKind {
    /// A 시·도's or a 시·군·구's government.
    Government,
    /// Its council.
    Council,
    /// A 시·도's office of education.
    Education,
    /// A ministry, a central agency or another body known by its whole name.
    Named,
}

/// A public body: who it is (kind and place, or full name) and how the page writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Body {
    kind: BodyKind,
    /// The place (registry or official name) or, for [`BodyKind::Named`], the full name.
    of: String,
    /// As written, without a `청` of the building (`충북도청` → `충북도`) or a secretariat
    /// (`의왕시의회사무과` → `의왕시의회`).
    written: String,
}

impl Body {
    fn same(&self, other: &Body) -> bool {
        self.kind == other.kind && self.of == other.of
    }
}

/// What follows a place's spelling in the name of its government, its council or its office
/// of education (`충북` + `도청`, `의왕` + `시의회`).
const PLACE_BODIES: &[(&str, BodyKind)] = &[
    ("시", BodyKind::Government),
    ("도", BodyKind::Government),
    ("군", BodyKind::Government),
    ("구", BodyKind::Government),
    ("청", BodyKind::Government),
    ("시청", BodyKind::Government),
    ("도청", BodyKind::Government),
    ("군청", BodyKind::Government),
    ("구청", BodyKind::Government),
    ("의회", BodyKind::Council),
    ("시의회", BodyKind::Council),
    ("도의회", BodyKind::Council),
    ("군의회", BodyKind::Council),
    ("구의회", BodyKind::Council),
    ("교육청", BodyKind::Education),
    ("시교육청", BodyKind::Education),
    ("도교육청", BodyKind::Education),
];

/// A council's or a body's office that issues its papers (`의왕시의회사무과`): the body's.
const SECRETARIATS: &[&str] = &["사무과", "사무처", "사무국"];

/// Endings of public agencies' names; an institute's `…원` only in a long name
/// (`광주과학기술원`, not a researcher's `선임연구원`).
const AGENCY_ENDINGS: &[&str] = &["진흥원", "공사", "공단", "재단", "위원회", "청", "처"];
const INSTITUTE_ENDINGS: &[&str] = &["기술원", "연구원", "평가원", "개발원", "정보원", "관리원"];

/// The public body a word names: a ministry, an agency by its ending, a province, city or
/// county, its council or office of education (`부산시`, `경기도`, `강릉시청`, `대전시의회`).
fn body_of(word: &str, rules: &Compiled) -> Option<Body> {
    let full = rules.canonical_org(word);
    if rules.ministries.contains(&full) {
        return Some(Body { kind: BodyKind::Named, of: full.clone(), written: full });
    }
    if let Some(council) = SECRETARIATS.iter().find_map(|s| word.strip_suffix(s)) {
        return body_of(council, rules).filter(|b| b.kind == BodyKind::Council);
    }
    if word.chars().count() >= 3 {
        if let Some(body) = place_body(word, rules) {
            return Some(body);
        }
    }
    let n = word.chars().count();
    let agency = AGENCY_ENDINGS.iter().any(|e| word.ends_with(e)) && n >= 4
        || INSTITUTE_ENDINGS.iter().any(|e| word.ends_with(e)) && n >= 6;
    (agency && !word.starts_with("정부")).then(|| Body {
        kind: BodyKind::Named,
        of: word.to_string(),
        written: word.to_string(),
    })
}

/// A place's government, council or office of education (`충북도`, `의왕시의회`), or a city of a
/// million styling itself `…특례시` (`용인특례시` for 용인시).
fn place_body(word: &str, rules: &Compiled) -> Option<Body> {
    if let Some(stem) = word.strip_suffix("특례시").filter(|s| !s.is_empty()) {
        let city = format!("{stem}시");
        if rules.regions.iter().any(|r| r.spelling == city) {
            return Some(Body { kind: BodyKind::Government, of: city, written: word.to_string() });
        }
    }
    rules.regions.iter().find_map(|r| {
        let rest = word.strip_prefix(r.spelling.as_str())?;
        let kind = if rest.is_empty() {
            (r.level == PlaceLevel::Local || word.ends_with(['시', '도'])).then_some(BodyKind::Government)?
        } else {
            PLACE_BODIES.iter().find(|(e, _)| *e == rest).map(|(_, k)| *k)?
        };
        // The building (`충북도청`) is the body (`충북도`).
        let written = match rest.strip_suffix('청').filter(|_| kind == BodyKind::Government) {
            Some("") if r.spelling.ends_with(['시', '도', '군', '구']) => r.spelling.clone(),
            Some(short) if !short.is_empty() => format!("{}{short}", r.spelling),
            _ => word.to_string(),
        };
        Some(Body { kind, of: r.name.clone(), written })
    })
}

/// Whether a word names a public body, and how to write it.
fn public_body(word: &str, rules: &Compiled) -> Option<String> {
    body_of(word, rules).map(|b| b.written)
}

/// The body a release's header names before its kind (`수원특례시 보도자료`, `국토교통부
/// 보도참고자료`): the issuer as it styles itself, which the lead may shorten (`수원시가`).
fn release_header(cleaned: &Cleaned, rules: &Compiled) -> Option<String> {
    cleaned.meta.iter().find_map(|l| {
        let words: Vec<&str> = l.split_whitespace().collect();
        let (_, body) = words.split_last()?;
        let body = body.join(" ");
        (text::is_document_label(l) && !body.is_empty())
            .then(|| {
                public_body(&body, rules).or_else(|| rules.ministries.contains(&body).then(|| body.clone()))
            })
            .flatten()
    })
}

const SUBJECT_PARTICLES: &[&str] = &["은", "는", "이", "가", "의"];

/// How a body names itself once introduced (`시는`, `도가`, `군은`): a subject, but no name.
const SELF_REFERENCES: &[&str] = &[
    "시는",
    "시가",
    "도는",
    "도가",
    "군은",
    "군이",
    "구는",
    "구가",
    "부는",
    "청은",
    "처는",
    "공사는",
    "공단은",
    "재단은",
    "정부는",
];

/// The body a release comes from: the subject of the first sentence that announces something
/// (`중소벤처기업부는 … 밝혔다`, `A와 B의 설명입니다`), or of the lead's first sentence. When the
/// headline opens with bodies (`충북도, …`), as a release's does, they are the issuer as it
/// styles itself, unless the lead names others: `충청북도와 음성군은` under `충북도, …` is 충북도's.
fn issuer(cleaned: &Cleaned, rules: &Compiled) -> Option<String> {
    let sentences: Vec<&str> = cleaned
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Para(_) | Block::Item { .. }))
        .flat_map(|b| text::sentences(b.text()))
        .take(12)
        .collect();
    let announcing = sentences.iter().find(|s| ANNOUNCES.is_match(s)).or(sentences.first());
    // `시는 "… 4개 구의 …"라고 밝혔다` names no body outside its quote: the lead's subject then.
    let lead = announcing
        .and_then(|s| subject_bodies(s, rules))
        .or_else(|| subject_bodies(sentences.first()?, rules))
        .unwrap_or_default();
    let headline = cleaned.title.as_deref().map(|t| headline_bodies(t, rules)).unwrap_or_default();
    let in_lead = |h: &Body| lead.iter().any(|b| b.same(h));
    let mut bodies = if !headline.is_empty() && (lead.is_empty() || headline.iter().all(in_lead)) {
        // Spelled as the lead spells them, unless the page mostly writes them otherwise.
        headline.into_iter().map(|h| lead.iter().find(|b| b.same(&h)).cloned().unwrap_or(h)).collect()
    } else {
        lead
    };
    // A body with its unit (`충청북도의회 행정문화위원회`) is written as the subject has it.
    for body in bodies.iter_mut().filter(|b| b.kind != BodyKind::Named && !b.written.contains(' ')) {
        body.written = usual_spelling(body, cleaned, rules);
    }
    (!bodies.is_empty()).then(|| join(&bodies))
}

/// How the page most often writes a body (`충북도` five times, `충청북도` once): its name for it.
/// On a tie, the spelling found first stands.
fn usual_spelling(body: &Body, cleaned: &Cleaned, rules: &Compiled) -> String {
    let texts = cleaned.title.as_deref().into_iter().chain(cleaned.blocks.iter().map(|b| b.text()));
    let mut counts: Vec<(String, usize)> = vec![(body.written.clone(), 0)];
    for word in texts.flat_map(|t| t.split(|c: char| c.is_whitespace() || "·‧,()[]'‘’\"“”".contains(c)))
    {
        // Only words that may be this body's name are looked up.
        if word.chars().count() < 3 || !word.starts_with(|c| body.written.starts_with(c)) {
            continue;
        }
        // `전남도` is a name whole; `전남도는` after its particle comes off.
        let named = |w: &str| body_of(w, rules).filter(|b| b.same(body));
        match named(word).or_else(|| named(crate::import::rules::without_particle(word))) {
            Some(b) => match counts.iter_mut().find(|(w, _)| *w == b.written) {
                Some((_, n)) => *n += 1,
                None => counts.push((b.written, 1)),
            },
            None => continue,
        }
    }
    // `max_by_key` keeps the last of equals: the spelling found first is kept by reversing.
    counts.into_iter().rev().max_by_key(|(_, n)| *n).map(|(w, _)| w).unwrap_or_else(|| body.written.clone())
}

/// The bodies a headline opens with before its comma (`충북도, …`, `충북도·음성군, …`).
fn headline_bodies(title: &str, rules: &Compiled) -> Vec<Body> {
    let Some((head, _)) = title.split_once(',') else { return Vec::new() };
    let parts: Vec<&str> = head.trim().split(['·', '‧']).collect();
    let bodies: Vec<Body> = parts.iter().filter_map(|p| body_of(p.trim(), rules)).collect();
    if bodies.len() == parts.len() && parts.len() <= 3 {
        bodies
    } else {
        Vec::new()
    }
}

/// The lines of a page's header: the headline, the metadata lines and the short blocks before
/// the first paragraph of prose.
fn header_lines(cleaned: &Cleaned) -> Vec<&str> {
    let leading = cleaned
        .blocks
        .iter()
        .take_while(|b| !matches!(b, Block::Para(t) if t.chars().count() > 40))
        .map(|b| b.text());
    cleaned
        .title
        .as_deref()
        .into_iter()
        .chain(cleaned.meta.iter().map(String::as_str))
        .chain(leading)
        .collect()
}

/// The body a header line names as its issuer besides a release's kind: a notice's number
/// (`광주과학기술원 공고 제2026-118호`), a council's minutes or session (`의왕시의회 본회의
/// 회의록`, `제247회 의왕시의회(임시회)`), or the issuing office alone on its line
/// (`의왕시의회사무과`).
fn header_body(cleaned: &Cleaned, rules: &Compiled) -> Option<String> {
    static SESSION_NO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^제\s?\d+\s?회\s*").unwrap());
    const PAPERS: &[&str] = &["공고", "고시", "회의록", "임시회", "정례회", "본회의", "회의"];
    header_lines(cleaned).into_iter().find_map(|line| {
        let line = PAREN.replace_all(line, " ");
        let line = SESSION_NO.replace(line.trim(), "");
        let words: Vec<&str> = line.split_whitespace().collect();
        let (first, rest) = words.split_first()?;
        let paper = rest.iter().any(|w| PAPERS.contains(w)) && words.len() <= 4;
        let body = body_of(first, rules)?;
        (paper || rest.is_empty()).then_some(body.written)
    })
}

/// The head's title closing a name (`광주과학기술원장`), and the ending of the body it heads.
const HEADS: &[(&str, &str)] = &[
    ("구청장", "구"),
    ("도지사", "도"),
    ("교육감", "교육청"),
    ("위원장", "위원회"),
    ("시장", "시"),
    ("군수", "군"),
    ("의장", "의회"),
    ("원장", "원"),
    ("청장", "청"),
    ("처장", "처"),
    ("장관", "부"),
];

/// The body a notice's signature names (`광주과학기술원장`, `의왕시장` alone on a line, maybe
/// with the head's name): the body the head signs for.
fn signature_body(cleaned: &Cleaned, rules: &Compiled) -> Option<String> {
    let blocks = cleaned.blocks.iter().filter(|b| !matches!(b, Block::Item { .. })).map(|b| b.text());
    // The signature may close the article, where the page's tail begins.
    let tail = cleaned.tail.iter().take(3).map(String::as_str);
    cleaned.meta.iter().map(String::as_str).chain(blocks).chain(tail).find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let named = match words.as_slice() {
            [w] => Some(*w),
            [w, name] if is_person_name(name) => Some(*w),
            _ => None,
        }?;
        HEADS.iter().find_map(|(head, ending)| {
            let stem = named.strip_suffix(head).filter(|s| s.chars().count() >= 2)?;
            body_of(&format!("{stem}{ending}"), rules).map(|b| b.written)
        })
    })
}

fn join(bodies: &[Body]) -> String {
    bodies.iter().map(|b| b.written.as_str()).collect::<Vec<_>>().join(", ")
}

/// The public bodies a sentence's subject names, outside parentheses and quotations, each once
/// however it is spelled (`충청북도와 충북도는`).
fn subject_bodies(sentence: &str, rules: &Compiled) -> Option<Vec<Body>> {
    static QUOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#""[^"]*"|“[^”]*”"#).unwrap());
    let plain = PAREN.replace_all(sentence, "");
    let plain = QUOTE.replace_all(&plain, " ");
    let tokens: Vec<&str> = plain.split_whitespace().take(40).collect();
    let mut bodies: Vec<Body> = Vec::new();
    // The last body was written bare (`전라남도의회 예산결산특별위원회는`): a unit of it may follow.
    let mut bare_body = false;
    for (k, t) in tokens.iter().enumerate() {
        let t = t.trim_start_matches(['□', 'ㅇ', '○', '-']);
        // `시는 … 완산구와 덕진구의 경로당을`: the subject is the body calling itself by its kind,
        // and the bodies after it are what the sentence is about.
        if bodies.is_empty() && SELF_REFERENCES.contains(&t) {
            return None;
        }
        // `김영식 국회의원은`: a lawmaker's office.
        if let Some(stem) = SUBJECT_PARTICLES.iter().find_map(|p| t.strip_suffix(p)) {
            if ["국회의원", "의원"].contains(&stem) && k > 0 && is_person_name(tokens[k - 1]) {
                let office = format!("{} 국회의원", tokens[k - 1]);
                return Some(vec![Body { kind: BodyKind::Named, of: office.clone(), written: office }]);
            }
        }
        let listed = t.ends_with(',');
        for part in t.trim_end_matches(',').split(['·', '‧']) {
            let (stem, last) = match SUBJECT_PARTICLES.iter().find_map(|p| part.strip_suffix(p)) {
                Some(s) => (s, true),
                None => match ["와", "과"].iter().find_map(|p| part.strip_suffix(p)) {
                    Some(s) => (s, false),
                    None => (part, false),
                },
            };
            let found = body_of(stem, rules);
            if let Some(body) = &found {
                if let Some(whole) = bodies.last_mut().filter(|_| bare_body && body.kind == BodyKind::Named) {
                    whole.written = format!("{} {}", whole.written, body.written);
                } else if !bodies.iter().any(|b| b.same(body)) {
                    bodies.push(body.clone());
                }
                if last {
                    return Some(bodies);
                }
            }
            bare_body = found.is_some() && stem == part && !listed;
        }
        if !bodies.is_empty() && SUBJECT_PARTICLES.iter().any(|p| t.ends_with(p)) {
            break;
        }
    }
    (!bodies.is_empty()).then_some(bodies)
}

/// The body of a speaker who introduces himself (`강원특별자치도지사 남궁현입니다`): an
/// address is published by the body its speaker heads.
fn speaker_body(cleaned: &Cleaned, rules: &Compiled) -> Option<String> {
    cleaned
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Para(_)))
        .flat_map(|b| text::sentences(b.text()))
        .take(6)
        .find_map(|s| super::attendees::self_introduction(s, rules))
        .map(|p| p.org)
        .filter(|org| !org.is_empty())
}

/// A name standing alone on a header line next to a date line (`• 구경모` / `• 입력 2022-06-28`).
fn bare_name_by_date(cleaned: &Cleaned) -> Option<String> {
    let lines: Vec<&str> =
        cleaned.meta.iter().map(|l| l.trim_start_matches(['•', '·', '|', ' ']).trim()).collect();
    lines.iter().enumerate().find_map(|(k, l)| {
        let near_date =
            lines[k + 1..].iter().filter(|n| !n.is_empty()).take(2).any(|n| text::is_meta_line(n));
        // A header table's label above its date (`배포`, `등록`) reads like a name.
        (is_person_name(l) && near_date && !super::date::is_label(l)).then(|| l.to_string())
    })
}

/// The one reporter the page names (`홍길동 기자`) in a form no byline pattern reads (`▶ 홍길동
/// 기자 = …`, `홍길동 기자의 …`), outside captions and quotations: the author, when nothing else
/// names one. Two reporters named leave it open; so does `기자회견`, `기자단`.
fn lone_reporter(cleaned: &Cleaned) -> Option<String> {
    static REPORTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[\s\[(=/▶■●◆<|·,])([가-힣]{2,4})\s?(?:선임|수석|객원|인턴|전문)?\s?기자(?:[^가-힣]|$|[은는이가의])").unwrap()
    });
    let texts = cleaned
        .meta
        .iter()
        .map(String::as_str)
        .chain(cleaned.blocks.iter().map(|b| b.text()))
        .chain(cleaned.tail.iter().map(String::as_str));
    let mut names: Vec<String> = Vec::new();
    for t in texts {
        let quoted = super::context::quotations(t);
        for c in REPORTER.captures_iter(t) {
            let m = c.get(1).unwrap();
            let name = m.as_str();
            if is_person_name(name)
                && !quoted.iter().any(|q| m.start() > q.0 && m.end() <= q.1)
                && !names.iter().any(|n| n == name)
            {
                names.push(name.to_string());
            }
        }
    }
    (names.len() == 1).then(|| names.remove(0))
}

/// The poster's handle on a header line before the post time, when nothing else names the
/// author. Labels (`입력`, `등록일`), outlets and public bodies before a date are not handles.
fn handle_by_date(cleaned: &Cleaned, rules: &Compiled) -> Option<String> {
    cleaned.meta.iter().find_map(|l| {
        let h = HANDLE_BY_DATE.captures(l.trim())?.name("handle")?.as_str();
        let label = super::date::is_label(h) || l.split_whitespace().any(super::date::is_label);
        let body = gazetteer::outlet_in(l).is_some()
            || byline::plausible_outlet(h)
            || public_body(h.trim_end_matches(['은', '는']), rules).is_some();
        (!label && !body && h.chars().all(char::is_alphanumeric)).then(|| h.to_string())
    })
}

/// Finds the source fields.
pub(crate) fn source(cleaned: &Cleaned, hints: &Hints, rules: &Compiled) -> Found {
    let publisher = outlet_from_lines(cleaned, hints)
        .map(|p| (p, Evidence::Outlet))
        .or_else(|| cleaned.title_suffix.clone().map(|s| (outlet_name(&s), Evidence::Outlet)))
        .or_else(|| {
            // A press release dated with its ministry: `2020.01.17 국토교통부`.
            cleaned.meta.iter().find_map(|l| {
                let words: Vec<&str> = l.split_whitespace().collect();
                rules
                    .ministries
                    .iter()
                    .find(|m| words.contains(&m.as_str()))
                    .map(|m| (m.clone(), Evidence::Outlet))
            })
        })
        .or_else(|| {
            // A credit on a photo is the last trace of an outlet that prints no masthead, when
            // it names an outlet: a stock library or an agency (`ⓒ게티이미지뱅크`) publishes nothing.
            cleaned
                .captions
                .iter()
                .filter(|c| !c.contains("사진"))
                .find_map(|c| copyright_holder(c))
                .filter(|p| gazetteer::outlet_named(p).is_some())
                .map(|p| (p, Evidence::Issuer))
        })
        .or_else(|| release_header(cleaned, rules).map(|p| (p, Evidence::Issuer)))
        .or_else(|| header_body(cleaned, rules).map(|p| (p, Evidence::Issuer)))
        .or_else(|| signature_body(cleaned, rules).map(|p| (p, Evidence::Issuer)))
        .or_else(|| issuer(cleaned, rules).map(|p| (p, Evidence::Issuer)))
        .or_else(|| speaker_body(cleaned, rules).map(|p| (p, Evidence::Issuer)));
    let author = cleaned
        .lead_byline
        .as_ref()
        .and_then(|b| b.name.clone())
        .or_else(|| line_bylines(cleaned).into_iter().find_map(|b| b.name))
        .or_else(|| cleaned.trailing_byline.as_ref().and_then(|b| b.name.clone()))
        .or_else(|| signoff(cleaned).and_then(|b| b.name))
        .or_else(|| bare_name_by_date(cleaned))
        .or_else(|| hints.author.clone())
        .or_else(|| lone_reporter(cleaned))
        // A release's `담당 부서` is whom to ask, not who wrote it: no author then.
        .or_else(|| handle_by_date(cleaned, rules))
        // A public body (`천안시청` over a date line) publishes; it is never the author.
        .filter(|a| public_body(a, rules).is_none());
    let url = hints.url.clone().or_else(|| {
        cleaned.meta.iter().chain(&cleaned.tail).find_map(|l| URL.find(l).map(|m| m.as_str().to_string()))
    });
    Found { publisher, author, url }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rules::ImportRules;

    #[test]
    fn a_latin_outlet_is_named_as_its_masthead_spells_it_in_hangul() {
        let page = "다온랩 Daonlab\nStartup · Tech\n\n기사 제목\n";
        assert_eq!(hangul_masthead("Daonlab", page).as_deref(), Some("다온랩"));
        assert_eq!(hangul_masthead("다온랩", page), None);
        // A masthead further down the page, or a line of more words, names nothing.
        assert_eq!(hangul_masthead("Daonlab", "메뉴\n검색\n로그인\n다온랩 Daonlab\n"), None);
        assert_eq!(hangul_masthead("Daonlab", "Daonlab 스타트업 뉴스\n"), None);
    }

    #[test]
    fn an_outlets_name_after_the_date_where_a_reporters_would_stand_is_the_publisher() {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let lead = "한빛도지사가 13일 국회 예결특위 위원장과 여야 간사 등을 잇달아 만나 내년도 정부예산 확보를 요청했다.";
        let page = format!("한빛도지사, 국회 돌며 예산 확보 총력\n\n2013-12-14     나래뉴스\n\n{lead}\n");
        let cleaned = text::clean(&page, None, &rules);
        assert_eq!(outlet_from_lines(&cleaned, &Hints::default()).as_deref(), Some("나래뉴스"));
        // A word after the date that no outlet ends with names none.
        let page = format!("한빛도지사, 국회 돌며 예산 확보 총력\n\n2013-12-14     총무과\n\n{lead}\n");
        let cleaned = text::clean(&page, None, &rules);
        assert_eq!(outlet_from_lines(&cleaned, &Hints::default()), None);
    }

    #[test]
    fn copyright_lines_name_the_holder() {
        assert_eq!(
            copyright_holder("[ⓒ 세계일보 & Segye.com, 무단전재 및 재배포 금지]").as_deref(),
            Some("세계일보")
        );
        assert_eq!(copyright_holder("- 저작권자 2008-06-11 ⓒ ScienceTimes").as_deref(), Some("ScienceTimes"));
        assert_eq!(
            copyright_holder("저작권자 © 강원도민일보 무단전재 및 재배포 금지").as_deref(),
            Some("강원도민일보")
        );
        assert_eq!(
            copyright_holder("-Copyrightsⓒ고성인터넷뉴스, 무단 전재 및 재배포 금지-").as_deref(),
            Some("고성인터넷뉴스")
        );
        assert_eq!(
            copyright_holder("<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>").as_deref(),
            Some("연합뉴스")
        );
        assert_eq!(copyright_holder("▲조영화 회장 ⓒ2005 HelloDD.com").as_deref(), Some("HelloDD.com"));
        // The site's address in parentheses after the holder is not part of its name.
        assert_eq!(copyright_holder("저작권자ⓒ MBC(imnews.imbc.com) 무단복제 금지").as_deref(), Some("MBC"));
        // A slogan before the outlet; the `@` mark; an unknown name with a known address.
        assert_eq!(
            copyright_holder("<저작권자 ⓒ '세상을 여는 창' 머니투데이, 무단전재 및 재배포 금지>").as_deref(),
            Some("머니투데이")
        );
        assert_eq!(copyright_holder("Copyright@더팩트 All right reserved.").as_deref(), Some("더팩트"));
        assert_eq!(
            copyright_holder("Copyright@TheFact(tf.co.kr) All right reserved.").as_deref(),
            Some("더팩트")
        );
        assert_eq!(copyright_holder("Copyright@한빛소식 All rights reserved.").as_deref(), Some("한빛소식"));
        assert_eq!(copyright_holder("문의 hong@example.kr"), None);
    }

    #[test]
    fn a_rights_notice_without_a_mark_and_a_closing_tag_name_the_outlet() {
        assert_eq!(
            rights_line(&["경기일보(www.kyeonggi.com), 무단전재 및 재배포 금지"]).as_deref(),
            Some("경기일보")
        );
        assert_eq!(rights_line(&["(www.kyeonggi.com) 무단전재 금지"]).as_deref(), Some("경기일보"));
        assert_eq!(rights_line(&["경기일보 기자들이 쓴 기사"]), None, "no notice");
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let page = "도의회 정례회 15일 개회\n\n도의회가 15일 정례회를 열고 새해 예산안을 심의한다. 계수조정은 13일 이뤄질 것으로 전망된다. <제주일보>\n";
        assert_eq!(closing_tag(&text::clean(page, None, &rules)).as_deref(), Some("제주일보"));
        let page = "도의회 정례회 15일 개회\n\n도의회가 15일 정례회를 열고 새해 예산안을 심의한다. <끝>\n";
        assert_eq!(closing_tag(&text::clean(page, None, &rules)), None, "no outlet's name");
        assert_eq!(credit_line(&["댓글 0", "/연합뉴스"]).as_deref(), Some("연합뉴스"));
        assert_eq!(credit_line(&["연합뉴스 많이 본 기사"]), None);
    }

    #[test]
    fn a_release_is_published_by_the_body_that_announces_it() {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let cleaned = |s: &str| Cleaned { blocks: vec![Block::Para(s.to_string())], ..Cleaned::default() };
        let run = |s: &str| issuer(&cleaned(s), &rules);
        assert_eq!(
            run("중소벤처기업부는 하반기 사업을 공고하고 28일 밝혔다.").as_deref(),
            Some("중소벤처기업부")
        );
        assert_eq!(run("부산시는 10일 협약식을 개최한다고 밝혔다.").as_deref(), Some("부산시"));
        // A lead, then the announcing sentence.
        let two = |lead: &str, then: &str| {
            let blocks = vec![Block::Para(lead.to_string()), Block::Para(then.to_string())];
            issuer(&Cleaned { blocks, ..Cleaned::default() }, &rules)
        };
        // Places inside a quotation are what was said, not who says it: the lead's subject then.
        assert_eq!(
            two(
                "고양시가 버스정류장 80곳에 스마트 쉼터를 만든다.",
                "시는 3일 \"일산동구·일산서구·덕양구 정류장부터 설치한다\"고 밝혔다."
            )
            .as_deref(),
            Some("고양시")
        );
        // The 구 the money goes to, after the city calling itself `시는`, do not issue it.
        assert_eq!(
            two(
                "전주시가 경로당에 건강관리 기기를 둔다.",
                "시는 올해 완산구와 덕진구의 경로당 40곳을 바꾼다고 24일 밝혔다."
            )
            .as_deref(),
            Some("전주시")
        );
        assert_eq!(run("시는 올해 완산구와 덕진구의 경로당 40곳을 바꾼다고 24일 밝혔다."), None);
        assert_eq!(run("용인특례시는 5일 계획을 발표했다.").as_deref(), Some("용인특례시"));
        assert_eq!(
            run("문화체육관광부(장관 김종덕)와 한국콘텐츠진흥원(원장 송성각)은 25일 사업을 발표했다.")
                .as_deref(),
            Some("문화체육관광부, 한국콘텐츠진흥원")
        );
        assert_eq!(
            run("김영식 국회의원(경북 구미을)은 20일 선정되었다고 밝혔다.").as_deref(),
            Some("김영식 국회의원")
        );
        assert_eq!(run("정부는 올해 예산을 늘린다고 밝혔다."), None);
        // A council, and a committee of it written after it: one body.
        assert_eq!(run("충청북도의회는 3일 조례안을 가결했다고 밝혔다.").as_deref(), Some("충청북도의회"));
        assert_eq!(
            run("충청북도의회 행정문화위원회(위원장 남도윤)는 3일 회의를 열었다고 밝혔다.").as_deref(),
            Some("충청북도의회 행정문화위원회")
        );
    }

    #[test]
    fn a_releases_header_names_its_issuer_as_it_styles_itself() {
        let got = found("수원특례시 보도자료\n배포일 2025. 10. 21.(화)\n\n수원시, 경로당에 로봇 보급\n\n수원시가 경로당 40곳에 로봇을 보급한다고 21일 밝혔다.\n");
        assert_eq!(got.publisher.map(|p| p.0).as_deref(), Some("수원특례시"));
        let got =
            found("국토교통부 보도참고자료\n\n셔틀 12개 노선 운행\n\n정부는 셔틀을 늘린다고 11일 밝혔다.\n");
        assert_eq!(got.publisher.map(|p| p.0).as_deref(), Some("국토교통부"));
        // A header with no body before the kind names no issuer; the lead does.
        let got =
            found("보도자료\n\n충남도, 섬마을 원격진료\n\n충청남도는 18일 원격진료를 시작한다고 밝혔다.\n");
        assert_eq!(got.publisher.map(|p| p.0).as_deref(), Some("충청남도"));
    }

    #[test]
    fn short_and_long_names_of_one_body_are_one_publisher() {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        let body = |w: &str| body_of(w, &rules).unwrap();
        assert!(body("충북도").same(&body("충청북도")) && body("충북도청").same(&body("충청북도")));
        assert_eq!(body("충북도청").written, "충북도");
        assert_eq!(body("논산시청").written, "논산시");
        assert!(body("논산시").same(&body("논산시청")));
        // A council and an office of education are bodies of their own, beside the government.
        assert!(body("충북도의회").same(&body("충청북도의회")) && !body("충북도의회").same(&body("충북도")));
        assert!(body("충청북도교육청").same(&body("충북교육청")));
        assert_eq!(body("논산시의회사무과").written, "논산시의회");
        assert!(body_of("논산시사무과", &rules).is_none(), "only a council's secretariat is its council");
        // An institute by its long name; a researcher's title is no body.
        assert!(body_of("남도바이오기술원", &rules).is_some());
        assert!(body_of("선임연구원", &rules).is_none());
        let cleaned = |s: &str| Cleaned { blocks: vec![Block::Para(s.to_string())], ..Cleaned::default() };
        assert_eq!(
            issuer(&cleaned("충청북도와 충북도의회, 충북도는 3일 협의회를 열었다고 밝혔다."), &rules)
                .as_deref(),
            Some("충청북도, 충북도의회")
        );
    }

    #[test]
    fn a_councils_minutes_are_published_by_the_council() {
        let page = "제98회 논산시의회(정례회)\n\n논산시의회 본회의 회의록\n\n제2차\n논산시의회사무과\n\n2025년 6월 10일(화) 10:00\n\n○의장 도하람 성원이 되었으므로 제98회 논산시의회 정례회 제2차 본회의를 개의하겠습니다. 오늘은 조례안 세 건을 심사하겠습니다.\n";
        assert_eq!(found(page).publisher.map(|p| p.0).as_deref(), Some("논산시의회"));
        // The secretariat alone on a header line names the council too.
        let page = "구정 질문 답변서\n\n강남구의회사무국\n\n구청은 올해 경로당 스무 곳에 안마의자를 두겠다고 답했다. 설치는 상반기에 마친다.\n";
        assert_eq!(found(page).publisher.map(|p| p.0).as_deref(), Some("강남구의회"));
    }

    #[test]
    fn a_notice_is_published_by_its_issuer_not_by_the_ministry_it_names() {
        let body = "\n\n  과학기술정보통신부와 전남정보문화진흥원은 지역 콘텐츠 기업의 해외 진출을 돕기 위해 참여 기업을 다음과 같이 모집하오니 많은 신청 바랍니다.\n\n2025년 3월 4일\n";
        let page = format!("전남정보문화진흥원 공고 제2025-31호\n\n2025년 콘텐츠 수출 바우처 참여기업 모집 공고{body}전남정보문화진흥원장\n");
        assert_eq!(found(&page).publisher.map(|p| p.0).as_deref(), Some("전남정보문화진흥원"));
        // With no header, the signature names the issuer.
        let page = format!("2025년 콘텐츠 수출 바우처 참여기업 모집 공고{body}전남정보문화진흥원장\n");
        assert_eq!(found(&page).publisher.map(|p| p.0).as_deref(), Some("전남정보문화진흥원"));
        let page = "2025년 스마트 경로당 운영자 모집 공고\n\n경로당 스무 곳의 운영자를 다음과 같이 모집하오니 관심 있는 주민의 많은 신청 바랍니다.\n\n2025년 3월 4일\n\n논산시장\n";
        assert_eq!(found(page).publisher.map(|p| p.0).as_deref(), Some("논산시"));
    }

    #[test]
    fn a_release_headline_opening_with_a_body_names_the_issuer_as_it_styles_itself() {
        let page = "전남도, 섬마을 드론 배송 본격화\n\n- 전남도‧신안군, 드론 배송 거점 세 곳 연다 -\n\n전라남도와 신안군은 오는 9일 신안 압해도에서 드론 배송 거점 개소식을 연다고 밝혔다. 거점은 모두 세 곳이다.\n";
        assert_eq!(found(page).publisher.map(|p| p.0).as_deref(), Some("전남도"));
        // A headline's body the lead does not name is not preferred over the lead's.
        let page = "전남도, 섬마을 드론 배송 본격화\n\n해양수산부는 오는 9일 신안 압해도에서 드론 배송 거점 개소식을 연다고 밝혔다. 거점은 모두 세 곳이다.\n";
        assert_eq!(found(page).publisher.map(|p| p.0).as_deref(), Some("해양수산부"));
    }

    fn found(page: &str) -> Found {
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        source(&text::clean(page, None, &rules), &Hints::default(), &rules)
    }

    #[test]
    fn a_story_a_wire_gave_is_published_by_the_page_that_took_it() {
        let page = "농어촌 초고속망 확대\n\n행안부는 올해 예산 160억원을 투입한다고 11일 밝혔다. 거의 모든 농어촌 지역에서 쓸 수 있게 된다.\n- (서울=연합뉴스 제공) 변지후 기자\n- 저작권자 2008-06-11 ⓒ 한빛사이언스\n";
        let f = found(page);
        assert_eq!(
            (f.publisher.map(|p| p.0).as_deref(), f.author.as_deref()),
            (Some("한빛사이언스"), Some("변지후"))
        );
    }

    #[test]
    fn an_address_on_a_sign_off_line_of_the_tail_names_the_outlet() {
        let page = "부처, 추경 1천억원 확정\n\n한빛부는 소관 추경이 1,000억원 규모로 확정됐다고 25일 발표했다. 사업은 모두 네 개다.\n\n◎공감언론 한빛 mint@newsis.com\n\n저작권자 무단전재 및 재배포 금지\n";
        assert_eq!(found(page).publisher.map(|p| p.0).as_deref(), Some("뉴시스"));
    }

    #[test]
    fn the_one_reporter_a_page_names_is_its_author() {
        let page = |lead: &str| {
            format!("군, 경로당 30곳에 안마의자\n\n{lead} 군은 올해 경로당 서른 곳에 안마의자를 둔다고 7일 밝혔다.\n\n사업비는 모두 3억원이다.\n")
        };
        assert_eq!(found(&page("▶도하람 기자 =")).author.as_deref(), Some("도하람"));
        // Two reporters, or a press conference, name no author.
        assert_eq!(found(&page("▶도하람 기자 = 엄서윤 기자의 앞선 보도처럼")).author, None);
        assert_eq!(found(&page("군수는 기자회견에서")).author, None);
    }

    #[test]
    fn a_photo_credit_names_the_publisher_only_when_it_is_an_outlet() {
        let lead = "군은 올해 경로당 서른 곳에 안마의자를 두기로 하고 사업비 3억원을 편성했다고 7일 밝혔다.";
        let more =
            "군은 상반기에 설치를 마치고 하반기에는 이용 실태를 조사해 내년 사업 규모를 정하기로 했다.";
        let page = |credit: &str| format!("군, 경로당 30곳에 안마의자\n\n{lead}\n\n{credit}\n\n{more}\n");
        assert_eq!(found(&page("ⓒ 연합뉴스")).publisher.map(|p| p.0).as_deref(), Some("연합뉴스"));
        assert_eq!(found(&page("ⓒ게티이미지뱅크")).publisher, None);
    }

    #[test]
    fn a_repost_credits_the_outlet_and_reporter_of_its_source_line() {
        let page = "들꽃 일기\n\n목포시, 무인 도서관 10곳 연다\n\n들꽃엄마 2024. 5. 3. 10:00\n\n시는 올해 도서관 열 곳에 무인 대출 기기를 둔다고 3일 밝혔다. 사업비는 모두 20억원이다.\n\n출처: 목포신문 남궁하늘 기자\n\n공감 3  댓글 1\n";
        let f = found(page);
        assert_eq!(f.publisher.map(|p| p.0).as_deref(), Some("목포신문"));
        assert_eq!(f.author.as_deref(), Some("남궁하늘"), "the source's reporter, not the reposting blogger");
    }

    #[test]
    fn an_outlet_is_read_from_a_barred_lead_tag_a_header_byline_a_mail_line_and_a_sign_off() {
        let lead = "전북 익산시는 경로당 스무 곳에 건강관리 기기를 둔다고 5일 밝혔다. 사업비는 4억원이다.";
        let more = "시는 상반기에 설치를 마치고 하반기에 이용 실태를 살핀다.";
        let f = found(&format!(
            "익산시, 경로당 스무 곳에 기기\n\n[한빛팩트ㅣ익산=도하람 기자] {lead}\n\n{more}\n"
        ));
        assert_eq!(
            (f.publisher.map(|p| p.0).as_deref(), f.author.as_deref()),
            (Some("한빛팩트"), Some("도하람"))
        );
        let f = found(&format!("익산시, 경로당 스무 곳에 기기\n\n머니투데이 익산=도하람 기자 | 2024.03.05 10:00\n\n{lead}\n\n{more}\n"));
        assert_eq!(
            (f.publisher.map(|p| p.0).as_deref(), f.author.as_deref()),
            (Some("머니투데이"), Some("도하람"))
        );
        let f = found(&format!("익산시, 경로당 스무 곳에 기기\n\n{lead}\n\n{more}\n\nreporter7@tf.co.kr\n"));
        assert_eq!(f.publisher.map(|p| p.0).as_deref(), Some("더팩트"));
        // A civil servant's mail names no outlet: the body that announces it is the issuer.
        let f = found(&format!("익산시, 경로당 스무 곳에 기기\n\n{lead}\n\n{more}\n\nclerk@korea.kr\n"));
        assert_eq!(f.publisher, Some(("익산시".to_string(), Evidence::Issuer)));
        let f = found(&format!("익산시, 경로당 스무 곳에 기기\n\n{lead}\n\n{more} JTV 도하람입니다.\n"));
        assert_eq!((f.publisher.map(|p| p.0).as_deref(), f.author.as_deref()), (Some("JTV"), Some("도하람")));
    }

    #[test]
    fn a_header_tables_date_label_is_not_the_author() {
        let page = "보도자료\n보도일시\n2026. 4. 2.(목) 06:00\n배포\n2026. 4. 1.(수) 14:00\n환경부\n\n하천 수질 AI로 실시간 감시…전국 40곳에 센서\n\n□ 환경부는 하천 40곳에 수질 센서를 단다고 밝혔다.\n";
        assert_eq!(found(page).author, None);
    }

    #[test]
    fn a_public_body_over_a_date_line_is_not_the_author() {
        let mut cleaned = Cleaned {
            blocks: vec![Block::Para("시는 3일 주차장을 열었다고 밝혔다.".to_string())],
            ..Cleaned::default()
        };
        cleaned.meta = vec!["천안시청".to_string(), "작성일 2025-04-03".to_string()];
        let rules = Compiled::new(&ImportRules::default()).unwrap();
        assert_eq!(source(&cleaned, &Hints::default(), &rules).author, None);
        cleaned.meta[0] = "천서윤".to_string();
        assert_eq!(source(&cleaned, &Hints::default(), &rules).author.as_deref(), Some("천서윤"));
    }

    #[test]
    fn a_releases_contact_office_is_not_its_author() {
        let page = "‘섬마을 돌봄’ 5개 군 선정\n\n보도일시 2024. 5. 3.(금)\n\n해양수산부는 섬마을 돌봄 공모에서 다섯 개 군을 골랐다고 3일 밝혔다. 군마다 장비를 둔다.\n\n담당 부서  어촌복지과  책임자  과장  나하율 (044-200-0000)\n";
        assert_eq!(found(page).author, None);
    }

    #[test]
    fn a_posters_handle_before_the_post_time_is_the_author_when_nothing_else_is() {
        let lead =
            "\n\n지난 주말 목포 골목 도서관 다섯 곳을 돌았다. 작은 도서관마다 동네 사람들이 모여 있었다.\n";
        let author =
            |header: &str| found(&format!("골목 도서관 다섯 곳 다녀온 기록\n\n{header}{lead}")).author;
        assert_eq!(author("여행자 솔바람 2023. 4. 9. 21:10").as_deref(), Some("솔바람"));
        assert_eq!(author("moonriver 2023-04-09").as_deref(), Some("moonriver"));
        // A date label, an outlet or a public body before the date is not a poster.
        assert_eq!(author("등록일 2023. 4. 9. 21:10"), None);
        assert_eq!(author("한겨레 2023. 4. 9."), None);
        assert_eq!(author("국토교통부 2023.04.09"), None);
    }
}
