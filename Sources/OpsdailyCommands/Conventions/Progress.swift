import Synchronization

/// Progress on standard error (SPEC §13.0): a bar with counts and an ETA on a terminal, a plain line per
/// finished step otherwise (CI logs), nothing with `--quiet`.
public final class Progress: Sendable {
    public enum Style: Sendable { case bar, lines, silent }

    private struct State {
        var done = 0
        var failed = 0
        var total: Int
    }

    private let style: Style
    private let title: String
    private let started = ContinuousClock.now
    private let state: Mutex<State>

    public init(title: String, total: Int, style: Style) {
        self.title = title
        self.style = style
        state = Mutex(State(total: total))
    }

    /// `quiet` wins; otherwise a bar when stderr is a terminal.
    public static func style(quiet: Bool) -> Style {
        quiet ? .silent : (Terminal.standardErrorIsTerminal ? .bar : .lines)
    }

    public func add(total more: Int) {
        state.withLock { $0.total += more }
    }

    /// One step done; `label` says which (`dev ap-northeast-2 EC2: ok 12`).
    public func step(_ label: String, failed: Bool = false) {
        let snapshot = state.withLock { state -> State in
            state.done += 1
            if failed { state.failed += 1 }
            return state
        }
        switch style {
        case .silent: return
        case .lines: Terminal.writeError("[\(snapshot.done)/\(snapshot.total)] \(label)")
        case .bar: drawBar(snapshot)
        }
    }

    public func finish() {
        guard style == .bar else { return }
        Terminal.writeError("")
    }

    private func drawBar(_ snapshot: State) {
        let width = 30
        let fraction = snapshot.total == 0 ? 1 : Double(snapshot.done) / Double(snapshot.total)
        let filled = Int(fraction * Double(width))
        let elapsed = started.duration(to: .now)
        var eta = ""
        if snapshot.done > 0, snapshot.done < snapshot.total {
            let seconds = Double(elapsed.components.seconds) * Double(snapshot.total - snapshot.done) / Double(snapshot.done)
            eta = " ETA \(Int(seconds.rounded())) s"
        }
        let failures = snapshot.failed > 0 ? ", \(snapshot.failed) failed" : ""
        let line = "\r\(title) [" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            + "] \(snapshot.done)/\(snapshot.total)\(failures)\(eta)\u{1B}[K"
        Terminal.writeErrorRaw(line)
    }
}
