//! Front matter: splitting a brief into its YAML block and Markdown body, and reading every field
//! of the brief format (`../shared/docs/brief-format.md`) with located, collected errors. Line
//! numbers are counted in the file, not in the YAML block, so editors jump to the right place.

use crate::brief::dates::{parse_date, Moment};
use crate::brief::money::{parse_amount, Amount};
use crate::diagnostics::{did_you_mean, Diagnostic};
use chrono_tz::Tz;
use serde_yaml::{Mapping, Value};
use std::path::Path;

/// Every field the brief format knows.
pub const FIELDS: &[&str] = &[
    "title",
    "date",
    "summary",
    "region",
    "sector",
    "agenda",
    "budget",
    "attendees",
    "source",
    "draft",
    "slug",
    "review",
    "extra",
];

/// One budget line of a brief.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetLine {
    /// What the money pays for.
    pub item: String,
    /// How much.
    pub amount: Amount,
    /// The one region the line is tied to, if any.
    pub region: Option<String>,
    /// The one sector the line is tied to, if any.
    pub sector: Option<String>,
    /// The `item` of another line of the same brief that this line is a part of: the line is
    /// listed, but not added to totals again (a programme's total and its breakdown).
    pub part_of: Option<String>,
}

impl BudgetLine {
    /// Whether the line adds to totals (it is not a part of another line).
    pub fn counts(&self) -> bool {
        self.part_of.is_none()
    }
}

/// One person at a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    /// Name.
    pub name: String,
    /// Role (`장관`), may be empty.
    pub role: String,
    /// Organisation (`과학기술정보통신부`), may be empty.
    pub org: String,
}

/// Where a brief comes from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    /// Publisher (`인더스트리뉴스`).
    pub publisher: String,
    /// Author (`조창현`).
    pub author: String,
    /// Address of the original.
    pub url: String,
    /// When the original was published.
    pub published: Option<Moment>,
}

/// The front matter of one brief, read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    /// Title.
    pub title: String,
    /// Date.
    pub date: Moment,
    /// One or two sentences, may be empty.
    pub summary: String,
    /// Regions.
    pub region: Vec<String>,
    /// Sectors.
    pub sector: Vec<String>,
    /// Agenda items.
    pub agenda: Vec<String>,
    /// Terms of site-defined taxonomies, by field name.
    pub custom: Vec<(String, Vec<String>)>,
    /// Budget lines.
    pub budget: Vec<BudgetLine>,
    /// Attendees.
    pub attendees: Vec<Attendee>,
    /// Source, if given.
    pub source: Option<Source>,
    /// Left out of builds unless drafts are asked for.
    pub draft: bool,
    /// Slug given by the author.
    pub slug: Option<String>,
    /// Fields an importer was unsure of.
    pub review: Vec<String>,
    /// Free-form data for templates.
    pub extra: serde_json::Value,
    /// Things that read but are probably mistakes (an amount of 5,000원), reported as warnings.
    pub warnings: Vec<Diagnostic>,
}

/// A brief split into its parts.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    /// The YAML text between the `---` lines.
    pub yaml: &'a str,
    /// 1-based file line of the first YAML line.
    pub yaml_line: usize,
    /// The Markdown body.
    pub body: &'a str,
    /// 1-based file line of the first body line.
    pub body_line: usize,
}

/// Splits a brief into front matter and body.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = text.find('\n').map(|i| i + 1).unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(Diagnostic::error(path, 1, 1, "the brief has no front matter")
            .with_hint("start the file with a line `---`, then `title:` and `date:`, then a closing `---`"));
    }
    let rest = &text[first_end..];
    let mut offset = 0;
    for (line_no, line) in (2..).zip(rest.split_inclusive('\n')) {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            let body_start = first_end + offset + line.len();
            return Ok(Split {
                yaml: &text[first_end..first_end + offset],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(path, 1, 1, "the front matter is never closed")
        .with_hint("end the front matter with a line `---` before the Markdown body"))
}

/// What front matter parsing needs from the site.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    /// The site time zone.
    pub timezone: Tz,
    /// Field names of site-defined taxonomies.
    pub custom_fields: &'a [String],
    /// Job titles, to tell a role from an organisation in `"이름 (직함)"`.
    pub roles: &'a crate::korean::Roles,
}

/// Reads the front matter of a split brief; all problems are returned together.
pub fn parse(path: &Path, split: &Split<'_>, rules: Rules<'_>) -> Result<FrontMatter, Vec<Diagnostic>> {
    let loc = Locator { path, yaml: split.yaml, first_line: split.yaml_line };
    let map = mapping(&loc)?;
    let mut p = Vec::new();
    unknown_fields(&mut p, &loc, &map, rules.custom_fields);
    let title = title(&mut p, &loc, &map);
    let date = date(&mut p, &loc, &map, rules.timezone);
    let summary = text_field(&mut p, &loc, &map, "summary");
    let slug_text = text_field(&mut p, &loc, &map, "slug");
    let region = terms(&mut p, &loc, &map, "region");
    let sector = terms(&mut p, &loc, &map, "sector");
    let agenda = terms(&mut p, &loc, &map, "agenda");
    let review = review(&mut p, &loc, &map);
    let custom = rules.custom_fields.iter().map(|f| (f.clone(), terms(&mut p, &loc, &map, f))).collect();
    let budget = budget(&mut p, &loc, &map);
    let attendees = attendees(&mut p, &loc, &map, rules.roles);
    let source = source(&mut p, &loc, &map, rules.timezone);
    let draft = draft(&mut p, &loc, &map);
    let extra = extra(&mut p, &loc, &map);
    if p.iter().any(Diagnostic::is_error) {
        return Err(p);
    }
    Ok(FrontMatter {
        warnings: p,
        title,
        date: date.expect("checked above"),
        summary,
        region,
        sector,
        agenda,
        custom,
        budget,
        attendees,
        source,
        draft,
        slug: Some(slug_text).filter(|s| !s.is_empty()),
        review,
        extra,
    })
}

/// The YAML block as a map of fields; a block that is not YAML, empty, or not a map stops
/// the brief here, since no field can be read from it.
fn mapping(loc: &Locator<'_>) -> Result<Mapping, Vec<Diagnostic>> {
    let value: Value = match serde_yaml::from_str(loc.yaml) {
        Ok(v) => v,
        Err(e) => return Err(vec![yaml_error(loc, &e)]),
    };
    match value {
        Value::Mapping(m) => Ok(m),
        Value::Null => Err(vec![Diagnostic::error(loc.path, loc.first_line, 1, "the front matter is empty")
            .with_hint("add at least `title:` and `date:`")]),
        _ => Err(vec![Diagnostic::error(
            loc.path,
            loc.first_line,
            1,
            "the front matter is not a list of `key: value` lines",
        )
        .with_hint("write fields as `title: ...`, `date: 2024-01-19`, one per line")]),
    }
}

/// Reports keys that are neither a field of the format nor one of the site's taxonomies.
fn unknown_fields(p: &mut Vec<Diagnostic>, loc: &Locator<'_>, map: &Mapping, custom_fields: &[String]) {
    let known: Vec<&str> = FIELDS.iter().copied().chain(custom_fields.iter().map(String::as_str)).collect();
    for key in map.keys() {
        let name = scalar(key).unwrap_or_default();
        if !known.contains(&name.as_str()) {
            let line = loc.key_pos(&name).map(|(l, _)| l).unwrap_or(loc.first_line);
            let d = Diagnostic::error(loc.path, line, 1, format!("unknown field `{name}`"));
            p.push(match did_you_mean(&name, known.iter().copied()) {
                Some(s) => d.with_hint(format!("did you mean `{s}`?")),
                None => d.with_hint(format!(
                    "brief fields are: {}; a site can add its own with [[taxonomies]] in site.toml, or put free data under `extra:`",
                    known.join(", ")
                )),
            });
        }
    }
}

/// `title`, required and not blank; empty when it is missing (the brief is rejected then).
fn title(p: &mut Vec<Diagnostic>, loc: &Locator<'_>, map: &Mapping) -> String {
    match map.get("title").map(scalar) {
        Some(Some(t)) if !t.trim().is_empty() => t.trim().to_string(),
        Some(_) => {
            p.push(
                loc.at_key("title", "`title` is empty or not text".into())
                    .with_hint("write a headline: title: \"정부, AI 전략 발표\""),
            );
            String::new()
        }
        None => {
            p.push(
                Diagnostic::error(loc.path, loc.first_line, 1, "the brief has no `title`")
                    .with_hint("add a line: title: \"...\""),
            );
            String::new()
        }
    }
}

/// `date`, required, read in the site's time zone; `None` only when an error was reported.
fn date(p: &mut Vec<Diagnostic>, loc: &Locator<'_>, map: &Mapping, tz: Tz) -> Option<Moment> {
    match map.get("date").map(scalar) {
        Some(Some(d)) => match parse_date(&d, tz) {
            Ok(m) => Some(m),
            Err(msg) => {
                p.push(loc.at_key("date", msg).with_hint(
                    "write the date as YYYY-MM-DD, e.g. 2024-01-19, or as 2024-01-19T14:00:00+09:00",
                ));
                None
            }
        },
        Some(None) => {
            p.push(
                loc.at_key("date", "`date` is not a date".into()).with_hint("write the date as YYYY-MM-DD"),
            );
            None
        }
        None => {
            p.push(
                Diagnostic::error(loc.path, loc.first_line, 1, "the brief has no `date`")
                    .with_hint("add a line: date: 2024-01-19"),
            );
            None
        }
    }
}

/// An optional one-line text field (`summary`, `slug`), trimmed; empty when absent.
fn text_field(p: &mut Vec<Diagnostic>, loc: &Locator<'_>, map: &Mapping, key: &str) -> String {
    match map.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(v) => match scalar(v) {
            Some(s) => s.trim().to_string(),
            None => {
                p.push(loc.at_key(key, format!("`{key}` must be text")));
                String::new()
            }
        },
    }
}

/// `review` notes an importer left; each one still there is a warning, so the brief builds but
/// its author is reminded before publishing.
fn review(p: &mut Vec<Diagnostic>, loc: &Locator<'_>, map: &Mapping) -> Vec<String> {
    let review = terms(p, loc, map, "review");
    if !review.is_empty() {
        p.push(
            loc.at_key("review", format!("the brief still has {} review note(s): {}", review.len(), review.join("; ")))
                .with_hint("check each note against the source, fix the front matter, then delete `review:` (and `draft: true`)")
                .into_warning(),
        );
    }
    review
}

/// `draft`, false unless given as `true`.
fn draft(p: &mut Vec<Diagnostic>, loc: &Locator<'_>, map: &Mapping) -> bool {
    match map.get("draft") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            p.push(loc.at_key("draft", "`draft` must be true or false".into()));
            false
        }
    }
}

/// `extra`, free data for templates: a map, or an empty one when absent.
fn extra(p: &mut Vec<Diagnostic>, loc: &Locator<'_>, map: &Mapping) -> serde_json::Value {
    match map.get("extra") {
        None | Some(Value::Null) => serde_json::Value::Object(Default::default()),
        Some(v @ Value::Mapping(_)) => serde_json::to_value(v).unwrap_or_default(),
        Some(_) => {
            p.push(loc.at_key("extra", "`extra` must be a map of `key: value` lines".into()));
            serde_json::Value::Null
        }
    }
}

/// A YAML scalar as text (numbers and booleans too, so `title: 2024` still reads).
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A string or a list of strings; empty entries and repeats are dropped.
fn terms(p: &mut Vec<Diagnostic>, loc: &Locator<'_>, map: &Mapping, key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        let s = s.trim().to_string();
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    match map.get(key) {
        None | Some(Value::Null) => {}
        Some(Value::Sequence(items)) => {
            for (i, item) in items.iter().enumerate() {
                match scalar(item) {
                    Some(s) => push(s),
                    None => p.push(
                        loc.at_item(key, i, None, format!("item {} of `{key}` is not text", i + 1))
                            .with_hint(format!(
                                "write `{key}` as a list of names, e.g. {key}: [영남권, 호남권]"
                            )),
                    ),
                }
            }
        }
        Some(v) => match scalar(v) {
            Some(s) => push(s),
            None => p.push(
                loc.at_key(key, format!("`{key}` must be a name or a list of names"))
                    .with_hint(format!("e.g. {key}: 영남권, or {key}: [영남권, 호남권]")),
            ),
        },
    }
    out
}

fn budget(p: &mut Vec<Diagnostic>, loc: &Locator<'_>, map: &Mapping) -> Vec<BudgetLine> {
    let items = match map.get("budget") {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Sequence(items)) => items,
        Some(_) => {
            p.push(
                loc.at_key("budget", "`budget` must be a list of lines with `item` and `amount`".into())
                    .with_hint("write:\nbudget:\n  - item: 지방 디지털 혁신\n    amount: \"5,770억원\""),
            );
            return Vec::new();
        }
    };
    // Each line read with its place in the list, so that a `part_of` problem is reported at
    // its own line even when an earlier line was dropped.
    let mut out: Vec<(usize, BudgetLine)> = Vec::new();
    for (index, entry) in items.iter().enumerate() {
        let Value::Mapping(map) = entry else {
            p.push(loc.at_item(
                "budget",
                index,
                None,
                format!("budget line {} is not a map with `item` and `amount`", index + 1),
            ));
            continue;
        };
        out.extend(BudgetEntry { loc, index, map }.read(p).map(|line| (index, line)));
    }
    check_parts(p, loc, &out);
    let mut lines: Vec<BudgetLine> = out.into_iter().map(|(_, line)| line).collect();
    // Collected in place, the lines would keep `out`'s larger buffer for the whole build.
    lines.shrink_to_fit();
    lines
}

/// One entry of `budget:`, with where it sits, so that each of its fields is read and pointed
/// at the same way.
struct BudgetEntry<'a> {
    loc: &'a Locator<'a>,
    /// 0-based position in the `budget` list.
    index: usize,
    map: &'a Mapping,
}

impl BudgetEntry<'_> {
    /// The line, or `None` when it has no readable amount (the problem is reported). A missing
    /// `item` is reported and reading goes on, so the author also hears about the amount.
    fn read(&self, p: &mut Vec<Diagnostic>) -> Option<BudgetLine> {
        self.unknown_keys(p);
        let item = self.text("item").unwrap_or_default();
        if item.is_empty() {
            p.push(
                self.error(None, format!("budget line {} has no `item`", self.number()))
                    .with_hint("name what the money pays for: item: 지방 디지털 혁신"),
            );
        }
        let amount = self.amount(p)?;
        Some(BudgetLine {
            item,
            amount,
            region: self.text("region").filter(|s| !s.is_empty()),
            sector: self.text("sector").filter(|s| !s.is_empty()),
            part_of: self.text("part_of").filter(|s| !s.is_empty()),
        })
    }

    /// 1-based, as authors count lines in messages.
    fn number(&self) -> usize {
        self.index + 1
    }

    fn error(&self, sub: Option<&str>, message: String) -> Diagnostic {
        self.loc.at_item("budget", self.index, sub, message)
    }

    /// A text field of the line, trimmed.
    fn text(&self, key: &str) -> Option<String> {
        self.map.get(key).and_then(scalar).map(|s| s.trim().to_string())
    }

    fn unknown_keys(&self, p: &mut Vec<Diagnostic>) {
        for k in self.map.keys() {
            let k = scalar(k).unwrap_or_default();
            if !BUDGET_KEYS.contains(&k.as_str()) {
                let d = self.error(Some(&k), format!("unknown field `{k}` in budget line {}", self.number()));
                p.push(match did_you_mean(&k, BUDGET_KEYS) {
                    Some(s) => d.with_hint(format!("did you mean `{s}`?")),
                    None => d.with_hint(
                        "a budget line has item, amount, and optionally region, sector and part_of",
                    ),
                });
            }
        }
    }

    /// `amount`: a plain number of won, or Korean units in text (`"5,770억원"`, a range).
    fn amount(&self, p: &mut Vec<Diagnostic>) -> Option<Amount> {
        match self.map.get("amount") {
            None | Some(Value::Null) => {
                p.push(
                    self.error(None, format!("budget line {} has no `amount`", self.number()))
                        .with_hint("add amount: \"5,770억원\" or a plain integer"),
                );
                None
            }
            Some(Value::Number(n)) => self.plain_amount(p, n),
            Some(v) => self.written_amount(p, &scalar(v).unwrap_or_default()),
        }
    }

    fn plain_amount(&self, p: &mut Vec<Diagnostic>, n: &serde_yaml::Number) -> Option<Amount> {
        match n.as_u64() {
            Some(v) if v < SMALLEST_PLAIN_AMOUNT => {
                // Budget lines are in the billions; a bare 5000 is almost always 5,000억원
                // with the unit forgotten. It still reads, as won, but the author is told.
                let grouped = crate::brief::money::group_thousands(v);
                p.push(
                    self.error(
                        Some("amount"),
                        format!("the amount {v} is {grouped}원 (a bare number is in won)"),
                    )
                    .with_hint(format!("did you mean \"{grouped}억원\"? Write the unit in quotes"))
                    .into_warning(),
                );
                Some(Amount::exact(v))
            }
            Some(v) => Some(Amount::exact(v)),
            None => {
                p.push(
                    self.error(
                        Some("amount"),
                        format!("cannot read the amount `{n}`: amounts are whole, non-negative numbers"),
                    )
                    .with_hint("write digits (3300000000) or Korean units in quotes (\"33억원\")"),
                );
                None
            }
        }
    }

    fn written_amount(&self, p: &mut Vec<Diagnostic>, text: &str) -> Option<Amount> {
        match parse_amount(text) {
            Ok(a) => Some(a),
            Err(e) => {
                let hint = match e {
                    crate::brief::money::AmountError::Approximate { .. } => "write the figure alone (\"5천억원\") or a range (\"4,500억~5,500억원\"), and say in the summary or body that it is approximate",
                    _ => "write digits (3300000000) or Korean units: \"5,770억원\", \"1조 2,345억원\", \"30억~100억원\"",
                };
                p.push(
                    self.error(Some("amount"), format!("cannot read the amount `{text}`: {e}"))
                        .with_hint(hint),
                );
                None
            }
        }
    }
}

/// A part must name a line of the same brief that is not itself a part.
fn check_parts(p: &mut Vec<Diagnostic>, loc: &Locator<'_>, read: &[(usize, BudgetLine)]) {
    let lines: Vec<&BudgetLine> = read.iter().map(|(_, l)| l).collect();
    for (i, line) in read {
        let Some(whole) = &line.part_of else { continue };
        let target = lines.iter().copied().find(|l| &l.item == whole);
        let problem = match target {
            None => Some(format!("`part_of: {whole}` names no budget line of this brief")),
            Some(t) if t.part_of.is_some() => {
                Some(format!("`{whole}` is itself a part; name the line it belongs to"))
            }
            Some(t) if std::ptr::eq(t, line) => {
                Some(format!("the line `{whole}` cannot be a part of itself"))
            }
            _ => None,
        };
        if let Some(message) = problem {
            let items: Vec<&str> =
                lines.iter().filter(|l| l.part_of.is_none()).map(|l| l.item.as_str()).collect();
            let d = loc.at_item("budget", *i, Some("part_of"), message);
            p.push(match did_you_mean(whole, items.iter().copied()) {
                Some(sug) => d.with_hint(format!("did you mean `{sug}`?")),
                None => d.with_hint("write the `item` of the line this one is a breakdown of"),
            });
        }
    }
}

/// A plain-number amount below this many won is warned about as a likely missing unit.
const SMALLEST_PLAIN_AMOUNT: u64 = 10_000;

const BUDGET_KEYS: [&str; 5] = ["item", "amount", "region", "sector", "part_of"];

/// Reads `"이종호 (과학기술정보통신부 장관)"`: the last word in the brackets is the role.
pub fn parse_attendee_text(text: &str, roles: &crate::korean::Roles) -> Attendee {
    let text = text.trim();
    let (name, inside) = match (text.find(['(', '（']), text.rfind([')', '）'])) {
        (Some(open), Some(close)) if close > open => {
            let open_len = text[open..].chars().next().map(char::len_utf8).unwrap_or(1);
            (text[..open].trim(), text[open + open_len..close].trim())
        }
        _ => (text, ""),
    };
    let words: Vec<&str> = inside.split_whitespace().collect();
    let (org, role) = match words.as_slice() {
        [] => (String::new(), String::new()),
        // The last word is a role when it ends in a job title (`부산시장`, `장관`).
        [one] if roles.names_title(one) => (String::new(), one.to_string()),
        [one] => (one.to_string(), String::new()),
        [rest @ .., last] => (rest.join(" "), last.to_string()),
    };
    Attendee { name: name.to_string(), role, org }
}

fn attendees(
    p: &mut Vec<Diagnostic>,
    loc: &Locator<'_>,
    map: &Mapping,
    roles: &crate::korean::Roles,
) -> Vec<Attendee> {
    let items = match map.get("attendees") {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Sequence(items)) => items,
        Some(_) => {
            p.push(loc.at_key("attendees", "`attendees` must be a list of people".into()).with_hint(
                "write each person as {name: 이종호, role: 장관, org: 과학기술정보통신부} or \"이종호 (과학기술정보통신부 장관)\"",
            ));
            return Vec::new();
        }
    };
    let mut out: Vec<Attendee> = Vec::new();
    for (i, entry) in items.iter().enumerate() {
        let a = match entry {
            Value::String(s) => parse_attendee_text(s, roles),
            Value::Mapping(m) => {
                for k in m.keys() {
                    let k = scalar(k).unwrap_or_default();
                    if !["name", "role", "org"].contains(&k.as_str()) {
                        let d = loc.at_item(
                            "attendees",
                            i,
                            Some(&k),
                            format!("unknown field `{k}` for attendee {}", i + 1),
                        );
                        p.push(match did_you_mean(&k, ["name", "role", "org"]) {
                            Some(s) => d.with_hint(format!("did you mean `{s}`?")),
                            None => d.with_hint("an attendee has name, role and org"),
                        });
                    }
                }
                let get =
                    |k: &str| m.get(k).and_then(scalar).map(|s| s.trim().to_string()).unwrap_or_default();
                Attendee { name: get("name"), role: get("role"), org: get("org") }
            }
            _ => {
                p.push(loc.at_item(
                    "attendees",
                    i,
                    None,
                    format!("attendee {} is neither a map nor text", i + 1),
                ));
                continue;
            }
        };
        if a.name.is_empty() {
            p.push(
                loc.at_item("attendees", i, None, format!("attendee {} has no name", i + 1))
                    .with_hint("add name: 이종호"),
            );
        } else if !out.iter().any(|o| o.name == a.name) {
            out.push(a);
        }
    }
    out
}

fn source(p: &mut Vec<Diagnostic>, loc: &Locator<'_>, map: &Mapping, tz: Tz) -> Option<Source> {
    match map.get("source") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(Source { publisher: s.trim().to_string(), ..Source::default() }),
        Some(Value::Mapping(m)) => {
            const KEYS: [&str; 4] = ["publisher", "author", "url", "published"];
            for k in m.keys() {
                let k = scalar(k).unwrap_or_default();
                if !KEYS.contains(&k.as_str()) {
                    let d = loc.at_item("source", 0, Some(&k), format!("unknown field `{k}` in `source`"));
                    p.push(match did_you_mean(&k, KEYS) {
                        Some(s) => d.with_hint(format!("did you mean `{s}`?")),
                        None => d.with_hint("source has publisher, author, url and published"),
                    });
                }
            }
            let get = |k: &str| m.get(k).and_then(scalar).map(|s| s.trim().to_string()).unwrap_or_default();
            let url = get("url");
            if !(url.is_empty() || url.starts_with("http://") || url.starts_with("https://")) {
                p.push(
                    loc.at_item("source", 0, Some("url"), format!("source url `{url}` is not a web address"))
                        .with_hint("write the full address, starting with https://"),
                );
            }
            let published = match get("published") {
                s if s.is_empty() => None,
                s => match parse_date(&s, tz) {
                    Ok(m) => Some(m),
                    Err(msg) => {
                        p.push(
                            loc.at_item("source", 0, Some("published"), msg)
                                .with_hint("write 2024-01-19 or 2024-01-19T14:00:00+09:00"),
                        );
                        None
                    }
                },
            };
            Some(Source { publisher: get("publisher"), author: get("author"), url, published })
        }
        Some(_) => {
            p.push(loc.at_key("source", "`source` must be a map (publisher, author, url, published)".into()));
            None
        }
    }
}

/// Finds where a key or list item sits in the YAML text, to point errors at file lines.
/// serde_yaml gives positions only for syntax errors, so this reads the text itself; it falls
/// back to the key's line, then to the start of the front matter.
struct Locator<'a> {
    path: &'a Path,
    yaml: &'a str,
    first_line: usize,
}

impl Locator<'_> {
    fn lines(&self) -> impl Iterator<Item = (usize, &str)> {
        self.yaml.lines().enumerate().map(move |(i, l)| (i + self.first_line, l))
    }

    /// Line and value column of a top-level `key:`.
    fn key_pos(&self, key: &str) -> Option<(usize, usize)> {
        self.lines().find_map(|(n, l)| {
            let rest = l.strip_prefix(key)?;
            let rest = rest.strip_prefix(':')?;
            let value_col = key.chars().count() + 2 + (rest.len() - rest.trim_start().len());
            Some((n, if rest.trim().is_empty() { 1 } else { value_col }))
        })
    }

    fn at_key(&self, key: &str, message: String) -> Diagnostic {
        let (line, col) = self.key_pos(key).unwrap_or((self.first_line, 1));
        Diagnostic::error(self.path, line, col, message)
    }

    /// Error at item `index` of the block list under `key`, or at `sub:` inside it.
    fn at_item(&self, key: &str, index: usize, sub: Option<&str>, message: String) -> Diagnostic {
        let (line, col) =
            self.item_pos(key, index, sub).or_else(|| self.key_pos(key)).unwrap_or((self.first_line, 1));
        Diagnostic::error(self.path, line, col, message)
    }

    fn item_pos(&self, key: &str, index: usize, sub: Option<&str>) -> Option<(usize, usize)> {
        let (key_line, _) = self.key_pos(key)?;
        let block: Vec<(usize, &str)> = self
            .lines()
            .skip_while(|(n, _)| *n <= key_line)
            .take_while(|(_, l)| l.is_empty() || l.starts_with([' ', '\t', '-']))
            .collect();
        // Items of this list start with `- ` at the smallest indentation used by any dash.
        let indent = block
            .iter()
            .filter(|(_, l)| l.trim_start().starts_with('-'))
            .map(|(_, l)| l.len() - l.trim_start().len())
            .min();
        let starts: Vec<usize> = match indent {
            Some(ind) => block
                .iter()
                .enumerate()
                .filter(|(_, (_, l))| {
                    l.len() - l.trim_start().len() == ind && l.trim_start().starts_with('-')
                })
                .map(|(i, _)| i)
                .collect(),
            // A map (like `source:`) has no dashes: the whole block is item 0.
            None if !block.is_empty() => vec![0],
            None => return None,
        };
        let start = *starts.get(index)?;
        let end = starts.get(index + 1).copied().unwrap_or(block.len());
        let item = &block[start..end];
        if let Some(sub) = sub {
            for (n, l) in item {
                let t = l.trim_start().trim_start_matches('-').trim_start();
                if let Some(pos) = t.find(&format!("{sub}:")) {
                    if pos == 0 || t.contains('{') {
                        let col = l.chars().count() - t.chars().count() + t[..pos].chars().count() + 1;
                        let after = &t[pos + sub.len() + 1..];
                        let col = col + sub.chars().count() + 1 + (after.len() - after.trim_start().len());
                        return Some((*n, col));
                    }
                }
            }
        }
        let (n, l) = item[0];
        Some((n, l.len() - l.trim_start().len() + 1))
    }
}

fn yaml_error(loc: &Locator<'_>, e: &serde_yaml::Error) -> Diagnostic {
    if let Some(m) = crate::brief::yaml_scan::first_mistake(loc.yaml, loc.first_line) {
        return Diagnostic::error(loc.path, m.line, m.column, m.message).with_hint(m.hint);
    }
    let (line, col) = match e.location() {
        Some(l) => (l.line() + loc.first_line - 1, l.column()),
        None => (loc.first_line, 1),
    };
    // serde_yaml appends " at line X column Y" counted inside the block: drop it, we print the file position.
    let mut message = e.to_string();
    if let Some(i) = message.find(" at line ") {
        message.truncate(i);
    }
    let hint = if message.contains("mapping values are not allowed") {
        "a value that contains `: ` must be quoted, e.g. title: \"정부: AI 전략\""
    } else if message.contains("did not find expected") || message.contains("found character") {
        "check the indentation and quoting of this line and the one before it"
    } else {
        "check the YAML syntax of the front matter"
    };
    Diagnostic::error(loc.path, line, col, format!("the front matter is not valid YAML: {message}"))
        .with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::korean::Roles;
    use chrono_tz::Asia::Seoul;

    fn read(text: &str) -> Result<FrontMatter, Vec<Diagnostic>> {
        let path = Path::new("content/a.md");
        let s = split(path, text).map_err(|d| vec![d])?;
        parse(path, &s, Rules { timezone: Seoul, custom_fields: &[], roles: &Roles::builtin() })
    }

    #[test]
    fn reads_every_field_of_the_format() {
        let fm = read(
            "---\ntitle: \"정부, AI 경쟁력 강화\"\ndate: 2024-01-19\nsummary: 요약\nregion: [전국, 영남권]\nsector: AI\nagenda:\n  - 온디바이스 AI 확산\nbudget:\n  - item: 지방 디지털 혁신\n    amount: \"5,770억원\"\n    region: 전국\n  - item: 블록체인\n    amount: 3300000000\nattendees:\n  - name: 이종호\n    role: 장관\n    org: 과학기술정보통신부\n  - \"용석우 (삼성전자 영상디스플레이사업부 사장)\"\nsource:\n  publisher: 인더스트리뉴스\n  author: 조창현\n  url: https://example.org/n/1\n  published: 2024-01-19T14:00:00+09:00\ndraft: false\nslug: dialogue-5\n---\n본문\n",
        )
        .unwrap();
        assert_eq!(fm.title, "정부, AI 경쟁력 강화");
        assert_eq!(fm.region, ["전국", "영남권"]);
        assert_eq!(fm.sector, ["AI"]);
        assert_eq!(fm.budget[0].amount.min, 577_000_000_000);
        assert_eq!(fm.budget[0].region.as_deref(), Some("전국"));
        assert_eq!(fm.budget[1].amount.min, 3_300_000_000);
        assert_eq!(
            fm.attendees[1],
            Attendee {
                name: "용석우".into(),
                role: "사장".into(),
                org: "삼성전자 영상디스플레이사업부".into()
            }
        );
        let src = fm.source.unwrap();
        assert_eq!(src.published.unwrap().view().time, "14:00");
        assert_eq!(fm.slug.as_deref(), Some("dialogue-5"));
    }

    #[test]
    fn errors_are_located_in_the_file() {
        let e = read("---\ntitle: t\ndate: 2024-13-45\nregoin: 서울\nbudget:\n  - item: a\n    amount: \"5억\"\n  - item: b\n    amount: \"많은 돈\"\n---\n").unwrap_err();
        let got: Vec<(usize, usize, &str)> =
            e.iter().map(|d| (d.line, d.column, d.message.as_str())).collect();
        assert_eq!(got[0].0, 4, "unknown field on its line: {got:?}");
        assert!(got[0].2.contains("regoin"));
        assert_eq!(e[0].hint.as_deref(), Some("did you mean `region`?"));
        assert_eq!((got[1].0, got[1].1), (3, 7), "{got:?}");
        assert!(got[1].2.contains("month 13"));
        assert_eq!((got[2].0, got[2].1), (9, 13), "{got:?}");
        assert!(got[2].2.contains("많은 돈"));
    }

    #[test]
    fn broken_yaml_is_counted_in_file_lines() {
        let e = read("---\ntitle: a\ndate: 2024-01-01\nsummary: \"unclosed\n---\nbody\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(e[0].line >= 4, "{}", e[0]);
        assert!(!e[0].message.contains(" at line "), "{}", e[0].message);
        let e = read("---\ntitle: 정부: AI 전략\ndate: 2024-01-01\n---\n").unwrap_err();
        assert_eq!(e[0].line, 2, "{}", e[0]);
    }

    #[test]
    fn missing_title_and_date_and_front_matter() {
        let e = read("---\nsummary: s\n---\n").unwrap_err();
        assert_eq!(e.len(), 2);
        assert!(read("no front matter\n").unwrap_err()[0].message.contains("no front matter"));
        assert!(read("---\ntitle: a\n").unwrap_err()[0].message.contains("never closed"));
    }

    #[test]
    fn budget_parts_name_a_whole_line() {
        let fm = read("---\ntitle: t\ndate: 2024-01-01\nbudget:\n  - item: 총액\n    amount: \"100억\"\n  - item: 세부\n    amount: \"30억\"\n    part_of: 총액\n---\n").unwrap();
        assert!(fm.budget[0].counts() && !fm.budget[1].counts());
        let e = read("---\ntitle: t\ndate: 2024-01-01\nbudget:\n  - item: 총액\n    amount: \"100억\"\n  - item: 세부\n    amount: \"30억\"\n    part_of: 총앳\n---\n").unwrap_err();
        assert_eq!((e[0].line, e[0].column), (9, 14), "{}", e[0]);
        assert_eq!(e[0].hint.as_deref(), Some("did you mean `총액`?"));
        // A line dropped before it (no amount) does not move the place of the problem.
        let e = read("---\ntitle: t\ndate: 2024-01-01\nbudget:\n  - item: 빈 줄\n  - item: 총액\n    amount: \"100억\"\n  - item: 세부\n    amount: \"30억\"\n    part_of: 총앳\n---\n").unwrap_err();
        let part = e.iter().find(|d| d.message.contains("총앳")).unwrap();
        assert_eq!((part.line, part.column), (10, 14), "{part}");
    }

    #[test]
    fn attendee_strings() {
        assert_eq!(
            parse_attendee_text("이종호 (과학기술정보통신부 장관)", &Roles::builtin()).org,
            "과학기술정보통신부"
        );
        assert_eq!(parse_attendee_text("김영섭 (KT)", &Roles::builtin()).org, "KT");
        assert_eq!(parse_attendee_text("이종호 (장관)", &Roles::builtin()).role, "장관");
        assert_eq!(parse_attendee_text("홍길동", &Roles::builtin()).name, "홍길동");
        // An organisation whose name ends like a title stays an organisation.
        assert_eq!(parse_attendee_text("홍길동 (한국개발연구원)", &Roles::builtin()).org, "한국개발연구원");
        assert_eq!(parse_attendee_text("홍길동 (팀장)", &Roles::builtin()).role, "팀장");
    }

    #[test]
    fn split_counts_body_lines() {
        let s = split(Path::new("a.md"), "---\ntitle: a\ndate: 2024-01-01\n---\nline5\n").unwrap();
        assert_eq!(s.body_line, 5);
        assert_eq!(s.body, "line5\n");
    }
}
