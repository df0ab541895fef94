"""Settings: the only place that reads the environment (prefix READINESS_)."""

from functools import lru_cache
from pathlib import Path

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEVELOPMENT_SECRET = "development-only-secret-change-me"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="READINESS_", extra="ignore")

    environment: str = "development"
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'readiness.db'}"
    secret_key: str = DEVELOPMENT_SECRET
    cookie_secure: bool = False
    session_idle_minutes: int = 60
    templates_dir: Path = PROJECT_ROOT / "templates"
    static_dir: Path = PROJECT_ROOT / "static"
    seed_dir: Path = PROJECT_ROOT / "seed"
    default_locale: str = "en"
    # Uploads above this are refused before reading (CLI imports have no limit).
    import_max_megabytes: int = 20

    @model_validator(mode="after")
    def _refuse_placeholder_secret_outside_development(self) -> "Settings":
        # A deployed instance signing cookies with a published key would let anyone forge a login.
        if self.environment != "development" and self.secret_key == DEVELOPMENT_SECRET:
            raise ValueError("READINESS_SECRET_KEY must be set outside development")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
