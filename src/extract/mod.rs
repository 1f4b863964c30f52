//! File formats to text: PDF, DOCX, HTML, Markdown and plain text in any common encoding.
//!
//! This module is the only place in the library that reads files, and it is behind the cargo
//! feature `extract` (on by default). Everything else in `skillgap` takes `&str`.
//!
//! The format is detected from the **content** (magic bytes), never from the file extension: a
//! DOCX saved as `resume.pdf` is read as DOCX, and random bytes named `.pdf` are rejected as
//! binary. The name hint only tells Markdown from plain text.
//!
//! ```
//! use skillgap::extract::{from_bytes, Format, Limits};
//!
//! let doc = from_bytes(b"Skills\nRust, SQL\n", Some("cv.md"), &Limits::default())?;
//! assert_eq!(doc.format, Format::Markdown);
//! assert!(doc.text.contains("Rust, SQL"));
//! # Ok::<(), skillgap::extract::ExtractError>(())
//! ```
//!
//! # What the text looks like
//! One line per paragraph, table row or PDF text line, ending in `\n`; PDF pages are separated by
//! a blank line, plain text keeps its blank lines (runs of them shrink to one).
//! Ligatures (`ﬁ` → `fi`), soft hyphens, letter-spaced headings (`S K I L L S` → `SKILLS`),
//! UTF-8-read-as-Windows-1252 mojibake (`â€¢` → `•`) and, for PDFs, running headers, footers and
//! page numbers are cleaned up. Words split at line ends (`develop-\nment`) are left for the text
//! normaliser.
//!
//! # Hostile files
//! Sizes are checked before anything is read or decompressed ([`Limits`]), panics inside the PDF
//! libraries are caught and returned as [`ExtractError::Panicked`], and a soft deadline is checked
//! between pages. That bounds most damage in-process, but not a parser stuck inside one page or a
//! stack overflow: for full isolation run extraction in a child process (the CLI does).

mod cleanup;
mod detect;
mod docx;
mod error;
mod html;
mod panic_guard;
mod pdf;
mod pdf_repair;
mod pdf_walk;
mod text;

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use error::{io_cause, ExtractError};

/// Bounds on what one extraction may read, decompress and spend.
///
/// The defaults suit resumes: real ones are a few pages and well under 5 MiB.
///
/// ```
/// use skillgap::extract::Limits;
///
/// let strict = Limits { max_pages: 5, ..Limits::default() };
/// assert_eq!(strict.max_file_size, 20 * 1024 * 1024);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// Largest file accepted, in bytes; [`from_path`] checks it from the file's metadata before
    /// reading. Default 20 MiB.
    pub max_file_size: u64,
    /// Largest text accepted after extraction, in bytes of UTF-8: a longer text is rejected with
    /// [`ExtractError::TextTooLarge`] before it is scored. Scoring is linear in the text, so this
    /// bounds the time and memory one document can take (a 4 MiB text scores in about a second).
    /// Default 4 MiB (real resumes are well under 100 KiB of text; 50 pages are about 250 KiB).
    pub max_text_size: u64,
    /// Most PDF pages accepted; longer documents are rejected with
    /// [`ExtractError::TooManyPages`]. Default 50.
    pub max_pages: usize,
    /// Most bytes one DOCX entry or one PDF stream may decompress to; all the PDF streams of a
    /// document together may decompress to twice that (images excepted: they are never decoded).
    /// Default 64 MiB.
    pub max_decompressed: u64,
    /// Largest accepted ratio of uncompressed to compressed size for a DOCX entry bigger than
    /// 1 MiB uncompressed (zip-bomb guard). Default 200.
    pub max_compression_ratio: u64,
    /// Soft deadline for one document, checked between PDF pages and while walking content
    /// streams; `None` disables it. Default 30 seconds. It cannot interrupt a parser stuck inside
    /// one call: use process isolation for a hard limit.
    pub max_time: Option<Duration>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: 20 * 1024 * 1024,
            max_text_size: 4 * 1024 * 1024,
            max_pages: 50,
            max_decompressed: 64 * 1024 * 1024,
            max_compression_ratio: 200,
            max_time: Some(Duration::from_secs(30)),
        }
    }
}

/// A document format, as detected from the content.
///
/// `Display` gives the lower-case name used in reports (`pdf`, `docx`, `html`, `markdown`,
/// `text`); serde uses the same names.
///
/// ```
/// assert_eq!(skillgap::extract::Format::Docx.to_string(), "docx");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// Portable Document Format.
    Pdf,
    /// Office Open XML word-processing document (Word 2007 and later, Google Docs, LibreOffice).
    Docx,
    /// HTML page.
    Html,
    /// Markdown: text whose name hint ends in `.md` or `.markdown`.
    Markdown,
    /// Plain text in UTF-8, UTF-16 (with BOM) or a legacy 8-bit encoding.
    Text,
}

impl Format {
    /// The lower-case name, as shown by `Display`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Text => "text",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which extractor produced the text of one PDF page.
///
/// `pdf-extract` is tried first on every page; when its output is implausibly short for the
/// text the page's content stream shows (it ignores the `'` and `"` operators, which every PDF
/// made by Ghostscript uses) or reads as garbage, the page is also read by walking its content
/// stream with lopdf, and the version with more real words wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum PdfPath {
    /// The `pdf-extract` crate's text output (positions, font programs, ToUnicode maps).
    PdfExtract,
    /// This module's own walk over the page's content stream, with lopdf's font encodings.
    ContentStream,
    /// Neither produced text for this page (an image, a blank page).
    NoText,
}

impl PdfPath {
    /// The kebab-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            PdfPath::PdfExtract => "pdf-extract",
            PdfPath::ContentStream => "content-stream",
            PdfPath::NoText => "no-text",
        }
    }
}

impl fmt::Display for PdfPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text of one document, with what is known about how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extracted {
    /// The document's text: lines ending in `\n`, PDF pages separated by a blank line.
    pub text: String,
    /// The format detected from the content.
    pub format: Format,
    /// Number of pages, for PDFs.
    pub pages: Option<usize>,
    /// Which extractor won on each PDF page, in page order; empty for other formats.
    pub page_paths: Vec<PdfPath>,
    /// Things a user may want to know: a legacy encoding was guessed, mojibake was repaired,
    /// headers were removed, a page panicked in the PDF library and was read another way...
    pub warnings: Vec<String>,
}

/// Extract the text of a document held in memory.
///
/// `name_hint` is the file name (or path) if there is one; it only tells Markdown (`.md`,
/// `.markdown`) from plain text, the format itself is detected from `bytes`.
///
/// # Errors
/// [`ExtractError::Empty`] for zero bytes or a document without text,
/// [`ExtractError::TooLarge`] when `bytes` is over [`Limits::max_file_size`],
/// [`ExtractError::TextTooLarge`] when the text is over [`Limits::max_text_size`],
/// [`ExtractError::Unsupported`] for binary data and formats other than the five in [`Format`],
/// and the PDF- and DOCX-specific variants described on [`ExtractError`].
///
/// ```
/// use skillgap::extract::{from_bytes, ExtractError, Format, Limits};
///
/// let html = b"<html><body><h1>Ada</h1><p>Rust &amp; C++</p><script>x()</script></body></html>";
/// let doc = from_bytes(html, None, &Limits::default())?;
/// assert_eq!(doc.format, Format::Html);
/// assert_eq!(doc.text, "Ada\nRust & C++\n");
///
/// let err = from_bytes(&[0x00, 0x9f, 0x13, 0xfe, 0x01, 0x02, 0x03, 0x00], Some("cv.pdf"), &Limits::default());
/// assert!(matches!(err, Err(ExtractError::Unsupported { .. })));
/// # Ok::<(), ExtractError>(())
/// ```
pub fn from_bytes(
    bytes: &[u8],
    name_hint: Option<&str>,
    limits: &Limits,
) -> Result<Extracted, ExtractError> {
    let started = Instant::now();
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let size = bytes.len() as u64;
    if size > limits.max_file_size {
        return Err(ExtractError::TooLarge {
            size,
            limit: limits.max_file_size,
        });
    }
    let deadline = Deadline::new(started, limits.max_time);
    let mut doc = match detect::sniff(bytes) {
        detect::Kind::Pdf => pdf::extract(bytes, limits, &deadline)?,
        detect::Kind::Docx => docx::extract(bytes, limits)?,
        detect::Kind::Textual => {
            let decoded = text::decode(bytes)?;
            if detect::looks_like_html(&decoded.text) {
                html::extract(bytes, decoded)?
            } else if detect::is_markdown_name(name_hint) {
                text::into_extracted(decoded, Format::Markdown)
            } else {
                text::into_extracted(decoded, Format::Text)
            }
        }
        detect::Kind::Unsupported(what) => return Err(ExtractError::Unsupported { what }),
    };
    if doc.format != Format::Pdf {
        // PDFs are cleaned page by page inside `pdf::extract`.
        doc.text = cleanup::clean(&doc.text, &mut doc.warnings);
    }
    checked_text(doc, limits)
}

/// `doc` if its text is neither empty nor over [`Limits::max_text_size`].
fn checked_text(doc: Extracted, limits: &Limits) -> Result<Extracted, ExtractError> {
    if doc.text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    let size = doc.text.len() as u64;
    if size > limits.max_text_size {
        return Err(ExtractError::TextTooLarge {
            size,
            limit: limits.max_text_size,
        });
    }
    Ok(doc)
}

/// The text of a document that is already a string (a database column, a form field), read
/// as a plain-text file with the same content would be: the same size limit, line ends,
/// ligatures, mojibake, letter spacing and runs of blank lines cleaned up the same way, so that
/// scoring the result gives the same report as scoring the file. Nothing is detected: the
/// string is plain text, never HTML or Markdown (pass bytes to [`from_bytes`] for that).
///
/// # Errors
/// [`ExtractError::TooLarge`] when the UTF-8 text is over [`Limits::max_file_size`],
/// [`ExtractError::Empty`] when it has no text, [`ExtractError::Unsupported`] when it is
/// mostly control characters (binary data in a string).
///
/// ```
/// use skillgap::extract::{from_text, Format, Limits};
///
/// let doc = from_text("Skills\r\n\r\n\r\nRust, SQL", &Limits::default())?;
/// assert_eq!(doc.format, Format::Text);
/// assert_eq!(doc.text, "Skills\n\nRust, SQL\n");
/// # Ok::<(), skillgap::extract::ExtractError>(())
/// ```
pub fn from_text(text: &str, limits: &Limits) -> Result<Extracted, ExtractError> {
    let size = text.len() as u64;
    if size > limits.max_file_size {
        return Err(ExtractError::TooLarge {
            size,
            limit: limits.max_file_size,
        });
    }
    let mut doc = text::into_extracted(text::decode(text.as_bytes())?, Format::Text);
    doc.text = cleanup::clean(&doc.text, &mut doc.warnings);
    checked_text(doc, limits)
}

/// Extract the text of a file.
///
/// The size is checked from the file's metadata **before** anything is read, and reading stops at
/// [`Limits::max_file_size`] even if the file grows meanwhile. The file name is the name hint of
/// [`from_bytes`].
///
/// # Errors
/// [`ExtractError::Io`] when the file cannot be opened or read (kind `IsADirectory` for
/// a directory), [`ExtractError::Unsupported`] for a named pipe, socket or device (never
/// opened in a way that blocks), and everything [`from_bytes`] returns.
///
/// ```no_run
/// use skillgap::extract::{from_path, Limits};
///
/// let doc = from_path("resume.pdf".as_ref(), &Limits::default())?;
/// println!("{} pages via {:?}", doc.pages.unwrap_or(1), doc.page_paths);
/// # Ok::<(), skillgap::extract::ExtractError>(())
/// ```
pub fn from_path(path: &Path, limits: &Limits) -> Result<Extracted, ExtractError> {
    let file = open_regular(path)?;
    let meta = file.metadata()?;
    if meta.len() > limits.max_file_size {
        return Err(ExtractError::TooLarge {
            size: meta.len(),
            limit: limits.max_file_size,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limits.max_file_size.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let name = path.file_name().and_then(|n| n.to_str());
    from_bytes(&bytes, name, limits)
}

/// Opens a regular file for reading, and only a regular file: a directory is an
/// `IsADirectory` I/O error, a named pipe, socket or device is
/// [`ExtractError::Unsupported`]. On Unix the file is opened with `O_NONBLOCK` and its type
/// checked on the open handle, so that a FIFO (which would wait for a writer) never blocks
/// and a file swapped between a check and the open is still caught; for a regular file the
/// flag changes nothing.
fn open_regular(path: &Path) -> Result<std::fs::File, ExtractError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| {
        // Opening a socket fails (ENXIO); say what it is rather than the errno.
        match std::fs::metadata(path) {
            Ok(m) if !m.is_file() && !m.is_dir() => ExtractError::Unsupported {
                what: format!("{}, not a regular file", special_kind(&m.file_type())),
            },
            _ => ExtractError::Io(e),
        }
    })?;
    let file_type = file.metadata()?.file_type();
    if file_type.is_dir() {
        return Err(ExtractError::Io(std::io::ErrorKind::IsADirectory.into()));
    }
    if !file_type.is_file() {
        return Err(ExtractError::Unsupported {
            what: format!("{}, not a regular file", special_kind(&file_type)),
        });
    }
    Ok(file)
}

/// What a file that is neither a regular file nor a folder is.
fn special_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "named pipe (FIFO)";
        } else if t.is_socket() {
            return "socket";
        } else if t.is_block_device() || t.is_char_device() {
            return "device";
        }
    }
    let _ = t;
    "special file"
}

/// A soft deadline: checked between units of work, it cannot interrupt one.
pub(crate) struct Deadline {
    started: Instant,
    limit: Option<Duration>,
}

impl Deadline {
    fn new(started: Instant, limit: Option<Duration>) -> Self {
        Deadline { started, limit }
    }

    /// `Err(Timeout)` once the limit has passed.
    pub(crate) fn check(&self) -> Result<(), ExtractError> {
        match self.limit {
            Some(limit) if self.started.elapsed() > limit => Err(ExtractError::Timeout { limit }),
            _ => Ok(()),
        }
    }

    /// Whether the limit has passed.
    pub(crate) fn expired(&self) -> bool {
        self.check().is_err()
    }
}
