//! `annals serve` driven on a loopback port: pages, safety, live rebuilds and the error overlay.
//! Every wait is a bounded poll.

mod common;
use common::copy_dir;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use annals::serve::{ServeOptions, Server, EVENTS_PATH};
use unicode_normalization::UnicodeNormalization;

const BUDGET: &str = "content/briefs/2024-03-02-budget.md";
const BUDGET_PAGE: &str = "/archive/briefs/2024-03-02-budget/";
const DIALOGUE: &str = "content/briefs/2024/2024-01-19-dialogue.md";
const DIALOGUE_PAGE: &str = "/archive/briefs/2024-01-19-dialogue/";
const YEONGNAM: &str = "/archive/regions/%EC%98%81%EB%82%A8%EA%B6%8C/";

/// A fixture copied into a temporary folder and served from it.
struct Served {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    server: Server,
}

impl Served {
    fn new(fixture: &str) -> Served {
        Served::with(fixture, |_| {})
    }

    /// Copies the fixture, lets `prepare` change it, then starts the server.
    fn with(fixture: &str, prepare: impl FnOnce(&Path)) -> Served {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(fixture), &root);
        prepare(&root);
        let options = ServeOptions {
            root: root.clone(),
            bind: Ipv4Addr::LOCALHOST.into(),
            port: 0,
            ..ServeOptions::default()
        };
        let server = Server::start(&options).unwrap();
        Served { _tmp: tmp, root, server }
    }

    fn get(&self, target: &str) -> Reply {
        request(self.server.addr(), "GET", target)
    }

    fn edit(&self, rel: &str, f: impl FnOnce(&str) -> String) {
        let path = self.root.join(rel);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, f(&text)).unwrap();
    }
}

/// A parsed HTTP response.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// One request over a fresh connection (the server closes every connection after its response).
fn request(addr: SocketAddr, method: &str, target: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(stream, "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a response head");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers = lines
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap();
            (n.trim().to_string(), v.trim().to_string())
        })
        .collect();
    Reply { status, headers, body: String::from_utf8(raw[split + 4..].to_vec()).unwrap() }
}

/// Polls `check` every 20 ms for up to 10 s; panics with `what` if it never holds.
fn wait_for(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// An open live-reload stream.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(addr: SocketAddr) -> Events {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(stream, "GET {EVENTS_PATH} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
        let mut events = Events(BufReader::new(stream));
        let head = events.block();
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.contains("Content-Type: text/event-stream"), "{head}");
        assert!(events.block().starts_with("retry: "));
        events
    }

    /// The next blank-line-terminated block (the response head, then one event each).
    fn block(&mut self) -> String {
        let mut out = String::new();
        loop {
            let mut line = String::new();
            assert!(self.0.read_line(&mut line).unwrap() > 0, "the event stream ended");
            if line.trim_end().is_empty() && !out.is_empty() {
                return out;
            }
            out.push_str(&line);
        }
    }

    /// Reads events until one named `name` comes (bounded by the socket's read timeout).
    fn until(&mut self, name: &str) -> String {
        loop {
            let block = self.block();
            if block.starts_with(&format!("event: {name}\n")) {
                return block;
            }
        }
    }
}

#[test]
fn pages_are_served_under_the_sub_path_with_the_local_address() {
    let site = Served::new("forms");
    let port = site.server.addr().port();
    assert_eq!(site.server.url(), format!("http://127.0.0.1:{port}/archive/"));

    let root = site.get("/");
    assert_eq!(root.status, 302);
    assert_eq!(root.header("Location"), Some("/archive/"));
    assert_eq!(site.get("/archive").header("Location"), Some("/archive/"));

    let home = site.get("/archive/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("Content-Type"), Some("text/html; charset=utf-8"));
    assert!(home.body.contains("시험용 아카이브"));
    assert!(home.body.contains("href=\"/archive/briefs/2024-01-19-dialogue/\""));
    assert!(
        home.body.contains(&format!("href=\"http://127.0.0.1:{port}/archive/\"")),
        "the canonical link uses the local address"
    );
    assert!(!home.body.contains("user.github.io"));
    assert!(home.body.contains("<script src=\"/__annals/reload.js\">"), "the live-reload script is injected");
    // A file of its own, so that the theme's Content-Security-Policy (`script-src 'self'`) runs it.
    let script = site.get("/__annals/reload.js");
    assert_eq!(script.header("Content-Type"), Some("text/javascript; charset=utf-8"));
    assert!(script.body.contains(EVENTS_PATH));
    assert_eq!(home.header("Content-Length"), Some(home.body.len().to_string().as_str()));

    for (path, kind) in [
        ("/archive/style.css", "text/css; charset=utf-8"),
        ("/archive/atom.xml", "application/atom+xml; charset=utf-8"),
        ("/archive/sitemap.xml", "application/xml; charset=utf-8"),
        ("/archive/robots.txt", "text/plain; charset=utf-8"),
    ] {
        let r = site.get(path);
        assert_eq!((r.status, r.header("Content-Type")), (200, Some(kind)), "{path}");
        assert!(!r.body.contains(EVENTS_PATH), "{path} is not HTML and gets no script");
    }
    assert!(site.get("/archive/sitemap.xml").body.contains(&format!("http://127.0.0.1:{port}/archive/")));

    // HEAD answers like GET without the body; other methods are refused.
    let head = request(site.server.addr(), "HEAD", "/archive/");
    assert_eq!(head.status, 200);
    assert_eq!(head.header("Content-Length"), Some(home.body.len().to_string().as_str()));
    assert!(head.body.is_empty());
    let post = request(site.server.addr(), "POST", "/archive/");
    assert_eq!(post.status, 405);
    assert_eq!(post.header("Allow"), Some("GET, HEAD"));
}

#[test]
fn hangul_urls_are_decoded_and_folders_redirect_to_their_slash() {
    let site = Served::new("forms");
    let page = site.get(YEONGNAM);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("/archive/briefs/2024-01-19-dialogue/"));
    // macOS sends decomposed Hangul: it names the same page.
    let nfd: String = "영남권".nfd().collect();
    let mut encoded = String::from("/archive/regions/");
    annals::build::url::encode_path_into(&format!("{nfd}/"), true, &mut encoded);
    assert_eq!(site.get(&encoded).status, 200);

    let folder = site.get(YEONGNAM.trim_end_matches('/'));
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("Location"), Some(YEONGNAM));
    assert_eq!(site.get("/archive/regions?x=1").header("Location"), Some("/archive/regions/"));
}

#[test]
fn traversal_and_unknown_paths_get_the_404_page() {
    let site = Served::with("forms", |root| {
        fs::create_dir_all(root.join("static")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("site.toml"), root.join("static/leak.txt")).unwrap();
    });
    for target in [
        "/../Cargo.toml",
        "/%2e%2e/site.toml",
        "/..%2f..%2fetc/passwd",
        "/archive/../site.toml",
        "/archive/%2E%2E/site.toml",
        "/archive/..%2f..%2f..%2fetc/passwd",
        "/archive/%2e%2e%2fsite.toml",
        "/archive/./index.html",
        "/archive//index.html",
        "/etc/passwd",
        "//etc/passwd",
        "/archive/site.toml",
        "/archive/content/briefs/2024-03-02-budget.md",
        "/archive/leak.txt",
        "/archive/%ff/",
        "/archive/nothing-here/",
    ] {
        let r = site.get(target);
        assert_eq!(r.status, 404, "{target}");
        assert_eq!(r.header("Content-Type"), Some("text/html; charset=utf-8"), "{target}");
        assert!(r.body.contains("페이지를 찾을 수 없습니다"), "{target}: the site's own 404 page");
        assert!(!r.body.contains("base_url"), "{target} leaked site.toml");
    }
}

#[test]
fn an_edited_brief_is_served_with_its_new_text() {
    let site = Served::new("forms");
    let before = site.server.status().generation;
    let old = "예산 내용은";
    assert!(site.get(DIALOGUE_PAGE).body.contains(old));
    site.edit(DIALOGUE, |t| t.replace(old, "바뀐 본문에서 예산 내용은"));
    wait_for("the edited body", || site.get(DIALOGUE_PAGE).body.contains("바뀐 본문에서"));
    assert!(site.server.status().generation > before);
    assert!(site.server.status().errors.is_empty());

    // An editor's save: the old file moved to a backup, the new one written, the backup removed.
    let path = site.root.join(DIALOGUE);
    let text = fs::read_to_string(&path).unwrap();
    let backup = path.with_file_name("2024-01-19-dialogue.md~");
    fs::rename(&path, &backup).unwrap();
    fs::write(path.with_file_name(".2024-01-19-dialogue.md.swp"), "swap").unwrap();
    fs::write(&path, text.replace("바뀐 본문에서", "저장 방식이 달라도")).unwrap();
    fs::remove_file(&backup).unwrap();
    wait_for("the saved body", || site.get(DIALOGUE_PAGE).body.contains("저장 방식이 달라도"));
}

#[test]
fn edits_that_change_lists_reach_the_list_pages() {
    let site = Served::new("forms");
    // No `summary:`: the first paragraph is the excerpt that list pages show.
    site.edit(BUDGET, |t| t.replace("각주가 있다.", "목록에도 보이는 새 문단."));
    wait_for("the new excerpt on the home page", || {
        site.get("/archive/").body.contains("목록에도 보이는 새 문단.")
    });
    assert!(site.get(BUDGET_PAGE).body.contains("목록에도 보이는 새 문단."));

    site.edit(BUDGET, |t| t.replace("title: 지역 예산 배분", "title: 고친 예산 배분"));
    wait_for("the new title on the home page", || site.get("/archive/").body.contains("고친 예산 배분"));
    assert!(site.get("/archive/regions/%ED%98%B8%EB%82%A8%EA%B6%8C/").body.contains("고친 예산 배분"));
    assert!(site.get(BUDGET_PAGE).body.contains("고친 예산 배분"));

    // A new brief and a template change are picked up too.
    fs::write(
        site.root.join("content/briefs/2024-05-01-new.md"),
        "---\ntitle: 새로 쓴 브리핑\ndate: 2024-05-01\nregion: 영남권\n---\n본문.\n",
    )
    .unwrap();
    wait_for("the new brief", || site.get("/archive/briefs/2024-05-01-new/").status == 200);
    assert!(site.get(YEONGNAM).body.contains("새로 쓴 브리핑"));
    fs::remove_file(site.root.join("content/briefs/2024-05-01-new.md")).unwrap();
    wait_for("the removed brief to go", || !site.get(YEONGNAM).body.contains("새로 쓴 브리핑"));
    assert_eq!(site.get("/archive/briefs/2024-05-01-new/").status, 404);
    fs::create_dir_all(site.root.join("templates")).unwrap();
    fs::write(site.root.join("templates/404.html"), "<html><body>사용자 404</body></html>").unwrap();
    wait_for("the site's new 404 page", || site.get("/archive/nothing/").body.contains("사용자 404"));
}

#[test]
fn a_broken_brief_shows_the_overlay_keeps_the_old_page_and_fixing_it_clears_it() {
    let site = Served::new("forms");
    let mut events = Events::open(site.server.addr());
    assert!(events.block().starts_with("event: hello\n"));
    let good = fs::read_to_string(site.root.join(DIALOGUE)).unwrap();

    site.edit(DIALOGUE, |t| t.replace("region: [전국, 영남권, 호남권]", "region: [전국, 영남권, 호남권"));
    wait_for("the error state", || !site.server.status().errors.is_empty());
    let errors = site.server.status().errors;
    assert!(errors.iter().any(|e| e.starts_with(&format!("{DIALOGUE}:"))), "{errors:?}");
    let event = events.until("build-error");
    assert!(event.contains("2024-01-19-dialogue.md:") && event.contains("YAML"), "{event}");
    let old = site.get(DIALOGUE_PAGE);
    assert_eq!(old.status, 200);
    assert!(old.body.contains("예산 내용은"), "the last good page is still served");
    assert!(site.get(YEONGNAM).body.contains(DIALOGUE_PAGE), "and so are the list pages");

    // A page opened now is told about the problem as soon as it connects.
    let mut late = Events::open(site.server.addr());
    assert!(late.block().starts_with("event: hello\n"));
    assert!(late.block().starts_with("event: build-error\n"));

    fs::write(site.root.join(DIALOGUE), good.replace("예산 내용은", "고친 뒤의 본문.")).unwrap();
    wait_for("the errors to clear", || site.server.status().errors.is_empty());
    events.until("reload");
    assert!(site.get(DIALOGUE_PAGE).body.contains("고친 뒤의 본문."));
}

#[test]
fn a_broken_markdown_body_is_an_error_until_fixed() {
    let site = Served::new("forms");
    site.edit(DIALOGUE, |t| t.replace("예산 내용은", "[깨진 링크](nowhere.md) 예산 내용은"));
    wait_for("the broken link to be reported", || {
        site.server.status().errors.iter().any(|e| e.contains("nowhere.md"))
    });
    assert!(site.get(DIALOGUE_PAGE).body.contains("예산 내용은"));
    site.edit(DIALOGUE, |t| t.replace("[깨진 링크](nowhere.md) ", "링크를 뺐다. "));
    wait_for("the errors to clear", || site.server.status().errors.is_empty());
    assert!(site.get(DIALOGUE_PAGE).body.contains("링크를 뺐다."));
}

#[test]
fn a_site_that_does_not_build_at_first_is_served_once_fixed() {
    let site = Served::new("broken");
    assert!(!site.server.status().errors.is_empty());
    let r = site.get("/");
    assert_eq!(r.status, 404);
    assert!(r.body.contains("/__annals/reload.js"), "the fallback page carries the overlay script");
    for bad in ["amount.md", "date.md", "unknown.md", "yaml.md", "good.md", "b/same.md"] {
        fs::remove_file(site.root.join("content").join(bad)).unwrap();
    }
    wait_for("the fixed site", || site.get("/").status == 200);
    assert!(site.server.status().errors.is_empty());
}

#[test]
fn build_output_has_no_reload_script() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms"), &root);
    annals::build::pipeline::build(&annals::build::pipeline::Options {
        root: root.clone(),
        ..Default::default()
    })
    .unwrap();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(root.join("public")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|x| x == "html") {
            pages += 1;
            let html = fs::read_to_string(entry.path()).unwrap();
            assert!(
                !html.contains("__annals") && !html.contains("EventSource"),
                "{}",
                entry.path().display()
            );
        }
    }
    assert!(pages > 10);
}

#[test]
fn shutdown_stops_serving() {
    let site = Served::new("forms");
    let addr = site.server.addr();
    let mut events = Events::open(addr);
    events.block();
    site.server.shutdown();
    assert!(TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err());
    // The live-reload stream ends rather than hanging.
    let mut rest = String::new();
    let _ = events.0.read_to_string(&mut rest);
}

#[test]
fn an_edit_to_the_term_registry_shows_on_the_term_page() {
    let s = Served::new("registry");
    let page = "/regions/%ED%98%B8%EB%82%A8%EA%B6%8C/";
    let first = s.get(page);
    assert_eq!(first.status, 200, "{}", first.body);
    assert!(first.body.contains("광주·전북·전남을 묶은 권역."), "{}", first.body);
    s.edit("data/terms.yaml", |t| t.replace("광주·전북·전남을 묶은 권역.", "서남부의 세 시·도를 묶은 권역."));
    wait_for("the new description on the term page", || {
        s.get(page).body.contains("서남부의 세 시·도를 묶은 권역.")
    });
}

/// Every file a fresh build of the site makes, as `(site path, bytes)`, with the server's own
/// address as the base URL (what the server puts in its pages).
fn fresh_build(site: &Served) -> Vec<(String, Vec<u8>)> {
    let out = tempfile::tempdir().unwrap();
    let options = annals::build::pipeline::Options {
        root: site.root.clone(),
        output: Some(out.path().join("public")),
        base_url: Some(format!("http://{}/archive/", site.server.addr())),
        ..Default::default()
    };
    annals::build::pipeline::build(&options).unwrap();
    let public = out.path().join("public");
    let mut files = Vec::new();
    let mut stack = vec![public.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(&public).unwrap().to_string_lossy().replace('\\', "/");
                files.push((rel, fs::read(&path).unwrap()));
            }
        }
    }
    // The build's marker of its own output folder is not a page of the site; binary files
    // (the search index's chunks) are left to meta.json, whose version is a hash of them all.
    files.retain(|(rel, bytes)| rel != ".annals-output" && std::str::from_utf8(bytes).is_ok());
    files.sort();
    files
}

/// Waits until every page the server serves is the one a fresh build makes (the server
/// publishes some pages first, then the rest once the whole site is rendered).
fn assert_served_as_built(site: &Served, what: &str) {
    let reload = "<script src=\"/__annals/reload.js\"></script>\n";
    let files = fresh_build(site);
    assert!(files.len() > 20, "{what}: the fixture builds a site");
    for (rel, bytes) in &files {
        let path = rel.strip_suffix("index.html").unwrap_or(rel);
        // Percent-encoded as a browser sends it (term pages have Hangul paths).
        let mut target = String::from("/archive/");
        for b in path.bytes() {
            if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
                target.push(b as char);
            } else {
                target.push_str(&format!("%{b:02X}"));
            }
        }
        let built = std::str::from_utf8(bytes).unwrap();
        wait_for(&format!("{what}: {target} as a fresh build makes it"), || {
            site.get(&target).body.replacen(reload, "", 1) == built
        });
    }
}

#[test]
fn after_front_matter_edits_every_page_is_the_one_a_fresh_build_makes() {
    let site = Served::new("forms");
    // A title: what only pages show, so the server keeps its site model.
    site.edit(BUDGET, |t| t.replace("title: 지역 예산 배분", "title: 고친 예산 배분"));
    assert_served_as_built(&site, "after a new title");
    // A region: the model is made again.
    site.edit(BUDGET, |t| t.replace("region: 호남권", "region: 영남권"));
    assert_served_as_built(&site, "after a new region");
    assert!(site.get(YEONGNAM).body.contains("고친 예산 배분"));
}
