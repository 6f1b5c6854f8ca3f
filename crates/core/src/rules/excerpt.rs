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
