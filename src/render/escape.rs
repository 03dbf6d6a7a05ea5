//! Escaping for values placed in Markdown templates. Whatever the terms hold (`*`, `_`, `[x](y)`,
//! `<script>`, `&amp;`, `{{ x }}`, a line of `~~~`, four leading spaces) must print literally,
//! inside the sentence the template puts it in: Markdown syntax is backslash-escaped here,
//! HTML is escaped later by the HTML writer, and template syntax is never evaluated because
//! rendered values are never rendered again.
//!
//! Markdown builds blocks from lines, so a value is made one line first: its line breaks
//! (and the spaces around them) become one space, which is how a soft break reads in the
//! HTML anyway, and its leading and trailing spaces go. No value can then end the paragraph
//! it stands in (a blank line), open a block on a line of its own (a fence of `~~~` or
//! backticks, a setext underline, a thematic break, an HTML block, a table row), indent a
//! line into code, or break a line (two trailing spaces). What is left is the value's start,
//! which a template may place at the start of a line, and its end, which may end a heading.
//!
//! Some values are whole sections that counsel write as several paragraphs (the `disclosure`
//! texts, a risk factor's text): [`markdown_paragraphs`] splits those into paragraphs and
//! escapes each one as a value, so the paragraphs survive and still nothing opens a block.

use std::io::Write;

/// Characters that start Markdown syntax wherever they stand (`~` opens a fence).
const ALWAYS: &[char] = &['\\', '`', '*', '_', '[', ']', '|', '~'];

/// Characters that start Markdown syntax at the beginning of a line.
const AT_LINE_START: &[char] = &['#', '>', '-', '+', '='];

pub fn escape_markdown(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(markdown_escaped(input).as_bytes())
}

/// The value on one line: line breaks and the blanks around them become one space, and the
/// blanks at either end go (a leading tab or four spaces would make a line of code).
fn one_line(input: &str) -> std::borrow::Cow<'_, str> {
    let blank = |c: char| c == ' ' || c == '\t';
    let trimmed = input.trim_matches(|c: char| blank(c) || c == '\n' || c == '\r');
    if !trimmed.contains(['\n', '\r']) {
        return std::borrow::Cow::Borrowed(trimmed);
    }
    let lines: Vec<&str> =
        trimmed.split(['\n', '\r']).map(|line| line.trim_matches(blank)).filter(|l| !l.is_empty()).collect();
    std::borrow::Cow::Owned(lines.join(" "))
}

/// The value escaped as Markdown. The marks that name a printed figure (see
/// the ledger) pass through untouched: the text is escaped as if they were not there.
pub fn markdown_escaped(input: &str) -> String {
    let line = one_line(input);
    let mut escaped = String::with_capacity(line.len() + 8);
    let (chars, marks) = super::ledger::visible(&line);
    let mut marks = marks.into_iter().peekable();
    // A run of `#` that ends the value, after a blank, would be read as the closing sequence
    // of a heading and dropped: its first `#` is escaped.
    let closing_hashes = {
        let hashes = chars.iter().rev().take_while(|c| **c == '#').count();
        let start = chars.len() - hashes;
        (hashes > 0 && start > 0 && chars[start - 1].is_whitespace()).then_some(start)
    };
    let mut at_line_start = true;
    // An ordered-list marker (`1.`) is neutralised by escaping its punctuation, since a
    // backslash before a digit is not an escape in Markdown.
    let mut escape_at = None;
    for (i, &c) in chars.iter().enumerate() {
        while let Some((_, mark)) = marks.next_if(|(at, _)| *at == i) {
            escaped.push_str(mark);
        }
        let rest = &chars[i + 1..];
        if at_line_start && c.is_ascii_digit() {
            let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if ordered_list_marker(&chars[i..]) {
                escape_at = Some(i + digits);
            }
        }
        let needs = ALWAYS.contains(&c)
            || (at_line_start && AT_LINE_START.contains(&c))
            || escape_at == Some(i)
            || closing_hashes == Some(i)
            || (c == '<'
                && rest.first().is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')))
            || (c == '&' && entity_follows(rest));
        // A heading whose line ends in `}` takes the braces before it as its attributes
        // (`{#id .class}`, an extension the templates use for anchors), whatever backslashes
        // precede them: a value's final brace is written as a character reference instead.
        if c == '}' && rest.is_empty() {
            escaped.push_str("&#125;");
            continue;
        }
        if needs {
            escaped.push('\\');
        }
        escaped.push(c);
        if !c.is_whitespace() {
            at_line_start = false;
        }
    }
    marks.for_each(|(_, mark)| escaped.push_str(mark));
    escaped
}

/// A value written as paragraphs, escaped paragraph by paragraph (each one line, as any value)
/// and joined with a blank line. See [`paragraphs`] for where one paragraph ends.
pub fn markdown_paragraphs(input: &str) -> String {
    paragraphs(input).iter().map(|p| markdown_escaped(p)).collect::<Vec<_>>().join("\n\n")
}

/// The paragraphs of a value, each as the lines it was written on.
///
/// A blank line (a line holding only blanks) always ends a paragraph: that is how a `|`
/// block and a double-quoted `"\n\n"` keep one. A single line break is ambiguous. In a `|`
/// block it is where counsel wrapped a line of the source, within a paragraph (Markdown reads
/// it as a space). In a folded block (`>`) or a multi-line plain or quoted scalar, YAML has
/// already joined each paragraph's lines into one and turned the blank line between two
/// paragraphs into a single line break (and kept the breaks around a more-indented line).
/// The text tells them apart: a folded paragraph is whole, so the line before each single
/// break ends a sentence (`.`, `?`, `!` or `:`, before any closing quote or bracket), while
/// wrapped lines almost never all do. So single breaks separate paragraphs when every line
/// followed by another ends a sentence, and are spaces otherwise.
fn paragraphs(input: &str) -> Vec<String> {
    let normalised = input.replace("\r\n", "\n").replace('\r', "\n");
    let blank = |line: &str| line.trim_matches([' ', '\t']).is_empty();
    let lines: Vec<&str> = normalised.trim_matches(['\n', ' ', '\t']).split('\n').collect();
    let folded = lines.windows(2).filter(|w| !blank(w[0]) && !blank(w[1])).all(|w| ends_a_sentence(w[0]));
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in lines {
        if blank(line) {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
            continue;
        }
        current.push(line);
        if folded {
            paragraphs.push(current.join("\n"));
            current.clear();
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs
}

/// Whether a line ends with the end of a sentence: `.`, `?`, `!` or `:`, then perhaps closing
/// quotes and brackets.
fn ends_a_sentence(line: &str) -> bool {
    let end = line.trim_end_matches([' ', '\t']).trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    end.ends_with(['.', '?', '!', ':'])
}

/// `1.` or `1)` followed by a space: an ordered list item when it opens a line.
fn ordered_list_marker(from: &[char]) -> bool {
    let digits = from.iter().take_while(|c| c.is_ascii_digit()).count();
    matches!(from.get(digits), Some('.' | ')')) && from.get(digits + 1).is_none_or(|c| c.is_whitespace())
}

/// `&name;` or `&#123;`: text that Markdown would read as a character reference.
fn entity_follows(rest: &[char]) -> bool {
    let body = rest.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '#').count();
    body > 0 && rest.get(body) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_syntax_only_where_it_would_act() {
        assert_eq!(
            markdown_escaped("Smith & <Sons> *Holdings* {{ x }} Ltd"),
            r"Smith & \<Sons> \*Holdings\* {{ x }} Ltd"
        );
        assert_eq!(markdown_escaped("[x](javascript:alert(1))"), r"\[x\](javascript:alert(1))");
        assert_eq!(markdown_escaped("AT&amp;T"), r"AT\&amp;T");
        assert_eq!(markdown_escaped("- item"), "\\- item");
        assert_eq!(markdown_escaped("# head"), "\\# head");
        assert_eq!(markdown_escaped("12. one"), "12\\. one");
        assert_eq!(markdown_escaped("Ault Alliance, Inc."), "Ault Alliance, Inc.");
        assert_eq!(markdown_escaped("NYSE American: AULT - 2023"), "NYSE American: AULT - 2023");
        assert_eq!(markdown_escaped("snake_case"), r"snake\_case");
    }

    #[test]
    fn a_value_is_one_line_and_opens_no_block() {
        assert_eq!(markdown_escaped("Acme\n~~~\nrest"), r"Acme \~\~\~ rest");
        assert_eq!(markdown_escaped("    indented"), "indented");
        assert_eq!(markdown_escaped("one\n\n\ttwo  \r\nthree\n"), "one two three");
        assert_eq!(markdown_escaped("Title\n==="), r"Title ===");
        assert_eq!(markdown_escaped("==="), r"\===");
        assert_eq!(markdown_escaped("Common Stock {#id .class}"), r"Common Stock {#id .class&#125;");
        assert_eq!(markdown_escaped("Fund ##"), r"Fund \##");
        assert_eq!(markdown_escaped("Pkwy #240"), "Pkwy #240");
        assert_eq!(markdown_escaped("\n\n1. first"), r"1\. first");
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_wrapped_lines_join() {
        // A `|` block: lines wrapped in the source, a blank line (maybe of spaces) between.
        let literal = "The exchange of Shares\nis taxable.\n\nA holder that\ntenders.\n  \t\nThird.\n";
        assert_eq!(
            markdown_paragraphs(literal),
            "The exchange of Shares is taxable.\n\nA holder that tenders.\n\nThird."
        );
        // A `|` block of one paragraph: its lines do not all end a sentence.
        assert_eq!(
            markdown_paragraphs("The exchange of Shares\nis taxable. A holder\nthat tenders.\n"),
            "The exchange of Shares is taxable. A holder that tenders."
        );
        // Double-quoted "\n\n", with CR line ends too.
        assert_eq!(markdown_paragraphs("One.\r\n\r\nTwo.\r\rThree."), "One.\n\nTwo.\n\nThree.");
        assert_eq!(markdown_paragraphs("Only one paragraph."), "Only one paragraph.");
        assert_eq!(markdown_paragraphs("\n\n  \n"), "");
    }

    #[test]
    fn a_folded_value_keeps_its_line_breaks_as_paragraphs() {
        // `>` turned each blank line into one line break and joined the rest.
        assert_eq!(
            markdown_paragraphs(
                "The exchange is taxable.\nA holder that tenders (see below):\n“Quoted.”\nLast one\n"
            ),
            "The exchange is taxable.\n\nA holder that tenders (see below):\n\n“Quoted.”\n\nLast one"
        );
        // Two blank lines, or a more-indented line, leave a blank line in a `>` block.
        assert_eq!(markdown_paragraphs("One.\nTwo.\n\n    Three."), "One.\n\nTwo.\n\nThree.");
        // One wrapped line that does not end a sentence: every single break is a space.
        assert_eq!(
            markdown_paragraphs("One.\n\nTwo.\nThree\nstill three."),
            "One.\n\nTwo. Three still three."
        );
    }

    #[test]
    fn each_paragraph_is_escaped_as_a_value() {
        let hostile = "~~~\nfenced\n\n    four spaces\n\n# heading {#id}\n\n<b>bold</b>\n\n1. item\n\n===";
        assert_eq!(
            markdown_paragraphs(hostile),
            "\\~\\~\\~ fenced\n\nfour spaces\n\n\\# heading {#id&#125;\n\n\\<b>bold\\</b>\n\n1\\. item\n\n\\==="
        );
    }
}
