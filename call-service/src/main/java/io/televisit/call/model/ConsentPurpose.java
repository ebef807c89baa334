package io.televisit.call.model;

public enum ConsentPurpose {
    VIDEO_VISIT,
    RECORDING
}
