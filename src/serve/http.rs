//! A minimal HTTP/1.1 server on std's `TcpListener`: GET and HEAD of files from the in-memory
//! site, one thread and one request per connection (`Connection: close`), and the live-reload
//! event stream. Written by hand rather than with an HTTP crate because it needs little (no
//! request bodies, no keep-alive, no TLS) and the event stream needs every event flushed at once.

use super::{Shared, EVENTS_PATH};
use crate::build::url::{encode_path_into, percent_decode};
use std::io::{self, Write};
use std::net::TcpStream;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;
use unicode_normalization::UnicodeNormalization;

/// How often an idle event stream gets a comment, which also notices closed connections.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Served in place of the site's 404 page when the site has none yet (a first build that failed):
/// it carries the live-reload script, so the error overlay shows and the fix reloads it.
const FALLBACK_404: &str = "<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404</h1><p>No page here (yet).</p></body></html>";

/// The live-reload client: reloads on `reload`, shows the build's problems over the page on
/// `build-error` (not `error`, which EventSource fires itself when the connection drops), and
/// reloads on reconnecting to a restarted server. Served as a file of its own
/// ([`RELOAD_SCRIPT_PATH`]) so that pages under the theme's Content-Security-Policy
/// (`script-src 'self'`) run it; the overlay's look is set through the CSSOM, which that policy
/// allows, not through style attributes.
const RELOAD_SCRIPT: &str = r#"/* annals serve: live reload */(function () {
  var overlay = null, session = null;
  function clear() { if (overlay) { overlay.remove(); overlay = null; } }
  function show(lines) {
    clear();
    overlay = document.createElement("div");
    overlay.id = "annals-error-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1.5rem;" +
      "background:rgba(30,0,0,.93);color:#fff;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;white-space:pre-wrap";
    var title = document.createElement("strong");
    title.textContent = "annals serve: the site could not be rebuilt (the last good pages are shown)";
    var text = document.createElement("div");
    text.style.marginTop = "1em";
    text.textContent = lines.join("\n");
    overlay.appendChild(title);
    overlay.appendChild(text);
    document.body.appendChild(overlay);
  }
  var events = new EventSource("/__annals/events");
  events.addEventListener("hello", function (e) {
    if (session !== null && session !== e.data) location.reload();
    session = e.data;
    clear();
  });
  events.addEventListener("reload", function () { clear(); location.reload(); });
  events.addEventListener("build-error", function (e) {
    try { show(JSON.parse(e.data)); } catch (_) { show([String(e.data)]); }
  });
})();
"#;

/// Where the live-reload script is served (beside the event stream, outside any site path).
const RELOAD_SCRIPT_PATH: &str = "/__annals/reload.js";

/// The element that loads the live-reload script.
const RELOAD_TAG: &str = "<script src=\"/__annals/reload.js\"></script>\n";

/// Puts the live-reload script before `</body>` (or at the end of a page without one).
pub(super) fn inject_reload_script(mut html: Vec<u8>) -> Vec<u8> {
    let at = html.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(html.len());
    html.splice(at..at, RELOAD_TAG.bytes());
    html
}

/// A response about to be written.
pub(super) struct Response {
    status: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Arc<[u8]>,
}

impl Response {
    fn new(status: &'static str, content_type: &str, body: Arc<[u8]>) -> Response {
        Response { status, headers: vec![("Content-Type", content_type.to_string())], body }
    }

    pub(super) fn text(status: &'static str, text: &str) -> Response {
        Response::new(status, "text/plain; charset=utf-8", Arc::from(text.as_bytes()))
    }

    fn redirect(status: &'static str, location: &str) -> Response {
        let mut r = Response::text(status, &format!("see {location}\n"));
        let mut encoded = String::new();
        encode_path_into(location, true, &mut encoded);
        r.headers.push(("Location", encoded));
        r
    }

    /// The head and body to send; `head_only` for HEAD (the length still says the body's).
    pub(super) fn bytes(self, head_only: bool, keep_alive: bool) -> (Vec<u8>, Arc<[u8]>) {
        let mut head = format!("HTTP/1.1 {}\r\n", self.status);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: {}\r\n\r\n",
            self.body.len(),
            if keep_alive { "keep-alive" } else { "close" }
        ));
        let body = if head_only { Arc::from(&b""[..]) } else { self.body };
        (head.into_bytes(), body)
    }
}

/// What a request asks for.
pub(super) enum Answer {
    /// A response, and whether the connection may stay open after it.
    Page {
        /// The response.
        response: Response,
        /// HEAD: the body is not sent.
        head_only: bool,
        /// The client keeps the connection (HTTP/1.1 unless `Connection: close`).
        keep_alive: bool,
    },
    /// The live-reload event stream.
    Events,
}

/// Answers one request head (request line and headers, up to the blank line).
pub(super) fn answer(head: &str, shared: &Shared) -> Answer {
    let page = |response, head_only, keep_alive| Answer::Page { response, head_only, keep_alive };
    let mut lines = head.lines();
    let line = lines.next().unwrap_or("");
    let parts: Vec<&str> = line.split(' ').collect();
    let [method, target, version] = parts.as_slice() else {
        return page(Response::text("400 Bad Request", "not an HTTP request\n"), false, false);
    };
    if method.is_empty() || !target.starts_with(['/', 'h']) || !version.starts_with("HTTP/1.") {
        return page(Response::text("400 Bad Request", "not an HTTP/1 request\n"), false, false);
    }
    let header = |name: &str| {
        head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_ascii_lowercase())
        })
    };
    let connection = header("connection").unwrap_or_default();
    // A request body is never read: the connection closes after answering one that has any.
    let has_body = header("transfer-encoding").is_some()
        || header("content-length").is_some_and(|n| n.parse::<u64>().map_or(true, |n| n > 0));
    let keep_alive = !has_body
        && if *version == "HTTP/1.0" {
            connection.contains("keep-alive")
        } else {
            !connection.contains("close")
        };
    let head_only = *method == "HEAD";
    if *method != "GET" && !head_only {
        let mut r = Response::text("405 Method Not Allowed", "only GET and HEAD\n");
        r.headers.push(("Allow", "GET, HEAD".into()));
        return page(r, false, false);
    }
    let path = request_path(target);
    if path == EVENTS_PATH && !head_only {
        return Answer::Events;
    }
    if path == RELOAD_SCRIPT_PATH {
        let js = Arc::from(RELOAD_SCRIPT.as_bytes());
        return page(Response::new("200 OK", "text/javascript; charset=utf-8", js), head_only, keep_alive);
    }
    page(route(path, shared), head_only, keep_alive)
}

/// The path of a request target, without query or fragment; an absolute-form target
/// (`http://host/path`) gives its path.
fn request_path(target: &str) -> &str {
    let target = target.split(['?', '#']).next().unwrap_or("");
    match target.split_once("://") {
        Some((_, rest)) => rest.find('/').map(|i| &rest[i..]).unwrap_or("/"),
        None => target,
    }
}

/// Finds what a decoded path asks for. Every answer comes from the in-memory map, and a path
/// with `.` or `..` segments (encoded or not) is refused before any lookup.
fn route(raw: &str, shared: &Shared) -> Response {
    let Some(path) = percent_decode(raw).map(|p| p.nfc().collect::<String>()) else {
        return not_found(shared);
    };
    if !path.starts_with('/') || !safe(&path) {
        return not_found(shared);
    }
    let base = shared.base_path();
    if path == "/" && base != "/" {
        return Response::redirect("302 Found", &base);
    }
    if format!("{path}/") == base {
        return Response::redirect("301 Moved Permanently", &base);
    }
    let Some(rest) = path.strip_prefix(base.as_str()) else {
        return not_found(shared);
    };
    let key =
        if rest.is_empty() || rest.ends_with('/') { format!("{rest}index.html") } else { rest.to_string() };
    if let Some(body) = shared.file(&key) {
        return Response::new("200 OK", content_type(&key), body);
    }
    if !rest.is_empty() && !rest.ends_with('/') && shared.file(&format!("{rest}/index.html")).is_some() {
        return Response::redirect("301 Moved Permanently", &format!("{path}/"));
    }
    not_found(shared)
}

/// Whether a decoded path has only plain segments: no `.`, `..`, empty segment (`//`),
/// backslash or NUL. (Only the last segment may be empty: the trailing slash of a folder.)
fn safe(path: &str) -> bool {
    let segments: Vec<&str> = path[1..].split('/').collect();
    let last = segments.len() - 1;
    segments
        .iter()
        .enumerate()
        .all(|(i, s)| (i == last || !s.is_empty()) && *s != "." && *s != ".." && !s.contains(['\\', '\0']))
}

fn not_found(shared: &Shared) -> Response {
    let body = shared.file("404.html").unwrap_or_else(|| {
        Arc::from(inject_reload_script(FALLBACK_404.as_bytes().to_vec()).into_boxed_slice())
    });
    Response::new("404 Not Found", "text/html; charset=utf-8", body)
}

/// The content type of a site file, by extension; text types say they are UTF-8.
pub(super) fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name == "atom.xml" {
        return "application/atom+xml; charset=utf-8";
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json; charset=utf-8",
        "xml" | "xsl" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        _ => "application/octet-stream",
    }
}

/// The live-reload stream: `hello` (and the current problems, if any), then one event per
/// rebuild, until the client leaves or the server stops.
pub(super) fn events(mut stream: TcpStream, shared: &Shared) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    let first = shared.subscribe(tx);
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\n\
          X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\nretry: 1000\n\n",
    )?;
    stream.write_all(first.as_bytes())?;
    stream.flush()?;
    loop {
        match rx.recv_timeout(KEEP_ALIVE) {
            Ok(message) => stream.write_all(message.as_bytes())?,
            Err(RecvTimeoutError::Timeout) => stream.write_all(b": keep-alive\n\n")?,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        stream.flush()?;
        if shared.stopping() {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_segments_and_empty_segments_are_refused() {
        for bad in ["/../Cargo.toml", "/a/../b", "/./a", "/a//b", "/a\\b", "/a/.."] {
            assert!(!safe(bad), "{bad}");
        }
        for good in ["/", "/archive/", "/regions/영남권/", "/style.css", "/a..b/"] {
            assert!(safe(good), "{good}");
        }
    }

    #[test]
    fn targets_lose_query_and_authority() {
        assert_eq!(request_path("/a/?x=1#y"), "/a/");
        assert_eq!(request_path("http://127.0.0.1:1111/archive/"), "/archive/");
        assert_eq!(request_path("http://host"), "/");
    }

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let out = String::from_utf8(inject_reload_script(b"<p></body>x</BODY></html>".to_vec())).unwrap();
        assert!(out.starts_with("<p></body>x<script src=\"/__annals/reload.js\">"), "{out}");
        assert!(out.ends_with("</script>\n</BODY></html>"));
        let plain = String::from_utf8(inject_reload_script(b"<p>".to_vec())).unwrap();
        assert!(plain.starts_with("<p><script src="));
    }

    #[test]
    fn text_types_say_utf8() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("regions/영남권/atom.xml"), "application/atom+xml; charset=utf-8");
        assert_eq!(content_type("sitemap.xml"), "application/xml; charset=utf-8");
        assert_eq!(content_type("fonts/a.woff2"), "font/woff2");
    }
}
