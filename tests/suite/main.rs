//! Every test of secdraft through its binary and its library, in one test binary so the crate
//! and the helpers in `common` are built and linked once. Each module is one concern; run one
//! with `cargo test --test suite cli::` (or `reliability::`, `snapshots::`, ...).

mod amendments;
mod bad_inputs;
mod blocks;
mod calendar;
mod cash_and_stock;
mod check;
mod ci;
mod cli;
mod common;
mod common_stock;
mod conventions;
mod diff;
mod disclosure;
mod docx;
mod exhibits;
mod fees;
mod figures;
mod golden;
mod income;
mod init;
mod layout;
mod lifecycle;
mod merge;
mod notes;
mod notes_later;
mod optional;
mod outcomes;
mod package;
mod practice;
mod presentation;
mod preview;
mod ratios;
mod reliability;
mod schema;
mod serve;
mod several_classes;
mod several_classes_later;
mod several_classes_offer;
mod snapshots;
mod sourced;
mod third_party;
mod transmittal;
mod upgrade;
mod webdriver;
