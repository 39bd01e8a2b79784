//! Dates of briefs: `2024-01-19`, `2024-01-19 14:00`, or RFC 3339 `2024-01-19T14:00:00+09:00`.
//! A date or time without an offset is in the site's time zone (not UTC: an author in Seoul who
//! writes today's date must not see the brief land "in the future"), and every date is shown in
//! the site's time zone.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Timelike,
};
use chrono_tz::Tz;
use serde::Serialize;

/// A point in time as the site shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// The instant, with the site zone's offset at that instant.
    pub at: DateTime<FixedOffset>,
    /// Whether the author gave a time of day (else it is midnight in the site zone).
    pub has_time: bool,
}

impl Moment {
    /// An instant as the site shows it (the offset the site zone has at that instant), with a
    /// time of day: what reading its RFC 3339 form gives.
    pub fn at_instant(dt: DateTime<FixedOffset>, tz: Tz) -> Self {
        in_zone(dt, tz, true)
    }

    /// Midnight of `day` in the site zone, with no time of day: what reading `2024-01-19` gives.
    /// `None` in the rare zone where a clock change skips that midnight.
    pub fn on_day(day: NaiveDate, tz: Tz) -> Option<Self> {
        local(day.and_time(NaiveTime::MIN), tz, false).ok()
    }

    /// Seconds since the epoch, for ordering.
    pub fn timestamp(&self) -> i64 {
        self.at.timestamp()
    }

    /// The calendar date in the site zone.
    pub fn date(&self) -> NaiveDate {
        self.at.date_naive()
    }

    /// The calendar date in the site zone as `2024-01-19` (years are four digits: [`YEARS`]).
    pub fn iso_date(&self) -> String {
        iso_of(self.date())
    }

    /// RFC 3339 with the site zone's offset: `2024-01-19T14:00:00+09:00`.
    pub fn rfc3339(&self) -> String {
        self.at.to_rfc3339()
    }

    /// The template view of this moment.
    pub fn view(&self) -> DateView {
        let d = self.date();
        let iso = self.iso_date();
        let datetime = self.rfc3339();
        let mut display = String::with_capacity(20);
        push_number(&mut display, d.year().unsigned_abs(), 1);
        display.push_str("년 ");
        push_number(&mut display, d.month(), 1);
        display.push_str("월 ");
        push_number(&mut display, d.day(), 1);
        display.push('일');
        if d.year() < 0 {
            display.insert(0, '-');
        }
        let (machine, time) = if self.has_time {
            let mut time = String::with_capacity(5);
            push_number(&mut time, self.at.hour(), 2);
            time.push(':');
            push_number(&mut time, self.at.minute(), 2);
            (datetime.clone(), time)
        } else {
            (iso.clone(), String::new())
        };
        DateView {
            iso,
            datetime,
            display,
            year: d.year(),
            month: d.month(),
            day: d.day(),
            has_time: self.has_time,
            machine,
            time,
        }
    }
}

/// `d` as `2024-01-19`.
fn iso_of(d: NaiveDate) -> String {
    if !YEARS.contains(&d.year()) {
        return format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
    }
    // Digits pushed directly: chrono's `format` parses its pattern again on every call, and
    // `format!` was most of the cost of a date's view, made for every list entry.
    let mut out = String::with_capacity(10);
    push_number(&mut out, d.year() as u32, 4);
    out.push('-');
    push_number(&mut out, d.month(), 2);
    out.push('-');
    push_number(&mut out, d.day(), 2);
    out
}

/// Appends `n` in decimal, with leading zeros up to `width` digits.
fn push_number(out: &mut String, mut n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let at = at.min(digits.len().saturating_sub(width));
    out.push_str(std::str::from_utf8(&digits[at..]).expect("ASCII digits"));
}

/// How templates see a date.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// `2024-01-19`.
    pub iso: String,
    /// RFC 3339 in the site zone.
    pub datetime: String,
    /// `2024년 1월 19일`.
    pub display: String,
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
    /// Whether a time of day was given.
    pub has_time: bool,
    /// `14:00`, or empty.
    pub time: String,
    /// For `<time datetime>`: the RFC 3339 date-time when a time was given, else the date.
    pub machine: String,
}

/// The years a date may have: RFC 3339 (feeds, sitemaps, `<time datetime>`) has four-digit
/// years only, and year 0 or 10000 would be written in forms no reader accepts.
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// Reads a date in one of the accepted forms; the error says what is wrong in words.
pub fn parse_date(text: &str, tz: Tz) -> Result<Moment, String> {
    let text = text.trim();
    let m = parse_any(text, tz)?;
    // chrono reads `:60` as a leap second, which no calendar of briefs has and which would be
    // written out as `:60` again.
    if m.at.nanosecond() >= 1_000_000_000 {
        return Err(format!("`{text}` is not a time: second 60 does not exist (seconds are 00–59)"));
    }
    for year in [m.at.year(), m.at.naive_utc().year()] {
        if !YEARS.contains(&year) {
            return Err(year_error(text, year));
        }
    }
    Ok(m)
}

fn year_error(text: &str, year: i32) -> String {
    format!("`{text}` is not a date annals can publish: the year {year} is outside 1–9999")
}

fn parse_any(text: &str, tz: Tz) -> Result<Moment, String> {
    if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
        return Ok(in_zone(dt, tz, true));
    }
    // YAML-style timestamps: `2024-01-19 14:00:00 +09:00`, `2024-01-19 14:00:00+0900`.
    for fmt in ["%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M %z", "%Y-%m-%dT%H:%M:%S%z"] {
        if let Ok(dt) = DateTime::parse_from_str(text, fmt) {
            return Ok(in_zone(dt, tz, true));
        }
    }
    for fmt in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, fmt) {
            return local(naive, tz, true);
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        if text.len() == 10 {
            return local(d.and_time(NaiveTime::MIN), tz, false);
        }
    }
    Err(explain(text))
}

fn in_zone(dt: DateTime<FixedOffset>, tz: Tz, has_time: bool) -> Moment {
    let zoned = dt.with_timezone(&tz);
    let offset = zoned.offset().fix();
    Moment { at: zoned.with_timezone(&offset), has_time }
}

fn local(naive: NaiveDateTime, tz: Tz, has_time: bool) -> Result<Moment, String> {
    match tz.from_local_datetime(&naive).earliest() {
        Some(dt) => {
            let offset = dt.offset().fix();
            Ok(Moment { at: dt.with_timezone(&offset), has_time })
        }
        None => Err(format!("{naive} does not exist in {} (a clock change skips it)", tz.name())),
    }
}

/// Says why `text` is not a date, as precisely as we can.
fn explain(text: &str) -> String {
    // The year is whatever comes before the first dash: `10000-01-01` has a five-digit year,
    // not the day `0` of a ten-character cut.
    let year_digits = text.split('-').next().unwrap_or("");
    if year_digits.len() > 4 && year_digits.chars().all(|c| c.is_ascii_digit()) {
        let year = year_digits.parse::<i32>().unwrap_or(i32::MAX);
        return year_error(text, year);
    }
    let date_part: String = text.chars().take(10).collect();
    let nums: Vec<&str> = date_part.split('-').collect();
    if let [y, m, d] = nums.as_slice() {
        if let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) {
            if !(1..=12).contains(&m) {
                return format!("`{text}` is not a date: month {m} is out of range 1–12");
            }
            let days = days_in_month(y, m);
            if d == 0 || d > days {
                return format!("`{text}` is not a date: {y}-{m:02} has {days} days, not {d}");
            }
            if text.len() > 10 {
                return format!("`{text}` has a time part that cannot be read");
            }
        }
    }
    format!("`{text}` is not a date")
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt()).map(|d| d.day()).unwrap_or(31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Asia::Seoul;

    #[test]
    fn a_plain_date_is_midnight_in_the_site_zone() {
        let m = parse_date("2024-01-19", Seoul).unwrap();
        assert_eq!(m.view().datetime, "2024-01-19T00:00:00+09:00");
        assert_eq!(m.view().display, "2024년 1월 19일");
        assert!(!m.has_time);
    }

    #[test]
    fn an_offset_date_time_is_shown_in_the_site_zone() {
        // 20:00 UTC on the 18th is the 19th in Seoul: it belongs to the 19th on the timeline.
        let m = parse_date("2024-01-18T20:00:00Z", Seoul).unwrap();
        assert_eq!(m.view().iso, "2024-01-19");
        assert_eq!(m.view().time, "05:00");
        let n = parse_date("2024-01-19 14:00", Seoul).unwrap();
        assert_eq!(n.view().datetime, "2024-01-19T14:00:00+09:00");
        let y = parse_date("2017-12-27 20:46:24 -0500", Seoul).unwrap();
        assert_eq!(y.view().iso, "2017-12-28");
        let early = parse_date("0987-03-04", Seoul).unwrap();
        assert_eq!((early.iso_date(), early.view().machine), ("0987-03-04".into(), "0987-03-04".into()));
    }

    #[test]
    fn the_view_is_what_chrono_formats() {
        let texts = ["0002-01-01", "0987-03-04", "2024-02-29", "2024-12-31 23:59", "9999-12-31 00:05"];
        let zoned = ["2024-01-18T20:00:00Z", "2024-07-01T12:30:15.250+09:00", "2017-12-27 20:46:24 -0500"];
        for (text, tz) in texts
            .iter()
            .chain(&zoned)
            .flat_map(|t| [(t, Seoul), (t, chrono_tz::UTC), (t, chrono_tz::America::St_Johns)])
        {
            let m = parse_date(text, tz).unwrap();
            let (d, v) = (m.date(), m.view());
            assert_eq!(v.iso, d.format("%Y-%m-%d").to_string(), "{text}");
            assert_eq!(v.display, format!("{}년 {}월 {}일", d.year(), d.month(), d.day()), "{text}");
            assert_eq!(v.time, if m.has_time { m.at.format("%H:%M").to_string() } else { String::new() });
            assert_eq!(v.machine, if m.has_time { m.rfc3339() } else { v.iso.clone() }, "{text}");
        }
    }

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(
            parse_date("2024-13-45", Seoul).unwrap_err(),
            "`2024-13-45` is not a date: month 13 is out of range 1–12"
        );
        assert_eq!(
            parse_date("2023-02-29", Seoul).unwrap_err(),
            "`2023-02-29` is not a date: 2023-02 has 28 days, not 29"
        );
        assert_eq!(parse_date("yesterday", Seoul).unwrap_err(), "`yesterday` is not a date");
        assert!(parse_date("2024-02-29", Seoul).is_ok());
    }

    #[test]
    fn years_outside_four_digits_and_leap_seconds_are_refused() {
        for text in ["0000-06-01", "0000-01-01T00:00:00Z", "10000-01-01", "0001-01-01T00:00:00+14:00"] {
            let e = parse_date(text, Seoul).unwrap_err();
            assert!(e.contains("outside 1–9999"), "{text}: {e}");
        }
        assert!(parse_date("10000-01-01", Seoul).unwrap_err().contains("the year 10000"));
        let e = parse_date("2024-01-19T12:34:60+09:00", Seoul).unwrap_err();
        assert!(e.contains("second 60"), "{e}");
        assert!(parse_date("2024-01-19 12:34:60", Seoul).is_err());
        assert!(parse_date("9999-12-31", Seoul).is_ok());
        assert!(parse_date("2024-01-19T12:34:59+09:00", Seoul).is_ok());
    }
}
