package io.televisit.quality.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The E-model against reference points: G.107's default R of 93.2 (MOS 4.41), the G.109 category bounds, and
 * delay and loss values computed from the Recommendation's equations (docs/quality-scoring.md lists the sources).
 */
class EModelTest {

    private static final EModel.Codec G711 = new EModel.Codec(0, 1);
    private static final EModel.Codec G711_PLC = new EModel.Codec(0, 25.1);
    private static final EModel.Codec G711_NO_PLC = new EModel.Codec(0, 4.3);

    @Test
    void theDefaultsGiveTheRecommendationsR() {
        assertEquals(94.7688, EModel.basicSignalToNoise(), 1e-3, "Ro");
        assertEquals(1.4136, EModel.simultaneous(), 1e-3, "Is");
        // No delay at all: only the listener-echo term of Id remains (0.149).
        double r = EModel.basicSignalToNoise() - EModel.simultaneous() - EModel.delayImpairment(0, 0, 0)
                - EModel.effectiveEquipmentImpairment(G711, 0, 1);
        assertEquals(93.2062, r, 1e-3);
        assertEquals(4.41, EModel.mos(r), 0.005);
    }

    @ParameterizedTest(name = "R {0} -> MOS {1}")
    @CsvSource({"100, 4.50", "90, 4.34", "80, 4.03", "70, 3.60", "60, 3.10", "50, 2.58", "0, 1.00", "-5, 1.00", "120, 4.50"})
    void mosFollowsAnnexBAndTheG109Categories(double r, double mos) {
        // G.109 quotes two decimals; R 80 gives 4.024 by B-4, hence the tolerance.
        assertEquals(mos, EModel.mos(r), 0.01);
    }

    @ParameterizedTest(name = "Ta {0} ms: Idd {1}")
    @CsvSource({"100, 0", "150, 0.1635", "200, 3.0444", "300, 14.7607", "400, 24.0701", "500, 30.6359"})
    void absoluteDelayImpairment(double ta, double idd) {
        assertEquals(idd, EModel.absoluteDelay(ta), 1e-3);
    }

    @ParameterizedTest(name = "Ta = T = {0} ms, Tr = 2T: R {1}")
    @CsvSource({"100, 90.6637", "150, 89.5391", "200, 85.8047", "300, 72.6664", "400, 62.2468", "500, 54.8032"})
    void delayWithEchoOverTheWholePath(double ta, double r) {
        assertEquals(r, EModel.rating(ta, 0, 1, G711, 0), 0.01);
    }

    @ParameterizedTest(name = "G.711 {0}% random loss: R {1} with PLC, {2} without")
    @CsvSource({"0.5, 91.3507, 83.3104", "1, 89.5664, 75.2817", "2, 86.1951, 63.0475", "5, 77.4255, 42.1309",
            "10, 66.1407, 26.7726"})
    void randomPacketLoss(double loss, double withPlc, double withoutPlc) {
        double noDelay = EModel.basicSignalToNoise() - EModel.simultaneous() - EModel.delayImpairment(0, 0, 0);
        assertEquals(withPlc, noDelay - EModel.effectiveEquipmentImpairment(G711_PLC, loss, 1), 1e-3);
        assertEquals(withoutPlc, noDelay - EModel.effectiveEquipmentImpairment(G711_NO_PLC, loss, 1), 1e-3);
    }

    @Test
    void burstyLossHurtsMoreThanRandomLoss() {
        double random = EModel.effectiveEquipmentImpairment(G711_PLC, 3, 1);
        double bursty = EModel.effectiveEquipmentImpairment(G711_PLC, 3, 2);
        assertEquals(10.1423, random, 1e-3);
        assertEquals(true, bursty > random);
    }
}
