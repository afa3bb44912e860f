#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The documents in `Fixtures/`, read from beside this file so the tests run from any directory,
/// with the C library rather than Foundation to keep the test target as dependency-free as the library.
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "cannot read fixture \(path)" }
    }

    static let names = [
        "all-constructs.xml", "cloudfront-error-response.xml", "ec2-describe-instances.xml", "ec2-error-response.xml",
        "iam-list-users.xml", "route53-list-hosted-zones.xml", "s3-error.xml", "sts-assume-role.xml",
        "sts-error-response.xml", "sts-get-caller-identity.xml",
    ]

    static func bytes(_ name: String) throws -> [UInt8] {
        let testsDirectory = String(#filePath).split(separator: "/", omittingEmptySubsequences: false).dropLast(2)
        let path = (testsDirectory + ["Fixtures", Substring(name)]).joined(separator: "/")
        guard let file = fopen(path, "rb") else { throw Missing(path: path) }
        defer { fclose(file) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while case let count = fread(&chunk, 1, chunk.count, file), count > 0 {
            contents += chunk[..<count]
        }
        return contents
    }
}
