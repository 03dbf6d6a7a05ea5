//! Escaping for values placed in Markdown templates. Whatever the terms hold (`*`, `_`, `[x](y)`,
//! `<script>`, `&amp;`, `{{ x }}`) must print literally: Markdown syntax is backslash-escaped
//! here, HTML is escaped later by the HTML writer, and template syntax is never evaluated
//! because rendered values are never rendered again.

use std::io::Write;

/// Characters that start Markdown syntax wherever they stand.
const ALWAYS: &[char] = &['\\', '`', '*', '_', '[', ']', '|'];

/// Characters that start Markdown syntax at the beginning of a line.
const AT_LINE_START: &[char] = &['#', '>', '-', '+', '='];

pub fn escape_markdown(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(markdown_escaped(input).as_bytes())
}

pub fn markdown_escaped(input: &str) -> String {
    let mut escaped = String::with_capacity(input.len() + 8);
    let chars: Vec<char> = input.chars().collect();
    let mut at_line_start = true;
    // An ordered-list marker (`1.`) is neutralised by escaping its punctuation, since a
    // backslash before a digit is not an escape in Markdown.
    let mut escape_at = None;
    for (i, &c) in chars.iter().enumerate() {
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
            || (c == '<'
                && rest.first().is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')))
            || (c == '&' && entity_follows(rest));
        if needs {
            escaped.push('\\');
        }
        escaped.push(c);
        if c == '\n' {
            at_line_start = true;
        } else if !c.is_whitespace() {
            at_line_start = false;
        }
    }
    escaped
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
            markdown_escaped("Smith & <Sons> *Holdings* {{ x }}"),
            r"Smith & \<Sons> \*Holdings\* {{ x }}"
        );
        assert_eq!(markdown_escaped("[x](javascript:alert(1))"), r"\[x\](javascript:alert(1))");
        assert_eq!(markdown_escaped("AT&amp;T"), r"AT\&amp;T");
        assert_eq!(markdown_escaped("- item\n# head\n12. one"), "\\- item\n\\# head\n12\\. one");
        assert_eq!(markdown_escaped("Ault Alliance, Inc."), "Ault Alliance, Inc.");
        assert_eq!(markdown_escaped("NYSE American: AULT - 2023"), "NYSE American: AULT - 2023");
        assert_eq!(markdown_escaped("snake_case"), r"snake\_case");
    }
}
