//! The rules that read one document's text.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::{Finding, Indexed, Rule, rule};
use crate::text::TextView;

pub fn document(doc: &Indexed, v: &TextView, out: &mut Vec<Finding>) {
    placeholders(doc, v, out);
    words_and_figures(doc, v, out);
    weekdays(doc, v, out);
    defined_terms(doc, v, out);
    sole_discretion(doc, v, out);
    item_1004(doc, v, out);
    articles_before_numbers(doc, v, out);
    merge_conflicts(doc, out);
}

/// The markers `render --merge` writes around a conflict, each on its own line: the opening
/// and closing ones wherever they stand, the separator only inside a conflict (alone, a line
/// of `=` underlines a Markdown heading).
fn merge_conflicts(doc: &Indexed, out: &mut Vec<Finding>) {
    use crate::merge::{MARKER_EDITED, MARKER_SEPARATOR, MARKER_TERMS};
    let mut open = false;
    let mut offset = 0;
    for line in doc.source.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        let what = if text == MARKER_EDITED {
            open = true;
            Some("opens a conflict: the words as edited by hand follow")
        } else if open && text == MARKER_SEPARATOR {
            Some("separates the words as edited by hand from those the terms now give")
        } else if text == MARKER_TERMS {
            open = false;
            Some("closes a conflict")
        } else {
            None
        };
        if let Some(what) = what {
            out.push(doc.finding(
                &rule::MERGE_CONFLICT,
                offset,
                text.len(),
                format!("a merge conflict marker {what}"),
            ));
        }
        offset += line.len();
    }
}

/// Patterns use ASCII word boundaries, `(?-u:\b)`: with a Unicode `\b` the regex engine
/// leaves its fast DFA on any text holding a curly quote, and `check` took twice as long.
pub(super) fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a valid built-in pattern")
}

/// `text[start..end]`, widened to character boundaries: never a panic on any input.
fn window(text: &str, start: usize, end: usize) -> &str {
    let mut s = start.min(text.len());
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = end.clamp(s, text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    &text[s..e]
}

/// A finding about `text[start..end]` of the view.
fn at(
    doc: &Indexed,
    v: &TextView,
    rule: &'static Rule,
    start: usize,
    end: usize,
    message: String,
) -> Finding {
    let from = v.source_offset(start);
    let last = v.source_offset(end.saturating_sub(1));
    let last_len = window(&doc.source, last, last + 1).len().max(1);
    doc.finding(rule, from, (last + last_len).saturating_sub(from).max(1), message)
}

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\[\s*(?:\*|●|•|_+|\.{3}|…)\s*\]|(?-u:\b)TBD(?-u:\b)|(?-u:\b)X{2,}(?-u:\b)|\[[^\[\]\n]{3,}\]")
});

fn placeholders(doc: &Indexed, v: &TextView, out: &mut Vec<Finding>) {
    for m in PLACEHOLDER.find_iter(&v.text) {
        let s = m.as_str();
        let inner = s.trim_start_matches('[').trim_end_matches(']').trim();
        let token = !s.starts_with('[')
            || matches!(inner, "*" | "●" | "•" | "..." | "…")
            || (!inner.is_empty() && inner.chars().all(|c| c == '_'));
        // A bracketed note has words; "[a]" or "[1]" is a reference, not a note.
        if !token && !inner.contains(' ') {
            continue;
        }
        let message = if token {
            format!("the placeholder `{s}` is left in the text")
        } else {
            let shown: String = s.chars().take(80).collect();
            format!("a bracketed note to draft is left in the text: {shown}")
        };
        out.push(at(doc, v, &rule::PLACEHOLDER, m.start(), m.end(), message));
    }
}

static WORDS_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)((?:(?-u:\b)(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|hundred|thousand|million|billion|trillion|and)(?:[ \-]+(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|and)(?:-[a-z]+)?)*)(\s+dollars)?\s+\((\$?)([\d,]+(?:\.\d+)?)\)",
    )
});

fn words_and_figures(doc: &Indexed, v: &TextView, out: &mut Vec<Finding>) {
    for c in WORDS_FIGURE.captures_iter(&v.text) {
        let (Some(all), Some(words), Some(digits)) = (c.get(0), c.get(1), c.get(4)) else { continue };
        let list: Vec<&str> = words.as_str().split_whitespace().filter(|w| !w.is_empty()).collect();
        // The words may start mid-phrase ("the one hundred"): take the longest tail that parses.
        let value = (0..list.len()).find_map(|i| {
            let tail = &list[i..];
            (tail.first() != Some(&"and")).then(|| crate::format::parse_number_words(tail)).flatten()
        });
        let Some(in_words) = value else { continue };
        let text = digits.as_str().replace(',', "");
        let Ok(figure) = text.split('.').next().unwrap_or("").parse::<u64>() else { continue };
        if in_words != figure {
            out.push(at(
                doc,
                v,
                &rule::WORDS_FIGURES,
                all.start(),
                all.end(),
                format!("the words say {in_words} but the figure says {}", digits.as_str()),
            ));
        }
    }
}

static DATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s+(\d{4})",
    )
});

fn weekdays(doc: &Indexed, v: &TextView, out: &mut Vec<Finding>) {
    for c in DATED.captures_iter(&v.text) {
        let (Some(all), Some(day)) = (c.get(0), c.get(1)) else { continue };
        let text = format!("{} {} {}", &c[2], &c[3], &c[4]);
        let Ok(date) = NaiveDate::parse_from_str(&text, "%B %d %Y") else {
            out.push(at(
                doc,
                v,
                &rule::WEEKDAY,
                all.start(),
                all.end(),
                format!("{} {}, {} is not a date", &c[2], &c[3], &c[4]),
            ));
            continue;
        };
        let actual = date.format("%A").to_string();
        if actual != day.as_str() {
            out.push(at(
                doc,
                v,
                &rule::WEEKDAY,
                day.start(),
                all.end(),
                format!("{} is a {actual}, not a {}", crate::format::date(date), day.as_str()),
            ));
        }
    }
}

static DEFINITION: LazyLock<Regex> = LazyLock::new(|| re(r#"[“"]([A-Z][A-Za-z0-9&.\-’' ]{0,60}?)[,.]?[”"]"#));

struct Term {
    defined_at: Vec<(usize, usize)>,
}

/// Definitions are quoted capitalised phrases in bold (the drafting convention of the
/// templates) or, in plain text, inside parentheses.
fn definitions(v: &TextView) -> BTreeMap<String, Term> {
    let mut terms: BTreeMap<String, Term> = BTreeMap::new();
    // Whether the line so far has a `(` not closed since, carried forward from one definition
    // to the next rather than found again from the start of the line.
    let (mut scanned, mut in_parens) = (0, false);
    for c in DEFINITION.captures_iter(&v.text) {
        let (Some(all), Some(name)) = (c.get(0), c.get(1)) else { continue };
        for byte in &v.text.as_bytes()[scanned..all.start()] {
            match byte {
                b'(' => in_parens = true,
                b')' | b'\n' => in_parens = false,
                _ => {}
            }
        }
        scanned = all.start();
        if v.in_heading(all.start()) {
            continue;
        }
        let bold = v.is_bold(name.start(), name.end());
        if !(bold || (in_parens && v.bold.is_empty())) {
            continue;
        }
        let term = name.as_str().trim_end_matches([',', '.']).to_owned();
        terms
            .entry(term)
            .or_insert(Term { defined_at: Vec::new() })
            .defined_at
            .push((all.start(), all.end()));
    }
    terms
}

/// Uses of `term` in the text, as a whole word (with an optional plural "s"), outside headings
/// and outside its definitions; a one-word term opening a sentence is not counted, nor one that
/// begins a document title ("Offer to Exchange").
fn uses<'a>(
    v: &'a TextView,
    term: &'a str,
    defs: &'a [(usize, usize)],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let one_word = !term.contains(' ');
    v.text.match_indices(term).filter_map(move |(start, _)| {
        let mut end = start + term.len();
        let before = v.text[..start].chars().next_back();
        let mut after = v.text[end..].chars();
        let mut next = after.next();
        if next == Some('s') {
            end += 1;
            next = after.next();
        }
        let bounded =
            !before.is_some_and(|c| c.is_alphanumeric()) && !next.is_some_and(|c| c.is_alphanumeric());
        // The definitions are in order and apart: only the last one starting by here can hold it.
        let in_definition =
            defs.partition_point(|(s, _)| *s <= start).checked_sub(1).is_some_and(|i| start < defs[i].1);
        if !bounded || v.in_heading(start) || in_definition {
            return None;
        }
        let prefix = v.text[..start].trim_end_matches([' ', '\t']);
        let sentence_start = prefix.is_empty() || prefix.ends_with(['.', '\n', '?', ':', '“', '"']);
        let previous_word = prefix.rsplit([' ', '\n', '(']).next().unwrap_or("");
        // "The Company will ..." opens a sentence with the term: a use, not part of a name.
        let the_opening_a_sentence = previous_word == "The" && {
            let before_the = prefix[..prefix.len() - 3].trim_end_matches([' ', '\t']);
            before_the.is_empty() || before_the.ends_with(['.', '\n', '?', ':', '“', '"'])
        };
        let in_a_title = previous_word.starts_with(|c: char| c.is_uppercase()) && !the_opening_a_sentence;
        if one_word && (sentence_start || in_a_title) {
            return None;
        }
        // Part of a longer name: "Ault Alliance, Inc.", "Amendment No. 1", "Offer to Exchange".
        let following = v.text[end..].trim_start_matches([',', ' ']);
        let continues = following.starts_with(|c: char| c.is_uppercase())
            && !v.text[end..].starts_with(". ")
            && !v.text[end..].starts_with(".\n");
        let document_title =
            v.text[end..].starts_with(" to ") && v.text[end + 4..].starts_with(|c: char| c.is_uppercase());
        if continues || document_title {
            return None;
        }
        Some((start, end))
    })
}

fn defined_terms(doc: &Indexed, v: &TextView, out: &mut Vec<Finding>) {
    let terms = definitions(v);
    for (term, t) in &terms {
        for &(start, end) in t.defined_at.iter().skip(1) {
            out.push(at(doc, v, &rule::DEFINED_TERM_TWICE, start, end, format!("“{term}” is defined again")));
        }
        let first = t.defined_at[0];
        // A longer defined term that contains this one ("Series D Preferred Stock" in
        // "Series D Preferred Stock Dividend") is not a use of it.
        let longer: Vec<&String> =
            terms.keys().filter(|other| other.len() > term.len() && other.contains(term.as_str())).collect();
        let uses_of_term: Vec<(usize, usize)> = uses(v, term, &t.defined_at)
            .filter(|(s, e)| {
                !longer.iter().any(|other| {
                    window(&v.text, s.saturating_sub(other.len()), *e + other.len()).contains(other.as_str())
                })
            })
            .collect();
        // The phrase a parenthetical definition follows is the thing defined, not a use:
        // "the Tender Offer Statement on Schedule TO ... (the “Schedule TO”)".
        let paragraph_start = v.text[..first.0].rfind('\n').map_or(0, |p| p + 1);
        let defining_phrase = paragraph_start.max(first.0.saturating_sub(300));
        // A first use that refers forward, "Shares (as defined below)", points the reader to the
        // definition: the uses after it are not before the definition.
        let refers_forward = |e: usize| v.text[e..].starts_with(" (as defined below)");
        if let Some(&(start, end)) =
            uses_of_term.first().filter(|(s, e)| *s < defining_phrase && !refers_forward(*e))
        {
            out.push(at(
                doc,
                v,
                &rule::DEFINED_TERM_BEFORE_DEFINITION,
                start,
                end,
                format!("“{term}” is used here before it is defined"),
            ));
        }
        if !uses_of_term.iter().any(|(s, _)| *s > first.1) {
            out.push(at(
                doc,
                v,
                &rule::DEFINED_TERM_UNUSED,
                first.0,
                first.1,
                format!("“{term}” is defined and never used"),
            ));
        }
        // "the offer" where "Offer" is defined.
        if !term.contains(' ') && term.len() > 3 {
            let lower = format!("the {}", term.to_lowercase());
            for (start, _) in v.text.match_indices(&lower).filter(|(s, _)| *s > first.1) {
                let end = start + lower.len();
                let next = v.text[end..].chars().next();
                // The legend's "the offer, solicitation or sale" and "the offer to buy" are the
                // securities-law act, not the defined Offer.
                let generic = [", solicitation", " or solicitation", " or sale", " to buy", " to sell"]
                    .iter()
                    .any(|phrase| v.text[end..].starts_with(phrase));
                if next.is_some_and(|c| c.is_alphanumeric()) || generic || v.in_heading(start) {
                    continue;
                }
                out.push(at(
                    doc,
                    v,
                    &rule::DEFINED_TERM_CASE,
                    start + 4,
                    end,
                    format!(
                        "“{}” in lower case after “{term}” is defined: is the defined term meant?",
                        &lower[4..]
                    ),
                ));
            }
        }
    }
}

static SENTENCE: LazyLock<Regex> = LazyLock::new(|| re(r"[^.;\n]+"));

fn sole_discretion(doc: &Indexed, v: &TextView, out: &mut Vec<Finding>) {
    for s in SENTENCE.find_iter(&v.text) {
        let lower = s.as_str().to_lowercase();
        let Some(p) = ["sole discretion", "absolute discretion", "sole judgment", "sole and absolute"]
            .iter()
            .find_map(|phrase| lower.find(phrase).map(|p| (p, phrase.len())))
        else {
            continue;
        };
        if lower.contains("condition") {
            out.push(at(
                doc,
                v,
                &rule::SOLE_DISCRETION,
                s.start() + p.0,
                s.start() + p.0 + p.1,
                "a condition of the offer is left to the bidder's sole discretion".into(),
            ));
        }
    }
}

/// Item 1004(a)(1) of Regulation M-A, element by element, and what states it.
const ELEMENTS: &[(&str, &str, bool)] = &[
    // Notes are sought by principal amount, or any and all of them, at a price per denomination;
    // a third party may seek all the outstanding shares.
    (
        "the securities sought and their amount",
        r"(?i)up to [\d,$]+|any and all of the|all outstanding shares",
        false,
    ),
    (
        "the consideration offered",
        r"(?i)per share|for each [\d,]+ shares|per \$[\d,]+ principal amount",
        false,
    ),
    ("the scheduled expiration date", r"(?i)will expire at", false),
    ("whether there is a subsequent offering period", r"(?i)subsequent offering period", false),
    ("whether and how the offer may be extended", r"(?i)(?-u:\b)extend", false),
    ("the dates before and after which withdrawal is possible", r"(?i)may (?:also )?be withdrawn", false),
    ("the procedures for tendering", r"(?i)procedures? for tendering|properly tendered", false),
    ("the procedures for withdrawing", r"(?i)notice of withdrawal", false),
    (
        "the manner of acceptance and payment",
        r"(?i)accept(?:ed|ance)? .{0,80}(?:pa(?:y|id)|deliver|issu)",
        false,
    ),
    ("proration", r"(?i)pro rata|proration", false),
    (
        "the material differences in the rights of holders",
        r"(?i)comparison of rights|rights of holders",
        true,
    ),
    ("the accounting treatment", r"(?i)accounting treatment", true),
    ("the federal income tax consequences", r"(?i)federal income tax", false),
];

/// The patterns of [`ELEMENTS`], compiled once rather than once per document checked.
static ELEMENT_PATTERNS: LazyLock<Vec<Regex>> =
    LazyLock::new(|| ELEMENTS.iter().map(|(_, pattern, _)| re(pattern)).collect());

fn item_1004(doc: &Indexed, v: &TextView, out: &mut Vec<Finding>) {
    let title = v.text.chars().take(4000).collect::<String>().to_uppercase();
    let name = doc.name.to_ascii_lowercase();
    let exchange = title.contains("OFFER TO EXCHANGE") || name.contains("offer-to-exchange");
    let purchase = title.contains("OFFER TO PURCHASE") || name.contains("offer-to-purchase");
    if !(exchange || purchase) || !(name.contains("offer") || title.trim_start().starts_with("OFFER TO")) {
        return;
    }
    // Item 1004(a)(1)(ix) asks for proration only of an offer for less than all of a class.
    static FOR_ALL: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)(?:purchase|exchange|acquire|for) all outstanding shares|any and all of (?:the|its)")
    });
    let for_all = FOR_ALL.is_match(&v.text);
    for ((element, _, exchange_only), pattern) in ELEMENTS.iter().zip(ELEMENT_PATTERNS.iter()) {
        if (*exchange_only && !exchange) || (*element == "proration" && for_all) {
            continue;
        }
        if !pattern.is_match(&v.text) {
            out.push(doc.finding(
                &rule::ITEM_1004_ELEMENT,
                0,
                1,
                format!("the Offer does not state {element} (Item 1004(a)(1) of Regulation M-A)"),
            ));
        }
    }
}

static ARTICLE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)([Aa]n?) +(\$?[0-9][0-9,]*(?:\.[0-9]+)?)"));

/// "a 82% premium", "an 201% increase": the article is chosen by the number as it is read,
/// which [`crate::format::with_article`] decides for the templates; hand-edited text is held
/// to the same reading.
fn articles_before_numbers(doc: &Indexed, v: &TextView, out: &mut Vec<Finding>) {
    for c in ARTICLE_NUMBER.captures_iter(&v.text) {
        let (Some(all), Some(article), Some(number)) = (c.get(0), c.get(1), c.get(2)) else { continue };
        let reads = crate::format::with_article(number.as_str());
        let wanted = reads.split(' ').next().unwrap_or_default();
        if !wanted.eq_ignore_ascii_case(article.as_str()) {
            out.push(at(
                doc,
                v,
                &rule::ARTICLE_NUMBER,
                all.start(),
                all.end(),
                format!("“{}” reads “{} {}”", all.as_str(), wanted, number.as_str()),
            ));
        }
    }
}
