//! The thin adapter from positioned layout items to printpdf operations.

use printpdf::{
    FontId, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point,
    Pt, TextItem,
};

use std::collections::BTreeSet;

use crate::error::ExportError;
use crate::font_subset;
use crate::fonts::{FontSet, Role};
use crate::layout::{Item, Layout, PAGE_H};

pub struct PdfInfo<'a> {
    pub title: &'a str,
    pub author: &'a str,
    /// Seconds since 1970 (UTC), given by the caller: the layout code has no clock.
    pub created: i64,
}

pub fn render(layout: &Layout, fonts: &FontSet, info: &PdfInfo) -> Result<Vec<u8>, ExportError> {
    let mut doc = PdfDocument::new(info.title);
    doc.metadata.info.author = info.author.to_string();
    doc.metadata.info.creator = "年报编制器 Nianbao".to_string();
    doc.metadata.info.producer = "年报编制器 Nianbao".to_string();
    if let Ok(t) = printpdf::OffsetDateTime::from_unix_timestamp(info.created) {
        doc.metadata.info.creation_date = t;
        doc.metadata.info.modification_date = t;
        doc.metadata.info.metadata_date = t;
    }

    // One embedded font per distinct face; roles sharing a face share the font. Only the roles
    // the pages draw with are parsed: parsing a CJK face is most of an export's time.
    let mut ids: Vec<(Role, FontId)> = Vec::new();
    let mut loaded: Vec<((usize, u32), FontId)> = Vec::new();
    let drawn = |role: Role| {
        layout.pages.iter().any(|p| {
            p.items
                .iter()
                .any(|i| matches!(i, Item::Text { role: r, .. } if *r == role))
        })
    };
    let key_of = |role: Role| {
        let face = fonts.face(role);
        (std::sync::Arc::as_ptr(&face.data) as usize, face.index)
    };
    for role in Role::ALL.into_iter().filter(|r| drawn(*r)) {
        let face = fonts.face(role);
        let key = key_of(role);
        let id = match loaded.iter().find(|(k, _)| *k == key) {
            Some((_, id)) => id.clone(),
            None => {
                // Every character drawn with this face, whichever role it serves.
                let chars: BTreeSet<char> = layout
                    .pages
                    .iter()
                    .flat_map(|p| &p.items)
                    .filter_map(|i| match i {
                        Item::Text { role: r, text, .. } if key_of(*r) == key => Some(text),
                        _ => None,
                    })
                    .flat_map(|t| t.chars())
                    .collect();
                let parsed = match font_subset::pdf_font_for(&face.data, face.index, &chars) {
                    Some(p) => p,
                    None => face
                        .pdf_font()
                        .cloned()
                        .ok_or_else(|| ExportError::BadFont(face.family.clone()))?,
                };
                // Named in drawing order, not by printpdf's random ids: the fonts are then
                // written in one order with one set of subset tags, and the same report gives
                // the same PDF apart from its date and document ID. printpdf takes an id's first
                // six characters as the subset tag, which readers expect to be six capitals:
                // NIANBA, NIANBB, … (at most four faces).
                let letter = char::from(b'A' + loaded.len() as u8);
                let id = FontId(format!("NIANB{letter}"));
                doc.resources
                    .fonts
                    .map
                    .insert(id.clone(), printpdf::PdfFont::new(parsed));
                loaded.push((key, id.clone()));
                id
            }
        };
        ids.push((role, id));
    }
    let font = |role: Role| {
        ids.iter()
            .find(|(r, _)| *r == role)
            .map(|(_, id)| id.clone())
    };

    let mut pages = Vec::new();
    for page in &layout.pages {
        let mut ops = vec![Op::SetOutlineThickness { pt: Pt(0.5) }];
        for item in &page.items {
            match item {
                Item::Rule { x1, y1, x2, y2 } => ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: Point {
                                    x: Pt(*x1),
                                    y: Pt(PAGE_H - y1),
                                },
                                bezier: false,
                            },
                            LinePoint {
                                p: Point {
                                    x: Pt(*x2),
                                    y: Pt(PAGE_H - y2),
                                },
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                }),
                Item::Text {
                    x,
                    y,
                    size,
                    role,
                    spacing,
                    text,
                } => {
                    let Some(id) = font(*role) else { continue };
                    ops.extend([
                        Op::StartTextSection,
                        Op::SetFont {
                            font: PdfFontHandle::External(id),
                            size: Pt(*size),
                        },
                        Op::SetCharacterSpacing {
                            multiplier: *spacing,
                        },
                        Op::SetTextCursor {
                            pos: Point {
                                x: Pt(*x),
                                y: Pt(PAGE_H - y),
                            },
                        },
                        Op::ShowText {
                            items: vec![TextItem::Text(text.clone())],
                        },
                        Op::EndTextSection,
                    ]);
                }
            }
        }
        pages.push(PdfPage::new(Mm(210.0), Mm(297.0), ops));
    }
    let mut warnings = Vec::new();
    let bytes = doc.with_pages(pages).save(
        &PdfSaveOptions {
            subset_fonts: true,
            ..PdfSaveOptions::default()
        },
        &mut warnings,
    );
    Ok(bytes)
}
