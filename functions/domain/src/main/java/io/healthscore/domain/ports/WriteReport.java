package io.healthscore.domain.ports;

import java.util.List;
import java.util.Map;

/**
 * What a sink did.
 *
 * @param accountsChanged  accounts whose health fields differed and were written (or planned)
 * @param accountsUnchanged accounts skipped because nothing changed
 * @param accountsFailed   accounts whose write failed, with the reason per account id
 * @param tasksUpserted    Tasks created or updated
 * @param tasksFailed      Tasks that failed, with the reason per key
 * @param writeCalls       remote write calls made (0 in a dry run)
 * @param notWritten       accounts not attempted because a limit stopped the run (e.g. API share)
 * @param stopReason       why writing stopped early, null when it did not
 */
public record WriteReport(int accountsChanged, int accountsUnchanged, Map<String, String> accountsFailed,
                          int tasksUpserted, Map<String, String> tasksFailed, int writeCalls,
                          List<String> notWritten, String stopReason) {

    public WriteReport {
        accountsFailed = Map.copyOf(accountsFailed);
        tasksFailed = Map.copyOf(tasksFailed);
        notWritten = List.copyOf(notWritten);
    }
}
