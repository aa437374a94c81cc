"""Stored files: uploads live outside any static folder under server-generated keys."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from jibsa.models.base import Base, BigIntPK, CreatedAt, EncryptedText


class StoredFile(CreatedAt, Base):
    __tablename__ = "stored_file"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)  # application_photo, business_registration, ...
    storage_key: Mapped[str] = mapped_column(String(255), unique=True)
    thumbnail_key: Mapped[str | None] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    # Uploaders' file names can carry personal data ("홍길동_사업자등록증.pdf").
    original_name: Mapped[str | None] = mapped_column(EncryptedText("stored_file.original_name"))
