package io.televisit.quality.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.televisit.quality.report.ParticipantQuality;
import io.televisit.quality.report.VisitQualityReport;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/**
 * A quality report as a FHIR R4 Observation that can be attached to the clinical encounter: the average MOS as its
 * value, and per participant role the figures a reviewer needs as components. Codes come from Televisit's code system
 * (served at {@code /api/quality/v1/fhir/CodeSystem/quality}); the visit and participants are referenced by identifier,
 * which the EHR integration resolves to its Encounter and Patient.
 */
@Singleton
public class FhirObservationMapper {

    public static final String CODE_SYSTEM = "https://televisit.io/fhir/CodeSystem/quality";
    public static final String VISIT_ID_SYSTEM = "https://televisit.io/fhir/visit-id";
    public static final String PARTICIPANT_ID_SYSTEM = "https://televisit.io/fhir/participant-id";
    private static final String UCUM = "http://unitsofmeasure.org";

    private final ObjectMapper mapper;

    public FhirObservationMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode toObservation(VisitQualityReport report) {
        ObjectNode o = mapper.createObjectNode();
        o.put("resourceType", "Observation");
        o.put("id", "visit-quality-" + report.visitId());
        ObjectNode text = o.putObject("text");
        text.put("status", "generated");
        text.put("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + narrative(report) + "</div>");
        o.put("status", "FINAL".equals(report.status()) ? "final" : "preliminary");
        o.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "procedure")
                .put("display", "Procedure");
        concept(o.putObject("code"), "visit-connection-quality", "Telehealth visit connection quality");
        report.participants().stream().filter(p -> "PATIENT".equals(p.role())).findFirst().ifPresent(patient ->
                o.putObject("subject").putObject("identifier").put("system", PARTICIPANT_ID_SYSTEM)
                        .put("value", patient.participantId().toString()));
        o.putObject("encounter").putObject("identifier").put("system", VISIT_ID_SYSTEM)
                .put("value", report.visitId().toString());
        ObjectNode period = o.putObject("effectivePeriod");
        report.participants().stream().map(ParticipantQuality::firstSampleAt).min(Comparator.naturalOrder())
                .ifPresent(start -> period.put("start", start.toString()));
        Instant end = report.endedAt() != null ? report.endedAt() : report.participants().stream()
                .map(ParticipantQuality::lastSampleAt).max(Comparator.naturalOrder()).orElse(report.generatedAt());
        period.put("end", end.toString());
        o.put("issued", report.generatedAt().toString());
        o.putArray("performer").addObject().put("display", "Televisit quality-service");
        if (report.averageMos() != null) {
            quantity(o.putObject("valueQuantity"), report.averageMos(), "MOS", "1");
        }
        ObjectNode interpretation = o.putArray("interpretation").addObject();
        interpretation.putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation")
                .put("code", report.poorQuality() ? "A" : "N")
                .put("display", report.poorQuality() ? "Abnormal" : "Normal");
        ArrayNode components = o.putArray("component");
        component(components, "poor-quality-share", "Share of samples at poor or bad quality", report.poorShare() * 100, "%", "%");
        if (report.relayRatio() != null) {
            component(components, "relay-ratio", "Share of participants on a relayed (TURN) path",
                    report.relayRatio() * 100, "%", "%");
        }
        component(components, "phone-fallbacks", "Phone fallbacks recommended", report.phoneFallbacks(), "{count}", "1");
        component(components, "warnings", "Quality warnings issued", report.warnings(), "{count}", "1");
        for (ParticipantQuality p : report.participants()) {
            participantComponents(components, p);
        }
        return o;
    }

    /** The per-participant figures, each a component coded {@code <role>-<code>}. */
    enum ParticipantMetric {
        AUDIO_MOS_P50("audio-mos-p50", "audio MOS, median", "MOS", "1"),
        AUDIO_MOS_P05("audio-mos-p05", "audio MOS, 5th percentile", "MOS", "1"),
        PACKET_LOSS_P95("packet-loss-p95", "packet loss, 95th percentile", "%", "%"),
        JITTER_P95("jitter-p95", "jitter, 95th percentile", "ms", "ms"),
        RTT_P95("rtt-p95", "round-trip time, 95th percentile", "ms", "ms"),
        RELAY_SHARE("relay-share", "share of samples on a relayed path", "%", "%"),
        AUDIO_ONLY_DURATION("audio-only-duration", "time in audio-only", "s", "s"),
        RECONNECTS("reconnects", "reconnects", "{count}", "1");

        final String code;
        final String display;
        final String unit;
        final String ucum;

        ParticipantMetric(String code, String display, String unit, String ucum) {
            this.code = code;
            this.display = display;
            this.unit = unit;
            this.ucum = ucum;
        }

        Double value(ParticipantQuality p) {
            return switch (this) {
                case AUDIO_MOS_P50 -> p.audioMos().p50();
                case AUDIO_MOS_P05 -> p.audioMos().p05();
                case PACKET_LOSS_P95 -> p.packetLossPct().p95();
                case JITTER_P95 -> p.jitterMs().p95();
                case RTT_P95 -> p.rttMs().p95();
                case RELAY_SHARE -> p.relayShare() * 100;
                case AUDIO_ONLY_DURATION -> (double) p.audioOnlySeconds();
                case RECONNECTS -> (double) p.reconnects();
            };
        }
    }

    /** Visit-level codes besides the per-participant ones. */
    static final String[][] VISIT_CODES = {
            {"visit-connection-quality", "Telehealth visit connection quality"},
            {"poor-quality-share", "Share of samples at poor or bad quality"},
            {"relay-ratio", "Share of participants on a relayed (TURN) path"},
            {"phone-fallbacks", "Phone fallbacks recommended"},
            {"warnings", "Quality warnings issued"}};

    static final String[] ROLES = {"clinician", "patient", "interpreter", "caregiver"};

    private void participantComponents(ArrayNode components, ParticipantQuality p) {
        String role = p.role().toLowerCase(Locale.ROOT);
        for (ParticipantMetric metric : ParticipantMetric.values()) {
            Double value = metric.value(p);
            if (value != null) {
                component(components, role + "-" + metric.code, role + " " + metric.display, value, metric.unit,
                        metric.ucum);
            }
        }
    }

    /** Televisit's quality CodeSystem (FHIR R4, content complete): every code the Observation uses. */
    public ObjectNode codeSystem() {
        ObjectNode cs = mapper.createObjectNode();
        cs.put("resourceType", "CodeSystem");
        cs.put("id", "televisit-quality");
        cs.putObject("text").put("status", "generated").put("div",
                "<div xmlns=\"http://www.w3.org/1999/xhtml\">Codes of Televisit visit quality observations.</div>");
        cs.put("url", CODE_SYSTEM);
        cs.put("version", "1");
        cs.put("name", "TelevisitQuality");
        cs.put("title", "Televisit visit quality");
        cs.put("status", "active");
        cs.put("publisher", "Televisit");
        cs.put("description", "Codes of the connection quality figures Televisit reports for a telehealth visit.");
        cs.put("caseSensitive", true);
        cs.put("content", "complete");
        ArrayNode concepts = cs.putArray("concept");
        for (String[] code : VISIT_CODES) {
            concepts.addObject().put("code", code[0]).put("display", code[1]);
        }
        for (String role : ROLES) {
            for (ParticipantMetric metric : ParticipantMetric.values()) {
                concepts.addObject().put("code", role + "-" + metric.code).put("display", role + " " + metric.display);
            }
        }
        cs.put("count", concepts.size());
        return cs;
    }

    private void component(ArrayNode components, String code, String display, double value, String unit, String ucum) {
        ObjectNode c = components.addObject();
        concept(c.putObject("code"), code, display);
        quantity(c.putObject("valueQuantity"), value, unit, ucum);
    }

    private static void concept(ObjectNode concept, String code, String display) {
        concept.putArray("coding").addObject().put("system", CODE_SYSTEM).put("code", code).put("display", display);
        concept.put("text", display);
    }

    private static void quantity(ObjectNode quantity, double value, String unit, String ucum) {
        quantity.put("value", Math.round(value * 1000) / 1000.0).put("unit", unit).put("system", UCUM).put("code", ucum);
    }

    private static String narrative(VisitQualityReport report) {
        return String.format(Locale.ROOT, "Connection quality of telehealth visit %s: average audio MOS %s, %.0f%% of "
                        + "samples poor or bad, %d warning(s), %d phone fallback(s).", report.visitId(),
                report.averageMos() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", report.averageMos()),
                report.poorShare() * 100, report.warnings(), report.phoneFallbacks());
    }
}
