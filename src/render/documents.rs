//! The documents of a filing set, which depend on the stage of the offer, and the sections of
//! the Offer to Exchange (or to Purchase) that the other documents refer to.

use serde::Serialize;

use crate::terms::{OfferKind, Stage, Terms};

/// A document secdraft renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Document {
    ScheduleTo,
    Offer,
    PressRelease,
    /// Exhibit (a)(1)(B): the form by which holders tender.
    LetterOfTransmittal,
    /// Exhibit (a)(1)(C), when the offer has guaranteed delivery.
    GuaranteedDelivery,
    /// Exhibit (a)(1)(D): to brokers, dealers, commercial banks, trust companies and other
    /// nominees.
    LetterToBrokers,
    /// Exhibit (a)(1)(E): for nominees to send their clients, with the instruction form.
    LetterToClients,
    /// A summary advertisement, when the terms ask for one (`documents.summary_advertisement`).
    SummaryAdvertisement,
    /// A letter to participants in an employee plan, when the terms ask for one
    /// (`documents.employee_letter`).
    EmployeeLetter,
}

impl Document {
    /// Every document, in the order a set holds them.
    pub const ALL: [Document; 9] = [
        Document::ScheduleTo,
        Document::Offer,
        Document::PressRelease,
        Document::LetterOfTransmittal,
        Document::GuaranteedDelivery,
        Document::LetterToBrokers,
        Document::LetterToClients,
        Document::SummaryAdvertisement,
        Document::EmployeeLetter,
    ];

    /// The documents a filing of these terms (in force) holds: at every stage the Schedule TO
    /// and the press release; once the offer commences, the Offer and the documents holders
    /// tender with, the Notice of Guaranteed Delivery only when the offer has guaranteed
    /// delivery (`offer.guaranteed_delivery_days`), and the summary advertisement and the
    /// employee letter only when the terms ask for them (`documents`). An amendment that
    /// changes the consideration, the ratio, the amount sought or the minimum condition
    /// ([`crate::terms::Amendment::restates_offer`]) also holds the amended and restated Offer
    /// and the amended Letter of Transmittal, rendered from the terms it leaves in force.
    pub fn for_terms(t: &Terms) -> Vec<Document> {
        match t.stage() {
            Stage::Commencement => {}
            Stage::Amendment if Document::restated(t) => {
                return vec![
                    Document::ScheduleTo,
                    Document::Offer,
                    Document::PressRelease,
                    Document::LetterOfTransmittal,
                ];
            }
            _ => return vec![Document::ScheduleTo, Document::PressRelease],
        }
        Document::ALL
            .into_iter()
            .filter(|d| match d {
                Document::GuaranteedDelivery => t.offer.guaranteed_delivery_days.is_some(),
                Document::SummaryAdvertisement => t.documents.summary_advertisement,
                Document::EmployeeLetter => t.documents.employee_letter,
                _ => true,
            })
            .collect()
    }

    /// Whether the filing of `t` is an amendment that restates the Offer and the Letter of
    /// Transmittal.
    pub fn restated(t: &Terms) -> bool {
        t.stage() == Stage::Amendment && t.current_amendment().is_some_and(|a| a.restates_offer())
    }

    /// The title the document prints, and its HTML page's: an amendment's Offer is the
    /// "Amended and Restated Offer to Exchange", its Letter of Transmittal the "Amended Letter of
    /// Transmittal".
    pub fn heading(self, kind: OfferKind, restated: bool) -> String {
        match self {
            Document::Offer if restated => format!("Amended and Restated {}", self.title(kind)),
            Document::LetterOfTransmittal if restated => format!("Amended {}", self.title(kind)),
            _ => self.title(kind).to_owned(),
        }
    }

    /// The template that renders it.
    pub fn template(self) -> &'static str {
        match self {
            Document::ScheduleTo => "schedule-to.md",
            Document::Offer => "offer.md",
            Document::PressRelease => "press-release.md",
            Document::LetterOfTransmittal => "letter-of-transmittal.md",
            Document::GuaranteedDelivery => "guaranteed-delivery.md",
            Document::LetterToBrokers => "letter-to-brokers.md",
            Document::LetterToClients => "letter-to-clients.md",
            Document::SummaryAdvertisement => "summary-advertisement.md",
            Document::EmployeeLetter => "employee-letter.md",
        }
    }

    /// The stem of its output files.
    pub fn stem(self, kind: OfferKind) -> &'static str {
        match (self, kind) {
            (Document::Offer, OfferKind::Exchange) => "offer-to-exchange",
            (Document::Offer, _) => "offer-to-purchase",
            (other, _) => other.template().trim_end_matches(".md"),
        }
    }

    /// The title of the HTML page, and the document's name in prose.
    pub fn title(self, kind: OfferKind) -> &'static str {
        match (self, kind) {
            (Document::ScheduleTo, _) => "Schedule TO",
            (Document::Offer, OfferKind::Exchange) => "Offer to Exchange",
            (Document::Offer, _) => "Offer to Purchase",
            (Document::PressRelease, _) => "Press Release",
            (Document::LetterOfTransmittal, _) => "Letter of Transmittal",
            (Document::GuaranteedDelivery, _) => "Notice of Guaranteed Delivery",
            (Document::LetterToBrokers, _) => {
                "Letter to Brokers, Dealers, Commercial Banks, Trust Companies and Other Nominees"
            }
            (Document::LetterToClients, _) => {
                "Letter to Clients for use by Brokers, Dealers, Commercial Banks, Trust Companies and Other Nominees"
            }
            (Document::SummaryAdvertisement, _) => "Summary Advertisement",
            (Document::EmployeeLetter, _) => "Letter to Participants in an Employee Plan",
        }
    }
}

/// A section of the Offer, for its table of contents and for references from the Schedule TO.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub key: &'static str,
    /// "1" to "17" (and on, for an exchange's extra sections); empty for the front parts.
    pub number: String,
    pub title: String,
    pub anchor: &'static str,
}

/// The parts of the Offer in order: the front parts, then the numbered sections of The Offer.
pub fn offer_sections(t: &Terms, kind: OfferKind) -> Vec<Section> {
    let exchange = kind == OfferKind::Exchange;
    let new_name =
        t.offer.consideration.as_ref().map(|c| c.security.short_name.0.clone()).unwrap_or_default();
    // An offer for several classes calls them together "the Shares".
    let class =
        if t.offer.other_classes.is_empty() { t.security.title.0.clone() } else { "Shares".to_owned() };
    let front = [
        ("summary", "Summary Term Sheet", "summary-term-sheet"),
        ("forward_looking", "Forward-Looking Statements", "forward-looking-statements"),
        ("risk_factors", "Risk Factors", "risk-factors"),
    ];
    let mut sections: Vec<Section> = front
        .into_iter()
        .filter(|(key, _, _)| exchange || *key != "risk_factors" || !t.disclosure.risk_factors.is_empty())
        .map(|(key, title, anchor)| Section { key, number: String::new(), title: title.to_owned(), anchor })
        .collect();
    if t.is_third_party() {
        sections.extend(numbered(
            THIRD_PARTY_SECTIONS.iter().map(|(key, title, anchor)| (*key, (*title).to_owned(), *anchor)),
        ));
        // Schedule I follows The Offer: the directors and executive officers (Item 1003(c)).
        let of_parent = t.bidder.as_ref().is_some_and(|b| b.parent.is_some());
        sections.push(Section {
            key: "schedule_i",
            number: String::new(),
            title: format!(
                "Schedule I. Directors and Executive Officers of the Purchaser{}",
                if of_parent { " and Parent" } else { "" }
            ),
            anchor: "schedule-i",
        });
        return sections;
    }
    if t.security.notes.is_some() {
        sections.extend(numbered(
            NOTES_SECTIONS.iter().map(|(key, title, anchor)| (*key, (*title).to_owned(), *anchor)),
        ));
        sections.push(schedule_i());
        return sections;
    }
    let acceptance = if exchange {
        "Acceptance for Exchange of Shares and Delivery of Consideration"
    } else {
        "Purchase of Shares and Payment of Purchase Price"
    };
    let source = if exchange { "Source and Amount of Consideration" } else { "Source and Amount of Funds" };
    let mut numbered: Vec<(&'static str, String, &'static str)> = vec![
        ("number_of_shares", "Number of Shares; Proration".into(), "section-1"),
        ("purpose", "Purpose of the Offer; Certain Effects of the Offer".into(), "section-2"),
        ("procedures", "Procedures for Tendering Shares".into(), "section-3"),
        ("withdrawal", "Withdrawal Rights".into(), "section-4"),
        ("acceptance", acceptance.into(), "section-5"),
        ("conditional_tender", "Conditional Tender of Shares".into(), "section-6"),
        ("conditions", "Conditions of the Offer".into(), "section-7"),
        ("price_range", format!("Price Range of the {class}; Dividends"), "section-8"),
        ("source_of_funds", source.into(), "section-9"),
        ("company_information", "Information Concerning the Company".into(), "section-10"),
        (
            "interests",
            "Interests of Directors and Executive Officers; Transactions and Arrangements Concerning the Shares".into(),
            "section-11",
        ),
        (
            "effects",
            "Effects of the Offer on the Market for Shares; Registration under the Exchange Act".into(),
            "section-12",
        ),
        ("legal_matters", "Legal Matters; Regulatory Approvals".into(), "section-13"),
        ("tax", "Material U.S. Federal Income Tax Consequences".into(), "section-14"),
        ("extension", "Extension of the Offer; Termination; Amendment".into(), "section-15"),
        ("fees", "Fees and Expenses".into(), "section-16"),
        ("miscellaneous", "Miscellaneous".into(), "section-17"),
    ];
    if exchange {
        numbered.extend([
            ("description", format!("Description of the {new_name}"), "section-18"),
            (
                "comparison",
                format!("Comparison of Rights Between the {class} and the {new_name}"),
                "section-19",
            ),
            ("accounting", "Accounting Treatment".into(), "section-20"),
            ("exemption", "Registration Exemption under the Securities Act".into(), "section-21"),
        ]);
    }
    sections.extend(self::numbered(numbered));
    sections.push(schedule_i());
    sections
}

/// Schedule I, after The Offer: the directors and executive officers of the bidder.
fn schedule_i() -> Section {
    Section {
        key: "schedule_i",
        number: String::new(),
        title: "Schedule I: Information Concerning the Directors and Executive Officers".into(),
        anchor: "schedule-i",
    }
}

/// The numbered sections of The Offer, in order, numbered from 1.
fn numbered(
    sections: impl IntoIterator<Item = (&'static str, String, &'static str)>,
) -> impl Iterator<Item = Section> {
    sections.into_iter().enumerate().map(|(i, (key, title, anchor))| Section {
        key,
        number: (i + 1).to_string(),
        title,
        anchor,
    })
}

/// The sections of The Offer for notes, in the order offer/notes.md prints them. Notes have no
/// odd lots, conditional tenders or dividends: the Notes' own terms take a section, and the
/// market section covers the Notes and the common stock they convert into.
const NOTES_SECTIONS: [(&str, &str, &str); 17] = [
    ("principal_amount", "Principal Amount of Notes; Purchase Price; Proration", "section-1"),
    ("purpose", "Purpose of the Offer; Certain Effects of the Offer", "section-2"),
    ("procedures", "Procedures for Tendering Notes", "section-3"),
    ("withdrawal", "Withdrawal Rights", "section-4"),
    ("acceptance", "Acceptance for Purchase and Payment for Notes", "section-5"),
    ("conditions", "Conditions of the Offer", "section-6"),
    ("notes_information", "Certain Information Concerning the Notes", "section-7"),
    ("price_range", "Trading Market of the Notes; Price Range of the Common Stock", "section-8"),
    ("source_of_funds", "Source and Amount of Funds", "section-9"),
    ("company_information", "Information Concerning the Company", "section-10"),
    (
        "interests",
        "Interests of Directors and Executive Officers; Transactions and Arrangements Concerning the Notes",
        "section-11",
    ),
    ("effects", "Effects of the Offer on the Market for the Notes", "section-12"),
    ("legal_matters", "Legal Matters; Regulatory Approvals", "section-13"),
    ("tax", "Material U.S. Federal Income Tax Consequences", "section-14"),
    ("extension", "Extension of the Offer; Termination; Amendment", "section-15"),
    ("fees", "Fees and Expenses", "section-16"),
    ("miscellaneous", "Miscellaneous", "section-17"),
];

/// The sections of The Offer in a third party's cash offer for all outstanding Shares, in the
/// order offer/third-party.md prints them in the frame's places: the terms and mechanics
/// first, then the Company, the Purchaser, the background, the purpose and plans (one place
/// of the frame, `section_bidder`), and the effects. No proration, odd
/// lots or conditional tenders: every Share properly tendered is purchased.
const THIRD_PARTY_SECTIONS: [(&str, &str, &str); 17] = [
    ("number_of_shares", "Terms of the Offer", "section-1"),
    ("procedures", "Procedures for Accepting the Offer and Tendering Shares", "section-2"),
    ("withdrawal", "Withdrawal Rights", "section-3"),
    ("acceptance", "Acceptance for Payment and Payment for Shares", "section-4"),
    ("conditions", "Conditions of the Offer", "section-5"),
    ("price_range", "Price Range of the Shares; Dividends", "section-6"),
    ("source_of_funds", "Source and Amount of Funds", "section-7"),
    ("company_information", "Certain Information Concerning the Company", "section-8"),
    ("purchaser_information", "Certain Information Concerning the Purchaser", "section-9"),
    ("background", "Background of the Offer; Past Contacts or Negotiations with the Company", "section-10"),
    ("purpose", "Purpose of the Offer; Plans for the Company", "section-11"),
    ("effects", "Certain Effects of the Offer", "section-12"),
    ("legal_matters", "Certain Legal Matters; Regulatory Approvals", "section-13"),
    ("tax", "Material U.S. Federal Income Tax Consequences", "section-14"),
    ("extension", "Extension of the Offer; Termination; Amendment; Subsequent Offering Period", "section-15"),
    ("fees", "Fees and Expenses", "section-16"),
    ("miscellaneous", "Miscellaneous", "section-17"),
];
