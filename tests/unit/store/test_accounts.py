"""Staff accounts: Argon2id passwords, name and password rules, inactive users, password
changes that end every session, and the audit log (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from dashboard.store import Store, accounts
from dashboard.store import sessions as staff_sessions


def test_passwords_are_argon2_and_verified(store_on_both: Store) -> None:
    with store_on_both.session() as ses:
        user = accounts.create_user(ses, "Ana.Perez", "una clave muy larga 1")
        assert user.username == "ana.perez"
        assert user.password_hash.startswith("$argon2id$")
    with store_on_both.session() as ses:
        assert accounts.authenticate(ses, "ana.perez", "una clave muy larga 1") is not None
        assert accounts.authenticate(ses, "ana.perez", "una clave muy larga 2") is None
        assert accounts.authenticate(ses, "nadie", "una clave muy larga 1") is None


@pytest.mark.parametrize(("name", "password", "role"), [
    ("ab", "una clave muy larga 1", "staff"), ("ana", "corta", "staff"),
    ("ana", "una clave muy larga 1", "root"), ("Ana Perez", "una clave muy larga 1", "staff")])
def test_bad_accounts_are_refused(store_on_both: Store, name: str, password: str,
                                  role: str) -> None:
    with pytest.raises(accounts.AccountError), store_on_both.session() as ses:
        accounts.create_user(ses, name, password, role=role)


def test_duplicate_user_refused(store_on_both: Store) -> None:
    with store_on_both.session() as ses:
        accounts.create_user(ses, "ana", "una clave muy larga 1")
    with pytest.raises(accounts.AccountError), store_on_both.session() as ses:
        accounts.create_user(ses, "ANA", "una clave muy larga 1")


def test_an_inactive_user_cannot_log_in(store_on_both: Store) -> None:
    with store_on_both.session() as ses:
        accounts.create_user(ses, "ana", "una clave muy larga 1").active = False
    with store_on_both.session() as ses:
        assert accounts.authenticate(ses, " ANA ", "una clave muy larga 1") is None
        assert accounts.get_user_by_name(ses, " ANA ") is not None


def test_a_new_password_ends_every_session_of_the_user(store_on_both: Store) -> None:
    with store_on_both.session() as ses:
        ana = accounts.create_user(ses, "ana", "una clave muy larga 1")
        other = accounts.create_user(ses, "luis", "una clave muy larga 1")
        tokens = [staff_sessions.open_session(ses, ana.id, "10.0.0.1") for _ in range(2)]
        kept = staff_sessions.open_session(ses, other.id, "10.0.0.2")
    with store_on_both.session() as ses:
        user = accounts.get_user(ses, ana.id)
        assert user is not None
        with pytest.raises(accounts.AccountError):
            accounts.set_password(ses, user, "corta")
        assert accounts.set_password(ses, user, "otra clave muy larga") == 2
    with store_on_both.session() as ses:
        assert not any(staff_sessions.check_session(ses, t, ana.id) for t in tokens)
        assert staff_sessions.check_session(ses, kept, other.id)
        assert accounts.authenticate(ses, "ana", "otra clave muy larga") is not None


def test_audit_entries_are_listed_newest_first(store_on_both: Store) -> None:
    with store_on_both.session() as ses:
        for n in range(3):
            accounts.audit(ses, None, f"prueba.{n}", target="x", details={"n": n}, ip="10.0.0.1")
    with store_on_both.session() as ses:
        entries = accounts.audit_entries(ses, limit=2)
        assert [(e.action, e.details) for e in entries] == [
            ("prueba.2", {"n": 2}), ("prueba.1", {"n": 1})]
