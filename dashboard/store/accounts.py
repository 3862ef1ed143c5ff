"""Staff accounts, the audit log and login attempts (tables of migration ``0001_base``).

Passwords are hashed with Argon2id (argon2-cffi). The audit log is append-only: the migration
adds database triggers that refuse UPDATE and DELETE, and no code path here issues either.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from dashboard.store import sessions as staff_sessions
from dashboard.store.base import Base, UTCDateTime, utcnow

ROLES: tuple[str, ...] = ("staff", "admin")
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
MIN_PASSWORD_LENGTH = 12
_HASHER = PasswordHasher()  # Argon2id with argon2-cffi's RFC 9106 "low memory" defaults


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="staff")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(200), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    ip: Mapped[str] = mapped_column(String(64), default="")


class LoginAttempt(Base):
    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    ip: Mapped[str] = mapped_column(String(64), index=True)
    username: Mapped[str] = mapped_column(String(64), default="")
    success: Mapped[bool] = mapped_column(Boolean, default=False)


class AccountError(ValueError):
    """A user cannot be created as asked (bad name, weak password, duplicate)."""


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def validate_new_account(username: str, password: str, role: str) -> None:
    if not USERNAME_RE.match(username):
        raise AccountError("username: 3-64 chars, lowercase letters, digits, . _ -")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password must have at least {MIN_PASSWORD_LENGTH} characters")
    if role not in ROLES:
        raise AccountError(f"role must be one of {ROLES}")


def create_user(session: Session, username: str, password: str, *, role: str = "staff",
                display_name: str = "") -> User:
    username = username.strip().lower()
    validate_new_account(username, password, role)
    if get_user_by_name(session, username) is not None:
        raise AccountError(f"user {username!r} already exists")
    user = User(username=username, password_hash=hash_password(password), role=role,
                display_name=display_name or username, active=True)
    session.add(user)
    session.flush()
    return user


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def get_user_by_name(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username.strip().lower()))


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user whose password matches, else ``None`` (same cost either way)."""
    user = get_user_by_name(session, username)
    candidate = user.password_hash if user is not None else _DUMMY_HASH
    try:
        _HASHER.verify(candidate, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    return user


_DUMMY_HASH = _HASHER.hash("timing-equaliser-not-a-password")


def audit(session: Session, user_id: int | None, action: str, target: str = "",
          details: dict[str, Any] | None = None, ip: str = "") -> AuditEntry:
    """Append one entry to the audit log (in the caller's transaction)."""
    entry = AuditEntry(at=utcnow(), user_id=user_id, action=action, target=target,
                       details=dict(details or {}), ip=ip)
    session.add(entry)
    session.flush()
    return entry


def audit_entries(session: Session, limit: int = 200) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)))


def set_password(session: Session, user: User, password: str) -> int:
    """Give ``user`` a new password and end all their sessions (returns how many ended).

    A cookie copied before the change (or by whoever knew the old password) stops working.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password must have at least {MIN_PASSWORD_LENGTH} characters")
    user.password_hash = hash_password(password)
    session.flush()
    return staff_sessions.revoke_user(session, user.id)
