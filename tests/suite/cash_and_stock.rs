//! Cash paid with the new securities: the consideration, the effective price, the funds the
//! Offer needs, at the intent, at commencement and in the results; and the combinations not
//! drafted yet, refused where the terms state them.

use crate::common::{EXAMPLE, document, edited, refused, render, scratch_terms};

const LINDEN: &str = "data/linden-cash-and-stock-commenced.yaml";

#[test]
fn the_commenced_set_states_the_cash_beside_the_new_shares() {
    let set = render(LINDEN);
    assert!(
        set.warnings.iter().any(|w| w.contains("confirm the valuation under Rule 0-11(a)(4)")),
        "{:?}",
        set.warnings
    );
    let release = document(&set, "press-release.md");
    assert!(
        release.contains("for each 100 Shares tendered, and $0.05 in cash for each Share accepted, or up to 600,000 shares of Series D Preferred Stock with an aggregate liquidation preference of $15,000,000 and up to $3,000,000 in cash. The consideration represents an effective price of $0.30 per Share"),
        "{release}"
    );
    let offer = document(&set, "offer-to-exchange.md");
    for sentence in [
        "you will receive one (1) share of Series D Preferred Stock, with a liquidation preference of $25.00 per share, and $0.05 in cash for each Share accepted: an effective price of $0.30 per Share",
        "with an aggregate liquidation preference of $15,000,000, and paying $0.05 in cash for each Share, or up to $3,000,000 in all.",
        "to be issued by the Company in exchange for the Shares accepted, and up to $3,000,000 in cash ($0.05 for each Share accepted).",
    ] {
        assert!(offer.contains(sentence), "missing: {sentence}");
    }
}

#[test]
fn the_announcement_states_the_cash_in_the_effective_price() {
    let text = edited(
        EXAMPLE,
        "    aggregate_liquidation_preference: 15_000_000\n",
        "    aggregate_liquidation_preference: 15_000_000\n    cash_per_share: 0.02\n",
    );
    let (_dir, terms) = scratch_terms(&text);
    let set = render(&terms);
    let release = document(&set, "press-release.md");
    assert!(release.contains("Series D Cumulative Redeemable Perpetual Preferred Stock (“**Series D Preferred Stock**”), and $0.02 in cash for each share of Common Stock accepted."), "{release}");
    assert!(
        release.contains(
            "The $0.27 effective price per common share equivalent, including $0.02 in cash, represents"
        ),
        "{release}"
    );
    let schedule = document(&set, "schedule-to.md");
    assert!(schedule.contains(", and $0.02 in cash for each share accepted"), "{schedule}");
}

#[test]
fn cash_with_notes_is_refused_and_results_state_the_cash_paid() {
    let notes = "data/calder-notes-exchange-commenced.yaml";
    let text = std::fs::read_to_string(notes).unwrap();
    let at = text.find("  consideration:\n").expect("calder states its consideration");
    let with_cash = format!(
        "{}  consideration:\n    cash_per_share: 0.10\n{}",
        &text[..at],
        &text[at + "  consideration:\n".len()..]
    );
    let line = with_cash.lines().position(|l| l.contains("cash_per_share")).unwrap() + 1;
    refused(
        &with_cash,
        &["offer.consideration.cash_per_share", "not with notes", &format!("terms.yaml:{line}:")],
    );

    // The results state the cash paid for the Shares accepted beside the new shares issued.
    let results = edited(
        "data/meridian-exchange-results.yaml",
        "    aggregate_liquidation_preference: 15_000_000\n",
        "    aggregate_liquidation_preference: 15_000_000\n    cash_per_share: 0.05\n",
    );
    let (_dir2, terms) = scratch_terms(&results);
    let set = render(&terms);
    assert_eq!(set.filing.figures.get("aggregate_paid").map(|f| f.display()).as_deref(), Some("$3,000,000"));
    let release = document(&set, "press-release.md");
    assert!(
        release.contains("will issue 750,000 shares of its 13.00% Series D Cumulative Redeemable Perpetual Preferred Stock and pay $3,000,000 in cash ($0.05 for each Share accepted)"),
        "{release}"
    );
}

#[test]
fn cash_of_less_than_a_cent_prints_with_the_digits_it_has() {
    let text = edited(LINDEN, "    cash_per_share: 0.05\n", "    cash_per_share: 0.0035\n");
    let (_dir, terms) = scratch_terms(&text);
    let release = document(&render(&terms), "press-release.md");
    assert!(release.contains("and $0.0035 in cash for each Share accepted"), "{release}");
    assert!(!release.contains("$0.00 in cash"), "{release}");
}
