package io.strandsetl.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.history.EventLogFileReader;
import org.apache.spark.scheduler.ReplayListenerBus;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.status.AppHistoryServerPlugin;
import org.apache.spark.status.AppStatusListener;
import org.apache.spark.status.ElementTrackingStore;
import org.apache.spark.util.kvstore.InMemoryStore;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark's own replay of one event-log file, as the History Server rebuilds an application store
 * ({@code FsHistoryProvider.rebuildAppStore} in Spark 4.1): a {@link ReplayListenerBus} feeding an
 * {@link AppStatusListener} over an {@link ElementTrackingStore} on an {@link InMemoryStore}. The
 * file is opened with {@link EventLogFileReader#openEventLog}, which picks Spark's {@code
 * CompressionCodec} from the file extension ({@code .zstd} is Spark's ZStdCompressionCodec, i.e.
 * zstd-jni). These classes are {@code private[spark]} in Scala but public in bytecode.
 */
final class SparkReplay {
  /** Which listeners the replay feeds. */
  enum Listeners {
    /** Only {@link AppStatusListener}: jobs, stages, tasks, executors (spark-core). */
    CORE,
    /**
     * Also every {@link AppHistoryServerPlugin} on the class path, as the History Server does; with
     * spark-sql present that adds the SQL listener, which parses SQL plans and metrics.
     */
    HISTORY_SERVER
  }

  private SparkReplay() {}

  /** What a replay leaves behind: the populated store (kept live, as the History Server does). */
  record Replayed(InMemoryStore store, int listeners, long tasks) {}

  /** Replays the file into a fresh in-memory store. */
  static Replayed replay(Path file, Listeners listeners) throws IOException {
    // Same as the History Server: no async tracking while replaying.
    SparkConf conf = new SparkConf(false).set("spark.appStateStore.asyncTracking.enable", "false");
    InMemoryStore kv = new InMemoryStore();
    ElementTrackingStore store = new ElementTrackingStore(kv, conf);
    ReplayListenerBus bus = new ReplayListenerBus();
    bus.addListener(new AppStatusListener(store, conf, false, Option.empty(), Option.empty()));
    List<SparkListener> extras = pluginListeners(listeners, conf, store);
    extras.forEach(bus::addListener);
    org.apache.hadoop.fs.Path hadoopPath = new org.apache.hadoop.fs.Path(file.toUri());
    FileSystem fs = hadoopPath.getFileSystem(new Configuration());
    try (InputStream in = EventLogFileReader.openEventLog(hadoopPath, fs)) {
      bus.replay(in, file.toString(), false, ReplayListenerBus.SELECT_ALL_FILTER());
    }
    store.close(false);
    try {
      long tasks = kv.count(Class.forName("org.apache.spark.status.TaskDataWrapper"));
      return new Replayed(kv, 1 + extras.size(), tasks);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Cannot find Spark's TaskDataWrapper", e);
    }
  }

  private static List<SparkListener> pluginListeners(
      Listeners listeners, SparkConf conf, ElementTrackingStore store) {
    List<SparkListener> out = new ArrayList<>();
    switch (listeners) {
      case CORE -> {}
      case HISTORY_SERVER -> {
        for (AppHistoryServerPlugin plugin : ServiceLoader.load(AppHistoryServerPlugin.class)) {
          out.addAll(CollectionConverters.asJava(plugin.createListeners(conf, store)));
        }
      }
    }
    return out;
  }
}
