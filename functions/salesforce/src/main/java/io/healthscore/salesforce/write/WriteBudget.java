package io.healthscore.salesforce.write;

import io.healthscore.salesforce.call.ApiUsage;
import java.util.Locale;

/** Stops writing once the org's API usage reaches the configured share of its daily allocation. */
final class WriteBudget {

    private final ApiUsage usage;
    private final double stopShare;

    WriteBudget(ApiUsage usage, double stopShare) {
        this.usage = usage;
        this.stopShare = stopShare;
    }

    /** Why writing must stop now, or null to go on. */
    String stopReason() {
        if (!usage.known() || usage.used() < stopShare * usage.limit()) {
            return null;
        }
        return String.format(Locale.ROOT, "API requests at %.1f %% of the daily allocation (%,d of %,d): writing stops at %.0f %%",
                100.0 * usage.used() / usage.limit(), usage.used(), usage.limit(), 100 * stopShare);
    }
}
