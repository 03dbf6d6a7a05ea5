//! An offer for the issuer's notes (`security.notes`): what such terms must state, and what
//! of an offer for shares they may not. Drafted so far: the announcement (SC TO-C) and the
//! commencement (SC TO-I) of an issuer tender offer for cash at a fixed price per denomination
//! of principal amount.

use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;
use rust_decimal::Decimal;

use super::loaded::LoadedTerms;
use super::{CoverBox, SoughtNotes, Terms};
use crate::diagnostics::Diagnostic;
use crate::format;

type Check = Result<(), Diagnostic>;

/// An amount of principal as the messages print it: to the dollar when it is whole.
fn principal(value: Decimal) -> String {
    if value.fract().is_zero() { format::dollars(value) } else { format::money(value) }
}

/// Terms that seek notes are refused past the announcement, and terms that give a field of an
/// offer for notes without `security.notes` are refused at that field: checked before the
/// dates, which a commenced offer for notes would otherwise be told to complete first.
pub(super) fn scope(loaded: &LoadedTerms, t: &Terms) -> Check {
    let o = &t.offer;
    if t.security.notes.is_none() {
        let given = [
            ("max_principal", o.max_principal.is_some()),
            ("any_and_all", o.any_and_all),
            ("min_principal", o.min_principal.is_some()),
        ];
        if let Some((name, _)) = given.iter().find(|(_, set)| *set) {
            return Err(loaded
                .error_at(
                    &format!("offer.{name}"),
                    format!("`offer.{name}` is a term of an offer for notes, and the class sought is shares"),
                )
                .help("describe the notes sought in `security.notes`, or state the shares sought in `offer.max_shares`"));
        }
        for (k, a) in t.amendments.iter().enumerate() {
            let given = [
                ("changes.max_principal", a.changes.max_principal.is_some()),
                ("changes.min_principal", a.changes.min_principal.is_some()),
                ("principal_tendered_to_date", a.principal_tendered_to_date.is_some()),
            ];
            if let Some((name, _)) = given.iter().find(|(_, set)| *set) {
                return Err(loaded.error_at(
                    &format!("amendments[{k}].{name}"),
                    "a term of an offer for notes, and the class sought is shares: give the shares (`max_shares`, `min_shares`, `shares_tendered_to_date`)",
                ));
            }
        }
        return Ok(());
    }
    after_commencement(loaded, t)?;
    if t.filing.cover_boxes.contains(&CoverBox::ThirdPartyTenderOffer) {
        return Err(loaded
            .error_at("filing.cover_boxes", "an offer for notes is drafted as the issuer's own tender offer (Rule 13e-4) so far, not a third party's")
            .help("check `issuer_tender_offer` on the cover; a third party's offer for notes not registered under Section 12 is subject to Regulation 14E, not to Regulation 14D"));
    }
    Ok(())
}

/// The amendments and results of an offer for notes speak in principal amount: a change or a
/// count of shares is refused, and so is a cap on an offer for any and all of the notes.
fn after_commencement(loaded: &LoadedTerms, t: &Terms) -> Check {
    for (k, a) in t.amendments.iter().enumerate() {
        let c = &a.changes;
        let shares = [
            ("changes.max_shares", c.max_shares.is_some(), "`changes.max_principal`"),
            ("changes.min_shares", c.min_shares.is_some(), "`changes.min_principal`"),
            ("changes.min_percent", c.min_percent.is_some(), "`changes.min_principal`"),
            ("changes.closing_price", c.closing_price.is_some(), "`other_changes`"),
            ("shares_tendered_to_date", a.shares_tendered_to_date.is_some(), "`principal_tendered_to_date`"),
        ];
        if let Some((name, _, instead)) = shares.iter().find(|(_, set, _)| *set) {
            return Err(loaded.error_at(
                &format!("amendments[{k}].{name}"),
                format!("an offer for notes is stated in principal amount, not shares: give {instead}"),
            ));
        }
        if c.max_principal.is_some() && t.offer.any_and_all {
            return Err(loaded
                .error_at(
                    &format!("amendments[{k}].changes.max_principal"),
                    "the offer is for any and all of the notes: an amendment that caps it changes its terms beyond a new maximum",
                )
                .help("state the cap in `other_changes` and draft the amendment by hand, or make the offer for a maximum from the start"));
        }
    }
    let Some(r) = &t.results else { return Ok(()) };
    let shares = [
        ("odd_lots", r.odd_lots.0 > 0),
        ("additional_accepted", r.additional_accepted.0 > 0),
        ("tenders_by_price", !r.tenders_by_price.is_empty()),
    ];
    if let Some((name, _)) = shares.iter().find(|(_, set)| *set) {
        return Err(loaded.error_at(
            &format!("results.{name}"),
            format!("`{name}` counts shares; the results of an offer for notes give the principal amount tendered (`tendered`, in dollars) and by guaranteed delivery (`guaranteed_delivery`)"),
        ));
    }
    Ok(())
}

/// The amounts after each amendment and in the results are whole denominations within what is
/// outstanding, each error placed at the amendment's change or the count.
pub(super) fn amounts(loaded: &LoadedTerms, t: &Terms) -> Check {
    let Some(notes) = &t.security.notes else { return Ok(()) };
    let denomination = notes.denomination.0;
    let whole = |amount: Decimal| amount.checked_rem(denomination).is_some_and(|r| r.is_zero());
    let outstanding = notes.principal_outstanding.map(|p| p.0);
    let err = |field: &str, message: String| Err(loaded.error_at(field, message));
    let not_whole = |field: &str, amount: Decimal| {
        err(
            field,
            format!(
                "{} is not a whole number of {} denominations (`security.notes.denomination`): notes are tendered in integral multiples of it",
                principal(amount),
                principal(denomination)
            ),
        )
    };
    let above_outstanding = |field: &str, amount: Decimal| -> Check {
        match outstanding {
            Some(outstanding) if amount > outstanding => err(
                field,
                format!(
                    "{} is more than the {} aggregate principal amount outstanding (`security.notes.principal_outstanding`)",
                    principal(amount),
                    principal(outstanding)
                ),
            ),
            _ => Ok(()),
        }
    };
    for (k, a) in t.amendments.iter().enumerate() {
        let amended = t.amended_through(a.number);
        for (name, amount) in
            [("max_principal", a.changes.max_principal), ("min_principal", a.changes.min_principal)]
        {
            let Some(amount) = amount else { continue };
            let field = format!("amendments[{k}].changes.{name}");
            if !whole(amount.0) {
                return not_whole(&field, amount.0);
            }
            above_outstanding(&field, amount.0)?;
        }
        if let (Some(min), Some(max)) = (amended.offer.min_principal, amended.offer.max_principal)
            && min > max
        {
            let name = if a.changes.min_principal.is_some() { "min_principal" } else { "max_principal" };
            if a.changes.min_principal.is_some() || a.changes.max_principal.is_some() {
                return err(
                    &format!("amendments[{k}].changes.{name}"),
                    format!(
                        "after this amendment the minimum ({}) is above the maximum ({})",
                        principal(min.0),
                        principal(max.0)
                    ),
                );
            }
        }
        if let Some(so_far) = a.principal_tendered_to_date {
            let field = format!("amendments[{k}].principal_tendered_to_date");
            if !whole(so_far.0) {
                return not_whole(&field, so_far.0);
            }
            above_outstanding(&field, so_far.0)?;
        }
    }
    let Some(r) = &t.results else { return Ok(()) };
    for (name, amount) in
        [("tendered", r.tendered.decimal()), ("guaranteed_delivery", r.guaranteed_delivery.decimal())]
    {
        let field = format!("results.{name}");
        if !whole(amount) {
            return not_whole(&field, amount);
        }
        above_outstanding(&field, amount)?;
    }
    if r.guaranteed_delivery > r.tendered {
        return err(
            "results.guaranteed_delivery",
            format!("more than the {} aggregate principal amount tendered", principal(r.tendered.decimal())),
        );
    }
    Ok(())
}

/// What an offer for notes states: cash at a fixed price for each denomination of principal
/// amount, the principal amount sought (or every note outstanding, said so), an optional
/// minimum, and the notes' own terms, consistent with their title.
pub(super) fn check(loaded: &LoadedTerms, t: &Terms, notes: &SoughtNotes) -> Check {
    let err = |field: &str, message: String| Err(loaded.error_at(field, message));
    let o = &t.offer;
    let supported = "an offer for notes is drafted as a tender offer for cash at a fixed price for each denomination of principal amount (`offer.cash_price`)";
    if o.consideration.is_some() {
        return Err(loaded
            .error_at("offer.consideration", "an exchange offer for notes is not drafted yet")
            .help(supported));
    }
    if o.auction.is_some() {
        return Err(loaded
            .error_at("offer.auction", "a modified Dutch auction for notes is not drafted yet")
            .help(supported));
    }
    if !o.other_classes.is_empty() {
        return Err(loaded
            .error_at(
                "offer.other_classes",
                "an offer for notes seeks one series of notes so far, not several classes",
            )
            .help("make one offer for each series, or draft the offer for the others by hand"));
    }
    if o.exemption.is_some() {
        return err(
            "offer.exemption",
            "a registration exemption applies only to an exchange of securities".into(),
        );
    }
    if o.cash_price.is_none() {
        return Err(loaded
            .error_at(
                "offer",
                format!(
                    "state the price for each {} principal amount of the notes in `cash_price`",
                    principal(notes.denomination.0)
                ),
            )
            .help(supported));
    }
    for (name, given, instead) in [
        ("max_shares", o.max_shares.is_some(), "`max_principal` (or `any_and_all: true`)"),
        ("min_shares", o.min_shares.is_some(), "`min_principal`"),
        ("min_percent", o.min_percent.is_some(), "`min_principal`"),
    ] {
        if given {
            return err(
                &format!("offer.{name}"),
                format!("an offer for notes is stated in principal amount, not shares: give {instead}"),
            );
        }
    }
    let s = &t.security;
    let share_terms = [
        ("short_name", s.short_name.is_some()),
        ("ticker", s.ticker.is_some()),
        ("closing_price", s.closing_price.is_some()),
        ("par_value", s.par_value.is_some()),
        ("shares_outstanding", s.shares_outstanding.is_some()),
        ("shares_outstanding_date", s.shares_outstanding_date.is_some()),
        ("price_history", !s.price_history.is_empty()),
        ("dividends", s.dividends.is_some()),
        ("preferred", s.preferred),
        ("accrued_dividends", s.accrued_dividends.is_some()),
    ];
    if let Some((name, _)) = share_terms.iter().find(|(_, set)| *set) {
        let instead = match *name {
            "shares_outstanding" | "shares_outstanding_date" => {
                " (the principal amount outstanding is `security.notes.principal_outstanding`)"
            }
            "accrued_dividends" => " (the interest accrued is `security.notes.accrued_interest`)",
            _ => "",
        };
        return err(
            &format!("security.{name}"),
            format!(
                "`{name}` is a term of shares, and the class sought is notes (`security.notes`): leave it out{instead}"
            ),
        );
    }
    sought(loaded, t, notes)?;
    own_terms(loaded, t, notes)
}

/// How much is sought, and the minimum: each a whole number of denominations, within what is
/// outstanding.
fn sought(loaded: &LoadedTerms, t: &Terms, notes: &SoughtNotes) -> Check {
    let err = |field: &str, message: String| Err(loaded.error_at(field, message));
    let o = &t.offer;
    let denomination = notes.denomination.0;
    let whole = |amount: Decimal| amount.checked_rem(denomination).is_some_and(|r| r.is_zero());
    let not_whole = |amount: Decimal, what: &str| {
        format!(
            "{} is not a whole number of {} denominations (`security.notes.denomination`): {what}",
            principal(amount),
            principal(denomination)
        )
    };
    // Notes are issued in whole dollars of principal: a denomination of cents would print as
    // "$0" wherever the documents state it to the dollar.
    if !denomination.fract().is_zero() {
        return err(
            "security.notes.denomination",
            format!(
                "{} is not a whole number of dollars: give the denomination of the notes in dollars, such as 1000",
                format::money(denomination)
            ),
        );
    }
    let outstanding = notes.principal_outstanding.map(|p| p.0);
    if let Some(amount) = outstanding
        && !whole(amount)
    {
        return err(
            "security.notes.principal_outstanding",
            not_whole(amount, "notes are issued in integral multiples of it"),
        );
    }
    if notes.principal_outstanding_date.is_some() && outstanding.is_none() {
        return err(
            "security.notes.principal_outstanding_date",
            "the date of the principal amount outstanding needs that amount: give `principal_outstanding`"
                .into(),
        );
    }
    let sought = match (o.max_principal, o.any_and_all) {
        (Some(_), true) => {
            return err(
                "offer.any_and_all",
                "the offer seeks up to `max_principal` or any and all of the notes, not both".into(),
            );
        }
        (None, false) => {
            return Err(loaded
                .error_at("offer", "state how much of the notes the offer seeks")
                .help("give the aggregate principal amount sought in `max_principal`, or `any_and_all: true` for every note outstanding"));
        }
        (None, true) => outstanding,
        (Some(max), false) => {
            if !whole(max.0) {
                return err(
                    "offer.max_principal",
                    not_whole(max.0, "notes are tendered and purchased in integral multiples of it"),
                );
            }
            if let Some(outstanding) = outstanding
                && max.0 > outstanding
            {
                return err(
                    "offer.max_principal",
                    format!(
                        "the offer seeks {} aggregate principal amount, more than the {} outstanding (`security.notes.principal_outstanding`)",
                        principal(max.0),
                        principal(outstanding)
                    ),
                );
            }
            Some(max.0)
        }
    };
    if let Some(min) = o.min_principal
        && !whole(min.0)
    {
        return err(
            "offer.min_principal",
            not_whole(min.0, "notes are tendered in integral multiples of it"),
        );
    }
    if let (Some(min), Some(sought)) = (o.min_principal, sought)
        && min.0 > sought
    {
        let what = if o.any_and_all { "the principal amount outstanding" } else { "the most sought" };
        return err(
            "offer.min_principal",
            format!("the minimum ({}) is above {what} ({})", principal(min.0), principal(sought)),
        );
    }
    Ok(())
}

/// A percentage in a title ("4.75%"), and the year after "due" ("due 2028").
static TITLE_RATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d+(?:\.\d+)?)\s*%").expect("the rate pattern is valid"));
static TITLE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bdue\s+(\d{4})\b").expect("the year pattern is valid"));

/// The notes' own terms: a maturity after the filing, and the rate and year their title states
/// equal to the fields the figures and sentences read, so that no document states two.
fn own_terms(loaded: &LoadedTerms, t: &Terms, notes: &SoughtNotes) -> Check {
    let err = |field: &str, message: String| Err(loaded.error_at(field, message));
    let title = t.security.title.as_str();
    if notes.maturity <= t.filing.date {
        return err(
            "security.notes.maturity",
            format!(
                "the notes mature on {}, not after the filing date {}: notes that have matured cannot be sought",
                format::date(notes.maturity.0),
                format::date(t.filing.date.0)
            ),
        );
    }
    // Without the rate the documents would say nothing of the interest the title promises:
    // neither its rate nor what becomes of the interest accrued.
    if let (None, Some(written)) = (notes.interest_rate, title_rate(title))
        && !written.is_zero()
    {
        return err(
            "security.title",
            format!(
                "the title states {}% interest: give the rate in `security.notes.interest_rate` as well",
                written.normalize()
            ),
        );
    }
    if let (Some(rate), Some(written)) = (notes.interest_rate, title_rate(title))
        && rate.as_written() != written
    {
        return err(
            "security.notes.interest_rate",
            format!(
                "the title `security.title` states {}%, and the interest rate is {}%: give the rate of the notes sought in both",
                written.normalize(),
                rate.as_written().normalize()
            ),
        );
    }
    if let Some(year) = title_year(title)
        && year != notes.maturity.0.year()
    {
        return err(
            "security.notes.maturity",
            format!(
                "the title `security.title` says the notes are due in {year}, and they mature in {}",
                notes.maturity.0.year()
            ),
        );
    }
    if notes.accrued_interest.is_some() && notes.interest_rate.is_none() {
        return err(
            "security.notes.accrued_interest",
            "notes that bear no interest (no `interest_rate`) accrue none: leave `accrued_interest` out, or give the rate".into(),
        );
    }
    Ok(())
}

fn title_rate(title: &str) -> Option<Decimal> {
    let captures = TITLE_RATE.captures(title)?;
    super::parse_decimal(captures.get(1)?.as_str()).ok()
}

fn title_year(title: &str) -> Option<i32> {
    TITLE_YEAR.captures(title)?.get(1)?.as_str().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_states_its_rate_and_year_when_it_has_them() {
        let title = "4.75% Convertible Senior Notes due 2028";
        assert_eq!(title_rate(title), Some(Decimal::new(475, 2)));
        assert_eq!(title_year(title), Some(2028));
        // 4.750% is the rate 4.75% written to three places.
        assert_eq!(title_rate("4.750% Notes").map(|r| r.normalize()), Some(Decimal::new(475, 2)));
        assert_eq!(title_rate("Zero Coupon Convertible Notes due 2027"), None);
        assert_eq!(title_year("Convertible Notes Due 2030"), Some(2030));
        assert_eq!(title_year("Convertible Notes"), None);
        // A year that only looks like one is not read as the maturity.
        assert_eq!(title_year("Notes overdue 2030"), None);
    }
}
