from jibsa.core.errors import NotFound


class ProvinceNotFound(NotFound):
    code = "province_not_found"
    message = "해당 시/도를 찾을 수 없습니다."
