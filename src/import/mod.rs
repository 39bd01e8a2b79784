//! `annals import`: turns a raw article (a saved news page, a ministry press release, a wire story;
//! plain text or HTML, UTF-8 or EUC-KR) into a brief: the front matter of the brief format plus a
//! clean Markdown body, with a `review` list naming what the author should check.
//!
//! The flow is one way: bytes → text ([`decode`]) → article lines (HTML through [`html`]) →
//! cleaned blocks ([`text`]) → extracted fields ([`extract`]) → a [`Brief`] → a file ([`writer`]).
//! Word lists live in [`rules`] and are extended by the site through [`ImportRules`].

mod byline;
mod decode;
pub(crate) mod extract;
mod fetch;
mod gazetteer;
mod html;
mod markdown;
pub(crate) mod rules;
mod text;
pub mod writer;

use crate::brief::slug::SlugStyle;
use crate::build::progress::Progress;
use chrono::NaiveDate;
use chrono_tz::Tz;
use rayon::prelude::*;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::brief::frontmatter::FrontMatter;
use rules::Compiled;
pub use rules::ImportRules;

/// How the input is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// HTML when the file looks like HTML (by extension or content), text otherwise.
    #[default]
    Auto,
    /// Plain text as copied from a page or a press release.
    Text,
    /// A saved HTML page.
    Html,
}

/// Everything an import run needs besides the rules.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The folder the briefs are written to (`content/briefs` by default).
    pub out_dir: PathBuf,
    /// The site timezone: article dates without an offset are read in it.
    pub timezone: Tz,
    /// How to read the input.
    pub format: InputFormat,
    /// Replace briefs that already exist.
    pub force: bool,
    /// Print the briefs instead of writing them.
    pub dry_run: bool,
    /// The date written when an article has none (it is listed under `review`). `None`: today in
    /// the site timezone.
    pub placeholder_date: Option<NaiveDate>,
    /// How file names are made from titles (the site's `slugify`).
    pub slug_style: SlugStyle,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            out_dir: PathBuf::from("content/briefs"),
            timezone: chrono_tz::Asia::Seoul,
            format: InputFormat::Auto,
            force: false,
            dry_run: false,
            placeholder_date: None,
            slug_style: SlugStyle::default(),
        }
    }
}

/// Why an article could not be imported. Each message names the file, what is wrong and what to do.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{file}: cannot read it: {source}")]
    Read {
        /// The input.
        file: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Nothing in the file.
    #[error("{file}: the file is empty (hint: save the article text or page into it first)")]
    Empty {
        /// The input.
        file: String,
    },
    /// Not text at all.
    #[error("{file}: this is a binary file ({kind}), not an article (hint: import the article as text or a saved HTML page; convert PDF or HWP files to text first)")]
    Binary {
        /// The input.
        file: String,
        /// What it looks like.
        kind: String,
    },
    /// Text in an encoding the importer cannot read.
    #[error("{file}: the text is neither UTF-8 nor EUC-KR (hint: convert it to UTF-8, e.g. `iconv -f <encoding> -t UTF-8`)")]
    Encoding {
        /// The input.
        file: String,
    },
    /// No article text was found.
    #[error("{file}: no article text found ({reason}) (hint: check that the file holds the article itself, or try --format text|html)")]
    NoArticle {
        /// The input.
        file: String,
        /// What was missing.
        reason: String,
    },
    /// A pattern in the site's `[import]` rules is not a valid regular expression.
    #[error("[import] rules: the pattern `{pattern}` is not a valid regular expression: {reason}")]
    Rules {
        /// The pattern.
        pattern: String,
        /// The regex error.
        reason: String,
    },
    /// The brief could not be written.
    #[error("{file}: cannot write the brief to {target}: {source}")]
    Write {
        /// The input.
        file: String,
        /// The brief file.
        target: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A web page could not be fetched.
    #[error("{url}: cannot fetch the page: {reason} (hint: check the address, or save the page and import the file)")]
    Fetch {
        /// The address.
        url: String,
        /// What went wrong.
        reason: String,
    },
    /// A folder could not be listed.
    #[error("{file}: cannot list the folder: {reason}")]
    Walk {
        /// The folder.
        file: String,
        /// The error.
        reason: String,
    },
}

/// An imported article: the front matter in the model the builder reads (so what the importer
/// writes is what `annals build` will see), with the Markdown body and what only the import
/// knows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    /// The front matter. Its `date` is a placeholder when `date_found` is false; `draft` is set
    /// whenever `review` has notes.
    pub front: FrontMatter,
    /// Whether the date was read from the article.
    pub date_found: bool,
    /// The article text as Markdown.
    pub body: String,
}

/// The importer: rules compiled once, used for any number of articles.
#[derive(Debug)]
pub struct Importer {
    rules: Compiled,
    options: ImportOptions,
}

/// What happened to one input.
#[derive(Debug)]
pub enum Outcome {
    /// Written to this file (or printed, on a dry run).
    Imported(PathBuf),
    /// Left alone, with the reason.
    Skipped(String),
    /// Failed.
    Failed(ImportError),
}

/// The result of an import run, input by input.
#[derive(Debug, Default)]
pub struct Summary {
    /// (input, outcome), in input order.
    pub results: Vec<(String, Outcome)>,
    /// With `dry_run`: the briefs that would have been written, in input order.
    pub dry_run: Vec<String>,
}

impl Summary {
    /// How many inputs were imported, skipped and failed.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for (_, o) in &self.results {
            match o {
                Outcome::Imported(_) => c.0 += 1,
                Outcome::Skipped(_) => c.1 += 1,
                Outcome::Failed(_) => c.2 += 1,
            }
        }
        c
    }

    /// Whether any input failed.
    pub fn has_failures(&self) -> bool {
        self.counts().2 > 0
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (imported, skipped, failed) = self.counts();
        writeln!(f, "import: {imported} imported, {skipped} skipped, {failed} failed")?;
        for (input, outcome) in &self.results {
            match outcome {
                Outcome::Skipped(why) => writeln!(f, "  skipped {input}: {why}")?,
                Outcome::Failed(e) => writeln!(f, "  failed  {e}")?,
                Outcome::Imported(_) => {}
            }
        }
        Ok(())
    }
}

/// File extensions a folder import picks up.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "xhtml"];

impl Importer {
    /// Compiles the rules.
    pub fn new(rules: &ImportRules, options: ImportOptions) -> Result<Self, ImportError> {
        Ok(Importer { rules: Compiled::new(rules)?, options })
    }

    /// The options in force.
    pub fn options(&self) -> &ImportOptions {
        &self.options
    }

    /// Reads one article from bytes. `name` is used in messages and to guess the format.
    pub fn extract(&self, bytes: &[u8], name: &str) -> Result<Brief, ImportError> {
        let text = decode::decode(bytes, name)?;
        self.extract_text(text, name, None)
    }

    /// Fetches a web page and reads it; the address is recorded as `source.url` and its domain
    /// names the publisher when the page does not.
    pub fn extract_url(&self, url: &str) -> Result<Brief, ImportError> {
        let page = fetch::fetch(url)?;
        self.extract_text(page.text, url, Some((&page.url, page.is_html)))
    }

    /// Reads decoded text; `page` is the (address, served as HTML) of a fetched page.
    fn extract_text(
        &self,
        text: String,
        name: &str,
        page: Option<(&str, bool)>,
    ) -> Result<Brief, ImportError> {
        let is_html = match self.options.format {
            InputFormat::Html => true,
            InputFormat::Text => false,
            InputFormat::Auto => page.is_some_and(|p| p.1) || html::looks_like_html(name, &text),
        };
        let (article, mut hints) =
            if is_html { html::to_article_text(&text) } else { (text, html::Hints::default()) };
        if let Some((url, _)) = page {
            hints.url = Some(url.to_string());
        }
        let placeholder = self
            .options
            .placeholder_date
            .unwrap_or_else(|| chrono::Utc::now().with_timezone(&self.options.timezone).date_naive());
        extract::brief_from_text(&article, &hints, &self.rules, self.options.timezone, placeholder)
            .ok_or_else(|| ImportError::NoArticle {
                file: name.to_string(),
                reason: "no headline or paragraph left after removing page clutter".to_string(),
            })
    }

    /// Imports one input: a file, or `-` for standard input. On a dry run the brief is returned in
    /// the outcome's text instead of written.
    pub fn import_one(&self, input: &Path) -> (Outcome, Option<String>) {
        let name = input.display().to_string();
        let extracted = if fetch::is_url(&name) {
            self.extract_url(&name)
        } else {
            match self.read_input(input, &name) {
                Ok(bytes) => self.extract(&bytes, &name),
                Err(e) => Err(e),
            }
        };
        let brief = match extracted {
            Ok(b) => b,
            Err(e) => return (Outcome::Failed(e), None),
        };
        let file_name = writer::file_name(&brief, self.options.slug_style);
        let target = self.options.out_dir.join(&file_name);
        let rendered = writer::render(&brief);
        if self.options.dry_run {
            return (Outcome::Imported(target), Some(rendered));
        }
        match writer::write_new(&target, &rendered, self.options.force) {
            Ok(true) => (Outcome::Imported(target), None),
            Ok(false) => (
                Outcome::Skipped(format!("{} already exists (use --force to replace it)", target.display())),
                None,
            ),
            Err(source) => (
                Outcome::Failed(ImportError::Write {
                    file: name,
                    target: target.display().to_string(),
                    source,
                }),
                None,
            ),
        }
    }

    /// The bytes of a file, or of standard input for `-`.
    fn read_input(&self, input: &Path, name: &str) -> Result<Vec<u8>, ImportError> {
        let read = if name == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map(|_| buf)
        } else {
            std::fs::read(input)
        };
        read.map_err(|source| ImportError::Read { file: name.to_string(), source })
    }

    /// Lists the article files under the inputs (folders are walked; other files are taken as
    /// given). Files in a folder with another extension are reported as skipped.
    pub fn collect_inputs(&self, inputs: &[PathBuf]) -> (Vec<PathBuf>, Summary) {
        let mut files = Vec::new();
        let mut summary = Summary::default();
        for input in inputs {
            if fetch::is_url(&input.to_string_lossy()) {
                files.push(input.clone());
            } else if input.is_dir() {
                let mut found: Vec<PathBuf> = Vec::new();
                for entry in walkdir::WalkDir::new(input).sort_by_file_name() {
                    match entry {
                        Ok(e) if e.file_type().is_file() => {
                            let path = e.into_path();
                            let hidden =
                                path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
                            let ext =
                                path.extension().and_then(|x| x.to_str()).map(|x| x.to_ascii_lowercase());
                            if hidden {
                                continue;
                            }
                            if ext.as_deref().is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x)) {
                                found.push(path);
                            } else {
                                summary.results.push((
                                    path.display().to_string(),
                                    Outcome::Skipped(
                                        "not an article file (.txt or .html expected)".to_string(),
                                    ),
                                ));
                            }
                        }
                        Ok(_) => {}
                        Err(e) => summary.results.push((
                            input.display().to_string(),
                            Outcome::Failed(ImportError::Walk {
                                file: input.display().to_string(),
                                reason: e.to_string(),
                            }),
                        )),
                    }
                }
                files.extend(found);
            } else {
                files.push(input.clone());
            }
        }
        (files, summary)
    }

    /// Imports every input (folders file by file, in parallel). One bad file does not stop the
    /// others.
    pub fn run(&self, inputs: &[PathBuf]) -> Summary {
        self.run_reporting(inputs, &Progress::default())
    }

    /// [`Importer::run`], reporting how many inputs are done to `progress`.
    pub fn run_reporting(&self, inputs: &[PathBuf], progress: &Progress) -> Summary {
        let (files, mut summary) = self.collect_inputs(inputs);
        let done = std::sync::atomic::AtomicUsize::new(0);
        let results: Vec<(String, Outcome, Option<String>)> = files
            .par_iter()
            .map(|f| {
                let (outcome, printed) = self.import_one(f);
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                progress.report("import", n, files.len());
                (f.display().to_string(), outcome, printed)
            })
            .collect();
        for (name, outcome, printed) in results {
            summary.dry_run.extend(printed);
            summary.results.push((name, outcome));
        }
        summary
    }
}
