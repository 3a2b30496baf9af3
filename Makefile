# Two commands on a fresh machine:
#   make run    installs the Debian packages if needed, builds, runs the default
#               Hai Phong scenario and writes its outputs to out/haiphong-2026/
#   make test   installs, builds and runs every test (ctest), then the same tests
#               under AddressSanitizer and UndefinedBehaviorSanitizer, then the sweep
#               over two MPI ranks (a build with -DFISCALSIM_MPI=ON)
BUILD ?= build
SAN_BUILD ?= build-sanitize
MPI_BUILD ?= build-mpi
JOBS ?= $(shell nproc)

.PHONY: run test test-fast test-mpi deps build build-sanitize build-mpi clean fuzz

run: build
	./$(BUILD)/fiscalsim run scenarios/haiphong-2026.cfg -o out/haiphong-2026 --format csv,xlsx

test: test-fast build-sanitize
	cd $(SAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j$(JOBS) -LE slow
	$(MAKE) test-mpi

# Only the program is built with MPI; its test is the one that needs mpirun.
test-mpi: build-mpi
	cd $(MPI_BUILD) && ctest --output-on-failure -R sweep/mpi

build-mpi: deps
	cmake -S . -B $(MPI_BUILD) -DCMAKE_BUILD_TYPE=Release -DFISCALSIM_MPI=ON -DFISCALSIM_WERROR=ON >/dev/null
	cmake --build $(MPI_BUILD) -j$(JOBS) --target fiscalsim-cli

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

deps:
	@scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DFISCALSIM_WERROR=ON >/dev/null
	cmake --build $(BUILD) -j$(JOBS)

build-sanitize: deps
	cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DFISCALSIM_SANITIZE=ON -DFISCALSIM_WERROR=ON >/dev/null
	cmake --build $(SAN_BUILD) -j$(JOBS)

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(MPI_BUILD) out

# Fuzz the scenario and table loaders (clang, libFuzzer); FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 60
fuzz: deps
	tests/fuzz/run.sh $(FUZZ_SECONDS)
