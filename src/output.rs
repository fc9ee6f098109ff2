//! Writing outputs whole or not at all: a temporary file beside the target,
//! then a rename. A reader, or a process killed midway, never sees a
//! partial file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context, Result};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` atomically, creating its parent folders.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let result = (|| -> Result<()> {
        // The folder usually exists (a batch writes many files into each):
        // made only when the file cannot be created without it.
        let mut file = match std::fs::File::create(&tmp) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("{}: cannot create folder", dir.display()))?;
                std::fs::File::create(&tmp)
            }
            created => created,
        }
        .with_context(|| format!("{}: cannot create", tmp.display()))?;
        file.write_all(bytes)
            .with_context(|| format!("{}: cannot write", tmp.display()))?;
        // No fsync: the rename makes the file whole or absent for any reader
        // and after a kill; surviving a power cut is not what it promises.
        std::fs::rename(&tmp, path).with_context(|| format!("{}: cannot write", path.display()))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Writes `bytes` to `path`, or to standard output when there is no path.
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match path {
        Some(p) if p != Path::new("-") => write_atomic(p, bytes),
        _ => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}
