package dev.plumbline.cli;

import com.azure.core.exception.ClientAuthenticationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.live.LiveOptions;
import dev.plumbline.core.live.LiveTopologyLoader;
import dev.plumbline.core.model.Topology;

/**
 * The one place the command line touches the Azure SDK, so an offline audit never loads it (the
 * SDK's classes cost seconds of start-up).
 */
final class LiveLoading {

  private LiveLoading() {}

  /** Why a live scope could not be read at all (no credential): the audit cannot start. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Reads the scope; what could not be read becomes gaps in the topology, never an exception. */
  static Topology load(LiveOptions options) throws Unreadable {
    try {
      LiveTopologyLoader.LiveLoad load = new LiveTopologyLoader().load(options);
      options.progress().accept("read " + load.topology().topLevelResources().size() + " resources in "
          + load.requests() + " requests (" + load.resourceGraphPages() + " Resource Graph pages, "
          + load.retries() + " retries), " + load.topology().gaps().size() + " gaps");
      return load.topology();
    } catch (ClientAuthenticationException e) {
      throw new Unreadable("no Azure credential could sign in for " + options.scope() + ": " + firstLine(e.getMessage())
          + " (sign in with 'az login', set AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET, or pass --access-token-file)", e);
    } catch (IllegalArgumentException e) {
      throw new Unreadable(firstLine(e.getMessage()), e);
    }
  }

  /** What the snapshot says it holds. */
  static ObjectNode source(LiveOptions options) {
    ObjectNode source = JsonNodeFactory.instance.objectNode();
    source.put("kind", "live");
    source.put("description", options.scope().toString());
    source.put("cloud", options.cloud().cliName());
    source.put("armEndpoint", options.endpoint());
    return source;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int cut = text.indexOf('\n');
    return (cut < 0 ? text : text.substring(0, cut)).trim();
  }
}
