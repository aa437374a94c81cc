"""Password hashing (argon2) and admin access tokens (JWT, HS256 with a derived key)."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

import jwt
from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from jibsa.core.config import Environment, get_settings
from jibsa.core.crypto import get_keyring
from jibsa.core.korean import now_utc

ACCESS_TOKEN_TTL = timedelta(minutes=15)
REFRESH_TOKEN_TTL = timedelta(days=14)
ACCESS_TOKEN_TYPE = "access"
JWT_ALGORITHM = "HS256"
JWT_ISSUER = "jibsa"


@lru_cache(maxsize=1)
def password_hasher() -> PasswordHasher:
    """argon2id with the library's RFC 9106 defaults; the test suite uses the cheapest parameters.

    Changing the parameters is safe: hashes made with others still verify and are upgraded at the next login.
    """
    if get_settings().env is Environment.TEST:
        return PasswordHasher.from_parameters(profiles.CHEAPEST)
    return PasswordHasher()


def hash_password(password: str) -> str:
    return password_hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return password_hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def hash_password_async(password: str) -> str:
    """``hash_password`` off the event loop (a production hash takes most of a second of CPU)."""
    return await asyncio.to_thread(hash_password, password)


async def verify_password_async(password_hash: str, password: str) -> bool:
    return await asyncio.to_thread(verify_password, password_hash, password)


def needs_rehash(password_hash: str) -> bool:
    return password_hasher().check_needs_rehash(password_hash)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


async def burn_password_check(password: str) -> None:
    """Spend the time of a real verification, so an unknown email answers as slowly as a wrong password."""
    await asyncio.to_thread(lambda: verify_password(_dummy_hash(), password))


def new_refresh_token() -> str:
    """An opaque refresh token: random, never a JWT, so it can never pass as an access token."""
    return secrets.token_urlsafe(32)


def new_token_family() -> str:
    return secrets.token_hex(16)


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


# Verified tokens, so that an admin's every request does not verify the same signature again (an access token
# lives 15 minutes; the expiry is checked on every use). Bounded: emptied when full.
_VERIFIED_MAX = 1024
_verified: dict[str, AccessClaims] = {}


def decode_access_token(token: str) -> AccessClaims | None:
    """Claims of a valid, unexpired access token; ``None`` for anything else (refresh tokens included)."""
    claims = _verified.get(token)
    if claims is not None:
        if claims.expires_at > now_utc():
            return claims
        del _verified[token]
        return None
    claims = _verify(token)
    if claims is not None:
        if len(_verified) >= _VERIFIED_MAX:
            _verified.clear()
        _verified[token] = claims
    return claims


def _verify(token: str) -> AccessClaims | None:
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
