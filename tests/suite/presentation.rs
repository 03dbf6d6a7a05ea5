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
