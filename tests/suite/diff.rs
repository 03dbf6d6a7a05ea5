//! `--set`, the tie-out sheet (`secdraft figures`, `render --tie-out`) and blacklines
//! (`secdraft diff`).

use std::fs;

use predicates::prelude::*;

use crate::common::{EXAMPLE as SEED, secdraft, with_snapshots};

const HIGHER_PRICE: &str = "offer.consideration.aggregate_liquidation_preference=30000000";

fn json(args: &[&str]) -> serde_json::Value {
    let out = secdraft().args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn figures_json_lists_the_eight_seed_figures_with_their_inputs() {
    let sheet = json(&["figures", SEED, "--format", "json"]);
    let figures = sheet["figures"].as_array().unwrap();
    let names: Vec<&str> = figures.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, crate::common::SEED_FIGURES);
    for f in figures {
        for key in ["name", "formula", "inputs", "value", "display", "printed_at"] {
            assert!(f.get(key).is_some(), "{} has no {key}", f["name"]);
        }
        assert!(!f["inputs"].as_array().unwrap().is_empty());
    }
    let premium = &figures[1];
    assert_eq!(premium["display"], "201%");
    let closing = premium["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["path"] == "security.closing_price.price")
        .unwrap();
    assert_eq!(closing["from"], "terms");
    assert_eq!(closing["value"], "0.083");
    let at = closing["at"].as_str().unwrap();
    let line: usize = at.rsplit(':').next().unwrap().parse().unwrap();
    assert!(
        fs::read_to_string(SEED).unwrap().lines().nth(line - 1).unwrap().contains("price: 0.083"),
        "{at}"
    );
    assert!(premium["printed_at"].as_array().unwrap().iter().any(|p| p["document"] == "press-release.md"));
}

#[test]
fn the_tie_out_traces_every_number_in_the_seed_release() {
    let sheet = json(&["figures", SEED, "--format", "json"]);
    let untraced: Vec<&serde_json::Value> = sheet["untraced"].as_array().unwrap().iter().collect();
    assert!(untraced.is_empty(), "untraced: {untraced:?}");
    for figure in [
        "effective_price",
        "premium",
        "annual_dividend",
        "dividend_yield",
        "total_premium",
        "aggregate_liquidation_preference",
    ] {
        let f = sheet["figures"].as_array().unwrap().iter().find(|f| f["name"] == figure).unwrap();
        assert!(
            f["printed_at"].as_array().unwrap().iter().any(|p| p["document"] == "press-release.md"),
            "{figure} is printed in the release"
        );
    }
}

#[test]
fn an_untraced_number_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy("templates/press-release.md", dir.path().join("press-release.md")).unwrap();
    let text = fs::read_to_string(dir.path().join("press-release.md")).unwrap();
    fs::write(dir.path().join("press-release.md"), format!("{text}\nThe Company holds $1,234 in cash.\n"))
        .unwrap();
    let templates = dir.path().to_str().unwrap();
    let sheet = json(&["figures", SEED, "--format", "json", "--templates", templates]);
    let untraced = sheet["untraced"].as_array().unwrap();
    assert_eq!(untraced.len(), 1, "{untraced:?}");
    assert_eq!(untraced[0]["text"], "$1,234");
    assert_eq!(untraced[0]["document"], "press-release.md");
}

#[test]
fn render_writes_the_tie_out_beside_the_drafts() {
    let dir = tempfile::tempdir().unwrap();
    secdraft().args(["render", SEED, "--tie-out", "--out"]).arg(dir.path()).assert().success();
    let sheet = fs::read_to_string(dir.path().join("tie-out.md")).unwrap();
    assert!(sheet.contains("| Premium over the closing price | 201% |"), "{sheet}");
    assert!(dir.path().join("tie-out.htm").is_file());
}

#[test]
fn set_answers_what_if_and_reports_bad_paths_and_values_where_they_land() {
    let dir = tempfile::tempdir().unwrap();
    secdraft().args(["render", SEED, "--set", HIGHER_PRICE, "--out"]).arg(dir.path()).assert().success();
    let release = fs::read_to_string(dir.path().join("press-release.md")).unwrap();
    assert!(release.contains("an Effective Price of $0.50 per Share"));
    assert!(release.contains("a 502% increase"));

    secdraft()
        .args(["render", SEED, "--set", "offer.max_shares=abc", "--out"])
        .arg(dir.path().join("x"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: offer.max_shares: `abc` is not a number"))
        .stderr(predicate::str::contains("ault-alliance-2023-12-13.yaml:68:15"))
        .stderr(predicate::str::contains("this line comes from `--set offer.max_shares=abc`"));
    secdraft()
        .args(["figures", SEED, "--set", "offer.max_sharez=5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field `max_sharez`"))
        .stderr(predicate::str::contains("did you mean `max_shares`?"));
    secdraft()
        .args(["check", SEED, "--set", "offer=5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--set offer=5: the field is a mapping or a list"));
    secdraft()
        .args(["figures", SEED, "--set", "offer.min_shares=70000000"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("offer.min_shares: the minimum (70,000,000) is above the maximum"));
    secdraft().args(["figures", SEED, "--set", "no-equals-sign"]).assert().code(2);
}

fn diff(args: &[&str], out: &std::path::Path) -> assert_cmd::assert::Assert {
    secdraft().arg("diff").args(args).arg("--out").arg(out).assert()
}

#[test]
fn the_seed_at_a_higher_price_blackline_and_changelog() {
    let dir = tempfile::tempdir().unwrap();
    diff(&[SEED, "--set", HIGHER_PRICE, "--exit-code"], dir.path()).code(1);
    let changes = fs::read_to_string(dir.path().join("changes.md")).unwrap();
    with_snapshots(|| insta::assert_snapshot!("diff__seed-higher-price__changes.md", changes));
    let blackline = fs::read_to_string(dir.path().join("press-release-blackline.htm")).unwrap();
    with_snapshots(|| {
        insta::assert_snapshot!("diff__seed-higher-price__press-release-blackline.htm", &blackline)
    });
    assert!(blackline.is_ascii() && !blackline.contains("<script"));
    assert!(blackline.contains("<strike style=\"color: #a00000; text-decoration: line-through\">$0.25</strike><u style=\"color: #1f3d99; text-decoration: underline\">$0.50</u>"));
    assert!(changes.contains("- Effective price per share: $0.25 -> $0.50"));
    assert!(changes.contains("- Premium over the closing price: 201% -> 502%"));
}

#[test]
fn identical_inputs_give_an_empty_changelog_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    diff(&[SEED, SEED, "--exit-code"], dir.path()).code(0);
    let changes = fs::read_to_string(dir.path().join("changes.md")).unwrap();
    assert!(!changes.contains(" -> "), "{changes}");
    assert!(changes.contains("- press-release.md: unchanged"));
    let blackline = fs::read_to_string(dir.path().join("press-release-blackline.htm")).unwrap();
    assert!(blackline.contains("0 changes"));
    let body = &blackline[blackline.find("<hr>").unwrap()..];
    assert!(!body.contains("<u ") && !body.contains("<strike "), "the legend aside, nothing is marked");
}

#[test]
fn compares_rendered_folders_and_single_documents() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, out) = (dir.path().join("a"), dir.path().join("b"), dir.path().join("out"));
    secdraft().args(["render", SEED, "--out"]).arg(&a).assert().success();
    secdraft().args(["render", SEED, "--set", HIGHER_PRICE, "--out"]).arg(&b).assert().success();
    diff(&[a.to_str().unwrap(), b.to_str().unwrap(), "--exit-code"], &out)
        .code(1)
        .stdout(predicate::str::contains("press-release.md: 20 changes"));
    assert!(out.join("schedule-to-blackline.htm").is_file());
    let one = dir.path().join("one");
    diff(
        &[a.join("press-release.htm").to_str().unwrap(), b.join("press-release.htm").to_str().unwrap()],
        &one,
    )
    .success();
    assert!(fs::read_to_string(one.join("press-release-blackline.htm")).unwrap().contains("$0.50"));
    diff(&[SEED, a.to_str().unwrap()], &dir.path().join("mixed"))
        .code(2)
        .stderr(predicate::str::contains("compare like with like"));
}

#[test]
fn the_blackline_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    diff(&[SEED, "--set", HIGHER_PRICE], &dir.path().join("1")).success();
    diff(&[SEED, "--set", HIGHER_PRICE], &dir.path().join("2")).success();
    for name in ["changes.md", "press-release-blackline.htm", "schedule-to-blackline.htm"] {
        assert_eq!(
            fs::read(dir.path().join("1").join(name)).unwrap(),
            fs::read(dir.path().join("2").join(name)).unwrap()
        );
    }
}

/// A part of a DOCX package, as text.
fn docx_part(path: &std::path::Path, name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

/// The text of word/document.xml with every revision accepted (`accept`) or rejected.
fn revised_text(xml: &str, accept: bool) -> String {
    let dropped = if accept { "del" } else { "ins" };
    // A revision holding runs (not the self-closing mark of a paragraph's end).
    let revision = regex::Regex::new(&format!(r#"(?s)<w:{dropped} [^>]*[^/]>.*?</w:{dropped}>"#)).unwrap();
    let kept = revision.replace_all(xml, "");
    let text = regex::Regex::new(r"<w:(?:t|delText)(?: [^>]*)?>([^<]*)</w:(?:t|delText)>").unwrap();
    text.captures_iter(&kept).map(|c| c[1].to_owned()).collect()
}

#[test]
fn a_word_blackline_tracks_each_change_as_a_revision_to_accept_or_reject() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new, out) = (dir.path().join("old"), dir.path().join("new"), dir.path().join("out"));
    secdraft().args(["render", SEED, "--format", "docx", "--out"]).arg(&old).assert().success();
    secdraft()
        .args(["render", SEED, "--format", "docx", "--set", HIGHER_PRICE, "--out"])
        .arg(&new)
        .assert()
        .success();
    diff(&[SEED, "--set", HIGHER_PRICE, "--format", "docx"], &out).success();
    assert!(
        !out.join("press-release-blackline.htm").exists(),
        "--format docx alone writes no HTML blackline"
    );
    let xml = docx_part(&out.join("press-release-blackline.docx"), "word/document.xml");
    let revision = r#"w:author="secdraft" w:date="2000-01-01T00:00:00Z""#;
    assert!(xml.contains(&format!(r#"<w:del w:id="0" {revision}>"#)), "{xml}");
    assert!(xml.contains(&format!("<w:ins w:id=\"1\" {revision}>")), "{xml}");
    assert!(xml.contains(r#"<w:delText xml:space="preserve">$0.25</w:delText>"#), "{xml}");
    let inserted = regex::Regex::new(
        r#"(?s)<w:ins [^>]*[^/]><w:r>.*?<w:t xml:space="preserve">\$0\.50</w:t></w:r></w:ins>"#,
    );
    assert!(inserted.unwrap().is_match(&xml), "{xml}");
    // Unchanged text keeps its styles: headings and body text as the rendered Word draft.
    assert!(
        xml.contains(r#"<w:pStyle w:val="Title" />"#) && xml.contains(r#"<w:pStyle w:val="BodyText" />"#)
    );
    // Accepting every revision gives the new draft's text, rejecting every one the old's.
    for entry in fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let Some(document) = name.strip_suffix("-blackline.docx") else { continue };
        let xml = docx_part(&path, "word/document.xml");
        let draft =
            |dir: &std::path::Path| docx_part(&dir.join(format!("{document}.docx")), "word/document.xml");
        assert_eq!(revised_text(&xml, true), revised_text(&draft(&new), true), "{name} accepted");
        assert_eq!(revised_text(&xml, false), revised_text(&draft(&old), false), "{name} rejected");
    }
}

#[test]
fn blacklines_in_both_forms_are_deterministic_and_the_html_one_stays_the_default() {
    let dir = tempfile::tempdir().unwrap();
    for run in ["1", "2"] {
        diff(&[SEED, "--set", HIGHER_PRICE, "--format", "htm,docx"], &dir.path().join(run)).success();
    }
    diff(&[SEED, "--set", HIGHER_PRICE], &dir.path().join("default")).success();
    let names: Vec<String> = fs::read_dir(dir.path().join("1"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(names.contains(&"press-release-blackline.docx".to_owned()), "{names:?}");
    for name in &names {
        let one = fs::read(dir.path().join("1").join(name)).unwrap();
        assert_eq!(one, fs::read(dir.path().join("2").join(name)).unwrap(), "{name}");
        let default = dir.path().join("default").join(name);
        if name.ends_with(".docx") {
            assert!(!default.exists(), "{name} written without --format docx");
        } else {
            assert_eq!(one, fs::read(default).unwrap(), "{name}: the HTML blackline as without --format");
        }
    }
}

/// `-` stands for standard input elsewhere; diff reads none, and says so rather than that `-`
/// and the other side are not alike.
#[test]
fn diff_of_standard_input_is_refused_as_such() {
    for args in [["diff", "-", SEED], ["diff", SEED, "-"]] {
        secdraft()
            .args(args)
            .args(["--out", "never-written"])
            .write_stdin(fs::read(SEED).unwrap())
            .assert()
            .code(2)
            .stderr(predicate::str::contains("does not read standard input"));
        assert!(!std::path::Path::new("never-written").exists());
    }
}
