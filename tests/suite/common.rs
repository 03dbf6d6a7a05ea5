//! What the tests share: the binary, the example terms and edited copies of them, rendered sets
//! and the documents in them, what a folder holds, and where the snapshots are kept.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use secdraft::pipeline::{self, RenderedSet};
use tempfile::TempDir;

/// The seed example: the terms of the filing in tests/fixtures.
pub const EXAMPLE: &str = "data/ault-alliance-2023-12-13.yaml";

/// The secdraft binary, without colour so messages compare as plain text.
pub fn secdraft() -> Command {
    let mut cmd = Command::cargo_bin("secdraft").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// The example terms files in data/, in name order. Terms files open a `filing:` section;
/// other data there (such as fee tables) does not.
pub fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir("data")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml") && is_terms(p))
        .collect();
    files.sort();
    files
}

fn is_terms(path: &Path) -> bool {
    fs::read_to_string(path).unwrap().lines().any(|l| l == "filing:")
}

/// The text of the terms file at `path` with the first `from`, which must stand there, replaced
/// by `to`.
pub fn edited(path: &str, from: &str, to: &str) -> String {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{path} has no `{from}`");
    text.replacen(from, to, 1)
}

/// A scratch folder holding `text` as `terms.yaml`; the folder goes when the first value drops.
pub fn scratch_terms(text: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("terms.yaml");
    fs::write(&path, text).unwrap();
    (dir, path)
}

/// The set a terms file renders to through the library; a failure panics with its report.
pub fn render(path: impl AsRef<Path>) -> RenderedSet {
    pipeline::render_file(path.as_ref(), None).unwrap_or_else(|e| panic!("{}", e.render(false)))
}

/// The text of the document `name` of a rendered set.
pub fn document(set: &RenderedSet, name: &str) -> String {
    let file =
        set.files.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("{name} is not in the set"));
    String::from_utf8(file.bytes.clone()).unwrap()
}

/// Asserts that `text` holds `sentence` word for word, showing both when it does not.
pub fn assert_prints(text: &str, sentence: &str) {
    assert!(text.contains(sentence), "missing:\n{sentence}\n\nin:\n{text}");
}

/// The files of a folder and of the folders in it, by path with their bytes, in name order:
/// the bases secdraft keeps beside the drafts are `.secdraft/base/NAME`.
pub fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            files.extend(listing(&path).into_iter().map(|(inner, bytes)| (format!("{name}/{inner}"), bytes)));
        } else {
            files.push((name, fs::read(&path).unwrap()));
        }
    }
    files.sort();
    files
}

/// Runs `assert` against the snapshots in tests/snapshots, by the name it gives: insta would
/// otherwise prefix the module path (`suite__...`) and look beside this file. The names keep
/// the prefix each module had as its own test binary, so the snapshot files stay as they are.
pub fn with_snapshots<R>(assert: impl FnOnce() -> R) -> R {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(assert)
}

/// The seed's figures, in the order the figure engine computes them: the eight its
/// documents print, then the annual dividend per new share, which only an Offer prints.
pub const SEED_FIGURES: [&str; 9] = [
    "effective_price",
    "premium",
    "annual_dividend",
    "dividend_yield",
    "total_premium",
    "exchange_ratio",
    "max_new_shares",
    "aggregate_liquidation_preference",
    "dividend_per_new_share",
];

/// Checks `text` as a terms file through the binary and asserts it is refused: exit 2, nothing
/// but the error, and each of `says` in the message (a field path, the words, `terms.yaml:LINE:`).
pub fn refused(text: &str, says: &[&str]) {
    let (_dir, terms) = scratch_terms(text);
    let mut assert = secdraft().arg("check").arg(&terms).assert().code(2);
    for said in says {
        assert = assert.stderr(predicates::str::contains(*said));
    }
}

/// Renders `text` as a terms file and expects exit 2 with `message`, placed at the line of
/// the file that holds `at` (its first occurrence).
pub fn refused_at(text: &str, at: &str, message: &str) {
    let (dir, path) = scratch_terms(text);
    let line = text.lines().position(|l| l.contains(at)).unwrap_or_else(|| panic!("no line holds {at}")) + 1;
    let out = dir.path().join("out");
    let assert = secdraft().arg("render").arg(&path).arg("--out").arg(&out).assert().code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains(message), "expected {message}\n{stderr}");
    let place = format!("{}:{line}:", path.display());
    assert!(stderr.contains(&place), "expected the error at {place}\n{stderr}");
    assert!(!out.exists(), "nothing is written");
}

/// The subcommands `secdraft --help` lists (without `help`): every one, so that a test over
/// them covers a subcommand added later.
pub fn subcommands() -> Vec<String> {
    let out = secdraft().arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let names: Vec<String> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_owned)
        .collect();
    assert!(names.len() >= 10 && names.iter().any(|n| n == "render"), "{names:?}");
    names
}
