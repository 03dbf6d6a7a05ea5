//! The exhibit index is built from what exists (the documents of the set, earlier filings of
//! the offer, the exhibits the terms list) and `check` holds every index to it; the Schedule TO
//! is signed only in the text to file, by the signatory the terms name.

use secdraft::check::{self, Format, Mode};

use crate::common::{assert_prints, document, examples, refused_at, render, scratch_terms, secdraft};

const COMMENCED: &str = "data/meridian-exchange-commenced.yaml";
const AMENDED: &str = "data/meridian-exchange-amended.yaml";

/// The commenced terms with `exhibits` appended.
fn with_exhibits(exhibits: &str) -> String {
    format!("{}\nexhibits:\n{exhibits}", std::fs::read_to_string(COMMENCED).unwrap())
}

/// The rows of a Markdown exhibit index, after its heading.
fn index_rows(schedule: &str) -> Vec<&str> {
    let start = schedule.find("EXHIBIT INDEX").or_else(|| schedule.find("Exhibit Index")).unwrap();
    schedule[start..].lines().filter(|l| l.starts_with("| ") && !l.starts_with("| Exhibit No.")).collect()
}

#[test]
fn every_example_index_links_only_documents_of_its_set_and_check_finds_none_missing() {
    for terms in examples() {
        let set = render(&terms);
        let schedule = document(&set, "schedule-to.md");
        for row in index_rows(&schedule) {
            if let Some(link) = row.split("](").nth(1) {
                let file = link.split(')').next().unwrap();
                assert!(
                    set.files.iter().any(|f| f.name == file),
                    "{}: {row} links to no file",
                    terms.display()
                );
            }
        }
        let findings = check::check(&set.documents(), Mode::Draft, Some(set.rendered()));
        let index = findings.iter().filter(|f| f.rule == "exhibit-index").collect::<Vec<_>>();
        assert!(index.is_empty(), "{}: {index:?}", terms.display());
    }
}

#[test]
fn the_letters_the_terms_are_silent_on_are_notes_never_not_applicable() {
    let schedule = document(&render(COMMENCED), "schedule-to.md");
    assert!(index_rows(&schedule).iter().all(|row| !row.contains("Not applicable.")), "{schedule}");
    assert_prints(
        &schedule,
        "| (b) | [Any loan agreement for the funds of the Offer (Item 1016(b); Item 1007(d)), or “Not applicable”: to draft (`exhibits`).] |",
    );
    // The new preferred stock's certificate of designations is the (d) exhibit counsel look for.
    assert_prints(
        &schedule,
        "such as the certificate of designations of the Series D Preferred Stock, or “Not applicable”",
    );
    // No "File" column: the description links the document filed herewith.
    assert_prints(&schedule, "| Exhibit No. | Description |\n|:---|:---|\n");
    assert_prints(
        &schedule,
        "| (a)(1)(A)\\* | [Offer to Exchange, dated January 2, 2024](offer-to-exchange.md) |",
    );
    assert_prints(&schedule, "\\* Filed herewith.");
}

#[test]
fn the_exhibits_the_terms_list_take_their_place_with_their_filing() {
    let terms = with_exhibits(concat!(
        "  - {number: (h), not_applicable: true}\n",
        "  - number: (b)\n",
        "    description: Credit Agreement, dated as of November 1, 2023\n",
        "    incorporated_by_reference: {document: the Company’s Current Report on Form 8-K, exhibit: \"10.1\", filed: 2023-11-03}\n",
        "  - {number: (d)(1), description: Form of Certificate of Designations, previously_filed: true}\n",
        "  - {number: (g), not_applicable: true}\n",
        "  - number: (a)(5)(A)\n",
        "    incorporated_by_reference: {document: the Company’s Current Report on Form 8-K, exhibit: \"99.1\", filed: 2023-12-13}\n",
    ));
    let (_dir, path) = scratch_terms(&terms);
    let schedule = document(&render(&path), "schedule-to.md");
    let rows = index_rows(&schedule);
    let numbers: Vec<&str> =
        rows.iter().map(|r| r.split(" | ").next().unwrap().trim_start_matches("| ")).collect();
    let from_releases = numbers.iter().position(|n| *n == "(a)(5)(A)").unwrap();
    assert_eq!(
        numbers[from_releases..],
        ["(a)(5)(A)", "(a)(5)(B)\\*", "(b)", "(d)(1)\\*\\*", "(g)", "(h)", "107\\*"]
    );
    assert_prints(
        &schedule,
        "| (b) | Credit Agreement, dated as of November 1, 2023 (incorporated by reference to Exhibit 10.1 to the Company’s Current Report on Form 8-K filed on November 3, 2023) |",
    );
    assert_prints(
        &schedule,
        "| (a)(5)(A) | Press release issued by Meridian Ridge Holdings, Inc. on December 13, 2023 (incorporated by reference to Exhibit 99.1 to the Company’s Current Report on Form 8-K filed on December 13, 2023) |",
    );
    assert_prints(&schedule, "| (g) | Not applicable. |");
    assert_prints(&schedule, "| (h) | Not applicable. |");
    assert_prints(&schedule, "\\* Filed herewith.\\\n\\*\\* Previously filed.");
}

#[test]
fn after_commencement_the_offer_and_earlier_releases_are_previously_filed() {
    let schedule = document(&render(AMENDED), "schedule-to.md");
    assert_prints(&schedule, "| (a)(1)(A)\\*\\* | Offer to Exchange, dated January 2, 2024 |");
    assert_prints(
        &schedule,
        "| (a)(5)(B)\\*\\* | Press release issued by Meridian Ridge Holdings, Inc. on January 2, 2024 |",
    );
    assert_prints(
        &schedule,
        "| (a)(5)(C)\\* | [Press release issued by Meridian Ridge Holdings, Inc. on January 22, 2024](press-release.md) |",
    );
}

#[test]
fn an_exhibit_listed_wrongly_is_refused_at_its_field() {
    let cases: [(&str, &str, &str); 7] = [
        (
            "  - {number: (c), not_applicable: true}\n",
            "number: (c)",
            "is not an exhibit number of Item 1016 that Schedule TO asks for",
        ),
        ("  - {number: (b)}\n", "number: (b)", "give exhibit (b) one filing"),
        (
            "  - {number: (b), not_applicable: true, previously_filed: true}\n",
            "number: (b)",
            "give exhibit (b) one filing",
        ),
        ("  - {number: (d)(1), not_applicable: true}\n", "number: (d)(1)", "give it for \"(d)\" alone"),
        (
            "  - {number: (g), not_applicable: true}\n  - {number: (g), not_applicable: true}\n",
            "(g), not_applicable: true}\n  - {number: (g)",
            "exhibit (g) is listed twice",
        ),
        (
            "  - {number: (a)(1)(A), previously_filed: true}\n",
            "number: (a)(1)(A)",
            "exhibit (a)(1)(A) (Offer to Exchange, dated January 2, 2024) is a document of this set, filed herewith",
        ),
        (
            "  - {number: (d)(2), previously_filed: true}\n",
            "number: (d)(2)",
            "say what exhibit (d)(2) is in `description`",
        ),
    ];
    for (exhibits, at, message) in cases {
        let terms = with_exhibits(exhibits);
        // The line named is the entry's: the last line that holds `at`'s first line.
        let at = at.lines().last().unwrap();
        let at_line = terms.lines().collect::<Vec<_>>().iter().rposition(|l| l.contains(at)).unwrap();
        let marked = terms
            .lines()
            .enumerate()
            .map(|(i, l)| if i == at_line { format!("{l} # <- refused here") } else { l.to_owned() })
            .collect::<Vec<_>>()
            .join("\n");
        refused_at(&marked, "# <- refused here", message);
    }
}

fn markdown(name: &str, source: &str) -> check::Document {
    check::Document { name: name.into(), format: Format::Markdown, source: source.into() }
}

#[test]
fn check_holds_a_hand_edited_index_to_the_documents_beside_it() {
    let index = "**EXHIBIT INDEX**\n\n| Exhibit No. | Description |\n|:---|:---|\n\
        | (a)(1)(A)\\* | [Offer to Purchase](offer-to-purchase.md) |\n\
        | (a)(1)(B)\\* | [Letter of Transmittal](letter-of-transmittal.md) |\n\
        | (a)(1)(C)\\* | Notice of Guaranteed Delivery |\n\
        | (a)(5)(A) | Press release (incorporated by reference to Exhibit 99.1 to the Schedule TO-C filed on May 1, 2024) |\n\
        | (a)(5)(B)\\*\\* | Press release issued on May 8, 2024 |\n\
        | (b) | Not applicable. |\n\
        | (d) | Stockholders Agreement |\n";
    let documents =
        [markdown("drafts/schedule-to.md", index), markdown("drafts/offer-to-purchase.md", "The Offer.")];
    let findings: Vec<_> = check::check(&documents, Mode::Filing, None)
        .into_iter()
        .filter(|f| f.rule == "exhibit-index")
        .map(|f| (f.line, f.message))
        .collect();
    assert_eq!(
        findings,
        [
            (6, "exhibit (a)(1)(B)\\* links to letter-of-transmittal.md, which is not a document of this set".to_owned()),
            (7, "exhibit (a)(1)(C)\\* is marked filed herewith but names no document of this set".to_owned()),
            (
                11,
                "exhibit (d) is neither a document of this set nor said to be filed elsewhere or not applicable".to_owned()
            ),
        ]
    );
}

#[test]
fn a_draft_leaves_the_signature_blank_and_the_filing_signs_only_for_a_named_signatory() {
    let unnamed = document(&render(COMMENCED), "schedule-to.md");
    assert_prints(
        &unnamed,
        "By: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\\nName: [the signatory: to draft (`signature.name`)]\\\nTitle: [the signatory’s title: to draft (`signature.title`)]\\\nDate: January 2, 2024",
    );
    assert!(!unnamed.contains("/s/"), "{unnamed}");

    let named = format!(
        "{}\nsignature:\n  name: Dana R. Whitfield\n  title: Chief Executive Officer\n",
        std::fs::read_to_string(COMMENCED).unwrap()
    );
    let (dir, path) = scratch_terms(&named);
    for (mode, by) in [("draft", "By: \\_\\_\\_"), ("filing", "By: /s/ Dana R. Whitfield\\\n")] {
        let out = dir.path().join(mode);
        secdraft().args(["render", "--mode", mode, "--out"]).arg(&out).arg(&path).assert().success();
        let schedule = std::fs::read_to_string(out.join("schedule-to.md")).unwrap();
        assert_prints(&schedule, by);
        assert_prints(&schedule, "Name: Dana R. Whitfield\\\nTitle: Chief Executive Officer\\\n");
    }
    // Unnamed, the text to file is not signed, and `check` in filing mode says so.
    secdraft()
        .args(["check", "--mode", "filing", COMMENCED])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("[the signatory: to draft (`signature.name`)]"));
}
