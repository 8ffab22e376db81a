package io.jkeepalived.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jkeepalived -t} on broken input: a clear line per problem in the form
 * {@code file[:line]: error|warning: message}, keepalived's exit status, never a stack trace
 * and never a hang.
 */
class MalformedInputTest {

    @TempDir
    Path dir;

    record Run(int status, List<String> errLines, String out) {
    }

    private Run t(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int status = Main.run(new String[] {"-t", "-f", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("-t must not hang").isLessThan(Duration.ofSeconds(60));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> !l.contains("accepted but")).toList();
        assertThat(lines).as("no stack trace").noneMatch(l -> l.contains("Exception") || l.startsWith("\tat ") || l.contains("internal error"));
        assertThat(lines).as("one line per problem, file:line: severity: message")
                .allMatch(l -> l.matches("^" + java.util.regex.Pattern.quote(dir.toString()) + "\\S*?(:\\d+)?: (error|warning): .+$"));
        return new Run(status, lines, out.toString(StandardCharsets.UTF_8));
    }

    private Path write(String text) throws IOException {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void missingClosingBrace() throws IOException {
        Run r = t(write("global_defs {\nrouter_id x\n"));
        assertThat(r.status()).isEqualTo(5);
        assertThat(r.errLines()).singleElement().asString().endsWith(":1: error: 1 missing '}' at the end of the configuration:"
                + " global_defs opened here is not closed");
    }

    @Test
    void extraClosingBrace() throws IOException {
        Run r = t(write("global_defs {\nrouter_id x\n}\n}\n"));
        assertThat(r.status()).isEqualTo(5);
        assertThat(r.errLines()).singleElement().asString().endsWith(":4: error: extra '}' - ignored");
    }

    @Test
    void badNumber() throws IOException {
        Run r = t(write("global_defs {\nvrrp_version two\n}\n"));
        assertThat(r.status()).isEqualTo(5);
        assertThat(r.errLines()).singleElement().asString().endsWith(":2: error: vrrp_version: invalid number 'two' - ignored");
    }

    @Test
    void outOfRangeValue() throws IOException {
        Run r = t(write("global_defs {\nvrrp_garp_master_delay 5000\n}\n"));
        assertThat(r.status()).isEqualTo(5);
        assertThat(r.errLines()).singleElement().asString()
                .endsWith(":2: error: vrrp_garp_master_delay: number '5000' outside range [0, 4294] - ignored");
    }

    @Test
    void unknownBlock() throws IOException {
        Run r = t(write("vrrp_instanse VI_1 {\n  state MASTER\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n"));
        assertThat(r.status()).isEqualTo(5);
        assertThat(r.errLines()).singleElement().asString()
                .endsWith(":1: error: unknown keyword 'vrrp_instanse' in the top level - did you mean 'vrrp_instance'?");
    }

    @Test
    void missingInclude() throws IOException {
        Run r = t(write("includea /nonexistent/keepalived.d/*.conf\n"));
        assertThat(r.status()).isEqualTo(5);
        assertThat(r.errLines()).singleElement().asString().endsWith(":1: error: include '/nonexistent/keepalived.d/*.conf': no such file");
    }

    @Test
    void cyclicInclude() throws IOException {
        Files.writeString(dir.resolve("b.conf"), "include keepalived.conf\n");
        Run r = t(write("include b.conf\n"));
        assertThat(r.status()).isEqualTo(5);
        assertThat(r.errLines()).singleElement().asString().contains("b.conf:1: error: include cycle: ");
    }

    @Test
    void binaryGarbage() throws IOException {
        byte[] garbage = new byte[1 << 16];
        new Random(7).nextBytes(garbage);
        Path f = dir.resolve("keepalived.conf");
        Files.write(f, garbage);
        Run r = t(f);
        assertThat(r.status()).isEqualTo(5);
        assertThat(r.errLines()).singleElement().asString().contains("error: binary data (byte 0x");
    }

    @Test
    void fiftyMegabyteFile() throws IOException {
        Path f = dir.resolve("keepalived.conf");
        byte[] block = ("vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n"
                + "    virtual_ipaddress {\n        10.0.0.1\n    }\n}\n").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream o = Files.newOutputStream(f)) {
            for (long written = 0; written < 50L << 20; written += block.length) {
                o.write(block);
            }
        }
        Run r = t(f);
        assertThat(r.status()).isEqualTo(4);
        assertThat(r.errLines()).singleElement().asString()
                .endsWith(": error: configuration is larger than 32 MiB (" + f + " is 50.0 MiB) - refusing to read it");
    }

    @Test
    void thousandDeepNesting() throws IOException {
        Run r = t(write("a {\n".repeat(1000) + "}\n".repeat(1000)));
        assertThat(r.status()).isEqualTo(5);
        assertThat(r.errLines()).singleElement().asString().endsWith(":1: error: unknown keyword 'a' in the top level");
    }

    @Test
    void thousandDeepNestingOfBracesAlone() throws IOException {
        Run r = t(write("{".repeat(1000) + "\n" + "}".repeat(999) + "\n"));
        assertThat(r.status()).isEqualTo(5);
        assertThat(r.errLines()).singleElement().asString().endsWith(":1: error: unexpected '{' - skipping the block it opens");
    }

    @Test
    void missingMainFileCannotRun() {
        Run r = t(dir.resolve("nothere.conf"));
        assertThat(r.status()).isEqualTo(4);
        assertThat(r.errLines()).singleElement().asString().endsWith("nothere.conf: error: cannot read configuration file: no such file");
    }

    @Test
    void aFloodOfErrorsIsCappedWithACount() throws IOException {
        Run r = t(write("nonsense 1\n".repeat(5000)));
        assertThat(r.status()).isEqualTo(5);
        assertThat(r.errLines()).hasSize(201).last().asString().endsWith(": error: 4800 more problems not shown");
    }

    @Test
    void aCleanConfigurationIsSilentAndZero() throws IOException {
        Run r = t(write("global_defs {\n    router_id lb01\n}\n"));
        assertThat(r.status()).isZero();
        assertThat(r.errLines()).isEmpty();
    }
}
