//! The command line: one file per subcommand.

mod calendar;
mod check;
mod completions;
mod diff;
mod fee;
mod figures;
mod init;
mod render;
mod schema;
mod serve;
mod templates;
mod upgrade;

use clap::{Parser, Subcommand};

/// Exit code for bad input, bad usage or a failure to write: nothing was produced.
pub const EXIT_INPUT: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "secdraft",
    version,
    about = "Render SEC tender and exchange offer filing drafts from one YAML terms file",
    long_about = "Render SEC tender and exchange offer filing drafts (the Schedule TO and the press \
                  release, as Markdown and EDGAR HTML) from one YAML terms file. Every figure is \
                  computed from the terms; nothing is typed into a template.",
    after_help = "Exit status: 0 on success, 2 when the input, the templates or the output folder is at fault."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,

    /// Colour the diagnostics and the `check` report: `auto` on a terminal unless NO_COLOR is
    /// set, `always`, or `never`.
    #[arg(long, value_enum, value_name = "WHEN", global = true, default_value_t = crate::console::Colour::Auto)]
    color: crate::console::Colour,

    /// Print neither the files written nor notes; warnings and errors are still printed.
    #[arg(long, short, global = true)]
    quiet: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    Render(render::RenderArgs),
    Calendar(calendar::CalendarArgs),
    Check(check::CheckArgs),
    Figures(figures::FiguresArgs),
    Diff(diff::DiffArgs),
    Fee(fee::FeeArgs),
    Upgrade(upgrade::UpgradeArgs),
    Init(init::InitArgs),
    Templates(templates::TemplatesArgs),
    Schema(schema::SchemaArgs),
    Serve(serve::ServeArgs),
    Completions(completions::CompletionsArgs),
    Man(completions::ManArgs),
}

/// `--mode draft|filing`, shared by `render` and `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ModeArg {
    Draft,
    Filing,
}

impl From<ModeArg> for crate::filing::Mode {
    fn from(mode: ModeArg) -> Self {
        match mode {
            ModeArg::Draft => crate::filing::Mode::Draft,
            ModeArg::Filing => crate::filing::Mode::Filing,
        }
    }
}

/// `--set PATH=VALUE`, shared by the commands that read terms.
#[derive(Debug, Clone, clap::Args)]
pub struct SetArgs {
    /// Change one term before validation, e.g. --set offer.max_shares=50000000 (repeatable).
    ///
    /// Each --set applies in order, so the last one of a path wins. VALUE is taken as text,
    /// quoted in the YAML where it needs to be (`null` stays the word null). A field absent from
    /// its mapping is added, a list item is not. A value anchored and used again (`&a` ... `*a`),
    /// or reached through an alias or a merge key (`<<`), is refused: change those in the file.
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<crate::terms::Override>,
}

/// `--format text|json`, for the commands whose output is a listing or JSON and nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}

/// `--stdin-name`, shared by the commands that read `-` (standard input) in place of a file.
#[derive(Debug, Clone, clap::Args)]
pub struct StdinArgs {
    /// The file name to report for standard input, read when the file is given as `-` (e.g.
    /// `--stdin-name terms/offer.yaml`); by default `<stdin>`.
    #[arg(long, value_name = "NAME", value_parser = stdin_name)]
    pub stdin_name: Option<std::path::PathBuf>,
}

/// A `--stdin-name` is printed in every message, report and annotation naming the input: a
/// control character in it (a line break, an escape sequence) would break those lines or
/// drive the terminal, so none is taken.
fn stdin_name(name: &str) -> Result<std::path::PathBuf, String> {
    match name.chars().find(|c| c.is_control()) {
        Some(c) => Err(format!("the name holds the control character {:?}: name a file", c)),
        None => Ok(std::path::PathBuf::from(name)),
    }
}

impl StdinArgs {
    /// The name `path` goes by in messages: `--stdin-name` (or `<stdin>`) for `-`, else itself.
    pub fn name_of(&self, path: &std::path::Path) -> std::path::PathBuf {
        match &self.stdin_name {
            _ if !crate::input::is_stdin(path) => path.to_path_buf(),
            Some(name) => name.clone(),
            None => std::path::PathBuf::from("<stdin>"),
        }
    }

    /// Loads the terms file `path`, or standard input when it is `-`, with `overrides`.
    pub fn load_terms(
        &self,
        path: &std::path::Path,
        overrides: &[crate::terms::Override],
    ) -> Result<crate::terms::LoadedTerms, crate::Diagnostic> {
        let loaded = if crate::input::is_stdin(path) {
            crate::terms::load_stdin_with(&self.name_of(path), overrides)?
        } else {
            crate::terms::load_with(path, overrides)?
        };
        Ok(loaded)
    }
}

pub(crate) use crate::console::{emit, emit_error};

/// A command's `--format json` output: pretty, with a final newline.
fn json<T: serde::Serialize>(value: &T) -> Result<String, crate::Diagnostic> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| crate::Diagnostic::new(format!("cannot write the JSON output: {e}")))?;
    text.push('\n');
    Ok(text)
}

/// Replaces the file whole, or creates it: the new text is written beside it and renamed over
/// it, so a kill mid-write leaves the old file or the new one, never half of each.
fn replace_file(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    // A file reached through a link is rewritten where it is, and the link stays.
    let path = &match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => path.to_path_buf(),
        Err(e) => return Err(e),
    };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let mut staged = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut staged, text.as_bytes())?;
    staged.as_file().sync_all()?;
    if let Ok(metadata) = std::fs::metadata(path) {
        staged.as_file().set_permissions(metadata.permissions())?;
    }
    staged.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Runs the command line and returns the process exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() { EXIT_INPUT } else { 0 };
        }
    };
    crate::console::set_colour(cli.color);
    crate::console::set_quiet(cli.quiet);
    let result = match cli.command {
        Command::Render(args) => render::run(&args),
        Command::Calendar(args) => calendar::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Figures(args) => figures::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Fee(args) => fee::run(&args),
        Command::Upgrade(args) => upgrade::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Templates(args) => templates::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => completions::man(&args),
    };
    let result = match (result, crate::console::output_failure()) {
        (Ok(_), Some(failure)) => Err(crate::Diagnostic::new(failure)),
        (result, _) => result,
    };
    match result {
        Ok(code) => code,
        Err(diagnostic) => {
            emit_error(&format!("{}\n", diagnostic.render_for_stderr()));
            EXIT_INPUT
        }
    }
}
