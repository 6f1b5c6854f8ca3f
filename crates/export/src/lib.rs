//! Export of a 政府信息公开工作年度报告: one document tree ([`tree`]), laid out on pages by a
//! pure layout ([`layout`]), drawn as PDF by a thin printpdf adapter ([`pdf`]). Fonts are found
//! and loaded apart from all of that ([`fonts`], with the cache in [`font_cache`], the folders in
//! [`font_dirs`] and the mapped files in [`font_bytes`]).

pub mod docx;
pub mod error;
pub mod font_bytes;
pub mod font_cache;
pub mod font_dirs;
mod font_subset;
pub mod fonts;
pub mod html;
pub mod layout;
pub mod pdf;
pub mod tree;
mod xml;

pub use error::ExportError;
pub use font_bytes::FontBytes;
pub use fonts::{CacheUse, FontSearch, FontSet, Loaded, Role};

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

/// The report as a Word document. `created` is the creation time (Unix seconds).
pub fn export_docx(report: &Report, created: i64) -> Result<Vec<u8>, ExportError> {
    docx::render(
        &tree::build(report),
        &docx::DocxInfo {
            created: &w3cdtf(created),
        },
    )
}

/// The report as one standalone HTML page.
pub fn export_html(report: &Report) -> String {
    html::render(&tree::build(report))
}

/// Unix seconds as "2024-02-01T00:00:00Z" (days-to-civil, Howard Hinnant's algorithm).
pub fn w3cdtf(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn w3cdtf_dates() {
        assert_eq!(super::w3cdtf(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::w3cdtf(1_706_745_600), "2024-02-01T00:00:00Z");
        assert_eq!(super::w3cdtf(951_782_400), "2000-02-29T00:00:00Z");
    }
}
