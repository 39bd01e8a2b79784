//! A brief → its file: YAML front matter (emitted by serde_yaml, so every string is quoted as it
//! needs) in the order of the brief format, the Markdown body, and a file name
//! `<date>-<slug>.md`. Files are written whole (a temporary file, then a link or rename) and never
//! replace an existing brief unless forced.

use serde::Serialize;
use std::io;
use std::io::Write as _;
use std::path::Path;

use crate::brief::money::brief_text;
use crate::brief::slug::{slugify, SlugStyle};

use super::Brief;

/// The front matter as written: the fields of [`crate::brief::frontmatter::FrontMatter`] that
/// an import fills, in the order of the brief format, each left out when empty.
#[derive(Serialize)]
struct Written<'a> {
    date: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    summary: &'a str,
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
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    draft: bool,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    review: &'a [String],
}

#[derive(Serialize)]
struct BudgetOut<'a> {
    item: &'a str,
    amount: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sector: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part_of: Option<&'a str>,
}

#[derive(Serialize)]
struct AttendeeOut<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    role: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    org: &'a str,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    publisher: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    author: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
}

/// The brief as file content: front matter between `---` lines, then the body. What
/// `brief::frontmatter` reads back from it is `brief.front` (tests/import.rs checks this).
pub fn render(brief: &Brief) -> String {
    let f = &brief.front;
    let fm = Written {
        date: f.date.iso_date(),
        summary: &f.summary,
        region: &f.region,
        sector: &f.sector,
        agenda: &f.agenda,
        budget: f
            .budget
            .iter()
            .map(|l| BudgetOut {
                item: &l.item,
                amount: brief_text(l.amount),
                region: l.region.as_deref(),
                sector: l.sector.as_deref(),
                part_of: l.part_of.as_deref(),
            })
            .collect(),
        attendees: f
            .attendees
            .iter()
            .map(|a| AttendeeOut { name: &a.name, role: &a.role, org: &a.org })
            .collect(),
        source: f.source.as_ref().map(|s| SourceOut {
            publisher: &s.publisher,
            author: &s.author,
            url: &s.url,
            published: s.published.map(|p| p.rfc3339()),
        }),
        draft: f.draft,
        review: &f.review,
    };
    let yaml = serde_yaml::to_string(&fm).expect("front matter of plain strings serialises");
    // The title is always double-quoted (a JSON string is a YAML double-quoted scalar), so that
    // `yes`, `2024`, `--- 속보` or `a > b` stay text for every YAML reader, 1.1 ones included.
    let title = serde_json::to_string(&f.title).expect("a string serialises");
    format!("---\ntitle: {title}\n{yaml}---\n{}", brief.body)
}

/// A file-name slug from a title: the site's slugifier (so `slugify = "ascii"` holds for
/// imported briefs too), at most 60 characters, cut at a word boundary when possible.
pub fn slug(title: &str, style: SlugStyle) -> String {
    let out = slugify(title, style);
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
pub fn file_name(brief: &Brief, style: SlugStyle) -> String {
    format!("{}-{}.md", brief.front.date.iso_date(), slug(&brief.front.title, style))
}

/// Writes `content` to `target` whole. Without `force` an existing file is left alone and
/// `Ok(false)` returned.
pub fn write_new(target: &Path, content: &str, force: bool) -> io::Result<bool> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    if !force && target.exists() {
        return Ok(false);
    }
    // A temporary file beside the target, then a rename (forced) or a no-clobber link: no
    // window in which another import could be overwritten or a half-written brief read.
    let mut tmp = tempfile::Builder::new().prefix(".annals-import.").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(content.as_bytes())?;
    if force {
        tmp.persist(target).map(|_| true).map_err(|e| e.error)
    } else {
        match tmp.persist_noclobber(target) {
            Ok(_) => Ok(true),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists || target.exists() => Ok(false),
            Err(e) => Err(e.error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_hangul_and_drop_punctuation() {
        assert_eq!(
            slug("정부, AI 경쟁력 강화에 칼 뽑았다…", SlugStyle::Unicode),
            "정부-ai-경쟁력-강화에-칼-뽑았다"
        );
        assert_eq!(slug("“따옴표” 제목: 부제!", SlugStyle::Unicode), "따옴표-제목-부제");
        assert_eq!(slug("AI 반도체 지원", SlugStyle::Ascii), "ai-bandoche-jiwon");
        assert_eq!(slug("???", SlugStyle::Unicode), "brief");
        assert!(slug(&"가나다 ".repeat(40), SlugStyle::Unicode).chars().count() <= 60);
    }
}
