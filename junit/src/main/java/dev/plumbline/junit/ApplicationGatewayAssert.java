package dev.plumbline.junit;

import dev.plumbline.core.model.Resource;

/** Assertions on an Application Gateway, each backed by the Posit Connect HA rule that checks the same thing. */
public class ApplicationGatewayAssert extends AbstractResourceAssert<ApplicationGatewayAssert> {

  ApplicationGatewayAssert(Resource actual, AssertionScope scope) {
    super(actual, scope, ApplicationGatewayAssert.class);
  }

  /** Every route to the Connect nodes pins a user to one node with an affinity cookie (PCHA-AGW-02). */
  public ApplicationGatewayAssert hasCookieAffinity() {
    return passesRule("PCHA-AGW-02", "have cookie-based affinity on every route to the Connect nodes");
  }

  /** A health probe checks the Connect nodes on Connect's health path (PCHA-AGW-03). */
  public ApplicationGatewayAssert hasHealthProbe() {
    return passesRule("PCHA-AGW-03", "probe the Connect nodes on /__ping__");
  }

  /** The gateway survives losing an instance or a zone (PCHA-AGW-04). */
  public ApplicationGatewayAssert isRedundant() {
    return passesRule("PCHA-AGW-04", "run redundant instances across zones");
  }

  /** Users reach Connect over HTTPS only (PCHA-AGW-05). */
  public ApplicationGatewayAssert servesHttpsOnly() {
    return passesRule("PCHA-AGW-05", "serve Connect over HTTPS");
  }

  /** The backend pool reaches every Connect node (PCHA-AGW-01). */
  public ApplicationGatewayAssert routesToEveryConnectNode() {
    return passesRule("PCHA-AGW-01", "route to every Connect node");
  }
}
