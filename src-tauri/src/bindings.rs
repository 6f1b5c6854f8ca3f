//! Generates `ui/src/bindings.ts` from the Rust types and fails when the committed file is stale.
//! To regenerate: `UPDATE_BINDINGS=1 cargo test -p nianbao-app bindings`.

use std::path::PathBuf;

use nianbao_core::model::Section;
use nianbao_core::FieldPath;
use ts_rs::{Config, TS};

use crate::about::{About, AboutFont};
use crate::dto::{
    DiagnosticDto, DocStatus, EditResult, FieldEdit, FileOutcome, FixDto, RecentFile,
    RecoveryOffer, SeverityDto, Snapshot,
};
use crate::error::AppError;
use crate::exports::{ExportFormat, ExportOutcome, Preview, PreviewItem, PreviewPage};
use crate::imports::ImportNote;
use crate::layout::{Layout, PartInfo, SectionInfo, SpecCell, TableSpec};

/// Each command with its arguments and its result, as the UI calls it.
const COMMAND_SIGNATURES: &[(&str, &str, &str)] = &[
    ("layout", "Record<string, never>", "Layout"),
    ("snapshot", "Record<string, never>", "Snapshot"),
    ("edit", "{ path: FieldPath; text: string }", "EditResult"),
    ("edit_many", "{ edits: FieldEdit[] }", "EditResult"),
    ("finish_field", "{ path: FieldPath }", "EditResult"),
    ("undo", "Record<string, never>", "Snapshot"),
    ("redo", "Record<string, never>", "Snapshot"),
    ("new_report", "Record<string, never>", "FileOutcome"),
    ("open_dialog", "Record<string, never>", "FileOutcome"),
    ("open_recent", "{ path: string }", "FileOutcome"),
    ("save", "Record<string, never>", "FileOutcome"),
    ("save_as", "Record<string, never>", "FileOutcome"),
    ("recover", "Record<string, never>", "FileOutcome"),
    ("discard_recovery", "Record<string, never>", "Snapshot"),
    ("import_report", "Record<string, never>", "FileOutcome"),
    ("new_next_year", "Record<string, never>", "FileOutcome"),
    ("export", "{ format: ExportFormat }", "ExportOutcome"),
    ("preview", "Record<string, never>", "Preview"),
    ("fill_empty", "{ section: SectionKey | null }", "EditResult"),
    ("review_all", "Record<string, never>", "EditResult"),
    ("open_export", "{ folder: boolean }", "null"),
    ("apply_fix", "{ fix: FixDto }", "EditResult"),
    (
        "explain",
        "{ code: string; path: FieldPath; text: string }",
        "EditResult",
    ),
    (
        "move_text",
        "{ from: FieldPath; text: string; to: FieldPath }",
        "EditResult",
    ),
    ("settings", "Record<string, never>", "SettingsDto"),
    (
        "set_settings",
        "{ overviewMaxChars: number | null; wordlist: string | null }",
        "EditResult",
    ),
    ("pick_wordlist", "Record<string, never>", "string | null"),
    (
        "insert_generated",
        "{ path: FieldPath; at: number }",
        "EditResult",
    ),
    ("attach_last_year", "Record<string, never>", "FileOutcome"),
    ("about", "Record<string, never>", "About"),
    (
        "export_diagnostics",
        "Record<string, never>",
        "ExportOutcome",
    ),
    (
        "log_ui_error",
        "{ kind: string; message: string; stack: string | null }",
        "null",
    ),
    ("desk_add", "{ folder: boolean }", "DeskStarted"),
    ("desk_cancel", "Record<string, never>", "null"),
    ("desk_show", "{ shown: boolean }", "DeskState"),
    ("desk_clear", "Record<string, never>", "null"),
    ("desk_refresh", "Record<string, never>", "DeskStarted"),
    ("desk_findings", "{ id: number }", "DeskFinding[]"),
    ("desk_open", "{ id: number }", "FileOutcome"),
    ("desk_sum", "{ request: SumRequest }", "FileOutcome"),
    ("desk_export", "{ format: SheetFormat }", "DeskExported"),
    (
        "desk_export_issues",
        "Record<string, never>",
        "DeskExported",
    ),
    ("desk_mark_own", "{ id: number }", "DeskRow"),
    (
        "desk_decide",
        "{ id: number, fingerprint: string, decision: \"confirm\" | \"reject\" | \"\", reason: string }",
        "DeskFinding[]",
    ),
];

fn union(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .map(|s| format!("\n  | {}", serde_json::Value::String(s)))
        .collect()
}

pub fn render() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// 由 src-tauri 的 Rust 类型生成，请勿手工修改。\n\
         // Generated from the Rust types in src-tauri; do not edit.\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test -p nianbao-app bindings\n\n",
    );
    out.push_str(&format!(
        "/** The editor's pages: 基本信息 and sections 一 to 六. */\nexport type SectionKey ={};\n\n",
        union(Section::ALL.map(|s| s.key().to_string()))
    ));
    out.push_str(&format!(
        "/** Every field of a report as the edit API names it, and the sections as findings name them. */\nexport type FieldPath ={};\n\n",
        union(
            FieldPath::all_fields()
                .into_iter()
                .chain(
                    Section::ALL
                        .into_iter()
                        .filter(|s| !matches!(s, Section::Problems | Section::Other))
                        .map(FieldPath::Section)
                )
                .map(|p| p.to_string())
        )
    ));
    let decls = [
        AppError::decl(&cfg),
        SeverityDto::decl(&cfg),
        DiagnosticDto::decl(&cfg),
        FixDto::decl(&cfg),
        DocStatus::decl(&cfg),
        EditResult::decl(&cfg),
        RecentFile::decl(&cfg),
        Snapshot::decl(&cfg),
        FieldEdit::decl(&cfg),
        FileOutcome::decl(&cfg),
        RecoveryOffer::decl(&cfg),
        ImportNote::decl(&cfg),
        crate::imports::Dropped::decl(&cfg),
        ExportFormat::decl(&cfg),
        ExportOutcome::decl(&cfg),
        Preview::decl(&cfg),
        PreviewPage::decl(&cfg),
        PreviewItem::decl(&cfg),
        Layout::decl(&cfg),
        SectionInfo::decl(&cfg),
        PartInfo::decl(&cfg),
        TableSpec::decl(&cfg),
        SpecCell::decl(&cfg),
        About::decl(&cfg),
        AboutFont::decl(&cfg),
        crate::settings::SettingsDto::decl(&cfg),
        crate::desk::DeskRow::decl(&cfg),
        crate::desk::DeskCounts::decl(&cfg),
        crate::desk::DeskBatch::decl(&cfg),
        crate::desk::DeskFinding::decl(&cfg),
        crate::desk::DeskState::decl(&cfg),
        crate::desk::DeskStarted::decl(&cfg),
        crate::desk::DeskDropped::decl(&cfg),
        crate::desk::SheetFormat::decl(&cfg),
        crate::desk::DeskExported::decl(&cfg),
        crate::desk::SumRequest::decl(&cfg),
    ];
    for d in decls {
        out.push_str("export ");
        out.push_str(d.trim());
        out.push_str("\n\n");
    }
    out.push_str(
        "/** Every command: its arguments and what it answers. */\nexport interface Commands {\n",
    );
    for (name, args, result) in COMMAND_SIGNATURES {
        out.push_str(&format!(
            "  {name}: {{ args: {args}; result: {result} }};\n"
        ));
    }
    out.push_str("}\n");
    out
}

fn target() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts")
}

#[test]
fn bindings_are_fresh() {
    let want = render();
    let path = target();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &want).expect("write bindings");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "ui/src/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p nianbao-app bindings`"
    );
}

#[test]
fn every_command_has_a_signature() {
    let names: Vec<_> = COMMAND_SIGNATURES.iter().map(|(n, _, _)| *n).collect();
    assert_eq!(names, crate::COMMANDS);
}

/// A command the window is not granted fails only at run time ("… not allowed"): the capability
/// must grant every command, and nothing else of the app's.
#[test]
fn the_window_is_granted_every_command() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities/main.json");
    let caps: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).expect("capability")).expect("json");
    let mut granted: Vec<String> = caps["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    granted.sort();
    let mut want: Vec<String> = crate::COMMANDS.iter().map(|c| c.to_string()).collect();
    want.sort();
    assert_eq!(granted, want);
}
