#!/usr/bin/env bash
# Installs what running and testing need on a fresh Debian machine, and nothing twice:
# Wine (the Windows registry off Windows), Chromium (e2e tests), the export tests' ansible and
# xmllint, iproute2's ss, and the npm packages.
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
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} (Debian packages)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Electron's own binary comes from a host these machines cannot reach; its types and tooling
# install without it.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
