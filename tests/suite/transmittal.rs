//! The documents holders tender with: the Letter of Transmittal, the Notice of Guaranteed
//! Delivery, the letters to nominees and to their clients, and the summary advertisement and
//! plan-participant letter the terms may ask for. Each follows the terms: the price boxes of an
//! auction, odd lots and conditional tenders only where given, guaranteed delivery only where
//! offered, principal amounts for notes; and the exhibit index links to each.

use secdraft::pipeline::RenderedSet;

use crate::common::{assert_prints, document, edited, examples, refused_at, render, scratch_terms};

const AUCTION: &str = "data/northwind-dutch-auction-commenced.yaml";
const EXCHANGE: &str = "data/meridian-exchange-commenced.yaml";
const NOTES: &str = "data/halvorsen-notes-tender-commenced.yaml";

/// The set of `text` as a terms file.
fn render_text(text: &str) -> RenderedSet {
    let (_dir, path) = scratch_terms(text);
    render(&path)
}

fn has(set: &RenderedSet, name: &str) -> bool {
    set.files.iter().any(|f| f.name == name)
}

/// The prices of the price boxes of a document, in order: each "☐ $20.25" of a table row.
fn price_boxes(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.starts_with("| ☐ $"))
        .flat_map(|l| l.split('|').map(str::trim).filter_map(|c| c.strip_prefix("☐ ")).map(str::to_owned))
        .collect()
}

#[test]
fn the_price_boxes_of_an_auction_are_its_range_at_its_increment() {
    // $20.00 to $22.00 in steps of $0.25: nine prices, lowest first.
    let letter = document(&render(AUCTION), "letter-of-transmittal.md");
    let expected: Vec<String> = (0..9).map(|i| format!("${}.{:02}", 20 + i / 4, (i % 4) * 25)).collect();
    assert_eq!(price_boxes(&letter), expected);
    assert!(letter.contains("**(1) Shares Tendered at the Price Determined under the Offer**"));
    assert!(letter.contains("deemed tendered at the minimum price of $20.00"));
    // Another range and increment: $19.50 to $22.00 in steps of $0.50.
    let text = edited(AUCTION, "    min_price: 20.00\n", "    min_price: 19.50\n");
    let text = text.replacen("    increment: 0.25\n", "    increment: 0.50\n", 1);
    let set = render_text(&text);
    let expected: Vec<&str> = vec!["$19.50", "$20.00", "$20.50", "$21.00", "$21.50", "$22.00"];
    for name in ["letter-of-transmittal.md", "guaranteed-delivery.md", "letter-to-clients.md"] {
        assert_eq!(price_boxes(&document(&set, name)), expected, "{name}");
    }
    // A fixed price has no price boxes.
    assert!(price_boxes(&document(&render(EXCHANGE), "letter-of-transmittal.md")).is_empty());
}

#[test]
fn the_odd_lot_certification_is_there_only_with_odd_lot_priority() {
    let letter = document(&render(AUCTION), "letter-of-transmittal.md");
    assert!(letter.contains("**ODD LOTS**"));
    assert!(letter.contains("**7. Odd Lots.**"), "numbered among the instructions");
    let text = edited(
        AUCTION,
        "  guaranteed_delivery_days: 1\n",
        "  guaranteed_delivery_days: 1\n  odd_lot_priority: false\n",
    );
    let set = render_text(&text);
    for name in ["letter-of-transmittal.md", "guaranteed-delivery.md", "letter-to-clients.md"] {
        assert!(!document(&set, name).contains("ODD LOTS"), "{name}");
    }
    // The instructions after it move up: the conditional tender is now the seventh.
    assert!(document(&set, "letter-of-transmittal.md").contains("**7. Conditional Tenders.**"));
    // Tenders accepted only in blocks of 100 Shares leave no odd lot to put first.
    assert!(!document(&render(EXCHANGE), "letter-of-transmittal.md").contains("ODD LOTS"));
}

#[test]
fn the_conditional_tender_box_is_there_only_with_conditional_tenders() {
    let letter = document(&render(AUCTION), "letter-of-transmittal.md");
    assert!(letter.contains("**CONDITIONAL TENDER**"));
    let text = edited(
        AUCTION,
        "  guaranteed_delivery_days: 1\n",
        "  guaranteed_delivery_days: 1\n  conditional_tenders: false\n",
    );
    let set = render_text(&text);
    for name in ["letter-of-transmittal.md", "guaranteed-delivery.md", "letter-to-clients.md"] {
        let text = document(&set, name);
        assert!(!text.contains("CONDITIONAL TENDER"), "{name}");
        assert!(!text.contains("conditional tender"), "{name}");
    }
    // Notes are never tendered conditionally.
    assert!(!document(&render(NOTES), "letter-of-transmittal.md").contains("CONDITIONAL TENDER"));
}

#[test]
fn the_notice_of_guaranteed_delivery_is_filed_only_when_offered_and_states_its_days() {
    let notice = document(&render(AUCTION), "guaranteed-delivery.md");
    let mut first = notice.lines().filter(|l| !l.starts_with("<!--") && !l.is_empty());
    assert_eq!(first.next(), Some("<div align=\"right\">"), "the legend heads the notice, at the right");
    assert_eq!(first.next(), Some("**Exhibit (a)(1)(C)**"), "the legend heads the notice");
    assert!(notice.contains(
        "within one (1) trading day after the date this Notice of Guaranteed Delivery is executed"
    ));
    let exchange = render(EXCHANGE);
    assert!(document(&exchange, "guaranteed-delivery.md").contains("within two (2) trading days after"));
    assert!(document(&exchange, "letter-of-transmittal.md").contains("within two (2) trading days after"));
    // Three days in the terms: three days in the notice.
    let set =
        render_text(&edited(EXCHANGE, "  guaranteed_delivery_days: 2\n", "  guaranteed_delivery_days: 3\n"));
    assert!(document(&set, "guaranteed-delivery.md").contains("within three (3) trading days after"));
    // No guaranteed delivery in the terms: no notice, and the documents say nothing of one.
    let notes = render(NOTES);
    assert!(!has(&notes, "guaranteed-delivery.md") && !has(&notes, "guaranteed-delivery.htm"));
    assert!(!document(&notes, "letter-to-brokers.md").contains("Notice of Guaranteed Delivery"));
    let index = document(&notes, "schedule-to.md");
    let row = index.lines().find(|l| l.starts_with("| (a)(1)(C) |")).unwrap();
    assert!(!row.contains("guaranteed-delivery"), "{row}");
    assert!(row.contains("(`offer.guaranteed_delivery_days`)"), "{row}");
}

#[test]
fn the_letters_for_notes_speak_of_principal_amounts() {
    let set = render(NOTES);
    let letter = document(&set, "letter-of-transmittal.md");
    for said in [
        "**DESCRIPTION OF NOTES TENDERED**",
        "Principal Amount of Notes Tendered",
        "In principal amounts of $1,000 and integral multiples of $1,000",
        "at a price of $1,020.00 per $1,000 principal amount of Notes purchased",
    ] {
        assert!(letter.contains(said), "missing {said}");
    }
    for absent in ["Certificate Number", "ODD LOTS", "stockholder", "Shares"] {
        assert!(!letter.contains(absent), "{absent} in a letter for notes");
    }
    assert!(document(&set, "letter-to-clients.md").contains("Principal amount of Notes to be tendered"));
    assert!(document(&set, "letter-to-brokers.md").contains("on a pro rata basis by principal amount"));
}

#[test]
fn the_exhibit_index_links_each_document_holders_tender_with_to_its_file_in_the_set() {
    let mut commenced = 0;
    for path in examples() {
        let set = render(&path);
        let Some(index) = set.files.iter().find(|f| f.name == "schedule-to.md") else { continue };
        let index = String::from_utf8(index.bytes.clone()).unwrap();
        // The commenced sets; an amendment files only the amended Letter of Transmittal.
        if !set.files.iter().any(|f| f.name == "letter-to-brokers.md") {
            continue;
        }
        commenced += 1;
        for number in ["(a)(1)(B)", "(a)(1)(C)", "(a)(1)(D)", "(a)(1)(E)", "(a)(1)(F)"] {
            let Some(row) = index.lines().find(|l| {
                l.starts_with(&format!("| {number} |")) || l.starts_with(&format!("| {number}\\* |"))
            }) else {
                assert_ne!(number, "(a)(1)(B)", "{}", path.display());
                continue;
            };
            let Some(link) = row.split("](").nth(1).and_then(|rest| rest.split(')').next()) else {
                // Only the notice of a set without guaranteed delivery is left to draft.
                assert_eq!(number, "(a)(1)(C)", "{}: {row}", path.display());
                continue;
            };
            assert!(has(&set, link), "{}: {row} links to {link}, not in the set", path.display());
            let exhibit = document(&set, link);
            assert!(exhibit.contains(&format!("**Exhibit {number}**")), "{link} has no legend {number}");
        }
    }
    assert!(commenced >= 8, "every commenced example: {commenced}");
}

#[test]
fn the_summary_advertisement_and_employee_letter_are_filed_only_when_asked_for() {
    let auction = render(AUCTION);
    let ad = document(&auction, "summary-advertisement.md");
    assert!(ad.contains("Rule 13e-4(d)(1)"));
    assert!(ad.contains("will not be made to, nor will tenders be accepted from or on behalf of, holders residing in that state"));
    let letter = document(&auction, "employee-letter.md");
    assert!(letter.contains("Lakeshore Retirement Trust Company (the “**Trustee**”)"));
    let index = document(&auction, "schedule-to.md");
    assert!(index.contains("| (a)(1)(F)\\* | [Letter to Participants in the Northwind Industrial Corp. 401(k) Savings Plan](employee-letter.md)"));
    assert!(index.contains(
        "| (a)(5)(B)\\* | [Summary Advertisement, dated November 3, 2025](summary-advertisement.md)"
    ));
    let exchange = render(EXCHANGE);
    assert!(!has(&exchange, "summary-advertisement.md") && !has(&exchange, "employee-letter.md"));
    // Without the plan's name and trustee, the letter leaves them to draft.
    let text = edited(AUCTION, "  plan_name: the Northwind Industrial Corp. 401(k) Savings Plan\n", "");
    let text = text.replacen("  plan_trustee: Lakeshore Retirement Trust Company\n", "", 1);
    let letter = document(&render_text(&text), "employee-letter.md");
    assert!(letter.contains("[the trustee: to draft (`documents.plan_trustee`)]"), "{letter}");
}

#[test]
fn later_stages_file_none_of_them_but_the_amended_letter_of_transmittal() {
    let results = render("data/northwind-dutch-auction-results.yaml");
    let amended = render("data/meridian-exchange-amended.yaml");
    for stem in ["letter-of-transmittal", "guaranteed-delivery", "letter-to-brokers", "letter-to-clients"] {
        assert!(!has(&results, &format!("{stem}.md")), "results: {stem}");
        // An amendment that changes the ratio files the Letter of Transmittal amended; the
        // others holders tender with stand as first filed.
        assert_eq!(
            has(&amended, &format!("{stem}.md")),
            stem == "letter-of-transmittal",
            "amendment: {stem}"
        );
    }
}

#[test]
fn the_depositary_s_delivery_addresses_print_by_means_or_are_left_to_draft() {
    let letter = document(&render(AUCTION), "letter-of-transmittal.md");
    assert!(letter.contains(
        "*By mail:*\n\n**Great Lakes Stock Transfer Company**\\\nAttn: Corporate Actions\\\nP.O. Box 94120"
    ));
    assert!(letter.contains("*By overnight courier:*"));
    assert!(!letter.contains("agents.exchange_agent.delivery"));
    let letter = document(&render(EXCHANGE), "letter-of-transmittal.md");
    assert!(letter.contains("*By mail, by hand or by overnight courier:*"));
    assert!(letter.contains("to draft (`agents.exchange_agent.delivery`).]"));
}

#[test]
fn a_template_folder_can_override_the_letter_of_transmittal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("letter-of-transmittal.md"),
        "Our own letter for {{ terms.issuer.name }}.\n",
    )
    .unwrap();
    let set = secdraft::pipeline::render_file(std::path::Path::new(EXCHANGE), Some(dir.path())).unwrap();
    assert!(
        document(&set, "letter-of-transmittal.md")
            .contains("Our own letter for Meridian Ridge Holdings, Inc.")
    );
    assert!(document(&set, "letter-to-brokers.md").contains("To Brokers, Dealers"));
}

#[test]
fn the_fields_of_the_tender_documents_are_refused_where_they_are_wrong() {
    let zero = edited(EXCHANGE, "  guaranteed_delivery_days: 2\n", "  guaranteed_delivery_days: 0\n");
    refused_at(&zero, "guaranteed_delivery_days", "at least one trading day");
    let misplaced = edited(
        EXCHANGE,
        "    email: meridian@lakesideproxy.example\n",
        "    email: meridian@lakesideproxy.example\n    delivery:\n      mail: [P.O. Box 1]\n",
    );
    refused_at(&misplaced, "mail: [P.O. Box 1]", "only the exchange agent or depositary receives tenders");
    let empty =
        edited(EXCHANGE, "    phone: (212) 555-0101\n", "    phone: (212) 555-0101\n    delivery: {}\n");
    refused_at(&empty, "delivery:", "at least one of `mail`, `hand` and `overnight_courier`");
    let registered =
        edited(EXCHANGE, "  exemption: section_3a9\n", "") + "\ndocuments:\n  summary_advertisement: true\n";
    refused_at(&registered, "summary_advertisement", "summary publication");
    let plan = format!("{}\ndocuments:\n  plan_name: The Plan\n", std::fs::read_to_string(EXCHANGE).unwrap());
    refused_at(&plan, "plan_name", "an employee letter the terms do not ask for");
}

const THIRD_PARTY: &str = "data/kestrel-third-party-commenced.yaml";
const CASH_AND_STOCK: &str = "data/linden-cash-and-stock-commenced.yaml";

#[test]
fn short_tendering_is_represented_only_in_a_partial_offer_and_as_a_net_long_position() {
    // An offer for all outstanding Shares is not a partial tender offer: Rule 14e-4 does not
    // apply, and the forms keep only the good-title representation.
    let set = render(THIRD_PARTY);
    for name in ["letter-of-transmittal.md", "guaranteed-delivery.md"] {
        let text = document(&set, name);
        assert!(!text.contains("14e-4") && !text.contains("net long position"), "{name}");
    }
    let letter = document(&set, "letter-of-transmittal.md");
    assert!(letter.contains("the Purchaser will acquire good, marketable and unencumbered title to them"));
    assert_prints(
        &letter,
        "The undersigned understands that the Purchaser’s acceptance of the Shares tendered by any of the procedures of Section 2",
    );
    assert!(
        document(&set, "guaranteed-delivery.md")
            .contains("The undersigned, an Eligible Institution, guarantees that")
    );
    // A partial offer: the Notice's guarantee uses the rule's concept, not "own".
    for path in [AUCTION, EXCHANGE] {
        let set = render(path);
        let notice = document(&set, "guaranteed-delivery.md");
        assert_prints(
            &notice,
            "(a) represents that the person or persons named above have a net long position in the Shares (or equivalent securities), within the meaning of Rule 14e-4 under the Exchange Act, at least equal to the Shares tendered, (b) represents that the tender complies with Rule 14e-4",
        );
        assert!(!notice.contains("“own”"), "{path}");
        assert!(
            document(&set, "letter-of-transmittal.md")
                .contains("has a net long position in the Shares tendered within the meaning of Rule 14e-4")
        );
    }
}

#[test]
fn a_third_party_s_letter_of_transmittal_appoints_its_designees_as_proxies_on_acceptance() {
    let letter = document(&render(THIRD_PARTY), "letter-of-transmittal.md");
    assert_prints(
        &letter,
        "the undersigned irrevocably appoints the designees of the Purchaser, and each of them, as the undersigned’s attorneys-in-fact and proxies",
    );
    assert_prints(
        &letter,
        "takes effect when, and only to the extent that, the Purchaser accepts the Shares tendered under the Offer",
    );
    // An issuer does not take proxies for its own Shares.
    for path in [AUCTION, EXCHANGE] {
        assert!(!document(&render(path), "letter-of-transmittal.md").contains("proxies"), "{path}");
    }
}

#[test]
fn the_special_instructions_agree_with_what_is_issued_for_each_kind() {
    // Cash: a check, singular.
    let letter = document(&render(AUCTION), "letter-of-transmittal.md");
    assert!(letter.contains("**SPECIAL PAYMENT INSTRUCTIONS**"));
    assert_prints(
        &letter,
        "To be completed only if the check for the purchase price for the Shares accepted is to be issued in the name of someone other than the undersigned, or if certificates for Shares not tendered or not accepted are to be issued in that name.",
    );
    assert_prints(
        &letter,
        "who pays them when the check for the purchase price for the Shares accepted is to be issued in the name of",
    );
    // An exchange that pays no cash issues the new security: issuance, and no withholding from
    // a payment that is never made.
    let letter = document(&render(EXCHANGE), "letter-of-transmittal.md");
    assert!(letter.contains("**SPECIAL ISSUANCE INSTRUCTIONS**") && !letter.contains("SPECIAL PAYMENT"));
    assert!(letter.contains("“Special Issuance Instructions”") && !letter.contains("Special Payment"));
    assert_prints(
        &letter,
        "if the Series D Preferred Stock for the Shares accepted is to be issued in the name of someone other than the undersigned",
    );
    assert!(!letter.contains("from any payment") && !letter.contains("backup withholding"));
    assert_prints(
        &letter,
        "Taxpayer Identification Number; IRS Form W-9 and IRS Form W-8.** The Offer pays no cash. The Exchange Agent requests each tendering stockholder’s taxpayer identification number for the issuance of the Series D Preferred Stock",
    );
    // An exchange that pays cash with the new shares: both, plural, and withholding from cash.
    let letter = document(&render(CASH_AND_STOCK), "letter-of-transmittal.md");
    assert!(letter.contains("**SPECIAL PAYMENT INSTRUCTIONS**"));
    assert!(letter.contains("and any check for cash for the Shares accepted are to be issued"));
    assert!(letter.contains("from any cash paid to a stockholder in the Offer"));
    // The guarantee box, punctuated, with the defined term.
    for path in [AUCTION, EXCHANGE, THIRD_PARTY] {
        let letter = document(&render(path), "letter-of-transmittal.md");
        assert!(letter.contains("(If required; see Instructions 1 and 5.)\n\nFor use only by a bank, broker, dealer, credit union, savings association or other entity that is a member in good standing of a recognized Medallion Program"), "{path}");
        assert!(
            letter.contains(
                "(an “**Eligible Institution**”). Place the medallion guarantee in the space below."
            ),
            "{path}"
        );
        assert!(!letter.contains("purchase price are"), "{path}");
    }
}

#[test]
fn one_defined_term_names_the_guarantor_across_the_set() {
    for path in examples() {
        let set = render(&path);
        for file in set.files.iter().filter(|f| f.name.ends_with(".md")) {
            let text = String::from_utf8(file.bytes.clone()).unwrap();
            // "eligible guarantor institution" only inside the definition of Eligible Institution.
            let mentions = text.matches("eligible guarantor institution").count();
            let defined = text.matches("“eligible guarantor institution” as Rule 17Ad-15").count();
            assert_eq!(mentions, defined, "{}: {}", path.display(), file.name);
            if text.contains("Eligible Institution") {
                assert!(
                    text.contains("(an “**Eligible Institution**”)")
                        || text.contains("“**Eligible Institution**” (a firm"),
                    "{}: {} uses the term undefined",
                    path.display(),
                    file.name
                );
            }
        }
    }
    assert!(
        document(&render(AUCTION), "offer-to-purchase.md")
            .contains("if the tender is made by or through an Eligible Institution")
    );
}

#[test]
fn the_notice_offers_random_lot_and_an_auction_s_odd_lots_may_tender_at_the_purchase_price() {
    let set = render(AUCTION);
    let notice = document(&set, "guaranteed-delivery.md");
    let conditional = &notice[notice.find("**CONDITIONAL TENDER**").unwrap()..];
    assert!(conditional.contains("To be eligible for selection by random lot"));
    assert!(conditional.contains("☐ The Shares tendered are all of the Shares the undersigned holds."));
    let letter = document(&set, "letter-of-transmittal.md");
    assert_prints(
        &letter,
        "CHECK ONE BOX ONLY, UNDER (1) OR UNDER (2), UNLESS YOU TENDER ODD LOTS AT THE PURCHASE PRICE BY CHECKING THE BOX PROVIDED FOR IT UNDER “ODD LOTS” BELOW",
    );
    assert_prints(&letter, "(a person checking this box need not check a box under (1) or (2) above)");
    assert_prints(
        &letter,
        "a stockholder tendering odd lots at the Purchase Price may instead check the box provided for it in the section captioned “Odd Lots”",
    );
    // Without odd lots first, the price section admits no exception.
    let text = edited(
        AUCTION,
        "  guaranteed_delivery_days: 1\n",
        "  guaranteed_delivery_days: 1\n  odd_lot_priority: false\n",
    );
    let letter = document(&render_text(&text), "letter-of-transmittal.md");
    assert_prints(
        &letter,
        "CHECK ONE BOX ONLY, UNDER (1) OR UNDER (2). IF MORE THAN ONE BOX IS CHECKED, OR NO BOX IS CHECKED, THE SHARES ARE NOT PROPERLY TENDERED.",
    );
}

#[test]
fn the_letters_to_nominees_and_clients_are_headed_by_the_offer_and_state_its_terms() {
    let exchange = render(EXCHANGE);
    let brokers = document(&exchange, "letter-to-brokers.md");
    assert!(brokers.contains("**Offer by Meridian Ridge Holdings, Inc. to Exchange Up to 60,000,000 Shares of its Common Stock for Shares of its 13.00% Series D Cumulative Redeemable Perpetual Preferred Stock**"));
    assert!(!brokers.contains("registered in their own names"));
    // The information agent writes in the first person, naming itself once.
    assert_prints(
        &brokers,
        "We, Lakeside Proxy Advisors LLC, have been appointed by Meridian Ridge Holdings, Inc.",
    );
    assert_eq!(brokers.matches("Lakeside Proxy Advisors LLC").count(), 2, "the opening and the signature");
    assert!(brokers.contains("may be directed to us at (212) 555-0177"));
    assert!(brokers.contains("IRS Form W-9, with its instructions"));
    for name in ["letter-to-brokers.md", "letter-to-clients.md"] {
        let text = document(&exchange, name);
        assert_prints(
            &text,
            "Shares are accepted only in multiples of 100; any Shares tendered in excess of the largest multiple will be returned, and a stockholder who holds fewer than 100 Shares cannot tender Shares in the Offer",
        );
        assert_prints(
            &text,
            "None of the Company, its board of directors, the Information Agent or the Exchange Agent makes any recommendation to stockholders as to whether to tender or refrain from tendering their Shares.",
        );
    }
    let third = render(THIRD_PARTY);
    let brokers = document(&third, "letter-to-brokers.md");
    assert!(brokers.contains("**Offer to Purchase for Cash All Outstanding Shares of Common Stock of Fenwick Instruments, Inc. at $38.50 Net Per Share by Kestrel Acquisition Corp.**"));
    assert!(brokers.contains("(other than the Depositary and the Information Agent)"));
    assert!(!brokers.contains("accepted only in multiples"));
    // Where the terms leave the position to counsel, both letters carry the note.
    let text = edited(
        AUCTION,
        "  guaranteed_delivery_days: 1\n",
        "  guaranteed_delivery_days: 1\n  recommendation: to_draft\n",
    );
    let set = render_text(&text);
    for name in ["letter-to-brokers.md", "letter-to-clients.md"] {
        let text = document(&set, name);
        assert!(text.contains("to draft (`offer.recommendation`).]"), "{name}");
        assert!(!text.contains("makes any recommendation"), "{name}");
    }
}

#[test]
fn the_plan_letter_is_sent_and_dated_and_its_form_can_direct_no_tender() {
    let letter = document(&render(AUCTION), "employee-letter.md");
    assert!(
        letter.contains("**Letter to Participants in the Northwind Industrial Corp. 401(k) Savings Plan**")
    );
    assert!(!letter.contains("401(K)"));
    assert!(
        letter.contains("[The sender of this letter")
            && letter.contains("\n\nNovember 3, 2025\n\nTo Participants")
    );
    assert!(
        letter.contains("☐ Do not tender any of the Shares allocated to the undersigned’s Plan account.")
    );
    assert!(letter.contains("| Participant identification number"));
    assert!(letter.contains("(the “**Purchase Price**”)") && letter.contains("☐ At the Purchase Price"));
    // The trustee's duties under ERISA: counsel's to state, never stated.
    let erisa = letter.lines().find(|l| l.contains("408(e)")).unwrap();
    assert!(erisa.starts_with('[') && erisa.ends_with("to draft.]"), "{erisa}");
}

#[test]
fn the_summary_advertisement_is_titled_by_the_offer_s_terms_and_defines_before_it_uses() {
    let ad = document(&render(AUCTION), "summary-advertisement.md");
    assert!(ad.contains("**Notice of Offer to Purchase for Cash Up to 5,000,000 Shares of its Common Stock at a Purchase Price Not Greater than $22.00 nor Less than $20.00 per Share**"));
    let legend = ad.lines().find(|l| l.starts_with("*This announcement")).unwrap();
    assert!(
        legend.contains("sell Shares (as defined below)") && legend.contains("The Offer (as defined below)"),
        "{legend}"
    );
    assert!(
        !legend.contains("the offer") && !legend.contains("The offer") && !legend.contains(" shares"),
        "{legend}"
    );
    assert_prints(
        &ad,
        "first, all Shares properly tendered at or below the Purchase Price and not properly withdrawn by any stockholder who owns, beneficially or of record, an aggregate of fewer than 100 Shares and tenders all of them",
    );
    for path in examples() {
        for file in render(&path).files.iter().filter(|f| f.name.ends_with(".md")) {
            let text = String::from_utf8(file.bytes.clone()).unwrap();
            assert!(!text.contains("first odd lots"), "{}: {}", path.display(), file.name);
        }
    }
}

#[test]
fn the_documents_holders_tender_with_define_each_term_before_they_use_it() {
    // Every commenced example, rendered and checked through the binary: in the documents holders
    // tender with, nothing but notes to draft (a forward reference, "Shares (as defined below)",
    // is not a use before the definition).
    let tender_documents = [
        "letter-of-transmittal",
        "guaranteed-delivery",
        "letter-to-brokers",
        "letter-to-clients",
        "employee-letter",
        "summary-advertisement",
    ];
    let mut checked = 0;
    for path in examples().iter().filter(|p| p.to_string_lossy().ends_with("-commenced.yaml")) {
        let dir = tempfile::tempdir().unwrap();
        crate::common::secdraft().arg("render").arg(path).arg("--out").arg(dir.path()).assert().success();
        let out = crate::common::secdraft()
            .args(["check", "--mode", "draft", "--format", "json"])
            .arg(dir.path())
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for finding in json["findings"].as_array().unwrap() {
            let file = finding["file"].as_str().unwrap();
            if tender_documents.iter().any(|stem| file.contains(stem)) {
                assert_eq!(finding["rule"], "placeholder", "{}: {finding:#?}", path.display());
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "the notes to draft of the tender documents are found");
}
