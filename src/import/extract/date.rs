//! The publication date: `승인 2024.01.19 14:00`, `입력 2024-01-19 오후 2:00`, `2024년 1월 19일`,
//! `보도시점: 2024. 3. 5.(화) 12:00`, `2024/03/05 10:21 송고`, an ISO date-time from HTML metadata.
//! Times without an offset are read in the site timezone.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use regex::Regex;
use std::sync::LazyLock;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:(?P<y>(?:19|20)\d{2})|['‘’`](?P<yy>\d{2})|(?:작성|등록|입력|게시)일?\s*[:：]?\s*(?P<ly>\d{2}))\s*(?:[.\-/]|년)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월)\s*(?P<d>\d{1,2})(?:\s*일|\.)?
        (?:\s*\(?[월화수목금토일]\)?\.?)?
        (?:(?:\s*|T)(?P<ampm>오전|오후|AM|PM|am|pm)?\s*(?P<h>\d{1,2})\s*(?::|시)\s*(?P<min>\d{1,2})(?:\s*:\s*(?P<s>\d{2})(?:\.\d+)?)?(?:\s*분)?
           (?P<tz>Z|[+\-]\d{2}:?\d{2})?)?
        ",
    )
    .unwrap()
});

/// Labels that name the publication date (rank 1), distribution (2), or an update (9).
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(기사\s*)?(최초\s*)?(최종\s*편집|편집|승인|입력|등록|발행|게재|작성|보도\s*시점|보도\s*일시|보도일|엠바고|배포\s*일시|배포|수정|업데이트|송고|Published|Updated|published|updated)\s*(일시|시간|일)?\s*[:：]?\s*$")
        .unwrap()
});

/// Whether a word is (or ends in) a date label (`입력`, `등록일`, `기사입력:`).
pub(crate) fn is_label(word: &str) -> bool {
    LABEL.is_match(word)
}

/// The rank of a date that is never the publication date.
const NEVER: u8 = 99;

/// A date found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// The calendar date.
    pub date: NaiveDate,
    /// The moment, when a time was given.
    pub moment: Option<DateTime<FixedOffset>>,
    /// Lower is more trustworthy: 0 metadata, 1 a publication label, 2 distribution, 5 an
    /// unlabelled dateline, 9 an update.
    pub rank: u8,
}

/// Whether the text holds a full year-month-day date.
pub fn has_full_date(s: &str) -> bool {
    dates_in(s, chrono_tz::UTC).next().is_some()
}

fn dates_in(
    line: &str,
    tz: Tz,
) -> impl Iterator<Item = (usize, usize, NaiveDate, Option<DateTime<FixedOffset>>, bool)> + '_ {
    DATE.captures_iter(line).filter_map(move |c| {
        let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
        // `’24.3.5`, or a board's `작성일19-10-07` (the label glued to it): a two-digit year,
        // 1970–2069.
        let y = match (c.name("y"), c.name("yy").or(c.name("ly"))) {
            (Some(y), _) => y.as_str().parse::<i32>().ok()?,
            (None, yy) => {
                yy?.as_str().parse::<i32>().ok().map(|y| if y >= 70 { 1900 + y } else { 2000 + y })?
            }
        };
        let date = NaiveDate::from_ymd_opt(y, num("m")?, num("d")?)?;
        let moment = num("h").and_then(|h| {
            let mut h = h;
            match c.name("ampm").map(|m| m.as_str()) {
                Some("오후" | "PM" | "pm") if h < 12 => h += 12,
                Some("오전" | "AM" | "am") if h == 12 => h = 0,
                _ => {}
            }
            let time = NaiveTime::from_hms_opt(h, num("min")?, num("s").unwrap_or(0))?;
            let naive = NaiveDateTime::new(date, time);
            match c.name("tz").map(|m| m.as_str()) {
                Some(off) => {
                    let offset = parse_offset(off)?;
                    let at = offset.from_local_datetime(&naive).single()?;
                    Some(at.with_timezone(&tz).fixed_offset())
                }
                None => tz.from_local_datetime(&naive).earliest().map(|d| d.fixed_offset()),
            }
        });
        // The date of the moment in the site timezone (an ISO time in UTC may fall on another day).
        let date = moment.map(|m| m.date_naive()).unwrap_or(date);
        let whole = c.get(0)?;
        // A glued label is left before the date, where labels are looked for.
        let start = c.name("ly").map_or(whole.start(), |m| m.start());
        Some((start, whole.end(), date, moment, c.name("yy").is_some()))
    })
}

fn parse_offset(s: &str) -> Option<FixedOffset> {
    if s == "Z" {
        return FixedOffset::east_opt(0);
    }
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let digits: String = s[1..].chars().filter(|c| c.is_ascii_digit()).collect();
    let h: i32 = digits.get(0..2)?.parse().ok()?;
    let m: i32 = digits.get(2..4)?.parse().ok()?;
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

fn label_rank(label: &str) -> u8 {
    // A page header's `최종편집시간` is when the site last changed, never the article's date.
    if label.contains("편집") {
        NEVER
    } else if label.contains("수정") || label.contains("업데이트") || label.contains("pdated") {
        9
    } else if label.contains("배포") {
        2
    } else {
        1
    }
}

/// Whether the text before a date ends a reporter's byline: `홍길동 기자 |`, `홍길동 기자 ·`.
fn is_byline_before(before: &str) -> bool {
    let words: Vec<&str> =
        before.split(|c: char| c.is_whitespace() || "|·/".contains(c)).filter(|w| !w.is_empty()).collect();
    words.len() >= 2 && words.len() <= 5 && words.last() == Some(&"기자")
}

/// Every date in a line, ranked by the label before it (or `송고` after it).
pub fn dates_in_line(line: &str, tz: Tz) -> Vec<FoundDate> {
    let mut out = Vec::new();
    for (start, end, date, moment, abbreviated) in dates_in(line, tz) {
        let before = &line[..start];
        let after = line[end..].trim_start();
        let rank = if let Some(c) = LABEL.captures(before) {
            label_rank(&c[3])
        } else if after.starts_with("송고") || after.starts_with("입력") || after.starts_with("발행") {
            1
        } else if after.starts_with("수정") {
            9
        } else if is_byline_before(before) {
            // `[매체] 홍길동 기자 | 2025.08.11`: a reporter's byline dates the article, above
            // an unlabelled date elsewhere (a blog's post time, a page header).
            3
        } else {
            5
        };
        // An abbreviated year counts only under a label: unlabelled, `'20.3.1일부터` is a notice.
        let rank = if abbreviated && rank > 2 { NEVER } else { rank };
        out.push(FoundDate { date, moment, rank });
    }
    out
}

/// The publication date: the best-ranked date in the metadata lines, first in order among equals;
/// `hint` (an ISO date-time from HTML metadata) wins over all.
pub fn publication_date(meta: &[String], hint: Option<&str>, tz: Tz) -> Option<FoundDate> {
    publication_date_under(meta, None, hint, tz)
}

/// As [`publication_date`], with the date line right under the headline (`dateline`): an
/// unlabelled date there is the headline's own, and outranks unlabelled dates elsewhere (a
/// repost's post time above a copied release's `2026-05-11 | 지역경제과`, a page header's day).
pub fn publication_date_under(
    meta: &[String],
    dateline: Option<&str>,
    hint: Option<&str>,
    tz: Tz,
) -> Option<FoundDate> {
    if let Some(h) = hint {
        if let Some(mut d) = dates_in_line(h, tz).into_iter().next() {
            d.rank = 0;
            return Some(d);
        }
    }
    let mut best: Option<FoundDate> = None;
    for line in meta {
        let own = dateline == Some(line.as_str());
        for mut d in dates_in_line(line, tz).into_iter().filter(|d| d.rank < NEVER) {
            if own && d.rank == 5 {
                d.rank = 4;
            }
            if !matches!(best, Some(b) if b.rank <= d.rank) {
                best = Some(d);
            }
        }
    }
    best
}

/// The first day a sentence tells (`16일`, `7월 16일`), with its month when written.
pub fn day_told(s: &str) -> Option<(Option<u32>, u32)> {
    static MONTH_DAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[^\d.])(?:(\d{1,2})월\s?)?(\d{1,2})일").unwrap());
    let c = MONTH_DAY.captures(s)?;
    let month = c.get(1).and_then(|m| m.as_str().parse::<u32>().ok());
    Some((month, c.get(2)?.as_str().parse::<u32>().ok()?))
}

/// For a page with no publication date: a full date elsewhere in its text (`* 개최개요: '25.7.16(수)`,
/// a notice's `2025. 7. 16.`) on the day its lead tells (`7월 16일 … 개최했다`, `16일 밝혔다`). The
/// story is of that day, so the date is the page's own, though none is labelled.
pub fn lead_day_in_text(lead: &str, lines: &[&str], tz: Tz) -> Option<NaiveDate> {
    let (month, day) = day_told(lead)?;
    use chrono::Datelike;
    lines
        .iter()
        .flat_map(|l| dates_in(l, tz).map(|(_, _, d, _, _)| d).collect::<Vec<_>>())
        .find(|d| d.day() == day && month.is_none_or(|m| d.month() == m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> FoundDate {
        dates_in_line(line, chrono_tz::Asia::Seoul)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no date in {line}"))
    }

    #[test]
    fn reads_the_common_forms() {
        let d = one("승인 2024.01.19 14:00");
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 1, 19).unwrap());
        assert_eq!(d.moment.unwrap().to_rfc3339(), "2024-01-19T14:00:00+09:00");
        assert_eq!(d.rank, 1);
        assert_eq!(one("2024년 1월 19일").rank, 5);
        let d = one("기사입력 2024-06-11 오후 3:20");
        assert_eq!(d.moment.unwrap().to_rfc3339(), "2024-06-11T15:20:00+09:00");
        let d = one("보도시점: 2024. 3. 5.(화) 12:00");
        assert_eq!(d.moment.unwrap().to_rfc3339(), "2024-03-05T12:00:00+09:00");
        assert_eq!(one("2024/03/05 10:21 송고").rank, 1);
        assert_eq!(one("수정 2024.03.06 09:00").rank, 9);
    }

    #[test]
    fn a_full_date_on_the_day_the_lead_tells_dates_an_unlabelled_page() {
        let tz = chrono_tz::Asia::Seoul;
        let lead = "한빛부는 7월 16일 차관 주재로 합동회의를 개최했다고 밝혔다.";
        let lines = ["* 개최개요: '25.7.16(수) 16:00, 대회의실", "접수는 2025.7.31까지다."];
        assert_eq!(lead_day_in_text(lead, &lines, tz), NaiveDate::from_ymd_opt(2025, 7, 16));
        // A date of another day is not the story's.
        assert_eq!(lead_day_in_text(lead, &lines[1..], tz), None);
        // A lead with no day dates nothing.
        assert_eq!(lead_day_in_text("한빛부는 합동회의를 개최했다.", &lines, tz), None);
    }

    #[test]
    fn reads_abbreviated_years_only_under_a_label() {
        let d = one("입력 ’24.03.05 10:21");
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 3, 5).unwrap());
        assert_eq!(d.rank, 1);
        assert_eq!(one("등록 '98.7.2").date, NaiveDate::from_ymd_opt(1998, 7, 2).unwrap());
        assert_eq!(one("'20.3.1일부터 지원하지 않습니다").rank, NEVER);
        let meta = vec!["'20.3.1일부터 지원 종료".to_string(), "2009.12.29".to_string()];
        let d = publication_date(&meta, None, chrono_tz::Asia::Seoul).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2009, 12, 29).unwrap());
        // A board's stamp, the label glued to a two-digit year and counters after it.
        let d = one("편집국 작성일19-10-07 20:05 조회1,426회 댓글0건본문");
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2019, 10, 7).unwrap());
        assert_eq!(d.rank, 1);
        assert_eq!(one("등록일 : 24.03.05").date, NaiveDate::from_ymd_opt(2024, 3, 5).unwrap());
        // Two digits without a label are no year.
        assert!(dates_in("19-10-07 20:05", chrono_tz::UTC).next().is_none());
    }

    #[test]
    fn converts_offsets_to_the_site_timezone() {
        let d = one("2024-01-18T20:30:00Z");
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 1, 19).unwrap());
        assert_eq!(d.moment.unwrap().to_rfc3339(), "2024-01-19T05:30:00+09:00");
    }

    #[test]
    fn a_page_header_edit_time_is_never_the_date() {
        let meta = vec!["최종편집시간 2024.05.01 09:00".to_string(), "2024년 3월 5일".to_string()];
        let d = publication_date(&meta, None, chrono_tz::Asia::Seoul).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 3, 5).unwrap());
        let only = vec!["최종편집 2024-05-01 09:00".to_string()];
        assert!(publication_date(&only, None, chrono_tz::Asia::Seoul).is_none());
    }

    #[test]
    fn a_date_after_a_reporters_byline_outranks_an_unlabelled_one() {
        let meta = vec![
            "여행자 솔바람 2024. 5. 2. 21:00".to_string(),
            "[한빛일보] 고다은 기자 | 2024.05.01 18:20".to_string(),
        ];
        let d = publication_date(&meta, None, chrono_tz::Asia::Seoul).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
        // A photo caption's credit after the date is no byline.
        assert_eq!(one("2024.05.01/뉴스1 © News1 고다은 기자").rank, 5);
    }

    #[test]
    fn the_date_line_under_the_headline_outranks_an_unlabelled_one_above() {
        let meta =
            vec!["산책러 2026.04.03. 09:12 조회 88".to_string(), "2026-04-02 | 공원녹지과".to_string()];
        let seoul = chrono_tz::Asia::Seoul;
        let d = publication_date_under(&meta, Some("2026-04-02 | 공원녹지과"), None, seoul).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2026, 4, 2).unwrap());
        assert_eq!(
            publication_date(&meta, None, seoul).unwrap().date,
            NaiveDate::from_ymd_opt(2026, 4, 3).unwrap()
        );
        // A labelled date still wins.
        let meta = vec!["입력 2026.04.01".to_string(), "2026-04-02".to_string()];
        let d = publication_date_under(&meta, Some("2026-04-02"), None, seoul).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
    }

    #[test]
    fn prefers_publication_over_update() {
        let meta = vec!["수정 2024.03.06 09:00".to_string(), "입력 2024.03.05 10:00".to_string()];
        let d = publication_date(&meta, None, chrono_tz::Asia::Seoul).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 3, 5).unwrap());
    }
}
