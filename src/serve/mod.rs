//! `pbgdpl serve`: builds the site into memory, serves it over HTTP,
//! watches its files and rebuilds incrementally, making every open page
//! reload.
//!
//! - HTTP: hyper on a small tokio runtime (two workers). Server-Sent Events
//!   announce rebuilds; the reload script and, while the content has
//!   errors, an error panel are added to HTML pages as they are sent
//!   ([`live`]), never to the stored output.
//! - Output: a [`Store`], swapped atomically after each successful rebuild;
//!   a failed rebuild keeps the last good output on screen with the errors
//!   over it.
//! - Watching: notify, on `site.toml`, `content/`, `static/`, `templates/`
//!   and `themes/`; the changes of one save come as one batch once the site
//!   has been quiet for [`watch::SETTLE`] ([`watch`]).
//! - Rebuilding: a [`Session`].
//!   After an edit of entries, the pages open in browsers (each event stream
//!   says which page it belongs to) are rendered first and swapped in over
//!   the current output ([`Preview`]); tabs on a changed page reload at
//!   once. The whole site follows, and a `changed` event lists what else
//!   changed so a tab reloads again only if its page or a file it loaded
//!   did.
//!
//! The server binds 127.0.0.1 unless told otherwise, and publishes the site
//! at `http://<bind>:<port>/<path of base_url>`, so a section that lives at
//! `https://portal.example.gov.vn/pbgdpl/` is previewed under `/pbgdpl/`.

pub mod http;
pub mod live;
pub mod mime;
pub mod paths;
pub mod session;
pub mod watch;

use std::collections::HashSet;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::channel::Sender;
use hyper::body::Frame;
use hyper_util::rt::TokioIo;

use crate::error::Error;
use crate::error::io_reason;
use crate::i18n::{self, Lang, Message, Strings};
use crate::msg;
use crate::output::store::{Changes as OutputChanges, Snapshot, Store};
use crate::pipeline::Preview;
use crate::progress::{Progress, Silent};
use crate::site::BuildOptions;
use session::{Changes, Session, Update};
use watch::{Next, Watcher};

/// Above this many changed files, a `changed` event becomes a `reload`.
const MAX_CHANGED_PATHS: usize = 2000;

/// Options of `pbgdpl serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site's directory.
    pub root: PathBuf,
    /// Drafts, "today"… (`base_url` is replaced by the server's address).
    pub build: BuildOptions,
    /// Address to listen on (127.0.0.1 by default).
    pub bind: IpAddr,
    /// Port; 0 picks a free one.
    pub port: u16,
}

/// What the server reports to whoever runs it (the command line prints
/// it). Every method has an empty default.
pub trait Events: Send + Sync {
    /// The server is listening; the site is at `url`.
    fn listening(&self, _url: &str) {}
    /// A build succeeded; `changes` says which output files changed.
    fn built(&self, _update: &Update, _changes: &OutputChanges) {}
    /// A build failed; the errors are also shown in the browser.
    fn failed(&self, _error: &Error) {}
    /// A watched file changed (relative to the site root), before rebuilding.
    fn changed(&self, _paths: &[String]) {}
    /// The time of an entry's `publish_date` or `expiry_date` has come,
    /// before rebuilding.
    fn due(&self) {}
    /// Where the progress of the first build goes.
    fn progress(&self) -> &dyn Progress {
        &Silent
    }
}

/// What request handlers share with the rebuild loop.
pub struct State {
    store: Store,
    base_path: RwLock<String>,
    error: RwLock<Option<String>>,
    strings: RwLock<(Strings, Lang)>,
    clients: Mutex<Vec<Client>>,
}

/// An open page's event stream, and which page it is (its output path).
struct Client {
    sender: Sender<Bytes, Infallible>,
    page: Option<String>,
}

impl State {
    fn base_path(&self) -> String {
        self.base_path
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn error(&self) -> Option<String> {
        self.error.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn strings(&self) -> (Strings, Lang) {
        self.strings
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// What is added to every HTML page: the error panel (if any) and the
    /// reload script.
    fn injection(&self, error: Option<&str>) -> String {
        let mut extra = String::new();
        if let Some(errors) = error {
            extra.push_str(&live::error_panel(errors, &self.strings().0));
        }
        extra.push_str(&live::script());
        extra
    }

    fn subscribe(&self, sender: Sender<Bytes, Infallible>, page: Option<String>) {
        self.clients
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Client { sender, page });
    }

    /// The output paths of the pages open in browsers (and of pages
    /// closed since the last event, which the next event forgets).
    fn open_pages(&self) -> HashSet<String> {
        let clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.iter().filter_map(|c| c.page.clone()).collect()
    }

    /// Clears the error shown in the browser; says whether there was one.
    fn clear_error(&self) -> bool {
        self.error
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .is_some()
    }

    /// Sends each open page the event `event_for` gives it. Pages that are
    /// gone (or so far behind that their queue is full) are dropped;
    /// browsers reconnect.
    fn send(&self, event_for: impl Fn(&Client) -> Bytes) {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain_mut(|c| c.sender.try_send(Frame::data(event_for(c))).is_ok());
    }

    /// Tells every open page to reload.
    fn reload(&self, data: &str) {
        let event = event("reload", data);
        self.send(|_| event.clone());
    }

    /// Tells every open page which files changed (site-relative output
    /// paths): pages that are among them, or whose page is not known,
    /// reload (`reload` with `data`); the others get a `changed` event
    /// listing the addresses, and the script reloads them only if a file
    /// they loaded (a stylesheet, an image, the search index) changed. Too
    /// many changes reload every page.
    fn announce(&self, paths: &[String], data: &str) {
        if paths.len() > MAX_CHANGED_PATHS {
            return self.reload(data);
        }
        let reload = event("reload", data);
        let base = self.base_path();
        let urls: Vec<String> = paths
            .iter()
            .map(|p| format!("{base}{}", p.strip_suffix("index.html").unwrap_or(p)))
            .collect();
        let changed = event("changed", &serde_json::json!({ "paths": urls }).to_string());
        self.send(|c| match &c.page {
            Some(page) if !paths.contains(page) => changed.clone(),
            _ => reload.clone(),
        });
    }
}

/// A Server-Sent Event.
fn event(name: &str, data: &str) -> Bytes {
    Bytes::from(format!("event: {name}\ndata: {data}\n\n"))
}

/// A running preview server.
pub struct Server {
    state: Arc<State>,
    session: Session,
    origin: String,
    events: Arc<dyn Events>,
    runtime: tokio::runtime::Runtime,
    watcher: Watcher,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("url", &self.url())
            .finish_non_exhaustive()
    }
}

fn serve_error(what: Message) -> impl FnOnce(std::io::Error) -> Error {
    move |e| Error::Serve(msg!("serve-failed", what = what, why = io_reason(&e)))
}

impl Server {
    /// Binds the address, builds the site once and starts answering
    /// requests. A site with content errors still starts: the errors are
    /// shown in the browser until they are fixed.
    pub fn start(options: &ServeOptions, events: Arc<dyn Events>) -> Result<Self, Error> {
        let listener = std::net::TcpListener::bind(SocketAddr::new(options.bind, options.port))
            .map_err(serve_error(msg!(
                "serve-cannot-listen-on",
                address = SocketAddr::new(options.bind, options.port).to_string()
            )))?;
        let addr = listener
            .local_addr()
            .map_err(serve_error(msg!("serve-cannot-read-address")))?;
        listener
            .set_nonblocking(true)
            .map_err(serve_error(msg!("serve-cannot-listen")))?;
        let origin = format!("http://{addr}");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("pbgdpl-http")
            .enable_all()
            .build()
            .map_err(serve_error(msg!("serve-cannot-start")))?;
        let state = Arc::new(State {
            store: Store::new(),
            base_path: RwLock::new("/".into()),
            error: RwLock::new(None),
            // The panel speaks the language of the run, like the errors in it.
            strings: RwLock::new((i18n::builtin(i18n::language()), i18n::language())),
            clients: Mutex::new(Vec::new()),
        });
        let session = Session::new(&options.root, &options.build).with_origin(&origin);
        if !session.root().join(crate::config::FILE_NAME).is_file() {
            return Err(Error::NotASite(options.root.clone()));
        }
        // Watch before the first build, so no change is missed: an edit
        // made while it runs (or right after the address is printed)
        // triggers a rebuild.
        let root = session.root().to_path_buf();
        let mut watcher = Watcher::new()
            .map_err(|e| Error::Serve(msg!("serve-cannot-watch", detail = e.to_string())))?;
        watcher.watch_root(&root).map_err(|e| {
            Error::Serve(msg!(
                "serve-cannot-watch-dir",
                dir = &root,
                detail = e.to_string()
            ))
        })?;
        watcher.watch_new_dirs(&session.watched());
        let mut server = Server {
            session,
            state,
            origin,
            events,
            runtime,
            watcher,
        };
        let events = server.events.clone();
        server.rebuild(&Changes::Unknown, events.progress());
        let listener = {
            let _guard = server.runtime.enter();
            tokio::net::TcpListener::from_std(listener)
                .map_err(serve_error(msg!("serve-cannot-listen")))?
        };
        server.runtime.spawn(accept(listener, server.state.clone()));
        server.events.listening(&server.url());
        Ok(server)
    }

    /// Where the site is served (`http://127.0.0.1:1111/pbgdpl/`).
    pub fn url(&self) -> String {
        format!("{}{}", self.origin, self.state.base_path())
    }

    /// Watches the site and rebuilds after every change, until the watcher
    /// stops (in practice: until the process is interrupted). Without
    /// `--today`, it also rebuilds when the clock reaches an approved
    /// entry's `publish_date` or `expiry_date`, so a scheduled entry
    /// appears (and an expired one goes) on time, and open pages reload.
    pub fn run(mut self) -> Result<(), Error> {
        let root = self.session.root().to_path_buf();
        loop {
            let next_change = self.session.next_change();
            // Wake up at the entry's hour (and at least every minute, in
            // case the computer slept or the clock moved).
            let wait = next_change.map(|at| {
                (at - chrono::Utc::now().fixed_offset())
                    .to_std()
                    .unwrap_or(Duration::ZERO)
                    .min(Duration::from_secs(60))
            });
            let batch = match self.watcher.next(wait) {
                Next::Changes(batch) => batch,
                Next::Timeout => {
                    if next_change.is_some_and(|at| chrono::Utc::now() >= at) {
                        self.events.due();
                        self.rebuild(&Changes::Time, &Silent);
                    }
                    continue;
                }
                Next::Closed => break,
            };
            for e in batch.errors {
                self.events.failed(&Error::Serve(msg!(
                    "serve-watch-failed",
                    detail = e.to_string()
                )));
            }
            self.watcher.watch_new_dirs(&self.session.watched());
            if batch.rescan {
                self.rebuild(&Changes::Unknown, &Silent);
                continue;
            }
            let paths = batch.paths;
            let changes = Changes::Paths(paths);
            if !self.session.concerns(&changes) {
                continue;
            }
            if let Changes::Paths(p) = &changes {
                let mut rel: Vec<String> = p
                    .iter()
                    .map(|p| {
                        p.strip_prefix(&root)
                            .unwrap_or(p)
                            .to_string_lossy()
                            .into_owned()
                    })
                    .collect();
                rel.sort();
                rel.dedup();
                self.events.changed(&rel);
            }
            self.rebuild(&changes, &Silent);
        }
        Ok(())
    }

    /// Rebuilds, swaps the output in and tells the pages. After an edit of
    /// entries, the pages open in browsers are rendered and shown first
    /// ([`Preview`]); the rest of the site follows, and a page reloads
    /// again only if something it shows changed in between.
    fn rebuild(&mut self, changes: &Changes, progress: &dyn Progress) {
        let state = self.state.clone();
        let pages = state.open_pages();
        let first = state.store.writer();
        let shown: Mutex<Option<Arc<Snapshot>>> = Mutex::new(None);
        let ready = || {
            let changes = state.store.commit_over(&first);
            let data = format!("{{\"changed\":{},\"first\":true}}", changes.changed.len());
            if state.clear_error() {
                state.reload(&data);
            } else if !changes.is_empty() {
                state.announce(&changes.changed, &data);
            }
            *shown.lock().unwrap_or_else(|e| e.into_inner()) = Some(state.store.snapshot());
        };
        let preview = Preview {
            pages: &pages,
            sink: &first,
            ready: &ready,
        };
        let writer = state.store.writer();
        let result = self.session.update_with(
            changes,
            &writer,
            progress,
            (!pages.is_empty()).then_some(&preview),
        );
        if let Some(config) = self.session.config() {
            *state.base_path.write().unwrap_or_else(|e| e.into_inner()) = config.base_path();
        }
        let shown = shown.into_inner().unwrap_or_else(|e| e.into_inner());
        match result {
            Ok(update) => {
                let changes = state.store.commit(writer);
                match shown {
                    // The pages open were reloaded after the first pass:
                    // tell them what else changed.
                    Some(shown) => {
                        let now = state.store.snapshot();
                        let body = |s: &Snapshot, p: &str| s.get(p).map(|f| f.body.clone());
                        let since: Vec<String> = changes
                            .changed
                            .iter()
                            .chain(&changes.removed)
                            .filter(|p| body(&now, p) != body(&shown, p))
                            .cloned()
                            .collect();
                        if !since.is_empty() {
                            state.announce(&since, "{\"changed\":\"rest\"}");
                        }
                    }
                    None => {
                        if state.clear_error() || !changes.is_empty() {
                            state.reload(&format!(
                                "{{\"changed\":{},\"removed\":{}}}",
                                changes.changed.len(),
                                changes.removed.len()
                            ));
                        }
                    }
                }
                self.events.built(&update, &changes);
            }
            Err(error) => {
                let text = match &error {
                    Error::Invalid(diags) => diags.render(false),
                    other => format!("{}: {other}\n", msg!("label-error")),
                };
                *state.error.write().unwrap_or_else(|e| e.into_inner()) = Some(text);
                state.reload("{\"error\":true}");
                self.events.failed(&error);
            }
        }
    }
}

async fn accept(listener: tokio::net::TcpListener, state: Arc<State>) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors, for instance: wait, then go on.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let state = state.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let response = http::respond(&state, &req);
                async move { Ok::<_, Infallible>(response) }
            });
            // A client that goes away mid-response is not an error here.
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Serves the site until the process is interrupted.
pub fn serve(options: &ServeOptions, events: Arc<dyn Events>) -> Result<(), Error> {
    Server::start(options, events)?.run()
}
