//! Hostile and broken input (issue 14): each test builds a small site made on the spot and
//! asserts that annals answers with a located error or safe output, never a crash.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

mod common;
use common::site::{problems, Site};

use annals::build::pipeline::{self, Options};

const FRONT: &str = "title: 회의\ndate: 2024-01-19";

const HOSTILE_BODY: &str = "본문\n\n<script>alert(1)</script>\n\n\
    사진 <img src=x onerror=alert(2)>\n\n\
    [누르기](javascript:alert(3)) <javascript:alert(4)> ![그림](data:image/png;base64,AAAA)\n\n\
    [참고][r]\n\n[r]: vbscript:msgbox\n";

#[test]
fn probe_6_raw_html_and_script_urls_are_not_published_by_default() {
    let site = Site::empty("");
    site.brief("a.md", FRONT, HOSTILE_BODY);
    pipeline::build(&site.options()).unwrap();
    let page = site.read("briefs/a/index.html").to_lowercase();
    for bad in ["<script>alert", "onerror", "href=\"javascript:", "vbscript:", "data:image", "<img"] {
        assert!(!page.contains(bad), "{bad} reached the page");
    }
    assert!(page.contains("content-security-policy"), "the page has no CSP");
    assert!(page.contains("누르기"), "the link text was lost");
    // `check` names every place, with file, line and column.
    let out = site.annals(&["check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("content/briefs/a.md:7:1: warning: raw HTML `<script>alert(1)</script>` was dropped"),
        "{err}"
    );
    assert!(err.contains("content/briefs/a.md:9:4: warning: raw HTML `<img"), "{err}");
    assert!(
        err.contains("content/briefs/a.md:11:1: warning: the address `javascript:alert(3)` was removed"),
        "{err}"
    );
    assert!(err.contains("`vbscript:msgbox` was removed"), "{err}");
    assert!(err.contains("unsafe_html = true"), "{err}");
}

#[test]
fn probe_6_unsafe_html_lets_trusted_sites_keep_it() {
    let site = Site::empty("[markdown]\nunsafe_html = true\n");
    site.brief("a.md", FRONT, HOSTILE_BODY);
    pipeline::build(&site.options()).unwrap();
    let page = site.read("briefs/a/index.html");
    for kept in ["<script>alert(1)</script>", "onerror=alert(2)", "href=\"javascript:alert(3)\""] {
        assert!(page.contains(kept), "{kept} was dropped");
    }
    assert!(!page.contains("Content-Security-Policy"), "a CSP would block the site's own scripts");
    let out = site.annals(&["check"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("was dropped"));
}

#[test]
fn probe_6_the_default_theme_has_nothing_inline_its_csp_would_block() {
    let site = Site::empty("");
    site.brief(
        "a.md",
        FRONT,
        "```rust\nfn main() {}\n```\n\n| 구분 | 금액 |\n|:-:|--:|\n| 실증 | 30억 |\n\n본문\n",
    );
    pipeline::build(&site.options()).unwrap();
    for entry in walkdir::WalkDir::new(site.root.join("public")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = fs::read_to_string(entry.path()).unwrap();
            let at = entry.path().display();
            assert!(html.contains("script-src 'self'; style-src 'self'"), "{at}: no CSP");
            assert!(!html.contains("<script>") && !html.contains("<style"), "{at}: inline script or style");
            assert!(!html.contains(" style=\"") && !html.contains(" onload="), "{at}: inline attribute");
        }
    }
}

#[test]
fn probe_6_a_theme_outside_themes_is_refused() {
    for theme in ["../../x", "/etc", "a/b", ".."] {
        let site = Site::empty(&format!("theme = \"{theme}\"\n"));
        site.brief("a.md", FRONT, "본문\n");
        let p = problems(pipeline::build(&site.options()));
        assert!(
            p.iter().any(|m| m.starts_with("site.toml:3:1: error:") || m.contains("site.toml:3:1: error:")),
            "{theme}: {p:?}"
        );
        assert!(p.iter().any(|m| m.contains("is not the name of a folder in themes/")), "{theme}: {p:?}");
    }
}

#[test]
fn probe_6_an_output_folder_inside_content_or_around_the_site_is_refused() {
    for out in ["content/out", "content", ".", "..", "x/../content/y"] {
        let site = Site::empty(&format!("output_dir = \"{out}\"\n"));
        site.brief("a.md", FRONT, "본문\n");
        let p = problems(pipeline::build(&site.options()));
        assert!(p.iter().any(|m| m.contains("site.toml:3:1: error: `output_dir`")), "{out}: {p:?}");
        assert!(!site.root.join(out).join("index.html").exists(), "{out}: written anyway");
    }
    let site = Site::empty("");
    site.brief("a.md", FRONT, "본문\n");
    let o = Options { output: Some(site.root.join("content/public")), ..site.options() };
    let p = problems(pipeline::build(&o));
    assert!(p.iter().any(|m| m.contains("--output") && m.contains("inside content/")), "{p:?}");
}

#[test]
fn probe_5_control_characters_never_reach_html_or_feeds() {
    let site = Site::empty("");
    // YAML escapes make NUL, SOH and ESC; a raw ESC and a C1 control sit in the body.
    site.brief(
        "a.md",
        "title: \"제목\\0\\x01\\e끝\"\ndate: 2024-01-19\nsummary: \"요약\\x07\"",
        "본문\u{1b}[31m 빨강\u{85}\n",
    );
    pipeline::build(&site.options()).unwrap();
    for file in ["atom.xml", "index.html", "briefs/a/index.html", "sitemap.xml"] {
        let text = site.read(file);
        let bad: Vec<char> = text.chars().filter(|&c| !annals::build::sanitize::allowed_char(c)).collect();
        assert!(bad.is_empty(), "{file} has {bad:?}");
    }
    assert!(site.read("atom.xml").contains("제목끝"));
}

#[test]
fn probe_5_years_beyond_four_digits_and_second_60_are_located_errors() {
    for (date, says) in [
        ("0000-01-01", "the year 0 is outside 1–9999"),
        ("10000-01-01", "the year 10000 is outside 1–9999"),
        ("2024-01-19T12:34:60+09:00", "second 60 does not exist"),
    ] {
        let site = Site::empty("");
        site.brief("a.md", &format!("title: 회의\ndate: \"{date}\""), "본문\n");
        let p = problems(pipeline::build(&site.options()));
        assert!(p.iter().any(|m| m.contains("content/briefs/a.md:3:") && m.contains(says)), "{date}: {p:?}");
    }
}

#[test]
fn probe_5_budget_sums_that_overflow_are_a_located_error() {
    let site = Site::empty("");
    let front = "title: 회의\ndate: 2024-01-19\nbudget:\n  - item: 가\n    amount: 18446744073709551615\n  - item: 나\n    amount: 18446744073709551615";
    site.brief("a.md", front, "본문\n");
    let p = problems(pipeline::build(&site.options()));
    assert!(
        p.iter().any(|m| m.contains("content/briefs/a.md:") && m.contains("too large to add up")),
        "{p:?}"
    );
}

#[test]
fn probe_4_a_closed_pipe_is_not_a_panic() {
    let site = Site::empty("");
    site.brief("a.md", FRONT, "<b>x</b>\n");
    for args in [["build"].as_slice(), ["check"].as_slice()] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
            .args(args)
            .arg("--root")
            .arg(&site.root)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before annals writes anything, as `| head -1` does after a line.
        drop(child.stderr.take());
        drop(child.stdout.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {status:?} (101 is a panic)");
    }
}

#[test]
fn probe_8_a_later_build_cleans_what_killed_builds_left() {
    let site = Site::empty("");
    site.brief("a.md", FRONT, "본문\n");
    // A pid no process has: a child that has exited and been waited for.
    let mut child = Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let mut left = Vec::new();
    for kind in ["staging", "old"] {
        let dir = site.root.join(format!(".public.annals-{kind}-{dead}"));
        fs::create_dir_all(dir.join("briefs/x")).unwrap();
        fs::write(dir.join("briefs/x/index.html"), "old page").unwrap();
        fs::write(dir.join(annals::build::output::MARKER), "").unwrap();
        left.push(dir);
    }
    pipeline::build(&site.options()).unwrap();
    for dir in left {
        assert!(!dir.exists(), "{} is still there", dir.display());
    }
    assert!(site.root.join("public/index.html").is_file());
}

/// Runs `annals build` on a site whose templates/ holds `templates`, and returns its stderr
/// after checking that it failed cleanly (exit 1, not a crash).
fn build_with_templates(templates: &[(&str, &str)]) -> String {
    let site = Site::empty("");
    site.brief("a.md", FRONT, "## 목차\n\n본문\n");
    for (name, text) in templates {
        site.file(&format!("templates/{name}"), text);
    }
    let out = site.annals(&["build"]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "not a clean failure: {:?}\n{err}", out.status);
    err
}

#[test]
fn probe_1_a_template_including_itself_is_a_located_error() {
    let err = build_with_templates(&[("brief.html", "<p>\n{% include \"brief.html\" %}\n")]);
    assert!(
        err.contains("templates/brief.html:2:12: error: template error: `brief.html` includes itself"),
        "{err}"
    );
    let err = build_with_templates(&[
        ("brief.html", "{% include \"a.html\" %}"),
        ("a.html", "a {% if true %}{% include \"b.html\" %}{% endif %}"),
        ("b.html", "b {% for x in [1] %}{% include \"a.html\" %}{% endfor %}"),
    ]);
    assert!(err.contains("templates/a.html:1:") && err.contains("a.html → b.html"), "{err}");
}

#[test]
fn probe_1_a_component_that_never_stops_recursing_is_a_located_error() {
    // Tera 2 would stop it 20 levels deep while rendering, with a message naming no template;
    // annals finds it in the templates' text before any page renders.
    let looped = "{% component f(x) %}\n{{ <g x={x} /> }}{% endcomponent f %}\n{% component g(x) %}{% for i in [1] %}{{ <f x={x} /> }}{% endfor %}{% endcomponent g %}";
    let err = build_with_templates(&[("loop.html", looped), ("brief.html", "{{ <f x={1} /> }}")]);
    assert!(
        err.contains(
            "templates/loop.html:2:4: error: template error: the component `f` calls itself (f → g)"
        ),
        "{err}"
    );
}

#[test]
fn probe_1_a_tera_1_macro_is_named_as_such_with_its_component_form() {
    let looped = "{% macro f(x) %}\n{{ self::g(x=x) }}{% endmacro f %}";
    let err = build_with_templates(&[
        ("loop.html", looped),
        ("brief.html", "{% import \"loop.html\" as l %}{{ l::f(x=1) }}"),
    ]);
    assert!(
        err.contains(
            "templates/loop.html:1:4: error: template error: `{% macro f(…) %}`: Tera 2 has no macros"
        ),
        "{err}"
    );
    assert!(err.contains("templates/loop.html:2:4: error:") && err.contains("`{{ <g x={x} /> }}`"), "{err}");
    assert!(err.contains("templates/brief.html:1:4: error: template error: `{% import %}`"), "{err}");
}

#[test]
fn probe_1_recursion_down_the_data_still_works_and_range_is_capped() {
    // The built-in theme's table of contents is a component that calls itself on `i.children`.
    let site = Site::empty("");
    site.brief("a.md", FRONT, "## 하나\n\n### 둘\n\n#### 셋\n\n본문\n");
    pipeline::build(&site.options()).unwrap();
    assert!(site.read("briefs/a/index.html").contains("href=\"#셋\""));
    let err =
        build_with_templates(&[("brief.html", "{% for i in range(end=1000000000) %}{{ i }}{% endfor %}")]);
    assert!(err.contains("templates/brief.html") && err.contains("exceeds the limit of 100000"), "{err}");
}

/// `n` distinct Hangul names of three syllables.
fn names(n: usize) -> Vec<String> {
    let syl: Vec<char> = ('가'..='힣').step_by(131).collect();
    let m = syl.len();
    (0..n).map(|k| [syl[k % m], syl[k / m % m], syl[k / m / m % m]].iter().collect()).collect()
}

#[test]
fn probe_3_near_duplicate_warnings_are_not_quadratic() {
    // 5,000 distinct people and 1,000 organisations: every pair would be 12.5 million
    // comparisons (minutes); the indexes make it a fraction of a second.
    let site = Site::empty("");
    let people = names(5_000);
    let orgs = names(6_000).split_off(5_000);
    for b in 0..500 {
        let attendees: Vec<String> = (0..10)
            .map(|k| {
                format!(
                    "  - {{name: {}, role: 과장, org: {}부}}",
                    people[b * 10 + k],
                    orgs[(b * 10 + k) % 1_000]
                )
            })
            .collect();
        let front = format!("title: 회의 {b}\ndate: 2024-01-19\nattendees:\n{}", attendees.join("\n"));
        site.brief(&format!("b{b}.md"), &front, "본문\n");
    }
    // One real near-duplicate among them is still found.
    site.brief("x.md", "title: 회의\ndate: 2024-01-20\nagenda: [스마트 농업, 스마트농업]", "본문\n");
    let config = pipeline::load_config(&site.options()).unwrap();
    let archive = pipeline::load(config, false).unwrap().archive;
    let start = std::time::Instant::now();
    let warnings = annals::check::lint::warnings(&archive);
    let took = start.elapsed();
    assert!(took < std::time::Duration::from_secs(10), "took {took:?}");
    assert!(warnings.iter().any(|w| w.message.contains("`스마트 농업` and `스마트농업`")), "{warnings:?}");
}

mod serve {
    use super::*;
    use annals::serve::{ServeOptions, Server};
    use std::io::{Read, Write};
    use std::net::{Ipv4Addr, SocketAddr, TcpStream};
    use std::time::{Duration, Instant};

    fn start(site: &Site) -> Server {
        let options = ServeOptions {
            root: site.root.clone(),
            bind: Ipv4Addr::LOCALHOST.into(),
            port: 0,
            ..ServeOptions::default()
        };
        Server::start(&options).unwrap()
    }

    /// Sends `bytes` on a fresh connection (then closes the sending side) and returns the status
    /// line of the answer.
    fn raw(addr: SocketAddr, bytes: &[u8]) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.write_all(bytes).unwrap();
        s.shutdown(std::net::Shutdown::Write).unwrap();
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        String::from_utf8_lossy(&out).lines().next().unwrap_or("").to_string()
    }

    /// One GET on a fresh connection: status line and time taken.
    fn timed_get(addr: SocketAddr, path: &str) -> (String, Duration) {
        let start = Instant::now();
        let line =
            raw(addr, format!("GET {path} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").as_bytes());
        (line, start.elapsed())
    }

    #[test]
    fn probe_7_bad_requests_get_400_and_431_and_keep_alive_works() {
        let site = Site::empty("");
        site.brief("a.md", FRONT, "본문\n");
        let server = start(&site);
        assert_eq!(raw(server.addr(), b""), "HTTP/1.1 400 Bad Request", "an empty request");
        assert_eq!(raw(server.addr(), b"\r\n\r\n"), "HTTP/1.1 400 Bad Request");
        assert_eq!(raw(server.addr(), b"hello\r\n\r\n"), "HTTP/1.1 400 Bad Request");
        let long = format!("GET /{} HTTP/1.1\r\nHost: a\r\n\r\n", "a".repeat(1 << 20));
        assert_eq!(raw(server.addr(), long.as_bytes()), "HTTP/1.1 431 Request Header Fields Too Large");
        assert_eq!(raw(server.addr(), b"POST /archive/ HTTP/1.1\r\n\r\n"), "HTTP/1.1 405 Method Not Allowed");
        // Two requests on one connection, the second sent after the first was answered.
        let mut s = TcpStream::connect(server.addr()).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        for _ in 0..2 {
            s.write_all(b"GET /archive/style.css HTTP/1.1\r\nHost: a\r\n\r\n").unwrap();
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") {
                s.read_exact(&mut byte).unwrap();
                head.push(byte[0]);
            }
            let head = String::from_utf8(head).unwrap();
            assert!(head.starts_with("HTTP/1.1 200 OK") && head.contains("Connection: keep-alive"), "{head}");
            let len: usize =
                head.lines().find_map(|l| l.strip_prefix("Content-Length: ")).unwrap().parse().unwrap();
            let mut body = vec![0u8; len];
            s.read_exact(&mut body).unwrap();
        }
    }

    /// Threads of this process (the test and the server in it).
    #[cfg(target_os = "linux")]
    fn threads(pid: u32) -> usize {
        let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        status.lines().find_map(|l| l.strip_prefix("Threads:")).unwrap().trim().parse().unwrap()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn probe_7_slow_clients_neither_hold_up_others_nor_cost_a_thread_each() {
        let site = Site::empty("");
        site.brief("a.md", FRONT, "본문\n");
        // A server process of its own: its thread count is not mixed with other tests' threads.
        let server = Spawned::serve(&site);
        let before = threads(server.child.id());
        // 300 clients that start a request and then send one byte every 100 ms: a per-read
        // timeout never fires for them.
        let mut slow: Vec<TcpStream> = (0..300)
            .map(|_| {
                let mut s = TcpStream::connect(server.addr()).unwrap();
                s.write_all(b"GET /archive/ HTTP/1.1\r\nX-Slow: ").unwrap();
                s
            })
            .collect();
        let started = Instant::now();
        let mut latencies = Vec::new();
        while started.elapsed() < Duration::from_secs(3) {
            for s in &mut slow {
                let _ = s.write_all(b"a");
            }
            let (line, took) = timed_get(server.addr(), "/archive/");
            assert_eq!(line, "HTTP/1.1 200 OK");
            latencies.push(took);
            std::thread::sleep(Duration::from_millis(100));
        }
        let during = threads(server.child.id());
        latencies.sort();
        let median = latencies[latencies.len() / 2];
        assert!(
            median < Duration::from_millis(100),
            "median {median:?} under 300 slow clients: {latencies:?}"
        );
        assert!(during <= before + 2, "{before} threads before, {during} with 300 slow clients");
        // The whole-request deadline closes them even though bytes keep coming.
        let deadline = started + annals::serve::REQUEST_DEADLINE + Duration::from_secs(3);
        let mut closed = 0;
        while Instant::now() < deadline && closed < slow.len() {
            closed = 0;
            for s in &mut slow {
                if s.write_all(b"a").is_err() {
                    closed += 1;
                }
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        assert_eq!(closed, slow.len(), "slow clients outlived the request deadline");
        let mut answer = String::new();
        let _ = slow[0].read_to_string(&mut answer);
        assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 408"), "{answer}");
    }

    /// `annals serve` as a child process on a free port, with nobody reading its output; killed
    /// when dropped.
    struct Spawned {
        child: std::process::Child,
        port: u16,
    }

    impl Spawned {
        fn serve(site: &Site) -> Spawned {
            let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
            let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
                .args(["serve", "--port", &port.to_string(), "--root"])
                .arg(&site.root)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            // The log's reader goes away at once, as `annals serve 2>&1 | head -1` does.
            drop(child.stderr.take());
            drop(child.stdout.take());
            let mut spawned = Spawned { child, port };
            let until = Instant::now() + Duration::from_secs(30);
            loop {
                assert!(
                    spawned.child.try_wait().unwrap().is_none(),
                    "serve died with nobody reading its log"
                );
                if TcpStream::connect(spawned.addr()).is_ok()
                    && raw(spawned.addr(), b"GET /archive/ HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 200")
                {
                    return spawned;
                }
                assert!(Instant::now() < until, "serve never answered");
                std::thread::sleep(Duration::from_millis(100));
            }
        }

        fn addr(&self) -> SocketAddr {
            SocketAddr::from((Ipv4Addr::LOCALHOST, self.port))
        }
    }

    impl Drop for Spawned {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    #[test]
    fn probe_4_serve_with_a_closed_pipe_keeps_serving() {
        let site = Site::empty("");
        site.brief("a.md", FRONT, "본문\n");
        let server = Spawned::serve(&site);
        // Spawned::serve has checked it is alive and answering; pages keep coming after that.
        for _ in 0..3 {
            assert_eq!(timed_get(server.addr(), "/archive/briefs/a/").0, "HTTP/1.1 200 OK");
        }
    }

    #[test]
    fn probe_1_a_self_including_template_saved_during_serve_does_not_kill_it() {
        let site = Site::empty("");
        site.brief("a.md", FRONT, "본문\n");
        let server = start(&site);
        assert_eq!(timed_get(server.addr(), "/archive/briefs/a/").0, "HTTP/1.1 200 OK");
        site.file("templates/brief.html", "{% include \"brief.html\" %}");
        let until = Instant::now() + Duration::from_secs(20);
        while server.status().errors.is_empty() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(50));
        }
        let errors = server.status().errors;
        assert!(
            errors.iter().any(|e| e.contains("templates/brief.html") && e.contains("includes itself")),
            "{errors:?}"
        );
        assert_eq!(
            timed_get(server.addr(), "/archive/briefs/a/").0,
            "HTTP/1.1 200 OK",
            "the last good page is served"
        );
    }
}

#[test]
fn probe_10_a_slug_too_long_for_a_folder_name_fails_check_and_build_alike() {
    let site = Site::empty("");
    site.brief("a.md", &format!("{FRONT}\nslug: {}", "a".repeat(300)), "본문\n");
    site.brief("b.md", &format!("{FRONT}\nagenda: {}", "가".repeat(100)), "본문\n");
    let said = "content/briefs/a.md:4:7: error: the URL name (slug) is 300 bytes long; at most 200 fit";
    let build = problems(pipeline::build(&site.options()));
    let check = problems(annals::check::check(&site.options(), false));
    assert_eq!(build, check, "check and build disagree");
    assert!(build.iter().any(|m| m.starts_with(said)), "{build:?}");
    assert!(
        build.iter().any(|m| m.contains("content/briefs/b.md") && m.contains("300 bytes long")),
        "{build:?}"
    );
}

#[cfg(unix)]
#[test]
fn probe_10_a_symlink_loop_is_reported_and_the_other_briefs_still_checked() {
    let site = Site::empty("");
    site.brief("a/good.md", FRONT, "본문\n");
    site.brief("z/bad.md", "title: 회의\ndate: 2024-13-45", "본문\n");
    std::os::unix::fs::symlink("..", site.root.join("content/briefs/a/loop")).unwrap();
    let p = problems(annals::check::check(&site.options(), false));
    assert!(p.iter().any(|m| m.contains("content/briefs/a/loop") && m.contains("loops back")), "{p:?}");
    assert!(p.iter().any(|m| m.contains("content/briefs/z/bad.md:3:") && m.contains("month 13")), "{p:?}");
}

#[test]
fn probe_10_a_full_disk_is_one_error_not_one_per_file() {
    struct FullDisk;
    impl annals::build::output::Sink for FullDisk {
        fn write(&self, _path: &str, _bytes: &[u8]) -> std::io::Result<()> {
            Err(std::io::Error::from_raw_os_error(28)) // ENOSPC
        }
    }
    let site = Site::empty("");
    for i in 0..30 {
        site.brief(&format!("b{i}.md"), FRONT, "본문\n");
    }
    let config = pipeline::load_config(&site.options()).unwrap();
    let annals::build::pipeline::Loaded { archive, theme, .. } = pipeline::load(config, false).unwrap();
    let renderer = annals::build::render::Renderer::new(&archive, &theme).unwrap();
    let p = renderer.render_all(&FullDisk).unwrap_err();
    assert_eq!(p.len(), 1, "{p:#?}");
    let m = p[0].to_string();
    assert!(m.contains("cannot write") && m.contains("more):") && m.contains("os error 28"), "{m}");
}

#[test]
fn probe_10_a_huge_brief_is_refused_above_the_documented_limit() {
    let site = Site::empty("");
    site.brief("a.md", FRONT, "본문\n");
    let big = site.root.join("content/briefs/big.md");
    // 50 MB, sparse: made at once, and read no further than the limit.
    fs::File::create(&big).unwrap().set_len(50 * 1024 * 1024).unwrap();
    let p = problems(annals::check::check(&site.options(), false));
    assert!(
        p.iter()
            .any(|m| m
                .starts_with("content/briefs/big.md: error: the file is 50.0 MiB, over the limit of 8 MiB")),
        "{p:?}"
    );
    assert_eq!(
        annals::build::content::MAX_BRIEF_BYTES,
        8 * 1024 * 1024,
        "docs/configuration.md states this limit"
    );
}

/// The inputs kept in tests/fuzz/ (probe inputs, and whatever examples/fuzz.rs saves there)
/// are checked, and imported, without a panic.
#[test]
fn fuzz_inputs_are_checked_without_panicking() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz");
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(&dir).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if !entry.file_type().is_file() || path.file_name().is_some_and(|n| n == "README") {
            continue;
        }
        let bytes = fs::read(path).unwrap();
        if path.starts_with(dir.join("import")) {
            let importer = annals::import::Importer::new(
                &annals::import::ImportRules::default(),
                annals::import::ImportOptions { dry_run: true, ..Default::default() },
            )
            .unwrap();
            let _ = importer.extract(&bytes, "fuzz.txt");
        } else {
            let site = Site::empty("");
            fs::write(site.root.join("content/briefs/fuzz.md"), &bytes).unwrap();
            let _ = annals::check::check(&site.options(), false);
        }
        seen += 1;
    }
    assert!(seen >= 7, "the kept inputs are missing: {seen}");
}

/// Found by trying deep inputs after the fuzzer: the YAML parser takes quadratic time in the
/// nesting of `[`/`{` (100,000 levels took 70 s in a release build).
#[test]
fn deeply_nested_front_matter_is_refused_at_once() {
    let site = Site::empty("");
    let n = 100_000;
    site.brief(
        "a.md",
        &format!("title: a\ndate: 2024-01-19\nregion: {}{}", "[".repeat(n), "]".repeat(n)),
        "본문\n",
    );
    site.brief("b.md", "title: \"[[[[ 괄호 ]]]]\"\ndate: 2024-01-19\nregion: [[서울], {a: [b]}]", "본문\n");
    let start = std::time::Instant::now();
    let p = problems(annals::check::check(&site.options(), false));
    assert!(start.elapsed() < std::time::Duration::from_secs(10), "{:?}", start.elapsed());
    assert!(
        p.iter().any(|m| m.starts_with("content/briefs/a.md:4:73: error: the front matter nests")),
        "{p:?}"
    );
    assert!(!p.iter().any(|m| m.contains("b.md") && m.contains("nests")), "{p:?}");
}
