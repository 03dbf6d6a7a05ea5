//! Stage five: writing a rendered set. Every file is first written in full beside its final
//! place, then all are renamed into place, so an error leaves `--out` as it was.

use std::io::Write;
use std::path::Path;

use tempfile::NamedTempFile;

use crate::diagnostics::{Diagnostic, display_path};

/// EDGAR refuses longer document names (reference section 4).
pub const MAX_FILE_NAME: usize = 32;

/// One rendered file, named relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Writes `files` into `dir`, creating it if needed; all of them or none.
pub fn write_all(dir: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    let shown = display_path(dir);
    if dir.exists() && !dir.is_dir() {
        return Err(Diagnostic::new(format!("the output path {shown} is a file, not a folder"))
            .help("name a folder for the drafts with --out"));
    }
    let created = !dir.exists();
    if created {
        std::fs::create_dir_all(dir)
            .map_err(|e| Diagnostic::new(format!("cannot create the output folder {shown}: {e}")))?;
    }
    let result = stage_and_commit(dir, files);
    if result.is_err() && created {
        // Only removes the folder if it is still empty, as it was when we made it.
        let _ = std::fs::remove_dir(dir);
    }
    result
}

fn stage_and_commit(dir: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    let shown = display_path(dir);
    let mut staged = Vec::with_capacity(files.len());
    for file in files {
        let target = dir.join(&file.name);
        if target.is_dir() {
            return Err(Diagnostic::new(format!(
                "cannot write {}: a folder of that name is in the way",
                display_path(&target)
            )));
        }
        let mut temp = NamedTempFile::with_prefix_in(".secdraft-", dir)
            .map_err(|e| Diagnostic::new(format!("cannot write into the output folder {shown}: {e}")))?;
        temp.write_all(&file.bytes)
            .and_then(|()| temp.as_file().sync_all())
            .map_err(|e| Diagnostic::new(format!("cannot write {}: {e}", display_path(&target))))?;
        staged.push((temp, target));
    }
    for (temp, target) in staged {
        temp.persist(&target).map_err(|e| {
            Diagnostic::new(format!("cannot move {} into place: {}", display_path(&target), e.error))
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_every_file_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("drafts");
        let files = vec![
            OutputFile { name: "a.md".into(), bytes: b"A".to_vec() },
            OutputFile { name: "b.htm".into(), bytes: b"B".to_vec() },
        ];
        write_all(&out, &files).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["a.md", "b.htm"]);
        assert_eq!(std::fs::read(out.join("b.htm")).unwrap(), b"B");
    }

    #[test]
    fn refuses_a_file_as_the_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("drafts");
        std::fs::write(&file, "x").unwrap();
        let err = write_all(&file, &[OutputFile { name: "a.md".into(), bytes: vec![] }]).unwrap_err();
        assert!(err.message.contains("is a file"));
        assert_eq!(std::fs::read(&file).unwrap(), b"x");
    }

    #[test]
    fn a_failed_write_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "old").unwrap();
        std::fs::create_dir(dir.path().join("b.htm")).unwrap();
        let files = vec![
            OutputFile { name: "a.md".into(), bytes: b"new".to_vec() },
            OutputFile { name: "b.htm".into(), bytes: b"B".to_vec() },
        ];
        assert!(write_all(dir.path(), &files).is_err());
        assert_eq!(std::fs::read(dir.path().join("a.md")).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
