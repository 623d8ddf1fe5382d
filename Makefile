# Parallax build, test and packaging. On a fresh Debian 12 with Go
# installed, `make run` and `make test` are the whole set-up: both install
# the missing system packages first.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

GO  ?= go
BIN := bin/parallax

# System packages: the Fyne (cgo, OpenGL, X11/Wayland) build, and the
# virtual screen and screenshot tools the smoke test uses.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev
SMOKE_PKGS := xvfb xauth imagemagick x11-utils

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

.PHONY: deps smoke-deps build run test bench eval smoke screenshot package clean

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

## test: gofmt check, vet and every test under the race detector
## (headless Fyne driver)
test: deps
	@unformatted=$$(gofmt -l .); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed on:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet -tags ci ./...
	$(GO) test -race -tags ci -count=1 ./...

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
	$(GO) build -tags ci -o bin/screenshot ./internal/screenshot
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

## clean: remove build outputs
clean:
	rm -rf bin tmp-pkg shot.png Parallax.tar.xz
