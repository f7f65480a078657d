//! Paths that leave the site or lead nowhere: symbolic links (loops, out of
//! the site, dead), pipes, links and attachments climbing out with `..`.

use std::os::unix::fs::symlink;

use crate::harness::Case;

/// A file outside the site (beside it), which must never be published.
fn secret(c: &Case) -> std::path::PathBuf {
    let path = c.dir.join("secret.txt");
    std::fs::write(&path, "mật khẩu").unwrap();
    path
}

#[test]
fn symbolic_link_loop() {
    let c = Case::new();
    symlink("vong.md", c.root.join("content/tin-tuc/vong.md")).unwrap();
    c.fails("symlink-loop", 1, true);
}

#[test]
fn symbolic_links_to_folders_in_a_loop() {
    let c = Case::new();
    let dir = c.root.join("content/tin-tuc/anh-hoi-nghi");
    c.write(
        "content/tin-tuc/anh-hoi-nghi/index.md",
        "+++\ntitle = \"Ảnh\"\ndate = 2026-01-01\n+++\n",
    );
    symlink("..", dir.join("len")).unwrap();
    symlink(".", dir.join("day")).unwrap();
    // Links to folders of the site are not followed: the bundle builds.
    let out = c.builds("symlink-folder-loop");
    assert!(out.join("tin-tuc/anh-hoi-nghi/index.html").is_file());
    assert!(!out.join("tin-tuc/anh-hoi-nghi/len").exists());
}

#[test]
fn static_file_linked_from_outside_the_site() {
    let c = Case::new();
    std::fs::create_dir_all(c.root.join("static")).unwrap();
    symlink(secret(&c), c.root.join("static/mat-khau.txt")).unwrap();
    c.fails("symlink-outside-static", 1, true);
}

#[test]
fn static_folder_linked_from_outside_the_site() {
    let c = Case::new();
    secret(&c);
    std::fs::create_dir_all(c.root.join("static")).unwrap();
    symlink(&c.dir, c.root.join("static/ca-may")).unwrap();
    c.fails("symlink-outside-folder", 1, false);
}

#[test]
fn entry_linked_from_outside_the_site() {
    let c = Case::new();
    let outside = c.dir.join("bai.md");
    std::fs::write(&outside, "+++\ntitle = \"Ngoài\"\ndate = 2026-01-01\n+++\n").unwrap();
    symlink(&outside, c.root.join("content/tin-tuc/bai.md")).unwrap();
    c.fails("symlink-outside-entry", 1, true);
}

#[test]
fn dead_symbolic_link() {
    let c = Case::new();
    symlink("da-xoa.md", c.root.join("content/tin-tuc/bai.md")).unwrap();
    c.fails("symlink-dead", 1, true);
}

#[test]
fn a_named_pipe_does_not_hang_the_build() {
    let c = Case::new();
    let pipe = c.root.join("content/tin-tuc/ong.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    c.fails("named-pipe", 1, true);
}

#[test]
fn link_climbing_out_of_the_site() {
    let c = Case::new();
    c.entry(
        "a",
        "Xem [mật khẩu](../../../../../etc/passwd) và [tệp](/../../secret.txt).\n",
    );
    c.fails("link-out-of-the-site", 1, true);
}

#[test]
fn attachment_climbing_out_of_its_bundle() {
    let c = Case::new();
    secret(&c);
    c.write(
        "content/van-ban-moi/nd-1/index.md",
        "+++\ntitle = \"Nghị định\"\ndate = 2026-03-01\nnumber = \"1/2026/NĐ-CP\"\ndocument_type = \"Nghị định\"\nissuer = \"Chính phủ\"\nissue_date = 2026-01-05\n\n[[attachments]]\nfile = \"../../../../secret.txt\"\n+++\n",
    );
    c.write("content/van-ban-moi/nd-1/toan-van.pdf", "%PDF-1.4");
    c.fails("attachment-out-of-its-bundle", 1, true);
}
