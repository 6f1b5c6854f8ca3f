//! 导出 (PDF, Word, 网页) and 预览: the export crate's output for the open report. The PDF
//! layout also feeds the preview, so what the user sees in the app is the pages of the PDF.

use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use nianbao_core::{Report, Tally};
use nianbao_export::layout::{Item, PAGE_H, PAGE_W};
use nianbao_export::{
    export_docx, export_html, export_pdf, lay_out, CacheUse, FontSearch, FontSet, Role,
};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::commands::{lock, AppState};
use crate::dialogs::{self, Filter};
use crate::dto::DocStatus;
use crate::error::{AppError, AppResult};
use crate::files;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Pdf,
    Docx,
    Html,
}

impl ExportFormat {
    fn filter(self) -> Filter {
        match self {
            ExportFormat::Pdf => Filter {
                name: "PDF 文档（.pdf）",
                extensions: &["pdf"],
            },
            ExportFormat::Docx => Filter {
                name: "Word 文档（.docx）",
                extensions: &["docx"],
            },
            ExportFormat::Html => Filter {
                name: "网页（.html）",
                extensions: &["html"],
            },
        }
    }

    fn ending(self) -> &'static str {
        match self {
            ExportFormat::Pdf => ".pdf",
            ExportFormat::Docx => ".docx",
            ExportFormat::Html => ".html",
        }
    }

    fn label(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "PDF",
            ExportFormat::Docx => "Word 文档",
            ExportFormat::Html => "网页",
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ExportOutcome {
    Done {
        path: String,
        /// What was written and what the user should know about it, in Chinese.
        message: String,
    },
    Cancelled,
}

/// The faces and what the font cache did, found once per run and through the cache the
/// command line uses: with a valid cache no font folder is scanned, and the faces' files are
/// mapped, so the first 预览 or 导出 pays only for the faces it draws.
fn loaded_fonts() -> &'static (Result<FontSet, String>, CacheUse) {
    static FONTS: OnceLock<(Result<FontSet, String>, CacheUse)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let loaded = FontSet::load(&FontSearch::system());
        (loaded.fonts.map_err(|e| e.to_string()), loaded.cache)
    })
}

pub(crate) fn fonts() -> AppResult<&'static FontSet> {
    loaded_fonts()
        .0
        .as_ref()
        .map_err(|e| AppError::new("errors.export.fonts", e.clone()))
}

/// Where the font cache is and what it did this run, in Chinese, for 关于.
pub(crate) fn font_cache_note() -> String {
    let what = loaded_fonts().1.describe();
    match FontSearch::system().cache {
        Some(path) => format!("字体缓存：{}。{what}", path.display()),
        None => what.to_string(),
    }
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The document in the chosen format, and the notes for the user.
pub fn render(
    report: &Report,
    format: ExportFormat,
    created: i64,
) -> AppResult<(Vec<u8>, Vec<String>)> {
    let failed = |e: nianbao_export::ExportError| {
        AppError::new(
            "errors.export.render",
            format!("无法生成{}：{e}", format.label()),
        )
    };
    let mut notes = Vec::new();
    let bytes = match format {
        ExportFormat::Pdf => {
            let out = export_pdf(report, fonts()?, created).map_err(failed)?;
            notes.push(format!("共 {} 页。", out.pages));
            notes.extend(out.warnings);
            out.bytes
        }
        ExportFormat::Docx => {
            let bytes = export_docx(report, created).map_err(failed)?;
            notes.push("文档中指定的是公文字体（方正小标宋简体、黑体、楷体_GB2312、仿宋_GB2312），没有这些字体的电脑会用相近字体代替。".into());
            bytes
        }
        ExportFormat::Html => export_html(report).into_bytes(),
    };
    let tally = Tally::of(&nianbao_core::validate(report, None));
    if tally.errors > 0 {
        notes.push(format!(
            "注意：年报中还有 {} 处错误（见“审核结果”），导出的文件如实包含了这些内容。改正后请重新导出。",
            tally.errors
        ));
    }
    Ok((bytes, notes))
}

#[tauri::command]
pub async fn export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: ExportFormat,
) -> AppResult<ExportOutcome> {
    let (report, title, dir) = {
        let doc = lock(&state.doc);
        let dir = doc
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(|d| d.to_path_buf());
        (doc.report().clone(), DocStatus::of(&doc).title, dir)
    };
    let suggested = dialogs::file_name_for(&title, format.ending());
    let title = format!("导出{}", format.label());
    let Some(path) = dialogs::pick_save(&app, &title, &format.filter(), suggested, dir).await
    else {
        return Ok(ExportOutcome::Cancelled);
    };
    let path = if path.extension().is_none() {
        path.with_extension(&format.ending()[1..])
    } else {
        path
    };
    let (bytes, notes) =
        tauri::async_runtime::spawn_blocking(move || render(&report, format, now()))
            .await
            .map_err(|_| AppError::new("errors.export.render", "导出没有完成，请重试。"))??;
    files::write_atomic(&path, &bytes, false)?;
    *lock(&state.last_export) = Some(path.clone());
    let mut message = format!("已导出{}：{}", format.label(), path.display());
    for n in notes {
        message.push('\n');
        message.push_str(&n);
    }
    Ok(ExportOutcome::Done {
        path: path.display().to_string(),
        message,
    })
}

/// 打开文件 / 打开所在文件夹 for what was just exported; the page cannot name any other file.
#[tauri::command]
pub fn open_export(state: State<'_, AppState>, folder: bool) -> AppResult<()> {
    let Some(path) = lock(&state.last_export).clone() else {
        return Err(AppError::new(
            "errors.open",
            "还没有导出过文件：请先导出，再打开。",
        ));
    };
    crate::opener::open(&path, folder)
}

/// The pages of the PDF, for the preview: positions in points from the page's top-left corner.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    pub width: f32,
    pub height: f32,
    /// The family of each face, by the `font` index of a text item (标题, 正文, 黑体, 楷体).
    pub fonts: Vec<String>,
    pub pages: Vec<PreviewPage>,
    /// Characters the fonts lack, and the like.
    pub warnings: Vec<String>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct PreviewPage {
    pub items: Vec<PreviewItem>,
}

#[derive(Clone, Debug, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum PreviewItem {
    /// `y` is the baseline; `spacing` the extra space after each character.
    Text {
        x: f32,
        y: f32,
        size: f32,
        font: u8,
        spacing: f32,
        text: String,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
    },
}

pub fn preview_of(report: &Report) -> AppResult<Preview> {
    let fonts = fonts()?;
    let laid = lay_out(report, fonts)
        .map_err(|e| AppError::new("errors.export.render", format!("无法生成预览：{e}")))?;
    let mut missing: Vec<char> = laid.missing.iter().map(|(c, _)| *c).collect();
    missing.dedup();
    let warnings = if missing.is_empty() {
        Vec::new()
    } else {
        let chars: String = missing.iter().map(|c| format!("“{c}”")).collect();
        vec![format!(
            "字体中没有这些字：{chars}，导出的 PDF 中会显示为空白或方框。"
        )]
    };
    let pages = laid
        .pages
        .into_iter()
        .map(|p| PreviewPage {
            items: p
                .items
                .into_iter()
                .map(|it| match it {
                    Item::Text {
                        x,
                        y,
                        size,
                        role,
                        spacing,
                        text,
                    } => PreviewItem::Text {
                        x,
                        y,
                        size,
                        font: role as u8,
                        spacing,
                        text,
                    },
                    Item::Rule { x1, y1, x2, y2 } => PreviewItem::Rule { x1, y1, x2, y2 },
                })
                .collect(),
        })
        .collect();
    Ok(Preview {
        width: PAGE_W,
        height: PAGE_H,
        fonts: Role::ALL
            .into_iter()
            .map(|r| fonts.face(r).family.clone())
            .collect(),
        pages,
        warnings,
    })
}

#[tauri::command]
pub async fn preview(state: State<'_, AppState>) -> AppResult<Preview> {
    let report = lock(&state.doc).report().clone();
    tauri::async_runtime::spawn_blocking(move || preview_of(&report))
        .await
        .map_err(|_| AppError::new("errors.export.render", "预览没有完成，请重试。"))?
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::load_report;

    fn seed(n: &str) -> Report {
        let path = format!(
            "{}/tests/fixtures/{n}.nianbao.json",
            env!("CARGO_MANIFEST_DIR")
        );
        load_report(&std::fs::read(path).expect("fixture")).expect("loads")
    }

    #[test]
    fn preview_is_the_pdf_pages() {
        let r = seed("003");
        let p = preview_of(&r).expect("preview");
        let pdf = export_pdf(&r, fonts().expect("fonts"), 0).expect("pdf");
        assert_eq!(p.pages.len(), pdf.pages);
        assert_eq!(p.fonts.len(), 4);
        let text: String = p.pages[0]
            .items
            .iter()
            .filter_map(|i| match i {
                PreviewItem::Text { text, .. } => Some(text.as_str()),
                PreviewItem::Rule { .. } => None,
            })
            .collect();
        assert!(text.contains("一、总体情况"), "{text}");
    }

    #[test]
    fn every_format_renders_and_errors_are_mentioned() {
        let clean = seed("003");
        let mut broken = clean.clone();
        broken
            .apply("requests.new_received.natural_person", "92")
            .expect("edit");
        assert!(Tally::of(&nianbao_core::validate(&broken, None)).errors > 0);
        assert_eq!(Tally::of(&nianbao_core::validate(&clean, None)).errors, 0);
        for (r, f) in [
            (&clean, ExportFormat::Pdf),
            (&broken, ExportFormat::Pdf),
            (&clean, ExportFormat::Docx),
            (&broken, ExportFormat::Html),
        ] {
            let (bytes, notes) = render(r, f, 0).expect("render");
            let magic: &[u8] = match f {
                ExportFormat::Pdf => b"%PDF",
                ExportFormat::Docx => b"PK",
                ExportFormat::Html => b"<!DOCTYPE html>",
            };
            assert!(bytes.starts_with(magic), "{f:?}");
            let errors = Tally::of(&nianbao_core::validate(r, None)).errors;
            assert_eq!(
                notes.iter().any(|n| n.starts_with("注意：年报中还有")),
                errors > 0,
                "{f:?}: {notes:?}"
            );
        }
    }
}
