package io.healthscore.testkit.salesforce.soap;

/** The parts of GetUserInfoResult that vary; the rest are the defaults of a US Developer Edition org. */
record UserInfo(String organizationId, String organizationName, String profileId, long sessionSecondsValid,
                String userEmail, String userFullName, String userId, String userName, String userTimeZone) {
}
