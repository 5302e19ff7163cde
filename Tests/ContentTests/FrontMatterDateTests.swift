import Testing
@testable import Content

@Suite struct FrontMatterDateTests {
    @Test(arguments: ["2024-05-01", "2024-05-01T10:30", "2024-05-01T10:30:00Z", "2024-05-01T10:30:00.25+02:00",
                      "2024-05-01 10:30:00 +02:00", "2024-02-29", "2024-05-01T10:30:00-0700"])
    func datesHugoReadsAreKept(_ date: String) {
        let (page, problems) = FrontMatterParser.split("---\ndate: \(date)\n---\n", file: "p.md")
        #expect(problems.isEmpty, "\(problems)")
        #expect(page.frontMatter.date == date)
    }

    @Test(arguments: ["01/05/2024", "2023-02-29", "2024-13-01", "2024-05-01T24:00", "May 1, 2024", "2024-5-1", "yesterday"])
    func otherDatesAreErrorsWithTheFormToUse(_ date: String) {
        let (page, problems) = FrontMatterParser.split("---\ntitle: x\ndate: \(date)\n---\n", file: "p.md")
        #expect(page.frontMatter.date == nil)
        #expect(problems.map(\.description) == ["p.md:3:7: error: front matter: 'date' \(date) is not a date docgen can read: "
            + "write it as 2024-05-01 (year-month-day), optionally with a time, as in 2024-05-01T10:30:00Z or 2024-05-01 10:30:00 +02:00"])
    }
}
