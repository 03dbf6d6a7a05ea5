//! The crate as `cargo package` would publish it: its metadata, and every file the binary
//! embeds (templates, the fee table, the rules' documentation) inside the package.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn cargo(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO")).args(args).arg("--offline").output().unwrap();
    assert!(out.status.success(), "cargo {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_crate_carries_what_a_registry_shows() {
    let metadata: serde_json::Value =
        serde_json::from_str(&cargo(&["metadata", "--no-deps", "--format-version", "1"])).unwrap();
    let package = &metadata["packages"][0];
    for field in ["description", "license", "readme", "repository", "rust_version"] {
        assert!(package[field].as_str().is_some_and(|v| !v.is_empty()), "no {field}");
    }
    let keywords = package["keywords"].as_array().unwrap();
    assert!((1..=5).contains(&keywords.len()), "crates.io takes at most five keywords");
    assert!(!package["categories"].as_array().unwrap().is_empty());
}

fn files_under(dir: &Path, into: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, into);
        } else {
            into.insert(path.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn the_package_holds_every_file_the_binary_embeds() {
    let listed: BTreeSet<String> =
        cargo(&["package", "--list", "--allow-dirty"]).lines().map(str::to_owned).collect();
    let mut embedded = BTreeSet::new();
    files_under(Path::new("templates"), &mut embedded);
    let mut sources = BTreeSet::new();
    files_under(Path::new("src"), &mut sources);
    for source in &sources {
        let text = std::fs::read_to_string(source).unwrap();
        for (at, _) in text.match_indices("include_str!(\"") {
            let relative = text[at + "include_str!(\"".len()..].split('"').next().unwrap();
            let path = Path::new(source).parent().unwrap().join(relative);
            let mut parts: Vec<&str> = Vec::new();
            for part in path.to_str().unwrap().split('/') {
                match part {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    other => parts.push(other),
                }
            }
            embedded.insert(parts.join("/"));
        }
    }
    assert!(embedded.len() > 20 && embedded.contains("data/fee-rates.yaml"), "{embedded:?}");
    let missing: Vec<&String> = embedded.difference(&listed).collect();
    assert!(missing.is_empty(), "cargo package would leave out {missing:?}");
    assert!(listed.contains("build.rs") && listed.contains("README.md"));
    assert!(
        !listed.iter().any(|f| f.starts_with("tests/") || f.starts_with("target/")),
        "tests and builds stay out"
    );
}
