//! The documents `check` reads when it is given rendered files rather than a terms file.

use std::path::{Path, PathBuf};

use super::Document;
use crate::diagnostics::{Diagnostic, display_path};
use crate::input::{self, DocumentBudget};
use crate::output;
use crate::text::Format;

/// The documents named, and those of the folders named, each read through the one capped
/// reader (regular files only, [`input::MAX_DOCUMENT_BYTES`] each and
/// [`input::MAX_DOCUMENTS_TOTAL_BYTES`] in all); a folder under its lock, as a set.
pub fn read_documents(inputs: &[PathBuf]) -> Result<Vec<Document>, Diagnostic> {
    read_documents_named(inputs, Path::new("<stdin>"))
}

/// As [`read_documents`], where `-` reads standard input as the document `stdin_name`.
pub fn read_documents_named(inputs: &[PathBuf], stdin_name: &Path) -> Result<Vec<Document>, Diagnostic> {
    let mut files = Vec::new();
    let mut budget = DocumentBudget::default();
    for input in inputs {
        if input::is_stdin(input) {
            let bytes = budget
                .read_stdin()
                .map_err(|why| Diagnostic::new(format!("cannot read standard input: {why}")))?;
            files.push((stdin_name.to_path_buf(), bytes));
        } else if input.is_dir() {
            files.extend(output::read_drafts(input, |name| Format::of(name).is_some(), &mut budget)?);
        } else if Format::of(&input.to_string_lossy()).is_none() {
            if std::fs::symlink_metadata(input).is_err() {
                return Err(Diagnostic::new(format!("{} does not exist", display_path(input))));
            }
            return Err(Diagnostic::new(format!(
                "{} is not a file secdraft checks: give .md, .htm, .html or .txt files, folders of them, or a terms file",
                display_path(input)
            )));
        } else {
            files.push((input.clone(), input::read_document(input, &mut budget)?));
        }
    }
    if files.is_empty() {
        return Err(Diagnostic::new("no .md, .htm, .html or .txt files to check"));
    }
    Ok(files
        .into_iter()
        .map(|(path, bytes)| {
            let name = display_path(&path);
            let format = Format::of(&name).unwrap_or(Format::Text);
            Document { name, format, source: String::from_utf8_lossy(&bytes).into_owned() }
        })
        .collect())
}
