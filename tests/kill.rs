//! `pbgdpl build` killed with SIGKILL (no clean-up code runs) at random
//! points — while loading, while writing its staging folder, right after
//! swapping it in — never loses the previous output: what is served is
//! always one whole build, the old or the new, and the next build leaves
//! nothing behind. 20 kills here; `PBGDPL_KILLS=100` for the long run of
//! docs/testing.md (`PBGDPL_KILL_SEED` replays a run).

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Child;
use std::time::{Duration, Instant};

use support::*;

/// A small deterministic random generator (xorshift), seeded per run.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// Where in a build a kill lands.
#[derive(Debug, Clone, Copy)]
enum KillPoint {
    /// This many milliseconds after the start (loading, checking).
    Early(u64),
    /// Once the staging folder holds this many files (rendering).
    Writing(usize),
    /// As soon as the staging folder is gone: swapped in, its old
    /// output not yet removed.
    Swapped,
}

/// The staging folders of builds of `out` (not the file of its keys).
fn staging(out: &Path) -> Vec<std::path::PathBuf> {
    let name = out.file_name().unwrap().to_string_lossy();
    std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(&format!(".{name}.pbgdpl-"))
        })
        .map(|e| e.path())
        .collect()
}

fn files_in(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .count()
}

fn start_build(root: &Path, out: &Path) -> Child {
    command()
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the binary runs")
}

/// Kills `child` at `point` (`swapped_page` is a page of the new output,
/// to see when it is in place); true when it was still running then.
fn kill_at(mut child: Child, out: &Path, point: KillPoint, swapped_page: &[u8]) -> bool {
    let started = Instant::now();
    let page = out.join("tin-tuc/ba/index.html");
    loop {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        let due = match point {
            KillPoint::Early(ms) => started.elapsed() >= Duration::from_millis(ms),
            KillPoint::Writing(n) => staging(out).iter().any(|d| files_in(d) >= n),
            // The old output is now in the staging folder, being removed.
            KillPoint::Swapped => std::fs::read(&page).is_ok_and(|p| p == swapped_page),
        };
        if due {
            let running = child.try_wait().unwrap().is_none();
            child.kill().unwrap();
            child.wait().unwrap();
            return running;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// The two versions of the site the builds alternate between, and the
/// output each gives.
fn versions(root: &Path, scratch: &Path) -> [(String, BTreeMap<String, Vec<u8>>); 2] {
    let entry = root.join("content/tin-tuc/ba.md");
    let original = std::fs::read_to_string(&entry).unwrap();
    let edited = format!("{original}\n\nĐoạn thêm khi sửa bài.\n");
    let out = |text: &str, name: &str| {
        std::fs::write(&entry, text).unwrap();
        let dir = scratch.join(name);
        build(root, &dir);
        // A second build over the first: the same (previous snapshots
        // must not make outputs drift).
        build(root, &dir);
        read_tree(&dir)
    };
    let a = out(&original, "a");
    let b = out(&edited, "b");
    assert_ne!(a, b);
    [(original, a), (edited, b)]
}

#[test]
fn killed_builds_never_lose_the_previous_output() {
    let kills: usize = std::env::var("PBGDPL_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let seed = std::env::var("PBGDPL_KILL_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("{kills} kills, PBGDPL_KILL_SEED={seed}");
    let mut random = Random(seed);

    let (tmp, root) = temp_site("minimal");
    let scratch = tempfile::tempdir().unwrap();
    let versions = versions(&root, scratch.path());
    let entry = root.join("content/tin-tuc/ba.md");
    let out = tmp.path().join("public");
    std::fs::write(&entry, &versions[0].0).unwrap();
    build(&root, &out);
    let files = versions[0].1.len();

    let (mut interrupted, mut current) = (0, 0);
    for kill in 0..kills {
        let next = 1 - current;
        std::fs::write(&entry, &versions[next].0).unwrap();
        let point = match random.below(files as u64 + 8) {
            n @ 0..3 => KillPoint::Early(n * 150),
            n if (n as usize) < files + 5 => KillPoint::Writing(n as usize - 3),
            _ => KillPoint::Swapped,
        };
        let page = &versions[next].1["tin-tuc/ba/index.html"];
        let running = kill_at(start_build(&root, &out), &out, point, page);
        interrupted += usize::from(running);

        // What is served now is one whole build, the old or the new.
        let served = read_tree(&out);
        let whole = served == versions[current].1 || served == versions[next].1;
        assert!(
            whole,
            "kill {kill} at {point:?} (seed {seed}): the output is not a whole build \
             ({} files; the builds have {} and {})",
            served.len(),
            versions[current].1.len(),
            versions[next].1.len()
        );

        // The next build finishes, and leaves nothing beside the output.
        build(&root, &out);
        assert_eq!(read_tree(&out), versions[next].1, "kill {kill}: rebuilt");
        // Beside it: the site, the keys of the output's files (which
        // files the next build may keep) and its rendered bodies, nothing
        // else.
        let mut beside: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name != ".public.pbgdpl-keys" && name != ".public.pbgdpl-bodies")
            .collect();
        beside.sort();
        assert_eq!(
            beside,
            ["public", "site"],
            "kill {kill} at {point:?} (seed {seed}): left beside the output"
        );
        current = next;
    }
    eprintln!("{interrupted} of {kills} builds were killed while running");
    assert!(interrupted > 0, "no kill landed in a running build");
}
