//! The rules that read a set of documents together: a fact stated two ways, a figure printed
//! in another form, a pre-commencement communication without its legend.

use std::sync::LazyLock;

use regex::Regex;

use super::Rendered;
use super::rules::re;
use super::{Finding, Indexed, rule};
use crate::figures::{Figure, Unit};
use crate::format;
use crate::render::Era;
use crate::text::TextView;

/// Facts the documents of a set state, each with the pattern that finds it: group 1 is the
/// value as printed.
static FACTS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    let date = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), )?(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}";
    vec![
        (
            "expiration",
            re(&format!(
                r"expire[sd]? at ((?:one minute after )?\d{{1,2}}:\d{{2}} [ap]\.m\., New York City time, on {date})"
            )),
        ),
        ("maximum number of shares sought", re(r"(?-u:\b)up to ([\d,]{5,}) (?:shares|Shares)(?-u:\b)")),
        (
            "effective price",
            re(
                r"(?:effective price (?:of (?:the Offer is )?)?|(?-u:\b))(\$[\d,]+\.\d+) (?:effective price|per Share(?-u:\b))",
            ),
        ),
        (
            "premium over the closing price",
            re(r"(?-u:\b)(\d[\d,]*(?:\.\d+)?%) (?:increase|premium) over(?-u:\b)"),
        ),
        (
            "closing price",
            re(r"last reported sales? price of the (?:Shares|Common Stock|common stock) of (\$[\d,]+\.\d+)"),
        ),
    ]
});

/// What marks a statement as of the past ("previously scheduled to expire ...").
static EARLIER: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)previously|originally"));

/// The class a premium is measured for, where the statement names it: an offer for several
/// classes states one premium for each ("over the last reported sale price of the Series B
/// Shares of $9.10"), each a fact of its own.
static PREMIUM_CLASS: LazyLock<Regex> =
    LazyLock::new(|| re(r"^ the last reported sales? price of the ([^$\n]{1,100}?) of \$"));

struct Stated<'a> {
    doc: &'a Indexed<'a>,
    view: &'a TextView,
    start: usize,
    end: usize,
    value: String,
    /// What the fact is stated of, where it may differ within a set (the class of a premium).
    subject: String,
}

/// Facts that are computed figures: in a set secdraft rendered, the ledger tells how each is
/// printed ([`figure_variants`]), so the text is not searched for them.
const FIGURE_FACTS: [&str; 2] = ["effective price", "premium over the closing price"];

/// Each fact is stated one way across the set; a statement of what was true before an
/// amendment ("previously scheduled to expire ...") is not a second statement. With
/// `figures_in_ledger`, the facts that are figures are left to the ledger.
pub fn facts(documents: &[Indexed], views: &[TextView], figures_in_ledger: bool, out: &mut Vec<Finding>) {
    let earlier: Vec<Vec<(usize, usize)>> =
        views.iter().map(|v| EARLIER.find_iter(&v.text).map(|m| (m.start(), m.end())).collect()).collect();
    for (fact, pattern) in
        FACTS.iter().filter(|(fact, _)| !(figures_in_ledger && FIGURE_FACTS.contains(fact)))
    {
        let mut stated: Vec<Stated> = Vec::new();
        for ((doc, view), earlier) in documents.iter().zip(views).zip(&earlier) {
            // The start of the sentence so far, carried forward from one statement to the next.
            let (mut scanned, mut sentence_start) = (0, 0);
            for c in pattern.captures_iter(&view.text) {
                let (Some(all), Some(value)) = (c.get(0), c.get(1)) else { continue };
                if let Some(p) = view.text[scanned..all.start()].rfind(['.', '\n']) {
                    sentence_start = scanned + p + 1;
                }
                scanned = all.start();
                // The shares of the class sought, not the new securities issued for them.
                let after: String = view.text[all.end()..].chars().take(60).collect();
                if *fact == "maximum number of shares sought"
                    && (after.contains("Preferred") || after.contains('%'))
                {
                    continue;
                }
                // The last "previously" or "originally" ending before the statement is the one
                // that starts latest: the statement is of the past if it is in this sentence.
                let last = earlier.partition_point(|(_, e)| *e <= all.start()).checked_sub(1);
                if last.is_some_and(|i| earlier[i].0 >= sentence_start) {
                    continue;
                }
                let subject = match *fact {
                    "premium over the closing price" => PREMIUM_CLASS
                        .captures(&view.text[all.end()..])
                        .and_then(|c| c.get(1))
                        .map_or_else(String::new, |class| normalise(class.as_str())),
                    _ => String::new(),
                };
                stated.push(Stated {
                    doc,
                    view,
                    start: value.start(),
                    end: value.end(),
                    value: normalise(value.as_str()),
                    subject,
                });
            }
        }
        // Only a set that states the fact of two subjects or more is told apart by them: in an
        // offer for one class, a premium stated of "the Shares" and of the class's title is one.
        let mut subjects: Vec<&str> =
            stated.iter().map(|s| s.subject.as_str()).filter(|s| !s.is_empty()).collect();
        subjects.sort_unstable();
        subjects.dedup();
        if subjects.len() < 2 {
            stated.iter_mut().for_each(|s| s.subject.clear());
        }
        // The first statement of each subject is the one the others must agree with.
        let mut firsts: Vec<(&str, &str, &str)> = Vec::new();
        for s in &stated {
            if !firsts.iter().any(|(subject, _, _)| *subject == s.subject) {
                firsts.push((&s.subject, &s.value, &s.doc.name));
            }
        }
        for s in &stated {
            let Some(&(_, first_value, first_doc)) =
                firsts.iter().find(|(subject, _, _)| *subject == s.subject)
            else {
                continue;
            };
            if s.value == first_value {
                continue;
            }
            let from = s.view.source_offset(s.start);
            let to = s.view.source_offset(s.end.saturating_sub(1)) + 1;
            let to = (to..=s.doc.source.len()).find(|i| s.doc.source.is_char_boundary(*i)).unwrap_or(to);
            out.push(s.doc.finding(
                &rule::INCONSISTENT_FACT,
                from,
                to - from,
                format!("the {fact} is stated here as {}, but as {first_value} in {first_doc}", s.value),
            ));
        }
    }
}

fn normalise(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The forms a figure may be printed in: as its identity prints it, without its sign (a
/// premium stated as an increase or a decrease), without its dollar sign (a tagged XBRL fact,
/// the sign printed outside the tag), in words, and a ratio as the shares given for one new
/// share.
fn accepted_forms(figure: &Figure) -> Vec<String> {
    let display = figure.display();
    let mut forms = vec![display.trim_start_matches('$').to_owned(), display];
    forms.extend(crate::figures::print(figure.unit, figure.value.abs()).ok());
    forms.extend(format::words(figure.value));
    if figure.unit == Unit::ExchangeRatio {
        forms.extend(format::shares(figure.value));
    }
    forms
}

/// Each figure printed in a form other than its own, by the ledger the render kept.
pub fn figure_variants(documents: &[Indexed], rendered: &Rendered, out: &mut Vec<Finding>) {
    for printed in rendered.ledger {
        let figures = match (printed.era, printed.class) {
            (Era::Now, 0) => Some(rendered.figures),
            (Era::Before, 0) => rendered.figures_before,
            (Era::Now, n) => rendered.class_figures.get(n - 1).map(|c| &c.figures),
            (Era::Before, n) => rendered.class_figures.get(n - 1).and_then(|c| c.figures_before.as_ref()),
        };
        let Some(figure) = figures.and_then(|f| f.of(printed.figure)) else { continue };
        // Case is the sentence's, not the figure's: "Six hundred thousand" opens a sentence.
        if accepted_forms(figure).iter().any(|form| form.to_lowercase() == printed.form.to_lowercase()) {
            continue;
        }
        let Some(doc) = documents.iter().find(|d| d.name == printed.document) else { continue };
        out.push(doc.finding(
            &rule::FIGURE_VARIANT,
            printed.offset,
            printed.len,
            format!(
                "{} is printed as {}; the set prints it as {}",
                figure.label(),
                printed.form,
                figure.display()
            ),
        ));
    }
}

static PRE_COMMENCEMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)has not yet commenced|intent(?:ion)? to (?:commence|initiate|launch|make)|intends to (?:commence|launch)|planned (?:issuer )?(?:exchange|tender) offer",
    )
});
static READ_IMPORTANT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?is)(?-u:\b)read(?-u:\b).{0,200}(?-u:\b)important information(?-u:\b)|(?-u:\b)important information(?-u:\b).{0,200}(?-u:\b)read(?-u:\b)",
    )
});
static FREE_AT_SEC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?is)(?:free of charge|without charge|for free|at no charge).{0,200}sec\.gov|sec\.gov.{0,200}(?:free of charge|without charge)",
    )
});
static FROM_OFFEROR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?is)(?:upon request|on request|who so request|by contacting|from the (?:Company|Purchaser|Offeror|information agent))",
    )
});

/// A set with a pre-commencement communication must carry the Rule 14d-2 legend somewhere in
/// it: read the statement (important information), free at the SEC's site, free from the offeror.
pub fn legend(documents: &[Indexed], views: &[TextView], out: &mut Vec<Finding>) {
    let Some((doc, view, at, len)) = documents
        .iter()
        .zip(views)
        .find_map(|(d, v)| PRE_COMMENCEMENT.find(&v.text).map(|m| (d, v, m.start(), m.len())))
    else {
        return;
    };
    let has = |pattern: &Regex| views.iter().any(|v| pattern.is_match(&v.text));
    let missing: Vec<&str> = [
        (&*READ_IMPORTANT, "to read the tender offer statement because it contains important information"),
        (&*FREE_AT_SEC, "that it is free at the SEC's website, www.sec.gov"),
        (&*FROM_OFFEROR, "which documents are free from the offeror, and how"),
    ]
    .into_iter()
    .filter(|(p, _)| !has(p))
    .map(|(_, what)| what)
    .collect();
    if !missing.is_empty() {
        out.push(doc.finding(
            &rule::MISSING_LEGEND,
            view.source_offset(at),
            len,
            format!(
                "this pre-commencement communication's legend does not advise holders {}",
                missing.join("; or ")
            ),
        ));
    }
}

/// The heading of a Schedule TO's exhibit index, in any of its cases.
static EXHIBIT_INDEX: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)exhibit index"));

/// A row of a table: in Markdown a line of cells between pipes, in HTML a `<tr>` element.
static MARKDOWN_ROW: LazyLock<Regex> = LazyLock::new(|| re(r"(?m)^\|([^|\n]*)\|(.*)\|[ \t]*$"));
static HTML_ROW: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?s)<tr[^>]*>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>"));

/// The document a row links to: a Markdown link's target, or an HTML `href`.
static ROW_LINK: LazyLock<Regex> = LazyLock::new(|| re(r##"\]\(([^)#\s]+)|href="([^"#]+)"##));

/// What says where an exhibit that is not in the set was filed, or that there is none.
static FILED_ELSEWHERE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)incorporated (?:herein )?by reference|previously filed|not applicable|to draft")
});

/// Each row of a Schedule TO's exhibit index names a document of the set (linked), or says
/// where the exhibit was filed (incorporated by reference, previously filed) or that it is not
/// applicable: an index row naming a file that is not there would be filed as if it were.
pub fn exhibit_index(documents: &[Indexed], out: &mut Vec<Finding>) {
    let stem = |name: &str| {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        base.rsplit_once('.').map_or(base, |(stem, _)| stem).to_owned()
    };
    let in_set: Vec<String> = documents.iter().map(|d| stem(&d.name)).collect();
    for doc in documents {
        let Some(heading) = EXHIBIT_INDEX.find(&doc.source) else { continue };
        let from = heading.end();
        let rows = if doc.format == super::Format::Html { &*HTML_ROW } else { &*MARKDOWN_ROW };
        for row in rows.captures_iter(&doc.source[from..]) {
            let (number, description) = (row[1].trim(), &row[2]);
            // The table's header and the separator under it.
            if number.starts_with(":-") || number.starts_with('-') || number.contains("Exhibit No") {
                continue;
            }
            let whole = row.get(0).expect("a match has its whole text");
            let (at, len) = (from + whole.start(), whole.len());
            // The marks of the index's notes: `*` filed herewith, `**` previously filed.
            let marks = number.replace('\\', "").chars().rev().take_while(|c| *c == '*').count();
            let linked = ROW_LINK.captures(description).and_then(|c| c.get(1).or(c.get(2)));
            match linked {
                Some(target) if !in_set.contains(&stem(target.as_str())) => out.push(doc.finding(
                    &rule::EXHIBIT_INDEX,
                    at,
                    len,
                    format!("exhibit {number} links to {}, which is not a document of this set", target.as_str()),
                )),
                Some(_) => {}
                None if marks == 1 => {
                    out.push(doc.finding(
                        &rule::EXHIBIT_INDEX,
                        at,
                        len,
                        format!("exhibit {number} is marked filed herewith but names no document of this set"),
                    ));
                }
                None if marks == 2 || FILED_ELSEWHERE.is_match(description) => {}
                None => out.push(doc.finding(
                    &rule::EXHIBIT_INDEX,
                    at,
                    len,
                    format!(
                        "exhibit {number} is neither a document of this set nor said to be filed elsewhere or not applicable"
                    ),
                )),
            }
        }
    }
}
