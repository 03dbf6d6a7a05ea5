//! The command line, through the binary: the example renders, and each class of bad input
//! gets its located message, exit code 2, and an untouched output folder.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use tempfile::TempDir;

use crate::common::{EXAMPLE, edited, listing, secdraft, subcommands};

fn example_text() -> String {
    fs::read_to_string(EXAMPLE).unwrap()
}

/// A scratch folder with the example terms, `from` replaced by `to`, and an output folder
/// that already holds a file, so a test can check that a failure leaves it alone.
struct Case {
    dir: TempDir,
    terms: PathBuf,
    out: PathBuf,
}

impl Case {
    fn with(from: &str, to: &str) -> Case {
        Case::from_text(&edited(EXAMPLE, from, to))
    }

    fn from_text(text: &str) -> Case {
        let dir = tempfile::tempdir().unwrap();
        let terms = dir.path().join("terms.yaml");
        fs::write(&terms, text).unwrap();
        let out = dir.path().join("drafts");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("press-release.md"), "hand-kept draft").unwrap();
        Case { dir, terms, out }
    }

    /// The 1-based line of the terms file holding `needle`.
    fn line_of(&self, needle: &str) -> usize {
        fs::read_to_string(&self.terms).unwrap().lines().position(|l| l.contains(needle)).unwrap() + 1
    }

    fn render(&self) -> assert_cmd::assert::Assert {
        secdraft().arg("render").arg(&self.terms).arg("--out").arg(&self.out).assert()
    }

    fn render_with_templates(&self, templates: &Path) -> assert_cmd::assert::Assert {
        secdraft()
            .arg("render")
            .arg(&self.terms)
            .arg("--out")
            .arg(&self.out)
            .arg("--templates")
            .arg(templates)
            // The output folder holds a file secdraft did not write (see `Case`).
            .arg("--force")
            .assert()
    }

    /// Fails with exit code 2 and a message naming the file, line and column, the field path,
    /// and `message`; the output folder is as it was.
    fn fails(&self, line: usize, column: usize, field: &str, message: &str) {
        let location = format!("terms.yaml:{line}:{column}");
        self.render()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(format!("error: {field}: ")))
            .stderr(predicate::str::contains(message))
            .stderr(predicate::str::contains(location));
        self.assert_output_untouched();
    }

    fn assert_output_untouched(&self) {
        let names: Vec<_> = fs::read_dir(&self.out).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["press-release.md"], "the output folder changed");
        assert_eq!(fs::read_to_string(self.out.join("press-release.md")).unwrap(), "hand-kept draft");
    }
}

#[test]
fn renders_the_example_set() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts");
    secdraft()
        .args(["render", EXAMPLE, "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("schedule-to.htm"))
        .stdout(predicate::str::contains("press-release.md"));
    let names: Vec<String> = listing(&out).into_iter().map(|(n, _)| n).collect();
    // Beside the drafts, the text written of each Markdown draft: the base of `render --merge`.
    assert_eq!(
        names,
        [
            ".secdraft/base/press-release.md",
            ".secdraft/base/schedule-to.md",
            "press-release.htm",
            "press-release.md",
            "schedule-to.htm",
            "schedule-to.md"
        ]
    );
    for (name, bytes) in listing(&out) {
        if name.ends_with(".htm") {
            assert!(
                bytes.iter().all(|b| matches!(b, b'\t' | b'\n' | b'\r' | 0x20..=0x7e)),
                "{name} is not printable ASCII"
            );
        }
    }
}

#[test]
fn output_is_byte_identical_from_any_folder_and_environment() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::env::current_dir().unwrap();
    let (first, second) = (dir.path().join("first"), dir.path().join("second"));
    secdraft().args(["render", EXAMPLE, "--out"]).arg(&first).assert().success();
    secdraft()
        .current_dir(dir.path())
        .env("TZ", "Asia/Tokyo")
        .env("LANG", "de_DE.UTF-8")
        .arg("render")
        .arg(root.join(EXAMPLE))
        .arg("--out")
        .arg("second")
        .assert()
        .success();
    assert_eq!(listing(&first), listing(&second));
}

#[test]
fn yaml_syntax_error() {
    let case = Case::with("issuer:\n  name: Ault Alliance, Inc.", "issuer:\n  name: [Ault Alliance, Inc.");
    let line = case.line_of("name: [Ault");
    case.render().code(2).stderr(predicate::str::contains(format!("terms.yaml:{line}:")));
    case.assert_output_untouched();
}

#[test]
fn unknown_field_suggests_the_closest_name() {
    let case = Case::with("  max_shares: 60_000_000", "  max_share: 60_000_000");
    case.fails(case.line_of("max_share:"), 3, "offer.max_share", "unknown field `max_share`");
    case.render().stderr(predicate::str::contains("did you mean `max_shares`?"));
}

#[test]
fn wrong_type() {
    let case = Case::with("  max_shares: 60_000_000", "  max_shares: sixty million");
    case.fails(case.line_of("max_shares:"), 15, "offer.max_shares", "`sixty million` is not a number");
    let case = Case::with("counsel:\n", "counsel: Kenneth A. Schlesinger\nunused:\n");
    case.render().code(2).stderr(predicate::str::contains("error: counsel: expected a list"));
}

#[test]
fn missing_field() {
    let case = Case::with("  state: Delaware\n", "");
    case.render()
        .code(2)
        .stderr(predicate::str::contains("error: issuer.state: missing field `state`"))
        .stderr(predicate::str::contains("terms.yaml:"));
    case.assert_output_untouched();
}

#[test]
fn impossible_date() {
    let case = Case::with("    date: 2023-12-12", "    date: 2023-02-30");
    case.fails(
        case.line_of("2023-02-30"),
        11,
        "security.closing_price.date",
        "2023-02-30 is not a date on the calendar",
    );
}

#[test]
fn cusip_with_a_wrong_check_digit() {
    let case = Case::with("cusip: 09175M408", "cusip: 09175M407");
    case.fails(case.line_of("cusip:"), 10, "security.cusip", "the ninth character must be 8");
}

#[test]
fn zero_closing_price() {
    let case = Case::with("    price: 0.083", "    price: 0");
    case.fails(case.line_of("price: 0"), 12, "security.closing_price.price", "expected a positive number");
}

#[test]
fn maximum_below_minimum() {
    let case =
        Case::with("  max_shares: 60_000_000\n", "  max_shares: 60_000_000\n  min_shares: 70_000_000\n");
    case.fails(case.line_of("min_shares"), 15, "offer.min_shares", "is above the maximum");
}

#[test]
fn fractional_block() {
    let case = Case::with(
        "aggregate_liquidation_preference: 15_000_000",
        "aggregate_liquidation_preference: 15_000_010",
    );
    case.fails(
        case.line_of("aggregate_liquidation_preference"),
        39,
        "offer.consideration.aggregate_liquidation_preference",
        "not a whole number",
    );
}

#[test]
fn duplicate_key() {
    let case = Case::with("  ticker: AULT\n", "  ticker: AULT\n  ticker: AULT\n");
    let line = case.line_of("ticker") + 1;
    case.fails(line, 3, "issuer", "duplicate key `ticker`");
}

fn template_case(name: &str, body: &str) -> (Case, PathBuf) {
    let case = Case::from_text(&example_text());
    let templates = case.dir.path().join("templates");
    fs::create_dir(&templates).unwrap();
    fs::write(templates.join(name), body).unwrap();
    (case, templates)
}

#[test]
fn template_override_with_a_syntax_error() {
    let (case, templates) =
        template_case("press-release.md", "# Release\n\n{% if terms.issuer.name %}\nno end\n");
    case.render_with_templates(&templates)
        .code(2)
        .stderr(predicate::str::contains("template error"))
        .stderr(predicate::str::contains("templates/press-release.md:"));
    case.assert_output_untouched();
}

#[test]
fn template_override_with_an_undefined_variable() {
    let (case, templates) = template_case("press-release.md", "# Release\n\nText {{ terms.issuer.nmae }}.\n");
    case.render_with_templates(&templates)
        .code(2)
        .stderr(predicate::str::contains("templates/press-release.md:3:"));
    case.assert_output_untouched();
}

#[test]
fn template_override_replaces_one_document() {
    let (case, templates) = template_case(
        "press-release.md",
        "# {{ terms.issuer.name }} Release\n\nAt {{ figures.effective_price | money }}.\n",
    );
    case.render_with_templates(&templates).success();
    let release = fs::read_to_string(case.out.join("press-release.md")).unwrap();
    assert!(release.starts_with("<!-- generated by secdraft"), "{release}");
    assert!(release.ends_with("\n# Ault Alliance, Inc. Release\n\nAt $0.25.\n"), "{release}");
    assert!(fs::read_to_string(case.out.join("schedule-to.md")).unwrap().contains("SCHEDULE TO"));
}

#[test]
fn a_template_that_cuts_a_figure_as_text_is_refused_at_its_line() {
    // `truncate`, slicing and `reverse` see the mark that names a figure in the ledger of
    // printed figures: what they leave is neither the figure nor the template's text.
    for body in [
        "# Release\n\nAt {{ figures.premium | truncate(length=2) }} over, then {{ figures.effective_price }}.\n",
        "# Release\n\nAt {{ figures.premium[0:2] }} over.\n",
        "# Release\n\nAt {{ figures.premium | reverse }} over.\n",
    ] {
        let (case, templates) = template_case("press-release.md", body);
        case.render_with_templates(&templates)
            .code(2)
            .stderr(predicate::str::contains("press-release.md, line 3 as rendered"))
            .stderr(predicate::str::contains("apart as text"));
        case.assert_output_untouched();
    }
}

#[test]
fn a_template_error_quotes_a_figure_as_it_prints() {
    let (case, templates) =
        template_case("press-release.md", "# Release\n\nAt {{ figures.premium | int }}.\n");
    case.render_with_templates(&templates)
        .code(2)
        .stderr(predicate::str::contains("The string `201%` cannot be converted to an int"))
        .stderr(predicate::str::contains("press-release.md:3:"));
    case.assert_output_untouched();
}

#[test]
fn misspelt_template_override_is_refused() {
    let (case, templates) = template_case("press_release.md", "x");
    case.render_with_templates(&templates)
        .code(2)
        .stderr(predicate::str::contains("does not override any template"))
        .stderr(predicate::str::contains("did you mean `press-release.md`?"));
}

/// A `--templates` folder of files at their paths in the folder: `partials/cover.md` in a
/// subfolder replaces the built-in cover.
fn templates_folder(case: &Case, files: &[(&str, &str)]) -> PathBuf {
    let templates = case.dir.path().join("templates");
    for (name, body) in files {
        let file = templates.join(name);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, body).unwrap();
    }
    templates
}

#[test]
fn a_template_is_overridden_by_its_path_or_by_its_name_before_folders() {
    for name in ["partials/cover.md", "_cover.md"] {
        let case = Case::from_text(&example_text());
        let templates = templates_folder(&case, &[(name, "COVER OF COUNSEL\n")]);
        case.render_with_templates(&templates).success();
        let schedule = fs::read_to_string(case.out.join("schedule-to.md")).unwrap();
        assert!(schedule.contains("\nCOVER OF COUNSEL\n"), "{name}: {schedule}");
        assert!(!schedule.contains("SECURITIES AND EXCHANGE COMMISSION"), "{name}: {schedule}");
        assert!(schedule.contains("Exhibit Index"), "{name}: {schedule}");
    }
}

#[test]
fn an_old_partial_that_includes_others_by_their_old_names_still_renders() {
    let case = Case::from_text(&example_text());
    let templates = templates_folder(
        &case,
        &[
            (
                "_schedule-to-intent.md",
                "STATEMENT OF COUNSEL for {{ bidder }}\n\n{% include \"_exhibit-index.md\" %}\n",
            ),
            ("_about.md", "ABOUT OF COUNSEL\n"),
        ],
    );
    case.render_with_templates(&templates).success();
    let schedule = fs::read_to_string(case.out.join("schedule-to.md")).unwrap();
    assert!(schedule.contains("SCHEDULE TO"), "{schedule}");
    assert!(schedule.contains("\nSTATEMENT OF COUNSEL for the Company\n\n**Exhibit Index**\n"), "{schedule}");
    let release = fs::read_to_string(case.out.join("press-release.md")).unwrap();
    assert!(release.ends_with("\nABOUT OF COUNSEL\n"), "{release}");
}

#[test]
fn an_old_and_a_new_name_of_one_template_are_refused_together() {
    let case = Case::from_text(&example_text());
    let templates = templates_folder(&case, &[("_cover.md", "A\n"), ("partials/cover.md", "B\n")]);
    case.render_with_templates(&templates)
        .code(2)
        .stderr(predicate::str::contains("both override the template partials/cover.md"));
    case.assert_output_untouched();
}

#[test]
fn a_misspelt_template_path_is_refused_with_the_closest_one() {
    let case = Case::from_text(&example_text());
    let templates = templates_folder(&case, &[("partials/cvoer.md", "x")]);
    case.render_with_templates(&templates)
        .code(2)
        .stderr(predicate::str::contains("does not override any template"))
        .stderr(predicate::str::contains("did you mean `partials/cover.md`?"));
    // A partial of counsel's own, in a subfolder too, is included rather than refused.
    let case = Case::from_text(&example_text());
    let templates = templates_folder(
        &case,
        &[("partials/_note.md", "NOTE OF COUNSEL"), ("_about.md", "{% include \"partials/_note.md\" %}\n")],
    );
    case.render_with_templates(&templates).success();
    let release = fs::read_to_string(case.out.join("press-release.md")).unwrap();
    assert!(release.ends_with("\nNOTE OF COUNSEL\n"), "{release}");
}

const COMMENCED: &str = "data/northwind-dutch-auction-commenced.yaml";

#[test]
fn offer_md_replaces_the_whole_offer_of_every_kind() {
    let case = Case::from_text(&fs::read_to_string(COMMENCED).unwrap());
    let templates = templates_folder(&case, &[("offer.md", "# {{ offer_doc.title }} of counsel\n")]);
    case.render_with_templates(&templates).success();
    let offer = fs::read_to_string(case.out.join("offer-to-purchase.md")).unwrap();
    assert!(offer.ends_with("\n# Offer to Purchase of counsel\n"), "{offer}");
}

#[test]
fn the_incorporation_by_reference_is_overridden_by_its_old_name_too() {
    for name in ["_incorporated.md", "partials/incorporated.md"] {
        let case = Case::from_text(&fs::read_to_string(COMMENCED).unwrap());
        let templates = templates_folder(
            &case,
            &[(name, "BY REFERENCE: {{ keys | join(sep=\", \") }} of {{ offer_doc.title }}.")],
        );
        case.render_with_templates(&templates).success();
        let schedule = fs::read_to_string(case.out.join("schedule-to.md")).unwrap();
        assert!(
            schedule.contains(
                "\n**Item 1. Summary Term Sheet.**\n\nBY REFERENCE: summary of Offer to Purchase.\n"
            ),
            "{name}: {schedule}"
        );
        assert!(
            schedule
                .contains("(a) BY REFERENCE: interests, effects, legal\\_matters of Offer to Purchase.\n"),
            "{name}: {schedule}"
        );
    }
}

#[test]
fn a_block_of_the_offer_is_overridden_in_a_copy_of_the_template_of_its_kind() {
    let case = Case::from_text(&fs::read_to_string(COMMENCED).unwrap());
    let mut auction = fs::read_to_string("templates/offer/dutch-auction.md").unwrap();
    auction.push_str(
        "\n{% block section_conditions %}### 7. CONDITIONS OF COUNSEL{% endblock section_conditions %}\n",
    );
    let templates = templates_folder(&case, &[("offer/dutch-auction.md", &auction)]);
    case.render_with_templates(&templates).success();
    let offer = fs::read_to_string(case.out.join("offer-to-purchase.md")).unwrap();
    assert!(offer.contains("\n### 7. CONDITIONS OF COUNSEL\n\n### 8. Price Range of the"), "{offer}");
    assert!(!offer.contains("Notwithstanding any other provision of the Offer"), "{offer}");
    // The rest is the auction's, as built in.
    assert!(offer.contains("***How will the Company determine the Purchase Price?***"), "{offer}");
}

#[test]
fn missing_terms_file_and_usage_errors() {
    secdraft()
        .args(["render", "no-such-terms.yaml", "--out", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read the terms file no-such-terms.yaml"));
    secdraft().arg("render").assert().code(2);
    secdraft().arg("--help").assert().success().stdout(predicate::str::contains("render"));
}

#[test]
fn a_hand_edited_draft_survives_a_render() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts");
    secdraft().args(["render", EXAMPLE, "--out"]).arg(&out).assert().success();
    // Rendering again over untouched drafts replaces them.
    secdraft().args(["render", EXAMPLE, "--out"]).arg(&out).assert().success();
    let release = out.join("press-release.md");
    let edited = fs::read_to_string(&release).unwrap().replace("regulatory approval", "regulatory approvals");
    fs::write(&release, &edited).unwrap();
    let before = listing(&out);
    secdraft()
        .args(["render", EXAMPLE, "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing was written"))
        .stderr(predicate::str::contains("press-release.md (edited by hand since secdraft wrote it)"))
        .stderr(predicate::str::contains("--force"))
        .stderr(predicate::str::contains("secdraft diff"));
    assert_eq!(listing(&out), before, "the edit and every other draft survive");
    secdraft().args(["render", EXAMPLE, "--force", "--out"]).arg(&out).assert().success();
    assert!(!fs::read_to_string(&release).unwrap().contains("regulatory approvals"));
}

#[test]
fn completions_for_every_shell_and_the_man_page_name_every_subcommand() {
    let subcommands = subcommands();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = secdraft().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        for name in &subcommands {
            assert!(script.contains(name.as_str()), "{shell} completion lacks {name}");
        }
    }
    secdraft().args(["completions", "tcsh"]).assert().code(2);
    let out = secdraft().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH secdraft 1"), "{page}");
    for name in &subcommands {
        assert!(page.contains(name.as_str()), "the man page lacks {name}");
    }
}
