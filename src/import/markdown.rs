//! Cleaned blocks → Markdown. Text is escaped so nothing from the input becomes markup (no raw
//! HTML, no accidental emphasis or strikethrough); list markers become nested lists and `*` notes
//! become footnotes.

use super::text::Block;

/// Placeholders for footnote references, out of the way of escaping.
const REF_OPEN: char = '\u{e000}';
const REF_CLOSE: char = '\u{e001}';

/// Escapes text for one Markdown line.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '~' | '&' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    // What would start a block construct at the start of a line.
    let first = out.chars().next();
    if matches!(first, Some('#' | '+' | '-' | '=')) {
        out.insert(0, '\\');
    } else if let Some(pos) = out.find(|c: char| !c.is_ascii_digit()) {
        if pos > 0 && out[pos..].starts_with(['.', ')']) {
            out.insert(pos, '\\');
        }
    }
    out
}

/// Finds `word*` (exactly `stars` stars after a non-space) in a block and marks it as reference `n`.
fn attach_reference(text: &mut String, stars: usize, n: usize) -> bool {
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].1 == '*' {
            let run_start = i;
            while i < bytes.len() && bytes[i].1 == '*' {
                i += 1;
            }
            let run = i - run_start;
            let after_word = run_start > 0 && !bytes[run_start - 1].1.is_whitespace();
            if run == stars && after_word {
                let start = bytes[run_start].0;
                let end = bytes.get(i).map(|b| b.0).unwrap_or(text.len());
                text.replace_range(start..end, &format!("{REF_OPEN}{n}{REF_CLOSE}"));
                return true;
            }
        } else {
            i += 1;
        }
    }
    false
}

fn finish(escaped: String) -> String {
    escaped.replace(REF_OPEN, "[^").replace(REF_CLOSE, "]")
}

/// Renders the blocks.
pub(crate) fn render(blocks: &[Block]) -> String {
    let mut blocks: Vec<Block> = blocks.to_vec();
    let mut notes: Vec<String> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        if let Block::Note { stars, text } = blocks[i].clone() {
            let n = notes.len() + 1;
            let attached = stars > 0
                && (0..i).rev().take(6).any(|j| match &mut blocks[j] {
                    Block::Para(t) | Block::Item { text: t, .. } => attach_reference(t, stars, n),
                    _ => false,
                });
            if attached {
                notes.push(text);
                blocks.remove(i);
                continue;
            }
            blocks[i] = Block::Para(format!("※ {text}"));
        }
        i += 1;
    }

    let mut out: Vec<String> = Vec::new();
    // (rank, indent of the item's content)
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut in_list = false;
    for block in &blocks {
        if let Block::Item { level, number, text, .. } = block {
            while stack.last().is_some_and(|(r, _)| r >= level) {
                stack.pop();
            }
            let indent = stack.last().map(|s| s.1).unwrap_or(0);
            let marker = match number {
                Some(n) => format!("{n}. "),
                None => "- ".to_string(),
            };
            stack.push((*level, indent + marker.len()));
            let line = format!("{}{marker}{}", " ".repeat(indent), finish(escape(text)));
            if in_list {
                let last = out.last_mut().expect("a list has a line");
                last.push('\n');
                last.push_str(&line);
            } else {
                out.push(line);
            }
            in_list = true;
            continue;
        }
        in_list = false;
        stack.clear();
        out.push(match block {
            Block::Deck(t) => format!("**{}**", escape(t)),
            Block::Heading(t) => format!("## {}", escape(t)),
            Block::Para(t) => finish(escape(t)),
            Block::Note { text, .. } => finish(escape(text)),
            Block::Item { .. } => unreachable!("handled above"),
        });
    }
    for (k, note) in notes.iter().enumerate() {
        out.push(format!("[^{}]: {}", k + 1, escape(note)));
    }
    let mut body = out.join("\n\n");
    body.push('\n');
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("<b>30억~100억원</b>"), r"\<b\>30억\~100억원\</b\>");
        assert_eq!(escape("# 아님"), r"\# 아님");
        assert_eq!(escape("2024. 3. 5."), r"2024\. 3. 5.");
    }

    #[test]
    fn nests_lists_and_makes_footnotes() {
        let blocks = vec![
            Block::Item {
                level: 0, number: None, marker: '□', text: "정부는 바우처* 사업을 한다.".into()
            },
            Block::Item { level: 1, number: None, marker: 'ㅇ', text: "세부 내용".into() },
            Block::Note { stars: 1, text: "중소기업 지원 제도".into() },
            Block::Para("끝.".into()),
        ];
        assert_eq!(
            render(&blocks),
            "- 정부는 바우처[^1] 사업을 한다.\n  - 세부 내용\n\n끝.\n\n[^1]: 중소기업 지원 제도\n"
        );
    }
}
