package dev.lrcp.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the labelled pairs the semantic cache's threshold is chosen on ({@code
 * src/test/resources/cache/semantic-pairs.jsonl}): 14 hand-written intents, each with three or four
 * phrasings and a slot (a name, a common noun or a number). A paraphrase pair is two phrasings of
 * one intent with the same slot value: the cache should answer it. A near-miss pair is one phrasing
 * with two slot values: the same template, a different question, which the cache must not answer.
 * Seeded, so the file is reproducible: {@code java
 * src/test/java/dev/lrcp/cache/SemanticPairs.java}.
 */
public final class SemanticPairs {

  record Intent(String name, String slot, List<String> phrasings, List<String> values) {}

  static final List<Intent> INTENTS =
      List.of(
          new Intent(
              "capital",
              "name",
              List.of(
                  "What is the capital of %s?",
                  "Which city is the capital of %s?",
                  "Name the capital city of %s.",
                  "Tell me what the capital of %s is."),
              List.of(
                  "France",
                  "Germany",
                  "Spain",
                  "Italy",
                  "Portugal",
                  "Canada",
                  "Australia",
                  "Japan",
                  "Brazil",
                  "Kenya",
                  "Norway",
                  "Peru")),
          new Intent(
              "population",
              "name",
              List.of(
                  "What is the population of %s?",
                  "How many people live in %s?", "How large is the population of %s?"),
              List.of(
                  "Paris", "Berlin", "Madrid", "Tokyo", "Lagos", "Toronto", "Sydney", "Lima",
                  "Oslo", "Nairobi")),
          new Intent(
              "percent",
              "number",
              List.of(
                  "What is %s% of 240?", "Calculate %s percent of 240.", "How much is %s% of 240?"),
              List.of("5", "10", "12", "15", "20", "25", "30", "40", "45", "60")),
          new Intent(
              "kilometres",
              "number",
              List.of(
                  "Convert %s km to miles.",
                  "How many miles are %s kilometers?", "What is %s kilometers in miles?"),
              List.of("3", "5", "8", "10", "21", "42", "50", "100", "160", "250")),
          new Intent(
              "author",
              "name",
              List.of("Who wrote %s?", "Who is the author of %s?", "Which writer wrote %s?"),
              List.of(
                  "Moby Dick",
                  "Hamlet",
                  "Dracula",
                  "Frankenstein",
                  "Ulysses",
                  "Emma",
                  "Middlemarch",
                  "Beloved",
                  "Persuasion",
                  "Rebecca")),
          new Intent(
              "boil",
              "noun",
              List.of(
                  "How long should I boil %s?",
                  "How many minutes does it take to boil %s?", "What is the boiling time for %s?"),
              List.of(
                  "eggs",
                  "potatoes",
                  "rice",
                  "pasta",
                  "broccoli",
                  "carrots",
                  "quinoa",
                  "lentils",
                  "corn",
                  "beets")),
          new Intent(
              "timezone",
              "name",
              List.of(
                  "What time zone is %s in?",
                  "Which time zone does %s use?", "In what time zone is %s?"),
              List.of(
                  "Chicago",
                  "Denver",
                  "Phoenix",
                  "London",
                  "Dublin",
                  "Athens",
                  "Moscow",
                  "Dubai",
                  "Manila",
                  "Auckland")),
          new Intent(
              "year",
              "name",
              List.of(
                  "In what year did %s end?",
                  "When did %s end?", "Which year marked the end of %s?"),
              List.of(
                  "World War I",
                  "World War II",
                  "the Korean War",
                  "the Cold War",
                  "the Vietnam War",
                  "the Crimean War",
                  "the Boer War",
                  "the Gulf War")),
          new Intent(
              "password",
              "name",
              List.of(
                  "How do I reset my %s password?",
                  "What are the steps to reset a forgotten %s password?",
                  "How can I recover my %s password?"),
              List.of(
                  "Gmail",
                  "Slack",
                  "GitHub",
                  "Netflix",
                  "Dropbox",
                  "Spotify",
                  "Zoom",
                  "Outlook",
                  "Instagram",
                  "Discord")),
          new Intent(
              "sideeffects",
              "noun",
              List.of(
                  "What are the side effects of %s?",
                  "Which side effects does %s have?", "List the common side effects of %s."),
              List.of(
                  "ibuprofen",
                  "aspirin",
                  "paracetamol",
                  "metformin",
                  "amoxicillin",
                  "omeprazole",
                  "cetirizine",
                  "atorvastatin",
                  "prednisone",
                  "melatonin")),
          new Intent(
              "calories",
              "noun",
              List.of(
                  "How many calories are in a %s?",
                  "What is the calorie count of a %s?",
                  "How much energy in calories does a %s have?"),
              List.of(
                  "banana",
                  "apple",
                  "bagel",
                  "croissant",
                  "donut",
                  "orange",
                  "mango",
                  "avocado",
                  "muffin",
                  "pear")),
          new Intent(
              "sqrt",
              "number",
              List.of(
                  "What is the square root of %s?",
                  "Calculate the square root of %s.", "Find the square root of %s."),
              List.of("16", "25", "49", "64", "81", "144", "169", "225", "400", "625")),
          new Intent(
              "interest",
              "number",
              List.of(
                  "What is the monthly payment on a %s dollar loan at 5% over 10 years?",
                  "Calculate the monthly payment for a loan of %s dollars at 5% for 10 years.",
                  "How much would I pay each month on %s dollars borrowed at 5% over 10 years?"),
              List.of("5000", "10000", "15000", "20000", "25000", "50000", "75000", "100000")),
          new Intent(
              "translate",
              "noun",
              List.of(
                  "How do you say %s in Spanish?",
                  "What is the Spanish word for %s?", "Translate the word %s into Spanish."),
              List.of(
                  "house",
                  "dog",
                  "window",
                  "bread",
                  "river",
                  "mountain",
                  "friend",
                  "school",
                  "table",
                  "kitchen")));

  private SemanticPairs() {}

  public static void main(String[] args) throws IOException {
    var random = new SplittableRandom(20261207L);
    var lines = new ArrayList<String>();
    int perIntent = 18;
    for (Intent intent : INTENTS) {
      for (int i = 0; i < perIntent; i++) {
        String value = pick(intent.values(), random);
        int p = random.nextInt(intent.phrasings().size());
        int q = (p + 1 + random.nextInt(intent.phrasings().size() - 1)) % intent.phrasings().size();
        lines.add(line(intent, "paraphrase", fill(intent, p, value), fill(intent, q, value)));
        String other = value;
        while (other.equals(value)) {
          other = pick(intent.values(), random);
        }
        lines.add(line(intent, "near_miss", fill(intent, p, value), fill(intent, p, other)));
      }
    }
    Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/cache/semantic-pairs.jsonl");
    Files.write(out, lines);
    System.out.println(lines.size() + " pairs written to " + out);
  }

  private static String fill(Intent intent, int phrasing, String value) {
    return intent.phrasings().get(phrasing).replace("%s%", value + "%").replace("%s", value);
  }

  private static String pick(List<String> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }

  private static String line(Intent intent, String label, String a, String b) {
    return "{\"intent\":\""
        + intent.name()
        + "\",\"slot\":\""
        + intent.slot()
        + "\",\"label\":\""
        + label
        + "\",\"a\":\""
        + a
        + "\",\"b\":\""
        + b
        + "\"}";
  }
}
