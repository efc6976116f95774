package io.healthscore.testkit.salesforce.bulk;

import static io.healthscore.testkit.salesforce.http.XmlText.escape;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Bulk API 1.0 XML in the real element order (which force-wsc's JobInfo/BatchInfo parsers depend on):
 * jobInfo, batchInfo, batchInfoList, result-list and error, in namespace
 * {@code http://www.force.com/2009/06/asyncapi/dataload}.
 */
final class BulkXml {
    static final String NAMESPACE = "http://www.force.com/2009/06/asyncapi/dataload";
    private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><";
    private static final String NS = "\n   xmlns=\"" + NAMESPACE + "\">\n";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private BulkXml() {
    }

    static String jobInfo(BulkJob job) {
        StringBuilder xml = new StringBuilder(1024).append(OPEN).append("jobInfo").append(NS);
        element(xml, "id", job.id);
        element(xml, "operation", job.operation);
        element(xml, "object", job.object);
        element(xml, "createdById", job.createdById);
        element(xml, "createdDate", TIMESTAMP.format(job.createdDate));
        element(xml, "systemModstamp", TIMESTAMP.format(job.systemModstamp));
        element(xml, "state", job.state.name());
        if (job.externalIdFieldName != null) {
            element(xml, "externalIdFieldName", job.externalIdFieldName);
        }
        element(xml, "concurrencyMode", "Parallel");
        element(xml, "contentType", "CSV");
        element(xml, "numberBatchesQueued", job.count(BulkBatch.State.Queued));
        element(xml, "numberBatchesInProgress", job.count(BulkBatch.State.InProgress));
        element(xml, "numberBatchesCompleted", job.count(BulkBatch.State.Completed));
        element(xml, "numberBatchesFailed", job.count(BulkBatch.State.Failed));
        element(xml, "numberBatchesTotal", job.batches.size());
        element(xml, "numberRecordsProcessed", job.recordsProcessed());
        element(xml, "numberRetries", 0);
        element(xml, "apiVersion", job.apiVersion);
        element(xml, "numberRecordsFailed", job.recordsFailed());
        element(xml, "totalProcessingTime", job.processingMillis());
        element(xml, "apiActiveProcessingTime", job.processingMillis());
        element(xml, "apexProcessingTime", 0);
        return xml.append("</jobInfo>").toString();
    }

    static String batchInfo(BulkBatch batch) {
        StringBuilder xml = new StringBuilder(512).append(OPEN).append("batchInfo").append(NS);
        batchInfoBody(xml, batch, " ");
        return xml.append("</batchInfo>").toString();
    }

    static String batchInfoList(List<BulkBatch> batches) {
        StringBuilder xml = new StringBuilder(1024).append(OPEN).append("batchInfoList").append(NS);
        for (BulkBatch batch : batches) {
            xml.append(" <batchInfo>\n");
            batchInfoBody(xml, batch, "  ");
            xml.append(" </batchInfo>\n");
        }
        return xml.append("</batchInfoList>").toString();
    }

    static String resultList(List<String> resultIds) {
        StringBuilder xml = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<result-list xmlns=\"").append(NAMESPACE).append("\">");
        for (String id : resultIds) {
            xml.append("<result>").append(id).append("</result>");
        }
        return xml.append("</result-list>").toString();
    }

    static String error(String exceptionCode, String message) {
        StringBuilder xml = new StringBuilder(256).append(OPEN).append("error").append(NS);
        element(xml, "exceptionCode", exceptionCode);
        element(xml, "exceptionMessage", message);
        return xml.append("</error>").toString();
    }

    private static void batchInfoBody(StringBuilder xml, BulkBatch batch, String indent) {
        element(xml, indent, "id", batch.id);
        element(xml, indent, "jobId", batch.jobId);
        element(xml, indent, "state", batch.state.name());
        if (batch.stateMessage != null) {
            element(xml, indent, "stateMessage", batch.stateMessage);
        }
        element(xml, indent, "createdDate", TIMESTAMP.format(batch.createdDate));
        element(xml, indent, "systemModstamp", TIMESTAMP.format(batch.systemModstamp));
        element(xml, indent, "numberRecordsProcessed", Integer.toString(batch.recordsProcessed));
        element(xml, indent, "numberRecordsFailed", Integer.toString(batch.recordsFailed));
        element(xml, indent, "totalProcessingTime", Long.toString(batch.processingMillis));
        element(xml, indent, "apiActiveProcessingTime", Long.toString(batch.processingMillis));
        element(xml, indent, "apexProcessingTime", "0");
    }

    private static void element(StringBuilder xml, String name, Object value) {
        element(xml, " ", name, String.valueOf(value));
    }

    private static void element(StringBuilder xml, String indent, String name, String value) {
        xml.append(indent).append('<').append(name).append('>').append(escape(value)).append("</").append(name)
                .append(">\n");
    }
}
