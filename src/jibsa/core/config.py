"""Settings: the one place that reads the environment (prefix ``JIBSA_``)."""

from __future__ import annotations

import secrets
from enum import StrEnum
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = {"", "changeme", "change-me", "secret", "placeholder", "your-secret-key"}
MIN_SECRET_LENGTH = 32


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JIBSA_", env_file=".env", extra="ignore")

    env: Environment = Environment.DEVELOPMENT
    data_dir: Path = Path("./var")
    database_url: str | None = None
    secret_key: str | None = Field(default=None, repr=False)
    # Comma-separated root secrets still accepted for decryption after a rotation.
    previous_secret_keys: str = Field(default="", repr=False)
    public_url: str = "http://127.0.0.1:8000"
    show_docs: bool | None = None
    log_level: str = "INFO"
    # One log line per request (with its request id). Off by default: the reverse proxy keeps access logs, and
    # request counts and latencies are in /metrics.
    access_log: bool = False

    # Database pool (PostgreSQL)
    db_pool_size: int = 10
    db_pool_pre_ping: bool = False
    db_max_overflow: int = 10

    # Admin reads (lists, calendar, SMS log) answered from memory while no write has committed since
    # (``core.read_cache``). The TTL only bounds writes made outside the application (``psql``).
    read_cache_enabled: bool = True
    read_cache_ttl_seconds: float = Field(default=30.0, gt=0)
    read_cache_max_mb: int = Field(default=64, ge=1)

    # Rate limits ("N/period" strings understood by the `limits` package)
    rate_limit_public_submit_ip: str = "10/minute"
    rate_limit_public_submit_phone: str = "5/hour"
    rate_limit_login_ip: str = "20/minute"
    # Refreshes carry a 128-bit secret (nothing to guess); every page load of the admin app makes one, and an office
    # shares one IP. The limit only stops a runaway client.
    rate_limit_refresh_ip: str = "120/minute"
    rate_limit_portal_ip: str = "60/minute"
    redis_url: str | None = None

    # Uploads
    max_upload_bytes: int = 10 * 1024 * 1024
    max_image_pixels: int = 40_000_000
    image_max_edge: int = 1920

    # SMS
    sms_provider: Literal["console", "aligo", "solapi"] = "console"
    sms_sender: str = ""
    aligo_key: str = Field(default="", repr=False)
    aligo_user_id: str = ""
    aligo_url: str = "https://apis.aligo.in"
    solapi_key: str = Field(default="", repr=False)
    solapi_secret: str = Field(default="", repr=False)
    solapi_url: str = "https://api.solapi.com"
    # Free opt-out number printed at the end of advertising messages (무료수신거부 080-...); company phone if unset.
    sms_opt_out_number: str = ""
    sms_http_timeout_seconds: float = 10.0

    # Outbox worker (``jibsa worker``; ``jibsa serve`` runs one in-process unless ``--no-worker``)
    run_worker_in_process: bool = False
    sms_worker_concurrency: int = Field(default=8, ge=1, le=256)
    sms_rate_per_second: float = Field(default=20.0, ge=0)  # 0 = no limit
    sms_max_attempts: int = Field(default=6, ge=1)
    # A claimed row is reclaimed by any worker after this long; keep it well above the HTTP timeout.
    sms_lease_seconds: float = Field(default=45.0, gt=0)
    sms_backoff_base_seconds: float = Field(default=5.0, ge=0)
    sms_backoff_max_seconds: float = Field(default=900.0, ge=0)
    sms_poll_seconds: float = Field(default=1.0, gt=0)
    worker_heartbeat_seconds: float = Field(default=15.0, gt=0)

    # Tests
    test_database_url: str | None = None

    @model_validator(mode="after")
    def _refuse_placeholder_secret_in_production(self) -> Settings:
        if self.env is Environment.PRODUCTION:
            key = (self.secret_key or "").strip()
            if key.lower() in PLACEHOLDER_SECRETS or len(key) < MIN_SECRET_LENGTH:
                raise ValueError(
                    f"JIBSA_SECRET_KEY must be set to a random value of at least {MIN_SECRET_LENGTH} "
                    "characters in production"
                )
        return self

    @property
    def is_production(self) -> bool:
        return self.env is Environment.PRODUCTION

    @property
    def docs_enabled(self) -> bool:
        return self.show_docs if self.show_docs is not None else not self.is_production

    @cached_property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'jibsa.db').resolve()}"

    @property
    def upload_dir(self) -> Path:
        return self.data_dir / "uploads"

    @cached_property
    def root_secret(self) -> bytes:
        """The root secret; in development it is generated once into the data directory."""
        if self.secret_key:
            return self.secret_key.encode()
        if self.is_production:  # pragma: no cover - refused by the validator above
            raise RuntimeError("JIBSA_SECRET_KEY is required in production")
        path = self.data_dir / "secret.key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip().encode()


@lru_cache
def get_settings() -> Settings:
    return Settings()
