//! Private working space and streamed, crash-safe file writing for backups.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use ring::digest;
use ring::rand::{SecureRandom, SystemRandom};

use crate::error::{Error, Result};
use crate::vault::atomic;

/// A random suffix for working names, so two processes never pick the same one.
pub fn random_suffix() -> Result<String> {
    let mut bytes = [0u8; 6];
    SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| Error::Internal("no system randomness"))?;
    Ok(data_encoding::HEXLOWER.encode(&bytes))
}

/// A directory only the user can read, inside `parent`, removed with everything in it on drop.
#[derive(Debug)]
pub struct WorkDir {
    path: PathBuf,
}

impl WorkDir {
    /// Makes a fresh working directory in `parent` (created privately if missing).
    pub fn new(parent: &Path) -> Result<Self> {
        atomic::create_private_dir(parent)?;
        let path = parent.join(format!(".backup-work-{}", random_suffix()?));
        fs::create_dir(&path)?;
        atomic::make_private(&path)?;
        Ok(Self { path })
    }

    /// A path inside the working directory.
    pub fn join(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// Creates `path`, which must not exist, readable only by the user.
pub fn create_private_file(path: &Path) -> Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    Ok(options.open(path)?)
}

/// Copies `reader` into `out` while hashing; returns the byte count and SHA-256.
pub fn copy_hashing<R: Read, W: Write>(reader: &mut R, out: &mut W) -> Result<(u64, [u8; 32])> {
    let mut context = digest::Context::new(&digest::SHA256);
    let mut buf = vec![0u8; 256 * 1024];
    let mut total = 0u64;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        context.update(&buf[..n]);
        out.write_all(&buf[..n])?;
        total += n as u64;
    }
    let mut hash = [0u8; 32];
    hash.copy_from_slice(context.finish().as_ref());
    Ok((total, hash))
}

/// Writes `prefix` followed by the contents of `image` to `dest` crash-safely: a private temp
/// file beside it, fsync, rename over, fsync the directory. A failure leaves no temp file.
pub fn write_streamed(dest: &Path, prefix: &[u8], image: &Path) -> Result<()> {
    let dir = match dest.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = dest
        .file_name()
        .ok_or(Error::Io(std::io::ErrorKind::InvalidInput))?;
    let mut tmp_name = name.to_os_string();
    tmp_name.push(format!(".partial-{}", random_suffix()?));
    let tmp = dir.join(tmp_name);
    let written = (|| -> Result<()> {
        let mut file = create_private_file(&tmp)?;
        file.write_all(prefix)?;
        let mut source = File::open(image)?;
        std::io::copy(&mut source, &mut file)?;
        file.sync_all()?;
        Ok(())
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    if let Err(e) = fs::rename(&tmp, dest) {
        let _ = fs::remove_file(&tmp);
        return Err(e.into());
    }
    atomic::sync_dir(&dir)?;
    Ok(())
}
