#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The requests both benchmarks sign, from `scripts/bench/signing-inputs.json` (shared with the botocore side).
struct BenchInputs: Decodable {
    struct Header: Decodable {
        let service: String
        let host: String
        let target: String
        let body: String
    }

    struct Presign: Decodable {
        let bucket: String
        let key: String
        let expires: Int
    }

    let region: String
    let access_key_id: String
    let secret_access_key: String
    let session_token: String
    let timestamp: Int
    let header: Header
    let presign: Presign

    static func load(path: String) throws -> BenchInputs {
        try JSONDecoder().decode(BenchInputs.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
