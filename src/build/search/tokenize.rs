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

/// One token: what it is, whether a space sits inside it, and its [`hash`]; its text on request
/// (the index needs only the hash, which is worked out from the text's bytes as they are read).
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    /// What the token is.
    pub kind: Kind,
    /// Whether a space sits between its parts (`cross` above).
    pub cross: bool,
    /// [`hash`] of its text.
    pub hash: u64,
    text: Text<'a>,
}

/// A token's text: one or two Hangul syllables, or text built in the tokenizer's buffer.
#[derive(Debug, Clone, Copy)]
enum Text<'a> {
    Hangul(char, Option<char>),
    Built(&'a str),
}

impl Token<'_> {
    /// The token's text.
    pub fn text(&self) -> String {
        match self.text {
            Text::Hangul(a, b) => std::iter::once(a).chain(b).collect(),
            Text::Built(s) => s.to_string(),
        }
    }
}

/// The tokenizer's buffers, reused from one text to the next: the index tokenizes every field
/// of every brief, and one set per thread spares allocations each time.
#[derive(Default)]
pub struct Scratch {
    /// The text in NFC, when it was not already.
    nfc: String,
    /// The token being built (words, numbers, joins).
    buf: String,
    /// The last word, for a join with a syllable after it.
    word: String,
}

/// Calls `emit` for every token of `text`, in order.
pub fn tokenize(text: &str, emit: &mut impl FnMut(Token<'_>)) {
    tokenize_with(&mut Scratch::default(), text, emit);
}

/// [`tokenize`] with buffers from `scratch`.
pub fn tokenize_with(scratch: &mut Scratch, text: &str, emit: &mut impl FnMut(Token<'_>)) {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    let Scratch { nfc, buf, word } = scratch;
    // Briefs are NFC already (content::nfc) and nearly all their characters are ones that
    // are NFC on their own; the table lookups of the full check are only for the rest.
    let text = if crate::korean::is_plainly_nfc_text(text) || is_nfc_quick(text.chars()) == IsNormalized::Yes
    {
        text
    } else {
        nfc.clear();
        nfc.extend(text.nfc());
        nfc.as_str()
    };
    let all_read = run(text.as_bytes(), buf, word, None, emit);
    debug_assert!(all_read.is_ok(), "nothing stops a run that checks nothing");
}

/// The hashes of the tokens of `text`, in order, appended to `out`: [`tokenize_with`]'s, for
/// the index, in one pass rather than two. The characters that need no normalisation are
/// recognised while the tokens are made, and only text with others is checked in full; if it
/// turns out not to be NFC (which the briefs' texts nearly never are not) the hashes so far are
/// taken back and its NFC is tokenized instead.
pub fn hashes_with(scratch: &mut Scratch, text: &str, out: &mut Vec<u64>) {
    use unicode_normalization::UnicodeNormalization;
    let Scratch { nfc, buf, word } = scratch;
    let start = out.len();
    if run(text.as_bytes(), buf, word, Some(text), &mut |t| out.push(t.hash)).is_ok() {
        return;
    }
    out.truncate(start);
    nfc.clear();
    nfc.extend(text.nfc());
    let all_read = run(nfc.as_bytes(), buf, word, None, &mut |t| out.push(t.hash));
    debug_assert!(all_read.is_ok(), "nothing stops a run that checks nothing");
}

/// What stops a run that checks its text: the text is not NFC.
struct NotNfc;

/// Tokenizes `s` (UTF-8) with `buf` and `word` as buffers. With `check`, `s`'s text, it stops at
/// the first character that is not plainly NFC (`korean::is_plainly_nfc`) when the whole text
/// is not NFC. (Characters read as part of a word or number are not looked at: they are ASCII
/// or fullwidth ASCII, which is NFC and combines with nothing, so the answer is the same.)
fn run(
    s: &[u8],
    buf: &mut String,
    word: &mut String,
    mut check: Option<&str>,
    emit: &mut impl FnMut(Token<'_>),
) -> Result<(), NotNfc> {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    // The phrase so far: its last syllable with the hash of that syllable alone, its length,
    // and whether a space followed it.
    let mut prev: Option<(char, u64)> = None;
    let mut len = 0usize;
    let mut spaced = false;
    // Whether `word` holds the last word, until something other than spaces follows it.
    let mut has_word = false;
    let mut i = 0;
    while let Some((c, next)) = char_at(s, i) {
        if is_hangul(c) {
            // Three bytes of UTF-8, never folded: the token's bytes are the text's.
            let bytes = [s[i], s[i + 1], s[i + 2]];
            if prev.is_none() && has_word {
                has_word = false;
                buf.clear();
                buf.push_str(word);
                buf.push('|');
                buf.push(c);
                emit(built(buf, Kind::Join, true));
            }
            if let Some((p, ph)) = prev {
                let text = Text::Hangul(p, Some(c));
                emit(Token { kind: Kind::Bigram, cross: spaced, hash: fnv(ph, &bytes), text });
            }
            let (mut p, mut ph) = (c, fnv(FNV_OFFSET, &bytes));
            len += 1;
            i = next;
            // The syllables straight after it, in a loop of their own: most of a text's
            // characters, and all they make is a bigram with the one before.
            while let Some((c, bytes)) = hangul_at(s, i) {
                let text = Text::Hangul(p, Some(c));
                emit(Token { kind: Kind::Bigram, cross: false, hash: fnv(ph, &bytes), text });
                (p, ph) = (c, fnv(FNV_OFFSET, &bytes));
                len += 1;
                i += 3;
            }
            prev = Some((p, ph));
            spaced = false;
            continue;
        }
        if let Some(text) = check {
            if !crate::korean::is_plainly_nfc(c) {
                if is_nfc_quick(text.chars()) != IsNormalized::Yes {
                    return Err(NotNfc);
                }
                check = None;
            }
        }
        let c = fold(c);
        if is_space(c) {
            spaced = prev.is_some();
            i = next;
            continue;
        }
        let before = prev.map(|p| p.0);
        end_phrase(&mut prev, &mut len, &mut spaced, emit);
        has_word = false;
        if c.is_ascii_alphanumeric() {
            (i, has_word) = word_or_number(s, i, before, buf, word, emit);
        } else {
            i = next;
        }
    }
    end_phrase(&mut prev, &mut len, &mut spaced, emit);
    Ok(())
}

/// Reads the word or number at byte `i` (a letter or digit), after the syllable `before` if
/// one came straight before it, and emits its tokens; returns where it ends and whether it was a
/// word (kept in `word`, for a join with a syllable after it).
#[inline(always)]
fn word_or_number(
    s: &[u8],
    i: usize,
    before: Option<char>,
    buf: &mut String,
    word: &mut String,
    emit: &mut impl FnMut(Token<'_>),
) -> (usize, bool) {
    let i = alnum_run(s, i, buf);
    if buf.starts_with(|c: char| c.is_ascii_digit()) && buf.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
        let i = number_unit(s, i, buf);
        emit(built(buf, Kind::Number, false));
        return (i, false);
    }
    emit(built(buf, Kind::Word, false));
    word.clear();
    word.push_str(buf);
    if let Some(p) = before {
        buf.clear();
        buf.push(p);
        buf.push('|');
        buf.push_str(word);
        emit(built(buf, Kind::Join, true));
    }
    (i, true)
}

/// A token whose text is `text`.
fn built(text: &str, kind: Kind, cross: bool) -> Token<'_> {
    Token { kind, cross, hash: hash(text), text: Text::Built(text) }
}

/// The character at byte `at` of `s` (a character boundary of UTF-8) and the byte after it;
/// `None` at the end. Decoded here rather than through `str::chars` so that the tokenizer can
/// look ahead from any point without collecting the characters first.
#[inline(always)]
fn char_at(s: &[u8], at: usize) -> Option<(char, usize)> {
    let b0 = *s.get(at)?;
    if b0 < 0x80 {
        return Some((char::from(b0), at + 1));
    }
    let cont = |k: usize| u32::from(s[at + k] & 0x3f);
    let (c, len) = match b0 {
        0xc0..=0xdf => (u32::from(b0 & 0x1f) << 6 | cont(1), 2),
        0xe0..=0xef => (u32::from(b0 & 0x0f) << 12 | cont(1) << 6 | cont(2), 3),
        _ => (u32::from(b0 & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3), 4),
    };
    // Valid UTF-8 (it came from a str) decodes to a scalar value.
    Some((char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), at + len))
}

/// The Hangul syllable at byte `at` of `s` with its UTF-8, if one is there.
#[inline(always)]
fn hangul_at(s: &[u8], at: usize) -> Option<(char, [u8; 3])> {
    // U+AC00..=U+D7A3 is EA B0 80 ..= ED 9E A3.
    match *s.get(at..at + 3)? {
        [b0 @ 0xea..=0xed, b1, b2] => {
            let c = u32::from(b0 & 0x0f) << 12 | u32::from(b1 & 0x3f) << 6 | u32::from(b2 & 0x3f);
            let c = char::from_u32(c).filter(|&c| is_hangul(c))?;
            Some((c, [b0, b1, b2]))
        }
        _ => None,
    }
}

/// [`char_at`], folded.
#[inline(always)]
fn folded_at(s: &[u8], at: usize) -> Option<(char, usize)> {
    char_at(s, at).map(|(c, next)| (fold(c), next))
}

/// The folded character at `at`, if any.
fn folded(s: &[u8], at: usize) -> Option<char> {
    folded_at(s, at).map(|(c, _)| c)
}

fn end_phrase(
    prev: &mut Option<(char, u64)>,
    len: &mut usize,
    spaced: &mut bool,
    emit: &mut impl FnMut(Token<'_>),
) {
    if let (Some((p, ph)), 1) = (*prev, *len) {
        emit(Token { kind: Kind::Syllable, cross: false, hash: ph, text: Text::Hangul(p, None) });
    }
    *prev = None;
    *len = 0;
    *spaced = false;
}

/// Reads the run of ASCII letters and digits at byte `i` into `buf`; returns where it ends.
fn alnum_run(s: &[u8], mut i: usize, buf: &mut String) -> usize {
    buf.clear();
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase());
    // The character before `i` (the run starts with a letter or digit, so the checks of it
    // below are only reached once there is one).
    let mut last: Option<char> = None;
    let mut dot = false;
    while let Some((c, next)) = folded_at(s, i) {
        if c.is_ascii_alphanumeric() {
            buf.push(c);
        } else if c == ',' && digit(last) && {
            // A thousands separator: three digits, then no fourth.
            let mut ahead =
                std::iter::successors(folded_at(s, next), |&(_, at)| folded_at(s, at)).map(|x| x.0);
            (0..3).all(|_| digit(ahead.next())) && !digit(ahead.next())
        } {
            // Dropped.
        } else if c == '.' && !dot && digit(last) && digit(folded(s, next)) {
            dot = true;
            buf.push(c);
        } else if c == '&' && letter(last) && letter(folded(s, next)) {
            buf.push(c);
        } else {
            break;
        }
        last = Some(c);
        i = next;
    }
    i
}

/// After a number at byte `i`: takes a 만/억/조/경 into `buf`, and skips a 원 after the number.
fn number_unit(s: &[u8], mut i: usize, buf: &mut String) -> usize {
    if let Some((c, next)) = folded_at(s, i) {
        if let Some(u) = UNITS.iter().position(|&x| x == c) {
            scale(buf, 4 * (u + 1), c);
            i = next;
        }
    }
    match folded_at(s, i) {
        Some(('원', next)) => next,
        _ => i,
    }
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
    buf.clear();
    buf.push_str(if trimmed.is_empty() { "0" } else { trimmed });
}

/// The tokens of `text` as (text, kind, cross), for tests and tools.
pub fn tokens(text: &str) -> Vec<(String, Kind, bool)> {
    let mut out = Vec::new();
    tokenize(text, &mut |t| out.push((t.text(), t.kind, t.cross)));
    out
}

/// FNV-1a, 64 bits, of a token's UTF-8 bytes: which chunk holds it (`hash % chunks`) and its key
/// there (the upper 32 bits). search.js computes the same.
pub fn hash(token: &str) -> u64 {
    fnv(FNV_OFFSET, token.as_bytes())
}

/// FNV-1a's starting state.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a from state `h` over `bytes`: the hash of a text is this over its bytes in turn, so a
/// bigram's is its first syllable's hash carried on over the second.
#[inline]
fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
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
    fn a_token_s_hash_is_the_hash_of_its_text() {
        let text = "디지털 혁신 AI반도체, 국가 AI 기본법 5,770억원 1.5조 ＡＩ R&D 가 e\u{301}s 한글 漢字 끝";
        let mut n = 0;
        tokenize(text, &mut |t| {
            assert_eq!(t.hash, hash(&t.text()), "{:?}", t.text());
            n += 1;
        });
        assert!(n > 20, "{n} tokens");
    }

    #[test]
    fn hashes_with_gives_the_tokens_hashes() {
        let mut scratch = Scratch::default();
        for text in [
            "디지털 혁신 AI반도체 5,770억원",
            // NFC, with characters that are not plainly so.
            "café 漢字 ＡＩ ㄱㄴ 😀 끝 e\u{301}",
            // Not NFC: composed before tokenizing, the hashes of the first try taken back.
            "가나다 \u{1100}\u{1161}\u{11A8}나 Cafe\u{301} 끝",
            "",
        ] {
            let mut want = vec![7];
            tokenize(text, &mut |t| want.push(t.hash));
            let mut got = vec![7];
            hashes_with(&mut scratch, text, &mut got);
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn text_not_in_nfc_is_tokenized_as_its_nfc() {
        // 가 and a trailing ㄱ as conjoining jamo compose to 각.
        assert_eq!(texts("\u{1100}\u{1161}\u{11A8}나"), texts("각나"));
        assert_eq!(texts("Cafe\u{301}"), texts("Caf\u{e9}"));
    }

    #[test]
    fn latin_words_are_lower_case_and_split_from_hangul() {
        assert_eq!(texts("AI반도체"), ["ai", "ai|반", "반도", "도체"]);
        assert_eq!(texts("ＡＩ R&D 6G"), ["ai", "r&d", "6g"]);
        assert_eq!(texts("국가 AI, 기본법"), ["국가", "ai", "가|ai", "기본", "본법"]);
    }
}
