//! Schedules that go live (issue 11, item 6): `publish_date` and
//! `expiry_date` count to the minute, in Vietnam time when no offset is
//! given; `--today` takes a date or a date-time; `build` and `check` name
//! the entries held back and when the next goes live.

mod support;

use std::path::Path;

use support::*;

const SCHEDULED: &str = "+++\nid = \"tin-tuc/hen-gio\"\ntitle = \"Thông báo hẹn giờ\"\ndate = 2026-12-07\npublish_date = 2026-12-07T08:00:00+07:00\n+++\n\nNội dung.\n";
const EXPIRING: &str = "+++\nid = \"tin-tuc/het-han\"\ntitle = \"Giấy mời hết hạn\"\ndate = 2026-12-01\nexpiry_date = 2026-12-07T17:30:00\n+++\n\nNội dung.\n";

fn site() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = temp_site("minimal");
    write(&root.join("content/tin-tuc/hen-gio.md"), SCHEDULED);
    write(&root.join("content/tin-tuc/het-han.md"), EXPIRING);
    (tmp, root)
}

fn published(root: &Path, out: &Path, now: &str) -> (bool, bool) {
    let o = pbgdpl(&[
        "build",
        "--quiet",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--today",
        now,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    (
        out.join("tin-tuc/hen-gio/index.html").is_file(),
        out.join("tin-tuc/het-han/index.html").is_file(),
    )
}

#[test]
fn the_time_of_day_counts() {
    let (tmp, root) = site();
    let out = tmp.path().join("public");
    // A minute before 08:00 in Vietnam the entry waits; at 08:00 it is out.
    assert_eq!(
        published(&root, &out, "2026-12-07T07:59:00+07:00"),
        (false, true)
    );
    assert_eq!(
        published(&root, &out, "2026-12-07T08:00:00+07:00"),
        (true, true)
    );
    // The same instant written in UTC.
    assert_eq!(
        published(&root, &out, "2026-12-07T00:59:00Z"),
        (false, true)
    );
    // A time without offset is Vietnam time (the expiry is 17:30 there).
    assert_eq!(published(&root, &out, "2026-12-07T17:29"), (true, true));
    assert_eq!(published(&root, &out, "2026-12-07T17:30"), (true, false));
    // A date alone is the whole day, as before: due that day, published.
    assert_eq!(published(&root, &out, "2026-12-07"), (true, false));
    assert_eq!(published(&root, &out, "2026-12-06"), (false, true));
}

#[test]
fn check_and_build_name_the_entries_held_back() {
    let (_tmp, root) = site();
    golden_in_both("schedule/check", "stderr", |lang| {
        let o = pbgdpl_in(
            lang,
            &[
                "check",
                "--root",
                root.to_str().unwrap(),
                "--today",
                "2026-12-07T07:00:00+07:00",
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        stderr(&o)
    });
    let o = command()
        .args(["build", "--root", root.to_str().unwrap()])
        .env("PBGDPL_TODAY", "2026-12-06T20:00:00+07:00")
        .output()
        .unwrap();
    let err = stderr(&o);
    assert!(
        err.contains("1 bài hẹn đăng lúc 08:00 ngày 07/12/2026"),
        "{err}"
    );
    assert!(err.contains("content/tin-tuc/hen-gio.md"), "{err}");
}
