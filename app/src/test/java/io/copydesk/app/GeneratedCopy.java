package io.copydesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Plain-text wire copy made up for tests: varied names, places, numbers and events, seeded. */
final class GeneratedCopy {
  private static final List<String> PEOPLE =
      List.of(
          "Ana Ruiz",
          "Tom Berg",
          "Lena Fox",
          "Omar Haddad",
          "Ines Moreau",
          "Karl Weiss",
          "Maria Costa",
          "Paulo Reis",
          "Eva Holm",
          "Joe Kline",
          "Nora Lind",
          "Sami Otto");
  private static final List<String> PLACES =
      List.of(
          "Lisbon", "Oslo", "Cairo", "Lima", "Quito", "Tunis", "Riga", "Porto", "Bergen", "Malmo",
          "Gdansk", "Split");
  private static final List<String> EVENTS =
      List.of(
          "a fire destroyed a warehouse",
          "a ferry ran aground",
          "a bridge collapsed",
          "floods closed the main road",
          "a strike halted the trains",
          "a storm cut power");
  private static final List<String> ROLES =
      List.of("Mayor", "Police chief", "Fire chief", "Transport minister");

  private GeneratedCopy() {}

  /** Writes {@code count} articles into {@code dir}; returns the folder. */
  static Path write(Path dir, int count, long seed) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(seed);
    for (int i = 0; i < count; i++) {
      String person = PEOPLE.get(random.nextInt(PEOPLE.size()));
      String place = PLACES.get(random.nextInt(PLACES.size()));
      String event = EVENTS.get(random.nextInt(EVENTS.size()));
      String role = ROLES.get(random.nextInt(ROLES.size()));
      int hurt = 2 + random.nextInt(40);
      String text =
          String.format(
              """
          %s: %s, officials say (%d)
          In %s on Tuesday %s, and at least %d people were hurt, officials said.
          %s %s said crews had worked through the night. "We are doing everything we can," %s said.
          Residents said the damage was worse than in %d. Report number %d of the day.
          """,
              place,
              event,
              i,
              place,
              event,
              hurt,
              role,
              person,
              person.split(" ")[1],
              2000 + random.nextInt(20),
              i);
      Files.writeString(dir.resolve(String.format("story-%04d.txt", i)), text);
    }
    return dir;
  }
}
