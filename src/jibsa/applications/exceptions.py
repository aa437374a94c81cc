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
