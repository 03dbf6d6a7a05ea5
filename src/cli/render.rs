//! `secdraft render TERMS --out DIR`

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::console::report;
use crate::diagnostics::{Diagnostic, display_path};
use crate::filing::Mode;
use crate::pipeline::Formats;
use crate::{html, merge, output, pipeline, tieout};

/// A form the documents of the set are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Markdown, `<document>.md`.
    Md,
    /// EDGAR HTML, `<document>.htm` (and the filing fee exhibit, XHTML only).
    Htm,
    /// Word, `<document>.docx`, with styles, the stamp in its document properties.
    Docx,
}

fn formats(list: &[FormatArg]) -> Formats {
    Formats {
        markdown: list.contains(&FormatArg::Md),
        html: list.contains(&FormatArg::Htm),
        docx: list.contains(&FormatArg::Docx),
    }
}

/// Render the filing set of a terms file into a folder, as Markdown and EDGAR HTML (and Word,
/// with --format).
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  secdraft render data/ault-alliance-2023-12-13.yaml --out drafts\n  \
                        secdraft render - --out drafts < terms.yaml\n\n\
                        Exit status: 0 when the set was written (or, with --check, matches); 1 with --check \
                        when a file differs, or with --merge when a conflict is left; 2 when the terms, the \
                        templates or the output folder is at fault, and then nothing is written.")]
pub struct RenderArgs {
    /// The terms file (YAML), or `-` to read it from standard input; docs/terms.md describes
    /// every field.
    #[arg(value_name = "TERMS")]
    terms: PathBuf,

    #[command(flatten)]
    stdin: super::StdinArgs,

    /// The folder to write the drafts into; created if missing. Files are replaced only when
    /// the whole set rendered.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,

    /// A folder of templates that replace the built-in ones file by file (same names, e.g.
    /// press-release.md); files starting with `_` are partials for `{% include %}`.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,

    /// Write nothing: exit 1 listing each file of --out that differs from what the terms now
    /// produce (missing, changed, extra), 0 when none does.
    #[arg(long)]
    check: bool,

    /// The forms to write each document in, a comma-separated list of md, htm and docx, e.g.
    /// --format md,htm,docx; without it, the terms' `presentation.formats`, else md,htm. The
    /// filing fee exhibit is written with htm.
    #[arg(long, value_enum, value_name = "LIST", value_delimiter = ',')]
    format: Option<Vec<FormatArg>>,

    /// Also write the tie-out sheet of the figures, tie-out.md and tie-out.htm.
    #[arg(long)]
    tie_out: bool,

    /// Overwrite files in --out that were edited by hand since secdraft wrote them, or that
    /// secdraft did not write.
    #[arg(long)]
    force: bool,

    /// Keep hand edits: merge each Markdown draft edited by hand since secdraft wrote it with
    /// the new rendering, word by word, from the text secdraft last wrote (kept in
    /// DIR/.secdraft/base/). Where the edit and the terms changed the same words, the draft
    /// holds both between conflict markers (`<<<<<<< edited`, `=======`, `>>>>>>> terms`),
    /// each conflict is listed with its line, and the exit code is 1. The HTML of a merged
    /// draft is made from the merged Markdown; with conflicts, it is left as it was.
    #[arg(long, conflicts_with = "check")]
    merge: bool,

    /// `draft` (the default) leaves the signature lines blank; `filing` signs the Schedule TO
    /// with the conformed signature ("/s/ Name") of the signatory named in `signature`.
    #[arg(long, value_enum, default_value_t = super::ModeArg::Draft)]
    mode: super::ModeArg,

    #[command(flatten)]
    set: super::SetArgs,
}

pub fn run(args: &RenderArgs) -> Result<i32, Diagnostic> {
    let mode = Mode::from(args.mode);
    let formats = args.format.as_deref().map(formats);
    let loaded = args.stdin.load_terms(&args.terms, &args.set.set)?;
    let mut set = pipeline::render_loaded_in(loaded, args.templates.as_deref(), mode, formats)?;
    if args.tie_out && !set.files.iter().any(|f| f.name.ends_with(".md")) {
        // The tie-out sheet points at the lines of the Markdown drafts.
        return Err(Diagnostic::new("--tie-out needs the Markdown drafts: add md to --format"));
    }
    if args.tie_out {
        set.files.extend(tieout::files(&set, &display_path(&args.stdin.name_of(&args.terms)))?);
    }
    for warning in &set.warnings {
        crate::console::report("warning", warning);
    }
    if args.check {
        let differences = output::compare(&args.out, &set.files)?;
        if differences.is_empty() {
            super::emit(&format!("{} matches the terms\n", display_path(&args.out)));
            return Ok(0);
        }
        super::emit(&differences.iter().map(|d| format!("{d}\n")).collect::<String>());
        return Ok(1);
    }
    // Standard input is no file of --out that a write could replace.
    let mut inputs: Vec<&std::path::Path> =
        Some(args.terms.as_path()).filter(|p| !crate::input::is_stdin(p)).into_iter().collect();
    inputs.extend(args.templates.as_deref());
    let files = output::with_bases(set.files.clone());
    let mut outcome = Outcome::default();
    let mut merge = |drafts| outcome.revise(&set, files.clone(), drafts);
    let merging: Option<&mut dyn FnMut(Vec<output::EditedDraft>) -> output::Revision> =
        if args.merge { Some(&mut merge) } else { None };
    output::write_all_merging(&args.out, &files, args.force, &inputs, merging)?;
    let listing: String = set
        .files
        .iter()
        .filter(|file| !outcome.kept.contains(&file.name))
        .map(|file| format!("{}\n", display_path(&args.out.join(&file.name))))
        .collect();
    crate::console::emit_written(&listing);
    for name in &outcome.merged {
        report(
            "note",
            &format!("merged the edits to {} with the new rendering", display_path(&args.out.join(name))),
        );
    }
    for (name, why) in &outcome.kept_why {
        // The HTML no longer says what its Markdown says: a warning, which a quiet run prints.
        report("warning", &format!("left {} as it was: {why}", display_path(&args.out.join(name))));
    }
    for (name, line) in &outcome.conflicts {
        report(
            "conflict",
            &format!(
                "{}:{line}: the hand edit and the terms changed the same words",
                display_path(&args.out.join(name))
            ),
        );
    }
    if outcome.conflicts.is_empty() {
        return Ok(0);
    }
    report(
        "help",
        "resolve each conflict (keep the words wanted, delete the markers), then run `secdraft check` and render with --merge again",
    );
    Ok(1)
}

/// What `render --merge` did with the drafts edited by hand.
#[derive(Default)]
struct Outcome {
    /// The drafts merged.
    merged: Vec<String>,
    /// Each conflict: the draft, and the line of its opening marker as written.
    conflicts: Vec<(String, usize)>,
    /// Files of the set left out of the write, so left as they were in the folder.
    kept: Vec<String>,
    /// Why each of those was kept.
    kept_why: Vec<(String, String)>,
}

impl Outcome {
    /// Merges each edited draft with its new rendering; the HTML beside a draft merged without
    /// conflict is made from the merged Markdown, and one beside a draft with conflicts is left
    /// as it was (the markers are not text to publish).
    fn revise(
        &mut self,
        set: &pipeline::RenderedSet,
        mut files: Vec<output::OutputFile>,
        drafts: Vec<output::EditedDraft>,
    ) -> output::Revision {
        let mut merged_texts = Vec::new();
        for draft in drafts {
            let Some(generated) = files.iter().find(|f| f.name == draft.name) else { continue };
            let lossy = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
            let merged = merge::merge3(&lossy(&draft.base), &lossy(&draft.edited), &lossy(&generated.bytes));
            let written =
                output::OutputFile { name: draft.name.clone(), bytes: merged.text.clone().into_bytes() };
            for &offset in &merged.conflicts {
                self.conflicts.push((draft.name.clone(), output::written_line(&written, offset)));
            }
            let html_name = format!("{}.htm", draft.name.trim_end_matches(".md"));
            if files.iter().any(|f| f.name == html_name) {
                let html = match (merged.conflicts.is_empty(), set.html_title(&draft.name)) {
                    (false, _) => Err("the Markdown draft holds conflicts".to_owned()),
                    (true, None) => Err("secdraft makes it from the terms only".to_owned()),
                    (true, Some(title)) => {
                        html::to_edgar_html(&merged.text, &title).map_err(|e| e.to_string())
                    }
                };
                match html {
                    Ok(html) => {
                        if let Some(file) = files.iter_mut().find(|f| f.name == html_name) {
                            file.bytes = html.into_bytes();
                        }
                    }
                    Err(why) => {
                        files.retain(|f| f.name != html_name);
                        self.kept.push(html_name.clone());
                        self.kept_why.push((html_name, why));
                    }
                }
            }
            self.merged.push(draft.name.clone());
            merged_texts.push((draft.name, merged.text.into_bytes()));
        }
        output::Revision { files, merged: merged_texts }
    }
}
