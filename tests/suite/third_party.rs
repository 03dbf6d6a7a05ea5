//! A third party's cash tender offer (SC TO-T): the bidder's documents in the bidder's voice,
//! the Company's position left to its Schedule 14D-9, and the terms only a bidder's offer has
//! refused where they cannot be drafted.

use crate::common::{assert_prints, document, edited, refused, refused_at, render, secdraft};

const COMMENCED: &str = "data/kestrel-third-party-commenced.yaml";
const INTENT: &str = "data/kestrel-third-party-intent.yaml";

#[test]
fn the_offer_opens_with_the_bidder_offering_for_the_subject_companys_shares() {
    let offer = document(&render(COMMENCED), "offer-to-purchase.md");
    assert_prints(
        &offer,
        "Kestrel Acquisition Corp., a Delaware corporation (the “**Purchaser**”) and a wholly owned subsidiary of Kestrel Industrial Holdings, Inc., a Delaware corporation (“**Parent**”), is offering to purchase all outstanding shares of common stock, par value $0.01 per share (the “**Shares**”), of Fenwick Instruments, Inc., an Ohio corporation (the “**Company**”), at a price of $38.50 per Share (the “**Offer Price**”)",
    );
    assert!(!offer.contains("the Company is offering"), "{offer}");
    // Every Share tendered is bought: no proration, odd lots or conditional tenders.
    for issuer_only in ["Odd Lot", "Conditional Tender", "13e-4", "on a pro rata basis"] {
        assert!(!offer.contains(issuer_only), "{issuer_only}\n{offer}");
    }
    // The Purchaser's own sections and Schedule I.
    assert_prints(&offer, "### 9. Certain Information Concerning the Purchaser");
    assert_prints(&offer, "### 10. Background of the Offer; Past Contacts or Negotiations with the Company");
    assert_prints(&offer, "### 11. Purpose of the Offer; Plans for the Company");
    assert_prints(
        &offer,
        "| Adrienne M. Holloway, 1 Harbor Point Plaza, Suite 900, Stamford, Connecticut 06902 |",
    );
    // Withdrawal after 60 days; the subsequent offering period the terms give.
    assert_prints(
        &offer,
        "at any time after 11:59 p.m., New York City time, on Friday, May 15, 2026, 60 days after the Offer commenced on Monday, March 16, 2026, as Rule 14d-7(a)(1) under the Exchange Act and Section 14(d)(5) of the Exchange Act provide.",
    );
    assert_prints(
        &offer,
        "provide a subsequent offering period of at least three business days, as Rule 14d-11",
    );
    assert_prints(&offer, "as Rule 14d-10(a) under the Exchange Act requires");
}

#[test]
fn the_releases_refer_holders_to_the_schedule_14d_9_and_make_no_recommendation() {
    for (path, legend) in [
        (
            INTENT,
            "Fenwick will be required to file with the SEC a Solicitation/Recommendation Statement on Schedule 14D-9",
        ),
        (COMMENCED, "to file with the SEC a Solicitation/Recommendation Statement on Schedule 14D-9"),
    ] {
        let release = document(&render(path), "press-release.md");
        assert_prints(&release, legend);
        assert_prints(&release, "Kestrel Acquisition Corp. (“**Kestrel**”)");
        assert_prints(&release, "free of charge");
        assert_prints(&release, "www.sec.gov");
        assert!(!release.to_lowercase().contains("recommendation to"), "{release}");
        assert!(!release.contains("board of directors"), "{release}");
        assert!(!release.contains("the Company"), "{release}");
    }
    let intent = document(&render(INTENT), "press-release.md");
    assert_prints(&intent, "The Offer has not yet commenced.");
    assert_prints(&intent, "from Kestrel upon request to investors@kestrelindustrial.example");
}

#[test]
fn the_schedule_names_the_bidder_and_cites_the_sections_a_bidders_offer_has() {
    let schedule = document(&render(COMMENCED), "schedule-to.md");
    assert_prints(&schedule, "**KESTREL ACQUISITION CORP.** (Offeror)");
    assert_prints(&schedule, "(Name of Subject Company (Issuer))");
    assert_prints(&schedule, "Rule 14d-3(a)(1)");
    assert_prints(&schedule, "Section 9. Certain Information Concerning the Purchaser");
    assert_prints(
        &schedule,
        "Section 10. Background of the Offer; Past Contacts or Negotiations with the Company",
    );
    // Cash only, no financing condition, all outstanding Shares: Instruction 2 to Item 10.
    assert_prints(
        &schedule,
        "Not applicable. Under Instruction 2 to Item 10 of Schedule TO, the financial statements of the Purchaser are not material to the Offer because the consideration offered consists solely of cash, the Offer is not subject to any financing condition, and the Offer is for all outstanding securities of the subject class.",
    );
    // Without the financing condition stated, the safe harbor is not claimed.
    let unknown = edited(COMMENCED, "  financing_condition: false\n", "");
    let (_dir, path) = crate::common::scratch_terms(&unknown);
    let schedule = document(&render(&path), "schedule-to.md");
    assert_prints(
        &schedule,
        "to draft (`disclosure.financial_statements`, `bidder.financing_condition`, `bidder.reporting_company`)",
    );
    let offer = document(&render(&path), "offer-to-purchase.md");
    assert_prints(
        &offer,
        "[Whether the Offer is subject to a financing condition (Item 1007(b)): to draft (`bidder.financing_condition`).]",
    );
}

#[test]
fn every_term_defined_is_used_and_the_sets_pass_check() {
    for path in [INTENT, COMMENCED] {
        let out =
            secdraft().args(["check", "--mode", "draft", "--format", "json"]).arg(path).output().unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let findings: Vec<&serde_json::Value> =
            json["findings"].as_array().unwrap().iter().filter(|f| f["rule"] != "placeholder").collect();
        assert!(findings.is_empty(), "{path}: {findings:#?}");
        assert_eq!(out.status.code(), Some(0), "{path}");
    }
}

#[test]
fn bad_bidder_input_is_refused_at_its_field() {
    // The subject company's name, at the bidder's (the line after `bidder:`).
    let own = edited(
        COMMENCED,
        "  name: Kestrel Acquisition Corp.\n  short_name: Kestrel\n",
        "  name: Fenwick Instruments, Inc.\n  short_name: Kestrel\n",
    );
    let line = own.lines().position(|l| l == "bidder:").unwrap() + 2;
    refused(&own, &["bidder.name", "the bidder is the subject company", &format!("terms.yaml:{line}:")]);
    refused_at(
        &edited(
            COMMENCED,
            "  name: Kestrel Acquisition Corp.\n  short_name: Kestrel\n",
            "  name: Kestrel Merger Sub, Inc.\n  short_name: Kestrel\n",
        ),
        "  name: Kestrel Merger Sub, Inc.",
        "name the bidder among `filing_persons`, with the role `offeror`",
    );
    refused_at(
        &edited(
            COMMENCED,
            "\nbidder:\n  name: Kestrel Acquisition Corp.\n",
            "\nbidder:\n  nme: Kestrel Acquisition Corp.\n",
        ),
        "  nme: Kestrel",
        "nme",
    );
    // A third party's offer names its bidder.
    let start = std::fs::read_to_string(COMMENCED).unwrap();
    let (a, b) = (start.find("\nbidder:\n").unwrap(), start.find("\nfiling_persons:\n").unwrap());
    let without = format!("{}{}", &start[..a], &start[b..]);
    refused_at(&without, "  form: SC TO-T", "names its bidder in `bidder`");
    // An issuer's offer has no bidder.
    refused_at(
        &edited(
            "data/ashgrove-tender-intent.yaml",
            "filing_persons:\n",
            "bidder:\n  name: Someone Else, Inc.\n  short_name: Else\n  state: Delaware\n  address: [1 Main Street]\n\nfiling_persons:\n",
        ),
        "  name: Someone Else, Inc.",
        "`bidder` is a term of a third party's offer",
    );
}

#[test]
fn what_a_third_partys_offer_is_not_drafted_for_is_refused_at_its_field() {
    refused_at(
        &edited(COMMENCED, "  all_outstanding: true\n", "  max_shares: 5_000_000\n"),
        "  max_shares: 5_000_000",
        "a third party's offer for part of the class is not drafted so far",
    );
    refused_at(
        &edited(COMMENCED, "  all_outstanding: true\n", "  all_outstanding: true\n  max_shares: 5_000_000\n"),
        "  max_shares: 5_000_000",
        "an offer for all outstanding shares has no maximum",
    );
    refused_at(
        &edited(
            COMMENCED,
            "  cash_price: 38.50\n",
            "  cash_price: 38.50\n  auction:\n    min_price: 36.00\n    max_price: 38.00\n    increment: 0.25\n",
        ),
        "    min_price: 36.00",
        "a third party's modified Dutch auction is not drafted so far",
    );
    refused_at(
        &edited(
            COMMENCED,
            "  cash_price: 38.50\n",
            "  consideration:\n    security:\n      kind: common_stock\n      title: Common Stock\n      short_name: Kestrel Common Stock\n    block:\n      shares: 1\n      new_shares: 2\n",
        ),
        "    security:",
        "a third party's exchange offer is not drafted so far",
    );
    refused_at(
        &edited(COMMENCED, "  shares_outstanding: 24_600_000\n  shares_outstanding_date: 2026-02-27\n", ""),
        "  all_outstanding: true",
        "needs their count in `security.shares_outstanding`",
    );
}
