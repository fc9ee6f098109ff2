#!/usr/bin/env bash
# The browser test (`make web-test`), or with `screenshot` the picture
# docs/web.png (`make web-screenshot`). Installs what it needs when missing:
# Debian's chromium (apt-get, as root like CI), and playwright-core from
# package-lock.json (npm ci). Node 20 or later is the machine's.
set -euo pipefail
cd "$(dirname "$0")"
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  echo "installing chromium (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "the browser test needs node 20 or later (playwright-core does)" >&2
  exit 2
fi
npm ci --no-audit --no-fund --loglevel=error
case "${1:-test}" in
  screenshot) node screenshot.mjs ;;
  *) node --test --test-reporter=spec web.test.mjs ;;
esac
