package io.televisit.call.audit;

/** What is audited. Stable names: they are part of the stored, hash-covered record. */
public enum AuditAction {
    VISIT_CREATED,
    VISIT_READ,
    VISIT_LISTED,
    VISIT_RESCHEDULED,
    VISIT_STATUS_CHANGED,
    PARTICIPANT_ADMITTED,
    ACCESS_TOKEN_ISSUED,
    LINK_ISSUED,
    LINK_REDEEMED,
    LINK_REFUSED,
    LINK_REVOKED,
    CONSENT_GIVEN,
    CONSENT_WITHDRAWN,
    AUDIT_VERIFIED
}
