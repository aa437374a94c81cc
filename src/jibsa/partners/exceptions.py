from jibsa.core.errors import AppError, Conflict, Forbidden, NotFound


class PartnerNotFound(NotFound):
    code = "partner_not_found"
    message = "협력사를 찾을 수 없습니다."


class InvalidRegion(AppError):
    status_code = 422
    code = "invalid_region"
    message = "작업 지역을 확인해 주세요."


class InvalidPartnerTransition(Conflict):
    code = "invalid_transition"
    message = "현재 상태에서 변경할 수 없는 상태입니다."


class ReasonRequired(AppError):
    status_code = 422
    code = "reason_required"
    message = "사유를 입력해 주세요."


class PartnerHasActiveAssignments(Conflict):
    code = "partner_has_active_assignments"
    message = "진행 중인 배정이 있는 협력사는 삭제할 수 없습니다."


class BusinessRegistrationNotFound(NotFound):
    code = "business_registration_not_found"
    message = "사업자등록증 파일이 없습니다."


class PartnerNoteNotFound(NotFound):
    code = "partner_note_not_found"
    message = "메모를 찾을 수 없습니다."


class NoteNotDeletable(Conflict):
    code = "note_not_deletable"
    message = "상태 변경 기록은 삭제할 수 없습니다."


class NoteForbidden(Forbidden):
    code = "note_forbidden"
    message = "본인이 작성한 메모만 삭제할 수 있습니다."
