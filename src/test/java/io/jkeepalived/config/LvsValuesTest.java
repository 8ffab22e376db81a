package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.value.LvsAddresses;
import io.jkeepalived.config.value.LvsAddresses.Form;
import io.jkeepalived.config.value.LvsAddresses.VsgAddress;
import io.jkeepalived.config.value.LvsValues;
import io.jkeepalived.config.value.Types;
import io.jkeepalived.config.value.ValueException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ranges and forms of the LVS values, each line put in a small configuration at line 5 and
 * read by us and, where installed, by keepalived 2.2.7 (same exit status, every line it names
 * named by us too). The expected messages are ours, exactly, joined with " && ".
 */
class LvsValuesTest {

    /** A configuration with {@code line} at line 5 of the given kind of block. */
    static String config(String context, String line) {
        return switch (context) {
            case "vs" -> "virtual_server 10.0.0.1 80 {\n  lvs_sched rr\n  lvs_method NAT\n  protocol TCP\n  " + line
                    + "\n  real_server 10.0.0.2 80 {\n  }\n}\n";
            case "rs" -> "virtual_server 10.0.0.1 80 {\n  lvs_sched rr\n  lvs_method NAT\n  real_server 10.0.0.2 80 {\n    " + line
                    + "\n  }\n  protocol TCP\n}\n";
            case "url" -> "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n  HTTP_GET {\n   url {\n    " + line
                    + "\n    path /\n   }\n  }\n }\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n}\n";
            case "SSL" -> "SSL {\n\n\n\n  " + line + "\n}\n";
            case "vsg" -> "virtual_server_group G {\n  10.0.0.1 80\n\n\n  " + line + "\n}\nvirtual_server group G {\n"
                    + "  lvs_sched rr\n  lvs_method NAT\n  protocol TCP\n  real_server 10.0.0.2 80 {\n  }\n}\n";
            case "head" -> "\n\n\n\nvirtual_server " + line + " {\n  lvs_sched rr\n  lvs_method NAT\n  protocol TCP\n"
                    + "  real_server 10.0.0.2 80 {\n  }\n}\n";
            case "MISC_CHECK" -> "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n  MISC_CHECK {\n   misc_path /bin/true\n   " + line
                    + "\n  }\n }\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n}\nglobal_defs {\n enable_script_security\n script_user root\n}\n";
            case "HTTP_GET" -> "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n\n  HTTP_GET {\n   " + line
                    + "\n   url {\n    path /\n   }\n  }\n }\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n}\n";
            default -> "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n\n  " + context + " {\n   " + line
                    + "\n  }\n }\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n}\n";
        };
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            vs; delay_loop 1.5;
            vs; delay_loop 18446744073709.551614;
            vs; delay_loop 0; 5: error: delay_loop: number '0' outside range [0.000001, 18446744073709.551614] - ignored
            vs; delay_loop -1; 5: error: delay_loop: negative number '-1' - ignored
            vs; delay_loop x; 5: error: delay_loop: invalid number 'x' - ignored
            vs; delay_loop 0x10; 5: error: delay_loop: invalid number '0x10' - ignored
            vs; delay_loop 18446744073709.551615; 5: error: delay_loop: number '18446744073709.551615' outside range [0.000001, 18446744073709.551614] - ignored
            vs; delay_loop 1.0000001; 5: warning: number '1.0000001' has too many decimal places
            vs; connect_timeout 4294.967295;
            vs; connect_timeout 4295; 5: error: connect_timeout: number '4295' outside range [0.000001, 4294.967295] - ignored
            vs; connect_timeout 0; 5: error: connect_timeout: number '0' outside range [0.000001, 4294.967295] - ignored
            vs; retry 4294967295;
            vs; retry +5;
            vs; retry 0; 5: error: retry: number '0' outside range [1, 4294967295] - ignored
            vs; retry 4294967296; 5: error: retry: number '4294967296' outside range [1, 4294967295] - ignored
            vs; retry 0x5; 5: error: retry: invalid number '0x5' - ignored
            vs; delay_before_retry 0;
            vs; delay_before_retry -1; 5: error: delay_before_retry: negative number '-1' - ignored
            vs; warmup 0;
            vs; warmup x; 5: error: warmup: invalid number 'x' - ignored
            vs; weight 2147483647;
            vs; weight 0; 5: error: weight: number '0' outside range [1, 2147483647] - ignored
            vs; weight 1e2; 5: error: weight: invalid number '1e2' - ignored
            vs; lvs_sched twos;
            vs; lb_algo mh;
            vs; lvs_sched xx; 5: error: lvs_sched: invalid lvs_scheduler 'xx' - expected one of rr|wrr|lc|wlc|lblc|sh|mh|dh|fo|ovf|lblcr|sed|nq|twos - ignored
            vs; lb_algo RR; 5: error: lb_algo: invalid lvs_scheduler 'RR' - expected one of rr|wrr|lc|wlc|lblc|sh|mh|dh|fo|ovf|lblcr|sed|nq|twos - ignored
            vs; lb_kind DR;
            vs; lb_kind XX; 5: error: lb_kind: unknown [XX] routing method for virtual server - expected NAT, DR or TUN - ignored
            vs; lvs_method TUN type gue port 5;
            vs; lvs_method TUN type gre csum;
            vs; lvs_method TUN type gue; 5: warning: lvs_method: gue tunnels require port, otherwise cannot have port - using TUN without tunnel options
            vs; lvs_method TUN type ipip csum; 5: warning: lvs_method: ipip tunnels do not support checksum option - using TUN without tunnel options
            vs; lvs_method TUN type gre remcsum; 5: warning: lvs_method: gre tunnels do not support remote checksum option - using TUN without tunnel options
            vs; lvs_method TUN type xx; 5: warning: lvs_method: unknown tunnel type xx for virtual server - using TUN without tunnel options
            vs; lvs_method TUN foo; 5: warning: lvs_method: invalid tunnel option foo for virtual server - using TUN without tunnel options
            vs; lvs_method TUN type gue port 0; 5: warning: lvs_method: number '0' outside range [1, 65535]: invalid gue tunnel port 0 for virtual server - using TUN without tunnel options
            vs; persistence_timeout 2678400;
            vs; persistence_timeout 0; 5: error: persistence_timeout: number '0' outside range [1, 2678400] - ignored
            vs; persistence_timeout 2678401; 5: error: persistence_timeout: number '2678401' outside range [1, 2678400] - ignored
            vs; persistence_engine abcdefghijklmnop;
            vs; persistence_engine abcdefghijklmnopq; 5: warning: persistence_engine name too long, truncating - abcdefghijklmnopq
            vs; protocol sctp;
            vs; protocol ICMP; 5: error: protocol: unknown protocol 'ICMP' - expected one of TCP|UDP|SCTP - ignored
            vs; smtp_alert no;
            vs; smtp_alert x; 5: error: smtp_alert: invalid value 'x' - expected on|off|true|false|yes|no - ignored
            vs; virtualhost a b;
            vs; virtualhost; 5: error: virtualhost: virtual server virtualhost missing - ignored
            vs; snmp_name a b; 5: error: snmp_name: virtual server snmp_name missing or extra parameters - ignored
            vs; quorum 0; 5: warning: quorum 0 must be in [1, 4294967295] - setting to 1
            vs; quorum x; 5: warning: quorum x must be in [1, 4294967295] - setting to 1
            vs; hysteresis x; 5: error: hysteresis: invalid number 'x' - ignored
            vs; ip_family x; 5: error: ip_family: unknown address family x - ignored
            vs; sorry_server 10.0.0.9;
            vs; sorry_server x 80; 5: error: sorry_server: invalid sorry server IP address x - ignored
            vs; alpha x; 5: warning: alpha: extra words ignored: 'x'
            vs; ha_suspend;
            vs; omega;
            vs; inhibit_on_failure;
            rs; weight 2147483647;
            rs; weight -1; 5: error: weight: negative number '-1' - ignored
            rs; weight 2147483648; 5: error: weight: number '2147483648' outside range [0, 2147483647] - ignored
            rs; lvs_method XX; 5: error: lvs_method: unknown [XX] routing method for real server - expected NAT, DR or TUN - ignored
            rs; lvs_method NAT type gue port 5;
            rs; uthreshold -1; 5: error: uthreshold: negative number '-1' - ignored
            rs; lthreshold 4294967295;
            rs; inhibit_on_failure no;
            rs; inhibit_on_failure x; 5: error: inhibit_on_failure: invalid value 'x' - expected on|off|true|false|yes|no - ignored
            rs; alpha x; 5: error: alpha: invalid value 'x' - expected on|off|true|false|yes|no - ignored
            rs; retry 0; 5: error: retry: number '0' outside range [1, 4294967295] - ignored
            rs; delay_loop 0; 5: error: delay_loop: number '0' outside range [0.000001, 18446744073709.551614] - ignored
            rs; connect_timeout 0; 5: error: connect_timeout: number '0' outside range [0.000001, 4294.967295] - ignored
            rs; warmup -1; 5: error: warmup: negative number '-1' - ignored
            rs; smtp_alert x; 5: error: smtp_alert: invalid value 'x' - expected on|off|true|false|yes|no - ignored
            rs; virtualhost; 5: error: virtualhost: real server virtualhost missing - ignored
            rs; snmp_name; 5: error: snmp_name: real server snmp_name missing or extra parameters - ignored
            TCP_CHECK; connect_ip 2001:db8::1;
            TCP_CHECK; connect_ip x; 5: error: connect_ip: invalid IP address 'x' - ignored
            TCP_CHECK; connect_port 65535;
            TCP_CHECK; connect_port 0; 5: error: connect_port: number '0' outside range [1, 65535] - ignored
            TCP_CHECK; bind_port 65536; 5: error: bind_port: number '65536' outside range [1, 65535] - ignored
            TCP_CHECK; bind_if abcdefghijklmno;
            TCP_CHECK; bind_if abcdefghijklmnop; 5: error: bind_if: interface name abcdefghijklmnop is too long - ignored
            TCP_CHECK; fwmark 4294967295;
            TCP_CHECK; fwmark 4294967296; 5: error: fwmark: number '4294967296' outside range [0, 4294967295] - ignored
            TCP_CHECK; retry 0;
            TCP_CHECK; retry -1; 5: error: retry: negative number '-1' - ignored
            TCP_CHECK; delay_loop 0; 5: error: delay_loop: number '0' outside range [0.000001, 18446744073709.551614] - ignored
            TCP_CHECK; connect_timeout 4295; 5: error: connect_timeout: number '4295' outside range [0.000001, 4294.967295] - ignored
            TCP_CHECK; alpha x; 5: error: alpha: invalid value 'x' - expected on|off|true|false|yes|no - ignored
            TCP_CHECK; log_all_failures x; 5: error: log_all_failures: invalid value 'x' - expected on|off|true|false|yes|no - ignored
            PING_CHECK; connect_port 5;
            SMTP_CHECK; helo_name a b;
            SMTP_CHECK; helo_name; 5: error: helo_name: SMTP_CHECK helo name missing - ignored
            DNS_CHECK; type a;
            DNS_CHECK; type RRSIG;
            DNS_CHECK; type x; 5: error: type: unknown DNS check type 'x' - expected one of A|NS|CNAME|SOA|MX|TXT|AAAA|RRSIG|DNSKEY - ignored
            DNS_CHECK; name example.com;
            DNS_CHECK; name x.com; 5: error: name: DNS_CHECK name 'x.com' has empty label - ignored
            DNS_CHECK; name a..b; 5: error: name: DNS_CHECK name 'a..b' has empty label - ignored
            UDP_CHECK; payload Ab12f 3 456;
            UDP_CHECK; payload; 5: error: payload: UDP_CHECK payload requires a payload - ignored
            UDP_CHECK; payload xyz; 5: error: payload: invalid hex string for UDP_CHECK payload - ignored
            UDP_CHECK; require_reply 12XX;
            UDP_CHECK; require_reply xy; 5: warning: invalid hex string for UDP_CHECK reply - any reply will do
            UDP_CHECK; min_reply_length 65536; 5: error: min_reply_length: number '65536' outside range [0, 65535] - ignored
            UDP_CHECK; max_reply_length x; 5: error: max_reply_length: invalid number 'x' - ignored
            MISC_CHECK; misc_timeout 4294;
            MISC_CHECK; misc_timeout 4295; 5: error: misc_timeout: number '4295' outside range [0, 4294] - ignored
            MISC_CHECK; misc_dynamic;
            MISC_CHECK; user; 5: error: user: no user specified for misc checker script - ignored
            HTTP_GET; http_protocol 1.0c;
            HTTP_GET; http_protocol 2; 5: error: http_protocol: invalid http_protocol version 2 - expected 1.0, 1.0C or 1.1 - ignored
            HTTP_GET; http_protocol; 5: error: http_protocol: missing http_protocol version - ignored
            HTTP_GET; virtualhost; 5: error: virtualhost: HTTP_GET virtualhost name missing - ignored
            HTTP_GET; enable_sni x; 5: error: enable_sni: invalid value 'x' - expected on|off|true|false|yes|no - ignored
            HTTP_GET; fast_recovery x; 5: error: fast_recovery: invalid value 'x' - expected on|off|true|false|yes|no - ignored
            HTTP_GET; nb_get_retry x; 5: warning: nb_get_retry is deprecated - please use 'retry' && 5: error: nb_get_retry: invalid number 'x' - ignored
            url; digest 0123456789ABCDEF0123456789abcdef;
            url; digest 0123; 5: error: digest: digest '0123' character length should be 32 rather than 4 - ignored
            url; digest 0123456789abcdef0123456789abcdeg; 5: error: digest: unable to interpret hex digit in '0123456789abcdef0123456789abcdeg' at offset 30/31 - ignored
            url; status_code 200 300-399 99 600 200-100 2x; 5: warning: invalid HTTP_GET status code '99' - ignoring && 5: warning: invalid HTTP_GET status code '600' - ignoring && 5: warning: invalid HTTP_GET status code '200-100' - ignoring && 5: warning: invalid HTTP_GET status code '2x' - ignoring
            url; virtualhost; 5: error: virtualhost: missing HTTP_GET virtualhost name - ignored
            url; regex `"a b"`;
            url; regex a b; 5: warning: regex: regex missing or too many fields - ignored
            url; regex_min_offset x; 5: warning: regex_min_offset: invalid offset x - using 0
            SSL; password a b;
            SSL; password; 5: error: password: SSL password missing - ignored
            vsg; 10.0.0.5-10 80;
            vsg; 10.0.1.250-10.0.2.10 80;
            vsg; 10.0.0.8/29 80;
            vsg; 10.0.0.8/32 80;
            vsg; 10.0.0.1-05 80;
            vsg; fwmark 3;
            vsg; 10.0.0.1 65536; 5: error: address: number '65536' outside range [1, 65535]: invalid virtual server group IP address 10.0.0.1 port 65536 - ignored
            vsg; x 80; 5: error: address: invalid virtual server group IP address x - ignored
            vsg; 010.0.0.1 80; 5: error: address: invalid virtual server group IP address 010.0.0.1 - ignored
            vsg; 10.0.0.10-1 80; 5: error: address: address range end is not greater than address range start - 10.0.0.10-1 - ignored
            vsg; 10.0.0.1-256 80; 5: error: address: virtual server group range '10.0.0.1-256' end '256' too large - ignored
            vsg; 10.0.0.1-x 80; 5: error: address: virtual server group range '10.0.0.1-x' has extra characters at end 'x' - ignored
            vsg; 10.0.1.250-10.0.0.10 80; 5: error: address: address range end is less than address range start - 10.0.1.250-10.0.0.10 - ignored
            vsg; 10.0.0.1-2001::1 80; 5: error: address: invalid virtual server group IP address 10.0.0.1-2001::1 - ignored
            vsg; 10.0.0.9/29 80; 5: error: address: address mask bits not empty - 10.0.0.9/29 - ignored
            vsg; 10.0.0.0/33 80; 5: error: address: invalid netmask - 10.0.0.0/33 - ignored
            vsg; 10.0.0.0/0 80; 5: error: address: invalid netmask - 10.0.0.0/0 - ignored
            vsg; fwmark 1 x; 5: error: fwmark: fwmark '1' family x unknown - ignored
            vsg; fwmark x; 5: error: fwmark: invalid number 'x': fwmark 'x' must be in [0, 4294967295] - ignored
            head; 10.0.0.1 65535;
            head; 10.0.0.1 80 extra; 5: warning: virtual_server: extra words ignored: 'extra'
            head; 10.0.0.1/24 80; 5: warning: virtual_server: '/24' after the address is ignored
            head; 10.0.0.1 65536; 5: error: virtual_server: number '65536' outside range [1, 65535]: invalid virtual server IP address/port 10.0.0.1/65536 - skipping the block
            head; x 80; 5: error: virtual_server: invalid virtual server IP address/port x/80 - skipping the block
            head; [2001:db8::1] 80; 5: error: virtual_server: invalid virtual server IP address/port [2001:db8::1]/80 - skipping the block
            head; fe80::1%eth0 80; 5: error: virtual_server: invalid virtual server IP address/port fe80::1%eth0/80 - skipping the block
            head; 010.0.0.1 80; 5: error: virtual_server: invalid virtual server IP address/port 010.0.0.1/80 - skipping the block
            head; fwmark x; 5: error: virtual_server: invalid number 'x': virtual server fwmark 'x' must be in [0, 4294967295] - skipping the block
            head; fwmark -1; 5: error: virtual_server: negative number '-1': virtual server fwmark '-1' must be in [0, 4294967295] - skipping the block
            """)
    void valueAsKeepalivedReadsIt(String context, String line, String expected) {
        String text = config(context, line);
        LoadResult r = LvsCheckTest.load(text);
        List<String> want = expected == null ? List.of() : Arrays.asList(expected.split(" && "));
        assertThat(LvsCheckTest.messages(r)).as(text).isEqualTo(want);
        LvsCheckTest.assertKeepalivedAgrees(text, r);
    }

    // ---- value types directly ---------------------------------------------------------------------

    @Test
    void udpHexStringsEndAnOctetAtASpace() {
        LoadResult r = LvsCheckTest.load(config("UDP_CHECK", "payload Ab12f 3 456 546443123"));
        assertThat(LvsCheckTest.checker(r).get(io.jkeepalived.config.schema.LvsKeywords.UDP_PAYLOAD).octets())
                .isEqualTo("ab 12 0f 03 45 06 54 64 43 12 03");
    }

    @Test
    void requireReplyWildcardsAreKept() {
        LoadResult r = LvsCheckTest.load(config("UDP_CHECK", "require_reply 1x 2"));
        assertThat(LvsCheckTest.checker(r).get(io.jkeepalived.config.schema.LvsKeywords.UDP_REQUIRE_REPLY).octets())
                .isEqualTo("1X 02");
    }

    @Test
    void groupRangesCoverTheirAddresses() {
        VsgAddress last = parseVsg("192.168.200.1-10");
        assertThat(last.form()).isEqualTo(Form.LAST_PART);
        assertThat(Types.formatAddress(last.end())).isEqualTo("192.168.200.10");
        VsgAddress full = parseVsg("192.168.200.250-192.168.201.10");
        assertThat(Types.formatAddress(full.end())).isEqualTo("192.168.201.10");
        VsgAddress prefix = parseVsg("192.168.202.8/29");
        assertThat(Types.formatAddress(prefix.end())).isEqualTo("192.168.202.15");
        VsgAddress six = parseVsg("2001:db8::1-ff");
        assertThat(Types.formatAddress(six.end())).isEqualTo("2001:db8::ff");
    }

    private static VsgAddress parseVsg(String word) {
        return LvsKeywordsTest.read("x", LvsAddresses.VSG_ADDRESS, List.of(word), new Diagnostics());
    }

    @Test
    void inetAtonTakesTheShortForms() {
        assertThat(LvsValues.inetAton("255.255.255.0")).isEqualTo(0xffffff00L);
        assertThat(LvsValues.inetAton("1.2.3")).isEqualTo(0x01020003L);
        assertThat(LvsValues.inetAton("24")).isEqualTo(24L);
        assertThat(LvsValues.inetAton("0x10.1")).isEqualTo(0x10000001L);
        assertThat(LvsValues.inetAton("1.2.3.256")).isEqualTo(-1L);
        assertThat(LvsValues.inetAton("x")).isEqualTo(-1L);
    }

    @Test
    void timersKeepMicroseconds() {
        java.time.Duration d = LvsKeywordsTest.read("delay_loop", LvsValues.timer(), List.of("2.718281"), new Diagnostics());
        assertThat(LvsValues.formatTimer(d)).isEqualTo("2.718281");
        assertThat(LvsValues.formatTimer(java.time.Duration.ofSeconds(60))).isEqualTo("60");
    }

    @Test
    void aTimerPastTheMaximumIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        LvsKeywordsTest.read("delay_loop", LvsValues.timer(), List.of("99999999999999"), new Diagnostics()))
                .isInstanceOf(ValueException.class)
                .hasMessage("number '99999999999999' outside range [0, 18446744073709.551614]");
    }
}
