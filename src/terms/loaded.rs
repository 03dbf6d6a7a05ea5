//! Terms as loaded: the model, and the file and text it came from, to place each field.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::Terms;
use super::source_map::SourceMap;
use crate::diagnostics::{Diagnostic, Origin};

/// Terms as loaded, with what is needed to point back into the file.
#[derive(Debug, Clone)]
pub struct LoadedTerms {
    pub terms: Terms,
    pub file: PathBuf,
    pub source: Arc<str>,
    /// Built on first use: only errors and the tie-out sheet need it, and building it parses
    /// the YAML a second time (a third of loading, the most of it for long tables).
    map: OnceLock<SourceMap>,
}

impl LoadedTerms {
    pub(super) fn new(terms: Terms, file: &Path, source: Arc<str>) -> LoadedTerms {
        LoadedTerms { terms, file: file.to_path_buf(), source, map: OnceLock::new() }
    }

    /// Where a field path (`offer.max_shares`) stands in the file; the nearest enclosing
    /// field that does when it is absent.
    pub fn origin_of(&self, field: &str) -> Origin {
        let (line, column) = self.map().locate(field);
        Origin::new(&self.file, self.source.clone(), line, column)
    }

    /// Field paths to their places in the file.
    pub fn map(&self) -> &SourceMap {
        self.map.get_or_init(|| SourceMap::build(&self.source))
    }

    /// A diagnostic about a field, placed at that field.
    pub fn error_at(&self, field: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(message).field(field).at(self.origin_of(field))
    }

    /// A diagnostic placed at `field`, with its help when there is any (an empty help would
    /// print as an empty `help:` line).
    pub fn error_with_help(&self, field: &str, message: impl Into<String>, help: String) -> Diagnostic {
        let error = self.error_at(field, message);
        if help.is_empty() { error } else { error.help(help) }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_error_carries_its_help_only_when_there_is_some() {
        let loaded = super::super::load(std::path::Path::new("data/ault-alliance-2023-12-13.yaml")).unwrap();
        let bare = loaded.error_with_help("dates.commencement", "runs past the calendar", String::new());
        assert!(bare.help.is_empty());
        let helped = loaded.error_with_help("dates.expiration", "too early", "set it later".into());
        assert_eq!(helped.help, ["set it later"]);
        assert_eq!(helped.field.as_deref(), Some("dates.expiration"));
    }
}
