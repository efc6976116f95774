package io.healthscore.salesforce.pull;

import io.healthscore.domain.facts.AccountProfile;
import io.healthscore.domain.facts.Contact;
import io.healthscore.domain.facts.CsmOverride;
import io.healthscore.domain.facts.HistoryPoint;
import io.healthscore.domain.facts.PreviousHealth;
import io.healthscore.domain.facts.RenewalOpportunity;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.facts.Touch;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.HealthField;
import io.healthscore.formats.CrmTables;
import io.healthscore.formats.RenewalOutcome;
import io.healthscore.formats.RowRejected;
import io.healthscore.salesforce.SalesforceSettings;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Salesforce records to domain facts, with the same checks and reason codes as the local-mode CRM files
 * ({@link CrmTables}): bad_segment, negative_value, bad_number, bad_date, out_of_range, bad_band, bad_history,
 * bad_role, plus bad_priority for cases.
 */
final class CrmRecords {

    /** One Account row: what goes into the book, and what the write-back needs. */
    record AccountRow(AccountProfile profile, LocalDate churnedOn, PreviousHealth previous,
                      Map<HealthField, String> healthText) {
    }

    /** A closed renewal as read, before the outcome is decided. */
    record ClosedRenewal(String accountId, String opportunityId, LocalDate closeDate, boolean won, Double amount,
                         Double previousAmount) {
    }

    private final SalesforceSettings s;

    CrmRecords(SalesforceSettings settings) {
        this.s = settings;
    }

    AccountRow account(SalesforceRecord r) throws RecordRejected {
        String id = r.id();
        Segment segment;
        try {
            segment = Segment.parse(r.text(s.segmentField()));
        } catch (IllegalArgumentException e) {
            throw new RecordRejected(s.segmentField(), "bad_segment", e.getMessage());
        }
        Integer employees = wholeNonNegative(r, s.employeesField());
        Double arr = number(r, s.arrField());
        if (arr != null && arr < 0) {
            throw new RecordRejected(s.arrField(), "negative_value", "'" + s.arrField() + "' is negative (" + arr + ")");
        }
        AccountProfile profile = new AccountProfile(id, r.text("Name"), segment, r.text(s.tierField()), employees, arr,
                date(r, s.customerSinceField()), r.text("OwnerId"), r.text("Owner.ManagerId"));
        PreviousHealth previous = previous(r);
        Map<HealthField, String> health = new EnumMap<>(HealthField.class);
        for (HealthField f : HealthField.values()) {
            health.put(f, r.text(s.healthField(f)));
        }
        return new AccountRow(profile, date(r, s.churnDateField()), previous, health);
    }

    private PreviousHealth previous(SalesforceRecord r) throws RecordRejected {
        String scoreField = s.healthField(HealthField.SCORE);
        Double score = number(r, scoreField);
        if (score != null && (score < 0 || score > 100)) {
            throw new RecordRejected(scoreField, "out_of_range", "'" + scoreField + "' value " + score
                    + " is outside 0.0-100.0");
        }
        Band band = band(r, s.healthField(HealthField.BAND));
        List<HistoryPoint> history;
        String historyField = s.healthField(HealthField.HISTORY);
        try {
            history = CrmTables.history(r.text(historyField));
        } catch (RowRejected e) {
            throw new RecordRejected(historyField, e.code(), e.getMessage());
        }
        CsmOverride override = null;
        Band overrideBand = band(r, s.overrideBandField());
        if (overrideBand != null) {
            override = new CsmOverride(overrideBand, r.text(s.overrideReasonField()), date(r, s.overrideExpiresField()));
        }
        return new PreviousHealth(score == null ? null : (int) Math.round(score), band,
                date(r, s.healthField(HealthField.SCORED_AT)), date(r, s.healthField(HealthField.BAND_SINCE)), history,
                override, date(r, s.healthField(HealthField.RED_SINCE)));
    }

    /** An open renewal (null when closed); closed ones are read by {@link #closedRenewal}. */
    RenewalOpportunity openRenewal(SalesforceRecord r) throws RecordRejected {
        if (bool(r, "IsClosed")) {
            return null;
        }
        LocalDate close = date(r, "CloseDate");
        return close == null ? null : new RenewalOpportunity(r.id(), close, number(r, "Amount"), r.text("StageName"));
    }

    ClosedRenewal closedRenewal(String accountId, SalesforceRecord r) throws RecordRejected {
        if (!bool(r, "IsClosed")) {
            return null;
        }
        LocalDate close = date(r, "CloseDate");
        if (close == null) {
            return null;
        }
        Double previous = s.renewalPreviousAmountField() == null ? null : number(r, s.renewalPreviousAmountField());
        return new ClosedRenewal(accountId, r.id(), close, bool(r, "IsWon"), number(r, "Amount"), previous);
    }

    /**
     * Won renewals are renewed, or downgraded when the amount fell below the previous amount (the configured
     * field, else the account's previous won renewal); lost ones are churned.
     */
    static List<RenewalOutcome> outcomes(List<ClosedRenewal> closed) {
        List<ClosedRenewal> sorted = new ArrayList<>(closed);
        sorted.sort(Comparator.comparing(ClosedRenewal::closeDate));
        List<RenewalOutcome> out = new ArrayList<>(sorted.size());
        Double lastWon = null;
        for (ClosedRenewal c : sorted) {
            RenewalOutcome.Outcome outcome;
            if (!c.won()) {
                outcome = RenewalOutcome.Outcome.CHURNED;
            } else {
                Double before = c.previousAmount() != null ? c.previousAmount() : lastWon;
                outcome = c.amount() != null && before != null && c.amount() < before
                        ? RenewalOutcome.Outcome.DOWNGRADED : RenewalOutcome.Outcome.RENEWED;
                lastWon = c.amount();
            }
            out.add(new RenewalOutcome(c.accountId(), c.opportunityId(), c.closeDate(), outcome));
        }
        return out;
    }

    Contact contact(SalesforceRecord r) throws RecordRejected {
        Contact.StakeholderRole role;
        try {
            role = Contact.StakeholderRole.parse(r.text(s.stakeholderRoleField()));
        } catch (IllegalArgumentException e) {
            throw new RecordRejected(s.stakeholderRoleField(), "bad_role", e.getMessage());
        }
        return new Contact(r.id(), role, bool(r, s.leftCompanyField()), null, date(r, s.lastEngagedField()));
    }

    Touch touch(SalesforceRecord r) throws RecordRejected {
        LocalDate on = date(r, "ActivityDate");
        if (on == null) {
            throw new RecordRejected("ActivityDate", "missing_value", "'ActivityDate' is empty");
        }
        return new Touch(r.id(), on, r.text(s.activityTypeField()));
    }

    SupportTicket supportCase(SalesforceRecord r) throws RecordRejected {
        String text = r.text("Priority");
        SupportTicket.Priority priority = text == null ? null : s.casePriorities().get(text.trim().toLowerCase(Locale.ROOT));
        if (priority == null) {
            try {
                priority = SupportTicket.Priority.parse(text);
            } catch (IllegalArgumentException e) {
                throw new RecordRejected("Priority", "bad_priority", e.getMessage()
                        + "; map it with SF_CASE_PRIORITIES");
            }
        }
        LocalDate opened = date(r, "CreatedDate");
        if (opened == null) {
            throw new RecordRejected("CreatedDate", "missing_value", "'CreatedDate' is empty");
        }
        LocalDate closed = null;
        if (bool(r, "IsClosed")) {
            closed = date(r, "ClosedDate");
            if (closed == null) {
                closed = opened;
            }
        }
        return new SupportTicket(r.id(), priority, opened, closed, null, false);
    }

    private Band band(SalesforceRecord r, String field) throws RecordRejected {
        String v = r.text(field);
        if (v == null) {
            return null;
        }
        try {
            return Band.parse(v);
        } catch (IllegalArgumentException e) {
            throw new RecordRejected(field, "bad_band", e.getMessage());
        }
    }

    static boolean bool(SalesforceRecord r, String field) {
        return "true".equalsIgnoreCase(r.text(field));
    }

    static Double number(SalesforceRecord r, String field) throws RecordRejected {
        String v = r.text(field);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new RecordRejected(field, "bad_number", "'" + field + "' is not a number");
        }
    }

    private static Integer wholeNonNegative(SalesforceRecord r, String field) throws RecordRejected {
        Double d = number(r, field);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d)) {
            throw new RecordRejected(field, "bad_number", "'" + field + "' is not a whole number");
        }
        if (d < 0) {
            throw new RecordRejected(field, "negative_value", "'" + field + "' is negative (" + d.longValue() + ")");
        }
        if (d > Integer.MAX_VALUE) {
            throw new RecordRejected(field, "out_of_range", "'" + field + "' is too large");
        }
        return d.intValue();
    }

    /** A date field, or the UTC date of a datetime field. */
    static LocalDate date(SalesforceRecord r, String field) throws RecordRejected {
        String v = r.text(field);
        if (v == null) {
            return null;
        }
        String t = v.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t);
            }
            return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new RecordRejected(field, "bad_date", "'" + field + "' is not a date or datetime");
        }
    }
}
