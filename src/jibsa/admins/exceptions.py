"""Admin and authentication errors (Korean messages, stable codes)."""

from __future__ import annotations

from jibsa.core.errors import Conflict, Forbidden, InvalidInput, NotFound, RateLimited, Unauthorized


class AdminNotFound(NotFound):
    code = "admin_not_found"
    message = "관리자를 찾을 수 없습니다."


class EmailTaken(Conflict):
    code = "email_taken"
    message = "이미 사용 중인 이메일입니다."


class InvalidCredentials(Unauthorized):
    """Unknown email and wrong password answer alike (no account enumeration)."""

    def __init__(self) -> None:
        super().__init__("이메일 또는 비밀번호가 올바르지 않습니다.", code="invalid_credentials")


class AccountInactive(Forbidden):
    code = "account_inactive"
    message = "비활성화된 계정입니다. 최고관리자에게 문의해 주세요."


class LoginLocked(RateLimited):
    code = "login_locked"
    message = "로그인 실패가 반복되어 잠시 잠겼습니다. 잠시 후 다시 시도해 주세요."


class InvalidRefreshToken(Unauthorized):
    def __init__(self) -> None:
        super().__init__("로그인이 만료되었습니다. 다시 로그인해 주세요.", code="invalid_refresh_token")


class RefreshTokenReused(Unauthorized):
    def __init__(self) -> None:
        super().__init__(
            "이미 사용된 로그인 정보가 다시 사용되어 모든 세션을 종료했습니다. 다시 로그인해 주세요.",
            code="refresh_token_reused",
        )


class CannotChangeOwnRole(Conflict):
    code = "cannot_change_own_role"
    message = "자기 자신의 권한은 변경할 수 없습니다."


class CannotDeactivateSelf(Conflict):
    code = "cannot_deactivate_self"
    message = "자기 자신을 비활성화할 수 없습니다."


class LastSuperAdmin(Conflict):
    code = "last_super_admin"
    message = "마지막 최고관리자는 권한을 낮추거나 비활성화할 수 없습니다."


class WrongCurrentPassword(InvalidInput):
    def __init__(self) -> None:
        super().__init__("current_password", "현재 비밀번호가 올바르지 않습니다.", code="wrong_current_password")


class PasswordUnchanged(InvalidInput):
    def __init__(self) -> None:
        super().__init__("new_password", "현재 비밀번호와 다른 비밀번호를 입력해 주세요.", code="password_unchanged")
