//! Valid-shaped terms with arbitrary values: the example terms with fuzzed text in place of
//! their values. Rendering the whole set either succeeds or errors, never panics.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

const EXAMPLES: [&str; 3] = [
    include_str!("../../data/meridian-exchange-results.yaml"),
    include_str!("../../data/northwind-dutch-auction-results.yaml"),
    include_str!("../../data/ault-alliance-2023-12-13.yaml"),
];

static TEMPLATES: LazyLock<secdraft::render::Templates> =
    LazyLock::new(|| secdraft::render::Templates::embedded().expect("the built-in templates parse"));

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let example = EXAMPLES[usize::from(pick) % EXAMPLES.len()];
    let fuzzed = String::from_utf8_lossy(rest);
    // Each `|`-separated piece replaces the value of the next `key: value` line, quoted so the
    // shape of the YAML holds.
    let mut pieces = fuzzed.split('|');
    let mut text = String::new();
    for line in example.lines() {
        match (line.split_once(": "), line.trim_start().starts_with('#')) {
            (Some((key, value)), false) if !value.is_empty() && !value.starts_with(['>', '[', '|']) => {
                match pieces.next() {
                    Some(piece) => {
                        let quoted =
                            piece.replace('\\', "\\\\").replace('"', "\\\"").replace(['\n', '\r'], " ");
                        text.push_str(&format!("{key}: \"{quoted}\"\n"));
                    }
                    None => {
                        text.push_str(line);
                        text.push('\n');
                    }
                }
            }
            _ => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    if let Ok(loaded) = secdraft::terms::load_str(Path::new("fuzz.yaml"), text) {
        let _ = secdraft::pipeline::render_loaded(loaded, &TEMPLATES);
    }
});
