// Shared by build.rs (which turns each name into an `allow-…` permission) and the app (whose
// tests check this list against the handler and the generated TypeScript). Keep in step with
// `tauri::generate_handler!` in lib.rs.
pub const COMMANDS: &[&str] = &[
    "layout",
    "snapshot",
    "edit",
    "edit_many",
    "finish_field",
    "undo",
    "redo",
    "new_report",
    "open_dialog",
    "open_recent",
    "save",
    "save_as",
    "recover",
    "discard_recovery",
    "import_report",
    "new_next_year",
    "export",
    "preview",
    "fill_empty",
    "review_all",
    "open_export",
    "apply_fix",
    "insert_generated",
    "attach_last_year",
];
