#!/usr/bin/env bash
# Build the Debian package of Parallax into OUTDIR (default bin/dist):
# parallax_VERSION-BUILD_ARCH.deb, with VERSION and BUILD from FyneApp.toml.
#
#   /usr/bin/parallax                                  release build (PIE, hardened, stripped)
#   /usr/share/applications/io.parallax.app.desktop
#   /usr/share/metainfo/io.parallax.app.metainfo.xml   AppStream
#   /usr/share/icons/hicolor/NxN/apps/io.parallax.app.png
#   /usr/share/man/man1/parallax.1.gz                  from `parallax --help` (help2man)
#   /usr/share/doc/parallax/copyright                  every licence notice
#   /usr/share/doc/parallax/changelog.Debian.gz
#
# Needs go, gcc and the Fyne build packages, dpkg-dev, imagemagick and
# help2man (`make package-deb` installs them). The output depends only on
# the source tree and SOURCE_DATE_EPOCH (default: the last commit's time).
set -euo pipefail

cd "$(dirname "$0")/.."
out=${1:-bin/dist}
umask 022

# shellcheck source=packaging/appinfo.sh
. packaging/appinfo.sh
arch=$(dpkg --print-architecture)
debversion="$version-$build"
: "${SOURCE_DATE_EPOCH:=$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
export SOURCE_DATE_EPOCH

work="$out/deb"
root="$work/root"
rm -rf "$work"
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/metainfo" \
	"$root/usr/share/man/man1" "$root/usr/share/doc/parallax"

# The binary: what `fyne package --release` builds (release and fyneDo
# tags, no symbols, trimmed paths), as a hardened PIE.
echo "build-deb: building parallax $debversion for $arch"
CGO_ENABLED=1 \
	CGO_CFLAGS="-O2 -g0 -D_FORTIFY_SOURCE=2 -fstack-protector-strong" \
	CGO_LDFLAGS="-Wl,-z,relro -Wl,-z,now" \
	go build -trimpath -buildmode=pie -tags release,migrated_fynedo -ldflags "-s -w" \
	-o "$root/usr/bin/parallax" .
strip --remove-section=.comment --remove-section=.note "$root/usr/bin/parallax"

# Icons at the hicolor sizes, scaled from the 512x512 original. -strip and
# the excluded chunks keep time stamps out of the PNGs.
for s in 16 22 24 32 48 64 128 256 512; do
	d="$root/usr/share/icons/hicolor/${s}x${s}/apps"
	mkdir -p "$d"
	convert assets/icon.png -resize "${s}x${s}" -strip -define png:exclude-chunks=date,time "PNG32:$d/$id.png"
done

install -m 0644 packaging/io.parallax.app.desktop "$root/usr/share/applications/$id.desktop"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -u -d "@$SOURCE_DATE_EPOCH" +%F)/" \
	packaging/io.parallax.app.metainfo.xml.in >"$root/usr/share/metainfo/$id.metainfo.xml"

help2man --no-info --no-discard-stderr --include packaging/parallax.h2m \
	--source "Parallax $version" --manual "User Commands" \
	"$root/usr/bin/parallax" | gzip -9n >"$root/usr/share/man/man1/parallax.1.gz"

# copyright: Debian wants every notice in this one file.
notices=$(mktemp -d)
trap 'rm -rf "$notices"' EXIT
COMMON_LICENSES=1 packaging/notices.sh "$notices" linux
{
	cat packaging/copyright.head
	for f in "$notices"/*_LICENSE "$notices"/*_NOTICE "$notices"/THIRD_PARTY_LICENSES.txt; do
		printf '\n%s\n%s\n%s\n\n' "$(printf '#%.0s' {1..76})" "$(basename "$f")" "$(printf '#%.0s' {1..76})"
		cat "$f"
	done
} >"$root/usr/share/doc/parallax/copyright"

# The project has no maintainer address yet: a placeholder, overridable.
maint=${DEB_MAINTAINER:-"The Parallax developers <parallax@example.org>"}
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
{
	echo "parallax ($debversion) unstable; urgency=medium"
	echo
	echo "  * Parallax $version, build $build (from commit $commit)."
	echo
	echo " -- $maint  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n >"$root/usr/share/doc/parallax/changelog.Debian.gz"

# Depends: the shared libraries the binary links (libc, GL, X11), from
# dpkg-shlibdeps, which wants a debian/control beside it.
shl="$work/shlibs"
mkdir -p "$shl/debian"
printf 'Source: parallax\n\nPackage: parallax\nArchitecture: any\n' >"$shl/debian/control"
bin_abs=$(realpath "$root/usr/bin/parallax")
depends=$(cd "$shl" && dpkg-shlibdeps -O "$bin_abs" | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "build-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
# GLFW opens the X11 and Wayland libraries at run time (dlopen), which
# dpkg-shlibdeps cannot see: packaging/dlopen-libs lists them, reviewed.
for pkg in $(awk '!/^#/ && NF >= 2 && $2 != "-" {print $2}' packaging/dlopen-libs | sort -u); do
	grep -qE "(^|, )$pkg( |,|$)" <<<"$depends" || depends="$depends, $pkg"
done

cat >"$root/DEBIAN/control" <<CONTROL
Package: parallax
Version: $debversion
Architecture: $arch
Maintainer: $maint
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Section: text
Priority: optional
Description: compare news articles sentence by sentence
 Parallax lines up two or more news articles about one event side by side
 and marks each sentence as shared (the same wording appears in another
 article), paraphrased (another article carries the same content in other
 words) or unique to one outlet. It reads plain text, Markdown, HTML, PDF
 and DOCX, never changes the files and never goes over the network.
 .
 The parallax command also gives the same analysis without a window, as
 text or JSON (parallax compare), and groups a folder of articles into
 stories (parallax groups).
CONTROL

(cd "$root" && find usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -exec chmod 0644 {} +
chmod 0755 "$root/usr/bin/parallax"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

deb="$out/parallax_${debversion}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb"
ls -l "$deb"
