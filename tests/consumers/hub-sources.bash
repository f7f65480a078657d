# Sourced by the consumer tests that build a hub (not a test itself: the
# test runner runs tests/consumers/*.sh only).
#
# hub_sources: prints the sources.toml of a Nghệ An hub over every built
# section in $PBGDPL_SITES, each given by its local path.
hub_sources() {
  printf '[hub]\ntitle = "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Nghệ An"\n'
  printf 'base_url = "https://pbgdpl.nghean.gov.vn/"\nfeed_limit = 10\nentries_per_page = 10\n'
  printf '\n[hub.agency]\nname = "Sở Tư pháp tỉnh Nghệ An"\nurl = "https://stp.nghean.gov.vn"\n'
  local site name
  for site in "$PBGDPL_SITES"/*/; do
    name=$(basename "$site")
    printf '\n[[source]]\nid = "%s"\nname = "%s"\nsync = "%s"\n' "$name" "$name" "$site"
  done
}
