package dev.plumbline.core.model.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The set algebra NSG evaluation cuts traffic with: checked against membership of single packets
 * (protocol, source address, port) over small random sets, so any box layout must give the same set.
 */
class TrafficSetTest {

  /** Addresses 10.0.0.0 to 10.0.0.39 and ports 0 to 39 keep the random boxes overlapping often. */
  private static final long BASE = Ipv4Range.cidr("10.0.0.0/32").first();
  private static final int SPAN = 40;
  private static final List<TransportProtocol> PROTOCOLS = List.of(TransportProtocol.TCP, TransportProtocol.UDP);

  private final Random random = new Random(8);

  @RepeatedTest(200)
  void intersectMinusUnionAndContainsAllAgreeWithTheirPackets() {
    TrafficSet a = randomSet();
    TrafficSet b = randomSet();
    TrafficSet both = a.intersect(b);
    TrafficSet onlyA = a.minus(b);
    TrafficSet either = a.union(b);
    boolean allOfBInA = true;
    for (TransportProtocol protocol : PROTOCOLS) {
      for (long address = BASE; address < BASE + SPAN; address++) {
        for (int port = 0; port < SPAN; port++) {
          boolean inA = holds(a, protocol, address, port);
          boolean inB = holds(b, protocol, address, port);
          assertThat(holds(both, protocol, address, port)).isEqualTo(inA && inB);
          assertThat(holds(onlyA, protocol, address, port)).isEqualTo(inA && !inB);
          assertThat(holds(either, protocol, address, port)).isEqualTo(inA || inB);
          allOfBInA &= !inB || inA;
        }
      }
    }
    assertThat(a.containsAll(b)).isEqualTo(allOfBInA);
    assertThat(a.containsAll(both)).isTrue();
    for (TrafficSet result : List.of(both, onlyA, either)) {
      assertNoOverlap(result);
    }
  }

  @Test
  void emptySetsCutNothingAndAreCutToNothing() {
    TrafficSet some = TrafficSet.from(AddressSet.of(Ipv4Range.cidr("10.0.0.0/24")));
    assertThat(some.minus(TrafficSet.EMPTY)).isEqualTo(some);
    assertThat(TrafficSet.EMPTY.minus(some).isEmpty()).isTrue();
    assertThat(some.intersect(TrafficSet.EMPTY).isEmpty()).isTrue();
    assertThat(some.union(TrafficSet.EMPTY)).isEqualTo(some);
    assertThat(some.minus(some).isEmpty()).isTrue();
  }

  @Test
  void addressSetsIntersectAndSubtractRangeByRange() {
    AddressSet a = AddressSet.of(List.of(Ipv4Range.cidr("10.0.0.0/24"), Ipv4Range.cidr("10.0.2.0/24"), Ipv4Range.cidr("10.0.4.0/24")));
    AddressSet b = AddressSet.of(List.of(Ipv4Range.cidr("10.0.0.128/25"), Ipv4Range.cidr("10.0.1.0/24"), Ipv4Range.cidr("10.0.4.0/23")));
    assertThat(a.intersect(b).toString()).isEqualTo("10.0.0.128/25, 10.0.4.0/24");
    assertThat(a.minus(b).toString()).isEqualTo("10.0.0.0/25, 10.0.2.0/24");
    assertThat(b.minus(a).toString()).isEqualTo("10.0.1.0/24, 10.0.5.0/24");
  }

  private TrafficSet randomSet() {
    List<TrafficBox> boxes = new ArrayList<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      long first = BASE + random.nextInt(SPAN);
      long last = Math.min(BASE + SPAN - 1, first + random.nextInt(15));
      int port = random.nextInt(SPAN);
      int lastPort = Math.min(SPAN - 1, port + random.nextInt(15));
      TrafficSet box = new TrafficSet(List.of(new TrafficBox(new Ipv4Range(first, last), new PortRange(port, lastPort),
          PROTOCOLS.get(random.nextInt(PROTOCOLS.size())))));
      // Built through union, as NSG evaluation builds sets, so the boxes never overlap.
      boxes = new ArrayList<>(new TrafficSet(boxes).union(box).boxes());
    }
    return new TrafficSet(boxes);
  }

  private static boolean holds(TrafficSet set, TransportProtocol protocol, long address, int port) {
    return set.boxes().stream().anyMatch(box -> box.protocol() == protocol && box.sources().contains(address)
        && box.ports().contains(port));
  }

  private static void assertNoOverlap(TrafficSet set) {
    List<TrafficBox> boxes = set.boxes();
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        assertThat(boxes.get(i).intersect(boxes.get(j))).as("%s and %s overlap", boxes.get(i), boxes.get(j)).isEmpty();
      }
    }
  }
}
