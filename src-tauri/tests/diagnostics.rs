//! 导出诊断信息 end to end under the mock runtime: a report with text found nowhere else is open,
//! a panic quotes that text, the page reports an error that quotes it too; the zip the command
//! writes holds about.txt (version, system, web engine, each role's face) and the log with both
//! entries, and the text appears nowhere in it. Its own test binary: the panic hook and the
//! automation answers are the whole process's.

use std::io::Read;

use nianbao_app::commands::{lock, AppState};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindowBuilder};

fn invoke(
    w: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    body: serde_json::Value,
) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<serde_json::Value>().expect("json"))
}

/// In the report's agency, title and text, and its file's name; nowhere in the program.
const MARK: &str = "栖霞湾独测";

#[test]
fn the_bundle_holds_log_version_system_engine_and_faces_and_no_report_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/003.nianbao.json");
    let text = std::fs::read_to_string(seed).expect("seed 003");
    assert!(text.contains("孟州"));
    let report = dir.path().join(format!("{MARK}.nianbao.json"));
    std::fs::write(&report, text.replace("孟州", MARK)).expect("write");

    let app = nianbao_app::app_builder(mock_builder(), Some(report))
        .build(mock_context(noop_assets()))
        .expect("app");
    let w = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    let snap = invoke(&w, "snapshot", serde_json::json!({})).expect("snapshot");
    assert!(
        snap["fields"]["meta.agency"]
            .as_str()
            .unwrap_or_default()
            .contains(MARK),
        "{}",
        snap["fields"]["meta.agency"]
    );

    // As `run` does, with the log in this test's folder.
    nianbao_diag::hook::install(nianbao_app::diagnostics::PROGRAM);
    let logs = dir.path().join("logs");
    nianbao_diag::hook::set_log_dir(logs.clone());

    // A panic over the open report that quotes its text (std's message for a bad slice does).
    let agency = {
        let state = app.state::<AppState>();
        let doc = lock(&state.doc);
        doc.report().meta.agency.clone()
    };
    let caught = std::panic::catch_unwind(|| agency[..1].to_string());
    assert!(caught.is_err());
    // And the page's error, quoting it too.
    invoke(
        &w,
        "log_ui_error",
        serde_json::json!({
            "kind": "error",
            "message": format!("TypeError: {agency} is not a function"),
            "stack": format!("render@tauri://localhost/assets/index.js:1:2\n\"{agency}\"@tauri://localhost/assets/index.js:3:4"),
        }),
    )
    .expect("logged");

    let zip_path = dir.path().join("诊断");
    let picks = dir.path().join("picks");
    std::fs::write(&picks, format!("{}\n", zip_path.display())).expect("picks");
    std::env::set_var("NIANBAO_AUTOMATION_PICKS", &picks);
    let done = invoke(&w, "export_diagnostics", serde_json::json!({})).expect("exported");
    assert_eq!(done["kind"], "done", "{done}");
    let written = zip_path.with_extension("zip");
    assert_eq!(done["path"], written.display().to_string());
    assert!(done["message"]
        .as_str()
        .unwrap_or_default()
        .contains("没有年报的内容"));

    let bytes = std::fs::read(&written).expect("the zip");
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut files = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).expect("entry");
        let name = f.name().expect("name").to_string();
        let mut text = String::new();
        f.read_to_string(&mut text).expect("utf-8 text");
        files.push((name, text));
    }
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["about.txt", "nianbao.log"]);
    let about = &files[0].1;
    for want in [
        format!("版本：{}\n", env!("CARGO_PKG_VERSION")),
        "系统：".to_string(),
        std::env::consts::ARCH.to_string(),
        "网页引擎：WebKitGTK 2.".to_string(),
        "  标题：".to_string(),
        "  正文和表格：".to_string(),
        "  一级标题：".to_string(),
        "  二级标题：".to_string(),
        "日志：nianbao.log（".to_string(),
    ] {
        assert!(about.contains(&want), "{want} not in\n{about}");
    }
    let log = &files[1].1;
    let lines: Vec<&str> = log.lines().collect();
    assert!(
        lines[0].contains(" nianbao-editor panic [thread ")
            && lines[0].contains("at src-tauri/tests/diagnostics.rs:")
            && lines[0].contains("byte index 1 is not a char boundary"),
        "{log}"
    );
    assert!(
        lines[1].contains(" nianbao-editor error: TypeError: … is not a function"),
        "{log}"
    );
    assert_eq!(
        lines[2], "    render@tauri://localhost/assets/index.js:1:2",
        "{log}"
    );
    assert_eq!(lines.len(), 4, "{log}");
    for (name, text) in &files {
        assert!(
            !text.contains(MARK),
            "{name} carries the report's text:\n{text}"
        );
        assert!(
            !text.contains("年度报告"),
            "{name} carries the report's title:\n{text}"
        );
    }
}
