package io.televisit.call.model;

/** How consent was given: by the patient through the link page or app, or verbally and attested by the clinician. */
public enum ConsentMethod {
    LINK,
    VERBAL_ATTESTED,
    IN_APP
}
