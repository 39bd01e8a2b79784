//! Themes: where templates and static files come from. The default theme is embedded in the
//! binary, so a folder with only `site.toml` and `content/` builds. `theme = "name"` picks
//! `themes/<name>/` in the site folder instead (a theme is complete on its own). A site's own
//! `templates/` and `static/` override the theme's files of the same name.

use crate::build::config::Config;
use crate::diagnostics::Diagnostic;
use include_dir::{include_dir, Dir};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The name under which the embedded theme is known.
pub const BUILT_IN: &str = "default";

/// The page templates every theme must have.
pub const REQUIRED: &[&str] = &[
    "index.html",
    "brief.html",
    "timeline.html",
    "taxonomy_list.html",
    "taxonomy_term.html",
    "people.html",
    "person.html",
    "budget.html",
    "budget_year.html",
    "404.html",
    "atom.xml",
    "sitemap.xml",
    "robots.txt",
    "partials/brief_item.html",
    "partials/brief_row.html",
    "partials/budget_row.html",
];

/// A file of a theme: its name relative to `templates/` or `static/`, where it came from, and
/// its bytes.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// `brief.html`, `style.css`, `fonts/a.woff2`.
    pub name: String,
    /// Where it came from, for messages (`themes/x/templates/brief.html`, or
    /// `(built-in theme)/templates/brief.html`).
    pub origin: PathBuf,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Templates and static files, after overrides.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Templates by name; later entries have already replaced earlier ones.
    pub templates: Vec<ThemeFile>,
    /// Static files to copy to the output root.
    pub statics: Vec<ThemeFile>,
}

impl Theme {
    /// Loads the theme a site asks for, with the site's overrides.
    pub fn load(config: &Config) -> Result<Theme, Vec<Diagnostic>> {
        let mut theme = Theme::default();
        let disk = config.theme.as_ref().map(|name| config.root.join("themes").join(name));
        match (&config.theme, &disk) {
            (Some(_), Some(dir)) if dir.is_dir() => {
                theme.templates = read_dir(&config.root, &dir.join("templates"))?;
                theme.statics = read_dir(&config.root, &dir.join("static"))?;
            }
            (Some(name), _) if name != BUILT_IN => {
                return Err(vec![Diagnostic::error(crate::build::config::CONFIG_FILE, 0, 0, format!("the theme `{name}` is not in themes/{name}/"))
                    .with_hint("put the theme in themes/<name>/ (with templates/ and static/), or remove `theme` to use the built-in theme")]);
            }
            _ => {
                theme.templates = embedded("templates");
                theme.statics = embedded("static");
            }
        }
        merge(&mut theme.templates, read_dir(&config.root, &config.root.join("templates"))?);
        merge(&mut theme.statics, read_dir(&config.root, &config.root.join("static"))?);
        search_files(config, &mut theme);
        let search_page = config.search.then_some(&SEARCH_PAGE);
        let missing: Vec<Diagnostic> = REQUIRED
            .iter()
            .chain(search_page)
            .filter(|name| !theme.templates.iter().any(|t| t.name == **name))
            .map(|name| {
                let dir = match &config.theme {
                    Some(t) => format!("themes/{t}/templates/"),
                    None => "templates/".to_string(),
                };
                let or_else = if **name == *SEARCH_PAGE {
                    "or set `search = false` in site.toml"
                } else {
                    "or remove `theme` from site.toml to use the built-in theme"
                };
                Diagnostic::error(format!("{dir}{name}"), 0, 0, format!("the template `{name}` is missing"))
                    .with_hint(format!(
                        "add {dir}{name} (docs/templates.md lists what each template gets), {or_else}"
                    ))
            })
            .collect();
        if !missing.is_empty() {
            return Err(missing);
        }
        Ok(theme)
    }

    /// The origin of a template, for messages.
    pub fn origin(&self, name: &str) -> PathBuf {
        self.templates
            .iter()
            .find(|t| t.name == name)
            .map(|t| t.origin.clone())
            .unwrap_or_else(|| PathBuf::from(name))
    }
}

/// The search page's template, required while search is on.
pub const SEARCH_PAGE: &str = "search.html";

/// The search script, part of annals: a theme without its own gets the built-in one, and with
/// search off it is not written.
pub const SEARCH_SCRIPT: &str = "search.js";

fn search_files(config: &Config, theme: &mut Theme) {
    let has_script = theme.statics.iter().any(|f| f.name == SEARCH_SCRIPT);
    if !config.search {
        theme.statics.retain(|f| f.name != SEARCH_SCRIPT);
    } else if !has_script {
        theme.statics.extend(embedded("static").into_iter().filter(|f| f.name == SEARCH_SCRIPT));
    }
}

fn merge(base: &mut Vec<ThemeFile>, overrides: Vec<ThemeFile>) {
    for f in overrides {
        match base.iter_mut().find(|b| b.name == f.name) {
            Some(b) => *b = f,
            None => base.push(f),
        }
    }
}

fn embedded(sub: &str) -> Vec<ThemeFile> {
    let mut out = Vec::new();
    if let Some(dir) = DEFAULT_THEME.get_dir(sub) {
        collect_embedded(dir, sub, &mut out);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn collect_embedded(dir: &Dir<'static>, sub: &str, out: &mut Vec<ThemeFile>) {
    for f in dir.files() {
        let rel = f.path().strip_prefix(sub).unwrap_or(f.path());
        out.push(ThemeFile {
            name: rel.to_string_lossy().replace('\\', "/"),
            origin: Path::new("(built-in theme)").join(f.path()),
            bytes: f.contents().to_vec(),
        });
    }
    for d in dir.dirs() {
        collect_embedded(d, sub, out);
    }
}

fn read_dir(root: &Path, dir: &Path) -> Result<Vec<ThemeFile>, Vec<Diagnostic>> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        let entry = entry.map_err(|e| {
            vec![Diagnostic::error(dir.strip_prefix(root).unwrap_or(dir), 0, 0, format!("cannot read: {e}"))]
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel_to_root = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
        let bytes = std::fs::read(entry.path())
            .map_err(|e| vec![Diagnostic::error(&rel_to_root, 0, 0, format!("cannot read: {e}"))])?;
        let name =
            entry.path().strip_prefix(dir).unwrap_or(entry.path()).to_string_lossy().replace('\\', "/");
        out.push(ThemeFile { name, origin: rel_to_root, bytes });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_theme_has_every_required_template() {
        let names: Vec<String> = embedded("templates").into_iter().map(|t| t.name).collect();
        for r in REQUIRED {
            assert!(names.iter().any(|n| n == r), "built-in theme lacks {r}: {names:?}");
        }
        assert!(embedded("static").iter().any(|f| f.name == "style.css"));
    }
}
