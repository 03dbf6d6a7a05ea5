//! `secdraft check`: every rule fires on a fixture that breaks it, at the right place, and
//! stays quiet on one that does not; the example sets pass in filing mode but for their
//! bracketed notes; the four output formats and the exit codes.

use predicates::prelude::*;
use secdraft::check::{self, Document, Finding, Format, Mode, RULES, Severity};

use crate::common::{EXAMPLE, examples, render, secdraft};

fn doc(name: &str, source: &str) -> Document {
    Document { name: name.into(), format: Format::of(name).unwrap(), source: source.into() }
}

fn run(docs: &[Document]) -> Vec<Finding> {
    check::check(docs, Mode::Filing, None)
}

const PAGE_START: &str = "<html>\n<head>\n<title>T</title>\n</head>\n<body>\n";
const PAGE_END: &str = "</body>\n</html>\n";

fn page(body: &str) -> String {
    format!("{PAGE_START}{body}\n{PAGE_END}")
}

/// A rule, a set that breaks it, where it must be reported (file, line, column), and a set
/// that does not break it.
type Fixture = (&'static str, Vec<Document>, (&'static str, usize, usize), Vec<Document>);

fn fixtures() -> Vec<Fixture> {
    vec![
        (
            "placeholder",
            vec![doc("a.md", "The price is [●] per Share.\n")],
            ("a.md", 1, 14),
            vec![doc("a.md", "The price is $0.25 per Share.\n")],
        ),
        (
            "words-figures",
            vec![doc("a.md", "It seeks sixty million (6,000,000) shares.\n")],
            ("a.md", 1, 10),
            vec![doc("a.md", "It seeks sixty million (60,000,000) shares for twenty (20) business days.\n")],
        ),
        (
            "weekday",
            vec![doc("a.md", "The Offer expires on\nThursday, April 28, 2023.\n")],
            ("a.md", 2, 1),
            vec![doc("a.md", "The Offer expires on Friday, April 28, 2023.\n")],
        ),
        (
            "inconsistent-fact",
            vec![
                doc(
                    "a.md",
                    "The Offer will expire at 5:00 p.m., New York City time, on Friday, April 28, 2023.\n",
                ),
                doc(
                    "b.md",
                    "The Offer will expire at 5:00 p.m., New York City time, on Monday, May 1, 2023.\n",
                ),
            ],
            ("b.md", 1, 26),
            vec![
                doc(
                    "a.md",
                    "The Offer will expire at 5:00 p.m., New York City time, on Friday, April 28, 2023.\n",
                ),
                doc(
                    "b.md",
                    "The Offer, previously scheduled to expire at 5:00 p.m., New York City time, on Friday, April 21, 2023, will expire at 5:00 p.m., New York City time, on Friday, April 28, 2023.\n",
                ),
            ],
        ),
        (
            "defined-term-twice",
            vec![doc(
                "a.md",
                "The company (the “**Company**”) and again (the “**Company**”) of the Company.\n",
            )],
            ("a.md", 1, 48),
            vec![doc("a.md", "The company (the “**Company**”) of the Company.\n")],
        ),
        (
            "defined-term-before-definition",
            vec![doc(
                "a.md",
                "Shares of the Company are sought.\n\nThe issuer (the “**Company**”) and the Company.\n",
            )],
            ("a.md", 1, 15),
            vec![doc("a.md", "The issuer (the “**Company**”) and the Company.\n")],
        ),
        (
            "defined-term-unused",
            vec![doc("a.md", "An exchange offer (the “**Offer**”) is made.\n")],
            ("a.md", 1, 24),
            vec![doc("a.md", "An exchange offer (the “**Offer**”) is made; the Offer expires soon.\n")],
        ),
        (
            "defined-term-case",
            vec![doc(
                "a.md",
                "An exchange offer (the “**Offer**”) is made. Details regarding the offer follow in the Offer.\n",
            )],
            ("a.md", 1, 68),
            vec![doc(
                "a.md",
                "An exchange offer (the “**Offer**”) is made. Details regarding the Offer follow. No sale may be made where the offer, solicitation or sale is unlawful.\n",
            )],
        ),
        (
            "missing-legend",
            vec![doc(
                "a.md",
                "The Company today announced its intention to commence a tender offer (the “**Offer**”).\n",
            )],
            ("a.md", 1, 33),
            vec![doc(
                "a.md",
                "The Company today announced its intention to commence a tender offer (the “**Offer**”). Stockholders should read the tender offer statement when it is available because it contains important information. It will be available free of charge at www.sec.gov and from the Company upon request.\n",
            )],
        ),
        (
            "sole-discretion",
            vec![doc("a.md", "Each condition may be asserted by the Company in its sole discretion.\n")],
            ("a.md", 1, 54),
            vec![doc(
                "a.md",
                "Each condition will be determined by the Company in its reasonable judgment.\n",
            )],
        ),
        (
            "item-1004-element",
            vec![doc(
                "offer-to-purchase.md",
                "# OFFER TO PURCHASE\n\nThe Company offers to buy up to 1,000,000 Shares at $5.00 per Share.\n",
            )],
            ("offer-to-purchase.md", 1, 1),
            vec![doc(
                "offer-to-purchase.md",
                "# OFFER TO PURCHASE\n\nUp to 1,000,000 Shares at $5.00 per Share. The Offer will expire at 5:00 p.m. There will be no subsequent offering period. The Company may extend the Offer. Shares may be withdrawn at any time; send a notice of withdrawal. Shares must be properly tendered. Shares accepted will be paid for promptly. Proration is pro rata. Federal income tax consequences are described below.\n",
            )],
        ),
        (
            "edgar-element",
            vec![doc("a.htm", &page("<p>Text</p>\n<span>x</span>"))],
            ("a.htm", 7, 1),
            vec![doc("a.htm", &page("<p>Text <b>x</b></p>"))],
        ),
        (
            "edgar-attribute",
            vec![doc("a.htm", &page("<p align=\"center\">Text</p>"))],
            ("a.htm", 6, 4),
            vec![doc("a.htm", &page("<p style=\"text-align: center\">Text</p>"))],
        ),
        (
            "edgar-script",
            vec![doc("a.htm", &page("<p onclick=\"x()\">Text</p>"))],
            ("a.htm", 6, 4),
            vec![doc("a.htm", &page("<p>Text</p>"))],
        ),
        (
            "edgar-bytes",
            vec![doc("a.htm", &page("<p>\u{201c}Text\u{201d}</p>"))],
            ("a.htm", 6, 4),
            vec![doc("a.htm", &page("<p>&#8220;Text&#8221;</p>"))],
        ),
        (
            "edgar-entity",
            vec![doc("a.htm", &page("<p>&bogus; &amp;</p>"))],
            ("a.htm", 6, 4),
            vec![doc("a.htm", &page("<p>&nbsp; &amp; &#8212;</p>"))],
        ),
        (
            "edgar-numeric-reference",
            vec![doc("a.htm", &page("<p>A &#0; B &#xD800; C &#x110000; D &#000000065;</p>"))],
            ("a.htm", 6, 6),
            vec![doc("a.htm", &page("<p>A &#65; B &#xD7FF; C &#x10FFFF; D &#0065; &#; &#12</p>"))],
        ),
        (
            "edgar-nested-table",
            vec![doc(
                "a.htm",
                &page("<table><tr><td>\n<table><tr><td>x</td></tr></table>\n</td></tr></table>"),
            )],
            ("a.htm", 7, 1),
            vec![doc(
                "a.htm",
                &page("<table><tr><td>x</td></tr></table>\n<table><tr><td>y</td></tr></table>"),
            )],
        ),
        (
            "edgar-link",
            vec![doc(
                "a.htm",
                &page("<p><a href=\"https://example.com\">x</a> <a href=\"b.htm#nowhere\">y</a></p>"),
            )],
            ("a.htm", 6, 7),
            vec![
                doc(
                    "a.htm",
                    &page("<p><a href=\"b.htm#s1\">y</a> <a href=\"#top\">z</a></p><p id=\"top\">t</p>"),
                ),
                doc("b.htm", &page("<h2 id=\"s1\">S</h2>")),
            ],
        ),
        (
            "edgar-filename",
            vec![doc("an-exhibit-name-far-too-long-for-edgar.htm", &page("<p>x</p>"))],
            ("an-exhibit-name-far-too-long-for-edgar.htm", 1, 1),
            vec![doc("exhibit-99-1.htm", &page("<p>x</p>"))],
        ),
        (
            "article-number",
            vec![doc(
                "a.md",
                "The price is
at a 82% premium.
",
            )],
            ("a.md", 2, 4),
            vec![doc(
                "a.md",
                "An 82% premium, a 201% increase, an 11,000-share lot, an $8.00 price, a 1% fee.
",
            )],
        ),
        (
            "exhibit-index",
            vec![doc(
                "schedule-to.md",
                "**EXHIBIT INDEX**\n\n| Exhibit No. | Description |\n|:---|:---|\n| (a)(1)(B) | Letter of Transmittal |\n",
            )],
            ("schedule-to.md", 5, 1),
            vec![
                doc(
                    "schedule-to.md",
                    "**EXHIBIT INDEX**\n\n| Exhibit No. | Description |\n|:---|:---|\n| (a)(1)(B)\\* | [Letter of Transmittal](letter-of-transmittal.md) |\n| (b) | Not applicable. |\n",
                ),
                doc("letter-of-transmittal.md", "The Letter of Transmittal."),
            ],
        ),
        (
            "merge-conflict",
            vec![doc(
                "a.md",
                "# Offer\n\nWe offer up to \n<<<<<<< edited\n55,000,000\n=======\n40,000,000\n>>>>>>> terms\n Shares.\n",
            )],
            ("a.md", 4, 1),
            // A line of `=` alone underlines a heading: no conflict without its opening marker.
            vec![doc("a.md", "Offer\n=======\n\nWe offer up to 40,000,000 Shares.\n")],
        ),
    ]
}

#[test]
fn every_rule_fires_on_its_fixture_and_not_on_its_clean_twin() {
    let fixtures = fixtures();
    for rule in
        RULES.iter().filter(|r| !["figure-variant", "illustrative-value", "input-error"].contains(&r.id))
    {
        assert!(fixtures.iter().any(|f| f.0 == rule.id), "no fixture for {}", rule.id);
    }
    for (rule, bad, (file, line, column), good) in fixtures {
        let findings = run(&bad);
        let hit = findings.iter().find(|f| f.rule == rule);
        let hit = hit.unwrap_or_else(|| panic!("{rule} did not fire: {findings:#?}"));
        assert_eq!(
            (hit.file.as_str(), hit.line, hit.column),
            (file, line, column),
            "{rule} at the wrong place: {hit:#?}"
        );
        assert!(!hit.text.is_empty() || rule == "edgar-filename", "{rule} quotes nothing");
        let clean = run(&good);
        assert!(!clean.iter().any(|f| f.rule == rule), "{rule} fired on its clean fixture: {clean:#?}");
    }
}

#[test]
fn a_figure_printed_at_another_precision_is_caught_in_a_rendered_set() {
    let terms = std::path::Path::new(EXAMPLE);
    let set = render(EXAMPLE);
    assert!(
        !check::check(&set.documents(), Mode::Filing, Some(set.rendered()))
            .iter()
            .any(|f| f.rule == "figure-variant")
    );
    // A template that prints the premium at a precision of its own: the ledger of the render
    // records the form, and the check places it.
    let templates = tempfile::tempdir().unwrap();
    std::fs::write(
        templates.path().join("press-release.md"),
        "# Release\n\nThe premium is {{ figures.premium | percent(places=1) }}, or {{ figures.premium }}.\n",
    )
    .unwrap();
    let set = secdraft::pipeline::render_file(terms, Some(templates.path())).unwrap();
    let findings = check::check(&set.documents(), Mode::Filing, Some(set.rendered()));
    let hits: Vec<_> = findings.iter().filter(|f| f.rule == "figure-variant").collect();
    assert_eq!(hits.len(), 1, "{findings:#?}");
    assert_eq!(hits[0].file, "press-release.md");
    assert_eq!(hits[0].text, "201.2%");
    assert_eq!((hits[0].line, hits[0].column), (3, 16));
    assert!(hits[0].message.contains("the set prints it as 201%"), "{}", hits[0].message);
}

#[test]
fn a_figure_in_words_that_opens_a_sentence_is_no_variant() {
    let templates = tempfile::tempdir().unwrap();
    std::fs::write(
        templates.path().join("press-release.md"),
        "# Release\n\n{{ figures.max_new_shares | words | capitalize }} shares, {{ figures.exchange_ratio | upper }}.\n",
    )
    .unwrap();
    let set = secdraft::pipeline::render_file(std::path::Path::new(EXAMPLE), Some(templates.path())).unwrap();
    assert!(set.documents().iter().any(|d| d.source.contains("Six hundred thousand shares, 100 TO 1.")));
    let findings = check::check(&set.documents(), Mode::Filing, Some(set.rendered()));
    assert!(!findings.iter().any(|f| f.rule == "figure-variant"), "{findings:#?}");
}

#[test]
fn draft_mode_reports_placeholders_as_warnings() {
    let docs = vec![doc("a.md", "Price: [to draft].\n")];
    assert_eq!(check::check(&docs, Mode::Filing, None)[0].severity, Severity::Error);
    assert_eq!(check::check(&docs, Mode::Draft, None)[0].severity, Severity::Warning);
}

#[test]
fn the_example_sets_pass_in_filing_mode_but_for_their_notes_to_draft() {
    for path in examples() {
        let out = secdraft().args(["check", "--format", "json"]).arg(&path).output().unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<&serde_json::Value> =
            json["findings"].as_array().unwrap().iter().filter(|f| f["severity"] == "error").collect();
        assert!(errors.iter().all(|f| f["rule"] == "placeholder"), "{}: {errors:#?}", path.display());
        let expected = if errors.is_empty() { 0 } else { 1 };
        assert_eq!(out.status.code(), Some(expected), "{}", path.display());
        secdraft().args(["check", "--mode", "draft"]).arg(&path).assert().success();
    }
    // The seed set, rendered and checked as files, passes.
    let dir = tempfile::tempdir().unwrap();
    secdraft().args(["render", EXAMPLE, "--out"]).arg(dir.path()).assert().success();
    secdraft().arg("check").arg(dir.path()).assert().success().stdout(predicate::str::contains("0 errors"));
}

fn bad_files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("release.md"), "The Offer expires on Thursday, April 28, 2023, at [●].\n")
        .unwrap();
    std::fs::write(dir.path().join("release.htm"), page("<p>Text <span>x</span></p>")).unwrap();
    dir
}

#[test]
fn human_output_is_compiler_style_with_a_caret() {
    let dir = bad_files();
    secdraft()
        .arg("check")
        .arg(dir.path().join("release.md"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "release.md:1:22: error[weekday]: April 28, 2023 is a Friday, not a Thursday",
        ))
        .stdout(predicate::str::contains("  | The Offer expires on Thursday, April 28, 2023, at [●]."))
        .stdout(predicate::str::contains("  |                      ^^^^^^^^"))
        .stdout(predicate::str::contains("= hint: correct the weekday or the date"));
}

#[test]
fn json_output_has_the_findings_shape() {
    let dir = bad_files();
    let out = secdraft().args(["check", "--format", "json"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(findings.len() >= 3);
    for f in findings {
        for key in ["rule", "severity", "file", "line", "column", "message"] {
            assert!(f.get(key).is_some(), "finding without {key}: {f}");
        }
        assert!(f["line"].is_u64() && f["column"].is_u64());
        assert!(f["severity"] == "error" || f["severity"] == "warning");
    }
    assert!(
        findings
            .iter()
            .any(|f| f["rule"] == "edgar-element" && f["file"].as_str().unwrap().ends_with("release.htm"))
    );
}

#[test]
fn sarif_output_is_sarif_2_1_0() {
    let dir = bad_files();
    let out = secdraft().args(["check", "--format", "sarif"]).arg(dir.path()).output().unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "secdraft");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), RULES.len());
    for result in run["results"].as_array().unwrap() {
        let id = result["ruleId"].as_str().unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1 && region["startColumn"].as_u64().unwrap() >= 1);
        assert!(result["message"]["text"].is_string());
    }
}

#[test]
fn github_output_is_workflow_annotations() {
    let dir = bad_files();
    secdraft()
        .args(["check", "--format", "github"])
        .arg(dir.path().join("release.md"))
        .assert()
        .code(1)
        .stdout(
            predicate::str::is_match(
                r"(?m)^::error file=.*release\.md,line=1,col=22,title=weekday::April 28, 2023 is a Friday",
            )
            .unwrap(),
        );
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clean.md"), "The Offer expires on Friday, April 28, 2023.\n").unwrap();
    std::fs::write(dir.path().join("notes.md"), "Price: [to draft].\n").unwrap();
    secdraft().arg("check").arg(dir.path().join("clean.md")).assert().code(0);
    secdraft().arg("check").arg(dir.path().join("notes.md")).assert().code(1);
    secdraft().args(["check", "--mode", "draft"]).arg(dir.path().join("notes.md")).assert().code(0);
    secdraft()
        .args(["check", "no-such-file.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
    secdraft().arg("check").assert().code(2);
    secdraft()
        .args(["check", "Cargo.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a file secdraft checks"));
}

#[test]
fn render_check_lists_what_differs_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts");
    let terms = EXAMPLE;
    secdraft()
        .args(["render", terms, "--check", "--out"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("missing:"));
    assert!(!out.exists(), "--check wrote the output folder");
    secdraft().args(["render", terms, "--out"]).arg(&out).assert().success();
    secdraft()
        .args(["render", terms, "--check", "--out"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("matches the terms"));
    std::fs::write(out.join("press-release.md"), "edited").unwrap();
    std::fs::write(out.join("notes.md"), "mine").unwrap();
    secdraft()
        .args(["render", terms, "--check", "--out"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("changed: ").and(predicate::str::contains("press-release.md")))
        .stdout(predicate::str::contains("extra: ").and(predicate::str::contains("notes.md")));
    assert_eq!(std::fs::read_to_string(out.join("press-release.md")).unwrap(), "edited");
}

#[test]
fn in_a_set_secdraft_rendered_a_figure_is_judged_by_the_ledger_not_the_text() {
    let docs = [
        doc("a.md", "The effective price of the Offer is $0.25 per Share.\n"),
        doc("b.md", "The effective price of the Offer is $0.30 per Share.\n"),
    ];
    let inconsistent = |findings: Vec<Finding>| findings.iter().any(|f| f.rule == "inconsistent-fact");
    // Files given to check: the text is all there is.
    assert!(inconsistent(check::check(&docs, Mode::Filing, None)));
    // A set rendered from terms: the ledger records each figure as printed (none here), and
    // figures are not searched for in the text.
    let set = render(EXAMPLE);
    let rendered = check::Rendered { ledger: &[], ..set.rendered() };
    assert!(!inconsistent(check::check(&docs, Mode::Filing, Some(rendered))));
}

#[test]
fn an_offer_for_all_outstanding_shares_need_not_state_proration() {
    let offer = |sought: &str| {
        format!(
            "OFFER TO PURCHASE\n\nThe Purchaser is offering to purchase {sought} of common stock at $10.00 per Share. The Offer will expire at 5:00 p.m. No subsequent offering period. The Offer may be extended. Shares may be withdrawn at any time. Follow the procedures for tendering; deliver a notice of withdrawal. Shares accepted will be paid for promptly. Material U.S. federal income tax consequences.\n"
        )
    };
    let proration = |text: &str| {
        check::check(&[doc("offer-to-purchase.md", text)], Mode::Filing, None)
            .into_iter()
            .any(|f| f.rule == "item-1004-element" && f.message.contains("proration"))
    };
    assert!(!proration(&offer("all outstanding shares")));
    assert!(proration(&offer("up to 5,000,000 shares")));
}

/// A terms file is rendered to be checked: what the render warns of (here the fee exhibit's
/// valuation to confirm) is printed as `render` prints it, quiet or not, and is no finding.
#[test]
fn check_of_a_terms_file_prints_the_warnings_of_its_render() {
    let terms = "data/linden-cash-and-stock-commenced.yaml";
    for quiet in [false, true] {
        let mut cmd = secdraft();
        cmd.args(["check", terms, "--mode", "draft"]);
        if quiet {
            cmd.arg("--quiet");
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(
            stderr.starts_with(&format!("warning: {terms}: offer.consideration.cash_per_share: ")),
            "{stderr}"
        );
    }
}

/// A terms file is known by its extension in any case, as a document is: `check OFFER.YAML`
/// renders and checks it, as `render OFFER.YAML` renders it.
#[test]
fn a_terms_file_with_an_upper_case_extension_is_checked_as_terms() {
    let dir = tempfile::tempdir().unwrap();
    let terms = dir.path().join("OFFER.YAML");
    std::fs::copy(EXAMPLE, &terms).unwrap();
    secdraft()
        .args(["check", "--mode", "draft"])
        .arg(&terms)
        .assert()
        .success()
        .stdout(predicate::str::ends_with("0 errors, 0 warnings in 4 files\n"));
}

/// A terms file that does not load is shown where a CI shows findings: on its line, by the
/// formats a CI reads, as the rule `input-error`, besides the error on standard error; the exit
/// status stays 2. The human and JSON reports print nothing, as before; an error that names no
/// place in a file gives no finding.
#[test]
fn terms_that_do_not_load_are_a_finding_on_their_line_in_the_ci_formats() {
    let text = std::fs::read_to_string(EXAMPLE).unwrap().replacen(
        "max_shares: 60_000_000",
        "max_shares: sixty million",
        1,
    );
    let (_dir, terms) = crate::common::scratch_terms(&text);
    let line = text.lines().position(|l| l.contains("sixty million")).unwrap() + 1;
    let checked = |format: &str| {
        let out = secdraft().args(["check", "--format", format]).arg(&terms).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(&format!("terms.yaml:{line}:15")), "{format}: {stderr}");
        String::from_utf8(out.stdout).unwrap()
    };
    let github = checked("github");
    assert!(
        github.starts_with(&format!(
            "::error file={},line={line},col=15,title=input-error::offer.max_shares: `sixty million` is not a number",
            terms.display()
        )),
        "{github}"
    );
    assert_eq!(github.lines().count(), 1, "{github}");
    let gitlab: serde_json::Value = serde_json::from_str(&checked("gitlab")).unwrap();
    assert_eq!(gitlab.as_array().unwrap().len(), 1);
    assert_eq!(gitlab[0]["check_name"], "input-error");
    assert_eq!(gitlab[0]["severity"], "major");
    assert_eq!(gitlab[0]["location"]["lines"]["begin"], line);
    let sarif: serde_json::Value = serde_json::from_str(&checked("sarif")).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "input-error");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"],
        "max_shares: sixty million"
    );
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 1);
    assert_eq!(checked("json"), "");
    assert_eq!(checked("human"), "");
    // A template override that does not render is shown on its own line.
    let templates = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(templates.path().join("partials")).unwrap();
    std::fs::write(templates.path().join("partials/signature.md"), "Signed.\n{{ nope.at_all }}\n").unwrap();
    let out = secdraft()
        .args(["check", "--format", "gitlab", "data/meridian-exchange-commenced.yaml", "--templates"])
        .arg(templates.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let gitlab: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(gitlab[0]["check_name"], "input-error");
    assert!(gitlab[0]["location"]["path"].as_str().unwrap().ends_with("partials/signature.md"), "{gitlab}");
    assert!(gitlab[0]["description"].as_str().unwrap().contains("nope"), "{gitlab}");
    // No place to show it: the file is not there.
    let missing = secdraft().args(["check", "--format", "github", "no-such-terms.yaml"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(missing.stdout.is_empty());
}
