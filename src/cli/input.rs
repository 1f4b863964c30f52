//! Reading inputs: files or standard input, to text.

use super::Failure;
use std::io::Read;
use std::path::Path;

/// Largest input read by default (bytes).
pub const MAX_FILE_SIZE: u64 = 20 * 1024 * 1024;

/// How an input is named in messages: its path, or `<stdin>` for `-`.
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads a resume or job description as text. Errors name the file and the
/// cause in one line.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let name = display_name(path);
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(MAX_FILE_SIZE + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Failure::input(format!("{name}: {e}")))?;
        buf
    } else {
        let meta = std::fs::metadata(path)
            .map_err(|e| Failure::input(format!("{name}: {}", io_cause(&e))))?;
        if meta.is_dir() {
            return Err(Failure::input(format!(
                "{name}: is a directory (use `skillgap batch` for folders)"
            )));
        }
        if meta.len() > MAX_FILE_SIZE {
            return Err(Failure::input(format!(
                "{name}: file is too large ({} MiB, limit {} MiB)",
                meta.len() / (1024 * 1024),
                MAX_FILE_SIZE / (1024 * 1024)
            )));
        }
        std::fs::read(path).map_err(|e| Failure::input(format!("{name}: {}", io_cause(&e))))?
    };
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(Failure::input(format!(
            "{name}: input is too large (limit {} MiB)",
            MAX_FILE_SIZE / (1024 * 1024)
        )));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Failure::input(format!(
            "{name}: empty input, nothing to score"
        )));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s.trim_start_matches('\u{feff}').to_string()),
        Err(e) if e.as_bytes().contains(&0) => Err(Failure::input(format!(
            "{name}: binary file, not a text resume"
        ))),
        Err(e) => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}

/// A short cause for an I/O error, without the OS error number.
pub fn io_cause(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}
