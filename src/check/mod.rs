//! `annals check`: the build run rendering into nothing, plus what only a check asks for —
//! warnings about near-duplicate terms and inconsistent people (`lint`) and, on request, every
//! outside link (`links`). It uses the build's stages; the build never uses it.

pub mod links;
pub mod lint;

use crate::build::pipeline::{self, BuildError, Options, Report};
use crate::import::ImportRules;

/// Checks the site without writing anything; `external` also asks every outside link.
pub fn check(options: &Options, external: bool) -> Result<Report, BuildError> {
    pipeline::run(options, false, |archive, clock| {
        // The importer's section of site.toml is checked here, since `build` does not read it.
        ImportRules::load(&archive.config.root)?;
        let mut warnings = lint::warnings(archive);
        if external {
            let dead = links::check(&archive.config.root, &archive.briefs, &links::Settings::default());
            clock.lap("outside links");
            if !dead.is_empty() {
                warnings.extend(dead);
                return Err(warnings);
            }
        }
        Ok(warnings)
    })
}
