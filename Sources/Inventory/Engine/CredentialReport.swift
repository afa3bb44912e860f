#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AWSCore

/// IAM's credential report joined to the users: when each last used the console password or an access key,
/// which no list call says. The report is generated on request and may take a few seconds.
enum CredentialReport {
    static let generate = AWSOperation("GenerateCredentialReport")
    static let get = AWSOperation("GetCredentialReport")
    /// The waits between asking whether the report is ready: short first (a small account's is ready in a
    /// second), then every two seconds; about 20 seconds in all before the users are listed without it.
    static let pauses: [Duration] = [.milliseconds(500), .seconds(1)] + Array(repeating: .seconds(2), count: 9)

    /// Each row whose `UserName` the report has gains a `CredentialReport` member (the report's columns by
    /// their header names). A report that cannot be had is a detail failure, not a failed kind.
    static func join(_ rows: [AWSValue], client: ServiceClient, context: ListingContext, failures: inout [String: Int]) async throws -> [AWSValue] {
        let report: [String: AWSValue]
        do {
            report = try await fetch(client: client, context: context)
        } catch {
            failures["credential report " + Coverage.code(of: error), default: 0] += 1
            return rows
        }
        return rows.map { row in
            guard let name = row["UserName"]?.text, let entry = report[name] else { return row }
            return .structure(KindLister.members(of: row) + [AWSValue.Member("CredentialReport", entry)])
        }
    }

    static func fetch(client: ServiceClient, context: ListingContext) async throws -> [String: AWSValue] {
        var pauses = pauses[...]
        while try await context.send(client, generate, OperationInput())["State"]?.text != "COMPLETE" {
            guard let pause = pauses.popFirst() else { throw CredentialReportError.notReady }
            try await context.sleeper.sleep(for: pause)
        }
        let answer = try await context.send(client, get, OperationInput())
        guard let content = answer["Content"]?.text, let data = Data(base64Encoded: content) else {
            throw CredentialReportError.unreadable
        }
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// The report's CSV (a header, then one line per user; the account's root as `<root_account>`) keyed by user.
    static func parse(_ csv: String) -> [String: AWSValue] {
        let records = CSVRecords.parse(csv)
        guard let header = records.first else { return [:] }
        var users: [String: AWSValue] = [:]
        for record in records.dropFirst() where record.count == header.count {
            let members = zip(header, record).map { AWSValue.Member($0, .string($1)) }
            if let user = record.first { users[user] = .structure(members) }
        }
        return users
    }
}

enum CredentialReportError: Error, CustomStringConvertible {
    case notReady
    case unreadable

    var description: String {
        switch self {
        case .notReady: return "the IAM credential report was still being generated"
        case .unreadable: return "the IAM credential report was not base64 CSV"
        }
    }
}

/// RFC 4180 records: fields separated by commas, quoted when they hold a comma, quote or line break.
enum CSVRecords {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character?
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let following = characters.next()
                    if following == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = following
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
