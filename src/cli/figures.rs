//! `secdraft figures TERMS`: the tie-out sheet.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::diagnostics::{Diagnostic, display_path};
use crate::{pipeline, tieout};

/// Print every computed figure with its formula, inputs and where each is printed.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  secdraft figures data/ault-alliance-2023-12-13.yaml\n  \
                        secdraft figures data/ault-alliance-2023-12-13.yaml --set offer.consideration.aggregate_liquidation_preference=30000000 --format json\n\n\
                        Exit status: 0 on success, 2 when the terms or the templates are at fault.")]
pub struct FiguresArgs {
    /// The terms file, or `-` to read it from standard input.
    #[arg(value_name = "TERMS")]
    terms: PathBuf,

    #[command(flatten)]
    stdin: super::StdinArgs,

    #[arg(long, value_enum, default_value_t = Output::Text)]
    format: Output,

    /// A folder of templates overriding the built-in ones.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,

    #[command(flatten)]
    set: super::SetArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Output {
    Text,
    Json,
    Markdown,
}

pub fn run(args: &FiguresArgs) -> Result<i32, Diagnostic> {
    let loaded = args.stdin.load_terms(&args.terms, &args.set.set)?;
    let set = pipeline::render_loaded_in(
        loaded,
        args.templates.as_deref(),
        crate::filing::Mode::Draft,
        Some(pipeline::Formats::default()),
    )?;
    let sheet = tieout::build(&set)?;
    let out = match args.format {
        Output::Json => super::json(&sheet)?,
        Output::Markdown => tieout::markdown(&sheet, &display_path(&args.stdin.name_of(&args.terms))),
        Output::Text => tieout::text(&sheet),
    };
    super::emit(&out);
    Ok(0)
}
