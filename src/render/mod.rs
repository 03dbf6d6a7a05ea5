//! Stage three: terms and figures through Tera templates into Markdown, and into the XHTML
//! pages that are not Markdown (the filing fee exhibit).
//!
//! The default templates are embedded in the binary (it runs from any folder); `--templates
//! DIR` replaces any of them file by file. Values are escaped for Markdown on the way in, so
//! nothing from the terms is ever read as Markdown or evaluated as a template.

mod context;
mod documents;
mod escape;
mod filters;
mod ledger;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use regex::Regex;
use tera::{ErrorKind, Tera};

pub use context::build as build_context;
pub use documents::{Document, Section, offer_sections};
pub use escape::markdown_escaped;
pub use ledger::{Era, Printed};

/// `text`, a figure of the filing as a view prints it, marked so that rendering records it in
/// the ledger of printed figures.
pub fn mark_figure(figure: &crate::figures::Figure, era: Era, text: &str) -> String {
    ledger::mark(ledger::Marked { figure: figure.id, era, value: figure.value }, text)
}

use crate::diagnostics::{Diagnostic, Origin, display_path};
use crate::terms::{LoadedTerms, Stage};

/// The templates that ship with secdraft, by name.
const EMBEDDED: &[(&str, &str)] = &[
    ("schedule-to.md", include_str!("../../templates/schedule-to.md")),
    ("offer.md", include_str!("../../templates/offer.md")),
    ("press-release.md", include_str!("../../templates/press-release.md")),
    ("_cover.md", include_str!("../../templates/_cover.md")),
    ("_schedule-to-intent.md", include_str!("../../templates/_schedule-to-intent.md")),
    ("_schedule-to-commencement.md", include_str!("../../templates/_schedule-to-commencement.md")),
    ("_schedule-to-amendment.md", include_str!("../../templates/_schedule-to-amendment.md")),
    ("_signature.md", include_str!("../../templates/_signature.md")),
    ("_exhibit-index.md", include_str!("../../templates/_exhibit-index.md")),
    ("_press-release-intent.md", include_str!("../../templates/_press-release-intent.md")),
    ("_press-release-commencement.md", include_str!("../../templates/_press-release-commencement.md")),
    ("_press-release-amendment.md", include_str!("../../templates/_press-release-amendment.md")),
    ("_press-release-results.md", include_str!("../../templates/_press-release-results.md")),
    ("_about.md", include_str!("../../templates/_about.md")),
    ("_results-paragraph.md", include_str!("../../templates/_results-paragraph.md")),
    ("_incorporated.md", include_str!("../../templates/_incorporated.md")),
    ("filing-fees.htm", include_str!("../../templates/filing-fees.htm")),
];

/// The template of the filing fee exhibit, an XHTML page of its own (not Markdown).
pub const FEE_EXHIBIT: &str = "filing-fees.htm";

#[derive(Debug, Clone)]
struct Source {
    text: Arc<str>,
    /// The file it was read from; `None` for an embedded template.
    file: Option<PathBuf>,
}

/// A complete set of templates, ready to render.
pub struct Templates {
    sources: BTreeMap<String, Source>,
    /// The Markdown documents and their partials, escaped for Markdown.
    tera: Tera,
    /// The XHTML pages (`.htm`), escaped for HTML.
    pages: Tera,
}

impl Templates {
    /// The embedded templates.
    pub fn embedded() -> Result<Templates, Diagnostic> {
        Templates::build(embedded_sources())
    }

    /// The embedded templates that a stage's documents use: their own and every partial they
    /// include, directly or through another partial. Parsing templates is a fifth of a cold
    /// render, and only the commencement has an Offer (`offer.md`, 40% of the text).
    pub fn embedded_for(stage: Stage) -> Result<Templates, Diagnostic> {
        let documents = Document::for_stage(stage).iter().map(|d| d.template());
        let exhibit = (stage != Stage::Intent).then_some(FEE_EXHIBIT);
        Templates::build(included_from(embedded_sources(), documents.chain(exhibit)))
    }

    /// The embedded templates with every file of `dir` in place of the one of the same name.
    /// A file that overrides nothing must start with `_` (a partial for `{% include %}`), so
    /// that a misspelt override is an error rather than silently ignored. So is an entry that
    /// is not a readable regular file (a FIFO, a device, a dangling link): skipping it would
    /// render the built-in template in its place, a filing with the wrong text.
    pub fn with_overrides(dir: &Path) -> Result<Templates, Diagnostic> {
        let mut sources = embedded_sources();
        let entries = crate::input::folder_entries(dir)?;
        // Every template is held at once: many files each under the cap add up.
        let mut budget = crate::input::DocumentBudget::default();
        for entry in entries {
            let (name, file) = (entry.name, entry.path);
            // Hidden files are an editor's or a tool's; a folder is no template unless it is
            // named like one.
            if name.starts_with('.') || (entry.is_folder && !name.ends_with(".md")) {
                continue;
            }
            if !sources.contains_key(&name) && !name.starts_with('_') {
                let known: Vec<&str> = EMBEDDED.iter().map(|(n, _)| *n).collect();
                let mut d =
                    Diagnostic::new(format!("{} does not override any template", display_path(&file)));
                if let Some(best) = crate::terms::closest_name(&name, &known) {
                    d = d.help(format!("did you mean `{best}`?"));
                }
                return Err(d.help(format!(
                    "templates that can be overridden: {}; other files must start with `_` to be included",
                    known.join(", ")
                )));
            }
            let cannot_read = |why: String| {
                Diagnostic::new(format!("cannot read the template {}: {why}", display_path(&file)))
            };
            let bytes = budget.read(&file).map_err(|why| cannot_read(why.to_string()))?;
            let text = String::from_utf8(bytes).map_err(|e| cannot_read(e.utf8_error().to_string()))?;
            sources.insert(name, Source { text: Arc::from(text), file: Some(file) });
        }
        Templates::build(sources)
    }

    fn build(sources: BTreeMap<String, Source>) -> Result<Templates, Diagnostic> {
        let mut tera = Tera::new();
        tera.set_escape_fn(escape::escape_markdown);
        tera.autoescape_on([".md"]);
        filters::register(&mut tera);
        let mut pages = Tera::new();
        pages.set_escape_fn(escape_html);
        pages.autoescape_on([".htm"]);
        let mut templates = Templates { sources, tera, pages };
        let raw: Vec<(String, Arc<str>)> =
            templates.sources.iter().map(|(n, s)| (n.clone(), s.text.clone())).collect();
        let (pages, documents): (Vec<_>, Vec<_>) = raw.iter().partition(|(n, _)| n.ends_with(".htm"));
        let add = |tera: &mut Tera, raw: &[&(String, Arc<str>)]| {
            tera.add_raw_templates(raw.iter().map(|(n, t)| (n.as_str(), &**t)))
        };
        let added = add(&mut templates.tera, &documents).and_then(|()| add(&mut templates.pages, &pages));
        added.map_err(|e| templates.diagnostic(&e))?;
        Ok(templates)
    }

    /// Renders an XHTML page (the fee exhibit) from the view it prints, as the file `name`:
    /// the page, and each figure it prints (values of the view marked with [`mark_figure`]).
    /// Nothing is tidied; the template's layout is the page's.
    pub fn render_page(
        &self,
        name: &str,
        view: &impl serde::Serialize,
    ) -> Result<(String, Vec<Printed>), Diagnostic> {
        let context = tera::Context::from_serialize(view).map_err(|e| self.diagnostic(&e))?;
        let page = self.pages.render(name, &context).map_err(|e| self.diagnostic(&e))?;
        Ok(ledger::resolve(name, &page))
    }

    /// Renders one document's Markdown from a prepared context: the text, and each figure it
    /// prints (see [`Printed`]) as the file `name`.
    pub fn render(
        &self,
        document: Document,
        name: &str,
        context: &tera::Context,
    ) -> Result<(String, Vec<Printed>), Diagnostic> {
        let raw = self.tera.render(document.template(), context).map_err(|e| self.diagnostic(&e))?;
        Ok(ledger::resolve(name, &tidy(&raw)))
    }

    /// Renders one document's Markdown for a terms file. When a built-in template fails on a
    /// value of the terms (a number too large to write in words, say), the template is not at
    /// fault: the error is placed at the value's field of the terms file, and names the
    /// template line in a note.
    pub fn render_terms(
        &self,
        document: Document,
        name: &str,
        context: &tera::Context,
        loaded: &LoadedTerms,
    ) -> Result<(String, Vec<Printed>), Diagnostic> {
        let raw = self
            .tera
            .render(document.template(), context)
            .map_err(|e| self.terms_diagnostic(&e, loaded).unwrap_or_else(|| self.diagnostic(&e)))?;
        Ok(ledger::resolve(name, &tidy(&raw)))
    }

    /// The error placed at the terms field the failing expression of a built-in template
    /// reads, when there is one; `None` for a user's template or an expression that reads
    /// no field of the file.
    fn terms_diagnostic(&self, err: &tera::Error, loaded: &LoadedTerms) -> Option<Diagnostic> {
        let ErrorKind::RenderingError(report) = err.kind() else { return None };
        let name = report.filename();
        let source = self.sources.get(name)?;
        if source.file.is_some() {
            return None;
        }
        // The span is the failing filter's name: its input is what the tag reads before it.
        let range = report.span().range.clone();
        let before = source.text.get(..range.start)?;
        let opened = before.rfind("{{").max(before.rfind("{%"))?;
        let expression = source.text.get(opened..range.end)?;
        let field = self.terms_field(expression).filter(|f| loaded.map().contains(f))?;
        let mut message = report.message().to_owned();
        let mut cause = std::error::Error::source(err);
        while let Some(c) = cause {
            message.push_str(": ");
            message.push_str(&c.to_string());
            cause = c.source();
        }
        Some(loaded.error_at(&field, message).help(format!(
            "the built-in template {name} cannot print this value (at its line {})",
            report.span().start_line
        )))
    }

    /// The terms field (`offer.consideration.block.new_shares`) an expression reads, through
    /// the names the templates `set` (`{% set offer = terms.offer %}`).
    fn terms_field(&self, expression: &str) -> Option<String> {
        static PATH: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
                .expect("the path pattern is valid")
        });
        static SET: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\{%-?\s*set\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*-?%\}")
                .expect("the set pattern is valid")
        });
        let mut aliases: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for source in self.sources.values() {
            for set in SET.captures_iter(&source.text) {
                let (Some(name), Some(value)) = (set.get(1), set.get(2)) else { continue };
                aliases.entry(name.as_str()).or_default().push(value.as_str());
            }
        }
        PATH.find_iter(expression).find_map(|m| resolve(m.as_str(), &aliases, 0))
    }

    /// Turns a Tera error into a diagnostic that points into the template file.
    fn diagnostic(&self, err: &tera::Error) -> Diagnostic {
        let mut causes = Vec::new();
        let mut cause = std::error::Error::source(err);
        while let Some(c) = cause {
            causes.push(c.to_string());
            cause = c.source();
        }
        let report = match err.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => report,
            _ => {
                let mut d = Diagnostic::new(format!("template error: {err}"));
                for c in causes {
                    d = d.help(c);
                }
                return d;
            }
        };
        let name = report.filename();
        let span = report.span();
        let mut message = format!("template error: {}", report.message());
        for c in &causes {
            message.push_str(": ");
            message.push_str(c);
        }
        let Some(source) = self.sources.get(name) else {
            return Diagnostic::new(message);
        };
        let file = match &source.file {
            Some(path) => path.clone(),
            None => PathBuf::from(format!("templates/{name} (built in)")),
        };
        Diagnostic::new(message)
            .at(Origin::new(&file, source.text.clone(), span.start_line, span.start_col + 1))
            .label("here")
            .help("templates use the variables `terms`, `figures`, `cover` and `documents`; docs/templates.md lists them")
    }
}

/// Text escaped for an XHTML page, as the HTML stage escapes it; the marks of printed figures
/// pass through for the ledger to take out.
fn escape_html(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let (visible, marks) = ledger::visible(text);
    let mut escaped = String::with_capacity(text.len());
    let mut from = 0;
    for (at, mark) in marks {
        crate::html::escape_text(&mut escaped, &visible[from..at].iter().collect::<String>());
        escaped.push_str(mark);
        from = at;
    }
    crate::html::escape_text(&mut escaped, &visible[from..].iter().collect::<String>());
    out.write_all(escaped.as_bytes())
}

/// A dotted path read from the terms: `terms.x.y` gives `x.y`; a name a template set is
/// followed to what it was set to (a few levels; the templates alias one or two deep).
fn resolve(path: &str, aliases: &BTreeMap<&str, Vec<&str>>, depth: usize) -> Option<String> {
    let (root, rest) = path.split_once('.').map_or((path, None), |(r, rest)| (r, Some(rest)));
    if root == "terms" {
        return rest.map(str::to_owned);
    }
    if depth >= 4 {
        return None;
    }
    aliases.get(root)?.iter().find_map(|target| {
        let full = match rest {
            Some(rest) => format!("{target}.{rest}"),
            None => (*target).to_owned(),
        };
        resolve(&full, aliases, depth + 1)
    })
}

/// Normalises the layout that template control tags leave behind: no trailing spaces (the
/// templates break lines with `\\`), no runs of blank lines, one final newline.
pub fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank_run = true;
    for line in markdown.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            if !blank_run {
                out.push('\n');
            }
            blank_run = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank_run = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The templates named in `roots` and all that they include.
fn included_from<'a>(
    mut sources: BTreeMap<String, Source>,
    roots: impl Iterator<Item = &'a str>,
) -> BTreeMap<String, Source> {
    static INCLUDE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"\{%-?\s*include\s+"([^"]+)""#).expect("the include pattern is valid"));
    let mut used = BTreeMap::new();
    let mut pending: Vec<String> = roots.map(str::to_owned).collect();
    while let Some(name) = pending.pop() {
        if let Some(source) = sources.remove(&name) {
            pending.extend(INCLUDE.captures_iter(&source.text).map(|c| c[1].to_owned()));
            used.insert(name, source);
        }
    }
    used
}

fn embedded_sources() -> BTreeMap<String, Source> {
    EMBEDDED
        .iter()
        .map(|(name, text)| ((*name).to_owned(), Source { text: Arc::from(*text), file: None }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_collapses_blank_runs_and_trailing_space() {
        assert_eq!(tidy("\n\na  \n\n\n\nb\\\nc\n\n"), "a\n\nb\\\nc\n");
    }

    #[test]
    fn a_stage_parses_only_the_templates_it_uses() {
        let intent = Templates::embedded_for(Stage::Intent).unwrap();
        assert!(!intent.sources.contains_key("offer.md"));
        for used in
            ["schedule-to.md", "press-release.md", "_cover.md", "_press-release-intent.md", "_signature.md"]
        {
            assert!(intent.sources.contains_key(used), "{used}");
        }
        let commencement = Templates::embedded_for(Stage::Commencement).unwrap();
        assert!(commencement.sources.contains_key("offer.md"));
        assert!(commencement.sources.contains_key("_incorporated.md"));
    }

    #[test]
    fn an_expression_is_traced_to_its_terms_field_through_the_names_set() {
        let templates = Templates::embedded().unwrap();
        let field = |e: &str| templates.terms_field(e);
        assert_eq!(
            field("{{ new_per_block | words").as_deref(),
            Some("offer.consideration.block.new_shares")
        );
        assert_eq!(field("{{ terms.security.title | lower").as_deref(), Some("security.title"));
        assert_eq!(field("{{ issuer.short_name").as_deref(), Some("issuer.short_name"));
        assert_eq!(field("{{ figures.premium | percent"), None);
    }

    #[test]
    fn embedded_templates_parse() {
        let templates = Templates::embedded().unwrap();
        for document in [Document::ScheduleTo, Document::Offer, Document::PressRelease] {
            assert!(templates.sources.contains_key(document.template()));
        }
    }
}
