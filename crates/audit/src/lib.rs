//! 批量审核与汇总: the engine behind `nianbao check`, `nianbao sum` and the editor's 批量审核 desk.
//!
//! This is shell-side code (it reads files and may start LibreOffice through `nianbao-convert`);
//! the rules themselves stay in the pure core. One implementation serves the terminal and the
//! window, so both count the same findings and sum the same numbers.

mod check;
mod collect;
pub mod desk_state;
pub mod fingerprint;
pub mod issues;
pub mod own;
mod run;
mod stamp;
mod sum;
pub mod workbook;

pub use check::{check_file, outcome_of, read_any, read_saved, Finding, Outcome, Row};
pub use collect::{collect, is_importable, is_report_file, IMPORTABLE};
pub use desk_state::{
    content_hash, relative_name, Comparison, Counts, Decision, DeskState, FileEntry, FindingEntry,
    ReportChange, Seen, Status, DESK_FILE,
};
pub use fingerprint::{fingerprint, fingerprints};
pub use nianbao_core::{Severity, Tally};
pub use run::{read_all, run, Cancelled, Progress};
pub use stamp::{changed, stamp, Stamp};
pub use sum::{sum, table_errors, SumOptions, SumOutcome};

/// What can go wrong in a batch, in words the user can act on.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("已停止：还没有完成就被取消了，没有生成任何结果。")]
    Cancelled,
    #[error("没有一份报告可以汇总。请先添加能打开、且是 {year} 年度的报告。")]
    NothingToSum {
        year: u64,
        /// Every file and why it was not counted.
        refused: Vec<(std::path::PathBuf, String)>,
    },
    #[error("无法生成审核表：{0}。请重试；如果一直不成，请改为导出 CSV。")]
    Workbook(String),
    /// The desk's state file could not be used; the reason says what is wrong with it.
    #[error("审核台记录文件 .nianbao-desk.json 无法使用：{0}。审核本身不受影响；请把这个文件改名或删除后重新审核（之前的确认、驳回和备注需要重新填写）。")]
    DeskState(String),
    #[error("驳回一个问题时请写明理由，例如“该单位本年确无此项业务”。")]
    RejectWithoutReason,
    #[error("无法生成问题清单：{0}。请重试；如果一直不成，请改为导出审核表。")]
    IssueList(String),
}

impl From<Cancelled> for AuditError {
    fn from(_: Cancelled) -> AuditError {
        AuditError::Cancelled
    }
}
