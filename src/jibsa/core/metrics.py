"""Prometheus metrics exposed at ``/metrics``."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

HTTP_REQUESTS = Counter("jibsa_http_requests_total", "HTTP requests", ("method", "route", "status"), registry=REGISTRY)
HTTP_LATENCY = Histogram(
    "jibsa_http_request_seconds",
    "HTTP request latency",
    ("method", "route"),
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
    registry=REGISTRY,
)
OUTBOX_DEPTH = Gauge("jibsa_outbox_depth", "Messages waiting in the outbox", ("status",), registry=REGISTRY)
SMS_SENT = Counter("jibsa_sms_sent_total", "Messages accepted by the gateway", ("provider",), registry=REGISTRY)
SMS_FAILED = Counter("jibsa_sms_failed_total", "Messages failed for good", ("provider",), registry=REGISTRY)
SMS_RETRIED = Counter(
    "jibsa_sms_retried_total", "Transient failures scheduled for retry", ("provider",), registry=REGISTRY
)
READ_CACHE = Counter(
    "jibsa_read_cache_total", "Admin read cache lookups (hit, miss, off)", ("result",), registry=REGISTRY
)
READ_CACHE_HIT = READ_CACHE.labels("hit")
READ_CACHE_MISS = READ_CACHE.labels("miss")
READ_CACHE_OFF = READ_CACHE.labels("off")
WORKER_HEARTBEAT = Gauge("jibsa_worker_heartbeat_timestamp", "Last worker heartbeat (unix time)", registry=REGISTRY)


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    HTTP_REQUESTS.labels(method, route, str(status)).inc()
    HTTP_LATENCY.labels(method, route).observe(seconds)
