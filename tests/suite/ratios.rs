//! Exchange ratios as real offers state them: golden text for each sentence a ratio, a
//! maximum that is not a whole number of blocks, or cash in lieu of fractions prints, and the
//! errors of the terms that state them, through the binary.

use std::fs;
use std::path::Path;

use predicates::prelude::*;

use crate::common::{assert_prints, document, edited, examples, refused, render, scratch_terms, secdraft};

const WHOLE_BLOCKS: &str = "data/harlow-exchange-whole-blocks.yaml";
const MERIDIAN: &str = "data/meridian-exchange-commenced.yaml";

/// The documents of a set rendered from `path` with `from` replaced by `to`.
fn rendered_with(path: &str, from: &str, to: &str) -> (String, String) {
    let (_dir, terms) = scratch_terms(&edited(path, from, to));
    let set = render(&terms);
    (document(&set, "press-release.md"), document(&set, "offer-to-exchange.md"))
}

#[test]
fn a_maximum_not_in_whole_blocks_accepted_in_whole_blocks() {
    let set = render(WHOLE_BLOCKS);
    let (release, offer) = (document(&set, "press-release.md"), document(&set, "offer-to-exchange.md"));
    assert_prints(
        &release,
        "at the rate of two (2) shares of Series B Preferred Stock, with a liquidation preference of $25.00 per share, for each 150 Shares tendered, or up to 1,333,332 shares of Series B Preferred Stock; at the effective price, the Shares sought have an aggregate value of $33,333,334.",
    );
    assert_prints(
        &offer,
        "issuing two (2) shares of Series B Preferred Stock for each 150 Shares, or up to 1,333,332 shares of Series B Preferred Stock. Because Shares are accepted only in multiples of 150, no more than 99,999,900 Shares will be accepted. At the effective price of approximately $0.3333 per Share, the maximum number of Shares sought has an aggregate value of $33,333,334.",
    );
    assert_prints(
        &offer,
        "The consideration in the Offer consists of up to 1,333,332 shares of Series B Preferred Stock, with an aggregate liquidation preference of up to $33,333,300, to be issued by the Company in exchange for the Shares accepted.",
    );
}

#[test]
fn cash_in_lieu_of_fractional_shares() {
    let (release, offer) = rendered_with(
        WHOLE_BLOCKS,
        "fractional_shares: whole_blocks",
        "fractional_shares: {cash_in_lieu: 25.00}",
    );
    assert_prints(
        &release,
        "for each 150 Shares tendered, or up to 1,333,333 shares of Series B Preferred Stock and cash in lieu of fractional shares; at the effective price, the Shares sought have an aggregate value of $33,333,334.",
    );
    assert_prints(
        &offer,
        "No fractional shares of Series B Preferred Stock will be issued; instead of a fraction, you will receive cash equal to that fraction multiplied by $25.00, rounded to the nearest cent. See Sections 1 and 18.",
    );
    assert_prints(
        &offer,
        "***Fractional shares.*** No fractional shares of Series B Preferred Stock will be issued. In lieu of any fraction of a share of Series B Preferred Stock that a tendering stockholder would otherwise receive, the Company will pay that stockholder cash, without interest and rounded to the nearest whole cent, equal to the fraction multiplied by $25.00. The fraction is determined on the total number of Shares of that stockholder accepted for exchange.",
    );
    assert_prints(&offer, "on a pro rata basis, rounded down to whole Shares,");
    assert_prints(
        &offer,
        "or up to 1,333,333 shares of Series B Preferred Stock and cash in lieu of fractional shares. At the effective price of approximately $0.3333 per Share, the maximum number of Shares sought has an aggregate value of $33,333,334.",
    );
    assert_prints(
        &offer,
        "with an aggregate liquidation preference of up to $33,333,325, to be issued by the Company in exchange for the Shares accepted, and cash paid in lieu of fractional shares.",
    );
}

#[test]
fn an_aggregate_that_is_not_one_new_share_for_whole_shares_prints_its_block_and_per_share_ratio() {
    let (release, offer) = rendered_with(
        MERIDIAN,
        "aggregate_liquidation_preference: 15_000_000",
        "aggregate_liquidation_preference: 18_000_000",
    );
    assert_prints(
        &release,
        "at the rate of three (3) shares of Series D Preferred Stock, with a liquidation preference of $25.00 per share, for each 250 Shares tendered (0.012 of a share of Series D Preferred Stock for each Share), or up to 720,000 shares of Series D Preferred Stock with an aggregate liquidation preference of $18,000,000. The exchange ratio represents an effective price of $0.30 per Share,",
    );
    assert_prints(
        &offer,
        "for each 250 Shares properly tendered and not properly withdrawn (0.012 of a share of Series D Preferred Stock for each Share),",
    );
    assert_prints(
        &offer,
        "Shares will be accepted only in multiples of 250; any Shares tendered in excess of the largest multiple of 250 will be returned",
    );
}

#[test]
fn an_amendment_prints_a_ratio_as_counsel_write_it() {
    let (_dir, terms) = scratch_terms(&edited(
        "data/meridian-exchange-amended.yaml",
        "      aggregate_liquidation_preference: 18_750_000",
        "      aggregate_liquidation_preference: 18_000_000",
    ));
    let set = render(&terms);
    assert_prints(
        &document(&set, "press-release.md"),
        "- Exchange ratio: 3 for each 250 (previously 100 to 1);",
    );
    assert_prints(&document(&set, "schedule-to.md"), "| Exchange ratio | 100 to 1 | 3 for each 250 |");
}

#[test]
fn a_maximum_not_in_whole_blocks_without_a_fraction_rule_is_refused_at_the_maximum() {
    let (_dir, terms) = scratch_terms(&edited(WHOLE_BLOCKS, "    fractional_shares: whole_blocks\n", ""));
    secdraft()
        .args(["figures"])
        .arg(&terms)
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "error: offer.max_shares: 100,000,001 shares is not a whole number of blocks of 150 (2 new shares for each 150 shares): say what a tender that earns a fraction of a new share receives, in `offer.consideration.fractional_shares` (`whole_blocks` or `cash_in_lieu: PRICE`)",
        ))
        .stderr(predicate::str::contains("terms.yaml:70:15"));
}

#[test]
fn a_fraction_rule_must_be_one_the_format_knows() {
    let (_dir, terms) = scratch_terms(&edited(
        WHOLE_BLOCKS,
        "fractional_shares: whole_blocks",
        "fractional_shares: round_up",
    ));
    secdraft()
        .args(["figures"])
        .arg(&terms)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: offer.consideration.fractional_shares: `round_up` is not one of the accepted values",
        ))
        .stderr(predicate::str::contains("terms.yaml:92:24"))
        .stderr(predicate::str::contains("accepted values: whole_blocks, cash_in_lieu"));

    let (dir, terms) = scratch_terms(&edited(
        WHOLE_BLOCKS,
        "fractional_shares: whole_blocks",
        "fractional_shares: {cash_in_lieu: 0}",
    ));
    secdraft()
        .args(["render", "--out"])
        .arg(dir.path().join("out"))
        .arg(&terms)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: offer.consideration.fractional_shares.cash_in_lieu: expected a positive number",
        ))
        .stderr(predicate::str::contains("terms.yaml:92:39"));
    assert!(!dir.path().join("out").exists());
}

/// The text of `path` without its `security.closing_price`.
fn without_closing_price(path: &Path) -> String {
    let mut text = fs::read_to_string(path).unwrap();
    assert!(text.contains("\n  closing_price:\n"), "{} has no closing price", path.display());
    // The class sought's (`security`), and each other class's (`offer.other_classes`); not the
    // new common stock's, whose price values the consideration.
    for block in ["\n  closing_price:\n", "\n        closing_price:\n"] {
        if let Some(start) = text.find(block).map(|at| at + 1) {
            let end = text[start..].match_indices('\n').nth(3).map(|(i, _)| start + i + 1).unwrap();
            text.replace_range(start..end, "");
        }
    }
    text
}

#[test]
fn without_a_closing_price_no_premium_is_computed_or_stated() {
    // Notes sought have no closing price to take out: the terms refuse one.
    let of_shares = examples()
        .into_iter()
        .filter(|path| secdraft::terms::load(path).unwrap().terms.security.notes.is_none());
    for path in of_shares {
        let (_dir, terms) = scratch_terms(&without_closing_price(&path));
        let set = render(&terms);
        for name in
            ["premium", "dividend_yield", "total_premium", "premium_at_min_price", "premium_at_max_price"]
        {
            assert!(set.filing.figures.get(name).is_none(), "{}: {name} computed", path.display());
            for class in &set.filing.classes {
                assert!(class.figures.get(name).is_none(), "{}: {name} computed for a class", path.display());
            }
        }
        assert!(
            set.filing.figures.get("effective_price").is_some()
                || set.filing.figures.get("price_points").is_some()
                || set.filing.figures.get("purchase_price").is_some()
        );
        for file in &set.files {
            let text = String::from_utf8(file.bytes.clone()).unwrap();
            for phrase in
                ["last reported sale", "Closing Price", "increase over", "premium over", "discount to"]
            {
                assert!(!text.contains(phrase), "{}: {} states `{phrase}`", path.display(), file.name);
            }
        }
    }
}

#[test]
fn without_a_closing_price_the_dividend_is_stated_alone() {
    let (_dir, terms) = scratch_terms(&without_closing_price(Path::new(crate::common::EXAMPLE)));
    let set = render(&terms);
    let release = document(&set, "press-release.md");
    assert_prints(
        &release,
        "# Ault Alliance Reiterates Its Intention to Commence an Exchange Offer of Common Stock for Series D Preferred Shares at an Effective Price of $0.25 per Share of Common Stock Exchanged\n- *Company intends to provide guidance",
    );
    assert_prints(
        &release,
        "\n\nThe 13.00% Series D Preferred Stock annual dividend provides an annual recurring value of $0.0325 per common share equivalent.\n\n",
    );
    let (_dir, terms) = scratch_terms(&without_closing_price(Path::new(MERIDIAN)));
    let offer = document(&render(&terms), "offer-to-exchange.md");
    assert_prints(
        &offer,
        "with a liquidation preference of $25.00 per share: an effective price of $0.25 per Share. The Series D Preferred Stock accrues dividends at 13.00% per year on its liquidation preference, or $3.25 per year on each share of Series D Preferred Stock (approximately $0.2708 for each full monthly dividend period) and $0.0325 per year for each Share exchanged. Shares will be accepted only in multiples",
    );
    assert_prints(&offer, "\nStockholders are urged to obtain current market quotations for the Shares.");
}

const DESIGNATED: &str = "    designated_values:\n      share_sought: 11.20\n      new_share: 1.70\n      places: 2\n    fractional_shares:\n      cash_in_lieu: 1.70\n";

#[test]
fn a_ratio_derived_from_designated_values_prints_rounded_with_its_derivation() {
    let (release, offer) = rendered_with(
        WHOLE_BLOCKS,
        "    block:\n      shares: 150\n      new_shares: 2\n    fractional_shares: whole_blocks\n",
        DESIGNATED,
    );
    let derivation = "The exchange ratio of 6.59 is the designated value of $11.20 per Share divided by the designated value of $1.70 per share of Series B Preferred Stock, rounded to two decimal places.";
    assert_prints(
        &release,
        &format!(
            "at the rate of 6.59 shares of Series B Preferred Stock, with a liquidation preference of $25.00 per share, for each Share tendered, or up to 659,000,006 shares of Series B Preferred Stock and cash in lieu of fractional shares; at the effective price, the Shares sought have an aggregate value of $16,475,000,165. {derivation}"
        ),
    );
    assert_prints(
        &offer,
        "at the rate of 6.59 shares of Series B Preferred Stock, with a liquidation preference of $25.00 per share, for each Share properly tendered and not properly withdrawn,",
    );
    assert_prints(
        &offer,
        "For each Share properly tendered and accepted, you will receive 6.59 shares of Series B Preferred Stock, with",
    );
    assert_prints(
        &offer,
        &format!(
            "issuing 6.59 shares of Series B Preferred Stock for each Share, or up to 659,000,006 shares of Series B Preferred Stock and cash in lieu of fractional shares. At the effective price of $164.75 per Share, the maximum number of Shares sought has an aggregate value of $16,475,000,165. {derivation}"
        ),
    );
    assert_prints(&offer, "equal to the fraction multiplied by $1.70.");
}

#[test]
fn a_ratio_is_given_one_way() {
    let (_dir, terms) = scratch_terms(&edited(
        WHOLE_BLOCKS,
        "    fractional_shares: whole_blocks\n",
        "    designated_values: {share_sought: 11.20, new_share: 1.70, places: 2}\n    fractional_shares: whole_blocks\n",
    ));
    secdraft()
        .args(["figures"])
        .arg(&terms)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: offer.consideration.designated_values: give the ratio one way: `aggregate_liquidation_preference`, `block` or `designated_values`",
        ))
        .stderr(predicate::str::contains("terms.yaml:92:24"));

    let (_dir, terms) = scratch_terms(&edited(
        WHOLE_BLOCKS,
        "    block:\n      shares: 150\n      new_shares: 2\n",
        "    designated_values: {share_sought: 0.01, new_share: 1_000, places: 2}\n",
    ));
    secdraft()
        .args(["figures"])
        .arg(&terms)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: offer.consideration.designated_values.places: $0.01 / $1,000.00 rounded to 2 places is zero new shares for each share: state more places",
        ));
}

#[test]
fn results_are_not_counted_for_cash_in_lieu_rather_than_miscounted() {
    let (_dir, terms) = scratch_terms(&edited(
        "data/meridian-exchange-results.yaml",
        "    aggregate_liquidation_preference: 15_000_000\n",
        "    aggregate_liquidation_preference: 15_000_000\n    fractional_shares: {cash_in_lieu: 25.00}\n",
    ));
    secdraft()
        .args(["figures"])
        .arg(&terms)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: offer.consideration.fractional_shares: "))
        .stderr(predicate::str::contains("cash in lieu of fractional shares are not counted yet"))
        .stderr(predicate::str::contains("terms.yaml:93:24"));
}

/// `path` as the announcement of an intended offer (SC TO-C), its closing price before it.
fn as_intent(text: &str) -> String {
    text.replacen("  form: SC TO-I\n", "  form: SC TO-C\n", 1).replacen(
        "    date: 2023-12-29\n",
        "    date: 2023-12-12\n",
        1,
    )
}

#[test]
fn an_intent_states_a_maximum_not_in_whole_blocks_and_a_designated_ratio() {
    let (_dir, terms) = scratch_terms(&as_intent(&std::fs::read_to_string(WHOLE_BLOCKS).unwrap()));
    assert_prints(
        &document(&render(&terms), "press-release.md"),
        "in exchange for the issuance of two (2) shares of its 9.00% Series B Cumulative Redeemable Perpetual Preferred Stock (“**Series B Preferred Stock**”) for each 150 shares of Common Stock tendered, up to 1,333,332 shares of Series B Preferred Stock; at the effective price, the shares of Common Stock sought have an aggregate value of $33,333,334.",
    );

    let (_dir, terms) = scratch_terms(&as_intent(&edited(
        WHOLE_BLOCKS,
        "    block:\n      shares: 150\n      new_shares: 2\n    fractional_shares: whole_blocks\n",
        DESIGNATED,
    )));
    let set = render(&terms);
    assert_prints(
        &document(&set, "press-release.md"),
        "in exchange for the issuance of 6.59 shares of its 9.00% Series B Cumulative Redeemable Perpetual Preferred Stock (“**Series B Preferred Stock**”) for each share of Common Stock tendered, up to 659,000,006 shares of Series B Preferred Stock and cash in lieu of fractional shares. The exchange ratio of 6.59 is the designated value of $11.20 per share of Common Stock divided by the designated value of $1.70 per share of Series B Preferred Stock, rounded to two decimal places.",
    );
    assert_prints(
        &document(&set, "schedule-to.md"),
        "to exchange up to 100,000,001 shares of its common stock for 6.59 shares of its 9.00% Series B Cumulative Redeemable Perpetual Preferred Stock for each share tendered.",
    );
}

const NOTES: &str = "data/calder-notes-exchange-commenced.yaml";

#[test]
fn notes_are_stated_by_principal_amount_and_interest() {
    let set = render(NOTES);
    let (release, offer) = (document(&set, "press-release.md"), document(&set, "offer-to-exchange.md"));
    assert_prints(
        &release,
        "for its 10.00% Senior Notes due 2031 (the “**Notes**”), at the rate of $25.00 principal amount of Notes for each 50 Shares tendered, or up to $20,000,000 aggregate principal amount of Notes. The exchange ratio represents an effective price of $0.50 per Share, a 19% increase over the last reported sale price of the Shares of $0.42 on December 29, 2023, on the NYSE American. The Notes bear interest at 10.00% per year, or $0.05 per year for each Share exchanged, and mature on January 15, 2031.",
    );
    assert_prints(
        &offer,
        "**Offer to Exchange up to 40,000,000 Shares of its Common Stock for up to $20,000,000 Aggregate Principal Amount of its 10.00% Senior Notes due 2031**",
    );
    assert_prints(
        &offer,
        "For each 50 Shares properly tendered and accepted, you will receive $25.00 principal amount of Notes: an effective price of $0.50 per Share, a 19% increase over the last reported sale price of the Shares of $0.42 on December 29, 2023. The Notes bear interest at 10.00% per year on their principal amount, or $2.50 per year on each $25.00 principal amount ($0.625 for each full quarterly interest period) and $0.05 per year for each Share exchanged, equal to approximately 12% of that last reported sale price, and mature on January 15, 2031. Shares will be accepted only in multiples of 50; any Shares tendered in excess of the largest multiple of 50 will be returned, and the Notes will be issued only in multiples of $25.00 principal amount. [Open point: as the terms stand, a stockholder who holds fewer than 50 Shares cannot tender in the Offer;",
    );
    assert_prints(
        &offer,
        "issuing $25.00 principal amount of Notes for each 50 Shares, or up to $20,000,000 aggregate principal amount of Notes.",
    );
    assert_prints(
        &offer,
        "***Denominations.*** The Notes will be issued only in multiples of $25.00 principal amount.",
    );
    assert_prints(
        &offer,
        "The consideration in the Offer consists of up to $20,000,000 aggregate principal amount of Notes, to be issued by the Company in exchange for the Shares accepted.",
    );
    assert_prints(
        &offer,
        "- ***Maturity.*** The Notes mature on January 15, 2031, when their principal amount and accrued and unpaid interest are payable.",
    );
    assert_prints(
        &offer,
        "| Liquidation | Share ratably in assets remaining after creditors and the holders of any senior securities | Principal amount plus accrued and unpaid interest, as a creditor of the Company, before any distribution on the Shares |",
    );
    for text in [&release, &offer] {
        assert!(!text.contains("liquidation preference"), "notes have no liquidation preference");
        assert!(!text.contains("dividends at"), "notes pay interest, not dividends");
    }

    let figures = &set.filing.figures;
    for (name, value) in [
        ("effective_price", "0.5"),
        ("annual_interest", "0.05"),
        ("interest_per_note", "2.5"),
        ("principal_per_block", "25"),
        ("max_new_notes", "800000"),
        ("aggregate_principal_amount", "20000000"),
    ] {
        assert_eq!(figures.value(name).map(|v| v.normalize().to_string()).as_deref(), Some(value), "{name}");
    }
    for name in [
        "annual_dividend",
        "dividend_yield",
        "total_premium",
        "max_new_shares",
        "aggregate_liquidation_preference",
    ] {
        assert!(figures.get(name).is_none(), "notes have no {name}");
    }
    assert_eq!(figures.get("interest_yield").unwrap().display(), "12%");
}

#[test]
fn an_intent_to_exchange_notes() {
    let (_dir, terms) = scratch_terms(&as_intent(&std::fs::read_to_string(NOTES).unwrap()));
    let set = render(&terms);
    let release = document(&set, "press-release.md");
    assert_prints(
        &release,
        "# Calder Bay Announces Its Intention to Commence an Exchange Offer of Common Stock for 10.00% Senior Notes due 2031 at an Effective Price of $0.50 per Share\n",
    );
    assert_prints(
        &release,
        "in exchange for the issuance of $25.00 principal amount of its 10.00% Senior Notes due 2031 (“**Notes**”) for each 50 shares of Common Stock tendered, up to $20,000,000 aggregate principal amount of Notes.\n\nThe exchange ratio represents an effective price of $0.50 per share of Common Stock, a 19% increase over the last reported sales price of the Common Stock of $0.42 on December 12, 2023, on the NYSE American. The Notes bear interest at 10.00% per year, or $0.05 per year for each share of Common Stock exchanged, equal to 12% of that last reported sales price, and mature on January 15, 2031.",
    );
    assert_prints(
        &document(&set, "schedule-to.md"),
        "to exchange up to 40,000,000 shares of its common stock for $25.00 principal amount of its 10.00% Senior Notes due 2031 for each 50 shares tendered.",
    );
}

#[test]
fn a_new_security_is_preferred_stock_or_notes() {
    let cases = [
        (
            "      principal_amount: 25.00\n",
            "      principal_amount: 25.00\n      liquidation_preference: 25.00\n",
            "error: offer.consideration.security.interest_rate: the new security is preferred stock (`dividend_rate`, `liquidation_preference`) or notes (`interest_rate`, `principal_amount`, `maturity`), not both",
        ),
        (
            "      principal_amount: 25.00\n",
            "",
            "error: offer.consideration.security: give `principal_amount` with `interest_rate`",
        ),
        (
            "    block:\n      shares: 50\n      new_shares: 1\n",
            "    aggregate_liquidation_preference: 20_000_000\n",
            "error: offer.consideration.aggregate_liquidation_preference: notes have a principal amount, not a liquidation preference",
        ),
        (
            "    block:\n      shares: 50\n      new_shares: 1\n",
            "    designated_values: {share_sought: 1.70, new_share: 25.00, places: 4}\n",
            "error: offer.consideration.designated_values: notes are issued in whole principal amounts",
        ),
    ];
    for (from, to, message) in cases {
        let (_dir, terms) = scratch_terms(&edited(NOTES, from, to));
        secdraft()
            .args(["figures"])
            .arg(&terms)
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(message))
            .stderr(predicate::str::contains("terms.yaml:"));
    }
}

#[test]
fn a_rate_the_terms_state_prints_with_every_digit_given() {
    let text = edited(
        "data/calder-notes-exchange-commenced.yaml",
        "      interest_rate: 10.00%",
        "      interest_rate: 6.875%",
    );
    let (_dir, terms) = scratch_terms(&text);
    let set = render(&terms);
    let release = document(&set, "press-release.md");
    assert!(release.contains("6.875% Senior Notes due 2031"), "{release}");
    assert!(!release.contains("7% Senior Notes"), "{release}");
}

#[test]
fn a_maximum_that_earns_no_whole_new_share_is_refused() {
    let text =
        edited("data/harlow-exchange-whole-blocks.yaml", "  max_shares: 100_000_001", "  max_shares: 100");
    let line = text.lines().position(|l| l.starts_with("  max_shares:")).unwrap() + 1;
    refused(
        &text,
        &["100 shares at 2 for each 150 shares earn no whole new share", &format!("terms.yaml:{line}:")],
    );
}

#[test]
fn notes_that_have_matured_are_refused() {
    let text = edited(
        "data/calder-notes-exchange-commenced.yaml",
        "      maturity: 2031-01-15",
        "      maturity: 2023-01-01",
    );
    refused(
        &text,
        &[
            "offer.consideration.security.maturity",
            "the notes mature on January 1, 2023, not after the filing date",
        ],
    );
}

#[test]
fn odd_lots_are_not_promised_where_no_odd_lot_can_tender_a_whole_block() {
    // Blocks of 150: a holder of fewer than 100 Shares holds no whole block.
    let offer = document(&render("data/harlow-exchange-whole-blocks.yaml"), "offer-to-exchange.md");
    assert!(!offer.contains("Odd Lot Holder"), "the Offer promises an odd-lot priority no odd lot can use");
    assert!(offer.contains("[Open point: as the terms stand, a stockholder who holds fewer than 150 Shares cannot tender in the Offer;"));
    // Blocks of 50: a holder of 50 to 99 Shares may, so the priority stands.
    let offer = document(&render("data/calder-notes-exchange-commenced.yaml"), "offer-to-exchange.md");
    assert!(offer.contains("(an “**Odd Lot Holder**”)"));
    // Results cannot count odd lots accepted first in blocks of 100 or more (125 here).
    let text = edited(
        "data/meridian-exchange-results.yaml",
        "      aggregate_liquidation_preference: 18_750_000\n",
        "      aggregate_liquidation_preference: 12_000_000\n",
    );
    refused(
        &text,
        &[
            "results.odd_lots",
            "Shares are accepted only in blocks of 125: a holder of fewer than 100 Shares cannot tender a whole block",
        ],
    );
}

#[test]
fn a_block_of_one_share_reads_each_share_and_states_no_multiples() {
    let text = std::fs::read_to_string("data/linden-cash-and-stock-commenced.yaml")
        .unwrap()
        .replace(
            "    block:\n      shares: 100\n      new_shares: 1\n",
            "    block:\n      shares: 1\n      new_shares: 1\n",
        )
        .replace("    cash_per_share: 0.05\n", "");
    let (_dir, terms) = crate::common::scratch_terms(&text);
    let set = crate::common::render(&terms);
    let (release, offer) = (
        crate::common::document(&set, "press-release.md"),
        crate::common::document(&set, "offer-to-exchange.md"),
    );
    assert!(release.contains("with a liquidation preference of $25.00 per share, for each Share tendered, or up to 60,000,000 shares"), "{release}");
    assert!(offer.contains("For each Share properly tendered and accepted, you will receive one (1) share of Series D Preferred Stock"), "{offer}");
    assert!(
        offer.contains(
            "issuing one (1) share of Series D Preferred Stock for each Share, or up to 60,000,000 shares"
        ),
        "{offer}"
    );
    assert!(
        offer.contains(
            "***Fractional shares.*** No fractional shares of Series D Preferred Stock will be issued.\n"
        ),
        "{offer}"
    );
    for text in [&release, &offer] {
        assert!(!text.contains("each 1 Share"), "{text}");
        assert!(!text.contains("multiples of 1;") && !text.contains("multiple of 1 "), "{text}");
    }
}
