package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.read.Words;
import io.jkeepalived.config.schema.BlockSpec;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.LvsKeywords;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.value.Args;
import io.jkeepalived.config.value.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The LVS keyword table against what keepalived 2.2.7 accepts (keepalived-2.2.7-keywords.txt),
 * its documentation, and the round trip of every value type (parse, format, parse).
 */
class LvsKeywordsTest {

    /** The blocks of the keywords file that are LVS, and our tables for them. */
    static final Map<String, BlockSpec> BLOCKS = Map.ofEntries(
            Map.entry("virtual_server", LvsKeywords.VIRTUAL_SERVER),
            Map.entry("real_server", LvsKeywords.REAL_SERVER),
            Map.entry("TCP_CHECK", LvsKeywords.TCP_CHECK),
            Map.entry("HTTP_GET", LvsKeywords.HTTP_GET),
            Map.entry("SSL_GET", LvsKeywords.SSL_GET),
            Map.entry("url", LvsKeywords.URL),
            Map.entry("MISC_CHECK", LvsKeywords.MISC_CHECK),
            Map.entry("SMTP_CHECK", LvsKeywords.SMTP_CHECK),
            Map.entry("DNS_CHECK", LvsKeywords.DNS_CHECK),
            Map.entry("UDP_CHECK", LvsKeywords.UDP_CHECK),
            Map.entry("PING_CHECK", LvsKeywords.PING_CHECK),
            Map.entry("FILE_CHECK", LvsKeywords.FILE_CHECK),
            Map.entry("BFD_CHECK", LvsKeywords.BFD_CHECK),
            Map.entry("SSL", LvsKeywords.SSL));

    static Map<String, Set<String>> keywordsFile() throws IOException {
        Map<String, Set<String>> byBlock = new java.util.HashMap<>();
        try (InputStream in = LvsKeywordsTest.class.getResourceAsStream("/keepalived-2.2.7-keywords.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] w = line.trim().split("\\s+");
                byBlock.computeIfAbsent(w[0], b -> new TreeSet<>()).add(w[1]);
            }
        }
        return byBlock;
    }

    static Stream<String> lvsBlocks() {
        return BLOCKS.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("lvsBlocks")
    void blockAcceptsExactlyWhatKeepalivedAccepts(String block) throws IOException {
        assertThat(new TreeSet<>(BLOCKS.get(block).spellings())).as(block)
                .isEqualTo(keywordsFile().get(block));
    }

    @Test
    void virtualServerGroupHasOnlyTheFwmarkKeywordTheRestAreAddressLines() {
        assertThat(LvsKeywords.VIRTUAL_SERVER_GROUP.spellings()).containsExactly("fwmark");
        assertThat(LvsKeywords.VIRTUAL_SERVER_GROUP.bareLines()).isSameAs(LvsKeywords.VSG_ADDRESSES);
    }

    @Test
    void smtpCheckHostBlockHasTheConnectionAndCommonCheckerKeywords() {
        // keepalived's deprecated host { } of SMTP_CHECK: install_checker_common_keywords(true)
        assertThat(new TreeSet<>(LvsKeywords.SMTP_HOST.spellings())).containsExactly("alpha", "bind_if", "bind_port", "bindto",
                "connect_ip", "connect_port", "connect_timeout", "delay_before_retry", "delay_loop", "fwmark",
                "log_all_failures", "retry", "warmup");
    }

    @Test
    void topLevelLvsBlocksAreDeclared() {
        assertThat(RootKeywords.BLOCK.lookup("virtual_server")).isSameAs(RootKeywords.VIRTUAL_SERVER);
        assertThat(RootKeywords.VIRTUAL_SERVER.spec()).isSameAs(LvsKeywords.VIRTUAL_SERVER);
        assertThat(RootKeywords.VIRTUAL_SERVER_GROUP.spec()).isSameAs(LvsKeywords.VIRTUAL_SERVER_GROUP);
        assertThat(RootKeywords.SSL.spec()).isSameAs(LvsKeywords.SSL);
    }

    @Test
    void aliasesAreKeepalivedsOldNames() {
        assertThat(LvsKeywords.VIRTUAL_SERVER.lookup("lb_algo")).isSameAs(LvsKeywords.LVS_SCHED);
        assertThat(LvsKeywords.VIRTUAL_SERVER.lookup("lb_kind")).isSameAs(LvsKeywords.LVS_METHOD);
    }

    /** Every keyword of the LVS tables, nested blocks included. */
    static List<Keyword<?>> allKeywords() {
        Set<BlockSpec> specs = new LinkedHashSet<>();
        List<BlockSpec> todo = new ArrayList<>(List.of(LvsKeywords.VIRTUAL_SERVER, LvsKeywords.VIRTUAL_SERVER_GROUP, LvsKeywords.SSL));
        while (!todo.isEmpty()) {
            BlockSpec s = todo.removeFirst();
            if (specs.add(s)) {
                for (Keyword<?> k : s.keywords()) {
                    if (k instanceof Keyword.Block<?> b) {
                        todo.add(b.spec());
                    }
                }
            }
        }
        return specs.stream().flatMap(s -> s.keywords().stream()).toList();
    }

    @Test
    void everyKeywordIsDocumented() {
        assertThat(allKeywords()).hasSizeGreaterThan(150)
                .allSatisfy(k -> assertThat(k.doc()).as(k.toString()).isNotBlank());
    }

    @Test
    void keepalivedsDefaultsAreDeclared() {
        assertThat(LvsKeywords.DELAY_LOOP.defaultValue()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(LvsKeywords.CONNECT_TIMEOUT.defaultValue()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(LvsKeywords.WEIGHT.defaultValue()).isEqualTo(1L);
        assertThat(LvsKeywords.QUORUM.defaultValue()).isEqualTo(1L);
        assertThat(LvsKeywords.HYSTERESIS.defaultValue()).isZero();
        assertThat(LvsKeywords.UDP_MAX_REPLY_LENGTH.defaultValue()).isEqualTo(255);
        assertThat(LvsKeywords.DNS_TYPE.defaultValue()).isEqualTo("SOA");
        assertThat(LvsKeywords.DNS_NAME.defaultValue()).isEqualTo(".");
        assertThat(LvsKeywords.DNS_CHECK_COMMON.defaultRetry()).isEqualTo(3);
        assertThat(LvsKeywords.MISC_CHECK_COMMON.defaultRetry()).isZero();
        assertThat(LvsKeywords.HTTP_GET_COMMON.defaultDelayBeforeRetry()).isEqualTo(java.time.Duration.ofSeconds(3));
        assertThat(LvsKeywords.DNS_CHECK_COMMON.defaultDelayBeforeRetry()).isNull();
    }

    static Stream<Keyword<?>> valueKeywords() {
        return allKeywords().stream().filter(k -> !(k instanceof Keyword.Block<?>));
    }

    /** Reads {@code keyword words...} the way the reader and parser would. */
    static <T> T read(String keyword, ValueType<T> type, List<String> formatted, Diagnostics diags) {
        String line = keyword + (formatted.isEmpty() ? "" : " " + String.join(" ", formatted));
        List<String> words = Words.split(line);
        return type.parse(new Args(keyword, words.subList(1, words.size()), line, new SourcePos(Path.of("t"), 1), diags));
    }

    @ParameterizedTest
    @MethodSource("valueKeywords")
    void valuesRoundTrip(Keyword<?> keyword) {
        ValueType<?> type = switch (keyword) {
            case Keyword.Value<?> v -> v.type();
            case Keyword.ListBlock<?> l -> l.entry();
            case Keyword.Block<?> b -> throw new AssertionError(b);
        };
        roundTrip(keyword.name(), type);
    }

    private static <T> void roundTrip(String keyword, ValueType<T> type) {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            T v = type.sample(random);
            Diagnostics diags = new Diagnostics();
            T back = read(keyword, type, type.format(v), diags);
            assertThat(back).as("%s %s", keyword, type.format(v)).isEqualTo(v);
            // nb_get_retry itself is reported as deprecated, as keepalived does
            if (!keyword.equals("nb_get_retry")) {
                assertThat(diags.exitStatus()).as("%s %s: %s", keyword, type.format(v), diags.list()).isEqualTo(ExitStatus.OK);
            }
        }
    }

    @Test
    void dumpReadsBackToTheSameConfiguration() {
        String text = """
                virtual_server_group G {
                  10.0.0.1 80
                  10.0.0.5-9 80
                  10.0.1.250-10.0.2.3 80
                  10.0.3.8/29 80
                }
                virtual_server group G {
                  lb_algo sh
                  sh-port
                  lb_kind DR
                  protocol TCP
                  persistence_timeout 600
                  persistence_granularity 255.255.255.0
                  virtualhost www.example.com
                  quorum 2
                  hysteresis 1
                  sorry_server 10.0.0.9 80
                  sorry_server_inhibit
                  real_server 10.0.0.2 80 {
                    weight 3
                    lvs_method TUN type gue port 6080 csum
                    HTTP_GET {
                      url {
                        path /status page
                        status_code 200 300-302
                        regex "up|ok"
                        regex_options caseless
                      }
                      http_protocol 1.1
                    }
                    UDP_CHECK {
                      payload Ab12f 3
                      require_reply 0X 12
                    }
                  }
                }
                """;
        LoadResult r = ConfigFixture.load(text);
        assertThat(LvsCheckTest.messages(r)).isEmpty();
        String dumped = ConfigFixture.dump(r);
        LoadResult again = ConfigFixture.load(dumped);
        assertThat(LvsCheckTest.messages(again)).as(dumped).isEmpty();
        // -d of what -d printed is the same text: every value, default and correction reads back
        assertThat(ConfigFixture.dump(again)).isEqualTo(dumped);
        assertThat(dumped).contains("lvs_method TUN type gue port 6080 csum", "10.0.0.5-9 80", "10.0.3.8/29 80",
                "payload ab 12 0f 03", "require_reply 0X 12", "path \"/status page\"", "status_code 200 300-302",
                "retry 1", "delay_before_retry 3", "warmup 60");
    }
}
