//! Splitting long lists into numbered pages (`/regions/서울/`, `/regions/서울/page/2/`, …) so
//! that no page grows with the archive, and the paginator object templates get to link them.

use crate::build::url::BaseUrl;
use serde::Serialize;

/// How many pages a list of `items` takes at `per_page` a page (an empty list still has one).
pub fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page.max(1)).max(1)
}

/// The site path of page `number` (1-based) of the list whose first page is at `first`.
pub fn page_path(first: &str, number: usize) -> String {
    if number <= 1 {
        first.to_string()
    } else {
        format!("{first}page/{number}/")
    }
}

/// The items of page `number` (1-based).
pub fn slice<T>(items: &[T], per_page: usize, number: usize) -> &[T] {
    let start = (number.saturating_sub(1) * per_page).min(items.len());
    &items[start..(start + per_page).min(items.len())]
}

/// One link in the page list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageLink {
    /// The page number, from 1.
    pub number: usize,
    /// Its address.
    pub url: String,
    /// Whether it is the page being rendered.
    pub current: bool,
    /// Whether pages are left out between the previous link and this one (show `…`).
    pub gap_before: bool,
}

/// What a template gets as `paginator` on a paginated page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paginator {
    /// This page's number, from 1.
    pub current: usize,
    /// How many pages the list has.
    pub total: usize,
    /// Items per page.
    pub per_page: usize,
    /// Items in the whole list.
    pub items: usize,
    /// 1-based position of this page's first item in the whole list (for `<ol start>`).
    pub start: usize,
    /// The first page's address.
    pub first_url: String,
    /// The previous page's address, if any.
    pub prev_url: Option<String>,
    /// The next page's address, if any.
    pub next_url: Option<String>,
    /// Links to the first and last pages and to the two on each side of this one: a list of
    /// 2,000 pages would otherwise put 2,000 links on each of them.
    pub pages: Vec<PageLink>,
}

/// The links shown on each side of the current page.
const NEIGHBOURS: usize = 2;

impl Paginator {
    /// The paginator of page `current` of a list of `items` whose first page is at `first`.
    pub fn new(base: &BaseUrl, first: &str, items: usize, per_page: usize, current: usize) -> Paginator {
        let total = page_count(items, per_page);
        let url = |n: usize| base.url(&page_path(first, n));
        let shown = |n: usize| n == 1 || n == total || n.abs_diff(current) <= NEIGHBOURS;
        let mut pages = Vec::new();
        let mut last_shown = 0;
        for n in (1..=total).filter(|&n| shown(n)) {
            pages.push(PageLink {
                number: n,
                url: url(n),
                current: n == current,
                gap_before: n > last_shown + 1,
            });
            last_shown = n;
        }
        Paginator {
            current,
            total,
            per_page,
            items,
            start: (current - 1) * per_page + 1,
            first_url: url(1),
            prev_url: (current > 1).then(|| url(current - 1)),
            next_url: (current < total).then(|| url(current + 1)),
            pages,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_their_paths() {
        assert_eq!(page_count(0, 50), 1);
        assert_eq!(page_count(50, 50), 1);
        assert_eq!(page_count(51, 50), 2);
        assert_eq!(page_path("regions/서울/", 1), "regions/서울/");
        assert_eq!(page_path("regions/서울/", 3), "regions/서울/page/3/");
        let items: Vec<u32> = (1..=7).collect();
        assert_eq!(slice(&items, 3, 3), &[7]);
        assert!(slice(&items, 3, 4).is_empty());
    }

    #[test]
    fn the_page_list_keeps_ends_and_neighbours() {
        let base = BaseUrl::parse("https://user.github.io/archive/").unwrap();
        let p = Paginator::new(&base, "timeline/2024/", 1000, 50, 10);
        assert_eq!(p.total, 20);
        assert_eq!(p.start, 451);
        let numbers: Vec<(usize, bool)> = p.pages.iter().map(|l| (l.number, l.gap_before)).collect();
        assert_eq!(
            numbers,
            [(1, false), (8, true), (9, false), (10, false), (11, false), (12, false), (20, true)]
        );
        assert_eq!(p.prev_url.as_deref(), Some("/archive/timeline/2024/page/9/"));
        assert_eq!(p.next_url.as_deref(), Some("/archive/timeline/2024/page/11/"));
        let first = Paginator::new(&base, "regions/a/", 10, 50, 1);
        assert_eq!((first.total, first.prev_url, first.next_url), (1, None, None));
        assert_eq!(first.first_url, "/archive/regions/a/");
    }
}
