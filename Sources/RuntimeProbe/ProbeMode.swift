enum ProbeMode {
    case typed, raw, initFail

    init(environment: [String: String]) {
        switch environment["PROBE_MODE"] {
        case "raw": self = .raw
        case "init-fail": self = .initFail
        default: self = .typed
        }
    }
}

enum ProbeInitError: Error, CustomStringConvertible {
    case refused
    var description: String { "PROBE_MODE=init-fail asked initialization to fail" }
}
