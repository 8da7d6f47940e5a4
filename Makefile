# The two set-up commands (see README.md). Both install their own Debian packages first.
#   make run   build (release) and run the main job on the bundled example article
#   make test  build (dev: -O2 with assertions) and run every test, then the fuzzers for a short time
SHELL := /bin/bash
JOBS ?= $(shell nproc)
EXAMPLE := examples/putin-tehran-2022-07-18.txt
FUZZ_SECONDS ?= 20

.PHONY: deps run test build-release build-dev fuzz bench clean

deps:
	./scripts/install-deps.sh

build-release: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

build-dev: deps
	cmake --preset dev >/dev/null
	cmake --build --preset dev -j $(JOBS)

run: build-release
	./build/release/src/cli/dyad code --date 2022-07-18 $(EXAMPLE)

test: build-dev
	ctest --preset dev
	$(MAKE) --no-print-directory fuzz

fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS) --target fuzzers
	./scripts/run-fuzzers.sh build/fuzz $(FUZZ_SECONDS)

bench: build-release
	./scripts/run-benchmarks.sh build/release

clean:
	rm -rf build
