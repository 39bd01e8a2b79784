//! The word lists and patterns the importer works from. The built-in lists cover Korean AI and
//! digital-policy writing; a site adds to them through [`ImportRules`] (the `[import]` table of
//! site.toml), it never has to repeat them.

use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

use crate::build::config::CONFIG_FILE;
use crate::diagnostics::{self, Diagnostic};

use super::ImportError;

/// What a site adds to the importer's built-in word lists. Every field is optional and adds to
/// (never replaces) the built-in list of the same kind.
///
/// ```toml
/// [import]
/// regions = { "판교" = ["판교테크노밸리"] }
/// sectors = { "우주" = ["위성", "발사체"] }
/// roles = ["최고기술책임자"]
/// org_aliases = { "과기부" = "과학기술정보통신부" }
/// boilerplate = ["^무료 구독하기$"]
/// ```
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct ImportRules {
    /// Extra places: the name written in briefs → other spellings of it (`"창원" = ["창원시"]`).
    pub regions: BTreeMap<String, Vec<String>>,
    /// Extra sectors or extra keywords for a built-in sector: sector → keywords.
    pub sectors: BTreeMap<String, Vec<String>>,
    /// Extra job titles that mark a person (`"최고기술책임자"`).
    pub roles: Vec<String>,
    /// Extra endings that mark an organisation name (`"조합"`).
    pub org_suffixes: Vec<String>,
    /// Extra short names of organisations: short → full (`"과기정통부" = "과학기술정보통신부"`).
    pub org_aliases: BTreeMap<String, String>,
    /// Extra regular expressions: a body line that matches one is page clutter and is dropped.
    pub boilerplate: Vec<String>,
    /// Extra words that mark an amount as something other than funding (`"시가총액"`).
    pub not_budget: Vec<String>,
    /// How often a sector keyword must occur in the body before the sector is listed (it is
    /// always listed when it occurs in the title or a budget item). 0 means the default, 2.
    pub sector_min_mentions: usize,
}

impl ImportRules {
    /// The `[import]` section of `root/site.toml`; the built-in lists alone when the folder has
    /// no site.toml. A mistake in the section is an error at its line, like any site.toml key.
    pub fn load(root: &Path) -> Result<ImportRules, Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ImportRules::default()),
            Err(e) => {
                return Err(vec![Diagnostic::error(&path, 0, 0, format!("cannot read the site file: {e}"))])
            }
        };
        ImportRules::parse(&path, &text)
    }

    /// The `[import]` section of site.toml text; `path` is used in messages.
    pub fn parse(path: &Path, text: &str) -> Result<ImportRules, Vec<Diagnostic>> {
        // Only this section: the rest of site.toml is the build's to check.
        #[derive(Deserialize)]
        struct Site {
            #[serde(default)]
            import: ImportRules,
        }
        toml::from_str::<Site>(text)
            .map(|s| s.import)
            .map_err(|e| vec![diagnostics::toml_error(path, text, &e)])
    }
}

/// Sector → keywords. ASCII keywords match only as whole words (`AI` not in `MAIN`).
const SECTORS: &[(&str, &[&str])] = &[
    ("AI", &["AI", "인공지능", "생성형", "초거대", "LLM", "머신러닝", "딥러닝"]),
    ("반도체", &["반도체", "팹리스", "파운드리", "HBM", "NPU", "PIM"]),
    ("제조", &["제조", "스마트공장", "스마트 공장"]),
    ("농업", &["농업", "스마트팜", "스마트 팜", "농가", "농촌"]),
    ("의료", &["의료", "헬스케어", "병원", "진료"]),
    ("로봇", &["로봇"]),
    ("국방", &["국방", "방산", "방위산업"]),
    ("통신", &["5G", "6G", "이동통신", "통신망", "통신"]),
    ("블록체인", &["블록체인"]),
    ("디지털 트윈", &["디지털 트윈", "디지털트윈"]),
    ("데이터", &["데이터", "빅데이터"]),
    ("클라우드", &["클라우드"]),
    ("보안", &["사이버보안", "정보보호", "보안"]),
    ("양자", &["양자"]),
    ("우주", &["우주", "인공위성", "발사체"]),
    ("모빌리티", &["자율주행", "모빌리티", "UAM"]),
    ("에너지", &["에너지", "전력망", "원전"]),
    ("바이오", &["바이오", "신약"]),
    ("교육", &["교육", "인재 양성", "인재양성", "인력 양성", "인력양성"]),
    ("금융", &["금융", "핀테크"]),
    ("콘텐츠", &["콘텐츠", "게임", "메타버스"]),
];

/// Endings of organisation names.
const ORG_SUFFIXES: &[&str] = &[
    "부",
    "처",
    "청",
    "원",
    "위원회",
    "공사",
    "공단",
    "재단",
    "협회",
    "연합회",
    "센터",
    "대학교",
    "대학",
    "연구소",
    "그룹",
    "전자",
    "사업부",
    "본부",
    "은행",
    "병원",
    "학회",
    "포럼",
    "시청",
    "도청",
    "랩",
    "텍",
    "테크",
    "소프트",
    "시스템즈",
    "바이오",
    "통신",
    "텔레콤",
];

/// Short names of ministries and agencies.
const ORG_ALIASES: &[(&str, &str)] = &[
    ("과기정통부", "과학기술정보통신부"),
    ("과기부", "과학기술정보통신부"),
    ("산업부", "산업통상자원부"),
    ("산자부", "산업통상자원부"),
    ("중기부", "중소벤처기업부"),
    ("행안부", "행정안전부"),
    ("기재부", "기획재정부"),
    ("국토부", "국토교통부"),
    ("복지부", "보건복지부"),
    ("농식품부", "농림축산식품부"),
    ("해수부", "해양수산부"),
    ("문체부", "문화체육관광부"),
    ("고용부", "고용노동부"),
    ("노동부", "고용노동부"),
    ("여가부", "여성가족부"),
    ("방통위", "방송통신위원회"),
    ("개인정보위", "개인정보보호위원회"),
    ("금융위", "금융위원회"),
    ("공정위", "공정거래위원회"),
    ("NIPA", "정보통신산업진흥원"),
    ("NIA", "한국지능정보사회진흥원"),
    ("IITP", "정보통신기획평가원"),
];

/// Full names of ministries and of the central agencies (처, 청) beside them: a press release's
/// issuer, never a person's name (`위하람 조달청 과장`), and, for a ministry, the home of a `장관`
/// met alone.
const MINISTRIES: &[&str] = &[
    "과학기술정보통신부",
    "산업통상자원부",
    "중소벤처기업부",
    "행정안전부",
    "기획재정부",
    "국토교통부",
    "보건복지부",
    "농림축산식품부",
    "해양수산부",
    "문화체육관광부",
    "고용노동부",
    "여성가족부",
    "교육부",
    "국방부",
    "외교부",
    "법무부",
    "환경부",
    "통일부",
    "방송통신위원회",
    "개인정보보호위원회",
    "금융위원회",
    "공정거래위원회",
    "국가보훈부",
    "기후에너지환경부",
    "성평등가족부",
    "재정경제부",
    "기획예산처",
    "인사혁신처",
    "법제처",
    "식품의약품안전처",
    "국세청",
    "관세청",
    "조달청",
    "통계청",
    "재외동포청",
    "병무청",
    "방위사업청",
    "경찰청",
    "소방청",
    "국가유산청",
    "농촌진흥청",
    "산림청",
    "특허청",
    "질병관리청",
    "기상청",
    "행정중심복합도시건설청",
    "새만금개발청",
    "해양경찰청",
    "우주항공청",
];

/// Lines that are page clutter wherever they appear (whole-line patterns).
const BOILERPLATE: &[&str] = &[
    r"^이 기사를 공유합니다$",
    r"^(기사\s*)?공유(하기)?$",
    r"^(페이스북|트위터|카카오톡|카카오스토리|네이버\s?밴드|밴드|라인|링크\s?복사|URL\s?복사|주소\s?복사|스크랩|프린트|인쇄|인쇄하기|이메일|메일|북마크|좋아요|추천|구독|구독하기|글씨\s?크기|글자\s?크기|가+|확대|축소|닫기|[+\-−]|목록|기사\s?목록|이전\s?기사|다음\s?기사|본문\s?듣기|음성으로\s?듣기)(\s*[|/·]\s*.*)?$",
    r"^(읽는\s?시간|예상\s?읽기\s?시간|읽기\s?시간)\s*[:：]?\s*(약\s*)?\d+\s*분.*$",
    r"^(약\s*)?\d+\s*분\s*(소요|읽기)$",
    r"^(AD|ad|광고|Advertisement|ADVERTISEMENT|스폰서|Sponsored)$",
    r"^[▶☞►].*(구독|바로가기|클릭|제보|채널|친구\s?추가|앱\s?다운|무료).*$",
    r"^(기사\s?제보|제보하기|기사\s?원문|원문\s?보기|기사원문|오탈자\s?신고|정정\s?보도\s?요청).*$",
    r"^(홈|HOME|Home)\s*[>›].*$",
    r"^(보도\s?자료|보도\s?참고\s?자료|설명\s?자료|참고\s?자료|PRESS RELEASE|Press Release)$",
    r"^\d+\s*/\s*\d+$",
    r"^(전체\s?메뉴|메뉴|검색|로그인|회원가입|마이페이지|뉴스레터|전체기사|최신기사|PC\s?버전|모바일\s?버전|맨\s?위로|TOP)$",
    r"^(사진|이미지)\s*(확대|보기|크게\s?보기)$",
    // Skip links, alone or in a row (`본문 바로가기 메인메뉴 바로가기`).
    r"^((본문|컨텐츠|콘텐츠|내용|주\s?메뉴|메인\s?메뉴|전체\s?메뉴|메뉴|검색|하단\s?메뉴|사이트맵)\s?(으로\s?)?(바로\s?가기|건너뛰기)\s*)+$",
];

/// Markers after which nothing is article text any more (comment widgets, copyright footers).
/// They only end the article once its text has begun.
const TAIL_MARKERS: &[&str] = &[
    r"^댓글(\s*\d+|\s*쓰기|\s*삭제|\s*보기|\s*달기|\s*작성)?$",
    r"^삭제한 댓글은",
    r"^(저작권자|Copyright|COPYRIGHT|copyright|ⓒ|©|\(c\)|\(C\)).*",
    r".*(무단\s?전재|재배포\s?금지|All [Rr]ights [Rr]eserved).*",
    r"^(많이\s?본|가장\s?많이\s?본|인기|실시간\s?인기|오늘의\s?주요|주요|최신|추천)\s?(뉴스|기사)$",
    // A box of the most read stories: `베스트 클릭`, `핫 클릭`, `많이 본 기사 TOP 10`.
    r"^(베스트|핫|많이\s?본)\s?(클릭|기사|뉴스)(\s?(TOP|톱)\s?\d+)?$",
];

/// Markers of a "related articles" box: short headline lines follow until article text resumes.
const RELATED_MARKERS: &[&str] = &[
    // A blog's numbered section (`3. 같이 보면 좋은 글`) as well as a news page's box.
    // A box's title may be bracketed or bulleted (`[관련기사]`, `▶ 관련 기사`) and say whose list
    // it is (`이 기사와 함께 많이 본 뉴스`, `이 기사와 관련된 기사`).
    r"^[\[【<〈▶►■◆●☞\s]*(\d+[.)]\s*)?(이\s?기사와\s?)?(관련\s?기사|관련\s?뉴스|관련\s?글|관련된\s?(기사|뉴스|글)|(함께|같이)\s?(보면|읽으면|읽을\s?만한|볼\s?만한)\s?좋은\s?(기사|뉴스|글|포스트|포스팅)|함께\s?(많이\s?)?(본|읽은)\s?(기사|뉴스)|이\s?시각\s?(주요|많이 본)\s?뉴스|다른\s?기사\s?보기|이전\s?글|다음\s?글|지난\s?글\s?보기)\s*[\]】>〉]?\s*(더보기)?$",
];

/// Words near an amount that make it something other than funding.
const NOT_BUDGET: &[&str] = &[
    "경제 효과",
    "경제효과",
    "경제적 효과",
    "파급 효과",
    "파급효과",
    "생산 유발",
    "생산유발",
    "부가가치",
    "시장 규모",
    "시장규모",
    "시장은",
    "시장이",
    "시장을",
    "시가총액",
    "기업가치",
    "기업 가치",
    "가치",
    "매출",
    // Orders a firm wins or misses: its revenue.
    "수주",
    "수출",
    "가격",
    // What a user pays (`요금은 시내버스와 같은 1,500원`): prices, as 가격 is.
    "요금은",
    "요금이",
    "이용료",
    "입장료",
    "관람료",
    "운임",
    "판매",
    "손실",
    "피해",
    "영업이익",
    "순이익",
    "이익",
    "연봉",
    "임금",
    // A valuation (`평가액`, `1조원으로 평가된다`), not an evaluation (`평가 우수 사업`).
    "평가액",
    "평가 금액",
    "평가금액",
    "으로 평가",
    "로 평가",
    "자산",
    "부채",
    "유발",
    "효과",
    // `경제적 편익은 9210억원`: a benefit estimated, as an effect is.
    "편익",
    // A change told as its share: `감액분(497억 원)`, `증액분`.
    "감액분",
    "삭감분",
    "감소분",
    "증액분",
    "증가분",
    "추정",
    "페널티",
    "벌금",
    "과징금",
    "과태료",
    "이행강제금",
    "범칙금",
    // `한 대 값이 7억원`: a price.
    "값이",
    "값은",
    "몸값",
    "규모로 성장",
    "달할 전망",
    "달할 것으로",
];

/// Whether a place is a 시·도 or 권역, a 시·군·구, or one the site added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceLevel {
    /// A 시·도 or 권역 of the region registry: written as the article spells it (an alias the
    /// registry resolves).
    Province,
    /// A 시·군·구: written by its official name.
    Local,
    /// From the site's `[import] regions`.
    Site,
}

/// One way of writing a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RegionSpelling {
    /// As it appears in text.
    pub spelling: String,
    /// The place it means.
    pub name: String,
    /// What kind of place.
    pub level: PlaceLevel,
    /// The 시·도 a 시·군·구 is in.
    pub parent: Option<String>,
}

impl RegionSpelling {
    /// The name after the province in a spelling written with it (`경기 용인` → `용인`).
    pub(crate) fn short(&self) -> Option<&str> {
        self.spelling.split_once(' ').map(|(_, short)| short)
    }
}

/// The rules in working form: built-in lists merged with the site's additions, patterns compiled.
#[derive(Debug)]
pub(crate) struct Compiled {
    /// Place spellings, longest first: the 시·도 and 권역 of the region registry, the 시·군·구
    /// ([`super::gazetteer::PLACES`]) and the site's additions.
    pub regions: Vec<RegionSpelling>,
    /// (sector, keywords).
    pub sectors: Vec<(String, Vec<String>)>,
    /// Longest first.
    pub roles: Vec<String>,
    /// The built-in job titles with their tags, read once.
    pub known_roles: crate::korean::Roles,
    pub org_suffixes: Vec<String>,
    pub org_aliases: BTreeMap<String, String>,
    pub ministries: Vec<String>,
    pub boilerplate: Vec<Regex>,
    pub tail_markers: Vec<Regex>,
    pub related_markers: Vec<Regex>,
    pub not_budget: Vec<String>,
    pub sector_min_mentions: usize,
}

fn compile_all(patterns: &[&str], extra: &[String]) -> Result<Vec<Regex>, ImportError> {
    patterns
        .iter()
        .copied()
        .chain(extra.iter().map(String::as_str))
        .map(|p| {
            Regex::new(p).map_err(|e| ImportError::Rules { pattern: p.to_string(), reason: e.to_string() })
        })
        .collect()
}

impl Compiled {
    pub fn new(rules: &ImportRules) -> Result<Self, ImportError> {
        let mut regions: Vec<RegionSpelling> = super::gazetteer::PLACES
            .iter()
            .map(|(spelling, place)| RegionSpelling {
                spelling: spelling.clone(),
                name: place.name.clone(),
                level: if place.parent.is_some() { PlaceLevel::Local } else { PlaceLevel::Province },
                parent: place.parent.clone(),
            })
            .collect();
        for (name, spellings) in &rules.regions {
            for s in std::iter::once(name).chain(spellings) {
                regions.push(RegionSpelling {
                    spelling: s.clone(),
                    name: name.clone(),
                    level: PlaceLevel::Site,
                    parent: None,
                });
            }
        }
        regions.sort_by_key(|r| std::cmp::Reverse(r.spelling.chars().count()));

        let mut sectors: Vec<(String, Vec<String>)> = SECTORS
            .iter()
            .map(|(s, kws)| (s.to_string(), kws.iter().map(|k| k.to_string()).collect()))
            .collect();
        for (sector, kws) in &rules.sectors {
            match sectors.iter_mut().find(|(s, _)| s == sector) {
                Some((_, existing)) => existing.extend(kws.iter().cloned()),
                None => {
                    let mut all = kws.clone();
                    if !all.contains(sector) {
                        all.push(sector.clone());
                    }
                    sectors.push((sector.clone(), all));
                }
            }
        }

        // The built-in titles (src/korean/roles.txt) but those that are also everyday words
        // (`시장`, the market), which are read only next to a name; longer titles are tried
        // first, so `대표이사` wins over `대표`.
        let known_roles = crate::korean::Roles::builtin();
        let mut roles: Vec<String> =
            known_roles.iter().filter(|r| !r.everyday_word).map(|r| r.title.to_string()).collect();
        roles.extend(rules.roles.iter().cloned());
        let mut seen = std::collections::BTreeSet::new();
        roles.retain(|r| seen.insert(r.clone()));
        roles.sort_by_key(|r| std::cmp::Reverse(r.chars().count()));

        let mut org_suffixes: Vec<String> = ORG_SUFFIXES.iter().map(|r| r.to_string()).collect();
        org_suffixes.extend(rules.org_suffixes.iter().cloned());

        let mut org_aliases: BTreeMap<String, String> =
            ORG_ALIASES.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        org_aliases.extend(rules.org_aliases.clone());

        let mut not_budget: Vec<String> = NOT_BUDGET.iter().map(|r| r.to_string()).collect();
        not_budget.extend(rules.not_budget.iter().cloned());

        Ok(Compiled {
            regions,
            sectors,
            roles,
            known_roles,
            org_suffixes,
            org_aliases,
            ministries: MINISTRIES.iter().map(|m| m.to_string()).collect(),
            boilerplate: compile_all(BOILERPLATE, &rules.boilerplate)?,
            tail_markers: compile_all(TAIL_MARKERS, &[])?,
            related_markers: compile_all(RELATED_MARKERS, &[])?,
            not_budget,
            sector_min_mentions: if rules.sector_min_mentions == 0 { 2 } else { rules.sector_min_mentions },
        })
    }

    /// The full name of an organisation written in short (`과기정통부` → `과학기술정보통신부`).
    pub fn canonical_org(&self, org: &str) -> String {
        self.org_aliases.get(org).cloned().unwrap_or_else(|| org.to_string())
    }

    pub fn is_boilerplate(&self, line: &str) -> bool {
        self.boilerplate.iter().any(|r| r.is_match(line))
    }

    pub fn is_tail_marker(&self, line: &str) -> bool {
        self.tail_markers.iter().any(|r| r.is_match(line))
    }

    pub fn is_related_marker(&self, line: &str) -> bool {
        self.related_markers.iter().any(|r| r.is_match(line))
    }

    /// The job title a token starts with exactly (`장관은` → `장관`), if the rest is a particle.
    pub fn role_of_token<'t>(&self, token: &'t str) -> Option<(&str, &'t str)> {
        let token = token.trim_end_matches(PUNCT_END);
        for role in &self.roles {
            if let Some(rest) = token.strip_prefix(role.as_str()) {
                // `국회의원등`: `등` closes a list of people.
                if rest.is_empty()
                    || is_particle(rest)
                    || rest.strip_prefix('등').is_some_and(|r| r.is_empty() || is_particle(r))
                {
                    return Some((role.as_str(), rest));
                }
            }
        }
        // A regional office's head: `충청본부장`, `전남지사장` (a place, then the title).
        let place = self.regions.iter().find(|r| token.starts_with(r.spelling.as_str()))?;
        let rest = &token[place.spelling.len()..];
        self.roles.iter().filter(|r| r.chars().count() >= 3).find_map(|role| {
            let after = rest.strip_prefix(role.as_str())?;
            (after.is_empty() || is_particle(after)).then_some((role.as_str(), after))
        })
    }
}

/// Punctuation that may close a token.
pub(crate) const PUNCT_END: &[char] =
    &[',', '.', '·', ')', '’', '”', '"', '\'', ':', ';', '!', '?', '…', '」', '』', '〉', '》'];

/// Korean particles (조사) that may follow a noun inside a token.
pub(crate) const PARTICLES: &[&str] = &[
    "에서는",
    "에게서",
    "께서는",
    "으로는",
    "에서도",
    "에서",
    "에게",
    "께서",
    "으로",
    "까지",
    "부터",
    "처럼",
    "과의",
    "와의",
    "와",
    "과",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "도",
    "로",
    "만",
    "이나",
    "이며",
    "이고",
    "이다",
    "이자",
    "과도",
    "와도",
    "에는",
    "에도",
    "으로도",
    "으로서",
    "로서",
];

pub(crate) fn is_particle(s: &str) -> bool {
    PARTICLES.contains(&s)
}

/// A token without the longest particle it ends in, when two or more letters stay
/// (`과학기술정보통신부와` → `과학기술정보통신부`; `이가` stays as it is).
pub(crate) fn without_particle(t: &str) -> &str {
    PARTICLES
        .iter()
        .filter_map(|p| t.strip_suffix(p))
        .filter(|stem| stem.chars().count() >= 2)
        .min_by_key(|stem| stem.len())
        .unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_come_off_the_longest_first() {
        assert_eq!(without_particle("과학기술정보통신부와"), "과학기술정보통신부");
        assert_eq!(without_particle("울산시에서는"), "울산시");
        assert_eq!(without_particle("협회과도"), "협회");
        assert_eq!(without_particle("이가"), "이가");
        assert_eq!(without_particle("부산"), "부산");
    }

    #[test]
    fn site_rules_extend_the_built_in_lists() {
        let rules: ImportRules = toml::from_str(
            r#"
            regions = { "판교" = ["판교테크노밸리"], "송도" = [] }
            sectors = { "AI" = ["에이아이"], "우주" = ["위성"] }
            roles = ["최고기술책임자"]
            org_aliases = { "과기부" = "과학기술정보통신부" }
            boilerplate = ["^무료 구독하기$"]
            "#,
        )
        .unwrap();
        let c = Compiled::new(&rules).unwrap();
        assert!(c.regions.iter().any(|r| r.spelling == "판교테크노밸리" && r.name == "판교"));
        assert!(c.regions.iter().any(|r| r.spelling == "송도" && r.name == "송도"));
        assert!(c.regions.iter().any(|r| r.spelling == "서울특별시"), "built-ins stay");
        let ai = &c.sectors.iter().find(|(s, _)| s == "AI").unwrap().1;
        assert!(ai.contains(&"에이아이".to_string()) && ai.contains(&"인공지능".to_string()));
        assert!(c.sectors.iter().any(|(s, k)| s == "우주" && k.contains(&"위성".to_string())));
        assert_eq!(c.role_of_token("최고기술책임자는"), Some(("최고기술책임자", "는")));
        assert!(c.is_boilerplate("무료 구독하기"));
        for skip in ["컨텐츠 바로가기", "본문 바로가기 메인메뉴 바로가기", "본문으로 건너뛰기"]
        {
            assert!(c.is_boilerplate(skip), "{skip}");
        }
        assert!(!c.is_boilerplate("본문 바로가기 기능을 넣은 누리집이 늘었다"));
    }

    #[test]
    fn related_boxes_are_known_on_news_pages_and_blogs() {
        let c = Compiled::new(&ImportRules::default()).unwrap();
        for marker in [
            "관련기사",
            "함께 보면 좋은 뉴스",
            "3. 같이 보면 좋은 글",
            "이전 글",
            "관련 글 더보기",
            "[관련기사]",
            "▶ 관련 기사",
            "이 기사와 함께 많이 본 뉴스",
            "이 기사와 함께 보면 좋은 기사",
            "이 기사와 관련된 기사",
            "함께 읽으면 좋은 기사",
        ] {
            assert!(c.is_related_marker(marker), "{marker}");
        }
        for line in
            ["관련 기사에 따르면 사업은 늦어졌다", "3. 추진 계획", "글", "[관련기사] 군, 로봇 교실 연다"]
        {
            assert!(!c.is_related_marker(line), "{line}");
        }
    }

    #[test]
    fn unknown_keys_and_bad_patterns_are_errors() {
        assert!(toml::from_str::<ImportRules>("region = []").is_err());
        let rules = ImportRules { boilerplate: vec!["([unclosed".to_string()], ..ImportRules::default() };
        let err = Compiled::new(&rules).unwrap_err().to_string();
        assert!(err.contains("([unclosed") && err.contains("[import]"), "{err}");
    }
}
