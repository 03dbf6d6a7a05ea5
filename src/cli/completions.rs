//! `secdraft completions SHELL` and `secdraft man`: generated from the command line's own
//! definition, so they never drift from what the parser accepts.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::diagnostics::Diagnostic;

/// Print a completion script for a shell, to load from its startup file.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  secdraft completions bash > ~/.local/share/bash-completion/completions/secdraft\n  \
                        secdraft completions zsh > ~/.zfunc/_secdraft\n  \
                        secdraft completions fish > ~/.config/fish/completions/secdraft.fish\n\n\
                        Exit status: 0."
)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    #[arg(value_enum, value_name = "SHELL")]
    shell: Shell,
}

pub fn run(args: &CompletionsArgs) -> Result<i32, Diagnostic> {
    let mut command = super::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "secdraft", &mut out);
    super::emit(&String::from_utf8_lossy(&out));
    Ok(0)
}

/// Print the manual page (roff), for `man -l -` or a man directory.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  secdraft man > secdraft.1 && man -l secdraft.1\n\nExit status: 0.")]
pub struct ManArgs {}

pub fn man(_: &ManArgs) -> Result<i32, Diagnostic> {
    let command = super::Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut out)
        .map_err(|e| Diagnostic::new(format!("cannot write the manual page: {e}")))?;
    super::emit(&String::from_utf8_lossy(&out));
    Ok(0)
}
