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
mod results;

pub use crate::terms::{MAX_PRICE_POINTS, price_points};
pub use allocation::{Allocation, Tender, allocate, clearing_price};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::format;
use crate::terms::{OfferKind, Stage, Terms};

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
    /// Another figure, by name.
    Figure(&'static str),
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
    pub name: &'static str,
    pub formula: &'static str,
    pub inputs: Vec<Input>,
    pub value: Decimal,
    pub unit: Unit,
}

impl Figure {
    /// The figure as the documents print it, or why it cannot be printed (a percentage
    /// beyond what a decimal holds, or more places than can be printed).
    pub fn try_display(&self) -> Result<String, format::FormatError> {
        Ok(match self.unit {
            Unit::Money => format::money(self.value),
            Unit::Aggregate => format::dollars(self.value),
            Unit::Percent { places } => format::percent(self.value, places)?,
            Unit::Shares | Unit::Count => {
                format::shares(self.value).unwrap_or_else(|| self.value.to_string())
            }
            Unit::ExchangeRatio => format::ratio(self.value),
            Unit::Cents => format::cents(self.value),
            Unit::Rate => self.value.normalize().to_string(),
        })
    }

    /// The figure as the documents print it. [`compute`] refuses terms whose figures do not
    /// print, so every figure it returns prints; a figure built by hand that does not shows
    /// its exact value rather than nothing.
    pub fn display(&self) -> String {
        self.try_display().unwrap_or_else(|_| self.value.normalize().to_string())
    }

    /// An input drawn from another figure.
    pub fn as_input(&self) -> Input {
        Input { source: Source::Figure(self.name), value: self.value }
    }
}

/// A figure's name in words, for changelogs and tie-out sheets.
pub fn label(name: &str) -> &'static str {
    match name {
        "effective_price" => "Effective price per share",
        "premium" => "Premium over the closing price",
        "annual_dividend" => "Annual dividend per common share equivalent",
        "dividend_yield" => "Annual dividend as a percentage of the closing price",
        "total_premium" => "First-year premium (price plus dividends)",
        "exchange_ratio" => "Exchange ratio",
        "max_new_shares" => "Maximum new shares issuable",
        "aggregate_liquidation_preference" => "Aggregate liquidation preference",
        "purchase_price" => "Purchase price per share",
        "aggregate_purchase_price" => "Aggregate purchase price",
        "price_points" => "Prices in the range",
        "premium_at_min_price" => "Premium at the minimum price",
        "premium_at_max_price" => "Premium at the maximum price",
        "aggregate_at_max_price" => "Aggregate cost at the maximum price",
        "aggregate_at_min_price" => "Aggregate cost at the minimum price",
        "shares_at_min_price" => "Shares purchasable at the minimum price",
        "shares_at_max_price" => "Shares purchasable at the maximum price",
        "two_percent_allowance" => "2% allowance",
        "percent_of_outstanding" => "Shares sought as a percentage of those outstanding",
        "tendered_at_or_below_price" => "Shares tendered at or below the purchase price",
        "shares_purchasable" => "Shares purchasable",
        "shares_accepted" => "Shares accepted",
        "proration_factor" => "Proration factor",
        "new_shares_issued" => "New shares issued",
        "aggregate_paid" => "Aggregate paid",
        "shares_outstanding_after" => "Shares outstanding after the offer",
        "transaction_valuation" => "Transaction valuation",
        "fee_rate" => "Fee rate",
        "filing_fee" => "Amount of filing fee",
        "fees_previously_paid" => "Fees previously paid",
        "fee_offsets" => "Fee offsets",
        "net_fee_due" => "Net fee due",
        _ => "Figure",
    }
}

/// The figures of one filing, in the order a reader meets them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figures {
    items: Vec<Figure>,
}

impl Figures {
    pub fn all(&self) -> &[Figure] {
        &self.items
    }
    pub fn get(&self, name: &str) -> Option<&Figure> {
        self.items.iter().find(|f| f.name == name)
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
                    Source::Figure(name) => pending.extend(self.get(name)),
                    Source::Table(_) => {}
                }
            }
        }
        "offer".to_owned()
    }

    fn push(&mut self, figure: Figure) -> &Figure {
        self.items.push(figure);
        self.items.last().expect("just pushed")
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

/// The figures of the terms in force for the filing (every amendment up to its number).
/// An amendment prints beside its figures those it replaces, so the figures before it must
/// compute too; their error is theirs, placed at the field it names.
pub fn compute(terms: &Terms) -> Result<Figures, FigureError> {
    let through = terms.filing.amendment.unwrap_or(0);
    if let Some(before) = through.checked_sub(1) {
        compute_through(terms, before).map_err(|e| FigureError {
            message: format!("before Amendment No. {through}: {}", e.message),
            ..e
        })?;
    }
    compute_through(terms, through)
}

/// The figures of the terms as amended through amendment `through` (0: as first made).
pub fn compute_through(terms: &Terms, through: u32) -> Result<Figures, FigureError> {
    let sources = Sources { terms, through };
    let t = terms.amended_through(through);
    let mut figures = Figures::default();
    let sought = match t.kind() {
        OfferKind::Exchange => exchange::compute(&t, &sources, &mut figures)?,
        OfferKind::Cash => cash::fixed(&t, &sources, &mut figures)?,
        OfferKind::DutchAuction => cash::auction(&t, &sources, &mut figures)?,
    };
    common(&t, &sources, &mut figures, sought)?;
    if terms.stage() == Stage::Results {
        results::compute(&t, &sources, &mut figures)?;
    }
    if terms.stage() != Stage::Intent {
        fee::compute(terms, &t, &sources, &mut figures)?;
    }
    for figure in figures.all() {
        if let Err(why) = figure.try_display() {
            return Err(FigureError::new(
                figures.terms_field(figure),
                format!("{} cannot be printed: {why}", label(figure.name).to_lowercase()),
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
    figures.push(Figure {
        name: "two_percent_allowance",
        formula: "2% of the shares outstanding, rounded down: what may be accepted beyond the maximum without extending the offer",
        inputs: vec![outstanding_input.clone()],
        value: allowance,
        unit: Unit::Shares,
    });
    figures.push(Figure {
        name: "percent_of_outstanding",
        formula: "maximum shares sought / shares outstanding",
        value: div(sought.value, outstanding.decimal(), "security.shares_outstanding")?,
        inputs: vec![sought, outstanding_input],
        unit: Unit::Percent { places: t.presentation.percent_places.of_outstanding.0 },
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
    /// `base` is the field's path in the offer as first made; `change` the name of the
    /// field of `changes` that replaces it, if amendments may.
    fn path(&self, base: &str, change: Option<&str>) -> String {
        if let Some(change) = change {
            let latest = self
                .terms
                .amendments
                .iter()
                .enumerate()
                .rfind(|(_, a)| a.number <= self.through && changed(&a.changes, change));
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

fn changed(changes: &crate::terms::Changes, field: &str) -> bool {
    match field {
        "max_shares" => changes.max_shares.is_some(),
        "min_shares" => changes.min_shares.is_some(),
        "aggregate_liquidation_preference" => changes.aggregate_liquidation_preference.is_some(),
        "block" => changes.block.is_some(),
        "cash_price" => changes.cash_price.is_some(),
        "min_price" => changes.min_price.is_some(),
        "max_price" => changes.max_price.is_some(),
        _ => false,
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
