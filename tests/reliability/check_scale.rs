//! `check` and `diff` at the size of real filings and on hostile text.
