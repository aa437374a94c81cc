from jibsa.core.errors import Conflict, NotFound


class AdminNotFound(NotFound):
    code = "admin_not_found"
    message = "관리자를 찾을 수 없습니다."


class EmailTaken(Conflict):
    code = "email_taken"
    message = "이미 사용 중인 이메일입니다."
