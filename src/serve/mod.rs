//! `secdraft serve`: a live preview of a terms file's set in the browser. It renders the set in
//! memory, serves it on 127.0.0.1 only, watches the terms file's folder (and its target's, if a
//! link) and the templates folder, and on each save renders again and tells every open page
//! (server-sent events on `/events`), which fetches itself again in place. Terms that do not
//! render never stop it: every page shows the located diagnostic until a save renders again.
//! Nothing here writes a file.
//!
//! Threads: one accepts connections and gives each a thread of its own, which answers its
//! requests in turn (src/serve/http.rs; an open page's event stream holds one); one re-renders
//! after a burst of file events has gone quiet; the watcher's own. They share one `State` behind
//! a mutex, and a condition variable wakes the event streams when it changes.

mod http;
mod pages;

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, RecursiveMode, Watcher};

use crate::console::report;
use crate::diagnostics::{Diagnostic, display_path};
use crate::diff::{self, Comparison, Side};
use crate::pipeline::{self, RenderedSet};
use crate::preview;

pub use pages::MARK;

/// The port `serve` listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 4000;

/// How long the files must stay quiet after a change before the set is rendered again: an
/// editor's save (write a temporary file, rename it over the old one) is one burst of events.
const DEBOUNCE: Duration = Duration::from_millis(50);

/// The same, once the burst holds an event that says a file is whole (closed after writing, or
/// renamed into place): what follows it within this time is still the same save.
const SETTLED: Duration = Duration::from_millis(5);

/// How often an event stream with nothing to say sends a comment, to find a closed page.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// How often an event stream with nothing to say looks whether its page has closed it: its
/// thread, and its place among [`MAX_STREAMS`], are given back within this time.
const CLOSED_CHECK: Duration = Duration::from_millis(500);

/// The most event streams open at once: each holds a thread for as long as its page is open (and
/// up to [`CLOSED_CHECK`] after). A browser opens at most six connections to one host, so this
/// is many browsers; past it a stream is refused, not given a thread.
const MAX_STREAMS: usize = 64;

/// The most connections open at once, each with its thread: past it a connection is answered
/// 503 and closed, not given a thread.
const MAX_CONNECTIONS: usize = 256;

/// One of the things counted by `counter` (an open connection, an event stream), for as long as
/// it lives.
struct Counted<'a>(&'a AtomicUsize);

impl<'a> Counted<'a> {
    /// Counts one more, and gives how many there were before it.
    fn new(counter: &'a AtomicUsize) -> (Counted<'a>, usize) {
        (Counted(counter), counter.fetch_add(1, Ordering::SeqCst))
    }
}

impl Drop for Counted<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// What to preview.
#[derive(Debug, Clone)]
pub struct Config {
    /// The terms file.
    pub terms: PathBuf,
    /// A folder of templates overriding the built-in ones.
    pub templates: Option<PathBuf>,
    /// A terms file whose set the changes are shown against, in place of the set as it was
    /// when `serve` started.
    pub base: Option<PathBuf>,
    /// The port on 127.0.0.1; 0 for any free one.
    pub port: u16,
}

/// The page of the document `name` (a file name of the set, `offer-to-exchange.htm`): the
/// EDGAR HTML it renders, its body annotated by [`preview`] (each figure's trace, each `check`
/// finding beside its text) and the annotations' style and script in its head; before the
/// server's own bar, style and script are added. A document the preview cannot annotate shows
/// why.
fn document_body(set: &RenderedSet, name: &str) -> Option<String> {
    let file = set.files.iter().find(|f| f.name == name && f.name.ends_with(".htm"))?;
    let page = String::from_utf8_lossy(&file.bytes);
    Some(match preview::document_page(set, name)? {
        Ok(body) => pages::annotated(&page, &body),
        Err(error) => pages::diagnostic(&error),
    })
}

/// What the preview shows: the latest render of the terms, good or bad.
struct State {
    /// One more at each render, good or bad: the pages compare it with their own.
    generation: u64,
    rendered: Result<Arc<RenderedSet>, Arc<Diagnostic>>,
    /// What the changes are shown against: the `--base` set, or the first set that rendered.
    base: Option<Arc<Side>>,
    /// The comparison of the set of `generation` with the base, once asked for.
    comparison: Option<(u64, Arc<Comparison>)>,
    /// The pages of the documents of the set of `generation` made so far, by name.
    documents: BTreeMap<String, (u64, Option<Arc<str>>)>,
}

struct Shared {
    config: Config,
    state: Mutex<State>,
    rendering: Mutex<()>,
    changed: Condvar,
    stopping: AtomicBool,
    /// The event streams open.
    streams: AtomicUsize,
    /// The connections open.
    connections: AtomicUsize,
}

impl Shared {
    /// A preview of `config` showing `state`, with no render running, no stream or connection
    /// open, and not stopping.
    fn new(config: Config, state: State) -> Shared {
        Shared {
            config,
            state: Mutex::new(state),
            rendering: Mutex::new(()),
            changed: Condvar::new(),
            stopping: AtomicBool::new(false),
            streams: AtomicUsize::new(0),
            connections: AtomicUsize::new(0),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves a consistent state: each field is set whole.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn render(&self) -> Result<RenderedSet, Diagnostic> {
        pipeline::render_file_with(&self.config.terms, self.config.templates.as_deref(), &[])
    }

    /// Renders the set again and shows it, or the diagnostic, to every page.
    fn rerender(&self) {
        // One render at a time, so that the set shown is always the latest one rendered.
        let _rendering = self.rendering.lock().unwrap_or_else(PoisonError::into_inner);
        let started = Instant::now();
        let rendered = self.render();
        let elapsed = started.elapsed().as_millis();
        match &rendered {
            Ok(set) => report("note", &format!("rendered {} files in {elapsed} ms", set.files.len())),
            Err(error) => report("error", &format!("the terms do not render: {error}")),
        }
        let mut state = self.state();
        state.generation += 1;
        if state.base.is_none()
            && let Ok(set) = &rendered
        {
            state.base = Some(Arc::new(self.started_side(set.clone())));
        }
        state.rendered = rendered.map(Arc::new).map_err(Arc::new);
        state.comparison = None;
        state.documents.clear();
        drop(state);
        self.changed.notify_all();
    }

    /// The set as it was when `serve` started, as a side of a comparison.
    fn started_side(&self, set: RenderedSet) -> Side {
        Side::of_set(format!("{} (when serve started)", display_path(&self.config.terms)), set)
    }

    /// The comparison of the set shown with the base, made once per render.
    fn comparison(&self) -> Result<Arc<Comparison>, Diagnostic> {
        let (generation, set, base) = {
            let state = self.state();
            if let Some((generation, comparison)) = &state.comparison
                && *generation == state.generation
            {
                return Ok(comparison.clone());
            }
            let set = state.rendered.clone().map_err(|e| (*e).clone())?;
            let base = state.base.clone().ok_or_else(|| Diagnostic::new("no set has rendered yet"))?;
            (state.generation, set, base)
        };
        let now = Side::of_set(display_path(&self.config.terms), (*set).clone());
        let comparison = Arc::new(diff::compare(&base, &now)?);
        let mut state = self.state();
        if state.generation == generation {
            state.comparison = Some((generation, comparison.clone()));
        }
        Ok(comparison)
    }

    /// The page of the document `name` of `set` (of `generation`), made once per render. Only
    /// the pages of documents are kept: a name of none would keep any path asked for.
    fn document(&self, generation: u64, set: &RenderedSet, name: &str) -> Option<Arc<str>> {
        if let Some((made, page)) = self.state().documents.get(name)
            && *made == generation
        {
            return page.clone();
        }
        let page: Option<Arc<str>> = document_body(set, name).map(Arc::from);
        let mut state = self.state();
        if state.generation == generation && page.is_some() {
            state.documents.insert(name.to_owned(), (generation, page.clone()));
        }
        page
    }

    /// The page at `path`: its status and HTML.
    fn page(&self, path: &str) -> (u16, String) {
        let (generation, rendered) = {
            let state = self.state();
            (state.generation, state.rendered.clone())
        };
        let is_page =
            path == "/" || path == "/changes" || path.starts_with("/doc/") || path.starts_with("/changes/");
        let set = match rendered {
            Ok(set) => set,
            Err(error) if is_page => {
                return (200, pages::with_preview(&pages::diagnostic(&error), generation));
            }
            Err(_) => return (404, pages::with_preview(&pages::not_found(path), generation)),
        };
        let page = if path == "/" {
            Some(pages::index(&set, &display_path(&self.config.terms)))
        } else if let Some(name) = path.strip_prefix("/doc/") {
            self.document(generation, &set, name).map(|page| page.to_string())
        } else if path == "/changes" {
            Some(self.comparison().map_or_else(|e| pages::diagnostic(&e), |c| pages::changes(&c)))
        } else if let Some(name) = path.strip_prefix("/changes/") {
            match self.comparison() {
                Ok(comparison) => pages::blackline(&comparison, name),
                Err(error) => Some(pages::diagnostic(&error)),
            }
        } else {
            None
        };
        match page {
            Some(page) => (200, pages::with_preview(&page, generation)),
            None => (404, pages::with_preview(&pages::not_found(path), generation)),
        }
    }

    /// The event stream of one page: the generation when it connects, and again at each render.
    /// Asked for with HEAD, only its head. It ends with its connection.
    fn events(&self, connection: &mut http::Connection, head_only: bool) {
        let (_stream, open) = Counted::new(&self.streams);
        if open >= MAX_STREAMS {
            let _ = connection.answer(
                503,
                "text/plain",
                b"too many pages open: close some\n",
                head_only,
                Some("close"),
            );
            return;
        }
        if connection.begin_stream("text/event-stream").is_err() || head_only {
            return;
        }
        if connection.send(b"retry: 500\n\n").is_err() {
            return;
        }
        let mut sent = None;
        let mut kept_alive = Instant::now();
        loop {
            let generation = {
                let state = self.state();
                let (state, _) = self
                    .changed
                    .wait_timeout_while(state, CLOSED_CHECK, |s| {
                        Some(s.generation) == sent && !self.stopping.load(Ordering::SeqCst)
                    })
                    .unwrap_or_else(PoisonError::into_inner);
                state.generation
            };
            if self.stopping.load(Ordering::SeqCst) || connection.closed_by_client() {
                return;
            }
            if sent == Some(generation) && kept_alive.elapsed() < KEEP_ALIVE {
                continue;
            }
            kept_alive = Instant::now();
            let message = if sent == Some(generation) {
                ": keep-alive\n\n".to_owned()
            } else {
                format!("data: {generation}\n\n")
            };
            if connection.send(message.as_bytes()).is_err() {
                return;
            }
            sent = Some(generation);
        }
    }

    /// Answers the requests of one connection in turn, until it closes.
    fn connection(&self, stream: TcpStream) {
        let (_connection, open) = Counted::new(&self.connections);
        let Ok(mut connection) = http::Connection::new(stream) else { return };
        if open >= MAX_CONNECTIONS {
            let _ = connection.answer(503, "text/plain", b"too many connections\n", false, Some("close"));
            return;
        }
        loop {
            match connection.next_request() {
                http::Next::Request(request) => {
                    if !self.respond(&mut connection, &request) {
                        return;
                    }
                }
                http::Next::Refused(status, why) => {
                    if connection.answer(status, "text/plain", why.as_bytes(), false, Some("close")).is_ok() {
                        connection.linger();
                    }
                    return;
                }
                http::Next::Closed => return,
            }
        }
    }

    /// Answers one request; whether the connection stays open for the next.
    fn respond(&self, connection: &mut http::Connection, request: &http::Request) -> bool {
        let port = self.port();
        // Only pages asked for by this machine's own name: a page elsewhere cannot reach the
        // preview through a name of its own that resolves to 127.0.0.1.
        let host_ok = request.hosts.iter().all(|host| names_this_machine(host, port));
        let path = request.path();
        let head_only = request.is_head();
        let (status, body) = if !host_ok {
            (403, "forbidden: ask for http://127.0.0.1 or http://localhost\n".to_owned())
        } else if !matches!(request.method.as_str(), "GET" | "HEAD") {
            (405, "only GET and HEAD\n".to_owned())
        } else if path == "/events" {
            self.events(connection, head_only);
            return false;
        } else {
            self.page(path)
        };
        let content_type = if status == 403 || status == 405 { "text/plain" } else { "text/html" };
        // A page closed before its answer: nothing to do but close.
        connection.answer(status, content_type, body.as_bytes(), head_only, request.connection()).is_ok()
            && !request.close
    }

    fn port(&self) -> u16 {
        self.config.port
    }
}

/// Whether `host` (a Host header, or the host of a target in absolute form) names this machine
/// on `port`, in any case: `127.0.0.1:PORT` or `localhost:PORT`, or without the port on port 80,
/// where browsers leave it out.
fn names_this_machine(host: &str, port: u16) -> bool {
    let (name, given) = match host.rsplit_once(':') {
        Some((name, given)) => (name, given.parse::<u16>().ok()),
        None => (host, (port == 80).then_some(80)),
    };
    given == Some(port) && (name == "127.0.0.1" || name.eq_ignore_ascii_case("localhost"))
}

/// A preview listening on 127.0.0.1 and watching its files; [`Preview::run`] serves it until
/// [`Stopper::stop`].
pub struct Preview {
    shared: Arc<Shared>,
    listener: TcpListener,
    address: SocketAddr,
    /// Kept for as long as the preview runs: dropping it ends the watching.
    _watcher: Arc<Mutex<notify::RecommendedWatcher>>,
}

/// Stops a running preview, from another thread (a Ctrl-C handler).
#[derive(Clone)]
pub struct Stopper {
    shared: Arc<Shared>,
    address: SocketAddr,
}

impl Stopper {
    pub fn stop(&self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        self.shared.changed.notify_all();
        // Wakes the loop waiting for the next connection, which then sees it is to stop.
        let _ = TcpStream::connect_timeout(&self.address, Duration::from_secs(1));
    }
}

impl Preview {
    /// Renders the set, listens on 127.0.0.1 at `config.port` and starts watching. A terms
    /// file that does not render is no error here (the pages show why); a terms file that is
    /// not there, a `--base` that does not render, a port in use or a folder that cannot be
    /// watched are.
    pub fn start(config: Config) -> Result<Preview, Diagnostic> {
        if !config.terms.is_file() {
            return Err(Diagnostic::new(format!("{} is not a terms file", display_path(&config.terms)))
                .help("give the path of a YAML terms file, e.g. secdraft serve data/meridian-exchange-commenced.yaml"));
        }
        if let Some(dir) = &config.templates
            && !dir.is_dir()
        {
            return Err(Diagnostic::new(format!("{} is not a folder of templates", display_path(dir))));
        }
        let base = match &config.base {
            Some(path) => Some(Arc::new(Side::of_terms(path, config.templates.as_deref(), &[])?)),
            None => None,
        };
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, config.port)).map_err(|e| {
            let error = Diagnostic::new(format!("cannot listen on 127.0.0.1:{}: {e}", config.port));
            if e.kind() == std::io::ErrorKind::AddrInUse {
                error.help("give another port with --port N, or --port 0 for any free one")
            } else {
                error
            }
        })?;
        let address = listener
            .local_addr()
            .map_err(|e| Diagnostic::new(format!("cannot read the address listened on: {e}")))?;
        let config = Config { port: address.port(), ..config };
        let state = State {
            generation: 0,
            rendered: Err(Arc::new(Diagnostic::new("not rendered yet"))),
            base,
            comparison: None,
            documents: BTreeMap::new(),
        };
        let shared = Arc::new(Shared::new(config, state));
        // Watching before the first render: a save meanwhile is rendered after it.
        let watcher = watch(&shared)?;
        shared.rerender();
        Ok(Preview { shared, listener, address, _watcher: watcher })
    }

    /// The address listened on: 127.0.0.1 and the port.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn stopper(&self) -> Stopper {
        Stopper { shared: self.shared.clone(), address: self.address }
    }

    /// Serves each connection on a thread of its own, until stopped.
    pub fn run(self) {
        for stream in self.listener.incoming() {
            if self.shared.stopping.load(Ordering::SeqCst) {
                break;
            }
            match stream {
                Ok(stream) => {
                    let shared = self.shared.clone();
                    // No thread to be had: the connection closes, and the browser asks again.
                    let _ = thread::Builder::new().spawn(move || shared.connection(stream));
                }
                // A connection reset before it was accepted, or no file descriptor left for it
                // for now: the next is accepted after a pause, never in a busy loop.
                Err(_) => thread::sleep(Duration::from_millis(10)),
            }
        }
    }
}

/// Watches the terms file's folder (editors save by writing another file and renaming it over
/// the terms file), the folder of the file it links to if it is a link, and the templates folder
/// (and the folder it is in, to watch it again when it is replaced), and renders again once a
/// burst of changes to them has gone quiet for [`DEBOUNCE`] (or [`SETTLED`], once a file of it
/// is whole).
fn watch(shared: &Arc<Shared>) -> Result<Arc<Mutex<notify::RecommendedWatcher>>, Diagnostic> {
    let terms = &shared.config.terms;
    let folder = match terms.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // The watcher names the paths of its events its own way: compare whole, canonical paths.
    let canonical = |dir: &Path| {
        dir.canonicalize().map_err(|e| Diagnostic::new(format!("cannot watch {}: {e}", display_path(dir))))
    };
    let folder = canonical(&folder)?;
    let watched_terms = folder.join(terms.file_name().unwrap_or_default());
    // A terms file that is a link to a file elsewhere is saved there (in place through the link,
    // or by an editor that follows the link and renames over its target): the target and its
    // folder are watched too.
    let target = watched_terms.canonicalize().ok().filter(|target| *target != watched_terms);
    let target_folder =
        target.as_deref().and_then(Path::parent).filter(|dir| *dir != folder).map(Path::to_path_buf);
    let templates = shared.config.templates.as_deref().map(canonical).transpose()?;
    let templates_watched = templates.clone();
    let templates_root = templates.clone();
    // Each relevant event, whether it leaves a file whole, and whether it is of the templates
    // folder itself (made, moved or removed: its watch is to be made again).
    let (tx, rx) = mpsc::channel::<(bool, bool)>();
    let relevant = move |path: &Path| {
        path == watched_terms
            || target.as_deref() == Some(path)
            || templates.as_deref().is_some_and(|dir| path.starts_with(dir))
    };
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        // Reading a file is no change to it.
        if matches!(event.kind, EventKind::Access(AccessKind::Open(_) | AccessKind::Read)) {
            return;
        }
        if event.paths.iter().any(|p| relevant(p)) {
            let whole = matches!(
                event.kind,
                EventKind::Access(AccessKind::Close(AccessMode::Write))
                    | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
            );
            let again = templates_root.as_deref().is_some_and(|dir| event.paths.iter().any(|p| p == dir));
            let _ = tx.send((whole, again));
        }
    })
    .map_err(|e| Diagnostic::new(format!("cannot watch for changes: {e}")))?;
    let cannot =
        |dir: &Path, e: notify::Error| Diagnostic::new(format!("cannot watch {}: {e}", display_path(dir)));
    watcher.watch(&folder, RecursiveMode::NonRecursive).map_err(|e| cannot(&folder, e))?;
    if let Some(dir) = &target_folder {
        watcher.watch(dir, RecursiveMode::NonRecursive).map_err(|e| cannot(dir, e))?;
    }
    if let Some(dir) = &templates_watched {
        watcher.watch(dir, RecursiveMode::Recursive).map_err(|e| cannot(dir, e))?;
        // A watch follows the folder it was made on: a folder moved away and back, or removed and
        // made again (a checkout), is watched again once it is seen in its place.
        if let Some(parent) = dir.parent().filter(|parent| *parent != folder) {
            watcher.watch(parent, RecursiveMode::NonRecursive).map_err(|e| cannot(parent, e))?;
        }
    }
    let watcher = Arc::new(Mutex::new(watcher));
    // Not the watcher itself: dropped with the preview, it ends this thread.
    let rewatch = Arc::downgrade(&watcher);
    let shared = shared.clone();
    thread::spawn(move || {
        while let Ok((mut whole, mut again)) = rx.recv() {
            loop {
                match rx.recv_timeout(if whole { SETTLED } else { DEBOUNCE }) {
                    Ok((more, more_again)) => {
                        whole |= more;
                        again |= more_again;
                    }
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            if shared.stopping.load(Ordering::SeqCst) {
                return;
            }
            if again && let (Some(dir), Some(watcher)) = (&templates_watched, rewatch.upgrade()) {
                let mut watcher = watcher.lock().unwrap_or_else(PoisonError::into_inner);
                // Not there (moved away, removed): the render says so; watched once it is back.
                let _ = watcher.unwatch(dir);
                let _ = watcher.watch(dir, RecursiveMode::Recursive);
            }
            shared.rerender();
        }
    });
    Ok(watcher)
}

/// Opens `url` in the default browser, by the system's own opener; a failure is only told.
pub fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    match command.spawn() {
        // Waited for on a thread of its own, so that it leaves no zombie behind.
        Ok(mut child) => {
            thread::spawn(move || child.wait());
        }
        Err(e) => report("warning", &format!("cannot open a browser ({e}); open {url}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_machine_s_names_reach_the_preview() {
        for ours in ["127.0.0.1:4000", "localhost:4000", "LocalHost:4000"] {
            assert!(names_this_machine(ours, 4000), "{ours}");
        }
        for theirs in [
            "evil.example:4000",
            "127.0.0.1:4001",
            "127.0.0.1",
            "localhost",
            "127.0.0.1:04000x",
            "[::1]:4000",
            "",
        ] {
            assert!(!names_this_machine(theirs, 4000), "{theirs}");
        }
        // On port 80 a browser names the host alone.
        for ours in ["127.0.0.1", "localhost", "127.0.0.1:80"] {
            assert!(names_this_machine(ours, 80), "{ours}");
        }
        assert!(!names_this_machine("evil.example", 80));
    }

    #[test]
    fn only_the_pages_of_documents_are_kept() {
        let terms = PathBuf::from("data/meridian-exchange-commenced.yaml");
        let set = pipeline::render_file_with(&terms, None, &[]).unwrap();
        let state = State {
            generation: 1,
            rendered: Ok(Arc::new(set)),
            base: None,
            comparison: None,
            documents: BTreeMap::new(),
        };
        let shared = Shared::new(Config { terms, templates: None, base: None, port: 0 }, state);
        for n in 0..50 {
            assert_eq!(shared.page(&format!("/doc/{n}{}.htm", "a".repeat(10_000))).0, 404);
        }
        assert!(shared.state().documents.is_empty(), "the pages of no document are kept");
        assert_eq!(shared.page("/doc/offer-to-exchange.htm").0, 200);
        assert_eq!(shared.state().documents.len(), 1);
    }
}
