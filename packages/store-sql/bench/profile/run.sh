#!/usr/bin/env bash
# Bundles a profile script and runs it; the script profiles the parts it measures (see inspect.ts)
# into $PROFILE_DIR, and this prints the functions with the most self time in each part.
# Usage: bench/profile/run.sh <script.ts> [args…]   (TOP=40 for more lines)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
out="$root/node_modules/.cache/zhibu-profile-$$"
mkdir -p "$out/prof"
trap '[ -n "${KEEP:-}" ] || rm -rf "$out"' EXIT
script=$1; shift
npx esbuild "$script" --bundle --platform=node --format=esm --target=node20 \
  --conditions=@zhibu/source --external:better-sqlite3 --external:pg --external:mysql2 --external:pg-native \
  --outfile="$out/profile.mjs" --log-level=warning
(cd "$here/../.." && PROFILE_DIR="$out/prof" node --max-old-space-size=6000 "$out/profile.mjs" "$@")
for p in "$out"/prof/*.cpuprofile; do
  echo "== $(basename "$p" .cpuprofile)"
  mkdir -p "$out/one" && rm -f "$out"/one/* && cp "$p" "$out/one/"
  node "$here/top-self.mjs" "$out/one" "${TOP:-25}" "$out/profile.mjs"
done
