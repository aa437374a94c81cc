"""``python -m jibsa.openapi``: print the API's OpenAPI document (the web app's client is generated from it)."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from jibsa.core.config import Environment, Settings
from jibsa.main import create_app


def document() -> str:
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(
            env=Environment.DEVELOPMENT, data_dir=Path(data_dir), secret_key="openapi-export-" + "x" * 32
        )
        app = create_app(settings)
        return json.dumps(app.openapi(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(document())
