package io.strandsetl.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright-Java: the executable is {@code /usr/bin/chromium} (or
 * {@code STRANDS_CHROMIUM}), Playwright never downloads a browser, and the flags keep Chromium off
 * the network (the machine has none) and allow running as root.
 */
final class BrowserSession implements AutoCloseable {
  static final Path CHROMIUM =
      Paths.get(System.getenv().getOrDefault("STRANDS_CHROMIUM", "/usr/bin/chromium"));

  final Playwright playwright;
  final Browser browser;

  BrowserSession() {
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM);
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
