package io.televisit.recording.health;

import io.televisit.recording.config.RecordingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** Ready only when the recordings bucket answers: without it no recording can be stored. */
@Readiness
@ApplicationScoped
public class ObjectStorageHealthCheck implements HealthCheck {

    private final S3Client s3;
    private final RecordingSettings settings;

    public ObjectStorageHealthCheck(S3Client s3, RecordingSettings settings) {
        this.s3 = s3;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            s3.headBucket(request -> request.bucket(settings.bucket()));
            return HealthCheckResponse.named("object-storage").up().withData("bucket", settings.bucket()).build();
        } catch (SdkException e) {
            return HealthCheckResponse.named("object-storage").down()
                    .withData("bucket", settings.bucket()).withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
