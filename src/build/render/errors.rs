//! Template errors as diagnostics an author can act on: the template file, line and column Tera
//! gives; one mistake on many pages reported once.

use crate::build::theme::Theme;
use crate::diagnostics::{line_col, Diagnostic};
use std::path::PathBuf;
use tera::ErrorKind;

/// One template mistake fails every page that uses the template: report it once, with a count.
pub(super) fn merge_repeats(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    const MARK: &str = " (while rendering ";
    crate::diagnostics::sort(&mut problems);
    let mut out: Vec<(Diagnostic, usize)> = Vec::new();
    for d in problems {
        let base = |m: &str| m.split(MARK).next().unwrap_or("").to_string();
        match out.last_mut() {
            Some((last, n))
                if last.path == d.path && last.line == d.line && base(&last.message) == base(&d.message) =>
            {
                *n += 1
            }
            _ => out.push((d, 1)),
        }
    }
    out.into_iter()
        .map(|(mut d, n)| {
            if n > 1 {
                d.message = d.message.replacen(MARK, &format!(" (on {n} pages, first while rendering "), 1);
            }
            d
        })
        .collect()
}

/// The prefix of a page or file that could not be written.
pub(super) const CANNOT_WRITE: &str = "cannot write: ";

/// A full disk fails every page alike: one line for all the files that failed for one reason,
/// naming the first, instead of one line per file.
pub(super) fn merge_write_errors(problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let (writes, mut out): (Vec<Diagnostic>, Vec<Diagnostic>) =
        problems.into_iter().partition(|d| d.message.starts_with(CANNOT_WRITE));
    let mut groups: Vec<(Diagnostic, usize)> = Vec::new();
    for d in writes {
        match groups.iter_mut().find(|(g, _)| g.message == d.message) {
            Some((_, n)) => *n += 1,
            None => groups.push((d, 1)),
        }
    }
    for (mut d, n) in groups {
        if n > 1 {
            let cause = &d.message[CANNOT_WRITE.len()..];
            d.message = format!("cannot write {n} files ({} and {} more): {cause}", d.path.display(), n - 1);
        }
        out.push(d);
    }
    out
}

/// A Tera error as diagnostics naming the template file, line and column. Tera 2 locates
/// errors itself: syntax and rendering errors carry a span; the checks it makes once all
/// templates are in (unknown filters, functions, components) come as text with one
/// ` --> name:line:col` per problem, each of which becomes its own diagnostic.
pub(super) fn template_errors(theme: &Theme, e: &tera::Error, page: Option<&str>) -> Vec<Diagnostic> {
    let mut out = match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let text = e.to_string();
            let called = text.split("note: called from ").skip(1).filter_map(|n| n.lines().next());
            let called: Vec<&str> = called.collect();
            let mut d = located(theme, r.filename(), r.span().range.start, r.span().start_line, r.message());
            if !called.is_empty() {
                d.message.push_str(&format!(" (called from {})", called.join(", ")));
            }
            vec![d]
        }
        _ => reports_in_text(theme, &e.to_string()),
    };
    for d in &mut out {
        if let Some(p) = page {
            d.message.push_str(&format!(" (while rendering {p})"));
        }
    }
    out
}

/// The first of [`template_errors`], for callers that report one problem per page.
pub(super) fn template_error(theme: &Theme, e: &tera::Error, page: Option<&str>) -> Diagnostic {
    template_errors(theme, e, page).swap_remove(0)
}

/// A diagnostic at a byte offset of a template (`line` is Tera's, used when the template's
/// text is not at hand).
fn located(theme: &Theme, template: &str, offset: usize, line: usize, message: &str) -> Diagnostic {
    let (line, col) = match theme.templates.iter().find(|t| t.name == template) {
        Some(t) => line_col(&String::from_utf8_lossy(&t.bytes), offset),
        None => (line, 0),
    };
    let path = if template.is_empty() { PathBuf::from("templates") } else { theme.origin(template) };
    let hint = if message.contains("not defined") || message.contains("not found in") {
        "Tera 2 makes a missing variable or field an error: test it first (`{% if x is defined %}`, \
         `{% if page.x %}`) or write `x?.y or \"fallback\"`; docs/templates.md lists the variables each template gets"
    } else {
        "docs/templates.md lists the variables each template gets"
    };
    Diagnostic::error(path, line, col, format!("template error: {}", message.trim())).with_hint(hint)
}

/// Problems Tera gives as text: each `error: message` followed by ` --> name:line:col`; a
/// message with no position is one diagnostic on the templates folder.
fn reports_in_text(theme: &Theme, text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for block in text.split("error: ").filter(|b| !b.trim().is_empty()) {
        let message = block.lines().next().unwrap_or("").trim();
        let Some(at) = block.find("--> ") else { continue };
        let place = block[at + 4..].lines().next().unwrap_or("");
        let mut parts = place.rsplitn(3, ':');
        let (col, line, name) = (parts.next(), parts.next(), parts.next());
        let (Some(col), Some(line), Some(name)) = (col, line, name) else { continue };
        let (line, col): (usize, usize) = (line.parse().unwrap_or(0), col.parse().unwrap_or(0));
        let mut d = located(theme, name, 0, line, message);
        d.line = line;
        d.column = col;
        out.push(d);
    }
    if out.is_empty() {
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or(text);
        out.push(unplaced(theme, first));
    }
    out
}

/// A message without a position, as Tera gives for a component defined in two templates
/// ("Component `card` is defined in both `a.html` and `b.html`"): placed in the last template it
/// quotes, at the first line mentioning the first other name it quotes.
fn unplaced(theme: &Theme, message: &str) -> Diagnostic {
    let quoted: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    let is_template = |q: &str| theme.templates.iter().any(|t| t.name == q);
    let template = quoted.iter().rev().find(|q| is_template(q)).copied().unwrap_or("");
    let needle = quoted.iter().find(|q| !is_template(q) && !q.is_empty());
    let source =
        theme.templates.iter().find(|t| t.name == template).map(|t| String::from_utf8_lossy(&t.bytes));
    let offset = match (needle, &source) {
        (Some(n), Some(s)) => s.find(&format!("component {n}")).or_else(|| s.find(*n)),
        _ => None,
    };
    let mut d = located(theme, template, offset.unwrap_or(0), 0, message);
    if offset.is_none() {
        (d.line, d.column) = (0, 0);
    }
    d
}
