//! Facts a real offer may lack: an unlisted class (no exchange, symbol or CUSIP), no website,
//! no description or "About" text, no investor contact, no counsel, no wire service or
//! dateline city, no summary of the conditions, no information agent or dealer manager. Each
//! set still renders; a sentence that needs the fact drops out, or leaves a bracketed note
//! where the document must say something.

use std::fs;

use crate::common::{document, edited, refused, render, scratch_terms};

/// The lines of a terms file without the field `key` of the top-level `section` (its nested
/// lines too); `section` "" removes a top-level field.
fn without(text: &str, section: &str, key: &str) -> String {
    let mut out = Vec::new();
    let (mut current, mut skipping, mut depth) = ("", false, 0);
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        if !line.is_empty() && indent == 0 && !line.starts_with('#') {
            current = line.split(':').next().unwrap_or("");
        }
        if skipping {
            if line.trim().is_empty()
                || indent > depth
                || line.trim_start().starts_with("- ") && indent == depth
            {
                continue;
            }
            skipping = false;
        }
        let (want_indent, want_section) = if section.is_empty() { (0, key) } else { (2, section) };
        if current == want_section
            && indent == want_indent
            && line.trim_start().starts_with(&format!("{key}:"))
        {
            skipping = true;
            depth = indent;
            continue;
        }
        out.push(line);
    }
    out.join("\n") + "\n"
}

fn bare(path: &str) -> String {
    let mut text = fs::read_to_string(path).unwrap();
    for key in ["exchange", "ticker", "phone", "website", "description", "about"] {
        text = without(&text, "issuer", key);
    }
    text = without(&text, "security", "cusip");
    text = without(&text, "offer", "conditions_summary");
    for agent in ["information_agent", "dealer_manager"] {
        text = without(&text, "agents", agent);
    }
    for key in ["counsel", "investor_contact", "press_release"] {
        text = without(&text, "", key);
    }
    text
}

#[test]
fn every_set_renders_without_the_facts_an_offer_may_lack() {
    for path in [
        "data/ault-alliance-2023-12-13.yaml",
        "data/meridian-exchange-commenced.yaml",
        "data/northwind-dutch-auction-commenced.yaml",
        "data/meridian-exchange-amended.yaml",
        "data/meridian-exchange-results.yaml",
        "data/northwind-dutch-auction-results.yaml",
        "data/tamarack-exchange-terminated.yaml",
        "data/ashgrove-tender-preliminary-results.yaml",
        "data/ashgrove-tender-final-results.yaml",
    ] {
        let text = bare(path);
        for gone in ["\nissuer:\n  name:", "investor_contact:", "counsel:", "cusip:", "website:", "ticker:"] {
            if gone.starts_with('\n') {
                assert!(text.contains(gone), "{path}: the issuer block is gone");
            } else {
                assert!(!text.contains(gone), "{path}: `{gone}` is still in the terms");
            }
        }
        let (_dir, terms) = scratch_terms(&text);
        let set = render(&terms);
        let release = document(&set, "press-release.md");
        let schedule = document(&set, "schedule-to.md");
        assert!(release.contains("[CITY: to draft (`press_release.dateline_city`)] – "), "{path}: {release}");
        assert!(
            schedule.contains("[CUSIP number of the class, or “None”: to draft (`security.cusip`)]"),
            "{path}"
        );
        assert!(!schedule.contains("Copy to"), "{path}: a Copy to block with no counsel");
        assert!(!release.contains("Investor Contact"), "{path}: an investor contact with no contact");
        assert!(!release.contains("**About "), "{path}: an About section with no text");
        for website in ["Company’s website", "Investor Relations section"] {
            assert!(!release.contains(website), "{path}: `{website}` with no address");
        }
        for document in set.files.iter().filter(|f| f.name.ends_with(".md")) {
            let text = String::from_utf8(document.bytes.clone()).unwrap();
            // What a missing value leaves behind, outside the notes that stand in for it.
            let mut parts = text.split('[');
            let mut outside_notes = parts.next().unwrap_or_default().to_owned();
            for part in parts {
                outside_notes.push_str("NOTE");
                outside_notes.push_str(part.rsplit(']').next().unwrap_or(part));
            }
            for broken in ["()", "(: )", " ,", " .", "“”"] {
                assert!(!outside_notes.contains(broken), "{path}: {} prints `{broken}`", document.name);
            }
        }
        if let Some(offer) = set.files.iter().find(|f| f.name.starts_with("offer-to-")) {
            let offer = String::from_utf8(offer.bytes.clone()).unwrap();
            assert!(
                offer.contains("[The principal market, if any, on which the Shares are traded: to draft"),
                "{path}"
            );
            assert!(
                offer.contains("[A description of the Company’s business: to draft (`issuer.about`).]"),
                "{path}"
            );
            assert!(
                offer.contains("its telephone number is [telephone number: to draft (`issuer.phone`)]"),
                "{path}"
            );
        }
    }
}

#[test]
fn the_intent_release_leaves_the_summary_and_the_contact_to_draft() {
    let (_dir, terms) = scratch_terms(&bare("data/ault-alliance-2023-12-13.yaml"));
    let release = document(&render(&terms), "press-release.md");
    assert!(
        release.contains("The Offer is subject to [the conditions of the Offer, in summary: to draft (`offer.conditions_summary`)]."),
        "{release}"
    );
    assert!(
        release.contains("-- Ault Alliance, Inc. (“**Ault Alliance**,” or the “**Company**”) today"),
        "{release}"
    );
}

#[test]
fn an_exchange_without_a_symbol_is_refused_where_it_is_written() {
    let text = edited("data/ault-alliance-2023-12-13.yaml", "  ticker: AULT\n", "");
    let line = text.lines().position(|l| l.starts_with("  exchange:")).unwrap() + 1;
    refused(&text, &["issuer.exchange", "`issuer.ticker`", &format!("terms.yaml:{line}:")]);
}

#[test]
fn a_summary_that_says_including_is_joined_to_the_minimum_condition_once() {
    let path = "data/meridian-exchange-commenced.yaml";
    let with_minimum = |summary: &str| {
        let text = edited(
            path,
            "  conditions_summary: customary conditions\n",
            &format!("  conditions_summary: {summary}\n  min_shares: 20_000_000\n"),
        );
        let (_dir, terms) = scratch_terms(&text);
        document(&render(&terms), "press-release.md")
    };
    let release = with_minimum("customary conditions, including the absence of any injunction");
    assert!(
        release.contains("The Offer is subject to customary conditions, including the absence of any injunction, and to the condition that at least 20,000,000 Shares be properly tendered and not properly withdrawn."),
        "{release}"
    );
    let release = with_minimum("customary conditions");
    assert!(
        release.contains("The Offer is subject to customary conditions, including that at least 20,000,000 Shares are properly tendered and not properly withdrawn."),
        "{release}"
    );
}
