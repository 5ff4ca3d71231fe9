#!/usr/bin/env bash
# Fails when src/generated/ does not match what `npm run codegen` produces from schema/*.graphql.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r src/generated "$tmp/before"
npx graphql-codegen --config codegen.yml --silent >/dev/null
if ! diff -r "$tmp/before" src/generated >/dev/null; then
  diff -ru "$tmp/before" src/generated | head -40 || true
  rm -rf src/generated && cp -r "$tmp/before" src/generated
  echo "codegen: src/generated/ is stale; run 'npm run codegen' and commit the result." >&2
  exit 1
fi
echo "codegen: src/generated/ is up to date"
