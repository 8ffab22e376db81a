package io.jkeepalived.config;

import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.parse.BlockParser;
import io.jkeepalived.config.schema.Keyword;
import java.util.List;
import java.util.Map;

/**
 * The outcome of loading a configuration file: the model (as keepalived would run it, after
 * corrections), the diagnostics in the order found, how many were not kept, the exit status
 * {@code -t} returns, and which keywords were used.
 */
public record LoadResult(java.nio.file.Path file, KeepalivedConfig config, List<Diagnostic> diagnostics, int dropped, ExitStatus exitStatus,
        Map<Keyword<?>, BlockParser.Usage> usage) {

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
