//! An offer for several classes (`offer.other_classes`): golden text of the announcement and
//! of the commencement release and Schedule TO for each class, each class's figures traced to
//! its own fields and printed places, the figures of a class equal to those of an offer for
//! that class alone, and the errors of terms that misstate a class, through the binary.

use proptest::prelude::*;
use rust_decimal::Decimal;
use secdraft::filing::Filing;
use secdraft::terms::{self, DesignatedValues, Positive, Shares};

use crate::common::{assert_prints, document, edited, refused_at, render, secdraft};

const TWO_SERIES: &str = "data/sorrel-two-series-intent.yaml";

#[test]
fn the_announcement_states_each_class_with_its_own_terms_and_figures() {
    let set = render(TWO_SERIES);
    let release = document(&set, "press-release.md");
    assert_prints(
        &release,
        "# Sorrel Creek Announces Its Intention to Commence an Exchange Offer of Common Stock for Its 8.25% Series A Cumulative Preferred Stock and 9.00% Series B Cumulative Preferred Stock",
    );
    assert_prints(
        &release,
        "today announced its intent to initiate an exchange offer (the “**Offer**”) to accept for cancellation shares of each series of its preferred stock listed below, up to the maximum stated for that series, in exchange for shares of its Common Stock (the “**Common Stock**”) at the exchange ratio stated below for that series:",
    );
    assert_prints(
        &release,
        "- **8.25% Series A Cumulative Preferred Stock** (CUSIP 83586P201): up to 2,000,000 shares, approximately 58.0% of the 3,450,000 shares outstanding as of February 13, 2025, in exchange for 6.59 shares of Common Stock for each share tendered, or a maximum of 13,180,000 shares of Common Stock and cash in lieu of fractional shares. The exchange ratio of 6.59 is the designated value of $11.20 per share of 8.25% Series A Cumulative Preferred Stock divided by the designated value of $1.70 per share of Common Stock, rounded to two decimal places. At $1.50 per share, the closing price of the Common Stock on the NYSE American on February 13, 2025, the Common Stock offered for each share of 8.25% Series A Cumulative Preferred Stock had a value of $9.885, an 18% increase over the last reported sale price of the 8.25% Series A Cumulative Preferred Stock of $8.40 on February 13, 2025, on the NYSE American. Tendering holders waive all dividends accrued and unpaid on the shares of 8.25% Series A Cumulative Preferred Stock accepted in the Offer.\n",
    );
    assert_prints(
        &release,
        "- **9.00% Series B Cumulative Preferred Stock** (CUSIP 83586P300): up to 1,200,000 shares, approximately 66.7% of the 1,800,000 shares outstanding as of February 13, 2025, in exchange for 7.53 shares of Common Stock for each share tendered, or a maximum of 9,036,000 shares of Common Stock and cash in lieu of fractional shares. The exchange ratio of 7.53 is the designated value of $12.80 per share of 9.00% Series B Cumulative Preferred Stock divided by the designated value of $1.70 per share of Common Stock, rounded to two decimal places. At $1.50 per share, the closing price of the Common Stock on the NYSE American on February 13, 2025, the Common Stock offered for each share of 9.00% Series B Cumulative Preferred Stock had a value of $11.295, a 24% increase over the last reported sale price of the 9.00% Series B Cumulative Preferred Stock of $9.10 on February 13, 2025, on the NYSE American. Tendering holders waive all dividends accrued and unpaid on the shares of 9.00% Series B Cumulative Preferred Stock accepted in the Offer. The Offer for the 9.00% Series B Cumulative Preferred Stock is subject to the condition that at least 25% of the outstanding shares of 9.00% Series B Cumulative Preferred Stock (450,000 shares of 9.00% Series B Cumulative Preferred Stock, based on the 1,800,000 shares of 9.00% Series B Cumulative Preferred Stock outstanding as of February 13, 2025) be properly tendered and not properly withdrawn.",
    );
    // Whether one series' offer depends on another's is no term: counsel's to draft.
    assert_prints(
        &release,
        "\n\n[Whether the Offer for each series is conditioned on the Offer for any other series: to draft.]\n\n",
    );
    // The minimum is Series B's alone: the Offer's own conditions say nothing of one.
    assert_prints(&release, "The Offer is subject to customary conditions. Details regarding the Offer");
    assert_prints(
        &release,
        "Any solicitation of offers to exchange 8.25% Series A Cumulative Preferred Stock or 9.00% Series B Cumulative Preferred Stock for the Common Stock will only be made",
    );

    let statement = document(&set, "schedule-to.md");
    assert_prints(
        &statement,
        "**8.25% Series A Cumulative Preferred Stock**\\\n**9.00% Series B Cumulative Preferred Stock**\\\n(Title of Class of Securities)",
    );
    assert_prints(&statement, "**83586P201**\\\n**83586P300**\\\n(CUSIP Number of Class of Securities)");
    assert_prints(
        &statement,
        "by Sorrel Creek Energy, Inc. (the “**Company**”) to exchange up to 2,000,000 shares of its 8.25% Series A Cumulative Preferred Stock and up to 1,200,000 shares of its 9.00% Series B Cumulative Preferred Stock for shares of its Common Stock at the exchange ratio stated for each class in the press release filed as Exhibit 99.1.",
    );
}

#[test]
fn each_class_figure_reads_its_own_fields_and_is_printed_as_its_own() {
    let out = secdraft().args(["figures", TWO_SERIES, "--format", "json"]).assert().success();
    let sheet: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let figures = sheet["figures"].as_array().unwrap();
    let series_b = "9.00% Series B Cumulative Preferred Stock";
    let find = |name: &str, class: Option<&str>| {
        figures
            .iter()
            .find(|f| f["name"] == name && f["class"].as_str() == class)
            .unwrap_or_else(|| panic!("no {name} for {class:?}"))
    };
    // Every figure names its class, the first class's too.
    let first = find("premium", Some("8.25% Series A Cumulative Preferred Stock"));
    assert_eq!(first["display"], "18%");
    assert!(figures.iter().all(|f| f["class"].is_string()));
    let ratio = find("designated_ratio", Some(series_b));
    assert_eq!(ratio["display"], "7.53");
    let paths: Vec<&str> =
        ratio["inputs"].as_array().unwrap().iter().map(|i| i["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "offer.other_classes[0].designated_values.share_sought",
            "offer.other_classes[0].designated_values.new_share",
            "offer.other_classes[0].designated_values.places"
        ]
    );
    // Each input is placed at its line in the file.
    let text = std::fs::read_to_string(TWO_SERIES).unwrap();
    let line = text.lines().position(|l| l.contains("share_sought: 12.80")).unwrap() + 1;
    assert_eq!(ratio["inputs"][0]["at"], format!("{TWO_SERIES}:{line}"));
    let minimum = find("minimum_shares", Some(series_b));
    assert_eq!(minimum["display"], "450,000");
    // Series A prints its premium on the line of its bullet, Series B on the next.
    let printed = |f: &serde_json::Value| f["printed_at"][0]["line"].as_u64().unwrap();
    assert_eq!(printed(find("premium", Some(series_b))), printed(first) + 1);
    assert!(!figures.iter().any(|f| f["name"] == "minimum_shares" && f["class"] == first["class"]));
    // The text sheet names the class of each figure that is not the first's.
    secdraft()
        .args(["figures", TWO_SERIES])
        .assert()
        .success()
        .stdout(predicates::str::contains(format!("Premium over the closing price ({series_b}): 24%")));
}

#[test]
fn a_rendered_set_for_several_classes_checks_clean_but_for_its_note_to_draft() {
    secdraft().args(["check", TWO_SERIES, "--mode", "draft"]).assert().success();
    // Filed as it stands, the note on whether one series' offer depends on another's is an error.
    secdraft()
        .args(["check", TWO_SERIES])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("press-release.md:9:1: error[placeholder]"))
        .stdout(predicates::str::contains("2 errors, 0 warnings in 4 files"));
}

fn designated(share_sought: i64, new_share: i64, places: u32) -> DesignatedValues {
    DesignatedValues {
        share_sought: Positive(Decimal::new(share_sought, 2)),
        new_share: Positive(Decimal::new(new_share, 2)),
        places: serde_json::from_value(serde_json::json!(places)).unwrap(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A class sought beside another has the figures of an offer for that class alone: no
    /// figure of one class leaks into another's.
    #[test]
    fn a_class_has_the_figures_of_an_offer_for_it_alone(
        max in 1_000u64..1_800_000,
        min in proptest::option::of(1u64..1_000),
        share_sought in 500i64..5_000,
        new_share in 100i64..400,
        places in 0u32..4,
        closing in 100i64..2_000,
    ) {
        let loaded = terms::load(std::path::Path::new(TWO_SERIES)).unwrap();
        let mut several = loaded.terms.clone();
        let class = &mut several.offer.other_classes[0];
        class.max_shares = Shares(max);
        class.min_shares = min.map(Shares);
        class.min_percent = None;
        class.designated_values = Some(designated(share_sought, new_share, places));
        class.security.closing_price.as_mut().unwrap().price = Positive(Decimal::new(closing, 2));
        let alone = several.class_view(0).unwrap();
        let mut loaded_several = loaded.clone();
        loaded_several.terms = several;
        let (filing, single) = match (Filing::build(loaded_several), Filing::figures_of(&alone)) {
            (Ok(filing), Ok(single)) => (filing, single),
            // A ratio that rounds to no new share is refused either way.
            (Err(_), Err(_)) => return Ok(()),
            (several, alone) => panic!("one computes and the other not: {:?} / {:?}", several.err(), alone.err()),
        };
        let class = &filing.classes[0].figures;
        prop_assert_eq!(class.all().len(), single.all().len());
        for (a, b) in class.all().iter().zip(single.all()) {
            prop_assert_eq!((a.id, a.value, a.display()), (b.id, b.value, b.display()));
        }
        // The first class's figures are those of the file without the other class.
        let mut first_alone = loaded.terms.clone();
        first_alone.offer.other_classes.clear();
        let first = Filing::figures_of(&first_alone).unwrap();
        prop_assert_eq!(filing.figures.all(), first.all());
    }
}

const CLASS_B: &str = "      max_shares: 1_200_000";

#[test]
fn a_class_seeking_more_than_it_has_outstanding_is_refused_at_its_own_field() {
    refused_at(
        &edited(TWO_SERIES, CLASS_B, "      max_shares: 1_900_000"),
        "max_shares: 1_900_000",
        "the offer seeks 1,900,000 shares, more than the 1,800,000 outstanding (`offer.other_classes[0].security.shares_outstanding`)",
    );
}

#[test]
fn a_class_listed_twice_is_refused() {
    refused_at(
        &edited(
            TWO_SERIES,
            "title: 9.00% Series B Cumulative Preferred Stock",
            "title: 8.25% SERIES A CUMULATIVE PREFERRED STOCK",
        ),
        "8.25% SERIES A",
        "this class is already sought at `security`: each class is listed once",
    );
}

#[test]
fn a_class_without_a_ratio_is_refused() {
    let text = edited(
        TWO_SERIES,
        "      designated_values:\n        share_sought: 12.80\n        new_share: 1.70\n        places: 2\n",
        "",
    );
    refused_at(
        &text,
        "    - security:",
        "give the consideration as `aggregate_liquidation_preference`, as a `block` ratio, or as `designated_values`",
    );
}

#[test]
fn a_figure_a_class_cannot_compute_is_placed_at_the_class() {
    // 0.001 / 1.70 rounds to no new share at one place.
    refused_at(
        &edited(
            TWO_SERIES,
            "share_sought: 12.80\n        new_share: 1.70\n        places: 2",
            "share_sought: 0.001\n        new_share: 1.70\n        places: 1",
        ),
        "places: 1",
        "offer.other_classes[0].designated_values.places: $0.001 / $1.70 rounded to 1 places is zero new shares",
    );
}

/// The two-series terms with preferred stock as the new security: 10.00% Series C, one share
/// for each 4 Series A shares and for each 3 Series B shares.
fn for_preferred_stock() -> String {
    let text = edited(
        TWO_SERIES,
        "      kind: common_stock\n      title: Common Stock\n      short_name: Common Stock\n",
        "      title: Series C Cumulative Preferred Stock\n      short_name: Series C Preferred Stock\n      dividend_rate: 10.00%\n      liquidation_preference: 25.00\n",
    );
    let text = text.replacen("        price: 1.50\n", "", 1).replacen(
        "      voting: One vote per share on all matters submitted to a vote of stockholders.\n      listing: The Common Stock is listed on the NYSE American under the symbol “SCEN.”\n      closing_price:\n        date: 2025-02-13\n        market: NYSE American\n",
        "",
        1,
    );
    let text = text.replacen(
        "    designated_values:\n      share_sought: 11.20\n      new_share: 1.70\n      places: 2\n    fractional_shares:\n      cash_in_lieu: 1.70",
        "    block:\n      shares: 4\n      new_shares: 1",
        1,
    );
    text.replacen(
        "      designated_values:\n        share_sought: 12.80\n        new_share: 1.70\n        places: 2\n      fractional_shares:\n        cash_in_lieu: 1.70",
        "      block:\n        shares: 3\n        new_shares: 1",
        1,
    )
}

#[test]
fn preferred_stock_for_several_classes_states_its_rate_preference_and_each_class_s_dividend() {
    let (_dir, terms) = crate::common::scratch_terms(&for_preferred_stock());
    let release = document(&render(&terms), "press-release.md");
    assert_prints(
        &release,
        "an Exchange Offer of 10% Series C Preferred Stock for Its 8.25% Series A Cumulative Preferred Stock and 9.00% Series B Cumulative Preferred Stock",
    );
    assert_prints(
        &release,
        "in exchange for shares of its 10% Series C Cumulative Preferred Stock (the “**Series C Preferred Stock**”), with a liquidation preference of $25.00 per share, at the exchange ratio stated below for that series:",
    );
    assert_prints(
        &release,
        "in exchange for one (1) share of Series C Preferred Stock for each 3 shares tendered, or a maximum of 400,000 shares of Series C Preferred Stock with an aggregate liquidation preference of $10,000,000. The exchange ratio represents an effective price of approximately $8.3333 per share, an 8% decrease from the last reported sale price of the 9.00% Series B Cumulative Preferred Stock of $9.10 on February 13, 2025, on the NYSE American, and an annual dividend of approximately $0.8333 for each share exchanged, or 9% of that last reported sale price.",
    );
    // Series A's premium is its own, measured from its own closing price.
    assert_prints(
        &release,
        "an effective price of $6.25 per share, a 26% decrease from the last reported sale price of the 8.25% Series A Cumulative Preferred Stock of $8.40",
    );
}

#[test]
fn a_class_that_is_not_preferred_stock_is_told_at_its_own_field() {
    refused_at(
        &edited(
            TWO_SERIES,
            "        preferred: true\n        accrued_dividends: waived\n        closing_price:\n          price: 9.10",
            "        preferred: false\n        closing_price:\n          price: 9.10",
        ),
        "preferred: false",
        "mark this class `offer.other_classes[0].security.preferred: true`",
    );
}

const TWO_SERIES_CASH: &str = "data/sorrel-two-series-cash-intent.yaml";

#[test]
fn a_cash_offer_for_several_classes_prices_each_on_its_own() {
    let set = render(TWO_SERIES_CASH);
    let release = document(&set, "press-release.md");
    assert_prints(
        &release,
        "today announced its intent to commence a tender offer (the “**Offer**”) to purchase shares of each series of its preferred stock listed below, up to the maximum stated for that series, at the price per share stated for that series, net to the seller in cash, less any applicable withholding taxes and without interest:",
    );
    assert_prints(
        &release,
        "- **9.00% Series B Cumulative Preferred Stock** (CUSIP 83586P300): up to 1,200,000 shares, approximately 66.7% of the 1,800,000 shares outstanding as of February 13, 2025, at $10.00 per share, for an aggregate purchase price of up to $12,000,000. The price represents a 10% premium over the last reported sale price of the 9.00% Series B Cumulative Preferred Stock of $9.10 on February 13, 2025, on the NYSE American.",
    );
    assert_prints(
        &release,
        "at $9.25 per share, for an aggregate purchase price of up to $18,500,000. The price represents a 10% premium over the last reported sale price of the 8.25% Series A Cumulative Preferred Stock of $8.40",
    );
    assert_prints(
        &document(&set, "schedule-to.md"),
        "to purchase up to 2,000,000 shares of its 8.25% Series A Cumulative Preferred Stock and up to 1,200,000 shares of its 9.00% Series B Cumulative Preferred Stock for cash at the price per share stated for each class in the press release filed as Exhibit 99.1.",
    );
    let purchase_price = set.filing.classes[0].figures.get("purchase_price").unwrap();
    assert_eq!(purchase_price.display(), "$10.00");
}

#[test]
fn a_class_is_priced_as_its_offer_is() {
    refused_at(
        &edited(TWO_SERIES_CASH, "      cash_price: 10.00\n", ""),
        "    - security:",
        "a cash offer states each class's price per share: give this class's in `cash_price`",
    );
    refused_at(
        &edited(
            TWO_SERIES_CASH,
            "      cash_price: 10.00\n",
            "      cash_price: 10.00\n      block:\n        shares: 3\n        new_shares: 1\n",
        ),
        // A mapping's error stands at its first key.
        "        shares: 3",
        "`block` is a term of an exchange offer; this offer is for cash: leave it out",
    );
    refused_at(
        &edited(TWO_SERIES, "      min_percent: 25%\n", "      min_percent: 25%\n      cash_price: 10.00\n"),
        "cash_price: 10.00",
        "an exchange offer gives each class a ratio, not a price in cash",
    );
}

#[test]
fn a_count_past_any_number_of_shares_is_called_too_large() {
    crate::common::refused(
        &edited(
            TWO_SERIES,
            "        shares_outstanding: 1_800_000",
            "        shares_outstanding: 18_446_744_073_709_551_616",
        ),
        &[
            "offer.other_classes[0].security.shares_outstanding",
            "`18_446_744_073_709_551_616` is too large: a number of shares is at most 18,446,744,073,709,551,615",
        ],
    );
}

const TWO_SERIES_COMMENCED: &str = "data/sorrel-two-series-commenced.yaml";
const TWO_SERIES_CASH_COMMENCED: &str = "data/sorrel-two-series-cash-commenced.yaml";

#[test]
fn the_commencement_release_states_each_class_with_its_own_term_ratio_and_minimum() {
    let set = render(TWO_SERIES_COMMENCED);
    let release = document(&set, "press-release.md");
    assert_prints(
        &release,
        "# Sorrel Creek Commences Exchange Offer for Its 8.25% Series A Cumulative Preferred Stock and 9.00% Series B Cumulative Preferred Stock\n",
    );
    assert_prints(
        &release,
        "(the “**Company**”) today commenced an exchange offer (the “**Offer**”) to exchange shares of each series of its preferred stock listed below (together, the “**Shares**”), up to the maximum stated for that series, for shares of its Common Stock (the “**Common Stock**”) at the exchange ratio stated below for that series:\n\n- ",
    );
    // Each class's term is defined in its own bullet, and its figures are its own.
    assert_prints(
        &release,
        "- **8.25% Series A Cumulative Preferred Stock** (the “**Series A Shares**”; CUSIP 83586P201): up to 2,000,000 Series A Shares, approximately 58.0% of the 3,450,000 Series A Shares outstanding as of February 28, 2025, at the rate of 6.59 shares of Common Stock for each Series A Share tendered, or a maximum of 13,180,000 shares of Common Stock and cash in lieu of fractional shares. The exchange ratio of 6.59 is the designated value of $11.20 per Series A Share divided by the designated value of $1.70 per share of Common Stock, rounded to two decimal places. At $1.50 per share, the closing price of the Common Stock on the NYSE American on February 28, 2025, the Common Stock offered for each Series A Share had a value of $9.885, an 18% increase over the last reported sale price of the Series A Shares of $8.40 on February 28, 2025, on the NYSE American. By tendering Series A Shares, a stockholder waives all dividends accrued and unpaid on the Series A Shares accepted in the Offer, and no payment will be made for them. Series A Shares not accepted and returned to the stockholder keep their right to accrued and unpaid dividends.\n",
    );
    assert_prints(
        &release,
        "- **9.00% Series B Cumulative Preferred Stock** (the “**Series B Shares**”; CUSIP 83586P300): up to 1,200,000 Series B Shares, approximately 66.7% of the 1,800,000 Series B Shares outstanding as of February 28, 2025, at the rate of 7.53 shares of Common Stock for each Series B Share tendered, or a maximum of 9,036,000 shares of Common Stock and cash in lieu of fractional shares. The exchange ratio of 7.53 is the designated value of $12.80 per Series B Share divided by the designated value of $1.70 per share of Common Stock, rounded to two decimal places. At $1.50 per share, the closing price of the Common Stock on the NYSE American on February 28, 2025, the Common Stock offered for each Series B Share had a value of $11.295, a 24% increase over the last reported sale price of the Series B Shares of $9.10 on February 28, 2025, on the NYSE American. By tendering Series B Shares, a stockholder waives all dividends accrued and unpaid on the Series B Shares accepted in the Offer, and no payment will be made for them. Series B Shares not accepted and returned to the stockholder keep their right to accrued and unpaid dividends. The Offer for the Series B Shares is subject to the condition that at least 25% of the outstanding Series B Shares (450,000 Series B Shares, based on the 1,800,000 Series B Shares outstanding as of February 28, 2025) be properly tendered and not properly withdrawn (the “**Series B Minimum Condition**”).\n\n",
    );
    // The conditions name Series B's minimum, which the first class's `has_minimum` does not
    // know of; whether one series' offer depends on another's is counsel's to draft.
    assert_prints(
        &release,
        "\n\nThe Offer is subject to customary conditions, including the Series B Minimum Condition. The Offer for the Series A Shares is not conditioned on any minimum number of Series A Shares being tendered. [Whether the Offer for each series is conditioned on the Offer for any other series: to draft.]\n\n",
    );
    assert_prints(
        &release,
        "\n\nProration applies to each series separately: if more Shares of a series are properly tendered than the maximum the Company offers to exchange for that series, the Company will accept the Shares of that series on a pro rata basis, after first accepting all Shares of that series tendered by holders of fewer than 100 Shares of that series who tender all of them, as described in the Offer to Exchange.\n\n",
    );
    assert!(!release.contains("Commences Exchange Offer for Up to"), "{release}");

    let statement = document(&set, "schedule-to.md");
    assert_prints(
        &statement,
        "**8.25% Series A Cumulative Preferred Stock**\\\n**9.00% Series B Cumulative Preferred Stock**\\\n(Title of Class of Securities)\n\n**83586P201**\\\n**83586P300**\\\n(CUSIP Number of Class of Securities)",
    );
    assert_prints(
        &statement,
        "relates to the offer by Sorrel Creek Energy, Inc., a Delaware corporation (the “**Company**”), to exchange up to 2,000,000 shares of its 8.25% Series A Cumulative Preferred Stock (the “**Series A Shares**”) and up to 1,200,000 shares of its 9.00% Series B Cumulative Preferred Stock (the “**Series B Shares**” and, together with the Series A Shares, the “**Shares**”), for shares of its Common Stock at the exchange ratio the Offer to Exchange states for each class, upon the terms and subject to the conditions set forth in the Offer to Exchange,",
    );
    assert_prints(
        &statement,
        "(b) *Securities.* The subject classes of equity securities are the Series A Shares and the Series B Shares. As of February 28, 2025, there were 3,450,000 Series A Shares and 1,800,000 Series B Shares outstanding.\n",
    );
}

#[test]
fn the_commencement_release_of_a_cash_offer_prices_each_class_on_its_own() {
    let set = render(TWO_SERIES_CASH_COMMENCED);
    let release = document(&set, "press-release.md");
    assert_prints(
        &release,
        "# Sorrel Creek Commences Tender Offer for Its 8.25% Series A Cumulative Preferred Stock and 9.00% Series B Cumulative Preferred Stock\n",
    );
    assert_prints(
        &release,
        "(the “**Company**”) today commenced a tender offer (the “**Offer**”) to purchase shares of each series of its preferred stock listed below (together, the “**Shares**”), up to the maximum stated for that series, at the price per share stated for that series, net to the seller in cash, less any applicable withholding taxes and without interest:\n\n- ",
    );
    assert_prints(
        &release,
        "- **8.25% Series A Cumulative Preferred Stock** (the “**Series A Shares**”; CUSIP 83586P201): up to 2,000,000 Series A Shares, approximately 58.0% of the 3,450,000 Series A Shares outstanding as of February 28, 2025, at a price of $9.25 per Series A Share, for an aggregate purchase price of up to $18,500,000. The purchase price represents a 10% premium over the last reported sale price of the Series A Shares of $8.40 on February 28, 2025, on the NYSE American. By tendering Series A Shares,",
    );
    assert_prints(
        &release,
        "- **9.00% Series B Cumulative Preferred Stock** (the “**Series B Shares**”; CUSIP 83586P300): up to 1,200,000 Series B Shares, approximately 66.7% of the 1,800,000 Series B Shares outstanding as of February 28, 2025, at a price of $10.00 per Series B Share, for an aggregate purchase price of up to $12,000,000. The purchase price represents a 10% premium over the last reported sale price of the Series B Shares of $9.10 on February 28, 2025, on the NYSE American. By tendering Series B Shares, a stockholder waives all dividends accrued and unpaid on the Series B Shares accepted in the Offer, and no payment will be made for them. Series B Shares not accepted and returned to the stockholder keep their right to accrued and unpaid dividends. The Offer for the Series B Shares is subject to the condition that at least 25% of the outstanding Series B Shares (450,000 Series B Shares, based on the 1,800,000 Series B Shares outstanding as of February 28, 2025) be properly tendered and not properly withdrawn (the “**Series B Minimum Condition**”).\n\n",
    );
    assert_prints(
        &release,
        "The Offer is subject to customary conditions, including the Series B Minimum Condition. The Offer for the Series A Shares is not conditioned on any minimum number of Series A Shares being tendered. [Whether the Offer for each series is conditioned on the Offer for any other series: to draft.]",
    );
    assert_prints(
        &release,
        "Proration applies to each series separately: if more Shares of a series are properly tendered than the maximum the Company offers to purchase for that series, the Company will accept the Shares of that series on a pro rata basis, after first accepting all Shares of that series tendered by holders of fewer than 100 Shares of that series who tender all of them, as described in the Offer to Purchase.",
    );

    let statement = document(&set, "schedule-to.md");
    assert_prints(
        &statement,
        "to purchase up to 2,000,000 shares of its 8.25% Series A Cumulative Preferred Stock (the “**Series A Shares**”) and up to 1,200,000 shares of its 9.00% Series B Cumulative Preferred Stock (the “**Series B Shares**” and, together with the Series A Shares, the “**Shares**”), for cash at $9.25 per Series A Share and $10.00 per Series B Share, upon the terms and subject to the conditions set forth in the Offer to Purchase,",
    );
    assert_prints(
        &statement,
        "(b) *Securities.* The subject classes of equity securities are the Series A Shares and the Series B Shares. As of February 28, 2025, there were 3,450,000 Series A Shares and 1,800,000 Series B Shares outstanding.\n",
    );
    // Each class's price is its own figure.
    assert_eq!(set.filing.classes[0].figures.get("purchase_price").unwrap().display(), "$10.00");
}

#[test]
fn each_class_states_its_own_minimum_dividends_and_odd_lot_priority() {
    // Both series have a minimum; Series A's dividends are paid, Series B's not stated; Series
    // B is exchanged only in whole blocks of 150, so its odd lots have no priority.
    let text = edited(
        TWO_SERIES_COMMENCED,
        "offer:\n  max_shares: 2_000_000\n",
        "offer:\n  max_shares: 2_000_000\n  min_shares: 500_000\n",
    );
    let text = text.replacen("  accrued_dividends: waived\n", "  accrued_dividends: paid\n", 1);
    let text = text.replacen("        accrued_dividends: waived\n", "", 1);
    let text = text.replacen(
        "      designated_values:\n        share_sought: 12.80\n        new_share: 1.70\n        places: 2\n      fractional_shares:\n        cash_in_lieu: 1.70",
        "      block:\n        shares: 150\n        new_shares: 1000",
        1,
    );
    let text = text.replacen(
        "        shares_outstanding_date: 2025-02-28\n",
        "        shares_outstanding_date: 2025-02-27\n",
        1,
    );
    let (_dir, terms) = crate::common::scratch_terms(&text);
    let set = render(&terms);
    let release = document(&set, "press-release.md");
    assert_prints(
        &release,
        "For each Series A Share accepted, the Company will also pay in cash the dividends accrued and unpaid on it to, but not including, the date the Series A Shares are accepted for exchange, without interest. [Amount of accrued and unpaid dividends per Series A Share, and the date to which it is computed: to draft.] The Offer for the Series A Shares is subject to the condition that at least 500,000 Series A Shares be properly tendered and not properly withdrawn (the “**Series A Minimum Condition**”).\n",
    );
    assert_prints(
        &release,
        "at the rate of one thousand (1,000) shares of Common Stock for each 150 Series B Shares tendered",
    );
    assert_prints(
        &release,
        "[Whether the dividends accrued and unpaid on the Series B Shares accepted are paid or waived by tendering stockholders: to draft (`offer.other_classes[0].security.accrued_dividends`).]",
    );
    assert_prints(
        &release,
        "The Offer is subject to customary conditions, including the Series A Minimum Condition and the Series B Minimum Condition. [Whether",
    );
    assert_prints(
        &release,
        "on a pro rata basis, as described in the Offer to Exchange. Before prorating the Series A Shares, the Company will first accept all Series A Shares tendered by holders of fewer than 100 Series A Shares who tender all of them.\n",
    );
    assert_prints(
        &document(&set, "schedule-to.md"),
        "As of February 28, 2025, there were 3,450,000 Series A Shares outstanding. As of February 27, 2025, there were 1,800,000 Series B Shares outstanding.\n",
    );
}

#[test]
fn a_class_of_a_commenced_offer_without_a_name_for_its_shares_is_refused() {
    for example in [TWO_SERIES_COMMENCED, TWO_SERIES_CASH_COMMENCED] {
        refused_at(
            &edited(example, "        short_name: Series B Shares\n", ""),
            "title: 9.00% Series B Cumulative Preferred Stock",
            "an offer for several classes names each class's shares in its documents: give `offer.other_classes[0].security.short_name`",
        );
    }
    crate::common::refused(
        &edited(TWO_SERIES_COMMENCED, "        short_name: Series B Shares\n", ""),
        &["offer.other_classes[0].security", "give `offer.other_classes[0].security.short_name`"],
    );
}
