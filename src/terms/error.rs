//! Why a terms file cannot be loaded, by the step of loading that refused it. Each carries
//! where the input was (the file; and the field path, line and column once the text is read)
//! and becomes the located [`Diagnostic`] the command line prints.

use std::fmt;
use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Origin, display_path};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The file cannot be read: missing, a folder, not a regular file, or too large.
    Unreadable { file: PathBuf, why: String, help: Option<&'static str> },
    /// The bytes are not UTF-8 text: `byte`, at byte `offset`, stands at `origin`.
    NotUtf8 { origin: Origin, byte: u8, offset: usize },
    /// The text cannot be read as terms: YAML syntax, an unknown or missing field, a value of
    /// the wrong type, a duplicate key, a limit of the parser.
    Yaml(Diagnostic),
    /// A `--set` cannot be applied to the text (or the text it would edit is not YAML).
    Override(Diagnostic),
    /// The terms read, but break one of their rules: a date order, a check digit, a count.
    Invalid(Diagnostic),
}

impl LoadError {
    /// The error with `edit` applied to its report, when it has one beyond the file's name.
    pub(crate) fn map_report(self, edit: impl FnOnce(Diagnostic) -> Diagnostic) -> LoadError {
        match self {
            LoadError::Yaml(d) => LoadError::Yaml(edit(d)),
            LoadError::Override(d) => LoadError::Override(edit(d)),
            LoadError::Invalid(d) => LoadError::Invalid(edit(d)),
            other => other,
        }
    }

    /// The full report, with a source snippet; coloured when `colour` is set.
    pub fn render(&self, colour: bool) -> String {
        Diagnostic::from(self.clone()).render(colour)
    }
}

impl From<LoadError> for Diagnostic {
    fn from(error: LoadError) -> Diagnostic {
        match error {
            LoadError::Unreadable { file, why, help } => {
                let d = Diagnostic::new(format!("cannot read the terms file {}: {why}", display_path(&file)));
                match help {
                    Some(help) => d.help(help),
                    None => d,
                }
            }
            LoadError::NotUtf8 { origin, byte, offset } => {
                Diagnostic::new(format!("the file is not UTF-8 text: byte 0x{byte:02X} at offset {offset}"))
                    .at(origin)
                    .label("not UTF-8")
                    .help("save the terms file as UTF-8")
            }
            LoadError::Yaml(d) | LoadError::Override(d) | LoadError::Invalid(d) => d,
        }
    }
}

impl fmt::Display for LoadError {
    /// `file:line:column: field: message`, as [`Diagnostic`] shows itself.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            LoadError::Yaml(d) | LoadError::Override(d) | LoadError::Invalid(d) => d.fmt(f),
            other => Diagnostic::from(other.clone()).fmt(f),
        }
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::terms::{load, load_str, load_with};

    const EXAMPLE: &str = "data/ault-alliance-2023-12-13.yaml";

    fn example(from: &str, to: &str) -> String {
        let text = std::fs::read_to_string(EXAMPLE).unwrap();
        assert!(text.contains(from), "the example has no `{from}`");
        text.replacen(from, to, 1)
    }

    #[test]
    fn each_step_of_loading_has_its_variant_and_its_place() {
        let folder = load(Path::new("data")).unwrap_err();
        assert!(matches!(&folder, LoadError::Unreadable { help: Some(_), .. }), "{folder:?}");
        assert_eq!(folder.to_string(), "cannot read the terms file data: it is a folder");

        let yaml = load_str(Path::new("t.yaml"), "filing: [\n".into()).unwrap_err();
        assert!(matches!(yaml, LoadError::Yaml(_)), "{yaml:?}");

        let twice = example(
            "cover_boxes: [issuer_tender_offer]",
            "cover_boxes: [issuer_tender_offer, issuer_tender_offer]",
        );
        let invalid = load_str(Path::new("t.yaml"), twice).unwrap_err();
        let LoadError::Invalid(d) = &invalid else { panic!("{invalid:?}") };
        assert_eq!(d.field.as_deref(), Some("filing.cover_boxes[1]"));
        assert!(invalid.to_string().starts_with("t.yaml:"), "{invalid}");

        let set = "no.such.field=1".parse().unwrap();
        let refused = load_with(Path::new(EXAMPLE), &[set]).unwrap_err();
        assert!(matches!(refused, LoadError::Override(_)), "{refused:?}");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_placed_and_reported_as_before() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.yaml");
        std::fs::write(&file, b"a: 1\nb: caf\xe9\n").unwrap();
        let error = load(&file).unwrap_err();
        let LoadError::NotUtf8 { origin, byte, offset } = &error else { panic!("{error:?}") };
        assert_eq!((origin.line, origin.column, *byte, *offset), (2, 7, 0xE9, 11));
        let report = Diagnostic::from(error.clone()).render(false);
        assert!(report.starts_with("error: the file is not UTF-8 text: byte 0xE9 at offset 11"), "{report}");
        assert!(report.contains("help: save the terms file as UTF-8"), "{report}");
        assert_eq!(error.render(false), report);
    }
}
