//! An offer for notes after it commences: amendments that change the principal amount sought,
//! the minimum or the price, and the results counted in principal amount, through the binary
//! and the library.

use crate::common::{assert_prints, document, edited, refused, refused_at, render, scratch_terms};

const AMENDED: &str = "data/halvorsen-notes-tender-amended.yaml";
const RESULTS: &str = "data/halvorsen-notes-tender-results.yaml";

#[test]
fn an_amendment_of_an_offer_for_notes_states_each_term_in_principal_amount() {
    let set = render(AMENDED);
    let release = document(&set, "press-release.md");
    assert_prints(
        &release,
        "today announced that it has amended its tender offer for up to $125,000,000 aggregate principal amount of its outstanding 4.75% Convertible Senior Notes due 2028 (the “**Notes**”), which commenced on March 17, 2025 (the “**Offer**”). As amended:",
    );
    assert_prints(
        &release,
        "- Aggregate principal amount of Notes sought: $125,000,000 (previously $100,000,000);",
    );
    assert_prints(
        &release,
        "- Purchase price per $1,000 principal amount of Notes: $1,035.00 (previously $1,020.00);",
    );
    assert_prints(
        &release,
        "As of April 7, 2025, approximately $61,000,000 aggregate principal amount of Notes had been properly tendered and not properly withdrawn.",
    );
    // The shared "About" paragraph speaks to stockholders among others; the amendment's own
    // text to holders of Notes.
    assert_prints(&release, "Holders of Notes should read the Offer to Purchase");
    for word in ["Share", "per share", "Stockholders should"] {
        assert!(!release.contains(word), "{word} in {release}");
    }
    // The aggregate moves with both: $125,000,000 / $1,000 x $1,035.00.
    assert_eq!(set.filing.figures.get("aggregate_purchase_price").unwrap().display(), "$129,375,000");
    let inputs: Vec<String> = set
        .filing
        .figures
        .get("aggregate_purchase_price")
        .unwrap()
        .inputs
        .iter()
        .map(|i| format!("{:?}", i.source))
        .collect();
    assert!(inputs.iter().any(|i| i.contains("amendments[0].changes.max_principal")), "{inputs:?}");
}

#[test]
fn the_results_of_an_offer_for_notes_prorate_by_principal_amount() {
    let set = render(RESULTS);
    let release = document(&set, "press-release.md");
    assert_prints(
        &release,
        "A total of $160,000,000 aggregate principal amount of Notes was properly tendered and not properly withdrawn. Because more Notes were properly tendered than the Company offered to purchase, the Company has accepted for purchase approximately $125,000,000 aggregate principal amount of Notes on a pro rata basis, with a final proration factor of approximately",
    );
    assert_prints(
        &release,
        "the Notes of each tendering holder accepted being rounded down to the nearest $1,000 principal amount. As a result of proration, approximately $35,000,000 aggregate principal amount of Notes, or approximately 21.9% of the Notes properly tendered, were not accepted.",
    );
    assert_prints(
        &release,
        "The Company will pay an aggregate of approximately $129,375,000 for the Notes accepted, at $1,035.00 per $1,000 principal amount, plus accrued and unpaid interest on those Notes to, but not including, the settlement date, on or about May 1, 2025.",
    );
    assert_prints(
        &release,
        "Following settlement, approximately $125,000,000 aggregate principal amount of Notes will remain outstanding.",
    );
    let f = &set.filing.figures;
    assert_eq!(f.get("principal_accepted").unwrap().display(), "$125,000,000");
    assert_eq!(f.get("principal_outstanding_after").unwrap().display(), "$125,000,000");
}

#[test]
fn a_minimum_not_met_terminates_an_offer_for_notes() {
    let text = edited(RESULTS, "  tendered: 160_000_000", "  tendered: 20_000_000")
        .replace("  settlement_date: 2025-05-01\n", "")
        .replacen("  cash_price: 1020\n", "  cash_price: 1020\n  min_principal: 25_000_000\n", 1);
    let (_dir, path) = scratch_terms(&text);
    let release = document(&render(&path), "press-release.md");
    assert_prints(&release, "Announces Termination of Its Tender Offer");
    assert_prints(
        &release,
        "The Offer was subject to the condition that at least $25,000,000 aggregate principal amount of Notes be properly tendered and not properly withdrawn. That condition was not satisfied; the Company did not accept any Notes, and the Offer has terminated. No Notes have been accepted for purchase, no payment will be made for any Notes, and all Notes tendered will be returned promptly to the tendering holders.",
    );
}

#[test]
fn terms_of_shares_and_part_denominations_are_refused_after_commencement() {
    let shares = edited(
        AMENDED,
        "    principal_tendered_to_date: 61_000_000",
        "    shares_tendered_to_date: 61_000_000",
    );
    refused_at(
        &shares,
        "shares_tendered_to_date: 61_000_000",
        "an offer for notes is stated in principal amount, not shares: give `principal_tendered_to_date`",
    );
    let part = edited(AMENDED, "      max_principal: 125_000_000", "      max_principal: 125_000_500");
    refused_at(
        &part,
        "max_principal: 125_000_500",
        "$125,000,500 is not a whole number of $1,000 denominations",
    );
    let above = edited(AMENDED, "      max_principal: 125_000_000", "      max_principal: 260_000_000");
    refused_at(
        &above,
        "max_principal: 260_000_000",
        "is more than the $250,000,000 aggregate principal amount outstanding",
    );
    let odd = edited(RESULTS, "  tendered: 160_000_000\n", "  tendered: 160_000_000\n  odd_lots: 10\n");
    refused_at(&odd, "odd_lots: 10", "`odd_lots` counts shares");
    let notice = edited(
        RESULTS,
        "  tendered: 160_000_000\n",
        "  tendered: 160_000_000\n  guaranteed_delivery: 170_000_000\n",
    );
    refused_at(
        &notice,
        "guaranteed_delivery: 170_000_000",
        "more than the $160,000,000 aggregate principal amount tendered",
    );
    // A principal amount is not a term of an offer for shares.
    let meridian = edited(
        "data/meridian-exchange-amended.yaml",
        "    shares_tendered_to_date: 41_250_000",
        "    principal_tendered_to_date: 41_250_000",
    );
    refused(&meridian, &["amendments[0].principal_tendered_to_date: a term of an offer for notes"]);
}

#[test]
fn the_final_amendment_counts_the_fee_an_earlier_amendment_paid() {
    // Amendment No. 1 raised the valuation to $129,375,000 and paid up to $19,807.31 at the
    // FY2025 rate; the final amendment owes nothing more.
    let set = render(RESULTS);
    let f = &set.filing.figures;
    assert_eq!(f.get("fees_previously_paid").unwrap().display(), "$19,807.31");
    assert_eq!(f.get("net_fee_due").unwrap().display(), "$0.00");
    let amended = render(AMENDED);
    assert_eq!(amended.filing.figures.get("fees_previously_paid").unwrap().display(), "$15,616.20");
    assert_eq!(amended.filing.figures.get("net_fee_due").unwrap().display(), "$4,191.11");
}

/// The amended example with a minimum of $25,000,000 in the Offer as commenced.
fn with_minimum(path: &str) -> String {
    edited(path, "  cash_price: 1020\n", "  cash_price: 1020\n  min_principal: 25_000_000\n")
}

#[test]
fn a_waived_minimum_of_notes_is_stated_in_principal_amount_and_not_set_again() {
    let waived = with_minimum(AMENDED).replacen(
        "      expiration: 2025-04-28\n",
        "      expiration: 2025-04-28\n      waive_minimum_condition: true\n",
        1,
    );
    let (_dir, path) = scratch_terms(&waived);
    let set = render(&path);
    let sentence = "The Company has waived the condition of the Offer that at least $25,000,000 aggregate principal amount of Notes be properly tendered and not properly withdrawn.";
    assert_prints(&document(&set, "press-release.md"), sentence);
    assert_prints(&document(&set, "schedule-to.md"), sentence);
    let both = waived.replacen(
        "      waive_minimum_condition: true\n",
        "      waive_minimum_condition: true\n      min_principal: 30_000_000\n",
        1,
    );
    refused(
        &both,
        &[
            "amendments[0].changes.waive_minimum_condition: this amendment both sets a minimum condition and waives it",
        ],
    );
    let again = waived.replacen("  amendment: 1\n", "  amendment: 2\n", 1).replacen(
        "\ninvestor_contact:",
        "  - number: 2\n    date: 2025-04-14\n    changes:\n      expiration: 2025-05-12\n      min_principal: 50_000_000\n\ninvestor_contact:",
        1,
    );
    refused(&again, &["amendments[1].changes.min_principal: Amendment No. 1 waived the minimum condition"]);
}

#[test]
fn results_of_notes_speak_of_principal_amount_and_of_no_notes_left() {
    // Any and all, every note outstanding tendered: none remains.
    let all = edited(RESULTS, "  max_principal: 100_000_000\n", "  any_and_all: true\n")
        .replacen("      max_principal: 125_000_000\n", "", 1)
        .replacen("  tendered: 160_000_000", "  tendered: 250_000_000", 1);
    let (_dir, path) = scratch_terms(&all);
    let release = document(&render(&path), "press-release.md");
    assert_prints(&release, "Following settlement, no Notes will remain outstanding.");
    // A preliminary count below the minimum is refused in principal amount, not shares.
    let short = with_minimum(RESULTS)
        .replacen(
            "  cover_boxes: [issuer_tender_offer, final_amendment]",
            "  cover_boxes: [issuer_tender_offer]",
            1,
        )
        .replacen(
            "  tendered: 160_000_000\n  settlement_date: 2025-05-01\n",
            "  tendered: 10_000_000\n  preliminary: true\n",
            1,
        );
    refused(
        &short,
        &[
            "the preliminary count falls short of the minimum condition ($25,000,000 aggregate principal amount)",
        ],
    );
}

#[test]
fn holders_of_notes_need_not_tender_again_for_the_amended_price() {
    let release = document(&render(AMENDED), "press-release.md");
    assert_prints(
        &release,
        "Holders of Notes who have already properly tendered Notes and not properly withdrawn them need take no further action to receive the consideration as amended for any Notes accepted in the Offer.",
    );
}
