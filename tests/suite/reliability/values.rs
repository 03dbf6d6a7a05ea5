//! Values stay text, and no figure or count panics, wraps or exhausts memory.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use regex::Regex;

use crate::common::{EXAMPLE, secdraft};

const COMMENCED: &str = "data/meridian-exchange-commenced.yaml";
const AUCTION_RESULTS: &str = "data/northwind-dutch-auction-results.yaml";

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "values-{name}-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The example with the field of the first line that starts with `key` (indentation
/// included; it may go on into the value, to tell the field from another of its name) given
/// `value`, written as YAML; the lines of a block value it replaces go with it.
fn with_field(example: &str, key: &str, value: &str) -> String {
    let text = fs::read_to_string(example).unwrap();
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    let mut found = false;
    while let Some(line) = lines.next() {
        if !found && line.starts_with(key) {
            found = true;
            let name = key.split_once(':').map_or(key, |(name, _)| name);
            out.push_str(&format!("{name}: {value}\n"));
            let indent = line.len() - line.trim_start().len();
            while lines.peek().is_some_and(|next| next.len() - next.trim_start().len() > indent) {
                lines.next();
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    assert!(found, "{example} has no line starting {key:?}");
    out
}

/// A text value as a YAML double-quoted scalar.
fn quoted(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || !c.is_ascii() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write_terms(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("terms.yaml");
    fs::write(&path, text).unwrap();
    path
}

/// Renders terms into a folder of `dir`; the files by name, or the failure's stderr.
fn render(dir: &Path, terms: &Path) -> Result<BTreeMap<String, String>, String> {
    let out = dir.join("out");
    let result = secdraft().args(["render"]).arg(terms).arg("--out").arg(&out).output().unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    if !result.status.success() {
        return Err(stderr);
    }
    // The drafts, not the copies of them kept as bases in `.secdraft/`.
    Ok(fs::read_dir(&out)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_type().unwrap().is_file())
        .map(|e| {
            let path = e.unwrap().path();
            (path.file_name().unwrap().to_string_lossy().into_owned(), fs::read_to_string(&path).unwrap())
        })
        .collect())
}

/// Every tag of an HTML page in order, attributes included; comments (the generation stamp
/// carries a hash of the text) left out.
fn structure(html: &str) -> Vec<String> {
    let tag = Regex::new(r"<[^!][^>]*>").unwrap();
    tag.find_iter(html).map(|m| m.as_str().to_owned()).collect()
}

/// What a reader sees of some HTML: tags dropped, character references decoded, blanks
/// collapsed.
fn visible(html: &str) -> String {
    let tag = Regex::new(r"<[^>]*>").unwrap();
    let reference = Regex::new(r"&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);").unwrap();
    let text = tag.replace_all(html, " ");
    let decoded = reference.replace_all(&text, |c: &regex::Captures| {
        let name = &c[1];
        let code = match name {
            "amp" => '&' as u32,
            "lt" => '<' as u32,
            "gt" => '>' as u32,
            "quot" => '"' as u32,
            "apos" => '\'' as u32,
            "nbsp" => ' ' as u32,
            _ if name.starts_with("#x") => u32::from_str_radix(&name[2..], 16).unwrap(),
            _ => name[1..].parse().unwrap(),
        };
        char::from_u32(code).unwrap().to_string()
    });
    collapse(&decoded)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The elements `name` of a page (`p`, `h1`), each as a reader sees it.
fn elements(html: &str, name: &str) -> Vec<String> {
    let element = Regex::new(&format!(r"(?s)<{name}[ >].*?</{name}>")).unwrap();
    element.find_iter(html).map(|m| visible(m.as_str())).collect()
}

/// Values that Markdown would read as structure: each must print as the text it is, in the
/// paragraph (or heading) its template puts it in, and leave every tag of the set as it was.
const HOSTILE: &[&str] = &[
    "Acme\n~~~\nthe rest",
    "Acme\n```\nthe rest",
    "    four spaces first",
    "\tA tab first",
    "Acme\n===",
    "Acme\n---",
    "***",
    "___",
    "- - -",
    "Acme\n\nA second paragraph",
    "Acme\n   \nA line of blanks between",
    "Acme  \nTwo trailing spaces",
    "Acme\\\nA backslash at the end of a line",
    "<div>\nblock\n</div>",
    "Acme\n<div>\nblock",
    "| a | b |\n|---|---|\n| c | d |",
    "Acme[^1]\n\n[^1]: a footnote",
    "[ref]: https://example.com",
    "Acme {#id .class}",
    "Acme ##",
    "1. first\n2. second",
    "> quoted",
    "- item\n+ item\n* item",
    "# heading",
    "Acme\n\n\n",
];

#[test]
fn hostile_values_print_literally_in_their_paragraph_and_change_no_structure() {
    let dir = scratch("structure");
    let baseline = render(&dir, &write_terms(&dir, &with_field(EXAMPLE, "  about:", "Plain text"))).unwrap();
    for value in HOSTILE {
        let dir = scratch("hostile");
        let terms = write_terms(&dir, &with_field(EXAMPLE, "  about:", &quoted(value)));
        let files = render(&dir, &terms).unwrap_or_else(|e| panic!("{value:?}: {e}"));
        for (name, html) in files.iter().filter(|(n, _)| n.ends_with(".htm")) {
            assert_eq!(
                structure(html),
                structure(&baseline[name]),
                "{value:?} changed the structure of {name}"
            );
        }
        let release = &files["press-release.htm"];
        assert!(
            elements(release, "p").contains(&collapse(value)),
            "{value:?} is not a paragraph of its own text in the press release"
        );
    }
}

#[test]
fn hostile_values_inline_stay_in_the_sentence() {
    let dir = scratch("inline");
    let baseline = render(&dir, &write_terms(&dir, &with_field(EXAMPLE, "  name:", "Plain Name"))).unwrap();
    for value in HOSTILE {
        let dir = scratch("inline");
        let terms = write_terms(&dir, &with_field(EXAMPLE, "  name:", &quoted(value)));
        let files = render(&dir, &terms).unwrap_or_else(|e| panic!("{value:?}: {e}"));
        let html = &files["press-release.htm"];
        assert_eq!(structure(html), structure(&baseline["press-release.htm"]), "{value:?}");
        assert!(
            elements(html, "p").iter().any(|p| p.contains(&collapse(value))),
            "{value:?} is not inside a paragraph of the press release"
        );
    }
}

#[test]
fn a_title_at_the_end_of_a_heading_stays_in_the_heading() {
    for value in ["Common Stock {#id .class}", "Common Stock ##", "Common Stock #"] {
        let dir = scratch("heading");
        let terms = write_terms(&dir, &with_field(COMMENCED, "  title: Common Stock", &quoted(value)));
        let files = render(&dir, &terms).unwrap_or_else(|e| panic!("{value:?}: {e}"));
        let release = &files["press-release.htm"];
        let headings = elements(release, "h1");
        assert!(headings.iter().any(|h| h.ends_with(value)), "{value:?} in {headings:?}");
        assert!(!release.contains("id=\"id\""), "{value:?} became a heading attribute");
    }
}

/// Runs secdraft; its exit code and stderr, never a panic.
fn run(args: &[&str], terms: &Path) -> (i32, String) {
    let output = secdraft().args(args).arg(terms).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    (output.status.code().unwrap_or(-1), stderr)
}

#[test]
fn figures_of_any_size_print_or_are_refused_never_a_panic() {
    // A text value of 26 digits is read as a number by the tie-out.
    let dir = scratch("digits");
    let digits = write_terms(&dir, &with_field(EXAMPLE, "  short_name:", "\"12345678901234567890123456\""));
    assert_eq!(run(&["figures"], &digits).0, 0);
    let out = dir.join("out");
    let output =
        secdraft().arg("render").arg(&digits).arg("--out").arg(&out).arg("--tie-out").output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(fs::read_to_string(out.join("tie-out.md")).unwrap().contains("| 201% |"));

    // A tiny closing price: a premium of 28 digits, checked and rendered at four places.
    let dir = scratch("tiny");
    let tiny = with_field(EXAMPLE, "    price:", "0.0000000000000000000001");
    let tiny = tiny.replace("    premium: 0\n", "    premium: 4\n");
    let tiny = write_terms(&dir, &tiny);
    let (code, stderr) = run(&["check"], &tiny);
    assert!(code == 0 || code == 1, "{stderr}");
    let files = render(&dir, &tiny).unwrap();
    assert!(files["press-release.md"].contains("249,999,999,999,999,999,999,900.0000%"));
}

#[test]
fn a_template_may_ask_for_ten_places_of_a_large_amount() {
    let dir = scratch("places");
    let templates = dir.join("templates");
    fs::create_dir(&templates).unwrap();
    fs::write(templates.join("_about.md"), "{{ terms.security.closing_price.price | money(places=10) }}\n")
        .unwrap();
    let terms = write_terms(&dir, &with_field(EXAMPLE, "    price:", "1234567890123456789012.91"));
    let out = dir.join("out");
    let output = secdraft()
        .arg("render")
        .arg(&terms)
        .arg("--out")
        .arg(&out)
        .arg("--templates")
        .arg(&templates)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.status.success(), "{stderr}");
    let release = fs::read_to_string(out.join("press-release.md")).unwrap();
    assert!(release.contains("$1,234,567,890,123,456,789,012.9100000000"), "{release}");

    // More places than the filter allows: the template's own line and column.
    fs::write(templates.join("_about.md"), "{{ terms.security.closing_price.price | money(places=11) }}\n")
        .unwrap();
    let output = secdraft()
        .arg("render")
        .arg(&terms)
        .arg("--out")
        .arg(dir.join("out2"))
        .arg("--templates")
        .arg(&templates)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("_about.md:1:"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_mistyped_auction_increment_is_refused_at_its_field_without_listing_its_prices() {
    let dir = scratch("increment");
    let terms = write_terms(&dir, &with_field(AUCTION_RESULTS, "    increment:", "0.000000001"));
    let started = std::time::Instant::now();
    for command in [&["figures"][..], &["check"][..]] {
        let (code, stderr) = run(command, &terms);
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.contains("offer.auction.increment: the range $20.00 to $22.00 in steps of $0.000000001"),
            "{stderr}"
        );
        assert!(stderr.contains("terms.yaml:72:16"), "{stderr}");
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn tender_counts_that_would_wrap_are_refused_at_their_field() {
    let dir = scratch("wrap");
    let text = fs::read_to_string(AUCTION_RESULTS).unwrap();
    let text = text
        .replace("    - shares: 1_200_000 ", "    - shares: 18446744073709000000 ")
        .replace("      shares: 800_000\n", "      shares: 18446744073709000000\n");
    let terms = write_terms(&dir, &text);
    let (code, stderr) = run(&["figures"], &terms);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("results.tenders_by_price: the tenders by price add up to more than"),
        "{stderr}"
    );
    assert!(stderr.contains("terms.yaml:111:"), "{stderr}");
}

#[test]
fn bidirectional_controls_and_invisible_text_are_refused_at_their_field() {
    for (value, message) in [
        ("Ault \u{202E}ecnaillA", "the text contains the bidirectional control character U+202E"),
        ("Ault \u{2066}Alliance\u{2069}", "the text contains the bidirectional control character U+2066"),
        ("\u{200B}\u{2060}\u{FEFF}", "the text is empty: it holds only zero-width characters"),
        ("\u{200C} \u{200D}", "the text is empty: it holds only zero-width characters"),
    ] {
        let dir = scratch("bidi");
        let terms = write_terms(&dir, &with_field(EXAMPLE, "  name:", &quoted(value)));
        let (code, stderr) = run(&["check"], &terms);
        assert_eq!(code, 2, "{value:?}: {stderr}");
        assert!(stderr.contains(&format!("issuer.name: {message}")), "{value:?}: {stderr}");
        assert!(stderr.contains("terms.yaml:13:9"), "{value:?}: {stderr}");
    }
    // Zero-width characters within text are text.
    let dir = scratch("zero-width");
    let terms = write_terms(&dir, &with_field(EXAMPLE, "  name:", &quoted("Ault\u{200B}Alliance, Inc.")));
    assert!(render(&dir, &terms).is_ok());
}

#[test]
fn words_given_for_a_number_are_not_a_number() {
    for word in ["none", "TBE", "see below"] {
        let dir = scratch("word");
        let terms = write_terms(&dir, &with_field(EXAMPLE, "    price:", word));
        let (code, stderr) = run(&["check"], &terms);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(&format!("`{word}` is not a number")), "{word}: {stderr}");
        assert!(!stderr.contains("exponent"), "{word}: {stderr}");
    }
}

#[test]
fn a_value_a_built_in_template_cannot_print_is_reported_at_its_terms_field() {
    let dir = scratch("built-in");
    let text = fs::read_to_string(COMMENCED).unwrap().replace(
        "    aggregate_liquidation_preference: 15_000_000\n",
        "    block:\n      shares: 1\n      new_shares: 1_000_000_000_000_000\n",
    );
    let terms = write_terms(&dir, &text);
    let (code, stderr) = run(&["render", "--out", dir.join("out").to_str().unwrap()], &terms);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("error: offer.consideration.block.new_shares:"), "{stderr}");
    assert!(stderr.contains("terms.yaml:95:19"), "{stderr}");
    assert!(stderr.contains("the built-in template"), "{stderr}");
    assert!(!dir.join("out").exists());
}

#[test]
fn figures_before_an_amendment_that_fail_are_reported_at_their_field() {
    let dir = scratch("before-amendment");
    let text = fs::read_to_string("data/meridian-exchange-amended.yaml").unwrap().replace(
        "    aggregate_liquidation_preference: 15_000_000\n",
        "    aggregate_liquidation_preference: 15_000_010\n",
    );
    let terms = write_terms(&dir, &text);
    for command in [&["figures"][..], &["check"][..]] {
        let (code, stderr) = run(command, &terms);
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.contains(
                "error: offer.consideration.aggregate_liquidation_preference: before Amendment No. 1:"
            ),
            "{stderr}"
        );
        assert!(stderr.contains("terms.yaml:92:39"), "{stderr}");
    }
}

/// A disclosure text in each way counsel write paragraphs in YAML, with what Markdown would
/// read as structure in every paragraph: the YAML of the value (its block lines indented by
/// `indent`), and the paragraphs a reader must see, in order.
fn paragraph_values(indent: &str) -> Vec<(String, Vec<&'static str>)> {
    let first = "~~~ The exchange of Shares for Series D Preferred Stock is taxable <b>to holders</b> {#id}.";
    let second = "four spaces first: a holder that tenders # x recognises gain <b>or loss</b> {#id}.";
    let third = "# x A holder that does not tender ~~~ keeps its Shares <b>and</b> {#id}";
    let block = |style: &str, lines: &[&str]| {
        let mut yaml = style.to_owned();
        for line in lines {
            yaml.push('\n');
            if !line.is_empty() {
                yaml.push_str(indent);
                yaml.push_str(line);
            }
        }
        yaml
    };
    let literal_first =
        ["~~~ The exchange of Shares for Series D Preferred Stock", "is taxable <b>to holders</b> {#id}."];
    let literal_second =
        ["", "    four spaces first: a holder that tenders", "# x recognises gain <b>or loss</b> {#id}."];
    let literal_third = ["", "# x A holder that does not tender", "~~~ keeps its Shares <b>and</b> {#id}"];
    // In a folded block the lines of a paragraph are joined and the blank line between two
    // becomes one line break; a more-indented line keeps its own.
    let folded_second =
        ["", "four spaces first: a holder that tenders", "# x recognises gain <b>or loss</b> {#id}."];
    let folded_third = ["", "    # x A holder that does not tender ~~~ keeps its Shares <b>and</b> {#id}"];
    vec![
        (block("|", &[&literal_first[..], &literal_second].concat()), vec![first, second]),
        (
            block("|", &[&literal_first[..], &literal_second, &literal_third].concat()),
            vec![first, second, third],
        ),
        (block(">", &[&literal_first[..], &folded_second].concat()), vec![first, second]),
        (
            block(">-", &[&literal_first[..], &folded_second, &folded_third].concat()),
            vec![first, second, third],
        ),
        (quoted(&format!("{first}\n\n    {second}")), vec![first, second]),
        (quoted(&format!("{first}\n\n    {second}\n  \n{third}\n")), vec![first, second, third]),
    ]
}

/// The paragraphs of a page from the one that starts `paragraphs`, as many as it has.
fn paragraphs_from(html: &str, paragraphs: &[&str]) -> Vec<String> {
    let all = elements(html, "p");
    let start = all.iter().position(|p| p == paragraphs[0]).unwrap_or(all.len());
    all.into_iter().skip(start).take(paragraphs.len()).collect()
}

/// The commenced example with `field` (a line of `disclosure`, or its first risk factor's
/// `text`) holding `yaml`.
fn with_disclosure(field: &str, yaml: &str) -> String {
    if field == "text" {
        return with_field(COMMENCED, "      text:", yaml);
    }
    let text = fs::read_to_string(COMMENCED).unwrap();
    assert!(!text.contains(&format!("\n  {field}:")), "{field} is in {COMMENCED}");
    text.replace("\ndisclosure:\n", &format!("\ndisclosure:\n  {field}: {yaml}\n"))
}

#[test]
fn disclosure_texts_and_risk_factors_keep_their_paragraphs_and_nothing_else() {
    for (field, document) in [
        ("text", "offer-to-exchange.htm"),
        ("tax", "offer-to-exchange.htm"),
        ("past_contacts", "offer-to-exchange.htm"),
        ("financial_statements", "schedule-to.htm"),
    ] {
        let dir = scratch("paragraphs");
        let one = render(&dir, &write_terms(&dir, &with_disclosure(field, "One paragraph."))).unwrap();
        let one = &one[document];
        let indent = if field == "text" { "        " } else { "    " };
        for (yaml, expected) in paragraph_values(indent) {
            let dir = scratch("paragraphs");
            let terms = write_terms(&dir, &with_disclosure(field, &yaml));
            let files = render(&dir, &terms).unwrap_or_else(|e| panic!("{field} {yaml}: {e}"));
            let html = &files[document];
            assert_eq!(paragraphs_from(html, &expected), expected, "{field} {yaml}");
            // One more paragraph for each paragraph the value has, and no other element.
            let tags = |html: &str| structure(html).into_iter().filter(|t| t != "</p>").collect::<Vec<_>>();
            let (tags, one_tags) = (tags(html), tags(one));
            assert_eq!(tags.len(), one_tags.len() + expected.len() - 1, "{field} {yaml}");
            let other =
                |tags: &[String]| tags.iter().filter(|t| !t.starts_with("<p")).cloned().collect::<Vec<_>>();
            assert!(other(&tags) == other(&one_tags), "{field} {yaml} changed the structure of {document}");
        }
    }
}

#[test]
fn a_value_inside_a_sentence_stays_one_paragraph() {
    let dir = scratch("inline-paragraphs");
    let baseline = render(&dir, &write_terms(&dir, &fs::read_to_string(COMMENCED).unwrap())).unwrap();
    let title = "The Company is a holding company\n\nand relies on its subsidiaries to fund dividends.";
    let terms = fs::read_to_string(COMMENCED).unwrap().replace(
        "- title: The Company is a holding company and relies on its subsidiaries to fund dividends.",
        &format!("- title: {}", quoted(title)),
    );
    let files = render(&dir, &write_terms(&dir, &terms)).unwrap();
    let offer = &files["offer-to-exchange.htm"];
    assert_eq!(structure(offer), structure(&baseline["offer-to-exchange.htm"]));
    assert!(elements(offer, "p").contains(&collapse(title)), "{title:?}");
}

#[test]
fn the_source_of_funds_continues_the_offer_s_paragraph_then_keeps_its_own() {
    let dir = scratch("source-of-funds");
    let value = "The Company will pay the fees\nfrom cash on hand.\n\n# x No financing is needed.";
    let terms = with_disclosure("source_of_funds", &quoted(value));
    let files = render(&dir, &write_terms(&dir, &terms)).unwrap();
    let paragraphs = elements(&files["offer-to-exchange.htm"], "p");
    let first =
        paragraphs.iter().position(|p| p.ends_with("The Company will pay the fees from cash on hand."));
    let first = first.unwrap_or_else(|| panic!("{paragraphs:?}"));
    assert!(paragraphs[first].starts_with("The consideration in the Offer"), "{}", paragraphs[first]);
    assert_eq!(paragraphs[first + 1], "# x No financing is needed.");
}

/// The changelog of `diff` names documents and folders as the file system spells them: a
/// file named like a Markdown link or emphasis prints literally, in every line that names it.
#[test]
fn the_changelog_prints_document_and_folder_names_literally() {
    let dir = scratch("diff-names");
    let (old, new) = (dir.join("old_*v1*"), dir.join("new"));
    fs::create_dir_all(&old).unwrap();
    fs::create_dir_all(&new).unwrap();
    let link = "[x](javascript:alert(1)).md";
    fs::write(old.join(link), "The offer expires on Friday.\n").unwrap();
    fs::write(new.join(link), "The offer expires on Monday.\n").unwrap();
    fs::write(old.join("*draft*.md"), "Same text.\n").unwrap();
    fs::write(new.join("*draft*.md"), "Same text.\n").unwrap();
    fs::write(old.join("_gone_.md"), "Only here.\n").unwrap();
    let out = dir.join("blacklines");
    secdraft().arg("diff").arg(&old).arg(&new).arg("--out").arg(&out).assert().success();
    let changes = fs::read_to_string(out.join("changes.md")).unwrap();
    let documents = changes.split("## Documents").nth(1).unwrap();
    assert!(documents.contains(r"- \*draft\*.md: unchanged"), "{changes}");
    assert!(documents.contains(r"- \[x\](javascript:alert(1)).md: 2 changes"), "{changes}");
    assert!(documents.contains(r"(blackline: \[x\](javascript:alert(1))-blackline.htm)"), "{changes}");
    assert!(documents.contains(r"- \_gone\_.md: only in "), "{changes}");
    assert!(documents.contains(r"old\_\*v1\*"), "{changes}");
    for raw in ["- [x](", "- *draft*", "- _gone_", "old_*v1*"] {
        assert!(!documents.contains(raw), "{raw} unescaped: {changes}");
    }
}

/// A terms file saved with CR-only line endings counts its lines as the YAML parser does: a
/// byte that is not UTF-8 on its third line is reported there, the caret under it.
#[test]
fn a_byte_that_is_not_utf8_is_placed_at_its_line_whatever_the_line_endings() {
    let dir = scratch("cr-not-utf8");
    let terms = dir.join("terms.yaml");
    fs::write(&terms, b"issuer:\r  name: Acme\r  short_name: Ac\xFFme\rsecurity: {}\r").unwrap();
    let failed = secdraft().arg("render").arg(&terms).arg("--out").arg(dir.join("out")).assert().code(2);
    let stderr = String::from_utf8_lossy(&failed.get_output().stderr).into_owned();
    assert!(stderr.contains("terms.yaml:3:17"), "{stderr}");
    assert!(stderr.contains("3 |   short_name: Ac\u{FFFD}me"), "{stderr}");
    let caret_line = stderr.lines().skip_while(|l| !l.contains("3 |   short_name")).nth(1).unwrap_or("");
    let bar = caret_line.find('|').unwrap();
    let quoted = stderr.lines().find(|l| l.contains("3 |   short_name")).unwrap();
    assert_eq!(caret_line.find('^').map(|c| c - bar), quoted.find('\u{FFFD}').map(|c| c - bar), "{stderr}");
}

/// A file of `--templates` that is not a readable regular file stops the render, named with
/// what it is: skipped, the built-in template would render in its place, the wrong text.
#[cfg(unix)]
#[test]
fn a_template_that_cannot_be_read_is_refused_not_replaced_by_the_built_in_one() {
    use std::os::unix::fs::symlink;
    type Make = fn(&Path);
    let cases: [(&str, Make, &str); 4] = [
        ("offer.md", |p| symlink(p.with_file_name("gone.md"), p).unwrap(), "a symbolic link to nothing"),
        ("offer.md", |p| symlink("/dev/null", p).unwrap(), "a symbolic link to a character device"),
        (
            "_cover.md",
            |p| assert!(std::process::Command::new("mkfifo").arg(p).status().unwrap().success()),
            "a named pipe (FIFO)",
        ),
        ("_cover.md", |p| symlink(p, p).unwrap(), "a symbolic link loop"),
    ];
    for (name, make, what) in cases {
        let dir = scratch("unreadable-template");
        let templates = dir.join("templates");
        fs::create_dir_all(&templates).unwrap();
        make(&templates.join(name));
        let out = dir.join("out");
        secdraft()
            .args(["render", EXAMPLE, "--out"])
            .arg(&out)
            .arg("--templates")
            .arg(&templates)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicates::str::contains(format!(
                "cannot read the template {}",
                templates.join(name).display()
            )))
            .stderr(predicates::str::contains(format!("it is {what}")));
        assert!(!out.exists(), "{name}: {what}");
    }
    // A link to a regular file is the file.
    let dir = scratch("linked-template");
    let templates = dir.join("templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(dir.join("press.md"), "LINKED PRESS RELEASE\n").unwrap();
    symlink(dir.join("press.md"), templates.join("press-release.md")).unwrap();
    let out = dir.join("out");
    secdraft()
        .args(["render", EXAMPLE, "--out"])
        .arg(&out)
        .arg("--templates")
        .arg(&templates)
        .assert()
        .success();
    assert!(fs::read_to_string(out.join("press-release.md")).unwrap().ends_with("\nLINKED PRESS RELEASE\n"));
}
