//! Budget charts drawn at build time as inline SVG: no script and no chart library in the
//! browser. Every length is derived from the exact integer amounts with integer arithmetic
//! (hundredths of a viewBox unit), so the same archive always draws the same bytes. Colours come
//! from CSS classes (`c-0` … `c-5`, `range`, `grid`) so the theme's light, dark and print palettes
//! apply. Each chart is `role="img"` with a `<title>` and `<desc>` that state its figures; the
//! page puts the table it was drawn from beside it.

use crate::brief::money::{format_korean_short, push_display, Amount};
use crate::build::sanitize::escape_html_into;
use std::borrow::Cow;
use std::fmt::{self, Write};

/// Width of every chart's viewBox. Small on purpose: the chart scales to the column, so on a
/// phone the text stays near its written size.
const W: u64 = 400;
/// Height of a column chart's plot area.
const PLOT_H: u64 = 150;
/// Room left of the plot for the axis labels.
const LEFT: u64 = 58;
/// Font size of labels and names (the theme's CSS sets the same), in viewBox units.
const TEXT: u64 = 13;
/// Font size of axis and value labels.
const SMALL: u64 = 12;
/// Room above the plot for the value labels.
const TOP: u64 = 20;
/// Room below the plot for the year labels.
const BOTTOM: u64 = 24;
/// Height of one legend line.
const LEGEND_LINE: u64 = 20;
/// Height of one row of a horizontal bar chart.
const ROW: u64 = 40;
/// More columns than this and the bars get no value labels (the table has them).
const LABELLED_COLUMNS: usize = 12;
/// The classes of the series colours, in the order of a chart's names.
const SERIES: [&str; 6] = ["c-0", "c-1", "c-2", "c-3", "c-4", "c-5"];

/// One column of a column chart: its label (a year) and its stacked parts.
#[derive(Debug, Clone)]
pub struct Column {
    /// Shown under the column.
    pub label: String,
    /// The parts, bottom up, in the order of the chart's names. Ranges draw their lower ends
    /// solid and the span to their upper ends as one `range` block on top.
    pub parts: Vec<Amount>,
}

impl Column {
    fn total(&self) -> Amount {
        let (min, max) = self
            .parts
            .iter()
            .fold((0u64, 0u64), |(a, b), p| (a.saturating_add(p.min), b.saturating_add(p.max)));
        Amount { min, max }
    }
}

/// Columns for consecutive years, oldest first, from `(year, parts)` in any order: a year
/// without lines between two with lines gets an empty column, so gaps show as gaps.
pub fn by_year(years: &[(i32, Vec<Amount>)], parts: usize) -> Vec<Column> {
    let (Some(first), Some(last)) = (years.iter().map(|y| y.0).min(), years.iter().map(|y| y.0).max()) else {
        return Vec::new();
    };
    (first..=last)
        .map(|year| Column {
            label: year.to_string(),
            parts: years
                .iter()
                .find(|y| y.0 == year)
                .map(|y| y.1.clone())
                .unwrap_or_else(|| vec![Amount::exact(0); parts]),
        })
        .collect()
}

/// One bar of a horizontal bar chart.
#[derive(Debug, Clone)]
pub struct Bar<'a> {
    /// What the money pays for.
    pub label: &'a str,
    /// How much.
    pub amount: Amount,
    /// The index (in the same list) of the line this one is a part of.
    pub part_of: Option<usize>,
}

/// Hundredths shown as a decimal (`Hu(12345)` → `123.45`).
struct Hu(u64);

impl fmt::Display for Hu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Hu::text(self.0, &mut [0; 24]))
    }
}

impl Hu {
    /// The text of `v` hundredths, built in `buf`: a chart has a few hundred numbers and
    /// `write!`'s integer formatting was most of the time spent drawing it.
    fn text(v: u64, buf: &mut [u8; 24]) -> &str {
        buf[21] = b'.';
        buf[22] = b'0' + (v % 100 / 10) as u8;
        buf[23] = b'0' + (v % 10) as u8;
        let start = digits(v / 100, buf, 21);
        std::str::from_utf8(&buf[start..]).unwrap_or_default()
    }
}

/// Writes the decimal digits of `v` into `buf`, ending before `end`; returns where they start.
fn digits(mut v: u64, buf: &mut [u8; 24], mut end: usize) -> usize {
    loop {
        end -= 1;
        buf[end] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            return end;
        }
    }
}

/// `value / of` of `length` viewBox units, in hundredths, rounded half up, exactly.
fn scale(value: u64, of: u64, length: u64) -> u64 {
    if of == 0 {
        return 0;
    }
    let v = (u128::from(value) * u128::from(length) * 100 + u128::from(of) / 2) / u128::from(of);
    v as u64
}

/// A round axis step (1, 2 or 5 times a power of ten) giving at most four steps up to `max`.
fn step_for(max: u64) -> u64 {
    let raw = max.div_ceil(4).max(1);
    let mut p: u64 = 1;
    while p.saturating_mul(10) <= raw {
        p *= 10;
    }
    [1, 2, 5, 10].into_iter().map(|m| p.saturating_mul(m)).find(|s| *s >= raw).unwrap_or(raw)
}

/// Rough width of text in viewBox units at font size `size`: Hangul and other wide letters
/// one em, the rest about half of one.
fn text_width(s: &str, size: u64) -> u64 {
    s.chars().map(|c| char_width(c, size)).sum()
}

fn char_width(c: char, size: u64) -> u64 {
    if c.is_ascii() {
        size * 6 / 10
    } else {
        size
    }
}

/// `s` cut to fit `width` at `size`, with an ellipsis when cut.
fn fit(s: &str, width: u64, size: u64) -> Cow<'_, str> {
    if text_width(s, size) <= width {
        return Cow::Borrowed(s);
    }
    let mut used = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let w = char_width(c, size);
        if used + w + size > width {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    Cow::Owned(format!("{}…", &s[..end]))
}

fn open_svg(out: &mut String, id: &str, height: u64, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg class=\"chart-svg\" viewBox=\"0 0 {W} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{id}-title\">",
    );
    escape_html_into(out, title);
    let _ = write!(out, "</title><desc id=\"{id}-desc\">");
    escape_html_into(out, desc);
    out.push_str("</desc>");
}

/// `<title>text</title>` (a column's or a bar's tooltip), escaped.
fn tooltip(out: &mut String, text: &str) {
    out.push_str("<title>");
    escape_html_into(out, text);
    out.push_str("</title>");
}

fn short(a: Amount) -> String {
    if a.is_range() {
        format!("{}~{}", format_korean_short(a.min), format_korean_short(a.max))
    } else {
        format_korean_short(a.min)
    }
}

/// The legend (only when there are several parts): swatches and names, wrapped to the width.
/// Returns its height.
fn legend(out: &mut String, names: &[String], y0: u64) -> u64 {
    if names.len() < 2 {
        return 0;
    }
    let (mut x, mut y) = (LEFT, y0);
    for (k, name) in names.iter().enumerate() {
        let w = 16 + text_width(name, TEXT) + 12;
        if x + w > W && x > LEFT {
            x = LEFT;
            y += LEGEND_LINE;
        }
        let _ = write!(
            out,
            "<rect class=\"{}\" x=\"{x}\" y=\"{}\" width=\"11\" height=\"11\"/><text x=\"{}\" y=\"{}\" class=\"label\">",
            SERIES[k % 6],
            y + 3,
            x + 16,
            y + 13,
        );
        escape_html_into(out, name);
        out.push_str("</text>");
        x += w;
    }
    y + LEGEND_LINE - y0
}

/// A column chart: one column per label (years, oldest on the left), parts stacked. `names`
/// name the parts (one name: no legend). Returns `None` when there is nothing to draw.
pub fn columns(id: &str, title: &str, names: &[String], cols: &[Column], currency: &str) -> Option<String> {
    let max = cols.iter().map(|c| c.total().max).max().unwrap_or(0);
    if cols.is_empty() || max == 0 {
        return None;
    }
    let step = step_for(max);
    // Saturating: a total that overflowed is already a build error, but the render that reports
    // the other problems of the same run still draws it.
    let top_value = max.div_ceil(step).saturating_mul(step);
    let figures: Vec<String> = cols
        .iter()
        .map(|c| {
            let mut f = format!("{}년 ", c.label);
            push_display(&mut f, c.total(), currency);
            f
        })
        .collect();
    let full_title = format!("{title}: {}", figures.join(", "));
    let desc = describe_columns(names, cols, &figures, currency);
    // Measured first (into a scratch string) so the legend's height is known for the viewBox.
    let mut legend_svg = String::new();
    let legend_h = legend(&mut legend_svg, names, TOP + PLOT_H + BOTTOM + 4);
    let height = TOP + PLOT_H + BOTTOM + legend_h;
    let mut out = String::with_capacity(2048 + cols.len() * 400);
    open_svg(&mut out, id, height, &full_title, &desc);
    grid(&mut out, top_value, step);
    let band = (W - LEFT) * 100 / cols.len() as u64;
    let bar = (band * 6 / 10).min(4000);
    let every = cols.len().div_ceil(LABELLED_COLUMNS);
    let base = TOP + PLOT_H; // the zero line, in viewBox units
    for (i, c) in cols.iter().enumerate() {
        let x = LEFT * 100 + band * i as u64 + (band - bar) / 2;
        let total = c.total();
        out.push_str("<g>");
        tooltip(&mut out, &figures[i]);
        let y = stack(&mut out, c, x, bar, top_value);
        let mid = x + bar / 2;
        let value = short(total);
        // A label wider than its column would run into the next one; the table has the figure.
        if cols.len() <= LABELLED_COLUMNS && total.max > 0 && text_width(&value, SMALL) * 100 <= band {
            let _ = write!(
                out,
                "<text class=\"value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{value}</text>",
                Hu(mid),
                Hu(y - 400),
            );
        }
        if i % every == 0 || i + 1 == cols.len() {
            let _ = write!(
                out,
                "<text class=\"axis\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">",
                Hu(mid),
                base + 17,
            );
            escape_html_into(&mut out, &c.label);
            out.push_str("</text>");
        }
        out.push_str("</g>");
    }
    let _ = write!(out, "<line class=\"baseline\" x1=\"{LEFT}\" x2=\"{W}\" y1=\"{base}\" y2=\"{base}\"/>");
    out.push_str(&legend_svg);
    out.push_str("</svg>");
    Some(out)
}

/// Grid lines and axis labels at every `step` up to `top_value`.
fn grid(out: &mut String, top_value: u64, step: u64) {
    let base = TOP + PLOT_H;
    let mut tick = 0;
    while tick <= top_value {
        let y = base * 100 - scale(tick, top_value, PLOT_H);
        let _ = write!(
            out,
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{W}\" y1=\"{0}\" y2=\"{0}\"/><text class=\"axis\" x=\"{1}\" y=\"{2}\" text-anchor=\"end\">{3}</text>",
            Hu(y),
            LEFT - 4,
            Hu(y + 400),
            format_korean_short(tick)
        );
        let Some(next) = tick.checked_add(step) else { break };
        tick = next;
    }
}

/// One `<rect>`; lengths in hundredths.
fn rect(out: &mut String, class: &str, (x, y, w, h): (u64, u64, u64, u64), amount: u64) {
    let buf = &mut [0; 24];
    out.push_str("<rect class=\"");
    out.push_str(class);
    for (before, v) in [("\" x=\"", x), ("\" y=\"", y), ("\" width=\"", w), ("\" height=\"", h)] {
        out.push_str(before);
        out.push_str(Hu::text(v, buf));
    }
    out.push_str("\" data-amount=\"");
    let start = digits(amount, buf, 24);
    out.push_str(std::str::from_utf8(&buf[start..]).unwrap_or_default());
    out.push_str("\"/>");
}

/// One column's stacked parts and range span at `x`; returns the top of the stack (hundredths).
fn stack(out: &mut String, c: &Column, x: u64, bar: u64, top_value: u64) -> u64 {
    let mut y = (TOP + PLOT_H) * 100;
    let mut below = 0u64;
    for (k, p) in c.parts.iter().enumerate().filter(|(_, p)| p.min > 0) {
        // Each edge from the running exact sum, so the stack's top is the total's height.
        let h = scale(below + p.min, top_value, PLOT_H) - scale(below, top_value, PLOT_H);
        below += p.min;
        y -= h;
        rect(out, SERIES[k % 6], (x, y, bar, h), p.min);
    }
    let total = c.total();
    if total.is_range() {
        let h = scale(total.max, top_value, PLOT_H) - scale(total.min, top_value, PLOT_H);
        y -= h;
        rect(out, "range", (x, y, bar, h), total.max - total.min);
    }
    y
}

/// The `<desc>`: how to read the chart, then every column's figure (`figures`, one per column)
/// with its parts when there are several.
fn describe_columns(names: &[String], cols: &[Column], figures: &[String], currency: &str) -> String {
    let mut desc = String::with_capacity(256 + cols.len() * 48 * names.len());
    desc.push_str(
        "막대 높이는 해마다의 합계입니다. 범위로 적힌 금액은 하한까지 진하게, 상한까지는 옅게 그렸습니다. ",
    );
    for (c, figure) in cols.iter().zip(figures) {
        desc.push_str(figure);
        if names.len() > 1 {
            let mut first = true;
            for (n, p) in names.iter().zip(&c.parts).filter(|(_, p)| p.max > 0) {
                desc.push_str(if first { " (" } else { ", " });
                first = false;
                desc.push_str(n);
                desc.push(' ');
                push_display(&mut desc, *p, currency);
            }
            if !first {
                desc.push(')');
            }
        }
        desc.push_str(". ");
    }
    desc.truncate(desc.trim_end().len());
    desc
}

/// A horizontal bar chart of a brief's lines: one row each, in the brief's order. A part is
/// drawn under its whole, from where the parts before it end, so the parts sit inside the
/// whole's length.
pub fn bars(id: &str, title: &str, lines: &[Bar], currency: &str) -> Option<String> {
    // Where each bar starts: 0 for a whole, the running sum of its earlier siblings for a part.
    let mut start = vec![0u64; lines.len()];
    let mut filled: Vec<u64> = vec![0; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        if let Some(w) = l.part_of.filter(|&w| w < lines.len()) {
            start[i] = filled[w];
            filled[w] = filled[w].saturating_add(l.amount.min);
        }
    }
    let max = lines.iter().enumerate().map(|(i, l)| start[i].saturating_add(l.amount.max)).max().unwrap_or(0);
    if lines.is_empty() || max == 0 {
        return None;
    }
    let desc_lines: Vec<String> = lines
        .iter()
        .map(|l| {
            let mut d = String::with_capacity(l.label.len() + 48);
            d.push_str(l.label);
            d.push(' ');
            push_display(&mut d, l.amount, currency);
            if let Some(w) = l.part_of.and_then(|w| lines.get(w)) {
                let _ = write!(d, " ({}의 일부)", w.label);
            }
            d
        })
        .collect();
    let desc = format!(
        "막대 길이는 금액에 비례하며, 다른 항목의 일부인 항목은 그 전체 항목 아래 그 안의 자리에 그렸습니다. {}.",
        desc_lines.join("; ")
    );
    let height = lines.len() as u64 * ROW + 4;
    let mut out = String::with_capacity(1024 + lines.len() * 400);
    open_svg(&mut out, id, height, title, &desc);
    let (left, width) = (4u64, W - 8);
    for (i, l) in lines.iter().enumerate() {
        let y = i as u64 * ROW;
        let indent = if l.part_of.is_some() { 12 } else { 0 };
        let amount = short(l.amount);
        let room = width - indent - text_width(&amount, SMALL) - 10;
        out.push_str("<g>");
        tooltip(&mut out, &desc_lines[i]);
        let _ = write!(out, "<text class=\"label\" x=\"{}\" y=\"{}\">", left + indent, y + 15);
        escape_html_into(&mut out, &fit(l.label, room, TEXT));
        let _ = write!(
            out,
            "</text><text class=\"value\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            left + width,
            y + 15,
            amount
        );
        let x0 = left * 100 + scale(start[i], max, width);
        let solid = scale(start[i] + l.amount.min, max, width) - scale(start[i], max, width);
        let class = if l.part_of.is_some() { "c-1" } else { "c-0" };
        rect(&mut out, class, (x0, (y + 21) * 100, solid, 1400), l.amount.min);
        if l.amount.is_range() {
            let span =
                scale(start[i] + l.amount.max, max, width) - scale(start[i] + l.amount.min, max, width);
            rect(&mut out, "range", (x0 + solid, (y + 21) * 100, span, 1400), l.amount.max - l.amount.min);
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round_and_cover_the_maximum() {
        assert_eq!(step_for(577_000_000_000), 200_000_000_000);
        assert_eq!(step_for(100), 50);
        assert_eq!(step_for(1), 1);
        assert_eq!(step_for(4_000), 1_000);
    }

    #[test]
    fn lengths_come_from_exact_integers() {
        assert_eq!(scale(1, 3, 150), 5000);
        assert_eq!(scale(2, 3, 150), 10000);
        assert_eq!(scale(u64::MAX, u64::MAX, 150), 15000);
        assert_eq!(Hu(12345).to_string(), "123.45");
        assert_eq!(Hu(7).to_string(), "0.07");
        assert_eq!(Hu(u64::MAX).to_string(), "184467440737095516.15");
        let mut r = String::new();
        rect(&mut r, "c-0", (5800, 0, 105, 1), u64::MAX);
        assert_eq!(
            r,
            "<rect class=\"c-0\" x=\"58.00\" y=\"0.00\" width=\"1.05\" height=\"0.01\" data-amount=\"18446744073709551615\"/>"
        );
    }

    #[test]
    fn a_column_chart_is_deterministic_and_labelled() {
        let cols = vec![
            Column { label: "2023".into(), parts: vec![Amount::exact(10_000_000_000)] },
            Column { label: "2024".into(), parts: vec![Amount { min: 3_000_000_000, max: 6_000_000_000 }] },
        ];
        let a = columns("t", "부산 연도별 예산", &["합계".into()], &cols, "KRW").unwrap();
        assert_eq!(a, columns("t", "부산 연도별 예산", &["합계".into()], &cols, "KRW").unwrap());
        assert!(a.contains(
            "<title id=\"t-title\">부산 연도별 예산: 2023년 100억 원, 2024년 30억~60억 원</title>"
        ));
        assert!(a.contains("class=\"range\""), "the range is drawn");
        assert!(columns("t", "x", &[], &[], "KRW").is_none());
    }

    #[test]
    fn long_labels_are_cut_to_fit() {
        let s = fit("아주 긴 예산 항목 이름이 차트의 폭을 넘는 경우에는 잘라서 보여 줍니다", 120, TEXT);
        assert!(s.ends_with('…') && text_width(&s, TEXT) <= 120, "{s}");
        assert_eq!(fit("짧은 이름", 120, TEXT), "짧은 이름");
    }
}
