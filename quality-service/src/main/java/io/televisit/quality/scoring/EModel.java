package io.televisit.quality.scoring;

/**
 * The ITU-T G.107 (06/2015) E-model, narrowband: R = Ro − Is − Id − Ie,eff + A, and R to MOS by Annex B (B-4).
 *
 * <p>Terminal and loudness parameters are the Recommendation's Table 3 defaults (a well-designed handset with a
 * well-cancelled echo): with them and no delay or loss, R = 93.2. What a call varies is the one-way delay, the
 * codec's equipment impairment Ie, its packet-loss robustness Bpl, and the packet loss. Talker and listener echo
 * are evaluated with T = Ta and Tr = 2Ta, the usual choice for VoIP where the echo path is the whole connection.
 */
public final class EModel {

    // Table 3 defaults.
    private static final double SLR = 8;
    private static final double RLR = 2;
    private static final double STMR = 15;
    private static final double LSTR = 18;
    private static final double DS = 3;
    private static final double TELR = 65;
    private static final double WEPL = 110;
    private static final double QDU = 1;
    private static final double NC = -70;
    private static final double NFOR = -64;
    private static final double PS = 35;
    private static final double PR = 35;
    /** Delay sensitivity: the default class (sT = 1, mT = 100 ms), the one G.107 asks telephony to use. */
    private static final double MT = 100;
    private static final double ST = 1;

    private static final double NO = noiseFloor();
    private static final double RO = 15 - 1.5 * (SLR + NO);
    private static final double IS = simultaneousImpairment();

    private EModel() {
    }

    /**
     * @param oneWayDelayMs mouth-to-ear delay Ta (also the echo path T; Tr = 2T)
     * @param packetLossPct Ppl, in percent
     * @param burstRatio    BurstR, 1 for random loss
     * @param codec         Ie and Bpl of the codec (G.113)
     * @param advantage     A, the advantage factor (0 for fixed lines)
     */
    public static double rating(double oneWayDelayMs, double packetLossPct, double burstRatio, Codec codec,
                                double advantage) {
        return RO - IS - delayImpairment(oneWayDelayMs, oneWayDelayMs, 2 * oneWayDelayMs)
                - effectiveEquipmentImpairment(codec, packetLossPct, burstRatio) + advantage;
    }

    /** Ro: the basic signal-to-noise ratio (94.77 with the defaults). */
    static double basicSignalToNoise() {
        return RO;
    }

    /** Is: the simultaneous impairment (1.41 with the defaults). */
    static double simultaneous() {
        return IS;
    }

    /** Id = Idte + Idle + Idd for echo path delay {@code t}, listener echo round trip {@code tr} and absolute delay {@code ta}. */
    static double delayImpairment(double t, double ta, double tr) {
        return talkerEcho(t) + listenerEcho(tr) + absoluteDelay(ta);
    }

    /** Idd (7-27, 7-28): zero up to mT, then growing with log2(Ta/mT). */
    static double absoluteDelay(double ta) {
        if (ta <= MT) {
            return 0;
        }
        double x = Math.log10(ta / MT) / Math.log10(2);
        double p = 6 * ST;
        return 25 * (Math.pow(1 + Math.pow(x, p), 1 / p) - 3 * Math.pow(1 + Math.pow(x / 3, p), 1 / p) + 2);
    }

    /** Ie,eff (7-29). */
    static double effectiveEquipmentImpairment(Codec codec, double packetLossPct, double burstRatio) {
        double ppl = Math.max(0, packetLossPct);
        return codec.ie() + (95 - codec.ie()) * ppl / (ppl / burstRatio + codec.bpl());
    }

    /** MOS (conversational quality, CQE) from R, Annex B (B-4). */
    public static double mos(double r) {
        if (r <= 0) {
            return 1;
        }
        if (r >= 100) {
            return 4.5;
        }
        return 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
    }

    private static double talkerEcho(double t) {
        if (t < 1) {
            return 0;
        }
        double roe = -1.5 * (NO - RLR);
        double terv = TELR - 40 * Math.log10((1 + t / 10) / (1 + t / 150)) + 6 * Math.exp(-0.3 * t * t);
        double re = 80 + 2.5 * (terv - 14);
        // STMR is 15 dB (between 9 and 20), so neither of the Recommendation's STMR corrections applies.
        return ((roe - re) / 2 + Math.sqrt((roe - re) * (roe - re) / 4 + 100) - 1) * (1 - Math.exp(-t));
    }

    private static double listenerEcho(double tr) {
        double rle = 10.5 * (WEPL + 7) * Math.pow(tr + 1, -0.25);
        return (RO - rle) / 2 + Math.sqrt((RO - rle) * (RO - rle) / 4 + 169);
    }

    private static double noiseFloor() {
        double olr = SLR + RLR;
        double nfo = NFOR + RLR;
        double pre = PR + 10 * Math.log10(1 + Math.pow(10, (10 - LSTR) / 10));
        double nor = RLR - 121 + pre + 0.008 * (pre - 35) * (pre - 35);
        double nos = PS - SLR - DS - 100 + 0.004 * Math.pow(PS - olr - DS - 14, 2);
        return 10 * Math.log10(Math.pow(10, NC / 10) + Math.pow(10, nos / 10) + Math.pow(10, nor / 10)
                + Math.pow(10, nfo / 10));
    }

    private static double simultaneousImpairment() {
        double olr = SLR + RLR;
        double xolr = olr + 0.2 * (64 + NO - RLR);
        double iolr = 20 * (Math.pow(1 + Math.pow(xolr / 8, 8), 1.0 / 8) - xolr / 8);
        // Evaluated at T = 0: with TELR = 65 dB the echo term of STMRo is below 1e-5 dB at any delay.
        double stmro = -10 * Math.log10(Math.pow(10, -STMR / 10) + Math.pow(10, -TELR / 10));
        double ist = 12 * Math.pow(1 + Math.pow((stmro - 13) / 6, 8), 1.0 / 8)
                - 28 * Math.pow(1 + Math.pow((stmro + 1) / 19.4, 35), 1.0 / 35)
                - 13 * Math.pow(1 + Math.pow((stmro - 3) / 33, 13), 1.0 / 13) + 29;
        double q = 37 - 15 * Math.log10(QDU);
        double g = 1.07 + 0.258 * q + 0.0602 * q * q;
        double z = 46.0 / 30 - g / 40;
        double y = (RO - 100) / 15 + 46 / 8.4 - g / 9;
        double iq = 15 * Math.log10(1 + Math.pow(10, y) + Math.pow(10, z));
        return iolr + ist + iq;
    }

    /** A codec's equipment impairment factor Ie and packet-loss robustness factor Bpl (ITU-T G.113). */
    public record Codec(double ie, double bpl) {
        public Codec {
            if (ie < 0 || bpl <= 0) {
                throw new IllegalArgumentException("Ie must be ≥ 0 and Bpl > 0");
            }
        }
    }
}
