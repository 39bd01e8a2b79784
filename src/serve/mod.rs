//! `annals serve`: the development server. It builds the site into memory with the local address
//! as base URL (keeping the configured sub-path), serves it over HTTP, watches the site's files,
//! rebuilds on every change and reloads open pages over server-sent events. Only files in the
//! in-memory map are ever served, so no request can reach the disk.

mod conn;
mod http;
mod rebuild;

pub use conn::{MAX_CONNECTIONS, MAX_STREAMS, REQUEST_DEADLINE};

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::thread::JoinHandle;
use std::time::Duration;

/// The path under which the live-reload event stream is served (outside any site path).
pub const EVENTS_PATH: &str = "/__annals/events";

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The address to listen on; anything but loopback makes the server reachable by others.
    pub bind: IpAddr,
    /// The port; 0 picks a free one (tests).
    pub port: u16,
    /// Include drafts.
    pub drafts: bool,
    /// How long the files must stay quiet before a rebuild starts: an editor's save is several
    /// file events (write a temporary file, rename, delete the backup) within a few milliseconds.
    pub settle: Duration,
    /// Where the server's log lines go (the command line writes them to standard error).
    pub log: Logger,
}

/// Receives the server's log lines, one call per line; the library never prints itself.
#[derive(Clone)]
pub struct Logger(pub Arc<dyn Fn(&str) + Send + Sync>);

impl Logger {
    /// A logger that drops every line (tests).
    pub fn quiet() -> Logger {
        Logger(Arc::new(|_| {}))
    }
}

impl std::fmt::Debug for Logger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Logger")
    }
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            root: PathBuf::from("."),
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 1111,
            drafts: false,
            settle: Duration::from_millis(30),
            log: Logger::quiet(),
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The site folder is missing or unreadable.
    #[error("cannot open the site folder {path}: {source}")]
    Root {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The address is taken or not ours.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The cause.
        source: io::Error,
    },
    /// The file watcher could not be set up.
    #[error("cannot watch {path} for changes: {source}")]
    Watch {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: notify::Error,
    },
    /// A server thread could not be started.
    #[error("cannot start the {what} thread: {source}")]
    Thread {
        /// Which thread.
        what: &'static str,
        /// The cause.
        source: io::Error,
    },
    /// The Ctrl-C handler could not be installed.
    #[error("cannot handle Ctrl-C: {0}")]
    Signal(#[from] ctrlc::Error),
}

/// What the rebuilds have done so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    /// How many builds (full or partial) have been published.
    pub generation: u64,
    /// The problems of the last rebuild, one `path:line:col: error: message` each; empty when
    /// the pages served are up to date.
    pub errors: Vec<String>,
}

/// Files by site path (`briefs/a/index.html`).
use crate::build::output::Files;

/// State shared by the rebuild thread and the connection threads.
struct Shared {
    files: RwLock<Files>,
    /// The configured sub-path (`/archive/`), percent-decoded and NFC.
    base_path: RwLock<String>,
    status: Mutex<Status>,
    /// Open live-reload streams; a send fails once its connection is gone.
    clients: Mutex<Vec<Sender<Arc<str>>>>,
    stop: AtomicBool,
    /// Identifies this run of the server, so that pages reconnecting after a restart reload.
    session: String,
    /// Where log lines go.
    log: Logger,
}

/// Sends a line to the server's log: `log!(shared, "…", args)`.
macro_rules! log {
    ($shared:expr, $($t:tt)*) => {
        ($shared.log.0)(&format!($($t)*))
    };
}
pub(crate) use log;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicked connection thread must not take the server down with it.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    fn new(log: Logger) -> Shared {
        let session = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        Shared {
            files: RwLock::new(Files::new()),
            base_path: RwLock::new("/".into()),
            status: Mutex::new(Status::default()),
            clients: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
            session: format!("{session:x}"),
            log,
        }
    }

    fn stopping(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    fn file(&self, path: &str) -> Option<Arc<[u8]>> {
        self.files.read().unwrap_or_else(|e| e.into_inner()).get(path).cloned()
    }

    fn base_path(&self) -> String {
        self.base_path.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Swaps in a whole new site at once.
    fn replace_all(&self, files: Files, base_path: String) {
        *self.base_path.write().unwrap_or_else(|e| e.into_inner()) = base_path;
        let old = std::mem::replace(&mut *self.files.write().unwrap_or_else(|e| e.into_inner()), files);
        // Freed outside the lock: dropping 10,000 pages takes long enough to stall requests.
        drop(old);
    }

    /// Replaces some pages of the current site.
    fn replace_some(&self, files: Vec<(String, Arc<[u8]>)>) {
        let mut map = self.files.write().unwrap_or_else(|e| e.into_inner());
        for (path, bytes) in files {
            map.insert(path, bytes);
        }
    }

    /// Records a successful build and reloads open pages.
    fn succeeded(&self) {
        {
            let mut s = lock(&self.status);
            s.generation += 1;
            s.errors.clear();
        }
        self.broadcast(sse("reload", &self.session));
    }

    /// Records a failed build: printed in the terminal and shown over open pages.
    fn failed(&self, errors: Vec<String>) {
        for e in &errors {
            log!(self, "{e}");
        }
        log!(self, "error: the site could not be rebuilt; still serving the last good pages");
        let message = sse("build-error", &error_data(&errors));
        lock(&self.status).errors = errors;
        self.broadcast(message);
    }

    fn broadcast(&self, message: String) {
        let message: Arc<str> = message.into();
        lock(&self.clients).retain(|c| c.send(message.clone()).is_ok());
    }

    /// Registers a live-reload stream and returns what it must be told first.
    fn subscribe(&self, client: Sender<Arc<str>>) -> String {
        let mut clients = lock(&self.clients);
        clients.push(client);
        let errors = lock(&self.status).errors.clone();
        let mut first = sse("hello", &self.session);
        if !errors.is_empty() {
            first.push_str(&sse("build-error", &error_data(&errors)));
        }
        first
    }
}

/// One server-sent event; `data` is a single line.
fn sse(event: &str, data: &str) -> String {
    format!("event: {event}\ndata: {data}\n\n")
}

/// Error lines as a JSON array on one line (SSE data ends at a newline; JSON escapes them).
fn error_data(errors: &[String]) -> String {
    serde_json::to_string(errors).unwrap_or_else(|_| "[]".into())
}

/// A running development server; stops when shut down or dropped.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    threads: Vec<JoinHandle<()>>,
}

impl Server {
    /// Binds, builds the site once (a failed first build is served as its error overlay), starts
    /// watching and serving, and returns once the first build is being served.
    pub fn start(options: &ServeOptions) -> Result<Server, ServeError> {
        let root = options
            .root
            .canonicalize()
            .map_err(|source| ServeError::Root { path: options.root.clone(), source })?;
        let wanted = SocketAddr::new(options.bind, options.port);
        let listener =
            TcpListener::bind(wanted).map_err(|source| ServeError::Bind { addr: wanted, source })?;
        let addr = listener.local_addr().map_err(|source| ServeError::Bind { addr: wanted, source })?;
        let shared = Arc::new(Shared::new(options.log.clone()));
        // Watching starts before the first build, so an edit made while it runs is not missed.
        let watch = rebuild::Watch::new(&root)?;
        let site = rebuild::Site {
            root,
            drafts: options.drafts,
            origin: format!("http://{}", reachable(addr)),
            settle: options.settle,
            shared: shared.clone(),
            watch,
        };
        let mut server = Server { addr, shared: shared.clone(), threads: Vec::new() };
        let (ready_tx, ready_rx) = mpsc::sync_channel(1);
        server.spawn("annals-rebuild", move || site.run(ready_tx))?;
        // An error here means the rebuild thread ended early; the server then serves what it has.
        let _ = ready_rx.recv();
        server.spawn("annals-http", move || {
            let log = shared.log.clone();
            if let Err(e) = conn::serve(listener, shared) {
                (log.0)(&format!("error: the server stopped: {e}"));
            }
        })?;
        Ok(server)
    }

    fn spawn(&mut self, what: &'static str, f: impl FnOnce() + Send + 'static) -> Result<(), ServeError> {
        let handle = std::thread::Builder::new()
            .name(what.into())
            .spawn(f)
            .map_err(|source| ServeError::Thread { what, source })?;
        self.threads.push(handle);
        Ok(())
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The address of the site's home page (`http://127.0.0.1:1111/archive/`).
    pub fn url(&self) -> String {
        let mut url = format!("http://{}", reachable(self.addr));
        crate::build::url::encode_path_into(&self.shared.base_path(), true, &mut url);
        url
    }

    /// What the rebuilds have done so far.
    pub fn status(&self) -> Status {
        lock(&self.shared.status).clone()
    }

    /// Stops serving and watching, and waits for the server's threads to end.
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if self.shared.stop.swap(true, Ordering::Relaxed) {
            return;
        }
        // Dropping the senders ends every live-reload stream.
        lock(&self.shared.clients).clear();
        // The accept loop blocks until a connection comes: make one.
        let _ = TcpStream::connect_timeout(&reachable(self.addr), Duration::from_secs(1));
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The address to connect to: an unspecified bind address (`0.0.0.0`) is reached on loopback.
fn reachable(addr: SocketAddr) -> SocketAddr {
    match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => SocketAddr::new(Ipv4Addr::LOCALHOST.into(), addr.port()),
        IpAddr::V6(ip) if ip.is_unspecified() => SocketAddr::new(Ipv6Addr::LOCALHOST.into(), addr.port()),
        _ => addr,
    }
}

/// `annals serve`: serves until Ctrl-C.
pub fn run(options: &ServeOptions) -> Result<(), ServeError> {
    if !options.bind.is_loopback() {
        log!(
            options,
            "warning: listening on {}: other machines on the network can reach this server",
            options.bind
        );
    }
    log!(options, "building {} …", options.root.display());
    let server = Server::start(options)?;
    log!(options, "serving {} (Ctrl-C stops)", server.url());
    let (tx, rx) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = tx.send(());
    })?;
    let _ = rx.recv();
    log!(options, "stopping");
    server.shutdown();
    Ok(())
}
