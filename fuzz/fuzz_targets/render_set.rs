//! Terms text (fuzzed values in the examples, or any bytes) rendered as a whole set: it
//! either renders or is refused with a report, never a panic; and no file of a rendered set
//! holds a character of the marks the ledger of printed figures takes out.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "terms_text.rs"]
mod terms_text;

fuzz_target!(|data: &[u8]| {
    let Some(set) = terms_text::rendered(data) else { return };
    for file in &set.files {
        let text = String::from_utf8_lossy(&file.bytes);
        assert!(
            !text.chars().any(|c| secdraft::terms::RESERVED.contains(&c)),
            "{} holds a mark character",
            file.name
        );
    }
});
