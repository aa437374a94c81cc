"""No personal data in URLs (SPEC §0): URLs land in proxy and access logs, browser history and Referer headers.

The routes are read from the app itself, so a parameter added later with a personal-data name fails here until
it moves into a body or earns an allow-list entry with its reason. Searches are ``POST …/search`` routes that
only read: they must run in a read-only unit of work like a GET does.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.db import Database, reads_only, writes_on_read
from jibsa.main import API_PREFIX
from tests.factories import auth_headers, make_application, quick_admin

# Name parts that say a parameter carries personal data (a part, so ``customer_phone`` or ``q`` are caught too).
PII_WORDS = frozenset({"search", "q", "query", "phone", "tel", "mobile", "name", "address", "email", "keyword"})

# (method, path, parameter) → why its value is provably not personal data.
ALLOWED: dict[tuple[str, str, str], str] = {
    ("GET", f"{API_PREFIX}/admin/sms-templates", "search"): (
        "matches a template's title or key: wording the company writes, never a customer's or partner's data"
    ),
}

SEARCH_ROUTES = {
    f"{API_PREFIX}/admin/applications/search",
    f"{API_PREFIX}/admin/partners/search",
    f"{API_PREFIX}/admin/sms/search",
    f"{API_PREFIX}/admin/sms/recipients/search",
}

_PART = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")


def looks_personal(name: str) -> bool:
    return bool(PII_WORDS.intersection(_PART.split(_CAMEL.sub(r"\1_", name).lower())))


def _openapi_parameters(app: FastAPI) -> Iterator[tuple[str, str, str, str]]:
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                yield method.upper(), path, parameter["in"], parameter["name"]


def _flat(dependant: Dependant) -> Iterator[Dependant]:
    yield dependant
    for sub in dependant.dependencies:
        yield from _flat(sub)


@dataclass(frozen=True)
class Served:
    path: str
    methods: frozenset[str]
    dependant: Dependant


def _api_routes(app: FastAPI) -> Iterator[Served]:
    """Every API route as served: full path, dependencies with its routers' ones."""
    for context in iter_route_contexts(app.routes):
        if isinstance(context.original_route, APIRoute) and context.path is not None:
            yield Served(context.path, frozenset(context.methods or ()), context.dependant)


def _routed_parameters(app: FastAPI) -> Iterator[tuple[str, str, str, str]]:
    """Also the routes hidden from the document (``include_in_schema=False``)."""
    for route in _api_routes(app):
        for dependant in _flat(route.dependant):
            for kind, params in (("query", dependant.query_params), ("path", dependant.path_params)):
                for param in params:
                    for name in _names(param.field_info.annotation, param.alias):
                        for method in route.methods:
                            yield method, route.path, kind, name


def _names(annotation: Any, alias: str) -> list[str]:
    """A parameter's name in the URL; for a parameter model (``Annotated[Model, Query()]``), its fields' names."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [field.alias or name for name, field in annotation.model_fields.items()]
    return [alias]


class TestNoPersonalDataInUrls:
    def test_the_word_check_catches_what_it_should(self) -> None:
        caught = ["search", "q", "phone", "customer_phone", "name", "company-name", "address", "email", "searchType"]
        assert [n for n in caught if not looks_personal(n)] == []
        assert not [n for n in ("status", "template_key", "partner_id", "page_size", "date_from") if looks_personal(n)]

    def test_no_route_takes_personal_data_in_its_query_or_path(self, app: FastAPI) -> None:
        parameters = set(_openapi_parameters(app)) | set(_routed_parameters(app))
        assert len(parameters) > 50  # the walk finds the routes
        offending = sorted(
            f"{method} {path} ({where}: {name})"
            for method, path, where, name in parameters
            if looks_personal(name) and (method, path, name) not in ALLOWED
        )
        assert not offending, "personal data would travel in URLs; take it in a POST body:\n" + "\n".join(offending)

    def test_every_allow_list_entry_names_a_real_parameter(self, app: FastAPI) -> None:
        documented = {(method, path, name) for method, path, _, name in _openapi_parameters(app)}
        assert set(ALLOWED) <= documented, set(ALLOWED) - documented

    def test_the_searches_take_their_term_in_the_body(self, app: FastAPI) -> None:
        paths = app.openapi()["paths"]
        for path in SEARCH_ROUTES:
            operation = paths[path]["post"]
            assert not operation.get("parameters"), path
            schema_name = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
            schema = app.openapi()["components"]["schemas"][schema_name]
            assert "search" in schema["required"], path


class TestSearchesReadOnly:
    def test_every_read_only_route_is_a_post_search_and_none_also_writes(self, app: FastAPI) -> None:
        marked: dict[str, set[str]] = {}
        for route in _api_routes(app):
            calls = {d.call for d in _flat(route.dependant)}
            if reads_only in calls:
                assert writes_on_read not in calls, route.path
                marked[route.path] = set(route.methods)
        assert marked == {path: {"POST"} for path in SEARCH_ROUTES}

    @pytest.mark.parametrize("path", sorted(SEARCH_ROUTES))
    async def test_a_search_runs_in_a_read_only_unit_of_work(
        self,
        client: httpx.AsyncClient,
        db: Database,
        session: AsyncSession,
        monkeypatch: pytest.MonkeyPatch,
        path: str,
    ) -> None:
        admin = await quick_admin(session)
        await make_application(session, customer_phone="01012345678")
        seen: list[bool] = []
        original = db.transaction

        @asynccontextmanager
        async def recording(*, read_only: bool = False, audited_read: bool = False) -> AsyncIterator[AsyncSession]:
            seen.append(read_only)
            async with original(read_only=read_only, audited_read=audited_read) as s:
                yield s

        monkeypatch.setattr(db, "transaction", recording)
        response = await client.post(path, json={"search": "5678"}, headers=auth_headers(admin))
        assert response.status_code == 200, response.text
        assert seen  # the caller's check and the search itself: every unit of work read-only
        assert all(seen), seen

    async def test_other_posts_still_get_a_writer(
        self,
        client: httpx.AsyncClient,
        db: Database,
        session: AsyncSession,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        admin = await quick_admin(session)
        application = await make_application(session)
        seen: list[bool] = []
        original = db.transaction

        @asynccontextmanager
        async def recording(*, read_only: bool = False, audited_read: bool = False) -> AsyncIterator[Any]:
            seen.append(read_only)
            async with original(read_only=read_only, audited_read=audited_read) as s:
                yield s

        monkeypatch.setattr(db, "transaction", recording)
        url = f"{API_PREFIX}/admin/applications/{application.id}/notes"
        response = await client.post(url, json={"content": "전화 드림"}, headers=auth_headers(admin))
        assert response.status_code == 201, response.text
        assert seen == [False]
