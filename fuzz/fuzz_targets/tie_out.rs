//! Terms text (fuzzed values in the examples, or any bytes) through the tie-out sheet, as
//! `figures` and `render --tie-out` build it: the sheet, its Markdown and its HTML either come
//! out or the terms are refused, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "terms_text.rs"]
mod terms_text;

fuzz_target!(|data: &[u8]| {
    let Some(set) = terms_text::rendered(data) else { return };
    let sheet = secdraft::tieout::build(&set).expect("rendered terms read as values");
    let markdown = secdraft::tieout::markdown(&sheet, "fuzz.yaml");
    let _ = secdraft::html::to_edgar_html(&markdown, "Tie-Out of Figures");
});
