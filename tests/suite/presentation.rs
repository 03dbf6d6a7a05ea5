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
