package io.healthscore.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.document.Document;

/** JSON to the SDK's {@link Document}, as the SDK hands a tool use's input to the extractor. */
final class Documents {

    private Documents() {
    }

    static Document of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Document.fromNull();
        }
        if (node.isObject()) {
            Map<String, Document> m = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> m.put(e.getKey(), of(e.getValue())));
            return Document.fromMap(m);
        }
        if (node.isArray()) {
            List<Document> l = new ArrayList<>();
            node.forEach(n -> l.add(of(n)));
            return Document.fromList(l);
        }
        if (node.isIntegralNumber()) {
            return Document.fromNumber(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        return Document.fromString(node.asText());
    }
}
