//! How an offer ends: the minimum condition (in shares or as a percentage of the class) at
//! every stage and honoured by the results, preliminary and final results, termination,
//! waived conditions, oversubscription, and "all" only when all were accepted. Golden
//! sentences for each shape, properties of the figures, and the errors through the binary.

use std::path::Path;
use std::str::FromStr;

use proptest::prelude::*;
use rust_decimal::Decimal;
use secdraft::figures::{self, FigureId, Outcome};
use secdraft::filing::Filing;
use secdraft::pipeline::{self, RenderedSet};
use secdraft::terms::{self, Count, Percent, Shares, TerminationReason, Terms};

use crate::common::{EXAMPLE, document, edited, refused, refused_at, render, scratch_terms, secdraft};

const TERMINATED: &str = "data/tamarack-exchange-terminated.yaml";
const PRELIMINARY: &str = "data/ashgrove-tender-preliminary-results.yaml";
const FINAL: &str = "data/ashgrove-tender-final-results.yaml";
const EXCHANGE_RESULTS: &str = "data/meridian-exchange-results.yaml";
const AUCTION_COMMENCED: &str = "data/northwind-dutch-auction-commenced.yaml";

/// The set `path` renders to with `from` replaced by `to` in its text.
fn render_edited(path: &str, from: &str, to: &str) -> RenderedSet {
    let (_dir, file) = scratch_terms(&edited(path, from, to));
    pipeline::render_file(&file, None).unwrap_or_else(|e| panic!("{}", e.render(false)))
}

/// The Markdown text of a document of the set.
fn text(set: &RenderedSet, name: &str) -> String {
    document(set, name)
}

fn assert_says(text: &str, sentence: &str) {
    assert!(text.contains(sentence), "missing:\n{sentence}\nin:\n{text}");
}

// ---- The minimum condition at every stage ----

#[test]
fn the_intent_release_states_a_minimum_in_shares() {
    let set = render_edited(
        EXAMPLE,
        "  max_shares: 60_000_000\n",
        "  max_shares: 60_000_000\n  min_shares: 20_000_000\n",
    );
    assert_says(
        &text(&set, "press-release.md"),
        "The Offer is subject to regulatory approval and other customary closing conditions, including that at least 20,000,000 shares of Common Stock are properly tendered and not properly withdrawn.",
    );
}

#[test]
fn the_seed_without_a_minimum_says_nothing_of_one() {
    let release = text(&render(EXAMPLE), "press-release.md");
    assert!(!release.contains("at least"), "{release}");
}

#[test]
fn a_minimum_as_a_percentage_prints_the_shares_it_requires_at_commencement() {
    let set = render_edited(
        AUCTION_COMMENCED,
        "  max_shares: 5_000_000\n",
        "  max_shares: 5_000_000\n  min_percent: 5.5%\n",
    );
    let offer = text(&set, "offer-to-purchase.md");
    assert_says(
        &offer,
        "THE OFFER IS CONDITIONED ON AT LEAST 5.5% OF THE OUTSTANDING SHARES (2,640,000 SHARES, BASED ON THE 48,000,000 SHARES OUTSTANDING AS OF OCTOBER 31, 2025) BEING PROPERLY TENDERED AND NOT PROPERLY WITHDRAWN, AND IS SUBJECT TO OTHER CONDITIONS.",
    );
    // Defined where the Offer first states it in prose (the Summary Term Sheet), and used
    // by its defined name in Section 7.
    assert_says(
        &offer,
        "The Offer is subject to the conditions described in Section 7, including the condition that at least 5.5% of the outstanding Shares (2,640,000 Shares, based on the 48,000,000 Shares outstanding as of October 31, 2025) be properly tendered and not properly withdrawn (the “**Minimum Condition**”).",
    );
    assert_says(
        &offer,
        "- the Minimum Condition: at least 5.5% of the outstanding Shares (2,640,000 Shares, based on the 48,000,000 Shares outstanding as of October 31, 2025) shall have been properly tendered and not properly withdrawn;",
    );
    assert_eq!(offer.matches("(the “**Minimum Condition**”)").count(), 1, "{offer}");
    assert_says(
        &text(&set, "press-release.md"),
        "and to the condition that at least 5.5% of the outstanding Shares (2,640,000 Shares, based on the 48,000,000 Shares outstanding as of October 31, 2025) be properly tendered and not properly withdrawn.",
    );
}

#[test]
fn the_intent_of_a_tender_offer_states_a_percentage_minimum() {
    let intent = edited(AUCTION_COMMENCED, "  form: SC TO-I\n", "  form: SC TO-C\n").replacen(
        "  max_shares: 5_000_000\n",
        "  max_shares: 5_000_000\n  min_percent: 5.5%\n",
        1,
    );
    let (_dir, file) = scratch_terms(&intent);
    let set = pipeline::render_file(&file, None).unwrap_or_else(|e| panic!("{}", e.render(false)));
    assert_says(
        &text(&set, "press-release.md"),
        "The Offer is expected to be subject to customary conditions, including the absence of a market disruption, and to the condition that at least 5.5% of the outstanding Shares (2,640,000 Shares, based on the 48,000,000 Shares outstanding as of October 31, 2025) be properly tendered and not properly withdrawn.",
    );
}

#[test]
fn an_amendment_may_state_the_minimum_as_a_percentage() {
    let set = render_edited(
        "data/meridian-exchange-amended.yaml",
        "      expiration: 2024-02-13\n",
        "      expiration: 2024-02-13\n      min_percent: 25%\n",
    );
    assert_says(
        &text(&set, "schedule-to.md"),
        "| Minimum condition | none | at least 25% of the outstanding Shares |",
    );
    assert_says(
        &text(&set, "press-release.md"),
        "- Minimum condition: at least 25% of the outstanding Shares (previously none);",
    );
    let too_many = edited(
        "data/meridian-exchange-amended.yaml",
        "      expiration: 2024-02-13\n",
        "      expiration: 2024-02-13\n      min_percent: 30%\n",
    );
    refused_at(
        &too_many,
        "min_percent: 30%",
        "amendments[0].changes.min_percent: after this amendment the minimum (63,000,000 shares) is above the maximum (60,000,000)",
    );
}

// ---- Termination ----

#[test]
fn an_offer_below_its_minimum_is_terminated_and_accepts_nothing() {
    let set = render(TERMINATED);
    let release = text(&set, "press-release.md");
    assert_says(&release, "# Tamarack Point Announces Termination of Its Exchange Offer");
    // The shares required were computed on the count the Offer gave, not at expiration; the
    // release drops the citation of the rules requiring the return.
    assert_says(
        &release,
        "The Offer was subject to the condition that at least 20% of the outstanding Shares (42,000,000 Shares, based on the 210,000,000 Shares outstanding as of February 27, 2026, as stated in the Offer to Exchange) be properly tendered and not properly withdrawn (the “**Minimum Condition**”). The Minimum Condition was not satisfied; the Company did not accept any Shares, and the Offer has terminated. No shares of 13.00% Series D Cumulative Redeemable Perpetual Preferred Stock will be issued, and all Shares tendered will be returned promptly to the tendering holders.\n",
    );
    for absent in
        ["proration", "has accepted", "will issue", "Following settlement", "Rule 14e-1", "Accordingly"]
    {
        assert!(!release.contains(absent), "{absent}: {release}");
    }
    let schedule = text(&set, "schedule-to.md");
    assert_says(
        &schedule,
        "This Amendment is the final amendment to the Schedule TO and reports the termination of the Offer. Only those items amended or supplemented are reported in this Amendment; except as specifically provided herein, the information contained in the Schedule TO remains unchanged. Capitalized terms used but not defined herein have the meanings given to them in the Offer to Exchange.",
    );
    // An issuer offer: Rule 13e-4(f)(5) and Rule 14e-1(c) both require the prompt return.
    assert_says(
        &schedule,
        "and all Shares tendered will be returned promptly to the tendering holders, as Rule 13e-4(f)(5) and Rule 14e-1(c) under the Securities Exchange Act of 1934, as amended, require.",
    );
    let f = Filing::figures_of(&terms::load(Path::new(TERMINATED)).unwrap().terms).unwrap();
    assert_eq!(f.value("minimum_shares"), Some(Decimal::from(42_000_000)));
    for id in [
        FigureId::SharesAccepted,
        FigureId::ProrationFactor,
        FigureId::NewSharesIssued,
        FigureId::Oversubscription,
    ] {
        assert!(f.of(id).is_none(), "{id} of a terminated offer");
    }
}

#[test]
fn a_third_party_schedule_cites_rule_14e_1_c_alone_on_termination() {
    // A third party's cash offer for all outstanding Shares, its minimum not met.
    let third_party = edited(
        "data/kestrel-third-party-commenced.yaml",
        "  form: SC TO-T\n  cover_boxes: [third_party_tender_offer]\n  date: 2026-03-16\n",
        "  form: SC TO-T/A\n  amendment: 1\n  cover_boxes: [third_party_tender_offer, final_amendment]\n  date: 2026-04-14\n",
    ) + "\nresults:\n  date: 2026-04-14\n  tendered: 9_000_000\n";
    let (_dir, file) = scratch_terms(&third_party);
    let set = pipeline::render_file(&file, None).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let schedule = text(&set, "schedule-to.md");
    assert_says(
        &schedule,
        "all Shares tendered will be returned promptly to the tendering holders, as Rule 14e-1(c) under the Securities Exchange Act of 1934, as amended, requires.",
    );
    assert!(!schedule.contains("13e-4(f)(5)"), "{schedule}");
}

#[test]
fn a_failed_condition_is_quoted_as_a_clause_and_the_termination_dated() {
    let set = render_edited(
        EXCHANGE_RESULTS,
        "  settlement_date: 2024-02-20\n",
        "  terminated:\n    reason: condition_failed\n    condition: 3\n",
    );
    let release = text(&set, "press-release.md");
    assert_says(&release, "# Meridian Ridge Announces Termination of Its Exchange Offer");
    assert_says(
        &release,
        "On February 15, 2024, the Company terminated the Offer because the condition of the Offer set forth in Section 7 of the Offer to Exchange that “the Series D Preferred Stock to be issued in the Offer shall have been approved for listing on the NYSE American, subject to official notice of issuance” was not satisfied. As of that date, 75,000,000 Shares had been properly tendered and not properly withdrawn, including 2,000,000 Shares tendered by notice of guaranteed delivery. No Shares have been accepted for exchange, no shares of 13.00% Series D Cumulative Redeemable Perpetual Preferred Stock will be issued, and all Shares tendered will be returned promptly to the tendering holders.\n",
    );
    assert!(!release.contains("proration") && !release.contains("When the Offer ended"), "{release}");
}

#[test]
fn a_withdrawal_leaves_the_condition_relied_on_to_draft() {
    let set =
        render_edited(FINAL, "  settlement_date: 2025-12-08\n", "  terminated:\n    reason: withdrawn\n");
    let release = text(&set, "press-release.md");
    assert_says(
        &release,
        "On December 5, 2025, the Company terminated the Offer because [state the condition of the Offer on which the Company relied in terminating it: to draft] was not satisfied. As of that date, 6,250,000 Shares had been properly tendered and not properly withdrawn, including 300,000 Shares tendered by notice of guaranteed delivery.",
    );
    assert_says(
        &release,
        "No Shares have been accepted for purchase, no payment will be made for any Shares, and all Shares tendered will be returned promptly to the tendering holders.\n",
    );
    assert!(!release.contains("aggregate of") && !release.contains("withdrawn the Offer"), "{release}");
    assert_says(
        &release,
        "This announcement replaces the preliminary results announced on December 3, 2025.",
    );
}

#[test]
fn a_terminated_auction_needs_no_tenders_by_price_and_sets_no_price() {
    let text_of = std::fs::read_to_string("data/northwind-dutch-auction-results.yaml").unwrap();
    let from = text_of.find("  tenders_by_price:").unwrap();
    // A terminated offer has no settlement date: the tenders and the date both go.
    let to = text_of.find("\ninvestor_contact:").unwrap();
    let terminated = format!(
        "{}  terminated:\n    reason: condition_failed\n    condition: 2\n{}",
        &text_of[..from],
        &text_of[to..]
    );
    let (_dir, file) = scratch_terms(&terminated);
    let set = pipeline::render_file(&file, None).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let release = text(&set, "press-release.md");
    assert_says(&release, "# Northwind Announces Termination of Its Tender Offer");
    assert_says(
        &release,
        "No Shares have been accepted for purchase, no payment will be made for any Shares, and all Shares tendered will be returned promptly to the tendering holders",
    );
    assert!(!release.contains("Purchase Price"), "{release}");
    let f = Filing::figures_of(&terms::load(&file).unwrap().terms).unwrap();
    assert!(f.of(FigureId::PurchasePrice).is_none() && f.of(FigureId::AggregatePaid).is_none());
}

// ---- Waivers, made in amendments ----

/// The terminated example with an Amendment No. 1 of March 20, 2026 (six business days
/// before the expiration) that waives the minimum condition; `amendment` and `cover` make the
/// filing the amendment itself or the results, which `results` keeps.
fn with_minimum_waived(amendment: &str, cover: &str, results: bool) -> String {
    let mut text = edited(TERMINATED, "  amendment: 1\n", &format!("  amendment: {amendment}\n"))
        .replacen("  cover_boxes: [issuer_tender_offer, final_amendment]\n", &format!("  cover_boxes: {cover}\n"), 1)
        .replacen(
            "\nresults:\n",
            "\namendments:\n  - number: 1\n    date: 2026-03-20\n    changes:\n      waive_minimum_condition: true\n\nresults:\n",
            1,
        );
    if !results {
        let from = text.find("\nresults:\n").unwrap();
        let to = text.find("\nfee:\n").unwrap();
        text.replace_range(from..to, "");
    }
    text
}

#[test]
fn a_waiver_of_the_minimum_is_announced_in_its_amendment_and_recalled_in_the_results() {
    let (_dir, file) = scratch_terms(&with_minimum_waived("1", "[issuer_tender_offer]", false));
    let set = pipeline::render_file(&file, None).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let waiver = "The Company has waived the condition of the Offer that at least 20% of the outstanding Shares (42,000,000 Shares, based on the 210,000,000 Shares outstanding as of February 27, 2026) be properly tendered and not properly withdrawn.";
    assert_says(&text(&set, "press-release.md"), waiver);
    assert_says(&text(&set, "schedule-to.md"), waiver);

    let (_dir, file) =
        scratch_terms(&with_minimum_waived("2", "[issuer_tender_offer, final_amendment]", true));
    let set = pipeline::render_file(&file, None).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let release = text(&set, "press-release.md");
    assert_says(&release, "# Tamarack Point Announces Final Results of Its Exchange Offer");
    assert_says(
        &release,
        "As previously disclosed in Amendment No. 1 to the Schedule TO, filed on March 20, 2026, the Company waived the condition of the Offer that at least 20% of the outstanding Shares (42,000,000 Shares, based on the 210,000,000 Shares outstanding as of February 27, 2026, as stated in the Offer to Exchange) be properly tendered and not properly withdrawn. The Company has accepted all 31,480,000 Shares properly tendered and not properly withdrawn. In exchange, the Company will issue ",
    );
    // All were accepted: none goes back.
    assert!(!release.contains("not accepted will be returned"), "{release}");
}

#[test]
fn a_waiver_needs_five_business_days_before_the_expiration() {
    let late = with_minimum_waived("2", "[issuer_tender_offer, final_amendment]", true).replacen(
        "    date: 2026-03-20\n",
        "    date: 2026-03-25\n",
        1,
    );
    refused_at(
        &late,
        "waive_minimum_condition: true",
        "amendments[0].changes: SEC staff position on other material changes (5 business days): after Amendment No. 1 of Wednesday, March 25, 2026, the offer may expire no earlier than",
    );
}

#[test]
fn waived_conditions_are_quoted_with_the_date_they_were_announced() {
    let release = text(&render(FINAL), "press-release.md");
    assert_says(
        &release,
        "The condition of the Offer that at least 2,000,000 Shares be properly tendered and not properly withdrawn has been satisfied. As previously disclosed in Amendment No. 1 to the Schedule TO, filed on November 21, 2025, the Company waived the condition of the Offer set forth in Section 7 of the Offer to Purchase that “the Dow Jones Industrial Average shall not have declined by more than 15% from its close on October 31, 2025.” Because",
    );
    let both = render_edited(FINAL, "      waive_conditions: [2]\n", "      waive_conditions: [2, 1]\n");
    assert_says(
        &text(&both, "press-release.md"),
        "As previously disclosed in Amendment No. 1 to the Schedule TO, filed on November 21, 2025, the Company waived the conditions of the Offer set forth in Section 7 of the Offer to Purchase that “the Dow Jones Industrial Average shall not have declined by more than 15% from its close on October 31, 2025” and that “no general suspension of trading in securities on any national securities exchange in the United States shall have occurred.”",
    );
}

// ---- Preliminary and final results ----

#[test]
fn preliminary_results_count_guaranteed_deliveries_and_say_so() {
    let set = render(PRELIMINARY);
    let release = text(&set, "press-release.md");
    assert_says(&release, "# Ashgrove Announces Preliminary Results of Its Tender Offer");
    // What is taken from a preliminary count is approximate too.
    assert_says(
        &release,
        "Based on a preliminary count by Bluegrass Stock Transfer Company, the depositary for the Offer, a total of approximately 6,400,000 Shares were properly tendered and not properly withdrawn, including approximately 450,000 Shares tendered by notice of guaranteed delivery. On the preliminary count, the condition of the Offer that at least 2,000,000 Shares be properly tendered and not properly withdrawn has been satisfied.",
    );
    assert_says(
        &release,
        "the Company expects to accept approximately 5,000,000 Shares, accepting first, without proration, the approximately 40,000 Shares tendered by odd-lot holders",
    );
    assert_says(&release, "with a preliminary proration factor of approximately 78.0%.");
    assert_says(
        &release,
        "As a result of proration, approximately 1,400,000 Shares, or approximately 21.9% of the Shares properly tendered, are not expected to be accepted.",
    );
    assert_says(
        &release,
        "These figures are preliminary and subject to confirmation by the depositary of the proper delivery of the Shares tendered; they count as tendered the approximately 450,000 Shares tendered by notice of guaranteed delivery, which remain subject to delivery within the guaranteed delivery period, that is, within one trading day after the date of execution of the Notice of Guaranteed Delivery. The Company will announce the final results, including the final proration factor, promptly after the guaranteed delivery period expires and the depositary completes its count.",
    );
    assert_says(
        &release,
        "The Company expects to pay an aggregate of approximately $107,500,000 for the Shares accepted, at $21.50 per Share, promptly after the final results are determined.",
    );
    assert!(!release.contains("have not yet been delivered"), "{release}");
    let schedule = text(&set, "schedule-to.md");
    assert_says(&schedule, "This Amendment reports the preliminary results of the Offer.");
    assert!(!schedule.contains("This Amendment is the final amendment"), "{schedule}");
}

/// A final results example made preliminary: the amendment before the final one, without a
/// settlement date.
fn made_preliminary(path: &str) -> RenderedSet {
    let text = edited(path, "[issuer_tender_offer, final_amendment]", "[issuer_tender_offer]").replacen(
        "  settlement_date: ",
        "  preliminary: true\n  # settled: ",
        1,
    );
    let (_dir, file) = scratch_terms(&text);
    pipeline::render_file(&file, None).unwrap_or_else(|e| panic!("{}", e.render(false)))
}

#[test]
fn a_preliminary_auction_and_exchange_say_approximately_of_every_count_taken_from_it() {
    let auction = text(&made_preliminary("data/northwind-dutch-auction-results.yaml"), "press-release.md");
    assert_says(
        &auction,
        "the Company expects the purchase price to be $20.75 per Share (the “**Purchase Price**”); approximately 5,800,000 Shares were tendered at or below that price.",
    );
    assert_says(
        &auction,
        "As a result of proration, approximately 800,000 Shares, or approximately 13.8% of the Shares properly tendered at or below the Purchase Price, are not expected to be accepted. The Company expects to pay an aggregate of approximately $103,750,000 for the Shares accepted, at the Purchase Price, promptly after the final results are determined.",
    );
    let exchange = text(&made_preliminary(EXCHANGE_RESULTS), "press-release.md");
    assert_says(
        &exchange,
        "In exchange, the Company expects to issue approximately 750,000 shares of its 13.00% Series D Cumulative Redeemable Perpetual Preferred Stock, promptly after the final results are determined.",
    );
}

#[test]
fn final_results_replace_the_preliminary_ones_and_list_their_release() {
    let set = render(FINAL);
    let release = text(&set, "press-release.md");
    assert_says(&release, "# Ashgrove Announces Final Results of Its Tender Offer");
    assert_says(
        &release,
        "These final results replace the preliminary results announced on December 3, 2025.",
    );
    assert_says(&release, "the Company has accepted 5,000,000 Shares");
    assert_says(&release, "with a final proration factor of approximately 79.9%.");
    // The oversubscription takes the proration factor's places when the terms set none.
    assert_says(
        &release,
        "As a result of proration, 1,250,000 Shares, or approximately 20.0% of the Shares properly tendered, were not accepted.",
    );
    assert_says(
        &release,
        "Bellmont Securities LLC served as dealer manager, Larkspur Shareholder Services, Inc. as information agent and Bluegrass Stock Transfer Company as depositary for the Offer.",
    );
    let schedule = text(&set, "schedule-to.md");
    assert_says(
        &schedule,
        "| (a)(5)(B)\\*\\* | Press release issued by Ashgrove Brands, Inc. on November 21, 2025 |",
    );
    assert_says(
        &schedule,
        "| (a)(5)(C)\\*\\* | Press release issued by Ashgrove Brands, Inc. on December 3, 2025 |",
    );
    assert_says(
        &schedule,
        "Capitalized terms used but not defined herein have the meanings given to them in the Offer to Purchase.",
    );
}

#[test]
fn final_results_wait_for_the_guaranteed_delivery_period() {
    // Expiration Monday, March 30, 2026; two trading days of delivery run to April 1.
    let early = edited(TERMINATED, "  date: 2026-04-01\n  tendered:", "  date: 2026-03-31\n  tendered:");
    refused_at(
        &early,
        "date: 2026-03-31",
        "results.date: shares tendered by notice of guaranteed delivery may be delivered until Wednesday, April 1, 2026 (2 trading days after the expiration): final results come no earlier; report a count before then as `preliminary: true`",
    );
    // With two days of delivery, a preliminary count may come the day after the expiration,
    // before the period ends; a final count that day is refused.
    let two_days = edited(PRELIMINARY, "  guaranteed_delivery_days: 1\n", "  guaranteed_delivery_days: 2\n");
    let (_dir, file) = scratch_terms(&two_days);
    pipeline::render_file(&file, None).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let final_count = two_days.replacen("  preliminary: true\n", "", 1).replacen(
        "  cover_boxes: [issuer_tender_offer]",
        "  cover_boxes: [issuer_tender_offer, final_amendment]",
        1,
    );
    refused(
        &final_count,
        &["results.date", "until Thursday, December 4, 2025 (2 trading days after the expiration)"],
    );
    // Not on the day the offer expires at its end, preliminary or not.
    let on_expiration = edited(
        PRELIMINARY,
        "  date: 2025-12-03\n  preliminary: true\n",
        "  date: 2025-12-02\n  preliminary: true\n",
    );
    refused_at(
        &on_expiration,
        "date: 2025-12-02",
        "results.date: the Offer expires at one minute after 11:59 p.m., New York City time, on Tuesday, December 2, 2025: results dated Tuesday, December 2, 2025 come before the count can be taken; date them after the expiration",
    );
}

#[test]
fn results_come_after_the_expiration_even_without_guaranteed_delivery_and_settle_after_them() {
    // The notes offer has no guaranteed delivery; extended to Monday, April 28, 2025.
    const NOTES: &str = "data/halvorsen-notes-tender-results.yaml";
    let early = edited(NOTES, "results:\n  date: 2025-04-29\n", "results:\n  date: 2025-04-25\n");
    refused_at(
        &early,
        "date: 2025-04-25",
        "results.date: the Offer expires at one minute after 11:59 p.m., New York City time, on Monday, April 28, 2025: results dated Friday, April 25, 2025 come before the count can be taken",
    );
    // A date before the extended expiration is refused though it is after the first one.
    assert!(early.contains("  expiration: 2025-04-14\n"));
    let settled_first = edited(NOTES, "  settlement_date: 2025-05-01", "  settlement_date: 2025-04-28");
    refused_at(
        &settled_first,
        "settlement_date: 2025-04-28",
        "results.settlement_date: settlement on Monday, April 28, 2025 comes before the results announced on Tuesday, April 29, 2025",
    );
    // An offer withdrawn before it expires reports its end at once, with no count to wait for;
    // ended because its minimum was not met, it waits for the count.
    let withdrawn = edited(
        TERMINATED,
        "  date: 2026-04-01\n  tendered: 31_480_000\n",
        "  date: 2026-03-20\n  tendered: 31_480_000\n  terminated:\n    reason: withdrawn\n",
    );
    let (_dir, file) = scratch_terms(&withdrawn);
    let set = pipeline::render_file(&file, None).unwrap_or_else(|e| panic!("{}", e.render(false)));
    assert!(document(&set, "schedule-to.md").contains("reports the termination of the Offer"));
    refused(
        &edited(TERMINATED, "  date: 2026-04-01\n  tendered:", "  date: 2026-03-20\n  tendered:"),
        &[
            "results.date",
            "the Offer expires at one minute after 11:59 p.m., New York City time, on Monday, March 30, 2026",
        ],
    );
}

// ---- Oversubscription and "all" ----

#[test]
fn an_auction_measures_oversubscription_against_the_shares_tendered_at_or_below_the_price() {
    let release = text(&render("data/northwind-dutch-auction-results.yaml"), "press-release.md");
    assert_says(
        &release,
        "As a result of proration, 800,000 Shares, or approximately 13.8% of the Shares properly tendered at or below the Purchase Price, were not accepted.",
    );
    let whole = render_edited(
        "data/northwind-dutch-auction-results.yaml",
        "    proration: 1\n",
        "    proration: 1\n    oversubscription: 0\n",
    );
    assert_says(
        &text(&whole, "press-release.md"),
        "800,000 Shares, or approximately 14% of the Shares properly tendered",
    );
}

#[test]
fn all_is_said_only_when_every_share_tendered_was_accepted() {
    // Undersubscribed, but a block exchange accepts whole blocks only: 1,000,050 tendered in
    // blocks of 100 leaves 50 shares that cannot be accepted.
    let set = render_edited(
        EXCHANGE_RESULTS,
        "  tendered: 75_000_000\n  guaranteed_delivery: 2_000_000\n  odd_lots: 150_000\n",
        "  tendered: 1_000_050\n",
    );
    let release = text(&set, "press-release.md");
    assert!(!release.contains("accepted all"), "{release}");
    assert_says(
        &release,
        "The Company has accepted 1,000,000 of the 1,000,050 Shares properly tendered and not properly withdrawn; only whole blocks of Shares are accepted for exchange.",
    );
    assert_says(&release, "Shares tendered and not accepted will be returned promptly.");
    let whole = render_edited(
        EXCHANGE_RESULTS,
        "  tendered: 75_000_000\n  guaranteed_delivery: 2_000_000\n  odd_lots: 150_000\n",
        "  tendered: 1_000_000\n",
    );
    let whole = text(&whole, "press-release.md");
    assert_says(
        &whole,
        "The Company has accepted all 1,000,000 Shares properly tendered and not properly withdrawn.",
    );
    // Every Share tendered was accepted: none is returned, and the release does not say so.
    assert!(!whole.contains("not accepted will be returned"), "{whole}");
}

// ---- Properties of the figures ----

fn final_terms() -> Terms {
    terms::load(Path::new(FINAL)).unwrap().terms
}

fn value(f: &figures::Figures, id: FigureId) -> Option<Decimal> {
    f.of(id).map(|x| x.value)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The results honour the minimum: below it (unless an amendment waived it) nothing is accepted; at or above
    /// it, shares are accepted up to the maximum, and what is not accepted of an
    /// oversubscribed offer is tendered minus accepted, as a share of those tendered.
    #[test]
    fn the_results_honour_the_minimum_and_measure_the_oversubscription(
        tendered in 1u64..20_000_000,
        odd in 0u64..200_000,
        minimum in 1u64..=5_000_000,
        waived in any::<bool>(),
    ) {
        let mut t = final_terms();
        let results = t.results.as_mut().unwrap();
        results.tendered = Count(tendered);
        results.odd_lots = Count(odd.min(tendered));
        results.guaranteed_delivery = Count(0);
        t.amendments[0].changes.waive_minimum_condition = waived;
        t.offer.min_shares = Some(Shares(minimum));
        let f = Filing::figures_of(&t).unwrap();
        let accepted = value(&f, FigureId::SharesAccepted);
        if tendered < minimum && !waived {
            prop_assert_eq!(figures::outcome(&t), Outcome::Terminated(TerminationReason::MinimumNotMet));
            prop_assert!(accepted.is_none());
            prop_assert!(f.of(FigureId::AggregatePaid).is_none());
            prop_assert!(f.of(FigureId::Oversubscription).is_none());
        } else {
            prop_assert_eq!(figures::outcome(&t), Outcome::Accepted);
            let accepted = accepted.unwrap();
            // Two tenders (odd lots and the rest), each rounded down: at most a share apiece.
            let cap = Decimal::from(tendered.min(5_000_000));
            prop_assert!(accepted <= cap && accepted >= cap - Decimal::TWO);
            let tendered = Decimal::from(tendered);
            match value(&f, FigureId::Oversubscription) {
                Some(over) => {
                    prop_assert!(tendered > Decimal::from(5_000_000));
                    prop_assert_eq!(over, tendered - accepted);
                    let percent = value(&f, FigureId::OversubscriptionPercent).unwrap();
                    prop_assert_eq!(percent, over / tendered);
                    prop_assert!(percent > Decimal::ZERO && percent < Decimal::ONE);
                }
                None => {
                    prop_assert_eq!(accepted, tendered);
                    prop_assert!(f.of(FigureId::OversubscriptionPercent).is_none());
                }
            }
        }
    }

    /// Without places of its own, the oversubscription prints at the proration factor's
    /// places, since a release reads the two side by side; given, its own win.
    #[test]
    fn the_oversubscription_takes_the_proration_places_unless_given_its_own(
        proration in 0u32..=4,
        own in proptest::option::of(0u32..=4),
        tendered in 5_000_001u64..20_000_000,
    ) {
        let mut t = final_terms();
        t.results.as_mut().unwrap().tendered = Count(tendered);
        t.results.as_mut().unwrap().guaranteed_delivery = Count(0);
        t.presentation.percent_places.proration = terms::Places(proration);
        t.presentation.percent_places.oversubscription = own.map(terms::Places);
        let f = Filing::figures_of(&t).unwrap();
        let places = |id: FigureId| {
            let shown = f.of(id).unwrap().display();
            shown.trim_end_matches('%').split_once('.').map_or(0, |(_, fraction)| fraction.len() as u32)
        };
        // A factor short of 100% that would print as 100% at its places takes the places that
        // show it is short (99.99998%); every other prints at its places.
        let short_of_whole = |id: FigureId, at: u32| {
            let value = f.of(id).unwrap().value * Decimal::ONE_HUNDRED;
            value < Decimal::ONE_HUNDRED && value.round_dp(at) == Decimal::ONE_HUNDRED
        };
        for (id, at) in [
            (FigureId::ProrationFactor, proration),
            (FigureId::OversubscriptionPercent, own.unwrap_or(proration)),
        ] {
            if short_of_whole(id, at) {
                prop_assert!(places(id) > at);
            } else {
                prop_assert_eq!(places(id), at);
            }
        }
    }

    /// A percentage minimum requires the fewest whole shares that reach the percentage.
    #[test]
    fn a_percentage_minimum_rounds_up_to_the_fewest_shares_that_meet_it(
        basis_points in 1u32..=10_000,
        outstanding in 1u64..10_000_000_000,
    ) {
        let mut t = final_terms();
        t.offer.min_shares = None;
        t.security.shares_outstanding = Some(Shares(outstanding));
        let written = format!("\"{}%\"", Decimal::new(i64::from(basis_points), 2));
        t.offer.min_percent = Some(serde_json::from_str::<Percent>(&written).unwrap());
        let exact = Decimal::from(outstanding) * Decimal::new(i64::from(basis_points), 4);
        let required = figures::minimum_required(&t).unwrap();
        prop_assert!(required >= exact);
        prop_assert!(required - Decimal::ONE < exact);
        prop_assert!(required.fract().is_zero());
        let f = Filing::figures_of(&t).unwrap();
        prop_assert_eq!(value(&f, FigureId::MinimumShares), Some(required));
    }
}

#[test]
fn a_percentage_minimum_is_a_figure_with_its_formula() {
    let t = terms::load(Path::new(TERMINATED)).unwrap().terms;
    let f = Filing::figures_of(&t).unwrap();
    let minimum = f.of(FigureId::MinimumShares).unwrap();
    assert_eq!(minimum.display(), "42,000,000");
    assert!(minimum.formula.contains("rounded up"));
    assert_eq!(minimum.inputs.len(), 2);
    assert_eq!(Decimal::from_str("0.2").unwrap(), minimum.inputs[0].value);
}

// ---- Errors, through the binary ----

#[test]
fn a_percentage_minimum_without_the_shares_outstanding_is_refused() {
    let text =
        edited(EXAMPLE, "  max_shares: 60_000_000\n", "  max_shares: 60_000_000\n  min_percent: 50.1%\n");
    refused_at(
        &text,
        "min_percent",
        "offer.min_percent: a minimum stated as a percentage of the class outstanding needs `security.shares_outstanding`",
    );
}

#[test]
fn a_minimum_given_twice_or_above_the_maximum_is_refused() {
    let both = edited(FINAL, "  min_shares: 2_000_000\n", "  min_shares: 2_000_000\n  min_percent: 5%\n");
    refused_at(
        &both,
        "min_percent",
        "offer.min_percent: give the minimum condition as `min_shares` or as `min_percent`, not both",
    );
    let above = edited(
        AUCTION_COMMENCED,
        "  max_shares: 5_000_000\n",
        "  max_shares: 5_000_000\n  min_percent: 25%\n",
    );
    refused_at(
        &above,
        "min_percent",
        "offer.min_percent: the minimum (12,000,000 shares) is above the maximum number of shares sought (5,000,000)",
    );
}

#[test]
fn waivers_that_contradict_the_terms_are_refused() {
    let absent = edited(FINAL, "      waive_conditions: [2]\n", "      waive_conditions: [3]\n");
    refused_at(
        &absent,
        "waive_conditions",
        "amendments[0].changes.waive_conditions[0]: there is no condition 3: `offer.conditions` lists 2, numbered from 1",
    );
    let twice = edited(FINAL, "      waive_conditions: [2]\n", "      waive_conditions: [2, 2]\n");
    refused_at(
        &twice,
        "waive_conditions",
        "amendments[0].changes.waive_conditions[1]: condition 2 is listed twice",
    );
    let no_minimum = edited(FINAL, "  min_shares: 2_000_000\n", "").replacen(
        "      waive_conditions: [2]\n",
        "      waive_conditions: [2]\n      waive_minimum_condition: true\n",
        1,
    );
    refused_at(
        &no_minimum,
        "waive_minimum_condition",
        "amendments[0].changes.waive_minimum_condition: the offer has no minimum condition to waive",
    );
    let failed_after_waiver = edited(
        FINAL,
        "  settlement_date: 2025-12-08\n",
        "  terminated:\n    reason: condition_failed\n    condition: 2\n",
    );
    refused_at(
        &failed_after_waiver,
        "condition: 2",
        "results.terminated.condition: condition 2 was waived on November 21, 2025, so it cannot end the offer",
    );
    // The results no longer carry waivers: they are made in amendments.
    let in_results = edited(
        FINAL,
        "  settlement_date: 2025-12-08\n",
        "  settlement_date: 2025-12-08\n  waived_conditions: [2]\n",
    );
    refused_at(
        &in_results,
        "waived_conditions",
        "results.waived_conditions: unknown field `waived_conditions`",
    );
    let (dir, path) = scratch_terms(&in_results);
    let stderr =
        secdraft().arg("render").arg(&path).arg("--out").arg(dir.path().join("out")).assert().code(2);
    let stderr = String::from_utf8(stderr.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("`amendments[].changes.waive_conditions: [2]`"), "{stderr}");
}

#[test]
fn results_that_contradict_the_terms_are_refused() {
    let unnamed =
        edited(FINAL, "  settlement_date: 2025-12-08\n", "  terminated:\n    reason: condition_failed\n");
    refused_at(
        &unnamed,
        "reason: condition_failed",
        "results.terminated: name the condition not satisfied by its place in `offer.conditions`",
    );
    let met =
        edited(FINAL, "  settlement_date: 2025-12-08\n", "  terminated:\n    reason: minimum_not_met\n");
    refused_at(
        &met,
        "reason: minimum_not_met",
        "results.terminated.reason: 6,250,000 shares tendered meets the minimum of 2,000,000 shares",
    );
}

#[test]
fn a_terminated_offer_has_no_settlement() {
    let settled = edited(
        TERMINATED,
        "  guaranteed_delivery: 1_200_000\n",
        "  guaranteed_delivery: 1_200_000\n  settlement_date: 2026-04-03\n",
    );
    refused_at(
        &settled,
        "settlement_date",
        "results.settlement_date: the offer was terminated and accepts nothing: there is no settlement",
    );
}

#[test]
fn preliminary_results_belong_before_the_final_amendment() {
    let on_final = edited(FINAL, "  preliminary_date: 2025-12-03\n", "  preliminary: true\n");
    refused_at(
        &on_final,
        "preliminary: true",
        "results.preliminary: preliminary results come before the final amendment",
    );
    let short = edited(PRELIMINARY, "  min_shares: 2_000_000\n", "  min_shares: 4_000_000\n").replacen(
        "  tendered: 6_400_000\n",
        "  tendered: 3_900_000\n",
        1,
    );
    refused_at(
        &short,
        "tendered: 3_900_000",
        "results.tendered: the preliminary count falls short of the minimum condition (4,000,000 shares)",
    );
    let terminated = edited(
        PRELIMINARY,
        "  odd_lots: 40_000\n",
        "  odd_lots: 40_000\n  terminated:\n    reason: withdrawn\n",
    );
    refused_at(
        &terminated,
        "reason: withdrawn",
        "results.terminated: a terminated offer reports its end in the final amendment",
    );
}

#[test]
fn results_that_accept_nothing_or_more_odd_lots_than_can_be_accepted_are_refused() {
    let results = "data/meridian-exchange-results.yaml";
    let one = edited(
        results,
        "  tendered: 75_000_000\n  guaranteed_delivery: 2_000_000\n  odd_lots: 150_000\n",
        "  tendered: 1\n",
    );
    refused(
        &one,
        &["results.tendered", "no whole block of 80 Shares was tendered, so no Share can be accepted"],
    );
    let odd = edited(results, "  odd_lots: 150_000\n", "  odd_lots: 75_000_000\n");
    refused(
        &odd,
        &["results.odd_lots", "75,000,000 odd-lot shares are more than the 60,000,000 the offer can accept"],
    );
}

#[test]
fn an_offer_terminated_with_no_shares_tendered_says_none_were_and_returns_nothing() {
    let text =
        edited(TERMINATED, "  tendered: 31_480_000\n  guaranteed_delivery: 1_200_000\n", "  tendered: 0\n");
    let (_dir, terms) = scratch_terms(&text);
    let set = render(&terms);
    for name in ["press-release.md", "schedule-to.md"] {
        let text = document(&set, name);
        assert!(text.contains("New York City time, on Monday, March 30, 2026. No Shares were tendered. The Offer was subject to"), "{name}:\n{text}");
        assert!(
            text.contains("the Company did not accept any Shares, and the Offer has terminated. No shares of 13.00% Series D Cumulative Redeemable Perpetual Preferred Stock will be issued."),
            "{name}:\n{text}"
        );
        assert!(!text.contains("will be returned"), "{name}: nothing tendered, nothing returned");
    }
}

#[test]
fn no_shares_tendered_is_refused_where_the_offer_was_not_terminated() {
    // The Meridian offer has no minimum condition: with none tendered it was not terminated.
    let text = edited("data/meridian-exchange-results.yaml", "  tendered: ", "  tendered: 0 #");
    refused_at(&text, "tendered: 0", "nothing was tendered, so nothing can be accepted");
}

#[test]
fn an_offer_withdrawn_before_any_share_was_tendered_says_none_had_been() {
    let text = std::fs::read_to_string("data/northwind-dutch-auction-results.yaml").unwrap();
    let start = text.find("results:\n").unwrap();
    let end = start + text[start..].find("\n\n").unwrap();
    let text = format!(
        "{}results:\n  date: 2025-12-04\n  tendered: 0\n  terminated:\n    reason: withdrawn{}",
        &text[..start],
        &text[end..]
    );
    let (_dir, terms) = scratch_terms(&text);
    let release = document(&render(&terms), "press-release.md");
    assert!(
        release.contains(
            "was not satisfied. As of that date, no Shares had been tendered. No payment will be made."
        ),
        "{release}"
    );
    assert!(!release.contains("returned"), "{release}");
}

#[test]
fn a_count_tendered_past_any_number_of_shares_is_called_too_large() {
    refused(
        &edited(TERMINATED, "  tendered: 31_480_000", "  tendered: 18446744073709551616"),
        &["results.tendered", "is too large: a number of shares is at most 18,446,744,073,709,551,615"],
    );
}
