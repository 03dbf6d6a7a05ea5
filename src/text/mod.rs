//! Documents as text: the format a document is written in, its readable text with every
//! character traced to where it stood in the source ([`TextView`]), and where a byte of it is
//! as line and column ([`LineIndex`]). `check`, `diff` and the tie-out read documents
//! through these.

mod lines;
mod view;

pub use lines::LineIndex;
pub use view::TextView;

/// How a document is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Text,
}

impl Format {
    /// The format of a file by its extension; `None` for files the checks do not read.
    pub fn of(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".md") {
            Some(Format::Markdown)
        } else if lower.ends_with(".htm") || lower.ends_with(".html") {
            Some(Format::Html)
        } else if lower.ends_with(".txt") {
            Some(Format::Text)
        } else {
            None
        }
    }
}

/// A document's readable text: Markdown without markup, HTML without tags, one paragraph a
/// line (blank lines between).
pub fn plain_text(source: &str, format: Format) -> String {
    TextView::new(source, format).text
}
