//! `secdraft diff OLD [NEW] --out DIR`: blacklines and the changelog.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::diagnostics::{Diagnostic, display_path};
use crate::diff::{self, Side};
use crate::terms::is_terms_file;
use crate::{input, output};

/// Compare two renderings: blacklines per document and a changelog of terms and figures.
#[derive(Debug, Args)]
#[command(after_help = "OLD and NEW are two terms files, two folders of rendered drafts, or two documents. \
                        With --set and no NEW, NEW is OLD with the changes applied.\n\n\
                        Examples:\n  secdraft diff data/ault-alliance-2023-12-13.yaml --set offer.consideration.aggregate_liquidation_preference=30000000 --out blacklines\n  \
                        secdraft diff drafts-v1 drafts-v2 --out blacklines --exit-code\n  \
                        secdraft diff terms-v1.yaml terms-v2.yaml --out blacklines --format htm,docx\n\n\
                        Exit status: 0 when the blacklines were written (with --exit-code, only when nothing \
                        changed), 1 with --exit-code when something changed, 2 when an input or the output \
                        folder is at fault, and then nothing is written.")]
pub struct DiffArgs {
    #[arg(value_name = "OLD")]
    old: PathBuf,

    #[arg(value_name = "NEW")]
    new: Option<PathBuf>,

    /// The folder for the blacklines (DOCUMENT-blackline.htm, DOCUMENT-blackline.docx) and
    /// changes.md.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,

    /// The forms of the blacklines, a comma-separated list of htm and docx, e.g. --format
    /// htm,docx. docx: Word tracked changes (by "secdraft", dated
    /// 2000-01-01) to accept or reject, for Markdown documents (others keep the htm one).
    #[arg(long, value_enum, value_name = "LIST", value_delimiter = ',', default_value = "htm")]
    format: Vec<BlacklineFormat>,

    /// Exit 1 when anything differs, as `git diff --exit-code`.
    #[arg(long)]
    exit_code: bool,

    /// Overwrite files in --out edited by hand since secdraft wrote them.
    #[arg(long)]
    force: bool,

    /// A folder of templates overriding the built-in ones (for terms files).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,

    /// Changes applied to NEW (or to OLD, to make NEW, when NEW is not given).
    #[command(flatten)]
    set: super::SetArgs,
}

/// A form a blackline is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BlacklineFormat {
    /// `<document>-blackline.htm`: insertions underlined, deletions struck through.
    Htm,
    /// `<document>-blackline.docx`: insertions and deletions as Word tracked changes.
    Docx,
}

pub fn run(args: &DiffArgs) -> Result<i32, Diagnostic> {
    if std::iter::once(&args.old).chain(args.new.as_ref()).any(|p| input::is_stdin(p)) {
        return Err(Diagnostic::new(
            "diff compares files and folders; it does not read standard input (`-`)",
        )
        .help("save the text to a file and name it (a file named `-` is `./-`)"));
    }
    let templates = args.templates.as_deref();
    let overrides = &args.set.set;
    // One budget for both sides: they are held in memory together.
    let mut budget = input::DocumentBudget::default();
    let (old, new) = match &args.new {
        None if is_terms_file(&args.old) => {
            if overrides.is_empty() {
                return Err(Diagnostic::new("give NEW, or --set changes to compare OLD with"));
            }
            (Side::of_terms(&args.old, templates, &[])?, Side::of_terms(&args.old, templates, overrides)?)
        }
        None => return Err(Diagnostic::new("give NEW: two terms files, two folders or two documents")),
        Some(new) if is_terms_file(&args.old) && is_terms_file(new) => {
            (Side::of_terms(&args.old, templates, &[])?, Side::of_terms(new, templates, overrides)?)
        }
        Some(_) if !overrides.is_empty() => {
            return Err(Diagnostic::new(
                "--set changes terms files; OLD and NEW here are not both terms files",
            ));
        }
        Some(new) if args.old.is_dir() && new.is_dir() => {
            (Side::of_folder(&args.old, &mut budget)?, Side::of_folder(new, &mut budget)?)
        }
        // Anything else that is not a folder is read as a document, and refused if it is not
        // one (a FIFO, a device), with what it is.
        Some(new)
            if !args.old.is_dir() && !new.is_dir() && !is_terms_file(&args.old) && !is_terms_file(new) =>
        {
            // The two documents pair under NEW's name, which names the blackline.
            let name = new.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            (Side::of_document(&args.old, &name, &mut budget)?, Side::of_document(new, &name, &mut budget)?)
        }
        Some(new) => {
            return Err(Diagnostic::new(format!(
                "compare like with like: {} and {} are not two terms files, two folders or two documents",
                display_path(&args.old),
                display_path(new)
            )));
        }
    };
    let formats = diff::BlacklineFormats {
        html: args.format.contains(&BlacklineFormat::Htm),
        docx: args.format.contains(&BlacklineFormat::Docx),
    };
    let comparison = diff::compare_as(&old, &new, formats)?;
    let mut inputs = vec![args.old.as_path()];
    inputs.extend(args.new.as_deref());
    inputs.extend(templates);
    output::write_all_sparing(&args.out, &comparison.files, args.force, &inputs)?;
    let mut out = String::new();
    for (name, changes) in &comparison.summary {
        match changes {
            Some(n) => out.push_str(&format!("{name}: {n} change{}\n", if *n == 1 { "" } else { "s" })),
            None => out.push_str(&format!("{name}: on one side only\n")),
        }
    }
    out.push_str(&format!("wrote {} files to {}\n", comparison.files.len(), display_path(&args.out)));
    crate::console::emit_written(&out);
    Ok(if args.exit_code && comparison.changed { 1 } else { 0 })
}
