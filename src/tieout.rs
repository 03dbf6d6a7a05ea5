//! The tie-out sheet: every computed figure with its formula, each input and where it comes
//! from (terms file:line, or the figure it derives from), its exact value and printed form, and
//! every place it is printed, from the ledger the render kept; and the numbers printed that
//! are neither figures nor terms.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::figures::{self, Source};
use crate::format;
use crate::output::{self, OutputFile};
use crate::pipeline::RenderedSet;
use crate::render::{Era, Printed};

#[derive(Debug, Clone, Serialize)]
pub struct TieOut {
    pub figures: Vec<FigureTrace>,
    /// Numbers printed that are constants of the rules, each with the rule.
    pub constants: Vec<Constant>,
    /// Numbers printed in the documents that are neither a figure nor a value of the terms.
    pub untraced: Vec<Place>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Constant {
    pub text: &'static str,
    pub rule: &'static str,
    pub printed_at: Vec<Place>,
}

/// Numbers the rules fix, which the templates print as the rules state them.
const RULE_CONSTANTS: &[(&str, &str)] = &[
    (
        "2%",
        "Rule 13e-4(f)(1)(ii) and Rule 14e-1(b): up to 2% of the class outstanding may be accepted without extending",
    ),
    ("$1,000,000", "Rule 0-11: the fee rate is stated per $1,000,000 of transaction valuation"),
];

#[derive(Debug, Clone, Serialize)]
pub struct FigureTrace {
    pub name: &'static str,
    pub label: &'static str,
    /// In an offer for several classes, the class the figure is for (its title); absent in an
    /// offer for one class, and for the fee, which is the whole offer's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    pub formula: &'static str,
    pub inputs: Vec<InputTrace>,
    /// The exact value.
    pub value: String,
    /// As the documents print it.
    pub display: String,
    /// An exchange ratio's exact terms, which `value` rounds when it does not terminate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exact_ratio: Option<ExactRatio>,
    pub printed_at: Vec<Place>,
}

impl FigureTrace {
    /// The figure in words, with the class it is for when it is not the first.
    pub fn heading(&self) -> String {
        match &self.class {
            Some(class) => format!("{} ({class})", self.label),
            None => self.label.to_owned(),
        }
    }
}

/// `new_shares` new shares for each `shares` shares sought, both whole: a block as the terms
/// write it, or a derived ratio in lowest terms.
#[derive(Debug, Clone, Serialize)]
pub struct ExactRatio {
    pub new_shares: String,
    pub shares: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct InputTrace {
    /// `terms`, `figure`, or `table` (data secdraft carries, such as the fee rates).
    pub from: &'static str,
    /// The terms field path, or the figure's name.
    pub path: String,
    /// For a terms field, `file:line`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Place {
    pub document: String,
    pub line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\$[\d,]*\d(?:\.\d+)?|(?-u:\b)\d[\d,]*(?:\.\d+)?%|(?-u:\b)\d{1,3}(?:,\d{3})+(?:\.\d+)?(?-u:\b)",
    )
    .expect("a valid pattern")
});

/// A document of a set as text.
struct Readable<'a> {
    file: &'a OutputFile,
    text: String,
    /// Whether `text` is the file itself (Markdown), so that its lines are the file's.
    is_file: bool,
}

impl Readable<'_> {
    /// Each line of the text, numbered as the line of the written file it is (the stamp
    /// secdraft writes on a Markdown file's first line counts), or of the text of a file
    /// read as HTML.
    fn lines(&self) -> impl Iterator<Item = (usize, &str)> {
        let mut start = 0;
        self.text.split_inclusive('\n').enumerate().map(move |(i, chunk)| {
            let line = chunk.strip_suffix('\n').map_or(chunk, |l| l.strip_suffix('\r').unwrap_or(l));
            let number = if self.is_file { output::written_line(self.file, start) } else { i + 1 };
            start += chunk.len();
            (number, line)
        })
    }
}

/// The documents of a set as text, each once: the Markdown of a document rendered in both
/// forms, and the text of one rendered only as HTML (the filing fee exhibit).
fn readable(set: &RenderedSet) -> Vec<Readable<'_>> {
    set.files
        .iter()
        .filter_map(|file| {
            let source = String::from_utf8_lossy(&file.bytes).into_owned();
            if file.name.ends_with(".md") {
                return Some(Readable { file, text: source, is_file: true });
            }
            let stem = file.name.strip_suffix(".htm")?;
            let twin = format!("{stem}.md");
            (!set.files.iter().any(|g| g.name == twin)).then(|| Readable {
                file,
                text: crate::text::plain_text(&source, crate::text::Format::Html),
                is_file: false,
            })
        })
        .collect()
}

/// The places a figure of the filing is printed, as lines of the files written: each line
/// once, in the order of the set's documents.
fn printed_at(set: &RenderedSet, printed: impl Fn(&Printed) -> bool) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::new();
    for p in set.ledger.iter().filter(|p| printed(p)) {
        let Some(file) = set.files.iter().find(|f| f.name == p.document) else { continue };
        let place =
            Place { document: p.document.clone(), line: output::written_line(file, p.offset), text: None };
        if !places.contains(&place) {
            places.push(place);
        }
    }
    places
}

/// The places a printed form stands in the text of a set's documents: for the constants of
/// the rules, which the templates print as text.
fn places(set: &RenderedSet, printed: &str) -> Vec<Place> {
    let mut out = Vec::new();
    for document in readable(set) {
        for (number, line) in document.lines() {
            let found = line.match_indices(printed).any(|(at, _)| {
                // Not part of a longer number: "2%" is not in "12%"; punctuation after it is fine.
                let before = &line[..at];
                let after = &line[at + printed.len()..];
                let continues_before = before.ends_with(|c: char| c.is_ascii_digit())
                    || (before.ends_with([',', '.'])
                        && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()));
                let continues_after = after.starts_with(|c: char| c.is_ascii_digit())
                    || (after.starts_with([',', '.'])
                        && after[1..].starts_with(|c: char| c.is_ascii_digit()));
                !continues_before && !continues_after
            });
            if found {
                out.push(Place { document: document.file.name.clone(), line: number, text: None });
            }
        }
    }
    out
}

/// Every printed form a value of the terms may take, and the text the terms hold.
fn terms_values(value: &serde_json::Value, forms: &mut BTreeSet<String>, texts: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => {
            if let Ok(d) = crate::terms::parse_decimal(s) {
                forms.insert(format::money(d));
                for places in 0..=4 {
                    forms.extend(format::money_places(d, places).ok());
                    forms.extend(format::percent(d, places).ok());
                }
                forms.extend(format::shares(d));
            }
            texts.push(s.clone());
        }
        serde_json::Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                forms.extend(format::shares(u.into()));
                forms.insert(u.to_string());
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| terms_values(v, forms, texts)),
        serde_json::Value::Object(map) => map.values().for_each(|v| terms_values(v, forms, texts)),
        _ => {}
    }
}

/// The trace of one figure of a set: `era` tells the figures in force from those an amendment
/// replaces; `class` is 0 for the first class and the offer, `n` for the `n`th other class,
/// whose title is `title`.
pub fn trace(
    set: &RenderedSet,
    f: &figures::Figure,
    era: Era,
    class: usize,
    title: Option<&str>,
) -> FigureTrace {
    let loaded = &set.filing.loaded;
    let file = crate::diagnostics::display_path(&loaded.file);
    FigureTrace {
        name: f.name(),
        label: f.label(),
        class: title.map(str::to_owned),
        formula: f.formula,
        inputs: f
            .inputs
            .iter()
            .map(|input| match &input.source {
                Source::Terms(path) => InputTrace {
                    from: "terms",
                    path: path.clone(),
                    at: Some(format!("{file}:{}", loaded.map().locate(path).0)),
                    value: input.value.normalize().to_string(),
                },
                Source::Table(name) => InputTrace {
                    from: "table",
                    path: name.clone(),
                    at: None,
                    value: input.value.normalize().to_string(),
                },
                Source::Figure(id) => InputTrace {
                    from: "figure",
                    path: id.name().to_owned(),
                    at: None,
                    value: input.value.normalize().to_string(),
                },
            })
            .collect(),
        value: f.value.normalize().to_string(),
        display: f.display(),
        exact_ratio: f.exact_ratio.map(|r| ExactRatio {
            new_shares: r.new_shares.normalize().to_string(),
            shares: r.shares.normalize().to_string(),
        }),
        printed_at: printed_at(set, |p| p.era == era && p.class == class && p.figure == f.id),
    }
}

/// The tie-out sheet of a rendered set. Fails only if the terms cannot be read as values
/// (which serde makes possible, and which would otherwise hide every value of the terms).
pub fn build(set: &RenderedSet) -> Result<TieOut, Diagnostic> {
    let loaded = &set.filing.loaded;
    let trace =
        |f: &figures::Figure, class: usize, title: Option<&str>| trace(set, f, Era::Now, class, title);
    // In an offer for several classes every figure of a class names it, the first's too (the
    // fee is the whole offer's and names none); an offer for one class keeps the sheet it
    // always had.
    let first = (!set.filing.classes.is_empty()).then_some(set.filing.in_force.security.title.0.as_str());
    let mut figures: Vec<FigureTrace> = set
        .filing
        .figures
        .all()
        .iter()
        .map(|f| trace(f, 0, first.filter(|_| !f.id.is_offer_wide())))
        .collect();
    for (i, class) in set.filing.classes.iter().enumerate() {
        let title = class.terms.security.title.0.as_str();
        figures.extend(class.figures.all().iter().map(|f| trace(f, i + 1, Some(title))));
    }

    // Every form a figure was printed in, and (an amendment prints the figures it replaces
    // beside the new ones) those before.
    let mut traced: BTreeSet<String> = set.filing.figures.all().iter().map(|f| f.display()).collect();
    traced.extend(set.ledger.iter().map(|p| p.form.clone()));
    if let Some(before) = &set.filing.figures_before {
        traced.extend(before.all().iter().map(|f| f.display()));
    }
    for class in &set.filing.classes {
        traced.extend(class.figures.all().iter().map(|f| f.display()));
        if let Some(before) = &class.figures_before {
            traced.extend(before.all().iter().map(|f| f.display()));
        }
    }
    // Rates read from data secdraft carries, as a note prints them.
    for input in set.filing.figures.all().iter().flat_map(|f| &f.inputs) {
        if let Source::Table(_) = input.source {
            traced.insert(format::cents(input.value));
        }
    }
    let constants: Vec<Constant> = RULE_CONSTANTS
        .iter()
        .map(|(text, rule)| Constant { text, rule, printed_at: places(set, text) })
        .filter(|c| !c.printed_at.is_empty())
        .collect();
    traced.extend(RULE_CONSTANTS.iter().map(|(text, _)| (*text).to_owned()));
    let mut texts = Vec::new();
    let json = serde_json::to_value(&loaded.terms)
        .map_err(|e| Diagnostic::new(format!("the tie-out cannot read the terms as values: {e}")))?;
    terms_values(&json, &mut traced, &mut texts);
    let mut untraced = Vec::new();
    for document in readable(set) {
        for (line_number, line) in document.lines() {
            for m in NUMBER.find_iter(line) {
                let number = m.as_str();
                if traced.contains(number) || texts.iter().any(|t| t.contains(number)) {
                    continue;
                }
                untraced.push(Place {
                    document: document.file.name.clone(),
                    line: line_number,
                    text: Some(number.to_owned()),
                });
            }
        }
    }
    Ok(TieOut { figures, constants, untraced })
}

/// The tie-out sheet as `secdraft figures` prints it: each figure with its formula, its
/// inputs and where it is printed, then the constants and the untraced numbers.
pub fn text(sheet: &TieOut) -> String {
    let mut out = String::new();
    for f in &sheet.figures {
        out.push_str(&format!("{}: {}  (exact {})\n", f.heading(), f.display, f.value));
        out.push_str(&format!("  = {}\n", f.formula));
        for i in &f.inputs {
            match &i.at {
                Some(at) => out.push_str(&format!("  <- {} = {}  [{at}]\n", i.path, i.value)),
                None if i.from == "table" => out.push_str(&format!("  <- {} = {}\n", i.path, i.value)),
                None => out.push_str(&format!("  <- {} = {}\n", figures::label(&i.path), i.value)),
            }
        }
        let places: Vec<String> = f.printed_at.iter().map(|p| format!("{}:{}", p.document, p.line)).collect();
        out.push_str(&format!(
            "  printed at: {}\n\n",
            if places.is_empty() { "nowhere".to_owned() } else { places.join(", ") }
        ));
    }
    for c in &sheet.constants {
        out.push_str(&format!("Constant of the rules {}: {}\n", c.text, c.rule));
    }
    if sheet.untraced.is_empty() {
        out.push_str("Every number printed is a figure or a value of the terms.\n");
    } else {
        out.push_str("Untraced numbers (neither a figure nor a value of the terms):\n");
        for p in &sheet.untraced {
            out.push_str(&format!("  {}:{}: {}\n", p.document, p.line, p.text.as_deref().unwrap_or("")));
        }
    }
    out
}

/// The tie-out sheet of a rendered set as the two files `render --tie-out` writes beside it:
/// tie-out.md, and tie-out.htm through the HTML stage. `terms` names the terms file.
pub fn files(set: &RenderedSet, terms: &str) -> Result<[OutputFile; 2], Diagnostic> {
    let sheet = markdown(&build(set)?, terms);
    let html = crate::html::to_edgar_html(&sheet, "Tie-Out of Figures")
        .map_err(|e| Diagnostic::new(format!("the tie-out sheet cannot become HTML: {e}")))?;
    Ok([
        OutputFile { name: "tie-out.md".into(), bytes: sheet.into_bytes() },
        OutputFile { name: "tie-out.htm".into(), bytes: html.into_bytes() },
    ])
}

/// The tie-out sheet as a Markdown document.
pub fn markdown(t: &TieOut, terms: &str) -> String {
    // Escaping puts a value on one line, so no cell breaks its table row.
    let cell = crate::render::markdown_escaped;
    let mut out = format!(
        "# Tie-Out of Figures\n\nEvery figure computed from {}, with its inputs and where it is printed.\n\n",
        cell(terms)
    );
    out.push_str("| Figure | Printed | Exact value | Formula | Inputs | Printed at |\n|:---|:---|:---|:---|:---|:---|\n");
    for f in &t.figures {
        let inputs: Vec<String> = f
            .inputs
            .iter()
            .map(|i| match &i.at {
                Some(at) => format!("{} = {} ({})", cell(&i.path), i.value, cell(at)),
                None if i.from == "table" => format!("{} = {}", cell(&i.path), i.value),
                None => format!("{} = {}", cell(figures::label(&i.path)), i.value),
            })
            .collect();
        let printed: Vec<String> =
            f.printed_at.iter().map(|p| format!("{}:{}", cell(&p.document), p.line)).collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            cell(&f.heading()),
            cell(&f.display),
            f.value,
            cell(f.formula),
            inputs.join("; "),
            if printed.is_empty() { "not printed".to_owned() } else { printed.join(", ") }
        ));
    }
    if !t.constants.is_empty() {
        out.push_str("\n## Constants of the rules\n\n");
        for c in &t.constants {
            let printed: Vec<String> =
                c.printed_at.iter().map(|p| format!("{}:{}", cell(&p.document), p.line)).collect();
            out.push_str(&format!(
                "- {}: {} (printed at {})\n",
                cell(c.text),
                cell(c.rule),
                printed.join(", ")
            ));
        }
    }
    out.push_str("\n## Untraced numbers\n\n");
    if t.untraced.is_empty() {
        out.push_str("Every number printed in the documents is a figure above or a value of the terms.\n");
    } else {
        out.push_str(
            "Numbers printed in the documents that are neither a figure nor a value of the terms:\n\n",
        );
        for p in &t.untraced {
            out.push_str(&format!(
                "- {} in {} at line {}\n",
                cell(p.text.as_deref().unwrap_or("")),
                cell(&p.document),
                p.line
            ));
        }
    }
    out
}
