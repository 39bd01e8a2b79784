//! Article text → clean blocks. Finds the headline, drops what a page wraps around the article
//! (menus, share and font-size widgets, bylines, photo captions, related-article boxes, comment
//! widgets, copyright lines, ads) and turns the rest into paragraphs, headings and list items.

use regex::Regex;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

use super::byline::{self, Byline};
use super::extract::date;
use super::rules::Compiled;

/// A piece of the article body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// A subtitle under the headline.
    Deck(String),
    /// A subheading.
    Heading(String),
    /// A paragraph.
    Para(String),
    /// A list item: nesting level, its number when the marker was numbered, the text.
    Item { level: usize, number: Option<u32>, marker: char, text: String },
    /// A `*` or `※` note under a paragraph; `stars` is how many `*` mark it (0 for `※`).
    Note { stars: usize, text: String },
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Deck(t) | Block::Heading(t) | Block::Para(t) => t,
            Block::Item { text, .. } | Block::Note { text, .. } => text,
        }
    }
}

/// The article, cleaned.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    /// The headline, when one was found.
    pub title: Option<String>,
    /// Lines taken out as page metadata (dates, bylines, copyright, contacts): the source of
    /// the date and the source fields.
    pub meta: Vec<String>,
    /// Photo captions (kept apart: not body text).
    pub captions: Vec<String>,
    /// The article body.
    pub blocks: Vec<Block>,
    /// Lines after the end of the article (comment widgets, footers): read only for labelled
    /// dates, the copyright holder and the URL.
    pub tail: Vec<String>,
    /// `[매체 기자명 기자]` or `(서울=매체) 기자명 기자 =` at the start of the lead.
    pub lead_byline: Option<Byline>,
    /// `… 밝혔다. /홍길동 기자` or `… 예상된다. 홍길동` closing the last paragraph.
    pub trailing_byline: Option<Byline>,
    /// What followed the headline after ` - ` on its line, when that names the issuer
    /// (`제목 - 과학기술정보통신부`).
    pub title_suffix: Option<String>,
    /// The date line right under the headline, when there is one: the headline's own.
    pub dateline: Option<String>,
}

static EMAIL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[<(\[]?[\w.+-]+@[\w-]+(\.[\w-]+)+[>)\]]?$").unwrap());
static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    // A release's header fields too: when it may be reported (`보도 가능 시점: 즉시`, `엠바고: …`).
    Regex::new(r"^(담당\s*부서|담당\s*자|책임자|문의|연락처|보도\s*담당|배포\s*일시|배포|(?:보도|엠바고)\s*(?:가능\s*)?(?:시점|일시|일자|시각)?\s*[:：])\s*[:：]?").unwrap()
});
static URL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:기사\s*)?(?:URL|주소|원문|출처|링크)\s*[:：]?\s*)?https?://\S+$").unwrap()
});
static PHONE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\(?0\d{1,2}[)-]\s?\d{3,4}-\d{4}").unwrap());
static CAPTION_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(\s*(?:사진|자료)\s*(?:=|제공)[^()]*(?:\([^()]*\)[^()]*)*\)\s*$|[\[(<〈【]\s*(?:사진|그래픽|이미지|자료|표|영상|출처|제공|사진\s*제공|자료\s*제공)\s*[=:：]?\s*[^\])>〉】]{0,40}[\])>〉】]|[\[(<〈]\s*[^\[\]()<>〈〉]{1,25}\s*제공\s*[\])>〉]|/\s*사진\s*=\s*\S+$|\s사진\s*제공\s*=\s*\S+$")
        .unwrap()
});
/// A Markdown image on a line of its own: `![alt](address)`, the alt text captured.
static MARKDOWN_IMAGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^!\[(.*)\]\(\S+\)$").unwrap());
/// A wire's stamp closing a photo's caption: the photo desk's address, or the notice that the
/// photo may not be resold.
static PHOTO_STAMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bphoto\d*@[a-z0-9.\-]+|재판매\s*및\s*DB\s*금지").unwrap());
/// A photo description closed by its credit: `… 발언하고 있다. 연합뉴스`, `… 스템빌리지. 부산시 제공`.
static CREDIT_END: LazyLock<Regex> = LazyLock::new(|| {
    // A wire's photo stamp may close it after the credit: `(포항시 제공) 2026.7.21/뉴스1`; or
    // stand alone with the wire's dateline form or its photographer's address: `… 참석하고 있다.
    // 2024.11.07. 서울=뉴시스`, `… 두드리고 있다. (사진기자단) 2025.12.02. name@wire.com`.
    // A credit after a slash is the owner alone: `… 촬영하고 있다. /천안시`.
    Regex::new(r"[.!?]\s*\(?(?:[가-힣A-Za-z0-9]+\s*){0,2}(?:제공|연합뉴스|뉴스1|DB|촬영)\s*\)?(?:\s*\d{4}\.\d{1,2}\.\d{1,2}\.?\s*/\s*[가-힣A-Za-z0-9]+)?$|[.!?]\s*/\s*[가-힣A-Za-z0-9]{2,12}$|[.!?)]\s*\d{4}\.\d{1,2}\.\d{1,2}\.?\s*(?:[가-힣]{2,4}\s?=\s?[가-힣A-Za-z0-9]{2,12}|[\w.+-]+@[\w.-]+)$").unwrap()
});
static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"[.!?]["'”’)]*$"#).unwrap());
static WRAPPED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[<〈《【\[]\s*(.+?)\s*[>〉》】\]]|[■◆◇●▣◈]\s*(.+)|#{1,6}\s+(.+))$").unwrap()
});

/// A line of three or more cells split by tabs (`광주<TAB>광주과학기술원<TAB>120억원`), written with
/// `|` between its cells: a table pasted from a document keeps its cells apart, as a `|` table
/// does, once tabs are spaces. A tab inside prose (one, or only at the line's edges) stays a space.
fn tab_cells(line: &str) -> Option<String> {
    let inner = line.trim_matches(|c: char| c.is_whitespace());
    let cells: Vec<&str> = inner.split('\t').map(str::trim).collect();
    (cells.len() >= 3 && cells.iter().filter(|c| !c.is_empty()).count() >= 2).then(|| cells.join(" | "))
}

/// NFC, one kind of line break and of space, no zero-width characters; tab-split table rows
/// become `|` rows.
/// A copyright notice run into the last paragraph (`… 예정이다. <저작권자 ⓒ 매체 무단전재 및 재배포
/// 금지>`) goes on a line of its own, so the paragraph stays the article's.
static GLUED_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([.!?]["'”’)]*)\s*([<\[(【]?\s*(?:저작권자|Copyrights?|COPYRIGHT|ⓒ|©)[^\n]*(?:무단|재배포|[Rr]ights)[^\n]*)$"#)
        .unwrap()
});

pub(crate) fn normalize(text: &str) -> String {
    let text: String = text.nfc().collect();
    let text: String = text
        .split_inclusive('\n')
        .map(|line| {
            let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
            let body = GLUED_NOTICE.replace(body, "$1\n$2");
            tab_cells(&body).map_or_else(|| format!("{body}{end}"), |row| row + end)
        })
        .collect();
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        // Zero-width and control characters (NUL, ESC) carry nothing a brief can show.
        .filter(|c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'))
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .map(|c| match c {
            '\u{a0}' | '\u{3000}' | '\u{2002}' | '\u{2003}' | '\u{2009}' | '\t' => ' ',
            '∼' | '〜' => '~',
            c => c,
        })
        .collect()
}

/// A board's article header printed as one row of two cells, its headline and its date
/// (`| 제목 … | 2024.03.07 |`), goes on two lines, headline first, as other pages print them. A
/// row among other rows is a table's and stays whole.
fn split_header_rows(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let is_row = |l: &str| l.matches('|').count() >= 2;
    let header = |at: usize| -> Option<(String, String)> {
        let around = [at.checked_sub(1), Some(at + 1)];
        if around.iter().flatten().filter_map(|&k| lines.get(k)).any(|l| is_row(l)) {
            return None;
        }
        let cells: Vec<&str> = lines[at].split('|').map(str::trim).filter(|c| !c.is_empty()).collect();
        let [head, day] = cells[..] else { return None };
        let only_date = char_len(day) <= 25 && !has_hangul(day) && date::has_full_date(day);
        (only_date && has_hangul(head) && char_len(head) >= 8).then(|| (head.to_string(), day.to_string()))
    };
    let mut out = String::with_capacity(text.len());
    for (at, line) in lines.iter().enumerate() {
        match is_row(line).then(|| header(at)).flatten() {
            Some((head, day)) => {
                out.push_str(&head);
                out.push('\n');
                out.push_str(&day);
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Collapses runs of spaces.
pub(crate) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c))
}

/// A line of article prose: long enough and ending like a sentence.
fn is_prose(line: &str) -> bool {
    char_len(line) >= 40 && SENTENCE_END.is_match(line)
}

/// A photo's credit mid-article (`ⓒ게티이미지뱅크`), not the page's copyright footer: a short
/// `ⓒ` line with no rights words, and the article's prose goes on within the next lines.
fn is_photo_credit(line: &str, rest: &[String]) -> bool {
    const RIGHTS: &[&str] =
        &["무단", "재배포", "저작권", "rights", "Rights", "RIGHTS", "Copyright", "copyright"];
    line.starts_with(['ⓒ', '©'])
        && char_len(line) <= 40
        && !RIGHTS.iter().any(|w| line.contains(w))
        && rest.iter().filter(|l| !l.is_empty()).take(3).any(|l| is_prose(l))
}

/// Navigation words that make up menu lines on news pages.
const NAV_WORDS: &[&str] = &[
    "뉴스",
    "정치",
    "경제",
    "사회",
    "산업",
    "IT",
    "오피니언",
    "국제",
    "문화",
    "스포츠",
    "연예",
    "전체기사",
    "로그인",
    "회원가입",
    "검색",
    "포토",
    "영상",
    "기획",
    "칼럼",
    "사설",
    "인물",
    "홈",
    "메뉴",
    "구독",
    "정책",
    "과학",
    "생활",
    "지역",
    "라이프",
    "테크",
    "비즈",
    "금융",
    "부동산",
    "기업",
    "유통",
    "에너지",
    "모빌리티",
    "바이오",
    "AI",
    "IT/과학",
    "ICT",
    "통신",
    "방송",
    "게임",
    "인터뷰",
    "특집",
    "이슈",
    "전국",
    "세계",
    "글로벌",
    "피플",
    "마켓",
    "증권",
    "산업/IT",
    "정보통신",
    "|",
    "·",
    "/",
    ">",
];

/// A menu line: mostly section words. Sections are also named by place (a regional paper's
/// `청주 충주 제천`) and by pairs (`생활/문화`), so bare place names and `A/B` words count as
/// menu words in a line of four or more.
fn is_nav_line(line: &str, rules: &Compiled) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.is_empty() {
        return false;
    }
    if line.contains(" > ") || line.contains(" › ") || line.contains(" ≫ ") {
        return true;
    }
    let menu_word = |t: &str| {
        NAV_WORDS.contains(&t)
            || (tokens.len() >= 4
                && (rules.regions.iter().any(|r| r.spelling == t)
                    || t.split_once('/').is_some_and(|(a, b)| is_section_word(a) && is_section_word(b))))
    };
    let nav = tokens.iter().filter(|t| menu_word(t)).count();
    nav * 10 >= tokens.len() * 6
}

/// A menu saved from a page keeps wide gaps between its items: four or more short items set
/// apart by runs of spaces, with no digits or sentence punctuation, are sections whatever their
/// words (`AI·SW  반도체  통신·방송  Biz Tech`). A headline is written with single spaces.
pub(crate) fn is_spaced_menu(line: &str) -> bool {
    let items: Vec<&str> = line.split("  ").map(str::trim).filter(|s| !s.is_empty()).collect();
    // Three items are a menu when each is a word or two (`블로그  프롤로그  안부`).
    let longest = if items.len() == 3 { 5 } else { 10 };
    items.len() >= 3
        && items.iter().all(|item| {
            char_len(item) <= longest
                && !item.chars().any(|c| c.is_ascii_digit() || ",…'\"‘’“”!?%".contains(c))
        })
}

/// Kinds of document a release's header names (`충청남도 보도자료`): a label, never the headline.
const DOCUMENT_KINDS: &[&str] =
    &["보도자료", "보도참고자료", "설명자료", "해명자료", "참고자료", "보도 자료"];

/// A release's header line: a document kind, alone or after the body that issues it.
pub(crate) fn is_document_label(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    // Letter-spaced, as headers are set (`보 도 자 료`): a label, whatever it spells.
    if words.len() >= 3 && words.iter().all(|w| char_len(w) == 1 && w.chars().all(char::is_alphabetic)) {
        return true;
    }
    let last = words.last().copied().unwrap_or_default();
    DOCUMENT_KINDS.contains(&last) && words.len() <= 3 && !line.contains(['…', ',', '‘', '\'', '"'])
}

/// A line that only names the body issuing the page (`K-water 한국수자원공사`, `전라남도의회`), as a
/// release's or a council's header does: up to three words, no figures or headline punctuation,
/// the last Korean word a body's name (an organisation ending of two or more letters, `의회`, or
/// a known outlet). A one-letter ending (`원`, `청`) names a body only in a long word
/// (`한국인터넷진흥원`): a headline's short last word (`지원`, `공무원`) ends so too.
fn is_masthead(line: &str, rules: &Compiled) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let plain = !line.chars().any(|c| c.is_ascii_digit() || ",…'\"‘’“”!?%·:|".contains(c));
    let Some(last) = words.iter().rev().find(|w| has_hangul(w)) else { return false };
    let ending = |s: &String| (char_len(s) >= 2 || char_len(last) >= 6) && last.ends_with(s.as_str());
    let body = last.ends_with("의회")
        || rules.org_suffixes.iter().any(|s| ending(s) && last != s)
        || super::gazetteer::outlet_named(last).is_some();
    (1..=3).contains(&words.len()) && char_len(line) <= 25 && plain && body
}

/// A word that can name a section of a site: short, and letters only.
fn is_section_word(w: &str) -> bool {
    (1..=4).contains(&char_len(w)) && w.chars().all(char::is_alphabetic)
}

/// Words of page chrome (menus, skip links, widgets): a line holding one is hardly a headline.
const CHROME_WORDS: &[&str] = &[
    "바로가기",
    "로그인",
    "누리집",
    "PC버전",
    "default_",
    "글씨 크기",
    "글자 크기",
    "로고",
    "메뉴",
    "사이트맵",
];
/// Words that are chrome in a short line but may be in a headline.
const WEAK_CHROME_WORDS: &[&str] =
    &["검색", "광고", "닫기", "열기", "영역", "공유", "구독", "목록", "프린트"];

/// How many [`WEAK_CHROME_WORDS`] a line holds as chrome: anywhere in a short line, in a longer
/// one only as words of their own (`공유`, `구독하기`), not inside a headline's compound
/// (`옥외광고`, `통합검색`).
fn weak_chrome(line: &str) -> i32 {
    let short = line.chars().filter(|c| !c.is_whitespace()).count() < 15;
    let hits = WEAK_CHROME_WORDS.iter().filter(|w| {
        if short {
            return line.contains(*w);
        }
        line.split_whitespace()
            .any(|word| word.strip_prefix(*w).is_some_and(|rest| ["", "하기", "하세요"].contains(&rest)))
    });
    i32::try_from(hits.count()).unwrap_or(i32::MAX)
}

/// Stems of an article's tool widget, printed between its headline and its body: type size,
/// print, share (`폰트 확대 폰트 축소 프린트하기`, `글자크기 설정 공유하기 프린트`).
const TOOL_STEMS: &[&str] = &[
    "폰트",
    "글자",
    "글씨",
    "크기",
    "확대",
    "축소",
    "프린트",
    "인쇄",
    "공유",
    "스크랩",
    "메일",
    "댓글",
    "목록",
    // A text-to-speech player: `기사 읽어주기`, `다시듣기`.
    "기사",
    "읽어",
    "듣기",
    // What the buttons do: `글자크기 설정`, `글자 크기 변경하기`, `글씨키우기`.
    "설정",
    "조정",
    "변경",
    "선택",
    "키우",
    "줄이",
];
/// The stems among those that only a tool widget has (a headline may say 공유 or 확대 alone):
/// type, print and speech.
const TYPE_AND_PRINT: &[&str] = &["폰트", "글자", "글씨", "프린트", "인쇄", "읽어주", "듣기"];

/// An article's tool widget line: short, every word a tool's (`폰트 확대`, `인쇄하기`), one of them
/// about type, printing or speech.
fn is_tool_widget(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().filter(|w| *w != "|" && *w != "가").collect();
    let tool = |w: &&str| TOOL_STEMS.iter().any(|s| w.contains(s));
    char_len(line) <= 40
        && !words.is_empty()
        && words.iter().all(tool)
        && words.iter().any(|w| TYPE_AND_PRINT.iter().any(|s| w.contains(s)))
}

/// Words that label a page's issue, series or section above its headline (`이슈 인공지능 시대가
/// 열린다`, `[기획]`): the label, never the headline.
const ISSUE_LABELS: &[&str] =
    &["이슈", "기획", "연재", "시리즈", "특집", "기획연재", "집중취재", "커버스토리", "심층취재", "연속기획"];

/// A label line: a bracketed label standing alone (`[기획]`, `【연재】`), or a label word opening a
/// series' name with a heading-like line right under it (the headline the label stands over).
fn is_issue_label(lines: &[String], filled: &[usize], order: usize) -> bool {
    let line = lines[filled[order]].as_str();
    let inner = line.trim_matches(|c: char| "[]【】<>〈〉《》()".contains(c) || c.is_whitespace());
    if inner != line && ISSUE_LABELS.contains(&inner) {
        return true;
    }
    let Some((first, _)) = line.split_once(' ') else { return false };
    let next = filled.get(order + 1).map(|&i| lines[i].as_str());
    ISSUE_LABELS.contains(&first) && char_len(line) <= 40 && next.is_some_and(|n| is_heading_like(n, 90))
}

/// The headline among the first lines: scored by what follows it (a byline or date line, the
/// lead), whether it is repeated, its shape and how far down it is; never a menu, a banner, a
/// notice or a sentence of the lead. `None` when no line is a headline.
/// `menus` marks the lines that were spaced menus before their spaces were squashed.
fn choose_title(lines: &[String], menus: &[bool], rules: &Compiled) -> Option<usize> {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).take(40).collect();
    let is_lead =
        |line: &str| is_prose(line) && char_len(line) >= 60 && !CHROME_WORDS.iter().any(|w| line.contains(w));
    let lead = filled.iter().position(|&i| is_lead(&lines[i]));
    // The letters of the lead and the two lines after it, read once for every candidate.
    let told: Vec<[char; 2]> = lead.map_or_else(Vec::new, |l| {
        filled[l..].iter().take(3).flat_map(|&j| letter_pairs(&lines[j])).collect()
    });
    let mut best: Option<(i32, usize)> = None;
    for (order, &i) in filled.iter().enumerate().take(lead.map_or(filled.len(), |l| l + 1)) {
        if let Some(mut score) = title_score(lines, menus, &filled, order, rules) {
            // A headline says something its lead tells; another story's teaser above it (a run
            // of them tops many pages) says nothing of it. Only a lead close below is read: a
            // record's header may stand far above any prose.
            if lead.is_some_and(|l| l > order && l - order <= 15) && !echoes(&lines[i], &told) {
                score -= 3;
            }
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, i));
            }
        }
    }
    best.filter(|(score, _)| *score >= 0).map(|(_, i)| i)
}

/// The two-letter runs of Hangul inside the words of a line.
fn letter_pairs(s: &str) -> Vec<[char; 2]> {
    s.split(|c: char| !('가'..='힣').contains(&c))
        .flat_map(|w| {
            let cs: Vec<char> = w.chars().collect();
            cs.windows(2).map(|p| [p[0], p[1]]).collect::<Vec<_>>()
        })
        .collect()
}

/// Whether the lead (its [`letter_pairs`]) repeats any of a candidate headline: a tenth, at
/// least, of the headline's letter pairs. A line too short to tell always does.
fn echoes(line: &str, told: &[[char; 2]]) -> bool {
    let own = letter_pairs(line);
    own.len() < 4 || own.iter().filter(|p| told.contains(p)).count() * 10 >= own.len()
}

/// Whether the line at `order` can never be a headline: a sentence, a byline, a caption, page
/// chrome, a document's label or field, a widget.
fn never_title(lines: &[String], filled: &[usize], order: usize, rules: &Compiled) -> bool {
    let line = lines[filled[order]].as_str();
    let n = char_len(line);
    // A row of figures and bars (a board's post number and view count, a table's border) or
    // a lone letter (a close button's `X`) says nothing; a year alone (`2024`) may be a headline.
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    n > 150
        || letters < 2 && (line.contains('|') || n <= 2)
        || is_meta_line(line)
        || rules.is_boilerplate(line)
        || rules.is_tail_marker(line)
        || caption_rest(line).is_some()
        || MARKDOWN_IMAGE.is_match(line)
        || byline::parse_lead(line).is_some_and(|(b, _)| b.name.is_some() || line.contains('='))
        || (is_prose(line) && n >= 60)
        || line.ends_with("다.")
        || line.ends_with("요.")
        || CLOSING_TAG.is_match(line)
        || rules.ministries.iter().any(|m| m == line)
        || is_document_label(line)
        || is_masthead(line, rules)
        || is_field_label(line)
        || is_field_value(lines, filled, order)
        || DOCUMENT_NUMBER.is_match(line)
        || (FIELD_LINE.is_match(line) && after_title_label(line).is_none())
        || DAY_WIDGET.is_match(line)
        || is_weather(line)
        || is_tool_widget(line)
        || is_issue_label(lines, filled, order)
}

fn title_score(
    lines: &[String],
    menus: &[bool],
    filled: &[usize],
    order: usize,
    rules: &Compiled,
) -> Option<i32> {
    let line = lines[filled[order]].as_str();
    if menus[filled[order]] {
        return None;
    }
    let compact = line.chars().filter(|c| !c.is_whitespace()).count();
    if never_title(lines, filled, order, rules) {
        return None;
    }
    let mut score = 0;
    // What follows: a byline or date line right after a headline is the strongest sign.
    // Subtitles stacked under the headline do not push its byline away.
    let mut k = 0;
    let mut stacked = false;
    for &j in filled.iter().skip(order + 1).take(8) {
        let next = lines[j].as_str();
        if is_meta_line(next) || byline::parse_lead(next).is_some_and(|(b, _)| b.name.is_some()) {
            // Of a headline and its subtitle stacked over the byline, the headline comes first.
            // Not a deck under a dateline of its own (a second block's, under the headline
            // above), nor a section's or a blog's name of a few words over the headline.
            let under_dateline = order > 0 && is_meta_line(&lines[filled[order - 1]]);
            score += 5 - k + i32::from(stacked && k == 0 && !under_dateline && compact >= 12);
            break;
        }
        if k == 0 && order == 0 && is_prose(next) {
            score += 4;
            break;
        }
        // The article's tool widget (type size, print) sits right under its headline, below a
        // run of other stories' teasers at the top of a page (which, heading-like, would share
        // the bonus if it reached past them). A byline scores more: a widget may top the page.
        if is_tool_widget(next) {
            if j == filled[order + 1] {
                score += 4;
            }
            break;
        }
        // Subtitles between a headline and its byline are skipped for free; page chrome is not
        // (a widget line above the headline shares its byline otherwise). A menu or a
        // breadcrumb below a line says it is the page's header, above the article's headline:
        // the byline further down is not its own.
        if menus[j] || is_nav_line(next, rules) || FIELD_LINE.is_match(next) {
            break;
        }
        let chrome = CHROME_WORDS.iter().any(|w| next.contains(w)) || weak_chrome(next) > 0;
        if !is_subtitle(next) || next == line || chrome {
            k += 1;
        } else {
            stacked = true;
        }
        if k >= 3 {
            break;
        }
    }
    // A headline is printed again (the page's title, the article's); a line printed over and
    // over (`과월호 호수이미지`, an image's text in a row of covers) is a widget's.
    match lines.iter().filter(|l| *l == line).count() {
        0 | 1 => {}
        2 | 3 => score += 3,
        _ => return None,
    }
    // A copied article set off by a rule (`------`) under a repost's own header: the headline
    // the copy opens with is the article's, over the post's own title above.
    if order > 0 && is_rule(&lines[filled[order - 1]]) {
        score += 4;
    }
    // A board that labels its title field says which line the headline is: a menu above it
    // is followed by the same date line.
    if after_title_label(line).is_some() {
        score += 4;
    }
    score += if has_hangul(line) { 1 } else { -2 };
    if compact < 4 {
        score -= 2;
    } else if (8..=100).contains(&compact) {
        score += 1;
    }
    // A headline says what happened; a site's or a board's name above it is a few words.
    if compact >= 15 {
        score += 1;
    }
    if is_nav_line(line, rules) {
        score -= 3;
    }
    score -= 3 * CHROME_WORDS.iter().filter(|w| line.contains(*w)).count() as i32;
    score -= weak_chrome(line);
    if line.starts_with(['□', 'ㅇ', '○', '△', '▲', '*', '※', '-', '•']) {
        score -= 2;
    }
    if SENTENCE_END.is_match(line) && !line.ends_with(['!', '?']) {
        score -= 2;
    }
    Some(score - pushed_down(lines, filled, order) / 3)
}

/// How many lines above the candidate at `order` push it down the page: a header table's cells
/// and date lines do not.
fn pushed_down(lines: &[String], filled: &[usize], order: usize) -> i32 {
    let pushing = (0..order).filter(|&k| {
        let l = lines[filled[k]].as_str();
        !(is_meta_line(l) || is_header_field(l) || is_field_value(lines, filled, k) || is_weather(l))
    });
    i32::try_from(pushing.count()).unwrap_or(i32::MAX)
}

/// A labelled field of a page's header (`카테고리 : 정책 메모 (42)`, `분류 : 보도자료`): a board's or
/// a blog's, never a subtitle under a headline. The colon stands apart, as fields print it; a
/// headline's own label is written against it (`속보: …`).
static FIELD_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[가-힣A-Za-z]{1,6}\s+[:：]\s*\S").unwrap());

/// A paragraph closed by a tag in brackets after its last sentence (`… 전망된다. <헤드라인제주>`):
/// how some papers sign their stories. The tag's words are the first group.
pub(crate) static CLOSING_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?]['"”’]?\s*[<\[〈]\s*([^<>\[\]〈〉]{2,15}?)\s*[>\]〉]$"#).unwrap());

/// A weather widget's reading (`흐림동두천 1.0℃`, `서울 -3°C`) or its credit (`기상청 제공`): the
/// weather where the page was seen, which names places the article is not about.
static WEATHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[가-힣A-Za-z ]{0,12}-?\d{1,2}(?:\.\d)?\s?(?:℃|°C)\s*(?:/\s*-?\d{1,2}(?:\.\d)?\s?(?:℃|°C))?|(?:기상청|날씨)\s?제공)$").unwrap()
});

/// Whether a line is a weather widget's, bullets aside.
fn is_weather(line: &str) -> bool {
    WEATHER.is_match(line.trim_start_matches(['•', '·', '|', '-', ' ']).trim())
}

/// A page's day widget (`12.06 (토)`, `3/5 수`): the day the page was seen, with no year.
static DAY_WIDGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,2}\s*[./]\s*\d{1,2}\.?\s*(?:\(?\s*[월화수목금토일](?:요일)?\s*\)?)?$").unwrap()
});

/// A document's number closing a line (`광주과학기술원 공고 제2026-118호`, `고시 제2024-5호`): the
/// reference a notice is filed under, printed above its title.
static DOCUMENT_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"제\s?\d{1,4}(?:\s?-\s?\d+)?\s?호\)?$").unwrap());

/// A line drawn across the text (`-----`, `=====`, `━━━━`): a rule that sets a block off.
fn is_rule(line: &str) -> bool {
    char_len(line) >= 5 && line.chars().all(|c| "-=─━_~*·".contains(c))
}

/// A header table copied one cell per line keeps each label on a line of its own (`보도시점`,
/// `배포`, `담당부서`, then the value's line): one word of a few letters. A headline says what
/// happened, in more than one short word.
fn is_field_label(line: &str) -> bool {
    let word = line.trim_end_matches([':', '：']).trim();
    !word.contains(char::is_whitespace)
        && (1..=6).contains(&char_len(word))
        && word.chars().all(|c| ('가'..='힣').contains(&c))
}

/// The fields a release's header table has, beside its date labels (`보도시점`, `배포`): who
/// issues it and whom to ask.
const HEADER_FIELDS: &[&str] =
    &["담당부서", "담당과", "담당자", "책임자", "담당", "부서", "문의", "연락처", "작성자"];

/// A value cell of such a table: the line right after one of its field labels (`담당부서` /
/// `노인정책관 노인정책과`, `책임자` / `과장 방하율`). A headline after a one-word line (a
/// masthead, `보도자료`) is not after a field.
fn is_field_value(lines: &[String], filled: &[usize], order: usize) -> bool {
    order.checked_sub(1).and_then(|k| filled.get(k)).is_some_and(|&i| is_header_field(&lines[i]))
}

/// A label of a release's header table on a line of its own.
fn is_header_field(line: &str) -> bool {
    let l = line.trim_end_matches([':', '：']);
    is_field_label(l) && (HEADER_FIELDS.contains(&l) || super::extract::date::is_label(l))
}

/// The headline after a website board's title field label (`제목  …`, `제목: …`, `제목<tab>…`).
fn after_title_label(line: &str) -> Option<&str> {
    ["제목", "제 목"]
        .iter()
        .find_map(|label| line.strip_prefix(label).filter(|rest| rest.starts_with([' ', ':', '：', '\t'])))
        .map(|rest| rest.trim_start_matches([' ', ':', '：', '\t']))
        // A headline says something: a few letters after the label (`제목 하단 바`, an image's
        // text under a board's title field) are the page's furniture.
        .filter(|rest| rest.chars().filter(|c| !c.is_whitespace()).count() >= 6)
}

/// Splits a headline from what its line runs on into: a subtitle wrapped in dashes
/// (`제목 - 부제 -`) is dropped, an issuer after ` - ` (`제목 - 과학기술정보통신부`) is returned.
fn split_title(line: &str, rules: &Compiled) -> (String, Option<String>) {
    // A website board's field label before the headline (`제목  …`, `제목: …`) is not part of it,
    // nor are the empty cells after it on the board's row (`제목 | |||`).
    let line = after_title_label(line).unwrap_or(line);
    let line = if line.contains('|') { line.trim_end_matches(['|', ' ']) } else { line };
    if let Some(head) = line.strip_suffix('-').and_then(|l| l.trim_end().rsplit_once(" - ")).map(|(h, _)| h) {
        if char_len(head) >= 4 {
            return (head.trim().to_string(), None);
        }
    }
    if let Some((head, tail)) = line.rsplit_once(" - ") {
        let tail = tail.trim();
        let issuer =
            rules.ministries.iter().any(|m| m == tail) || super::gazetteer::outlet_named(tail).is_some();
        if issuer && char_len(head) >= 4 {
            return (head.trim().to_string(), Some(tail.to_string()));
        }
    }
    (line.to_string(), None)
}

/// Dates, bylines, e-mail addresses, contact lines: page metadata, not article text.
pub(crate) fn is_meta_line(line: &str) -> bool {
    let bare = line.trim_start_matches(['•', '·', '|', '-', ' ']).trim();
    if byline::parse_line(bare).is_some()
        || EMAIL_LINE.is_match(bare)
        || CONTACT.is_match(bare)
        || URL_LINE.is_match(bare)
    {
        return true;
    }
    if PHONE.is_match(bare) && char_len(bare) < 80 && !SENTENCE_END.is_match(bare) {
        return true;
    }
    // A short line carrying a full date is a dateline, not a sentence.
    if char_len(bare) <= 70 && !SENTENCE_END.is_match(bare) && date::has_full_date(bare) {
        return true;
    }
    false
}

/// A photo caption: a line carrying `[사진=…]` that is not a long paragraph, a `▲` line, a
/// photo description closed by its credit, or a short line with a `©` credit in it.
fn caption_rest(line: &str) -> Option<String> {
    // `사진=수원시 제공 ▲ …`: a credit that opens the line, the description after it.
    let credit_first = ["사진=", "사진 =", "사진제공", "사진 제공"].iter().any(|c| line.starts_with(c));
    // `… 말했다. /홍길동기자` is the story's byline, not a credit.
    let credit_end = CREDIT_END.is_match(line) && !line.ends_with("기자");
    // A wire's dated stamp (`2020.4.6/뉴스1`) closes longer captions too, up to 400 characters:
    // a photo of a release is described at the release's own length.
    static DATED_STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[.!?)]\s*\d{4}\.\d{1,2}\.\d{1,2}\.?\s*(?:(?:/|[가-힣]{2,4}\s?=)\s*[가-힣A-Za-z0-9]{2,12}|[\w.+-]+@[\w.-]+)$")
            .unwrap()
    });
    let limit = if DATED_STAMP.is_match(line) { 400 } else { 200 };
    if line.starts_with('▲')
        || (credit_end || credit_first) && char_len(line) < limit
        || doubled_caption(line)
    {
        return Some(String::new());
    }
    if line.contains(['©', 'ⓒ']) && char_len(line) < 120 && !line.starts_with(['©', 'ⓒ']) {
        return Some(String::new());
    }
    // `(서울=연합뉴스 제공) 홍길동 기자`: a wire's story given to another, bylined, is no credit.
    if line.contains('=') && byline::parse_line(line).is_some_and(|b| b.name.is_some()) {
        return None;
    }
    let m = CAPTION_TAG.find(line)?;
    let rest = squash(&CAPTION_TAG.replace_all(line, " "));
    let at_end = line[m.end()..].trim().is_empty();
    if at_end && char_len(&rest) < 150 || char_len(&rest) < 30 {
        Some(String::new())
    } else {
        Some(rest)
    }
}

/// A caption saved twice on one line, its credit between the copies (`… 브리핑을 하고 있다.
/// /사진=뉴시스이종호 … 브리핑을 하고 있다.`): a photo's alt text run into its caption.
fn doubled_caption(line: &str) -> bool {
    static CREDIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[.!?]\s*[/\[(]?\s*사진\s*(?:=|제공)").unwrap());
    let opening: String = line.chars().take(20).collect();
    let Some(credit) = CREDIT.find(line) else { return false };
    char_len(&opening) == 20 && line[credit.end()..].contains(opening.as_str())
}

/// Splits a list marker off the start of a line: (marker, number, rest).
fn list_marker(line: &str) -> Option<(char, Option<u32>, &str)> {
    static NUMBERED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:\(?(\d{1,2})[.)]|(\d{1,2})\))\s+(\S.*)$").unwrap());
    let first = line.chars().next()?;
    let rest = line[first.len_utf8()..].trim_start();
    match first {
        '□' | '■' | 'ㅇ' | '○' | '◦' | '△' | '-' | '―' | '–' | '·' | '∙' | '•' | '◇' | '◆' | '▶' | '►'
        | '✓' | '√'
            if !rest.is_empty() =>
        {
            // `-` and `·` need a space after them, so negative numbers and `-부제-` stay text.
            if matches!(first, '-' | '·' | '―' | '–') && !line[first.len_utf8()..].starts_with(' ') {
                return None;
            }
            Some((first, None, rest))
        }
        '①'..='⑳' => Some((first, Some(first as u32 - '①' as u32 + 1), rest)),
        _ => {
            if let Some(c) = NUMBERED.captures(line) {
                let n: u32 = c.get(1).or(c.get(2)).and_then(|m| m.as_str().parse().ok())?;
                let rest = c.get(3).map(|m| m.as_str())?;
                Some(('1', Some(n), rest))
            } else {
                None
            }
        }
    }
}

/// The nesting level of a list marker kind, press-release style: □ over ㅇ over - over ·.
fn marker_rank(marker: char) -> usize {
    match marker {
        '□' | '■' | '◇' | '◆' => 0,
        'ㅇ' | '○' | '◦' | '①'..='⑳' | '1' | '△' | '▶' | '►' | '✓' | '√' => 1,
        '-' | '―' | '–' => 2,
        _ => 3,
    }
}

/// A short standalone line that reads as a subheading (or, above the lead, a deck of up to
/// `max` characters).
fn is_heading_like(line: &str, max: usize) -> bool {
    has_heading_shape(line, max) && !is_table_row(line)
}

/// Short, in Hangul, not a sentence: the shape of a heading, figures aside.
fn has_heading_shape(line: &str, max: usize) -> bool {
    let n = char_len(line);
    (6..=max).contains(&n)
        && has_hangul(line)
        && !SENTENCE_END.is_match(line)
        && !line.ends_with([',', ':', '：'])
        && !line.contains("다.")
}

/// A row of a flattened table (`디지털 인프라 380억원 520억원 +140억원`): three or more figures on
/// a short line. Data, never a heading.
fn is_table_row(line: &str) -> bool {
    // Cells split by `|` (`충북 | 2 | 60억원`): a row whatever its figures.
    figures(line, true) >= 3 || line.matches('|').count() >= 2
}

/// How many figures a line holds; `dates` says whether a figure followed by a unit of time
/// (`8월8일`) counts.
fn figures(line: &str, dates: bool) -> usize {
    let mut groups = 0;
    let mut in_number = false;
    // The number after a `~` closes a range (`6억~20억원`, `2~4년`): one figure with the first.
    let mut after_tilde = false;
    let mut counted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let digit = c.is_ascii_digit() || (in_number && matches!(c, ',' | '.'));
        if digit && !in_number && !after_tilde {
            counted = true;
            groups += 1;
        }
        if c == '~' {
            after_tilde = true;
        } else if !digit {
            after_tilde = after_tilde && matches!(c, '억' | '만' | '조' | '천' | ' ');
        } else {
            after_tilde = after_tilde && in_number;
        }
        in_number = digit;
        if !dates
            && in_number
            && counted
            && chars.peek().is_some_and(|n| matches!(n, '년' | '월' | '일' | '시' | '분'))
        {
            groups -= 1;
            counted = false;
        }
    }
    groups
}

/// A subtitle stacked between a headline and its byline: heading-like, where a date's parts
/// (`8월8일까지 접수`) are one deadline, not a table's cells.
fn is_subtitle(line: &str) -> bool {
    // A deck may exclaim or ask (`… 견인차!!`); only a full stop makes it a sentence.
    has_heading_shape(line.trim_end_matches(['!', '?']), 90)
        && figures(line, false) < 3
        && line.matches('|').count() < 2
}

/// Cleans an article. `title_hint` is a headline already known (from HTML metadata).
pub(crate) fn clean(raw: &str, title_hint: Option<&str>, rules: &Compiled) -> Cleaned {
    let text = split_header_rows(&normalize(raw));
    let lines: Vec<String> = text.lines().map(|l| squash(l.trim())).collect();
    let menus: Vec<bool> = text.lines().map(|l| is_spaced_menu(l.trim())).collect();
    let mut out = Cleaned::default();
    let start = headline(&lines, &menus, title_hint, rules, &mut out);
    let mut body = Body::default();
    for (index, line) in lines.iter().enumerate().skip(start) {
        let line = match body.chrome(&lines, index, line, rules, &mut out) {
            Chrome::Taken => continue,
            Chrome::Tail => break,
            Chrome::Text(line) => line,
        };
        if !body.marked_block(&line) {
            body.text_line(&line);
        }
    }
    body.flush();
    close(body.pending, &mut out);
    out
}

/// The headline: the hint, or the first line that can be one. Lines above it go to `out.meta`;
/// returns the index of the first body line.
fn headline(
    lines: &[String],
    menus: &[bool],
    title_hint: Option<&str>,
    rules: &Compiled,
    out: &mut Cleaned,
) -> usize {
    if let Some(hint) = title_hint {
        let hint = squash(hint);
        let mut start = 0;
        if let Some(i) = lines.iter().position(|l| *l == hint) {
            out.meta.extend(lines[..i].iter().filter(|l| !l.is_empty()).cloned());
            start = i + 1;
        }
        out.title = Some(hint);
        start
    } else if let Some(i) = choose_title(lines, menus, rules) {
        out.meta.extend(lines[..i].iter().filter(|l| !l.is_empty()).cloned());
        let (title, suffix) = split_title(&lines[i], rules);
        out.title = Some(title);
        out.title_suffix = suffix;
        out.dateline = lines[i + 1..].iter().find(|l| !l.is_empty()).filter(|l| is_meta_line(l)).cloned();
        i + 1
    } else {
        0
    }
}

/// What the chrome pass made of a body line.
enum Chrome {
    /// The line was consumed (caption, meta, widget, blank) or dropped.
    Taken,
    /// The article's tail starts here; `out.tail` holds the rest.
    Tail,
    /// Article text, with any caption prefix removed.
    Text(String),
}

/// The state of the body pass, line by line.
#[derive(Default)]
struct Body {
    /// Lines of the paragraph being built.
    para: Vec<String>,
    /// Blocks made so far.
    pending: Vec<Block>,
    /// Whether a prose line has been seen (decks end, the tail can start).
    body_started: bool,
    /// Inside a "related articles" list, skipped until prose resumes.
    in_related: bool,
    /// The last non-duplicate line, to spot lines printed twice.
    previous: Option<String>,
    /// The text of a Markdown image on the line before, which the page may print again.
    image_alt: Option<String>,
}

impl Body {
    /// Ends the paragraph being built, as a deck, heading or paragraph.
    fn flush(&mut self) {
        if self.para.is_empty() {
            return;
        }
        let joined = squash(&self.para.join(" "));
        self.para.clear();
        if joined.is_empty() {
            return;
        }
        if !self.body_started && is_heading_like(&joined, 90) {
            self.pending.push(Block::Deck(strip_deck_dashes(&joined)));
        } else if is_heading_like(&joined, 45) {
            self.pending.push(Block::Heading(joined));
        } else {
            self.pending.push(Block::Para(joined));
        }
    }

    /// Takes a Markdown image (`![캡션](https://…/photo.jpg)`), as a page saved as Markdown holds
    /// its photos, as a caption; and its text printed again on the next line, whole or cut short
    /// by the page (`![A B C](…)` then `A B`).
    fn image_caption(&mut self, line: &str, out: &mut Cleaned) -> bool {
        if let Some(alt) = MARKDOWN_IMAGE.captures(line).map(|c| c[1].trim().to_string()) {
            out.captions.push(line.to_string());
            self.flush();
            self.image_alt = Some(alt);
            return true;
        }
        let Some(alt) = self.image_alt.take() else { return false };
        // Pages mask addresses differently in the two copies (`[email protected]`): the first
        // words decide.
        let head: String = line.chars().take(40).collect();
        let same_start = char_len(line) >= 40 && alt.starts_with(&head);
        let cut_short = char_len(line) >= 20 && alt.starts_with(line.trim_end_matches('�'));
        let again = alt == line || same_start || cut_short;
        if again {
            out.captions.push(line.to_string());
        }
        again
    }

    /// Takes blank, caption, widget, related-list, meta and repeated-headline lines.
    fn chrome(
        &mut self,
        lines: &[String],
        index: usize,
        line: &str,
        rules: &Compiled,
        out: &mut Cleaned,
    ) -> Chrome {
        if line.is_empty() {
            self.flush();
            return Chrome::Taken;
        }
        // Widget lines often come bulleted (`• 댓글 0`).
        let bare = line.trim_start_matches(['•', '|', '·']).trim();
        // A caption with an explicit photo tag, even one carrying a copyright notice; or closed
        // by a wire's photo stamp (`2024.10.01. photo@newsis.com *재판매 및 DB 금지`), which needs
        // no blank line before the story's byline.
        let stamped = PHOTO_STAMP.is_match(line) && char_len(line) < 400;
        if stamped || CAPTION_TAG.is_match(line) && caption_rest(line).is_some_and(|r| r.is_empty()) {
            out.captions.push(line.to_string());
            self.flush();
            return Chrome::Taken;
        }
        if self.image_caption(line, out) {
            return Chrome::Taken;
        }
        // A line printed twice in a row is a photo caption (or the headline again).
        if self.previous.as_deref() == Some(line) {
            if self.para.last().map(String::as_str) == Some(line) {
                self.para.pop();
            }
            out.captions.push(line.to_string());
            return Chrome::Taken;
        }
        self.previous = Some(line.to_string());
        if self.body_started && is_photo_credit(bare, &lines[index + 1..]) {
            out.captions.push(line.to_string());
            self.flush();
            return Chrome::Taken;
        }
        if self.body_started && rules.is_tail_marker(bare) {
            out.tail = lines[index..].iter().filter(|l| !l.is_empty()).cloned().collect();
            return Chrome::Tail;
        }
        if rules.is_related_marker(bare) {
            self.flush();
            self.in_related = true;
            return Chrome::Taken;
        }
        if self.in_related {
            if is_prose(line) && char_len(line) >= 80 {
                self.in_related = false;
            } else {
                return Chrome::Taken;
            }
        }
        if is_weather(bare) {
            self.flush();
            return Chrome::Taken;
        }
        if rules.is_tail_marker(bare) || rules.is_boilerplate(bare) {
            if rules.is_tail_marker(bare) {
                out.meta.push(line.to_string());
            }
            self.flush();
            return Chrome::Taken;
        }
        // A reporter's bare name on a header line just above the date line (`• 구경모`).
        let name_by_date = !self.body_started
            && super::extract::attendees::is_person_name(bare)
            && !super::extract::date::is_label(bare)
            && lines[index + 1..].iter().filter(|l| !l.is_empty()).take(2).any(|l| is_meta_line(l));
        if is_meta_line(line) || name_by_date {
            out.meta.push(line.to_string());
            self.flush();
            return Chrome::Taken;
        }
        if Some(line) == out.title.as_deref() {
            return Chrome::Taken;
        }
        match caption_rest(line) {
            Some(rest) if rest.is_empty() => {
                out.captions.push(line.to_string());
                self.flush();
                Chrome::Taken
            }
            Some(rest) => Chrome::Text(rest),
            None => Chrome::Text(line.to_string()),
        }
    }

    /// Takes a line a marker makes a block of its own: a wrapped heading, a note, a dashed deck
    /// or a list item. Returns whether it did.
    fn marked_block(&mut self, line: &str) -> bool {
        // Headings wrapped in markers: `< 주요 내용 >`, `■ 추진 배경`, `## 소제목`.
        if let Some(c) = WRAPPED_HEADING.captures(line) {
            let inner = c.get(1).or(c.get(2)).or(c.get(3)).unwrap().as_str().trim();
            if char_len(inner) <= 45 && !SENTENCE_END.is_match(inner) && !inner.is_empty() {
                self.flush();
                if self.body_started {
                    self.pending.push(Block::Heading(inner.to_string()));
                } else {
                    self.pending.push(Block::Deck(inner.to_string()));
                }
                return true;
            }
        }
        // Notes: `* 설명`, `** 설명`, `※ 참고`.
        let stars = line.chars().take_while(|c| *c == '*').count();
        let note = if let Some(rest) = line.strip_prefix('※') {
            Some((0, rest))
        } else if (1..=3).contains(&stars) {
            Some((stars, &line[stars..]))
        } else {
            None
        };
        if let Some((stars, rest)) = note.filter(|(_, r)| !r.trim().is_empty()) {
            self.flush();
            self.pending.push(Block::Note { stars, text: rest.trim().to_string() });
            return true;
        }
        // A deck wrapped in dashes, `- 부제 -`.
        if line.starts_with('-') && line.ends_with('-') && char_len(line) > 4 {
            self.flush();
            self.pending.push(Block::Deck(strip_deck_dashes(line)));
            return true;
        }
        if let Some((marker, number, rest)) = list_marker(line) {
            self.flush();
            // A list item may carry the lead in a press release.
            if is_prose(rest) {
                self.body_started = true;
            }
            self.pending.push(Block::Item {
                level: marker_rank(marker),
                number,
                marker,
                text: rest.to_string(),
            });
            return true;
        }
        false
    }

    /// Takes a plain text line: the continuation of a wrapped item or paragraph, or a new paragraph.
    fn text_line(&mut self, line: &str) {
        // A reporter's byline opening the line (`[대전=매체] 이름 기자 = …`) opens the lead: it is
        // never the wrapped rest of the line above (a photo caption, often, under the same tag).
        if byline::parse_lead(line).is_some_and(|(b, _)| b.name.is_some()) {
            self.flush();
            if is_prose(line) {
                self.body_started = true;
            }
            self.para.push(line.to_string());
            return;
        }
        // Join when the previous line did not end a sentence and was long enough to have been
        // wrapped.
        if self.para.is_empty() {
            if let Some(Block::Item { text, .. }) = self.pending.last_mut() {
                if !SENTENCE_END.is_match(text) && char_len(text) >= 30 {
                    text.push(' ');
                    text.push_str(line);
                    return;
                }
            }
        }
        if let Some(prev) = self.para.last() {
            if SENTENCE_END.is_match(prev) || char_len(prev) < 30 {
                self.flush();
            }
        }
        if is_prose(line) {
            self.body_started = true;
        }
        self.para.push(line.to_string());
    }
}

/// The closing pass: takes the lead and trailing bylines out of the blocks, drops trailing
/// headings and empty blocks, and stores the blocks in `out`.
fn close(mut pending: Vec<Block>, out: &mut Cleaned) {
    lead_byline(&mut pending, out);
    // A byline closing the last paragraph: `… 밝혔다. /홍길동 기자 hong@…`, `… 예상된다. 홍길동`.
    if let Some(Block::Para(text)) = pending.last_mut() {
        if let Some((b, at)) = byline::parse_trailing(text, super::extract::attendees::is_person_name) {
            out.trailing_byline = Some(b);
            *text = text[..at].trim_end().to_string();
        }
    }
    // A heading with nothing after it is a leftover widget label, or a credit line (`출처: …`):
    // it is not body text, but it joins the tail, where the source fields are looked for.
    let mut labels: Vec<String> = Vec::new();
    while let Some(Block::Heading(h)) = pending.last() {
        labels.push(h.clone());
        pending.pop();
    }
    labels.reverse();
    out.tail.splice(0..0, labels);
    out.blocks = pending.into_iter().filter(|b| !b.text().is_empty()).collect();
}

/// Takes the byline that opens the lead (`[매체 기자명 기자]`, `(서울=매체) 기자명 기자 =`) out of
/// the blocks into `out.lead_byline`. It may sit behind a leftover widget label, so the first few
/// paragraphs are tried. A wire's photo caption opens with the same dateline tag as the story's
/// byline (`[대전=매체] 홍길동(왼쪽) 구청장이 …`, then `[대전=매체] 이름 기자 = …`): a tag with no
/// name before a named byline under the same tag is that caption, and goes to `out.captions`.
fn lead_byline(pending: &mut Vec<Block>, out: &mut Cleaned) {
    // (block, byline, length taken, whether the block is a deck: a caption may be, a lead not)
    let found: Vec<(usize, Byline, usize, bool)> = pending
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Para(_) | Block::Item { .. } | Block::Deck(_)))
        .take(10)
        .filter_map(|(i, b)| {
            let deck = matches!(b, Block::Deck(_));
            byline::parse_lead(b.text()).map(|(by, used)| (i, by, used, deck))
        })
        .collect();
    let named = found.iter().find(|(_, b, _, deck)| !deck && b.name.is_some());
    let captions: Vec<usize> = named.map_or_else(Vec::new, |(at, by, _, _)| {
        found
            .iter()
            .take_while(|(i, ..)| i < at)
            .filter(|(_, b, ..)| b.name.is_none() && b.outlet == by.outlet)
            .map(|(i, ..)| *i)
            .collect()
    });
    let chosen = if captions.is_empty() { found.iter().find(|(.., deck)| !deck) } else { named };
    let Some((at, b, used, _)) = chosen.cloned() else { return };
    if let Block::Para(text) | Block::Item { text, .. } = &mut pending[at] {
        *text = text[used..].trim().to_string();
    }
    out.lead_byline = Some(b);
    for i in captions.into_iter().rev() {
        out.captions.push(pending.remove(i).text().to_string());
    }
}

fn strip_deck_dashes(s: &str) -> String {
    s.trim_matches(|c: char| c == '-' || c == '–' || c == '―' || c.is_whitespace()).to_string()
}

/// Splits text into sentences: after `.`, `?` or `!` (and closing quotes) followed by a space.
/// Decimal points (`1.2조`) do not split.
/// Whether the stop at `i` stands inside a short parenthesis (`홍길동 의원(양천1. 한빛당)은`), a
/// member's district and party, not a sentence's end: a `(` opened shortly before it and a `)`
/// closing it shortly after.
fn in_short_aside(chars: &[(usize, char)], i: usize) -> bool {
    const REACH: usize = 24;
    let before =
        chars[i.saturating_sub(REACH)..i].iter().rev().map(|&(_, c)| c).find(|c| matches!(c, '(' | ')'));
    let after =
        chars[i + 1..chars.len().min(i + 1 + REACH)].iter().map(|&(_, c)| c).find(|c| matches!(c, '(' | ')'));
    before == Some('(') && after == Some(')')
}

pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '?' | '!') && !in_short_aside(&chars, i) {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')') {
                j += 1;
            }
            let at_end = j >= chars.len();
            // Paragraphs saved without their breaks run on: `… 계획이다.배경훈 장관은`.
            let glued = j == i + 1
                && i > 0
                && chars[i - 1].1 == '다'
                && !at_end
                && ('가'..='힣').contains(&chars[j].1);
            if at_end || chars[j].1 == ' ' || glued {
                let end = if at_end { text.len() } else { chars[j].0 };
                let s = text[start..end].trim();
                if !s.is_empty() {
                    out.push(s);
                }
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copyright_notice_run_into_the_last_paragraph_leaves_the_paragraph() {
        let page = "시의회 추경 의결\n\n예결특위는 27일 추경안을 의결했다.\n\n추경안은 30일 본회의에 상정된다. <저작권자 ⓒ 한빛통신 무단전재 및 재배포 금지>\n";
        let rules = Compiled::new(&crate::import::rules::ImportRules::default()).unwrap();
        let texts: Vec<String> =
            clean(page, None, &rules).blocks.iter().map(|b| b.text().to_string()).collect();
        assert!(texts.iter().any(|t| t == "추경안은 30일 본회의에 상정된다."), "{texts:?}");
        assert!(texts.iter().all(|t| !t.contains("저작권자")), "{texts:?}");
    }

    #[test]
    fn splits_sentences_run_together_without_their_breaks() {
        assert_eq!(
            sentences("460억 원을 지원한다는 계획이다.한빛 장관은 발표했다. 3.5%다."),
            vec!["460억 원을 지원한다는 계획이다.", "한빛 장관은 발표했다.", "3.5%다."]
        );
    }

    #[test]
    fn splits_sentences_but_not_decimals() {
        assert_eq!(
            sentences("1.2조원을 쓴다. 그리고 “좋다.” 끝"),
            vec!["1.2조원을 쓴다.", "그리고 “좋다.”", "끝"]
        );
    }

    fn title_of(page: &str) -> Option<String> {
        let rules = Compiled::new(&crate::import::rules::ImportRules::default()).unwrap();
        clean(page, None, &rules).title
    }

    #[test]
    fn a_long_caption_closed_by_a_wires_dated_stamp_is_a_caption() {
        let caption = format!(
            "(서울=한빛통신) = 한빛텔레콤이 나래부와 손잡고 감염병 대응 공모전을 6일부터 연다. {} (한빛텔레콤 제공) 2020.4.6/한빛통신",
            "이번 공모전은 인공지능과 감염병 확산 방지에 관심이 있는 개인과 팀 누구나 참여할 수 있으며, 접수 기간은 다음 달 10일까지다. ".repeat(2)
        );
        assert!(char_len(&caption) > 200);
        assert_eq!(caption_rest(&caption), Some(String::new()));
        // Without the stamp, a line that long is prose.
        let prose = caption.replace(" 2020.4.6/한빛통신", "").replace(" (한빛텔레콤 제공)", "");
        assert_eq!(caption_rest(&prose), None);
    }

    #[test]
    fn a_box_of_the_most_read_stories_ends_the_article() {
        let rules = Compiled::new(&crate::import::rules::ImportRules::default()).unwrap();
        let page = "나래시, 스마트시티 협약\n\n나래시가 국토교통부와 스마트시티 조성사업 협약을 맺었다고 20일 밝혔다. 사업비는 260억원이다.\n\n베스트 클릭\n\n  1. 1 공연 취소 수수료 10만원…팬들 분노\n  2. 2 순대 한접시에 1만원?\n";
        let cleaned = clean(page, None, &rules);
        let body: String = cleaned.blocks.iter().map(|b| b.text().to_string()).collect();
        assert!(body.contains("260억원") && !body.contains("10만원"), "{body}");
    }

    #[test]
    fn a_weather_widget_is_neither_headline_nor_body() {
        let rules = Compiled::new(&crate::import::rules::ImportRules::default()).unwrap();
        let page = "2026.04.16 (목)\n\n  • 흐림동두천 1.0℃\n  • 서울 3.2℃\n  • 대전 -3.3℃\n  • 흐림강진군 8.7℃\n기상청 제공\n\n한빛도·나래시 손잡고 인공지능 산업 키운다\n\n한빛도와 나래시가 인공지능 산업을 함께 키우기로 하고 23일 도청에서 협약을 맺었다고 밝혔다.\n";
        let cleaned = clean(page, None, &rules);
        assert_eq!(cleaned.title.as_deref(), Some("한빛도·나래시 손잡고 인공지능 산업 키운다"));
        let body: Vec<String> = cleaned.blocks.iter().map(|b| format!("{b:?}")).collect();
        assert!(body.iter().all(|b| !b.contains('℃') && !b.contains("기상청")), "{body:?}");
        assert!(!is_weather("서울 기온이 3.2℃까지 올랐다."));
    }

    #[test]
    fn other_stories_teasers_above_the_headline_are_not_it() {
        // A teaser printed twice in the box of other stories, then the headline under which a
        // text-to-speech widget stands; the lead tells what the headline says.
        let page = "도하구, 새 스마트 흡연부스 설치\n\n통계청 발표 고령자 통계 분석\n\n나래구, 대학생과 함께하는 진로 이야기\n\n통계청 발표 고령자 통계 분석\n\n한빛도의회, 디지털 의정위원회 개최…AI 의정 추진\n\n기사 읽어주기\n다시듣기\n폰트 확대 폰트 축소 프린트하기\n\n한빛도의회는 28일 중회의실에서 디지털 의정위원회를 열고 AI 기반 디지털 의정 추진계획을 논의했다.\n";
        assert_eq!(title_of(page).as_deref(), Some("한빛도의회, 디지털 의정위원회 개최…AI 의정 추진"));
        assert!(is_tool_widget("기사 읽어주기") && is_tool_widget("다시듣기"));
        assert!(!echoes(
            "통계청 발표 고령자 통계 분석",
            &letter_pairs("한빛도의회는 28일 디지털 의정위원회를 열었다.")
        ));
    }

    #[test]
    fn a_caption_between_headline_and_byline_is_not_the_headline() {
        let page = "보령시, 해양데이터 기업과 협약\n\n5일 김하람 보령시장(오른쪽)이 시청 소회의실에서 협약서에 서명한 뒤 기념사진을 찍고 있다. /보령시\n\n[한빛팩트ㅣ보령=도하람 기자] 충남 보령시는 해양데이터 기업과 협약을 맺었다고 6일 밝혔다.\n";
        assert_eq!(title_of(page).as_deref(), Some("보령시, 해양데이터 기업과 협약"));
        // The story's own byline after a slash closes prose; it is no credit.
        assert!(caption_rest("시는 올해 사업을 마친다고 밝혔다. /도하람기자").is_none());
    }

    #[test]
    fn a_boards_rows_of_figures_are_not_the_headline_and_its_empty_cells_are_dropped() {
        let page = "40211 | 982 | ||\n어촌정책과 | 2021-05-04 10:20:00 | ||\n보령시, 어촌 스마트 양식장 공모 선정 | |||\n충남 보령시는 해양수산부 공모에 뽑혀 양식장 세 곳에 센서를 단다고 4일 밝혔다. 사업비는 모두 30억원이다.\n";
        assert_eq!(title_of(page).as_deref(), Some("보령시, 어촌 스마트 양식장 공모 선정"));
        assert_eq!(
            title_of(
                "|\n\nX\n\n충남 보령시는 해양수산부 공모에 뽑혀 양식장 세 곳에 센서를 단다고 4일 밝혔다.\n"
            ),
            None
        );
    }

    #[test]
    fn a_markdown_image_and_its_text_printed_again_are_captions() {
        let rules = Compiled::new(&crate::import::rules::ImportRules::default()).unwrap();
        let alt =
            "[서울=한빛통신] 도하람 기자 = 차하진 위원장이 지난 5일 회견에서 발언하고 있다. 2025.12.05.";
        let cut = &alt[..alt.find("발언").unwrap()];
        let page = format!(
            "위원회, 기업간담회 개최\n![{alt}](https://img.example.com/1.jpg)\n{cut}\n[서울=한빛통신]엄서윤 기자 = 위원회는 23일 기업간담회를 열었다고 밝혔다.\n"
        );
        let c = clean(&page, None, &rules);
        assert_eq!(c.title.as_deref(), Some("위원회, 기업간담회 개최"));
        assert_eq!(c.captions.len(), 2, "{:?}", c.captions);
        // The copy may mask the photographer's address that the image's text gives.
        let alt = "[서울=한빛통신] 도하람 기자 = 차하진 위원장이 지난 5일 기자회견에서 발언하고 있다. 2025.12.05. doha@example.com";
        let copy = alt.replace("doha@example.com", "[email protected]");
        let page = format!(
            "위원회, 기업간담회 개최\n![{alt}](https://img.example.com/1.jpg)\n{copy}\n[서울=한빛통신]엄서윤 기자 = 위원회는 23일 기업간담회를 열었다고 밝혔다.\n"
        );
        assert_eq!(clean(&page, None, &rules).captions.len(), 2);
        assert!(c.blocks.iter().all(|b| !b.text().contains("차하진")), "{:?}", c.blocks);
    }

    #[test]
    fn a_line_opened_by_a_photo_credit_is_a_caption() {
        let rules = Compiled::new(&crate::import::rules::ImportRules::default()).unwrap();
        let page = "군, 경로당 30곳에 안마의자\n입력 2025.03.07 10:00\n\n군은 올해 경로당 30곳에 안마의자를 둔다고 7일 밝혔다.\n\n사진=양평군 제공 ▲ 지난달 옥천면 경로당에서 열린 시연회.\n\n사업비는 모두 3억원이다.\n";
        let c = clean(page, None, &rules);
        assert_eq!(c.captions.len(), 1, "{:?}", c.captions);
        assert!(c.blocks.iter().all(|b| !b.text().contains("옥천면")));
        // A wire's stamp after the credit (`(양평군 제공) 2025.3.7/뉴스1`) still closes a caption.
        let page = "군, 경로당 30곳에 안마의자\n입력 2025.03.07 10:00\n\n옥천면 경로당에서 어르신들이 안마의자를 써 보고 있다. (양평군 제공) 2025.3.7/뉴스1\n\n군은 올해 경로당 30곳에 안마의자를 둔다고 7일 밝혔다.\n";
        let c = clean(page, None, &rules);
        assert_eq!(c.captions.len(), 1, "{:?}", c.captions);
        assert!(c.blocks.iter().all(|b| !b.text().contains("옥천면")));
        // A sentence about photographs is body text.
        let page = "군, 사진 공모전\n입력 2025.03.07 10:00\n\n사진 공모전에는 모두 300점이 접수됐다고 군은 7일 밝혔다.\n";
        assert!(clean(page, None, &rules).captions.is_empty());
    }

    #[test]
    fn a_line_over_a_menu_a_notices_number_and_a_header_field_are_not_the_headline() {
        let lead = "군은 올해 마을회관 스무 곳에 무인 택배함을 둔다고 7일 밝혔다. 사업비는 모두 3억원이다.";
        let headline = "양평군, 마을회관 20곳에 무인 택배함";
        // A site's section menu, then a breadcrumb: the byline below belongs to the headline.
        let page = format!("전체 정치 경제 SW IT 전자 자동차 과학 오피니언\n홈 > 정치 > 지역\n\n{headline}\n\n입력 2025-03-07 10:00\n\n{lead}\n");
        assert_eq!(title_of(&page).as_deref(), Some(headline));
        // A blog's name over its menu and a category field.
        let page = format!("들꽃엄마의 서재\n블로그  프롤로그  안부\n카테고리 : 정책 메모 (42)\n\n{headline}\n\n들꽃엄마  2025. 3. 7. 10:00\n\n{lead}\n");
        assert_eq!(title_of(&page).as_deref(), Some(headline));
        // A skip link and a date widget over a page's headline.
        let page =
            format!("컨텐츠 바로가기\n\n    12.06 (토)\n\n{headline}\n\n입력 2025-03-07 10:00\n\n{lead}\n");
        assert_eq!(title_of(&page).as_deref(), Some(headline));
        // A notice's number over its title.
        let page = format!("양평군 공고 제2025-118호\n\n{headline} 설치 사업 공고\n\n{lead}\n");
        assert_eq!(title_of(&page).as_deref(), Some(format!("{headline} 설치 사업 공고").as_str()));
    }

    #[test]
    fn a_wires_photo_stamp_closes_a_caption_right_above_the_byline() {
        let rules = Compiled::new(&crate::import::rules::ImportRules::default()).unwrap();
        let page = "구, 데이터센터 짓는다\n기사등록 2024/10/01 16:40:09\n\n[대전=한빛통신] 고다은(왼쪽) 구청장이 협약을 맺고 있다. (사진=대덕구 제공) 2024.10.01. photo@example.com   *재판매 및 DB 금지\n[대전=한빛통신] 조하늘 기자 = 대덕구가 평촌동에 데이터센터 건립을 추진한다고 1일 밝혔다.\n";
        let c = clean(page, None, &rules);
        assert_eq!(c.captions.len(), 1, "{:?}", c.captions);
        assert_eq!(c.lead_byline.and_then(|b| b.name).as_deref(), Some("조하늘"));
        assert!(c.blocks.iter().all(|b| !b.text().contains("왼쪽")));
    }

    #[test]
    fn other_stories_teasers_and_an_issue_label_over_the_headline_are_not_it() {
        let lead = "구는 올해 주민센터 다섯 곳에 로봇 교실을 열고 어린이 코딩 강좌를 운영한다고 7일 밝혔다.";
        let headline = "서초, 로봇교육센터 개관";
        // Teasers of other stories at the top; the tool widget right under the headline.
        let teasers = "낡은 수문 속, 옛 다리는 아직도 잠겨 있다\n\n군수 선거서 ‘상품권’ 덜미… 그것도 세 명이나\n\n쉬고 싶다면 제대로 쉬어봐요, 남해 ‘바다\n\n관세청 발표 ‘2021 수출입 통계’ 분석";
        for widget in ["폰트 확대 폰트 축소 프린트하기", "글자크기 설정  공유하기  프린트", "인쇄하기"]
        {
            let page = format!("{teasers}\n\n{headline}\n\n{widget}\n\n코딩·드론 강좌 마련\n\n{lead}\n");
            assert_eq!(title_of(&page).as_deref(), Some(headline), "{widget}");
        }
        // Without the widget, nothing tells the teasers from the headline: the first line stays.
        let page = format!("{teasers}\n\n{headline}\n\n코딩·드론 강좌 마련\n\n{lead}\n");
        assert_ne!(title_of(&page).as_deref(), Some(headline));
        // A headline saying 공유 or 확대 over the lead is no widget.
        assert!(!is_tool_widget("공유 확대"));
        assert!(!is_tool_widget("구, 인쇄소 골목에 공유 공방 연다"));
        // An issue label over the headline; a bracketed label alone.
        for label in ["이슈 로봇이 교실에 온다", "[기획]", "【연재】"] {
            let page = format!(
                "컨텐츠 바로가기\n\n{label}\n\n{headline}\n\n댓글 첫 댓글을 작성해보세요\n\n{lead}\n"
            );
            assert_eq!(title_of(&page).as_deref(), Some(headline), "{label}");
        }
        // A headline that opens with such a word, the lead under it, is the headline.
        let page = format!("이슈 점검: 로봇교육센터 첫해 성적표\n\n{lead}\n");
        assert_eq!(title_of(&page).as_deref(), Some("이슈 점검: 로봇교육센터 첫해 성적표"));
    }

    #[test]
    fn a_most_read_box_inside_the_article_is_not_body_text() {
        let rules = Compiled::new(&crate::import::rules::ImportRules::default()).unwrap();
        let more = "시는 상반기 안에 보급을 마치고 하반기에는 이용 실태를 조사해 내년 사업 규모를 정하기로 했으며, 주민 설명회도 동마다 열어 어르신과 가족의 의견을 듣겠다고 덧붙였다.";
        for marker in ["▶ 이 기사와 함께 많이 본 뉴스", "[관련기사]", "이 기사와 관련된 기사"]
        {
            let page = format!("강릉시, 경로당 40곳에 돌봄 로봇\n\n입력 2025.05.02 10:00\n\n강릉시는 올해 경로당 40곳에 돌봄 로봇을 보급한다고 2일 밝혔다.\n\n{marker}\n부산시, 스마트 횡단보도 100곳 설치\n제주, 전기버스 충전소 늘린다\n\n{more}\n");
            let c = clean(&page, None, &rules);
            assert!(
                c.blocks.iter().all(|b| !b.text().contains("부산시") && !b.text().contains("제주")),
                "{marker}"
            );
            assert!(c.blocks.iter().any(|b| b.text() == more), "{marker}: the article resumes");
        }
    }

    #[test]
    fn a_caption_under_the_bylines_own_wire_tag_does_not_hide_the_byline() {
        let rules = Compiled::new(&crate::import::rules::ImportRules::default()).unwrap();
        let lead = "[홍성=한빛통신] 정다운 기자 = 충남 홍성군이 내포동에 물류센터 건립을 추진한다.\n\n군은 누리물류와 업무협약을 맺었다고 4일 밝혔다.\n";
        // No credit or stamp closes the caption, with or without a full stop, and no blank line.
        for caption in [
            "[홍성=한빛통신] 이상민(오른쪽) 홍성군수와 박하늘 대표가 협약을 맺고 있다.",
            "[홍성=한빛통신] 이상민(오른쪽) 홍성군수와 박하늘 대표가 협약을 맺고 있다",
        ] {
            let page = format!("홍성군, 물류센터 짓는다\n기사등록 2025/03/04 10:20:00\n\n{caption}\n{lead}");
            let c = clean(&page, None, &rules);
            assert_eq!(c.lead_byline.and_then(|b| b.name).as_deref(), Some("정다운"), "{caption}");
            assert!(c.blocks.iter().all(|b| !b.text().contains("오른쪽")), "{:?}", c.blocks);
            assert!(c.blocks.iter().all(|b| !b.text().contains("기자 =")), "{:?}", c.blocks);
            assert_eq!(c.captions.len(), 1, "{:?}", c.captions);
        }
        // A tag alone over the lead stays the lead's byline, and the lead stays.
        let page = "홍성군, 물류센터 짓는다\n기사등록 2025/03/04 10:20:00\n\n[홍성=한빛통신] 충남 홍성군이 내포동에 물류센터 건립을 추진한다.\n\n군은 협약을 맺었다고 4일 밝혔다.\n";
        let c = clean(page, None, &rules);
        assert_eq!(c.lead_byline.and_then(|b| b.outlet).as_deref(), Some("한빛통신"));
        assert!(c.blocks.iter().any(|b| b.text().starts_with("충남 홍성군이")), "{:?}", c.blocks);
        assert!(c.captions.is_empty());
    }

    #[test]
    fn a_photo_credit_mid_article_does_not_end_it_and_a_copyright_footer_does() {
        let rules = Compiled::new(&crate::import::rules::ImportRules::default()).unwrap();
        let lead = "군은 올해 경로당 서른 곳에 안마의자를 두기로 하고 사업비 3억원을 편성했다고 7일 밝혔다.";
        let more = "군은 상반기에 설치를 마치고 하반기에는 이용 실태를 조사해 내년 사업 규모를 정하기로 했으며, 주민 설명회도 면마다 연다.";
        let page = format!("군, 경로당 30곳에 안마의자\n입력 2025.03.07 10:00\n\n{lead}\n\nⓒ게티이미지뱅크\nⓒ게티이미지뱅크\n\n{more}\n");
        let c = clean(&page, None, &rules);
        assert!(c.blocks.iter().any(|b| b.text().contains("주민 설명회")), "{:?}", c.blocks);
        assert!(c.tail.is_empty(), "{:?}", c.tail);
        assert!(c.blocks.iter().all(|b| !b.text().contains("게티이미지")));
        // The page's own footer still ends the article, short as it is.
        for footer in ["ⓒ 양평신문", "ⓒ 양평신문 무단전재 및 재배포 금지"] {
            let page = format!(
                "군, 경로당 30곳에 안마의자\n입력 2025.03.07 10:00\n\n{lead}\n\n{footer}\n\n많이 본 뉴스\n"
            );
            let c = clean(&page, None, &rules);
            assert_eq!(c.tail.first().map(String::as_str), Some(footer), "{footer}");
        }
    }

    #[test]
    fn a_boards_title_field_label_is_not_part_of_the_headline() {
        let lead = "군은 올해 마을회관 스무 곳에 무인 택배함을 둔다고 7일 밝혔다. 사업비는 모두 3억원이다.";
        for field in ["제목  ", "제목: ", "제 목 "] {
            let page = format!("{field}양평군, 마을회관 20곳에 무인 택배함\n작성일 2025-03-07\n\n{lead}\n");
            assert_eq!(title_of(&page).as_deref(), Some("양평군, 마을회관 20곳에 무인 택배함"), "{field}");
        }
        // The labelled field outranks a menu of four words above it, tab-separated or not.
        for field in ["제목\t", "제목  "] {
            let page = format!(
                "양평군청\n군정소식 분야별정보 양평소개 열린군수실\n홈 > 양평소식 > 보도자료\n{field}양평군, 마을회관 20곳에 무인 택배함\n작성자\t총무과\t작성일\t2025-03-07\n\n{lead}\n"
            );
            assert_eq!(title_of(&page).as_deref(), Some("양평군, 마을회관 20곳에 무인 택배함"), "{field}");
        }
        // A headline that begins with the word itself keeps it.
        let page = format!("제목만 바꾼 조례, 주민 반발\n작성일 2025-03-07\n\n{lead}\n");
        assert_eq!(title_of(&page).as_deref(), Some("제목만 바꾼 조례, 주민 반발"));
    }

    #[test]
    fn menus_widgets_and_site_names_above_the_headline_are_not_titles() {
        let lead = "시는 올해 도서관 열 곳에 무인 대출 기기를 둔다고 3일 밝혔다. 사업비는 모두 20억원이다.";
        // A regional paper's sections are places; a portal's are pairs.
        for menu in
            ["뉴스 지역 목포 순천 여수 광양 오피니언", "홈 정치 경제 생활/문화 IT/과학 세계 연예/방송"]
        {
            let page = format!(
                "{menu}\n\n목포시, 무인 도서관 10곳 연다…20억 투입\n\n입력 2024.05.03 10:00\n\n{lead}\n"
            );
            assert_eq!(title_of(&page).as_deref(), Some("목포시, 무인 도서관 10곳 연다…20억 투입"), "{menu}");
        }
        // A widget line between a candidate and the byline: the candidate is above the header.
        let page = format!("한빛 PICK 안내\n언론사 구독 설정\n목포시, 무인 도서관 10곳 연다\n입력 2024.05.03 10:00\n\n{lead}\n");
        assert_eq!(title_of(&page).as_deref(), Some("목포시, 무인 도서관 10곳 연다"));
        // A blog's name above the post's title.
        let page = format!(
            "바람의 책방\n\n목포 골목 도서관 다섯 곳 다녀온 기록\n\n여행자 2024. 5. 3. 10:00\n\n{lead}\n"
        );
        assert_eq!(title_of(&page).as_deref(), Some("목포 골목 도서관 다섯 곳 다녀온 기록"));
        // Place names alone in a short line are not a menu: `목포 순천` can be a headline's start.
        let rules = Compiled::new(&crate::import::rules::ImportRules::default()).unwrap();
        assert!(!is_nav_line("목포 순천 여수 잇는 해상 관광열차 뜬다", &rules));
    }

    #[test]
    fn spaced_menus_and_release_labels_are_not_titles() {
        let lead = "도는 올해 섬 마을 다섯 곳에 원격 진료 장비를 둔다고 3일 밝혔다. 사업비는 모두 9억원이다.";
        let head = "목포시, 섬마을 다섯 곳에 원격진료…9억 투입";
        // A trade paper's sections, unknown words among them, kept apart by wide gaps.
        let page = format!("한빛경제\n클라우드  보안·인증  Biz Tech  칼럼\n로그인 | 회원가입\n\n{head}\n\n발행일 : 2024-05-03 10:00\n\n{lead}\n");
        assert_eq!(title_of(&page).as_deref(), Some(head));
        // A release's header with its date line under it; the headline has a dashed subtitle.
        for label in ["전라남도 보도자료", "보도자료", "해양수산부          보도참고자료"]
        {
            let page = format!(
                "{label}\n2024년 5월 3일(금) 배포 즉시 보도\n\n{head}\n\n- 다섯 곳에 장비 보급 -\n\n{lead}\n"
            );
            assert_eq!(title_of(&page).as_deref(), Some(head), "{label}");
        }
        // A headline in single spaces is never a spaced menu, however short its words.
        assert!(!is_spaced_menu("AI 반도체 현장 간담회 열려"));
        assert!(!is_document_label("‘섬마을 원격진료’ 보도자료"));
        // Letter-spaced headers are labels; a short headline with one-letter words is not.
        assert!(is_document_label("보 도 자 료") && is_document_label("해 명 자 료"));
        assert!(!is_document_label("AI 새 길 연다"));
    }

    #[test]
    fn a_release_header_field_is_metadata_not_a_title() {
        assert!(is_meta_line("보도 가능 시점: 즉시 보도 가능"));
        assert!(is_meta_line("엠바고: 2026. 3. 4.(수) 12:00 이후"));
        assert!(!is_meta_line("보도 지침 바뀐다…정정보도 기준 강화"));
        let page = "보 도 자 료\n보도 가능 시점: 즉시 보도 가능\n배포 일시: 2026. 3. 4.(수) 10:00\n\n해양 드론 실증단지 문 열어…연안 감시 맡는다\n\n□ 해양수산부는 4일 통영에서 해양 드론 실증단지 개소식을 열고 연안 감시와 해양 쓰레기 탐지 실증을 시작했다고 밝혔다.\n";
        assert_eq!(title_of(page).as_deref(), Some("해양 드론 실증단지 문 열어…연안 감시 맡는다"));
    }

    #[test]
    fn a_header_tables_labels_copied_one_cell_per_line_are_not_titles() {
        let page = "보도자료\n보도일시\n2026. 4. 2.(목) 06:00\n배포\n2026. 4. 1.(수) 14:00\n환경부\n담당부서\n물환경정책과 수질팀\n책임자\n과장 하은별\n\n하천 수질 AI로 실시간 감시…전국 40곳에 센서\n\n□ 환경부는 하천 40곳에 수질 센서를 단다고 밝혔다.\n";
        assert_eq!(title_of(page).as_deref(), Some("하천 수질 AI로 실시간 감시…전국 40곳에 센서"));
        assert!(is_field_label("담당부서") && is_field_label("배포:"));
        assert!(!is_field_label("AI 돌봄 확대") && !is_field_label("하천 수질 감시 강화"));
    }

    #[test]
    fn a_copy_set_off_by_a_rule_in_a_repost_has_the_articles_headline() {
        let page = "우리동네 게시판\n공지 정보 나눔\n\n시청 소식) 공원에 AI 안내판 생긴대요\n산책러 2026.04.03. 09:12 조회 88\n\n시청 누리집에서 옮겨 왔어요.\n\n--------------------\n중구, 공원 12곳에 AI 안내판…어르신 음성 안내\n2026-04-02 | 공원녹지과\n\n중구는 공원 12곳에 AI 안내판을 세운다고 2일 밝혔다.\n--------------------\n";
        assert_eq!(title_of(page).as_deref(), Some("중구, 공원 12곳에 AI 안내판…어르신 음성 안내"));
        assert!(is_rule("----------") && is_rule("━━━━━━") && !is_rule("--") && !is_rule("- 부제 -"));
    }

    #[test]
    fn a_line_that_only_names_the_issuing_body_is_a_masthead() {
        let rules = Compiled::new(&crate::import::rules::ImportRules::default()).unwrap();
        assert!(is_masthead("K-water 한국수자원공사", &rules));
        assert!(is_masthead("충청북도의회", &rules));
        assert!(!is_masthead("도의회, 추경 8천억 의결", &rules));
        assert!(!is_masthead("AI 전환 지원", &rules));
        assert!(is_masthead("KOSA 한국소프트웨어산업진흥원", &rules));
        assert!(!is_masthead("신규 공무원", &rules) && !is_masthead("청년 창업 지원", &rules));
    }

    #[test]
    fn recognises_list_markers() {
        assert_eq!(list_marker("□ 정부는"), Some(('□', None, "정부는")));
        assert_eq!(list_marker("② 둘째"), Some(('②', Some(2), "둘째")));
        assert_eq!(list_marker("3. 셋째"), Some(('1', Some(3), "셋째")));
        assert_eq!(list_marker("-5%"), None);
        assert_eq!(list_marker("2024년"), None);
    }

    #[test]
    fn a_caption_saved_twice_on_a_line_or_closed_by_a_wires_dateline_stamp_is_a_caption() {
        let once = "한빛 장관과 도하람 위원장이 지난달 14일 오후 서울 종로구 정부서울청사에서 합동 브리핑을 하고 있다.";
        assert_eq!(caption_rest(&format!("{once} /사진=뉴시스{once}")), Some(String::new()));
        assert_eq!(caption_rest(&format!("{once} 2024.11.07. 서울=뉴시스")), Some(String::new()));
        // The photo desk's stamp: the date and the photographer's address.
        let wire = format!("[서울=한빛통신] 도하람 기자 = {once} (사진기자단) 2025.12.02. haram@example.com");
        assert_eq!(caption_rest(&wire), Some(String::new()));
        // A paragraph that repeats its opening words with no credit between is prose.
        let prose = format!("{once} 정부는 이날 {once}");
        assert_eq!(caption_rest(&prose), None);
    }

    #[test]
    fn a_subtitles_deadline_is_not_a_tables_figures() {
        assert!(is_subtitle("과기정통부, 8월8일까지 접수...센터당 4억 지원"));
        assert!(!is_subtitle("디지털 인프라 380억원 520억원 +140억원"));
        // A range is one figure, and a span of years none.
        assert!(is_subtitle("한빛사업 47개 과제 선정…과제당 2~4년 간 6억~20억원 투자"));
        assert!(!is_subtitle("한빛사업 47개 과제 6억 20억원 35억원 투자"));
        let page = "'빅데이터 사업' 2차 공모...28개 센터 추가 선정\n\n과기정통부, 8월8일까지 접수...센터당 4억 지원\n\n\
                    입력 :2019/07/07 12:00\n\n과기정통부는 공공과 민간이 협업해 데이터 전 과정을 지원하는 \
                    '빅데이터 플랫폼 및 센터 구축 사업'의 2차 공모를 한 달간 실시한다고 7일 밝혔다.\n";
        assert_eq!(title_of(page).as_deref(), Some("'빅데이터 사업' 2차 공모...28개 센터 추가 선정"));
    }

    #[test]
    fn a_headline_over_its_subtitle_wins_whatever_their_lengths_or_compounds() {
        let lead = "한빛시는 한빛대학교에서 빅데이터센터 개소식을 가졌다고 6일 밝혔다. 센터는 지역 기업의 데이터 분석을 돕는다.";
        // A short headline stacked over a longer subtitle, both above the byline.
        let page = format!("『한빛빅데이터센터』개소\n\n4차 산업혁명 선도도시 한빛시 견인차!!\n\n2017-04-20 19:36 도하람 기자\n{lead}\n");
        assert_eq!(title_of(&page).as_deref(), Some("『한빛빅데이터센터』개소"));
        // A word that is chrome alone (`광고`) inside a headline's compound (`옥외광고`) is no chrome.
        let lead = "한빛도는 행정안전부 옥외광고 공모사업에 잇따라 선정돼 13억4000만원의 국비를 확보했다고 26일 밝혔다.";
        let page = format!("행안부 디지털 옥외광고 공모 잇따라 선정\n\n한빛·나래 등 올해 13억 여원 국비 확보\n\n2019-12-26     변지후\n{lead}\n");
        assert_eq!(title_of(&page).as_deref(), Some("행안부 디지털 옥외광고 공모 잇따라 선정"));
        // A section's name of a few words over the headline is not its first line.
        let lead = "과학기술정보통신부가 한빛시와 나래시를 디지털 전환 거점도시로 선정했다고 17일 밝혔다.";
        let page = format!(
            "전국 일반\n\n'디지털 전환 거점도시'에 한빛·나래 선정\n\n등록 2025-12-18 09:10\n\n{lead}\n"
        );
        assert_eq!(title_of(&page).as_deref(), Some("'디지털 전환 거점도시'에 한빛·나래 선정"));
    }

    #[test]
    fn a_line_printed_over_and_over_is_a_widget_not_the_headline() {
        let lead = "12월 31일 국회 본회의에서 의결된 정부예산에 한빛도의 국고예산이 총 3조714억 원 반영된 것으로 알려졌다.";
        let covers = "과월호 호수이미지\n".repeat(6);
        let page = format!("나래매일 PDF 지면보기\n{covers}최근 뉴스\n한빛도 국고예산 3조714억 원 확보\n상태바\n한빛도 국고예산 3조714억 원 확보\n  • 변지후 기자\n  • 승인 2012.01.03 09:44\n\n{lead}\n");
        assert_eq!(title_of(&page).as_deref(), Some("한빛도 국고예산 3조714억 원 확보"));
    }

    #[test]
    fn a_boards_header_row_of_headline_and_date_and_an_images_text_under_its_title_label() {
        let lead = "[한빛뉴스 도하람 기자] 과학기술정보통신부는 인공지능을 전 지역, 전 산업으로 확산하기 위한 신규 사업의 공모를 7일 개시한다고 발표했다.";
        let page = format!("| 과기정통부, 전 지역·전 산업 인공지능 확산 가속화 | 2024.03.07 |\n2024년 영남·호남권 초광역 협업 신규 사업 추진\n{lead}\n");
        assert_eq!(title_of(&page).as_deref(), Some("과기정통부, 전 지역·전 산업 인공지능 확산 가속화"));
        // A row among others is a table's, and stays whole.
        let table = "| 한빛시 스마트 쉼터 구축 | 2024.03.07 |\n| 나래시 스마트 쉼터 구축 | 2024.04.02 |\n";
        assert_eq!(split_header_rows(table), table);
        // `제목 하단 바` is an image's text under a board's title label, not a headline.
        let lead = "과학기술정보통신부는 27일 한빛프레스센터에서 제2차관이 정보통신기술 협단체와 협력방안을 논의하는 간담회를 진행했다.";
        let page = format!("ICT뉴스\n제목 하단 바\n\nICT대연합, 제2차관과 ICT 진흥정책 모색\n작성일자 2022.08.01 조회수 19570\n\n{lead}\n");
        assert_eq!(title_of(&page).as_deref(), Some("ICT대연합, 제2차관과 ICT 진흥정책 모색"));
    }

    #[test]
    fn a_flattened_table_row_is_never_a_heading() {
        assert!(!is_heading_like("교통 분야 120억원 150억원 +30억원", 45));
        assert!(is_heading_like("2026년 예산 1,250억원 편성", 45));
        assert!(!is_heading_like("경북 | 2 | 60억원", 45));
        assert!(!is_heading_like("구분 | 노선 수 | 국비", 45));
    }

    #[test]
    fn a_row_of_tab_split_cells_is_a_table_row() {
        assert_eq!(
            normalize("지역\t주관기관\t국비\n광주\t광주과학기술원\t120억원\n"),
            "지역 | 주관기관 | 국비\n광주 | 광주과학기술원 | 120억원\n"
        );
        // Empty cells stay cells; one tab in prose is a space.
        assert_eq!(normalize("합계\t\t500억원"), "합계 |  | 500억원");
        assert_eq!(normalize("붙임\t1. 사진"), "붙임 1. 사진");
        assert_eq!(normalize("\t\t들여 쓴 줄"), "  들여 쓴 줄");
    }
}
