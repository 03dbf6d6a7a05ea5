//! `secdraft check TERMS.yaml` and `secdraft check FILE_OR_DIR...`

use std::path::{Path, PathBuf};

use clap::Args;

use crate::check::{self, Mode, Report, ReportFormat};
use crate::diagnostics::{Diagnostic, display_path};
use crate::pipeline;
use crate::terms::is_terms_file;

/// Check filing text for the errors that cost counsel a corrective amendment.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  secdraft check data/meridian-exchange-commenced.yaml\n  \
                        secdraft check drafts/ --format sarif > check.sarif\n  \
                        secdraft check drafts/press-release.htm --mode draft\n\n\
                        Exit status: 0 with no error-level finding, 1 with one or more, 2 when the input \
                        cannot be read. docs/check.md lists the rules.")]
pub struct CheckArgs {
    /// A terms file (rendered in memory and checked), or .md, .htm/.html and .txt files and
    /// folders of them, checked together as one set. `-` reads standard input: a terms file,
    /// or a document when --stdin-name gives it a document's name (e.g. press-release.md).
    #[arg(value_name = "TERMS_OR_FILES", required = true)]
    inputs: Vec<PathBuf>,

    #[command(flatten)]
    stdin: super::StdinArgs,

    /// `filing` reports placeholders and bracketed notes as errors; `draft` as warnings.
    #[arg(long, value_enum, default_value_t = super::ModeArg::Filing)]
    mode: super::ModeArg,

    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    format: ReportFormat,

    /// A folder of templates overriding the built-in ones (when checking a terms file).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,

    #[command(flatten)]
    set: super::SetArgs,
}

/// Renders each terms file in memory and checks its set on its own (the set rules read one
/// filing). With several, each document is named `TERMS#DOCUMENT` in the report, since every
/// set has a `press-release.md`; with one, by its own name, as always.
fn check_terms_files(
    args: &CheckArgs,
    mode: Mode,
) -> Result<(Vec<check::Document>, Vec<check::Finding>), Diagnostic> {
    let several = args.inputs.len() > 1;
    let (mut documents, mut findings) = (Vec::new(), Vec::new());
    for path in &args.inputs {
        let loaded = args.stdin.load_terms(path, &args.set.set).map_err(|e| {
            if crate::input::is_stdin(path) && args.stdin.stdin_name.is_none() {
                e.help("standard input is read as a terms file; to check a document, name it: --stdin-name press-release.md")
            } else {
                e
            }
        })?;
        let terms = display_path(&args.stdin.name_of(path));
        let made_up = check::illustrative_values(&terms, &loaded.source, mode);
        let formats = Some(pipeline::Formats::default());
        let set = pipeline::render_loaded_in(loaded, args.templates.as_deref(), mode, formats)?;
        // What `render` warns of (a fee valuation to confirm), on standard error as there: no
        // rule of the report finds it in the drafts.
        for warning in &set.warnings {
            crate::console::report("warning", &format!("{terms}: {warning}"));
        }
        let mut set_documents = set.documents();
        let mut set_findings = check::check(&set_documents, mode, Some(set.rendered()));
        if several {
            set_documents.iter_mut().for_each(|d| d.name = format!("{terms}#{}", d.name));
            set_findings.iter_mut().for_each(|f| f.file = format!("{terms}#{}", f.file));
        }
        documents.extend(set_documents);
        findings.extend(made_up);
        findings.extend(set_findings);
    }
    Ok((documents, findings))
}

/// Exit code when an error-level finding is reported.
const EXIT_FINDINGS: i32 = 1;

pub fn run(args: &CheckArgs) -> Result<i32, Diagnostic> {
    let mode = Mode::from(args.mode);
    let (documents, findings) = match documents_and_findings(args, mode) {
        Ok(checked) => checked,
        Err(error) => {
            // The formats a CI reads show a finding on its line: an input that does not load is
            // shown there too, at the place its error names, besides the error itself on
            // standard error. The exit status stays 2.
            if matches!(args.format, ReportFormat::Github | ReportFormat::Gitlab | ReportFormat::Sarif)
                && let Some(finding) = input_error(&error)
            {
                let findings = [finding];
                super::emit(&Report { findings: &findings, documents: &[] }.render(args.format));
            }
            return Err(error);
        }
    };
    let report = Report { findings: &findings, documents: &documents };
    super::emit(&report.render_coloured(args.format, crate::console::stdout_colours()));
    Ok(if report.errors() > 0 { EXIT_FINDINGS } else { 0 })
}

/// A located error of an input (the file, line and column its diagnostic names) as a finding of
/// the rule `input-error`; an error that names no place in a file has none.
fn input_error(error: &Diagnostic) -> Option<check::Finding> {
    let origin = error.origin.as_deref()?;
    let text = origin.source.split('\n').nth(origin.line - 1).unwrap_or_default().trim().to_owned();
    Some(check::Finding {
        rule: check::rule::INPUT_ERROR.id,
        severity: check::Severity::Error,
        file: origin.file.clone(),
        line: origin.line,
        column: origin.column,
        message: error.headline(),
        text,
        hint: check::rule::INPUT_ERROR.hint,
    })
}

/// The documents checked and what was found in them: the sets of terms files, rendered in
/// memory, or the files given.
fn documents_and_findings(
    args: &CheckArgs,
    mode: Mode,
) -> Result<(Vec<check::Document>, Vec<check::Finding>), Diagnostic> {
    let is_terms = |path: &PathBuf| {
        if crate::input::is_stdin(path) {
            // Standard input is terms unless --stdin-name names a document.
            args.stdin
                .stdin_name
                .as_ref()
                .is_none_or(|name| check::Format::of(&name.to_string_lossy()).is_none())
        } else {
            is_terms_file(path)
        }
    };
    if args.inputs.iter().filter(|p| crate::input::is_stdin(p)).count() > 1 {
        return Err(Diagnostic::new("standard input (`-`) can be read only once: give it once"));
    }
    // The same file twice would report each of its findings twice and count it as two files.
    let mut seen = std::collections::BTreeSet::new();
    for path in args.inputs.iter().filter(|p| !crate::input::is_stdin(p)) {
        let same = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        if !seen.insert(same) {
            return Err(Diagnostic::new(format!(
                "{} is given twice: give each file once",
                display_path(path)
            )));
        }
    }
    if args.inputs.iter().all(is_terms) {
        check_terms_files(args, mode)
    } else {
        if !args.set.set.is_empty() {
            return Err(Diagnostic::new("--set changes a terms file; it does not apply to rendered files"));
        }
        if let Some(terms) = args.inputs.iter().find(|p| is_terms(p)) {
            return Err(Diagnostic::new(format!(
                "{} is a terms file: check terms files on their own, or rendered files",
                display_path(&args.stdin.name_of(terms))
            )));
        }
        let documents = check::read_documents_named(&args.inputs, &args.stdin.name_of(Path::new("-")))?;
        let findings = check::check(&documents, mode, None);
        Ok((documents, findings))
    }
}
