/// What Excel would repair or refuse, found before anything is written: each sheet's grid and layout,
/// and what the sheets must agree on (names, link targets).
enum WorkbookValidation {
    static func check(_ workbook: Workbook) throws(WorkbookError) {
        guard !workbook.sheets.isEmpty else { throw .noSheets }
        var names: Set<String> = []
        for sheet in workbook.sheets {
            guard names.insert(sheet.name.lowercased()).inserted else { throw .duplicateSheetName(sheet.name) }
        }
        let exactNames = Set(workbook.sheets.map(\.name))
        for sheet in workbook.sheets {
            try checkGrid(sheet)
            try checkLayout(sheet)
            try checkMerges(sheet)
            try checkHyperlinks(sheet, sheetNames: exactNames)
        }
    }

    private static func checkGrid(_ sheet: Sheet) throws(WorkbookError) {
        guard sheet.rows.count <= SpreadsheetLimits.rows else { throw .tooManyRows(sheet: sheet.name, count: sheet.rows.count) }
        for (index, row) in sheet.rows.enumerated() where row.count > SpreadsheetLimits.columns {
            throw .tooManyColumns(sheet: sheet.name, row: index + 1, count: row.count)
        }
    }

    private static func checkLayout(_ sheet: Sheet) throws(WorkbookError) {
        for (column, width) in sheet.columnWidths {
            guard (1...SpreadsheetLimits.columns).contains(column) else { throw .columnOutOfRange(column) }
            guard width.isFinite, (0...SpreadsheetLimits.columnWidth).contains(width) else {
                throw .invalidColumnWidth(sheet: sheet.name, column: column, width: width)
            }
        }
        for (row, height) in sheet.rowHeights {
            guard (1...SpreadsheetLimits.rows).contains(row) else { throw .rowOutOfRange(row) }
            guard height.isFinite, (0...SpreadsheetLimits.rowHeight).contains(height) else {
                throw .invalidRowHeight(sheet: sheet.name, row: row, height: height)
            }
        }
    }

    /// Sorted by top row, a merge can only overlap those that start before its bottom row ends: a sweep
    /// rather than comparing every pair.
    private static func checkMerges(_ sheet: Sheet) throws(WorkbookError) {
        let merges = sheet.mergedRanges.sorted { $0.first < $1.first }
        for (index, merge) in merges.enumerated() {
            guard merge.first != merge.last else { throw .invalidMerge(sheet: sheet.name, merge) }
            for other in merges[(index + 1)...] {
                if other.first.row > merge.last.row { break }
                if merge.overlaps(other) { throw .invalidMerge(sheet: sheet.name, other) }
            }
        }
    }

    private static func checkHyperlinks(_ sheet: Sheet, sheetNames: Set<String>) throws(WorkbookError) {
        var linked: Set<CellReference> = []
        for link in sheet.hyperlinks {
            func problem(_ problem: HyperlinkProblem) -> WorkbookError {
                .invalidHyperlink(sheet: sheet.name, cell: link.cell, problem)
            }
            guard linked.insert(link.cell).inserted else { throw problem(.duplicate) }
            if let tooltip = link.tooltip, tooltip.utf16.count > SpreadsheetLimits.hyperlinkTooltip {
                throw problem(.tooltipTooLong(tooltip.utf16.count))
            }
            switch link.target {
            case .cell(let target, _):
                guard sheetNames.contains(target) else { throw problem(.unknownSheet(target)) }
            case .url(let address):
                let lowercased = address.lowercased()
                guard lowercased.hasPrefix("https://") || lowercased.hasPrefix("http://") else {
                    throw problem(.unsupportedAddress(address))
                }
                let length = Hyperlink.uriEncoded(address).utf8.count
                guard length <= SpreadsheetLimits.hyperlinkAddress else { throw problem(.addressTooLong(length)) }
            }
        }
    }
}
