package io.healthscore.backtest.outcomes;

/**
 * Which outcomes count as the event the score should warn about. Downgrades are ambiguous (the customer
 * stayed): by default they are left out of the figures rather than counted on either side.
 */
public enum LabelPolicy {
    /** Churned = 1, renewed = 0, downgraded left out. */
    CHURN_VS_RENEWAL,
    /** Churned or downgraded = 1, renewed = 0. */
    CHURN_OR_DOWNGRADE_VS_RENEWAL;

    /** 1 for the event, 0 for the non-event, -1 when the outcome is left out. */
    public int label(OutcomeKind kind) {
        return switch (kind) {
            case CHURNED -> 1;
            case RENEWED -> 0;
            case DOWNGRADED -> this == CHURN_OR_DOWNGRADE_VS_RENEWAL ? 1 : -1;
        };
    }

    public String wireName() {
        return this == CHURN_VS_RENEWAL ? "churned_vs_renewed" : "churned_or_downgraded_vs_renewed";
    }
}
