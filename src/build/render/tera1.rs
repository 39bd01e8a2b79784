//! Templates written for Tera 1, which annals used before Tera 2. Tera 2 would reject most of
//! what changed with a bare syntax error ("expected `%}`") or "unknown filter"; this names
//! the Tera 1 construct, says what replaced it and how to write it, at its line and column.

use super::tags::{code_parts, tags, Tag};
use crate::diagnostics::{Diagnostic, LineIndex};
use std::path::Path;

/// Where to read about Tera 2's syntax.
const DOCS: &str = "docs/templates.md (“Moving a template from Tera 1”)";

/// Filters of Tera 1 that Tera 2 renamed or removed, and how to write them now.
const FILTERS: &[(&str, &str)] = &[
    ("filter", "Tera 2 has no `filter` filter: write a list comprehension, `[x for x in list if x.attr]` (or `if x.attr == value`)"),
    ("map", "Tera 2 has no `map` filter: write a list comprehension, `[x.attr for x in list]`"),
    ("as_str", "Tera 2 renamed `as_str` to `str`"),
    ("linebreaksbr", "Tera 2 renamed `linebreaksbr` to `newlines_to_br`"),
    ("trim_left", "Tera 2 renamed `trim_left` to `trim_start`"),
    ("trim_right", "Tera 2 renamed `trim_right` to `trim_end`"),
    ("concat", "Tera 2 has no `concat` filter: spread into an array literal, `[...list, item]`"),
    ("slice", "Tera 2 has no `slice` filter: slice the array, `list[start:end]`"),
    ("json_encode", "Tera 2 has no `json_encode` filter, and annals gives none"),
    ("striptags", "Tera 2 has no `striptags` filter, and annals gives none"),
    ("spaceless", "Tera 2 has no `spaceless` filter: control whitespace with `{%-` and `-%}`"),
    ("addslashes", "Tera 2 has no `addslashes` filter, and annals gives none"),
];

/// Tests of Tera 1 that Tera 2 renamed or whose argument now has a name.
const TESTS: &[(&str, &str)] = &[
    ("divisibleby", "Tera 2 renamed the test `divisibleby` to `divisible_by(divisor=n)`"),
    ("object", "Tera 2 renamed the test `object` to `map`"),
    ("starting_with", "Tera 2 tests take named arguments: `is starting_with(pat=\"…\")`"),
    ("ending_with", "Tera 2 tests take named arguments: `is ending_with(pat=\"…\")`"),
    ("containing", "Tera 2 tests take named arguments: `is containing(pat=…)`"),
];

/// Every Tera 1 construct in one template, each a located error with the Tera 2 way to write it.
pub(super) fn check(origin: &Path, source: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let index = LineIndex::new(source);
    for tag in tags(source) {
        let at = |offset: usize| index.position(tag.start + offset);
        statement(&tag, &at, &mut found);
        for (offset, code) in code_parts(tag.inner) {
            calls(tag.inner, offset, code, &at, &mut found);
            filters_and_tests(code, offset, &at, &mut found);
        }
    }
    found
        .into_iter()
        .map(|((line, col), message, hint)| {
            Diagnostic::error(origin, line, col, format!("template error: {message} (Tera 1 syntax)"))
                .with_hint(format!("{hint}; see {DOCS}"))
        })
        .collect()
}

/// A finding: position, what changed, how to write it now.
type Found = ((usize, usize), String, String);

fn statement(tag: &Tag, at: &dyn Fn(usize) -> (usize, usize), found: &mut Vec<Found>) {
    let lead = tag.inner.len() - tag.inner.trim_start().len();
    let rest = tag.inner.trim_start()[tag.keyword().len()..].trim();
    match tag.keyword() {
        "macro" => {
            let name = rest.split('(').next().unwrap_or("").trim();
            let args = rest.find('(').map(|i| &rest[i..]).unwrap_or("()");
            let args = args.rsplit_once(')').map_or(args, |(a, _)| a).trim_start_matches('(');
            let names: String = split_params(args).iter().map(|n| format!(" {n}={{…}}")).collect();
            found.push((
                at(lead),
                format!("`{{% macro {name}(…) %}}`: Tera 2 has no macros, they became components"),
                format!(
                    "write `{{% component {name}({args}) %}}` … `{{% endcomponent {name} %}}` and call it as `{{{{ <{name}{names} /> }}}}`"
                ),
            ))
        }
        "import" => found.push((
            at(lead),
            "`{% import %}`: Tera 2 components need no import".to_string(),
            "delete this line; every component is visible in every template".to_string(),
        )),
        "include" if rest.starts_with('[') || rest.contains("ignore missing") => found.push((
            at(lead),
            "`{% include %}` of a list or with `ignore missing`: Tera 2 includes exactly one template"
                .to_string(),
            "include one template by its name, `{% include \"partials/x.html\" %}`".to_string(),
        )),
        _ => {}
    }
}

/// Macro calls, `namespace::name(a=1, b=x)`, in the part `code` (at `offset`) of a tag's text
/// `inner`.
fn calls(
    inner: &str,
    offset: usize,
    code: &str,
    at: &dyn Fn(usize) -> (usize, usize),
    found: &mut Vec<Found>,
) {
    let mut from = 0;
    while let Some(p) = code[from..].find("::").map(|p| p + from) {
        from = p + 2;
        let ns_start = code[..p].rfind(|c: char| !is_ident(c)).map_or(0, |i| i + 1);
        let name: String = code[p + 2..].chars().take_while(|c| is_ident(*c)).collect();
        if ns_start == p || name.is_empty() {
            continue;
        }
        let call = &code[ns_start..];
        let after = &inner[offset + p + 2 + name.len()..];
        let args = after.strip_prefix('(').map(split_args).unwrap_or_default();
        let attr = |(k, v): &(String, String)| {
            let plain =
                v.len() > 1 && v.starts_with('"') && v.ends_with('"') && !v[1..v.len() - 1].contains('"');
            if plain {
                format!(" {k}={v}")
            } else {
                format!(" {k}={{{v}}}")
            }
        };
        let attrs: String = args.iter().map(attr).collect();
        found.push((
            at(offset + ns_start),
            format!("`{}::{name}(…)`: Tera 2 has no macros, they became components", &call[..p - ns_start]),
            format!("call the component as `{{{{ <{name}{attrs} /> }}}}`"),
        ));
    }
}

/// The `key=value` arguments of a call, from just after its `(` up to the matching `)`.
fn split_args(text: &str) -> Vec<(String, String)> {
    let (mut depth, mut start, mut parts) = (0usize, 0, Vec::new());
    let mut end = text.len();
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' | '`' => quote = Some(c),
            '(' | '[' | '{' => depth += 1,
            ')' if depth == 0 => {
                end = i;
                break;
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..end]);
    parts
        .into_iter()
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// The parameter names of a macro's `(a, b=1)`.
fn split_params(args: &str) -> Vec<&str> {
    args.split(',').map(|p| p.split('=').next().unwrap_or("").trim()).filter(|n| !n.is_empty()).collect()
}

/// Filters after `|` and tests after `is` that Tera 2 renamed or removed.
fn filters_and_tests(
    code: &str,
    offset: usize,
    at: &dyn Fn(usize) -> (usize, usize),
    found: &mut Vec<Found>,
) {
    for (p, _) in code.match_indices('|') {
        let word = next_word(&code[p + 1..]);
        if let Some((name, says)) = FILTERS.iter().find(|(n, _)| *n == word.1) {
            found.push((at(offset + p + 1 + word.0), format!("the filter `{name}`"), says.to_string()));
        }
        if word.1 == "truncate"
            && !code[p + 1..].trim_start()["truncate".len()..].trim_start().starts_with('(')
        {
            let says = "Tera 2's `truncate` needs its length: `truncate(length=255)`";
            found.push((at(offset + p + 1 + word.0), "`truncate` without a length".into(), says.into()));
        }
    }
    let mut from = 0;
    while let Some(p) = code[from..].find("is ").map(|p| p + from) {
        from = p + 3;
        if code[..p].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let mut after = &code[p + 3..];
        let mut skipped = 3;
        if let Some(rest) = after.trim_start().strip_prefix("not ") {
            skipped += after.len() - rest.len();
            after = rest;
        }
        let (lead, word) = next_word(after);
        let rest = after[lead + word.len()..].trim_start();
        let positional = rest.starts_with('(') && !rest[1..].split(')').next().unwrap_or("").contains('=');
        let Some((name, says)) = TESTS.iter().find(|(n, _)| *n == word) else { continue };
        let renamed = matches!(*name, "divisibleby" | "object");
        if renamed || positional {
            found.push((at(offset + p + skipped + lead), format!("the test `{name}`"), says.to_string()));
        }
    }
}

/// The identifier at the start of `text` (after spaces), with how many bytes of space came first.
fn next_word(text: &str) -> (usize, &str) {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let end = trimmed.find(|c: char| !is_ident(c)).unwrap_or(trimmed.len());
    (lead, &trimmed[..end])
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether a template only uses what Tera 2 has (no Tera 1 construct found).
#[cfg(test)]
fn clean(source: &str) -> bool {
    check(Path::new("t.html"), source).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(source: &str) -> String {
        let found = check(Path::new("templates/t.html"), source);
        assert_eq!(found.len(), 1, "{found:#?}");
        found[0].to_string()
    }

    #[test]
    fn macros_imports_and_calls_say_what_replaced_them() {
        let d = one("<p>\n  {% macro card(b, big=false) %}x{% endmacro %}");
        assert!(d.starts_with("templates/t.html:2:6: error: template error: `{% macro card(…) %}`"), "{d}");
        assert!(d.contains("{% component card(b, big=false) %}"), "{d}");
        assert!(d.contains("`{{ <card b={…} big={…} /> }}`"), "{d}");
        let d = one("{% import \"macros.html\" as m %}");
        assert!(d.starts_with("templates/t.html:1:4:") && d.contains("need no import"), "{d}");
        let d = one("<b>{{ m::amount(a=x.total, currency=\"KRW\") }}</b>");
        assert!(d.starts_with("templates/t.html:1:7:"), "{d}");
        assert!(d.contains("`{{ <amount a={x.total} currency=\"KRW\" /> }}`"), "{d}");
    }

    #[test]
    fn renamed_filters_and_tests_are_named_with_their_tera_2_form() {
        let d = one("{{ l | filter(attribute=\"region\") | length }}");
        assert!(d.contains(":1:8:") && d.contains("[x for x in list if x.attr]"), "{d}");
        assert!(one("{{ x | linebreaksbr }}").contains("newlines_to_br"));
        assert!(one("{% if a is starting_with(b) %}{% endif %}").contains("starting_with(pat="));
        assert!(one("{% if n is divisibleby(3) %}{% endif %}").contains("divisible_by(divisor=n)"));
        assert!(one("{{ t | truncate }}").contains("truncate(length="));
    }

    #[test]
    fn tera_2_templates_and_text_in_strings_are_left_alone() {
        assert!(clean("{% component card(b) %}{{ b.title | truncate(length=5) }}{% endcomponent card %}"));
        assert!(clean("{{ <card b={x} /> }}{% if a is starting_with(pat=b) %}{% endif %}"));
        assert!(clean("{{ \"a::b(x) | filter\" }}{# {% macro m() %} #}{% raw %}{{ m::x() }}{% endraw %}"));
        assert!(clean("{% set n = [l for l in lines if l.region] | length %}this is a filter"));
    }
}
