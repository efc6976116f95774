package io.healthscore.sampledata;

import io.healthscore.domain.facts.Segment;
import java.time.LocalDate;

/**
 * invoices: monthly (on the contract's day of month) or annual (on each anniversary), for the ARR of the
 * time. Late payment grows more likely and longer as health falls; a payment not made by the as-of date
 * (or the churn) leaves the invoice open. About one invoice in a hundred is voided and reissued. Sparse
 * accounts buy through a reseller and have no invoices.
 */
final class BillingFeed {

    private BillingFeed() {
    }

    static void write(AccountLife life, Draws d, RowEncoder rows) {
        AccountPlan plan = life.plan();
        if (plan.sparse()) {
            // billed through a reseller: no invoices in our billing system
            return;
        }
        Seq seq = new Seq();
        if (plan.annualBilling()) {
            for (int n = 0; ; n++) {
                long issued = plan.anniversary(n);
                if (issued >= life.liveUntil()) {
                    break;
                }
                if (issued >= life.liveFrom()) {
                    int week = life.timeline().weekOf(issued);
                    invoice(life, d, rows, seq, issued, life.contract().arrCents(week));
                }
            }
        } else {
            LocalDate since = plan.customerSinceDate();
            int dayOfMonth = Math.min(28, since.getDayOfMonth());
            LocalDate first = LocalDate.ofEpochDay(life.liveFrom()).withDayOfMonth(dayOfMonth);
            if (first.toEpochDay() < life.liveFrom()) {
                first = first.plusMonths(1);
            }
            for (LocalDate issued = first; issued.toEpochDay() < life.liveUntil(); issued = issued.plusMonths(1)) {
                long day = issued.toEpochDay();
                int week = life.timeline().weekOf(day);
                invoice(life, d, rows, seq, day, life.contract().arrCents(week) / 12);
            }
        }
    }

    private static final class Seq {
        int next;
    }

    private static void invoice(AccountLife life, Draws d, RowEncoder rows, Seq seq, long issued, long amountCents) {
        AccountPlan plan = life.plan();
        if (d.chance(0.01)) {
            seq.next++;
            rows.text(RecordIds.invoice(plan.index(), seq.next)).text(plan.accountId()).date(issued)
                    .date(issued + plan.netTermsDays()).cents(amountCents).text("void").none().text(plan.currency()).end();
            issued += 3;
            if (issued >= life.liveUntil()) {
                return;
            }
        }
        long due = issued + plan.netTermsDays();
        double h = life.health().at(life.timeline().weekOf(due));
        double pLate = 0.04 + 0.6 * (1 - h) * (1 - h) + (plan.segment() == Segment.ENTERPRISE ? 0.05 : 0);
        long paid;
        if (d.chance(pLate)) {
            paid = due + 1 + Math.round(d.exponential(3 + 40 * (1 - h) * (1 - h)));
        } else {
            paid = Math.max(issued, due - d.between(0, Math.min(plan.netTermsDays() - 1, 10)));
        }
        seq.next++;
        rows.text(RecordIds.invoice(plan.index(), seq.next)).text(plan.accountId()).date(issued).date(due).cents(amountCents);
        if (paid < life.liveUntil()) {
            rows.text("paid").date(paid);
        } else {
            rows.text("open").none();
        }
        rows.text(plan.currency()).end();
    }
}
