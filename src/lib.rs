//! secdraft renders the SEC filing drafts of a tender or exchange offer from one YAML terms
//! file. The pipeline, one module per stage:
//!
//! [`terms`] (load, validate) -> [`figures`] (compute) -> [`render`] (Tera to Markdown, and the
//! fee exhibit's XHTML) -> [`html`] (Markdown to EDGAR HTML) -> [`output`] (write atomically);
//! [`pipeline`] runs them in order and [`cli`] is the command line.
//!
//! Beside the stages, each module owns one concern: [`calendar`] business days, [`timetable`]
//! the dates the tender offer rules derive for an offer, [`fees`] the filing fee (its rate
//! table, arithmetic, warnings and exhibit view), [`input`] capped reading of files and
//! folders, [`text`] documents as text, [`check`] the checks on filing text, [`tieout`] the
//! tie-out sheet, [`diff`] blacklines and the changelog, [`format`](mod@format) how values print,
//! [`console`] the terminal. Lower modules never call up: the calendar knows no terms, the
//! timetable reads the terms through a [`timetable::Schedule`], fees know no figures.

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
