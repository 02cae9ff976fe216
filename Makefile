# The entry points. Each one first installs what is missing (idempotent,
# no apt call when everything is there), then builds through CMake presets.
#   make demo     build (dev) and run the demo on relais-demo.db
#   make test     C++ suites under ASan+UBSan, Python suite on the dev build
#   make bench    Google Benchmark, JSON in build/bench/results.json
#   make install PREFIX=/opt/relais
#   make fuzz     libFuzzer runs with clang (developer tool, not in CI)
PREFIX ?= /usr/local
JOBS ?= $(shell nproc)
DEPS_STAMP := build/.deps-installed

.PHONY: deps demo test test-asan test-dev bench install fuzz clean

deps:
	@bash scripts/install-deps.sh

configure-%: deps
	@test -f build/$*/build.ninja || cmake --preset $*

build-%: configure-%
	cmake --build --preset $* -j $(JOBS)

demo: build-dev
	build/dev/bin/relais demo relais-demo.db

test: test-asan test-dev

# The sanitized tree runs the C++ suites; the Python module and the
# install consumers need an unsanitized library, so they run on dev.
test-asan: build-asan
	ctest --preset asan -j $(JOBS) --timeout 600 -L cpp

test-dev: build-dev
	ctest --preset dev -j $(JOBS) --timeout 600 -L "python|consumer"

bench: build-release
	bash scripts/run-bench.sh build/release build/bench/results.json

install: build-release
	cmake --install build/release --prefix $(PREFIX)

fuzz: deps
	bash scripts/run-fuzz.sh

clean:
	rm -rf build relais-demo.db* dashboard.html
