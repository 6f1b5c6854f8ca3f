//! A face cut down to the characters one document draws, before printpdf sees it. printpdf
//! parses a whole face and keeps its own copy of the file (a CJK collection is 20–30 MB, and
//! its parse of 65,000 glyphs is most of an export's time and memory); cut to the few hundred
//! glyphs a report uses, the same face costs a few hundred KB. printpdf then subsets again for
//! embedding, as it always did, and the layout keeps measuring with the whole face, so the pages
//! do not move.

use std::collections::BTreeSet;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};

/// The face `data`#`index` with only the glyphs of `chars` (and .notdef), parsed for printpdf;
/// `None` when the face cannot be cut (the caller then hands printpdf the whole face).
pub fn pdf_font_for(
    data: &[u8],
    index: u32,
    chars: &BTreeSet<char>,
) -> Option<printpdf::ParsedFont> {
    let face = ttf_parser::Face::parse(data, index).ok()?;
    // Glyph 0 first, no duplicates: allsorts requires both, and numbers the subset's glyphs in
    // this order.
    let glyphs: BTreeSet<u16> = std::iter::once(0)
        .chain(
            chars
                .iter()
                .filter_map(|c| face.glyph_index(*c))
                .map(|g| g.0),
        )
        .collect();
    let glyphs: Vec<u16> = glyphs.into_iter().collect();
    let file = ReadScope::new(data).read::<FontData<'_>>().ok()?;
    let provider = file.table_provider(index as usize).ok()?;
    // The minimal profile keeps cmap (printpdf maps characters to glyphs through it), hmtx
    // (widths) and OS/2 (the weight behind /StemV).
    let bytes = subset(
        &provider,
        &glyphs,
        &SubsetProfile::Minimal,
        CmapTarget::Unicode,
    )
    .ok()?;
    let mut warnings = Vec::new();
    printpdf::ParsedFont::from_bytes(&bytes, 0, &mut warnings)
}
