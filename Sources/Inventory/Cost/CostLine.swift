import AWSCore

/// One group of a Cost Explorer answer: an account's cost of one service and record type in one month, in
/// each metric asked for.
public struct CostLine: Sendable, Equatable {
    public let account: String
    public let month: ReportMonth
    public let service: String
    public let recordType: String
    /// Metric name (`UnblendedCost`) to amount.
    public let amounts: [String: Money]
    public let unit: String
    /// Cost Explorer's own flag: the month is not closed and its figures will still change.
    public let estimated: Bool

    public init(
        account: String, month: ReportMonth, service: String, recordType: String, amounts: [String: Money], unit: String = "USD",
        estimated: Bool = false
    ) {
        self.account = account
        self.month = month
        self.service = service
        self.recordType = recordType
        self.amounts = amounts
        self.unit = unit
        self.estimated = estimated
    }

    public var unblended: Money { amounts["UnblendedCost"] ?? .zero }

    /// The lines of one page of GetCostAndUsage grouped by SERVICE and RECORD_TYPE. A malformed amount or period
    /// is an error naming it: a cost silently read as zero would misstate the bill.
    static func lines(of page: AWSValue, account: String) throws(CostAnswerError) -> [CostLine] {
        var lines: [CostLine] = []
        for period in page.values(at: "ResultsByTime[]") {
            let start = period["TimePeriod"]?["Start"]?.text ?? ""
            guard let month = ReportMonth(parsing: start.prefix(7)), start.hasSuffix("-01") else {
                throw CostAnswerError.malformedPeriod(String(start.prefix(40)))
            }
            let estimated = period["Estimated"]?.text == "true"
            for group in period.values(at: "Groups[]") {
                let keys = group.values(at: "Keys[]").compactMap(\.text)
                guard keys.count == 2 else { throw CostAnswerError.malformedGroup(keys.joined(separator: ", ").prefix(80).description) }
                var amounts: [String: Money] = [:]
                var unit = "USD"
                for metric in CostQuery.metrics {
                    guard let value = group["Metrics"]?[metric] else { continue }
                    let text = value["Amount"]?.text ?? ""
                    guard let amount = Money(parsing: text) else {
                        throw CostAnswerError.malformedAmount(service: String(keys[0].prefix(80)), text: String(text.prefix(40)))
                    }
                    amounts[metric] = amount
                    unit = value["Unit"]?.text ?? unit
                }
                lines.append(CostLine(
                    account: account, month: month, service: keys[0], recordType: keys[1], amounts: amounts, unit: unit, estimated: estimated))
            }
        }
        return lines
    }
}

public enum CostAnswerError: Error, Equatable, CustomStringConvertible {
    case malformedPeriod(String)
    case malformedGroup(String)
    case malformedAmount(service: String, text: String)

    public var description: String {
        switch self {
        case .malformedPeriod(let start): return "Cost Explorer answered a period that is not a month: start \"\(start)\""
        case .malformedGroup(let keys): return "Cost Explorer answered a group without a service and record type: [\(keys)]"
        case .malformedAmount(let service, let text): return "Cost Explorer answered an amount that is not a decimal for \(service): \"\(text)\""
        }
    }
}
