//! The filing: everything derived from a terms file once, before any document is rendered.
//!
//! Which filing of the offer's life this is, what kind of offer, the terms in force and as
//! they stood before the latest amendment, the offer's timetable, and the figures now and
//! before. Rendering, the tie-out, `check` and `diff` all read it; none derives it again.

use crate::diagnostics::Diagnostic;
use crate::figures::{self, FigureError, Figures};
use crate::terms::{Date, LoadedTerms, OfferKind, Stage, Terms};
use crate::timetable::{DateError, OfferDates};

#[derive(Debug, Clone)]
pub struct Filing {
    /// The terms file as written, with the map that places each field.
    pub loaded: LoadedTerms,
    pub stage: Stage,
    pub kind: OfferKind,
    /// The filing's amendment number; 0 for a filing that is not an amendment.
    pub amendment: u32,
    /// The terms in force: every amendment up to the filing's own applied.
    pub in_force: Terms,
    /// On an amendment, the terms as they stood before it.
    pub before: Option<Terms>,
    /// The dates the rules derive for a commenced offer; `None` before commencement.
    pub timetable: Option<OfferDates>,
    /// The figures of the terms in force.
    pub figures: Figures,
    /// On an amendment, the figures before it, which it prints beside those that replace them.
    pub figures_before: Option<Figures>,
}

/// What a filing derives, before it is tied to the file it came from.
struct Derived {
    stage: Stage,
    kind: OfferKind,
    amendment: u32,
    in_force: Terms,
    before: Option<Terms>,
    timetable: Option<OfferDates>,
    figures: Figures,
    figures_before: Option<Figures>,
}

impl Filing {
    /// Derives the filing of validated terms. A figure that cannot be computed or printed is
    /// an error placed at the terms field to fix.
    pub fn build(loaded: LoadedTerms) -> Result<Filing, Diagnostic> {
        let derived =
            derive(&loaded.terms).map_err(|e| loaded.error_with_help(&e.field, e.message, e.help))?;
        let Derived { stage, kind, amendment, in_force, before, timetable, figures, figures_before } =
            derived;
        Ok(Filing { loaded, stage, kind, amendment, in_force, before, timetable, figures, figures_before })
    }

    /// The figures of terms in force, for callers that hold terms without their file (tests,
    /// benchmarks, the fuzzers).
    pub fn figures_of(terms: &Terms) -> Result<Figures, FilingError> {
        derive(terms).map(|d| d.figures)
    }

    /// The whole terms file, every amendment listed.
    pub fn terms(&self) -> &Terms {
        &self.loaded.terms
    }
}

fn derive(terms: &Terms) -> Result<Derived, FilingError> {
    let stage = terms.stage();
    let timetable = OfferDates::compute(terms, &terms.business_calendar())?;
    // An offer whose terms give no expiration expires as early as Rule 14e-1(a) allows: the
    // terms in force (and before an amendment) state that date, as if the terms had given it.
    let completed;
    let terms = match (&timetable, terms.dates.expiration) {
        (Some(dates), None) => {
            let mut with_expiration = terms.clone();
            with_expiration.dates.expiration = Some(Date(dates.earliest_expiration));
            completed = with_expiration;
            &completed
        }
        _ => terms,
    };
    let amendment = terms.filing.amendment.unwrap_or(0);
    let in_force = terms.amended_through(amendment);
    // Validation has refused terms that state more than one kind of consideration.
    let kind = in_force.kind();
    let figures = figures::compute(terms, &in_force, amendment, kind);
    // An amendment prints beside its figures those it replaces, so they must compute too;
    // their error is theirs, placed at the field it names.
    let (before, figures_before) = match amendment.checked_sub(1) {
        Some(previous) => {
            let before = terms.amended_through(previous);
            let figures_before =
                figures::compute(terms, &before, previous, kind).map_err(|e| FilingError {
                    field: e.field,
                    message: format!("before Amendment No. {amendment}: {}", e.message),
                    help: String::new(),
                })?;
            (Some(before), Some(figures_before))
        }
        None => (None, None),
    };
    let figures = figures?;
    Ok(Derived { stage, kind, amendment, in_force, before, timetable, figures, figures_before })
}

/// Terms whose filing cannot be derived: `field` is the terms field to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilingError {
    pub field: String,
    pub message: String,
    /// How to fix it; empty when the message says it all.
    pub help: String,
}

impl std::fmt::Display for FilingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for FilingError {}

impl From<FigureError> for FilingError {
    fn from(e: FigureError) -> FilingError {
        FilingError { field: e.field, message: e.message, help: String::new() }
    }
}

impl From<DateError> for FilingError {
    fn from(e: DateError) -> FilingError {
        FilingError { field: e.field, message: e.message, help: e.help }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_error_keeps_its_help_on_the_way_to_the_diagnostic() {
        let error =
            DateError { field: "dates.expiration".into(), message: "too early".into(), help: "later".into() };
        assert_eq!(FilingError::from(error).help, "later");
    }
}
