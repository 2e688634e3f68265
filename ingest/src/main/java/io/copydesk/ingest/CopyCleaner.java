package io.copydesk.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes page furniture from a story's paragraphs without touching article text. Each rule is
 * about the shape of furniture, not about particular stories:
 *
 * <ul>
 *   <li>dash pseudo-tags ({@code <endash>}) as dashes;
 *   <li>image markup (Markdown images, leftover tags, bare image URLs) and photo credit lines;
 *   <li>end-of-copy markers ({eoa}, -30-, ###, END) and separator rules (___, ***);
 *   <li>agency credit lines ("… contributed to this report", "Reporting by …; Editing by …");
 *   <li>a byline paragraph ("By …") at the top, moved to the byline;
 *   <li>title or caption lines repeated as paragraphs (the headline again, or a short line twice);
 *   <li>social and navigation lines ("Share:", "Load More") wherever they stand;
 *   <li>a related-story tail: a navigation marker after the article ("More In Politics", "Related
 *       stories") followed by a run of teasers, which are short title-like lines with blurbs.
 * </ul>
 */
public final class CopyCleaner {
  private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
  private static final Pattern HTML_TAG =
      Pattern.compile(
          "</?(?:img|figure|figcaption|picture|source|br|span|div)\\b[^>]*>",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE_IMAGE_URL =
      Pattern.compile("^\\S+\\.(?:png|jpe?g|gif|webp|svg)(?:\\?\\S*)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern PHOTO_CREDIT =
      Pattern.compile(
          "^(?:\\(?(?:AP|AFP|Reuters|Getty Images|EPA|Xinhua|AAP)(?: Photo)?/[^)]*\\)?|(?:File )?(?:Photo|Image|Picture)s?(?: by| credit)?:.*)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern END_MARKER =
      Pattern.compile("\\s*(?:\\{eo[amt]\\}|\\[eo[amt]]|-30-|###|\\(END\\)|ENDS?)\\s*$");
  private static final Pattern SEPARATOR = Pattern.compile("^[\\s_*=~\\-–—•·]{3,}$");
  private static final Pattern CREDIT =
      Pattern.compile(
          "^\\(?(?:(?:[\\p{L}.' ]+ )?(?:writers?|correspondents?|reporters?|staff) .*contributed(?: to)?(?: this| the)? (?:report|story)"
              + "|(?:additional )?reporting by .+|(?:writing|editing|compiled|edited) by .+)\\.?\\)?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BYLINE = Pattern.compile("^By\\s+(\\p{Lu}[^.!?]{1,80})$");
  private static final Pattern SOCIAL =
      Pattern.compile(
          "^(?:share(?: this(?: article| story)?)?(?: on \\w+)?|tweet|email|print|comments?|load more|show more|read more|"
              + "advertisement|subscribe(?: now)?|sign up(?: for .{0,40})?|follow us(?: on .{0,30})?|click here .{0,40}|skip to (?:main )?content)\\s*:?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TAIL_MARKER =
      Pattern.compile(
          "^(?:more (?:in|from|on) .{1,40}|related(?: stories| articles| coverage| news| content)?|recommended(?: for you)?|"
              + "you (?:may|might) also like|most (?:read|popular|viewed)|trending(?: now)?|popular stories|latest (?:news|stories)|"
              + "top stories|more stories|further reading|see also|read next|what to read next)\\s*:?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Typographic characters some agencies send as pseudo-tags, escaped in a text body: {@code
   * <endash>}, {@code <emdash/>}.
   */
  private static final Pattern DASH_TAG =
      Pattern.compile("<(en|em|n|m)dash\\s*/?>", Pattern.CASE_INSENSITIVE);

  /** Short lines without sentence-final punctuation: headlines, captions, teaser titles. */
  private static final int TITLE_MAX_WORDS = 14;

  /** A tail is teasers when at least this share of its paragraphs are title-like. */
  private static final double TEASER_TITLE_SHARE = 0.3;

  /** A navigation marker ends the article only after this many paragraphs of it. */
  private static final int MIN_ARTICLE_PARAGRAPHS = 3;

  /** The cleaned text of a story. */
  public record Cleaned(String headline, String byline, String body) {}

  public Cleaned clean(String headline, String byline, String body) {
    List<String> paragraphs = new ArrayList<>();
    for (String p : body.split("\\n\\s*\\n")) {
      String t = scrub(p);
      if (!t.isEmpty()) {
        paragraphs.add(t);
      }
    }
    if (byline == null && !paragraphs.isEmpty()) {
      Matcher m = BYLINE.matcher(paragraphs.get(0));
      if (m.matches()) {
        byline = m.group(1).strip();
        paragraphs.remove(0);
      }
    }
    paragraphs = cutRelatedTail(paragraphs);
    paragraphs = dropRepeatedTitles(headline, paragraphs);
    paragraphs.removeIf(
        p ->
            SOCIAL.matcher(p).matches()
                || TAIL_MARKER.matcher(p).matches()
                || PHOTO_CREDIT.matcher(p).matches()
                || SEPARATOR.matcher(p).matches()
                || CREDIT.matcher(p).matches()
                || BARE_IMAGE_URL.matcher(p).matches());
    return new Cleaned(
        headline == null ? null : scrub(headline), byline, String.join("\n\n", paragraphs));
  }

  /** Inline furniture: image markup and end-of-copy markers; white space folded. */
  private static String scrub(String paragraph) {
    String t = MARKDOWN_IMAGE.matcher(typography(paragraph)).replaceAll(" ");
    t = HTML_TAG.matcher(t).replaceAll(" ");
    t = END_MARKER.matcher(t).replaceAll("");
    return t.replaceAll("[ \\t\\x0B\\f\\r\\n]+", " ").strip();
  }

  /** Dash pseudo-tags as the dashes they stand for. */
  static String typography(String text) {
    return DASH_TAG
        .matcher(text)
        .replaceAll(m -> m.group(1).toLowerCase(Locale.ROOT).endsWith("n") ? "–" : "—");
  }

  /** Everything from a navigation marker on, when what follows it is a run of teasers. */
  private static List<String> cutRelatedTail(List<String> paragraphs) {
    for (int i = MIN_ARTICLE_PARAGRAPHS; i < paragraphs.size(); i++) {
      String p = paragraphs.get(i);
      if (!TAIL_MARKER.matcher(p).matches() && !SOCIAL.matcher(p).matches()) {
        continue;
      }
      List<String> tail = paragraphs.subList(i + 1, paragraphs.size());
      if (tail.isEmpty() || looksLikeTeasers(tail)) {
        return new ArrayList<>(paragraphs.subList(0, i));
      }
    }
    return paragraphs;
  }

  private static boolean looksLikeTeasers(List<String> tail) {
    long titles = tail.stream().filter(CopyCleaner::isTitleLike).count();
    boolean endsInNavigation = SOCIAL.matcher(tail.get(tail.size() - 1)).matches();
    return endsInNavigation || titles >= Math.max(1, TEASER_TITLE_SHARE * tail.size());
  }

  /**
   * The headline repeated in the body, and short title-like lines that occur more than once
   * (captions).
   */
  private static List<String> dropRepeatedTitles(String headline, List<String> paragraphs) {
    Map<String, Integer> counts = new HashMap<>();
    for (String p : paragraphs) {
      if (isTitleLike(p)) {
        counts.merge(key(p), 1, Integer::sum);
      }
    }
    String headlineKey = headline == null ? null : key(headline);
    List<String> kept = new ArrayList<>();
    for (String p : paragraphs) {
      String k = key(p);
      boolean repeatedTitle = isTitleLike(p) && counts.getOrDefault(k, 0) > 1;
      if (!repeatedTitle && !k.equals(headlineKey)) {
        kept.add(p);
      }
    }
    return kept;
  }

  static boolean isTitleLike(String p) {
    String t = p.strip();
    if (t.isEmpty()) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    return t.split("\\s+").length <= TITLE_MAX_WORDS && ".!?\"”’'…:".indexOf(last) < 0;
  }

  private static String key(String p) {
    return p.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
