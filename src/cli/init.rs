//! `secdraft init --kind KIND [--stage STAGE] [--third-party] [FILE]`

use std::path::PathBuf;

use clap::{Args, CommandFactory, ValueEnum};

use crate::diagnostics::{Diagnostic, display_path};
use crate::output;

/// The parts of every skeleton (skeletons/common.yaml), with the offer of each kind at its
/// `#@ offer` line.
const COMMON: &str = include_str!("../../skeletons/common.yaml");

/// Write a commented terms skeleton that renders at once as a draft.
///
/// Every field the offer needs, and the optional ones counsel usually set, each with a comment
/// naming what it is and its section of docs/terms.md. What counsel must supply is a bracketed
/// note ("[Company's legal name: to draft]"), printed as written in the draft, so that `check
/// --mode filing` reports it until it is replaced; a number or date the figures need is an
/// illustrative value marked "illustrative: replace", which the draft prints as if it were a
/// term, and which `check --mode filing` reports while the marker is there. Without FILE the
/// skeleton is printed; FILE is never replaced.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  secdraft init --kind exchange terms.yaml\n  \
                        secdraft init --kind dutch-auction --stage commencement terms.yaml\n  \
                        secdraft init --kind cash --third-party > terms.yaml\n\n\
                        Exit status: 0 when the skeleton is written, 2 when FILE exists or cannot be \
                        written, or the options ask for an offer that is not drafted.")]
pub struct InitArgs {
    /// The offer: an exchange offer, cash at a fixed price, or a modified Dutch auction.
    #[arg(long, value_enum)]
    kind: Kind,

    /// The filing: the announcement before commencement (SC TO-C) or the commencement (SC TO-I,
    /// SC TO-T).
    #[arg(long, value_enum, default_value_t = Stage::Intent)]
    stage: Stage,

    /// A third party's offer for another company's shares (a bidder), rather than the issuer's
    /// own; drafted for `--kind cash` only.
    #[arg(long)]
    third_party: bool,

    /// The terms file to create; it must not exist. Without it, or with `-`, the skeleton is
    /// printed.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Kind {
    Exchange,
    Cash,
    DutchAuction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Stage {
    Intent,
    Commencement,
}

impl Kind {
    /// The lines of `offer` that make the kind, at the `#@ offer` line of [`COMMON`].
    fn offer(self) -> &'static str {
        match self {
            Kind::Exchange => include_str!("../../skeletons/exchange.yaml"),
            Kind::Cash => include_str!("../../skeletons/cash.yaml"),
            Kind::DutchAuction => include_str!("../../skeletons/dutch-auction.yaml"),
        }
    }
}

/// The name of a value as the command line spells it: the tag of its blocks in a skeleton.
fn tag(value: impl ValueEnum) -> String {
    value.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default()
}

pub fn run(args: &InitArgs) -> Result<i32, Diagnostic> {
    if args.third_party && args.kind != Kind::Cash {
        // A third party's exchange offer is registered and offered by prospectus, and a third
        // party's Dutch auction is not drafted: the loader refuses both.
        let mut command = super::Cli::command();
        command.build();
        let message = format!(
            "--third-party is drafted only with --kind cash: a third party's {} is not drafted",
            if args.kind == Kind::Exchange { "exchange offer" } else { "modified Dutch auction" }
        );
        let error = match command.find_subcommand_mut("init") {
            Some(init) => init.error(clap::error::ErrorKind::ArgumentConflict, message),
            None => command.error(clap::error::ErrorKind::ArgumentConflict, message),
        };
        let _ = error.print();
        return Ok(super::EXIT_INPUT);
    }
    let party = if args.third_party { "third-party" } else { "issuer" };
    let tags = [tag(args.kind), tag(args.stage), party.to_string()];
    let mut text = String::new();
    assemble(COMMON, &tags, args.kind.offer(), &mut text)
        .map_err(|e| Diagnostic::new(format!("the built-in skeleton is malformed: {e}")))?;
    let Some(file) = args.file.as_ref().filter(|f| !crate::input::is_stdin(f)) else {
        super::emit(&text);
        return Ok(0);
    };
    let name = display_path(file);
    output::write_new(file, text.as_bytes()).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Diagnostic::new(format!("{name} already exists: secdraft init never replaces a file"))
                .help("name a new file, or print the skeleton without FILE")
        } else {
            Diagnostic::new(format!("cannot write {name}: {e}"))
        }
    })?;
    crate::console::emit_written(&format!(
        "wrote {name}: complete each bracketed note and each value marked \"illustrative: replace\"\n"
    ));
    Ok(0)
}

/// Appends to `out` the lines of `text` in force for `tags`. A line `#@ TAG` opens a block
/// kept only when TAG is one of `tags`, `#@ end` closes it; blocks nest. `#@ offer` stands for
/// the lines of `offer`, read the same way.
fn assemble(text: &str, tags: &[String], offer: &str, out: &mut String) -> Result<(), String> {
    let mut open: Vec<bool> = Vec::new();
    for line in text.split_inclusive('\n') {
        let kept = open.iter().all(|&on| on);
        let Some(directive) = line.strip_prefix("#@ ") else {
            if kept {
                out.push_str(line);
            }
            continue;
        };
        match directive.trim_end() {
            "end" => {
                open.pop().ok_or("an `#@ end` closes no block")?;
            }
            "offer" if offer.is_empty() => return Err("`#@ offer` within the offer".to_string()),
            "offer" if kept => assemble(offer, tags, "", out)?,
            "offer" => {}
            name if KNOWN_TAGS.contains(&name) => open.push(tags.iter().any(|t| t == name)),
            other => return Err(format!("unknown block `#@ {other}`")),
        }
    }
    if open.is_empty() { Ok(()) } else { Err("a block is not closed by `#@ end`".to_string()) }
}

/// The tags a skeleton's blocks may have: the kinds, the stages, and whose offer it is.
const KNOWN_TAGS: [&str; 7] =
    ["exchange", "cash", "dutch-auction", "intent", "commencement", "issuer", "third-party"];
