from jibsa.core.errors import AppError, NotFound


class ServiceNotAvailable(AppError):
    status_code = 422
    code = "service_not_available"
    message = "선택한 서비스 중 현재 신청할 수 없는 서비스가 있습니다."


class UnknownService(AppError):
    status_code = 422
    code = "unknown_service"
    message = "존재하지 않는 서비스가 포함되어 있습니다."


class UnknownDistrict(AppError):
    status_code = 422
    code = "unknown_district"
    message = "존재하지 않는 지역입니다."


class ApplicationNotFound(NotFound):
    code = "application_not_found"
    message = "신청을 찾을 수 없습니다."


class TooManyPhotos(AppError):
    status_code = 422
    code = "too_many_photos"
    message = "사진은 최대 10장까지 올릴 수 있습니다."


class InvalidTransition(AppError):
    status_code = 409
    code = "invalid_transition"
    message = "현재 상태에서는 그 상태로 바꿀 수 없습니다."


class ReasonRequired(AppError):
    status_code = 422
    code = "reason_required"
    message = "사유를 입력해 주세요."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message, details=[{"field": "reason", "message": message or self.message}])


class VersionRequired(AppError):
    status_code = 428
    code = "version_required"
    message = "수정하려면 version(또는 If-Match 헤더)이 필요합니다."


class ApplicationClosed(AppError):
    status_code = 409
    code = "application_closed"
    message = "완료되었거나 취소된 신청은 배정을 바꿀 수 없습니다."


class NoteNotFound(NotFound):
    code = "note_not_found"
    message = "메모를 찾을 수 없습니다."


class NoteNotOwner(AppError):
    status_code = 403
    code = "note_not_owner"
    message = "본인이 작성한 메모만 삭제할 수 있습니다."


class NoPhotos(NotFound):
    code = "no_photos"
    message = "이 신청에는 첨부된 사진이 없습니다."


class PhotoMissing(NotFound):
    code = "photo_missing"
    message = "사진 파일이 저장소에 없습니다. 관리자에게 알려 주세요."
