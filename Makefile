# Quick start: `make site` builds the website into Output/, `make test` runs every test.
# Both install what is missing on a fresh Debian machine first (run as root).

BROADSIDE := .build/release/broadside

.PHONY: site test deps

site: deps
	swift build -c release --product broadside
	$(BROADSIDE) build
	@echo "Open Output/index.html in a web browser (double-click it, or: xdg-open Output/index.html)."

# The tests are XCTest; without the flag Swift Testing adds a closing "0 tests" line of its own.
test: deps
	swift test --disable-swift-testing

# Debian packages the build links against; apt-get runs only when one is missing.
DEBIAN_PACKAGES := libcmark-dev

deps:
	@command -v swift >/dev/null || { echo "error: Swift 6 is not installed: see https://www.swift.org/install/linux/"; exit 1; }
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing $$missing"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi
