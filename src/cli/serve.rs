//! `secdraft serve TERMS`: the live preview of a set in the browser.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::diagnostics::{Diagnostic, display_path};
use crate::serve::{self, Config, Preview};

/// Preview the set in the browser, rendered again at each save of the terms or the templates.
#[derive(Debug, Args)]
#[command(after_help = "Listens on 127.0.0.1 only. Pages: / (the documents), /doc/NAME.htm (each \
                        document as EDGAR HTML), /changes and /changes/NAME.md (blacklines against \
                        the set as it was when serve started, or --base). Terms that do not render \
                        show their error in every page until the next good save. Stop with Ctrl-C.\n\n\
                        Examples:\n  secdraft serve data/meridian-exchange-commenced.yaml --open\n  \
                        secdraft serve terms.yaml --port 0 --base terms-as-filed.yaml\n\n\
                        Exit status: 0 when stopped with Ctrl-C, 2 when the terms file is missing, \
                        --base does not render, or the port cannot be listened on.")]
pub struct ServeArgs {
    /// The terms file; its folder is watched, for editors that save by renaming.
    #[arg(value_name = "TERMS")]
    terms: PathBuf,

    /// A folder of templates overriding the built-in ones; watched too.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,

    /// The port on 127.0.0.1; 0 picks a free one.
    #[arg(long, value_name = "N", default_value_t = serve::DEFAULT_PORT)]
    port: u16,

    /// Open the preview in the default browser.
    #[arg(long)]
    open: bool,

    /// A terms file to show the changes against, in place of the set as it was at the start.
    #[arg(long, value_name = "OTHER_TERMS")]
    base: Option<PathBuf>,
}

pub fn run(args: &ServeArgs) -> Result<i32, Diagnostic> {
    let preview = Preview::start(Config {
        terms: args.terms.clone(),
        templates: args.templates.clone(),
        base: args.base.clone(),
        port: args.port,
    })?;
    let url = format!("http://{}/", preview.address());
    let stopper = preview.stopper();
    ctrlc::set_handler(move || stopper.stop())
        .map_err(|e| Diagnostic::new(format!("cannot handle Ctrl-C: {e}")))?;
    // Flushed at once: a script (or a test) reads the address from here to open the pages.
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "Serving {} at {url}", display_path(&args.terms)).and_then(|()| stdout.flush());
    drop(stdout);
    crate::console::report("note", "press Ctrl-C to stop");
    if args.open {
        serve::open_browser(&url);
    }
    preview.run();
    super::emit_error("secdraft serve: stopped\n");
    Ok(0)
}
