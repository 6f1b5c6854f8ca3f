//! The one error that crosses the IPC boundary: a stable code for the program and a Chinese
//! sentence for the user.

use serde::Serialize;
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// Stable, dotted: `errors.file.read`, `errors.edit.value`, …
    pub code: String,
    /// What happened and what to do, in Chinese.
    pub message: String,
}

impl AppError {
    pub fn new(code: &str, message: impl Into<String>) -> AppError {
        AppError {
            code: code.to_string(),
            message: message.into(),
        }
    }
}

impl From<nianbao_core::CoreError> for AppError {
    fn from(e: nianbao_core::CoreError) -> AppError {
        use nianbao_core::CoreError as E;
        let code = match e {
            E::UnknownPath(_) => "errors.edit.path",
            E::InvalidChoice { .. } => "errors.edit.value",
            E::FixOutdated { .. } => "errors.edit.fix_outdated",
            E::TablesEmpty(_) | E::NotGenerated(_) => "errors.edit.generate",
            E::NotProse(_) | E::TextGone(_) => "errors.edit.move",
            E::UnknownRule(_) | E::ErrorNotExplainable(_) | E::ExplanationTooLong { .. } => {
                "errors.edit.explain"
            }
            _ => "errors.file.invalid",
        };
        AppError::new(code, e.to_string())
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_and_message() {
        let e = AppError::new("errors.file.read", "无法读取文件。");
        assert_eq!(
            serde_json::to_string(&e).ok().as_deref(),
            Some(r#"{"code":"errors.file.read","message":"无法读取文件。"}"#)
        );
    }

    #[test]
    fn core_errors_keep_their_chinese_message() {
        let e: AppError = nianbao_core::CoreError::Empty.into();
        assert_eq!(e.code, "errors.file.invalid");
        assert!(e.message.contains("文件是空的"));
    }
}
