#!/usr/bin/env bash
# Collect the licence notices that ship with every package into OUTDIR:
#   - every *_LICENSE and *_NOTICE file of the tree (the bundled data:
#     compare/WORDNET_LICENSE, analysis/sentence/PUNKT_LICENSE,
#     internal/wordvec/WORDVEC_LICENSE, assets/SAMPLE_NOTICE),
#   - THIRD_PARTY_LICENSES.txt: the licence of every Go module linked into
#     the binary built for GOOS (default linux), of the GLFW C library they
#     compile in, and of Go itself.
# With COMMON_LICENSES=1 (the .deb), a module under the stock Apache 2.0
# text refers to /usr/share/common-licenses/Apache-2.0 instead of repeating
# it (Debian policy 12.5), keeping the copyright lines it states.
# Usage: packaging/notices.sh OUTDIR [GOOS]
set -euo pipefail

out=${1:?usage: notices.sh OUTDIR [GOOS]}
goos=${2:-linux}
cd "$(dirname "$0")/.."
mkdir -p "$out"

# Bundled data: the source tree only (not bin/, hidden folders or testdata).
find . \( -name bin -o -name testdata -o -name '.?*' \) -prune -o \
	-type f \( -name '*_LICENSE' -o -name '*_NOTICE' \) -print | sort | while read -r f; do
	cp "$f" "$out/$(basename "$f")"
done

# header TITLE: the heading of one licence.
header() {
	printf '%s\n%s\n%s\n\n' "$(printf '=%.0s' {1..76})" "$1" "$(printf -- '-%.0s' {1..76})"
}

third="$out/THIRD_PARTY_LICENSES.txt"
{
	echo "Parallax links the following Go modules and libraries into its"
	echo "binary for $goos. Their licences follow, each under a line of '='."
	echo
	GOOS=$goos CGO_ENABLED=1 go list -deps \
		-f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}' . |
		sort -u | while read -r path version dir; do
		lic=$(find "$dir" -maxdepth 1 -type f | grep -iE '/(licen[cs]e|copying)[^/]*$' | sort | head -1)
		[ -n "$lic" ] || { echo "notices.sh: no licence file in $path $version" >&2; exit 1; }
		if grep -qiE 'affero|AGPL' "$lic"; then
			echo "notices.sh: $path $version is under the AGPL, which the project does not allow" >&2
			exit 1
		fi
		header "$path $version ($(basename "$lic"))"
		if [ "${COMMON_LICENSES:-0}" = 1 ] && grep -q 'Version 2.0, January 2004' "$lic" &&
			grep -q 'http://www.apache.org/licenses/' "$lic"; then
			echo "Apache License, Version 2.0: on Debian systems its full text is in"
			echo "/usr/share/common-licenses/Apache-2.0."
			grep -iE '^[[:space:]]*copyright (\(c\)|©)?[[:space:]]*[0-9]' "$lic" | grep -v '\[yyyy\]' || true
		else
			cat "$lic"
		fi
		echo
		# GLFW's C sources are compiled into the binary by go-gl/glfw.
		if [ -f "$dir/glfw/LICENSE.md" ]; then
			header "GLFW C library, compiled in by $path (glfw/LICENSE.md)"
			cat "$dir/glfw/LICENSE.md"
			echo
		fi
	done
	goroot=$(go env GOROOT)
	header "The Go standard library and runtime, $(go env GOVERSION) (LICENSE)"
	cat "$goroot/LICENSE"
} >"$third"
