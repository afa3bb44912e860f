import HTTPCore
import XMLTree

extension WireProtocol {
    /// A 2xx answer as a tree of the operation's output members: the query protocol's `<OpResult>`, EC2's and
    /// REST-XML's root element, a JSON body as it is. An empty body is an output with no members.
    func output(of response: HTTPResponse, operation: String) throws -> AWSValue {
        guard response.body.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return .structure([]) }
        do {
            switch self {
            case .json, .restJSON:
                return try AWSValue(json: response.body)
            case .query:
                let root = try XMLBody.parse(response.body)
                return root.child(operation + "Result").map(AWSValue.init(xml:)) ?? .structure([])
            case .ec2, .restXML:
                return AWSValue(xml: try XMLBody.parse(response.body))
            }
        } catch {
            throw AWSResponseError.undecodable(operation: operation, detail: String(describing: error).prefix(300).description)
        }
    }
}
