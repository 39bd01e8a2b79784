//! Korean facts shared by the builder and the importer, as embedded data files we wrote down:
//! the 시·도 and 권역 with their hierarchy (`regions.yaml`, the built-in term registry), the
//! 시·군·구 under each 시·도 (`sigungu.txt`, from the official list of local governments), the
//! 일반구 of the large cities (`ilbangu.txt`), the former cities merged into today's
//! (`former.txt`), kinds of area the law names (`areas.txt`), job titles (`roles.txt`) and news outlets
//! (`outlets.txt`).

/// `시도: 시군구 …` lines, `#` comments and `!ambiguous:` short forms (see the file's header).
pub(crate) const SIGUNGU: &str = include_str!("sigungu.txt");

/// `시: 구 …` lines: the 일반구 of the cities that have them, and `!short:` names read alone.
pub(crate) const ILBANGU: &str = include_str!("ilbangu.txt");

/// Kinds of area the law names (`인구감소지역`) and spellings of 비수도권, `name [= region]` lines.
pub(crate) const AREAS: &str = include_str!("areas.txt");

/// `former: today` lines: 시·군 merged into today's cities, and `!short:` names read alone.
pub(crate) const FORMER: &str = include_str!("former.txt");

/// Korean news outlets and public bodies that publish: names, other spellings, domains.
pub(crate) const OUTLETS: &str = include_str!("outlets.txt");

/// Whether `c` is a precomposed Hangul syllable (가–힣).
pub fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Characters that are NFC and never combine with what follows: ASCII, precomposed Hangul
/// syllables and common punctuation. Text made only of these needs no normalisation, which
/// spares the table lookups for nearly every Korean brief. (A combining mark or conjoining jamo
/// after one of them is not in this set, so such text takes the full check.)
pub fn is_plainly_nfc(c: char) -> bool {
    c.is_ascii()
        || is_hangul_syllable(c)
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{3001}'..='\u{3011}').contains(&c)
        || c == '·'
}

/// Whether every character of `text` [`is_plainly_nfc`], read from the UTF-8 bytes: the check
/// runs over every brief, and decoding each character first took three times as long. Blocks of
/// 32 bytes are passed at once when every byte is ASCII, a continuation byte or the lead of a
/// syllable told by its next byte alone (a test on byte pairs that the compiler vectorises);
/// only the rest is read a character at a time.
pub fn is_plainly_nfc_text(text: &str) -> bool {
    const BLOCK: usize = 32;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // One byte more than the block: a lead byte's next byte is looked at with it.
        if let Some(block) = b.get(i..=i + BLOCK) {
            let plain = block[..BLOCK].iter().zip(&block[1..]).fold(true, |ok, (&x, &next)| {
                // 가 (EA B0 80) to 힣 (ED 9E A3); ED 9E is left to the full check.
                ok & (x < 0xC0
                    || x == 0xEB
                    || x == 0xEC
                    || (x == 0xEA && next >= 0xB0)
                    || (x == 0xED && next < 0x9E))
            });
            if plain {
                i += BLOCK;
                continue;
            }
        }
        // A block passed whole may end inside a character whose lead byte it checked.
        while i < b.len() && (0x80..0xC0).contains(&b[i]) {
            i += 1;
        }
        if i < b.len() {
            match plain_char_len(b, i) {
                Some(len) => i += len,
                None => return false,
            }
        }
    }
    true
}

/// The length of the character starting at `i` of valid UTF-8 `b` if it [`is_plainly_nfc`].
fn plain_char_len(b: &[u8], i: usize) -> Option<usize> {
    let lead = b[i];
    if lead < 0x80 {
        return Some(1);
    }
    // `b` is valid UTF-8, so a lead byte of 0xE0 and above has two bytes after it and 0xC2 has
    // one.
    let plain = match lead {
        // 가 (EA B0 80) to 힣 (ED 9E A3).
        0xEB | 0xEC => true,
        0xEA => b[i + 1] >= 0xB0,
        0xED => b[i + 1] < 0x9E || (b[i + 1] == 0x9E && b[i + 2] <= 0xA3),
        // U+2010–U+2027 (E2 80 90–A7) and U+3001–U+3011 (E3 80 81–91).
        0xE2 => b[i + 1] == 0x80 && (0x90..=0xA7).contains(&b[i + 2]),
        0xE3 => b[i + 1] == 0x80 && (0x81..=0x91).contains(&b[i + 2]),
        // · (C2 B7).
        0xC2 => b[i + 1] == 0xB7,
        _ => false,
    };
    plain.then_some(if lead >= 0xE0 { 3 } else { 2 })
}

/// Whether `name` is a 시·군·구, by its official name (`경주시`) or without its ending (`경주`).
pub fn is_sigungu(name: &str) -> bool {
    SIGUNGU
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#') && !l.starts_with('!'))
        .filter_map(|l| l.split_once(':'))
        .flat_map(|(_, names)| names.split_whitespace())
        .any(|n| n == name || n.strip_suffix(['시', '군', '구']) == Some(name))
}

/// The built-in term registry: 권역 → 시·도 and their other spellings.
pub(crate) const REGIONS: &str = include_str!("regions.yaml");

const ROLES: &str = include_str!("roles.txt");

/// A job title and what it tells about the person who holds it (see `roles.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    /// The title (`장관`).
    pub title: &'static str,
    /// A ministry official's title.
    pub ministry: bool,
    /// The head of a local government.
    pub local_head: bool,
    /// Also an everyday word: a title only after a name or inside brackets.
    pub everyday_word: bool,
    /// Also the ending of organisations' names: a title only as a whole word.
    pub org_ending: bool,
}

impl Role {
    /// Whether one word (`부산시장`, `장관`) names this title.
    pub fn ends(&self, word: &str) -> bool {
        word == self.title || (!self.org_ending && word.ends_with(self.title))
    }
}

/// The job titles of `roles.txt`, read once (by the importer's compiled rules and the builder's
/// front-matter rules) and passed to whatever needs them.
#[derive(Debug, Clone)]
pub struct Roles(Vec<Role>);

impl Roles {
    /// Every built-in job title, in the file's order.
    pub fn builtin() -> Self {
        Roles(ROLES.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(role_line).collect())
    }

    /// The titles, in the file's order.
    pub fn iter(&self) -> impl Iterator<Item = &Role> {
        self.0.iter()
    }

    /// Whether one word (`부산시장`, `장관`) names a title.
    pub fn names_title(&self, word: &str) -> bool {
        self.0.iter().any(|r| r.ends(word))
    }

    /// Whether `title` is a ministry official's.
    pub fn is_ministry(&self, title: &str) -> bool {
        self.0.iter().any(|r| r.ministry && r.title == title)
    }

    /// The titles of heads of local governments (`시장`, `군수`, `도지사` …).
    pub fn local_heads(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().filter(|r| r.local_head).map(|r| r.title)
    }
}

/// One line of `roles.txt`: the title, then its tags.
fn role_line(line: &'static str) -> Role {
    let mut words = line.split_whitespace();
    let title = words.next().unwrap_or_default();
    let tags: Vec<&str> = words.collect();
    Role {
        title,
        ministry: tags.contains(&"ministry"),
        local_head: tags.contains(&"local"),
        everyday_word: tags.contains(&"word"),
        org_ending: tags.contains(&"org"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_check_agrees_with_the_character_rule_on_every_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}가");
            assert_eq!(is_plainly_nfc_text(&text), is_plainly_nfc(c), "U+{:04X}", c as u32);
        }
        assert!(is_plainly_nfc_text("지역·디지털 — “혁신” 2026년"));
        assert!(!is_plainly_nfc_text("영남권 e\u{301}"));
    }

    #[test]
    fn a_character_that_is_not_plain_is_found_at_any_offset_of_a_block() {
        // Blocks of 32 bytes are passed whole: put the odd character at every offset across
        // several blocks, after runs of ASCII and of syllables that end blocks mid-character.
        for odd in
            ['\u{301}', 'é', '漢', '\u{1F600}', '각', '힣', '\u{D7A4}', '\u{D7B0}', 'ᄀ', '\u{A960}', '—']
        {
            for prefix in ["", "a", "ab"] {
                for n in 0..40 {
                    let text = format!("{prefix}{}{odd}{}", "정책".repeat(n), "a".repeat(n));
                    assert_eq!(is_plainly_nfc_text(&text), is_plainly_nfc(odd), "{odd:?} after {n}");
                }
            }
        }
    }

    #[test]
    fn knows_cities_and_counties_with_or_without_their_ending() {
        assert!(is_sigungu("경주시") && is_sigungu("경주") && is_sigungu("해운대구") && is_sigungu("고흥"));
        assert!(!is_sigungu("부싼") && !is_sigungu("경"));
    }

    #[test]
    fn reads_titles_and_their_tags() {
        let roles = Roles::builtin();
        let all: Vec<Role> = roles.iter().copied().collect();
        let find = |t: &str| all.iter().find(|r| r.title == t).copied();
        assert!(find("장관").is_some_and(|r| r.ministry && !r.local_head));
        assert!(find("시장").is_some_and(|r| r.local_head && r.everyday_word));
        assert!(find("군수").is_some_and(|r| r.local_head && !r.everyday_word));
        assert!(find("교수").is_some_and(|r| !r.ministry && !r.local_head && !r.everyday_word));
        let mut titles: Vec<&str> = all.iter().map(|r| r.title).collect();
        let n = titles.len();
        titles.sort_unstable();
        titles.dedup();
        assert_eq!(titles.len(), n, "each title is listed once");
        let researcher = find("연구원").unwrap();
        assert!(researcher.ends("연구원") && !researcher.ends("한국개발연구원"));
        assert!(find("시장").unwrap().ends("부산시장"));
        assert!(roles.names_title("부산시장") && !roles.names_title("한국개발연구원"));
        assert!(roles.is_ministry("장관") && !roles.is_ministry("시장"));
        assert!(roles.local_heads().any(|t| t == "군수") && !roles.local_heads().any(|t| t == "장관"));
    }
}
