//! The exhibit index of the Schedule TO (Item 12; Item 1016 of Regulation M-A), built from what
//! exists: each document this set renders ("filed herewith"), each exhibit an earlier filing
//! of the offer filed ("previously filed"), and each exhibit the terms list with its filing
//! (`exhibits`). Item 12 asks for the exhibits of Item 1016(a), (b), (d), (g) and (h): a letter
//! the terms say nothing of carries a note to draft, never "Not applicable" on the
//! generator's word.

use serde::Serialize;

use super::documents::Document;
use crate::diagnostics::Diagnostic;
use crate::filing::Filing;
use crate::format;
use crate::terms::{ListedExhibit, OfferKind, Stage, Terms};

/// One row of the index.
#[derive(Debug, Serialize, Clone, PartialEq, Eq)]
pub struct Exhibit {
    pub number: String,
    pub description: String,
    /// The Markdown file of the document, when it is a document of this set (and so linked).
    pub file: Option<String>,
    /// Whether the exhibit is a document of this set (`file` is given), as templates written
    /// before `filed` test it.
    pub in_set: bool,
    pub filed: Filed,
}

impl Exhibit {
    fn new(
        number: impl Into<String>,
        description: impl Into<String>,
        file: Option<String>,
        filed: Filed,
    ) -> Exhibit {
        Exhibit {
            number: number.into(),
            description: description.into(),
            in_set: file.is_some(),
            file,
            filed,
        }
    }
}

/// How the exhibit is filed, as the index says it.
#[derive(Debug, Serialize, Clone, PartialEq, Eq)]
#[serde(tag = "how", content = "text", rename_all = "snake_case")]
pub enum Filed {
    Herewith,
    Previously,
    /// "incorporated by reference to Exhibit 10.1 to the Company’s Current Report on Form 8-K
    /// filed on November 1, 2023".
    ByReference(String),
    NotApplicable,
    /// What counsel must supply, which the index prints as a bracketed note to draft.
    ToDraft(Note),
}

/// A note to draft: what to supply, and the terms field that supplies it.
#[derive(Debug, Serialize, Clone, PartialEq, Eq)]
pub struct Note {
    pub what: String,
    pub field: &'static str,
}

impl Note {
    fn to_draft(what: impl Into<String>, field: &'static str) -> Filed {
        Filed::ToDraft(Note { what: what.into(), field })
    }
}

/// The index, and the exhibits this filing adds (an amendment's new press release).
pub struct Index {
    pub all: Vec<Exhibit>,
    pub added: Vec<Exhibit>,
}

/// The letters of Item 1016 that Item 12 of Schedule TO asks for beside (a), and what each holds.
const OTHER_LETTERS: [(&str, &str); 4] = [
    ("(b)", "Any loan agreement for the funds of the Offer (Item 1016(b); Item 1007(d))"),
    (
        "(d)",
        "Any document setting forth the terms of an agreement, arrangement or understanding described in response to Item 1005(e) or Item 1011(a)(1) (Item 1016(d))",
    ),
    (
        "(g)",
        "Any written instruction, form or other material furnished to persons making an oral solicitation or recommendation (Item 1016(g))",
    ),
    (
        "(h)",
        "Any written opinion of counsel on the tax consequences of the Offer communicated to holders (Item 1016(h))",
    ),
];

/// The exhibit index of `filing`, whose set renders `documents`.
pub fn index(filing: &Filing, documents: &[Document]) -> Result<Index, Diagnostic> {
    let t = filing.terms();
    let mut rows = generated(t, filing.kind, filing.amendment, documents);
    for (i, listed) in t.exhibits.iter().enumerate() {
        let field = |name: &str| format!("exhibits[{i}].{name}");
        let filed = filed(listed);
        match rows.iter_mut().find(|row| row.number == listed.number.as_str()) {
            // A document of this set is filed with it; the terms cannot file it elsewhere.
            Some(row) if row.file.is_some() => {
                return Err(filing.loaded.error_at(
                    &field("number"),
                    format!(
                        "exhibit {} ({}) is a document of this set, filed herewith: list only exhibits filed elsewhere or not applicable",
                        row.number, row.description
                    ),
                ));
            }
            Some(row) => {
                row.filed = filed;
                if let Some(description) = &listed.description {
                    row.description = description.0.clone();
                }
            }
            None => {
                let description = match &listed.description {
                    Some(description) => description.0.clone(),
                    None if listed.not_applicable => String::new(),
                    None => {
                        return Err(filing.loaded.error_at(
                            &format!("exhibits[{i}]"),
                            format!("say what exhibit {} is in `description`", listed.number),
                        ));
                    }
                };
                rows.push(Exhibit::new(listed.number.0.clone(), description, None, filed))
            }
        }
    }
    if filing.stage != Stage::Intent {
        for (letter, holds) in OTHER_LETTERS {
            if !rows.iter().any(|row| row.number.starts_with(letter)) {
                let note = format!("{holds}{}, or “Not applicable”", designations(t, letter));
                rows.push(Exhibit::new(letter, "", None, Note::to_draft(note, "exhibits")));
            }
        }
    }
    rows.sort_by_key(|row| order(&row.number));

    let added = rows
        .iter()
        .filter(|row| {
            filing.stage != Stage::Commencement
                && filing.stage != Stage::Intent
                && row.filed == Filed::Herewith
                && row.number.starts_with("(a)")
        })
        .cloned()
        .collect();
    Ok(Index { all: rows, added })
}

/// For the (d) note of an offer of new preferred stock, the instrument that sets its terms.
fn designations(t: &Terms, letter: &str) -> String {
    let new = t.offer.consideration.as_ref().map(|c| &c.security).filter(|s| !s.is_common_stock());
    match new {
        Some(security) if letter == "(d)" && security.principal_amount.is_none() => {
            format!(", such as the certificate of designations of the {}", security.short_name.0)
        }
        Some(security) if letter == "(d)" => {
            format!(", such as the indenture governing the {}", security.short_name.0)
        }
        _ => String::new(),
    }
}

fn filed(listed: &ListedExhibit) -> Filed {
    if let Some(by) = &listed.incorporated_by_reference {
        let exhibit = by.exhibit.as_ref().map(|e| format!("Exhibit {} to ", e.0)).unwrap_or_default();
        Filed::ByReference(format!(
            "incorporated by reference to {exhibit}{} filed on {}",
            by.document.0,
            format::date(by.filed.0)
        ))
    } else if listed.previously_filed {
        Filed::Previously
    } else {
        Filed::NotApplicable
    }
}

/// The rows the set itself gives: its documents, the Offer's other documents, and the press
/// releases of the offer in order of date, (a)(5)(A) on.
fn generated(t: &Terms, kind: OfferKind, through: u32, documents: &[Document]) -> Vec<Exhibit> {
    let stage = t.stage();
    let date = |d: crate::terms::Date| format::date(d.0);
    let in_set =
        |document: Document| documents.contains(&document).then(|| format!("{}.md", document.stem(kind)));
    let here_or_before =
        |file: &Option<String>| if file.is_some() { Filed::Herewith } else { Filed::Previously };
    // A third party's releases are the bidder's.
    let issued_by = t.bidder.as_ref().map_or(&t.issuer.name, |b| &b.name);
    let release = |on| format!("Press release issued by {issued_by} on {}", date(on));

    if stage == Stage::Intent {
        let file = in_set(Document::PressRelease);
        return vec![Exhibit::new(
            "99.1",
            release(t.dates.announcement),
            file.clone(),
            here_or_before(&file),
        )];
    }
    let Some(start) = t.dates.commencement else { return Vec::new() };
    let offer = in_set(Document::Offer);
    let description = format!("{}, dated {}", Document::Offer.title(kind), date(start));
    let mut rows = vec![Exhibit::new("(a)(1)(A)", description, offer.clone(), here_or_before(&offer))];
    // The documents holders tender with: documents of the set from commencement, filed before
    // an amendment; the Notice of Guaranteed Delivery only when the offer has guaranteed
    // delivery, and the plan participants' letter only when the terms ask for it.
    let companion = |number: &str, document: Document, description: String| {
        let file = in_set(document);
        let filed = if file.is_some() { Filed::Herewith } else { Filed::Previously };
        Exhibit::new(number, description, file, filed)
    };
    rows.push(companion(
        "(a)(1)(B)",
        Document::LetterOfTransmittal,
        Document::LetterOfTransmittal.title(kind).into(),
    ));
    rows.push(match t.offer.guaranteed_delivery_days {
        Some(_) => companion(
            "(a)(1)(C)",
            Document::GuaranteedDelivery,
            Document::GuaranteedDelivery.title(kind).into(),
        ),
        None => Exhibit::new(
            "(a)(1)(C)",
            "",
            None,
            Note::to_draft(
                "Notice of Guaranteed Delivery, if the Offer provides for guaranteed delivery",
                "offer.guaranteed_delivery_days",
            ),
        ),
    });
    for (number, document) in
        [("(a)(1)(D)", Document::LetterToBrokers), ("(a)(1)(E)", Document::LetterToClients)]
    {
        rows.push(companion(number, document, document.title(kind).into()));
    }
    if t.documents.employee_letter {
        let plan =
            t.documents.plan_name.as_ref().map_or_else(|| "an Employee Plan".to_owned(), |p| p.0.clone());
        rows.push(companion(
            "(a)(1)(F)",
            Document::EmployeeLetter,
            format!("Letter to Participants in {plan}"),
        ));
    }

    // Press releases in order of date: the announcement's, filed as Exhibit 99.1 to the
    // Schedule TO-C of the offer's intent stage (Rules 13e-4(c) and 14d-2(b) have it filed on
    // the day of its first use), then the commencement's, each amendment's up to this one, the
    // preliminary results' and the results'.
    let mut releases: Vec<(String, Filed)> = Vec::new();
    if t.dates.announcement < start {
        releases.push((
            release(t.dates.announcement),
            Filed::ByReference(format!(
                "incorporated by reference to Exhibit 99.1 to the Schedule TO-C filed by {} on {}",
                t.filing_persons.first().map_or(&t.issuer.name, |p| &p.name),
                date(t.dates.announcement)
            )),
        ));
    }
    let this_release = |this: bool| {
        if this && documents.contains(&Document::PressRelease) { Filed::Herewith } else { Filed::Previously }
    };
    releases.push((release(start), this_release(stage == Stage::Commencement)));
    for a in t.amendments.iter().filter(|a| a.number <= through) {
        let this = stage == Stage::Amendment && Some(a.number) == t.filing.amendment;
        releases.push((release(a.date), this_release(this)));
    }
    if let Some(r) = t.results.as_ref().filter(|_| stage == Stage::Results) {
        if let Some(earlier) = r.preliminary_date {
            releases.push((release(earlier), Filed::Previously));
        }
        releases.push((release(r.date), this_release(true)));
    }
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    let release_count = releases.len();
    for (i, (description, filed)) in releases.into_iter().enumerate() {
        let file = (filed == Filed::Herewith).then(|| format!("{}.md", Document::PressRelease.stem(kind)));
        rows.push(Exhibit::new(format!("(a)(5)({})", letter(i)), description, file, filed));
    }
    // The summary advertisement is published when the Offer commences, after its release.
    if t.documents.summary_advertisement {
        let number = format!("(a)(5)({})", letter(release_count));
        rows.push(companion(
            &number,
            Document::SummaryAdvertisement,
            format!("Summary Advertisement, dated {}", date(start)),
        ));
    }
    rows.push(Exhibit::new(
        "107",
        "Filing Fee Table",
        Some(crate::fees::EXHIBIT_FILE.into()),
        Filed::Herewith,
    ));
    rows
}

/// An exhibit number's place in Item 1016's order: "(a)(5)(B)" before "(b)", "(a)(1)(E)"
/// before "(a)(1)(F)" and "(d)(2)" before "(d)(10)"; the fee table's "107" last.
fn order(number: &str) -> Vec<(u8, u64, String)> {
    if !number.starts_with('(') {
        return vec![(1, 0, number.to_owned())];
    }
    number
        .split(['(', ')'])
        .filter(|part| !part.is_empty())
        .map(|part| match part.parse::<u64>() {
            Ok(n) => (0, n, String::new()),
            Err(_) => (0, 0, part.to_owned()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::order;

    #[test]
    fn numbers_sort_as_item_1016_letters_them() {
        let mut numbers =
            vec!["107", "(b)", "(a)(5)(B)", "(a)(1)(A)", "(d)(10)", "(d)(2)", "(a)(5)(A)", "(h)"];
        numbers.sort_by_key(|n| order(n));
        assert_eq!(
            numbers,
            ["(a)(1)(A)", "(a)(5)(A)", "(a)(5)(B)", "(b)", "(d)(2)", "(d)(10)", "(h)", "107"]
        );
    }
}
