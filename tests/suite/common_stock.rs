//! The issuer's common stock as the new security, and a preferred class sought: golden text for
//! each sentence they print, the figures (value at the common stock's last sale price and its
//! premium) for any terms, and the errors of terms that misstate them, through the binary.

use std::path::Path;

use proptest::prelude::*;
use rust_decimal::Decimal;
use secdraft::filing::Filing;
use secdraft::terms::{self, BlockRatio, ClosingPrice, Count, Positive, Shares, Text};

use crate::common::{assert_prints, document, edited, refused, refused_at, render, scratch_terms, secdraft};

const SORREL: &str = "data/sorrel-preferred-for-common-commenced.yaml";

fn rendered_with(from: &str, to: &str) -> (String, String) {
    let (_dir, terms) = scratch_terms(&edited(SORREL, from, to));
    let set = render(&terms);
    (document(&set, "press-release.md"), document(&set, "offer-to-exchange.md"))
}

/// The Sorrel Creek terms with `from` replaced by `to` are refused with `message`, placed at
/// the line that holds `at`.
fn refuses(from: &str, to: &str, at: &str, message: &str) {
    refused_at(&edited(SORREL, from, to), at, message);
}

#[test]
fn common_stock_for_a_preferred_class_by_designated_values() {
    let set = render(SORREL);
    let (release, offer) = (document(&set, "press-release.md"), document(&set, "offer-to-exchange.md"));
    let derivation = "The exchange ratio of 6.59 is the designated value of $11.20 per Share divided by the designated value of $1.70 per share of Common Stock, rounded to two decimal places.";
    let value = "At $1.50 per share, the closing price of the Common Stock on the NYSE American on February 28, 2025, the Common Stock offered for each Share had a value of $9.885, an 18% increase over the last reported sale price of the Shares of $8.40 on February 28, 2025, on the NYSE American.";
    let waived = "By tendering Shares, a stockholder waives all dividends accrued and unpaid on the Shares accepted in the Offer, and no payment will be made for them. Shares not accepted and returned to the stockholder keep their right to accrued and unpaid dividends.";
    assert_prints(
        &release,
        &format!(
            "to exchange up to 2,000,000 shares of its 8.25% Series A Cumulative Preferred Stock (the “**Shares**”) for shares of its Common Stock (the “**Common Stock**”), at the rate of 6.59 shares of Common Stock for each Share tendered, or a maximum of 13,180,000 shares of Common Stock and cash in lieu of fractional shares. {derivation} {value} {waived}"
        ),
    );
    assert_prints(
        &offer,
        "**Offer to Exchange up to 2,000,000 Shares of its 8.25% Series A Cumulative Preferred Stock for Shares of its Common Stock**",
    );
    assert_prints(
        &offer,
        &format!(
            "constitute the “**Offer**.” {value} The number of shares of Common Stock offered for each Share is fixed and will not be adjusted for changes in the market price of the Common Stock or of the Shares; the market value of the Common Stock a tendering stockholder receives may be higher or lower than its value on the date the stockholder tenders."
        ),
    );
    assert_prints(
        &offer,
        "For each Share properly tendered and accepted, you will receive 6.59 shares of Common Stock: a value of $9.885 per Share at $1.50 per share of Common Stock, its closing price on February 28, 2025, an 18% increase over the last reported sale price of the Shares of $8.40 on February 28, 2025. The number of shares of Common Stock offered for each Share is fixed",
    );
    assert_prints(
        &offer,
        &format!("***What happens to the dividends accrued on my Shares?***\n\n{waived} See Section 1."),
    );
    assert_prints(&offer, &format!("***Accrued dividends.*** {waived}"));
    assert_prints(
        &offer,
        "issuing 6.59 shares of Common Stock for each Share, or a maximum of 13,180,000 shares of Common Stock and cash in lieu of fractional shares.",
    );
    assert_prints(
        &offer,
        "The consideration in the Offer consists of a maximum of 13,180,000 shares of Common Stock, to be issued by the Company in exchange for the Shares accepted, and cash paid in lieu of fractional shares. [The shares of Common Stock authorized and unissued, and any action needed to issue the 13,180,000 shares: to draft.]",
    );
    assert_prints(
        &offer,
        "- ***Dividends.*** Holders are entitled to dividends when, as and if declared by the board of directors out of funds legally available for the purpose, subject to the rights of holders of any preferred stock, including any Shares that remain outstanding. The Common Stock has no fixed dividend rate.",
    );
    assert_prints(
        &offer,
        "| Accrued and unpaid dividends | Waived by tendering stockholders on the Shares accepted in the Offer | None |",
    );
    assert_prints(
        &offer,
        "| Liquidation | [Liquidation preference per Share: to draft] | Share ratably in assets remaining after creditors and holders of preferred stock |",
    );
    // Common stock has no rate and no face amount: nothing may state one of it.
    for text in [&release, &offer] {
        for phrase in [
            "liquidation preference of $",
            "accrues dividends at",
            "annual dividend",
            "per year for each Share",
        ] {
            assert!(!text.contains(phrase), "`{phrase}` printed for common stock");
        }
    }
}

#[test]
fn accrued_dividends_paid_or_left_to_draft() {
    let (release, offer) = rendered_with("accrued_dividends: waived", "accrued_dividends: paid");
    let paid = "For each Share accepted, the Company will also pay in cash the dividends accrued and unpaid on it to, but not including, the date the Shares are accepted for exchange, without interest. [Amount of accrued and unpaid dividends per Share, and the date to which it is computed: to draft.]";
    assert_prints(&release, paid);
    assert_prints(&offer, &format!("***Accrued dividends.*** {paid}"));
    assert_prints(
        &offer,
        "| Accrued and unpaid dividends | Paid in cash on the Shares accepted in the Offer | None |",
    );

    let (release, offer) = rendered_with("  accrued_dividends: waived\n", "");
    let to_draft = "[Whether the dividends accrued and unpaid on the Shares accepted are paid or waived by tendering stockholders: to draft (`security.accrued_dividends`).]";
    assert_prints(&release, to_draft);
    assert_prints(
        &offer,
        &format!("***What happens to the dividends accrued on my Shares?***\n\n{to_draft} See Section 1."),
    );
}

#[test]
fn without_the_common_stock_price_no_value_or_premium_is_stated() {
    let (release, offer) = rendered_with(
        "      closing_price:\n        price: 1.50\n        date: 2025-02-28\n        market: NYSE American\n",
        "",
    );
    for text in [&release, &offer] {
        assert!(!text.contains("had a value of"), "a value printed without the common stock's price");
        assert!(!text.contains("increase over"), "a premium printed without the common stock's price");
    }
    assert_prints(
        &offer,
        "For each Share properly tendered and accepted, you will receive 6.59 shares of Common Stock. The number of shares of Common Stock offered for each Share is fixed",
    );
    let (_dir, terms) = scratch_terms(&edited(
        SORREL,
        "      closing_price:\n        price: 1.50\n        date: 2025-02-28\n        market: NYSE American\n",
        "",
    ));
    let f = Filing::figures_of(&terms::load(&terms).unwrap().terms).unwrap();
    assert!(f.get("effective_price").is_none() && f.get("premium").is_none());
}

#[test]
fn a_block_of_common_stock_for_each_share() {
    let (release, offer) = rendered_with(
        "    designated_values:\n      share_sought: 11.20\n      new_share: 1.70\n      places: 2\n    fractional_shares:\n      cash_in_lieu: 1.70\n",
        "    block:\n      shares: 1\n      new_shares: 5\n",
    );
    assert_prints(
        &release,
        "at the rate of five (5) shares of Common Stock for each Share tendered, or a maximum of 10,000,000 shares of Common Stock. At $1.50 per share, the closing price of the Common Stock on the NYSE American on February 28, 2025, the Common Stock offered for each Share had a value of $7.50, an 11% decrease from the last reported sale price of the Shares of $8.40",
    );
    assert_prints(
        &offer,
        "For each Share properly tendered and accepted, you will receive five (5) shares of Common Stock: a value of $7.50 per Share",
    );
    assert_prints(
        &offer,
        "***Fractional shares.*** Each Share earns a whole number of shares of Common Stock; no fractional shares will be issued.",
    );
    assert_prints(&offer, "on a pro rata basis, rounded down to whole Shares");
    assert!(!offer.contains("multiples of 1;"), "a block of one Share printed as a multiple");
}

#[test]
fn terms_that_misstate_common_stock_or_a_preferred_class_are_refused() {
    refuses(
        "      kind: common_stock\n",
        "      kind: common_stock\n      dividend_rate: 8.00%\n",
        "dividend_rate: 8.00%",
        "error: offer.consideration.security.dividend_rate: the new security is the Company's common stock (`kind: common_stock`), which has no `dividend_rate`",
    );
    refuses(
        "    designated_values:\n      share_sought: 11.20\n      new_share: 1.70\n      places: 2\n",
        "    aggregate_liquidation_preference: 20_000_000\n",
        "aggregate_liquidation_preference:",
        "error: offer.consideration.aggregate_liquidation_preference: common stock has no liquidation preference",
    );
    refuses(
        "  preferred: true\n",
        "",
        "accrued_dividends: waived",
        "error: security.accrued_dividends: only a preferred class accrues dividends",
    );
    refuses(
        "  preferred: true\n  accrued_dividends: waived\n",
        "",
        "kind: common_stock",
        "error: offer.consideration.security.kind: the Company's common stock is offered for a class of its preferred stock: mark the class sought `security.preferred: true`",
    );
    refuses(
        "        date: 2025-02-28\n        market: NYSE American\n    designated_values",
        "        date: 2025-03-04\n        market: NYSE American\n    designated_values",
        "date: 2025-03-04",
        "error: offer.consideration.security.closing_price.date: the common stock's last sale price is dated after the press release that quotes it (March 3, 2025)",
    );
    // A rate given where the new security is preferred stock still loads as before; a price
    // given for it is refused: preferred stock is valued at its liquidation preference.
    refused(
        &edited(
            "data/meridian-exchange-commenced.yaml",
            "      dividend_rate: 13.00%\n",
            "      dividend_rate: 13.00%\n      closing_price: {price: 1.00, date: 2023-12-29, market: NYSE American}\n",
        ),
        &[
            "error: offer.consideration.security.closing_price: only common stock offered in exchange is valued at its last sale price",
        ],
    );
}

#[test]
fn an_amendment_cannot_give_common_stock_a_rate() {
    let text = edited(SORREL, "form: SC TO-I\n", "form: SC TO-I/A\n  amendment: 1\n").replace(
        "investor_contact:",
        "amendments:\n  - number: 1\n    date: 2025-03-10\n    changes:\n      dividend_rate: 2.00%\n\ninvestor_contact:",
    );
    refused(
        &text,
        &[
            "error: amendments[0].changes.dividend_rate: the new security is the Company's common stock: an amendment changes its own terms, not `dividend_rate`",
        ],
    );
}

fn sorrel() -> terms::Terms {
    terms::load(Path::new(SORREL)).unwrap().terms
}

proptest! {
    #[test]
    fn common_stock_is_valued_at_its_price_times_the_ratio(
        shares in 1u64..500, new_shares in 1u64..500, price_cents in 1u64..100_000, closing_cents in 1u64..100_000,
    ) {
        let mut t = sorrel();
        let consideration = t.offer.consideration.as_mut().unwrap();
        consideration.designated_values = None;
        consideration.fractional_shares = None;
        consideration.block = Some(BlockRatio { shares: Shares(shares), new_shares: Shares(new_shares) });
        consideration.security.closing_price = Some(ClosingPrice {
            price: Positive(Decimal::new(price_cents as i64, 2)),
            date: t.security.closing_price.as_ref().unwrap().date,
            market: Text("NYSE American".into()),
        });
        t.offer.max_shares = Some(Shares(shares * 1_000));
        t.security.closing_price.as_mut().unwrap().price = Positive(Decimal::new(closing_cents as i64, 2));
        let f = Filing::figures_of(&t).unwrap();
        let value = f.value("effective_price").unwrap();
        // value x shares per block = price x new shares per block, to the last digit a decimal holds.
        let lhs = value * Decimal::from(shares);
        let rhs = Decimal::new(price_cents as i64, 2) * Decimal::from(new_shares);
        prop_assert!((lhs - rhs).abs() <= Decimal::new(1, 20), "{lhs} vs {rhs}");
        let premium = f.value("premium").unwrap();
        let expected = value / Decimal::new(closing_cents as i64, 2) - Decimal::ONE;
        prop_assert_eq!(premium, expected);
        prop_assert_eq!(f.value("max_new_shares").unwrap(), Decimal::from(new_shares * 1_000));
        for absent in ["annual_dividend", "dividend_yield", "total_premium", "aggregate_liquidation_preference", "max_new_liquidation_preference"] {
            prop_assert!(f.get(absent).is_none(), "{} computed for common stock", absent);
        }
    }
}

#[test]
fn a_cash_offer_for_a_preferred_class_states_its_accrued_dividends() {
    let text = edited(
        "data/northwind-dutch-auction-commenced.yaml",
        "\nsecurity:\n",
        "\nsecurity:\n  preferred: true\n  accrued_dividends: paid\n",
    );
    let (_dir, terms) = scratch_terms(&text);
    let offer = document(&render(&terms), "offer-to-purchase.md");
    let paid = "For each Share accepted, the Company will also pay in cash the dividends accrued and unpaid on it to, but not including, the date the Shares are accepted for payment, without interest. [Amount of accrued and unpaid dividends per Share, and the date to which it is computed: to draft.]";
    assert_prints(
        &offer,
        &format!("***What happens to the dividends accrued on my Shares?***\n\n{paid} See Section 1."),
    );
    assert_prints(&offer, &format!("***Accrued dividends.*** {paid}"));
    // A class not marked preferred says nothing of accrued dividends.
    let offer = document(&render("data/northwind-dutch-auction-commenced.yaml"), "offer-to-purchase.md");
    assert!(!offer.contains("accrued"), "accrued dividends stated for a class not marked preferred");
}

#[test]
fn a_designated_ratio_accepted_in_whole_blocks_states_the_open_point_and_promises_no_odd_lots() {
    let text = fs_text(SORREL).replace("    fractional_shares:\n      cash_in_lieu: 1.70\n", "");
    let (_dir, terms) = scratch_terms(&text);
    let offer = document(&render(&terms), "offer-to-exchange.md");
    assert!(offer.contains("Shares will be accepted only in multiples of 100"), "{offer}");
    assert!(offer.contains("[Open point: as the terms stand, a stockholder who holds fewer than 100 Shares cannot tender in the Offer;"), "{offer}");
    assert!(!offer.contains("Odd Lot Holder"), "{offer}");
}

#[test]
fn a_designated_ratio_of_one_is_one_share() {
    let text = fs_text(SORREL).replace("      share_sought: 11.20\n", "      share_sought: 1.70\n");
    let (_dir, terms) = scratch_terms(&text);
    let release = document(&render(&terms), "press-release.md");
    assert!(release.contains("at the rate of 1 share of Common Stock for each Share"), "{release}");
}

fn fs_text(path: &str) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn the_fee_exhibit_keeps_a_named_class_in_its_capitals() {
    let fees = document(&render(SORREL), "filing-fees.htm");
    assert!(fees.contains("8.25% Series A Cumulative Preferred Stock"), "{fees}");
    assert!(!fees.contains("series a cumulative preferred stock"), "{fees}");
}

const SORREL_RESULTS: &str = "data/sorrel-preferred-for-common-results.yaml";

/// The Sorrel Creek results with `from` replaced by `to`, through the library: the release and
/// the figures.
fn results_with(from: &str, to: &str) -> (String, secdraft::figures::Figures) {
    let (_dir, terms) = scratch_terms(&edited(SORREL_RESULTS, from, to));
    let release = document(&render(&terms), "press-release.md");
    (release, Filing::figures_of(&terms::load(&terms).unwrap().terms).unwrap())
}

#[test]
fn the_final_results_of_an_exchange_for_common_stock() {
    let set = render(SORREL_RESULTS);
    let results = "The Offer expired at one minute after 11:59 p.m., New York City time, on Monday, March 31, 2025. A total of 2,415,300 Shares were properly tendered and not properly withdrawn, including 36,200 Shares tendered by notice of guaranteed delivery. Because more Shares were properly tendered than the Company offered to exchange, the Company has accepted 2,000,000 Shares, accepting first, without proration, the 8,450 Shares tendered by odd-lot holders, and then the other Shares tendered on a pro rata basis with a final proration factor of approximately 83%. As a result of proration, 415,300 Shares, or approximately 17% of the Shares properly tendered, were not accepted. In exchange, the Company will issue no more than 13,180,000 shares of its Common Stock, and pay cash in lieu of fractional shares [number of shares of Common Stock issued and aggregate cash paid in lieu of fractional shares, from the exchange agent’s count of each holder’s Shares accepted: to draft], on or about April 4, 2025. Shares tendered and not accepted will be returned promptly. Following settlement, the Company expects that approximately 1,450,000 Shares will be outstanding, based on the 3,450,000 Shares outstanding as of February 28, 2025.";
    for name in ["press-release.md", "schedule-to.md"] {
        assert_prints(&document(&set, name), results);
    }
    assert_prints(
        &document(&set, "press-release.md"),
        "# Sorrel Creek Announces Final Results of Its Exchange Offer",
    );
    let f = Filing::figures_of(&terms::load(Path::new(SORREL_RESULTS)).unwrap().terms).unwrap();
    assert_eq!(f.value("shares_accepted"), Some(Decimal::from(2_000_000)));
    assert_eq!(f.value("new_shares_issued"), Some(Decimal::from(13_180_000)));
    assert_eq!(f.value("shares_outstanding_after"), Some(Decimal::from(1_450_000)));
    // The cash paid for fractions is each holder's: no aggregate is stated or computed.
    assert!(f.get("aggregate_paid").is_none());
}

#[test]
fn shares_accepted_in_whole_shares_earn_whole_shares_of_common_stock_with_cash_for_fractions() {
    let (release, f) = results_with(
        "  tendered: 2_415_300\n  guaranteed_delivery: 36_200\n  odd_lots: 8_450\n",
        "  tendered: 1_234_567\n",
    );
    // Every Share is accepted, not only whole blocks of 100: 1,234,567 x 6.59 = 8,135,796.53.
    assert_eq!(f.value("shares_accepted"), Some(Decimal::from(1_234_567)));
    assert_eq!(f.value("new_shares_issued"), Some(Decimal::from(8_135_796)));
    assert_prints(
        &release,
        "The Company has accepted all 1,234,567 Shares properly tendered and not properly withdrawn. In exchange, the Company will issue no more than 8,135,796 shares of its Common Stock, and pay cash in lieu of fractional shares [number of shares of Common Stock issued and aggregate cash paid in lieu of fractional shares, from the exchange agent’s count of each holder’s Shares accepted: to draft], on or about April 4, 2025. Following settlement, the Company expects that approximately 2,215,433 Shares will be outstanding, based on the 3,450,000 Shares outstanding as of February 28, 2025.",
    );
    assert!(!release.contains("in cash ("), "an aggregate cash amount stated for fractions:\n{release}");
}

#[test]
fn a_block_of_common_stock_at_results_is_issued_exactly() {
    let (release, f) = results_with(
        "    designated_values:\n      share_sought: 11.20\n      new_share: 1.70\n      places: 2\n    fractional_shares:\n      cash_in_lieu: 1.70\n",
        "    block:\n      shares: 1\n      new_shares: 5\n",
    );
    assert_eq!(f.value("new_shares_issued"), Some(Decimal::from(10_000_000)));
    assert_prints(
        &release,
        "In exchange, the Company will issue 10,000,000 shares of its Common Stock, on or about April 4, 2025.",
    );
}

#[test]
fn preliminary_and_terminated_results_of_an_exchange_for_common_stock() {
    let preliminary = edited(
        SORREL_RESULTS,
        "  cover_boxes: [issuer_tender_offer, final_amendment]\n",
        "  cover_boxes: [issuer_tender_offer]\n",
    )
    .replace("  settlement_date: 2025-04-04\n", "  preliminary: true\n");
    let (_dir, terms) = scratch_terms(&preliminary);
    assert_prints(
        &document(&render(&terms), "press-release.md"),
        "In exchange, the Company expects to issue no more than 13,180,000 shares of its Common Stock, and pay cash in lieu of fractional shares [number of shares of Common Stock issued and aggregate cash paid in lieu of fractional shares, from the exchange agent’s count of each holder’s Shares accepted: to draft], promptly after the final results are determined.",
    );

    let (release, f) = results_with(
        "  settlement_date: 2025-04-04\n",
        "  terminated:\n    reason: condition_failed\n    condition: 2\n",
    );
    assert_prints(
        &release,
        "No Shares have been accepted for exchange, no shares of Common Stock will be issued, and all Shares tendered will be returned promptly to the tendering holders.",
    );
    assert!(f.get("new_shares_issued").is_none());
}

proptest! {
    #[test]
    fn common_stock_issued_with_cash_in_lieu_is_the_whole_shares_the_shares_accepted_earn(
        tendered in 1u64..2_000_000,
    ) {
        let mut t = terms::load(Path::new(SORREL_RESULTS)).unwrap().terms;
        let r = t.results.as_mut().unwrap();
        r.tendered = Count(tendered);
        r.guaranteed_delivery = terms::Count(0);
        r.odd_lots = terms::Count(0);
        let f = Filing::figures_of(&t).unwrap();
        prop_assert_eq!(f.value("shares_accepted"), Some(Decimal::from(tendered)));
        let issued = f.value("new_shares_issued").unwrap();
        // issued <= tendered x 6.59 < issued + 1
        let earned = Decimal::from(tendered) * Decimal::new(659, 2);
        prop_assert!(issued <= earned && earned < issued + Decimal::ONE, "{} for {}", issued, earned);
    }
}

/// The Sorrel Creek offer as Amendment No. 1 of March 14, 2025, making `changes` (YAML under
/// `changes:`, indented six spaces).
fn sorrel_amended(changes: &str) -> String {
    edited(SORREL, "  form: SC TO-I\n", "  form: SC TO-I/A\n  amendment: 1\n")
        .replacen("  date: 2025-03-03\n", "  date: 2025-03-14\n", 1)
        .replace(
            "\ninvestor_contact:",
            &format!("\namendments:\n  - number: 1\n    date: 2025-03-14\n    changes:\n{changes}\n\ninvestor_contact:"),
        )
}

fn common_price(price: &str, date: &str) -> String {
    format!(
        "      common_stock_closing_price:\n        price: {price}\n        date: {date}\n        market: NYSE American"
    )
}

#[test]
fn an_amendment_re_measures_the_common_stock_s_closing_price() {
    let text =
        sorrel_amended(&format!("{}\n      expiration: 2025-04-14", common_price("1.62", "2025-03-13")));
    let (dir, terms) = scratch_terms(&text);
    let out = dir.path().join("out");
    secdraft().arg("render").arg(&terms).arg("--out").arg(&out).assert().success();
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    let (release, schedule) = (read("press-release.md"), read("schedule-to.md"));
    // 6.59 x $1.62 = $10.6758; $10.6758 / $8.40 - 1 = 27%.
    for (what, before, after) in [
        (
            "Closing price of the Common Stock offered",
            "$1.50 on February 28, 2025",
            "$1.62 on March 13, 2025",
        ),
        ("Value of the Common Stock offered for each Share", "$9.885", "$10.6758"),
        ("Premium over the closing price", "18%", "27%"),
    ] {
        assert_prints(&release, &format!("- {what}: {after} (previously {before})"));
        assert_prints(&schedule, &format!("| {what} | {before} | {after} |"));
    }
    // The figures are computed at the new price, which they name as their input.
    let json = secdraft().arg("figures").arg(&terms).arg("--format").arg("json").assert().success();
    let figures: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    let figure = |name: &str| {
        figures["figures"].as_array().unwrap().iter().find(|f| f["name"] == name).unwrap().clone()
    };
    let value = |name: &str| Decimal::from_str_exact(figure(name)["value"].as_str().unwrap()).unwrap();
    assert_eq!(value("effective_price"), Decimal::new(162, 2) * Decimal::new(659, 2));
    assert_eq!(value("premium"), value("effective_price") / Decimal::new(840, 2) - Decimal::ONE);
    let inputs = figure("effective_price")["inputs"].to_string();
    assert!(inputs.contains("amendments[0].changes.common_stock_closing_price.price"), "{inputs}");
}

#[test]
fn a_re_measured_common_stock_price_is_refused_where_it_cannot_be() {
    // Dated after the amendment, or before the price it replaces.
    refused_at(
        &sorrel_amended(&format!("{}\n      expiration: 2025-04-14", common_price("1.62", "2025-03-17"))),
        "date: 2025-03-17",
        "error: amendments[0].changes.common_stock_closing_price.date: the closing price is dated March 17, 2025, after Amendment No. 1 of March 14, 2025",
    );
    refused_at(
        &sorrel_amended(&format!("{}\n      expiration: 2025-04-14", common_price("1.62", "2025-02-27"))),
        "date: 2025-02-27",
        "error: amendments[0].changes.common_stock_closing_price.date: a re-measured closing price is dated after the one it replaces (February 28, 2025), not before",
    );
    // The price already in force is no change.
    refused_at(
        &sorrel_amended(
            "      common_stock_closing_price: {price: 1.50, date: 2025-02-28, market: NYSE American}\n      expiration: 2025-04-14",
        ),
        "common_stock_closing_price:",
        "error: amendments[0].changes.common_stock_closing_price: Amendment No. 1 sets `common_stock_closing_price` to the value already in force",
    );
    // A price alone changes no term of the offer.
    refused_at(
        &sorrel_amended(
            "      common_stock_closing_price: {price: 1.62, date: 2025-03-13, market: NYSE American}",
        ),
        "common_stock_closing_price:",
        "error: amendments[0].changes.common_stock_closing_price: re-measuring the closing price of the common stock offered changes no term of the offer",
    );
    // Preferred stock is valued at its liquidation preference, not at a price.
    let meridian = edited(
        "data/meridian-exchange-amended.yaml",
        "      expiration: 2024-02-13\n",
        "      expiration: 2024-02-13\n      common_stock_closing_price: {price: 1.00, date: 2024-01-19, market: NYSE American}\n",
    );
    refused_at(
        &meridian,
        "common_stock_closing_price:",
        "error: amendments[0].changes.common_stock_closing_price: the new security is preferred stock: an amendment changes its own terms, not `common_stock_closing_price`",
    );
}
