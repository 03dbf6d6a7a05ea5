//! `secdraft schema [--out FILE]`

use std::path::PathBuf;

use clap::Args;

use crate::diagnostics::{Diagnostic, display_path};
use crate::terms::schema;

/// Print the JSON Schema of the terms file, for an editor's YAML language server.
///
/// The schema is generated from the terms secdraft reads, each field described from
/// docs/terms.md: with it, VS Code (the YAML extension), IntelliJ and Neovim (yaml-language-server)
/// complete field names and values and mark unknown fields, wrong values and missing required
/// fields as you type. Point a terms file at it with a first line
/// `# yaml-language-server: $schema=../schema/terms.schema.json` (the path from the file to the
/// schema), or map it to your terms files in the editor's `yaml.schemas` setting. The schema
/// checks the form of each value; `secdraft check` checks the terms themselves.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  secdraft schema\n  secdraft schema --out schema/terms.schema.json\n\n\
                        Exit status: 0 on success, 2 when the file cannot be written.")]
pub struct SchemaArgs {
    /// Write the schema to this file (replaced whole) instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(args: &SchemaArgs) -> Result<i32, Diagnostic> {
    let text = schema::schema_json();
    match &args.out {
        None => super::emit(&text),
        Some(path) => super::replace_file(path, &text).map_err(|e| {
            Diagnostic::new(format!("cannot write {}: {e}; it is unchanged", display_path(path)))
        })?,
    }
    Ok(0)
}
