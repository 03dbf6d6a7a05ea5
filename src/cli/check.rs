//! `secdraft check TERMS.yaml` and `secdraft check FILE_OR_DIR...`

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use crate::check::{self, Document, Format, Mode, Report, ReportFormat};
use crate::diagnostics::{Diagnostic, display_path};
use crate::{input, pipeline};

/// Check filing text for the errors that cost counsel a corrective amendment.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  secdraft check data/meridian-exchange-commenced.yaml\n  \
                        secdraft check drafts/ --format sarif > check.sarif\n  \
                        secdraft check drafts/press-release.htm --mode draft\n\n\
                        Exit status: 0 with no error-level finding, 1 with one or more, 2 when the input \
                        cannot be read. docs/check.md lists the rules.")]
pub struct CheckArgs {
    /// A terms file (rendered in memory and checked), or .md, .htm/.html and .txt files and
    /// folders of them, checked together as one set.
    #[arg(value_name = "TERMS_OR_FILES", required = true)]
    inputs: Vec<PathBuf>,

    /// `filing` reports placeholders and bracketed notes as errors; `draft` as warnings.
    #[arg(long, value_enum, default_value_t = CliMode::Filing)]
    mode: CliMode,

    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    format: ReportFormat,

    /// A folder of templates overriding the built-in ones (when checking a terms file).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,

    #[command(flatten)]
    set: super::SetArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CliMode {
    Draft,
    Filing,
}

/// Exit code when an error-level finding is reported.
const EXIT_FINDINGS: i32 = 1;

pub fn run(args: &CheckArgs) -> Result<i32, Diagnostic> {
    let mode = if args.mode == CliMode::Draft { Mode::Draft } else { Mode::Filing };
    let is_terms = |p: &Path| p.extension().is_some_and(|e| e == "yaml" || e == "yml");
    let (documents, set) = match args.inputs.as_slice() {
        [one] if is_terms(one) => {
            let set = pipeline::render_file_with(one, args.templates.as_deref(), &args.set.set)?;
            (set.documents(), Some(set))
        }
        inputs => {
            if !args.set.set.is_empty() {
                return Err(Diagnostic::new(
                    "--set changes a terms file; it does not apply to rendered files",
                ));
            }
            if let Some(terms) = inputs.iter().find(|p| is_terms(p)) {
                return Err(Diagnostic::new(format!(
                    "{} is a terms file: check it on its own, or check rendered files",
                    display_path(terms)
                )));
            }
            (read_documents(inputs)?, None)
        }
    };
    let findings = check::check(&documents, mode, set.as_ref().map(|s| s.rendered()));
    let report = Report { findings: &findings, documents: &documents };
    super::emit(&report.render(args.format));
    Ok(if report.errors() > 0 { EXIT_FINDINGS } else { 0 })
}

/// The documents named, and those of the folders named, each read through the one capped
/// reader (regular files only, [`input::MAX_DOCUMENT_BYTES`] each and
/// [`input::MAX_DOCUMENTS_TOTAL_BYTES`] in all).
fn read_documents(inputs: &[PathBuf]) -> Result<Vec<Document>, Diagnostic> {
    let mut files = Vec::new();
    let mut budget = input::DocumentBudget::default();
    for input in inputs {
        if input.is_dir() {
            files.extend(input::read_folder(input, |name| Format::of(name).is_some(), &mut budget)?);
        } else if Format::of(&input.to_string_lossy()).is_none() {
            if std::fs::symlink_metadata(input).is_err() {
                return Err(Diagnostic::new(format!("{} does not exist", display_path(input))));
            }
            return Err(Diagnostic::new(format!(
                "{} is not a file secdraft checks: give .md, .htm, .html or .txt files, folders of them, or a terms file",
                display_path(input)
            )));
        } else {
            files.push((input.clone(), input::read_document(input, &mut budget)?));
        }
    }
    if files.is_empty() {
        return Err(Diagnostic::new("no .md, .htm, .html or .txt files to check"));
    }
    Ok(files
        .into_iter()
        .map(|(path, bytes)| {
            let name = display_path(&path);
            let format = Format::of(&name).unwrap_or(Format::Text);
            Document { name, format, source: String::from_utf8_lossy(&bytes).into_owned() }
        })
        .collect())
}
