package io.healthscore.testkit.salesforce.bulk;

import io.healthscore.testkit.salesforce.control.ApiOperation;
import io.healthscore.testkit.salesforce.control.InjectedHttpFailure;
import io.healthscore.testkit.salesforce.control.RequestGate;
import io.healthscore.testkit.salesforce.http.WireExchange;
import io.healthscore.testkit.salesforce.oauth.Session;
import io.healthscore.testkit.salesforce.org.ApiFault;
import io.healthscore.testkit.salesforce.org.DmlEngine;
import io.healthscore.testkit.salesforce.org.OrgSchema;
import io.healthscore.testkit.salesforce.org.SalesforceIds;
import io.healthscore.testkit.salesforce.soql.SoqlEvaluator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Bulk API 1.0 under {@code /services/async/<version>/}: create job, add batch (CSV writes, SOQL queries), batch
 * list, batch info, results (write CSV; query result-list then result CSV), batch request, close and abort.
 * Authenticated with {@code X-SFDC-Session}. A batch completes when first observed after submission, or after the
 * configured number of polls reporting InProgress.
 */
public final class BulkApi {
    private static final String XML = "application/xml";
    private static final String CSV = "text/csv";
    private static final Set<String> OPERATIONS = Set.of("insert", "update", "upsert", "delete", "query");

    private final Map<String, BulkJob> jobs = new ConcurrentHashMap<>();
    private final RequestGate gate;
    private final OrgSchema schema;
    private final SalesforceIds ids;
    private final Clock clock;
    private final BatchProcessor processor;
    private volatile int pollsBeforeCompletion;

    public BulkApi(RequestGate gate, DmlEngine dml, SoqlEvaluator soql, OrgSchema schema, SalesforceIds ids,
                   Clock clock, int pollsBeforeCompletion, int queryRowsPerResult) {
        this.gate = gate;
        this.schema = schema;
        this.ids = ids;
        this.clock = clock;
        this.pollsBeforeCompletion = pollsBeforeCompletion;
        this.processor = new BatchProcessor(dml, soql, schema, ids, clock, queryRowsPerResult);
    }

    /** How many status polls report a new batch Queued/InProgress before it runs (0: runs on submission). */
    public void setPollsBeforeCompletion(int polls) {
        this.pollsBeforeCompletion = polls;
    }

    public void handle(WireExchange exchange) {
        String[] path = exchange.path().replaceFirst("^/services/async/", "").split("/");
        String version = path[0];
        List<String> segments = List.of(path).subList(1, path.length);
        boolean post = exchange.method().equals("POST");
        try {
            ApiOperation operation = operation(segments, post);
            Integer records = operation == ApiOperation.BULK_ADD_BATCH ? writeRowCount(segments.get(1), exchange)
                    : null;
            try (RequestGate.Admission admission = gate.admit(operation, records,
                    exchange.header("X-SFDC-Session"))) {
                respond(exchange, operation, segments, version, admission.session());
            }
        } catch (BulkError e) {
            exchange.respond(e.status(), XML, BulkXml.error(e.exceptionCode(), e.getMessage()));
        } catch (ApiFault fault) {
            String code = fault.exceptionCode().equals("INVALID_SESSION_ID") ? "InvalidSessionId" : "ExceededQuota";
            String message = code.equals("InvalidSessionId") ? "Invalid session id" : fault.exceptionMessage();
            exchange.respond(400, XML, BulkXml.error(code, message));
        } catch (InjectedHttpFailure failure) {
            exchange.respond(failure.status(), "text/html", "<html><body>Service Unavailable</body></html>");
        }
    }

    private void respond(WireExchange exchange, ApiOperation operation, List<String> segments, String version,
                         Session session) {
        switch (operation) {
            case BULK_CREATE_JOB -> exchange.respond(201, XML, BulkXml.jobInfo(createJob(exchange, version, session)));
            case BULK_GET_JOB -> {
                BulkJob job = job(segments.get(1));
                synchronized (job) {
                    job.batchList().forEach(batch -> observe(job, batch));
                    exchange.respond(200, XML, BulkXml.jobInfo(job));
                }
            }
            case BULK_CLOSE_JOB -> exchange.respond(200, XML, changeJobState(job(segments.get(1)), exchange));
            case BULK_ADD_BATCH -> exchange.respond(201, XML, addBatch(job(segments.get(1)), exchange));
            case BULK_LIST_BATCHES -> {
                BulkJob job = job(segments.get(1));
                synchronized (job) {
                    job.batchList().forEach(batch -> observe(job, batch));
                    exchange.respond(200, XML, BulkXml.batchInfoList(job.batchList()));
                }
            }
            case BULK_GET_BATCH -> {
                BulkJob job = job(segments.get(1));
                synchronized (job) {
                    BulkBatch batch = batch(job, segments.get(3));
                    observe(job, batch);
                    exchange.respond(200, XML, BulkXml.batchInfo(batch));
                }
            }
            case BULK_GET_RESULT -> result(exchange, job(segments.get(1)), segments);
            case BULK_GET_REQUEST -> {
                BulkJob job = job(segments.get(1));
                synchronized (job) {
                    exchange.respond(200, job.isQuery() ? "text/plain" : CSV, batch(job, segments.get(3)).request);
                }
            }
            default -> throw new BulkError("InvalidUrl", "unsupported operation " + operation);
        }
    }

    private static ApiOperation operation(List<String> segments, boolean post) {
        int size = segments.size();
        if (size == 0 || !segments.get(0).equals("job")) {
            throw new BulkError(404, "InvalidUrl", "Unknown resource");
        }
        if (size == 1 && post) {
            return ApiOperation.BULK_CREATE_JOB;
        }
        if (size == 2) {
            return post ? ApiOperation.BULK_CLOSE_JOB : ApiOperation.BULK_GET_JOB;
        }
        if (size == 3 && segments.get(2).equals("batch")) {
            return post ? ApiOperation.BULK_ADD_BATCH : ApiOperation.BULK_LIST_BATCHES;
        }
        if (size == 4 && segments.get(2).equals("batch") && !post) {
            return ApiOperation.BULK_GET_BATCH;
        }
        if ((size == 5 || size == 6) && segments.get(4).equals("result") && !post) {
            return ApiOperation.BULK_GET_RESULT;
        }
        if (size == 5 && segments.get(4).equals("request") && !post) {
            return ApiOperation.BULK_GET_REQUEST;
        }
        throw new BulkError(404, "InvalidUrl", "Unknown resource");
    }

    private Integer writeRowCount(String jobId, WireExchange exchange) {
        BulkJob job = jobs.get(jobId);
        if (job == null || job.isQuery()) {
            return null;
        }
        return BulkCsv.countRows(exchange.bodyText());
    }

    private BulkJob createJob(WireExchange exchange, String version, Session session) {
        Element jobInfo = parseXml(exchange.body());
        String operation = text(jobInfo, "operation");
        String object = text(jobInfo, "object");
        String externalId = text(jobInfo, "externalIdFieldName");
        String contentType = text(jobInfo, "contentType");
        if (operation == null || !OPERATIONS.contains(operation)) {
            throw new BulkError("InvalidJob", "Invalid job operation: " + operation);
        }
        if (object == null || schema.type(object).isEmpty()) {
            throw new BulkError("InvalidJob", "Unable to find object: " + object);
        }
        if (!"CSV".equals(contentType)) {
            throw new BulkError("FeatureNotEnabled", "The Salesforce org emulator supports CSV jobs only, not "
                    + (contentType == null ? "XML" : contentType));
        }
        if (operation.equals("upsert") && (externalId == null || externalId.isBlank())) {
            throw new BulkError("InvalidJob", "External ID was blank for " + object
                    + ". An External ID must be specified for upsert.");
        }
        String canonicalObject = schema.require(object).name();
        BulkJob job = new BulkJob(ids.next("750"), operation, canonicalObject,
                operation.equals("upsert") ? externalId : null, session.userId(), clock.instant(), version);
        jobs.put(job.id, job);
        return job;
    }

    private String changeJobState(BulkJob job, WireExchange exchange) {
        String state = text(parseXml(exchange.body()), "state");
        synchronized (job) {
            if ("Closed".equals(state) && job.state == BulkJob.State.Open) {
                job.state = BulkJob.State.Closed;
            } else if ("Aborted".equals(state) && job.state != BulkJob.State.Failed) {
                job.state = BulkJob.State.Aborted;
                for (BulkBatch batch : job.batchList()) {
                    if (!batch.finished()) {
                        batch.state = BulkBatch.State.NotProcessed;
                    }
                }
            } else if (!job.state.name().equals(state)) {
                throw new BulkError("InvalidJobState", "Invalid state change from " + job.state + " to " + state);
            }
            job.systemModstamp = clock.instant();
            return BulkXml.jobInfo(job);
        }
    }

    private String addBatch(BulkJob job, WireExchange exchange) {
        synchronized (job) {
            if (job.state != BulkJob.State.Open) {
                throw new BulkError("InvalidJobState", "Job " + job.id + " is not open; batches cannot be added");
            }
            BulkBatch batch = new BulkBatch(ids.next("751"), job.id, exchange.bodyText(), clock.instant(),
                    pollsBeforeCompletion);
            job.batches.put(batch.id, batch);
            String queued = BulkXml.batchInfo(batch);
            if (batch.pollsBeforeCompletion == 0) {
                processor.process(job, batch);
            }
            return queued;
        }
    }

    private void result(WireExchange exchange, BulkJob job, List<String> segments) {
        synchronized (job) {
            BulkBatch batch = batch(job, segments.get(3));
            if (batch.state != BulkBatch.State.Completed) {
                throw new BulkError("InvalidBatch", "Batch not completed");
            }
            if (!job.isQuery()) {
                exchange.respond(200, CSV, batch.writeResults);
            } else if (segments.size() == 5) {
                exchange.respond(200, XML, BulkXml.resultList(batch.resultIds()));
            } else {
                String csv = batch.queryResults.get(segments.get(5));
                if (csv == null) {
                    throw new BulkError("InvalidBatch", "Invalid result id: " + segments.get(5));
                }
                exchange.respond(200, CSV, csv);
            }
        }
    }

    private void observe(BulkJob job, BulkBatch batch) {
        if (batch.finished()) {
            return;
        }
        if (batch.pollsBeforeCompletion > 0) {
            batch.pollsBeforeCompletion--;
            batch.state = BulkBatch.State.InProgress;
            batch.systemModstamp = clock.instant();
            return;
        }
        processor.process(job, batch);
    }

    private BulkJob job(String id) {
        BulkJob job = jobs.get(id);
        if (job == null) {
            throw new BulkError("InvalidJob", "Invalid job id: " + id);
        }
        return job;
    }

    private static BulkBatch batch(BulkJob job, String id) {
        BulkBatch batch = job.batches.get(id);
        if (batch == null) {
            throw new BulkError("InvalidBatch", "Invalid batch id: " + id);
        }
        return batch;
    }

    private static Element parseXml(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new BulkError("InvalidXml", "Unable to parse XML: " + e.getMessage());
        }
    }

    private static String text(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }
}
