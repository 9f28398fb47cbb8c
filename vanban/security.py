"""Who may see the explorer. Party documents are not public.

The rule: the explorer listens on the loopback address (127.0.0.1, ::1,
localhost) unless access is protected, and refuses to serve any other address
without protection. Protection is configured in ``.streamlit/secrets.toml``
(or ``~/.streamlit/secrets.toml``), never in code:

* ``password = "..."`` — a shared password; every new browser session is asked
  for it once;
* an ``[auth]`` section — Streamlit's own OIDC login (``st.login``), with the
  keys Streamlit documents (``redirect_uri``, ``cookie_secret``, a provider's
  ``client_id``/``client_secret``/``server_metadata_url``).

Deciding on the follow-through board (confirm, reject, re-link, set a verdict)
needs more than reading: a named reviewer account, ``[reviewers] NAME =
"<hash>"`` in the same secrets file, the hash printed by ``vanban review
hash-password`` (PBKDF2-SHA256, salted; no plain password is stored). A session
signs in on the board (:func:`check_reviewer`); a session that has not sees no
review control, and the store the explorer reads through is read-only anyway.

Three places apply the rule: :func:`check_address` (pure, raises
:class:`ExposedWithoutProtection`), which ``vanban app`` can call before it
starts Streamlit; :func:`gate`, which ``app.py`` calls first on every run
(it reads the address Streamlit actually listens on); and the password form
inside :func:`gate`.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vanban.errors import VanbanError

__all__ = [
    "Access",
    "ExposedWithoutProtection",
    "access_from_secrets",
    "check_address",
    "gate",
    "is_loopback",
    "password_matches",
    "read_secrets",
]


class ExposedWithoutProtection(VanbanError):
    """The explorer was asked to listen beyond this machine without a password or a login."""


@dataclass(frozen=True)
class Access:
    """How access is protected: a shared password, an OIDC login, or nothing."""

    password: str | None = None
    oidc: bool = False

    @property
    def protected(self) -> bool:
        return bool(self.password) or self.oidc


def is_loopback(address: str | None) -> bool:
    """Whether a listening address only accepts connections from this machine.

    An empty address is Streamlit's default: every interface.

    >>> [is_loopback(a) for a in ("127.0.0.1", "127.0.1.1", "::1", "[::1]", "localhost")]
    [True, True, True, True, True]
    >>> [is_loopback(a) for a in ("", None, "0.0.0.0", "::", "192.168.1.5", "example.org")]
    [False, False, False, False, False, False]
    """
    if not address:
        return False
    a = address.strip().strip("[]")
    if a.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(a).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve anywhere


def access_from_secrets(secrets: Mapping[str, Any]) -> Access:
    """The protection a secrets mapping (``st.secrets`` or a parsed secrets.toml) configures.

    >>> access_from_secrets({"password": "s3cret"}).protected, access_from_secrets({}).protected
    (True, False)
    >>> access_from_secrets({"password": ""}).protected
    False
    >>> access_from_secrets({"auth": {"redirect_uri": "https://x/oauth2callback", "cookie_secret": "k"}}).oidc
    True
    """
    password = secrets.get("password")
    if password is not None and not isinstance(password, str):
        password = str(password)
    auth = secrets.get("auth")
    oidc = isinstance(auth, Mapping) and bool(auth.get("redirect_uri")) and bool(auth.get("cookie_secret"))
    return Access(password=password or None, oidc=oidc)


def read_secrets(*paths: Path) -> dict[str, Any]:
    """The first secrets.toml that exists among ``paths`` (project's, then the user's), parsed; ``{}`` if none."""
    for p in paths:
        if p.is_file():
            with p.open("rb") as f:
                return tomllib.load(f)
    return {}


def default_secret_paths(project: Path) -> tuple[Path, Path]:
    """Where Streamlit looks for secrets: the project's ``.streamlit/``, then the user's."""
    return project / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml"


def check_address(address: str | None, access: Access) -> None:
    """Raise :class:`ExposedWithoutProtection` for a non-loopback address without protection.

    >>> check_address("127.0.0.1", Access())
    >>> check_address("0.0.0.0", Access(password="x"))
    >>> check_address("0.0.0.0", Access())
    Traceback (most recent call last):
    ...
    vanban.security.ExposedWithoutProtection: refusing to serve on 0.0.0.0 without a password: party documents are not public; set password = "..." (or an [auth] section) in .streamlit/secrets.toml, or listen on 127.0.0.1
    """
    if is_loopback(address) or access.protected:
        return
    shown = address or "every interface"
    raise ExposedWithoutProtection(
        f"refusing to serve on {shown} without a password: party documents are not public; "
        'set password = "..." (or an [auth] section) in .streamlit/secrets.toml, or listen on 127.0.0.1'
    )


def password_matches(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of a typed password with the configured one.

    >>> password_matches("abc", "abc"), password_matches("abd", "abc"), password_matches("", None)
    (True, False, False)
    """
    if not expected or given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


# -- the Streamlit side ------------------------------------------------------------

_SESSION_KEY = "vanban_authenticated"


def _streamlit_secrets(st: Any) -> Mapping[str, Any]:
    try:
        return {k: st.secrets[k] for k in st.secrets}
    except Exception:  # no secrets.toml anywhere: Streamlit raises its own error type
        return {}


def gate(st: Any) -> None:
    """Stop the script unless this session may see the explorer (called first by ``app.py``).

    * listening beyond loopback without protection: an error page, nothing else;
    * a password configured: a form until the session has typed it;
    * OIDC configured: a login button until the user is logged in.
    """
    access = access_from_secrets(_streamlit_secrets(st))
    address = st.get_option("server.address")
    try:
        check_address(address, access)
    except ExposedWithoutProtection:
        st.error(
            f"Từ chối phục vụ trên địa chỉ {address or 'mọi giao diện mạng'}: tài liệu của Đảng không công khai. "
            'Đặt `password = "..."` (hoặc mục `[auth]`) trong `.streamlit/secrets.toml`, '
            "hoặc chạy trên 127.0.0.1 (`vanban app`)."
        )
        st.stop()
    if access.oidc and not _logged_in(st):
        st.title("vanban")
        st.info("Cần đăng nhập để xem dữ liệu.")
        st.button("Đăng nhập", on_click=st.login)
        st.stop()
    if access.password and not st.session_state.get(_SESSION_KEY):
        st.title("vanban")
        with st.form("vanban_login"):
            typed = st.text_input("Mật khẩu", type="password")
            ok = st.form_submit_button("Vào")
        if ok and password_matches(typed, access.password):
            st.session_state[_SESSION_KEY] = True
            st.rerun()
        if ok:
            st.error("Sai mật khẩu.")
        st.stop()


def _logged_in(st: Any) -> bool:
    try:
        return bool(st.user.is_logged_in)
    except Exception:
        return False


# -- reviewer accounts: [reviewers] name = "<hash>" in .streamlit/secrets.toml
#
# Reading is what the gate above protects; deciding on a link (graph.review) needs a
# named reviewer who signs in with their own password. Only hashes are stored
# (`vanban review hash-password` prints one).

_ITERATIONS = 240_000


def hash_password(password: str, salt: bytes | None = None, iterations: int = _ITERATIONS) -> str:
    """``pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>`` (hashlib; nothing to install).

    >>> h = hash_password("s3cret", salt=b"0123456789abcdef", iterations=1000)
    >>> h.split("$")[:2], verify_password("s3cret", h), verify_password("S3cret", h)
    (['pbkdf2_sha256', '1000'], True, False)
    """
    if not password:
        raise ValueError("an empty password cannot be hashed")
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password: str | None, stored: str | None) -> bool:
    """Constant-time check of a typed password against a :func:`hash_password` string; a malformed hash is False."""
    if not password or not stored:
        return False
    try:
        algo, iterations, salt, digest = str(stored).split("$")
        if algo != "pbkdf2_sha256":
            return False
        got = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(got.hex(), digest)


def reviewers_from_secrets(secrets: Mapping[str, Any]) -> dict[str, str]:
    """``[reviewers]`` of a secrets mapping: name -> password hash (entries that are not text are left out).

    >>> reviewers_from_secrets({"reviewers": {"lan": "pbkdf2_sha256$1$00$00", "x": 3}}), reviewers_from_secrets({})
    ({'lan': 'pbkdf2_sha256$1$00$00'}, {})
    """
    section = secrets.get("reviewers") or {}
    return {str(k): v for k, v in dict(section).items() if isinstance(v, str) and v}


def check_reviewer(name: str | None, password: str | None, reviewers: Mapping[str, str]) -> str | None:
    """The reviewer's name when ``password`` is theirs, else None (an unknown name costs the same time)."""
    stored = reviewers.get((name or "").strip())
    ok = verify_password(password, stored or _DUMMY)
    return (name or "").strip() if ok and stored else None


_DUMMY = "pbkdf2_sha256$240000$00$00"
REVIEWER_KEY = "vanban_reviewer"


def signed_in_reviewer(st: Any) -> str | None:
    """The reviewer this session signed in as, or None (a reader)."""
    name = st.session_state.get(REVIEWER_KEY)
    reviewers = reviewers_from_secrets(_streamlit_secrets(st))
    return name if name in reviewers else None
