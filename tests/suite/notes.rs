//! An offer for the issuer's notes (`security.notes`) at its announcement: golden text of each
//! sentence the release and the Schedule TO state of the Notes, the figures traced to their
//! fields (and the aggregate exact for any amount, price and denomination), and the terms that
//! misstate an offer for notes, or ask for one not drafted yet, refused through the binary.

use proptest::prelude::*;
use rust_decimal::Decimal;
use secdraft::filing::Filing;
use secdraft::terms::{self, Positive};

use crate::common::{assert_prints, document, edited, refused, refused_at, render, scratch_terms, secdraft};

const NOTES: &str = "data/halvorsen-notes-tender-intent.yaml";

/// The release and the Schedule TO of `text` as a terms file.
fn rendered(text: &str) -> (String, String) {
    let (_dir, path) = scratch_terms(text);
    let set = render(&path);
    (document(&set, "press-release.md"), document(&set, "schedule-to.md"))
}

#[test]
fn the_announcement_states_the_notes_by_principal_amount() {
    let set = render(NOTES);
    let release = document(&set, "press-release.md");
    assert_prints(
        &release,
        "# Halvorsen Announces Its Intention to Commence a Tender Offer to Purchase Up to $100,000,000 Aggregate Principal Amount of Its 4.75% Convertible Senior Notes due 2028\n",
    );
    assert_prints(
        &release,
        "today announced its intent to commence a tender offer (the “**Offer**”) to purchase for cash up to $100,000,000 aggregate principal amount of its outstanding 4.75% Convertible Senior Notes due 2028 (CUSIP 40537QAB6) (the “**Notes**”) at a price of $1,020.00 per $1,000 principal amount of Notes purchased, plus accrued and unpaid interest on those Notes to, but not including, the settlement date of the Offer.",
    );
    assert_prints(
        &release,
        " The Notes sought represent 40% of the $250,000,000 aggregate principal amount of Notes outstanding as of March 7, 2025. If the Notes sought are purchased in full, the aggregate purchase price would be $102,000,000, excluding accrued and unpaid interest.\n",
    );
    assert_prints(
        &release,
        "\n\nThe Notes bear interest at 4.75% per year and mature on March 15, 2028. The Notes are convertible at the option of the holder into shares of the Company’s common stock at a conversion rate of 41.6667 shares per $1,000 principal amount of Notes",
    );
    assert_prints(
        &release,
        " Notes may be tendered only in principal amounts of $1,000 and integral multiples of $1,000.\n",
    );
    assert_prints(&release, "\n\nThe Offer is expected to be subject to customary conditions.\n");
    assert_prints(
        &release,
        "neither an offer to purchase nor a solicitation of an offer to sell the Notes. At the time the Offer is commenced",
    );
    assert_prints(
        &release,
        "Holders of the Notes are urged to read these materials carefully when they become available because they will contain important information, including the terms and conditions of the Offer. Holders of the Notes may obtain these materials free of charge",
    );

    let statement = document(&set, "schedule-to.md");
    assert_prints(
        &statement,
        "**4.75% Convertible Senior Notes due 2028**\\\n(Title of Class of Securities)",
    );
    assert_prints(&statement, "**40537QAB6**\\\n(CUSIP Number of Class of Securities)");
    assert_prints(
        &statement,
        "made before the commencement of a planned issuer tender offer (the “**Offer**”) by Halvorsen Robotics, Inc. (the “**Company**”) to purchase for cash up to $100,000,000 aggregate principal amount of its outstanding 4.75% Convertible Senior Notes due 2028 (the “**Notes**”) at a price of $1,020.00 per $1,000 principal amount of Notes purchased, plus accrued and unpaid interest on those Notes to, but not including, the settlement date of the Offer.",
    );
    assert_prints(
        &statement,
        "Holders of the Notes are urged to read these materials carefully when they become available because they will contain important information that holders should consider before making any decision regarding the Offer. Holders of the Notes may obtain these materials free of charge",
    );
}

#[test]
fn nothing_of_shares_is_said_of_notes() {
    let set = render(NOTES);
    for name in ["press-release.md", "schedule-to.md"] {
        let text = document(&set, name);
        for word in ["Share", "per share", "liquidation preference", "Stockholders", "dividend", "odd lot"] {
            // The conversion feature, in counsel's words, speaks of the common stock's shares.
            let outside_conversion = text.replace("shares per $1,000", "").replace("per share), subject", "");
            assert!(!outside_conversion.contains(word), "{name} says `{word}`");
        }
    }
}

#[test]
fn an_offer_for_any_and_all_of_the_notes_says_so_and_prices_every_note_outstanding() {
    let text = edited(NOTES, "  max_principal: 100_000_000\n", "  any_and_all: true\n");
    let (release, statement) = rendered(&text);
    assert_prints(
        &release,
        "# Halvorsen Announces Its Intention to Commence a Tender Offer to Purchase Any and All of Its Outstanding 4.75% Convertible Senior Notes due 2028\n",
    );
    assert_prints(
        &release,
        "to purchase for cash any and all of its outstanding 4.75% Convertible Senior Notes due 2028 (CUSIP 40537QAB6) (the “**Notes**”)",
    );
    assert_prints(
        &release,
        "the settlement date of the Offer. As of March 7, 2025, $250,000,000 aggregate principal amount of Notes was outstanding. If all of the outstanding Notes are purchased, the aggregate purchase price would be $255,000,000, excluding accrued and unpaid interest.\n",
    );
    assert!(!release.contains("Notes sought represent"), "{release}");
    assert_prints(
        &statement,
        "to purchase for cash any and all of its outstanding 4.75% Convertible Senior Notes due 2028 (the “**Notes**”)",
    );

    // Without the amount outstanding, nothing is computed from it, and nothing is said of it.
    let text = text.replacen(
        "    principal_outstanding: 250_000_000\n    principal_outstanding_date: 2025-03-07\n",
        "",
        1,
    );
    let (release, _) = rendered(&text);
    assert_prints(&release, "the settlement date of the Offer.\n\nThe Notes bear interest");
}

#[test]
fn what_the_terms_do_not_give_is_left_to_draft() {
    let text = edited(NOTES, "    accrued_interest: paid\n", "");
    // The conversion text, folded over lines, is the last field of the notes left.
    let (from, to) = (text.find("    conversion: >-\n").unwrap(), text.find("\noffer:").unwrap());
    let text = format!("{}{}", &text[..from], &text[to..]);
    let text = text.replacen("  conditions_summary: customary conditions\n", "", 1);
    let (release, statement) = rendered(&text);
    assert_prints(
        &release,
        "at a price of $1,020.00 per $1,000 principal amount of Notes purchased [and whether accrued and unpaid interest on the Notes purchased is paid in addition, and to what date: to draft (`security.notes.accrued_interest`)].",
    );
    assert_prints(
        &release,
        "mature on March 15, 2028. [The conversion feature of the Notes (what they convert into, the conversion rate and price, and when holders may convert): to draft (`security.notes.conversion`).] Notes may be tendered",
    );
    assert_prints(
        &release,
        "The Offer is expected to be subject to [the conditions of the Offer, in summary: to draft (`offer.conditions_summary`)].",
    );
    // The statement leaves it to draft as the release does.
    assert_prints(
        &statement,
        "per $1,000 principal amount of Notes purchased [and whether accrued and unpaid interest on the Notes purchased is paid in addition, and to what date: to draft (`security.notes.accrued_interest`)]. The pre-commencement communication",
    );
}

#[test]
fn notes_that_bear_no_interest_state_none() {
    let text = edited(
        NOTES,
        "  title: 4.75% Convertible Senior Notes due 2028",
        "  title: 0% Convertible Senior Notes due 2028",
    );
    let text =
        text.replacen("    interest_rate: 4.75%\n", "", 1).replacen("    accrued_interest: paid\n", "", 1);
    let (release, _) = rendered(&text);
    assert_prints(&release, "per $1,000 principal amount of Notes purchased. The Notes sought represent");
    assert_prints(&release, "the aggregate purchase price would be $102,000,000.\n");
    assert_prints(&release, "\n\nThe Notes mature on March 15, 2028. The Notes are convertible");
}

#[test]
fn a_minimum_principal_amount_is_a_condition_of_the_offer() {
    let text = edited(NOTES, "  cash_price: 1020\n", "  cash_price: 1020\n  min_principal: 50_000_000\n");
    let (release, _) = rendered(&text);
    assert_prints(
        &release,
        "The Offer is expected to be subject to customary conditions, including that at least $50,000,000 aggregate principal amount of Notes is properly tendered and not properly withdrawn.",
    );
    let text = text.replacen(
        "conditions_summary: customary conditions",
        "conditions_summary: customary conditions, including the completion of a financing",
        1,
    );
    let (release, _) = rendered(&text);
    assert_prints(
        &release,
        "subject to customary conditions, including the completion of a financing, and to the condition that at least $50,000,000 aggregate principal amount of Notes be properly tendered and not properly withdrawn.",
    );
}

#[test]
fn a_price_that_does_not_make_whole_dollars_is_stated_as_approximate_in_aggregate() {
    // $1,007.25 for each of 3 denominations: $3,021.75, printed to the dollar.
    let text = edited(
        NOTES,
        "  max_principal: 100_000_000\n  cash_price: 1020\n",
        "  max_principal: 3_000\n  cash_price: 1007.25\n",
    );
    let (release, statement) = rendered(&text);
    assert_prints(&release, "at a price of $1,007.25 per $1,000 principal amount of Notes purchased");
    assert_prints(&release, "the aggregate purchase price would be approximately $3,022, excluding");
    assert_prints(&statement, "up to $3,000 aggregate principal amount of its outstanding");
}

#[test]
fn each_figure_of_the_notes_reads_its_own_field() {
    let out = secdraft().args(["figures", NOTES, "--format", "json"]).assert().success();
    let sheet: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let figures = sheet["figures"].as_array().unwrap();
    let names: Vec<&str> = figures.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["price_per_denomination", "aggregate_purchase_price", "percent_of_principal_outstanding"]
    );
    let paths = |i: usize| -> Vec<String> {
        figures[i]["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["path"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(paths(0), ["offer.cash_price"]);
    assert_eq!(paths(1), ["offer.max_principal", "security.notes.denomination", "price_per_denomination"]);
    assert_eq!(paths(2), ["offer.max_principal", "security.notes.principal_outstanding"]);
    assert_eq!(figures[1]["display"], "$102,000,000");
    assert_eq!(figures[2]["display"], "40%");
    // The denomination the terms leave to its default is traced to the notes it belongs to,
    // which stand at their first field.
    let text = std::fs::read_to_string(NOTES).unwrap();
    let line = text.lines().position(|l| l == "    interest_rate: 4.75%").unwrap() + 1;
    assert_eq!(figures[1]["inputs"][1]["at"], format!("{NOTES}:{line}"));
    secdraft()
        .args(["figures", NOTES])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Purchase price for each denomination of principal amount: $1,020.00",
        ))
        .stdout(predicates::str::contains("Every number printed is a figure or a value of the terms."));
}

#[test]
fn the_rendered_announcement_checks_clean() {
    secdraft().args(["check", NOTES, "--mode", "draft"]).assert().success();
    secdraft().args(["check", NOTES]).assert().success();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The aggregate purchase price is exactly the denominations sought times the price, for
    /// any denomination, whole number of denominations and price in cents.
    #[test]
    fn the_aggregate_is_the_denominations_sought_times_the_price(
        denominations in 1u64..10_000_000,
        denomination in prop::sample::select(vec![1_000i64, 2_000, 100, 25]),
        cents in 1i64..500_000,
    ) {
        let mut t = terms::load(std::path::Path::new(NOTES)).unwrap().terms;
        let notes = t.security.notes.as_mut().unwrap();
        notes.denomination = Positive(Decimal::from(denomination));
        notes.principal_outstanding = None;
        t.offer.max_principal = Some(Positive(Decimal::from(denominations) * Decimal::from(denomination)));
        t.offer.cash_price = Some(Positive(Decimal::new(cents, 2)));
        let figures = Filing::figures_of(&t).unwrap();
        let aggregate = figures.get("aggregate_purchase_price").unwrap().value;
        prop_assert_eq!(aggregate, Decimal::from(denominations) * Decimal::new(cents, 2));
        prop_assert!(figures.get("percent_of_principal_outstanding").is_none());
    }
}

#[test]
fn shares_terms_are_refused_for_notes() {
    refused_at(
        &edited(NOTES, "  max_principal: 100_000_000\n", "  max_shares: 100_000\n"),
        "max_shares: 100_000",
        "an offer for notes is stated in principal amount, not shares: give `max_principal` (or `any_and_all: true`)",
    );
    refused_at(
        &edited(NOTES, "  cash_price: 1020\n", "  cash_price: 1020\n  min_percent: 10%\n"),
        "min_percent: 10%",
        "give `min_principal`",
    );
    refused_at(
        &edited(NOTES, "  cusip: 40537QAB6\n", "  cusip: 40537QAB6\n  shares_outstanding: 1_000\n"),
        "shares_outstanding: 1_000",
        "`shares_outstanding` is a term of shares, and the class sought is notes (`security.notes`): leave it out (the principal amount outstanding is `security.notes.principal_outstanding`)",
    );
    refused_at(
        &edited(
            NOTES,
            "  cusip: 40537QAB6\n",
            "  cusip: 40537QAB6\n  closing_price:\n    price: 98.5\n    date: 2025-03-07\n    market: OTC\n",
        ),
        "    price: 98.5",
        "`closing_price` is a term of shares",
    );
    // And a term of notes is refused for shares.
    refused_at(
        &edited(
            "data/sorrel-two-series-cash-intent.yaml",
            "  cash_price: 9.25\n",
            "  cash_price: 9.25\n  min_principal: 1_000\n",
        ),
        "min_principal: 1_000",
        "`offer.min_principal` is a term of an offer for notes, and the class sought is shares",
    );
}

#[test]
fn how_much_is_sought_is_stated_once_in_whole_denominations_within_what_is_outstanding() {
    refused_at(
        &edited(NOTES, "  max_principal: 100_000_000\n", "  max_principal: 100_000_500\n"),
        "max_principal: 100_000_500",
        "$100,000,500 is not a whole number of $1,000 denominations (`security.notes.denomination`): notes are tendered and purchased in integral multiples of it",
    );
    refused_at(
        &edited(NOTES, "  max_principal: 100_000_000\n", "  max_principal: 300_000_000\n"),
        "max_principal: 300_000_000",
        "the offer seeks $300,000,000 aggregate principal amount, more than the $250,000,000 outstanding (`security.notes.principal_outstanding`)",
    );
    refused_at(
        &edited(
            NOTES,
            "  max_principal: 100_000_000\n",
            "  max_principal: 100_000_000\n  any_and_all: true\n",
        ),
        "any_and_all: true",
        "the offer seeks up to `max_principal` or any and all of the notes, not both",
    );
    refused_at(
        &edited(NOTES, "  max_principal: 100_000_000\n", ""),
        "cash_price: 1020",
        "state how much of the notes the offer seeks",
    );
    refused_at(
        &edited(NOTES, "  cash_price: 1020\n", "  cash_price: 1020\n  min_principal: 150_000_000\n"),
        "min_principal: 150_000_000",
        "the minimum ($150,000,000) is above the most sought ($100,000,000)",
    );
    refused_at(
        &edited(
            NOTES,
            "    principal_outstanding: 250_000_000\n",
            "    principal_outstanding: 250_000_100\n",
        ),
        "principal_outstanding: 250_000_100",
        "$250,000,100 is not a whole number of $1,000 denominations",
    );
    refused_at(
        &edited(NOTES, "  cash_price: 1020\n", ""),
        "max_principal: 100_000_000",
        "state the price for each $1,000 principal amount of the notes in `cash_price`",
    );
}

#[test]
fn the_title_and_the_fields_state_one_rate_and_one_maturity() {
    refused_at(
        &edited(NOTES, "    interest_rate: 4.75%", "    interest_rate: 5.25%"),
        "interest_rate: 5.25%",
        "the title `security.title` states 4.75%, and the interest rate is 5.25%",
    );
    refused_at(
        &edited(NOTES, "    interest_rate: 4.75%\n", "").replacen("    accrued_interest: paid\n", "", 1),
        "title: 4.75% Convertible",
        "the title states 4.75% interest: give the rate in `security.notes.interest_rate` as well",
    );
    refused_at(
        &edited(NOTES, "    maturity: 2028-03-15", "    maturity: 2029-03-15"),
        "maturity: 2029-03-15",
        "the title `security.title` says the notes are due in 2028, and they mature in 2029",
    );
    refused_at(
        &edited(
            NOTES,
            "  title: 4.75% Convertible Senior Notes due 2028",
            "  title: 4.75% Convertible Senior Notes due 2024",
        )
        .replacen("    maturity: 2028-03-15", "    maturity: 2024-03-15", 1),
        "maturity: 2024-03-15",
        "the notes mature on March 15, 2024, not after the filing date March 10, 2025",
    );
}

#[test]
fn an_offer_for_notes_not_drafted_yet_is_refused_with_what_is() {
    // Refused at the notes, which stand at their first field, before the amendments an amended
    // offer would otherwise be told to list.
    let amended = edited(NOTES, "  form: SC TO-C", "  form: SC TO-I/A\n  amendment: 1");
    refused_at(
        &amended,
        "interest_rate: 4.75%",
        "security.notes: an offer for notes is drafted at its announcement (SC TO-C) and commencement (SC TO-I) so far, not as SC TO-I/A",
    );
    refused(&amended, &["the amendments and results of an offer for notes are not drafted yet"]);
    refused_at(
        &edited(NOTES, "  cover_boxes: [issuer_tender_offer]", "  cover_boxes: [third_party_tender_offer]"),
        "cover_boxes:",
        "an offer for notes is drafted as the issuer's own tender offer (Rule 13e-4) so far",
    );
    let auction = edited(
        NOTES,
        "  cash_price: 1020\n",
        "  auction:\n    min_price: 1000\n    max_price: 1040\n    increment: 5\n",
    );
    refused_at(&auction, "min_price: 1000", "a modified Dutch auction for notes is not drafted yet");
    // The refusal says what is drafted.
    refused(
        &auction,
        &[
            "an offer for notes is drafted as a tender offer for cash at a fixed price for each denomination of principal amount (`offer.cash_price`)",
        ],
    );
    refused_at(
        &edited(
            NOTES,
            "  cash_price: 1020\n",
            "  consideration:\n    security:\n      kind: common_stock\n      title: Common Stock\n      short_name: Common Stock\n    block:\n      shares: 1\n      new_shares: 40\n",
        ),
        "    security:",
        "an exchange offer for notes is not drafted yet",
    );
    let other = "  other_classes:\n    - security:\n        title: 3.00% Convertible Senior Notes due 2030\n      max_shares: 1\n      cash_price: 1000\n";
    refused_at(
        &edited(
            NOTES,
            "  conditions_summary: customary conditions\n",
            &format!("  conditions_summary: customary conditions\n{other}"),
        ),
        "    - security:",
        "an offer for notes seeks one series of notes so far, not several classes",
    );
}
