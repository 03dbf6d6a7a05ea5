//! The hostile-input corpus (tests/bad-inputs): each broken or hostile terms file gives its
//! error, at its line and column, with exit code 2, and leaves the output folder untouched;
//! values carrying Markdown, HTML or template syntax print literally. Also: a 50 MB file, an
//! output path that is a file or cannot be created, broken template folders.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::common::{EXAMPLE, secdraft};

/// Each file, where its error stands (line, column), and the error's first line.
const CASES: &[(&str, usize, usize, &str)] = &[
    (
        "exhibit-document-of-the-set",
        236,
        13,
        "exhibits[0].number: exhibit (a)(1)(A) (Offer to Exchange, dated January 2, 2024) is a document of this set, filed herewith",
    ),
    (
        "exhibit-letter-not-in-item-12",
        236,
        13,
        "exhibits[0].number: \"(e)\" is not an exhibit number of Item 1016 that Schedule TO asks for",
    ),
    (
        "exhibit-not-applicable-yet-listed",
        236,
        35,
        "exhibits[0].not_applicable: exhibit (d) is not applicable, yet `exhibits[1]` lists one",
    ),
    ("alias-bomb", 1, 1, "a: unknown field `a`"),
    (
        "amendment-without-number",
        6,
        9,
        "filing.form: SC TO-I/A is an amendment: give its number in `filing.amendment`",
    ),
    (
        "auction-min-above-max",
        68,
        16,
        "offer.auction.max_price: the maximum price must be above the minimum price",
    ),
    (
        "bom-then-bad-cusip",
        60,
        10,
        "security.cusip: `09175M407` fails the CUSIP check digit: for 09175M40 the ninth character must be 8",
    ),
    (
        "calendar-add-a-holiday",
        140,
        9,
        "calendar.add[0]: Monday, January 15, 2024 is already not a business day (Martin Luther King Jr. Day)",
    ),
    (
        "calendar-executive-orders-unknown",
        140,
        29,
        "calendar.executive_order_closures: `sometimes` is not one of the accepted values",
    ),
    (
        "closing-price-after-announcement",
        63,
        11,
        "security.closing_price.date: the closing price is dated after the press release that quotes it (December 13, 2023)",
    ),
    (
        "control-character",
        12,
        9,
        "issuer.name: the text contains the control character U+0007, which a filing cannot carry",
    ),
    (
        "cusip-bad-character",
        60,
        10,
        "security.cusip: `09175M40!` fails the CUSIP check digit: for 09175M40 the ninth character must be 8",
    ),
    (
        "cusip-check-digit",
        60,
        10,
        "security.cusip: `09175M407` fails the CUSIP check digit: for 09175M40 the ninth character must be 8",
    ),
    ("cusip-length", 60, 10, "security.cusip: a CUSIP has nine characters; `09175M40` has 8"),
    (
        "date-wrong-shape",
        63,
        11,
        "security.closing_price.date: expected a calendar date written YYYY-MM-DD, such as 2023-12-12, found `12/12/2023`",
    ),
    ("duplicate-key", 17, 3, "issuer: duplicate key `ticker`: a field may appear only once in a mapping"),
    ("empty-file", 1, 1, "the terms file is empty, or ends before its first field"),
    ("empty-text", 16, 11, "issuer.ticker: the text is empty"),
    (
        "expiration-too-early",
        100,
        15,
        "dates.expiration: Rule 14e-1(a) keeps an offer open at least 20 business days: commenced Tuesday, January 2, 2024, it may expire no earlier than one minute after 11:59 p.m., New York City time, on Tuesday, January 30, 2024",
    ),
    (
        "fractional-block",
        75,
        39,
        "offer.consideration.aggregate_liquidation_preference: $15,000,010.00 of liquidation preference at $25.00 per share is 600000.4 new shares for 60,000,000 shares: not a whole number of new shares; say what a tender that earns a fraction of a new share receives, in `offer.consideration.fractional_shares`",
    ),
    (
        "fractional-shares",
        67,
        15,
        "offer.max_shares: expected a whole number of shares greater than zero, such as 60000000, found `60000000.5`",
    ),
    ("impossible-date", 63, 11, "security.closing_price.date: 2023-02-30 is not a date on the calendar"),
    (
        "minimum-above-maximum",
        68,
        15,
        "offer.min_shares: the minimum (70,000,000) is above the maximum number of shares sought (60,000,000)",
    ),
    ("missing-field", 34, 3, "issuer.state: missing field `state`"),
    ("missing-section", 88, 1, "dates: missing field `dates`"),
    (
        "multiple-documents",
        98,
        1,
        "the file holds more than one YAML document (`---`); a terms file is one document",
    ),
    (
        "negative-price",
        62,
        12,
        "security.closing_price.price: expected a positive number written exactly, such as 0.083 or 15000000, found `-0.083`",
    ),
    (
        "negative-shares",
        67,
        15,
        "offer.max_shares: expected a whole number of shares greater than zero, such as 60000000, found `-60_000_000`",
    ),
    ("nesting-10000-deep", 2, 9, "filing.form: expected one of the accepted values, found a list or mapping"),
    ("non-utf8", 16, 13, "the file is not UTF-8 text: byte 0xFF at offset 558"),
    ("null-text", 13, 15, "issuer.short_name: the value is empty"),
    (
        "percent-over-100",
        73,
        22,
        "offer.consideration.security.dividend_rate: expected a percentage with its sign between 0% and 100%, such as 13.00%, found `130.00%`",
    ),
    (
        "percent-places-too-many",
        94,
        5,
        "presentation.percent_places.premium: expected a number of decimal places from 0 to 4, found integer `9`",
    ),
    (
        "percent-without-sign",
        73,
        22,
        "offer.consideration.security.dividend_rate: `13.00` has no percent sign; write the rate as a percentage, such as 13.00%",
    ),
    (
        "price-30-decimals",
        62,
        12,
        "security.closing_price.price: `0.083000000000000000000000000001` cannot be held exactly: secdraft keeps at most 28 digits after the point and 28 in all",
    ),
    (
        "price-exponent",
        62,
        12,
        "security.closing_price.price: `8.3e-2` is in exponent notation; write the number out in full",
    ),
    (
        "price-with-dollar-sign",
        62,
        12,
        "security.closing_price.price: `$0.083` contains `$` or `,`; write a plain number such as 15000000 or 15_000_000",
    ),
    ("syntax-bad-indent", 16, 11, "issuer: mapping values are not allowed in this context"),
    ("syntax-unclosed-flow", 6, 9, "filing: expected a mapping of fields (`name: value` lines) here"),
    ("tab-indent", 16, 1, "issuer: while scanning a plain scalar, found a tab"),
    (
        "two-kinds-of-consideration",
        67,
        3,
        "offer: give only one of `consideration`, `cash_price` and `auction`",
    ),
    ("undefined-alias", 16, 11, "issuer: alias references unknown anchor"),
    (
        "unknown-cover-box",
        8,
        17,
        "filing.cover_boxes[0]: `issuer_tender_offers` is not one of the accepted values",
    ),
    ("unknown-field-nested", 67, 3, "offer.max_share: unknown field `max_share`"),
    ("unknown-field-top", 87, 1, "press_releases: unknown field `press_releases`"),
    ("unknown-form", 7, 9, "filing.form: `SC TO-X` is not one of the accepted values"),
    (
        "wrong-type-bool",
        90,
        34,
        "press_release.reiterates_prior_announcement: invalid boolean (strict mode expects true/false)",
    ),
    ("wrong-type-list", 50, 10, "counsel: expected a list (YAML `- item` lines), found a single value"),
    (
        "wrong-type-mapping",
        83,
        19,
        "investor_contact: expected a mapping of fields (`name: value` lines) here",
    ),
    ("yaml-tag", 16, 37, "issuer: unsupported tag `!!python/object:os.system`"),
    (
        "zero-closing-price",
        62,
        12,
        "security.closing_price.price: expected a positive number written exactly, such as 0.083 or 15000000, found `0`",
    ),
    (
        "zero-shares",
        67,
        15,
        "offer.max_shares: expected a whole number of shares greater than zero, such as 60000000, found `0`",
    ),
];

/// An output folder holding a draft that must survive, and a way to see it did.
struct Out {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Out {
    fn new() -> Out {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("drafts");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("press-release.md"), "kept").unwrap();
        Out { _dir: dir, path }
    }

    fn untouched(&self) -> bool {
        let names: Vec<_> = fs::read_dir(&self.path).unwrap().map(|e| e.unwrap().file_name()).collect();
        names == ["press-release.md"]
            && fs::read_to_string(self.path.join("press-release.md")).unwrap() == "kept"
    }
}

#[test]
fn every_bad_input_gives_its_located_error_and_changes_nothing() {
    let on_disk = fs::read_dir("tests/bad-inputs").unwrap().count();
    assert!(
        CASES.len() >= 40 && on_disk > CASES.len(),
        "the corpus has {} cases, {on_disk} files",
        CASES.len()
    );
    for (name, line, column, message) in CASES {
        let file = format!("tests/bad-inputs/{name}.yaml");
        assert!(Path::new(&file).is_file(), "{file}");
        let out = Out::new();
        secdraft()
            .arg("render")
            .arg(&file)
            .arg("--out")
            .arg(&out.path)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::starts_with(format!("error: {message}")))
            .stderr(predicate::str::contains(format!("{file}:{line}:{column}")));
        assert!(out.untouched(), "{name} changed the output folder");
    }
}

#[test]
fn markdown_html_and_template_syntax_in_values_print_literally() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts");
    secdraft()
        .args(["render", "tests/bad-inputs/literal-markdown-html-tera.yaml", "--out"])
        .arg(&out)
        .assert()
        .success();
    let html = fs::read_to_string(out.join("press-release.htm")).unwrap();
    assert!(html.contains("Smith &amp; &lt;Sons&gt; *Holdings* {{ terms }} {% include &quot;_cover.md&quot; %} [x](javascript:alert(1)) &lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    assert!(
        html.contains("a company with **bold** _claims_, `code`, # headings and {# comments #}"),
        "{html}"
    );
    assert!(!html.contains("<script") && !html.contains("<Sons>") && !html.contains("href=\"javascript"));
    let markdown = fs::read_to_string(out.join("press-release.md")).unwrap();
    assert!(
        markdown.contains(r#"Smith & \<Sons> \*Holdings\* {{ terms }} {% include "\_cover.md" %} \[x\](javascript:alert(1)) \<script>alert(1)\</script>"#),
        "{markdown}"
    );
    assert!(
        markdown.contains("{{ terms }}") && !markdown.contains("UNITED STATES"),
        "the include was not evaluated"
    );
}

#[test]
fn a_50_mb_terms_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.yaml");
    let mut text = fs::read_to_string(EXAMPLE).unwrap();
    text.push_str(&format!("# {}\n", "x".repeat(50 * 1024 * 1024)));
    fs::write(&file, text).unwrap();
    let out = Out::new();
    secdraft()
        .arg("render")
        .arg(&file)
        .arg("--out")
        .arg(&out.path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a terms file may be at most 4194304 bytes"));
    assert!(out.untouched());
}

#[test]
fn an_output_path_that_is_a_file_or_cannot_be_created() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("drafts");
    fs::write(&file, "a file").unwrap();
    let terms = EXAMPLE;
    secdraft()
        .args(["render", terms, "--out"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a file, not a folder"));
    secdraft()
        .args(["render", terms, "--out"])
        .arg(file.join("inside"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot create the output folder"));
    assert_eq!(fs::read_to_string(&file).unwrap(), "a file");
}

#[test]
fn broken_template_folders() {
    for (body, message) in [
        ("{% if terms.issuer.name %}\nno end\n", "press-release.md:"),
        ("{{ terms.issuer.nmae }}\n", "press-release.md:1:"),
        ("{{ terms.issuer.name | no_such_filter }}\n", "press-release.md:1:"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("press-release.md"), body).unwrap();
        let out = Out::new();
        secdraft()
            .args(["render", EXAMPLE, "--templates"])
            .arg(dir.path())
            .arg("--out")
            .arg(&out.path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("template error"))
            .stderr(predicate::str::contains(message));
        assert!(out.untouched());
    }
}

/// Each input a fuzz target once crashed on, replayed through the code that target drives; the
/// file name starts with the target's name.
#[test]
fn fuzzing_regressions_run_without_panicking() {
    let mut replayed = 0;
    for entry in fs::read_dir("tests/fuzz-regressions").unwrap() {
        let path = entry.unwrap().path();
        let text = String::from_utf8_lossy(&fs::read(&path).unwrap()).into_owned();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("load_terms-") {
            let _ = secdraft::terms::load_str(&path, text);
        } else if name.starts_with("render_set-") {
            if let Ok(loaded) = secdraft::terms::load_str(&path, text) {
                let templates = secdraft::render::Templates::embedded().unwrap();
                let _ = secdraft::pipeline::render_loaded(loaded, &templates);
            }
        } else if name.starts_with("tie_out-") {
            // The terms text the fuzz target built from the crashing input.
            if let Ok(loaded) = secdraft::terms::load_str(&path, text) {
                let templates = secdraft::render::Templates::embedded().unwrap();
                if let Ok(set) = secdraft::pipeline::render_loaded(loaded, &templates) {
                    let sheet =
                        secdraft::tieout::markdown(&secdraft::tieout::build(&set).unwrap(), "fuzz.yaml");
                    let _ = secdraft::html::to_edgar_html(&sheet, "Tie-Out of Figures");
                }
            }
        } else if name.starts_with("check_terms-") {
            // As `secdraft check TERMS`: the file through the binary, which must not panic.
            let output = secdraft().arg("check").arg(&path).output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(!stderr.contains("panicked"), "{name}: {stderr}");
            assert!(matches!(output.status.code(), Some(0..=2)), "{name}: {stderr}");
        } else if name.starts_with("check_text-") {
            use secdraft::check::{Document, Format, Mode};
            let documents = [
                Document { name: "a.md".into(), format: Format::Markdown, source: text.clone() },
                Document { name: "a.htm".into(), format: Format::Html, source: text.clone() },
                Document { name: "a.txt".into(), format: Format::Text, source: text },
            ];
            let _ = secdraft::check::check(&documents, Mode::Filing, None);
        } else if name.starts_with("set_value-") {
            // `YAML \0 PATH \0 VALUE`, as the fuzz target takes them, with the path written out.
            let mut parts = text.splitn(3, '\0');
            let (Some(yaml), Some(field), Some(value)) = (parts.next(), parts.next(), parts.next()) else {
                panic!("{name}: a set_value regression is YAML, a path and a value separated by NUL bytes");
            };
            let set = secdraft::terms::Override { path: field.into(), value: value.into() };
            let _ = secdraft::terms::apply_overrides(&path, yaml, &[set]);
        } else {
            panic!(
                "{name}: a fuzz regression is named after its target (load_terms-, render_set-, check_text-, tie_out-, check_terms-, set_value-)"
            );
        }
        replayed += 1;
    }
    assert!(replayed >= 2, "the regressions folder lost its inputs");
}
