//! The budget fixture (tests/fixtures/budget) built whole: the charts' SVG, the nested totals
//! (a line shared by 부산 and 울산 counted once in 영남권), and the open data files read back
//! with the `csv` crate and serde and checked against the site model.

mod common;
use common::site::Site;

use annals::build::render::opendata::{BriefRecord, BOM, BUDGET_COLUMNS, LIST_SEPARATOR, PEOPLE_COLUMNS};
use std::fs;

const EOK: u64 = 100_000_000;

/// The one `<svg …>…</svg>` of a page whose title starts with `title`.
fn svg<'a>(html: &'a str, title: &str) -> &'a str {
    html.match_indices("<svg")
        .map(|(i, _)| &html[i..i + html[i..].find("</svg>").expect("closed") + 6])
        .find(|s| s.contains(&format!("-title\">{title}")))
        .unwrap_or_else(|| panic!("no chart titled {title}"))
}

fn attr(tag: &str, name: &str) -> String {
    let start =
        tag.find(&format!(" {name}=\"")).unwrap_or_else(|| panic!("no {name} in {tag}")) + name.len() + 3;
    tag[start..start + tag[start..].find('"').unwrap()].to_string()
}

/// `(class, x, y, width, height, data-amount)` of every `<rect>` inside a `<g>` whose `<title>`
/// starts with `label` (a column or a bar).
fn rects(svg: &str, label: &str) -> Vec<(String, f64, f64, f64, f64, u64)> {
    let start = svg.find(&format!("<g><title>{label}")).unwrap_or_else(|| panic!("no group {label}"));
    let group = &svg[start..start + svg[start..].find("</g>").unwrap()];
    group
        .split("<rect")
        .skip(1)
        .map(|r| {
            let tag = &r[..r.find("/>").unwrap()];
            let f = |n: &str| attr(tag, n).parse::<f64>().unwrap();
            (
                attr(tag, "class"),
                f("x"),
                f("y"),
                f("width"),
                f("height"),
                attr(tag, "data-amount").parse().unwrap(),
            )
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.02
}

#[test]
fn charts_draw_the_right_years_with_heights_from_exact_amounts() {
    let site = Site::fixture("budget");
    site.build().unwrap();

    // The overview: one column per year from the oldest to the newest (site time zone: the
    // brief dated 2024-12-31T20:00Z is 2025 in Seoul), gaps as empty columns, stacked by sector.
    let budget = site.read("budget/index.html");
    let chart = svg(&budget, "연도별 예산 합계");
    assert!(chart.contains("role=\"img\""));
    assert!(chart.contains(
        "연도별 예산 합계: 2021년 150억 원, 2022년 0 원, 2023년 0 원, 2024년 1,030억~1,060억 원, 2025년 7억 원</title>"
    ));
    assert!(chart.contains("<desc id=\"budget-chart-desc\">") && chart.contains("제조 30억~60억 원"));
    for year in 2021..=2025 {
        assert!(chart.contains(&format!(">{year}</text>")), "no label for {year}");
    }
    assert!(rects(chart, "2022년").is_empty() && rects(chart, "2023년").is_empty());
    let y2021 = rects(chart, "2021년");
    let y2024 = rects(chart, "2024년");
    assert_eq!(y2021.len(), 1);
    assert_eq!(y2021[0].5, 150 * EOK, "AI in 2021: the shared line once and 부산's own");
    // 2024: AI 1,000억 (its parts add nothing), 제조 30억 solid, then the range up to 60억.
    let classes: Vec<&str> = y2024.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(classes, ["c-0", "c-1", "range"]);
    assert_eq!(y2024.iter().map(|r| r.5).collect::<Vec<_>>(), [1000 * EOK, 30 * EOK, 30 * EOK]);
    // Heights are proportional to the amounts: 150 : 1000 : 30.
    let unit = y2024[0].4 / 1000.0;
    assert!(close(y2021[0].4, 150.0 * unit) && close(y2024[1].4, 30.0 * unit), "{y2021:?} {y2024:?}");
    // Each block sits on the one below it.
    assert!(close(y2024[1].2 + y2024[1].4, y2024[0].2) && close(y2024[2].2 + y2024[2].4, y2024[1].2));

    // A region page: its own per-year trend, with 울산's share of the shared line.
    let ulsan = site.read("regions/울산/index.html");
    let trend = svg(&ulsan, "울산 연도별 예산");
    assert!(trend.contains(
        "울산 연도별 예산: 2021년 100억 원, 2022년 0 원, 2023년 0 원, 2024년 30억~60억 원</title>"
    ));
    let (a, b) = (rects(trend, "2021년"), rects(trend, "2024년"));
    assert!(close(b[0].4 * 100.0, a[0].4 * 30.0), "30억 is 30% of 100억: {a:?} {b:?}");
    assert!(close(b[1].4, b[0].4), "the range 30억~60억 adds as much again");
    assert!(
        ulsan.contains("<caption id=\"term-trend-caption\">울산 연도별 예산 합계"),
        "the table beside it"
    );
    // The table runs newest first, as its caption says (the chart runs oldest first).
    let table = &ulsan[ulsan.find("term-trend-caption\">").expect("trend table")..];
    let (y2024, y2021) =
        (table.find("2024년</th>").expect("2024 row"), table.find("2021년</th>").expect("2021 row"));
    assert!(y2024 < y2021, "the newest year comes first in the trend table");
    // No line on 울산's page names a region or a sector of its own: those columns are dropped.
    assert!(ulsan.contains("<table class=\"budget-table no-region no-sector\">"));
    assert!(!ulsan.contains("<th scope=\"col\">지역</th>") && ulsan.contains("<td colspan=\"1\"></td>"));
    assert!(
        site.read("regions/부산/index.html").contains("<th scope=\"col\">지역</th>"),
        "부산's own line names it"
    );

    // A brief with parts: the parts sit inside the whole, one after another.
    let parts = site.read("briefs/2024-parts/index.html");
    let bars = svg(&parts, "이 브리핑의 예산 항목 3건");
    let whole = rects(bars, "패키지 총액")[0].clone();
    let first = rects(bars, "반도체 설계 지원")[0].clone();
    let second = rects(bars, "인력 양성")[0].clone();
    assert!(close(first.1, whole.1) && close(first.3, whole.3 * 0.3));
    assert!(close(second.1, first.1 + first.3) && close(second.3, whole.3 * 0.2));
    assert!(second.1 + second.3 <= whole.1 + whole.3 + 0.01, "the parts end inside the whole");
    assert!(bars.contains("인력 양성 200억 원 (패키지 총액의 일부)"));
    // One line only: no chart.
    assert!(!site.read("briefs/2024-range/index.html").contains("<svg"));

    // The same input draws the same bytes.
    let again = Site::fixture("budget");
    again.build().unwrap();
    assert_eq!(again.read("budget/index.html"), budget);
}

/// The rows of the nested region table as (depth, kind, text of the name cell, amount cell).
fn nested_rows(html: &str, caption: &str) -> Vec<(usize, String, String, String)> {
    let start = html.find(caption).unwrap_or_else(|| panic!("no table {caption}"));
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    let body = &table[table.find("<tbody>").unwrap()..table.find("</tbody>").unwrap()];
    let text = |s: &str| {
        let mut out = String::new();
        let mut inside = false;
        for c in s.chars() {
            match c {
                '<' => {
                    inside = true;
                    out.push(' ');
                }
                '>' => inside = false,
                c if !inside => out.push(c),
                _ => {}
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    body.split("<tr class=\"")
        .skip(1)
        .map(|row| {
            let class = &row[..row.find('"').unwrap()];
            let depth = class.split(' ').next().unwrap().trim_start_matches("depth-").parse().unwrap();
            let kind = class.split(' ').nth(1).unwrap().trim_start_matches("row-").to_string();
            let cells: Vec<&str> = row.split("<td").collect();
            let name = &cells[0][cells[0].find('>').unwrap() + 1..];
            (depth, kind, text(name), text(&format!("<td{}", cells[2])))
        })
        .collect()
}

#[test]
fn region_totals_nest_and_count_a_shared_line_once() {
    let site = Site::fixture("budget");
    site.build().unwrap();
    let budget = site.read("budget/index.html");
    let rows = nested_rows(&budget, "지역별 예산 합계");
    let summary: Vec<(usize, &str, &str)> = rows
        .iter()
        .map(|(d, k, name, _)| {
            (*d, k.as_str(), name.split(" 페이지").next().unwrap().split(" 다른").next().unwrap())
        })
        .collect();
    assert_eq!(
        summary,
        [
            (0, "term", "수도권"),
            (1, "term", "수도권 중 서울"),
            (0, "term", "영남권"),
            (1, "term", "영남권 중 부산"),
            (1, "term", "영남권 중 울산"),
            (1, "shared", "영남권 중 공동 부산 · 울산"),
            (0, "unassigned", "지역 미지정"),
        ],
        "{rows:#?}"
    );
    let amount = |i: usize| rows[i].3.as_str();
    // 영남권: 100억 (shared, once) + 50억 + 30억~60억 — not 280억.
    assert_eq!(amount(2), "180억~210억 원");
    assert_eq!((amount(3), amount(4), amount(5)), ("50억 원", "30억~60억 원", "100억 원"));
    // 부산's and 울산's rows hold only their own lines; their pages' totals include the shared one.
    assert!(rows[3].2.contains("페이지 합계 150억 원") && rows[4].2.contains("페이지 합계 130억~160억 원"));
    assert!(site.read("regions/영남권/index.html").contains("180억~210억 원"));
    // The parts of 서울's package add nothing: the whole is in the same table.
    assert_eq!(amount(0), "1,000억 원");
    assert_eq!(amount(6), "7억 원");
    // The top level adds up to the archive's total, the one in the table's foot.
    assert!(budget.contains("<tr><th scope=\"row\">전체</th><td></td><td class=\"num\"><span class=\"amount\" data-digits=\"118,700,000,000~121,700,000,000\""));
    // The page says how totals are counted.
    assert!(budget.contains("id=\"budget-counting\"") && budget.contains("공동</strong> 행에 한 번만"));
}

#[test]
fn budget_csv_holds_every_line_and_total_of_the_model() {
    let site = Site::fixture("budget");
    site.build().unwrap();
    let archive = site.archive();

    // budget.csv: a BOM for spreadsheets, then RFC 4180 with the documented columns.
    let bytes = site.bytes("data/budget.csv");
    assert!(bytes.starts_with(BOM), "a UTF-8 byte order mark first");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), BUDGET_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let lines = &archive.budget().all.lines;
    assert_eq!(rows.len(), lines.len());
    let (mut min, mut max) = (0u64, 0u64);
    for (row, r) in rows.iter().zip(lines) {
        let (b, l) = (&archive.briefs()[r.brief().0], &archive.briefs()[r.brief().0].meta.budget[r.line()]);
        assert_eq!(&row[0], b.slug);
        assert_eq!(&row[1], format!("https://example.org/archive/briefs/{}/", b.slug));
        assert_eq!(&row[4], l.item);
        let (lo, hi): (u64, u64) = (row[5].parse().unwrap(), row[6].parse().unwrap());
        assert_eq!((lo, hi), (l.amount.min, l.amount.max));
        assert_eq!(&row[7], "KRW");
        assert_eq!(&row[10], l.part_of.as_deref().unwrap_or(""));
        if row[10].is_empty() {
            min += lo;
            max += hi;
        }
    }
    let total = archive.budget().all.total;
    assert_eq!((min, max), (total.min, total.max), "the CSV adds up to the model's total");
    // Quoting, Hangul and the site time zone survive the round trip.
    let shared = rows.iter().find(|r| &r[4] == "부산 데이터센터, 1단계").expect("a comma in an item");
    assert_eq!(&shared[9], "AI");
    let both = rows.iter().find(|r| &r[4] == "동남권 AI 공동 사업").unwrap();
    assert_eq!(both[8].split(LIST_SEPARATOR).collect::<Vec<_>>(), ["부산", "울산"]);
    let late = rows.iter().find(|r| &r[0] == "2025-none").unwrap();
    assert_eq!((&late[2], &late[3]), ("2025-01-01", "2025"));
    // Per year, the CSV gives the model's yearly totals.
    for (year, group) in &archive.budget().by_year {
        let (lo, hi) = rows
            .iter()
            .filter(|r| r[3] == year.to_string() && r[10].is_empty())
            .fold((0u64, 0u64), |(a, b), r| {
                (a + r[5].parse::<u64>().unwrap(), b + r[6].parse::<u64>().unwrap())
            });
        assert_eq!((lo, hi), (group.total.min, group.total.max), "{year}");
    }
}

#[test]
fn briefs_json_and_people_csv_hold_every_brief_and_attendance() {
    let site = Site::fixture("budget");
    site.build().unwrap();
    let archive = site.archive();
    // briefs.json, read with serde: every brief, with its lines as exact integers.
    let records: Vec<BriefRecord> = serde_json::from_str(&site.read("data/briefs.json")).unwrap();
    assert_eq!(records.len(), archive.briefs().len());
    for (rec, b) in records.iter().zip(archive.briefs()) {
        assert_eq!((rec.slug.as_str(), rec.title.as_str()), (b.slug.as_str(), b.meta.title.as_str()));
        assert_eq!(rec.url, format!("https://example.org/archive/briefs/{}/", b.slug));
        assert_eq!(rec.date, b.meta.date.view().datetime);
        assert!(rec.date.ends_with("+09:00"), "with the site's offset: {}", rec.date);
        assert_eq!(rec.regions, b.meta.region);
        assert_eq!(rec.budget.len(), b.meta.budget.len());
        for (l, m) in rec.budget.iter().zip(&b.meta.budget) {
            assert_eq!(
                (l.item.as_str(), l.amount_min, l.amount_max),
                (m.item.as_str(), m.amount.min, m.amount.max)
            );
            assert_eq!(l.part_of, m.part_of);
        }
        let names: Vec<&str> = rec.attendees.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, b.meta.attendees.iter().map(|p| p.name.as_str()).collect::<Vec<_>>());
    }
    let json = site.read("data/briefs.json");
    assert!(json.contains("\"amount_min\":3000000000,\"amount_max\":6000000000"), "integers, not floats");

    // people.csv: one row per attendance.
    let people = site.bytes("data/people.csv");
    let mut reader = csv::Reader::from_reader(people.as_slice());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), PEOPLE_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), archive.briefs().iter().map(|b| b.meta.attendees.len()).sum::<usize>());
    assert!(rows.iter().filter(|r| &r[0] == "이울산").count() == 2);

    // The budget page links them under the sub-path, and the schema ships beside them.
    let budget = site.read("budget/index.html");
    assert!(
        budget.contains("href=\"/archive/data/budget.csv\"")
            && budget.contains("href=\"/archive/data/briefs.json\"")
    );
    let schema: serde_json::Value = serde_json::from_str(&site.read("data/briefs.schema.json")).unwrap();
    assert_eq!(schema["type"], "array");
}

#[test]
fn data_files_and_charts_can_be_turned_off() {
    let site = Site::fixture("budget").with_toml("\n[data]\nenabled = false\n\n[charts]\nenabled = false\n");
    site.build().unwrap();
    assert!(!site.root.join("public/data").exists(), "no data folder");
    let budget = site.read("budget/index.html");
    assert!(!budget.contains("data/budget.csv") && !budget.contains("<svg"));
    assert!(!site.read("regions/울산/index.html").contains("<svg"));
    assert!(site.read("regions/울산/index.html").contains("term-trend-caption"), "the table stays");
    assert!(!site.read("briefs/2024-parts/index.html").contains("<svg"));
    // A typo in the new tables is reported like any other.
    let bad = Site::fixture("budget").with_toml("\n[data]\nenabeld = false\n");
    let e = bad.build().unwrap_err();
    assert!(format!("{e:?}").contains("enabeld"), "{e:?}");
}

/// `(min, max)` from the `data-digits` of the amount in a cell, `(0, 0)` for an empty cell.
fn digits(cell_html: &str) -> (u64, u64) {
    let Some(at) = cell_html.find("data-digits=\"") else { return (0, 0) };
    let rest = &cell_html[at + 13..];
    let value: String = rest[..rest.find('"').unwrap()].chars().filter(|c| *c != ',').collect();
    match value.split_once('~') {
        Some((a, b)) => (a.parse().unwrap(), b.parse().unwrap()),
        None => (value.parse().unwrap(), value.parse().unwrap()),
    }
}

#[test]
fn rows_under_a_parent_add_up_to_it_at_every_level() {
    let site = Site::fixture("budget");
    let brief = |name: &str, regions: &str, line: &str| {
        let text = format!(
            "---\ntitle: \"{name}\"\ndate: 2023-02-01\nregion: [{regions}]\nbudget:\n  - item: {name}\n{line}---\n본문.\n"
        );
        fs::write(site.root.join(format!("content/{name}.md")), text).unwrap();
    };
    // Across two 권역: shared at the top. A line of 영남권 and 부산 both: shared between 영남권
    // as such and 부산. A line naming 영남권 itself: its own row under 영남권.
    brief("cross", "영남권, 부산, 서울", "    amount: \"10억원\"\n");
    brief("wide-and-busan", "영남권, 부산", "    amount: \"20억원\"\n");
    brief("yeongnam-itself", "부산", "    amount: \"40억원\"\n    region: 영남권\n");
    site.build().unwrap();
    let budget = site.read("budget/index.html");
    let start = budget.find("지역별 예산 합계").unwrap();
    let table = &budget[start..start + budget[start..].find("</table>").unwrap()];
    let body = &table[table.find("<tbody>").unwrap()..table.find("</tbody>").unwrap()];
    // (depth, kind, name cell, amount)
    let rows: Vec<(usize, &str, &str, (u64, u64))> = body
        .split("<tr class=\"depth-")
        .skip(1)
        .map(|r| {
            let depth = r[..1].parse().unwrap();
            let kind = &r[r.find("row-").unwrap() + 4..r.find("\">").unwrap()];
            let cells: Vec<&str> = r.split("<td").collect();
            (depth, kind, cells[0], digits(cells[2]))
        })
        .collect();
    let kinds: Vec<(usize, &str)> = rows.iter().map(|r| (r.0, r.1)).collect();
    assert_eq!(
        kinds,
        [
            (0, "term"),   // 수도권
            (1, "term"),   // 서울
            (0, "term"),   // 영남권
            (1, "direct"), // 영남권 전체 대상
            (1, "term"),   // 부산
            (1, "term"),   // 울산
            (1, "shared"), // 부산 · 울산 (100억: the larger first)
            (1, "shared"), // 부산 · 영남권 전체 대상 (20억)
            (0, "shared"), // 수도권 · 영남권
            (0, "unassigned"),
        ],
        "{rows:#?}"
    );
    assert!(rows[3].2.contains("영남권 전체 대상") && rows[3].3 == (40 * EOK, 40 * EOK));
    assert!(rows[7].2.contains("부산</a>·<a") && rows[7].2.contains("영남권 전체 대상"));
    assert!(rows[6].2.contains("울산</a>") && rows[6].3 == (100 * EOK, 100 * EOK));
    assert!(rows[8].2.contains("수도권</a>·<a") && rows[8].3 == (10 * EOK, 10 * EOK));
    // Every parent is the sum of the rows directly under it; the top level is the grand total.
    for (i, parent) in rows.iter().enumerate() {
        let children: Vec<_> =
            rows[i + 1..].iter().take_while(|r| r.0 > parent.0).filter(|r| r.0 == parent.0 + 1).collect();
        if children.is_empty() {
            continue;
        }
        let sum = children.iter().fold((0, 0), |(a, b), r| (a + r.3 .0, b + r.3 .1));
        assert_eq!(sum, parent.3, "row {i} ({}) is not the sum of its rows", parent.2);
    }
    assert_eq!(rows[2].3, (240 * EOK, 270 * EOK), "영남권: 40 + 50 + 30~60 + 20 + 100");
    let top = rows.iter().filter(|r| r.0 == 0).fold((0, 0), |(a, b), r| (a + r.3 .0, b + r.3 .1));
    let archive = site.archive();
    assert_eq!(top, (archive.budget().all.total.min, archive.budget().all.total.max));
}

#[test]
fn many_combinations_share_one_row_past_the_largest_five() {
    let site = Site::fixture("budget");
    let pairs = [
        ("대구", "경북"),
        ("대구", "경남"),
        ("경북", "경남"),
        ("부산", "경남"),
        ("울산", "경남"),
        ("대구", "부산"),
    ];
    for (i, (a, b)) in pairs.iter().enumerate() {
        let text = format!(
            "---\ntitle: \"쌍 {i}\"\ndate: 2022-01-0{}\nregion: [{a}, {b}]\nbudget:\n  - item: 공동 {i}\n    amount: \"{}억원\"\n---\n본문.\n",
            i + 1,
            i + 1
        );
        fs::write(site.root.join(format!("content/pair-{i}.md")), text).unwrap();
    }
    site.build().unwrap();
    let budget = site.read("budget/index.html");
    let table = &budget[budget.find("지역별 예산 합계").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    // Under 영남권: the fixture's 부산·울산 (100억) and the six pairs (1억 … 6억): the five
    // largest by amount keep their rows, the two smallest (1억, 2억) share one.
    assert_eq!(table.matches("<tr class=\"depth-1 row-shared\">").count(), 6);
    assert!(table.contains("그 밖의 조합 2개"), "{table}");
    let rest = &table[table.find("그 밖의 조합 2개").unwrap()..];
    assert!(rest.contains("<td class=\"num\">2건</td>") && rest.contains("data-digits=\"300,000,000\""));
    // 영남권 still counts every line once: 180억~210억 + 1+2+…+6억.
    assert!(table.contains("201억~231억 원"));
}
