"""The company profile: one row, used wherever the company's own data is shown or sent."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from jibsa.models.base import Base, Timestamps


class VatMode(StrEnum):
    INCLUDED = "included"  # prices include VAT
    EXCLUDED = "excluded"  # VAT added on top
    NONE = "none"  # not shown (simplified taxpayer)


class CompanyProfile(Timestamps, Base):
    __tablename__ = "company_profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(100), default="집사 홈케어")
    phone: Mapped[str] = mapped_column(String(20), default="")
    sms_prefix: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    business_number: Mapped[str] = mapped_column(String(12), default="")
    representative: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    bank_account: Mapped[str] = mapped_column(String(100), default="")
    stamp_text: Mapped[str] = mapped_column(String(50), default="")
    tagline: Mapped[str] = mapped_column(String(200), default="")
    vat_mode: Mapped[VatMode] = mapped_column(String(10), default=VatMode.INCLUDED)
    sms_sender: Mapped[str] = mapped_column(String(20), default="")
    reminder_hour: Mapped[int] = mapped_column(Integer, default=18)
