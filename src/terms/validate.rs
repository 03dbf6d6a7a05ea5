//! Checks that span more than one field: each failure is placed at the field to fix.

use super::load::LoadedTerms;
use super::{CoverBox, FormType};
use crate::diagnostics::Diagnostic;

pub fn validate(loaded: &LoadedTerms) -> Result<(), Diagnostic> {
    let t = &loaded.terms;
    let err = |field: &str, message: String| Err(loaded.error_at(field, message));

    match (t.filing.form.is_amendment(), t.filing.amendment) {
        (true, None) => {
            return err(
                "filing.form",
                format!(
                    "{} is an amendment: give its number in `filing.amendment`",
                    t.filing.form.edgar_name()
                ),
            );
        }
        (true, Some(0)) => return err("filing.amendment", "amendments are numbered from 1".into()),
        (false, Some(n)) => {
            return err(
                "filing.amendment",
                format!(
                    "Amendment No. {n} needs an amendment form (SC TO-I/A or SC TO-T/A), not {}",
                    t.filing.form.edgar_name()
                ),
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
        return err(
            "filing.cover_boxes",
            format!("a {} filing must check `{needed}` on its cover", t.filing.form.edgar_name()),
        );
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

    if t.filing_persons.is_empty() {
        return err("filing_persons", "name at least one filing person".into());
    }
    for (i, person) in t.filing_persons.iter().enumerate() {
        if person.roles.is_empty() {
            return err(
                &format!("filing_persons[{i}].roles"),
                "give each filing person at least one role: offeror, issuer or other_person".into(),
            );
        }
    }
    if t.counsel.is_empty() {
        return err("counsel", "name at least one counsel for the \"Copy to\" block".into());
    }
    let mut addresses = vec![
        ("issuer.address".to_owned(), &t.issuer.address),
        ("notices.address".to_owned(), &t.notices.address),
    ];
    addresses
        .extend(t.counsel.iter().enumerate().map(|(i, c)| (format!("counsel[{i}].address"), &c.address)));
    if let Some((field, _)) = addresses.iter().find(|(_, lines)| lines.is_empty()) {
        return err(field, "an address needs at least one line".into());
    }

    let consideration = &t.offer.consideration;
    match (&consideration.aggregate_liquidation_preference, &consideration.block) {
        (Some(_), Some(_)) => {
            return err(
                "offer.consideration.block",
                "give either `aggregate_liquidation_preference` or `block`, not both".into(),
            );
        }
        (None, None) => {
            return err(
                "offer.consideration",
                "give the consideration as `aggregate_liquidation_preference` or as a `block` ratio".into(),
            );
        }
        _ => {}
    }
    if let Some(min) = t.offer.min_shares
        && min > t.offer.max_shares
    {
        return err(
            "offer.min_shares",
            format!(
                "the minimum ({}) is above the maximum number of shares sought ({})",
                min.0, t.offer.max_shares.0
            ),
        );
    }

    let closing = &t.security.closing_price;
    if closing.date > t.dates.announcement {
        return err(
            "security.closing_price.date",
            "the closing price is dated after the announcement that quotes it".into(),
        );
    }
    if let Some(next) = t.dates.next_announcement
        && next <= t.dates.announcement
    {
        return err("dates.next_announcement", "the next announcement must come after this one".into());
    }
    Ok(())
}
