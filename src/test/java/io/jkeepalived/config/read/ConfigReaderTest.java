package io.jkeepalived.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.Diagnostic;
import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.ExitStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lexical layer, rule by rule, with the examples of keepalived.conf(5) where it gives them.
 * Each test reads a file and looks at the logical lines (words joined by '|') and diagnostics.
 */
class ConfigReaderTest {

    @TempDir
    Path dir;

    private final Diagnostics diags = new Diagnostics();

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private List<String> read(String text) throws IOException {
        return read(write("keepalived.conf", text), "lb01");
    }

    private List<String> read(Path file, String configId) {
        ConfigReader reader = new ConfigReader(file, new ConfigReader.Options(configId, 7), diags);
        List<String> out = new ArrayList<>();
        Line l;
        while ((l = reader.next()) != null) {
            out.add(String.join("|", l.words()));
        }
        return out;
    }

    private List<String> messages() {
        return diags.list().stream().map(Diagnostic::toString).toList();
    }

    // ---- comments and words ---------------------------------------------------------------------

    @Test
    void hashAndBangStartCommentsAnywhereInALine() throws IOException {
        assertThat(read("# whole line\nrouter_id lb01 # trailing\n! bang\npriority 100!x\n"))
                .containsExactly("router_id|lb01", "priority|100");
    }

    @Test
    void escapedHashAndBangAreNotComments() throws IOException {
        assertThat(read("router_id a\\#b\\!c\n")).containsExactly("router_id|a#b!c");
    }

    @Test
    void aCommentCharacterInsideDoubleQuotesIsText() throws IOException {
        assertThat(read("script \"/bin/echo #1\"\n")).containsExactly("script|/bin/echo #1");
    }

    @Test
    void aDoubleQuotedRunIsOneWordWithoutItsQuotes() throws IOException {
        assertThat(read("notify_fault \"/path/fault.sh VG_1\" root\n")).containsExactly("notify_fault|/path/fault.sh VG_1|root");
    }

    @Test
    void aQuoteInsideAWordEndsTheWordAsKeepalivedSplitsIt() throws IOException {
        // alloc_strvec_r: ab"c d"e gives ab, c d, e (checked against keepalived's router_id dump)
        assertThat(read("router_id ab\"c d\"e\n")).containsExactly("router_id|ab|c d|e");
    }

    @Test
    void singleQuotesAreOrdinaryCharactersInConfigurationWords() throws IOException {
        assertThat(read("router_id 'x y'\n")).containsExactly("router_id|'x|y'");
    }

    @Test
    void anUnterminatedQuoteIsReportedWithItsLine() throws IOException {
        read("router_id \"abc\n");
        assertThat(messages()).containsExactly(dir.resolve("keepalived.conf") + ":1: error: unterminated quote in 'router_id \"abc'");
    }

    @Test
    void crlfAndCrLineEndsAreLineEnds() throws IOException {
        assertThat(read("a 1\r\nb 2\rc 3\n")).containsExactly("a|1", "b|2", "c|3");
    }

    @Test
    void blankAndCommentOnlyLinesProduceNothingButKeepLineNumbers() throws IOException {
        Path f = write("k.conf", "\n   \n# c\nrouter_id x\n");
        ConfigReader reader = new ConfigReader(f, new ConfigReader.Options("lb01", 1), diags);
        Line l = reader.next();
        assertThat(l.pos().line()).isEqualTo(4);
        assertThat(reader.next()).isNull();
    }

    // ---- braces ---------------------------------------------------------------------------------

    @Test
    void aBraceEndsALineAndIsALineOfItsOwn() throws IOException {
        assertThat(read("vrrp_instance VI_1 { state MASTER }\n"))
                .containsExactly("vrrp_instance|VI_1", "{", "state|MASTER", "}");
    }

    @Test
    void anOpeningBraceOnTheNextLineIsTheSame() throws IOException {
        assertThat(read("global_defs\n{\nrouter_id x\n}\n")).containsExactly("global_defs", "{", "router_id|x", "}");
    }

    @Test
    void severalBlocksOnOneLine() throws IOException {
        assertThat(read("virtual_ipaddress { 10.0.0.1 } unicast_peer { 10.0.0.2 }\n"))
                .containsExactly("virtual_ipaddress", "{", "10.0.0.1", "}", "unicast_peer", "{", "10.0.0.2", "}");
    }

    @Test
    void bracesInsideDoubleQuotesDoNotSplit() throws IOException {
        assertThat(read("notify \"/bin/x {a}\"\n")).containsExactly("notify|/bin/x {a}");
    }

    // ---- conditional lines ----------------------------------------------------------------------

    @Test
    void atIdKeepsTheLineOnlyForThatConfigId() throws IOException {
        String text = "@lb01 router_id main_router\n@lb02 router_id backup_router\n";
        assertThat(read(write("a.conf", text), "lb01")).containsExactly("router_id|main_router");
        assertThat(read(write("b.conf", text), "lb02")).containsExactly("router_id|backup_router");
        assertThat(read(write("c.conf", text), "other")).isEmpty();
    }

    @Test
    void atCaretIdKeepsTheLineForEveryOtherConfigId() throws IOException {
        // keepalived.conf(5): with -i main, the unicast peers are 1.2.3.5 and 1.2.3.6
        String text = "unicast_peer {\n@^main 1.2.3.4\n@^backup 1.2.3.5\n@^backup2 1.2.3.6\n}\n";
        assertThat(read(write("a.conf", text), "main")).containsExactly("unicast_peer", "{", "1.2.3.5", "1.2.3.6", "}");
    }

    @Test
    void aConditionalWithNothingAfterTheIdIsDropped() throws IOException {
        assertThat(read("@lb01\nrouter_id x\n")).containsExactly("router_id|x");
    }

    // ---- definitions ----------------------------------------------------------------------------

    @Test
    void aDefinitionIsSubstitutedWithAndWithoutBraces() throws IOException {
        assertThat(read("$PRIO=150\npriority $PRIO\nweight ${PRIO}0\n")).containsExactly("priority|150", "weight|1500");
    }

    @Test
    void dollarNameFollowedByATextCharacterIsNotSubstituted() throws IOException {
        assertThat(read("$A=1\nx $Ab\n")).containsExactly("x|$Ab");
    }

    @Test
    void anUndefinedNameStaysAsWritten() throws IOException {
        assertThat(read("$A=1\nscript \"echo ${HOME} $USER\"\n")).containsExactly("script|echo ${HOME} $USER");
    }

    @Test
    void substitutionIsRecursiveAndUsesTheValueAtTheTimeOfUse() throws IOException {
        // keepalved.conf(5): "Replacement is recursive ... done at replacement time"
        String text = "$ADDRESS_BASE=10.2.${ADDRESS_BASE_SUB}\n$ADDRESS_BASE_SUB=0\n${ADDRESS_BASE}.100/32\n"
                + "$ADDRESS_BASE_SUB=10\n${ADDRESS_BASE}.100/32\n";
        assertThat(read(text)).containsExactly("10.2.0.100/32", "10.2.10.100/32");
    }

    @Test
    void aConditionalDefinitionAndADefinitionThatExpandsToAConditional() throws IOException {
        String text = "@lb01 $PRIORITY=240\n@lb02 $PRIORITY=200\npriority $PRIORITY\n$IF_MAIN=@lb01\n$IF_MAIN weight 3\n";
        assertThat(read(text)).containsExactly("priority|240", "weight|3");
    }

    @Test
    void aDefinitionMayBeEmpty() throws IOException {
        assertThat(read("$ALPHA=\nx $ALPHA y\n")).containsExactly("x|y");
    }

    @Test
    void aMultiLineDefinitionExpandsToItsLines() throws IOException {
        String text = "$INSTANCE= \\\nvrrp_instance VI_${NUM} { \\\n  interface eth0.${NUM} \\\n  @lb01 priority 130 \\\n"
                + "  @lb02 priority 120 \\\n}\n\n$NUM=0\n$INSTANCE\n$NUM=1\n$INSTANCE\n";
        assertThat(read(text)).containsExactly(
                "vrrp_instance|VI_0", "{", "interface|eth0.0", "priority|130", "}",
                "vrrp_instance|VI_1", "{", "interface|eth0.1", "priority|130", "}");
    }

    @Test
    void multiLineDefinitionsNest() throws IOException {
        String text = "$RS= \\\nreal_server 10.0.${VS}.${RS_NUM} 80 { \\\n weight 1 \\\n}\n\n"
                + "$VS_DEF= \\\nvirtual_server 10.0.${VS}.4 80 { \\\n $RS_NUM=1 \\\n $RS \\\n $RS_NUM=2 \\\n $RS \\\n}\n\n"
                + "$VS=7\n$VS_DEF\n";
        assertThat(read(text)).containsExactly("virtual_server|10.0.7.4|80", "{",
                "real_server|10.0.7.1|80", "{", "weight|1", "}",
                "real_server|10.0.7.2|80", "{", "weight|1", "}", "}");
    }

    @Test
    void aMultiLineDefinitionIsOnlyUsedAtTheEndOfALine() throws IOException {
        assertThat(read("$M=a \\\nb\n\nx $M y\n")).containsExactly("x|$M|y");
    }

    @Test
    void predefinedHashBangAndInstance() throws IOException {
        assertThat(read("x ${_HASH} ${_BANG} ${_INSTANCE}\n")).containsExactly("x|#|!|lb01");
    }

    @Test
    void predefinedPwdIsTheDirectoryOfTheCurrentFile() throws IOException {
        Path sub = write("sub/inc.conf", "script ${_PWD}/check.sh\n");
        Path main = write("main.conf", "include sub/inc.conf\n");
        assertThat(read(main, "lb01")).containsExactly("script|" + sub.getParent().toRealPath() + "/check.sh");
    }

    @Test
    void predefinedRandomStaysInItsRange() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("x ${_RANDOM 5 9}\n");
        }
        assertThat(read(text.toString())).allSatisfy(l -> assertThat(Integer.parseInt(l.substring(2))).isBetween(5, 9));
    }

    @Test
    void aDefinitionThatUsesItselfIsStoppedWithAnError() throws IOException {
        assertThat(read("$A=x $A\ny $A\nz 1\n")).containsExactly("z|1");
        assertThat(messages()).singleElement().asString().contains(":2: error: more than 10000 substitutions in one line");
    }

    // ---- ~SEQ and ~LST ------------------------------------------------------------------------------

    @Test
    void seqRepeatsTheRestOfTheLine() throws IOException {
        // keepalived.conf(5) "Sequence blocks"
        assertThat(read("~SEQ(SUBNET, 0, 3) ip_address 10.0.${SUBNET}.1\n"))
                .containsExactly("ip_address|10.0.0.1", "ip_address|10.0.1.1", "ip_address|10.0.2.1", "ip_address|10.0.3.1");
    }

    @Test
    void seqxFormatsInHexadecimal() throws IOException {
        assertThat(read("~SEQx(SUBNET, 0x90, 0x10, 0xc0) ip_address fe80::20:${SUBNET}:1\n")).containsExactly(
                "ip_address|fe80::20:90:1", "ip_address|fe80::20:a0:1", "ip_address|fe80::20:b0:1", "ip_address|fe80::20:c0:1");
    }

    @Test
    void seqWithOneOrTwoNumbersDefaultsStartAndStep() throws IOException {
        assertThat(read("~SEQ(I, 3) a$I\n~SEQ(J, 5, 3) b$J\n~SEQ(K, -2) c$K\n"))
                .containsExactly("a1", "a2", "a3", "b5", "b4", "b3", "c-1", "c-2");
    }

    @Test
    void nestedSequencesIterateTheInnerOneFirst() throws IOException {
        assertThat(read("virtual_ipaddress {\n~SEQx(AD2, 0x90, 0x10, 0xa0) ~SEQx(AD1, 0x12, -1, 0x11) fe81::10:${AD2}:${AD1}\n}\n"))
                .containsExactly("virtual_ipaddress", "{", "fe81::10:90:12", "fe81::10:90:11", "fe81::10:a0:12", "fe81::10:a0:11", "}");
    }

    @Test
    void anInvalidSeqIsReported() throws IOException {
        assertThat(read("~SEQ(X, 1, -1, 5) a\n~SEQ(Y 1) b\n")).isEmpty();
        assertThat(messages()).hasSize(2).allSatisfy(m -> assertThat(m).contains("invalid ~SEQ"));
    }

    @Test
    void lstGivesEachValueInTurn() throws IOException {
        assertThat(read("~LST(IP, 1, 2) 192.169.${IP}.1\n")).containsExactly("192.169.1.1", "192.169.2.1");
    }

    @Test
    void lstWithTuplesSetsSeveralVariables() throws IOException {
        // keepalived.conf(5) "List blocks"
        assertThat(read("~LST({IP, IP1}, {10,1},{20,4},{5,6},{12,8}) 192.168.${IP}.${IP1}\n"))
                .containsExactly("192.168.10.1", "192.168.20.4", "192.168.5.6", "192.168.12.8");
    }

    @Test
    void listAndSequenceBlocksCombine() throws IOException {
        assertThat(read("~LST({IP, IP1}, {10,1},{20,4}) ~SEQ(IP2,168,2,170) 192.${IP2}.${IP}.${IP1}\n"))
                .containsExactly("192.168.10.1", "192.170.10.1", "192.168.20.4", "192.170.20.4");
    }

    @Test
    void aSeqOfAMultiLineDefinitionProducesManyBlocks() throws IOException {
        String text = "$VI= \\\nvrrp_instance v${ID} { \\\n virtual_router_id ${ID} \\\n}\n\n~SEQ(ID,1,3) $VI\n";
        assertThat(read(text)).containsExactly("vrrp_instance|v1", "{", "virtual_router_id|1", "}",
                "vrrp_instance|v2", "{", "virtual_router_id|2", "}", "vrrp_instance|v3", "{", "virtual_router_id|3", "}");
    }

    // ---- includes -----------------------------------------------------------------------------------

    @Test
    void includeIsRelativeToTheIncludingFileAndKeepsLineNumbers() throws IOException {
        write("conf.d/a.conf", "\nrouter_id a\n");
        Path main = write("keepalived.conf", "include conf.d/a.conf\nrouter_id main\n");
        ConfigReader reader = new ConfigReader(main, new ConfigReader.Options("lb01", 1), diags);
        Line a = reader.next();
        Line m = reader.next();
        assertThat(a.words()).containsExactly("router_id", "a");
        assertThat(a.pos().toString()).isEqualTo(dir.resolve("conf.d/a.conf") + ":2");
        assertThat(m.pos().toString()).isEqualTo(main + ":2");
    }

    @Test
    void includeGlobsAreSortedAndBracesExpand() throws IOException {
        write("d/b.conf", "b\n");
        write("d/a.conf", "a\n");
        write("d/c.txt", "c\n");
        write("x/one.conf", "one\n");
        write("x/two.conf", "two\n");
        assertThat(read("include d/*.conf\ninclude x/{two,one}.conf\n")).containsExactly("a", "b", "two", "one");
    }

    @Test
    void includeWithoutChecksNotesAMissingFileWithoutCountingIt() throws IOException {
        assertThat(read("include missing.conf\nrouter_id x\n")).containsExactly("router_id|x");
        assertThat(diags.exitStatus()).isEqualTo(ExitStatus.OK);
        assertThat(messages()).singleElement().asString().endsWith(":1: warning: include 'missing.conf' matched no file");
    }

    @Test
    void includeaAndIncludemMakeAMissingFileAnError() throws IOException {
        read("includea missing.conf\nincludem gone.conf\nincludem none*.conf\n");
        assertThat(messages()).containsExactly(
                dir.resolve("keepalived.conf") + ":1: error: include 'missing.conf': no such file",
                dir.resolve("keepalived.conf") + ":2: error: include 'gone.conf': no such file",
                dir.resolve("keepalived.conf") + ":3: warning: include 'none*.conf' matched no file");
        assertThat(diags.exitStatus()).isEqualTo(ExitStatus.ERRORS);
    }

    @Test
    void includeCycleIsDetectedAndNamed() throws IOException {
        write("a.conf", "include b.conf\nx a\n");
        write("b.conf", "include a.conf\nx b\n");
        assertThat(read(dir.resolve("a.conf"), "lb01")).containsExactly("x|b", "x|a");
        assertThat(messages()).singleElement().asString()
                .contains("b.conf:1: error: include cycle: ")
                .contains("a.conf -> ")
                .endsWith("a.conf - not including it again");
    }

    @Test
    void aFileIncludingItselfIsACycle() throws IOException {
        assertThat(read("include keepalived.conf\nx 1\n")).containsExactly("x|1");
        assertThat(messages()).singleElement().asString().contains("include cycle");
    }

    @Test
    void anExecutableIncludeIsSkippedAsKeepalivedDoes() throws IOException {
        Path exe = write("run.conf", "x 1\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(read("include run.conf\n")).isEmpty();
        assertThat(messages().getFirst()).contains("is not a regular non-executable file - skipping");
    }

    @Test
    void definitionsCarryIntoIncludedFiles() throws IOException {
        write("inc.conf", "priority $P\n");
        assertThat(read("$P=42\ninclude inc.conf\n")).containsExactly("priority|42");
    }

    // ---- hostile input --------------------------------------------------------------------------------

    @Test
    void binaryDataIsOneErrorAndTheFileIsSkipped() throws IOException {
        Path f = dir.resolve("bin.conf");
        Files.write(f, new byte[] {'a', ' ', 'b', '\n', 'c', 0, 'd', '\n'});
        assertThat(read(f, "lb01")).isEmpty();
        assertThat(messages()).containsExactly(f + ":2: error: binary data (byte 0x00) - this is not a configuration file, skipping it");
    }

    @Test
    void aMissingMainFileCannotRun() {
        Path f = dir.resolve("nothere.conf");
        assertThat(read(f, "lb01")).isEmpty();
        assertThat(messages()).containsExactly(f + ": error: cannot read configuration file: no such file");
        assertThat(diags.exitStatus()).isEqualTo(ExitStatus.CANNOT_RUN);
    }

    @Test
    void aConfigurationOverTheSizeLimitIsRefusedInOneLine() throws IOException {
        Path big = dir.resolve("big.conf");
        try (var out = Files.newOutputStream(big)) {
            byte[] line = "router_id aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n".getBytes();
            for (long n = 0; n <= ConfigReader.MAX_TOTAL_BYTES / line.length; n++) {
                out.write(line);
            }
        }
        assertThat(read(big, "lb01")).isEmpty();
        assertThat(messages()).singleElement().asString().contains("configuration is larger than 32 MiB");
        assertThat(diags.exitStatus()).isEqualTo(ExitStatus.CANNOT_RUN);
    }

    @Test
    void aVeryLongLineIsIgnoredWithAnError() throws IOException {
        assertThat(read("x " + "y".repeat(ConfigReader.MAX_LINE_CHARS) + "\nz 1\n")).containsExactly("z|1");
        assertThat(messages()).singleElement().asString().contains(":1: error: line is 65538 characters long");
    }
}
