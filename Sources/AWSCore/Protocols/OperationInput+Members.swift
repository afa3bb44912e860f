/// An operation's input written once as members, put on whichever wire the service speaks: the JSON
/// protocols carry them as the body; the query protocols flatten them into form parameters, lists as
/// `Name.member.N` (EC2: `Name.N`) numbered from 1 and structures as `Name.Member`, so
/// `Tag.1.Key` and `Dimensions.member.1.Name` come out of the same tree.
extension OperationInput {
    public init(members: [AWSValue.Member], in wireProtocol: WireProtocol) {
        self.init()
        switch wireProtocol {
        case .json, .restJSON, .restXML:
            body = .structure(members)
        case .query, .ec2:
            parameters = members.flatMap { Self.formParameters($0.name, $0.value, in: wireProtocol) }
        }
    }

    /// One member as the query protocols' form parameters; a null member and an empty structure send nothing,
    /// an empty list the bare name (the query protocol's "empty"; EC2's sends nothing, as the SDKs do).
    public static func formParameters(_ name: String, _ value: AWSValue, in wireProtocol: WireProtocol) -> [Parameter] {
        formParameters(name, value, listInfix: { if case .ec2 = wireProtocol { "" } else { "member." } }())
    }

    private static func formParameters(_ name: String, _ value: AWSValue, listInfix: String) -> [Parameter] {
        switch value {
        case .null: return []
        case .bool, .number, .string: return [Parameter(name, value.text ?? "")]
        case .list(let elements):
            if elements.isEmpty { return listInfix.isEmpty ? [] : [Parameter(name, "")] }
            return elements.enumerated().flatMap { index, element in
                formParameters("\(name).\(listInfix)\(index + 1)", element, listInfix: listInfix)
            }
        case .structure(let members):
            return members.flatMap { formParameters("\(name).\($0.name)", $0.value, listInfix: listInfix) }
        }
    }
}
