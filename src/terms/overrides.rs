//! `--set PATH=VALUE`: "what if" changes applied to the terms file before it is loaded, so that
//! a bad path or value gets the same located error as one written in the file.
//!
//! A change is made on the YAML structure, never on lines: the file is read into a tree of
//! nodes with their source ranges (by the parser serde-saphyr loads with), the value at the
//! path is found, and its exact range (quotes, block indicator and continuation lines included)
//! is replaced by the new value written as a one-line scalar; a missing field is added to its
//! mapping. The result is read again and compared with the tree before, node by node: exactly
//! that one value may differ, and it must read back as the text given, or the change is refused.
//! Where one change cannot be one value (an anchored value used again elsewhere, a value reached
//! through an alias or a merge key), it is refused, saying why.

use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write as _};
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_saphyr::granit_parser::{self, Event, Parser, ScalarStyle, StructureStyle, Tag};

use crate::diagnostics::{Diagnostic, display_path};

/// One `--set`: a field path such as `offer.max_shares` or `counsel[0].name`, and a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub path: String,
    pub value: String,
}

impl std::str::FromStr for Override {
    type Err = String;

    fn from_str(text: &str) -> Result<Override, String> {
        let (path, value) = text.split_once('=').ok_or_else(|| format!("`{text}` is not PATH=VALUE"))?;
        let path = path.trim();
        if steps(path).is_none() {
            return Err(format!("`{path}` is not a field path such as offer.max_shares or counsel[0].name"));
        }
        if value.contains('\n') {
            return Err("a --set value is one line".into());
        }
        Ok(Override { path: path.to_owned(), value: value.to_owned() })
    }
}

impl std::fmt::Display for Override {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}={}", self.path, self.value)
    }
}

/// The text with every override applied, and the line (1-based) of each override's value in
/// it, for messages. A path set twice is listed once, at its last value.
pub struct Applied {
    pub text: String,
    pub lines: Vec<(usize, Override)>,
}

/// Applies each override in order, each on the structure of the text the previous one left: a
/// field present in the file has its value replaced where it stands; a field absent is added to
/// its mapping, which must exist. Two overrides of one path: the last wins.
pub fn apply(file: &Path, source: &str, overrides: &[Override]) -> Result<Applied, Diagnostic> {
    let mut text = source.to_owned();
    let mut tree = match Tree::read(&text) {
        Ok(tree) => tree,
        Err(why) => return Err(unreadable(file, source, &why)),
    };
    if !tree.root.is_some_and(|root| matches!(tree.nodes[root].kind, Kind::Mapping { .. })) {
        return Err(unreadable(file, source, "the file is not a mapping of fields"));
    }
    let mut edits: Vec<Edit> = Vec::new();
    let mut paths: Vec<Vec<Step>> = Vec::with_capacity(overrides.len());
    for o in overrides {
        let refuse = |why: String| {
            Diagnostic::new(format!("--set {o}: {why}"))
                .help(format!("the terms file is {}", display_path(file)))
        };
        let path =
            steps(&o.path).ok_or_else(|| refuse("not a field path such as offer.max_shares".into()))?;
        let target = tree.resolve(&path, &edits).map_err(refuse)?;
        let (range, replacement) = tree.edit(&text, &target, &o.value).map_err(refuse)?;
        let mut changed = String::with_capacity(text.len() + replacement.len());
        changed.push_str(&text[..range.start]);
        changed.push_str(&replacement);
        changed.push_str(&text[range.end..]);
        let cannot = || {
            refuse(
                "the value cannot be written into this file's YAML without changing something else; \
                 change it in the file"
                    .into(),
            )
        };
        let after = Tree::read(&changed).map_err(|_| cannot())?;
        let change = match &target {
            Target::Replace { .. } => Change::Replace(&o.value),
            Target::Add { key, .. } => Change::Add(key, &o.value),
        };
        if !tree.same_except(&after, &path, &change) {
            return Err(cannot());
        }
        edits.push(Edit {
            line: line_at(&text, range.start),
            removed: line_breaks(&text[range.clone()]),
            added: line_breaks(&replacement),
        });
        paths.push(path);
        (text, tree) = (changed, after);
    }
    let mut lines = Vec::new();
    for (i, (o, path)) in overrides.iter().zip(&paths).enumerate() {
        if paths[i + 1..].contains(path) {
            continue;
        }
        if let Some(node) = tree.find_path(path) {
            lines.push((tree.nodes[node].line, o.clone()));
        }
    }
    Ok(Applied { text, lines })
}

/// A diagnostic about the loaded text, told that its line came from a --set.
pub fn explain(mut d: Diagnostic, applied: &Applied) -> Diagnostic {
    if let Some(origin) = &d.origin
        && let Some((_, o)) = applied.lines.iter().find(|(line, _)| *line == origin.line)
    {
        d = d.help(format!("this line comes from `--set {o}`, not from the file"));
    }
    d
}

/// The file itself cannot be read as YAML, or passes the limits loading sets: the error loading
/// it gives, which names the place in the file.
fn unreadable(file: &Path, source: &str, why: &str) -> Diagnostic {
    match super::yaml::parse(file, &std::sync::Arc::from(source)) {
        Err(e) => e.into(),
        Ok(_) => Diagnostic::new(format!("--set cannot read the terms file {}: {why}", display_path(file))),
    }
}

/// One step of a field path: `offer` or `[0]`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// `counsel[0].name` -> [Key(counsel), Index(0), Key(name)]; `None` when it is not a path.
fn steps(path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for segment in path.split('.') {
        let name_end = segment.find('[').unwrap_or(segment.len());
        let name = &segment[..name_end];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        steps.push(Step::Key(name.to_owned()));
        let mut rest = &segment[name_end..];
        while !rest.is_empty() {
            let (digits, after) = rest.strip_prefix('[')?.split_once(']')?;
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            steps.push(Step::Index(digits.parse().ok()?));
            rest = after;
        }
    }
    Some(steps)
}

/// The path of `steps` as written on the command line.
fn display(steps: &[Step]) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            Step::Key(key) if text.is_empty() => text.push_str(key),
            Step::Key(key) => {
                let _ = write!(text, ".{key}");
            }
            Step::Index(i) => {
                let _ = write!(text, "[{i}]");
            }
        }
    }
    text
}

/// The value as a one-line YAML scalar that reads back as exactly `value`, in a block or in a
/// flow collection: plain when nothing in it means anything to YAML, double-quoted otherwise.
fn scalar(value: &str) -> String {
    if reads_the_same_plain(value) { value.to_owned() } else { double_quoted(value) }
}

/// Plain text made of letters, digits, spaces between words and punctuation that YAML gives no
/// meaning to in a block or in a flow collection (no `,[]{}#:`, no double quote), starting with a
/// letter or digit (or a sign or point before a digit), and not a word YAML reads as null.
/// `true` and `false` stay plain: a yes-or-no field needs them so, a text field reads them as
/// the same text.
fn reads_the_same_plain(value: &str) -> bool {
    let mut chars = value.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return false;
    };
    let starts_well = first.is_alphanumeric()
        || matches!(first, '(' | '$' | '_' | '/')
        || (matches!(first, '-' | '+' | '.') && second.is_some_and(|c| c.is_ascii_digit()));
    starts_well
        && !value.ends_with(' ')
        && !matches!(value, "null" | "Null" | "NULL")
        && value.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    ' ' | '.' | '-' | '_' | '+' | '/' | '%' | '$' | '(' | ')' | '\'' | '&' | ';' | '='
                )
        })
}

/// `"..."` with YAML escapes for the quote, the backslash and every character YAML does not
/// allow as it is (control characters, line and paragraph separators, the byte-order mark).
fn double_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        let _ = match c {
            '"' => write!(out, "\\\""),
            '\\' => write!(out, "\\\\"),
            '\t' => write!(out, "\\t"),
            '\n' => write!(out, "\\n"),
            '\r' => write!(out, "\\r"),
            '\u{85}' => write!(out, "\\N"),
            '\u{2028}' => write!(out, "\\L"),
            '\u{2029}' => write!(out, "\\P"),
            ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FEFE}' | '\u{FF00}'..='\u{FFFD}' => {
                write!(out, "{c}")
            }
            '\u{10000}'.. => write!(out, "{c}"),
            c if u32::from(c) <= 0xFF => write!(out, "\\x{:02X}", u32::from(c)),
            c => write!(out, "\\u{:04X}", u32::from(c)),
        };
    }
    out.push('"');
    out
}

/// A YAML document read into nodes with their places in the text.
struct Tree {
    nodes: Vec<Node>,
    root: Option<usize>,
    /// Anchor id -> its node.
    anchored: HashMap<usize, usize>,
    /// Each alias: the anchor id it names and its line.
    uses: Vec<(usize, usize)>,
}

struct Node {
    kind: Kind,
    /// The node's own text: a scalar token with its quotes or (block scalars) its body lines,
    /// an alias token, a collection from its first to its last character.
    bytes: Range<usize>,
    line: usize,
    /// Where the node's properties (anchor, tag) begin, or the node when it has none.
    start: usize,
    /// Where the node's content may begin: past everything before it, its anchor and its tag.
    /// A block scalar's indicator (`>-`) comes after this.
    content_from: usize,
    /// Anchor id and name; the line of the anchor is apart, as it moves with changes above it.
    anchor: Option<(usize, String)>,
    anchor_line: usize,
    tag: Option<Tag>,
}

enum Kind {
    Scalar { value: String, style: ScalarStyle },
    Alias(usize),
    Mapping { style: StructureStyle, entries: Vec<(usize, usize)>, end: usize },
    Sequence { style: StructureStyle, items: Vec<usize> },
}

/// Where a --set lands.
enum Target {
    /// A value present: a scalar, or an alias to a scalar (that one use of it).
    Replace { node: usize, in_mapping: bool },
    /// A field absent from a mapping.
    Add { mapping: usize, key: String },
}

enum Change<'a> {
    Replace(&'a str),
    Add(&'a str, &'a str),
}

/// One change to the text, for telling lines of the file from lines of the changed text.
struct Edit {
    line: usize,
    removed: usize,
    added: usize,
}

/// A container being read, and for a mapping the key read before its value.
struct Open {
    node: usize,
    key: Option<usize>,
}

impl Tree {
    /// Reads the first document, within the limits loading sets (serde-saphyr's budget), so that
    /// a `--set` cannot be made to do more work than loading the file does.
    fn read(text: &str) -> Result<Tree, String> {
        let options = super::yaml::options();
        let budget = super::yaml::budget();
        let parser_options = granit_parser::options! {
            emit_anchor_events: true,
            // Comments are no part of the structure; their events would also move `reach`.
            emit_comments: false,
            strict_indentation: options.strict_indentation,
            bom_inside_document_as_content: options.bom_inside_document_as_content,
            simple_key_max_lookahead: budget.simple_key_max_lookahead,
            flow_nesting_limit: budget.flow_nesting_limit,
            block_nesting_limit: granit_parser::Options::default()
                .block_nesting_limit
                .max(budget.max_depth.saturating_add(1)),
        };
        let mut tree = Tree { nodes: Vec::new(), root: None, anchored: HashMap::new(), uses: Vec::new() };
        let mut open: Vec<Open> = Vec::new();
        let mut reach = 0;
        let mut documents = 0;
        for next in Parser::new_from_str_with_options(text, parser_options) {
            let (event, span) = next.map_err(|e| e.to_string())?;
            let bytes = span.byte_range().ok_or("the parser gave no byte offsets")?;
            let line = span.start.line();
            let tag_bytes = span.tag_span().and_then(|t| t.byte_range());
            let node = |kind: Kind, tag: Option<Tag>| Node {
                kind,
                bytes: bytes.clone(),
                line,
                start: tag_bytes.as_ref().map_or(bytes.start, |t| t.start.min(bytes.start)),
                content_from: tag_bytes.as_ref().map_or(reach, |t| t.end.max(reach)),
                anchor: None,
                anchor_line: line,
                tag,
            };
            let id = tree.nodes.len();
            match event {
                Event::DocumentStart(..) => {
                    documents += 1;
                    if documents > budget.max_documents {
                        return Err("more YAML documents than a terms file holds".into());
                    }
                }
                Event::Scalar(value, style, _, tag) => {
                    let kind = Kind::Scalar { value: value.into_owned(), style };
                    tree.nodes.push(node(kind, tag.map(std::borrow::Cow::into_owned)));
                    tree.attach(&mut open, id);
                }
                Event::Alias(anchor) => {
                    tree.uses.push((anchor, line));
                    if tree.uses.len() > budget.max_aliases {
                        return Err(format!("more than {} aliases", budget.max_aliases));
                    }
                    tree.nodes.push(node(Kind::Alias(anchor), None));
                    tree.attach(&mut open, id);
                }
                Event::MappingStart(style, _, tag) => {
                    let kind = Kind::Mapping { style, entries: Vec::new(), end: bytes.end };
                    tree.nodes.push(node(kind, tag.map(std::borrow::Cow::into_owned)));
                    open.push(Open { node: id, key: None });
                }
                Event::SequenceStart(style, _, tag) => {
                    let kind = Kind::Sequence { style, items: Vec::new() };
                    tree.nodes.push(node(kind, tag.map(std::borrow::Cow::into_owned)));
                    open.push(Open { node: id, key: None });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    if let Some(closed) = open.pop() {
                        let node = &mut tree.nodes[closed.node];
                        node.bytes.end = node.bytes.end.max(bytes.end);
                        if let Kind::Mapping { end, .. } = &mut node.kind {
                            *end = bytes.start;
                        }
                        tree.attach(&mut open, closed.node);
                    }
                }
                // Follows the node it anchors, whose content starts after it.
                Event::Anchor(anchor, name) => {
                    if let Some(last) = tree.nodes.last_mut() {
                        last.anchor = Some((anchor, name.into_owned()));
                        last.anchor_line = line;
                        last.start = last.start.min(bytes.start);
                        last.content_from = last.content_from.max(bytes.end);
                        tree.anchored.insert(anchor, tree.nodes.len() - 1);
                    }
                    if tree.anchored.len() > budget.max_anchors {
                        return Err(format!("more than {} anchors", budget.max_anchors));
                    }
                }
                _ => {}
            }
            if open.len() > budget.max_depth {
                return Err(format!("nesting deeper than {} levels", budget.max_depth));
            }
            if tree.nodes.len() > budget.max_nodes {
                return Err(format!("more than {} nodes", budget.max_nodes));
            }
            reach = reach.max(bytes.end);
        }
        Ok(tree)
    }

    fn attach(&mut self, open: &mut [Open], id: usize) {
        let Some(parent) = open.last_mut() else {
            self.root.get_or_insert(id);
            return;
        };
        match &mut self.nodes[parent.node].kind {
            Kind::Mapping { entries, .. } => match parent.key.take() {
                Some(key) => entries.push((key, id)),
                None => parent.key = Some(id),
            },
            Kind::Sequence { items, .. } => items.push(id),
            Kind::Scalar { .. } | Kind::Alias(_) => {}
        }
    }

    fn is_key(&self, node: usize, key: &str) -> bool {
        matches!(&self.nodes[node].kind, Kind::Scalar { value, .. } if value == key)
    }

    fn is_merge_key(&self, node: usize) -> bool {
        let n = &self.nodes[node];
        let merge_tag = n.tag.as_ref().is_some_and(|t| t.core_suffix() == Some("merge"));
        matches!(&n.kind, Kind::Scalar { value, style } if value == "<<" && (*style == ScalarStyle::Plain || merge_tag))
    }

    /// The value of `key` written in `mapping` itself (the first, should it repeat).
    fn value_of(&self, mapping: usize, key: &str) -> Option<usize> {
        match &self.nodes[mapping].kind {
            Kind::Mapping { entries, .. } => {
                entries.iter().find(|(k, _)| self.is_key(*k, key)).map(|(_, v)| *v)
            }
            _ => None,
        }
    }

    /// The node a path names, following only what is written (no alias, no merge key).
    fn find_path(&self, steps: &[Step]) -> Option<usize> {
        let mut node = self.root?;
        for step in steps {
            node = match (step, &self.nodes[node].kind) {
                (Step::Key(key), Kind::Mapping { .. }) => self.value_of(node, key)?,
                (Step::Index(i), Kind::Sequence { items, .. }) => *items.get(*i)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// The line of the merge key (`<<`) through which `mapping` gets `key`, if it does. Each
    /// node merged is looked at once, however many merge keys and aliases lead to it.
    fn merged_from(&self, mapping: usize, key: &str) -> Option<usize> {
        let Kind::Mapping { entries, .. } = &self.nodes[mapping].kind else {
            return None;
        };
        let mut seen = HashSet::from([mapping]);
        entries.iter().filter(|(k, _)| self.is_merge_key(*k)).find_map(|(merge_key, merged)| {
            let mut pending = vec![*merged];
            while let Some(node) = pending.pop() {
                let node = match self.nodes[node].kind {
                    Kind::Alias(anchor) => match self.anchored.get(&anchor) {
                        Some(target) => *target,
                        None => continue,
                    },
                    _ => node,
                };
                if !seen.insert(node) {
                    continue;
                }
                match &self.nodes[node].kind {
                    Kind::Sequence { items, .. } => pending.extend(items),
                    Kind::Mapping { entries, .. } => {
                        if self.value_of(node, key).is_some() {
                            return Some(self.nodes[*merge_key].line);
                        }
                        pending
                            .extend(entries.iter().filter(|(k, _)| self.is_merge_key(*k)).map(|(_, v)| *v));
                    }
                    Kind::Scalar { .. } | Kind::Alias(_) => {}
                }
            }
            None
        })
    }

    /// Refuses a node whose anchor is used again: changing it would change every use.
    fn unshared(&self, node: usize, path: &[Step], edits: &[Edit]) -> Result<(), String> {
        let Some((anchor, name)) = &self.nodes[node].anchor else {
            return Ok(());
        };
        match self.uses.iter().find(|(used, _)| used == anchor) {
            Some((_, line)) => Err(format!(
                "`{}` is anchored as &{name} and used again at line {}; change it in the file",
                display(path),
                file_line(*line, edits)
            )),
            None => Ok(()),
        }
    }

    /// Where the value at `steps` is, or where it goes when absent; why not, when it cannot be
    /// one value changed.
    fn resolve(&self, steps: &[Step], edits: &[Edit]) -> Result<Target, String> {
        let mut node = self.root.ok_or("the terms file holds no fields")?;
        let mut in_mapping = false;
        let not_added = |at: usize| {
            format!(
                "there is no mapping `{}` in the file to add `{}` to",
                display(&steps[..steps.len() - 1]),
                display(&steps[at..])
            )
        };
        for (at, step) in steps.iter().enumerate() {
            let here = &steps[..at];
            if at > 0 {
                self.unshared(node, here, edits)?;
            }
            let last = at + 1 == steps.len();
            node = match (step, &self.nodes[node].kind) {
                (_, Kind::Alias(anchor)) => {
                    let (name, line) = match self.anchored.get(anchor).map(|n| &self.nodes[*n]) {
                        Some(Node { anchor: Some((_, name)), anchor_line, .. }) => {
                            (name.as_str(), *anchor_line)
                        }
                        _ => ("", 0),
                    };
                    return Err(format!(
                        "`{}` is *{name}, the value anchored as &{name} at line {}: a change under it \
                         would change every use of it; change it in the file",
                        display(here),
                        file_line(line, edits)
                    ));
                }
                (Step::Key(key), Kind::Mapping { .. }) => match self.value_of(node, key) {
                    Some(value) => value,
                    None => {
                        if let Some(line) = self.merged_from(node, key) {
                            return Err(format!(
                                "`{}` is not written in `{}` but merged into it by `<<` at line {}; \
                                 change it in the file",
                                display(&steps[..=at]),
                                display(here),
                                file_line(line, edits)
                            ));
                        }
                        if !last {
                            return Err(not_added(steps.len() - 1));
                        }
                        return Ok(Target::Add { mapping: node, key: key.clone() });
                    }
                },
                (Step::Index(i), Kind::Sequence { items, .. }) => match items.get(*i) {
                    Some(item) => *item,
                    None => {
                        return Err(format!(
                            "`{}` has {} item{}; list items can be replaced but not added with --set",
                            display(here),
                            items.len(),
                            if items.len() == 1 { "" } else { "s" }
                        ));
                    }
                },
                (Step::Index(_), _) => return Err(format!("`{}` is not a list in the file", display(here))),
                (Step::Key(_), _) if here.is_empty() => {
                    return Err("the terms file is not a mapping of fields".into());
                }
                (Step::Key(_), _) => return Err(not_added(steps.len() - 1)),
            };
            in_mapping = matches!(step, Step::Key(_));
        }
        self.unshared(node, steps, edits)?;
        let scalar_alias = match &self.nodes[node].kind {
            Kind::Alias(anchor) => {
                self.anchored.get(anchor).is_some_and(|n| matches!(self.nodes[*n].kind, Kind::Scalar { .. }))
            }
            _ => false,
        };
        match &self.nodes[node].kind {
            Kind::Scalar { .. } => Ok(Target::Replace { node, in_mapping }),
            Kind::Alias(_) if scalar_alias => Ok(Target::Replace { node, in_mapping }),
            _ => Err("the field is a mapping or a list; --set replaces single values".into()),
        }
    }

    /// The range of `text` to replace, and what with.
    fn edit(&self, text: &str, target: &Target, value: &str) -> Result<(Range<usize>, String), String> {
        let new = scalar(value);
        match target {
            Target::Replace { node, in_mapping } => {
                let n = &self.nodes[*node];
                match &n.kind {
                    Kind::Scalar { style: ScalarStyle::Literal | ScalarStyle::Folded, .. } => {
                        block_scalar(text, n, &new)
                            .ok_or_else(|| "cannot find where this block scalar starts".into())
                    }
                    // An empty value (`phone:`) has an empty range where the colon is, or after it.
                    _ if n.bytes.is_empty() => {
                        let at = n.bytes.start;
                        Ok(if text[at..].starts_with(':') {
                            (at + 1..at + 1, format!(" {new}"))
                        } else if *in_mapping {
                            (at..at, format!(": {new}"))
                        } else {
                            (at..at, format!(" {new}"))
                        })
                    }
                    _ => Ok((n.bytes.clone(), new)),
                }
            }
            Target::Add { mapping, key } => {
                let Kind::Mapping { style, entries, end } = &self.nodes[*mapping].kind else {
                    return Err("not a mapping".into());
                };
                let first = entries.first().map(|(k, _)| self.nodes[*k].start);
                let key = scalar(key);
                match (style, first) {
                    // A new line before the first key, at its indentation, with the file's line ending.
                    (StructureStyle::Block, Some(at)) => {
                        let line_start = text[..at].rfind(['\n', '\r']).map_or(0, |p| p + 1);
                        let indent = " ".repeat(text[line_start..at].chars().count());
                        Ok((at..at, format!("{key}: {new}{}{indent}", line_ending(text))))
                    }
                    (StructureStyle::Flow, Some(at)) => Ok((at..at, format!("{key}: {new}, "))),
                    (StructureStyle::Flow, None) => Ok((*end..*end, format!("{key}: {new}"))),
                    (StructureStyle::Block, None) => Err("the mapping is empty".into()),
                }
            }
        }
    }

    /// Whether `after` is this tree with only the change made: every other node the same, with
    /// the same anchors, tags and scalar styles, and the changed value reading back as given.
    fn same_except(&self, after: &Tree, steps: &[Step], change: &Change) -> bool {
        match (self.root, after.root) {
            (Some(a), Some(b)) => self.same(a, after, b, Some(steps), change),
            _ => false,
        }
    }

    /// `rest` is the part of the changed path below these nodes, when they are on it.
    fn same(&self, a: usize, after: &Tree, b: usize, rest: Option<&[Step]>, change: &Change) -> bool {
        let (x, y) = (&self.nodes[a], &after.nodes[b]);
        if let (Some([]), Change::Replace(value)) = (rest, change) {
            let anchor = if matches!(x.kind, Kind::Alias(_)) { &None } else { &x.anchor };
            return reads_back(y, value) && y.anchor == *anchor && y.tag == x.tag;
        }
        if x.anchor != y.anchor || x.tag != y.tag {
            return false;
        }
        match (&x.kind, &y.kind) {
            (Kind::Scalar { value: v, style: s }, Kind::Scalar { value: w, style: t }) => {
                rest.is_none() && v == w && s == t
            }
            (Kind::Alias(p), Kind::Alias(q)) => rest.is_none() && p == q,
            (Kind::Sequence { style: s, items: i }, Kind::Sequence { style: t, items: j }) => {
                s == t
                    && i.len() == j.len()
                    && i.iter().zip(j).enumerate().all(|(n, (p, q))| {
                        let below = match rest {
                            Some([Step::Index(k), tail @ ..]) if *k == n => Some(tail),
                            _ => None,
                        };
                        self.same(*p, after, *q, below, change)
                    })
            }
            (Kind::Mapping { style: s, entries: e, .. }, Kind::Mapping { style: t, entries: f, .. }) => {
                let mut f: Vec<(usize, usize)> = f.clone();
                if let (Some([Step::Key(here)]), Change::Add(key, value)) = (rest, change)
                    && here == key
                {
                    let added: Vec<usize> = (0..f.len()).filter(|i| after.is_key(f[*i].0, key)).collect();
                    match added.as_slice() {
                        [i] if reads_back(&after.nodes[f[*i].1], value)
                            && after.nodes[f[*i].1].anchor.is_none() =>
                        {
                            f.remove(*i);
                        }
                        _ => return false,
                    }
                } else if matches!(rest, Some([])) {
                    return false;
                }
                let followed = match rest {
                    Some([Step::Key(key), ..]) => e.iter().position(|(k, _)| self.is_key(*k, key)),
                    _ => None,
                };
                s == t
                    && e.len() == f.len()
                    && e.iter().zip(&f).enumerate().all(|(n, ((k, v), (l, w)))| {
                        let below = match rest {
                            Some([_, tail @ ..]) if followed == Some(n) => Some(tail),
                            _ => None,
                        };
                        self.same(*k, after, *l, None, change) && self.same(*v, after, *w, below, change)
                    })
            }
            _ => false,
        }
    }
}

/// A node written by [`scalar`] that reads back as exactly `value`.
fn reads_back(node: &Node, value: &str) -> bool {
    matches!(&node.kind, Kind::Scalar { value: v, style: ScalarStyle::Plain | ScalarStyle::DoubleQuoted } if v == value)
}

/// A block scalar's range from its indicator (`>-`, `|`) to the end of its last line, and the
/// new value with the comment on the indicator's line, if any.
fn block_scalar(text: &str, node: &Node, new: &str) -> Option<(Range<usize>, String)> {
    let mut at = node.content_from;
    // Between the key (or `-`) and the indicator: `:`, spaces, line breaks and comments.
    loop {
        match text[at..].chars().next()? {
            ' ' | '\t' | '\r' | '\n' | ':' | '-' | '?' => at += 1,
            '#' => at += text[at..].find(['\n', '\r'])?,
            '|' | '>' => break,
            _ => return None,
        }
    }
    let header_end = text[at..].find(['\n', '\r']).map_or(text.len(), |p| at + p);
    let header = &text[at..header_end];
    let comment = header.find('#').map_or("", |p| &header[header[..p].trim_end().len()..]);
    let body_end = text[..node.bytes.end].trim_end_matches([' ', '\t', '\r', '\n']).len().max(header_end);
    Some((at..body_end, format!("{new}{comment}")))
}

/// The line ending the file uses (its first one), for a line added to it.
fn line_ending(text: &str) -> &'static str {
    match text.find(['\n', '\r']) {
        Some(p) if text[p..].starts_with("\r\n") => "\r\n",
        Some(p) if text[p..].starts_with('\r') => "\r",
        _ => "\n",
    }
}

/// Line breaks in `text`, as the YAML parser counts them.
fn line_breaks(text: &str) -> usize {
    line_at(text, text.len()) - 1
}

/// The line (1-based) of a byte offset.
fn line_at(text: &str, at: usize) -> usize {
    crate::diagnostics::line_and_column(text, at).0
}

/// The line of the file a line of the changed text comes from (the line of the change, for a
/// line it wrote).
fn file_line(mut line: usize, edits: &[Edit]) -> usize {
    for edit in edits.iter().rev() {
        if line > edit.line + edit.added {
            line = line - edit.added + edit.removed;
        } else if line > edit.line {
            line = edit.line;
        }
    }
    line
}

/// Reads the value at the steps of a path, skipping everything else.
struct TextAt<'a>(&'a [Step]);

impl<'de> DeserializeSeed<'de> for TextAt<'_> {
    type Value = Option<String>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<String>, D::Error> {
        match self.0 {
            [] => String::deserialize(d).map(Some),
            [Step::Key(_), ..] => d.deserialize_map(self),
            [Step::Index(_), ..] => d.deserialize_seq(self),
        }
    }
}

impl<'de> Visitor<'de> for TextAt<'_> {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the path")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<String>, A::Error> {
        let Some((Step::Key(wanted), rest)) = self.0.split_first() else {
            return Err(de::Error::custom("not a key"));
        };
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == *wanted && found.is_none() {
                found = map.next_value_seed(TextAt(rest))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<String>, A::Error> {
        let Some((Step::Index(wanted), rest)) = self.0.split_first() else {
            return Err(de::Error::custom("not an index"));
        };
        let mut found = None;
        for i in 0.. {
            let item = if i == *wanted {
                seq.next_element_seed(TextAt(rest))?.map(|v| found = v)
            } else {
                seq.next_element::<IgnoredAny>()?.map(|_| ())
            };
            if item.is_none() {
                break;
            }
        }
        Ok(found)
    }
}

/// The text at a field path of a YAML document (`offer.max_shares`, `counsel[0].name`), read
/// as a text field of the terms reads it; `Ok(None)` when the document has no such field. This
/// states what [`apply`] promises: after it, the text at the path is the value given.
pub fn text_at(source: &str, path: &str) -> Result<Option<String>, String> {
    let steps = steps(path).ok_or_else(|| format!("`{path}` is not a field path"))?;
    serde_saphyr::with_deserializer_from_str_with_options(source, super::yaml::options(), |d| {
        TextAt(&steps).deserialize(d)
    })
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn over(path: &str, value: &str) -> Override {
        Override { path: path.into(), value: value.into() }
    }

    fn set(source: &str, path: &str, value: &str) -> Result<String, Diagnostic> {
        apply(Path::new("t.yaml"), source, &[over(path, value)]).map(|a| a.text)
    }

    fn refusal(source: &str, path: &str, value: &str) -> String {
        match set(source, path, value) {
            Ok(text) => panic!("--set {path}={value} was applied:\n{text}"),
            Err(d) => d.message,
        }
    }

    /// A YAML document as serde-saphyr loads it, every scalar typed as YAML reads it.
    #[derive(Debug, Clone, PartialEq)]
    enum Loose {
        Null,
        Bool(bool),
        Int(i128),
        Float(String),
        Text(String),
        List(Vec<Loose>),
        Map(Vec<(Loose, Loose)>),
    }

    impl<'de> Deserialize<'de> for Loose {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Loose, D::Error> {
            d.deserialize_any(LooseVisitor)
        }
    }

    struct LooseVisitor;

    impl<'de> Visitor<'de> for LooseVisitor {
        type Value = Loose;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any YAML")
        }
        fn visit_bool<E>(self, v: bool) -> Result<Loose, E> {
            Ok(Loose::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Loose, E> {
            Ok(Loose::Int(v.into()))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Loose, E> {
            Ok(Loose::Int(v.into()))
        }
        fn visit_i128<E>(self, v: i128) -> Result<Loose, E> {
            Ok(Loose::Int(v))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Loose, E> {
            Ok(Loose::Float(format!("{v:?}")))
        }
        fn visit_str<E>(self, v: &str) -> Result<Loose, E> {
            Ok(Loose::Text(v.to_owned()))
        }
        fn visit_unit<E>(self) -> Result<Loose, E> {
            Ok(Loose::Null)
        }
        fn visit_none<E>(self) -> Result<Loose, E> {
            Ok(Loose::Null)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
            Loose::deserialize(d)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(Loose::List(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
            let mut entries = Vec::new();
            while let Some(entry) = map.next_entry()? {
                entries.push(entry);
            }
            Ok(Loose::Map(entries))
        }
    }

    impl Loose {
        /// The document without the value at `steps`: an entry removed, a list item emptied.
        fn without(mut self, steps: &[Step]) -> Loose {
            let mut node = &mut self;
            for (at, step) in steps.iter().enumerate() {
                let last = at + 1 == steps.len();
                node = match (step, node) {
                    (Step::Key(key), Loose::Map(entries)) => {
                        let Some(i) = entries.iter().position(|(k, _)| *k == Loose::Text(key.clone())) else {
                            break;
                        };
                        if last {
                            entries.remove(i);
                            break;
                        }
                        &mut entries[i].1
                    }
                    (Step::Index(i), Loose::List(items)) if *i < items.len() => &mut items[*i],
                    _ => break,
                };
                if last {
                    *node = Loose::Null;
                }
            }
            self
        }
    }

    fn loose(text: &str) -> Loose {
        serde_saphyr::from_str_with_options(text, crate::terms::yaml::options())
            .unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    /// The line `line` (1-based) of `text`, whatever its line endings.
    fn line_of(text: &str, line: usize) -> &str {
        text.split_inclusive(['\n', '\r'])
            .filter(|l| *l != "\n" || !text.contains('\r'))
            .nth(line - 1)
            .unwrap_or("")
    }

    /// Applies `--set path=value` and checks the result loads as the source did with that one
    /// value changed, which reads back as `value` on the line `Applied` names.
    fn set_exactly(source: &str, path: &str, value: &str) -> String {
        let steps = steps(path).unwrap();
        let applied = apply(Path::new("t.yaml"), source, &[over(path, value)])
            .unwrap_or_else(|d| panic!("{}\n{source}", d.render(false)));
        let text = &applied.text;
        assert_eq!(loose(text).without(&steps), loose(source).without(&steps), "{source}\n->\n{text}");
        assert_eq!(text_at(text, path).unwrap().as_deref(), Some(value), "{text}");
        let [(line, _)] = applied.lines.as_slice() else { panic!("{:?}", applied.lines.len()) };
        assert!(line_of(text, *line).contains(&scalar(value)), "line {line} of\n{text}");
        applied.text
    }

    #[test]
    fn replaces_the_whole_value_of_every_scalar_style() {
        // A plain scalar folded over two lines, with a comment after it.
        let source = "offer:\n  about: Ault Alliance, a\n    holding company  # note\n  max_shares: 10\n";
        assert_eq!(
            set_exactly(source, "offer.about", "0.1"),
            "offer:\n  about: 0.1  # note\n  max_shares: 10\n"
        );
        // Double-quoted over two lines.
        let source = "name: \"Ault\n  Alliance\"\nnext: 1\n";
        assert_eq!(set_exactly(source, "name", "Ault, Inc."), "name: \"Ault, Inc.\"\nnext: 1\n");
        // Single-quoted, with an escaped quote.
        assert_eq!(set_exactly("name: 'it''s'\n", "name", "its"), "name: its\n");
        // The value on the line after its key.
        let source = "offer:\n  max_shares:\n    60_000_000\n  min: 1\n";
        assert_eq!(set_exactly(source, "offer.max_shares", "5"), "offer:\n  max_shares:\n    5\n  min: 1\n");
        // Block scalars: indicator and body replaced, the comment on the indicator's line kept.
        let source = "about: >- # from the release\n  long\n  text\n\nend: 1\n";
        assert_eq!(set_exactly(source, "about", "short"), "about: short # from the release\n\nend: 1\n");
        let source = "about: |+\n\n  kept\n\n\nend: 1\n";
        assert_eq!(set_exactly(source, "about", "short"), "about: short\n\n\nend: 1\n");
        assert_eq!(set_exactly("a: 1\nabout: >\n  at the end", "about", "x"), "a: 1\nabout: x");
        // In a list item, on the line of its dash.
        assert_eq!(set_exactly("list:\n- |\n  x\n- y\n", "list[0]", "z"), "list:\n- z\n- y\n");
    }

    #[test]
    fn replaces_values_in_flow_collections() {
        let source = "closing_price: {price: 0.083, date: 2023-12-12}\n";
        assert_eq!(
            set_exactly(source, "closing_price.price", "0.1"),
            "closing_price: {price: 0.1, date: 2023-12-12}\n"
        );
        let source = "roles: [issuer, offeror]\nafter: 1\n";
        assert_eq!(
            set_exactly(source, "roles[1]", "other_person"),
            "roles: [issuer, other_person]\nafter: 1\n"
        );
        // Text that means something in a flow collection is quoted.
        assert_eq!(set_exactly(source, "roles[0]", "a, b]"), "roles: [\"a, b]\", offeror]\nafter: 1\n");
        let source = "m: {a: [1, {b: \"x\n  y\"}], c: 2}\n";
        assert_eq!(set_exactly(source, "m.a[1].b", "z"), "m: {a: [1, {b: z}], c: 2}\n");
    }

    #[test]
    fn fills_empty_values() {
        assert_eq!(set_exactly("phone:\nnext: 1\n", "phone", "555"), "phone: 555\nnext: 1\n");
        assert_eq!(set_exactly("phone:   # none yet\n", "phone", "555"), "phone: 555   # none yet\n");
        assert_eq!(set_exactly("m: {a, b: }\n", "m.a", "1"), "m: {a: 1, b: }\n");
        assert_eq!(set_exactly("m: {a, b: }\n", "m.b", "1"), "m: {a, b: 1 }\n");
        assert_eq!(set_exactly("l:\n  -\n  - x\n", "l[0]", "1"), "l:\n  - 1\n  - x\n");
    }

    #[test]
    fn adds_absent_fields_to_their_mapping() {
        let source = "offer:\n  max_shares: 10  # note\nend: 1\n";
        assert_eq!(
            set_exactly(source, "offer.min_shares", "5"),
            "offer:\n  min_shares: 5\n  max_shares: 10  # note\nend: 1\n"
        );
        assert_eq!(set_exactly(source, "start", "5"), "start: 5\noffer:\n  max_shares: 10  # note\nend: 1\n");
        // An optional field absent from a list item written `- name: A`.
        let source = "counsel:\n  - name: A\n    firm: B\n  - name: C\n";
        assert_eq!(
            set_exactly(source, "counsel[1].phone", "(212) 451-2300"),
            "counsel:\n  - name: A\n    firm: B\n  - phone: (212) 451-2300\n    name: C\n"
        );
        // Flow mappings, empty or not.
        assert_eq!(set_exactly("m: {a: 1}\n", "m.b", "2"), "m: {b: 2, a: 1}\n");
        assert_eq!(set_exactly("m: {}\n", "m.b", "x: y"), "m: {b: \"x: y\"}\n");
        // A key YAML would read as something else is quoted.
        assert_eq!(set_exactly("m: {}\n", "m.null", "1"), "m: {\"null\": 1}\n");
    }

    #[test]
    fn keeps_the_files_line_endings_and_text_before_the_value() {
        let crlf = "offer:\r\n  about: >-\r\n    long\r\n    text\r\n  max: 1\r\n";
        assert_eq!(set_exactly(crlf, "offer.about", "x"), "offer:\r\n  about: x\r\n  max: 1\r\n");
        assert_eq!(
            set_exactly(crlf, "offer.min", "2"),
            "offer:\r\n  min: 2\r\n  about: >-\r\n    long\r\n    text\r\n  max: 1\r\n"
        );
        let cr = "offer:\r  about: >-\r    long\r    text\r  max: 1\r";
        assert_eq!(set_exactly(cr, "offer.about", "x"), "offer:\r  about: x\r  max: 1\r");
        assert_eq!(set_exactly(cr, "offer.max", "2"), "offer:\r  about: >-\r    long\r    text\r  max: 2\r");
        assert_eq!(
            set_exactly(cr, "offer.min", "2"),
            "offer:\r  min: 2\r  about: >-\r    long\r    text\r  max: 1\r"
        );
        // Multi-byte characters before the value on its line and in the lines above.
        let source = "about: Ault Alliance’s héadquarters\nm: {société: Générale, prix: 0.083}\n";
        assert_eq!(
            set_exactly(source, "m.prix", "0.1"),
            "about: Ault Alliance’s héadquarters\nm: {société: Générale, prix: 0.1}\n"
        );
        assert_eq!(set_exactly("\u{FEFF}a: é\nb: 1\n", "b", "ü"), "\u{FEFF}a: é\nb: ü\n");
    }

    #[test]
    fn anchors_are_kept_and_shared_values_refused() {
        // Anchored and not used again: the anchor stays on the new value.
        assert_eq!(
            set_exactly("price: &price 0.083\nother: 1\n", "price", "0.1"),
            "price: &price 0.1\nother: 1\n"
        );
        assert_eq!(set_exactly("about: &a !!str |\n  x\nb: 1\n", "about", "y"), "about: &a !!str y\nb: 1\n");
        // One use of an anchored value is replaced alone.
        let source = "offer:\n  x: &price 0.083\n  y: *price\n";
        assert_eq!(set_exactly(source, "offer.y", "0.1"), "offer:\n  x: &price 0.083\n  y: 0.1\n");
        assert_eq!(
            refusal(source, "offer.x", "0.1"),
            "--set offer.x=0.1: `offer.x` is anchored as &price and used again at line 3; change it in the file"
        );
        // A change inside shared structure, through its anchor, an alias or a merge key.
        let source = "base: &base\n  price: 1\n  date: 2\ncopy: *base\nmerged:\n  <<: *base\n  own: 3\n";
        assert_eq!(
            refusal(source, "base.price", "5"),
            "--set base.price=5: `base` is anchored as &base and used again at line 4; change it in the file"
        );
        assert_eq!(
            refusal(source, "copy.price", "5"),
            "--set copy.price=5: `copy` is *base, the value anchored as &base at line 1: a change under it \
             would change every use of it; change it in the file"
        );
        assert_eq!(
            refusal(source, "merged.price", "5"),
            "--set merged.price=5: `merged.price` is not written in `merged` but merged into it by `<<` at \
             line 6; change it in the file"
        );
        assert_eq!(
            refusal(source, "copy", "5"),
            "--set copy=5: the field is a mapping or a list; --set replaces single values"
        );
        // Merge keys chained through aliases are followed once each, not once per way to them.
        let mut chain = "a0: &a0 {x: 1}\n".to_owned();
        for i in 1..=40 {
            let _ = writeln!(chain, "a{i}: &a{i} {{<<: [*a{p}, *a{p}]}}", p = i - 1);
        }
        assert!(refusal(&chain, "a40.x", "2").contains("merged into it by `<<` at line 41"));
        // What the mapping with the merge key writes itself is its own.
        set_exactly(source, "merged.own", "4");
        set_exactly(source, "merged.new", "4");
        // Lines named are the file's, even after an earlier --set took lines out.
        let source = "about: |\n  one\n  two\nx: &x 1\ny: *x\n";
        let twice = [over("about", "short"), over("x", "2")];
        let err = apply(Path::new("t.yaml"), source, &twice).err().unwrap();
        assert!(err.message.contains("&x and used again at line 5"), "{}", err.message);
    }

    #[test]
    fn refuses_what_is_not_one_value() {
        let source = "offer:\n  max: 1\nlist: [a]\n";
        assert_eq!(
            refusal(source, "offer", "5"),
            "--set offer=5: the field is a mapping or a list; --set replaces single values"
        );
        assert_eq!(
            refusal(source, "list[1]", "b"),
            "--set list[1]=b: `list` has 1 item; list items can be replaced but not added with --set"
        );
        assert_eq!(
            refusal(source, "nothing.here", "5"),
            "--set nothing.here=5: there is no mapping `nothing` in the file to add `here` to"
        );
        assert_eq!(
            refusal(source, "offer.max.deeper", "5"),
            "--set offer.max.deeper=5: there is no mapping `offer.max` in the file to add `deeper` to"
        );
        assert_eq!(refusal(source, "offer[0]", "5"), "--set offer[0]=5: `offer` is not a list in the file");
        assert_eq!(refusal(source, "a..b", "5"), "--set a..b=5: not a field path such as offer.max_shares");
    }

    #[test]
    fn a_file_that_does_not_read_gets_its_own_error() {
        let err = set("offer: [unclosed\n", "offer", "1").err().unwrap();
        assert!(err.origin.is_some() && !err.message.contains("--set"), "{err:?}");
        // Deeper than loading allows: refused by the same limit, no work beyond it.
        let deep = format!("a: {}1{}\n", "[".repeat(100), "]".repeat(100));
        assert_eq!(Tree::read(&deep).err().as_deref(), Some("nesting deeper than 64 levels"));
        let err = set(&deep, "b", "1").err().unwrap();
        assert!(err.origin.is_some() && !err.message.contains("--set"), "{err:?}");
    }

    #[test]
    fn several_sets_apply_in_order_and_the_last_of_a_path_wins() {
        let source = "about: >-\n  one\n  two\nprice: 1\n";
        let sets = [over("about", "x"), over("new", "n"), over("price", "2"), over("price", "3")];
        let applied = apply(Path::new("t.yaml"), source, &sets).unwrap();
        assert_eq!(applied.text, "new: n\nabout: x\nprice: 3\n");
        let lines: Vec<(usize, String)> = applied.lines.iter().map(|(l, o)| (*l, o.to_string())).collect();
        assert_eq!(lines, [(2, "about=x".to_owned()), (1, "new=n".to_owned()), (3, "price=3".to_owned())]);
    }

    #[test]
    fn writes_values_as_scalars_that_read_back_as_given() {
        for plain in [
            "50000000",
            "0.083",
            "-5",
            "+1",
            ".5",
            "1e3",
            "Ault Alliance",
            "Société",
            "true",
            "(949) 444-5464",
            "13.00%",
            "a&b",
            "x=y",
        ] {
            assert_eq!(scalar(plain), plain);
        }
        for (value, quoted) in [
            ("", "\"\""),
            ("null", "\"null\""),
            ("~", "\"~\""),
            ("a, b", "\"a, b\""),
            ("a #b", "\"a #b\""),
            ("5:00 p.m.", "\"5:00 p.m.\""),
            ("[x]", "\"[x]\""),
            ("- x", "\"- x\""),
            (" lead", "\" lead\""),
            ("say \"hi\"\\", "\"say \\\"hi\\\"\\\\\""),
            (
                "line\nnext\ttab\r\u{7}\u{85}\u{2028}\u{FEFF}\u{1B}",
                "\"line\\nnext\\ttab\\r\\x07\\N\\L\\uFEFF\\x1B\"",
            ),
        ] {
            assert_eq!(scalar(value), quoted);
        }
    }

    #[test]
    fn parses_paths() {
        assert!("counsel[0].name=A".parse::<Override>().is_ok());
        assert!("a[0][1]=A".parse::<Override>().is_ok());
        assert!("offer..x=1".parse::<Override>().is_err());
        assert!("offer.x[a]=1".parse::<Override>().is_err());
        assert!("offer.x[1=1".parse::<Override>().is_err());
        assert!("nothing".parse::<Override>().is_err());
        assert!("a=1\n2".parse::<Override>().is_err());
        assert_eq!(display(&steps("a[0][1].b").unwrap()), "a[0][1].b");
    }

    /// A generated YAML document: every scalar style, block and flow collections.
    #[derive(Debug, Clone)]
    enum Doc {
        Text(Style, Vec<String>),
        Map(bool, Vec<Doc>),
        List(bool, Vec<Doc>),
    }

    #[derive(Debug, Clone, Copy)]
    enum Style {
        Plain,
        PlainFolded,
        Double,
        DoubleFolded,
        Single,
        Literal,
        Folded,
        NextLine,
        Empty,
        Anchored,
        Commented,
    }

    fn doc() -> impl Strategy<Value = Doc> {
        let style = prop_oneof![
            Just(Style::Plain),
            Just(Style::PlainFolded),
            Just(Style::Double),
            Just(Style::DoubleFolded),
            Just(Style::Single),
            Just(Style::Literal),
            Just(Style::Folded),
            Just(Style::NextLine),
            Just(Style::Empty),
            Just(Style::Anchored),
            Just(Style::Commented),
        ];
        let words = prop::collection::vec("[a-zA-Z][a-zA-Z0-9é日本’]{0,5}", 1..4);
        let leaf = (style, words).prop_map(|(s, w)| Doc::Text(s, w));
        leaf.prop_recursive(4, 24, 4, |inner| {
            prop_oneof![
                (any::<bool>(), prop::collection::vec(inner.clone(), 1..4)).prop_map(|(f, e)| Doc::Map(f, e)),
                (any::<bool>(), prop::collection::vec(inner, 1..4)).prop_map(|(f, e)| Doc::List(f, e)),
                Just(Doc::Map(true, Vec::new())),
            ]
        })
    }

    /// Renders `doc` as the value after `key:` or `-` at indentation `indent`.
    fn block(doc: &Doc, indent: usize, out: &mut String) {
        let inner = " ".repeat(indent + 2);
        match doc {
            Doc::Text(style, words) => {
                let (first, rest) = (&words[0], words[1..].join(" "));
                let all = words.join(" ");
                let _ = match style {
                    Style::Plain => write!(out, " {all}"),
                    Style::PlainFolded if rest.is_empty() => write!(out, " {all}"),
                    Style::PlainFolded => write!(out, " {first}\n{inner}{rest}"),
                    Style::Double => write!(out, " \"{all}\""),
                    Style::DoubleFolded => write!(out, " \"{first}\n{inner}{rest}\""),
                    Style::Single => write!(out, " '{all}'"),
                    Style::Literal => write!(out, " |\n{inner}{first}\n{inner}{rest}"),
                    Style::Folded => write!(out, " >- # folded\n{inner}{first}\n\n{inner}{rest}\n"),
                    Style::NextLine => write!(out, "\n{inner}{all}"),
                    Style::Empty => Ok(()),
                    Style::Anchored => write!(out, " &{first} {all}"),
                    Style::Commented => write!(out, " {all} # after"),
                };
            }
            Doc::Map(false, entries) if !entries.is_empty() => {
                for (i, entry) in entries.iter().enumerate() {
                    let _ = write!(out, "\n{inner}key{i}:");
                    block(entry, indent + 2, out);
                }
            }
            Doc::List(false, items) => {
                for item in items {
                    let _ = write!(out, "\n{inner}-");
                    match item {
                        // A mapping in a list item starts on the line of its dash.
                        Doc::Map(false, entries) if !entries.is_empty() => {
                            for (i, entry) in entries.iter().enumerate() {
                                let pad = if i == 0 { " ".to_owned() } else { format!("\n{inner}  ") };
                                let _ = write!(out, "{pad}key{i}:");
                                block(entry, indent + 4, out);
                            }
                        }
                        _ => block(item, indent + 2, out),
                    }
                }
            }
            _ => {
                out.push(' ');
                flow(doc, out);
            }
        }
    }

    fn flow(doc: &Doc, out: &mut String) {
        match doc {
            Doc::Text(Style::Double | Style::DoubleFolded, words) => {
                let _ = write!(out, "\"{}\"", words.join("\n  "));
            }
            Doc::Text(_, words) => out.push_str(&words.join(" ")),
            Doc::Map(_, entries) => {
                out.push('{');
                for (i, entry) in entries.iter().enumerate() {
                    let _ = write!(out, "{}key{i}: ", if i > 0 { ", " } else { "" });
                    flow(entry, out);
                }
                out.push('}');
            }
            Doc::List(_, items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i > 0 { ", " } else { "" });
                    flow(item, out);
                }
                out.push(']');
            }
        }
    }

    /// Paths of the document's scalars, and of a field absent from each of its mappings.
    fn targets(doc: &Doc, path: &str, found: &mut Vec<String>) {
        match doc {
            Doc::Text(..) => found.push(path.to_owned()),
            Doc::Map(_, entries) => {
                found.push(format!("{path}.added"));
                for (i, entry) in entries.iter().enumerate() {
                    targets(entry, &format!("{path}.key{i}"), found);
                }
            }
            Doc::List(_, items) => {
                for (i, item) in items.iter().enumerate() {
                    targets(item, &format!("{path}[{i}]"), found);
                }
            }
        }
    }

    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            "[ -~]{0,12}",
            any::<String>(),
            "[a-z0-9 .,:#'\"{}\\[\\]&*!|>%@`-]{1,10}",
            prop::sample::select(vec![
                "true", "null", "~", "0.10", "1e3", "-5", "yes", "", " x ", "a\nb", "---", "..."
            ])
            .prop_map(str::to_owned),
        ]
    }

    proptest! {
        #[test]
        fn set_changes_exactly_one_value(
            entries in prop::collection::vec(doc(), 1..5),
            pick in any::<prop::sample::Index>(),
            value in value(),
            ending in prop::sample::select(vec!["\n", "\r\n", "\r"]),
        ) {
            let root = Doc::Map(false, entries);
            let mut source = String::new();
            if let Doc::Map(_, entries) = &root {
                for (i, entry) in entries.iter().enumerate() {
                    let _ = write!(source, "key{i}:");
                    block(entry, 0, &mut source);
                    source.push('\n');
                }
            }
            let source = source.replace('\n', ending);
            let mut found = Vec::new();
            targets(&root, "", &mut found);
            let path = pick.get(&found).trim_start_matches('.').to_owned();
            set_exactly(&source, &path, &value);
        }
    }
}
