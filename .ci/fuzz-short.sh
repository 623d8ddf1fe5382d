#!/usr/bin/env bash
# Runs every fuzz target of the module for a short time each (FUZZTIME,
# default 10s): the seeds and the stored corpus under testdata/fuzz, then
# fresh inputs. A target is a `func FuzzX(f *testing.F)` in a _test.go
# file; go test fuzzes one target of one package at a time. A crash is
# written to the package's testdata/fuzz/FuzzX/ and fails the run.
set -euo pipefail

cd "$(dirname "$0")/.."
GO=${GO:-go}
FUZZTIME=${FUZZTIME:-10s}

grep -rE --include='*_test.go' -l '^func Fuzz[A-Za-z0-9_]+\(f \*testing\.F\)' . | sort | while read -r file; do
	pkg=./$(dirname "${file#./}")
	grep -oE '^func Fuzz[A-Za-z0-9_]+' "$file" | sed 's/^func //' | while read -r target; do
		echo "fuzz $pkg $target ($FUZZTIME)"
		"$GO" test -tags ci -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" "$pkg" >/tmp/fuzz-short.$$ 2>&1 || {
			cat /tmp/fuzz-short.$$
			rm -f /tmp/fuzz-short.$$
			exit 1
		}
	done
done
rm -f /tmp/fuzz-short.$$
