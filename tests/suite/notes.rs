//! An offer for the issuer's notes (`security.notes`) at its announcement: golden text of each
//! sentence the release and the Schedule TO state of the Notes, the figures traced to their
//! fields (and the aggregate exact for any amount, price and denomination), and the terms that
//! misstate an offer for notes, or ask for one not drafted yet, refused through the binary.

use predicates::prelude::*;
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

#[test]
fn a_denomination_of_cents_and_a_minimum_of_part_of_one_are_refused() {
    let cents = edited(
        NOTES,
        "    # denomination: 1000 is the default: the price is per $1,000 principal amount.\n",
        "    denomination: 0.01\n",
    );
    refused_at(&cents, "    denomination: 0.01", "$0.01 is not a whole number of dollars");
    let minimum = edited(
        NOTES,
        "  max_principal: 100_000_000\n",
        "  max_principal: 100_000_000\n  min_principal: 50_000_001\n",
    );
    refused_at(
        &minimum,
        "min_principal: 50_000_001",
        "$50,000,001 is not a whole number of $1,000 denominations",
    );
}

const COMMENCED: &str = "data/halvorsen-notes-tender-commenced.yaml";

/// The Offer to Purchase, the Schedule TO and the release of `text` as a terms file.
fn commenced(text: &str) -> (String, String, String) {
    let (_dir, path) = scratch_terms(text);
    let set = render(&path);
    (
        document(&set, "offer-to-purchase.md"),
        document(&set, "schedule-to.md"),
        document(&set, "press-release.md"),
    )
}

#[test]
fn the_offer_to_purchase_states_the_notes_by_principal_amount() {
    let set = render(COMMENCED);
    let offer = document(&set, "offer-to-purchase.md");
    assert_prints(
        &offer,
        "**Offer to Purchase for Cash Up to $100,000,000 Aggregate Principal Amount of Its Outstanding 4.75% Convertible Senior Notes due 2028 (CUSIP No. 40537QAB6) at a Purchase Price of $1,020.00 per $1,000 Principal Amount**",
    );
    assert_prints(
        &offer,
        "is offering to purchase for cash up to $100,000,000 aggregate principal amount of its outstanding 4.75% Convertible Senior Notes due 2028 (CUSIP No. 40537QAB6) (the “**Notes**”), at a price of $1,020.00 per $1,000 principal amount of Notes (the “**Purchase Price**”), plus accrued and unpaid interest on those Notes to, but not including, the settlement date of the Offer, less any applicable withholding taxes, upon the terms",
    );
    assert_prints(
        &offer,
        "“**Offer**.” As of March 7, 2025, $250,000,000 aggregate principal amount of Notes was outstanding.\n",
    );
    assert_prints(
        &offer,
        "THE OFFER IS NOT CONDITIONED ON ANY MINIMUM PRINCIPAL AMOUNT OF NOTES BEING TENDERED. THE OFFER IS, HOWEVER, SUBJECT TO OTHER CONDITIONS. SEE SECTION 6.",
    );
    assert_prints(
        &offer,
        "MAKES ANY RECOMMENDATION TO HOLDERS OF NOTES AS TO WHETHER TO TENDER OR REFRAIN FROM TENDERING THEIR NOTES.",
    );
    assert_prints(
        &offer,
        "The Company is seeking up to $100,000,000 aggregate principal amount of Notes, representing 40% of the $250,000,000 aggregate principal amount of Notes outstanding as of March 7, 2025. See Section 1.",
    );
    assert_prints(
        &offer,
        "For each $1,000 principal amount of Notes properly tendered and accepted for purchase, the Company will pay the Purchase Price of $1,020.00 in cash, plus accrued and unpaid interest on those Notes to, but not including, the settlement date of the Offer, less any applicable withholding taxes. See Sections 1 and 5.",
    );
    assert_prints(
        &offer,
        "at the Purchase Price of $1,020.00 per $1,000 principal amount of Notes, or up to $102,000,000 in the aggregate, excluding accrued and unpaid interest. There was $250,000,000 aggregate principal amount of Notes outstanding as of March 7, 2025; the Notes sought represent 40% of that amount.",
    );
    assert_prints(
        &offer,
        "***Accrued interest.*** In addition to the Purchase Price, holders of Notes accepted for purchase will receive in cash the interest accrued and unpaid on those Notes to, but not including, the settlement date of the Offer.",
    );
    assert_prints(
        &offer,
        "***Denominations.*** Notes may be tendered only in principal amounts of $1,000 and integral multiples of $1,000.",
    );
    // Proration by principal amount, each holder's Notes accepted rounded down to the denomination.
    assert_prints(
        &offer,
        "The proration factor will be $100,000,000 divided by the aggregate principal amount of Notes properly tendered and not properly withdrawn. The principal amount of each holder’s Notes accepted will be the principal amount of Notes it properly tendered multiplied by the proration factor, rounded down to the nearest integral multiple of $1,000, so that only Notes in authorized denominations are purchased; because of this rounding, the aggregate principal amount of Notes accepted may be less than $100,000,000.",
    );
    assert_prints(
        &offer,
        "tender your Notes by book-entry transfer to the account of Allegheny Trust Company, N.A., the Depositary for the Offer (the “**Depositary**”), at DTC through DTC’s Automated Tender Offer Program (“**ATOP**”)",
    );
    assert_prints(
        &offer,
        "may also be withdrawn at any time after 11:59 p.m., New York City time, on Friday, May 9, 2025, the 40th business day from and including the commencement of the Offer on Monday, March 17, 2025 (Rule 13e-4(f)(2)(ii) under the Exchange Act).",
    );
    assert_prints(
        &offer,
        "promptly after the Offer expires the Company will accept for purchase, and pay the Purchase Price and the accrued and unpaid interest for, the Notes properly tendered and not properly withdrawn, up to $100,000,000 aggregate principal amount and subject to proration.",
    );
    assert_prints(
        &offer,
        "- the Company shall have received the proceeds of the senior secured term loan under its commitment letter dated March 14, 2025.\n",
    );
    assert_prints(
        &offer,
        "***Interest.*** The Notes bear interest at 4.75% per year. [The interest payment dates and record dates: to draft.]",
    );
    assert_prints(&offer, "***Maturity.*** The Notes mature on March 15, 2028.");
    assert_prints(
        &offer,
        "***Ranking.*** [The ranking of the Notes and any guarantee or security for them: to draft.]",
    );
    assert_prints(
        &offer,
        "***Common stock.*** The Company’s common stock is listed on the Nasdaq under the symbol “HLVR.” [High and low sales prices of the common stock",
    );
    assert_prints(
        &offer,
        "Assuming $100,000,000 aggregate principal amount of Notes is purchased, the aggregate Purchase Price will be $102,000,000, excluding accrued and unpaid interest and fees and expenses. The Company expects to fund",
    );
    assert_prints(
        &offer,
        "neither the Company nor any of its affiliates may purchase any Notes, other than in the Offer, until at least ten business days after the expiration or termination of the Offer.",
    );
    assert_prints(
        &offer,
        "If the Company increases or decreases the Purchase Price or the principal amount of Notes sought (other than by accepting for purchase an additional principal amount of Notes not exceeding 2% of the Notes outstanding), the Offer will remain open for at least ten business days from the date notice of the change is first published, sent or given, as Rule 14e-1(b) requires.",
    );
    assert_prints(
        &offer,
        "as Rules 13e-4(d)(2) and 13e-4(e)(3) under the Exchange Act require, and extend the Offer to the extent the SEC’s interpretations of those rules require (generally, for at least five business days after a material change other than in the Purchase Price or the principal amount of Notes sought).",
    );
    assert_prints(
        &offer,
        "[Material U.S. federal income tax consequences of the Offer to holders of Notes that tender and that do not tender",
    );
    assert_prints(&offer, "for soliciting tenders of Notes.");
    // Its own sections, numbered in order, with no section of shares.
    assert_prints(
        &offer,
        "| 7. | [Certain Information Concerning the Notes](#section-7) |\n| 8. | [Trading Market of the Notes; Price Range of the Common Stock](#section-8) |\n",
    );
    assert_prints(&offer, "| 17. | [Miscellaneous](#section-17) |\n");
    for gone in ["Conditional Tender", "Odd Lot", "Price Range of the Shares"] {
        assert!(!offer.contains(gone), "the Offer for notes says `{gone}`");
    }
}

#[test]
fn nothing_of_shares_is_said_in_the_commenced_set() {
    let set = render(COMMENCED);
    for name in ["offer-to-purchase.md", "schedule-to.md", "press-release.md"] {
        let text = document(&set, name);
        // The conversion feature, in counsel's words, speaks of the common stock's shares.
        let outside_conversion = text.replace("shares per $1,000", "").replace("per share), subject", "");
        for word in [
            "Share",
            "per share",
            "liquidation preference",
            "Stockholders",
            "dividend",
            "Dividend",
            "odd lot",
        ] {
            assert!(!outside_conversion.contains(word), "{name} says `{word}`");
        }
    }
    // The release's closing paragraphs are the Company's to all its security holders; the Offer
    // and the statement address holders of Notes alone.
    for name in ["offer-to-purchase.md", "schedule-to.md"] {
        assert!(!document(&set, name).contains("stockholder"), "{name} says `stockholder`");
    }
}

#[test]
fn the_statement_refers_to_the_notes_offer_by_its_own_sections() {
    let set = render(COMMENCED);
    let statement = document(&set, "schedule-to.md");
    assert_prints(
        &statement,
        "**4.75% Convertible Senior Notes due 2028**\\\n(Title of Class of Securities)",
    );
    assert_prints(&statement, "**40537QAB6**\\\n(CUSIP Number of Class of Securities)");
    assert_prints(
        &statement,
        "relates to the offer by Halvorsen Robotics, Inc., a Delaware corporation (the “**Company**”), to purchase for cash up to $100,000,000 aggregate principal amount of its outstanding 4.75% Convertible Senior Notes due 2028 (the “**Notes**”) at a price of $1,020.00 per $1,000 principal amount of Notes purchased, upon the terms",
    );
    assert_prints(
        &statement,
        "(b) *Securities.* The subject class of equity securities is the Notes. As of March 7, 2025, $250,000,000 aggregate principal amount of Notes was outstanding.",
    );
    assert_prints(
        &statement,
        "(c) *Trading Market and Price.* The information set forth in the Offer to Purchase under “[Section 8. Trading Market of the Notes; Price Range of the Common Stock](offer-to-purchase.md#section-8)”",
    );
    assert_prints(
        &statement,
        "“[Section 1. Principal Amount of Notes; Purchase Price; Proration](offer-to-purchase.md#section-1),”",
    );
    assert_prints(
        &statement,
        "“[Section 7. Certain Information Concerning the Notes](offer-to-purchase.md#section-7),”",
    );
    // Without the date of the amount outstanding, the date is left to draft; without the
    // amount, both.
    let text = edited(COMMENCED, "    principal_outstanding_date: 2025-03-07\n", "");
    let (_, statement, _) = commenced(&text);
    assert_prints(
        &statement,
        "There was $250,000,000 aggregate principal amount of Notes outstanding as of [the date of that amount: to draft (`security.notes.principal_outstanding_date`)].",
    );
    let text = text.replacen("    principal_outstanding: 250_000_000\n", "", 1);
    let (_, statement, _) = commenced(&text);
    assert_prints(
        &statement,
        "is the Notes. [Aggregate principal amount of Notes outstanding and its date: to draft (`security.notes.principal_outstanding`).]",
    );
}

#[test]
fn the_commencement_release_addresses_holders_of_notes() {
    let release = document(&render(COMMENCED), "press-release.md");
    assert_prints(
        &release,
        "# Halvorsen Commences Tender Offer for Up to $100,000,000 Aggregate Principal Amount of Its 4.75% Convertible Senior Notes due 2028\n",
    );
    assert_prints(
        &release,
        "(the “**Company**”) today commenced a tender offer (the “**Offer**”) to purchase for cash up to $100,000,000 aggregate principal amount of its outstanding 4.75% Convertible Senior Notes due 2028 (CUSIP 40537QAB6) (the “**Notes**”) at a price of $1,020.00 per $1,000 principal amount of Notes purchased, plus accrued and unpaid interest on those Notes to, but not including, the settlement date of the Offer. The Notes sought represent 40% of the $250,000,000 aggregate principal amount of Notes outstanding as of March 7, 2025. If the Notes sought are purchased in full, the aggregate purchase price will be $102,000,000, excluding accrued and unpaid interest. Notes may be tendered only in principal amounts of $1,000 and integral multiples of $1,000, by book-entry transfer through The Depository Trust Company’s Automated Tender Offer Program.\n",
    );
    assert_prints(
        &release,
        "unless extended or earlier terminated. Tendered Notes may be withdrawn at any time",
    );
    assert_prints(
        &release,
        "\n\nThe Offer is subject to conditions, including the Company’s receipt of the proceeds of a senior secured term loan under its commitment letter dated March 14, 2025. If more than $100,000,000 aggregate principal amount of Notes is properly tendered and not properly withdrawn, the Company will accept Notes on a pro rata basis by principal amount, each holder’s Notes accepted rounded down to the nearest $1,000 principal amount, as described in the Offer to Purchase.\n",
    );
    assert_prints(
        &release,
        "makes any recommendation to holders of Notes as to whether to tender or refrain from tendering their Notes. Holders of Notes must make their own decisions",
    );
    assert_prints(
        &release,
        "neither an offer to purchase nor a solicitation of an offer to sell Notes. The Offer is being made only pursuant to the Offer to Purchase",
    );
    assert_prints(
        &release,
        "and distributing to holders of Notes. Holders of Notes should read these materials carefully because they contain important information, including the terms and conditions of the Offer. Holders of Notes may obtain them",
    );
}

#[test]
fn a_commenced_offer_for_any_and_all_has_no_proration_and_prices_every_note() {
    let text = edited(COMMENCED, "  max_principal: 100_000_000\n", "  any_and_all: true\n");
    let (offer, _, release) = commenced(&text);
    assert_prints(
        &offer,
        "**Offer to Purchase for Cash Any and All of Its Outstanding 4.75% Convertible Senior Notes due 2028 (CUSIP No. 40537QAB6)",
    );
    assert_prints(
        &offer,
        "the Company will purchase any and all of the Notes properly tendered and not properly withdrawn before the Offer expires at one minute after 11:59 p.m., New York City time, on Monday, April 14, 2025, at the Purchase Price of $1,020.00 per $1,000 principal amount of Notes, or $255,000,000 in the aggregate if all of the outstanding Notes are purchased, excluding accrued and unpaid interest.",
    );
    assert_prints(
        &offer,
        "***No proration.*** Because the Offer is for any and all of the Notes, the Company will purchase, upon the terms and subject to the conditions of the Offer, all Notes properly tendered and not properly withdrawn; no tender will be subject to proration.",
    );
    assert_prints(
        &offer,
        "If all of the outstanding Notes are purchased, the aggregate Purchase Price will be $255,000,000, excluding accrued and unpaid interest and fees and expenses.",
    );
    assert!(!offer.contains("proration factor"), "{offer}");
    assert_prints(
        &release,
        "# Halvorsen Commences Tender Offer for Any and All of Its Outstanding 4.75% Convertible Senior Notes due 2028\n",
    );
    assert_prints(
        &release,
        "\n\nThe Offer is subject to conditions, including the Company’s receipt of the proceeds of a senior secured term loan under its commitment letter dated March 14, 2025.\n",
    );
    // Its fee is on every note outstanding, and without that amount it cannot be computed.
    let fees = fee_figures(&text);
    assert_eq!(fees["transaction_valuation"], "$255,000,000.00");
    refused_at(
        &text.replacen(
            "    principal_outstanding: 250_000_000\n    principal_outstanding_date: 2025-03-07\n",
            "",
            1,
        ),
        "interest_rate: 4.75%",
        "the fee of an offer for any and all of the notes is computed on the cash paid for every note outstanding: give `security.notes.principal_outstanding`",
    );
}

#[test]
fn a_minimum_principal_amount_is_the_minimum_condition_of_the_commenced_offer() {
    let text = edited(COMMENCED, "  cash_price: 1020\n", "  cash_price: 1020\n  min_principal: 50_000_000\n");
    let (offer, _, release) = commenced(&text);
    assert_prints(
        &offer,
        "THE OFFER IS CONDITIONED ON AT LEAST $50,000,000 AGGREGATE PRINCIPAL AMOUNT OF NOTES BEING PROPERLY TENDERED AND NOT PROPERLY WITHDRAWN, AND IS SUBJECT TO OTHER CONDITIONS. SEE SECTION 6.",
    );
    assert_prints(
        &offer,
        "The Offer is subject to the conditions described in Section 6, including the condition that at least $50,000,000 aggregate principal amount of Notes be properly tendered and not properly withdrawn (the “**Minimum Condition**”).",
    );
    assert_prints(
        &offer,
        "- the Minimum Condition: at least $50,000,000 aggregate principal amount of Notes shall have been properly tendered and not properly withdrawn;\n",
    );
    assert_prints(
        &offer,
        " If the Company waives the Minimum Condition, it will disseminate that change and extend the Offer as Section 15 describes.",
    );
    assert_prints(
        &release,
        "The Offer is subject to conditions, including the Company’s receipt of the proceeds of a senior secured term loan under its commitment letter dated March 14, 2025, and to the condition that at least $50,000,000 aggregate principal amount of Notes be properly tendered and not properly withdrawn.",
    );
}

#[test]
fn what_the_commenced_terms_do_not_give_is_left_to_draft() {
    let text = edited(COMMENCED, "    accrued_interest: paid\n", "");
    let (from, to) = (text.find("    conversion: >-\n").unwrap(), text.find("\noffer:").unwrap());
    let text = format!("{}{}", &text[..from], &text[to..]);
    let (from, to) =
        (text.find("  source_of_funds: >-\n").unwrap(), text.find("\ninvestor_contact:").unwrap());
    let text = format!("{}{}", &text[..from], &text[to..]);
    let (offer, _, _) = commenced(&text);
    assert_prints(
        &offer,
        "***Accrued interest.*** [Whether accrued and unpaid interest on the Notes purchased is paid in addition to the Purchase Price, and to what date: to draft (`security.notes.accrued_interest`).]",
    );
    assert_prints(
        &offer,
        "***Conversion.*** [The conversion feature of the Notes (what they convert into, the conversion rate and price, and when holders may convert): to draft (`security.notes.conversion`).]",
    );
    assert_prints(
        &offer,
        "[Source of the funds for the purchase of Notes in the Offer, the accrued and unpaid interest on them and the fees and expenses of the Offer, and any financing arrangements: to draft (`disclosure.source_of_funds`).]",
    );
    assert_prints(&offer, "and pay the Purchase Price for, the Notes properly tendered");
    // Without the conversion text, nothing says "per share": the price per principal amount
    // and any and all of the Notes are what the Offer states of Item 1004(a)(1).
    let text = text.replacen("  max_principal: 100_000_000\n", "  any_and_all: true\n", 1);
    let (_dir, path) = scratch_terms(&text);
    secdraft()
        .args(["check", "--mode", "draft"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicates::str::contains("item-1004").not());
}

/// The fee figures of `text` as a terms file, by name, as printed.
fn fee_figures(text: &str) -> std::collections::BTreeMap<String, String> {
    let (_dir, path) = scratch_terms(text);
    let out = secdraft().args(["figures", "--format", "json"]).arg(&path).assert().success();
    let sheet: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    sheet["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["name"].as_str().unwrap().to_owned(), f["display"].as_str().unwrap().to_owned()))
        .collect()
}

#[test]
fn the_fee_is_on_the_cash_paid_for_the_notes_without_accrued_interest() {
    let out = secdraft().args(["figures", COMMENCED, "--format", "json"]).assert().success();
    let sheet: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let figures = sheet["figures"].as_array().unwrap();
    let valuation = figures.iter().find(|f| f["name"] == "transaction_valuation").unwrap();
    assert_eq!(valuation["display"], "$102,000,000.00");
    let paths: Vec<&str> =
        valuation["inputs"].as_array().unwrap().iter().map(|x| x["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["offer.max_principal", "security.notes.denomination", "offer.cash_price"]);
    let fees = fee_figures(&std::fs::read_to_string(COMMENCED).unwrap());
    assert_eq!(fees["filing_fee"], "$15,616.20");
    secdraft()
        .args(["figures", COMMENCED])
        .assert()
        .success()
        .stdout(predicates::str::contains("Transaction valuation: $102,000,000.00"))
        .stdout(predicates::str::contains(
            "= the cash offered, accrued interest excluded: maximum principal amount sought / denomination x purchase price per denomination (Rule 0-11(b))",
        ))
        .stdout(predicates::str::contains("Amount of filing fee: $15,616.20"));
    let set = render(COMMENCED);
    let exhibit =
        String::from_utf8(set.files.iter().find(|f| f.name == "filing-fees.htm").unwrap().bytes.clone())
            .unwrap();
    assert!(
        exhibit.contains("The transaction valuation assumes the purchase of $100,000,000 aggregate principal amount of the 4.75% Convertible Senior Notes due 2028 at the purchase price of $1,020.00 per $1,000 principal amount in cash, excluding accrued and unpaid interest."),
        "{exhibit}"
    );
}

#[test]
fn the_commenced_set_renders_and_checks_clean_through_the_binary() {
    secdraft().args(["check", COMMENCED, "--mode", "draft"]).assert().success();
    let dir = tempfile::tempdir().unwrap();
    secdraft().args(["render", COMMENCED, "--out"]).arg(dir.path()).assert().success();
    for name in ["offer-to-purchase.md", "schedule-to.md", "press-release.md", "filing-fees.htm"] {
        assert!(dir.path().join(name).is_file(), "{name}");
    }
    let out =
        secdraft().args(["check", "--mode", "draft", "--format", "json"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    // Only the notes to draft are left: no defined term unused or used before its definition.
    assert!(findings.iter().all(|f| f["rule"] == "placeholder"), "{findings:#?}");
}
