//! What templates see: the terms as written, the computed figures as exact decimal strings,
//! and the few facts derived for the cover page. docs/templates.md documents each name.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::Document;
use crate::figures::Figures;
use crate::terms::{CoverBox, FilingRole, FormType, Terms};

#[derive(Serialize)]
struct Context<'a> {
    terms: &'a Terms,
    figures: BTreeMap<&'static str, String>,
    form: FormView,
    cover: CoverView,
    offeror: OfferorView,
    /// Links between the documents of the set, by template stem with `-` as `_`.
    documents: BTreeMap<String, String>,
    /// "increase" when the effective price is above the closing price, else "decrease".
    premium_direction: &'static str,
}

#[derive(Serialize)]
struct FormView {
    name: &'static str,
    amendment: Option<u32>,
    pre_commencement: bool,
}

#[derive(Serialize)]
struct CoverView {
    /// Every box of the cover page, checked or not.
    checked: BTreeMap<&'static str, bool>,
    /// When the subject company is the only filing person, one caption names both and this
    /// is its status as filing person ("Offeror").
    sole_filer_status: Option<String>,
    filing_persons: Vec<FilingPersonView>,
}

#[derive(Serialize)]
struct FilingPersonView {
    name: String,
    /// "Offeror", "Issuer and Offeror", ...
    status: String,
}

#[derive(Serialize)]
struct OfferorView {
    name: String,
    is_issuer: bool,
}

const BOXES: [(CoverBox, &str); 7] = [
    (CoverBox::ThirdPartyTenderOffer, "third_party_tender_offer"),
    (CoverBox::IssuerTenderOffer, "issuer_tender_offer"),
    (CoverBox::GoingPrivateTransaction, "going_private_transaction"),
    (CoverBox::AmendmentToSchedule13d, "amendment_to_schedule_13d"),
    (CoverBox::FinalAmendment, "final_amendment"),
    (CoverBox::CrossBorderIssuerTenderOffer, "cross_border_issuer_tender_offer"),
    (CoverBox::CrossBorderThirdPartyTenderOffer, "cross_border_third_party_tender_offer"),
];

fn role_name(role: FilingRole) -> &'static str {
    match role {
        FilingRole::Offeror => "Offeror",
        FilingRole::Issuer => "Issuer",
        FilingRole::OtherPerson => "Other Person",
    }
}

/// Joins names as prose: "A", "A and B", "A, B and C".
fn join_prose(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

pub fn build(terms: &Terms, figures: &Figures) -> Result<tera::Context, tera::Error> {
    let mut checked: BTreeMap<&'static str, bool> =
        BOXES.iter().map(|(b, name)| (*name, terms.filing.cover_boxes.contains(b))).collect();
    checked.insert("preliminary_communication", terms.filing.form == FormType::PreCommencement);

    let filing_persons: Vec<FilingPersonView> = terms
        .filing_persons
        .iter()
        .map(|p| {
            let mut roles: Vec<FilingRole> = p.roles.clone();
            roles.dedup();
            let names: Vec<&str> = roles.iter().map(|r| role_name(*r)).collect();
            FilingPersonView { name: p.name.0.clone(), status: join_prose(&names) }
        })
        .collect();
    let sole_filer_status = match terms.filing_persons.as_slice() {
        [only] if only.name == terms.issuer.name => {
            let roles: Vec<&str> =
                only.roles.iter().filter(|r| **r != FilingRole::Issuer).map(|r| role_name(*r)).collect();
            Some(if roles.is_empty() { "Offeror".to_owned() } else { join_prose(&roles) })
        }
        _ => None,
    };

    let offeror = terms
        .filing_persons
        .iter()
        .find(|p| p.roles.contains(&FilingRole::Offeror))
        .or(terms.filing_persons.first())
        .map_or(&terms.issuer.name, |p| &p.name);
    let offeror = OfferorView { name: offeror.0.clone(), is_issuer: *offeror == terms.issuer.name };

    let documents =
        Document::ALL.iter().map(|d| (d.stem().replace('-', "_"), format!("{}.md", d.stem()))).collect();

    let context = Context {
        terms,
        figures: figures.all().iter().map(|f| (f.name, f.value.to_string())).collect(),
        form: FormView {
            name: terms.filing.form.edgar_name(),
            amendment: terms.filing.amendment,
            pre_commencement: terms.filing.form == FormType::PreCommencement,
        },
        cover: CoverView { checked, sole_filer_status, filing_persons },
        offeror,
        documents,
        premium_direction: if figures.value("premium").unwrap_or_default() >= Decimal::ZERO {
            "increase"
        } else {
            "decrease"
        },
    };
    tera::Context::from_serialize(&context)
}
