package eu.somework.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading every registration file of a folder, where one bad file must not stop the others. */
class PlatformFileLoaderTest {
  @TempDir Path folder;

  final PlatformFileLoader loader = new PlatformFileLoader();

  void write(String name, String content) throws IOException {
    Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
  }

  static List<String> fileNames(PlatformFileLoader.Result result) {
    return result.registrations().stream().map(PlatformFileLoader.Loaded::fileName).toList();
  }

  @Test
  void everyJsonFileOfTheFolderIsListedGoodOrBad() throws IOException {
    write("a-moodle.json", PlatformFileTest.moodle());
    write("b-broken.json", "{");
    write("notes.txt", "not a registration");

    PlatformFileLoader.Result result = loader.load(folder);

    assertEquals(java.util.Optional.of(java.util.Set.of("a-moodle.json", "b-broken.json")), result.files());
  }

  @Test
  void aMissingFolderHoldsNoFile() {
    PlatformFileLoader.Result result = loader.load(folder.resolve("no-such-folder"));

    assertEquals(java.util.Optional.of(java.util.Set.of()), result.files());
  }

  @Test
  void everyJsonFileIsLoadedInNameOrder() throws IOException {
    write("b-canvas.json", PlatformFileTest.withField("issuer", "https://canvas.example.org"));
    write("a-moodle.json", PlatformFileTest.moodle());

    PlatformFileLoader.Result result = loader.load(folder);

    assertEquals(List.of("a-moodle.json", "b-canvas.json"), fileNames(result));
    assertEquals("https://canvas.example.org", result.registrations().get(1).registration().issuer());
    assertEquals(List.of(), result.problems());
  }

  @Test
  void badFileIsReportedAndTheGoodOnesStillLoad() throws IOException {
    write("a-broken.json", "{\"name\": ");
    write("b-moodle.json", PlatformFileTest.moodle());
    write("c-no-client.json", PlatformFileTest.withField("clientId", null));

    PlatformFileLoader.Result result = loader.load(folder);

    assertEquals(List.of("b-moodle.json"), fileNames(result));
    assertEquals(2, result.problems().size());
    assertTrue(result.problems().get(0).startsWith("a-broken.json: not a JSON object"), result.problems().get(0));
    assertEquals("c-no-client.json: field 'clientId' is missing", result.problems().get(1));
  }

  @Test
  void filesThatAreNotJsonAreLeftAlone() throws IOException {
    write("README.md", "# Put one registration per .json file here");
    write("moodle.json.bak", "{");

    PlatformFileLoader.Result result = loader.load(folder);

    assertEquals(List.of(), result.registrations());
    assertEquals(List.of(), result.problems());
  }

  @Test
  void unreadableFileIsReported() throws IOException {
    Files.createDirectory(folder.resolve("odd.json"));

    PlatformFileLoader.Result result = loader.load(folder);

    assertEquals(1, result.problems().size());
    assertTrue(result.problems().get(0).startsWith("odd.json: cannot be read"), result.problems().get(0));
  }

  @Test
  void emptyFolderYieldsNothing() {
    PlatformFileLoader.Result result = loader.load(folder);

    assertEquals(List.of(), result.registrations());
    assertEquals(List.of(), result.problems());
  }

  @Test
  void missingFolderYieldsNothing() {
    PlatformFileLoader.Result result = loader.load(folder.resolve("not-there"));

    assertEquals(List.of(), result.registrations());
    assertEquals(List.of(), result.problems());
  }
}
