//! `pbgdpl aggregate` killed with SIGKILL at random moments — while it
//! reads the agencies, writes its state, builds the hub or swaps it in —
//! never leaves a broken hub: after every kill the output is, byte for
//! byte, either the hub that was there before or the complete new one, and
//! the next run works and removes what the killed one left (its staging
//! directory, half-written state files).
//!
//! 20 kills by default; `PBGDPL_KILL_RUNS=100` for the long run of
//! docs/testing.md, `PBGDPL_KILL_SEED=<n>` to replay a sequence of kill
//! moments (the seed is printed).

mod hub_support;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use hub_support::{Agency, hub_toml, source_toml, tree};

const T1: &str = "2026-11-22T08:00:00+07:00";
const T2: &str = "2026-11-22T09:00:00+07:00";

fn start(dir: &Path, now: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_pbgdpl"))
        .args(["aggregate", "--out", "hub", "--force", "--now", now])
        .current_dir(dir)
        .env_remove("PBGDPL_NOW")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn finish(dir: &Path, now: &str) -> BTreeMap<String, Vec<u8>> {
    let o = start(dir, now).wait_with_output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    tree(&dir.join("hub"))
}

/// A small deterministic generator (xorshift64*), seeded per run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }
}

/// What a killed run may leave beside the output or in the state.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with(".hub.pbgdpl-new-") || name.starts_with(".hub.pbgdpl-old-") {
            out.push(name);
        }
    }
    for e in walkdir::WalkDir::new(dir.join(".hub.pbgdpl-aggregate")) {
        let e = e.unwrap();
        if e.file_name().to_string_lossy().starts_with(".tmp") {
            out.push(e.path().display().to_string());
        }
    }
    out
}

#[test]
fn a_killed_aggregate_never_leaves_a_broken_hub() {
    let runs: usize = std::env::var("PBGDPL_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let seed: u64 = std::env::var("PBGDPL_KILL_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
                | 1
        });
    eprintln!("kill moments: PBGDPL_KILL_SEED={seed}");
    let mut rng = Rng(seed);

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let agencies: Vec<Agency> = (1..=4).map(|i| Agency::generate(dir, i)).collect();
    std::thread::scope(|s| {
        for a in &agencies {
            s.spawn(move || a.build());
        }
    });
    let mut sources = hub_toml(5);
    for a in &agencies {
        sources.push_str(&source_toml(
            &a.id,
            &a.name,
            &format!("{}/", a.out.display()),
        ));
    }
    std::fs::write(dir.join("sources.toml"), sources).unwrap();

    // The two hubs a run can write: at T1 and at T2 (the status page
    // says when it was built). The same time always writes the same bytes.
    let one = finish(dir, T1);
    let started = Instant::now();
    let two = finish(dir, T2);
    let full = started.elapsed();
    assert!(one != two);
    assert!(finish(dir, T1) == one, "a run at the same time differs");
    let reference = |now: &str| if now == T1 { &one } else { &two };

    let mut previous = one.clone();
    let (mut before, mut after, mut building) = (0, 0, 0);
    for k in 0..runs {
        let now = if k % 2 == 0 { T2 } else { T1 };
        // From a quarter of a run (reading the agencies) to a little past
        // a whole one (building, swapping in, saving the state).
        let span = full.as_micros() as u64;
        let wait = Duration::from_micros(span / 4 + rng.below(span + 1));
        let mut child = start(dir, now);
        std::thread::sleep(wait);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if !leftovers(dir).is_empty() {
            building += 1;
        }
        let hub = tree(&dir.join("hub"));
        if hub == previous {
            before += 1;
        } else if &hub == reference(now) {
            after += 1;
        } else {
            let missing = previous.keys().filter(|p| !hub.contains_key(*p)).count();
            panic!(
                "kill {k} after {wait:?} (PBGDPL_KILL_SEED={seed}) left a hub that is neither the previous one nor the new one ({} files, {missing} missing)",
                hub.len()
            );
        }
        previous = hub;
    }
    eprintln!(
        "{runs} kills: {before} left the previous hub ({building} of them a staging directory or temporary state file), {after} the new one; a whole run takes {full:?}"
    );

    // The next run works, from the state the kills left, and cleans up.
    let last = finish(dir, T1);
    assert!(last == one, "the hub after the kills differs");
    assert_eq!(leftovers(dir), Vec::<String>::new());
}
