// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Some(answer) = nianbao_app::about::command_line_answer(std::env::args()) {
        println!("{answer}");
        return;
    }
    nianbao_app::run();
}
