//! Article text → clean blocks. Finds the headline, drops what a page wraps around the article
//! (menus, share and font-size widgets, bylines, photo captions, related-article boxes, comment
//! widgets, copyright lines, ads) and turns the rest into paragraphs, headings and list items.

use regex::Regex;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

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
    pub lead_byline: Option<(String, Option<String>)>,
}

pub(crate) static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:기자명\s*|글\s*[·ㆍ]?\s*사진\s*[=:]?\s*|By\s+|by\s+|/\s*)?(?:(?P<outlet>[^\s\d]{2,15})\s+)?(?P<name>[가-힣]{2,4})\s*(?:선임|수석|객원|인턴|전문)?\s*(?:기자|특파원)(?:\s*[(<\[]?\s*[\w.+-]+@[\w.-]+\s*[)>\]]?)?(?:\s*[|/·]\s*.*)?$",
    )
    .unwrap()
});
static EMAIL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[<(\[]?[\w.+-]+@[\w-]+(\.[\w-]+)+[>)\]]?$").unwrap());
static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(담당\s*부서|담당\s*자|책임자|문의|연락처|보도\s*담당|배포\s*일시|배포)\s*[:：]?").unwrap()
});
static URL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:기사\s*)?(?:URL|주소|원문|출처|링크)\s*[:：]?\s*)?https?://\S+$").unwrap()
});
static PHONE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\(?0\d{1,2}[)-]\s?\d{3,4}-\d{4}").unwrap());
static CAPTION_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\[(<〈【]\s*(?:사진|그래픽|이미지|자료|표|영상|출처|제공|사진\s*제공|자료\s*제공)\s*[=:：]?\s*[^\])>〉】]{0,40}[\])>〉】]|/\s*사진\s*=\s*\S+$|\s사진\s*제공\s*=\s*\S+$")
        .unwrap()
});
/// `[인더스트리뉴스 조창현 기자]`, `【서울=매체】 홍길동 기자 =`, `(세종=매체) 홍길동 기자 =`.
static LEAD_BRACKET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\[\s*([^\]\s=]{2,20})\s+([가-힣]{2,4})\s*(?:선임|수석|객원|인턴)?\s*(?:기자|특파원)\s*\]\s*",
    )
    .unwrap()
});
static LEAD_WIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(【\[]\s*[가-힣A-Za-z]{1,10}\s*=\s*([^)】\]\s]{2,20})\s*[)】\]]\s*(?:([가-힣]{2,4})\s*(?:선임|수석|객원|인턴)?\s*(?:기자|특파원)\s*=?\s*)?").unwrap()
});
static TRAILING_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*[/]?\s*([가-힣]{2,4})\s*(?:선임|수석|객원|인턴)?\s*기자\s*(?:[\w.+-]+@[\w.-]+)?\s*$")
        .unwrap()
});
static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"[.!?]["'”’)]*$"#).unwrap());
static WRAPPED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[<〈《【\[]\s*(.+?)\s*[>〉》】\]]|[■◆◇●▣◈]\s*(.+)|#{1,6}\s+(.+))$").unwrap()
});

/// NFC, one kind of line break and of space, no zero-width characters.
pub(crate) fn normalize(text: &str) -> String {
    let text: String = text.nfc().collect();
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'))
        .map(|c| match c {
            '\u{a0}' | '\u{3000}' | '\u{2002}' | '\u{2003}' | '\u{2009}' | '\t' => ' ',
            '∼' | '〜' => '~',
            c => c,
        })
        .collect()
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

fn is_nav_line(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.is_empty() {
        return false;
    }
    if line.contains(" > ") || line.contains(" › ") || line.contains(" ≫ ") {
        return true;
    }
    let nav = tokens.iter().filter(|t| NAV_WORDS.contains(t)).count();
    nav * 10 >= tokens.len() * 6
}

/// Could this line be the headline?
fn is_title_like(line: &str, rules: &Compiled) -> bool {
    let compact = line.chars().filter(|c| !c.is_whitespace()).count();
    compact >= 8
        && char_len(line) <= 150
        && has_hangul(line)
        && !rules.is_boilerplate(line)
        && !rules.is_tail_marker(line)
        && !is_nav_line(line)
        && !is_meta_line(line)
        && !CAPTION_TAG.is_match(line)
        && !rules.ministries.iter().any(|m| m == line)
        && !line.starts_with(['□', 'ㅇ', '○', '△', '▲', '*', '※', '-'])
}

/// Dates, bylines, e-mail addresses, contact lines: page metadata, not article text.
fn is_meta_line(line: &str) -> bool {
    let bare = line.trim_start_matches(['•', '·', '|', '-', ' ']).trim();
    if BYLINE.is_match(bare) || EMAIL_LINE.is_match(bare) || CONTACT.is_match(bare) || URL_LINE.is_match(bare)
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

/// A photo caption: a line carrying `[사진=…]` that is not a long paragraph, or a `▲` line.
fn caption_rest(line: &str) -> Option<String> {
    if line.starts_with('▲') {
        return Some(String::new());
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
    let n = char_len(line);
    (6..=max).contains(&n)
        && has_hangul(line)
        && !SENTENCE_END.is_match(line)
        && !line.ends_with([',', ':', '：'])
        && !line.contains("다.")
}

/// Cleans an article. `title_hint` is a headline already known (from HTML metadata).
pub(crate) fn clean(raw: &str, title_hint: Option<&str>, rules: &Compiled) -> Cleaned {
    let text = normalize(raw);
    let lines: Vec<String> = text.lines().map(|l| squash(l.trim())).collect();
    let mut out = Cleaned::default();

    // The headline: the hint, or the first line that can be one.
    let mut start = 0;
    if let Some(hint) = title_hint {
        let hint = squash(hint);
        if let Some(i) = lines.iter().position(|l| *l == hint) {
            out.meta.extend(lines[..i].iter().filter(|l| !l.is_empty()).cloned());
            start = i + 1;
        }
        out.title = Some(hint);
    } else {
        for (i, line) in lines.iter().enumerate().take(200) {
            if line.is_empty() {
                continue;
            }
            if is_title_like(line, rules) {
                out.title = Some(line.clone());
                start = i + 1;
                break;
            }
            out.meta.push(line.clone());
        }
        if out.title.is_none() {
            start = 0;
            out.meta.clear();
        }
    }

    // The body.
    let mut body_started = false;
    let mut in_related = false;
    let mut para: Vec<String> = Vec::new();
    let mut pending: Vec<Block> = Vec::new();
    let flush = |para: &mut Vec<String>, pending: &mut Vec<Block>, body_started: bool| {
        if para.is_empty() {
            return;
        }
        let joined = squash(&para.join(" "));
        para.clear();
        if joined.is_empty() {
            return;
        }
        if !body_started && is_heading_like(&joined, 90) {
            pending.push(Block::Deck(strip_deck_dashes(&joined)));
        } else if is_heading_like(&joined, 45) {
            pending.push(Block::Heading(joined));
        } else {
            pending.push(Block::Para(joined));
        }
    };
    for (index, line) in lines.iter().enumerate().skip(start) {
        let line = line.as_str();
        if line.is_empty() {
            flush(&mut para, &mut pending, body_started);
            continue;
        }
        // Widget lines often come bulleted (`• 댓글 0`).
        let bare = line.trim_start_matches(['•', '|', '·']).trim();
        if body_started && rules.is_tail_marker(bare) {
            out.tail = lines[index..].iter().filter(|l| !l.is_empty()).cloned().collect();
            break;
        }
        if rules.is_related_marker(bare) {
            flush(&mut para, &mut pending, body_started);
            in_related = true;
            continue;
        }
        if in_related {
            if is_prose(line) && char_len(line) >= 80 {
                in_related = false;
            } else {
                continue;
            }
        }
        if rules.is_tail_marker(bare) || rules.is_boilerplate(bare) {
            if rules.is_tail_marker(bare) {
                out.meta.push(line.to_string());
            }
            flush(&mut para, &mut pending, body_started);
            continue;
        }
        if is_meta_line(line) {
            out.meta.push(line.to_string());
            flush(&mut para, &mut pending, body_started);
            continue;
        }
        if Some(line) == out.title.as_deref() {
            continue;
        }
        let line: String = match caption_rest(line) {
            Some(rest) if rest.is_empty() => {
                out.captions.push(line.to_string());
                flush(&mut para, &mut pending, body_started);
                continue;
            }
            Some(rest) => rest,
            None => line.to_string(),
        };
        let line = line.as_str();

        // Headings wrapped in markers: `< 주요 내용 >`, `■ 추진 배경`, `## 소제목`.
        if let Some(c) = WRAPPED_HEADING.captures(line) {
            let inner = c.get(1).or(c.get(2)).or(c.get(3)).unwrap().as_str().trim();
            if char_len(inner) <= 45 && !SENTENCE_END.is_match(inner) && !inner.is_empty() {
                flush(&mut para, &mut pending, body_started);
                if body_started {
                    pending.push(Block::Heading(inner.to_string()));
                } else {
                    pending.push(Block::Deck(inner.to_string()));
                }
                continue;
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
            flush(&mut para, &mut pending, body_started);
            pending.push(Block::Note { stars, text: rest.trim().to_string() });
            continue;
        }
        // A deck wrapped in dashes, `- 부제 -`.
        if line.starts_with('-') && line.ends_with('-') && char_len(line) > 4 {
            flush(&mut para, &mut pending, body_started);
            pending.push(Block::Deck(strip_deck_dashes(line)));
            continue;
        }
        if let Some((marker, number, rest)) = list_marker(line) {
            flush(&mut para, &mut pending, body_started);
            // A list item may carry the lead in a press release.
            if is_prose(rest) {
                body_started = true;
            }
            pending.push(Block::Item { level: marker_rank(marker), number, marker, text: rest.to_string() });
            continue;
        }
        // Continuation of a wrapped item or paragraph: join when the previous line did not end
        // a sentence and was long enough to have been wrapped.
        if para.is_empty() {
            if let Some(Block::Item { text, .. }) = pending.last_mut() {
                if !SENTENCE_END.is_match(text) && char_len(text) >= 30 {
                    text.push(' ');
                    text.push_str(line);
                    continue;
                }
            }
        }
        if let Some(prev) = para.last() {
            if SENTENCE_END.is_match(prev) || char_len(prev) < 30 {
                flush(&mut para, &mut pending, body_started);
            }
        }
        if is_prose(line) {
            body_started = true;
        }
        para.push(line.to_string());
    }
    flush(&mut para, &mut pending, body_started);

    // The byline that opens the lead: `[매체 기자명 기자]`, `(서울=매체) 기자명 기자 =`.
    for block in pending.iter_mut() {
        if let Block::Para(text) | Block::Item { text, .. } = block {
            if let Some(c) = LEAD_BRACKET.captures(text) {
                out.lead_byline = Some((c[1].to_string(), Some(c[2].to_string())));
                *text = text[c.get(0).unwrap().end()..].trim().to_string();
            } else if let Some(c) = LEAD_WIRE.captures(text) {
                out.lead_byline = Some((c[1].to_string(), c.get(2).map(|m| m.as_str().to_string())));
                *text = text[c.get(0).unwrap().end()..].trim().to_string();
            }
            break;
        }
    }
    // A byline closing the last paragraph: `… 밝혔다. /홍길동 기자 hong@…`.
    if let Some(Block::Para(text)) = pending.last_mut() {
        if let Some(c) = TRAILING_BYLINE.captures(text) {
            let before = &text[..c.get(0).unwrap().start()];
            if SENTENCE_END.is_match(before.trim_end()) {
                out.meta.push(c[0].trim().to_string());
                *text = before.trim_end().to_string();
            }
        }
    }
    // A heading with nothing after it is a leftover widget label.
    while matches!(pending.last(), Some(Block::Heading(_))) {
        pending.pop();
    }
    out.blocks = pending.into_iter().filter(|b| !b.text().is_empty()).collect();
    out
}

fn strip_deck_dashes(s: &str) -> String {
    s.trim_matches(|c: char| c == '-' || c == '–' || c == '―' || c.is_whitespace()).to_string()
}

/// Splits text into sentences: after `.`, `?` or `!` (and closing quotes) followed by a space.
/// Decimal points (`1.2조`) do not split.
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '?' | '!') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')') {
                j += 1;
            }
            let at_end = j >= chars.len();
            if at_end || chars[j].1 == ' ' {
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
    fn splits_sentences_but_not_decimals() {
        assert_eq!(
            sentences("1.2조원을 쓴다. 그리고 “좋다.” 끝"),
            vec!["1.2조원을 쓴다.", "그리고 “좋다.”", "끝"]
        );
    }

    #[test]
    fn recognises_list_markers() {
        assert_eq!(list_marker("□ 정부는"), Some(('□', None, "정부는")));
        assert_eq!(list_marker("② 둘째"), Some(('②', Some(2), "둘째")));
        assert_eq!(list_marker("3. 셋째"), Some(('1', Some(3), "셋째")));
        assert_eq!(list_marker("-5%"), None);
        assert_eq!(list_marker("2024년"), None);
    }
}
