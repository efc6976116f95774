package io.healthscore.backtest.metrics;

import io.healthscore.domain.scoring.Band;
import java.util.ArrayList;
import java.util.List;

/**
 * How each band did as a warning: for the accounts in the band at the snapshot, how many later had the
 * event (precision when the band is read as a flag), what share of all events it caught (recall) and its
 * event rate over the base rate (lift); the same for at-risk-or-worse read as one flag, with its false
 * positive rate (the share of non-events it flagged).
 */
public final class BandTable {

    /**
     * @param band       band wire name, or "at_risk_or_worse"
     * @param accounts   outcomes whose snapshot was in the band (left-out outcomes not counted)
     * @param events     of which had the event
     * @param precision  events / accounts (NaN when empty)
     * @param recall     events / all events
     * @param lift       precision / base rate
     * @param falsePositiveRate non-events in the band / all non-events
     */
    public record Row(String band, int accounts, int events, double precision, double recall, double lift,
                      double falsePositiveRate) {
    }

    private BandTable() {
    }

    public static List<Row> of(Band[] bands, int[] labels) {
        int totalEvents = 0;
        int totalNon = 0;
        for (int y : labels) {
            if (y == 1) {
                totalEvents++;
            } else if (y == 0) {
                totalNon++;
            }
        }
        double base = totalEvents + totalNon == 0 ? Double.NaN : totalEvents / (double) (totalEvents + totalNon);
        List<Row> out = new ArrayList<>();
        for (Band b : new Band[] {Band.HEALTHY, Band.WATCHING, Band.AT_RISK, Band.CRITICAL, Band.INSUFFICIENT_SIGNAL}) {
            out.add(row(b.wireName(), bands, labels, x -> x == b, totalEvents, totalNon, base));
        }
        out.add(row("at_risk_or_worse", bands, labels, Band::red, totalEvents, totalNon, base));
        return out;
    }

    private static Row row(String name, Band[] bands, int[] labels, java.util.function.Predicate<Band> in, int totalEvents,
                           int totalNon, double base) {
        int n = 0;
        int e = 0;
        int non = 0;
        for (int i = 0; i < bands.length; i++) {
            if (labels[i] < 0 || !in.test(bands[i])) {
                continue;
            }
            n++;
            if (labels[i] == 1) {
                e++;
            } else {
                non++;
            }
        }
        double precision = n == 0 ? Double.NaN : e / (double) n;
        return new Row(name, n, e, precision, totalEvents == 0 ? Double.NaN : e / (double) totalEvents,
                precision / base, totalNon == 0 ? Double.NaN : non / (double) totalNon);
    }
}
