//! HTML → article text. Reads the page's metadata (headline, site name, author, URL, publication
//! time), finds the article body (the block with the most paragraph text, not the navigation,
//! sidebars or footers), drops scripts, styles, widgets and captions, and writes the body as plain
//! lines for the text cleaner. No markup survives.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::HashMap;

/// What the page's metadata says.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hints {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// Whether the input is HTML: by extension, or by its first tag.
pub(crate) fn looks_like_html(name: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return true;
    }
    let head: String = text.trim_start().chars().take(512).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<body")
        || head.contains("<head")
}

/// Elements whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "iframe",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "svg",
    "figure",
    "figcaption",
    "select",
    "option",
    "template",
    "object",
    "embed",
    "video",
    "audio",
    "canvas",
    "input",
    "textarea",
    "label",
    "table",
];
/// Words in a class or id that mark clutter.
const SKIP_CLASS_WORDS: &[&str] = &[
    "share",
    "sns",
    "social",
    "comment",
    "comments",
    "reply",
    "related",
    "relation",
    "recommend",
    "banner",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "copyright",
    "byline",
    "caption",
    "photo",
    "font",
    "fontsize",
    "print",
    "scrap",
    "popular",
    "ranking",
    "rank",
    "subscribe",
    "nav",
    "gnb",
    "lnb",
    "menu",
    "footer",
    "header",
    "sidebar",
    "aside",
    "breadcrumb",
    "tag",
    "tags",
    "sponsor",
    "promotion",
    "widget",
    "login",
    "util",
    "toolbar",
];
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "td",
    "th",
    "tr",
    "dd",
    "dt",
    "dl",
    "pre",
    "body",
    "center",
];

fn skip_element(el: &scraper::node::Element) -> bool {
    if SKIP_TAGS.contains(&el.name()) {
        return true;
    }
    if el.attr("hidden").is_some()
        || el.attr("style").is_some_and(|s| s.replace(' ', "").contains("display:none"))
    {
        return true;
    }
    let words = el
        .attr("class")
        .into_iter()
        .chain(el.attr("id"))
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .map(|w| w.to_ascii_lowercase());
    for w in words {
        if SKIP_CLASS_WORDS.contains(&w.as_str()) {
            return true;
        }
    }
    false
}

fn meta(doc: &Html, selector: &str, attr: &str) -> Option<String> {
    let sel = Selector::parse(selector).ok()?;
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr))
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|v| !v.is_empty())
}

fn text_of(el: ElementRef<'_>) -> String {
    el.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Scores: the paragraph text (outside links) whose nearest block ancestor is each element.
/// Walked with an explicit stack, so page depth costs no call stack.
fn own_text(root: NodeRef<'_, Node>, own: &mut HashMap<ego_tree::NodeId, usize>) {
    let mut stack: Vec<(NodeRef<'_, Node>, ego_tree::NodeId, bool)> = vec![(root, root.id(), false)];
    while let Some((node, block, in_link)) = stack.pop() {
        let (block, in_link) = match node.value() {
            Node::Text(t) => {
                if !in_link {
                    *own.entry(block).or_default() += t.trim().chars().count();
                }
                continue;
            }
            Node::Element(el) => {
                if skip_element(el) {
                    continue;
                }
                let block = if BLOCK_TAGS.contains(&el.name()) { node.id() } else { block };
                (block, in_link || el.name() == "a")
            }
            _ => (block, in_link),
        };
        for child in node.children() {
            stack.push((child, block, in_link));
        }
    }
}

/// Writes the text of a subtree as lines: blocks and `<br>` end lines, headings get `## `, list
/// items keep their own markers or get `- `. Walked with an explicit stack.
fn write_lines(root: NodeRef<'_, Node>, out: &mut String) {
    enum Step<'a> {
        Enter(NodeRef<'a, Node>),
        Close,
    }
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Close => {
                out.push_str("\n\n");
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(t) => write_text(t, out),
            Node::Element(el) => {
                if skip_element(el) {
                    continue;
                }
                let name = el.name();
                match name {
                    "br" => out.push('\n'),
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        let text = ElementRef::wrap(node).map(text_of).unwrap_or_default();
                        if !text.is_empty() {
                            out.push_str("\n\n## ");
                            out.push_str(&text);
                            out.push_str("\n\n");
                        }
                    }
                    "li" => {
                        let text = ElementRef::wrap(node).map(text_of).unwrap_or_default();
                        if !text.is_empty() {
                            out.push('\n');
                            let marked =
                                text.starts_with(['□', 'ㅇ', '○', '△', '-', '·', '①', '②', '③', '*', '※']);
                            if !marked {
                                out.push_str("- ");
                            }
                            out.push_str(&text);
                            out.push('\n');
                        }
                    }
                    _ => {
                        let block = BLOCK_TAGS.contains(&name);
                        if block {
                            out.push_str("\n\n");
                            stack.push(Step::Close);
                        }
                        let children: Vec<_> = node.children().collect();
                        stack.extend(children.into_iter().rev().map(Step::Enter));
                    }
                }
            }
            _ => {
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(Step::Enter));
            }
        }
    }
}

fn write_text(t: &str, out: &mut String) {
    let s = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if !s.is_empty() {
        if !out.is_empty() && !out.ends_with(['\n', ' ']) && t.starts_with(char::is_whitespace) {
            out.push(' ');
        }
        out.push_str(&s);
        if t.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }
}

/// Nesting deeper than this is flattened before parsing: no article needs it, and the HTML
/// parser's scope checks grow with depth (a page of 100,000 nested `<div>`s took quadratic time).
pub(crate) const MAX_DEPTH: usize = 256;

/// Elements that never nest.
const VOID_TAGS: &[&str] = &[
    "br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "param", "source", "track",
    "wbr",
];

/// Drops the start and end tags nested deeper than [`MAX_DEPTH`], keeping their text: one linear
/// pass over the tags (comments, and the contents of scripts and styles, are passed over whole).
pub(crate) fn limit_depth(html: &str) -> std::borrow::Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut depth = 0usize;
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let at = i + off;
        let Some(close) = html[at..].find('>').map(|c| at + c) else { break };
        let tag = &html[at + 1..close];
        i = close + 1;
        if tag.starts_with("!--") {
            if let Some(end) = html[at..].find("-->") {
                i = at + end + 3;
            }
            continue;
        }
        if tag.starts_with(['!', '?']) {
            continue;
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || VOID_TAGS.contains(&name.as_str()) || tag.ends_with('/') {
            continue;
        }
        if !closing && (name == "script" || name == "style") {
            let end_tag = format!("</{name}");
            let rest = &html[i..];
            let found = rest.to_ascii_lowercase().find(&end_tag);
            i = found.map(|f| i + f).unwrap_or(html.len());
            continue;
        }
        let keep = if closing {
            let keep = depth <= MAX_DEPTH;
            depth = depth.saturating_sub(1);
            keep
        } else {
            depth += 1;
            depth <= MAX_DEPTH
        };
        if !keep {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..at]);
            o.push(' ');
            copied = close + 1;
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

/// Short lines from outside the article body that carry dates, bylines or copyright.
fn meta_lines(doc: &Html, body: ego_tree::NodeId) -> Vec<String> {
    let mut out = Vec::new();
    let in_body: std::collections::HashSet<ego_tree::NodeId> =
        doc.tree.get(body).map(|b| b.descendants().map(|d| d.id()).collect()).unwrap_or_default();
    for el in doc.root_element().descendent_elements() {
        if in_body.contains(&el.id()) {
            continue;
        }
        if !matches!(el.value().name(), "span" | "li" | "p" | "div" | "em" | "time" | "dd" | "address") {
            continue;
        }
        // Only leaf-ish elements: their own text, not a whole page section.
        if el.children().any(|c| c.value().as_element().is_some_and(|e| BLOCK_TAGS.contains(&e.name()))) {
            continue;
        }
        if el
            .ancestors()
            .any(|a| a.value().as_element().is_some_and(|e| matches!(e.name(), "script" | "style" | "nav")))
            || in_list_of_other_stories(el)
        {
            continue;
        }
        let t = text_of(el);
        let n = t.chars().count();
        let wanted = super::extract::date::has_full_date(&t)
            || t.contains("기자")
            || t.contains('ⓒ')
            || t.contains('©')
            || t.contains("Copyright")
            || t.contains("저작권자");
        if (3..=120).contains(&n) && wanted && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Class or id words of a box that lists other stories (a ranking, related news).
const OTHER_STORIES: &[&str] =
    &["ranking", "rank", "popular", "related", "relation", "recommend", "aside", "sidebar", "best"];

/// Whether an element sits in a list of other stories: a box so named, or a list item that
/// links to a headline. A date or a byline there belongs to that other story.
fn in_list_of_other_stories(el: ElementRef<'_>) -> bool {
    static LINK: std::sync::LazyLock<Selector> =
        std::sync::LazyLock::new(|| Selector::parse("a[href]").unwrap());
    let named = |e: &scraper::node::Element| {
        e.name() == "aside"
            || e.attr("class").into_iter().chain(e.attr("id")).any(|v| {
                v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                    .any(|w| OTHER_STORIES.contains(&w.to_ascii_lowercase().as_str()))
            })
    };
    let headline_link = |li: ElementRef<'_>| {
        li.select(&LINK).any(|a| {
            !a.value().attr("href").is_some_and(|h| h.starts_with("mailto:"))
                && text_of(a).chars().count() >= 10
        })
    };
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(|a| named(a.value()) || a.value().name() == "li" && headline_link(a))
}

/// The headline element: an `h1`–`h3` marked as a title (by its class or its parent's), else the
/// first `h1`.
fn headline(doc: &Html) -> Option<String> {
    let sel = Selector::parse("h1, h2, h3").ok()?;
    let marked = |e: &ElementRef<'_>| {
        let classes = |el: &scraper::node::Element| {
            el.attr("class")
                .into_iter()
                .chain(el.attr("id"))
                .collect::<Vec<_>>()
                .join(" ")
                .to_ascii_lowercase()
        };
        let own = classes(e.value());
        let parent = e.parent().and_then(|p| p.value().as_element().map(classes)).unwrap_or_default();
        ["title", "headline", "subject", "tit"].iter().any(|w| own.contains(w) || parent.contains(w))
    };
    let long = |t: &String| t.chars().count() >= 8;
    doc.select(&sel).find(|e| marked(e) && long(&text_of(*e))).map(text_of).or_else(|| {
        let h1 = Selector::parse("h1").ok()?;
        doc.select(&h1).map(text_of).find(long)
    })
}

/// The page as article text plus its metadata.
pub(crate) fn to_article_text(source: &str) -> (String, Hints) {
    let source = limit_depth(source);
    let doc = Html::parse_document(&source);
    let site_name = meta(&doc, r#"meta[property="og:site_name"]"#, "content");
    let mut title = meta(&doc, r#"meta[property="og:title"]"#, "content")
        .or_else(|| headline(&doc))
        .or_else(|| Selector::parse("title").ok().and_then(|s| doc.select(&s).map(text_of).next()));
    // `제목 - 매체`, `제목 | 매체`.
    if let Some(t) = &mut title {
        for sep in [" | ", " - ", " :: ", " < ", " – "] {
            if let Some((head, tail)) = t.rsplit_once(sep) {
                let is_site =
                    site_name.as_deref().is_some_and(|s| tail.contains(s) || s.contains(tail.trim()))
                        || tail.chars().count() <= 12;
                if is_site && head.chars().count() >= 8 {
                    *t = head.trim().to_string();
                    break;
                }
            }
        }
    }
    let author = meta(&doc, r#"meta[name="author"]"#, "content")
        .or_else(|| meta(&doc, r#"meta[property="article:author"]"#, "content"))
        .or_else(|| meta(&doc, r#"meta[name="dable:author"]"#, "content"))
        .filter(|a| !a.starts_with("http"))
        .map(|a| a.trim_end_matches("기자").trim().to_string())
        .filter(|a| !a.is_empty() && Some(a) != site_name.as_ref());
    let url = meta(&doc, r#"link[rel="canonical"]"#, "href")
        .or_else(|| meta(&doc, r#"meta[property="og:url"]"#, "content"))
        .filter(|u| u.starts_with("http"));
    let published = meta(&doc, r#"meta[property="article:published_time"]"#, "content")
        .or_else(|| meta(&doc, r#"meta[name="pubdate"]"#, "content"))
        .or_else(|| meta(&doc, r#"meta[itemprop="datePublished"]"#, "content"))
        .or_else(|| meta(&doc, "time[datetime]", "datetime"));

    // The body: the element collecting the most paragraph text.
    let root = doc.tree.root();
    let mut own: HashMap<ego_tree::NodeId, usize> = HashMap::new();
    own_text(root, &mut own);
    let mut score: HashMap<ego_tree::NodeId, usize> = HashMap::new();
    for (id, n) in &own {
        if *n < 20 {
            continue;
        }
        let Some(node) = doc.tree.get(*id) else {
            continue;
        };
        let is_para = node
            .value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "p" | "li" | "h2" | "h3" | "h4" | "blockquote"));
        let target = if is_para { node.parent().map(|p| p.id()).unwrap_or(*id) } else { *id };
        *score.entry(target).or_default() += n;
    }
    let body = score
        .iter()
        .max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)))
        .map(|(id, _)| *id)
        .unwrap_or(root.id());
    let mut text = String::new();
    if let Some(node) = doc.tree.get(body) {
        write_lines(node, &mut text);
    }

    let mut article = String::new();
    if let Some(t) = &title {
        article.push_str(t);
        article.push('\n');
    }
    for line in meta_lines(&doc, body) {
        article.push_str(&line);
        article.push('\n');
    }
    article.push('\n');
    article.push_str(&text);
    (article, Hints { title, site_name, author, url, published })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_a_list_of_other_stories_are_not_the_articles_meta_lines() {
        let page = r#"<html><body>
            <div class="head"><h3 class="tit_view">시, 하천 정비에 50억 투입</h3>
              <span class="txt_info">홍길동 기자</span> <span class="txt_info">입력 2025. 4. 2. 10:00</span></div>
            <div class="view"><p>시가 올해 하천 정비 사업에 50억원을 투입한다고 2일 밝혔다. 공사는 5월에 시작한다.</p>
              <p>시는 주민 설명회를 거쳐 세부 계획을 확정할 계획이다.</p></div>
            <div class="box_g"><ol><li><a href="/v/1">다른 도시, 공항 철도에 1조 투입</a> <span>2025. 4. 1.</span></li></ol></div>
            <div class="aside_rank"><p>2025. 3. 30. 인기 기사 모음</p></div>
            </body></html>"#;
        let (text, _) = to_article_text(page);
        assert!(text.contains("입력 2025. 4. 2. 10:00"), "{text}");
        assert!(text.contains("홍길동 기자"), "{text}");
        assert!(!text.contains("2025. 4. 1."), "a listed story's date: {text}");
        assert!(!text.contains("2025. 3. 30."), "a ranking box's date: {text}");
    }
}
