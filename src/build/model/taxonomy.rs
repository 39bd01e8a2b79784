//! Taxonomies: the term indexes (regions, sectors, agenda items, people, and site-defined lists),
//! each term with its briefs in date order, and the people index with the roles each person held.
//! Built in one pass over the briefs.

use super::BriefId;
use crate::brief::dates::Moment;
use crate::brief::slug::{slugify, SlugStyle};
use crate::build::config::{TaxonomyConfig, TermSource};
use crate::build::content::Brief;
use crate::build::registry::TermList;
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;

/// One term (`영남권`) of one taxonomy.
#[derive(Debug, Clone)]
pub struct Term {
    /// The term as written in briefs (NFC).
    pub name: String,
    /// Its URL name.
    pub slug: String,
    /// Its site path (`regions/영남권/`).
    pub path: String,
    /// Its briefs, newest first.
    pub briefs: Vec<BriefId>,
    /// The parent term (index in the same taxonomy), from the term registry.
    pub parent: Option<usize>,
    /// Child terms, by name.
    pub children: Vec<usize>,
    /// Briefs that carry a descendant of this term but not the term itself, newest first.
    pub descendant_briefs: Vec<BriefId>,
    /// What the registry says of the term (English name, description, link).
    pub info: crate::build::registry::TermInfo,
}

impl Term {
    fn named(name: &str) -> Term {
        Term {
            name: name.to_string(),
            slug: String::new(),
            path: String::new(),
            briefs: Vec::new(),
            parent: None,
            children: Vec::new(),
            descendant_briefs: Vec::new(),
            info: Default::default(),
        }
    }
}

/// Sets parents, children, registry metadata and descendants' briefs. Terms are sorted by name.
fn link_hierarchy(terms: &mut [Term], list: &TermList) {
    for i in 0..terms.len() {
        if let Some(info) = list.terms.get(&terms[i].name) {
            terms[i].info = info.clone();
            let parent =
                info.parent.as_deref().and_then(|p| terms.binary_search_by(|t| t.name.as_str().cmp(p)).ok());
            if let Some(p) = parent {
                terms[i].parent = Some(p);
                terms[p].children.push(i);
            }
        }
    }
    for i in 0..terms.len() {
        // Every descendant's briefs, each once, minus the term's own; newest first (brief
        // indexes are in date order, so sorting the indexes sorts by date).
        let mut stack: Vec<usize> = terms[i].children.clone();
        let mut seen: std::collections::HashSet<BriefId> = terms[i].briefs.iter().copied().collect();
        let mut found = Vec::new();
        while let Some(c) = stack.pop() {
            stack.extend(terms[c].children.iter().copied());
            for &b in &terms[c].briefs {
                if seen.insert(b) {
                    found.push(b);
                }
            }
        }
        found.sort_unstable();
        terms[i].descendant_briefs = found;
    }
}

/// A role a person held, and when.
#[derive(Debug, Clone)]
pub struct Role {
    /// Role (`장관`).
    pub role: String,
    /// Organisation.
    pub org: String,
    /// First meeting in this role.
    pub first: Moment,
    /// Last meeting in this role.
    pub last: Moment,
    /// Meetings in this role.
    pub count: usize,
}

/// One list of terms with pages.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// Its configuration.
    pub config: TaxonomyConfig,
    /// Terms, sorted by name.
    pub terms: Vec<Term>,
    /// For the people taxonomy: roles per term, in the order of `terms`.
    pub roles: Vec<Vec<Role>>,
}

impl Taxonomy {
    /// Finds a term by name.
    pub fn term(&self, name: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| t.name.as_str().cmp(name)).ok()
    }
}

/// A brief's terms of one taxonomy (defined with the briefs, where the registry reads it too).
pub use crate::build::content::terms_of;

/// One taxonomy with, per brief, the indexes of its terms in it, in the order the brief's
/// author wrote them (a term written twice comes twice, next to its first place).
pub struct Built {
    /// The taxonomy.
    pub taxonomy: Taxonomy,
    /// Per brief: its terms.
    pub brief_terms: Vec<Vec<usize>>,
}

/// Builds one taxonomy over briefs sorted newest first. Terms whose URLs would collide are
/// reported, naming the files that use each spelling.
pub fn build(
    config: &TaxonomyConfig,
    briefs: &[Brief],
    style: SlugStyle,
    registry: Option<&TermList>,
    problems: &mut Vec<Diagnostic>,
) -> Built {
    let (mut found, mut written) = named_terms(&config.source, briefs);
    if let Some(list) = registry {
        add_ancestors(&mut found, list);
    }
    // Sort by name, keeping each term's first brief for messages; `rank` follows each term
    // from its place as met to its place by name.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_unstable_by(|&a, &b| found[a].term.name.cmp(&found[b].term.name));
    let mut rank = vec![0; found.len()];
    for (k, &o) in order.iter().enumerate() {
        rank[o] = k;
    }
    let mut slots: Vec<Option<Found>> = found.into_iter().map(Some).collect();
    let mut found: Vec<Found> = order.iter().map(|&o| slots[o].take().expect("each once")).collect();
    assign_urls(config, briefs, style, &mut found, problems);
    // Terms that could not get a URL are reported by `assign_urls` and left out.
    let mut kept = Vec::with_capacity(found.len());
    let mut terms = Vec::with_capacity(found.len());
    for f in found {
        kept.push((!f.term.path.is_empty()).then_some(terms.len()));
        if !f.term.path.is_empty() {
            terms.push(f.term);
        }
    }
    let index = |met: usize| kept[rank[met]];
    let roles = if config.source == TermSource::Attendees {
        roles(briefs, &written, terms.len(), index)
    } else {
        Vec::new()
    };
    let brief_terms = written
        .iter_mut()
        .map(|list| {
            let mut list: Vec<usize> = list.iter().filter_map(|&t| index(t)).collect();
            group_repeats(&mut list);
            list
        })
        .collect();
    if let Some(list) = registry {
        link_hierarchy(&mut terms, list);
    }
    for t in &mut terms {
        t.briefs.shrink_to_fit();
    }
    Built { taxonomy: Taxonomy { config: config.clone(), terms, roles }, brief_terms }
}

/// Puts a term written more than once right after its first place (authors rarely repeat one,
/// so the list is only rebuilt when they did).
fn group_repeats(list: &mut Vec<usize>) {
    let repeated = list.iter().enumerate().any(|(i, t)| list[..i].contains(t));
    if !repeated {
        return;
    }
    let mut grouped = Vec::with_capacity(list.len());
    for (i, &t) in list.iter().enumerate() {
        if !list[..i].contains(&t) {
            grouped.extend(list.iter().filter(|&&u| u == t));
        }
    }
    *list = grouped;
}

/// A term while the taxonomy is built, with the first brief that brought it in: messages about
/// the term name that brief's file.
struct Found {
    term: Term,
    /// Index into the briefs.
    first_brief: usize,
}

/// The terms the briefs name, in the order they are first met, each with its briefs; and per
/// brief, the terms it names as written (indexes into the first list).
fn named_terms(source: &TermSource, briefs: &[Brief]) -> (Vec<Found>, Vec<Vec<usize>>) {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut found: Vec<Found> = Vec::new();
    let mut written = Vec::with_capacity(briefs.len());
    for (i, b) in briefs.iter().enumerate() {
        let names = terms_of(b, source);
        let mut list = Vec::with_capacity(names.len());
        for name in names {
            let t = *index.entry(name).or_insert_with(|| {
                found.push(Found { term: Term::named(name), first_brief: i });
                found.len() - 1
            });
            found[t].term.briefs.push(BriefId(i));
            list.push(t);
        }
        written.push(list);
    }
    (found, written)
}

/// A parent gets its page even when no brief names it directly (영남권 above 부산); its
/// messages name the file of the child that brought it in.
fn add_ancestors(found: &mut Vec<Found>, list: &TermList) {
    let mut known: std::collections::HashSet<String> = found.iter().map(|f| f.term.name.clone()).collect();
    for t in 0..found.len() {
        let (name, first_brief) = (found[t].term.name.clone(), found[t].first_brief);
        for ancestor in list.ancestors(&name) {
            if known.insert(ancestor.to_string()) {
                found.push(Found { term: Term::named(ancestor), first_brief });
            }
        }
    }
}

/// Gives each term its slug and path, in name order. A term that cannot have a URL of its own
/// is reported and keeps an empty path.
fn assign_urls(
    config: &TaxonomyConfig,
    briefs: &[Brief],
    style: SlugStyle,
    found: &mut [Found],
    problems: &mut Vec<Diagnostic>,
) {
    let mut by_slug: HashMap<String, usize> = HashMap::new();
    for t in 0..found.len() {
        let slug = slugify(&found[t].term.name, style);
        let taken = by_slug
            .get(&slug)
            .map(|&o| (found[o].term.name.as_str(), briefs[found[o].first_brief].path.as_path()));
        if let Some((message, hint)) = url_problem(config, &found[t].term.name, &slug, taken) {
            problems
                .push(Diagnostic::error(&briefs[found[t].first_brief].path, 0, 0, message).with_hint(hint));
            continue;
        }
        by_slug.insert(slug.clone(), t);
        found[t].term.path = format!("{}/{}/", config.path, slug);
        found[t].term.slug = slug;
    }
}

/// Why the term `name` cannot have the URL name `slug`, as a message and a hint. `taken` is
/// the term already given that slug, and the file it was first used in.
fn url_problem(
    config: &TaxonomyConfig,
    name: &str,
    slug: &str,
    taken: Option<(&str, &Path)>,
) -> Option<(String, &'static str)> {
    if slug.is_empty() {
        let message = format!("the {} `{name}` has no letters or digits to make a URL from", config.name);
        return Some((message, "spell the term with letters or digits"));
    }
    if let Some(why) = crate::brief::slug::too_long(slug) {
        return Some((format!("the {} `{name}` is too long: {why}", config.name), "shorten the term"));
    }
    let (other_term, other_file) = taken?;
    let message = format!(
        "the {} `{name}` and `{other_term}` (used in {}) would share the URL /{}/{slug}/",
        config.name,
        other_file.display(),
        config.path,
    );
    Some((message, "spell the term the same way in every brief"))
}

/// Per person (term), the distinct (role, organisation) pairs they appear with, oldest first.
/// `written[b]` lists brief `b`'s attendees as terms met (one per attendee, in order), and
/// `index` turns one into its term, if it has a page. One pass over the briefs, oldest first,
/// in the order they are held: walking each person's briefs instead jumped across the whole
/// archive once per person.
fn roles(
    briefs: &[Brief],
    written: &[Vec<usize>],
    terms: usize,
    index: impl Fn(usize) -> Option<usize>,
) -> Vec<Vec<Role>> {
    let mut roles: Vec<Vec<Role>> = vec![Vec::new(); terms];
    for (b, met) in briefs.iter().zip(written).rev() {
        for (k, &m) in met.iter().enumerate() {
            let Some(t) = index(m) else { continue };
            // A person listed twice in one brief is counted twice, each time in the role of
            // their first listing there.
            let first = met.iter().position(|&x| x == m).unwrap_or(k);
            let a = &b.meta.attendees[first];
            match roles[t].iter_mut().find(|r| r.role == a.role && r.org == a.org) {
                Some(r) => {
                    r.last = b.meta.date;
                    r.count += 1;
                }
                None => roles[t].push(Role {
                    role: a.role.clone(),
                    org: a.org.clone(),
                    first: b.meta.date,
                    last: b.meta.date,
                    count: 1,
                }),
            }
        }
    }
    roles
}

/// For each brief, up to `limit` briefs sharing the most terms with it (ties: nearest in time).
/// Only the `window` nearest briefs of each term are considered, so a term carried by thousands
/// of briefs does not make this quadratic.
pub fn related(briefs: &[Brief], taxonomies: &[Taxonomy], limit: usize, window: usize) -> Vec<Vec<BriefId>> {
    // Position of each brief in each of its terms' lists.
    let mut memberships: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); briefs.len()];
    for (x, tax) in taxonomies.iter().enumerate() {
        for (t, term) in tax.terms.iter().enumerate() {
            for (pos, &b) in term.briefs.iter().enumerate() {
                memberships[b.0].push((x, t, pos));
            }
        }
    }
    memberships
        .par_iter()
        .enumerate()
        // One score per brief in a scratch array per thread (cleared through the list of
        // touched entries): a hash map per brief made this the slowest step of the model.
        .map_init(
            || (vec![0u32; briefs.len()], Vec::<usize>::new()),
            |(scores, touched), (b, terms)| {
                for &(x, t, pos) in terms {
                    let list = &taxonomies[x].terms[t].briefs;
                    let lo = pos.saturating_sub(window / 2);
                    let hi = (pos + window / 2 + 1).min(list.len());
                    for &BriefId(other) in &list[lo..hi] {
                        if other != b {
                            if scores[other] == 0 {
                                touched.push(other);
                            }
                            scores[other] += 1;
                        }
                    }
                }
                let order = |a: &(usize, u32), c: &(usize, u32)| {
                    c.1.cmp(&a.1).then(a.0.abs_diff(b).cmp(&c.0.abs_diff(b))).then(a.0.cmp(&c.0))
                };
                // The best `limit`, best first, kept as the candidates come: most lose to the
                // last one kept at once (selecting among all the candidates, hundreds a brief,
                // was most of this step).
                let mut best: Vec<(usize, u32)> = Vec::with_capacity(limit + 1);
                for &o in touched.iter() {
                    let c = (o, scores[o]);
                    scores[o] = 0;
                    if best.len() == limit && best.last().is_none_or(|last| order(&c, last).is_ge()) {
                        continue;
                    }
                    let at = best.partition_point(|x| order(x, &c).is_lt());
                    best.insert(at, c);
                    best.truncate(limit);
                }
                touched.clear();
                best.iter().map(|&(o, _)| BriefId(o)).collect()
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::group_repeats;

    #[test]
    fn a_term_written_twice_comes_twice_beside_its_first_place() {
        // Front matter lists drop repeats when read; a model made from briefs built any other
        // way still orders their terms as the sort by first place did.
        let mut list = vec![3, 1, 3, 2, 1];
        group_repeats(&mut list);
        assert_eq!(list, [3, 3, 1, 1, 2]);
        let mut plain = vec![2, 0, 1];
        group_repeats(&mut plain);
        assert_eq!(plain, [2, 0, 1]);
    }
}
