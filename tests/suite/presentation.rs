//! How the drafts read: the article before a figure follows the number as read, the sought
//! class's title keeps its capitals, and the agents' sentences print only what the terms give.

use crate::common::{EXAMPLE, document, edited, render, scratch_terms};

/// `path` with one edit, rendered through the library.
fn rendered_with(path: &str, from: &str, to: &str) -> secdraft::pipeline::RenderedSet {
    let (_dir, terms) = scratch_terms(&edited(path, from, to));
    render(&terms)
}

#[test]
fn the_article_before_a_premium_follows_the_number_as_read() {
    // $0.25 against a closing price of $0.1375 is an 82% premium (81.8%, printed whole).
    let intent = rendered_with(EXAMPLE, "    price: 0.083\n", "    price: 0.1375\n");
    let release = document(&intent, "press-release.md");
    assert!(
        release.contains(
            "per common share equivalent represents an 82% increase over the last reported sales price"
        ),
        "{release}"
    );
    assert!(!release.contains(" a 82%"), "{release}");
    let commenced =
        rendered_with("data/meridian-exchange-commenced.yaml", "    price: 0.083\n", "    price: 0.1375\n");
    for name in ["press-release.md", "offer-to-exchange.md"] {
        let text = document(&commenced, name);
        assert!(text.contains("$0.25 per Share, an 82% increase over"), "{name}: {text}");
    }
    // The seed's 201% keeps its "a".
    assert!(document(&render(EXAMPLE), "press-release.md").contains("represents a 201% increase over"));
}

#[test]
fn the_sought_class_keeps_its_capitals() {
    let named = "8% Series A Cumulative Preferred Stock";
    let set = rendered_with(
        "data/meridian-exchange-commenced.yaml",
        "  title: Common Stock\n",
        &format!("  title: {named}\n"),
    );
    let release = document(&set, "press-release.md");
    assert!(release.contains(&format!("shares of its {named} (the “**Shares**”)")), "{release}");
    assert!(!release.contains(&named.to_lowercase()), "{release}");
    let offer = document(&set, "offer-to-exchange.md");
    assert!(offer.contains(&format!("shares of its {named}")), "{offer}");
    assert!(document(&set, "schedule-to.md").contains(&format!("shares of its {named}")));
    // A generic class reads in lower case, as filings write it; a class letter keeps its capital.
    let seed = document(&render("data/meridian-exchange-commenced.yaml"), "press-release.md");
    assert!(seed.contains("shares of its common stock (the “**Shares**”)"), "{seed}");
    let lettered = rendered_with(
        "data/northwind-dutch-auction-commenced.yaml",
        "  title: Common Stock\n",
        "  title: Class A Common Stock\n",
    );
    assert!(
        document(&lettered, "press-release.md").contains("of its Class A common stock (the “**Shares**”)")
    );
}

/// `path` without its information agent (and, with `without_dealer_manager`, its dealer manager).
fn without_agents(path: &str, without_dealer_manager: bool) -> (tempfile::TempDir, std::path::PathBuf) {
    let text = std::fs::read_to_string(path).unwrap();
    let drop_block = |text: &str, key: &str| -> String {
        let mut out = String::new();
        let mut skipping = false;
        for line in text.lines() {
            if line == format!("  {key}:") {
                skipping = true;
                continue;
            }
            if skipping && line.starts_with("    ") {
                continue;
            }
            skipping = false;
            out.push_str(line);
            out.push('\n');
        }
        out
    };
    let mut edited = drop_block(&text, "information_agent");
    assert_ne!(edited, text, "{path} names an information agent");
    if without_dealer_manager {
        edited = drop_block(&edited, "dealer_manager");
    }
    scratch_terms(&edited)
}

#[test]
fn without_an_information_agent_holders_are_sent_to_the_exchange_agent() {
    let (_dir, path) = without_agents("data/meridian-exchange-commenced.yaml", false);
    let set = render(&path);
    for file in &set.files {
        let text = String::from_utf8_lossy(&file.bytes);
        assert!(!text.to_lowercase().contains("information agent"), "{}: {text}", file.name);
    }
    let release = document(&set, "press-release.md");
    for sentence in [
        "None of the Company, its board of directors or the exchange agent makes any recommendation",
        "Harbor Transfer & Trust Company is serving as exchange agent for the Offer. Questions and requests for assistance or for copies of the Offer documents may be directed to Harbor Transfer & Trust Company at (212) 555-0101.",
        "free of charge at the SEC’s website at www.sec.gov or from the exchange agent.",
    ] {
        assert!(release.contains(sentence), "{sentence}\n{release}");
    }
    let offer = document(&set, "offer-to-exchange.md");
    for sentence in [
        "NONE OF THE COMPANY, ITS BOARD OF DIRECTORS OR THE EXCHANGE AGENT MAKES ANY RECOMMENDATION",
        "Questions and requests for assistance may be directed to the Exchange Agent at its address and telephone number set forth on the back cover of this Offer to Exchange. Requests for additional copies of this Offer to Exchange, the Letter of Transmittal or the Notice of Guaranteed Delivery may be directed to the Exchange Agent.",
        "must not be relied upon as having been authorized by the Company or the Exchange Agent.",
        "The Exchange Agent, Harbor Transfer & Trust Company, at (212) 555-0101.",
        "None of the Company, its board of directors or the Exchange Agent makes any recommendation to any stockholder",
        "The Company has retained Harbor Transfer & Trust Company as Exchange Agent in connection with the Offer. The Exchange Agent will receive reasonable and customary compensation",
        "may be directed to the Exchange Agent at the address and telephone number above.",
    ] {
        assert!(offer.contains(sentence), "{sentence}\n{offer}");
    }
}

#[test]
fn a_dealer_manager_without_an_information_agent_is_still_named() {
    let (_dir, path) = without_agents("data/northwind-dutch-auction-commenced.yaml", false);
    let set = render(&path);
    let release = document(&set, "press-release.md");
    for sentence in [
        "None of the Company, its board of directors, the dealer manager or the depositary makes any recommendation",
        "Fairhaven Securities LLC is serving as dealer manager and Great Lakes Stock Transfer Company as depositary for the Offer. Questions and requests for assistance or for copies of the Offer documents may be directed to Great Lakes Stock Transfer Company at (216) 555-0199.",
    ] {
        assert!(release.contains(sentence), "{sentence}\n{release}");
    }
    let offer = document(&set, "offer-to-purchase.md");
    assert!(offer.contains("Fairhaven Securities LLC is the dealer manager for the Offer (the “**Dealer Manager**”). Requests for additional copies of this Offer to Purchase, the Letter of Transmittal or the Notice of Guaranteed Delivery may be directed to the Depositary."), "{offer}");
    assert!(offer.contains("must not be relied upon as having been authorized by the Company, the Dealer Manager or the Depositary."), "{offer}");
    // Without either, the dealer manager's sentences drop out too.
    let (_dir, neither) = without_agents("data/northwind-dutch-auction-commenced.yaml", true);
    let set = render(&neither);
    for file in &set.files {
        let text = String::from_utf8_lossy(&file.bytes).to_lowercase();
        assert!(!text.contains("dealer manager") && !text.contains("information agent"), "{}", file.name);
    }
    assert!(
        document(&set, "offer-to-purchase.md")
            .contains("NONE OF THE COMPANY, ITS BOARD OF DIRECTORS OR THE DEPOSITARY MAKES")
    );
}

#[test]
fn amendment_and_results_releases_without_an_information_agent() {
    let (_dir, amended) = without_agents("data/meridian-exchange-amended.yaml", false);
    let release = document(&render(&amended), "press-release.md");
    assert!(
        release.contains("available free of charge at the SEC’s website at www.sec.gov or from Harbor Transfer & Trust Company, the exchange agent for the Offer, at (212) 555-0101."),
        "{release}"
    );
    let (_dir, results) = without_agents("data/northwind-dutch-auction-results.yaml", false);
    let release = document(&render(&results), "press-release.md");
    assert!(
        release.contains("Fairhaven Securities LLC served as dealer manager and Great Lakes Stock Transfer Company as depositary for the Offer. Questions may be directed to Great Lakes Stock Transfer Company at (216) 555-0199."),
        "{release}"
    );
}

#[test]
fn a_commenced_offer_without_an_information_agent_renders_through_the_binary() {
    let (dir, path) = without_agents("data/meridian-exchange-commenced.yaml", false);
    crate::common::secdraft()
        .arg("render")
        .arg(&path)
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .success();
    // The exchange agent stays required: without it the error names the field.
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("  exchange_agent:\n").unwrap();
    let end = text[start..].find("\ndisclosure:").unwrap() + start;
    let (_dir2, bare) = scratch_terms(
        &format!("{}{}", &text[..start], &text[end + 1..]).replace("agents:\n", "agents: {}\n"),
    );
    crate::common::secdraft()
        .arg("render")
        .arg(&bare)
        .arg("--out")
        .arg(dir.path().join("bare"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "agents: a commenced offer names its exchange agent in `agents.exchange_agent`",
        ));
}

#[test]
fn a_price_that_is_nearly_nothing_against_the_closing_price_is_not_a_100_percent_decrease() {
    // $0.25 against $300.00 is a 99.92% decrease: whole points would print "100%", which
    // would say the consideration is worth nothing.
    let intent = rendered_with(EXAMPLE, "    price: 0.083\n", "    price: 300.00\n");
    let release = document(&intent, "press-release.md");
    assert!(
        release.contains(
            "per common share equivalent represents a 99.9% decrease from the last reported sales price"
        ),
        "{release}"
    );
    assert!(!release.contains("100% decrease"), "{release}");
}
