//! Blacklines and the changelog: what changed between two renderings of a set (two terms
//! files, a terms file and `--set` overrides, two folders, or two documents), word by word,
//! as counsel's compare shows it, and which terms and figures moved.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use similar::{Algorithm, ChangeTag, DiffOp, TextDiff};

use crate::diagnostics::{Diagnostic, display_path};
use crate::html::{P_STYLE, escape_text, page};
use crate::input::{self, DocumentBudget};
use crate::output::{self, OutputFile};
use crate::pipeline::{self, RenderedSet};
use crate::render::markdown_escaped;
use crate::terms::Override;
use crate::text::{Format, plain_text};
use crate::{changes, docx, figures};

/// One side of a comparison.
pub struct Side {
    /// How the side is named in the outputs: a file or folder path.
    pub label: String,
    /// Its documents by name, as written.
    pub documents: BTreeMap<String, (Format, String)>,
    /// The rendered set, when the side is a terms file.
    pub set: Option<RenderedSet>,
}

impl Side {
    /// A terms file rendered (with `overrides` applied, and `templates` over the built-in
    /// ones): its Markdown documents, labelled with the file and the overrides.
    pub fn of_terms(
        path: &Path,
        templates: Option<&Path>,
        overrides: &[Override],
    ) -> Result<Side, Diagnostic> {
        let set = pipeline::render_file_with(path, templates, overrides)?;
        let mut label = display_path(path);
        for o in overrides {
            label.push_str(&format!(" with --set {o}"));
        }
        Ok(Side::of_set(label, set))
    }

    /// A set already rendered, under `label`: its Markdown documents.
    pub fn of_set(label: String, set: RenderedSet) -> Side {
        let documents = set
            .files
            .iter()
            .filter(|f| f.name.ends_with(".md"))
            .map(|f| (f.name.clone(), (Format::Markdown, String::from_utf8_lossy(&f.bytes).into_owned())))
            .collect();
        Side { label, documents, set: Some(set) }
    }

    /// A folder's documents by name (its blacklines passed over); of a Markdown and an HTML
    /// file with one stem, the Markdown.
    pub fn of_folder(dir: &Path, budget: &mut DocumentBudget) -> Result<Side, Diagnostic> {
        let read = output::read_drafts(
            dir,
            |name| !name.ends_with("-blackline.htm") && Format::of(name).is_some(),
            budget,
        )?;
        // Documents pair by name, and their blacklines are named after them: two names that
        // are not UTF-8 could read alike and one of the two documents would be passed over.
        let mut named = Vec::with_capacity(read.len());
        for (path, bytes) in read {
            let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
                return Err(Diagnostic::new(format!(
                    "cannot compare {}: its name is not valid UTF-8, so it cannot be paired by name or named in a blackline",
                    display_path(&path)
                ))
                .help("rename it, or compare it on its own: `secdraft diff OLD_FILE NEW_FILE --out DIR`"));
            };
            named.push((name, bytes));
        }
        let names: BTreeSet<&str> = named.iter().map(|(name, _)| name.as_str()).collect();
        let mut documents = BTreeMap::new();
        for (name, bytes) in &named {
            let Some(format) = Format::of(name) else { continue };
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
            if format == Format::Html && names.contains(format!("{stem}.md").as_str()) {
                continue;
            }
            documents.insert(name.clone(), (format, String::from_utf8_lossy(bytes).into_owned()));
        }
        Ok(Side { label: display_path(dir), documents, set: None })
    }

    /// One document, under `name` (both documents of a comparison pair under one name).
    pub fn of_document(path: &Path, name: &str, budget: &mut DocumentBudget) -> Result<Side, Diagnostic> {
        let format = Format::of(&path.to_string_lossy()).ok_or_else(|| {
            Diagnostic::new(format!(
                "{} is not a document secdraft compares (.md, .htm, .html, .txt)",
                display_path(path)
            ))
        })?;
        let bytes = input::read_document(path, budget)?;
        let document = (format, String::from_utf8_lossy(&bytes).into_owned());
        Ok(Side {
            label: display_path(path),
            documents: BTreeMap::from([(name.to_owned(), document)]),
            set: None,
        })
    }
}

/// The name of the changelog among a [`Comparison`]'s files.
pub const CHANGELOG: &str = "changes.md";

pub struct Comparison {
    pub files: Vec<OutputFile>,
    pub changed: bool,
    /// Per document: its name and the number of changes (`None` when on one side only).
    pub summary: Vec<(String, Option<usize>)>,
}

/// Why two sides cannot be compared.
#[derive(Debug)]
pub enum DiffError {
    /// The terms of the side `label` cannot be listed field by field for the changelog.
    Terms { label: String, error: serde_json::Error },
    /// The Word blackline `name` could not be packaged.
    Package { name: String, error: zip::result::ZipError },
}

impl std::fmt::Display for DiffError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            DiffError::Terms { label, error } => {
                write!(f, "cannot list the terms of {label} for the changelog: {error}")
            }
            DiffError::Package { name, error } => {
                write!(f, "cannot write the Word blackline of {name}: {error}")
            }
        }
    }
}

impl std::error::Error for DiffError {}

impl From<DiffError> for Diagnostic {
    fn from(error: DiffError) -> Diagnostic {
        Diagnostic::new(error.to_string())
    }
}

const INSERT_STYLE: &str = "color: #1f3d99; text-decoration: underline";
const DELETE_STYLE: &str = "color: #a00000; text-decoration: line-through";

/// The blocks of a document's text: one per non-empty line, white space folded.
fn blocks(format: Format, source: &str) -> Vec<String> {
    plain_text(source, format)
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[derive(Default)]
struct Counts {
    insertions: usize,
    deletions: usize,
}

fn span(out: &mut String, tag: ChangeTag, text: &str, counts: &mut Counts) {
    match tag {
        ChangeTag::Equal => escape_text(out, text),
        ChangeTag::Insert => {
            counts.insertions += 1;
            out.push_str(&format!("<u style=\"{INSERT_STYLE}\">"));
            escape_text(out, text);
            out.push_str("</u>");
        }
        ChangeTag::Delete => {
            counts.deletions += 1;
            out.push_str(&format!("<strike style=\"{DELETE_STYLE}\">"));
            escape_text(out, text);
            out.push_str("</strike>");
        }
    }
}

/// The most cells (old items times new items) a region may have to be diffed item by item.
/// Patience falls back to Myers where no item is unique, and Myers costs the lengths times the
/// number of edits: with every paragraph (or word) changed, that is the square of the length.
/// Past this bound a region is diffed around its unique common items only, and what lies
/// between them is shown replaced: a coarser blackline, in time linear in the text. Counting
/// cells rather than time keeps the output the same on every machine.
const MAX_CELLS: usize = 4_000_000;

/// The cells a comparison may spend for each byte of its documents, past [`MAX_CELLS`]: enough
/// for every paragraph of a real filing changed and diffed word by word (a paragraph pair of
/// a hundred words each costs 10,000 cells and brings some 1,200 bytes, 76,800 cells). At the
/// cap of what `diff` reads (64 MiB in all) that is some four billion cells at most.
const CELLS_PER_BYTE: usize = 64;

/// The cells one whole comparison may spend diffing item by item, over all its documents,
/// regions, gaps between anchors and paragraphs word by word: each bounded alone, many of
/// them would multiply the work. Once it is spent, what is left is shown replaced whole, so
/// the work stays within a constant times the size of the documents.
#[derive(Debug)]
pub struct CellBudget {
    left: usize,
    spent: usize,
}

impl CellBudget {
    /// The budget for documents of `bytes` bytes in all, both sides.
    pub fn for_bytes(bytes: usize) -> CellBudget {
        CellBudget { left: MAX_CELLS.saturating_add(bytes.saturating_mul(CELLS_PER_BYTE)), spent: 0 }
    }

    /// Whether a region of `old_len` by `new_len` items may be diffed item by item: no larger
    /// than [`MAX_CELLS`] and within what is left, which it then spends.
    fn take(&mut self, old_len: usize, new_len: usize) -> bool {
        let cells = old_len.saturating_mul(new_len);
        if cells > MAX_CELLS || cells > self.left {
            return false;
        }
        self.left -= cells;
        self.spent += cells;
        true
    }
}

/// The operations that turn `old` into `new`: Patience as before while the region is small
/// and the budget lasts, and bounded past that.
fn bounded_ops<T: std::hash::Hash + Ord>(old: &[T], new: &[T], budget: &mut CellBudget) -> Vec<DiffOp> {
    if budget.take(old.len(), new.len()) {
        return similar::capture_diff_slices(Algorithm::Patience, old, new);
    }
    let mut ops = Vec::new();
    let prefix = old.iter().zip(new).take_while(|(o, n)| o == n).count();
    let suffix =
        old[prefix..].iter().rev().zip(new[prefix..].iter().rev()).take_while(|(o, n)| o == n).count();
    if prefix > 0 {
        ops.push(DiffOp::Equal { old_index: 0, new_index: 0, len: prefix });
    }
    let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
    let (mut o, mut n) = (prefix, prefix);
    for (anchor_old, anchor_new) in unique_common(&old[prefix..old_end], &new[prefix..new_end]) {
        gap(old, o..prefix + anchor_old, new, n..prefix + anchor_new, &mut ops, budget);
        ops.push(DiffOp::Equal { old_index: prefix + anchor_old, new_index: prefix + anchor_new, len: 1 });
        (o, n) = (prefix + anchor_old + 1, prefix + anchor_new + 1);
    }
    gap(old, o..old_end, new, n..new_end, &mut ops, budget);
    if suffix > 0 {
        ops.push(DiffOp::Equal { old_index: old_end, new_index: new_end, len: suffix });
    }
    ops
}

/// The region between two anchors: diffed item by item when small and within the budget,
/// else replaced whole.
fn gap<T: std::hash::Hash + Ord>(
    old: &[T],
    old_range: std::ops::Range<usize>,
    new: &[T],
    new_range: std::ops::Range<usize>,
    ops: &mut Vec<DiffOp>,
    budget: &mut CellBudget,
) {
    let (old_index, old_len, new_index, new_len) =
        (old_range.start, old_range.len(), new_range.start, new_range.len());
    if budget.take(old_len, new_len) {
        let inner = similar::capture_diff_slices(Algorithm::Patience, &old[old_range], &new[new_range]);
        ops.extend(inner.into_iter().map(|op| shifted(op, old_index, new_index)));
    } else {
        ops.push(DiffOp::Replace { old_index, old_len, new_index, new_len });
    }
}

fn shifted(op: DiffOp, by_old: usize, by_new: usize) -> DiffOp {
    match op {
        DiffOp::Equal { old_index, new_index, len } => {
            DiffOp::Equal { old_index: old_index + by_old, new_index: new_index + by_new, len }
        }
        DiffOp::Delete { old_index, old_len, new_index } => {
            DiffOp::Delete { old_index: old_index + by_old, old_len, new_index: new_index + by_new }
        }
        DiffOp::Insert { old_index, new_index, new_len } => {
            DiffOp::Insert { old_index: old_index + by_old, new_index: new_index + by_new, new_len }
        }
        DiffOp::Replace { old_index, old_len, new_index, new_len } => {
            DiffOp::Replace { old_index: old_index + by_old, old_len, new_index: new_index + by_new, new_len }
        }
    }
}

/// The items that occur once in `old` and once in `new`, as (old index, new index) pairs in
/// the longest run increasing on both sides (patience sorting): the anchors of Patience diff.
fn unique_common<T: std::hash::Hash + Ord>(old: &[T], new: &[T]) -> Vec<(usize, usize)> {
    let mut seen: std::collections::HashMap<&T, (usize, usize, usize)> = std::collections::HashMap::new();
    for (i, item) in old.iter().enumerate() {
        let entry = seen.entry(item).or_insert((0, 0, i));
        entry.0 += 1;
    }
    let mut pairs = Vec::new();
    let mut in_new: std::collections::HashMap<&T, (usize, usize)> = std::collections::HashMap::new();
    for (j, item) in new.iter().enumerate() {
        if seen.get(item).is_some_and(|e| e.0 == 1) {
            in_new.entry(item).or_insert((0, j)).0 += 1;
        }
    }
    for (j, item) in new.iter().enumerate() {
        if in_new.get(item).is_some_and(|(count, at)| *count == 1 && *at == j) {
            pairs.push((seen[item].2, j));
        }
    }
    // Longest increasing subsequence of the old indexes, in new order.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous = vec![usize::MAX; pairs.len()];
    for (k, &(o, _)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].0 < o);
        if at > 0 {
            previous[k] = tails[at - 1];
        }
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        chain.push(pairs[k]);
        k = previous[k];
    }
    chain.reverse();
    chain
}

/// Words and the white space between them, in order: the tokens of a word diff (and of the
/// word merge of `render --merge`).
pub(crate) fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut space = None;
    for (i, c) in text.char_indices() {
        let is_space = c.is_whitespace();
        if space.is_some_and(|s| s != is_space) {
            out.push(&text[start..i]);
            start = i;
        }
        space = Some(is_space);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// A paragraph's changes word by word: as Patience finds them while the paragraphs are small
/// enough and the budget lasts, bounded past that, and the paragraph replaced whole once the
/// budget is spent.
fn word_changes<'a>(old: &'a str, new: &'a str, budget: &mut CellBudget) -> Vec<(ChangeTag, &'a str)> {
    // A region replaced whole may pair a paragraph with its equal (one of several alike).
    if old == new {
        return vec![(ChangeTag::Equal, old)];
    }
    if budget.left == 0 {
        return vec![(ChangeTag::Delete, old), (ChangeTag::Insert, new)];
    }
    let (old_tokens, new_tokens) = (tokens(old), tokens(new));
    if budget.take(old_tokens.len(), new_tokens.len()) {
        let diff = TextDiff::configure().algorithm(Algorithm::Patience).diff_words(old, new);
        return diff.iter_all_changes().map(|c| (c.tag(), c.value())).collect();
    }
    let mut changes = Vec::new();
    for op in bounded_ops(&old_tokens, &new_tokens, budget) {
        let (old_part, new_part) = (&old_tokens[op.old_range()], &new_tokens[op.new_range()]);
        match op {
            DiffOp::Equal { .. } => changes.extend(old_part.iter().map(|t| (ChangeTag::Equal, *t))),
            _ => {
                changes.extend(old_part.iter().map(|t| (ChangeTag::Delete, *t)));
                changes.extend(new_part.iter().map(|t| (ChangeTag::Insert, *t)));
            }
        }
    }
    changes
}

/// A paragraph's words, old against new, runs of the same kind merged.
fn words(out: &mut String, old: &str, new: &str, counts: &mut Counts, budget: &mut CellBudget) {
    let mut run: Option<(ChangeTag, String)> = None;
    for (tag, value) in word_changes(old, new, budget) {
        match &mut run {
            Some((t, text)) if *t == tag => text.push_str(value),
            _ => {
                if let Some((t, text)) = run.take() {
                    span(out, t, &text, counts);
                }
                run = Some((tag, value.to_owned()));
            }
        }
    }
    if let Some((t, text)) = run {
        span(out, t, &text, counts);
    }
}

/// The blackline of one document: the new text, insertions underlined, deletions struck
/// through, unchanged paragraphs kept for context.
pub fn blackline(
    name: &str,
    old_label: &str,
    new_label: &str,
    old: &[String],
    new: &[String],
    budget: &mut CellBudget,
) -> (String, usize) {
    let mut body = String::new();
    let mut counts = Counts::default();
    let paragraph =
        |body: &mut String, inner: &str| body.push_str(&format!("<p style=\"{P_STYLE}\">{inner}</p>\n"));
    for op in bounded_ops(old, new, budget) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                for p in &old[old_index..old_index + len] {
                    let mut inner = String::new();
                    escape_text(&mut inner, p);
                    paragraph(&mut body, &inner);
                }
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                for p in &old[old_index..old_index + old_len] {
                    let mut inner = String::new();
                    span(&mut inner, ChangeTag::Delete, p, &mut counts);
                    paragraph(&mut body, &inner);
                }
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                for p in &new[new_index..new_index + new_len] {
                    let mut inner = String::new();
                    span(&mut inner, ChangeTag::Insert, p, &mut counts);
                    paragraph(&mut body, &inner);
                }
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                let pairs = old_len.min(new_len);
                for i in 0..pairs {
                    let mut inner = String::new();
                    words(&mut inner, &old[old_index + i], &new[new_index + i], &mut counts, budget);
                    paragraph(&mut body, &inner);
                }
                for p in &old[old_index + pairs..old_index + old_len] {
                    let mut inner = String::new();
                    span(&mut inner, ChangeTag::Delete, p, &mut counts);
                    paragraph(&mut body, &inner);
                }
                for p in &new[new_index + pairs..new_index + new_len] {
                    let mut inner = String::new();
                    span(&mut inner, ChangeTag::Insert, p, &mut counts);
                    paragraph(&mut body, &inner);
                }
            }
        }
    }
    let total = counts.insertions + counts.deletions;
    let mut head = String::new();
    head.push_str(&format!("<p style=\"{P_STYLE}\"><b>Blackline of "));
    escape_text(&mut head, name);
    head.push_str("</b><br>\nFrom ");
    escape_text(&mut head, old_label);
    head.push_str(" to ");
    escape_text(&mut head, new_label);
    head.push_str(&format!(
        "<br>\n{total} change{}: {} insertion{}, {} deletion{}. Legend: <u style=\"{INSERT_STYLE}\">inserted text</u>, <strike style=\"{DELETE_STYLE}\">deleted text</strike>.</p>\n<hr>\n",
        plural(total),
        counts.insertions,
        plural(counts.insertions),
        counts.deletions,
        plural(counts.deletions)
    ));
    (page(&format!("Blackline: {name}"), &format!("{head}{body}")), total)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The name a document's blackline is written under: `press-release-blackline.htm`.
pub fn blackline_name(document: &str) -> String {
    let stem = document.rsplit_once('.').map_or(document, |(s, _)| s);
    format!("{stem}-blackline.htm")
}

/// The blackline name of each document, one file per document: [`blackline_name`] where no
/// other document shares it; documents that share a stem (`a.md` and `a.txt`) keep their
/// extension in it (`a-md-blackline.htm`, `a-txt-blackline.htm`), numbered should even that
/// clash.
pub fn blackline_names<'a>(documents: impl IntoIterator<Item = &'a String>) -> BTreeMap<String, String> {
    let mut by_name: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for document in documents {
        by_name.entry(blackline_name(document)).or_default().push(document);
    }
    let mut names = BTreeMap::new();
    let mut clashing = Vec::new();
    for (name, sharing) in &by_name {
        match sharing.as_slice() {
            [one] => {
                names.insert((*one).clone(), name.clone());
            }
            many => clashing.extend(many.iter().copied()),
        }
    }
    let mut taken: std::collections::BTreeSet<String> = names.values().cloned().collect();
    clashing.sort();
    clashing.dedup();
    for document in clashing {
        let base = document.replace('.', "-");
        let mut name = format!("{base}-blackline.htm");
        let mut n = 2;
        while taken.contains(&name) {
            name = format!("{base}-{n}-blackline.htm");
            n += 1;
        }
        taken.insert(name.clone());
        names.insert(document.clone(), name);
    }
    names
}

/// `text` as a Markdown code span: fenced by one backtick more than its longest run of them,
/// and padded when it starts or ends with one, so that nothing in it can close the span.
fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// The forms a blackline is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlacklineFormats {
    /// `<document>-blackline.htm`: insertions underlined, deletions struck through.
    pub html: bool,
    /// `<document>-blackline.docx`: Word tracked changes, for Markdown documents.
    pub docx: bool,
}

impl Default for BlacklineFormats {
    fn default() -> Self {
        BlacklineFormats { html: true, docx: false }
    }
}

/// The blackline of one Markdown document as Word tracked changes: the new document written
/// as [`crate::docx`] writes it, each paragraph and table cell compared with the old ones as
/// the HTML blackline compares its blocks, word by word; an old paragraph gone is a deleted
/// paragraph, a moved one a deletion and an insertion.
pub fn docx_blackline(old: &str, new: &str, budget: &mut CellBudget) -> zip::result::ZipResult<Vec<u8>> {
    let (old_texts, new_texts) = (docx::paragraph_texts(old), docx::paragraph_texts(new));
    let mut redline = docx::Redline {
        paragraphs: vec![docx::Marked::default(); new_texts.len()],
        deleted_after: Vec::new(),
    };
    let mut gone: Vec<String> = Vec::new();
    let inserted = |text: &String| vec![(ChangeTag::Insert, text.clone())];
    for op in bounded_ops(&old_texts, &new_texts, budget) {
        let (old_range, new_range) = (op.old_range(), op.new_range());
        let pairs = match op {
            DiffOp::Equal { .. } => 0,
            DiffOp::Replace { old_len, new_len, .. } => old_len.min(new_len),
            DiffOp::Delete { .. } | DiffOp::Insert { .. } => 0,
        };
        for (i, at) in new_range.clone().enumerate() {
            let marked = &mut redline.paragraphs[at];
            marked.deleted_before = std::mem::take(&mut gone);
            marked.changes = match op {
                DiffOp::Equal { .. } => Vec::new(),
                _ if i < pairs => word_changes(&old_texts[old_range.start + i], &new_texts[at], budget)
                    .into_iter()
                    .map(|(tag, value)| (tag, value.to_owned()))
                    .collect(),
                _ => inserted(&new_texts[at]),
            };
            if i + 1 == pairs {
                // The old paragraphs left over after the pairs are deleted before the next new one.
                gone.extend(old_texts[old_range.start + pairs..old_range.end].iter().cloned());
            }
        }
        if pairs == 0 && !matches!(op, DiffOp::Equal { .. }) {
            gone.extend(old_texts[old_range].iter().cloned());
        }
    }
    redline.deleted_after = gone;
    docx::to_docx_redline(new, redline)
}

/// A document's blacklines in `formats`: the HTML one (`html`) under `name`, the Word one
/// beside it as `.docx` when both sides are Markdown (or one is missing), else the HTML one
/// in its stead, so that every document has a blackline.
fn push_blacklines(
    files: &mut Vec<OutputFile>,
    name: &str,
    html: String,
    (old, new): (&(Format, String), &(Format, String)),
    formats: BlacklineFormats,
    budget: &mut CellBudget,
) -> Result<(), DiffError> {
    let markdown = |side: &(Format, String)| side.0 == Format::Markdown || side.1.is_empty();
    let docx = formats.docx && markdown(old) && markdown(new);
    if docx {
        let bytes = docx_blackline(&old.1, &new.1, budget)
            .map_err(|error| DiffError::Package { name: name.to_owned(), error })?;
        let stem = name.strip_suffix(".htm").unwrap_or(name);
        files.push(OutputFile { name: format!("{stem}.docx"), bytes });
    }
    if formats.html || !docx {
        files.push(OutputFile { name: name.to_owned(), bytes: html.into_bytes() });
    }
    Ok(())
}

pub fn compare(old: &Side, new: &Side) -> Result<Comparison, DiffError> {
    compare_as(old, new, BlacklineFormats::default())
}

/// [`compare`], writing the blacklines in `formats`.
pub fn compare_as(old: &Side, new: &Side, formats: BlacklineFormats) -> Result<Comparison, DiffError> {
    let mut files = Vec::new();
    let mut summary = Vec::new();
    let names: Vec<&String> = {
        let mut all: Vec<&String> = old.documents.keys().chain(new.documents.keys()).collect();
        all.sort();
        all.dedup();
        all
    };
    let blackline_names = blackline_names(names.iter().copied());
    let all_bytes = old.documents.values().chain(new.documents.values()).map(|(_, text)| text.len()).sum();
    let mut budget = CellBudget::for_bytes(all_bytes);
    for name in names {
        let empty = (Format::Text, String::new());
        let (Some(o), Some(n)) = (old.documents.get(name), new.documents.get(name)) else {
            // A document on one side only is compared with an empty one: all of it is new, or
            // all of it is gone.
            let o = old.documents.get(name).unwrap_or(&empty);
            let n = new.documents.get(name).unwrap_or(&empty);
            let (html, _) =
                blackline(name, &old.label, &new.label, &blocks(o.0, &o.1), &blocks(n.0, &n.1), &mut budget);
            push_blacklines(&mut files, &blackline_names[name], html, (o, n), formats, &mut budget)?;
            summary.push((name.clone(), None));
            continue;
        };
        let (html, changes) =
            blackline(name, &old.label, &new.label, &blocks(o.0, &o.1), &blocks(n.0, &n.1), &mut budget);
        push_blacklines(&mut files, &blackline_names[name], html, (o, n), formats, &mut budget)?;
        summary.push((name.clone(), Some(changes)));
    }

    let mut log = format!("# Changes\n\nFrom {} to {}.\n", code_span(&old.label), code_span(&new.label));
    let mut entries = 0;
    if let (Some(o), Some(n)) = (&old.set, &new.set) {
        // Values come from the terms and from `--set`: escaped, so they print literally.
        let show = |v: Option<&String>| {
            v.map_or("(none)".to_owned(), |v| markdown_escaped(&crate::format::shortened(v)))
        };
        let fields = |side: &Side, set: &RenderedSet| {
            changes::fields(&set.filing.in_force)
                .map_err(|error| DiffError::Terms { label: side.label.clone(), error })
        };
        let terms_lines: Vec<String> = changes::terms(&fields(old, o)?, &fields(new, n)?)
            .iter()
            .map(|c| {
                format!("- {}: {} -> {}", code_span(&c.path), show(c.before.as_ref()), show(c.after.as_ref()))
            })
            .collect();
        // In an offer for several classes each class's figures are compared with the same
        // class's, and named by its title as the tie-out names them (the fee is the offer's).
        let several = !o.filing.classes.is_empty() || !n.filing.classes.is_empty();
        let lines = |before: &figures::Figures, after: &figures::Figures, title: &str| -> Vec<String> {
            changes::figures(before, after)
                .iter()
                .map(|c| {
                    let show = |f: Option<&figures::Figure>| f.map_or("(none)".to_owned(), |f| f.display());
                    let class = if several && !c.id.is_offer_wide() {
                        format!(" ({})", markdown_escaped(title))
                    } else {
                        String::new()
                    };
                    format!("- {}{class}: {} -> {}", c.id.label(), show(c.before), show(c.after))
                })
                .collect()
        };
        let mut figure_lines =
            lines(&o.filing.figures, &n.filing.figures, &n.filing.in_force.security.title.0);
        for (was, now) in o.filing.classes.iter().zip(&n.filing.classes) {
            figure_lines.extend(lines(&was.figures, &now.figures, &now.terms.security.title.0));
        }
        entries += terms_lines.len() + figure_lines.len();
        log.push_str("\n## Terms\n\n");
        log.push_str(&if terms_lines.is_empty() {
            "No change.\n".to_owned()
        } else {
            terms_lines.join("\n") + "\n"
        });
        log.push_str("\n## Figures\n\n");
        log.push_str(&if figure_lines.is_empty() {
            "No change.\n".to_owned()
        } else {
            figure_lines.join("\n") + "\n"
        });
    }
    log.push_str("\n## Documents\n\n");
    for (name, changes) in &summary {
        // Document names and folder labels come from the file system: escaped, so that a file
        // named `[x](javascript:...)` or `*draft*.md` prints literally.
        let shown = markdown_escaped(name);
        let line = match changes {
            Some(0) => format!("- {shown}: unchanged\n"),
            Some(n) => format!(
                "- {shown}: {n} change{} (blackline: {})\n",
                plural(*n),
                markdown_escaped(&blackline_names[name])
            ),
            None if old.documents.contains_key(name) => {
                format!("- {shown}: only in {}\n", markdown_escaped(&old.label))
            }
            None => format!("- {shown}: only in {}\n", markdown_escaped(&new.label)),
        };
        log.push_str(&line);
    }
    let changed = entries > 0 || summary.iter().any(|(_, c)| *c != Some(0));
    files.push(OutputFile { name: CHANGELOG.into(), bytes: log.into_bytes() });
    Ok(Comparison { files, changed, summary })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ops cover both sides in order, and Equal only pairs equal items.
    fn assert_ops_rebuild<T: PartialEq + std::fmt::Debug>(old: &[T], new: &[T], ops: &[DiffOp]) {
        let (mut o, mut n) = (0, 0);
        for op in ops {
            assert_eq!((op.old_range().start, op.new_range().start), (o, n), "{op:?}");
            if let DiffOp::Equal { old_index, new_index, len } = *op {
                assert_eq!(old[old_index..old_index + len], new[new_index..new_index + len]);
            }
            (o, n) = (op.old_range().end, op.new_range().end);
        }
        assert_eq!((o, n), (old.len(), new.len()));
    }

    #[test]
    fn a_large_region_keeps_its_unique_common_items_and_replaces_the_rest() {
        // 3,000 paragraphs each side, all changed but every 500th, which stays.
        let side = |tag: &str| -> Vec<String> {
            (0..3000).map(|i| if i % 500 == 0 { format!("kept {i}") } else { format!("{tag} {i}") }).collect()
        };
        let (old, new) = (side("old"), side("new"));
        assert!(old.len() * new.len() > MAX_CELLS);
        let ops = bounded_ops(&old, &new, &mut CellBudget::for_bytes(0));
        assert_ops_rebuild(&old, &new, &ops);
        let kept: Vec<usize> = ops
            .iter()
            .filter_map(|op| match *op {
                DiffOp::Equal { old_index, len, .. } => {
                    Some((old_index..old_index + len).collect::<Vec<_>>())
                }
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(kept, [0, 500, 1000, 1500, 2000, 2500]);
        // What lies between the anchors is small enough to pair paragraph by paragraph.
        assert!(ops.iter().all(|op| matches!(op, DiffOp::Equal { .. } | DiffOp::Replace { .. })), "{ops:?}");
    }

    /// The paragraphs of a blackline's body with the spans of `dropped` (`strike` or `u`) and
    /// then all tags taken out: the new text without `strike`, the old without `u`.
    fn side_of(html: &str, dropped: &str) -> Vec<String> {
        let body = &html[html.find("<hr>").unwrap()..].replace("</p>", "\n");
        let without =
            regex::Regex::new(&format!("<{dropped} [^>]*>[^<]*</{dropped}>")).unwrap().replace_all(body, "");
        let text = regex::Regex::new("<[^>]*>").unwrap().replace_all(&without, "");
        text.lines().filter(|l| !l.is_empty()).map(str::to_owned).collect()
    }

    #[test]
    fn one_budget_bounds_every_gap_and_word_diff_of_a_comparison() {
        // 100 gaps of 30 changed paragraphs between unique anchors: each gap (900 cells) and
        // each paragraph pair (49 cells) is small, but together they spent 237,000 cells.
        let side = |tag: &str| -> Vec<String> {
            (0..3100)
                .map(|i| if i % 31 == 0 { format!("kept {i}") } else { format!("Paragraph {i} says {tag}") })
                .collect()
        };
        let (old, new) = (side("old"), side("new"));
        let mut budget = CellBudget { left: 20_000, spent: 0 };
        let (html, changes) = blackline("a.md", "old", "new", &old, &new, &mut budget);
        assert!(budget.spent <= 20_000, "{budget:?}");
        assert!(budget.spent > 19_000, "the budget is used before falling back: {budget:?}");
        // Every paragraph of both sides is shown, in order.
        assert!(side_of(&html, "strike") == new, "the new text is the blackline's without deletions");
        assert!(side_of(&html, "u") == old, "the old text is the blackline's without insertions");
        assert_eq!(changes, 2 * (3100 - 100));
        // Word by word while the budget lasts, whole paragraphs replaced after.
        let struck = |text: &str| format!("line-through\">{text}</strike>");
        assert!(
            html.contains("Paragraph 1 says ") && html.contains(&struck("old")),
            "first paragraph word by word"
        );
        assert!(html.contains(&struck("Paragraph 3099 says old")), "last paragraph replaced whole");
        // With the budget spent, a paragraph paired with its equal is still unchanged.
        let mut spent = CellBudget { left: 0, spent: 0 };
        assert_eq!(word_changes("Yes.", "Yes.", &mut spent), [(ChangeTag::Equal, "Yes.")]);
    }

    #[test]
    fn the_budget_grows_with_the_documents_and_counts_what_it_spends() {
        let mut budget = CellBudget::for_bytes(1000);
        assert_eq!(budget.left, MAX_CELLS + 1000 * CELLS_PER_BYTE);
        assert!(!budget.take(MAX_CELLS + 1, 1), "no region past MAX_CELLS");
        assert!(budget.take(2000, 2000));
        assert!(budget.take(0, 10_000), "an all-inserted region costs nothing");
        assert_eq!(budget.spent, 4_000_000);
        assert!(!budget.take(1000, 65), "{budget:?}");
        assert!(budget.take(1000, 64));
        assert_eq!(budget.left, 0);
    }

    #[test]
    fn anchors_follow_the_longest_run_in_order_on_both_sides() {
        let old = ["a", "b", "c", "d", "x", "x"];
        let new = ["c", "a", "b", "d", "x"];
        assert_eq!(unique_common(&old, &new), [(0, 1), (1, 2), (3, 3)]);
    }

    #[test]
    fn a_paragraph_too_long_to_diff_word_by_word_still_shows_both_texts() {
        let old: String = (0..3000).map(|i| format!("old{i} ")).collect();
        let new: String = (0..3000).map(|i| format!("new{i} ")).collect();
        let changes = word_changes(&old, &new, &mut CellBudget::for_bytes(0));
        let side = |keep: ChangeTag| -> String {
            changes.iter().filter(|(t, _)| *t == ChangeTag::Equal || *t == keep).map(|(_, v)| *v).collect()
        };
        assert_eq!(side(ChangeTag::Delete), old);
        assert_eq!(side(ChangeTag::Insert), new);
    }

    #[test]
    fn small_paragraphs_diff_word_by_word_as_before() {
        let changes = word_changes(
            "the offer expires on Friday",
            "the offer expires on Monday",
            &mut CellBudget::for_bytes(0),
        );
        let changed: Vec<(ChangeTag, &str)> =
            changes.into_iter().filter(|(t, _)| *t != ChangeTag::Equal).collect();
        assert_eq!(changed, [(ChangeTag::Delete, "Friday"), (ChangeTag::Insert, "Monday")]);
    }

    #[test]
    fn code_spans_hold_any_text() {
        assert_eq!(code_span("data/a.yaml"), "`data/a.yaml`");
        assert_eq!(code_span("a `b` c"), "``a `b` c``");
        assert_eq!(code_span("`x``"), "``` `x`` ```");
    }
}
