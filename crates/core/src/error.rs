//! The one error type of the core. Its messages are shown to office staff, so they are Chinese
//! sentences that say what happened and what to do.

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum CoreError {
    #[error("找不到字段“{0}”。这是程序内部的问题，请把这句话报告给技术支持。")]
    UnknownPath(String),

    #[error("“{value}”不是{what}的可选项。可选：{choices}。")]
    InvalidChoice {
        what: &'static str,
        value: String,
        choices: String,
    },

    #[error("{field}的内容已经改变（应有“{found}”的地方现在是“{now}”），这个修改建议已过时。请看最新的审核结果再改。")]
    FixOutdated {
        field: String,
        found: String,
        now: String,
    },

    #[error("{0}还没有填写，无法按表格生成。请先填写表格。")]
    TablesEmpty(String),

    #[error("“{0}”没有可按表格生成的内容；“按表格生成”用于一、总体情况的（一）主动公开和（二）依申请公开。")]
    NotGenerated(String),

    #[error("文件太大（{size_mb} MB），年报文件一般不超过 1 MB，上限是 {limit_mb} MB。请确认选择的是年报文件（.nianbao.json）。")]
    TooLarge { size_mb: u64, limit_mb: u64 },

    #[error("文件是空的，里面没有年报内容。请确认选择了正确的文件；如有备份，请打开备份。")]
    Empty,

    #[error("文件不是文本文件（可能是 Word、PDF 或图片）。年报文件应是 .nianbao.json；Word 或文本格式的旧年报请用“导入”功能。")]
    NotText,

    #[error("文件不完整，在第 {line} 行第 {column} 列意外结束，可能在保存时被中断。原文件未作任何改动；如有备份，请打开备份。")]
    Truncated { line: usize, column: usize },

    #[error("文件不是年报文件：第 {line} 行第 {column} 列不符合 JSON 格式。如果这是文本格式的旧年报，请用“导入”功能。")]
    NotJson { line: usize, column: usize },

    #[error("文件是 JSON 格式，但不是年报文件（最外层应是一个对象）。请确认选择了正确的文件。")]
    NotAReport,

    #[error("文件缺少格式版本号（schema_version），不是本软件保存的年报文件。")]
    MissingSchemaVersion,

    #[error("这个文件由更新版本的年报编制器保存（格式版本 {found}，本软件支持到 {supported}）。请升级软件后再打开；为免丢失内容，本软件不会读取它。")]
    NewerSchema { found: u64, supported: u32 },

    #[error("{which}没有填写年度，无法关联上年年报。请先在“基本信息”中填写年度。")]
    LastYearNoYear { which: &'static str },

    #[error("所选的是 {found} 年的报告，而本报告是 {this_year} 年的，上年年报应是 {} 年的。请选择上一年度的报告。", this_year.saturating_sub(1))]
    LastYearWrongYear { found: u64, this_year: u64 },

    #[error("词表第 {line} 行“{text}”不是“错词 → 正词”的格式。请每行写一对，中间用 → 或 -> 隔开；以 # 开头的行是注释。")]
    WordListLine { line: usize, text: String },

    #[error("“{0}”不是文字段落，文字只能移到总体情况的开头部分或各个方面、第五部分或第六部分。")]
    NotProse(String),

    #[error("要移动的文字已不在“{0}”中（可能已经改过或移走了）。请直接在正文中剪切、粘贴。")]
    TextGone(String),

    #[error("没有代码为“{0}”的审核规则，无法为它写说明。请从审核结果中选择要说明的条目。")]
    UnknownRule(String),

    #[error("“{0}”是错误，不能用说明代替改正。请按提示改正后再审核；只有警告和提示可以写说明。")]
    ErrorNotExplainable(String),

    #[error("说明有 {chars} 个字，最多 {limit} 个字。请写得简短些，详细材料可另附。")]
    ExplanationTooLong { chars: usize, limit: usize },

    #[error("文件内容有误（第 {line} 行第 {column} 列{field}）：{detail}。原文件未作任何改动。")]
    Invalid {
        line: usize,
        column: usize,
        /// "，字段 meta.agency" when the place is known, else empty.
        field: String,
        detail: String,
    },
}

/// What an operating-system error means for the user, as the end of a Chinese sentence. Shared by
/// the CLI and the editor, which do the IO; the core itself never touches files.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "文件不存在，请检查路径和文件名。".to_string(),
        ErrorKind::PermissionDenied => "没有权限，请检查文件或文件夹的权限。".to_string(),
        ErrorKind::StorageFull => "磁盘空间已满，请清理空间或换一个位置保存。".to_string(),
        ErrorKind::ReadOnlyFilesystem => "磁盘或文件夹是只读的，请换一个位置保存。".to_string(),
        ErrorKind::QuotaExceeded => "磁盘配额已用完，请清理空间或换一个位置保存。".to_string(),
        ErrorKind::ResourceBusy => "文件正被其他程序使用，请关闭它后重试。".to_string(),
        _ => format!("系统报告：{e}"),
    }
}
