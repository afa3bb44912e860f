#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the code for a profile's `mfa_serial` comes from: the operator's terminal, or a test.
public protocol MFACodeSource: Sendable {
    func code(profile: String, serial: String) async throws -> String
}

/// Asks on the controlling terminal (`/dev/tty`), so it works while stdout is piped into a file. Without a
/// terminal (CI, cron) the profile cannot be used, and the error says so.
public struct TerminalMFACodeSource: MFACodeSource {
    public init() {}

    public func code(profile: String, serial: String) async throws -> String {
        let tty = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard tty >= 0 else {
            throw CredentialSourceError.mfaCodeNeeded(profile: profile, serial: serial, reason: "no terminal to ask on")
        }
        defer { close(tty) }
        let prompt = Array("Enter the MFA code for \(serial) (profile \(profile)): ".utf8)
        _ = prompt.withUnsafeBytes { write(tty, $0.baseAddress, $0.count) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < 64, read(tty, &byte, 1) == 1, byte != 0x0A { line.append(byte) }
        let code = String(decoding: line, as: UTF8.self).filter { !$0.isWhitespace }
        // AWS MFA codes are six digits; anything else would only come back as an STS error.
        guard code.count == 6, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else {
            throw CredentialSourceError.mfaCodeNeeded(profile: profile, serial: serial, reason: "a code is six digits")
        }
        return code
    }
}
