//! Stage six: checks on filing text, usable as a CI gate. Each rule has a stable id, a
//! severity and a one-line hint; each finding names the file, line and column and quotes the
//! offending text. The rules read Markdown, EDGAR HTML and plain text alike (through
//! [`crate::text::TextView`]); the EDGAR rules read the HTML itself.

mod documents;
mod edgar;
mod report;
mod rules;
mod set;

pub use crate::text::{Format, plain_text};
pub use documents::{read_documents, read_documents_named};
pub use report::{Report, ReportFormat};

use serde::Serialize;

use crate::figures::Figures;
use crate::render::Printed;
use crate::text::{LineIndex, TextView};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// `draft` tolerates placeholders (as warnings); `filing`, the default of `check`, does not.
pub use crate::filing::Mode;

/// A rule: its stable id, its severity in filing mode, what it finds, and how to fix it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub hint: &'static str,
}

/// Declares each rule as a constant that findings name (so a finding cannot name a rule that
/// does not exist) and lists them all in [`RULES`] (so none is left out of the documentation
/// or of SARIF's rule table).
macro_rules! rules {
    ($($name:ident: $id:literal, $severity:ident, $summary:literal, $hint:literal;)*) => {
        /// Each rule by name, for the findings that name it.
        pub mod rule {
            use super::{Rule, Severity};
            $(pub const $name: Rule = Rule {
                id: $id,
                severity: Severity::$severity,
                summary: $summary,
                hint: $hint,
            };)*
        }

        /// Every rule, in the order the documentation lists them. A new rule goes last: SARIF
        /// results name their rule by its index here.
        pub const RULES: &[Rule] = &[$(rule::$name),*];
    };
}

rules! {
    PLACEHOLDER: "placeholder", Error,
        "A placeholder or bracketed note to draft is left in the text",
        "supply the text, or render with the terms that hold it";
    WORDS_FIGURES: "words-figures", Error,
        "A number in words disagrees with the figure beside it",
        "make the words and the figure in parentheses say the same number";
    WEEKDAY: "weekday", Error,
        "A weekday does not match its date",
        "correct the weekday or the date";
    INCONSISTENT_FACT: "inconsistent-fact", Error,
        "The same fact is stated two ways across the documents of one set",
        "state the fact the same way everywhere; regenerate the set from one terms file";
    FIGURE_VARIANT: "figure-variant", Error,
        "A computed figure is printed in a form other than the set's",
        "print the figure through the template filters, at the precision the terms give";
    DEFINED_TERM_TWICE: "defined-term-twice", Warning,
        "A term is defined more than once in a document",
        "define each term once, on first use";
    DEFINED_TERM_BEFORE_DEFINITION: "defined-term-before-definition", Warning,
        "A defined term is used before its definition",
        "move the definition to the first use";
    DEFINED_TERM_UNUSED: "defined-term-unused", Warning,
        "A term is defined and never used",
        "drop the definition, or use the term";
    DEFINED_TERM_CASE: "defined-term-case", Warning,
        "A defined term appears in lower case after its definition",
        "capitalise it where the defined term is meant";
    MISSING_LEGEND: "missing-legend", Error,
        "A pre-commencement communication lacks the Rule 14d-2 legend",
        "advise holders to read the tender offer statement when available because it contains important information, that it is free at www.sec.gov, and which documents are free from the offeror";
    SOLE_DISCRETION: "sole-discretion", Error,
        "An offer condition is left to the bidder's sole discretion, which can make the offer illusory",
        "make the condition objective, determined in the bidder's reasonable judgment";
    ITEM_1004_ELEMENT: "item-1004-element", Error,
        "The Offer does not state an element Item 1004(a)(1) of Regulation M-A requires",
        "state the element in the Offer (see docs/check.md)";
    EDGAR_ELEMENT: "edgar-element", Error,
        "An HTML element EDGAR does not accept",
        "use only the elements of the EDGAR Filer Manual, Volume II, chapter 5";
    EDGAR_ATTRIBUTE: "edgar-attribute", Error,
        "An HTML attribute EDGAR does not accept on this element",
        "drop the attribute, or move presentation into style=\"\"";
    EDGAR_SCRIPT: "edgar-script", Error,
        "A script, event attribute or javascript: URL",
        "remove it: EDGAR refuses active content";
    EDGAR_BYTES: "edgar-bytes", Error,
        "A byte outside printable ASCII (or a byte-order mark)",
        "write the character as a numeric reference such as &#8220;";
    EDGAR_ENTITY: "edgar-entity", Error,
        "A named character reference HTML 4 does not define",
        "use a standard HTML 4 entity or a numeric reference";
    EDGAR_NESTED_TABLE: "edgar-nested-table", Error,
        "A table inside a table",
        "flatten the table";
    EDGAR_LINK: "edgar-link", Error,
        "A link that leaves the submission or does not resolve inside it",
        "link only to documents of the submission (and their anchors) or to www.sec.gov/Archives/edgar/data";
    EDGAR_FILENAME: "edgar-filename", Error,
        "A file name EDGAR refuses (over 32 characters, or characters other than letters, digits, '.', '-', '_')",
        "rename the file";
    EDGAR_NUMERIC_REFERENCE: "edgar-numeric-reference", Error,
        "A numeric character reference to no character (zero, a surrogate, past U+10FFFF) or with too many digits",
        "write the character's own code point, such as &#8220; or &#x201C;";
    ARTICLE_NUMBER: "article-number", Warning,
        "The article before a number does not match how the number is read (\"a 82%\", \"an 201%\")",
        "read the number aloud: \"an\" before eight, eleven, eighteen and the eighties (\"an 82% premium\", \"an $8.00 price\"), \"a\" otherwise";
    EXHIBIT_INDEX: "exhibit-index", Error,
        "An exhibit index row names no document of the set and no filing elsewhere",
        "link the document filed herewith, or say where the exhibit was filed (incorporated by reference, previously filed) or that it is not applicable";
    MERGE_CONFLICT: "merge-conflict", Error,
        "A conflict marker that `render --merge` wrote where a hand edit and the terms changed the same words",
        "keep the words wanted between `<<<<<<< edited` and `>>>>>>> terms`, and delete the three marker lines";
    ILLUSTRATIVE_VALUE: "illustrative-value", Error,
        "A value of a `secdraft init` skeleton marked \"illustrative: replace\" is left in the terms",
        "replace the value with the offer's own, and delete \"illustrative: replace\" from its comment";
    INPUT_ERROR: "input-error", Error,
        "A terms file that does not load or render, or a file that cannot be read, at the place its error names",
        "fix the input there: the error on standard error says what is expected; nothing else was checked";
}

/// The comment `secdraft init` puts beside each number or date it made up so that the figures
/// compute (skeletons/): the drafts print such a value as if it were a term of the offer.
const ILLUSTRATIVE: &str = "illustrative: replace";

/// The values of a terms file (named `file`, its text `source`) that still carry the comment
/// of a made-up value of a `secdraft init` skeleton: an error when filing, a warning in a
/// draft, as bracketed notes are. A whole-line comment that mentions the marker is no value.
pub fn illustrative_values(file: &str, source: &str, mode: Mode) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (number, line) in source.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let Some(at) = line.find(ILLUSTRATIVE) else { continue };
        // The `#` opening the comment that holds the marker: at the line's start or after a blank.
        let Some(hash) = line[..at]
            .char_indices()
            .filter(|&(i, c)| c == '#' && (i == 0 || line[..i].ends_with([' ', '\t'])))
            .map(|(i, _)| i)
            .next()
        else {
            continue;
        };
        let value = line[..hash].trim();
        if value.is_empty() {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        findings.push(Finding {
            rule: rule::ILLUSTRATIVE_VALUE.id,
            severity: if mode == Mode::Draft { Severity::Warning } else { Severity::Error },
            file: file.to_string(),
            line: number + 1,
            column: line[..indent].chars().count() + 1,
            message: format!("a made-up value of the skeleton is left in the terms: {value}"),
            text: value.to_string(),
            hint: rule::ILLUSTRATIVE_VALUE.hint,
        });
    }
    findings
}

/// One document to check, as it is written.
#[derive(Debug, Clone)]
pub struct Document {
    /// The name findings give: the path as given, or the rendered file's name.
    pub name: String,
    pub format: Format,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The offending text.
    pub text: String,
    pub hint: &'static str,
}

/// A document with the index that places its bytes: what the rules read and report against.
pub(crate) struct Indexed<'a> {
    pub doc: &'a Document,
    pub lines: LineIndex<'a>,
}

impl std::ops::Deref for Indexed<'_> {
    type Target = Document;
    fn deref(&self) -> &Document {
        self.doc
    }
}

impl<'a> Indexed<'a> {
    pub fn new(doc: &'a Document) -> Indexed<'a> {
        Indexed { doc, lines: LineIndex::new(&doc.source) }
    }

    /// A finding at byte `offset` of the source, quoting `len` bytes.
    pub fn finding(&self, rule: &'static Rule, offset: usize, len: usize, message: String) -> Finding {
        let source = &self.doc.source;
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let end = floor_char_boundary(source, offset.saturating_add(len).min(source.len()));
        let (line, column) = self.lines.line_column(offset);
        Finding {
            rule: rule.id,
            severity: rule.severity,
            file: self.doc.name.clone(),
            line,
            column,
            message,
            text: source[offset..end].to_owned(),
            hint: rule.hint,
        }
    }
}

fn floor_char_boundary(s: &str, mut at: usize) -> usize {
    while at > 0 && !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// What secdraft knows of a set it rendered itself: each figure it printed, and the figures.
#[derive(Debug, Clone, Copy)]
pub struct Rendered<'a> {
    pub ledger: &'a [Printed],
    pub figures: &'a Figures,
    /// On an amendment, the figures before it.
    pub figures_before: Option<&'a Figures>,
    /// In an offer for several classes, the figures of each class beside the first.
    pub class_figures: &'a [crate::filing::ClassFigures],
}

/// Checks the documents of one set (the files given together, or one rendered set); `rendered`
/// when secdraft rendered the set from terms, whose ledger tells how each figure was printed.
pub fn check(documents: &[Document], mode: Mode, rendered: Option<Rendered>) -> Vec<Finding> {
    let indexed: Vec<Indexed> = documents.iter().map(Indexed::new).collect();
    let views: Vec<TextView> = documents.iter().map(|d| TextView::new(&d.source, d.format)).collect();
    let mut findings = Vec::new();
    let anchors = edgar::Anchors::of(documents);
    for (doc, v) in indexed.iter().zip(&views) {
        rules::document(doc, v, &mut findings);
        if doc.format == Format::Html {
            edgar::check(doc, &anchors, &mut findings);
        }
    }
    set::facts(&indexed, &views, rendered.is_some(), &mut findings);
    set::legend(&indexed, &views, &mut findings);
    set::exhibit_index(&indexed, &mut findings);
    if let Some(rendered) = rendered {
        set::figure_variants(&indexed, &rendered, &mut findings);
    }
    if mode == Mode::Draft {
        for f in findings.iter_mut().filter(|f| f.rule == rule::PLACEHOLDER.id) {
            f.severity = Severity::Warning;
        }
    }
    findings.sort_by(|a, b| (&a.file, a.line, a.column, a.rule).cmp(&(&b.file, b.line, b.column, b.rule)));
    findings.dedup();
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Findings, SARIF and docs/check.md name a rule by its id: each must name one rule.
    #[test]
    fn rule_ids_are_unique_and_each_is_documented() {
        let docs = include_str!("../../docs/check.md");
        for (i, rule) in RULES.iter().enumerate() {
            assert!(RULES[..i].iter().all(|r| r.id != rule.id), "two rules have the id {}", rule.id);
            assert!(docs.contains(&format!("`{}`", rule.id)), "docs/check.md does not list {}", rule.id);
        }
    }

    #[test]
    fn a_finding_carries_its_rule_s_severity_and_hint() {
        let doc = Document { name: "a.md".into(), format: Format::Markdown, source: "text".into() };
        let finding = Indexed::new(&doc).finding(&rule::DEFINED_TERM_CASE, 0, 4, "m".into());
        assert_eq!(
            (finding.rule, finding.severity, finding.hint),
            ("defined-term-case", Severity::Warning, rule::DEFINED_TERM_CASE.hint)
        );
    }
}
