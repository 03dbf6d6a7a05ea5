//! Stage four: Markdown to EDGAR HTML (reference section 4).
//!
//! pulldown-cmark parses; this module writes the HTML itself, because its stock writer emits
//! elements EDGAR refuses (`thead`, `tbody`, `del`) and raw non-ASCII bytes. What comes out
//! uses only EDGAR's allowed elements, inline `style` attributes, printable ASCII with every
//! other character as a numeric reference, and links only between documents of the set.

// Writing into a String cannot fail: the `let _ = write!(...)` below drop an `Ok(())`.
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diagnostics::{Diagnostic, Origin};

/// A block a template may align with raw HTML, each tag on a line of its own: its tags in the
/// Markdown and in the HTML. Any other raw HTML is refused.
struct AlignedBlock {
    aligned: Aligned,
    open: &'static str,
    close: &'static str,
    open_html: &'static str,
    close_html: &'static str,
}

/// `<center>` for the cover pages; `<div align="right">` for an exhibit legend at the top right,
/// as filed (EDGAR accepts no `align` on `<div>`, so the HTML says it in `style`).
const TEMPLATE_HTML: [AlignedBlock; 2] = [
    AlignedBlock {
        aligned: Aligned::Center,
        open: "<center>",
        close: "</center>",
        open_html: "<center>\n",
        close_html: "</center>\n",
    },
    AlignedBlock {
        aligned: Aligned::Right,
        open: "<div align=\"right\">",
        close: "</div>",
        open_html: "<div style=\"text-align: right\">\n",
        close_html: "</div>\n",
    },
];

/// The line by which a template asks for a page break: an HTML comment, so that the Markdown
/// shows nothing, on a line of its own between blocks.
pub const PAGE_BREAK: &str = "<!-- page-break -->";

/// A page break in EDGAR HTML: a light rule on screen, where the new page begins in print. The
/// break comes before the rule, not after it: a rule that no longer fits at the foot of a full
/// page would otherwise carry its break onto a page of its own and leave that page blank.
const PAGE_BREAK_HTML: &str = "<hr style=\"page-break-before: always; border: 0; border-top: 1px solid #999999; margin: 14pt 0 24pt 0\">\n";
/// A page break after a thematic break, as the cover page ends: the rule already parts the
/// pages on screen, so the break alone.
const BREAK_ONLY_HTML: &str = "<div style=\"page-break-before: always\"></div>\n";
/// A thematic break (`---`).
const RULE_HTML: &str = "<hr style=\"border: 0; border-top: 1px solid #000000; margin: 12pt 0\">\n";

const BODY_STYLE: &str = "font-family: 'Times New Roman', Times, serif; font-size: 12pt; line-height: 1.4; \
                          color: #000000; background-color: #ffffff; max-width: 6.5in; margin: 0.75in auto; padding: 0 0.25in";
pub const P_STYLE: &str = "margin: 0 0 10pt 0; text-align: justify";
const CENTER_P_STYLE: &str = "margin: 0 0 10pt 0; text-align: center";
const RIGHT_P_STYLE: &str = "margin: 0 0 10pt 0; text-align: right";
/// Tables as filings set them: no grid, a rule under the header row only, the cells padded.
const TABLE_STYLE: &str = "border-collapse: collapse; width: 100%; margin: 0 0 10pt 0";
const HEAD_CELL_STYLE: &str =
    "border-bottom: 1px solid #000000; padding: 2pt 6pt; vertical-align: bottom; font-weight: bold";
const CELL_STYLE: &str = "padding: 2pt 6pt; vertical-align: top";
/// A cell of one word (an exhibit number, a figure) is never broken across lines.
const NOWRAP: &str = "; white-space: nowrap";
/// An empty cell of the body after a filled one ("Signature", then the space), or in a row of
/// empty cells, is a space to fill in, as on a printed form: a line to write on. An empty cell
/// that opens a row with text (a table of contents' unnumbered entry) is only empty.
const BLANK: &str = "; border-bottom: 1px solid #000000; height: 18pt";
/// The space to fill in after a label takes the width the label leaves.
const BLANK_AFTER_LABEL: &str = "; border-bottom: 1px solid #000000; height: 18pt; width: 60%";

/// What keeps a rendered document from becoming valid EDGAR HTML, at the 1-based line of its
/// Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlError {
    /// A Markdown construct with no EDGAR form (a footnote, a task list, math), as
    /// pulldown-cmark names it.
    Unsupported { line: usize, construct: String },
    /// Raw HTML other than `TEMPLATE_HTML` written by a template.
    RawHtml { line: usize, html: String },
    /// [`PAGE_BREAK`] inside a paragraph, list or table rather than on a line of its own.
    InlinePageBreak { line: usize },
}

impl HtmlError {
    /// The line of the rendered Markdown where the document went wrong.
    pub fn line(&self) -> usize {
        match self {
            HtmlError::Unsupported { line, .. }
            | HtmlError::RawHtml { line, .. }
            | HtmlError::InlinePageBreak { line } => *line,
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
                "the template writes raw HTML `{}`; templates may use only {}, each on a line of its own, and `{PAGE_BREAK}` (values from the terms are always escaped)",
                crate::format::shortened(html),
                TEMPLATE_HTML
                    .iter()
                    .map(|b| format!("{} ... {}", b.open, b.close))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            HtmlError::InlinePageBreak { .. } => write!(
                f,
                "`{PAGE_BREAK}` must stand on a line of its own, with a blank line before and after it"
            ),
        }
    }
}

impl std::error::Error for HtmlError {}

/// An [`HtmlError`] before its line is known: the writer sees events, not lines.
enum Refusal {
    Unsupported(String),
    RawHtml(String),
    InlinePageBreak,
}

impl Refusal {
    fn at(self, line: usize) -> HtmlError {
        match self {
            Refusal::Unsupported(construct) => HtmlError::Unsupported { line, construct },
            Refusal::RawHtml(html) => HtmlError::RawHtml { line, html },
            Refusal::InlinePageBreak => HtmlError::InlinePageBreak { line },
        }
    }
}

/// The extensions the templates rely on: tables for the exhibit index, and nothing that
/// would read ordinary punctuation from the terms as markup.
pub(crate) fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Converts one rendered Markdown document to a complete EDGAR HTML page.
pub fn to_edgar_html(markdown: &str, title: &str) -> Result<String, HtmlError> {
    Ok(page(title, &body_and_blocks(markdown)?.0))
}

/// A block of the body (paragraph, heading, list item, table row, code block, quotation):
/// the bytes of the Markdown it was written from, and those of the body its HTML takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub markdown: Range<usize>,
    pub html: Range<usize>,
}

/// The body of the EDGAR HTML page of `markdown` (what [`to_edgar_html`] puts inside
/// `<body>`), and each block of it in the order its HTML begins; a block inside another (a
/// paragraph of a list item) comes after it. The preview places its notes by these.
pub fn body_and_blocks(markdown: &str) -> Result<(String, Vec<Block>), HtmlError> {
    let mut w = Writer::default();
    let mut blocks = Vec::new();
    // The blocks open, each with its index in `blocks`.
    let mut open = Vec::new();
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        let starts_block = matches!(
            &event,
            Event::Start(
                Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::Item
                    | Tag::TableHead
                    | Tag::TableRow
                    | Tag::CodeBlock(_)
                    | Tag::BlockQuote(_)
            )
        );
        let ends_block = matches!(
            &event,
            Event::End(
                TagEnd::Paragraph
                    | TagEnd::Heading(_)
                    | TagEnd::Item
                    | TagEnd::TableHead
                    | TagEnd::TableRow
                    | TagEnd::CodeBlock
                    | TagEnd::BlockQuote(_)
            )
        );
        if starts_block {
            // A page break asked for goes before the block, outside it.
            w.break_page();
            open.push(blocks.len());
            blocks.push(Block { markdown: range.clone(), html: w.out.len()..w.out.len() });
        }
        // Counting lines only on an error keeps the conversion linear in the document's length.
        w.event(event).map_err(|refusal| refusal.at(markdown[..range.start].matches('\n').count() + 1))?;
        if ends_block && let Some(i) = open.pop() {
            blocks[i].html.end = w.out.len();
        }
    }
    // A header row of empty cells is taken out again: it is no block of the body.
    blocks.retain(|b| b.html.start < b.html.end && b.html.end <= w.out.len());
    Ok((w.out, blocks))
}

/// A block a template aligns with raw HTML: its paragraphs take its alignment.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Aligned {
    Center,
    Right,
}

#[derive(Default)]
struct Writer {
    out: String,
    aligned: Vec<Aligned>,
    /// A page break asked for and not yet written: it is written before the next block, so
    /// that none opens the document, none ends it and two in a row make one.
    page_break: bool,
    table_alignments: Vec<Alignment>,
    cell: usize,
    in_table_head: bool,
    /// Where the header row of the table began, and whether any of its cells holds text: a
    /// header of empty cells (a table of contents) prints no row.
    head_start: usize,
    head_has_text: bool,
    /// The text of the open cell so far, and for each cell of the open row where its style
    /// attribute ends and its text: the style is finished when the row is.
    cell_text: String,
    row_cells: Vec<(usize, String)>,
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
        if self.in_table_head && !text.trim().is_empty() {
            self.head_has_text = true;
        }
        if !self.table_alignments.is_empty() {
            self.cell_text.push_str(text);
        }
        escape_text(&mut self.out, text);
    }

    /// Writes the page break asked for, if any, before a block that follows it.
    fn break_page(&mut self) {
        if !std::mem::take(&mut self.page_break) || self.out.trim().is_empty() {
            return;
        }
        let html = if self.out.ends_with(RULE_HTML) { BREAK_ONLY_HTML } else { PAGE_BREAK_HTML };
        self.out.push_str(html);
    }

    fn event(&mut self, event: Event) -> Result<(), Refusal> {
        match &event {
            Event::Start(Tag::HtmlBlock) | Event::End(_) => {}
            Event::Html(html) | Event::InlineHtml(html) if is_comment(html) => {}
            _ => self.break_page(),
        }
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
            Event::Rule => self.out.push_str(RULE_HTML),
            Event::Html(html) => self.raw_html(&html)?,
            Event::InlineHtml(html) if html.trim() == PAGE_BREAK => return Err(Refusal::InlinePageBreak),
            Event::InlineHtml(html) => self.raw_html(&html)?,
            other => return Err(Refusal::Unsupported(format!("{other:?}"))),
        }
        Ok(())
    }

    /// Raw HTML of a block: a page break, a comment, or one of [`TEMPLATE_HTML`] a line.
    fn raw_html(&mut self, html: &str) -> Result<(), Refusal> {
        let html = html.trim();
        if html == PAGE_BREAK {
            self.page_break = true;
            return Ok(());
        }
        // Comments are notes for whoever reads the Markdown; the filing does not carry them.
        if is_comment(html) {
            return Ok(());
        }
        for line in html.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(block) = TEMPLATE_HTML.iter().find(|b| b.open == line) {
                self.aligned.push(block.aligned);
                self.out.push_str(block.open_html);
            } else if let Some(block) =
                TEMPLATE_HTML.iter().find(|b| b.close == line && self.aligned.last() == Some(&b.aligned))
            {
                // Each closing tag closes the block it opened, no other.
                self.aligned.pop();
                self.out.push_str(block.close_html);
            } else {
                return Err(Refusal::RawHtml(line.to_owned()));
            }
        }
        Ok(())
    }

    fn start(&mut self, tag: Tag) -> Result<(), Refusal> {
        match tag {
            Tag::Paragraph => {
                let style = match self.aligned.last() {
                    Some(Aligned::Center) => CENTER_P_STYLE,
                    Some(Aligned::Right) => RIGHT_P_STYLE,
                    None => P_STYLE,
                };
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
                self.head_start = self.out.len();
                self.head_has_text = false;
                self.cell = 0;
                self.out.push_str("<tr>\n");
            }
            Tag::TableRow => {
                self.cell = 0;
                self.out.push_str("<tr>\n");
            }
            Tag::TableCell => {
                let (element, style) =
                    if self.in_table_head { ("th", HEAD_CELL_STYLE) } else { ("td", CELL_STYLE) };
                let align = match self.table_alignments.get(self.cell) {
                    Some(Alignment::Center) => "center",
                    Some(Alignment::Right) => "right",
                    _ => "left",
                };
                let _ = write!(self.out, "<{element} align=\"{align}\" style=\"{style}");
                self.row_cells.push((self.out.len(), String::new()));
                self.cell_text.clear();
                self.out.push_str("\">");
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

    /// Finishes the style of each cell of the row just written: a word that must not break, or
    /// a space to fill in.
    fn finish_row(&mut self) {
        let cells = std::mem::take(&mut self.row_cells);
        let row_blank = cells.iter().all(|(_, text)| text.is_empty());
        let mut filled_before = false;
        let mut extras = Vec::with_capacity(cells.len());
        for (at, text) in &cells {
            let extra = if text.is_empty() {
                match (self.in_table_head, filled_before, row_blank) {
                    (false, true, _) => BLANK_AFTER_LABEL,
                    (false, false, true) => BLANK,
                    _ => "",
                }
            } else if text.contains(char::is_whitespace) {
                ""
            } else {
                NOWRAP
            };
            filled_before |= !text.is_empty();
            extras.push((*at, extra));
        }
        // From the last cell back, so that each insertion leaves the earlier offsets good.
        for (at, extra) in extras.into_iter().rev() {
            self.out.insert_str(at, extra);
        }
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
            TagEnd::Table => {
                self.table_alignments.clear();
                self.out.push_str("</table>\n");
            }
            TagEnd::TableHead => {
                self.finish_row();
                self.in_table_head = false;
                if self.head_has_text {
                    self.out.push_str("</tr>\n");
                } else {
                    self.out.truncate(self.head_start);
                }
            }
            TagEnd::TableRow => {
                self.finish_row();
                self.out.push_str("</tr>\n");
            }
            TagEnd::TableCell => {
                if let Some((_, text)) = self.row_cells.last_mut() {
                    text.push_str(self.cell_text.trim());
                }
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

/// Whether raw HTML is a comment, which the filing does not carry.
fn is_comment(html: &str) -> bool {
    let html = html.trim();
    html.starts_with("<!--") && html.ends_with("-->")
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
    fn tables_are_set_as_filed_with_a_rule_under_the_header_only() {
        let html = body("| Name | Shares held |\n|:---|---:|\n| A. Holder | 1,250,000 |\n");
        assert_eq!(
            html,
            format!(
                "<table style=\"{TABLE_STYLE}\" cellspacing=\"0\" cellpadding=\"0\">\n<tr>\n\
                 <th align=\"left\" style=\"{HEAD_CELL_STYLE}{NOWRAP}\">Name</th>\n\
                 <th align=\"right\" style=\"{HEAD_CELL_STYLE}\">Shares held</th>\n</tr>\n<tr>\n\
                 <td align=\"left\" style=\"{CELL_STYLE}\">A. Holder</td>\n\
                 <td align=\"right\" style=\"{CELL_STYLE}{NOWRAP}\">1,250,000</td>\n</tr>\n</table>"
            )
        );
        assert!(!html.contains("border: 1px"), "no cell is boxed: {html}");
    }

    #[test]
    fn a_header_of_empty_cells_prints_no_row_and_empty_cells_are_spaces_to_fill_in() {
        // A table of contents: no header, no line under its unnumbered entries.
        let toc = body("| | |\n|---:|:---|\n| | [THE OFFER](#the-offer) |\n| 1. | [Terms](#section-1) |\n");
        assert!(!toc.contains("<th"), "{toc}");
        assert!(!toc.contains("border-bottom"), "{toc}");
        assert!(
            toc.contains(&format!("<td align=\"right\" style=\"{CELL_STYLE}{NOWRAP}\">1.</td>")),
            "{toc}"
        );
        // A form: the space after a label, and a row of empty cells, are lines to write on.
        let form = body("| | |\n|:---|:---|\n| Signature | |\n");
        assert!(
            form.contains(&format!("<td align=\"left\" style=\"{CELL_STYLE}{BLANK_AFTER_LABEL}\"></td>")),
            "{form}"
        );
        let row = body("| First | Second |\n|:---|:---|\n| | |\n");
        assert_eq!(row.matches(&format!("style=\"{CELL_STYLE}{BLANK}\"")).count(), 2, "{row}");
    }

    #[test]
    fn a_page_break_line_breaks_the_page_once_between_blocks() {
        assert_eq!(
            body(&format!("A\n\n{PAGE_BREAK}\n\n## B\n")),
            format!(
                "<p style=\"{P_STYLE}\">A</p>\n{}<h2 style=\"font-size: 13pt; font-weight: bold; text-align: center; margin: 12pt 0 10pt 0\">B</h2>",
                PAGE_BREAK_HTML
            )
        );
        // None opens or ends a document; two in a row, or with a comment between, are one.
        let html = body(&format!(
            "{PAGE_BREAK}\n\nA\n\n{PAGE_BREAK}\n\n<!-- x -->\n\n{PAGE_BREAK}\n\nB\n\n{PAGE_BREAK}\n"
        ));
        assert_eq!(html.matches("page-break").count(), 1, "{html}");
        assert!(html.find("page-break").unwrap() > html.find(">A<").unwrap());
        // After a thematic break (the cover page's last rule) the break alone, with no second rule.
        let html = body(&format!("A\n\n---\n\n{PAGE_BREAK}\n\n<center>\n\nB\n\n</center>\n"));
        assert!(html.contains(&format!("{RULE_HTML}{BREAK_ONLY_HTML}<center>")), "{html}");
        // EDGAR's checker accepts what it writes: `style` on <hr> and <div>.
        assert!(PAGE_BREAK_HTML.starts_with("<hr style=\"page-break-before: always;"));
    }

    #[test]
    fn each_block_names_its_markdown_and_its_html() {
        let markdown = format!(
            "# Title\n\nA paragraph\nof two lines.\n\n{PAGE_BREAK}\n\n- one\n- two\n\n| | |\n|---|---|\n| a | b |\n"
        );
        let (out, blocks) = body_and_blocks(&markdown).unwrap();
        assert_eq!(to_edgar_html(&markdown, "T").unwrap(), page("T", &out));
        let shown: Vec<(&str, &str)> =
            blocks.iter().map(|b| (markdown[b.markdown.clone()].trim_end(), &out[b.html.clone()])).collect();
        // The header of empty cells, which prints no row, is no block; the page break is
        // before the list, outside its block.
        assert_eq!(shown.len(), 5, "{shown:#?}");
        assert_eq!(shown[0].0, "# Title");
        assert!(shown[0].1.starts_with("<h1") && shown[0].1.ends_with("</h1>\n"));
        assert_eq!(shown[1].0, "A paragraph\nof two lines.");
        assert!(shown[1].1.starts_with("<p ") && shown[1].1.ends_with("of two lines.</p>\n"));
        assert_eq!(shown[2].0, "- one");
        assert!(shown[2].1.starts_with("<li") && shown[2].1.ends_with("one</li>\n"));
        assert_eq!(shown[3].0, "- two");
        assert!(
            out[..blocks[2].html.start]
                .ends_with(&format!("{PAGE_BREAK_HTML}<ul style=\"margin: 0 0 10pt 0\">\n"))
        );
        assert_eq!(shown[4].0, "| a | b |");
        assert!(
            shown[4].1.starts_with("<tr>\n<td") && shown[4].1.ends_with("</td>\n</tr>\n"),
            "{}",
            shown[4].1
        );
    }

    #[test]
    fn a_page_break_inside_a_paragraph_is_refused_at_its_line() {
        let error = to_edgar_html(&format!("# T\n\ntext {PAGE_BREAK} more\n"), "T").unwrap_err();
        assert_eq!(error, HtmlError::InlinePageBreak { line: 3 });
        assert!(error.to_string().contains("must stand on a line of its own"), "{error}");
    }

    #[test]
    fn a_right_aligned_block_sets_the_exhibit_legend_at_the_top_right() {
        assert_eq!(
            body("<div align=\"right\">\n\n**Exhibit (a)(1)(A)**\n\n</div>\n\nText\n"),
            format!(
                "<div style=\"text-align: right\">\n<p style=\"{RIGHT_P_STYLE}\"><b>Exhibit (a)(1)(A)</b></p>\n</div>\n\
                 <p style=\"{P_STYLE}\">Text</p>"
            )
        );
        // Each closing tag closes the block it opened, no other.
        assert!(to_edgar_html("<center>\n\nA\n\n</div>\n", "T").is_err());
        assert!(to_edgar_html("<div align=\"left\">\n\nA\n\n</div>\n", "T").is_err());
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
            "the template writes raw HTML `<div>x</div>`; templates may use only <center> ... </center> and \
             <div align=\"right\"> ... </div>, each on a line of its own, and `<!-- page-break -->` (values from \
             the terms are always escaped)"
        );
        let report = error.in_document("press-release.md", "# T\n\ntext\n\n<div>x</div>\n");
        assert_eq!(
            report.to_string(),
            format!("press-release.md (as rendered):5:1: press-release.md cannot become EDGAR HTML: {error}")
        );
    }
}
