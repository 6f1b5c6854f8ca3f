//! The whole app booted under the mock runtime: commands called through the real IPC layer.

use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

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

fn seed() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/003.nianbao.json")
}

#[test]
fn the_app_boots_and_edits_through_ipc() {
    let app = crate::app_builder(mock_builder(), Some(seed()))
        .build(mock_context(noop_assets()))
        .expect("app");
    let w = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");

    let snap = invoke(&w, "snapshot", serde_json::json!({})).expect("snapshot");
    assert_eq!(snap["fields"]["requests.new_received.natural_person"], "91");
    assert_eq!(snap["status"]["dirty"], false);
    assert_eq!(
        snap["diagnostics"],
        serde_json::json!([]),
        "seed 003 is clean"
    );

    let r = invoke(
        &w,
        "edit",
        serde_json::json!({"path": "requests.new_received.natural_person", "text": "92"}),
    )
    .expect("edit");
    let diags = r["diagnostics"].as_array().expect("list");
    let balance = diags
        .iter()
        .find(|d| d["code"] == "T3-BALANCE")
        .expect("balance finding");
    let message = balance["message"].as_str().unwrap_or_default();
    assert!(message.contains("本年新收 92"), "{message}");
    assert_eq!(balance["paths"][0], "requests.new_received.natural_person");
    assert_eq!(balance["severity"], "error");
    assert_eq!(r["status"]["dirty"], true);
    assert!(r["status"]["windowTitle"]
        .as_str()
        .unwrap_or_default()
        .starts_with('*'));

    let err = invoke(
        &w,
        "edit",
        serde_json::json!({"path": "meta.kind", "text": "学校"}),
    )
    .expect_err("bad choice");
    assert_eq!(err["code"], "errors.edit.value");

    let snap = invoke(&w, "undo", serde_json::json!({})).expect("undo");
    assert_eq!(snap["fields"]["requests.new_received.natural_person"], "91");
    assert_eq!(snap["diagnostics"], serde_json::json!([]));
    assert_eq!(snap["status"]["dirty"], false);
}

#[test]
fn a_broken_file_on_the_command_line_gives_a_notice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("坏文件.nianbao.json");
    std::fs::write(&path, b"{\"schema_version\": 1,").expect("write");
    let app = crate::app_builder(mock_builder(), Some(path.clone()))
        .build(mock_context(noop_assets()))
        .expect("app");
    let w = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    let snap = invoke(&w, "snapshot", serde_json::json!({})).expect("snapshot");
    let notice = snap["notice"].as_str().expect("notice");
    assert!(
        notice.starts_with("无法打开“坏文件.nianbao.json”"),
        "{notice}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        b"{\"schema_version\": 1,"
    );
}

#[test]
fn a_fix_goes_back_through_ipc_as_it_came_and_generating_speaks_chinese() {
    let app = crate::app_builder(mock_builder(), Some(seed()))
        .build(mock_context(noop_assets()))
        .expect("app");
    let w = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    let r = invoke(
        &w,
        "edit",
        serde_json::json!({"path": "requests.new_received.natural_person", "text": "92"}),
    )
    .expect("edit");
    let fix = r["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .find(|d| d["code"] == "TEXT-TABLE-MISMATCH")
        .map(|d| d["fix"].clone())
        .expect("the text's 146 now disagrees");
    assert_eq!(fix["label"], "改为 147");
    assert_eq!(fix["path"], "overview.requests");

    // The UI sends the fix back exactly as it received it.
    let r = invoke(&w, "apply_fix", serde_json::json!({ "fix": fix })).expect("fix");
    let text = r["changed"]["overview.requests"].as_str().expect("text");
    assert!(text.contains("申请 147 件"), "{text}");
    assert!(r["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .all(|d| d["code"] != "TEXT-TABLE-MISMATCH"));
    let err = invoke(&w, "apply_fix", serde_json::json!({ "fix": fix })).expect_err("stale");
    assert_eq!(err["code"], "errors.edit.fix_outdated");

    let err = invoke(
        &w,
        "insert_generated",
        serde_json::json!({"path": "problems", "at": 0}),
    )
    .expect_err("no button there");
    assert_eq!(err["code"], "errors.edit.generate");
    assert!(err["message"]
        .as_str()
        .unwrap_or_default()
        .contains("按表格生成"));
    let r = invoke(
        &w,
        "insert_generated",
        serde_json::json!({"path": "overview.active", "at": 0}),
    )
    .expect("generate");
    let text = r["changed"]["overview.active"].as_str().expect("text");
    assert!(
        text.starts_with("2023年，制发行政规范性文件5件，废止行政规范性文件18件，现行有效行政规范性文件77件。\n持续深化"),
        "{text}"
    );
}

#[test]
fn a_dropped_file_opens_or_imports_by_its_form() {
    use tauri::Manager;
    let app = crate::app_builder(mock_builder(), None)
        .build(mock_context(noop_assets()))
        .expect("app");
    let state = app.state::<crate::commands::AppState>();
    let seeds = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/seeds");
    let text = std::fs::read_dir(&seeds)
        .expect("seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().contains("003_"))
        .expect("seed 003 text");

    // Published text: imported as a new, unsaved document.
    let outcome =
        tauri::async_runtime::block_on(crate::imports::open_dropped(app.handle(), &state, text))
            .expect("imported");
    assert!(matches!(outcome, crate::dto::FileOutcome::Done { .. }));
    {
        let doc = crate::commands::lock(&state.doc);
        assert_eq!(doc.report().meta.agency, "孟州市人民政府");
        assert!(doc.path.is_none() && doc.is_dirty(), "an import is unsaved");
    }

    // Not a report: a Chinese reason, the open document kept.
    let dir = tempfile::tempdir().expect("tempdir");
    let junk = dir.path().join("清单.txt");
    std::fs::write(&junk, "牛奶\n面包\n").expect("write");
    // The imported document is unsaved: answer the 保存/不保存/取消 question with 不保存 through
    // the automation file, as the e2e tests do.
    let e = tauri::async_runtime::block_on(async {
        let picks = dir.path().join("picks");
        std::fs::write(&picks, "不保存\n").expect("picks");
        std::env::set_var(crate::dialogs::AUTOMATION_ENV, &picks);
        let r = crate::imports::open_dropped(app.handle(), &state, junk.clone()).await;
        std::env::remove_var(crate::dialogs::AUTOMATION_ENV);
        r
    })
    .expect_err("refused");
    assert!(e.message.starts_with("无法导入“清单.txt”"), "{}", e.message);
    assert_eq!(
        crate::commands::lock(&state.doc).report().meta.agency,
        "孟州市人民政府",
        "nothing replaced"
    );
}

#[test]
fn the_desk_checks_a_folder_in_the_background_and_keeps_its_list() {
    let app = crate::app_builder(mock_builder(), None)
        .build(mock_context(noop_assets()))
        .expect("app");
    let w = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    let dir = tempfile::tempdir().expect("tempdir");
    let fixtures = seed().parent().expect("fixtures").to_path_buf();
    for n in ["000", "001", "002", "003", "004"] {
        std::fs::copy(
            fixtures.join(format!("{n}.nianbao.json")),
            dir.path().join(format!("{n}.nianbao.json")),
        )
        .expect("copy");
    }
    std::fs::write(dir.path().join("坏.nianbao.json"), "{\"meta\": ").expect("broken");

    // A second check while one runs is refused in words, not queued silently. A check of six
    // small files may end before a second call could race it, so the running one is pretended.
    {
        use tauri::Manager;
        let state = app.state::<crate::commands::AppState>();
        crate::commands::lock(&state.desk).pretend_running(true);
        let again = crate::desk::add_dropped(app.handle(), vec![dir.path().to_path_buf()]);
        assert_eq!(
            again.err().map(|e| e.code),
            Some("errors.desk.busy".to_string())
        );
        crate::commands::lock(&state.desk).pretend_running(false);
    }
    let started =
        crate::desk::add_dropped(app.handle(), vec![dir.path().to_path_buf()]).expect("started");
    assert!(matches!(started, crate::desk::DeskStarted::Started { .. }));
    let state = loop {
        let s = invoke(&w, "desk_show", serde_json::json!({"shown": true})).expect("show");
        if s["running"] == false {
            break s;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let rows = state["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 6, "{state}");
    let broken = rows
        .iter()
        .find(|r| r["readable"] == false)
        .expect("the broken file is a row");
    assert!(broken["summary"].as_str().unwrap_or_default().len() > 6);
    let mengzhou = rows
        .iter()
        .find(|r| r["agency"] == "孟州市人民政府")
        .expect("seed 003");
    assert_eq!(mengzhou["year"], 2023);
    let count = |r: &serde_json::Value| {
        ["errors", "warnings", "infos"]
            .iter()
            .map(|k| r[k].as_u64().unwrap_or(0))
            .sum::<u64>()
    };
    let busiest = rows.iter().max_by_key(|r| count(r)).expect("rows");
    assert!(count(busiest) > 0, "the seeds have findings to show");
    let findings = invoke(
        &w,
        "desk_findings",
        serde_json::json!({"id": busiest["id"]}),
    )
    .expect("findings");
    assert_eq!(
        findings.as_array().map(Vec::len),
        Some(count(busiest) as usize)
    );

    // Nothing changed on disk: 刷新 says so and starts nothing.
    let r = invoke(&w, "desk_refresh", serde_json::json!({})).expect("refresh");
    assert_eq!(r["kind"], "nothing", "{r}");
    assert!(r["message"]
        .as_str()
        .unwrap_or_default()
        .contains("没有文件改动过"));

    let err = invoke(&w, "desk_findings", serde_json::json!({"id": 99})).expect_err("no row");
    assert_eq!(err["code"], "errors.desk.row");
    invoke(&w, "desk_clear", serde_json::json!({})).expect("clear");
    let s = invoke(&w, "desk_show", serde_json::json!({"shown": false})).expect("show");
    assert_eq!(s["rows"], serde_json::json!([]));
}
