//! `annals new`: a new brief with valid front matter, written where briefs live, never over an
//! existing file.

use crate::brief::dates::parse_date;
use crate::brief::slug::slugify;
use crate::build::config::Config;
use crate::build::content::CONTENT_DIR;
use std::io::Write;
use std::path::PathBuf;

/// What the author gave on the command line.
#[derive(Debug, Clone, Default)]
pub struct NewBrief {
    /// The headline.
    pub title: String,
    /// `YYYY-MM-DD` or RFC 3339; today in the site time zone when absent.
    pub date: Option<String>,
    /// Regions.
    pub regions: Vec<String>,
    /// Sectors.
    pub sectors: Vec<String>,
    /// URL name; made from the title when absent.
    pub slug: Option<String>,
}

/// Why a brief could not be created.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The title is empty.
    #[error("the title is empty")]
    EmptyTitle,
    /// The date cannot be read.
    #[error("--date: {0}")]
    BadDate(String),
    /// No slug can be made.
    #[error("cannot make a URL name from `{0}`; pass --slug with letters or digits")]
    NoSlug(String),
    /// The given slug is not URL-safe.
    #[error("the slug `{given}` is not URL-safe; use `{clean}`")]
    BadSlug {
        /// As given.
        given: String,
        /// What it would have to be.
        clean: String,
    },
    /// A file of that name exists.
    #[error("{0} already exists; annals new never overwrites a file (pass another --slug or --date)")]
    Exists(PathBuf),
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// Writes the brief under `content/briefs/` and returns its path relative to the site folder.
pub fn create(config: &Config, brief: &NewBrief) -> Result<PathBuf, NewError> {
    let title = brief.title.trim();
    if title.is_empty() {
        return Err(NewError::EmptyTitle);
    }
    let date_text = match &brief.date {
        Some(d) => {
            parse_date(d, config.timezone).map_err(NewError::BadDate)?;
            d.trim().to_string()
        }
        None => chrono::Utc::now().with_timezone(&config.timezone).format("%Y-%m-%d").to_string(),
    };
    let slug = match &brief.slug {
        Some(s) => {
            let clean = slugify(s, config.slugify);
            if &clean != s {
                return Err(NewError::BadSlug { given: s.clone(), clean });
            }
            clean
        }
        None => slugify(title, config.slugify),
    };
    if slug.is_empty() {
        return Err(NewError::NoSlug(title.to_string()));
    }
    let day = &date_text[..10.min(date_text.len())];
    let rel = PathBuf::from(CONTENT_DIR).join("briefs").join(format!("{day}-{slug}.md"));
    let path = config.root.join(&rel);
    let text = front_matter(title, &date_text, brief, brief.slug.is_some().then_some(slug.as_str()));
    let dir = path.parent().expect("a file in a folder");
    std::fs::create_dir_all(dir).map_err(|source| NewError::Io { path: dir.to_path_buf(), source })?;
    // create_new: fails instead of replacing, even if the file appears between check and write.
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            NewError::Exists(rel.clone())
        } else {
            NewError::Io { path: rel.clone(), source: e }
        }
    })?;
    file.write_all(text.as_bytes()).map_err(|source| NewError::Io { path: rel.clone(), source })?;
    Ok(rel)
}

/// A YAML string, quoted so that any title (`정부: AI 전략`, `"인용"`) stays one string.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

fn list(values: &[String]) -> String {
    format!("[{}]", values.iter().map(|v| quoted(v)).collect::<Vec<_>>().join(", "))
}

fn front_matter(title: &str, date: &str, brief: &NewBrief, slug: Option<&str>) -> String {
    let mut out = String::from("---\n");
    out.push_str(&format!("title: {}\n", quoted(title)));
    out.push_str(&format!("date: {date}\n"));
    out.push_str("summary: \"\"\n");
    out.push_str(&format!("region: {}\n", list(&brief.regions)));
    out.push_str(&format!("sector: {}\n", list(&brief.sectors)));
    out.push_str("agenda: []\n");
    out.push_str("budget: []\n");
    out.push_str("attendees: []\n");
    if let Some(s) = slug {
        out.push_str(&format!("slug: {s}\n"));
    }
    out.push_str("draft: true\n---\n\n");
    out.push_str("## 개요\n\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::frontmatter::{parse, split, Rules};
    use std::path::Path;

    fn site() -> (tempfile::TempDir, Config) {
        let tmp = tempfile::tempdir().unwrap();
        let c = Config::parse(
            tmp.path(),
            Path::new("site.toml"),
            "title = \"t\"\nbase_url = \"https://x.org/\"\n",
        )
        .unwrap();
        (tmp, c)
    }

    #[test]
    fn writes_a_brief_that_reads_back() {
        let (_tmp, config) = site();
        let brief = NewBrief {
            title: "정부: \"AI\" 전략 발표".into(),
            date: Some("2024-01-19".into()),
            regions: vec!["영남권".into(), "호남권".into()],
            sectors: vec!["AI".into()],
            slug: None,
        };
        let rel = create(&config, &brief).unwrap();
        assert_eq!(rel, Path::new("content/briefs/2024-01-19-정부-ai-전략-발표.md"));
        let text = std::fs::read_to_string(config.root.join(&rel)).unwrap();
        let s = split(&rel, &text).unwrap();
        let fm = parse(
            &rel,
            &s,
            Rules { timezone: config.timezone, custom_fields: &[], roles: &crate::korean::Roles::builtin() },
        )
        .unwrap();
        assert_eq!(fm.title, "정부: \"AI\" 전략 발표");
        assert_eq!(fm.region, ["영남권", "호남권"]);
        assert!(fm.draft);
    }

    #[test]
    fn never_overwrites_and_rejects_bad_input() {
        let (_tmp, config) = site();
        let brief =
            NewBrief {
                title: "같은 제목".into(), date: Some("2024-01-19".into()), ..NewBrief::default()
            };
        create(&config, &brief).unwrap();
        assert!(matches!(create(&config, &brief), Err(NewError::Exists(_))));
        let bad_date = NewBrief { date: Some("2024-13-45".into()), ..brief.clone() };
        assert!(matches!(create(&config, &bad_date), Err(NewError::BadDate(m)) if m.contains("month 13")));
        let bad_slug = NewBrief { slug: Some("Not A Slug".into()), ..brief.clone() };
        assert!(
            matches!(create(&config, &bad_slug), Err(NewError::BadSlug { clean, .. }) if clean == "not-a-slug")
        );
        assert!(matches!(
            create(&config, &NewBrief { title: "  ".into(), ..brief }),
            Err(NewError::EmptyTitle)
        ));
    }

    #[test]
    fn today_is_the_default_date() {
        let (_tmp, config) = site();
        let rel = create(&config, &NewBrief { title: "오늘".into(), ..NewBrief::default() }).unwrap();
        let today = chrono::Utc::now().with_timezone(&config.timezone).format("%Y-%m-%d").to_string();
        assert!(rel.to_string_lossy().contains(&today));
    }
}
