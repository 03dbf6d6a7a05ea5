//! Golden files of every rendered document of the example set (tests/snapshots). A change to
//! a template or the figure engine shows here as a diff to read as counsel would: review it
//! with `cargo insta review`.

use std::path::Path;

use secdraft::pipeline;

#[test]
fn example_set() {
    let set = pipeline::render_file(Path::new("data/ault-alliance-2023-12-13.yaml"), None).unwrap();
    for file in &set.files {
        let text = String::from_utf8(file.bytes.clone()).unwrap();
        insta::assert_snapshot!(format!("ault-alliance-2023-12-13__{}", file.name), text);
    }
}
