//! `secdraft upgrade`: a terms file written for the earlier version, whose drafts stated facts
//! no field gave, is rewritten so its drafts keep that wording, its comments and layout kept.

use std::fs;

use crate::common::{edited, scratch_terms, secdraft};

const EXCHANGE: &str = "data/meridian-exchange-commenced.yaml";
const AUCTION: &str = "data/northwind-dutch-auction-commenced.yaml";

/// The commenced auction as the earlier version read it: no signatory, exhibits, investor
/// relations site, disposition of the shares or dealer manager's compensation.
fn earlier_auction() -> String {
    let text = fs::read_to_string(AUCTION).unwrap();
    let cut = text.find("\n# Who signs the Schedule TO").unwrap();
    text[..cut + 1].replacen("  investor_relations: www.northwind-industrial.example\n", "", 1).replacen(
        "    compensation: a fee of $350,000, payable when the Offer is completed\n",
        "",
        1,
    )
}

fn rendered(terms: &std::path::Path, out: &std::path::Path, name: &str) -> String {
    secdraft().args(["render", "--mode", "filing", "--out"]).arg(out).arg(terms).assert().success();
    fs::read_to_string(out.join(name)).unwrap()
}

#[test]
fn an_earlier_file_is_upgraded_to_say_what_its_drafts_said() {
    let earlier = earlier_auction();
    assert!(!earlier.contains("signature:") && !earlier.contains("exhibits:"));
    let (dir, terms) = scratch_terms(&earlier);
    let before = rendered(&terms, &dir.path().join("before"), "offer-to-purchase.md");
    assert!(before.contains("[be cancelled and retired, or held in treasury"));

    secdraft()
        .args(["upgrade", "--check"])
        .arg(&terms)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("would be upgraded:"))
        .stdout(predicates::str::contains(
            "  signature: Priya N. Castellanos, Senior Vice President, General Counsel and Secretary",
        ));
    assert_eq!(fs::read_to_string(&terms).unwrap(), earlier, "--check writes nothing");

    secdraft().arg("upgrade").arg(&terms).assert().success().stdout(predicates::str::contains("upgraded:"));
    let upgraded = fs::read_to_string(&terms).unwrap();
    assert!(upgraded.starts_with("# secdraft upgrade: terms version 2\n"), "{upgraded}");
    // Comments and layout stay; each fact is added where it belongs.
    for line in earlier.lines() {
        assert!(upgraded.contains(line), "lost: {line}");
    }
    for added in [
        "  acquired_shares: cancelled\n",
        "  investor_relations: www.northwind-industrial.example\n",
        "  safe_harbor_disclaimer: false\n",
        "    compensation: reasonable and customary compensation for its services\n",
        "signature:\n  name: Priya N. Castellanos\n  title: Senior Vice President, General Counsel and Secretary\n",
        "exhibits:\n  - {number: \"(b)\", not_applicable: true}\n",
    ] {
        assert!(upgraded.contains(added), "missing {added:?} in\n{upgraded}");
    }

    let out = dir.path().join("after");
    let offer = rendered(&terms, &out, "offer-to-purchase.md");
    assert!(offer.contains(
        "Shares accepted for purchase in the Offer will be cancelled and will no longer be outstanding."
    ));
    assert!(
        offer.contains(
            "The Dealer Manager will receive reasonable and customary compensation for its services."
        )
    );
    let release = fs::read_to_string(out.join("press-release.md")).unwrap();
    assert!(release.contains("under the Investor Relations section at www.northwind-industrial.example"));
    let schedule = fs::read_to_string(out.join("schedule-to.md")).unwrap();
    assert!(schedule.contains("By: /s/ Priya N. Castellanos\\\n"), "{schedule}");
    assert!(schedule.contains("| (g) | Not applicable. |"), "{schedule}");

    // A second upgrade adds nothing, even where counsel have since removed an added fact.
    let confirmed = upgraded.replacen("  acquired_shares: cancelled\n", "", 1);
    fs::write(&terms, &confirmed).unwrap();
    secdraft()
        .arg("upgrade")
        .arg(&terms)
        .assert()
        .success()
        .stdout(predicates::str::contains("is up to date"));
    assert_eq!(fs::read_to_string(&terms).unwrap(), confirmed);
}

#[test]
fn a_file_that_does_not_load_is_not_upgraded() {
    let broken = edited(EXCHANGE, "  max_shares: 60_000_000\n", "  max_shares: lots\n");
    let (_dir, terms) = scratch_terms(&broken);
    secdraft()
        .arg("upgrade")
        .arg(&terms)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("offer.max_shares"));
    assert_eq!(fs::read_to_string(&terms).unwrap(), broken, "nothing written");
}

#[test]
fn a_windows_file_stays_crlf_and_a_linked_file_is_rewritten_where_it_is() {
    let crlf = earlier_auction().replace('\n', "\r\n");
    let (dir, terms) = scratch_terms(&crlf);
    secdraft().arg("upgrade").arg(&terms).assert().success();
    let upgraded = fs::read_to_string(&terms).unwrap();
    assert!(upgraded.contains("signature:\r\n"), "{upgraded}");
    assert!(!upgraded.replace("\r\n", "").contains('\n'), "a bare line feed in a CRLF file");

    #[cfg(unix)]
    {
        let real = dir.path().join("real.yaml");
        fs::write(&real, earlier_auction()).unwrap();
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        secdraft().arg("upgrade").arg(&link).assert().success();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
        assert!(fs::read_to_string(&real).unwrap().starts_with("# secdraft upgrade: terms version 2\n"));
    }
}

/// `-` stands for standard input elsewhere; upgrade writes in place, so it says it cannot,
/// rather than that a file `-` does not exist.
#[test]
fn upgrade_of_standard_input_is_refused_as_such() {
    secdraft()
        .args(["upgrade", "-"])
        .write_stdin(fs::read(crate::common::EXAMPLE).unwrap())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("does not read standard input"));
}
