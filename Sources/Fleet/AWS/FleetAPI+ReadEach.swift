extension Array where Element == any FleetAPI {
    /// `read` in every account and region at once; the answers come back in the APIs' order, which is the
    /// reports' order (accounts as given, regions as given), whatever order the reads finish in.
    func readEach<Answer: Sendable>(_ read: @escaping @Sendable (any FleetAPI) async -> Answer) async -> [Answer] {
        await withTaskGroup(of: (Int, Answer).self) { group in
            for (index, api) in enumerated() {
                group.addTask { (index, await read(api)) }
            }
            var answers: [(Int, Answer)] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
