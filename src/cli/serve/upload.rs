//! Multipart fields to an [`Upload`]: `resume` (a file; several for a batch), `jd` (text or a
//! file) and `level`. Every part is read under the file-size limit, so an oversized part is
//! refused (413) as soon as it passes the limit, not after it has been held whole.

use super::error::ApiError;
use super::limits::mib;
use axum::extract::multipart::{Field, Multipart, MultipartError, MultipartRejection};
use axum::http::StatusCode;

/// One uploaded document.
#[derive(Debug)]
pub struct Part {
    /// The file name the client gave (last path component, control characters removed),
    /// the name hint of the extraction (`.md` reads as Markdown).
    pub name: Option<String>,
    pub bytes: Vec<u8>,
}

/// The fields of a request.
#[derive(Debug, Default)]
pub struct Upload {
    pub resumes: Vec<Part>,
    pub jd: Option<Part>,
    pub level: Option<String>,
}

/// Limits on what one request may carry.
#[derive(Debug, Clone, Copy)]
pub struct Caps {
    /// Largest part (`--max-file-size`).
    pub file: u64,
    /// Most `resume` parts.
    pub files: usize,
}

/// Reads every field.
///
/// # Errors
/// 415 when the body is not `multipart/form-data`; 400 for a malformed body, an unknown or
/// repeated field, a level that is not text; 413 for a part over the limit or too many files.
pub async fn read(
    multipart: Result<Multipart, MultipartRejection>,
    caps: Caps,
) -> Result<Upload, ApiError> {
    let mut multipart = multipart.map_err(|_| {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "not_multipart",
            "send the fields as multipart/form-data (curl -F resume=@cv.pdf)",
        )
    })?;
    let mut upload = Upload::default();
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        let field_name = field.name().unwrap_or("").to_string();
        match field_name.as_str() {
            "resume" => {
                if upload.resumes.len() == caps.files {
                    return Err(ApiError::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "too_many_files",
                        format!(
                            "more than {} resumes in one request (--max-files)",
                            caps.files
                        ),
                    ));
                }
                upload
                    .resumes
                    .push(read_part(field, "resume", caps.file).await?);
            }
            "jd" => {
                if upload.jd.is_some() {
                    return Err(repeated("jd"));
                }
                let part = read_part(field, "jd", caps.file).await?;
                // An empty job box on the page means no job.
                if !part.bytes.iter().all(u8::is_ascii_whitespace) {
                    upload.jd = Some(part);
                }
            }
            "level" => {
                if upload.level.is_some() {
                    return Err(repeated("level"));
                }
                let part = read_part(field, "level", 256).await?;
                let text = String::from_utf8(part.bytes)
                    .map_err(|_| ApiError::bad_request("bad_level", "`level` is not text"))?;
                let text = text.trim();
                // The page's "automatic" choice is an empty value.
                if !text.is_empty() {
                    upload.level = Some(text.to_string());
                }
            }
            other => {
                return Err(ApiError::bad_request(
                    "unknown_field",
                    format!(
                        "unknown field `{}`; the fields are resume, jd and level",
                        other.chars().take(40).collect::<String>().escape_debug()
                    ),
                ))
            }
        }
    }
    Ok(upload)
}

fn repeated(field: &str) -> ApiError {
    ApiError::bad_request(
        "repeated_field",
        format!("`{field}` is given more than once"),
    )
}

/// Reads one part, at most `limit` bytes.
async fn read_part(mut field: Field<'_>, what: &str, limit: u64) -> Result<Part, ApiError> {
    let name = field.file_name().and_then(clean_name);
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        if (bytes.len() + chunk.len()) as u64 > limit {
            return Err(ApiError::too_large(format!(
                "{what}: over the limit of {} (--max-file-size)",
                mib(limit)
            )));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Part { name, bytes })
}

fn multipart_error(e: MultipartError) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::too_large("the request body is over the limit (--max-body)")
    } else {
        ApiError::bad_request(
            "bad_multipart",
            format!("malformed multipart body: {}", e.body_text()),
        )
    }
}

/// The last component of a client's file name, without control characters, at most 255
/// characters; `None` when nothing is left.
pub fn clean_name(raw: &str) -> Option<String> {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let name: String = base.chars().filter(|c| !c.is_control()).take(255).collect();
    let name = name.trim();
    (!name.is_empty() && name != "." && name != "..").then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::clean_name;

    #[test]
    fn a_client_file_name_keeps_only_its_last_component_and_no_control_characters() {
        assert_eq!(
            clean_name("C:\\Users\\ada\\cv.pdf").as_deref(),
            Some("cv.pdf")
        );
        assert_eq!(clean_name("../../etc/passwd").as_deref(), Some("passwd"));
        assert_eq!(clean_name("cv\n\0.md").as_deref(), Some("cv.md"));
        assert_eq!(clean_name("dir/"), None);
        assert_eq!(clean_name(".."), None);
    }
}
