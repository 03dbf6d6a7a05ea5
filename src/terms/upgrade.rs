//! `secdraft upgrade`: a terms file written for an earlier secdraft, rewritten so that its drafts
//! keep their wording. Earlier versions stated some facts no field gave (the signatory, that
//! exhibits (b), (d), (g) and (h) are not applicable, that shares acquired are cancelled, the
//! website's investor relations section, the dealer manager's customary compensation, releases
//! silent on the safe harbor's reach); they are
//! now fields, and a file without them renders notes to draft. The upgrade writes each such
//! fact into the file as the earlier version assumed it, for counsel to confirm or change.
//!
//! A field inside a mapping the file has is added there, through the same structural edit as
//! `--set` (comments and layout kept); a top-level section the file lacks is appended at its
//! end. The result must load as terms, or nothing is written.

use super::{FilingRole, LoadedTerms, Override, Stage};
use crate::diagnostics::Diagnostic;

/// The line an upgraded file starts with, so that a second upgrade adds nothing counsel have
/// since removed.
pub const MARK: &str = "# secdraft upgrade: terms version 2";

/// One fact the upgrade wrote, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub field: String,
    pub value: String,
    pub because: &'static str,
}

/// The upgraded text of a loaded terms file, and what it added; `None` when the file is
/// already of this version.
pub fn upgrade(loaded: &LoadedTerms) -> Result<Option<(String, Vec<Added>)>, Diagnostic> {
    if loaded.source.starts_with(MARK) {
        return Ok(None);
    }
    let t = &loaded.terms;
    let map = loaded.map();
    let mut nested: Vec<Added> = Vec::new();
    let mut appended: Vec<(Added, String)> = Vec::new();

    let mut release: Vec<Added> = Vec::new();
    if let Some(website) = &t.issuer.website
        && t.press_release.investor_relations.is_none()
    {
        release.push(Added {
            field: "press_release.investor_relations".into(),
            value: website.0.clone(),
            because: "the releases pointed to the investor relations section of `issuer.website`",
        });
    }
    if !map.contains("press_release.safe_harbor_disclaimer") {
        release.push(Added {
            field: "press_release.safe_harbor_disclaimer".into(),
            value: "false".into(),
            because: "the releases did not say the safe harbor is unavailable to tender offer statements",
        });
    }
    if map.contains("press_release") {
        nested.extend(release);
    } else if !release.is_empty() {
        let lines: String = release
            .iter()
            .map(|a| {
                format!("  {}: {}\n", a.field.trim_start_matches("press_release."), yaml_scalar(&a.value))
            })
            .collect();
        let mut added = release.into_iter();
        let first = added.next().expect("not empty");
        appended.push((first, format!("press_release:\n{lines}")));
        appended.extend(added.map(|a| (a, String::new())));
    }
    let issuer_offer = t.filing_persons.iter().any(|p| p.roles.contains(&FilingRole::Issuer))
        || t.filing_persons.iter().any(|p| p.name == t.issuer.name);
    if issuer_offer
        && t.security.notes.is_none()
        && t.offer.acquired_shares.is_none()
        && map.contains("offer")
    {
        nested.push(Added {
            field: "offer.acquired_shares".into(),
            value: "cancelled".into(),
            because: "the Offer said the shares acquired will be cancelled and no longer outstanding",
        });
    }
    if let Some(dm) = &t.agents.dealer_manager
        && dm.compensation.is_none()
    {
        nested.push(Added {
            field: "agents.dealer_manager.compensation".into(),
            value: "reasonable and customary compensation for its services".into(),
            because: "the Offer said the dealer manager receives reasonable and customary compensation",
        });
    }
    if t.signature.is_none() {
        let (name, title) = (&t.notices.name.0, &t.notices.title.0);
        appended.push((
            Added {
                field: "signature".into(),
                value: format!("{name}, {title}"),
                because: "the Schedule TO was signed by the person named for notices",
            },
            format!("signature:\n  name: {}\n  title: {}\n", yaml_scalar(name), yaml_scalar(title)),
        ));
    }
    if t.exhibits.is_empty() && t.stage() != Stage::Intent {
        let block = ["(b)", "(d)", "(g)", "(h)"]
            .iter()
            .map(|letter| format!("  - {{number: \"{letter}\", not_applicable: true}}\n"))
            .collect::<String>();
        appended.push((
            Added {
                field: "exhibits".into(),
                value: "(b), (d), (g) and (h) not applicable".into(),
                because: "the exhibit index said exhibits (b), (d), (g) and (h) were not applicable",
            },
            format!("exhibits:\n{block}"),
        ));
    }

    let overrides: Vec<Override> =
        nested.iter().map(|a| Override { path: a.field.clone(), value: a.value.clone() }).collect();
    let mut text = if overrides.is_empty() {
        loaded.source.to_string()
    } else {
        super::apply_overrides(&loaded.file, &loaded.source, &overrides)?.text
    };
    // What is added ends its lines as the file does, so a file written on Windows stays CRLF.
    let eol = if loaded.source.contains("\r\n") { "\r\n" } else { "\n" };
    if !appended.is_empty() {
        if !text.ends_with('\n') {
            text.push_str(eol);
        }
        let mut added = String::from(
            "\n# Added by `secdraft upgrade`: what earlier versions assumed. Confirm or change.\n",
        );
        for (_, block) in &appended {
            added.push_str(block);
        }
        text.push_str(&added.replace('\n', eol));
    }
    text.insert_str(0, &format!("{MARK}{eol}"));
    // The upgraded file must load, or nothing is written.
    super::load_str(&loaded.file, text.clone()).map_err(|e| {
        Diagnostic::new(format!(
            "the upgraded terms do not load, so nothing was written: {}",
            e.render(false)
        ))
    })?;
    let mut added = nested;
    added.extend(appended.into_iter().map(|(a, _)| a));
    Ok(Some((text, added)))
}

/// A value as a YAML scalar on one line: plain where it reads back the same, else quoted.
fn yaml_scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && !value.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_whitespace())
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with([' ', ':']);
    if plain { value.to_owned() } else { format!("{value:?}") }
}

#[cfg(test)]
mod tests {
    use super::yaml_scalar;

    #[test]
    fn a_scalar_is_quoted_only_where_plain_would_read_otherwise() {
        assert_eq!(yaml_scalar("Dana R. Whitfield"), "Dana R. Whitfield");
        assert_eq!(
            yaml_scalar("Senior Vice President, General Counsel"),
            "Senior Vice President, General Counsel"
        );
        assert_eq!(yaml_scalar("#1: the best"), "\"#1: the best\"");
        assert_eq!(yaml_scalar("CEO: Finance"), "\"CEO: Finance\"");
    }
}
