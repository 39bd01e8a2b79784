//! `site.toml`: reading it, checking every key (with "did you mean" for typos), and the
//! validated [`Config`] the rest of the pipeline reads. Nothing else in the crate parses TOML.

use crate::brief::slug::SlugStyle;
use crate::build::url::BaseUrl;
use crate::diagnostics::{self, did_you_mean, Diagnostic, LineIndex};
use chrono_tz::Tz;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The folder of briefs inside a site (here, not in `content`, so that checking where the
/// output may go does not make the two modules use each other).
pub const CONTENT_DIR: &str = "content";

/// The name of the site file in a site folder.
pub const CONFIG_FILE: &str = "site.toml";

/// Briefs per list page when site.toml does not say.
pub const DEFAULT_PAGINATE_BY: usize = 50;

/// The most briefs a list page may hold: beyond this, pages grow past what phones load well.
const MAX_PAGINATE_BY: usize = 1000;

/// Top-level keys of site.toml, for "did you mean" hints.
const KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "timezone",
    "theme",
    "output_dir",
    "paginate_by",
    "currency",
    "slugify",
    "taxonomies",
    "feed",
    "home",
    "extra",
    "import",
    "markdown",
    "search",
    "data",
    "charts",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Option<String>,
    #[serde(default)]
    description: String,
    base_url: Option<String>,
    language: Option<String>,
    timezone: Option<String>,
    theme: Option<String>,
    output_dir: Option<String>,
    paginate_by: Option<i64>,
    currency: Option<String>,
    slugify: Option<String>,
    taxonomies: Option<Vec<RawTaxonomy>>,
    #[serde(default)]
    feed: FeedConfig,
    #[serde(default)]
    home: HomeConfig,
    #[serde(default)]
    extra: Option<toml::Table>,
    /// The importer's section: read by `annals import` itself (`import::rules`), ignored here.
    #[serde(default)]
    #[allow(dead_code)]
    import: Option<toml::Table>,
    #[serde(default)]
    markdown: MarkdownConfig,
    search: Option<bool>,
    #[serde(default)]
    data: Switch,
    #[serde(default)]
    charts: Switch,
}

/// Markdown settings (`[markdown]`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Pass raw HTML and every URL scheme in brief bodies through as written. Off by default:
    /// many people write briefs, and a `<script>` or `javascript:` link in one of them would run
    /// on a site published under an institution's name.
    pub unsafe_html: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTaxonomy {
    name: String,
    title: Option<String>,
    path: Option<String>,
    field: Option<String>,
}

/// Feed settings (`[feed]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeedConfig {
    /// Write Atom feeds at all.
    pub enabled: bool,
    /// How many briefs each feed carries.
    pub limit: usize,
    /// Also write one feed per term (`/regions/영남권/atom.xml`).
    pub per_term: bool,
    /// Put whole rendered briefs in the site feed, not only summaries.
    pub full_content: bool,
}

impl Default for FeedConfig {
    fn default() -> Self {
        FeedConfig { enabled: true, limit: 50, per_term: true, full_content: false }
    }
}

/// A feature that is on unless the site turns it off: `[data]` (the open data files under
/// `data/`) and `[charts]` (the budget charts), each `enabled = false` to turn off.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Switch {
    /// Whether the feature is on.
    pub enabled: bool,
}

impl Default for Switch {
    fn default() -> Self {
        Switch { enabled: true }
    }
}

/// Home page settings (`[home]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HomeConfig {
    /// How many of the newest briefs the home page lists.
    pub latest: usize,
}

impl Default for HomeConfig {
    fn default() -> Self {
        HomeConfig { latest: 10 }
    }
}

/// Where a taxonomy's terms come from in a brief's front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermSource {
    /// `region`, a string or a list.
    Region,
    /// `sector`, a string or a list.
    Sector,
    /// `agenda`, a string or a list.
    Agenda,
    /// The names in `attendees`: these terms get person pages.
    Attendees,
    /// A site-defined front matter field (string or list), e.g. `ministry`.
    Custom(String),
}

/// One list of terms that gets its own pages.
#[derive(Debug, Clone)]
pub struct TaxonomyConfig {
    /// Its name in templates (`region`).
    pub name: String,
    /// Its heading for readers (`지역`).
    pub title: String,
    /// Its URL folder (`regions`).
    pub path: String,
    /// The front matter it reads.
    pub source: TermSource,
}

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site folder.
    pub root: PathBuf,
    /// Site title.
    pub title: String,
    /// One-line description for feeds and meta tags.
    pub description: String,
    /// Where the site is deployed.
    pub base_url: BaseUrl,
    /// BCP 47 language of the content (`ko`).
    pub language: String,
    /// Dates without an offset are in this zone, and all dates are shown in it.
    pub timezone: Tz,
    /// `None` for the built-in theme, else a folder name under `themes/`.
    pub theme: Option<String>,
    /// Output folder, resolved against the site folder.
    pub output_dir: PathBuf,
    /// Briefs per page on term pages and timeline years (`/regions/서울/page/2/`).
    pub paginate_by: usize,
    /// ISO 4217 code of plain-integer amounts.
    pub currency: String,
    /// How slugs are made.
    pub slugify: SlugStyle,
    /// Lists of terms that get pages, in menu order.
    pub taxonomies: Vec<TaxonomyConfig>,
    /// Feed settings.
    pub feed: FeedConfig,
    /// Home page settings.
    pub home: HomeConfig,
    /// The `[extra]` table, for templates.
    pub extra: serde_json::Value,
    /// Markdown settings (`[markdown]`).
    pub markdown: MarkdownConfig,
    /// Write the search page and index (`search = false` turns them off).
    pub search: bool,
    /// Open data files (`[data]`).
    pub data: Switch,
    /// Budget charts (`[charts]`).
    pub charts: Switch,
}

impl Config {
    /// Reads `site.toml` in `root`. Every problem is returned at once.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            vec![Diagnostic::error(&path, 0, 0, format!("cannot read the site file: {e}"))
                .with_hint("run annals in a site folder (one with site.toml), pass --root DIR, or start one with `annals init`")]
        })?;
        Config::parse(root, &path, &text)
    }

    /// Parses site.toml text; `path` is used in messages.
    pub fn parse(root: &Path, path: &Path, text: &str) -> Result<Config, Vec<Diagnostic>> {
        let raw = read_raw(path, text)?;
        let file = SiteFile { path, text };
        let mut problems = Vec::new();
        let p = &mut problems;
        let title = title(file, p, raw.title);
        let base_url = base_url(file, p, raw.base_url.as_deref());
        let language = language(file, p, raw.language);
        let timezone = timezone(file, p, raw.timezone);
        let currency = currency(file, p, raw.currency);
        let slugify = slug_style(file, p, raw.slugify.as_deref());
        let taxonomies = taxonomies(file, p, raw.taxonomies);
        let paginate_by = paginate_by(file, p, raw.paginate_by);
        let output_dir = output_dir(file, p, root, raw.output_dir.as_deref());
        let theme = theme(file, p, raw.theme);
        let extra = raw
            .extra
            .map(|t| serde_json::to_value(t).unwrap_or_default())
            .unwrap_or_else(|| serde_json::Value::Object(Default::default()));

        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Config {
            root: root.to_path_buf(),
            title,
            description: raw.description,
            base_url: base_url.expect("checked above"),
            language,
            timezone: timezone.expect("checked above"),
            theme,
            output_dir,
            paginate_by,
            currency,
            slugify,
            taxonomies,
            feed: raw.feed,
            home: raw.home,
            extra,
            markdown: raw.markdown,
            search: raw.search.unwrap_or(true),
            data: raw.data,
            charts: raw.charts,
        })
    }

    /// The taxonomy whose terms come from `source`, if the site has one.
    pub fn taxonomy_for(&self, source: &TermSource) -> Option<&TaxonomyConfig> {
        self.taxonomies.iter().find(|t| &t.source == source)
    }

    /// Names of site-defined front matter fields (custom taxonomies).
    pub fn custom_fields(&self) -> impl Iterator<Item = &str> {
        self.taxonomies.iter().filter_map(|t| match &t.source {
            TermSource::Custom(f) => Some(f.as_str()),
            _ => None,
        })
    }
}

/// site.toml as typed fields, before their values are checked. Unknown top-level keys are
/// reported first, all together and located, since serde would name only the first of them.
fn read_raw(path: &Path, text: &str) -> Result<RawConfig, Vec<Diagnostic>> {
    let table: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => return Err(vec![diagnostics::toml_error(path, text, &e)]),
    };
    let mut problems = Vec::new();
    for key in table.keys() {
        if !KEYS.contains(&key.as_str()) {
            let (line, col) = find_key(text, key);
            let mut d = Diagnostic::error(path, line, col, format!("unknown key `{key}`"));
            d = match did_you_mean(key, KEYS.iter().copied()) {
                Some(s) => d.with_hint(format!("did you mean `{s}`?")),
                None => d.with_hint(format!("site.toml keys are: {}", KEYS.join(", "))),
            };
            problems.push(d);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    toml::from_str(text).map_err(|e| vec![diagnostics::toml_error(path, text, &e)])
}

/// The site file being checked, so that each key's problem points at the line that sets it.
#[derive(Clone, Copy)]
struct SiteFile<'a> {
    path: &'a Path,
    text: &'a str,
}

impl SiteFile<'_> {
    fn at_key(&self, key: &str, message: String) -> Diagnostic {
        let (line, col) = find_key(self.text, key);
        Diagnostic::error(self.path, line, col, message)
    }
}

fn title(file: SiteFile<'_>, p: &mut Vec<Diagnostic>, title: Option<String>) -> String {
    let title = title.unwrap_or_default();
    if title.trim().is_empty() {
        p.push(
            file.at_key("title", "the site has no `title`".into())
                .with_hint("add a line like: title = \"AI 정책 브리핑\""),
        );
    }
    title
}

/// `base_url`, required: every link of the site is made from it.
fn base_url(file: SiteFile<'_>, p: &mut Vec<Diagnostic>, url: Option<&str>) -> Option<BaseUrl> {
    let Some(url) = url else {
        p.push(Diagnostic::error(file.path, 0, 0, "the site has no `base_url`").with_hint(
            "add the address the site is published at, e.g. base_url = \"https://user.github.io/archive/\"",
        ));
        return None;
    };
    match BaseUrl::parse(url) {
        Ok(b) => Some(b),
        Err(msg) => {
            p.push(file.at_key("base_url", format!("`base_url` {msg}")).with_hint(
                "write a full address with scheme and host, e.g. \"https://example.org/\" or \"https://user.github.io/archive/\"",
            ));
            None
        }
    }
}

fn language(file: SiteFile<'_>, p: &mut Vec<Diagnostic>, language: Option<String>) -> String {
    let language = language.unwrap_or_else(|| "ko".into());
    if !is_language_tag(&language) {
        p.push(
            file.at_key("language", format!("`language = \"{language}\"` is not a language tag"))
                .with_hint("use a BCP 47 tag such as \"ko\", \"en\" or \"ko-KR\""),
        );
    }
    language
}

fn timezone(file: SiteFile<'_>, p: &mut Vec<Diagnostic>, name: Option<String>) -> Option<Tz> {
    let tz_name = name.unwrap_or_else(|| "Asia/Seoul".into());
    match tz_name.parse::<Tz>() {
        Ok(tz) => Some(tz),
        Err(_) => {
            let names = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name());
            let hint = match did_you_mean(&tz_name, names) {
                Some(s) => format!("did you mean \"{s}\"?"),
                None => "use an IANA time zone name such as \"Asia/Seoul\"".into(),
            };
            p.push(file.at_key("timezone", format!("unknown time zone `{tz_name}`")).with_hint(hint));
            None
        }
    }
}

fn currency(file: SiteFile<'_>, p: &mut Vec<Diagnostic>, currency: Option<String>) -> String {
    let currency = currency.unwrap_or_else(|| "KRW".into());
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
        p.push(
            file.at_key("currency", format!("`currency = \"{currency}\"` is not an ISO 4217 code"))
                .with_hint("use three capital letters, e.g. \"KRW\" or \"USD\""),
        );
    }
    currency
}

/// `slugify`: how slugs are made, Unicode (Hangul kept) unless the site asks for ASCII.
fn slug_style(file: SiteFile<'_>, p: &mut Vec<Diagnostic>, style: Option<&str>) -> SlugStyle {
    match style {
        None | Some("unicode") => SlugStyle::Unicode,
        Some("ascii") => SlugStyle::Ascii,
        Some(other) => {
            p.push(
                file.at_key("slugify", format!("unknown slug style `{other}`"))
                    .with_hint("use \"unicode\" (keeps Hangul, the default) or \"ascii\""),
            );
            SlugStyle::Unicode
        }
    }
}

/// `[[taxonomies]]`, or the four built-in ones when the site lists none. Two taxonomies may
/// not share a name or a URL folder.
fn taxonomies(
    file: SiteFile<'_>,
    p: &mut Vec<Diagnostic>,
    list: Option<Vec<RawTaxonomy>>,
) -> Vec<TaxonomyConfig> {
    let Some(list) = list else { return default_taxonomies() };
    let mut out = Vec::new();
    for t in list {
        match taxonomy_from_raw(t) {
            Ok(tax) => out.push(tax),
            Err(msg) => p.push(file.at_key("taxonomies", msg)),
        }
    }
    for (i, a) in out.iter().enumerate() {
        for b in &out[..i] {
            if a.name == b.name || a.path == b.path {
                p.push(file.at_key(
                    "taxonomies",
                    format!("taxonomies `{}` and `{}` share a name or path", b.name, a.name),
                ));
            }
        }
    }
    out
}

fn paginate_by(file: SiteFile<'_>, p: &mut Vec<Diagnostic>, n: Option<i64>) -> usize {
    match n {
        None => DEFAULT_PAGINATE_BY,
        Some(n) if (1..=MAX_PAGINATE_BY as i64).contains(&n) => n as usize,
        Some(n) => {
            p.push(
                file.at_key("paginate_by", format!("`paginate_by = {n}` is not a number of briefs per page"))
                    .with_hint(format!("use a whole number from 1 to {MAX_PAGINATE_BY}; the default is {DEFAULT_PAGINATE_BY}")),
            );
            DEFAULT_PAGINATE_BY
        }
    }
}

/// `output_dir`, resolved against the site folder (see [`output_dir_problem`]).
fn output_dir(file: SiteFile<'_>, p: &mut Vec<Diagnostic>, root: &Path, dir: Option<&str>) -> PathBuf {
    let output_dir = root.join(dir.unwrap_or("public"));
    if let Some(why) = output_dir_problem(root, &output_dir) {
        p.push(
            file.at_key("output_dir", format!("`output_dir` {why}"))
                .with_hint("use a subfolder such as \"public\""),
        );
    }
    output_dir
}

/// `theme`: `None` (the built-in theme) when absent or empty.
fn theme(file: SiteFile<'_>, p: &mut Vec<Diagnostic>, theme: Option<String>) -> Option<String> {
    let theme = theme.filter(|t| !t.is_empty());
    if let Some(t) = theme.as_deref().filter(|t| !is_folder_name(t)) {
        p.push(
            file.at_key("theme", format!("`theme = \"{t}\"` is not the name of a folder in themes/"))
                .with_hint("a theme is a folder themes/<name>/ inside the site folder: write only its name, without `/`, `\\` or `..`"),
        );
    }
    theme
}

fn default_taxonomies() -> Vec<TaxonomyConfig> {
    [
        ("region", "지역", "regions", TermSource::Region),
        ("sector", "분야", "sectors", TermSource::Sector),
        ("agenda", "의제", "agenda", TermSource::Agenda),
        ("people", "인물", "people", TermSource::Attendees),
    ]
    .into_iter()
    .map(|(name, title, path, source)| TaxonomyConfig {
        name: name.into(),
        title: title.into(),
        path: path.into(),
        source,
    })
    .collect()
}

fn taxonomy_from_raw(raw: RawTaxonomy) -> Result<TaxonomyConfig, String> {
    let defaults = default_taxonomies();
    let known = defaults.iter().find(|d| d.name == raw.name);
    let field = raw.field.unwrap_or_else(|| match known {
        Some(d) if d.source == TermSource::Attendees => "attendees".into(),
        _ => raw.name.clone(),
    });
    let source = match field.as_str() {
        "region" => TermSource::Region,
        "sector" => TermSource::Sector,
        "agenda" => TermSource::Agenda,
        "attendees" => TermSource::Attendees,
        f if crate::brief::frontmatter::FIELDS.contains(&f) => {
            return Err(format!("taxonomy `{}` reads `{f}`, which is not a list of terms", raw.name))
        }
        f => TermSource::Custom(f.to_string()),
    };
    let path = raw.path.or_else(|| known.map(|d| d.path.clone())).unwrap_or_else(|| raw.name.clone());
    if path.is_empty() || path.contains(['/', '\\', '.']) {
        return Err(format!("taxonomy `{}` has an unusable path `{path}`", raw.name));
    }
    const RESERVED: &[&str] = &["briefs", "timeline", "budget"];
    if RESERVED.contains(&path.as_str()) {
        return Err(format!("taxonomy path `{path}` is used by annals itself"));
    }
    Ok(TaxonomyConfig {
        title: raw.title.or_else(|| known.map(|d| d.title.clone())).unwrap_or_else(|| raw.name.clone()),
        name: raw.name,
        path,
        source,
    })
}

fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Why `output` (as given: relative to the current folder) cannot be the output folder of the
/// site in `root`, if it cannot: the build replaces it whole, and pages written into
/// `content/` would be read back as briefs.
pub fn output_dir_problem(root: &Path, output: &Path) -> Option<&'static str> {
    let (root, output) = (lexical(root), lexical(output));
    if output == root || root.starts_with(&output) {
        Some("would replace the site folder itself")
    } else if output.starts_with(root.join(CONTENT_DIR)) {
        Some("is inside content/: the next build would read the pages it wrote as briefs")
    } else {
        None
    }
}

/// `path` made absolute and with `.` and `..` resolved by name (the folders need not exist).
fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in absolute.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether a theme name is one plain folder name (not a path that leaves themes/).
fn is_folder_name(name: &str) -> bool {
    !name.contains(['/', '\\', '\0']) && name != "." && name != ".." && !Path::new(name).is_absolute()
}

/// 1-based line and column of `key = ...` or `[key]` in TOML text; (0, 0) if not found.
fn find_key(text: &str, key: &str) -> (usize, usize) {
    // `key = …`, `[key]`, `[key.sub]` or `[[key]]` at the start of a line.
    LineIndex::new(text)
        .find_line(|line| {
            let t = line.trim_start();
            let rest = t
                .strip_prefix(key)
                .or_else(|| t.strip_prefix("[[").and_then(|r| r.strip_prefix(key)))
                .or_else(|| t.strip_prefix('[').and_then(|r| r.strip_prefix(key)))?
                .trim_start();
            (rest.starts_with('=') || rest.starts_with(']') || rest.starts_with('.'))
                .then(|| line.len() - t.len())
        })
        .unwrap_or((0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::parse(Path::new("/site"), Path::new("site.toml"), text)
    }

    #[test]
    fn needs_only_title_and_base_url() {
        let c = parse("title = \"아카이브\"\nbase_url = \"https://user.github.io/archive\"\n").unwrap();
        assert_eq!(c.language, "ko");
        assert_eq!(c.timezone, chrono_tz::Asia::Seoul);
        assert_eq!(c.currency, "KRW");
        assert_eq!(c.output_dir, Path::new("/site/public"));
        assert_eq!(c.base_url.path(), "/archive/");
        let names: Vec<_> = c.taxonomies.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["region", "sector", "agenda", "people"]);
    }

    #[test]
    fn unknown_key_is_located_with_a_suggestion() {
        let e =
            parse("title = \"a\"\nbase_url = \"https://x.org/\"\ntimezon = \"Asia/Seoul\"\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].line, e[0].column), (3, 1));
        assert!(e[0].message.contains("timezon"));
        assert_eq!(e[0].hint.as_deref(), Some("did you mean `timezone`?"));
    }

    #[test]
    fn reports_every_bad_value_at_once() {
        let e = parse(
            "title = \"\"\nbase_url = \"example.org\"\ntimezone = \"Asia/Seul\"\ncurrency = \"won\"\nslugify = \"latin\"\n",
        )
        .unwrap_err();
        let lines: Vec<usize> = e.iter().map(|d| d.line).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5]);
        assert_eq!(e[2].hint.as_deref(), Some("did you mean \"Asia/Seoul\"?"));
    }

    #[test]
    fn nested_unknown_field_is_located() {
        let e = parse("title = \"a\"\nbase_url = \"https://x.org/\"\n[feed]\nlimt = 3\n").unwrap_err();
        assert_eq!(e[0].line, 4);
        assert!(e[0].message.contains("limt"), "{}", e[0].message);
    }

    #[test]
    fn custom_taxonomy_reads_its_own_field() {
        let c = parse(
            "title = \"a\"\nbase_url = \"https://x.org/\"\n[[taxonomies]]\nname = \"region\"\n[[taxonomies]]\nname = \"ministry\"\ntitle = \"부처\"\npath = \"ministries\"\n",
        )
        .unwrap();
        assert_eq!(c.taxonomies.len(), 2);
        assert_eq!(c.taxonomies[0].path, "regions");
        assert_eq!(c.taxonomies[1].source, TermSource::Custom("ministry".into()));
        assert_eq!(c.custom_fields().collect::<Vec<_>>(), ["ministry"]);
    }
}
