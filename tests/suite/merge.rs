//! `render --merge`: drafts edited by hand regenerated from new terms without losing the edits.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::common::{listing, secdraft};

const TERMS: &str = "data/meridian-exchange-commenced.yaml";
/// The new terms: a smaller maximum, printed in the Offer's first paragraph among others.
const NEW_MAXIMUM: [&str; 2] = ["--set", "offer.max_shares=50000000"];
/// Where the Offer's first paragraph, which states the maximum, ends.
const FIGURE_PARAGRAPH_END: &str = "on the NYSE American.\n";
/// Where a paragraph that states no figure ends.
const PLAIN_PARAGRAPH_END: &str = "may be directed to the Information Agent.\n";
const FIGURE_EDIT: &str = " Counsel notes that the Company may waive any condition before the expiration.";
const PLAIN_EDIT: &str = " Counsel notes that the Information Agent answers in English and Spanish.";

fn render(out: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    secdraft().args(["render", TERMS, "--out"]).arg(out).args(args).assert()
}

/// Edits the Offer to Exchange in `out` as counsel would, replacing the first `from` by `to`.
fn edit_offer(out: &Path, from: &str, to: &str) -> PathBuf {
    let path = out.join("offer-to-exchange.md");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "the Offer has no `{from}`");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

/// The paragraph (line) of `text` that holds `words`.
fn paragraph_of<'a>(text: &'a str, words: &str) -> &'a str {
    text.lines().find(|line| line.contains(words)).unwrap_or_else(|| panic!("no line holds {words}"))
}

#[test]
fn a_merge_keeps_hand_edits_and_takes_the_new_figures() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts");
    render(&out, &[]).success();
    let offer = out.join("offer-to-exchange.md");
    let before = fs::read_to_string(&offer).unwrap();
    assert!(paragraph_of(&before, "on the NYSE American.").contains("up to 60,000,000 shares"));
    assert!(!paragraph_of(&before, "directed to the Information Agent.").contains("60,000,000"));
    edit_offer(&out, FIGURE_PARAGRAPH_END, &format!("on the NYSE American.{FIGURE_EDIT}\n"));
    edit_offer(
        &out,
        PLAIN_PARAGRAPH_END,
        &format!("may be directed to the Information Agent.{PLAIN_EDIT}\n"),
    );
    let edited = listing(&out);

    // Without --merge, as before: nothing written, exit 2, and the help names --merge.
    render(&out, &NEW_MAXIMUM).code(2).stderr(predicate::str::contains("--merge"));
    assert_eq!(listing(&out), edited);

    render(&out, &[NEW_MAXIMUM[0], NEW_MAXIMUM[1], "--merge"]).success().stderr(
        predicate::str::contains("merged the edits to").and(predicate::str::contains("offer-to-exchange.md")),
    );
    let merged = fs::read_to_string(&offer).unwrap();
    let figure_paragraph = paragraph_of(&merged, FIGURE_EDIT.trim());
    assert!(figure_paragraph.contains("up to 50,000,000 shares"), "{figure_paragraph}");
    assert!(figure_paragraph.ends_with(&format!("on the NYSE American.{FIGURE_EDIT}")), "{figure_paragraph}");
    assert!(paragraph_of(&merged, PLAIN_EDIT.trim()).ends_with(&format!("Information Agent.{PLAIN_EDIT}")));
    assert!(!merged.contains("60,000,000") && !merged.contains("<<<<<<<"), "{merged}");

    // Besides the two edits, the draft is the new rendering; its base is that rendering, and
    // the other drafts are as a render of the new terms into a fresh folder writes them.
    let fresh = dir.path().join("fresh");
    render(&fresh, &NEW_MAXIMUM).success();
    let rendered = fs::read_to_string(fresh.join("offer-to-exchange.md")).unwrap();
    let without_edits = merged.replace(FIGURE_EDIT, "").replace(PLAIN_EDIT, "");
    // The stamp is the new rendering's: the draft still reads as edited by hand.
    assert_eq!(without_edits, rendered);
    assert_eq!(fs::read_to_string(out.join(".secdraft/base/offer-to-exchange.md")).unwrap(), rendered);
    for (name, bytes) in listing(&fresh) {
        if !name.starts_with("offer-to-exchange.") {
            assert!(listing(&out).contains(&(name.clone(), bytes)), "{name} is not the new rendering");
        }
    }
    // The HTML is made from the merged Markdown.
    let html = fs::read_to_string(out.join("offer-to-exchange.htm")).unwrap();
    assert!(html.contains(FIGURE_EDIT.trim()) && html.contains(PLAIN_EDIT.trim()));
    assert!(html.contains("50,000,000") && !html.contains("60,000,000"));

    // The draft still holds hand edits: a render without --merge refuses, one with it merges
    // again from the new base and changes nothing.
    render(&out, &NEW_MAXIMUM).code(2).stderr(predicate::str::contains("edited by hand"));
    let now = listing(&out);
    render(&out, &[NEW_MAXIMUM[0], NEW_MAXIMUM[1], "--merge"]).success();
    assert_eq!(listing(&out), now);
}

#[test]
fn the_same_words_changed_by_hand_and_by_the_terms_are_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts");
    render(&out, &[]).success();
    let offer = edit_offer(&out, "exchange up to 60,000,000 shares", "exchange up to 55,000,000 shares");
    let html_before = fs::read(out.join("offer-to-exchange.htm")).unwrap();

    let run = render(&out, &[NEW_MAXIMUM[0], NEW_MAXIMUM[1], "--merge"]).code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    let merged = fs::read_to_string(&offer).unwrap();
    let line = merged.lines().position(|l| l == "<<<<<<< edited").expect("an opening marker") + 1;
    let lines: Vec<&str> = merged.lines().skip(line - 1).take(5).collect();
    assert_eq!(lines, ["<<<<<<< edited", "55,000,000", "=======", "50,000,000", ">>>>>>> terms"]);
    assert_eq!(merged.matches("<<<<<<< edited").count(), 1, "{merged}");
    assert!(
        stderr.contains(&format!("conflict: {}:{line}: ", offer.display())),
        "expected the conflict at line {line}:\n{stderr}"
    );
    // The HTML is left as it was until the conflict is resolved.
    assert_eq!(fs::read(out.join("offer-to-exchange.htm")).unwrap(), html_before);
    assert!(stderr.contains("offer-to-exchange.htm as it was"), "{stderr}");

    let check = secdraft().args(["check", "--mode", "draft"]).arg(&out).assert().code(1);
    let report = String::from_utf8_lossy(&check.get_output().stdout).into_owned()
        + &String::from_utf8_lossy(&check.get_output().stderr);
    for (at, marker) in [(line, "<<<<<<< edited"), (line + 2, "======="), (line + 4, ">>>>>>> terms")] {
        let place = format!("offer-to-exchange.md:{at}:1: error[merge-conflict]");
        assert!(report.contains(&place), "expected {place} ({marker}):\n{report}");
    }

    // Resolved by hand (the terms' figure kept), the next merge takes the resolution and
    // makes the HTML from it.
    let resolved =
        merged.replace("\n<<<<<<< edited\n55,000,000\n=======\n50,000,000\n>>>>>>> terms\n", "50,000,000");
    fs::write(&offer, &resolved).unwrap();
    render(&out, &[NEW_MAXIMUM[0], NEW_MAXIMUM[1], "--merge"]).success();
    let fresh = dir.path().join("fresh");
    render(&fresh, &NEW_MAXIMUM).success();
    assert_eq!(listing(&out), listing(&fresh), "resolved to the new rendering, the folder is that rendering");
}

/// A merging render that fails writes nothing, base included: terms that do not validate, and
/// (in debug builds) a write failing or killed at steps through it, leave the edited draft and
/// the base it was edited from as they were.
#[test]
fn a_failed_merge_leaves_draft_and_base_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts");
    render(&out, &[]).success();
    edit_offer(
        &out,
        PLAIN_PARAGRAPH_END,
        &format!("may be directed to the Information Agent.{PLAIN_EDIT}\n"),
    );
    let before = listing(&out);
    render(&out, &["--set", "offer.max_shares=-5", "--merge"]).code(2);
    assert_eq!(listing(&out), before);
    #[cfg(debug_assertions)]
    {
        let merging = |fault: String| {
            secdraft()
                .env("SECDRAFT_TEST_FAULT", fault)
                .args(["render", TERMS, "--out"])
                .arg(&out)
                .args([NEW_MAXIMUM[0], NEW_MAXIMUM[1], "--merge"])
                .assert()
        };
        let mut step = 1;
        while !merging(format!("fail-step:{step}")).get_output().status.success() {
            assert_eq!(listing(&out), before, "failed at step {step}");
            step += 7;
        }
        assert!(step > 8, "the write failed at no step");
        // Undone back to the old set: the next run recovers, then a kill midway is undone too.
        render(&out, &["--force"]).success();
        edit_offer(
            &out,
            PLAIN_PARAGRAPH_END,
            &format!("may be directed to the Information Agent.{PLAIN_EDIT}\n"),
        );
        let before = listing(&out);
        for step in [1, 17, 33] {
            assert!(!merging(format!("abort-after-step:{step}")).get_output().status.success());
            secdraft().args(["render", TERMS, "--check", "--out"]).arg(&out).assert().code(1);
            assert_eq!(listing(&out), before, "killed after step {step}");
        }
    }
}

#[test]
fn a_huge_edit_that_cannot_become_html_is_reported_in_a_line_not_quoted_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    render(&out, &[]).success();
    let path = out.join("offer-to-exchange.md");
    let mut text = fs::read_to_string(&path).unwrap();
    // Counsel's edit runs on after the back cover's closing `</center>`, on its line.
    text = text.trim_end().to_owned() + &" word".repeat(200_000) + "\n";
    fs::write(&path, text).unwrap();
    let assert = render(&out, &["--merge", NEW_MAXIMUM[0], NEW_MAXIMUM[1]]).success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("left "), "{stderr}");
    assert!(stderr.len() < 2_000, "the message quotes {} bytes", stderr.len());
    assert!(fs::read_to_string(&path).unwrap().contains("50,000,000"));
}

/// A merged draft whose HTML cannot be made from it (here raw HTML typed into the Markdown)
/// leaves that HTML as it was, saying so even in a quiet run: the HTML no longer says what the
/// Markdown and the terms say.
#[test]
fn html_left_behind_its_merged_draft_is_a_warning_a_quiet_run_prints() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts");
    render(&out, &[]).success();
    let offer = out.join("offer-to-exchange.md");
    let text = fs::read_to_string(&offer).unwrap();
    fs::write(&offer, format!("{text}\n<div>Counsel's note</div>\n")).unwrap();
    let html_before = fs::read(out.join("offer-to-exchange.htm")).unwrap();
    let run = render(&out, &[NEW_MAXIMUM[0], NEW_MAXIMUM[1], "--merge", "--quiet"]).success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert_eq!(fs::read(out.join("offer-to-exchange.htm")).unwrap(), html_before);
    assert!(
        stderr.contains("warning: left ") && stderr.contains("offer-to-exchange.htm as it was"),
        "{stderr}"
    );
}
