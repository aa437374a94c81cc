from jibsa.core.errors import AppError, Conflict, NotFound


class AssignmentNotFound(NotFound):
    code = "assignment_not_found"
    message = "배정을 찾을 수 없습니다."


class PartnerNotApproved(AppError):
    status_code = 422
    code = "partner_not_approved"
    message = "승인된 협력사만 배정할 수 있습니다."


class ServicesNotCovered(AppError):
    status_code = 422
    code = "services_not_covered"
    message = "협력사가 제공하지 않거나 신청에 없는 서비스가 포함되어 있습니다."


class ServiceAlreadyAssigned(AppError):
    status_code = 422
    code = "service_already_assigned"
    message = "이미 다른 협력사에 배정된 서비스가 포함되어 있습니다."


class AssignmentClosed(Conflict):
    code = "assignment_closed"
    message = "취소되었거나 완료된 배정은 바꿀 수 없습니다."


class TemplateInactive(AppError):
    status_code = 422
    code = "template_inactive"
    message = "문자 템플릿이 꺼져 있어 보낼 수 없습니다."
