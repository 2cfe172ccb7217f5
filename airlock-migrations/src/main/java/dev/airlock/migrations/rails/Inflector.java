package dev.airlock.migrations.rails;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of ActiveSupport's English inflections that table and column names need: a model's
 * table ({@code OrderItem} -> {@code order_items}), a foreign key column ({@code branches} ->
 * {@code branch_id}). Irregular words and the common suffix rules of ActiveSupport's default
 * inflections; an application's custom inflections are not known.
 */
final class Inflector {
  private static final Map<String, String> IRREGULAR =
      Map.of("person", "people", "man", "men", "child", "children", "sex", "sexes", "move", "moves", "zombie", "zombies");
  private static final List<String> UNCOUNTABLE =
      List.of("equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "jeans", "police");

  private static final List<Rule> PLURALS =
      rules(
          new String[] {"(quiz)$", "$1zes"},
          new String[] {"^(oxen)$", "$1"},
          new String[] {"^(ox)$", "$1en"},
          new String[] {"(matr|vert|ind)(?:ix|ex)$", "$1ices"},
          new String[] {"(x|ch|ss|sh)$", "$1es"},
          new String[] {"([^aeiouy]|qu)y$", "$1ies"},
          new String[] {"(hive)$", "$1s"},
          new String[] {"(?:([^f])fe|([lr])f)$", "$1$2ves"},
          new String[] {"sis$", "ses"},
          new String[] {"([ti])a$", "$1a"},
          new String[] {"([ti])um$", "$1a"},
          new String[] {"(buffal|tomat)o$", "$1oes"},
          new String[] {"(bu)s$", "$1ses"},
          new String[] {"(alias|status)$", "$1es"},
          new String[] {"(octop|vir)(?:us|i)$", "$1i"},
          new String[] {"^(ax|test)is$", "$1es"},
          new String[] {"s$", "s"},
          new String[] {"$", "s"});

  private static final List<Rule> SINGULARS =
      rules(
          new String[] {"(database)s$", "$1"},
          new String[] {"(quiz)zes$", "$1"},
          new String[] {"(matr)ices$", "$1ix"},
          new String[] {"(vert|ind)ices$", "$1ex"},
          new String[] {"^(ox)en", "$1"},
          new String[] {"(alias|status)(es)?$", "$1"},
          new String[] {"(octop|vir)(us|i)$", "$1us"},
          new String[] {"^(a)x[ie]s$", "$1xis"},
          new String[] {"(cris|test)(is|es)$", "$1is"},
          new String[] {"(shoe)s$", "$1"},
          new String[] {"(o)es$", "$1"},
          new String[] {"(bus)(es)?$", "$1"},
          new String[] {"(m|l)ice$", "$1ouse"},
          new String[] {"(x|ch|ss|sh)es$", "$1"},
          new String[] {"(m)ovies$", "$1ovie"},
          new String[] {"(s)eries$", "$1eries"},
          new String[] {"([^aeiouy]|qu)ies$", "$1y"},
          new String[] {"([lr])ves$", "$1f"},
          new String[] {"(tive)s$", "$1"},
          new String[] {"(hive)s$", "$1"},
          new String[] {"([^f])ves$", "$1fe"},
          new String[] {"(^analy)(sis|ses)$", "$1sis"},
          new String[] {"([ti])a$", "$1um"},
          new String[] {"(n)ews$", "$1ews"},
          new String[] {"(ss)$", "$1"},
          new String[] {"s$", ""});

  private record Rule(Pattern pattern, String replacement) {}

  private static List<Rule> rules(String[]... pairs) {
    return java.util.Arrays.stream(pairs).map(p -> new Rule(Pattern.compile(p[0]), p[1])).toList();
  }

  private Inflector() {}

  static String pluralize(String word) {
    return inflect(word, PLURALS, true);
  }

  static String singularize(String word) {
    return inflect(word, SINGULARS, false);
  }

  private static String inflect(String word, List<Rule> rules, boolean plural) {
    String lower = word.toLowerCase(Locale.ROOT);
    int cut = lower.lastIndexOf('_') + 1;
    String head = word.substring(0, cut);
    String last = lower.substring(cut);
    if (UNCOUNTABLE.contains(last)) {
      return word;
    }
    for (Map.Entry<String, String> e : IRREGULAR.entrySet()) {
      String from = plural ? e.getKey() : e.getValue();
      String to = plural ? e.getValue() : e.getKey();
      if (last.equals(from)) {
        return head + to;
      }
    }
    for (Rule rule : rules) {
      Matcher m = rule.pattern().matcher(last);
      if (m.find()) {
        return head + m.replaceFirst(rule.replacement()); // a group that did not take part adds nothing
      }
    }
    return word;
  }

  /** {@code OrderItem} -> {@code order_item}; {@code Shop::Order} -> {@code shop/order}. */
  static String underscore(String camel) {
    String s = camel.replace("::", "/");
    s = s.replaceAll("([A-Z\\d]+)([A-Z][a-z])", "$1_$2");
    s = s.replaceAll("([a-z\\d])([A-Z])", "$1_$2");
    return s.replace('-', '_').toLowerCase(Locale.ROOT);
  }

  /**
   * The table of a model class as ActiveRecord derives it: the last segment of the class name,
   * underscored and pluralised ({@code Billing::InvoiceLine} -> {@code invoice_lines}; a module
   * namespace adds no prefix unless it defines {@code table_name_prefix}).
   */
  static String tableize(String className) {
    String last = className.substring(className.lastIndexOf(':') + 1);
    return pluralize(underscore(last));
  }
}
