//! 关于: the version, and which installed face each part of an exported document will use, so a
//! user whose PDF looks wrong can see at once that 仿宋_GB2312 (say) is missing on this machine.

use nianbao_export::FontSet;
use serde::Serialize;
use ts_rs::TS;

use crate::error::AppResult;

/// The one version of the app, the CLI and the packages: the workspace's (`Cargo.toml`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct About {
    pub version: String,
    /// Each export role (标题, 正文和表格, 一级标题, 二级标题) and the family serving it.
    pub fonts: Vec<AboutFont>,
    /// Why no faces could be listed, in Chinese (no CJK font installed at all).
    pub fonts_problem: Option<String>,
    /// Where the font cache is and what it did this run, in Chinese.
    pub font_cache: String,
}

#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AboutFont {
    pub role: String,
    pub family: String,
    /// The face's file, when it came from one (shown on hover).
    pub file: Option<String>,
}

pub fn about_of(fonts: AppResult<&FontSet>, font_cache: String) -> About {
    match fonts {
        Ok(set) => About {
            version: VERSION.to_string(),
            fonts: set
                .files()
                .into_iter()
                .map(|(r, face)| AboutFont {
                    role: r.label().to_string(),
                    family: face.family.clone(),
                    file: face.path.as_ref().map(|p| p.display().to_string()),
                })
                .collect(),
            fonts_problem: None,
            font_cache,
        },
        Err(e) => About {
            version: VERSION.to_string(),
            fonts: Vec::new(),
            fonts_problem: Some(e.message),
            font_cache,
        },
    }
}

/// Without a font cache (first start, or fonts changed) discovery scans every installed font
/// (a few hundred ms), so it runs off the UI's thread; later calls reuse what the export found.
#[tauri::command]
pub async fn about() -> About {
    tauri::async_runtime::spawn_blocking(|| {
        about_of(crate::exports::fonts(), crate::exports::font_cache_note())
    })
    .await
    .unwrap_or_else(|_| {
        about_of(
            Err(crate::error::AppError::new(
                "errors.export.fonts",
                "没能查明本机的字体，请关闭“关于”后重试。",
            )),
            String::new(),
        )
    })
}

/// `nianbao-editor --version` and `--help`: answered on the terminal, without opening a window.
pub fn command_line_answer<I: IntoIterator<Item = String>>(args: I) -> Option<String> {
    for a in args.into_iter().skip(1) {
        match a.as_str() {
            "--version" | "-V" => return Some(format!("nianbao-editor {VERSION}")),
            "--help" | "-h" => {
                return Some(format!(
                    "年报编制器 {VERSION}：编制、审核并导出政府信息公开工作年度报告。\n\n\
                     用法：nianbao-editor [年报文件.nianbao.json]\n\n\
                     选项：\n  \
                     --data-dir=文件夹  自动保存的记录和最近打开的文件列表存放在此文件夹（例如 U 盘上的便携版）\n  \
                     -V, --version     显示版本\n  \
                     -h, --help        显示本说明\n\n\
                     命令行审核、导入和导出：nianbao --help"
                ))
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AppError;
    use nianbao_export::fonts::Face;
    use nianbao_export::{FontBytes, Role};
    use std::sync::Arc;

    fn face(family: &str) -> Face {
        Face::new(family.to_string(), Arc::new(FontBytes::from(Vec::new())), 0)
    }

    #[test]
    fn lists_every_role_with_its_face() {
        let set = FontSet::from_faces(vec![
            (Role::Title, face("方正小标宋简体")),
            (Role::Body, face("仿宋_GB2312")),
            (Role::Heading1, face("黑体")),
            (Role::Heading2, face("LXGW WenKai")),
        ])
        .expect("set");
        let a = about_of(Ok(&set), String::new());
        assert_eq!(a.version, env!("CARGO_PKG_VERSION"));
        let pairs: Vec<(&str, &str)> = a
            .fonts
            .iter()
            .map(|f| (f.role.as_str(), f.family.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("标题", "方正小标宋简体"),
                ("正文和表格", "仿宋_GB2312"),
                ("一级标题", "黑体"),
                ("二级标题", "LXGW WenKai"),
            ]
        );
        assert_eq!(a.fonts_problem, None);
    }

    #[test]
    fn a_role_without_its_own_face_shows_the_body_face() {
        let set = FontSet::from_faces(vec![(Role::Body, face("Noto Serif CJK SC"))]).expect("set");
        let a = about_of(Ok(&set), String::new());
        assert!(a.fonts.iter().all(|f| f.family == "Noto Serif CJK SC"));
        assert_eq!(a.fonts.len(), 4);
    }

    #[test]
    fn no_fonts_says_why_and_still_gives_the_version() {
        let a = about_of(
            Err(AppError::new("errors.export.fonts", "找不到中文字体。")),
            String::new(),
        );
        assert!(a.fonts.is_empty());
        assert_eq!(a.fonts_problem.as_deref(), Some("找不到中文字体。"));
        assert!(!a.version.is_empty());
    }

    #[test]
    fn version_and_help_on_the_command_line() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            command_line_answer(args(&["nianbao-editor", "--version"])),
            Some(format!("nianbao-editor {}", env!("CARGO_PKG_VERSION")))
        );
        assert_eq!(
            command_line_answer(args(&["nianbao-editor", "-V"])),
            command_line_answer(args(&["x", "--version"]))
        );
        let help = command_line_answer(args(&["nianbao-editor", "--help"])).expect("help");
        assert!(help.contains("用法：nianbao-editor"), "{help}");
        // A report file, or the options a WebDriver adds, start the window as before.
        assert_eq!(
            command_line_answer(args(&["nianbao-editor", "a.nianbao.json"])),
            None
        );
        assert_eq!(
            command_line_answer(args(&["nianbao-editor", "--automation"])),
            None
        );
    }
}
