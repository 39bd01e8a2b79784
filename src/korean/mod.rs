//! Korean facts shared by the builder and the importer, as embedded data files we wrote down:
//! the 시·도 and 권역 with their hierarchy (`regions.yaml`, the built-in term registry), the
//! 시·군·구 under each 시·도 (`sigungu.txt`, from the official list of local governments) and
//! job titles (`roles.txt`).

/// `시도: 시군구 …` lines, `#` comments and `!ambiguous:` short forms (see the file's header).
pub(crate) const SIGUNGU: &str = include_str!("sigungu.txt");

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

/// Every built-in job title, in the file's order.
pub fn roles() -> impl Iterator<Item = Role> {
    ROLES.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| {
        let mut words = l.split_whitespace();
        let title = words.next().unwrap_or_default();
        let tags: Vec<&str> = words.collect();
        Role {
            title,
            ministry: tags.contains(&"ministry"),
            local_head: tags.contains(&"local"),
            everyday_word: tags.contains(&"word"),
            org_ending: tags.contains(&"org"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_cities_and_counties_with_or_without_their_ending() {
        assert!(is_sigungu("경주시") && is_sigungu("경주") && is_sigungu("해운대구") && is_sigungu("고흥"));
        assert!(!is_sigungu("부싼") && !is_sigungu("경"));
    }

    #[test]
    fn reads_titles_and_their_tags() {
        let all: Vec<Role> = roles().collect();
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
    }
}
