//! `secdraft diff OLD [NEW] --out DIR`: blacklines and the changelog.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::diagnostics::{Diagnostic, display_path};
use crate::diff::{self, Side};
use crate::text::Format;
use crate::{input, output, pipeline};

/// Compare two renderings: blacklines per document and a changelog of terms and figures.
#[derive(Debug, Args)]
#[command(after_help = "OLD and NEW are two terms files, two folders of rendered drafts, or two documents. \
                        With --set and no NEW, NEW is OLD with the changes applied.\n\n\
                        Examples:\n  secdraft diff data/ault-alliance-2023-12-13.yaml --set offer.consideration.aggregate_liquidation_preference=30000000 --out blacklines\n  \
                        secdraft diff drafts-v1 drafts-v2 --out blacklines --exit-code")]
pub struct DiffArgs {
    #[arg(value_name = "OLD")]
    old: PathBuf,

    #[arg(value_name = "NEW")]
    new: Option<PathBuf>,

    /// The folder for the blacklines (DOCUMENT-blackline.htm) and changes.md.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,

    /// Exit 1 when anything differs, as `git diff --exit-code`.
    #[arg(long)]
    exit_code: bool,

    /// Overwrite files in --out edited by hand since secdraft wrote them.
    #[arg(long)]
    force: bool,

    /// A folder of templates overriding the built-in ones (for terms files).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,

    /// Changes applied to NEW (or to OLD, to make NEW, when NEW is not given).
    #[command(flatten)]
    set: super::SetArgs,
}

fn is_terms(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

fn terms_side(
    path: &Path,
    templates: Option<&Path>,
    overrides: &[crate::terms::Override],
) -> Result<Side, Diagnostic> {
    let set = pipeline::render_file_with(path, templates, overrides)?;
    let documents = set
        .files
        .iter()
        .filter(|f| f.name.ends_with(".md"))
        .map(|f| (f.name.clone(), (Format::Markdown, String::from_utf8_lossy(&f.bytes).into_owned())))
        .collect();
    let mut label = display_path(path);
    for o in overrides {
        label.push_str(&format!(" with --set {o}"));
    }
    Ok(Side { label, documents, set: Some(set) })
}

fn read(path: &Path, budget: &mut input::DocumentBudget) -> Result<(Format, String), Diagnostic> {
    let format = Format::of(&path.to_string_lossy()).ok_or_else(|| {
        Diagnostic::new(format!(
            "{} is not a document secdraft compares (.md, .htm, .html, .txt)",
            display_path(path)
        ))
    })?;
    let bytes = input::read_document(path, budget)?;
    Ok((format, String::from_utf8_lossy(&bytes).into_owned()))
}

/// A folder's documents by name; of a Markdown and an HTML file with one stem, the Markdown.
fn folder_side(dir: &Path, budget: &mut input::DocumentBudget) -> Result<Side, Diagnostic> {
    let read = input::read_folder(
        dir,
        |name| !name.ends_with("-blackline.htm") && Format::of(name).is_some(),
        budget,
    )?;
    // Documents pair by name, and their blacklines are named after them: two names that
    // are not UTF-8 could read alike and one of the two documents would be passed over.
    if let Some((path, _)) = read.iter().find(|(path, _)| path.file_name().and_then(|n| n.to_str()).is_none())
    {
        return Err(Diagnostic::new(format!(
            "cannot compare {}: its name is not valid UTF-8, so it cannot be paired by name or named in a blackline",
            display_path(path)
        ))
        .help("rename it, or compare it on its own: `secdraft diff OLD_FILE NEW_FILE --out DIR`"));
    }
    let name_of =
        |path: &Path| path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let names: std::collections::BTreeSet<String> = read.iter().map(|(path, _)| name_of(path)).collect();
    let mut documents = BTreeMap::new();
    for (path, bytes) in read {
        let name = name_of(&path);
        let Some(format) = Format::of(&name) else { continue };
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
        if format == Format::Html && names.contains(&format!("{stem}.md")) {
            continue;
        }
        documents.insert(name, (format, String::from_utf8_lossy(&bytes).into_owned()));
    }
    Ok(Side { label: display_path(dir), documents, set: None })
}

pub fn run(args: &DiffArgs) -> Result<i32, Diagnostic> {
    let templates = args.templates.as_deref();
    let overrides = &args.set.set;
    // One budget for both sides: they are held in memory together.
    let mut budget = input::DocumentBudget::default();
    let (old, new) = match &args.new {
        None if is_terms(&args.old) => {
            if overrides.is_empty() {
                return Err(Diagnostic::new("give NEW, or --set changes to compare OLD with"));
            }
            (terms_side(&args.old, templates, &[])?, terms_side(&args.old, templates, overrides)?)
        }
        None => return Err(Diagnostic::new("give NEW: two terms files, two folders or two documents")),
        Some(new) if is_terms(&args.old) && is_terms(new) => {
            (terms_side(&args.old, templates, &[])?, terms_side(new, templates, overrides)?)
        }
        Some(_) if !overrides.is_empty() => {
            return Err(Diagnostic::new(
                "--set changes terms files; OLD and NEW here are not both terms files",
            ));
        }
        Some(new) if args.old.is_dir() && new.is_dir() => {
            (folder_side(&args.old, &mut budget)?, folder_side(new, &mut budget)?)
        }
        // Anything else that is not a folder is read as a document, and refused if it is not
        // one (a FIFO, a device), with what it is.
        Some(new) if !args.old.is_dir() && !new.is_dir() && !is_terms(&args.old) && !is_terms(new) => {
            let name = new.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let old_side = Side {
                label: display_path(&args.old),
                documents: BTreeMap::from([(name.clone(), read(&args.old, &mut budget)?)]),
                set: None,
            };
            let new_side = Side {
                label: display_path(new),
                documents: BTreeMap::from([(name, read(new, &mut budget)?)]),
                set: None,
            };
            (old_side, new_side)
        }
        Some(new) => {
            return Err(Diagnostic::new(format!(
                "compare like with like: {} and {} are not two terms files, two folders or two documents",
                display_path(&args.old),
                display_path(new)
            )));
        }
    };
    let comparison = diff::compare(&old, &new);
    let mut inputs = vec![args.old.as_path()];
    inputs.extend(args.new.as_deref());
    inputs.extend(templates);
    output::write_all_sparing(&args.out, &comparison.files, args.force, &inputs)?;
    let mut out = String::new();
    for (name, changes) in &comparison.summary {
        match changes {
            Some(n) => out.push_str(&format!("{name}: {n} change{}\n", if *n == 1 { "" } else { "s" })),
            None => out.push_str(&format!("{name}: on one side only\n")),
        }
    }
    out.push_str(&format!("wrote {} files to {}\n", comparison.files.len(), display_path(&args.out)));
    super::emit(&out);
    Ok(if args.exit_code && comparison.changed { 1 } else { 0 })
}
