import JSONCoding
import Testing

/// Number tokens into Swift numbers: integers exactly, floating point correctly rounded and never
/// silently infinite or zero.
@Suite struct JSONNumberConversionTests {
    private func value<T: Decodable>(_ type: T.Type, _ token: String) -> T? {
        try? JSONDecoding().decode(type, from: Array(token.utf8))
    }

    @Test func integersAcceptAnySpellingOfAnIntegralValue() {
        #expect(value(Int.self, "1.0") == 1)
        #expect(value(Int.self, "1e2") == 100)
        #expect(value(Int.self, "1E+2") == 100)
        #expect(value(Int.self, "10e-1") == 1)
        #expect(value(Int.self, "0.1e1") == 1)
        #expect(value(Int.self, "-0") == 0)
        #expect(value(UInt.self, "-0") == 0)
        #expect(value(UInt8.self, "-0.0e7") == 0)
        #expect(value(Int64.self, "12345678901234567890e-1") == 1_234_567_890_123_456_789)
        #expect(value(Int64.self, "9007199254740993.0") == 9_007_199_254_740_993)
        #expect(value(UInt64.self, "1844674407370955161.5e1") == UInt64.max)
    }

    @Test func integersRefuseFractionsAndOverflow() {
        #expect(value(Int.self, "1.5") == nil)
        #expect(value(Int.self, "1e-2") == nil)
        #expect(value(Int8.self, "128") == nil)
        #expect(value(Int8.self, "-128") == -128)
        #expect(value(Int8.self, "-129") == nil)
        #expect(value(UInt8.self, "256") == nil)
        #expect(value(UInt.self, "-1") == nil)
        #expect(value(Int64.self, "9223372036854775808") == nil)
        #expect(value(Int64.self, "-9223372036854775808") == Int64.min)
        #expect(value(UInt64.self, "18446744073709551616") == nil)
        #expect(value(Int.self, "1e400") == nil)
        #expect(value(Int.self, "1e999999999999999999999") == nil)
        #expect(value(Int.self, "123456789012345678901234567890") == nil)
    }

    @Test func integersAreExactWhereFoundationRoundsThroughDouble() {
        // Foundation returns 1 here (the token rounds to 1.0 as a Double); it is not an integer.
        #expect(value(Int.self, "1.00000000000000000001") == nil)
        // Foundation refuses these (the Double rounds up past Int64.max); they are exactly Int64.max.
        #expect(value(Int64.self, "9223372036854775807.0") == Int64.max)
        #expect(value(Int64.self, "9223372036854775807e0") == Int64.max)
        // Foundation returns 0 for these (the Double underflows to 0.0); they are not integers.
        #expect(value(Int.self, "1e-400") == nil)
        #expect(value(UInt8.self, "2e-324") == nil)
        // Foundation truncates this one to -1091691651679249713 (its Decimal path divides by ten
        // without checking the remainder); it ends in .7.
        #expect(value(Int64.self, "-1.0916916516792497137e+18") == nil)
    }

    @Test @available(macOS 15.0, *)
    func widestIntegersConvertToo() {
        #expect(value(UInt128.self, "340282366920938463463374607431768211455") == UInt128.max)
        #expect(value(Int128.self, "-170141183460469231731687303715884105728") == Int128.min)
        #expect(value(UInt128.self, "340282366920938463463374607431768211456") == nil)
    }

    @Test func doublesRoundCorrectlyOnBothPaths() {
        // Short tokens take the exact fast path, long ones the standard library's parser.
        #expect(value(Double.self, "0.1") == 0.1)
        #expect(value(Double.self, "123456.789e3") == 123_456_789)
        #expect(value(Double.self, "9007199254740993") == 9_007_199_254_740_992)
        #expect(value(Double.self, "0.30000000000000004") == 0.30000000000000004)
        #expect(value(Double.self, "2.4703282292062328e-324") == 5e-324)
        #expect(value(Double.self, "1.7976931348623157e308") == .greatestFiniteMagnitude)
        #expect(value(Double.self, "123456789012345678901234567890") == 1.2345678901234568e29)
        #expect(value(Double.self, "-0")?.sign == .minus)
        #expect(value(Double.self, "-0.0e10")?.sign == .minus)
        #expect(value(Double.self, "1e-320") == 1e-320)
    }

    @Test func doublesNeverSilentlyBecomeInfiniteOrZero() {
        #expect(value(Double.self, "1e400") == nil)
        #expect(value(Double.self, "-1e400") == nil)
        #expect(value(Double.self, "1.7976931348623159e308") == nil)
        #expect(value(Double.self, "1e-400") == nil)
        #expect(value(Double.self, "2e-324") == nil)
        #expect(value(Double.self, "0e400") == 0)
        #expect(value(Double.self, "0.000e-999") == 0)
    }

    @Test func floatsHaveTheirOwnRange() {
        #expect(value(Float.self, "0.1") == Float(0.1))
        #expect(value(Float.self, "3.40282356e38") == .greatestFiniteMagnitude)
        #expect(value(Float.self, "3.4028236e38") == nil)
        #expect(value(Float.self, "1e39") == nil)
        #expect(value(Float.self, "1e-45") == Float(1e-45))
        #expect(value(Float.self, "1e-46") == nil)
        #expect(value(Float.self, "16777217") == 16_777_216)
    }
}
