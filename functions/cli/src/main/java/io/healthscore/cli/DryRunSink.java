package io.healthscore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthscore.domain.playbooks.TaskPlan;
import io.healthscore.domain.ports.HealthSink;
import io.healthscore.domain.ports.WriteReport;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.HealthField;
import io.healthscore.formats.HealthFieldValues;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dry run of the Salesforce write-back: the Account field updates and the Task upserts the run would
 * send, written as JSON Lines (one record per line, Salesforce API field names) instead of being sent.
 */
final class DryRunSink implements HealthSink {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    DryRunSink(Path dir) {
        this.dir = dir;
    }

    Path accountUpdatesFile() {
        return dir.resolve("account-updates.jsonl");
    }

    Path tasksFile() {
        return dir.resolve("tasks.jsonl");
    }

    @Override
    public WriteReport write(List<AccountHealth> healths, List<TaskPlan> tasks) {
        int tasksWritten = 0;
        try {
            Files.createDirectories(dir);
            try (BufferedWriter w = Files.newBufferedWriter(accountUpdatesFile(), StandardCharsets.UTF_8);
                 SequenceWriter seq = JSON.writer().withRootValueSeparator("\n").writeValues(w)) {
                for (AccountHealth h : healths) {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("Id", h.accountId());
                    for (Map.Entry<HealthField, Object> e : HealthFieldValues.of(h).entrySet()) {
                        o.set(e.getKey().apiName(), JSON.valueToTree(e.getValue()));
                    }
                    seq.write(o);
                }
            }
            Set<String> keys = new HashSet<>();
            try (BufferedWriter w = Files.newBufferedWriter(tasksFile(), StandardCharsets.UTF_8);
                 SequenceWriter seq = JSON.writer().withRootValueSeparator("\n").writeValues(w)) {
                for (TaskPlan t : tasks) {
                    if (!keys.add(t.key())) {
                        continue;
                    }
                    ObjectNode o = JSON.createObjectNode();
                    o.put("Health_Task_Key__c", t.key());
                    o.put("WhatId", t.accountId());
                    o.put("OwnerId", t.assigneeId());
                    o.put("Subject", t.subject());
                    o.put("Description", t.description());
                    o.put("ActivityDate", t.dueOn().toString());
                    o.put("Priority", t.priority().salesforceValue());
                    o.put("Status", "Not Started");
                    o.put("rule", t.ruleId());
                    seq.write(o);
                    tasksWritten++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dry-run files in " + dir, e);
        }
        return new WriteReport(healths.size(), 0, Map.of(), tasksWritten, Map.of(), 0, List.of(),
                null);
    }
}
