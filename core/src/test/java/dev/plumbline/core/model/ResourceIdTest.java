package dev.plumbline.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, normalizing and comparing ARM resource ids, including the odd ones Microsoft's examples carry. */
class ResourceIdTest {

  private static final String RG = "/subscriptions/3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15/resourceGroups/rg-posit-connect";
  private static final String VNET = RG + "/providers/Microsoft.Network/virtualNetworks/vnet-connect";
  private static final String SUBNET = VNET + "/subnets/snet-connect";
  private static final String ACCOUNT = RG + "/providers/Microsoft.NetApp/netAppAccounts/anf-connect";
  private static final String POOL = ACCOUNT + "/capacityPools/pool-connect";
  private static final String VOLUME = POOL + "/volumes/vol-data";
  private static final String VM = RG + "/providers/Microsoft.Compute/virtualMachines/vm1";
  private static final String DIAGNOSTIC_SETTING = VM + "/providers/Microsoft.Insights/diagnosticSettings/x";

  @Test
  void keepsTheOriginalCasingForDisplay() {
    assertThat(ResourceId.parse(VNET.toUpperCase()).toString()).isEqualTo(VNET.toUpperCase());
    assertThat(ResourceId.parse(VNET).key()).isEqualTo(VNET.toLowerCase());
  }

  static Stream<Arguments> untidySpellings() {
    return Stream.of(
        Arguments.of("doubled slashes", VNET.replace("/providers/", "//providers//")),
        Arguments.of("a leading double slash, as the SDK sends", "/" + VNET),
        Arguments.of("a trailing slash", VNET + "/"),
        Arguments.of("surrounding whitespace", "  " + VNET + "\n\t"),
        Arguments.of("no leading slash", VNET.substring(1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("untidySpellings")
  void normalizesUntidySpellingsToSingleSlashes(String what, String spelling) {
    ResourceId id = ResourceId.parse(spelling);

    assertThat(id.toString()).isEqualTo(VNET);
    assertThat(id).isEqualTo(ResourceId.parse(VNET));
    assertThat(id.isWellFormed()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("untidySpellings")
  void theKeyOfAnUntidySpellingIsTheKeyItParsesTo(String what, String spelling) {
    assertThat(ResourceId.keyOf(spelling)).isEqualTo(ResourceId.parse(spelling).key()).isEqualTo(VNET.toLowerCase());
  }

  @Test
  void theKeyOfATidyIdIsItsLowerCase() {
    assertThat(ResourceId.keyOf(SUBNET.toUpperCase())).isEqualTo(SUBNET.toLowerCase());
    assertThat(ResourceId.keyOf("/subid/{placeholder}")).isEqualTo(ResourceId.parse("/subid/{placeholder}").key());
    assertThat(ResourceId.keyOf("  ")).isNull();
    assertThat(ResourceId.keyOf(null)).isNull();
  }

  @Test
  void comparesIdsWithoutRegardToCase() {
    ResourceId camel = ResourceId.parse(VNET);
    ResourceId lower = ResourceId.parse(VNET.toLowerCase());
    ResourceId upper = ResourceId.parse(VNET.toUpperCase());

    assertThat(camel).isEqualTo(lower).isEqualTo(upper);
    assertThat(camel.hashCode()).isEqualTo(lower.hashCode()).isEqualTo(upper.hashCode());
    assertThat(camel.compareTo(upper)).isZero();
    assertThat(upper.compareTo(lower)).isZero();
  }

  @Test
  void distinguishesDifferentIds() {
    assertThat(ResourceId.parse(VNET)).isNotEqualTo(ResourceId.parse(VNET + "-2"));
    assertThat(ResourceId.parse(VNET)).isNotEqualTo(VNET);
  }

  @Test
  void ordersIdsCaseInsensitivelyAndConsistentlyWithEquals() {
    List<ResourceId> ids = new ArrayList<>(List.of(
        ResourceId.parse(SUBNET.toUpperCase()), ResourceId.parse(ACCOUNT), ResourceId.parse(VNET.toLowerCase())));
    Collections.sort(ids);

    assertThat(ids).extracting(ResourceId::key)
        .containsExactly(ACCOUNT.toLowerCase(), VNET.toLowerCase(), SUBNET.toLowerCase());
    assertThat(ResourceId.parse(ACCOUNT).compareTo(ResourceId.parse(VNET.toUpperCase()))).isNegative();
    assertThat(ResourceId.parse(VNET.toUpperCase()).compareTo(ResourceId.parse(ACCOUNT))).isPositive();
  }

  @Test
  void readsTheScopeTypeAndNameOfATopLevelResource() {
    ResourceId id = ResourceId.parse(VNET);

    assertThat(id.subscriptionId()).contains("3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15");
    assertThat(id.resourceGroup()).contains("rg-posit-connect");
    assertThat(id.type()).contains(ResourceType.VIRTUAL_NETWORK);
    assertThat(id.type().map(ResourceType::name)).contains("Microsoft.Network/virtualNetworks");
    assertThat(id.name()).contains("vnet-connect");
    assertThat(id.fullName()).contains("vnet-connect");
    assertThat(id.parent()).isEmpty();
    assertThat(id.isWellFormed()).isTrue();
  }

  @Test
  void readsAChildResourceWhoseParentIsTheResourceThatHoldsIt() {
    ResourceId id = ResourceId.parse(SUBNET);

    assertThat(id.subscriptionId()).contains("3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15");
    assertThat(id.resourceGroup()).contains("rg-posit-connect");
    assertThat(id.type()).contains(ResourceType.SUBNET);
    assertThat(id.name()).contains("snet-connect");
    assertThat(id.fullName()).contains("vnet-connect/snet-connect");
    assertThat(id.parent()).contains(ResourceId.parse(VNET));
    assertThat(id.isWellFormed()).isTrue();
  }

  @Test
  void readsAGrandChildWhoseParentIsThePoolAndGrandParentTheAccount() {
    ResourceId volume = ResourceId.parse(VOLUME);

    assertThat(volume.type()).contains(ResourceType.NETAPP_VOLUME);
    assertThat(volume.name()).contains("vol-data");
    assertThat(volume.fullName()).contains("anf-connect/pool-connect/vol-data");
    assertThat(volume.parent()).contains(ResourceId.parse(POOL));
    assertThat(volume.parent().flatMap(ResourceId::parent)).contains(ResourceId.parse(ACCOUNT));
    assertThat(volume.parent().flatMap(ResourceId::type)).contains(ResourceType.NETAPP_CAPACITY_POOL);
    assertThat(volume.parent().flatMap(ResourceId::parent).flatMap(ResourceId::parent)).isEmpty();
  }

  @Test
  void readsAnExtensionResourceWhoseParentIsTheResourceItExtends() {
    ResourceId id = ResourceId.parse(DIAGNOSTIC_SETTING);

    assertThat(id.type().map(ResourceType::name)).contains("Microsoft.Insights/diagnosticSettings");
    assertThat(id.name()).contains("x");
    assertThat(id.fullName()).contains("x");
    assertThat(id.subscriptionId()).contains("3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15");
    assertThat(id.resourceGroup()).contains("rg-posit-connect");
    assertThat(id.parent()).contains(ResourceId.parse(VM));
    assertThat(id.parent().flatMap(ResourceId::type)).contains(ResourceType.VIRTUAL_MACHINE);
    assertThat(id.isWellFormed()).isTrue();
  }

  @Test
  void readsAManagementGroupIdWhichHasNoSubscription() {
    ResourceId id = ResourceId.parse("/providers/Microsoft.Management/managementGroups/mg-platform");

    assertThat(id.subscriptionId()).isEmpty();
    assertThat(id.resourceGroup()).isEmpty();
    assertThat(id.type().map(ResourceType::name)).contains("Microsoft.Management/managementGroups");
    assertThat(id.name()).contains("mg-platform");
    assertThat(id.parent()).isEmpty();
    assertThat(id.isWellFormed()).isTrue();
  }

  @Test
  void readsAResourceGroupId() {
    ResourceId id = ResourceId.parse(RG);

    assertThat(id.subscriptionId()).contains("3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15");
    assertThat(id.resourceGroup()).contains("rg-posit-connect");
    assertThat(id.type().map(ResourceType::name)).contains("Microsoft.Resources/resourceGroups");
    assertThat(id.name()).contains("rg-posit-connect");
    assertThat(id.parent()).isEmpty();
    assertThat(id.isWellFormed()).isTrue();
  }

  @Test
  void readsASubscriptionId() {
    ResourceId id = ResourceId.parse("/subscriptions/3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15");

    assertThat(id.subscriptionId()).contains("3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15");
    assertThat(id.resourceGroup()).isEmpty();
    assertThat(id.type().map(ResourceType::name)).contains("Microsoft.Resources/subscriptions");
    assertThat(id.name()).contains("3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15");
    assertThat(id.parent()).isEmpty();
    assertThat(id.isWellFormed()).isTrue();
  }

  @Test
  void readsASubscriptionLevelResourceWithoutAResourceGroup() {
    ResourceId id = ResourceId.parse("/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/r1");

    assertThat(id.subscriptionId()).contains("s1");
    assertThat(id.resourceGroup()).isEmpty();
    assertThat(id.type().map(ResourceType::name)).contains("Microsoft.Authorization/roleDefinitions");
    assertThat(id.name()).contains("r1");
    assertThat(id.isWellFormed()).isTrue();
  }

  @Test
  void readsTheKeywordsInAnyCasing() {
    ResourceId id = ResourceId.parse("/SUBSCRIPTIONS/s1/resourcegroups/RG1/PROVIDERS/microsoft.network/virtualnetworks/v1/SUBNETS/a");

    assertThat(id.subscriptionId()).contains("s1");
    assertThat(id.resourceGroup()).contains("RG1");
    assertThat(id.type()).contains(ResourceType.SUBNET);
    assertThat(id.parent()).contains(ResourceId.parse("/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/v1"));
  }

  static Stream<Arguments> placeholderIds() {
    return Stream.of(
        Arguments.of("/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/test-vnet",
            "subid", "rg1", "Microsoft.Network/virtualNetworks", "test-vnet"),
        Arguments.of("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{vmName}",
            "{subscriptionId}", "{resourceGroupName}", "Microsoft.Compute/virtualMachines", "{vmName}"),
        Arguments.of("/subscriptions/{subscription-id}/resourceGroups/myResourceGroup/providers/Microsoft.Network/networkInterfaces/{myNIC}",
            "{subscription-id}", "myResourceGroup", "Microsoft.Network/networkInterfaces", "{myNIC}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("placeholderIds")
  void toleratesThePlaceholdersOfMicrosoftsExamples(String text, String subscription, String group, String type, String name) {
    ResourceId id = ResourceId.parse(text);

    assertThat(id.subscriptionId()).contains(subscription);
    assertThat(id.resourceGroup()).contains(group);
    assertThat(id.type()).contains(ResourceType.of(type));
    assertThat(id.name()).contains(name);
    assertThat(id.isWellFormed()).as("placeholders are names like any other").isTrue();
  }

  static Stream<String> malformedIds() {
    return Stream.of(
        "not-an-id",
        "/subscriptions/s1/resourceGroups",
        "/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks",
        "/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network",
        "/subscriptions/s1/resourceGroups/rg1/virtualNetworks/v1",
        "/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/v1",
        "/subscriptions/s1/resourceGroups/rg1/provders/Microsoft.Network/networkInterfaces/nic1",
        "https://management.azure.com/whatever");
  }

  @ParameterizedTest
  @MethodSource("malformedIds")
  void keepsMalformedTextAsAnIdThatSaysItIsNotWellFormed(String text) {
    ResourceId id = ResourceId.parse(text);

    assertThat(id.isWellFormed()).isFalse();
    assertThat(id).isEqualTo(ResourceId.parse(text.toUpperCase()));
    assertThat(id.parent()).isEmpty();
  }

  @Test
  void keepsTextThatIsNotAnIdAtAllAsItsOwnName() {
    ResourceId id = ResourceId.parse("not-an-id");

    assertThat(id.isWellFormed()).isFalse();
    assertThat(id.name()).contains("not-an-id");
    assertThat(id.type()).isEmpty();
    assertThat(id.subscriptionId()).isEmpty();
    assertThat(id.resourceGroup()).isEmpty();
    assertThat(id).isEqualTo(ResourceId.parse("/NOT-AN-ID"));
  }

  @Test
  void tellsTheTypeButNoNameOfAnIdThatStopsAfterAType() {
    ResourceId id = ResourceId.parse("/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks");

    assertThat(id.isWellFormed()).isFalse();
    assertThat(id.name()).isEmpty();
    assertThat(id.subscriptionId()).contains("s1");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\t\n"})
  void refusesABlankId(String blank) {
    assertThatThrownBy(() -> ResourceId.parse(blank))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    assertThat(ResourceId.tryParse(blank)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "//", " / "})
  void neverThrowsForNonBlankTextEvenWhenItHasNoSegments(String text) {
    ResourceId id = ResourceId.parse(text);

    assertThat(id.isWellFormed()).isFalse();
    assertThat(id.name()).isEmpty();
    assertThat(id.type()).isEmpty();
  }

  @Test
  void tryParseWrapsAParsedId() {
    assertThat(ResourceId.tryParse(VNET)).isEqualTo(Optional.of(ResourceId.parse(VNET)));
  }

  @Test
  void buildsTheIdOfAChild() {
    ResourceId subnet = ResourceId.parse(VNET).child("subnets", "snet-connect");

    assertThat(subnet).isEqualTo(ResourceId.parse(SUBNET));
    assertThat(subnet.toString()).isEqualTo(SUBNET);
    assertThat(subnet.type()).contains(ResourceType.SUBNET);
    assertThat(subnet.parent()).contains(ResourceId.parse(VNET));
  }

  @Test
  void tellsWhetherAnIdLiesUnderAnother() {
    ResourceId vnet = ResourceId.parse(VNET);

    assertThat(ResourceId.parse(SUBNET).isWithin(vnet)).isTrue();
    assertThat(ResourceId.parse(SUBNET.toUpperCase()).isWithin(vnet)).isTrue();
    assertThat(ResourceId.parse(VNET).isWithin(ResourceId.parse(RG))).isTrue();
    assertThat(ResourceId.parse(VOLUME).isWithin(ResourceId.parse(ACCOUNT))).isTrue();
  }

  @Test
  void doesNotCountAnIdAsWithinItselfOrASiblingWithTheSamePrefix() {
    ResourceId vnet = ResourceId.parse(VNET);

    assertThat(vnet.isWithin(vnet)).isFalse();
    assertThat(ResourceId.parse(VNET + "-2/subnets/a").isWithin(vnet)).isFalse();
    assertThat(vnet.isWithin(ResourceId.parse(SUBNET))).isFalse();
  }
}
