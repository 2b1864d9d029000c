# Plinth: the two commands of the README, and the steps they are made of.
# Every recipe sources scripts/env.sh, which brings Node 22 and Yarn 4 when the machine
# lacks them; scripts/setup.sh installs packages only when yarn.lock or a package changed.
SHELL := /bin/bash
ENV := source scripts/env.sh &&

.PHONY: start test setup build-app e2e stock-app bench clean

## Set up if needed, then start the portal: app on :3000, backend on :7007 (SQLite in memory),
## with a demo Prometheus for the live SLOs when prometheus is installed (scripts/start.sh).
start: setup
	$(ENV) bash scripts/start.sh

## Set up if needed, then run every test suite (type check, lint, unit and integration, e2e).
test: setup
	$(ENV) bash scripts/test.sh

setup:
	@bash scripts/setup.sh

build-app: setup
	$(ENV) bash scripts/build-app.sh

e2e: build-app
	$(ENV) bash scripts/test.sh e2e

## Only the stock-app test: Plinth installed into a new Backstage app (docs/install.md).
stock-app: setup
	$(ENV) bash scripts/test.sh stock-app

## Every package's benchmark, then the overview page at 5,000 services in Chromium.
bench: build-app
	$(ENV) yarn bench
	$(ENV) yarn bench:overview

clean:
	rm -rf node_modules packages/*/node_modules plugins/*/node_modules packages/app/dist dist-types artifacts .tools
