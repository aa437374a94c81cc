from __future__ import annotations

from typing import Any

import httpx
import pytest

from jibsa.core.config import Environment, Settings
from jibsa.main import create_app


class TestHealth:
    async def test_liveness(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/health")
        assert response.status_code == 200
        assert response.json()["status"] == "ok"

    async def test_readiness_reports_each_check(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/health/ready")
        checks = response.json()["checks"]
        assert checks["database"] == "ok"
        assert checks["migrations"] == "ok"
        assert "worker" in checks

    async def test_metrics(self, client: httpx.AsyncClient) -> None:
        await client.get("/health")
        response = await client.get("/metrics")
        assert response.status_code == 200
        assert "jibsa_http_requests_total" in response.text
        assert "jibsa_outbox_depth" in response.text


class TestHttpConventions:
    async def test_security_headers_and_request_id(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/health", headers={"X-Request-ID": "abc123"})
        assert response.headers["x-request-id"] == "abc123"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert "default-src 'self'" in response.headers["content-security-policy"]

    async def test_unknown_api_path_is_json_404(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/api/v1/nope")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"

    async def test_wrong_method_is_405(self, client: httpx.AsyncClient) -> None:
        response = await client.delete("/api/v1/services")
        assert response.status_code == 405
        assert response.json()["code"] == "method_not_allowed"

    async def test_openapi_document(self, client: httpx.AsyncClient) -> None:
        document = (await client.get("/api/v1/openapi.json")).json()
        assert "/api/v1/applications" in document["paths"]
        body = document["paths"]["/api/v1/applications"]["post"]["requestBody"]["content"]
        assert set(body) == {"application/json", "multipart/form-data"}
        assert "ApplicationCreate" in document["components"]["schemas"]
        operation_ids = [op["operationId"] for path in document["paths"].values() for op in path.values()]
        assert len(operation_ids) == len(set(operation_ids))


class TestSettings:
    def test_production_refuses_placeholder_secret(self) -> None:
        with pytest.raises(ValueError, match="JIBSA_SECRET_KEY"):
            Settings(env=Environment.PRODUCTION, secret_key="changeme")

    def test_production_hides_docs(self, settings: Settings, database: Any) -> None:
        production = settings.model_copy(update={"env": Environment.PRODUCTION, "secret_key": "s" * 40})
        app = create_app(production, database=database)
        assert app.openapi_url is None
        assert app.docs_url is None

    def test_development_secret_is_generated_once(self, tmp_path: Any) -> None:
        first = Settings(data_dir=tmp_path, secret_key=None).root_secret
        assert Settings(data_dir=tmp_path, secret_key=None).root_secret == first
        assert (tmp_path / "secret.key").stat().st_mode & 0o777 == 0o600


class TestWebApp:
    async def test_spa_fallback_assets_and_api_404(self, settings: Settings, database: Any, tmp_path: Any) -> None:
        (tmp_path / "assets").mkdir()
        (tmp_path / "index.html").write_text("<!doctype html><title>집사</title>")
        (tmp_path / "assets" / "app-abc.js").write_text("console.log(1)")
        app = create_app(settings, database=database, frontend_dist=tmp_path)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            deep = await client.get("/admin/applications/12")
            assert deep.status_code == 200
            assert "집사" in deep.text
            assert deep.headers["cache-control"] == "no-cache"
            asset = await client.get("/assets/app-abc.js")
            assert asset.text == "console.log(1)"
            assert "immutable" in asset.headers["cache-control"]
            assert (await client.get("/api/v1/nothing-here")).status_code == 404
            escape = await client.get("/..%2F..%2Fetc%2Fpasswd")
            assert "root:" not in escape.text
