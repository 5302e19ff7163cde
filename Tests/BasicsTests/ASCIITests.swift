import Testing
import Basics

/// The byte classes against Swift's own Character properties, over every byte.
@Suite struct ASCIITests {
    @Test func classesMatchCharacterProperties() {
        for byte in UInt8.min...UInt8.max {
            let c = Character(Unicode.Scalar(byte))
            let ascii = byte < 0x80
            #expect(ASCII.isDigit(byte) == (ascii && c.isNumber), "byte \(byte)")
            #expect(ASCII.isAlpha(byte) == (ascii && c.isLetter), "byte \(byte)")
            #expect(ASCII.isHex(byte) == (ascii && c.isHexDigit), "byte \(byte)")
        }
    }

    @Test func numbers() {
        #expect(ASCII.number(Array("0042".utf8)) == 42)
        #expect(ASCII.number(Array("".utf8)) == nil)
        #expect(ASCII.number(Array("4a".utf8)) == nil)
        #expect(ASCII.number(Array(String(repeating: "9", count: 19).utf8)) == nil)  // would overflow checks
    }
}
