import Rendering
import Testing
@testable import Site

/// `page.tableOfContents`: the nested list built from a page's h2–h4 headings.
struct TableOfContentsTests {
    private func heading(_ level: Int, _ id: String, _ text: String) -> RenderedHeading {
        RenderedHeading(level: level, id: id, text: text)
    }

    @Test func nestsDeeperHeadingsUnderTheOneBefore() {
        let toc = TableOfContents.tree([heading(1, "title", "Title"), heading(2, "a", "A"), heading(3, "a1", "A.1"),
                                        heading(4, "a1x", "A.1.x"), heading(2, "b", "B"), heading(5, "deep", "Too deep")])
        #expect(TableOfContents.html(toc) == """
            <ul>
            <li><a href="#a">A</a>
            <ul>
            <li><a href="#a1">A.1</a>
            <ul>
            <li><a href="#a1x">A.1.x</a></li>
            </ul>
            </li>
            </ul>
            </li>
            <li><a href="#b">B</a></li>
            </ul>
            """)
    }

    @Test func escapesHeadingTextAndIDs() {
        let toc = TableOfContents.tree([heading(2, "x\"y", "Fish & <Chips>")])
        #expect(TableOfContents.html(toc) == "<ul>\n<li><a href=\"#x&quot;y\">Fish &amp; &lt;Chips&gt;</a></li>\n</ul>")
    }

    /// With `autoHeadingID` off a heading has no id, and Hugo links its entry to `#`.
    @Test func headingWithoutIDLinksToTheTop() {
        #expect(TableOfContents.html(TableOfContents.tree([heading(2, "", "Plain")])) == "<ul>\n<li><a href=\"#\">Plain</a></li>\n</ul>")
    }

    @Test func noHeadingsNoList() {
        #expect(TableOfContents.html(TableOfContents.tree([heading(1, "t", "T")])).isEmpty)
    }
}
