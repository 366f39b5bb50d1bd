package org.trustrepair.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM under load, as an orchestrator stops a replica: requests already under way complete with their plans, no
 * request gets a 5xx, and the process exits once they are done.
 */
class GracefulShutdownTest {

    private static final String ANSWERS = "{\"relationship\":\"WORKPLACE\",\"breach\":\"LYING_AT_WORK\","
            + "\"readiness\":\"WILLING_TO_TALK\",\"daysElapsed\":12,\"apologiesMade\":1}";

    @TempDir
    Path root;

    /** A body sent in two parts: the second only once {@code release} opens, keeping the request in flight. */
    static final class HeldBody extends InputStream {
        private final byte[] bytes = ANSWERS.getBytes(StandardCharsets.UTF_8);
        private final CountDownLatch started;
        private final CountDownLatch release;
        private int next;

        HeldBody(CountDownLatch started, CountDownLatch release) {
            this.started = started;
            this.release = release;
        }

        @Override
        public int read() throws IOException {
            if (next == bytes.length / 2) {
                started.countDown();
                try {
                    if (!release.await(2, TimeUnit.MINUTES)) {
                        throw new IOException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            return next < bytes.length ? bytes[next++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // one byte at a time around the pause, so the first half really goes out before it
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }

    @Test
    void sigtermUnderLoadCompletesRequestsInFlightWithNoServerError() throws Exception {
        try (ServerProcess server =
                ServerProcess.start(root, List.of(), List.of("--advisor.rate-limit.enabled=false"))) {
            URI advice = URI.create(server.base() + "/api/advice");
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

            // requests in flight: headers and half the body sent, the rest held back until shutdown has begun
            int held = 4;
            CountDownLatch started = new CountDownLatch(held);
            CountDownLatch release = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < held; i++) {
                // one client each, so that each request has its own connection
                inFlight.add(HttpClient.newHttpClient()
                        .sendAsync(
                                HttpRequest.newBuilder(advice)
                                        .header("Content-Type", "application/json")
                                        .timeout(Duration.ofMinutes(2))
                                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                                () -> new HeldBody(started, release)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()));
            }
            assertThat(started.await(1, TimeUnit.MINUTES))
                    .as("held requests under way")
                    .isTrue();

            // load: four clients posting as fast as they can until the server is gone
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicInteger refused = new AtomicInteger();
            CountDownLatch loadRunning = new CountDownLatch(4 * 20);
            ExecutorService load = Executors.newFixedThreadPool(4);
            List<Future<?>> loaders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                loaders.add(load.submit(() -> {
                    while (true) {
                        try {
                            HttpResponse<String> r = http.send(
                                    HttpRequest.newBuilder(advice)
                                            .timeout(Duration.ofSeconds(30))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(ANSWERS))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger())
                                    .incrementAndGet();
                            loadRunning.countDown();
                        } catch (IOException e) {
                            refused.incrementAndGet(); // the server stopped taking connections: expected after SIGTERM
                            return null;
                        }
                    }
                }));
            }
            assertThat(loadRunning.await(1, TimeUnit.MINUTES))
                    .as("load under way")
                    .isTrue();

            server.process.destroy(); // SIGTERM
            server.awaitConsole("Commencing graceful shutdown", Duration.ofMinutes(1));
            release.countDown();

            for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                HttpResponse<String> response = request.get(2, TimeUnit.MINUTES);
                assertThat(response.statusCode())
                        .as("a request in flight at SIGTERM")
                        .isEqualTo(200);
                assertThat(response.body()).contains("\"rulesVersion\"", "\"steps\"");
            }
            for (Future<?> loader : loaders) {
                loader.get(2, TimeUnit.MINUTES);
            }
            load.shutdown();
            assertThat(server.process.waitFor(1, TimeUnit.MINUTES))
                    .as("exits after SIGTERM")
                    .isTrue();

            assertThat(statuses.keySet())
                    .as("statuses under load: %s", statuses)
                    .allMatch(s -> s < 500);
            assertThat(statuses.get(200).get()).isGreaterThanOrEqualTo(80);
            assertThat(server.console()).contains("Graceful shutdown complete").doesNotContain("Exception");
            assertThat(server.process.exitValue()).as("exit code after SIGTERM").isIn(0, 143);
        }
    }
}
