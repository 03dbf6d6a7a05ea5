//! The annotated preview of a document: its EDGAR HTML body as `render` writes it, in which
//! every computed figure shows, on hover, focus or click, its name, formula, inputs (each
//! terms field with its file and line) and every place the set prints it, from the tie-out
//! ([`crate::tieout::trace`]) and the ledger of printed figures; and each `check` finding (in
//! draft mode) stands beside the block (paragraph, heading, list item, table row) whose text
//! it is about.
//!
//! A pure function of a rendered set: nothing is written, and the files of the set are not
//! touched. The figures are placed by the ledger's offsets in the Markdown: the preview renders
//! the document's Markdown again with each printed figure between private-use characters,
//! which the HTML stage passes through as numeric references and which become the figure's
//! `<span>` here; the blocks are placed by the Markdown lines the HTML stage reports for each
//! ([`html::body_and_blocks`]). Were the marks to change the HTML other than by their own
//! characters, the figures are left unmarked rather than shown wrong.
//!
//! The server that shows the page puts [`STYLE`] and [`SCRIPT`] in its head.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::check::{self, Finding, Severity};
use crate::diagnostics::Diagnostic;
use crate::figures;
use crate::html::{self, Block, escape_text};
use crate::output::{self, OutputFile};
use crate::pipeline::RenderedSet;
use crate::render::{Era, Printed};
use crate::tieout::{self, FigureTrace};

/// The styles of the annotations: figures tinted, popovers boxed, findings in the margin.
pub const STYLE: &str = r#"
.sd-figure { background-color: #fff4c2; border-bottom: 1px dotted #8a6d00; cursor: help; }
.sd-figure:focus, .sd-figure.sd-pinned { outline: 2px solid #8a6d00; }
.sd-pops .sd-pop { display: none; position: absolute; z-index: 10; max-width: 30em; padding: 6pt 8pt;
  background: #ffffff; border: 1px solid #555555; box-shadow: 0 2px 6px rgba(0,0,0,0.3);
  font: 10pt/1.35 system-ui, sans-serif; text-align: left; color: #000000; }
.sd-pops .sd-pop.sd-shown { display: block; }
.sd-pop-title { font-weight: bold; margin-bottom: 3pt; }
.sd-pop ul { margin: 2pt 0 4pt 1.2em; padding: 0; }
.sd-pop .sd-at, .sd-note .sd-at { color: #555555; font-family: monospace; }
.sd-pop .sd-here { font-style: italic; }
.sd-flagged { box-shadow: -6pt 0 0 -3pt #d08700; }
.sd-flagged.sd-error { box-shadow: -6pt 0 0 -3pt #c00000; }
.sd-note { font: 9.5pt/1.3 system-ui, sans-serif; margin: -6pt 0 10pt 0; padding: 3pt 6pt;
  border-left: 3px solid #d08700; background: #fff8ec; text-align: left; }
.sd-note.sd-error { border-left-color: #c00000; background: #fff0f0; }
.sd-note .sd-severity { font-weight: bold; text-transform: uppercase; }
.sd-note .sd-rule { font-family: monospace; }
@media (min-width: 11in) {
  .sd-note:not(.sd-unplaced) { position: absolute; left: calc(50% + 3.6in); width: 2.6in; margin: -2.2em 0 0 0; }
}
"#;

/// Shows a figure's popover while the pointer or the focus is on it; a click pins it until the
/// next click or Escape.
pub const SCRIPT: &str = r#"
(function () {
  var pinned = null;
  function pop(el) { return document.getElementById(el.getAttribute('data-pop')); }
  function show(el) {
    var p = pop(el); if (!p) return;
    var r = el.getBoundingClientRect();
    p.style.left = (window.scrollX + r.left) + 'px';
    p.style.top = (window.scrollY + r.bottom + 4) + 'px';
    p.classList.add('sd-shown');
  }
  function hide(el) { var p = pop(el); if (p && el !== pinned) p.classList.remove('sd-shown'); }
  function unpin() { if (pinned) { var el = pinned; pinned = null; el.classList.remove('sd-pinned'); hide(el); } }
  function figure(e) { return e.target.closest ? e.target.closest('.sd-figure') : null; }
  document.addEventListener('mouseover', function (e) { var f = figure(e); if (f) show(f); });
  document.addEventListener('mouseout', function (e) { var f = figure(e); if (f) hide(f); });
  document.addEventListener('focusin', function (e) { var f = figure(e); if (f) show(f); });
  document.addEventListener('focusout', function (e) { var f = figure(e); if (f) hide(f); });
  document.addEventListener('click', function (e) {
    var f = figure(e); var was = pinned; unpin();
    if (f && f !== was) { pinned = f; f.classList.add('sd-pinned'); show(f); }
  });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') unpin(); });
})();
"#;

/// Where a figure begins, its index among the document's printed figures, and where it ends:
/// characters no rendered document holds (the ledger's own marks, taken out by the render, and
/// which no terms value may hold).
const OPEN: char = '\u{E000}';
const INDEX_END: char = '\u{E001}';
const CLOSE: char = '\u{E003}';

/// The annotated body of the document `name` (an `.htm` file of the set), or `None` when the
/// set has no such document. The checks and the tie-out are read once per call: to preview
/// several documents of one set, use [`Preview`].
pub fn document_page(set: &RenderedSet, name: &str) -> Option<Result<String, Diagnostic>> {
    Preview::of(set).document(name)
}

/// A rendered set ready for preview: its `check` findings, as a draft is checked.
pub struct Preview<'a> {
    set: &'a RenderedSet,
    findings: Vec<Finding>,
}

impl<'a> Preview<'a> {
    pub fn of(set: &'a RenderedSet) -> Preview<'a> {
        let findings = check::check(&set.documents(), check::Mode::Draft, Some(set.rendered()));
        Preview { set, findings }
    }

    /// The `check` findings of the set, as the preview shows them.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The body of the EDGAR HTML of the document `name` (an `.htm` file of the set) with its
    /// figures and findings annotated; `None` when the set has no such document.
    pub fn document(&self, name: &str) -> Option<Result<String, Diagnostic>> {
        let file = self.set.files.iter().find(|f| f.name == name && f.name.ends_with(".htm"))?;
        Some(self.annotate(file))
    }

    fn annotate(&self, file: &OutputFile) -> Result<String, Diagnostic> {
        let page = std::str::from_utf8(&file.bytes)
            .map_err(|_| Diagnostic::new(format!("{} is not UTF-8 text", file.name)))?;
        let md_name = format!("{}.md", file.name.strip_suffix(".htm").unwrap_or(&file.name));
        match self.set.files.iter().find(|f| f.name == md_name) {
            Some(twin) => self.page_from_markdown(file, page, twin),
            None if self.set.ledger.iter().any(|p| p.document == md_name) => Err(Diagnostic::new(format!(
                "{} cannot be previewed: the set holds no Markdown of it, by which the preview places its figures",
                file.name
            ))
            .help("render the set with Markdown (`presentation.formats` lists `md`)")),
            None => self.page_written_as_html(file, page),
        }
    }

    /// The preview of a page the render wrote as HTML itself (the filing fee exhibit), whose
    /// ledger's offsets are in the page: its findings at the top, with their lines.
    fn page_written_as_html(&self, file: &OutputFile, page: &str) -> Result<String, Diagnostic> {
        let entries = entries(&self.set.ledger, &file.name, page.len(), |at| page.is_char_boundary(at));
        let marked = with_marks(page, &entries);
        let (start, end) =
            body_range(&marked).ok_or_else(|| Diagnostic::new(format!("{} has no <body>", file.name)))?;
        let lines = Lines::new(page);
        let notes: Vec<Note> = self
            .findings
            .iter()
            .filter(|f| f.file == file.name)
            .map(|finding| Note { finding, line: written_line(file, &lines, finding.line) })
            .collect();
        let mut out = String::new();
        unplaced_notes(&mut out, &notes);
        let figures = Annotations::new(self, file, &entries);
        out.push_str(&figures.spans(&marked[start..end], &Tokens::RAW));
        figures.popovers(&mut out);
        Ok(out)
    }

    /// The preview of a page the HTML stage wrote from the Markdown `twin`.
    fn page_from_markdown(
        &self,
        file: &OutputFile,
        page: &str,
        twin: &OutputFile,
    ) -> Result<String, Diagnostic> {
        let md_name = &twin.name;
        let (body_start, body_end) =
            body_range(page).ok_or_else(|| Diagnostic::new(format!("{} has no <body>", file.name)))?;
        let markdown = std::str::from_utf8(&twin.bytes)
            .map_err(|_| Diagnostic::new(format!("{} is not UTF-8 text", twin.name)))?;
        let plain = &page[body_start..body_end];
        let entries = entries(&self.set.ledger, md_name, markdown.len(), |at| markdown.is_char_boundary(at));
        let failed = |e: html::HtmlError| e.in_document(md_name, markdown);
        let (plain_body, plain_blocks) = html::body_and_blocks(markdown).map_err(failed)?;
        let marked_markdown = with_marks(markdown, &entries);
        // The figures are marked only if their marks leave the HTML as it is.
        let (body, blocks, entries) = match html::body_and_blocks(&marked_markdown) {
            Ok((body, blocks))
                if strip(&body, &Tokens::REFERENCES) == plain && blocks.len() == plain_blocks.len() =>
            {
                (body, blocks, entries)
            }
            _ => (plain_body, plain_blocks.clone(), Vec::new()),
        };
        let lines = Lines::new(if entries.is_empty() { markdown } else { &marked_markdown });
        // Each finding at its block: those on the Markdown by its line, then those on the HTML
        // by the block of the page its line falls in, unless the Markdown's said the same there.
        let page_lines = Lines::new(page);
        let md_lines = Lines::new(markdown);
        let mut at_block: BTreeMap<usize, Vec<Note>> = BTreeMap::new();
        let mut unplaced = Vec::new();
        let on_markdown = self.findings.iter().filter(|f| &f.file == md_name);
        let on_html = self.findings.iter().filter(|f| f.file == file.name);
        for finding in on_markdown.chain(on_html) {
            let (block, written) = if &finding.file == md_name {
                (block_at_line(&blocks, &lines, finding.line), written_line(twin, &md_lines, finding.line))
            } else {
                let block = page_lines
                    .offset(finding.line)
                    .and_then(|at| at.checked_sub(body_start))
                    .and_then(|at| innermost(&plain_blocks, |b| b.html.contains(&at)));
                (block, written_line(file, &page_lines, finding.line))
            };
            let note = Note { finding, line: written };
            match block {
                Some(i) => {
                    let notes = at_block.entry(i).or_default();
                    if !notes
                        .iter()
                        .any(|n| n.finding.rule == finding.rule && n.finding.message == finding.message)
                    {
                        notes.push(note);
                    }
                }
                None => unplaced.push(note),
            }
        }
        let mut out = String::new();
        unplaced_notes(&mut out, &unplaced);
        let noted = with_notes(&body, &blocks, &at_block);
        let figures = Annotations::new(self, twin, &entries);
        out.push_str(&figures.spans(&noted, &Tokens::REFERENCES));
        figures.popovers(&mut out);
        Ok(out)
    }
}

/// A finding as the preview shows it: with its line in the file as written (the stamp
/// secdraft writes counts, as in the tie-out's places), which counsel open.
struct Note<'f> {
    finding: &'f Finding,
    line: usize,
}

/// The line of the written `file` of 1-based `line` of its content, whose lines are `lines`.
fn written_line(file: &OutputFile, lines: &Lines, line: usize) -> usize {
    lines.offset(line).map_or(line, |at| output::written_line(file, at))
}

/// Findings the preview cannot set beside a block, at the top of the page with their line.
fn unplaced_notes(out: &mut String, notes: &[Note]) {
    for n in notes {
        note(out, n, " sd-unplaced");
    }
}

/// The byte range of a page's body: after the `<body ...>` line, up to `</body>`.
fn body_range(page: &str) -> Option<(usize, usize)> {
    let open = page.find("<body")?;
    let mut start = open + page[open..].find('>')? + 1;
    if page[start..].starts_with('\n') {
        start += 1;
    }
    let end = page.rfind("</body>")?;
    (start <= end).then_some((start, end))
}

/// The ledger's entries for one document, in order, each whole within it and after the one
/// before.
fn entries<'l>(
    ledger: &'l [Printed],
    document: &str,
    len: usize,
    boundary: impl Fn(usize) -> bool,
) -> Vec<&'l Printed> {
    let mut out: Vec<&Printed> = Vec::new();
    for p in ledger.iter().filter(|p| p.document == document) {
        let end = p.offset + p.len;
        let after_last = out.last().is_none_or(|last| last.offset + last.len <= p.offset);
        if p.len > 0 && end <= len && boundary(p.offset) && boundary(end) && after_last {
            out.push(p);
        }
    }
    out
}

/// `text` with each entry between marks: its opening mark with its index, then its closing mark.
fn with_marks(text: &str, entries: &[&Printed]) -> String {
    let mut out = String::with_capacity(text.len() + entries.len() * 12);
    let mut at = 0;
    for (i, p) in entries.iter().enumerate() {
        out.push_str(&text[at..p.offset]);
        let _ = write!(out, "{OPEN}{i}{INDEX_END}");
        out.push_str(&text[p.offset..p.offset + p.len]);
        out.push(CLOSE);
        at = p.offset + p.len;
    }
    out.push_str(&text[at..]);
    out
}

/// How the marks read in a body: as numeric references (written by the HTML stage) or as the
/// characters themselves (in a page the render wrote as HTML).
struct Tokens {
    open: &'static str,
    index_end: &'static str,
    close: &'static str,
}

impl Tokens {
    const REFERENCES: Tokens = Tokens { open: "&#57344;", index_end: "&#57345;", close: "&#57347;" };
    const RAW: Tokens = Tokens { open: "\u{E000}", index_end: "\u{E001}", close: "\u{E003}" };
}

/// A mark found in a body.
enum Mark {
    Open { index: usize, len: usize },
    Close { len: usize },
}

/// The next mark in `text`: where it starts and what it is.
fn next_mark(text: &str, tokens: &Tokens) -> Option<(usize, Mark)> {
    let open = text.find(tokens.open);
    let close = text.find(tokens.close);
    match (open, close) {
        (Some(o), c) if c.is_none_or(|c| o < c) => {
            let rest = &text[o + tokens.open.len()..];
            let digits = rest.find(tokens.index_end)?;
            let index = rest[..digits].parse().ok()?;
            Some((o, Mark::Open { index, len: tokens.open.len() + digits + tokens.index_end.len() }))
        }
        (_, Some(c)) => Some((c, Mark::Close { len: tokens.close.len() })),
        _ => None,
    }
}

/// `body` without its marks.
fn strip(body: &str, tokens: &Tokens) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some((at, mark)) = next_mark(rest, tokens) {
        out.push_str(&rest[..at]);
        let len = match mark {
            Mark::Open { len, .. } | Mark::Close { len } => len,
        };
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    out
}

/// Whether byte `at` of `text` is inside a tag (between its `<` and `>`).
fn in_tag(text: &str, at: usize) -> bool {
    let before = &text[..at];
    before.rfind('<').is_some_and(|lt| before.rfind('>').is_none_or(|gt| gt < lt))
}

/// The byte offset where each line of a text starts.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        Lines { starts }
    }

    /// The 1-based line of byte `at`.
    fn line(&self, at: usize) -> usize {
        self.starts.partition_point(|s| *s <= at)
    }

    /// The byte where 1-based `line` starts.
    fn offset(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }
}

/// The innermost block (the last of those with the fewest bytes) that `holds`.
fn innermost(blocks: &[Block], holds: impl Fn(&Block) -> bool) -> Option<usize> {
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| holds(b))
        .min_by_key(|(i, b)| (b.markdown.len(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
}

/// The block a finding at 1-based Markdown `line` belongs to: the innermost holding the line;
/// else the first after it (a line between blocks, such as a table's rule, belongs to what
/// follows); else the last block.
fn block_at_line(blocks: &[Block], lines: &Lines, line: usize) -> Option<usize> {
    let span = |b: &Block| {
        (lines.line(b.markdown.start), lines.line(b.markdown.end.saturating_sub(1).max(b.markdown.start)))
    };
    innermost(blocks, |b| {
        let (first, last) = span(b);
        (first..=last).contains(&line)
    })
    .or_else(|| blocks.iter().position(|b| span(b).0 > line))
    .or_else(|| blocks.len().checked_sub(1))
}

/// `body` with each block that has findings marked, and its notes beside it: inside a list
/// item, in a row of their own after a table row, after any other block.
fn with_notes(body: &str, blocks: &[Block], at_block: &BTreeMap<usize, Vec<Note>>) -> String {
    // (offset, text) insertions, applied from the last so that earlier offsets hold.
    let mut inserts: Vec<(usize, String)> = Vec::new();
    for (&i, findings) in at_block {
        let block = &blocks[i];
        let html = &body[block.html.clone()];
        let worst = findings.iter().map(|n| n.finding.severity).min().unwrap_or(Severity::Warning);
        let name_end = html[1..].find([' ', '>', '\n']).map_or(html.len(), |n| n + 1);
        let class = format!(" class=\"sd-flagged sd-{}\"", worst.word());
        inserts.push((block.html.start + name_end, class));
        let mut notes = String::new();
        for n in findings {
            note(&mut notes, n, "");
        }
        if html.starts_with("<tr") {
            let row =
                format!("<tr class=\"sd-note-row\"><td colspan=\"99\">{}</td></tr>\n", notes.trim_end());
            inserts.push((block.html.end, row));
        } else if let Some(item_end) = html.trim_end().strip_suffix("</li>").map(str::len) {
            inserts.push((block.html.start + item_end, notes));
        } else {
            inserts.push((block.html.end, notes));
        }
    }
    inserts.sort_by_key(|(at, _)| *at);
    let mut out = body.to_owned();
    for (at, text) in inserts.into_iter().rev() {
        out.insert_str(at, &text);
    }
    out
}

/// A finding as a note: severity, rule, where, and the message.
fn note(out: &mut String, note: &Note, extra_class: &str) {
    let finding = note.finding;
    let severity = finding.severity.word();
    let _ = write!(
        out,
        "<div class=\"sd-note sd-{severity}{extra_class}\" role=\"note\"><span class=\"sd-severity\">{severity}</span> <span class=\"sd-rule\">"
    );
    escape_text(out, finding.rule);
    out.push_str("</span> <span class=\"sd-at\">");
    escape_text(out, &format!("{}:{}", finding.file, note.line));
    out.push_str("</span> ");
    escape_text(out, &finding.message);
    out.push_str("</div>\n");
}

/// The figures of one document: each entry of the ledger with the trace of its figure.
struct Annotations<'p> {
    /// The file the ledger's offsets are in, for the line each is printed at.
    file: &'p OutputFile,
    entries: Vec<(&'p Printed, Option<FigureTrace>)>,
}

impl<'p> Annotations<'p> {
    fn new(preview: &Preview<'p>, file: &'p OutputFile, entries: &[&'p Printed]) -> Annotations<'p> {
        let set = preview.set;
        let mut traces: BTreeMap<(Era, usize, &str), Option<FigureTrace>> = BTreeMap::new();
        let entries = entries
            .iter()
            .map(|p| {
                let trace = traces
                    .entry((p.era, p.class, p.figure.name()))
                    .or_insert_with(|| {
                        let (figures, title) = figures_of(set, p.era, p.class)?;
                        let figure = figures.get(p.figure.name())?;
                        let title = title.filter(|_| p.class > 0 || !p.figure.is_offer_wide());
                        Some(tieout::trace(set, figure, p.era, p.class, title))
                    })
                    .clone();
                (*p, trace)
            })
            .collect();
        Annotations { file, entries }
    }

    /// The popover's id of an entry: one per figure, era and class.
    fn pop_id(p: &Printed) -> String {
        let era = match p.era {
            Era::Now => "now",
            Era::Before => "before",
        };
        format!("sd-fig-{era}-{}-{}", p.class, p.figure.name())
    }

    /// `body` with each pair of marks made the figure's span; a pair with a mark inside a tag
    /// (a figure in a link's address) is dropped.
    fn spans(&self, body: &str, tokens: &Tokens) -> String {
        let mut marks = Vec::new();
        let mut from = 0;
        while let Some((at, mark)) = next_mark(&body[from..], tokens) {
            let at = from + at;
            from = at
                + match mark {
                    Mark::Open { len, .. } | Mark::Close { len } => len,
                };
            marks.push((at, from, in_tag(body, at), mark));
        }
        let mut out = String::with_capacity(body.len() * 2);
        let mut copied = 0;
        let mut open: Option<usize> = None;
        for (k, (at, end, inside, mark)) in marks.iter().enumerate() {
            out.push_str(&body[copied..*at]);
            copied = *end;
            match mark {
                Mark::Open { index, .. } => {
                    let closed_outside = matches!(marks.get(k + 1), Some((_, _, false, Mark::Close { .. })));
                    open = None;
                    if let Some((p, trace)) = self.entries.get(*index).filter(|_| !inside && closed_outside) {
                        self.open_span(&mut out, *index, p, trace.as_ref());
                        open = Some(*index);
                    }
                }
                Mark::Close { .. } => {
                    if open.take().is_some() {
                        out.push_str("</span>");
                    }
                }
            }
        }
        out.push_str(&body[copied..]);
        out
    }

    fn open_span(&self, out: &mut String, index: usize, p: &Printed, trace: Option<&FigureTrace>) {
        let _ = write!(
            out,
            "<span class=\"sd-figure\" tabindex=\"0\" data-figure=\"{}\" data-entry=\"{index}\" data-pop=\"{}\" aria-describedby=\"{}\" title=\"",
            p.figure.name(),
            Self::pop_id(p),
            Self::pop_id(p)
        );
        let summary = match trace {
            Some(t) => format!("{}: {}", t.heading(), t.formula),
            None => figures::label(p.figure.name()).to_owned(),
        };
        escape_text(out, &summary);
        out.push_str("\">");
    }

    /// The popover of each figure the document prints, once, after the body.
    fn popovers(&self, out: &mut String) {
        if self.entries.is_empty() {
            return;
        }
        out.push_str("<div class=\"sd-pops\">\n");
        let mut done = Vec::new();
        for (p, trace) in &self.entries {
            let id = Self::pop_id(p);
            if done.contains(&id) {
                continue;
            }
            let _ = write!(out, "<div class=\"sd-pop\" id=\"{id}\" role=\"tooltip\">");
            self.popover(out, p, trace.as_ref());
            out.push_str("</div>\n");
            done.push(id);
        }
        out.push_str("</div>\n");
    }

    fn popover(&self, out: &mut String, p: &Printed, trace: Option<&FigureTrace>) {
        out.push_str("<div class=\"sd-pop-title\">");
        match trace {
            Some(t) => escape_text(out, &format!("{} ({}): {}", t.heading(), t.name, t.display)),
            None => escape_text(out, &format!("{} ({})", figures::label(p.figure.name()), p.figure.name())),
        }
        if p.era == Era::Before {
            escape_text(out, ", as before this amendment");
        }
        out.push_str("</div>\n");
        let Some(t) = trace else { return };
        out.push_str("<div>Formula: ");
        escape_text(out, t.formula);
        out.push_str("</div>\n<div>Exact value: ");
        escape_text(out, &t.value);
        out.push_str("</div>\n<div>Inputs:</div>\n<ul>\n");
        for input in &t.inputs {
            out.push_str("<li>");
            match input.from {
                "figure" => {
                    escape_text(out, &format!("{} (figure {})", figures::label(&input.path), input.path))
                }
                "table" => escape_text(out, &format!("{} (table)", input.path)),
                _ => escape_text(out, &input.path),
            }
            out.push_str(" = ");
            escape_text(out, &input.value);
            if let Some(at) = &input.at {
                out.push_str(" <span class=\"sd-at\">");
                escape_text(out, at);
                out.push_str("</span>");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n<div>Printed at:</div>\n<ul>\n");
        for place in &t.printed_at {
            out.push_str("<li>");
            escape_text(out, &format!("{}, line {}", place.document, place.line));
            if place.document == self.file.name {
                out.push_str(" <span class=\"sd-here\">(this document)</span>");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
}

/// The figures an entry of the ledger is one of, and the title of its class when the offer is
/// for several classes.
fn figures_of(set: &RenderedSet, era: Era, class: usize) -> Option<(&figures::Figures, Option<&str>)> {
    let filing = &set.filing;
    if class == 0 {
        let title = (!filing.classes.is_empty()).then_some(filing.in_force.security.title.0.as_str());
        let figures = match era {
            Era::Now => Some(&filing.figures),
            Era::Before => filing.figures_before.as_ref(),
        }?;
        return Some((figures, title));
    }
    let of_class = filing.classes.get(class - 1)?;
    let figures = match era {
        Era::Now => Some(&of_class.figures),
        Era::Before => of_class.figures_before.as_ref(),
    }?;
    Some((figures, Some(of_class.terms.security.title.0.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::FigureId;

    fn printed(offset: usize, len: usize) -> Printed {
        Printed {
            figure: FigureId::Premium,
            era: Era::Now,
            class: 0,
            form: String::new(),
            document: "a.md".into(),
            offset,
            len,
            line: 1,
        }
    }

    #[test]
    fn marks_that_would_change_the_html_are_seen() {
        // A figure opening a line as `1.` would open a list; its mark before it makes the line
        // a paragraph, which the comparison with the HTML written catches.
        let markdown = "Intro\n\n1. First\n";
        let entry = printed(markdown.find("1.").unwrap(), 1);
        let (plain, _) = html::body_and_blocks(markdown).unwrap();
        let (marked, _) = html::body_and_blocks(&with_marks(markdown, &[&entry])).unwrap();
        assert_ne!(strip(&marked, &Tokens::REFERENCES), plain);
        // Inside a sentence the marks are only their own characters.
        let markdown = "A premium of 201% over the price.\n";
        let entry = printed(markdown.find("201%").unwrap(), 4);
        let (plain, _) = html::body_and_blocks(markdown).unwrap();
        let (marked, _) = html::body_and_blocks(&with_marks(markdown, &[&entry])).unwrap();
        assert_eq!(strip(&marked, &Tokens::REFERENCES), plain);
        assert!(marked.contains("of &#57344;0&#57345;201%&#57347; over"), "{marked}");
    }

    #[test]
    fn a_figure_whose_mark_falls_in_a_tag_prints_without_its_span() {
        let file = OutputFile { name: "a.md".into(), bytes: Vec::new() };
        let (first, second) = (printed(0, 1), printed(1, 1));
        let annotations = Annotations { file: &file, entries: vec![(&first, None), (&second, None)] };
        let body = "<a href=\"x&#57344;0&#57345;1&#57347;\">t</a> and &#57344;1&#57345;201%&#57347;.";
        let out = annotations.spans(body, &Tokens::REFERENCES);
        assert!(out.starts_with("<a href=\"x1\">t</a> and <span class=\"sd-figure\""), "{out}");
        assert!(out.contains("data-entry=\"1\"") && !out.contains("data-entry=\"0\""), "{out}");
        assert!(out.ends_with(">201%</span>."), "{out}");
    }

    #[test]
    fn a_finding_between_blocks_goes_to_the_block_after_it() {
        let markdown = "Para one.\n\n| A |\n|---|\n| 1 |\n\n- item\n\n  more\n";
        let (_, blocks) = html::body_and_blocks(markdown).unwrap();
        let lines = Lines::new(markdown);
        let text = |i: Option<usize>| markdown[blocks[i.unwrap()].markdown.clone()].trim_end().to_owned();
        assert_eq!(text(block_at_line(&blocks, &lines, 1)), "Para one.");
        // The table's rule is in no row: the row after it.
        assert_eq!(text(block_at_line(&blocks, &lines, 4)), "| 1 |");
        // The innermost block: the paragraph of the list item, not the item.
        assert_eq!(text(block_at_line(&blocks, &lines, 9)), "more");
        assert_eq!(text(block_at_line(&blocks, &lines, 99)), "more");
    }
}
