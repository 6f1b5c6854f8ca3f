//! Where a finding is in a narrative text, and the few characters quoted around it.
//!
//! A hostile or pasted field can hold tens of thousands of findings, and the checks run on every
//! keystroke: nothing here may cost the length of the whole text per finding.

/// A short excerpt around a byte range of `text`, `radius` characters either side, with "…" where
/// the text goes on ("…规范办理流程 and 答复文书…"). Line breaks are left out.
pub(crate) fn excerpt(text: &str, start: usize, end: usize, radius: usize) -> String {
    let from = text[..start]
        .char_indices()
        .rev()
        .take(radius)
        .last()
        .map_or(start, |(i, _)| i);
    let after = &text[end..];
    let to = end
        + after
            .char_indices()
            .nth(radius)
            .map_or(after.len(), |(i, _)| i);
    let mut s = String::new();
    if from > 0 {
        s.push('…');
    }
    s.extend(text[from..to].chars().filter(|c| *c != '\n'));
    if to < text.len() {
        s.push('…');
    }
    s
}

/// How many byte positions [`find_char`] clears at once.
const BLOCK: usize = 32;

/// The byte offsets of every `c` in `text`, in order — what `text.match_indices(c)` gives, for a
/// character of three bytes in UTF-8 (every Chinese character and mark). std's search looks for
/// the character's last byte with memchr and starts again at every false hit, and that byte is a
/// continuation byte that one character in twenty of Chinese text also ends with; here a block
/// of 32 positions is tested at a time for all three bytes without a branch per byte (a few
/// vector compares), and only a block with a hit is read position by position.
pub(crate) fn find_char(text: &str, c: char) -> Vec<usize> {
    let mut enc = [0u8; 4];
    let needle = c.encode_utf8(&mut enc).as_bytes();
    let &[x, y, z] = needle else {
        return text.match_indices(c).map(|(i, _)| i).collect();
    };
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(w) = bytes.get(from..from + BLOCK + 2) {
        let at = |o: usize| &w[o..BLOCK + o];
        let (a, b, d) = (at(0), at(1), at(2));
        let mut m = u8::MAX;
        for k in 0..BLOCK {
            m = m.min((a[k] ^ x) | (b[k] ^ y) | (d[k] ^ z));
        }
        if m == 0 {
            for k in 0..BLOCK {
                if a[k] == x && b[k] == y && d[k] == z {
                    out.push(from + k);
                }
            }
        }
        from += BLOCK;
    }
    // The last positions, fewer than a block: a match starting at one of them ends within the text.
    let tail = from.min(bytes.len());
    out.extend(
        bytes[tail..]
            .windows(3)
            .enumerate()
            .filter(|(_, w)| *w == needle)
            .map(|(k, _)| tail + k),
    );
    out
}

/// Every narrative text of the fixtures (the five seeds and the six real reports): the corpus
/// on which the byte scans are held to the character-by-character forms they replace.
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let mut texts = Vec::new();
    for dir in [root.to_string(), format!("{root}/real")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if !path.to_string_lossy().ends_with(".nianbao.json") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("fixture reads");
            let r = crate::load_report(&bytes).expect("fixture loads");
            texts.extend(
                super::narrative_fields(&r)
                    .into_iter()
                    .map(|(_, t)| t.to_string()),
            );
        }
    }
    assert!(texts.len() >= 60, "{} fixture texts", texts.len());
    texts
}

/// Character offsets of byte offsets met in text order, counted once over the text: a
/// finding's place is given to the editor in characters.
pub(crate) struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The character offset of byte offset `b` (a character boundary), counted from the offset
    /// asked last: it costs the distance between the two, forward or back.
    pub(crate) fn of(&mut self, b: usize) -> usize {
        if b >= self.byte {
            self.chars += self.text[self.byte..b].chars().count();
        } else {
            self.chars -= self.text[b..self.byte].chars().count();
        }
        self.byte = b;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_quotes_the_radius_around_the_range_with_ellipses_where_the_text_goes_on() {
        let text = "一二三四五and六七八九十";
        let start = text.find("and").unwrap_or_default();
        assert_eq!(excerpt(text, start, start + 3, 2), "…四五and六七…");
        assert_eq!(excerpt(text, start, start + 3, 0), "…and…");
        assert_eq!(
            excerpt(text, start, start + 3, 8),
            "一二三四五and六七八九十"
        );
        assert_eq!(excerpt("a\nb", 0, 3, 1), "ab");
    }

    #[test]
    fn find_char_finds_what_match_indices_finds() {
        let same = |text: &str, c: char| {
            let std: Vec<usize> = text.match_indices(c).map(|(i, _)| i).collect();
            assert_eq!(find_char(text, c), std, "{c} in {text}");
            std.len()
        };
        let mut found = 0;
        for text in fixture_texts() {
            for c in ['件', '、', '未', '没', '均', '全', 'a', '𠀀'] {
                found += same(&text, c);
            }
        }
        assert!(found > 500, "{found}");
        // Every length around the block's, the character at every place, beside characters
        // that end with its last byte (件 E4 BB B6, 抶 E6 8A B6) or share its first two.
        for len in 0..80 {
            for at in 0..len {
                let text: String = (0..len)
                    .map(|i| {
                        if i == at {
                            '件'
                        } else if i % 3 == 0 {
                            '抶'
                        } else if i % 3 == 1 {
                            '仵'
                        } else {
                            'a'
                        }
                    })
                    .collect();
                assert_eq!(same(&text, '件'), 1, "{text}");
            }
        }
    }

    #[test]
    fn character_offsets_follow_the_text_and_go_back_when_asked() {
        let text = "一a二b三";
        let mut at = CharOffsets::new(text);
        assert_eq!(at.of(0), 0);
        assert_eq!(at.of(3), 1);
        assert_eq!(at.of(8), 4);
        assert_eq!(at.of(4), 2);
        assert_eq!(at.of(text.len()), 5);
    }
}
