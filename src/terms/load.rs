//! Reading a terms file: bytes -> UTF-8 -> YAML (serde-saphyr) -> [`Terms`], every failure a
//! [`LoadError`] naming the file, the field path, the line and the column.

use std::path::Path;
use std::sync::Arc;

use super::error::LoadError;
use super::loaded::LoadedTerms;
use super::overrides::{self, Override};
use super::{validate, yaml};
use crate::diagnostics::Origin;
use crate::input::{Links, Refusal, read_regular, read_stdin};

/// A terms file is a page or two of YAML; anything past this is not a terms file.
pub const MAX_TERMS_BYTES: usize = 4 * 1024 * 1024;

pub fn load(path: &Path) -> Result<LoadedTerms, LoadError> {
    load_with(path, &[])
}

/// Loads a terms file with `--set` overrides applied to its text first.
pub fn load_with(path: &Path, overrides: &[Override]) -> Result<LoadedTerms, LoadError> {
    let bytes = read_limited(path)?;
    load_bytes_with(path, bytes, overrides)
}

/// Loads terms read from standard input (`-` on the command line), named `name` in messages,
/// with `--set` overrides applied to the text first.
pub fn load_stdin_with(name: &Path, overrides: &[Override]) -> Result<LoadedTerms, LoadError> {
    let bytes = read_stdin(MAX_TERMS_BYTES as u64).map_err(|why| refused(name, why))?;
    load_bytes_with(name, bytes, overrides)
}

fn load_bytes_with(path: &Path, bytes: Vec<u8>, overrides: &[Override]) -> Result<LoadedTerms, LoadError> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => return Err(not_utf8(path, err)),
    };
    if overrides.is_empty() {
        return load_str(path, text);
    }
    let applied = overrides::apply(path, &text, overrides).map_err(LoadError::Override)?;
    load_str(path, applied.text.clone()).map_err(|e| e.map_report(|d| overrides::explain(d, &applied)))
}

/// Whether a path names a terms file (YAML) rather than a rendered document or a folder: by
/// its extension in any case (`OFFER.YAML`), as documents are (`PRESS.MD`).
pub fn is_terms_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Loads terms held in memory; `path` is only used to name the file in messages.
pub fn load_str(path: &Path, text: String) -> Result<LoadedTerms, LoadError> {
    let source: Arc<str> = Arc::from(text);
    let terms = yaml::parse(path, &source)?;
    let loaded = LoadedTerms::new(terms, path, source);
    validate::validate(&loaded).map_err(LoadError::Invalid)?;
    Ok(loaded)
}

fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_regular(path, MAX_TERMS_BYTES as u64, Links::Follow).map_err(|why| refused(path, why))
}

fn refused(path: &Path, why: Refusal) -> LoadError {
    let unreadable = |why: String| LoadError::Unreadable { file: path.to_path_buf(), why, help: None };
    match why {
        Refusal::Folder => LoadError::Unreadable {
            file: path.to_path_buf(),
            why: why.to_string(),
            help: Some("name a YAML terms file, e.g. data/ault-alliance-2023-12-13.yaml"),
        },
        Refusal::TooLarge { len: Some(len), .. } => {
            unreadable(format!("it is {len} bytes; a terms file may be at most {MAX_TERMS_BYTES} bytes"))
        }
        Refusal::TooLarge { len: None, .. } => {
            unreadable(format!("it is more than {MAX_TERMS_BYTES} bytes, the most a terms file may be"))
        }
        other => unreadable(other.to_string()),
    }
}

fn not_utf8(path: &Path, err: std::string::FromUtf8Error) -> LoadError {
    let good = err.utf8_error().valid_up_to();
    let bytes = err.as_bytes();
    let before = String::from_utf8_lossy(&bytes[..good]);
    let (line, column) = crate::diagnostics::line_and_column(&before, before.len());
    let shown: Arc<str> = Arc::from(String::from_utf8_lossy(bytes).into_owned());
    LoadError::NotUtf8 { origin: Origin::new(path, shown, line, column), byte: bytes[good], offset: good }
}
