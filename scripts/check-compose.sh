#!/usr/bin/env bash
# Validates docker-compose.yml with Docker's own parser where a compose-capable Docker is installed, and says so
# when it skips. The build checks the file everywhere else (e2e-tests: ComposeFileTest); this adds the real schema.
# Debian's docker-compose 1.x is not used: it predates the compose specification and rejects valid keys.
set -euo pipefail
cd "$(dirname "$0")/.."

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1 && docker-compose version --short 2>/dev/null | grep -q '^v\?2\.'; then
  compose=(docker-compose)
else
  echo "check-compose: skipped, no Docker Compose v2 here (docker compose / docker-compose 2.x)."
  exit 0
fi

# The file requires its secrets from the environment (${VAR:?...}); a checkout without .env validates with the
# names of .env.example, whose secrets are empty placeholders: they are filled with a stand-in for validation only.
env_file=.env
if [ ! -f "$env_file" ]; then
  env_file=$(mktemp)
  trap 'rm -f "$env_file"' EXIT
  sed -E 's/^([A-Z][A-Z0-9_]*)=$/\1=placeholder-for-validation-only/' .env.example > "$env_file"
  source_name=".env.example, secrets as placeholders"
else
  source_name=".env"
fi

"${compose[@]}" --env-file "$env_file" -f docker-compose.yml config --quiet
"${compose[@]}" --env-file "$env_file" -f docker-compose.yml -f docker-compose.demo.yml config --quiet
echo "check-compose: docker-compose.yml and docker-compose.demo.yml are valid ($("${compose[@]}" version --short)," \
  "variables from $source_name)."
