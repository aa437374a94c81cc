"""Admin accounts: the service the API and ``jibsa create-admin`` share."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.admins.exceptions import EmailTaken
from jibsa.admins.schemas import AdminCreate
from jibsa.admins.security import hash_password
from jibsa.models import Admin


def normalise_email(email: str) -> str:
    return email.strip().lower()


async def get_by_email(session: AsyncSession, email: str) -> Admin | None:
    return await session.scalar(select(Admin).where(Admin.email == normalise_email(email)))


async def create_admin(session: AsyncSession, data: AdminCreate) -> Admin:
    """Create an admin account (email unique, password hashed with argon2)."""
    if await get_by_email(session, data.email) is not None:
        raise EmailTaken()
    admin = Admin(
        email=normalise_email(data.email),
        password_hash=hash_password(data.password),
        name=data.name,
        phone=data.phone,
        role=data.role,
        is_active=True,
    )
    session.add(admin)
    await session.flush()
    return admin


async def count_admins(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Admin)) or 0)
