import NIOHTTP1
import Testing
@testable import LambdaEmulator

@Suite struct EmulatorRouteTests {
    @Test(arguments: [
        (HTTPMethod.GET, "/2018-06-01/runtime/invocation/next", EmulatorRoute.next),
        (.POST, "/2018-06-01/runtime/invocation/abc-1/response", .invocationResponse(requestID: "abc-1")),
        (.POST, "/2018-06-01/runtime/invocation/abc-1/error", .invocationError(requestID: "abc-1")),
        (.POST, "/2018-06-01/runtime/init/error", .initializationError),
        (.POST, "/2015-03-31/functions/collection/invocations", .invoke(functionName: "collection")),
        (.POST, "/2015-03-31/functions/collection/invocations?Qualifier=1", .invoke(functionName: "collection")),
        (.GET, "/_emulator/stats", .stats),
        (.POST, "/_emulator/faults?next=500", .fault("next=500")),
        (.POST, "/2018-06-01/runtime/invocation/next", .notFound),
        (.GET, "/2018-06-01/runtime/invocation/abc/response", .notFound),
        (.POST, "/2018-06-01/runtime/invocation//response", .notFound),
        (.POST, "/2018-06-01/runtime/invocation/a/b/response", .notFound),
        (.POST, "/2018-06-01/runtime/invocation/a/result", .notFound),
        (.POST, "/2015-03-31/functions//invocations", .notFound),
        (.POST, "/2015-03-31/functions/a/b/invocations", .notFound),
        (.GET, "/", .notFound),
    ])
    func routes(method: HTTPMethod, uri: String, expected: EmulatorRoute) {
        #expect(EmulatorRoute(method: method, uri: uri) == expected)
    }
}
