package io.healthscore.salesforce.call;

/**
 * Every remote call the adapter makes, by name. The name is what log lines and typed failures carry; the timeout
 * class picks the read timeout from {@link CallSettings}.
 */
public enum Operation {
    TOKEN("oauth.token", TimeoutClass.TOKEN),
    ACCOUNT_COUNT("account.count", TimeoutClass.QUERY),
    ACCOUNT_QUERY("account.query", TimeoutClass.QUERY),
    ACCOUNT_QUERY_MORE("account.queryMore", TimeoutClass.QUERY),
    RELATED_QUERY_MORE("related.queryMore", TimeoutClass.QUERY),
    TASK_KEY_QUERY("task.keyQuery", TimeoutClass.QUERY),
    ACCOUNT_UPDATE("account.update", TimeoutClass.WRITE),
    TASK_UPSERT("task.upsert", TimeoutClass.WRITE),
    BULK_CREATE_JOB("bulk.createJob", TimeoutClass.BULK),
    BULK_ADD_BATCH("bulk.addBatch", TimeoutClass.BULK),
    BULK_CLOSE_JOB("bulk.closeJob", TimeoutClass.BULK),
    BULK_BATCH_STATUS("bulk.batchStatus", TimeoutClass.BULK),
    BULK_RESULT_LIST("bulk.resultList", TimeoutClass.BULK),
    BULK_RESULT("bulk.result", TimeoutClass.BULK);

    /** Which read timeout applies. */
    public enum TimeoutClass { TOKEN, QUERY, WRITE, BULK }

    private final String wireName;
    private final TimeoutClass timeoutClass;

    Operation(String wireName, TimeoutClass timeoutClass) {
        this.wireName = wireName;
        this.timeoutClass = timeoutClass;
    }

    public String wireName() {
        return wireName;
    }

    public TimeoutClass timeoutClass() {
        return timeoutClass;
    }
}
