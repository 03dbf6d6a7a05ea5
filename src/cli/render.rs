//! `secdraft render TERMS --out DIR`

use std::path::{Path, PathBuf};

use clap::Args;

use crate::diagnostics::{Diagnostic, display_path};
use crate::input::{self, Links, Refusal};
use crate::output::{self, OutputFile};
use crate::{html, pipeline, tieout};

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

    /// Write nothing: exit 1 listing each file of --out that differs from what the terms now
    /// produce (missing, changed, extra), 0 when none does.
    #[arg(long)]
    check: bool,

    /// Also write the tie-out sheet of the figures, tie-out.md and tie-out.htm.
    #[arg(long)]
    tie_out: bool,

    /// Overwrite files in --out that were edited by hand since secdraft wrote them, or that
    /// secdraft did not write.
    #[arg(long)]
    force: bool,

    #[command(flatten)]
    set: super::SetArgs,
}

pub fn run(args: &RenderArgs) -> Result<i32, Diagnostic> {
    let mut set = pipeline::render_file_with(&args.terms, args.templates.as_deref(), &args.set.set)?;
    if args.tie_out {
        let sheet = tieout::markdown(&tieout::build(&set), &display_path(&args.terms));
        let html = html::to_edgar_html(&sheet, "Tie-Out of Figures")
            .map_err(|e| Diagnostic::new(format!("the tie-out sheet cannot become HTML: {e}")))?;
        set.files.push(OutputFile { name: "tie-out.md".into(), bytes: sheet.into_bytes() });
        set.files.push(OutputFile { name: "tie-out.htm".into(), bytes: html.into_bytes() });
    }
    for warning in &set.warnings {
        super::emit_error(&format!("warning: {warning}\n"));
    }
    if args.check {
        return compare(&args.out, &set.files);
    }
    let mut inputs = vec![args.terms.as_path()];
    inputs.extend(args.templates.as_deref());
    output::write_all_sparing(&args.out, &set.files, args.force, &inputs)?;
    let listing: String =
        set.files.iter().map(|file| format!("{}\n", display_path(&args.out.join(&file.name)))).collect();
    super::emit(&listing);
    Ok(0)
}

/// Compares `dir` with a rendered set, like `rustfmt --check`; returns the exit code. Reads
/// the drafts as `render` would before replacing them: a file it would refuse to replace (a
/// FIFO, a link, a device, an unreadable file) is an error here too.
fn compare(dir: &Path, files: &[OutputFile]) -> Result<i32, Diagnostic> {
    let mut lines = Vec::new();
    if dir.is_dir() {
        let _lock = output::lock_for_reading(dir)?;
        let mut refused = Vec::new();
        for file in files {
            let path = dir.join(&file.name);
            match input::read_regular(&path, input::MAX_DOCUMENT_BYTES, Links::Refuse) {
                Err(Refusal::Missing) => lines.push(format!("missing: {}", display_path(&path))),
                Err(Refusal::TooLarge { .. }) => lines.push(format!("changed: {}", display_path(&path))),
                Err(why) => refused.push(format!("{} ({why})", display_path(&path))),
                Ok(bytes) if bytes != output::stamped(file) => {
                    lines.push(format!("changed: {}", display_path(&path)))
                }
                Ok(_) => {}
            }
        }
        if !refused.is_empty() {
            return Err(Diagnostic::new(format!(
                "cannot compare {} with what the terms produce: {}",
                display_path(dir),
                refused.join(", ")
            ))
            .help("secdraft reads and replaces only regular files: move these out of the way"));
        }
        let extra = input::folder_entries(dir)?.into_iter().filter(|entry| {
            !entry.is_folder
                && entry.path.is_file()
                && !entry.name.starts_with('.')
                && !files.iter().any(|f| f.name == entry.name)
        });
        lines.extend(extra.map(|entry| format!("extra: {}", display_path(&entry.path))));
    } else {
        lines.extend(files.iter().map(|file| format!("missing: {}", display_path(&dir.join(&file.name)))));
    }
    if lines.is_empty() {
        super::emit(&format!("{} matches the terms\n", display_path(dir)));
        Ok(0)
    } else {
        super::emit(&format!("{}\n", lines.join("\n")));
        Ok(1)
    }
}
