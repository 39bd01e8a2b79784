//! Money amounts: reading Korean-unit amounts (`5,770억원`, `13조5000억원`, `1.2조원`) into exact
//! integers, and writing integers back in the same style. No floating point anywhere: a budget
//! archive that loses a won to rounding is wrong.

use serde::Serialize;
use std::fmt;

/// An amount of money in the smallest unit of the site currency (won for KRW).
/// A single figure has `min == max`; a range (`30억~100억원`) keeps both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Amount {
    /// The lower end (or the only figure).
    pub min: u64,
    /// The upper end; equal to `min` for a single figure.
    pub max: u64,
}

impl Amount {
    /// A single figure.
    pub fn exact(value: u64) -> Self {
        Amount { min: value, max: value }
    }

    /// Whether this amount is a range with two different ends.
    pub fn is_range(&self) -> bool {
        self.min != self.max
    }
}

/// Why an amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    /// Nothing but whitespace or a currency word.
    #[error("the amount is empty")]
    Empty,
    /// A character that has no place in an amount.
    #[error("unexpected `{found}` in the amount")]
    Unexpected {
        /// The offending character.
        found: char,
    },
    /// A unit with no number before it (`억원`), or a number in the wrong place.
    #[error("a unit (`{unit}`) has no number before it")]
    MissingNumber {
        /// The unit.
        unit: char,
    },
    /// Units out of order (`100만 5억`) or repeated (`3억 2억`).
    #[error("`{unit}` comes after a smaller unit or twice")]
    UnitOrder {
        /// The unit that is out of place.
        unit: char,
    },
    /// A decimal that does not come to a whole number of won (`1.23456원`).
    #[error("the decimal does not come to a whole amount")]
    Fraction,
    /// A comma that is not a thousands separator (`5,77억`).
    #[error("a comma must separate groups of three digits")]
    BadComma,
    /// More than the 64-bit range.
    #[error("the amount is too large")]
    Overflow,
    /// A word that makes the figure approximate or open-ended (`약`, `내외`, `이상`): a budget line
    /// holds one figure or a range, so the author has to choose which.
    #[error("`{word}` makes the amount approximate; a budget amount is one figure or a range")]
    Approximate {
        /// The word as written.
        word: &'static str,
    },
    /// A range whose upper end is below its lower end.
    #[error("the range goes down ({min} to {max})")]
    BackwardsRange {
        /// Lower end as written.
        min: u64,
        /// Upper end as written.
        max: u64,
    },
}

const MAN: u64 = 10_000;
const EOK: u64 = 100_000_000;
const JO: u64 = 1_000_000_000_000;
const GYEONG: u64 = 10_000_000_000_000_000;

/// Reads an amount such as `"5,770억원"`, `"7천억 원"`, `"1조 2,345억 6,789만원"`, `"1.2조원"`,
/// `"3300000000"` or the range `"30억~100억원"` (a unit written only on the upper end, `"30~100억원"`,
/// applies to both ends).
pub fn parse_amount(text: &str) -> Result<Amount, AmountError> {
    let text = text.trim();
    if let Some(word) = APPROXIMATE.iter().find(|w| text.contains(**w)) {
        return Err(AmountError::Approximate { word });
    }
    let parts: Vec<&str> = text.split(['~', '～', '–']).collect();
    match parts.as_slice() {
        [one] => parse_single(one).map(Amount::exact),
        [low, high] => {
            let max = parse_single(high)?;
            let low_trimmed = strip_currency(low.trim());
            let min = if !low_trimmed.is_empty() && low_trimmed.chars().all(is_number_char) {
                // `30~100억원`: the lower end borrows the upper end's largest unit.
                let unit = largest_unit(high);
                parse_decimal_times(low_trimmed, unit)?
            } else {
                parse_single(low)?
            };
            if max < min {
                return Err(AmountError::BackwardsRange { min, max });
            }
            Ok(Amount { min, max })
        }
        _ => Err(AmountError::Unexpected { found: '~' }),
    }
}

/// Words of Korean prose that qualify a figure (about, or so, at least, at most, roughly). They
/// are named in the error instead of failing on their first letter, which reads as nonsense.
const APPROXIMATE: &[&str] =
    &["내외", "안팎", "이상", "이하", "미만", "초과", "가량", "정도", "남짓", "약", "여", "최대", "최소"];

fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || c == ',' || c == '.'
}

fn strip_currency(s: &str) -> &str {
    let s = s.trim();
    let s = s.strip_suffix("원").unwrap_or(s);
    let s = s.strip_suffix("KRW").unwrap_or(s);
    let s = s.strip_prefix("KRW").unwrap_or(s);
    let s = s.strip_prefix('₩').unwrap_or(s);
    s.trim()
}

fn unit_value(c: char) -> Option<u64> {
    match c {
        '만' => Some(MAN),
        '억' => Some(EOK),
        '조' => Some(JO),
        '경' => Some(GYEONG),
        _ => None,
    }
}

fn largest_unit(s: &str) -> u64 {
    s.chars().filter_map(unit_value).max().unwrap_or(1)
}

/// One figure, no range.
fn parse_single(text: &str) -> Result<u64, AmountError> {
    let s = strip_currency(text);
    if s.is_empty() {
        return Err(AmountError::Empty);
    }
    let mut total: u64 = 0;
    let mut last_unit = u64::MAX;
    // The number read since the last big unit, as a decimal string, and the 천/백/십 value
    // accumulated inside the current big unit.
    let mut number = String::new();
    let mut inner: u64 = 0;
    for c in s.chars() {
        match c {
            '0'..='9' | ',' | '.' => number.push(c),
            ' ' | '\u{a0}' => {}
            '천' | '백' | '십' => {
                let small = match c {
                    '천' => 1000,
                    '백' => 100,
                    _ => 10,
                };
                let n = if number.is_empty() { small } else { parse_decimal_times(&number, small)? };
                number.clear();
                inner = inner.checked_add(n).ok_or(AmountError::Overflow)?;
            }
            '만' | '억' | '조' | '경' => {
                let unit = unit_value(c).expect("matched a unit");
                if unit >= last_unit {
                    return Err(AmountError::UnitOrder { unit: c });
                }
                let rest = if number.is_empty() { 0 } else { parse_decimal_times(&number, unit)? };
                number.clear();
                if inner == 0 && rest == 0 {
                    return Err(AmountError::MissingNumber { unit: c });
                }
                let value =
                    inner.checked_mul(unit).and_then(|v| v.checked_add(rest)).ok_or(AmountError::Overflow)?;
                inner = 0;
                total = total.checked_add(value).ok_or(AmountError::Overflow)?;
                last_unit = unit;
            }
            other => return Err(AmountError::Unexpected { found: other }),
        }
    }
    let tail = if number.is_empty() { 0 } else { parse_decimal_times(&number, 1)? };
    total.checked_add(inner).and_then(|t| t.checked_add(tail)).ok_or(AmountError::Overflow)
}

/// `"5,770"` × 10^8, or `"1.25"` × 10^12, exactly.
fn parse_decimal_times(number: &str, unit: u64) -> Result<u64, AmountError> {
    let (int_part, frac_part) = match number.split_once('.') {
        Some((i, f)) => (i, f),
        None => (number, ""),
    };
    if frac_part.contains(['.', ',']) {
        return Err(AmountError::Unexpected { found: '.' });
    }
    if int_part.contains(',') {
        let groups: Vec<&str> = int_part.split(',').collect();
        let first_ok = !groups[0].is_empty() && groups[0].len() <= 3;
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(AmountError::BadComma);
        }
    }
    let digits: String = int_part.chars().filter(|c| *c != ',').collect();
    if digits.is_empty() && frac_part.is_empty() {
        return Err(AmountError::Empty);
    }
    let int_value: u64 =
        if digits.is_empty() { 0 } else { digits.parse().map_err(|_| AmountError::Overflow)? };
    let mut value = int_value.checked_mul(unit).ok_or(AmountError::Overflow)?;
    if !frac_part.is_empty() {
        let frac_digits = frac_part.trim_end_matches('0');
        let scale = 10u64.checked_pow(frac_digits.len() as u32).ok_or(AmountError::Fraction)?;
        if !frac_digits.is_empty() {
            let frac: u64 = frac_digits.parse().map_err(|_| AmountError::Fraction)?;
            if unit % scale != 0 {
                return Err(AmountError::Fraction);
            }
            value = value.checked_add(frac * (unit / scale)).ok_or(AmountError::Overflow)?;
        }
    }
    Ok(value)
}

/// Writes `577000000000` as `5,770억` and `1234567890000` as `1조 2,345억 6,789만` (no currency word).
pub fn format_korean(value: u64) -> String {
    let mut out = String::with_capacity(32);
    push_korean(&mut out, value);
    out
}

/// [`format_korean`] appended to `out` (pages and charts format many amounts; no scratch strings).
pub fn push_korean(out: &mut String, value: u64) {
    if value == 0 {
        out.push('0');
        return;
    }
    let mut first = true;
    let mut rest = value;
    for (unit, name) in [(GYEONG, "경"), (JO, "조"), (EOK, "억"), (MAN, "만")] {
        let n = rest / unit;
        rest %= unit;
        if n > 0 {
            if !first {
                out.push(' ');
            }
            push_grouped(out, n);
            out.push_str(name);
            first = false;
        }
    }
    if rest > 0 {
        if !first {
            out.push(' ');
        }
        push_grouped(out, rest);
    }
}

/// How a brief's `amount:` is written: `5,770억원`, `1조 2,345억원`, `30억~100억원` (what the
/// importer writes; [`parse_amount`] reads it back to the same amount).
pub fn brief_text(amount: Amount) -> String {
    let mut out = String::with_capacity(32);
    push_korean(&mut out, amount.min);
    if amount.is_range() {
        out.push('~');
        push_korean(&mut out, amount.max);
    }
    out.push('원');
    out
}

/// A short label for charts: the largest unit only, with one decimal below ten of it
/// (`1234567890000` → `1.2조`, `577000000000` → `5,770억`, `9400000000` → `94억`). Rounded
/// half up in integers, so it is for axis and bar labels only; the exact figure goes beside it.
pub fn format_korean_short(value: u64) -> String {
    let Some((unit, name)) =
        [(GYEONG, "경"), (JO, "조"), (EOK, "억"), (MAN, "만")].into_iter().find(|(u, _)| value >= *u)
    else {
        return group_thousands(value);
    };
    let tenths = (u128::from(value) * 10 + u128::from(unit) / 2) / u128::from(unit);
    if tenths < 100 {
        match tenths % 10 {
            0 => format!("{}{name}", tenths / 10),
            d => format!("{}.{d}{name}", tenths / 10),
        }
    } else {
        let whole = (u128::from(value) + u128::from(unit) / 2) / u128::from(unit);
        format!("{}{name}", group_thousands(whole as u64))
    }
}

/// `1234567` → `1,234,567`.
pub fn group_thousands(value: u64) -> String {
    let mut out = String::with_capacity(26);
    push_grouped(&mut out, value);
    out
}

/// [`group_thousands`] appended to `out`.
pub fn push_grouped(out: &mut String, value: u64) {
    // Digits lowest first into a stack buffer (u64 has at most 20), then written highest first.
    let mut digits = [0u8; 20];
    let (mut n, mut v) = (0, value);
    loop {
        digits[n] = b'0' + (v % 10) as u8;
        n += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for i in (0..n).rev() {
        out.push(char::from(digits[i]));
        if i > 0 && i % 3 == 0 {
            out.push(',');
        }
    }
}

/// The readers' form of `amount` in `currency` (the `display` of [`AmountView`]) appended to
/// `out`: `5,770억 원`, `30억~100억 원`, `1,500,000 USD`.
pub fn push_display(out: &mut String, amount: Amount, currency: &str) {
    let korean = currency == "KRW";
    let one = |out: &mut String, v: u64| if korean { push_korean(out, v) } else { push_grouped(out, v) };
    one(out, amount.min);
    if amount.is_range() {
        out.push('~');
        one(out, amount.max);
    }
    if korean {
        out.push_str(" 원");
    } else {
        out.push(' ');
        out.push_str(currency);
    }
}

/// How an amount is shown to readers in a given currency.
#[derive(Debug, Clone, Serialize)]
pub struct AmountView {
    /// Lower end in the smallest unit.
    pub min: u64,
    /// Upper end in the smallest unit.
    pub max: u64,
    /// Whether the amount is a range.
    pub is_range: bool,
    /// For readers: `5,770억 원` or `30억~100억 원` (KRW), `1,500,000 USD` otherwise.
    pub display: String,
    /// Every digit: `577,000,000,000`.
    pub digits: String,
}

impl AmountView {
    /// Formats an amount in `currency` (an ISO 4217 code).
    pub fn new(amount: Amount, currency: &str) -> Self {
        let mut display = String::with_capacity(40);
        push_display(&mut display, amount, currency);
        let mut digits = String::with_capacity(54);
        push_grouped(&mut digits, amount.min);
        if amount.is_range() {
            digits.push('~');
            push_grouped(&mut digits, amount.max);
        }
        AmountView { min: amount.min, max: amount.max, is_range: amount.is_range(), display, digits }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_range() {
            write!(f, "{}~{}", self.min, self.max)
        } else {
            write!(f, "{}", self.min)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_brief_form_of_an_amount_reads_back_to_it() {
        let cases = [
            (Amount::exact(577_000_000_000), "5,770억원"),
            (Amount::exact(1_234_567_891_234), "1조 2,345억 6,789만 1,234원"),
            (Amount::exact(5_000), "5,000원"),
            (Amount::exact(0), "0원"),
            (Amount { min: 3_000_000_000, max: 10_000_000_000 }, "30억~100억원"),
            (Amount { min: 150_000_000, max: 1_050_000_000_000 }, "1억 5,000만~1조 500억원"),
        ];
        for (amount, text) in cases {
            assert_eq!(brief_text(amount), text);
            assert_eq!(parse_amount(text), Ok(amount), "{text}");
        }
    }

    fn one(s: &str) -> u64 {
        let a = parse_amount(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert!(!a.is_range(), "{s} is not a range");
        a.min
    }

    #[test]
    fn reads_the_forms_of_the_brief_format() {
        assert_eq!(one("5,770억원"), 577_000_000_000);
        assert_eq!(one("13조5000억원"), 13_500_000_000_000);
        assert_eq!(one("7천억 원"), 700_000_000_000);
        assert_eq!(one("1조 2,345억 6,789만원"), 1_234_567_890_000);
        assert_eq!(one("3300000000"), 3_300_000_000);
        assert_eq!(one("2,881억 원"), 288_100_000_000);
        assert_eq!(one("100억원"), 10_000_000_000);
        assert_eq!(one("94억원"), 9_400_000_000);
        assert_eq!(one("9,999만원"), 99_990_000);
    }

    #[test]
    fn reads_decimals_exactly() {
        assert_eq!(one("1.2조원"), 1_200_000_000_000);
        assert_eq!(one("12.5억원"), 1_250_000_000);
        assert_eq!(one("0.3억"), 30_000_000);
        assert_eq!(one("30.0조원"), 30_000_000_000_000);
        assert_eq!(parse_amount("1.5원"), Err(AmountError::Fraction));
    }

    #[test]
    fn reads_small_units_inside_big_ones() {
        assert_eq!(one("3천5백만원"), 35_000_000);
        assert_eq!(one("천억원"), 100_000_000_000);
        assert_eq!(one("2조 7천억"), 2_700_000_000_000);
    }

    #[test]
    fn reads_ranges() {
        let a = parse_amount("30억~100억원").unwrap();
        assert_eq!((a.min, a.max), (3_000_000_000, 10_000_000_000));
        let b = parse_amount("30~100억원").unwrap();
        assert_eq!((b.min, b.max), (3_000_000_000, 10_000_000_000));
        assert!(matches!(parse_amount("100억~30억"), Err(AmountError::BackwardsRange { .. })));
    }

    #[test]
    fn rejects_unreadable_amounts() {
        assert_eq!(parse_amount(""), Err(AmountError::Empty));
        assert_eq!(parse_amount("원"), Err(AmountError::Empty));
        assert_eq!(parse_amount("약 50억"), Err(AmountError::Approximate { word: "약" }));
        assert_eq!(parse_amount("5천억원 내외"), Err(AmountError::Approximate { word: "내외" }));
        assert_eq!(parse_amount("50여억원"), Err(AmountError::Approximate { word: "여" }));
        assert_eq!(parse_amount("100억원 이상"), Err(AmountError::Approximate { word: "이상" }));
        assert_eq!(parse_amount("100만 5억"), Err(AmountError::UnitOrder { unit: '억' }));
        assert_eq!(parse_amount("억원"), Err(AmountError::MissingNumber { unit: '억' }));
        assert_eq!(parse_amount("5,77억"), Err(AmountError::BadComma));
        assert_eq!(parse_amount("99999999999999999999"), Err(AmountError::Overflow));
    }

    #[test]
    fn formats_back_in_korean_units() {
        assert_eq!(format_korean(577_000_000_000), "5,770억");
        assert_eq!(format_korean(13_500_000_000_000), "13조 5,000억");
        assert_eq!(format_korean(1_234_567_890_000), "1조 2,345억 6,789만");
        assert_eq!(format_korean(12_345), "1만 2,345");
        assert_eq!(format_korean(0), "0");
        let v = AmountView::new(parse_amount("30억~100억원").unwrap(), "KRW");
        assert_eq!(v.display, "30억~100억 원");
        assert_eq!(v.digits, "3,000,000,000~10,000,000,000");
        assert_eq!(AmountView::new(Amount::exact(1500), "USD").display, "1,500 USD");
    }

    #[test]
    fn groups_thousands_at_every_length() {
        let cases = [(0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (123_456, "123,456")];
        for (v, s) in cases {
            assert_eq!(group_thousands(v), s);
        }
        assert_eq!(group_thousands(u64::MAX), "18,446,744,073,709,551,615");
        let mut out = String::from("합계 ");
        push_display(&mut out, Amount { min: 3_000_000_000, max: 10_000_000_000 }, "KRW");
        push_display(&mut out, Amount::exact(0), "KRW");
        assert_eq!(out, "합계 30억~100억 원0 원", "appended, never replaced");
    }

    #[test]
    fn short_labels_keep_the_largest_unit() {
        assert_eq!(format_korean_short(1_234_567_890_000), "1.2조");
        assert_eq!(format_korean_short(577_000_000_000), "5,770억");
        assert_eq!(format_korean_short(9_400_000_000), "94억");
        assert_eq!(format_korean_short(1_250_000_000), "13억", "twelve and a half rounds up");
        assert_eq!(format_korean_short(150_000_000), "1.5억");
        assert_eq!(format_korean_short(2_000_000_000_000), "2조");
        assert_eq!(format_korean_short(9_960_000_000_000), "10조");
        assert_eq!(format_korean_short(999), "999");
    }

    #[test]
    fn formatting_and_parsing_round_trip() {
        for v in [1u64, 999, 10_000, 123_456_789, 577_000_000_000, 9_400_000_000] {
            assert_eq!(one(&format!("{}원", format_korean(v))), v);
        }
    }
}
