import ArgumentParser

/// Human text on stdout, or JSON where a machine reads it.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text
    case json
}
