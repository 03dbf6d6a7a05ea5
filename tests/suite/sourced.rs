//! Statements of practice that vary between real offers come from a terms field, with the
//! default docs/terms.md states, or are notes to draft: the board's position, what becomes of
//! the shares acquired, the agents' compensation and indemnity, fees for soliciting, how new
//! securities are delivered, whether their dividends are cumulative, where the company posts
//! its filings, and Item 13.

use crate::common::{assert_prints, document, edited, refused_at, render, scratch_terms};

const EXCHANGE: &str = "data/meridian-exchange-commenced.yaml";
const AUCTION: &str = "data/northwind-dutch-auction-commenced.yaml";
const NOTES: &str = "data/halvorsen-notes-tender-commenced.yaml";
const SEED: &str = "data/ault-alliance-2023-12-13.yaml";

/// The set of `text` as terms.
fn set_of(text: &str) -> secdraft::pipeline::RenderedSet {
    let (_dir, path) = scratch_terms(text);
    render(&path)
}

#[test]
fn without_a_recommendation_the_documents_say_so_and_otherwise_leave_the_position_to_draft() {
    let note = "[The position of the Company and its board of directors on the Offer, and the reasons for it: to draft (`offer.recommendation`).]";
    let set = render(AUCTION);
    let offer = document(&set, "offer-to-purchase.md");
    assert_prints(
        &offer,
        "Neither the Company nor its board of directors makes any recommendation to stockholders",
    );
    assert!(!offer.contains(note));

    for (path, offer_file, statements) in [
        (AUCTION, "offer-to-purchase.md", 3),
        (NOTES, "offer-to-purchase.md", 3),
        (EXCHANGE, "offer-to-exchange.md", 3),
    ] {
        let set = set_of(&edited(path, "\noffer:\n", "\noffer:\n  recommendation: to_draft\n"));
        let offer = document(&set, offer_file);
        let release = document(&set, "press-release.md");
        assert_eq!(offer.matches(note).count(), statements, "{path}: {offer}");
        assert_prints(&release, note);
        for text in [&offer, &release] {
            assert!(!text.to_lowercase().contains("makes any recommendation"), "{path}: {text}");
        }
    }
}

#[test]
fn what_becomes_of_the_shares_acquired_is_the_terms_or_a_note() {
    let offer = document(&render(EXCHANGE), "offer-to-exchange.md");
    assert_prints(
        &offer,
        "Shares accepted for exchange in the Offer will [be cancelled and retired, or held in treasury (Item 1006(b) of Regulation M-A): to draft (`offer.acquired_shares`)].",
    );
    for (value, says) in [
        ("cancelled", "will be cancelled and will no longer be outstanding."),
        ("treasury", "will be held in treasury and will no longer be outstanding."),
    ] {
        let set = set_of(&edited(EXCHANGE, "\noffer:\n", &format!("\noffer:\n  acquired_shares: {value}\n")));
        assert_prints(
            &document(&set, "offer-to-exchange.md"),
            &format!("Shares accepted for exchange in the Offer {says}"),
        );
    }
    let set = set_of(&edited(NOTES, "\noffer:\n", "\noffer:\n  acquired_shares: cancelled\n"));
    assert_prints(&document(&set, "offer-to-purchase.md"), "Notes purchased in the Offer will be cancelled.");
    refused_at(
        &edited(NOTES, "\noffer:\n", "\noffer:\n  acquired_shares: treasury\n"),
        "acquired_shares: treasury",
        "notes are not held in treasury",
    );
}

#[test]
fn the_agents_are_paid_indemnified_and_reimbursed_as_the_terms_say() {
    // The dealer manager's terms are Item 1009(a)'s: a note until the terms give them.
    let offer = document(&render(AUCTION), "offer-to-purchase.md");
    assert_prints(
        &offer,
        "The Information Agent and the Depositary will each receive reasonable and customary compensation for their services. The Dealer Manager will receive [the terms of its compensation (Item 1009(a) of Regulation M-A): to draft (`agents.dealer_manager.compensation`)]. Each will be reimbursed for reasonable out-of-pocket expenses and will be indemnified against certain liabilities in connection with the Offer.",
    );
    let terms = edited(AUCTION, "    phone: (212) 555-0133\n", "    phone: (212) 555-0133\n    compensation: a fee of $350,000, payable when the Offer is completed\n")
        .replacen("\nagents:\n", "\nagents:\n  indemnified: false\n  reimburse_nominees: false\n", 1)
        .replacen("\noffer:\n", "\noffer:\n  soliciting_fee: The Company will pay soliciting dealers a fee of $0.05 for each Share purchased in the Offer.\n", 1);
    let offer = document(&set_of(&terms), "offer-to-purchase.md");
    assert_prints(
        &offer,
        "The Dealer Manager will receive a fee of $350,000, payable when the Offer is completed. Each will be reimbursed for reasonable out-of-pocket expenses in connection with the Offer. The Company will pay soliciting dealers a fee of $0.05 for each Share purchased in the Offer.",
    );
    assert!(!offer.contains("indemnified"), "{offer}");
    assert!(!offer.contains("mailing and handling"), "{offer}");
    assert!(!offer.contains("will not pay any fees or commissions"), "{offer}");
    // One agent with its own fee is stated alone.
    let exchange =
        edited(EXCHANGE, "  exchange_agent:\n", "  exchange_agent:\n    compensation: a fee of $25,000\n");
    assert_prints(
        &document(&set_of(&exchange), "offer-to-exchange.md"),
        "The Exchange Agent will receive a fee of $25,000.",
    );
}

#[test]
fn new_securities_are_delivered_and_pay_dividends_as_the_terms_say() {
    let offer = document(&render(EXCHANGE), "offer-to-exchange.md");
    assert_prints(&offer, "to them in book-entry form.");
    assert_prints(&offer, "Holders are entitled to cumulative cash dividends");
    let certificates =
        edited(EXCHANGE, "  consideration:\n", "  consideration:\n    delivery: certificates\n");
    assert_prints(&document(&set_of(&certificates), "offer-to-exchange.md"), "to them in certificated form.");

    // A title that does not say "Cumulative" leaves it to the terms, or to draft.
    let plain = edited(
        EXCHANGE,
        "Series D Cumulative Redeemable Perpetual Preferred Stock",
        "Series D Redeemable Perpetual Preferred Stock",
    );
    let offer = document(&set_of(&plain), "offer-to-exchange.md");
    assert_prints(
        &offer,
        "Holders are entitled to [cumulative or non-cumulative: to draft (`offer.consideration.security.cumulative`)] cash dividends",
    );
    let non_cumulative = plain.replacen(
        "      title: Series D Redeemable Perpetual Preferred Stock\n",
        "      title: Series D Redeemable Perpetual Preferred Stock\n      cumulative: false\n",
        1,
    );
    let offer = document(&set_of(&non_cumulative), "offer-to-exchange.md");
    assert_prints(&offer, "Holders are entitled to cash dividends, when, as and if declared");
    assert_prints(&offer, "| Non-cumulative at 13.00% per year of the liquidation preference |");
    assert_prints(&offer, "per share plus declared and unpaid dividends");
    refused_at(
        &edited(
            "data/calder-notes-exchange-commenced.yaml",
            "      title: Senior Notes due 2031\n",
            "      title: Senior Notes due 2031\n      cumulative: true\n",
        ),
        "cumulative: true",
        "notes pay interest, not dividends",
    );
}

#[test]
fn the_releases_point_to_an_investor_relations_site_only_when_the_terms_name_one() {
    let release = document(&render(SEED), "press-release.md");
    assert_prints(
        &release,
        "available under the Investor Relations section at www.Ault.com or at www.sec.gov.",
    );
    let without = edited(SEED, "  investor_relations: www.Ault.com\n", "");
    let release = document(&set_of(&without), "press-release.md");
    assert_prints(&release, "public filings and press releases available at www.sec.gov.");
    assert_prints(&release, "All filings are available at www.sec.gov.");
    assert!(!release.contains("Investor Relations"), "{release}");
}

#[test]
fn item_13_is_not_applicable_only_when_the_cover_says_the_offer_is_not_going_private() {
    let schedule = document(&render(EXCHANGE), "schedule-to.md");
    assert_prints(&schedule, "**Item 13. Information Required by Schedule 13E-3.**\n\nNot applicable.");
    let going_private = edited(
        EXCHANGE,
        "  cover_boxes: [issuer_tender_offer]\n",
        "  cover_boxes: [issuer_tender_offer, going_private_transaction]\n",
    );
    let schedule = document(&set_of(&going_private), "schedule-to.md");
    assert_prints(
        &schedule,
        "**Item 13. Information Required by Schedule 13E-3.**\n\n[The information Schedule 13E-3 requires of a going-private transaction under Rule 13e-3: to draft.]",
    );
}

#[test]
fn the_offer_tells_plan_participants_how_they_tender_only_when_the_terms_name_a_plan() {
    let offer = document(&render(AUCTION), "offer-to-purchase.md");
    assert_prints(
        &offer,
        "***Participants in the Northwind Industrial Corp. 401(k) Savings Plan.*** Shares held for participants in the plan are held of record by its trustee, Lakeshore Retirement Trust Company. A participant may not use the Letter of Transmittal to tender them",
    );
    assert_prints(&offer, "[The deadline by which the trustee must receive directions");
    let offer = document(&render(EXCHANGE), "offer-to-exchange.md");
    assert!(!offer.contains("***Participants in"), "{offer}");
}
