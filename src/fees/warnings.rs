//! What counsel should look at in the fee's inputs that does not stop the render.

use crate::terms::{Stage, Terms};

/// Warnings about the fee's inputs: the market value of an exchange offer's shares should be
/// taken within 5 business days before the filing (Rule 0-11(a)(4)).
pub fn warnings(terms: &Terms) -> Vec<String> {
    let mut out = Vec::new();
    // Whether the cash the filer pays with the new securities is deducted from the value of the
    // Shares received is a judgment the exhibit does not make for counsel.
    if terms.stage() != Stage::Intent
        && terms.offer.consideration.as_ref().is_some_and(|c| c.cash_per_share.is_some())
    {
        out.push(
            "offer.consideration.cash_per_share: the fee exhibit values the Shares sought without deducting the cash the Company pays with the new securities; confirm the valuation under Rule 0-11(a)(4)".into(),
        );
    }
    let Some(mv) = terms.fee.as_ref().and_then(|f| f.market_value.as_ref()) else { return out };
    if terms.filing.form.is_amendment() || terms.stage() == Stage::Intent {
        return out;
    }
    let calendar = terms.business_calendar();
    let filed = terms.filing.date.0;
    let business_days_before = mv
        .date
        .0
        .iter_days()
        .skip(1)
        .take_while(|d| *d <= filed)
        .filter(|d| calendar.is_business_day(*d))
        .count();
    if business_days_before > 5 {
        out.push(format!(
            "fee.market_value.date: the prices are from {}, {business_days_before} business days before the filing date {}; Rule 0-11(a)(4) values the shares on a date within 5 business days before filing",
            crate::format::date(mv.date.0),
            crate::format::date(filed)
        ));
    }
    out
}
