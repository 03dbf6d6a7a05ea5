//! `secdraft render TERMS --out DIR`

use std::path::PathBuf;

use clap::Args;

use crate::diagnostics::{Diagnostic, display_path};
use crate::{output, pipeline};

/// Render the filing set of a terms file into a folder, as Markdown and EDGAR HTML.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  secdraft render data/ault-alliance-2023-12-13.yaml --out drafts")]
pub struct RenderArgs {
    /// The terms file (YAML); docs/terms.md describes every field.
    #[arg(value_name = "TERMS")]
    terms: PathBuf,

    /// The folder to write the drafts into; created if missing. Files are replaced only when
    /// the whole set rendered.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,

    /// A folder of templates that replace the built-in ones file by file (same names, e.g.
    /// press-release.md); files starting with `_` are partials for `{% include %}`.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
}

pub fn run(args: &RenderArgs) -> Result<i32, Diagnostic> {
    let set = pipeline::render_file(&args.terms, args.templates.as_deref())?;
    output::write_all(&args.out, &set.files)?;
    let listing: String =
        set.files.iter().map(|file| format!("{}\n", display_path(&args.out.join(&file.name)))).collect();
    super::emit(&listing);
    Ok(0)
}
