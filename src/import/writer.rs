//! A brief → its file: YAML front matter (emitted by serde_yaml, so every string is quoted as it
//! needs) in the order of the brief format, the Markdown body, and a file name
//! `<date>-<slug>.md`. Files are written whole (a temporary file, then a link or rename) and never
//! replace an existing brief unless forced.

use serde::Serialize;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use unicode_normalization::UnicodeNormalization;

use super::Brief;

#[derive(Serialize)]
struct FrontMatter<'a> {
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    region: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    sector: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    agenda: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    budget: Vec<BudgetOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    attendees: Vec<AttendeeOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceOut<'a>>,
    /// A brief with open `review` points is a draft until its author clears them.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    draft: bool,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    review: &'a [String],
}

#[derive(Serialize)]
struct BudgetOut<'a> {
    item: &'a str,
    amount: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    part_of: Option<&'a str>,
}

#[derive(Serialize)]
struct AttendeeOut<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    org: Option<&'a str>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
}

/// The brief as file content: front matter between `---` lines, then the body.
pub fn render(brief: &Brief) -> String {
    let s = &brief.source;
    let source = (s.publisher.is_some() || s.author.is_some() || s.url.is_some() || s.published.is_some())
        .then(|| SourceOut {
            publisher: s.publisher.as_deref(),
            author: s.author.as_deref(),
            url: s.url.as_deref(),
            published: s.published.map(|p| p.to_rfc3339()),
        });
    let fm = FrontMatter {
        date: brief.date.format("%Y-%m-%d").to_string(),
        summary: brief.summary.as_deref(),
        region: &brief.region,
        sector: &brief.sector,
        agenda: &brief.agenda,
        budget: brief
            .budget
            .iter()
            .map(|l| BudgetOut { item: &l.item, amount: &l.amount_text, part_of: l.part_of.as_deref() })
            .collect(),
        attendees: brief
            .attendees
            .iter()
            .map(|a| AttendeeOut { name: &a.name, role: a.role.as_deref(), org: a.org.as_deref() })
            .collect(),
        source,
        draft: !brief.review.is_empty(),
        review: &brief.review,
    };
    let yaml = serde_yaml::to_string(&fm).expect("front matter of plain strings serialises");
    // The title is always double-quoted (a JSON string is a YAML double-quoted scalar), so that
    // `yes`, `2024`, `--- 속보` or `a > b` stay text for every YAML reader, 1.1 ones included.
    let title = serde_json::to_string(&brief.title).expect("a string serialises");
    format!("---\ntitle: {title}\n{yaml}---\n{}", brief.body)
}

/// A slug from a title: NFC, lowercase, words joined by `-`, punctuation dropped, Hangul kept,
/// at most 60 characters (cut at a word boundary when possible).
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.nfc().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if (c.is_whitespace() || matches!(c, '-' | '_' | '·' | '/' | '…'))
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let mut cut: String = out.chars().take(60).collect();
    if cut.len() < out.len() {
        if let Some(i) = cut.rfind('-').filter(|&i| i >= 20) {
            cut.truncate(i);
        }
    }
    if cut.is_empty() {
        "brief".to_string()
    } else {
        cut
    }
}

/// `<date>-<slug>.md`.
pub fn file_name(brief: &Brief) -> String {
    format!("{}-{}.md", brief.date.format("%Y-%m-%d"), slug(&brief.title))
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Writes `content` to `target` whole. Without `force` an existing file is left alone and
/// `Ok(false)` returned.
pub fn write_new(target: &Path, content: &str, force: bool) -> io::Result<bool> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    if !force && target.exists() {
        return Ok(false);
    }
    let tmp = dir.join(format!(
        ".{}.{}.{}.tmp",
        target.file_name().and_then(|n| n.to_str()).unwrap_or("brief"),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&tmp, content)?;
    let result = if force {
        std::fs::rename(&tmp, target).map(|_| true)
    } else {
        // A hard link fails if the target exists: no window in which another import could be
        // overwritten.
        match std::fs::hard_link(&tmp, target) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
            Err(_) if !target.exists() => std::fs::rename(&tmp, target).map(|_| true),
            Err(_) => Ok(false),
        }
    };
    let _ = std::fs::remove_file(&tmp);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_hangul_and_drop_punctuation() {
        assert_eq!(slug("정부, AI 경쟁력 강화에 칼 뽑았다…"), "정부-ai-경쟁력-강화에-칼-뽑았다");
        assert_eq!(slug("“따옴표” 제목: 부제!"), "따옴표-제목-부제");
        assert_eq!(slug("???"), "brief");
        assert!(slug(&"가나다 ".repeat(40)).chars().count() <= 60);
    }
}
