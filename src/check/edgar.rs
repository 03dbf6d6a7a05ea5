//! The EDGAR HTML rules (Filer Manual, Volume II, chapter 5; reference section 4).

use std::cell::OnceCell;
use std::collections::HashSet;

use super::{Document, Finding, Indexed, rule};

const ELEMENTS: &[&str] = &[
    "a",
    "address",
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "dd",
    "dfn",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "html",
    "i",
    "img",
    "kbd",
    "li",
    "menu",
    "meta",
    "ol",
    "p",
    "pre",
    "samp",
    "small",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
];

const GLOBAL_ATTRIBUTES: &[&str] = &["id", "class", "style", "title", "lang", "dir"];

fn element_attributes(element: &str) -> &'static [&'static str] {
    match element {
        "table" => &["width", "border", "cellspacing", "cellpadding", "align", "bgcolor", "summary"],
        "td" | "th" => &["rowspan", "colspan", "align", "valign", "nowrap", "bgcolor", "width", "height"],
        "img" => &["src", "alt", "width", "height", "align", "border"],
        "a" => &["href", "name"],
        "font" => &["size", "color"],
        "meta" => &["name", "content"],
        _ => &[],
    }
}

/// The named character references of HTML 4.01.
const ENTITIES: &[&str] = &[
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
    "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
    "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash",
    "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
    "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
    "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
    "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml", "fnof", "Alpha", "Beta", "Gamma", "Delta",
    "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho",
    "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega", "alpha", "beta", "gamma", "delta", "epsilon",
    "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigmaf",
    "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega", "thetasym", "upsih", "piv", "bull", "hellip",
    "prime", "Prime", "oline", "frasl", "weierp", "image", "real", "trade", "alefsym", "larr", "uarr",
    "rarr", "darr", "harr", "crarr", "lArr", "uArr", "rArr", "dArr", "hArr", "forall", "part", "exist",
    "empty", "nabla", "isin", "notin", "ni", "prod", "sum", "minus", "lowast", "radic", "prop", "infin",
    "ang", "and", "or", "cap", "cup", "int", "there4", "sim", "cong", "asymp", "ne", "equiv", "le", "ge",
    "sub", "sup", "nsub", "sube", "supe", "oplus", "otimes", "perp", "sdot", "lceil", "rceil", "lfloor",
    "rfloor", "lang", "rang", "loz", "spades", "clubs", "hearts", "diams", "quot", "amp", "lt", "gt",
    "OElig", "oelig", "Scaron", "scaron", "Yuml", "circ", "tilde", "ensp", "emsp", "thinsp", "zwnj", "zwj",
    "lrm", "rlm", "ndash", "mdash", "lsquo", "rsquo", "sbquo", "ldquo", "rdquo", "bdquo", "dagger", "Dagger",
    "permil", "lsaquo", "rsaquo", "euro",
];

pub const MAX_FILE_NAME: usize = 32;

struct Tag {
    offset: usize,
    len: usize,
    name: String,
    closing: bool,
    attributes: Vec<(String, String, usize)>,
}

/// The tags of an HTML source, with their attributes (name lower-cased, value unquoted).
fn tags(source: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = source[i..].find('<') {
        let start = i + p;
        if source[start..].starts_with("<!--") {
            i = start + source[start..].find("-->").map_or(source.len() - start, |e| e + 3);
            continue;
        }
        let end = source[start..].find('>').map_or(source.len(), |e| start + e + 1);
        let raw = &source[start..end];
        let inner = raw.trim_start_matches('<').trim_end_matches('>').trim_end_matches('/');
        let closing = inner.starts_with('/');
        let body = inner.trim_start_matches('/');
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '!' | '?' | ':' | '-' | '_' | '.'))
            .collect::<String>()
            .to_ascii_lowercase();
        let mut attributes = Vec::new();
        let mut rest = &body[name.len().min(body.len())..];
        let mut cursor = start + 1 + usize::from(closing) + name.len();
        while !rest.trim_start().is_empty() {
            let skipped = rest.len() - rest.trim_start().len();
            rest = rest.trim_start();
            cursor += skipped;
            let attr_name: String = rest.chars().take_while(|c| !c.is_whitespace() && *c != '=').collect();
            let attr_at = cursor;
            rest = &rest[attr_name.len()..];
            cursor += attr_name.len();
            let mut value = String::new();
            if let Some(after_eq) = rest.trim_start().strip_prefix('=') {
                let consumed = rest.len() - after_eq.len();
                let v = after_eq.trim_start();
                cursor += consumed + (after_eq.len() - v.len());
                let (text, used) = match v.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        // An unclosed quote runs to the end of the tag.
                        match v[1..].find(q) {
                            Some(e) => (v[1..1 + e].to_owned(), e + 2),
                            None => (v[1..].to_owned(), v.len()),
                        }
                    }
                    _ => {
                        let end = v.find(char::is_whitespace).unwrap_or(v.len());
                        (v[..end].to_owned(), end)
                    }
                };
                value = text;
                rest = &v[used.min(v.len())..];
                cursor += used;
            }
            if attr_name.is_empty() {
                break;
            }
            attributes.push((attr_name.to_ascii_lowercase(), value, attr_at));
        }
        out.push(Tag { offset: start, len: end - start, name, closing, attributes });
        i = end;
    }
    out
}

/// The ids and names a document's anchors define.
fn anchors(source: &str) -> HashSet<String> {
    tags(source)
        .into_iter()
        .flat_map(|t| {
            t.attributes.into_iter().filter(|(n, _, _)| n == "id" || n == "name").map(|(_, v, _)| v)
        })
        .collect()
}

/// The anchors of each document of the set, read once, when a link first needs them: a
/// document of many links must not re-read its target per link.
pub struct Anchors<'a> {
    documents: &'a [Document],
    ids: Vec<OnceCell<HashSet<String>>>,
}

impl<'a> Anchors<'a> {
    pub fn of(documents: &'a [Document]) -> Anchors<'a> {
        Anchors { documents, ids: documents.iter().map(|_| OnceCell::new()).collect() }
    }

    fn ids(&self, index: usize) -> &HashSet<String> {
        self.ids[index].get_or_init(|| anchors(&self.documents[index].source))
    }

    /// The anchors of the document `doc` itself.
    fn own(&self, doc: &Document) -> Option<&HashSet<String>> {
        self.documents.iter().position(|d| std::ptr::eq(d, doc)).map(|i| self.ids(i))
    }

    /// The anchors of the document of the set named `file` in the folder `dir`.
    fn named(&self, dir: &str, file: &str) -> Option<&HashSet<String>> {
        self.documents
            .iter()
            .position(|d| {
                let name = d.name.rsplit(['/', '\\']).next().unwrap_or(&d.name);
                name == file && d.name.rsplit_once(['/', '\\']).map_or("", |(d, _)| d) == dir
            })
            .map(|i| self.ids(i))
    }
}

pub fn check(doc: &Indexed, set: &Anchors, out: &mut Vec<Finding>) {
    let file_name = doc.name.rsplit(['/', '\\']).next().unwrap_or(&doc.name);
    let valid_chars = file_name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && file_name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if file_name.len() > MAX_FILE_NAME || !valid_chars {
        out.push(doc.finding(
            &rule::EDGAR_FILENAME,
            0,
            0,
            format!("the file name `{file_name}` is not an EDGAR document name ({} characters; at most {MAX_FILE_NAME}, letters, digits, '.', '-', '_')", file_name.len()),
        ));
    }
    bytes(doc, out);
    entities(doc, out);
    let mut table_depth = 0usize;
    let all_tags = tags(&doc.source);
    // An Inline XBRL document (the filing fee exhibit) is XHTML with the XBRL namespaces:
    // their elements and the namespace declarations are part of what EDGAR accepts there.
    let inline_xbrl = all_tags.iter().any(|t| {
        t.name == "html" && t.attributes.iter().any(|(n, v, _)| n == "xmlns:ix" && v.contains("inlineXBRL"))
    });
    for tag in all_tags {
        if tag.name.starts_with('!') || tag.name.starts_with('?') {
            continue;
        }
        if inline_xbrl && tag.name.contains(':') {
            continue;
        }
        if tag.name == "script" {
            if !tag.closing {
                out.push(doc.finding(&rule::EDGAR_SCRIPT, tag.offset, tag.len, "a <script> element".into()));
            }
            continue;
        }
        if !ELEMENTS.contains(&tag.name.as_str()) {
            if !tag.closing {
                out.push(doc.finding(
                    &rule::EDGAR_ELEMENT,
                    tag.offset,
                    tag.len,
                    format!("<{}> is not an element EDGAR accepts", tag.name),
                ));
            }
            continue;
        }
        if tag.name == "table" {
            if tag.closing {
                table_depth = table_depth.saturating_sub(1);
            } else {
                table_depth += 1;
                if table_depth > 1 {
                    out.push(doc.finding(
                        &rule::EDGAR_NESTED_TABLE,
                        tag.offset,
                        tag.len,
                        "a table inside another table".into(),
                    ));
                }
            }
        }
        if tag.closing {
            continue;
        }
        for (name, value, at) in &tag.attributes {
            if name.starts_with("on") {
                out.push(doc.finding(
                    &rule::EDGAR_SCRIPT,
                    *at,
                    name.len(),
                    format!("the event attribute `{name}`"),
                ));
                continue;
            }
            if value.trim_start().to_ascii_lowercase().starts_with("javascript:") {
                out.push(doc.finding(&rule::EDGAR_SCRIPT, *at, name.len(), "a javascript: URL".into()));
                continue;
            }
            if inline_xbrl && tag.name == "html" && (name == "xmlns" || name.starts_with("xmlns:")) {
                continue;
            }
            if tag.name == "meta" && name == "http-equiv" {
                out.push(doc.finding(
                    &rule::EDGAR_ATTRIBUTE,
                    *at,
                    name.len(),
                    "<meta http-equiv> is not accepted".into(),
                ));
                continue;
            }
            if !GLOBAL_ATTRIBUTES.contains(&name.as_str())
                && !element_attributes(&tag.name).contains(&name.as_str())
            {
                out.push(doc.finding(
                    &rule::EDGAR_ATTRIBUTE,
                    *at,
                    name.len(),
                    format!("the attribute `{name}` is not accepted on <{}>", tag.name),
                ));
            }
        }
        if tag.name == "a"
            && let Some((_, href, at)) = tag.attributes.iter().find(|(n, _, _)| n == "href")
            && let Some(problem) = link_problem(href, doc, set)
        {
            out.push(doc.finding(&rule::EDGAR_LINK, *at, 4, problem));
        }
        if tag.name == "img"
            && let Some((_, src, at)) = tag.attributes.iter().find(|(n, _, _)| n == "src")
        {
            let lower = src.to_ascii_lowercase();
            if lower.starts_with("data:")
                || lower.contains("://")
                || !(lower.ends_with(".jpg") || lower.ends_with(".gif"))
            {
                out.push(doc.finding(
                    &rule::EDGAR_LINK,
                    *at,
                    3,
                    format!("the image `{src}` is not a .jpg or .gif file of the submission"),
                ));
            }
        }
    }
}

/// Why a link does not stay inside the submission, if it does not.
fn link_problem(href: &str, doc: &Document, set: &Anchors) -> Option<String> {
    if href.starts_with("https://www.sec.gov/Archives/edgar/data/") {
        return None;
    }
    if href.contains("://") || href.starts_with("mailto:") || href.starts_with("//") {
        return Some(format!("the link `{href}` leaves the submission"));
    }
    let (path, fragment) = href.split_once('#').map_or((href, None), |(p, f)| (p, Some(f)));
    let target = if path.is_empty() {
        set.own(doc)
    } else {
        let dir = doc.name.rsplit_once(['/', '\\']).map_or("", |(d, _)| d);
        set.named(dir, path)
    };
    match (target, fragment) {
        (None, _) => Some(format!("the link `{href}` names no document of the submission")),
        (Some(ids), Some(f)) if !ids.contains(f) => {
            Some(format!("the link `{href}` names no anchor `{f}` in its document"))
        }
        _ => None,
    }
}

fn bytes(doc: &Indexed, out: &mut Vec<Finding>) {
    if doc.source.starts_with('\u{feff}') {
        out.push(doc.finding(&rule::EDGAR_BYTES, 0, 3, "the file starts with a byte-order mark".into()));
    }
    // One finding a line: the first such character of each line.
    let mut line_reported = false;
    for (i, c) in doc.source.char_indices() {
        if c == '\n' {
            line_reported = false;
            continue;
        }
        let allowed = matches!(c, '\t' | '\r' | '\u{c}') || (' '..='~').contains(&c);
        if !allowed && c != '\u{feff}' && !line_reported {
            line_reported = true;
            out.push(doc.finding(
                &rule::EDGAR_BYTES,
                i,
                c.len_utf8(),
                format!(
                    "the character U+{:04X} is not printable ASCII; write it as &#{};",
                    c as u32, c as u32
                ),
            ));
        }
    }
}

/// Decimal digits enough for U+10FFFF, and hexadecimal: a longer run is refused even with
/// leading zeros.
const MAX_DECIMAL_DIGITS: usize = 7;
const MAX_HEX_DIGITS: usize = 6;

fn entities(doc: &Indexed, out: &mut Vec<Finding>) {
    let source = &doc.source;
    for (i, _) in source.match_indices('&') {
        let rest = &source[i + 1..];
        if let Some(number) = rest.strip_prefix('#') {
            numeric_reference(doc, i, number, out);
            continue;
        }
        let len = rest.bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
        let name = &rest[..len];
        if name.is_empty() || !rest[len..].starts_with(';') {
            continue;
        }
        if !ENTITIES.contains(&name) {
            out.push(doc.finding(
                &rule::EDGAR_ENTITY,
                i,
                name.len() + 2,
                format!("&{name}; is not an HTML 4 character reference"),
            ));
        }
    }
}

/// `&#N;` or `&#xH;` at byte `at`, with `number` the text after `&#`: a reference to no
/// character (zero, a surrogate, past U+10FFFF) or written with more digits than any character
/// needs is refused by EDGAR.
fn numeric_reference(doc: &Indexed, at: usize, number: &str, out: &mut Vec<Finding>) {
    let (digits_from, radix, max_digits) = match number.as_bytes().first() {
        Some(b'x' | b'X') => (1, 16, MAX_HEX_DIGITS),
        _ => (0, 10, MAX_DECIMAL_DIGITS),
    };
    let digits = number[digits_from..].bytes().take_while(|b| (*b as char).is_digit(radix)).count();
    let end = digits_from + digits;
    if digits == 0 || !number[end..].starts_with(';') {
        return;
    }
    let written = &number[..end];
    let shown = |s: &str| if s.len() > 40 { format!("{}...", &s[..37]) } else { s.to_owned() };
    let problem = if digits > max_digits {
        Some(format!(
            "&#{}; is written with {digits} digits; EDGAR refuses so long a reference",
            shown(written)
        ))
    } else {
        // Past u32 is past U+10FFFF too, and refused as such below.
        let value = u32::from_str_radix(&number[digits_from..end], radix).unwrap_or(u32::MAX);
        match value {
            0 => Some(format!("&#{written}; refers to the character zero, which EDGAR refuses")),
            0xD800..=0xDFFF => {
                Some(format!("&#{written}; refers to U+{value:04X}, a surrogate and not a character"))
            }
            v if v > 0x10FFFF => Some(format!("&#{written}; is past U+10FFFF, the last character")),
            _ => None,
        }
    };
    if let Some(message) = problem {
        out.push(doc.finding(&rule::EDGAR_NUMERIC_REFERENCE, at, end + 3, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Format;

    fn numeric_findings(source: &str) -> Vec<(usize, usize, String)> {
        let doc = Document { name: "a.htm".into(), format: Format::Html, source: source.into() };
        let indexed = Indexed::new(&doc);
        let mut out = Vec::new();
        entities(&indexed, &mut out);
        out.iter()
            .filter(|f| f.rule == "edgar-numeric-reference")
            .map(|f| (f.line, f.column, f.text.clone()))
            .collect()
    }

    #[test]
    fn numeric_references_to_no_character_are_refused() {
        let refused =
            numeric_findings("&#0; &#x0;\n&#55296; &#xdfff; &#1114112; &#x110000; &#99999999;\n&#x0000041;");
        let texts: Vec<&str> = refused.iter().map(|(_, _, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "&#0;",
                "&#x0;",
                "&#55296;",
                "&#xdfff;",
                "&#1114112;",
                "&#x110000;",
                "&#99999999;",
                "&#x0000041;"
            ]
        );
        assert_eq!((refused[2].0, refused[2].1), (2, 1));
        assert_eq!((refused[3].0, refused[3].1), (2, 10));
    }

    #[test]
    fn numeric_references_to_characters_pass() {
        let fine = "&#65; &#x41; &#X41; &#8220; &#xD7FF; &#xE000; &#1114111; &#x10FFFF; &#0065; &#x00041;";
        assert_eq!(numeric_findings(fine), []);
        // Not references at all: no digits, or no semicolon.
        assert_eq!(numeric_findings("&#; &#x; &#0 &#xD800 & # &#a;"), []);
    }
}
