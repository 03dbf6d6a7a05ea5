//! Three-way merge of a draft edited by hand with a new rendering (`render --merge`), word by
//! word: the text secdraft last wrote is the base, the edited draft one side ("edited"), the
//! new rendering the other ("terms").
//!
//! One Markdown paragraph is one long line, so a merge by lines would set any edit against any
//! figure change in the same paragraph. The texts are cut into tokens, each run of
//! non-whitespace and each run of whitespace, and each distinct token is given a number; diffy
//! merges the three sequences of numbers, one a line, and the result is read back into text.
//! Where the edit and the terms changed the same words, the merged text holds both between
//! conflict markers, each on its own line.

use std::collections::HashMap;

use crate::diff::tokens;

/// Opens a conflict: the words as edited by hand follow.
pub const MARKER_EDITED: &str = "<<<<<<< edited";
/// Between the two sides of a conflict: the words as the terms now render them follow.
pub const MARKER_SEPARATOR: &str = "=======";
/// Closes a conflict.
pub const MARKER_TERMS: &str = ">>>>>>> terms";

/// A merged text and where each conflict in it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    /// The byte offset of each conflict's opening marker in `text`.
    pub conflicts: Vec<usize>,
}

/// Numbers the tokens of the three texts alike: one line per token, the token's number.
struct Numbering<'a> {
    numbers: HashMap<&'a str, usize>,
    tokens: Vec<&'a str>,
}

impl<'a> Numbering<'a> {
    fn lines(&mut self, text: &'a str) -> String {
        let mut lines = String::new();
        for token in tokens(text) {
            let next = self.tokens.len();
            let number = *self.numbers.entry(token).or_insert(next);
            if number == next {
                self.tokens.push(token);
            }
            lines.push_str(&number.to_string());
            lines.push('\n');
        }
        lines
    }
}

/// Merges `ours` (the draft as edited) and `theirs` (the new rendering), both descended from
/// `base` (the rendering the draft was edited from).
pub fn merge3(base: &str, ours: &str, theirs: &str) -> Merged {
    let mut numbering = Numbering { numbers: HashMap::new(), tokens: Vec::new() };
    let base_lines = numbering.lines(base);
    let our_lines = numbering.lines(ours);
    let their_lines = numbering.lines(theirs);
    let mut options = diffy::MergeOptions::new();
    options.set_conflict_style(diffy::ConflictStyle::Merge);
    let merged = match options.merge(&base_lines, &our_lines, &their_lines) {
        Ok(clean) | Err(clean) => clean,
    };
    let mut text = String::with_capacity(theirs.len().max(ours.len()));
    let mut conflicts = Vec::new();
    // Markers stand on their own lines: the text before one ends its line first.
    let own_line = |text: &mut String| {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
    };
    for line in merged.lines() {
        if let Ok(number) = line.parse::<usize>() {
            text.push_str(numbering.tokens[number]);
        } else if line.starts_with("<<<<<<<") {
            own_line(&mut text);
            conflicts.push(text.len());
            text.push_str(MARKER_EDITED);
            text.push('\n');
        } else if line.starts_with("=======") {
            own_line(&mut text);
            text.push_str(MARKER_SEPARATOR);
            text.push('\n');
        } else if line.starts_with(">>>>>>>") {
            own_line(&mut text);
            text.push_str(MARKER_TERMS);
            text.push('\n');
        }
    }
    Merged { text, conflicts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_every_byte() {
        let text = "  The Offer,  for\n\n$1.00 each.\n";
        assert_eq!(tokens(text).concat(), text);
        assert_eq!(tokens("a b"), ["a", " ", "b"]);
    }

    #[test]
    fn an_edit_and_a_figure_change_in_one_paragraph_merge() {
        let base = "# Title\n\nWe offer $1.00 per Share for up to 100 Shares. The Offer expires soon.\n";
        let ours = "# Title\n\nWe offer $1.00 per Share for up to 100 Shares, as counsel notes. The Offer expires soon.\n";
        let theirs = "# Title\n\nWe offer $1.25 per Share for up to 100 Shares. The Offer expires soon.\n";
        let merged = merge3(base, ours, theirs);
        assert_eq!(
            merged.text,
            "# Title\n\nWe offer $1.25 per Share for up to 100 Shares, as counsel notes. The Offer expires soon.\n"
        );
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn the_same_words_changed_both_ways_conflict_on_their_own_lines() {
        let base = "Intro.\n\nWe offer $1.00 per Share.\n";
        let ours = "Intro.\n\nWe offer $1.10 per Share.\n";
        let theirs = "Intro.\n\nWe offer $1.25 per Share.\n";
        let merged = merge3(base, ours, theirs);
        assert_eq!(
            merged.text,
            "Intro.\n\nWe offer \n<<<<<<< edited\n$1.10\n=======\n$1.25\n>>>>>>> terms\n per Share.\n"
        );
        assert_eq!(merged.conflicts, [merged.text.find("<<<").unwrap()]);
    }

    #[test]
    fn unchanged_sides_give_the_other() {
        let base = "A b c.\n";
        assert_eq!(merge3(base, base, "A B c.\n").text, "A B c.\n");
        assert_eq!(merge3(base, "A b c d.\n", base).text, "A b c d.\n");
    }
}
