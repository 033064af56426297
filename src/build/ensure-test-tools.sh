#!/bin/sh
# Run by `mvn verify` before the integration tests: the browser tests need Debian's Chromium and
# ChromeDriver, npm (for axe-core), and Node.js (the benchmarks' peer tool, PeerLoadIT). Installs
# what is missing when run as root on Debian; otherwise says in one line what to install, instead
# of a wall of failing tests.
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/bin/chromedriver ] || missing="$missing chromium-driver"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing what the browser tests need:$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null && exit 0
  echo "Could not install$missing with apt-get; install them, or skip the integration tests with -DskipITs." >&2
  exit 1
fi
echo "The integration tests need$missing: install them (Debian: sudo apt-get install$missing), or skip the integration tests with -DskipITs." >&2
exit 1
