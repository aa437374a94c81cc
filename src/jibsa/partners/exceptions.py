from jibsa.core.errors import AppError, NotFound


class PartnerNotFound(NotFound):
    code = "partner_not_found"
    message = "협력사를 찾을 수 없습니다."


class InvalidRegion(AppError):
    status_code = 422
    code = "invalid_region"
    message = "작업 지역을 확인해 주세요."
