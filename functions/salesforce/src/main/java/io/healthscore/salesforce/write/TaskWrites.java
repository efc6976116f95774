package io.healthscore.salesforce.write;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import io.healthscore.domain.playbooks.TaskPlan;
import io.healthscore.salesforce.PulledAccounts;
import io.healthscore.salesforce.SalesforceSession;
import io.healthscore.salesforce.SalesforceSettings;
import io.healthscore.salesforce.call.Operation;
import io.healthscore.salesforce.call.SalesforceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The playbook Tasks, upserted on their external key so a re-run never duplicates one. Keys that already exist are
 * found first (chunked IN queries through queryAll, so a Task a CSM deleted is not raised again while it sits in
 * the recycle bin) and left alone: an existing Task is never modified, whatever a CSM did to it. Only missing keys
 * are upserted, 200 per call, so a second identical run makes no write call.
 */
final class TaskWrites {

    static final int SUBJECT_MAX = 255;
    static final String OWNER_FALLBACK_NOTE = "\nAssigned to the account owner: the owner has no manager in Salesforce.";

    private final SalesforceSession session;
    private final SalesforceSettings settings;
    private final PulledAccounts pulled;
    private final SoapWrites soap;

    TaskWrites(SalesforceSession session, SalesforceSettings settings, PulledAccounts pulled, SoapWrites soap) {
        this.session = session;
        this.settings = settings;
        this.pulled = pulled;
        this.soap = soap;
    }

    /** The planned Tasks whose key exists on no Task (one plan per key), and how many keys exist already. */
    record Missing(List<TaskPlan> missing, int existing) {
    }

    /** Looks up which keys exist (reads only): one query per {@code taskKeysPerQuery} keys. */
    Missing missing(List<TaskPlan> plans) {
        Map<String, TaskPlan> byKey = new LinkedHashMap<>();
        for (TaskPlan p : plans) {
            byKey.putIfAbsent(p.key(), p);
        }
        if (byKey.isEmpty()) {
            return new Missing(List.of(), 0);
        }
        Set<String> existing = existingKeys(new ArrayList<>(byKey.keySet()));
        List<TaskPlan> missing = new ArrayList<>();
        for (TaskPlan p : byKey.values()) {
            if (!existing.contains(p.key())) {
                missing.add(p);
            }
        }
        return new Missing(missing, byKey.size() - missing.size());
    }

    /** Returns the outcome keyed by Task key; {@code out.written} holds upserted keys. */
    WriteOutcome write(List<TaskPlan> plans, WriteBudget budget) {
        WriteOutcome out = new WriteOutcome();
        if (plans.isEmpty()) {
            return out;
        }
        Missing lookup;
        try {
            lookup = missing(plans);
        } catch (SalesforceException e) {
            out.stopReason = e.code() + ": " + e.getMessage();
            plans.forEach(p -> out.failed.put(p.key(), "NOT_ATTEMPTED: " + out.stopReason));
            return out;
        }
        List<RecordWrite> missing = new ArrayList<>();
        for (TaskPlan p : lookup.missing()) {
            RecordWrite w = toRecord(p);
            if (w == null) {
                out.failed.put(p.key(), "NO_ASSIGNEE: the account has neither the planned assignee nor an owner");
            } else {
                missing.add(w);
            }
        }
        soap.upsert("Task", settings.taskKeyField(), missing, budget, out);
        for (String key : out.notWritten) {
            out.failed.put(key, "NOT_ATTEMPTED: " + out.stopReason);
        }
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("tasks_planned", lookup.missing().size() + lookup.existing());
        log.put("tasks_existing", lookup.existing());
        log.put("tasks_upserted", out.written.size());
        log.put("tasks_created", out.created);
        log.put("tasks_failed", out.failed.size());
        session.policy().log().event("salesforce_tasks", log);
        return out;
    }

    private RecordWrite toRecord(TaskPlan p) {
        String owner = p.assigneeId();
        String description = p.description();
        if (owner == null) {
            PulledAccounts.Pulled account = pulled.get(p.accountId());
            owner = account == null ? null : account.ownerId();
            if (owner == null) {
                return null;
            }
            description = (description == null ? "" : description) + OWNER_FALLBACK_NOTE;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(settings.taskKeyField(), p.key());
        f.put("WhatId", p.accountId());
        f.put("OwnerId", owner);
        f.put("Subject", p.subject() == null || p.subject().length() <= SUBJECT_MAX ? p.subject()
                : p.subject().substring(0, SUBJECT_MAX));
        f.put("Description", description);
        f.put("ActivityDate", p.dueOn() == null ? null : p.dueOn().toString());
        f.put("Priority", p.priority().salesforceValue());
        f.put("Status", settings.taskStatus());
        return new RecordWrite(p.key(), null, f);
    }

    /** Which of the keys exist on a Task, live or in the recycle bin: chunked IN queries. */
    private Set<String> existingKeys(List<String> keys) {
        Set<String> found = new HashSet<>();
        String field = settings.taskKeyField();
        for (int from = 0; from < keys.size(); from += settings.taskKeysPerQuery()) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + settings.taskKeysPerQuery()));
            StringBuilder soql = new StringBuilder("SELECT ").append(field).append(" FROM Task WHERE ").append(field)
                    .append(" IN (");
            for (int i = 0; i < chunk.size(); i++) {
                soql.append(i == 0 ? "'" : ", '").append(escape(chunk.get(i))).append('\'');
            }
            soql.append(')');
            String query = soql.toString();
            QueryResult page = session.soap(Operation.TASK_KEY_QUERY, chunk.size(), p -> p.queryAll(query));
            while (true) {
                for (SObject task : page.getRecords() == null ? new SObject[0] : page.getRecords()) {
                    Object key = task.getField(field);
                    if (key != null) {
                        found.add(key.toString());
                    }
                }
                if (page.isDone() || page.getQueryLocator() == null) {
                    break;
                }
                String locator = page.getQueryLocator();
                page = session.soap(Operation.TASK_KEY_QUERY, 0, p -> p.queryMore(locator));
            }
        }
        return found;
    }

    /** SOQL string literal escaping: backslash and single quote. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
