//! A second reading of front matter that serde_yaml refused, to name the mistake an author made
//! where they made it. libyaml reports where its parser gave up, which for an unclosed quote is
//! the next key (or the end of the block), and words like "a character that cannot start any
//! token" for a tab; this scan finds the tab, the open quote or the repeated key on its own line.

/// One mistake found by the scan, at a line of the file the YAML came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// The first mistake in `yaml`, by line, if the scan recognises one; `first_line` is the file
/// line of the YAML's first line, so that lines in messages are the file's.
pub fn first_mistake(yaml: &str, first_line: usize) -> Option<Mistake> {
    let mut keys = KeyScopes::default();
    for (i, line) in yaml.lines().enumerate() {
        let n = i + first_line;
        if let Some(m) = tab_indent(line, n).or_else(|| open_quote(line, n)) {
            return Some(m);
        }
        if let Some(m) = keys.visit(line, n) {
            return Some(m);
        }
    }
    None
}

fn tab_indent(line: &str, n: usize) -> Option<Mistake> {
    let lead: String = line.chars().take_while(|c| c.is_whitespace() || *c == '-').collect();
    let col = lead.chars().position(|c| c == '\t')? + 1;
    Some(Mistake {
        line: n,
        column: col,
        message: "a tab indents this line; YAML indents with spaces only".into(),
        hint: "replace the tab with spaces (two per level, as on the other lines)".into(),
    })
}

/// A value that opens a quote and does not close it on its line.
fn open_quote(line: &str, n: usize) -> Option<Mistake> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        return None;
    }
    let item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
    let value = match key_of(item) {
        Some((_, rest)) => rest,
        None if trimmed.starts_with("- ") => item,
        None => return None,
    };
    let value_trim = value.trim_start();
    let quote = value_trim.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    if closes(&value_trim[1..], quote) {
        return None;
    }
    let col = line.chars().count() - value_trim.chars().count() + 1;
    Some(Mistake {
        line: n,
        column: col,
        message: format!("the quote {quote} opened here is never closed"),
        hint: format!("end the value with {quote} on the same line"),
    })
}

fn closes(rest: &str, quote: char) -> bool {
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                // `''` inside a single-quoted value is an escaped quote, not the end.
                if quote == '\'' && chars.peek() == Some(&'\'') {
                    chars.next();
                } else {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// `key: rest` → (`key`, `rest`) for a plain key.
fn key_of(text: &str) -> Option<(&str, &str)> {
    let colon = text.find(':')?;
    let key = &text[..colon];
    let rest = &text[colon + 1..];
    let plain = !key.is_empty()
        && !key.starts_with(['"', '\'', '[', '{', '#'])
        && !key.contains(' ')
        && (rest.is_empty() || rest.starts_with(' '));
    plain.then_some((key, rest))
}

/// The keys seen in each open mapping, by indentation, to find one given twice.
#[derive(Default)]
struct KeyScopes {
    scopes: Vec<(usize, Vec<(String, usize)>)>,
}

impl KeyScopes {
    fn visit(&mut self, line: &str, n: usize) -> Option<Mistake> {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return None;
        }
        let mut indent = line.len() - trimmed.len();
        let mut text = trimmed;
        if let Some(rest) = trimmed.strip_prefix("- ") {
            // A list item opens a new mapping at the column of its first key.
            indent += 2;
            self.scopes.retain(|(i, _)| *i < indent);
            self.scopes.push((indent, Vec::new()));
            text = rest.trim_start();
        }
        self.scopes.retain(|(i, _)| *i <= indent);
        let (key, _) = key_of(text)?;
        if self.scopes.last().is_none_or(|(i, _)| *i != indent) {
            self.scopes.push((indent, Vec::new()));
        }
        let keys = &mut self.scopes.last_mut().expect("pushed above").1;
        if let Some((_, first)) = keys.iter().find(|(k, _)| k == key) {
            return Some(Mistake {
                line: n,
                column: line[..indent].chars().count() + 1,
                message: format!("`{key}` is given twice (first on line {first})"),
                hint: format!("keep one `{key}:` and delete the other"),
            });
        }
        keys.push((key.to_string(), n));
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(yaml: &str) -> (usize, usize, String) {
        let m = first_mistake(yaml, 1).expect("a mistake");
        (m.line, m.column, m.message)
    }

    #[test]
    fn finds_a_tab_where_it_is() {
        assert_eq!(at("region:\n\t- 서울\n").0, 2);
        assert_eq!(at("region:\n  -\t서울\n").1, 4);
        assert!(at("a:\n\t- b\n").2.contains("tab"));
    }

    #[test]
    fn finds_the_line_of_an_unclosed_quote() {
        assert_eq!(
            at("title: \"열린 따옴표\ndate: 2024-01-01\n"),
            (1, 8, "the quote \" opened here is never closed".into())
        );
        assert_eq!(at("a: ok\nregion:\n  - '서울\n").0, 3);
        assert!(first_mistake("title: \"닫힌 \\\" 따옴표\"\nb: 'it''s'\n", 1).is_none());
    }

    #[test]
    fn finds_the_second_of_two_keys() {
        assert_eq!(
            at("title: a\ndate: 2024-01-01\ntitle: b\n"),
            (3, 1, "`title` is given twice (first on line 1)".into())
        );
        // The same key in two list items, or nested under two keys, is not a repeat.
        assert!(first_mistake("budget:\n  - item: a\n    amount: 1\n  - item: b\n    amount: 2\nsource:\n  url: x\nextra:\n  url: y\n", 1).is_none());
        assert_eq!(at("budget:\n  - item: a\n    item: b\n").0, 3);
        // Lines are the file's when the YAML starts further down.
        assert_eq!(first_mistake("a: 1\na: 2\n", 2).unwrap().message, "`a` is given twice (first on line 2)");
    }
}
