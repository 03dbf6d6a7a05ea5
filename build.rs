//! Embeds every template under `templates/`: writes `templates.rs` into OUT_DIR, a table of
//! `(name, text)` with names relative to `templates/` (`partials/cover.md`), sorted, so that a
//! template added to the folder ships without being listed by hand.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=templates");
    // Read at run time: `env!` would bake in the folder the build script was compiled in, so a
    // target/ copied from another checkout would embed that checkout's templates.
    let manifest_dir =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest_dir.join("templates");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut table = String::from("&[\n");
    for (name, path) in &files {
        writeln!(table, "    ({name:?}, include_str!({:?})),", path.display()).expect("writing to a String");
    }
    table.push(']');
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("templates.rs");
    fs::write(&out, table).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// The templates under `dir` (`.md` documents and parts, `.htm` pages), hidden ones (an editor's) left out, named by their path from
/// `root` with `/` between folders on every platform.
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable templates folder").path();
        let name = path.file_name().and_then(|n| n.to_str()).expect("template names are UTF-8");
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, files);
        } else if name.ends_with(".md") || name.ends_with(".htm") {
            let relative = path.strip_prefix(root).expect("under the templates folder");
            let parts: Vec<&str> =
                relative.iter().map(|p| p.to_str().expect("template paths are UTF-8")).collect();
            files.push((parts.join("/"), path));
        }
    }
}
