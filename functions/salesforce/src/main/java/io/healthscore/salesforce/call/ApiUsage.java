package io.healthscore.salesforce.call;

/**
 * The org's daily API request usage as last reported: the {@code API REQUESTS} entry of the LimitInfoHeader of every
 * SOAP response, plus one per Bulk API call made since (Bulk responses carry no header that force-wsc reads).
 */
public final class ApiUsage {

    private long used = -1;
    private long limit = -1;

    /** From a SOAP response's LimitInfoHeader. */
    public synchronized void reported(long current, long allocation) {
        this.used = current;
        this.limit = allocation;
    }

    /** A call whose response carried no header (Bulk): counted on top of the last report. */
    public synchronized void counted() {
        if (used >= 0) {
            used++;
        }
    }

    public synchronized boolean known() {
        return used >= 0 && limit > 0;
    }

    public synchronized long used() {
        return used;
    }

    public synchronized long limit() {
        return limit;
    }

    /** Share of the daily allocation used, 0 when not known yet. */
    public synchronized double share() {
        return known() ? (double) used / limit : 0;
    }
}
