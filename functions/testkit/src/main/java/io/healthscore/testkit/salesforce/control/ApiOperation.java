package io.healthscore.testkit.salesforce.control;

/** Every call the emulator counts, by API and operation. */
public enum ApiOperation {
    OAUTH_TOKEN,
    LOGIN,
    QUERY,
    QUERY_MORE,
    CREATE,
    UPDATE,
    UPSERT,
    DELETE,
    GET_USER_INFO,
    BULK_CREATE_JOB,
    BULK_GET_JOB,
    BULK_CLOSE_JOB,
    BULK_ADD_BATCH,
    BULK_GET_BATCH,
    BULK_LIST_BATCHES,
    BULK_GET_RESULT,
    BULK_GET_REQUEST
}
