//! The terms file: the typed model, its loading from YAML and its validation.
//!
//! Every field is documented in `docs/terms.md`; keep the two in step.

mod auction;
mod disclosure;
mod error;
mod load;
mod loaded;
mod notes;
mod overrides;
mod scalars;
mod schedule;
pub mod schema;
mod source_map;
pub mod upgrade;
mod validate;
mod yaml;

pub use crate::diagnostics::closest_name;
pub use crate::timetable::ExpirationTime;
pub use auction::{MAX_PRICE_POINTS, price_points};
pub use disclosure::{
    Amount, DirectorOrOfficer, FinancialRow, FinancialTable, FiscalYearEnd, SummaryFinancials, Transaction,
    quarter_label, quarter_of, required_quarters,
};
pub use error::LoadError;
pub use load::{is_terms_file, load, load_stdin_with, load_str, load_with};
pub use loaded::LoadedTerms;
pub use overrides::{Applied, Override, apply as apply_overrides, text_at};
pub use scalars::{
    Count, Cusip, Date, Percent, Positive, RESERVED, Shares, Text, cusip_check_digit, parse_decimal,
};
pub use schedule::CalendarDays;
pub use source_map::SourceMap;
pub use validate::warnings;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The terms of one offer, as counsel write them.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// The filing: its EDGAR form, amendment number, cover boxes and date; the form decides the
    /// stage.
    pub filing: Filing,
    /// The subject company: the issuer of the class sought.
    pub issuer: Issuer,
    /// A third party's offer (SC TO-T, or SC TO-C with `third_party_tender_offer`): the
    /// bidder, distinct from the subject company. Required for a third party's offer,
    /// refused for an issuer's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bidder: Option<Bidder>,
    /// The filing persons on the cover, at least one, each with its roles.
    pub filing_persons: Vec<FilingPerson>,
    /// The person authorized to receive notices and communications on behalf of the filing persons.
    pub notices: NoticePerson,
    /// Counsel to whom copies are sent ("Copy to:" on the cover); none is printed if none is
    /// named.
    #[serde(default)]
    pub counsel: Vec<Counsel>,
    /// The class sought.
    pub security: SubjectSecurity,
    /// What the offer seeks and pays: exactly one of `consideration` (an exchange offer),
    /// `cash_price` (cash at a fixed price) and `auction` (a modified Dutch auction).
    pub offer: Offer,
    /// The offer's dates: announcement, commencement, expiration.
    pub dates: KeyDates,
    /// Where holders may ask the company for the documents; a release without one leaves it
    /// to draft where the Rule 14d-2 legend needs it.
    #[serde(default)]
    pub investor_contact: Option<InvestorContact>,
    /// How the press release is dated, carried and worded; optional as a whole.
    #[serde(default)]
    pub press_release: PressRelease,
    /// The agents of the offer; `exchange_agent` (the depositary of a cash offer) is required from
    /// commencement on.
    #[serde(default)]
    pub agents: Agents,
    /// Deal-specific text of the Offer to Exchange (or to Purchase).
    #[serde(default)]
    pub disclosure: Disclosure,
    /// Who signs the Schedule TO; defaults to the person named for notices.
    #[serde(default)]
    pub signature: Option<Signature>,
    /// The exhibits counsel list in the Schedule TO's exhibit index beside those of the set
    /// (Item 1016 of Regulation M-A), and the filing of an exhibit the set lists.
    #[serde(default)]
    pub exhibits: Vec<ListedExhibit>,
    /// Every amendment so far, numbered from 1, oldest first.
    #[serde(default)]
    pub amendments: Vec<Amendment>,
    /// The final count, for the final amendment reporting results.
    #[serde(default)]
    pub results: Option<Results>,
    /// Days to add to or remove from the business-day calendar.
    #[serde(default)]
    pub calendar: CalendarDays,
    /// What the filing fee is computed from (Rule 0-11).
    #[serde(default)]
    pub fee: Option<FeeTerms>,
    /// How percentages are printed, and the forms `render` writes by default.
    #[serde(default)]
    pub presentation: Presentation,
    /// Documents of the commenced set that are filed only when counsel ask for them.
    #[serde(default)]
    pub documents: OptionalDocuments,
}

/// The documents a commenced set holds only when the terms ask for them; the Letter of
/// Transmittal, the letters to nominees and their clients, and (with
/// `offer.guaranteed_delivery_days`) the Notice of Guaranteed Delivery are always filed.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionalDocuments {
    /// A summary advertisement of the Offer, published when it commences by summary
    /// publication (Rule 13e-4(e)(1)(iii); Rule 14d-4(a)(2) for a third-party offer).
    #[serde(default)]
    pub summary_advertisement: bool,
    /// A letter to participants in an employee benefit plan that holds Shares for them,
    /// asking for their instructions to the plan's trustee.
    #[serde(default)]
    pub employee_letter: bool,
    /// The plan the employee letter is for ("the Meridian Ridge 401(k) Savings Plan"), and
    /// its trustee; without them the letter leaves each to draft.
    #[serde(default)]
    pub plan_name: Option<Text>,
    #[serde(default)]
    pub plan_trustee: Option<Text>,
}

/// An exhibit of the exhibit index that is not a document of the set: filed elsewhere and
/// incorporated by reference, filed with an earlier filing of the offer, or not applicable.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListedExhibit {
    /// As Item 1016 letters it: "(b)", "(d)(1)", "(a)(5)(C)".
    pub number: Text,
    /// What the exhibit is; an entry that gives the filing of an exhibit the set lists takes
    /// the set's description.
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub incorporated_by_reference: Option<Incorporation>,
    /// Filed with an earlier filing of this Schedule TO.
    #[serde(default)]
    pub previously_filed: bool,
    /// No exhibit of this letter exists ("(b)", "(d)", "(g)", "(h)").
    #[serde(default)]
    pub not_applicable: bool,
}

/// Where an exhibit incorporated by reference was filed.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Incorporation {
    /// The filing, as the index names it: "the Company’s Current Report on Form 8-K".
    pub document: Text,
    /// Its exhibit number there, when it was filed as an exhibit: "10.1".
    #[serde(default)]
    pub exhibit: Option<Text>,
    /// The day that filing was made.
    pub filed: Date,
}

/// Which filing of the offer's life a render is for. It follows from the form and the cover:
/// SC TO-C is the intent, SC TO-I or SC TO-T the commencement, an amendment form the
/// amendment, and an amendment with the final-amendment box the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Intent,
    Commencement,
    Amendment,
    Results,
}

/// What holders receive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferKind {
    /// New securities (an Offer to Exchange).
    Exchange,
    /// Cash at a fixed price (an Offer to Purchase).
    Cash,
    /// Cash at a price chosen from the tenders within a range (an Offer to Purchase).
    DutchAuction,
}

impl Terms {
    pub fn stage(&self) -> Stage {
        match self.filing.form {
            FormType::PreCommencement => Stage::Intent,
            FormType::Issuer | FormType::ThirdParty => Stage::Commencement,
            _ if self.filing.cover_boxes.contains(&CoverBox::FinalAmendment) => Stage::Results,
            // Preliminary results come in an amendment before the final one.
            _ if self.results.as_ref().is_some_and(|r| r.preliminary) => Stage::Results,
            _ => Stage::Amendment,
        }
    }

    /// Whether the offer is a third party's (Regulation 14D): the form is SC TO-T or
    /// SC TO-T/A, or the cover checks `third_party_tender_offer`.
    pub fn is_third_party(&self) -> bool {
        matches!(self.filing.form, FormType::ThirdParty | FormType::ThirdPartyAmendment)
            || self.filing.cover_boxes.contains(&CoverBox::ThirdPartyTenderOffer)
    }

    /// The shares sought and the field that states them: `offer.max_shares`, or for an offer
    /// for all outstanding shares, `security.shares_outstanding`.
    pub fn shares_sought(&self) -> Option<(Shares, &'static str)> {
        if self.offer.all_outstanding {
            self.security.shares_outstanding.map(|s| (s, "security.shares_outstanding"))
        } else {
            self.offer.max_shares.map(|s| (s, "offer.max_shares"))
        }
    }

    pub fn kind(&self) -> OfferKind {
        if self.offer.auction.is_some() {
            OfferKind::DutchAuction
        } else if self.offer.cash_price.is_some() {
            OfferKind::Cash
        } else {
            OfferKind::Exchange
        }
    }

    /// The terms as they stand after the amendments numbered up to `through`: each change
    /// replaces the term it names.
    pub fn amended_through(&self, through: u32) -> Terms {
        let mut t = self.clone();
        for amendment in self.amendments.iter().filter(|a| a.number <= through) {
            amendment.apply(&mut t);
        }
        t
    }

    /// The terms of the offer for one class it seeks, `offer.other_classes[i]`, as if it were
    /// the only one: that class in `security`, its maximum, minimum and ratio in `offer`, its
    /// changes in each amendment and its count in the results, no other class. Its figures
    /// are computed from these terms as the first class's are; the view of terms in force is
    /// the terms in force of the view of the terms as first made.
    pub fn class_view(&self, i: usize) -> Option<Terms> {
        let class = self.offer.other_classes.get(i)?;
        let mut view = self.clone();
        view.offer.other_classes.clear();
        view.security = class.security.clone();
        view.offer.max_shares = Some(class.max_shares);
        view.offer.min_shares = class.min_shares;
        view.offer.min_percent = class.min_percent;
        // A cash offer prices each class on its own; an exchange offer has no cash price.
        if view.offer.cash_price.is_some() {
            view.offer.cash_price = class.cash_price;
        }
        // The fee's rate, payments and offsets are the offer's; its valuation basis the class's.
        if let Some(fee) = view.fee.as_mut() {
            fee.market_value = class.fee.as_ref().and_then(|f| f.market_value.clone());
            fee.book_value_per_share = class.fee.as_ref().and_then(|f| f.book_value_per_share);
        }
        if let Some(consideration) = view.offer.consideration.as_mut() {
            consideration.aggregate_liquidation_preference = class.aggregate_liquidation_preference;
            consideration.block = class.block.clone();
            consideration.designated_values = class.designated_values.clone();
            consideration.fractional_shares = class.fractional_shares;
        }
        // The amendments and the results as they read for this class: the offer's dates,
        // conditions and outcome, the class's own changes and counts.
        view.amendments = self.amendments.iter().map(|a| a.for_class(i)).collect();
        if let Some(results) = view.results.as_mut() {
            let count = results.other_classes.get(i);
            let zero = Count(0);
            results.tendered = count.map_or(zero, |c| c.tendered);
            results.guaranteed_delivery = count.map_or(zero, |c| c.guaranteed_delivery);
            results.odd_lots = count.map_or(zero, |c| c.odd_lots);
            results.additional_accepted = count.map_or(zero, |c| c.additional_accepted);
            results.tenders_by_price.clear();
            results.other_classes.clear();
        }
        Some(view)
    }

    /// The terms in force for this filing: all amendments up to the filing's own number.
    pub fn in_force(&self) -> Terms {
        match self.filing.amendment {
            Some(n) => self.amended_through(n),
            None => self.amended_through(0),
        }
    }

    /// The date of this filing's press release: the announcement, the commencement, the
    /// amendment, or the results.
    pub fn release_date(&self) -> Date {
        match self.stage() {
            Stage::Intent => self.dates.announcement,
            Stage::Commencement => self.dates.commencement.unwrap_or(self.dates.announcement),
            Stage::Amendment => self.current_amendment().map_or(self.dates.announcement, |a| a.date),
            Stage::Results => self.results.as_ref().map_or(self.dates.announcement, |r| r.date),
        }
    }

    /// The waivers announced in the amendments up to this filing's own, in order: each with
    /// its date and the text of each condition waived as it stood when it was waived.
    pub fn waivers(&self) -> Vec<Waiver> {
        let through = self.filing.amendment.unwrap_or(0);
        self.amendments.iter().filter(|a| a.number <= through).filter_map(|a| self.waiver_of(a)).collect()
    }

    /// What `amendment` waives, if anything, with the text of each condition as it stood
    /// when waived.
    pub fn waiver_of(&self, amendment: &Amendment) -> Option<Waiver> {
        let changes = &amendment.changes;
        if !changes.waive_minimum_condition && changes.waive_conditions.is_empty() {
            return None;
        }
        let conditions = self.amended_through(amendment.number).offer.conditions;
        Some(Waiver {
            date: amendment.date,
            amendment: amendment.number,
            minimum_condition: changes.waive_minimum_condition,
            conditions: changes
                .waive_conditions
                .iter()
                .filter_map(|n| conditions.get((*n as usize).checked_sub(1)?).map(|c| c.0.clone()))
                .collect(),
        })
    }

    /// Whether an amendment in force waived the minimum condition.
    pub fn minimum_condition_waived(&self) -> bool {
        self.waivers().iter().any(|w| w.minimum_condition)
    }

    /// The amendment this filing reports, on an amendment form that is not the final one.
    pub fn current_amendment(&self) -> Option<&Amendment> {
        let n = self.filing.amendment?;
        self.amendments.iter().find(|a| a.number == n)
    }
}

/// Conditions waived in one amendment.
#[derive(Debug, Clone, Serialize)]
pub struct Waiver {
    /// The day the waiver was announced, and the amendment that announced it.
    pub date: Date,
    pub amendment: u32,
    pub minimum_condition: bool,
    /// The conditions waived, in the words of `offer.conditions` when they were waived.
    pub conditions: Vec<String>,
}

/// The EDGAR submission type of the Schedule TO.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum FormType {
    #[serde(rename = "SC TO-C")]
    PreCommencement,
    #[serde(rename = "SC TO-I")]
    Issuer,
    #[serde(rename = "SC TO-I/A")]
    IssuerAmendment,
    #[serde(rename = "SC TO-T")]
    ThirdParty,
    #[serde(rename = "SC TO-T/A")]
    ThirdPartyAmendment,
}

impl FormType {
    pub fn edgar_name(self) -> &'static str {
        match self {
            FormType::PreCommencement => "SC TO-C",
            FormType::Issuer => "SC TO-I",
            FormType::IssuerAmendment => "SC TO-I/A",
            FormType::ThirdParty => "SC TO-T",
            FormType::ThirdPartyAmendment => "SC TO-T/A",
        }
    }
    pub fn is_amendment(self) -> bool {
        matches!(self, FormType::IssuerAmendment | FormType::ThirdPartyAmendment)
    }
}

/// The boxes of the Schedule TO cover page that a filing may check (reference section 1).
/// The preliminary-communications box is not listed: it is checked exactly when the form is
/// SC TO-C.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CoverBox {
    ThirdPartyTenderOffer,
    IssuerTenderOffer,
    GoingPrivateTransaction,
    AmendmentToSchedule13d,
    FinalAmendment,
    CrossBorderIssuerTenderOffer,
    CrossBorderThirdPartyTenderOffer,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Filing {
    pub form: FormType,
    /// Required on amendments (SC TO-I/A, SC TO-T/A), refused otherwise.
    #[serde(default)]
    pub amendment: Option<u32>,
    #[serde(default)]
    pub cover_boxes: Vec<CoverBox>,
    pub date: Date,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    pub name: Text,
    /// The name the documents use after defining it, e.g. "Ault Alliance".
    pub short_name: Text,
    /// State of incorporation.
    pub state: Text,
    /// The exchange the Shares are listed on and their symbol there; an issuer whose Shares
    /// are not listed gives neither, and the documents leave the market to draft.
    #[serde(default)]
    pub exchange: Option<Text>,
    #[serde(default)]
    pub ticker: Option<Text>,
    pub address: Vec<Text>,
    #[serde(default)]
    pub phone: Option<Text>,
    #[serde(default)]
    pub website: Option<Text>,
    /// What the company is, as the release's first sentence puts it after the name:
    /// "a diversified holding company".
    #[serde(default)]
    pub description: Option<Text>,
    /// The "About" paragraph(s) of the press release, verbatim from the company.
    #[serde(default)]
    pub about: Option<Text>,
    /// Whether the company has subsidiaries ("read the public filings of X and its
    /// subsidiaries").
    #[serde(default)]
    pub subsidiaries: bool,
    /// The SEC's Central Index Key of the filer, for the filing fee exhibit's XBRL.
    #[serde(default)]
    pub cik: Option<Text>,
    /// The last day of the fiscal year (`12-31`): the quarters the Offer's price range must
    /// cover follow from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year_end: Option<FiscalYearEnd>,
}

/// The bidder in a third party's offer (Regulation 14D): who it is (Item 1003), whether it
/// is a reporting company and whether its offer has a financing condition (Item 1010,
/// Instruction 2 to Item 10 of Schedule TO), and its directors and executive officers
/// (Schedule I of the Offer to Purchase).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bidder {
    /// Full legal name; one of `filing_persons`, with the role `offeror`.
    pub name: Text,
    /// The name the releases use after defining it ("Kestrel"); the Offer and the Schedule
    /// TO call the bidder "the Purchaser".
    pub short_name: Text,
    /// State (or other jurisdiction) of organization.
    pub state: Text,
    /// What kind of entity it is: "corporation", "limited liability company", "limited
    /// partnership".
    #[serde(default = "corporation")]
    pub entity: Text,
    /// Principal office.
    pub address: Vec<Text>,
    #[serde(default)]
    pub phone: Option<Text>,
    /// What the bidder is, after its name: "a wholly owned subsidiary of Kestrel Holdings,
    /// Inc., a maker of specialty adhesives".
    #[serde(default)]
    pub description: Option<Text>,
    /// The "About" paragraph of the bidder's press release, verbatim.
    #[serde(default)]
    pub about: Option<Text>,
    #[serde(default)]
    pub website: Option<Text>,
    /// The bidder's business and background (Item 1003(a)-(c)), as Section "Certain
    /// Information Concerning the Purchaser" states them; without it, a note to draft.
    #[serde(default)]
    pub business: Option<Text>,
    /// The person that controls the bidder, where there is one.
    #[serde(default)]
    pub parent: Option<BidderParent>,
    /// Whether the bidder (or its parent) files Exchange Act reports on EDGAR (Section 13(a)
    /// or 15(d)); absent, the financial statements of Item 10 are left to draft.
    #[serde(default)]
    pub reporting_company: Option<bool>,
    /// Whether the offer is subject to a financing condition (Item 1007(b)); absent, left to
    /// draft.
    #[serde(default)]
    pub financing_condition: Option<bool>,
    /// The directors and executive officers of the bidder (and of its parent), for Schedule I
    /// (Item 1003(c)); without any, Schedule I is left to draft.
    #[serde(default)]
    pub directors_and_officers: Vec<BidderPerson>,
}

fn corporation() -> Text {
    Text("corporation".to_owned())
}

/// The person that controls the bidder.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BidderParent {
    /// Full legal name of the person controlling the bidder, defined as "Parent".
    pub name: Text,
    /// Its state or other jurisdiction of organization.
    pub state: Text,
    /// What kind of entity it is; default `corporation`.
    #[serde(default = "corporation")]
    pub entity: Text,
    /// How it holds the bidder: "wholly owned subsidiary"; absent, left to draft.
    #[serde(default)]
    pub relationship: Option<Text>,
}

/// A director or executive officer of the bidder or its parent, for Schedule I.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BidderPerson {
    /// The person's name.
    pub name: Text,
    /// "Director and Chief Executive Officer of the Purchaser and of Parent".
    pub position: Text,
    /// Present principal occupation and material positions held during the past five years.
    #[serde(default)]
    pub background: Option<Text>,
    /// Citizenship; otherwise a note to draft.
    #[serde(default)]
    pub citizenship: Option<Text>,
    /// Business address; otherwise a note to draft.
    #[serde(default)]
    pub business_address: Option<Text>,
}

/// The inputs of the filing fee (Rule 0-11) beyond the offer's own terms.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeTerms {
    /// Exchange offers: the market value of the shares sought, as the average of the high and
    /// low prices on a date shortly before filing.
    #[serde(default)]
    pub market_value: Option<MarketValue>,
    /// Exchange offers with no market for the shares: their book value per share.
    #[serde(default)]
    pub book_value_per_share: Option<Positive>,
    /// The rate per $1,000,000, in place of the one data/fee-rates.yaml gives for the date.
    #[serde(default)]
    pub rate_per_million: Option<Positive>,
    /// Fees paid with earlier filings of the offer, in place of the amount computed for the
    /// original filing.
    #[serde(default)]
    pub previously_paid: Option<Positive>,
    #[serde(default)]
    pub offsets: Vec<FeeOffset>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MarketValue {
    pub date: Date,
    pub high: Positive,
    pub low: Positive,
}

/// A fee paid with another filing and claimed against this one (Rule 0-11(a)(2)).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeOffset {
    /// The fee paid with the other filing and claimed here.
    pub amount: Positive,
    /// The form of that filing.
    pub form: Text,
    /// Its SEC file number.
    pub file_number: Text,
    /// The day it was filed.
    pub filed: Date,
}

/// What a filing person is for the purposes of the cover page caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FilingRole {
    Offeror,
    Issuer,
    OtherPerson,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FilingPerson {
    pub name: Text,
    pub roles: Vec<FilingRole>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticePerson {
    pub name: Text,
    pub title: Text,
    pub company: Text,
    pub address: Vec<Text>,
    pub phone: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counsel {
    pub name: Text,
    pub firm: Text,
    pub address: Vec<Text>,
    pub phone: Text,
}

/// The class of securities the offer seeks.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubjectSecurity {
    /// As on the cover page: "Common Stock".
    pub title: Text,
    /// In an offer for several classes, what the commenced documents call this class's
    /// shares, ending in "Shares" ("Series A Shares"); the classes together are "the Shares".
    /// An offer for one class calls its shares "the Shares" and needs none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<Text>,
    /// Absent for a class that has no CUSIP number: the cover leaves it to draft.
    #[serde(default)]
    pub cusip: Option<Cusip>,
    /// The class's trading symbol, where it is not the issuer's (`issuer.ticker`): in an offer
    /// for several classes, each class listed has its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticker: Option<Text>,
    /// The last sale price the premiums are measured from. Without it, no premium or
    /// dividend yield is computed and the sentences that state one are left out.
    #[serde(default)]
    pub closing_price: Option<ClosingPrice>,
    #[serde(default)]
    pub par_value: Option<Positive>,
    /// Shares of the class outstanding, and the date of that count.
    #[serde(default)]
    pub shares_outstanding: Option<Shares>,
    #[serde(default)]
    pub shares_outstanding_date: Option<Date>,
    /// High and low sales prices by period, newest first, for "Price Range of Shares".
    #[serde(default)]
    pub price_history: Vec<PricePeriod>,
    /// The issuer's dividend history and policy on the class.
    #[serde(default)]
    pub dividends: Option<Text>,
    /// Whether the class sought is preferred stock: its holders may be owed accrued dividends.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub preferred: bool,
    /// A preferred class: what becomes of the dividends accrued and unpaid on the Shares
    /// accepted. Without it the documents leave the treatment to draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accrued_dividends: Option<AccruedDividends>,
    /// The class sought is a series of the issuer's notes, not shares: their terms. A
    /// Schedule TO is filed for notes that are equity securities (convertible notes); an offer
    /// for straight debt is made under Regulation 14E alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<SoughtNotes>,
}

/// The terms of notes sought. `security.title` is their title as on the cover page
/// ("4.75% Convertible Senior Notes due 2028"); these fields state what the title abbreviates.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SoughtNotes {
    /// The annual interest rate; absent for notes that bear none (a zero coupon).
    #[serde(default)]
    pub interest_rate: Option<Percent>,
    pub maturity: Date,
    /// The principal amount the price is quoted for and in whose integral multiples the notes
    /// are tendered: $1,000, the usual authorized denomination, unless the indenture says
    /// otherwise.
    #[serde(default = "thousand_dollars")]
    pub denomination: Positive,
    /// The aggregate principal amount outstanding, and the date of that amount.
    #[serde(default)]
    pub principal_outstanding: Option<Positive>,
    #[serde(default)]
    pub principal_outstanding_date: Option<Date>,
    /// What the notes convert into, and at what rate, in counsel's words; the documents print
    /// it as written, and without it leave the conversion feature to draft.
    #[serde(default)]
    pub conversion: Option<Text>,
    /// What holders get for the interest accrued on the notes purchased; without it the
    /// documents leave the treatment to draft.
    #[serde(default)]
    pub accrued_interest: Option<AccruedInterest>,
}

fn thousand_dollars() -> Positive {
    Positive(rust_decimal::Decimal::ONE_THOUSAND)
}

/// What holders of the notes purchased get for the interest accrued on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccruedInterest {
    /// Paid in cash with the purchase price, to, but not including, the settlement date.
    Paid,
}

/// What holders of a preferred class get for the dividends accrued and unpaid on the Shares
/// accepted in the offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccruedDividends {
    /// Paid in cash with the consideration, to the date of exchange.
    Paid,
    /// Given up by tendering holders on the Shares accepted.
    Waived,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PricePeriod {
    /// "Fourth Quarter 2023", as printed; or give `fiscal_year` and `quarter`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Text>,
    /// The fiscal year (named by the calendar year it ends in) and its quarter, 1 to 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<u16>,
    /// The quarter of `fiscal_year`, 1 to 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u8>,
    /// The high sales price of the period.
    pub high: Positive,
    /// The low sales price of the period; not above `high`.
    pub low: Positive,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClosingPrice {
    pub price: Positive,
    pub date: Date,
    pub market: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// The most shares sought; a Dutch auction capped in dollars gives `auction.max_dollars`
    /// instead.
    #[serde(default)]
    pub max_shares: Option<Shares>,
    /// An offer for notes (`security.notes`): the most aggregate principal amount sought, or
    /// `any_and_all` for every note outstanding; one of the two, stated, never assumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_principal: Option<Positive>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub any_and_all: bool,
    /// A third party's offer for every share of the class outstanding, in place of
    /// `max_shares`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub all_outstanding: bool,
    /// A third party's offer: whether the bidder may provide a subsequent offering period
    /// (Rule 14d-11); absent, left to draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsequent_offering_period: Option<bool>,
    /// An offer for notes: the minimum condition, as an aggregate principal amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_principal: Option<Positive>,
    /// The minimum condition: the offer fails unless at least this many are tendered.
    #[serde(default)]
    pub min_shares: Option<Shares>,
    /// The minimum condition as a percentage of the class outstanding
    /// (`security.shares_outstanding`), in place of `min_shares`.
    #[serde(default)]
    pub min_percent: Option<Percent>,
    /// New securities for the shares: an exchange offer. One of `consideration`,
    /// `cash_price` and `auction` is given.
    #[serde(default)]
    pub consideration: Option<Consideration>,
    /// Cash per share at a fixed price; for notes, per `security.notes.denomination` of
    /// principal amount ($1,020 for each $1,000).
    #[serde(default)]
    pub cash_price: Option<Positive>,
    /// Cash per share at a price chosen from the tenders (modified Dutch auction).
    #[serde(default)]
    pub auction: Option<Auction>,
    /// The offer's conditions as the announcement summarises them: "regulatory approval and
    /// other customary closing conditions". Without it the releases point to the conditions
    /// the Offer states, or before commencement leave the summary to draft.
    #[serde(default)]
    pub conditions_summary: Option<Text>,
    /// Each condition of the offer, for "Conditions of the Offer"; objective terms only.
    #[serde(default)]
    pub conditions: Vec<Text>,
    #[serde(default)]
    pub exemption: Option<Exemption>,
    /// Whether the offeror and its board make a recommendation to holders; by default neither
    /// does, and the documents say so.
    #[serde(default)]
    pub recommendation: Recommendation,
    /// What becomes of the shares the issuer acquires (Item 1006(b)): cancelled and retired,
    /// or held in treasury. Without it the Offer leaves a note to draft.
    #[serde(default)]
    pub acquired_shares: Option<AcquiredShares>,
    /// A fee paid to soliciting dealers for tenders, as the Offer states it; by default none is
    /// paid beyond the agents named, and the Offer says so.
    #[serde(default)]
    pub soliciting_fee: Option<Text>,
    /// Whether holders of fewer than 100 shares who tender all of them are accepted first.
    #[serde(default = "yes")]
    pub odd_lot_priority: bool,
    /// Whether a holder may tender on condition that a minimum number is accepted.
    #[serde(default = "yes")]
    pub conditional_tenders: bool,
    /// Trading days after a notice of guaranteed delivery within which the shares must be
    /// delivered (two in the T+2 era, one since the move to T+1 settlement).
    #[serde(default)]
    pub guaranteed_delivery_days: Option<u32>,
    /// Further classes sought in the same offer, each with its own maximum, minimum and
    /// ratio, for the same new security: `security` and the fields above are the first class.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_classes: Vec<SoughtClass>,
}

/// A class sought beside the first (`security`) in an offer for several classes: its own
/// maximum, minimum condition and exchange ratio, for the new security of
/// `offer.consideration.security`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SoughtClass {
    /// The class, as `security` states the first.
    pub security: SubjectSecurity,
    /// The most shares of this class sought.
    pub max_shares: Shares,
    /// A minimum condition for this class, in shares or as a percentage of the class
    /// outstanding.
    #[serde(default)]
    pub min_shares: Option<Shares>,
    #[serde(default)]
    pub min_percent: Option<Percent>,
    /// The ratio for this class, given one way as for the first class.
    #[serde(default)]
    pub aggregate_liquidation_preference: Option<Positive>,
    #[serde(default)]
    pub block: Option<BlockRatio>,
    #[serde(default)]
    pub designated_values: Option<DesignatedValues>,
    #[serde(default)]
    pub fractional_shares: Option<FractionalShares>,
    /// In a cash offer at a fixed price, this class's price per share.
    #[serde(default)]
    pub cash_price: Option<Positive>,
    /// In a commenced exchange offer, what this class's part of the transaction valuation is
    /// computed from, as `fee` states it for the first class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<ClassFee>,
}

/// The basis of one class's part of the transaction valuation (Rule 0-11(a)(4)).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassFee {
    #[serde(default)]
    pub market_value: Option<MarketValue>,
    #[serde(default)]
    pub book_value_per_share: Option<Positive>,
}

impl SoughtClass {
    /// Where a field of the first class stands for this class, the `i`th of
    /// `offer.other_classes`: `security.*`, the maximum, the minimum and the ratio are the
    /// class's own; every other field (the new security, the dates) is the offer's.
    pub fn path(i: usize, field: &str) -> String {
        let own = |rest: &str| format!("offer.other_classes[{i}]{rest}");
        const RATIO: [&str; 4] =
            ["aggregate_liquidation_preference", "block", "designated_values", "fractional_shares"];
        if field == "security" || field.starts_with("security.") {
            return own(&format!(".{field}"));
        }
        if field == "offer.consideration" {
            return own("");
        }
        if let Some(counted) = Self::counted(i, field) {
            return counted;
        }
        if field == "fee" {
            return own(".fee");
        }
        for name in ["fee.market_value", "fee.book_value_per_share"] {
            if let Some(rest) = field.strip_prefix(name)
                && (rest.is_empty() || rest.starts_with('.'))
            {
                return own(&format!(".{name}{rest}"));
            }
        }
        for name in ["max_shares", "min_shares", "min_percent", "cash_price"] {
            if let Some(rest) = field.strip_prefix("offer.").and_then(|f| f.strip_prefix(name))
                && (rest.is_empty() || rest.starts_with('.'))
            {
                return own(&format!(".{name}{rest}"));
            }
        }
        for name in RATIO {
            if let Some(rest) = field.strip_prefix("offer.consideration.").and_then(|f| f.strip_prefix(name))
                && (rest.is_empty() || rest.starts_with('.'))
            {
                return own(&format!(".{name}{rest}"));
            }
        }
        field.to_owned()
    }

    /// Where an amendment's change or a count of the results stands for the `i`th class: in
    /// `amendments[k].other_classes[i]` and `results.other_classes[i]`.
    fn counted(i: usize, field: &str) -> Option<String> {
        const COUNTS: [&str; 4] = ["tendered", "guaranteed_delivery", "odd_lots", "additional_accepted"];
        let first_part = |rest: &str| rest.split(['.', '[']).next().unwrap_or(rest).to_owned();
        if let Some(rest) = field.strip_prefix("results.")
            && COUNTS.contains(&first_part(rest).as_str())
        {
            return Some(format!("results.other_classes[{i}].{rest}"));
        }
        let (amendment, rest) = field.strip_prefix("amendments[")?.split_once("].")?;
        if rest.starts_with("shares_tendered_to_date") {
            return Some(format!("amendments[{amendment}].other_classes[{i}].{rest}"));
        }
        let change = rest.strip_prefix("changes.")?;
        ClassChanges::FIELDS
            .contains(&first_part(change).as_str())
            .then(|| format!("amendments[{amendment}].other_classes[{i}].changes.{change}"))
    }

    /// A message about the offer for the `i`th class alone, each field it names in backquotes
    /// (`offer.max_shares`) renamed to the class's own.
    pub fn renamed_in_text(i: usize, message: &str) -> String {
        message
            .split('`')
            .enumerate()
            .map(|(n, part)| if n % 2 == 1 { Self::path(i, part) } else { part.to_owned() })
            .collect::<Vec<_>>()
            .join("`")
    }
}

fn yes() -> bool {
    true
}

/// A modified Dutch auction: holders name a price within the range, in steps of the increment.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Auction {
    pub min_price: Positive,
    pub max_price: Positive,
    pub increment: Positive,
    /// A cap in dollars instead of `offer.max_shares`; shares then follow, rounded down.
    #[serde(default)]
    pub max_dollars: Option<Positive>,
}

/// The registration exemption the new securities are issued under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Exemption {
    /// Section 3(a)(9) of the Securities Act: an exchange with existing holders, no
    /// commission paid for soliciting it.
    #[serde(rename = "section_3a9")]
    Section3a9,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consideration {
    /// The new security issued in exchange: preferred stock, notes or the issuer's common stock.
    pub security: NewSecurity,
    /// Exactly one of `aggregate_liquidation_preference`, `block` and `designated_values` is
    /// given.
    #[serde(default)]
    pub aggregate_liquidation_preference: Option<Positive>,
    /// The ratio as a block: `shares` for `new_shares` ("each 150 Shares for 2 new shares").
    #[serde(default)]
    pub block: Option<BlockRatio>,
    /// A ratio derived from a value designated for each security, rounded as stated.
    #[serde(default)]
    pub designated_values: Option<DesignatedValues>,
    /// What a holder gets for shares that do not make a whole new share: required only when
    /// the maximum sought is not a whole number of blocks of the ratio.
    #[serde(default)]
    pub fractional_shares: Option<FractionalShares>,
    /// Cash paid for each Share accepted, with the new securities: a cash-and-securities
    /// offer.
    #[serde(default)]
    pub cash_per_share: Option<Positive>,
    /// How the new securities are delivered: in book-entry form (the default) or as
    /// certificates.
    #[serde(default)]
    pub delivery: Delivery,
}

/// "$11.20 per share sought / $1.70 per new share = 6.59 new shares for each share":
/// the new shares for each share sought are the first value over the second, rounded half
/// away from zero to `places` decimals.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DesignatedValues {
    /// The value designated for each share sought.
    pub share_sought: Positive,
    /// The value designated for each new share.
    pub new_share: Positive,
    /// The decimal places the ratio is rounded to.
    pub places: Places,
}

/// The treatment of tenders that would earn a fraction of a new share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FractionalShares {
    /// Shares are accepted only in whole blocks of the ratio; the rest are returned.
    WholeBlocks,
    /// Every share tendered is accepted; the fraction of a new share a holder earns is paid
    /// in cash at this price per whole new share.
    CashInLieu(Positive),
}

/// "Each N shares of common for K new shares".
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockRatio {
    pub shares: Shares,
    pub new_shares: Shares,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSecurity {
    /// What the new security is; without it, preferred stock or notes as the fields say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<NewSecurityKind>,
    /// "Series D Cumulative Redeemable Perpetual Preferred Stock"; the documents print the
    /// dividend rate before it.
    pub title: Text,
    /// The defined term: "Series D Preferred Stock".
    pub short_name: Text,
    /// How a headline names it, e.g. "Series D Preferred Shares"; defaults to `short_name`.
    #[serde(default)]
    pub headline_name: Option<Text>,
    /// Preferred stock: the annual dividend rate on the liquidation preference, and the
    /// preference per share. Debt securities give `interest_rate` and `principal_amount`
    /// instead.
    #[serde(default)]
    pub dividend_rate: Option<Percent>,
    #[serde(default)]
    pub liquidation_preference: Option<Positive>,
    /// Debt securities: the principal amount of each note, the annual interest rate on it,
    /// the maturity date and when interest is paid.
    #[serde(default)]
    pub principal_amount: Option<Positive>,
    #[serde(default)]
    pub interest_rate: Option<Percent>,
    #[serde(default)]
    pub maturity: Option<Date>,
    #[serde(default)]
    pub interest_payment: Option<Text>,
    /// How often interest is paid, when the terms say: the interest per note for each
    /// period is then a figure. `interest_payment` stays the words the documents print.
    #[serde(default)]
    pub interest_frequency: Option<PaymentFrequency>,
    /// When dividends are paid: "quarterly in arrears on the 15th day of January, April, July
    /// and October".
    #[serde(default)]
    pub dividend_payment: Option<Text>,
    /// How often dividends are paid, when the terms say: the dividend per new share for each
    /// period is then a figure. `dividend_payment` stays the words the documents print.
    #[serde(default)]
    pub dividend_frequency: Option<PaymentFrequency>,
    #[serde(default)]
    pub ranking: Option<Text>,
    #[serde(default)]
    pub voting: Option<Text>,
    #[serde(default)]
    pub redemption: Option<Text>,
    /// Whether the dividends of new preferred stock are cumulative; by default they are when
    /// its title says "Cumulative", and otherwise a note to draft.
    #[serde(default)]
    pub cumulative: Option<bool>,
    /// Where it trades: "NYSE American under the symbol \"AULT PRD\"".
    #[serde(default)]
    pub listing: Option<Text>,
    /// The issuer's common stock: its last sale price, from which the value of the
    /// consideration and its premium are computed. Without it neither is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_price: Option<ClosingPrice>,
}

/// The kinds of new security an exchange offer may issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NewSecurityKind {
    /// Preferred stock, with a dividend rate and a liquidation preference.
    PreferredStock,
    /// Debt securities, with an interest rate and a principal amount.
    Notes,
    /// The issuer's common stock: no rate and no face amount.
    CommonStock,
}

/// How often a new security pays its dividends or interest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaymentFrequency {
    Monthly,
    Quarterly,
    Semiannual,
    Annual,
}

impl PaymentFrequency {
    pub fn payments_per_year(self) -> u32 {
        match self {
            PaymentFrequency::Monthly => 12,
            PaymentFrequency::Quarterly => 4,
            PaymentFrequency::Semiannual => 2,
            PaymentFrequency::Annual => 1,
        }
    }
}

impl NewSecurity {
    /// Whether the new security is debt (notes), stated by principal amount and interest.
    pub fn is_debt(&self) -> bool {
        match self.kind {
            Some(kind) => kind == NewSecurityKind::Notes,
            None => self.principal_amount.is_some() || self.interest_rate.is_some(),
        }
    }

    /// Whether the dividends of new preferred stock are cumulative: as the terms say, or as its
    /// title says ("Cumulative"); `None` when neither says.
    pub fn cumulative_dividends(&self) -> Option<bool> {
        self.cumulative.or_else(|| self.title.as_str().contains("Cumulative").then_some(true))
    }

    /// Whether the new security is the issuer's common stock, which has no rate and no face.
    pub fn is_common_stock(&self) -> bool {
        self.kind == Some(NewSecurityKind::CommonStock)
    }

    /// What each new security is worth at par, with the terms field that states it: the
    /// liquidation preference of a share, or the principal amount of a note.
    pub fn face(&self) -> Option<(Positive, &'static str)> {
        if self.is_debt() {
            self.principal_amount.map(|p| (p, "offer.consideration.security.principal_amount"))
        } else {
            self.liquidation_preference.map(|p| (p, "offer.consideration.security.liquidation_preference"))
        }
    }

    /// The annual rate it pays on that amount, with its field: dividends or interest.
    pub fn rate(&self) -> Option<(Percent, &'static str)> {
        if self.is_debt() {
            self.interest_rate.map(|r| (r, "offer.consideration.security.interest_rate"))
        } else {
            self.dividend_rate.map(|r| (r, "offer.consideration.security.dividend_rate"))
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyDates {
    /// The day the announcement is first used (the press release's date).
    pub announcement: Date,
    /// The day the company promises further details, if it does.
    #[serde(default)]
    pub next_announcement: Option<Date>,
    /// The day the offer commences (Rule 14d-2): required from commencement on.
    #[serde(default)]
    pub commencement: Option<Date>,
    /// The scheduled expiration date, as commenced; amendments may move it.
    #[serde(default)]
    pub expiration: Option<Date>,
    #[serde(default)]
    pub expiration_time: ExpirationTime,
}

/// The agents of the offer, printed in the releases and the Offer.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agents {
    /// Exchange agent (exchange offers) or depositary (cash offers).
    #[serde(default)]
    pub exchange_agent: Option<Agent>,
    /// The information agent; without one, holders are told to direct questions to the exchange
    /// agent or depositary.
    #[serde(default)]
    pub information_agent: Option<Agent>,
    /// The dealer manager; without one its sentences drop out.
    #[serde(default)]
    pub dealer_manager: Option<Agent>,
    /// Whether the offeror indemnifies the agents against certain liabilities (the Offer
    /// says so); by default it does.
    #[serde(default = "yes")]
    pub indemnified: bool,
    /// Whether brokers, dealers, commercial banks and trust companies are reimbursed on
    /// request for forwarding the materials to their customers; by default they are.
    #[serde(default = "yes")]
    pub reimburse_nominees: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agent {
    /// The agent's name.
    pub name: Text,
    /// Its address, one line each.
    pub address: Vec<Text>,
    /// Its telephone number.
    pub phone: Text,
    /// Its toll-free number.
    #[serde(default)]
    pub toll_free: Option<Text>,
    /// Its email address.
    #[serde(default)]
    pub email: Option<Text>,
    /// What the agent is paid (Item 1009(a)): by default "reasonable and customary
    /// compensation" for the information agent and the depositary or exchange agent; the
    /// dealer manager's terms are a note to draft until given.
    #[serde(default)]
    pub compensation: Option<Text>,
    /// The exchange agent or depositary only: where it receives Letters of Transmittal and
    /// certificates, by each means of delivery, when these differ from `address`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DeliveryAddresses>,
}

impl Default for Agents {
    fn default() -> Agents {
        Agents {
            exchange_agent: None,
            information_agent: None,
            dealer_manager: None,
            indemnified: true,
            reimburse_nominees: true,
        }
    }
}

/// Whether the offeror or its board recommends that holders tender.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    /// Neither the offeror nor its board makes a recommendation (the documents say so).
    #[default]
    None,
    /// The board's position and its reasons are for counsel to state: a note to draft.
    ToDraft,
}

/// What becomes of the shares an issuer acquires in its offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AcquiredShares {
    Cancelled,
    Treasury,
}

/// How the new securities are delivered to tendering holders.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    #[default]
    BookEntry,
    Certificates,
}

/// Where the exchange agent or depositary receives tenders, by each means of delivery; a
/// means not given is not offered.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliveryAddresses {
    /// Where tenders are received by mail, one line each.
    #[serde(default)]
    pub mail: Vec<Text>,
    /// Where tenders are received by hand, one line each.
    #[serde(default)]
    pub hand: Vec<Text>,
    /// Where tenders are received by overnight courier, one line each.
    #[serde(default)]
    pub overnight_courier: Vec<Text>,
}

/// Text of the Offer that depends on the deal. Where a field is absent the Offer prints a
/// conservative default or, where only counsel can supply it, a bracketed note to draft.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Disclosure {
    pub purpose: Option<Text>,
    #[serde(default)]
    pub risk_factors: Vec<RiskFactor>,
    /// An exchange offer's Offer prints the risk factors of the offer and of the new security
    /// generated from the terms, then `risk_factors`; `true` prints `risk_factors` alone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub risk_factors_replace_generated: bool,
    pub tax: Option<Text>,
    pub accounting: Option<Text>,
    pub company_information: Option<Text>,
    pub interests: Option<Text>,
    pub past_contacts: Option<Text>,
    /// A third party's offer: its plans or proposals for the subject company (Item 1006(c)).
    #[serde(default)]
    pub plans: Option<Text>,
    pub legal_matters: Option<Text>,
    pub source_of_funds: Option<Text>,
    pub financial_statements: Option<Text>,
    pub effects_on_market: Option<Text>,
    /// The summary financial information of Item 1010(c), printed in Section 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_financials: Option<SummaryFinancials>,
    /// Schedule I of the Offer: each director and executive officer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub directors_and_officers: Vec<DirectorOrOfficer>,
    /// Transactions in the Shares during the 60 days before the Offer (Item 1008(b)); an
    /// empty list says there were none, and without it the Offer leaves them to draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transactions_60_days: Option<Vec<Transaction>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskFactor {
    /// The risk factor's heading.
    pub title: Text,
    /// Its text; may hold several paragraphs, separated by a blank line.
    pub text: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The name of the person who signs the Schedule TO.
    pub name: Text,
    /// That person's title.
    pub title: Text,
}

/// One amendment: when it was announced and which terms it changed.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    /// The amendment's number, from 1, in order.
    pub number: u32,
    /// The day the amendment is first published.
    pub date: Date,
    /// The terms the amendment changes; each one given replaces the term of the same name.
    #[serde(default)]
    pub changes: Changes,
    /// Shares tendered and not withdrawn so far, which an extension announcement states.
    #[serde(default)]
    pub shares_tendered_to_date: Option<Shares>,
    /// In an offer for notes, the aggregate principal amount tendered and not withdrawn so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_tendered_to_date: Option<Positive>,
    /// Anything else the amendment does, in counsel's words.
    #[serde(default)]
    pub other_changes: Option<Text>,
    /// In an offer for several classes, what the amendment changes for each class beside the
    /// first, in the order of `offer.other_classes`; `changes` and `shares_tendered_to_date`
    /// above are the first class's and the offer's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_classes: Vec<ClassAmendment>,
}

/// An amendment to the offer for one class beside the first.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassAmendment {
    /// The class's own changes: `max_shares`, `min_shares`, `min_percent`,
    /// `aggregate_liquidation_preference`, `block`, `designated_values`, `cash_price`,
    /// `closing_price`, `waive_minimum_condition`.
    #[serde(default)]
    pub changes: ClassChanges,
    /// Shares of this class tendered and not withdrawn so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares_tendered_to_date: Option<Shares>,
}

/// The terms of one class an amendment may change: those `offer.other_classes` gives each
/// class. The offer's other terms (the expiration, the conditions, the new security) are
/// changed once, in the amendment's `changes`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassChanges {
    pub max_shares: Option<Shares>,
    pub min_shares: Option<Shares>,
    pub min_percent: Option<Percent>,
    pub aggregate_liquidation_preference: Option<Positive>,
    pub block: Option<BlockRatio>,
    pub designated_values: Option<DesignatedValues>,
    pub cash_price: Option<Positive>,
    pub closing_price: Option<ClosingPrice>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub waive_minimum_condition: bool,
}

impl ClassChanges {
    /// The fields, as the terms file names them (and as `changes` names the first class's).
    pub const FIELDS: [&str; 9] = [
        "max_shares",
        "min_shares",
        "min_percent",
        "aggregate_liquidation_preference",
        "block",
        "designated_values",
        "cash_price",
        "closing_price",
        "waive_minimum_condition",
    ];

    pub fn is_empty(&self) -> bool {
        let ClassChanges {
            max_shares,
            min_shares,
            min_percent,
            aggregate_liquidation_preference,
            block,
            designated_values,
            cash_price,
            closing_price,
            waive_minimum_condition,
        } = self;
        max_shares.is_none()
            && min_shares.is_none()
            && min_percent.is_none()
            && aggregate_liquidation_preference.is_none()
            && block.is_none()
            && designated_values.is_none()
            && cash_price.is_none()
            && closing_price.is_none()
            && !waive_minimum_condition
    }
}

impl Amendment {
    /// Whether the amendment changes the consideration, the exchange ratio, the amount sought
    /// or the minimum condition, of any class: counsel then file an amended and restated Offer
    /// and an amended Letter of Transmittal with it. An extension, a waiver, a change of
    /// the other conditions or a re-measured closing price alone is disseminated by the
    /// amendment and its press release.
    pub fn restates_offer(&self) -> bool {
        self.changes.restates_offer()
            || (0..self.other_classes.len()).any(|i| self.for_class(i).changes.restates_offer())
    }

    /// The amendment as it reads for the offer for the `i`th class beside the first alone:
    /// the offer's changes, with the class's own in place of the first class's.
    pub fn for_class(&self, i: usize) -> Amendment {
        let class = self.other_classes.get(i).cloned().unwrap_or_default();
        let ClassChanges {
            max_shares,
            min_shares,
            min_percent,
            aggregate_liquidation_preference,
            block,
            designated_values,
            cash_price,
            closing_price,
            waive_minimum_condition,
        } = class.changes;
        Amendment {
            changes: Changes {
                max_shares,
                min_shares,
                min_percent,
                aggregate_liquidation_preference,
                block,
                designated_values,
                cash_price,
                closing_price,
                waive_minimum_condition,
                ..self.changes.clone()
            },
            shares_tendered_to_date: class.shares_tendered_to_date,
            other_classes: Vec::new(),
            ..self.clone()
        }
    }

    /// Applies the amendment to the terms: the first class's changes and the offer's, then
    /// each other class's.
    fn apply(&self, t: &mut Terms) {
        self.changes.apply(t);
        for (class, amendment) in t.offer.other_classes.iter_mut().zip(&self.other_classes) {
            class.apply(&amendment.changes);
        }
    }
}

impl SoughtClass {
    fn apply(&mut self, changes: &ClassChanges) {
        if let Some(v) = changes.max_shares {
            self.max_shares = v;
        }
        replace_minimum(
            (&mut self.min_shares, &mut self.min_percent),
            changes.min_shares,
            changes.min_percent,
        );
        replace_ratio(
            (&mut self.aggregate_liquidation_preference, &mut self.block, &mut self.designated_values),
            changes.aggregate_liquidation_preference,
            &changes.block,
            &changes.designated_values,
        );
        if let Some(v) = changes.cash_price {
            self.cash_price = Some(v);
        }
        if let Some(v) = &changes.closing_price {
            self.security.closing_price = Some(v.clone());
        }
    }
}

/// The terms an amendment replaces; each one given replaces the term of the same name.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Changes {
    pub max_shares: Option<Shares>,
    pub min_shares: Option<Shares>,
    /// The minimum condition as a percentage of the class outstanding; replaces either form.
    pub min_percent: Option<Percent>,
    /// In an offer for notes, the aggregate principal amount sought, and the minimum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_principal: Option<Positive>,
    /// In an offer for notes, the minimum condition as an aggregate principal amount; replaces
    /// `offer.min_principal`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_principal: Option<Positive>,
    pub aggregate_liquidation_preference: Option<Positive>,
    pub block: Option<BlockRatio>,
    /// A ratio derived from new designated values; replaces a ratio given any other way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designated_values: Option<DesignatedValues>,
    pub cash_price: Option<Positive>,
    pub min_price: Option<Positive>,
    pub max_price: Option<Positive>,
    pub expiration: Option<Date>,
    /// A new time of day for the expiration.
    pub expiration_time: Option<ExpirationTime>,
    pub conditions: Option<Vec<Text>>,
    /// The new security's dividend rate, raised or lowered.
    pub dividend_rate: Option<Percent>,
    /// The new security's liquidation preference per share.
    pub liquidation_preference: Option<Positive>,
    /// The new notes' interest rate.
    pub interest_rate: Option<Percent>,
    /// The new notes' principal amount per note.
    pub principal_amount: Option<Positive>,
    /// The cash paid for each Share with the new securities.
    pub cash_per_share: Option<Positive>,
    /// The closing price re-measured at a later date: the premiums are computed against it.
    pub closing_price: Option<ClosingPrice>,
    /// The closing price of the issuer's common stock offered in exchange, re-measured at a
    /// later date: the value of the consideration and its premium are computed at it.
    pub common_stock_closing_price: Option<ClosingPrice>,
    /// Conditions the bidder waives, by their place in `offer.conditions` (from 1) as in
    /// force after this amendment's other changes. A waiver must be disseminated with the
    /// offer open long enough to respond, so it is made in an amendment, not in the results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waive_conditions: Vec<u32>,
    /// Whether the bidder waives the minimum condition.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub waive_minimum_condition: bool,
}

impl Changes {
    /// The fields this amendment sets, as the terms file names them. Destructured, so that a
    /// field added to `Changes` must be added here.
    pub fn fields_set(&self) -> Vec<&'static str> {
        let Changes {
            max_shares,
            min_shares,
            min_percent,
            max_principal,
            min_principal,
            aggregate_liquidation_preference,
            block,
            designated_values,
            cash_price,
            min_price,
            max_price,
            expiration,
            expiration_time,
            conditions,
            dividend_rate,
            liquidation_preference,
            interest_rate,
            principal_amount,
            cash_per_share,
            closing_price,
            common_stock_closing_price,
            waive_conditions,
            waive_minimum_condition,
        } = self;
        [
            ("max_shares", max_shares.is_some()),
            ("min_shares", min_shares.is_some()),
            ("min_percent", min_percent.is_some()),
            ("max_principal", max_principal.is_some()),
            ("min_principal", min_principal.is_some()),
            ("aggregate_liquidation_preference", aggregate_liquidation_preference.is_some()),
            ("block", block.is_some()),
            ("designated_values", designated_values.is_some()),
            ("cash_price", cash_price.is_some()),
            ("min_price", min_price.is_some()),
            ("max_price", max_price.is_some()),
            ("expiration", expiration.is_some()),
            ("expiration_time", expiration_time.is_some()),
            ("conditions", conditions.is_some()),
            ("dividend_rate", dividend_rate.is_some()),
            ("liquidation_preference", liquidation_preference.is_some()),
            ("interest_rate", interest_rate.is_some()),
            ("principal_amount", principal_amount.is_some()),
            ("cash_per_share", cash_per_share.is_some()),
            ("closing_price", closing_price.is_some()),
            ("common_stock_closing_price", common_stock_closing_price.is_some()),
            ("waive_conditions", !waive_conditions.is_empty()),
            ("waive_minimum_condition", *waive_minimum_condition),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect()
    }

    fn apply(&self, t: &mut Terms) {
        if let Some(v) = self.max_shares {
            t.offer.max_shares = Some(v);
        }
        replace_minimum(
            (&mut t.offer.min_shares, &mut t.offer.min_percent),
            self.min_shares,
            self.min_percent,
        );
        if let Some(v) = self.max_principal {
            t.offer.max_principal = Some(v);
        }
        if let Some(v) = self.min_principal {
            t.offer.min_principal = Some(v);
        }
        if let Some(consideration) = &mut t.offer.consideration {
            replace_ratio(
                (
                    &mut consideration.aggregate_liquidation_preference,
                    &mut consideration.block,
                    &mut consideration.designated_values,
                ),
                self.aggregate_liquidation_preference,
                &self.block,
                &self.designated_values,
            );
            if let Some(v) = self.dividend_rate {
                consideration.security.dividend_rate = Some(v);
            }
            if let Some(v) = self.liquidation_preference {
                consideration.security.liquidation_preference = Some(v);
            }
            if let Some(v) = self.interest_rate {
                consideration.security.interest_rate = Some(v);
            }
            if let Some(v) = self.principal_amount {
                consideration.security.principal_amount = Some(v);
            }
            if let Some(v) = self.cash_per_share {
                consideration.cash_per_share = Some(v);
            }
            if let Some(v) = &self.common_stock_closing_price {
                consideration.security.closing_price = Some(v.clone());
            }
        }
        if let Some(v) = &self.closing_price {
            t.security.closing_price = Some(v.clone());
        }
        if let Some(v) = self.expiration_time {
            t.dates.expiration_time = v;
        }
        if let Some(v) = self.cash_price {
            t.offer.cash_price = Some(v);
        }
        if let Some(auction) = &mut t.offer.auction {
            if let Some(v) = self.min_price {
                auction.min_price = v;
            }
            if let Some(v) = self.max_price {
                auction.max_price = v;
            }
        }
        if let Some(v) = self.expiration {
            t.dates.expiration = Some(v);
        }
        if let Some(v) = &self.conditions {
            t.offer.conditions = v.clone();
        }
        // A waiver changes no term: the condition stays in the Offer, and the waivers in
        // force are read from the amendments themselves (`Terms::waivers`), with the date
        // each was announced.
    }

    /// Whether the consideration offered changes: Rule 14e-1(b)'s ten business days then run
    /// from the announcement. (A change in the number sought is weighed against the 2%
    /// allowance where the timetable is computed.)
    pub fn changes_consideration(&self) -> bool {
        self.aggregate_liquidation_preference.is_some()
            || self.block.is_some()
            || self.designated_values.is_some()
            || self.cash_price.is_some()
            || self.min_price.is_some()
            || self.max_price.is_some()
            || self.dividend_rate.is_some()
            || self.liquidation_preference.is_some()
            || self.interest_rate.is_some()
            || self.principal_amount.is_some()
            || self.cash_per_share.is_some()
    }

    /// Whether the consideration, the amount sought or the minimum condition changes: the
    /// Offer is then amended and restated ([`Amendment::restates_offer`]).
    pub fn restates_offer(&self) -> bool {
        self.changes_consideration()
            || self.max_shares.is_some()
            || self.max_principal.is_some()
            || self.min_shares.is_some()
            || self.min_percent.is_some()
            || self.min_principal.is_some()
    }

    /// Whether the conditions change: the minimum, the list, or a waiver of either. Another
    /// material change, after which the offer stays open five business days.
    pub fn changes_conditions(&self) -> bool {
        self.min_shares.is_some()
            || self.min_percent.is_some()
            || self.min_principal.is_some()
            || self.conditions.is_some()
            || self.waive_minimum_condition
            || !self.waive_conditions.is_empty()
    }

    pub fn is_empty(&self) -> bool {
        self.fields_set().is_empty()
    }

    /// The term a change replaces, as a field path of the terms (its fields below it too).
    pub fn replaces(field: &str) -> Option<&'static str> {
        Some(match field {
            "max_shares" => "offer.max_shares",
            "min_shares" => "offer.min_shares",
            "min_percent" => "offer.min_percent",
            "max_principal" => "offer.max_principal",
            "min_principal" => "offer.min_principal",
            "aggregate_liquidation_preference" => "offer.consideration.aggregate_liquidation_preference",
            "block" => "offer.consideration.block",
            "designated_values" => "offer.consideration.designated_values",
            "cash_price" => "offer.cash_price",
            "min_price" => "offer.auction.min_price",
            "max_price" => "offer.auction.max_price",
            "expiration" => "dates.expiration",
            "expiration_time" => "dates.expiration_time",
            "conditions" => "offer.conditions",
            "dividend_rate" => "offer.consideration.security.dividend_rate",
            "liquidation_preference" => "offer.consideration.security.liquidation_preference",
            "interest_rate" => "offer.consideration.security.interest_rate",
            "principal_amount" => "offer.consideration.security.principal_amount",
            "cash_per_share" => "offer.consideration.cash_per_share",
            "closing_price" => "security.closing_price",
            "common_stock_closing_price" => "offer.consideration.security.closing_price",
            _ => return None,
        })
    }
}

/// The minimum is one condition in either form: a new one replaces the old.
fn replace_minimum(
    minimum: (&mut Option<Shares>, &mut Option<Percent>),
    shares: Option<Shares>,
    percent: Option<Percent>,
) {
    let (in_shares, in_percent) = minimum;
    if let Some(v) = shares {
        *in_shares = Some(v);
        *in_percent = None;
    }
    if let Some(v) = percent {
        *in_percent = Some(v);
        *in_shares = None;
    }
}

/// A ratio given one way (an aggregate, a block, designated values) replaces the ratio given
/// any other.
fn replace_ratio(
    ratio: (&mut Option<Positive>, &mut Option<BlockRatio>, &mut Option<DesignatedValues>),
    aggregate: Option<Positive>,
    block: &Option<BlockRatio>,
    designated: &Option<DesignatedValues>,
) {
    let (in_aggregate, in_block, in_designated) = ratio;
    if let Some(v) = aggregate {
        (*in_aggregate, *in_block, *in_designated) = (Some(v), None, None);
    }
    if let Some(v) = block {
        (*in_aggregate, *in_block, *in_designated) = (None, Some(v.clone()), None);
    }
    if let Some(v) = designated {
        (*in_aggregate, *in_block, *in_designated) = (None, None, Some(v.clone()));
    }
}

/// The final count of an offer.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Results {
    /// The day the results are announced.
    pub date: Date,
    /// Shares properly tendered and not withdrawn, notices of guaranteed delivery included;
    /// zero only for an offer terminated with none tendered.
    pub tendered: Count,
    /// Of those, shares tendered by notice of guaranteed delivery.
    #[serde(default)]
    pub guaranteed_delivery: Count,
    /// Of those, shares tendered by odd-lot holders (fewer than 100 shares, all tendered).
    #[serde(default)]
    pub odd_lots: Count,
    /// Shares accepted beyond the maximum under the 2% allowance, if the issuer used it.
    #[serde(default)]
    pub additional_accepted: Count,
    /// Dutch auctions: the shares tendered at each price, and at the purchase price.
    #[serde(default)]
    pub tenders_by_price: Vec<PriceTender>,
    /// When the consideration is paid or issued, if announced.
    #[serde(default)]
    pub settlement_date: Option<Date>,
    /// A preliminary count, announced in an amendment before the final one: notices of
    /// guaranteed delivery are counted though their shares are not yet delivered.
    #[serde(default)]
    pub preliminary: bool,
    /// On the final results, the day the preliminary results were announced.
    #[serde(default)]
    pub preliminary_date: Option<Date>,
    /// Why nothing was accepted, when the offer was terminated. An offer whose minimum
    /// condition was not met (and not waived in an amendment) is terminated whether or not
    /// this is given.
    #[serde(default)]
    pub terminated: Option<Termination>,
    /// In an offer for several classes, the count of each class beside the first, in the order
    /// of `offer.other_classes`; the counts above are the first class's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_classes: Vec<ClassResults>,
}

/// The count of one class beside the first, as `results` gives the first's.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassResults {
    /// Shares of the class properly tendered and not withdrawn, as `results.tendered` gives the
    /// first class's.
    pub tendered: Count,
    /// Of those, shares tendered by notice of guaranteed delivery; default 0.
    #[serde(default)]
    pub guaranteed_delivery: Count,
    /// Of those, shares tendered by odd-lot holders; default 0.
    #[serde(default)]
    pub odd_lots: Count,
    /// Shares of the class accepted beyond its maximum under the 2% allowance; default 0.
    #[serde(default)]
    pub additional_accepted: Count,
}

/// How an offer ended without accepting any shares.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Termination {
    pub reason: TerminationReason,
    /// For `condition_failed`: the condition not satisfied, by its place in
    /// `offer.conditions` (from 1).
    #[serde(default)]
    pub condition: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TerminationReason {
    /// Fewer shares were tendered than the minimum condition requires.
    MinimumNotMet,
    /// A condition of the offer other than the minimum was not satisfied.
    ConditionFailed,
    /// The bidder withdrew the offer.
    Withdrawn,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PriceTender {
    /// The price named; absent for tenders at whatever purchase price the auction sets.
    #[serde(default)]
    pub price: Option<Positive>,
    /// The shares tendered at that price.
    pub shares: Shares,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InvestorContact {
    pub email: Text,
    pub phone: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PressRelease {
    /// The city of the dateline; left to draft when absent.
    #[serde(default)]
    pub dateline_city: Option<Text>,
    /// The wire service that carries the release; a release not sent by wire has none.
    #[serde(default)]
    pub wire_service: Option<Text>,
    /// True when the company announced the offer before and this release repeats it.
    #[serde(default)]
    pub reiterates_prior_announcement: bool,
    /// Whether the release says that the safe harbor for forward-looking statements does not
    /// apply to statements made in connection with a tender offer (Section 27A(b)(2)(C) of the
    /// Securities Act, Section 21E(b)(2)(C) of the Exchange Act); by default it does.
    #[serde(default = "yes")]
    pub safe_harbor_disclaimer: bool,
    /// The website where the company posts its filings and releases for investors: the
    /// releases point holders to "the Investor Relations section at" it. Without it they
    /// point to www.sec.gov alone.
    #[serde(default)]
    pub investor_relations: Option<Text>,
}

impl Default for PressRelease {
    fn default() -> PressRelease {
        PressRelease {
            dateline_city: None,
            wire_service: None,
            reiterates_prior_announcement: false,
            safe_harbor_disclaimer: true,
            investor_relations: None,
        }
    }
}

/// The decimal places at which each kind of percentage is printed; half away from zero.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Presentation {
    /// The decimal places of each kind of printed percentage, 0 to 4, default 0.
    #[serde(default)]
    pub percent_places: PercentPlaces,
    /// The forms `render` writes each document in when the command line gives no `--format`:
    /// `[md, htm]` by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formats: Option<Vec<OutputFormat>>,
}

/// A form a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    Md,
    Htm,
    Docx,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PercentPlaces {
    /// Premium of the effective price over the closing price.
    #[serde(default)]
    pub premium: Places,
    /// The annual dividend as a percentage of the closing price.
    #[serde(default)]
    pub dividend_yield: Places,
    /// First-year total premium (price plus one year of dividends).
    #[serde(default)]
    pub total_premium: Places,
    /// The new security's dividend rate ("13.00%").
    #[serde(default)]
    pub dividend_rate: Places,
    /// The proration factor of the results.
    #[serde(default)]
    pub proration: Places,
    /// Shares sought as a percentage of those outstanding.
    #[serde(default)]
    pub of_outstanding: Places,
    /// Shares tendered and not accepted, as a percentage of those tendered; the proration
    /// factor's places when not given, since the two are read side by side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oversubscription: Option<Places>,
}

/// A number of decimal places, 0 to 4.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Places(pub u32);

impl<'de> Deserialize<'de> for Places {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u32::deserialize(d)?;
        if n > 4 {
            return Err(serde::de::Error::invalid_value(
                serde::de::Unexpected::Unsigned(n.into()),
                &"a number of decimal places from 0 to 4",
            ));
        }
        Ok(Places(n))
    }
}

#[cfg(test)]
mod tests {
    use super::{Amendment, ClassChanges, SoughtClass};

    #[test]
    fn the_names_of_a_class_change_are_its_fields_and_the_first_class_s() {
        let every = "max_shares: 1\nmin_shares: 1\nmin_percent: 1%\naggregate_liquidation_preference: 1\n\
                     block: {shares: 1, new_shares: 1}\ndesignated_values: {share_sought: 1, new_share: 1, places: 2}\n\
                     cash_price: 1\nclosing_price: {price: 1, date: 2025-01-02, market: NYSE}\nwaive_minimum_condition: true\n";
        let changes: ClassChanges =
            serde_saphyr::from_str_with_options(every, super::yaml::options()).unwrap();
        let json = serde_json::to_value(&changes).unwrap();
        let mut named: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        let mut fields = ClassChanges::FIELDS.to_vec();
        named.sort_unstable();
        fields.sort_unstable();
        assert_eq!(named, fields);
        // Each reads as the first class's change of the same name.
        let amendment = Amendment {
            number: 1,
            date: super::Date(chrono::NaiveDate::from_ymd_opt(2025, 1, 2).unwrap()),
            changes: Default::default(),
            shares_tendered_to_date: None,
            principal_tendered_to_date: None,
            other_changes: None,
            other_classes: vec![super::ClassAmendment { changes, shares_tendered_to_date: None }],
        };
        let mut set = amendment.for_class(0).changes.fields_set();
        set.sort_unstable();
        assert_eq!(set, fields);
    }

    #[test]
    fn a_class_reads_its_own_fields_and_the_offer_s_shared_ones() {
        let at = |field| SoughtClass::path(1, field);
        assert_eq!(at("security.closing_price.price"), "offer.other_classes[1].security.closing_price.price");
        assert_eq!(at("offer.max_shares"), "offer.other_classes[1].max_shares");
        assert_eq!(at("offer.min_percent"), "offer.other_classes[1].min_percent");
        assert_eq!(at("offer.cash_price"), "offer.other_classes[1].cash_price");
        assert_eq!(at("offer.consideration.block.shares"), "offer.other_classes[1].block.shares");
        assert_eq!(at("offer.consideration"), "offer.other_classes[1]");
        // The new security, the cash and fields that only start like a class's are the offer's.
        assert_eq!(
            at("offer.consideration.security.closing_price"),
            "offer.consideration.security.closing_price"
        );
        assert_eq!(at("offer.consideration.cash_per_share"), "offer.consideration.cash_per_share");
        assert_eq!(at("offer.max_shares_extra"), "offer.max_shares_extra");
        assert_eq!(at("securities"), "securities");
    }
}
