//! The export crate's one error type; messages are for the user.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("找不到可用的中文字体，无法生成 PDF。请安装“仿宋_GB2312”等公文字体，或安装开源字体 fonts-noto-cjk。")]
    NoFonts,
    #[error("生成文件时出错：{0}。请重试；如仍失败，请把这句话报告给技术支持。")]
    Write(String),
    #[error("字体“{0}”无法读取，文件可能已损坏。请重新安装该字体，或删除它以改用其他字体。")]
    BadFont(String),
}
