package io.healthscore.domain.facts;

import java.time.LocalDate;

/**
 * An invoice issued to the account. Paid late means paidOn after dueOn; unpaid means paidOn is null
 * and the invoice is not void.
 */
public record Invoice(
        String invoiceId,
        LocalDate issuedOn,
        LocalDate dueOn,
        LocalDate paidOn,
        double amount,
        InvoiceStatus status) {

    public enum InvoiceStatus { OPEN, PAID, VOID }

    /** Days past due as of the given date, 0 when paid or not yet due or void. */
    public long daysPastDue(LocalDate asOf) {
        if (status == InvoiceStatus.VOID || dueOn == null) {
            return 0;
        }
        if (paidOn != null && !paidOn.isAfter(asOf)) {
            return 0;
        }
        long days = asOf.toEpochDay() - dueOn.toEpochDay();
        return Math.max(0, days);
    }

    /** True when the invoice was paid after its due date, or is unpaid and past due as of the date. */
    public boolean late(LocalDate asOf) {
        if (status == InvoiceStatus.VOID || dueOn == null) {
            return false;
        }
        if (paidOn != null && !paidOn.isAfter(asOf)) {
            return paidOn.isAfter(dueOn);
        }
        return asOf.isAfter(dueOn);
    }
}
