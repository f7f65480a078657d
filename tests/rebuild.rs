//! `pbgdpl build` into a directory it built before keeps the files whose
//! inputs did not change, and the result is byte-for-byte a fresh build.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use pbgdpl::{BuildOptions, BuildReport};

fn options() -> BuildOptions {
    BuildOptions {
        today: NaiveDate::from_ymd_opt(2026, 11, 22),
        ..BuildOptions::default()
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn kept(report: &BuildReport) -> usize {
    report.by_renderer.iter().map(|r| r.kept).sum()
}

/// The site, an output directory it was built into, and a fresh build of
/// the same site into another directory.
fn site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    copy_dir(&fixtures, &tmp.path().join("site"));
    tmp
}

fn assert_same_as_fresh(tmp: &Path) {
    let fresh = tmp.join("fresh");
    let _ = std::fs::remove_dir_all(&fresh);
    // Nothing kept from an earlier fresh build either.
    let _ = std::fs::remove_file(pbgdpl::incremental::StoredMemo::file_for(&fresh, "bodies"));
    pbgdpl::build(&tmp.join("site"), Some(&fresh), &options()).unwrap();
    // The keys file of the fresh build sits beside it, not inside.
    assert_eq!(files(&tmp.join("out")), files(&fresh));
}

#[test]
fn a_second_build_keeps_everything_and_an_edit_rebuilds_what_it_changes() {
    let tmp = site();
    let (root, out) = (tmp.path().join("site"), tmp.path().join("out"));
    let first = pbgdpl::build(&root, Some(&out), &options()).unwrap();
    assert_eq!(kept(&first), 0, "nothing to keep the first time");
    let keys = pbgdpl::incremental::OutputKeys::file_for(&out);
    assert!(keys.is_file(), "the keys are kept beside the output");
    assert!(!out.join(keys.file_name().unwrap()).exists());

    let second = pbgdpl::build(&root, Some(&out), &options()).unwrap();
    assert_eq!(
        kept(&second),
        second.files,
        "a no-op build keeps every file"
    );
    assert_same_as_fresh(tmp.path());

    // A body edit: the entry's page and the whole-site files change.
    let entry = walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .find(|e| e.path().extension().is_some_and(|x| x == "md") && e.file_name() != "_index.md")
        .unwrap()
        .into_path();
    let text = std::fs::read_to_string(&entry).unwrap();
    std::fs::write(&entry, format!("{text}\nMột đoạn mới.\n")).unwrap();
    let third = pbgdpl::build(&root, Some(&out), &options()).unwrap();
    assert!(kept(&third) > 0 && kept(&third) < third.files);
    assert_same_as_fresh(tmp.path());

    // Another day: every page may differ (publication windows).
    let later = BuildOptions {
        today: NaiveDate::from_ymd_opt(2027, 1, 5),
        ..BuildOptions::default()
    };
    let fourth = pbgdpl::build(&root, Some(&out), &later).unwrap();
    let fresh = tmp.path().join("fresh-later");
    pbgdpl::build(&root, Some(&fresh), &later).unwrap();
    assert!(kept(&fourth) < fourth.files);
    assert_eq!(files(&out), files(&fresh));
}

#[test]
fn files_removed_from_the_output_by_hand_are_made_again() {
    let tmp = site();
    let (root, out) = (tmp.path().join("site"), tmp.path().join("out"));
    pbgdpl::build(&root, Some(&out), &options()).unwrap();
    std::fs::remove_file(out.join("index.html")).unwrap();
    pbgdpl::build(&root, Some(&out), &options()).unwrap();
    assert_same_as_fresh(tmp.path());
}

#[test]
fn files_changed_by_hand_in_the_output_are_made_again_even_at_the_same_size() {
    let tmp = site();
    let (root, out) = (tmp.path().join("site"), tmp.path().join("out"));
    pbgdpl::build(&root, Some(&out), &options()).unwrap();
    // Another program rewrites pages in place, keeping their size: the
    // keys file says nothing changed, the files do.
    for page in ["index.html", "sitemap.xml"] {
        let mut bytes = std::fs::read(out.join(page)).unwrap();
        bytes.reverse();
        std::fs::write(out.join(page), bytes).unwrap();
    }
    let again = pbgdpl::build(&root, Some(&out), &options()).unwrap();
    assert_eq!(kept(&again), again.files - 2);
    assert_same_as_fresh(tmp.path());
}

#[test]
fn a_failed_build_keeps_the_output_and_its_keys_usable() {
    let tmp = site();
    let (root, out) = (tmp.path().join("site"), tmp.path().join("out"));
    pbgdpl::build(&root, Some(&out), &options()).unwrap();
    let before = files(&out);
    let broken = root.join("content/tin-tuc/hong.md");
    std::fs::create_dir_all(broken.parent().unwrap()).unwrap();
    std::fs::write(&broken, "+++\ntitle = \"x\"\ndate = 2026-13-45\n+++\n").unwrap();
    assert!(pbgdpl::build(&root, Some(&out), &options()).is_err());
    assert_eq!(
        files(&out),
        before,
        "the failed build left the output alone"
    );
    std::fs::remove_file(&broken).unwrap();
    let again = pbgdpl::build(&root, Some(&out), &options()).unwrap();
    assert_eq!(kept(&again), again.files);
    assert_same_as_fresh(tmp.path());
}

#[test]
fn a_placeholder_is_still_reported_at_its_place_by_a_no_op_build() {
    let tmp = site();
    let (root, out) = (tmp.path().join("site"), tmp.path().join("out"));
    let entry = root.join("content/tin-tuc/mau-con-sot.md");
    let text = "+++\ntitle = \"Tin còn sót chữ mẫu\"\ndate = 2026-01-02\n+++\n\nĐoạn đầu.\n\n  Nội dung bài viết, soạn bằng Markdown.\n";
    std::fs::write(&entry, text).unwrap();
    let at = "content/tin-tuc/mau-con-sot.md:8:3";
    for build in ["first", "no-op"] {
        let report = pbgdpl::build(&root, Some(&out), &options()).unwrap();
        let warnings = report.warnings.render(false);
        assert_eq!(warnings.matches(at).count(), 1, "{build}: {warnings}");
        if build == "no-op" {
            assert_eq!(kept(&report), report.files);
        }
    }
    // The fix: the warning goes, though nothing else changed.
    std::fs::write(
        &entry,
        text.replace("  Nội dung bài viết, soạn bằng Markdown.", "Nội dung thật."),
    )
    .unwrap();
    let report = pbgdpl::build(&root, Some(&out), &options()).unwrap();
    assert!(!report.warnings.render(false).contains("mau-con-sot.md"));
    assert_same_as_fresh(tmp.path());
}

#[cfg(unix)]
#[test]
fn a_no_op_build_leaves_the_previous_output_where_it_is() {
    use std::os::unix::fs::MetadataExt;
    let tmp = site();
    let (root, out) = (tmp.path().join("site"), tmp.path().join("out"));
    pbgdpl::build(&root, Some(&out), &options()).unwrap();
    let inode = |p: &Path| std::fs::metadata(p).unwrap().ino();
    let before = (inode(&out), inode(&out.join("index.html")));
    let again = pbgdpl::build(&root, Some(&out), &options()).unwrap();
    assert_eq!(kept(&again), again.files);
    assert_eq!(
        (inode(&out), inode(&out.join("index.html"))),
        before,
        "nothing was moved, linked or swapped"
    );
    assert_same_as_fresh(tmp.path());

    // A file or a folder put into the output by hand: the next build
    // swaps in an output without them, as a fresh build would be.
    std::fs::write(out.join("ghi-chu.txt"), "x").unwrap();
    std::fs::create_dir(out.join("thu-muc-rong")).unwrap();
    pbgdpl::build(&root, Some(&out), &options()).unwrap();
    assert_ne!(inode(&out), before.0);
    assert!(!out.join("ghi-chu.txt").exists() && !out.join("thu-muc-rong").exists());
    assert_same_as_fresh(tmp.path());
}

#[cfg(unix)]
#[test]
fn what_is_put_into_or_taken_from_a_folder_of_the_output_by_hand_is_noticed() {
    let tmp = site();
    let (root, out) = (tmp.path().join("site"), tmp.path().join("out"));
    pbgdpl::build(&root, Some(&out), &options()).unwrap();
    // A no-op may leave the keys file as it was (they still describe the
    // output); what is changed by hand after it must still be noticed.
    let again = pbgdpl::build(&root, Some(&out), &options()).unwrap();
    assert_eq!(kept(&again), again.files);
    // Deep in the output, after that no-op: a stray file, an empty
    // folder, a file renamed, each on its own.
    let page = files(&out)
        .into_keys()
        .find(|p| p.matches('/').count() >= 2 && p.ends_with("/index.html"))
        .unwrap();
    let folder = out.join(page.rsplit_once('/').unwrap().0);
    let edits: [(&str, &dyn Fn()); 3] = [
        ("stray file", &|| {
            std::fs::write(folder.join("ghi-chu.txt"), "x").unwrap()
        }),
        ("empty folder", &|| {
            std::fs::create_dir(folder.join("rong")).unwrap()
        }),
        ("renamed", &|| {
            std::fs::rename(folder.join("index.html"), folder.join("index.htm")).unwrap()
        }),
    ];
    for (what, edit) in edits {
        edit();
        pbgdpl::build(&root, Some(&out), &options()).unwrap();
        assert_same_as_fresh(tmp.path());
        let again = pbgdpl::build(&root, Some(&out), &options()).unwrap();
        assert_eq!(kept(&again), again.files, "{what}");
    }
}

#[test]
fn bodies_kept_beside_the_output_are_used_only_for_the_same_text_and_address() {
    let tmp = site();
    let (root, out) = (tmp.path().join("site"), tmp.path().join("out"));
    pbgdpl::build(&root, Some(&out), &options()).unwrap();
    let bodies = pbgdpl::incremental::StoredMemo::file_for(&out, "bodies");
    assert!(
        bodies.is_file(),
        "the rendered bodies are kept beside the output"
    );
    assert!(!pbgdpl::incremental::StoredMemo::load(&bodies).is_empty());

    // Another address: every link in every body changes.
    let moved = BuildOptions {
        base_url: Some("https://example.gov.vn/pbgdpl/".into()),
        ..options()
    };
    pbgdpl::build(&root, Some(&out), &moved).unwrap();
    let fresh = tmp.path().join("fresh-moved");
    pbgdpl::build(&root, Some(&fresh), &moved).unwrap();
    assert_eq!(files(&out), files(&fresh));

    // Back, with the kept bodies damaged: they are ignored.
    let mut bytes = std::fs::read(&bodies).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&bodies, bytes).unwrap();
    pbgdpl::build(&root, Some(&out), &options()).unwrap();
    assert_same_as_fresh(tmp.path());

    // Every body edited the same way, so a stale body anywhere shows.
    for entry in walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
    {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        std::fs::write(entry.path(), format!("{text}\nĐoạn thêm [trang chủ](/).\n")).unwrap();
    }
    pbgdpl::build(&root, Some(&out), &options()).unwrap();
    assert_same_as_fresh(tmp.path());
}
