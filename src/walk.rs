//! Finding the documents of a batch: folders walked recursively in a
//! stable order, symlinked folders not followed (so no loop), the output
//! folder never read back, and anything that is not a document counted.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use mresponse_parse::Format;

/// One document found.
#[derive(Debug, Clone)]
pub struct Found {
    /// Its path on disk.
    pub path: PathBuf,
    /// Its path relative to the input it was found under (for a file given
    /// directly, its file name).
    pub relative: PathBuf,
    /// Its format, from its extension.
    pub format: Format,
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// The documents, in a stable order (inputs in order, then paths sorted).
    pub documents: Vec<Found>,
    /// Files skipped for their extension, with their paths.
    pub skipped: Vec<PathBuf>,
    /// Folders or entries that could not be read, with the reason.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// Walks `inputs`, leaving out `exclude` (the output folder) and anything
/// under it.
pub fn walk(inputs: &[PathBuf], exclude: Option<&Path>) -> Walk {
    let exclude = exclude.and_then(|e| std::fs::canonicalize(e).ok());
    let mut walk = Walk::default();
    for input in inputs {
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(e) => {
                walk.unreadable.push((input.clone(), e.to_string()));
                continue;
            }
        };
        if meta.is_dir() {
            visit(input, Path::new(""), exclude.as_deref(), &mut walk);
        } else {
            let name = input
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| input.clone());
            add_file(input, &name, &mut walk);
        }
    }
    walk
}

fn visit(dir: &Path, relative: &Path, exclude: Option<&Path>, walk: &mut Walk) {
    if let (Some(ex), Ok(canon)) = (exclude, std::fs::canonicalize(dir))
        && canon.starts_with(ex)
    {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            walk.unreadable.push((dir.to_path_buf(), e.to_string()));
            return;
        }
    };
    let mut names: Vec<OsString> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => names.push(e.file_name()),
            Err(e) => walk.unreadable.push((dir.to_path_buf(), e.to_string())),
        }
    }
    names.sort();
    for name in names {
        let path = dir.join(&name);
        let rel = relative.join(&name);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            walk.unreadable
                .push((path, "cannot read its metadata".into()));
            continue;
        };
        if meta.is_dir() {
            visit(&path, &rel, exclude, walk);
        } else if meta.file_type().is_symlink()
            && std::fs::metadata(&path).is_ok_and(|m| m.is_dir())
        {
            // A symlinked folder is not followed: that is how loops are avoided.
            walk.skipped.push(path);
        } else {
            add_file(&path, &rel, walk);
        }
    }
}

fn add_file(path: &Path, relative: &Path, walk: &mut Walk) {
    match Format::from_path(path) {
        Some(format) => walk.documents.push(Found {
            path: path.to_path_buf(),
            relative: relative.to_path_buf(),
            format,
        }),
        None => walk.skipped.push(path.to_path_buf()),
    }
}
