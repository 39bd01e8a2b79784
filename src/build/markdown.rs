//! Markdown to HTML: pulldown-cmark with the brief format's extensions, Hangul-preserving heading
//! ids and a table of contents, links to other briefs' `.md` files rewritten to their URLs,
//! site-absolute links given the base path, and fenced code highlighted by syntect with CSS classes.

use crate::brief::slug::{slugify, SlugStyle};
use crate::build::sanitize::escape_html;
use crate::build::url::BaseUrl;
use crate::diagnostics::LineIndex;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;
use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// The one place the parser options are decided.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Ids used by the default theme around the body (its own sections start with `brief-`, which
/// no Hangul heading produces; these are the plain words).
const RESERVED_IDS: &[&str] = &["main", "top", "content", "footnotes"];

/// pulldown-cmark's table alignment attributes and the theme classes that replace them.
const ALIGNMENT_CLASSES: [(&str, &str); 3] = [
    (" style=\"text-align: left\">", " class=\"align-left\">"),
    (" style=\"text-align: center\">", " class=\"align-center\">"),
    (" style=\"text-align: right\">", " class=\"align-right\">"),
];

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Syntax highlighting, loaded on first use so that archives without code never pay for it.
#[derive(Default)]
pub struct Highlighter {
    syntaxes: OnceLock<SyntaxSet>,
}

impl Highlighter {
    fn syntaxes(&self) -> &SyntaxSet {
        self.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines)
    }

    /// Highlighted HTML for a code block, or `None` for a language syntect does not know.
    fn highlight(&self, lang: &str, code: &str) -> Option<String> {
        let ss = self.syntaxes();
        let syntax = ss.find_syntax_by_token(lang)?;
        let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, ss, CLASS_STYLE);
        for line in LinesWithEndings::from(code) {
            generator.parse_html_for_line_which_includes_newline(line).ok()?;
        }
        Some(generator.finalize())
    }

    /// The stylesheet for highlighted code: a light theme, and a dark one under
    /// `prefers-color-scheme: dark`.
    pub fn stylesheet() -> String {
        let themes = ThemeSet::load_defaults();
        let css = |name: &str| {
            let theme = readable(themes.themes[name].clone());
            syntect::html::css_for_theme_with_class_style(&theme, CLASS_STYLE).unwrap_or_default()
        };
        let light = css("InspiredGitHub");
        let dark = css("base16-ocean.dark");
        format!(
            "/* Code highlighting, written by annals. */\n{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"
        )
    }
}

/// WCAG AA asks for 4.5:1 between text and background; syntect's bundled themes have comment
/// and string colours below it. Each foreground is moved toward black (light themes) or white
/// (dark themes) just far enough to reach the ratio.
fn readable(mut theme: syntect::highlighting::Theme) -> syntect::highlighting::Theme {
    use syntect::highlighting::Color;
    fn luminance(c: Color) -> f64 {
        let channel = |v: u8| {
            let v = v as f64 / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }
    fn contrast(a: Color, b: Color) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }
    let background = theme.settings.background.unwrap_or(Color::WHITE);
    let toward = if luminance(background) > 0.5 { Color::BLACK } else { Color::WHITE };
    let fix = |c: Color| {
        let mut c = c;
        let mut step = 0;
        while contrast(c, background) < 4.6 && step < 40 {
            let mix = |a: u8, b: u8| ((a as f64) * 0.9 + (b as f64) * 0.1).round() as u8;
            c = Color { r: mix(c.r, toward.r), g: mix(c.g, toward.g), b: mix(c.b, toward.b), a: c.a };
            step += 1;
        }
        c
    };
    if let Some(fg) = theme.settings.foreground {
        theme.settings.foreground = Some(fix(fg));
    }
    for item in &mut theme.scopes {
        if let Some(fg) = item.style.foreground {
            item.style.foreground = Some(fix(fg));
        }
    }
    theme
}

/// One entry of a page's table of contents.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TocEntry {
    /// Heading level, 1–6.
    pub level: u8,
    /// The heading's id (`#추진-배경`).
    pub id: String,
    /// The heading's text.
    pub title: String,
    /// Sub-headings.
    pub children: Vec<TocEntry>,
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// HTML.
    pub html: String,
    /// Table of contents (nested by level).
    pub toc: Vec<TocEntry>,
    /// Whether the body has a fenced code block.
    pub has_code: bool,
}

/// A link the renderer could not resolve: 1-based line in the body text, and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkProblem {
    /// 0-based line in the body.
    pub body_line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// A fix, if we know one.
    pub hint: Option<String>,
}

/// What rendering needs from the site: where briefs live, the base URL and the HTML policy.
pub struct Links<'a> {
    /// `content/`-relative brief paths (`briefs/a.md`) → site paths (`briefs/a/`).
    pub briefs: &'a HashMap<String, String>,
    /// For site-absolute links.
    pub base: &'a BaseUrl,
    /// `[markdown] unsafe_html`: keep raw HTML and every URL scheme as written.
    pub unsafe_html: bool,
    /// The files of the brief's bundle, relative to its folder (the brief's `files`).
    pub files: &'a [String],
}

/// Something the default HTML policy took out of a body, for `annals check` to name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// 0-based line in the body.
    pub body_line: usize,
    /// 1-based column.
    pub column: usize,
    /// What was taken out.
    pub what: String,
}

/// Everything the default policy takes out of `body`, in order (see [`apply_policy`]).
pub fn dropped(body: &str) -> Vec<Dropped> {
    let mut events = events(body);
    let dropped = apply_policy(body, &mut events);
    let index = LineIndex::starting_at(body, 0);
    dropped
        .into_iter()
        .map(|(offset, what)| {
            let (body_line, column) = index.position(offset);
            Dropped { body_line, column, what }
        })
        .collect()
}

/// A short quote of raw HTML for a message: its first line, at most 40 characters.
fn quote(html: &str) -> String {
    let line = html.trim().lines().next().unwrap_or("");
    let cut: String = line.chars().take(40).collect();
    if cut.len() < line.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// The default HTML policy: raw HTML (blocks and inline) is dropped, links and images whose URL
/// could run code lose their URL (their text stays), and heading attributes other than a few
/// harmless ones are dropped. Returns the byte offset and a description of each thing dropped;
/// HTML comments go silently, since readers never saw them.
fn apply_policy(body: &str, events: &mut [(Event<'_>, std::ops::Range<usize>)]) -> Vec<(usize, String)> {
    let mut report = Vec::new();
    // Per open link and image: whether its start was dropped, so its end goes too.
    let (mut links, mut images): (Vec<bool>, Vec<bool>) = (Vec::new(), Vec::new());
    for (event, range) in events.iter_mut() {
        let drop = match event {
            Event::Start(Tag::HtmlBlock) => {
                let text = &body[range.clone()];
                if !text.trim_start().starts_with("<!--") {
                    report.push((range.start, format!("raw HTML `{}` was dropped", quote(text))));
                }
                false
            }
            Event::Html(_) => true,
            Event::InlineHtml(t) => {
                if !t.starts_with("<!--") {
                    report.push((range.start, format!("raw HTML `{}` was dropped", quote(t))));
                }
                true
            }
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                let bad = !crate::build::sanitize::safe_url(dest_url);
                if bad {
                    report.push((range.start, format!("the address `{}` was removed", quote(dest_url))));
                }
                if matches!(event, Event::Start(Tag::Link { .. })) {
                    links.push(bad);
                } else {
                    images.push(bad);
                }
                bad
            }
            Event::End(TagEnd::Link) => links.pop().unwrap_or(false),
            Event::End(TagEnd::Image) => images.pop().unwrap_or(false),
            Event::Start(Tag::Heading { attrs, .. }) => {
                attrs.retain(|(name, _)| {
                    let keep = crate::build::sanitize::safe_attribute(name);
                    if !keep {
                        report.push((range.start, format!("the heading attribute `{name}` was dropped")));
                    }
                    keep
                });
                false
            }
            _ => false,
        };
        if drop {
            *event = Event::Text(CowStr::Borrowed(""));
        }
    }
    report
}

/// Renders `body` (whose file is `content_path`, relative to `content/`).
pub fn render(
    body: &str,
    content_path: &str,
    links: &Links<'_>,
    highlighter: &Highlighter,
    problems: &mut Vec<LinkProblem>,
) -> Rendered {
    let mut events = events(body);
    if !links.unsafe_html {
        // What was dropped is reported by `annals check` (see `dropped`), not on every build.
        apply_policy(body, &mut events);
    }
    // Ids the page around the body already uses: a `# Main` heading must not become `id="main"`.
    let mut used_ids: HashMap<String, usize> = RESERVED_IDS.iter().map(|id| (id.to_string(), 0)).collect();
    let mut headings: Vec<(u8, String, String)> = Vec::new();
    let mut has_code = false;
    // One walk over the events: a code block is spliced into a single event on the way, so
    // indexes after it shift; each arm looks only at the event under `i` and what follows it.
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(Tag::Heading { .. }) => headings.push(name_heading(&mut events, i, &mut used_ids)),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                if let Err((message, hint)) = rewrite_destination(&mut events[i].0, content_path, links) {
                    // Body lines count from 0 here; the caller adds the body's first file line.
                    // Only a broken link needs a place, so the lines are indexed then, not for
                    // every body.
                    let (body_line, column) = LineIndex::starting_at(body, 0).position(events[i].1.start);
                    problems.push(LinkProblem { body_line, column, message, hint });
                }
            }
            Event::TaskListMarker(done) => events[i].0 = labelled_checkbox(*done),
            Event::Start(Tag::CodeBlock(_)) => {
                has_code = true;
                highlight_code_block(&mut events, i, highlighter);
            }
            _ => {}
        }
        i += 1;
    }
    Rendered { html: to_html(body, events), toc: nest(headings), has_code }
}

/// A body's Markdown events with their byte ranges, parsed with the format's options.
fn events(body: &str) -> Vec<(Event<'_>, std::ops::Range<usize>)> {
    Parser::new_ext(body, options()).into_offset_iter().collect()
}

/// Gives the heading starting at `events[i]` its id (its own `{#id}`, else a slug of its text,
/// made unique on the page) and returns its table of contents entry: level, id, text.
fn name_heading(
    events: &mut [(Event<'_>, std::ops::Range<usize>)],
    i: usize,
    used_ids: &mut HashMap<String, usize>,
) -> (u8, String, String) {
    let Event::Start(Tag::Heading { level, id, .. }) = &events[i].0 else {
        unreachable!("called on a heading start")
    };
    let level = heading_number(*level);
    let explicit = id.as_ref().map(|s| s.to_string());
    let mut text = String::new();
    for (e, _) in &events[i + 1..] {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    let base = explicit.unwrap_or_else(|| {
        let s = slugify(&text, SlugStyle::Unicode);
        if s.is_empty() {
            "section".to_string()
        } else {
            s
        }
    });
    let id = unique_id(base, used_ids);
    if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i].0 {
        *slot = Some(CowStr::from(id.clone()));
    }
    (level, id, text.trim().to_string())
}

/// Rewrites the address of a link or image start event in place (see [`rewrite_link`]).
fn rewrite_destination(
    event: &mut Event<'_>,
    content_path: &str,
    links: &Links<'_>,
) -> Result<(), (String, Option<String>)> {
    if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
        if let Some(new) = rewrite_link(dest_url, content_path, links)? {
            *dest_url = CowStr::from(new);
        }
    }
    Ok(())
}

/// A task list checkbox with a label: pulldown-cmark's has none, which screen readers announce
/// as an unnamed control.
fn labelled_checkbox(done: bool) -> Event<'static> {
    let (checked, label) = if done { (" checked", "완료") } else { ("", "미완료") };
    Event::Html(CowStr::from(format!("<input type=\"checkbox\" disabled{checked} aria-label=\"{label}\"> ")))
}

/// Replaces the code block starting at `events[i]` (start, text, end) with one event holding
/// its highlighted HTML.
fn highlight_code_block(
    events: &mut Vec<(Event<'_>, std::ops::Range<usize>)>,
    i: usize,
    highlighter: &Highlighter,
) {
    let lang = match &events[i].0 {
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
            info.split([' ', ',', '{']).next().unwrap_or("").to_string()
        }
        _ => String::new(),
    };
    let mut code = String::new();
    let mut end = i + 1;
    while end < events.len() {
        match &events[end].0 {
            Event::End(TagEnd::CodeBlock) => break,
            Event::Text(t) => code.push_str(t),
            _ => {}
        }
        end += 1;
    }
    let html = code_block_html(&lang, &code, highlighter);
    let range = events[i].1.clone();
    events.splice(i..=end.min(events.len() - 1), [(Event::Html(CowStr::from(html)), range)]);
}

/// The events as HTML.
fn to_html(body: &str, events: Vec<(Event<'_>, std::ops::Range<usize>)>) -> String {
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
    if html.contains(" style=\"text-align: ") {
        // Table alignment as classes: the theme's Content-Security-Policy (`style-src 'self'`)
        // refuses style attributes, so pulldown-cmark's would be ignored, and reported.
        for (from, to) in ALIGNMENT_CLASSES {
            html = html.replace(from, to);
        }
    }
    html
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn unique_id(base: String, used: &mut HashMap<String, usize>) -> String {
    let mut id = base.clone();
    while let Some(n) = used.get_mut(&id) {
        *n += 1;
        id = format!("{base}-{n}");
    }
    used.insert(id.clone(), 0);
    id
}

fn nest(headings: Vec<(u8, String, String)>) -> Vec<TocEntry> {
    fn push(list: &mut Vec<TocEntry>, entry: TocEntry) {
        match list.last_mut() {
            Some(last) if last.level < entry.level => push(&mut last.children, entry),
            _ => list.push(entry),
        }
    }
    let mut out = Vec::new();
    for (level, id, title) in headings {
        push(&mut out, TocEntry { level, id, title, children: Vec::new() });
    }
    out
}

fn code_block_html(lang: &str, code: &str, highlighter: &Highlighter) -> String {
    let lang_attr = escape_html(lang);
    if !lang.is_empty() {
        if let Some(inner) = highlighter.highlight(lang, code) {
            return format!(
                "<pre class=\"code hl-code\" data-lang=\"{lang_attr}\"><code>{inner}</code></pre>\n"
            );
        }
    }
    let class = if lang.is_empty() { String::new() } else { format!(" class=\"language-{lang_attr}\"") };
    format!("<pre class=\"code\"><code{class}>{}</code></pre>\n", escape_html(code))
}

/// `Ok(Some(url))` to rewrite, `Ok(None)` to keep, `Err` for a broken link to a brief.
fn rewrite_link(
    dest: &str,
    content_path: &str,
    links: &Links<'_>,
) -> Result<Option<String>, (String, Option<String>)> {
    if dest.is_empty() || dest.starts_with('#') || dest.starts_with("//") || has_scheme(dest) {
        return Ok(None);
    }
    if let Some(abs) = dest.strip_prefix('/') {
        // Site-absolute: keep it inside a sub-path deployment.
        return Ok(Some(format!("{}{}", links.base.path(), abs)));
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let decoded = crate::build::url::percent_decode(path).unwrap_or_else(|| path.to_string());
    let dir = content_path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    if !path.ends_with(".md") {
        return bundle_file(&decoded, dest, content_path, links);
    }
    let target = normalize(dir, &decoded)
        .ok_or_else(|| (format!("the link `{dest}` leaves the content folder"), None))?;
    match links.briefs.get(&target) {
        Some(site_path) => {
            let mut url = links.base.url(site_path);
            if let Some(f) = fragment {
                url.push('#');
                url.push_str(f);
            }
            Ok(Some(url))
        }
        None => {
            let file = target.rsplit('/').next().unwrap_or(&target);
            let near = links.briefs.keys().find(|k| k.rsplit('/').next() == Some(file));
            let hint = match near {
                Some(k) => format!(
                    "did you mean `{}`? (paths are relative to this brief's folder)",
                    relative(dir, k)
                ),
                None => "link to another brief's .md file, relative to this brief's folder".to_string(),
            };
            Err((format!("broken link: `{dest}` is not a brief (looked for content/{target})"), Some(hint)))
        }
    }
}

/// A relative link to a file (`chart.png`, `data/plan.pdf`): one of the bundle's files, published
/// beside the brief's page and linked by its full path so that it also works in feeds. A relative
/// link without a file extension (`../timeline/`) is left as written.
fn bundle_file(
    decoded: &str,
    dest: &str,
    content_path: &str,
    links: &Links<'_>,
) -> Result<Option<String>, (String, Option<String>)> {
    let name = decoded.rsplit('/').next().unwrap_or(decoded);
    if !name.contains('.') || name.ends_with('.') {
        return Ok(None);
    }
    let rel = normalize("", decoded).filter(|_| !decoded.split('/').any(|p| p == ".."));
    let site_path = links.briefs.get(content_path);
    match (rel, site_path) {
        (Some(rel), Some(page)) if links.files.contains(&rel) => {
            let mut url = links.base.url(&format!("{page}{rel}"));
            if let Some((_, fragment)) = dest.split_once('#') {
                url.push('#');
                url.push_str(fragment);
            }
            Ok(Some(url))
        }
        _ => {
            let hint = if crate::brief::bundle::is_bundle(std::path::Path::new(content_path)) {
                "put the file in this brief's folder (beside index.md), or correct the name".to_string()
            } else {
                "a brief's images and files are published when the brief is a bundle: move it to a folder of its own as index.md, with the files beside it".to_string()
            };
            Err((format!("`{dest}` is not a file of this brief"), Some(hint)))
        }
    }
}

fn has_scheme(dest: &str) -> bool {
    match dest.find(':') {
        Some(i) => dest[..i].chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) && i > 0,
        None => false,
    }
}

/// Joins a relative path onto a folder, resolving `.` and `..`; `None` if it climbs out.
fn normalize(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// The path of `target` relative to folder `dir` (both `content/`-relative).
fn relative(dir: &str, target: &str) -> String {
    let d: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let t: Vec<&str> = target.split('/').collect();
    let common = d.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut out: Vec<&str> = vec![".."; d.len() - common];
    out.extend(&t[common..]);
    out.join("/")
}

/// A plain-text excerpt of the first paragraph, at most `max` characters, for list pages of
/// briefs without a `summary`. Stops parsing at the first paragraph's end.
pub fn excerpt(body: &str, max: usize) -> String {
    // pulldown-cmark scans the whole text into blocks before yielding the first event, so it is
    // given only the beginning: up to the end of the first block of text that is not a heading.
    // When that block is not a paragraph (a code block, a table), the whole body is read.
    let head = first_paragraph_region(body);
    match first_paragraph(head, max) {
        text if text.is_empty() && head.len() < body.len() => first_paragraph(body, max),
        text => text,
    }
}

fn first_paragraph(body: &str, max: usize) -> String {
    let mut text = String::new();
    let mut in_para = false;
    for event in Parser::new_ext(body, options()) {
        match event {
            Event::Start(Tag::Paragraph) => in_para = true,
            Event::End(TagEnd::Paragraph) if in_para && !text.trim().is_empty() => break,
            Event::Text(t) | Event::Code(t) if in_para => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_para => text.push(' '),
            _ => {}
        }
    }
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

/// The start of `body` through the first blank line that follows a line of text that is not a
/// heading: enough for the first paragraph, however long the rest of the brief.
fn first_paragraph_region(body: &str) -> &str {
    let mut seen_text = false;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let t = line.trim();
        if t.is_empty() && seen_text {
            return &body[..offset];
        }
        if !t.is_empty() && !t.starts_with('#') {
            seen_text = true;
        }
        offset += line.len();
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str) -> (Rendered, Vec<LinkProblem>) {
        let mut briefs = HashMap::new();
        briefs.insert("briefs/2024/a.md".to_string(), "briefs/a/".to_string());
        let base = BaseUrl::parse("https://user.github.io/archive/").unwrap();
        let links = Links { briefs: &briefs, base: &base, files: &[], unsafe_html: false };
        let mut problems = Vec::new();
        let r = render(body, "briefs/2024/b.md", &links, &Highlighter::default(), &mut problems);
        (r, problems)
    }

    fn run_unsafe(body: &str) -> String {
        let (briefs, base) = (HashMap::new(), BaseUrl::parse("https://a.kr/").unwrap());
        let links = Links { briefs: &briefs, base: &base, files: &[], unsafe_html: true };
        render(body, "briefs/b.md", &links, &Highlighter::default(), &mut Vec::new()).html
    }

    const HOSTILE: &str = "<script>alert(1)</script>\n\n\
        글 <img src=x onerror=alert(2)> 끝 <!-- note -->\n\n\
        [a](javascript:alert(3)) [b](JAVASCRIPT:x) <vbscript:msgbox> ![c](data:image/svg+xml,x)\n\n\
        [ref][r] [ok](https://korea.kr/) [mail](mailto:a@b.kr)\n\n\
        ## 제목 {onclick=alert(4) lang=en}\n\n\
        <iframe src=\"https://evil.example/\"></iframe>\n\n\
        [r]: java&#115;cript:alert(5)\n";

    #[test]
    fn raw_html_and_code_urls_are_dropped_by_default() {
        let (r, _) = run(HOSTILE);
        let html = r.html.to_lowercase();
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "href=\"vbscript:",
            "src=\"data:",
            "<iframe",
            "onclick",
            "<img",
        ] {
            assert!(!html.contains(bad), "{bad} survived: {}", r.html);
        }
        assert!(r.html.contains("href=\"https://korea.kr/\"") && r.html.contains("href=\"mailto:a@b.kr\""));
        assert!(r.html.contains("<p>a b vbscript:msgbox c</p>"), "link texts and alt texts stay: {}", r.html);
        assert!(r.html.contains("lang=\"en\""), "{}", r.html);
        let d = dropped(HOSTILE);
        let said: Vec<String> =
            d.iter().map(|d| format!("{}:{} {}", d.body_line, d.column, d.what)).collect();
        assert!(said.iter().any(|s| s.starts_with("0:1 raw HTML `<script>")), "{said:?}");
        assert!(said.iter().any(|s| s.starts_with("2:3 raw HTML `<img")), "{said:?}");
        assert!(!said.iter().any(|s| s.contains("note")), "comments are not reported: {said:?}");
        assert!(said.iter().any(|s| s.starts_with("4:1 the address `javascript:alert(3)`")), "{said:?}");
        assert!(said.iter().any(|s| s.contains("`javascript:alert(5)`")), "{said:?}");
        assert!(said.iter().any(|s| s.contains("`onclick`")), "{said:?}");
        assert!(said.iter().any(|s| s.contains("<iframe")), "{said:?}");
        assert!(dropped("[ok](https://korea.kr/) **b** <!-- c -->").is_empty());
    }

    #[test]
    fn unsafe_html_keeps_what_the_author_wrote() {
        let html = run_unsafe(HOSTILE);
        for kept in
            ["<script>alert(1)</script>", "onerror=alert(2)", "href=\"javascript:alert(3)\"", "<iframe"]
        {
            assert!(html.contains(kept), "{kept} lost: {html}");
        }
    }

    #[test]
    fn hangul_heading_ids_are_unique_and_nested_in_the_toc() {
        let (r, _) = run("## 추진 배경\n\n### 세부\n\n## 추진 배경\n\n## Custom {#mine}\n");
        assert!(r.html.contains("<h2 id=\"추진-배경\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"추진-배경-1\">"));
        assert!(r.html.contains("<h2 id=\"mine\">"));
        assert_eq!(r.toc.len(), 3);
        assert_eq!(r.toc[0].children[0].title, "세부");
    }

    #[test]
    fn links_to_briefs_are_rewritten_and_broken_ones_located() {
        let (r, p) = run("see [a](a.md#x) and [site](/budget/) and [web](https://x.org/a.md)\n\nline two [gone](nope.md)\n");
        assert!(r.html.contains("href=\"/archive/briefs/a/#x\""), "{}", r.html);
        assert!(r.html.contains("href=\"/archive/budget/\""));
        assert!(r.html.contains("href=\"https://x.org/a.md\""));
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].body_line, p[0].column), (2, 10));
        let (_, p) = run("[up](../2024/a.md) [far](../../../x.md)");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].message.contains("leaves the content folder"));
    }

    #[test]
    fn bundle_files_are_linked_by_full_path_and_missing_ones_located() {
        let mut briefs = HashMap::new();
        briefs.insert("briefs/summit/index.md".to_string(), "briefs/summit/".to_string());
        let base = BaseUrl::parse("https://user.github.io/archive/").unwrap();
        let files = vec!["chart.png".to_string(), "docs/plan.pdf".to_string()];
        let links = Links { briefs: &briefs, base: &base, files: &files, unsafe_html: false };
        let mut problems = Vec::new();
        let body = "![차트](chart.png) [계획](./docs/plan.pdf#page=2) [연표](../../timeline/)\n\n![없음](gone.png)\n";
        let r = render(body, "briefs/summit/index.md", &links, &Highlighter::default(), &mut problems);
        assert!(r.html.contains("src=\"/archive/briefs/summit/chart.png\""), "{}", r.html);
        assert!(r.html.contains("href=\"/archive/briefs/summit/docs/plan.pdf#page=2\""), "{}", r.html);
        assert!(r.html.contains("href=\"../../timeline/\""), "a page link is kept: {}", r.html);
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].body_line, problems[0].column), (2, 1));
        assert_eq!(problems[0].message, "`gone.png` is not a file of this brief");
        // Beside a brief that is not a bundle, the hint says how to make one.
        let (_, p) = run("![](chart.png)");
        assert!(p[0].hint.as_deref().unwrap().contains("bundle"), "{:?}", p[0]);
    }

    #[test]
    fn code_is_highlighted_with_classes_and_unknown_languages_stay_plain() {
        let (r, _) = run("```yaml\nkey: value\n```\n\n```nosuchlang\n<b>\n```\n");
        assert!(r.has_code);
        assert!(r.html.contains("class=\"hl-"), "{}", r.html);
        assert!(!r.html.contains("style="));
        assert!(r.html.contains("<code class=\"language-nosuchlang\">&lt;b&gt;\n</code>"), "{}", r.html);
    }

    #[test]
    fn reserved_ids_and_labelled_checkboxes() {
        let (r, _) = run("# Main\n\n- [x] done\n- [ ] todo\n");
        assert!(r.html.contains("<h1 id=\"main-1\">"), "{}", r.html);
        assert!(r.html.contains("checked aria-label=\"완료\"") && r.html.contains("aria-label=\"미완료\""));
    }

    #[test]
    fn the_code_stylesheet_is_written_for_light_and_dark() {
        let css = Highlighter::stylesheet();
        assert!(css.contains(".hl-") && css.contains("prefers-color-scheme: dark"));
        // InspiredGitHub's comment grey #969896 fails AA on white; it must have been darkened.
        assert!(!css.to_lowercase().contains("#969896"), "{css}");
    }

    #[test]
    fn extensions_are_on() {
        let (r, _) = run("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ - [x] done\n\nnote[^1]\n\n[^1]: foot\n");
        assert!(r.html.contains("<table>"));
        let (t, _) = run("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n");
        assert!(!t.html.contains("style="), "{}", t.html);
        assert!(
            t.html.contains("<td class=\"align-right\">3</td>") && t.html.contains("class=\"align-center\"")
        );
        assert!(r.html.contains("<del>x</del>"));
        assert!(r.html.contains("footnote"));
    }

    #[test]
    fn excerpt_takes_the_first_paragraph() {
        assert_eq!(excerpt("## 제목\n\n첫 **문단**입니다.\n둘째 줄\n\n다음", 100), "첫 문단입니다. 둘째 줄");
        assert_eq!(excerpt("가나다라마바사", 3), "가나다…");
        assert_eq!(excerpt("\n## 제목\n\n```\ncode\n```\n\n문단 **하나**.\n\n둘째 문단", 100), "문단 하나.");
        assert_eq!(first_paragraph_region("# a\n\nb\nc\n\nd\n"), "# a\n\nb\nc\n");
    }
}
