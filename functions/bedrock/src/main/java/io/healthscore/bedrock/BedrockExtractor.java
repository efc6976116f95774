package io.healthscore.bedrock;

import io.healthscore.domain.conversations.Conversation;
import io.healthscore.domain.conversations.Extraction;
import io.healthscore.domain.conversations.SignalExtractor;
import io.healthscore.domain.facts.ConversationSignal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Labels a conversation with a model on Bedrock through the Converse API. Each request carries the constant system
 * prompt ({@link ExtractionPrompt}), the transcript capped by {@link TranscriptWindow} and delimited as untrusted data,
 * and the one tool {@value SignalTool#NAME} with the tool choice forcing it. Every answer is checked by
 * {@link AnswerValidator}; an invalid one gets one repair turn (the problems go back as an error tool result), and if
 * the second answer is invalid too the conversation is rejected with a reason and no labels. Calls go through
 * {@link BedrockCallPolicy}: a call that fails for good throws {@link BedrockCallException} and nothing is recorded,
 * so the conversation is tried again on the next run.
 *
 * <p>The text is used only to build the request: it is never logged, never part of an exception and never in the
 * {@link Extraction}, which keeps labels, offsets, ids, the model id, {@link ExtractionPrompt#PROMPT_VERSION} and
 * tokens. Thread-safe.
 */
public final class BedrockExtractor implements SignalExtractor {

    public static final String ID_PREFIX = "bedrock:";
    /** Reason of a conversation with no text: nothing is sent. */
    public static final String REJECT_EMPTY = "empty transcript";
    /** Reason when the model's guardrail or content filter stopped the answer: no repair is tried. */
    public static final String REJECT_FILTERED = "answer blocked by a content filter";
    /** Start of the reason when the answer was still invalid after the repair turn; the problem codes follow. */
    public static final String REJECT_INVALID = "invalid answer after one repair: ";

    /** Most problems sent back in a repair turn. */
    static final int MAX_PROBLEMS_IN_REPAIR = 25;
    /** Tokens of the tool schema, instruction lines, boundaries and message framing, estimated generously. */
    static final int FRAMING_TOKENS = TokenEstimate.of(SignalTool.schema().toString()) + 200;
    /** Tokens of one repair request at most ({@value #MAX_PROBLEMS_IN_REPAIR} problems). */
    static final int REPAIR_TOKENS = 1_000;

    private final BedrockRuntimeClient client;
    private final BedrockSettings settings;
    private final BedrockCallPolicy policy;
    private final BedrockLog log;

    public BedrockExtractor(BedrockRuntimeClient client, BedrockSettings settings, BedrockCallPolicy policy, BedrockLog log) {
        this.client = client;
        this.settings = settings;
        this.policy = policy;
        this.log = log;
    }

    /** An extractor with real sleeps between retries and its own usage counters. */
    public static BedrockExtractor create(BedrockRuntimeClient client, BedrockSettings settings, BedrockLog log) {
        return new BedrockExtractor(client, settings,
                new BedrockCallPolicy(settings.calls(), Sleeper.SYSTEM, new Random(), log, new BedrockUsage()), log);
    }

    @Override
    public String id() {
        return ID_PREFIX + settings.modelId();
    }

    @Override
    public String promptVersion() {
        return ExtractionPrompt.PROMPT_VERSION;
    }

    /** Calls, attempts and tokens spent so far by this extractor. */
    public BedrockUsage.Snapshot usage() {
        return policy.usage().snapshot();
    }

    /**
     * The most tokens one conversation can cost: two turns (the answer and one repair), each with the system prompt,
     * the framing and the transcript as sent (at most {@link BedrockSettings#maxTranscriptTokens()}), the second also
     * with the first answer and the repair request, and up to {@link BedrockSettings#maxOutputTokens()} answered per
     * turn. Zero for an empty transcript, which is not sent.
     */
    @Override
    public int estimateTokens(Conversation conversation) {
        String text = conversation.text();
        if (text == null || text.isBlank()) {
            return 0;
        }
        long transcript = Math.min(TokenEstimate.of(text), settings.maxTranscriptTokens());
        long turnInput = TokenEstimate.of(ExtractionPrompt.SYSTEM_PROMPT) + FRAMING_TOKENS + transcript;
        long out = settings.maxOutputTokens();
        long total = turnInput + out + (turnInput + out + REPAIR_TOKENS) + out;
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    @Override
    public Extraction extract(Conversation c) {
        String text = c.text();
        String hash = c.contentHash();
        if (text == null || text.isBlank()) {
            return logged(c, reject(c, hash, REJECT_EMPTY, new Tokens()), 0, List.of());
        }
        TranscriptWindow window = TranscriptWindow.of(text, settings.maxTranscriptTokens());
        if (window.capped()) {
            Map<String, Object> f = ids(c);
            f.put("original_chars", window.originalLength());
            f.put("sent_chars", window.sent().length());
            f.put("omitted_chars", window.omitted());
            log.event("bedrock_transcript_capped", f);
        }
        Tokens tokens = new Tokens();
        List<Message> messages = new ArrayList<>();
        messages.add(Message.builder().role(ConversationRole.USER).content(ExtractionPrompt.userTurn(window, hash)).build());

        ConverseResponse first = converse(c, messages, tokens);
        Reading reading = Reading.of(first, window);
        if (reading.answer() != null) {
            return logged(c, accept(c, hash, reading.answer(), tokens), 1, List.of());
        }
        if (reading.filtered()) {
            return logged(c, reject(c, hash, REJECT_FILTERED, tokens), 1, List.of());
        }

        policy.usage().repair();
        messages.add(assistantEcho(first));
        messages.add(repairTurn(first, reading.problems()));
        ConverseResponse second = converse(c, messages, tokens);
        Reading again = Reading.of(second, window);
        if (again.answer() != null) {
            return logged(c, accept(c, hash, again.answer(), tokens), 2, reading.problems());
        }
        if (again.filtered()) {
            return logged(c, reject(c, hash, REJECT_FILTERED, tokens), 2, reading.problems());
        }
        TreeSet<String> codes = new TreeSet<>();
        again.problems().forEach(p -> codes.add(p.code().wireName()));
        return logged(c, reject(c, hash, REJECT_INVALID + String.join(", ", codes), tokens), 2, again.problems());
    }

    private ConverseResponse converse(Conversation c, List<Message> messages, Tokens tokens) {
        ConverseRequest request = ConverseRequest.builder()
                .modelId(settings.modelId())
                .system(ExtractionPrompt.system())
                .messages(List.copyOf(messages))
                .toolConfig(SignalTool.configuration())
                .inferenceConfig(InferenceConfiguration.builder()
                        .maxTokens(settings.maxOutputTokens())
                        .temperature((float) settings.temperature())
                        .build())
                .build();
        ConverseResponse response = policy.run("converse", c.conversationId(), () -> client.converse(request));
        TokenUsage u = response.usage();
        long in = u == null || u.inputTokens() == null ? 0 : u.inputTokens();
        long out = u == null || u.outputTokens() == null ? 0 : u.outputTokens();
        long cacheRead = u == null || u.cacheReadInputTokens() == null ? 0 : u.cacheReadInputTokens();
        long cacheWrite = u == null || u.cacheWriteInputTokens() == null ? 0 : u.cacheWriteInputTokens();
        policy.usage().turn(in, out, cacheRead, cacheWrite);
        tokens.input += in + cacheRead + cacheWrite;
        tokens.output += out;
        return response;
    }

    /** The model's own turn, replayed so the repair answers it; Converse needs a non-empty assistant message. */
    private static Message assistantEcho(ConverseResponse response) {
        List<ContentBlock> content = content(response);
        return Message.builder().role(ConversationRole.ASSISTANT)
                .content(content.isEmpty() ? List.of(ContentBlock.fromText("(no answer)")) : content)
                .build();
    }

    /** An error tool result for every tool use of the answer (Converse requires one each), or a text turn if none. */
    private static Message repairTurn(ConverseResponse response, List<AnswerProblem> problems) {
        String request = ExtractionPrompt.repairRequest(problems.size() > MAX_PROBLEMS_IN_REPAIR
                ? problems.subList(0, MAX_PROBLEMS_IN_REPAIR) : problems);
        List<ContentBlock> blocks = new ArrayList<>();
        for (ContentBlock b : content(response)) {
            ToolUseBlock use = b.toolUse();
            if (use != null) {
                blocks.add(ContentBlock.fromToolResult(ToolResultBlock.builder()
                        .toolUseId(use.toolUseId())
                        .status(ToolResultStatus.ERROR)
                        .content(ToolResultContentBlock.fromText(request))
                        .build()));
            }
        }
        if (blocks.isEmpty()) {
            blocks.add(ContentBlock.fromText(request));
        }
        return Message.builder().role(ConversationRole.USER).content(blocks).build();
    }

    private static List<ContentBlock> content(ConverseResponse response) {
        if (response.output() == null || response.output().message() == null || !response.output().message().hasContent()) {
            return List.of();
        }
        return response.output().message().content();
    }

    /** What one answer amounts to: a valid answer, a filtered one, or the problems to repair. */
    record Reading(ValidatedAnswer answer, boolean filtered, List<AnswerProblem> problems) {

        static Reading of(ConverseResponse response, TranscriptWindow window) {
            StopReason stop = response.stopReason();
            if (stop == StopReason.GUARDRAIL_INTERVENED || stop == StopReason.CONTENT_FILTERED) {
                return new Reading(null, true, List.of());
            }
            List<AnswerProblem> problems = new ArrayList<>();
            if (stop == StopReason.MAX_TOKENS) {
                problems.add(new AnswerProblem(AnswerProblem.Code.TRUNCATED, "answer", null));
            }
            List<ToolUseBlock> ours = new ArrayList<>();
            int others = 0;
            for (ContentBlock b : content(response)) {
                if (b.toolUse() != null) {
                    if (SignalTool.NAME.equals(b.toolUse().name())) {
                        ours.add(b.toolUse());
                    } else {
                        others++;
                    }
                }
            }
            if (others > 0) {
                problems.add(new AnswerProblem(AnswerProblem.Code.WRONG_TOOL, "answer", others + " other tool calls"));
            }
            if (ours.isEmpty()) {
                if (others == 0) {
                    problems.add(new AnswerProblem(AnswerProblem.Code.NO_TOOL_USE, "answer", null));
                }
                return new Reading(null, false, problems);
            }
            if (ours.size() > 1) {
                problems.add(new AnswerProblem(AnswerProblem.Code.MULTIPLE_TOOL_USES, "answer", ours.size() + " calls"));
                return new Reading(null, false, problems);
            }
            AnswerValidator.Result result = AnswerValidator.validate(ours.get(0).input(), window);
            problems.addAll(result.problems());
            if (result.valid() && problems.isEmpty()) {
                return new Reading(result.answer(), false, List.of());
            }
            return new Reading(null, false, problems);
        }
    }

    private static final class Tokens {
        long input;
        long output;
    }

    private Extraction accept(Conversation c, String hash, ValidatedAnswer a, Tokens tokens) {
        ConversationSignal signal = new ConversationSignal(c.conversationId(), c.occurredOn(), a.sentiment(), a.intents(),
                a.riskFlags(), a.confidence());
        return new Extraction(c.conversationId(), c.accountId(), hash, signal, a.evidence(), id(), promptVersion(),
                clamp(tokens.input), clamp(tokens.output), null);
    }

    private Extraction reject(Conversation c, String hash, String reason, Tokens tokens) {
        return new Extraction(c.conversationId(), c.accountId(), hash, null, List.of(), id(), promptVersion(),
                clamp(tokens.input), clamp(tokens.output), reason);
    }

    private Extraction logged(Conversation c, Extraction e, int turns, List<AnswerProblem> problems) {
        Map<String, Object> f = ids(c);
        f.put("outcome", e.accepted() ? (turns > 1 ? "repaired" : "accepted") : "rejected");
        f.put("turns", turns);
        f.put("input_tokens", e.inputTokens());
        f.put("output_tokens", e.outputTokens());
        if (!problems.isEmpty()) {
            f.put("problems", String.join(",", new TreeSet<>(problems.stream().map(p -> p.code().wireName()).toList())));
        }
        if (!e.accepted()) {
            f.put("reject_reason", e.rejectReason());
        }
        log.event("bedrock_extraction", f);
        return e;
    }

    private static Map<String, Object> ids(Conversation c) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("conversation_id", c.conversationId());
        f.put("account_id", c.accountId());
        return f;
    }

    private static int clamp(long v) {
        return (int) Math.min(Integer.MAX_VALUE, v);
    }
}
