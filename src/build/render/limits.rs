//! Templates that would never finish, found before any page renders. Tera 2 finds include and
//! extends cycles itself when the templates are added, caps `range()` at 100,000 items, and stops
//! a component nested more than 20 deep while rendering, with a message that names no template.
//! Here the cycles become located errors, and a component that calls itself without walking
//! down its data is found in the templates' text before any page renders, with the file and line.

use super::tags::{code_parts, tags, Kind};
use super::{errors, tera1};
use crate::build::theme::Theme;
use crate::diagnostics::{Diagnostic, LineIndex};
use std::collections::HashMap;
use tera::ErrorKind;

/// Why adding the theme's templates to Tera failed: the Tera 1 constructs in them if there are
/// any (they are the likely cause, and Tera 2 would name them only as bare syntax errors), else
/// the cycle or the errors Tera found.
pub(super) fn compile_errors(theme: &Theme, e: &tera::Error) -> Vec<Diagnostic> {
    let tera1: Vec<Diagnostic> = theme
        .templates
        .iter()
        .flat_map(|t| tera1::check(&t.origin, &String::from_utf8_lossy(&t.bytes)))
        .collect();
    if !tera1.is_empty() {
        return tera1;
    }
    let (chain, verb) = match e.kind() {
        ErrorKind::CircularInclude { tpl, include_chain } => (cycle_of(tpl, include_chain), "includes"),
        ErrorKind::CircularExtend { tpl, inheritance_chain } => (cycle_of(tpl, inheritance_chain), "extends"),
        _ => return errors::template_errors(theme, e, None),
    };
    let first = &chain[0];
    let next = chain.get(1).unwrap_or(first);
    let (line, col) = locate(theme, first, &format!("\"{next}\""));
    vec![Diagnostic::error(
        theme.origin(first),
        line,
        col,
        format!(
            "template error: `{first}` {verb} itself (through {}): it would never finish",
            chain.join(" → ")
        ),
    )
    .with_hint("remove the include or extends that leads back; a template cannot include or extend itself")]
}

/// The templates along a cycle, from `tpl` round to just before it comes back: Tera's chain
/// may start with the templates that led into the cycle.
fn cycle_of(tpl: &str, chain: &[String]) -> Vec<String> {
    let from = chain.iter().position(|t| t == tpl).unwrap_or(0);
    let mut cycle: Vec<String> = chain[from..].to_vec();
    if cycle.len() > 1 && cycle.last() == cycle.first() {
        cycle.pop();
    }
    if cycle.is_empty() {
        cycle.push(tpl.to_string());
    }
    cycle
}

/// A call from one component to another: the callee, whether it walks down the data (see
/// [`walks_down`]), and where the call is (template, byte offset).
struct Call {
    callee: String,
    walks: bool,
    template: String,
    offset: usize,
}

/// Every component that calls itself, directly or through others, without walking down its data.
pub(super) fn check(theme: &Theme) -> Vec<Diagnostic> {
    let mut calls: HashMap<String, Vec<Call>> = HashMap::new();
    for t in &theme.templates {
        component_calls(&t.name, &String::from_utf8_lossy(&t.bytes), &mut calls);
    }
    // Only calls that do not walk down the data can recurse forever.
    let plain: HashMap<String, Vec<String>> = calls
        .iter()
        .map(|(k, v)| (k.clone(), v.iter().filter(|c| !c.walks).map(|c| c.callee.clone()).collect()))
        .collect();
    let Some(cycle) = find_cycle(&plain) else { return Vec::new() };
    let name = &cycle[0];
    let next = cycle.get(1).unwrap_or(name);
    let call = calls[name].iter().find(|c| &c.callee == next && !c.walks).expect("the cycle's edge");
    let source =
        theme.templates.iter().find(|t| t.name == call.template).map(|t| String::from_utf8_lossy(&t.bytes));
    let (line, col) = source.map_or((0, 0), |s| LineIndex::new(&s).position(call.offset));
    vec![Diagnostic::error(
        theme.origin(&call.template),
        line,
        col,
        format!(
            "template error: the component `{name}` calls itself ({}) without walking down its data: it would never finish",
            cycle.join(" → ")
        ),
    )
    .with_hint("a component may call itself only inside `{% for x in arg %}`, passing a part of `x` (e.g. `{{ <toc items={x.children} /> }}`)")]
}

/// The component calls inside each component a template defines, into `calls`.
fn component_calls(template: &str, source: &str, calls: &mut HashMap<String, Vec<Call>>) {
    let mut current: Option<String> = None;
    let mut loops: Vec<Vec<String>> = Vec::new();
    for tag in tags(source) {
        let rest = tag.inner.trim_start()[tag.keyword().len()..].trim_start();
        match tag.keyword() {
            "component" => {
                let name = rest.split(|c: char| c == '(' || c.is_whitespace()).next().unwrap_or("");
                current = Some(name.to_string());
                calls.entry(name.to_string()).or_default();
                continue;
            }
            "endcomponent" => current = None,
            "for" => {
                let vars = rest.split(" in ").next().unwrap_or("");
                loops.push(vars.split(',').map(|v| v.trim().to_string()).collect());
            }
            "endfor" => {
                loops.pop();
            }
            _ => {}
        }
        let Some(caller) = &current else { continue };
        let in_scope: Vec<&String> = loops.iter().flatten().collect();
        for (offset, code) in code_parts(tag.inner) {
            for (p, _) in code.match_indices('<') {
                let name: String = code[p + 1..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
                    .collect();
                let starts_ident = name.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_');
                if !starts_ident
                    || (tag.kind == Kind::Expr
                        && code[..p].trim_end().ends_with(|c: char| c.is_alphanumeric()))
                {
                    continue;
                }
                let attrs = code[p + 1 + name.len()..].split('>').next().unwrap_or("");
                let walks = walks_down(attrs, &in_scope);
                let (template, offset) = (template.to_string(), tag.start + offset + p);
                let call = Call { callee: name, walks, template, offset };
                calls.entry(caller.clone()).or_default().push(call);
            }
        }
    }
}

/// The first cycle in a graph, as the list of nodes along it (in a stable order: by name).
fn find_cycle<K: Clone + Ord + std::hash::Hash>(graph: &HashMap<K, Vec<K>>) -> Option<Vec<K>> {
    // Iterative depth-first search (0 = unseen, 1 = on the path, 2 = done), so that a deep theme
    // cannot overflow the stack of the check that guards against overflowing the stack.
    let mut state: HashMap<&K, u8> = HashMap::new();
    let mut keys: Vec<&K> = graph.keys().collect();
    keys.sort();
    for start in keys {
        if state.get(start).copied().unwrap_or(0) != 0 {
            continue;
        }
        let mut path: Vec<(&K, usize)> = vec![(start, 0)];
        state.insert(start, 1);
        while let Some((node, next)) = path.last_mut() {
            let edges = graph.get(*node).map(Vec::as_slice).unwrap_or(&[]);
            let Some(target) = edges.get(*next) else {
                state.insert(*node, 2);
                path.pop();
                continue;
            };
            *next += 1;
            let Some((key, _)) = graph.get_key_value(target) else { continue };
            match state.get(key).copied().unwrap_or(0) {
                1 => {
                    let from = path.iter().position(|(n, _)| *n == key).unwrap_or(0);
                    return Some(path[from..].iter().map(|(n, _)| (*n).clone()).collect());
                }
                0 => {
                    state.insert(key, 1);
                    path.push((key, 0));
                }
                _ => {}
            }
        }
    }
    None
}

/// Whether a component call passes (a part of) the variable of a `for` loop around it, as
/// `<toc items={i.children} />` does inside `{% for i in items %}`: the call then goes one level
/// down a finite tree of data, and the recursion ends where the data ends.
fn walks_down(attrs: &str, loops: &[&String]) -> bool {
    attrs.split("={").skip(1).any(|v| {
        let expr = v.split('}').next().unwrap_or("").trim();
        let root = expr.split(['.', '[']).next().unwrap_or("");
        expr.chars().all(|c| c.is_alphanumeric() || "._[]".contains(c)) && loops.iter().any(|l| *l == root)
    })
}

/// The line and column of the first mention of `needle` in a template, for messages.
fn locate(theme: &Theme, template: &str, needle: &str) -> (usize, usize) {
    let Some(file) = theme.templates.iter().find(|t| t.name == template) else { return (0, 0) };
    LineIndex::new(&String::from_utf8_lossy(&file.bytes)).find(needle).unwrap_or((0, 0))
}
