//! The documents laid out as filed (issue 14, "Layout as filed"): page breaks between the cover,
//! the body and the major parts, exhibit legends at the top of each exhibit, the Offer's table
//! of contents as a filing's, and tables without a grid.

use secdraft::pipeline::RenderedSet;

use crate::common::{EXAMPLE, document, examples, render};

const EXCHANGE: &str = "data/meridian-exchange-commenced.yaml";
const AUCTION: &str = "data/northwind-dutch-auction-commenced.yaml";
const NOTES: &str = "data/halvorsen-notes-tender-commenced.yaml";
const THIRD_PARTY: &str = "data/kestrel-third-party-commenced.yaml";

/// The page break the HTML writes where a template asks for one, and the one it writes after
/// a rule (the cover page's last).
const BREAK: &str = "<hr style=\"page-break-before: always; border: 0; border-top: 1px solid #999999; margin: 14pt 0 24pt 0\">\n";
const BREAK_AFTER_RULE: &str = "<div style=\"page-break-before: always\"></div>\n";
const RULE: &str = "<hr style=\"border: 0; border-top: 1px solid #000000; margin: 12pt 0\">\n";
const P: &str = "<p style=\"margin: 0 0 10pt 0; text-align: justify\">";

/// The text of the HTML from `at` on, without its tags, its first 60 characters.
fn text_after(html: &str, at: usize) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[at..].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            // Leading white space goes: the text begins at the first word.
            c if in_tag || (text.is_empty() && c.is_whitespace()) => {}
            c => text.push(c),
        }
        if text.len() >= 60 {
            break;
        }
    }
    text
}

/// What begins each page after the first: the text after each page break.
fn pages(html: &str) -> Vec<String> {
    html.match_indices("page-break-before: always")
        .map(|(at, _)| {
            let end = at + html[at..].find('>').unwrap() + 1;
            text_after(html, end)
        })
        .collect()
}

/// The body of an HTML page, after its opening tag.
fn body(html: &str) -> &str {
    let start = html.find("<body").unwrap();
    &html[start + html[start..].find('>').unwrap() + 2..]
}

#[test]
fn the_schedule_to_breaks_after_its_cover_and_before_its_signature_and_exhibit_index() {
    let html = document(&render(EXCHANGE), "schedule-to.htm");
    // The cover page ends with its rule, and the statement begins the next page.
    assert!(
        html.contains(&format!("(Cross-Border Third-Party Tender Offer)</p>\n{RULE}{BREAK_AFTER_RULE}{P}This Tender Offer Statement")),
        "{html}"
    );
    assert!(html.contains(&format!("{BREAK}{P}<b>SIGNATURE</b></p>")), "{html}");
    assert!(html.contains(&format!("{BREAK}{P}<b>EXHIBIT INDEX</b></p>")), "{html}");
    assert_eq!(pages(&html).len(), 3, "{:?}", pages(&html));
    // The Schedule TO-C: its cover page, then its text with the exhibit index, which has no
    // signature before it.
    let seed = document(&render(EXAMPLE), "schedule-to.htm");
    assert_eq!(pages(&seed).len(), 1, "{:?}", pages(&seed));
    assert!(pages(&seed)[0].starts_with("This Tender Offer Statement on Schedule TO relates solely"));
    // The Markdown asks for each break on a line of its own.
    let markdown = document(&render(EXCHANGE), "schedule-to.md");
    assert_eq!(markdown.matches("\n<!-- page-break -->\n").count(), 3);
}

#[test]
fn the_offer_begins_a_page_at_each_major_part() {
    let starts = |path: &str, name: &str| -> Vec<String> {
        pages(&document(&render(path), name))
            .into_iter()
            .map(|text| text.lines().next().unwrap_or("").chars().take(18).collect::<String>())
            .collect()
    };
    let back_cover = "The Letter of Tran";
    assert_eq!(
        starts(EXCHANGE, "offer-to-exchange.htm"),
        [
            "IMPORTANT",
            "TABLE OF CONTENTS",
            "SUMMARY TERM SHEET",
            "RISK FACTORS",
            "THE OFFER",
            "SCHEDULE I: INFORMA",
            back_cover
        ]
        .map(|s| s.chars().take(18).collect::<String>())
    );
    // An Offer without risk factors breaks once before The Offer, not twice.
    let auction = starts(AUCTION, "offer-to-purchase.htm");
    assert_eq!(auction[..3], ["IMPORTANT", "TABLE OF CONTENTS", "SUMMARY TERM SHEET"]);
    assert_eq!(auction.iter().filter(|s| s.as_str() == "THE OFFER").count(), 1, "{auction:?}");
    assert_eq!(auction.len(), 6 + usize::from(auction.iter().any(|s| s == "RISK FACTORS")), "{auction:?}");
    for (path, name) in [(NOTES, "offer-to-purchase.htm"), (THIRD_PARTY, "offer-to-purchase.htm")] {
        let starts = starts(path, name);
        assert_eq!(starts[..3], ["IMPORTANT", "TABLE OF CONTENTS", "SUMMARY TERM SHEET"], "{path}");
        assert!(starts.iter().any(|s| s == "THE OFFER"), "{path}: {starts:?}");
        assert!(starts.iter().any(|s| s.starts_with("SCHEDULE I")), "{path}: {starts:?}");
    }
}

#[test]
fn the_letter_of_transmittal_begins_its_instructions_on_a_page() {
    for path in [EXCHANGE, AUCTION, NOTES, THIRD_PARTY] {
        let html = document(&render(path), "letter-of-transmittal.htm");
        assert_eq!(pages(&html), [text_after(&html, html.find("<b>INSTRUCTIONS</b>").unwrap())], "{path}");
        assert!(html.contains(&format!("{BREAK}{P}<b>INSTRUCTIONS</b>")), "{path}");
    }
}

/// The rows of the exhibit index that are documents of the set: the exhibit number and the file.
fn filed_herewith(set: &RenderedSet) -> Vec<(String, String)> {
    document(set, "schedule-to.md")
        .lines()
        .filter_map(|row| {
            let rest = row.strip_prefix("| ")?;
            let (number, description) = rest.split_once(" | ")?;
            let file = description.split_once("](")?.1.split_once(')')?.0;
            Some((number.trim_end_matches("\\*").to_owned(), file.replace(".md", ".htm")))
        })
        .collect()
}

#[test]
fn each_exhibit_of_the_set_opens_with_its_legend_at_the_right() {
    for path in examples() {
        let set = render(&path);
        let rows = filed_herewith(&set);
        assert!(!rows.is_empty(), "{}", path.display());
        for (number, file) in rows {
            let html = document(&set, &file);
            let legend = format!("<b>Exhibit {number}</b></p>\n");
            if file == "filing-fees.htm" {
                assert!(
                    html.contains(&format!("<p style=\"margin: 0 0 10pt 0; text-align: right\">{legend}")),
                    "{}: {file}",
                    path.display()
                );
            } else if number == "99.1" {
                // The announcement of an intended offer, filed under the Schedule TO-C, prints
                // none, as the public filing the seed reproduces did not.
                assert!(!html.contains("Exhibit 99.1"), "{}: {file}", path.display());
            } else {
                assert!(
                    body(&html).starts_with(&format!(
                        "<div style=\"text-align: right\">\n<p style=\"margin: 0 0 10pt 0; text-align: right\">{legend}</div>\n"
                    )),
                    "{}: {file} does not open with Exhibit {number}:\n{}",
                    path.display(),
                    &body(&html)[..200]
                );
            }
        }
        // The Schedule TO is the statement, not an exhibit.
        assert!(!document(&set, "schedule-to.htm").contains("text-align: right"), "{}", path.display());
    }
    // The seed's release reads as the public filing, from its headline.
    let release = document(&render(EXAMPLE), "press-release.md");
    let first = release.lines().find(|l| !l.starts_with("<!--")).unwrap();
    assert!(first.starts_with("# Ault Alliance Reiterates"), "{release}");
}

#[test]
fn the_table_of_contents_reads_as_a_filings() {
    let set = render(EXCHANGE);
    let html = document(&set, "offer-to-exchange.htm");
    let cell = "padding: 2pt 6pt; vertical-align: top";
    let row = |number: &str, anchor: &str, title: &str| {
        let nowrap = if number.is_empty() { "" } else { "; white-space: nowrap" };
        format!(
            "<tr>\n<td align=\"right\" style=\"{cell}{nowrap}\">{number}</td>\n<td align=\"left\" style=\"{cell}\"><a href=\"#{anchor}\">{title}</a></td>\n</tr>\n"
        )
    };
    let expected = [
        "<center>\n<p style=\"margin: 0 0 10pt 0; text-align: center\"><b>TABLE OF CONTENTS</b></p>\n</center>\n".to_owned(),
        "<table style=\"border-collapse: collapse; width: 100%; margin: 0 0 10pt 0\" cellspacing=\"0\" cellpadding=\"0\">\n".to_owned(),
        row("", "summary-term-sheet", "SUMMARY TERM SHEET"),
        row("", "forward-looking-statements", "FORWARD-LOOKING STATEMENTS"),
        row("", "risk-factors", "RISK FACTORS"),
        row("", "the-offer", "THE OFFER"),
        row("1.", "section-1", "Number of Shares; Proration"),
        row("2.", "section-2", "Purpose of the Offer; Certain Effects of the Offer"),
    ]
    .concat();
    assert!(html.contains(&expected), "{}", &html[html.find("TABLE OF CONTENTS").unwrap() - 100..][..3000]);
    assert!(html.contains(&row("21.", "section-21", "Registration Exemption under the Securities Act")));
    assert!(html.contains(&row(
        "",
        "schedule-i",
        "SCHEDULE I: INFORMATION CONCERNING THE DIRECTORS AND EXECUTIVE OFFICERS"
    )));
    // Each entry names a heading of the Offer; no page numbers, no header row, no grid.
    let toc = &html[html.find("TABLE OF CONTENTS").unwrap()..];
    let toc = &toc[..toc.find("</table>").unwrap()];
    assert_eq!(toc.matches("<tr>").count(), 4 + 21 + 1);
    for (at, _) in toc.match_indices("href=\"#") {
        let anchor = &toc[at + 7..at + 7 + toc[at + 7..].find('"').unwrap()];
        assert!(html.contains(&format!(" id=\"{anchor}\"")), "the entry #{anchor} names no heading");
    }
    assert!(!toc.contains("<th") && !toc.contains("border-bottom") && !toc.contains("border: "), "{toc}");
    let markdown = document(&set, "offer-to-exchange.md");
    assert!(
        markdown
            .contains("| | [THE OFFER](#the-offer) |\n| 1. | [Number of Shares; Proration](#section-1) |\n")
    );
    assert!(markdown.contains("## THE OFFER {#the-offer}\n"));
}

#[test]
fn tables_have_a_rule_under_the_header_and_no_grid() {
    for path in examples() {
        for file in render(&path).files.iter().filter(|f| f.name.ends_with(".htm")) {
            let html = String::from_utf8(file.bytes.clone()).unwrap();
            assert!(!html.contains("border: 1px solid"), "{}: {} boxes its cells", path.display(), file.name);
            for (at, _) in html.match_indices("<th ") {
                assert!(
                    html[at..at + 120].contains("style=\"border-bottom: 1px solid #000000; padding: 2pt 6pt"),
                    "{}: {}",
                    path.display(),
                    file.name
                );
            }
        }
    }
    // The exhibit index as filed: the rule under its header, and the exhibit numbers unbroken.
    let html = document(&render(EXCHANGE), "schedule-to.htm");
    assert!(html.contains(
        "<th align=\"left\" style=\"border-bottom: 1px solid #000000; padding: 2pt 6pt; vertical-align: bottom; font-weight: bold\">Exhibit No.</th>"
    ));
    assert!(html.contains(
        "<td align=\"left\" style=\"padding: 2pt 6pt; vertical-align: top; white-space: nowrap\">(a)(1)(A)*</td>"
    ));
    // Figures stand at the right where the Markdown says `---:`: Schedule I's holdings.
    let offer = document(&render(EXCHANGE), "offer-to-exchange.htm");
    assert!(offer.contains("<th align=\"right\" style=\"border-bottom: 1px solid #000000"), "{offer}");
    // A form's spaces to fill in are lines: the signature block of the Letter of Transmittal.
    let letter = document(&render(EXCHANGE), "letter-of-transmittal.htm");
    assert!(letter.contains(
        "<td align=\"left\" style=\"padding: 2pt 6pt; vertical-align: top\">Area code and telephone number</td>\n<td align=\"left\" style=\"padding: 2pt 6pt; vertical-align: top; border-bottom: 1px solid #000000; height: 18pt; width: 60%\"></td>"
    ));
}
