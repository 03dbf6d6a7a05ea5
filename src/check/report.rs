//! How findings are printed: like a compiler for people, as JSON, as GitHub workflow
//! annotations, or as SARIF 2.1.0 for code-scanning uploads.

use std::collections::BTreeMap;

use clap::ValueEnum;
use serde::Serialize;
use serde_json::json;

use super::{Document, Finding, RULES, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
    Github,
    Sarif,
}

pub struct Report<'a> {
    pub findings: &'a [Finding],
    /// The documents checked, for the source lines of human output.
    pub documents: &'a [Document],
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    files: usize,
}

impl Report<'_> {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Error).count()
    }

    fn summary(&self) -> Summary {
        Summary {
            errors: self.errors(),
            warnings: self.findings.len() - self.errors(),
            files: self.documents.len(),
        }
    }

    pub fn render(&self, format: ReportFormat) -> String {
        match format {
            ReportFormat::Human => self.human(),
            ReportFormat::Json => {
                let value = json!({ "findings": self.findings, "summary": self.summary() });
                format!("{}\n", serde_json::to_string_pretty(&value).unwrap_or_default())
            }
            ReportFormat::Github => self.github(),
            ReportFormat::Sarif => {
                format!("{}\n", serde_json::to_string_pretty(&self.sarif()).unwrap_or_default())
            }
        }
    }

    fn human(&self) -> String {
        let sources: BTreeMap<&str, &str> =
            self.documents.iter().map(|d| (d.name.as_str(), d.source.as_str())).collect();
        let mut out = String::new();
        for f in self.findings {
            out.push_str(&format!(
                "{}:{}:{}: {}[{}]: {}\n",
                f.file,
                f.line,
                f.column,
                f.severity.word(),
                f.rule,
                f.message
            ));
            if let Some(line) = sources.get(f.file.as_str()).and_then(|s| s.lines().nth(f.line - 1)) {
                let (shown, caret_at) = excerpt(line, f.column - 1);
                let width = f.text.lines().next().map_or(1, |t| t.chars().count()).clamp(1, 80);
                out.push_str(&format!("  | {shown}\n  | {}{}\n", " ".repeat(caret_at), "^".repeat(width)));
            }
            out.push_str(&format!("  = hint: {}\n", f.hint));
        }
        let s = self.summary();
        out.push_str(&format!(
            "{} error{}, {} warning{} in {} file{}\n",
            s.errors,
            plural(s.errors),
            s.warnings,
            plural(s.warnings),
            s.files,
            plural(s.files)
        ));
        out
    }

    fn github(&self) -> String {
        let escape = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
        let property = |s: &str| escape(s).replace(':', "%3A").replace(',', "%2C");
        self.findings
            .iter()
            .map(|f| {
                format!(
                    "::{} file={},line={},col={},title={}::{}\n",
                    f.severity.word(),
                    property(&f.file),
                    f.line,
                    f.column,
                    property(f.rule),
                    escape(&format!("{} ({})", f.message, f.hint))
                )
            })
            .collect()
    }

    fn sarif(&self) -> serde_json::Value {
        let rules: Vec<serde_json::Value> = RULES
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "shortDescription": { "text": r.summary },
                    "help": { "text": r.hint },
                    "defaultConfiguration": { "level": r.severity.word() },
                })
            })
            .collect();
        let results: Vec<serde_json::Value> = self
            .findings
            .iter()
            .map(|f| {
                json!({
                    "ruleId": f.rule,
                    "ruleIndex": RULES.iter().position(|r| r.id == f.rule).unwrap_or(0),
                    "level": f.severity.word(),
                    "message": { "text": f.message },
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": { "uri": f.file.replace('\\', "/") },
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "snippet": { "text": f.text },
                            },
                        },
                    }],
                })
            })
            .collect();
        json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "secdraft",
                        "version": env!("CARGO_PKG_VERSION"),
                        "informationUri": "https://www.sec.gov/",
                        "rules": rules,
                    },
                },
                "results": results,
            }],
        })
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A long line cut to the neighbourhood of the column: the text shown and where the caret goes.
fn excerpt(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let start = column.saturating_sub(40);
    let end = (column + 80).min(chars.len());
    let mut shown: String = chars[start.min(chars.len())..end].iter().collect();
    let mut caret = column - start;
    if start > 0 {
        shown = format!("...{shown}");
        caret += 3;
    }
    if end < chars.len() {
        shown.push_str("...");
    }
    (shown, caret)
}
