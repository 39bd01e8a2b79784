//! A template's tags as text, with where each starts: enough for the checks annals makes that
//! Tera 2 does not (Tera 1 constructs, components that recurse forever), since Tera 2 keeps its
//! syntax tree private.

/// What delimiters a tag has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// `{{ … }}`.
    Expr,
    /// `{% … %}`.
    Stmt,
}

/// One tag: its kind, the text between the delimiters (whitespace-control dashes removed) and
/// the byte offset of that text in the template.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tag<'a> {
    /// Expression or statement.
    pub kind: Kind,
    /// The tag's text, without delimiters.
    pub inner: &'a str,
    /// Byte offset of `inner` in the template.
    pub start: usize,
}

impl Tag<'_> {
    /// The statement's keyword (`for`, `macro`, `endraw`), or "" for an expression.
    pub fn keyword(&self) -> &str {
        if self.kind == Kind::Expr {
            return "";
        }
        let t = self.inner.trim_start();
        let end = t.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(t.len());
        &t[..end]
    }
}

/// Every `{{ }}` and `{% %}` tag of a template, in order; comments and `{% raw %}` blocks are
/// skipped, and a closing delimiter inside a string literal does not end a tag.
pub(super) fn tags(source: &str) -> Vec<Tag<'_>> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut in_raw = false;
    while let Some(at) = source[i..].find('{').map(|p| p + i) {
        let (kind, close) = match bytes.get(at + 1) {
            Some(b'{') => (Kind::Expr, "}}"),
            Some(b'%') => (Kind::Stmt, "%}"),
            Some(b'#') => {
                i = source[at..].find("#}").map_or(source.len(), |p| at + p + 2);
                continue;
            }
            _ => {
                i = at + 1;
                continue;
            }
        };
        let open = at + 2;
        let end = closing(source, open, close).unwrap_or(source.len());
        let (mut start, mut stop) = (open, end);
        if bytes.get(start) == Some(&b'-') {
            start += 1;
        }
        if stop > start && bytes[stop - 1] == b'-' {
            stop -= 1;
        }
        let tag = Tag { kind, inner: &source[start..stop], start };
        i = (end + 2).min(source.len());
        match (in_raw, tag.keyword()) {
            (false, "raw") => in_raw = true,
            (true, "endraw") => in_raw = false,
            (false, _) => out.push(tag),
            (true, _) => {}
        }
    }
    out
}

/// Where `close` ends a tag that opened at `from`, past string literals.
fn closing(source: &str, from: usize, close: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in source[from..].char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, '"' | '\'' | '`') => quote = Some(c),
            None if source[from + i..].starts_with(close) => return Some(from + i),
            None => {}
        }
    }
    None
}

/// The parts of a tag's text outside string literals, with their offsets in it: what names
/// and operators are searched in, so that text in quotes is never taken for code.
pub(super) fn code_parts(inner: &str) -> Vec<(usize, &str)> {
    let mut parts = Vec::new();
    let mut quote: Option<char> = None;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                start = i + 1;
            }
            Some(_) => {}
            None if matches!(c, '"' | '\'' | '`') => {
                parts.push((start, &inner[start..i]));
                quote = Some(c);
            }
            None => {}
        }
    }
    if quote.is_none() {
        parts.push((start, &inner[start..]));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_skip_comments_raw_blocks_and_delimiters_in_strings() {
        let src = "a {# {{ no }} #}{{ x | replace(from=\"}}\", to=\"\") }}{% raw %}{{ no }}{% endraw %}{%- if y -%}";
        let found: Vec<&str> = tags(src).iter().map(|t| t.inner.trim()).collect();
        assert_eq!(found, ["x | replace(from=\"}}\", to=\"\")", "if y"]);
        let t = tags(src)[1];
        assert_eq!(t.keyword(), "if");
        assert_eq!(&src[t.start..t.start + 5], " if y");
    }

    #[test]
    fn code_parts_leave_out_string_literals() {
        let parts: Vec<&str> = code_parts(" a::b(x=\"c::d\") ").into_iter().map(|(_, p)| p).collect();
        assert_eq!(parts, [" a::b(x=", ") "]);
    }
}
