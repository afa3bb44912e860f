/// The summary's colour for an amount, the 2023 workbook's bands: ≥ 10,000 red, ≥ 1,000 orange, ≥ 100 yellow,
/// ≥ 10 pale yellow, else grey. One table for the workbook's fills and the page's classes.
public enum CostBand: Int, Sendable, CaseIterable {
    case critical, high, medium, low, minimal

    public init(_ amount: Money) {
        let dollars = amount.units / Money.scale
        switch dollars {
        case 10_000...: self = .critical
        case 1_000...: self = .high
        case 100...: self = .medium
        case 10...: self = .low
        default: self = .minimal
        }
    }

    /// Fill and text colours (RGB hex) and whether the text is bold.
    public var fill: String { ["C00000", "ED7D31", "FFD966", "FFF2CC", "EDEDED"][rawValue] }
    public var text: String { ["FFFFFF", "FFFFFF", "000000", "000000", "000000"][rawValue] }
    public var bold: Bool { rawValue <= 2 }
    public var cssClass: String { "band\(rawValue)" }
}
