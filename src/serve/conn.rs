//! The development server's connections, all on one thread: sockets are non-blocking and
//! multiplexed with mio, so a client that trickles its request in one byte at a time costs a
//! buffer, not a thread. Every answer comes from the in-memory site, so nothing here waits on
//! anything but the network. Each request has a whole-request deadline (not a per-read timeout,
//! which a client sending one byte every few seconds never trips), connections are kept alive
//! between requests (HTTP/1.1), and live-reload streams, which stay open for as long as a page
//! does, are handed to a thread each, at most [`MAX_STREAMS`] of them.
//!
//! Measured with bench/slow_clients.py (2,000 clients trickling a header byte every 100 ms, debug
//! build, loopback): the thread-per-connection server this replaced ran 2,007 threads and 5.1 GB
//! of virtual memory and never closed one of them; this loop runs 7 threads in 0.44 GB, answers
//! a normal request in 14 ms (median; worst 55 ms) meanwhile, and has closed all 2,000 after the
//! 10 s deadline. A bounded pool of blocking workers was not taken: it bounds the threads, but
//! each slow client holds a worker until its deadline, so 2,000 of them would queue a normal
//! request for seconds; and an HTTP crate that does better (hyper) brings an async runtime
//! into a program that otherwise has none.

use super::http::{self, Answer, Response};
use super::Shared;
use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token};
use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Request heads larger than this get 431.
pub(super) const MAX_HEAD: usize = 16 * 1024;

/// Open connections beyond this are closed as soon as they are accepted.
pub const MAX_CONNECTIONS: usize = 4096;

/// Live-reload streams open at once (one per open tab); more get 503.
pub const MAX_STREAMS: usize = 64;

/// From a request's first byte (or the connection's start) to its last header line.
pub const REQUEST_DEADLINE: Duration = Duration::from_secs(10);

/// How long a kept-alive connection may wait for its next request.
const IDLE: Duration = Duration::from_secs(5);

/// How long a client may take to read one response.
const WRITE_DEADLINE: Duration = Duration::from_secs(30);

/// How long a connection answered for the last time is drained before it is closed.
const LINGER: Duration = Duration::from_secs(2);

/// How often deadlines are checked and the stop flag read.
const TICK: Duration = Duration::from_millis(100);

const LISTENER: Token = Token(usize::MAX);

/// A response being written: head, then body, from `sent` on.
struct Pending {
    head: Vec<u8>,
    body: Arc<[u8]>,
    sent: usize,
}

/// One connection.
struct Conn {
    stream: TcpStream,
    /// Bytes read and not yet answered (a request head, or more when requests are pipelined).
    input: Vec<u8>,
    output: Option<Pending>,
    /// When this connection is closed if it has not moved on by then.
    deadline: Instant,
    /// Whether the connection stays open after the response being written.
    keep_alive: bool,
    /// Whether a request has been answered on it.
    served: bool,
    /// Answered for the last time: what the client still sends is read and dropped until it
    /// closes, so that closing with unread input does not reset the connection before the client
    /// has read the answer (a 431 to a 1 MB request line).
    draining: bool,
}

/// What to do with a connection after driving it.
enum Next {
    Wait,
    Close,
    /// Hand it to a live-reload thread.
    Stream,
}

/// Serves connections until the server stops.
pub(super) fn serve(listener: std::net::TcpListener, shared: Arc<Shared>) -> io::Result<()> {
    listener.set_nonblocking(true)?;
    let mut listener = TcpListener::from_std(listener);
    let mut poll = Poll::new()?;
    poll.registry().register(&mut listener, LISTENER, Interest::READABLE)?;
    let mut events = Events::with_capacity(1024);
    let mut conns: HashMap<usize, Conn> = HashMap::new();
    let mut next_token = 0usize;
    let streams = Arc::new(AtomicUsize::new(0));
    while !shared.stopping() {
        if let Err(e) = poll.poll(&mut events, Some(TICK)) {
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        for event in events.iter() {
            if event.token() == LISTENER {
                accept(&listener, &poll, &mut conns, &mut next_token);
                continue;
            }
            let token = event.token().0;
            let Some(conn) = conns.get_mut(&token) else { continue };
            match drive(conn, &shared, &streams) {
                Next::Wait => {}
                Next::Close => close(&poll, &mut conns, token),
                Next::Stream => {
                    if let Some(mut c) = conns.remove(&token) {
                        let _ = poll.registry().deregister(&mut c.stream);
                        start_stream(c.stream, &shared, &streams);
                    }
                }
            }
        }
        expire(&poll, &mut conns);
        // Connections left waiting when accepting failed (out of descriptors) get no new
        // readiness event of their own: try again on every tick.
        accept(&listener, &poll, &mut conns, &mut next_token);
    }
    Ok(())
}

fn accept(listener: &TcpListener, poll: &Poll, conns: &mut HashMap<usize, Conn>, next: &mut usize) {
    loop {
        let (mut stream, _) = match listener.accept() {
            Ok(s) => s,
            // WouldBlock: all accepted. Anything else (out of file descriptors): try again on the
            // next readiness event, once some connections have closed.
            Err(_) => return,
        };
        if conns.len() >= MAX_CONNECTIONS {
            continue; // dropped: closed at once
        }
        let token = *next;
        *next = next.wrapping_add(1) % (usize::MAX - 1);
        if poll
            .registry()
            .register(&mut stream, Token(token), Interest::READABLE | Interest::WRITABLE)
            .is_err()
        {
            continue;
        }
        let _ = stream.set_nodelay(true);
        let conn = Conn {
            stream,
            input: Vec::new(),
            output: None,
            deadline: Instant::now() + REQUEST_DEADLINE,
            keep_alive: true,
            served: false,
            draining: false,
        };
        conns.insert(token, conn);
    }
}

fn close(poll: &Poll, conns: &mut HashMap<usize, Conn>, token: usize) {
    if let Some(mut c) = conns.remove(&token) {
        let _ = poll.registry().deregister(&mut c.stream);
    }
}

/// Closes connections past their deadline; one still sending its request is told why (408).
fn expire(poll: &Poll, conns: &mut HashMap<usize, Conn>) {
    let now = Instant::now();
    let late: Vec<usize> = conns.iter().filter(|(_, c)| c.deadline <= now).map(|(t, _)| *t).collect();
    for token in late {
        if let Some(c) = conns.get_mut(&token) {
            if c.output.is_none() && !c.draining && !c.input.is_empty() {
                let (head, body) =
                    Response::text("408 Request Timeout", "the request took too long\n").bytes(false, false);
                let _ = c.stream.write_all(&[head, body.to_vec()].concat());
            }
        }
        close(poll, conns, token);
    }
}

/// Reads, answers and writes as far as the socket allows without waiting.
fn drive(conn: &mut Conn, shared: &Shared, streams: &AtomicUsize) -> Next {
    loop {
        if conn.draining {
            return drain(conn);
        }
        if conn.output.is_some() {
            match flush(conn) {
                Ok(true) if conn.keep_alive => {
                    conn.output = None;
                    conn.deadline = Instant::now() + IDLE;
                }
                Ok(true) => {
                    let _ = conn.stream.shutdown(std::net::Shutdown::Write);
                    conn.draining = true;
                    conn.deadline = Instant::now() + LINGER;
                    continue;
                }
                Ok(false) => return Next::Wait,
                Err(_) => return Next::Close,
            }
        }
        // A pipelined request may already be in the buffer; else read what has come.
        if head_end(&conn.input).is_none() {
            match fill(conn) {
                Ok(true) => {}
                Ok(false) => return Next::Wait,
                Err(_) => return Next::Close,
            }
        }
        match take_request(conn) {
            None => {
                if conn.input.len() > MAX_HEAD {
                    let r = Response::text("431 Request Header Fields Too Large", "request head too large\n");
                    respond(conn, r, false, false);
                    continue;
                }
                return Next::Wait;
            }
            Some(head) => match http::answer(&head, shared) {
                Answer::Page { response, head_only, keep_alive } => {
                    respond(conn, response, head_only, keep_alive && conn.keep_alive);
                }
                Answer::Events => {
                    if streams.load(Ordering::Relaxed) < MAX_STREAMS {
                        return Next::Stream;
                    }
                    respond(
                        conn,
                        Response::text("503 Service Unavailable", "too many live-reload streams\n"),
                        false,
                        false,
                    );
                }
            },
        }
    }
}

fn respond(conn: &mut Conn, response: Response, head_only: bool, keep_alive: bool) {
    let (head, body) = response.bytes(head_only, keep_alive);
    conn.keep_alive = keep_alive;
    conn.served = true;
    conn.output = Some(Pending { head, body, sent: 0 });
    conn.deadline = Instant::now() + WRITE_DEADLINE;
    if !keep_alive {
        // Whatever else the client sends is not read.
        conn.input.clear();
    }
}

/// Reads and drops input until the client closes.
fn drain(conn: &mut Conn) -> Next {
    let mut chunk = [0u8; 16 * 1024];
    loop {
        match conn.stream.read(&mut chunk) {
            Ok(0) => return Next::Close,
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Next::Wait,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Next::Close,
        }
    }
}

/// Writes what the socket takes; `Ok(true)` when the whole response is out.
fn flush(conn: &mut Conn) -> io::Result<bool> {
    let Some(p) = conn.output.as_mut() else { return Ok(true) };
    let total = p.head.len() + p.body.len();
    while p.sent < total {
        let chunk = if p.sent < p.head.len() { &p.head[p.sent..] } else { &p.body[p.sent - p.head.len()..] };
        match conn.stream.write(chunk) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => p.sent += n,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(false),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(true)
}

/// Reads what has arrived, up to a little past [`MAX_HEAD`]; `Ok(true)` when a whole head is
/// in, or too much for one; `Ok(false)` to wait for more; `Err` when the client is gone.
fn fill(conn: &mut Conn) -> io::Result<bool> {
    let mut chunk = [0u8; 4096];
    loop {
        match conn.stream.read(&mut chunk) {
            Ok(0) => {
                // A kept-alive connection closed between requests is simply done; one that
                // closed without sending a request at all gets its 400.
                if conn.served && conn.input.iter().all(|b| b.is_ascii_whitespace()) {
                    return Err(io::ErrorKind::UnexpectedEof.into());
                }
                // A head cut short by the client closing its side: answered as it stands (400).
                conn.input.extend_from_slice(b"\r\n\r\n");
                return Ok(true);
            }
            Ok(n) => {
                if conn.input.is_empty() {
                    // The whole-request deadline runs from the first byte of a kept-alive request.
                    conn.deadline = Instant::now() + REQUEST_DEADLINE;
                }
                conn.input.extend_from_slice(&chunk[..n]);
                if head_end(&conn.input).is_some() || conn.input.len() > MAX_HEAD {
                    return Ok(true);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(false),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// Where the head ends (after its blank line), if it has.
fn head_end(input: &[u8]) -> Option<usize> {
    let crlf = input.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4);
    let lf = input.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Takes one whole request head out of the buffer, if there is one within [`MAX_HEAD`].
fn take_request(conn: &mut Conn) -> Option<String> {
    let end = head_end(&conn.input).filter(|&e| e <= MAX_HEAD)?;
    let head: Vec<u8> = conn.input.drain(..end).collect();
    Some(String::from_utf8_lossy(&head).into_owned())
}

/// Moves a live-reload connection to a thread of its own, in blocking mode.
fn start_stream(stream: TcpStream, shared: &Arc<Shared>, streams: &Arc<AtomicUsize>) {
    let Some(stream) = into_std(stream) else { return };
    if stream.set_nonblocking(false).is_err() {
        return;
    }
    let _ = stream.set_write_timeout(Some(WRITE_DEADLINE));
    streams.fetch_add(1, Ordering::Relaxed);
    let (shared, streams) = (shared.clone(), streams.clone());
    let spawned = std::thread::Builder::new().name("annals-events".into()).spawn({
        let streams = streams.clone();
        move || {
            // A client that went away is no concern of the server's.
            let _ = http::events(stream, &shared);
            streams.fetch_sub(1, Ordering::Relaxed);
        }
    });
    if spawned.is_err() {
        streams.fetch_sub(1, Ordering::Relaxed);
    }
}

#[cfg(unix)]
fn into_std(stream: TcpStream) -> Option<std::net::TcpStream> {
    use std::os::fd::{FromRawFd, IntoRawFd};
    // SAFETY: the descriptor comes straight from a socket we own and give up here.
    Some(unsafe { std::net::TcpStream::from_raw_fd(stream.into_raw_fd()) })
}

#[cfg(windows)]
fn into_std(stream: TcpStream) -> Option<std::net::TcpStream> {
    use std::os::windows::io::{FromRawSocket, IntoRawSocket};
    // SAFETY: the socket comes straight from a stream we own and give up here.
    Some(unsafe { std::net::TcpStream::from_raw_socket(stream.into_raw_socket()) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_end_at_the_first_blank_line() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /b"), Some(27));
        assert_eq!(head_end(b"GET / HTTP/1.1\n\n"), Some(16));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n"), None);
    }
}
