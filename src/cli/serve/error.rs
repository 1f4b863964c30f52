//! One error type for the API: a status, a stable machine code and a one-line message,
//! answered as JSON `{"error": "...", "code": "..."}`.
//!
//! Bad input is always a 4xx: 400 for bad fields, 413 over a size limit, 415 for a format
//! that is not a document, 422 for a document that cannot be read. 503 means busy or over
//! the deadline (try again later). 500 is left for bugs.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use skillgap::extract::ExtractError;

/// An error answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    /// Stable, machine-readable: `too_large`, `encrypted_pdf`, `busy`...
    pub code: &'static str,
    /// One line for people.
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400: a missing, unknown or malformed field.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 413: over a size limit.
    pub fn too_large(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", message)
    }

    /// 503: no free slot, or the request ran out of time.
    pub fn unavailable(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, code, message)
    }

    /// A document that could not be read; `what` names the part (`resume`, `jd`).
    pub fn extraction(what: &str, e: &ExtractError) -> ApiError {
        let (status, code) = match e {
            ExtractError::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            ExtractError::TextTooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "text_too_large"),
            ExtractError::Unsupported { .. } => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_format")
            }
            ExtractError::TooManyPages { .. } => {
                (StatusCode::UNPROCESSABLE_ENTITY, "too_many_pages")
            }
            ExtractError::DecompressionLimit { .. } => {
                (StatusCode::UNPROCESSABLE_ENTITY, "decompression_limit")
            }
            ExtractError::Empty => (StatusCode::UNPROCESSABLE_ENTITY, "empty"),
            ExtractError::ScannedPdf => (StatusCode::UNPROCESSABLE_ENTITY, "scanned_pdf"),
            ExtractError::EncryptedPdf => (StatusCode::UNPROCESSABLE_ENTITY, "encrypted_pdf"),
            ExtractError::Corrupt { .. } => (StatusCode::UNPROCESSABLE_ENTITY, "corrupt"),
            ExtractError::Panicked { .. } => (StatusCode::UNPROCESSABLE_ENTITY, "parser_crashed"),
            ExtractError::Crashed { .. } => {
                (StatusCode::UNPROCESSABLE_ENTITY, "extraction_crashed")
            }
            ExtractError::Timeout { .. } => (StatusCode::UNPROCESSABLE_ENTITY, "timeout"),
            // Bytes are never opened: an I/O error is the server's (the child could not start).
            ExtractError::Io(_) => (StatusCode::SERVICE_UNAVAILABLE, "extraction_unavailable"),
            _ => (StatusCode::UNPROCESSABLE_ENTITY, "unreadable"),
        };
        let cause = match e {
            ExtractError::Timeout { limit } => super::super::deadline::timed_out_cause(*limit),
            other => super::super::input::cause(other),
        };
        ApiError::new(status, code, format!("{what}: {cause}"))
    }

    /// The JSON body.
    pub fn body(&self) -> String {
        serde_json::json!({"error": self.message, "code": self.code}).to_string()
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            self.body(),
        )
            .into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_is_json_with_error_and_code() {
        let e = ApiError::bad_request("missing_resume", "no `resume` part");
        let v: serde_json::Value = serde_json::from_str(&e.body()).unwrap();
        assert_eq!(v["code"], "missing_resume");
        assert_eq!(v["error"], "no `resume` part");
    }

    #[test]
    fn hostile_documents_are_client_errors_not_server_errors() {
        let cases = [
            ExtractError::EncryptedPdf,
            ExtractError::Empty,
            ExtractError::ScannedPdf,
            ExtractError::Unsupported { what: "x".into() },
            ExtractError::TooLarge { size: 2, limit: 1 },
            ExtractError::Crashed {
                detail: "ran out of memory".into(),
            },
            ExtractError::Timeout {
                limit: std::time::Duration::from_secs(1),
            },
        ];
        for e in &cases {
            assert!(
                ApiError::extraction("resume", e).status.is_client_error(),
                "{e}"
            );
        }
    }
}
