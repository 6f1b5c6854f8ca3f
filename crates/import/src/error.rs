//! The importer's one error type: a file that is not a report's text at all. Everything short of
//! that is imported, with findings.

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("文件不是纯文本（可能是 Word、PDF、压缩包或图片）。Word 文档请先“另存为”纯文本（.txt），或从网页直接复制文字保存为 .txt 后再导入。")]
    NotText,
    #[error("文件中找不到年报的标题、章节或表格。请确认选择的是政府信息公开工作年度报告的文字。")]
    NotAReport,
    #[error("文件太大（{size_mb} MB），不像是一份年报的文字。请确认选择了正确的文件。")]
    TooLarge { size_mb: u64 },
}
