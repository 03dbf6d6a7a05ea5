//! Any bytes as a terms file: loading either succeeds or gives a located error, never panics.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    if let Err(e) = secdraft::terms::load_str(Path::new("fuzz.yaml"), text) {
        let _ = e.render(false);
    }
});
