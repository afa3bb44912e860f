import CivilTime
import OpsCore

/// The export for programs (`--out FILE.json`): the counts, then every row with its values as Datadog has them
/// (times in UTC, options as an object, tags as a list, null where there is nothing).
public enum MonitorExportJSON {
    public static func encode(_ export: MonitorExport) -> [UInt8] {
        Array((document(export).indentedText + "\n").utf8)
    }

    public static func document(_ export: MonitorExport) -> JSONTree {
        .object([
            JSONMember("generated", .string(export.generated.iso8601())),
            JSONMember("total", integer(export.rows.count)),
            JSONMember("teams", counts(export.teams)),
            JSONMember("monitors", .array(export.rows.map(row))),
        ])
    }

    public static func counts(_ teams: [MonitorExport.TeamCount]) -> JSONTree {
        .array(teams.map { .object([JSONMember("team", $0.team.map(JSONTree.string) ?? .null), JSONMember("monitors", integer($0.monitors))]) })
    }

    static func row(_ row: MonitorExport.Row) -> JSONTree {
        let creator: JSONTree = row.creator.map { creator in
            .object([
                JSONMember("name", text(creator.name)), JSONMember("handle", text(creator.handle)), JSONMember("email", text(creator.email)),
                JSONMember("id", creator.id.map { .integer(String($0)) } ?? .null),
            ])
        } ?? .null
        return .object([
            JSONMember("no", integer(row.number)), JSONMember("id", .integer(String(row.id))), JSONMember("team", text(row.team)),
            JSONMember("name", .string(row.name)), JSONMember("priority", row.priority.map(integer) ?? .null),
            JSONMember("created", text(row.created?.iso8601())), JSONMember("modified", text(row.modified?.iso8601())),
            JSONMember("creator", creator), JSONMember("query", .string(row.query)), JSONMember("options", row.options),
            JSONMember("tags", .array(row.tags.map(JSONTree.string))), JSONMember("type", .string(row.type)),
            JSONMember("message", .string(row.message)),
        ])
    }

    static func integer(_ value: Int) -> JSONTree { .integer(String(value)) }

    static func text(_ value: String?) -> JSONTree { value.map(JSONTree.string) ?? .null }
}
