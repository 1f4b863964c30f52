//! Finding the files of a batch: folders are walked in sorted order (with
//! `walkdir`), only regular files are read, hidden, unsupported and special
//! files (pipes, sockets, devices) are skipped and counted, symbolic links are
//! followed once and never round a loop, `--glob` narrows and `--exclude`
//! removes.
//!
//! Files named on the command line are always read, whatever their name: the
//! filters only apply to what a folder walk finds.

use super::super::input::io_cause;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// File extensions (ASCII case-insensitive) a folder walk reads. The format
/// itself is still detected from the content.
pub const EXTENSIONS: &[&str] = &["pdf", "docx", "html", "htm", "md", "markdown", "txt"];

/// One input of a batch, in the order it will be reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file to read and score.
    File(PathBuf),
    /// A path that could not be read as a file or walked as a folder, with the cause.
    Unreadable(PathBuf, String),
}

impl Input {
    pub fn path(&self) -> &Path {
        match self {
            Input::File(p) | Input::Unreadable(p, _) => p,
        }
    }
}

/// What a walk left out, by reason.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Skipped {
    /// Hidden files and folders (names starting with `.`); a hidden folder counts once.
    pub hidden: usize,
    /// Files whose extension is not one of [`EXTENSIONS`].
    pub unsupported: usize,
    /// Files and folders removed by `--exclude`, and files that no `--glob` matches.
    pub excluded: usize,
    /// Named pipes (FIFOs), sockets and devices: only regular files are read.
    pub special: usize,
    /// Symbolically linked folders not followed: a link back to a folder it is
    /// inside (a loop), or to a folder this run already walked.
    pub links: usize,
}

impl Skipped {
    pub fn total(&self) -> usize {
        self.hidden + self.unsupported + self.excluded + self.special + self.links
    }
}

/// "3 skipped (1 hidden, 2 unsupported, 0 excluded)", for summaries; special
/// files and links not followed are added when there are any.
impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} skipped ({} hidden, {} unsupported, {} excluded",
            self.total(),
            self.hidden,
            self.unsupported,
            self.excluded
        )?;
        if self.special > 0 {
            write!(f, ", {} special", self.special)?;
        }
        if self.links > 0 {
            let s = if self.links == 1 { "" } else { "s" };
            write!(f, ", {} link{s} not followed", self.links)?;
        }
        f.write_str(")")
    }
}

/// The inputs found, sorted by path (component by component) without duplicates.
#[derive(Debug, Default)]
pub struct Found {
    pub inputs: Vec<Input>,
    pub skipped: Skipped,
    /// The skips worth naming (special files, links not followed), with why,
    /// in walk order: the batch prints them on stderr.
    pub notes: Vec<(PathBuf, String)>,
}

/// Which files a folder walk keeps.
#[derive(Debug)]
pub struct Filter {
    include: Globs,
    exclude: Globs,
    hidden: bool,
    max_depth: Option<usize>,
}

/// Globs without a slash match a name at any depth; globs with one match the
/// path below the walked folder.
#[derive(Debug)]
struct Globs {
    names: GlobSet,
    paths: GlobSet,
}

impl Globs {
    fn new(globs: &[String], flag: &str) -> Result<Globs, String> {
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        for g in globs {
            // `archive/` means the folder named archive; `/x` and `./x` are anchored at the walked folder.
            let trimmed = g.trim_end_matches('/');
            let anchored = trimmed.starts_with('/') || trimmed.starts_with("./");
            let pattern = trimmed.trim_start_matches("./").trim_start_matches('/');
            let glob = GlobBuilder::new(pattern)
                .literal_separator(true)
                .backslash_escape(true)
                .build()
                .map_err(|e| format!("{flag} `{g}` is not a valid glob: {}", e.kind()))?;
            if anchored || pattern.contains('/') {
                paths.add(glob);
            } else {
                names.add(glob);
            }
        }
        let build = |b: GlobSetBuilder| {
            b.build()
                .map_err(|e| format!("{flag}: invalid glob: {}", e.kind()))
        };
        Ok(Globs {
            names: build(names)?,
            paths: build(paths)?,
        })
    }

    fn is_empty(&self) -> bool {
        self.names.is_empty() && self.paths.is_empty()
    }

    fn is_match(&self, name: &OsStr, relative: &Path) -> bool {
        self.names.is_match(name) || self.paths.is_match(relative)
    }
}

impl Filter {
    /// The error is a one-line usage message naming the bad glob.
    pub fn new(
        globs: &[String],
        excludes: &[String],
        hidden: bool,
        max_depth: Option<usize>,
    ) -> Result<Filter, String> {
        Ok(Filter {
            include: Globs::new(globs, "--glob")?,
            exclude: Globs::new(excludes, "--exclude")?,
            hidden,
            max_depth,
        })
    }
}

/// Whether `path` has one of the [`EXTENSIONS`].
pub fn is_supported(path: &Path) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Finds the inputs under `paths`. Never fails: a path that cannot be read
/// becomes an [`Input::Unreadable`], reported with the others.
///
/// A folder walk reads only regular files: named pipes, sockets and devices are
/// skipped, counted and noted (opening a FIFO would wait for a writer forever).
/// Symbolic links are followed, to files and to folders; a link back to a
/// folder it is inside, or to a folder already walked, is skipped and noted, so
/// the walk ends and reaches each folder once. A broken link with a supported
/// name is an unreadable input.
pub fn find(paths: &[PathBuf], filter: &Filter) -> Found {
    let mut found = Found::default();
    let mut walked = Walked::default();
    for root in paths {
        match fs::metadata(root) {
            Err(e) => found
                .inputs
                .push(Input::Unreadable(root.clone(), io_cause(&e))),
            Ok(m) if m.is_dir() => walk(root, filter, &mut walked, &mut found),
            // Named files are read whatever they are; the reader refuses what is
            // not a regular file without opening it.
            Ok(_) => found.inputs.push(Input::File(root.clone())),
        }
    }
    // Each walk is already in order; several PATHs need a merge, and a file
    // reached twice is reported once.
    found.inputs.sort_by(|a, b| a.path().cmp(b.path()));
    found.inputs.dedup_by(|a, b| a.path() == b.path());
    found
}

/// The folders walked so far, by identity (device and inode), so that two links
/// to one folder do not walk it twice.
#[derive(Default)]
struct Walked(std::collections::HashSet<(u64, u64)>);

impl Walked {
    /// False when the folder was walked already.
    #[cfg(unix)]
    fn first_visit(&mut self, meta: &fs::Metadata) -> bool {
        use std::os::unix::fs::MetadataExt;
        self.0.insert((meta.dev(), meta.ino()))
    }

    #[cfg(not(unix))]
    fn first_visit(&mut self, _: &fs::Metadata) -> bool {
        true
    }
}

fn walk(root: &Path, filter: &Filter, walked: &mut Walked, found: &mut Found) {
    if let Ok(meta) = fs::metadata(root) {
        walked.first_visit(&meta);
    }
    let mut walker = WalkDir::new(root)
        .follow_links(true)
        .min_depth(1)
        .sort_by_file_name();
    if let Some(max) = filter.max_depth {
        walker = walker.max_depth(max);
    }
    let mut entries = walker.into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                walk_error(root, filter, err, found);
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name();
        let relative = path.strip_prefix(root).unwrap_or(path);
        if !filter.hidden && name.as_encoded_bytes().starts_with(b".") {
            found.skipped.hidden += 1;
            if entry.file_type().is_dir() {
                entries.skip_current_dir();
            }
            continue;
        }
        let file_type = entry.file_type();
        if file_type.is_dir() {
            if filter.exclude.is_match(name, relative) {
                found.skipped.excluded += 1;
                entries.skip_current_dir();
            } else if entry.metadata().is_ok_and(|m| !walked.first_visit(&m)) {
                found.skipped.links += 1;
                found.notes.push((
                    path.to_path_buf(),
                    "a link to a folder already walked, not followed".into(),
                ));
                entries.skip_current_dir();
            }
            continue;
        }
        if !file_type.is_file() {
            found.skipped.special += 1;
            found.notes.push((
                path.to_path_buf(),
                format!("{}, skipped", special_kind(&file_type)),
            ));
            continue;
        }
        if keep_file(path, name, relative, filter, &mut found.skipped) {
            found.inputs.push(Input::File(path.to_path_buf()));
        }
    }
}

/// A walk error: a link loop, a folder that cannot be read, or an entry that
/// cannot be looked at (a broken link).
fn walk_error(root: &Path, filter: &Filter, err: walkdir::Error, found: &mut Found) {
    let Some(path) = err.path().map(Path::to_path_buf) else {
        return;
    };
    let name = path.file_name().unwrap_or_default().to_os_string();
    if !filter.hidden && name.as_encoded_bytes().starts_with(b".") {
        found.skipped.hidden += 1;
        return;
    }
    if let Some(ancestor) = err.loop_ancestor() {
        found.skipped.links += 1;
        let ancestor = ancestor.to_path_buf();
        found.notes.push((
            path,
            format!(
                "a link back to {}, which it is inside; not followed",
                ancestor.display()
            ),
        ));
        return;
    }
    let cause = err.io_error().map_or_else(|| err.to_string(), io_cause);
    let link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    if link && fs::metadata(&path).is_err() {
        let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        if keep_file(&path, &name, &relative, filter, &mut found.skipped) {
            let cause = format!("broken symbolic link ({cause})");
            found.inputs.push(Input::Unreadable(path, cause));
        }
    } else {
        let cause = if fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
            format!("cannot read folder: {cause}")
        } else {
            cause
        };
        found.inputs.push(Input::Unreadable(path, cause));
    }
}

/// The file filters (extension, `--exclude`, `--glob`): whether the file is
/// kept; a skipped one is counted.
fn keep_file(
    path: &Path,
    name: &OsStr,
    relative: &Path,
    filter: &Filter,
    skipped: &mut Skipped,
) -> bool {
    if !is_supported(path) {
        skipped.unsupported += 1;
        false
    } else if filter.exclude.is_match(name, relative)
        || !filter.include.is_empty() && !filter.include.is_match(name, relative)
    {
        skipped.excluded += 1;
        false
    } else {
        true
    }
}

/// What a file that is neither a regular file nor a folder is, in a few words.
fn special_kind(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        } else if t.is_socket() {
            return "a socket";
        } else if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = t;
    "not a regular file"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in [
            "b.txt",
            "a.pdf",
            "A.TXT",
            "photo.png",
            ".DS_Store",
            "sub/c.md",
            "sub/deeper/d.docx",
            "archive/old.txt",
            ".git/e.txt",
            "a.txt.d/x.txt",
        ] {
            let p = d.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        dir
    }

    fn names(found: &Found, root: &Path) -> Vec<String> {
        found
            .inputs
            .iter()
            .map(|i| {
                i.path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    }

    fn filter(globs: &[&str], excludes: &[&str]) -> Filter {
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Filter::new(&s(globs), &s(excludes), false, None).unwrap()
    }

    #[test]
    fn walks_in_path_order_and_counts_what_it_skips() {
        let dir = tree();
        let found = find(&[dir.path().to_path_buf()], &filter(&[], &[]));
        assert_eq!(
            names(&found, dir.path()),
            [
                "A.TXT",
                "a.pdf",
                "a.txt.d/x.txt",
                "archive/old.txt",
                "b.txt",
                "sub/c.md",
                "sub/deeper/d.docx"
            ]
        );
        assert_eq!(
            found.skipped,
            Skipped {
                hidden: 2,
                unsupported: 1,
                ..Skipped::default()
            }
        );
    }

    #[test]
    fn a_glob_without_a_slash_matches_names_at_any_depth() {
        let dir = tree();
        let found = find(
            &[dir.path().to_path_buf()],
            &filter(&["*.md", "*.docx"], &[]),
        );
        assert_eq!(names(&found, dir.path()), ["sub/c.md", "sub/deeper/d.docx"]);
        assert_eq!(found.skipped.excluded, 5);
    }

    #[test]
    fn a_glob_with_a_slash_matches_the_path_below_the_folder() {
        let dir = tree();
        let found = find(&[dir.path().to_path_buf()], &filter(&["sub/*"], &[]));
        assert_eq!(names(&found, dir.path()), ["sub/c.md"]);
        let found = find(&[dir.path().to_path_buf()], &filter(&["sub/**"], &[]));
        assert_eq!(names(&found, dir.path()), ["sub/c.md", "sub/deeper/d.docx"]);
    }

    #[test]
    fn exclude_removes_whole_folders() {
        let dir = tree();
        let found = find(
            &[dir.path().to_path_buf()],
            &filter(&[], &["archive/", "deeper", "*.pdf"]),
        );
        assert_eq!(
            names(&found, dir.path()),
            ["A.TXT", "a.txt.d/x.txt", "b.txt", "sub/c.md"]
        );
        assert_eq!(found.skipped.excluded, 3);
    }

    #[test]
    fn max_depth_one_is_the_folder_itself() {
        let dir = tree();
        let f = Filter::new(&[], &[], false, Some(1)).unwrap();
        let found = find(&[dir.path().to_path_buf()], &f);
        assert_eq!(names(&found, dir.path()), ["A.TXT", "a.pdf", "b.txt"]);
    }

    #[test]
    fn hidden_files_are_read_with_hidden() {
        let dir = tree();
        let f = Filter::new(&[], &[], true, None).unwrap();
        let found = find(&[dir.path().to_path_buf()], &f);
        assert!(names(&found, dir.path()).contains(&".git/e.txt".to_string()));
        assert_eq!(found.skipped.hidden, 0);
        // .DS_Store has no supported extension.
        assert_eq!(found.skipped.unsupported, 2);
    }

    #[test]
    fn named_files_are_always_read_and_reported_once() {
        let dir = tree();
        let png = dir.path().join("photo.png");
        let txt = dir.path().join("b.txt");
        let found = find(
            &[
                txt.clone(),
                png.clone(),
                dir.path().join("sub"),
                txt.clone(),
            ],
            &filter(&["*.md"], &[]),
        );
        assert_eq!(
            names(&found, dir.path()),
            ["b.txt", "photo.png", "sub/c.md"]
        );
    }

    #[test]
    fn a_missing_path_is_an_unreadable_input() {
        let found = find(&[PathBuf::from("no/such/folder")], &filter(&[], &[]));
        assert_eq!(
            found.inputs,
            [Input::Unreadable(
                PathBuf::from("no/such/folder"),
                "no such file".into()
            )]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_broken_link_with_a_resume_name_is_unreadable_and_a_link_loop_is_noted() {
        let dir = tree();
        let d = dir.path();
        std::os::unix::fs::symlink(d.join("gone.txt"), d.join("broken.txt")).unwrap();
        std::os::unix::fs::symlink(d.join("gone.png"), d.join("broken.png")).unwrap();
        std::os::unix::fs::symlink(d.join("sub"), d.join("sub/deeper/up")).unwrap();
        let found = find(&[d.to_path_buf()], &filter(&[], &[]));
        let broken = found
            .inputs
            .iter()
            .find(|i| i.path().ends_with("broken.txt"))
            .unwrap();
        assert!(
            matches!(broken, Input::Unreadable(_, cause) if cause.starts_with("broken symbolic link")),
            "{broken:?}"
        );
        assert_eq!(found.skipped.unsupported, 2, "photo.png and broken.png");
        assert_eq!(found.skipped.links, 1);
        assert!(
            found.notes[0].0.ends_with("sub/deeper/up"),
            "{:?}",
            found.notes
        );
    }

    #[test]
    fn a_bad_glob_is_a_usage_error_naming_it() {
        let err = Filter::new(&["a[".into()], &[], false, None).unwrap_err();
        assert!(err.starts_with("--glob `a[` is not a valid glob"), "{err}");
    }
}
