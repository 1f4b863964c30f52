//! Limits and hygiene around every request: the concurrency gate (a bounded queue, then
//! 503), the per-request deadline, the early body-size check, the security headers and the
//! access log (method, path, status, timing: nothing else).

use super::error::ApiError;
use super::State;
use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// At most `slots` requests at work, at most `queue` more waiting; each within `deadline`.
pub struct Gate {
    slots: Arc<Semaphore>,
    capacity: usize,
    inside: AtomicUsize,
    pub deadline: Duration,
}

impl Gate {
    pub fn new(slots: usize, queue: usize, deadline: Duration) -> Gate {
        Gate {
            slots: Arc::new(Semaphore::new(slots)),
            capacity: slots + queue,
            inside: AtomicUsize::new(0),
            deadline,
        }
    }

    /// Requests at work or waiting.
    pub fn inside(&self) -> usize {
        self.inside.load(Ordering::Relaxed)
    }
}

/// Leaves the gate's count when the request ends, however it ends.
struct Inside<'a>(&'a AtomicUsize);

impl Drop for Inside<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The gate, for the routes that do work: a body announced over `--max-body` is refused
/// before it is read (413); a full queue answers 503 at once; a request that has not
/// finished by the deadline (waiting included) answers 503.
pub async fn gate(
    axum::extract::State(state): axum::extract::State<Arc<State>>,
    req: Request,
    next: Next,
) -> Response {
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > state.max_body) {
        return ApiError::too_large(format!(
            "the request body is over the limit of {} (--max-body)",
            mib(state.max_body)
        ))
        .into_response();
    }
    let gate = &state.gate;
    if gate.inside.fetch_add(1, Ordering::Relaxed) >= gate.capacity {
        gate.inside.fetch_sub(1, Ordering::Relaxed);
        return ApiError::unavailable("busy", "the server is busy; try again in a few seconds")
            .into_response();
    }
    let _inside = Inside(&gate.inside);
    let work = async {
        let Ok(_slot) = gate.slots.acquire().await else {
            return ApiError::unavailable("busy", "the server is shutting down").into_response();
        };
        next.run(req).await
    };
    match tokio::time::timeout(gate.deadline, work).await {
        Ok(response) => response,
        Err(_) => ApiError::unavailable(
            "deadline",
            format!(
                "the request took longer than {} s (--request-timeout); try again later",
                gate.deadline.as_secs_f64()
            ),
        )
        .into_response(),
    }
}

/// `20 MiB`.
pub fn mib(bytes: u64) -> String {
    let m = bytes as f64 / (1024.0 * 1024.0);
    if m.fract() == 0.0 {
        format!("{m:.0} MiB")
    } else {
        format!("{m:.1} MiB")
    }
}

/// One line per request on stderr: method, path (never the query), status, milliseconds.
pub async fn access_log(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path: String = req.uri().path().chars().take(200).collect();
    let response = next.run(req).await;
    eprintln!(
        "{method} {} {} {:.1}ms",
        path.escape_debug(),
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    response
}

/// The Content-Security-Policy of every answer: no scripts, no network fetches, no frames;
/// styles inline (the report is one self-contained file), images only as data: URLs.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
                       form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The headers every answer carries.
pub fn security_headers() -> [(HeaderName, HeaderValue); 5] {
    [
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        // Results are about a person: no cache keeps them.
        (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
    ]
}

#[cfg(test)]
mod tests {
    use super::mib;

    #[test]
    fn sizes_read_in_mib() {
        assert_eq!(mib(20 * 1024 * 1024), "20 MiB");
        assert_eq!(mib(1024 * 1024 / 2), "0.5 MiB");
    }
}
