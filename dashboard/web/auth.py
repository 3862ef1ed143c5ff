"""Staff authentication on the Flask server: Flask-Login sessions, CSRF, login throttling.

``install(server, store, settings, staff_routes=...)`` is called once from ``create_app``.
Staff pages are plain server-rendered forms under ``/staff/``; every POST there needs a CSRF
token (Flask-WTF). CSRF is checked by path prefix instead of globally, so Dash's JSON dispatch
and the public API are never covered (the Dash-side exemption broke in Dash 4.2).

Logins are throttled per account and per address in the database
(``dashboard.store.login_throttle``), so the limits hold across gunicorn workers. Sessions are
server-side (``dashboard.web.sessions``): logout, a password change or 30 idle minutes end them,
even for a copied cookie. Areas add their staff pages through the ``staff_routes`` that the
composition root passes in (each a ``register(bp, store, settings)``); this module never
imports the areas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    abort,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import LoginManager, current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError, CSRFProtect
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from dashboard.core.config import Settings
from dashboard.core.i18n import normalize_lang, t
from dashboard.store import Store, accounts, ratelimit
from dashboard.store.login_throttle import LoginThrottle
from dashboard.web import sessions as web_sessions
from dashboard.web.client import request_ip
from dashboard.web.inputs import parse_int

STAFF_PREFIX = "/staff"
F = TypeVar("F", bound=Callable[..., Any])
StaffRoutes = Callable[[Blueprint, Store, Settings], None]
"""Adds one area's pages to the ``/staff`` blueprint (e.g. ``dashboard.tracker.staff_pages``)."""


@dataclass(frozen=True)
class StaffUser:
    """The logged-in user as Flask-Login sees it: a detached, read-only copy of the row."""

    id: int
    username: str
    display_name: str
    role: str
    is_authenticated: bool = True
    is_active: bool = True
    is_anonymous: bool = False

    def get_id(self) -> str:
        return str(self.id)

    @classmethod
    def of(cls, user: accounts.User) -> StaffUser:
        return cls(user.id, user.username, user.display_name, user.role)


class LoginForm(FlaskForm):
    username = StringField(validators=[DataRequired(), Length(max=64)])
    password = PasswordField(validators=[DataRequired(), Length(max=512)])


def current_staff_user() -> StaffUser | None:
    """The logged-in staff member, or ``None`` (usable in Flask routes and Dash callbacks)."""
    user = current_user
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user if isinstance(user, StaffUser) else None


def is_staff_logged_in() -> bool:
    """Dash-side helper: a callback runs in a Flask request, so the session is visible."""
    try:
        return current_staff_user() is not None
    except RuntimeError:  # outside a request (unit tests of layouts)
        return False


def staff_required(view: F) -> F:
    """Like ``login_required`` but also refuses non-staff roles (403)."""
    @wraps(view)
    @login_required
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        user = current_staff_user()
        if user is None or user.role not in accounts.ROLES:
            abort(403)
        return view(*args, **kwargs)
    return wrapper  # type: ignore[return-value]


def request_lang() -> str:
    return normalize_lang(request.args.get("lang") or request.cookies.get("lang") or "es")


def safe_next(target: str | None) -> str:
    """Only same-site relative paths; anything else goes to the staff home."""
    if not target:
        return url_for("staff.home")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("staff.home")
    return target


def _configure(server: Flask, settings: Settings) -> None:
    secure = settings.secure_cookies
    server.config.update(
        WTF_CSRF_CHECK_DEFAULT=False,  # checked by path below; Dash dispatch is never covered
        WTF_CSRF_SSL_STRICT=secure,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=secure,
    )


def _login_manager(server: Flask, store: Store) -> LoginManager:
    manager = LoginManager()
    manager.login_view = "staff.login"
    manager.session_protection = "strong"
    manager.login_message = None  # type: ignore[assignment]

    @manager.user_loader
    def load(user_id: str) -> StaffUser | None:
        uid = parse_int(user_id, 0, 2**63 - 1)  # SQLite's INTEGER range
        if uid is None:
            return None
        with store.session() as ses:
            user = accounts.get_user(ses, uid)
            if user is None or not user.active or not web_sessions.is_live(ses, uid):
                return None
            return StaffUser.of(user)

    manager.init_app(server)
    return manager


def _install_csrf(server: Flask) -> None:
    csrf = CSRFProtect(server)

    @server.before_request
    def _staff_csrf():
        if request.path.startswith(STAFF_PREFIX + "/") and request.method in {
                "POST", "PUT", "PATCH", "DELETE"}:
            origin = request.headers.get("Origin")
            if origin and urlsplit(origin).netloc != request.host:
                abort(403)
            csrf.protect()

    @server.errorhandler(CSRFError)
    def _csrf_error(err: CSRFError):
        return render_template("staff/error.html", lang=request_lang(), t=t,
                               message=t("tracker.auth.csrf_error", request_lang())), 400


def _attempt_login(store: Store, settings: Settings, throttle: LoginThrottle, form: LoginForm,
                   ip: str) -> tuple[StaffUser | None, int]:
    """(user, 0) on success, (None, 0) on a wrong password, (None, seconds) when throttled.

    The attempt is charged to the throttle in its own transaction before the password check,
    so concurrent attempts cannot slip past the limit.
    """
    if not form.validate():
        return None, 0
    name = (form.username.data or "").strip().lower()[:64]
    with store.session() as ses:
        admission = throttle.admit(ses, ip, name)
    if not admission.allowed:
        return None, admission.retry_after
    with store.session() as ses:
        user = accounts.authenticate(ses, name, form.password.data or "")
        ratelimit.record_login(ses, ip, name, user is not None)
        ratelimit.prune_login_attempts(ses, settings.login_rate_limit)
        if user is None:
            return None, 0
        throttle.succeeded(ses, admission)
        accounts.audit(ses, user.id, "login", f"user:{user.username}", {}, ip)
        return StaffUser.of(user), 0


def _login_routes(bp: Blueprint, store: Store, settings: Settings) -> None:
    throttle = LoginThrottle(settings.login_rate_limit)

    @bp.route("/login", methods=["GET", "POST"])
    def login():
        lang = request_lang()
        form = LoginForm()
        if request.method == "GET":
            return render_template("staff/login.html", form=form, lang=lang, t=t, message="")
        ip = request_ip(settings.trust_proxy)
        staff, retry_after = _attempt_login(store, settings, throttle, form, ip)
        if staff is not None:
            session.clear()  # no fixation: a fresh session after authentication
            login_user(staff)
            web_sessions.start(store, staff.id, ip)
            return redirect(safe_next(request.args.get("next")))
        key = "tracker.auth.rate_limited" if retry_after else "tracker.auth.bad_credentials"
        response = make_response(render_template("staff/login.html", form=form, lang=lang,
                                                 t=t, message=t(key, lang)),
                                 429 if retry_after else 401)
        if retry_after:
            response.headers["Retry-After"] = str(retry_after)
        return response

    @bp.post("/logout")
    @login_required
    def logout():
        user = current_staff_user()
        if user is not None:
            with store.session() as ses:
                accounts.audit(ses, user.id, "logout", f"user:{user.username}", {},
                               request_ip(settings.trust_proxy))
        web_sessions.end(store)
        logout_user()
        session.clear()
        return redirect(url_for("staff.login", lang=request_lang()))


def install(server: Flask, store: Store, settings: Settings, *,
            staff_routes: Iterable[StaffRoutes]) -> None:
    """Set up sessions, CSRF and the ``/staff`` blueprint: login plus each area's pages.

    A successful login lands on ``staff.home``, which one of ``staff_routes`` must provide.
    """
    _configure(server, settings)
    _login_manager(server, store)
    _install_csrf(server)
    bp = Blueprint("staff", __name__, url_prefix=STAFF_PREFIX, template_folder="templates")
    _login_routes(bp, store, settings)
    for register in staff_routes:
        register(bp, store, settings)
    server.register_blueprint(bp)
