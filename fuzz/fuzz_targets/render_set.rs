//! Terms text (fuzzed values in the examples, or any bytes) rendered as a whole set: it
//! either renders or is refused with a report, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "terms_text.rs"]
mod terms_text;

fuzz_target!(|data: &[u8]| {
    let _ = terms_text::rendered(data);
});
