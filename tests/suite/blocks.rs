//! Counsel's standing text as block overrides: a file of blocks alone replaces those blocks of
//! a built-in template and keeps the rest; `secdraft templates list` names the blocks.

use std::fs;

use crate::common::{document, render, secdraft};

const EXCHANGE: &str = "data/meridian-exchange-commenced.yaml";

const RISKS: &str = "{# Our standing risk factors. #}\n{% block risk_factors %}\n## Risk Factors {{ \"risk-factors\" | anchor }}\n\nOur own risks: the Offer issues {{ figures.aggregate_liquidation_preference }} of new preferred stock.\n{% endblock risk_factors %}\n";

/// Renders the exchange example into `out` of a new folder, with `text` as the override of
/// `offer/exchange.md`.
fn render_with_exchange_override(text: &str) -> (tempfile::TempDir, assert_cmd::assert::Assert) {
    let dir = tempfile::tempdir().unwrap();
    let overrides = dir.path().join("overrides");
    fs::create_dir_all(overrides.join("offer")).unwrap();
    fs::write(overrides.join("offer/exchange.md"), text).unwrap();
    let out = dir.path().join("out");
    let assert =
        secdraft().args(["render", EXCHANGE, "--templates"]).arg(&overrides).arg("--out").arg(&out).assert();
    (dir, assert)
}

#[test]
fn a_file_of_blocks_replaces_those_blocks_and_keeps_the_rest_of_the_built_in_template() {
    let (dir, assert) = render_with_exchange_override(RISKS);
    assert.success();
    let out = dir.path().join("out");
    let ours = fs::read_to_string(out.join("offer-to-exchange.md")).unwrap();
    let built_in = document(&render(EXCHANGE), "offer-to-exchange.md");
    assert!(ours.contains("Our own risks: the Offer issues $15,000,000 of new preferred stock."), "{ours}");
    assert!(!ours.contains("Risks Relating to the Offer"), "the generated risk factors are replaced");
    // Everything from The Offer on is as built in.
    let from = |text: &str| text[text.find("### 1. Number of Shares").unwrap()..].to_owned();
    assert_eq!(from(&ours), from(&built_in));
}

#[test]
fn a_block_the_template_does_not_have_is_refused_naming_those_it_has() {
    let (dir, assert) =
        render_with_exchange_override("{% block risk_factorz %}x{% endblock risk_factorz %}\n");
    let out = dir.path().join("out");
    assert
        .code(2)
        .stderr(predicates::str::contains(
            "replaces the block `risk_factorz`, which the template offer/exchange.md does not have",
        ))
        .stderr(predicates::str::contains("risk_factors"));
    assert!(!out.exists());
}

#[test]
fn templates_list_names_each_template_s_blocks() {
    let out = secdraft().args(["templates", "list"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("offer/exchange.md\n"), "{text}");
    let exchange = &text[text.find("offer/exchange.md\n").unwrap()..];
    let blocks: Vec<&str> =
        exchange.lines().skip(1).take_while(|l| l.starts_with("  ")).map(str::trim).collect();
    assert!(blocks.contains(&"risk_factors") && blocks.contains(&"section_tax"), "{blocks:?}");
    let out = secdraft().args(["templates", "list", "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = json["templates"].as_array().unwrap();
    assert!(
        list.iter()
            .any(|t| t["template"] == "offer.md"
                && t["blocks"].as_array().unwrap().iter().any(|b| b == "cover"))
    );
}
