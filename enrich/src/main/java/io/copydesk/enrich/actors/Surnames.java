package io.copydesk.enrich.actors;

import io.copydesk.enrich.actors.ActorExtractor.Found;
import io.copydesk.schema.ActorType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A surname is the person named in full in the same article. News names a person in full once and
 * by surname after: "Malik Washington ... Washington served for the match", "director Ann Holland
 * ... Holland's film". The NER reads the bare surname alone and may call it the place or the firm
 * it also names; when the article names a person whose last word it is, the bare name is that
 * person. The full name must be a reliable one: never also read as a place or organisation in the
 * article ("Banda Aceh"), and made of no word the article writes in lower case ("Poor Mexico", a
 * saying). A known state keeps its reading: an article that names one by its bare name means the
 * state far more often than a namesake.
 */
final class Surnames {
  private Surnames() {}

  static List<Found> apply(List<Found> found, CommonWords common) {
    Set<String> notPeople = new HashSet<>();
    for (Found f : found) {
      if (f.type() != ActorType.PERSON) {
        notPeople.add(f.surface());
      }
    }
    Set<String> surnames = new HashSet<>();
    for (Found f : found) {
      int space = f.surface().lastIndexOf(' ');
      if (f.type() == ActorType.PERSON
          && space > 0
          && !f.implied()
          && !notPeople.contains(f.surface())
          && !common.capitalisedIn(f.surface())) {
        surnames.add(f.surface().substring(space + 1));
      }
    }
    if (surnames.isEmpty()) {
      return found;
    }
    List<Found> out = new ArrayList<>(found.size());
    for (Found f : found) {
      boolean surname =
          f.type() != ActorType.PERSON
              && f.type() != ActorType.OTHER
              && !f.implied()
              && !(f.entry() != null && f.entry().type() == ActorType.GPE)
              && surnames.contains(f.surface());
      out.add(surname ? f.retyped(ActorType.PERSON) : f);
    }
    return out;
  }
}
