#!/usr/bin/env bash
# Runs the commands of examples/ci/github-actions.yml and
# examples/ci/gitlab-ci.yml, read from the YAML files themselves, in a
# throw-away copy of the demo section laid out as an agency's repository:
# install (pbgdpl is already on PATH, as with the pipelines' cache), check,
# build, and deploy by rsync to a local directory standing in for the
# agency's web server. Also checks that a broken entry stops the pipeline.
#
# Needs: $PBGDPL_BIN (scripts/test sets it), python3 with PyYAML, rsync.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${PBGDPL_BIN:?set PBGDPL_BIN to the pbgdpl binary}"
export PATH="$(cd "$(dirname "$PBGDPL_BIN")" && pwd):$PATH"
export PBGDPL_TODAY=${PBGDPL_TODAY:-2026-11-22}

python3 - <<'PY'
import filecmp, os, re, shutil, subprocess, sys, tempfile
import yaml

CI = "examples/ci"
STEP = re.compile(r"^bash ci/pbgdpl-ci\.sh (install|check|build|changed|deploy-rsync)$")
failures = []

def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)

def repo(tmp, broken=False):
    """The demo section as an agency repository with ci/pbgdpl-ci.sh."""
    root = os.path.join(tmp, "repo")
    shutil.copytree("content", os.path.join(root, "content"))
    shutil.copy("site.toml", root)
    os.makedirs(os.path.join(root, "ci"))
    shutil.copy(os.path.join(CI, "pbgdpl-ci.sh"), os.path.join(root, "ci"))
    if broken:
        with open(os.path.join(root, "content/tin-tuc/loi.md"), "w") as f:
            f.write('+++\ntitel = "Lỗi"\ndate = 2026-01-02\n+++\n\nx\n')
    return root

def server(tmp):
    """The agency web server's document root, with a stale page in it."""
    target = os.path.join(tmp, "www", "pbgdpl")
    os.makedirs(target)
    with open(os.path.join(target, "trang-cu.html"), "w") as f:
        f.write("stale")
    return target + "/"

def run(cmd, cwd, env, expect_ok=True):
    """Runs one pipeline command as the CI runner would (bash -e)."""
    if not STEP.match(cmd.strip()) and not cmd.startswith(("export PATH=", "apt-get ")):
        fail(f"pipeline command does not go through ci/pbgdpl-ci.sh: {cmd!r}")
    if cmd.startswith("apt-get "):
        return None  # installing rsync on the runner: already here
    p = subprocess.run(["bash", "-euo", "pipefail", "-c", cmd], cwd=cwd,
                       env={**os.environ, **env}, capture_output=True, text=True)
    print(f"$ {cmd}  -> exit {p.returncode}")
    if expect_ok and p.returncode != 0:
        fail(f"{cmd!r} failed:\n{p.stdout}\n{p.stderr}")
    return p

def check_output(root, target):
    public = os.path.join(root, "public")
    index = os.path.join(public, "index.html")
    if not os.path.isfile(index):
        fail("the build step wrote no public/index.html")
        return
    with open(index, encoding="utf-8") as f:
        if "pbgdpl.nghean.gov.vn" not in f.read():
            fail("index.html lacks the provincial banner link")
    if target is None:
        return
    if os.path.exists(os.path.join(target, "trang-cu.html")):
        fail("rsync left a page that is no longer in the section")
    def same(a, b):
        d = filecmp.dircmp(a, b)
        if d.left_only or d.right_only or d.diff_files or d.funny_files:
            fail(f"server copy differs in {a}: {d.left_only} {d.right_only} {d.diff_files}")
        for sub in d.common_dirs:
            same(os.path.join(a, sub), os.path.join(b, sub))
    same(public, target)

def steps_github(doc):
    """(job, command, env) in job order; ${{ vars.* }} resolved by the test."""
    out = []
    for job in ("check", "build"):
        for step in doc["jobs"][job]["steps"]:
            if "run" in step:
                env = {k: str(v) for k, v in step.get("env", {}).items()}
                out.append((job, step["run"].strip(), env, step.get("if")))
    return out

def github(tmp):
    doc = yaml.safe_load(open(os.path.join(CI, "github-actions.yml")))
    root, target = repo(tmp), server(tmp)
    resolve = {"${{ vars.RSYNC_TARGET }}": target, "${{ vars.PBGDPL_VERSION }}": "",
               "${{ vars.PBGDPL_STRICT }}": "", "${{ vars.PBGDPL_BASE_URL }}": "",
               "${{ secrets.DEPLOY_SSH_KEY }}": "", "${{ secrets.DEPLOY_KNOWN_HOSTS }}": ""}
    seen = set()
    for job, cmd, env, cond in steps_github(doc):
        env = {k: resolve.get(v, v) for k, v in env.items()}
        env["GITHUB_ACTIONS"] = "true"
        p = run(cmd, root, env)
        seen.add(cmd.split()[-1])
        if p is not None and cmd.endswith(" check"):
            lines = [l for l in p.stdout.splitlines() if l.strip()]
            if any(not l.startswith("::") for l in lines):
                fail("on GitHub Actions, check prints annotations only:\n" + p.stdout)
    if seen != {"install", "check", "build", "changed", "deploy-rsync"}:
        fail(f"github-actions.yml runs steps {sorted(seen)}")
    if "schedule" not in doc[True] and "schedule" not in doc.get("on", {}):
        fail("github-actions.yml does not run on a schedule")
    check_output(root, target)
    # The hourly run: nothing changed since the deployment, so nothing is
    # deployed; a scheduled entry going live changes the output.
    p = run("bash ci/pbgdpl-ci.sh changed", root, {"PBGDPL_PUBLISHED": target})
    if p is not None and "changed=false" not in p.stdout:
        fail("an unchanged output is reported as changed:\n" + p.stdout)
    p = run("bash ci/pbgdpl-ci.sh deploy-rsync", root,
            {"RSYNC_TARGET": os.path.join(tmp, "elsewhere") + "/", "changed": "false"})
    if p is not None and os.path.exists(os.path.join(tmp, "elsewhere")):
        fail("deploy-rsync deployed although nothing changed")
    with open(os.path.join(root, "content/tin-tuc/hen-gio.md"), "w") as f:
        f.write('+++\nid = "tin-tuc/hen-gio"\ntitle = "Hẹn giờ"\ndate = 2026-11-22\n'
                'publish_date = 2026-11-22T08:00:00+07:00\n+++\n\nNội dung.\n')
    run("bash ci/pbgdpl-ci.sh build", root, {"PBGDPL_TODAY": "2026-11-22T07:00:00+07:00"})
    p = run("bash ci/pbgdpl-ci.sh changed", root, {"PBGDPL_PUBLISHED": target})
    if p is not None and "changed=false" not in p.stdout:
        fail("an entry held back until 08:00 changed the output at 07:00:\n" + p.stdout)
    run("bash ci/pbgdpl-ci.sh build", root, {"PBGDPL_TODAY": "2026-11-22T08:05:00+07:00"})
    p = run("bash ci/pbgdpl-ci.sh changed", root, {"PBGDPL_PUBLISHED": target})
    if p is not None and "changed=true" not in p.stdout:
        fail("the entry due at 08:00 did not change the output at 08:05:\n" + p.stdout)
    # A broken entry stops the pipeline at the check step.
    broken = repo(os.path.join(tmp, "broken"), broken=True)
    p = run("bash ci/pbgdpl-ci.sh check", broken, {"GITHUB_ACTIONS": "true"}, expect_ok=False)
    if p.returncode == 0 or "::error file=content/tin-tuc/loi.md,line=2" not in p.stdout:
        fail("a broken entry does not fail the check with an annotation:\n" + p.stdout)

def gitlab(tmp):
    doc = yaml.safe_load(open(os.path.join(CI, "gitlab-ci.yml")))
    root, target = repo(tmp), server(tmp)
    env = {"CARGO_HOME": os.path.join(tmp, "cargo"), "RSYNC_TARGET": target}
    seen = set()
    for job in ("check", "pages", "deploy-rsync"):
        spec = doc[job]
        before = spec.get("before_script", doc["default"]["before_script"])
        for cmd in before + spec["script"]:
            # $CARGO_HOME/bin is empty here: pbgdpl comes from PATH.
            run(cmd, root, env)
            if STEP.match(cmd):
                seen.add(cmd.split()[-1])
    if seen != {"install", "check", "build", "changed", "deploy-rsync"}:
        fail(f"gitlab-ci.yml runs steps {sorted(seen)}")
    if doc["pages"]["artifacts"]["paths"] != ["public"]:
        fail("the GitLab Pages job must publish public/")
    check_output(root, target)

for name, fn in (("GitHub Actions", github), ("GitLab CI", gitlab)):
    print(f"== {name}")
    with tempfile.TemporaryDirectory() as tmp:
        fn(tmp)

if failures:
    print(f"0 passed, {len(failures)} failed")
    sys.exit(1)
print("CI pipelines: every step ran as the pipelines run it")
PY
