# Shared by the project's scripts: toolchain checks and the front-end build. Source it, don't run it.

# Fails with a clear message unless cargo and a recent enough Node.js are available.
require_toolchains() {
  if ! command -v cargo >/dev/null; then
    echo "Rust is not installed. Install Rust 1.92 or newer with rustup, then run this again." >&2
    exit 1
  fi
  local node_version
  node_version=$(node -p 'process.versions.node' 2>/dev/null || echo 0)
  if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null; then
    echo "Node.js 20.19 or newer is needed (found ${node_version}). Install it, then run this again." >&2
    exit 1
  fi
}

# Installs npm packages in DIR when node_modules is missing or older than package-lock.json.
npm_install() {
  local dir=$1
  if [[ ! -d "$dir/node_modules" || "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}

# Builds the front end into ui/dist, which the Rust build embeds.
build_ui() {
  npm_install ui
  (cd ui && npm run --silent build)
}
