//! `--set PATH=VALUE`: "what if" changes applied to the terms file's text before it is loaded,
//! so that a bad path or value gets the same located error as one written in the file.

use std::path::Path;

use super::source_map::SourceMap;
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
        let valid = !path.is_empty()
            && path.split('.').all(|segment| {
                let name = segment.split('[').next().unwrap_or("");
                !name.is_empty()
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && segment[name.len()..].split_terminator(']').all(|i| {
                        i.strip_prefix('[')
                            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
                    })
            });
        if !valid {
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

/// The value as a YAML scalar: plain when it reads the same plain, double-quoted otherwise.
fn scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '%' | '/' | ' ' | ','))
        && !value.starts_with([' ', '-'])
        && !value.ends_with(' ');
    if plain {
        value.to_owned()
    } else {
        let escaped: String = value
            .chars()
            .flat_map(|c| match c {
                '"' => vec!['\\', '"'],
                '\\' => vec!['\\', '\\'],
                c => vec![c],
            })
            .collect();
        format!("\"{escaped}\"")
    }
}

/// The lines `overrides` changed or added in the returned text (1-based), for messages.
pub struct Applied {
    pub text: String,
    pub lines: Vec<(usize, Override)>,
}

/// Applies each override to the YAML text: a field present in the file has its value replaced
/// where it stands; a field absent is added to its mapping, which must exist.
pub fn apply(file: &Path, source: &str, overrides: &[Override]) -> Result<Applied, Diagnostic> {
    let mut text = source.to_owned();
    let mut lines: Vec<(usize, Override)> = Vec::new();
    for o in overrides {
        let map = SourceMap::build(&text);
        let mut rows: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let refuse = |why: String| {
            Diagnostic::new(format!("--set {o}: {why}"))
                .help(format!("the terms file is {}", display_path(file)))
        };
        if map.contains(&o.path) {
            if map.has_children(&o.path) {
                return Err(refuse("the field is a mapping or a list; --set replaces single values".into()));
            }
            let (line, column) = map.locate(&o.path);
            let key = split_last(&o.path).1;
            let key = key.split('[').next().unwrap_or(key);
            // The value of a block scalar (`about: >-`) starts on the line after its key.
            let key_line = (0..line)
                .rev()
                .find(|l| rows[*l].trim_start().trim_start_matches("- ").starts_with(&format!("{key}:")))
                .filter(|l| *l + 1 >= line.saturating_sub(1));
            let (row_index, start) = match key_line {
                Some(l) => {
                    let row = &rows[l];
                    let after_key = row.find(&format!("{key}:")).map_or(row.len(), |p| p + key.len() + 1);
                    let value_at = after_key + (row.len() - after_key - row[after_key..].trim_start().len());
                    (l, value_at)
                }
                _ => {
                    let row = rows
                        .get(line - 1)
                        .ok_or_else(|| refuse("the field is not where the file says".into()))?;
                    (line - 1, row.char_indices().nth(column - 1).map_or(row.len(), |(b, _)| b))
                }
            };
            let rest = rows[row_index][start..].to_owned();
            if rest.trim_start().starts_with(['>', '|']) {
                let indent = rows[row_index].len() - rows[row_index].trim_start().len();
                while row_index + 1 < rows.len()
                    && (rows[row_index + 1].trim().is_empty()
                        || rows[row_index + 1].len() - rows[row_index + 1].trim_start().len() > indent)
                {
                    rows.remove(row_index + 1);
                }
            }
            let comment = if rest.trim_start().starts_with(['>', '|']) {
                String::new()
            } else {
                rest.find(" #").map_or(String::new(), |p| rest[p..].to_owned())
            };
            rows[row_index].replace_range(start.., &format!("{}{comment}", scalar(&o.value)));
            lines.push((row_index + 1, o.clone()));
        } else {
            let (parent_path, key) = split_last(&o.path);
            if key.contains('[') {
                return Err(refuse("list items can be replaced but not added with --set".into()));
            }
            let (indent, at) = if parent_path.is_empty() {
                (String::new(), 0)
            } else if map.contains(parent_path) && map.has_children(parent_path) {
                let (line, column) = map.locate(parent_path);
                (" ".repeat(column - 1), line - 1)
            } else {
                return Err(refuse(format!(
                    "there is no mapping `{parent_path}` in the file to add `{key}` to"
                )));
            };
            rows.insert(at, format!("{indent}{key}: {}", scalar(&o.value)));
            for (l, _) in lines.iter_mut().filter(|(l, _)| *l > at) {
                *l += 1;
            }
            lines.push((at + 1, o.clone()));
        }
        text = rows.join("\n");
    }
    Ok(Applied { text, lines })
}

/// `offer.consideration.block` -> (`offer.consideration`, `block`).
fn split_last(path: &str) -> (&str, &str) {
    match path.rfind('.') {
        Some(cut) => (&path[..cut], &path[cut + 1..]),
        None => ("", path),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn set(source: &str, path: &str, value: &str) -> Result<String, Diagnostic> {
        let o: Override = format!("{path}={value}").parse().unwrap();
        apply(Path::new("t.yaml"), source, &[o]).map(|a| a.text)
    }

    #[test]
    fn replaces_values_where_they_stand_and_adds_missing_fields() {
        let source = "offer:\n  max_shares: 10  # note\n  about: >-\n    long\n    text\nend: 1\n";
        assert_eq!(set(source, "offer.max_shares", "20").unwrap(), source.replace("10  # note", "20 # note"));
        assert_eq!(
            set(source, "offer.about", "Smith & Sons: \"x\"").unwrap(),
            "offer:\n  max_shares: 10  # note\n  about: \"Smith & Sons: \\\"x\\\"\"\nend: 1\n"
        );
        assert_eq!(
            set(source, "offer.min_shares", "5").unwrap(),
            "offer:\n  min_shares: 5\n  max_shares: 10  # note\n  about: >-\n    long\n    text\nend: 1\n"
        );
        assert!(set(source, "offer", "5").is_err());
        assert!(set(source, "nothing.here", "5").is_err());
    }

    #[test]
    fn parses_paths() {
        assert!("counsel[0].name=A".parse::<Override>().is_ok());
        assert!("offer..x=1".parse::<Override>().is_err());
        assert!("offer.x[a]=1".parse::<Override>().is_err());
        assert!("nothing".parse::<Override>().is_err());
    }
}
