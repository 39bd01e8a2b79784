//! Korean facts shared by the builder and the importer, as embedded data files: the 시·군·구
//! under each 시·도 (`sigungu.txt`, from the official list of local governments), the 일반구 of the large cities
//! (`ilbangu.txt`) and the former cities merged into today's (`former.txt`). The 시·도
//! and 권역 themselves are the built-in term registry (`src/registry_ko.yaml`).

/// `시도: 시군구 …` lines, `#` comments and `!ambiguous:` short forms (see the file's header).
pub(crate) const SIGUNGU: &str = include_str!("sigungu.txt");

/// `시: 구 …` lines: the 일반구 of the cities that have them, and `!short:` names read alone.
pub(crate) const ILBANGU: &str = include_str!("ilbangu.txt");

/// `former: today` lines: 시·군 merged into today's cities, and `!short:` names read alone.
pub(crate) const FORMER: &str = include_str!("former.txt");

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_cities_and_counties_with_or_without_their_ending() {
        assert!(is_sigungu("경주시") && is_sigungu("경주") && is_sigungu("해운대구") && is_sigungu("고흥"));
        assert!(!is_sigungu("부싼") && !is_sigungu("경"));
    }
}
