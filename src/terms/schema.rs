//! The JSON Schema of the terms file (`secdraft schema`), for editors' YAML language servers:
//! generated from the structs the loader reads ([`Terms`] and the scalar types' own
//! [`schemars::JsonSchema`] impls), with each field described from `docs/terms.md`, the one
//! place the fields are documented, read when secdraft is built, so that the two cannot drift.
//! A field the tables there do not describe keeps its doc comment.

use std::collections::BTreeMap;

use schemars::generate::SchemaSettings;
use schemars::transform::{RemoveRefSiblings, Transform};
use serde_json::{Map, Value};

use super::Terms;

/// The documentation of the terms, as built into secdraft.
const TERMS_DOC: &str = include_str!("../../docs/terms.md");

/// Where the schema is kept in the repository, and what the first line of a terms file says to
/// name it to the YAML language server.
pub const SCHEMA_FILE: &str = "schema/terms.schema.json";

/// The schema as `secdraft schema` prints it: pretty JSON with a final newline.
pub fn schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).expect("a JSON value always serializes");
    text.push('\n');
    text
}

/// The JSON Schema (draft 7, which every editor's YAML language server reads) of a terms file.
pub fn schema() -> Value {
    let generated = SchemaSettings::draft07().into_generator().into_root_schema_for::<Terms>();
    let mut root = generated.to_value();
    if let Some(object) = root.as_object_mut() {
        object.insert("title".into(), Value::String("secdraft terms file".into()));
        object.insert(
            "description".into(),
            Value::String(
                "The terms of one tender or exchange offer, which `secdraft render` drafts the filings from (docs/terms.md)."
                    .into(),
            ),
        );
    }
    describe(&mut root, &documented_fields(TERMS_DOC));
    describe_variant_fields(&mut root);
    quoted_integers(&mut root);
    unwrap_lines(&mut root);
    // A description beside a `$ref` is ignored in draft 7: the ref moves into an `allOf`.
    let mut schema = schemars::Schema::try_from(root).expect("the generated schema is an object");
    RemoveRefSiblings::default().transform(&mut schema);
    schema.to_value()
}

/// A whole number of the terms (an amendment's number, a count of days) reads from a quoted
/// string of digits as well as from a YAML number, as the loader takes it: each such schema
/// the derive made takes either.
fn quoted_integers(node: &mut Value) {
    const WHOLE: [&str; 4] = ["uint8", "uint16", "uint32", "uint64"];
    match node {
        Value::Object(object) => {
            object.values_mut().for_each(quoted_integers);
            if !object.get("format").and_then(Value::as_str).is_some_and(|f| WHOLE.contains(&f)) {
                return;
            }
            let nullable =
                object.get("type").and_then(Value::as_array).is_some_and(|t| t.contains(&"null".into()));
            let mut number = Map::new();
            number.insert("type".into(), "integer".into());
            for key in ["format", "minimum", "maximum"] {
                if let Some(value) = object.remove(key) {
                    number.insert(key.into(), value);
                }
            }
            object.remove("type");
            let mut forms = vec![
                Value::Object(number),
                serde_json::json!({ "type": "string", "pattern": r"^\+?[0-9]+$" }),
            ];
            if nullable {
                forms.push(serde_json::json!({ "type": "null" }));
            }
            object.insert("anyOf".into(), Value::Array(forms));
        }
        Value::Array(list) => list.iter_mut().for_each(quoted_integers),
        _ => {}
    }
}

/// The one field of an enum's variant written as a mapping (`{cash_in_lieu: 25.00}`) is what
/// the variant's own description says.
fn describe_variant_fields(node: &mut Value) {
    match node {
        Value::Object(object) => {
            let said = object.get("description").cloned();
            if let (Some(said), Some(Value::Object(properties))) = (said, object.get_mut("properties"))
                && properties.len() == 1
                && let Some(Value::Object(field)) = properties.values_mut().next()
            {
                field.entry("description").or_insert(said);
            }
            object.values_mut().for_each(describe_variant_fields);
        }
        Value::Array(list) => list.iter_mut().for_each(describe_variant_fields),
        _ => {}
    }
}

/// Descriptions from doc comments keep the comments' line breaks: each becomes a space, and a
/// blank line between paragraphs stays.
fn unwrap_lines(node: &mut Value) {
    match node {
        Value::Object(object) => {
            for (key, value) in object.iter_mut() {
                match value {
                    Value::String(text) if key == "description" => {
                        *text =
                            text.split("\n\n").map(|p| p.replace('\n', " ")).collect::<Vec<_>>().join("\n\n");
                    }
                    _ => unwrap_lines(value),
                }
            }
        }
        Value::Array(list) => list.iter_mut().for_each(unwrap_lines),
        _ => {}
    }
}

/// One property of an object schema, reached at a field path of the terms.
struct Reached {
    /// The JSON pointer of the property's schema.
    at: String,
    path: String,
}

/// Sets each property's description from `docs`, by its field path: a definition reached at
/// several paths (a closing price, a class's `security`) takes the first path the
/// documentation describes, or failing that the one whose last parts name a documented field
/// (`amendments.changes.block.shares` as `offer.consideration.block.shares`).
fn describe(root: &mut Value, docs: &BTreeMap<String, Documented>) {
    let mut reached: Vec<Reached> = Vec::new();
    walk(root, String::new(), "", 0, &mut reached);
    let mut chosen: BTreeMap<&str, (usize, &Documented)> = BTreeMap::new();
    for r in &reached {
        let rank_and_text =
            docs.get(&r.path).map(|d| (0, d)).or_else(|| by_suffix(docs, &r.path).map(|d| (1, d)));
        if let Some((rank, text)) = rank_and_text {
            let best = chosen.entry(&r.at).or_insert((rank, text));
            if rank < best.0 {
                *best = (rank, text);
            }
        }
    }
    for (at, (_, documented)) in chosen {
        if let Some(Value::Object(property)) = root.pointer_mut(at) {
            // A row that gives no meaning (only a type and an example) follows the doc comment.
            let text = match property.get("description").and_then(Value::as_str) {
                Some(comment) if !documented.meaning => format!("{comment} {}", documented.text),
                _ => documented.text.clone(),
            };
            property.insert("description".into(), Value::String(text));
        }
    }
}

/// The documentation of the field whose path ends as `path` does, from its last two parts on,
/// when exactly one documented field does.
fn by_suffix<'a>(docs: &'a BTreeMap<String, Documented>, path: &str) -> Option<&'a Documented> {
    let parts: Vec<&str> = path.split('.').collect();
    (1..parts.len().saturating_sub(1)).find_map(|drop| {
        let suffix = format!(".{}", parts[drop..].join("."));
        let mut matches = docs.iter().filter(|(k, _)| k.ends_with(&suffix));
        match (matches.next(), matches.next()) {
            (Some((_, d)), None) => Some(d),
            _ => None,
        }
    })
}

/// Every property under the schema at `at` (a JSON pointer), with its field path, following
/// references into the definitions. The terms have no recursive type; the depth bounds it all
/// the same.
fn walk(root: &Value, at: String, path: &str, depth: usize, out: &mut Vec<Reached>) {
    let Some(node) = root.pointer(&at).and_then(Value::as_object) else { return };
    if depth > 32 {
        return;
    }
    if let Some(target) = node.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')) {
        walk(root, target.to_owned(), path, depth + 1, out);
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(Value::Array(list)) = node.get(key) {
            for i in 0..list.len() {
                walk(root, format!("{at}/{key}/{i}"), path, depth + 1, out);
            }
        }
    }
    for key in ["items", "additionalProperties"] {
        if node.get(key).is_some_and(Value::is_object) {
            walk(root, format!("{at}/{key}"), path, depth + 1, out);
        }
    }
    if let Some(Value::Object(properties)) = node.get("properties") {
        for name in properties.keys() {
            let here = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
            let property = format!("{at}/properties/{name}");
            out.push(Reached { at: property.clone(), path: here.clone() });
            walk(root, property, &here, depth + 1, out);
        }
    }
}

/// Each field the tables of `docs/terms.md` describe, by its full path (`offer.auction.min_price`),
/// with its description made of the row's cells: the meaning, then the type, whether it is
/// required or its default, and an example. A section `## \`name\`` (or `### \`a.b\``) gives the
/// path the rows of its tables are under; a table of amendment changes is under
/// `amendments.changes`; a table introduced by "..., `offer` takes:" is under `offer`. A field
/// described by two rows (`offer.cash_price`, of shares and of notes) has both, its own section's
/// first.
pub fn documented_fields(doc: &str) -> BTreeMap<String, Documented> {
    let mut rows: Vec<(bool, String, Documented)> = Vec::new();
    let mut section: Option<String> = None;
    let mut introduced: Option<(String, String)> = None;
    let mut header: Option<Vec<String>> = None;
    for line in doc.lines() {
        let trimmed = line.trim();
        if let Some(heading) = trimmed.strip_prefix("## ").or_else(|| trimmed.strip_prefix("### ")) {
            section = heading.strip_prefix('`').and_then(|h| h.split('`').next()).map(str::to_owned);
            header = None;
            introduced = None;
            continue;
        }
        if !trimmed.starts_with('|') {
            header = None;
            if !trimmed.is_empty() {
                introduced = takes(trimmed);
            }
            continue;
        }
        let cells = cells(trimmed);
        let Some(head) = &header else {
            header = Some(cells.iter().map(|c| c.to_ascii_lowercase()).collect());
            continue;
        };
        if cells.iter().all(|c| c.chars().all(|ch| ch == '-' || ch == ':')) {
            continue;
        }
        let Some(section) = &section else { continue };
        let (prefix, remapped) = match (&introduced, head.first().map(String::as_str)) {
            (Some((under, _)), _) => (under.clone(), true),
            (None, Some("change")) => (format!("{section}.changes"), false),
            _ => (section.clone(), false),
        };
        let Some(first) = cells.first() else { continue };
        let mut description = row_description(head, &cells);
        if description.text.is_empty() {
            continue;
        }
        if let Some((_, when)) = &introduced {
            description.text = format!("{when}: {}", description.text);
        }
        for field in field_names(first) {
            rows.push((remapped, format!("{prefix}.{field}"), description.clone()));
        }
    }
    // A field's own section's row first, then a row about it from another section.
    rows.sort_by_key(|(remapped, _, _)| *remapped);
    let mut fields: BTreeMap<String, Documented> = BTreeMap::new();
    for (_, path, description) in rows {
        fields
            .entry(path)
            .and_modify(|d| {
                d.text = format!("{}\n\n{}", d.text, description.text);
                d.meaning |= description.meaning;
            })
            .or_insert(description);
    }
    fields
}

/// What docs/terms.md says of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Documented {
    pub text: String,
    /// Whether a row says what the field means, beyond its type, whether it is required and an
    /// example.
    pub meaning: bool,
}

/// The section a paragraph such as "With notes, `offer` takes:" puts the next table under, and
/// when its rows apply ("With notes").
fn takes(paragraph: &str) -> Option<(String, String)> {
    let rest = paragraph.strip_suffix(" takes:")?;
    let name = rest.strip_suffix('`')?.rsplit('`').next()?;
    let (when, _) = rest.split_once(", ")?;
    Some((name.to_owned(), when.to_owned()))
}

/// The cells of a table row, trimmed; `\|` within a cell stays part of it.
fn cells(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|').trim_end_matches('|');
    let mut cells = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cells.last_mut().expect("never empty").push('|');
                chars.next();
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut().expect("never empty").push(c),
        }
    }
    cells.into_iter().map(|c| c.trim().to_owned()).collect()
}

/// The field names a row's first cell gives (`min_shares`, `min_percent`), leaving out what a
/// parenthesis says of them; `.high` after `market_value.date` is `market_value.high`.
fn field_names(cell: &str) -> Vec<String> {
    let mut outside = String::new();
    let mut depth = 0usize;
    for c in cell.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let mut names: Vec<String> = Vec::new();
    for quoted in outside.split('`').skip(1).step_by(2) {
        let name = match quoted.strip_prefix('.') {
            Some(last) => match names.last().and_then(|n| n.rsplit_once('.')) {
                Some((parent, _)) => format!("{parent}.{last}"),
                None => continue,
            },
            None => quoted.to_owned(),
        };
        let is_path = name.split('.').all(|part| {
            !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        });
        if is_path {
            names.push(name);
        }
    }
    names
}

/// A row's description: its meaning first, then each other cell under its heading. A meaning
/// that only points elsewhere in the page ("below", "see above") is left out.
fn row_description(head: &[String], cells: &[String]) -> Documented {
    const MEANING: [&str; 2] = ["meaning", "prints"];
    const POINTERS: [&str; 2] = ["below", "see above"];
    let mut meaning = String::new();
    let mut others: Vec<String> = Vec::new();
    for (heading, cell) in head.iter().zip(cells).skip(1) {
        if cell.is_empty() {
            continue;
        }
        if MEANING.contains(&heading.as_str()) {
            if !POINTERS.contains(&cell.as_str()) {
                meaning = cell.clone();
            }
        } else {
            others.push(format!("{}: {cell}.", capitalized(heading)));
        }
    }
    let has_meaning = !meaning.is_empty();
    let mut text = meaning;
    if has_meaning && !text.ends_with('.') {
        text.push('.');
    }
    for other in others {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&other);
    }
    Documented { text, meaning: has_meaning }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Every property of `schema` (a JSON pointer to each) that has no description.
pub fn undescribed(schema: &Value) -> Vec<String> {
    let mut missing = Vec::new();
    undescribed_in(schema, String::new(), &mut missing);
    missing
}

fn undescribed_in(node: &Value, at: String, missing: &mut Vec<String>) {
    match node {
        Value::Object(object) => {
            if let Some(Value::Object(properties)) = object.get("properties") {
                for (name, property) in properties {
                    if !has_description(property) {
                        missing.push(format!("{at}/properties/{name}"));
                    }
                }
            }
            for (key, value) in object {
                undescribed_in(value, format!("{at}/{key}"), missing);
            }
        }
        Value::Array(list) => {
            for (i, value) in list.iter().enumerate() {
                undescribed_in(value, format!("{at}/{i}"), missing);
            }
        }
        _ => {}
    }
}

fn has_description(property: &Value) -> bool {
    property
        .as_object()
        .and_then(|p: &Map<String, Value>| p.get("description"))
        .and_then(Value::as_str)
        .is_some_and(|d| !d.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_give_full_paths_and_their_cells() {
        let doc = "## `fee`\n\n| field | type | required | meaning |\n|---|---|---|---|\n\
                   | `market_value.date`, `.high`, `.low` | date, amount, amount | yes | the prices |\n\
                   | `offsets` (list of `{amount, form}`) | list | no | claimed |\n\n\
                   ## `amendments`\n\n| change | replaces | period it requires |\n|---|---|---|\n\
                   | `closing_price` (`price`, `date`) | `security.closing_price` | none |\n";
        let fields = documented_fields(doc);
        let keys: Vec<&str> = fields.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "amendments.changes.closing_price",
                "fee.market_value.date",
                "fee.market_value.high",
                "fee.market_value.low",
                "fee.offsets"
            ]
        );
        assert_eq!(
            fields["fee.market_value.high"].text,
            "the prices. Type: date, amount, amount. Required: yes."
        );
        assert_eq!(
            fields["amendments.changes.closing_price"].text,
            "Replaces: `security.closing_price`. Period it requires: none."
        );
        assert!(!fields["amendments.changes.closing_price"].meaning);
    }

    #[test]
    fn every_field_the_docs_describe_is_a_field_of_the_terms() {
        let root = schema();
        let mut reached = Vec::new();
        walk(&root, String::new(), "", 0, &mut reached);
        let paths: std::collections::BTreeSet<String> = reached.into_iter().map(|r| r.path).collect();
        let documented = documented_fields(TERMS_DOC);
        assert!(documented.len() > 200, "{} fields read from docs/terms.md", documented.len());
        let strays: Vec<&String> = documented.keys().filter(|k| !paths.contains(*k)).collect();
        assert!(strays.is_empty(), "docs/terms.md describes fields the terms do not have: {strays:?}");
    }

    #[test]
    fn a_table_introduced_as_another_section_s_is_under_it_after_its_own() {
        let doc = "### `security.notes`\n\nWith notes, `offer` takes:\n\n| field | meaning |\n|---|---|\n\
                   | `cash_price` | per denomination |\n\n## `offer`\n\n| field | meaning |\n|---|---|\n\
                   | `cash_price` | per share |\n";
        let fields = documented_fields(doc);
        assert_eq!(fields["offer.cash_price"].text, "per share.\n\nWith notes: per denomination.");
        assert!(!fields.contains_key("security.notes.cash_price"));
    }
}
