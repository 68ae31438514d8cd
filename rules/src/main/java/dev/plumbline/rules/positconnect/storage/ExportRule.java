package dev.plumbline.rules.positconnect.storage;

import dev.plumbline.core.model.network.Ipv4Range;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.storage.NetAppVolume;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One rule of a NetApp volume's export policy: the clients it names and the access it grants.
 *
 * @param index {@code ruleIndex}, or the rule's position when the index is absent
 * @param path where the rule sits in the volume's JSON, e.g. {@code properties.exportPolicy.rules[0]}
 * @param clients the entries of {@code allowedClients}
 * @param readWrite {@code unixReadWrite}, empty when absent
 */
public record ExportRule(long index, String path, List<Client> clients, Optional<Boolean> readWrite) {

  public static final String RULES = "properties.exportPolicy.rules";

  /** Whether a rule's clients take in an address: surely, surely not, or only if a host name resolves to it. */
  public enum Match { YES, NO, MAYBE }

  /** The kinds of {@code allowedClients} entry. */
  public enum ClientKind {
    /** Everyone: {@code 0.0.0.0/0}, {@code 0.0.0.0}, {@code *}, {@code ::/0}. */
    EVERYONE,
    IPV4,
    /** An IPv6 address or block, which no IPv4 client matches. */
    IPV6,
    /** A host name, which only DNS could turn into addresses. */
    HOST_NAME
  }

  /** One entry of {@code allowedClients}, with its IPv4 block when it is one. */
  public record Client(String text, ClientKind kind, Optional<Ipv4Range> block) {

    static Client parse(String text) {
      String value = text.trim().toLowerCase(Locale.ROOT);
      if (value.equals("*") || value.equals("0.0.0.0") || value.equals("0.0.0.0/0") || value.equals("::/0")) {
        return new Client(text.trim(), ClientKind.EVERYONE, Optional.empty());
      }
      Optional<Ipv4Range> block = Ipv4Range.parse(value);
      if (block.isPresent()) {
        return new Client(text.trim(), ClientKind.IPV4, block);
      }
      return new Client(text.trim(), value.contains(":") ? ClientKind.IPV6 : ClientKind.HOST_NAME, Optional.empty());
    }
  }

  /**
   * The volume's export rules in the order Azure applies them (by {@code ruleIndex}: the first rule
   * whose clients match an address decides); empty when the volume states no export policy.
   */
  public static Optional<List<ExportRule>> of(NetAppVolume volume) {
    JsonNode rules = volume.get(RULES);
    if (!rules.isArray()) {
      return Optional.empty();
    }
    List<ExportRule> result = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      List<Client> clients = new ArrayList<>();
      for (String entry : rule.path("allowedClients").asText("").split(",")) {
        if (!entry.isBlank()) {
          clients.add(Client.parse(entry));
        }
      }
      JsonNode readWrite = rule.path("unixReadWrite");
      long index = rule.path("ruleIndex").canConvertToLong() ? rule.path("ruleIndex").asLong() : i + 1;
      result.add(new ExportRule(index, RULES + "[" + i + "]", List.copyOf(clients),
          readWrite.isBoolean() ? Optional.of(readWrite.asBoolean()) : Optional.empty()));
    }
    result.sort(Comparator.comparingLong(ExportRule::index));
    return Optional.of(List.copyOf(result));
  }

  /** Whether this rule's clients take in {@code address}. */
  public Match admits(long address) {
    boolean maybe = false;
    for (Client client : clients) {
      switch (client.kind()) {
        case EVERYONE -> {
          return Match.YES;
        }
        case IPV4 -> {
          if (client.block().orElseThrow().contains(address)) {
            return Match.YES;
          }
        }
        case HOST_NAME -> maybe = true;
        case IPV6 -> { }
      }
    }
    return maybe ? Match.MAYBE : Match.NO;
  }

  /** {@code allowedClients} as written, for messages. */
  public String allowedClients() {
    return String.join(",", clients.stream().map(Client::text).toList());
  }
}
