/// Every kind `opsdaily inventory` lists, in the summary's order: the 2023 workbook's sheets and the few an
/// operator also needs (VPC endpoints, classic load balancers, Backup jobs).
public enum Catalogue {
    public static let kinds: [ResourceKind] =
        identity + network + security + compute + containers + storage + database + integration + developerTools + monitoring
        + backup + edge

    /// The kinds with these ids, in catalogue order; the unknown ids, for the usage error.
    public static func kinds(withIDs ids: [String]) -> (kinds: [ResourceKind], unknown: [String]) {
        let known = Set(kinds.map(\.id))
        return (kinds.filter { ids.contains($0.id) }, ids.filter { !known.contains($0) })
    }
}
