//! A page's fonts as the text layer needs them: how many bytes a character code takes, what
//! Unicode text a code stands for, and how far a glyph advances.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Encoding, Object};

use super::limits::MAX_STREAM_BYTES;

/// What one font says about its codes.
pub struct Font<'a> {
    /// Composite (Type0) fonts use two-byte codes (Identity-H/V, UCS-2); simple fonts one byte.
    two_byte: bool,
    encoding: Option<Encoding<'a>>,
    /// Glyph advance in thousandths of the font size, by code.
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// Type3 fonts scale their glyph space by /FontMatrix instead of 1/1000.
    width_scale: f64,
}

/// One shown character code.
pub struct Code {
    pub code: u32,
    /// One byte 32 in a simple font: the only code word spacing (Tw) applies to.
    pub is_space_byte: bool,
}

impl<'a> Font<'a> {
    pub fn load(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let two_byte = subtype == b"Type0";
        let has_to_unicode = dict.get(b"ToUnicode").is_ok();
        let encoding = dict
            .get_font_encoding_with_limit(doc, MAX_STREAM_BYTES)
            .ok()
            .filter(|e| trustworthy(e, two_byte, has_to_unicode, || embedded(doc, dict), dict));
        let mut font = Font {
            two_byte,
            encoding,
            widths: HashMap::new(),
            default_width: if two_byte { 1000.0 } else { 500.0 },
            width_scale: 1.0,
        };
        if two_byte {
            font.load_cid_widths(doc, dict);
        } else {
            font.load_simple_widths(doc, dict, subtype == b"Type3");
        }
        font
    }

    fn load_cid_widths(&mut self, doc: &Document, dict: &Dictionary) {
        let Some(descendant) = deref(doc, dict.get(b"DescendantFonts").ok())
            .and_then(|o| o.as_array().ok())
            .and_then(|a| deref(doc, a.first()))
            .and_then(|o| o.as_dict().ok())
        else {
            return;
        };
        if let Some(dw) = deref(doc, descendant.get(b"DW").ok()).and_then(number) {
            self.default_width = dw;
        }
        let Some(w) = deref(doc, descendant.get(b"W").ok()).and_then(|o| o.as_array().ok()) else {
            return;
        };
        // /W is [c [w1 w2 …]] or [c_first c_last w], repeated.
        let mut i = 0;
        while i < w.len() && self.widths.len() < MAX_WIDTHS {
            let Some(first) = deref(doc, w.get(i)).and_then(number) else {
                break;
            };
            match deref(doc, w.get(i + 1)) {
                Some(Object::Array(list)) => {
                    for (k, width) in list.iter().enumerate().take(MAX_WIDTHS) {
                        if let Some(width) = deref(doc, Some(width)).and_then(number) {
                            self.widths.insert(first as u32 + k as u32, width);
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let (Some(last), Some(width)) =
                        (number(last), deref(doc, w.get(i + 2)).and_then(number))
                    else {
                        break;
                    };
                    let (first, last) = (first as u32, last as u32);
                    for code in first..=last.min(first.saturating_add(MAX_WIDTHS as u32)) {
                        self.widths.insert(code, width);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }

    fn load_simple_widths(&mut self, doc: &Document, dict: &Dictionary, type3: bool) {
        if type3 {
            if let Some(m) =
                deref(doc, dict.get(b"FontMatrix").ok()).and_then(|o| o.as_array().ok())
            {
                if let Some(a) = deref(doc, m.first()).and_then(number) {
                    self.width_scale = a * 1000.0;
                }
            }
        }
        let first = deref(doc, dict.get(b"FirstChar").ok())
            .and_then(number)
            .unwrap_or(0.0) as u32;
        if let Some(ws) = deref(doc, dict.get(b"Widths").ok()).and_then(|o| o.as_array().ok()) {
            for (k, w) in ws.iter().enumerate().take(256) {
                if let Some(w) = deref(doc, Some(w)).and_then(number) {
                    self.widths.insert(first + k as u32, w);
                }
            }
        }
        if let Some(missing) = deref(doc, dict.get(b"FontDescriptor").ok())
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| deref(doc, d.get(b"MissingWidth").ok()))
            .and_then(number)
        {
            if missing > 0.0 {
                self.default_width = missing;
            }
        }
    }

    /// Splits a shown string into its character codes.
    pub fn codes(&self, bytes: &[u8]) -> Vec<Code> {
        if self.two_byte {
            bytes
                .chunks(2)
                .map(|c| Code {
                    code: c.iter().fold(0u32, |acc, b| acc * 256 + u32::from(*b)),
                    is_space_byte: false,
                })
                .collect()
        } else {
            bytes
                .iter()
                .map(|b| Code {
                    code: u32::from(*b),
                    is_space_byte: *b == 32,
                })
                .collect()
        }
    }

    /// Advance of a code in text space units per unit of font size.
    pub fn advance(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            * self.width_scale
            / 1000.0
    }

    /// The text a code stands for; U+FFFD when the font gives no way to know.
    pub fn text(&self, code: u32) -> String {
        let len: u8 = if self.two_byte { 2 } else { 1 };
        match &self.encoding {
            Some(Encoding::UnicodeMapEncoding(map)) => match map.get(code, len) {
                Some(units) => String::from_utf16_lossy(&units),
                None => REPLACEMENT.to_string(),
            },
            Some(enc) => {
                let bytes: Vec<u8> = if self.two_byte {
                    vec![(code >> 8) as u8, code as u8]
                } else {
                    vec![code as u8]
                };
                match enc.bytes_to_string(&bytes) {
                    Ok(s) if !s.is_empty() && !s.contains('\0') => s,
                    _ => REPLACEMENT.to_string(),
                }
            }
            None => REPLACEMENT.to_string(),
        }
    }
}

pub const REPLACEMENT: char = '\u{fffd}';

/// Whether an encoding tells the real characters. lopdf falls back to StandardEncoding when it
/// finds nothing better; that fallback is only right for a simple font that is not embedded
/// (or that names its encoding). A composite font's codes are glyph ids without a ToUnicode
/// map, and an embedded subset's one-byte codes are its own order: reading them as Latin-1
/// would turn them into wrong letters and, worse, wrong digits.
fn trustworthy(
    e: &Encoding,
    two_byte: bool,
    has_to_unicode: bool,
    embedded: impl Fn() -> bool,
    dict: &Dictionary,
) -> bool {
    match e {
        Encoding::UnicodeMapEncoding(_) => true,
        Encoding::SimpleEncoding(name) => {
            matches!(
                *name,
                b"UniGB-UCS2-H" | b"UniGB-UTF16-H" | b"WinAnsiEncoding"
            )
        }
        Encoding::OneByteEncoding(_) | Encoding::Differences(_) => {
            !two_byte && (dict.get(b"Encoding").is_ok() || (!has_to_unicode && !embedded()))
        }
    }
}

fn embedded(doc: &Document, dict: &Dictionary) -> bool {
    deref(doc, dict.get(b"FontDescriptor").ok())
        .and_then(|o| o.as_dict().ok())
        .is_some_and(|d| {
            [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| d.get(k).is_ok())
        })
}

/// A /W array longer than any font's glyph count is hostile, not a font.
const MAX_WIDTHS: usize = 70_000;

pub fn deref<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Object> {
    doc.dereference(o?).ok().map(|(_, o)| o)
}

pub fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
    .filter(|v| v.is_finite())
}
