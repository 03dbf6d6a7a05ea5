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

/// Every combination `init` accepts, with lines its skeleton must hold.
const COMBINATIONS: [(&[&str], &[&str]); 8] = [
    (&["--kind", "exchange"], &["  form: SC TO-C", "  consideration:"]),
    (&["--kind", "exchange", "--stage", "commencement"], &["  form: SC TO-I", "\nfee:", "\nagents:"]),
    (&["--kind", "cash", "--stage", "intent"], &["  form: SC TO-C", "  cash_price: ", "  max_shares: "]),
    (&["--kind", "cash", "--stage", "commencement"], &["  form: SC TO-I", "  cash_price: ", "\nagents:"]),
    (&["--kind", "cash", "--third-party"], &["  cover_boxes: [third_party_tender_offer]", "\nbidder:"]),
    (
        &["--kind", "cash", "--stage", "commencement", "--third-party"],
        &["  form: SC TO-T", "\nbidder:", "  all_outstanding: true"],
    ),
    (&["--kind", "dutch-auction"], &["  form: SC TO-C", "  auction:"]),
    (
        &["--kind", "dutch-auction", "--stage", "commencement"],
        &["  form: SC TO-I", "  auction:", "\nagents:"],
    ),
];

#[test]
fn every_skeleton_renders_as_a_draft_and_is_not_fileable() {
    for (options, lines) in COMBINATIONS {
        let skeleton = drafts(options);
        for line in lines {
            assert!(skeleton.contains(line), "{options:?} lacks {line:?}:\n{skeleton}");
        }
        let third_party = options.contains(&"--third-party");
        assert_eq!(skeleton.contains("\nbidder:"), third_party, "{options:?}");
    }
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
fn a_dash_prints_the_skeleton_and_quiet_says_nothing_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let printed = secdraft().args(["init", "--kind", "cash"]).assert().success().get_output().stdout.clone();
    secdraft()
        .args(["init", "--kind", "cash", "-"])
        .assert()
        .success()
        .stdout(String::from_utf8(printed).unwrap());
    let terms = dir.path().join("terms.yaml");
    secdraft()
        .args(["init", "--kind", "cash", "--quiet"])
        .arg(&terms)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert!(terms.is_file());
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

/// The notes to draft filled in, the skeleton's made-up numbers and dates are still no terms
/// of the offer: `check --mode filing` reports each one at its line of the terms file (the
/// drafts print it as if it were a term), `--mode draft` warns of it, and a value whose marker
/// is gone passes.
#[test]
fn a_skeleton_with_its_notes_filled_is_not_fileable_while_a_made_up_value_is_left() {
    for (options, _) in COMBINATIONS {
        let dir = tempfile::tempdir().unwrap();
        let terms = dir.path().join("terms.yaml");
        let printed = secdraft().arg("init").args(options).assert().success().get_output().stdout.clone();
        let mut filled = String::new();
        let mut made_up = Vec::new();
        for (number, line) in String::from_utf8(printed).unwrap().lines().enumerate() {
            // "[Company's legal name: to draft]" -> "Company's legal name"
            let line = line.replace(": to draft]", "").replace("\"[", "\"").replace("# cusip:", "cusip:");
            if line.contains("illustrative: replace") && !line.trim_start().starts_with('#') {
                made_up.push(number + 1);
            }
            filled.push_str(&line);
            filled.push('\n');
        }
        assert!(!made_up.is_empty(), "{options:?}");
        fs::write(&terms, &filled).unwrap();
        let out = secdraft().args(["check", "--mode", "filing"]).arg(&terms).output().unwrap();
        let report = String::from_utf8(out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(1), "{options:?}: {report}");
        let flagged: Vec<usize> = report
            .lines()
            .filter(|l| l.contains("error[illustrative-value]"))
            .map(|l| l.split(':').nth(1).unwrap().parse().unwrap())
            .collect();
        assert_eq!(flagged, made_up, "{options:?}: {report}");
        let draft = secdraft().args(["check", "--mode", "draft"]).arg(&terms).output().unwrap();
        assert!(String::from_utf8(draft.stdout).unwrap().contains("warning[illustrative-value]"));

        fs::write(&terms, filled.replace("illustrative: replace", "")).unwrap();
        let out =
            secdraft().args(["check", "--mode", "filing", "--format", "json"]).arg(&terms).output().unwrap();
        let report = String::from_utf8(out.stdout).unwrap();
        assert!(!report.contains("illustrative-value"), "{options:?}: {report}");
    }
}
