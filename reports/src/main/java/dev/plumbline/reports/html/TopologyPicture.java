package dev.plumbline.reports.html;

import dev.plumbline.core.engine.ResourceSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The topology as an SVG picture, laid out by a fixed grid rather than a graph-layout library: the
 * reference architecture's shape is known, so availability zones are vertical lanes (1, 2, 3, then
 * regional), subnets are horizontal bands inside their VNet (gateway first, then nodes, database,
 * storage), and each resource sits in the cell of its subnet and zone. A zone-redundant resource
 * spans its lanes. Every collection is sorted before it is placed, so the same audit gives the same
 * picture.
 *
 * @param width the viewBox width
 * @param height the viewBox height
 * @param title the picture's accessible name
 * @param desc the picture in words
 * @param lanes the zone lanes, with the zone's own findings (a zone-loss analysis) if any
 * @param frames one per VNet
 * @param bands one per subnet, and one for the resources outside any subnet
 * @param nodes the resources, each linked to its row in the resources table
 * @param edges the request path of the reference architecture: gateway to nodes to data services
 * @param omitted resources left out of the outside band to keep the picture readable
 * @param vnetsOmitted VNets not drawn, with their subnets and resources, beyond the {@value #VNET_LIMIT} drawn
 * @param vnetsTotal the VNets there are, drawn or not
 * @param scope a box for the findings about the deployment as a whole (a missing resource, too few
 *     nodes, nodes all in one zone), or null when there are none
 */
public record TopologyPicture(int width, int height, String title, String desc, List<Lane> lanes, List<Frame> frames,
    List<Band> bands, List<Node> nodes, List<Edge> edges, int omitted, int vnetsOmitted, int vnetsTotal, Node scope) {

  private static final int MARGIN = 16;
  private static final int GUTTER = 184;
  private static final int LANE_WIDTH = 192;
  private static final int NODE_HEIGHT = 56;
  private static final int ROW = NODE_HEIGHT + 10;
  private static final int HEADER = 40;
  private static final int OUTSIDE_LIMIT = 24;
  /** Boxes per lane in one subnet (and zone-spanning rows per subnet); the rest are summed up in one box. */
  private static final int CELL_LIMIT = 6;
  /**
   * VNets drawn. An audit of a thousand deployments is a thousand alike VNets: drawing them all gives a
   * picture hundreds of thousands of pixels tall that no one reads and every browser lays out. The
   * resources table lists every resource; the picture shows the VNets that need attention first.
   */
  static final int VNET_LIMIT = 12;

  public TopologyPicture {
    lanes = List.copyOf(lanes);
    frames = List.copyOf(frames);
    bands = List.copyOf(bands);
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** Whether there is anything to draw. */
  public boolean isEmpty() {
    return nodes.isEmpty() && frames.isEmpty();
  }

  /** A zone lane; {@code status} is the worst finding about the zone itself, in words, or "". */
  public record Lane(String label, String status, Look look, String tooltip, int x, int y, int width, int height,
      boolean regional) {}

  /** A VNet's frame; {@code anchor} links to its resource row, or is null when the VNet was not read. */
  public record Frame(String label, String anchor, Look look, String tooltip, int x, int y, int width, int height) {}

  /** A subnet's band, or the band of resources outside any subnet ({@code anchor} null). */
  public record Band(String label, String status, String anchor, Look look, String tooltip, int x, int y, int width,
      int height) {}

  /**
   * A resource's box, or a box standing for several that did not fit in their cell.
   *
   * @param anchor the element the box links to: the resource's row, or the resources table
   * @param resource the resource the script filters the findings to, or null for a box of several
   */
  public record Node(String anchor, String resource, String tooltip, String name, String kind, String status, Look look,
      int x, int y, int width, int height) {}

  /** A line between two boxes, as SVG path data. */
  public record Edge(String path) {}

  /**
   * A resource to draw, with what the report decided about it.
   *
   * @param anchor the id of its row in the resources table
   * @param phrase its outcome in words: "fails 2 requirements (1 HIGH)"
   */
  record Placed(ResourceSummary resource, String anchor, Look look, String phrase) {}

  private enum Role {
    GATEWAY, NODE, DATABASE, STORAGE, ENDPOINT, OTHER, NETWORK_INTERFACE, SUBNET, VNET;

    static Role of(String type) {
      String t = type.toLowerCase(Locale.ROOT);
      if (t.endsWith("/applicationgateways")) {
        return GATEWAY;
      } else if (t.endsWith("/virtualmachines")) {
        return NODE;
      } else if (t.startsWith("microsoft.dbforpostgresql/") && t.endsWith("/flexibleservers")) {
        return DATABASE;
      } else if (t.equals("microsoft.netapp/netappaccounts/capacitypools/volumes")) {
        return STORAGE;
      } else if (t.endsWith("/privateendpoints")) {
        return ENDPOINT;
      } else if (t.endsWith("/networkinterfaces")) {
        return NETWORK_INTERFACE;
      } else if (t.endsWith("/virtualnetworks/subnets")) {
        return SUBNET;
      } else if (t.endsWith("/virtualnetworks")) {
        return VNET;
      }
      return OTHER;
    }
  }

  /** The kinds of the resources the reference architecture names, by lower-case type. */
  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("microsoft.network/applicationgateways", "Application gateway"),
      Map.entry("microsoft.compute/virtualmachines", "Virtual machine"),
      Map.entry("microsoft.dbforpostgresql/flexibleservers", "PostgreSQL server"),
      Map.entry("microsoft.netapp/netappaccounts/capacitypools/volumes", "NetApp volume"),
      Map.entry("microsoft.netapp/netappaccounts/capacitypools", "NetApp capacity pool"),
      Map.entry("microsoft.netapp/netappaccounts/snapshotpolicies", "NetApp snapshot policy"),
      Map.entry("microsoft.netapp/netappaccounts", "NetApp account"),
      Map.entry("microsoft.network/privateendpoints", "Private endpoint"),
      Map.entry("microsoft.network/networkinterfaces", "Network interface"),
      Map.entry("microsoft.network/networksecuritygroups", "Network security group"),
      Map.entry("microsoft.network/publicipaddresses", "Public IP address"),
      Map.entry("microsoft.network/privatednszones", "Private DNS zone"),
      Map.entry("microsoft.network/privatednszones/virtualnetworklinks", "Private DNS link"),
      Map.entry("microsoft.network/natgateways", "NAT gateway"),
      Map.entry("microsoft.network/virtualnetworks", "Virtual network"),
      Map.entry("microsoft.network/virtualnetworks/subnets", "Subnet"));

  /** What a resource is, in a few words: "Virtual machine". */
  static String kindOf(String type) {
    String kind = KINDS.get(type.toLowerCase(Locale.ROOT));
    return kind != null ? kind : VisibleText.line(type.substring(type.lastIndexOf('/') + 1));
  }

  /** What a resource is, in the fewest words, for a box in the picture: "App gateway". */
  static String shortKindOf(String type) {
    String kind = kindOf(type);
    return switch (kind) {
      case "Application gateway" -> "App gateway";
      case "Virtual machine" -> "VM";
      case "PostgreSQL server" -> "PostgreSQL";
      case "Network security group" -> "NSG";
      case "Public IP address" -> "Public IP";
      case "Private DNS link" -> "DNS link";
      case "NetApp capacity pool" -> "Capacity pool";
      case "NetApp snapshot policy" -> "Snapshot policy";
      default -> kind;
    };
  }

  /** The zones in words: "zone 1", "zones 1, 2", "regional". */
  static String zonesText(List<String> zones) {
    if (zones.isEmpty()) {
      return "regional";
    }
    return (zones.size() == 1 ? "zone " : "zones ") + VisibleText.line(String.join(", ", zones));
  }

  /** The last segment of a resource name or id: {@code vol-connect-data} for {@code anf/pool/vol-connect-data}. */
  static String shortName(String name) {
    String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    int slash = trimmed.lastIndexOf('/');
    return VisibleText.line(slash < 0 || slash == trimmed.length() - 1 ? trimmed : trimmed.substring(slash + 1));
  }

  /**
   * Lays out the picture.
   *
   * @param zoneLooks the worst finding about each zone itself (subjects {@code zone-1}, ...), by zone
   * @param scopeLook the worst finding about the audited scope as a whole, or {@link Look#NONE}
   * @param scopeTooltip those findings in words
   */
  static TopologyPicture draw(List<Placed> resources, Map<String, Look> zoneLooks, Map<String, String> zoneTooltips,
      Look scopeLook, String scopeTooltip) {
    Map<String, Placed> vnets = new TreeMap<>();
    Map<String, Placed> subnets = new TreeMap<>();
    List<Placed> inSubnets = new ArrayList<>();
    List<Placed> outside = new ArrayList<>();
    for (Placed placed : resources) {
      Role role = Role.of(placed.resource().type());
      String key = placed.resource().id().toLowerCase(Locale.ROOT);
      switch (role) {
        case VNET -> vnets.put(key, placed);
        case SUBNET -> subnets.put(key, placed);
        case NETWORK_INTERFACE -> { } // drawn through its VM; listed in the resources table
        default -> {
          if (placed.resource().subnets().isEmpty()) {
            outside.add(placed);
          } else {
            inSubnets.add(placed);
          }
        }
      }
    }
    // Resources in subnets are put in order per cell, and only in the cells that are drawn (at most 12 VNets');
    // of the resources outside any subnet only the first few are drawn.
    int outsideCount = outside.size();
    outside = byRoleThenName(outside, OUTSIDE_LIMIT);

    // Lanes: zones 1-3 always (an empty lane is itself a finding a reviewer should see), others found, then regional.
    TreeSet<String> zoneSet = new TreeSet<>(TopologyPicture::compareZones);
    zoneSet.addAll(List.of("1", "2", "3"));
    for (Placed placed : inSubnets) {
      zoneSet.addAll(placed.resource().zones());
    }
    List<String> laneZones = new ArrayList<>(zoneSet);
    int laneCount = laneZones.size() + 1; // the regional lane is always drawn, so the outside band has room
    int x0 = MARGIN + GUTTER;
    int width = x0 + laneCount * LANE_WIDTH + MARGIN;

    // Subnet bands, grouped by VNet: the resources of each subnet, by the first subnet they sit in.
    Map<String, List<Placed>> residents = new TreeMap<>();
    for (String subnet : subnets.keySet()) {
      residents.put(subnet, new ArrayList<>());
    }
    Map<String, String> subnetNames = new TreeMap<>();
    subnets.forEach((key, placed) -> subnetNames.put(key, placed.resource().id()));
    for (Placed placed : inSubnets) {
      String subnetId = placed.resource().subnets().get(0);
      String key = subnetId.toLowerCase(Locale.ROOT);
      residents.computeIfAbsent(key, k -> new ArrayList<>()).add(placed);
      subnetNames.putIfAbsent(key, subnetId);
    }
    Map<String, List<String>> subnetsByVnet = new TreeMap<>();
    Map<String, String> vnetIds = new TreeMap<>();
    for (String subnet : residents.keySet()) {
      String vnetId = parentOf(subnetNames.get(subnet));
      String vnetKey = vnetId.toLowerCase(Locale.ROOT);
      subnetsByVnet.computeIfAbsent(vnetKey, k -> new ArrayList<>()).add(subnet);
      vnetIds.putIfAbsent(vnetKey, vnetId);
    }
    vnets.forEach((key, placed) -> {
      subnetsByVnet.computeIfAbsent(key, k -> new ArrayList<>());
      vnetIds.putIfAbsent(key, placed.resource().id());
    });
    Map<String, Integer> bandOrders = new HashMap<>();
    residents.forEach((subnet, cell) -> bandOrders.put(subnet, bandOrder(cell)));
    for (List<String> list : subnetsByVnet.values()) {
      list.sort(Comparator.comparing((String s) -> bandOrders.get(s)).thenComparing(s -> s));
    }
    Map<String, Integer> vnetBandOrders = new HashMap<>();
    subnetsByVnet.forEach((vnet, list) -> vnetBandOrders.put(vnet,
        list.stream().mapToInt(bandOrders::get).min().orElse(Integer.MAX_VALUE)));
    List<String> vnetOrder = new ArrayList<>(subnetsByVnet.keySet());
    vnetOrder.sort(Comparator.comparing((String v) -> vnetBandOrders.get(v)).thenComparing(v -> v));

    int vnetsTotal = vnetOrder.size();
    if (vnetOrder.size() > VNET_LIMIT) {
      keepWorstVnets(vnetOrder, vnets, subnets, subnetsByVnet, residents);
    }
    int vnetsOmitted = vnetsTotal - vnetOrder.size();

    List<Frame> frames = new ArrayList<>();
    List<Band> bands = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    Map<Placed, Node> drawn = new LinkedHashMap<>();
    List<Node> summaries = new ArrayList<>();
    int y = MARGIN + HEADER + 10;
    int laneTop = MARGIN;
    for (String vnetKey : vnetOrder) {
      Placed vnet = vnets.get(vnetKey);
      int frameTop = y;
      y += 30;
      for (String subnetKey : subnetsByVnet.get(vnetKey)) {
        Placed subnet = subnets.get(subnetKey);
        List<Placed> cell = byRoleThenName(residents.get(subnetKey));
        int rows = placeBand(cell, laneZones, x0, y + 10, drawn, summaries);
        int height = Math.max(46, rows * ROW + 10);
        String name = subnet == null ? shortName(subnetNames.get(subnetKey)) : shortName(subnet.resource().name());
        Look look = subnet == null ? Look.NONE : subnet.look();
        String tooltip = "Subnet " + name + (subnet == null ? " (not in the inputs)" : ": " + subnet.phrase());
        bands.add(new Band(VisibleText.shortened(name, 20), "subnet \u00b7 " + statusLine(look),
            subnet == null ? null : subnet.anchor(), look, tooltip, MARGIN + 8, y, width - 2 * MARGIN - 16, height));
        y += height + 8;
      }
      String vnetName = vnet == null ? shortName(vnetIds.get(vnetKey)) : shortName(vnet.resource().name());
      Look look = vnet == null ? Look.NONE : vnet.look();
      frames.add(new Frame("VNet " + VisibleText.shortened(vnetName, 40), vnet == null ? null : vnet.anchor(), look,
          "Virtual network " + vnetName + (vnet == null ? " (not in the inputs)" : ": " + vnet.phrase()),
          MARGIN, frameTop, width - 2 * MARGIN, y + 2 - frameTop));
      y += 22;
    }
    int laneBottom = y - 12;

    // Resources in no subnet: a band of their own below the VNets, filled left to right.
    int omitted = 0;
    if (!outside.isEmpty()) {
      int shown = outside.size();
      omitted = outsideCount - shown;
      int rows = (shown + laneCount - 1) / laneCount;
      int height = rows * ROW + 10 + (omitted > 0 ? 18 : 0);
      int top = Math.max(y, laneBottom + 12);
      bands.add(new Band("Not in a subnet", omitted > 0 ? "+" + omitted + " more in the table" : "", null, Look.NONE,
          "Resources that sit in no subnet: network security groups, public IPs, DNS zones, NetApp accounts and pools",
          MARGIN, top, width - 2 * MARGIN, height));
      for (int i = 0; i < shown; i++) {
        Placed placed = outside.get(i);
        Node node = node(placed, x0 + (i % laneCount) * LANE_WIDTH + 10, top + 10 + (i / laneCount) * ROW,
            LANE_WIDTH - 20);
        drawn.put(placed, node);
      }
      y = top + height + 8;
    }
    nodes.addAll(drawn.values());
    nodes.addAll(summaries);

    List<Lane> lanes = new ArrayList<>();
    for (int i = 0; i < laneCount; i++) {
      boolean isRegional = i == laneZones.size();
      String zone = isRegional ? "" : laneZones.get(i);
      Look look = isRegional ? Look.NONE : zoneLooks.getOrDefault(zone, Look.NONE);
      String label = isRegional ? "Regional (no zone)" : "Zone " + VisibleText.shortened(zone, 8);
      String tooltip = isRegional ? "Resources pinned to no availability zone"
          : zoneTooltips.getOrDefault(zone, "Availability zone " + VisibleText.line(zone));
      lanes.add(new Lane(label, look == Look.NONE ? "" : statusLine(look), look, tooltip, x0 + i * LANE_WIDTH, laneTop,
          LANE_WIDTH, Math.max(laneBottom, laneTop + HEADER + 20) - laneTop, isRegional));
    }
    List<Edge> edges = edges(drawn);
    String desc = describe(resources, vnets.size(), subnetsByVnet.values().stream().mapToInt(List::size).sum());
    return new TopologyPicture(width, Math.max(y, laneBottom) + MARGIN, "Topology: availability zones as lanes,"
        + " subnets as bands, each resource coloured by its worst finding", desc, lanes, frames, bands, nodes, edges,
        omitted, vnetsOmitted, vnetsTotal, scopeLook == Look.NONE ? null : new Node("requirements", "scope", scopeTooltip, "Whole deployment", "",
            statusLine(scopeLook), scopeLook, MARGIN, MARGIN, GUTTER - 14, HEADER));
  }

  /**
   * Keeps the {@link #VNET_LIMIT} VNets whose worst resource (the VNet, its subnets, what sits in them)
   * is worst, ties in drawing order, and leaves them in drawing order.
   */
  private static void keepWorstVnets(List<String> vnetOrder, Map<String, Placed> vnets, Map<String, Placed> subnets,
      Map<String, List<String>> subnetsByVnet, Map<String, List<Placed>> residents) {
    Map<String, Look> worst = new HashMap<>();
    for (String vnetKey : vnetOrder) {
      Look look = vnets.containsKey(vnetKey) ? vnets.get(vnetKey).look() : Look.NONE;
      for (String subnetKey : subnetsByVnet.get(vnetKey)) {
        if (subnets.containsKey(subnetKey)) {
          look = look.worse(subnets.get(subnetKey).look());
        }
        for (Placed resident : residents.get(subnetKey)) {
          look = look.worse(resident.look());
        }
      }
      worst.put(vnetKey, look);
    }
    List<String> ranked = new ArrayList<>(vnetOrder);
    ranked.sort(Comparator.comparingInt(v -> worst.get(v).ordinal()));
    Set<String> kept = new HashSet<>(ranked.subList(0, VNET_LIMIT));
    vnetOrder.removeIf(v -> !kept.contains(v));
  }

  /**
   * Places a subnet's resources: zone-spanning ones first, one row each, then single-lane ones stacked
   * per lane. A cell that would hold more than {@link #CELL_LIMIT} boxes shows one fewer and a box for the rest.
   */
  private static int placeBand(List<Placed> cell, List<String> laneZones, int x0, int top, Map<Placed, Node> drawn,
      List<Node> summaries) {
    List<Placed> spanning = new ArrayList<>();
    List<List<Placed>> byLane = new ArrayList<>();
    for (int i = 0; i <= laneZones.size(); i++) {
      byLane.add(new ArrayList<>());
    }
    for (Placed placed : cell) {
      List<Integer> lanes = lanesOf(placed, laneZones);
      if (lanes.size() > 1) {
        spanning.add(placed);
      } else {
        byLane.get(lanes.get(0)).add(placed);
      }
    }
    int row = 0;
    for (int i = 0; i < spanning.size(); i++) {
      Placed placed = spanning.get(i);
      List<Integer> lanes = lanesOf(placed, laneZones);
      int first = lanes.get(0);
      int last = lanes.get(lanes.size() - 1);
      if (i == CELL_LIMIT - 1 && spanning.size() > CELL_LIMIT) {
        summaries.add(summary(spanning.subList(i, spanning.size()), "across zones", x0 + 10, top + row * ROW,
            (laneZones.size() + 1) * LANE_WIDTH - 20));
        row++;
        break;
      }
      drawn.put(placed, node(placed, x0 + first * LANE_WIDTH + 10, top + row * ROW, (last - first + 1) * LANE_WIDTH - 20));
      row++;
    }
    int tallest = 0;
    for (int lane = 0; lane < byLane.size(); lane++) {
      List<Placed> stack = byLane.get(lane);
      int x = x0 + lane * LANE_WIDTH + 10;
      for (int i = 0; i < stack.size(); i++) {
        if (i == CELL_LIMIT - 1 && stack.size() > CELL_LIMIT) {
          String where = lane == laneZones.size() ? "without a zone" : "in zone " + VisibleText.line(laneZones.get(lane));
          summaries.add(summary(stack.subList(i, stack.size()), where, x, top + (row + i) * ROW, LANE_WIDTH - 20));
          break;
        }
        drawn.put(stack.get(i), node(stack.get(i), x, top + (row + i) * ROW, LANE_WIDTH - 20));
      }
      tallest = Math.max(tallest, Math.min(stack.size(), CELL_LIMIT));
    }
    return row + tallest;
  }

  /** One box for resources that did not fit in their cell, coloured by the worst of them, linked to the table. */
  private static Node summary(List<Placed> rest, String where, int x, int y, int width) {
    Look worst = Look.NONE;
    int attention = 0;
    for (Placed placed : rest) {
      worst = worst.worse(placed.look());
      attention += placed.look().needsAttention() ? 1 : 0;
    }
    String text = rest.size() + " more " + where;
    String tooltip = rest.size() + " more resources " + where + " (" + attention
        + " need attention): see the resources table";
    return new Node("resources", null, tooltip, text, "see the resources table", statusLine(worst) + " (worst)", worst,
        x, y, width, NODE_HEIGHT);
  }

  /** The lanes a resource covers, in lane order; the regional lane when it has no zone. */
  private static List<Integer> lanesOf(Placed placed, List<String> laneZones) {
    TreeSet<Integer> lanes = new TreeSet<>();
    for (String zone : placed.resource().zones()) {
      int lane = laneZones.indexOf(zone);
      if (lane >= 0) {
        lanes.add(lane);
      }
    }
    if (lanes.isEmpty()) {
      lanes.add(laneZones.size());
    }
    return new ArrayList<>(lanes);
  }

  private static Node node(Placed placed, int x, int y, int width) {
    ResourceSummary resource = placed.resource();
    String name = shortName(resource.name());
    String kind = shortKindOf(resource.type()) + " \u00b7 " + zonesText(resource.zones());
    int nameChars = Math.max(8, (width - 20) / 7);
    int kindChars = Math.max(8, (width - 20) / 6);
    String tooltip = kindOf(resource.type()) + " " + name + ", " + zonesText(resource.zones()) + ": " + placed.phrase();
    return new Node(placed.anchor(), placed.anchor(), tooltip, VisibleText.shortened(name, nameChars),
        VisibleText.shortened(kind, kindChars), statusLine(placed.look()), placed.look(), x, y, width, NODE_HEIGHT);
  }

  /**
   * The resources by role, then short name, then id; each key is computed once per resource rather
   * than once per comparison, which matters with thousands of resources.
   */
  private static List<Placed> byRoleThenName(List<Placed> resources) {
    return byRoleThenName(resources, resources.size());
  }

  /** The first {@code limit} resources by role, then name, then id, in that order. */
  private static List<Placed> byRoleThenName(List<Placed> resources, int limit) {
    record Keyed(Placed placed, Role role, String name, String id) {}
    Comparator<Keyed> order = Comparator.comparing(Keyed::role).thenComparing(Keyed::name).thenComparing(Keyed::id);
    // The first few of thousands are picked with a bounded heap rather than by sorting them all.
    PriorityQueue<Keyed> first = new PriorityQueue<>(Math.min(resources.size(), limit) + 1, order.reversed());
    for (Placed p : resources) {
      first.add(new Keyed(p, Role.of(p.resource().type()), shortName(p.resource().name()).toLowerCase(Locale.ROOT),
          p.resource().id().toLowerCase(Locale.ROOT)));
      if (first.size() > limit) {
        first.poll();
      }
    }
    List<Keyed> keyed = new ArrayList<>(first);
    keyed.sort(order);
    List<Placed> sorted = new ArrayList<>(keyed.size());
    keyed.forEach(k -> sorted.add(k.placed()));
    return sorted;
  }

  /** {@code ✖ FAIL · HIGH}. */
  static String statusLine(Look look) {
    String severity = switch (look) {
      case FAIL_HIGH -> " \u00b7 HIGH";
      case FAIL_MEDIUM -> " \u00b7 MEDIUM";
      case FAIL_LOW -> " \u00b7 LOW";
      case FAIL_INFO -> " \u00b7 INFO";
      default -> "";
    };
    return look.glyph() + " " + look.word() + severity;
  }

  /** Gateway to each node, each node to each database and volume: the request path the architecture prescribes. */
  private static List<Edge> edges(Map<Placed, Node> drawn) {
    List<Node> gateways = new ArrayList<>();
    List<Node> vms = new ArrayList<>();
    List<Node> data = new ArrayList<>();
    drawn.forEach((placed, node) -> {
      if (placed.resource().subnets().isEmpty()) {
        return;
      }
      switch (Role.of(placed.resource().type())) {
        case GATEWAY -> gateways.add(node);
        case NODE -> vms.add(node);
        case DATABASE, STORAGE -> data.add(node);
        default -> { }
      }
    });
    // The picture shows at most 64 edges; stopping there keeps a tenant of thousands of gateways
    // and nodes from building millions of paths only to drop them.
    List<Edge> edges = new ArrayList<>();
    for (List<Node> from : List.of(gateways, vms)) {
      List<Node> targets = from == gateways ? vms : data;
      for (Node source : from) {
        for (Node target : targets) {
          if (edges.size() == MAX_EDGES) {
            return edges;
          }
          edges.add(edge(source, target));
        }
      }
    }
    return edges;
  }

  private static final int MAX_EDGES = 64;

  private static Edge edge(Node from, Node to) {
    int toCentre = to.x() + to.width() / 2;
    int sx = clamp(toCentre, from.x() + 14, from.x() + from.width() - 14);
    int tx = clamp(sx, to.x() + 14, to.x() + to.width() - 14);
    int sy = from.y() + from.height();
    int ty = to.y();
    if (ty <= sy) {
      ty = to.y() + to.height();
      sy = from.y();
    }
    if (sx == tx) {
      return new Edge("M" + sx + " " + sy + " V" + ty);
    }
    int middle = ty - 5;
    return new Edge("M" + sx + " " + sy + " V" + middle + " H" + tx + " V" + ty);
  }

  private static int clamp(int value, int low, int high) {
    return Math.max(low, Math.min(high, value));
  }

  /** Gateway subnet first, then the nodes' subnet, then data subnets; empty subnets last. */
  private static int bandOrder(List<Placed> cell) {
    int best = Integer.MAX_VALUE;
    for (Placed placed : cell) {
      best = Math.min(best, Role.of(placed.resource().type()).ordinal());
    }
    return best;
  }

  private static String parentOf(String subnetId) {
    int cut = subnetId.toLowerCase(Locale.ROOT).lastIndexOf("/subnets/");
    return cut < 0 ? subnetId : subnetId.substring(0, cut);
  }

  /** Numeric zones in numeric order, others after them in text order. */
  private static int compareZones(String a, String b) {
    boolean na = a.chars().allMatch(Character::isDigit) && !a.isEmpty() && a.length() < 9;
    boolean nb = b.chars().allMatch(Character::isDigit) && !b.isEmpty() && b.length() < 9;
    if (na && nb) {
      return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
    }
    if (na != nb) {
      return na ? -1 : 1;
    }
    return a.compareTo(b);
  }

  /** The picture in words, for screen readers: what is where, and what fails. */
  private static String describe(List<Placed> resources, int vnetCount, int subnetCount) {
    List<String> parts = new ArrayList<>();
    parts.add(vnetCount + (vnetCount == 1 ? " virtual network" : " virtual networks") + " with " + subnetCount
        + (subnetCount == 1 ? " subnet" : " subnets") + ".");
    Map<Role, List<Placed>> byRole = new TreeMap<>();
    for (Placed placed : resources) {
      Role role = Role.of(placed.resource().type());
      if (role.ordinal() <= Role.ENDPOINT.ordinal()) {
        byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(placed);
      }
    }
    byRole.forEach((role, list) -> {
      List<String> items = new ArrayList<>();
      for (Placed placed : list.subList(0, Math.min(list.size(), 8))) {
        items.add(shortName(placed.resource().name()) + " (" + zonesText(placed.resource().zones()) + ")");
      }
      String kind = kindOf(list.get(0).resource().type()).toLowerCase(Locale.ROOT);
      parts.add(list.size() + " " + kind + (list.size() == 1 ? "" : "s") + ": " + String.join(", ", items)
          + (list.size() > 8 ? " and " + (list.size() - 8) + " more" : "") + ".");
    });
    List<String> failing = new ArrayList<>();
    int passing = 0;
    for (Placed placed : resources) {
      if (placed.look().needsAttention()) {
        failing.add(shortName(placed.resource().name()) + " " + placed.phrase());
      } else if (placed.look() == Look.PASS) {
        passing++;
      }
    }
    if (!failing.isEmpty()) {
      parts.add(String.join("; ", failing.subList(0, Math.min(failing.size(), 12)))
          + (failing.size() > 12 ? "; and " + (failing.size() - 12) + " more need attention" : "") + ".");
    }
    parts.add(passing + (passing == 1 ? " resource passes" : " resources pass") + " every requirement that concerns it.");
    return String.join(" ", parts);
  }
}
