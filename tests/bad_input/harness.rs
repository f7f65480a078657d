//! Running one case: a copy of the minimal fixture with a previous output
//! beside it, broken by the case, then built in each language.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::support::{self, Lang};

/// How long a build may take before the case fails as hanging (a build
/// that waits forever is a defect too). Generous: CI machines are busy.
const HANG: Duration = Duration::from_secs(600);

/// A site to break: `dir/site` (the minimal fixture) and `dir/public`, a
/// previous output.
pub struct Case {
    _tmp: tempfile::TempDir,
    /// The temporary directory holding both.
    pub dir: PathBuf,
    /// The site's root.
    pub root: PathBuf,
    /// Its output directory, holding a previous build.
    pub out: PathBuf,
    /// Extra arguments of `build`.
    pub args: Vec<String>,
    /// Run the binary as this user (`setpriv`), for permission cases.
    pub user: Option<u32>,
    /// The folder whose listing a failed build must leave as it was (no
    /// staging folder left): the one holding the output.
    pub beside: PathBuf,
}

/// The output every case starts from: the minimal fixture built once.
fn previous_output() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-input-previous");
        let _ = std::fs::remove_dir_all(&dir);
        let out = dir.join("public");
        support::build(&support::fixture("minimal"), &out);
        out
    })
}

impl Case {
    /// A fresh case.
    pub fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let root = dir.join("site");
        support::copy_dir(&support::fixture("minimal"), &root);
        let out = dir.join("public");
        support::copy_dir(previous_output(), &out);
        Self {
            _tmp: tmp,
            root,
            out,
            args: Vec::new(),
            user: None,
            beside: dir.clone(),
            dir,
        }
    }

    /// Writes a file of the site (creating its folder).
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// An entry of `tin-tuc` with a valid front matter and `body`.
    pub fn entry(&self, name: &str, body: &str) -> PathBuf {
        self.write(
            &format!("content/tin-tuc/{name}.md"),
            format!("+++\ntitle = \"Tin\"\ndate = 2026-01-01\n+++\n{body}"),
        )
    }

    /// The text of the site's `site.toml`.
    pub fn site_toml(&self) -> String {
        std::fs::read_to_string(self.root.join("site.toml")).unwrap()
    }

    /// Runs `pbgdpl build` with messages in `lang`; stderr with the
    /// temporary directory written `<tmp>`.
    pub fn build(&self, lang: Lang) -> (Option<i32>, String) {
        let mut args = vec![
            "build".to_string(),
            "--root".into(),
            self.root.display().to_string(),
            "--out".into(),
            self.out.display().to_string(),
        ];
        args.extend(self.args.iter().cloned());
        let mut cmd = match self.user {
            Some(uid) => {
                let mut c = Command::new("setpriv");
                c.args([
                    &format!("--reuid={uid}"),
                    &format!("--regid={uid}"),
                    "--clear-groups",
                    "--",
                    env!("CARGO_BIN_EXE_pbgdpl"),
                ]);
                let template = support::command();
                for (k, v) in template.get_envs() {
                    match v {
                        Some(v) => c.env(k, v),
                        None => c.env_remove(k),
                    };
                }
                c
            }
            None => support::command(),
        };
        cmd.args(&args).env("PBGDPL_LANG", lang.code());
        let o = run_bounded(cmd);
        let err =
            String::from_utf8_lossy(&o.stderr).replace(&self.dir.display().to_string(), "<tmp>");
        (o.status.code(), err)
    }

    /// Every file of the output, and what else is beside the site.
    fn snapshot(&self) -> (BTreeMap<String, Vec<u8>>, Vec<String>) {
        let tree = if self.out.is_dir() {
            support::read_tree(&self.out)
        } else {
            std::fs::read(&self.out)
                .map(|b| BTreeMap::from([(String::new(), b)]))
                .unwrap_or_default()
        };
        let mut beside: Vec<String> = std::fs::read_dir(&self.beside)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        beside.sort();
        (tree, beside)
    }

    /// The build fails with `status` in both languages, its diagnostics are
    /// the golden ones, each says what to do and, with `position`, names
    /// file:line:column; the previous output is untouched and nothing is
    /// left beside it.
    pub fn fails(&self, name: &str, status: i32, position: bool) {
        let before = self.snapshot();
        support::golden_in_both(&format!("bad-input/{name}"), "stderr", |lang| {
            let (code, err) = self.build(lang);
            assert_eq!(code, Some(status), "{name} ({lang:?}):\n{err}");
            assert_says_what_to_do(name, lang, &err, position);
            err
        });
        let after = self.snapshot();
        assert_eq!(
            before.1, after.1,
            "{name}: nothing is left beside the output"
        );
        assert!(
            before.0 == after.0,
            "{name}: the previous output is untouched"
        );
    }

    /// The input is accepted: the build succeeds, without errors; returns
    /// the output directory for the case to look into.
    pub fn builds(&self, name: &str) -> &Path {
        let (code, err) = self.build(Lang::En);
        assert_eq!(code, Some(0), "{name} must build:\n{err}");
        assert!(!err.contains("error"), "{name}:\n{err}");
        &self.out
    }
}

/// Every diagnostic has a help line (what to do); with `position`, the
/// first one names file:line:column.
fn assert_says_what_to_do(name: &str, lang: Lang, err: &str, position: bool) {
    let help = match lang {
        Lang::Vi => "gợi ý:",
        Lang::En => "help:",
    };
    let labels = match lang {
        Lang::Vi => ["lỗi:", "cảnh báo:"],
        Lang::En => ["error:", "warning:"],
    };
    // A long line of the input is shown cut, never whole.
    assert!(
        err.lines().all(|l| l.chars().count() <= 400),
        "{name} ({lang:?}): a line of the diagnostics is too long"
    );
    // Each diagnostic is a paragraph; the last line is the summary.
    let paragraphs: Vec<&str> = err.split("\n\n").filter(|p| !p.trim().is_empty()).collect();
    for p in &paragraphs {
        let is_summary = p.lines().count() == 1 && paragraphs.len() > 1;
        if labels.iter().any(|l| p.starts_with(l)) && !is_summary {
            assert!(p.contains(help), "{name} ({lang:?}): no help in\n{p}");
        }
    }
    if position {
        let has = err.lines().any(|l| {
            let Some(at) = l.trim_start().strip_prefix("--> ") else {
                return false;
            };
            let mut parts = at.rsplitn(3, ':');
            let col = parts.next().unwrap_or("");
            let line = parts.next().unwrap_or("");
            col.parse::<usize>().is_ok_and(|c| c > 0) && line.parse::<usize>().is_ok_and(|l| l > 0)
        });
        assert!(has, "{name} ({lang:?}): no file:line:column in\n{err}");
    }
}

/// Runs a command to its end, or kills it after [`HANG`] and fails.
fn run_bounded(mut cmd: Command) -> Output {
    let child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let id = child.id();
    let started = Instant::now();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    loop {
        match rx.recv_timeout(Duration::from_secs(1)) {
            Ok(o) => return o.unwrap(),
            Err(_) if started.elapsed() > HANG => {
                let _ = Command::new("kill").args(["-9", &id.to_string()]).status();
                panic!("the build did not end in {HANG:?}: it hangs");
            }
            Err(_) => {}
        }
    }
}

/// Whether this process runs as root (permissions do not stop root: the
/// permission cases then run the binary as `nobody`).
pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// The user `nobody`'s id.
pub const NOBODY: u32 = 65534;

/// Makes the case's files readable and its folder writable by anyone, for a
/// run as `nobody`.
pub fn open_to_everyone(case: &Case) {
    let status = Command::new("chmod")
        .args(["-R", "a+rwX"])
        .arg(&case.dir)
        .status()
        .unwrap();
    assert!(status.success());
}
