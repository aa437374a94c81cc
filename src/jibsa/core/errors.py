"""One error base for every expected failure, rendered as ``{"code", "message", "details"}``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

logger = logging.getLogger("jibsa.errors")


class ErrorDetail(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    """Every 4xx/5xx answer: a machine-readable ``code``, a Korean ``message`` and optional ``details``."""

    code: str
    message: str
    details: list[ErrorDetail] | dict[str, Any] | None = None


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "입력값 오류 (details: 항목별 메시지)"},
    "4XX": {"model": ErrorBody, "description": "요청 오류"},
}


class AppError(Exception):
    status_code = 400
    code = "bad_request"
    message = "요청을 처리할 수 없습니다."

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        status_code: int | None = None,
        details: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.message
        self.code = code or self.code
        self.status_code = status_code or self.status_code
        self.details = details
        self.headers = headers
        super().__init__(self.message)


class NotFound(AppError):
    status_code = 404
    code = "not_found"
    message = "요청한 항목을 찾을 수 없습니다."


class Conflict(AppError):
    status_code = 409
    code = "conflict"
    message = "다른 변경과 충돌했습니다."


class VersionConflict(Conflict):
    code = "version_conflict"
    message = "다른 사용자가 먼저 수정했습니다. 새로고침 후 다시 시도해 주세요."


class InvalidInput(AppError):
    status_code = 422
    code = "validation_error"
    message = "입력값을 확인해 주세요."

    def __init__(self, field: str, message: str, *, code: str | None = None) -> None:
        super().__init__(message, code=code, details=[{"field": field, "message": message}])


class SearchInUrl(InvalidInput):
    """A search term sent in the query string: refused rather than ignored (an unfiltered list would mislead)."""

    def __init__(self, field: str) -> None:
        super().__init__(
            field,
            "검색어는 주소(URL)에 넣을 수 없습니다. 검색 요청(POST …/search)으로 보내 주세요.",
            code="search_in_url",
        )


class Unauthorized(AppError):
    status_code = 401
    code = "unauthorized"
    message = "로그인이 필요합니다."

    def __init__(self, message: str | None = None, *, code: str | None = None) -> None:
        super().__init__(message, code=code, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(AppError):
    status_code = 403
    code = "forbidden"
    message = "권한이 없습니다."


class RateLimited(AppError):
    status_code = 429
    code = "rate_limited"
    message = "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요."

    def __init__(self, retry_after: int) -> None:
        super().__init__(headers={"Retry-After": str(max(retry_after, 1))}, details={"retry_after": retry_after})


_KOREAN_VALIDATION = {
    "missing": "필수 항목입니다.",
    "string_too_short": "너무 짧습니다.",
    "string_too_long": "너무 깁니다.",
    "int_parsing": "숫자를 입력해 주세요.",
    "int_type": "숫자를 입력해 주세요.",
    "date_from_datetime_parsing": "날짜 형식(YYYY-MM-DD)이 올바르지 않습니다.",
    "date_parsing": "날짜 형식(YYYY-MM-DD)이 올바르지 않습니다.",
    "date_type": "날짜 형식(YYYY-MM-DD)이 올바르지 않습니다.",
    "bool_parsing": "참/거짓 값이어야 합니다.",
    "enum": "허용되지 않는 값입니다.",
    "literal_error": "허용되지 않는 값입니다.",
    "greater_than_equal": "값이 너무 작습니다.",
    "less_than_equal": "값이 너무 큽니다.",
    "too_short": "항목이 부족합니다.",
    "too_long": "항목이 너무 많습니다.",
    "json_invalid": "JSON 형식이 올바르지 않습니다.",
    "list_type": "목록이어야 합니다.",
    "value_error": "값이 올바르지 않습니다.",
    "email": "이메일 형식이 올바르지 않습니다.",
}


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or "body"


def validation_details(errors: list[Any]) -> list[dict[str, str]]:
    details = []
    for err in errors:
        kind = str(err.get("type", ""))
        message = _KOREAN_VALIDATION.get(kind)
        if kind == "value_error":
            # Our validators raise ValueError with a Korean message.
            message = str(err.get("ctx", {}).get("error", "")) or message
        details.append(
            {"field": _field_name(tuple(err.get("loc", ()))), "message": message or "값이 올바르지 않습니다."}
        )
    return details


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(_: Request, exc: AppError) -> JSONResponse:
        body = {"code": exc.code, "message": exc.message, "details": exc.details}
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        body = {
            "code": "validation_error",
            "message": "입력값을 확인해 주세요.",
            "details": validation_details(list(exc.errors())),
        }
        return JSONResponse(body, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {
            404: ("not_found", "요청한 주소를 찾을 수 없습니다."),
            405: ("method_not_allowed", "허용되지 않는 요청 방식입니다."),
        }
        code, message = codes.get(exc.status_code, ("http_error", str(exc.detail)))
        return JSONResponse(
            {"code": code, "message": message, "details": None},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(ClientDisconnect)
    async def _gone(request: Request, _: ClientDisconnect) -> JSONResponse:
        # The client hung up before its body was read (a phone losing signal mid-upload): nobody will read a
        # reply, and it is not a server fault worth a traceback.
        logger.info("client disconnected before its request was read: %s %s", request.method, request.url.path)
        body = {"code": "client_disconnected", "message": "요청이 중단되었습니다.", "details": None}
        return JSONResponse(body, status_code=400)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {
                "code": "internal_error",
                "message": "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.",
                "details": None,
            },
            status_code=500,
        )
