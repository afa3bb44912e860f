/// The checks table (SPEC §6): one partition per check slot, `pk = RUN#<slot id>`, holding the run record
/// (`sk = RUN`), one record per monitor (`sk = MONITOR#<id>`) and the Slack post marker (`sk = POST#<function>`).
/// One Query returns a slot's whole run; a re-run of the slot overwrites it.
public enum CheckKeys {
    public static func partitionKey(slotID: String) -> String { "RUN#" + slotID }
    public static let runSortKey = "RUN"
    public static func monitorSortKey(_ monitorID: String) -> String { "MONITOR#" + monitorID }
    public static func postSortKey(_ function: String) -> String { "POST#" + function }
}
