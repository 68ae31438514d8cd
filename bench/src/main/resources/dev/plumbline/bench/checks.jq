# Seven simple checks of the Posit Connect HA reference design, as a general JSON tool would apply
# them; issue 8 compares Plumbline with jq doing about this much. Reads an ARM array or a Resource
# Graph result (any casing of the type) in one pass and prints how many resources fail each check.
def count($name; $failed): if $failed then .[$name] += 1 else . end;
reduce (if type == "array" then .[] else .data[] end) as $r (
  {"postgres-major-16": 0, "postgres-storage-64gb": 0, "postgres-private": 0, "gateway-cookie-affinity": 0,
   "gateway-health-probe": 0, "vm-size-d8-v5": 0, "netapp-encrypted": 0};
  ($r.type | ascii_downcase) as $type
  | if $type == "microsoft.dbforpostgresql/flexibleservers" then
      count("postgres-major-16"; $r.properties.version != "16")
      | count("postgres-storage-64gb"; ($r.properties.storage.storageSizeGB // 0) < 64)
      | count("postgres-private"; $r.properties.network.publicNetworkAccess != "Disabled")
    elif $type == "microsoft.network/applicationgateways" then
      count("gateway-cookie-affinity"; [$r.properties.backendHttpSettingsCollection[]? | select(.properties.cookieBasedAffinity != "Enabled")] | length > 0)
      | count("gateway-health-probe"; ($r.properties.probes // []) | length == 0)
    elif $type == "microsoft.compute/virtualmachines" then
      count("vm-size-d8-v5"; $r.properties.hardwareProfile.vmSize != "Standard_D8_v5")
    elif $type == "microsoft.netapp/netappaccounts/capacitypools/volumes" then
      count("netapp-encrypted"; $r.properties.encrypted != true)
    else . end)
