//! Export of a 政府信息公开工作年度报告: one document tree ([`tree`]), laid out on pages by a
//! pure layout ([`layout`]), drawn as PDF by a thin printpdf adapter ([`pdf`]). Fonts are found
//! and loaded apart from all of that ([`fonts`]).

pub mod error;
pub mod fonts;
pub mod layout;
pub mod pdf;
pub mod tree;

pub use error::ExportError;
pub use fonts::{FontSet, Role};

use nianbao_core::Report;

/// ttf-parser measuring for the layout.
struct FaceMeasure<'a>(ttf_parser::Face<'a>);

impl layout::Measure for FaceMeasure<'_> {
    fn advance(&self, c: char) -> Option<f32> {
        let gid = self.0.glyph_index(c)?;
        let adv = self.0.glyph_hor_advance(gid)?;
        Some(adv as f32 / self.0.units_per_em() as f32)
    }
}

/// A finished PDF and what the user should know about it.
pub struct PdfExport {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Which face served which role.
    pub faces: Vec<(Role, String)>,
    /// Chinese sentences: characters the fonts lack, and the like.
    pub warnings: Vec<String>,
}

/// Lays a report out on pages with the given fonts.
pub fn lay_out(report: &Report, fonts: &FontSet) -> Result<layout::Layout, ExportError> {
    lay_out_document(&tree::build(report), fonts)
}

fn lay_out_document(doc: &tree::Document, fonts: &FontSet) -> Result<layout::Layout, ExportError> {
    let parsed: Vec<FaceMeasure> = Role::ALL
        .into_iter()
        .map(|r| {
            let f = fonts.face(r);
            ttf_parser::Face::parse(&f.data, f.index)
                .map(FaceMeasure)
                .map_err(|_| ExportError::BadFont(f.family.clone()))
        })
        .collect::<Result<_, _>>()?;
    let metrics = layout::Metrics {
        faces: [&parsed[0], &parsed[1], &parsed[2], &parsed[3]],
    };
    Ok(layout::layout(doc, &metrics))
}

/// Lays out a report and renders it as PDF. `created` is the creation time (Unix seconds).
pub fn export_pdf(
    report: &Report,
    fonts: &FontSet,
    created: i64,
) -> Result<PdfExport, ExportError> {
    let doc = tree::build(report);
    let laid = lay_out_document(&doc, fonts)?;
    let bytes = pdf::render(
        &laid,
        fonts,
        &pdf::PdfInfo {
            title: &doc.title,
            author: &doc.author,
            created,
        },
    )?;
    Ok(PdfExport {
        bytes,
        pages: laid.pages.len(),
        faces: fonts.describe(),
        warnings: missing_glyph_warnings(&laid),
    })
}

fn missing_glyph_warnings(l: &layout::Layout) -> Vec<String> {
    let mut chars: Vec<char> = l.missing.iter().map(|(c, _)| *c).collect();
    chars.dedup();
    if chars.is_empty() {
        return Vec::new();
    }
    let listed: Vec<String> = chars
        .iter()
        .map(|c| format!("“{c}”（U+{:04X}）", *c as u32))
        .collect();
    vec![format!(
        "字体中没有这些字：{}，PDF 中它们会显示为空白或方框。请改用常用字，或安装包含这些字的字体后重新导出。",
        listed.join("、")
    )]
}
