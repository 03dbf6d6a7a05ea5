//! Checks that span more than one field: each failure is placed at the field to fix.

use chrono::{Datelike, Weekday};
use rust_decimal::Decimal;

use super::loaded::LoadedTerms;
use super::{CoverBox, Exemption, FilingRole, FormType, OfferKind, Stage, TerminationReason, Terms};
use crate::calendar::{Calendar, Overrides};
use crate::diagnostics::Diagnostic;
use crate::format;
use crate::timetable::OfferDates;

type Check = Result<(), Diagnostic>;

pub fn validate(loaded: &LoadedTerms) -> Check {
    let t = &loaded.terms;
    filing(loaded, t)?;
    super::notes::scope(loaded, t)?;
    parties(loaded, t)?;
    exhibits(loaded, t)?;
    acquired(loaded, t)?;
    formats(loaded, t)?;
    third_party(loaded, t)?;
    // The amendment and results a filing reports come first: the other checks read dates
    // from them.
    amendments(loaded, t, true)?;
    super::notes::amounts(loaded, t)?;
    class_amendments_and_results(loaded, t)?;
    results(loaded, t, true)?;
    dates(loaded, t)?;
    offer(loaded, t)?;
    tender_documents(loaded, t)?;
    super::disclosure::check(loaded, t)
}

/// What the tender documents read beyond the offer: the settlement period of guaranteed
/// delivery, the exchange agent's delivery addresses, and the documents asked for.
fn tender_documents(loaded: &LoadedTerms, t: &Terms) -> Check {
    let err = |field: &str, message: &str| Err(loaded.error_at(field, message));
    if t.offer.guaranteed_delivery_days == Some(0) {
        return err(
            "offer.guaranteed_delivery_days",
            "a notice of guaranteed delivery gives at least one trading day to deliver; leave the field out if the offer has no guaranteed delivery",
        );
    }
    for (name, agent) in
        [("information_agent", &t.agents.information_agent), ("dealer_manager", &t.agents.dealer_manager)]
    {
        if agent.as_ref().is_some_and(|a| a.delivery.is_some()) {
            return err(
                &format!("agents.{name}.delivery"),
                "only the exchange agent or depositary receives tenders: give its addresses in `agents.exchange_agent.delivery`",
            );
        }
    }
    if let Some(d) = t.agents.exchange_agent.as_ref().and_then(|a| a.delivery.as_ref())
        && d.mail.is_empty()
        && d.hand.is_empty()
        && d.overnight_courier.is_empty()
    {
        return err(
            "agents.exchange_agent.delivery",
            "give the address for at least one of `mail`, `hand` and `overnight_courier`, or leave `delivery` out to use `address`",
        );
    }
    let docs = &t.documents;
    if docs.summary_advertisement && t.kind() == OfferKind::Exchange && t.offer.exemption.is_none() {
        return err(
            "documents.summary_advertisement",
            "summary publication (Rule 13e-4(e)(1)(iii), Rule 14d-4(a)(2)) is not available to an exchange offer of securities registered under the Securities Act (Rule 13e-4(e)(2), Rule 14d-4(b)); state the exemption in `offer.exemption`, or leave the summary advertisement out",
        );
    }
    for (field, given) in
        [("plan_name", docs.plan_name.is_some()), ("plan_trustee", docs.plan_trustee.is_some())]
    {
        if given && !docs.employee_letter {
            return err(
                &format!("documents.{field}"),
                "names a plan for an employee letter the terms do not ask for: set `documents.employee_letter: true`, or leave it out",
            );
        }
    }
    Ok(())
}

/// The auction's range holds a whole number of increments, and no more prices than
/// [`super::MAX_PRICE_POINTS`]: the figures list them.
fn price_range(auction: &super::Auction) -> Result<u64, String> {
    super::price_points(auction.min_price.0, auction.max_price.0, auction.increment.0)
}

/// A count the results or the minimum give, in the offer's unit: shares ("60,000,000
/// shares"), or for notes principal amount ("$25,000,000 aggregate principal amount").
fn amount(t: &Terms, n: Decimal) -> String {
    if t.security.notes.is_some() {
        format!("{} aggregate principal amount", format::dollars(n))
    } else {
        format!("{} shares", format::shares(n).unwrap_or_else(|| n.to_string()))
    }
}

/// A count of shares as the documents print it: 60,000,000.
fn shares(n: u64) -> String {
    // format::shares refuses only a fraction, which a u64 never is.
    format::shares(Decimal::from(n)).unwrap_or_else(|| n.to_string())
}

fn filing(loaded: &LoadedTerms, t: &Terms) -> Check {
    let err = |field: &str, message: String| Err(loaded.error_at(field, message));
    let form = t.filing.form.edgar_name();
    match (t.filing.form.is_amendment(), t.filing.amendment) {
        (true, None) => {
            return err(
                "filing.form",
                format!("{form} is an amendment: give its number in `filing.amendment`"),
            );
        }
        (true, Some(0)) => return err("filing.amendment", "amendments are numbered from 1".into()),
        (false, Some(n)) => {
            return err(
                "filing.amendment",
                format!("Amendment No. {n} needs an amendment form (SC TO-I/A or SC TO-T/A), not {form}"),
            );
        }
        _ => {}
    }
    let boxes = &t.filing.cover_boxes;
    for (i, b) in boxes.iter().enumerate() {
        if boxes[..i].contains(b) {
            return err(&format!("filing.cover_boxes[{i}]"), "this cover box is listed twice".into());
        }
    }
    let has = |b: CoverBox| boxes.contains(&b);
    let (issuer, third) = (has(CoverBox::IssuerTenderOffer), has(CoverBox::ThirdPartyTenderOffer));
    let needed = match t.filing.form {
        FormType::Issuer | FormType::IssuerAmendment if !issuer => Some("issuer_tender_offer"),
        FormType::ThirdParty | FormType::ThirdPartyAmendment if !third => Some("third_party_tender_offer"),
        FormType::PreCommencement if !issuer && !third => {
            Some("issuer_tender_offer or third_party_tender_offer")
        }
        _ => None,
    };
    if let Some(needed) = needed {
        return err("filing.cover_boxes", format!("a {form} filing must check `{needed}` on its cover"));
    }
    if issuer && third {
        return err(
            "filing.cover_boxes",
            "an offer is either an issuer tender offer or a third-party tender offer, not both".into(),
        );
    }
    if has(CoverBox::FinalAmendment) && !t.filing.form.is_amendment() {
        return err(
            "filing.cover_boxes",
            "only an amendment (SC TO-I/A or SC TO-T/A) can be the final amendment reporting results".into(),
        );
    }
    Ok(())
}

/// Each exhibit the terms list has an Item 1016 number of a letter Schedule TO's Item 12 asks
/// for, once, and one filing: incorporated by reference, previously filed, or not applicable
/// (a whole letter only, which then lists nothing else).
fn exhibits(loaded: &LoadedTerms, t: &Terms) -> Check {
    static NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\([abdgh]\)(?:\(\d{1,2}\)(?:\([A-Z]{1,2}\)(?:\([ivx]{1,5}\))?)?)?$")
            .expect("the exhibit number pattern is valid")
    });
    for (i, e) in t.exhibits.iter().enumerate() {
        let err =
            |field: &str, message: String| Err(loaded.error_at(&format!("exhibits[{i}]{field}"), message));
        let number = e.number.as_str();
        if !NUMBER.is_match(number) {
            return err(
                ".number",
                format!(
                    "\"{number}\" is not an exhibit number of Item 1016 that Schedule TO asks for: write it as \"(a)(5)(C)\", \"(b)\", \"(d)(1)\", \"(g)\" or \"(h)\""
                ),
            );
        }
        if let Some(j) = t.exhibits[..i].iter().position(|earlier| earlier.number == e.number) {
            return err(".number", format!("exhibit {number} is listed twice (also `exhibits[{j}]`)"));
        }
        let filings = [e.incorporated_by_reference.is_some(), e.previously_filed, e.not_applicable];
        if filings.iter().filter(|given| **given).count() != 1 {
            return err(
                "",
                format!(
                    "give exhibit {number} one filing: `incorporated_by_reference`, `previously_filed: true` or `not_applicable: true`"
                ),
            );
        }
        if e.not_applicable {
            let letter = &number[..3];
            if number.len() > 3 || e.description.is_some() {
                return err(
                    ".not_applicable",
                    format!(
                        "`not_applicable` says the index has no exhibit {letter} at all: give it for \"{letter}\" alone, without a description"
                    ),
                );
            }
            if letter == "(a)" {
                return err(".not_applicable", "every Schedule TO files the Offer as exhibit (a)".to_owned());
            }
            if let Some(other) =
                t.exhibits.iter().position(|o| o.number.as_str().starts_with(letter) && o.number != e.number)
            {
                return err(
                    ".not_applicable",
                    format!("exhibit {letter} is not applicable, yet `exhibits[{other}]` lists one"),
                );
            }
        }
    }
    Ok(())
}

/// The forms the terms ask `render` for name at least one.
fn formats(loaded: &LoadedTerms, t: &Terms) -> Check {
    if t.presentation.formats.as_ref().is_some_and(|list| list.is_empty()) {
        return Err(loaded.error_at(
            "presentation.formats",
            "name at least one form to write the documents in: md, htm or docx (or leave the field out for md and htm)",
        ));
    }
    Ok(())
}

/// Notes an issuer buys back are cancelled or held by it, never "in treasury".
fn acquired(loaded: &LoadedTerms, t: &Terms) -> Check {
    if t.security.notes.is_some() && t.offer.acquired_shares == Some(super::AcquiredShares::Treasury) {
        return Err(loaded.error_at(
            "offer.acquired_shares",
            "notes are not held in treasury: give `cancelled`, or leave the field out to draft what becomes of the Notes",
        ));
    }
    Ok(())
}

/// A third party's offer names its bidder, apart from the subject company and among the
/// filing persons as offeror, and is drafted for cash at a fixed price for all the shares
/// of one class outstanding; the terms only a third party's offer has are refused in an
/// issuer's.
fn third_party(loaded: &LoadedTerms, t: &Terms) -> Check {
    let err = |field: &str, message: &str| Err(loaded.error_at(field, message));
    let o = &t.offer;
    if !t.is_third_party() {
        let given = [
            ("bidder", t.bidder.is_some()),
            ("offer.all_outstanding", o.all_outstanding),
            ("offer.subsequent_offering_period", o.subsequent_offering_period.is_some()),
        ];
        if let Some((field, _)) = given.iter().find(|(_, set)| *set) {
            return Err(loaded
                .error_at(field, format!("`{field}` is a term of a third party's offer, and this is the issuer's own (Rule 13e-4)"))
                .help("check `third_party_tender_offer` on the cover (form SC TO-T) for a bidder's offer, or leave the field out"));
        }
        return Ok(());
    }
    let Some(bidder) = &t.bidder else {
        return Err(loaded
            .error_at("filing.form", "a third party's tender offer names its bidder in `bidder`")
            .help("give `bidder` with its `name`, `short_name`, `state` and `address` (docs/terms.md)"));
    };
    if bidder.name == t.issuer.name {
        return err(
            "bidder.name",
            "the bidder is the subject company: an offer for its own shares is an issuer tender offer (check `issuer_tender_offer`, form SC TO-I)",
        );
    }
    let offeror = |p: &super::FilingPerson| p.name == bidder.name && p.roles.contains(&FilingRole::Offeror);
    if !t.filing_persons.iter().any(offeror) {
        return err(
            "bidder.name",
            "name the bidder among `filing_persons`, with the role `offeror`, as the cover names it",
        );
    }
    if let Some(person) = t.filing_persons.iter().position(|p| p.name == t.issuer.name) {
        return err(
            &format!("filing_persons[{person}]"),
            "the subject company is not a filing person of a third party's Schedule TO: it states its position on Schedule 14D-9",
        );
    }
    if o.consideration.is_some() {
        return Err(loaded
            .error_at("offer.consideration", "a third party's exchange offer is not drafted so far")
            .help("a bidder's securities are offered by a prospectus in a registration statement under the Securities Act (Form S-4 or F-4), not under Section 3(a)(9), which only an issuer exchanging its own securities may use; give `cash_price`"));
    }
    if o.auction.is_some() {
        return err(
            "offer.auction",
            "a third party's modified Dutch auction is not drafted so far: give a fixed `cash_price`",
        );
    }
    if !o.other_classes.is_empty() {
        return err("offer.other_classes", "a third party's offer for several classes is not drafted so far");
    }
    match (o.all_outstanding, o.max_shares) {
        (true, Some(_)) => err("offer.max_shares", "an offer for all outstanding shares has no maximum: leave `max_shares` out"),
        (false, _) => Err(loaded
            .error_at(if o.max_shares.is_some() { "offer.max_shares" } else { "offer" }, "a third party's offer for part of the class is not drafted so far")
            .help("give `all_outstanding: true` for an offer for every share outstanding; a partial offer's proration (Rule 14d-8) is not drafted")),
        (true, None) if t.security.shares_outstanding.is_none() => err(
            "offer.all_outstanding",
            "an offer for all outstanding shares needs their count in `security.shares_outstanding`",
        ),
        (true, None) => Ok(()),
    }
}

fn parties(loaded: &LoadedTerms, t: &Terms) -> Check {
    let err = |field: &str, message: &str| Err(loaded.error_at(field, message));
    if t.filing_persons.is_empty() {
        return err("filing_persons", "name at least one filing person");
    }
    for (i, person) in t.filing_persons.iter().enumerate() {
        if person.roles.is_empty() {
            return err(
                &format!("filing_persons[{i}].roles"),
                "give each filing person at least one role: offeror, issuer or other_person",
            );
        }
    }
    // The dateline and the Offer print "(NYSE American: AULT)": one without the other cannot.
    match (&t.issuer.exchange, &t.issuer.ticker) {
        (Some(_), None) => {
            return err("issuer.exchange", "give the Shares' symbol in `issuer.ticker` as well, or neither");
        }
        (None, Some(_)) => {
            return err(
                "issuer.ticker",
                "give the exchange the Shares are listed on in `issuer.exchange` as well, or neither",
            );
        }
        _ => {}
    }
    let mut addresses = vec![
        ("issuer.address".to_owned(), &t.issuer.address),
        ("notices.address".to_owned(), &t.notices.address),
    ];
    addresses
        .extend(t.counsel.iter().enumerate().map(|(i, c)| (format!("counsel[{i}].address"), &c.address)));
    for (name, agent) in [
        ("exchange_agent", &t.agents.exchange_agent),
        ("information_agent", &t.agents.information_agent),
        ("dealer_manager", &t.agents.dealer_manager),
    ] {
        if let Some(agent) = agent {
            addresses.push((format!("agents.{name}.address"), &agent.address));
        }
    }
    if let Some((field, _)) = addresses.iter().find(|(_, lines)| lines.is_empty()) {
        return err(field, "an address needs at least one line");
    }
    Ok(())
}

fn offer(loaded: &LoadedTerms, t: &Terms) -> Check {
    let err = |field: &str, message: String| Err(loaded.error_at(field, message));
    let o = &t.offer;
    if let Some(notes) = &t.security.notes {
        return super::notes::check(loaded, t, notes);
    }
    let given = [o.consideration.is_some(), o.cash_price.is_some(), o.auction.is_some()];
    match given.iter().filter(|g| **g).count() {
        0 => {
            return err(
                "offer",
                "state what holders receive: `consideration` (new securities), `cash_price`, or `auction`"
                    .into(),
            );
        }
        1 => {}
        _ => return err("offer", "give only one of `consideration`, `cash_price` and `auction`".into()),
    }
    if let Some(consideration) = &o.consideration {
        ratio_given_once(loaded, consideration, &|f: &str| f.to_owned())?;
    }
    if let Some(consideration) = &o.consideration {
        new_security(loaded, consideration)?;
        if let Some(maturity) = consideration.security.maturity
            && maturity <= t.filing.date
        {
            return err(
                "offer.consideration.security.maturity",
                format!(
                    "the notes mature on {}, not after the filing date {}: notes offered in exchange mature later",
                    crate::format::date(maturity.0),
                    crate::format::date(t.filing.date.0)
                ),
            );
        }
    }
    if o.exemption.is_some() && t.kind() != OfferKind::Exchange {
        return err(
            "offer.exemption",
            "a registration exemption applies only to an exchange of securities".into(),
        );
    }
    match (&o.auction, o.max_shares) {
        (Some(auction), max_shares) => {
            if auction.min_price >= auction.max_price {
                return err(
                    "offer.auction.max_price",
                    "the maximum price must be above the minimum price".into(),
                );
            }
            price_range(auction).map_err(|why| loaded.error_at("offer.auction.increment", why))?;
            match (max_shares.is_some(), auction.max_dollars.is_some()) {
                (true, true) => {
                    return err(
                        "offer.auction.max_dollars",
                        "cap the auction in shares (`offer.max_shares`) or in dollars, not both".into(),
                    );
                }
                (false, false) => {
                    return err(
                        "offer.auction",
                        "cap the auction with `offer.max_shares` or `offer.auction.max_dollars`".into(),
                    );
                }
                _ => {}
            }
        }
        (None, None) if !o.all_outstanding => {
            return err("offer", "give the maximum number of shares sought in `max_shares`".into());
        }
        (None, None) => {}
        (None, Some(_)) => {}
    }
    sought_class(loaded, t, &|f: &str| f.to_owned())?;
    other_classes(loaded, t)
}

/// The ratio of a class sought is given one way: an aggregate, a block, or designated values.
/// `at` names a field of the first class as it stands for the class checked.
fn ratio_given_once(
    loaded: &LoadedTerms,
    consideration: &super::Consideration,
    at: &dyn Fn(&str) -> String,
) -> Check {
    let err = |field: &str, message: String| Err(loaded.error_at(&at(field), message));
    match (
        &consideration.aggregate_liquidation_preference,
        &consideration.block,
        &consideration.designated_values,
    ) {
        (Some(_), Some(_), _) => {
            return err(
                "offer.consideration.block",
                "give either `aggregate_liquidation_preference` or `block`, not both".into(),
            );
        }
        (Some(_), None, Some(_)) | (None, Some(_), Some(_)) => {
            return err(
                "offer.consideration.designated_values",
                "give the ratio one way: `aggregate_liquidation_preference`, `block` or `designated_values`"
                    .into(),
            );
        }
        (None, None, None) => {
            return err(
                "offer.consideration",
                "give the consideration as `aggregate_liquidation_preference`, as a `block` ratio, or as `designated_values`"
                    .into(),
            );
        }
        _ => {}
    }
    Ok(())
}

/// What each class sought must be: no more sought than outstanding, a minimum within the
/// maximum and stated once, accrued dividends only on preferred stock, and prices dated no
/// later than the release that quotes them. `at` names a field of the first class as it
/// stands for the class checked (`t` is the offer for that class alone).
fn sought_class(loaded: &LoadedTerms, t: &Terms, at: &dyn Fn(&str) -> String) -> Check {
    let err = |field: &str, message: String| Err(loaded.error_at(&at(field), message));
    let o = &t.offer;
    if let (Some(max), Some(outstanding)) = (o.max_shares, t.security.shares_outstanding)
        && max > outstanding
    {
        return err(
            "offer.max_shares",
            format!(
                "the offer seeks {} shares, more than the {} outstanding (`{}`)",
                crate::format::shares(max.decimal()).unwrap_or_default(),
                crate::format::shares(outstanding.decimal()).unwrap_or_default(),
                at("security.shares_outstanding")
            ),
        );
    }
    if o.min_percent.is_some() {
        if o.min_shares.is_some() {
            return err(
                "offer.min_percent",
                "give the minimum condition as `min_shares` or as `min_percent`, not both".into(),
            );
        }
        if t.security.shares_outstanding.is_none() {
            return err(
                "offer.min_percent",
                format!(
                    "a minimum stated as a percentage of the class outstanding needs `{}`",
                    at("security.shares_outstanding")
                ),
            );
        }
        if let (Some(required), Some(max)) = (crate::figures::minimum_required(t), o.max_shares)
            && required > max.decimal()
        {
            return err(
                "offer.min_percent",
                format!(
                    "the minimum ({} shares) is above the maximum number of shares sought ({})",
                    format::shares(required).unwrap_or_else(|| required.to_string()),
                    shares(max.0)
                ),
            );
        }
    }
    if let (Some(min), Some(max)) = (o.min_shares, o.max_shares)
        && min > max
    {
        return err(
            "offer.min_shares",
            format!(
                "the minimum ({}) is above the maximum number of shares sought ({})",
                shares(min.0),
                shares(max.0)
            ),
        );
    }
    if t.security.accrued_dividends.is_some() && !t.security.preferred {
        return err(
            "security.accrued_dividends",
            "only a preferred class accrues dividends: mark the class sought `preferred: true`, or leave `accrued_dividends` out".into(),
        );
    }
    if let Some(consideration) = &o.consideration
        && consideration.security.is_common_stock()
    {
        if !t.security.preferred {
            return err(
                "offer.consideration.security.kind",
                "the Company's common stock is offered for a class of its preferred stock: mark the class sought `security.preferred: true`".into(),
            );
        }
        if let Some(closing) = &consideration.security.closing_price
            && closing.date > t.release_date()
        {
            return err(
                "offer.consideration.security.closing_price.date",
                format!(
                    "the common stock's last sale price is dated after the press release that quotes it ({})",
                    format::date(t.release_date().0)
                ),
            );
        }
    }
    if let Some(closing) = &t.security.closing_price
        && closing.date > t.release_date()
    {
        return err(
            "security.closing_price.date",
            format!(
                "the closing price is dated after the press release that quotes it ({})",
                format::date(t.release_date().0)
            ),
        );
    }
    Ok(())
}

/// What a class other than the first is offered: a ratio in an exchange offer, its own price
/// in a cash offer, never both.
fn price_of_class(
    loaded: &LoadedTerms,
    kind: OfferKind,
    class: &super::SoughtClass,
    at: &dyn Fn(&str) -> String,
) -> Check {
    let ratio = [
        ("aggregate_liquidation_preference", class.aggregate_liquidation_preference.is_some()),
        ("block", class.block.is_some()),
        ("designated_values", class.designated_values.is_some()),
        ("fractional_shares", class.fractional_shares.is_some()),
    ];
    match kind {
        OfferKind::Cash => {
            if class.cash_price.is_none() {
                return Err(loaded.error_at(
                    &at("offer.consideration"),
                    "a cash offer states each class's price per share: give this class's in `cash_price`",
                ));
            }
            if let Some((name, _)) = ratio.iter().find(|(_, given)| *given) {
                return Err(loaded.error_at(
                    &at(&format!("offer.consideration.{name}")),
                    format!("`{name}` is a term of an exchange offer; this offer is for cash: leave it out"),
                ));
            }
        }
        _ if class.cash_price.is_some() => {
            return Err(loaded.error_at(
                &at("offer.cash_price"),
                "an exchange offer gives each class a ratio, not a price in cash: leave `cash_price` out, or give the cash paid with the new securities in `offer.consideration.cash_per_share`",
            ));
        }
        _ => {}
    }
    Ok(())
}

/// An offer for several classes: each class other than the first is checked as the first
/// is (its amendments and count too), and no class is sought twice. An exchange offer or a
/// cash offer at a fixed price may seek several classes so far.
fn other_classes(loaded: &LoadedTerms, t: &Terms) -> Check {
    let classes = &t.offer.other_classes;
    if classes.is_empty() {
        if t.security.short_name.is_some() {
            return Err(loaded
                .error_at("security.short_name", "only an offer for several classes names each class's shares: an offer for one class calls them \"the Shares\"")
                .help("remove `security.short_name`, or list the other classes in `offer.other_classes`"));
        }
        return Ok(());
    }
    if t.kind() == OfferKind::DutchAuction {
        return Err(loaded.error_at(
            "offer.other_classes",
            "several classes may be sought for new securities or for cash at a fixed price, not by a modified Dutch auction so far: make one offer per class, or draft the offer for the other classes by hand",
        ));
    }
    if t.stage() != Stage::Intent {
        class_names(loaded, t)?;
    }
    let mut seen = vec![(&t.security, "security".to_owned())];
    for (i, class) in classes.iter().enumerate() {
        let at = |field: &str| super::SoughtClass::path(i, field);
        let view = t.class_view(i).expect("the class is listed");
        // The class's amendments and count are checked as the first class's are, each error
        // placed at the class's own field.
        in_class(loaded, i, amendments(loaded, &view, false))?;
        in_class(loaded, i, results(loaded, &view, false))?;
        price_of_class(loaded, t.kind(), class, &at)?;
        // The first class is told at the new security's kind; another at its own `preferred`,
        // the field in which it differs from a class the common stock may be offered for.
        if t.offer.consideration.as_ref().is_some_and(|c| c.security.is_common_stock())
            && !class.security.preferred
        {
            return Err(loaded.error_at(
                &at("security.preferred"),
                format!(
                    "the Company's common stock is offered for a class of its preferred stock: mark this class `{}: true`",
                    at("security.preferred")
                ),
            ));
        }
        if let Some(consideration) = &view.offer.consideration {
            ratio_given_once(loaded, consideration, &at)?;
        }
        sought_class(loaded, &view, &at)?;
        for (earlier, path) in &seen {
            let twice = |what: &str| {
                Err(loaded.error_at(
                    &at(&format!("security.{what}")),
                    format!("this class is already sought at `{path}`: each class is listed once"),
                ))
            };
            if earlier.title.0.eq_ignore_ascii_case(&class.security.title.0) {
                return twice("title");
            }
            if earlier.cusip.is_some() && earlier.cusip == class.security.cusip {
                return twice("cusip");
            }
        }
        seen.push((&class.security, at("security")));
    }
    Ok(())
}

/// A diagnostic about the offer for the `i`th class alone, placed at the class's own field
/// and naming it in its message.
fn in_class(loaded: &LoadedTerms, i: usize, check: Check) -> Check {
    check.map_err(|d| {
        let Some(field) = &d.field else { return d };
        let mut placed = loaded.error_at(
            &super::SoughtClass::path(i, field),
            super::SoughtClass::renamed_in_text(i, &d.message),
        );
        placed.label = d.label;
        placed.help = d.help.iter().map(|h| super::SoughtClass::renamed_in_text(i, h)).collect();
        placed
    })
}

/// Each amendment changes only classes the offer seeks, and the results count each of them
/// and end each class's offer by its own minimum condition.
fn class_amendments_and_results(loaded: &LoadedTerms, t: &Terms) -> Check {
    let classes = t.offer.other_classes.len();
    for (k, a) in t.amendments.iter().enumerate() {
        if a.other_classes.len() > classes {
            return Err(loaded.error_at(
                &format!("amendments[{k}].other_classes[{classes}]"),
                match classes {
                    0 => "the offer seeks one class: the amendment's changes to it are given in `changes`".to_owned(),
                    n => format!(
                        "the offer seeks {n} {} beside the first: each entry here changes the class listed at the same place in `offer.other_classes`",
                        if n == 1 { "class" } else { "classes" }
                    ),
                },
            ));
        }
    }
    let Some(r) = &t.results else { return Ok(()) };
    if r.other_classes.len() > classes {
        return Err(loaded.error_at(
            &format!("results.other_classes[{classes}]"),
            "the results count each class listed in `offer.other_classes`, at the same place, and no other",
        ));
    }
    if classes > 0 {
        if r.other_classes.len() < classes {
            let missing = r.other_classes.len();
            let title = &t.offer.other_classes[missing].security.title.0;
            return Err(loaded
                .error_at("results", format!("the results give no count for the {title} (`offer.other_classes[{missing}]`)"))
                .help(format!(
                    "list under `results.other_classes`, in the order of `offer.other_classes`, each class's `tendered` (and its `guaranteed_delivery`, `odd_lots` and `additional_accepted` if any); `results.tendered` is the {}'s",
                    t.security.title.0
                )));
        }
        if let Some(TerminationReason::MinimumNotMet) = r.terminated.as_ref().map(|x| x.reason) {
            return Err(loaded
                .error_at("results.terminated.reason", "in an offer for several classes each class's minimum condition ends that class's offer alone: the results say so for each class whose minimum was not met")
                .help("leave `results.terminated` out; where the bidder ended the offer for every class, give the condition it relied on (`reason: condition_failed` with its place in `offer.conditions`) or `reason: withdrawn`"));
        }
    }
    Ok(())
}

/// Once an offer for several classes commences, its documents call each class's shares by a
/// name of their own ("Series A Shares"), and all of them together "the Shares".
fn class_names(loaded: &LoadedTerms, t: &Terms) -> Check {
    let first = std::iter::once((&t.security, "security".to_owned()));
    let others = t
        .offer
        .other_classes
        .iter()
        .enumerate()
        .map(|(i, c)| (&c.security, super::SoughtClass::path(i, "security")));
    let mut seen: Vec<(&str, String)> = Vec::new();
    for (security, at) in first.chain(others) {
        let field = format!("{at}.short_name");
        let Some(name) = &security.short_name else {
            return Err(loaded
                .error_at(&at, format!("an offer for several classes names each class's shares in its documents: give `{field}`"))
                .help(format!("for example `short_name: Series A Shares` for the {}", security.title.0)));
        };
        let name = name.0.trim();
        let Some(stem) = name.strip_suffix(" Shares").filter(|stem| !stem.trim().is_empty()) else {
            return Err(loaded
                .error_at(&field, "the name of a class's shares ends in \"Shares\", after what sets the class apart (\"Series A Shares\")")
                .help("the documents say \"each Series A Share\" and call all the classes together \"the Shares\""));
        };
        if let Some((_, earlier)) = seen.iter().find(|(s, _)| s.eq_ignore_ascii_case(stem)) {
            return Err(loaded.error_at(
                &field,
                format!("`{earlier}` already names a class so: each class needs its own name"),
            ));
        }
        seen.push((stem, field));
    }
    Ok(())
}

/// The new security is preferred stock (dividend rate and liquidation preference) or debt
/// (interest rate and principal amount), each stated whole; notes are issued for blocks or
/// designated values, never for an aggregate liquidation preference.
fn new_security(loaded: &LoadedTerms, consideration: &super::Consideration) -> Check {
    let err = |field: &str, message: &str| Err(loaded.error_at(field, message.to_owned()));
    let s = &consideration.security;
    if s.is_common_stock() {
        return common_stock(loaded, consideration);
    }
    if s.closing_price.is_some() {
        return err(
            "offer.consideration.security.closing_price",
            "only common stock offered in exchange is valued at its last sale price: preferred stock and notes are valued at their liquidation preference or principal amount",
        );
    }
    let preferred = [
        ("dividend_rate", s.dividend_rate.is_some()),
        ("liquidation_preference", s.liquidation_preference.is_some()),
        ("dividend_frequency", s.dividend_frequency.is_some()),
        ("cumulative", s.cumulative.is_some()),
    ];
    let debt = [
        ("interest_rate", s.interest_rate.is_some()),
        ("principal_amount", s.principal_amount.is_some()),
        ("maturity", s.maturity.is_some()),
        ("interest_payment", s.interest_payment.is_some()),
        ("interest_frequency", s.interest_frequency.is_some()),
    ];
    let given = |fields: &[(&'static str, bool)]| fields.iter().find(|(_, set)| *set).map(|(name, _)| *name);
    // A frequency of the wrong kind of payment is a slip in one field, named as such rather
    // than as a mix of preferred stock and notes.
    if s.is_debt() && s.dividend_frequency.is_some() {
        return err(
            "offer.consideration.security.dividend_frequency",
            "notes pay interest, not dividends: give how often as `interest_frequency`",
        );
    }
    if s.is_debt() && s.cumulative.is_some() {
        return err(
            "offer.consideration.security.cumulative",
            "notes pay interest, not dividends: `cumulative` is said of preferred stock",
        );
    }
    if !s.is_debt() && s.liquidation_preference.is_some() && s.interest_frequency.is_some() {
        return err(
            "offer.consideration.security.interest_frequency",
            "preferred stock pays dividends, not interest: give how often as `dividend_frequency`",
        );
    }
    match (given(&preferred), given(&debt)) {
        (Some(_), Some(name)) => {
            return err(
                &format!("offer.consideration.security.{name}"),
                "the new security is preferred stock (`dividend_rate`, `liquidation_preference`) or notes (`interest_rate`, `principal_amount`, `maturity`), not both",
            );
        }
        (None, None) => {
            return err(
                "offer.consideration.security",
                "state the new security as preferred stock (`dividend_rate` and `liquidation_preference`) or as notes (`interest_rate` and `principal_amount`)",
            );
        }
        _ => {}
    }
    let pairs = if s.is_debt() {
        [("interest_rate", s.interest_rate.is_some()), ("principal_amount", s.principal_amount.is_some())]
    } else {
        [
            ("dividend_rate", s.dividend_rate.is_some()),
            ("liquidation_preference", s.liquidation_preference.is_some()),
        ]
    };
    if let Some((missing, _)) = pairs.iter().find(|(_, set)| !*set) {
        let other = pairs.iter().find(|(name, _)| name != missing).map_or("", |(name, _)| *name);
        return err("offer.consideration.security", &format!("give `{missing}` with `{other}`"));
    }
    if s.is_debt() && consideration.aggregate_liquidation_preference.is_some() {
        return err(
            "offer.consideration.aggregate_liquidation_preference",
            "notes have a principal amount, not a liquidation preference: give the ratio as a `block` of notes for each block of shares",
        );
    }
    if s.is_debt() && consideration.designated_values.is_some() {
        return err(
            "offer.consideration.designated_values",
            "notes are issued in whole principal amounts: give the ratio as a `block` of notes for each block of shares",
        );
    }
    // The documents state cash paid with new preferred shares issued for whole blocks of
    // Shares, or for an aggregate; the other combinations are not drafted yet, and a draft
    // that left the cash out would misstate the consideration.
    if consideration.cash_per_share.is_some() {
        let unsupported = if s.is_debt() {
            Some("notes")
        } else if consideration.designated_values.is_some() {
            Some("a ratio from designated values")
        } else if consideration.fractional_shares.is_some() {
            Some("`fractional_shares`")
        } else {
            None
        };
        if let Some(what) = unsupported {
            return err(
                "offer.consideration.cash_per_share",
                &format!(
                    "cash with the new securities is drafted for preferred stock issued in whole blocks or for an aggregate, not with {what}: state the cash in `disclosure` text instead"
                ),
            );
        }
    }
    Ok(())
}

/// The issuer's common stock offered in exchange has no rate and no face amount: its ratio is
/// a block or designated values, and its value is read from its last sale price.
fn common_stock(loaded: &LoadedTerms, consideration: &super::Consideration) -> Check {
    let err = |field: &str, message: String| Err(loaded.error_at(field, message));
    let s = &consideration.security;
    let foreign = [
        ("dividend_rate", s.dividend_rate.is_some()),
        ("liquidation_preference", s.liquidation_preference.is_some()),
        ("dividend_payment", s.dividend_payment.is_some()),
        ("interest_rate", s.interest_rate.is_some()),
        ("principal_amount", s.principal_amount.is_some()),
        ("maturity", s.maturity.is_some()),
        ("interest_payment", s.interest_payment.is_some()),
        ("interest_frequency", s.interest_frequency.is_some()),
        ("dividend_frequency", s.dividend_frequency.is_some()),
        ("redemption", s.redemption.is_some()),
        ("cumulative", s.cumulative.is_some()),
    ];
    if let Some((name, _)) = foreign.iter().find(|(_, set)| *set) {
        return err(
            &format!("offer.consideration.security.{name}"),
            format!(
                "the new security is the Company's common stock (`kind: common_stock`), which has no `{name}`: leave it out, or state the new security as preferred stock or notes"
            ),
        );
    }
    if consideration.aggregate_liquidation_preference.is_some() {
        return err(
            "offer.consideration.aggregate_liquidation_preference",
            "common stock has no liquidation preference: give the ratio as a `block` of shares of common stock for each block of Shares, or as `designated_values`".into(),
        );
    }
    if consideration.cash_per_share.is_some() {
        return err(
            "offer.consideration.cash_per_share",
            "cash with common stock is not drafted yet: state the cash in `disclosure` text instead".into(),
        );
    }
    Ok(())
}

fn dates(loaded: &LoadedTerms, t: &Terms) -> Check {
    let err = |field: &str, message: String| Err(loaded.error_at(field, message));
    let d = &t.dates;
    let calendar = t.business_calendar();
    if let Some(next) = d.next_announcement
        && next <= d.announcement
    {
        return err("dates.next_announcement", "the next announcement must come after this one".into());
    }
    if let (Some(start), Some(end)) = (d.commencement, d.expiration)
        && end < start
    {
        return err("dates.expiration", "the offer cannot expire before it commences".into());
    }
    // The built-in days as the terms count them, before their own additions and removals.
    let builtin = Calendar::new(&Overrides {
        executive_orders: t.calendar.executive_order_closures,
        ..Overrides::default()
    });
    for (i, day) in t.calendar.add.iter().enumerate() {
        if let Some(why) = builtin.closed(day.0) {
            return err(
                &format!("calendar.add[{i}]"),
                format!("{} is already not a business day ({why})", format::date_with_weekday(day.0)),
            );
        }
    }
    for (i, day) in t.calendar.remove.iter().enumerate() {
        if builtin.is_business_day(day.0) || matches!(day.0.weekday(), Weekday::Sat | Weekday::Sun) {
            return err(
                &format!("calendar.remove[{i}]"),
                format!(
                    "{} is not a holiday or closure that could be removed",
                    format::date_with_weekday(day.0)
                ),
            );
        }
    }
    if t.stage() != Stage::Intent {
        if d.commencement.is_none() {
            return err("dates", "a commenced offer needs `dates.commencement`".into());
        }
        if let Err(e) = OfferDates::compute(t, &calendar) {
            return Err(loaded.error_with_help(&e.field, e.message, e.help));
        }
        let agent = if t.kind() == OfferKind::Exchange { "exchange agent" } else { "depositary" };
        if t.agents.exchange_agent.is_none() {
            return err("agents", format!("a commenced offer names its {agent} in `agents.exchange_agent`"));
        }
    }
    Ok(())
}

/// `whole` is false for the offer for one class of several ([`Terms::class_view`]), whose
/// amendment may change only another class.
fn amendments(loaded: &LoadedTerms, t: &Terms, whole: bool) -> Check {
    let err = |field: &str, message: String| Err(loaded.error_at(field, message));
    for (i, a) in t.amendments.iter().enumerate() {
        let field = format!("amendments[{i}]");
        if a.number as usize != i + 1 {
            return err(
                &format!("{field}.number"),
                format!("amendments are listed in order from 1: this one should be {}", i + 1),
            );
        }
        if let Some(start) = t.dates.commencement
            && a.date < start
        {
            return err(&format!("{field}.date"), "an amendment cannot precede the commencement".into());
        }
        if i > 0 && a.date < t.amendments[i - 1].date {
            return err(&format!("{field}.date"), "amendments are dated in order".into());
        }
        empty_lists(loaded, t, a, i)?;
        if whole
            && a.changes.is_empty()
            && a.other_classes.iter().all(|c| c.changes.is_empty() && c.shares_tendered_to_date.is_none())
            && a.other_changes.is_none()
        {
            return err(
                &format!("{field}.changes"),
                "say what the amendment changes, in `changes` or `other_changes`".into(),
            );
        }
        let amended = t.amended_through(a.number);
        amendment_changes(loaded, t, a, i, &amended)?;
        if let Some(auction) = &amended.offer.auction
            && (a.changes.min_price.is_some() || a.changes.max_price.is_some())
            && auction.min_price < auction.max_price
        {
            price_range(auction).map_err(|why| {
                loaded.error_at(&format!("{field}.changes"), format!("after this amendment {why}"))
            })?;
        }
        waivers(loaded, t, i, &amended)?;
        if let (Some(so_far), Some(outstanding)) =
            (a.shares_tendered_to_date, amended.security.shares_outstanding)
            && so_far > outstanding
        {
            return err(
                &format!("{field}.shares_tendered_to_date"),
                format!(
                    "more than the {} shares outstanding (`security.shares_outstanding`)",
                    shares(outstanding.0)
                ),
            );
        }
        if a.changes.min_percent.is_some() && amended.security.shares_outstanding.is_none() {
            return err(
                &format!("{field}.changes.min_percent"),
                "a minimum stated as a percentage of the class outstanding needs `security.shares_outstanding`"
                    .into(),
            );
        }
        if let (Some(min), Some(max)) = (crate::figures::minimum_required(&amended), amended.offer.max_shares)
            && min > max.decimal()
        {
            // Placed at the minimum this amendment sets, if it sets one; else at what it changed.
            let at = match (a.changes.min_shares, a.changes.min_percent, a.changes.max_shares) {
                (Some(_), _, _) => format!("{field}.changes.min_shares"),
                (None, Some(_), _) => format!("{field}.changes.min_percent"),
                (None, None, Some(_)) => format!("{field}.changes.max_shares"),
                (None, None, None) => format!("{field}.changes"),
            };
            return err(
                &at,
                format!(
                    "after this amendment the minimum ({} shares) is above the maximum ({})",
                    format::shares(min).unwrap_or_else(|| min.to_string()),
                    shares(max.0)
                ),
            );
        }
    }
    if t.stage() == Stage::Amendment {
        let n = t.filing.amendment.unwrap_or(0);
        if t.current_amendment().is_none() {
            return err(
                "filing.amendment",
                format!("Amendment No. {n} is not in `amendments`: list it with its date and changes"),
            );
        }
    }
    // The final amendment reports the results after every amendment listed: it takes a number
    // of its own.
    if t.stage() == Stage::Results
        && let Some(n) = t.filing.amendment
        && let Some(listed) = t.amendments.iter().position(|a| a.number == n)
    {
        return err(
            &format!("amendments[{listed}].number"),
            format!(
                "this filing reports the results as Amendment No. {n}, which `amendments` lists as an earlier amendment: give the filing the next number, {}",
                n + 1
            ),
        );
    }
    if let Some(n) = t.filing.amendment
        && let Some(last) = t.amendments.last()
        && last.number > n
    {
        return err(
            "filing.amendment",
            format!("the terms list Amendment No. {} but this filing is Amendment No. {n}", last.number),
        );
    }
    Ok(())
}

/// An empty list in an amendment is refused rather than read: `conditions: []` would drop
/// every condition of the Offer (a waiver of all of them in effect, which counsel state as
/// such, condition by condition), and `waive_conditions: []` waives nothing and would be
/// ignored.
fn empty_lists(loaded: &LoadedTerms, t: &Terms, a: &super::Amendment, i: usize) -> Check {
    let in_force = t.amended_through(a.number - 1).offer.conditions.len();
    if a.changes.conditions.as_ref().is_some_and(Vec::is_empty) {
        let dropped = match in_force {
            0 => "`offer.conditions` lists none, so it changes nothing".to_owned(),
            1 => "it would drop the one condition of the Offer".to_owned(),
            n => format!("it would drop all {n} conditions of the Offer"),
        };
        return Err(loaded.error_at(
            &format!("amendments[{i}].changes.conditions"),
            format!(
                "an empty list of conditions: {dropped}; list the conditions as amended, waive those given up with `waive_conditions: [N, ...]`, or leave `conditions` out"
            ),
        ));
    }
    let waive = format!("amendments[{i}].changes.waive_conditions");
    if a.changes.waive_conditions.is_empty() && loaded.map().contains(&waive) {
        return Err(loaded.error_at(
            &waive,
            "an empty list waives no condition and would be ignored: list the conditions waived by their place in `offer.conditions` (from 1), such as `waive_conditions: [2]`, or leave `waive_conditions` out"
                .to_owned(),
        ));
    }
    Ok(())
}

/// What the amendment at `i` waives exists in the terms as it amends them, and was not
/// waived before.
fn waivers(loaded: &LoadedTerms, t: &Terms, i: usize, amended: &Terms) -> Check {
    let err = |field: &str, message: String| Err(loaded.error_at(field, message));
    let changes = &t.amendments[i].changes;
    let earlier = &t.amendments[..i];
    let sets_minimum =
        changes.min_shares.is_some() || changes.min_percent.is_some() || changes.min_principal.is_some();
    if sets_minimum && let Some(before) = earlier.iter().find(|a| a.changes.waive_minimum_condition) {
        let set = match (changes.min_shares, changes.min_percent) {
            (Some(_), _) => "min_shares",
            (None, Some(_)) => "min_percent",
            (None, None) => "min_principal",
        };
        return err(
            &format!("amendments[{i}].changes.{set}"),
            format!(
                "Amendment No. {} waived the minimum condition: a waived condition is not set again by a later amendment; leave the minimum out",
                before.number
            ),
        );
    }
    if changes.waive_minimum_condition {
        let field = format!("amendments[{i}].changes.waive_minimum_condition");
        if crate::figures::minimum_required(amended).is_none() {
            let fields = if amended.security.notes.is_some() {
                "`offer.min_principal`"
            } else {
                "`offer.min_shares` or `offer.min_percent`"
            };
            return err(&field, format!("the offer has no minimum condition to waive ({fields})"));
        }
        if sets_minimum {
            return err(&field, "this amendment both sets a minimum condition and waives it".into());
        }
        if let Some(before) = earlier.iter().find(|a| a.changes.waive_minimum_condition) {
            return err(
                &field,
                format!("Amendment No. {} already waived the minimum condition", before.number),
            );
        }
    }
    let conditions = amended.offer.conditions.len();
    for (j, n) in changes.waive_conditions.iter().enumerate() {
        let field = format!("amendments[{i}].changes.waive_conditions[{j}]");
        if *n == 0 || *n as usize > conditions {
            let listed = match conditions {
                0 => "`offer.conditions` lists none".to_owned(),
                1 => "`offer.conditions` lists 1".to_owned(),
                n => format!("`offer.conditions` lists {n}, numbered from 1"),
            };
            return err(&field, format!("there is no condition {n}: {listed}"));
        }
        if changes.waive_conditions[..j].contains(n) {
            return err(&field, format!("condition {n} is listed twice"));
        }
        let text = &amended.offer.conditions[*n as usize - 1];
        let waived_before = earlier.iter().find(|a| {
            let then = t.amended_through(a.number).offer.conditions;
            a.changes
                .waive_conditions
                .iter()
                .any(|m| (*m as usize).checked_sub(1).and_then(|k| then.get(k)) == Some(text))
        });
        if let Some(before) = waived_before {
            return err(&field, format!("Amendment No. {} already waived condition {n}", before.number));
        }
    }
    Ok(())
}

/// `whole` is false for the offer for one class of several ([`Terms::class_view`]).
fn results(loaded: &LoadedTerms, t: &Terms, whole: bool) -> Check {
    let err = |field: &str, message: String| Err(loaded.error_at(field, message));
    let Some(r) = &t.results else {
        return if t.stage() == Stage::Results {
            err("filing.cover_boxes", "the final amendment reports results: give them under `results`".into())
        } else {
            Ok(())
        };
    };
    if t.stage() != Stage::Results {
        return err(
            "results",
            "results belong to the final amendment: check `final_amendment` on its cover".into(),
        );
    }
    let in_force = t.in_force();
    // In an offer for several classes one class may have none tendered while another is
    // accepted: the offer for one class alone (`whole` false) is not asked, and the whole
    // offer only when no class had any.
    let none_in_any_class = r.other_classes.iter().all(|c| c.tendered.0 == 0);
    if whole
        && r.tendered.0 == 0
        && none_in_any_class
        && !matches!(crate::figures::outcome(&in_force), crate::figures::Outcome::Terminated(_))
    {
        return err(
            "results.tendered",
            "nothing was tendered, so nothing can be accepted: an offer with none tendered is reported as terminated (`results.terminated`)".into(),
        );
    }
    for (field, part) in
        [("results.guaranteed_delivery", r.guaranteed_delivery.0), ("results.odd_lots", r.odd_lots.0)]
    {
        if part > r.tendered.0 {
            return err(field, format!("more than the {} shares tendered", shares(r.tendered.0)));
        }
    }
    outcome(loaded, t, &in_force, r)?;
    let ended = |t: &Terms| matches!(crate::figures::outcome(t), crate::figures::Outcome::Terminated(_));
    let terminated = ended(&in_force);
    // In an offer for several classes the offer settles unless the offer for every class ended;
    // the offer for one class alone (`whole` false) is not asked.
    let every_class_ended = terminated
        && (0..t.offer.other_classes.len()).all(|i| t.class_view(i).is_some_and(|v| ended(&v.in_force())));
    if terminated {
        // Nothing is accepted, so nothing is paid, issued or accepted beyond the maximum.
        if whole && every_class_ended && r.settlement_date.is_some() {
            return err(
                "results.settlement_date",
                "the offer was terminated and accepts nothing: there is no settlement".into(),
            );
        }
        if r.additional_accepted.0 > 0 {
            return err(
                "results.additional_accepted",
                "the offer was terminated and accepts no shares, under the 2% allowance or otherwise".into(),
            );
        }
    }
    // The 2% allowance accepts more than the maximum when more was tendered: where every share
    // tendered fits within the maximum, there is nothing more to accept.
    if r.additional_accepted.0 > 0
        && let Some(max) = in_force.offer.max_shares
        && r.tendered.0 <= max.0
    {
        return err(
            "results.additional_accepted",
            format!(
                "the {} shares tendered are within the {} sought: all are accepted without the 2% allowance",
                shares(r.tendered.0),
                shares(max.0)
            ),
        );
    }
    if r.additional_accepted.0 > 0 {
        let Some(outstanding) = t.security.shares_outstanding else {
            return err(
                "results.additional_accepted",
                "the 2% allowance is measured on `security.shares_outstanding`: give it".into(),
            );
        };
        let allowance = outstanding.0 / 50;
        if r.additional_accepted.0 > allowance {
            return err(
                "results.additional_accepted",
                format!(
                    "above the 2% of the class outstanding ({}) that may be accepted without extending the offer",
                    shares(allowance)
                ),
            );
        }
    }
    match &in_force.offer.auction {
        Some(auction) => {
            if r.tenders_by_price.is_empty() && !terminated {
                return err(
                    "results.tenders_by_price",
                    "a Dutch auction's results give the shares tendered at each price".into(),
                );
            }
            let Some(total) = r.tenders_by_price.iter().try_fold(0u64, |sum, x| sum.checked_add(x.shares.0))
            else {
                return err(
                    "results.tenders_by_price",
                    format!("the tenders by price add up to more than the {} tendered", shares(r.tendered.0)),
                );
            };
            if total != r.tendered.0 && !r.tenders_by_price.is_empty() {
                return err(
                    "results.tenders_by_price",
                    format!(
                        "the tenders by price add up to {}, not the {} tendered",
                        shares(total),
                        shares(r.tendered.0)
                    ),
                );
            }
            for (i, tender) in r.tenders_by_price.iter().enumerate() {
                let Some(price) = tender.price else { continue };
                let on_a_step = (price.0 - auction.min_price.0)
                    .checked_div(auction.increment.0)
                    .is_some_and(|from_min| from_min.fract().is_zero());
                if price < auction.min_price || price > auction.max_price || !on_a_step {
                    return err(
                        &format!("results.tenders_by_price[{i}].price"),
                        format!(
                            "{} is not a price of the range ({} to {} in steps of {})",
                            format::money(price.0),
                            format::money(auction.min_price.0),
                            format::money(auction.max_price.0),
                            format::money(auction.increment.0)
                        ),
                    );
                }
            }
        }
        None if !r.tenders_by_price.is_empty() => {
            return err("results.tenders_by_price", "only a Dutch auction reports tenders by price".into());
        }
        None => {}
    }
    Ok(())
}

/// The outcome the results state: preliminary or final, what was waived, and why an offer
/// was terminated, each consistent with the minimum condition and the conditions listed.
fn outcome(loaded: &LoadedTerms, t: &Terms, in_force: &Terms, r: &super::Results) -> Check {
    let err = |field: &str, message: String| Err(loaded.error_at(field, message));
    let final_amendment = t.filing.cover_boxes.contains(&CoverBox::FinalAmendment);
    if r.preliminary && final_amendment {
        return err(
            "results.preliminary",
            "preliminary results come before the final amendment: uncheck `final_amendment` on the cover, \
             or report the final count"
                .into(),
        );
    }
    if r.preliminary && r.preliminary_date.is_some() {
        return err(
            "results.preliminary_date",
            "the date of earlier preliminary results belongs to the final results".into(),
        );
    }
    if let Some(earlier) = r.preliminary_date
        && earlier > r.date
    {
        return err("results.preliminary_date", "the preliminary results come before the final ones".into());
    }
    // The count is taken once the Offer expires: results dated before then (or on the day
    // it expires at the end of) are refused, preliminary or final, unless the offer ended
    // another way before it (withdrawn, or a condition failed).
    let ended_early = r.terminated.as_ref().is_some_and(|x| x.reason != TerminationReason::MinimumNotMet);
    if !ended_early && let Ok(Some(offer)) = OfferDates::compute(t, &t.business_calendar()) {
        let same_day = offer.expiration_time == super::ExpirationTime::FivePm;
        let too_early =
            |date: super::Date| date.0 < offer.expiration || (date.0 == offer.expiration && !same_day);
        let expires = format!(
            "the Offer expires at {}, New York City time, on {}",
            offer.expiration_time.words(),
            format::date_with_weekday(offer.expiration)
        );
        for (field, date) in
            [("results.date", Some(r.date)), ("results.preliminary_date", r.preliminary_date)]
        {
            if let Some(date) = date.filter(|d| too_early(*d)) {
                return err(
                    field,
                    format!(
                        "{expires}: results dated {} come before the count can be taken; date them after the expiration",
                        format::date_with_weekday(date.0)
                    ),
                );
            }
        }
    }
    if let Some(settlement) = r.settlement_date
        && settlement < r.date
    {
        return err(
            "results.settlement_date",
            format!(
                "settlement on {} comes before the results announced on {}: Shares are accepted and paid for once the count is known",
                format::date_with_weekday(settlement.0),
                format::date_with_weekday(r.date.0)
            ),
        );
    }
    let conditions = in_force.offer.conditions.len();
    let condition_at = |field: &str, n: u32| -> Check {
        if n == 0 || n as usize > conditions {
            let listed = match conditions {
                0 => "`offer.conditions` lists none".to_owned(),
                1 => "`offer.conditions` lists 1".to_owned(),
                n => format!("`offer.conditions` lists {n}, numbered from 1"),
            };
            return Err(loaded.error_at(field, format!("there is no condition {n}: {listed}")));
        }
        Ok(())
    };
    let required = crate::figures::minimum_required(in_force);
    let minimum_waived = in_force.minimum_condition_waived();
    if !r.preliminary
        && !ended_early
        && let (Some(days), Some(expiration)) =
            (in_force.offer.guaranteed_delivery_days, in_force.dates.expiration)
    {
        // Shares tendered by notice may still be delivered until the last day of the period:
        // before then the count is not final.
        let calendar = Calendar::new(&t.calendar.overrides());
        if let Some(last) = calendar.advance(expiration.0, days)
            && r.date.0 < last
        {
            return err(
                "results.date",
                format!(
                    "shares tendered by notice of guaranteed delivery may be delivered until {} ({days} trading {} after the expiration): final results come no earlier; report a count before then as `preliminary: true`",
                    format::date_with_weekday(last),
                    if days == 1 { "day" } else { "days" }
                ),
            );
        }
    }
    if let Some(required) = required
        && r.preliminary
        && !minimum_waived
        && r.tendered.decimal() < required
    {
        return err(
            "results.tendered",
            format!(
                "the preliminary count falls short of the minimum condition ({}): report the \
                 termination in the final amendment",
                amount(t, required)
            ),
        );
    }
    let Some(termination) = &r.terminated else { return Ok(()) };
    if r.preliminary {
        return err(
            "results.terminated",
            "a terminated offer reports its end in the final amendment, not in preliminary results".into(),
        );
    }
    match (termination.reason, termination.condition) {
        (TerminationReason::ConditionFailed, None) => err(
            "results.terminated",
            "name the condition not satisfied by its place in `offer.conditions`: `condition: 1`".into(),
        ),
        (TerminationReason::ConditionFailed, Some(n)) => {
            condition_at("results.terminated.condition", n)?;
            let text = &in_force.offer.conditions[n as usize - 1].0;
            if let Some(waiver) = in_force.waivers().iter().find(|w| w.conditions.contains(text)) {
                return err(
                    "results.terminated.condition",
                    format!(
                        "condition {n} was waived on {}, so it cannot end the offer",
                        format::date(waiver.date.0)
                    ),
                );
            }
            Ok(())
        }
        (_, Some(_)) => err(
            "results.terminated.condition",
            "only a termination for `condition_failed` names a condition".into(),
        ),
        (TerminationReason::MinimumNotMet, None) => match required {
            None => err(
                "results.terminated.reason",
                "the offer has no minimum condition (`offer.min_shares` or `offer.min_percent`)".into(),
            ),
            Some(_) if minimum_waived => err(
                "results.terminated.reason",
                "the minimum condition was waived in an amendment, so it cannot end the offer".into(),
            ),
            Some(required) if r.tendered.decimal() >= required => err(
                "results.terminated.reason",
                format!(
                    "{} tendered meets the minimum of {}",
                    amount(t, r.tendered.decimal()),
                    amount(t, required)
                ),
            ),
            Some(_) => Ok(()),
        },
        (TerminationReason::Withdrawn, None) => Ok(()),
    }
}

/// What counsel should look at in the terms that does not stop the render.
pub fn warnings(t: &Terms) -> Vec<String> {
    let mut out = Vec::new();
    if t.offer.exemption == Some(Exemption::Section3a9)
        && let Some(dm) = &t.agents.dealer_manager
    {
        out.push(format!(
            "agents.dealer_manager: Section 3(a)(9) exempts an exchange only where no commission or other remuneration is paid, directly or indirectly, for soliciting it; confirm that {} does not solicit tenders for a fee (the Offer leaves its role to draft)",
            dm.name.0
        ));
    }
    out
}

/// Each change of an amendment replaces a term with a new value of the same kind: not the value
/// already in force, not a dividend rate for notes or an interest rate for preferred stock, not
/// an earlier expiration, and a closing price measured after the one it replaces and no later
/// than the amendment itself.
fn amendment_changes(
    loaded: &LoadedTerms,
    t: &Terms,
    a: &super::Amendment,
    i: usize,
    amended: &Terms,
) -> Check {
    let before = t.amended_through(a.number - 1);
    let at = |name: &str| format!("amendments[{i}].changes.{name}");
    let flat = |terms: &Terms| crate::changes::fields(terms).unwrap_or_default();
    let (old, new) = (flat(&before), flat(amended));
    let consideration_fields = [
        "aggregate_liquidation_preference",
        "block",
        "designated_values",
        "dividend_rate",
        "liquidation_preference",
        "interest_rate",
        "principal_amount",
        "cash_per_share",
        "common_stock_closing_price",
    ];
    let foreign: &[&str] = match before.kind() {
        OfferKind::Exchange => &["cash_price", "min_price", "max_price"],
        OfferKind::Cash => &["min_price", "max_price"],
        OfferKind::DutchAuction => &["cash_price"],
    };
    if let Some(name) = a.changes.fields_set().into_iter().find(|f| {
        foreign.contains(f) || (before.kind() != OfferKind::Exchange && consideration_fields.contains(f))
    }) {
        let kind = match before.kind() {
            OfferKind::Exchange => "an exchange offer",
            OfferKind::Cash => "a cash offer at a fixed price",
            OfferKind::DutchAuction => "a modified Dutch auction",
        };
        return Err(loaded.error_at(
            &at(name),
            format!(
                "the offer is {kind}: `{name}` is not one of its terms, so an amendment cannot change it"
            ),
        ));
    }
    for name in a.changes.fields_set() {
        let Some(path) = super::Changes::replaces(name) else { continue };
        let under = |fields: &std::collections::BTreeMap<String, String>| -> Vec<(String, String)> {
            fields
                .iter()
                .filter(|(k, _)| {
                    *k == path || k.starts_with(&format!("{path}.")) || k.starts_with(&format!("{path}["))
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        };
        if under(&old) == under(&new) {
            return Err(loaded.error_at(
                &at(name),
                format!(
                    "Amendment No. {} sets `{name}` to the value already in force: it is not a change",
                    a.number
                ),
            ));
        }
    }
    if let Some(was) = &before.offer.consideration {
        let changed = a.changes.fields_set();
        let wrong = if was.security.is_common_stock() {
            [
                "aggregate_liquidation_preference",
                "dividend_rate",
                "liquidation_preference",
                "interest_rate",
                "principal_amount",
                "cash_per_share",
            ]
            .into_iter()
            .find(|f| changed.contains(f))
        } else if was.security.is_debt() {
            ["dividend_rate", "liquidation_preference", "common_stock_closing_price"]
                .into_iter()
                .find(|f| changed.contains(f))
        } else {
            ["interest_rate", "principal_amount", "common_stock_closing_price"]
                .into_iter()
                .find(|f| changed.contains(f))
        };
        if let Some(name) = wrong {
            let kind = if was.security.is_common_stock() {
                "the Company's common stock"
            } else if was.security.is_debt() {
                "notes"
            } else {
                "preferred stock"
            };
            return Err(loaded.error_at(
                &at(name),
                format!("the new security is {kind}: an amendment changes its own terms, not `{name}`"),
            ));
        }
    }
    if let (Some(max), Some(outstanding)) = (a.changes.max_shares, amended.security.shares_outstanding)
        && max > outstanding
    {
        return Err(loaded.error_at(
            &at("max_shares"),
            format!(
                "after Amendment No. {} the offer would seek {} shares, more than the {} outstanding",
                a.number,
                crate::format::shares(max.decimal()).unwrap_or_default(),
                crate::format::shares(outstanding.decimal()).unwrap_or_default()
            ),
        ));
    }
    if let (Some(new_date), Some(old_date)) = (a.changes.expiration, before.dates.expiration)
        && new_date < old_date
    {
        return Err(loaded.error_at(
            &at("expiration"),
            format!(
                "Amendment No. {} moves the expiration from {} back to {}: an amendment may extend the offer, not shorten it",
                a.number,
                crate::format::date(old_date.0),
                crate::format::date(new_date.0)
            ),
        ));
    }
    // The Shares' closing price, and the common stock's offered for them: each re-measured
    // after the price it replaces, and no later than the amendment that states it.
    let common_before = before.offer.consideration.as_ref().and_then(|c| c.security.closing_price.as_ref());
    for (name, closing, was) in [
        ("closing_price", &a.changes.closing_price, before.security.closing_price.as_ref()),
        ("common_stock_closing_price", &a.changes.common_stock_closing_price, common_before),
    ] {
        let Some(closing) = closing else { continue };
        if closing.date > a.date {
            return Err(loaded.error_at(
                &format!("{}.date", at(name)),
                format!(
                    "the closing price is dated {}, after Amendment No. {} of {}",
                    crate::format::date(closing.date.0),
                    a.number,
                    crate::format::date(a.date.0)
                ),
            ));
        }
        if let Some(was) = was
            && closing.date < was.date
        {
            return Err(loaded.error_at(
                &format!("{}.date", at(name)),
                format!(
                    "a re-measured closing price is dated after the one it replaces ({}), not before",
                    crate::format::date(was.date.0)
                ),
            ));
        }
    }
    let changed = a.changes.fields_set();
    let prices = ["closing_price", "common_stock_closing_price"];
    if !changed.is_empty() && changed.iter().all(|f| prices.contains(f)) && a.other_changes.is_none() {
        let what = if changed == ["common_stock_closing_price"] {
            "the closing price of the common stock offered"
        } else {
            "the closing price"
        };
        return Err(loaded.error_at(
            &at(changed[0]),
            format!(
                "re-measuring {what} changes no term of the offer: Amendment No. {} must also change a term, or say what it does in `other_changes`",
                a.number
            ),
        ));
    }
    Ok(())
}
