//! The search tokenizer. `themes/default/static/search.js` has the same rules in JavaScript (the
//! browser tokenizes the query with them), and `tests/search.rs` runs both on one table of cases:
//! change one side and the test fails until the other matches.
//!
//! Rules, in order:
//! - NFC; fullwidth ASCII (`ＡＩ`) is ASCII; ASCII letters are lower-cased.
//! - Hangul syllables form a *phrase* that continues across whitespace (so `디지털혁신` and
//!   `디지털 혁신` give the same bigrams); a phrase gives its syllable bigrams, marked `cross`
//!   when a space sits between the two syllables, or its one syllable when it has only one.
//!   Anything that is not Hangul or whitespace ends the phrase.
//! - A run of ASCII letters and digits is one word (`ai`, `6g`; `&` between letters stays:
//!   `r&d`). A run of digits is a number: thousands commas are dropped (`5,770` = `5770`), one
//!   decimal point stays, a following 만/억/조/경 multiplies it and a 원 after the number is
//!   dropped, so `5,770억원`, `5770억 원`, `5770억` and `577,000,000,000원` are all
//!   `577000000000`, and `1.5조` is `1500000000000`.
//!
//! - A word next to a Hangul phrase, with only spaces between, also gives a join token of the
//!   word and the neighbouring syllable (`AI 기본법` → `ai|기`), marked `cross`: it lets a query
//!   that mixes scripts prefer the briefs that have its words together.
//!
//! No dictionary: particles are only known to the query side, which makes them optional there
//! (the noun's bigrams are a subset of the noun-with-particle's).

/// What one token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Two Hangul syllables.
    Bigram,
    /// A Hangul phrase of one syllable.
    Syllable,
    /// ASCII letters and digits.
    Word,
    /// A number, with its 만/억/조 unit.
    Number,
    /// A word and the Hangul syllable next to it (`ai|기`, `가|ai`): `AI 기본법` as a phrase.
    Join,
}

impl Kind {
    /// The one-letter code the shared test table uses (`b`, `s`, `w`, `n`).
    pub fn code(self) -> char {
        match self {
            Kind::Bigram => 'b',
            Kind::Syllable => 's',
            Kind::Word => 'w',
            Kind::Number => 'n',
            Kind::Join => 'j',
        }
    }
}

/// Hangul units that belong to a number before them.
const UNITS: [char; 4] = ['만', '억', '조', '경'];

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{A0}' | '\u{3000}')
}

/// Fullwidth ASCII to ASCII, ASCII upper case to lower case.
fn fold(c: char) -> char {
    let c = if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
    } else {
        c
    };
    c.to_ascii_lowercase()
}

/// Calls `emit(token, kind, cross)` for every token of `text`, in order.
pub fn tokenize(text: &str, emit: &mut impl FnMut(&str, Kind, bool)) {
    tokenize_with(&mut Vec::new(), text, emit);
}

/// [`tokenize`] with `chars` as scratch space: the index tokenizes every field of every brief,
/// and one buffer per thread spares an allocation each time.
pub fn tokenize_with(chars: &mut Vec<char>, text: &str, emit: &mut impl FnMut(&str, Kind, bool)) {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    chars.clear();
    // Briefs are NFC already (content::nfc) and nearly all their characters are ones that
    // are NFC on their own; the table lookups of the full check are only for the rest.
    let mut plain = true;
    chars.extend(text.chars().map(|c| {
        plain &= crate::build::content::is_plainly_nfc(c);
        fold(c)
    }));
    if !plain && is_nfc_quick(text.chars()) != IsNormalized::Yes {
        chars.clear();
        chars.extend(text.nfc().map(fold));
    }
    let chars = &chars[..];
    let mut buf = String::with_capacity(16);
    // The phrase so far: its last syllable, its length, and whether a space followed it.
    let mut prev: Option<char> = None;
    let mut len = 0usize;
    let mut spaced = false;
    // The last word, until something other than spaces follows it.
    let mut word: Option<String> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_hangul(c) {
            if let (None, Some(w)) = (prev, word.take()) {
                buf.clear();
                buf.push_str(&w);
                buf.push('|');
                buf.push(c);
                emit(&buf, Kind::Join, true);
            }
            if let Some(p) = prev {
                buf.clear();
                buf.push(p);
                buf.push(c);
                emit(&buf, Kind::Bigram, spaced);
            }
            prev = Some(c);
            len += 1;
            spaced = false;
            i += 1;
            continue;
        }
        if is_space(c) {
            spaced = prev.is_some();
            i += 1;
            continue;
        }
        let before = prev;
        end_phrase(&mut prev, &mut len, &mut spaced, &mut buf, emit);
        word = None;
        if c.is_ascii_alphanumeric() {
            i = alnum_run(chars, i, &mut buf);
            if buf.starts_with(|c: char| c.is_ascii_digit())
                && buf.chars().all(|c| c.is_ascii_digit() || c == '.')
            {
                i = number_unit(chars, i, &mut buf);
                emit(&buf, Kind::Number, false);
            } else {
                emit(&buf, Kind::Word, false);
                let w = buf.clone();
                if let Some(p) = before {
                    buf.clear();
                    buf.push(p);
                    buf.push('|');
                    buf.push_str(&w);
                    emit(&buf, Kind::Join, true);
                }
                word = Some(w);
            }
        } else {
            i += 1;
        }
    }
    end_phrase(&mut prev, &mut len, &mut spaced, &mut buf, emit);
}

fn end_phrase(
    prev: &mut Option<char>,
    len: &mut usize,
    spaced: &mut bool,
    buf: &mut String,
    emit: &mut impl FnMut(&str, Kind, bool),
) {
    if let (Some(p), 1) = (*prev, *len) {
        buf.clear();
        buf.push(p);
        emit(buf, Kind::Syllable, false);
    }
    *prev = None;
    *len = 0;
    *spaced = false;
}

/// Reads the run of ASCII letters and digits at `i` into `buf`; returns where it ends.
fn alnum_run(chars: &[char], mut i: usize, buf: &mut String) -> usize {
    buf.clear();
    let digit = |j: usize| chars.get(j).is_some_and(char::is_ascii_digit);
    let letter = |j: usize| chars.get(j).is_some_and(char::is_ascii_lowercase);
    let mut dot = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_alphanumeric() {
            buf.push(c);
        } else if c == ','
            && i > 0
            && digit(i - 1)
            && digit(i + 1)
            && digit(i + 2)
            && digit(i + 3)
            && !digit(i + 4)
        {
            // A thousands separator: dropped.
        } else if c == '.' && !dot && i > 0 && digit(i - 1) && digit(i + 1) {
            dot = true;
            buf.push(c);
        } else if c == '&' && i > 0 && letter(i - 1) && letter(i + 1) {
            buf.push(c);
        } else {
            break;
        }
        i += 1;
    }
    i
}

/// After a number at `i`: takes a 만/억/조/경 into `buf`, and skips a 원 after the number.
fn number_unit(chars: &[char], mut i: usize, buf: &mut String) -> usize {
    if let Some(u) = chars.get(i).and_then(|c| UNITS.iter().position(|x| x == c)) {
        scale(buf, 4 * (u + 1), chars[i]);
        i += 1;
    }
    if chars.get(i) == Some(&'원') {
        i += 1;
    }
    i
}

/// Writes the number in `buf` times 10^`zeros` as plain digits (`5770` 억 → `577000000000`), so
/// that `5,770억원` and `577,000,000,000원` are one token; a number with more decimals than that
/// keeps its unit instead (`1.23456만`).
fn scale(buf: &mut String, zeros: usize, unit: char) {
    let (int, frac) = buf.split_once('.').unwrap_or((buf.as_str(), ""));
    if frac.len() > zeros {
        buf.push(unit);
        return;
    }
    let digits = format!("{int}{frac}{}", "0".repeat(zeros - frac.len()));
    let trimmed = digits.trim_start_matches('0');
    *buf = if trimmed.is_empty() { "0".into() } else { trimmed.into() };
}

/// The tokens of `text` as (text, kind, cross), for tests and tools.
pub fn tokens(text: &str) -> Vec<(String, Kind, bool)> {
    let mut out = Vec::new();
    tokenize(text, &mut |t, k, x| out.push((t.to_string(), k, x)));
    out
}

/// FNV-1a, 64 bits, of a token's UTF-8 bytes: which chunk holds it (`hash % chunks`) and its key
/// there (the upper 32 bits). search.js computes the same.
pub fn hash(token: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in token.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokens(s).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn spacing_does_not_change_bigrams() {
        assert_eq!(texts("디지털혁신"), texts("디지털 혁신"));
        let t = tokens("디지털 혁신");
        assert!(t.iter().any(|(s, _, x)| s == "털혁" && *x));
    }

    #[test]
    fn amounts_in_any_format_are_one_token() {
        assert_eq!(texts("5,770억원"), ["577000000000"]);
        assert_eq!(texts("5770억 원"), ["577000000000", "원"]);
        assert_eq!(texts("577,000,000,000원"), ["577000000000"]);
        assert_eq!(texts("총 3,901억원이"), ["총", "390100000000", "이"]);
        assert_eq!(texts("1.5조"), ["1500000000000"]);
        assert_eq!(texts("1.23456만"), ["1.23456만"]);
        assert_eq!(texts("2,3,4"), ["2", "3", "4"]);
    }

    #[test]
    fn latin_words_are_lower_case_and_split_from_hangul() {
        assert_eq!(texts("AI반도체"), ["ai", "ai|반", "반도", "도체"]);
        assert_eq!(texts("ＡＩ R&D 6G"), ["ai", "r&d", "6g"]);
        assert_eq!(texts("국가 AI, 기본법"), ["국가", "ai", "가|ai", "기본", "본법"]);
    }
}
