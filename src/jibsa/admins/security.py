"""Password hashing (argon2) and admin access tokens (JWT, HS256 with a derived key)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from jibsa.core.crypto import get_keyring
from jibsa.core.korean import now_utc

ACCESS_TOKEN_TTL = timedelta(minutes=15)
REFRESH_TOKEN_TTL = timedelta(days=14)
ACCESS_TOKEN_TYPE = "access"
JWT_ALGORITHM = "HS256"
JWT_ISSUER = "jibsa"


@lru_cache(maxsize=1)
def password_hasher() -> PasswordHasher:
    return PasswordHasher()


def hash_password(password: str) -> str:
    return password_hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return password_hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return password_hasher().check_needs_rehash(password_hash)


@dataclass(frozen=True, slots=True)
class AccessClaims:
    admin_id: int
    role: str
    generation: int
    expires_at: datetime


def create_access_token(
    admin_id: int, role: str, generation: int, *, now: datetime | None = None
) -> tuple[str, datetime]:
    issued = now or now_utc()
    expires = issued + ACCESS_TOKEN_TTL
    payload = {
        "sub": str(admin_id),
        "role": role,
        "gen": generation,
        "typ": ACCESS_TOKEN_TYPE,
        "iss": JWT_ISSUER,
        "iat": int(issued.timestamp()),
        "exp": int(expires.timestamp()),
    }
    return jwt.encode(payload, get_keyring().jwt_key, algorithm=JWT_ALGORITHM), expires


def decode_access_token(token: str) -> AccessClaims | None:
    """Claims of a valid, unexpired access token; ``None`` for anything else (refresh tokens included)."""
    try:
        payload = jwt.decode(
            token,
            get_keyring().jwt_key,
            algorithms=[JWT_ALGORITHM],
            issuer=JWT_ISSUER,
            options={"require": ["sub", "exp", "iat", "typ", "iss"]},
        )
    except jwt.PyJWTError:
        return None
    if payload.get("typ") != ACCESS_TOKEN_TYPE:
        return None
    try:
        return AccessClaims(
            admin_id=int(payload["sub"]),
            role=str(payload.get("role", "")),
            generation=int(payload.get("gen", 0)),
            expires_at=datetime.fromtimestamp(int(payload["exp"]), tz=now_utc().tzinfo),
        )
    except (TypeError, ValueError):
        return None
