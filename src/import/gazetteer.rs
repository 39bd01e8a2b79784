//! Facts the importer looks names up in: Korean news outlets (names, other spellings, domains;
//! `src/korean/outlets.txt`) and places — the 17 시·도 and 권역 of the built-in region registry
//! (`src/korean/regions.yaml`, the one list of them) and the 시·군·구 under them (`src/korean/sigungu.txt`, shared with the region checks).

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::korean::{AREAS, FORMER, ILBANGU, OUTLETS, SIGUNGU};

/// A news outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Outlet {
    /// The name written in briefs.
    pub name: String,
    /// Other spellings: short names, English names, copyright-line forms.
    pub aliases: Vec<String>,
    /// Web domains (`yna.co.kr`).
    pub domains: Vec<String>,
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn list(field: &str) -> Vec<String> {
    field.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

static ALL_OUTLETS: LazyLock<Vec<Outlet>> = LazyLock::new(|| {
    data_lines(OUTLETS)
        .map(|line| {
            let mut fields = line.split('|');
            let name = fields.next().unwrap_or("").trim().to_string();
            Outlet {
                name,
                aliases: list(fields.next().unwrap_or("")),
                domains: list(fields.next().unwrap_or("")),
            }
        })
        .collect()
});

/// Every outlet in the gazetteer.
pub(crate) fn outlets() -> &'static [Outlet] {
    &ALL_OUTLETS
}

fn fold(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// The outlet a name means (`News1` → 뉴스1), compared without spaces or case.
pub(crate) fn outlet_named(name: &str) -> Option<&'static Outlet> {
    let key = fold(name.trim_matches(|c: char| !c.is_alphanumeric()));
    if key.is_empty() {
        return None;
    }
    outlets().iter().find(|o| fold(&o.name) == key || o.aliases.iter().any(|a| fold(a) == key))
}

/// The outlet behind a host name or an e-mail address (`m.etnews.com`, `hong@yna.co.kr`). A
/// channel's own domain under its group's (`mbnmoney.mbn.co.kr` under `mbn.co.kr`) is the
/// channel's: the longest domain the host falls under wins.
pub(crate) fn outlet_for_domain(address: &str) -> Option<&'static Outlet> {
    let host = address.rsplit('@').next().unwrap_or(address).to_ascii_lowercase();
    let host = host.trim_start_matches("https://").trim_start_matches("http://");
    let host = host.split(['/', ':', '?']).next().unwrap_or("");
    outlets()
        .iter()
        .flat_map(|o| o.domains.iter().map(move |d| (d, o)))
        .filter(|(d, _)| host == d.as_str() || host.ends_with(&format!(".{d}")))
        .max_by_key(|(d, _)| d.len())
        .map(|(_, o)| o)
}

/// The first outlet named in a line as a word of its own (longest names first at one place).
pub(crate) fn outlet_in(line: &str) -> Option<&'static Outlet> {
    let mut best: Option<(usize, usize, &'static Outlet)> = None;
    for o in outlets() {
        for spelling in std::iter::once(&o.name).chain(&o.aliases) {
            if spelling.chars().count() < 2 {
                continue;
            }
            for (at, _) in line.match_indices(spelling.as_str()) {
                let before = line[..at].chars().next_back();
                let after = line[at + spelling.len()..].chars().next();
                let standalone = !before.is_some_and(|c| c.is_alphanumeric())
                    && !after.is_some_and(|c| c.is_ascii_alphanumeric() || ('가'..='힣').contains(&c));
                if standalone
                    && best.is_none_or(|(b_at, b_len, _)| at < b_at || (at == b_at && spelling.len() > b_len))
                {
                    best = Some((at, spelling.len(), o));
                }
            }
        }
    }
    best.map(|(_, _, o)| o)
}

/// A place: a 시·도, 권역 or 시·군·구.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    /// The registry's name for a 시·도 or 권역; the official name for a 시·군·구.
    pub name: String,
    /// The 시·도 a 시·군·구 belongs to.
    pub parent: Option<String>,
}

#[derive(Deserialize)]
struct RegistryFile {
    region: RegionList,
}

#[derive(Deserialize)]
struct RegionList {
    terms: BTreeMap<String, RegionTerm>,
}

#[derive(Deserialize)]
struct RegionTerm {
    #[serde(default)]
    aliases: Vec<String>,
}

/// `경기` alone is "the economy" (`경기 침체`) far more often than the province.
const NOT_ALONE: &[&str] = &["경기"];

/// Place spellings → places. A 시·도 is written as the registry names it or by an alias; a 시·군·구
/// by its official name, by the name without `시`/`군` (unless that is a common word or shared),
/// or, for the `중구`-like names several cities have, after its city (`서울 중구`); a 일반구 with its
/// city (`창원시 성산구`) or alone; a former city by its old name (`마산`).
pub(crate) static PLACES: LazyLock<Vec<(String, Place)>> = LazyLock::new(|| {
    let mut out: Vec<(String, Place)> = Vec::new();
    let city_spellings = registry_places(&mut out);
    sigungu_places(&city_spellings, &mut out);
    let sido_of = sido_of_cities();
    ilbangu_places(&sido_of, &mut out);
    former_places(&sido_of, &mut out);
    // Special zones that policy is written about as places.
    for (spelling, name) in [("대덕연구개발특구", "대덕연구개발특구"), ("대덕특구", "대덕특구")]
    {
        out.push((spelling.to_string(), Place { name: name.to_string(), parent: Some("대전".to_string()) }));
    }
    out.sort_by_key(|(s, _)| std::cmp::Reverse(s.chars().count()));
    out
});

/// The 시·도 and 권역 of the registry; returns each 시·도's spellings (for `서울 중구`).
fn registry_places(out: &mut Vec<(String, Place)>) -> BTreeMap<String, Vec<String>> {
    let registry: RegistryFile =
        serde_yaml::from_str(crate::build::registry::BUILT_IN).expect("the built-in registry is valid YAML");
    let mut city_spellings: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, term) in &registry.region.terms {
        let place = Place { name: name.clone(), parent: None };
        let mut spellings = term.aliases.clone();
        if !NOT_ALONE.contains(&name.as_str()) {
            spellings.push(name.clone());
        }
        for s in &spellings {
            out.push((s.clone(), place.clone()));
        }
        city_spellings.insert(name.clone(), spellings);
    }
    // The capital's and metropolitan cities' `…시` forms the registry lists; 광주시 means 광주.
    out.push(("광주시".to_string(), Place { name: "광주".to_string(), parent: None }));
    for line in data_lines(AREAS) {
        let (spelling, name) = line.split_once('=').map_or((line, line), |(s, n)| (s.trim(), n.trim()));
        out.push((spelling.to_string(), Place { name: name.to_string(), parent: None }));
    }
    city_spellings
}

/// The names listed after `!key:` in a data file.
fn listed<'a>(data: &'a str, key: &str) -> Vec<&'a str> {
    data_lines(data).filter_map(|l| l.strip_prefix(key)).flat_map(str::split_whitespace).collect()
}

/// `key: names` lines of a data file (not the `!…` ones).
fn entries(data: &str) -> impl Iterator<Item = (&str, std::str::SplitWhitespace<'_>)> {
    data_lines(data)
        .filter(|l| !l.starts_with('!'))
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim(), v.split_whitespace()))
}

/// Each 시·군·구's 시·도 (`창원시` → `경남`).
fn sido_of_cities() -> BTreeMap<&'static str, &'static str> {
    entries(SIGUNGU).flat_map(|(sido, names)| names.map(move |n| (n, sido))).collect()
}

fn sigungu_places(city_spellings: &BTreeMap<String, Vec<String>>, out: &mut Vec<(String, Place)>) {
    let ambiguous = listed(SIGUNGU, "!ambiguous:");
    for (sido, names) in entries(SIGUNGU) {
        let cities = city_spellings.get(sido).cloned().unwrap_or_default();
        for name in names {
            // 경기 광주시 and 광주광역시 share a name: only `경기 광주시` means the former.
            let shared = name == "광주시" && sido == "경기";
            let generic = name.chars().count() == 2 && name.ends_with('구');
            // `중구` alone could be any of six: it is written with its city.
            let written = if generic { format!("{sido} {name}") } else { name.to_string() };
            let place = Place { name: written, parent: Some(sido.to_string()) };
            let short = name.trim_end_matches(['시', '군', '구']);
            let short_ok = short.chars().count() >= 2 && !ambiguous.contains(&short);
            if !shared && !generic && !ambiguous.contains(&name) {
                out.push((name.to_string(), place.clone()));
            }
            if short_ok && !shared {
                out.push((short.to_string(), place.clone()));
            }
            for city in &cities {
                out.push((format!("{city} {name}"), place.clone()));
                // `전남 곡성`: the province before it makes an ambiguous short name a place.
                if short != name && short.chars().count() >= 2 && ambiguous.contains(&short) && !shared {
                    out.push((format!("{city} {short}"), place.clone()));
                }
            }
        }
    }
}

/// 일반구: `창원시 성산구`, `창원 성산구`, `성산구`, and the `!short:` names (`분당`).
fn ilbangu_places(sido_of: &BTreeMap<&str, &str>, out: &mut Vec<(String, Place)>) {
    let short_ok = listed(ILBANGU, "!short:");
    for (city, names) in entries(ILBANGU) {
        let parent = sido_of.get(city).map(|s| s.to_string());
        let city_short = city.trim_end_matches('시');
        for gu in names {
            let place = Place { name: format!("{city} {gu}"), parent: parent.clone() };
            let mut spellings = vec![format!("{city} {gu}"), format!("{city_short} {gu}")];
            // 포항 남구: a name the metropolitan cities have too is read only after the city.
            if gu.chars().count() > 2 {
                spellings.push(gu.to_string());
            }
            let short = gu.trim_end_matches('구');
            if short_ok.contains(&short) {
                spellings.push(short.to_string());
            }
            out.extend(spellings.into_iter().map(|s| (s, place.clone())));
        }
    }
}

/// Former cities and counties by their old official name and the `!short:` ones (`마산`).
fn former_places(sido_of: &BTreeMap<&str, &str>, out: &mut Vec<(String, Place)>) {
    let short_ok = listed(FORMER, "!short:");
    for (old, mut today) in entries(FORMER) {
        let today = today.next().unwrap_or("");
        // 연기군 became 세종, a 시·도 itself.
        let parent = sido_of.get(today).copied().unwrap_or(today).to_string();
        let place = Place { name: old.to_string(), parent: Some(parent) };
        out.push((old.to_string(), place.clone()));
        let short = old.trim_end_matches(['시', '군']);
        if short_ok.contains(&short) {
            out.push((short.to_string(), place));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_are_found_by_name_alias_and_domain() {
        assert_eq!(outlet_named("News1").map(|o| o.name.as_str()), Some("뉴스1"));
        assert_eq!(outlet_named("세계일보").map(|o| o.name.as_str()), Some("세계일보"));
        assert_eq!(outlet_for_domain("dok2000@kwangju.co.kr").map(|o| o.name.as_str()), Some("광주일보"));
        assert_eq!(outlet_for_domain("https://m.etnews.com/2019").map(|o| o.name.as_str()), Some("전자신문"));
        assert!(outlet_for_domain("someone@gmail.com").is_none());
        assert_eq!(
            outlet_in("머니투데이 뉴스1 제공 | 2020.03.26").map(|o| o.name.as_str()),
            Some("머니투데이")
        );
        assert!(outlet_in("연합뉴스TV 보도").is_some_and(|o| o.name == "연합뉴스TV"));
        assert!(outlet_in("연합뉴스 보도").is_some_and(|o| o.name == "연합뉴스"));
        assert!(outlet_in("연합회는").is_none());
    }

    #[test]
    fn a_channels_domain_under_its_groups_is_the_channels() {
        let named = |d: &str| outlet_for_domain(d).map(|o| o.name.as_str());
        assert_eq!(named("https://mbnmoney.mbn.co.kr/news/view"), Some("매일경제TV"));
        assert_eq!(named("https://www.mbn.co.kr/news"), Some("MBN"));
        assert_eq!(named("reporter@biz.chosun.com"), Some("조선비즈"));
        assert_eq!(named("reporter@chosun.com"), Some("조선일보"));
        assert_eq!(named("https://news.kbs.co.kr/news/pc/view"), Some("KBS"));
    }

    #[test]
    fn broadcasters_and_public_news_services_are_outlets() {
        let named = |s: &str| outlet_named(s).map(|o| o.name.as_str());
        for channel in ["KBS", "MBC", "SBS", "JTBC", "TV조선", "채널A", "MBN", "YTN", "EBS", "OBS", "TBS"]
        {
            assert_eq!(named(channel), Some(channel));
        }
        assert_eq!(named("국민방송"), Some("KTV 국민방송"));
        assert_eq!(named("국회방송"), Some("NATV 국회방송"));
        assert_eq!(named("부산경남방송"), Some("KNN"));
        // A regional station of the national broadcaster is the broadcaster; a regional MBC is
        // a company of its own.
        assert_eq!(outlet_in("KBS창원 윤하늘입니다").map(|o| o.name.as_str()), Some("KBS"));
        assert_eq!(outlet_in("ⓒ 부산MBC").map(|o| o.name.as_str()), Some("부산MBC"));
        assert_eq!(outlet_in("SBS Biz 뉴스").map(|o| o.name.as_str()), Some("SBS Biz"));
        // Copyright lines in English spell the company out; `Munhwa` alone is the daily.
        let holder = |s: &str| outlet_in(s).map(|o| o.name.as_str());
        assert_eq!(
            holder("Copyright © Andong Munhwa Broadcasting Corp. All rights reserved."),
            Some("안동MBC")
        );
        assert_eq!(holder("Copyright © Munhwa Broadcasting Corporation"), Some("MBC"));
        assert_eq!(holder("Copyright © Korean Broadcasting System"), Some("KBS"));
        assert_eq!(holder("ⓒ Munhwa Ilbo"), Some("문화일보"));
    }

    #[test]
    fn each_spelling_and_domain_names_one_outlet() {
        let mut spellings: BTreeMap<String, &str> = BTreeMap::new();
        let mut domains = std::collections::BTreeSet::new();
        for o in outlets() {
            for s in std::iter::once(&o.name).chain(&o.aliases) {
                let first = *spellings.entry(fold(s)).or_insert(&o.name);
                assert_eq!(first, o.name, "{s} names two outlets");
            }
            for d in &o.domains {
                assert!(domains.insert(d.clone()), "{d} is listed twice");
            }
        }
    }

    #[test]
    fn places_come_from_the_registry_and_the_sigungu_list() {
        let find = |s: &str| PLACES.iter().find(|(sp, _)| sp == s).map(|(_, p)| p.name.clone());
        assert_eq!(find("전라남도").as_deref(), Some("전남"));
        assert_eq!(find("강릉").as_deref(), Some("강릉시"));
        assert_eq!(find("서울 중구").as_deref(), Some("서울 중구"));
        assert_eq!(find("중구"), None, "shared names need their city");
        assert_eq!(find("예산"), None, "a common word is matched only as 예산군");
        assert_eq!(find("예산군").as_deref(), Some("예산군"));
        assert_eq!(find("경기"), None);
        // The 226 autonomous 시·군·구 and 제주's two administrative cities.
        let n: usize = data_lines(SIGUNGU)
            .filter(|l| !l.starts_with('!'))
            .filter_map(|l| l.split_once(':'))
            .map(|(_, names)| names.split_whitespace().count())
            .sum();
        assert_eq!(n, 228);
    }
}
