//! `secdraft upgrade TERMS`

use std::path::PathBuf;

use clap::Args;

use crate::diagnostics::{Diagnostic, display_path};
use crate::terms::{self, upgrade};

/// Rewrite a terms file written for an earlier secdraft so its drafts keep their wording.
///
/// Earlier versions stated some facts that no field gave: who signs the Schedule TO (the person
/// named for notices), that exhibits (b), (d), (g) and (h) are not applicable, that shares
/// acquired are cancelled, the investor relations section of the company's website, the dealer
/// manager's customary compensation, releases silent on whether the safe harbor for
/// forward-looking statements reaches a tender offer. Without a field for each, the drafts now leave a note to
/// draft. The upgrade writes each fact into the file as earlier versions assumed it, keeping
/// the file's comments and layout, so that counsel can confirm or change it.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  secdraft upgrade terms.yaml\n  secdraft upgrade terms.yaml --check\n\n\
                        Exit status: 0 when the file was upgraded or needs nothing, 1 with --check when \
                        it would be changed, 2 when it cannot be read or the upgraded file would not load.")]
pub struct UpgradeArgs {
    /// The terms file (YAML) to rewrite in place.
    #[arg(value_name = "TERMS")]
    terms: PathBuf,

    /// Write nothing: exit 1 listing what the upgrade would add, 0 when it would add nothing.
    #[arg(long)]
    check: bool,
}

pub fn run(args: &UpgradeArgs) -> Result<i32, Diagnostic> {
    if crate::input::is_stdin(&args.terms) {
        return Err(Diagnostic::new(
            "upgrade rewrites the terms file where it is, so it does not read standard input (`-`)",
        )
        .help("name the terms file (a file named `-` is `./-`)"));
    }
    let loaded = terms::load(&args.terms)?;
    let name = display_path(&args.terms);
    let Some((text, added)) = upgrade::upgrade(&loaded)? else {
        super::emit(&format!("{name} is up to date\n"));
        return Ok(0);
    };
    let listing: String =
        added.iter().map(|a| format!("  {}: {} ({})\n", a.field, a.value, a.because)).collect();
    if args.check {
        super::emit(&format!("{name} would be upgraded:\n{listing}"));
        return Ok(1);
    }
    super::replace_file(&args.terms, &text)
        .map_err(|e| Diagnostic::new(format!("cannot write {name}: {e}; it is unchanged")))?;
    crate::console::emit_written(&format!("{name} upgraded:\n{listing}"));
    Ok(0)
}
