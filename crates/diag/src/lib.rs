//! Diagnostics for offline support. Agencies' PCs are often on networks without internet, so
//! nothing is sent anywhere: panics (and, through the editor, the window's errors) are written to
//! a small local log, and 关于 → 导出诊断信息 writes a zip the user can pass on.
//!
//! - [`scrub`]: what a message may carry (no report text; see the module for why and how).
//! - [`log`]: the log's entries, its rotation (two files of at most 256 KB) and the appending.
//! - [`hook`]: the panic hook shared by `nianbao-editor` and `nianbao`.
//! - [`os`]: the system's name and version, parsed from what each system prints.
//! - [`bundle`]: what goes in the zip, and the zip.
//!
//! The pure parts are functions with unit tests; only `Log::append`/`files`, the hook and
//! `os::describe` touch the machine.

pub mod bundle;
pub mod hook;
pub mod log;
pub mod os;
pub mod scrub;

pub use log::Log;

#[derive(Debug, thiserror::Error)]
pub enum DiagError {
    #[error("无法写入诊断日志“{path}”：{reason}。请检查这个文件夹是否可写。")]
    Log { path: String, reason: String },
    #[error("无法生成诊断压缩包（{0}）。请重试；如果仍然不行，请把日志文件夹里的 nianbao.log 直接发给技术支持。")]
    Zip(String),
}
