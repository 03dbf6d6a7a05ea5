//! A document as text the rules can read: Markdown without its markup, HTML without its tags
//! and with its character references decoded, plain text as it is. Every character keeps the
//! byte offset it came from, so a finding points at the line and column of the file itself.

use super::Format;

#[derive(Debug, Clone)]
pub struct TextView {
    /// The readable text.
    pub text: String,
    /// For each byte of `text`, the byte offset in the source it came from.
    origin: Vec<usize>,
    /// Byte ranges of `text` that were bold (`**x**`, `<b>x</b>`).
    pub bold: Vec<(usize, usize)>,
    /// Byte ranges of `text` that were headings or titles, where capitals are not usage.
    pub headings: Vec<(usize, usize)>,
}

struct Builder<'a> {
    source: &'a str,
    view: TextView,
    bold_start: Option<usize>,
    heading_start: Option<usize>,
}

impl Builder<'_> {
    fn push(&mut self, s: &str, from: usize) {
        for _ in 0..s.len() {
            self.view.origin.push(from);
        }
        self.view.text.push_str(s);
    }
    fn toggle_bold(&mut self) {
        match self.bold_start.take() {
            Some(start) => self.view.bold.push((start, self.view.text.len())),
            None => self.bold_start = Some(self.view.text.len()),
        }
    }
    fn finish(mut self) -> TextView {
        if let Some(start) = self.heading_start.take() {
            self.view.headings.push((start, self.view.text.len()));
        }
        self.view.origin.push(self.source.len());
        self.view
    }
}

impl TextView {
    pub fn new(source: &str, format: Format) -> TextView {
        let mut b = Builder {
            source,
            view: TextView {
                text: String::new(),
                origin: Vec::new(),
                bold: Vec::new(),
                headings: Vec::new(),
            },
            bold_start: None,
            heading_start: None,
        };
        match format {
            Format::Markdown => markdown(&mut b),
            Format::Html => html(&mut b),
            Format::Text => b.push(source, 0),
        }
        if matches!(format, Format::Text) {
            // Each byte of a plain-text source maps to itself.
            b.view.origin = (0..source.len()).collect();
        }
        b.finish()
    }

    /// The byte offset in the source of byte `at` of the text.
    pub fn source_offset(&self, at: usize) -> usize {
        self.origin.get(at).copied().unwrap_or_else(|| self.origin.last().copied().unwrap_or(0))
    }

    /// The bold and heading ranges are pushed in order and never overlap, so the only range
    /// that can hold a place is the last one starting at or before it: a binary search, not a
    /// scan of every range per question.
    pub fn is_bold(&self, start: usize, end: usize) -> bool {
        last_starting_by(&self.bold, start).is_some_and(|(_, e)| end <= e)
    }

    pub fn in_heading(&self, at: usize) -> bool {
        last_starting_by(&self.headings, at).is_some_and(|(_, e)| at < e)
    }
}

fn last_starting_by(ranges: &[(usize, usize)], at: usize) -> Option<(usize, usize)> {
    ranges.partition_point(|(s, _)| *s <= at).checked_sub(1).map(|i| ranges[i])
}

/// Markdown: drops emphasis markers, backslash escapes, link targets, heading markers and
/// attribute blocks, list bullets and table pipes; headings, bold-only lines and centred blocks
/// count as titles.
fn markdown(b: &mut Builder) {
    let source = b.source;
    let mut offset = 0;
    let mut centred = false;
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim();
        let line_start = offset;
        offset += line.len();
        if trimmed == "<center>" {
            centred = true;
            continue;
        }
        if trimmed == "</center>" {
            centred = false;
            continue;
        }
        if trimmed == "---"
            || trimmed.starts_with("|:")
            || trimmed.starts_with("|--")
            || trimmed.starts_with("<!--")
        {
            b.push("\n", line_start);
            continue;
        }
        // Titles: headings, bold-only lines, centred blocks, and table-of-contents entries.
        let heading = trimmed.starts_with('#')
            || (trimmed.starts_with("**") && (trimmed.ends_with("**") || trimmed.ends_with("**\\")))
            || (trimmed.starts_with("- [") && trimmed.ends_with(')') && trimmed.contains("](#"))
            // A table of contents set as a table: "| 12. | [Effects of the Offer ...](#section-12) |".
            || (trimmed.starts_with("| ") && trimmed.ends_with(") |") && trimmed.contains("](#"))
            || centred;
        if heading {
            b.heading_start = Some(b.view.text.len());
        }
        let bytes = line.as_bytes();
        let mut i = 0;
        // Leading markers: heading hashes, list bullets, table pipes.
        while i < bytes.len() && matches!(bytes[i], b'#' | b' ' | b'|') {
            i += 1;
        }
        if i + 1 < bytes.len() && bytes[i] == b'-' && bytes[i + 1] == b' ' {
            i += 2;
        }
        // The next `](` of the line and the last `[` before it (the one that opens that link),
        // found once and reused until the scan passes it: a line of unmatched `[` must not be
        // searched to its end once per bracket.
        let mut link: Option<Option<(usize, usize)>> = None;
        while i < bytes.len() {
            let c = bytes[i];
            let at = line_start + i;
            if c == b'\\' && i + 1 < bytes.len() && bytes[i + 1] != b'\n' {
                let ch = line[i + 1..].chars().next().unwrap_or(' ');
                b.push(&line[i + 1..i + 1 + ch.len_utf8()], at + 1);
                i += 1 + ch.len_utf8();
            } else if c == b'\\' {
                i += 1;
            } else if c == b'*' {
                let run = bytes[i..].iter().take_while(|x| **x == b'*').count();
                if run >= 2 {
                    b.toggle_bold();
                }
                i += run;
            } else if c == b']' && bytes.get(i + 1) == Some(&b'(') {
                // A link: keep its text, drop the target.
                let close = line[i..].find(')').map_or(line.len(), |p| i + p + 1);
                i = close;
            } else if c == b'[' && link_opener(line, i, &mut link) {
                i += 1;
            } else if c == b'{' && line[i..].starts_with("{#") {
                i = line[i..].find('}').map_or(line.len(), |p| i + p + 1);
            } else if c == b'|' {
                b.push(" ", at);
                i += 1;
            } else {
                let ch = line[i..].chars().next().unwrap_or(' ');
                b.push(&line[i..i + ch.len_utf8()], at);
                i += ch.len_utf8();
            }
        }
        if heading && let Some(start) = b.heading_start.take() {
            b.view.headings.push((start, b.view.text.len()));
        }
        if b.bold_start.is_some() {
            // Bold never spans paragraphs.
            b.toggle_bold();
        }
    }
}

/// Whether the `[` at byte `i` of `line` opens a link: the next `](` follows with no other `[`
/// between. `cache` holds the next `](` found so far and the `[` that opens it.
fn link_opener(line: &str, i: usize, cache: &mut Option<Option<(usize, usize)>>) -> bool {
    if cache.is_none_or(|found| found.is_some_and(|(close, _)| close < i)) {
        *cache = Some(line[i..].find("](").map(|p| {
            let close = i + p;
            (close, i + line[i..close].rfind('[').unwrap_or(0))
        }));
    }
    matches!(cache, Some(Some((_, opener))) if *opener == i)
}

/// HTML: drops tags and comments, decodes character references, marks `<b>`/`<strong>` as
/// bold and `<h1>`-`<h6>`, `<title>` and `<center>` as titles.
fn html(b: &mut Builder) {
    let source = b.source;
    let mut i = 0;
    let mut centred = 0usize;
    while i < source.len() {
        let rest = &source[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |p| p + 3);
            continue;
        }
        if let Some(after_angle) = rest.strip_prefix('<') {
            // An unclosed tag runs to the end of the text.
            let (inner, end) =
                after_angle.find('>').map_or((after_angle, rest.len()), |p| (&after_angle[..p], p + 2));
            let tag = inner.trim().to_ascii_lowercase();
            let name: String =
                tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            let closing = tag.starts_with('/');
            match name.as_str() {
                "b" | "strong" => b.toggle_bold(),
                // A link within the document is a table-of-contents entry: a title.
                "a" if closing => {
                    if let Some(start) = b.heading_start.take() {
                        b.view.headings.push((start, b.view.text.len()));
                    }
                }
                "a" if tag.contains("href=\"#") && centred == 0 && b.heading_start.is_none() => {
                    b.heading_start = Some(b.view.text.len());
                }
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "title" => {
                    if closing {
                        if let Some(start) = b.heading_start.take() {
                            b.view.headings.push((start, b.view.text.len()));
                        }
                    } else if centred == 0 {
                        b.heading_start = Some(b.view.text.len());
                    }
                }
                "center" => {
                    if closing {
                        centred = centred.saturating_sub(1);
                        if centred == 0
                            && let Some(start) = b.heading_start.take()
                        {
                            b.view.headings.push((start, b.view.text.len()));
                        }
                    } else {
                        centred += 1;
                        if b.heading_start.is_none() {
                            b.heading_start = Some(b.view.text.len());
                        }
                    }
                }
                "p" | "br" | "li" | "tr" | "td" | "th" | "div" if closing || name == "br" => {
                    b.push(if name == "td" || name == "th" { " " } else { "\n" }, i);
                }
                _ => {}
            }
            i += end;
            continue;
        }
        if rest.starts_with('&')
            && let Some(semi) = rest.bytes().take(12).position(|b| b == b';')
        {
            let entity = &rest[1..semi];
            let decoded = decode_entity(entity);
            if let Some(c) = decoded {
                let mut buf = [0u8; 4];
                b.push(c.encode_utf8(&mut buf), i);
                i += semi + 1;
                continue;
            }
        }
        let ch = rest.chars().next().unwrap_or(' ');
        b.push(&rest[..ch.len_utf8()], i);
        i += ch.len_utf8();
    }
}

fn decode_entity(entity: &str) -> Option<char> {
    if let Some(num) = entity.strip_prefix('#') {
        let value = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(value);
    }
    Some(match entity {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "sect" => '\u{a7}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_loses_markup_but_keeps_places() {
        let source = "# Head\n\nThe “**Offer**” of \\$5 [a link](x.md) ok.\n";
        let v = TextView::new(source, Format::Markdown);
        assert!(v.text.contains("The “Offer” of $5 a link ok."), "{:?}", v.text);
        let at = v.text.find("Offer").unwrap();
        assert_eq!(&source[v.source_offset(at)..v.source_offset(at) + 5], "Offer");
        assert!(v.is_bold(at, at + 5));
        assert!(v.in_heading(v.text.find("Head").unwrap()));
    }

    #[test]
    fn only_the_bracket_before_a_link_target_opens_a_link() {
        let v = TextView::new("[a [b](x.md) [c [d [e](y.md) [[f\n", Format::Markdown);
        assert_eq!(v.text, "[a b [c [d e [[f\n");
        let brackets = "[".repeat(1000);
        let v = TextView::new(&format!("{brackets}[x](y) {brackets}\n"), Format::Markdown);
        assert_eq!(v.text, format!("{brackets}x {brackets}\n"));
    }

    #[test]
    fn html_loses_tags_and_decodes_references() {
        let source = "<p>The &#8220;<b>Offer</b>&#8221; &amp; more</p>";
        let v = TextView::new(source, Format::Html);
        assert_eq!(v.text.trim(), "The \u{201c}Offer\u{201d} & more");
        let at = v.text.find("Offer").unwrap();
        assert!(v.is_bold(at, at + 5));
        assert_eq!(&source[v.source_offset(at)..v.source_offset(at) + 5], "Offer");
    }
}
