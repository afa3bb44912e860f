/// The distinct looks a workbook's cells use, numbered in order of first use (sheets in tab order,
/// rows top to bottom, cells left to right), so the same workbook always gets the same table.
/// Number 0 is the plain look, which cells without a style attribute have.
struct StyleTable {
    /// The looks by number: the order of the styles part's `cellXfs`.
    private(set) var styles: [CellStyle] = [.plain]
    private var numbers: [CellStyle: Int] = [.plain: 0]
    /// Neighbouring cells mostly share a look: remembering the last one skips most hashing.
    private var last = (style: CellStyle.plain, number: 0)

    mutating func number(for style: CellStyle) -> Int {
        if style == last.style { return last.number }
        let number: Int
        if let known = numbers[style] {
            number = known
        } else {
            number = styles.count
            styles.append(style)
            numbers[style] = number
        }
        last = (style, number)
        return number
    }
}
