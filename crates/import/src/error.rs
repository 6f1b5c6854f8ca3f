//! The importer's one error type: a file that cannot be read as a report at all. Everything short
//! of that is imported, with findings.

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("文件不是纯文本，也不是 Word 文档或网页（可能是图片、压缩包或其他程序的文件）。请选择年报的 Word 文档（.docx、.doc、.wps）、网页（.html）或文本文件（.txt）。")]
    NotText,
    #[error("文件中找不到年报的标题、章节或表格。请确认选择的是政府信息公开工作年度报告的文字。")]
    NotAReport,
    #[error("文件太大（{size_mb} MB），不像是一份年报的文字。请确认选择了正确的文件。")]
    TooLarge { size_mb: u64 },
    #[error("文件太大（{size_mb} MB），不像是一份年报。请确认选择了正确的文件；Word 文档中的大图片可以先删去再导入。")]
    FileTooLarge { size_mb: u64 },
    #[error("这是一个压缩包，但不是 Word 文档（.docx），里面没有正文（word/document.xml）。请选择年报的 Word、PDF、网页或文本文件。")]
    NotWord,
    #[error("Word 文档已损坏，无法读取（{why}）。请用 Word 或 WPS 打开它，“另存为” Word 文档（.docx）后再导入。")]
    BrokenWord { why: String },
    #[error("Word 文档中的“{part}”解压后超过 {limit_mb} MB，不像是一份年报（可能是损坏或恶意构造的文件），已停止读取。")]
    PartTooLarge { part: String, limit_mb: u64 },
    #[error("这是旧版 Word（.doc）或 WPS（.wps）文件，需要先转换为 .docx 才能导入。请在 Word 或 WPS 中打开它，选择“另存为”→“Word 文档（.docx）”，再导入保存的文件。")]
    OldWord,
    #[error("网页文件已损坏或内容太复杂，无法读取（{why}）。请在浏览器中打开该网页，另存为“网页，仅 HTML”后再导入，或复制正文保存为 .txt。")]
    BrokenHtml { why: String },
    #[error("这是扫描件：PDF 中只有图片，没有文字层，无法读出文字和数字。请用原始 Word 文件导入，或手工录入。")]
    PdfScanned,
    #[error("PDF 设有打开密码（已加密），无法读取。请用 PDF 阅读器输入密码后另存为不加密的 PDF，或用原始 Word 文件导入。")]
    PdfEncrypted,
    #[error(
        "PDF 文件已损坏或不完整，无法读取。请重新下载或导出这份 PDF，或用原始 Word 文件导入。"
    )]
    PdfBroken,
    #[error("PDF 的页数或内容远超一份年报（可能是损坏或恶意构造的文件），已停止读取。请确认选择了正确的文件，或用原始 Word 文件导入。")]
    PdfTooComplex,
    #[error("PDF 中的文字使用了没有编码对照表的字体，读出来是乱码。请用原始 Word 文件导入，或手工录入。")]
    PdfNoUnicode,
}
