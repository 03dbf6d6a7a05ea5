//! The filing fee exhibit: the fee, the rate by fiscal year, amendments with fees previously
//! paid, and the Inline XBRL exhibit whose every tagged fact is the value it prints.

use std::path::Path;

use predicates::prelude::*;
use secdraft::pipeline;

use crate::common::{EXAMPLE, document as file, examples, render, secdraft};

#[test]
fn the_fee_command() {
    let out = secdraft()
        .args(["fee", "--value", "25000000", "--date", "2025-11-03", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["fee"], "3452.50");
    assert_eq!(json["rate_per_million"], "138.10");
    assert_eq!(json["fiscal_year"], 2026);
    // The fiscal year turns on October 1.
    let on = |date: &str| {
        let out = secdraft()
            .args(["fee", "--value", "1000000", "--date", date, "--format", "json"])
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    assert_eq!(on("2025-09-30")["rate_per_million"], "153.10");
    assert_eq!(on("2025-10-01")["rate_per_million"], "138.10");
    secdraft()
        .args(["fee", "--value", "1000000", "--date", "2026-10-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("add the FY2027 rate to data/fee-rates.yaml"));
    secdraft()
        .args(["fee", "--value", "1000000", "--date", "2026-10-01", "--rate", "140.00"])
        .assert()
        .success();
    secdraft().args(["fee", "--value", "-5", "--date", "2025-10-01"]).assert().code(2);
}

#[test]
fn the_fee_command_names_the_source_of_the_rate_back_to_fy2012() {
    let quote = |args: &[&str]| {
        let out =
            secdraft().args(["fee", "--value", "1000000", "--format", "json"]).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let fy2012 = quote(&["--date", "2011-10-03"]);
    assert_eq!(fy2012["fiscal_year"], 2012);
    assert_eq!(fy2012["rate_per_million"], "114.60");
    assert!(fy2012["source"].as_str().unwrap().contains("Release Nos. 33-9255"), "{fy2012}");
    assert!(fy2012.get("unverified").is_none(), "{fy2012}");
    let fy2016 = quote(&["--date", "2016-09-30"]);
    assert_eq!(fy2016["rate_per_million"], "100.70");
    assert!(fy2016["unverified"].as_str().is_some_and(|u| !u.is_empty()), "{fy2016}");
    let given = quote(&["--date", "2016-09-30", "--rate", "100.00"]);
    assert!(given["source"].is_null(), "{given}");
    secdraft()
        .args(["fee", "--value", "1000000", "--date", "2018-10-01"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(fiscal year 2019)\n  rate: Order Making Fiscal Year 2019"));
    secdraft()
        .args(["fee", "--value", "1000000", "--date", "2011-09-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("before FY2012"));
}

#[test]
fn commenced_sets_carry_the_exhibit_and_the_index_lists_it() {
    for path in ["data/meridian-exchange-commenced.yaml", "data/northwind-dutch-auction-commenced.yaml"] {
        let set = render(path);
        assert!(set.files.iter().any(|f| f.name == "filing-fees.htm"), "{path}");
        let schedule = file(&set, "schedule-to.htm");
        assert!(schedule.contains("<a href=\"filing-fees.htm\">Filing Fee Table</a>"), "{path}");
    }
    assert!(!render(EXAMPLE).files.iter().any(|f| f.name == "filing-fees.htm"));
}

/// The facts of an Inline XBRL exhibit: (concept, context, printed text).
fn facts(xhtml: &str) -> Vec<(String, String, String)> {
    let doc = roxmltree::Document::parse(xhtml).expect("the exhibit is well-formed XML");
    doc.descendants()
        .filter(|n| n.tag_name().namespace() == Some("http://www.xbrl.org/2013/inlineXBRL"))
        .filter(|n| matches!(n.tag_name().name(), "nonFraction" | "nonNumeric"))
        .map(|n| {
            (
                n.attribute("name").unwrap().to_owned(),
                n.attribute("contextRef").unwrap().to_owned(),
                n.text().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_tagged_fact_is_the_figure_it_prints() {
    // Every example but the pre-commencement communications, which file no fee.
    for terms in examples() {
        let set = render(&terms);
        if set.filing.stage == secdraft::terms::Stage::Intent {
            continue;
        }
        let path = terms.display();
        let xhtml = file(&set, "filing-fees.htm");
        assert!(xhtml.is_ascii(), "{path}");
        let doc = roxmltree::Document::parse(&xhtml).unwrap();
        let contexts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "context")
            .filter_map(|n| n.attribute("id"))
            .collect();
        let units: Vec<&str> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "unit")
            .filter_map(|n| n.attribute("id"))
            .collect();
        assert!(units.contains(&"USD") && units.contains(&"pure"));
        let facts = facts(&xhtml);
        for (concept, context, _) in &facts {
            assert!(
                contexts.contains(&context.as_str()),
                "{path}: {concept} names an unknown context {context}"
            );
        }
        let tagged = |concept: &str, context: &str| -> String {
            facts
                .iter()
                .find(|(c, x, _)| c == concept && x == context)
                .unwrap_or_else(|| panic!("{path}: no {concept}"))
                .2
                .clone()
        };
        let figure = |name: &str| set.filing.figures.get(name).unwrap().display();
        let plain = |shown: String| shown.trim_start_matches('$').to_owned();
        assert_eq!(tagged("ffd:TxValtn", "l1"), plain(figure("transaction_valuation")));
        assert_eq!(tagged("ffd:TtlTxValtn", "c"), plain(figure("transaction_valuation")));
        assert_eq!(tagged("ffd:FeeRate", "l1"), figure("fee_rate"));
        assert_eq!(tagged("ffd:FeeAmt", "l1"), plain(figure("filing_fee")));
        assert_eq!(tagged("ffd:TtlFeeAmt", "c"), plain(figure("filing_fee")));
        assert_eq!(tagged("ffd:TtlPrevslyPdAmt", "c"), plain(figure("fees_previously_paid")));
        assert_eq!(tagged("ffd:TtlOffsetAmt", "c"), plain(figure("fee_offsets")));
        assert_eq!(tagged("ffd:NetFeeAmt", "c"), plain(figure("net_fee_due")));
        assert_eq!(tagged("ffd:FeeExhibitTp", "c"), "EX-FILING FEES");
        let form = set.filing.terms().filing.form.edgar_name();
        assert_eq!(tagged("ffd:SubmissnTp", "c"), form);
        // The printed amounts, in the visible table, are the tagged ones.
        let text = secdraft::check::plain_text(&xhtml, secdraft::check::Format::Html);
        assert!(text.contains(&figure("net_fee_due")));
    }
}

#[test]
fn fees_by_offer_and_stage() {
    let commenced = render("data/meridian-exchange-commenced.yaml");
    // Average of $0.089 and $0.081, times 60,000,000 shares, at FY2024's $147.60.
    assert_eq!(commenced.filing.figures.get("transaction_valuation").unwrap().display(), "$5,100,000.00");
    assert_eq!(commenced.filing.figures.get("fee_rate").unwrap().display(), "0.0001476");
    assert_eq!(commenced.filing.figures.get("filing_fee").unwrap().display(), "$752.76");
    assert_eq!(commenced.filing.figures.get("net_fee_due").unwrap().display(), "$752.76");
    // The amendment paid with the original filing the fee on the same valuation.
    let amended = render("data/meridian-exchange-amended.yaml");
    assert_eq!(amended.filing.figures.get("fees_previously_paid").unwrap().display(), "$752.76");
    assert_eq!(amended.filing.figures.get("net_fee_due").unwrap().display(), "$0.00");
    // A Dutch auction is valued at the maximum price: 5,000,000 x $22.00 at FY2026's $138.10.
    let dutch = render("data/northwind-dutch-auction-commenced.yaml");
    assert_eq!(dutch.filing.figures.get("transaction_valuation").unwrap().display(), "$110,000,000.00");
    assert_eq!(dutch.filing.figures.get("filing_fee").unwrap().display(), "$15,191.00");
}

#[test]
fn an_amendment_that_raises_the_valuation_pays_the_difference() {
    let text = std::fs::read_to_string("data/meridian-exchange-amended.yaml").unwrap();
    let raised = text.replacen(
        "      aggregate_liquidation_preference: 18_750_000",
        "      aggregate_liquidation_preference: 18_750_000\n      max_shares: 75_000_000",
        1,
    );
    let loaded = secdraft::terms::load_str(Path::new("amended.yaml"), raised).unwrap();
    let set = pipeline::render_loaded(loaded, &secdraft::render::Templates::embedded().unwrap()).unwrap();
    // 75,000,000 x $0.085 = $6,375,000 at $147.60 = $940.95; $752.76 paid: $188.19 due.
    assert_eq!(set.filing.figures.get("filing_fee").unwrap().display(), "$940.95");
    assert_eq!(set.filing.figures.get("fees_previously_paid").unwrap().display(), "$752.76");
    assert_eq!(set.filing.figures.get("net_fee_due").unwrap().display(), "$188.19");
}

#[test]
fn an_old_price_date_is_a_warning() {
    let text = std::fs::read_to_string("data/meridian-exchange-commenced.yaml").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("terms.yaml");
    std::fs::write(
        &path,
        text.replacen("  market_value:\n    date: 2023-12-29", "  market_value:\n    date: 2023-12-15", 1),
    )
    .unwrap();
    secdraft()
        .arg("render")
        .arg(&path)
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: fee.market_value.date"))
        .stderr(predicate::str::contains("within 5 business days before filing"));
}

#[test]
fn an_exchange_offer_needs_a_market_value() {
    let text = std::fs::read_to_string("data/meridian-exchange-commenced.yaml").unwrap();
    let without = text.replacen(
        "fee:\n  market_value:\n    date: 2023-12-29\n    high: 0.089\n    low: 0.081\n",
        "",
        1,
    );
    let loaded = secdraft::terms::load_str(Path::new("t.yaml"), without).unwrap();
    let err = pipeline::render_loaded(loaded, &secdraft::render::Templates::embedded().unwrap()).unwrap_err();
    assert!(err.message.contains("give `fee.market_value`"), "{}", err.message);
}

/// The exhibit escapes what the terms say for XHTML, and lists the offsets claimed in Table 2.
#[test]
fn the_exhibit_escapes_the_terms_and_lists_the_offsets() {
    let text = std::fs::read_to_string("data/meridian-exchange-commenced.yaml").unwrap();
    let text = text
        .replacen(
            "  name: Meridian Ridge Holdings, Inc.",
            "  name: Meridian & Ridge <Holdings>, Inc.\n  cik: \"1234567\"",
            1,
        )
        .replacen(
            "    low: 0.081\n",
            "    low: 0.081\n  offsets:\n    - amount: 100.25\n      form: SC TO-C & <x>\n      file_number: 005-12345\n      filed: 2023-12-01\n",
            1,
        );
    let loaded = secdraft::terms::load_str(Path::new("offsets.yaml"), text).unwrap();
    let set = pipeline::render_loaded(loaded, &secdraft::render::Templates::embedded().unwrap()).unwrap();
    let exhibit = file(&set, "filing-fees.htm");
    assert!(exhibit.contains("<b>Meridian &amp; Ridge &lt;Holdings&gt;, Inc.</b>"), "{exhibit}");
    assert!(!exhibit.contains("Central Index Key of the filer: to draft"));
    let facts = facts(&exhibit);
    assert!(facts.contains(&("dei:EntityCentralIndexKey".into(), "c".into(), "0001234567".into())));
    assert!(facts.contains(&("ffd:TtlOffsetAmt".into(), "c".into(), "100.25".into())));
    assert!(exhibit.contains("<b>Table 2: Fee Offset Claims and Sources</b>"));
    assert!(exhibit.contains(">SC TO-C &amp; &lt;x&gt;</td>"));
    assert!(exhibit.contains(">December 1, 2023</td>"));
}
