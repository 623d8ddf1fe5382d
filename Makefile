# Parallax build, test and packaging. On a fresh Debian 12 with Go
# installed, `make run` and `make test` are the whole set-up: both install
# the missing system packages first.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

GO  ?= go
BIN := bin/parallax
# FUZZTIME is how long `make test` fuzzes each fuzz target.
FUZZTIME ?= 10s

# System packages: the Fyne (cgo, OpenGL, X11/Wayland) build, and the
# virtual screen and screenshot tools the smoke test uses.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev
SMOKE_PKGS := xvfb xauth imagemagick x11-utils
# Packaging: the .deb (Depends from dpkg-shlibdeps, icons scaled with
# ImageMagick, the man page from `parallax --help` with help2man), the
# Windows cross-build (MinGW-w64) and the checks of both packages.
DEB_PKGS := dpkg-dev imagemagick help2man
WIN_PKGS := gcc-mingw-w64-x86-64 zip
PKG_CHECK_PKGS := lintian desktop-file-utils appstream binutils binutils-mingw-w64-x86-64 file unzip man-db \
	$(SMOKE_PKGS)
DIST := bin/dist

SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# install-missing installs, after an apt-get update, those of the given
# Debian packages that dpkg does not report as installed; silent when none
# is missing.
define install-missing
missing=""; \
for p in $(1); do \
	dpkg -s "$$p" >/dev/null 2>&1 || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
	echo "Installing:$$missing"; \
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq; \
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
fi
endef

.PHONY: deps smoke-deps build run test bench eval smoke screenshot package package-deb \
	package-windows package-check clean

## deps: install missing build packages and download Go modules
deps:
	@$(call install-missing,$(BUILD_PKGS))
	@$(GO) mod download

## smoke-deps: deps plus the virtual screen and screenshot tools
smoke-deps: deps
	@$(call install-missing,$(SMOKE_PKGS))

## build: compile bin/parallax
build: deps
	$(GO) build -o $(BIN) .

## run: build and open the bundled sample corpus
run: build
	./$(BIN)

## test: gofmt check, go.mod tidy, vet, staticcheck, every test under the
## race detector (headless Fyne driver), then every fuzz target for
## FUZZTIME (10s) each
test: deps
	@unformatted=$$(gofmt -l .); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed on:"; echo "$$unformatted"; exit 1; fi
	$(GO) mod tidy -diff
	$(GO) vet -tags ci ./...
	$(GO) tool staticcheck -tags ci ./...
	$(GO) test -race -tags ci -count=1 ./...
	GO=$(GO) FUZZTIME=$(FUZZTIME) .ci/fuzz-short.sh

## bench: benchmarks, no tests
bench: deps
	$(GO) test -run '^$$' -bench . -benchmem ./...

## eval: score the engine on the evaluation sets
eval: deps
	$(GO) run . eval

## smoke: run the real binary on a virtual screen and check its window
smoke: smoke-deps build
	.ci/smoke.sh $(BIN)

## screenshot: render the main window on the sample articles to
## docs/screenshot.png (dark), docs/screenshot-light.png and the framing view
## (docs/screenshot-framing.png) through Fyne's
## software renderer (test driver: no display, no OpenGL, no cgo)
screenshot: deps
	$(GO) build -tags ci -o bin/screenshot ./devtools/screenshot
	bin/screenshot -o docs/screenshot.png -w 1400 -h 900 -theme dark
	bin/screenshot -o docs/screenshot-light.png -w 1400 -h 900 -theme light
	bin/screenshot -o docs/screenshot-framing.png -w 1400 -h 1500 -theme dark -tab "Framing summary" -select none

## package: Linux .tar.xz with binary, .desktop file and icon
## (fyne package raises the build number in FyneApp.toml; the checkout
## keeps its own, so packaging never leaves it modified)
package: deps
	@mkdir -p bin && cp FyneApp.toml bin/.FyneApp.toml.keep
	rc=0; $(GO) tool fyne package -os linux || rc=$$?; mv bin/.FyneApp.toml.keep FyneApp.toml; exit $$rc
	@ls -l *.tar.xz

## package-deb: $(DIST)/parallax_VERSION-BUILD_ARCH.deb (binary, .desktop
## file, AppStream metainfo, icons, man page, licence notices)
package-deb: deps
	@$(call install-missing,$(DEB_PKGS))
	packaging/build-deb.sh $(DIST)

## package-windows: $(DIST)/Parallax.exe and a zip of it with the licence
## notices, cross-built with MinGW-w64 through fyne package (FyneApp.toml
## is restored afterwards)
package-windows:
	@$(call install-missing,$(WIN_PKGS))
	@$(GO) mod download
	packaging/build-windows.sh $(DIST)

## package-check: check the packages in $(DIST) (lintian, appstreamcli,
## desktop-file-validate, install/run/remove of the .deb, the .exe's
## PE headers and resources, and the .exe under wine when wine is
## installed); needs root or sudo
package-check:
	@$(call install-missing,$(PKG_CHECK_PKGS))
	.ci/package-check.sh $(DIST)

## clean: remove build outputs
clean:
	rm -rf bin tmp-pkg shot.png Parallax.tar.xz fyne.syso Parallax.exe
