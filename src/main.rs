//! The `annals` command line. Everything it does is in the library.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "annals",
    version,
    about = "A static site generator for policy-briefing archives"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Turn news articles and press releases (text or HTML) into briefs.
    Import(ImportArgs),
}

/// `annals import FILE_OR_DIR... [--out DIR] [--dry-run] [--force] [--format text|html|auto]`
#[derive(clap::Args)]
struct ImportArgs {
    /// Articles or folders of articles; `-` reads standard input.
    #[arg(required = true, value_name = "FILE_OR_DIR")]
    inputs: Vec<PathBuf>,
    /// Where to write the briefs.
    #[arg(long, value_name = "DIR", default_value = "content/briefs")]
    out: PathBuf,
    /// Print the briefs instead of writing them.
    #[arg(long)]
    dry_run: bool,
    /// Replace briefs that already exist.
    #[arg(long)]
    force: bool,
    /// How to read the input.
    #[arg(long, value_enum, default_value = "auto")]
    format: FormatArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Auto,
    Text,
    Html,
}

fn import(args: ImportArgs) -> ExitCode {
    use annals::import::{ImportOptions, ImportRules, Importer, InputFormat};
    let options = ImportOptions {
        out_dir: args.out,
        dry_run: args.dry_run,
        force: args.force,
        format: match args.format {
            FormatArg::Auto => InputFormat::Auto,
            FormatArg::Text => InputFormat::Text,
            FormatArg::Html => InputFormat::Html,
        },
        ..ImportOptions::default()
    };
    let importer = match Importer::new(&ImportRules::default(), options) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let summary = importer.run(&args.inputs);
    eprint!("{summary}");
    if summary.has_failures() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Import(args) => import(args),
    }
}
