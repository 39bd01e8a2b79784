//! Property tests of the parsers a brief goes through: amounts, dates, slugs and front matter.
//! Each holds for every generated input, not only the cases written by hand; a failure is
//! shrunk by proptest to a minimal input (keep it as a regular test when one turns up).

use annals::brief::dates::parse_date;
use annals::brief::frontmatter::{self, Rules};
use annals::brief::money::{format_korean, group_thousands, parse_amount};
use annals::brief::slug::{slugify, SlugStyle};
use chrono::Datelike;
use chrono_tz::Asia::Seoul;
use proptest::prelude::*;
use std::path::Path;

fn config() -> ProptestConfig {
    // Enough cases to find corners, few enough for `cargo test` on a shared machine.
    // Failures are not written to files: a shrunk failure becomes a regular test instead.
    ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn amounts_read_back_what_they_print(v in any::<u64>()) {
        let korean = format!("{}원", format_korean(v));
        prop_assert_eq!(parse_amount(&korean).map(|a| (a.min, a.max)), Ok((v, v)), "{}", korean);
        prop_assert_eq!(parse_amount(&group_thousands(v)).map(|a| a.min), Ok(v));
    }

    #[test]
    fn any_amount_text_is_read_or_refused_without_panicking(text in "[0-9,.~억만조천원 약-]{0,24}") {
        if let Ok(a) = parse_amount(&text) {
            prop_assert!(a.min <= a.max, "{} gave {:?}", text, a);
        }
    }

    #[test]
    fn every_date_of_years_1_to_9999_is_read_and_written_as_rfc_3339(
        y in 1i32..=9999, m in 1u32..=12, d in 1u32..=28, h in 0u32..24, min in 0u32..60,
    ) {
        let text = format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}");
        match parse_date(&text, Seoul) {
            Ok(moment) => {
                let view = moment.view();
                prop_assert_eq!(view.year, y);
                // What feeds and sitemaps get must read back as RFC 3339, four-digit year.
                let back = chrono::DateTime::parse_from_rfc3339(&view.datetime);
                prop_assert!(back.is_ok(), "{} → {}", text, view.datetime);
                prop_assert_eq!(back.unwrap().year(), y);
            }
            // Only the edges of the calendar may be refused (a time zone shift crossing 1 or 9999).
            Err(e) => prop_assert!((y == 1 || y == 9999) && e.contains("1–9999"), "{}: {}", text, e),
        }
    }

    #[test]
    fn any_date_text_is_read_or_refused_without_panicking(text in "[0-9: TZ+-]{0,30}") {
        if let Ok(m) = parse_date(&text, Seoul) {
            prop_assert!((1..=9999).contains(&m.view().year), "{}", text);
            prop_assert!(chrono::DateTime::parse_from_rfc3339(&m.view().datetime).is_ok());
        }
    }

    #[test]
    fn slugs_are_url_names_and_stable(text in "\\PC{0,40}", ascii in any::<bool>()) {
        let style = if ascii { SlugStyle::Ascii } else { SlugStyle::Unicode };
        let slug = slugify(&text, style);
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"), "{:?}", slug);
        prop_assert!(slug.chars().all(|c| c == '-' || c.is_alphanumeric()), "{:?}", slug);
        prop_assert!(!slug.chars().any(|c| c.is_ascii_uppercase()), "{:?}", slug);
        if ascii {
            prop_assert!(slug.is_ascii(), "{:?}", slug);
        }
        prop_assert_eq!(slugify(&slug, style), slug.clone(), "not stable");
    }

    #[test]
    fn any_front_matter_is_read_or_refused_at_a_line_of_the_file(
        lines in proptest::collection::vec(front_matter_line(), 0..12),
        body in "\\PC{0,40}",
    ) {
        let text = format!("---\n{}\n---\n{body}\n", lines.join("\n"));
        let path = Path::new("content/briefs/a.md");
        let roles = annals::korean::Roles::builtin();
        let rules = Rules { timezone: Seoul, custom_fields: &[], roles: &roles };
        let line_count = text.lines().count();
        match frontmatter::split(path, &text) {
            Err(d) => prop_assert!(d.line <= line_count, "{}", d),
            Ok(split) => {
                if let Err(problems) = frontmatter::parse(path, &split, rules) {
                    prop_assert!(!problems.is_empty());
                    for d in problems {
                        prop_assert!(d.line <= line_count, "{} for\n{}", d, text);
                        prop_assert!(!d.message.is_empty());
                    }
                }
            }
        }
    }
}

/// Lines of the brief format, well formed or slightly broken.
fn front_matter_line() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        "[가-힣a-z0-9 ]{0,12}",
        Just("\"\\0\\x01\\e\"".to_string()),
        Just("[1, 2]".to_string()),
        Just("{a: b}".to_string()),
        Just("\"30억~100억원\"".to_string()),
        Just("18446744073709551615".to_string()),
        Just("2024-13-45".to_string()),
        Just("0000-01-01".to_string()),
        Just("10000-01-01".to_string()),
        Just("2024-01-19T12:34:60+09:00".to_string()),
        Just("&a [*a, *a]".to_string()),
        Just("!!binary aGVsbG8=".to_string()),
    ];
    let key = prop_oneof![
        Just("title"),
        Just("date"),
        Just("summary"),
        Just("region"),
        Just("sector"),
        Just("agenda"),
        Just("slug"),
        Just("draft"),
        Just("attendees"),
        Just("budget"),
        Just("source"),
        Just("  - item"),
        Just("    amount"),
        Just("unknown"),
    ];
    (key, value).prop_map(|(k, v)| format!("{k}: {v}"))
}
