//! Terms text for the targets that need terms which load often enough to reach the figures,
//! the tie-out and the checks: either the fuzzed bytes as they are, or an example with fuzzed
//! values in place of its own. Values keep their line breaks (as YAML `\n` escapes), since
//! a line break in a value is what turns it into Markdown structure.

use std::path::Path;
use std::sync::LazyLock;

use secdraft::pipeline::RenderedSet;
use secdraft::render::Templates;

static TEMPLATES: LazyLock<Templates> =
    LazyLock::new(|| Templates::embedded().expect("the built-in templates parse"));

/// The terms of `data` (see [`terms_text`]) loaded and rendered in memory with the built-in
/// templates; `None` where they are refused, after rendering the refusal's report as the
/// command line would.
pub fn rendered(data: &[u8]) -> Option<RenderedSet> {
    let text = terms_text(data)?;
    let rendered = secdraft::terms::load_str(Path::new("fuzz.yaml"), text)
        .map_err(secdraft::Diagnostic::from)
        .and_then(|loaded| secdraft::pipeline::render_loaded(loaded, &TEMPLATES));
    match rendered {
        Ok(set) => Some(set),
        Err(refusal) => {
            let _ = refusal.render(false);
            None
        }
    }
}

/// Every example of `data/`: their values are the seeds' starting points.
pub const EXAMPLES: [&str; 6] = [
    include_str!("../../data/ault-alliance-2023-12-13.yaml"),
    include_str!("../../data/meridian-exchange-commenced.yaml"),
    include_str!("../../data/meridian-exchange-amended.yaml"),
    include_str!("../../data/meridian-exchange-results.yaml"),
    include_str!("../../data/northwind-dutch-auction-commenced.yaml"),
    include_str!("../../data/northwind-dutch-auction-results.yaml"),
];

/// The first byte chooses: 255 takes the rest as the terms file itself; any other picks an
/// example whose `key: value` lines take, in turn, the `|`-separated pieces of the rest.
pub fn terms_text(data: &[u8]) -> Option<String> {
    let (&pick, rest) = data.split_first()?;
    let fuzzed = String::from_utf8_lossy(rest);
    if pick == u8::MAX {
        return Some(fuzzed.into_owned());
    }
    let example = EXAMPLES[usize::from(pick) % EXAMPLES.len()];
    let mut pieces = fuzzed.split('|');
    let mut text = String::new();
    for line in example.lines() {
        match (line.split_once(": "), line.trim_start().starts_with('#')) {
            (Some((key, value)), false) if !value.is_empty() && !value.starts_with(['>', '[', '|']) => {
                match pieces.next() {
                    Some(piece) => {
                        let quoted = piece
                            .replace('\\', "\\\\")
                            .replace('"', "\\\"")
                            .replace('\n', "\\n")
                            .replace('\r', "\\r")
                            .replace('\t', "\\t");
                        text.push_str(&format!("{key}: \"{quoted}\"\n"));
                    }
                    None => {
                        text.push_str(line);
                        text.push('\n');
                    }
                }
            }
            _ => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    Some(text)
}
