//! `secdraft templates list`

use clap::{Args, Subcommand};

use crate::diagnostics::Diagnostic;
use crate::render;

/// The built-in templates, and the blocks an override file can replace.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  secdraft templates list\n  secdraft templates list --format json\n\n\
                        A file in --templates DIR with the path of a built-in template replaces it whole; \
                        one that holds only blocks ({% block risk_factors %}...{% endblock risk_factors %}) \
                        replaces those blocks and keeps the rest. docs/templates.md has an example.\n\n\
                        Exit status: 0 on success, 2 on bad usage.")]
pub struct TemplatesArgs {
    #[command(subcommand)]
    command: TemplatesCommand,
}

#[derive(Debug, Subcommand)]
enum TemplatesCommand {
    /// Print each built-in template that has blocks, with the blocks it can have replaced.
    List {
        #[arg(long, value_enum, default_value_t = super::TextOrJson::Text)]
        format: super::TextOrJson,
    },
}

pub fn run(args: &TemplatesArgs) -> Result<i32, Diagnostic> {
    let TemplatesCommand::List { format } = &args.command;
    let templates = render::template_blocks();
    let out = match format {
        super::TextOrJson::Text => {
            templates.iter().map(|(name, blocks)| format!("{name}\n  {}\n", blocks.join("\n  "))).collect()
        }
        super::TextOrJson::Json => {
            let list: Vec<serde_json::Value> = templates
                .iter()
                .map(|(name, blocks)| serde_json::json!({"template": name, "blocks": blocks}))
                .collect();
            format!("{}\n", serde_json::json!({ "templates": list }))
        }
    };
    super::emit(&out);
    Ok(0)
}
