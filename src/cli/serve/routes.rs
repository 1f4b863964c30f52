//! The endpoints. Handlers are thin: read the fields ([`upload`](super::upload)), do the
//! work ([`work`](super::work)), answer. Limits and headers are layers
//! ([`limits`](super::limits)).

use super::error::ApiError;
use super::upload::{self, Caps};
use super::{limits, page, work, State};
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{DefaultBodyLimit, State as Shared};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{middleware, Router};
use std::sync::Arc;
use tower_http::set_header::SetResponseHeaderLayer;

/// The API description, served at `/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

/// Every route, with its layers.
pub fn router(state: Arc<State>) -> Router {
    let body_limit = usize::try_from(state.max_body).unwrap_or(usize::MAX);
    // The routes that do work pass the gate (queue, deadline, announced size).
    let work = Router::new()
        .route("/", post(page_post))
        .route("/api/v1/score", post(score))
        .route("/api/v1/fit", post(fit))
        .route("/api/v1/batch", post(batch))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&state),
            limits::gate,
        ))
        .layer(DefaultBodyLimit::max(body_limit));
    let mut app = Router::new()
        .route("/", get(page_get))
        .route("/api/v1/taxonomy", get(taxonomy))
        .route("/healthz", get(healthz))
        .route("/openapi.json", get(openapi))
        .merge(work)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state);
    for (name, value) in limits::security_headers() {
        app = app.layer(SetResponseHeaderLayer::overriding(name, value));
    }
    app.layer(middleware::from_fn(limits::access_log))
}

fn caps(state: &State) -> Caps {
    Caps {
        file: state.reader.limits.max_file_size,
        files: state.max_files,
    }
}

async fn page_get(Shared(state): Shared<Arc<State>>) -> Html<String> {
    Html(page::page(state.level_ids(), None).into_string())
}

/// The form's POST: the page again, with the result or the error (and its status).
async fn page_post(
    Shared(state): Shared<Arc<State>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let scored = match upload::read(multipart, caps(&state)).await {
        Ok(upload) => work::score(&state, upload).await,
        Err(e) => Err(e),
    };
    let scored = match scored {
        // The page adds the role ranking; if it runs out of --timeout, the report still shows.
        Ok(scored) => {
            let text = scored.text.clone();
            let ranking = work::blocking(&state, move |s| Ok(work::rank(s, &text)));
            let ranking = tokio::time::timeout(state.reader.timeout, ranking).await;
            Ok((scored, ranking.ok().and_then(Result::ok)))
        }
        Err(e) => Err(e),
    };
    match scored {
        Ok((scored, ranking)) => Html(page::result(&scored, ranking.as_ref())).into_response(),
        Err(e) => (
            e.status,
            Html(page::page(state.level_ids(), Some(&e.message)).into_string()),
        )
            .into_response(),
    }
}

async fn score(
    Shared(state): Shared<Arc<State>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let upload = upload::read(multipart, caps(&state)).await?;
    let scored = work::score(&state, upload).await?;
    Ok(json(scored.to_json()))
}

async fn fit(
    Shared(state): Shared<Arc<State>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let upload = upload::read(multipart, caps(&state)).await?;
    Ok(json(work::fit(&state, upload).await?))
}

async fn batch(
    Shared(state): Shared<Arc<State>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let upload = upload::read(multipart, caps(&state)).await?;
    let doc = work::blocking(&state, move |s| work::batch(s, upload)).await?;
    Ok(json(doc))
}

async fn taxonomy(Shared(state): Shared<Arc<State>>) -> Response {
    json(state.taxonomy_json.clone())
}

async fn healthz(Shared(state): Shared<Arc<State>>) -> Response {
    json(format!(
        "{{\"status\":\"ok\",\"requests_inside\":{}}}\n",
        state.gate.inside()
    ))
}

async fn openapi() -> Response {
    json(OPENAPI)
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such endpoint; see /openapi.json",
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this endpoint does not take that method; see /openapi.json",
    )
}

fn json(body: impl Into<axum::body::Body>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body.into()).into_response()
}
