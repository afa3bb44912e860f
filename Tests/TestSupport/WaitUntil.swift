import Testing

/// Polls `condition` for up to 30 s (a loaded CI machine is slow to reap processes or finish writes); records an issue when
/// it never holds.
public func waitUntil(_ condition: () async throws -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("condition did not hold within 30 s", sourceLocation: sourceLocation)
}
