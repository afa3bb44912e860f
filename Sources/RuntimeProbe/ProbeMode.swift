enum ProbeMode {
    case typed, raw, initFail

    init(_ name: String?) {
        switch name {
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
