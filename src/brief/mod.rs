//! The brief format (`../shared/docs/brief-format.md`), shared by the build and the importer:
//! front matter and its fields, dates, money amounts, slugs and page bundles.

pub mod bundle;
pub mod dates;
pub mod frontmatter;
pub mod money;
pub mod slug;
pub(crate) mod yaml_scan;
