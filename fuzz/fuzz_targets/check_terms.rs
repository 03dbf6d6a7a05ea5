//! Terms text (fuzzed values in the examples, or any bytes) through what `secdraft check
//! TERMS` runs: load, figures, render in memory, every rule with the figures, and each report
//! format. Never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use secdraft::check::{Mode, Report, ReportFormat};

#[path = "terms_text.rs"]
mod terms_text;

fuzz_target!(|data: &[u8]| {
    let Some(set) = terms_text::rendered(data) else { return };
    let documents = set.documents();
    let findings = secdraft::check::check(&documents, Mode::Filing, Some(set.rendered()));
    let report = Report { findings: &findings, documents: &documents };
    for format in [ReportFormat::Human, ReportFormat::Json, ReportFormat::Github, ReportFormat::Sarif] {
        let _ = report.render(format);
    }
});
