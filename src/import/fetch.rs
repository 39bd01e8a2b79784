//! `annals import https://…`: fetches a page with a timeout and a size limit and decodes it by the
//! charset the server names (`Content-Type`), else the one the page names (`<meta charset>` or
//! `http-equiv`), else as [`super::decode`] guesses (UTF-8 or EUC-KR).

use regex::Regex;
use std::io::Read;
use std::sync::LazyLock;
use std::time::Duration;

use super::ImportError;

/// Pages larger than this are refused: an article page is well under it.
pub(crate) const MAX_BYTES: u64 = 8 * 1024 * 1024;
/// The whole request must finish within this.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(20);

/// Whether an input names a web page rather than a file.
pub(crate) fn is_url(input: &str) -> bool {
    input.starts_with("http://") || input.starts_with("https://")
}

/// A fetched page: its text, the address it came from (after redirects) and whether the server
/// said it is HTML.
#[derive(Debug)]
pub(crate) struct Page {
    pub text: String,
    pub url: String,
    pub is_html: bool,
}

static META_CHARSET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)"#).unwrap());

fn charset_of(content_type: &str) -> Option<String> {
    content_type
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| v.trim().trim_matches('"').to_string())
}

/// Decodes a page's bytes: the server's charset, then the page's own `<meta>`, then a guess.
pub(crate) fn decode_page(
    bytes: &[u8],
    header_charset: Option<&str>,
    url: &str,
) -> Result<String, ImportError> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let meta = META_CHARSET.captures(&head).map(|c| c[1].to_string());
    let label = header_charset.map(str::to_string).or(meta);
    if let Some(encoding) = label.and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes())) {
        let (text, _, had_errors) = encoding.decode(bytes);
        if !had_errors {
            return Ok(text.into_owned());
        }
    }
    super::decode::decode(bytes, url)
}

/// Fetches a page.
pub(crate) fn fetch(url: &str) -> Result<Page, ImportError> {
    let fail = |reason: String| ImportError::Fetch { url: url.to_string(), reason };
    let agent = ureq::AgentBuilder::new()
        .timeout(TIMEOUT)
        .redirects(5)
        .user_agent(concat!("Mozilla/5.0 (compatible; annals-import/", env!("CARGO_PKG_VERSION"), ")"))
        .build();
    let response = match agent.get(url).call() {
        Ok(r) => r,
        Err(ureq::Error::Status(code, _)) => return Err(fail(format!("the server answered {code}"))),
        Err(e) => return Err(fail(e.to_string())),
    };
    let final_url = response.get_url().to_string();
    let content_type = response.header("content-type").unwrap_or("").to_string();
    if let Some(len) = response.header("content-length").and_then(|l| l.parse::<u64>().ok()) {
        if len > MAX_BYTES {
            return Err(fail(format!("the page is {len} bytes, more than the limit of {MAX_BYTES}")));
        }
    }
    let mut bytes = Vec::new();
    response
        .into_reader()
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("reading the page failed: {e}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(fail(format!("the page is more than the limit of {MAX_BYTES} bytes")));
    }
    let text = decode_page(&bytes, charset_of(&content_type).as_deref(), url)?;
    let is_html = content_type.to_ascii_lowercase().contains("html");
    Ok(Page { text, url: final_url, is_html })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_comes_from_the_header_then_the_page() {
        assert_eq!(charset_of("text/html; charset=EUC-KR").as_deref(), Some("EUC-KR"));
        assert_eq!(charset_of("text/html"), None);
        let (bytes, _, _) = encoding_rs::EUC_KR.encode("<meta charset=\"euc-kr\"><p>예산을 편성했다.</p>");
        assert!(decode_page(&bytes, None, "u").unwrap().contains("예산을 편성했다"));
        let (bytes, _, _) = encoding_rs::EUC_KR.encode("<p>예산</p>");
        assert!(decode_page(&bytes, Some("euc-kr"), "u").unwrap().contains("예산"));
    }
}
