//! Problems found in a site's files, reported to authors as `path:line:column: message` plus a
//! hint. Every stage collects them instead of stopping at the first, so one run shows them all.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build fails.
    Error,
    /// Reported, the build goes on.
    Warning,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the author knows it (relative to the site root when possible).
    pub path: PathBuf,
    /// 1-based line in the file; 0 when the problem is about the whole file.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when we can say.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at a place in a file.
    pub fn error(path: impl AsRef<Path>, line: usize, column: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.as_ref().to_path_buf(),
            line,
            column,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning at a place in a file.
    pub fn warning(path: impl AsRef<Path>, line: usize, column: usize, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(path, line, column, message) }
    }

    /// The same problem, reported as a warning.
    pub fn into_warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Adds a hint saying how to fix the problem.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this problem fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {kind}: {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Sorts problems by file, then line, so reports read top to bottom.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.line, a.column, &a.message).cmp(&(&b.path, b.line, b.column, &b.message))
    });
}

/// The closest candidate to `word`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Compared letter by letter in decomposed form: a Hangul typo changes one jamo (부샨 → 부산),
    // which is a whole different syllable to a character-level measure.
    use unicode_normalization::UnicodeNormalization;
    let word: String = word.nfd().collect();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.nfd().collect::<String>()), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// How many jamo (or letters) must change to turn `a` into `b`: `부싼` → `부산` is one.
pub fn jamo_distance(a: &str, b: &str) -> usize {
    use unicode_normalization::UnicodeNormalization;
    strsim::levenshtein(&a.nfd().collect::<String>(), &b.nfd().collect::<String>())
}

/// A site.toml parse error at the place it points to.
pub fn toml_error(path: &Path, text: &str, e: &toml::de::Error) -> Diagnostic {
    let (line, col) = match e.span() {
        Some(span) => line_col(text, span.start),
        None => (0, 0),
    };
    let message = e.message().trim().to_string();
    let d = Diagnostic::error(path, line, col, format!("site.toml: {message}"));
    if message.starts_with("unknown field") {
        d.with_hint("check the spelling against docs/configuration.md")
    } else {
        d
    }
}

/// 1-based (line, column in characters) of a byte offset. For one lookup; many lookups in one
/// text use a [`LineIndex`].
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).position(offset)
}

/// The one way a place in a text becomes `line:column` (1-based, columns in characters, as
/// editors count them). Built only when a message needs a place: building pages never pays.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    first_line: usize,
}

impl<'a> LineIndex<'a> {
    /// An index of a whole file.
    pub fn new(text: &'a str) -> Self {
        LineIndex::starting_at(text, 1)
    }

    /// An index of part of a file whose first line is file line `first_line` (front matter,
    /// a body).
    pub fn starting_at(text: &'a str, first_line: usize) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, starts, first_line }
    }

    /// Line and column of a byte offset (clamped to the text, moved back to a character start).
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        (line + self.first_line, self.text[self.starts[line]..offset].chars().count() + 1)
    }

    /// The place of the first line for which `find` gives a byte offset within the line.
    pub fn find_line(&self, find: impl Fn(&str) -> Option<usize>) -> Option<(usize, usize)> {
        self.text.split('\n').enumerate().find_map(|(i, line)| {
            let at = find(line)?;
            Some((i + self.first_line, line[..at.min(line.len())].chars().count() + 1))
        })
    }

    /// The place of the first occurrence of `needle`.
    pub fn find(&self, needle: &str) -> Option<(usize, usize)> {
        self.text.find(needle).map(|at| self.position(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_path_line_column_and_hint() {
        let d = Diagnostic::error("content/a.md", 3, 7, "bad").with_hint("fix it");
        assert_eq!(d.to_string(), "content/a.md:3:7: error: bad\n  hint: fix it");
        let w = Diagnostic::warning("site.toml", 0, 0, "odd");
        assert_eq!(w.to_string(), "site.toml: warning: odd");
    }

    #[test]
    fn suggests_near_names_only() {
        let keys = ["title", "date", "region", "sector"];
        assert_eq!(did_you_mean("regoin", keys), Some("region"));
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("zzz", keys), None);
        assert_eq!(did_you_mean("부샨", ["부산", "울산", "서울"]), Some("부산"));
        assert_eq!(did_you_mean("호남", ["영남권", "호남권"]), Some("호남권"));
    }

    #[test]
    fn counts_jamo_not_syllables() {
        assert_eq!(jamo_distance("부싼", "부산"), 1);
        assert_eq!(jamo_distance("부산", "부산"), 0);
        assert_eq!(jamo_distance("서울", "부산"), 5);
    }

    #[test]
    fn places_count_lines_from_one_and_columns_in_characters() {
        let text = "title: x\nregion: [서울, 부싼]\n";
        let index = LineIndex::new(text);
        assert_eq!(index.find("부싼"), Some((2, 14)));
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(text.len()), (3, 1));
        // An offset inside a character is moved back to its start.
        assert_eq!(index.position(text.find("부싼").unwrap() + 1), (2, 14));
        let body = LineIndex::starting_at("a\nb", 7);
        assert_eq!(body.find("b"), Some((8, 1)));
        assert_eq!(index.find_line(|l| l.strip_prefix("region").map(|_| 0)), Some((2, 1)));
        assert_eq!(index.find("없음"), None);
    }
}
