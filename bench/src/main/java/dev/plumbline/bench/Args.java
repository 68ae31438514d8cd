package dev.plumbline.bench;

/** The few command-line argument checks the generator and the runner share. */
final class Args {

  private Args() {}

  static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  static int integer(String[] args, int index, String option) {
    String text = value(args, index, option);
    try {
      return Integer.parseInt(text.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a whole number; was '" + text + "'");
    }
  }
}
