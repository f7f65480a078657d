//! Answering one request from the current snapshot of the output.
//!
//! Each response takes the snapshot once, at its start, and sends that
//! snapshot's bytes: a page requested during a rebuild is the old page or
//! the new page, complete, never a mix.

use std::convert::Infallible;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::channel::Channel;
use http_body_util::{Either, Full};
use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};

use super::State;
use super::live::{self, EVENTS_PATH};
use super::mime::content_type;
use super::paths::{Target, resolve};
use crate::msg;
use crate::output::store::{Body as Stored, Snapshot};

/// A response body: bytes, or the event stream.
pub type Body = Either<Full<Bytes>, Channel<Bytes, Infallible>>;

fn text(status: StatusCode, message: &str) -> Response<Body> {
    let mut r = Response::new(Either::Left(Full::new(Bytes::from(format!("{message}\n")))));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

fn redirect(to: &str) -> Response<Body> {
    let mut r = text(StatusCode::FOUND, to);
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

/// Answers a request.
pub fn respond(state: &Arc<State>, req: &Request<Incoming>) -> Response<Body> {
    let mut response = answer(state, req);
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn answer(state: &Arc<State>, req: &Request<Incoming>) -> Response<Body> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = text(
            StatusCode::METHOD_NOT_ALLOWED,
            msg!("serve-http-method").as_str(),
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let path = req.uri().path();
    if path == EVENTS_PATH {
        return events(state, req.uri().query());
    }
    let snapshot = state.store.snapshot();
    let error = state.error();
    if snapshot.is_empty() {
        return match error {
            Some(errors) => {
                let (strings, lang) = state.strings();
                let page = live::error_page(&errors, &strings, lang);
                html(StatusCode::INTERNAL_SERVER_ERROR, page.into_bytes(), "")
            }
            None => text(
                StatusCode::SERVICE_UNAVAILABLE,
                msg!("serve-http-building").as_str(),
            ),
        };
    }
    let extra = state.injection(error.as_deref());
    match resolve(path, &state.base_path()) {
        Target::Forbidden => text(StatusCode::FORBIDDEN, msg!("serve-http-forbidden").as_str()),
        Target::Redirect(to) => redirect(&to),
        Target::Outside => not_found(&snapshot, &extra),
        Target::File(rel) => match file(&snapshot, &rel, &extra) {
            Some(r) => r,
            None if snapshot
                .get(&crate::routes::index_file(&format!("{rel}/")))
                .is_some() =>
            {
                redirect(&format!("{path}/"))
            }
            None => not_found(&snapshot, &extra),
        },
    }
}

fn html(status: StatusCode, page: Vec<u8>, extra: &str) -> Response<Body> {
    let body = if extra.is_empty() {
        page
    } else {
        live::inject(&page, extra)
    };
    let mut r = Response::new(Either::Left(Full::new(Bytes::from(body))));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

fn file(snapshot: &Snapshot, rel: &str, extra: &str) -> Option<Response<Body>> {
    let stored = snapshot.get(rel)?;
    let bytes = match &stored.body {
        Stored::Bytes(b) => b.clone(),
        Stored::Disk { path, .. } => match tokio::task::block_in_place(|| std::fs::read(path)) {
            Ok(b) => Bytes::from(b),
            Err(_) => {
                return Some(text(
                    StatusCode::NOT_FOUND,
                    msg!("serve-http-not-found").as_str(),
                ));
            }
        },
    };
    let kind = content_type(rel, &bytes);
    if kind.starts_with("text/html") {
        return Some(html(StatusCode::OK, bytes.to_vec(), extra));
    }
    let mut r = Response::new(Either::Left(Full::new(bytes)));
    if let Ok(v) = HeaderValue::from_str(&kind) {
        r.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    Some(r)
}

/// The site's own 404 page, with status 404.
fn not_found(snapshot: &Snapshot, extra: &str) -> Response<Body> {
    match snapshot.get("404.html").map(|f| &f.body) {
        Some(Stored::Bytes(b)) => html(StatusCode::NOT_FOUND, b.to_vec(), extra),
        _ => text(StatusCode::NOT_FOUND, msg!("serve-http-not-found").as_str()),
    }
}

/// The Server-Sent Events stream: a `reload` event after every rebuild
/// that changed something or cleared an error, and after every failed one;
/// a `changed` event when the rest of the site follows a first pass
/// ([`crate::incremental::Preview`]). The query's `page` is the page the
/// browser shows (`location.pathname`), rendered first after an edit.
fn events(state: &Arc<State>, query: Option<&str>) -> Response<Body> {
    let page = query
        .into_iter()
        .flat_map(|q| url::form_urlencoded::parse(q.as_bytes()))
        .find(|(key, _)| key == "page")
        .and_then(|(_, value)| match resolve(&value, &state.base_path()) {
            Target::File(rel) => Some(rel),
            _ => None,
        });
    let (mut sender, body) = Channel::new(16);
    // The first bytes tell the client the stream is open (and how soon to
    // reconnect); only then is it registered for events.
    let hello = Bytes::from_static(b"retry: 1000\n: pbgdpl serve\n\n");
    if sender.try_send(hyper::body::Frame::data(hello)).is_ok() {
        state.subscribe(sender, page);
    }
    let mut r = Response::new(Either::Right(body));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream; charset=utf-8"),
    );
    r
}
