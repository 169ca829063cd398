//! A full disk under the data directory.

use std::path::{Path, PathBuf};

use crate::durability::{self, json_list, recovery, run, Ended, Kill};
use crate::{prepared, Prepared, EXIT_FAILURE};

/// A small filesystem for the data directory: a tmpfs when mounting is allowed (root), else a
/// file-size limit on the CLI process (`prlimit`), which makes SQLite's writes fail the same way
/// a full disk does. A test that would silently do nothing fails instead.
enum SmallDisk {
    Tmpfs { mount_point: PathBuf },
    FileSizeLimit { bytes: u64 },
}

impl SmallDisk {
    fn set_up(mount_point: &Path, size: &str) -> Self {
        std::fs::create_dir_all(mount_point).unwrap();
        // WAYMARK_TEST_NO_MOUNT=1 tries the fallback where mounting is allowed.
        let mount = if std::env::var_os("WAYMARK_TEST_NO_MOUNT").is_some() {
            "false"
        } else {
            "mount"
        };
        let mounted = std::process::Command::new(mount)
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(mount_point)
            .output();
        match mounted {
            Ok(out) if out.status.success() => {
                eprintln!("full disk: using a {size} tmpfs");
                SmallDisk::Tmpfs {
                    mount_point: mount_point.to_path_buf(),
                }
            }
            other => {
                let prlimit = std::process::Command::new("prlimit")
                    .arg("--version")
                    .output();
                assert!(
                    prlimit.is_ok_and(|o| o.status.success()),
                    "full disk: cannot mount a tmpfs ({other:?}) and `prlimit` is missing; \
                     run as root or install util-linux"
                );
                eprintln!("full disk: mount refused ({other:?}); using a file-size limit instead");
                SmallDisk::FileSizeLimit { bytes: 64 * 1024 }
            }
        }
    }

    /// The CLI, limited when the disk is simulated by a file-size limit.
    fn cli(&self, p: &Prepared, dir: &Path, args: &[&str]) -> Ended {
        let mut cmd = match self {
            SmallDisk::Tmpfs { .. } => durability::waymark(dir),
            SmallDisk::FileSizeLimit { bytes } => {
                // SIGXFSZ would kill the process; ignored (kept across exec), a write past the
                // limit fails with EFBIG instead, as a write on a full disk fails.
                let cmd = durability::waymark(dir);
                let program = cmd.get_program().to_os_string();
                let args: Vec<_> = cmd.get_args().map(|a| a.to_os_string()).collect();
                let mut limited = std::process::Command::new("prlimit");
                limited
                    .arg(format!("--fsize={bytes}"))
                    .args(["sh", "-c", "trap '' XFSZ; exec \"$0\" \"$@\""])
                    .arg(program)
                    .args(args);
                for (k, v) in cmd.get_envs() {
                    match v {
                        Some(v) => limited.env(k, v),
                        None => limited.env_remove(k),
                    };
                }
                limited
                    .stdin(std::process::Stdio::null())
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped());
                limited
            }
        };
        cmd.env("WAYMARK_RECOVERY_KEY", &p.journal.key).args(args);
        run(cmd, Kill::Never).0
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        if let SmallDisk::Tmpfs { mount_point } = self {
            let _ = std::process::Command::new("umount")
                .arg(mount_point)
                .status();
        }
    }
}

#[test]
fn a_full_disk_fails_clearly_and_loses_nothing_saved() {
    let p = prepared();
    let key = recovery(&p.journal.key);
    let disk = SmallDisk::set_up(&p.journal.scratch().join("small-disk"), "2m");
    let dir = match &disk {
        SmallDisk::Tmpfs { mount_point } => mount_point.join("data"),
        SmallDisk::FileSizeLimit { .. } => p.journal.scratch().join("limited"),
    };
    durability::copy_dir(&p.journal.dir, &dir);
    // Fill the disk but for a little room, then write until a write fails.
    let filler = dir.parent().unwrap().join("filler");
    if let SmallDisk::Tmpfs { .. } = disk {
        let mut file = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0u8; 4096];
        let mut written = 0u64;
        while std::io::Write::write_all(&mut file, &chunk).is_ok() {
            written += chunk.len() as u64;
        }
        drop(file);
        // Leave room for a few entries, so some succeed before the disk is full.
        let room = 160 * 1024;
        std::fs::write(&filler, []).unwrap();
        let keep = written.saturating_sub(room);
        std::fs::write(&filler, vec![0u8; keep as usize]).unwrap();
    }
    let note = "a long note that fills the disk quickly. ".repeat(240);
    let mut saved = Vec::new();
    let mut failure = None;
    for i in 0..200 {
        let marker = format!("full-disk-{i}");
        let args = [
            "craving",
            "add",
            "--intensity",
            "5",
            "--note",
            &note,
            "--doing",
            &marker,
        ];
        match disk.cli(&p, &dir, &args) {
            Ended::Exited {
                code: 0, stdout, ..
            } => saved.push((stdout.trim().to_string(), marker)),
            other => {
                failure = Some(other);
                break;
            }
        }
    }
    let failure = failure.expect("the disk never filled up");
    eprintln!(
        "full disk: {} entries saved before a write failed: {failure:?}",
        saved.len()
    );
    let Ended::Exited {
        code,
        stdout,
        stderr,
    } = &failure
    else {
        panic!("killed?");
    };
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(*code, EXIT_FAILURE, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert_eq!(stderr.lines().count(), 1, "one clear line: {stderr}");
    if let SmallDisk::Tmpfs { .. } = disk {
        let lower = stderr.to_lowercase();
        assert!(
            lower.contains("disk is full") && lower.contains("free some space"),
            "not a clear full-disk message: {stderr}"
        );
        assert!(lower.contains("nothing was changed"), "{stderr}");
    }

    // Space comes back: everything saved is there, whole, and writing works again.
    let _ = std::fs::remove_file(&filler);
    let disk_free_again = SmallDisk::FileSizeLimit { bytes: 1 << 40 };
    let list = |d: &SmallDisk| match d.cli(&p, &dir, &["craving", "list", "--json"]) {
        Ended::Exited {
            code: 0, stdout, ..
        } => json_list(&stdout),
        other => panic!("craving list after freeing space: {other:?}"),
    };
    let check = if matches!(disk, SmallDisk::Tmpfs { .. }) {
        &disk
    } else {
        &disk_free_again
    };
    let cravings = list(check);
    for (id, marker) in &saved {
        let found: Vec<_> = cravings
            .iter()
            .filter(|c| c["activity"] == *marker)
            .collect();
        assert_eq!(found.len(), 1, "{marker} lost");
        assert_eq!(found[0]["id"].to_string(), *id);
        assert_eq!(found[0]["note"], note.trim_end());
    }
    assert_eq!(
        cravings.len(),
        p.cravings.len() + saved.len(),
        "a failed write left a row"
    );
    durability::assert_whole(&dir, &key, "after the disk was full");
    match check.cli(&p, &dir, &["craving", "add", "--intensity", "2"]) {
        Ended::Exited { code: 0, .. } => {}
        other => panic!("writing after space came back: {other:?}"),
    }
    drop(disk);
}
