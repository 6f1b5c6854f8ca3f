//! 停止 within 200 ms, even while a file is stuck in a slow LibreOffice conversion. In its own
//! test binary: it points NIANBAO_SOFFICE at a fake converter for the whole process.

#![cfg(unix)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use nianbao_audit::run;

#[test]
fn cancel_returns_within_200_ms_while_a_conversion_hangs() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let fake = dir.path().join("soffice");
    std::fs::write(&fake, "#!/bin/sh\nsleep 5\n").expect("write");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::env::set_var("NIANBAO_SOFFICE", &fake);
    let doc = PathBuf::from(format!(
        "{}/../../tests/import/libreoffice/seed-003.doc",
        env!("CARGO_MANIFEST_DIR")
    ));
    // More stuck files than workers, so every worker is inside the converter.
    let files: Vec<PathBuf> = (0..8).map(|_| doc.clone()).collect();
    let cancel = Arc::new(AtomicBool::new(false));
    let stopper = cancel.clone();
    let pressed = Arc::new(std::sync::Mutex::new(None));
    let at = pressed.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(400));
        if let Ok(mut at) = at.lock() {
            *at = Some(Instant::now());
        }
        stopper.store(true, Ordering::Relaxed);
    });
    let mut rows = 0;
    let result = run(&files, &cancel, |_, _| rows += 1);
    let returned = Instant::now();
    assert!(result.is_err(), "cancelled");
    assert_eq!(rows, 0, "no file finished converting");
    let pressed = pressed.lock().expect("lock").expect("cancel was pressed");
    let took = returned.duration_since(pressed);
    assert!(took < Duration::from_millis(200), "stopped after {took:?}");
}
