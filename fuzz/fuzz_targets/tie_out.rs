//! Terms text (fuzzed values in the examples, or any bytes) through the tie-out sheet, as
//! `figures` and `render --tie-out` build it: the sheet, its Markdown and its HTML either come
//! out or the terms are refused, never a panic.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

#[path = "terms_text.rs"]
mod terms_text;

static TEMPLATES: LazyLock<secdraft::render::Templates> =
    LazyLock::new(|| secdraft::render::Templates::embedded().expect("the built-in templates parse"));

fuzz_target!(|data: &[u8]| {
    let Some(text) = terms_text::terms_text(data) else { return };
    let Ok(loaded) = secdraft::terms::load_str(Path::new("fuzz.yaml"), text) else { return };
    let Ok(set) = secdraft::pipeline::render_loaded(loaded, &TEMPLATES) else { return };
    let sheet = secdraft::tieout::build(&set);
    let markdown = secdraft::tieout::markdown(&sheet, "fuzz.yaml");
    let _ = secdraft::html::to_edgar_html(&markdown, "Tie-Out of Figures");
});
