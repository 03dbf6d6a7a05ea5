//! What CI systems run: the GitHub Action (action.yml and its script, scripts/ci-check, run
//! here as the runner runs it), the pre-commit hooks, and the GitLab code quality report.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::{EXAMPLE, secdraft};

const COMMENCED: &str = "data/meridian-exchange-commenced.yaml";

fn yaml(path: &str) -> Value {
    serde_saphyr::from_str(&fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// scripts/ci-check as the action's step runs it: the inputs in the environment, the
/// secdraft just built on the command line.
struct Step {
    dir: tempfile::TempDir,
}

impl Step {
    fn new() -> Step {
        Step { dir: tempfile::tempdir().unwrap() }
    }

    fn run(&self, paths: &str, mode: &str) -> (i32, String, String) {
        let out = Command::new("bash")
            .arg("scripts/ci-check")
            .env("SECDRAFT", env!("CARGO_BIN_EXE_secdraft"))
            .env("SECDRAFT_PATHS", paths)
            .env("SECDRAFT_MODE", mode)
            .env("SECDRAFT_SARIF", self.sarif_path())
            .env("GITHUB_OUTPUT", self.dir.path().join("output"))
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn sarif_path(&self) -> std::path::PathBuf {
        self.dir.path().join("secdraft.sarif")
    }

    fn sarif(&self) -> Value {
        serde_json::from_slice(&fs::read(self.sarif_path()).unwrap()).unwrap()
    }

    fn output(&self) -> String {
        fs::read_to_string(self.dir.path().join("output")).unwrap_or_default()
    }
}

#[test]
fn the_action_step_annotates_writes_sarif_and_fails_on_an_error() {
    let step = Step::new();
    // Filing mode: the commenced set's notes to draft are errors.
    let (code, stdout, stderr) = step.run(&format!("{COMMENCED}\n"), "filing");
    assert_eq!(code, 1, "{stderr}");
    let annotations: Vec<&str> = stdout.lines().collect();
    assert!(
        !annotations.is_empty() && annotations.iter().all(|l| l.starts_with("::error file=")),
        "{stdout}"
    );
    let sarif = step.sarif();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), annotations.len(), "one SARIF result per annotation");
    assert_eq!(step.output(), "exit-code=1\n");

    // Draft mode, two terms files and a blank line: the same notes are warnings, and it passes.
    let step = Step::new();
    let (code, stdout, stderr) = step.run(&format!("  {COMMENCED}\n\n{EXAMPLE}\n"), "draft");
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.lines().all(|l| l.starts_with("::warning file=")), "{stdout}");
    assert!(stdout.contains(&format!("file={COMMENCED}#offer-to-exchange.md")), "{stdout}");
    assert_eq!(step.output(), "exit-code=0\n");
}

#[test]
fn the_action_step_stops_without_a_report_when_an_input_is_bad() {
    let step = Step::new();
    let (code, _, stderr) = step.run("no-such-terms.yaml", "filing");
    assert_eq!(code, 2);
    assert!(stderr.contains("no-such-terms.yaml"), "{stderr}");
    assert!(!step.sarif_path().exists(), "no SARIF report of a run that checked nothing");
    let (code, _, stderr) = step.run(" \n", "filing");
    assert_eq!(code, 2);
    assert!(stderr.contains("`paths` input"), "{stderr}");
    // Terms that do not load: no report, but the error annotates its line.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("offer.yaml");
    fs::write(
        &bad,
        fs::read_to_string(COMMENCED).unwrap().replacen("max_shares: 60_000_000", "max_shares: -5", 1),
    )
    .unwrap();
    let (code, stdout, _) = step.run(&bad.display().to_string(), "filing");
    assert_eq!(code, 2);
    assert!(stdout.starts_with(&format!("::error file={},line=", bad.display())), "{stdout}");
    assert!(stdout.contains("title=input-error::offer.max_shares"), "{stdout}");
    assert!(!step.sarif_path().exists());
}

/// A path is a path, whatever it starts with: `--help` once printed the help and passed the
/// step with nothing checked, and `-` read the runner's standard input.
#[test]
fn the_action_step_takes_a_path_starting_with_a_dash_as_a_path() {
    let step = Step::new();
    let (code, stdout, stderr) = step.run("--help", "filing");
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("--help"), "{stderr}");
    assert!(!step.sarif_path().exists());
    let dir = tempfile::tempdir().unwrap();
    fs::copy(COMMENCED, dir.path().join("-offer.yaml")).unwrap();
    let (code, stdout, stderr) = Command::new("bash")
        .arg(Path::new("scripts/ci-check").canonicalize().unwrap())
        .current_dir(dir.path())
        .env("SECDRAFT", env!("CARGO_BIN_EXE_secdraft"))
        .env("SECDRAFT_PATHS", "-offer.yaml\n")
        .env_remove("SECDRAFT_SARIF")
        .env_remove("GITHUB_OUTPUT")
        .output()
        .map(|o| {
            (
                o.status.code().unwrap(),
                String::from_utf8(o.stdout).unwrap(),
                String::from_utf8(o.stderr).unwrap(),
            )
        })
        .unwrap();
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.starts_with("::error file="), "{stdout}");
}

/// A SARIF report that cannot be written (its folder missing, the disk full) fails the step,
/// even when the check itself found errors and so exits 1 as a failed redirect does.
#[test]
fn the_action_step_fails_when_the_sarif_report_cannot_be_written() {
    for sarif in ["/no-such-folder/secdraft.sarif", "/dev/full"] {
        let out = Command::new("bash")
            .arg("scripts/ci-check")
            .env("SECDRAFT", env!("CARGO_BIN_EXE_secdraft"))
            .env("SECDRAFT_PATHS", COMMENCED)
            .env("SECDRAFT_SARIF", sarif)
            .env_remove("GITHUB_OUTPUT")
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{sarif}: {stderr}");
        assert!(stderr.contains(sarif), "{sarif}: {stderr}");
    }
}

/// Every `${{ inputs.NAME }}` the action reads is one it declares, and none is pasted into the
/// text of a `run:` script, where a crafted input would become shell code.
#[test]
fn the_action_declares_what_it_reads_and_runs_its_script() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"], "composite");
    let declared: BTreeSet<String> = action["inputs"].as_object().unwrap().keys().cloned().collect();
    let text = fs::read_to_string("action.yml").unwrap();
    let used: BTreeSet<String> = text
        .match_indices("inputs.")
        .map(|(at, _)| {
            text[at + "inputs.".len()..].chars().take_while(|c| c.is_alphanumeric() || *c == '-').collect()
        })
        .collect();
    assert!(!used.is_empty() && used.is_subset(&declared), "used {used:?}, declared {declared:?}");
    let steps = action["runs"]["steps"].as_array().unwrap();
    for step in steps {
        if let Some(run) = step["run"].as_str() {
            assert!(!run.contains("${{"), "an expression in a run script: {run}");
            assert_eq!(step["shell"], "bash");
        }
    }
    let check = steps.iter().find(|s| s["id"] == "check").expect("a step with id check");
    assert!(check["run"].as_str().unwrap().contains("scripts/ci-check"));
    assert!(Path::new("scripts/ci-check").is_file());
    assert_eq!(action["outputs"]["exit-code"]["value"], "${{ steps.check.outputs.exit-code }}");
}

/// Each hook as pre-commit runs it: its entry, its args, then the files it matched.
#[test]
fn the_pre_commit_hooks_run_as_declared() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().unwrap();
    let ids: Vec<&str> = hooks.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["secdraft-check-terms", "secdraft-check-drafts", "secdraft-render-check"]);
    let drafts = tempfile::tempdir().unwrap();
    secdraft().args(["render", COMMENCED, "--out"]).arg(drafts.path()).assert().success();
    // `files` are what pre-commit passes; for a hook that takes none, its `args`.
    let run = |hook: &Value, files: &[&str]| {
        let entry = hook["entry"].as_str().unwrap();
        let mut words = entry.split_whitespace();
        assert_eq!(words.next(), Some("secdraft"), "{entry}");
        assert_eq!(hook["language"], "rust");
        let pattern = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
        if hook["pass_filenames"] != false {
            assert!(files.iter().all(|f| pattern.is_match(f)), "{files:?} not matched by {pattern}");
        }
        secdraft().args(words).args(files).output().unwrap()
    };
    let release = drafts.path().join("press-release.md");
    let release = release.to_str().unwrap();
    let offer = drafts.path().join("offer-to-exchange.htm");
    let offer = offer.to_str().unwrap();
    assert_eq!(run(&hooks[0], &[COMMENCED, EXAMPLE]).status.code(), Some(0));
    assert_eq!(run(&hooks[1], &[release, offer]).status.code(), Some(0));
    let out = drafts.path().to_str().unwrap();
    assert_eq!(hooks[2]["pass_filenames"], false);
    assert_eq!(run(&hooks[2], &[COMMENCED, "--out", out]).status.code(), Some(0));
    // And the hooks fail when they should: a draft with a wrong weekday, drafts out of date.
    let wrong = drafts.path().join("wrong.md");
    fs::write(&wrong, "The Offer expires on Tuesday, January 2, 2025.\n").unwrap();
    assert_eq!(run(&hooks[1], &[wrong.to_str().unwrap()]).status.code(), Some(1));
    assert_eq!(run(&hooks[2], &[EXAMPLE, "--out", out]).status.code(), Some(1));
}

#[test]
fn the_gitlab_report_is_code_quality_json_with_distinct_fingerprints() {
    let out =
        secdraft().args(["check", COMMENCED, "--mode", "draft", "--format", "gitlab"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let issues: Value = serde_json::from_slice(&out.stdout).unwrap();
    let issues = issues.as_array().unwrap();
    assert!(issues.len() > 10, "{} issues", issues.len());
    let mut fingerprints = BTreeSet::new();
    for issue in issues {
        for field in ["description", "check_name", "fingerprint"] {
            assert!(issue[field].as_str().is_some_and(|s| !s.is_empty()), "{field}: {issue}");
        }
        assert!(["minor", "major"].contains(&issue["severity"].as_str().unwrap()), "{issue}");
        assert!(issue["location"]["path"].as_str().is_some(), "{issue}");
        assert!(issue["location"]["lines"]["begin"].as_u64().is_some_and(|n| n >= 1), "{issue}");
        assert!(fingerprints.insert(issue["fingerprint"].as_str().unwrap().to_owned()), "{issue}");
    }
}

/// The GitLab job in docs/ci.md keeps the report the check writes.
#[test]
fn the_documented_gitlab_job_reports_what_it_writes() {
    let doc = fs::read_to_string("docs/ci.md").unwrap();
    let block = doc.split("```yaml\nsecdraft:\n").nth(1).and_then(|rest| rest.split("```").next()).unwrap();
    let job: Value = serde_saphyr::from_str(&format!("secdraft:\n{block}")).unwrap();
    let report = job["secdraft"]["artifacts"]["reports"]["codequality"].as_str().unwrap();
    let script = job["secdraft"]["script"].as_array().unwrap();
    let check = script.iter().filter_map(Value::as_str).find(|l| l.starts_with("secdraft check")).unwrap();
    assert!(check.contains("--format gitlab") && check.ends_with(&format!("> {report}")), "{check}");
    assert_eq!(job["secdraft"]["artifacts"]["when"], "always");
}
