//! The `.nianbao.json` format: bytes in, report out, with errors a user can act on. No IO here:
//! the shell and the CLI read and write the bytes.

use serde::Deserialize;

use crate::error::CoreError;
use crate::model::{Report, SCHEMA_VERSION};

/// Real reports are 20–60 KB; anything this large is not one, and parsing it would only waste
/// memory before failing.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Parses a report file. Never panics; every failure is a [`CoreError`] in Chinese.
pub fn load_report(bytes: &[u8]) -> Result<Report, CoreError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(CoreError::TooLarge {
            size_mb: (bytes.len() as u64).div_ceil(1024 * 1024),
            limit_mb: (MAX_FILE_BYTES / (1024 * 1024)) as u64,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(CoreError::Empty);
    }
    if bytes.contains(&0) {
        return Err(CoreError::NotText);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| CoreError::NotText)?;
    if !text.trim_start().starts_with('{') {
        // Valid JSON of another shape (a list, a number) is a wrong file, not a broken one.
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => CoreError::NotAReport,
            Err(e) => json_error(e),
        });
    }

    // Read the version first, so a newer file is refused before any of it is interpreted.
    #[derive(Deserialize)]
    struct Version {
        schema_version: Option<serde_json::Value>,
    }
    let version: Version = serde_json::from_str(text).map_err(json_error)?;
    let found = match version.schema_version {
        None => return Err(CoreError::MissingSchemaVersion),
        Some(v) => v.as_u64().ok_or(CoreError::MissingSchemaVersion)?,
    };
    if found > u64::from(SCHEMA_VERSION) {
        return Err(CoreError::NewerSchema {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found == 0 {
        return Err(CoreError::MissingSchemaVersion);
    }
    // Version 1 differs from 2 only in keeping three of last year's counts under `baseline`,
    // which the model reads in place (see `model::last_year`); later migrations go here.
    let mut de = serde_json::Deserializer::from_str(text);
    let report: Report = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let mut err = json_error(e.into_inner());
        if let CoreError::Invalid { field, .. } = &mut err {
            if path != "." && !path.is_empty() {
                *field = format!("，字段 {path}");
            }
        }
        err
    })?;
    de.end().map_err(json_error)?;
    // In memory a report is always of the current format, whatever version it was read from.
    let mut report = report;
    report.schema_version = SCHEMA_VERSION;
    Ok(report)
}

/// Writes a report as pretty JSON: version 3 when it holds 说明, else version 2, which is all a
/// file without them needs (older programs keep opening it).
pub fn save_report(report: &Report) -> Vec<u8> {
    let mut r = report.clone();
    r.schema_version = if r.explanations.is_empty() {
        SCHEMA_VERSION - 1
    } else {
        SCHEMA_VERSION
    };
    let mut out = serde_json::to_vec_pretty(&r).unwrap_or_default();
    out.push(b'\n');
    out
}

fn json_error(e: serde_json::Error) -> CoreError {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        Category::Eof => CoreError::Truncated { line, column },
        Category::Syntax => CoreError::NotJson { line, column },
        Category::Io => CoreError::NotText,
        Category::Data => CoreError::Invalid {
            line,
            column,
            field: String::new(),
            detail: translate_serde_detail(&e.to_string()),
        },
    }
}

/// serde's data errors are English; the common ones are turned into Chinese, the rest are passed
/// through after a Chinese lead-in so that support can still read them.
fn translate_serde_detail(msg: &str) -> String {
    let msg = msg.split(" at line ").next().unwrap_or(msg);
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return format!("有本软件不认识的字段“{name}”");
    }
    if let Some(rest) = msg.strip_prefix("duplicate field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return format!("字段“{name}”出现了两次，无法确定用哪一个");
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return format!("缺少字段“{name}”");
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "类型不对：应为{}，实际是{}",
            type_word(expected),
            type_word(found)
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let value = rest.split('`').next().unwrap_or(rest);
        return format!("选项“{value}”不认识");
    }
    msg.to_string()
}

/// serde's names for JSON shapes, in words a user knows.
fn type_word(s: &str) -> String {
    let s = s.trim();
    let word = if s.contains("string") {
        "文字"
    } else if s.contains("integer")
        || s.contains("u64")
        || s.contains("u32")
        || s.contains("floating")
    {
        "数字"
    } else if s.contains("sequence") {
        "列表"
    } else if s.contains("map") || s.contains("struct") {
        "对象"
    } else if s.contains("boolean") {
        "是/否"
    } else if s.contains("null") || s.contains("unit") {
        "空值"
    } else {
        return s.to_string();
    };
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AgencyKind;

    #[test]
    fn save_then_load_is_identity() {
        let mut r = Report::new("某局", AgencyKind::Department, 2023);
        r.apply("requests.granted.natural_person", "12a")
            .expect("edit");
        r.apply("active.fee", "805.50").expect("edit");
        let back = load_report(&save_report(&r)).expect("load");
        assert_eq!(back, r);
    }

    #[test]
    fn hostile_inputs_give_chinese_errors() {
        let good = save_report(&Report::new("某局", AgencyKind::Department, 2023));
        type Check = fn(&CoreError) -> bool;
        let cases: Vec<(Vec<u8>, Check)> = vec![
            (good[..good.len() / 2].to_vec(), |e| {
                matches!(e, CoreError::Truncated { .. })
            }),
            (b"hello".to_vec(), |e| {
                matches!(e, CoreError::NotJson { .. })
            }),
            (b"".to_vec(), |e| matches!(e, CoreError::Empty)),
            (b"\x89PNG\r\n\x1a\n\0\0".to_vec(), |e| {
                matches!(e, CoreError::NotText)
            }),
            (br#"{"schema_version": 99}"#.to_vec(), |e| {
                matches!(e, CoreError::NewerSchema { found: 99, .. })
            }),
            (br#"{"meta": {}}"#.to_vec(), |e| {
                matches!(e, CoreError::MissingSchemaVersion)
            }),
            (br#"{"schema_version": 1, "bogus": 1}"#.to_vec(), |e| {
                matches!(e, CoreError::Invalid { .. })
            }),
            (
                br#"{"schema_version": 1, "active": {"fee": 1, "fee": 2}}"#.to_vec(),
                |e| matches!(e, CoreError::Invalid { .. }),
            ),
            (vec![b' '; MAX_FILE_BYTES + 1], |e| {
                matches!(e, CoreError::TooLarge { .. })
            }),
            ("[".repeat(100_000).into_bytes(), |e| {
                matches!(e, CoreError::NotJson { .. } | CoreError::Truncated { .. })
            }),
        ];
        for (bytes, want) in cases {
            let err = load_report(&bytes).expect_err("must fail");
            assert!(want(&err), "unexpected error {err:?}");
            let text = err.to_string();
            assert!(
                text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "message must be Chinese: {text}"
            );
        }
    }
}
