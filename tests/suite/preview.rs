//! The annotated preview of a document (`secdraft::preview`): each printed figure a span that
//! shows its trace, each `check` finding beside its block, and the files `render` writes left
//! as they are.

use regex::Regex;
use secdraft::check::{Mode, Severity};
use secdraft::pipeline::RenderedSet;
use secdraft::preview::{self, Preview};

use crate::common::{document, edited, examples, render, scratch_terms};

const MERIDIAN: &str = "data/meridian-exchange-commenced.yaml";

/// The annotated body of `name`, which must be a document of the set and preview.
fn page(set: &RenderedSet, name: &str) -> String {
    preview::document_page(set, name)
        .unwrap_or_else(|| panic!("{name} is not in the set"))
        .unwrap_or_else(|e| panic!("{}", e.render(false)))
}

/// The HTML files of a set.
fn html_names(set: &RenderedSet) -> Vec<String> {
    set.files.iter().filter(|f| f.name.ends_with(".htm")).map(|f| f.name.clone()).collect()
}

/// What `render` writes inside `<body>` for `name`.
fn html_body(set: &RenderedSet, name: &str) -> String {
    let page = document(set, name);
    let open = page.find("<body").unwrap();
    let start = open + page[open..].find('>').unwrap() + 2;
    page[start..page.rfind("</body>").unwrap()].to_owned()
}

/// The annotated body with every annotation taken out again: the notes, the classes marking a
/// block, the figures' spans (their text kept) and the popovers after the body.
fn stripped(annotated: &str) -> String {
    let popovers = annotated.find("<div class=\"sd-pops\">").unwrap_or(annotated.len());
    let body = &annotated[..popovers];
    let body = Regex::new(r#"(?s)<tr class="sd-note-row">.*?</tr>\n"#).unwrap().replace_all(body, "");
    let body =
        Regex::new(r#"<div class="sd-note [^"]*" role="note">.*?</div>\n"#).unwrap().replace_all(&body, "");
    let body = Regex::new(r#" class="sd-flagged sd-(error|warning)""#).unwrap().replace_all(&body, "");
    Regex::new(r#"<span class="sd-figure" [^>]*>(.*?)</span>"#).unwrap().replace_all(&body, "$1").into_owned()
}

/// Each figure span of an annotated body: the index of its ledger entry in the document, and
/// its text.
fn spans(annotated: &str) -> Vec<(usize, String)> {
    Regex::new(r#"<span class="sd-figure" [^>]*data-entry="(\d+)"[^>]*>(.*?)</span>"#)
        .unwrap()
        .captures_iter(annotated)
        .map(|c| (c[1].parse().unwrap(), c[2].to_owned()))
        .collect()
}

/// The document whose ledger entries an HTML file's figures are: its Markdown twin, or the
/// page itself (the filing fee exhibit).
fn ledger_name(set: &RenderedSet, html: &str) -> String {
    let twin = html.replace(".htm", ".md");
    if set.files.iter().any(|f| f.name == twin) { twin } else { html.to_owned() }
}

fn escaped(text: &str) -> String {
    let mut out = String::new();
    secdraft::html::escape_text(&mut out, text);
    out
}

#[test]
fn every_printed_figure_is_one_span_holding_the_text_printed() {
    let set = render(MERIDIAN);
    let mut seen = 0;
    for name in html_names(&set) {
        let annotated = page(&set, &name);
        let ledger = ledger_name(&set, &name);
        let printed: Vec<_> = set.ledger.iter().filter(|p| p.document == ledger).collect();
        let spans = spans(&annotated);
        assert_eq!(
            spans.len(),
            printed.len(),
            "{name}: {} figures printed, {} spans",
            printed.len(),
            spans.len()
        );
        for (i, (entry, text)) in spans.iter().enumerate() {
            assert_eq!(*entry, i, "{name}: the spans follow the ledger's order");
            assert_eq!(*text, escaped(&printed[i].form), "{name}: span {i}");
        }
        seen += spans.len();
    }
    assert!(seen > 50, "the commenced set prints its figures: {seen}");
    assert!(set.files.iter().any(|f| f.name == "filing-fees.htm"), "the fee exhibit is previewed too");
}

#[test]
fn a_figure_s_popover_names_its_formula_its_terms_inputs_and_where_it_is_printed() {
    let set = render(MERIDIAN);
    let sheet = secdraft::tieout::build(&set).unwrap();
    let annotated = page(&set, "offer-to-exchange.htm");
    // The first figure printed that is computed from a field of the terms.
    let traced = set
        .ledger
        .iter()
        .filter(|p| p.document == "offer-to-exchange.md" && p.class == 0)
        .find_map(|p| {
            sheet
                .figures
                .iter()
                .find(|t| t.name == p.figure.name() && t.inputs.iter().any(|i| i.from == "terms"))
        })
        .expect("a figure of the Offer traced to the terms");
    let id = Regex::new(&format!(r#"data-figure="{}" data-entry="\d+" data-pop="([^"]+)""#, traced.name))
        .unwrap()
        .captures(&annotated)
        .unwrap_or_else(|| panic!("no span of {}", traced.name))[1]
        .to_owned();
    let open = annotated.find(&format!("<div class=\"sd-pop\" id=\"{id}\"")).expect("its popover");
    let popover = &annotated[open..open + annotated[open..].find("</ul>\n</div>").unwrap()];
    assert!(popover.contains(&escaped(traced.formula)), "{popover}");
    assert!(popover.contains(&escaped(traced.label)), "{popover}");
    let input = traced.inputs.iter().find(|i| i.from == "terms").unwrap();
    let at = input.at.as_deref().unwrap();
    assert!(at.starts_with("data/meridian-exchange-commenced.yaml:"), "{at}");
    assert!(
        popover.contains(&format!("{} = {} <span class=\"sd-at\">{at}</span>", input.path, input.value)),
        "{popover}"
    );
    for place in &traced.printed_at {
        assert!(popover.contains(&format!("{}, line {}", place.document, place.line)), "{popover}");
    }
    assert!(popover.contains("(this document)"), "{popover}");
    // Without the script, the span's title still names the figure and its formula.
    assert!(annotated.contains(&format!("title=\"{}", escaped(&traced.heading()))), "{annotated}");
}

#[test]
fn a_note_to_draft_shows_as_a_warning_beside_its_paragraph() {
    let set = render(MERIDIAN);
    let findings = secdraft::check(&set, Mode::Draft);
    let note = findings
        .iter()
        .find(|f| f.rule == "placeholder" && f.file.ends_with(".md"))
        .expect("the commenced set leaves a note to draft");
    assert_eq!(note.severity, Severity::Warning, "a draft tolerates it");
    let annotated = page(&set, &note.file.replace(".md", ".htm"));
    // Its line in the file as written, where the stamp is the first line.
    let line = note.line + 1;
    let marker = format!(
        "<div class=\"sd-note sd-warning\" role=\"note\"><span class=\"sd-severity\">warning</span> <span class=\"sd-rule\">placeholder</span> <span class=\"sd-at\">{}:{}</span> ",
        note.file, line
    );
    let at = annotated.find(&marker).unwrap_or_else(|| panic!("no note {marker}\n{annotated}"));
    // The block just before the note is marked, and holds the text the finding quotes.
    let block = &annotated[annotated[..at].rfind(" class=\"sd-flagged sd-warning\"").expect("its block")..at];
    let quoted: String = note.text.chars().filter(|c| c.is_alphanumeric()).take(20).collect();
    let text: String = block.chars().filter(|c| c.is_alphanumeric()).collect();
    assert!(text.contains(&quoted), "`{}` is not in the block:\n{block}", note.text);
}

#[test]
fn values_of_the_terms_print_as_text_in_the_page_and_its_popovers() {
    // An offer for two classes: each figure's popover names the class it is for.
    let text = edited(
        "data/sorrel-two-series-commenced.yaml",
        "short_name: Sorrel Creek",
        "short_name: Sorrel <script>alert(1)</script>",
    );
    let text = text.replacen(
        "title: 8.25% Series A Cumulative Preferred Stock",
        "title: 8.25% Series A \"Preferred\" <b>x</b>",
        1,
    );
    let (_dir, path) = scratch_terms(&text);
    let set = render(&path);
    let mut popovers_with_title = 0;
    for name in html_names(&set) {
        let annotated = page(&set, &name);
        assert!(!annotated.contains("<script") && !annotated.contains("<b>x"), "{name}: {annotated}");
        if let Some(pops) = annotated.find("<div class=\"sd-pops\">") {
            popovers_with_title += usize::from(
                annotated[pops..].contains("Series A &quot;Preferred&quot; &lt;b&gt;x&lt;/b&gt;"),
            );
        }
    }
    let release = page(&set, "press-release.htm");
    assert!(release.contains("Sorrel &lt;script&gt;alert(1)&lt;/script&gt;"), "{release}");
    assert!(popovers_with_title > 0, "an offer for several classes names the class in each figure's popover");
}

#[test]
fn taken_out_the_annotations_leave_the_html_render_writes_and_the_files_are_untouched() {
    for example in examples() {
        let set = render(&example);
        let before: Vec<_> = set.files.iter().map(|f| (f.name.clone(), f.bytes.clone())).collect();
        let preview = Preview::of(&set);
        for name in html_names(&set) {
            let annotated = preview.document(&name).unwrap().unwrap();
            assert_eq!(stripped(&annotated), html_body(&set, &name), "{}: {name}", example.display());
            let ledger = ledger_name(&set, &name);
            assert_eq!(
                spans(&annotated).len(),
                set.ledger.iter().filter(|p| p.document == ledger).count(),
                "{}: {name}",
                example.display()
            );
        }
        let after: Vec<_> = set.files.iter().map(|f| (f.name.clone(), f.bytes.clone())).collect();
        assert!(before == after, "{}: previewing changed a file of the set", example.display());
        for file in set.files.iter().filter(|f| f.name.ends_with(".htm")) {
            let html = String::from_utf8_lossy(&file.bytes);
            assert!(
                !html.contains("sd-") && !html.contains("<script") && !html.contains("<span"),
                "{}",
                file.name
            );
        }
    }
}

#[test]
fn a_document_not_in_the_set_has_no_page() {
    let set = render(MERIDIAN);
    assert!(preview::document_page(&set, "no-such-document.htm").is_none());
    // The Markdown is the draft, not a page: the preview shows the HTML.
    assert!(preview::document_page(&set, "offer-to-exchange.md").is_none());
}
