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

use crate::common::{EXAMPLE, document, edited, render, scratch_terms, secdraft};

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
    assert_says(
        &offer,
        "- at least 5.5% of the outstanding Shares (2,640,000 Shares, based on the 48,000,000 Shares outstanding as of October 31, 2025) shall have been properly tendered and not properly withdrawn (the “**Minimum Condition**”);",
    );
    assert_says(
        &text(&set, "press-release.md"),
        "and to the condition that at least 5.5% of the outstanding Shares (2,640,000 Shares, based on the 48,000,000 Shares outstanding as of October 31, 2025) are properly tendered and not properly withdrawn.",
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
        "The Offer is expected to be subject to customary conditions, including the absence of a market disruption, and to the condition that at least 5.5% of the outstanding Shares (2,640,000 Shares, based on the 48,000,000 Shares outstanding as of October 31, 2025) are properly tendered and not properly withdrawn.",
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
    refused(
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
    assert_says(
        &release,
        "The Offer was conditioned on at least 20% of the outstanding Shares (42,000,000 Shares, based on the 210,000,000 Shares outstanding as of February 27, 2026) being properly tendered and not properly withdrawn, and that condition was not satisfied. Accordingly, the Company has terminated the Offer. No Shares have been accepted for exchange, no shares of Series D Preferred Stock will be issued, and all Shares tendered will be returned promptly to the tendering holders, as Rule 14e-1(c) under the Securities Exchange Act of 1934, as amended, requires.",
    );
    for absent in ["proration", "has accepted", "will issue", "Following settlement"] {
        assert!(!release.contains(absent), "{absent}: {release}");
    }
    let schedule = text(&set, "schedule-to.md");
    assert_says(
        &schedule,
        "This Amendment is the final amendment to the Schedule TO and reports the termination of the Offer.",
    );
    assert_says(
        &schedule,
        "and that condition was not satisfied. Accordingly, the Company has terminated the Offer.",
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
fn a_failed_condition_is_named() {
    let set = render_edited(
        EXCHANGE_RESULTS,
        "  settlement_date: 2024-02-20\n",
        "  terminated:\n    reason: condition_failed\n    condition: 3\n",
    );
    let release = text(&set, "press-release.md");
    assert_says(&release, "# Meridian Ridge Announces Termination of Its Exchange Offer");
    assert_says(
        &release,
        "The Company has terminated the Offer because the condition of the Offer that the Series D Preferred Stock to be issued in the Offer shall have been approved for listing on the NYSE American, subject to official notice of issuance was not satisfied. When the Offer ended, 75,000,000 Shares had been properly tendered and not properly withdrawn, including 2,000,000 Shares tendered by notice of guaranteed delivery. No Shares have been accepted for exchange, no shares of Series D Preferred Stock will be issued, and all Shares tendered will be returned promptly to the tendering holders, as Rule 14e-1(c) under the Securities Exchange Act of 1934, as amended, requires.",
    );
    assert!(!release.contains("proration"), "{release}");
}

#[test]
fn a_withdrawn_cash_offer_pays_nothing() {
    let set =
        render_edited(FINAL, "  settlement_date: 2025-12-08\n", "  terminated:\n    reason: withdrawn\n");
    let release = text(&set, "press-release.md");
    assert_says(
        &release,
        "The Company has withdrawn the Offer. When the Offer ended, 6,250,000 Shares had been properly tendered and not properly withdrawn, including 300,000 Shares tendered by notice of guaranteed delivery.",
    );
    assert_says(
        &release,
        "No Shares have been accepted for purchase, no payment will be made for any Shares, and all Shares tendered will be returned promptly to the tendering holders, as Rule 14e-1(c) under the Securities Exchange Act of 1934, as amended, requires.",
    );
    assert!(!release.contains("aggregate of"), "{release}");
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

// ---- Waivers ----

#[test]
fn a_waived_minimum_is_said_to_be_waived_and_shares_are_accepted() {
    let set = render_edited(
        TERMINATED,
        "  guaranteed_delivery: 1_200_000\n",
        "  guaranteed_delivery: 1_200_000\n  minimum_condition_waived: true\n",
    );
    let release = text(&set, "press-release.md");
    assert_says(&release, "# Tamarack Point Announces Final Results of Its Exchange Offer");
    assert_says(
        &release,
        "The Company waived the condition of the Offer that at least 20% of the outstanding Shares (42,000,000 Shares, based on the 210,000,000 Shares outstanding as of February 27, 2026) be properly tendered and not properly withdrawn. The Company has accepted all 31,480,000 Shares properly tendered and not properly withdrawn.",
    );
}

#[test]
fn waived_conditions_are_quoted_and_a_met_minimum_is_said_to_be_met() {
    let release = text(&render(FINAL), "press-release.md");
    assert_says(
        &release,
        "The condition of the Offer that at least 2,000,000 Shares be properly tendered and not properly withdrawn has been satisfied. The Company waived the condition of the Offer that the Dow Jones Industrial Average shall not have declined by more than 15% from its close on October 31, 2025.",
    );
    let both = render_edited(FINAL, "  waived_conditions: [2]\n", "  waived_conditions: [2, 1]\n");
    assert_says(
        &text(&both, "press-release.md"),
        "The Company waived the conditions of the Offer that the Dow Jones Industrial Average shall not have declined by more than 15% from its close on October 31, 2025 and that no general suspension of trading in securities on any national securities exchange in the United States shall have occurred.",
    );
}

// ---- Preliminary and final results ----

#[test]
fn preliminary_results_count_guaranteed_deliveries_and_say_so() {
    let set = render(PRELIMINARY);
    let release = text(&set, "press-release.md");
    assert_says(&release, "# Ashgrove Announces Preliminary Results of Its Tender Offer");
    assert_says(
        &release,
        "Based on a preliminary count by Bluegrass Stock Transfer Company, the depositary for the Offer, a total of approximately 6,400,000 Shares were properly tendered and not properly withdrawn, including 450,000 Shares tendered by notice of guaranteed delivery. On the preliminary count, the condition of the Offer that at least 2,000,000 Shares be properly tendered and not properly withdrawn has been satisfied.",
    );
    assert_says(&release, "the Company expects to accept approximately 5,000,000 Shares");
    assert_says(&release, "with a preliminary proration factor of approximately 78.0%.");
    assert_says(
        &release,
        "As a result of proration, 1,400,000 of the Shares properly tendered, approximately 21.9% of them, are not expected to be accepted.",
    );
    assert_says(
        &release,
        "These figures are preliminary and subject to confirmation by the depositary of the proper delivery of the Shares tendered; they count as tendered the 450,000 Shares tendered by notice of guaranteed delivery, which have not yet been delivered and must be delivered within one (1) trading day after the date of the notice. The Company will announce the final results, including the final proration factor, promptly after the guaranteed delivery period expires and the depositary completes its count.",
    );
    assert_says(
        &release,
        "The Company expects to pay an aggregate of $107,500,000 for the Shares accepted, at $21.50 per Share, promptly after the final results are determined.",
    );
    let schedule = text(&set, "schedule-to.md");
    assert_says(&schedule, "This Amendment reports the preliminary results of the Offer.");
    assert!(!schedule.contains("This Amendment is the final amendment"), "{schedule}");
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
    assert_says(
        &release,
        "As a result of proration, 1,250,000 of the Shares properly tendered, approximately 20.0% of them, were not accepted.",
    );
    assert_says(
        &text(&set, "schedule-to.md"),
        "| (a)(5)(B) | Press release issued by Ashgrove Brands, Inc. on December 3, 2025 |",
    );
}

// ---- Oversubscription and "all" ----

#[test]
fn an_auction_measures_oversubscription_against_the_shares_tendered_at_or_below_the_price() {
    let release = text(&render("data/northwind-dutch-auction-results.yaml"), "press-release.md");
    assert_says(
        &release,
        "As a result of proration, 800,000 of the Shares properly tendered at or below the Purchase Price, approximately 14% of them, were not accepted.",
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
    let whole = render_edited(
        EXCHANGE_RESULTS,
        "  tendered: 75_000_000\n  guaranteed_delivery: 2_000_000\n  odd_lots: 150_000\n",
        "  tendered: 1_000_000\n",
    );
    assert_says(
        &text(&whole, "press-release.md"),
        "The Company has accepted all 1,000,000 Shares properly tendered and not properly withdrawn.",
    );
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

    /// The results honour the minimum: below it (unwaived) nothing is accepted; at or above
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
        results.tendered = Shares(tendered);
        results.odd_lots = Count(odd.min(tendered));
        results.guaranteed_delivery = Count(0);
        results.minimum_condition_waived = waived;
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

/// Renders `text` as a terms file and expects exit 2 with `message`, placed at the line of
/// the file that holds `at` (its first occurrence).
fn refused(text: &str, at: &str, message: &str) {
    let (dir, path) = scratch_terms(text);
    let line = text.lines().position(|l| l.contains(at)).unwrap_or_else(|| panic!("no line holds {at}")) + 1;
    let out = dir.path().join("out");
    let assert = secdraft().arg("render").arg(&path).arg("--out").arg(&out).assert().code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains(message), "expected {message}\n{stderr}");
    let place = format!("{}:{line}:", path.display());
    assert!(stderr.contains(&place), "expected the error at {place}\n{stderr}");
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn a_percentage_minimum_without_the_shares_outstanding_is_refused() {
    let text =
        edited(EXAMPLE, "  max_shares: 60_000_000\n", "  max_shares: 60_000_000\n  min_percent: 50.1%\n");
    refused(
        &text,
        "min_percent",
        "offer.min_percent: a minimum stated as a percentage of the class outstanding needs `security.shares_outstanding`",
    );
}

#[test]
fn a_minimum_given_twice_or_above_the_maximum_is_refused() {
    let both = edited(FINAL, "  min_shares: 2_000_000\n", "  min_shares: 2_000_000\n  min_percent: 5%\n");
    refused(
        &both,
        "min_percent",
        "offer.min_percent: give the minimum condition as `min_shares` or as `min_percent`, not both",
    );
    // Below the minimum, so terminated: without a settlement date.
    let above = edited(FINAL, "  min_shares: 2_000_000\n", "  min_percent: 25%\n").replacen(
        "  settlement_date: 2025-12-08\n",
        "",
        1,
    );
    refused(
        &above,
        "min_percent",
        "offer.min_percent: the minimum (12,000,000 shares) is above the maximum number of shares sought (5,000,000)",
    );
}

#[test]
fn results_that_contradict_the_terms_are_refused() {
    let waived = edited(FINAL, "  waived_conditions: [2]\n", "  waived_conditions: [3]\n");
    refused(
        &waived,
        "waived_conditions",
        "results.waived_conditions[0]: there is no condition 3: `offer.conditions` lists 2, numbered from 1",
    );
    let twice = edited(FINAL, "  waived_conditions: [2]\n", "  waived_conditions: [2, 2]\n");
    refused(&twice, "waived_conditions", "results.waived_conditions[1]: condition 2 is listed twice");
    let unnamed =
        edited(FINAL, "  settlement_date: 2025-12-08\n", "  terminated:\n    reason: condition_failed\n");
    refused(
        &unnamed,
        "reason: condition_failed",
        "results.terminated: name the condition not satisfied by its place in `offer.conditions`",
    );
    let met =
        edited(FINAL, "  settlement_date: 2025-12-08\n", "  terminated:\n    reason: minimum_not_met\n");
    refused(
        &met,
        "reason: minimum_not_met",
        "results.terminated.reason: 6,250,000 shares were tendered, which meets the minimum of 2,000,000",
    );
    let no_minimum = edited(FINAL, "  min_shares: 2_000_000\n", "").replacen(
        "  waived_conditions: [2]\n",
        "  waived_conditions: [2]\n  minimum_condition_waived: true\n",
        1,
    );
    refused(
        &no_minimum,
        "minimum_condition_waived",
        "results.minimum_condition_waived: the offer has no minimum condition to waive",
    );
}

#[test]
fn a_terminated_offer_has_no_settlement() {
    let settled = edited(
        TERMINATED,
        "  guaranteed_delivery: 1_200_000\n",
        "  guaranteed_delivery: 1_200_000\n  settlement_date: 2026-04-03\n",
    );
    refused(
        &settled,
        "settlement_date",
        "results.settlement_date: the offer was terminated and accepts no shares: there is no settlement",
    );
}

#[test]
fn preliminary_results_belong_before_the_final_amendment() {
    let on_final = edited(FINAL, "  preliminary_date: 2025-12-03\n", "  preliminary: true\n");
    refused(
        &on_final,
        "preliminary: true",
        "results.preliminary: preliminary results come before the final amendment",
    );
    let short = edited(PRELIMINARY, "  min_shares: 2_000_000\n", "  min_shares: 4_000_000\n").replacen(
        "  tendered: 6_400_000\n",
        "  tendered: 3_900_000\n",
        1,
    );
    refused(
        &short,
        "tendered: 3_900_000",
        "results.tendered: the preliminary count falls short of the minimum condition (4,000,000 shares)",
    );
    let terminated =
        edited(PRELIMINARY, "  waived_conditions: [2]\n", "  terminated:\n    reason: withdrawn\n");
    refused(
        &terminated,
        "reason: withdrawn",
        "results.terminated: a terminated offer reports its end in the final amendment",
    );
}
