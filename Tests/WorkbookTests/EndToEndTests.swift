import Foundation
import Testing
import Workbook

/// The sample workbook read by real readers: openpyxl, and openxml-audit's port of the Open XML SDK
/// validator, through `scripts/lib/check_workbook.py` and `Fixtures/sample-workbook.json`.
@Suite struct EndToEndTests {
    static let python = RepositoryPaths.root + "/.venv-workbook/bin/python"

    @Test func sampleWorkbookOpensInOpenpyxlAndPassesOpenXMLAudit() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            Issue.record(
                """
                \(Self.python) is missing: the end-to-end check needs openpyxl and openxml-audit. Create it with
                bash -c 'cd \(RepositoryPaths.root) && source scripts/lib/common.sh && ensure_venv workbook openpyxl==3.1.5 openxml-audit==0.8.0'
                """)
            return
        }
        let written = try SampleWorkbook.make().write()
        #expect(written.truncations == [Truncation(sheet: "S3", cell: try CellReference("B4"), originalLength: 40_000)])
        let file = try TemporaryFile(extension: "xlsx", contents: written.bytes)
        let run = try ProgramOutput.run(
            Self.python,
            [RepositoryPaths.root + "/scripts/lib/check_workbook.py", file.path, RepositoryPaths.fixture("sample-workbook.json")])
        #expect(run.status == 0, "check_workbook.py failed:\n\(run.output)")
        print(run.output, terminator: "")
    }
}
