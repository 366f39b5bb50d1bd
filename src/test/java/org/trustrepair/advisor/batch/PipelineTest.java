package org.trustrepair.advisor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PipelineTest {

    private static Input input(long n) {
        return Input.broken("f", n, "case-" + n, "r");
    }

    private static Outcome outcome(Input in) {
        // uneven work, so that workers finish out of order
        LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(50_000));
        return new Outcome(in.id(), in.file(), in.line(), new byte[0], null, List.of(), List.of(), null, "r");
    }

    @Test
    @Timeout(20)
    void writesInInputOrderWithFewRecordsInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> ids = new ArrayList<>();

        new Pipeline(3, 8)
                .run(
                        sink -> {
                            for (long n = 1; n <= 5_000; n++) {
                                long line = n;
                                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                                sink.accept(() -> input(line));
                            }
                        },
                        PipelineTest::outcome,
                        o -> {
                            inFlight.decrementAndGet();
                            ids.add(o.id());
                        });

        assertThat(ids).hasSize(5_000);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(ids.get(i)).isEqualTo("case-" + (i + 1));
        }
        assertThat(most.get()).as("records read but not yet written").isLessThanOrEqualTo(8 + 2);
    }

    @Test
    @Timeout(20)
    void aWriterFailureStopsTheReaderInsteadOfHanging() {
        assertThatThrownBy(() -> new Pipeline(2, 4)
                        .run(
                                sink -> {
                                    for (long n = 1; ; n++) {
                                        long line = n;
                                        sink.accept(() -> input(line));
                                    }
                                },
                                PipelineTest::outcome,
                                o -> {
                                    if (o.line() == 100) {
                                        throw new IOException("disk full");
                                    }
                                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");
    }

    @Test
    @Timeout(20)
    void aReaderFailureIsRaisedAfterWhatWasReadIsWritten() {
        List<String> ids = new ArrayList<>();
        assertThatThrownBy(() -> new Pipeline(2, 4)
                        .run(
                                sink -> {
                                    sink.accept(() -> input(1));
                                    throw new IllegalStateException("cannot read folder");
                                },
                                PipelineTest::outcome,
                                o -> ids.add(o.id())))
                .hasMessage("cannot read folder");
        assertThat(ids).containsExactly("case-1");
    }
}
