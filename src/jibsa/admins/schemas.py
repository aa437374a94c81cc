from __future__ import annotations

from typing import Annotated

from pydantic import EmailStr, Field

from jibsa.core.pagination import Schema
from jibsa.core.validation import CleanText, Phone, length
from jibsa.models import AdminRole


class AdminCreate(Schema):
    email: EmailStr
    password: Annotated[str, Field(min_length=8, max_length=128)]
    name: Annotated[CleanText, length(2, 100)]
    phone: Phone | None = None
    role: AdminRole = AdminRole.ADMIN
