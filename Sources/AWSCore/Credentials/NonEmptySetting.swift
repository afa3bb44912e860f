extension [String: String] {
    /// An environment variable or config setting set to the empty string counts as unset, as in the AWS SDKs.
    package func nonEmpty(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }
}
