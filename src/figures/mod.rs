//! The figure engine: every number the documents print that is not typed in the terms is
//! computed here, exactly, with its name, its formula in words and its inputs, so that a
//! tie-out can trace each printed figure back to the terms file.
//!
//! Which figures exist depends on the offer: an exchange offer has the eight of the seed
//! (effective price, premium, dividend figures, ratio, new shares, aggregate); a cash offer
//! its price, premium and aggregate; a Dutch auction its range; the results stage adds the
//! count, the proration and what was paid or issued.

mod allocation;
mod cash;
mod exchange;
mod fee;
mod identity;
mod income;
mod notes;
mod results;

pub use crate::terms::{MAX_PRICE_POINTS, price_points};
pub use allocation::{Allocation, Tender, allocate, clearing_price};
pub use exchange::Ratio;
pub use identity::{FigureId, UnitKind};
pub use results::{Outcome, minimum_required, odd_lot_priority_applies, outcome, whole_lot};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::format;
use crate::terms::{OfferKind, PercentPlaces, Stage, Terms};

/// What a figure measures, which decides how it is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Unit {
    /// Dollars per share: the decimals it needs, at least two ($0.25, $0.0325, $22.00).
    Money,
    /// Dollars derived from a share count, printed to the dollar ($15,000,000).
    Aggregate,
    /// A fraction printed as a percentage at the given places (2.0120... prints as 201%).
    Percent { places: u32 },
    /// A whole number of shares.
    Shares,
    /// Shares of the subject class given for one new share.
    ExchangeRatio,
    /// A plain count.
    Count,
    /// Dollars to the cent, as fee tables print them ($3,452.50).
    Cents,
    /// A rate printed as the exact decimal it is (0.0001381).
    Rate,
}

/// Where an input of a figure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A field of the terms file, by path.
    Terms(String),
    /// Another figure.
    Figure(FigureId),
    /// A table of data secdraft carries, such as the fee rates of data/fee-rates.yaml.
    Table(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Input {
    pub source: Source,
    pub value: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub id: FigureId,
    pub formula: &'static str,
    pub inputs: Vec<Input>,
    pub value: Decimal,
    /// How it prints: the unit of its identity, at the precision the terms give.
    pub unit: Unit,
    /// An exchange ratio's exact terms, which its decimal value may have rounded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exact_ratio: Option<Ratio>,
}

/// A figure as its computation states it; [`Figures::push`] gives it the unit of its identity.
pub(crate) struct Computed {
    pub id: FigureId,
    pub formula: &'static str,
    pub inputs: Vec<Input>,
    pub value: Decimal,
}

impl Computed {
    /// An input drawn from this figure.
    fn as_input(&self) -> Input {
        Input { source: Source::Figure(self.id), value: self.value }
    }
}

impl Figure {
    /// The name templates, JSON and the tie-out use.
    pub fn name(&self) -> &'static str {
        self.id.name()
    }

    /// The figure in words.
    pub fn label(&self) -> &'static str {
        self.id.label()
    }

    /// The figure as the documents print it, or why it cannot be printed (a percentage
    /// beyond what a decimal holds, or more places than can be printed).
    pub fn try_display(&self) -> Result<String, format::FormatError> {
        if let (Unit::ExchangeRatio, Some(ratio)) = (self.unit, self.exact_ratio) {
            return Ok(ratio.display());
        }
        print(self.unit, self.value)
    }

    /// The figure as the documents print it. [`compute`] refuses terms whose figures do not
    /// print, so every figure it returns prints; a figure built by hand that does not shows
    /// its exact value rather than nothing.
    pub fn display(&self) -> String {
        self.try_display().unwrap_or_else(|_| self.value.normalize().to_string())
    }

    /// An input drawn from another figure.
    pub fn as_input(&self) -> Input {
        Input { source: Source::Figure(self.id), value: self.value }
    }
}

/// A value printed in a unit, as the documents print figures.
pub fn print(unit: Unit, value: Decimal) -> Result<String, format::FormatError> {
    Ok(match unit {
        Unit::Money => format::money(value),
        Unit::Aggregate => format::dollars(value),
        Unit::Percent { places } => format::percent(value, places)?,
        Unit::Shares | Unit::Count => format::shares(value).unwrap_or_else(|| value.to_string()),
        Unit::ExchangeRatio => format::ratio(value),
        Unit::Cents => format::cents(value),
        Unit::Rate => value.normalize().to_string(),
    })
}

/// A figure's name in words, for changelogs and tie-out sheets: the label of its identity.
pub fn label(name: &str) -> &'static str {
    FigureId::named(name).map_or("Figure", FigureId::label)
}

/// The figures of one filing, in the order a reader meets them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figures {
    items: Vec<Figure>,
    places: PercentPlaces,
}

impl Figures {
    fn new(places: &PercentPlaces) -> Figures {
        Figures { items: Vec::new(), places: places.clone() }
    }
    pub fn all(&self) -> &[Figure] {
        &self.items
    }
    pub fn get(&self, name: &str) -> Option<&Figure> {
        self.items.iter().find(|f| f.name() == name)
    }
    pub fn of(&self, id: FigureId) -> Option<&Figure> {
        self.items.iter().find(|f| f.id == id)
    }
    pub fn value(&self, name: &str) -> Option<Decimal> {
        self.get(name).map(|f| f.value)
    }
    /// The terms field a figure is first computed from, through the figures it derives from:
    /// the field to fix when the figure cannot be printed.
    fn terms_field(&self, figure: &Figure) -> String {
        let mut pending = vec![figure];
        let mut seen = 0;
        while let Some(f) = pending.pop() {
            // Figures derive only from figures pushed before them, so this ends; the bound
            // keeps it finite whatever a figure names.
            seen += 1;
            if seen > self.items.len() + 1 {
                break;
            }
            for input in f.inputs.iter().rev() {
                match &input.source {
                    Source::Terms(path) => return path.clone(),
                    Source::Figure(id) => pending.extend(self.of(*id)),
                    Source::Table(_) => {}
                }
            }
        }
        "offer".to_owned()
    }

    /// The figures with each terms field they read renamed by `rename`: a class's figures,
    /// computed as if it were the first class, read its own fields.
    pub fn with_terms_paths(mut self, rename: impl Fn(&str) -> String) -> Figures {
        for input in self.items.iter_mut().flat_map(|f| f.inputs.iter_mut()) {
            if let Source::Terms(path) = &mut input.source {
                *path = rename(path);
            }
        }
        self
    }

    fn push(&mut self, computed: Computed) -> &Figure {
        let Computed { id, formula, inputs, value } = computed;
        self.items.push(Figure {
            id,
            formula,
            inputs,
            value,
            unit: id.unit(&self.places),
            exact_ratio: None,
        });
        self.items.last().expect("just pushed")
    }

    /// Pushes an exchange ratio with its exact terms.
    fn push_ratio(&mut self, computed: Computed, ratio: Ratio) {
        self.push(computed);
        if let Some(last) = self.items.last_mut() {
            last.exact_ratio = Some(ratio);
        }
    }
}

/// A set of terms whose figures cannot be computed; `field` is the terms field to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureError {
    pub field: String,
    pub message: String,
}

impl FigureError {
    fn new(field: impl Into<String>, message: impl Into<String>) -> FigureError {
        FigureError { field: field.into(), message: message.into() }
    }
}

impl std::fmt::Display for FigureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for FigureError {}

/// The figures of `amended`, the terms as amended through amendment `through` (0: as first
/// made), for an offer of `kind`. `terms` is the whole file: inputs name the field of the
/// latest amendment that set them.
pub fn compute(
    terms: &Terms,
    amended: &Terms,
    through: u32,
    kind: OfferKind,
) -> Result<Figures, FigureError> {
    compute_with(terms, amended, through, kind, true)
}

/// The figures of one class of an offer for several classes, `view` the offer for that class
/// alone ([`Terms::class_view`]) and `amended` the same with its amendments through `through`
/// applied: every figure but the fee, which the offer pays once on the valuation of all its
/// classes (the first class's figures hold it).
pub fn compute_class(
    view: &Terms,
    amended: &Terms,
    through: u32,
    kind: OfferKind,
) -> Result<Figures, FigureError> {
    compute_with(view, amended, through, kind, false)
}

fn compute_with(
    terms: &Terms,
    amended: &Terms,
    through: u32,
    kind: OfferKind,
    with_fee: bool,
) -> Result<Figures, FigureError> {
    let sources = Sources { terms, through };
    let t = amended;
    let mut figures = Figures::new(&t.presentation.percent_places);
    // Notes are sought by principal amount: none of the figures of shares below applies.
    if let Some(notes) = &t.security.notes {
        notes::fixed(t, notes, &sources, &mut figures)?;
        if terms.stage() == Stage::Results {
            notes::results(t, notes, &sources, &mut figures)?;
        }
        if with_fee && terms.stage() != Stage::Intent {
            fee::compute(terms, t, kind, &sources, &mut figures)?;
        }
        return printable(figures);
    }
    let sought = match kind {
        OfferKind::Exchange => exchange::compute(t, &sources, &mut figures)?,
        OfferKind::Cash => cash::fixed(t, &sources, &mut figures)?,
        OfferKind::DutchAuction => cash::auction(t, &sources, &mut figures)?,
    };
    common(t, &sources, &mut figures, sought)?;
    results::minimum(t, &sources, &mut figures)?;
    if terms.stage() == Stage::Results {
        results::compute(t, kind, &sources, &mut figures)?;
    }
    if with_fee && terms.stage() != Stage::Intent {
        fee::compute(terms, t, kind, &sources, &mut figures)?;
    }
    printable(figures)
}

/// The figures, once each is known to print.
fn printable(figures: Figures) -> Result<Figures, FigureError> {
    for figure in figures.all() {
        if let Err(why) = figure.try_display() {
            return Err(FigureError::new(
                figures.terms_field(figure),
                format!("{} cannot be printed: {why}", figure.label().to_lowercase()),
            ));
        }
    }
    Ok(figures)
}

/// Figures every offer has when the terms give what they need.
/// `sought` is the maximum number of shares sought, as given or as computed.
fn common(t: &Terms, sources: &Sources, figures: &mut Figures, sought: Input) -> Result<(), FigureError> {
    let Some(outstanding) = t.security.shares_outstanding else { return Ok(()) };
    let outstanding_input = sources.input("security.shares_outstanding", None, outstanding.decimal());
    let allowance = (outstanding.decimal() * Decimal::new(2, 2)).floor();
    figures.push(Computed {
        id: FigureId::TwoPercentAllowance,
        formula: "2% of the shares outstanding, rounded down: what may be accepted beyond the maximum without extending the offer",
        inputs: vec![outstanding_input.clone()],
        value: allowance,
    });
    figures.push(Computed {
        id: FigureId::PercentOfOutstanding,
        formula: "maximum shares sought / shares outstanding",
        value: div(sought.value, outstanding.decimal(), "security.shares_outstanding")?,
        inputs: vec![sought, outstanding_input],
    });
    Ok(())
}

/// Names the terms field each input is read from: the base field, or the change of the
/// latest amendment (up to the one in force) that replaced it.
pub(crate) struct Sources<'a> {
    terms: &'a Terms,
    through: u32,
}

impl Sources<'_> {
    /// `base` is the field's path in the offer as first made; `change` the path under
    /// `changes` that replaces it, if amendments may (its first part names the change:
    /// `closing_price.price`).
    fn path(&self, base: &str, change: Option<&str>) -> String {
        if let Some(change) = change {
            let field = change.split('.').next().unwrap_or(change);
            let latest = self
                .terms
                .amendments
                .iter()
                .enumerate()
                .rfind(|(_, a)| a.number <= self.through && a.changes.fields_set().contains(&field));
            if let Some((i, _)) = latest {
                return format!("amendments[{i}].changes.{change}");
            }
        }
        base.to_owned()
    }

    fn input(&self, base: &str, change: Option<&str>, value: Decimal) -> Input {
        Input { source: Source::Terms(self.path(base, change)), value }
    }
}

fn too_large(field: &str) -> FigureError {
    FigureError::new(field, "the figures computed from this value exceed what can be held exactly")
}

fn div(a: Decimal, b: Decimal, field: &str) -> Result<Decimal, FigureError> {
    a.checked_div(b).ok_or_else(|| too_large(field))
}

fn mul(a: Decimal, b: Decimal, field: &str) -> Result<Decimal, FigureError> {
    a.checked_mul(b).ok_or_else(|| too_large(field))
}

fn premium(price: Decimal, closing: Decimal, field: &str) -> Result<Decimal, FigureError> {
    Ok(div(price, closing, field)? - Decimal::ONE)
}

/// Rounds down to a whole number: share counts never round up.
fn floor(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(0, RoundingStrategy::ToNegativeInfinity)
}
