//! The ledger of printed figures: which figure each document prints, where, and in what form.
//!
//! A figure reaches the templates as its printed form wrapped in a mark that names it
//! (private-use characters no terms value can hold, since loading refuses them). Whatever the
//! template does with it (print it, pass it through a filter, join it into a sentence), the
//! mark travels with the text. After a document is rendered, [`resolve`] takes the marks out,
//! recording each: so the tie-out's "printed at" and the checks of a rendered set read what
//! was printed, not patterns over the text.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::figures::{Figure, FigureId, Figures};

const OPEN: char = '\u{E000}';
const VALUE: char = '\u{E001}';
const TEXT: char = '\u{E002}';
const CLOSE: char = '\u{E003}';

/// Whether the text holds any character of a mark: such text cannot come from a terms file.
pub fn holds_marks(text: &str) -> bool {
    text.contains([OPEN, VALUE, TEXT, CLOSE])
}

/// Which figures of the filing a printed figure is one of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Era {
    /// The figures of the terms in force.
    Now,
    /// On an amendment, the figures before it.
    Before,
}

/// A figure as a mark carries it: which figure, and its exact value (for filters that print
/// it another way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    pub figure: FigureId,
    pub era: Era,
    /// Whose figure it is: 0 for the first class sought and the offer as a whole, `n` for
    /// the `n`th of `offer.other_classes`.
    pub class: usize,
    pub value: Decimal,
}

/// One place a figure is printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Printed {
    pub figure: FigureId,
    pub era: Era,
    /// Whose figure: 0 for the first class and the offer, `n` for the `n`th other class.
    #[serde(skip_serializing_if = "is_first")]
    pub class: usize,
    /// The text printed.
    pub form: String,
    /// The document's file name.
    pub document: String,
    /// Where the printed text starts in the document as rendered (before the stamp), and its
    /// length there in bytes (with any escaping Markdown gave it).
    pub offset: usize,
    pub len: usize,
    /// Its line in the document as rendered, from 1.
    pub line: usize,
}

/// `text` (a figure as printed) marked as `figure`.
pub fn mark(marked: Marked, text: &str) -> String {
    let era = match marked.era {
        Era::Now => 0,
        Era::Before => 1,
    };
    let index = marked.figure.index();
    let class = match marked.class {
        0 => String::new(),
        n => format!(".{n}"),
    };
    // Digits, `-` and `.` only between the delimiters: no filter (`upper`, `lower`) changes them.
    format!("{OPEN}{era}{index}{class}{VALUE}{}{TEXT}{text}{CLOSE}", marked.value)
}

fn is_first(class: &usize) -> bool {
    *class == 0
}

/// A mark's code after its era: the figure's index, and the class when it is not the first.
fn figure_and_class(code: &str) -> Option<(FigureId, usize)> {
    let (index, class) = match code.split_once('.') {
        Some((index, class)) => (index, class.parse::<usize>().ok().filter(|n| *n > 0)?),
        None => (code, 0),
    };
    Some((*FigureId::ALL.get(index.parse::<usize>().ok()?)?, class))
}

/// `text`, a figure of the filing as a view prints it, marked so that rendering records it in
/// the ledger of printed figures.
pub fn mark_figure(figure: &Figure, era: Era, text: &str) -> String {
    mark(Marked { figure: figure.id, era, class: 0, value: figure.value }, text)
}

/// The figure a value is, when the whole value is one mark; with its printed text.
pub fn unmark(value: &str) -> Option<(Marked, &str)> {
    let inner = value.strip_prefix(OPEN)?.strip_suffix(CLOSE)?;
    let (head, text) = inner.split_once(TEXT)?;
    let (code, exact) = head.split_once(VALUE)?;
    let era = match code.get(..1)? {
        "0" => Era::Now,
        "1" => Era::Before,
        _ => return None,
    };
    let (figure, class) = figure_and_class(code.get(1..)?)?;
    let value = exact.parse::<Decimal>().ok()?;
    (!holds_marks(text)).then_some((Marked { figure, era, class, value }, text))
}

/// Each figure of a set as the templates receive it: its printed form, marked.
pub fn marked_figures(figures: &Figures, era: Era) -> std::collections::BTreeMap<&'static str, String> {
    marked_class_figures(figures, era, 0)
}

/// Each figure of one class sought as the templates receive it: 0 for the first class and
/// the offer, `n` for the `n`th of `offer.other_classes`.
pub fn marked_class_figures(
    figures: &Figures,
    era: Era,
    class: usize,
) -> std::collections::BTreeMap<&'static str, String> {
    figures
        .all()
        .iter()
        .map(|f| (f.name(), mark(Marked { figure: f.id, era, class, value: f.value }, &f.display())))
        .collect()
}

/// A mark a template took apart (`truncate`, slicing, `reverse`, `replace` of its digits...):
/// what is left of it is neither the figure nor text a reader should see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenMark {
    /// The line of the document as rendered where the broken mark stands, from 1.
    pub line: usize,
    /// The figure it was a mark of, when what is left still names one.
    pub figure: Option<&'static str>,
}

/// The document without its marks, and each figure it prints; or the first mark a filter
/// took apart. A broken mark cannot be repaired: its pieces are the figure's code, value and
/// printed text cut or reordered, so leaving them prints digits no one wrote, and dropping
/// them up to the next mark character drops the template's own text.
pub fn resolve(document: &str, rendered: &str) -> Result<(String, Vec<Printed>), BrokenMark> {
    if !holds_marks(rendered) {
        return Ok((rendered.to_owned(), Vec::new()));
    }
    let mut out = String::with_capacity(rendered.len());
    let mut printed = Vec::new();
    let mut line = 1;
    let mut rest = rendered;
    while let Some(start) = rest.find([OPEN, VALUE, TEXT, CLOSE]) {
        let (before, from) = rest.split_at(start);
        line += before.matches('\n').count();
        out.push_str(before);
        // A whole mark runs from its opening character to the first closing one.
        let whole = from.find(CLOSE).map(|end| &from[..end + CLOSE.len_utf8()]);
        let Some((marked, text)) = whole.and_then(unmark) else {
            return Err(BrokenMark { line, figure: named_by(from) });
        };
        printed.push(Printed {
            figure: marked.figure,
            era: marked.era,
            class: marked.class,
            form: unescaped(text),
            document: document.to_owned(),
            offset: out.len(),
            len: text.len(),
            line,
        });
        line += text.matches('\n').count();
        out.push_str(text);
        rest = &from[whole.map_or(0, str::len)..];
    }
    out.push_str(rest);
    Ok((out, printed))
}

/// The figure a broken mark still names: its opening character, era and index are whole.
fn named_by(fragment: &str) -> Option<&'static str> {
    let code = fragment.strip_prefix(OPEN)?.split(VALUE).next()?;
    figure_and_class(code.get(1..)?).map(|(id, _)| id.name())
}

/// The characters of `text` a reader sees, and the marks between them: each with the index of
/// the visible character it stands before. A mark's opening part (the figure and its value)
/// and its closing character are not text; the printed form inside it is.
pub fn visible(text: &str) -> (Vec<char>, Vec<(usize, &str)>) {
    let mut chars = Vec::with_capacity(text.len());
    let mut marks = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find([OPEN, CLOSE]) {
        chars.extend(rest[..at].chars());
        let from = &rest[at..];
        let len = if from.starts_with(OPEN) {
            from.find(TEXT).map_or(OPEN.len_utf8(), |t| t + TEXT.len_utf8())
        } else {
            CLOSE.len_utf8()
        };
        marks.push((chars.len(), &from[..len]));
        rest = &from[len..];
    }
    chars.extend(rest.chars());
    (chars, marks)
}

/// Text that may quote a marked value (a Tera error message does) as a reader would see the
/// value: each figure's printed form, without the code and exact value the mark carries.
pub fn readable(text: &str) -> String {
    visible(text).0.into_iter().collect()
}

/// A figure's text as a reader sees it: without the backslashes Markdown escaping put before
/// punctuation (a value starting `-` is written `\-`, so that it opens no list).
fn unescaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn premium() -> Marked {
        Marked { figure: FigureId::Premium, era: Era::Now, class: 0, value: Decimal::new(20120, 4) }
    }

    #[test]
    fn a_mark_round_trips_and_survives_case_filters() {
        let m = mark(premium(), "201%");
        assert_eq!(unmark(&m), Some((premium(), "201%")));
        let upper = mark(premium(), "201%").to_uppercase();
        assert_eq!(unmark(&upper).map(|(m, _)| m), Some(premium()));
    }

    #[test]
    fn resolve_records_each_figure_with_its_line_and_removes_the_marks() {
        let text =
            format!("a\nat {} over\n\n{} and {}\n", mark(premium(), "201%"), mark(premium(), "201%"), {
                let mut before = premium();
                before.era = Era::Before;
                mark(before, "150%")
            });
        let (clean, printed) = resolve("x.md", &text).unwrap();
        assert_eq!(clean, "a\nat 201% over\n\n201% and 150%\n");
        assert_eq!(printed.iter().map(|p| p.line).collect::<Vec<_>>(), [2, 4, 4]);
        assert_eq!(&clean[printed[1].offset..printed[1].offset + 4], "201%");
        assert_eq!(printed[2].era, Era::Before);
        assert_eq!(printed[2].form, "150%");
    }

    #[test]
    fn a_mark_names_the_class_whose_figure_it_is() {
        let second = Marked { class: 2, ..premium() };
        let m = mark(second, "17%");
        assert_eq!(unmark(&m), Some((second, "17%")));
        let (_, printed) = resolve("x.md", &format!("{} and {m}", mark(premium(), "201%"))).unwrap();
        assert_eq!(printed.iter().map(|p| p.class).collect::<Vec<_>>(), [0, 2]);
        // A class of 0 is never written: the first class's marks are as they always were.
        assert!(unmark(&m.replacen(".2", ".0", 1)).is_none());
    }

    #[test]
    fn the_marks_are_characters_no_terms_text_may_hold() {
        for c in [OPEN, VALUE, TEXT, CLOSE] {
            assert!(crate::terms::RESERVED.contains(&c));
        }
    }

    #[test]
    fn a_mark_a_filter_took_apart_is_refused_with_its_line() {
        let m = mark(premium(), "201%");
        let cut = &m[..m.len() - CLOSE.len_utf8()];
        let broken = |text: &str| resolve("x.md", text).unwrap_err();
        // Cut before its end, the document's text after it must not be lost.
        assert_eq!(broken(&format!("a\n{cut} end")), BrokenMark { line: 2, figure: Some("premium") });
        // Cut inside its code (`truncate`), with a whole mark after it.
        let head: String = m.chars().take(2).collect();
        assert_eq!(broken(&format!("{head}… middle\n{m}")).line, 1);
        // Reversed: its closing character comes first.
        assert_eq!(broken(&format!("x\n\n{}", m.chars().rev().collect::<String>())).line, 3);
        assert_eq!(broken(&format!("{m}{OPEN}")).figure, None);
    }
}
