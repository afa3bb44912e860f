import AWSCore
import HTTPCore
import Testing
@testable import Inventory

/// How a failed listing is reported: denied, not available, or an error with its code.
@Suite struct CoverageTests {
    static func error(_ code: String, status: Int = 400) -> AWSServiceError {
        AWSServiceError(status: status, code: code, message: nil, requestID: nil, operation: "X.Y")
    }

    @Test func deniedNotAvailableAndErrors() {
        #expect(Coverage.state(of: Self.error("UnauthorizedOperation", status: 403), usesDefaultEndpoint: true) == .denied)
        #expect(Coverage.state(of: Self.error("AccessDeniedException"), usesDefaultEndpoint: true) == .denied)
        #expect(Coverage.state(of: Self.error("AuthorizationError", status: 403), usesDefaultEndpoint: true) == .denied)
        #expect(Coverage.state(of: Self.error("OptInRequired", status: 401), usesDefaultEndpoint: true) == .notAvailable)
        #expect(Coverage.state(of: Self.error("SubscriptionRequiredException"), usesDefaultEndpoint: true) == .notAvailable)
        #expect(Coverage.state(of: Self.error("ThrottlingException"), usesDefaultEndpoint: true) == .error(code: "ThrottlingException"))
        #expect(Coverage.state(of: Self.error("SignatureDoesNotMatch", status: 403), usesDefaultEndpoint: true) == .error(code: "SignatureDoesNotMatch"),
            "a bad signature is our fault or the clock's, never 'denied'")
        #expect(Coverage.state(of: Self.error("InvalidClientTokenId", status: 403), usesDefaultEndpoint: true) == .error(code: "InvalidClientTokenId"))
    }

    /// A service a region lacks has no host there; a refused connection elsewhere is an error.
    @Test func anUnresolvableDefaultEndpointIsNotAvailable() {
        let dns = TransportError.connectionFailed(url: "https://x.me-central-1.amazonaws.com", detail: "NIOConnectionError(dnsAError: ...)")
        #expect(Coverage.state(of: dns, usesDefaultEndpoint: true) == .notAvailable)
        #expect(Coverage.state(of: dns, usesDefaultEndpoint: false) == .error(code: "connection"))
        let refused = TransportError.connectionFailed(url: "https://x", detail: "connection refused")
        #expect(Coverage.state(of: refused, usesDefaultEndpoint: true) == .error(code: "connection"))
        #expect(Coverage.state(of: TransportError.timedOut(url: "x", detail: ""), usesDefaultEndpoint: true) == .error(code: "timeout"))
    }

    @Test func statesReadAsTheCoverageSheetWritesThem() {
        #expect(CoverageEntry.State.ok(rows: 12).description == "ok 12")
        #expect(CoverageEntry.State.notAvailable.description == "not available")
        #expect(CoverageEntry.State.error(code: "Throttling").description == "error Throttling")
    }
}
