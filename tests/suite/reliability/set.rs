//! `--set` changes exactly one value of the YAML structure, or refuses and says why.
//!
//! Each accepted case renders the example with `--set` and, apart, the example with that one
//! value edited by hand: the drafts must be the same byte for byte (and differ from the drafts
//! without the change, so the value is one the drafts print).

use std::fs;
use std::path::Path;

use predicates::prelude::*;

use crate::common::{EXAMPLE, listing, secdraft};

const AMENDED: &str = "data/meridian-exchange-amended.yaml";

/// `text` with `from`, which must stand there exactly once, replaced by `to`.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "`{from}` must stand once in the terms");
    text.replacen(from, to, 1)
}

fn example(from: &str, to: &str) -> String {
    edit(&fs::read_to_string(EXAMPLE).unwrap(), from, to)
}

/// The drafts rendered from `terms` with `sets`, file name -> content.
fn render(dir: &Path, name: &str, terms: &str, sets: &[&str]) -> Vec<(String, Vec<u8>)> {
    let file = dir.join(format!("{name}.yaml"));
    fs::write(&file, terms).unwrap();
    let out = dir.join(format!("{name}-out"));
    let mut cmd = secdraft();
    cmd.arg("render").arg(&file).arg("--out").arg(&out);
    for set in sets {
        cmd.args(["--set", set]);
    }
    cmd.assert().success();
    listing(&out)
}

/// `terms` with `sets` renders exactly as `expected`, written by hand, and not as `terms` alone.
fn renders_like(terms: &str, sets: &[&str], expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let set = render(dir.path(), "set", terms, sets);
    assert!(
        set == render(dir.path(), "expected", expected, &[]),
        "--set {sets:?} changed more than the value"
    );
    assert!(set != render(dir.path(), "unset", terms, &[]), "the drafts do not print the value set");
}

fn refused(terms: &str, sets: &[&str]) -> assert_cmd::assert::Assert {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("terms.yaml");
    fs::write(&file, terms).unwrap();
    let out = dir.path().join("out");
    let mut cmd = secdraft();
    cmd.arg("render").arg(&file).arg("--out").arg(&out);
    for set in sets {
        cmd.args(["--set", set]);
    }
    let assert = cmd.assert().code(2);
    assert!(!out.exists(), "nothing is written when --set is refused");
    assert
}

#[test]
fn a_plain_value_folded_over_two_lines_is_replaced_whole() {
    let folded = "  description: a diversified\n    holding company\n";
    let terms = example("  description: a diversified holding company\n", folded);
    let expected = example("description: a diversified holding company", "description: a holding company");
    renders_like(&terms, &["issuer.description=a holding company"], &expected);
}

#[test]
fn a_double_quoted_value_over_two_lines_is_replaced_whole() {
    let terms =
        example("issuer:\n  name: Ault Alliance, Inc.", "issuer:\n  name: \"Ault Alliance,\n    Inc.\"");
    let expected = example("issuer:\n  name: Ault Alliance, Inc.", "issuer:\n  name: Ault Group, Inc.");
    renders_like(&terms, &["issuer.name=Ault Group, Inc."], &expected);
}

#[test]
fn a_value_on_the_line_after_its_key_is_replaced_where_it_stands() {
    let terms = example("  max_shares: 60_000_000\n", "  max_shares:\n    60_000_000\n");
    let expected = example("max_shares: 60_000_000", "max_shares: 30000000");
    renders_like(&terms, &["offer.max_shares=30000000"], &expected);
}

#[test]
fn a_value_in_a_flow_mapping_is_replaced_alone() {
    let block = "  closing_price:\n    price: 0.083\n    date: 2023-12-12\n    market: NYSE American\n";
    let terms = example(block, "  closing_price: {price: 0.083, date: 2023-12-12, market: NYSE American}\n");
    let expected = example("    price: 0.083\n", "    price: 0.1\n");
    renders_like(&terms, &["security.closing_price.price=0.1"], &expected);
}

#[test]
fn an_item_of_a_flow_list_after_non_ascii_text_is_replaced_alone() {
    let block = "    - \"11411 Southern Highlands Pkwy #240\"\n    - Las Vegas, NV 89141\n";
    let flow =
        "  address: [\"Tour Générale – 11411 Southern Highlands Pkwy #240\", \"Las Vegas, NV 89141\"]\n";
    let terms = example(
        &format!("  address:\n{block}  phone: (949) 444-5464\n\n"),
        &format!("{flow}  phone: (949) 444-5464\n\n"),
    );
    let expected = edit(&terms, "\"Las Vegas, NV 89141\"]", "\"Reno, NV 89501\"]");
    renders_like(&terms, &["notices.address[1]=Reno, NV 89501"], &expected);
}

#[test]
fn an_optional_field_absent_from_a_list_item_is_added_to_that_item() {
    let terms = fs::read_to_string(AMENDED).unwrap();
    let changes = "The Company also extended the withdrawal deadline.";
    let shares = "    shares_tendered_to_date: 41_250_000\n";
    let expected = edit(&terms, shares, &format!("{shares}    other_changes: {changes}\n"));
    renders_like(&terms, &[&format!("amendments[0].other_changes={changes}")], &expected);
}

#[test]
fn an_anchored_value_used_again_is_refused_and_one_use_of_it_is_replaced() {
    let issuer_phone = "  phone: (949) 444-5464\n  website";
    let notices_phone = "  phone: (949) 444-5464\n\ncounsel";
    let terms = example(issuer_phone, "  phone: &phone (949) 444-5464\n  website");
    let terms = edit(&terms, notices_phone, "  phone: *phone\n\ncounsel");
    refused(&terms, &["issuer.phone=(702) 555-0100"]).stderr(predicate::str::contains(
        "--set issuer.phone=(702) 555-0100: `issuer.phone` is anchored as &phone and used again at line 49; \
         change it in the file",
    ));
    let expected = edit(&terms, "  phone: *phone\n", "  phone: (702) 555-0100\n");
    renders_like(&terms, &["notices.phone=(702) 555-0100"], &expected);
}

#[test]
fn an_anchored_value_not_used_again_is_replaced_and_keeps_its_anchor() {
    let terms = example("  phone: (949) 444-5464\n\ncounsel", "  phone: &phone (949) 444-5464\n\ncounsel");
    let expected = edit(&terms, "&phone (949) 444-5464", "&phone (702) 555-0100");
    renders_like(&terms, &["notices.phone=(702) 555-0100"], &expected);
}

#[test]
fn cr_only_and_crlf_files_take_sets_on_their_own_line_endings() {
    let lf = fs::read_to_string(EXAMPLE).unwrap();
    let about_start = lf.find("  about: >-\n").unwrap();
    let about_end = about_start + lf[about_start..].find("  subsidiaries:").unwrap();
    let expected = format!(
        "{}  about: Ault Alliance, Inc. is a holding company.\n{}",
        &lf[..about_start],
        &lf[about_end..]
    );
    let expected = edit(&expected, "max_shares: 60_000_000", "max_shares: 30000000");
    let sets = ["issuer.about=Ault Alliance, Inc. is a holding company.", "offer.max_shares=30000000"];
    for ending in ["\r", "\r\n"] {
        renders_like(&lf.replace('\n', ending), &sets, &expected.replace('\n', ending));
    }
}

#[test]
fn a_comment_after_the_value_stays_and_errors_point_at_the_new_value() {
    let terms = example("  max_shares: 60_000_000\n", "  max_shares: 60_000_000  # shares sought\n");
    let expected = edit(&terms, "60_000_000  #", "30000000  #");
    renders_like(&terms, &["offer.max_shares=30000000"], &expected);
    refused(&terms, &["offer.max_shares=abc"])
        .stderr(predicate::str::contains("terms.yaml:68:15"))
        .stderr(predicate::str::contains("68 |   max_shares: abc  # shares sought"))
        .stderr(predicate::str::contains("this line comes from `--set offer.max_shares=abc`"));
}

#[test]
fn errors_point_at_the_changed_text_after_an_earlier_set_took_lines_out() {
    // `about` is twelve lines in the file; once one, `max_shares` stands eleven lines higher.
    refused(&fs::read_to_string(EXAMPLE).unwrap(), &["issuer.about=Short.", "offer.max_shares=abc"])
        .stderr(predicate::str::contains("terms.yaml:57:15"))
        .stderr(predicate::str::contains("57 |   max_shares: abc"))
        .stderr(predicate::str::contains("this line comes from `--set offer.max_shares=abc`"));
}

#[test]
fn a_value_with_yaml_syntax_is_taken_as_text() {
    let value = "a company: #1, [best] {really}";
    let expected =
        example("description: a diversified holding company", &format!("description: \"{value}\""));
    renders_like(&fs::read_to_string(EXAMPLE).unwrap(), &[&format!("issuer.description={value}")], &expected);
}

#[test]
fn the_last_set_of_a_path_wins() {
    let expected = example("max_shares: 60_000_000", "max_shares: 30000000");
    renders_like(
        &fs::read_to_string(EXAMPLE).unwrap(),
        &["offer.max_shares=1", "offer.max_shares=30000000"],
        &expected,
    );
}

#[test]
fn list_items_are_replaced_but_not_added() {
    refused(&fs::read_to_string(EXAMPLE).unwrap(), &["counsel[1].name=Jane Doe"]).stderr(predicate::str::contains(
        "--set counsel[1].name=Jane Doe: `counsel` has 1 item; list items can be replaced but not added with --set",
    ));
}
