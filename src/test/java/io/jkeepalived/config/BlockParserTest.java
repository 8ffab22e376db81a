package io.jkeepalived.config;

import static io.jkeepalived.config.ConfigFixture.load;
import static io.jkeepalived.config.ConfigFixture.messages;
import static io.jkeepalived.config.ConfigFixture.root;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.schema.VrrpKeywords;
import org.junit.jupiter.api.Test;

/** The block structure: which keyword opens what, and what happens when braces or keywords are wrong. */
class BlockParserTest {

    private static final String VI = "vrrp_instance VI_1 {\ninterface eth0\nvirtual_router_id 5\nvirtual_ipaddress {\n10.0.0.1\n}\n";

    @Test
    void anUnknownKeywordIsAnErrorWithASuggestion() {
        LoadResult r = load(VI + "prioirty 100\n}\n");
        assertThat(messages(r)).containsExactly("7: error: unknown keyword 'prioirty' in vrrp_instance - did you mean 'priority'?");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.ERRORS);
    }

    @Test
    void aKeywordOfAnotherBlockSaysWhereItBelongs() {
        LoadResult r = load("global_defs {\nvirtual_router_id 5\n}\n");
        assertThat(messages(r)).containsExactly("2: error: unknown keyword 'virtual_router_id' in global_defs - 'virtual_router_id' belongs in vrrp_instance");
    }

    @Test
    void anUnknownBlockIsSkippedWholeAndTheRestStillParses() {
        // keepalived parses the inner lines at the outer level and loses track of the braces;
        // we skip the unknown block and report it once
        LoadResult r = load("global_defs {\n  foo {\n bar 1\n baz { x }\n }\n router_id lb01\n}\n");
        assertThat(messages(r)).containsExactly("2: error: unknown keyword 'foo' in global_defs");
        assertThat(root(r).section(RootKeywords.GLOBAL_DEFS).get(GlobalKeywords.ROUTER_ID)).isEqualTo("lb01");
    }

    @Test
    void anOpeningBraceOnTheNextLine() {
        LoadResult r = load("vrrp_instance VI_1\n{\ninterface eth0\nvirtual_router_id 5\nvirtual_ipaddress\n{\n10.0.0.1\n}\n}\n");
        assertThat(messages(r)).isEmpty();
        assertThat(root(r).blocks(RootKeywords.VRRP_INSTANCE).getFirst().list(VrrpKeywords.VIRTUAL_IPADDRESS)).hasSize(1);
    }

    @Test
    void aWholeInstanceOnOneLine() {
        LoadResult r = load("vrrp_instance VI_1 { interface eth0 } \n");
        assertThat(root(r).blocks(RootKeywords.VRRP_INSTANCE)).isEmpty();
        assertThat(messages(r)).containsExactly("1: error: (VI_1) the virtual router id must be set");
    }

    @Test
    void aMissingOpeningBraceIsReportedAndTheBlockStillRead() {
        LoadResult r = load("global_defs\nrouter_id x\n}\n");
        assertThat(messages(r)).containsExactly("1: error: missing '{' after global_defs");
        assertThat(root(r).section(RootKeywords.GLOBAL_DEFS).get(GlobalKeywords.ROUTER_ID)).isEqualTo("x");
    }

    @Test
    void anExtraClosingBraceIsIgnored() {
        LoadResult r = load("global_defs {\nrouter_id x\n}\n}\n");
        assertThat(messages(r)).containsExactly("4: error: extra '}' - ignored");
    }

    @Test
    void missingClosingBracesAreCountedAndTheInnermostBlockNamed() {
        LoadResult r = load(VI + "authentication {\nauth_type PASS\n");
        assertThat(messages(r)).startsWith(
                "7: error: 2 missing '}' at the end of the configuration: authentication opened here is not closed");
    }

    @Test
    void anUnterminatedListBlockIsReported() {
        LoadResult r = load("vrrp_instance VI_1 {\ninterface eth0\nvirtual_router_id 5\nvirtual_ipaddress {\n10.0.0.1\n");
        assertThat(messages(r)).startsWith("4: error: missing '}' at the end of the configuration: virtual_ipaddress opened here is not closed");
    }

    @Test
    void aValueKeywordFollowedByABlockIsAnErrorAndTheBlockSkipped() {
        LoadResult r = load(VI + "priority 100 {\n state MASTER\n}\n}\n");
        assertThat(messages(r)).containsExactly("7: error: 'priority' does not take a block - skipping it");
    }

    @Test
    void aStrayOpeningBraceSkipsItsBlock() {
        LoadResult r = load("{\nrouter_id x\n}\nglobal_defs {\nrouter_id y\n}\n");
        assertThat(messages(r)).containsExactly("1: error: unexpected '{' - skipping the block it opens");
        assertThat(root(r).section(RootKeywords.GLOBAL_DEFS).get(GlobalKeywords.ROUTER_ID)).isEqualTo("y");
    }

    @Test
    void aBadValueIsReportedWithTheKeywordAndIgnored() {
        LoadResult r = load(VI + "priority high\n}\n");
        assertThat(messages(r)).containsExactly("7: error: priority: invalid number 'high' - ignored");
        assertThat(root(r).blocks(RootKeywords.VRRP_INSTANCE).getFirst().get(VrrpKeywords.PRIORITY)).isEqualTo(100);
    }

    @Test
    void aMissingValueIsReported() {
        LoadResult r = load(VI + "priority\n}\n");
        assertThat(messages(r)).containsExactly("7: error: priority: missing a parameter after 'priority' - ignored");
    }

    @Test
    void extraWordsAreIgnoredAsKeepalivedDoesButPointedOut() {
        LoadResult r = load(VI + "priority 100 ; state MASTER\n}\n");
        assertThat(messages(r)).containsExactly("7: warning: priority: extra words ignored: '; state MASTER'");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
    }

    @Test
    void aLaterValueReplacesAnEarlierOne() {
        Block vi = root(load(VI + "priority 100\npriority 120\n}\n")).blocks(RootKeywords.VRRP_INSTANCE).getFirst();
        assertThat(vi.get(VrrpKeywords.PRIORITY)).isEqualTo(120);
    }

    @Test
    void severalGlobalDefsBlocksAddUp() {
        Block g = root(load("global_defs {\nrouter_id x\n}\nglobal_defs {\nvrrp_version 3\n}\n")).section(RootKeywords.GLOBAL_DEFS);
        assertThat(g.get(GlobalKeywords.ROUTER_ID)).isEqualTo("x");
        assertThat(g.get(GlobalKeywords.VRRP_VERSION)).isEqualTo(3);
    }

    @Test
    void listBlocksAccumulate() {
        Block vi = root(load(VI + "virtual_ipaddress {\n10.0.0.2\n}\n}\n")).blocks(RootKeywords.VRRP_INSTANCE).getFirst();
        assertThat(vi.list(VrrpKeywords.VIRTUAL_IPADDRESS)).hasSize(2);
    }

    @Test
    void aThousandNestedUnknownBlocksAreOneError() {
        String text = "x {\n".repeat(1000) + "}\n".repeat(1000);
        LoadResult r = load(text);
        assertThat(messages(r)).containsExactly("1: error: unknown keyword 'x' in the top level");
    }

    @Test
    void aThousandNestedKnownKeywordsAreReportedWithoutRecursion() {
        String text = "global_defs {\n".repeat(1000) + "}\n".repeat(1000);
        LoadResult r = load(text);
        assertThat(messages(r)).containsExactly(
                "2: error: unknown keyword 'global_defs' in global_defs - 'global_defs' belongs in the top level");
    }

    @Test
    void aWordListBlockTakesSeveralEntriesPerLine() {
        Block g = root(load("vrrp_sync_group G {\ngroup { VI_1 VI_2\nVI_3 }\n}\n")).blocks(RootKeywords.VRRP_SYNC_GROUP).stream()
                .findFirst().orElse(null);
        // the members do not exist, so validation removes the group; the parse itself is what we check
        assertThat(g).isNull();
        assertThat(messages(load("vrrp_sync_group G {\ngroup { VI_1 VI_2\nVI_3 }\n}\n")))
                .contains("2: warning: Virtual router VI_1 specified in sync group G doesn't exist - ignoring",
                        "2: warning: Virtual router VI_2 specified in sync group G doesn't exist - ignoring",
                        "3: warning: Virtual router VI_3 specified in sync group G doesn't exist - ignoring");
    }
}
