//! Prints the line-and-tab text the PDF front end hands to the text importer, for looking at
//! how a PDF's tables were rebuilt: `cargo run -p nianbao-import --example pdf_text FILE.pdf`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args_os()
        .nth(1)
        .ok_or("用法：pdf_text 文件.pdf")?;
    let bytes = std::fs::read(path)?;
    let text = nianbao_import::pdf::pdf_text(&bytes)?;
    print!("{}", text.text);
    Ok(())
}
