import AWSCore

/// Puts a catalogue call's input fields on the wire its protocol speaks.
struct InputBuilder {
    let wireProtocol: WireProtocol
    let operation: AWSOperation
    let month: ReportMonth

    /// `item` fills `.item` fields, `batch` the `.batch` field.
    func input(_ fields: [InputField], item: AWSValue? = nil, batch: [AWSValue] = []) -> OperationInput {
        var input = OperationInput()
        var body: [AWSValue.Member] = []
        for field in fields {
            guard let value = resolve(field.value, item: item, batch: batch) else { continue }
            switch wireProtocol {
            case .json:
                body.append(AWSValue.Member(field.name, value))
            case .query, .ec2:
                input.parameters += OperationInput.formParameters(field.name, value, in: wireProtocol)
            case .restJSON, .restXML:
                if field.placement == .body {
                    body.append(AWSValue.Member(field.name, value))
                } else if operation.path.contains("{\(field.name)}") || operation.path.contains("{\(field.name)+}") {
                    input.pathLabels[field.name] = value.text ?? ""
                } else {
                    let values = value.isList ? value.elements : [value]
                    input.parameters += values.map { OperationInput.Parameter(field.name, $0.text ?? "") }
                }
            }
        }
        if !body.isEmpty || wireProtocol.isJSONRPC { input.body = .structure(body) }
        return input
    }

    private func resolve(_ value: InputValue, item: AWSValue?, batch: [AWSValue]) -> AWSValue? {
        switch value {
        case .text(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .texts(let texts): return .list(texts.map(AWSValue.string))
        case .value(let value): return value
        case .item(let path): return item?.values(at: path).first
        case .listed: return item
        case .batch: return .list(batch)
        // `createdAfter` is exclusive: a millisecond before the first instant keeps a job made at exactly 00:00.
        case .monthStart: return .string(month.start.adding(milliseconds: -1).iso8601(milliseconds: true))
        case .monthEnd: return .string(month.end.iso8601(milliseconds: true))
        }
    }
}

extension AWSValue {
    var isList: Bool {
        if case .list = self { return true }
        return false
    }
}

extension WireProtocol {
    /// The JSON protocols always send a body, `{}` at least.
    var isJSONRPC: Bool {
        if case .json = self { return true }
        return false
    }
}
