package io.healthscore.sampledata;

import io.healthscore.domain.facts.Segment;
import java.time.LocalDate;

/**
 * The fixed traits of one account, drawn once: who it is, how big, how it buys and is served, and how
 * much data it tends to produce. Everything that changes week by week is simulated from these and the
 * latent health.
 *
 * @param index              position in the book (0-based)
 * @param accountId          CRM account id
 * @param name               company name
 * @param segment            size segment
 * @param tier               service tier: standard, premium or platinum
 * @param employees          employee count
 * @param initialSeats       licensed seats at the start of the window (or at go-live)
 * @param seatPriceCents     monthly list price per seat after discount, in cents of the currency
 * @param currency           ISO currency of every amount
 * @param customerSince      epoch day the first contract started; renewals fall on its anniversaries
 * @param archetype          shape of the latent health
 * @param sparse             bought and served through a reseller: no usage feed, surveys, conversations,
 *                           invoices or ticket CSAT, so a scorer should report insufficient signal
 *                           rather than guess
 * @param annualBilling      one invoice per contract year rather than monthly
 * @param netTermsDays       days from invoice to due date
 * @param owner              the CSM owning the account
 * @param attention          how much time the CSM gives the account (1 = par); low means neglect
 * @param loginsPerUser      weekly logins per active user at full health
 * @param ticketsPerYear     support tickets a year at par health
 * @param conversationsPerYear calls, emails and ticket threads a year at par
 * @param keyFeaturesTotal   key features the tier offers
 */
record AccountPlan(
        int index,
        String accountId,
        String name,
        Segment segment,
        String tier,
        int employees,
        int initialSeats,
        long seatPriceCents,
        String currency,
        long customerSince,
        Archetype archetype,
        boolean sparse,
        boolean annualBilling,
        int netTermsDays,
        OwnerRoster.Owner owner,
        double attention,
        double loginsPerUser,
        double ticketsPerYear,
        double conversationsPerYear,
        int keyFeaturesTotal) {

    private static final double[] SEGMENT_SHARE = {55, 30, 15};
    private static final String[] TIERS = {"standard", "premium", "platinum"};
    private static final double[][] TIER_SHARE = {{65, 30, 5}, {30, 55, 15}, {5, 40, 55}};
    private static final long[] LIST_PRICE_CENTS = {2_900, 4_900, 7_900};
    private static final int[] FEATURES = {10, 12, 14};
    private static final double[] MEDIAN_SEATS = {16, 110, 800};
    private static final double[] TICKETS_PER_YEAR = {3, 9, 24};
    private static final double[] CONVERSATION_SHARE = {0.56, 1.17, 2.15};

    /** The first draw of an account's profile stream, so the roster can deal owners in a cheap pre-pass. */
    static Segment drawSegment(Draws profile) {
        return Segment.values()[profile.weighted(SEGMENT_SHARE)];
    }

    static AccountPlan draw(GeneratorSettings settings, Timeline timeline, int index, int ownerSlot) {
        Draws d = Draws.of(settings.seed(), index, Draws.Stream.PROFILE);
        Segment segment = drawSegment(d);
        int seg = segment.ordinal();
        Archetype archetype = Archetype.draw(segment, d);
        String name = NameBank.company(d);
        int tierIndex = d.weighted(TIER_SHARE[seg]);

        double seatSpread = segment == Segment.ENTERPRISE ? 0.7 : segment == Segment.MID_MARKET ? 0.5 : 0.6;
        double seats = d.logNormal(MEDIAN_SEATS[seg], seatSpread);
        if (archetype == Archetype.NOISY_ENTERPRISE) {
            seats *= 1.3;
        }
        int initialSeats = (int) Math.round(switch (segment) {
            case SMB -> clamp(seats, 3, 120);
            case MID_MARKET -> clamp(seats, 30, 600);
            case ENTERPRISE -> clamp(seats, 150, 12_000);
        });
        int employees = (int) Math.round(initialSeats * switch (segment) {
            case SMB -> d.uniform(1.3, 4.5);
            case MID_MARKET -> d.uniform(2, 7);
            case ENTERPRISE -> d.uniform(2.5, 12);
        });
        double discount = segment == Segment.ENTERPRISE ? d.uniform(0.65, 0.95) : d.uniform(0.8, 1.05);
        long seatPrice = Math.round(LIST_PRICE_CENTS[tierIndex] * discount);
        String currency = switch (d.weighted(new double[] {80, 13, 7})) {
            case 0 -> "USD";
            case 1 -> "EUR";
            default -> "GBP";
        };

        long asOf = timeline.end();
        long tenureDays;
        if (archetype == Archetype.ONBOARDING) {
            tenureDays = d.between(21, 175);
        } else if (d.chance(0.1)) {
            tenureDays = d.between(190, 360);
        } else {
            tenureDays = 365 + Math.min(4_000, Math.round(d.exponential(800)));
        }
        long customerSince = asOf - tenureDays;

        boolean sparse = archetype != Archetype.NOISY_ENTERPRISE && archetype != Archetype.ONBOARDING && d.chance(0.028);
        boolean annual = d.chance(switch (segment) {
            case SMB -> 0.25;
            case MID_MARKET -> 0.5;
            case ENTERPRISE -> 0.75;
        });
        int terms = switch (segment) {
            case SMB -> d.pick(new Integer[] {14, 30, 30});
            case MID_MARKET -> d.pick(new Integer[] {30, 30, 45});
            case ENTERPRISE -> d.pick(new Integer[] {30, 45, 60});
        };
        double attention = switch (archetype) {
            case GRADUAL_DECLINE -> d.uniform(0.25, 0.7);
            case QUIET_HEALTHY -> d.uniform(0.35, 0.8);
            default -> d.uniform(0.6, 1.25);
        };
        double logins = (5 + seg) * d.uniform(0.7, 1.3);
        double tickets = TICKETS_PER_YEAR[seg] * Math.pow(initialSeats / MEDIAN_SEATS[seg], 0.3) * d.uniform(0.6, 1.5);
        double conversations = settings.conversationsPerAccountPerYear() * CONVERSATION_SHARE[seg] * d.uniform(0.6, 1.4);
        switch (archetype) {
            case QUIET_HEALTHY -> {
                logins *= 0.45;
                tickets *= 0.3;
                conversations *= 0.3;
            }
            case NOISY_ENTERPRISE -> {
                logins *= 1.5;
                tickets *= 3;
                conversations *= 1.6;
            }
            default -> { }
        }
        if (sparse) {
            tickets *= 0.5;
            conversations = 0;
        }
        return new AccountPlan(index, RecordIds.account(index), name, segment, TIERS[tierIndex], employees, initialSeats,
                seatPrice, currency, customerSince, archetype, sparse, annual, terms, OwnerRoster.owner(segment, ownerSlot),
                attention, logins, tickets, conversations, FEATURES[tierIndex]);
    }

    LocalDate customerSinceDate() {
        return LocalDate.ofEpochDay(customerSince);
    }

    /** Epoch day of the n-th contract anniversary (n = 1 is the first renewal). */
    long anniversary(int n) {
        return customerSinceDate().plusYears(n).toEpochDay();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
