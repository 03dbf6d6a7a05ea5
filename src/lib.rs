//! secdraft renders the SEC filing drafts of a tender or exchange offer from one YAML terms
//! file, every figure computed from the terms. The command line is one user of this library;
//! the four steps it runs are here for any other:
//!
//! ```
//! use std::path::Path;
//!
//! // Load and validate the terms: an error names the file, field, line and column.
//! let loaded = secdraft::load(Path::new("data/ault-alliance-2023-12-13.yaml"))?;
//! // Derive the filing once: stage, kind of offer, terms in force, timetable, figures.
//! let filing = secdraft::build(loaded)?;
//! assert_eq!(filing.figures.get("premium").map(|f| f.display()).as_deref(), Some("201%"));
//! // Render its documents (Markdown and EDGAR HTML), with the ledger of printed figures.
//! let set = secdraft::render(filing)?;
//! assert!(set.files.iter().any(|f| f.name == "press-release.htm"));
//! // Check the set as `secdraft check` would.
//! let errors = secdraft::check(&set, secdraft::check::Mode::Filing)
//!     .into_iter()
//!     .filter(|f| f.severity == secdraft::check::Severity::Error)
//!     .count();
//! assert_eq!(errors, 0);
//! # Ok::<(), secdraft::Diagnostic>(())
//! ```
//!
//! The stages, one module each: [`terms`] (load, validate) -> [`filing`] (derive once: the
//! [`timetable`], the [`figures`] with the [`fees`]) -> [`render`](mod@render) (Tera templates to Markdown,
//! and the fee exhibit's XHTML, recording each printed figure in a ledger) -> [`html`]
//! (Markdown to EDGAR HTML; [`docx`] the same Markdown to Word when asked) -> [`output`] (write
//! all at once); [`pipeline`] runs them in order and [`cli`] is the command line, arguments to
//! one library call to what it prints.
//!
//! Beside the stages, each module owns one concern: [`calendar`] business days, [`timetable`]
//! the dates the tender offer rules derive for an offer, [`fees`] the filing fee (its rate
//! table, arithmetic, warnings and exhibit view), [`input`] capped reading of files and
//! folders, [`text`] documents as text, [`check`](mod@check) the checks on filing text, [`tieout`] the
//! tie-out sheet from the ledger, [`preview`] a document's HTML with each figure's trace and
//! each finding beside its text, [`changes`] what changed between two versions of an offer,
//! [`diff`] blacklines and the changelog, [`format`](mod@format) how values print, [`console`]
//! the terminal. Lower modules never call up: the calendar knows no terms, the timetable reads
//! the terms through a [`timetable::Schedule`], fees know no figures.

use std::path::Path;

pub mod calendar;
pub mod changes;
pub mod check;
pub mod cli;
pub mod console;
pub mod diagnostics;
pub mod diff;
pub mod docx;
pub mod fees;
pub mod figures;
pub mod filing;
pub mod format;
pub mod html;
pub mod input;
pub mod merge;
pub mod output;
pub mod pipeline;
pub mod preview;
pub mod render;
pub mod terms;
pub mod text;
pub mod tieout;
pub mod timetable;

pub use diagnostics::Diagnostic;
pub use filing::Filing;
pub use pipeline::RenderedSet;
pub use terms::LoadedTerms;

/// Loads and validates a terms file.
pub fn load(path: &Path) -> Result<LoadedTerms, terms::LoadError> {
    terms::load(path)
}

/// Derives the filing of loaded terms: everything the documents print that the terms do not
/// state.
pub fn build(loaded: LoadedTerms) -> Result<Filing, Diagnostic> {
    Filing::build(loaded)
}

/// Renders a filing's set with the built-in templates of its stage.
pub fn render(filing: Filing) -> Result<RenderedSet, Diagnostic> {
    pipeline::render_embedded(filing)
}

/// Checks a set secdraft rendered, reading its ledger of printed figures as well as its text.
pub fn check(set: &RenderedSet, mode: check::Mode) -> Vec<check::Finding> {
    check::check(&set.documents(), mode, Some(set.rendered()))
}
