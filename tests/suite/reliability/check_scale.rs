//! `check` and `diff` at the size of real filings and on hostile text.
//!
//! The large inputs here are built in memory and are of a moderate size: the tests assert the
//! findings, not the time, and simply turn slow if a rule turns quadratic again (the speed
//! itself is measured by `cargo bench`, see BENCHMARKS.md).

use crate::common::{EXAMPLE, secdraft};

fn json_findings(output: &std::process::Output) -> Vec<serde_json::Value> {
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    report["findings"].as_array().expect("a findings array").clone()
}

fn of_rule<'a>(findings: &'a [serde_json::Value], rule: &str) -> Vec<&'a serde_json::Value> {
    findings.iter().filter(|f| f["rule"] == rule).collect()
}

#[test]
fn two_megabytes_of_html_with_a_curly_quote_on_every_line_give_one_finding_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!("<p>\u{201c}quoted\u{201d} {}</p>\n", "Plain words of the offer. ".repeat(3));
    let lines = 2_000_000 / line.len();
    let page = format!("<html>\n<body>\n{}</body>\n</html>\n", line.repeat(lines));
    let file = dir.path().join("big.htm");
    std::fs::write(&file, &page).unwrap();

    let out = secdraft().args(["check", "--format", "json"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let findings = json_findings(&out);
    let bytes = of_rule(&findings, "edgar-bytes");
    assert_eq!(bytes.len(), lines, "one edgar-bytes finding per line");
    let quote_column = line.find('\u{201c}').unwrap() as u64 + 1;
    for (i, f) in bytes.iter().enumerate() {
        assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(i as u64 + 3), Some(quote_column)));
        assert_eq!(f["text"], "\u{201c}");
    }

    // The human report quotes each line with a caret under the quote.
    let human = secdraft().arg("check").arg(&file).output().unwrap();
    let text = String::from_utf8(human.stdout).unwrap();
    assert_eq!(text.matches("error[edgar-bytes]").count(), lines);
    let last = format!("big.htm:{}:{quote_column}: error[edgar-bytes]", lines + 2);
    let at = text.find(&last).unwrap_or_else(|| panic!("no finding `{last}`"));
    let mut report_lines = text[at..].lines().skip(1);
    let shown: String = line.chars().take(quote_column as usize - 1 + 80).collect();
    assert_eq!(report_lines.next(), Some(format!("  | {shown}...").as_str()));
    assert_eq!(report_lines.next(), Some(format!("  | {}^", " ".repeat(quote_column as usize - 1)).as_str()));
}

#[test]
fn long_lines_of_unmatched_brackets_are_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let brackets = "[".repeat(200_000);
    let notes = 10_000;
    let source = format!("{brackets} TBD\n{}\n", "[__] ".repeat(notes));
    let file = dir.path().join("brackets.md");
    std::fs::write(&file, &source).unwrap();

    let out = secdraft().args(["check", "--format", "json"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let findings = json_findings(&out);
    let placeholders = of_rule(&findings, "placeholder");
    assert_eq!(placeholders.len(), notes + 1, "TBD and every [__]");
    assert_eq!(
        (placeholders[0]["line"].as_u64(), placeholders[0]["column"].as_u64()),
        (Some(1), Some(200_002))
    );
    assert_eq!(placeholders[0]["text"], "TBD");
    for (i, f) in placeholders[1..].iter().enumerate() {
        assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(2), Some(5 * i as u64 + 1)));
        assert_eq!(f["text"], "[__]");
    }

    // Each of the ten thousand findings of line 2 shows only its neighbourhood of the line.
    let human = secdraft().arg("check").arg(&file).output().unwrap();
    let text = String::from_utf8(human.stdout).unwrap();
    assert_eq!(text.matches("error[placeholder]").count(), notes + 1);
    let excerpt = format!("  | ...{}...", &"[__] ".repeat(24)[..120]);
    assert!(text.contains(&excerpt), "no windowed excerpt in the report");
    assert!(text.lines().all(|l| l.chars().count() < 200), "a report line quotes too much");
}

#[test]
fn control_characters_of_a_document_reach_the_terminal_as_symbols() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("escapes.md");
    // An escape sequence that would clear the screen and a bell, inside a placeholder note.
    std::fs::write(&file, "Price: [to \u{1b}[2J\u{1b}[31mconfirm\u{7} with counsel]\n").unwrap();

    let out = secdraft().arg("check").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error[placeholder]"), "{text}");
    for control in ['\u{1b}', '\u{7}'] {
        assert!(!text.contains(control), "U+{:04X} echoed: {text:?}", control as u32);
    }
    assert!(text.contains("[to \u{241b}[2J\u{241b}[31mconfirm\u{2407} with counsel]"), "{text}");
    // The caret still stands under the note (from its last `[`): each symbol is one character.
    let quoted = text.lines().find(|l| l.starts_with("  | Price")).unwrap();
    let caret = text.lines().find(|l| l.starts_with("  | ") && l.trim_end().ends_with('^')).unwrap();
    let note_at = quoted[..quoted.find("[31m").unwrap()].chars().count();
    assert_eq!(caret.find('^'), Some(note_at));
}

#[test]
fn sarif_uris_are_percent_encoded() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft #2 of 50%.md");
    std::fs::write(&file, "The price is TBD.\n").unwrap();

    let out = secdraft().args(["check", "--format", "sarif"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(uri.ends_with("/draft%20%232%20of%2050%25.md"), "{uri}");
    let folder = dir.path().to_string_lossy().replace('\\', "/");
    assert!(!uri.contains(' ') && !uri.contains('#'), "{uri}");
    // Decoded, the URI is the file's path again.
    let decoded = percent_decoded(&uri);
    assert_eq!(decoded, format!("{folder}/draft #2 of 50%.md"));
}

fn percent_decoded(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&uri[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn numeric_references_to_no_character_are_refused_where_they_stand() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("refs.htm");
    let body = "<p>zero &#0; surrogate &#xD800;</p>\n<p>past &#x110000; long &#00000000065; fine &#65; &#x10FFFF;</p>\n";
    std::fs::write(&file, format!("<html>\n<body>\n{body}</body>\n</html>\n")).unwrap();

    let out = secdraft().args(["check", "--format", "json"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
    let findings = json_findings(&out);
    let refused: Vec<(u64, u64, &str)> = of_rule(&findings, "edgar-numeric-reference")
        .iter()
        .map(|f| (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap(), f["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        refused,
        [(3, 9, "&#0;"), (3, 24, "&#xD800;"), (4, 9, "&#x110000;"), (4, 25, "&#00000000065;")]
    );
    assert!(of_rule(&findings, "edgar-numeric-reference").iter().all(|f| f["severity"] == "error"));
}

#[test]
fn a_diff_of_three_hundred_thousand_words_all_changed_is_a_full_blackline() {
    let dir = tempfile::tempdir().unwrap();
    let paragraphs = 30_000;
    // Ten words a paragraph, each paragraph's last word changed.
    let text = |last: &str| -> String {
        (0..paragraphs).map(|i| format!("Paragraph {i} of the offer is open to holders {last}\n\n")).collect()
    };
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("offer.txt"));
    std::fs::write(&old, text("alpha")).unwrap();
    std::fs::write(&new, text("beta")).unwrap();
    let out_dir = dir.path().join("blacklines");

    let out = secdraft().arg("diff").arg(&old).arg(&new).arg("--out").arg(&out_dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(summary.contains(&format!("offer.txt: {} changes", 2 * paragraphs)), "{summary}");

    let html = std::fs::read_to_string(out_dir.join("offer-blackline.htm")).unwrap();
    let changed = "<strike style=\"color: #a00000; text-decoration: line-through\">alpha</strike><u style=\"color: #1f3d99; text-decoration: underline\">beta</u></p>";
    assert_eq!(html.matches(changed).count(), paragraphs, "each paragraph with its one word changed");
    assert!(
        html.contains(&format!(
            "{} changes: {paragraphs} insertions, {paragraphs} deletions",
            2 * paragraphs
        ))
    );
    // In order, and each paragraph's unchanged words kept as they were.
    let mut from = 0;
    for i in [0, 1, paragraphs / 2, paragraphs - 1] {
        let at = html[from..].find(&format!("Paragraph {i} of the offer is open to holders {changed}"));
        from += at.unwrap_or_else(|| panic!("paragraph {i} missing or out of order"));
    }
}

#[test]
fn set_values_are_escaped_in_the_changelog() {
    let dir = tempfile::tempdir().unwrap();
    let value = "a *bold* [x](y) <b>holding</b> `company";
    let out = secdraft()
        .args(["diff", EXAMPLE, "--set"])
        .arg(format!("issuer.description={value}"))
        .arg("--out")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let changes = std::fs::read_to_string(dir.path().join("changes.md")).unwrap();
    assert!(
        changes.contains(r"- `issuer.description`: a diversified holding company -> a \*bold\* \[x\](y) \<b>holding\</b> \`company"),
        "{changes}"
    );
    // The changelog read as Markdown shows the value as it was typed, and nothing else of it:
    // no emphasis, link, HTML or code span made of it, the label's code span unbroken.
    use pulldown_cmark::{Event, Parser, Tag};
    let mut text = String::new();
    let mut code = Vec::new();
    for event in Parser::new(&changes) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Code(c) => code.push(c.into_string()),
            Event::Html(h) | Event::InlineHtml(h) if !h.starts_with("<!--") => {
                panic!("HTML {h} made of a value")
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. }) => {
                panic!("markup made of a value: {changes}")
            }
            _ => {}
        }
    }
    assert!(text.contains(&format!("a diversified holding company -> {value}")), "{text}");
    assert!(code.contains(&format!("{EXAMPLE} with --set issuer.description={value}")), "{code:?}");
}
