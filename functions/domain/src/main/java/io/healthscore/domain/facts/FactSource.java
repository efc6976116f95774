package io.healthscore.domain.facts;

/**
 * Where facts come from. A source that was loaded for an account turns "no rows" into a real value
 * (no open cases is zero open cases); a source that was not loaded leaves its signals without data,
 * which lowers the confidence instead of making the account look healthy.
 */
public enum FactSource { CRM, CONTACTS, ACTIVITIES, USAGE, BILLING, SUPPORT, SURVEYS, CONVERSATIONS }
