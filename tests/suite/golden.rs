//! The example terms must reproduce the seed filing (tests/fixtures): the press release
//! sentence by sentence and the cover page, after normalising whitespace and Markdown markup.

use crate::common::{EXAMPLE, document, render};

const SEED: &str = include_str!("../fixtures/ault-alliance-schedule-to-c-2023-12-13.txt");

/// Where the rendered release deliberately departs from the seed, each with its reason. Every
/// entry must still match the seed, so the list cannot hide a change it does not name.
const CORRECTIONS: &[(&str, &str, &str)] = &[(
    "Details regarding the offer and instructions",
    "Details regarding the Offer and instructions",
    "the defined term \"Offer\" is meant, so it keeps its capital, as everywhere else in the release",
)];

/// Sentences the rendered release adds to the seed, each with its reason.
const ADDITIONS: &[(&str, &str)] = &[(
    "Stockholders are urged to read the Tender Offer Statement on Schedule TO, including the Offer to Exchange and the related materials, when they become available, because they will contain important information about the Offer.",
    "Rule 14d-2(b)(2) requires a pre-commencement communication to advise holders to read the tender offer statement because it contains important information; the seed's release states only where the documents are free",
)];

fn rendered(name: &str) -> String {
    document(&render(EXAMPLE), name)
}

/// Drops Markdown markup and typographic variation, line by line: emphasis, escapes, hard
/// breaks, list bullets, headings, autolink brackets, checkbox glyphs, curly quotes, and runs
/// of white space. Lines that are only layout (rules, table rows, HTML tags) go.
fn normalised_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let layout = line == "-"
            || line == "---"
            || line.starts_with('|')
            || (line.starts_with("</") || line == "<center>");
        if line.is_empty() || layout {
            continue;
        }
        let line = line.trim_start_matches("- ").trim_start_matches("# ");
        let line = line.strip_suffix('\\').unwrap_or(line);
        let line = line
            .replace(['*', '\\', '\u{2610}', '\u{2612}'], "")
            .replace(['\u{201c}', '\u{201d}'], "\"")
            .replace(['\u{2018}', '\u{2019}'], "'")
            .replace("<http://www.sec.gov>", "http://www.sec.gov");
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            out.push(line);
        }
    }
    out
}

fn normalise(text: &str) -> String {
    normalised_lines(text).join(" ")
}

/// Every sentence of a document: each line is a block (headline, bullet, paragraph), and
/// each block is split into its sentences.
fn document_sentences(text: &str) -> Vec<String> {
    normalised_lines(text).iter().flat_map(|line| sentences(line)).collect()
}

/// Splits prose into sentences, keeping abbreviations (Inc., Esq., U.S., D.C.) inside them.
fn sentences(text: &str) -> Vec<String> {
    const ABBREVIATIONS: &[&str] = &["Inc.", "Esq.", "U.S.", "D.C.", "No."];
    let mut out = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
        let ends = (word.ends_with('.') || word.ends_with(".\"") || word.ends_with(':'))
            && !ABBREVIATIONS.iter().any(|a| word.trim_start_matches('(').ends_with(a));
        if ends {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn seed_release() -> String {
    let start = SEED.find("Ault Alliance Reiterates").expect("the seed's headline");
    let mut release = SEED[start..].to_owned();
    for (seed_text, ours, _why) in CORRECTIONS {
        assert!(release.contains(seed_text), "correction no longer matches the seed: {seed_text}");
        release = release.replace(seed_text, ours);
    }
    release
}

fn seed_cover() -> &'static str {
    let end =
        SEED.find("Rule 14d-1(d) (Cross-Border Third-Party Tender Offer)").expect("the seed's last box");
    let end = end + SEED[end..].find('\n').unwrap();
    &SEED[..end]
}

#[test]
fn press_release_matches_the_seed_sentence_by_sentence() {
    let mut ours = document_sentences(&rendered("press-release.md"));
    for (added, _why) in ADDITIONS {
        let added = added.replace(['\u{201c}', '\u{201d}'], "\"").replace('\u{2019}', "'");
        let at = ours.iter().position(|s| *s == added).expect("each documented addition is in the release");
        ours.remove(at);
        assert!(!ours.contains(&added), "an addition appears twice");
    }
    let seed = document_sentences(&seed_release());
    for (i, (a, b)) in ours.iter().zip(&seed).enumerate() {
        assert_eq!(a, b, "sentence {} differs", i + 1);
    }
    assert_eq!(ours.len(), seed.len(), "the release has a different number of sentences");
    assert!(seed.len() > 30, "the comparison must cover the whole release");
}

#[test]
fn press_release_prints_each_seed_figure() {
    let release = rendered("press-release.md");
    for figure in [
        "$0.25",
        "201%",
        "$0.083",
        "$0.0325",
        "39%",
        "approximately 240%",
        "60,000,000",
        "$15,000,000",
        "13.00%",
    ] {
        assert!(release.contains(figure), "the release does not print {figure}");
    }
}

#[test]
fn cover_page_matches_the_seed() {
    let md = rendered("schedule-to.md");
    let end = md.find("(Cross-Border Third-Party Tender Offer)").unwrap();
    let ours = normalise(&md[..end + "(Cross-Border Third-Party Tender Offer)".len()]);
    let seed = normalise(seed_cover());
    // The seed's text extraction upper-cased "14(d)" and "13e-3" and lost its box glyphs;
    // wording is compared without case, the boxes below.
    assert_eq!(ours.to_lowercase(), seed.to_lowercase());
}

#[test]
fn cover_page_checks_exactly_the_seed_boxes() {
    let md = rendered("schedule-to.md");
    let checked: Vec<&str> = md.lines().filter(|l| l.starts_with('\u{2612}')).collect();
    assert_eq!(checked.len(), 2, "{checked:?}");
    assert!(checked[0].contains("preliminary communications"));
    assert!(checked[1].contains("issuer tender offer subject to Rule 13e-4"));
    let unchecked = md.matches('\u{2610}').count();
    assert_eq!(unchecked, 6, "every other box of the form is shown unchecked");
}

#[test]
fn sentence_splitting_keeps_abbreviations() {
    assert_eq!(
        sentences("Ault Alliance, Inc. is a company. Washington, D.C. 20549 is here. Forms of the U.S. SEC."),
        ["Ault Alliance, Inc. is a company.", "Washington, D.C. 20549 is here.", "Forms of the U.S. SEC."]
    );
}
