# Sourced by the packaging scripts from the repository root: sets version,
# build and id from FyneApp.toml, the one place they are kept (the binary
# reads the same fields through internal/appinfo), and fails when one is
# missing.
appinfo_field() {
	sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" FyneApp.toml | head -1
}
version=$(appinfo_field Version)
build=$(appinfo_field Build)
id=$(appinfo_field ID)
if [ -z "$version" ] || [ -z "$build" ] || [ -z "$id" ]; then
	echo "FyneApp.toml lacks Version, Build or ID" >&2
	exit 1
fi
