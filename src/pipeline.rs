//! The whole pipeline in one call: terms file -> filing -> Markdown -> HTML (and DOCX when
//! asked), in memory.

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::filing::{Filing, Mode};
use crate::output::{MAX_FILE_NAME, OutputFile};
use crate::render::{self, Document, Printed, Templates};
use crate::terms::{self, LoadedTerms};
use crate::{check, docx, fees, html};

/// The forms a set's documents are written in. By default Markdown and EDGAR HTML, as
/// secdraft always has; a DOCX of each document when asked. The filing fee exhibit is XHTML
/// only: it is written with the HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub markdown: bool,
    pub html: bool,
    pub docx: bool,
}

impl Formats {
    /// The forms a terms file asks for (`presentation.formats`), or the default.
    pub fn of_terms(terms: &terms::Terms) -> Formats {
        match &terms.presentation.formats {
            Some(list) => Formats {
                markdown: list.contains(&terms::OutputFormat::Md),
                html: list.contains(&terms::OutputFormat::Htm),
                docx: list.contains(&terms::OutputFormat::Docx),
            },
            None => Formats::default(),
        }
    }
}

impl Default for Formats {
    fn default() -> Formats {
        Formats { markdown: true, html: true, docx: false }
    }
}

/// A rendered filing set: each document as Markdown and as EDGAR HTML (or in the [`Formats`]
/// asked for).
#[derive(Debug, Clone)]
pub struct RenderedSet {
    /// What the set was rendered from: the terms, the timetable and the figures.
    pub filing: Filing,
    pub files: Vec<OutputFile>,
    /// Each figure the documents print, where, and in what form.
    pub ledger: Vec<Printed>,
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

    /// The title the EDGAR HTML of the Markdown draft `name` carries, when `name` is one of the
    /// set's documents (as `render_filing` gives it).
    pub fn html_title(&self, name: &str) -> Option<String> {
        let kind = self.filing.kind;
        let restated = Document::restated(&self.filing.in_force);
        Document::for_terms(&self.filing.in_force)
            .into_iter()
            .find(|document| format!("{}.md", document.stem(kind)) == name)
            .map(|document| document.heading(kind, restated))
    }

    /// What `check` reads of a set secdraft rendered: the ledger and the figures.
    pub fn rendered(&self) -> check::Rendered<'_> {
        check::Rendered {
            ledger: &self.ledger,
            figures: &self.filing.figures,
            figures_before: self.filing.figures_before.as_ref(),
            class_figures: &self.filing.classes,
        }
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
    render_file_in(terms_path, templates, overrides, Mode::Draft, Some(Formats::default()))
}

/// As [`render_file_with`], as a draft or as the text to file ([`Mode`]), in `formats`, or
/// with `None` in those the terms ask for (`presentation.formats`).
pub fn render_file_in(
    terms_path: &Path,
    templates: Option<&Path>,
    overrides: &[terms::Override],
    mode: Mode,
    formats: Option<Formats>,
) -> Result<RenderedSet, Diagnostic> {
    render_loaded_in(terms::load_with(terms_path, overrides)?, templates, mode, formats)
}

/// As [`render_file_in`], for terms already loaded (from standard input, say).
pub fn render_loaded_in(
    loaded: LoadedTerms,
    templates: Option<&Path>,
    mode: Mode,
    formats: Option<Formats>,
) -> Result<RenderedSet, Diagnostic> {
    let formats = formats.unwrap_or_else(|| Formats::of_terms(&loaded.terms));
    let filing = Filing { mode, ..Filing::build(loaded)? };
    match templates {
        Some(dir) => render_filing_as(filing, &Templates::with_overrides(dir)?, formats),
        None => render_embedded_as(filing, formats),
    }
}

/// Renders a filing's set with the embedded templates of its stage and kind.
pub fn render_embedded(filing: Filing) -> Result<RenderedSet, Diagnostic> {
    render_embedded_as(filing, Formats::default())
}

/// As [`render_embedded`], the documents written in `formats`.
pub fn render_embedded_as(filing: Filing, formats: Formats) -> Result<RenderedSet, Diagnostic> {
    let documents = Document::for_terms(&filing.in_force);
    let templates = Templates::embedded_for(filing.stage, filing.kind, &documents)?;
    render_filing_as(filing, &templates, formats)
}

/// Derives the filing of loaded terms and renders it.
pub fn render_loaded(loaded: LoadedTerms, templates: &Templates) -> Result<RenderedSet, Diagnostic> {
    render_filing(Filing::build(loaded)?, templates)
}

/// Renders a filing's set: each document as Markdown and EDGAR HTML, and the filing fee
/// exhibit once the offer has commenced.
pub fn render_filing(filing: Filing, templates: &Templates) -> Result<RenderedSet, Diagnostic> {
    render_filing_as(filing, templates, Formats::default())
}

/// Renders a filing's set, each document in `formats` (always rendered as Markdown first, the
/// other forms made from it), and the filing fee exhibit with the HTML once the offer has
/// commenced.
pub fn render_filing_as(
    filing: Filing,
    templates: &Templates,
    formats: Formats,
) -> Result<RenderedSet, Diagnostic> {
    let context = render::build_context(&filing)?;
    let kind = filing.kind;
    let mut files = Vec::new();
    let mut ledger = Vec::new();
    for document in Document::for_terms(&filing.in_force) {
        let stem = document.stem(kind);
        let name = format!("{stem}.md");
        let (markdown, printed) = templates.render_terms(document, &name, &context, &filing.loaded)?;
        let title = document.heading(kind, Document::restated(&filing.in_force));
        let html = html::to_edgar_html(&markdown, &title)
            .map_err(|e| e.in_document(document.template(), &markdown))?;
        ledger.extend(printed);
        let docx = if formats.docx {
            let written = docx::to_docx(&markdown);
            Some(written.map_err(|e| Diagnostic::new(format!("{stem}.docx cannot be written: {e}")))?)
        } else {
            None
        };
        if formats.markdown {
            files.push(OutputFile { name, bytes: markdown.into_bytes() });
        }
        if formats.html {
            files.push(OutputFile { name: format!("{stem}.htm"), bytes: html.into_bytes() });
        }
        if let Some(bytes) = docx {
            files.push(OutputFile { name: format!("{stem}.docx"), bytes });
        }
    }
    if filing.stage != terms::Stage::Intent && formats.html {
        let mut exhibit = fees::FeeFigures::from_named(|name| filing.figures.value(name))
            .and_then(|fee_figures| {
                fees::Exhibit::new(filing.terms(), &filing.in_force, filing.kind, &fee_figures)
            })
            .map_err(|e| match e {
                // A term the exhibit's notes need: the error belongs at that field of the file.
                fees::FeeError::MissingTerm(field) => filing.loaded.error_at(field, e.to_string()),
                _ => Diagnostic::new(e.to_string()),
            })?;
        for (name, printed) in exhibit.figures_mut() {
            if let Some(figure) = filing.figures.get(name) {
                *printed = render::mark_figure(figure, render::Era::Now, printed);
            }
        }
        let (page, printed) = templates.render_page(render::FEE_EXHIBIT, &exhibit)?;
        ledger.extend(printed);
        files.push(OutputFile { name: fees::EXHIBIT_FILE.into(), bytes: page.into_bytes() });
    }
    let mut warnings = crate::terms::warnings(filing.terms());
    warnings.extend(fees::warnings(filing.terms()));
    // A DOCX is for counsel, not for EDGAR: its name has no limit but the file system's.
    if let Some(long) = files.iter().find(|f| f.name.len() > MAX_FILE_NAME && !f.name.ends_with(".docx")) {
        return Err(Diagnostic::new(format!(
            "{} is longer than EDGAR's {MAX_FILE_NAME}-character limit",
            long.name
        )));
    }
    Ok(RenderedSet { filing, files, ledger, warnings })
}
