//! The one error type of [`crate::extract`].

use std::time::Duration;

use super::Format;

/// Why a document could not be turned into text.
///
/// `Display` is one short line naming the cause and never the file: the caller knows the path
/// and adds it (`resume.pdf: PDF is encrypted; remove the password and try again`).
///
/// ```
/// use skillgap::extract::{from_bytes, ExtractError, Limits};
///
/// let err = from_bytes(b"", None, &Limits::default()).unwrap_err();
/// assert!(matches!(err, ExtractError::Empty));
/// assert_eq!(err.to_string(), "file is empty or contains no text");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The file is bigger than [`Limits::max_file_size`](super::Limits::max_file_size).
    #[error("file is {}, over the limit of {}", mib(*size), mib(*limit))]
    TooLarge {
        /// Size of the file in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The extracted text is longer than
    /// [`Limits::max_text_size`](super::Limits::max_text_size).
    #[error("text is {}, over the limit of {} of text", mib(*size), mib(*limit))]
    TextTooLarge {
        /// Bytes of UTF-8 text.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The PDF has more pages than [`Limits::max_pages`](super::Limits::max_pages).
    #[error("PDF has {pages} pages, over the limit of {limit}")]
    TooManyPages {
        /// Pages in the document.
        pages: usize,
        /// The limit.
        limit: usize,
    },
    /// A DOCX entry or the PDF's streams decompress beyond
    /// [`Limits::max_decompressed`](super::Limits::max_decompressed) or with an absurd ratio
    /// (a zip bomb, or a document far bigger than any resume).
    #[error("{format} content decompresses beyond the limit of {} ({what})", mib(*limit))]
    DecompressionLimit {
        /// The format being read.
        format: Format,
        /// What exceeded the limit, e.g. `word/document.xml`.
        what: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// A DOCX entry bigger than 1 MiB uncompressed that is compressed more than
    /// [`Limits::max_compression_ratio`](super::Limits::max_compression_ratio) to one: the shape
    /// of a zip bomb, refused before it is decompressed.
    #[error("{format} entry {what} is compressed {ratio}:1, beyond the limit of {limit}:1 (a zip bomb?)")]
    CompressionRatio {
        /// The format being read.
        format: Format,
        /// The entry, e.g. `word/document.xml`.
        what: String,
        /// Its uncompressed size divided by its compressed size.
        ratio: u64,
        /// The limit.
        limit: u64,
    },
    /// Zero bytes, or a document that contains no text at all.
    #[error("file is empty or contains no text")]
    Empty,
    /// A PDF whose pages are images: there is no text without OCR.
    #[error("no extractable text; the PDF looks scanned (pages are images)")]
    ScannedPdf,
    /// A PDF that needs a password to be read.
    #[error("PDF is encrypted; remove the password and try again")]
    EncryptedPdf,
    /// The file claims a format but its structure is broken (truncated, damaged).
    #[error("corrupt {format}: {detail}")]
    Corrupt {
        /// The format the content claims to be.
        format: Format,
        /// What the parser reported.
        detail: String,
    },
    /// Not one of the formats in [`Format`]: binary data, an image, a legacy Word file, an
    /// OpenDocument file, a zip archive...
    #[error("unsupported format: {what}")]
    Unsupported {
        /// What the content looks like, with a hint when there is one.
        what: String,
    },
    /// The file could not be opened or read.
    #[error("cannot read file: {0}")]
    Io(#[from] std::io::Error),
    /// A PDF library panicked on this file; the panic was caught and its message is here.
    #[error("PDF parser crashed: {detail}")]
    Panicked {
        /// The panic message and where it happened.
        detail: String,
    },
    /// Extraction took longer than allowed: [`Limits::max_time`](super::Limits::max_time)
    /// in-process, or the timeout of an isolated child.
    #[error("extraction took longer than {}", secs(*limit))]
    Timeout {
        /// The time limit.
        limit: Duration,
    },
    /// The isolated child process died without an answer (killed by the memory cap, a stack
    /// overflow, a signal).
    #[error("extraction process died: {detail}")]
    Crashed {
        /// How the child ended and the last line it wrote to stderr.
        detail: String,
    },
}

impl ExtractError {
    /// The cause in one short line for a user, as the CLI prints it after the file's name:
    /// [`Display`](std::fmt::Display), except that an I/O error is shortened by [`io_cause`]
    /// and empty input says there is nothing to score.
    ///
    /// ```
    /// use skillgap::extract::ExtractError;
    ///
    /// let e = ExtractError::Io(std::io::ErrorKind::NotFound.into());
    /// assert_eq!(e.cause(), "no such file");
    /// assert_eq!(ExtractError::Empty.cause(), "empty input, nothing to score");
    /// ```
    pub fn cause(&self) -> String {
        match self {
            ExtractError::Io(io) => io_cause(io),
            ExtractError::Empty => "empty input, nothing to score".to_string(),
            other => other.to_string(),
        }
    }
}

/// A short cause for an I/O error, without the OS error number: "no such file",
/// "permission denied", "is a directory", else the error's own message.
pub fn io_cause(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

fn mib(bytes: u64) -> String {
    const MIB: f64 = 1024.0 * 1024.0;
    let v = bytes as f64 / MIB;
    if v >= 10.0 || v.fract() == 0.0 {
        format!("{v:.0} MiB")
    } else {
        format!("{v:.1} MiB")
    }
}

fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s:.1} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_one_short_line() {
        let errors = [
            ExtractError::TooLarge {
                size: 25 * 1024 * 1024,
                limit: 20 * 1024 * 1024,
            },
            ExtractError::TooManyPages {
                pages: 300,
                limit: 50,
            },
            ExtractError::DecompressionLimit {
                format: Format::Docx,
                what: "word/document.xml".into(),
                limit: 64 * 1024 * 1024,
            },
            ExtractError::CompressionRatio {
                format: Format::Docx,
                what: "word/document.xml".into(),
                ratio: 1030,
                limit: 200,
            },
            ExtractError::Empty,
            ExtractError::ScannedPdf,
            ExtractError::EncryptedPdf,
            ExtractError::Corrupt {
                format: Format::Pdf,
                detail: "no xref table".into(),
            },
            ExtractError::Unsupported {
                what: "binary file, not a resume format".into(),
            },
            ExtractError::Io(std::io::Error::from(std::io::ErrorKind::NotFound)),
            ExtractError::Panicked {
                detail: "index out of bounds".into(),
            },
            ExtractError::Timeout {
                limit: Duration::from_secs(30),
            },
            ExtractError::Crashed {
                detail: "killed by signal 9".into(),
            },
        ];
        for e in errors {
            let s = e.to_string();
            assert!(!s.contains('\n') && s.len() < 100, "{s}");
        }
    }

    #[test]
    fn sizes_read_naturally() {
        let e = ExtractError::TooLarge {
            size: 25 * 1024 * 1024 + 300_000,
            limit: 20 * 1024 * 1024,
        };
        assert_eq!(e.to_string(), "file is 25 MiB, over the limit of 20 MiB");
        assert_eq!(mib(1536 * 1024), "1.5 MiB");
    }
}
