//! Slugs: the URL-safe names of briefs, terms and heading anchors. Hangul is kept by default
//! (`지방 디지털 혁신` → `지방-디지털-혁신`); `slugify = "ascii"` romanizes it instead.

use crate::korean::{is_hangul_syllable, is_plainly_nfc_text};
use unicode_normalization::UnicodeNormalization;

/// The longest slug, in bytes (UTF-8). A slug becomes a folder name in the output, and file
/// systems allow 255 bytes for one; a Hangul syllable takes 3, so this is about 66 syllables.
pub const MAX_SLUG_BYTES: usize = 200;

/// Why a slug cannot be a URL name, if it cannot: too long for a folder name.
pub fn too_long(slug: &str) -> Option<String> {
    (slug.len() > MAX_SLUG_BYTES).then(|| {
        format!(
            "the URL name (slug) is {} bytes long; at most {MAX_SLUG_BYTES} fit in a folder name of the output",
            slug.len()
        )
    })
}

/// How slugs are made (`slugify` in site.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SlugStyle {
    /// Keep letters of every script (NFC), lowercase ASCII.
    #[default]
    Unicode,
    /// Romanize Hangul (Revised Romanization, syllable by syllable) and drop other non-ASCII.
    Ascii,
}

/// Makes a slug: NFC, lowercase, spaces to `-`, punctuation dropped. May be empty.
pub fn slugify(text: &str, style: SlugStyle) -> String {
    // Nearly every heading and term is ASCII and precomposed Hangul, which is NFC already and
    // whose letters never combine: the normalising passes before and after are skipped for it.
    if is_plainly_nfc_text(text) {
        return slug_of(text.chars(), style);
    }
    let out = slug_of(text.nfc(), style);
    if out.is_ascii() {
        return out;
    }
    // Dropping punctuation can bring combining letters side by side in an order NFC changes:
    // normalised again, a slug made from a slug is the same slug.
    out.nfc().collect()
}

/// The slug of NFC characters, before the final normalisation.
fn slug_of(chars: impl Iterator<Item = char>, style: SlugStyle) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in chars {
        let syllable = is_hangul_syllable(c);
        if syllable || c.is_alphanumeric() {
            let start = out.len();
            if dash && !out.is_empty() {
                out.push('-');
            }
            let before = out.len();
            match style {
                // A syllable has no case; the table lookups are spared for it.
                SlugStyle::Unicode if syllable => out.push(c),
                // Lowercasing can add a combining mark (`İ` → `i̇`), which is not a letter.
                SlugStyle::Unicode => out.extend(c.to_lowercase().filter(|l| l.is_alphanumeric())),
                SlugStyle::Ascii => {
                    if c.is_ascii() {
                        out.push(c.to_ascii_lowercase());
                    } else if let Some(r) = romanize_syllable(c) {
                        out.push_str(&r);
                    }
                }
            }
            if out.len() == before {
                // Nothing written (a letter `ascii` cannot spell): no dash for it either, so a
                // slug never ends in `-` (found by the property tests: `A-𑦠` gave `a-`).
                out.truncate(start);
            } else {
                dash = false;
            }
        } else if c.is_whitespace() || c == '-' || c == '_' || c == '/' || c == '·' {
            dash = true;
        }
        // Any other punctuation is dropped without a separator: `R&D` → `rd`.
    }
    out
}

const INITIALS: [&str; 19] =
    ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
const MEDIALS: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
    "yu", "eu", "ui", "i",
];
const FINALS: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
    "ng", "t", "t", "k", "t", "p", "t",
];

fn romanize_syllable(c: char) -> Option<String> {
    if !is_hangul_syllable(c) {
        return None;
    }
    let index = (c as u32 - 0xAC00) as usize;
    let (initial, medial, fin) = (index / 588, (index % 588) / 28, index % 28);
    Some(format!("{}{}{}", INITIALS[initial], MEDIALS[medial], FINALS[fin]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_found_by_the_property_tests() {
        assert_eq!(slugify("A-𑦠", SlugStyle::Ascii), "a", "a letter ascii cannot spell leaves no dash");
        assert_eq!(slugify("A 𑦠 b", SlugStyle::Ascii), "a-b");
        assert_eq!(slugify("İstanbul", SlugStyle::Unicode), "istanbul");
        let once = slugify("\u{1e000}!\u{c55}", SlugStyle::Unicode);
        assert_eq!(slugify(&once, SlugStyle::Unicode), once);
    }

    #[test]
    fn keeps_hangul_and_drops_punctuation() {
        assert_eq!(slugify("지방 디지털 혁신", SlugStyle::Unicode), "지방-디지털-혁신");
        assert_eq!(slugify("  AI 반도체!! ", SlugStyle::Unicode), "ai-반도체");
        assert_eq!(slugify("R&D 예산 효율화", SlugStyle::Unicode), "rd-예산-효율화");
        assert_eq!(slugify("K-콘텐츠", SlugStyle::Unicode), "k-콘텐츠");
        assert_eq!(slugify("!!!", SlugStyle::Unicode), "");
    }

    #[test]
    fn plain_and_normalised_paths_agree() {
        // The same words with a combining mark elsewhere take the normalising path.
        for text in ["AI 반도체 · 클라우드", "지역_균형 발전/2030", "Ünïcode 한글 R&D"] {
            let marked = format!("{text} e\u{301}");
            let plain = slugify(text, SlugStyle::Unicode);
            assert_eq!(slugify(&marked, SlugStyle::Unicode), format!("{plain}-é"));
        }
        assert_eq!(slugify("AI 반도체 · 클라우드", SlugStyle::Unicode), "ai-반도체-클라우드");
    }

    #[test]
    fn nfd_and_nfc_give_one_slug() {
        let nfd: String = "영남권".nfd().collect();
        assert_ne!(nfd, "영남권");
        assert_eq!(slugify(&nfd, SlugStyle::Unicode), slugify("영남권", SlugStyle::Unicode));
    }

    #[test]
    fn ascii_style_romanizes_hangul() {
        assert_eq!(slugify("영남권", SlugStyle::Ascii), "yeongnamgwon");
        assert_eq!(slugify("호남권 AI", SlugStyle::Ascii), "honamgwon-ai");
        assert_eq!(slugify("서울", SlugStyle::Ascii), "seoul");
    }
}
