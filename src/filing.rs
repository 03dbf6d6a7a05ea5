//! The filing: everything derived from a terms file once, before any document is rendered.
//!
//! Which filing of the offer's life this is, what kind of offer, the terms in force and as
//! they stood before the latest amendment, the offer's timetable, and the figures now and
//! before. Rendering, the tie-out, `check` and `diff` all read it; none derives it again.

use crate::diagnostics::Diagnostic;
use crate::figures::{self, FigureError, Figures};
use crate::terms::{Date, LoadedTerms, OfferKind, SoughtClass, Stage, Terms};
use crate::timetable::{DateError, OfferDates};

/// Whether a set is a draft to circulate or the text to file. A draft carries blank signature
/// lines; the filing a conformed signature ("/s/ Name") of the signatory the terms name. `check`
/// in `draft` mode reports notes to draft as warnings, in `filing` mode as errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    Draft,
    #[default]
    Filing,
}

#[derive(Debug, Clone)]
pub struct Filing {
    /// The terms file as written, with the map that places each field.
    pub loaded: LoadedTerms,
    /// A draft (the default of `render`) or the text to file.
    pub mode: Mode,
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
    /// In an offer for several classes, the figures of each class beside the first
    /// (`offer.other_classes`), in order; `figures` are the first class's and the offer's.
    pub classes: Vec<ClassFigures>,
}

/// The figures of one class of an offer for several classes, beside the first.
#[derive(Debug, Clone)]
pub struct ClassFigures {
    /// The offer for that class alone ([`Terms::class_view`]), its amendments in force.
    pub terms: Terms,
    /// Its figures, each input named by the class's own terms field.
    pub figures: Figures,
    /// On an amendment, the offer for that class as it stood before it, and its figures.
    pub before: Option<Terms>,
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
    classes: Vec<ClassFigures>,
}

impl Filing {
    /// Derives the filing of validated terms. A figure that cannot be computed or printed is
    /// an error placed at the terms field to fix.
    pub fn build(loaded: LoadedTerms) -> Result<Filing, Diagnostic> {
        let derived =
            derive(&loaded.terms).map_err(|e| loaded.error_with_help(&e.field, e.message, e.help))?;
        let Derived { stage, kind, amendment, in_force, before, timetable, figures, figures_before, classes } =
            derived;
        Ok(Filing {
            loaded,
            mode: Mode::Draft,
            stage,
            kind,
            amendment,
            in_force,
            before,
            timetable,
            figures,
            figures_before,
            classes,
        })
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
            // An error an earlier amendment caused is placed at its change; any other is the
            // offer's before this one.
            let figures_before = figures::compute(terms, &before, previous, kind).map_err(|e| {
                let placed = at_the_amendment_that_caused(terms, previous, kind, e);
                if placed.field.starts_with("amendments[") {
                    placed
                } else {
                    FilingError {
                        message: format!("before Amendment No. {amendment}: {}", placed.message),
                        ..placed
                    }
                }
            })?;
            (Some(before), Some(figures_before))
        }
        None => (None, None),
    };
    let figures = figures.map_err(|e| at_the_amendment_that_caused(terms, amendment, kind, e))?;
    let classes = other_classes(terms, amendment, kind)?;
    Ok(Derived { stage, kind, amendment, in_force, before, timetable, figures, figures_before, classes })
}

/// The figures of each class sought beside the first, computed from the offer for that class
/// alone as the first class's are from the whole terms (its amendments through the filing's
/// own applied, and on an amendment as it stood before); an error is placed at the class's
/// own field.
fn other_classes(terms: &Terms, amendment: u32, kind: OfferKind) -> Result<Vec<ClassFigures>, FilingError> {
    (0..terms.offer.other_classes.len())
        .filter_map(|i| terms.class_view(i).map(|view| (i, view)))
        .map(|(i, view)| {
            let rename = |field: &str| SoughtClass::path(i, field);
            let at_class = |e: FilingError| FilingError {
                field: rename(&e.field),
                message: SoughtClass::renamed_in_text(i, &e.message),
                help: e.help,
            };
            let figures_at =
                |through: u32| figures::compute_class(&view, &view.amended_through(through), through, kind);
            // An error the class's amendment caused is placed at that amendment's change to it.
            let figures_through = |through: u32| {
                figures_at(through)
                    .map(|figures| (view.amended_through(through), figures.with_terms_paths(rename)))
                    .map_err(|e| at_class(placed_at_amendment(&view, through, &figures_at, e)))
            };
            let (in_force, figures) = figures_through(amendment)?;
            let (before, figures_before) = match amendment.checked_sub(1) {
                Some(previous) => {
                    let (before, figures) = figures_through(previous).map_err(|e| FilingError {
                        message: format!("before Amendment No. {amendment}: {}", e.message),
                        ..e
                    })?;
                    (Some(before), Some(figures))
                }
                None => (None, None),
            };
            Ok(ClassFigures { terms: in_force, figures, before, figures_before })
        })
        .collect()
}

/// An error in the figures of the terms in force that an amendment caused (the offer as first
/// made computes) is placed at that amendment's change: it is what counsel must fix, and the
/// term the figure engine names may be one the amendment left as it was.
fn at_the_amendment_that_caused(
    terms: &Terms,
    through: u32,
    kind: OfferKind,
    e: figures::FigureError,
) -> FilingError {
    let figures_at = |n: u32| figures::compute(terms, &terms.amended_through(n), n, kind);
    placed_at_amendment(terms, through, &figures_at, e)
}

/// An error in the figures after amendment `through` of `terms` (the whole file, or the offer
/// for one class alone), placed at the change of the first amendment whose figures
/// (`figures_at`) fail, or where the figures name it when those of the offer as first made fail.
fn placed_at_amendment(
    terms: &Terms,
    through: u32,
    figures_at: &dyn Fn(u32) -> Result<Figures, figures::FigureError>,
    e: figures::FigureError,
) -> FilingError {
    let plain =
        |e: figures::FigureError| FilingError { field: e.field, message: e.message, help: String::new() };
    if through == 0 || figures_at(0).is_err() {
        return plain(e);
    }
    let Some((index, amendment, cause)) = terms
        .amendments
        .iter()
        .enumerate()
        .filter(|(_, a)| a.number <= through)
        .find_map(|(index, a)| figures_at(a.number).err().map(|cause| (index, a, cause)))
    else {
        return plain(e);
    };
    // The fee is computed on every class's terms: an error in it may name another class's
    // field, and is placed at that class's change.
    for (n, class) in amendment.other_classes.iter().enumerate() {
        let class_changes = amendment.for_class(n).changes;
        let own = class_changes.fields_set().into_iter().filter(|name| {
            crate::terms::Changes::replaces(name)
                .map(|path| SoughtClass::path(n, path))
                .is_some_and(|path| path.starts_with("offer.other_classes") && cause.field.starts_with(&path))
        });
        if let Some(name) = own.into_iter().next().filter(|_| !class.changes.is_empty()) {
            return FilingError {
                field: format!("amendments[{index}].other_classes[{n}].changes.{name}"),
                message: format!("after Amendment No. {}: {}", amendment.number, cause.message),
                help: String::new(),
            };
        }
    }
    let changed = amendment.changes.fields_set();
    // The change whose term the message names; else the change of a term the figures are
    // computed from, the consideration first; else the amendment's first change.
    const FIGURE_TERMS: [&str; 18] = [
        "max_principal",
        "min_principal",
        "liquidation_preference",
        "principal_amount",
        "aggregate_liquidation_preference",
        "block",
        "designated_values",
        "cash_per_share",
        "max_shares",
        "dividend_rate",
        "interest_rate",
        "cash_price",
        "min_price",
        "max_price",
        "min_shares",
        "min_percent",
        "closing_price",
        "common_stock_closing_price",
    ];
    let name = changed
        .iter()
        .find(|name| crate::terms::Changes::replaces(name).is_some_and(|path| cause.field.starts_with(path)))
        .or_else(|| FIGURE_TERMS.iter().find(|name| changed.contains(name)))
        .or(changed.first());
    FilingError {
        field: match name {
            Some(name) => format!("amendments[{index}].changes.{name}"),
            None => format!("amendments[{index}].changes"),
        },
        message: format!("after Amendment No. {}: {}", amendment.number, cause.message),
        help: String::new(),
    }
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
