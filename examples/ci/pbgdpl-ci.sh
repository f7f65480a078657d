#!/usr/bin/env bash
# The steps of the publishing pipeline, shared by github-actions.yml,
# gitlab-ci.yml and pbgdpl's own tests (tests/consumers/ci-pipelines.sh),
# so what the tests run is exactly what the pipelines run.
#
# Copy this file to ci/pbgdpl-ci.sh in the section's repository.
#
# Usage: bash ci/pbgdpl-ci.sh install|check|build|changed|deploy-rsync
#
# Settings (environment variables, all optional):
#   PBGDPL_VERSION     version to install with cargo (default: newest)
#   PBGDPL_GIT         install from this git repository instead of crates.io
#   PBGDPL_SITE        the section's directory (default: .)
#   PBGDPL_OUT         output directory (default: public)
#   PBGDPL_BASE_URL    publish at this address instead of site.toml's base_url
#   PBGDPL_STRICT      non-empty: warnings fail the check
#   PBGDPL_FORMAT      check's output: human, github or json (default:
#                      github on GitHub Actions, human elsewhere)
#   PBGDPL_PUBLISHED   changed: where the published section is, to compare
#                      with (a URL or a directory; default: base_url of
#                      site.toml, or PBGDPL_BASE_URL)
#   RSYNC_TARGET       deploy-rsync: user@host:/var/www/pbgdpl/ (or a directory)
#   DEPLOY_SSH_KEY     deploy-rsync: private key of the deploy account
#   DEPLOY_KNOWN_HOSTS deploy-rsync: the server's host key line(s)
set -euo pipefail

site=${PBGDPL_SITE:-.}
out=${PBGDPL_OUT:-public}

case "${1:-}" in
install)
  if command -v pbgdpl >/dev/null; then
    echo "pbgdpl already installed: $(pbgdpl --version)"
    exit 0
  fi
  args=(--locked)
  [ -n "${PBGDPL_VERSION:-}" ] && args+=(--version "$PBGDPL_VERSION")
  if [ -n "${PBGDPL_GIT:-}" ]; then
    cargo install "${args[@]}" --git "$PBGDPL_GIT" pbgdpl
  else
    cargo install "${args[@]}" pbgdpl
  fi
  pbgdpl --version
  ;;
check)
  format=${PBGDPL_FORMAT:-}
  if [ -z "$format" ]; then
    if [ "${GITHUB_ACTIONS:-}" = "true" ]; then format=github; else format=human; fi
  fi
  strict=()
  [ -n "${PBGDPL_STRICT:-}" ] && strict=(--strict)
  pbgdpl check --root "$site" --format "$format" "${strict[@]}"
  ;;
build)
  base=()
  [ -n "${PBGDPL_BASE_URL:-}" ] && base=(--base-url "$PBGDPL_BASE_URL")
  pbgdpl build --root "$site" --out "$out" "${base[@]}"
  ;;
changed)
  # Scheduled runs rebuild every hour so that entries with a publish_date
  # or an expiry_date go live or away on time; they deploy only when the
  # output differs from what is published. The output of the same content
  # at the same moment is byte-identical, so a digest of its files says.
  [ -d "$out" ] || { echo "no $out/: run the build step first" >&2; exit 1; }
  digest=$(cd "$out" && find . -type f ! -path ./pbgdpl-digest.txt -print0 |
    LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
  printf '%s\n' "$digest" > "$out/pbgdpl-digest.txt"
  published=${PBGDPL_PUBLISHED:-${PBGDPL_BASE_URL:-}}
  if [ -z "$published" ] && [ -f "$site/site.toml" ]; then
    published=$(sed -n 's/^base_url *= *"\(.*\)".*/\1/p' "$site/site.toml" | head -n 1)
  fi
  previous=""
  case "$published" in
  http://* | https://*) previous=$(curl -fsSL --max-time 30 "${published%/}/pbgdpl-digest.txt" 2>/dev/null || true) ;;
  ?*) previous=$(cat "${published%/}/pbgdpl-digest.txt" 2>/dev/null || true) ;;
  esac
  if [ "$digest" = "$previous" ]; then changed=false; else changed=true; fi
  echo "changed=$changed"
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "changed=$changed" >> "$GITHUB_OUTPUT"; fi
  # GitLab passes it to the deploy job as a dotenv report.
  if [ -n "${GITLAB_CI:-}" ]; then echo "changed=$changed" > changed.env; fi
  ;;
deploy-rsync)
  : "${RSYNC_TARGET:?set RSYNC_TARGET to user@host:/path/ of the agency web server}"
  if [ "${changed:-}" = "false" ]; then
    echo "nothing changed since the last deployment: not deploying"
    exit 0
  fi
  [ -d "$out" ] || { echo "no $out/: run the build step first" >&2; exit 1; }
  ssh_args=()
  if [ -n "${DEPLOY_SSH_KEY:-}" ]; then
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
    printf '%s\n' "$DEPLOY_SSH_KEY" > "$dir/key"
    chmod 600 "$dir/key"
    printf '%s\n' "${DEPLOY_KNOWN_HOSTS:?set DEPLOY_KNOWN_HOSTS to the server host key}" > "$dir/known_hosts"
    ssh_args=(-e "ssh -i $dir/key -o UserKnownHostsFile=$dir/known_hosts -o StrictHostKeyChecking=yes")
  fi
  # --delay-updates: files appear at once at the end; --delete: pages
  # removed from the section disappear from the server too.
  rsync --recursive --links --times --checksum --delete --delay-updates \
    --chmod=D755,F644 "${ssh_args[@]}" "$out/" "$RSYNC_TARGET"
  ;;
*)
  echo "usage: $0 install|check|build|changed|deploy-rsync" >&2
  exit 2
  ;;
esac
