//! How findings are printed: like a compiler for people, as JSON, as GitHub workflow
//! annotations, as SARIF 2.1.0 for code-scanning uploads, or as a GitLab code quality report.

use std::collections::BTreeMap;

use clap::ValueEnum;
use serde::Serialize;
use serde_json::json;

use super::{Document, Finding, RULES, Severity};
use crate::text::LineIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
    Github,
    Sarif,
    /// GitLab's code quality report (CodeClimate issues): an array of issues with a
    /// fingerprint, for `artifacts: reports: codequality`.
    Gitlab,
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
        self.render_coloured(format, false)
    }

    /// As [`Report::render`], the human report coloured when `colour` is set (the severity,
    /// the caret, the hint's word); the machine formats never are.
    pub fn render_coloured(&self, format: ReportFormat, colour: bool) -> String {
        match format {
            ReportFormat::Human => self.human(colour),
            ReportFormat::Json => {
                let value = json!({ "findings": self.findings, "summary": self.summary() });
                // `{:#}` prints a JSON value as `to_string_pretty` does, without its Result: a
                // Value has string keys only, so writing it cannot fail.
                format!("{value:#}\n")
            }
            ReportFormat::Github => self.github(),
            ReportFormat::Sarif => {
                format!("{:#}\n", self.sarif())
            }
            ReportFormat::Gitlab => format!("{:#}\n", self.gitlab()),
        }
    }

    /// Everything taken from the documents (names, quoted text, the source line) is shown with
    /// its control characters as symbols, as the terms diagnostics show them: a document must
    /// not be able to move the cursor or recolour the terminal of whoever reads the report.
    fn human(&self, colour: bool) -> String {
        let sources: BTreeMap<&str, LineIndex> =
            self.documents.iter().map(|d| (d.name.as_str(), LineIndex::new(&d.source))).collect();
        let paint = |text: &str, style| crate::console::paint(text, style, colour);
        let mut out = String::new();
        for f in self.findings {
            let style = crate::console::style_of(f.severity.word());
            out.push_str(&format!(
                "{}: {}: {}\n",
                paint(&format!("{}:{}:{}", shown(&f.file), f.line, f.column), anstyle::Style::new().bold()),
                paint(&format!("{}[{}]", f.severity.word(), f.rule), style),
                shown(&f.message)
            ));
            let index = sources.get(f.file.as_str());
            if let Some((line, index)) = index.and_then(|i| i.line_text(f.line).map(|line| (line, i))) {
                let start = index.line_start(f.line).unwrap_or(0);
                let at = index.offset(f.line, f.column).unwrap_or(start).saturating_sub(start);
                let chars = index.chars_between(start, start + line.len());
                let (text, caret_at) = excerpt(line, at.min(line.len()), f.column - 1, chars);
                let width = f.text.lines().next().map_or(1, |t| t.chars().take(80).count()).max(1);
                let caret = paint(&"^".repeat(width), style);
                out.push_str(&format!("  | {text}\n  | {}{caret}\n", " ".repeat(caret_at)));
            }
            out.push_str(&format!("  = {} {}\n", paint("hint:", crate::console::style_of("hint")), f.hint));
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

    /// GitLab reads `description`, `check_name`, `fingerprint` (which tells a finding new in a
    /// merge request from one already there), `severity` and `location`. The fingerprint
    /// hashes the rule, the file, the message and the text found, not the line, so a finding
    /// keeps it when text above it moves; two equal findings of a file are told apart by count.
    fn gitlab(&self) -> serde_json::Value {
        use sha2::{Digest, Sha256};
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let issues: Vec<serde_json::Value> = self
            .findings
            .iter()
            .map(|f| {
                let key = format!("{}\u{0}{}\u{0}{}\u{0}{}", f.rule, f.file, f.message, f.text);
                let count = seen.entry(key.clone()).or_default();
                *count += 1;
                let digest = Sha256::digest(format!("{key}\u{0}{count}").as_bytes());
                let fingerprint: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
                json!({
                    "description": format!("{} ({})", f.message, f.hint),
                    "check_name": f.rule,
                    "fingerprint": fingerprint,
                    "severity": match f.severity {
                        Severity::Error => "major",
                        Severity::Warning => "minor",
                    },
                    "location": { "path": f.file, "lines": { "begin": f.line } },
                })
            })
            .collect();
        serde_json::Value::Array(issues)
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
                let mut result = json!({
                    "ruleId": f.rule,
                    "level": f.severity.word(),
                    "message": { "text": f.message },
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": { "uri": uri(&f.file) },
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "snippet": { "text": f.text },
                            },
                        },
                    }],
                });
                // Findings of `check` name a rule of RULES (see `rules!`); a finding made
                // elsewhere with another id keeps its ruleId and goes without an index rather
                // than pointing at the wrong rule.
                if let Some(index) = RULES.iter().position(|r| r.id == f.rule) {
                    result["ruleIndex"] = json!(index);
                }
                result
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

/// Text from a document as the terminal should show it: control characters as their symbols.
fn shown(text: &str) -> String {
    annotate_snippets::normalize_untrusted_str(text)
}

/// Characters of context shown before the column and after it.
const BEFORE: usize = 40;
const AFTER: usize = 80;

/// A long line of `chars` characters cut to the neighbourhood of the 0-based `column` (at byte
/// `at` of the line, or its end when the column is past it): the text shown and where the caret
/// goes. Only the neighbourhood is read, so many findings on one long line cost no more than
/// their number.
fn excerpt(line: &str, at: usize, column: usize, chars: usize) -> (String, usize) {
    let start = column.saturating_sub(BEFORE);
    let end = (column + AFTER).min(chars);
    let at_char = column.min(chars);
    let back = at_char - start.min(at_char);
    let from =
        if back == 0 { at } else { line[..at].char_indices().rev().nth(back - 1).map_or(0, |(i, _)| i) };
    let text: String = line[from..].chars().take(end.saturating_sub(start.min(chars))).collect();
    // The caret stands under the same character once symbols replace control characters.
    let mut caret = column - start - back + shown(&line[from..at]).chars().count();
    let mut out = shown(&text);
    if start > 0 {
        out = format!("...{out}");
        caret += 3;
    }
    if end < chars {
        out.push_str("...");
    }
    (out, caret)
}

/// A file name as a URI reference: each path segment percent-encoded as RFC 3986 requires,
/// `/` kept between segments. `:` is encoded too, so that no name reads as a URI scheme.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@/".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The excerpt as it was cut before, from the whole line collected as characters.
    fn excerpt_from_whole_line(line: &str, column: usize) -> (String, usize) {
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

    #[test]
    fn excerpt_reads_only_the_neighbourhood_and_cuts_as_before() {
        let line: String =
            (0..300).map(|i| if i % 3 == 0 { '“' } else { char::from(b'a' + (i % 26) as u8) }).collect();
        let n = line.chars().count();
        for column in 0..=n + 1 {
            let at = line.char_indices().nth(column).map_or(line.len(), |(i, _)| i);
            assert_eq!(
                excerpt(&line, at, column, n),
                excerpt_from_whole_line(&line, column),
                "column {column}"
            );
        }
        for short in ["", "ab", "abc\u{e9}"] {
            for column in 0..=short.chars().count() + 1 {
                let at = short.char_indices().nth(column).map_or(short.len(), |(i, _)| i);
                let n = short.chars().count();
                assert_eq!(
                    excerpt(short, at, column, n),
                    excerpt_from_whole_line(short, column),
                    "{short:?} {column}"
                );
            }
        }
    }

    #[test]
    fn excerpt_shows_control_characters_as_symbols() {
        let (text, caret) = excerpt("a\u{1b}[31mred\u{7}b", 10, 10, 11);
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text:?}");
        assert!(text.contains('\u{241b}') && text.contains('\u{2407}'), "{text:?}");
        assert_eq!(caret, 10);
    }

    #[test]
    fn uris_are_percent_encoded_by_segment() {
        assert_eq!(uri("drafts/offer to exchange.htm"), "drafts/offer%20to%20exchange.htm");
        assert_eq!(uri("a#b%c.md"), "a%23b%25c.md");
        assert_eq!(uri("C:\\x\\y?.txt"), "C%3A/x/y%3F.txt");
        assert_eq!(uri("caf\u{e9} [1].md"), "caf%C3%A9%20%5B1%5D.md");
        assert_eq!(uri("press-release_v2.~1.htm"), "press-release_v2.~1.htm");
    }
}
