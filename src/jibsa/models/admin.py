"""Back-office accounts, their refresh tokens and login throttling."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Protocol

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from jibsa.models.base import Base, BigIntPK, CreatedAt, EncryptedText, Timestamps, UTCDateTime


class AdminRole(StrEnum):
    SUPER_ADMIN = "super_admin"
    ADMIN = "admin"


class Actor(Protocol):
    """Who acts, as audit rows and transition rules need it: an ``Admin`` row or a cached caller principal."""

    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...

    @property
    def role(self) -> str: ...


class Admin(Timestamps, Base):
    __tablename__ = "admin"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(EncryptedText("admin.phone"))
    role: Mapped[AdminRole] = mapped_column(String(20), default=AdminRole.ADMIN)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Bumped on password change or deactivation: access tokens carrying an older value stop working.
    token_generation: Mapped[int] = mapped_column(Integer, default=0)


class RefreshToken(CreatedAt, Base):
    """A refresh token, stored as a keyed hash; tokens of one login form a family."""

    __tablename__ = "refresh_token"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    admin_id: Mapped[int] = mapped_column(ForeignKey("admin.id", ondelete="CASCADE"), index=True)
    family_id: Mapped[str] = mapped_column(String(32), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ip_address: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(255))


class LoginThrottle(Base):
    """Consecutive login failures per account (email blind index) or per client IP."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
