#!/usr/bin/env bash
# Writes the backend's OpenAPI document to frontend/openapi.json (then run `npm run generate:client`).
# Uses `python -m jibsa.openapi` when the backend provides it, else builds the app and asks FastAPI.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py="${PYTHON:-$root/.venv/bin/python}"
export JIBSA_DATA_DIR="${JIBSA_DATA_DIR:-$(mktemp -d)}"
cd "$root"
if "$py" -c 'import jibsa.openapi' 2>/dev/null; then
  "$py" -m jibsa.openapi > frontend/openapi.json
else
  "$py" -c 'import json; from jibsa.main import create_app; print(json.dumps(create_app().openapi(), ensure_ascii=False, indent=2))' > frontend/openapi.json
fi
echo "wrote frontend/openapi.json"
