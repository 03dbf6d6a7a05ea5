//! secdraft renders the SEC filing drafts of a tender or exchange offer from one YAML terms
//! file. The pipeline, one module per stage:
//!
//! [`terms`] (load, validate) -> [`figures`] (compute) -> [`render`] (Tera to Markdown) ->
//! [`html`] (Markdown to EDGAR HTML) -> [`output`] (write atomically); [`pipeline`] runs them
//! in order and [`cli`] is the command line.

pub mod calendar;
pub mod check;
pub mod cli;
pub mod console;
pub mod diagnostics;
pub mod diff;
pub mod fees;
pub mod figures;
pub mod format;
pub mod html;
pub mod input;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod terms;
pub mod text;
pub mod tieout;
pub mod timetable;

pub use diagnostics::Diagnostic;
