import Testing
import Workbook

@Suite struct SheetNameTests {
    @Test(arguments: ["Summary", "운영 현황", "It's fine", "EC2 (2)", String(repeating: "a", count: 31), "Σ & <tags>"])
    func validNames(_ name: String) throws {
        #expect(try Sheet.validName(name) == name)
        #expect(try Sheet(name: name).name == name)
    }

    @Test func invalidNamesSayWhy() {
        let cases: [(String, SheetNameProblem)] = [
            ("", .empty),
            (String(repeating: "a", count: 32), .tooLong(32)),
            // Excel counts UTF-16 code units: 16 emoji are 32.
            (String(repeating: "🚀", count: 16), .tooLong(32)),
            ("EC2/EBS", .forbiddenCharacter("/")),
            ("a\\b", .forbiddenCharacter("\\")),
            ("[Tax]", .forbiddenCharacter("[")),
            ("a]", .forbiddenCharacter("]")),
            ("12:00", .forbiddenCharacter(":")),
            ("a*", .forbiddenCharacter("*")),
            ("why?", .forbiddenCharacter("?")),
            ("bell\u{7}", .forbiddenCharacter("\u{7}")),
            ("'quoted", .startsOrEndsWithApostrophe),
            ("quoted'", .startsOrEndsWithApostrophe),
            ("History", .reserved),
            ("hISTORY", .reserved),
        ]
        for (name, problem) in cases {
            #expect(throws: WorkbookError.invalidSheetName(name, problem)) { try Sheet.validName(name) }
            #expect(throws: WorkbookError.invalidSheetName(name, problem)) { try Sheet(name: name) }
        }
    }

    @Test func namesMustDifferIgnoringCase() throws {
        let workbook = Workbook(sheets: [try Sheet(name: "EC2"), try Sheet(name: "ec2")], properties: .sample)
        #expect(throws: WorkbookError.duplicateSheetName("ec2")) { try workbook.xlsx() }
    }

    @Test func uniqueNamesFromAnyText() {
        var names = SheetNames()
        #expect(names.uniqueName(for: "EC2/EBS") == "EC2_EBS")
        #expect(names.uniqueName(for: "[Tax]") == "_Tax_")
        #expect(names.uniqueName(for: "AWS Systems Manager Incident Manager Contacts") == "AWS Systems Manager Incident Ma")
        #expect(names.uniqueName(for: "AWS Systems Manager Incident Manager Contacts") == "AWS Systems Manager Inciden (2)")
        #expect(names.uniqueName(for: "EC2") == "EC2")
        #expect(names.uniqueName(for: "ec2") == "ec2 (2)")
        #expect(names.uniqueName(for: "EC2") == "EC2 (3)")
        #expect(names.uniqueName(for: "'quoted'") == "quoted")
        #expect(names.uniqueName(for: "") == "Sheet")
        #expect(names.uniqueName(for: "  '' ") == "Sheet (2)")
        #expect(names.uniqueName(for: "History") == "History (2)")
        #expect(names.uniqueName(for: "tab\there") == "tab_here")
    }

    @Test func cuttingKeepsWholeCharactersAndTrimsAnApostropheItExposes() {
        var names = SheetNames()
        #expect(names.uniqueName(for: String(repeating: "a", count: 30) + "👍") == String(repeating: "a", count: 30))
        #expect(names.uniqueName(for: "abcdefghijklmnopqrstuvwxyz1234'5678") == "abcdefghijklmnopqrstuvwxyz1234")
        #expect(names.uniqueName(for: String(repeating: "가", count: 40)) == String(repeating: "가", count: 31))
        #expect(names.uniqueName(for: String(repeating: "가", count: 40)) == String(repeating: "가", count: 27) + " (2)")
    }

    @Test func everyNameGivenIsValidAndUnique() throws {
        let services = [
            "Amazon Elastic Compute Cloud - Compute", "Amazon Elastic Compute Cloud - Compute",
            "EC2 - Other", "ec2 - other",
            "AWS Key Management Service", "Amazon Simple Storage Service", "Tax", "tax", "AWS CloudTrail",
            "Savings Plans for AWS Compute usage",
            "Amazon Relational Database Service", "Amazon Relational Database Service", "Amazon Relational Database Service",
            "'", "*", "a/b\\c", "History", "history (2)", "운영팀 / 플랫폼 [prod]", "👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻",
        ]
        var names = SheetNames()
        var given: Set<String> = []
        for service in services {
            let name = names.uniqueName(for: service)
            #expect(try Sheet.validName(name) == name)
            #expect(given.insert(name.lowercased()).inserted, "\(name) given twice")
        }
    }
}

extension DocumentProperties {
    static let sample = DocumentProperties(title: "test", created: try! CivilDateTime(year: 2024, month: 6, day: 1, hour: 9))
}
