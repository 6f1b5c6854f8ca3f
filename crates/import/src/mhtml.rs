//! Web archives (`.mht`/`.mhtml`, a browser's "网页，单个文件"): a MIME multipart message whose
//! first text/html part is the page. Only that part is taken, its transfer encoding undone
//! (quoted-printable or base64) and its declared charset kept for the HTML front end.

use encoding_rs::Encoding;

/// Whether the bytes start as a MIME message holding related parts.
pub fn is_mhtml(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let starts_as_mime = [
        "from:",
        "mime-version:",
        "content-type:",
        "subject:",
        "date:",
    ]
    .iter()
    .any(|h| head.trim_start().starts_with(h));
    starts_as_mime && head.contains("multipart/related")
}

/// "boundary=\"----=_NextPart_000\"" → "----=_NextPart_000".
fn param(headers: &str, name: &str) -> Option<String> {
    let lower = headers.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = &headers[at..];
    let value = match rest.strip_prefix('"') {
        Some(q) => q.split('"').next()?,
        None => rest.split(|c: char| c == ';' || c.is_whitespace()).next()?,
    };
    Some(value.to_string())
}

/// Splits a part into its headers (unfolded, one line each) and body.
fn split_part(part: &str) -> (String, &str) {
    let (head, body) = part
        .split_once("\r\n\r\n")
        .or_else(|| part.split_once("\n\n"))
        .unwrap_or((part, ""));
    (
        head.replace("\r\n", "\n")
            .replace("\n\t", " ")
            .replace("\n ", " "),
        body,
    )
}

fn header<'a>(headers: &'a str, name: &str) -> Option<&'a str> {
    headers.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

fn quoted_printable(body: &str) -> Vec<u8> {
    let b = body.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            let hex = |c: u8| (c as char).to_digit(16);
            match (b.get(i + 1), b.get(i + 2)) {
                (Some(b'\r'), Some(b'\n')) => i += 3,
                (Some(b'\n'), _) => i += 2,
                (Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                    out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                    i += 3;
                }
                _ => {
                    out.push(b'=');
                    i += 1;
                }
            }
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

fn base64(body: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(body.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0);
    for v in body.bytes().filter_map(value) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// The page of a web archive: its bytes and the charset its part declares.
pub fn page(bytes: &[u8]) -> Option<(Vec<u8>, Option<&'static Encoding>)> {
    // The MIME structure is ASCII; a page's own bytes inside an 8bit part survive a lossy
    // view only if they are UTF-8, so 8bit parts are cut from the raw bytes by offset.
    let Ok(text) = std::str::from_utf8(bytes) else {
        return page_8bit(bytes);
    };
    let (head, _) = split_part(text);
    let boundary = param(&head, "boundary")?;
    let marker = format!("--{boundary}");
    for part in text.split(marker.as_str()).skip(1) {
        let (headers, body) = split_part(part.trim_start_matches(['\r', '\n']));
        let kind = header(&headers, "Content-Type")
            .unwrap_or("")
            .to_ascii_lowercase();
        if !kind.starts_with("text/html") {
            continue;
        }
        let charset = param(&headers, "charset").and_then(|c| Encoding::for_label(c.as_bytes()));
        let encoding = header(&headers, "Content-Transfer-Encoding")
            .unwrap_or("")
            .to_ascii_lowercase();
        let raw = match encoding.as_str() {
            "quoted-printable" => quoted_printable(body),
            "base64" => base64(body),
            _ => body.as_bytes().to_vec(),
        };
        return Some((raw, charset));
    }
    None
}

/// A web archive whose html part is raw 8-bit text in a non-UTF-8 charset (GBK pages saved
/// without transfer encoding): found by byte search, not through a lossy string.
fn page_8bit(bytes: &[u8]) -> Option<(Vec<u8>, Option<&'static Encoding>)> {
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay.get(from..)?
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
            .map(|p| p + from)
    };
    let head_end = find(bytes, b"\n\n", 0).or_else(|| find(bytes, b"\r\n\r\n", 0))?;
    let (head, _) = split_part(std::str::from_utf8(&bytes[..head_end]).ok()?);
    let boundary = format!("--{}", param(&head, "boundary")?);
    let html_at = find(bytes, b"content-type: text/html", head_end)?;
    let body_at = find(bytes, b"\n\n", html_at)
        .map(|p| p + 2)
        .or_else(|| find(bytes, b"\r\n\r\n", html_at).map(|p| p + 4))?;
    let headers = String::from_utf8_lossy(&bytes[html_at..body_at]).into_owned();
    let charset = param(&headers, "charset").and_then(|c| Encoding::for_label(c.as_bytes()));
    let end = find(bytes, boundary.as_bytes(), body_at).unwrap_or(bytes.len());
    Some((bytes[body_at..end].to_vec(), charset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_of_a_web_archive() {
        let mht = "From: <Saved by Blink>\r\nSubject: =?utf-8?Q?x?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<html><body><p>=E4=B8=80=E3=80=81=E6=80=BB=E4=BD=93=E6=83=85=E5=86=B5</p><td colspan=3D\"2\">x</td>=\r\n</body></html>\r\n------MultipartBoundary--abc----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--abc------\r\n";
        assert!(is_mhtml(mht.as_bytes()));
        let (html, charset) = page(mht.as_bytes()).expect("a page");
        assert_eq!(
            String::from_utf8(html).expect("utf-8"),
            "<html><body><p>一、总体情况</p><td colspan=\"2\">x</td></body></html>\r\n"
        );
        assert_eq!(charset, None);
        assert!(!is_mhtml(b"<html>"));
    }

    #[test]
    fn base64_and_8bit_gbk_parts() {
        assert_eq!(base64("5LiA44CB\r\n5oC75L2T"), "一、总体".as_bytes());
        let (gbk, _, _) = encoding_rs::GBK.encode("<p>总体情况</p>");
        let mut mht = b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b1\n\n--b1\nContent-Type: text/html; charset=\"gb2312\"\nContent-Transfer-Encoding: 8bit\n\n".to_vec();
        mht.extend_from_slice(&gbk);
        mht.extend_from_slice(b"\n--b1--\n");
        let (html, charset) = page(&mht).expect("a page");
        assert_eq!(charset, Some(encoding_rs::GBK));
        assert_eq!(
            charset.map(|c| c.decode(&html).0.into_owned()).as_deref(),
            Some("<p>总体情况</p>\n")
        );
    }
}
