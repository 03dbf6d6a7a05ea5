//! Where a byte of a document is, as line and column, without recounting from the top: the
//! offsets of line starts, and the number of characters before every block of bytes, built
//! once per document. A finding costs a binary search and at most one block of counting, so
//! `check` stays linear in the size of the document however many findings it has.

/// Bytes between two checkpoints of the character count.
const BLOCK: usize = 256;

#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    source: &'a str,
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
    /// Characters before byte `k * BLOCK`, for each `k`.
    chars_before_block: Vec<usize>,
}

/// A UTF-8 byte that starts a character (any byte but a continuation byte).
fn starts_char(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> LineIndex<'a> {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        starts.extend(newlines(bytes).map(|p| p + 1));
        let mut chars_before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for block in bytes.chunks(BLOCK) {
            chars_before_block.push(count);
            count += block.iter().filter(|b| starts_char(**b)).count();
        }
        chars_before_block.push(count);
        LineIndex { source, starts, chars_before_block }
    }

    /// Characters in the source before byte `at` (clamped to its length).
    fn chars_before(&self, at: usize) -> usize {
        let at = at.min(self.source.len());
        let block = at / BLOCK;
        let counted = self.source.as_bytes()[block * BLOCK..at].iter().filter(|b| starts_char(**b)).count();
        self.chars_before_block[block] + counted
    }

    /// Characters between bytes `from` and `to`.
    pub fn chars_between(&self, from: usize, to: usize) -> usize {
        self.chars_before(to) - self.chars_before(from.min(to))
    }

    /// The 1-based line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|s| *s <= offset)
    }

    /// The 1-based line and column (in characters) of byte `offset`, which must be a character
    /// boundary: a carriage return counts as a character of its line.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.starts[line - 1];
        (line, self.chars_before(offset) - self.chars_before(start) + 1)
    }

    /// The byte offset of the start of the 1-based `line`, if the source has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1).and_then(|i| self.starts.get(i)).copied()
    }

    /// The text of the 1-based `line` as `str::lines` gives it: without its `\n` or `\r\n`,
    /// and `None` for the empty line after a final newline.
    pub fn line_text(&self, line: usize) -> Option<&'a str> {
        let start = self.line_start(line)?;
        if start >= self.source.len() {
            return None;
        }
        Some(match self.starts.get(line) {
            Some(next) => {
                let text = &self.source[start..next - 1];
                text.strip_suffix('\r').unwrap_or(text)
            }
            None => &self.source[start..],
        })
    }

    /// The byte offset of 1-based `line` and `column`, the inverse of
    /// [`line_column`](Self::line_column); past the end of the line, the line's end.
    pub fn offset(&self, line: usize, column: usize) -> Option<usize> {
        let start = self.line_start(line)?;
        let end = self.starts.get(line).map_or(self.source.len(), |next| next - 1);
        let target = self.chars_before(start) + column.saturating_sub(1);
        if target >= self.chars_before(end) {
            return Some(end);
        }
        // The last block starting at or before the target character, then count within it.
        let block = self.chars_before_block.partition_point(|c| *c <= target).saturating_sub(1);
        let mut chars = self.chars_before_block[block];
        let bytes = self.source.as_bytes();
        let mut at = (block * BLOCK).max(start);
        if at > block * BLOCK {
            chars = self.chars_before(at);
        }
        while at < end {
            if starts_char(bytes[at]) {
                if chars == target {
                    return Some(at);
                }
                chars += 1;
            }
            at += 1;
        }
        Some(end)
    }
}

fn newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line and column as `check` has always counted them: from the top, by characters.
    fn counted(source: &str, offset: usize) -> (usize, usize) {
        let before = &source[..offset];
        (before.matches('\n').count() + 1, before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1)
    }

    #[test]
    fn agrees_with_counting_from_the_top_on_every_character() {
        let mut source = String::new();
        for i in 0..400 {
            source.push_str(&"é“x”\r".repeat(i % 7));
            source.push_str(&"abc".repeat(i % 150));
            source.push('\n');
        }
        source.push_str("last line without a newline é");
        let index = LineIndex::new(&source);
        for (offset, _) in source.char_indices().chain([(source.len(), ' ')]) {
            let (line, column) = index.line_column(offset);
            assert_eq!((line, column), counted(&source, offset), "at byte {offset}");
            assert_eq!(index.offset(line, column), Some(offset), "back from {line}:{column}");
        }
    }

    #[test]
    fn line_text_is_what_str_lines_gives() {
        for source in ["", "\n", "a\r\nb\n\nc\r", "é\n\r\n", "x\ny"] {
            let index = LineIndex::new(source);
            let lines: Vec<&str> = source.lines().collect();
            for line in 1..=lines.len() + 2 {
                assert_eq!(index.line_text(line), lines.get(line - 1).copied(), "{source:?} line {line}");
            }
        }
    }

    #[test]
    fn empty_and_newline_only_sources() {
        let empty = LineIndex::new("");
        assert_eq!(empty.line_column(0), (1, 1));
        assert_eq!(empty.offset(1, 1), Some(0));
        assert_eq!(empty.offset(2, 1), None);
        let newlines = LineIndex::new("\n\n");
        assert_eq!(newlines.line_column(2), (3, 1));
        assert_eq!(newlines.line_start(2), Some(1));
        assert_eq!(newlines.offset(1, 9), Some(0));
    }
}
