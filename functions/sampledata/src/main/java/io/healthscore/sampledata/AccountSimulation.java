package io.healthscore.sampledata;

/**
 * Simulates one account from its own random streams and appends all its rows to a chunk: traits, latent
 * health, contract and renewals first (a churn cuts everything after it), then the observable feeds,
 * the CRM rows and the ground truth.
 */
final class AccountSimulation {

    private AccountSimulation() {
    }

    static void run(GeneratorSettings settings, Timeline timeline, int index, int ownerSlot, BookChunk chunk) {
        long seed = settings.seed();
        AccountPlan plan = AccountPlan.draw(settings, timeline, index, ownerSlot);
        LatentHealth health = LatentHealth.simulate(plan, timeline, Draws.of(seed, index, Draws.Stream.HEALTH));
        ContractHistory contract = ContractHistory.simulate(plan, health, timeline,
                Draws.of(seed, index, Draws.Stream.RENEWALS), Draws.of(seed, index, Draws.Stream.SEATS));
        AccountLife life = new AccountLife(plan, health, contract, timeline);

        double[] utilisation = UsageFeed.write(life, Draws.of(seed, index, Draws.Stream.USAGE), chunk.rows(BookFile.USAGE_WEEKLY));
        SupportFeed.write(life, Draws.of(seed, index, Draws.Stream.SUPPORT), chunk.rows(BookFile.SUPPORT_TICKETS));
        BillingFeed.write(life, Draws.of(seed, index, Draws.Stream.BILLING), chunk.rows(BookFile.INVOICES));
        SurveyFeed.write(life, Draws.of(seed, index, Draws.Stream.SURVEYS), chunk.rows(BookFile.SURVEYS));
        Stakeholders people = Stakeholders.build(life, Draws.of(seed, index, Draws.Stream.CONTACTS));
        ActivityFeed.write(life, people, Draws.of(seed, index, Draws.Stream.ACTIVITIES), chunk.rows(BookFile.CRM_ACTIVITIES));
        ConversationFeed.write(life, people, utilisation, Draws.of(seed, index, Draws.Stream.CONVERSATIONS),
                chunk.rows(BookFile.CONVERSATIONS), chunk.rows(BookFile.TRUTH_LABELS));
        people.write(chunk.rows(BookFile.CRM_CONTACTS));

        writeAccount(life, chunk.rows(BookFile.CRM_ACCOUNTS));
        writeRenewals(life, chunk.rows(BookFile.RENEWAL_OUTCOMES), chunk.rows(BookFile.TRUTH_RENEWALS));
        writeTruth(life, chunk.rows(BookFile.TRUTH_ACCOUNTS));

        chunk.archetypes[plan.archetype().ordinal()]++;
        if (contract.churned()) {
            chunk.churned++;
        }
        if (plan.sparse()) {
            chunk.sparse++;
        }
    }

    private static void writeAccount(AccountLife life, RowEncoder rows) {
        AccountPlan plan = life.plan();
        ContractHistory contract = life.contract();
        rows.text(plan.accountId()).text(plan.name()).text(plan.segment().wireName()).text(plan.tier())
                .integer(plan.employees()).cents(contract.arrCents(life.lastLiveWeek())).date(plan.customerSince())
                .text(plan.owner().userId()).text(plan.owner().managerId());
        ContractHistory.OpenRenewal open = contract.open();
        if (open != null) {
            rows.text(open.opportunityId()).date(open.day()).cents(open.amountCents());
        } else {
            rows.none().none().none();
        }
        // never scored: previous_score, previous_band, history, override_* and the like stay empty
        if (contract.churned()) {
            rows.date(contract.churnDay());
        } else {
            rows.none();
        }
        rows.end();
    }

    private static void writeRenewals(AccountLife life, RowEncoder outcomes, RowEncoder truth) {
        String account = life.plan().accountId();
        for (ContractHistory.ClosedRenewal r : life.contract().closed()) {
            outcomes.text(account).date(r.day()).text(r.outcome().wireName()).text(r.opportunityId()).cents(r.amountCents())
                    .cents(r.previousAmountCents()).end();
            truth.text(account).date(r.day()).text(r.outcome().wireName()).decimal(r.healthBefore(), 3).end();
        }
    }

    private static void writeTruth(AccountLife life, RowEncoder rows) {
        AccountPlan plan = life.plan();
        rows.text(plan.accountId()).text(plan.archetype().wireName()).text(plan.segment().wireName())
                .text(plan.sparse() ? "sparse" : "full").decimal(life.health().at(life.lastLiveWeek()), 3);
        LifeEvent event = life.event();
        if (event != null) {
            rows.text(event.type().wireName()).date(event.day());
        } else {
            rows.none().none();
        }
        if (life.contract().churned()) {
            rows.date(life.contract().churnDay());
        } else {
            rows.none();
        }
        rows.end();
    }
}
