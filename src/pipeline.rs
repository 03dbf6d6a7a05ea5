//! The whole pipeline in one call: terms file -> figures -> Markdown -> HTML, in memory.

use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Origin};
use crate::figures::{self, Figures};
use crate::output::{MAX_FILE_NAME, OutputFile};
use crate::render::{self, Document, Templates};
use crate::terms::{self, LoadedTerms};
use crate::{check, fees, html};

/// A rendered filing set: each document as Markdown and as EDGAR HTML.
#[derive(Debug, Clone)]
pub struct RenderedSet {
    pub terms: LoadedTerms,
    pub figures: Figures,
    pub files: Vec<OutputFile>,
    /// Things counsel should look at that do not stop the render.
    pub warnings: Vec<String>,
}

impl RenderedSet {
    /// The set's documents as `check` reads them, named by their file names.
    pub fn documents(&self) -> Vec<check::Document> {
        self.files
            .iter()
            .filter_map(|f| {
                check::Format::of(&f.name).map(|format| check::Document {
                    name: f.name.clone(),
                    format,
                    source: String::from_utf8_lossy(&f.bytes).into_owned(),
                })
            })
            .collect()
    }
}

/// Loads, validates and renders a terms file with the embedded templates, or with
/// `templates` overriding them.
pub fn render_file(terms_path: &Path, templates: Option<&Path>) -> Result<RenderedSet, Diagnostic> {
    render_file_with(terms_path, templates, &[])
}

/// As [`render_file`], with `--set` overrides applied to the terms first.
pub fn render_file_with(
    terms_path: &Path,
    templates: Option<&Path>,
    overrides: &[terms::Override],
) -> Result<RenderedSet, Diagnostic> {
    let loaded = terms::load_with(terms_path, overrides)?;
    let templates = match templates {
        Some(dir) => Templates::with_overrides(dir)?,
        None => Templates::embedded_for(loaded.terms.stage(), loaded.terms.kind())?,
    };
    render_loaded(loaded, &templates)
}

pub fn render_loaded(loaded: LoadedTerms, templates: &Templates) -> Result<RenderedSet, Diagnostic> {
    let figures = figures::compute(&loaded.terms).map_err(|e| loaded.error_at(&e.field, e.message))?;
    let context = render::build_context(&loaded.terms, &figures)
        .map_err(|e| Diagnostic::new(format!("cannot prepare the template context: {e}")))?;
    let kind = loaded.terms.in_force().kind();
    let mut files = Vec::new();
    for &document in Document::for_stage(loaded.terms.stage()) {
        let markdown = templates.render_terms(document, &context, &loaded)?;
        let html = html::to_edgar_html(&markdown, document.title(kind)).map_err(|e| {
            let rendered = format!("{} (as rendered)", document.template());
            Diagnostic::new(format!("{} cannot become EDGAR HTML: {}", document.template(), e.message))
                .at(Origin::new(Path::new(&rendered), Arc::from(markdown.as_str()), e.line, 1))
        })?;
        let stem = document.stem(kind);
        files.push(OutputFile { name: format!("{stem}.md"), bytes: markdown.into_bytes() });
        files.push(OutputFile { name: format!("{stem}.htm"), bytes: html.into_bytes() });
    }
    if loaded.terms.stage() != terms::Stage::Intent {
        files.push(OutputFile {
            name: fees::EXHIBIT_FILE.into(),
            bytes: fees::exhibit(&loaded.terms, &figures).into_bytes(),
        });
    }
    let warnings = fees::warnings(&loaded.terms);
    if let Some(long) = files.iter().find(|f| f.name.len() > MAX_FILE_NAME) {
        return Err(Diagnostic::new(format!(
            "{} is longer than EDGAR's {MAX_FILE_NAME}-character limit",
            long.name
        )));
    }
    Ok(RenderedSet { terms: loaded, figures, files, warnings })
}
