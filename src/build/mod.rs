//! `annals build`, stage by stage: `config` and `content` read the site's files, `registry`
//! applies its vocabulary, `model` builds the immutable site model, `render` (with `markdown`,
//! `search`, `sanitize`, `url`) turns it into pages, and `output` writes them; `pipeline` runs
//! the stages in order. Nothing here uses the importer, the server or the checker.

pub mod config;
pub mod content;
pub mod markdown;
pub mod model;
pub mod output;
pub mod pipeline;
pub(crate) mod progress;
pub(crate) mod registry;
pub mod render;
pub mod sanitize;
pub mod search;
pub(crate) mod theme;
pub mod url;
