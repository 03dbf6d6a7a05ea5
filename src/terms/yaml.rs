//! YAML to the terms model, within the limits a terms file is read in: the parser's options,
//! and the located report of a document that does not parse or does not fit the model.

use std::path::Path;
use std::sync::Arc;

use serde_saphyr::Error as YamlError;

use super::Terms;
use super::error::LoadError;
use crate::diagnostics::{Diagnostic, Origin};

/// The terms a YAML text holds; `path` names the file in messages.
pub(super) fn parse(path: &Path, source: &Arc<str>) -> Result<Terms, LoadError> {
    let mut failed_at: Option<String> = None;
    let parsed = serde_saphyr::with_deserializer_from_str_with_options(source, options(), |de| {
        serde_path_to_error::deserialize::<_, Terms>(de).map_err(|err| {
            failed_at = Some(err.path().to_string());
            err.into_inner()
        })
    });
    parsed.map_err(|err| LoadError::Yaml(yaml_diagnostic(path, source, failed_at, &err)))
}

pub(crate) fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        with_snippet: false,
        // A tag such as `!!python/object` has no meaning in a terms file: refuse it.
        reject_unsupported_tags: true,
        strict_booleans: true,
        budget: Some(budget()),
    }
}

/// The limits a terms file is read within, by the loader and by `--set` alike.
pub(crate) fn budget() -> serde_saphyr::Budget {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 64;
    budget.max_aliases = 256;
    budget.max_anchors = 256;
    budget.max_nodes = 100_000;
    budget.max_documents = 1;
    budget
}

/// Where a field that results once carried now belongs: a waiver must be announced while the
/// offer is open, so it is made in an amendment.
fn moved_to(name: &str) -> Option<&'static str> {
    match name {
        "waived_conditions" => Some(
            "waive a condition in the amendment that announces it: `amendments[].changes.waive_conditions: [2]`",
        ),
        "minimum_condition_waived" => Some(
            "waive the minimum condition in the amendment that announces it: `amendments[].changes.waive_minimum_condition: true`",
        ),
        _ => None,
    }
}

fn yaml_diagnostic(path: &Path, source: &Arc<str>, failed_at: Option<String>, err: &YamlError) -> Diagnostic {
    let inner = err.without_snippet();
    // serde_path_to_error writes `?` for a key it could not read, such as a duplicate.
    let field = failed_at
        .map(|p| p.trim_end_matches(".?").trim_end_matches('?').to_owned())
        .filter(|p| !p.is_empty() && p != ".");
    let mut d = match inner {
        YamlError::SerdeUnknownField { field: name, expected, .. } => {
            let mut d = Diagnostic::new(format!("unknown field `{name}`")).label("not a field here");
            if let Some(moved) = moved_to(name) {
                d = d.help(moved);
            } else if let Some(best) = crate::diagnostics::closest_name(name, expected) {
                d = d.help(format!("did you mean `{best}`?"));
            }
            d.help(format!("the fields here are: {}", expected.join(", ")))
        }
        YamlError::SerdeUnknownVariant { variant, expected, .. } => {
            let mut d = Diagnostic::new(format!("`{variant}` is not one of the accepted values"))
                .label("not accepted here");
            if let Some(best) = crate::diagnostics::closest_name(variant, expected) {
                d = d.help(format!("did you mean `{best}`?"));
            }
            d.help(format!("accepted values: {}", expected.join(", ")))
        }
        YamlError::SerdeMissingField { field: name, .. } => {
            let full = match &field {
                Some(parent) => format!("{parent}.{name}"),
                None => (*name).to_owned(),
            };
            return located(
                Diagnostic::new(format!("missing field `{name}`"))
                    .field(full)
                    .label(format!("`{name}` is required in this mapping"))
                    .help("docs/terms.md lists every field with an example"),
                path,
                source,
                inner,
            );
        }
        YamlError::SerdeInvalidType { unexpected, expected, .. }
        | YamlError::SerdeInvalidValue { unexpected, expected, .. } => {
            Diagnostic::new(format!("expected {expected}, found {unexpected}"))
                .label(format!("expected {expected}"))
        }
        YamlError::DuplicateMappingKey { key, .. } => {
            let key = key.as_deref().map_or(String::new(), |k| format!(" `{k}`"));
            Diagnostic::new(format!("duplicate key{key}: a field may appear only once in a mapping"))
                .label("this key appears earlier in the same mapping")
        }
        YamlError::NullIntoString { .. } => Diagnostic::new("the value is empty").label("expected text here"),
        YamlError::Budget { .. } if plain_message(inner).contains("Documents") => Diagnostic::new(
            "the file holds more than one YAML document (`---`); a terms file is one document",
        )
        .label("a second document starts here"),
        YamlError::Budget { .. } => {
            Diagnostic::new(format!("the file exceeds what a terms file may hold: {}", plain_message(inner)))
                .help("a terms file is plain nested mappings; aliases and deep nesting are limited")
        }
        _ => {
            let message = plain_message(inner);
            let d = Diagnostic::new(message.clone()).label("here");
            if message.contains("tab") {
                d.help("YAML indents with spaces only; replace the tab with spaces")
            } else if message.contains("not allowed in this context")
                || message.contains("did not find expected")
            {
                d.help("check this line's indentation against the lines around it")
            } else {
                d
            }
        }
    };
    if let Some(field) = field {
        d = d.field(field);
    }
    located(d, path, source, inner)
}

fn located(d: Diagnostic, path: &Path, source: &Arc<str>, err: &YamlError) -> Diagnostic {
    // The scanner reports a tab where the scalar it was reading began; point at the tab.
    if d.message.contains("found a tab")
        && let Some(loc) = err.location()
        && let Some((line, column)) = source
            .lines()
            .enumerate()
            .skip((loc.line() as usize).saturating_sub(1))
            .find_map(|(i, l)| l.find('\t').map(|c| (i + 1, l[..c].chars().count() + 1)))
    {
        return d.at(Origin::new(path, source.clone(), line, column));
    }
    match err.location() {
        Some(loc) if loc.line() > 0 => {
            d.at(Origin::new(path, source.clone(), loc.line() as usize, loc.column() as usize))
        }
        _ => d.at(Origin::new(path, source.clone(), 1, 1)),
    }
}

/// serde-saphyr's message without the location suffix it appends (ours is in the snippet),
/// with the parser's terms for YAML shapes put in the words of the terms file.
fn plain_message(err: &YamlError) -> String {
    let text = err.to_string();
    let text = match text.find(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    };
    match text.as_str() {
        "expected sequence start" => "expected a list (YAML `- item` lines), found a single value".to_owned(),
        "expected mapping start" => "expected a mapping of fields (`name: value` lines) here".to_owned(),
        "unexpected end of input" => "the terms file is empty, or ends before its first field".to_owned(),
        "invalid boolean" => "expected `true` or `false`".to_owned(),
        t if t.contains("externally tagged enum expected scalar or mapping") => {
            "expected one of the accepted values, found a list or mapping".to_owned()
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terms::Positive;

    #[derive(Debug, serde::Deserialize)]
    struct Amounts {
        plain: Positive,
        quoted: Positive,
    }

    #[test]
    fn yaml_numbers_never_pass_through_floats() {
        for value in ["0.083", "123456789012345678.91", "0.1000000000000000055511151231"] {
            let yaml = format!("plain: {value}\nquoted: \"{value}\"\n");
            let amounts: Amounts = serde_saphyr::from_str_with_options(&yaml, options()).unwrap();
            assert_eq!(amounts.plain.0.to_string(), value);
            assert_eq!(amounts.quoted.0.to_string(), value);
        }
    }
}
