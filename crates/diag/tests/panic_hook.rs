//! A panic in a program with the hook installed lands in the log, scrubbed, and the previous
//! hook still runs. Its own test binary: the hook is the whole process's.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use nianbao_diag::{hook, log};

#[test]
fn a_panic_caught_in_a_thread_lands_in_the_log_without_the_report_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&calls);
    // Stands in for std's hook (which would print to the terminal): it must still be called.
    std::panic::set_hook(Box::new(move |info| {
        seen.fetch_add(1, Ordering::SeqCst);
        eprintln!("{info}");
    }));
    hook::install("nianbao-test");
    hook::set_log_dir(dir.path().join("logs"));

    let agency = "独一无二测试局";
    let caught = std::panic::catch_unwind(|| {
        let title = format!("{agency}2025年政府信息公开工作年度报告");
        // The kind of panic that quotes its data: a string cut inside a character.
        let _ = &title[..1];
    });
    assert!(caught.is_err(), "the slice panicked");
    let caught = std::thread::Builder::new()
        .name("worker".into())
        .spawn(move || {
            let figures: Vec<u32> = vec![91, 3];
            let at = figures.len() + agency.len();
            figures[at]
        })
        .expect("thread")
        .join();
    assert!(caught.is_err(), "the index panicked");

    let text = String::from_utf8(
        std::fs::read(dir.path().join("logs").join(log::FILES[0])).expect("the log"),
    )
    .expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].contains(" nianbao-test panic [thread ")
            && lines[0].contains("] at crates/diag/tests/panic_hook.rs:"),
        "{text}"
    );
    assert!(
        lines[0].contains("byte index 1 is not a char boundary"),
        "{text}"
    );
    assert!(lines[1].contains("[thread worker]"), "{text}");
    assert!(
        lines[1].contains("index out of bounds: the len is 2 but the index is 23"),
        "{text}"
    );
    assert!(
        !text.contains("独一无二"),
        "no report text in the log:\n{text}"
    );
    assert!(!text.contains("年度报告"), "{text}");
    assert_eq!(
        calls.load(Ordering::SeqCst),
        2,
        "the previous hook ran for each panic"
    );
}
