package dev.plumbline.core.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an input file the user named, saying in one line why it could not be read. */
public final class InputFiles {

  private InputFiles() {}

  /** The file's bytes; a missing or unreadable file is an InputException naming it. */
  public static byte[] readAllBytes(Path file) throws InputException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), 0, 0, "no such file");
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, 0, "cannot be read: " + e.getMessage(), e);
    }
  }
}
