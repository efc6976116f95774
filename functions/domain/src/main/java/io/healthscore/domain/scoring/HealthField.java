package io.healthscore.domain.scoring;

/**
 * The Account fields the product owns, with their default Salesforce API names. Override fields are
 * read, never written. {@code countsAsChange} is false for fields that alone never justify a write.
 */
public enum HealthField {
    SCORE("Health_Score__c", true),
    BAND("Health_Band__c", true),
    BAND_SINCE("Health_Band_Since__c", true),
    RED_SINCE("Health_Red_Since__c", true),
    TREND("Health_Trend__c", true),
    SCORE_CHANGE("Health_Score_Change__c", true),
    CONFIDENCE("Health_Confidence__c", true),
    DRIVERS("Health_Drivers__c", true),
    SUB_SCORES("Health_Sub_Scores__c", true),
    HISTORY("Health_History__c", true),
    CONVERSATION_SIGNALS("Health_Conversation_Signals__c", true),
    SCORED_AT("Health_Scored_At__c", false),
    MODEL_VERSION("Health_Model_Version__c", true),
    EXPANSION_SCORE("Health_Expansion_Score__c", true),
    ATTENTION_PRIORITY("Health_Attention_Priority__c", true);

    private final String apiName;
    private final boolean countsAsChange;

    HealthField(String apiName, boolean countsAsChange) {
        this.apiName = apiName;
        this.countsAsChange = countsAsChange;
    }

    public String apiName() {
        return apiName;
    }

    public boolean countsAsChange() {
        return countsAsChange;
    }

    /** Read-only override fields, set by CSMs. */
    public static final String OVERRIDE_BAND = "Health_Override_Band__c";
    public static final String OVERRIDE_REASON = "Health_Override_Reason__c";
    public static final String OVERRIDE_EXPIRES = "Health_Override_Expires__c";
}
