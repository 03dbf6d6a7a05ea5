//! Blacklines and the changelog: what changed between two renderings of a set (two terms
//! files, a terms file and `--set` overrides, two folders, or two documents), word by word,
//! as counsel's compare shows it, and which terms and figures moved.

use std::collections::BTreeMap;

use similar::{Algorithm, ChangeTag, DiffOp, TextDiff};

use crate::check::{Format, plain_text};
use crate::figures;
use crate::html::{P_STYLE, escape_text, page};
use crate::output::OutputFile;
use crate::pipeline::RenderedSet;

/// One side of a comparison.
pub struct Side {
    /// How the side is named in the outputs: a file or folder path.
    pub label: String,
    /// Its documents by name, as written.
    pub documents: BTreeMap<String, (Format, String)>,
    /// The rendered set, when the side is a terms file.
    pub set: Option<RenderedSet>,
}

pub struct Comparison {
    pub files: Vec<OutputFile>,
    pub changed: bool,
    /// Per document: its name and the number of changes (`None` when on one side only).
    pub summary: Vec<(String, Option<usize>)>,
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

/// A paragraph's words, old against new, runs of the same kind merged.
fn words(out: &mut String, old: &str, new: &str, counts: &mut Counts) {
    let diff = TextDiff::configure().algorithm(Algorithm::Patience).diff_words(old, new);
    let mut run: Option<(ChangeTag, String)> = None;
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        match &mut run {
            Some((t, text)) if *t == tag => text.push_str(change.value()),
            _ => {
                if let Some((t, text)) = run.take() {
                    span(out, t, &text, counts);
                }
                run = Some((tag, change.value().to_owned()));
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
) -> (String, usize) {
    let mut body = String::new();
    let mut counts = Counts::default();
    let paragraph =
        |body: &mut String, inner: &str| body.push_str(&format!("<p style=\"{P_STYLE}\">{inner}</p>\n"));
    for op in similar::capture_diff_slices(Algorithm::Patience, old, new) {
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
                    words(&mut inner, &old[old_index + i], &new[new_index + i], &mut counts);
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

/// Flattens terms as JSON into field path -> value, for the changelog.
fn flatten(prefix: &str, value: &serde_json::Value, out: &mut BTreeMap<String, String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&path, v, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(&format!("{prefix}[{i}]"), v, out);
            }
        }
        serde_json::Value::Null => {}
        serde_json::Value::String(s) => {
            out.insert(prefix.to_owned(), s.clone());
        }
        other => {
            out.insert(prefix.to_owned(), other.to_string());
        }
    }
}

fn shorten(value: &str) -> String {
    let flat: String = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 80 { format!("{}...", flat.chars().take(77).collect::<String>()) } else { flat }
}

pub fn compare(old: &Side, new: &Side) -> Comparison {
    let mut files = Vec::new();
    let mut summary = Vec::new();
    let names: Vec<&String> = {
        let mut all: Vec<&String> = old.documents.keys().chain(new.documents.keys()).collect();
        all.sort();
        all.dedup();
        all
    };
    let blackline_names = blackline_names(names.iter().copied());
    for name in names {
        let empty = (Format::Text, String::new());
        let (Some(o), Some(n)) = (old.documents.get(name), new.documents.get(name)) else {
            let present = old.documents.get(name).or(new.documents.get(name)).unwrap_or(&empty);
            let (o, n) = if old.documents.contains_key(name) { (present, &empty) } else { (&empty, present) };
            let (html, _) = blackline(name, &old.label, &new.label, &blocks(o.0, &o.1), &blocks(n.0, &n.1));
            files.push(OutputFile { name: blackline_names[name].clone(), bytes: html.into_bytes() });
            summary.push((name.clone(), None));
            continue;
        };
        let (html, changes) = blackline(name, &old.label, &new.label, &blocks(o.0, &o.1), &blocks(n.0, &n.1));
        files.push(OutputFile { name: blackline_names[name].clone(), bytes: html.into_bytes() });
        summary.push((name.clone(), Some(changes)));
    }

    let mut log = format!("# Changes\n\nFrom `{}` to `{}`.\n", old.label, new.label);
    let mut entries = 0;
    if let (Some(o), Some(n)) = (&old.set, &new.set) {
        let mut before = BTreeMap::new();
        let mut after = BTreeMap::new();
        flatten("", &serde_json::to_value(o.terms.terms.in_force()).unwrap_or_default(), &mut before);
        flatten("", &serde_json::to_value(n.terms.terms.in_force()).unwrap_or_default(), &mut after);
        let mut terms_lines = Vec::new();
        let keys: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
        for key in keys {
            let (b, a) = (before.get(key), after.get(key));
            if b != a {
                let show = |v: Option<&String>| v.map_or("(none)".to_owned(), |v| shorten(v));
                terms_lines.push(format!("- `{key}`: {} -> {}", show(b), show(a)));
            }
        }
        let mut figure_lines = Vec::new();
        let mut names: Vec<&'static str> = o.figures.all().iter().map(|f| f.name).collect();
        names.extend(
            n.figures.all().iter().map(|f| f.name).filter(|x| !names.contains(x)).collect::<Vec<_>>(),
        );
        for name in names {
            let show = |f: Option<&figures::Figure>| f.map_or("(none)".to_owned(), |f| f.display());
            let (b, a) = (show(o.figures.get(name)), show(n.figures.get(name)));
            if b != a {
                figure_lines.push(format!("- {}: {b} -> {a}", figures::label(name)));
            }
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
        let line = match changes {
            Some(0) => format!("- {name}: unchanged\n"),
            Some(n) => format!("- {name}: {n} change{} (blackline: {})\n", plural(*n), blackline_names[name]),
            None if old.documents.contains_key(name) => format!("- {name}: only in {}\n", old.label),
            None => format!("- {name}: only in {}\n", new.label),
        };
        log.push_str(&line);
    }
    let changed = entries > 0 || summary.iter().any(|(_, c)| *c != Some(0));
    files.push(OutputFile { name: "changes.md".into(), bytes: log.into_bytes() });
    Comparison { files, changed, summary }
}
