//! `secdraft schema`: the JSON Schema of the terms kept in schema/terms.schema.json, which the
//! examples in data/ name on their first line for the editors' YAML language server.

use std::fs;
use std::path::{Path, PathBuf};

use secdraft::terms::LoadError;
use secdraft::terms::schema::{SCHEMA_FILE, undescribed};
use serde_json::Value;

use crate::common::{EXAMPLE, edited, examples, secdraft};

/// The line each example opens with: the schema, from data/.
const SCHEMA_LINE: &str = "# yaml-language-server: $schema=../schema/terms.schema.json";

fn printed_schema() -> String {
    let out = secdraft().arg("schema").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&fs::read_to_string(SCHEMA_FILE).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// A terms text as the YAML language server sees it: parsed YAML as JSON.
fn as_json(text: &str) -> Value {
    serde_saphyr::from_str(text).unwrap()
}

/// The schema's complaints about a terms text, one a line.
fn complaints(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let instance = as_json(text);
    validator.iter_errors(&instance).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

#[test]
fn the_committed_schema_is_the_one_secdraft_prints() {
    let printed = printed_schema();
    let committed = fs::read_to_string(SCHEMA_FILE).unwrap();
    assert!(
        committed == printed,
        "{SCHEMA_FILE} is stale: run `cargo run -- schema --out {SCHEMA_FILE}` and commit it"
    );
    assert!(printed.ends_with("}\n") && !printed.ends_with("\n\n"), "one final newline");
    assert_eq!(printed, printed_schema(), "the same schema each time");
    let schema: Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
}

#[test]
fn schema_out_writes_the_file_and_a_file_it_cannot_write_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("terms.schema.json");
    fs::write(&out, "stale").unwrap();
    secdraft().args(["schema", "--out"]).arg(&out).assert().code(0).stdout("");
    assert_eq!(fs::read_to_string(&out).unwrap(), printed_schema());
    let missing = dir.path().join("no-such-folder").join("terms.schema.json");
    let refused = secdraft().args(["schema", "--out"]).arg(&missing).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("cannot write") && stderr.contains("terms.schema.json"), "{stderr}");
}

#[test]
fn every_example_names_the_schema_on_its_first_line_and_validates_against_it() {
    let validator = validator();
    let files = examples();
    assert!(files.len() > 20, "the examples in data/");
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().next(), Some(SCHEMA_LINE), "{}", path.display());
        let found = complaints(&validator, &text);
        assert!(found.is_empty(), "{}:\n{}", path.display(), found.join("\n"));
    }
    // The line's path leads from data/ to the schema.
    let named = SCHEMA_LINE.split("$schema=").nth(1).unwrap();
    assert!(Path::new("data").join(named).is_file());
}

#[test]
fn an_unknown_field_a_value_not_listed_or_a_missing_field_fails_validation() {
    let validator = validator();
    let cases = [
        (edited(EXAMPLE, "\n  ticker: AULT\n", "\n  ticker: AULT\n  tickr: AULT\n"), "tickr"),
        (edited(EXAMPLE, "form: SC TO-C", "form: SC TO-X"), "SC TO-X"),
        (edited(EXAMPLE, "issuer_tender_offer", "issuer_tender_ofer"), "issuer_tender_ofer"),
        (edited(EXAMPLE, "13.00%", "13.00"), "\"dividend_rate\":13.0"),
        (edited(EXAMPLE, "date: 2023-12-13", "date: 12/13/2023"), "12/13/2023"),
        (edited(EXAMPLE, "filing:\n  form: SC TO-C\n", "filing:\n"), "form"),
    ];
    for (text, named) in cases {
        let found = complaints(&validator, &text);
        assert!(found.iter().any(|c| c.contains(named)), "expected a complaint naming {named}: {found:?}");
    }
}

/// The loader's verdict on a value of one field: whether it reads as the field's type (a
/// value of the right form may still break a rule of the terms, which the schema does not
/// check).
fn reads(text: &str) -> bool {
    !matches!(secdraft::terms::load_str(Path::new("terms.yaml"), text.to_owned()), Err(LoadError::Yaml(_)))
}

#[test]
fn the_schema_accepts_the_forms_of_number_date_percent_and_text_the_loader_reads_and_no_other() {
    let validator = validator();
    let cases: &[(&str, &[&str])] = &[
        (
            "max_shares: 60_000_000",
            &[
                "60000000",
                "60_000_000",
                "\"60000000\"",
                "'60_000_000'",
                "60000000.0",
                "0",
                "-5",
                "1.5",
                "\"1.5\"",
                "\"1e6\"",
                "\"$1,000\"",
                "\"\"",
                "true",
                "[1]",
            ],
        ),
        (
            "price: 0.083",
            &[
                "0.083",
                "\"0.083\"",
                "1_000.50",
                "\"+2\"",
                "0",
                "\"0.000\"",
                "-1",
                "\"1e-3\"",
                "\"$1\"",
                "abc",
            ],
        ),
        ("dividend_rate: 13.00%", &["13.00%", "\"7%\"", "13.00", "13", "\"13.00 %\"", "\"x%\""]),
        (
            "date: 2023-12-13",
            &["2023-12-13", "\"2023-12-13\"", "12/13/2023", "2023-1-13", "20231213", "\"\""],
        ),
        (
            "phone: 1-888-753-2235",
            &["1-888-753-2235", "1234567", "10.1", "true", "\"\"", "\" \"", "~", "[a]", "{a: b}"],
        ),
        ("cusip: 09175M408", &["09175M408", "\"09175M408\"", "0917", "\"09175M40!\"", "1234567890"]),
        ("premium: 0", &["0", "4", "5", "-1", "1.5", "\"2\"", "two"]),
    ];
    // The seed with a fiscal year end, which it does not give; a count and an amount from the
    // examples that give them. (An unquoted `1e3` is a YAML number like 1000 to a language
    // server, and no schema can tell the two apart: the loader refuses it, and the schema's
    // descriptions say to write numbers out in full. So with `1.0` for a whole number of days,
    // which the loader refuses: to a schema it is the integer 1.)
    let seed = fs::read_to_string(EXAMPLE).unwrap().replacen(
        "  ticker: AULT\n",
        "  ticker: AULT\n  fiscal_year_end: 12-31\n",
        1,
    );
    let results = fs::read_to_string("data/meridian-exchange-results.yaml").unwrap();
    let financials = fs::read_to_string("data/meridian-exchange-commenced.yaml").unwrap();
    let others: &[(&str, &str, &[&str])] = &[
        (&seed, "fiscal_year_end: 12-31", &["12-31", "\"06-30\"", "02-29", "13-01", "1231", "12/31"]),
        (
            &results,
            "odd_lots: 150_000",
            &["150000", "0", "\"0\"", "1.0", "1.5", "-1", "18446744073709551616"],
        ),
        (&financials, "guaranteed_delivery_days: 2", &["2", "\"1\"", "'2'", "+1", "-1", "x", "\"1.0\"", "~"]),
        (&financials, "values: [182_400,", &["[-3_210,", "[0.42,", "[\"-7\",", "[~,", "[\"$5\","]),
    ];
    let cases =
        cases.iter().map(|(line, values)| (seed.as_str(), *line, *values)).chain(others.iter().copied());
    for (terms, line, values) in cases {
        assert!(terms.contains(line), "{line} stands in the terms");
        let (key, _) = line.split_once(": ").unwrap();
        for value in values {
            let text = terms.replacen(line, &format!("{key}: {value}"), 1);
            let loader = reads(&text);
            let schema = complaints(&validator, &text).is_empty();
            assert_eq!(
                schema,
                loader,
                "{key}: {value}: the loader {} it",
                if loader { "reads" } else { "refuses" }
            );
        }
    }
}

#[test]
fn every_property_of_the_schema_is_described() {
    let schema: Value = serde_json::from_str(&printed_schema()).unwrap();
    let missing = undescribed(&schema);
    assert!(missing.is_empty(), "properties without a description:\n{}", missing.join("\n"));
    // From docs/terms.md: the meaning, type and example of its row.
    let max_shares = &schema["definitions"]["Offer"]["properties"]["max_shares"]["description"];
    let text = max_shares.as_str().unwrap();
    assert!(text.starts_with("maximum number of shares sought."), "{text}");
    assert!(text.contains("Example: `60_000_000`."), "{text}");
}

#[test]
fn the_schema_file_is_where_the_docs_say() {
    let docs = fs::read_to_string("docs/terms.md").unwrap();
    assert!(docs.contains(SCHEMA_LINE), "docs/terms.md shows the line");
    assert!(PathBuf::from(SCHEMA_FILE).is_file());
}

/// A skeleton `secdraft init` writes is a terms file an editor with the schema accepts as it
/// stands, notes to draft and all.
#[test]
fn every_init_skeleton_validates_against_the_schema() {
    let validator = validator();
    let kinds: [&[&str]; 5] = [
        &["--kind", "exchange", "--stage", "commencement"],
        &["--kind", "cash", "--stage", "intent"],
        &["--kind", "cash", "--stage", "commencement", "--third-party"],
        &["--kind", "dutch-auction", "--stage", "commencement"],
        &["--kind", "dutch-auction", "--stage", "intent"],
    ];
    for args in kinds {
        let out = secdraft().arg("init").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        let complaints = complaints(&validator, &text);
        assert!(complaints.is_empty(), "init {args:?}: {complaints:?}");
    }
}
