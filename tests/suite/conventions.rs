//! The conventions of the command line that other tools rely on, through the binary: `-` for
//! standard input, `--stdin-name`, colour only when asked or on a terminal (`--color`,
//! `NO_COLOR`), `--quiet`, and the exit codes each subcommand's `--help` states.

use std::fs;

use predicates::prelude::*;

use crate::common::{EXAMPLE, edited, listing, secdraft, subcommands};

const COMMENCED: &str = "data/meridian-exchange-commenced.yaml";
const ESCAPE: &str = "\u{1b}[";

fn stdout_of(args: &[&str], stdin: Option<Vec<u8>>) -> (i32, String, String) {
    let mut cmd = secdraft();
    cmd.args(args);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn render_of_standard_input_writes_the_same_set_as_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (from_file, from_stdin) = (dir.path().join("file"), dir.path().join("stdin"));
    secdraft().args(["render", COMMENCED, "--out"]).arg(&from_file).assert().success();
    secdraft()
        .args(["render", "-", "--out"])
        .arg(&from_stdin)
        .write_stdin(fs::read(COMMENCED).unwrap())
        .assert()
        .success()
        .stdout(predicate::str::contains("offer-to-exchange.htm"));
    let (file_set, stdin_set) = (listing(&from_file), listing(&from_stdin));
    assert!(file_set.len() > 10, "{} files", file_set.len());
    // The bases kept for --merge and the drafts are the same bytes, whichever way the terms came.
    assert_eq!(file_set, stdin_set);
}

#[test]
fn figures_and_calendar_read_standard_input_under_its_given_name() {
    let terms = fs::read(EXAMPLE).unwrap();
    let (code, out, _) = stdout_of(&["figures", "-"], Some(terms.clone()));
    assert_eq!(code, 0);
    assert!(out.contains("[<stdin>:"), "{out}");
    let (code, out, _) = stdout_of(&["figures", "-", "--stdin-name", "deal/terms.yaml"], Some(terms.clone()));
    assert_eq!(code, 0);
    assert!(out.contains("[deal/terms.yaml:") && !out.contains("<stdin>"), "{out}");
    let (code, out, _) = stdout_of(&["calendar", "-", "--stdin-name", "deal/terms.yaml"], Some(terms));
    assert_eq!(code, 0);
    assert!(out.starts_with("Timetable of the offer in deal/terms.yaml"), "{out}");
}

#[test]
fn bad_terms_on_standard_input_are_located_under_the_given_name() {
    let text = edited(EXAMPLE, "max_shares: 60_000_000", "max_shares: many");
    let line = text.lines().position(|l| l.contains("max_shares: many")).unwrap() + 1;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts");
    secdraft()
        .args(["render", "-", "--stdin-name", "offer.yaml", "--out"])
        .arg(&out)
        .write_stdin(text)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!("offer.yaml:{line}:")))
        .stderr(predicate::str::contains("offer.max_shares"));
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn check_reads_a_document_from_standard_input_when_its_name_says_so() {
    let dir = tempfile::tempdir().unwrap();
    secdraft().args(["render", COMMENCED, "--out"]).arg(dir.path()).assert().success();
    let release = fs::read(dir.path().join("press-release.md")).unwrap();
    let (code, out, _) = stdout_of(
        &["check", "-", "--stdin-name", "drafts/press-release.md", "--mode", "draft", "--format", "json"],
        Some(release),
    );
    assert_eq!(code, 0, "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["summary"]["files"], 1);
    // A note to draft left in the release is reported under the name given.
    let findings = report["findings"].as_array().unwrap();
    assert!(findings.iter().all(|f| f["file"] == "drafts/press-release.md"), "{out}");

    let broken = "Holders may tender [to draft] on or before the Expiration Date.\n";
    secdraft()
        .args(["check", "-", "--stdin-name", "release.md"])
        .write_stdin(broken)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("release.md:1:20: error[placeholder]"));
}

#[test]
fn check_of_standard_input_is_terms_by_default() {
    let (code, out, _) = stdout_of(&["check", "-", "--mode", "draft"], Some(fs::read(EXAMPLE).unwrap()));
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("0 errors, 0 warnings in 4 files\n"), "{out}");
    // A document given without its name is refused as terms, saying how to name it.
    let (code, _, err) = stdout_of(&["check", "-"], Some(b"<html><body>Offer</body></html>\n".to_vec()));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("to check a document, name it: --stdin-name"), "{err}");
}

#[test]
fn standard_input_is_read_once_and_within_the_cap() {
    secdraft()
        .args(["check", "-", "-", "--stdin-name", "a.md"])
        .write_stdin("text")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input (`-`) can be read only once"));
    // Past the most a terms file may be: refused, not held.
    let huge = vec![b'#'; 4 * 1024 * 1024 + 10];
    secdraft().args(["figures", "-"]).write_stdin(huge).assert().code(2).stderr(predicate::str::contains(
        "cannot read the terms file <stdin>: it is more than 4194304 bytes",
    ));
}

fn with_a_finding(args: &[&str], env_no_color: Option<&str>) -> String {
    let mut cmd = secdraft();
    cmd.env_remove("NO_COLOR");
    if let Some(value) = env_no_color {
        cmd.env("NO_COLOR", value);
    }
    let out = cmd.args(args).write_stdin("Holders may tender [to draft].\n").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_check_report_is_coloured_only_when_asked_or_on_a_terminal() {
    let check = ["check", "-", "--stdin-name", "a.md"];
    // Into a pipe, `auto` is plain.
    assert!(!with_a_finding(&check, None).contains(ESCAPE));
    let always = [&check[..], &["--color", "always"]].concat();
    let coloured = with_a_finding(&always, None);
    assert!(coloured.contains(ESCAPE) && coloured.contains("error[placeholder]"), "{coloured:?}");
    // An explicit `always` outranks NO_COLOR; `never` is plain.
    assert!(with_a_finding(&always, Some("1")).contains(ESCAPE));
    let never = [&check[..], &["--color", "never"]].concat();
    assert!(!with_a_finding(&never, None).contains(ESCAPE));
    // Machine formats are never coloured.
    let json = [&always[..], &["--format", "json"]].concat();
    assert!(!with_a_finding(&json, None).contains(ESCAPE));
}

#[test]
fn diagnostics_are_coloured_only_when_asked() {
    let text = edited(EXAMPLE, "max_shares: 60_000_000", "max_shares: many");
    for (colour, coloured) in [("always", true), ("never", false), ("auto", false)] {
        let out = secdraft()
            .env_remove("NO_COLOR")
            .args(["figures", "-", "--color", colour])
            .write_stdin(text.clone())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.contains(ESCAPE), coloured, "--color {colour}: {stderr:?}");
        assert!(stderr.contains("offer.max_shares"), "{stderr}");
    }
}

#[test]
fn quiet_prints_nothing_but_what_goes_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts");
    secdraft()
        .args(["render", EXAMPLE, "--quiet", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert!(out.join("press-release.htm").is_file(), "the set is written");
    let blacklines = dir.path().join("blacklines");
    secdraft()
        .args(["diff", EXAMPLE, "--set", "offer.max_shares=50000000", "-q", "--out"])
        .arg(&blacklines)
        .assert()
        .success()
        .stdout("");
    assert!(blacklines.join("press-release-blackline.htm").is_file());
    // An error still says what went wrong.
    secdraft()
        .args(["render", "missing.yaml", "-q", "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.yaml"));
}

#[test]
fn every_subcommand_states_its_exit_codes_in_its_help() {
    for command in subcommands() {
        let out = secdraft().args([command.as_str(), "--help"]).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("Exit status: 0"),
            "`secdraft {command} --help` states no exit status:\n{text}"
        );
        assert!(text.contains("--color <WHEN>") && text.contains("--quiet"), "{command}: {text}");
    }
}

/// Output that cannot be written (a full disk under `> report.sarif`) is a failure, exit 2,
/// not a success with the report cut short; a closed pipe (`| head`) is still no error.
#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_fails_the_run() {
    for args in [
        &["check", COMMENCED, "--format", "sarif"][..],
        &["init", "--kind", "cash"][..],
        &["figures", EXAMPLE][..],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_secdraft"))
            .args(args)
            .stdout(fs::OpenOptions::new().write(true).open("/dev/full").unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("cannot write to standard output"), "{args:?}: {stderr}");
    }
    // The list of the files a render wrote is no output of its own: the files are written.
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_secdraft"))
        .args(["render", EXAMPLE, "--out"])
        .arg(dir.path().join("drafts"))
        .stdout(fs::OpenOptions::new().write(true).open("/dev/full").unwrap())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(dir.path().join("drafts/press-release.md").is_file());
}

/// A name for standard input that would break the lines naming it, or drive the terminal, is
/// refused before anything is read.
#[test]
fn a_stdin_name_with_control_characters_is_refused() {
    for name in ["a\nb.yaml", "\u{1b}[31mred.yaml", "tab\there.yaml"] {
        for command in ["check", "figures", "calendar"] {
            let (code, out, err) =
                stdout_of(&[command, "-", "--stdin-name", name], Some(fs::read(EXAMPLE).unwrap()));
            assert_eq!(code, 2, "{command} {name:?}: {out}");
            assert!(err.contains("--stdin-name") && err.contains("control character"), "{err}");
            assert!(!err.contains(ESCAPE), "{err:?}");
        }
    }
}

/// A file's name may hold an escape sequence or a line break: the errors naming it show them
/// as symbols, with a snippet or without, so a name cannot drive the terminal.
#[cfg(unix)]
#[test]
fn errors_show_the_control_characters_of_a_file_name_as_symbols() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("e\u{1b}[31mvil\nname.yaml");
    fs::write(&bad, "a: [\n").unwrap();
    for path in [bad, dir.path().join("missing\u{1b}[2J.yaml")] {
        let out = secdraft().args(["check"]).arg(&path).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
        assert!(stderr.contains('\u{241b}'), "{stderr:?}");
    }
}

#[test]
fn check_refuses_a_file_given_twice() {
    secdraft()
        .args(["check", COMMENCED, "./data/meridian-exchange-commenced.yaml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("data/meridian-exchange-commenced.yaml is given twice"));
}
