/// Comparison whose duration does not depend on where two secrets first differ, so a caller cannot find
/// the webhook token byte by byte from response times.
public enum ConstantTime {
    public static func equals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        var difference = UInt64(truncatingIfNeeded: lhs.count ^ rhs.count)
        // Walk the longer input fully whatever the lengths, comparing against zeros past the shorter's end.
        var left = lhs.makeIterator()
        var right = rhs.makeIterator()
        for _ in 0..<max(lhs.count, rhs.count) {
            difference |= UInt64((left.next() ?? 0) ^ (right.next() ?? 0))
        }
        return difference == 0
    }
}
