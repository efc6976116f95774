package io.healthscore.domain.playbooks;

import io.healthscore.domain.model.PlaybookRule;
import java.time.LocalDate;

/**
 * A Salesforce Task the run wants to exist. {@code key} is unique per account, rule and period and is
 * what the Task is upserted on, so planning the same Task twice never creates two.
 *
 * @param key         account:rule:period, at most 120 characters
 * @param accountId   the Account (WhatId)
 * @param ruleId      playbook rule id
 * @param assigneeId  user id (OwnerId), null when the account has no such user
 * @param subject     Task subject
 * @param description drivers and numbers, plain text
 * @param dueOn       activity date
 * @param priority    Task priority
 */
public record TaskPlan(String key, String accountId, String ruleId, String assigneeId, String subject,
                       String description, LocalDate dueOn, PlaybookRule.TaskPriority priority) {
}
