//! `secdraft render TERMS --out DIR`

use std::path::{Path, PathBuf};

use clap::Args;

use crate::diagnostics::{Diagnostic, display_path};
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
            .map_err(|e| Diagnostic::new(format!("the tie-out sheet cannot become HTML: {}", e.message)))?;
        set.files.push(OutputFile { name: "tie-out.md".into(), bytes: sheet.into_bytes() });
        set.files.push(OutputFile { name: "tie-out.htm".into(), bytes: html.into_bytes() });
    }
    for warning in &set.warnings {
        super::emit_error(&format!("warning: {warning}\n"));
    }
    if args.check {
        return Ok(compare(&args.out, &set.files));
    }
    output::write_all(&args.out, &set.files, args.force)?;
    let listing: String =
        set.files.iter().map(|file| format!("{}\n", display_path(&args.out.join(&file.name)))).collect();
    super::emit(&listing);
    Ok(0)
}

/// Compares `dir` with a rendered set, like `rustfmt --check`; returns the exit code.
fn compare(dir: &Path, files: &[OutputFile]) -> i32 {
    let mut lines = Vec::new();
    for file in files {
        let path = dir.join(&file.name);
        match std::fs::read(&path) {
            Err(_) => lines.push(format!("missing: {}", display_path(&path))),
            Ok(bytes) if bytes != output::stamped(file) => {
                lines.push(format!("changed: {}", display_path(&path)))
            }
            Ok(_) => {}
        }
    }
    let mut extra: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| !name.starts_with('.') && !files.iter().any(|f| f.name == *name))
                .collect()
        })
        .unwrap_or_default();
    extra.sort();
    lines.extend(extra.iter().map(|name| format!("extra: {}", display_path(&dir.join(name)))));
    if lines.is_empty() {
        super::emit(&format!("{} matches the terms\n", display_path(dir)));
        0
    } else {
        super::emit(&format!("{}\n", lines.join("\n")));
        1
    }
}
