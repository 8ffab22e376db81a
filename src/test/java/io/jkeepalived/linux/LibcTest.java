package io.jkeepalived.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** The foreign-function calls themselves, on things any user may do: no root, no network. */
class LibcTest {

    @Test
    void aFailedCallSaysWhichCallAndWhy() {
        assertThatThrownBy(() -> Libc.socket(12345, Libc.SOCK_RAW, 0))
                .isInstanceOf(LinuxException.class)
                .hasMessage("socket: Address family not supported by protocol (errno 97)")
                .extracting(e -> ((LinuxException) e).errno()).isEqualTo(97);
    }

    @Test
    void theLoopbackInterfaceHasIndexOne() {
        assertThat(Libc.ifNameToIndex("lo")).isEqualTo(1);
        assertThat(Libc.ifNameToIndex("no-such-if")).isZero();
    }

    @Test
    void epollWakesUpOnAnEventfdAndTimesOutWithout() throws Exception {
        int ep = Libc.epollCreate();
        int efd = Libc.eventfd();
        try (Arena a = Arena.ofConfined()) {
            Libc.epollCtl(ep, Libc.EPOLL_CTL_ADD, efd, Libc.EPOLLIN, 42);
            MemorySegment events = a.allocate(Libc.EPOLL_EVENT_SIZE * 4L, 8);
            MemorySegment timeout = a.allocate(16, 8);
            timeout.set(ValueLayout.JAVA_LONG, 0, 0);
            timeout.set(ValueLayout.JAVA_LONG, 8, 1_000_000);   // 1 ms
            assertThat(Libc.epollWait(ep, events, 4, timeout)).isZero();
            MemorySegment one = a.allocate(ValueLayout.JAVA_LONG);
            one.set(ValueLayout.JAVA_LONG, 0, 1);
            assertThat(Libc.write(efd, one, 8)).isEqualTo(8);
            assertThat(Libc.epollWait(ep, events, 4, timeout)).isEqualTo(1);
            assertThat(events.get(ValueLayout.JAVA_LONG_UNALIGNED, 4)).isEqualTo(42);
            assertThat(Libc.read(efd, one, 8)).isEqualTo(8);
            assertThat(Libc.read(efd, one, 8)).as("drained: EAGAIN").isEqualTo(-Libc.EAGAIN);
        } finally {
            Libc.close(efd);
            Libc.close(ep);
        }
    }

    @Test
    void getpidIsThisProcess() {
        assertThat((long) Libc.getpid()).isEqualTo(ProcessHandle.current().pid());
    }
}
