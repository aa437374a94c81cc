"""Parsing of public submissions that arrive either as JSON or as a multipart form with files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import orjson
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile

from jibsa.core.errors import AppError, InvalidInput

M = TypeVar("M", bound=BaseModel)


async def read_upload(upload: UploadFile, *, field: str, max_bytes: int) -> bytes:
    data = await upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise AppError(
            f"파일은 {max_bytes // (1024 * 1024)}MB 이하여야 합니다.",
            code="file_too_large",
            status_code=413,
            details=[{"field": field, "message": f"파일은 {max_bytes // (1024 * 1024)}MB 이하여야 합니다."}],
        )
    if not data:
        raise InvalidInput(field, "빈 파일입니다.")
    return data


@dataclass(frozen=True, slots=True)
class Upload:
    field: str
    filename: str | None
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True, slots=True)
class Submission(Generic[M]):
    data: M
    files: dict[str, list[Upload]]

    def fingerprint_payload(self) -> dict[str, Any]:
        return {
            "data": self.data.model_dump(mode="json"),
            "files": {name: [u.sha256 for u in uploads] for name, uploads in self.files.items()},
        }


def _validate(model: type[M], raw: dict[str, Any]) -> M:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**err, "loc": ("body", *err["loc"])} for err in exc.errors(include_url=False)]
        ) from exc


async def parse_submission(
    request: Request,
    model: type[M],
    *,
    list_fields: frozenset[str] = frozenset(),
    file_limits: dict[str, int] | None = None,
    max_file_bytes: int,
) -> Submission[M]:
    """Validate a JSON or multipart body into ``model``; multipart list fields may be JSON strings or repeated."""
    file_limits = file_limits or {}
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        try:
            raw = orjson.loads(await request.body())
        except orjson.JSONDecodeError as exc:
            raise InvalidInput("body", "JSON 형식이 올바르지 않습니다.") from exc
        if not isinstance(raw, dict):
            raise InvalidInput("body", "JSON 객체를 보내 주세요.")
        return Submission(_validate(model, raw), {})
    if not content_type.startswith("multipart/form-data"):
        raise AppError(
            "multipart/form-data 또는 application/json 형식으로 보내 주세요.",
            code="unsupported_media_type",
            status_code=415,
        )
    max_files = sum(file_limits.values()) or 1
    async with request.form(max_files=max_files + 1, max_fields=100) as form:
        raw_fields: dict[str, Any] = {}
        files: dict[str, list[Upload]] = {}
        for name in set(form.keys()):
            values = form.getlist(name)
            uploads = [v for v in values if isinstance(v, UploadFile)]
            if uploads:
                if name not in file_limits:
                    raise InvalidInput(name, "이 항목에는 파일을 올릴 수 없습니다.")
                uploads = [u for u in uploads if u.filename or u.size]
                if len(uploads) > file_limits[name]:
                    raise InvalidInput(
                        name,
                        f"파일은 최대 {file_limits[name]}개까지 올릴 수 있습니다.",
                        code="too_many_files",
                    )
                files[name] = [
                    Upload(name, u.filename, await read_upload(u, field=name, max_bytes=max_file_bytes))
                    for u in uploads
                ]
                continue
            texts = [str(v) for v in values]
            if name in list_fields:
                if len(texts) == 1 and texts[0].lstrip().startswith("["):
                    try:
                        raw_fields[name] = orjson.loads(texts[0])
                    except orjson.JSONDecodeError as exc:
                        raise InvalidInput(name, "목록 형식이 올바르지 않습니다.") from exc
                else:
                    raw_fields[name] = texts
            else:
                raw_fields[name] = texts[-1]
    return Submission(_validate(model, raw_fields), files)


def openapi_submission_body(model: type[BaseModel], files: dict[str, int]) -> dict[str, Any]:
    """OpenAPI request body for an endpoint that takes ``model`` as JSON or as a multipart form with files.

    The JSON schema is referenced from ``components``; the app factory registers ``model`` there.
    """
    schema = model.model_json_schema()
    properties: dict[str, Any] = {name: {"type": "string"} for name in schema["properties"]}
    for name, count in files.items():
        properties[name] = {
            "type": "array",
            "items": {"type": "string", "format": "binary"},
            "maxItems": count,
        }
    form = {"type": "object", "properties": properties, "required": schema.get("required", [])}
    EXTRA_OPENAPI_MODELS.add(model)
    return {
        "requestBody": {
            "required": True,
            "content": {
                # Multipart first: it is what browsers send (photos); JSON is the convenience alternative.
                "multipart/form-data": {"schema": form},
                "application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}},
            },
        }
    }


EXTRA_OPENAPI_MODELS: set[type[BaseModel]] = set()
