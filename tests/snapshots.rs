//! Golden files of every rendered document of every example in data/ (tests/snapshots). A
//! change to a template or the figure engine shows here as a diff to read as counsel would:
//! review it with `cargo insta review`.

use std::path::{Path, PathBuf};

use secdraft::pipeline;

/// The example terms files, in name order.
pub fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("data")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml") && is_terms(p))
        .collect();
    files.sort();
    files
}

/// Terms files open with a `filing:` section; other data (such as fee tables) does not.
fn is_terms(path: &Path) -> bool {
    std::fs::read_to_string(path).unwrap().lines().any(|l| l == "filing:")
}

#[test]
fn every_example_set() {
    let examples = examples();
    assert!(examples.len() >= 6, "the seed and the lifecycle examples");
    for terms in examples {
        let set = pipeline::render_file(&terms, None).unwrap_or_else(|e| panic!("{}", e.render(false)));
        let stem = terms.file_stem().unwrap().to_string_lossy().into_owned();
        for file in &set.files {
            let text = String::from_utf8(file.bytes.clone()).unwrap();
            insta::assert_snapshot!(format!("{stem}__{}", file.name), text);
        }
    }
}
