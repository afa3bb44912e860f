/// Number tokens (already validated by the parser) to Swift numbers.
///
/// Integers are exact: a token converts when its mathematical value is an integer the type can
/// hold, whatever its spelling — "1", "1.0", "1e2", "-0", "0.1e1" and "12345678901234567890e-1"
/// all do, "1.5" and "1e-2" do not. Foundation agrees on all of those, but goes through `Double`
/// for anything with a fraction or exponent, so it also accepts "1.00000000000000000001" as 1
/// (refused here: not an integer) and refuses "9223372036854775807.0" for Int64 (accepted here:
/// it is exactly Int64.max).
///
/// Floating point matches Foundation: correctly rounded, subnormals allowed, but a value that
/// overflows to infinity or underflows to zero from non-zero digits ("1e400", "1e-400") is an error
/// rather than a silent ±inf or 0.
enum JSONNumberConversion {
    /// The parts of a validated token, as offsets into the document's bytes.
    private struct Parts {
        var negative: Bool
        var integerDigits: Range<Int>
        var fractionDigits: Range<Int>
        /// Saturated: an exponent of a billion already decides every conversion.
        var exponent: Int
    }

    private static func parts(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Parts {
        var index = range.lowerBound
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let integerStart = index
        while index < range.upperBound && isDigit(bytes[index]) { index += 1 }
        let integerDigits = integerStart..<index
        var fractionDigits = index..<index
        if index < range.upperBound && bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < range.upperBound && isDigit(bytes[index]) { index += 1 }
            fractionDigits = fractionStart..<index
        }
        var exponent = 0
        if index < range.upperBound {
            index += 1  // 'e' or 'E'
            var exponentNegative = false
            if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            while index < range.upperBound {
                if exponent < 1_000_000_000 {
                    exponent = exponent * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                }
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        return Parts(negative: negative, integerDigits: integerDigits, fractionDigits: fractionDigits, exponent: exponent)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    // MARK: Integers

    static func integer<T: FixedWidthInteger>(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, plain: Bool, as type: T.Type) -> T? {
        var index = range.lowerBound
        let negative = bytes[index] == UInt8(ascii: "-")
        if plain {
            if negative { index += 1 }
            var magnitude: T.Magnitude = 0
            while index < range.upperBound {
                let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(T.Magnitude(bytes[index] - UInt8(ascii: "0")))
                guard !overflow1 && !overflow2 else { return nil }
                magnitude = sum
                index += 1
            }
            return signed(magnitude, negative: negative)
        }
        let parts = parts(bytes, range)
        // The significant digits are the integer digits followed by the fraction digits, with
        // the decimal exponent shifted by the fraction's length; leading and trailing zeros are
        // dropped so that "100e-2" and "1.000" are recognised as integers.
        let totalDigits = parts.integerDigits.count + parts.fractionDigits.count
        func digit(_ position: Int) -> UInt8 {
            let byte = position < parts.integerDigits.count
                ? bytes[parts.integerDigits.lowerBound + position]
                : bytes[parts.fractionDigits.lowerBound + position - parts.integerDigits.count]
            return byte - UInt8(ascii: "0")
        }
        var first = 0
        while first < totalDigits && digit(first) == 0 { first += 1 }
        if first == totalDigits { return 0 }
        var last = totalDigits
        var exponent = parts.exponent - parts.fractionDigits.count
        while digit(last - 1) == 0 {
            last -= 1
            exponent += 1
        }
        guard exponent >= 0 else { return nil }
        // More decimal digits than the widest magnitude has cannot fit.
        guard last - first + exponent <= 40 else { return nil }
        var magnitude: T.Magnitude = 0
        for position in first..<last {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(T.Magnitude(digit(position)))
            guard !overflow1 && !overflow2 else { return nil }
            magnitude = sum
        }
        for _ in 0..<exponent {
            let (times10, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            magnitude = times10
        }
        return signed(magnitude, negative: parts.negative)
    }

    private static func signed<T: FixedWidthInteger>(_ magnitude: T.Magnitude, negative: Bool) -> T? {
        guard negative else { return T(exactly: magnitude) }
        if magnitude == 0 { return 0 }
        // T.min.magnitude is 0 for unsigned types, so any negative non-zero value fails here.
        guard magnitude <= T.min.magnitude else { return nil }
        return T(truncatingIfNeeded: 0 &- magnitude)
    }

    // MARK: Floating point

    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    static func double(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        let parts = parts(bytes, range)
        // Clinger's fast path: up to 15 significant digits and a power of ten up to 22 are both
        // exact doubles, so one IEEE multiplication or division rounds correctly. Most JSON
        // numbers take it; the rest go to the standard library's correctly rounded parser.
        let totalDigits = parts.integerDigits.count + parts.fractionDigits.count
        if totalDigits <= 15 {
            var mantissa: UInt64 = 0
            for index in parts.integerDigits { mantissa = mantissa * 10 + UInt64(bytes[index] - UInt8(ascii: "0")) }
            for index in parts.fractionDigits { mantissa = mantissa * 10 + UInt64(bytes[index] - UInt8(ascii: "0")) }
            let exponent = parts.exponent - parts.fractionDigits.count
            if mantissa == 0 {
                return parts.negative ? -0.0 : 0.0
            }
            if exponent >= -22 && exponent <= 22 {
                var value = Double(mantissa)
                if exponent >= 0 {
                    value *= exactPowersOfTen[exponent]
                } else {
                    value /= exactPowersOfTen[-exponent]
                }
                return parts.negative ? -value : value
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let value = Double(text) else { return nil }
        return checkedRange(value, parts: parts, bytes: bytes)
    }

    static func float(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Float? {
        let parts = parts(bytes, range)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let value = Float(text) else { return nil }
        return checkedRange(value, parts: parts, bytes: bytes)
    }

    private static func checkedRange<F: BinaryFloatingPoint>(_ value: F, parts: Parts, bytes: UnsafeBufferPointer<UInt8>) -> F? {
        guard value.isFinite else { return nil }
        if value == 0 {
            let digits = parts.integerDigits.lazy.map { bytes[$0] } + parts.fractionDigits.lazy.map { bytes[$0] }
            guard digits.allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
        }
        return value
    }
}
