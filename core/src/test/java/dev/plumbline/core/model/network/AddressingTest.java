package dev.plumbline.core.model.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses, ports, protocols and traffic sets: the values NSG evaluation is built from. */
class AddressingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "10.20.0.0/24, 10.20.0.0/24",
      "10.20.0.7/24, 10.20.0.0/24",
      "10.20.1.4, 10.20.1.4",
      "10.20.1.4/32, 10.20.1.4",
      "0.0.0.0/0, 0.0.0.0/0",
      "' 192.168.0.0/16 ', 192.168.0.0/16"})
  void readsAddressesAndCidrBlocks(String text, String shown) {
    assertThat(Ipv4Range.parse(text)).map(Ipv4Range::toString).contains(shown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Internet", "*", "::/0", "2001:db8::/32", "10.0.0.0/33", "10.0.0/8", "256.1.1.1", "10.0.0.0/", "1.2.3.4/x"})
  void rejectsWhatIsNotAnIpv4AddressOrBlock(String text) {
    assertThat(Ipv4Range.parse(text)).isEmpty();
  }

  @Test
  void rangesKnowWhatTheyHold() {
    Ipv4Range block = Ipv4Range.cidr("10.20.1.0/24");
    assertThat(block.size()).isEqualTo(256);
    assertThat(block.contains(Ipv4Range.parseAddress("10.20.1.255").orElseThrow())).isTrue();
    assertThat(block.contains(Ipv4Range.parseAddress("10.20.2.0").orElseThrow())).isFalse();
    assertThat(Ipv4Range.ALL.contains(block)).isTrue();
    assertThat(new Ipv4Range(5, 9).toString()).isEqualTo("0.0.0.5-0.0.0.9");
  }

  @Test
  void addressSetsMergeCutAndCompare() {
    AddressSet a = AddressSet.of(List.of(Ipv4Range.cidr("10.0.0.0/25"), Ipv4Range.cidr("10.0.0.128/25")));
    assertThat(a.ranges()).containsExactly(Ipv4Range.cidr("10.0.0.0/24"));
    AddressSet cut = a.minus(AddressSet.of(Ipv4Range.cidr("10.0.0.64/26")));
    assertThat(cut).hasToString("10.0.0.0/26, 10.0.0.128/25");
    assertThat(cut.intersect(AddressSet.of(Ipv4Range.cidr("10.0.0.0/25")))).hasToString("10.0.0.0/26");
    assertThat(a.containsAll(cut)).isTrue();
    assertThat(cut.containsAll(a)).isFalse();
    assertThat(AddressSet.ALL.minus(AddressSet.ALL).isEmpty()).isTrue();
  }

  @Test
  void thePublicInternetLeavesOutPrivateAndPlatformAddresses() {
    AddressSet internet = AddressSet.ALL.minus(AddressSet.NOT_PUBLIC);
    assertThat(internet.contains(Ipv4Range.parseAddress("203.0.113.9").orElseThrow())).isTrue();
    assertThat(internet.contains(Ipv4Range.parseAddress("20.96.14.7").orElseThrow())).isTrue();
    assertThat(internet.contains(Ipv4Range.parseAddress("10.20.0.4").orElseThrow())).isFalse();
    assertThat(internet.contains(Ipv4Range.parseAddress("172.31.0.1").orElseThrow())).isFalse();
    assertThat(internet.contains(Ipv4Range.parseAddress("168.63.129.16").orElseThrow())).isFalse();
  }

  @Test
  void readsPortFieldsInEveryForm() {
    assertThat(PortRange.parseAll(List.of("*"))).contains(List.of(PortRange.ALL));
    assertThat(PortRange.parseAll(List.of("0-65535"))).contains(List.of(PortRange.ALL));
    assertThat(PortRange.parseAll(List.of("22"))).contains(List.of(PortRange.single(22)));
    assertThat(PortRange.parseAll(List.of("443", "80", "81-90"))).contains(List.of(new PortRange(80, 90), PortRange.single(443)));
    assertThat(PortRange.parseAll(List.of("80,443"))).contains(List.of(PortRange.single(80), PortRange.single(443)));
    assertThat(PortRange.parseAll(List.of("10000-10005"))).contains(List.of(new PortRange(10000, 10005)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ssh", "70000", "5-1", "", "1-", "-5"})
  void rejectsUnreadablePorts(String text) {
    assertThat(PortRange.parseAll(List.of(text))).isEmpty();
  }

  @Test
  void nothingToReadIsNotAPortList() {
    assertThat(PortRange.parseAll(List.of())).isEmpty();
  }

  @Test
  void readsProtocols() {
    assertThat(TransportProtocol.parse("*")).contains(EnumSet.allOf(TransportProtocol.class));
    assertThat(TransportProtocol.parse("Any")).contains(EnumSet.allOf(TransportProtocol.class));
    assertThat(TransportProtocol.parse("Tcp")).contains(EnumSet.of(TransportProtocol.TCP));
    assertThat(TransportProtocol.parse("Icmp")).contains(EnumSet.of(TransportProtocol.ICMP));
    assertThat(TransportProtocol.parse("Gre")).isEqualTo(Optional.empty());
  }

  @Test
  void trafficSetsCutAndDescribeThemselves() {
    TrafficSet everything = TrafficSet.from(AddressSet.ALL);
    TrafficSet ssh = TrafficSet.of(AddressSet.ALL, List.of(PortRange.single(22)), List.of(TransportProtocol.TCP));
    TrafficSet rest = everything.minus(ssh);
    assertThat(rest.containsAll(ssh)).isFalse();
    assertThat(rest.union(ssh).containsAll(everything)).isTrue();
    assertThat(rest.intersect(ssh).isEmpty()).isTrue();
    assertThat(ssh.describePorts()).isEqualTo("TCP 22");
    assertThat(rest.describePorts()).isEqualTo("TCP 0-21, 23-65535; UDP/ICMP/ESP/AH any port");
    TrafficSet web = TrafficSet.of(AddressSet.ALL, List.of(PortRange.single(443), PortRange.single(80)),
        List.of(TransportProtocol.TCP, TransportProtocol.UDP));
    assertThat(web.describePorts()).isEqualTo("TCP/UDP 80, 443");
    assertThat(TrafficSet.EMPTY.describePorts()).isEqualTo("nothing");
  }
}
