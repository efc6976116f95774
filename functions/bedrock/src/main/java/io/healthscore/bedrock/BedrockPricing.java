package io.healthscore.bedrock;

import io.healthscore.domain.conversations.ExtractionRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * Prices for the run report's cost estimate, in US dollars per 1,000 tokens. Bedrock prices differ by model, region and
 * over time: they are configuration ({@value #ENV_INPUT}, {@value #ENV_OUTPUT}), never looked up. The estimate prices
 * every input token at the input price, cached ones included, so it is an upper bound when prompt caching is on.
 *
 * @param usdPer1kInputTokens  price of 1,000 input tokens
 * @param usdPer1kOutputTokens price of 1,000 output tokens
 */
public record BedrockPricing(BigDecimal usdPer1kInputTokens, BigDecimal usdPer1kOutputTokens) {

    public static final String ENV_INPUT = "HEALTHSCORE_BEDROCK_USD_PER_1K_INPUT_TOKENS";
    public static final String ENV_OUTPUT = "HEALTHSCORE_BEDROCK_USD_PER_1K_OUTPUT_TOKENS";

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    public BedrockPricing {
        Objects.requireNonNull(usdPer1kInputTokens, "usdPer1kInputTokens");
        Objects.requireNonNull(usdPer1kOutputTokens, "usdPer1kOutputTokens");
        if (usdPer1kInputTokens.signum() < 0 || usdPer1kOutputTokens.signum() < 0) {
            throw new IllegalArgumentException("prices must not be negative");
        }
    }

    public static BedrockPricing of(String usdPer1kInput, String usdPer1kOutput) {
        return new BedrockPricing(new BigDecimal(usdPer1kInput), new BigDecimal(usdPer1kOutput));
    }

    /** Prices from {@value #ENV_INPUT} and {@value #ENV_OUTPUT}; zero when unset (the report then shows no cost). */
    public static BedrockPricing fromEnvironment(Map<String, String> env) {
        return of(env.getOrDefault(ENV_INPUT, "0").trim(), env.getOrDefault(ENV_OUTPUT, "0").trim());
    }

    /** Estimated cost in US dollars, rounded to 6 decimals. */
    public BigDecimal estimate(long inputTokens, long outputTokens) {
        return usdPer1kInputTokens.multiply(BigDecimal.valueOf(inputTokens))
                .add(usdPer1kOutputTokens.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(THOUSAND, 6, RoundingMode.HALF_UP);
    }

    public BigDecimal estimate(ExtractionRun.Stats stats) {
        return estimate(stats.inputTokens(), stats.outputTokens());
    }

    public BigDecimal estimate(BedrockUsage.Snapshot usage) {
        return estimate(usage.allInputTokens(), usage.outputTokens());
    }
}
