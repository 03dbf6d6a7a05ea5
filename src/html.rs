//! Stage four: Markdown to EDGAR HTML (reference section 4).
//!
//! pulldown-cmark parses; this module writes the HTML itself, because its stock writer emits
//! elements EDGAR refuses (`thead`, `tbody`, `del`) and raw non-ASCII bytes. What comes out
//! uses only EDGAR's allowed elements, inline `style` attributes, printable ASCII with every
//! other character as a numeric reference, and links only between documents of the set.

// Writing into a String cannot fail: the `let _ = write!(...)` below drop an `Ok(())`.
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diagnostics::{Diagnostic, Origin};

/// Raw HTML a template may use in its Markdown; everything else is refused.
const TEMPLATE_HTML: &[&str] = &["<center>", "</center>"];

const BODY_STYLE: &str = "font-family: 'Times New Roman', Times, serif; font-size: 12pt; line-height: 1.4; \
                          color: #000000; background-color: #ffffff; max-width: 6.5in; margin: 0.75in auto; padding: 0 0.25in";
pub const P_STYLE: &str = "margin: 0 0 10pt 0; text-align: justify";
const CENTER_P_STYLE: &str = "margin: 0 0 10pt 0; text-align: center";
const TABLE_STYLE: &str = "border-collapse: collapse; width: 100%; margin: 0 0 10pt 0";
const CELL_STYLE: &str = "border: 1px solid #000000; padding: 3pt 6pt; vertical-align: top";

/// What keeps a rendered document from becoming valid EDGAR HTML, at the 1-based line of its
/// Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlError {
    /// A Markdown construct with no EDGAR form (a footnote, a task list, math), as
    /// pulldown-cmark names it.
    Unsupported { line: usize, construct: String },
    /// Raw HTML other than [`TEMPLATE_HTML`] written by a template.
    RawHtml { line: usize, html: String },
}

impl HtmlError {
    /// The line of the rendered Markdown where the document went wrong.
    pub fn line(&self) -> usize {
        match self {
            HtmlError::Unsupported { line, .. } | HtmlError::RawHtml { line, .. } => *line,
        }
    }
}

impl HtmlError {
    /// The located report for the document `name`, whose rendered Markdown is `markdown`.
    pub fn in_document(&self, name: &str, markdown: &str) -> Diagnostic {
        let rendered = format!("{name} (as rendered)");
        Diagnostic::new(format!("{name} cannot become EDGAR HTML: {self}")).at(Origin::new(
            Path::new(&rendered),
            Arc::from(markdown),
            self.line(),
            1,
        ))
    }
}

impl std::fmt::Display for HtmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            HtmlError::Unsupported { construct, .. } => {
                write!(f, "unsupported Markdown construct {construct}")
            }
            HtmlError::RawHtml { html, .. } => write!(
                f,
                "the template writes raw HTML `{html}`; templates may use only {} (values from the terms are always escaped)",
                TEMPLATE_HTML.join(" and ")
            ),
        }
    }
}

impl std::error::Error for HtmlError {}

/// An [`HtmlError`] before its line is known: the writer sees events, not lines.
enum Refusal {
    Unsupported(String),
    RawHtml(String),
}

impl Refusal {
    fn at(self, line: usize) -> HtmlError {
        match self {
            Refusal::Unsupported(construct) => HtmlError::Unsupported { line, construct },
            Refusal::RawHtml(html) => HtmlError::RawHtml { line, html },
        }
    }
}

/// The extensions the templates rely on: tables for the exhibit index, and nothing that
/// would read ordinary punctuation from the terms as markup.
fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Converts one rendered Markdown document to a complete EDGAR HTML page.
pub fn to_edgar_html(markdown: &str, title: &str) -> Result<String, HtmlError> {
    let mut w = Writer::default();
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        // Counting lines only on an error keeps the conversion linear in the document's length.
        w.event(event).map_err(|refusal| refusal.at(markdown[..range.start].matches('\n').count() + 1))?;
    }
    Ok(page(title, &w.out))
}

#[derive(Default)]
struct Writer {
    out: String,
    centered: usize,
    table_alignments: Vec<Alignment>,
    cell: usize,
    in_table_head: bool,
    /// Link targets that were dropped (not to a document of the set): their closing tag too.
    dropped_links: Vec<bool>,
}

/// Text as EDGAR HTML: markup characters escaped, everything outside printable ASCII as a
/// numeric character reference.
pub fn escape_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' => out.push(c),
            c if (' '..='~').contains(&c) => out.push(c),
            c => {
                let _ = write!(out, "&#{};", c as u32);
            }
        }
    }
}

/// The page around a body: EDGAR's elements, a printable serif layout.
pub fn page(title: &str, body: &str) -> String {
    let mut out = String::from("<html>\n<head>\n<title>");
    escape_text(&mut out, title);
    out.push_str("</title>\n</head>\n");
    let _ = writeln!(out, "<body style=\"{BODY_STYLE}\">");
    out.push_str(body);
    out.push_str("</body>\n</html>\n");
    out
}

impl Writer {
    fn text(&mut self, text: &str) {
        escape_text(&mut self.out, text);
    }

    fn event(&mut self, event: Event) -> Result<(), Refusal> {
        match event {
            Event::Start(tag) => self.start(tag)?,
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(code) => {
                self.out.push_str("<tt>");
                self.text(&code);
                self.out.push_str("</tt>");
            }
            Event::SoftBreak => self.out.push('\n'),
            Event::HardBreak => self.out.push_str("<br>\n"),
            Event::Rule => {
                self.out.push_str("<hr style=\"border: 0; border-top: 1px solid #000000; margin: 12pt 0\">\n")
            }
            Event::Html(html) | Event::InlineHtml(html) => self.raw_html(&html)?,
            other => return Err(Refusal::Unsupported(format!("{other:?}"))),
        }
        Ok(())
    }

    fn raw_html(&mut self, html: &str) -> Result<(), Refusal> {
        let html = html.trim();
        // Comments are notes for whoever reads the Markdown; the filing does not carry them.
        if html.starts_with("<!--") && html.ends_with("-->") {
            return Ok(());
        }
        for line in html.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match line {
                "<center>" => {
                    self.centered += 1;
                    self.out.push_str("<center>\n");
                }
                "</center>" => {
                    self.centered = self.centered.saturating_sub(1);
                    self.out.push_str("</center>\n");
                }
                other => return Err(Refusal::RawHtml(other.to_owned())),
            }
        }
        Ok(())
    }

    fn start(&mut self, tag: Tag) -> Result<(), Refusal> {
        match tag {
            Tag::Paragraph => {
                let style = if self.centered > 0 { CENTER_P_STYLE } else { P_STYLE };
                let _ = write!(self.out, "<p style=\"{style}\">");
            }
            Tag::Heading { level, id, .. } => {
                let (n, size) = match level {
                    HeadingLevel::H1 => (1, "14pt"),
                    HeadingLevel::H2 => (2, "13pt"),
                    HeadingLevel::H3 => (3, "12pt"),
                    HeadingLevel::H4 => (4, "12pt"),
                    HeadingLevel::H5 => (5, "12pt"),
                    HeadingLevel::H6 => (6, "12pt"),
                };
                let align = if n <= 2 { "center" } else { "left" };
                let _ = write!(self.out, "<h{n}");
                if let Some(id) = id {
                    self.out.push_str(" id=\"");
                    self.text(&id);
                    self.out.push('"');
                }
                let _ = write!(
                    self.out,
                    " style=\"font-size: {size}; font-weight: bold; text-align: {align}; margin: 12pt 0 10pt 0\">"
                );
            }
            // Its content arrives as `Event::Html` and is checked there.
            Tag::HtmlBlock => {}
            Tag::BlockQuote(_) => self.out.push_str("<blockquote>\n"),
            Tag::CodeBlock(_) => self.out.push_str("<pre>"),
            // EDGAR accepts no `start` attribute: an ordered list always counts from 1.
            Tag::List(Some(_)) => self.out.push_str("<ol style=\"margin: 0 0 10pt 0\">\n"),
            Tag::List(None) => self.out.push_str("<ul style=\"margin: 0 0 10pt 0\">\n"),
            Tag::Item => self.out.push_str("<li style=\"margin: 0 0 6pt 0; text-align: justify\">"),
            Tag::Table(alignments) => {
                self.table_alignments = alignments;
                let _ =
                    writeln!(self.out, "<table style=\"{TABLE_STYLE}\" cellspacing=\"0\" cellpadding=\"0\">");
            }
            Tag::TableHead => {
                self.in_table_head = true;
                self.cell = 0;
                self.out.push_str("<tr>\n");
            }
            Tag::TableRow => {
                self.cell = 0;
                self.out.push_str("<tr>\n");
            }
            Tag::TableCell => {
                let element = if self.in_table_head { "th" } else { "td" };
                let align = match self.table_alignments.get(self.cell) {
                    Some(Alignment::Center) => "center",
                    Some(Alignment::Right) => "right",
                    _ => "left",
                };
                let _ = write!(self.out, "<{element} align=\"{align}\" style=\"{CELL_STYLE}\">");
            }
            Tag::Emphasis => self.out.push_str("<i>"),
            Tag::Strong => self.out.push_str("<b>"),
            Tag::Link { dest_url, .. } => match link_target(&dest_url) {
                Some(href) => {
                    self.dropped_links.push(false);
                    self.out.push_str("<a href=\"");
                    self.text(&href);
                    self.out.push_str("\">");
                }
                None => self.dropped_links.push(true),
            },
            other => return Err(Refusal::Unsupported(format!("{other:?}"))),
        }
        Ok(())
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.out.push_str("</p>\n"),
            TagEnd::Heading(level) => {
                let n = level as usize;
                let _ = writeln!(self.out, "</h{n}>");
            }
            TagEnd::BlockQuote(_) => self.out.push_str("</blockquote>\n"),
            TagEnd::CodeBlock => self.out.push_str("</pre>\n"),
            TagEnd::List(true) => self.out.push_str("</ol>\n"),
            TagEnd::List(false) => self.out.push_str("</ul>\n"),
            TagEnd::Item => self.out.push_str("</li>\n"),
            TagEnd::Table => self.out.push_str("</table>\n"),
            TagEnd::TableHead => {
                self.in_table_head = false;
                self.out.push_str("</tr>\n");
            }
            TagEnd::TableRow => self.out.push_str("</tr>\n"),
            TagEnd::TableCell => {
                let element = if self.in_table_head { "th" } else { "td" };
                let _ = writeln!(self.out, "</{element}>");
                self.cell += 1;
            }
            TagEnd::Emphasis => self.out.push_str("</i>"),
            TagEnd::Strong => self.out.push_str("</b>"),
            TagEnd::Link if !self.dropped_links.pop().unwrap_or(true) => self.out.push_str("</a>"),
            _ => {}
        }
    }
}

/// The `href` for a link in the HTML: another document of the set (`press-release.md`
/// becomes `press-release.htm`), or an EDGAR archive address. Anything else is printed as
/// plain text, since EDGAR refuses links that leave the submission.
fn link_target(url: &str) -> Option<String> {
    if url.starts_with("https://www.sec.gov/Archives/edgar/data/") {
        return Some(url.to_owned());
    }
    let (path, fragment) = url.split_once('#').map_or((url, None), |(p, f)| (p, Some(f)));
    let local = !path.contains(':') && !path.contains('/') && !path.starts_with('.');
    if !local {
        return None;
    }
    let path = match path.strip_suffix(".md") {
        Some(stem) => format!("{stem}.htm"),
        None => path.to_owned(),
    };
    Some(match fragment {
        Some(f) => format!("{path}#{f}"),
        None => path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(markdown: &str) -> String {
        let html = to_edgar_html(markdown, "T").unwrap();
        let start = html.find('>').map(|_| html.find("<body").unwrap()).unwrap();
        let open_end = html[start..].find('>').unwrap() + start + 1;
        html[open_end..html.find("</body>").unwrap()].trim().to_owned()
    }

    #[test]
    fn writes_only_ascii_with_numeric_references() {
        let html = to_edgar_html("\u{201c}**Offer**\u{201d} \u{2612} caf\u{e9} \u{2013}", "Title \u{2014} x")
            .unwrap();
        assert!(html.is_ascii());
        assert!(html.contains("&#8220;<b>Offer</b>&#8221; &#9746; caf&#233; &#8211;"), "{html}");
        assert!(html.contains("<title>Title &#8212; x</title>"));
    }

    #[test]
    fn escaped_markdown_prints_literally() {
        assert_eq!(
            body(r"Smith & \<Sons> \*Holdings\* {{ x }} \[x\](javascript:alert(1))"),
            format!(
                "<p style=\"{P_STYLE}\">Smith &amp; &lt;Sons&gt; *Holdings* {{{{ x }}}} [x](javascript:alert(1))</p>"
            )
        );
    }

    #[test]
    fn tables_have_no_thead_or_tbody() {
        let html = body("| A | B |\n|---|---|\n| 1 | 2 |\n");
        assert!(!html.contains("thead") && !html.contains("tbody"), "{html}");
        assert!(html.contains("<th align=\"left\""));
        assert!(html.contains("<td align=\"left\""));
    }

    #[test]
    fn links_stay_inside_the_submission() {
        assert!(body("[release](press-release.md)").contains("<a href=\"press-release.htm\">release</a>"));
        assert_eq!(body("[site](http://example.com)"), format!("<p style=\"{P_STYLE}\">site</p>"));
        assert!(body("<center>\n\nA\n\n</center>\n").contains("<center>"));
        assert!(to_edgar_html("<script>alert(1)</script>", "T").is_err());
        assert!(to_edgar_html("a <span>b</span>", "T").is_err());
    }

    #[test]
    fn a_refusal_names_its_line_and_what_was_written() {
        let error = to_edgar_html("# T\n\ntext\n\n<div>x</div>\n", "T").unwrap_err();
        assert_eq!(error, HtmlError::RawHtml { line: 5, html: "<div>x</div>".into() });
        assert_eq!(
            error.to_string(),
            "the template writes raw HTML `<div>x</div>`; templates may use only <center> and </center> \
             (values from the terms are always escaped)"
        );
        let report = error.in_document("press-release.md", "# T\n\ntext\n\n<div>x</div>\n");
        assert_eq!(
            report.to_string(),
            format!("press-release.md (as rendered):5:1: press-release.md cannot become EDGAR HTML: {error}")
        );
    }
}
