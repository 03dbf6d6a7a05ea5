//! Terms text (fuzzed values in the examples, or any bytes) through what `secdraft check
//! TERMS` runs: load, figures, render in memory, every rule with the figures, and each report
//! format. Never a panic.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use secdraft::check::{Document, Format, Mode, Report, ReportFormat};

#[path = "terms_text.rs"]
mod terms_text;

static TEMPLATES: LazyLock<secdraft::render::Templates> =
    LazyLock::new(|| secdraft::render::Templates::embedded().expect("the built-in templates parse"));

fuzz_target!(|data: &[u8]| {
    let Some(text) = terms_text::terms_text(data) else { return };
    let loaded = match secdraft::terms::load_str(Path::new("fuzz.yaml"), text) {
        Ok(loaded) => loaded,
        Err(e) => {
            let _ = e.render(false);
            return;
        }
    };
    let set = match secdraft::pipeline::render_loaded(loaded, &TEMPLATES) {
        Ok(set) => set,
        Err(e) => {
            let _ = e.render(false);
            return;
        }
    };
    // As `check TERMS` reads the rendered set (src/cli/check.rs, `rendered_documents`).
    let documents: Vec<Document> = set
        .files
        .iter()
        .filter_map(|f| {
            Format::of(&f.name).map(|format| Document {
                name: f.name.clone(),
                format,
                source: String::from_utf8_lossy(&f.bytes).into_owned(),
            })
        })
        .collect();
    let findings = secdraft::check::check(&documents, Mode::Filing, Some(&set.figures));
    let report = Report { findings: &findings, documents: &documents };
    for format in [ReportFormat::Human, ReportFormat::Json] {
        let _ = report.render(format);
    }
});
