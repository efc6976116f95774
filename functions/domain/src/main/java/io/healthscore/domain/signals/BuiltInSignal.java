package io.healthscore.domain.signals;

import io.healthscore.domain.facts.FactSource;

/**
 * The signals the product measures from facts. Each has a stable id used in the scoring model, the
 * source it needs, and a plain-language description of a raw value for drivers.
 */
public enum BuiltInSignal {
    SEAT_UTILISATION("seat_utilisation", "Seat utilisation", FactSource.USAGE) {
        @Override public String describe(double v) {
            return "Seat utilisation " + pct(v);
        }
    },
    USAGE_TREND("usage_trend", "Usage trend", FactSource.USAGE) {
        @Override public String describe(double v) {
            long r = Math.round(v);
            if (r == 0) {
                return "Active users flat over 4 weeks";
            }
            return "Active users " + (r < 0 ? "down " : "up ") + Math.abs(r) + " % over 4 weeks";
        }
    },
    FEATURE_BREADTH("feature_breadth", "Feature adoption", FactSource.USAGE) {
        @Override public String describe(double v) {
            return "Using " + pct(v) + " of key features";
        }
    },
    DAYS_SINCE_LAST_ACTIVE("days_since_last_active", "Days since last active use", FactSource.USAGE) {
        @Override public String describe(double v) {
            long d = Math.round(v);
            return d <= 7 ? "Active in the last week" : "No active users for " + d + " days";
        }
    },
    OPEN_CRITICAL_CASES("open_critical_cases", "Open critical cases", FactSource.SUPPORT) {
        @Override public String describe(double v) {
            long n = Math.round(v);
            return n == 0 ? "No open P1 cases" : n + (n == 1 ? " open P1 case" : " open P1 cases");
        }
    },
    CASE_VOLUME_PER_SEAT("case_volume_per_seat", "Case volume per seat", FactSource.SUPPORT) {
        @Override public String describe(double v) {
            return one(v) + " cases per 100 seats in 90 days";
        }
    },
    CSAT_TREND("csat_trend", "CSAT trend", FactSource.SUPPORT) {
        @Override public String describe(double v) {
            double r = Math.round(v * 10) / 10.0;
            if (r == 0) {
                return "CSAT steady over 90 days";
            }
            return "CSAT " + (r < 0 ? "down " : "up ") + one(Math.abs(r)) + " points over 90 days";
        }
    },
    REOPENED_TICKETS("reopened_tickets", "Reopened tickets", FactSource.SUPPORT) {
        @Override public String describe(double v) {
            long n = Math.round(v);
            return n == 0 ? "No reopened tickets in 90 days" : n + (n == 1 ? " reopened ticket" : " reopened tickets") + " in 90 days";
        }
    },
    DAYS_PAST_DUE("days_past_due", "Days past due", FactSource.BILLING) {
        @Override public String describe(double v) {
            long d = Math.round(v);
            return d == 0 ? "Invoices paid on time" : "Invoice " + d + " days overdue";
        }
    },
    LATE_INVOICE_SHARE("late_invoice_share", "Late invoices", FactSource.BILLING) {
        @Override public String describe(double v) {
            return pct(v) + " of invoices paid late in 12 months";
        }
    },
    SEAT_CHANGE("seat_change", "Seat change", FactSource.USAGE) {
        @Override public String describe(double v) {
            long r = Math.round(v);
            if (r == 0) {
                return "Licensed seats unchanged over 12 weeks";
            }
            return "Licensed seats " + (r < 0 ? "down " : "up ") + Math.abs(r) + " % over 12 weeks";
        }
    },
    DAYS_TO_RENEWAL("days_to_renewal", "Days to renewal", FactSource.CRM) {
        @Override public String describe(double v) {
            long d = Math.round(v);
            return d <= 0 ? "Renewal date has passed" : "Renewal in " + d + (d == 1 ? " day" : " days");
        }
    },
    DAYS_SINCE_MEANINGFUL_TOUCH("days_since_meaningful_touch", "Days since meaningful CSM touch", FactSource.ACTIVITIES) {
        @Override public String describe(double v) {
            long d = Math.round(v);
            return d >= SignalMeasurer.NEVER_DAYS ? "No meaningful CSM touch on record"
                    : "Last meaningful CSM touch " + d + (d == 1 ? " day ago" : " days ago");
        }
    },
    CHAMPION_PRESENT("champion_present", "Champion present", FactSource.CONTACTS) {
        @Override public String describe(double v) {
            return v >= 0.5 ? "Champion in place" : "No champion in place (left or never named)";
        }
    },
    EXECUTIVE_SPONSOR_ENGAGED("executive_sponsor_engaged", "Executive sponsor engagement", FactSource.CONTACTS) {
        @Override public String describe(double v) {
            long d = Math.round(v);
            return d >= SignalMeasurer.NEVER_DAYS ? "No engaged executive sponsor"
                    : "Executive sponsor last engaged " + d + (d == 1 ? " day ago" : " days ago");
        }
    },
    STAKEHOLDERS_ENGAGED("stakeholders_engaged", "Stakeholders engaged", FactSource.CONTACTS) {
        @Override public String describe(double v) {
            long n = Math.round(v);
            return n + (n == 1 ? " stakeholder" : " stakeholders") + " engaged in 90 days";
        }
    },
    NPS("nps", "NPS", FactSource.SURVEYS) {
        @Override public String describe(double v) {
            String kind = v >= 9 ? "promoter" : v >= 7 ? "passive" : "detractor";
            return "NPS " + one(v) + " (" + kind + ")";
        }
    },
    CONVERSATION_SENTIMENT("conversation_sentiment", "Conversation sentiment", FactSource.CONVERSATIONS) {
        @Override public String describe(double v) {
            if (v <= -40) {
                return "Conversations turned negative or escalated recently";
            }
            if (v < 0) {
                return "Conversations lean negative recently";
            }
            if (v >= 40) {
                return "Conversations consistently positive";
            }
            return "Conversations mostly neutral";
        }
    },
    CONVERSATION_RISK("conversation_risk", "Risk flags in conversations", FactSource.CONVERSATIONS) {
        @Override public String describe(double v) {
            return v < 0.05 ? "No risk flags in recent conversations" : "Risk flags raised in recent conversations (weight " + one(v) + ")";
        }
    },
    EXPANSION_INTEREST("expansion_interest", "Expansion interest", FactSource.CONVERSATIONS) {
        @Override public String describe(double v) {
            return v < 0.05 ? "No expansion interest voiced" : "Expansion interest voiced in recent conversations";
        }
    };

    private static final BuiltInSignal[] VALUES = values();

    private final String id;
    private final String label;
    private final FactSource source;

    BuiltInSignal(String id, String label, FactSource source) {
        this.id = id;
        this.label = label;
        this.source = source;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public FactSource source() {
        return source;
    }

    /** A plain-language description of a raw value, with its number, for drivers. */
    public abstract String describe(double value);

    public static BuiltInSignal byId(String id) {
        for (BuiltInSignal s : VALUES) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return null;
    }

    static String pct(double v) {
        return Math.round(v) + " %";
    }

    static String one(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
