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

/// 1-based (line, column in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
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
}
