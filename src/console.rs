//! Text for the person at the terminal: a command's output on standard output, notes and
//! warnings on standard error. A closed pipe (`secdraft ... | head`) is not an error worth a
//! message, nor a panic: the reader has what it wanted.
//!
//! Two settings of the whole run live here, set once by the command line before a command
//! runs: whether to colour (`--color`, `NO_COLOR`) and whether to be quiet (`--quiet`).

use std::io::{IsTerminal, Write};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use anstyle::{AnsiColor, Style};

/// When to colour what secdraft prints: `--color auto|always|never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Colour {
    /// On a terminal, unless the environment sets `NO_COLOR` (to anything but nothing).
    #[default]
    Auto,
    /// Always, even into a file or a pipe, and whatever `NO_COLOR` says.
    Always,
    /// Never.
    Never,
}

static COLOUR: OnceLock<Colour> = OnceLock::new();
static QUIET: AtomicBool = AtomicBool::new(false);
/// The first failure to write a command's output, other than a closed pipe (a full disk).
static OUTPUT_FAILED: OnceLock<String> = OnceLock::new();

/// Sets the run's colour choice; the first call wins (the command line makes it).
pub fn set_colour(choice: Colour) {
    let _ = COLOUR.set(choice);
}

/// Sets whether the run prints what it wrote and its notes (`--quiet` says not).
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Whether text for `stream` is coloured: by the `--color` choice, and for `auto` whether the
/// stream is a terminal and `NO_COLOR` is unset or empty (https://no-color.org).
fn colours(stream_is_terminal: bool) -> bool {
    match COLOUR.get().copied().unwrap_or_default() {
        Colour::Always => true,
        Colour::Never => false,
        Colour::Auto => stream_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// Whether what goes to standard error is coloured.
pub fn stderr_colours() -> bool {
    colours(std::io::stderr().is_terminal())
}

/// Whether what goes to standard output is coloured.
pub fn stdout_colours() -> bool {
    colours(std::io::stdout().is_terminal())
}

/// The styles of the words that open a line of a report: `error`, `warning`, `note`, `help`.
pub fn style_of(word: &str) -> Style {
    let colour = match word {
        "error" | "conflict" => AnsiColor::BrightRed,
        "warning" => AnsiColor::BrightYellow,
        "note" => AnsiColor::BrightGreen,
        _ => AnsiColor::BrightCyan,
    };
    Style::new().bold().fg_color(Some(colour.into()))
}

/// `text` in `style` when `colour` is set, plain otherwise.
pub fn paint(text: &str, style: Style, colour: bool) -> String {
    if colour { format!("{style}{text}{style:#}") } else { text.to_owned() }
}

/// Writes a command's output to standard output. A failure other than a closed pipe (a full
/// disk under `> report.sarif`) is kept for [`output_failure`], so that the run does not end
/// with success on a report cut short.
pub fn emit(text: &str) {
    if let Err(err) = write_unless_closed(std::io::stdout().lock(), text) {
        let _ = OUTPUT_FAILED.set(format!("cannot write to standard output: {err}"));
    }
}

/// Why a command's output could not be written, if it could not.
pub fn output_failure() -> Option<&'static str> {
    OUTPUT_FAILED.get().map(String::as_str)
}

/// Writes the list of what a command wrote to standard output, unless the run is quiet. The
/// files are written whether or not the list can be: a failure to print it is not the run's.
pub fn emit_written(text: &str) {
    if !QUIET.load(Ordering::Relaxed) {
        let _ = write_unless_closed(std::io::stdout().lock(), text);
    }
}

/// Writes a note, a warning or an error to standard error.
pub fn emit_error(text: &str) {
    let _ = write_unless_closed(std::io::stderr().lock(), text);
}

/// Writes `word: message` (a line or more, ending in a newline) to standard error, the word
/// coloured when standard error takes colour. Notes are left out of a quiet run; warnings,
/// conflicts and errors never are.
pub fn report(word: &str, message: &str) {
    if word == "note" && QUIET.load(Ordering::Relaxed) {
        return;
    }
    let word_shown = paint(&format!("{word}:"), style_of(word), stderr_colours());
    emit_error(&format!("{word_shown} {message}\n"));
}

/// Writes `text`; a closed pipe is no error (the reader has what it wanted), any other failure is.
fn write_unless_closed(mut stream: impl Write, text: &str) -> std::io::Result<()> {
    match stream.write_all(text.as_bytes()).and_then(|()| stream.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paint_wraps_in_escape_codes_only_when_asked() {
        let style = style_of("error");
        assert_eq!(paint("error:", style, false), "error:");
        let painted = paint("error:", style, true);
        assert!(painted.starts_with("\u{1b}[") && painted.ends_with("\u{1b}[0m"), "{painted:?}");
        assert!(painted.contains("error:"));
    }
}
