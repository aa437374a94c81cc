"""Routing costs: dependencies run on the event loop, and the route table's order never shadows a route."""

from __future__ import annotations

import inspect
import re

from fastapi import FastAPI
from starlette.routing import compile_path

from tests.core.test_no_pii_in_urls import _api_routes, _flat


def _runs_on_the_loop(call: object) -> bool:
    method = call if inspect.isfunction(call) or inspect.ismethod(call) else getattr(call, "__call__", None)  # noqa: B004
    return inspect.iscoroutinefunction(method) or inspect.isasyncgenfunction(method)


def test_no_dependency_runs_in_the_thread_pool(app: FastAPI) -> None:
    # FastAPI runs a non-async dependency in its thread pool: measured at ~6 % of a cached admin read's CPU.
    in_threads = {
        f"{getattr(dependant.call, '__module__', '?')}.{getattr(dependant.call, '__qualname__', dependant.call)}"
        for route in _api_routes(app)
        for dependant in _flat(route.dependant)
        if dependant.call is not None and not _runs_on_the_loop(dependant.call)
    }
    assert in_threads == set()


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def test_no_route_is_shadowed_by_an_earlier_one(app: FastAPI) -> None:
    # Routes match in order (the busiest routers come first, see ``main._api_router``): a reordering must never let
    # an earlier route catch a later route's requests (``/sms/{message_id}`` before ``/sms/stats``, say).
    routes = list(_api_routes(app))
    shadowed = [
        (earlier.path, route.path, sorted(earlier.methods & route.methods))
        for index, route in enumerate(routes)
        for earlier in routes[:index]
        if earlier.methods & route.methods and compile_path(earlier.path)[0].match(_concrete(route.path))
    ]
    assert shadowed == []
