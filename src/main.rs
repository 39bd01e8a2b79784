//! The `annals` command line. Everything it does is in the library; this file only parses
//! arguments, calls the library and prints what happened.

use annals::build::pipeline::{self, BuildError, Options, Report};
use annals::diagnostics::Diagnostic;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: see its line in Cargo.toml for the figures.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Writes a line to standard error. A reader that went away (`annals build 2>&1 | head -1`) is
/// no reason to fail or panic, as `eprintln!` would: the line is dropped.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($t)*);
    }};
}

/// Writes to standard error without a newline (the progress line), dropping it like `say!`.
macro_rules! say_part {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let mut err = std::io::stderr().lock();
        let _ = write!(err, $($t)*);
        let _ = err.flush();
    }};
}

/// Writes a line to standard output, dropping it when the reader went away (see `say!`).
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($t)*);
    }};
}

#[derive(Parser)]
#[command(name = "annals", version, about = "A static site generator for policy-briefing archives")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into its output folder (public/ by default).
    Build(BuildArgs),
    /// Check the site for every problem `build` would report, without writing anything.
    Check(CheckArgs),
    /// Start a new archive: site.toml, a sample brief, a term registry, a deploy workflow.
    Init(InitArgs),
    /// Turn news articles and press releases (text or HTML) into briefs.
    Import(ImportArgs),
    /// Start a new brief (a draft) under content/briefs/ and print its path.
    New(NewArgs),
    /// Serve the site locally, rebuilding and reloading open pages on every change.
    Serve(ServeArgs),
}

/// `annals init [DIR] [--force]`
#[derive(Args)]
struct InitArgs {
    /// The folder to make the archive in (made if missing).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Add the missing files to a folder that already has some (no file is ever replaced).
    #[arg(long)]
    force: bool,
    /// The git address the deploy workflow installs annals from.
    #[arg(long, value_name = "URL", requires = "annals_rev")]
    annals_git: Option<String>,
    /// The annals commit or tag the deploy workflow installs (default: the one this annals was
    /// built from).
    #[arg(long, value_name = "REV")]
    annals_rev: Option<String>,
}

#[derive(Args)]
struct NewArgs {
    /// The headline.
    title: String,
    /// The site folder.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The date (YYYY-MM-DD or RFC 3339); today in the site time zone by default.
    #[arg(long)]
    date: Option<String>,
    /// A region (repeat for several).
    #[arg(long = "region", value_name = "REGION")]
    regions: Vec<String>,
    /// A sector (repeat for several).
    #[arg(long = "sector", value_name = "SECTOR")]
    sectors: Vec<String>,
    /// The URL name; made from the title by default.
    #[arg(long)]
    slug: Option<String>,
}

/// `annals serve [--root DIR] [--port N] [--bind ADDR] [--drafts]`
#[derive(Args)]
struct ServeArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// The port to listen on.
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// The address to listen on; anything but loopback lets other machines reach the server.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
}

/// `annals import FILE_OR_DIR... [--out DIR] [--dry-run] [--force] [--format text|html|auto]`
#[derive(Args)]
struct ImportArgs {
    /// Articles or folders of articles; `-` reads standard input.
    #[arg(required = true, value_name = "FILE_OR_DIR")]
    inputs: Vec<PathBuf>,
    /// The site folder whose site.toml gives the time zone and `[import]` rules (optional).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the briefs (default: content/briefs under --root).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
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

#[derive(Args)]
struct SiteArgs {
    /// The site folder (the one with site.toml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Include briefs marked `draft: true`.
    #[arg(long)]
    drafts: bool,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Also check links to other sites (HEAD, then GET; answers are cached for a day in
    /// .annals-cache/).
    #[arg(long)]
    external: bool,
}

#[derive(Args)]
struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Write the site here instead of `output_dir` from site.toml.
    #[arg(long)]
    output: Option<PathBuf>,
    /// Use this base URL instead of `base_url` (for previews and sub-path deployments).
    #[arg(long)]
    base_url: Option<String>,
    /// Print how long each stage took.
    #[arg(long)]
    timings: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => {
            let options = Options {
                root: args.site.root,
                output: args.output,
                base_url: args.base_url,
                drafts: args.site.drafts,
                progress: terminal_progress(),
            };
            let result = pipeline::build(&options);
            clear_progress_line();
            finish(result, args.timings, "built")
        }
        Command::Import(args) => import(args),
        Command::Init(args) => init(args),
        Command::New(args) => new_brief(args),
        Command::Serve(args) => {
            let options = annals::serve::ServeOptions {
                root: args.site.root,
                bind: args.bind,
                port: args.port,
                drafts: args.site.drafts,
                // A reader that went away (`annals serve 2>&1 | head`) must not panic the
                // thread that logs: the line is dropped.
                log: annals::serve::Logger(std::sync::Arc::new(|line: &str| {
                    use std::io::Write as _;
                    let _ = writeln!(std::io::stderr().lock(), "{line}");
                })),
                ..Default::default()
            };
            match annals::serve::run(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    say!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check(args) => {
            let options = Options {
                root: args.site.root,
                drafts: args.site.drafts,
                progress: terminal_progress(),
                ..Options::default()
            };
            let result = annals::check::check(&options, args.external);
            clear_progress_line();
            finish(result, false, "checked")
        }
    }
}

/// A progress line on standard error when it is a terminal, once a run has taken a second (a
/// quick build prints nothing but its result); redrawn at most ten times a second.
fn terminal_progress() -> pipeline::Progress {
    use std::io::IsTerminal;
    use std::time::{Duration, Instant};
    if !std::io::stderr().is_terminal() {
        return pipeline::Progress::default();
    }
    let start = Instant::now();
    let last = std::sync::Mutex::new(start);
    pipeline::Progress::new(move |step| {
        let now = Instant::now();
        let Ok(mut last) = last.lock() else { return };
        if now - start < Duration::from_secs(1) || now - *last < Duration::from_millis(100) {
            return;
        }
        *last = now;
        let line = if step.total > 0 {
            format!("{} {}/{}", step.stage, step.done, step.total)
        } else {
            format!("{}: done", step.stage)
        };
        say_part!("\r\x1b[2K{line}");
    })
}

/// Removes the progress line, if one was drawn.
fn clear_progress_line() {
    use std::io::IsTerminal;
    if std::io::stderr().is_terminal() {
        say_part!("\r\x1b[2K");
    }
}

fn finish(result: Result<Report, BuildError>, timings: bool, verb: &str) -> ExitCode {
    match result {
        Ok(report) => {
            print_problems(&report.warnings);
            print_under_review(&report.under_review);
            if timings {
                for (stage, d) in &report.timings {
                    say!("  {stage:<24} {:>8.1} ms", d.as_secs_f64() * 1000.0);
                }
                say!("  per template (summed over threads):");
                for (name, pages, d) in &report.templates {
                    say!("    {name:<22} {pages:>6} pages {:>9.1} ms", d.as_secs_f64() * 1000.0);
                }
            }
            match &report.output {
                Some(dir) => {
                    say!("{verb} {} briefs, {} files → {}", report.briefs, report.files, dir.display())
                }
                None if report.warnings.is_empty() => {
                    say!("{verb} {} briefs, {} pages: no problems", report.briefs, report.files)
                }
                None => say!(
                    "{verb} {} briefs, {} pages: no errors, {} warning(s)",
                    report.briefs,
                    report.files,
                    report.warnings.len()
                ),
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Problems(problems)) => {
            print_problems(&problems);
            let errors = problems.iter().filter(|d| d.is_error()).count();
            if verb == "built" {
                say!("error: {errors} problem(s); nothing was written, the previous output is unchanged");
            } else {
                say!("error: {errors} problem(s)");
            }
            ExitCode::FAILURE
        }
        Err(BuildError::Output(e)) => {
            say!("error: {e}");
            if let Some(h) = e.hint() {
                say!("  hint: {h}");
            }
            ExitCode::FAILURE
        }
    }
}

fn import(args: ImportArgs) -> ExitCode {
    use annals::import::{ImportOptions, ImportRules, Importer, InputFormat};
    // A site folder is optional: without site.toml, the defaults (Asia/Seoul, built-in rules) apply.
    let (timezone, slug_style) = if args.root.join(annals::build::config::CONFIG_FILE).is_file() {
        match annals::build::config::Config::load(&args.root) {
            Ok(c) => (c.timezone, c.slugify),
            Err(problems) => {
                print_problems(&problems);
                return ExitCode::FAILURE;
            }
        }
    } else {
        (chrono_tz::Asia::Seoul, annals::brief::slug::SlugStyle::default())
    };
    let rules = match ImportRules::load(&args.root) {
        Ok(r) => r,
        Err(problems) => {
            print_problems(&problems);
            return ExitCode::FAILURE;
        }
    };
    let options = ImportOptions {
        out_dir: args.out.unwrap_or_else(|| args.root.join("content/briefs")),
        dry_run: args.dry_run,
        force: args.force,
        timezone,
        slug_style,
        format: match args.format {
            FormatArg::Auto => InputFormat::Auto,
            FormatArg::Text => InputFormat::Text,
            FormatArg::Html => InputFormat::Html,
        },
        ..ImportOptions::default()
    };
    let importer = match Importer::new(&rules, options) {
        Ok(i) => i,
        Err(e) => {
            say!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let summary = importer.run_reporting(&args.inputs, &terminal_progress());
    clear_progress_line();
    {
        use std::io::Write as _;
        let mut stdout = std::io::stdout().lock();
        // A reader that went away (`annals import … | head`) ends the printing, not the run.
        for text in &summary.dry_run {
            if writeln!(stdout, "{text}").and_then(|_| stdout.flush()).is_err() {
                break;
            }
        }
    }
    say!("{summary}");
    if summary.has_failures() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn init(args: InitArgs) -> ExitCode {
    use annals::init::{AnnalsSource, InitOptions};
    let source = match (args.annals_git, args.annals_rev) {
        (git, Some(rev)) => Some(AnnalsSource {
            git: git.unwrap_or_else(|| format!("{}.git", env!("CARGO_PKG_REPOSITORY"))),
            rev,
        }),
        (_, None) => AnnalsSource::of_this_build(),
    };
    let options = InitOptions { dir: args.dir.clone(), force: args.force, source: source.clone() };
    match annals::init::create(&options) {
        Ok(created) => {
            for path in &created.written {
                out!("{}", args.dir.join(path).display());
            }
            for path in &created.kept {
                say!("kept {} (it was there already)", args.dir.join(path).display());
            }
            match &source {
                Some(s) => say!("the deploy workflow installs annals {} from {}", s.rev, s.git),
                None => say!(
                    "note: this annals does not know its own commit; set ANNALS_REV in .github/workflows/deploy.yml (or run init with --annals-rev)"
                ),
            }
            let dir = args.dir.display();
            say!("next: annals serve --root {dir}  (then open http://127.0.0.1:1111/)");
            ExitCode::SUCCESS
        }
        Err(e) => {
            say!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn new_brief(args: NewArgs) -> ExitCode {
    let config = match annals::build::config::Config::load(&args.root) {
        Ok(c) => c,
        Err(problems) => {
            print_problems(&problems);
            return ExitCode::FAILURE;
        }
    };
    let brief = annals::new::NewBrief {
        title: args.title,
        date: args.date,
        regions: args.regions,
        sectors: args.sectors,
        slug: args.slug,
    };
    match annals::new::create(&config, &brief) {
        Ok(path) => {
            out!("{}", path.display());
            say!("a draft: set `draft: false` to publish it; `annals serve --drafts` shows drafts");
            ExitCode::SUCCESS
        }
        Err(e) => {
            say!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The briefs still under review, so none is published unnoticed.
fn print_under_review(briefs: &[(PathBuf, usize)]) {
    if let Some(text) = pipeline::review_summary(briefs) {
        say!("{text}");
    }
}

fn print_problems(problems: &[Diagnostic]) {
    for d in problems {
        say!("{d}");
    }
}
