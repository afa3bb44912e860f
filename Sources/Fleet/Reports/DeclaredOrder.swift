/// Enumerations that sort in the order their cases are declared: statuses and rules are listed as the
/// standard lists them, not alphabetically.
public protocol DeclaredOrder: CaseIterable, Comparable {}

extension DeclaredOrder {
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let cases = Array(allCases)
        return cases.firstIndex(of: lhs)! < cases.firstIndex(of: rhs)!
    }
}
