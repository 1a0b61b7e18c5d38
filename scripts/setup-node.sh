#!/usr/bin/env bash
# Node 24 (LTS) for this repository, on a machine whose Node is older (Debian 12 ships 18, this machine kind 20).
# Installs Node's official Linux binary from the npm registry (package node-linux-<arch>, which holds bin/node and
# no install script) into $NODE_PREFIX and links it as $NODE_LINK, which comes before /usr/bin on PATH, so every
# later shell and every script that starts `node` uses it. npm and pnpm start through `/usr/bin/env node` and so
# run on it too; `npm install -g` installs beside the link (prefix /usr/local), as with a Node installed there. On a
# machine that already has Node 24 or later it changes nothing. Safe to run again.
#   NODE_PREFIX (default /opt/node-24), NODE_LINK (default /usr/local/bin/node)
set -euo pipefail

# The exact version installed; package.json's engines give the range the repository supports.
NODE_VERSION=24.22.3
NODE_MAJOR=${NODE_VERSION%%.*}
prefix=${NODE_PREFIX:-/opt/node-$NODE_MAJOR}
link=${NODE_LINK:-/usr/local/bin/node}

current=$(command -v node || true)
current_major=$([[ -n "$current" ]] && "$current" --version 2>/dev/null | sed -n 's/^v\([0-9]*\)\..*/\1/p' || true)
if ((${current_major:-0} >= NODE_MAJOR)); then
  echo "Node $("$current" --version) ist schon da ($current): nichts zu tun."
  exit 0
fi

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *)
    echo "Für diese Prozessorarchitektur ($(uname -m)) gibt es kein Node-Paket node-linux-<arch>: bitte Node $NODE_MAJOR selbst installieren." >&2
    exit 1
    ;;
esac
package=node-linux-$arch
binary=$prefix/node_modules/$package/bin/node

if [[ "$("$binary" --version 2>/dev/null || true)" != "v$NODE_VERSION" ]]; then
  if ! command -v npm >/dev/null; then
    echo "npm fehlt: Node $NODE_VERSION wird mit npm aus der Paketquelle geholt (apt-get install -y npm)." >&2
    exit 1
  fi
  echo "Installiere Node $NODE_VERSION ($package) nach $prefix …"
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "$package@$NODE_VERSION" >/dev/null
  if [[ "$("$binary" --version 2>/dev/null || true)" != "v$NODE_VERSION" ]]; then
    echo "Node $NODE_VERSION ließ sich nicht starten ($binary)." >&2
    exit 1
  fi
fi

# npm takes its global prefix from the real path of the binary (inside the package): set it to the link's prefix, so
# that `npm install -g pnpm` puts pnpm on PATH.
mkdir -p "$prefix/node_modules/$package/etc" "$(dirname "$link")"
echo "prefix=$(dirname "$(dirname "$link")")" >"$prefix/node_modules/$package/etc/npmrc"
ln -sfn "$binary" "$link"
hash -r
found=$(command -v node)
if [[ "$(node --version)" != "v$NODE_VERSION" ]]; then
  echo "Node $NODE_VERSION liegt unter $link, aber „node“ findet $found ($(node --version)): $(dirname "$link") muss im PATH vor $(dirname "$found") stehen." >&2
  exit 1
fi
echo "Node $NODE_VERSION installiert ($link → $binary)."
