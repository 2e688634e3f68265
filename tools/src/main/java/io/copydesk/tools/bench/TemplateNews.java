package io.copydesk.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire copy of realistic length (600 to 900 words) about made-up events, from templates, for
 * end-to-end benchmarks: the NER, claim and clustering work must be what real copy costs, which
 * repeating the five seeds would not give (the same text is dropped as a duplicate, and the tokens
 * would sit in every cache). Each event has a kind, a place, a weekday, people with roles, and
 * figures; it is reported several times, by different agencies with different paragraphs, wording,
 * and sometimes a different toll (so clustering has rewrites to join and figures to dispute), and
 * now and then a story is updated as a write-thru (same uri, next version). The same seed gives the
 * same stories.
 */
final class TemplateNews {
  /** One version of one story, as an agency would file it. */
  record Story(
      String uri,
      int version,
      int event,
      String agency,
      String headline,
      String byline,
      String body,
      Instant firstCreated,
      Instant versionCreated) {
    int words() {
      return TemplateNews.words(body);
    }

    /** The story as IPTC ninjs 1.6, one of the formats ingest reads. */
    byte[] ninjs() {
      ObjectNode n = JSON.createObjectNode();
      n.put("uri", uri);
      n.put("type", "text");
      n.put("version", Integer.toString(version));
      n.put("firstcreated", firstCreated.toString());
      n.put("versioncreated", versionCreated.toString());
      n.put("language", "en");
      n.put("headline", headline);
      n.put("byline", byline);
      n.put("body_text", body);
      return n.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");
  static final int MIN_WORDS = 600;
  static final int MAX_WORDS = 900;

  private static final String[] FIRST = {
    "Maria", "James", "Aisha", "Kenji", "Olga", "Pedro", "Fatima", "Liam", "Ingrid", "Samuel",
    "Chen", "Amara", "Tomasz", "Lucia", "Rahul", "Nadia", "Owen", "Yusuf", "Elena", "Kwame",
    "Sofia", "Daniel", "Mei", "Ahmed", "Hannah", "Viktor", "Grace", "Mateo", "Leila", "Patrick",
    "Anya", "Diego", "Zainab", "Henrik", "Rosa", "Ibrahim", "Claire", "Arjun", "Marta", "Tobias",
    "Noura", "Felix", "Beatriz", "Sergei", "Ayumi", "Omar", "Julia", "Emeka", "Lars", "Priya"
  };
  private static final String[] LAST = {
    "Okafor",
    "Lindqvist",
    "Moreno",
    "Tanaka",
    "Kowalski",
    "Haddad",
    "Fischer",
    "Mensah",
    "Rossi",
    "Novak",
    "Sato",
    "Petrov",
    "Alvarez",
    "Nakamura",
    "Brennan",
    "Osei",
    "Dubois",
    "Schmidt",
    "Ferreira",
    "Kaplan",
    "Ivanova",
    "Reyes",
    "Bakker",
    "Mahmoud",
    "Larsen",
    "Costa",
    "Nguyen",
    "Walsh",
    "Adeyemi",
    "Horvat",
    "Suzuki",
    "Khan",
    "Moretti",
    "Silva",
    "Eriksen",
    "Popescu",
    "Castillo",
    "Abiodun",
    "Janssen",
    "Romero",
    "Kruger",
    "Takahashi",
    "Duarte",
    "Wojcik",
    "Farah",
    "Quinn",
    "Mbeki",
    "Andersen",
    "Vargas",
    "Yilmaz"
  };
  private static final String[][] PLACES = {
    {"Valparaiso", "Chile"},
    {"Porto", "Portugal"},
    {"Mombasa", "Kenya"},
    {"Izmir", "Turkey"},
    {"Cebu", "the Philippines"},
    {"Gdansk", "Poland"},
    {"Lyon", "France"},
    {"Osaka", "Japan"},
    {"Recife", "Brazil"},
    {"Durban", "South Africa"},
    {"Naples", "Italy"},
    {"Tbilisi", "Georgia"},
    {"Chennai", "India"},
    {"Surabaya", "Indonesia"},
    {"Halifax", "Canada"},
    {"Cork", "Ireland"},
    {"Bergen", "Norway"},
    {"Tangier", "Morocco"},
    {"Cusco", "Peru"},
    {"Da Nang", "Vietnam"},
    {"Leipzig", "Germany"},
    {"Seville", "Spain"},
    {"Accra", "Ghana"},
    {"Adelaide", "Australia"},
    {"Cluj", "Romania"},
    {"Monterrey", "Mexico"},
    {"Aarhus", "Denmark"},
    {"Kharkiv", "Ukraine"},
    {"Busan", "South Korea"},
    {"Lagos", "Nigeria"}
  };
  private static final String[] AGENCIES = {
    "Associated Press",
    "Reuters",
    "Agence France-Presse",
    "Deutsche Presse-Agentur",
    "EFE",
    "Kyodo News",
    "ANSA",
    "Press Trust of India"
  };
  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  /** What kind of thing happened: its words and the figures it produces. */
  private record Kind(
      String name,
      String count,
      String[] headlines,
      String[] facts,
      String officialRole,
      String body,
      String[] causes) {}

  private static final Kind[] KINDS = {
    new Kind(
        "earthquake",
        "killed",
        new String[] {
          "Magnitude {magnitude} earthquake kills {n1} in {city}",
          "Strong quake strikes {city}, at least {n1} dead",
          "Rescuers search rubble after deadly {city} earthquake",
          "{country} earthquake toll rises to {n1}"
        },
        new String[] {
          "A magnitude {magnitude} earthquake struck near {city} early {day}, killing at least {n1} people and injuring {n2} others, officials said.",
          "The quake, centred {km} kilometres north of the city at a depth of {depth} kilometres, collapsed apartment blocks and cut power to much of the region.",
          "More than {n3} aftershocks were recorded in the hours after the main shock, the strongest of them measuring {after}.",
          "Rescue teams with sniffer dogs worked through the night in the old quarter of {city}, where several hospitals were evacuated."
        },
        "director of the national seismological service",
        "the National Seismological Service",
        new String[] {
          "a fault that has not ruptured in more than a century",
          "stress building along the coastal fault system"
        }),
    new Kind(
        "flood",
        "dead",
        new String[] {
          "Floods swamp {city} after record rain, {n1} dead",
          "Thousands evacuated as rivers burst banks in {country}",
          "{city} floods: death toll climbs to {n1}",
          "Torrential rain leaves {city} under water"
        },
        new String[] {
          "Flash floods tore through {city} on {day}, leaving at least {n1} people dead and forcing {n2} residents from their homes.",
          "Forecasters said {rain} millimetres of rain fell in {hours} hours, more than the city usually receives in two months.",
          "Water rose to the roofs of cars in the lower town, and the main bridge over the river was closed after its supports were damaged.",
          "Army helicopters lifted {n3} people from rooftops, and emergency shelters were opened in {n4} schools."
        },
        "head of the regional civil protection agency",
        "the Civil Protection Agency",
        new String[] {
          "saturated ground after weeks of rain", "drainage channels blocked by debris"
        }),
    new Kind(
        "factory fire",
        "killed",
        new String[] {
          "Fire at {city} chemical plant kills {n1} workers",
          "Blaze rips through factory in {city}",
          "{n1} dead in {country} factory fire, owner detained",
          "Investigators seek cause of deadly {city} plant fire"
        },
        new String[] {
          "A fire swept through a chemical plant on the outskirts of {city} on {day}, killing {n1} workers and injuring {n2}, the fire service said.",
          "Black smoke could be seen {km} kilometres away, and residents of nearby streets were told to keep their windows closed.",
          "Some {n3} firefighters and {n4} engines fought the blaze for more than {hours} hours before bringing it under control.",
          "The plant, which makes solvents and industrial paint, employed about {n5} people across three shifts."
        },
        "chief of the city fire brigade",
        "the Fire and Rescue Service",
        new String[] {"an electrical fault in a storage hall", "a leak from a solvent tank"}),
    new Kind(
        "bus crash",
        "killed",
        new String[] {
          "Bus plunges off mountain road near {city}, {n1} killed",
          "{n1} dead as bus overturns in {country}",
          "Passengers killed in {city} highway crash",
          "Driver detained after deadly bus crash near {city}"
        },
        new String[] {
          "A passenger bus veered off a highway near {city} on {day} and fell into a ravine, killing {n1} people and injuring {n2}, police said.",
          "The bus was carrying {n3} passengers on an overnight route and had left the main terminal about {hours} hours earlier.",
          "Survivors were taken to {n4} hospitals in the area; several were flown to the capital with serious injuries.",
          "The stretch of road, known for sharp bends, had been the scene of at least {n5} serious accidents in the past decade."
        },
        "spokesperson for the highway police",
        "the Highway Police",
        new String[] {
          "brake failure on a steep descent", "the driver losing control in heavy rain"
        }),
    new Kind(
        "strike",
        "workers",
        new String[] {
          "Port workers in {city} walk out over pay",
          "Strike halts {city} port as talks collapse",
          "{n2} dockers strike in {country}, shipping disrupted",
          "{city} port strike enters second day"
        },
        new String[] {
          "About {n2} dock workers walked off the job at the port of {city} on {day}, halting the loading of container ships.",
          "The union is demanding a pay rise of {pct} percent, while port operators have offered {pct2} percent over two years.",
          "At least {n3} vessels were waiting at anchor outside the harbour by the evening, according to port authority data.",
          "Exporters warned that perishable goods worth about {money} million dollars a day could spoil if the walkout continued."
        },
        "general secretary of the dockworkers' union",
        "the Port Authority",
        new String[] {"the rising cost of living", "a dispute over night-shift bonuses"}),
    new Kind(
        "bank robbery",
        "arrested",
        new String[] {
          "Armed men rob bank in central {city}",
          "Police arrest {n1} after {city} bank heist",
          "{city} bank robbers escape with {money} million",
          "Manhunt under way after bank robbery in {city}"
        },
        new String[] {
          "Armed men stormed a bank in central {city} on {day} and escaped with about {money} million in cash, police said.",
          "Police said {n1} suspects had been arrested by the evening and that {n2} people had been questioned.",
          "The robbers held {n3} employees and customers for nearly {hours} hours before fleeing in two cars.",
          "Roadblocks were set up on every exit from the city, and officers searched {n4} addresses overnight."
        },
        "police commissioner",
        "the National Police",
        new String[] {
          "inside information from a former employee", "a weakness in the cash-transport schedule"
        }),
    new Kind(
        "storm",
        "killed",
        new String[] {
          "Storm lashes {city}, {n1} dead",
          "Cyclone makes landfall near {city}",
          "Hundreds of thousands without power after storm hits {country}",
          "{city} counts the cost of violent storm"
        },
        new String[] {
          "A powerful storm hit {city} on {day} with winds of up to {wind} kilometres per hour, killing at least {n1} people.",
          "About {n2} homes lost power, and the airport cancelled {n3} flights as the storm moved along the coast.",
          "Fishing boats were torn from their moorings, and falling trees blocked {n4} roads into the city.",
          "The weather service had issued its highest warning {hours} hours before landfall and urged people to stay indoors."
        },
        "head of the national weather service",
        "the National Weather Service",
        new String[] {"unusually warm sea temperatures", "a slow-moving low-pressure system"}),
    new Kind(
        "cyberattack",
        "affected",
        new String[] {
          "Cyberattack cripples {city} hospital systems",
          "Hackers hit {country} city services",
          "{city} ransomware attack: {n2} patients affected",
          "Services in {city} still down after cyberattack"
        },
        new String[] {
          "A ransomware attack shut down computer systems at hospitals and city offices in {city} on {day}, officials said.",
          "Appointments for about {n2} patients were postponed, and ambulances were diverted to neighbouring towns for {hours} hours.",
          "The attackers demanded a payment of {money} million dollars in cryptocurrency, which the city said it would not pay.",
          "Investigators said {n3} servers had been encrypted and that some patient records may have been copied before the attack."
        },
        "head of the national cybersecurity centre",
        "the National Cybersecurity Centre",
        new String[] {
          "a phishing email opened by a contractor", "an unpatched remote-access server"
        }),
  };

  /** Paragraphs any report may carry; who speaks and which numbers appear vary with the event. */
  private static final String[] GENERIC = {
    "\"We are doing everything we can to help the people affected,\" said {official}, the {role}. \"Our teams have been working without rest since {day} morning.\"",
    "{official}, the {role}, told reporters in {city} that the figures were still provisional. \"The number could change as we reach the outlying districts,\" {officialLast} said.",
    "\"I heard a noise like nothing I have heard before, and then everyone was running,\" said {witness}, a {job} who lives nearby. \"We did not know where to go.\"",
    "{witness}, a {job}, said neighbours had spent hours helping one another. \"People came with blankets, with water, with anything they had,\" {witnessLast} said.",
    "According to {org}, at least {n1} people were {count} and {n2} others were affected by {event}, though local officials gave slightly different figures.",
    "{expert}, a researcher at the University of {city2}, said {event} was most likely caused by {cause}. \"This was not a surprise to those of us who study it,\" {expertLast} said.",
    "The mayor of {city}, {mayor}, declared {days} days of mourning and said the city would cover funeral costs for the victims' families.",
    "\"We will find out what went wrong, and those responsible will answer for it,\" said {mayor}, the mayor of {city}, speaking outside the town hall on {day}.",
    "The government of {country} said it would send {n4} additional personnel to {city} and release emergency funds of {money} million to the region.",
    "Officials in neighbouring {country2} offered assistance, and the foreign minister, {foreign}, said his country stood ready to send specialist teams.",
    "{foreign}, the foreign minister of {country2}, said in a statement that the thoughts of his government were with the people of {city}.",
    "It was the worst such disaster in {city} since {year}, when {old} people died in similar circumstances, according to records kept by {org}.",
    "Local media reported that residents had complained for years about the lack of preparation, a charge {official} rejected on {day}.",
    "\"The response was slow, and people paid for that,\" said {opposition}, an opposition lawmaker who represents the district in parliament.",
    "{opposition}, an opposition member of parliament, called for an independent inquiry and said the government had ignored repeated warnings.",
    "Schools in the area will stay closed until at least {weekday2}, the education department said, and {n4} classrooms are being used as shelters.",
    "Volunteers set up kitchens in the main square of {city}, serving hot meals to about {n5} people on the first night.",
    "Insurance companies estimated the damage at between {money} million and {money2} million, a figure that is expected to rise as assessments continue.",
    "The Red Cross said it had deployed {n3} volunteers and was distributing water, food and hygiene kits in the worst-hit neighbourhoods.",
    "{witness} said the first hours were the hardest. \"Nobody knew who was alive and who was missing, and the phones were not working,\" {witnessLast} said.",
    "Television footage showed crowds gathered behind police lines as emergency workers carried people on stretchers to waiting ambulances.",
    "A spokesperson for {org} said the agency would publish a full report within {days} weeks and urged people not to spread unverified information online.",
    "Shops in the centre of {city} stayed shut on {day}, and public transport ran on a reduced timetable, the transport authority said.",
    "{expert} said the region had seen {old} comparable incidents in the past twenty years and that preparation had improved since {year}.",
    "\"What matters now is that families get answers,\" said {opposition}, who visited the area on {day} and met relatives of the victims.",
    "By late {day}, {official} said crews had reached every district of {city}, though some villages in the hills remained cut off.",
    "The prime minister of {country}, {pm}, travelled to {city} and promised that the state would rebuild what had been lost.",
    "\"We will not leave anyone behind,\" {pm} said after meeting rescue workers. \"Every family will get the help it needs.\"",
    "Economists said the disruption could shave a fraction of a percentage point off the region's growth this quarter.",
    "Hospitals in {city} said they had treated {n2} people, and that {n6} of them remained in intensive care on {day} night.",
  };

  private final Random random;
  private final Instant start;
  private final List<Story> pendingUpdates = new ArrayList<>();
  private int events;

  TemplateNews(long seed) {
    this.random = new Random(seed);
    this.start = Instant.parse("2026-03-02T06:00:00Z").plus(Duration.ofDays(random.nextInt(200)));
  }

  /**
   * {@code count} story versions: events of two to five reports each, in publication order, with
   * some write-thrus.
   */
  List<Story> stories(int count) {
    List<Story> stories = new ArrayList<>();
    while (stories.size() < count) {
      for (Story s : event()) {
        if (stories.size() < count) {
          stories.add(s);
        }
      }
    }
    return stories;
  }

  /**
   * The reports of the next event, each by another agency; one in five is then updated (version 2).
   */
  private List<Story> event() {
    int id = events++;
    Kind kind = KINDS[random.nextInt(KINDS.length)];
    String[] place = PLACES[random.nextInt(PLACES.length)];
    String[] other = PLACES[random.nextInt(PLACES.length)];
    Instant when = start.plus(Duration.ofHours(7L * id + random.nextInt(5)));
    ZonedDateTime time = when.atZone(ZoneOffset.UTC);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("city", place[0]);
    facts.put("country", place[1]);
    facts.put("city2", other[0]);
    facts.put("country2", other[1].equals(place[1]) ? "Austria" : other[1]);
    facts.put("day", time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    facts.put(
        "weekday2", time.plusDays(3).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    facts.put("date", MONTHS[time.getMonthValue() - 1] + " " + time.getDayOfMonth());
    facts.put("official", person());
    facts.put("role", kind.officialRole());
    facts.put("org", kind.body());
    facts.put("witness", person());
    facts.put(
        "job",
        pick(
            new String[] {
              "teacher",
              "taxi driver",
              "shopkeeper",
              "nurse",
              "student",
              "retired engineer",
              "baker",
              "fisherman"
            }));
    facts.put("expert", person());
    facts.put("mayor", person());
    facts.put("foreign", person());
    facts.put("opposition", person());
    facts.put("pm", person());
    facts.put("count", kind.count());
    facts.put("event", "the " + kind.name());
    facts.put("cause", pick(kind.causes()));
    int toll = 3 + random.nextInt(120);
    facts.put("n1", Integer.toString(toll));
    facts.put("n2", Integer.toString(20 + random.nextInt(4_000)));
    facts.put("n3", Integer.toString(10 + random.nextInt(300)));
    facts.put("n4", Integer.toString(5 + random.nextInt(60)));
    facts.put("n5", Integer.toString(100 + random.nextInt(3_000)));
    facts.put("n6", Integer.toString(2 + random.nextInt(30)));
    facts.put("km", Integer.toString(5 + random.nextInt(80)));
    facts.put("depth", Integer.toString(8 + random.nextInt(60)));
    facts.put("hours", Integer.toString(2 + random.nextInt(30)));
    facts.put("days", Integer.toString(2 + random.nextInt(5)));
    facts.put("rain", Integer.toString(90 + random.nextInt(300)));
    facts.put("wind", Integer.toString(110 + random.nextInt(120)));
    facts.put("pct", Integer.toString(8 + random.nextInt(15)));
    facts.put("pct2", Integer.toString(2 + random.nextInt(5)));
    int money = 2 + random.nextInt(400);
    facts.put("money", Integer.toString(money));
    facts.put("money2", Integer.toString(money * 2 + random.nextInt(50)));
    facts.put("magnitude", (5 + random.nextInt(3)) + "." + random.nextInt(10));
    facts.put("after", (4 + random.nextInt(2)) + "." + random.nextInt(10));
    facts.put("year", Integer.toString(1950 + random.nextInt(70)));
    facts.put("old", Integer.toString(4 + random.nextInt(200)));

    int reports = 2 + random.nextInt(4);
    List<String> agencies = new ArrayList<>(List.of(AGENCIES));
    Collections.shuffle(agencies, random);
    List<Story> stories = new ArrayList<>();
    for (int r = 0; r < reports; r++) {
      Map<String, String> told = new LinkedHashMap<>(facts);
      if (r > 0 && random.nextInt(3) == 0) {
        // Another source, another toll: the figures the event snapshot shows as disputed.
        told.put("n1", Integer.toString(toll + 1 + random.nextInt(6)));
      }
      Instant published = when.plus(Duration.ofMinutes(20L * r + random.nextInt(20)));
      String agency = agencies.get(r % agencies.size());
      String uri = "urn:copydesk:bench:" + slug(agency) + ":" + id + "-" + r;
      stories.add(report(id, kind, told, uri, 1, agency, published, published));
      if (random.nextInt(5) == 0) {
        told.put("n1", Integer.toString(Integer.parseInt(told.get("n1")) + 1 + random.nextInt(4)));
        stories.add(
            report(
                id, kind, told, uri, 2, agency, published, published.plus(Duration.ofMinutes(45))));
      }
    }
    stories.sort(java.util.Comparator.comparing(Story::versionCreated));
    return stories;
  }

  /**
   * A report: a lead from the event's facts, then paragraphs until it is between 600 and 900 words
   * long.
   */
  private Story report(
      int event,
      Kind kind,
      Map<String, String> facts,
      String uri,
      int version,
      String agency,
      Instant firstCreated,
      Instant versionCreated) {
    String headline = fill(pick(kind.headlines()), facts);
    List<String> paragraphs = new ArrayList<>();
    List<String> kindFacts = new ArrayList<>(List.of(kind.facts()));
    String lead = kindFacts.remove(0);
    paragraphs.add(fill(lead, facts));
    List<String> pool = new ArrayList<>(kindFacts);
    pool.addAll(List.of(GENERIC));
    Collections.shuffle(pool, random);
    int target = MIN_WORDS + 50 + random.nextInt(MAX_WORDS - MIN_WORDS - 100);
    int words = words(paragraphs.get(0));
    for (String template : pool) {
      if (words >= target) {
        break;
      }
      String paragraph = fill(template, facts);
      int more = words(paragraph);
      if (words + more <= MAX_WORDS) {
        paragraphs.add(paragraph);
        words += more;
      }
    }
    if (version > 1) {
      paragraphs.add(
          1,
          fill(
              "The toll rose to {n1} on {day} evening, {org} said, as rescuers reached areas that had been cut off.",
              facts));
    }
    String body = String.join("\n\n", paragraphs);
    while (words(body) > MAX_WORDS) {
      paragraphs.remove(paragraphs.size() - 1);
      body = String.join("\n\n", paragraphs);
    }
    return new Story(
        uri,
        version,
        event,
        agency,
        headline,
        "By " + person(),
        body,
        firstCreated,
        versionCreated);
  }

  private String person() {
    return pick(FIRST) + " " + pick(LAST);
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  /** Replaces each {slot}; {xLast} is the surname of slot x. */
  private static String fill(String template, Map<String, String> facts) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String value = facts.get(key);
      if (value == null && key.endsWith("Last")) {
        String full = facts.get(key.substring(0, key.length() - 4));
        value = full.substring(full.lastIndexOf(' ') + 1);
      }
      if (value == null) {
        throw new IllegalStateException("template slot without a value: " + key);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    String text = out.toString();
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  static int words(String text) {
    int n = 0;
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String slug(String agency) {
    return agency.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
  }
}
