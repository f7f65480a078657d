//! Where the output goes and what stops writing it: a file in its place,
//! the site itself, a folder pbgdpl did not write, no permission, an
//! unreadable source, a full disk, another build at work.

use std::process::Command;

use crate::harness::{Case, NOBODY, is_root, open_to_everyone};

#[test]
fn output_is_a_file() {
    let mut c = Case::new();
    std::fs::remove_dir_all(&c.out).unwrap();
    c.out = c.dir.join("public.html");
    std::fs::write(&c.out, "<p>trang của cổng</p>").unwrap();
    c.fails("output-is-a-file", 2, false);
}

#[test]
fn output_is_the_site_itself() {
    let mut c = Case::new();
    c.out = c.root.clone();
    c.fails("output-is-the-site", 2, false);
}

#[test]
fn output_holds_the_site() {
    let mut c = Case::new();
    c.out = c.dir.clone();
    c.fails("output-holds-the-site", 2, false);
}

#[test]
fn output_inside_content() {
    let mut c = Case::new();
    c.out = c.root.join("content/tin-tuc/ban-dung");
    c.fails("output-inside-content", 2, false);
}

#[test]
fn output_folder_not_written_by_pbgdpl() {
    let mut c = Case::new();
    c.out = c.dir.join("tai-lieu-ca-nhan");
    std::fs::create_dir(&c.out).unwrap();
    std::fs::write(c.out.join("bao-cao.docx"), "PK…").unwrap();
    c.fails("output-not-written-by-pbgdpl", 2, false);
}

#[test]
fn another_build_is_writing() {
    let c = Case::new();
    // Holds the lock a build takes (on the folder holding the output).
    let holder = std::fs::File::open(&c.dir).unwrap();
    holder.lock().unwrap();
    c.fails("another-build-is-writing", 2, false);
}

/// Root ignores permissions: as root, the case runs the binary as
/// `nobody` (setpriv), with the case's files open to it.
fn as_unprivileged(c: &mut Case) {
    if is_root() {
        open_to_everyone(c);
        c.user = Some(NOBODY);
    }
}

#[test]
fn unreadable_entry() {
    let mut c = Case::new();
    let path = c.entry("khoa", "Nội dung.\n");
    as_unprivileged(&mut c);
    let status = Command::new("chmod")
        .arg("000")
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    c.fails("unreadable-entry", 1, true);
}

#[test]
fn output_folder_not_writable() {
    let mut c = Case::new();
    as_unprivileged(&mut c);
    // Neither the output nor the folder holding it can be written.
    for dir in [&c.out, &c.dir] {
        let status = Command::new("chmod").arg("555").arg(dir).status().unwrap();
        assert!(status.success());
    }
    let dir = c.dir.clone();
    let restore = scopeguard(move || {
        let _ = Command::new("chmod").arg("755").arg(&dir).status();
    });
    c.fails("output-not-writable", 2, false);
    // The folder is writable again before the case removes it.
    drop(restore);
    drop(c);
}

/// Runs `f` when dropped (even when the case fails), so the temporary
/// folder can be removed.
fn scopeguard(f: impl FnOnce()) -> impl Drop {
    struct Guard<F: FnOnce()>(Option<F>);
    impl<F: FnOnce()> Drop for Guard<F> {
        fn drop(&mut self) {
            if let Some(f) = self.0.take() {
                f();
            }
        }
    }
    Guard(Some(f))
}

/// A small file system of its own (tmpfs) for the output, if this machine
/// lets the tests mount one (root in a VM or a privileged container; many
/// CI runners do not).
struct Mount(std::path::PathBuf);

impl Mount {
    fn new(at: &std::path::Path, bytes: u64) -> Option<Self> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Self(at.to_path_buf()))
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn full_disk() {
    let mut c = Case::new();
    let size: u64 = support_size(&c.out);
    // Room for the previous output and a little more: not for a second one.
    let disk = c.dir.join("disk");
    let Some(mount) = Mount::new(&disk, size + size / 2) else {
        eprintln!(
            "full_disk: NOT TESTED on this machine: it does not allow mounting a tmpfs \
             (see docs/testing.md)"
        );
        return;
    };
    let out = disk.join("public");
    crate::support::copy_dir(&c.out, &out);
    std::fs::remove_dir_all(&c.out).unwrap();
    c.out = out;
    c.beside = disk;
    c.fails("full-disk", 2, false);
    drop(mount);
}

/// Bytes of the files under `dir`.
fn support_size(dir: &std::path::Path) -> u64 {
    crate::support::read_tree(dir)
        .values()
        .map(|b| b.len() as u64 + 512)
        .sum()
}
