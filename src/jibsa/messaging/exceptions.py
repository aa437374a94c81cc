from __future__ import annotations

from collections.abc import Sequence

from jibsa.core.errors import AppError, Conflict, NotFound


class TemplateNotFound(NotFound):
    code = "template_not_found"
    message = "문자 템플릿을 찾을 수 없습니다."


class TemplateKeyTaken(Conflict):
    code = "template_key_taken"
    message = "이미 사용 중인 템플릿 키입니다."


class SystemTemplate(Conflict):
    code = "system_template"
    message = "시스템 템플릿은 삭제할 수 없습니다."


class SystemTemplateReadOnly(AppError):
    status_code = 422
    code = "system_template_readonly"
    message = "시스템 템플릿은 내용과 사용 여부만 바꿀 수 있습니다."

    def __init__(self, fields: Sequence[str]) -> None:
        super().__init__(details=[{"field": name, "message": self.message} for name in fields])


class UnknownPlaceholders(AppError):
    status_code = 422
    code = "unknown_placeholders"

    def __init__(self, names: Sequence[str], allowed: Sequence[str]) -> None:
        listed = ", ".join(f"{{{name}}}" for name in names)
        super().__init__(
            f"사용할 수 없는 변수가 있습니다: {listed}",
            details=[{"field": "content", "message": f"사용할 수 없는 변수: {listed}", "allowed": list(allowed)}],
        )


class UnsupportedCharacters(AppError):
    """Characters outside EUC-KR would reach the phone as ``?``: refused, named."""

    status_code = 422
    code = "unsupported_characters"

    def __init__(self, field: str, characters: Sequence[str]) -> None:
        listed = " ".join(characters)
        message = f"문자로 보낼 수 없는 글자가 있습니다: {listed}"
        super().__init__(message, details=[{"field": field, "message": message, "characters": list(characters)}])


class MessageTooLong(AppError):
    status_code = 422
    code = "message_too_long"

    def __init__(self, field: str, byte_length: int, limit: int) -> None:
        message = f"{limit}바이트 이하로 입력해 주세요. (현재 {byte_length}바이트)"
        super().__init__(
            message, details=[{"field": field, "message": message, "byte_length": byte_length, "limit": limit}]
        )


class MessageNotFound(NotFound):
    code = "sms_not_found"
    message = "문자 발송 기록을 찾을 수 없습니다."


class NotRetryable(Conflict):
    code = "not_retryable"
    message = "실패한 문자만 다시 보낼 수 있습니다."


class RecipientNotFound(NotFound):
    code = "recipient_not_found"
    message = "받는 사람을 찾을 수 없습니다."


class BulkJobNotFound(NotFound):
    code = "bulk_job_not_found"
    message = "대량 발송 작업을 찾을 수 없습니다."


class BulkJobFinished(Conflict):
    code = "bulk_job_finished"
    message = "이미 끝난 대량 발송 작업입니다."


class QuietHours(AppError):
    status_code = 422
    code = "quiet_hours"
    message = "광고 문자는 21시부터 다음 날 8시까지 보낼 수 없습니다."


class NoRecipients(AppError):
    status_code = 422
    code = "no_recipients"
    message = "조건에 맞는 받는 사람이 없습니다."
