//! `check` on arbitrary text as Markdown, HTML and plain text at once: never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use secdraft::check::{self, Document, Format, Mode};

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data).into_owned();
    let documents = [
        Document { name: "a.md".into(), format: Format::Markdown, source: source.clone() },
        Document { name: "a.htm".into(), format: Format::Html, source: source.clone() },
        Document { name: "a.txt".into(), format: Format::Text, source },
    ];
    let findings = check::check(&documents, Mode::Filing, None);
    let report = check::Report { findings: &findings, documents: &documents };
    for format in [
        check::ReportFormat::Human,
        check::ReportFormat::Json,
        check::ReportFormat::Github,
        check::ReportFormat::Sarif,
    ] {
        let _ = report.render(format);
    }
});
