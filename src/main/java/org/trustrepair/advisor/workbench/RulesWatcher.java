package org.trustrepair.advisor.workbench;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.AdvisorSettings;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.proof.Proofs;
import org.trustrepair.advisor.proof.RuleCheck;
import org.trustrepair.advisor.proof.Sweep;

/**
 * Watches the rules folder the server loaded (and every folder in it) and, once edits have stopped for a moment,
 * hands the folder to {@link Reload}. Only when the rules came from a folder: the jar's copy cannot change. One
 * daemon thread; edits made while a check runs are taken up by the next one.
 */
@Component
class RulesWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RulesWatcher.class);

    private final Advisor advisor;
    private final WorkbenchSettings settings;
    private final Reload reload;
    private final RuleLoads loads;
    private final Proofs proofs;
    private volatile WatchService watcher;
    private volatile Thread thread;

    RulesWatcher(
            Advisor advisor,
            AdvisorSettings core,
            WorkbenchSettings settings,
            RuleLoads loads,
            Proofs proofs,
            MeterRegistry meters) {
        this.advisor = advisor;
        this.settings = settings;
        this.loads = loads;
        this.proofs = proofs;
        RuleCheck check = (settings.reload().sweep() == WorkbenchSettings.SweepMode.FULL
                        ? RuleCheck.full(core.maxFirings(), Runtime.getRuntime().availableProcessors(), proofs)
                        : new RuleCheck(core.maxFirings(), null))
                .withMaxEvaluationTime(core.maxEvaluationTime());
        this.reload = new Reload(advisor, check, settings.samplesDir(), loads, Clock.systemUTC(), meters);
    }

    @Override
    public void start() {
        String origin = advisor.ruleSet().origin();
        if (!settings.reload().enabled()) {
            return;
        }
        if (origin.startsWith("classpath:")) {
            log.info("Live reload is off: the rules come from the jar, not a folder");
            return;
        }
        Path folder = Path.of(origin);
        try {
            watcher = FileSystems.getDefault().newWatchService();
            registerAll(folder);
        } catch (IOException e) {
            log.warn("Live reload is off: cannot watch {}: {}", folder, e.getMessage());
            return;
        }
        Thread t = new Thread(() -> watch(folder), "rules-watcher");
        t.setDaemon(true);
        thread = t;
        t.start();
        log.info("Watching {} for edits: a checked edit is served at once, a failing one is refused", folder);
        if (settings.reload().sweep() == WorkbenchSettings.SweepMode.FULL && settings.sweepAtStart()) {
            sweepServingRules();
        }
    }

    /**
     * Sweeps the rules the server started with, in the background on one low-priority thread: the log says whether
     * they keep every guardrail, the workbench gets its coverage, and an edit that changes no decision (a text, a
     * reason, a comment) is then served without a sweep of its own.
     */
    private void sweepServingRules() {
        RuleSet serving = advisor.ruleSet();
        Thread t = new Thread(
                () -> {
                    try {
                        Sweep.Result sweep = proofs.sweep(serving, rules -> new Sweep(rules, 1).run());
                        loads.swept(serving.version(), sweep);
                        if (sweep.holds()
                                && sweep.proof()
                                && sweep.rulesNeverFired().isEmpty()) {
                            log.info(
                                    "The rules served since start keep every guardrail in all {} situations ({}); edits "
                                            + "of texts, reasons, sources or comments are now served without a sweep of their own",
                                    sweep.situations(),
                                    sweep.reused()
                                            ? "proven by a sweep kept in the proofs folder"
                                            : "swept in " + sweep.elapsed().toSeconds() + " s");
                        } else {
                            log.warn(
                                    "The rules served since start do not pass the guardrail sweep: run ./advisor check {}",
                                    serving.origin());
                        }
                    } catch (RuntimeException e) {
                        log.warn("Sweeping the rules served since start failed: {}", e.toString());
                    }
                },
                "sweep-at-start");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void watch(Path folder) {
        long debounce = Math.max(1, settings.reload().debounce().toMillis());
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                handle(key);
                // wait until the folder has been quiet for the debounce time: an editor saves in several steps
                WatchKey more;
                while ((more = watcher.poll(debounce, TimeUnit.MILLISECONDS)) != null) {
                    handle(more);
                }
                try {
                    reload.apply(folder);
                } catch (RuntimeException e) {
                    log.warn("Checking the edited rules failed: {}", e.toString());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drains a key's events, watching any folder created meanwhile, and re-arms the key. */
    private void handle(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == ENTRY_CREATE && event.context() instanceof Path name) {
                Path created = dir.resolve(name);
                if (Files.isDirectory(created)) {
                    try {
                        registerAll(created);
                    } catch (IOException e) {
                        log.warn("Cannot watch new folder {}: {}", created, e.getMessage());
                    }
                }
            }
        }
        key.reset();
    }

    private void registerAll(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            }
        }
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
        WatchService w = watcher;
        watcher = null;
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                // closing on shutdown: nothing left to do
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
