/// A value built by the first call that needs it and kept for the life of the process. Concurrent first
/// calls share one build; a failed build is not kept.
actor BuiltOnce<Value: Sendable> {
    private let build: @Sendable () async throws -> Value
    private var built: Task<Value, any Error>?

    init(_ build: @escaping @Sendable () async throws -> Value) {
        self.build = build
    }

    func value() async throws -> Value {
        if let built { return try await built.value }
        let task = Task { [build] in try await build() }
        built = task
        do {
            return try await task.value
        } catch {
            built = nil
            throw error
        }
    }
}
