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
        .stderr(predicate::str::contains("ault-alliance-2023-12-13.yaml:67:15"))
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
