//! Reliability under the conditions counsel meet, through the binary: the output folder and the
//! files read, `--set` on the YAML structure, values that must stay text, figures that must not
//! panic, and `check` and `diff` at the size of real filings.

mod check_scale;
mod output;
mod set;
mod values;
