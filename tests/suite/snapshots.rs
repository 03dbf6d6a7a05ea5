//! Golden files of every rendered document of every example in data/ (tests/snapshots). A
//! change to a template or the figure engine shows here as a diff to read as counsel would:
//! review it with `cargo insta review`.

use crate::common::{examples, render, with_snapshots};

#[test]
fn every_example_set() {
    let examples = examples();
    assert!(examples.len() >= 6, "the seed and the lifecycle examples");
    for terms in examples {
        let set = render(&terms);
        let stem = terms.file_stem().unwrap().to_string_lossy().into_owned();
        for file in &set.files {
            let text = String::from_utf8(file.bytes.clone()).unwrap();
            with_snapshots(|| insta::assert_snapshot!(format!("snapshots__{stem}__{}", file.name), text));
        }
    }
}
