//! Template errors as diagnostics an author can act on: the template file and, where Tera does
//! not say, the line found by the name it quotes; one mistake on many pages reported once.

use crate::build::theme::Theme;
use crate::diagnostics::Diagnostic;
use std::error::Error as _;
use std::path::PathBuf;

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

/// Tera reports no position for errors found while rendering ("Variable `brief.x` not found",
/// "Filter 'y' not found"). The name it quotes is looked up in the template's text instead:
/// the first line that mentions it is almost always the culprit.
fn locate_runtime_error(theme: &Theme, template: &str, text: &str) -> (usize, usize) {
    let quoted = text
        .split(['`', '\''])
        .skip(1)
        .step_by(2)
        .find(|q| !q.is_empty() && !q.contains(".html") && !q.contains(".xml") && !q.contains(".txt"));
    let (Some(needle), Some(file)) = (quoted, theme.templates.iter().find(|t| t.name == template)) else {
        return (0, 0);
    };
    let source = String::from_utf8_lossy(&file.bytes);
    for (i, line) in source.lines().enumerate() {
        if let Some(pos) = line.find(needle) {
            return (i + 1, line[..pos].chars().count() + 1);
        }
    }
    (0, 0)
}

/// A Tera error as a diagnostic naming the template file and, when Tera knows it, the line.
pub(super) fn template_error(theme: &Theme, e: &tera::Error, page: Option<&str>) -> Diagnostic {
    let mut chain = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let text = chain.join(": ");
    // Tera names templates in quotes: "Failed to render 'brief.html'" / "Failed to parse \"x.html\"".
    let name = chain
        .iter()
        .find_map(|m| m.split(['\'', '"']).nth(1).filter(|n| n.contains('.')))
        .unwrap_or("")
        .to_string();
    let (line, col) = text
        .find("--> ")
        .and_then(|i| {
            let rest = &text[i + 4..];
            let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ':')).unwrap_or(rest.len());
            let (l, c) = rest[..end].split_once(':')?;
            Some((l.parse().ok()?, c.parse().ok()?))
        })
        .unwrap_or((0, 0));
    let (line, col) = if line == 0 { locate_runtime_error(theme, &name, &text) } else { (line, col) };
    let path: PathBuf = if name.is_empty() { PathBuf::from("templates") } else { theme.origin(&name) };
    let mut message = format!("template error: {}", chain.last().map(|s| s.trim()).unwrap_or(""));
    if chain.len() > 1 {
        message = format!(
            "template error: {}",
            chain[1..].join(": ").lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join(" ")
        );
    }
    if let Some(p) = page {
        message.push_str(&format!(" (while rendering {p})"));
    }
    Diagnostic::error(path, line, col, message)
        .with_hint("docs/templates.md lists the variables each template gets")
}
