"""Every ORM model, importable from one place (Alembic and relationships need it)."""

from jibsa.models.admin import Actor, Admin, AdminRole, LoginThrottle, RefreshToken
from jibsa.models.application import (
    ACTIVE_APPLICATION_STATUSES,
    APPLICATION_STATUS_LABELS,
    Application,
    ApplicationNote,
    ApplicationPhoto,
    ApplicationService,
    ApplicationStatus,
    ApplicationStatusChange,
    Customer,
    DailySequence,
)
from jibsa.models.assignment import (
    ASSIGNMENT_STATUS_LABELS,
    Assignment,
    AssignmentService,
    AssignmentStatus,
    QuoteStatus,
)
from jibsa.models.audit import AuditLog
from jibsa.models.base import Base
from jibsa.models.catalog import BookingStatus, District, Province, ServiceCategory, ServiceType
from jibsa.models.company import CompanyProfile, VatMode
from jibsa.models.files import StoredFile
from jibsa.models.messaging import (
    BulkSmsJob,
    MessageStatus,
    MessageType,
    SmsMessage,
    SmsTemplate,
    TriggerSource,
)
from jibsa.models.partner import (
    PARTNER_STATUS_LABELS,
    Partner,
    PartnerNote,
    PartnerRegion,
    PartnerService,
    PartnerStatus,
)
from jibsa.models.system import DataChange, IdempotencyRecord, WorkerHeartbeat

__all__ = [
    "ACTIVE_APPLICATION_STATUSES",
    "APPLICATION_STATUS_LABELS",
    "ASSIGNMENT_STATUS_LABELS",
    "PARTNER_STATUS_LABELS",
    "Actor",
    "Admin",
    "AdminRole",
    "Application",
    "ApplicationNote",
    "ApplicationPhoto",
    "ApplicationService",
    "ApplicationStatus",
    "ApplicationStatusChange",
    "Assignment",
    "AssignmentService",
    "AssignmentStatus",
    "AuditLog",
    "Base",
    "BookingStatus",
    "BulkSmsJob",
    "CompanyProfile",
    "Customer",
    "DailySequence",
    "DataChange",
    "District",
    "IdempotencyRecord",
    "LoginThrottle",
    "MessageStatus",
    "MessageType",
    "Partner",
    "PartnerNote",
    "PartnerRegion",
    "PartnerService",
    "PartnerStatus",
    "Province",
    "QuoteStatus",
    "RefreshToken",
    "ServiceCategory",
    "ServiceType",
    "SmsMessage",
    "SmsTemplate",
    "StoredFile",
    "TriggerSource",
    "VatMode",
    "WorkerHeartbeat",
]
