//! Every example renders its full set; each computed figure prints one way across the set;
//! the Offer of the commenced example states each element of Item 1004(a)(1).

use std::path::Path;

use rust_decimal::Decimal;
use secdraft::figures::Unit;
use secdraft::format;
use secdraft::pipeline::{self, RenderedSet};

use crate::common::{document as markdown, edited, examples, render};

fn names(set: &RenderedSet) -> Vec<&str> {
    set.files.iter().map(|f| f.name.as_str()).collect()
}

#[test]
fn each_stage_renders_its_documents() {
    let exchange = [
        (
            "data/meridian-exchange-commenced.yaml",
            vec![
                "schedule-to",
                "offer-to-exchange",
                "press-release",
                "letter-of-transmittal",
                "guaranteed-delivery",
                "letter-to-brokers",
                "letter-to-clients",
            ],
        ),
        // The amendment changes the ratio: it files the amended and restated Offer and the
        // amended Letter of Transmittal.
        (
            "data/meridian-exchange-amended.yaml",
            vec!["schedule-to", "offer-to-exchange", "press-release", "letter-of-transmittal"],
        ),
        ("data/meridian-exchange-results.yaml", vec!["schedule-to", "press-release"]),
        (
            "data/northwind-dutch-auction-commenced.yaml",
            vec![
                "schedule-to",
                "offer-to-purchase",
                "press-release",
                "letter-of-transmittal",
                "guaranteed-delivery",
                "letter-to-brokers",
                "letter-to-clients",
                "summary-advertisement",
                "employee-letter",
            ],
        ),
        ("data/northwind-dutch-auction-results.yaml", vec!["schedule-to", "press-release"]),
    ];
    for (path, stems) in exchange {
        let set = render(path);
        let mut expected: Vec<String> =
            stems.iter().flat_map(|s| [format!("{s}.md"), format!("{s}.htm")]).collect();
        expected.push("filing-fees.htm".into());
        assert_eq!(names(&set), expected, "{path}");
    }
}

/// Every other way a figure's value could have been printed.
fn variants(unit: Unit, value: Decimal) -> Vec<String> {
    match unit {
        Unit::Percent { .. } => (0..=4).filter_map(|p| format::percent(value, p).ok()).collect(),
        Unit::Money | Unit::Aggregate | Unit::Cents => (0..=4)
            .filter_map(|p| format::money_places(value, p).ok())
            .chain([format::money(value)])
            .collect(),
        Unit::Shares | Unit::Count => {
            vec![value.normalize().to_string(), format::shares(value).unwrap_or_default()]
        }
        Unit::ExchangeRatio | Unit::Rate => vec![],
    }
}

#[test]
fn each_figure_prints_the_same_in_every_document_of_a_set() {
    for file in examples() {
        let set = render(&file);
        let path = file.display();
        let documents: Vec<(String, String)> = set
            .files
            .iter()
            .filter(|f| f.name.ends_with(".md"))
            .map(|f| (f.name.clone(), String::from_utf8(f.bytes.clone()).unwrap()))
            .collect();
        let displays: Vec<String> = set.filing.figures.all().iter().map(|f| f.display()).collect();
        for figure in set.filing.figures.all() {
            let shown = figure.display();
            for other in variants(figure.unit, figure.value) {
                // A variant that is a prefix of the printed form ("$0.25" of "$0.2500"), or
                // another figure's own form of the same value, is not a second form.
                if other == shown || shown.starts_with(&other) || other.len() < 4 || displays.contains(&other)
                {
                    continue;
                }
                for (name, text) in &documents {
                    let printed_elsewhere = text.match_indices(&other).any(|(at, _)| {
                        let next = text[at + other.len()..].chars().next();
                        !next.is_some_and(|c| c.is_ascii_digit() || c == ',')
                    });
                    assert!(
                        !printed_elsewhere,
                        "{path}: {name} prints {} as {other}; the set prints it as {shown}",
                        figure.name()
                    );
                }
            }
        }
    }
}

#[test]
fn headline_figures_appear_in_the_release_and_the_offer() {
    let set = render("data/meridian-exchange-commenced.yaml");
    let release = markdown(&set, "press-release.md");
    let offer = markdown(&set, "offer-to-exchange.md");
    for name in ["effective_price", "premium", "max_new_shares", "aggregate_liquidation_preference"] {
        let shown = set.filing.figures.get(name).unwrap().display();
        assert!(release.contains(&shown), "the release does not print {name} ({shown})");
        assert!(offer.contains(&shown), "the Offer does not print {name} ({shown})");
    }
    let dutch = render("data/northwind-dutch-auction-results.yaml");
    let price = dutch.filing.figures.get("purchase_price").unwrap().display();
    assert_eq!(price, "$20.75");
    assert!(markdown(&dutch, "press-release.md").contains(&price));
    assert!(markdown(&dutch, "schedule-to.md").contains(&price));
}

/// Item 1004(a)(1) of Regulation M-A, element by element, with where the Offer states it.
#[test]
fn the_commenced_offer_states_every_item_1004_a_1_element() {
    let set = render("data/meridian-exchange-commenced.yaml");
    let offer = markdown(&set, "offer-to-exchange.md");
    let section = |anchor: &str| -> &str {
        let start = offer.find(&format!("{{#{anchor}}}")).unwrap_or_else(|| panic!("no section {anchor}"));
        let rest = &offer[start..];
        let end = rest[1..].find("\n## ").or_else(|| rest[1..].find("\n### ")).map_or(rest.len(), |e| e + 1);
        &rest[..end]
    };
    let elements: [(&str, &str, &str); 12] = [
        (
            "(i) the securities sought and the amount",
            "section-1",
            "will accept for exchange up to 60,000,000 Shares",
        ),
        (
            "(ii) the consideration",
            "section-1",
            "one (1) share of Series D Preferred Stock for each 100 Shares",
        ),
        ("(iii) the scheduled expiration date", "section-1", "on Tuesday, January 30, 2024"),
        ("(iv) no subsequent offering period", "section-15", "There will be no subsequent offering period"),
        (
            "(v) whether the offer may be extended, and how",
            "section-15",
            "to extend the period during which the Offer is open",
        ),
        (
            "(vi) the dates before and after which withdrawal is possible",
            "section-4",
            "after 11:59 p.m., New York City time, on Wednesday, February 28, 2024, the 40th business day",
        ),
        ("(vii) the procedures for tendering", "section-3", "For Shares to be properly tendered"),
        ("(vii) the procedures for withdrawing", "section-4", "written notice of withdrawal"),
        (
            "(viii) the manner of acceptance and payment",
            "section-5",
            "will be deemed to have accepted Shares for exchange",
        ),
        ("(ix) proration", "section-1", "on a pro rata basis"),
        ("(x) differences in the rights of holders", "section-19", "compares the material rights"),
        ("(xii) federal income tax consequences", "section-14", "tax consequences to them of the Offer"),
    ];
    for (element, anchor, phrase) in elements {
        assert!(
            section(anchor).contains(phrase),
            "the Offer does not state {element}: `{phrase}` in {anchor}"
        );
    }
    // (xi) accounting treatment, if material: the section is there, awaiting counsel's text.
    assert!(section("section-20").contains("[Accounting treatment of the exchange: to draft"));
}

#[test]
fn schedule_to_items_link_into_the_offer() {
    let set = render("data/meridian-exchange-commenced.yaml");
    let schedule = markdown(&set, "schedule-to.md");
    for item in 1..=13 {
        assert!(schedule.contains(&format!("**Item {item}.")), "Item {item} is missing");
    }
    let html = markdown(&set, "schedule-to.htm");
    let offer = markdown(&set, "offer-to-exchange.htm");
    let mut links = 0;
    for (at, _) in html.match_indices("href=\"offer-to-exchange.htm#") {
        let rest = &html[at + "href=\"offer-to-exchange.htm#".len()..];
        let anchor = &rest[..rest.find('"').unwrap()];
        assert!(offer.contains(&format!("id=\"{anchor}\"")), "#{anchor} does not resolve in the Offer");
        links += 1;
    }
    assert!(links >= 20, "only {links} links from the Schedule TO into the Offer");
    assert!(html.contains("href=\"press-release.htm\""));
}

fn load_error(path: &str, from: &str, to: &str) -> secdraft::Diagnostic {
    match secdraft::terms::load_str(Path::new(path), edited(path, from, to)) {
        Ok(loaded) => {
            let templates = secdraft::render::Templates::embedded().unwrap();
            pipeline::render_loaded(loaded, &templates).expect_err("the change must be refused")
        }
        Err(e) => e.into(),
    }
}

#[test]
fn lifecycle_terms_are_checked_where_they_are_written() {
    let e = load_error(
        "data/northwind-dutch-auction-results.yaml",
        "    - price: 22.00\n      shares: 500_000",
        "    - price: 22.00\n      shares: 400_000",
    );
    assert_eq!(e.field.as_deref(), Some("results.tenders_by_price"));
    assert!(e.message.contains("add up to 6,900,000, not the 7,000,000 tendered"), "{}", e.message);

    let e = load_error("data/northwind-dutch-auction-results.yaml", "price: 20.75", "price: 20.80");
    assert_eq!(e.field.as_deref(), Some("results.tenders_by_price[4].price"));

    let e = load_error(
        "data/meridian-exchange-results.yaml",
        "  odd_lots: 150_000",
        "  odd_lots: 150_000\n  additional_accepted: 5_000_000",
    );
    assert!(e.message.contains("above the 2% of the class outstanding (4,200,000)"), "{}", e.message);

    let e = load_error("data/meridian-exchange-amended.yaml", "  amendment: 1\n", "  amendment: 2\n");
    assert_eq!(e.field.as_deref(), Some("filing.amendment"));
    assert!(e.message.contains("Amendment No. 2 is not in `amendments`"), "{}", e.message);

    let e = load_error(
        "data/meridian-exchange-amended.yaml",
        "      aggregate_liquidation_preference: 18_750_000",
        "      aggregate_liquidation_preference: 18_750_010",
    );
    assert_eq!(e.field.as_deref(), Some("amendments[0].changes.aggregate_liquidation_preference"));
    assert!(e.message.contains("not a whole number of new shares"), "{}", e.message);

    let e = load_error(
        "data/meridian-exchange-commenced.yaml",
        "  shares_outstanding: 210_000_000",
        "  shares_outstanding: 50_000_000",
    );
    assert_eq!(e.field.as_deref(), Some("offer.max_shares"));
    assert!(
        e.message.contains("seeks 60,000,000 shares, more than the 50,000,000 outstanding"),
        "{}",
        e.message
    );

    let e = load_error("data/meridian-exchange-commenced.yaml", "  commencement: 2024-01-02\n", "");
    assert!(e.message.contains("a commenced offer needs `dates.commencement`"), "{}", e.message);

    let e = load_error(
        "data/northwind-dutch-auction-commenced.yaml",
        "    increment: 0.25",
        "    increment: 0.30",
    );
    assert_eq!(e.field.as_deref(), Some("offer.auction.increment"));
}

#[test]
fn the_tie_out_places_each_figure_on_the_line_of_the_written_file_that_prints_it() {
    let mut constants = 0;
    for path in [
        "data/ault-alliance-2023-12-13.yaml",
        "data/meridian-exchange-amended.yaml",
        "data/meridian-exchange-commenced.yaml",
    ] {
        let set = render(path);
        let sheet = secdraft::tieout::build(&set).unwrap();
        let mut placed = 0;
        for figure in &sheet.figures {
            for place in &figure.printed_at {
                let file = set.files.iter().find(|f| f.name == place.document).unwrap();
                let written = String::from_utf8(secdraft::output::stamped(file)).unwrap();
                let line = written.lines().nth(place.line - 1).unwrap();
                // As printed, without a sign (an increase or decrease), or as a tagged XBRL fact (the
                // dollar sign outside the tag).
                let forms = [
                    &figure.display,
                    figure.display.trim_start_matches('-'),
                    figure.display.trim_start_matches('$'),
                ];
                assert!(
                    forms.iter().any(|form| line.contains(*form))
                        || secdraft::format::words(figure.value.parse().unwrap())
                            .is_some_and(|w| line.contains(&w))
                        || figure.name == "exchange_ratio",
                    "{path}: {}:{} does not print {} ({}): {line}",
                    place.document,
                    place.line,
                    figure.name,
                    figure.display
                );
                placed += 1;
            }
        }
        assert!(placed > 5, "{path}: only {placed} places");
        // The constants of the rules and the untraced numbers stand on the lines named too.
        let written_line = |place: &secdraft::tieout::Place| {
            let file = set.files.iter().find(|f| f.name == place.document).unwrap();
            let written = String::from_utf8(secdraft::output::stamped(file)).unwrap();
            written.lines().nth(place.line - 1).unwrap().to_owned()
        };
        for constant in &sheet.constants {
            for place in constant.printed_at.iter().filter(|p| p.document.ends_with(".md")) {
                let line = written_line(place);
                assert!(line.contains(constant.text), "{path}: {}:{}: {line}", place.document, place.line);
                constants += 1;
            }
        }
        for place in sheet.untraced.iter().filter(|p| p.document.ends_with(".md")) {
            let line = written_line(place);
            assert!(
                line.contains(place.text.as_deref().unwrap()),
                "{path}: {}:{}: {line}",
                place.document,
                place.line
            );
        }
    }
    assert!(constants > 0, "no constant of the rules placed");
}

#[test]
fn an_offer_that_was_not_oversubscribed_reports_every_share_accepted() {
    let overrides: Vec<secdraft::terms::Override> =
        ["results.tendered=1000000", "results.guaranteed_delivery=0", "results.odd_lots=0"]
            .iter()
            .map(|o| o.parse().unwrap())
            .collect();
    let set = pipeline::render_file_with(Path::new("data/meridian-exchange-results.yaml"), None, &overrides)
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let release = markdown(&set, "press-release.md");
    assert!(release.contains("has accepted all 1,000,000 Shares properly tendered"), "{release}");
    assert!(!release.contains("pro rata"), "{release}");
    let oversubscribed = markdown(&render("data/meridian-exchange-results.yaml"), "press-release.md");
    assert!(oversubscribed.contains("final proration factor of approximately"));
}

#[test]
fn a_section_3a9_exchange_with_a_dealer_manager_leaves_its_role_to_counsel() {
    let text = edited(
        "data/meridian-exchange-commenced.yaml",
        "  information_agent:",
        "  dealer_manager:\n    name: Crestline Securities LLC\n    address:\n      - 1 Market Plaza\n    phone: (415) 555-0190\n  information_agent:",
    );
    let (_dir, terms) = crate::common::scratch_terms(&text);
    let set = render(&terms);
    assert!(
        set.warnings.iter().any(|w| w.starts_with(
            "agents.dealer_manager: Section 3(a)(9) exempts an exchange only where no commission"
        )),
        "{:?}",
        set.warnings
    );
    let offer = markdown(&set, "offer-to-exchange.md");
    assert!(offer.contains("[Section 3(a)(9): state the services Crestline Securities LLC provides and that no part of its compensation is paid for soliciting tenders: to draft.]"));
    // Without a dealer manager, nothing to confirm.
    assert!(render("data/meridian-exchange-commenced.yaml").warnings.iter().all(|w| !w.contains("3(a)(9)")));
}

#[test]
fn one_firm_serving_as_information_agent_and_exchange_agent_is_named_once() {
    let text = edited(
        "data/meridian-exchange-commenced.yaml",
        "    name: Lakeside Proxy Advisors LLC",
        "    name: Harbor Transfer & Trust Company",
    );
    let (_dir, terms) = crate::common::scratch_terms(&text);
    let set = render(&terms);
    let release = markdown(&set, "press-release.md");
    assert!(
        release.contains("Harbor Transfer & Trust Company is serving as information agent and exchange agent for the Offer."),
        "{release}"
    );
    let offer = markdown(&set, "offer-to-exchange.md");
    assert!(
        offer.contains("has retained Harbor Transfer & Trust Company as Information Agent and Exchange Agent in connection with the Offer. The Exchange Agent will receive"),
        "{offer}"
    );
}
