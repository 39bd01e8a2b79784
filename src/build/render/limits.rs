//! Templates that would never finish, found before any page renders. Tera 1 has no recursion
//! limit: a template that includes itself, two that include each other, or a macro that calls
//! itself without walking down its data overflows the stack and aborts the process (and with it
//! `annals serve`). The compiled templates are read as Tera's syntax tree instead, and such
//! cycles are reported with the template file and line. `range()` is capped for the same reason.

use crate::build::theme::Theme;
use crate::diagnostics::Diagnostic;
use std::collections::HashMap;
use tera::ast::{Expr, ExprVal, Node};
use tera::{Tera, Value};

/// The most items `range()` may produce in a template.
pub const MAX_RANGE: i64 = 100_000;

/// A macro, by the template that defines it and its name.
type MacroId = (String, String);

/// What one template (or one macro's body) refers to.
#[derive(Default)]
struct Refs {
    /// Templates it includes.
    includes: Vec<String>,
    /// Macros it calls as `namespace::name`, and whether the call walks down the data (see
    /// [`walks_down`]).
    calls: Vec<(String, String, bool)>,
}

/// Every include cycle and every macro recursion that does not walk down its data.
pub(super) fn check(tera: &Tera, theme: &Theme) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut includes: HashMap<String, Vec<String>> = HashMap::new();
    let mut macro_calls: HashMap<MacroId, Vec<(MacroId, bool)>> = HashMap::new();
    for name in tera.get_template_names() {
        let Ok(t) = tera.get_template(name) else { continue };
        let mut refs = Refs::default();
        walk(&t.ast, &mut Vec::new(), &mut refs);
        let mut edges = refs.includes;
        edges.extend(t.parent.iter().cloned());
        for m in t.macros.values() {
            let mut inner = Refs::default();
            walk(&m.body, &mut Vec::new(), &mut inner);
            edges.extend(inner.includes);
            let resolve = |ns: &str| -> Option<String> {
                if ns == "self" {
                    return Some(name.to_string());
                }
                t.imported_macro_files.iter().find(|(_, n)| n == ns).map(|(f, _)| f.clone())
            };
            let calls = inner
                .calls
                .into_iter()
                .filter_map(|(ns, callee, walks)| Some(((resolve(&ns)?, callee), walks)))
                .collect();
            macro_calls.insert((name.to_string(), m.name.clone()), calls);
        }
        includes.insert(name.to_string(), edges);
    }
    if let Some(cycle) = find_cycle(&includes) {
        let first = &cycle[0];
        let next = cycle.get(1).unwrap_or(first);
        let (line, col) = locate(theme, first, &format!("\"{next}\""));
        problems.push(
            Diagnostic::error(
                theme.origin(first),
                line,
                col,
                format!(
                    "template error: `{}` includes itself (through {}): it would never finish",
                    first,
                    cycle.join(" → ")
                ),
            )
            .with_hint("remove the include that leads back; a template cannot include or extend itself"),
        );
    }
    // Only calls that do not walk down the data can recurse forever.
    let plain: HashMap<MacroId, Vec<MacroId>> = macro_calls
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().filter(|(_, walks)| !walks).map(|(m, _)| m).collect()))
        .collect();
    if let Some(cycle) = find_cycle(&plain) {
        let (file, name) = &cycle[0];
        let next = &cycle.get(1).unwrap_or(&cycle[0]).1;
        let (line, col) = locate(theme, file, &format!("::{next}("));
        let path: Vec<String> = cycle.iter().map(|(_, m)| m.clone()).collect();
        problems.push(
            Diagnostic::error(
                theme.origin(file),
                line,
                col,
                format!(
                    "template error: the macro `{name}` calls itself ({}) without walking down its data: it would never finish",
                    path.join(" → ")
                ),
            )
            .with_hint("a macro may call itself only inside `{% for x in arg %}`, passing a part of `x` (e.g. `self::toc(items=x.children)`)"),
        );
    }
    problems
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

/// Walks template nodes, noting includes and macro calls; `loops` holds the variables of the
/// `for` loops around the current node.
fn walk(nodes: &[Node], loops: &mut Vec<String>, refs: &mut Refs) {
    for node in nodes {
        match node {
            Node::Include(_, names, _) => refs.includes.extend(names.iter().cloned()),
            Node::VariableBlock(_, e) => expr(e, loops, refs),
            Node::Set(_, s) => expr(&s.value, loops, refs),
            Node::FilterSection(_, f, _) => {
                f.filter.args.values().for_each(|e| expr(e, loops, refs));
                walk(&f.body, loops, refs);
            }
            Node::Block(_, b, _) => walk(&b.body, loops, refs),
            Node::Forloop(_, f, _) => {
                expr(&f.container, loops, refs);
                loops.push(f.value.clone());
                loops.extend(f.key.iter().cloned());
                walk(&f.body, loops, refs);
                loops.truncate(loops.len() - 1 - usize::from(f.key.is_some()));
                if let Some(empty) = &f.empty_body {
                    walk(empty, loops, refs);
                }
            }
            Node::If(i, _) => {
                for (_, cond, body) in &i.conditions {
                    expr(cond, loops, refs);
                    walk(body, loops, refs);
                }
                if let Some((_, body)) = &i.otherwise {
                    walk(body, loops, refs);
                }
            }
            _ => {}
        }
    }
}

fn expr(e: &Expr, loops: &[String], refs: &mut Refs) {
    value(&e.val, loops, refs);
    for f in &e.filters {
        f.args.values().for_each(|a| expr(a, loops, refs));
    }
}

fn value(v: &ExprVal, loops: &[String], refs: &mut Refs) {
    match v {
        ExprVal::MacroCall(c) => {
            let walks = c.args.values().any(|a| walks_down(a, loops));
            refs.calls.push((c.namespace.clone(), c.name.clone(), walks));
            c.args.values().for_each(|a| expr(a, loops, refs));
        }
        ExprVal::FunctionCall(f) => f.args.values().for_each(|a| expr(a, loops, refs)),
        ExprVal::Math(m) => {
            expr(&m.lhs, loops, refs);
            expr(&m.rhs, loops, refs);
        }
        ExprVal::Logic(l) => {
            expr(&l.lhs, loops, refs);
            expr(&l.rhs, loops, refs);
        }
        ExprVal::In(i) => {
            expr(&i.lhs, loops, refs);
            expr(&i.rhs, loops, refs);
        }
        ExprVal::Test(t) => t.args.iter().for_each(|a| expr(a, loops, refs)),
        ExprVal::Array(items) => items.iter().for_each(|a| expr(a, loops, refs)),
        ExprVal::StringConcat(s) => s.values.iter().for_each(|v| value(v, loops, refs)),
        _ => {}
    }
}

/// Whether a macro argument is (a part of) the variable of a `for` loop around the call: the
/// call then goes one level down a finite tree of data, as `self::toc(items=i.children)` does
/// inside `{% for i in items %}`, and the recursion ends where the data ends.
fn walks_down(arg: &Expr, loops: &[String]) -> bool {
    match &arg.val {
        ExprVal::Ident(path) => {
            let root = path.split(['.', '[']).next().unwrap_or("");
            loops.iter().any(|l| l == root)
        }
        _ => false,
    }
}

/// The line and column of the first mention of `needle` in a template, for messages.
fn locate(theme: &Theme, template: &str, needle: &str) -> (usize, usize) {
    let Some(file) = theme.templates.iter().find(|t| t.name == template) else { return (0, 0) };
    let source = String::from_utf8_lossy(&file.bytes);
    for (i, line) in source.lines().enumerate() {
        if let Some(pos) = line.find(needle) {
            return (i + 1, line[..pos].chars().count() + 1);
        }
    }
    (0, 0)
}

/// `range(end, start=0, step_by=1)` as Tera has it, refusing more than [`MAX_RANGE`] items: a
/// theme's `range(end=1000000000)` would otherwise take all memory.
pub(super) struct Range;

impl tera::Function for Range {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let int = |name: &str, default: Option<i64>| -> tera::Result<i64> {
            match args.get(name) {
                Some(v) => v
                    .as_i64()
                    .ok_or_else(|| tera::Error::msg(format!("range(): `{name}` must be an integer"))),
                None => default.ok_or_else(|| tera::Error::msg("range() needs an `end` argument")),
            }
        };
        let (start, end, step) = (int("start", Some(0))?, int("end", None)?, int("step_by", Some(1))?);
        if step <= 0 {
            return Err(tera::Error::msg("range(): `step_by` must be above 0"));
        }
        let count = if end > start { (end - start + step - 1) / step } else { 0 };
        if count > MAX_RANGE {
            return Err(tera::Error::msg(format!(
                "range() of {count} items is over the limit of {MAX_RANGE}"
            )));
        }
        Ok(Value::Array((0..count).map(|i| Value::from(start + i * step)).collect()))
    }
}
