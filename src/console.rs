//! Text for the person at the terminal: a command's output on standard output, notes and
//! warnings on standard error. A closed pipe (`secdraft ... | head`) is not an error worth a
//! message, nor a panic: the reader has what it wanted.

use std::io::Write;

/// Writes a command's output to standard output.
pub fn emit(text: &str) {
    write_unless_closed(std::io::stdout().lock(), text);
}

/// Writes a note, a warning or an error to standard error.
pub fn emit_error(text: &str) {
    write_unless_closed(std::io::stderr().lock(), text);
}

fn write_unless_closed(mut stream: impl Write, text: &str) {
    let _ = stream.write_all(text.as_bytes()).and_then(|()| stream.flush());
}
