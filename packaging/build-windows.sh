#!/usr/bin/env bash
# Cross-build Parallax for Windows (amd64) into OUTDIR (default bin/dist):
#   Parallax.exe                               GUI-subsystem executable with the icon,
#                                              manifest and version resource (fyne package)
#   Parallax-VERSION-BUILD-windows-amd64.zip   Parallax.exe, README.txt and the
#                                              licence notices under licences/
# with VERSION and BUILD from FyneApp.toml. Needs go and MinGW-w64
# (x86_64-w64-mingw32-gcc) and zip; `make package-windows` installs them.
# FyneApp.toml is restored afterwards (fyne package raises its build
# number), even when the build fails.
set -euo pipefail

cd "$(dirname "$0")/.."
out=${1:-bin/dist}
umask 022

# shellcheck source=packaging/appinfo.sh
. packaging/appinfo.sh
: "${SOURCE_DATE_EPOCH:=$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
export SOURCE_DATE_EPOCH
mkdir -p "$out"

# The fyne tool runs here, so it is built for this machine (go.mod pins
# its version); it then builds Parallax with GOOS=windows and CC below.
go build -o bin/fyne fyne.io/tools/cmd/fyne

keep=$(mktemp)
cp FyneApp.toml "$keep"
restore() {
	cp "$keep" FyneApp.toml
	rm -f "$keep" fyne.syso parallax.exe parallax.exe.manifest Parallax.exe.manifest
}
trap restore EXIT

# fyne's release build hardens the C code with -fstack-protector-strong,
# whose support library MinGW does not link by itself: link it statically
# (libssp.a; the .dll.a would make Parallax.exe need libssp-0.dll). As a
# link flag it leaves the cached C objects valid. fyne takes -ldflags from
# GOFLAGS only in its first build, and without --exe it builds twice (a
# plain build, then one with the icon and version resource): the empty
# placeholder named by --exe skips the plain build.
echo "build-windows: building Parallax.exe $version build $build"
: >parallax.exe
CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ GOARCH=amd64 \
	GOFLAGS="-ldflags=-extldflags=-l:libssp.a" \
	bin/fyne package -os windows --release --exe parallax.exe
mv Parallax.exe "$out/Parallax.exe"

name="Parallax-$version-$build-windows-amd64"
stage=$(mktemp -d)
trap 'restore; rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/licences"
cp "$out/Parallax.exe" "$stage/$name/"
packaging/notices.sh "$stage/$name/licences" windows
for f in "$stage/$name/licences"/*; do
	case $f in *.txt) ;; *) mv "$f" "$f.txt" ;; esac
done
sed "s/@VERSION@/$version/; s/@BUILD@/$build/" packaging/windows-README.txt.in |
	sed 's/$/\r/' >"$stage/$name/README.txt"
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
zip="$PWD/$out/$name.zip"
rm -f "$zip"
(cd "$stage" && find "$name" -print | LC_ALL=C sort | zip -X -q -9 "$zip" -@)
ls -l "$out/Parallax.exe" "$zip"
