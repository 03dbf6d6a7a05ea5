//! Reading the files secdraft is given: terms files, documents to check or compare, and the
//! drafts already in `--out`. Only regular files are read, each capped by size before any of
//! it is read, so that a FIFO cannot hang a run and `/dev/zero` or a file that keeps growing
//! cannot take all the memory there is. Every file secdraft reads goes through
//! [`read_regular`]; every folder it reads through [`folder_entries`] or [`read_folder`].

use std::fmt;
use std::fs::{self, File, FileType, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, display_path};

/// A document to check or compare. The longest documents of a real filing (an Offer to
/// Exchange with its annexes) run to a few megabytes; this is ten times that and more.
pub const MAX_DOCUMENT_BYTES: u64 = 32 * 1024 * 1024;

/// All the documents one run reads: `check` and `diff` hold them all at once (the set rules
/// and the pairing need every one), each taking several times its size in memory while it is
/// checked. A whole filing with its exhibits is a few tens of megabytes at most. The files of
/// a templates folder are held at once too, and capped alike.
pub const MAX_DOCUMENTS_TOTAL_BYTES: u64 = 2 * MAX_DOCUMENT_BYTES;

/// What is left of [`MAX_DOCUMENTS_TOTAL_BYTES`] for the documents of one run still to be
/// read, so that a folder of many large files (or a long list of them) cannot take all the
/// memory there is, each under the cap of one document.
#[derive(Debug)]
pub struct DocumentBudget {
    left: u64,
}

impl Default for DocumentBudget {
    fn default() -> Self {
        DocumentBudget { left: MAX_DOCUMENTS_TOTAL_BYTES }
    }
}

impl DocumentBudget {
    /// Reads one file (a document, a template) within what is left, and counts it.
    pub fn read(&mut self, path: &Path) -> Result<Vec<u8>, Refusal> {
        let cap = self.left.min(MAX_DOCUMENT_BYTES);
        let bytes = read_regular(path, cap, Links::Follow).map_err(|why| match why {
            Refusal::TooLarge { len, .. }
                if cap < MAX_DOCUMENT_BYTES && len.is_none_or(|len| len <= MAX_DOCUMENT_BYTES) =>
            {
                Refusal::OverTotal { total: MAX_DOCUMENTS_TOTAL_BYTES }
            }
            other => other,
        })?;
        self.left -= bytes.len() as u64;
        Ok(bytes)
    }

    /// Reads standard input as one document within what is left, and counts it.
    pub fn read_stdin(&mut self) -> Result<Vec<u8>, Refusal> {
        let bytes = read_stdin(self.left.min(MAX_DOCUMENT_BYTES))?;
        self.left -= bytes.len() as u64;
        Ok(bytes)
    }
}

/// Whether a symbolic link may stand for the file it points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// An input named on the command line: a link to a regular file is read through.
    Follow,
    /// A draft in `--out`: replacing it would replace the link, not the file, so a link is
    /// never taken for the file.
    Refuse,
}

/// Why a file was not read.
#[derive(Debug)]
pub enum Refusal {
    Missing,
    Folder,
    /// Not a regular file (a FIFO, a device, a socket, a link where links are refused): what
    /// it is, e.g. "a named pipe (FIFO)".
    NotRegular(String),
    /// Larger than `cap`; `len` is what the file system said, when it said so.
    TooLarge {
        len: Option<u64>,
        cap: u64,
    },
    Unreadable(io::Error),
    /// Within the cap of one document, but past what is left of the documents' total.
    OverTotal {
        total: u64,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Missing => f.write_str("it does not exist"),
            Refusal::Folder => f.write_str("it is a folder"),
            Refusal::NotRegular(kind) => write!(f, "it is {kind}, not a regular file"),
            Refusal::TooLarge { len: Some(len), cap } => {
                write!(f, "it is {len} bytes; secdraft reads at most {cap} bytes ({})", mebibytes(*cap))
            }
            Refusal::TooLarge { len: None, cap } => {
                write!(f, "it is more than {cap} bytes ({}), the most secdraft reads", mebibytes(*cap))
            }
            Refusal::Unreadable(err) => write!(f, "{err}"),
            Refusal::OverTotal { total } => write!(
                f,
                "with the files read before it, it passes {total} bytes ({}), the most secdraft reads in one run",
                mebibytes(*total)
            ),
        }
    }
}

impl std::error::Error for Refusal {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Refusal::Unreadable(err) => Some(err),
            _ => None,
        }
    }
}

fn mebibytes(bytes: u64) -> String {
    format!("{} MiB", bytes / (1024 * 1024))
}

/// What a file that is not regular is, in words.
fn kind(file_type: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else if file_type.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// What a symbolic link leads to, in words: "a symbolic link to a character device".
fn describe_link(target: io::Result<Metadata>) -> String {
    match target {
        Ok(meta) => format!("a symbolic link to {}", kind(meta.file_type())),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            "a symbolic link to nothing (its target does not exist)".into()
        }
        Err(err) if is_link_loop(&err) => "a symbolic link loop".into(),
        Err(err) => format!("a symbolic link that cannot be followed ({err})"),
    }
}

fn is_link_loop(err: &io::Error) -> bool {
    #[cfg(unix)]
    {
        err.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = err;
        false
    }
}

/// Opens without waiting: should the path have become a FIFO since it was looked at, the
/// open returns at once instead of waiting for a writer. (Reads of a regular file ignore the
/// flag.) With [`Links::Refuse`], a path that has become a link is not followed either.
fn open_without_waiting(path: &Path, links: Links) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = if links == Links::Refuse { libc::O_NOFOLLOW } else { 0 };
        options.custom_flags(libc::O_NONBLOCK | nofollow);
    }
    #[cfg(not(unix))]
    let _ = links;
    options.open(path)
}

/// Whether a command-line path is `-`, which stands for standard input (a file of that name
/// is still reachable as `./-`).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads standard input to its end, at most `cap` bytes: the read stops one byte past `cap`,
/// so an endless producer (`yes | secdraft check -`) is refused, not held in memory.
pub fn read_stdin(cap: u64) -> Result<Vec<u8>, Refusal> {
    let mut bytes = Vec::new();
    io::stdin().lock().take(cap.saturating_add(1)).read_to_end(&mut bytes).map_err(Refusal::Unreadable)?;
    if bytes.len() as u64 > cap {
        return Err(Refusal::TooLarge { len: None, cap });
    }
    Ok(bytes)
}

/// Reads a whole regular file of at most `cap` bytes. The type and size are checked before
/// the file is opened, checked again on what was opened (the path may have changed in
/// between), and the read stops one byte past `cap` whatever the size said.
pub fn read_regular(path: &Path, cap: u64, links: Links) -> Result<Vec<u8>, Refusal> {
    let (file, opened) = open_checked(path, cap, links)?;
    let mut bytes = Vec::with_capacity(opened.len().min(cap) as usize);
    file.take(cap.saturating_add(1)).read_to_end(&mut bytes).map_err(Refusal::Unreadable)?;
    if bytes.len() as u64 > cap {
        return Err(Refusal::TooLarge { len: None, cap });
    }
    Ok(bytes)
}

/// Opens a regular file of any size, checked as [`read_regular`] checks it, for a reader that
/// streams it (hashing a draft secdraft wrote, which may be larger than any document it reads).
pub fn open_regular(path: &Path, links: Links) -> Result<File, Refusal> {
    open_checked(path, u64::MAX, links).map(|(file, _)| file)
}

fn open_checked(path: &Path, cap: u64, links: Links) -> Result<(File, Metadata), Refusal> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Err(Refusal::Missing),
        Err(err) => return Err(Refusal::Unreadable(err)),
    };
    let meta = if meta.file_type().is_symlink() {
        match (links, fs::metadata(path)) {
            (Links::Follow, Ok(target)) if target.is_file() => target,
            (_, target) => return Err(Refusal::NotRegular(describe_link(target))),
        }
    } else {
        meta
    };
    if meta.is_dir() {
        return Err(Refusal::Folder);
    }
    if !meta.is_file() {
        return Err(Refusal::NotRegular(kind(meta.file_type()).into()));
    }
    if meta.len() > cap {
        return Err(Refusal::TooLarge { len: Some(meta.len()), cap });
    }
    let file = open_without_waiting(path, links).map_err(|err| {
        if is_link_loop(&err) {
            // O_NOFOLLOW reports a link as a loop: the path became a link since it was looked at.
            Refusal::NotRegular("a symbolic link".into())
        } else {
            Refusal::Unreadable(err)
        }
    })?;
    let opened = file.metadata().map_err(Refusal::Unreadable)?;
    if !opened.is_file() {
        return Err(Refusal::NotRegular(kind(opened.file_type()).into()));
    }
    Ok((file, opened))
}

/// A document to check or compare, named on the command line, read within `budget`.
pub fn read_document(path: &Path, budget: &mut DocumentBudget) -> Result<Vec<u8>, Diagnostic> {
    budget.read(path).map_err(|why| document_refused(path, &why))
}

fn document_refused(path: &Path, why: &Refusal) -> Diagnostic {
    let shown = display_path(path);
    match why {
        Refusal::Missing => Diagnostic::new(format!("{shown} does not exist")),
        Refusal::TooLarge { .. } => Diagnostic::new(format!("cannot read {shown}: {why}"))
            .help("secdraft checks and compares documents of up to 32 MiB each"),
        Refusal::OverTotal { .. } => Diagnostic::new(format!("cannot read {shown}: {why}"))
            .help("secdraft checks and compares documents of up to 64 MiB in all: check the folders or files in several runs"),
        _ => Diagnostic::new(format!("cannot read {shown}: {why}")),
    }
}

/// The files a refusal of a folder names one by one: a folder of 50,000 dangling links once
/// made a message of 5 MB.
const MAX_NAMED_REFUSALS: usize = 20;

/// One entry of a folder.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file name, as text.
    pub name: String,
    pub path: PathBuf,
    /// A folder, or a link to one: not a document, passed over.
    pub is_folder: bool,
}

/// The entries of `dir`, sorted by name. Nothing is opened: a FIFO is listed, not read.
pub fn folder_entries(dir: &Path) -> Result<Vec<Entry>, Diagnostic> {
    let entries = fs::read_dir(dir)
        .map_err(|e| Diagnostic::new(format!("cannot read the folder {}: {e}", display_path(dir))))?;
    let mut listed = Vec::new();
    for entry in entries {
        let entry = entry
            .map_err(|e| Diagnostic::new(format!("cannot read the folder {}: {e}", display_path(dir))))?;
        let path = entry.path();
        listed.push(Entry {
            name: entry.file_name().to_string_lossy().into_owned(),
            is_folder: path.is_dir(),
            path,
        });
    }
    listed.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(listed)
}

/// Reads the files of `dir` that `wanted` selects by name (folders passed over), sorted by
/// name, within `budget`. A selected entry that cannot be read (a FIFO, a device, a dangling
/// link, a file too large) stops the read, naming each such file; the first past the budget
/// stops it at once. A folder secdraft writes into is read under its lock, by the output
/// stage's `read_drafts`, so that no write is seen half done.
pub fn read_folder(
    dir: &Path,
    wanted: impl Fn(&str) -> bool,
    budget: &mut DocumentBudget,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Diagnostic> {
    let mut read = Vec::new();
    let mut refused = Vec::new();
    for entry in folder_entries(dir)? {
        if entry.is_folder || !wanted(&entry.name) {
            continue;
        }
        match budget.read(&entry.path) {
            Ok(bytes) => read.push((entry.path, bytes)),
            Err(why @ Refusal::OverTotal { .. }) => return Err(document_refused(&entry.path, &why)),
            Err(why) => refused.push((entry.path, why)),
        }
    }
    match refused.as_slice() {
        [] => Ok(read),
        [(path, why)] => Err(document_refused(path, why)),
        many => {
            let mut named: Vec<String> = many
                .iter()
                .take(MAX_NAMED_REFUSALS)
                .map(|(path, why)| format!("{} ({why})", display_path(path)))
                .collect();
            if many.len() > MAX_NAMED_REFUSALS {
                named.push(format!("and {} more", many.len() - MAX_NAMED_REFUSALS));
            }
            Err(Diagnostic::new(format!(
                "cannot read {} files of {}: {}",
                many.len(),
                display_path(dir),
                named.join(", ")
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_and_refuses_one_over_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_regular(&path, 10, Links::Follow).unwrap(), b"0123456789");
        assert!(matches!(
            read_regular(&path, 9, Links::Follow),
            Err(Refusal::TooLarge { len: Some(10), cap: 9 })
        ));
        assert!(matches!(read_regular(&dir.path().join("none"), 9, Links::Follow), Err(Refusal::Missing)));
        assert!(matches!(read_regular(dir.path(), 9, Links::Follow), Err(Refusal::Folder)));
    }

    /// A file whose size says nothing of its length (as in /proc) is still cut at the cap.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_longer_than_its_size_says_is_cut_at_the_cap() {
        let path = Path::new("/proc/self/status");
        assert_eq!(fs::metadata(path).unwrap().len(), 0);
        assert!(matches!(
            read_regular(path, 16, Links::Follow),
            Err(Refusal::TooLarge { len: None, cap: 16 })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_only_where_allowed_and_only_to_regular_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        fs::write(&file, "text").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert_eq!(read_regular(&link, 100, Links::Follow).unwrap(), b"text");
        let refused = read_regular(&link, 100, Links::Refuse).unwrap_err().to_string();
        assert_eq!(refused, "it is a symbolic link to a regular file, not a regular file");
        let zero = dir.path().join("zero.md");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let refused = read_regular(&zero, 100, Links::Follow).unwrap_err().to_string();
        assert_eq!(refused, "it is a symbolic link to a character device, not a regular file");
        let looped = dir.path().join("loop.md");
        std::os::unix::fs::symlink(&looped, &looped).unwrap();
        let refused = read_regular(&looped, 100, Links::Follow).unwrap_err().to_string();
        assert_eq!(refused, "it is a symbolic link loop, not a regular file");
    }
}
