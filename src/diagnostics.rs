//! The one error type of secdraft: a message, where it happened (file, line, column, and
//! for terms the field path), and what to do about it, rendered rustc-style with a snippet.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// A place in a source file: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub source: Arc<str>,
    pub line: usize,
    pub column: usize,
}

impl Origin {
    pub fn new(file: &Path, source: Arc<str>, line: usize, column: usize) -> Origin {
        Origin { file: display_path(file), source, line: line.max(1), column: column.max(1) }
    }
}

/// How a path is shown in messages: as given, with `/` separators on every platform.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    pub field: Option<String>,
    pub origin: Option<Box<Origin>>,
    pub label: Option<String>,
    pub help: Vec<String>,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>) -> Diagnostic {
        Diagnostic { message: message.into(), field: None, origin: None, label: None, help: Vec::new() }
    }
    pub fn field(mut self, path: impl Into<String>) -> Diagnostic {
        self.field = Some(path.into());
        self
    }
    pub fn at(mut self, origin: Origin) -> Diagnostic {
        self.origin = Some(Box::new(origin));
        self
    }
    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help.push(help.into());
        self
    }

    /// The first line of the report: `error: offer.max_shares: expected ..., found ...`.
    pub fn headline(&self) -> String {
        match &self.field {
            Some(field) => format!("{field}: {}", self.message),
            None => self.message.clone(),
        }
    }

    /// `file:line:column`, when the error has a place.
    pub fn location(&self) -> Option<String> {
        self.origin.as_ref().map(|o| format!("{}:{}:{}", o.file, o.line, o.column))
    }

    /// The full report, with a source snippet; coloured when `colour` is set.
    pub fn render(&self, colour: bool) -> String {
        // A file's name is the user's, and may hold an escape sequence that would drive the
        // terminal: control characters are shown as their symbols (ESC as `␛`), as in snippets.
        let shown = annotate_snippets::normalize_untrusted_str;
        if self.origin.is_none() {
            // Nothing to quote: the message and its help, without an empty snippet gutter.
            let mut out = format!("error: {}\n", shown(&self.headline()));
            for help in &self.help {
                out.push_str(&format!("  = help: {}\n", shown(help)));
            }
            return out;
        }
        let renderer = if colour { Renderer::styled() } else { Renderer::plain() };
        let headline = shown(&self.headline());
        let help: Vec<String> = self.help.iter().map(|h| shown(h)).collect();
        let mut group = Group::with_title(Level::ERROR.primary_title(headline.as_str()));
        let excerpt;
        let file;
        if let Some(origin) = &self.origin {
            excerpt = Excerpt::around(origin);
            file = shown(&origin.file).replace('\n', "\u{240a}");
            let label = self.label.as_deref().unwrap_or("");
            group = group.element(
                Snippet::source(excerpt.text.as_str())
                    .line_start(excerpt.first_line)
                    .path(file.as_str())
                    .annotation(AnnotationKind::Primary.span(excerpt.span.clone()).label(label)),
            );
        }
        for help in &help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        renderer.render(&[group])
    }

    /// Renders for standard error, coloured only on a terminal that accepts colour.
    pub fn render_for_stderr(&self) -> String {
        self.render(crate::console::stderr_colours())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.location() {
            Some(location) => write!(f, "{location}: {}", self.headline()),
            None => f.write_str(&self.headline()),
        }
    }
}

impl std::error::Error for Diagnostic {}

/// The lines around a place, cut out so that a large file is never copied whole into a report.
struct Excerpt {
    text: String,
    first_line: usize,
    span: std::ops::Range<usize>,
}

impl Excerpt {
    fn around(origin: &Origin) -> Excerpt {
        let lines = yaml_lines(&origin.source);
        let index = (origin.line - 1).min(lines.len().saturating_sub(1));
        let first = index.saturating_sub(1);
        let mut text = String::new();
        let mut span_start = 0;
        for (i, line) in lines.iter().enumerate().take(index + 1).skip(first) {
            if i == index {
                span_start = text.len()
                    + line.char_indices().nth(origin.column - 1).map_or(line.len(), |(byte, _)| byte);
            }
            text.push_str(line);
            text.push('\n');
        }
        let line_end = text.len() - 1;
        let rest = &text[span_start.min(line_end)..line_end];
        let token = rest.split(" #").next().unwrap_or("").trim_end();
        let end = span_start + token.len().max(1);
        let span = span_start.min(line_end)..end.min(text.len());
        Excerpt { text, first_line: first + 1, span }
    }
}

/// The lines of a text as YAML counts them: a line ends at `\r\n`, `\n` or a lone `\r`, so that
/// a file saved with CR-only line endings is quoted at the line its errors name. Every count
/// of lines in secdraft's messages goes through here, so that they all agree with the parser.
fn yaml_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(end) = rest.find(['\r', '\n']) {
        lines.push(&rest[..end]);
        let break_len = if rest[end..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[end + break_len..];
    }
    lines.push(rest);
    lines
}

/// The line and column (both from 1; the column in characters) of the byte `offset` of
/// `text`, lines counted as YAML counts them (see `yaml_lines`). An offset past the end or
/// inside a character is taken back to the last character boundary before it.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let lines = yaml_lines(&text[..at]);
    let column = lines.last().map_or(0, |line| line.chars().count()) + 1;
    (lines.len(), column)
}

/// The accepted name nearest to what was written, when one is plausibly meant.
pub fn closest_name<'a>(written: &str, accepted: &[&'a str]) -> Option<&'a str> {
    accepted
        .iter()
        .map(|name| (strsim::jaro_winkler(&written.to_lowercase(), &name.to_lowercase()), *name))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_counted_as_yaml_counts_them() {
        for text in ["a: 1\nb: x\n", "a: 1\r\nb: x\r\n", "a: 1\rb: x\r"] {
            let at = text.find('x').unwrap();
            assert_eq!(line_and_column(text, at), (2, 4), "{text:?}");
            assert_eq!(line_and_column(text, 0), (1, 1), "{text:?}");
            assert_eq!(line_and_column(text, text.len()), (3, 1), "{text:?}");
        }
        assert_eq!(line_and_column("é\r€x", "é\r€".len()), (2, 2));
    }

    #[test]
    fn quotes_the_named_line_whatever_the_line_endings() {
        for text in ["a: 1\nb: x\nc: 3\n", "a: 1\r\nb: x\r\nc: 3\r\n", "a: 1\rb: x\rc: 3\r"] {
            let d = Diagnostic::new("bad").at(Origin::new(Path::new("t.yaml"), Arc::from(text), 2, 4));
            let report = d.render(false);
            assert!(report.contains("2 | b: x"), "{text:?}: {report}");
            assert!(!report.contains("c: 3"), "{text:?}: {report}");
        }
    }

    #[test]
    fn renders_field_path_location_and_snippet() {
        let source: Arc<str> = Arc::from("offer:\n  max_shares: sixty million\n");
        let d = Diagnostic::new("expected a whole number of shares, found `sixty million`")
            .field("offer.max_shares")
            .at(Origin::new(Path::new("terms.yaml"), source, 2, 15))
            .label("not a number")
            .help("write the count in digits: 60000000");
        let text = d.render(false);
        assert!(text.starts_with("error: offer.max_shares: expected a whole number"), "{text}");
        assert!(text.contains("terms.yaml:2:15"), "{text}");
        assert!(text.contains("max_shares: sixty million"), "{text}");
        assert!(text.contains("^^^^^^^^^^^^^ not a number"), "{text}");
        assert!(text.contains("help: write the count in digits"), "{text}");
        assert_eq!(
            d.to_string(),
            "terms.yaml:2:15: offer.max_shares: expected a whole number of shares, found `sixty million`"
        );
    }
}
