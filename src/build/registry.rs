//! The term registry (`data/terms.yaml`): the vocabulary of an archive. Per list of terms it
//! gives aliases (variant spellings merged into one term: `호남` → `호남권`), metadata shown on
//! term pages (English name, description, official link), a parent for hierarchies (`부산` ⊂
//! `영남권`), and optionally `strict: true` so that a brief using an unknown term is an error.
//! A Korean region hierarchy ships built in; a site's file adds to it and overrides it.

use crate::diagnostics::{did_you_mean, Diagnostic, LineIndex};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Where a site keeps its registry.
pub const REGISTRY_FILE: &str = "data/terms.yaml";

/// The built-in registry: Korean regions (시·도 under 권역) with their official long names as
/// aliases.
pub(crate) const BUILT_IN: &str = crate::korean::REGIONS;

/// Name of the registry list whose aliases apply to attendees' organisations.
pub const ORGANIZATIONS: &str = "organizations";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    #[serde(default)]
    strict: bool,
    #[serde(default)]
    terms: BTreeMap<String, Option<RawTerm>>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    #[serde(default)]
    aliases: Vec<String>,
    parent: Option<String>,
    english: Option<String>,
    description: Option<String>,
    link: Option<String>,
}

// No deny_unknown_fields here: serde cannot combine it with `flatten`. List names are checked
// against the site's taxonomies by `check_names` instead.
#[derive(Debug, Default, Deserialize)]
struct RawFile {
    /// `false` drops the built-in Korean region hierarchy.
    #[serde(default = "yes")]
    defaults: bool,
    #[serde(flatten)]
    lists: BTreeMap<String, RawList>,
}

fn yes() -> bool {
    true
}

/// What the registry says about one term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermInfo {
    /// The parent term, if any.
    pub parent: Option<String>,
    /// English name.
    pub english: String,
    /// One or two sentences for the term page.
    pub description: String,
    /// An official page.
    pub link: String,
}

/// One list of terms (by taxonomy name, e.g. `region`, or `organizations`).
#[derive(Debug, Clone, Default)]
pub struct TermList {
    /// Unknown terms are errors.
    pub strict: bool,
    /// Canonical terms and what is known of them.
    pub terms: BTreeMap<String, TermInfo>,
    /// Alias → canonical term.
    pub aliases: HashMap<String, String>,
}

/// The whole registry.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    lists: BTreeMap<String, TermList>,
}

impl Registry {
    /// Loads the built-in registry and the site's `data/terms.yaml`, if any.
    pub fn load(root: &Path) -> Result<Registry, Vec<Diagnostic>> {
        let path = root.join(REGISTRY_FILE);
        let site = match std::fs::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(vec![Diagnostic::error(REGISTRY_FILE, 0, 0, format!("cannot read: {e}"))]),
        };
        Registry::from_texts(site.as_deref())
    }

    /// Builds the registry from the site's YAML text (None: built-in only).
    pub fn from_texts(site: Option<&str>) -> Result<Registry, Vec<Diagnostic>> {
        let parse = |text: &str, file: &str| -> Result<RawFile, Vec<Diagnostic>> {
            if text.trim().is_empty() {
                return Ok(RawFile { defaults: true, lists: BTreeMap::new() });
            }
            serde_yaml::from_str(text).map_err(|e| {
                let (line, col) = e.location().map(|l| (l.line(), l.column())).unwrap_or((0, 0));
                let mut message = e.to_string();
                if let Some(i) = message.find(" at line ") {
                    message.truncate(i);
                }
                vec![Diagnostic::error(file, line, col, format!("the term registry is not valid: {message}"))
                    .with_hint("each list has `strict` and `terms`; each term may have aliases, parent, english, description, link")]
            })
        };
        let site_raw = match site {
            Some(text) => Some(parse(text, REGISTRY_FILE)?),
            None => None,
        };
        let mut merged: BTreeMap<String, RawList> = BTreeMap::new();
        if site_raw.as_ref().is_none_or(|s| s.defaults) {
            merged = parse(BUILT_IN, "(built-in registry)")?.lists;
        }
        for (name, list) in site_raw.map(|s| s.lists).unwrap_or_default() {
            let into = merged.entry(name).or_default();
            into.strict |= list.strict;
            for (term, info) in list.terms {
                // Field by field: a site that adds a description to 호남권 keeps its built-in
                // aliases and parent.
                let info = info.unwrap_or_default();
                let slot = into.terms.entry(term).or_default().get_or_insert_with(RawTerm::default);
                for alias in info.aliases {
                    if !slot.aliases.contains(&alias) {
                        slot.aliases.push(alias);
                    }
                }
                slot.parent = info.parent.or(slot.parent.take());
                slot.english = info.english.or(slot.english.take());
                slot.description = info.description.or(slot.description.take());
                slot.link = info.link.or(slot.link.take());
            }
        }
        let mut registry = Registry::default();
        let mut problems = Vec::new();
        for (name, raw) in merged {
            registry.lists.insert(name.clone(), build_list(&name, raw, site.unwrap_or(""), &mut problems));
        }
        if problems.is_empty() {
            Ok(registry)
        } else {
            Err(problems)
        }
    }

    /// Reports lists that match no taxonomy of the site (a typo like `regoin:`).
    pub fn check_names<'a>(&self, taxonomies: impl IntoIterator<Item = &'a str> + Clone) -> Vec<Diagnostic> {
        let mut known: Vec<&str> = taxonomies.into_iter().collect();
        known.push(ORGANIZATIONS);
        self.lists
            .keys()
            .filter(|name| !known.contains(&name.as_str()) && name.as_str() != "region")
            .map(|name| {
                let d = Diagnostic::error(
                    REGISTRY_FILE,
                    0,
                    0,
                    format!("the list `{name}` matches no taxonomy of the site"),
                );
                match did_you_mean(name, known.iter().copied()) {
                    Some(s) => d.with_hint(format!("did you mean `{s}`?")),
                    None => d.with_hint(format!("lists are named after taxonomies: {}", known.join(", "))),
                }
            })
            .collect()
    }

    /// The list for a taxonomy, if the registry has one.
    pub fn list(&self, name: &str) -> Option<&TermList> {
        self.lists.get(name)
    }
}

impl TermList {
    /// The canonical spelling of a term (itself when it is not an alias).
    pub fn canonical<'a>(&'a self, term: &'a str) -> &'a str {
        self.aliases.get(term).map(String::as_str).unwrap_or(term)
    }

    /// Whether the term (after aliases) is in the list.
    pub fn knows(&self, term: &str) -> bool {
        self.terms.contains_key(self.canonical(term))
    }

    /// The closest known term, for "did you mean".
    pub fn suggest(&self, term: &str) -> Option<&str> {
        did_you_mean(
            term,
            self.terms.keys().map(String::as_str).chain(self.aliases.keys().map(String::as_str)),
        )
    }

    /// Ancestors of a term, nearest first.
    pub fn ancestors(&self, term: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut cur = self.terms.get(term).and_then(|t| t.parent.as_deref());
        while let Some(p) = cur {
            if out.contains(&p) {
                break; // cycles are rejected when loading; this is only a guard
            }
            out.push(p);
            cur = self.terms.get(p).and_then(|t| t.parent.as_deref());
        }
        out
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    LineIndex::new(text).find(needle).map_or(0, |(line, _)| line)
}

fn build_list(name: &str, raw: RawList, site_text: &str, problems: &mut Vec<Diagnostic>) -> TermList {
    let mut list = TermList { strict: raw.strict, ..TermList::default() };
    let at = |needle: &str, message: String| {
        Diagnostic::error(REGISTRY_FILE, line_of(site_text, needle), 0, message)
    };
    for (term, info) in &raw.terms {
        let info = info.clone().unwrap_or_default();
        for alias in &info.aliases {
            if alias == term {
                problems.push(
                    at(alias, format!("{name}: `{term}` lists itself as an alias"))
                        .with_hint("remove the alias"),
                );
            } else if let Some(other) = list.aliases.get(alias).filter(|o| *o != term) {
                problems.push(at(
                    alias,
                    format!("{name}: the alias `{alias}` points at both `{other}` and `{term}`"),
                ));
            } else if raw.terms.contains_key(alias) {
                problems.push(
                    at(alias, format!("{name}: `{alias}` is a term of its own and an alias of `{term}`"))
                        .with_hint("an alias must not also be a term; keep one of them"),
                );
            } else {
                list.aliases.insert(alias.clone(), term.clone());
            }
        }
        list.terms.insert(
            term.clone(),
            TermInfo {
                parent: info.parent.clone(),
                english: info.english.unwrap_or_default(),
                description: info.description.unwrap_or_default(),
                link: info.link.unwrap_or_default(),
            },
        );
    }
    // Parents: aliases resolve, unknown parents and circles are errors.
    let names: Vec<String> = list.terms.keys().cloned().collect();
    for term in &names {
        let Some(parent) = list.terms[term].parent.clone() else { continue };
        let parent = list.canonical(&parent).to_string();
        if !list.terms.contains_key(&parent) {
            let d = at(&parent, format!("{name}: the parent `{parent}` of `{term}` is not in the list"));
            problems.push(match did_you_mean(&parent, names.iter().map(String::as_str)) {
                Some(s) => d.with_hint(format!("did you mean `{s}`?")),
                None => d.with_hint(format!("add `{parent}` under {name}: terms:")),
            });
            continue;
        }
        list.terms.get_mut(term).expect("known").parent = Some(parent);
    }
    for term in &names {
        let mut seen = vec![term.as_str()];
        let mut cur = list.terms[term].parent.as_deref();
        while let Some(p) = cur {
            if seen.contains(&p) {
                problems.push(
                    at(term, format!("{name}: parents go in a circle: {} → {p}", seen.join(" → ")))
                        .with_hint("a term cannot be its own ancestor"),
                );
                break;
            }
            seen.push(p);
            cur = list.terms.get(p).and_then(|t| t.parent.as_deref());
        }
    }
    list
}

/// Rewrites every brief's terms to their canonical spelling and reports terms missing from a
/// strict list. Runs once, between loading briefs and building the model.
pub fn apply(
    registry: &Registry,
    config: &crate::build::config::Config,
    briefs: &mut [crate::build::content::Brief],
) -> Vec<Diagnostic> {
    use crate::build::config::TermSource;
    let mut problems = Vec::new();
    let canon = |list: Option<&TermList>, terms: &mut Vec<String>| {
        if let Some(list) = list {
            for t in terms.iter_mut() {
                if let Some(c) = list.aliases.get(t.as_str()) {
                    *t = c.clone();
                }
            }
            let mut seen = Vec::new();
            terms.retain(|t| {
                let keep = !seen.contains(t);
                seen.push(t.clone());
                keep
            });
        }
    };
    for tax in &config.taxonomies {
        let list = registry.list(&tax.name);
        let Some(list) = list else { continue };
        for b in briefs.iter_mut() {
            let m = &mut b.meta;
            match &tax.source {
                TermSource::Region => {
                    canon(Some(list), &mut m.region);
                    for l in &mut m.budget {
                        if let Some(r) = &l.region {
                            l.region = Some(list.canonical(r).to_string());
                        }
                    }
                }
                TermSource::Sector => {
                    canon(Some(list), &mut m.sector);
                    for l in &mut m.budget {
                        if let Some(r) = &l.sector {
                            l.sector = Some(list.canonical(r).to_string());
                        }
                    }
                }
                TermSource::Agenda => canon(Some(list), &mut m.agenda),
                TermSource::Attendees => {
                    for a in &mut m.attendees {
                        a.name = list.canonical(&a.name).to_string();
                    }
                }
                TermSource::Custom(field) => {
                    if let Some((_, terms)) = m.custom.iter_mut().find(|(f, _)| f == field) {
                        canon(Some(list), terms);
                    }
                }
            }
            let used: Vec<String> =
                crate::build::content::terms_of(b, &tax.source).into_iter().map(str::to_string).collect();
            for term in used.iter().filter(|t| !list.knows(t)) {
                if let Some(d) = unknown_term(list, &tax.name, term) {
                    let (line, col) = b.locate(|l| l.find(term.as_str()));
                    problems.push(Diagnostic { path: b.path.clone(), line, column: col, ..d });
                }
            }
        }
    }
    if let Some(orgs) = registry.list(ORGANIZATIONS) {
        for b in briefs.iter_mut() {
            for a in &mut b.meta.attendees {
                a.org = orgs.canonical(&a.org).to_string();
            }
        }
    }
    problems
}

/// Separators that authors write between two terms when they mean a list (`부산, 울산`).
const LIST_SEPARATORS: [char; 4] = [',', '·', '、', '/'];

/// What to tell the author about a term the list does not know (position left to the caller):
/// an error in a strict list; otherwise a warning when it looks like a typo of a known term
/// (one or two jamo away) or like two known terms written as one; nothing for a plain new term.
fn unknown_term(list: &TermList, taxonomy: &str, term: &str) -> Option<Diagnostic> {
    let parts: Vec<&str> = term.split(LIST_SEPARATORS).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 && parts.iter().all(|p| list.knows(p)) {
        let d = Diagnostic::error(
            "",
            0,
            0,
            format!("the {taxonomy} `{term}` is one term made of {} known ones", parts.len()),
        )
        .with_hint(format!("for several, write a list: {taxonomy}: [{}]", parts.join(", ")));
        return Some(if list.strict { d } else { d.into_warning() });
    }
    // A typo keeps the syllable count (부싼 for 부산); 비수도권 is not a misspelt 수도권. Two jamo
    // apart is a typo only in longer names: among two-syllable place names it is a different
    // place as often as not (경주, 경기).
    let syllables = term.chars().count();
    let near = list.suggest(term).filter(|s| {
        let d = crate::diagnostics::jamo_distance(s, term);
        s.chars().count() == syllables && (d == 1 || (d == 2 && syllables >= 3))
    });
    if list.strict {
        let d = Diagnostic::error(
            "",
            0,
            0,
            format!("the {taxonomy} `{term}` is not in the term registry (strict)"),
        );
        return Some(match list.suggest(term) {
            Some(s) => d.with_hint(format!("did you mean `{s}`? Or add `{term}` to {REGISTRY_FILE}")),
            None => d.with_hint(format!("add `{term}` under {taxonomy}: terms: in {REGISTRY_FILE}")),
        });
    }
    // A real 시·군·구 is a place of its own, however close its name is to a 시·도 (경주, 광주).
    let s = near.filter(|_| !crate::korean::is_sigungu(term))?;
    Some(
        Diagnostic::warning(
            "",
            0,
            0,
            format!("the {taxonomy} `{term}` is not a known {taxonomy}; did you mean `{s}`?"),
        )
        .with_hint(format!("write `{s}`, or add `{term}` to {REGISTRY_FILE} to make it a term of its own")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_registry_has_the_korean_region_hierarchy() {
        let r = Registry::from_texts(None).unwrap();
        let regions = r.list("region").unwrap();
        assert_eq!(regions.ancestors("부산"), ["영남권"]);
        assert_eq!(regions.ancestors("광주"), ["호남권"]);
        assert_eq!(regions.canonical("호남"), "호남권");
        assert_eq!(regions.canonical("부산광역시"), "부산");
        assert!(!regions.strict);
    }

    #[test]
    fn a_site_adds_terms_aliases_and_metadata() {
        let r = Registry::from_texts(Some(
            "sector:\n  strict: true\n  terms:\n    AI:\n      aliases: [인공지능]\n      english: Artificial intelligence\n    반도체:\norganizations:\n  terms:\n    과학기술정보통신부:\n      aliases: [과기정통부]\n",
        ))
        .unwrap();
        let sectors = r.list("sector").unwrap();
        assert!(sectors.strict && sectors.knows("인공지능") && !sectors.knows("로봇"));
        assert_eq!(sectors.terms["AI"].english, "Artificial intelligence");
        assert_eq!(r.list(ORGANIZATIONS).unwrap().canonical("과기정통부"), "과학기술정보통신부");
        assert_eq!(r.list("region").unwrap().ancestors("대구"), ["영남권"], "built-in kept");
        let without = Registry::from_texts(Some("defaults: false\n")).unwrap();
        assert!(without.list("region").is_none());
    }

    #[test]
    fn self_aliases_circles_and_unknown_parents_are_errors() {
        let e = Registry::from_texts(Some(
            "defaults: false\nregion:\n  terms:\n    호남권:\n      aliases: [호남권]\n",
        ))
        .unwrap_err();
        assert!(e[0].message.contains("lists itself"), "{e:?}");
        assert_eq!(e[0].line, 4, "the term's line");
        let e = Registry::from_texts(Some(
            "defaults: false\nregion:\n  terms:\n    가:\n      parent: 나\n    나:\n      parent: 가\n",
        ))
        .unwrap_err();
        assert!(e.iter().any(|d| d.message.contains("circle")), "{e:?}");
        let e =
            Registry::from_texts(Some("region:\n  terms:\n    해운대:\n      parent: 부샨\n")).unwrap_err();
        assert_eq!(e[0].hint.as_deref(), Some("did you mean `부산`?"));
        let e = Registry::from_texts(Some("region:\n  strickt: true\n")).unwrap_err();
        assert!(e[0].message.contains("strickt"), "{e:?}");
    }

    #[test]
    fn near_misses_and_joined_terms_are_warned_about() {
        let r = Registry::from_texts(None).unwrap();
        let regions = r.list("region").unwrap();
        let typo = unknown_term(regions, "region", "부싼").unwrap();
        assert!(!typo.is_error());
        assert_eq!(typo.message, "the region `부싼` is not a known region; did you mean `부산`?");
        let joined = unknown_term(regions, "region", "부산, 울산").unwrap();
        assert_eq!(joined.message, "the region `부산, 울산` is one term made of 2 known ones");
        assert_eq!(joined.hint.as_deref(), Some("for several, write a list: region: [부산, 울산]"));
        assert!(unknown_term(regions, "region", "부산·울산").is_some());
        // A new place far from every known one is simply a new term, and so is one that only
        // contains a known name or is two jamo from a short one.
        assert!(unknown_term(regions, "region", "판교테크노밸리").is_none());
        assert!(unknown_term(regions, "region", "비수도권").is_none());
        assert!(unknown_term(regions, "region", "경기도청").is_none());
        assert!(unknown_term(regions, "region", "경주").is_none(), "a city one jamo from 광주");
    }
}
