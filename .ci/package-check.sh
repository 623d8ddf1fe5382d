#!/usr/bin/env bash
# Check the packages `make package-deb` and `make package-windows` put in
# DIST (default bin/dist). Every check prints its tool's output; the script
# exits non-zero when any fails.
#
# .deb: the files it must hold, desktop-file-validate, appstreamcli
#   validate, lintian (errors and warnings fail; the reviewed remainder is in
#   packaging/lintian-overrides), then dpkg -i, `parallax --version`, the man
#   page, the installed binary's window on a virtual screen (.ci/smoke.sh),
#   dpkg -r and dpkg -P leaving nothing behind. Installing needs root (or
#   sudo) and refuses to touch a parallax that was installed before.
# .exe and .zip: `file` says PE32+ GUI, objdump shows the Windows GUI
#   subsystem and the icon, manifest and version resources, the version
#   resource carries VERSION.BUILD, the zip holds the exe and the notices,
#   and, when wine is installed (set PACKAGE_CHECK_WINE=0 to skip), the
#   exe prints its version and opens its window under wine on Xvfb. Debian
#   12's wine 8.0 cannot start Go 1.24+ programs: that check then reports
#   "skip" with the reason, and `make package-check` does not install wine.
# macOS: every package but main passes go vet for darwin (no Linux-only
#   system calls without build tags).
#
# Usage: .ci/package-check.sh [DIST]    Tools: `make package-check` installs them.
set -euo pipefail

cd "$(dirname "$0")/.."
dist=${1:-bin/dist}
SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)

# shellcheck source=packaging/appinfo.sh
. packaging/appinfo.sh
want_version="parallax $version (build $build)"

failed=0
results=()
# check NAME COMMAND...: run one check, show its output, record the outcome.
check() {
	local name=$1 rc=0
	shift
	echo
	echo "--> $name"
	"$@" || rc=$?
	if [ "$rc" -eq 0 ]; then
		results+=("ok    $name")
	elif [ "$rc" -eq 77 ]; then
		results+=("skip  $name (see above)")
	else
		results+=("FAIL  $name (exit $rc)")
		failed=1
	fi
}

tmp=$(mktemp -d)
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT

# ---- Debian package -------------------------------------------------------

deb="$dist/parallax_${version}-${build}_$(dpkg --print-architecture).deb"

deb_contents() {
	dpkg-deb --info "$deb"
	dpkg-deb --contents "$deb"
	dpkg-deb --extract "$deb" "$tmp/deb"
	local missing=0 f
	for f in usr/bin/parallax "usr/share/applications/$id.desktop" "usr/share/metainfo/$id.metainfo.xml" \
		usr/share/man/man1/parallax.1.gz usr/share/doc/parallax/copyright usr/share/doc/parallax/changelog.Debian.gz; do
		[ -f "$tmp/deb/$f" ] || { echo "missing: /$f"; missing=1; }
	done
	for s in 16 22 24 32 48 64 128 256 512; do
		f="usr/share/icons/hicolor/${s}x${s}/apps/$id.png"
		identify "$tmp/deb/$f" | grep -q " ${s}x${s} " || { echo "missing or not ${s}x${s}: /$f"; missing=1; }
	done
	for f in WORDNET_LICENSE PUNKT_LICENSE WORDVEC_LICENSE SAMPLE_NOTICE THIRD_PARTY_LICENSES.txt; do
		grep -q "^$f\$" "$tmp/deb/usr/share/doc/parallax/copyright" || { echo "copyright lacks $f"; missing=1; }
	done
	dpkg-deb --field "$deb" Depends | grep -q 'libgl1' || { echo "Depends lacks libgl1"; missing=1; }
	# Every library the binary names (linked or opened at run time) has
	# been reviewed in packaging/dlopen-libs.
	local so
	for so in $(strings "$tmp/deb/usr/bin/parallax" | grep -E '^lib[A-Za-z0-9_+-]+\.so(\.[0-9]+)*$' | sort -u); do
		grep -q "^$so[[:space:]]" packaging/dlopen-libs || { echo "the binary names $so, not reviewed in packaging/dlopen-libs"; missing=1; }
	done
	return $missing
}

desktop_valid() {
	local out
	out=$(desktop-file-validate "$tmp/deb/usr/share/applications/$id.desktop" 2>&1) || { echo "$out"; return 1; }
	echo "${out:-desktop-file-validate: no errors, no warnings, no hints}"
	[ -z "$out" ]
}

appstream_valid() {
	local out rc=0
	out=$(appstreamcli validate --no-net --explain "$tmp/deb/usr/share/metainfo/$id.metainfo.xml" 2>&1) || rc=$?
	echo "$out"
	# Infos are shown; warnings and errors fail.
	[ "$rc" -eq 0 ] && ! grep -qE '^[WE]: ' <<<"$out"
}

lintian_clean() {
	lintian --version
	lintian --info --display-info --fail-on error,warning "$deb"
}

deb_lifecycle() {
	if dpkg -s parallax >/dev/null 2>&1; then
		echo "parallax is already installed here; remove it first (dpkg -r parallax), the check will not replace it"
		return 1
	fi
	$SUDO dpkg -i "$deb"
	dpkg -s parallax | grep -E '^(Status|Version|Depends):'
	local got
	got=$(parallax --version)
	echo "parallax --version: $got"
	[ "$got" = "$want_version" ] || { echo "want: $want_version"; return 1; }
	[ "$(command -v parallax)" = /usr/bin/parallax ] || { echo "parallax is not /usr/bin/parallax"; return 1; }
	man -w parallax
	MANWIDTH=80 man --warnings parallax 2>&1 >/dev/null | { ! grep .; } || { echo "man page warnings above"; return 1; }
	MANWIDTH=80 man parallax 2>/dev/null | head -12
	parallax compare assets/sample >"$tmp/report.txt"
	head -3 "$tmp/report.txt"
	SHOT="$tmp/deb-shot.png" .ci/smoke.sh /usr/bin/parallax
	$SUDO dpkg -r parallax
	[ ! -e /usr/bin/parallax ] || { echo "/usr/bin/parallax is still there after dpkg -r"; return 1; }
	$SUDO dpkg -P parallax
	if dpkg -s parallax >/dev/null 2>&1; then echo "parallax still known to dpkg after purge"; return 1; fi
	local left
	left=$(find /usr/share/doc/parallax /usr/share/metainfo/"$id".metainfo.xml /usr/share/applications/"$id".desktop \
		/usr/share/man/man1/parallax.1.gz /usr/share/icons/hicolor/*/apps/"$id".png 2>/dev/null || true)
	[ -z "$left" ] || { echo "left behind after purge:"; echo "$left"; return 1; }
	echo "removed and purged cleanly"
}

if [ -f "$deb" ]; then
	check "deb: contents" deb_contents
	check "deb: desktop-file-validate" desktop_valid
	check "deb: appstreamcli validate" appstream_valid
	check "deb: lintian" lintian_clean
	check "deb: dpkg -i, parallax --version, man, window, dpkg -r/-P" deb_lifecycle
else
	check "deb: $deb exists" false
fi

# ---- Windows --------------------------------------------------------------

exe="$dist/Parallax.exe"
zip="$dist/Parallax-$version-$build-windows-amd64.zip"

exe_headers() {
	local f
	f=$(file "$exe")
	echo "$f"
	grep -q 'PE32+ executable (GUI) x86-64' <<<"$f" || { echo "not a PE32+ GUI x86-64 executable"; return 1; }
	x86_64-w64-mingw32-objdump -p "$exe" >"$tmp/objdump.txt"
	grep -E '^(Magic|Subsystem|MajorSubsystemVersion|SizeOfImage)' "$tmp/objdump.txt"
	sed -n '/Resource Directory/,/^$/p' "$tmp/objdump.txt" | head -40
	grep -qE '^Subsystem[[:space:]]+0+2[[:space:]]+\(Windows GUI\)' "$tmp/objdump.txt" || { echo "subsystem is not Windows GUI"; return 1; }
	local t ok=0
	# The type level of the resource tree (one indent under the Type
	# Table): 0x3 icon, 0xe icon group, 0x10 version, 0x18 manifest.
	for t in 03:icon 0e:icon-group 10:version 18:manifest; do
		grep -qE "^[0-9a-f]+   Entry: ID: 0x0000${t%%:*}," "$tmp/objdump.txt" || { echo "no ${t#*:} resource"; ok=1; }
	done
	[ "$ok" -eq 0 ] && echo "resources: icon, icon group, version, manifest"
	# The version resource is UTF-16: VERSION.BUILD, as FyneApp.toml gives.
	strings -el "$exe" | grep -E '^(ProductName|ProductVersion|FileDescription|Parallax|[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+)$' | sort -u
	strings -el "$exe" | grep -qx "$version.$build" || { echo "version resource lacks $version.$build"; ok=1; }
	return $ok
}

zip_contents() {
	local list f ok=0
	list=$(unzip -l "$zip")
	echo "$list"
	for f in Parallax.exe README.txt licences/WORDNET_LICENSE.txt licences/PUNKT_LICENSE.txt \
		licences/WORDVEC_LICENSE.txt licences/SAMPLE_NOTICE.txt licences/THIRD_PARTY_LICENSES.txt; do
		grep -q " Parallax-$version-$build-windows-amd64/$f\$" <<<"$list" || { echo "zip lacks $f"; ok=1; }
	done
	unzip -p "$zip" "Parallax-$version-$build-windows-amd64/Parallax.exe" | cmp - "$exe" || { echo "zip's exe differs"; ok=1; }
	return $ok
}

# wine_run: the exe under wine on a virtual screen: --version written to a
# file (a GUI-subsystem program has no console; a redirected stdout works),
# then its window, found by name.
wine_run() {
	export WINEPREFIX="$tmp/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
	local wine
	wine=$(command -v wine || ls /usr/lib/wine/wine64 2>/dev/null) || {
		echo "SKIP: wine is not installed (make package-check does not install it: Debian 12's wine 8.0 cannot start Go 1.24+ programs)"
		return 77
	}
	local wineserver
	wineserver=$(command -v wineserver || echo /usr/lib/wine/wineserver64)
	echo "$($wine --version 2>/dev/null || true) ($wine)"
	cp "$exe" "$tmp/parallax.exe"
	xvfb-run -a "$wine" wineboot --init >/dev/null 2>&1 || true
	xvfb-run -a "$wine" "$tmp/parallax.exe" --version >"$tmp/wine-version.txt" 2>"$tmp/wine-err.txt" || true
	local got
	got=$(tr -d '\r' <"$tmp/wine-version.txt")
	echo "wine parallax.exe --version: $got"
	if grep -q 'bcryptprimitives.dll not found' "$tmp/wine-err.txt"; then
		head -2 "$tmp/wine-err.txt"
		echo "SKIP: this wine cannot start Go $(go env GOVERSION | sed 's/^go//') programs: since Go 1.24 the"
		echo "Windows runtime needs bcryptprimitives.dll (ProcessPrng, Windows 10), which wine"
		echo "$($wine --version 2>/dev/null) lacks (Debian 12 ships wine 8.0)."
		return 77
	fi
	[ "$got" = "$want_version" ] || { echo "want: $want_version"; cat "$tmp/wine-err.txt"; return 1; }
	WINE="$wine" WINESERVER="$wineserver" xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
		"$WINE" "$0" >"$1" 2>&1 &
		for ((i = 0; i < 90; i++)); do
			if xwininfo -root -tree | grep -q "\"Parallax\""; then
				xwininfo -root -tree | grep "\"Parallax\"" | head -2
				"$WINESERVER" -k 2>/dev/null || true
				exit 0
			fi
			sleep 1
		done
		tail -20 "$1"; "$WINESERVER" -k 2>/dev/null || true; exit 1' "$tmp/parallax.exe" "$tmp/wine-gui.log"
	echo "Parallax.exe opened its window under wine"
}

if [ -f "$exe" ]; then
	check "exe: file, objdump (subsystem, resources), version resource" exe_headers
	check "zip: contents" zip_contents
	if [ "${PACKAGE_CHECK_WINE:-1}" = 1 ]; then
		check "exe: wine --version and window" wine_run
	fi
else
	check "exe: $exe exists" false
fi

# ---- macOS ------------------------------------------------------------------

# The .app is built on a Mac (`go tool fyne package -os darwin`). Here, at
# least every package but main type-checks for darwin: no Linux-only system
# call or file without a build tag. (main needs Fyne's OpenGL driver, which
# needs cgo and Apple's SDK.)
darwin_vet() {
	local pkgs
	pkgs=$(go list ./... | grep -vx parallax)
	GOOS=darwin GOARCH=arm64 CGO_ENABLED=0 go vet -tags ci $pkgs && echo "go vet for darwin/arm64: clean ($(wc -w <<<"$pkgs") packages)"
}
check "darwin: go vet of every package but main" darwin_vet

echo
echo "==> package checks"
printf '    %s\n' "${results[@]}"
exit $failed
