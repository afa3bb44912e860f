import Testing
@testable import Inventory

/// Amounts are decimal strings: read exactly, summed exactly, rounded once.
@Suite struct MoneyTests {
    @Test(arguments: [
        ("1234.5678", "1234.57", "1234.5678"), ("-0.005", "-0.01", "-0.005"), ("0.0000001234", "0.00", "0.0000001234"),
        ("1.5E-7", "0.00", "0.00000015"), ("+12", "12.00", "12.00"), ("0.125", "0.13", "0.125"), ("1E3", "1000.00", "1000.00"),
        ("0.0000000000015", "0.00", "0.000000000002"), ("0.0000000000025", "0.00", "0.000000000002"),
    ])
    func readsDecimalText(text: String, cents: String, exact: String) throws {
        let amount = try #require(Money(parsing: text))
        #expect(amount.description == cents)
        #expect(amount.exactDescription == exact)
    }

    @Test(arguments: ["", "-", ".", "1.2.3", "NaN", "1,234", "0x10", "1e", "1E99", "12 ", " 12", "١٢", String(repeating: "9", count: 70)])
    func refusesWhatIsNotADecimal(text: String) {
        #expect(Money(parsing: text) == nil)
    }

    /// Ten thousand tiny amounts: a binary float would drift; exact sums do not.
    @Test func sumsDoNotDrift() throws {
        let tenth = try #require(Money(parsing: "0.1"))
        let sum = (0..<10_000).reduce(Money.zero) { total, _ in total + tenth }
        #expect(sum == Money(cents: 100_000))
        #expect(sum.exactDescription == "1000.00")
    }

    @Test func centsRoundHalfAwayFromZero() throws {
        #expect(try #require(Money(parsing: "2.345")).roundedToCents == Money(cents: 235))
        #expect(try #require(Money(parsing: "-2.345")).roundedToCents == Money(cents: -235))
        #expect(try #require(Money(parsing: "2.3449999")).roundedToCents == Money(cents: 234))
    }
}
