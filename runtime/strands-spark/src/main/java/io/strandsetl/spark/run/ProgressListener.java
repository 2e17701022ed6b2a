package io.strandsetl.spark.run;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress of a run from Spark's listener bus: on a terminal, one line redrawn in place (stages,
 * tasks done/total, elapsed); otherwise a log line per completed stage. Redraws are throttled to
 * one per 200 ms so a run with many tiny tasks does not flood the terminal.
 */
final class ProgressListener extends SparkListener {
  private static final long REDRAW_MS = 200;
  private static final int BAR_WIDTH = 24;

  private final PrintStream out;
  private final boolean terminal;
  private final Clock clock;
  private final long startMs;
  private final AtomicInteger stagesSubmitted = new AtomicInteger();
  private final AtomicInteger stagesCompleted = new AtomicInteger();
  private final AtomicLong tasksTotal = new AtomicLong();
  private final AtomicLong tasksDone = new AtomicLong();
  private volatile long lastDrawMs;
  private volatile String step = "";

  ProgressListener(PrintStream out, boolean terminal, Clock clock) {
    this.out = out;
    this.terminal = terminal;
    this.clock = clock;
    this.startMs = clock.millis();
  }

  /** Called by the runner when a step starts. */
  void step(String description) {
    this.step = description;
    if (terminal) {
      draw(true);
    } else {
      log(description);
    }
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted event) {
    stagesSubmitted.incrementAndGet();
    tasksTotal.addAndGet(event.stageInfo().numTasks());
    if (terminal) {
      draw(false);
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    if (event.taskInfo().successful()) {
      tasksDone.incrementAndGet();
    }
    if (terminal) {
      draw(false);
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted event) {
    stagesCompleted.incrementAndGet();
    if (terminal) {
      draw(true);
    } else {
      var info = event.stageInfo();
      log(
          String.format(
              Locale.ROOT,
              "stage %d %s (%d tasks)",
              info.stageId(),
              info.failureReason().isDefined() ? "failed" : "done",
              info.numTasks()));
    }
  }

  /** Ends the progress line so the next output starts on a fresh line. */
  void finish() {
    if (terminal) {
      draw(true);
      synchronized (out) {
        out.println();
        out.flush();
      }
    }
  }

  String line() {
    long total = tasksTotal.get();
    long done = Math.min(tasksDone.get(), total);
    int filled = total == 0 ? 0 : (int) (BAR_WIDTH * done / total);
    return String.format(
        Locale.ROOT,
        "[%s%s] stages %d/%d  tasks %d/%d  %s  %s",
        "#".repeat(filled),
        "-".repeat(BAR_WIDTH - filled),
        stagesCompleted.get(),
        stagesSubmitted.get(),
        done,
        total,
        elapsed(),
        step);
  }

  private void draw(boolean force) {
    long now = clock.millis();
    if (!force && now - lastDrawMs < REDRAW_MS) {
      return;
    }
    lastDrawMs = now;
    String text = line();
    synchronized (out) {
      // \r + erase-to-end-of-line redraws in place on any ANSI terminal.
      out.print("\r" + text + "\u001b[K");
      out.flush();
    }
  }

  private void log(String message) {
    synchronized (out) {
      out.println("strands: [" + elapsed() + "] " + message);
      out.flush();
    }
  }

  private String elapsed() {
    long s = (clock.millis() - startMs) / 1000;
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
