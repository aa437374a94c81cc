"""The error handlers: a client that hangs up is not a server fault."""

from __future__ import annotations

import logging

import httpx
import pytest
from fastapi import FastAPI
from starlette.requests import ClientDisconnect

from jibsa.core.errors import install_error_handlers


class TestClientDisconnect:
    async def test_answers_400_without_an_error_log(self, caplog: pytest.LogCaptureFixture) -> None:
        app = FastAPI()
        install_error_handlers(app)

        @app.post("/upload")
        async def upload() -> None:
            raise ClientDisconnect()

        with caplog.at_level(logging.INFO):
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
                response = await client.post("/upload")
        assert response.status_code == 400
        assert response.json()["code"] == "client_disconnected"
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
