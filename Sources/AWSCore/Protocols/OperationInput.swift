/// What an operation is called with, already under its wire names: form parameters (query, EC2; the
/// `Filter.1.Value.1` flattening is the caller's), a JSON body (JSON protocols), and for the REST protocols
/// path labels, query-string parameters and headers.
public struct OperationInput: Sendable, Equatable {
    /// Query and EC2: the form's parameters after `Action` and `Version`. REST: the query string.
    public var parameters: [Parameter]
    /// JSON and REST-JSON: the body, a structure.
    public var body: AWSValue?
    public var pathLabels: [String: String]
    public var headers: [Parameter]

    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(parameters: [Parameter] = [], body: AWSValue? = nil, pathLabels: [String: String] = [:], headers: [Parameter] = []) {
        self.parameters = parameters
        self.body = body
        self.pathLabels = pathLabels
        self.headers = headers
    }

    /// The input with `name` set to `value`: where the protocol carries members (a form or query-string
    /// parameter, or a member of the JSON body), replacing an earlier value. How a paginator passes its token
    /// (a JSON token may be a structure, as DynamoDB's start keys are).
    public func setting(_ name: String, to value: AWSValue, in wireProtocol: WireProtocol) -> OperationInput {
        var copy = self
        let inBody: Bool
        switch wireProtocol {
        case .json: inBody = true
        // A REST-JSON call that sends a body takes its paging members there too (RAM's ListResources).
        case .restJSON: inBody = body != nil
        case .query, .ec2, .restXML: inBody = false
        }
        if inBody {
            var members: [AWSValue.Member] = []
            if case .structure(let existing)? = body { members = existing.filter { $0.name != name } }
            copy.body = .structure(members + [AWSValue.Member(name, value)])
        } else {
            copy.parameters = parameters.filter { $0.name != name } + [Parameter(name, value.text ?? "")]
        }
        return copy
    }
}
