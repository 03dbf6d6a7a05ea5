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
pub use documents::read_documents;
pub use report::{Report, ReportFormat};

use serde::Serialize;

use crate::figures::Figures;
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

/// `draft` tolerates placeholders (as warnings); `filing`, the default, does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    Draft,
    #[default]
    Filing,
}

/// A rule: its stable id, its severity in filing mode, what it finds, and how to fix it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub hint: &'static str,
}

/// Every rule, in the order the documentation lists them. A new rule goes last: SARIF results
/// name their rule by its index here.
pub const RULES: &[Rule] = &[
    Rule {
        id: "placeholder",
        severity: Severity::Error,
        summary: "A placeholder or bracketed note to draft is left in the text",
        hint: "supply the text, or render with the terms that hold it",
    },
    Rule {
        id: "words-figures",
        severity: Severity::Error,
        summary: "A number in words disagrees with the figure beside it",
        hint: "make the words and the figure in parentheses say the same number",
    },
    Rule {
        id: "weekday",
        severity: Severity::Error,
        summary: "A weekday does not match its date",
        hint: "correct the weekday or the date",
    },
    Rule {
        id: "inconsistent-fact",
        severity: Severity::Error,
        summary: "The same fact is stated two ways across the documents of one set",
        hint: "state the fact the same way everywhere; regenerate the set from one terms file",
    },
    Rule {
        id: "figure-variant",
        severity: Severity::Error,
        summary: "A computed figure is printed in a form other than the set's",
        hint: "print the figure through the template filters, at the precision the terms give",
    },
    Rule {
        id: "defined-term-twice",
        severity: Severity::Warning,
        summary: "A term is defined more than once in a document",
        hint: "define each term once, on first use",
    },
    Rule {
        id: "defined-term-before-definition",
        severity: Severity::Warning,
        summary: "A defined term is used before its definition",
        hint: "move the definition to the first use",
    },
    Rule {
        id: "defined-term-unused",
        severity: Severity::Warning,
        summary: "A term is defined and never used",
        hint: "drop the definition, or use the term",
    },
    Rule {
        id: "defined-term-case",
        severity: Severity::Warning,
        summary: "A defined term appears in lower case after its definition",
        hint: "capitalise it where the defined term is meant",
    },
    Rule {
        id: "missing-legend",
        severity: Severity::Error,
        summary: "A pre-commencement communication lacks the Rule 14d-2 legend",
        hint: "advise holders to read the tender offer statement when available because it contains important information, that it is free at www.sec.gov, and which documents are free from the offeror",
    },
    Rule {
        id: "sole-discretion",
        severity: Severity::Error,
        summary: "An offer condition is left to the bidder's sole discretion, which can make the offer illusory",
        hint: "make the condition objective, determined in the bidder's reasonable judgment",
    },
    Rule {
        id: "item-1004-element",
        severity: Severity::Error,
        summary: "The Offer does not state an element Item 1004(a)(1) of Regulation M-A requires",
        hint: "state the element in the Offer (see docs/check.md)",
    },
    Rule {
        id: "edgar-element",
        severity: Severity::Error,
        summary: "An HTML element EDGAR does not accept",
        hint: "use only the elements of the EDGAR Filer Manual, Volume II, chapter 5",
    },
    Rule {
        id: "edgar-attribute",
        severity: Severity::Error,
        summary: "An HTML attribute EDGAR does not accept on this element",
        hint: "drop the attribute, or move presentation into style=\"\"",
    },
    Rule {
        id: "edgar-script",
        severity: Severity::Error,
        summary: "A script, event attribute or javascript: URL",
        hint: "remove it: EDGAR refuses active content",
    },
    Rule {
        id: "edgar-bytes",
        severity: Severity::Error,
        summary: "A byte outside printable ASCII (or a byte-order mark)",
        hint: "write the character as a numeric reference such as &#8220;",
    },
    Rule {
        id: "edgar-entity",
        severity: Severity::Error,
        summary: "A named character reference HTML 4 does not define",
        hint: "use a standard HTML 4 entity or a numeric reference",
    },
    Rule {
        id: "edgar-nested-table",
        severity: Severity::Error,
        summary: "A table inside a table",
        hint: "flatten the table",
    },
    Rule {
        id: "edgar-link",
        severity: Severity::Error,
        summary: "A link that leaves the submission or does not resolve inside it",
        hint: "link only to documents of the submission (and their anchors) or to www.sec.gov/Archives/edgar/data",
    },
    Rule {
        id: "edgar-filename",
        severity: Severity::Error,
        summary: "A file name EDGAR refuses (over 32 characters, or characters other than letters, digits, '.', '-', '_')",
        hint: "rename the file",
    },
    Rule {
        id: "edgar-numeric-reference",
        severity: Severity::Error,
        summary: "A numeric character reference to no character (zero, a surrogate, past U+10FFFF) or with too many digits",
        hint: "write the character's own code point, such as &#8220; or &#x201C;",
    },
];

pub fn rule(id: &str) -> &'static Rule {
    RULES.iter().find(|r| r.id == id).unwrap_or(&RULES[0])
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
    pub fn finding(&self, id: &'static str, offset: usize, len: usize, message: String) -> Finding {
        let source = &self.doc.source;
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let end = floor_char_boundary(source, offset.saturating_add(len).min(source.len()));
        let (line, column) = self.lines.line_column(offset);
        let rule = rule(id);
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

/// Checks the documents of one set (the files given together, or one rendered set), with the
/// figures of the terms when the set was rendered from them.
pub fn check(documents: &[Document], mode: Mode, figures: Option<&Figures>) -> Vec<Finding> {
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
    set::facts(&indexed, &views, &mut findings);
    set::legend(&indexed, &views, &mut findings);
    if let Some(figures) = figures {
        set::figure_variants(&indexed, &views, figures, &mut findings);
    }
    if mode == Mode::Draft {
        for f in findings.iter_mut().filter(|f| f.rule == "placeholder") {
            f.severity = Severity::Warning;
        }
    }
    findings.sort_by(|a, b| (&a.file, a.line, a.column, a.rule).cmp(&(&b.file, b.line, b.column, b.rule)));
    findings.dedup();
    findings
}
