//! Rules the commenced Offer states as the law has them: the all-holders rule and the
//! exception it permits, short tendering, purchases outside the offer, and a Dutch auction's
//! order of priority, each as golden text for the kinds of offer it differs by.

use crate::common::{assert_prints, document, edited, render, scratch_terms};

const EXCHANGE: &str = "data/meridian-exchange-commenced.yaml";
const AUCTION: &str = "data/northwind-dutch-auction-commenced.yaml";
const NOTES: &str = "data/halvorsen-notes-tender-commenced.yaml";

/// A third party's cash tender offer: the Purchaser's, not the Company's.
const THIRD_PARTY: &str = "data/kestrel-third-party-commenced.yaml";

#[test]
fn the_offer_is_made_to_all_holders_with_only_the_exception_the_rules_permit() {
    let offer = document(&render(EXCHANGE), "offer-to-exchange.md");
    assert_prints(
        &offer,
        "The Offer is being made to all holders of Shares. If the Company becomes aware of any U.S. state in which the making of the Offer or the acceptance of Shares in it is prohibited by administrative or judicial action pursuant to a state statute, the Company will make a good faith effort to comply with that statute; if, after that effort, the Company cannot comply, the Offer will not be made to, nor will tenders be accepted from or on behalf of, holders of Shares residing in that state, as Rule 13e-4(f)(9)(ii) under the Exchange Act permits.",
    );
    assert!(!offer.contains("in any jurisdiction in which"), "{offer}");
    let offer = document(&render(THIRD_PARTY), "offer-to-purchase.md");
    assert_prints(
        &offer,
        "holders of Shares residing in that state, as Rule 14d-10(b)(2) under the Exchange Act permits.",
    );
}

#[test]
fn purchases_outside_the_offer_are_barred_as_each_rule_bars_them() {
    // An issuer's exchange offer: the Shares and the security offered, ten business days after.
    let offer = document(&render(EXCHANGE), "offer-to-exchange.md");
    assert_prints(
        &offer,
        "Under Rule 13e-4(f)(6) under the Exchange Act, neither the Company nor any of its affiliates may purchase any Shares or any Series D Preferred Stock (the security offered in exchange), or any right to purchase them, other than in the Offer, until at least 10 business days after the date of the expiration or termination of the Offer.",
    );
    // A cash offer has no security offered.
    let offer = document(&render(AUCTION), "offer-to-purchase.md");
    assert_prints(
        &offer,
        "may purchase any Shares, or any right to purchase them, other than in the Offer, until at least 10 business days",
    );
    // A third party: Rule 14e-5, from the announcement to the expiration.
    let offer = document(&render(THIRD_PARTY), "offer-to-purchase.md");
    assert_prints(
        &offer,
        "Under Rule 14e-5 under the Exchange Act, neither the Purchaser nor any other covered person (including its affiliates, any dealer-manager of the Offer and any person acting in concert with it) may, directly or indirectly, purchase or arrange to purchase any Shares, or any securities immediately convertible into, exchangeable for or exercisable for Shares, other than in the Offer, from the time the Offer is publicly announced until it expires, including any extension.",
    );
    assert!(!offer.contains("13e-4(f)(6)"), "{offer}");
}

#[test]
fn a_tender_represents_a_net_long_position_under_rule_14e_4() {
    let offer = document(&render(AUCTION), "offer-to-purchase.md");
    assert_prints(
        &offer,
        "***Short tendering.*** Rule 14e-4 under the Exchange Act makes it unlawful for a person, acting alone or with others, to tender Shares for its own account in a partial tender offer unless, when it tenders and at the end of the proration period (including any extension), it has a net long position in (a) Shares at least equal to the number tendered and will deliver them for the purpose of tender within the period the Offer allows, or (b) securities immediately convertible into, exchangeable for or exercisable for Shares at least equal to the number tendered, and will acquire the Shares by conversion, exchange or exercise and deliver them for the purpose of tender within that period. A similar restriction applies to a person who tenders, or guarantees a tender, on behalf of another.",
    );
    assert_prints(
        &offer,
        "is the tendering stockholder’s representation and warranty that it has a net long position in the Shares tendered within the meaning of Rule 14e-4",
    );
    // Notes: for less than all of them, the rule applies; for any and all, there is no proration
    // and the Offer says nothing of it.
    let notes = document(&render(NOTES), "offer-to-purchase.md");
    assert_prints(
        &notes,
        "***Short tendering.*** Because the Offer is for less than all of the Notes, Rule 14e-4",
    );
    let all = edited(NOTES, "  max_principal: 100_000_000\n", "  any_and_all: true\n");
    let (_dir, path) = scratch_terms(&all);
    assert!(!document(&render(&path), "offer-to-purchase.md").contains("Rule 14e-4"));
}

#[test]
fn each_tier_of_a_dutch_auction_is_at_or_below_the_purchase_price() {
    let offer = document(&render(AUCTION), "offer-to-purchase.md");
    assert_prints(
        &offer,
        "- first, all Shares properly tendered at or below the Purchase Price by Odd Lot Holders who tender all of their Shares at or below the Purchase Price, without proration;\n- second, Shares properly tendered at or below the Purchase Price by all other stockholders,",
    );
    assert_prints(
        &offer,
        "- then, to the extent feasible, Shares conditionally tendered at or below the Purchase Price whose condition was not initially satisfied",
    );
    let fixed = document(&render(EXCHANGE), "offer-to-exchange.md");
    assert!(!fixed.contains("at or below the Purchase Price"), "{fixed}");
}

#[test]
fn a_material_change_is_disseminated_under_the_rules_and_extended_as_the_sec_interprets_them() {
    let offer = document(&render(EXCHANGE), "offer-to-exchange.md");
    assert_prints(
        &offer,
        "it will disseminate the change as Rules 13e-4(d)(2) and 13e-4(e)(3) under the Exchange Act require, and extend the Offer to the extent the SEC’s interpretations of those rules require (generally, for at least five business days after a material change other than in the consideration or the number of Shares sought).",
    );
    let offer = document(&render(THIRD_PARTY), "offer-to-purchase.md");
    assert_prints(
        &offer,
        "it will disseminate the change as Rules 14d-4(d) and 14d-6(c) under the Exchange Act require, and extend the Offer",
    );
}

#[test]
fn the_schedule_to_opens_with_how_many_of_what_are_sought_for_what() {
    let schedule = document(&render(EXCHANGE), "schedule-to.md");
    assert_prints(
        &schedule,
        "relates to the offer by Meridian Ridge Holdings, Inc., a Delaware corporation (the “**Company**”), to exchange up to 60,000,000 shares of its common stock (the “**Shares**”) for up to $15,000,000 aggregate liquidation preference of its 13.00% Series D Cumulative Redeemable Perpetual Preferred Stock, upon the terms",
    );
    let schedule = document(&render(AUCTION), "schedule-to.md");
    assert_prints(
        &schedule,
        "to purchase up to 5,000,000 shares of its common stock (the “**Shares**”) for a price per share in cash of not less than $20.00 and not more than $22.00, upon the terms",
    );
    let schedule = document(&render(NOTES), "schedule-to.md");
    assert_prints(
        &schedule,
        "(the “**Notes**”) at a price of $1,020.00 per $1,000 principal amount of Notes purchased, upon the terms",
    );
}
