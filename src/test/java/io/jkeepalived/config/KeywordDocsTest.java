package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.dump.KeywordDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/keywords.md is the keyword table as written by {@code jkeepalived config --keywords}. */
class KeywordDocsTest {

    @Test
    void theKeywordReferenceMatchesTheTable() throws IOException {
        Path docs = Path.of("docs/keywords.md");
        assertThat(Files.readString(docs))
                .as("docs/keywords.md is out of date: run bin/jkeepalived config --keywords > docs/keywords.md")
                .isEqualTo(KeywordDocs.markdown());
    }
}
