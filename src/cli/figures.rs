//! `secdraft figures TERMS`: the tie-out sheet.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::diagnostics::{Diagnostic, display_path};
use crate::{pipeline, tieout};

/// Print every computed figure with its formula, inputs and where each is printed.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  secdraft figures data/ault-alliance-2023-12-13.yaml\n  \
                        secdraft figures data/ault-alliance-2023-12-13.yaml --set offer.consideration.aggregate_liquidation_preference=30000000 --format json")]
pub struct FiguresArgs {
    /// The terms file.
    #[arg(value_name = "TERMS")]
    terms: PathBuf,

    #[arg(long, value_enum, default_value_t = Output::Text)]
    format: Output,

    /// A folder of templates overriding the built-in ones.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,

    #[command(flatten)]
    set: super::SetArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Output {
    Text,
    Json,
    Markdown,
}

pub fn run(args: &FiguresArgs) -> Result<i32, Diagnostic> {
    let set = pipeline::render_file_with(&args.terms, args.templates.as_deref(), &args.set.set)?;
    let sheet = tieout::build(&set);
    let out = match args.format {
        Output::Json => format!("{}\n", serde_json::to_string_pretty(&sheet).unwrap_or_default()),
        Output::Markdown => tieout::markdown(&sheet, &display_path(&args.terms)),
        Output::Text => {
            let mut out = String::new();
            for f in &sheet.figures {
                out.push_str(&format!("{}: {}  (exact {})\n", f.label, f.display, f.value));
                out.push_str(&format!("  = {}\n", f.formula));
                for i in &f.inputs {
                    match &i.at {
                        Some(at) => out.push_str(&format!("  <- {} = {}  [{at}]\n", i.path, i.value)),
                        None if i.from == "table" => {
                            out.push_str(&format!("  <- {} = {}\n", i.path, i.value))
                        }
                        None => {
                            out.push_str(&format!("  <- {} = {}\n", crate::figures::label(&i.path), i.value))
                        }
                    }
                }
                let places: Vec<String> =
                    f.printed_at.iter().map(|p| format!("{}:{}", p.document, p.line)).collect();
                out.push_str(&format!(
                    "  printed at: {}\n\n",
                    if places.is_empty() { "nowhere".to_owned() } else { places.join(", ") }
                ));
            }
            for c in &sheet.constants {
                out.push_str(&format!("Constant of the rules {}: {}\n", c.text, c.rule));
            }
            if sheet.untraced.is_empty() {
                out.push_str("Every number printed is a figure or a value of the terms.\n");
            } else {
                out.push_str("Untraced numbers (neither a figure nor a value of the terms):\n");
                for p in &sheet.untraced {
                    out.push_str(&format!(
                        "  {}:{}: {}\n",
                        p.document,
                        p.line,
                        p.text.as_deref().unwrap_or("")
                    ));
                }
            }
            out
        }
    };
    super::emit(&out);
    Ok(0)
}
