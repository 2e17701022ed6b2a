package io.strandsetl.notify;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Creates an {@link EmailSender}; found by {@link ServiceLoader} under its {@link #name()}, the
 * value of {@code notify.type} ({@code file}, {@code smtp}, {@code ses}).
 */
public interface EmailSenderFactory {
  /** The sender type; also the config namespace {@code notify.<name>.*}. */
  String name();

  /** One line: where messages go. */
  String description();

  /**
   * The keys this sender reads ({@code notify.<name>.*} and shared ones such as {@code
   * notify.dir}), so that a key of another sender type is not reported as unknown.
   */
  default java.util.Set<String> keys() {
    return java.util.Set.of();
  }

  /**
   * A sender configured by {@code notify.*} keys; invalid keys fail with {@code INVALID_CONFIG}.
   */
  EmailSender create(Settings settings);

  /**
   * The factory named {@code name} on the class path of {@code loader}.
   *
   * @throws StrandsException {@code UNKNOWN_PLUGIN} naming the known types
   */
  static EmailSenderFactory named(String name, ClassLoader loader) {
    TreeMap<String, EmailSenderFactory> known = new TreeMap<>();
    for (EmailSenderFactory factory : ServiceLoader.load(EmailSenderFactory.class, loader)) {
      known.putIfAbsent(factory.name(), factory);
    }
    EmailSenderFactory factory = known.get(name);
    if (factory == null) {
      throw new StrandsException(
          ErrorCode.UNKNOWN_PLUGIN,
          "Invalid notify.type: '" + name + "' (known: " + known.keySet() + ")");
    }
    return factory;
  }
}
