//! Field extraction from a cleaned article: one module per field.

pub mod agenda;
pub mod attendees;
pub mod budget;
mod context;
pub mod date;
pub mod region;
pub mod sector;
pub mod source;
pub mod summary;

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::html::Hints;
use super::markdown;
use super::rules::Compiled;
use super::text::{self, Block, Cleaned};
use super::Brief;
use crate::brief::dates::Moment;
use crate::brief::frontmatter::{FrontMatter, Source};

/// The brief's source: the outlet or body, the byline and the URL found in the page, with a
/// review line for each guess.
fn brief_source(
    article: &str,
    cleaned: &Cleaned,
    hints: &Hints,
    rules: &Compiled,
    published: Option<Moment>,
    review: &mut Vec<String>,
) -> Source {
    let found_source = source::source(cleaned, hints, rules);
    source_review(&found_source, review);
    let source::Found { mut publisher, author, url } = found_source;
    if let Some((p, _)) = publisher.as_mut() {
        if let Some(hangul) = source::hangul_masthead(p, article) {
            *p = hangul;
        }
    }
    Source {
        publisher: publisher.map(|(p, _)| p).unwrap_or_default(),
        author: author.unwrap_or_default(),
        url: url.unwrap_or_default(),
        published,
    }
}

/// Reads every field of a brief from an article's text. `None` when no article is left after
/// cleaning.
pub(crate) fn brief_from_text(
    article: &str,
    hints: &Hints,
    rules: &Compiled,
    tz: Tz,
    placeholder: NaiveDate,
) -> Option<Brief> {
    let cleaned = text::clean(article, hints.title.as_deref(), rules);
    if !cleaned.blocks.iter().any(|b| matches!(b, Block::Para(_) | Block::Item { .. })) {
        return None;
    }
    let mut review: Vec<String> = Vec::new();

    let title = title(&cleaned, &mut review)?;
    let found = date::publication_date_under(
        &cleaned.meta,
        cleaned.dateline.as_deref(),
        hints.published.as_deref(),
        tz,
    )
    .or_else(|| date::publication_date(&cleaned.tail, None, tz).filter(|d| d.rank <= 2));
    let (day, date_found) = match found.as_ref() {
        None => lead_day(&cleaned, tz, &mut review)
            .map_or_else(|| date_or_placeholder(None, placeholder, &mut review), |d| (d, true)),
        some => date_or_placeholder(some, placeholder, &mut review),
    };
    // A day without a midnight in the site zone cannot be written as a brief's date; the
    // placeholder (today) stands in, and is noted.
    let date = Moment::on_day(day, tz).or_else(|| {
        review.push(format!("date: {day} has no midnight in {}; check the date", tz.name()));
        Moment::on_day(placeholder, tz)
    })?;

    let published = found.as_ref().and_then(|d| d.moment).map(|m| Moment::at_instant(m, tz));
    let source = brief_source(article, &cleaned, hints, rules, published, &mut review);

    // Text for the extractors: paragraphs and list items, sentence by sentence.
    let prose: Vec<&str> = cleaned
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Para(_) | Block::Item { .. }))
        .flat_map(|b| text::sentences(b.text()))
        .collect();
    let heads: Vec<&str> = std::iter::once(title.as_str())
        .chain(
            cleaned
                .blocks
                .iter()
                .filter(|b| matches!(b, Block::Deck(_) | Block::Heading(_)))
                .map(|b| b.text()),
        )
        .collect();
    let year = found.as_ref().map(|d| chrono::Datelike::year(&d.date));
    // A release's `*` notes carry amounts of their own (`* 신규 사업(총 308.7억원)에 포함`).
    let with_notes: Vec<&str> = cleaned
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Para(_) | Block::Item { .. } | Block::Note { .. }))
        .flat_map(|b| text::sentences(b.text()))
        .collect();
    let (budget, budget_review) = budget::budget(&with_notes, &heads, rules, year);
    review.extend(budget_review);
    let author = Some(source.author.as_str()).filter(|a| !a.is_empty());
    let marked = attendees::Marked::of(&cleaned, &title);
    let (attendees, people_review) = attendees::attendees(&prose, &marked, rules, author);
    review.extend(people_review);
    let units: Vec<&str> = std::iter::once(title.as_str())
        .chain(cleaned.blocks.iter().flat_map(|b| text::sentences(b.text())))
        .collect();
    let region = region::regions(&units, rules);
    let items: Vec<&str> = budget.iter().map(|l| l.item.as_str()).collect();
    let sector = sector::sectors(&title, &topic_text(&cleaned.blocks, rules), &items, rules);
    let agenda = agenda::agenda(&title, &cleaned.blocks, &attendees);
    let summary = summary::summary(&cleaned.blocks);

    let has_source = source != Source::default();
    let front = FrontMatter {
        title,
        date,
        summary: summary.unwrap_or_default(),
        region,
        sector,
        agenda,
        custom: Vec::new(),
        budget,
        attendees,
        source: has_source.then_some(source),
        draft: !review.is_empty(),
        slug: None,
        review,
        extra: serde_json::Value::Object(serde_json::Map::new()),
        warnings: Vec::new(),
    };
    Some(Brief { front, date_found, body: markdown::render(&cleaned.blocks) })
}

/// The headline, or else the lead's first sentence (with a review note). `None` when neither is
/// there.
fn title(cleaned: &text::Cleaned, review: &mut Vec<String>) -> Option<String> {
    match &cleaned.title {
        Some(t) => Some(t.clone()),
        None => {
            // A leftover `|` border or a close button's `X` is no lead.
            let worded = |t: &str| t.chars().filter(|c| c.is_alphabetic()).count() >= 2;
            // A release written only in points (`□ …`, `ㅇ …`) leads with its first point.
            let first = cleaned
                .blocks
                .iter()
                .find(|b| matches!(b, Block::Para(t) | Block::Item { text: t, .. } if worded(t)))?;
            let s = text::sentences(first.text()).first()?.to_string();
            review.push("title: no headline found; the lead's first sentence stands in".to_string());
            Some(short_title(&s))
        }
    }
}

/// A lead sentence cut to a title's length: at most 80 characters, ended at a word.
fn short_title(sentence: &str) -> String {
    if sentence.chars().count() <= 80 {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(80).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    at_word.trim_end_matches([',', ' ']).to_string()
}

/// The date of a page no date labels: a full date in its text on the day its lead tells,
/// noted for review.
fn lead_day(cleaned: &text::Cleaned, tz: Tz, review: &mut Vec<String>) -> Option<NaiveDate> {
    let texts: Vec<&str> = cleaned.blocks.iter().map(|b| b.text()).collect();
    let lead = cleaned.blocks.iter().find(|b| matches!(b, Block::Para(_)))?.text();
    let lead = text::sentences(lead).into_iter().take(2).collect::<Vec<_>>().join(" ");
    let lines: Vec<&str> = texts
        .iter()
        .copied()
        .chain(cleaned.meta.iter().map(String::as_str))
        .chain(cleaned.tail.iter().map(String::as_str))
        .collect();
    let day = date::lead_day_in_text(&lead, &lines, tz)?;
    review.push(format!(
        "date: {day} is the full date the text gives for the day its lead tells; no publication date is labelled"
    ));
    Some(day)
}

/// The publication date found, or the placeholder; the flag says whether one was found. Notes an
/// unsure or missing date for review.
fn date_or_placeholder(
    found: Option<&date::FoundDate>,
    placeholder: NaiveDate,
    review: &mut Vec<String>,
) -> (NaiveDate, bool) {
    match found {
        Some(d) => {
            // Rank 4 is an unlabelled date too, under the headline.
            if d.rank >= 4 {
                review.push("date: read from an unlabelled dateline".to_string());
            }
            (d.date, true)
        }
        None => {
            review.push(format!("date: no publication date in the article; {placeholder} is a placeholder"));
            (placeholder, false)
        }
    }
}

/// Review notes for a missing or stand-in publisher and a missing byline.
fn source_review(found: &source::Found, review: &mut Vec<String>) {
    match &found.publisher {
        None => review.push("source.publisher: not found".to_string()),
        Some((p, source::Evidence::Issuer)) => {
            review.push(format!("source.publisher: no outlet is named; {p} is the body the text comes from"))
        }
        Some(_) => {}
    }
    if found.author.is_none() {
        review.push("source.author: no byline found".to_string());
    }
}

/// The text the sector rules read: every block, with organisation names blanked out, since they
/// are not topics (`과학기술정보통신부` says nothing about 통신).
fn topic_text(blocks: &[Block], rules: &Compiled) -> String {
    let mut body_text: String = blocks.iter().map(|b| b.text()).collect::<Vec<_>>().join("\n");
    for name in rules.ministries.iter().chain(rules.org_aliases.keys()) {
        if body_text.contains(name.as_str()) {
            body_text = body_text.replace(name.as_str(), " ");
        }
    }
    body_text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_from_a_long_lead_ends_at_a_word() {
        let lead = "한빛시의회 예산결산특별위원회는 제337회 임시회 기간 중인 27일 제1회 추가경정예산안을 원안대로 최종 의결하고 지난 3일간의 예산결산특별위원회 활동을 모두 마무리했다.";
        let t = short_title(lead);
        assert!(t.chars().count() <= 80 && lead.starts_with(&t), "{t}");
        assert!(lead[t.len()..].starts_with(' '), "cut at a word: {t}");
        assert_eq!(short_title("짧은 리드 문장이다."), "짧은 리드 문장이다.");
    }

    #[test]
    fn a_release_of_points_only_gets_its_first_point_as_title() {
        let rules = Compiled::new(&crate::import::rules::ImportRules::default()).unwrap();
        let page = "□ 한빛부는 1일 정보원과 함께 ‘클라우드 사업 설명회’를 열었다.\nㅇ 이번 행사는 기업들의 수행 현황을 공유하려고 마련되었다.\n";
        let cleaned = text::clean(page, None, &rules);
        let mut review = Vec::new();
        let t = title(&cleaned, &mut review).expect("a title from the first point");
        assert!(t.contains("클라우드 사업 설명회"), "{t}");
        assert_eq!(review.len(), 1, "{review:?}");
    }
}
