# Peyvand: the two commands of the quick start, and a few more.
#
#   make run     install what is missing, build, open the app on the sample article
#                (with the settings schema and the translations compiled in the
#                build folder; `LANGUAGE=fa make run` shows it in Persian)
#   make test    install what is missing, build, run every test (GUI tests under
#                Xvfb), then every test again under ASan and UBSan
#   make build   install what is missing and compile
#   make eval    score the extraction against ../shared/corpus/dev-gold.json
#   make fuzz    run every libFuzzer target (clang) for FUZZ_SECONDS seconds
#   make valgrind  valgrind memcheck over the CLI on every ../shared/corpus article
#   make format  apply .clang-format to every C file

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
# Seconds each fuzz target runs for in `make fuzz`.
FUZZ_SECONDS ?= 60
SAMPLE     := data/samples/000_2ad9410abe4922a4.txt

# Debian 12 packages the build, the app and the tests need.
DEBIAN_PACKAGES := \
	build-essential meson ninja-build pkg-config clang-format \
	libglib2.0-dev libgtk-4-dev libadwaita-1-dev libicu-dev libxml2-dev \
	libcjson-dev libigraph-dev libarpack2-dev libcairo2-dev libpango1.0-dev \
	xvfb xauth fonts-noto-core python3 \
	desktop-file-utils appstream libglib2.0-bin libxml2-utils \
	zlib1g-dev \
	python3-networkx \
	poppler-utils \
	librsvg2-bin \
	gettext locales \
	graphviz

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run test test-asan valgrind eval fuzz format clean

all: build

# The packages, then the fa_IR.UTF-8 locale (for `LANG=fa_IR.UTF-8 make run`;
# without it the app still speaks Persian, src/app/pv-i18n.c falls back to
# C.UTF-8 and LANGUAGE).  Both steps do nothing when already done.
deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@if ! locale -a 2>/dev/null | grep -qix 'fa_IR\.utf-\?8'; then \
	  echo "Generating the fa_IR.UTF-8 locale"; \
	  grep -qx 'fa_IR UTF-8' /etc/locale.gen 2>/dev/null || \
	    $(SUDO) sed -i 's/^# *fa_IR UTF-8$$/fa_IR UTF-8/' /etc/locale.gen 2>/dev/null; \
	  grep -qx 'fa_IR UTF-8' /etc/locale.gen 2>/dev/null || \
	    echo 'fa_IR UTF-8' | $(SUDO) tee -a /etc/locale.gen >/dev/null; \
	  $(SUDO) locale-gen || echo "warning: could not generate fa_IR.UTF-8"; \
	fi

build: deps
	@[ -f $(BUILD)/build.ninja ] || meson setup $(BUILD)
	meson compile -C $(BUILD)

run: build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "peyvand: no display available (DISPLAY and WAYLAND_DISPLAY are unset)."; \
	  echo "To analyze without a display use the command line:"; \
	  echo "  $(BUILD)/src/cli/peyvand-cli analyze $(SAMPLE)"; \
	  exit 1; \
	fi
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data PEYVAND_LOCALEDIR=$(BUILD)/po \
	  $(BUILD)/src/app/peyvand $(SAMPLE)

test: build
	meson test -C $(BUILD) --print-errorlogs
	$(MAKE) test-asan

# Every test again, the GUI tests included, built with AddressSanitizer and
# UndefinedBehaviorSanitizer; any report, a leak included, fails the run.
# tests/lsan.supp lists the third-party leaks LeakSanitizer passes over.
# GDK_DEBUG=gl-disable keeps Mesa out of the process: the GUI tests draw
# with cairo, and Mesa's GL driver, unloaded at exit, leaves a leak in a
# library no suppression can name any more.  A build folder set up
# otherwise (an older one without the app) is reconfigured first.
ASAN_SETUP := -Dapp=true -Db_sanitize=address,undefined -Db_lundef=false
test-asan: deps
	@if [ ! -f $(ASAN_BUILD)/build.ninja ]; then \
	  meson setup $(ASAN_BUILD) $(ASAN_SETUP); \
	elif ! meson introspect --buildoptions $(ASAN_BUILD) | python3 -c 'import json, sys; \
	    o = {x["name"]: x["value"] for x in json.load(sys.stdin)}; \
	    sys.exit(not (o["app"] and o["b_sanitize"] == "address,undefined" and not o["b_lundef"]))'; then \
	  echo "Reconfiguring $(ASAN_BUILD): $(ASAN_SETUP)"; \
	  meson configure $(ASAN_BUILD) $(ASAN_SETUP); \
	fi
	meson compile -C $(ASAN_BUILD)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	GDK_DEBUG=gl-disable \
	meson test -C $(ASAN_BUILD) --print-errorlogs --timeout-multiplier 4

# valgrind memcheck over peyvand-cli on every article of ../shared/corpus
# (analyze, then export to PNG, SVG, PDF and GraphML): any error, invalid
# read or write, or byte definitely lost fails it.  Slow: some 70 minutes of
# processor time (35 to 40 on two idle cores); the figures are in
# docs/HARDENING.md.
valgrind: build
	@command -v valgrind >/dev/null || { \
	  echo "Installing valgrind"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends valgrind; }
	tests/valgrind/run-valgrind.sh $(BUILD)

# Precision, recall and F1 per entity type on ../shared/corpus, with every
# miss and false hit listed.
eval: build
	$(BUILD)/tests/eval/pv-eval --corpus ../shared/corpus

# libFuzzer targets built with clang, ASan and UBSan; each starts from its
# seeds in tests/fuzz/corpus (inputs it finds go to build-fuzz/corpus) and
# stops at the first crash, whose input it writes as
# build-fuzz/fuzz-TARGET-crash-*: fix the bug and add that input to
# tests/fuzz/corpus/TARGET, so every later run tries it first.
fuzz: deps
	@[ -f $(FUZZ_BUILD)/build.ninja ] || \
	  CC=clang meson setup $(FUZZ_BUILD) -Dfuzzing=true -Dapp=false \
	    -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=false
	meson compile -C $(FUZZ_BUILD)
	@for target in document analysis project knowledge export layout; do \
	  echo "== fuzz-$$target for $(FUZZ_SECONDS) s"; \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$target; \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  $(FUZZ_BUILD)/tests/fuzz/fuzz-$$target -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/fuzz-$$target- \
	    $(FUZZ_BUILD)/corpus/$$target tests/fuzz/corpus/$$target \
	    >$(FUZZ_BUILD)/fuzz-$$target.log 2>&1; \
	  status=$$?; \
	  grep -E '^(stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)' $(FUZZ_BUILD)/fuzz-$$target.log; \
	  [ $$status -eq 0 ] || { echo "fuzz-$$target failed: see $(FUZZ_BUILD)/fuzz-$$target.log"; exit 1; }; \
	done

format:
	clang-format -i $$(find src include tests -name '*.c' -o -name '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
