#!/usr/bin/env bash
# The province's report (`pbgdpl aggregate`, bao-cao/), read as the Sở Tư
# pháp reads it: two agency sections with known entries over two years are
# built and aggregated, then Python's csv module opens the report's CSV
# files (UTF-8 with a byte-order mark) and report_check.py compares every
# figure with totals computed by hand; check-jsonschema validates every
# report JSON against schemas/report.v1.json, and the Nu HTML Checker the
# report's pages.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
: "${PBGDPL_BIN:?set PBGDPL_BIN to the pbgdpl binary (scripts/test does)}"
vnu="$root/tests/node_modules/vnu-jar/build/dist/vnu.jar"
[ -f "$vnu" ] || { echo "missing $vnu: run scripts/install-test-tools" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PBGDPL_LANG=vi

# entry <site> <category> <slug> <date> <extra front matter lines>
entry() {
  local site=$1 category=$2 slug=$3 date=$4
  shift 4
  {
    printf '+++\nid = "%s"\ntitle = "Bài %s"\ndate = %s\nstatus = "approved"\n' "$slug" "$slug" "$date"
    printf '%s\n' "$@"
    printf '+++\n\nNội dung của bài %s.\n' "$slug"
  } > "$work/$site/content/$category/$slug.md"
}

for site in xa-a xa-b; do
  "$PBGDPL_BIN" init "$work/$site" --agency "UBND xã ${site#xa-}" \
    --base-url "https://$site.thunghiem.gov.vn/pbgdpl/" \
    --province-name "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Thử Nghiệm" \
    --province-url "https://pbgdpl.thunghiem.gov.vn/" >/dev/null 2>&1
  # Only the entries below: the samples go.
  find "$work/$site/content" -name 'bai-mau-*' -exec rm -rf {} +
done

entry xa-a hoat-dong hd-a1 2025-03-11 'held_on = 2025-03-10' 'participants = 100' 'reporters = ["Nguyễn Văn An", "Trần Thị Bình"]'
entry xa-a hoat-dong hd-a2 2026-02-16 'held_on = 2026-02-15' 'participants = 50' 'reporters = ["Nguyễn Văn An"]'
entry xa-a van-ban-moi vb-a1 2026-01-05 'number = "15/2025/QH15"' 'document_type = "Luật"' 'issuer = "Quốc hội"' 'issue_date = 2025-12-20'
entry xa-a hoi-dap hd-qa 2026-03-02 'answered_date = 2026-03-01'
entry xa-a tai-lieu tl-a1 2026-05-05 'kind = "Tờ gấp"' 'language = "Tiếng Việt"'
entry xa-b hoat-dong hd-b1 2026-07-02 'held_on = 2026-07-01' 'participants = 200' 'reporters = ["Nguyễn Văn An", "=HYPERLINK(\"https://evil.example\")"]'
entry xa-b hoat-dong hd-b2 2026-08-02 'held_on = 2026-08-01'
entry xa-b doi-thoai dt-b1 2025-09-10 'held_on = 2025-09-09' 'participants = 40'
entry xa-b tai-lieu tl-b1 2025-06-01 'kind = "Sách nói"' 'language = "Tiếng Thái"'
entry xa-b hoi-dap hd-qb 2026-01-02 'answered_date = 2025-12-31'

for site in xa-a xa-b; do
  "$PBGDPL_BIN" build --root "$work/$site" --out "$work/out/$site" --today 2026-11-22 --quiet 2>/dev/null
done
{
  printf '[hub]\ntitle = "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Thử Nghiệm"\n'
  printf 'base_url = "https://pbgdpl.thunghiem.gov.vn/"\n'
  printf '\n[hub.agency]\nname = "Sở Tư pháp tỉnh Thử Nghiệm"\nurl = "https://stp.thunghiem.gov.vn"\n'
  printf '\n[[source]]\nid = "xa-a"\nname = "UBND xã A"\nsync = "%s/out/xa-a/"\n' "$work"
  printf '\n[[source]]\nid = "xa-b"\nname = "UBND xã B"\nsync = "%s/out/xa-b/"\n' "$work"
} > "$work/sources.toml"
"$PBGDPL_BIN" aggregate --sources "$work/sources.toml" --out "$work/hub" \
  --now 2026-11-22T08:00:00+07:00 >/dev/null 2>&1

status=0
python3 tests/consumers/report_check.py "$work/hub" || status=1
mapfile -t reports < <(find "$work/hub/bao-cao" -name '*.json' | sort)
[ "${#reports[@]}" -ge 7 ] || { echo "FAIL: expected a JSON per period, found ${#reports[@]}" >&2; status=1; }
check-jsonschema --schemafile "$root/schemas/report.v1.json" "${reports[@]}" || status=1
out=$(java -jar "$vnu" --skip-non-html --format gnu "$work/hub/bao-cao" 2>&1 || true)
if [ -n "$out" ]; then
  printf '%s\n' "$out" | head -30
  echo "FAIL: Nu HTML Checker: $(printf '%s\n' "$out" | wc -l) message(s) on the report" >&2
  status=1
fi
[ $status -eq 0 ] && echo "ok: the province's report: figures, CSV (Python csv), JSON (schema), pages (Nu)"
exit $status
