//! `secdraft render TERMS --out DIR`

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::diagnostics::{Diagnostic, display_path};
use crate::filing::Mode;
use crate::pipeline::Formats;
use crate::{output, pipeline, tieout};

/// A form the documents of the set are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Markdown, `<document>.md`.
    Md,
    /// EDGAR HTML, `<document>.htm` (and the filing fee exhibit, XHTML only).
    Htm,
    /// Word, `<document>.docx`, with styles, the stamp in its document properties.
    Docx,
}

fn formats(list: &[FormatArg]) -> Formats {
    Formats {
        markdown: list.contains(&FormatArg::Md),
        html: list.contains(&FormatArg::Htm),
        docx: list.contains(&FormatArg::Docx),
    }
}

/// Render the filing set of a terms file into a folder, as Markdown and EDGAR HTML (and Word,
/// with --format).
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

    /// Write nothing: exit 1 listing each file of --out that differs from what the terms now
    /// produce (missing, changed, extra), 0 when none does.
    #[arg(long)]
    check: bool,

    /// The forms to write each document in, a comma-separated list of md, htm and docx, e.g.
    /// --format md,htm,docx. The filing fee exhibit is written with htm.
    #[arg(long, value_enum, value_name = "LIST", value_delimiter = ',', default_values_t = [FormatArg::Md, FormatArg::Htm])]
    format: Vec<FormatArg>,

    /// Also write the tie-out sheet of the figures, tie-out.md and tie-out.htm.
    #[arg(long)]
    tie_out: bool,

    /// Overwrite files in --out that were edited by hand since secdraft wrote them, or that
    /// secdraft did not write.
    #[arg(long)]
    force: bool,

    /// `draft` (the default) leaves the signature lines blank; `filing` signs the Schedule TO
    /// with the conformed signature ("/s/ Name") of the signatory named in `signature`.
    #[arg(long, value_enum, default_value_t = super::ModeArg::Draft)]
    mode: super::ModeArg,

    #[command(flatten)]
    set: super::SetArgs,
}

pub fn run(args: &RenderArgs) -> Result<i32, Diagnostic> {
    let mode = Mode::from(args.mode);
    let formats = formats(&args.format);
    if args.tie_out && !formats.markdown {
        // The tie-out sheet points at the lines of the Markdown drafts.
        return Err(Diagnostic::new("--tie-out needs the Markdown drafts: add md to --format"));
    }
    let mut set =
        pipeline::render_file_as(&args.terms, args.templates.as_deref(), &args.set.set, mode, formats)?;
    if args.tie_out {
        set.files.extend(tieout::files(&set, &display_path(&args.terms))?);
    }
    for warning in &set.warnings {
        super::emit_error(&format!("warning: {warning}\n"));
    }
    if args.check {
        let differences = output::compare(&args.out, &set.files)?;
        if differences.is_empty() {
            super::emit(&format!("{} matches the terms\n", display_path(&args.out)));
            return Ok(0);
        }
        super::emit(&differences.iter().map(|d| format!("{d}\n")).collect::<String>());
        return Ok(1);
    }
    let mut inputs = vec![args.terms.as_path()];
    inputs.extend(args.templates.as_deref());
    output::write_all_sparing(&args.out, &set.files, args.force, &inputs)?;
    let listing: String =
        set.files.iter().map(|file| format!("{}\n", display_path(&args.out.join(&file.name)))).collect();
    super::emit(&listing);
    Ok(0)
}
