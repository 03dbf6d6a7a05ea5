//! The view of the filing fee exhibit (EX-FILING FEES) of a Schedule TO filing: the fee table,
//! its totals and notes, which templates/filing-fees.htm lays out as well-formed XHTML tagged
//! in Inline XBRL with the SEC's ffd taxonomy. Every tagged value is the figure printed beside
//! it: the view holds each amount once, as printed.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::FeeError;
use crate::format;
use crate::terms::{OfferKind, Terms};

/// The name of the filing fee exhibit in a rendered set.
pub const EXHIBIT_FILE: &str = "filing-fees.htm";

/// The fee figures the exhibit prints, as computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeeFigures {
    pub transaction_valuation: Decimal,
    /// Per dollar (0.0001381), as [`super::rate_as_fraction`] gives it.
    pub fee_rate: Decimal,
    pub filing_fee: Decimal,
    pub fees_previously_paid: Decimal,
    pub fee_offsets: Decimal,
    pub net_fee_due: Decimal,
}

impl FeeFigures {
    /// The fee figures by name, from `value`; a figure not computed is an error.
    pub fn from_named(value: impl Fn(&str) -> Option<Decimal>) -> Result<FeeFigures, FeeError> {
        let get = |name: &'static str| value(name).ok_or(FeeError::MissingFigure(name));
        Ok(FeeFigures {
            transaction_valuation: get("transaction_valuation")?,
            fee_rate: get("fee_rate")?,
            filing_fee: get("filing_fee")?,
            fees_previously_paid: get("fees_previously_paid")?,
            fee_offsets: get("fee_offsets")?,
            net_fee_due: get("net_fee_due")?,
        })
    }
}

/// What templates/filing-fees.htm prints. Amounts are as printed without the dollar sign
/// (`5,100,000.00`): the template puts the sign outside the tagged fact.
#[derive(Debug, Clone, Serialize)]
pub struct Exhibit {
    /// The ffd and dei taxonomy year: the filing's, within the versions secdraft knows.
    pub taxonomy_year: i32,
    /// The period of every context: the filing date, `YYYY-MM-DD`.
    pub date: String,
    pub form: &'static str,
    /// Ten digits; zeros while the terms give none.
    pub cik: String,
    pub cik_missing: bool,
    pub issuer: String,
    pub transaction_valuation: String,
    pub fee_rate: String,
    pub filing_fee: String,
    /// Fees paid with an earlier filing: a second line of the fee table when there are any.
    pub previously_paid: Option<String>,
    pub fees_previously_paid: String,
    pub fee_offsets: String,
    pub net_fee_due: String,
    /// The notes to Table 1, in order.
    pub notes: Vec<String>,
    /// Table 2, when offsets are claimed.
    pub offsets: Vec<OffsetRow>,
}

/// One fee offset claimed.
#[derive(Debug, Clone, Serialize)]
pub struct OffsetRow {
    pub form: String,
    pub file_number: String,
    pub filed: String,
    pub amount: String,
}

/// The taxonomy versions secdraft knows: 2022 to 2026.
fn taxonomy_year(date: NaiveDate) -> i32 {
    date.year().clamp(2022, 2026)
}

/// An amount as a tagged fact shows it: the figure's print, less the dollar sign.
fn shown(value: Decimal) -> String {
    format::cents(value).trim_start_matches('$').to_owned()
}

impl Exhibit {
    /// Each figure the exhibit prints, by the figure's name, as printed: for the caller to
    /// record where the figures are printed (the pipeline marks them for its ledger).
    pub fn figures_mut(&mut self) -> Vec<(&'static str, &mut String)> {
        let mut printed = vec![
            ("transaction_valuation", &mut self.transaction_valuation),
            ("fee_rate", &mut self.fee_rate),
            ("filing_fee", &mut self.filing_fee),
            ("fees_previously_paid", &mut self.fees_previously_paid),
            ("fee_offsets", &mut self.fee_offsets),
            ("net_fee_due", &mut self.net_fee_due),
        ];
        printed.extend(self.previously_paid.as_mut().map(|paid| ("fees_previously_paid", paid)));
        printed
    }

    /// The exhibit of a filing: `terms` as written (the filing, the issuer, the offsets),
    /// `in_force` and `kind` as the filing derived them, for the valuation note.
    pub fn new(
        terms: &Terms,
        in_force: &Terms,
        kind: OfferKind,
        figures: &FeeFigures,
    ) -> Result<Exhibit, FeeError> {
        let date = terms.filing.date.0;
        let has_previous = figures.fees_previously_paid > Decimal::ZERO;
        let mut notes = vec![
            valuation_note(in_force, kind)?,
            format!(
                "The amount of the filing fee is calculated in accordance with Rule 0-11 under the Securities Exchange Act of 1934, as amended, at {} per $1,000,000 of the transaction valuation, rounded to the cent.",
                format::cents(figures.fee_rate * Decimal::from(1_000_000))
            ),
        ];
        if has_previous {
            let filed = terms.dates.commencement.ok_or(FeeError::MissingTerm("dates.commencement"))?;
            notes
                .push(format!("Paid in connection with the Schedule TO filed on {}.", format::date(filed.0)));
        }
        let offsets = terms.fee.iter().flat_map(|f| &f.offsets).map(|o| OffsetRow {
            form: o.form.as_str().to_owned(),
            file_number: o.file_number.as_str().to_owned(),
            filed: format::date(o.filed.0),
            amount: format::cents(o.amount.0),
        });
        Ok(Exhibit {
            taxonomy_year: taxonomy_year(date),
            date: date.to_string(),
            form: terms.filing.form.edgar_name(),
            cik: terms
                .issuer
                .cik
                .as_ref()
                .map_or_else(|| "0000000000".to_owned(), |c| format!("{:0>10}", c.as_str().trim())),
            cik_missing: terms.issuer.cik.is_none(),
            issuer: terms.issuer.name.as_str().to_owned(),
            transaction_valuation: shown(figures.transaction_valuation),
            fee_rate: figures.fee_rate.normalize().to_string(),
            filing_fee: shown(figures.filing_fee),
            previously_paid: has_previous.then(|| shown(figures.fees_previously_paid)),
            fees_previously_paid: shown(figures.fees_previously_paid),
            fee_offsets: shown(figures.fee_offsets),
            net_fee_due: shown(figures.net_fee_due),
            notes,
            offsets: offsets.collect(),
        })
    }
}

/// Note (1): how the transaction valuation was estimated, with the computed figures; in an
/// offer for several classes, each class's part.
fn valuation_note(in_force: &Terms, kind: OfferKind) -> Result<String, FeeError> {
    if in_force.offer.other_classes.is_empty() || kind == OfferKind::DutchAuction {
        return one_class_note(in_force, kind);
    }
    let views = std::iter::once(Ok(in_force.clone())).chain(
        (0..in_force.offer.other_classes.len())
            .map(|i| in_force.class_view(i).ok_or(FeeError::MissingTerm("offer.other_classes"))),
    );
    let parts =
        views.map(|view| view.and_then(|view| class_part(&view, kind))).collect::<Result<Vec<_>, _>>()?;
    let (last, rest) = parts.split_last().expect("the first class is always there");
    let list = format!("{}; and {last}", rest.join("; "));
    Ok(match kind {
        OfferKind::Exchange => format!(
            "Estimated solely for the purpose of calculating the filing fee. The transaction valuation is the sum of the values of the shares of each class sought in the offer: {list}, in accordance with Rule 0-11(a)(4) under the Securities Exchange Act of 1934, as amended."
        ),
        _ => format!(
            "Estimated solely for the purpose of calculating the filing fee. The transaction valuation assumes the purchase of {list}."
        ),
    })
}

/// One class's part of the transaction valuation of an offer for several classes, `view` the
/// offer for that class alone.
fn class_part(view: &Terms, kind: OfferKind) -> Result<String, FeeError> {
    let missing = FeeError::MissingTerm;
    let title = format::class_in_text(view.security.title.as_str());
    let sought =
        view.offer.max_shares.and_then(|s| format::shares(s.decimal())).ok_or(missing("offer.max_shares"))?;
    let fee = view.fee.as_ref();
    Ok(match kind {
        OfferKind::Exchange => match fee.and_then(|f| f.market_value.as_ref()) {
            Some(mv) => format!(
                "the market value of the {sought} shares of {title} sought, based on the average of the high ({}) and low ({}) sales prices of the {title} as reported on the {} on {}",
                format::money(mv.high.0),
                format::money(mv.low.0),
                reported_on(view),
                format::date(mv.date.0)
            ),
            None => format!(
                "there being no market for the {title}, the book value of the {sought} shares sought, {} per share",
                format::money(
                    fee.and_then(|f| f.book_value_per_share).ok_or(missing("fee.book_value_per_share"))?.0
                ),
            ),
        },
        _ => format!(
            "{sought} shares of {title} at the purchase price of {} per share in cash",
            format::money(view.offer.cash_price.ok_or(missing("offer.cash_price"))?.0)
        ),
    })
}

/// The market on which the prices of the class sought were reported.
fn reported_on(t: &Terms) -> &str {
    t.security
        .closing_price
        .as_ref()
        .map(|closing| closing.market.as_str())
        .or(t.issuer.exchange.as_ref().map(|e| e.as_str()))
        .unwrap_or("[market on which the prices were reported: to draft]")
}

/// Note (1) of an offer for one class.
fn one_class_note(in_force: &Terms, kind: OfferKind) -> Result<String, FeeError> {
    let missing = FeeError::MissingTerm;
    if let Some(notes) = &in_force.security.notes {
        return notes_note(in_force, notes);
    }
    let title = format::class_in_text(in_force.security.title.as_str());
    let sought = || {
        in_force
            .shares_sought()
            .and_then(|(s, _)| format::shares(s.decimal()))
            .ok_or(missing("offer.max_shares"))
    };
    let fee = in_force.fee.as_ref();
    Ok(match kind {
        OfferKind::Exchange => match fee.and_then(|f| f.market_value.as_ref()) {
            Some(mv) => format!(
                "Estimated solely for the purpose of calculating the filing fee. The transaction valuation is the market value of the {} shares of {title} sought in the offer, based on the average of the high ({}) and low ({}) sales prices of the {title} as reported on the {} on {}, in accordance with Rule 0-11(a)(4) under the Securities Exchange Act of 1934, as amended.",
                sought()?,
                format::money(mv.high.0),
                format::money(mv.low.0),
                reported_on(in_force),
                format::date(mv.date.0)
            ),
            None => format!(
                "Estimated solely for the purpose of calculating the filing fee. There being no market for the {title}, the transaction valuation is their book value, {} per share, times the {} shares sought, in accordance with Rule 0-11(a)(4) under the Securities Exchange Act of 1934, as amended.",
                format::money(fee.and_then(|f| f.book_value_per_share).ok_or(missing("fee.book_value_per_share"))?.0),
                sought()?
            ),
        },
        // An offer for all outstanding shares: the count outstanding, and its date.
        OfferKind::Cash if in_force.offer.all_outstanding => format!(
            "Estimated solely for the purpose of calculating the filing fee. The transaction valuation assumes the purchase of all {} outstanding shares of {title}{} at the offer price of {} per share in cash. [Shares issuable under outstanding equity awards, if included in the transaction valuation: to draft.]",
            sought()?,
            in_force
                .security
                .shares_outstanding_date
                .map(|d| format!(" (as of {})", format::date(d.0)))
                .unwrap_or_default(),
            format::money(in_force.offer.cash_price.ok_or(missing("offer.cash_price"))?.0)
        ),
        OfferKind::Cash => format!(
            "Estimated solely for the purpose of calculating the filing fee. The transaction valuation assumes the purchase of {} shares of {title} at the purchase price of {} per share in cash.",
            sought()?,
            format::money(in_force.offer.cash_price.ok_or(missing("offer.cash_price"))?.0)
        ),
        OfferKind::DutchAuction => match in_force.offer.auction.as_ref() {
            Some(a) if in_force.offer.max_shares.is_some() => format!(
                "Estimated solely for the purpose of calculating the filing fee. The transaction valuation assumes the purchase of {} shares of {title} at the maximum purchase price of {} per share in cash.",
                sought()?,
                format::money(a.max_price.0)
            ),
            _ => "Estimated solely for the purpose of calculating the filing fee. The transaction valuation is the maximum aggregate purchase price of the offer.".to_owned(),
        },
    })
}

/// Note (1) of a cash offer for notes: the principal amount the valuation assumes purchased,
/// at the price for each denomination, and that the interest accrued on it, paid on top of the
/// price, is left out.
fn notes_note(in_force: &Terms, notes: &crate::terms::SoughtNotes) -> Result<String, FeeError> {
    let missing = FeeError::MissingTerm;
    let title = in_force.security.title.as_str();
    let sought = match (in_force.offer.max_principal, notes.principal_outstanding) {
        (Some(max), _) => format!("{} aggregate principal amount of the {title}", format::dollars(max.0)),
        (None, Some(all)) => format!(
            "all {} aggregate principal amount of the {title} outstanding{}",
            format::dollars(all.0),
            notes
                .principal_outstanding_date
                .map_or_else(String::new, |d| format!(" as of {}", format::date(d.0)))
        ),
        (None, None) => return Err(missing("security.notes.principal_outstanding")),
    };
    let price = in_force.offer.cash_price.ok_or(missing("offer.cash_price"))?;
    let interest = if notes.interest_rate.is_some() { ", excluding accrued and unpaid interest" } else { "" };
    Ok(format!(
        "Estimated solely for the purpose of calculating the filing fee. The transaction valuation assumes the purchase of {sought} at the purchase price of {} per {} principal amount in cash{interest}.",
        format::money(price.0),
        format::dollars(notes.denomination.0)
    ))
}
