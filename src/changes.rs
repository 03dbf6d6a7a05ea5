//! What changed between two versions of an offer: the terms fields and the figures. One
//! computation for both places that print changes: an amendment's table of what it changed
//! and `secdraft diff`'s changelog.

use std::collections::{BTreeMap, BTreeSet};

use crate::figures::{Figure, FigureId, Figures};
use crate::terms::Terms;

/// A figure whose printed form differs, or that only one side has.
#[derive(Debug, Clone, Copy)]
pub struct FigureChange<'a> {
    pub id: FigureId,
    pub before: Option<&'a Figure>,
    pub after: Option<&'a Figure>,
}

/// Each figure printed differently on the two sides, or on one side only: in the order of
/// `before`, then those only `after` has.
pub fn figures<'a>(before: &'a Figures, after: &'a Figures) -> Vec<FigureChange<'a>> {
    let mut ids: Vec<FigureId> = before.all().iter().map(|f| f.id).collect();
    ids.extend(after.all().iter().map(|f| f.id).filter(|id| before.of(*id).is_none()));
    ids.into_iter()
        .map(|id| FigureChange { id, before: before.of(id), after: after.of(id) })
        .filter(|c| c.before.map(Figure::display) != c.after.map(Figure::display))
        .collect()
}

/// A field of the terms whose value differs: its path, and its value on each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermChange {
    pub path: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The terms field by field: path -> value as written.
pub fn fields(terms: &Terms) -> Result<BTreeMap<String, String>, serde_json::Error> {
    let mut out = BTreeMap::new();
    flatten("", &serde_json::to_value(terms)?, &mut out);
    Ok(out)
}

/// Each field whose value differs between two sets of [`fields`], by path, in path order.
pub fn terms(old: &BTreeMap<String, String>, new: &BTreeMap<String, String>) -> Vec<TermChange> {
    let paths: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    paths
        .into_iter()
        .filter(|path| old.get(*path) != new.get(*path))
        .map(|path| TermChange {
            path: path.clone(),
            before: old.get(path).cloned(),
            after: new.get(path).cloned(),
        })
        .collect()
}

/// Flattens a value as JSON into field path -> value.
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
