//! `secdraft init`: every skeleton it writes renders at once as a draft, passes `check` as a
//! draft and fails it as a filing (its bracketed notes are there to fill), and no file is
//! ever replaced.

use std::fs;

use predicates::str::contains;

use crate::common::secdraft;

/// `secdraft init` with `options` into a new file, then the file rendered, checked as a draft
/// (warnings only) and checked as a filing (the notes to draft are errors); what it printed to
/// standard output is the file, byte for byte. Returns the skeleton.
fn drafts(options: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let terms = dir.path().join("terms.yaml");
    secdraft().arg("init").args(options).arg(&terms).assert().success().stdout(contains("wrote"));
    let skeleton = fs::read_to_string(&terms).unwrap();
    let printed = secdraft().arg("init").args(options).assert().success().get_output().stdout.clone();
    assert_eq!(String::from_utf8(printed).unwrap(), skeleton, "printed and written differ");

    assert!(skeleton.contains(": to draft]\""), "no bracketed note:\n{skeleton}");
    assert!(skeleton.contains("# illustrative: replace"), "no illustrative value marked:\n{skeleton}");
    assert!(!skeleton.contains("#@"), "a block marker was left in:\n{skeleton}");

    secdraft().arg("render").arg(&terms).arg("--out").arg(dir.path().join("out")).assert().success();
    secdraft().args(["check", "--mode", "draft"]).arg(&terms).assert().success();
    secdraft()
        .args(["check", "--mode", "filing"])
        .arg(&terms)
        .assert()
        .code(1)
        .stdout(contains("error[placeholder]"));
    skeleton
}

#[test]
fn an_exchange_offer_announced() {
    let skeleton = drafts(&["--kind", "exchange"]);
    assert!(skeleton.contains("  form: SC TO-C") && skeleton.contains("  consideration:"), "{skeleton}");
}

#[test]
fn an_exchange_offer_commenced() {
    let skeleton = drafts(&["--kind", "exchange", "--stage", "commencement"]);
    assert!(skeleton.contains("  form: SC TO-I") && skeleton.contains("\nfee:"), "{skeleton}");
}

#[test]
fn a_cash_offer_announced() {
    let skeleton = drafts(&["--kind", "cash", "--stage", "intent"]);
    assert!(skeleton.contains("  cash_price: ") && !skeleton.contains("\nbidder:"), "{skeleton}");
}

#[test]
fn a_cash_offer_commenced() {
    let skeleton = drafts(&["--kind", "cash", "--stage", "commencement"]);
    assert!(skeleton.contains("  form: SC TO-I") && skeleton.contains("\nagents:"), "{skeleton}");
}

#[test]
fn a_third_partys_cash_offer_announced() {
    let skeleton = drafts(&["--kind", "cash", "--third-party"]);
    assert!(skeleton.contains("[third_party_tender_offer]") && skeleton.contains("\nbidder:"), "{skeleton}");
}

#[test]
fn a_third_partys_cash_offer_commenced() {
    let skeleton = drafts(&["--kind", "cash", "--stage", "commencement", "--third-party"]);
    assert!(
        skeleton.contains("  form: SC TO-T") && skeleton.contains("  all_outstanding: true"),
        "{skeleton}"
    );
}

#[test]
fn a_dutch_auction_announced() {
    let skeleton = drafts(&["--kind", "dutch-auction"]);
    assert!(skeleton.contains("  auction:") && skeleton.contains("  form: SC TO-C"), "{skeleton}");
}

#[test]
fn a_dutch_auction_commenced() {
    let skeleton = drafts(&["--kind", "dutch-auction", "--stage", "commencement"]);
    assert!(skeleton.contains("  auction:") && skeleton.contains("  form: SC TO-I"), "{skeleton}");
}

#[test]
fn a_file_that_exists_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let terms = dir.path().join("terms.yaml");
    fs::write(&terms, "# counsel's own draft\n").unwrap();
    secdraft()
        .args(["init", "--kind", "cash"])
        .arg(&terms)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("terms.yaml already exists: secdraft init never replaces a file"));
    assert_eq!(fs::read_to_string(&terms).unwrap(), "# counsel's own draft\n");
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["terms.yaml"], "nothing left beside it");
}

#[test]
fn a_third_partys_exchange_offer_or_dutch_auction_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, offer) in [("exchange", "exchange offer"), ("dutch-auction", "modified Dutch auction")] {
        let terms = dir.path().join(format!("{kind}.yaml"));
        secdraft()
            .args(["init", "--third-party", "--kind", kind])
            .arg(&terms)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(format!(
                "--third-party is drafted only with --kind cash: a third party's {offer} is not drafted"
            )))
            .stderr(contains("Usage: secdraft init"));
        assert!(!terms.exists());
    }
}
