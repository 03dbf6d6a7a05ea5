//! `render --format docx`: each document of a set as a Word file, read back here from its
//! package (word/document.xml, word/styles.xml) and held to its Markdown: the same text, the
//! named styles, the notes to draft highlighted, the defined terms bold, the table of contents
//! a TOC field; byte-identical from the same terms; and the no-clobber rules of the Markdown.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::Path;

use predicates::prelude::*;
use secdraft::filing::Mode;
use secdraft::pipeline::{self, Formats, RenderedSet};
use secdraft::text::{Format, TextView};

use crate::common::{document, examples, listing, secdraft};

const MERIDIAN: &str = "data/meridian-exchange-commenced.yaml";
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn render_docx(path: impl AsRef<Path>) -> RenderedSet {
    let formats = Formats { markdown: true, html: true, docx: true };
    pipeline::render_file_in(path.as_ref(), None, &[], Mode::Draft, Some(formats))
        .unwrap_or_else(|e| panic!("{}", e.render(false)))
}

fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

/// A paragraph of word/document.xml as Word shows it.
#[derive(Debug)]
struct Para {
    style: String,
    /// Its text, a numbered list item's number first ("1. "), tabs and line breaks as spaces.
    text: String,
    /// Its runs: the text, whether bold, and the character style.
    runs: Vec<(String, bool, Option<String>)>,
    page_break_before: bool,
}

fn attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|c| c.has_tag_name((W, name)))
}

/// The paragraphs of a DOCX, in order, those in table cells included.
fn paragraphs(docx: &[u8]) -> Vec<Para> {
    let xml = part(docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let numbering = part(docx, "word/numbering.xml");
    let numbering = roxmltree::Document::parse(&numbering).unwrap();
    // numId -> whether its abstract numbering counts (decimal) rather than bullets.
    let abstract_decimal: BTreeMap<&str, bool> = numbering
        .descendants()
        .filter(|n| n.has_tag_name((W, "abstractNum")))
        .map(|n| {
            let format = n.descendants().find(|d| d.has_tag_name((W, "numFmt"))).and_then(|f| attr(f, "val"));
            (attr(n, "abstractNumId").unwrap(), format == Some("decimal"))
        })
        .collect();
    let decimal: BTreeMap<&str, bool> = numbering
        .descendants()
        .filter(|n| n.has_tag_name((W, "num")))
        .map(|n| {
            let abstract_id = child(n, "abstractNumId").and_then(|a| attr(a, "val")).unwrap();
            (attr(n, "numId").unwrap(), abstract_decimal[abstract_id])
        })
        .collect();
    let mut counters: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for p in doc.descendants().filter(|n| n.has_tag_name((W, "p"))) {
        let props = child(p, "pPr");
        let style = props.and_then(|pr| child(pr, "pStyle")).and_then(|s| attr(s, "val")).unwrap_or("");
        let mut text = String::new();
        if let Some(num) = props.and_then(|pr| child(pr, "numPr")) {
            let id = child(num, "numId").and_then(|n| attr(n, "val")).unwrap();
            if decimal[id] {
                let count = counters.entry(id.to_owned()).or_default();
                *count += 1;
                text.push_str(&format!("{count}. "));
            }
        }
        let mut runs = Vec::new();
        for r in p.children().filter(|n| n.has_tag_name((W, "r"))) {
            let rpr = child(r, "rPr");
            let bold = rpr.and_then(|pr| child(pr, "b")).is_some();
            let rstyle =
                rpr.and_then(|pr| child(pr, "rStyle")).and_then(|s| attr(s, "val")).map(str::to_owned);
            let mut run = String::new();
            for c in r.children() {
                if c.has_tag_name((W, "t")) {
                    run.push_str(c.text().unwrap_or(""));
                } else if c.has_tag_name((W, "tab")) || c.has_tag_name((W, "br")) {
                    run.push(' ');
                }
            }
            text.push_str(&run);
            runs.push((run, bold, rstyle));
        }
        let page_break_before = props.and_then(|pr| child(pr, "pageBreakBefore")).is_some();
        out.push(Para { style: style.to_owned(), text, runs, page_break_before });
    }
    out
}

/// The words of a Markdown document as `check` reads it ([`TextView`]), without the lines of
/// raw HTML that align blocks (which the DOCX says with styles) and the code marks of terms
/// field names (which it prints as text).
fn markdown_words(markdown: &str) -> Vec<String> {
    let without_tags: String = markdown
        .lines()
        .filter(|l| !matches!(l.trim(), "<div align=\"right\">" | "</div>"))
        .map(|l| format!("{l}\n"))
        .collect();
    let view = TextView::new(&without_tags, Format::Markdown);
    view.text.replace('`', "").split_whitespace().map(str::to_owned).collect()
}

fn docx_words(paras: &[Para]) -> Vec<String> {
    paras.iter().flat_map(|p| p.text.split_whitespace().map(str::to_owned).collect::<Vec<_>>()).collect()
}

/// The first place two word lists part, with some words either side.
fn first_difference(a: &[String], b: &[String]) -> String {
    let at = a.iter().zip(b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let from = at.saturating_sub(8);
    format!(
        "at word {at}:\n  markdown: {}\n  docx:     {}",
        a[from..(at + 8).min(a.len())].join(" "),
        b[from..(at + 8).min(b.len())].join(" ")
    )
}

fn docx_files(set: &RenderedSet) -> Vec<(&str, &[u8])> {
    set.files
        .iter()
        .filter(|f| f.name.ends_with(".docx"))
        .map(|f| (f.name.as_str(), f.bytes.as_slice()))
        .collect()
}

#[test]
fn every_docx_of_every_example_reads_back_as_its_markdown() {
    for example in examples() {
        let set = render_docx(&example);
        let docx = docx_files(&set);
        let markdown = set.files.iter().filter(|f| f.name.ends_with(".md")).count();
        assert_eq!(docx.len(), markdown, "{}: a DOCX for every document", example.display());
        assert!(!docx.iter().any(|(name, _)| name.starts_with("filing-fees")), "the fee exhibit stays XHTML");
        for (name, bytes) in docx {
            let md = document(&set, &name.replace(".docx", ".md"));
            let expected = markdown_words(&md);
            let got = docx_words(&paragraphs(bytes));
            assert!(expected == got, "{} {name}: {}", example.display(), first_difference(&expected, &got));
        }
    }
}

/// The styles part of a DOCX: style id -> (type, name, the style's XML).
fn styles(docx: &[u8]) -> BTreeMap<String, (String, String, String)> {
    let xml = part(docx, "word/styles.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "style")))
        .map(|s| {
            let name = child(s, "name").and_then(|n| attr(n, "val")).unwrap_or("").to_owned();
            let kind = attr(s, "type").unwrap_or("").to_owned();
            (attr(s, "styleId").unwrap().to_owned(), (kind, name, xml[s.range()].to_owned()))
        })
        .collect()
}

#[test]
fn the_offer_uses_named_styles_a_toc_field_highlighted_notes_and_bold_terms() {
    let set = render_docx(MERIDIAN);
    let offer = &set.files.iter().find(|f| f.name == "offer-to-exchange.docx").unwrap().bytes;
    let defined = styles(offer);
    for (id, kind, name) in [
        ("BodyText", "paragraph", "Body Text"),
        ("Title", "paragraph", "Title"),
        ("Heading1", "paragraph", "heading 1"),
        ("Heading2", "paragraph", "heading 2"),
        ("Heading3", "paragraph", "heading 3"),
        ("NoteToDraft", "character", "Note to Draft"),
        ("FilingTable", "table", "Filing Table"),
    ] {
        let (k, n, _) = defined.get(id).unwrap_or_else(|| panic!("no style {id}"));
        assert_eq!((k.as_str(), n.as_str()), (kind, name), "{id}");
    }
    assert!(
        defined["NoteToDraft"].2.contains("w:highlight w:val=\"yellow\""),
        "{}",
        defined["NoteToDraft"].2
    );
    for (name, bytes) in docx_files(&set) {
        let paras = paragraphs(bytes);
        for p in &paras {
            assert!(defined.contains_key(&p.style), "{name}: a paragraph of style `{}`: {}", p.style, p.text);
            for (_, _, run_style) in &p.runs {
                assert!(run_style.as_deref().is_none_or(|s| s == "NoteToDraft"), "{name}: {run_style:?}");
            }
        }
        // Each bracketed note to draft of the Markdown is one highlighted run, and nothing else is.
        let md = document(&set, &name.replace(".docx", ".md"));
        let notes: Vec<String> =
            paras.iter().flat_map(|p| p.runs.iter().filter(|r| r.2.is_some()).map(|r| r.0.clone())).collect();
        let in_markdown = md.matches(": to draft").count();
        assert!(
            notes.len() >= in_markdown && in_markdown > 0 || name != "offer-to-exchange.docx",
            "{name}: {notes:?}"
        );
        assert!(
            notes.iter().all(|n| n.starts_with('[') && n.ends_with(']') && n.contains("to draft")),
            "{notes:?}"
        );
        // Defined terms stay bold: every term the Markdown defines in bold quotes is a bold run.
        let bold: Vec<&str> =
            paras.iter().flat_map(|p| p.runs.iter().filter(|r| r.1).map(|r| r.0.as_str())).collect();
        for term in md.split("“**").skip(1).filter_map(|rest| rest.split("**").next()) {
            assert!(bold.contains(&term), "{name}: the defined term {term} is not bold");
        }
    }
    let paras = paragraphs(offer);
    let xml = part(offer, "word/document.xml");
    assert!(xml.contains("<w:instrText>TOC \\o &quot;1-2&quot; \\h"), "the table of contents is a TOC field");
    assert_eq!(xml.matches("w:fldCharType=\"begin\"").count(), 1);
    assert_eq!(xml.matches("w:fldCharType=\"end\"").count(), 1);
    let toc: Vec<&str> =
        paras.iter().filter(|p| p.style.starts_with("TOC")).map(|p| p.text.as_str()).collect();
    assert_eq!(toc.first(), Some(&"SUMMARY TERM SHEET"));
    assert!(toc.contains(&"1. Number of Shares; Proration"), "{toc:?}");
    let headings: Vec<&str> =
        paras.iter().filter(|p| p.style == "Heading2").map(|p| p.text.as_str()).collect();
    assert!(headings.contains(&"1. Number of Shares; Proration"), "{headings:?}");
    // A page break before each block the Markdown breaks the page before.
    let md = document(&set, "offer-to-exchange.md");
    let breaks = md.matches("<!-- page-break -->").count();
    assert_eq!(paras.iter().filter(|p| p.page_break_before).count(), breaks);
    // Centred blocks take the centred style; the stamp is a property, not text.
    assert!(paras.iter().any(|p| p.style == "Centered" && p.text == "OFFER TO EXCHANGE"));
    assert!(!paras.iter().any(|p| p.text.contains("generated by secdraft")));
    let custom = part(offer, "docProps/custom.xml");
    assert!(
        custom.contains("name=\"secdraft\"><vt:lpwstr>generated by secdraft; edits are detected; sha256:")
    );
    // The check boxes of the Letter of Transmittal are text.
    let letter = &set.files.iter().find(|f| f.name == "letter-of-transmittal.docx").unwrap().bytes;
    assert!(paragraphs(letter).iter().any(|p| p.text.starts_with("☐ CHECK HERE")));
}

#[test]
fn the_same_terms_make_byte_identical_docx() {
    let first = render_docx(MERIDIAN);
    let second = render_docx(MERIDIAN);
    assert_eq!(docx_files(&first), docx_files(&second));
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for out in [&a, &b] {
        secdraft().args(["render", MERIDIAN, "--format", "docx", "--out"]).arg(out).assert().success();
    }
    let listed = listing(&a);
    assert!(listed.iter().all(|(name, _)| name.ends_with(".docx")), "docx alone: {listed:?}");
    assert_eq!(listed, listing(&b));
    let archive = zip::ZipArchive::new(Cursor::new(&listed[0].1)).unwrap();
    let mut archive = archive;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).unwrap();
        assert_eq!(entry.last_modified(), Some(zip::DateTime::DEFAULT), "{}", entry.name());
    }
}

#[test]
fn the_default_formats_are_unchanged_and_tie_out_needs_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts");
    secdraft().args(["render", MERIDIAN, "--out"]).arg(&out).assert().success();
    assert!(listing(&out).iter().all(|(name, _)| name.ends_with(".md") || name.ends_with(".htm")));
    secdraft()
        .args(["render", MERIDIAN, "--format", "htm,docx", "--tie-out", "--out"])
        .arg(dir.path().join("other"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--tie-out needs the Markdown drafts"));
    secdraft()
        .args(["render", MERIDIAN, "--format", "pdf", "--out"])
        .arg(dir.path().join("other"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: md, htm, docx"));
}

/// A DOCX as Word would leave it after an edit: the same package, one part changed.
fn edit_docx(path: &Path, from: &str, to: &str) {
    let bytes = fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().to_owned();
        let mut content = String::new();
        entry.read_to_string(&mut content).unwrap();
        if name == "word/document.xml" {
            assert!(content.contains(from));
            content = content.replacen(from, to, 1);
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(content.as_bytes()).unwrap();
    }
    fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

#[test]
fn a_docx_edited_since_secdraft_wrote_it_survives_a_render() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts");
    let render = || {
        let mut cmd = secdraft();
        cmd.args(["render", MERIDIAN, "--format", "md,htm,docx", "--out"]).arg(&out);
        cmd
    };
    render().assert().success();
    // Untouched: rendered again, replaced; and --check finds the folder as the terms make it.
    render().assert().success();
    secdraft()
        .args(["render", MERIDIAN, "--format", "md,htm,docx", "--check", "--out"])
        .arg(&out)
        .assert()
        .success();
    let release = out.join("press-release.docx");
    edit_docx(&release, "Meridian", "Meridian (as counsel edited)");
    let before = listing(&out);
    render()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("press-release.docx (edited by hand since secdraft wrote it)"));
    assert_eq!(listing(&out), before, "the edit and every other draft survive");
    secdraft()
        .args(["render", MERIDIAN, "--format", "md,htm,docx", "--check", "--out"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("changed:").and(predicate::str::contains("press-release.docx")));
    // A Word file of counsel's own under a draft's name is not secdraft's.
    fs::write(out.join("schedule-to.docx"), b"PK\x03\x04 counsel's own").unwrap();
    render().assert().code(2).stderr(predicate::str::contains("schedule-to.docx (not written by secdraft)"));
    render().arg("--force").assert().success();
    assert_eq!(
        secdraft::output::existing(&fs::read(&release).unwrap()),
        secdraft::output::Existing::Untouched
    );
}

#[test]
fn the_terms_can_ask_for_word_and_the_command_line_wins() {
    let terms = format!(
        "{}\n",
        std::fs::read_to_string("data/meridian-exchange-commenced.yaml").unwrap().replacen(
            "presentation:\n",
            "presentation:\n  formats: [md, docx]\n",
            1
        )
    );
    assert!(terms.contains("formats: [md, docx]"), "the example has a presentation section");
    let (dir, path) = crate::common::scratch_terms(&terms);
    let out = dir.path().join("out");
    crate::common::secdraft().args(["render", "--out"]).arg(&out).arg(&path).assert().success();
    assert!(out.join("offer-to-exchange.docx").is_file());
    assert!(out.join("offer-to-exchange.md").is_file());
    assert!(!out.join("offer-to-exchange.htm").exists(), "htm was not asked for");
    let cli = dir.path().join("cli");
    crate::common::secdraft()
        .args(["render", "--format", "htm", "--out"])
        .arg(&cli)
        .arg(&path)
        .assert()
        .success();
    assert!(cli.join("offer-to-exchange.htm").is_file());
    assert!(!cli.join("offer-to-exchange.docx").exists(), "--format wins over the terms");
    let empty = terms.replacen("formats: [md, docx]", "formats: []", 1);
    crate::common::refused_at(&empty, "formats: []", "name at least one form");
}
