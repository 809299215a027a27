# Quick start: `make site` builds the website into Output/, `make test` runs every test.
# Both install what is missing on a fresh Debian machine first (run as root).

BROADSIDE := .build/release/broadside

.PHONY: site test deps test-deps

site: deps
	swift build -c release --product broadside
	$(BROADSIDE) build
	@echo "Open Output/index.html in a web browser (double-click it, or: xdg-open Output/index.html)."

# The tests are XCTest; without the flag Swift Testing adds a closing "0 tests" line of its own.
test: deps test-deps
	swift test --disable-swift-testing

# Debian packages: what the build links against, and the browser the tests drive.
# apt-get and pip run only when something is missing.
BUILD_PACKAGES := libcmark-dev
TEST_PACKAGES := chromium chromium-driver

define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing" $$missing; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi
endef

deps:
	@command -v swift >/dev/null || { echo "error: Swift 6 is not installed: see https://www.swift.org/install/linux/"; exit 1; }
	$(call apt_install,$(BUILD_PACKAGES))

test-deps:
	$(call apt_install,$(TEST_PACKAGES))
	@python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q selenium || python3 -m pip install -q --break-system-packages selenium
