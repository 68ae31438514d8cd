package dev.plumbline.core.rule;

/**
 * What a finding rests on: the property that was read, what the rule expected there and what was
 * found. {@code actual} is null when the property is absent.
 *
 * @param path the property path, e.g. {@code properties.version}
 */
public record Evidence(String path, String expected, String actual) {

  /** Evidence for a property that is absent. */
  public static Evidence absent(String path, String expected) {
    return new Evidence(path, expected, null);
  }
}
