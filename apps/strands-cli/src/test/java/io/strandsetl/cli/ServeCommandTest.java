package io.strandsetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
  @Test
  void printsTheUrlAndGeneratedTokensOnceAndServesTheApiWithThem() throws Exception {
    ServeCommand command = new ServeCommand();
    command.port = 0;
    command.overrides = List.of("store.type=memory");
    StringWriter text = new StringWriter();
    try (ServeCommand.Running running = command.start(new PrintWriter(text))) {
      String out = text.toString();
      Matcher url =
          Pattern.compile("Strands dashboard: (http://127\\.0\\.0\\.1:\\d+)/").matcher(out);
      assertThat(url.find()).as(out).isTrue();
      Matcher viewer = Pattern.compile("Viewer token \\(read only\\): (\\S+)").matcher(out);
      assertThat(viewer.find()).as(out).isTrue();
      assertThat(out).contains("Admin token (shown once; set server.admin-token to keep one): ");
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> ok =
          http.send(
              HttpRequest.newBuilder(URI.create(url.group(1) + "/api/overview/status"))
                  .header("Authorization", "Bearer " + viewer.group(1))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).contains("\"columns\"");
      HttpResponse<String> anonymous =
          http.send(
              HttpRequest.newBuilder(URI.create(url.group(1) + "/api/overview/status")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void unknownServerKeysAreAUserErrorNamingThem() {
    StringWriter err = new StringWriter();
    int code =
        StrandsCli.execute(
            new String[] {
              "serve", "--port", "0", "--set", "store.type=memory", "--set", "server.prot=1"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("strands: Invalid settings: unknown keys [server.prot]");
  }

  @Test
  void aMistypedAgentsKeyStopsServeWithOneLine() {
    StringWriter err = new StringWriter();
    int code =
        StrandsCli.execute(
            new String[] {
              "serve", "--port", "0", "--set", "store.type=memory", "--set", "agents.thraeds=2"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("strands: Invalid configuration keys: [agents.thraeds] (no agent reads them");
  }
}
