//! What templates see: the terms in force, each computed figure in its printed form (marked
//! for the ledger, carrying its exact value for the filters that print it another way), and
//! the facts derived for each stage (documents of the set, Offer sections, exhibits, what an
//! amendment changed). docs/templates.md documents each name.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::documents::{Document, Section, offer_sections};
use super::exhibits::{self, Exhibit};
use super::ledger::{self, Era};
use crate::changes;
use crate::diagnostics::Diagnostic;
use crate::figures::{self, Figure, FigureId, Figures};
use crate::filing::Filing;
use crate::format;
use crate::terms::{
    Amendment, CoverBox, FilingRole, FormType, OfferKind, Stage, TerminationReason, Terms, Waiver,
};
use crate::timetable::OfferDates;

#[derive(Serialize)]
struct Context<'a> {
    /// The terms in force for this filing (amendments applied).
    terms: &'a Terms,
    stage: Stage,
    kind: OfferKind,
    /// Each figure as it prints, marked for the ledger of printed figures.
    figures: BTreeMap<&'static str, String>,
    /// On an amendment, the figures before it.
    previous_figures: BTreeMap<&'static str, String>,
    /// On an amendment, the terms before it.
    previous_terms: Option<&'a Terms>,
    form: FormView,
    cover: CoverView,
    offeror: OfferorView,
    /// Whether the offer is a third party's (Regulation 14D), made by `terms.bidder`.
    third_party: bool,
    /// The file of each document of the set, for links, by stem with `-` as `_`.
    documents: BTreeMap<String, String>,
    /// The exhibit number of each document of the set filed as an exhibit, by the same key
    /// (`exhibit_of.letter_of_transmittal`: "(a)(1)(B)"), for the legend at its top.
    exhibit_of: BTreeMap<String, String>,
    /// A modified Dutch auction's prices, lowest first, each as printed ("$20.25"), in rows of
    /// [`PRICES_PER_ROW`] for the price boxes of the Letter of Transmittal; empty otherwise.
    auction_price_rows: Vec<Vec<String>>,
    offer_doc: OfferDocView,
    /// "Exchange Agent" or "Depositary".
    agent_title: &'static str,
    exhibits: Vec<Exhibit>,
    /// The exhibits this filing adds (an amendment's new press release).
    new_exhibits: Vec<Exhibit>,
    amendment: Option<&'a Amendment>,
    /// What the amendment changed, each with its value before and after.
    changes: Vec<Change>,
    /// The same, part by part, with the Offer sections and Schedule TO Items each amends.
    amended_parts: Vec<AmendedPart>,
    /// What the amendment waives: the minimum condition, and the conditions in their words.
    waiver: Option<Waiver>,
    /// Whether this amendment changes what is paid for the securities of any class sought:
    /// those already tendered receive the consideration as amended (Rule 13e-4(f)(8)(ii),
    /// Rule 14d-10(a)(2)).
    consideration_changed: bool,
    signature: SignatureView,
    /// The dates the rules derive for a commenced offer (docs/templates.md).
    offer_dates: Option<&'a OfferDates>,
    /// "increase" when the price is above the closing price, else "decrease".
    premium_direction: &'static str,
    /// Whether the new preferred stock's dividends are cumulative; absent when the terms do
    /// not say (`offer.consideration.security.cumulative`, or "Cumulative" in its title).
    cumulative: Option<bool>,
    /// In the results, whether fewer shares were accepted than tendered.
    prorated: bool,
    /// Whether odd lots can be accepted first: the terms give the priority, and tenders are
    /// not accepted only in blocks of 100 Shares or more.
    odd_lots_apply: bool,
    /// The fewest Shares a tender must hold when tenders are accepted only in whole blocks of
    /// more than one Share: holders of fewer cannot take part.
    whole_lot: Option<u64>,
    /// Whether the offer has a minimum condition, as a number of shares or a percentage.
    has_minimum: bool,
    /// A minimum condition stated as a percentage, printed as the terms write it ("50.1%").
    minimum_percent: Option<String>,
    /// In the results, how the offer ended.
    outcome: Option<OutcomeView>,
    /// Each class the offer seeks, the first (`terms.security`) first: one for most offers,
    /// and for an offer for several classes each with its own terms and figures.
    classes: Vec<ClassView<'a>>,
    /// When the class sought is notes (`security.notes`), what the documents print of them
    /// beyond the terms; absent for shares.
    notes: Option<NotesView>,
    /// The structured disclosure of the Offer: price ranges, summary financial information
    /// and Schedule I (src/render/disclosure.rs).
    disclosure: super::disclosure::DisclosureView,
}

/// Notes sought, as printed.
#[derive(Serialize)]
struct NotesView {
    /// The interest rate as the terms write it ("4.75%"), as the title does.
    interest_rate: Option<String>,
    /// In the results, whether every note outstanding was accepted: none remains.
    none_remain: bool,
}

/// One class sought: the offer for that class alone and its figures.
#[derive(Serialize)]
struct ClassView<'a> {
    security: &'a crate::terms::SubjectSecurity,
    /// The offer's terms for this class: its maximum, minimum and ratio.
    offer: &'a crate::terms::Offer,
    figures: BTreeMap<&'static str, String>,
    /// A minimum condition stated as a percentage, printed as the terms write it.
    minimum_percent: Option<String>,
    /// "increase" when this class's premium is not negative, else "decrease".
    premium_direction: &'static str,
    /// What the documents call the class's shares: "Shares" in an offer for one class, the
    /// class's `short_name` ("Series A Shares") in an offer for several once it commences.
    term: String,
    /// The same in the singular: "Share", "Series A Share".
    term_one: String,
    /// What sets the class apart, as its name gives it ("Series A"; empty in an offer for one
    /// class): "the Series A Minimum Condition".
    label: String,
    /// As the offer's: whether odd lots of this class are accepted first, the fewest shares
    /// of it a tender must hold, and whether it has a minimum condition.
    odd_lots_apply: bool,
    whole_lot: Option<u64>,
    has_minimum: bool,
    /// In the results, this class's count (the offer's date, settlement and termination with
    /// it), how its offer ended and whether fewer of its shares were accepted than tendered.
    results: Option<&'a crate::terms::Results>,
    outcome: Option<OutcomeView>,
    prorated: bool,
    /// On an amendment, the amendment as it reads for this class: its own
    /// `shares_tendered_to_date`.
    amendment: Option<&'a Amendment>,
    /// Whether this filing's amendment waives this class's minimum condition.
    minimum_waived_now: bool,
    /// Whether this filing's amendment changes what is paid for this class's securities.
    consideration_changed_now: bool,
    /// Whether this filing's amendment changes the multiple in which this class's shares are
    /// accepted, or whether its odd lots are accepted first; absent otherwise.
    increment_change: Option<IncrementChange>,
}

#[derive(Serialize)]
struct OutcomeView {
    /// Whether the offer was terminated and nothing accepted.
    terminated: bool,
    /// Why: "minimum_not_met", "condition_failed" or "withdrawn"; empty when not terminated.
    reason: &'static str,
    /// The condition not satisfied, in the words of `offer.conditions`.
    failed_condition: Option<String>,
    /// The waivers announced in the amendments in force, in order, each with its date: the
    /// results say "As announced on ..., the Company waived ...".
    waivers: Vec<Waiver>,
    /// Whether an amendment in force waived the minimum condition.
    minimum_waived: bool,
    /// Whether every share tendered (at or below the purchase price, in an auction) was
    /// accepted: only then do the documents say "all".
    all_accepted: bool,
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

#[derive(Serialize)]
struct OfferDocView {
    /// "Offer to Exchange" or "Offer to Purchase".
    title: &'static str,
    file: String,
    /// "exchange" or "purchase": "accepted for exchange", "accepted for purchase".
    verb: &'static str,
    sections: Vec<Section>,
    /// The same sections by key, for references: `offer_doc.section.conditions.title`.
    section: BTreeMap<&'static str, Section>,
    /// On an amendment that restates the Offer, the amended and restated Offer and the amended
    /// Letter of Transmittal it files; absent otherwise.
    restated: Option<RestatedView>,
}

/// The amended and restated Offer and the amended Letter of Transmittal of an amendment.
#[derive(Serialize)]
struct RestatedView {
    /// The amendment's date, which the restated Offer bears.
    date: crate::terms::Date,
    /// "Amended and Restated Offer to Exchange", "Amended Letter of Transmittal".
    offer_title: String,
    letter_title: String,
    /// Their exhibit numbers: "(a)(1)(F)", "(a)(1)(G)".
    offer_exhibit: String,
    letter_exhibit: String,
}

/// One part of what an amendment changes, as the amendment states it: the sections of the
/// Offer that state the part, the Items of the Schedule TO that incorporate them, and the
/// terms changed.
#[derive(Serialize)]
struct AmendedPart {
    /// "consideration" (what is sought and what is paid for it, and the figures that follow),
    /// "conditions" (the minimum condition, the other conditions and waivers) or "expiration".
    topic: &'static str,
    /// Whether the Offer states the part on its cover page too.
    cover: bool,
    sections: Vec<Section>,
    /// "Items 1, 4 and 7".
    items: String,
    /// The changed terms of the part, each before and after.
    changes: Vec<Change>,
}

/// How an amendment changes the multiple in which a class's shares are accepted, and with it
/// whether odd lots are accepted first: the amendment says so, since proration changes with it.
#[derive(Serialize, Clone, Copy)]
struct IncrementChange {
    /// The fewest shares a tender must hold, before and after (1: any whole number).
    before: u64,
    after: u64,
    /// Whether odd lots are accepted first, before and after.
    odd_lots_before: bool,
    odd_lots_after: bool,
}

use changes::TermRow as Change;

#[derive(Serialize)]
struct SignatureView {
    /// The signatory the terms name (`signature`); `None` leaves a note to draft.
    name: Option<String>,
    title: Option<String>,
    /// Signed as filed ("/s/ Name"): in `--mode filing`, with a signatory named.
    conformed: bool,
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

/// The context the templates render a filing with.
pub fn build(filing: &Filing) -> Result<tera::Context, Diagnostic> {
    let cannot = |e: tera::Error| Diagnostic::new(format!("cannot prepare the template context: {e}"));
    let terms = filing.terms();
    let (stage, kind, in_force) = (filing.stage, filing.kind, &filing.in_force);

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

    let in_set = Document::for_terms(in_force);
    let documents: BTreeMap<String, String> =
        in_set.iter().map(|d| (d.stem(kind).replace('-', "_"), format!("{}.md", d.stem(kind)))).collect();
    let sections = offer_sections(in_force, kind);
    let exhibits::Index { all: exhibits, added: new_exhibits } = exhibits::index(filing, &in_set)?;
    let number_of = |document: Document| {
        let file = format!("{}.md", document.stem(kind));
        new_exhibits.iter().find(|e| e.file.as_deref() == Some(file.as_str())).map(|e| e.number.clone())
    };
    let restated = match (
        terms.current_amendment(),
        number_of(Document::Offer),
        number_of(Document::LetterOfTransmittal),
    ) {
        (Some(a), Some(offer_exhibit), Some(letter_exhibit)) if Document::restated(in_force) => {
            Some(RestatedView {
                date: a.date,
                offer_title: Document::Offer.heading(kind, true),
                letter_title: Document::LetterOfTransmittal.heading(kind, true),
                offer_exhibit,
                letter_exhibit,
            })
        }
        _ => None,
    };
    let offer_doc = OfferDocView {
        title: Document::Offer.title(kind),
        file: format!("{}.md", Document::Offer.stem(kind)),
        verb: if kind == OfferKind::Exchange { "exchange" } else { "purchase" },
        section: sections.iter().map(|s| (s.key, s.clone())).collect(),
        sections,
        restated,
    };

    let exhibit_of = documents
        .iter()
        .filter_map(|(key, file)| {
            let row = exhibits.iter().find(|e| e.in_set && e.file.as_deref() == Some(file.as_str()))?;
            Some((key.clone(), row.number.clone()))
        })
        .collect();
    // An amendment prints what it changed; the final amendment reports results instead.
    let amendment = terms.current_amendment().filter(|_| stage == Stage::Amendment);
    let (previous_figures, changes) = match (amendment, &filing.before, &filing.figures_before) {
        (Some(_), Some(before), Some(figures_before)) => {
            (ledger::marked_figures(figures_before, Era::Before), changes(before, in_force, filing))
        }
        _ => (BTreeMap::new(), Vec::new()),
    };
    let signature = SignatureView {
        name: terms.signature.as_ref().map(|s| s.name.0.clone()),
        title: terms.signature.as_ref().map(|s| s.title.0.clone()),
        conformed: filing.mode == crate::filing::Mode::Filing && terms.signature.is_some(),
    };
    let figures = &filing.figures;

    // The first class's figures, minimum and direction are the filing's own names too.
    let classes = classes(filing).map_err(cannot)?;
    let first = &classes[0];
    let amended_parts = match amendment {
        Some(a) => {
            amended_parts(a, &changes, &offer_doc, kind, classes.iter().any(|c| c.increment_change.is_some()))
        }
        None => Vec::new(),
    };
    let context = Context {
        terms: in_force,
        stage,
        kind,
        figures: first.figures.clone(),
        previous_figures,
        previous_terms: amendment.and(filing.before.as_ref()),
        form: FormView {
            name: terms.filing.form.edgar_name(),
            amendment: terms.filing.amendment,
            pre_commencement: stage == Stage::Intent,
        },
        cover: CoverView { checked, sole_filer_status, filing_persons },
        offeror,
        third_party: terms.is_third_party(),
        documents,
        exhibit_of,
        auction_price_rows: auction_prices(in_force).chunks(PRICES_PER_ROW).map(<[String]>::to_vec).collect(),
        offer_doc,
        agent_title: if kind == OfferKind::Exchange { "Exchange Agent" } else { "Depositary" },
        exhibits,
        new_exhibits,
        amendment: terms.current_amendment(),
        waiver: terms.current_amendment().and_then(|a| terms.waiver_of(a)),
        consideration_changed: amendment.is_some() && classes.iter().any(|c| c.consideration_changed_now),
        changes,
        amended_parts,
        signature,
        offer_dates: filing.timetable.as_ref(),
        premium_direction: first.premium_direction,
        cumulative: in_force.offer.consideration.as_ref().and_then(|c| c.security.cumulative_dividends()),
        prorated: prorated(figures),
        odd_lots_apply: first.odd_lots_apply,
        whole_lot: first.whole_lot,
        has_minimum: first.has_minimum,
        minimum_percent: first.minimum_percent.clone(),
        outcome: outcome(in_force, figures),
        classes,
        notes: in_force
            .security
            .notes
            .as_ref()
            .map(|n| {
                as_written(n.interest_rate, "security.notes.interest_rate").map(|interest_rate| NotesView {
                    interest_rate,
                    none_remain: figures
                        .of(FigureId::PrincipalOutstandingAfter)
                        .is_some_and(|f| f.value.is_zero()),
                })
            })
            .transpose()
            .map_err(cannot)?,
        disclosure: super::disclosure::build(filing).map_err(cannot)?,
    };
    tera::Context::from_serialize(&context).map_err(cannot)
}

/// The price boxes of a Letter of Transmittal set in rows of this many.
const PRICES_PER_ROW: usize = 5;

/// A modified Dutch auction's prices from the lowest to the highest, in steps of the
/// increment, as the documents print prices; none for another kind of offer.
fn auction_prices(t: &Terms) -> Vec<String> {
    let Some(auction) = &t.offer.auction else { return Vec::new() };
    let (min, step) = (auction.min_price.0, auction.increment.0);
    // The range was validated to hold a whole number of increments, and few enough prices.
    let points = crate::terms::price_points(min, auction.max_price.0, step).unwrap_or(0);
    (0..points).map(|i| format::money(min + step * Decimal::from(i))).collect()
}

/// In the results, whether fewer shares were accepted than tendered.
fn prorated(figures: &Figures) -> bool {
    figures.of(FigureId::ProrationFactor).is_some_and(|factor| factor.value != Decimal::ONE)
}

/// "increase" when the headline premium is not negative, else "decrease". Every kind of offer
/// has one of the two: an auction's headline is its maximum price.
fn premium_direction(figures: &crate::figures::Figures) -> &'static str {
    let headline_premium = [FigureId::Premium, FigureId::PremiumAtMaxPrice]
        .iter()
        .find_map(|id| figures.of(*id))
        .map_or(Decimal::ZERO, |premium| premium.value);
    if headline_premium >= Decimal::ZERO { "increase" } else { "decrease" }
}

/// A percentage as the terms write it ("50.1%"); `field` names it in an error.
fn as_written(percent: Option<crate::terms::Percent>, field: &str) -> Result<Option<String>, tera::Error> {
    percent
        .map(|p| {
            format::percent(p.fraction(), p.as_written().scale())
                .map_err(|why| tera::Error::message(format!("{field}: {why}")))
        })
        .transpose()
}

/// Each class the filing's offer seeks, the first first, with its figures marked as its own.
fn classes(filing: &Filing) -> Result<Vec<ClassView<'_>>, tera::Error> {
    let first = ledger::marked_figures(&filing.figures, Era::Now);
    let on_amendment = filing.stage == Stage::Amendment;
    let mut first = class_view(&filing.in_force, &filing.figures, first, "offer.min_percent")?;
    first.increment_change =
        filing.before.as_ref().filter(|_| on_amendment).and_then(|b| increment_change(b, &filing.in_force));
    let mut classes = vec![first];
    for (i, class) in filing.classes.iter().enumerate() {
        let marked = ledger::marked_class_figures(&class.figures, Era::Now, i + 1);
        let min_percent = crate::terms::SoughtClass::path(i, "offer.min_percent");
        let mut view = class_view(&class.terms, &class.figures, marked, &min_percent)?;
        view.increment_change =
            class.before.as_ref().filter(|_| on_amendment).and_then(|b| increment_change(b, &class.terms));
        classes.push(view);
    }
    Ok(classes)
}

/// How the multiple in which shares are accepted, and with it the odd-lot priority, changes
/// from `before` to `after` (the offer for one class); `None` when neither changes.
fn increment_change(before: &Terms, after: &Terms) -> Option<IncrementChange> {
    let change = IncrementChange {
        before: crate::figures::whole_lot(before),
        after: crate::figures::whole_lot(after),
        odd_lots_before: crate::figures::odd_lot_priority_applies(before),
        odd_lots_after: crate::figures::odd_lot_priority_applies(after),
    };
    (change.before != change.after || change.odd_lots_before != change.odd_lots_after).then_some(change)
}

/// The Items of the Schedule TO that incorporate each section of the Offer by reference, as
/// templates/schedule-to/commencement.md incorporates them: Item 1 the summary, Item 4 the
/// material terms, Item 6 the summary and the purpose, Item 7 the source of funds, Item 11
/// the effects.
fn items_of(key: &str) -> &'static [u32] {
    match key {
        "summary" => &[1, 4, 6],
        "purpose" => &[6],
        "source_of_funds" => &[7],
        "effects" => &[4, 11],
        "number_of_shares" | "principal_amount" | "conditions" | "extension" | "description"
        | "comparison" | "notes_information" => &[4],
        _ => &[],
    }
}

/// What amendment `a` changes, part by part, each with the sections of the Offer that state it
/// and the Items of the Schedule TO that incorporate them; `rows` are the changes it prints,
/// and `increment` whether it changes the multiple in which shares are accepted.
fn amended_parts(
    a: &Amendment,
    rows: &[Change],
    offer_doc: &OfferDocView,
    kind: OfferKind,
    increment: bool,
) -> Vec<AmendedPart> {
    use changes::Topic;
    let c = &a.changes;
    let class_changes =
        |f: fn(&crate::terms::ClassChanges) -> bool| a.other_classes.iter().any(|o| f(&o.changes));
    let of = |topics: &[Topic]| -> Vec<Change> {
        rows.iter().filter(|r| topics.contains(&r.topic)).cloned().collect()
    };
    let amount =
        c.max_shares.is_some() || c.max_principal.is_some() || class_changes(|o| o.max_shares.is_some());
    let new_security = c.dividend_rate.is_some()
        || c.liquidation_preference.is_some()
        || c.interest_rate.is_some()
        || c.principal_amount.is_some();
    let consideration = of(&[Topic::Consideration]);
    let conditions = of(&[Topic::Minimum, Topic::Conditions]);
    let waived = c.waive_minimum_condition
        || !c.waive_conditions.is_empty()
        || class_changes(|o| o.waive_minimum_condition);
    let mut parts = Vec::new();
    let mut part = |topic: &'static str, cover: bool, keys: Vec<&str>, changes: Vec<Change>| {
        let sections: Vec<Section> = keys.iter().filter_map(|k| offer_doc.section.get(k).cloned()).collect();
        let mut items: Vec<u32> = sections.iter().flat_map(|s| items_of(s.key).iter().copied()).collect();
        items.sort_unstable();
        items.dedup();
        let items: Vec<String> = items.iter().map(u32::to_string).collect();
        let items = match items.as_slice() {
            [one] => format!("Item {one}"),
            _ => format!("Items {}", join_prose(&items.iter().map(String::as_str).collect::<Vec<_>>())),
        };
        parts.push(AmendedPart { topic, cover, sections, items, changes });
    };
    if !consideration.is_empty() || increment {
        let mut keys = vec!["summary", "number_of_shares", "principal_amount"];
        if amount {
            keys.push("purpose");
        }
        keys.push("source_of_funds");
        if kind == OfferKind::Exchange && new_security {
            keys.extend(["description", "comparison"]);
        }
        part("consideration", true, keys, consideration);
    }
    if !conditions.is_empty() || waived {
        part("conditions", false, vec!["summary", "conditions"], conditions);
    }
    if c.expiration.is_some() || c.expiration_time.is_some() {
        part("expiration", true, vec!["summary", "extension"], Vec::new());
    }
    parts
}

/// One class's view: `view` the offer for that class alone, `figures` its figures and `marked`
/// the same as the templates print them; `min_percent` names its minimum's field in an error.
fn class_view<'a>(
    view: &'a Terms,
    figures: &crate::figures::Figures,
    marked: BTreeMap<&'static str, String>,
    min_percent: &str,
) -> Result<ClassView<'a>, tera::Error> {
    let term = view.security.short_name.as_ref().map_or("Shares", |name| name.as_str().trim()).to_owned();
    let term_one = term.strip_suffix('s').unwrap_or(&term).to_owned();
    let label = term.strip_suffix("Shares").unwrap_or_default().trim().to_owned();
    Ok(ClassView {
        security: &view.security,
        offer: &view.offer,
        figures: marked,
        minimum_percent: as_written(view.offer.min_percent, min_percent)?,
        premium_direction: premium_direction(figures),
        term,
        term_one,
        label,
        odd_lots_apply: crate::figures::odd_lot_priority_applies(view),
        whole_lot: Some(crate::figures::whole_lot(view)).filter(|lot| *lot > 1),
        has_minimum: view.offer.min_shares.is_some() || view.offer.min_percent.is_some(),
        results: view.results.as_ref(),
        outcome: outcome(view, figures),
        prorated: prorated(figures),
        amendment: view.current_amendment(),
        minimum_waived_now: view.current_amendment().is_some_and(|a| a.changes.waive_minimum_condition),
        consideration_changed_now: view
            .current_amendment()
            .is_some_and(|a| a.changes.changes_consideration()),
        increment_change: None,
    })
}

/// How the offer the results report ended, for the results paragraph and headline.
fn outcome(t: &Terms, figures: &crate::figures::Figures) -> Option<OutcomeView> {
    let r = t.results.as_ref()?;
    let condition = |n: u32| {
        let i = usize::try_from(n).ok()?.checked_sub(1)?;
        t.offer.conditions.get(i).map(|c| c.0.clone())
    };
    let reason = match figures::outcome(t) {
        figures::Outcome::Accepted => None,
        figures::Outcome::Terminated(reason) => Some(reason),
    };
    let tendered = figures.of(FigureId::TenderedAtOrBelowPrice).map_or(r.tendered.decimal(), |f| f.value);
    Some(OutcomeView {
        terminated: reason.is_some(),
        reason: match reason {
            None => "",
            Some(TerminationReason::MinimumNotMet) => "minimum_not_met",
            Some(TerminationReason::ConditionFailed) => "condition_failed",
            Some(TerminationReason::Withdrawn) => "withdrawn",
        },
        failed_condition: r.terminated.as_ref().and_then(|x| x.condition).and_then(condition),
        waivers: t.waivers(),
        minimum_waived: t.minimum_condition_waived(),
        all_accepted: figures.of(FigureId::SharesAccepted).is_some_and(|accepted| accepted.value == tendered),
    })
}

/// Each term an amendment changed, and each figure that moved with it, before and after. In
/// an offer for several classes the offer's own terms come first, then each class's terms and
/// figures with the class named beside each.
fn changes(old: &Terms, new: &Terms, filing: &Filing) -> Vec<Change> {
    let figure_rows = |new: &Terms, before: Option<&Figures>, now: &Figures, class: usize| match before {
        Some(before) => figure_changes(new, before, now, class),
        None => Vec::new(),
    };
    if filing.classes.is_empty() {
        let mut rows = changes::offer_terms(old, new, "Shares");
        rows.extend(figure_rows(new, filing.figures_before.as_ref(), &filing.figures, 0));
        return rows;
    }
    // A row that names the class already ("Value of the Common Stock offered for each
    // Series B Share") is not named twice.
    let named = |term: &str| {
        let term = term.to_owned();
        move |mut row: Change| {
            if !row.what.contains(term.trim_end_matches('s')) {
                row.what = format!("{} ({term})", row.what);
            }
            row
        }
    };
    let term = |t: &Terms| t.security.short_name.as_ref().map_or("Shares", |n| n.as_str().trim()).to_owned();
    let (mut rows, of_first): (Vec<Change>, Vec<Change>) =
        changes::offer_terms(old, new, &term(new)).into_iter().partition(|row| !row.of_class);
    let first_figures = figure_rows(new, filing.figures_before.as_ref(), &filing.figures, 0);
    rows.extend(of_first.into_iter().chain(first_figures).map(named(&term(new))));
    for (i, class) in filing.classes.iter().enumerate() {
        let Some(before) = &class.before else { continue };
        let own = changes::offer_terms(before, &class.terms, &term(&class.terms))
            .into_iter()
            .filter(|r| r.of_class);
        let moved = figure_rows(&class.terms, class.figures_before.as_ref(), &class.figures, i + 1);
        rows.extend(own.chain(moved).map(named(&term(&class.terms))));
    }
    rows
}

/// `text`, a figure of one class (0 the first, `n` the `n`th of `offer.other_classes`) as a
/// change prints it, marked for the ledger.
fn printed_figure(figure: &Figure, era: Era, class: usize, text: &str) -> String {
    ledger::mark(ledger::Marked { figure: figure.id, era, class, value: figure.value }, text)
}

/// Each figure of one class that moved with an amendment, before and after; `new` the terms of
/// that class in force.
fn figure_changes(new: &Terms, before: &Figures, now: &Figures, class: usize) -> Vec<Change> {
    let mut rows = Vec::new();
    let share = new.security.short_name.as_ref().map_or("Share", |n| n.as_str().trim().trim_end_matches('s'));
    // The common stock offered has no effective price of its own: the figure is the value,
    // at its closing price, of the common stock offered for each Share, and is named so.
    let common = new.offer.consideration.as_ref().map(|c| &c.security).filter(|s| s.is_common_stock());
    // A ratio from designated values is stated as the Offer states it, new shares for each share
    // ("7.53 shares of Common Stock for each Series B Share"): its blocks and its reciprocal are
    // the engine's, never printed.
    let designated = new.offer.consideration.as_ref().and_then(|c| c.designated_values.as_ref()).is_some();
    let unprinted = [FigureId::ExchangeRatio, FigureId::BlockShares, FigureId::BlockNewShares];
    for change in changes::figures(before, now) {
        // A figure the amendment adds or drops is not a change of the same figure.
        let (Some(was), Some(now)) = (change.before, change.after) else { continue };
        // The fee is the exhibit's (filing-fees.htm, filed with the amendment), not a term of
        // the offer the amendment changed.
        if (designated && unprinted.contains(&change.id)) || change.id.is_offer_wide() {
            continue;
        }
        // A fixed cash price is a term the amendment's row states ("Cash price per share",
        // "Purchase price per $1,000 principal amount of Notes").
        if matches!(change.id, FigureId::PurchasePrice | FigureId::PricePerDenomination)
            && new.offer.cash_price.is_some()
        {
            continue;
        }
        if let Some(row) = premium_change(change.id, was, now, class) {
            rows.push(row);
            continue;
        }
        rows.push(Change {
            what: match common {
                Some(security) if change.id == FigureId::EffectivePrice => {
                    format!("Value of the {} offered for each {share}", security.short_name.0)
                }
                Some(security) if change.id == FigureId::DesignatedRatio => {
                    format!("Shares of {} for each {share}", security.short_name.0)
                }
                _ => change.id.label().to_owned(),
            },
            before: printed_figure(was, Era::Before, class, &was.display()),
            after: printed_figure(now, Era::Now, class, &now.display()),
            of_class: true,
            topic: changes::Topic::Consideration,
        });
    }
    rows
}

/// A premium that fell below the closing price is a discount, and counsel state it as one
/// ("Discount to the closing price: 5%"), never as a negative premium. `None` for any other
/// figure, or for a premium on both sides (printed as it always was).
fn premium_change(id: FigureId, was: &Figure, now: &Figure, class: usize) -> Option<Change> {
    let (discount, either) = match id {
        FigureId::Premium => {
            ("Discount to the closing price", "Premium over (discount to) the closing price")
        }
        FigureId::TotalPremium => (
            "First-year discount (price plus dividends)",
            "First-year premium (discount) (price plus dividends)",
        ),
        _ => return None,
    };
    let below = |f: &Figure| f.value.is_sign_negative() && !f.value.is_zero();
    let unsigned = |f: &Figure, era| printed_figure(f, era, class, f.display().trim_start_matches('-'));
    let worded = |f: &Figure, era| {
        format!("{} {}", if below(f) { "a discount of" } else { "a premium of" }, unsigned(f, era))
    };
    Some(match (below(was), below(now)) {
        (false, false) => return None,
        (true, true) => Change {
            what: discount.to_owned(),
            before: unsigned(was, Era::Before),
            after: unsigned(now, Era::Now),
            of_class: true,
            topic: changes::Topic::Consideration,
        },
        _ => Change {
            what: either.to_owned(),
            before: worded(was, Era::Before),
            after: worded(now, Era::Now),
            of_class: true,
            topic: changes::Topic::Consideration,
        },
    })
}
