//! Stage three: terms and figures through Tera templates into Markdown, and into the XHTML
//! pages that are not Markdown (the filing fee exhibit).
//!
//! The default templates are embedded in the binary (it runs from any folder); `--templates
//! DIR` replaces any of them file by file. Values are escaped for Markdown on the way in, so
//! nothing from the terms is ever read as Markdown or evaluated as a template.

mod context;
mod disclosure;
mod documents;
mod escape;
mod exhibits;
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
pub use ledger::{Era, Printed, mark_figure};

use crate::diagnostics::{Diagnostic, Origin, display_path};
use crate::terms::{LoadedTerms, OfferKind, Stage};

/// The templates that ship with secdraft, by their path under `templates/`
/// (`partials/cover.md`), sorted: build.rs lists the folder.
const EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/templates.rs"));

/// The components (Tera 2's macros) the templates call. A component is known to every template
/// once any template defining it is parsed, so this file is parsed with every document.
const MACROS: &str = "macros.md";

/// The names the templates had before they were sorted into folders, and the template that
/// now holds the same text. A `--templates` folder written for the old names keeps working:
/// `_cover.md` there replaces `partials/cover.md`, and a template of the folder that includes
/// `_cover.md` includes it. The documents' own names (`offer.md`...) did not change.
const LEGACY_NAMES: &[(&str, &str)] = &[
    ("_about.md", "partials/about.md"),
    ("_cover.md", "partials/cover.md"),
    ("_exhibit-index.md", "partials/exhibit-index.md"),
    ("_incorporated.md", "partials/incorporated.md"),
    ("_press-release-amendment.md", "press-release/amendment.md"),
    ("_press-release-commencement.md", "press-release/commencement.md"),
    ("_press-release-intent.md", "press-release/intent.md"),
    ("_press-release-results.md", "press-release/results.md"),
    ("_results-paragraph.md", "partials/results-paragraph.md"),
    ("_schedule-to-amendment.md", "schedule-to/amendment.md"),
    ("_schedule-to-commencement.md", "schedule-to/commencement.md"),
    ("_schedule-to-intent.md", "schedule-to/intent.md"),
    ("_signature.md", "partials/signature.md"),
];

/// The template of the filing fee exhibit, an XHTML page of its own (not Markdown).
pub const FEE_EXHIBIT: &str = "filing-fees.htm";

/// How deep `--templates` is searched: the built-in templates are one folder deep, and a
/// bound keeps a link from a subfolder to its parent from being followed forever.
const MAX_OVERRIDE_DEPTH: usize = 4;

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

    /// The embedded templates that `documents`, a set of a stage, use: the one each renders
    /// from (the Offer's of its `kind`) and every template it includes or extends, directly or
    /// through another. Parsing templates is a fifth of a cold render, and only the commencement has
    /// an Offer (40% of the text); its frame's blocks are copied into each template that
    /// extends it, so the other kinds' are left out.
    pub fn embedded_for(
        stage: Stage,
        kind: OfferKind,
        documents: &[Document],
    ) -> Result<Templates, Diagnostic> {
        let sources = embedded_sources();
        // An offer for several classes renders its Offer from the kind's variant for them.
        // So does an offer for notes, from the Offer for notes.
        let mut roots: Vec<String> = documents
            .iter()
            .flat_map(|&d| {
                [(false, false, false), (true, false, false), (false, true, false), (false, false, true)].map(
                    |(several, notes, third_party)| {
                        root_name(&sources, d, kind_name(kind), several, notes, third_party)
                    },
                )
            })
            .collect();
        roots.sort();
        roots.dedup();
        roots.extend((stage != Stage::Intent).then(|| FEE_EXHIBIT.to_owned()));
        Templates::build(used_from(sources, roots, stage))
    }

    /// The embedded templates with the files of `dir` in place of those of the same path
    /// (`offer.md`, `partials/cover.md`; subfolders are searched) or of the same name before
    /// templates had folders (`_cover.md`, see `LEGACY_NAMES`). A file that overrides nothing
    /// must have a name starting with `_` (a partial for `{% include %}`), so that a misspelt
    /// override is an error rather than silently ignored. So is an entry that is not a readable
    /// regular file (a FIFO, a device, a dangling link): skipping it would render the built-in
    /// template in its place, a filing with the wrong text.
    pub fn with_overrides(dir: &Path) -> Result<Templates, Diagnostic> {
        let mut sources = embedded_sources();
        let mut files = Vec::new();
        override_files(dir, "", 0, &mut files)?;
        // Every template is held at once: many files each under the cap add up.
        let mut budget = crate::input::DocumentBudget::default();
        let mut overridden: BTreeMap<String, PathBuf> = BTreeMap::new();
        let mut blocks_only: Vec<String> = Vec::new();
        for (name, file) in files {
            let target = legacy_target(&name).unwrap_or(&name).to_owned();
            let file_name = name.rsplit('/').next().unwrap_or(&name);
            if !sources.contains_key(&target) && !file_name.starts_with('_') {
                return Err(overrides_nothing(&name, &file));
            }
            if let Some(first) = overridden.get(&target) {
                return Err(Diagnostic::new(format!(
                    "{} and {} both override the template {target}",
                    display_path(first),
                    display_path(&file)
                ))
                .help(format!(
                    "{} is its name before templates had folders; keep one of the two",
                    legacy_name_of(&target).unwrap_or(&target)
                )));
            }
            let cannot_read = |why: String| {
                Diagnostic::new(format!("cannot read the template {}: {why}", display_path(&file)))
            };
            let bytes = budget.read(&file).map_err(|why| cannot_read(why.to_string()))?;
            let text = String::from_utf8(bytes).map_err(|e| cannot_read(e.utf8_error().to_string()))?;
            overridden.insert(target.clone(), file.clone());
            // A file of blocks alone replaces those blocks of the built-in template and keeps the
            // rest: it extends the built-in, kept under a name of its own.
            if let Some(built_in) = sources.get(&target).filter(|s| s.file.is_none() && is_blocks_only(&text))
            {
                let known = blocks_of(&target, &sources);
                if let Some(unknown) = block_names(&text).into_iter().find(|b| !known.contains(b)) {
                    return Err(Diagnostic::new(format!(
                        "{} replaces the block `{unknown}`, which the template {target} does not have",
                        display_path(&file)
                    ))
                    .help(format!(
                        "its blocks are: {}; `secdraft templates list` prints every template's",
                        known.join(", ")
                    )));
                }
                let kept = format!("{BUILT_IN}{target}");
                sources.insert(kept.clone(), built_in.clone());
                // On the first line, so that errors keep the file's own line numbers.
                let text = format!("{{% extends \"{kept}\" %}}{text}");
                sources.insert(target.clone(), Source { text: Arc::from(text), file: Some(file.clone()) });
                blocks_only.push(target);
                continue;
            }
            sources.insert(target.clone(), Source { text: Arc::from(text), file: Some(file.clone()) });
        }
        for target in &blocks_only {
            overridden.remove(target);
        }
        // A document's template of the folder (`offer.md`) replaces the whole document, as it did
        // before the Offer had a template per kind: the built-in templates that descend from it
        // give way, so that the document renders from it.
        let mut replaced: Vec<String> = Document::ALL
            .iter()
            .map(|d| d.template().to_owned())
            .filter(|name| overridden.contains_key(name))
            .collect();
        while let Some(parent) = replaced.pop() {
            let children: Vec<String> = sources
                .iter()
                .filter(|(_, s)| s.file.is_none() && parent_of(&s.text) == Some(parent.as_str()))
                .map(|(name, _)| name.clone())
                .collect();
            for child in children {
                sources.remove(&child);
                replaced.push(child);
            }
        }
        // A template written for the old names includes the others by them.
        for (old, new) in LEGACY_NAMES {
            sources.entry((*old).to_owned()).or_insert_with(|| Source {
                text: Arc::from(format!("{{% include \"{new}\" %}}")),
                file: None,
            });
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
        resolved(name, &page)
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
            .render(&self.root(document, context), context)
            .map_err(|e| self.terms_diagnostic(&e, loaded).unwrap_or_else(|| self.diagnostic(&e)))?;
        resolved(name, &tidy(&raw))
    }

    /// The template a document renders from: the Offer's for its kind (`offer/cash.md`), which
    /// extends the frame `offer.md` and fills the blocks whose text differs by kind; the
    /// document's own template otherwise, or when a `--templates` folder replaced it.
    fn root(&self, document: Document, context: &tera::Context) -> String {
        let kind = context.get("kind").and_then(|k| k.as_str()).unwrap_or_default();
        let several = context.get("classes").and_then(|c| c.as_array()).is_some_and(|c| c.len() > 1);
        let notes = context.get("notes").is_some_and(|n| n.is_map());
        let third_party = context.get("third_party").and_then(|t| t.as_bool()).unwrap_or_default();
        root_name(&self.sources, document, kind, several, notes, third_party)
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
    /// the names the templates `set` (`{% set offer = terms.offer %}`) and the arguments
    /// components are called with.
    fn terms_field(&self, expression: &str) -> Option<String> {
        static PATH: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
                .expect("the path pattern is valid")
        });
        static SET: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\{%-?\s*set\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*-?%\}")
                .expect("the set pattern is valid")
        });
        // A component's argument stands for what its callers pass: `<shares_in_words
        // count={new_per_block}/>`.
        static ARGUMENT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\b([A-Za-z_][A-Za-z0-9_]*)=\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}")
                .expect("the argument pattern is valid")
        });
        let mut aliases: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for source in self.sources.values() {
            for set in SET.captures_iter(&source.text).chain(ARGUMENT.captures_iter(&source.text)) {
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
            causes.push(ledger::readable(&c.to_string()));
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
        let mut message = format!("template error: {}", ledger::readable(report.message()));
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

/// A rendered document without its marks, and the figures it prints; a mark a filter of the
/// template took apart is the template's error, at the line of the document it broke.
fn resolved(name: &str, rendered: &str) -> Result<(String, Vec<Printed>), Diagnostic> {
    ledger::resolve(name, rendered).map_err(|broken| {
        let figure = broken.figure.map_or_else(|| "a figure".to_owned(), |f| format!("`figures.{f}`"));
        Diagnostic::new(format!(
            "template error: {name}, line {} as rendered: a filter took {figure} apart as text, so it cannot print as the figure it is",
            broken.line
        ))
        .help("print a figure whole, or through `money`, `shares`, `percent`, `ratio`, `words` or `unsigned`; text filters (`truncate`, `reverse`, `split`, slicing) cut the mark that names it")
    })
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

/// The template `document` renders from among `sources`: for the Offer, the template of its
/// kind (`dutch_auction`: `offer/dutch-auction.md`) when there is one, and for an offer for
/// `several` classes the kind's variant for them (`offer/exchange-classes.md`) when there is
/// one; for a cash offer for `notes`, `offer/notes.md`; for a `third_party`'s cash offer,
/// `offer/third-party.md`; otherwise the document's own (`offer.md`, which a `--templates`
/// folder may have put in its place).
fn root_name(
    sources: &BTreeMap<String, Source>,
    document: Document,
    kind: &str,
    several: bool,
    notes: bool,
    third_party: bool,
) -> String {
    // A third party's offer is drafted for cash at a fixed price for one class of shares; any
    // other is refused with the terms.
    const THIRD_PARTY: &str = "offer/third-party.md";
    if document == Document::Offer && third_party && kind == "cash" && sources.contains_key(THIRD_PARTY) {
        return THIRD_PARTY.to_owned();
    }
    // Notes are sought for cash at a fixed price only; another kind for notes is refused with
    // the terms, and would find no Offer of its own here.
    const NOTES: &str = "offer/notes.md";
    if document == Document::Offer && notes && kind == "cash" && sources.contains_key(NOTES) {
        return NOTES.to_owned();
    }
    if document == Document::Offer {
        let by_kind = format!("offer/{}.md", kind.replace('_', "-"));
        let for_classes = format!("offer/{}-classes.md", kind.replace('_', "-"));
        if several && sources.contains_key(&for_classes) {
            return for_classes;
        }
        if sources.contains_key(&by_kind) {
            return by_kind;
        }
    }
    document.template().to_owned()
}

/// An offer kind as the templates' `kind` names it.
fn kind_name(kind: OfferKind) -> &'static str {
    match kind {
        OfferKind::Exchange => "exchange",
        OfferKind::Cash => "cash",
        OfferKind::DutchAuction => "dutch_auction",
    }
}

/// The templates named in `roots` and all that they include or extend; with the components
/// of [`MACROS`], which any of them may call. A document's part for another stage is not
/// parsed: it stands as an empty template, so that the include of the branch `stage` does not
/// take still names a template.
fn used_from(
    mut sources: BTreeMap<String, Source>,
    roots: Vec<String>,
    stage: Stage,
) -> BTreeMap<String, Source> {
    static USES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\{%-?\s*(?:include|extends)\s+"([^"]+)""#).expect("the include pattern is valid")
    });
    let mut used = BTreeMap::new();
    let mut pending = roots;
    pending.push(MACROS.to_owned());
    while let Some(name) = pending.pop() {
        let Some(mut source) = sources.remove(&name) else { continue };
        if renders_in(&name, stage) {
            pending.extend(USES.captures_iter(&source.text).map(|c| c[1].to_owned()));
        } else {
            source.text = Arc::from("");
        }
        used.insert(name, source);
    }
    used
}

/// Whether `stage` renders a template: a part of the Schedule TO or of the press release
/// named for a stage (`press-release/commencement-cash.md`) is that stage's; the amendment's
/// part of the Schedule TO is also the final amendment's. Every other template, a part named
/// for no stage included, may be rendered at any stage.
fn renders_in(name: &str, stage: Stage) -> bool {
    const STAGES: [&str; 4] = ["intent", "commencement", "amendment", "results"];
    let Some(part) = name.strip_prefix("schedule-to/").or_else(|| name.strip_prefix("press-release/")) else {
        return true;
    };
    let Some(named_for) = STAGES.iter().find(|s| part.starts_with(*s)) else { return true };
    let renders: &[&str] = match stage {
        Stage::Intent => &["intent"],
        Stage::Commencement => &["commencement"],
        Stage::Amendment => &["amendment"],
        Stage::Results => &["results", "amendment"],
    };
    renders.contains(named_for)
}

/// The template a template extends: `{% extends "offer.md" %}` is its first tag, after blanks
/// and comments.
/// Each built-in template that has blocks, with the blocks an override file of the same path
/// can replace (its own and those of the templates it extends), in the order they appear.
pub fn template_blocks() -> Vec<(String, Vec<String>)> {
    let sources = embedded_sources();
    sources
        .keys()
        .map(|name| (name.clone(), blocks_of(name, &sources)))
        .filter(|(_, blocks)| !blocks.is_empty())
        .collect()
}

/// The prefix under which a built-in template whose blocks an override replaces is kept.
const BUILT_IN: &str = "secdraft-built-in/";

/// The blocks a template defines, in order: `{% block risk_factors %}`.
fn block_names(text: &str) -> Vec<String> {
    static BLOCK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\{%-?\s*block\s+(\w+)").expect("the block pattern is valid"));
    let mut names: Vec<String> = BLOCK.captures_iter(text).map(|c| c[1].to_owned()).collect();
    let mut seen = std::collections::BTreeSet::new();
    names.retain(|n| seen.insert(n.clone()));
    names
}

/// The blocks a template can have replaced: its own and those of the templates it extends.
fn blocks_of(name: &str, sources: &BTreeMap<String, Source>) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current = Some(name.to_owned());
    // The chain is short (a kind's Offer extends the frame); the bound stops a loop.
    for _ in 0..8 {
        let Some(source) = current.as_ref().and_then(|n| sources.get(n)) else { break };
        for block in block_names(&source.text) {
            if !blocks.contains(&block) {
                blocks.push(block);
            }
        }
        current = parent_of(&source.text).map(str::to_owned);
    }
    blocks
}

/// Whether an override holds blocks and nothing else (comments and blank space between them):
/// counsel's own risk factors, `{% block risk_factors %}...{% endblock risk_factors %}`.
fn is_blocks_only(text: &str) -> bool {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?s)\{#.*?#\}|\{%-?\s*(end)?block\b.*?%\}").expect("the tag pattern is valid")
    });
    if parent_of(text).is_some() || block_names(text).is_empty() {
        return false;
    }
    // Outside every block (depth 0) there may be only comments and blank space.
    let (mut depth, mut at) = (0usize, 0);
    for tag in TAG.captures_iter(text) {
        let whole = tag.get(0).expect("a match has its text");
        if depth == 0 && !text[at..whole.start()].trim().is_empty() {
            return false;
        }
        if whole.as_str().starts_with("{%") {
            if tag.get(1).is_some() {
                let Some(outer) = depth.checked_sub(1) else { return false };
                depth = outer;
            } else {
                depth += 1;
            }
        }
        at = whole.end();
    }
    depth == 0 && text[at..].trim().is_empty()
}

fn parent_of(text: &str) -> Option<&str> {
    let mut rest = text.trim_start();
    while let Some(comment) = rest.strip_prefix("{#") {
        rest = comment.split_once("#}")?.1.trim_start();
    }
    let tag = rest.strip_prefix("{%")?;
    let tag = tag.strip_prefix('-').unwrap_or(tag).trim_start();
    let name = tag.strip_prefix("extends")?.trim_start().strip_prefix('"')?;
    name.split_once('"').map(|(name, _)| name)
}

/// The template an old name stands for (`_cover.md`: `partials/cover.md`).
fn legacy_target(name: &str) -> Option<&'static str> {
    LEGACY_NAMES.iter().find(|(old, _)| *old == name).map(|(_, new)| *new)
}

/// The old name of a template, if it had another.
fn legacy_name_of(name: &str) -> Option<&'static str> {
    LEGACY_NAMES.iter().find(|(_, new)| *new == name).map(|(old, _)| *old)
}

/// The files of a `--templates` folder and its subfolders, each with its path from the folder
/// (`partials/cover.md`), the name it overrides. Hidden entries are an editor's or a tool's.
fn override_files(
    dir: &Path,
    prefix: &str,
    depth: usize,
    files: &mut Vec<(String, PathBuf)>,
) -> Result<(), Diagnostic> {
    for entry in crate::input::folder_entries(dir)? {
        if entry.name.starts_with('.') {
            continue;
        }
        let name = format!("{prefix}{}", entry.name);
        // A folder named like a template is taken for one, and refused as unreadable.
        if entry.is_folder && !entry.name.ends_with(".md") {
            if depth + 1 < MAX_OVERRIDE_DEPTH {
                override_files(&entry.path, &format!("{name}/"), depth + 1, files)?;
            }
            continue;
        }
        files.push((name, entry.path));
    }
    Ok(())
}

/// The error for a file of `--templates` that is no template's name, with the closest one.
fn overrides_nothing(name: &str, file: &Path) -> Diagnostic {
    let known: Vec<&str> =
        EMBEDDED.iter().map(|(n, _)| *n).chain(LEGACY_NAMES.iter().map(|(old, _)| *old)).collect();
    let mut d = Diagnostic::new(format!("{} does not override any template", display_path(file)));
    if let Some(best) = crate::terms::closest_name(name, &known) {
        d = d.help(format!("did you mean `{best}`?"));
    }
    let current: Vec<&str> = EMBEDDED.iter().map(|(n, _)| *n).collect();
    d.help(format!(
        "templates that can be overridden, by their path in the folder: {}; or by their names before templates had folders (docs/templates.md); other files must have a name starting with `_` to be included",
        current.join(", ")
    ))
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
        let intent_set = [Document::ScheduleTo, Document::PressRelease];
        let intent = Templates::embedded_for(Stage::Intent, OfferKind::Exchange, &intent_set).unwrap();
        assert!(!intent.sources.keys().any(|n| n.starts_with("offer")), "{:?}", intent.sources.keys());
        for used in [
            "schedule-to.md",
            "press-release.md",
            "partials/cover.md",
            "press-release/intent.md",
            "partials/exhibit-index.md",
            MACROS,
        ] {
            assert!(intent.sources.contains_key(used), "{used}");
        }
        // The SC TO-C has no signature; only the parts of the other stages include it. Nor has
        // it the documents holders tender with.
        assert!(!intent.sources.contains_key("partials/signature.md"));
        assert!(!intent.sources.contains_key("letter-of-transmittal.md"));
        assert!(!intent.sources.contains_key("partials/tender-frame.md"));
        // Another stage's part is there, empty, for the include of its branch.
        assert_eq!(&*intent.sources["schedule-to/commencement.md"].text, "");
        assert!(!intent.sources["press-release/intent.md"].text.is_empty());
        let exchange =
            Templates::embedded_for(Stage::Commencement, OfferKind::Exchange, &Document::ALL).unwrap();
        for used in [
            "offer.md",
            "offer/exchange.md",
            "partials/incorporated.md",
            "letter-of-transmittal.md",
            "guaranteed-delivery.md",
            "letter-to-brokers.md",
            "letter-to-clients.md",
            "summary-advertisement.md",
            "employee-letter.md",
        ] {
            assert!(exchange.sources.contains_key(used), "{used}");
        }
        assert!(!exchange.sources.contains_key("offer/cash.md"));
        let auction =
            Templates::embedded_for(Stage::Commencement, OfferKind::DutchAuction, &Document::ALL).unwrap();
        for used in ["offer.md", "offer/cash.md", "offer/dutch-auction.md"] {
            assert!(auction.sources.contains_key(used), "{used}");
        }
        assert!(!auction.sources.contains_key("offer/exchange.md"));
    }

    #[test]
    fn a_part_named_for_a_stage_is_rendered_at_that_stage_only() {
        assert!(renders_in("press-release/commencement-cash.md", Stage::Commencement));
        assert!(!renders_in("press-release/commencement-cash.md", Stage::Intent));
        assert!(renders_in("schedule-to/amendment.md", Stage::Results));
        assert!(!renders_in("press-release/amendment.md", Stage::Commencement));
        // Named for no stage: any stage may include it.
        assert!(renders_in("press-release/agents.md", Stage::Intent));
        assert!(renders_in("partials/cover.md", Stage::Results));
    }

    #[test]
    fn kinds_are_named_as_the_templates_name_them() {
        for kind in [OfferKind::Exchange, OfferKind::Cash, OfferKind::DutchAuction] {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind_name(kind));
            let template =
                root_name(&embedded_sources(), Document::Offer, kind_name(kind), false, false, false);
            assert!(template.starts_with("offer/"), "{template}");
        }
        let notes = root_name(&embedded_sources(), Document::Offer, "cash", false, true, false);
        assert_eq!(notes, "offer/notes.md");
        let third_party = root_name(&embedded_sources(), Document::Offer, "cash", false, false, true);
        assert_eq!(third_party, "offer/third-party.md");
    }

    #[test]
    fn the_embedded_list_is_the_templates_folder() {
        let names: Vec<&str> = EMBEDDED.iter().map(|(n, _)| *n).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
        for name in ["offer.md", "partials/cover.md", "schedule-to/intent.md", MACROS] {
            assert!(names.contains(&name), "{name}");
        }
        for (old, new) in LEGACY_NAMES {
            assert!(names.contains(new), "{old} maps to {new}, which is no template");
        }
    }

    #[test]
    fn the_template_a_template_extends_is_its_first_tag() {
        assert_eq!(
            parent_of("{#- The Offer of a cash tender. -#}\n{% extends \"offer.md\" %}"),
            Some("offer.md")
        );
        assert_eq!(parent_of("Text {% extends \"offer.md\" %}"), None);
        assert_eq!(parent_of("{% include \"partials/cover.md\" %}"), None);
        assert_eq!(parent_of("{#- a comment -#}\n{%- extends \"offer/cash.md\" -%}"), Some("offer/cash.md"));
        assert_eq!(parent_of("{# an unclosed comment"), None);
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
        // In a component, through the argument its callers pass.
        assert_eq!(field("{{ count | words").as_deref(), Some("offer.consideration.block.new_shares"));
    }

    #[test]
    fn embedded_templates_parse() {
        let templates = Templates::embedded().unwrap();
        for document in Document::ALL {
            assert!(templates.sources.contains_key(document.template()), "{document:?}");
        }
    }
}
