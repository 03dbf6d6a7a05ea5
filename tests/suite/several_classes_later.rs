//! An offer for several classes after it commences: each amendment's changes to each class,
//! the shares of each class tendered so far, the timetable a class's change sets, and the
//! results of each class, through the binary and the library.

use crate::common::{assert_prints, document, edited, refused, refused_at, render, scratch_terms};

const AMENDED: &str = "data/sorrel-two-series-amended.yaml";

#[test]
fn an_amendment_states_each_class_changed_and_each_class_tendered_so_far() {
    let set = render(AMENDED);
    let release = document(&set, "press-release.md");
    assert_prints(
        &release,
        "today announced that it has amended its exchange offer for shares of its 8.25% Series A Cumulative Preferred Stock (the “**Series A Shares**”) and shares of its 9.00% Series B Cumulative Preferred Stock (the “**Series B Shares**”), which commenced on March 3, 2025 (the “**Offer**”). As amended:",
    );
    // The offer's own term first, then the class's, each named by its class; the ratio as the
    // Offer states it, with the designated value it is derived from, and no blocks.
    assert_prints(
        &release,
        "- Expiration date: Monday, April 14, 2025 (previously Monday, March 31, 2025);\n- Designated value per Series B Share: $13.60 (previously $12.80);\n- Value of the Common Stock offered for each Series B Share: $12.00 (previously $11.295);\n- Premium over the closing price (Series B Shares): 32% (previously 24%);\n- Shares of Common Stock for each Series B Share: 8 (previously 7.53);",
    );
    assert!(!release.contains("block"), "{release}");
    assert_prints(
        &release,
        "- Maximum new shares issuable (Series B Shares): 9,600,000 (previously 9,036,000).",
    );
    assert_prints(
        &release,
        "As of March 24, 2025, approximately 1,310,000 Series A Shares and 265,000 Series B Shares had been properly tendered and not properly withdrawn.",
    );
    // The Series A terms did not change, so no row names them.
    assert!(!release.contains("(Series A Shares)"), "{release}");
    let schedule = document(&set, "schedule-to.md");
    assert_prints(&schedule, "| Premium over the closing price (Series B Shares) | 24% | 32% |");
    assert_prints(
        &schedule,
        "relating to its offer to exchange shares of its 8.25% Series A Cumulative Preferred Stock (the “**Series A Shares**”) and shares of its 9.00% Series B Cumulative Preferred Stock (the “**Series B Shares**”), upon the terms",
    );
}

#[test]
fn a_class_figure_after_an_amendment_names_the_class_change_it_was_computed_from() {
    let set = render(AMENDED);
    let class = &set.filing.classes[0];
    let ratio = class.figures.get("designated_ratio").expect("the Series B ratio");
    let sources: Vec<String> = ratio.inputs.iter().map(|i| format!("{:?}", i.source)).collect();
    assert!(
        sources
            .iter()
            .any(|s| s.contains("amendments[0].other_classes[0].changes.designated_values.share_sought")),
        "{sources:?}"
    );
    // Before the amendment the class's figures are those of the commenced offer.
    let before = class.figures_before.as_ref().expect("the figures the amendment replaces");
    assert_eq!(before.get("designated_ratio").unwrap().display(), "7.53");
    assert_eq!(ratio.display(), "8");
    // The first class's figures are untouched by the other class's change.
    let commenced = render("data/sorrel-two-series-commenced.yaml");
    assert_eq!(
        set.filing.figures.get("effective_price").unwrap().display(),
        commenced.filing.figures.get("effective_price").unwrap().display()
    );
}

#[test]
fn the_view_of_a_class_in_force_is_the_class_view_with_its_amendments_applied() {
    let set = render(AMENDED);
    let terms = set.filing.terms();
    let through = terms.amended_through(1).class_view(0).unwrap();
    let view = terms.class_view(0).unwrap().amended_through(1);
    let json = |t: &secdraft::terms::Terms| serde_json::to_value(&t.offer).unwrap();
    assert_eq!(json(&through), json(&view));
    assert_eq!(
        serde_json::to_value(&through.security).unwrap(),
        serde_json::to_value(&view.security).unwrap()
    );
}

#[test]
fn a_change_to_one_class_ratio_keeps_the_whole_offer_open_ten_business_days() {
    // Announced on Monday, March 24, the tenth business day is Friday, April 4: the Series B
    // ratio alone changed, and the offer for both series may not expire before then.
    let text = edited(AMENDED, "      expiration: 2025-04-14", "      expiration: 2025-04-03");
    refused_at(&text, "expiration: 2025-04-03", "Rule 14e-1(b)");
}

#[test]
fn class_changes_are_refused_where_the_class_is_not_sought_or_the_change_is_not_a_class_term() {
    let text = edited(
        AMENDED,
        "        shares_tendered_to_date: 265_000\n",
        "        shares_tendered_to_date: 265_000\n      - changes:\n          max_shares: 100_000\n",
    );
    refused(
        &text,
        &["amendments[0].other_classes[1]: the offer seeks 1 class beside the first", "terms.yaml:157:"],
    );
    let offer_wide =
        edited(AMENDED, "      - changes:\n", "      - changes:\n          expiration: 2025-04-21\n");
    refused_at(&offer_wide, "expiration: 2025-04-21", "unknown field `expiration`");
    let same = edited(AMENDED, "            share_sought: 13.60", "            share_sought: 12.80");
    refused(
        &same,
        &[
            "amendments[0].other_classes[0].changes.designated_values: Amendment No. 1 sets `designated_values` to the value already in force",
            "terms.yaml:153:",
        ],
    );
}

#[test]
fn a_class_minimum_is_waived_for_that_class_alone() {
    let text =
        edited(AMENDED, "      - changes:\n", "      - changes:\n          waive_minimum_condition: true\n");
    let (_dir, path) = scratch_terms(&text);
    let set = render(&path);
    let waived = "The Company has waived the condition of the Offer that at least 25% of the outstanding Series B Shares (450,000 Series B Shares, based on the 1,800,000 Series B Shares outstanding as of February 28, 2025) be properly tendered and not properly withdrawn.";
    assert_prints(&document(&set, "press-release.md"), waived);
    assert_prints(&document(&set, "schedule-to.md"), waived);
    // The first class has no minimum to waive: the same waiver there is refused at its field.
    let first = edited(
        AMENDED,
        "      expiration: 2025-04-14",
        "      expiration: 2025-04-14\n      waive_minimum_condition: true",
    );
    refused_at(&first, "      waive_minimum_condition: true", "the offer has no minimum condition to waive");
}

const RESULTS: &str = "data/sorrel-two-series-results.yaml";

#[test]
fn the_results_state_each_class_accepted_prorated_or_ended_by_its_own_minimum() {
    let set = render(RESULTS);
    let release = document(&set, "press-release.md");
    assert_prints(&release, "# Sorrel Creek Announces Final Results of Its Exchange Offer");
    assert_prints(
        &release,
        "***Series A Shares.*** A total of 2,600,000 Series A Shares were properly tendered and not properly withdrawn, including 40,000 Series A Shares tendered by notice of guaranteed delivery. Because more Series A Shares were properly tendered than the Company offered to exchange, the Company has accepted 2,000,000 Series A Shares, accepting first, without proration, the 12,000 Series A Shares tendered by odd-lot holders, and then the other Series A Shares tendered on a pro rata basis with a final proration factor of approximately 76.8%. As a result of proration, 600,000 Series A Shares, or approximately 23.1% of the Series A Shares properly tendered, were not accepted.",
    );
    assert_prints(
        &release,
        "***Series B Shares.*** A total of 300,000 Series B Shares were properly tendered and not properly withdrawn, including 5,000 Series B Shares tendered by notice of guaranteed delivery. The condition of the Offer that at least 25% of the outstanding Series B Shares (450,000 Series B Shares, based on the 1,800,000 Series B Shares outstanding as of February 28, 2025) be properly tendered and not properly withdrawn was not satisfied; the Company did not accept any Series B Shares and has terminated the Offer for the Series B Shares. No shares of Common Stock will be issued for Series B Shares, and all Series B Shares tendered will be returned promptly to the tendering holders.",
    );
    // The Schedule TO cites the rules that require the return; the release does not.
    let schedule = document(&set, "schedule-to.md");
    assert_prints(
        &schedule,
        "all Series B Shares tendered will be returned promptly to the tendering holders, as Rule 13e-4(f)(5) and Rule 14e-1(c) under the Securities Exchange Act of 1934, as amended, require.",
    );
    assert_prints(
        &schedule,
        "This Amendment is the final amendment to the Schedule TO and reports the results of the Offer.",
    );
    // The Series A figures are those of the offer for that class alone: accepted times the ratio.
    let first = &set.filing.figures;
    assert_eq!(first.get("shares_accepted").unwrap().display(), "2,000,000");
    assert_eq!(first.get("new_shares_issued").unwrap().display(), "13,180,000");
    assert!(
        set.filing.classes[0].figures.get("shares_accepted").is_none(),
        "the Series B offer accepted none"
    );
}

#[test]
fn an_offer_ended_for_every_class_is_announced_as_terminated() {
    let withdrawn =
        edited(RESULTS, "  settlement_date: 2025-04-18\n", "  terminated:\n    reason: withdrawn\n");
    let (_dir, path) = scratch_terms(&withdrawn);
    let release = document(&render(&path), "press-release.md");
    assert_prints(&release, "# Sorrel Creek Announces Termination of Its Exchange Offer");
    assert_prints(
        &release,
        "As of that date, 2,600,000 Series A Shares and 300,000 Series B Shares had been properly tendered and not properly withdrawn. No Shares have been accepted for exchange, no shares of Common Stock will be issued, and all Shares tendered will be returned promptly to the tendering holders.",
    );
    // Both minimums unmet (a Series A minimum of 2,700,000 of up to 3,000,000 sought, with
    // 2,600,000 tendered): each class's offer ended by itself, and with it the offer.
    let neither = edited(RESULTS, "  settlement_date: 2025-04-18\n", "");
    let neither = edited_text(
        &neither,
        "  max_shares: 2_000_000\n",
        "  max_shares: 3_000_000\n  min_shares: 2_700_000\n",
    );
    let (_dir, path) = scratch_terms(&neither);
    let release = document(&render(&path), "press-release.md");
    assert_prints(&release, "# Sorrel Creek Announces Termination of Its Exchange Offer");
    assert_prints(
        &release,
        "the Company did not accept any Series A Shares and has terminated the Offer for the Series A Shares.",
    );
}

fn edited_text(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "no {from} in the text");
    text.replacen(from, to, 1)
}

#[test]
fn each_class_is_counted_once_and_a_minimum_ends_only_its_own_class() {
    let missing =
        edited(RESULTS, "  other_classes:\n    - tendered: 300_000\n      guaranteed_delivery: 5_000\n", "");
    refused(
        &missing,
        &[
            "the results give no count for the 9.00% Series B Cumulative Preferred Stock (`offer.other_classes[0]`)",
        ],
    );
    let extra = edited(
        RESULTS,
        "      guaranteed_delivery: 5_000\n",
        "      guaranteed_delivery: 5_000\n    - tendered: 1\n",
    );
    refused(&extra, &["results.other_classes[1]: the results count each class"]);
    let whole =
        edited(RESULTS, "  settlement_date: 2025-04-18\n", "  terminated:\n    reason: minimum_not_met\n");
    refused_at(
        &whole,
        "    reason: minimum_not_met",
        "each class's minimum condition ends that class's offer alone",
    );
    let more = edited(RESULTS, "      guaranteed_delivery: 5_000", "      guaranteed_delivery: 300_001");
    refused_at(
        &more,
        "guaranteed_delivery: 300_001",
        "results.other_classes[0].guaranteed_delivery: more than the 300,000 shares tendered",
    );
    // The Series B offer ended, but the Series A offer settles: the date stays.
    let set = render(RESULTS);
    assert!(document(&set, "press-release.md").contains("on or about April 18, 2025"));
}

#[test]
fn the_changelog_compares_each_class_figures_with_the_same_class() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::secdraft()
        .args(["diff", "data/sorrel-two-series-commenced.yaml", AMENDED, "--out"])
        .arg(dir.path())
        .assert()
        .success();
    let log = std::fs::read_to_string(dir.path().join("changes.md")).unwrap();
    assert_prints(
        &log,
        "- Premium over the closing price (9.00% Series B Cumulative Preferred Stock): 24% -> 32%",
    );
    assert_prints(
        &log,
        "- Exchange ratio (9.00% Series B Cumulative Preferred Stock): 753 for each 100 -> 8 for each share",
    );
    // The Series A figures did not move, and the fee is the offer's, named by no class.
    assert!(!log.contains("Series A Cumulative Preferred Stock):"), "{log}");
    assert_prints(&log, "- Net fee due: $4,252.51 -> $0.00");
}

/// The amended example with the Series B change replaced by `change` (YAML lines indented to
/// sit under `changes:`).
fn with_class_change(change: &str) -> String {
    edited(
        AMENDED,
        "          designated_values:\n            share_sought: 13.60\n            new_share: 1.70\n            places: 2\n",
        change,
    )
}

#[test]
fn an_error_a_class_change_causes_is_placed_at_that_change() {
    // A maximum below the class's minimum (25% of 1,800,000: 450,000).
    let below = with_class_change("          max_shares: 400_000\n");
    refused_at(
        &below,
        "          max_shares: 400_000",
        "amendments[0].other_classes[0].changes.max_shares: after this amendment the minimum (450,000 shares) is above the maximum (400,000)",
    );
    // A designated value that rounds to no new share.
    let nothing = with_class_change(
        "          designated_values:\n            share_sought: 0.001\n            new_share: 1.70\n            places: 2\n",
    );
    refused(
        &nothing,
        &[
            "amendments[0].other_classes[0].changes.designated_values: after Amendment No. 1: $0.001 / $1.70 rounded to 2 places is zero new shares",
        ],
    );
    // More tendered so far than the class has outstanding.
    let more = edited(
        AMENDED,
        "        shares_tendered_to_date: 265_000",
        "        shares_tendered_to_date: 1_900_000",
    );
    refused_at(&more, "shares_tendered_to_date: 1_900_000", "more than the 1,800,000 shares outstanding");
}

#[test]
fn a_cash_offer_for_several_classes_is_amended_by_price_and_refuses_a_ratio() {
    let cash = edited(
        "data/sorrel-two-series-cash-commenced.yaml",
        "  form: SC TO-I\n  cover_boxes: [issuer_tender_offer]\n  date: 2025-03-03\n",
        "  form: SC TO-I/A\n  amendment: 1\n  cover_boxes: [issuer_tender_offer]\n  date: 2025-03-24\n",
    );
    let amended = |class_change: &str| {
        edited_text(
            &cash,
            "\nagents:",
            &format!(
                "\namendments:\n  - number: 1\n    date: 2025-03-24\n    changes:\n      expiration: 2025-04-14\n    other_classes:\n      - changes:\n{class_change}\nagents:"
            ),
        )
    };
    let (_dir, path) = scratch_terms(&amended("          cash_price: 11.00\n"));
    let release = document(&render(&path), "press-release.md");
    assert_prints(&release, "- Cash price per share (Series B Shares): $11.00 (previously $10.00);");
    assert!(!release.contains("Purchase price per share"), "the price is stated once: {release}");
    refused(
        &amended("          block: {shares: 1, new_shares: 1}\n"),
        &[
            "amendments[0].other_classes[0].changes.block: the offer is a cash offer at a fixed price: `block` is not one of its terms",
        ],
    );
    refused(
        &amended("          cash_price: 9999999999999999999999999999\n"),
        &[
            "amendments[0].other_classes[0].changes.cash_price: after Amendment No. 1: the figures computed from this value exceed",
        ],
    );
}

#[test]
fn a_waived_class_minimum_is_not_set_again_and_the_results_take_a_number_of_their_own() {
    let waived = edited(
        RESULTS,
        "          designated_values:\n",
        "          waive_minimum_condition: true\n          designated_values:\n",
    );
    let again = edited_text(
        &edited_text(&waived, "  amendment: 2\n", "  amendment: 3\n")
            .replace("  date: 2025-04-16\n  tendered", "  date: 2025-04-23\n  tendered")
            .replace("  settlement_date: 2025-04-18", "  settlement_date: 2025-04-25"),
        "\nresults:",
        "  - number: 2\n    date: 2025-04-07\n    changes:\n      expiration: 2025-04-21\n    other_classes:\n      - changes:\n          min_percent: 30%\n\nresults:",
    );
    refused(
        &again,
        &["amendments[1].other_classes[0].changes.min_percent: Amendment No. 1 waived the minimum condition"],
    );
    let clash = edited(RESULTS, "  amendment: 2\n", "  amendment: 1\n");
    refused(&clash, &["amendments[0].number: this filing reports the results as Amendment No. 1"]);
    let within = edited(
        RESULTS,
        "    - tendered: 300_000\n      guaranteed_delivery: 5_000\n",
        "    - tendered: 600_000\n      additional_accepted: 10_000\n",
    );
    refused_at(&within, "additional_accepted: 10_000", "all are accepted without the 2% allowance");
}

#[test]
fn a_class_with_none_tendered_is_said_so_while_another_is_accepted() {
    let text = edited(
        RESULTS,
        "  tendered: 2_600_000\n  guaranteed_delivery: 40_000\n  odd_lots: 12_000\n",
        "  tendered: 0\n",
    );
    let text = edited_text(
        &text,
        "    - tendered: 300_000\n      guaranteed_delivery: 5_000\n",
        "    - tendered: 600_000\n",
    );
    let (_dir, path) = scratch_terms(&text);
    let release = document(&render(&path), "press-release.md");
    assert_prints(&release, "***Series A Shares.*** No Series A Shares were tendered.\n");
    assert_prints(
        &release,
        "The Company has accepted all 600,000 Series B Shares properly tendered and not properly withdrawn.",
    );
    assert_prints(&release, "# Sorrel Creek Announces Final Results of Its Exchange Offer");
}

#[test]
fn holders_of_the_class_whose_consideration_changed_need_not_tender_again() {
    let set = render(AMENDED);
    let sentence = "Stockholders who have already properly tendered Series B Shares and not properly withdrawn them need take no further action to receive the consideration as amended for any Series B Shares accepted in the Offer.";
    assert_prints(&document(&set, "press-release.md"), sentence);
    assert_prints(&document(&set, "schedule-to.md"), sentence);
    // An extension alone changes no consideration, and says nothing of it.
    let extension = with_class_change("          max_shares: 1_300_000\n");
    let (_dir, path) = scratch_terms(&extension);
    assert!(!document(&render(&path), "press-release.md").contains("need take no further action"));
}

#[test]
fn a_class_count_past_a_whole_number_or_below_zero_is_refused_at_its_field() {
    for (from, to, says) in [
        (
            "    - tendered: 300_000",
            "    - tendered: 18446744073709551616",
            "results.other_classes[0].tendered: `18446744073709551616` is too large",
        ),
        ("    - tendered: 300_000", "    - tendered: [1]", "results.other_classes[0].tendered:"),
        (
            "      guaranteed_delivery: 5_000",
            "      guaranteed_delivery: -5",
            "results.other_classes[0].guaranteed_delivery: expected a whole number of shares",
        ),
    ] {
        refused_at(&edited(RESULTS, from, to), to.trim(), says);
    }
}
